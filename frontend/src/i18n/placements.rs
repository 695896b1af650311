//! The texts of the Plekken and Capaciteit pages, and the words for placement values.

use domain::{
    Commitment, PlacementKind, PlacementStatus, SchoolTask, SchoolYear, StartMoment, Weekday,
};

use super::fill;

/// The texts of the Plekken page, and the names of placement values.
#[derive(Debug, PartialEq)]
pub struct PlacementTexts {
    pub intro: &'static str,
    pub intro_read_only: &'static str,
    pub intro_all_schools: &'static str,
    pub new_placement: &'static str,

    // Filters.
    pub filters_title: &'static str,
    pub all_schools: &'static str,
    pub all_start_moments: &'static str,
    pub all_weekdays: &'static str,
    pub all_kinds: &'static str,
    pub all_statuses: &'static str,
    pub expertise_filter_hint: &'static str,
    pub apply_filters: &'static str,

    // Labels of fields and columns.
    pub school: &'static str,
    pub school_year: &'static str,
    pub start_moment: &'static str,
    pub commitment: &'static str,
    pub weekday: &'static str,
    pub starts_at: &'static str,
    pub ends_at: &'static str,
    pub kind: &'static str,
    pub group: &'static str,
    pub group_hint: &'static str,
    pub teacher: &'static str,
    pub task: &'static str,
    pub choose_task: &'static str,
    pub theme: &'static str,
    pub theme_hint: &'static str,
    pub expertise: &'static str,
    pub expertise_hint: &'static str,
    pub note: &'static str,
    pub capacity: &'static str,
    pub status: &'static str,
    pub reason: &'static str,
    pub column_when: &'static str,
    pub column_day: &'static str,
    pub column_placement: &'static str,
    pub column_expertise: &'static str,
    pub column_capacity: &'static str,
    pub column_actions: &'static str,

    // Values.
    pub september: &'static str,
    pub february: &'static str,
    pub half_year: &'static str,
    pub whole_year: &'static str,
    pub weekdays: [&'static str; 5],
    pub class: &'static str,
    pub school_task: &'static str,
    pub thematic: &'static str,
    pub surveillance: &'static str,
    pub extracurricular: &'static str,
    pub administration: &'static str,
    pub draft: &'static str,
    pub open: &'static str,
    pub proposed: &'static str,
    pub filled: &'static str,
    pub closed: &'static str,
    pub cancelled: &'static str,
    pub hours: &'static str,
    pub hours_minutes: &'static str,
    pub one_placement: &'static str,
    pub many_placements: &'static str,

    // Actions.
    pub edit: &'static str,
    pub open_action: &'static str,
    pub close_action: &'static str,
    pub cancel_action: &'static str,
    pub save: &'static str,
    pub save_and_open: &'static str,
    pub saving: &'static str,
    pub dont_save: &'static str,

    // The form.
    pub form_new_title: &'static str,
    pub form_edit_title: &'static str,
    pub form_new_hint: &'static str,
    pub form_when: &'static str,
    pub form_what: &'static str,
    pub form_for_candidates: &'static str,

    // The reason dialog.
    pub close_title: &'static str,
    pub close_body: &'static str,
    pub cancel_title: &'static str,
    pub cancel_body: &'static str,
    pub reason_hint: &'static str,
    pub reason_required: &'static str,
    pub back: &'static str,

    // What just happened.
    pub created: &'static str,
    pub created_and_opened: &'static str,
    pub saved: &'static str,
    pub saved_and_opened: &'static str,
    pub opened: &'static str,
    pub closed_done: &'static str,
    pub cancelled_done: &'static str,
    pub open_failed_after_save: &'static str,

    // Empty states.
    pub empty_year: &'static str,
    pub empty_year_read_only: &'static str,
    pub empty_all_schools: &'static str,
    pub empty_filtered: &'static str,

    // The school year's overview.
    pub summary_title: &'static str,
    pub summary_offered: &'static str,
    pub summary_suggested: &'static str,
    pub summary_not_decided: &'static str,
    pub summary_remaining: &'static str,
    pub summary_complete: &'static str,
    pub summary_over: &'static str,
    pub summary_undecided: &'static str,
    pub summary_pick_school: &'static str,
    pub to_capacity: &'static str,

    // Messages next to fields.
    pub msg_group_required: &'static str,
    pub msg_task_required: &'static str,
    pub msg_theme_required: &'static str,
    pub msg_time_required: &'static str,
    pub msg_day_ends_before_start: &'static str,
    pub msg_day_length: &'static str,
    pub msg_too_long: &'static str,
    pub msg_expertise: &'static str,
    pub msg_capacity: &'static str,
    pub msg_choose: &'static str,
    pub msg_school: &'static str,
    pub msg_check: &'static str,
}

impl PlacementTexts {
    pub fn start_moment(&self, moment: StartMoment) -> &'static str {
        match moment {
            StartMoment::September => self.september,
            StartMoment::February => self.february,
        }
    }

    pub fn commitment(&self, commitment: Commitment) -> &'static str {
        match commitment {
            Commitment::HalfYear => self.half_year,
            Commitment::WholeYear => self.whole_year,
        }
    }

    pub fn weekday(&self, weekday: Weekday) -> &'static str {
        let index = Weekday::ALL.iter().position(|w| *w == weekday);
        index.map_or("", |i| self.weekdays[i])
    }

    pub fn kind(&self, kind: PlacementKind) -> &'static str {
        match kind {
            PlacementKind::Class => self.class,
            PlacementKind::SchoolTask => self.school_task,
            PlacementKind::Thematic => self.thematic,
        }
    }

    pub fn task(&self, task: SchoolTask) -> &'static str {
        match task {
            SchoolTask::Surveillance => self.surveillance,
            SchoolTask::Extracurricular => self.extracurricular,
            SchoolTask::Administration => self.administration,
        }
    }

    pub fn status(&self, status: PlacementStatus) -> &'static str {
        match status {
            PlacementStatus::Draft => self.draft,
            PlacementStatus::Open => self.open,
            PlacementStatus::Proposed => self.proposed,
            PlacementStatus::Filled => self.filled,
            PlacementStatus::Closed => self.closed,
            PlacementStatus::Cancelled => self.cancelled,
        }
    }

    /// A length of time: "7 uur", "6 uur en 30 minuten".
    pub fn duration(&self, minutes: i64) -> String {
        let (h, m) = (minutes / 60, minutes % 60);
        if m == 0 {
            fill(self.hours, &[("h", &h.to_string())])
        } else {
            fill(
                self.hours_minutes,
                &[("h", &h.to_string()), ("m", &m.to_string())],
            )
        }
    }

    /// "1 plek", "3 plekken".
    pub fn count(&self, n: u32) -> String {
        if n == 1 {
            self.one_placement.to_owned()
        } else {
            fill(self.many_placements, &[("n", &n.to_string())])
        }
    }

    /// What the list says when it is empty.
    pub fn empty(&self, year: Option<SchoolYear>, narrowed: bool, may_create: bool) -> String {
        match (year, narrowed) {
            (_, true) => self.empty_filtered.to_owned(),
            (None, false) => self.empty_all_schools.to_owned(),
            (Some(year), false) => {
                let template = if may_create {
                    self.empty_year
                } else {
                    self.empty_year_read_only
                };
                fill(template, &[("year", &year.to_string())])
            }
        }
    }
}

/// The texts of the Capaciteit page.
#[derive(Debug, PartialEq)]
pub struct CapacityTexts {
    pub intro: &'static str,
    pub intro_read_only: &'static str,
    pub numbers_title: &'static str,
    pub groups: &'static str,
    pub interns: &'static str,
    pub starters: &'static str,
    pub offered: &'static str,
    pub offered_hint: &'static str,
    pub teachers_title: &'static str,
    pub teachers_hint: &'static str,
    pub self_reported_title: &'static str,
    pub self_reported_hint: &'static str,
    pub self_yes: &'static str,
    pub self_no: &'static str,
    pub teacher_legend: &'static str,
    pub teacher_name: &'static str,
    pub teacher_groups: &'static str,
    pub teacher_groups_hint: &'static str,
    pub teacher_days: &'static str,
    pub teacher_opted_in: &'static str,
    pub add_teacher: &'static str,
    pub remove_teacher: &'static str,
    pub no_teachers: &'static str,
    pub suggestion_title: &'static str,
    pub suggestion_unsaved: &'static str,
    pub decision_title: &'static str,
    pub offered_none: &'static str,
    pub offered_equal: &'static str,
    pub offered_more: &'static str,
    pub offered_less: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub never_saved: &'static str,
    pub msg_number: &'static str,
    pub msg_groups_max: &'static str,
    pub msg_not_more_than_groups: &'static str,
    pub msg_teacher_name: &'static str,
    pub msg_teachers_max: &'static str,
    pub msg_offered_max: &'static str,
}

#[cfg(test)]
mod tests {
    use crate::i18n::{EN, NL};

    use super::*;

    #[test]
    fn values_have_their_dutch_names() {
        let t = NL.placements();
        let days: Vec<_> = Weekday::ALL.iter().map(|w| t.weekday(*w)).collect();
        assert_eq!(
            days,
            ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]
        );
        let kinds: Vec<_> = PlacementKind::ALL.iter().map(|k| t.kind(*k)).collect();
        assert_eq!(kinds, ["In de klas", "Schooltaak", "Thematisch"]);
        let statuses: Vec<_> = PlacementStatus::ALL.iter().map(|s| t.status(*s)).collect();
        assert_eq!(
            statuses,
            [
                "Concept",
                "Open",
                "Voorgesteld",
                "Ingevuld",
                "Gesloten",
                "Geannuleerd"
            ]
        );
        assert_eq!(t.task(SchoolTask::Surveillance), "Toezicht");
        assert_eq!(t.commitment(Commitment::WholeYear), "heel jaar");
        assert_eq!(t.start_moment(StartMoment::February), "februari");
    }

    #[test]
    fn lengths_and_counts_read_naturally() {
        assert_eq!(NL.placements().duration(420), "7 uur");
        assert_eq!(NL.placements().duration(390), "6 uur en 30 minuten");
        assert_eq!(NL.placements().count(1), "1 plek");
        assert_eq!(NL.placements().count(0), "0 plekken");
        assert_eq!(EN.placements().count(3), "3 spots");
    }

    #[test]
    fn an_empty_list_tells_the_director_what_to_do_next() {
        let year = SchoolYear::parse("2026-2027").ok();
        assert_eq!(
            NL.placements().empty(year, false, true),
            "Nog geen plekken voor 2026-2027. Maak je eerste plek aan."
        );
        assert_eq!(
            NL.placements().empty(year, false, false),
            "Nog geen plekken voor 2026-2027."
        );
        assert!(NL.placements().empty(year, true, true).contains("filters"));
    }
}

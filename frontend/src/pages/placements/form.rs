//! A placement as typed into the form: turned into a `PlacementInput` and checked with the same
//! rules the server applies (`PlacementInput::validate`), with messages next to the fields in
//! the person's language rather than the checks' English.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use domain::contract::{FieldError, Placement, PlacementInput};
use domain::{
    Commitment, PlacementKind, SchoolTask, SchoolYear, StartMoment, Weekday, placement::day_minutes,
};
use uuid::Uuid;

use crate::i18n::{PlacementTexts, fill};

/// The form's values. Selects hold their value; what is typed stays text until it is checked.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacementForm {
    pub school_id: Option<Uuid>,
    pub school_year: SchoolYear,
    pub start_moment: StartMoment,
    pub commitment: Commitment,
    pub weekday: Weekday,
    pub starts_at: String,
    pub ends_at: String,
    pub kind: PlacementKind,
    pub group: String,
    pub teacher: String,
    pub task: Option<SchoolTask>,
    pub theme: String,
    pub expertise: String,
    pub note: String,
    pub capacity: String,
}

/// The fields in the order the form shows them: the first with a message gets the focus.
pub const FIELDS: [&str; 15] = [
    "school_id",
    "school_year",
    "start_moment",
    "commitment",
    "weekday",
    "starts_at",
    "ends_at",
    "kind",
    "group",
    "teacher",
    "task",
    "theme",
    "expertise",
    "note",
    "capacity",
];

impl PlacementForm {
    /// A new placement with the usual choices: the coming start moment (in `year` if that is a
    /// later school year), half a year, on Tuesday from 08:30 to 15:30, in a class, for one
    /// ambassador.
    pub fn new(school_id: Option<Uuid>, today: NaiveDate, year: Option<SchoolYear>) -> Self {
        let (next_year, next_moment) = StartMoment::next_after(today);
        let (school_year, start_moment) = match year {
            Some(year) if year > next_year => (year, StartMoment::September),
            _ => (next_year, next_moment),
        };
        Self {
            school_id,
            school_year,
            start_moment,
            commitment: Commitment::HalfYear,
            weekday: Weekday::Tuesday,
            starts_at: "08:30".into(),
            ends_at: "15:30".into(),
            kind: PlacementKind::Class,
            group: String::new(),
            teacher: String::new(),
            task: None,
            theme: String::new(),
            expertise: String::new(),
            note: String::new(),
            capacity: "1".into(),
        }
    }

    /// The form filled in with a placement, to edit it.
    pub fn from_placement(placement: &Placement) -> Self {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        Self {
            school_id: Some(placement.school_id),
            school_year: placement.school_year,
            start_moment: placement.start_moment,
            commitment: placement.commitment,
            weekday: placement.weekday,
            starts_at: hhmm(placement.starts_at),
            ends_at: hhmm(placement.ends_at),
            kind: placement.kind,
            group: text(&placement.group),
            teacher: text(&placement.teacher),
            task: placement.task,
            theme: text(&placement.theme),
            expertise: placement.expertise.join(", "),
            note: text(&placement.note),
            capacity: placement.capacity.to_string(),
        }
    }

    /// The placement to send, tidied up, or every problem by field. `needs_school` asks for the
    /// school (a new placement); an edited one keeps its own.
    pub fn input(&self, needs_school: bool) -> Result<PlacementInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str| {
            errors.push(FieldError {
                field: field.to_owned(),
                message: String::new(),
            });
        };
        if needs_school && self.school_id.is_none() {
            fail("school_id");
        }
        let starts_at = parse_time(&self.starts_at);
        let ends_at = parse_time(&self.ends_at);
        let capacity = self.capacity.trim().parse::<u32>().ok();
        if starts_at.is_none() {
            fail("starts_at");
        }
        if ends_at.is_none() {
            fail("ends_at");
        }
        if capacity.is_none() {
            fail("capacity");
        }
        let optional = |text: &str| Some(text.to_owned()).filter(|t| !t.trim().is_empty());
        let input = PlacementInput {
            school_id: self.school_id,
            school_year: self.school_year,
            start_moment: self.start_moment,
            commitment: self.commitment,
            weekday: self.weekday,
            // Stand-ins when unparsable: the field already has its message, and a valid pair
            // keeps `validate` from adding a second, confusing one.
            starts_at: starts_at.unwrap_or(NaiveTime::MIN),
            ends_at: match (starts_at, ends_at) {
                (Some(_), Some(ends_at)) => ends_at,
                _ => NaiveTime::from_hms_opt(7, 0, 0).unwrap_or(NaiveTime::MIN),
            },
            kind: self.kind,
            group: optional(&self.group),
            teacher: optional(&self.teacher),
            task: self.task,
            theme: optional(&self.theme),
            expertise: split_list(&self.expertise),
            note: optional(&self.note),
            capacity: capacity.unwrap_or(1),
        };
        match input.validate() {
            Ok((tidy, _minutes)) if errors.is_empty() => Ok(tidy),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }
}

/// A time from an `<input type="time">`: `08:30`, or `08:30:00` when it shows seconds.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .ok()
}

/// A time as `08:30`.
pub fn hhmm(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// A comma-separated list, each item trimmed, empty ones left out.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The id of a field's input: `pf-ends-at` for `ends_at`.
pub fn input_id(field: &str) -> String {
    match field {
        "school_id" => "pf-school".to_owned(),
        other => format!("pf-{}", other.replace('_', "-")),
    }
}

/// A message for each field with a problem (the first, if it has several), in the person's
/// language. `errors` come from the form's own check or from the server; their English messages
/// are not shown.
pub fn field_messages(
    texts: &PlacementTexts,
    form: &PlacementForm,
    errors: &[FieldError],
) -> BTreeMap<String, String> {
    let mut messages = BTreeMap::new();
    for error in errors {
        messages
            .entry(error.field.clone())
            .or_insert_with(|| message(texts, form, error));
    }
    messages
}

fn message(texts: &PlacementTexts, form: &PlacementForm, error: &FieldError) -> String {
    if let Some(max) = too_long(&error.message) {
        return fill(texts.msg_too_long, &[("n", &max.to_string())]);
    }
    let text = match error.field.as_str() {
        "school_id" => texts.msg_school,
        "starts_at" => texts.msg_time_required,
        "ends_at" => return day_message(texts, form),
        "group" => texts.msg_group_required,
        "task" => texts.msg_task_required,
        "theme" => texts.msg_theme_required,
        "expertise" => texts.msg_expertise,
        "capacity" => texts.msg_capacity,
        "school_year" | "start_moment" | "commitment" | "weekday" | "kind" => texts.msg_choose,
        _ => texts.msg_check,
    };
    text.to_owned()
}

/// What is wrong with the day's times, as the person typed them.
fn day_message(texts: &PlacementTexts, form: &PlacementForm) -> String {
    match (parse_time(&form.starts_at), parse_time(&form.ends_at)) {
        (Some(starts_at), Some(ends_at)) if ends_at <= starts_at => {
            texts.msg_day_ends_before_start.to_owned()
        }
        (Some(starts_at), Some(ends_at)) => {
            let minutes = day_minutes(starts_at, ends_at)
                .unwrap_or_else(|_| (ends_at - starts_at).num_minutes());
            fill(
                texts.msg_day_length,
                &[("duration", &texts.duration(minutes))],
            )
        }
        _ => texts.msg_time_required.to_owned(),
    }
}

/// The limit in a "at most 50 characters" message, the one kind of message with a number.
fn too_long(message: &str) -> Option<u32> {
    let rest = message.strip_prefix("at most ")?;
    let (number, unit) = rest.split_once(' ')?;
    unit.starts_with("characters")
        .then(|| number.parse().ok())
        .flatten()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use domain::PlacementStatus;

    use super::*;
    use crate::i18n::NL;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn school() -> Option<Uuid> {
        Some(Uuid::from_u128(7))
    }

    fn messages(form: &PlacementForm) -> BTreeMap<String, String> {
        let errors = form.input(true).unwrap_err();
        field_messages(NL.placements(), form, &errors)
    }

    #[test]
    fn a_new_placement_starts_at_the_coming_start_moment_with_the_usual_day() {
        let form = PlacementForm::new(school(), d(2026, 11, 22), None);
        assert_eq!(form.school_year.to_string(), "2026-2027");
        assert_eq!(form.start_moment, StartMoment::February);
        assert_eq!(form.commitment, Commitment::HalfYear);
        assert_eq!(form.weekday, Weekday::Tuesday);
        assert_eq!(
            (form.starts_at.as_str(), form.ends_at.as_str()),
            ("08:30", "15:30")
        );
        assert_eq!(form.kind, PlacementKind::Class);
        assert_eq!(form.capacity, "1");
    }

    #[test]
    fn a_new_placement_for_a_later_school_year_starts_in_september() {
        let later = SchoolYear::parse("2027-2028").ok();
        let form = PlacementForm::new(school(), d(2026, 11, 22), later);
        assert_eq!(form.school_year.to_string(), "2027-2028");
        assert_eq!(form.start_moment, StartMoment::September);
    }

    #[test]
    fn a_filled_in_form_becomes_a_tidy_input() {
        let mut form = PlacementForm::new(school(), d(2026, 11, 22), None);
        form.kind = PlacementKind::Thematic;
        form.group = "groep 5".into();
        form.theme = " Techniekweek ".into();
        form.expertise = "techniek, programmeren, ,".into();
        form.starts_at = "08:30:00".into();
        let input = form.input(true).unwrap();
        assert_eq!(input.theme.as_deref(), Some("Techniekweek"));
        assert_eq!(input.group, None, "a thematic placement has no group");
        assert_eq!(input.expertise, ["techniek", "programmeren"]);
        assert_eq!(input.school_id, school());
        assert_eq!(input.starts_at, NaiveTime::from_hms_opt(8, 30, 0).unwrap());
    }

    #[test]
    fn missing_details_get_dutch_messages_next_to_their_fields() {
        let mut form = PlacementForm::new(None, d(2026, 11, 22), None);
        form.capacity = "twee".into();
        let messages = messages(&form);
        assert_eq!(messages["school_id"], "Kies een school.");
        assert_eq!(
            messages["group"],
            "Vul de groep of klas in, bijvoorbeeld groep 5 of 2 havo."
        );
        assert_eq!(messages["capacity"], "Vul een aantal van 1 tot 10 in.");
        assert_eq!(messages.len(), 3, "{messages:?}");
    }

    #[test]
    fn a_day_of_the_wrong_length_says_how_long_it_is() {
        let mut form = PlacementForm::new(school(), d(2026, 11, 22), None);
        form.group = "groep 5".into();
        form.ends_at = "13:30".into();
        assert_eq!(
            messages(&form)["ends_at"],
            "Een dag op school duurt 6 tot 8 uur; dit is 5 uur."
        );
        form.ends_at = "08:00".into();
        assert!(messages(&form)["ends_at"].contains("voor de begintijd"));
        form.ends_at = String::new();
        assert_eq!(messages(&form)["ends_at"], "Vul een tijd in, zoals 08:30.");
        assert_eq!(messages(&form).len(), 1);
    }

    #[test]
    fn the_servers_english_messages_are_replaced() {
        let form = PlacementForm::new(school(), d(2026, 11, 22), None);
        let errors = [
            FieldError {
                field: "note".into(),
                message: "at most 1000 characters".into(),
            },
            FieldError {
                field: "task".into(),
                message: "choose the task".into(),
            },
            FieldError {
                field: "mystery".into(),
                message: "English".into(),
            },
        ];
        let messages = field_messages(NL.placements(), &form, &errors);
        assert_eq!(messages["note"], "Gebruik hoogstens 1000 tekens.");
        assert_eq!(messages["task"], "Kies een taak.");
        assert!(!messages["mystery"].contains("English"));
    }

    #[test]
    fn an_edited_placement_fills_the_form_as_it_was() {
        let mut form = PlacementForm::new(school(), d(2026, 11, 22), None);
        form.group = "groep 5".into();
        form.expertise = "techniek, koken".into();
        let input = form.input(true).unwrap();
        let placement = Placement {
            id: Uuid::from_u128(1),
            school_id: Uuid::from_u128(7),
            school_name: "De Zeester".into(),
            school_type: domain::SchoolType::Po,
            region: domain::Region::Noord,
            municipality: "Den Helder".into(),
            school_year: input.school_year,
            start_moment: input.start_moment,
            commitment: input.commitment,
            period: domain::school_year::period(
                input.school_year,
                input.start_moment,
                input.commitment,
            ),
            weekday: input.weekday,
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            minutes: 420,
            kind: input.kind,
            group: input.group.clone(),
            teacher: None,
            task: None,
            theme: None,
            expertise: input.expertise.clone(),
            note: None,
            capacity: 1,
            status: PlacementStatus::Open,
            status_reason: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::DateTime::UNIX_EPOCH,
        };
        assert_eq!(PlacementForm::from_placement(&placement), form);
    }

    #[test]
    fn field_names_lead_to_their_inputs() {
        assert_eq!(input_id("ends_at"), "pf-ends-at");
        assert_eq!(input_id("school_year"), "pf-school-year");
        assert_eq!(input_id("school_id"), "pf-school");
    }
}

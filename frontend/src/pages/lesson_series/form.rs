//! A lesson series as typed into its form: turned into a `LessonSeriesInput`, and the server's
//! field errors (`title`, `lessons[1].minutes`) turned into Dutch messages beside the inputs.
//! The form checks only what it cannot send (no school chosen, minutes that are no number); the
//! rules themselves are the server's, so they are said in one place.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use domain::SchoolType;
use domain::contract::{FieldError, FrameworkSummary, Lesson, LessonSeries, LessonSeriesInput};
use domain::lesson_series::{LessonSeriesStatus, TargetGroup};
use uuid::Uuid;

use crate::i18n::{SeriesFormTexts, fill};

/// One lesson as typed. `key` stays with the lesson when one above it is removed, so what is
/// typed stays in its own inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonDraft {
    pub key: u32,
    pub title: String,
    pub goal: String,
    pub minutes: String,
    pub materials: String,
}

impl LessonDraft {
    fn empty(key: u32) -> Self {
        Self {
            key,
            title: String::new(),
            goal: String::new(),
            minutes: "60".into(),
            materials: String::new(),
        }
    }
}

/// The form's values.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesForm {
    pub school_id: Option<Uuid>,
    pub framework_code: String,
    pub title: String,
    pub theme: String,
    pub description: String,
    pub target_groups: Vec<TargetGroup>,
    pub objectives: Vec<u32>,
    pub lessons: Vec<LessonDraft>,
    next_key: u32,
}

/// How many lessons a new series starts with: the usual series has three.
const FIRST_LESSONS: u32 = 3;
/// How many lessons a series may have.
pub const MAX_LESSONS: usize = 12;

impl SeriesForm {
    /// An empty series at `school_id` (none when the ambassador still has to choose), with three
    /// empty lessons of an hour.
    pub fn new(school_id: Option<Uuid>, framework_code: &str) -> Self {
        Self {
            school_id,
            framework_code: framework_code.to_owned(),
            title: String::new(),
            theme: String::new(),
            description: String::new(),
            target_groups: Vec::new(),
            objectives: Vec::new(),
            lessons: (0..FIRST_LESSONS).map(LessonDraft::empty).collect(),
            next_key: FIRST_LESSONS,
        }
    }

    /// The form filled in with a series, to edit it.
    pub fn from_series(series: &LessonSeries) -> Self {
        let c = &series.content;
        let lessons: Vec<LessonDraft> = c
            .lessons
            .iter()
            .zip(0..)
            .map(|(lesson, key)| LessonDraft {
                key,
                title: lesson.title.clone(),
                goal: lesson.goal.clone(),
                minutes: lesson.minutes.to_string(),
                materials: lesson.materials.clone(),
            })
            .collect();
        Self {
            school_id: Some(c.school_id),
            framework_code: c.framework_code.clone(),
            title: c.title.clone(),
            theme: c.theme.clone(),
            description: c.description.clone(),
            target_groups: c.target_groups.clone(),
            objectives: c.objectives.clone(),
            next_key: u32::try_from(lessons.len()).unwrap_or(u32::MAX),
            lessons,
        }
    }

    /// Adds an empty lesson at the end, up to the most a series may have.
    pub fn add_lesson(&mut self) {
        if self.lessons.len() < MAX_LESSONS {
            self.lessons.push(LessonDraft::empty(self.next_key));
            self.next_key += 1;
        }
    }

    /// Removes the lesson with `key`; the last one stays (a series needs a lesson).
    pub fn remove_lesson(&mut self, key: u32) {
        if self.lessons.len() > 1 {
            self.lessons.retain(|lesson| lesson.key != key);
        }
    }

    /// Ticks or unticks a group.
    pub fn set_group(&mut self, group: TargetGroup, on: bool) {
        self.target_groups.retain(|g| *g != group);
        if on {
            self.target_groups.push(group);
            self.target_groups.sort();
        }
    }

    /// Ticks or unticks an objective.
    pub fn set_objective(&mut self, number: u32, on: bool) {
        self.objectives.retain(|n| *n != number);
        if on {
            self.objectives.push(number);
            self.objectives.sort_unstable();
        }
    }

    /// What to send, or the fields that cannot be sent as typed. Empty and too long values are
    /// sent as they are: the server names them, and [`field_messages`] says them in Dutch.
    pub fn input(&self) -> Result<LessonSeriesInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: String| {
            errors.push(FieldError {
                field,
                message: String::new(),
            });
        };
        if self.school_id.is_none() {
            fail("school_id".to_owned());
        }
        let mut lessons = Vec::with_capacity(self.lessons.len());
        for (i, lesson) in self.lessons.iter().enumerate() {
            let minutes = lesson.minutes.trim().parse::<u32>().ok();
            if minutes.is_none() {
                fail(format!("lessons[{i}].minutes"));
            }
            lessons.push(Lesson {
                title: lesson.title.clone(),
                goal: lesson.goal.clone(),
                minutes: minutes.unwrap_or_default(),
                materials: lesson.materials.clone(),
            });
        }
        match self.school_id {
            Some(school_id) if errors.is_empty() => Ok(LessonSeriesInput {
                school_id,
                ambassador_id: None,
                framework_code: self.framework_code.clone(),
                title: self.title.clone(),
                description: self.description.clone(),
                theme: self.theme.clone(),
                target_groups: self.target_groups.clone(),
                objectives: self.objectives.clone(),
                lessons,
            }),
            _ => Err(errors),
        }
    }
}

/// Whether its writer may still change a series: a draft, or one whose review asked for changes
/// (saving takes it back to a draft first).
pub fn may_edit(status: LessonSeriesStatus) -> bool {
    matches!(
        status,
        LessonSeriesStatus::Draft | LessonSeriesStatus::ChangesRequested
    )
}

/// The framework a new series works with: the newest in force on `today`, else the first.
pub fn framework_in_force(frameworks: &[FrameworkSummary], today: NaiveDate) -> Option<String> {
    frameworks
        .iter()
        .filter(|f| f.valid_from <= today && f.valid_until.is_none_or(|until| today <= until))
        .max_by_key(|f| f.valid_from)
        .or_else(|| frameworks.first())
        .map(|f| f.code.clone())
}

/// The groups to choose from at a school: groep 1 to 8 in primary, leerjaar 1 to 6 in secondary.
pub fn group_choices(school_type: SchoolType) -> Vec<TargetGroup> {
    let (word, last) = match school_type {
        SchoolType::Po => ("groep", 8),
        SchoolType::Vo => ("leerjaar", 6),
    };
    (1..=last)
        .filter_map(|n| TargetGroup::parse(&format!("{word} {n}")).ok())
        .collect()
}

/// The id of a field's input, for its message and the focus: `sf-lesson-2-minutes` for
/// `lessons[2].minutes`. A field the form has no input for gets the section it belongs to.
pub fn input_id(field: &str) -> String {
    if let Some((i, part)) = lesson_field(field) {
        return format!("sf-lesson-{i}-{part}");
    }
    match field {
        "school_id" => "sf-school",
        "title" => "sf-title",
        "theme" => "sf-theme",
        "description" => "sf-description",
        "target_groups" => "sf-groups",
        "objectives" | "framework_code" => "sf-objectives",
        _ => "sf-lessons",
    }
    .to_owned()
}

/// Where a field is in the form, top to bottom: the first with a message gets the focus.
fn position(field: &str) -> (usize, usize, usize) {
    if let Some((i, part)) = lesson_field(field) {
        let part = ["title", "goal", "minutes", "materials"]
            .iter()
            .position(|p| *p == part)
            .unwrap_or(4);
        return (7, i, part);
    }
    let order = [
        "school_id",
        "title",
        "theme",
        "description",
        "target_groups",
        "objectives",
        "lessons",
    ];
    let at = match field {
        "framework_code" => 5,
        other => order.iter().position(|f| *f == other).unwrap_or(8),
    };
    (at, 0, 0)
}

/// `lessons[2].minutes` as `(2, "minutes")`.
fn lesson_field(field: &str) -> Option<(usize, &str)> {
    let rest = field.strip_prefix("lessons[")?;
    let (index, part) = rest.split_once("].")?;
    Some((index.parse().ok()?, part))
}

/// The input of the first field with a problem, in the form's order.
pub fn first_wrong(errors: &[FieldError]) -> Option<String> {
    errors
        .iter()
        .min_by_key(|e| position(&e.field))
        .map(|e| input_id(&e.field))
}

/// A Dutch message for each input with a problem (the first, if it has several), by input id.
/// The server's English messages are read only for the limit of a "too long".
pub fn field_messages(texts: &SeriesFormTexts, errors: &[FieldError]) -> BTreeMap<String, String> {
    let mut messages = BTreeMap::new();
    for error in errors {
        messages
            .entry(input_id(&error.field))
            .or_insert_with(|| message(texts, error));
    }
    messages
}

fn message(texts: &SeriesFormTexts, error: &FieldError) -> String {
    if let Some((_, part)) = lesson_field(&error.field) {
        return match part {
            "title" => texts.msg_lesson_title,
            "minutes" => texts.msg_lesson_minutes,
            _ => texts.msg_check,
        }
        .to_owned();
    }
    let text = match error.field.as_str() {
        "school_id" => texts.msg_school,
        "title" => texts.msg_title,
        "description" | "theme" => {
            return match at_most(&error.message) {
                Some(n) => fill(texts.msg_too_long, &[("n", &n.to_string())]),
                None => texts.msg_check.to_owned(),
            };
        }
        "target_groups" => texts.msg_groups,
        "objectives" if error.message.contains("choose") => texts.msg_objectives,
        "objectives" | "framework_code" => texts.msg_framework,
        "lessons" => texts.msg_lessons,
        _ => texts.msg_check,
    };
    text.to_owned()
}

/// The limit in an "at most 100 characters" message.
fn at_most(message: &str) -> Option<u32> {
    message
        .strip_prefix("at most ")?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::i18n::NL;

    fn t() -> &'static SeriesFormTexts {
        &NL.lesson_series().form
    }

    fn error(field: &str, message: &str) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }

    fn group(text: &str) -> TargetGroup {
        TargetGroup::parse(text).unwrap()
    }

    fn filled() -> SeriesForm {
        let mut form = SeriesForm::new(Some(Uuid::from_u128(1)), "kerndoelen-2006");
        form.title = "Bruggen bouwen".into();
        form.theme = "techniek".into();
        form.set_group(group("groep 6"), true);
        form.set_group(group("groep 5"), true);
        form.set_objective(45, true);
        form.set_objective(42, true);
        form.lessons[0].title = "Wat is een brug?".into();
        form.lessons[1].title = "Zelf bouwen".into();
        form.lessons[1].minutes = " 90 ".into();
        form.remove_lesson(2);
        form
    }

    #[test]
    fn a_filled_form_becomes_the_input_the_api_takes() {
        let input = filled().input().unwrap();
        assert_eq!(input.school_id, Uuid::from_u128(1));
        assert_eq!(input.ambassador_id, None, "the server fills in the writer");
        assert_eq!(input.framework_code, "kerndoelen-2006");
        assert_eq!(input.title, "Bruggen bouwen");
        assert_eq!(input.target_groups, [group("groep 5"), group("groep 6")]);
        assert_eq!(input.objectives, [42, 45]);
        let lessons: Vec<(&str, u32)> = input
            .lessons
            .iter()
            .map(|l| (l.title.as_str(), l.minutes))
            .collect();
        assert_eq!(lessons, [("Wat is een brug?", 60), ("Zelf bouwen", 90)]);
        assert!(
            input.validate().is_ok(),
            "what the form sends passes the server's rules"
        );
    }

    #[test]
    fn unticking_takes_a_group_or_objective_out() {
        let mut form = filled();
        form.set_group(group("groep 5"), false);
        form.set_objective(45, false);
        form.set_objective(42, true);
        assert_eq!(form.target_groups, [group("groep 6")]);
        assert_eq!(form.objectives, [42]);
    }

    #[test]
    fn what_cannot_be_sent_is_named_by_the_fields_the_server_uses() {
        let mut form = filled();
        form.school_id = None;
        form.lessons[1].minutes = "anderhalf uur".into();
        let fields: Vec<String> = form
            .input()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["school_id", "lessons[1].minutes"]);
    }

    #[test]
    fn an_empty_title_is_left_for_the_server_to_name() {
        let mut form = filled();
        form.title = "  ".into();
        let input = form.input().unwrap();
        let refused = input.validate().unwrap_err();
        assert_eq!(refused[0].field, "title");
        let messages = field_messages(t(), &refused);
        assert_eq!(
            messages["sf-title"],
            "Geef een titel van hoogstens 200 tekens."
        );
    }

    #[test]
    fn lessons_are_added_up_to_twelve_and_the_last_one_stays() {
        let mut form = SeriesForm::new(None, "kerndoelen-2006");
        assert_eq!(form.lessons.len(), 3, "three by default");
        for _ in 0..20 {
            form.add_lesson();
        }
        assert_eq!(form.lessons.len(), MAX_LESSONS);
        let keys: Vec<u32> = form.lessons.iter().map(|l| l.key).collect();
        for key in keys {
            form.remove_lesson(key);
        }
        assert_eq!(form.lessons.len(), 1);
    }

    #[test]
    fn a_removed_lesson_takes_only_its_own_text() {
        let mut form = filled();
        form.add_lesson();
        form.lessons[2].title = "Testen".into();
        let first = form.lessons[0].key;
        form.remove_lesson(first);
        let titles: Vec<&str> = form.lessons.iter().map(|l| l.title.as_str()).collect();
        assert_eq!(titles, ["Zelf bouwen", "Testen"]);
        let keys: Vec<u32> = form.lessons.iter().map(|l| l.key).collect();
        assert!(!keys.contains(&first) && keys[0] != keys[1], "{keys:?}");
    }

    #[test]
    fn server_problems_become_dutch_messages_beside_their_inputs() {
        let errors = [
            error("title", "1 to 200 characters"),
            error("theme", "at most 100 characters"),
            error(
                "target_groups",
                "name at least one group, such as groep 5 or leerjaar 2",
            ),
            error("objectives", "choose at least one core objective"),
            error("lessons[1].title", "1 to 200 characters"),
            error("lessons[1].minutes", "15 to 240 minutes"),
            error("lessons", "1 to 12 lessons (three by default)"),
        ];
        let messages = field_messages(t(), &errors);
        let expected = [
            ("sf-title", "Geef een titel van hoogstens 200 tekens."),
            ("sf-theme", "Dit is te lang: hoogstens 100 tekens."),
            ("sf-groups", "Kies ten minste één groep."),
            ("sf-objectives", "Kies ten minste één kerndoel."),
            (
                "sf-lesson-1-title",
                "Geef de les een titel van hoogstens 200 tekens.",
            ),
            ("sf-lesson-1-minutes", "Een les duurt 15 tot 240 minuten."),
            ("sf-lessons", "Een serie heeft 1 tot 12 lessen."),
        ];
        for (id, text) in expected {
            assert_eq!(messages.get(id).map(String::as_str), Some(text), "{id}");
        }
        assert_eq!(messages.len(), expected.len());
    }

    #[test]
    fn an_objective_outside_the_framework_asks_to_choose_from_the_list() {
        let messages = field_messages(t(), &[error("objectives", "99 is not in kerndoelen-2006")]);
        assert_eq!(messages["sf-objectives"], "Kies kerndoelen uit de lijst.");
    }

    #[test]
    fn the_focus_goes_to_the_first_problem_in_the_form_not_in_the_answer() {
        let errors = [
            error("lessons[1].minutes", ""),
            error("objectives", ""),
            error("lessons[0].title", ""),
            error("title", ""),
        ];
        assert_eq!(first_wrong(&errors).as_deref(), Some("sf-title"));
        assert_eq!(
            first_wrong(&errors[..1]).as_deref(),
            Some("sf-lesson-1-minutes")
        );
        assert_eq!(
            first_wrong(&[errors[0].clone(), errors[2].clone()]).as_deref(),
            Some("sf-lesson-0-title")
        );
        assert_eq!(first_wrong(&[]), None);
    }

    #[test]
    fn a_series_fills_the_form_and_comes_back_unchanged() {
        let input = filled().input().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let series = LessonSeries {
            id: Uuid::from_u128(9),
            content: input.clone(),
            school_name: "Basisschool De Zeester".into(),
            ambassador_name: "Fenna Dijkstra".into(),
            status: LessonSeriesStatus::ChangesRequested,
            copied_from: None,
            comments: Vec::new(),
            schedule: Vec::new(),
            created_at: at,
            updated_at: at,
        };
        let mut form = SeriesForm::from_series(&series);
        assert_eq!(form.input().unwrap(), input);
        form.add_lesson();
        let keys: Vec<u32> = form.lessons.iter().map(|l| l.key).collect();
        assert_eq!(keys, [0, 1, 2], "a new lesson gets a key of its own");
    }

    #[test]
    fn drafts_and_series_with_changes_requested_can_be_edited() {
        let editable: Vec<_> = LessonSeriesStatus::ALL
            .iter()
            .copied()
            .filter(|s| may_edit(*s))
            .collect();
        assert_eq!(
            editable,
            [
                LessonSeriesStatus::Draft,
                LessonSeriesStatus::ChangesRequested
            ]
        );
    }

    #[test]
    fn a_primary_school_offers_groep_1_to_8_and_a_secondary_school_leerjaar_1_to_6() {
        let po: Vec<String> = group_choices(SchoolType::Po)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(po.len(), 8);
        assert_eq!((po[0].as_str(), po[7].as_str()), ("groep 1", "groep 8"));
        let vo: Vec<String> = group_choices(SchoolType::Vo)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            vo,
            [
                "leerjaar 1",
                "leerjaar 2",
                "leerjaar 3",
                "leerjaar 4",
                "leerjaar 5",
                "leerjaar 6"
            ]
        );
    }

    #[test]
    fn a_new_series_uses_the_newest_framework_in_force() {
        let framework = |code: &str, from: (i32, u32, u32), until: Option<(i32, u32, u32)>| {
            let day = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
            FrameworkSummary {
                code: code.into(),
                name: code.into(),
                valid_from: day(from),
                valid_until: until.map(day),
                objectives: 58,
            }
        };
        let all = [
            framework("kerndoelen-2006", (2006, 8, 1), Some((2031, 7, 31))),
            framework("kerndoelen-2027", (2027, 8, 1), None),
        ];
        let on = |y, m, d| framework_in_force(&all, NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(on(2026, 12, 3).as_deref(), Some("kerndoelen-2006"));
        assert_eq!(on(2027, 9, 1).as_deref(), Some("kerndoelen-2027"));
        assert_eq!(on(2032, 1, 1).as_deref(), Some("kerndoelen-2027"));
        assert_eq!(
            framework_in_force(&all[..1], NaiveDate::MIN).as_deref(),
            Some("kerndoelen-2006")
        );
        assert_eq!(framework_in_force(&[], NaiveDate::MIN), None);
    }

    #[test]
    fn learning_areas_have_dutch_names() {
        assert_eq!(
            t().learning_area("orientatie_op_jezelf_en_de_wereld"),
            "Oriëntatie op jezelf en de wereld"
        );
        assert_eq!(t().learning_area("nieuw_gebied"), "nieuw gebied");
    }
}

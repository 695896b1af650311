//! A school year's capacity as typed into the form, checked with the shared rules
//! (`SchoolCapacityInput::validate`), with messages in the person's language.

use std::collections::BTreeMap;

use domain::Weekday;
use domain::contract::{FieldError, SchoolCapacityInput, Teacher};

use crate::i18n::{PlacementTexts, Texts, fill};
use crate::pages::placements::form::split_list;

/// The message of a number that does not parse; the shared checks never use it.
const NOT_A_NUMBER: &str = "not a number";

/// The form's values; numbers stay text until they are checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CapacityForm {
    pub groups: String,
    pub interns: String,
    pub starters: String,
    pub offered: String,
    pub teachers: Vec<TeacherRow>,
    /// The key the next teacher row gets: rows keep their key (and their inputs their focus)
    /// when others are removed.
    next_key: u32,
}

/// One teacher as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct TeacherRow {
    pub key: u32,
    pub name: String,
    pub groups: String,
    pub weekdays: Vec<Weekday>,
    pub opted_in: bool,
}

impl CapacityForm {
    /// The form filled in with what was saved.
    pub fn from_input(input: &SchoolCapacityInput) -> Self {
        let mut form = Self {
            groups: input.groups.to_string(),
            interns: input.groups_with_intern.to_string(),
            starters: input.groups_with_starting_teacher.to_string(),
            offered: input.offered.map(|n| n.to_string()).unwrap_or_default(),
            ..Self::default()
        };
        for teacher in &input.teachers {
            let key = form.add_teacher();
            if let Some(row) = form.teacher_mut(key) {
                row.name = teacher.name.clone();
                row.groups = teacher.groups.join(", ");
                row.weekdays = teacher.weekdays.clone();
                row.opted_in = teacher.opted_in;
            }
        }
        form
    }

    /// Adds an empty teacher row and returns its key.
    pub fn add_teacher(&mut self) -> u32 {
        let key = self.next_key;
        self.next_key += 1;
        self.teachers.push(TeacherRow {
            key,
            name: String::new(),
            groups: String::new(),
            weekdays: Vec::new(),
            opted_in: false,
        });
        key
    }

    pub fn remove_teacher(&mut self, key: u32) {
        self.teachers.retain(|row| row.key != key);
    }

    pub fn teacher_mut(&mut self, key: u32) -> Option<&mut TeacherRow> {
        self.teachers.iter_mut().find(|row| row.key == key)
    }

    /// What to send, or every problem by field (`groups`, `teachers[0].name`, …).
    pub fn input(&self) -> Result<SchoolCapacityInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut number = |field: &str, text: &str| match text.trim().parse::<u32>() {
            Ok(n) => n,
            Err(_) => {
                errors.push(FieldError {
                    field: field.to_owned(),
                    message: NOT_A_NUMBER.to_owned(),
                });
                0
            }
        };
        let groups = number("groups", &self.groups);
        let groups_with_intern = number("groups_with_intern", &self.interns);
        let groups_with_starting_teacher = number("groups_with_starting_teacher", &self.starters);
        let offered = if self.offered.trim().is_empty() {
            None
        } else {
            Some(number("offered", &self.offered))
        };
        let teachers = self
            .teachers
            .iter()
            .map(|row| Teacher {
                name: row.name.trim().to_owned(),
                groups: split_list(&row.groups),
                weekdays: Weekday::ALL
                    .iter()
                    .copied()
                    .filter(|day| row.weekdays.contains(day))
                    .collect(),
                opted_in: row.opted_in,
            })
            .collect();
        let input = SchoolCapacityInput {
            groups,
            groups_with_intern,
            groups_with_starting_teacher,
            teachers,
            offered,
        };
        // Numbers that did not parse count as 0 here; their own message is the one shown.
        if let Err(more) = input.validate() {
            errors.extend(more);
        }
        if errors.is_empty() {
            Ok(input)
        } else {
            Err(errors)
        }
    }

    /// The id of the input a field's message belongs to.
    pub fn input_id(&self, field: &str) -> Option<String> {
        let id = match field {
            "groups" => "cap-groups".to_owned(),
            "groups_with_intern" => "cap-interns".to_owned(),
            "groups_with_starting_teacher" => "cap-starters".to_owned(),
            "offered" => "cap-offered".to_owned(),
            "teachers" => "add-teacher".to_owned(),
            other => {
                let index: usize = other
                    .strip_prefix("teachers[")?
                    .split_once(']')?
                    .0
                    .parse()
                    .ok()?;
                format!("cap-teacher-{}-name", self.teachers.get(index)?.key)
            }
        };
        Some(id)
    }
}

/// A message per input id, the first for each.
pub fn capacity_messages(
    texts: &Texts,
    form: &CapacityForm,
    errors: &[FieldError],
) -> BTreeMap<String, String> {
    let t = texts.capacity();
    let mut messages = BTreeMap::new();
    for error in errors {
        let Some(id) = form.input_id(&error.field) else {
            continue;
        };
        let message = if error.message == NOT_A_NUMBER {
            t.msg_number.to_owned()
        } else {
            match error.field.as_str() {
                "groups" => t.msg_groups_max.to_owned(),
                "groups_with_intern" | "groups_with_starting_teacher" => {
                    fill(t.msg_not_more_than_groups, &[("n", form.groups.trim())])
                }
                "offered" => t.msg_offered_max.to_owned(),
                "teachers" => t.msg_teachers_max.to_owned(),
                _ => t.msg_teacher_name.to_owned(),
            }
        };
        messages.entry(id).or_insert(message);
    }
    messages
}

/// The decision next to the suggestion: "De school biedt 3 plekken aan, minder dan het voorstel
/// van 4 plekken."
pub fn offered_vs_suggested(texts: &Texts, offered: Option<u32>, suggested: u32) -> String {
    let t = texts.capacity();
    let p: &PlacementTexts = texts.placements();
    let suggested_text = p.count(suggested);
    let Some(offered) = offered else {
        return fill(t.offered_none, &[("suggested", &suggested_text)]);
    };
    let template = match offered.cmp(&suggested) {
        std::cmp::Ordering::Equal => t.offered_equal,
        std::cmp::Ordering::Greater => t.offered_more,
        std::cmp::Ordering::Less => t.offered_less,
    };
    fill(
        template,
        &[
            ("offered", &p.count(offered)),
            ("suggested", &suggested_text),
        ],
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::i18n::NL;

    fn saved() -> SchoolCapacityInput {
        SchoolCapacityInput {
            groups: 8,
            groups_with_intern: 2,
            groups_with_starting_teacher: 1,
            teachers: vec![Teacher {
                name: "Juf Sanne".into(),
                groups: vec!["groep 5".into(), "groep 6".into()],
                weekdays: vec![Weekday::Tuesday, Weekday::Thursday],
                opted_in: true,
            }],
            offered: Some(3),
        }
    }

    #[test]
    fn what_was_saved_comes_back_unchanged() {
        let form = CapacityForm::from_input(&saved());
        assert_eq!(form.teachers[0].groups, "groep 5, groep 6");
        assert_eq!(form.input().unwrap(), saved());
    }

    #[test]
    fn an_empty_offer_means_not_decided_yet() {
        let mut form = CapacityForm::from_input(&saved());
        form.offered = " ".into();
        assert_eq!(form.input().unwrap().offered, None);
    }

    #[test]
    fn days_are_sent_in_week_order() {
        let mut form = CapacityForm::from_input(&saved());
        form.teachers[0].weekdays = vec![Weekday::Friday, Weekday::Monday];
        let input = form.input().unwrap();
        assert_eq!(
            input.teachers[0].weekdays,
            [Weekday::Monday, Weekday::Friday]
        );
    }

    #[test]
    fn problems_get_dutch_messages_next_to_their_inputs() {
        let mut form = CapacityForm::from_input(&saved());
        form.interns = "9".into();
        form.starters = "een".into();
        let key = form.add_teacher();
        let errors = form.input().unwrap_err();
        let messages = capacity_messages(&NL, &form, &errors);
        assert_eq!(
            messages["cap-interns"],
            "Niet meer dan het aantal groepen (8)."
        );
        assert_eq!(
            messages["cap-starters"],
            "Vul een heel getal in, 0 of meer."
        );
        assert_eq!(
            messages[&format!("cap-teacher-{key}-name")],
            "Vul een naam in van hoogstens 100 tekens."
        );
    }

    #[test]
    fn removing_a_row_keeps_the_others_keys() {
        let mut form = CapacityForm::default();
        let first = form.add_teacher();
        let second = form.add_teacher();
        form.remove_teacher(first);
        assert_eq!(form.teachers.len(), 1);
        assert_eq!(form.teachers[0].key, second);
        assert_ne!(form.add_teacher(), first);
    }

    #[test]
    fn the_decision_is_compared_with_the_suggestion() {
        assert_eq!(
            offered_vs_suggested(&NL, Some(3), 4),
            "De school biedt 3 plekken aan, minder dan het voorstel van 4 plekken."
        );
        assert_eq!(
            offered_vs_suggested(&NL, Some(1), 1),
            "De school biedt 1 plek aan: precies het voorstel."
        );
        assert!(offered_vs_suggested(&NL, None, 2).contains("nog niet gekozen"));
    }
}

//! The texts of the form an ambassador writes a lesson series in: its labels, hints and the
//! messages beside its fields. The values are in `nl.rs` and `en.rs`, under `form`.

/// Texts of the lesson series form.
#[derive(Debug, PartialEq)]
pub struct SeriesFormTexts {
    pub new_series: &'static str,
    pub edit_series: &'static str,
    pub edit: &'static str,
    pub intro: &'static str,
    pub changes_requested_note: &'static str,
    pub not_editable: &'static str,
    pub no_school: &'static str,

    // The series.
    pub about_title: &'static str,
    pub school: &'static str,
    pub choose_school: &'static str,
    pub title: &'static str,
    pub theme: &'static str,
    pub theme_hint: &'static str,
    pub description: &'static str,
    pub groups: &'static str,
    pub groups_hint: &'static str,
    pub framework: &'static str,
    pub objectives: &'static str,
    pub objectives_hint: &'static str,
    pub objectives_chosen: &'static str,
    pub objectives_loading: &'static str,

    // Its lessons.
    pub lessons_hint: &'static str,
    pub lesson_title: &'static str,
    pub lesson_goal: &'static str,
    pub lesson_minutes: &'static str,
    pub lesson_minutes_hint: &'static str,
    pub lesson_materials: &'static str,
    pub add_lesson: &'static str,
    pub remove_lesson: &'static str,

    // Saving.
    pub save: &'static str,
    pub cancel: &'static str,
    pub saved_done: &'static str,
    pub check_fields: &'static str,

    // Messages beside the fields.
    pub msg_school: &'static str,
    pub msg_title: &'static str,
    pub msg_too_long: &'static str,
    pub msg_groups: &'static str,
    pub msg_objectives: &'static str,
    pub msg_framework: &'static str,
    pub msg_lessons: &'static str,
    pub msg_lesson_title: &'static str,
    pub msg_lesson_minutes: &'static str,
    pub msg_check: &'static str,
}

impl SeriesFormTexts {
    /// A learning area's name, from its code: "Oriëntatie op jezelf en de wereld". An area this
    /// app does not know yet is shown as its code, spaced.
    pub fn learning_area(&self, code: &str) -> String {
        let known = match code {
            "nederlands" => "Nederlands",
            "engels" => "Engels",
            "fries" => "Fries",
            "rekenen_wiskunde" => "Rekenen/wiskunde",
            "orientatie_op_jezelf_en_de_wereld" => "Oriëntatie op jezelf en de wereld",
            "kunstzinnige_orientatie" => "Kunstzinnige oriëntatie",
            "bewegingsonderwijs" => "Bewegingsonderwijs",
            _ => return code.replace('_', " "),
        };
        known.to_owned()
    }
}

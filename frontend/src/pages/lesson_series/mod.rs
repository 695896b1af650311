//! Lessenseries: the lesson series ambassadors develop with a school. They write and edit them in
//! a form (`form_page` loads it, `editor` and `form_fields` show it, `form` holds its logic); the
//! school's internal coordinator reviews them (approve, or ask for changes with a comment);
//! directors and programme staff read along and reply. Each series' page shows its content, the
//! review, its dates and a calendar feed.

mod comments;
mod detail;
mod editor;
pub mod feed;
mod form;
mod form_fields;
mod form_page;
mod list;
mod review;
mod schedule;

use domain::lesson_series::{LessonSeriesStatus, TargetGroup};
use yew::prelude::*;

pub use self::detail::LessonSeriesPage;
pub use self::form_page::LessonSeriesFormPage;
pub use self::list::LessonSeriesListPage;
use crate::i18n::Texts;

/// A series' status as a coloured label.
pub fn series_status(texts: &'static Texts, status: LessonSeriesStatus, id: Option<&str>) -> Html {
    html! {
        <span id={id.map(str::to_owned)} data-status={status.as_str()}
            class={classes!("status", "series-status", format!("status-series-{}", status.as_str()))}>
            { texts.lesson_series().status(status) }
        </span>
    }
}

/// The groups of a series in one line: "groep 5, groep 6".
pub fn groups_line(groups: &[TargetGroup]) -> String {
    groups
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_listed_as_people_write_them() {
        let groups: Vec<TargetGroup> = ["groep 5", "groep 6"]
            .iter()
            .filter_map(|g| TargetGroup::parse(g).ok())
            .collect();
        assert_eq!(groups_line(&groups), "groep 5, groep 6");
        assert_eq!(groups_line(&[]), "");
    }
}

//! Lesrooster: a school's lessons by ambassadors in one month, per group, with the hours used
//! against the policy's monthly limit, and the school's calendar feed. The school and the month
//! are in the address (`/lesrooster?maand=2026-12`), so a month can be bookmarked and shared.

mod month;

use yew::prelude::*;

use self::month::MonthView;
use crate::app::Session;
use crate::hooks::{use_texts, use_title};
use crate::i18n::capitalised;
use crate::pages::lesson_series::feed::{CalendarFeedPanel, FeedOf};
use crate::pages::school_month::{ControlIds, month_key, school_month_controls, use_school_month};
use crate::route::Route;

/// The ids of Lesrooster's school and month controls.
const CONTROLS: ControlIds = ControlIds {
    school: "calendar-school",
    month: "month-input",
    previous: "month-prev",
    next: "month-next",
};

#[derive(Properties, PartialEq)]
pub struct LessonCalendarProps {
    pub session: Session,
}

#[component]
pub fn LessonCalendarPage(props: &LessonCalendarProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    use_title(t.menu_lesson_calendar);
    let api = props.session.api.clone();
    let choice = use_school_month(&props.session, Route::LessonCalendar);
    let month = choice.month;

    let content = match choice.school {
        None => choice.without_school(),
        Some(school) => html! {
            <>
                <MonthView api={api.clone()} {school} month={month_key(month)} />
                <CalendarFeedPanel api={api.clone()} of={FeedOf::School(school)} />
            </>
        },
    };

    html! {
        <section id="lesson-calendar" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_lesson_calendar }</h1>
            <p class="lead">{ t.calendar_intro }</p>
            { school_month_controls(texts, CONTROLS, &choice) }
            <h2 id="calendar-month" class="calendar-month">{ capitalised(&t.month_name(month)) }</h2>
            { content }
        </section>
    }
}

//! Uren: a school's hours in one month, for its internal coordinator and director (and programme
//! admins, who pick the school). What waits is approved in one go or one by one; an entry is
//! rejected, or a decision reopened, with a reason. The school and the month are in the address
//! (`/uren?maand=2026-11`), as on Lesrooster.

mod entry;
mod month;

use yew::prelude::*;

use self::month::HourMonthView;
use crate::app::Session;
use crate::hooks::{use_texts, use_title};
use crate::i18n::capitalised;
use crate::pages::school_month::{ControlIds, month_key, school_month_controls, use_school_month};
use crate::route::Route;

/// The ids of the page's school and month controls.
const CONTROLS: ControlIds = ControlIds {
    school: "hours-school",
    month: "hours-month-input",
    previous: "hours-prev",
    next: "hours-next",
};

#[derive(Properties, PartialEq)]
pub struct HoursProps {
    pub session: Session,
}

#[component]
pub fn HoursPage(props: &HoursProps) -> Html {
    let texts = use_texts();
    let t = texts.hours();
    use_title(t.menu_hours);
    let choice = use_school_month(&props.session, Route::Hours);
    let month = choice.month;
    let school_name = choice
        .school
        .and_then(|id| choice.schools.iter().find(|s| s.id == id))
        .map(|s| s.name.clone());

    let content = match choice.school {
        None => choice.without_school(),
        Some(school) => html! {
            <HourMonthView api={props.session.api.clone()} {school} {school_name}
                month={month_key(month)} />
        },
    };

    html! {
        <section id="hours" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_hours }</h1>
            <p class="lead">{ t.intro }</p>
            { school_month_controls(texts, CONTROLS, &choice) }
            <h2 id="hours-month" class="calendar-month">
                { capitalised(&texts.lesson_series().month_name(month)) }
            </h2>
            { content }
        </section>
    }
}

//! Vergoedingen: the volunteer allowance of one month, for programme admins. The month is in the
//! address (`/vergoedingen?maand=2026-10`). Drawing up the month makes a draft line for every
//! volunteer whose hours are all decided and says who still waits; a line over a tax cap shows
//! why and cannot be approved until its amount is adjusted; approved lines are paid through the
//! payout files and then marked paid. A year without caps asks for them first.

mod caps;
mod line;
mod line_details;
mod payout;
mod statement;

use chrono::Datelike;
use yew::prelude::*;

use self::statement::StatementView;
use crate::app::Session;
use crate::hooks::{use_texts, use_title};
use crate::i18n::capitalised;
use crate::pages::school_month::{MonthIds, month_key, month_picker, use_month};
use crate::route::Route;

/// The ids of the page's month controls.
const MONTH: MonthIds = MonthIds {
    month: "allowances-month-input",
    previous: "allowances-prev",
    next: "allowances-next",
};

#[derive(Properties, PartialEq)]
pub struct AllowancesProps {
    pub session: Session,
}

#[component]
pub fn AllowancesPage(props: &AllowancesProps) -> Html {
    let texts = use_texts();
    let t = texts.allowances();
    use_title(t.menu_allowances);
    let chosen = use_month(Route::Allowances);
    let key = month_key(chosen.month);
    let name = texts.lesson_series().month_name(chosen.month);

    html! {
        <section id="allowances" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_allowances }</h1>
            <p class="lead">{ t.intro }</p>
            <div class="filters calendar-controls">
                { month_picker(texts, MONTH, chosen.month, chosen.go.clone()) }
            </div>
            <h2 id="allowances-month" class="calendar-month">{ capitalised(&name) }</h2>
            // A month of its own: what was drawn up, asked or typed for another month is gone.
            <StatementView key={key.as_str()} api={props.session.api.clone()} month={key.clone()}
                month_name={name} year={chosen.month.year()} />
        </section>
    }
}

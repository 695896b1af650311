//! What Lesrooster and Uren share: one school's month, named in the address
//! (`?school=…&maand=2026-12`) so it can be bookmarked and shared, a school picker for whoever
//! works with several schools (programme admins: every school), and the month picker, which
//! Vergoedingen uses on its own (`?maand=2026-10`: the whole programme's month).

use chrono::{Datelike, Months, NaiveDate};
use domain::contract::Organisation;
use domain::contract::lesson_schedule::parse_month;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use crate::api::ApiError;
use crate::api::organisations::list_all_schools;
use crate::app::Session;
use crate::components::{ErrorMessage, Loading};
use crate::format::today;
use crate::i18n::Texts;
use crate::menu::{is_programme_admin, school_memberships};
use crate::route::Route;

/// What the address says: which school, which month (`YYYY-MM`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonthQuery {
    pub school: Option<Uuid>,
    pub maand: Option<String>,
}

impl MonthQuery {
    /// Reads `?school=…&maand=2026-12`, ignoring what it does not know. Read by hand: both
    /// values are plain ASCII, and a URL-encoding library would add to every download.
    pub fn parse(query: &str) -> Self {
        let mut parsed = Self::default();
        for pair in query.trim_start_matches('?').split('&') {
            match pair.split_once('=') {
                Some(("school", value)) => parsed.school = Uuid::parse_str(value).ok(),
                Some(("maand", value)) => parsed.maand = Some(value.to_owned()),
                _ => {}
            }
        }
        parsed
    }

    /// The query string, without `?`: `school=…&maand=2026-12`.
    pub fn to_query(&self) -> String {
        let school = self.school.map(|id| format!("school={id}"));
        let month = self.maand.as_ref().map(|month| format!("maand={month}"));
        [school, month]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// The first of the month the address names, or of `today`'s month.
pub fn chosen_month(query: &MonthQuery, today: NaiveDate) -> NaiveDate {
    query
        .maand
        .as_deref()
        .and_then(parse_month)
        .unwrap_or_else(|| today.with_day(1).unwrap_or(today))
}

/// `2026-12`, as the API and `<input type=month>` write a month.
pub fn month_key(month: NaiveDate) -> String {
    month.format("%Y-%m").to_string()
}

/// The month before (`-1`) or after (`1`) `month`.
pub fn shift_month(month: NaiveDate, by: i32) -> NaiveDate {
    let months = Months::new(by.unsigned_abs());
    let shifted = if by < 0 {
        month.checked_sub_months(months)
    } else {
        month.checked_add_months(months)
    };
    shifted.unwrap_or(month)
}

/// The ids of a page's school picker and month controls, which the browser tests use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ControlIds {
    pub school: &'static str,
    pub month: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
}

/// The school and month a page shows, the schools to choose from, and the way to another.
pub struct SchoolMonth {
    /// The schools the person may pick: every school for a programme admin, else their own.
    pub schools: Vec<Organisation>,
    /// The school shown: the one in the address if the person may pick it, else the first.
    pub school: Option<Uuid>,
    /// The first day of the month shown.
    pub month: NaiveDate,
    /// A programme admin's schools, still loading.
    loading: bool,
    /// A programme admin's schools, failed to load.
    error: Option<ApiError>,
    /// Moves the page to a school and month, through the address.
    go: Callback<(Option<Uuid>, NaiveDate)>,
}

impl SchoolMonth {
    /// What the page shows while it has no school: the schools loading or failing, or nothing.
    pub fn without_school(&self) -> Html {
        match &self.error {
            Some(error) => html! { <ErrorMessage error={error.clone()} /> },
            None if self.loading => html! { <Loading /> },
            None => html! {},
        }
    }
}

/// The school and month of the page at `route`, read from its address. Programme admins' schools
/// are loaded from the server; everyone else picks among their own.
#[hook]
pub fn use_school_month(session: &Session, route: Route) -> SchoolMonth {
    let (api, me) = (session.api.clone(), session.me.clone());
    let admin = is_programme_admin(&me);
    let navigator = use_navigator();
    let query = use_location()
        .map(|location| MonthQuery::parse(location.query_str()))
        .unwrap_or_default();
    let today = *use_memo((), |_| today());
    let month = chosen_month(&query, today);

    let all_schools = use_state(|| None::<Result<Vec<Organisation>, ApiError>>);
    {
        let all_schools = all_schools.clone();
        use_effect_with(admin, move |admin| {
            if *admin {
                spawn_local(async move { all_schools.set(Some(list_all_schools(&api).await)) });
            }
        });
    }
    let schools: Vec<Organisation> = if admin {
        match &*all_schools {
            Some(Ok(schools)) => schools.clone(),
            _ => Vec::new(),
        }
    } else {
        school_memberships(&me)
    };
    let school = query
        .school
        .filter(|id| schools.iter().any(|s| s.id == *id))
        .or_else(|| schools.first().map(|s| s.id));
    let go = Callback::from(move |(school, month): (Option<Uuid>, NaiveDate)| {
        if let Some(navigator) = &navigator {
            let query = MonthQuery {
                school,
                maand: Some(month_key(month)),
            };
            let _ = navigator.push_with_query(&route, Raw(query.to_query()));
        }
    });
    let (loading, error) = match &*all_schools {
        Some(Err(error)) => (false, Some(error.clone())),
        None => (admin, None),
        Some(Ok(_)) => (false, None),
    };
    SchoolMonth {
        schools,
        school,
        month,
        loading,
        error,
        go,
    }
}

/// The school picker (for whoever has several schools) and the month picker: the month before,
/// a month input, the month after.
pub fn school_month_controls(texts: &'static Texts, ids: ControlIds, choice: &SchoolMonth) -> Html {
    let t = texts.lesson_series();
    let school = choice.school;
    let on_school = {
        let (go, month) = (choice.go.clone(), choice.month);
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            go.emit((Uuid::parse_str(&value).ok(), month));
        })
    };
    let school_choice = (choice.schools.len() > 1).then(|| {
        html! {
            <div class="field">
                <label for={ids.school}>{ t.school }</label>
                <select id={ids.school} onchange={on_school}>
                    { for choice.schools.iter().map(|s| html! {
                        <option value={s.id.to_string()} selected={school == Some(s.id)}>{ s.name.clone() }</option>
                    }) }
                </select>
            </div>
        }
    });
    let go = choice.go.reform(move |month| (school, month));
    html! {
        <div class="filters calendar-controls">
            { school_choice.unwrap_or_default() }
            { month_picker(texts, ids.months(), choice.month, go) }
        </div>
    }
}

/// The ids of a month picker's input and its buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthIds {
    pub month: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
}

impl ControlIds {
    /// The ids of the month picker among the controls.
    pub fn months(self) -> MonthIds {
        MonthIds {
            month: self.month,
            previous: self.previous,
            next: self.next,
        }
    }
}

/// The month of a page about one month of the whole programme (no school): from the address
/// (`?maand=2026-10`), or this month.
pub struct ChosenMonth {
    /// The first day of the month shown.
    pub month: NaiveDate,
    /// Moves the page to another month, through the address.
    pub go: Callback<NaiveDate>,
}

/// The month of the page at `route`, read from its address.
#[hook]
pub fn use_month(route: Route) -> ChosenMonth {
    let navigator = use_navigator();
    let query = use_location()
        .map(|location| MonthQuery::parse(location.query_str()))
        .unwrap_or_default();
    let today = *use_memo((), |_| today());
    let go = Callback::from(move |month: NaiveDate| {
        if let Some(navigator) = &navigator {
            let query = MonthQuery {
                school: None,
                maand: Some(month_key(month)),
            };
            let _ = navigator.push_with_query(&route, Raw(query.to_query()));
        }
    });
    ChosenMonth {
        month: chosen_month(&query, today),
        go,
    }
}

/// The month picker, as one field: the month before, a month input, the month after.
pub fn month_picker(
    texts: &'static Texts,
    ids: MonthIds,
    month: NaiveDate,
    go: Callback<NaiveDate>,
) -> Html {
    let t = texts.lesson_series();
    let step = |by: i32| {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go.emit(shift_month(month, by)))
    };
    let on_month = {
        let go = go.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(chosen) = parse_month(&value) {
                go.emit(chosen);
            }
        })
    };
    html! {
        <div class="field">
            <label for={ids.month}>{ t.month }</label>
            <div class="month-picker">
                <button id={ids.previous} type="button" class="button-secondary"
                    aria-label={t.previous_month} title={t.previous_month} onclick={step(-1)}>
                    <span aria-hidden="true">{ "‹" }</span>
                </button>
                <input id={ids.month} type="month" value={month_key(month)} onchange={on_month} />
                <button id={ids.next} type="button" class="button-secondary"
                    aria-label={t.next_month} title={t.next_month} onclick={step(1)}>
                    <span aria-hidden="true">{ "›" }</span>
                </button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_month_comes_from_the_address_or_is_this_month() {
        let today = d(2026, 11, 23);
        let asked = MonthQuery {
            school: None,
            maand: Some("2026-12".into()),
        };
        assert_eq!(chosen_month(&asked, today), d(2026, 12, 1));
        assert_eq!(chosen_month(&MonthQuery::default(), today), d(2026, 11, 1));
        let nonsense = MonthQuery {
            school: None,
            maand: Some("december".into()),
        };
        assert_eq!(chosen_month(&nonsense, today), d(2026, 11, 1));
    }

    #[test]
    fn months_step_across_the_year() {
        assert_eq!(shift_month(d(2026, 12, 1), 1), d(2027, 1, 1));
        assert_eq!(shift_month(d(2027, 1, 1), -1), d(2026, 12, 1));
        assert_eq!(month_key(d(2027, 1, 1)), "2027-01");
    }

    #[test]
    fn the_address_keeps_the_school_and_the_month() {
        let school = Uuid::from_u128(7);
        let query = MonthQuery {
            school: Some(school),
            maand: Some("2026-12".into()),
        };
        let text = query.to_query();
        assert_eq!(text, format!("school={school}&maand=2026-12"));
        assert_eq!(MonthQuery::parse(&format!("?{text}&x=1")), query);
        let month_only = MonthQuery::parse("maand=2027-03");
        assert_eq!(
            (month_only.school, month_only.maand.as_deref()),
            (None, Some("2027-03"))
        );
        assert_eq!(MonthQuery::parse(""), MonthQuery::default());
    }
}

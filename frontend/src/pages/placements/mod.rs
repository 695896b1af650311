//! Plekken: the spots a school offers, per school year. Directors create, edit, open, close and
//! cancel them; coordinators look; programme admins see every school's.

mod dialog;
mod editor;
mod fields;
mod filters;
pub mod form;
pub mod summary;
mod table;

use chrono::NaiveDate;
use domain::contract::{Organisation, Placement, PlacementTransition};
use domain::{PlacementAction, SchoolYear, StartMoment};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use self::dialog::ReasonDialog;
use self::editor::{PlacementEditor, Saved};
use self::filters::Filters;
use self::summary::SummaryLoader;
use self::table::{RowAction, placement_table};
use crate::api::placements::{list_placements, transition_placement};
use crate::api::{ApiError, organisations::list_all_schools};
use crate::app::Session;
use crate::components::{ErrorMessage, ListFooter, StatusMessage};
use crate::format::today;
use crate::hooks::{focus_id, use_paged_list, use_texts, use_title};
use crate::menu::{is_programme_admin, manages_school, school_memberships};
use domain::contract::PlacementQuery;

/// The school years to choose from: last year to two years ahead, and `also` if it is outside
/// them.
pub fn school_years_around(today: NaiveDate, also: Option<SchoolYear>) -> Vec<SchoolYear> {
    let current = SchoolYear::containing(today).start_year();
    let mut years: Vec<SchoolYear> = (current - 1..=current + 2)
        .filter_map(|year| SchoolYear::starting(year).ok())
        .collect();
    if let Some(also) = also.filter(|year| !years.contains(year)) {
        years.push(also);
        years.sort();
    }
    years
}

/// What the form is open for.
#[derive(Debug, Clone, PartialEq)]
enum Editing {
    New,
    Existing(Box<Placement>),
}

#[derive(Properties, PartialEq)]
pub struct PlacementsProps {
    pub session: Session,
}

#[component]
pub fn PlacementsPage(props: &PlacementsProps) -> Html {
    let texts = use_texts();
    let t = texts.placements();
    use_title(texts.menu_placements);
    let me = props.session.me.clone();
    let api = props.session.api.clone();
    let admin = is_programme_admin(&me);
    let today = *use_memo((), |_| today());

    // Admins pick among every school, loaded from the server; others among their own.
    let all_schools = use_state(|| None::<Result<Vec<Organisation>, ApiError>>);
    {
        let (api, all_schools) = (api.clone(), all_schools.clone());
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

    let filter = {
        let first_school = (!admin)
            .then(|| school_memberships(&me).first().map(|s| s.id))
            .flatten();
        use_state(move || PlacementQuery {
            school_id: first_school,
            school_year: Some(StartMoment::next_after(today).0),
            ..PlacementQuery::default()
        })
    };
    let list = {
        let (api, current) = (api.clone(), (*filter).clone());
        use_paged_list(current.clone(), move |after| {
            let (api, current) = (api.clone(), current.clone());
            async move { list_placements(&api, &current, after).await }
        })
    };
    let editing = use_state(|| None::<Editing>);
    let dialog = use_state(|| None::<(Placement, PlacementAction)>);
    let busy = use_state(|| None::<uuid::Uuid>);
    let status = use_state(|| None::<&'static str>);
    let page_error = use_state(|| None::<ApiError>);
    // Counts the changes made here: the overview reloads and the status line takes the focus.
    let version = use_state(|| 0_u32);
    use_effect_with(*version, |version| {
        if *version > 0 {
            focus_id("placements-status");
        }
    });

    // After any change: say what happened, reload what it touched.
    let changed = {
        let (status, page_error, version) = (status.clone(), page_error.clone(), version.clone());
        let (editing, dialog, busy) = (editing.clone(), dialog.clone(), busy.clone());
        let reload = list.reload.clone();
        Callback::from(move |(message, error): (&'static str, Option<ApiError>)| {
            status.set(Some(message));
            page_error.set(error);
            editing.set(None);
            dialog.set(None);
            busy.set(None);
            reload.emit(());
            version.set(*version + 1);
        })
    };

    let creatable: Vec<Organisation> = schools
        .iter()
        .filter(|school| manages_school(&me, school.id))
        .cloned()
        .collect();
    let may_create = !creatable.is_empty();
    let may_manage_any = admin || may_create;

    let on_new = {
        let (editing, status) = (editing.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            editing.set(Some(Editing::New));
        })
    };
    let on_action = {
        let (editing, dialog, busy) = (editing.clone(), dialog.clone(), busy.clone());
        let (status, page_error) = (status.clone(), page_error.clone());
        let (api, changed) = (api.clone(), changed.clone());
        Callback::from(move |action: RowAction| {
            status.set(None);
            match action {
                RowAction::Edit(placement) => {
                    editing.set(Some(Editing::Existing(Box::new(placement))))
                }
                RowAction::Transition(placement, PlacementAction::Open) => {
                    busy.set(Some(placement.id));
                    page_error.set(None);
                    let (api, changed, busy, page_error) = (
                        api.clone(),
                        changed.clone(),
                        busy.clone(),
                        page_error.clone(),
                    );
                    let transition = PlacementTransition {
                        action: PlacementAction::Open,
                        reason: None,
                    };
                    spawn_local(async move {
                        match transition_placement(&api, placement.id, &transition).await {
                            Ok(_) => changed.emit((t.opened, None)),
                            Err(error) => {
                                busy.set(None);
                                page_error.set(Some(error));
                            }
                        }
                    });
                }
                RowAction::Transition(placement, action) => {
                    dialog.set(Some((placement, action)));
                }
            }
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |next: PlacementQuery| filter.set(next))
    };

    let on_cancel_edit = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(None))
    };
    let editor = editing.as_ref().map(|current| {
        let on_saved = {
            let changed = changed.clone();
            Callback::from(move |saved: Saved| changed.emit((saved.message, saved.error)))
        };
        let (key, placement) = match current {
            Editing::New => ("new".to_owned(), None),
            Editing::Existing(p) => (p.id.to_string(), Some((**p).clone())),
        };
        html! {
            <PlacementEditor {key} api={api.clone()} editing={placement} schools={creatable.clone()}
                school={filter.school_id} year={filter.school_year} {on_saved} on_cancel={on_cancel_edit.clone()} />
        }
    });

    let reason_dialog = dialog.as_ref().map(|(placement, action)| {
        let on_done = {
            let changed = changed.clone();
            let message = if *action == PlacementAction::Close {
                t.closed_done
            } else {
                t.cancelled_done
            };
            Callback::from(move |_: Placement| changed.emit((message, None)))
        };
        let on_back = {
            let dialog = dialog.clone();
            Callback::from(move |()| dialog.set(None))
        };
        html! {
            <ReasonDialog api={api.clone()} placement={placement.clone()} action={*action} {on_done} {on_back} />
        }
    });

    let summary = match (filter.school_id, filter.school_year) {
        (Some(school_id), Some(year)) => html! {
            <SummaryLoader api={api.clone()} {school_id} {year} version={*version}
                link={manages_school(&me, school_id) && !admin} />
        },
        _ => html! {
            <div id="placement-summary" class="summary">
                <p class="muted">{ t.summary_pick_school }</p>
            </div>
        },
    };

    let schools_error = match &*all_schools {
        Some(Err(error)) => html! { <ErrorMessage error={error.clone()} /> },
        _ => html! {},
    };
    let page_error_html = page_error.as_ref().map(|error| {
        html! { <p id="placements-error" class="message message-error" role="alert">{ texts.error(error) }</p> }
    });

    let show_school = admin || filter.school_id.is_none();
    let table = if list.items.is_empty() {
        if list.loading || list.error.is_some() {
            html! {}
        } else {
            let may_create_here = filter.school_id.is_none_or(|id| manages_school(&me, id));
            html! {
                <p id="placements-empty" class="message message-info">
                    { t.empty(filter.school_year, filter.narrows(), may_create && may_create_here) }
                </p>
            }
        }
    } else {
        placement_table(texts, &me, &list.items, show_school, *busy, &on_action)
    };

    let intro = if admin {
        t.intro_all_schools
    } else if may_manage_any {
        t.intro
    } else {
        t.intro_read_only
    };
    let years = school_years_around(today, filter.school_year);

    html! {
        <section id="placements" class="page" aria-labelledby="page-title">
            <div class="page-heading">
                <h1 id="page-title">{ texts.menu_placements }</h1>
                if may_create {
                    <button id="new-placement" type="button" class="button-primary" onclick={on_new}
                        aria-expanded={editing.as_ref().map(|e| if *e == Editing::New { "true" } else { "false" })}>
                        { t.new_placement }
                    </button>
                }
            </div>
            <p class="lead">{ intro }</p>
            { schools_error }
            { summary }
            <Filters filter={(*filter).clone()} schools={schools.clone()} all_schools={admin}
                {years} on_change={on_filter} />
            <StatusMessage id="placements-status" message={status.map(AttrValue::from)} />
            { page_error_html.unwrap_or_default() }
            { editor.unwrap_or_default() }
            { table }
            <ListFooter
                loading={list.loading && !list.refreshing}
                error={list.error.clone()}
                has_items={!list.items.is_empty()}
                has_more={list.next.is_some()}
                on_more={list.load_more.clone()}
            />
            { reason_dialog.unwrap_or_default() }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_school_years_run_from_last_year_to_two_years_ahead() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        let years: Vec<String> = school_years_around(today, None)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(years, ["2025-2026", "2026-2027", "2027-2028", "2028-2029"]);
        let old = SchoolYear::parse("2020-2021").ok();
        assert_eq!(school_years_around(today, old).first().copied(), old);
    }
}

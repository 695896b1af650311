//! The placements as a table, with the actions each row allows.

use domain::contract::{Me, Placement};
use domain::{PlacementAction, PlacementKind, PlacementStatus, StartMoment};
use yew::prelude::*;

use super::form::hhmm;
use crate::i18n::{PlacementTexts, Texts};
use crate::menu::manages_school;

/// What a row's buttons ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum RowAction {
    Edit(Placement),
    Transition(Placement, PlacementAction),
}

/// The actions a person may take on a placement, in the order the row shows them: what the
/// placement's status allows (the shared lifecycle rules), and only for who manages the school.
pub fn row_actions(me: &Me, placement: &Placement) -> Vec<RowActionKind> {
    if !manages_school(me, placement.school_id) {
        return Vec::new();
    }
    let status = placement.status;
    let mut actions = Vec::new();
    if status.is_editable() {
        actions.push(RowActionKind::Edit);
    }
    for action in [
        PlacementAction::Open,
        PlacementAction::Close,
        PlacementAction::Cancel,
    ] {
        // Any reason will do here: only whether the status allows the action matters.
        if status.apply(action, Some("-")).is_ok() {
            actions.push(RowActionKind::Transition(action));
        }
    }
    actions
}

/// A button in a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowActionKind {
    Edit,
    Transition(PlacementAction),
}

/// What the placement is, in a few words: "In de klas · groep 5".
pub fn describe(t: &PlacementTexts, placement: &Placement) -> String {
    let detail = match placement.kind {
        PlacementKind::Class => placement.group.clone(),
        PlacementKind::SchoolTask => placement.task.map(|task| t.task(task).to_owned()),
        PlacementKind::Thematic => placement.theme.clone(),
    };
    match detail {
        Some(detail) => format!("{} · {detail}", t.kind(placement.kind)),
        None => t.kind(placement.kind).to_owned(),
    }
}

/// A word with its first letter in capitals, for the start of a cell: "Donderdag".
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn placement_table(
    texts: &'static Texts,
    me: &Me,
    placements: &[Placement],
    show_school: bool,
    busy: Option<uuid::Uuid>,
    on_action: &Callback<RowAction>,
) -> Html {
    let t = texts.placements();
    html! {
        <div class="table-wrap" role="region" aria-labelledby="placements-table-title" tabindex="0">
            <table id="placement-table" class="cards-on-phone">
                <caption id="placements-table-title" class="visually-hidden">{ texts.menu_placements }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.column_placement }</th>
                        if show_school {
                            <th scope="col">{ t.school }</th>
                        }
                        <th scope="col">{ t.column_when }</th>
                        <th scope="col">{ t.column_day }</th>
                        <th scope="col">{ t.column_expertise }</th>
                        <th scope="col" class="numeric">{ t.column_capacity }</th>
                        <th scope="col">{ t.status }</th>
                        <th scope="col"><span class="visually-hidden">{ t.column_actions }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for placements.iter().map(|p| row(texts, me, p, show_school, busy == Some(p.id), on_action)) }
                </tbody>
            </table>
        </div>
    }
}

fn row(
    texts: &'static Texts,
    me: &Me,
    placement: &Placement,
    show_school: bool,
    busy: bool,
    on_action: &Callback<RowAction>,
) -> Html {
    let t = texts.placements();
    let id = placement.id.to_string();
    let description = describe(t, placement);
    let weekday = capitalised(t.weekday(placement.weekday));
    let teacher = placement
        .teacher
        .as_ref()
        .filter(|_| placement.kind == PlacementKind::Class)
        .map(|teacher| html! { <span class="muted">{ teacher.clone() }</span> });
    let period = format!(
        "{} – {}",
        texts.dates.date(placement.period.starts_on),
        texts.dates.date(placement.period.ends_on)
    );
    let when = format!(
        "{} {} · {}",
        capitalised(t.start_moment(placement.start_moment)),
        start_year(placement),
        t.commitment(placement.commitment)
    );
    let expertise = if placement.expertise.is_empty() {
        html! { <span class="muted">{ "—" }</span> }
    } else {
        html! {
            <ul class="tags">
                { for placement.expertise.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
            </ul>
        }
    };
    let reason = placement
        .status_reason
        .as_ref()
        .filter(|_| {
            matches!(
                placement.status,
                PlacementStatus::Closed | PlacementStatus::Cancelled
            )
        })
        .map(|reason| html! { <span class="muted status-reason">{ reason.clone() }</span> });
    let label = format!("{description}, {weekday}");
    let buttons = row_actions(me, placement).into_iter().map(|kind| {
        let (class, text, action) = match kind {
            RowActionKind::Edit => ("edit-placement", t.edit, RowAction::Edit(placement.clone())),
            RowActionKind::Transition(action) => {
                let (class, text) = match action {
                    PlacementAction::Open => ("open-placement", t.open_action),
                    PlacementAction::Close => ("close-placement", t.close_action),
                    _ => ("cancel-placement", t.cancel_action),
                };
                (
                    class,
                    text,
                    RowAction::Transition(placement.clone(), action),
                )
            }
        };
        let on_action = on_action.clone();
        html! {
            <button type="button" class={classes!("button-small", class)}
                aria-label={format!("{text}: {label}")}
                disabled={busy}
                onclick={move |_| on_action.emit(action.clone())}>
                { text }
            </button>
        }
    });
    html! {
        <tr key={id.clone()} class="placement-row" data-id={id} data-status={placement.status.as_str()}>
            <th scope="row">
                <span class="placement-what">{ description }</span>
                { teacher.unwrap_or_default() }
            </th>
            if show_school {
                <td data-label={t.school}>{ placement.school_name.clone() }</td>
            }
            <td data-label={t.column_when}>
                <span class="nowrap">{ when }</span>
                <span class="muted">{ period }</span>
            </td>
            <td data-label={t.column_day}>
                <span class="placement-day">{ weekday }</span>
                <span class="muted nowrap">
                    { format!("{}–{} ({})", hhmm(placement.starts_at), hhmm(placement.ends_at), t.duration(placement.minutes)) }
                </span>
            </td>
            <td data-label={t.column_expertise}>{ expertise }</td>
            <td class="numeric" data-label={t.column_capacity}>{ placement.capacity }</td>
            <td data-label={t.status}>
                <span class={classes!("status", format!("status-{}", placement.status.as_str()))}>
                    { t.status(placement.status) }
                </span>
                { reason.unwrap_or_default() }
            </td>
            <td class="row-actions"><div class="row-buttons">{ for buttons }</div></td>
        </tr>
    }
}

/// The calendar year of the start moment: September 2026 or February 2027 in 2026-2027.
fn start_year(placement: &Placement) -> i32 {
    match placement.start_moment {
        StartMoment::September => placement.school_year.start_year(),
        StartMoment::February => placement.school_year.start_year() + 1,
    }
}

#[cfg(test)]
mod tests {
    use domain::Role;
    use domain::contract::{Membership, Organisation};
    use uuid::Uuid;

    use super::*;
    use crate::i18n::NL;

    fn me(role: Role, school: u128) -> Me {
        Me {
            id: Uuid::nil(),
            name: "Sam".into(),
            email: "sam@school.example".into(),
            memberships: vec![Membership {
                role,
                organisation: Organisation {
                    id: Uuid::from_u128(school),
                    kind: role.organisation_kind(),
                    name: "De Zeester".into(),
                    parent_id: None,
                    school_type: None,
                    region: None,
                    municipality: None,
                },
            }],
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default(),
        }
    }

    fn placement(status: PlacementStatus) -> Placement {
        serde_json::from_value(serde_json::json!({
            "id": Uuid::from_u128(9), "school_id": Uuid::from_u128(1), "school_name": "De Zeester",
            "school_type": "po", "region": "noord", "municipality": "Den Helder",
            "school_year": "2026-2027", "start_moment": "february", "commitment": "half_year",
            "period": {"starts_on": "2027-02-01", "ends_on": "2027-07-31"},
            "weekday": "thursday", "starts_at": "08:30:00", "ends_at": "15:30:00", "minutes": 420,
            "kind": "thematic", "theme": "Techniekweek", "expertise": ["techniek"], "capacity": 1,
            "status": status, "created_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-22T10:00:00Z"
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_director_gets_the_buttons_the_status_allows() {
        use PlacementAction as A;
        use RowActionKind as K;
        let director = me(Role::SchoolDirector, 1);
        assert_eq!(
            row_actions(&director, &placement(PlacementStatus::Draft)),
            [
                K::Edit,
                K::Transition(A::Open),
                K::Transition(A::Close),
                K::Transition(A::Cancel)
            ]
        );
        assert_eq!(
            row_actions(&director, &placement(PlacementStatus::Open)),
            [K::Edit, K::Transition(A::Close), K::Transition(A::Cancel)]
        );
        assert_eq!(
            row_actions(&director, &placement(PlacementStatus::Filled)),
            [K::Transition(A::Cancel)]
        );
        assert!(row_actions(&director, &placement(PlacementStatus::Cancelled)).is_empty());
    }

    #[test]
    fn a_coordinator_or_another_schools_director_only_looks() {
        let open = placement(PlacementStatus::Open);
        assert!(row_actions(&me(Role::Coordinator, 1), &open).is_empty());
        assert!(row_actions(&me(Role::SchoolDirector, 2), &open).is_empty());
        assert!(!row_actions(&me(Role::ProgrammeAdmin, 5), &open).is_empty());
    }

    #[test]
    fn a_placement_is_described_by_its_kind_and_detail() {
        let p = placement(PlacementStatus::Open);
        assert_eq!(describe(NL.placements(), &p), "Thematisch · Techniekweek");
        assert_eq!(start_year(&p), 2027);
        assert_eq!(capitalised("donderdag"), "Donderdag");
    }
}

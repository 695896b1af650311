//! The HTTP routes, a file per resource. Handlers are thin: parse, ask the policy, call the store
//! or the domain, answer.

pub mod allowances;
pub mod ambassadors;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod dashboard;
pub mod employers;
pub mod frameworks;
pub mod health;
pub mod holidays;
pub mod hours;
pub mod hours_policies;
pub mod lesson_schedule;
pub mod lesson_series;
pub mod mail_preferences;
pub mod matches;
pub mod matching;
pub mod me;
pub mod messages;
pub mod mine;
pub mod organisations;
mod pagination;
pub mod payout_files;
pub mod placements;
pub mod privacy;
pub mod privacy_requests;
pub mod registry;
pub mod research;
pub mod schools;
pub mod sponsorship;
pub mod team;
pub mod training;
pub mod webhooks;

use registry::Routes;

/// Registers every `/api/v1` route.
pub fn configure_api(config: &mut Routes<'_, '_>) {
    auth::configure(config);
    me::configure(config);
    organisations::configure(config);
    audit::configure(config);
    privacy::configure(config);
    privacy_requests::configure(config);
    messages::configure(config);
    mail_preferences::configure(config);
    placements::configure(config);
    schools::configure(config);
    ambassadors::configure(config);
    applications::configure(config);
    matching::configure(config);
    matches::configure(config);
    frameworks::configure(config);
    holidays::configure(config);
    hours_policies::configure(config);
    lesson_series::configure(config);
    lesson_schedule::configure(config);
    hours::configure(config);
    allowances::configure(config);
    payout_files::configure(config);
    employers::configure(config);
    sponsorship::configure(config);
    mine::configure(config);
    team::configure(config);
    webhooks::configure(config);
    training::configure(config);
    research::configure(config);
    dashboard::configure(config);
}

/// Appends an audit entry for what `actor` did.
pub(crate) async fn audit(
    store: &store::Store,
    actor: &crate::auth::Principal,
    action: &'static str,
    resource_type: &'static str,
    resource_id: Option<uuid::Uuid>,
) -> Result<(), crate::error::ApiError> {
    audit_because(store, actor, action, resource_type, resource_id, None).await
}

/// Appends an audit entry for what `actor` did and the reason they gave for it.
pub(crate) async fn audit_because(
    store: &store::Store,
    actor: &crate::auth::Principal,
    action: &'static str,
    resource_type: &'static str,
    resource_id: Option<uuid::Uuid>,
    reason: Option<&str>,
) -> Result<(), crate::error::ApiError> {
    store
        .record_audit(&store::NewAuditEntry {
            actor_kind: actor.actor_kind(),
            actor_id: Some(actor.actor_id()),
            action,
            resource_type,
            resource_id,
            reason: reason.map(str::to_owned),
        })
        .await?;
    Ok(())
}

/// A `YYYY-MM` month from a request, or a 422 naming `month`.
pub(crate) fn month_param(
    text: &str,
) -> Result<domain::calendar_month::CalendarMonth, crate::error::ApiError> {
    domain::calendar_month::CalendarMonth::parse(text)
        .map_err(|_| crate::error::ApiError::invalid_field("month", "write the month as YYYY-MM"))
}

/// The school with this id, or a 404 when there is none (or the organisation is no school).
pub(crate) async fn school_or_404(
    state: &crate::state::AppState,
    id: uuid::Uuid,
) -> Result<domain::contract::Organisation, crate::error::ApiError> {
    match state.store.get_organisation(id).await {
        Ok(org) if org.kind == domain::OrganisationKind::School => Ok(org),
        Ok(_) | Err(store::StoreError::NotFound) => Err(crate::error::ApiError::NotFound("school")),
        Err(e) => Err(e.into()),
    }
}

/// How a CSV download is written.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CsvQuery {
    /// `dutch` (the default, for people: `;` between fields, amounts `160,00`, UTF-8 with a
    /// byte order mark, as a Dutch Excel or LibreOffice opens it) or `rfc4180` (for programs:
    /// `,`, `160.00`, no byte order mark).
    #[param(value_type = Option<domain::CsvDialect>)]
    pub dialect: Option<domain::CsvDialect>,
}

impl CsvQuery {
    /// The dialect asked for, Dutch when none was.
    pub fn dialect(self) -> domain::CsvDialect {
        self.dialect.unwrap_or(domain::CsvDialect::Dutch)
    }
}

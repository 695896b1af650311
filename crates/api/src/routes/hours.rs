//! Hours: ambassadors log their days at school; the school's internal coordinator or director
//! approves or rejects each entry, or a whole month at once.

use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use domain::calendar_month::CalendarMonth;
use domain::contract::{
    BulkApproval, HourEntry, HourEntryInput, HourMonth, HourQuery, HourTransition, Page, Problem,
};
use domain::hours::{HourKind, HourStatus, month_is_complete};
use store::HourFilter;
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(log_hours)
        .service(list_hours)
        .service(get_hour_entry)
        .service(decide_hour_entry)
        .service(hour_month)
        .service(approve_hour_month);
}

/// Log hours: an ambassador their own, at a placement where they have a confirmed or active
/// match; programme staff on an ambassador's behalf. The kind follows the ambassador's
/// arrangement unless another is given with a reason. A day holds at most 600 minutes in all;
/// another weekday than the placement's, or a day in the school's holiday, needs a
/// `date_reason`; a month whose allowance is paid takes no new hours.
#[utoipa::path(
    operation_id = "logHours",
    tag = "hours",
    request_body = HourEntryInput,
    responses(
        (status = 201, description = "The entry, submitted for the school's decision.", body = HourEntry),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an ambassador working at this placement, nor programme staff.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The month's allowance is paid already, so it takes no new hours (`month_paid`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`: minutes outside 15–600 or more than 600 on one day in all (`minutes`), a date in the future or outside the placement's period (`date`), another weekday than the placement's or a day in the school's holiday without `date_reason`, a kind without its reason, no such placement.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/hour-entries")]
pub async fn log_hours(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<HourEntryInput>,
) -> Result<HttpResponse, ApiError> {
    let created = usecases::hours::log(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// List hour entries by date. Programme staff see all; school staff their schools'; ambassadors
/// their own.
#[utoipa::path(
    operation_id = "listHours",
    tag = "hours",
    params(HourQuery, PageQuery),
    responses(
        (status = 200, description = "A page of entries, by date.", body = Page<HourEntry>),
        (status = 400, description = "A filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller has no school role and is no ambassador.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`month`, `limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/hour-entries")]
pub async fn list_hours(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<HourQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<HourEntry>>, ApiError> {
    let (member, ambassador_user) = policy::hours_view(&principal)?;
    let limit = page.limit()?;
    let after = page.after(|text| {
        let (date, id) = text.split_once('_')?;
        Some((date.parse::<NaiveDate>().ok()?, Uuid::parse_str(id).ok()?))
    })?;
    let (from, to) = match &query.month {
        Some(text) => {
            let (first, last) = month(text)?;
            (Some(first), Some(last))
        }
        None => (None, None),
    };
    let filter = HourFilter {
        school_id: query.school_id,
        ambassador_id: query.ambassador_id,
        from,
        to,
        status: query.status,
        member,
        ambassador_user,
    };
    let items = state
        .store
        .list_hour_entries(&filter, after, limit + 1)
        .await?;
    Ok(web::Json(into_page(items, limit, |e| {
        format!("{}_{}", e.date, e.id)
    })))
}

/// One hour entry.
#[utoipa::path(
    operation_id = "getHourEntry",
    tag = "hours",
    params(("id" = Uuid, Path, description = "The entry's id.")),
    responses(
        (status = 200, description = "The entry.", body = HourEntry),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such entry that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/hour-entries/{id}")]
pub async fn get_hour_entry(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<HourEntry>, ApiError> {
    let (entry, owner) = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ReadHours {
            school: entry.school_id,
            owner,
        },
        "hour entry",
    )?;
    Ok(web::Json(entry))
}

/// Approve, reject (with a reason) or reopen (with a reason) an entry: the school's internal
/// coordinator or director, never for their own hours. Entries of a paid statement are locked.
#[utoipa::path(
    operation_id = "decideHourEntry",
    tag = "hours",
    params(("id" = Uuid, Path, description = "The entry's id.")),
    request_body = HourTransition,
    responses(
        (status = 200, description = "The entry after the decision.", body = HourEntry),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller may see the entry but not decide on it.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such entry that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The decision does not follow from the status (`invalid_transition`), such as a locked entry.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason is required, or `lock` was asked for.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/hour-entries/{id}/transitions")]
pub async fn decide_hour_entry(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<HourTransition>,
) -> Result<web::Json<HourEntry>, ApiError> {
    let decided = usecases::hours::decide(&state, &principal, *id, body.into_inner()).await?;
    Ok(web::Json(decided))
}

/// A school's hours in one month: every entry, whether all are decided, and the approved
/// minutes by kind.
#[utoipa::path(
    operation_id = "getHourMonth",
    tag = "hours",
    params(
        ("id" = Uuid, Path, description = "The school's id."),
        ("month" = String, Path, description = "The month, `YYYY-MM`."),
    ),
    responses(
        (status = 200, description = "The month.", body = HourMonth),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such school where the caller has a role.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The month is not `YYYY-MM`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/schools/{id}/hour-months/{month}")]
pub async fn hour_month(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
) -> Result<web::Json<HourMonth>, ApiError> {
    let (school, text) = path.into_inner();
    let (first, last) = month(&text)?;
    policy::authorize(
        &principal,
        Action::ReadHours {
            school,
            owner: None,
        },
        "school",
    )?;
    super::school_or_404(&state, school).await?;
    Ok(web::Json(month_of(&state, school, first, last).await?))
}

/// Approve every submitted entry of a school's month at once: the school's internal
/// coordinator or director. Entries already decided stay as they are.
#[utoipa::path(
    operation_id = "approveHourMonth",
    tag = "hours",
    params(
        ("id" = Uuid, Path, description = "The school's id."),
        ("month" = String, Path, description = "The month, `YYYY-MM`."),
    ),
    responses(
        (status = 200, description = "How many were approved, and the month afterwards.", body = BulkApproval),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "School staff who do not decide on hours.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such school where the caller has a role.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The month is not `YYYY-MM`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/schools/{id}/hour-months/{month}/approvals")]
pub async fn approve_hour_month(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
) -> Result<web::Json<BulkApproval>, ApiError> {
    let (school, text) = path.into_inner();
    let (first, last) = month(&text)?;
    let approved = usecases::hours::approve_month(&state, &principal, school, first, last).await?;
    Ok(web::Json(BulkApproval {
        approved: u32::try_from(approved).unwrap_or(u32::MAX),
        month: month_of(&state, school, first, last).await?,
    }))
}

async fn find(state: &AppState, id: Uuid) -> Result<(HourEntry, Option<Uuid>), ApiError> {
    usecases::hours::find(&state.store, id).await
}

/// The first and last day of a `YYYY-MM` month, or a 422 naming `month`.
fn month(text: &str) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let month: CalendarMonth = super::month_param(text)?;
    Ok((month.first_day(), month.last_day()))
}

async fn month_of(
    state: &AppState,
    school: Uuid,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<HourMonth, ApiError> {
    let filter = HourFilter {
        school_id: Some(school),
        from: Some(first),
        to: Some(last),
        ..HourFilter::default()
    };
    let entries = state.store.list_hour_entries(&filter, None, 10_000).await?;
    let counted = |kind: HourKind| -> u32 {
        entries
            .iter()
            .filter(|e| e.kind == kind && e.status.counts())
            .map(|e| e.minutes)
            .sum()
    };
    Ok(HourMonth {
        school_id: school,
        month: first.format("%Y-%m").to_string(),
        complete: month_is_complete(entries.iter().map(|e| e.status)),
        submitted: entries
            .iter()
            .filter(|e| e.status == HourStatus::Submitted)
            .count() as u32,
        sponsored_minutes: counted(HourKind::Sponsored),
        volunteered_minutes: counted(HourKind::Volunteered),
        entries,
    })
}

//! Hours: ambassadors log their days at school; the school's internal coordinator or director
//! approves or rejects each entry, or a whole month at once.

use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use domain::calendar_month::CalendarMonth;
use domain::contract::{
    BulkApproval, HourEntry, HourEntryInput, HourMonth, HourQuery, HourTransition, Page, Problem,
};
use domain::hours::{HourAction, HourKind, HourStatus, HoursError, month_is_complete};
use store::{HourFilter, NewHourEntry};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::ambassadors::actor;
use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Registers the routes of this file.
pub fn configure(config: &mut ServiceConfig) {
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
/// arrangement unless another is given with a reason.
#[utoipa::path(
    operation_id = "logHours",
    tag = "hours",
    request_body = HourEntryInput,
    responses(
        (status = 201, description = "The entry, submitted for the school's decision.", body = HourEntry),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an ambassador working at this placement, nor programme staff.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`: minutes outside 15–600, a date in the future or outside the placement's period, a kind without its reason, no such placement.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/hour-entries")]
pub async fn log_hours(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<HourEntryInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let ambassador =
        match (input.ambassador_id, &principal) {
            (Some(id), _) => state.store.get_ambassador(id).await.map_err(|e| match e {
                store::StoreError::NotFound => {
                    ApiError::invalid_field("ambassador_id", "no such ambassador")
                }
                e => e.into(),
            })?,
            (None, Principal::User(user)) => state
                .store
                .ambassador_of_user(user.id)
                .await
                .map_err(|e| match e {
                    store::StoreError::NotFound => ApiError::invalid_field(
                        "ambassador_id",
                        "say whose hours these are; you are no ambassador",
                    ),
                    e => e.into(),
                })?,
            (None, Principal::Client(_)) => return Err(ApiError::Forbidden),
        };
    let school = state
        .store
        .school_where_ambassador_works(ambassador.id, input.placement_id)
        .await?;
    policy::authorize(
        &principal,
        Action::LogHours {
            owner: ambassador.user_id,
            works_there: school.is_some(),
        },
        "hours",
    )?;
    let (minutes, input) = input.validate().map_err(ApiError::invalid_fields)?;
    let Some(school_id) = school else {
        return Err(ApiError::invalid_field(
            "placement_id",
            format!(
                "{} has no confirmed or active match for this placement",
                ambassador.profile.name
            ),
        ));
    };
    let placement = state.store.get_placement(input.placement_id).await?;
    if input.date > state.clock.today() {
        return Err(ApiError::invalid_field(
            "date",
            "hours are logged once they are worked; this day is still to come",
        ));
    }
    if input.date < placement.period.starts_on || input.date > placement.period.ends_on {
        return Err(ApiError::invalid_field(
            "date",
            format!(
                "{} is outside the placement's period, {} to {}",
                input.date, placement.period.starts_on, placement.period.ends_on
            ),
        ));
    }
    let kind = HourKind::choose(
        ambassador.profile.funding,
        input.kind,
        input.kind_reason.as_deref(),
    )
    .map_err(|e| ApiError::invalid_field("kind", e.to_string()))?;
    let created = state
        .store
        .create_hour_entry(&NewHourEntry {
            ambassador_id: ambassador.id,
            school_id,
            input: &input,
            minutes,
            kind,
        })
        .await?;
    super::audit(
        &state.store,
        &principal,
        "hours.log",
        "hour_entry",
        Some(created.id),
    )
    .await?;
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let (entry, owner) = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::DecideHours {
            school: entry.school_id,
            owner,
        },
        "hour entry",
    )?;
    let HourTransition { action, reason } = body.into_inner();
    if action == HourAction::Lock {
        return Err(ApiError::invalid_field(
            "action",
            "entries are locked when the statement holding them is paid",
        ));
    }
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
        return Err(ApiError::invalid_field("reason", "at most 500 characters"));
    }
    let next = entry
        .status
        .apply(action, reason.as_deref())
        .map_err(|e| match e {
            HoursError::ReasonRequired { .. } => ApiError::invalid_field("reason", e.to_string()),
            e => ApiError::Conflict {
                code: "invalid_transition",
                detail: e.to_string(),
            },
        })?;
    let (_, name) = actor(&state, &principal).await?;
    let decided = state
        .store
        .decide_hour_entry(entry.id, entry.status, next, reason.as_deref(), &name)
        .await?;
    super::audit(
        &state.store,
        &principal,
        "hours.decide",
        "hour_entry",
        Some(decided.id),
    )
    .await?;
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    policy::authorize(
        &principal,
        Action::DecideHours {
            school,
            owner: None,
        },
        "school",
    )?;
    super::school_or_404(&state, school).await?;
    let (user, name) = actor(&state, &principal).await?;
    // Nobody approves their own hours, also not in bulk.
    let own = state
        .store
        .ambassador_of_user(user)
        .await
        .ok()
        .map(|a| a.id);
    if let Some(own) = own {
        let mine = month_of(&state, school, first, last)
            .await?
            .entries
            .iter()
            .any(|e| e.ambassador_id == own && e.status == HourStatus::Submitted);
        if mine {
            return Err(ApiError::Forbidden);
        }
    }
    let approved = state
        .store
        .approve_hour_entries(school, first, last, &name)
        .await?;
    super::audit(
        &state.store,
        &principal,
        "hours.approve_month",
        "school",
        Some(school),
    )
    .await?;
    Ok(web::Json(BulkApproval {
        approved: u32::try_from(approved).unwrap_or(u32::MAX),
        month: month_of(&state, school, first, last).await?,
    }))
}

async fn find(state: &AppState, id: Uuid) -> Result<(HourEntry, Option<Uuid>), ApiError> {
    let entry = state
        .store
        .get_hour_entry(id)
        .await
        .or_not_found("hour entry")?;
    let owner = state
        .store
        .hour_entry_owner(id)
        .await
        .or_not_found("hour entry")?;
    Ok((entry, owner))
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

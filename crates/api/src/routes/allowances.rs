//! The volunteer allowance: the caps per year, each volunteer's details and declared allowances,
//! the monthly statement with its checks, and the payout files.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use chrono::NaiveDate;
use domain::allowance::{AllowanceCaps, AllowanceStep, caps_for};
use domain::calendar_month::CalendarMonth;
use domain::contract::{
    AllowanceProfile, AllowanceYear, Ambassador, DeclaredAllowance, DeclaredAllowanceInput,
    LineAdjustment, LineTransition, Problem, Statement, StatementLineItem, StatementRunInput,
};
use domain::money::Cents;
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::etag::{self, IfMatch};
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases::payout_files::{self, Needs};
use crate::usecases::{allowance_settings, statements};

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(list_caps)
        .service(add_caps)
        .service(get_amounts)
        .service(add_amount)
        .service(correct_line)
        .service(get_profile)
        .service(put_profile)
        .service(list_declared)
        .service(declare)
        .service(draw_up_statement)
        .service(get_statement)
        .service(get_line)
        .service(adjust_line)
        .service(transition_line)
        .service(payout_csv)
        .service(payout_sepa)
        .service(my_allowances);
}

/// The volunteer allowance caps per calendar year (Belastingdienst), in cents.
#[utoipa::path(
    operation_id = "listAllowanceCaps",
    tag = "allowances",
    responses(
        (status = 200, description = "The caps of every year entered, oldest first.", body = Vec<AllowanceCaps>),
    ),
    security(("bearer" = []), ("oauth2" = []))
)]
#[get("/allowance-caps")]
pub async fn list_caps(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<AllowanceCaps>>, ApiError> {
    policy::authorize(&principal, Action::ReadAllowanceCaps, "allowance caps")?;
    Ok(web::Json(state.store.list_allowance_caps().await?))
}

/// Enter a calendar year's caps once the Belastingdienst publishes them (programme staff).
#[utoipa::path(
    operation_id = "addAllowanceCaps",
    tag = "allowances",
    request_body = AllowanceCaps,
    responses(
        (status = 201, description = "The caps, as stored.", body = AllowanceCaps),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff enter caps.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The year has caps already (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid caps, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/allowance-caps")]
pub async fn add_caps(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<AllowanceCaps>,
) -> Result<HttpResponse, ApiError> {
    let caps = allowance_settings::add_caps(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(caps))
}

/// The programme's monthly allowance over time (EUR 160 by default), in cents.
#[utoipa::path(
    operation_id = "getAllowanceAmounts",
    tag = "allowances",
    responses(
        (status = 200, description = "The amounts, each from the first of a month until the next.", body = Vec<AllowanceStep>),
    ),
    security(("bearer" = []), ("oauth2" = []))
)]
#[get("/allowance-amounts")]
pub async fn get_amounts(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<AllowanceStep>>, ApiError> {
    policy::authorize(&principal, Action::ReadAllowanceCaps, "allowance amounts")?;
    Ok(web::Json(
        state.store.allowance_policy().await?.steps().to_vec(),
    ))
}

/// Change the programme's monthly allowance from the first of a month on (programme staff).
#[utoipa::path(
    operation_id = "addAllowanceAmount",
    tag = "allowances",
    request_body = AllowanceStep,
    responses(
        (status = 201, description = "The amounts afterwards.", body = Vec<AllowanceStep>),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff change the amount.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "An amount starts that day already (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not the first of a month, or negative.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/allowance-amounts")]
pub async fn add_amount(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<AllowanceStep>,
) -> Result<HttpResponse, ApiError> {
    let after = allowance_settings::add_amount(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(after.steps()))
}

/// Correct a paid line: a new draft line for the same month with the difference (negative takes
/// money back) and the reason, checked against the caps as they stand now (programme staff).
/// Corrections together never take back more than was paid for the month.
#[utoipa::path(
    operation_id = "correctStatementLine",
    tag = "allowances",
    params(
        ("id" = Uuid, Path, description = "The paid line's id."),
        ("If-Match" = Option<String>, Header, description = "The paid line's `ETag` as read (`\"<version>\"`); the correction is refused with 412 when the line is no longer at that version."),
    ),
    request_body = LineAdjustment,
    responses(
        (status = 201, description = "The correction, as a draft line.", body = StatementLineItem, headers(("ETag" = String, description = "The correction's version, `\"<version>\"`."))),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff correct lines.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such line.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The line is not paid (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names a version the line no longer has (`precondition_failed`, with `details.current_version`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason is required, or the correction takes back more than the month can still give back (`invalid_input` on `amount`, with `details.correctable` in cents).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/statement-lines/{id}/corrections")]
pub async fn correct_line(
    state: web::Data<AppState>,
    principal: Principal,
    request: HttpRequest,
    id: web::Path<Uuid>,
    body: crate::json::Json<LineAdjustment>,
) -> Result<HttpResponse, ApiError> {
    let LineAdjustment { amount, reason } = body.into_inner();
    let created = statements::correct(
        &state,
        &principal,
        *id,
        &IfMatch::of(&request),
        amount,
        &reason,
    )
    .await?;
    Ok(line_response(StatusCode::CREATED, &created))
}

/// A volunteer's allowance details: the ambassador themself or programme staff. A read that
/// shows an IBAN is logged as a sensitive read.
#[utoipa::path(
    operation_id = "getAllowanceProfile",
    tag = "allowances",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    responses(
        (status = 200, description = "The details.", body = AllowanceProfile),
        (status = 404, description = "No such ambassador that the caller may see, or no details recorded.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/ambassadors/{id}/allowance-profile")]
pub async fn get_profile(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<AllowanceProfile>, ApiError> {
    let ambassador = own_or_staff(&state, &principal, *id).await?;
    let profile = state
        .store
        .allowance_profile(ambassador.id)
        .await?
        .ok_or(ApiError::NotFound("allowance profile"))?;
    if profile.iban.is_some() {
        crate::usecases::privacy::log_read(
            &state,
            &principal,
            domain::contract::SensitiveReadKind::Iban,
            ambassador.id,
            "allowance_profile",
            ambassador.id,
        )
        .await?;
    }
    Ok(web::Json(profile))
}

/// Record a volunteer's allowance details: age category (never the birth date), an agreed
/// hourly rate if any, and the IBAN (checked) it is paid to. Refused for ambassadors whose hours
/// are all sponsored: no bank account is kept for them.
#[utoipa::path(
    operation_id = "putAllowanceProfile",
    tag = "allowances",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    request_body = AllowanceProfile,
    responses(
        (status = 200, description = "The details, as stored.", body = AllowanceProfile),
        (status = 400, description = "Not valid JSON for this operation, such as an IBAN that fails its check.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ambassador receives no allowance (`not_a_volunteer`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/ambassadors/{id}/allowance-profile")]
pub async fn put_profile(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<AllowanceProfile>,
) -> Result<web::Json<AllowanceProfile>, ApiError> {
    let profile =
        allowance_settings::put_profile(&state, &principal, *id, body.into_inner()).await?;
    Ok(web::Json(profile))
}

/// Query of a calendar year.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The calendar year; this year when absent.
    pub year: Option<i32>,
}

/// Allowances a volunteer declared from elsewhere in a calendar year.
#[utoipa::path(
    operation_id = "listDeclaredAllowances",
    tag = "allowances",
    params(("id" = Uuid, Path, description = "The ambassador's id."), YearQuery),
    responses(
        (status = 200, description = "The declarations, by month.", body = Vec<DeclaredAllowance>),
        (status = 404, description = "No such ambassador that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/ambassadors/{id}/declared-allowances")]
pub async fn list_declared(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    query: web::Query<YearQuery>,
) -> Result<web::Json<Vec<DeclaredAllowance>>, ApiError> {
    let ambassador = own_or_staff(&state, &principal, *id).await?;
    let year = query
        .year
        .unwrap_or_else(|| CalendarMonth::containing(state.clock.today()).year());
    Ok(web::Json(
        state.store.declared_allowances(ambassador.id, year).await?,
    ))
}

/// Declare an allowance received elsewhere in a month (the sports club, another charity): it
/// counts toward the monthly and yearly caps.
#[utoipa::path(
    operation_id = "declareAllowance",
    tag = "allowances",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    request_body = DeclaredAllowanceInput,
    responses(
        (status = 201, description = "The declaration.", body = DeclaredAllowance),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/ambassadors/{id}/declared-allowances")]
pub async fn declare(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<DeclaredAllowanceInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let month = super::month_param(&input.month)?;
    let declared =
        statements::declare(&state, &principal, *id, month, input.amount, &input.source).await?;
    Ok(HttpResponse::Created().json(declared))
}

/// Draw up a month's statement (programme staff): a draft line for every volunteer whose hours
/// of the month are all decided, checked against the monthly, yearly and hourly caps. Drawing
/// up again refreshes drafts nobody adjusted (hours or declarations may have changed); adjusted,
/// approved and paid lines stay. Volunteers whose hours still wait are listed.
#[utoipa::path(
    operation_id = "drawUpStatement",
    tag = "allowances",
    request_body = StatementRunInput,
    responses(
        (status = 200, description = "The month's statement.", body = Statement),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff draw up statements.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The month's calendar year has no caps yet (`caps_missing`, naming the year).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`month` is not `YYYY-MM`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/statements")]
pub async fn draw_up_statement(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<StatementRunInput>,
) -> Result<web::Json<Statement>, ApiError> {
    let month = super::month_param(&body.month)?;
    Ok(web::Json(
        statements::draw_up(&state, &principal, month).await?,
    ))
}

/// A month's statement lines (programme staff).
#[utoipa::path(
    operation_id = "getStatement",
    tag = "allowances",
    params(("month" = String, Path, description = "The month, `YYYY-MM`.")),
    responses(
        (status = 200, description = "The lines drawn up so far (`waiting` is filled by drawing up).", body = Statement),
        (status = 403, description = "Only programme staff read statements.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The month is not `YYYY-MM`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/statements/{month}")]
pub async fn get_statement(
    state: web::Data<AppState>,
    principal: Principal,
    month: web::Path<String>,
) -> Result<web::Json<Statement>, ApiError> {
    policy::authorize(&principal, Action::ManageAllowances, "statements")?;
    let month = super::month_param(&month)?;
    Ok(web::Json(Statement {
        month: month.to_string(),
        lines: state.store.statement_lines(Some(month), None, None).await?,
        waiting: Vec::new(),
    }))
}

/// One statement line (programme staff), with its version as the `ETag` to send back in
/// `If-Match` when changing it.
#[utoipa::path(
    operation_id = "getStatementLine",
    tag = "allowances",
    params(("id" = Uuid, Path, description = "The line's id.")),
    responses(
        (status = 200, description = "The line.", body = StatementLineItem, headers(("ETag" = String, description = "The line's version, `\"<version>\"`: send it in `If-Match` to change the line."))),
        (status = 403, description = "Only programme staff read statement lines.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such line.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/statement-lines/{id}")]
pub async fn get_line(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    policy::authorize(&principal, Action::ManageAllowances, "statement line")?;
    let item = state
        .store
        .statement_line(*id)
        .await
        .or_not_found("statement line")?;
    Ok(line_response(StatusCode::OK, &item))
}

/// Change a draft line's amount, with the reason (programme staff); the caps are checked again
/// against everything approved, paid or declared now.
#[utoipa::path(
    operation_id = "adjustStatementLine",
    tag = "allowances",
    params(
        ("id" = Uuid, Path, description = "The line's id."),
        ("If-Match" = Option<String>, Header, description = "The line's `ETag` as read (`\"<version>\"`): the change is refused with 412 when someone changed the line since. Without it the change applies to the line as it is now."),
    ),
    request_body = LineAdjustment,
    responses(
        (status = 200, description = "The line after the change.", body = StatementLineItem, headers(("ETag" = String, description = "The line's new version, `\"<version>\"`."))),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff adjust lines.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such line.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The line is not a draft (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names a version the line no longer has (`precondition_failed`, with `details.current_version`): reload it.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason is required, the amount is negative, or a correction would take back more than the month can still give back (`details.correctable`).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/statement-lines/{id}/adjustments")]
pub async fn adjust_line(
    state: web::Data<AppState>,
    principal: Principal,
    request: HttpRequest,
    id: web::Path<Uuid>,
    body: crate::json::Json<LineAdjustment>,
) -> Result<HttpResponse, ApiError> {
    let LineAdjustment { amount, reason } = body.into_inner();
    let saved = statements::adjust(
        &state,
        &principal,
        *id,
        &IfMatch::of(&request),
        amount,
        &reason,
    )
    .await?;
    Ok(line_response(StatusCode::OK, &saved))
}

/// Approve a line, reopen an approved one (with a reason), or mark it paid, which locks the
/// month's hours. Approving and paying check the monthly and yearly caps again against every
/// allowance approved, paid or declared for the calendar month and year at that moment, and
/// are refused over a cap. A paid line never changes; corrections are new lines.
#[utoipa::path(
    operation_id = "transitionStatementLine",
    tag = "allowances",
    params(
        ("id" = Uuid, Path, description = "The line's id."),
        ("If-Match" = Option<String>, Header, description = "The line's `ETag` as read (`\"<version>\"`): the step is refused with 412 when someone changed the line since. Without it the step applies to the line as it is now."),
    ),
    request_body = LineTransition,
    responses(
        (status = 200, description = "The line after the step.", body = StatementLineItem, headers(("ETag" = String, description = "The line's new version, `\"<version>\"`."))),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff move lines on.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such line.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`over_cap` (with `details.caps`: each cap exceeded, the cap and the total in cents) or `invalid_transition`.", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names a version the line no longer has (`precondition_failed`, with `details.current_version`): reload it.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason is required, or a correction would take back more than the month can still give back (`details.correctable`).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/statement-lines/{id}/transitions")]
pub async fn transition_line(
    state: web::Data<AppState>,
    principal: Principal,
    request: HttpRequest,
    id: web::Path<Uuid>,
    body: crate::json::Json<LineTransition>,
) -> Result<HttpResponse, ApiError> {
    let LineTransition { action, reason } = body.into_inner();
    let saved = statements::transition(
        &state,
        &principal,
        *id,
        &IfMatch::of(&request),
        action,
        reason.as_deref().unwrap_or_default(),
    )
    .await?;
    Ok(line_response(StatusCode::OK, &saved))
}

/// When the bank should pay.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PayoutQuery {
    /// The requested execution date (SEPA file): a TARGET2 business day (no weekend, New Year's
    /// Day, Good Friday, Easter Monday, 1 May, 25 or 26 December). When absent, tomorrow or the
    /// first business day after it.
    pub execution_date: Option<NaiveDate>,
}

/// Deprecated: use `POST /statements/{month}/payout-files` and download the file it makes.
/// Makes a payout file of the month's approved lines that are in no file yet and answers its
/// payments as a CSV: by default for a Dutch spreadsheet (`Naam;IBAN;Bedrag;Omschrijving`,
/// `160,00`, a byte order mark), or for programs with `dialect=rfc4180`. Once every line is in
/// a file, download the earlier files again from `/statements/{month}/payout-files`.
#[utoipa::path(
    operation_id = "getPayoutCsv",
    tag = "allowances",
    params(("month" = String, Path, description = "The month, `YYYY-MM`."), super::CsvQuery),
    responses(
        (status = 200, description = "The payout list of the new file.", content_type = "text/csv", body = String),
        (status = 400, description = "`dialect` is neither `dutch` nor `rfc4180`.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff download payouts.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Nothing approved outside a file (`nothing_to_pay`, with the month's files in `details.payout_files`), or a volunteer without an IBAN (`iban_missing`, naming them).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The month is not `YYYY-MM`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/statements/{month}/payout.csv")]
pub async fn payout_csv(
    state: web::Data<AppState>,
    principal: Principal,
    month: web::Path<String>,
    query: web::Query<super::CsvQuery>,
) -> Result<HttpResponse, ApiError> {
    let month = super::month_param(&month)?;
    let made = payout_files::make(&state, &principal, month, None, Needs::Any).await?;
    let response = super::payout_files::csv_response(&made, query.dialect())?;
    super::payout_files::log_iban_reads(&state, &principal, &made).await?;
    Ok(response)
}

/// Deprecated: use `POST /statements/{month}/payout-files` and download the file it makes.
/// Makes a payout file of the month's approved lines that are in no file yet and answers it as
/// a SEPA credit transfer (pain.001.001.03) for the bank, paid from the programme's account
/// (`KLASBRUG_PAYOUT_IBAN`).
#[utoipa::path(
    operation_id = "getPayoutSepa",
    tag = "allowances",
    params(("month" = String, Path, description = "The month, `YYYY-MM`."), PayoutQuery),
    responses(
        (status = 200, description = "The credit transfer initiation of the new file.", content_type = "application/xml", body = String),
        (status = 403, description = "Only programme staff download payouts.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Nothing approved outside a file (`nothing_to_pay`, with the month's files in `details.payout_files`), a volunteer without an IBAN, or no payout account configured (`payout_account_missing`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The month is not `YYYY-MM`, or the execution date is in the past or a day TARGET2 is closed (the detail names the next business day).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/statements/{month}/payout.xml")]
pub async fn payout_sepa(
    state: web::Data<AppState>,
    principal: Principal,
    month: web::Path<String>,
    query: web::Query<PayoutQuery>,
) -> Result<HttpResponse, ApiError> {
    let month = super::month_param(&month)?;
    let made =
        payout_files::make(&state, &principal, month, query.execution_date, Needs::Sepa).await?;
    let response = super::payout_files::sepa_response(&made)?;
    super::payout_files::log_iban_reads(&state, &principal, &made).await?;
    Ok(response)
}

/// A volunteer's own allowances in a calendar year: their lines, what they declared, what was
/// paid and approved, and the year's caps.
#[utoipa::path(
    operation_id = "getMyAllowances",
    tag = "allowances",
    params(YearQuery),
    responses(
        (status = 200, description = "The year.", body = AllowanceYear),
        (status = 403, description = "A partner client's token: the allowances are a person's own (`forbidden`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The caller is no ambassador.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/allowances")]
pub async fn my_allowances(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<YearQuery>,
) -> Result<web::Json<AllowanceYear>, ApiError> {
    let Principal::User(user) = &principal else {
        return Err(ApiError::Forbidden);
    };
    let ambassador = state
        .store
        .ambassador_of_user(user.id)
        .await
        .or_not_found("ambassador")?;
    let year = query
        .year
        .unwrap_or_else(|| CalendarMonth::containing(state.clock.today()).year());
    let lines = state
        .store
        .statement_lines(None, Some(year), Some(ambassador.id))
        .await?;
    let declared = state.store.declared_allowances(ambassador.id, year).await?;
    let sum = |status: domain::allowance::LineStatus| -> Cents {
        lines
            .iter()
            .filter(|l| l.line.status() == status)
            .map(|l| l.line.amount())
            .sum()
    };
    Ok(web::Json(AllowanceYear {
        year,
        caps: caps_for(&state.store.list_allowance_caps().await?, year).copied(),
        paid: sum(domain::allowance::LineStatus::Paid),
        approved: sum(domain::allowance::LineStatus::Approved),
        declared_total: declared.iter().map(|d| d.amount).sum(),
        lines,
        declared,
    }))
}

/// The ambassador, for the ambassador themself or programme staff (404 for anyone else).
async fn own_or_staff(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<Ambassador, ApiError> {
    let ambassador = state
        .store
        .get_ambassador(id)
        .await
        .or_not_found("ambassador")?;
    policy::authorize(
        principal,
        Action::EditAmbassador {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    Ok(ambassador)
}

/// A line as JSON with its version as the `ETag`.
fn line_response(status: StatusCode, item: &StatementLineItem) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::ETAG, etag::of_version(item.version)))
        .json(item)
}

//! An employer's sponsorship agreements, contributions and extra cost rows, and its statement
//! of sponsored hours, social-return value and cost, as JSON, CSV and spreadsheet.

use actix_web::{HttpResponse, get, post, web};
use domain::contract::{
    Agreement, AgreementInput, AgreementTransition, ContributionInput, ContributionRecord,
    CostRoleInput, CostRoleRecord, Problem, SponsorshipReport, StatementQuery,
};
use domain::sponsorship::{self as rules, AgreementStatus};
use uuid::Uuid;

use super::employers::employer_for;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::Action;
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(list_agreements)
        .service(propose_agreement)
        .service(transition_agreement)
        .service(list_contributions)
        .service(add_contribution)
        .service(list_cost_roles)
        .service(add_cost_role)
        .service(get_statement)
        .service(statement_csv)
        .service(statement_xlsx);
}

/// The longest period a statement covers: three years.
const MAX_STATEMENT_DAYS: i64 = 3 * 366;

/// The employer's sponsorship agreements.
#[utoipa::path(
    operation_id = "listAgreements",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "Agreements, latest school year first.", body = Vec<Agreement>),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/employers/{id}/agreements")]
pub async fn list_agreements(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Agreement>>, ApiError> {
    employer_for(
        &state,
        &principal,
        *id,
        Action::ReadEmployer { employer: *id },
    )
    .await?;
    Ok(web::Json(state.store.list_agreements(*id).await?))
}

/// Propose a sponsorship agreement for one of the employer's staff and one period. Programme
/// staff agree on it; then it feeds the employee's funding arrangement (sponsored, volunteer or
/// hybrid) that hours and allowances follow.
#[utoipa::path(
    operation_id = "proposeAgreement",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    request_body = AgreementInput,
    responses(
        (status = 201, description = "Proposed.", body = Agreement),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ambassador is not the employer's staff (`not_linked`), or has a live agreement for that school year and start (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid terms, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/employers/{id}/agreements")]
pub async fn propose_agreement(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<AgreementInput>,
) -> Result<HttpResponse, ApiError> {
    let agreement =
        usecases::sponsorship::propose(&state, &principal, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(agreement))
}

/// Move an agreement on: `agree` and `start` (programme staff), `end` with a reason (programme
/// staff or the employer). Agreeing sets the employee's funding arrangement to the agreement's.
#[utoipa::path(
    operation_id = "transitionAgreement",
    tag = "sponsorship",
    params(
        ("id" = Uuid, Path, description = "The employer's id."),
        ("agreement_id" = Uuid, Path, description = "The agreement's id."),
    ),
    request_body = AgreementTransition,
    responses(
        (status = 200, description = "The agreement after the step.", body = Agreement),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff agree on or start an agreement.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such agreement that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The step does not follow from the status (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An end without a reason, or terms the employee's profile cannot hold.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/employers/{id}/agreements/{agreement_id}/transitions")]
pub async fn transition_agreement(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
    body: crate::json::Json<AgreementTransition>,
) -> Result<web::Json<Agreement>, ApiError> {
    let (employer, agreement_id) = path.into_inner();
    let moved = usecases::sponsorship::transition(
        &state,
        &principal,
        employer,
        agreement_id,
        body.into_inner(),
    )
    .await?;
    Ok(web::Json(moved))
}

/// The employer's contributions in kind and in money.
#[utoipa::path(
    operation_id = "listContributions",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "Contributions, by date.", body = Vec<ContributionRecord>),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/employers/{id}/contributions")]
pub async fn list_contributions(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<ContributionRecord>>, ApiError> {
    employer_for(
        &state,
        &principal,
        *id,
        Action::ReadEmployer { employer: *id },
    )
    .await?;
    Ok(web::Json(state.store.list_contributions(*id, None).await?))
}

/// Record materials or money the employer gave, with its receipt number.
#[utoipa::path(
    operation_id = "addContribution",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    request_body = ContributionInput,
    responses(
        (status = 201, description = "Recorded.", body = ContributionRecord),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The receipt number is recorded already (`receipt_taken`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/employers/{id}/contributions")]
pub async fn add_contribution(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<ContributionInput>,
) -> Result<HttpResponse, ApiError> {
    let record =
        usecases::sponsorship::add_contribution(&state, &principal, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(record))
}

/// The employer's extra cost rows (roles besides its ambassadors).
#[utoipa::path(
    operation_id = "listCostRoles",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "Cost rows, by date.", body = Vec<CostRoleRecord>),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/employers/{id}/cost-roles")]
pub async fn list_cost_roles(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<CostRoleRecord>>, ApiError> {
    employer_for(
        &state,
        &principal,
        *id,
        Action::ReadEmployer { employer: *id },
    )
    .await?;
    Ok(web::Json(state.store.list_cost_roles(*id, None).await?))
}

/// Add another role's hours to the cost overview, such as a coordinator's.
#[utoipa::path(
    operation_id = "addCostRole",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    request_body = CostRoleInput,
    responses(
        (status = 201, description = "Recorded.", body = CostRoleRecord),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/employers/{id}/cost-roles")]
pub async fn add_cost_role(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<CostRoleInput>,
) -> Result<HttpResponse, ApiError> {
    let record =
        usecases::sponsorship::add_cost_role(&state, &principal, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(record))
}

/// The employer's statement for a period: sponsored hours delivered (approved only) against
/// agreed, per employee and school; their social-return value in the employer's municipality,
/// with the rule used; and the cost overview. No volunteered hours, allowance or VOG data.
#[utoipa::path(
    operation_id = "getEmployerStatement",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id."), StatementQuery),
    responses(
        (status = 200, description = "The statement.", body = SponsorshipReport),
        (status = 400, description = "`from` or `to` is missing or not a date.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`to` lies before `from`, or the period is longer than three years.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/employers/{id}/statement")]
pub async fn get_statement(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    query: web::Query<StatementQuery>,
) -> Result<web::Json<SponsorshipReport>, ApiError> {
    Ok(web::Json(report(&state, &principal, *id, &query).await?))
}

/// The statement as CSV: by default for a Dutch spreadsheet (`;`, `160,00`, a byte order
/// mark), or for programs with `dialect=rfc4180`.
#[utoipa::path(
    operation_id = "getEmployerStatementCsv",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id."), StatementQuery, super::CsvQuery),
    responses(
        (status = 200, description = "The statement.", content_type = "text/csv", body = String),
        (status = 400, description = "`from` or `to` is missing or not a date, or `dialect` is neither `dutch` nor `rfc4180`.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`to` lies before `from`, or the period is longer than three years.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/employers/{id}/statement.csv")]
pub async fn statement_csv(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    query: web::Query<StatementQuery>,
    csv_query: web::Query<super::CsvQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = report(&state, &principal, *id, &query).await?;
    let csv = rules::export_csv::write_csv(&report, csv_query.dialect());
    Ok(download(
        &report,
        "text/csv; charset=utf-8",
        "csv",
        csv.into_bytes(),
    ))
}

/// The statement as an Excel workbook (XLSX) with number formats: hours, cost overview and
/// summary sheets.
#[utoipa::path(
    operation_id = "getEmployerStatementXlsx",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id."), StatementQuery),
    responses(
        (status = 200, description = "The statement.", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 400, description = "`from` or `to` is missing or not a date.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`to` lies before `from`, or the period is longer than three years.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/employers/{id}/statement.xlsx")]
pub async fn statement_xlsx(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    query: web::Query<StatementQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = report(&state, &principal, *id, &query).await?;
    let bytes =
        crate::sponsorship_xlsx::write_xlsx(&report).map_err(|e| ApiError::Unexpected(e.into()))?;
    Ok(download(
        &report,
        crate::sponsorship_xlsx::CONTENT_TYPE,
        "xlsx",
        bytes,
    ))
}

async fn report(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    query: &StatementQuery,
) -> Result<SponsorshipReport, ApiError> {
    let employer =
        employer_for(state, principal, id, Action::ReadEmployer { employer: id }).await?;
    let period = rules::StatementPeriod::new(query.from, query.to)
        .map_err(|e| ApiError::invalid_field("to", e.to_string()))?;
    if (query.to - query.from).num_days() >= MAX_STATEMENT_DAYS {
        return Err(ApiError::invalid_field(
            "to",
            "a statement covers at most three years; ask for a shorter period",
        ));
    }
    let within = Some((query.from, query.to));
    let holidays = state.store.list_holidays(None).await?;
    let mut agreements: Vec<rules::AgreementInput> = Vec::new();
    for a in state.store.list_agreements(id).await? {
        if a.status == AgreementStatus::Proposed {
            continue;
        }
        // Hours are due on school days: the holidays of the regions where the employee works.
        let regions = state.store.regions_where_placed(a.ambassador_id).await?;
        let days_off = holidays
            .iter()
            .filter(|h| regions.contains(&h.region))
            .map(|h| domain::Period {
                starts_on: h.first_day,
                ends_on: h.last_day,
            })
            .collect();
        agreements.push(rules::AgreementInput {
            employee_id: a.ambassador_id,
            employee_name: a.employee_name,
            sponsored_minutes_per_week: a.sponsored_minutes_per_week,
            hourly_rate: a.hourly_rate,
            period: domain::Period {
                starts_on: a.first_day,
                ends_on: a.ended_on.map_or(a.last_day, |end| end.min(a.last_day)),
            },
            days_off,
        });
    }
    let entries = state
        .store
        .sponsored_hours(id, query.from, query.to)
        .await?;
    let statement = rules::employer_statement(period, &agreements, &entries);
    let sroi_rules = state.store.list_sroi_rules().await?;
    let social_return = rules::social_return(
        statement.delivered_minutes,
        &employer.municipality,
        &sroi_rules,
    );
    let mut rows = rules::ambassador_rows(&statement);
    rows.extend(
        state
            .store
            .list_cost_roles(id, within)
            .await?
            .into_iter()
            .map(|r| rules::CostRow {
                role: r.role,
                party: r.party,
                minutes: u64::from(r.minutes),
                hourly_rate: r.hourly_rate,
            }),
    );
    let contributions: Vec<rules::Contribution> = state
        .store
        .list_contributions(id, within)
        .await?
        .into_iter()
        .map(|c| rules::Contribution {
            kind: c.kind,
            description: c.description,
            amount: c.amount,
            given_on: c.given_on,
            party: rules::Party::Employer,
            receipt_number: c.receipt_number,
        })
        .collect();
    let cost = rules::cost_overview(&rows, &contributions)
        .map_err(|e| ApiError::Unexpected(anyhow::anyhow!("stored cost rows: {e}")))?;
    Ok(SponsorshipReport {
        employer_id: employer.id,
        employer_name: employer.name,
        period,
        social_return_explanation: social_return.explanation(),
        social_return,
        statement,
        cost,
    })
}

fn download(
    report: &SponsorshipReport,
    content_type: &str,
    extension: &str,
    body: Vec<u8>,
) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type.to_owned())
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"sponsoring-{}-{}.{extension}\"",
                report.period.first(),
                report.period.last()
            ),
        ))
        .body(body)
}

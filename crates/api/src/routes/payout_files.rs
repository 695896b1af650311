//! Payout files of the volunteer allowance: make one of a month's approved lines that are in no
//! file yet, list a month's files, and download one again, as the SEPA XML it was made as or as
//! a CSV of the same payments.

use actix_web::{HttpResponse, get, post, web};
use domain::contract::{PayoutFile, PayoutFileInput, Problem};
use domain::payout::write_csv;
use store::StoredPayoutFile;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases::payout_files::{self, Needs};

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(make_file)
        .service(list_files)
        .service(file_sepa)
        .service(file_csv);
}

/// Make a payout file of the month's approved lines that are in no file yet (programme staff).
/// Each line goes into one file only, also when two people make one at once; the file never
/// changes and can be downloaded again, as SEPA XML for the bank and as a CSV for people. An
/// approved line pays to the IBAN on record when it was approved. Without a payout account
/// (`KLASBRUG_PAYOUT_IBAN`) the file has a CSV only (`has_sepa` false).
#[utoipa::path(
    operation_id = "makePayoutFile",
    tag = "allowances",
    params(("month" = String, Path, description = "The month, `YYYY-MM`.")),
    request_body = PayoutFileInput,
    responses(
        (status = 201, description = "The file, with its message id; `Location` is its SEPA download.", body = PayoutFile),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff make payout files.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Every approved line is in a file already, or none is approved (`nothing_to_pay`, with the month's files in `details.payout_files`), or a volunteer without an IBAN (`iban_missing`, naming them).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The month is not `YYYY-MM`, or the execution date is in the past or a day TARGET2 is closed (the detail names the next business day).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/statements/{month}/payout-files")]
pub async fn make_file(
    state: web::Data<AppState>,
    principal: Principal,
    month: web::Path<String>,
    body: crate::json::Json<PayoutFileInput>,
) -> Result<HttpResponse, ApiError> {
    let month = super::month_param(&month)?;
    let made = payout_files::make(
        &state,
        &principal,
        month,
        body.into_inner().execution_date,
        Needs::Any,
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!(
                "/api/v1/statements/{month}/payout-files/{}/payout.xml",
                made.file.id
            ),
        ))
        .json(made.file))
}

/// The month's payout files, oldest first: message id, execution date, who made it when, how
/// many payments and their total (programme staff).
#[utoipa::path(
    operation_id = "listPayoutFiles",
    tag = "allowances",
    params(("month" = String, Path, description = "The month, `YYYY-MM`.")),
    responses(
        (status = 200, description = "The files.", body = Vec<PayoutFile>),
        (status = 403, description = "Only programme staff see payout files.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The month is not `YYYY-MM`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/statements/{month}/payout-files")]
pub async fn list_files(
    state: web::Data<AppState>,
    principal: Principal,
    month: web::Path<String>,
) -> Result<web::Json<Vec<PayoutFile>>, ApiError> {
    let month = super::month_param(&month)?;
    Ok(web::Json(
        payout_files::list(&state, &principal, month).await?,
    ))
}

/// A payout file's SEPA credit transfer (pain.001.001.03), byte for byte as it was made, with
/// its message id (programme staff).
#[utoipa::path(
    operation_id = "getPayoutFileSepa",
    tag = "allowances",
    params(
        ("month" = String, Path, description = "The month, `YYYY-MM`."),
        ("id" = Uuid, Path, description = "The payout file's id."),
    ),
    responses(
        (status = 200, description = "The credit transfer initiation.", content_type = "application/xml", body = String),
        (status = 403, description = "Only programme staff download payouts.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such file for the month.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The file was made without a payout account, so it has a CSV only (`payout_account_missing`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The month is not `YYYY-MM`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/statements/{month}/payout-files/{id}/payout.xml")]
pub async fn file_sepa(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (month, id) = path.into_inner();
    let month = super::month_param(&month)?;
    let stored = payout_files::fetch(&state, &principal, month, id).await?;
    let response = sepa_response(&stored)?;
    log_iban_reads(&state, &principal, &stored).await?;
    Ok(response)
}

/// A payout file's payments as a CSV: name, IBAN, amount, description, the same payments as its
/// SEPA file. By default for a Dutch spreadsheet (`Naam;IBAN;Bedrag;Omschrijving`, `160,00`, a
/// byte order mark), or for programs with `dialect=rfc4180` (programme staff).
#[utoipa::path(
    operation_id = "getPayoutFileCsv",
    tag = "allowances",
    params(
        ("month" = String, Path, description = "The month, `YYYY-MM`."),
        ("id" = Uuid, Path, description = "The payout file's id."),
        super::CsvQuery,
    ),
    responses(
        (status = 200, description = "The payout list.", content_type = "text/csv", body = String),
        (status = 400, description = "`dialect` is neither `dutch` nor `rfc4180`.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff download payouts.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such file for the month.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The month is not `YYYY-MM`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/statements/{month}/payout-files/{id}/payout.csv")]
pub async fn file_csv(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, Uuid)>,
    query: web::Query<super::CsvQuery>,
) -> Result<HttpResponse, ApiError> {
    let (month, id) = path.into_inner();
    let month = super::month_param(&month)?;
    let stored = payout_files::fetch(&state, &principal, month, id).await?;
    let response = csv_response(&stored, query.dialect())?;
    log_iban_reads(&state, &principal, &stored).await?;
    Ok(response)
}

/// Logs that the caller sees the IBANs of everyone the payout file pays: one sensitive read per
/// person, through the file.
pub(crate) async fn log_iban_reads(
    state: &AppState,
    principal: &Principal,
    stored: &StoredPayoutFile,
) -> Result<(), ApiError> {
    let reads: Vec<store::ReadOf> = state
        .store
        .payout_file_people(stored.file.id)
        .await?
        .into_iter()
        .map(|person_id| store::ReadOf {
            person_id,
            resource_type: "payout_file",
            resource_id: stored.file.id,
        })
        .collect();
    crate::usecases::privacy::log_reads(
        state,
        principal,
        domain::contract::SensitiveReadKind::Iban,
        &reads,
    )
    .await
}

/// The file's name for a download: the month and the message id, so two files of a month do
/// not overwrite each other.
fn file_name(stored: &StoredPayoutFile, extension: &str) -> String {
    format!(
        "vrijwilligersvergoeding-{}-{}.{extension}",
        stored.file.month, stored.file.msg_id
    )
}

/// The stored SEPA file as a download.
pub(crate) fn sepa_response(stored: &StoredPayoutFile) -> Result<HttpResponse, ApiError> {
    let Some(xml) = stored.sepa_xml.clone() else {
        return Err(payout_files::account_missing());
    };
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{}\"", file_name(stored, "xml")),
        ))
        .body(xml))
}

/// The file's payments as a CSV download, written from the payments frozen in it.
pub(crate) fn csv_response(
    stored: &StoredPayoutFile,
    dialect: domain::CsvDialect,
) -> Result<HttpResponse, ApiError> {
    let csv = write_csv(&stored.lines, dialect).map_err(|e| ApiError::Unexpected(e.into()))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{}\"", file_name(stored, "csv")),
        ))
        .body(csv))
}

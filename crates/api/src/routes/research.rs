//! Research exports for research partners (scope `research:read`).

use actix_web::{HttpResponse, get, post, web};
use domain::contract::{Problem, ResearchDataset, ResearchExport, ResearchExportInput};
use serde::Serialize;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(create_export)
        .service(get_export)
        .service(export_csv);
}

/// Take a research export of a school year: ambassadors, placements, matches and their outcomes,
/// approved hours by month and kind, lesson series and their core objectives, and training
/// attendance. Every id is a pseudonym that holds within this export (the same person has the
/// same pseudonym in every dataset) and differs in the next, unless the programme keeps a key
/// (`stable_pseudonyms`). Dates are months; there are no names, e-mail addresses, bank accounts
/// or free text; a municipality shared by fewer than `k` (5) rows is given as its region, or
/// `*`. The export and its purpose are kept in the audit log.
#[utoipa::path(
    operation_id = "createResearchExport",
    tag = "research",
    request_body = ResearchExportInput,
    responses(
        (status = 201, description = "The export.", body = ResearchExport),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only a partner client with `research:read` takes exports.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The purpose is missing or shorter than 10 characters.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["research:read"]))
)]
#[post("/research/exports")]
pub async fn create_export(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<ResearchExportInput>,
) -> Result<HttpResponse, ApiError> {
    let export = usecases::research::export(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/research/exports/{}", export.id),
        ))
        .json(export))
}

/// An export the client took before, as it was given.
#[utoipa::path(
    operation_id = "getResearchExport",
    tag = "research",
    params(("id" = Uuid, Path, description = "The export's id.")),
    responses(
        (status = 200, description = "The export.", body = ResearchExport),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only a partner client with `research:read`.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No export of this client with this id.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["research:read"]))
)]
#[get("/research/exports/{id}")]
pub async fn get_export(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<ResearchExport>, ApiError> {
    Ok(web::Json(
        usecases::research::get(&state, &principal, *id).await?,
    ))
}

/// One dataset of an export as CSV (RFC 4180, a header row of the JSON field names), with the
/// same pseudonyms as the JSON: `ambassadors`, `placements`, `matches`, `hours`,
/// `lesson_series` or `training_attendance`.
#[utoipa::path(
    operation_id = "getResearchExportCsv",
    tag = "research",
    params(
        ("id" = Uuid, Path, description = "The export's id."),
        ("dataset" = ResearchDataset, Path, description = "The dataset."),
    ),
    responses(
        (status = 200, description = "The dataset.", content_type = "text/csv", body = String),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only a partner client with `research:read`.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No export of this client with this id, or no such dataset.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["research:read"]))
)]
#[get("/research/exports/{id}/{dataset}.csv")]
pub async fn export_csv(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, dataset) = path.into_inner();
    let export = usecases::research::get(&state, &principal, id).await?;
    let dataset = ResearchDataset::parse(&dataset).ok_or(ApiError::NotFound("dataset"))?;
    let csv = match dataset {
        ResearchDataset::Ambassadors => write(&export.ambassadors),
        ResearchDataset::Placements => write(&export.placements),
        ResearchDataset::Matches => write(&export.matches),
        ResearchDataset::Hours => write(&export.hours),
        ResearchDataset::LessonSeries => write(&export.lesson_series),
        ResearchDataset::TrainingAttendance => write(&export.training_attendance),
    }?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"onderzoek-{}-{}.csv\"",
                export.school_year,
                dataset.as_str()
            ),
        ))
        .body(csv))
}

/// `rows` as RFC 4180 CSV with a header row, also when there are none.
fn write<T: Serialize + Default>(rows: &[T]) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .has_headers(true)
        .from_writer(Vec::new());
    let unexpected = |e: csv::Error| ApiError::Unexpected(anyhow::anyhow!(e));
    if rows.is_empty() {
        // The header row alone: written from an empty row, then its values dropped.
        let mut header = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        header.serialize(T::default()).map_err(unexpected)?;
        let bytes = header
            .into_inner()
            .map_err(|e| ApiError::Unexpected(anyhow::anyhow!(e.to_string())))?;
        let first = bytes
            .windows(2)
            .position(|w| w == b"\r\n")
            .map_or(bytes.len(), |at| at + 2);
        return Ok(bytes[..first].to_vec());
    }
    for row in rows {
        writer.serialize(row).map_err(unexpected)?;
    }
    writer
        .into_inner()
        .map_err(|e| ApiError::Unexpected(anyhow::anyhow!(e.to_string())))
}

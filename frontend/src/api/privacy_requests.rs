//! Requests of a data subject: the person's own (ask, follow, download their data) and
//! programme staff's (list what is due first, record a letter or e-mail, take up, answer or
//! refuse, download the person's data).

use domain::contract::{
    KeptRecord, PrivacyRequest, PrivacyRequestInput, PrivacyRequestKind, PrivacyRequestUpdate,
    RecordedPrivacyRequestInput,
};
use uuid::Uuid;

use super::{Api, ApiError};

/// The logged-in person asks to see their data or to be erased.
pub async fn ask(
    api: &Api,
    kind: PrivacyRequestKind,
    note: Option<String>,
) -> Result<PrivacyRequest, ApiError> {
    api.post("/me/privacy-requests", &PrivacyRequestInput { kind, note })
        .await
}

/// The logged-in person's requests, newest first.
pub async fn my_requests(api: &Api) -> Result<Vec<PrivacyRequest>, ApiError> {
    api.get("/me/privacy-requests", &[]).await
}

/// What erasing the logged-in person today would keep, and why.
pub async fn erasure_preview(api: &Api) -> Result<Vec<KeptRecord>, ApiError> {
    api.get("/me/erasure-preview", &[]).await
}

/// Everything kept about the logged-in person: `html` picks the readable document over JSON.
pub async fn my_data(api: &Api, html: bool) -> Result<String, ApiError> {
    let path = if html { "/me/data.html" } else { "/me/data" };
    api.get_file(path, &[]).await
}

/// The open requests, the first due first; or the closed ones, the last closed first.
pub async fn list(api: &Api, open: bool) -> Result<Vec<PrivacyRequest>, ApiError> {
    api.get("/privacy-requests", &[("open", open.to_string())])
        .await
}

/// Records a request that came by letter or e-mail.
pub async fn record(
    api: &Api,
    input: &RecordedPrivacyRequestInput,
) -> Result<PrivacyRequest, ApiError> {
    api.post("/privacy-requests", input).await
}

/// Takes a request up, answers it (an erasure erases the person) or refuses it.
pub async fn change(
    api: &Api,
    id: Uuid,
    update: &PrivacyRequestUpdate,
) -> Result<PrivacyRequest, ApiError> {
    api.post(&format!("/privacy-requests/{id}/transitions"), update)
        .await
}

/// Everything kept about the person of a request, as JSON or as the readable document.
pub async fn subject_data(api: &Api, id: Uuid, html: bool) -> Result<String, ApiError> {
    let suffix = if html { ".html" } else { "" };
    api.get_file(&format!("/privacy-requests/{id}/data{suffix}"), &[])
        .await
}

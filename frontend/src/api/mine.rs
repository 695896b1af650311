//! The ambassador's own: their profile, matches and placements, hours, allowance year, allowance
//! details, documents and data export.

use domain::contract::{
    AllowanceProfile, AllowanceYear, Ambassador, AmbassadorInput, Concern, ConcernInput,
    DocumentInfo, HolidayItem, HourEntry, HourEntryInput, Intake, Match, MatchTransition,
    MyPlacements, Page,
};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{Api, ApiError};

/// The ambassador's own profile.
pub async fn my_ambassador(api: &Api) -> Result<Ambassador, ApiError> {
    api.get("/me/ambassador", &[]).await
}

/// Their intake steps, documents and VOGs.
pub async fn my_intake(api: &Api, id: Uuid) -> Result<Intake, ApiError> {
    api.get(&format!("/ambassadors/{id}/intake"), &[]).await
}

/// Their matches (not declined or ended) with the placements' details, and the programme's
/// today.
pub async fn my_placements(api: &Api) -> Result<MyPlacements, ApiError> {
    api.get("/me/placements", &[]).await
}

/// The school holidays of every region.
pub async fn holidays(api: &Api) -> Result<Vec<HolidayItem>, ApiError> {
    api.get("/holidays", &[]).await
}

/// Confirms a match after the meeting, or declines it with a reason.
pub async fn move_match(
    api: &Api,
    id: Uuid,
    transition: &MatchTransition,
) -> Result<Match, ApiError> {
    api.post(&format!("/matches/{id}/transitions"), transition)
        .await
}

/// Reports a concern about a match.
pub async fn report_concern(api: &Api, id: Uuid, text: String) -> Result<Concern, ApiError> {
    api.post(&format!("/matches/{id}/concerns"), &ConcernInput { text })
        .await
}

/// Their hour entries dated in `month` (`YYYY-MM`), all pages.
pub async fn my_hours(api: &Api, month: &str) -> Result<Vec<HourEntry>, ApiError> {
    let mut entries = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut query = vec![("month", month.to_owned()), ("limit", "100".to_owned())];
        if let Some(after) = after.take() {
            query.push(("after", after));
        }
        let page: Page<HourEntry> = api.get("/hour-entries", &query).await?;
        entries.extend(page.items);
        match page.next {
            Some(next) => after = Some(next),
            None => return Ok(entries),
        }
    }
}

/// Logs a day.
pub async fn log_hours(api: &Api, input: &HourEntryInput) -> Result<HourEntry, ApiError> {
    api.post("/hour-entries", input).await
}

/// Changes a waiting entry.
pub async fn change_hours(
    api: &Api,
    id: Uuid,
    input: &HourEntryInput,
) -> Result<HourEntry, ApiError> {
    api.put(&format!("/hour-entries/{id}"), input).await
}

/// Withdraws a waiting entry.
pub async fn withdraw_hours(api: &Api, id: Uuid) -> Result<(), ApiError> {
    api.request::<(), ()>(Method::DELETE, &format!("/hour-entries/{id}"), &[], None)
        .await
}

/// Their allowance lines of a calendar year.
pub async fn my_allowances(api: &Api, year: i32) -> Result<AllowanceYear, ApiError> {
    api.get("/me/allowances", &[("year", year.to_string())])
        .await
}

/// Their allowance details; `None` when none are recorded.
pub async fn allowance_profile(api: &Api, id: Uuid) -> Result<Option<AllowanceProfile>, ApiError> {
    match api
        .get(&format!("/ambassadors/{id}/allowance-profile"), &[])
        .await
    {
        Ok(profile) => Ok(Some(profile)),
        Err(error) if error.status() == Some(404) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Records their allowance details.
pub async fn put_allowance_profile(
    api: &Api,
    id: Uuid,
    profile: &AllowanceProfile,
) -> Result<AllowanceProfile, ApiError> {
    api.put(&format!("/ambassadors/{id}/allowance-profile"), profile)
        .await
}

/// Saves their profile.
pub async fn update_ambassador(
    api: &Api,
    id: Uuid,
    input: &AmbassadorInput,
) -> Result<Ambassador, ApiError> {
    api.put(&format!("/ambassadors/{id}"), input).await
}

/// Their data as the export file (JSON text).
pub async fn export(api: &Api, id: Uuid) -> Result<String, ApiError> {
    api.get_file(&format!("/ambassadors/{id}/export"), &[])
        .await
}

/// Hands in (or replaces) the motivation letter (`motivation_letter`) or CV (`cv`): the file's
/// bytes as they are, with the same token handling as every other request.
pub async fn put_document(
    api: &Api,
    id: Uuid,
    kind: &str,
    file: web_sys::Blob,
) -> Result<DocumentInfo, ApiError> {
    let path = format!("/ambassadors/{id}/documents/{kind}");
    let response = send_file(api, &path, &file).await?;
    if response.status() != 401 {
        return super::read(response).await;
    }
    if let Err(error) = api.refresh().await {
        return Err(api.session_lost_on(error));
    }
    let response = send_file(api, &path, &file).await?;
    super::read(response)
        .await
        .map_err(|error| api.session_lost_on(error))
}

async fn send_file(
    api: &Api,
    path: &str,
    file: &web_sys::Blob,
) -> Result<gloo_net::http::Response, ApiError> {
    let mut builder = gloo_net::http::RequestBuilder::new(&format!("{}{path}", super::BASE))
        .method(Method::PUT)
        .credentials(web_sys::RequestCredentials::SameOrigin)
        .header("Accept", "application/json, application/problem+json")
        .header("Content-Type", "application/octet-stream");
    if let Some(token) = api.inner.token.borrow().as_deref() {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let request = builder
        .body(wasm_bindgen::JsValue::from(file.clone()))
        .map_err(|_| ApiError::Unexpected)?;
    request.send().await.map_err(|_| ApiError::Network)
}

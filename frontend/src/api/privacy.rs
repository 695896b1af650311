//! The privacy register and the log of sensitive reads.

use domain::contract::{Page, PrivacyRegister, SensitiveRead, SensitiveReadQuery};

use super::{Api, ApiError, PAGE_SIZE};

/// The register of processing, as this server runs.
pub async fn privacy_register(api: &Api) -> Result<PrivacyRegister, ApiError> {
    api.get("/privacy/register", &[]).await
}

/// The register as the printable HTML document to hand over.
pub async fn privacy_register_html(api: &Api) -> Result<String, ApiError> {
    api.get_file("/privacy/register.html", &[]).await
}

/// One page of the log, newest first, with `filter`'s filters.
pub async fn list_sensitive_reads(
    api: &Api,
    filter: &SensitiveReadQuery,
    after: Option<String>,
) -> Result<Page<SensitiveRead>, ApiError> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(person) = filter.person_id {
        query.push(("person_id", person.to_string()));
    }
    if let Some(kind) = filter.kind {
        query.push(("kind", kind.as_str().to_owned()));
    }
    if let Some(after) = after {
        query.push(("after", after));
    }
    api.get("/privacy/sensitive-reads", &query).await
}

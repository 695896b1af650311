//! Organisations and their members.

use domain::OrganisationKind;
use domain::contract::{Member, Organisation, Page};
use uuid::Uuid;

use super::{Api, ApiError, PAGE_SIZE};

/// One page of the organisations the caller may see, optionally of one kind.
pub async fn list_organisations(
    api: &Api,
    kind: Option<OrganisationKind>,
    after: Option<String>,
) -> Result<Page<Organisation>, ApiError> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(kind) = kind {
        query.push(("kind", kind.as_str().to_owned()));
    }
    if let Some(after) = after {
        query.push(("after", after));
    }
    api.get("/organisations", &query).await
}

/// One page of the people with a role in an organisation.
pub async fn list_members(
    api: &Api,
    organisation: Uuid,
    after: Option<String>,
) -> Result<Page<Member>, ApiError> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(after) = after {
        query.push(("after", after));
    }
    api.get(&format!("/organisations/{organisation}/members"), &query)
        .await
}

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

/// Every school the caller may see, for a school picker: all pages, fetched in large ones.
pub async fn list_all_schools(api: &Api) -> Result<Vec<Organisation>, ApiError> {
    let mut schools = Vec::new();
    let mut after = None;
    loop {
        let mut query = vec![
            ("limit", "200".to_owned()),
            ("kind", OrganisationKind::School.as_str().to_owned()),
        ];
        if let Some(after) = after.take() {
            query.push(("after", after));
        }
        let page: Page<Organisation> = api.get("/organisations", &query).await?;
        schools.extend(page.items);
        match page.next {
            Some(next) => after = Some(next),
            None => return Ok(schools),
        }
    }
}

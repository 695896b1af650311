//! Placements (*plekken*) and a school's capacity per school year.

use domain::SchoolYear;
use domain::contract::{
    Page, Placement, PlacementInput, PlacementQuery, PlacementTransition, SchoolCapacity,
    SchoolCapacityInput,
};
use uuid::Uuid;

use super::{Api, ApiError, PAGE_SIZE};

/// One page of the placements the caller may see.
pub async fn list_placements(
    api: &Api,
    filter: &PlacementQuery,
    after: Option<String>,
) -> Result<Page<Placement>, ApiError> {
    let mut query = filter.to_pairs();
    query.push(("limit", PAGE_SIZE.to_string()));
    if let Some(after) = after {
        query.push(("after", after));
    }
    api.get("/placements", &query).await
}

/// Creates a placement, as a draft, at the school named in `input`.
pub async fn create_placement(api: &Api, input: &PlacementInput) -> Result<Placement, ApiError> {
    api.post("/placements", input).await
}

/// Replaces a placement's details.
pub async fn update_placement(
    api: &Api,
    id: Uuid,
    input: &PlacementInput,
) -> Result<Placement, ApiError> {
    api.put(&format!("/placements/{id}"), input).await
}

/// Opens, closes or cancels a placement.
pub async fn transition_placement(
    api: &Api,
    id: Uuid,
    transition: &PlacementTransition,
) -> Result<Placement, ApiError> {
    api.post(&format!("/placements/{id}/transitions"), transition)
        .await
}

/// A school's capacity for a school year, with the suggestion and the placements so far.
pub async fn school_capacity(
    api: &Api,
    school_id: Uuid,
    year: SchoolYear,
) -> Result<SchoolCapacity, ApiError> {
    api.get(&format!("/schools/{school_id}/capacity/{year}"), &[])
        .await
}

/// Saves what the director recorded about a school year's capacity.
pub async fn save_school_capacity(
    api: &Api,
    school_id: Uuid,
    year: SchoolYear,
    input: &SchoolCapacityInput,
) -> Result<SchoolCapacity, ApiError> {
    api.put(&format!("/schools/{school_id}/capacity/{year}"), input)
        .await
}

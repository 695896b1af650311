//! Placements (*plekken*) and a school's capacity per school year.

use domain::contract::{
    Page, Placement, PlacementInput, PlacementTransition, SchoolCapacity, SchoolCapacityInput,
};
use domain::{PlacementKind, PlacementStatus, SchoolYear, StartMoment, Weekday};
use uuid::Uuid;

use super::{Api, ApiError, PAGE_SIZE};

/// Which placements a list shows. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlacementFilter {
    pub school_id: Option<Uuid>,
    pub school_year: Option<SchoolYear>,
    pub start_moment: Option<StartMoment>,
    pub weekday: Option<Weekday>,
    pub kind: Option<PlacementKind>,
    pub status: Option<PlacementStatus>,
    /// A keyword of the expertise asked for, such as `techniek`.
    pub expertise: String,
}

impl PlacementFilter {
    /// The filter as query parameters, leaving out what does not filter.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        if let Some(school_id) = self.school_id {
            query.push(("school_id", school_id.to_string()));
        }
        if let Some(year) = self.school_year {
            query.push(("school_year", year.to_string()));
        }
        let texts = [
            ("start_moment", self.start_moment.map(StartMoment::as_str)),
            ("weekday", self.weekday.map(Weekday::as_str)),
            ("kind", self.kind.map(PlacementKind::as_str)),
            ("status", self.status.map(PlacementStatus::as_str)),
        ];
        for (name, value) in texts {
            if let Some(value) = value {
                query.push((name, value.to_owned()));
            }
        }
        let expertise = self.expertise.trim();
        if !expertise.is_empty() {
            query.push(("expertise", expertise.to_owned()));
        }
        query
    }

    /// Whether anything beyond the school and the school year filters the list.
    pub fn narrows(&self) -> bool {
        self.start_moment.is_some()
            || self.weekday.is_some()
            || self.kind.is_some()
            || self.status.is_some()
            || !self.expertise.trim().is_empty()
    }
}

/// One page of the placements the caller may see.
pub async fn list_placements(
    api: &Api,
    filter: &PlacementFilter,
    after: Option<String>,
) -> Result<Page<Placement>, ApiError> {
    let mut query = filter.query();
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn only_what_filters_goes_into_the_query() {
        let filter = PlacementFilter {
            school_year: Some(SchoolYear::parse("2026-2027").unwrap()),
            weekday: Some(Weekday::Thursday),
            expertise: "  techniek ".into(),
            ..PlacementFilter::default()
        };
        assert_eq!(
            filter.query(),
            [
                ("school_year", "2026-2027".to_owned()),
                ("weekday", "thursday".to_owned()),
                ("expertise", "techniek".to_owned()),
            ]
        );
        assert!(filter.narrows());
        assert!(PlacementFilter::default().query().is_empty());
    }

    #[test]
    fn the_school_year_alone_does_not_narrow_the_list() {
        let filter = PlacementFilter {
            school_year: Some(SchoolYear::parse("2026-2027").unwrap()),
            expertise: "  ".into(),
            ..PlacementFilter::default()
        };
        assert!(!filter.narrows());
    }
}

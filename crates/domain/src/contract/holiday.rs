//! School holidays as the API shows them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Region;

/// A school holiday in one region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HolidayItem {
    /// The region it applies to.
    pub region: Region,
    /// Its name, unique within the region, such as `herfstvakantie 2027`.
    pub name: String,
    /// The first day off (usually a Saturday).
    pub first_day: NaiveDate,
    /// The last day off (usually a Sunday).
    pub last_day: NaiveDate,
    /// Whether schools must follow it (the summer holiday) rather than take it as advice.
    pub binding: bool,
}

/// Filters for the holidays.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct HolidayQuery {
    /// Only this region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

impl HolidayItem {
    /// Checks a new holiday: a name of 1 to 100 characters, and no end before the start or
    /// longer than ten weeks. Returns it tidied.
    pub fn validate(&self) -> Result<HolidayItem, Vec<super::FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 100 {
            errors.push(super::FieldError {
                field: "name".into(),
                message: "1 to 100 characters, such as herfstvakantie 2027".into(),
            });
        }
        if self.last_day < self.first_day {
            errors.push(super::FieldError {
                field: "last_day".into(),
                message: "cannot be before first_day".into(),
            });
        } else if (self.last_day - self.first_day).num_days() > 70 {
            errors.push(super::FieldError {
                field: "last_day".into(),
                message: "a holiday lasts at most ten weeks".into(),
            });
        }
        if errors.is_empty() {
            Ok(HolidayItem {
                name,
                ..self.clone()
            })
        } else {
            Err(errors)
        }
    }
}

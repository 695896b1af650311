//! The programme dashboard: each chart's numbers as a small table, so the web app draws the
//! chart and shows the same table beside it, and the Excel export writes one sheet per section.
//!
//! A new chart is a new [`DashboardSectionKey`] variant, a query in the store and one function
//! in the use case that fills a [`DashboardSection`]; the shapes here do not change.

use serde::{Deserialize, Serialize};

use crate::school_year::SchoolYear;
use crate::{Region, text_enum};

/// The dashboard's filters, sent as query parameters. A director's or coordinator's figures are
/// always narrowed to their own schools, whatever the filters say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct DashboardQuery {
    /// The school year, such as `2026-2027`; the current one when absent.
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, example = "2026-2027"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_year: Option<SchoolYear>,
    /// Only schools in this region.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub region: Option<Region>,
    /// Only schools in this municipality (case-insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
}

/// An empty `region=` means no region filter, as the web app's select sends it.
fn empty_as_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Region>, D::Error> {
    let text: Option<String> = Option::deserialize(d)?;
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => Region::parse(text)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

impl DashboardQuery {
    /// The municipality filter, trimmed; `None` when empty.
    pub fn municipality(&self) -> Option<&str> {
        self.municipality
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
    }

    /// Checks the filters. Returns every problem found, by field.
    pub fn validate(&self) -> Result<(), Vec<super::FieldError>> {
        match self.municipality() {
            Some(m) if m.chars().count() > 100 => Err(vec![super::FieldError {
                field: "municipality".into(),
                message: "a municipality of at most 100 characters".into(),
            }]),
            _ => Ok(()),
        }
    }
}

text_enum! {
    /// Which chart a section holds.
    pub enum DashboardSectionKey ("dashboard section") {
        /// Spots offered, suggested and filled.
        Spots = "spots",
        /// Ambassadors per intake step and how long they wait there.
        Intake = "intake",
        /// Matches from proposed to ended early, with the reasons for ending.
        Matches = "matches",
        /// Approved hours per month, sponsored and volunteered.
        Hours = "hours",
        /// Allowances paid per month against the caps.
        Allowances = "allowances",
        /// Sponsored hours and social-return value per employer.
        Employers = "employers",
        /// Training attendance per course.
        Training = "training",
    }
}

text_enum! {
    /// How a column's numbers read.
    pub enum DashboardUnit ("dashboard unit") {
        /// A number of things.
        Count = "count",
        /// Hours.
        Hours = "hours",
        /// Days.
        Days = "days",
        /// Euros (with cents as decimals).
        Euros = "euros",
    }
}

text_enum! {
    /// How the web app draws a section.
    pub enum DashboardChart ("dashboard chart") {
        /// One bar per row for the first column.
        Bars = "bars",
        /// A group of bars per row, one per column.
        GroupedBars = "grouped_bars",
    }
}

/// A column of a section's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DashboardColumn {
    /// A stable key, such as `offered`.
    pub key: String,
    /// The Dutch heading, as the web app and the Excel sheet show it.
    pub label: String,
    /// How the numbers read.
    pub unit: DashboardUnit,
}

/// A row of a section's table: a label and one number per column (`null` where a number does
/// not apply, such as a suggestion per start moment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DashboardRow {
    /// A stable key, such as `region:noord`.
    pub key: String,
    /// The Dutch label.
    pub label: String,
    /// One value per column.
    pub values: Vec<Option<f64>>,
}

/// One chart's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DashboardSection {
    /// Which chart.
    pub key: DashboardSectionKey,
    /// The Dutch title.
    pub title: String,
    /// How to draw it.
    pub chart: DashboardChart,
    /// The table's columns.
    pub columns: Vec<DashboardColumn>,
    /// The table's rows.
    pub rows: Vec<DashboardRow>,
}

impl DashboardSection {
    /// The value in the row with `row` key and the column with `column` key.
    pub fn value(&self, row: &str, column: &str) -> Option<f64> {
        let c = self.columns.iter().position(|c| c.key == column)?;
        let r = self.rows.iter().find(|r| r.key == row)?;
        r.values.get(c).copied().flatten()
    }
}

/// The dashboard: the filters it was computed for and its sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dashboard {
    /// The school year.
    pub school_year: SchoolYear,
    /// The region filter, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// The municipality filter, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Whether the figures are narrowed to the caller's own schools.
    pub own_schools_only: bool,
    /// The sections, in a fixed order.
    pub sections: Vec<DashboardSection>,
}

impl Dashboard {
    /// The section with this key.
    pub fn section(&self, key: DashboardSectionKey) -> Option<&DashboardSection> {
        self.sections.iter().find(|s| s.key == key)
    }
}

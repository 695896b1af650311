//! Frameworks of core objectives (kerndoelen) as the API shows them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A framework: a versioned set of core objectives, such as the 2006 kerndoelen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FrameworkSummary {
    /// Stable code, such as `kerndoelen-2006`; a lesson series names the framework it uses.
    pub code: String,
    /// Name.
    pub name: String,
    /// First day it is in force.
    pub valid_from: NaiveDate,
    /// Last day it is in force, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// How many objectives it has.
    pub objectives: u32,
}

/// One core objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectiveItem {
    /// The framework's code.
    pub framework_code: String,
    /// Its number within the framework, such as `40`.
    pub number: u32,
    /// The learning area's code, such as `orientatie_op_jezelf_en_de_wereld`.
    pub domain: String,
    /// The sub-domain's code, such as `natuur_en_techniek`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_domain: Option<String>,
    /// A short Dutch title.
    pub title: String,
    /// The province it is limited to, if any (the Fries objectives: Friesland).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_in_province: Option<String>,
}

/// Filters for a framework's objectives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ObjectiveQuery {
    /// Only objectives in this learning area (its code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Only objectives in this sub-domain (its code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_domain: Option<String>,
}

//! Organisations as the API shows them.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{OrganisationKind, Region, SchoolType};

/// A school, school board, employer, partner organisation or the programme itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organisation {
    /// The organisation's id.
    pub id: Uuid,
    /// What kind of organisation this is.
    pub kind: OrganisationKind,
    /// The organisation's name.
    pub name: String,
    /// The governing organisation: a school's school board. Absent for others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<Uuid>,
    /// For schools: primary (`po`) or secondary (`vo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_type: Option<SchoolType>,
    /// For schools: the holiday region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// For schools: the municipality (*gemeente*) the school is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
}

/// A person's role in an organisation, as shown to those who manage it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    /// The person's id.
    pub user_id: Uuid,
    /// Full name.
    pub name: String,
    /// Login e-mail address.
    pub email: String,
    /// The role held in the organisation.
    pub role: crate::Role,
}

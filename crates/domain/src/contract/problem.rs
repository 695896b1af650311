//! Errors as `application/problem+json` (RFC 9457), with a stable machine-readable `code` that
//! the web app translates into Dutch.

use serde::{Deserialize, Serialize};

/// A problem with a request, or with the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the problem type; `about:blank` when the status says it all.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary that does not change between occurrences.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time and how to fix it, for a person.
    pub detail: String,
    /// A stable snake_case code for programs, such as `invalid_credentials`: branch on it (and
    /// on `details`), never on `detail`.
    pub code: super::ErrorCode,
    /// For invalid input: which fields are wrong and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Facts a program can act on, for the codes that have them (`over_cap`, a correction
    /// taking back too much, `precondition_failed`); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<ProblemDetails>,
    /// The request's id, as in its `X-Request-Id` header: quote it when reporting a problem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// Structured facts about a problem, so a client can explain it without parsing `detail`.
/// Each field is present only for the codes it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProblemDetails {
    /// `over_cap`: every cap that would be exceeded: which cap (`monthly`, `yearly`,
    /// `hourly`), the cap in cents and the total that counts toward it in cents (for the
    /// hourly cap: the agreed rate).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caps: Vec<crate::allowance::CapCheck>,
    /// A correction taking back too much: how many cents corrections can still take back from
    /// the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correctable: Option<crate::money::Cents>,
    /// `precondition_failed`: the resource's current version, as its `ETag` names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i64>,
    /// `vog_not_valid`: why the ambassador's VOGs do not allow the placement, with the dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vog: Option<crate::vog::VogProblem>,
    /// `over_monthly_limit` and `excluded_domain`: the group, the month or date, the minutes
    /// planned against the limit or the subject, and the policy that refuses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_policy: Option<crate::hours_policy::HoursPolicyError>,
    /// `meeting_not_held`: the introduction meeting that has to take place before confirming.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<super::Meeting>,
    /// `nothing_to_pay`: the month's payout files made earlier, each downloadable again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payout_files: Vec<super::PayoutFile>,
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name, as in the request.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl FieldError {
    /// `field` is wrong, as `message` says.
    pub fn new(field: &str, message: &str) -> Self {
        Self {
            field: field.to_owned(),
            message: message.to_owned(),
        }
    }
}

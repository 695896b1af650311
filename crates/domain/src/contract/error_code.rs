//! The stable, machine-readable codes of the API's problems: one enum that the server and the
//! web app both compile, so a client branches on a code (and the problem's `details`), never on
//! the English `detail`. Each code's meaning is documented here and in the OpenAPI document.

use serde::{Deserialize, Serialize};

/// What went wrong, for programs. Serialised in snake_case, such as `vog_not_valid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ErrorCode {
    /// Some fields are invalid; `errors` names each field and what is wrong with it (422).
    InvalidInput,
    /// The body is not valid JSON for this operation (400).
    MalformedJson,
    /// The form body could not be read (400).
    MalformedForm,
    /// The body could not be read (400).
    MalformedBody,
    /// The query string is invalid (400).
    InvalidQuery,
    /// A path parameter is invalid, such as an id that is not a UUID (400).
    InvalidPath,
    /// The body is not of a type this operation accepts (415).
    UnsupportedMediaType,
    /// The body is larger than accepted (413).
    PayloadTooLarge,
    /// The OAuth2 grant type is not `client_credentials` (400).
    UnsupportedGrantType,
    /// A requested OAuth2 scope is unknown or not granted to the client (400).
    InvalidScope,
    /// No access token was sent (401).
    Unauthenticated,
    /// The access token is invalid, expired or revoked (401).
    InvalidToken,
    /// The e-mail address or password is incorrect (401).
    InvalidCredentials,
    /// There is no valid session to renew (401).
    InvalidRefreshToken,
    /// The partner client's id or secret is incorrect (401).
    InvalidClient,
    /// Too many attempts from this address; `Retry-After` says when to try again (429).
    TooManyAttempts,
    /// The caller may see the resource but not do this (403).
    Forbidden,
    /// No such resource, or the caller may not know it exists (404).
    NotFound,
    /// The change conflicts with the resource's state, such as a duplicate (409).
    Conflict,
    /// The action does not follow from the resource's current status (409).
    InvalidTransition,
    /// `If-Match` names an older version: someone changed the resource meanwhile (412).
    PreconditionFailed,
    /// The database cannot be reached; `Retry-After` says when to try again (503).
    Unavailable,
    /// Something the caller cannot fix went wrong; it is logged (500).
    InternalError,
    /// The placement can no longer be changed in its status (409).
    NotEditable,
    /// The capacity would drop below the ambassadors proposed or placed there (409).
    CapacityBelowMatches,
    /// The placement is not open, or has no room left (409).
    PlacementNotOpen,
    /// Every place of the placement is taken by an active match (409).
    PlacementFull,
    /// The ambassador is not in the pool, so cannot be proposed (409).
    AmbassadorNotAvailable,
    /// The ambassador and the placement break a hard matching constraint (409).
    NotFeasible,
    /// The ambassador still has a live match (409).
    MatchLive,
    /// The introduction meeting has not taken place yet, so the match cannot be confirmed;
    /// `details.meeting` says when it is (409).
    MeetingNotHeld,
    /// No issued VOG is on record (409).
    VogMissing,
    /// No VOG allows the placement; `details.vog` says why, with its dates (409).
    VogNotValid,
    /// The ambassador is not placed at the school or placement named (409).
    NotPlaced,
    /// The month's allowance is paid, so it takes no new hours (409).
    MonthPaid,
    /// The tax caps of a year are not entered yet (409).
    CapsMissing,
    /// The allowance would exceed a tax cap; `details.caps` names each cap, its amount and the total (409).
    OverCap,
    /// The ambassador's hours are all sponsored, so no allowance applies (409).
    NotAVolunteer,
    /// Only approved lines can be paid (409).
    NotApproved,
    /// The month has no approved lines to pay (409).
    NothingToPay,
    /// The volunteer has no bank account on record (409).
    IbanMissing,
    /// The programme's payout account is not configured (409).
    PayoutAccountMissing,
    /// The figures cannot be worked out from what is on record (409).
    CannotCompute,
    /// The lessons would give a group more hours a month from professionals than the 22-hour policy allows (409).
    OverMonthlyLimit,
    /// The 22-hour policy excludes the lesson series' subject, such as Nederlands or rekenen (409).
    ExcludedDomain,
    /// That holiday is on record already (409).
    HolidayExists,
    /// That hours policy is on record already (409).
    HoursPolicyExists,
    /// The employer is not verified by the programme yet (409).
    EmployerNotVerified,
    /// The employer is verified already (409).
    AlreadyVerified,
    /// The address has an account: log in as it first (409).
    AccountExists,
    /// The ambassador is not the employer's staff (409).
    NotLinked,
    /// The employer used that receipt number already (409).
    ReceiptTaken,
    /// The invitation belongs to another employer (409).
    InvitationWrongEmployer,
    /// The invitation was used or replaced (410).
    InvitationAlreadyUsed,
    /// The invitation expired (410).
    InvitationExpired,
    /// The person has a request of this kind open already (409).
    PrivacyRequestOpen,
    /// A partner's application needs an `Idempotency-Key` header (400).
    IdempotencyKeyRequired,
    /// The `Idempotency-Key` was used before for a different request (422).
    IdempotencyKeyReused,
    /// The first request with this `Idempotency-Key` is still being handled: retry shortly
    /// (409, with `Retry-After`).
    IdempotencyKeyInUse,
    /// The application's confirmation link expired: apply again (410).
    ApplicationExpired,
    /// The application was confirmed already: log in (409).
    ApplicationAlreadyConfirmed,
    /// No password reset link has this token: it was cut short or mistyped (404).
    ResetLinkInvalid,
    /// The password reset link is older than an hour: ask for a new one (410).
    ResetLinkExpired,
    /// The password reset link was used, or a newer one of the same person was (410).
    ResetLinkUsed,
    /// Only a message whose delivery failed can be sent again; this one waits or was sent (409).
    MessageNotFailed,
    /// A webhook delivery that waits or is being delivered cannot be replayed yet (409).
    DeliveryWaiting,
    /// The course session has already taken place (409).
    SessionPast,
    /// Already enrolled in this session, or on its waiting list (409).
    AlreadyEnrolled,
    /// The course starts with an intake; programme staff admit the ambassador after it (409).
    IntakeRequired,
    /// The course is for ambassadors placed at a school at least one day a week (409).
    PlacementRequired,
    /// The session overlaps another the ambassador is in or waiting for (409).
    SessionOverlap,
    /// The session falls on the ambassador's school day; enrol with `on_school_day` to come anyway (409).
    SchoolDay,
    /// The offered place was not taken in time and passed to the next on the waiting list (409).
    OfferLapsed,
    /// Attendance is recorded from the session's day on (409).
    AttendanceNotYet,
    /// A course required before becoming available is not completed yet (409).
    TrainingIncomplete,
}

impl ErrorCode {
    /// Every code, in the order documented.
    pub const ALL: [ErrorCode; 75] = [
        ErrorCode::InvalidInput,
        ErrorCode::MalformedJson,
        ErrorCode::MalformedForm,
        ErrorCode::MalformedBody,
        ErrorCode::InvalidQuery,
        ErrorCode::InvalidPath,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedGrantType,
        ErrorCode::InvalidScope,
        ErrorCode::Unauthenticated,
        ErrorCode::InvalidToken,
        ErrorCode::InvalidCredentials,
        ErrorCode::InvalidRefreshToken,
        ErrorCode::InvalidClient,
        ErrorCode::TooManyAttempts,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::Conflict,
        ErrorCode::InvalidTransition,
        ErrorCode::PreconditionFailed,
        ErrorCode::Unavailable,
        ErrorCode::InternalError,
        ErrorCode::NotEditable,
        ErrorCode::CapacityBelowMatches,
        ErrorCode::PlacementNotOpen,
        ErrorCode::PlacementFull,
        ErrorCode::AmbassadorNotAvailable,
        ErrorCode::NotFeasible,
        ErrorCode::MatchLive,
        ErrorCode::MeetingNotHeld,
        ErrorCode::VogMissing,
        ErrorCode::VogNotValid,
        ErrorCode::NotPlaced,
        ErrorCode::MonthPaid,
        ErrorCode::CapsMissing,
        ErrorCode::OverCap,
        ErrorCode::NotAVolunteer,
        ErrorCode::NotApproved,
        ErrorCode::NothingToPay,
        ErrorCode::IbanMissing,
        ErrorCode::PayoutAccountMissing,
        ErrorCode::CannotCompute,
        ErrorCode::OverMonthlyLimit,
        ErrorCode::ExcludedDomain,
        ErrorCode::HolidayExists,
        ErrorCode::HoursPolicyExists,
        ErrorCode::EmployerNotVerified,
        ErrorCode::AlreadyVerified,
        ErrorCode::AccountExists,
        ErrorCode::NotLinked,
        ErrorCode::ReceiptTaken,
        ErrorCode::InvitationWrongEmployer,
        ErrorCode::InvitationAlreadyUsed,
        ErrorCode::InvitationExpired,
        ErrorCode::PrivacyRequestOpen,
        ErrorCode::IdempotencyKeyRequired,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::IdempotencyKeyInUse,
        ErrorCode::ApplicationExpired,
        ErrorCode::ApplicationAlreadyConfirmed,
        ErrorCode::ResetLinkInvalid,
        ErrorCode::ResetLinkExpired,
        ErrorCode::ResetLinkUsed,
        ErrorCode::MessageNotFailed,
        ErrorCode::DeliveryWaiting,
        ErrorCode::SessionPast,
        ErrorCode::AlreadyEnrolled,
        ErrorCode::IntakeRequired,
        ErrorCode::PlacementRequired,
        ErrorCode::SessionOverlap,
        ErrorCode::SchoolDay,
        ErrorCode::OfferLapsed,
        ErrorCode::AttendanceNotYet,
        ErrorCode::TrainingIncomplete,
    ];

    /// The code named `text`, if there is one.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|code| code.as_str() == text)
    }

    /// The code as it travels: `vog_not_valid`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::MalformedForm => "malformed_form",
            ErrorCode::MalformedBody => "malformed_body",
            ErrorCode::InvalidQuery => "invalid_query",
            ErrorCode::InvalidPath => "invalid_path",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedGrantType => "unsupported_grant_type",
            ErrorCode::InvalidScope => "invalid_scope",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::InvalidToken => "invalid_token",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::InvalidRefreshToken => "invalid_refresh_token",
            ErrorCode::InvalidClient => "invalid_client",
            ErrorCode::TooManyAttempts => "too_many_attempts",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::InvalidTransition => "invalid_transition",
            ErrorCode::PreconditionFailed => "precondition_failed",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::InternalError => "internal_error",
            ErrorCode::NotEditable => "not_editable",
            ErrorCode::CapacityBelowMatches => "capacity_below_matches",
            ErrorCode::PlacementNotOpen => "placement_not_open",
            ErrorCode::PlacementFull => "placement_full",
            ErrorCode::AmbassadorNotAvailable => "ambassador_not_available",
            ErrorCode::NotFeasible => "not_feasible",
            ErrorCode::MatchLive => "match_live",
            ErrorCode::MeetingNotHeld => "meeting_not_held",
            ErrorCode::VogMissing => "vog_missing",
            ErrorCode::VogNotValid => "vog_not_valid",
            ErrorCode::NotPlaced => "not_placed",
            ErrorCode::MonthPaid => "month_paid",
            ErrorCode::CapsMissing => "caps_missing",
            ErrorCode::OverCap => "over_cap",
            ErrorCode::NotAVolunteer => "not_a_volunteer",
            ErrorCode::NotApproved => "not_approved",
            ErrorCode::NothingToPay => "nothing_to_pay",
            ErrorCode::IbanMissing => "iban_missing",
            ErrorCode::PayoutAccountMissing => "payout_account_missing",
            ErrorCode::CannotCompute => "cannot_compute",
            ErrorCode::OverMonthlyLimit => "over_monthly_limit",
            ErrorCode::ExcludedDomain => "excluded_domain",
            ErrorCode::HolidayExists => "holiday_exists",
            ErrorCode::HoursPolicyExists => "hours_policy_exists",
            ErrorCode::EmployerNotVerified => "employer_not_verified",
            ErrorCode::AlreadyVerified => "already_verified",
            ErrorCode::AccountExists => "account_exists",
            ErrorCode::NotLinked => "not_linked",
            ErrorCode::ReceiptTaken => "receipt_taken",
            ErrorCode::InvitationWrongEmployer => "invitation_wrong_employer",
            ErrorCode::InvitationAlreadyUsed => "invitation_already_used",
            ErrorCode::InvitationExpired => "invitation_expired",
            ErrorCode::PrivacyRequestOpen => "privacy_request_open",
            ErrorCode::IdempotencyKeyRequired => "idempotency_key_required",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::IdempotencyKeyInUse => "idempotency_key_in_use",
            ErrorCode::ApplicationExpired => "application_expired",
            ErrorCode::ApplicationAlreadyConfirmed => "application_already_confirmed",
            ErrorCode::ResetLinkInvalid => "reset_link_invalid",
            ErrorCode::ResetLinkExpired => "reset_link_expired",
            ErrorCode::ResetLinkUsed => "reset_link_used",
            ErrorCode::MessageNotFailed => "message_not_failed",
            ErrorCode::DeliveryWaiting => "delivery_waiting",
            ErrorCode::SessionPast => "session_past",
            ErrorCode::AlreadyEnrolled => "already_enrolled",
            ErrorCode::IntakeRequired => "intake_required",
            ErrorCode::PlacementRequired => "placement_required",
            ErrorCode::SessionOverlap => "session_overlap",
            ErrorCode::SchoolDay => "school_day",
            ErrorCode::OfferLapsed => "offer_lapsed",
            ErrorCode::AttendanceNotYet => "attendance_not_yet",
            ErrorCode::TrainingIncomplete => "training_incomplete",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_travels_as_its_snake_case_name_and_back() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
        assert_eq!(ErrorCode::VogNotValid, "vog_not_valid");
        assert_eq!(ErrorCode::parse("over_cap"), Some(ErrorCode::OverCap));
        assert_eq!(ErrorCode::parse("Over cap"), None);
        assert_eq!(
            ErrorCode::parse("meeting_not_held"),
            Some(ErrorCode::MeetingNotHeld)
        );
    }
}

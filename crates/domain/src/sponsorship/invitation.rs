//! The invitation an employer sends an employee to register as sponsored staff.
//!
//! The token itself is made by the caller (random, stored hashed); this module holds the rules
//! written down in [`super`]: an invitation is used at most once, for one employer, within
//! [`VALID_DAYS`] days.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use uuid::Uuid;

/// How long an invitation stays valid after it was created.
pub const VALID_DAYS: i64 = 14;

/// An employer's invitation to one employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invitation {
    /// The employer that sent it, and the only one it registers staff for.
    pub employer_id: Uuid,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was used to register, if it was.
    pub used_at: Option<DateTime<Utc>>,
}

/// Why an invitation cannot be used. Each variant names the HTTP status it answers with, so the
/// server maps them without a table of its own.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvitationError {
    /// Older than [`VALID_DAYS`] days. 410 Gone.
    #[error(
        "this invitation expired on {expired_at}; ask your employer to send a new one",
        expired_at = .expired_at.format("%Y-%m-%d %H:%M UTC")
    )]
    Expired {
        /// When it stopped being valid.
        expired_at: DateTime<Utc>,
    },
    /// Used before. 410 Gone.
    #[error(
        "this invitation was used already; sign in with the account it created, or ask your employer for a new invitation"
    )]
    AlreadyUsed,
    /// Sent by another employer. 409 Conflict.
    #[error(
        "this invitation belongs to another employer; use the invitation your own employer sent"
    )]
    WrongEmployer,
}

impl InvitationError {
    /// The HTTP status of the problem detail: 410 for a spent invitation, 409 for a mismatch.
    pub fn http_status(&self) -> u16 {
        match self {
            InvitationError::Expired { .. } | InvitationError::AlreadyUsed => 410,
            InvitationError::WrongEmployer => 409,
        }
    }

    /// A stable snake_case code the web app can translate.
    pub fn code(&self) -> crate::contract::ErrorCode {
        use crate::contract::ErrorCode;
        match self {
            InvitationError::Expired { .. } => ErrorCode::InvitationExpired,
            InvitationError::AlreadyUsed => ErrorCode::InvitationAlreadyUsed,
            InvitationError::WrongEmployer => ErrorCode::InvitationWrongEmployer,
        }
    }
}

impl Invitation {
    /// A fresh invitation from `employer_id`, created `now`.
    pub fn new(employer_id: Uuid, now: DateTime<Utc>) -> Self {
        Self {
            employer_id,
            created_at: now,
            used_at: None,
        }
    }

    /// The moment it stops being valid: [`VALID_DAYS`] days after its creation.
    pub fn expires_at(&self) -> DateTime<Utc> {
        self.created_at + Duration::days(VALID_DAYS)
    }

    /// Whether it can register staff for `employer_id` at `now`.
    pub fn check(&self, employer_id: Uuid, now: DateTime<Utc>) -> Result<(), InvitationError> {
        check(self, employer_id, now)
    }

    /// The invitation, used `now`; refused as [`check`] refuses.
    pub fn redeem(&self, employer_id: Uuid, now: DateTime<Utc>) -> Result<Self, InvitationError> {
        check(self, employer_id, now)?;
        Ok(Self {
            used_at: Some(now),
            ..self.clone()
        })
    }
}

/// Whether `invitation` can register staff for `employer_id` at `now`. A wrong employer is
/// reported first, so that someone else's token reveals nothing about its use; then use, then
/// expiry (a used invitation is reported as used even once it has also expired). It is valid up
/// to, not including, [`Invitation::expires_at`].
pub fn check(
    invitation: &Invitation,
    employer_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), InvitationError> {
    if invitation.employer_id != employer_id {
        return Err(InvitationError::WrongEmployer);
    }
    if invitation.used_at.is_some() {
        return Err(InvitationError::AlreadyUsed);
    }
    let expired_at = invitation.expires_at();
    if now >= expired_at {
        return Err(InvitationError::Expired { expired_at });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn an_invitation_is_used_once_within_fourteen_days_for_its_own_employer() {
        let employer = Uuid::from_u128(1);
        let other = Uuid::from_u128(2);
        let fresh = Invitation::new(employer, at("2026-09-01T10:00:00Z"));
        let used = Invitation {
            used_at: Some(at("2026-09-02T10:00:00Z")),
            ..fresh.clone()
        };
        let expired = Err(InvitationError::Expired {
            expired_at: at("2026-09-15T10:00:00Z"),
        });
        let cases = [
            (&fresh, employer, "2026-09-01T10:00:00Z", Ok(())),
            (&fresh, employer, "2026-09-15T09:59:59Z", Ok(())),
            (&fresh, employer, "2026-09-15T10:00:00Z", expired.clone()),
            (&fresh, employer, "2027-01-01T00:00:00Z", expired),
            (
                &fresh,
                other,
                "2026-09-02T10:00:00Z",
                Err(InvitationError::WrongEmployer),
            ),
            (
                &used,
                employer,
                "2026-09-03T10:00:00Z",
                Err(InvitationError::AlreadyUsed),
            ),
            (
                &used,
                employer,
                "2026-10-01T10:00:00Z",
                Err(InvitationError::AlreadyUsed),
            ),
            (
                &used,
                other,
                "2026-09-03T10:00:00Z",
                Err(InvitationError::WrongEmployer),
            ),
        ];
        for (invitation, employer_id, now, expected) in cases {
            assert_eq!(check(invitation, employer_id, at(now)), expected, "{now}");
        }
    }

    #[test]
    fn redeeming_marks_it_used_so_a_second_try_is_refused() {
        let employer = Uuid::from_u128(1);
        let invitation = Invitation::new(employer, at("2026-09-01T10:00:00Z"));
        let used = invitation
            .redeem(employer, at("2026-09-03T08:00:00Z"))
            .unwrap();
        assert_eq!(used.used_at, Some(at("2026-09-03T08:00:00Z")));
        assert_eq!(
            used.redeem(employer, at("2026-09-03T08:01:00Z")),
            Err(InvitationError::AlreadyUsed)
        );
    }

    #[test]
    fn the_errors_say_what_to_do_and_which_status_they_answer_with() {
        let expired = InvitationError::Expired {
            expired_at: at("2026-09-15T10:00:00Z"),
        };
        assert_eq!(
            expired.to_string(),
            "this invitation expired on 2026-09-15 10:00 UTC; ask your employer to send a new one"
        );
        assert_eq!(expired.http_status(), 410);
        assert_eq!(InvitationError::AlreadyUsed.http_status(), 410);
        assert_eq!(InvitationError::WrongEmployer.http_status(), 409);
        assert_eq!(expired.code(), "invitation_expired");
        assert!(
            InvitationError::WrongEmployer
                .to_string()
                .contains("your own employer")
        );
    }
}

//! A match between an ambassador and a placement: proposal, introduction meeting
//! (*klikgesprek*), confirmation by both sides, activation, and its end.
//!
//! Each side confirms only once the introduction meeting has started (by the application's
//! clock): confirming says "we met and want this". Moving the meeting keeps a confirmation
//! already given, as it always did; the side still to confirm waits for the new time.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::text_enum;

text_enum! {
    /// Where a match is in its life.
    pub enum MatchStatus ("match status") {
        /// Proposed by programme staff; no introduction meeting planned yet.
        Proposed = "proposed",
        /// The introduction meeting is planned; waiting for both sides to confirm.
        MeetingPlanned = "meeting_planned",
        /// School and ambassador both confirmed; waiting for activation.
        Confirmed = "confirmed",
        /// The ambassador is at school.
        Active = "active",
        /// One side declined; the ambassador went back to the pool.
        Declined = "declined",
        /// Ended early, with a reason.
        Ended = "ended",
    }
}

text_enum! {
    /// One side of a match.
    pub enum Side ("side") {
        /// The school.
        School = "school",
        /// The ambassador.
        Ambassador = "ambassador",
    }
}

text_enum! {
    /// Something that moves a match on.
    pub enum MatchAction ("match action") {
        /// Plan (or move) the introduction meeting: proposed or meeting_planned → meeting_planned.
        PlanMeeting = "plan_meeting",
        /// The school confirms after the meeting: refused before the meeting's start.
        ConfirmSchool = "confirm_school",
        /// The ambassador confirms after the meeting: refused before the meeting's start.
        ConfirmAmbassador = "confirm_ambassador",
        /// Either side declines, with a reason: the ambassador goes back to the pool and the
        /// placement opens again.
        Decline = "decline",
        /// Start: confirmed → active. Refused without a VOG valid at the start.
        Activate = "activate",
        /// End an active match early, with a reason.
        End = "end",
    }
}

/// The part of a match that transitions change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchState {
    /// The status.
    pub status: MatchStatus,
    /// Whether the school confirmed.
    pub school_confirmed: bool,
    /// Whether the ambassador confirmed.
    pub ambassador_confirmed: bool,
}

/// Why a transition is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MatchError {
    /// The action does not follow from the current status.
    #[error("a match that is {from} cannot be {verb}; {hint}")]
    NotFrom {
        /// The current status.
        from: MatchStatus,
        /// The action, as a past participle.
        verb: &'static str,
        /// What can be done instead.
        hint: &'static str,
    },
    /// This side already confirmed.
    #[error("the {0} already confirmed this match")]
    AlreadyConfirmed(Side),
    /// The introduction meeting has not started yet, so nobody can confirm.
    #[error(
        "the match can be confirmed only after the introduction meeting, which is planned for {} (Europe/Amsterdam time)",
        .at.format("%A %-d %B %Y at %H:%M")
    )]
    MeetingNotHeld {
        /// When the meeting starts, local time in Amsterdam.
        at: NaiveDateTime,
    },
    /// Declining and ending need a reason.
    #[error("say why the match is {verb}: a reason is required")]
    ReasonRequired {
        /// The action, as a past participle.
        verb: &'static str,
    },
}

/// Whether the introduction meeting starting at `meeting_at` (local time in Amsterdam) has
/// taken place by `now`: from its start on, both sides may confirm.
pub fn check_meeting_held(meeting_at: NaiveDateTime, now: DateTime<Utc>) -> Result<(), MatchError> {
    if crate::local_date::amsterdam_instant(meeting_at) > now {
        return Err(MatchError::MeetingNotHeld { at: meeting_at });
    }
    Ok(())
}

impl MatchAction {
    /// Whether the action is one side's confirmation.
    pub fn is_confirmation(self) -> bool {
        matches!(
            self,
            MatchAction::ConfirmSchool | MatchAction::ConfirmAmbassador
        )
    }

    fn past_participle(self) -> &'static str {
        match self {
            MatchAction::PlanMeeting => "given a meeting",
            MatchAction::ConfirmSchool | MatchAction::ConfirmAmbassador => "confirmed",
            MatchAction::Decline => "declined",
            MatchAction::Activate => "activated",
            MatchAction::End => "ended",
        }
    }

    /// Whether the action needs a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, MatchAction::Decline | MatchAction::End)
    }
}

impl MatchStatus {
    /// Whether the match still holds the ambassador and a place in the placement.
    pub fn is_live(self) -> bool {
        !matches!(self, MatchStatus::Declined | MatchStatus::Ended)
    }

    fn hint(self) -> &'static str {
        match self {
            MatchStatus::Proposed => "plan the introduction meeting first, or decline",
            MatchStatus::MeetingPlanned => "both sides confirm after the meeting, or one declines",
            MatchStatus::Confirmed => "activate it, or decline",
            MatchStatus::Active => "an active match can only end",
            MatchStatus::Declined => "a declined match stays declined; propose again instead",
            MatchStatus::Ended => "an ended match stays ended",
        }
    }
}

impl MatchState {
    /// The state after `action` at instant `now`, for a match whose introduction meeting (if
    /// planned) starts at `meeting_at`, local time in Amsterdam: [`MatchState::apply`], and a
    /// confirmation is refused until the meeting has started ([`check_meeting_held`]).
    pub fn apply_at(
        self,
        action: MatchAction,
        reason: Option<&str>,
        meeting_at: Option<NaiveDateTime>,
        now: DateTime<Utc>,
    ) -> Result<MatchState, MatchError> {
        let next = self.apply(action, reason)?;
        if action.is_confirmation() {
            match meeting_at {
                Some(at) => check_meeting_held(at, now)?,
                // A planned meeting always has a time; without one there is nothing to confirm.
                None => {
                    return Err(MatchError::NotFrom {
                        from: self.status,
                        verb: action.past_participle(),
                        hint: MatchStatus::Proposed.hint(),
                    });
                }
            }
        }
        Ok(next)
    }

    /// The state after `action`, or why it is refused, by the status alone: whether the meeting
    /// took place is [`MatchState::apply_at`]'s, and the VOG check for `activate` is separate
    /// (see [`crate::vog::check`]), since both need dates. The web app uses this to decide which
    /// buttons to show; the server decides with [`MatchState::apply_at`].
    pub fn apply(
        self,
        action: MatchAction,
        reason: Option<&str>,
    ) -> Result<MatchState, MatchError> {
        use MatchAction as A;
        use MatchStatus as S;
        let refuse = || MatchError::NotFrom {
            from: self.status,
            verb: action.past_participle(),
            hint: self.status.hint(),
        };
        if action.needs_reason()
            && reason.is_none_or(|r| r.trim().is_empty())
            && self.status.is_live()
        {
            return Err(MatchError::ReasonRequired {
                verb: action.past_participle(),
            });
        }
        let mut next = self;
        match (self.status, action) {
            (S::Proposed | S::MeetingPlanned, A::PlanMeeting) => next.status = S::MeetingPlanned,
            (S::MeetingPlanned, A::ConfirmSchool) if self.school_confirmed => {
                return Err(MatchError::AlreadyConfirmed(Side::School));
            }
            (S::MeetingPlanned, A::ConfirmAmbassador) if self.ambassador_confirmed => {
                return Err(MatchError::AlreadyConfirmed(Side::Ambassador));
            }
            (S::MeetingPlanned, A::ConfirmSchool) => next.school_confirmed = true,
            (S::MeetingPlanned, A::ConfirmAmbassador) => next.ambassador_confirmed = true,
            (S::Proposed | S::MeetingPlanned | S::Confirmed, A::Decline) => {
                next.status = S::Declined
            }
            (S::Confirmed, A::Activate) => next.status = S::Active,
            (S::Active, A::End) => next.status = S::Ended,
            _ => return Err(refuse()),
        }
        if next.status == S::MeetingPlanned && next.school_confirmed && next.ambassador_confirmed {
            next.status = S::Confirmed;
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MatchAction as A;
    use MatchStatus as S;

    fn proposed() -> MatchState {
        MatchState {
            status: S::Proposed,
            school_confirmed: false,
            ambassador_confirmed: false,
        }
    }

    #[test]
    fn a_match_becomes_confirmed_once_both_sides_confirm_after_the_meeting() {
        let met = proposed().apply(A::PlanMeeting, None).unwrap();
        assert_eq!(met.status, S::MeetingPlanned);
        let school = met.apply(A::ConfirmSchool, None).unwrap();
        assert_eq!(school.status, S::MeetingPlanned);
        let both = school.apply(A::ConfirmAmbassador, None).unwrap();
        assert_eq!(both.status, S::Confirmed);
        assert_eq!(both.apply(A::Activate, None).unwrap().status, S::Active);
    }

    #[test]
    fn nobody_confirms_before_the_introduction_meeting() {
        let err = proposed().apply(A::ConfirmSchool, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a match that is proposed cannot be confirmed; plan the introduction meeting first, or decline"
        );
    }

    #[test]
    fn confirming_twice_is_refused() {
        let met = proposed().apply(A::PlanMeeting, None).unwrap();
        let once = met.apply(A::ConfirmSchool, None).unwrap();
        assert_eq!(
            once.apply(A::ConfirmSchool, None),
            Err(MatchError::AlreadyConfirmed(Side::School))
        );
    }

    #[test]
    fn declining_and_ending_need_a_reason() {
        assert_eq!(
            proposed().apply(A::Decline, Some(" ")),
            Err(MatchError::ReasonRequired { verb: "declined" })
        );
        assert_eq!(
            proposed()
                .apply(A::Decline, Some("geen klik"))
                .unwrap()
                .status,
            S::Declined
        );
        let active = MatchState {
            status: S::Active,
            ..proposed()
        };
        assert!(active.apply(A::End, None).is_err());
        assert_eq!(
            active.apply(A::End, Some("verhuisd")).unwrap().status,
            S::Ended
        );
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    /// A meeting on Thursday 10 December 2026 at 15:30 in Amsterdam: 14:30 UTC.
    const MEETING: &str = "2026-12-10T15:30";

    fn planned() -> MatchState {
        proposed().apply(A::PlanMeeting, None).unwrap()
    }

    #[test]
    fn confirming_waits_until_the_meeting_has_started() {
        let at = Some(local(MEETING));
        for action in [A::ConfirmSchool, A::ConfirmAmbassador] {
            assert_eq!(
                planned().apply_at(action, None, at, utc("2026-12-10T14:29:59Z")),
                Err(MatchError::MeetingNotHeld { at: local(MEETING) }),
                "{action} a second before"
            );
            assert!(
                planned()
                    .apply_at(action, None, at, utc("2026-12-10T14:30:00Z"))
                    .is_ok(),
                "{action} at the start"
            );
            assert!(
                planned()
                    .apply_at(action, None, at, utc("2026-12-11T08:00:00Z"))
                    .is_ok(),
                "{action} the day after"
            );
        }
    }

    #[test]
    fn a_summer_meeting_starts_two_hours_before_its_utc_time() {
        let at = Some(local("2026-06-10T15:30"));
        assert!(
            planned()
                .apply_at(A::ConfirmSchool, None, at, utc("2026-06-10T13:29:59Z"))
                .is_err()
        );
        assert!(
            planned()
                .apply_at(A::ConfirmSchool, None, at, utc("2026-06-10T13:30:00Z"))
                .is_ok()
        );
    }

    #[test]
    fn the_refusal_says_when_the_meeting_is() {
        let err = planned()
            .apply_at(
                A::ConfirmAmbassador,
                None,
                Some(local(MEETING)),
                utc("2026-12-03T09:00:00Z"),
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "the match can be confirmed only after the introduction meeting, which is planned for Thursday 10 December 2026 at 15:30 (Europe/Amsterdam time)"
        );
    }

    #[test]
    fn the_second_side_also_waits_for_the_meeting_and_then_the_match_is_confirmed() {
        let school = MatchState {
            school_confirmed: true,
            ..planned()
        };
        let at = Some(local(MEETING));
        assert!(matches!(
            school.apply_at(A::ConfirmAmbassador, None, at, utc("2026-12-10T14:00:00Z")),
            Err(MatchError::MeetingNotHeld { .. })
        ));
        let both = school
            .apply_at(A::ConfirmAmbassador, None, at, utc("2026-12-10T16:00:00Z"))
            .unwrap();
        assert_eq!(both.status, S::Confirmed);
    }

    #[test]
    fn a_meeting_moved_later_keeps_the_confirmation_given_and_the_other_side_waits_for_it() {
        let first = Some(local("2026-12-01T10:00"));
        let now = utc("2026-12-03T09:00:00Z");
        let school = planned()
            .apply_at(A::ConfirmSchool, None, first, now)
            .unwrap();
        // A second meeting, next week: the school's confirmation stands.
        let moved = school.apply_at(A::PlanMeeting, None, None, now).unwrap();
        assert_eq!(moved, school);
        let later = Some(local(MEETING));
        assert_eq!(
            moved.apply_at(A::ConfirmAmbassador, None, later, now),
            Err(MatchError::MeetingNotHeld { at: local(MEETING) })
        );
        assert_eq!(
            moved.apply_at(A::ConfirmSchool, None, later, now),
            Err(MatchError::AlreadyConfirmed(Side::School)),
            "confirming twice is told as such, not as waiting"
        );
    }

    #[test]
    fn the_status_decides_before_the_clock_and_other_actions_ignore_the_meeting() {
        assert!(matches!(
            proposed().apply_at(A::ConfirmSchool, None, None, utc("2026-12-03T09:00:00Z")),
            Err(MatchError::NotFrom { .. })
        ));
        let before = utc("2026-12-03T09:00:00Z");
        let at = Some(local(MEETING));
        assert_eq!(
            planned()
                .apply_at(A::Decline, Some("geen klik"), at, before)
                .unwrap()
                .status,
            S::Declined
        );
        assert_eq!(
            planned()
                .apply_at(A::PlanMeeting, None, at, before)
                .unwrap()
                .status,
            S::MeetingPlanned
        );
    }

    #[test]
    fn an_active_match_cannot_be_declined_and_an_ended_one_stays_ended() {
        let active = MatchState {
            status: S::Active,
            ..proposed()
        };
        assert!(active.apply(A::Decline, Some("x")).is_err());
        let ended = MatchState {
            status: S::Ended,
            ..proposed()
        };
        for action in A::ALL {
            assert!(ended.apply(*action, Some("x")).is_err());
        }
        assert!(!S::Ended.is_live() && !S::Declined.is_live() && S::Confirmed.is_live());
    }
}

//! Placements (*plekken*): the spots a school offers, and the rules of their lifecycle.

use crate::text_enum;
use chrono::NaiveTime;

text_enum! {
    /// A school day. Ambassadors come one weekday a week; never at the weekend.
    pub enum Weekday ("weekday") {
        /// Maandag.
        Monday = "monday",
        /// Dinsdag.
        Tuesday = "tuesday",
        /// Woensdag.
        Wednesday = "wednesday",
        /// Donderdag.
        Thursday = "thursday",
        /// Vrijdag.
        Friday = "friday",
    }
}

text_enum! {
    /// Where in the school the ambassador works.
    pub enum PlacementKind ("placement kind") {
        /// In a class (a group in po, a section in vo) next to a teacher who opted in.
        Class = "class",
        /// At school level: surveillance, extracurricular activities, administrative work.
        SchoolTask = "school_task",
        /// A lesson series or a school project, such as a working group.
        Thematic = "thematic",
    }
}

text_enum! {
    /// Where a placement is in its life.
    pub enum PlacementStatus ("placement status") {
        /// Being prepared by the school; not visible to candidates or partners.
        Draft = "draft",
        /// Offered: candidates and partners can see it.
        Open = "open",
        /// Programme staff proposed a candidate; the introduction meeting is under way.
        Proposed = "proposed",
        /// An ambassador fills it.
        Filled = "filled",
        /// No longer offered (with a reason); it can be opened again.
        Closed = "closed",
        /// Withdrawn for good (with a reason).
        Cancelled = "cancelled",
    }
}

text_enum! {
    /// Something that moves a placement to another status.
    pub enum PlacementAction ("placement action") {
        /// Offer it: draft or closed → open.
        Open = "open",
        /// Programme staff propose a candidate: open → proposed.
        Propose = "propose",
        /// The match is confirmed: proposed → filled.
        Fill = "fill",
        /// The proposal fell through: proposed → open.
        Release = "release",
        /// Stop offering it, for now: draft, open or proposed → closed. Needs a reason.
        Close = "close",
        /// Withdraw it for good: any status but cancelled → cancelled. Needs a reason.
        Cancel = "cancel",
    }
}

/// Why a status change is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The action makes no sense from this status.
    #[error("a {from} placement cannot be {verb}; {hint}")]
    NotFrom {
        /// The current status.
        from: PlacementStatus,
        /// The action, as a past participle.
        verb: &'static str,
        /// What can be done instead.
        hint: &'static str,
    },
    /// Closing and cancelling need a reason.
    #[error("say why the placement is {verb}: a reason is required")]
    ReasonRequired {
        /// The action, as a past participle.
        verb: &'static str,
    },
}

impl PlacementAction {
    fn past_participle(self) -> &'static str {
        match self {
            PlacementAction::Open => "opened",
            PlacementAction::Propose => "proposed",
            PlacementAction::Fill => "filled",
            PlacementAction::Release => "released",
            PlacementAction::Close => "closed",
            PlacementAction::Cancel => "cancelled",
        }
    }

    /// Whether the action needs a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, PlacementAction::Close | PlacementAction::Cancel)
    }
}

impl PlacementStatus {
    /// The status after `action`, or why the action is refused. `reason` is what the person
    /// gave, if anything.
    pub fn apply(
        self,
        action: PlacementAction,
        reason: Option<&str>,
    ) -> Result<Self, TransitionError> {
        use PlacementAction as A;
        use PlacementStatus as S;
        let next = match (self, action) {
            (S::Draft | S::Closed, A::Open) => S::Open,
            (S::Open, A::Propose) => S::Proposed,
            (S::Proposed, A::Fill) => S::Filled,
            (S::Proposed, A::Release) => S::Open,
            (S::Draft | S::Open | S::Proposed, A::Close) => S::Closed,
            (S::Draft | S::Open | S::Proposed | S::Filled | S::Closed, A::Cancel) => S::Cancelled,
            (from, action) => {
                return Err(TransitionError::NotFrom {
                    from,
                    verb: action.past_participle(),
                    hint: from.hint(),
                });
            }
        };
        if action.needs_reason() && reason.is_none_or(|r| r.trim().is_empty()) {
            return Err(TransitionError::ReasonRequired {
                verb: action.past_participle(),
            });
        }
        Ok(next)
    }

    /// Whether the school may still change the placement's details.
    pub fn is_editable(self) -> bool {
        matches!(
            self,
            PlacementStatus::Draft | PlacementStatus::Open | PlacementStatus::Closed
        )
    }

    fn hint(self) -> &'static str {
        match self {
            PlacementStatus::Draft => "open it, close it or cancel it",
            PlacementStatus::Open => "close it, cancel it, or wait for a proposal",
            PlacementStatus::Proposed => "fill it, release it, close it or cancel it",
            PlacementStatus::Filled => "a filled placement can only be cancelled",
            PlacementStatus::Closed => "open it again or cancel it",
            PlacementStatus::Cancelled => "a cancelled placement stays cancelled",
        }
    }
}

/// The shortest day an ambassador spends at school.
pub const MIN_DAY_MINUTES: i64 = 6 * 60;
/// The longest.
pub const MAX_DAY_MINUTES: i64 = 8 * 60;

/// Checks a school day's times: 6 to 8 hours, ending after it starts. Returns its length in
/// minutes.
pub fn day_minutes(starts_at: NaiveTime, ends_at: NaiveTime) -> Result<i64, String> {
    if ends_at <= starts_at {
        return Err(format!(
            "the day ends ({}) before it starts ({})",
            hhmm(ends_at),
            hhmm(starts_at)
        ));
    }
    let minutes = (ends_at - starts_at).num_minutes();
    if !(MIN_DAY_MINUTES..=MAX_DAY_MINUTES).contains(&minutes) {
        return Err(format!(
            "{}–{} is {}; an ambassador's day at school is 6 to 8 hours",
            hhmm(starts_at),
            hhmm(ends_at),
            hours_text(minutes)
        ));
    }
    Ok(minutes)
}

fn hhmm(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

fn hours_text(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{h} hours"),
        (h, m) => format!("{h} hours {m} minutes"),
    }
}

text_enum! {
    /// What kind of school-level task a placement is.
    pub enum SchoolTask ("school task") {
        /// Surveillance (*toezicht*, *pleinwacht*).
        Surveillance = "surveillance",
        /// Extracurricular activities.
        Extracurricular = "extracurricular",
        /// Administrative work.
        Administration = "administration",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PlacementAction as A;
    use PlacementStatus as S;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn the_usual_life_of_a_placement() {
        let status = S::Draft.apply(A::Open, None).unwrap();
        let status = status.apply(A::Propose, None).unwrap();
        let status = status.apply(A::Fill, None).unwrap();
        assert_eq!(status, S::Filled);
    }

    #[test]
    fn a_declined_proposal_reopens_the_placement() {
        assert_eq!(S::Proposed.apply(A::Release, None), Ok(S::Open));
    }

    #[test]
    fn closing_needs_a_reason_and_can_be_undone() {
        assert_eq!(
            S::Open.apply(A::Close, None),
            Err(TransitionError::ReasonRequired { verb: "closed" })
        );
        assert!(S::Open.apply(A::Close, Some("  ")).is_err());
        let closed = S::Open
            .apply(A::Close, Some("geen leerkracht beschikbaar"))
            .unwrap();
        assert_eq!(closed.apply(A::Open, None), Ok(S::Open));
    }

    #[test]
    fn senseless_transitions_are_refused_with_what_to_do_instead() {
        let err = S::Filled.apply(A::Open, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a filled placement cannot be opened; a filled placement can only be cancelled"
        );
        assert!(S::Draft.apply(A::Fill, None).is_err());
        assert!(S::Open.apply(A::Open, None).is_err());
        assert!(S::Cancelled.apply(A::Cancel, Some("x")).is_err());
        assert!(S::Cancelled.apply(A::Open, None).is_err());
    }

    #[test]
    fn only_unmatched_placements_are_editable() {
        assert!(S::Draft.is_editable() && S::Open.is_editable() && S::Closed.is_editable());
        assert!(
            !S::Proposed.is_editable() && !S::Filled.is_editable() && !S::Cancelled.is_editable()
        );
    }

    #[test]
    fn a_day_is_six_to_eight_hours() {
        assert_eq!(day_minutes(t(8, 30), t(15, 0)), Ok(390));
        assert_eq!(day_minutes(t(8, 0), t(14, 0)), Ok(360));
        assert_eq!(day_minutes(t(8, 0), t(16, 0)), Ok(480));
        let five = day_minutes(t(8, 30), t(13, 30)).unwrap_err();
        assert_eq!(
            five,
            "08:30–13:30 is 5 hours; an ambassador's day at school is 6 to 8 hours"
        );
        assert!(
            day_minutes(t(8, 0), t(17, 0))
                .unwrap_err()
                .contains("9 hours")
        );
        assert!(day_minutes(t(8, 0), t(16, 1)).is_err());
        assert!(day_minutes(t(15, 0), t(9, 0)).unwrap_err().contains("ends"));
    }
}

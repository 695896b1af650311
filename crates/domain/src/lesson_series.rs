//! Lesson series (*lessenseries*): a thematic ambassador's lessons, developed with the
//! coordinator (IC), tied to kerndoelen and given to a target group.
//!
//! A series is written as a draft, submitted to the coordinator, who approves it or asks for
//! changes; an approved series is scheduled and finally given. Asking for changes sends it back
//! with a comment; `revise` reopens it as a draft, so there is one way to submit and the series
//! is only ever edited as a draft.

use serde::{Deserialize, Serialize};

use crate::{ParseError, SchoolType, text_enum};

text_enum! {
    /// Where a lesson series is in its life.
    pub enum LessonSeriesStatus ("lesson series status") {
        /// Being written by the ambassador; editable.
        Draft = "draft",
        /// Waiting for the coordinator's review.
        Submitted = "submitted",
        /// The coordinator asked for changes, with a comment.
        ChangesRequested = "changes_requested",
        /// Approved by the coordinator; ready to be scheduled.
        Approved = "approved",
        /// Its lessons have dates.
        Scheduled = "scheduled",
        /// Its lessons were given.
        Given = "given",
    }
}

text_enum! {
    /// Something that moves a lesson series on.
    pub enum LessonSeriesAction ("lesson series action") {
        /// Hand it in for review: draft → submitted.
        Submit = "submit",
        /// Ask for changes: submitted → changes_requested. Needs a comment.
        RequestChanges = "request_changes",
        /// Approve it: submitted → approved.
        Approve = "approve",
        /// Give its lessons dates: approved → scheduled.
        Schedule = "schedule",
        /// Record that it was given: scheduled → given.
        MarkGiven = "mark_given",
        /// Work on the requested changes: changes_requested → draft.
        Revise = "revise",
    }
}

/// Why a lesson series status change is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LessonSeriesTransitionError {
    /// The action makes no sense from this status.
    #[error("a lesson series that is {from} cannot be {verb}; {hint}")]
    NotFrom {
        /// The current status.
        from: LessonSeriesStatus,
        /// The action, as a past participle.
        verb: &'static str,
        /// What can be done instead.
        hint: &'static str,
    },
    /// Asking for changes needs a comment saying which.
    #[error("say which changes are needed: a comment is required")]
    CommentRequired,
}

impl LessonSeriesAction {
    fn past_participle(self) -> &'static str {
        match self {
            LessonSeriesAction::Submit => "submitted",
            LessonSeriesAction::RequestChanges => "sent back for changes",
            LessonSeriesAction::Approve => "approved",
            LessonSeriesAction::Schedule => "scheduled",
            LessonSeriesAction::MarkGiven => "marked as given",
            LessonSeriesAction::Revise => "revised",
        }
    }

    /// Whether the action needs a comment.
    pub fn needs_comment(self) -> bool {
        self == LessonSeriesAction::RequestChanges
    }
}

impl LessonSeriesStatus {
    /// The status after `action`, or why it is refused. `comment` is what the person wrote.
    pub fn apply(
        self,
        action: LessonSeriesAction,
        comment: Option<&str>,
    ) -> Result<Self, LessonSeriesTransitionError> {
        use LessonSeriesAction as A;
        use LessonSeriesStatus as S;
        let next = match (self, action) {
            (S::Draft, A::Submit) => S::Submitted,
            (S::Submitted, A::RequestChanges) => S::ChangesRequested,
            (S::Submitted, A::Approve) => S::Approved,
            (S::Approved, A::Schedule) => S::Scheduled,
            (S::Scheduled, A::MarkGiven) => S::Given,
            (S::ChangesRequested, A::Revise) => S::Draft,
            (from, action) => {
                return Err(LessonSeriesTransitionError::NotFrom {
                    from,
                    verb: action.past_participle(),
                    hint: from.hint(),
                });
            }
        };
        if action.needs_comment() && comment.is_none_or(|c| c.trim().is_empty()) {
            return Err(LessonSeriesTransitionError::CommentRequired);
        }
        Ok(next)
    }

    /// Whether the ambassador may change the series' content.
    pub fn is_editable(self) -> bool {
        self == LessonSeriesStatus::Draft
    }

    fn hint(self) -> &'static str {
        match self {
            LessonSeriesStatus::Draft => "submit it for review first",
            LessonSeriesStatus::Submitted => "the coordinator approves it or asks for changes",
            LessonSeriesStatus::ChangesRequested => "revise it, then submit it again",
            LessonSeriesStatus::Approved => "schedule its lessons",
            LessonSeriesStatus::Scheduled => "mark it as given once the lessons took place",
            LessonSeriesStatus::Given => "a given series stays given",
        }
    }
}

/// The pupils a series is for: a *groep* (1–8) in primary or a *leerjaar* (1–6) in secondary
/// education. Written `groep 5` or `leerjaar 2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TargetGroup {
    school_type: SchoolType,
    year: u8,
}

impl TargetGroup {
    /// Groep `year` in primary education (1–8).
    pub fn po(year: u8) -> Result<Self, ParseError> {
        Self::new(SchoolType::Po, year)
    }

    /// Leerjaar `year` in secondary education (1–6; vwo has six).
    pub fn vo(year: u8) -> Result<Self, ParseError> {
        Self::new(SchoolType::Vo, year)
    }

    fn new(school_type: SchoolType, year: u8) -> Result<Self, ParseError> {
        let (word, last) = Self::shape(school_type);
        if (1..=last).contains(&year) {
            Ok(Self { school_type, year })
        } else {
            Err(ParseError(format!(
                "{word} {year} does not exist; {} runs from {word} 1 to {word} {last}",
                school_type
            )))
        }
    }

    fn shape(school_type: SchoolType) -> (&'static str, u8) {
        match school_type {
            SchoolType::Po => ("groep", 8),
            SchoolType::Vo => ("leerjaar", 6),
        }
    }

    /// Parses `groep 5` or `leerjaar 2` (case and spacing do not matter).
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let invalid = || {
            ParseError(format!(
                "'{text}' is not a target group; write it as groep 1 to groep 8, or leerjaar 1 to leerjaar 6"
            ))
        };
        let lower = text.trim().to_lowercase();
        let (school_type, rest) = if let Some(rest) = lower.strip_prefix("groep") {
            (SchoolType::Po, rest)
        } else if let Some(rest) = lower.strip_prefix("leerjaar") {
            (SchoolType::Vo, rest)
        } else {
            return Err(invalid());
        };
        let year: u8 = rest.trim().parse().map_err(|_| invalid())?;
        Self::new(school_type, year)
    }

    /// Primary or secondary.
    pub fn school_type(self) -> SchoolType {
        self.school_type
    }

    /// The groep or leerjaar number.
    pub fn year(self) -> u8 {
        self.year
    }
}

impl std::fmt::Display for TargetGroup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", Self::shape(self.school_type).0, self.year)
    }
}

impl TryFrom<String> for TargetGroup {
    type Error = ParseError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<TargetGroup> for String {
    fn from(group: TargetGroup) -> Self {
        group.to_string()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for TargetGroup {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^(groep [1-8]|leerjaar [1-6])$"))
            .description(Some(
                "The pupils a lesson series is for: groep 1–8 (po) or leerjaar 1–6 (vo).",
            ))
            .examples(["groep 5"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for TargetGroup {}

#[cfg(test)]
mod tests {
    use super::*;
    use LessonSeriesAction as A;
    use LessonSeriesStatus as S;

    #[test]
    fn the_usual_life_of_a_lesson_series() {
        let mut status = S::Draft;
        for action in [A::Submit, A::Approve, A::Schedule, A::MarkGiven] {
            status = status.apply(action, None).unwrap();
        }
        assert_eq!(status, S::Given);
    }

    #[test]
    fn asking_for_changes_needs_a_comment_and_the_series_comes_back_as_a_draft() {
        assert_eq!(
            S::Submitted.apply(A::RequestChanges, None),
            Err(LessonSeriesTransitionError::CommentRequired)
        );
        assert!(S::Submitted.apply(A::RequestChanges, Some(" ")).is_err());
        let sent_back = S::Submitted
            .apply(A::RequestChanges, Some("koppel les 2 aan kerndoel 45"))
            .unwrap();
        assert_eq!(sent_back, S::ChangesRequested);
        assert!(!sent_back.is_editable());
        let draft = sent_back.apply(A::Revise, None).unwrap();
        assert_eq!(draft, S::Draft);
        assert!(draft.is_editable());
        assert_eq!(draft.apply(A::Submit, None), Ok(S::Submitted));
    }

    #[test]
    fn steps_cannot_be_skipped_and_refusals_say_what_to_do() {
        let err = S::Draft.apply(A::Approve, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a lesson series that is draft cannot be approved; submit it for review first"
        );
        assert!(S::Submitted.apply(A::Schedule, None).is_err());
        assert!(S::ChangesRequested.apply(A::Submit, None).is_err());
        assert!(S::Approved.apply(A::MarkGiven, None).is_err());
        assert!(S::Given.apply(A::Revise, None).is_err());
        assert!(S::Draft.apply(A::Revise, None).is_err());
    }

    #[test]
    fn only_drafts_are_editable() {
        let editable: Vec<_> = S::ALL.iter().filter(|s| s.is_editable()).collect();
        assert_eq!(editable, [&S::Draft]);
    }

    #[test]
    fn target_groups_read_and_write_as_schools_say_them() {
        let groep = TargetGroup::parse("Groep 5").unwrap();
        assert_eq!((groep.school_type(), groep.year()), (SchoolType::Po, 5));
        assert_eq!(groep.to_string(), "groep 5");
        let leerjaar = TargetGroup::parse("  leerjaar 2 ").unwrap();
        assert_eq!(
            (leerjaar.school_type(), leerjaar.year()),
            (SchoolType::Vo, 2)
        );
        assert_eq!(leerjaar.to_string(), "leerjaar 2");
        assert_eq!(TargetGroup::parse("groep8"), TargetGroup::po(8));
        assert_eq!(serde_json::to_string(&groep).unwrap(), "\"groep 5\"");
        assert_eq!(
            serde_json::from_str::<TargetGroup>("\"leerjaar 6\"").unwrap(),
            TargetGroup::vo(6).unwrap()
        );
    }

    #[test]
    fn groups_outside_po_and_vo_ranges_are_refused() {
        for bad in [
            "groep 0",
            "groep 9",
            "leerjaar 7",
            "leerjaar 0",
            "klas 2",
            "groep",
            "groep -1",
            "",
        ] {
            assert!(TargetGroup::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            TargetGroup::parse("groep 9").unwrap_err().0,
            "groep 9 does not exist; po runs from groep 1 to groep 8"
        );
        assert!(serde_json::from_str::<TargetGroup>("\"leerjaar 7\"").is_err());
    }
}

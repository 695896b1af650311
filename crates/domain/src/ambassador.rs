//! Ambassadors (*onderwijsambassadeurs*): their intake, their funding and their documents.

use crate::text_enum;

text_enum! {
    /// Who pays for the ambassador's hours at school.
    pub enum Funding ("funding arrangement") {
        /// The employer keeps paying salary for the hours at school.
        Sponsored = "sponsored",
        /// A volunteer, who may receive the monthly volunteer allowance.
        Volunteer = "volunteer",
        /// Some hours a week sponsored by the employer, some volunteered.
        Hybrid = "hybrid",
    }
}

text_enum! {
    /// Where an ambassador is, from sign-up to the end.
    pub enum IntakeStatus ("intake status") {
        /// Signed up.
        Registered = "registered",
        /// An intake interview is planned.
        IntakePlanned = "intake_planned",
        /// The intake interview was held and the programme said yes.
        IntakeDone = "intake_done",
        /// Asked to request a certificate of conduct (VOG).
        VogRequested = "vog_requested",
        /// In the pool: can be matched.
        Available = "available",
        /// Proposed for a placement; the introduction meeting is under way.
        Matched = "matched",
        /// At school.
        Active = "active",
        /// No longer taking part.
        Ended = "ended",
    }
}

text_enum! {
    /// A step programme staff take in the intake. `matched` and `active` follow from the match
    /// lifecycle, not from these steps.
    pub enum IntakeAction ("intake action") {
        /// registered → intake_planned.
        PlanIntake = "plan_intake",
        /// intake_planned → intake_done: the intake decision.
        CompleteIntake = "complete_intake",
        /// intake_done → vog_requested.
        RequestVog = "request_vog",
        /// vog_requested → available; needs a VOG on record with outcome `issued`.
        MakeAvailable = "make_available",
        /// Any status before `matched`, or `available` → ended. Needs a reason.
        Withdraw = "withdraw",
    }
}

/// Why an intake step is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntakeError {
    /// The step does not follow from the current status.
    #[error("an ambassador who is {from} cannot take the step {action}; {hint}")]
    NotFrom {
        /// The current status.
        from: IntakeStatus,
        /// The step.
        action: IntakeAction,
        /// What can be done instead.
        hint: &'static str,
    },
    /// `make_available` without an issued VOG on record.
    #[error("record a VOG with outcome 'issued' before making the ambassador available")]
    VogMissing,
    /// `withdraw` without a reason.
    #[error("say why the ambassador stops: a reason is required")]
    ReasonRequired,
}

impl IntakeStatus {
    /// The status after `action`. `has_issued_vog` says whether a VOG with outcome `issued` is
    /// on record; `reason` is what the person gave, if anything.
    pub fn apply(
        self,
        action: IntakeAction,
        has_issued_vog: bool,
        reason: Option<&str>,
    ) -> Result<IntakeStatus, IntakeError> {
        use IntakeAction as A;
        use IntakeStatus as S;
        let next = match (self, action) {
            (S::Registered, A::PlanIntake) => S::IntakePlanned,
            (S::IntakePlanned, A::CompleteIntake) => S::IntakeDone,
            (S::IntakeDone, A::RequestVog) => S::VogRequested,
            (S::VogRequested, A::MakeAvailable) if !has_issued_vog => {
                return Err(IntakeError::VogMissing);
            }
            (S::VogRequested, A::MakeAvailable) => S::Available,
            (
                S::Registered | S::IntakePlanned | S::IntakeDone | S::VogRequested | S::Available,
                A::Withdraw,
            ) => {
                if reason.is_none_or(|r| r.trim().is_empty()) {
                    return Err(IntakeError::ReasonRequired);
                }
                S::Ended
            }
            (from, action) => {
                return Err(IntakeError::NotFrom {
                    from,
                    action,
                    hint: from.hint(),
                });
            }
        };
        Ok(next)
    }

    /// Whether this step is the intake decision (yes or no), which starts the clock on
    /// purging the motivation letter and CV.
    pub fn decides_intake(from: IntakeStatus, action: IntakeAction) -> bool {
        matches!(
            (from, action),
            (IntakeStatus::IntakePlanned, IntakeAction::CompleteIntake)
                | (
                    IntakeStatus::Registered | IntakeStatus::IntakePlanned,
                    IntakeAction::Withdraw
                )
        )
    }

    fn hint(self) -> &'static str {
        match self {
            IntakeStatus::Registered => "plan the intake first",
            IntakeStatus::IntakePlanned => "complete the intake first",
            IntakeStatus::IntakeDone => "request the VOG next",
            IntakeStatus::VogRequested => "make the ambassador available once the VOG is seen",
            IntakeStatus::Available => "propose the ambassador for a placement",
            IntakeStatus::Matched => "the match decides what happens next",
            IntakeStatus::Active => "end the match first",
            IntakeStatus::Ended => "an ambassador who ended stays ended",
        }
    }
}

text_enum! {
    /// A document handed in at the intake.
    pub enum DocumentKind ("document kind") {
        /// The motivation letter, with examples from practice.
        MotivationLetter = "motivation_letter",
        /// The curriculum vitae.
        Cv = "cv",
    }
}

/// The largest document accepted: 5 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;

/// The formats accepted for intake documents, recognised by their content, never by a name or
/// a declared type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFormat {
    /// PDF.
    Pdf,
    /// Word (Office Open XML).
    Docx,
}

impl DocumentFormat {
    /// The media type to serve the document with.
    pub fn media_type(self) -> &'static str {
        match self {
            DocumentFormat::Pdf => "application/pdf",
            DocumentFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            DocumentFormat::Pdf => "pdf",
            DocumentFormat::Docx => "docx",
        }
    }

    /// Parses a media type written by [`DocumentFormat::media_type`].
    pub fn from_media_type(text: &str) -> Option<Self> {
        [DocumentFormat::Pdf, DocumentFormat::Docx]
            .into_iter()
            .find(|f| f.media_type() == text)
    }

    /// Recognises a document by its bytes: a PDF starts with `%PDF-`; a DOCX is a ZIP archive
    /// (`PK\x03\x04`) that holds `[Content_Types].xml` and a `word/` part.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            return Some(DocumentFormat::Pdf);
        }
        let zip = bytes.starts_with(b"PK\x03\x04");
        if zip && contains(bytes, b"[Content_Types].xml") && contains(bytes, b"word/") {
            return Some(DocumentFormat::Docx);
        }
        None
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use IntakeAction as A;
    use IntakeStatus as S;

    #[test]
    fn the_intake_runs_from_registered_to_available() {
        let mut status = S::Registered;
        for action in [
            A::PlanIntake,
            A::CompleteIntake,
            A::RequestVog,
            A::MakeAvailable,
        ] {
            status = status.apply(action, true, None).unwrap();
        }
        assert_eq!(status, S::Available);
    }

    #[test]
    fn an_ambassador_without_an_issued_vog_is_not_made_available() {
        assert_eq!(
            S::VogRequested.apply(A::MakeAvailable, false, None),
            Err(IntakeError::VogMissing)
        );
    }

    #[test]
    fn steps_cannot_be_skipped_and_the_refusal_says_what_to_do() {
        let err = S::Registered.apply(A::RequestVog, true, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "an ambassador who is registered cannot take the step request_vog; plan the intake first"
        );
        assert!(
            S::Matched
                .apply(A::Withdraw, true, Some("verhuisd"))
                .is_err()
        );
    }

    #[test]
    fn withdrawing_needs_a_reason() {
        assert_eq!(
            S::Available.apply(A::Withdraw, true, Some("  ")),
            Err(IntakeError::ReasonRequired)
        );
        assert_eq!(
            S::Available.apply(A::Withdraw, true, Some("verhuisd")),
            Ok(S::Ended)
        );
    }

    #[test]
    fn the_intake_decision_is_completing_or_stopping_the_intake() {
        assert!(S::decides_intake(S::IntakePlanned, A::CompleteIntake));
        assert!(S::decides_intake(S::IntakePlanned, A::Withdraw));
        assert!(!S::decides_intake(S::IntakeDone, A::RequestVog));
    }

    #[test]
    fn documents_are_recognised_by_content() {
        assert_eq!(
            DocumentFormat::sniff(b"%PDF-1.7\n..."),
            Some(DocumentFormat::Pdf)
        );
        let docx = b"PK\x03\x04....[Content_Types].xml....word/document.xml";
        assert_eq!(DocumentFormat::sniff(docx), Some(DocumentFormat::Docx));
        assert_eq!(DocumentFormat::sniff(b"PK\x03\x04 a plain zip"), None);
        assert_eq!(DocumentFormat::sniff(b"MZ\x90\x00 an executable"), None);
        assert_eq!(DocumentFormat::sniff(b""), None);
    }
}

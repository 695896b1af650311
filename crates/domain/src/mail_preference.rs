//! What e-mail each person chooses to get: per category of message, right away, in a weekly
//! digest, or not at all. Some messages must reach people whatever they chose (invitations,
//! confirmation links, password resets, an expired VOG): those have no category.

use crate::text_enum;

text_enum! {
    /// A category of e-mail a person can choose for.
    pub enum MailCategory ("mail category") {
        /// Proposals, introduction meetings, confirmations, declines and ends of matches.
        Matching = "matching",
        /// Hours rejected, and hours waiting for a school's approval.
        Hours = "hours",
        /// Lesson series handed in, sent back for changes or approved.
        LessonSeries = "lesson_series",
        /// The volunteer allowance paid.
        Allowance = "allowance",
        /// Reminders: the intake planned, a VOG missing or about to be too old.
        Reminders = "reminders",
        /// An employer's statement of a month that ended.
        Statements = "statements",
    }
}

text_enum! {
    /// How a person gets a category of e-mail.
    pub enum MailChoice ("mail choice") {
        /// Each message right away (the default).
        Immediately = "immediately",
        /// Collected in one e-mail on Monday morning.
        Weekly = "weekly",
        /// Not at all.
        Never = "never",
    }
}

/// The category of a message of `kind` (as the outbox names it); `None` for a message that
/// must reach its reader whatever they chose.
pub fn category_of(kind: &str) -> Option<MailCategory> {
    match kind {
        "match.proposed"
        | "match.meeting_planned"
        | "match.confirmed"
        | "match.declined"
        | "match.ended" => Some(MailCategory::Matching),
        "hours.rejected" | "hours.waiting" => Some(MailCategory::Hours),
        "lesson_series.submitted"
        | "lesson_series.changes_requested"
        | "lesson_series.approved"
        | "lesson_series.scheduled" => Some(MailCategory::LessonSeries),
        "allowance.paid" => Some(MailCategory::Allowance),
        "ambassador.intake_planned" | "vog.missing" | "vog.expiring" | "training.reminder" => {
            Some(MailCategory::Reminders)
        }
        "statement.available" => Some(MailCategory::Statements),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_must_reach_people_has_no_category() {
        for kind in [
            "employer.invitation",
            "team.invitation",
            "auth.password_reset",
            "application.confirm",
            "application.existing_account",
            "employer.sign_up",
            "vog.expired",
            "training.place_offered",
            "digest.weekly",
        ] {
            assert_eq!(category_of(kind), None, "{kind}");
        }
    }

    #[test]
    fn each_category_has_a_kind_and_reminders_leave_the_expired_vog_out() {
        assert_eq!(category_of("match.proposed"), Some(MailCategory::Matching));
        assert_eq!(category_of("hours.waiting"), Some(MailCategory::Hours));
        assert_eq!(
            category_of("lesson_series.approved"),
            Some(MailCategory::LessonSeries)
        );
        assert_eq!(category_of("allowance.paid"), Some(MailCategory::Allowance));
        assert_eq!(category_of("vog.expiring"), Some(MailCategory::Reminders));
        assert_eq!(
            category_of("statement.available"),
            Some(MailCategory::Statements)
        );
        assert_eq!(MailChoice::parse("weekly"), Ok(MailChoice::Weekly));
    }
}

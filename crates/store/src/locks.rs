//! Row locks a use case takes inside a [`crate::Tx`] before it reads what it decides on, so two
//! requests that decide on the same thing take turns instead of both deciding on what they read
//! before the other wrote.

use uuid::Uuid;

use crate::{BackendKind, Store, StoreResult, with_pool};

/// A row a use case decides on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// A placement: its capacity and status.
    Placement(Uuid),
    /// An ambassador: their intake status, VOGs, hours and allowances.
    Ambassador(Uuid),
    /// A match.
    Match(Uuid),
    /// An allowance statement line.
    StatementLine(Uuid),
    /// A sponsorship agreement.
    Agreement(Uuid),
    /// A user account.
    User(Uuid),
    /// An employer (its organisation row): verification, invitations, agreements, costs.
    Employer(Uuid),
    /// An employer's invitation: accepting it claims it once.
    Invitation(Uuid),
    /// A lesson series: its details, status, schedule and comments.
    LessonSeries(Uuid),
    /// A school (its organisation row): its capacity per school year.
    School(Uuid),
    /// An application: confirming it makes one ambassador.
    Application(Uuid),
    /// A school's team invitation: accepting it claims it once.
    TeamInvitation(Uuid),
    /// A password reset link: using it claims it once.
    PasswordReset(Uuid),
    /// A course session: its places, waiting list and attendance.
    CourseSession(Uuid),
    /// A data subject's request: handling it decides once.
    PrivacyRequest(Uuid),
}

impl Lock {
    fn target(self) -> (&'static str, Uuid) {
        match self {
            Lock::Placement(id) => ("placements", id),
            Lock::Ambassador(id) => ("ambassadors", id),
            Lock::Application(id) => ("applications", id),
            Lock::TeamInvitation(id) => ("team_invitations", id),
            Lock::PasswordReset(id) => ("password_resets", id),
            Lock::Match(id) => ("matches", id),
            Lock::StatementLine(id) => ("statement_lines", id),
            Lock::Agreement(id) => ("sponsorship_agreements", id),
            Lock::User(id) => ("users", id),
            Lock::Employer(id) | Lock::School(id) => ("organisations", id),
            Lock::Invitation(id) => ("employer_invitations", id),
            Lock::LessonSeries(id) => ("lesson_series", id),
            Lock::CourseSession(id) => ("course_sessions", id),
            Lock::PrivacyRequest(id) => ("privacy_requests", id),
        }
    }
}

impl Store {
    /// Locks `what` until the transaction ends; a second transaction locking it waits. On
    /// SQLite a transaction already holds the whole database's write lock (`BEGIN IMMEDIATE`),
    /// so there is nothing more to take. A row that does not exist locks nothing.
    pub async fn lock(&self, what: Lock) -> StoreResult<()> {
        if self.backend() == BackendKind::Sqlite {
            return Ok(());
        }
        let (table, id) = what.target();
        let sql = format!("SELECT 1 FROM {table} WHERE id = $1 FOR UPDATE");
        with_pool!(self, conn => {
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(conn).await?;
        });
        Ok(())
    }
}

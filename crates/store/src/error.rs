//! The store's one error type: what callers can act on, and everything else.

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The row asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A uniqueness rule would be broken, such as a second user with one e-mail address.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The configuration (the URL) is unusable.
    #[error("{0}")]
    Config(String),
    /// A stored value does not parse: the database holds something the code never writes.
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// The database cannot be reached right now (connection refused or lost, pool exhausted,
    /// database gone or not accepting connections, SQLite file locked or unreadable). Worth
    /// retrying later; not the caller's fault.
    #[error("the database is unavailable: {0}")]
    Unavailable(sqlx::Error),
    /// The database failed.
    #[error(transparent)]
    Database(sqlx::Error),
    /// A migration failed.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                StoreError::Conflict(db.message().to_owned())
            }
            _ if is_unavailable(&error) => StoreError::Unavailable(error),
            _ => StoreError::Database(error),
        }
    }
}

/// Whether `error` says the database is out of reach rather than that the statement is wrong.
fn is_unavailable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| unavailable_code(&code)),
        _ => false,
    }
}

/// PostgreSQL SQLSTATEs and SQLite result codes that mean "the database is out of reach".
fn unavailable_code(code: &str) -> bool {
    // PostgreSQL's SQLSTATEs have five characters; SQLite's codes are numbers below 10,000.
    if let (true, Ok(sqlite)) = (code.len() < 5, code.parse::<i64>()) {
        // SQLite reports extended codes; the primary code is the low byte.
        // 5 BUSY, 6 LOCKED, 10 IOERR, 14 CANTOPEN.
        return matches!(sqlite & 0xff, 5 | 6 | 10 | 14);
    }
    // 08: connection exception; 57P01-57P03: shut down or starting; 53300: too many
    // connections; 3D000: the database does not exist (dropped); 55000 is what PostgreSQL
    // answers a database that does not accept connections.
    code.starts_with("08")
        || matches!(
            code,
            "57P01" | "57P02" | "57P03" | "53300" | "3D000" | "55000"
        )
}

impl From<domain::ParseError> for StoreError {
    fn from(error: domain::ParseError) -> Self {
        StoreError::Corrupt(error.0)
    }
}

/// `error` as a `Conflict` saying `message` when it broke a uniqueness rule; otherwise as is.
pub(crate) fn conflict_says(error: sqlx::Error, message: impl Into<String>) -> StoreError {
    match StoreError::from(error) {
        StoreError::Conflict(_) => StoreError::Conflict(message.into()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_troubles_are_unavailable_and_statement_errors_are_not() {
        for code in ["08006", "57P01", "3D000", "53300", "14", "5", "266"] {
            assert!(unavailable_code(code), "{code}");
        }
        for code in ["23505", "22021", "42P01", "19", "1"] {
            assert!(!unavailable_code(code), "{code}");
        }
        assert!(is_unavailable(&sqlx::Error::PoolTimedOut));
        assert!(!is_unavailable(&sqlx::Error::RowNotFound));
    }
}

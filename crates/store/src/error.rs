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
            _ => StoreError::Database(error),
        }
    }
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

//! Each person's e-mail choices per category, and the messages held back for their weekly
//! digest. Addresses are compared lower-case.

use chrono::{DateTime, Utc};
use domain::mail_preference::{MailCategory, MailChoice};

use crate::{Store, StoreError, StoreResult, new_id, with_pool};

/// A message held back for a weekly digest.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DigestItem {
    /// Its subject line.
    pub subject: String,
    /// Its plain-text body.
    pub body: String,
    /// When it would have been sent.
    pub created_at: DateTime<Utc>,
}

impl Store {
    /// What `email` chose for `category`; `None` when they never chose (right away).
    pub async fn mail_choice(
        &self,
        email: &str,
        category: MailCategory,
    ) -> StoreResult<Option<MailChoice>> {
        let choice: Option<String> = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT choice FROM mail_preferences WHERE email = $1 AND category = $2")
                .bind(email.to_lowercase())
                .bind(category.as_str())
                .fetch_optional(pool)
                .await?
        });
        choice
            .map(|c| MailChoice::parse(&c).map_err(|e| StoreError::Corrupt(e.0)))
            .transpose()
    }

    /// Stores what `email` chose for `category`.
    pub async fn set_mail_choice(
        &self,
        email: &str,
        category: MailCategory,
        choice: MailChoice,
    ) -> StoreResult<()> {
        let now = self.now();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO mail_preferences (email, category, choice, updated_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (email, category) DO UPDATE SET choice = excluded.choice, updated_at = excluded.updated_at",
            )
            .bind(email.to_lowercase())
            .bind(category.as_str())
            .bind(choice.as_str())
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Holds a message back for `email`'s weekly digest.
    pub async fn add_digest_item(
        &self,
        email: &str,
        category: MailCategory,
        subject: &str,
        body: &str,
    ) -> StoreResult<()> {
        let (id, now) = (new_id(), self.now());
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO digest_items (id, email, category, subject, body, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(email.to_lowercase())
            .bind(category.as_str())
            .bind(subject)
            .bind(body)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The addresses with messages held back for a digest.
    pub async fn digest_recipients(&self) -> StoreResult<Vec<String>> {
        let emails: Vec<String> = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT DISTINCT email FROM digest_items ORDER BY email")
                .fetch_all(pool)
                .await?
        });
        Ok(emails)
    }

    /// Takes `email`'s held-back messages, oldest first, and deletes them: call it in the
    /// transaction that queues the digest, so each goes out once.
    pub async fn take_digest_items(&self, email: &str) -> StoreResult<Vec<DigestItem>> {
        let email = email.to_lowercase();
        let items: Vec<DigestItem> = with_pool!(self, pool => {
            sqlx::query_as(
                "DELETE FROM digest_items WHERE email = $1 RETURNING subject, body, created_at",
            )
            .bind(&email)
            .fetch_all(pool)
            .await?
        });
        let mut items = items;
        items.sort_by_key(|i| i.created_at);
        Ok(items)
    }
}

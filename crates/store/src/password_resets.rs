//! Password reset links: a single-use token, stored hashed, that lets the owner of an account's
//! address choose a new password within an hour.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::{Store, StoreResult, new_id, with_pool};

/// A reset link as stored, with what deciding on it needs.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PasswordResetRecord {
    /// The link's id.
    pub id: Uuid,
    /// The person whose password it resets.
    pub user_id: Uuid,
    /// When it was asked for.
    pub created_at: DateTime<Utc>,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// When it (or another link of the same person) was used.
    pub used_at: Option<DateTime<Utc>>,
}

const SELECT_RESET: &str =
    "SELECT id, user_id, created_at, expires_at, used_at FROM password_resets";

impl Store {
    /// Stores a reset link for `user_id`, asked for at `now`, that works until `expires_at`.
    pub async fn create_password_reset(
        &self,
        user_id: Uuid,
        token_hash: &[u8],
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<PasswordResetRecord> {
        let id = new_id();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO password_resets (id, user_id, token_hash, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(user_id)
            .bind(token_hash.to_vec())
            .bind(now)
            .bind(expires_at)
            .execute(pool)
            .await?;
        });
        Ok(PasswordResetRecord {
            id,
            user_id,
            created_at: now,
            expires_at,
            used_at: None,
        })
    }

    /// The reset link whose token hashes to `token_hash`, or `NotFound`.
    pub async fn password_reset_by_token(
        &self,
        token_hash: &[u8],
    ) -> StoreResult<PasswordResetRecord> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_RESET);
            query.push(" WHERE token_hash = ").push_bind(token_hash.to_vec());
            query.build_query_as().fetch_one(pool).await?
        }))
    }

    /// Spends reset link `id` at `at`, once: `false` when it was spent meanwhile. Every other
    /// unspent link of the same person is spent with it, so an older e-mail cannot change the
    /// password that was just chosen.
    pub async fn use_password_reset(&self, id: Uuid, at: DateTime<Utc>) -> StoreResult<bool> {
        let changed = with_pool!(self, pool => {
            let changed = sqlx::query(
                "UPDATE password_resets SET used_at = $1 WHERE id = $2 AND used_at IS NULL",
            )
            .bind(at)
            .bind(id)
            .execute(&mut *pool)
            .await?
            .rows_affected();
            if changed == 1 {
                sqlx::query(
                    "UPDATE password_resets SET used_at = $1 WHERE used_at IS NULL \
                     AND user_id = (SELECT user_id FROM password_resets WHERE id = $2)",
                )
                .bind(at)
                .bind(id)
                .execute(&mut *pool)
                .await?;
            }
            changed
        });
        Ok(changed == 1)
    }
}

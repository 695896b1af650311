//! Refresh tokens, stored as SHA-256 hashes. Each use rotates the token; presenting a token that
//! was already rotated away means it leaked, so its whole family (one login) is revoked.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::{Store, StoreResult, now, with_pool};

/// A stored refresh token.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RefreshTokenRecord {
    /// The person it lets in.
    pub user_id: Uuid,
    /// The login it descends from.
    pub family_id: Uuid,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
}

/// What presenting a refresh token led to.
#[derive(Debug, Clone)]
pub enum RefreshOutcome {
    /// It was valid and is now spent; issue its successor in the same family.
    Rotated(RefreshTokenRecord),
    /// It had been spent already: the family is now revoked.
    Reused,
    /// Unknown, expired or revoked.
    Invalid,
}

impl Store {
    /// Stores the hash of a new refresh token.
    pub async fn insert_refresh_token(
        &self,
        token_hash: &[u8],
        user_id: Uuid,
        family_id: Uuid,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO refresh_tokens (token_hash, user_id, family_id, issued_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash.to_vec())
            .bind(user_id)
            .bind(family_id)
            .bind(now())
            .bind(expires_at)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Spends a refresh token. One statement marks it revoked only if it is still live, so two
    /// concurrent uses cannot both succeed.
    pub async fn use_refresh_token(&self, token_hash: &[u8]) -> StoreResult<RefreshOutcome> {
        let at = now();
        let spent: Option<RefreshTokenRecord> = with_pool!(self, pool => {
            sqlx::query_as(
                "UPDATE refresh_tokens SET revoked_at = $1 \
                 WHERE token_hash = $2 AND revoked_at IS NULL AND expires_at > $1 \
                 RETURNING user_id, family_id, expires_at",
            )
            .bind(at)
            .bind(token_hash.to_vec())
            .fetch_optional(pool)
            .await?
        });
        if let Some(record) = spent {
            return Ok(RefreshOutcome::Rotated(record));
        }
        let known: Option<(Uuid, Option<DateTime<Utc>>)> = with_pool!(self, pool => {
            sqlx::query_as("SELECT family_id, revoked_at FROM refresh_tokens WHERE token_hash = $1")
                .bind(token_hash.to_vec())
                .fetch_optional(pool)
                .await?
        });
        match known {
            Some((family_id, Some(_))) => {
                self.revoke_refresh_family(family_id).await?;
                Ok(RefreshOutcome::Reused)
            }
            _ => Ok(RefreshOutcome::Invalid),
        }
    }

    /// Revokes the family of the token with this hash (logout). Returns the person it belonged
    /// to, if the token was known.
    pub async fn revoke_refresh_token(&self, token_hash: &[u8]) -> StoreResult<Option<Uuid>> {
        let known: Option<(Uuid, Uuid)> = with_pool!(self, pool => {
            sqlx::query_as("SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1")
                .bind(token_hash.to_vec())
                .fetch_optional(pool)
                .await?
        });
        match known {
            Some((family_id, user_id)) => {
                self.revoke_refresh_family(family_id).await?;
                Ok(Some(user_id))
            }
            None => Ok(None),
        }
    }

    /// Revokes every live token of a person (after a password change): refresh tokens, and
    /// access tokens by bumping the person's token version; every session they had ends.
    pub async fn revoke_refresh_tokens_of_user(&self, user_id: Uuid) -> StoreResult<()> {
        let at = now();
        with_pool!(self, pool => {
            sqlx::query("UPDATE refresh_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
                .bind(at)
                .bind(user_id)
                .execute(&mut *pool)
                .await?;
            sqlx::query("UPDATE sessions SET ended_at = $1 WHERE user_id = $2 AND ended_at IS NULL")
                .bind(at)
                .bind(user_id)
                .execute(&mut *pool)
                .await?;
            sqlx::query("UPDATE users SET token_version = token_version + 1 WHERE id = $1")
                .bind(user_id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Revokes a family's refresh tokens and ends its session, so the access tokens issued in
    /// it stop working too.
    async fn revoke_refresh_family(&self, family_id: Uuid) -> StoreResult<()> {
        let at = now();
        with_pool!(self, pool => {
            sqlx::query("UPDATE refresh_tokens SET revoked_at = $1 WHERE family_id = $2 AND revoked_at IS NULL")
                .bind(at)
                .bind(family_id)
                .execute(&mut *pool)
                .await?;
            sqlx::query("UPDATE sessions SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL")
                .bind(at)
                .bind(family_id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Starts a session (one login; its refresh tokens form the family with the same id) and
    /// returns the person's token version, for the access tokens issued in it.
    pub async fn start_session(&self, session_id: Uuid, user_id: Uuid) -> StoreResult<i64> {
        with_pool!(self, pool => {
            sqlx::query("INSERT INTO sessions (id, user_id, started_at) VALUES ($1, $2, $3)")
                .bind(session_id)
                .bind(user_id)
                .bind(now())
                .execute(pool)
                .await?;
        });
        self.token_version(user_id).await
    }

    /// The person's token version: access tokens that carry an older one are revoked.
    pub async fn token_version(&self, user_id: Uuid) -> StoreResult<i64> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar("SELECT token_version FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_one(pool)
                .await?
        }))
    }

    /// Whether an access token naming this person, session and token version still holds: the
    /// session has not ended and the version is current. One lookup by primary keys, made on
    /// every authenticated request.
    pub async fn session_is_live(
        &self,
        user_id: Uuid,
        session_id: Uuid,
        token_version: i64,
    ) -> StoreResult<bool> {
        let found: Option<i64> = with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT u.token_version FROM sessions s JOIN users u ON u.id = s.user_id \
                 WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND u.token_version = $3",
            )
            .bind(session_id)
            .bind(user_id)
            .bind(token_version)
            .fetch_optional(pool)
            .await?
        });
        Ok(found.is_some())
    }
}

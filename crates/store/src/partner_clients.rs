//! API clients of partner organisations (OAuth2 client credentials). Secrets are random and
//! long, so a SHA-256 hash is enough to store them safely.

use domain::Scopes;
use uuid::Uuid;

use crate::{Store, StoreResult, new_id, with_pool};

/// A client to register.
#[derive(Debug, Clone)]
pub struct NewPartnerClient {
    /// The public client id.
    pub client_id: String,
    /// SHA-256 of the secret.
    pub secret_hash: Vec<u8>,
    /// The partner organisation it acts for.
    pub organisation_id: Uuid,
    /// A name for people, such as "Andersom koppeling".
    pub name: String,
    /// What it may do.
    pub scopes: Scopes,
}

/// A stored client.
#[derive(Debug, Clone)]
pub struct PartnerClientRecord {
    /// The row's id.
    pub id: Uuid,
    /// The public client id.
    pub client_id: String,
    /// SHA-256 of the secret.
    pub secret_hash: Vec<u8>,
    /// The partner organisation it acts for.
    pub organisation_id: Uuid,
    /// What it may do.
    pub scopes: Scopes,
}

#[derive(sqlx::FromRow)]
struct PartnerClientRow {
    id: Uuid,
    client_id: String,
    secret_hash: Vec<u8>,
    organisation_id: Uuid,
    scopes: String,
}

impl Store {
    /// Registers a client; `Conflict` when the client id is taken.
    pub async fn create_partner_client(&self, new: &NewPartnerClient) -> StoreResult<Uuid> {
        let id = new_id();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO partner_clients \
                 (id, client_id, secret_hash, organisation_id, name, scopes, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(new.client_id.clone())
            .bind(new.secret_hash.clone())
            .bind(new.organisation_id)
            .bind(new.name.clone())
            .bind(new.scopes.to_string())
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        Ok(id)
    }

    /// The live (not revoked) client with this client id, if any.
    pub async fn find_partner_client(
        &self,
        client_id: &str,
    ) -> StoreResult<Option<PartnerClientRecord>> {
        let row: Option<PartnerClientRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, client_id, secret_hash, organisation_id, scopes FROM partner_clients \
                 WHERE client_id = $1 AND revoked_at IS NULL",
            )
            .bind(client_id.to_owned())
            .fetch_optional(pool)
            .await?
        });
        row.map(|row| {
            Ok(PartnerClientRecord {
                id: row.id,
                client_id: row.client_id,
                secret_hash: row.secret_hash,
                organisation_id: row.organisation_id,
                scopes: Scopes::parse(&row.scopes)?,
            })
        })
        .transpose()
    }

    /// Whether the client with this id (the row's, not the public client id) is still enabled:
    /// its access tokens stop working once it is revoked.
    pub async fn partner_client_is_active(&self, id: Uuid) -> StoreResult<bool> {
        let found: Option<Uuid> = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT id FROM partner_clients WHERE id = $1 AND revoked_at IS NULL")
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(found.is_some())
    }
}

//! Applications to become an ambassador, until the candidate confirms their e-mail address; after
//! that the row only says where the ambassador came from.

use chrono::{DateTime, Utc};
use domain::ambassador::{DocumentFormat, DocumentKind, IntakeStatus};
use domain::contract::application::application_status;
use domain::contract::{AmbassadorInput, Application, ApplicationStatus};
use uuid::Uuid;

use crate::ambassadors::{Document, from_json, to_json};
use crate::{Store, StoreError, StoreResult, new_id, with_pool};

/// A new application, checked and with its documents recognised.
#[derive(Debug)]
pub struct NewApplication<'a> {
    /// The profile the ambassador will get.
    pub profile: &'a AmbassadorInput,
    /// The employer the candidate named as sponsor.
    pub sponsoring_employer: Option<&'a str>,
    /// The partner client that sent it, with its `Idempotency-Key` and a hash of the request.
    pub partner: Option<PartnerSubmission<'a>>,
    /// The hash of the confirmation token; `None` when the address has an account already, so
    /// there is nothing to confirm.
    pub token_hash: Option<&'a [u8]>,
    /// The motivation letter.
    pub motivation_letter: &'a Document,
    /// The CV.
    pub cv: &'a Document,
    /// When it came in, which is when the candidate agreed to the privacy statement.
    pub submitted_at: DateTime<Utc>,
    /// The version of the privacy statement they agreed to.
    pub privacy_statement_version: &'a str,
    /// When the confirmation link stops working.
    pub expires_at: DateTime<Utc>,
}

/// Who sent an application for a candidate.
#[derive(Debug, Clone, Copy)]
pub struct PartnerSubmission<'a> {
    /// The partner client's id (the row's, not the OAuth `client_id`).
    pub client_id: Uuid,
    /// The key the partner sent.
    pub idempotency_key: &'a str,
    /// A hash of what it sent, to tell a retry from a different request under the same key.
    pub request_hash: &'a [u8],
}

/// An unconfirmed application with what confirming it needs.
#[derive(Debug)]
pub struct PendingApplication {
    /// The application's id.
    pub id: Uuid,
    /// The profile the ambassador gets; `None` once confirmed (it lives with the ambassador).
    pub profile: Option<AmbassadorInput>,
    /// The documents handed in.
    pub documents: Vec<Document>,
    /// When the link stops working.
    pub expires_at: DateTime<Utc>,
    /// When it was confirmed already, if it was.
    pub confirmed_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct ApplicationRow {
    id: Uuid,
    name: String,
    partner: Option<String>,
    sponsoring_employer: Option<String>,
    submitted_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    confirmed_at: Option<DateTime<Utc>>,
    ambassador_id: Option<Uuid>,
    ambassador_name: Option<String>,
    ambassador_status: Option<String>,
    privacy_statement_version: String,
    privacy_consented_at: DateTime<Utc>,
}

impl ApplicationRow {
    fn into_application(self, now: DateTime<Utc>) -> StoreResult<Application> {
        Ok(Application {
            id: self.id,
            name: self.ambassador_name.unwrap_or(self.name),
            status: application_status(self.confirmed_at, self.expires_at, now),
            partner: self.partner,
            sponsoring_employer: self.sponsoring_employer,
            submitted_at: self.submitted_at,
            expires_at: self.expires_at,
            confirmed_at: self.confirmed_at,
            ambassador_id: self.ambassador_id,
            intake_status: self
                .ambassador_status
                .as_deref()
                .map(IntakeStatus::parse)
                .transpose()?,
            privacy_statement_version: self.privacy_statement_version,
            privacy_consented_at: self.privacy_consented_at,
        })
    }
}

const SELECT: &str = "SELECT ap.id, ap.name, o.name AS partner, ap.sponsoring_employer, ap.submitted_at, \
     ap.expires_at, ap.confirmed_at, ap.ambassador_id, a.name AS ambassador_name, a.status AS ambassador_status, \
     ap.privacy_statement_version, ap.privacy_consented_at \
     FROM applications ap \
     LEFT JOIN partner_clients pc ON pc.id = ap.partner_client_id \
     LEFT JOIN organisations o ON o.id = pc.organisation_id \
     LEFT JOIN ambassadors a ON a.id = ap.ambassador_id";

impl Store {
    /// Stores an application. `Conflict` when the partner used its `Idempotency-Key` before
    /// (the caller then reads that one with [`Store::partner_application_by_key`]).
    pub async fn create_application(&self, new: &NewApplication<'_>) -> StoreResult<Uuid> {
        let id = new_id();
        let profile = to_json(new.profile, "an application's profile")?;
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO applications (id, name, email, profile, sponsoring_employer, partner_client_id, \
                 idempotency_key, request_hash, token_hash, motivation_type, motivation_letter, cv_type, cv, \
                 submitted_at, expires_at, privacy_statement_version, privacy_consented_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $14)",
            )
            .bind(id)
            .bind(&new.profile.name)
            .bind(&new.profile.email)
            .bind(&profile)
            .bind(new.sponsoring_employer)
            .bind(new.partner.map(|p| p.client_id))
            .bind(new.partner.map(|p| p.idempotency_key))
            .bind(new.partner.map(|p| p.request_hash.to_vec()))
            .bind(new.token_hash.map(<[u8]>::to_vec))
            .bind(new.motivation_letter.format.media_type())
            .bind(&new.motivation_letter.content)
            .bind(new.cv.format.media_type())
            .bind(&new.cv.content)
            .bind(new.submitted_at)
            .bind(new.expires_at)
            .bind(new.privacy_statement_version)
            .execute(pool)
            .await?;
        });
        Ok(id)
    }

    /// The application a partner client sent under `key`, with the hash of that request.
    pub async fn partner_application_by_key(
        &self,
        client_id: Uuid,
        key: &str,
    ) -> StoreResult<Option<(Uuid, Vec<u8>)>> {
        let row: Option<(Uuid, Option<Vec<u8>>)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, request_hash FROM applications WHERE partner_client_id = $1 AND idempotency_key = $2",
            )
            .bind(client_id)
            .bind(key)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(|(id, hash)| (id, hash.unwrap_or_default())))
    }

    /// The partner client that applied for ambassador `ambassador_id`, with the application's
    /// id; `None` when they applied themselves (or were added by staff).
    pub async fn applying_client(&self, ambassador_id: Uuid) -> StoreResult<Option<(Uuid, Uuid)>> {
        let row: Option<(Option<Uuid>, Uuid)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT partner_client_id, id FROM applications WHERE ambassador_id = $1 \
                 ORDER BY confirmed_at DESC LIMIT 1",
            )
            .bind(ambassador_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.and_then(|(client, application)| Some((client?, application))))
    }

    /// One application; `NotFound` when there is none, or it is not `partner_client`'s when
    /// that is given.
    pub async fn get_application(
        &self,
        id: Uuid,
        partner_client: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> StoreResult<Application> {
        let row: ApplicationRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE ap.id = ").push_bind(id);
            if let Some(client) = partner_client {
                query.push(" AND ap.partner_client_id = ").push_bind(client);
            }
            query.build_query_as().fetch_one(pool).await?
        });
        row.into_application(now)
    }

    /// Applications newest first, all of them or one partner client's, optionally in one
    /// status, after the cursor `after` (an id).
    pub async fn list_applications(
        &self,
        partner_client: Option<Uuid>,
        status: Option<ApplicationStatus>,
        now: DateTime<Utc>,
        after: Option<Uuid>,
        limit: i64,
    ) -> StoreResult<Vec<Application>> {
        let rows: Vec<ApplicationRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE 1 = 1");
            if let Some(client) = partner_client {
                query.push(" AND ap.partner_client_id = ").push_bind(client);
            }
            match status {
                Some(ApplicationStatus::Confirmed) => {
                    query.push(" AND ap.confirmed_at IS NOT NULL");
                }
                Some(ApplicationStatus::AwaitingConfirmation) => {
                    query.push(" AND ap.confirmed_at IS NULL AND ap.expires_at > ").push_bind(now);
                }
                Some(ApplicationStatus::Expired) => {
                    query.push(" AND ap.confirmed_at IS NULL AND ap.expires_at <= ").push_bind(now);
                }
                None => {}
            }
            if let Some(after) = after {
                // Ids are time-ordered (v7), so "newest first" is "id descending".
                query.push(" AND ap.id < ").push_bind(after);
            }
            query.push(" ORDER BY ap.id DESC LIMIT ").push_bind(limit);
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|row| row.into_application(now))
            .collect()
    }

    /// The application whose confirmation token hashes to `token_hash`.
    pub async fn pending_application(&self, token_hash: &[u8]) -> StoreResult<PendingApplication> {
        #[allow(clippy::type_complexity)]
        let row: (
            Uuid,
            String,
            Option<String>,
            Option<Vec<u8>>,
            Option<String>,
            Option<Vec<u8>>,
            DateTime<Utc>,
            Option<DateTime<Utc>>,
        ) = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, profile, motivation_type, motivation_letter, cv_type, cv, expires_at, confirmed_at \
                 FROM applications WHERE token_hash = $1",
            )
            .bind(token_hash.to_vec())
            .fetch_one(pool)
            .await?
        });
        let (id, profile, motivation_type, motivation, cv_type, cv, expires_at, confirmed_at) = row;
        let mut documents = Vec::new();
        for (kind, media_type, content) in [
            (DocumentKind::MotivationLetter, motivation_type, motivation),
            (DocumentKind::Cv, cv_type, cv),
        ] {
            if let (Some(media_type), Some(content)) = (media_type, content) {
                let format = DocumentFormat::from_media_type(&media_type).ok_or_else(|| {
                    StoreError::Corrupt(format!("unknown document type {media_type}"))
                })?;
                documents.push(Document {
                    kind,
                    format,
                    content,
                });
            }
        }
        Ok(PendingApplication {
            id,
            // Cleared (`{}`) once confirmed: then there is nothing to make from it.
            profile: match confirmed_at {
                Some(_) => None,
                None => Some(from_json(&profile, "an application's profile")?),
            },
            documents,
            expires_at,
            confirmed_at,
        })
    }

    /// Marks an application confirmed into `ambassador_id` at `at`, and clears what now lives
    /// with the ambassador: name, address, profile and documents. `false` when it was confirmed
    /// meanwhile.
    pub async fn complete_application(
        &self,
        id: Uuid,
        ambassador_id: Uuid,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE applications SET confirmed_at = $1, ambassador_id = $2, name = '', email = '', \
                 profile = '{}', motivation_type = NULL, motivation_letter = NULL, cv_type = NULL, cv = NULL \
                 WHERE id = $3 AND confirmed_at IS NULL",
            )
            .bind(at)
            .bind(ambassador_id)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(changed == 1)
    }

    /// Deletes the applications that expired unconfirmed on or before `expired_by`, documents
    /// and all. Returns how many went.
    pub async fn purge_expired_applications(&self, expired_by: DateTime<Utc>) -> StoreResult<u64> {
        Ok(with_pool!(self, pool => {
            sqlx::query("DELETE FROM applications WHERE confirmed_at IS NULL AND expires_at <= $1")
                .bind(expired_by)
                .execute(pool)
                .await?
                .rows_affected()
        }))
    }
}

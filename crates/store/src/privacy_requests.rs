//! Requests of a data subject: to see their data or have it erased, made on their own page or
//! recorded by programme staff; and what a person's data export reads besides the ambassador
//! profile (their account, roles and the e-mails sent to them).

use chrono::{DateTime, NaiveDate, Utc};
use domain::Role;
use domain::contract::{
    KeptRecord, PersonalAccount, PersonalMessage, PersonalRole, PrivacyRequest,
    PrivacyRequestChannel, PrivacyRequestKind, PrivacyRequestStatus,
};
use uuid::Uuid;

use crate::ambassadors::{from_json, to_json};
use crate::error::conflict_says;
use crate::{Store, StoreError, StoreResult, new_id, with_pool};

/// A request to store.
#[derive(Debug, Clone)]
pub struct NewPrivacyRequest<'a> {
    /// The person it is about.
    pub user_id: Uuid,
    /// What they ask for.
    pub kind: PrivacyRequestKind,
    /// How it came.
    pub channel: PrivacyRequestChannel,
    /// What they or staff added.
    pub note: Option<&'a str>,
    /// The day it was received.
    pub received_on: NaiveDate,
    /// The staff member who recorded it (letter, e-mail).
    pub recorded_by: Option<Uuid>,
}

/// A request's new status, with who set it.
#[derive(Debug, Clone)]
pub struct PrivacyRequestChange<'a> {
    /// The new status.
    pub status: PrivacyRequestStatus,
    /// The staff member.
    pub handled_by: Uuid,
    /// The answer to the person, if any.
    pub answer: Option<&'a str>,
    /// What an answered erasure kept, as the person is told.
    pub kept: &'a [KeptRecord],
}

#[derive(sqlx::FromRow)]
struct RequestRow {
    id: Uuid,
    user_id: Option<Uuid>,
    name: Option<String>,
    kind: String,
    channel: String,
    status: String,
    note: Option<String>,
    received_on: NaiveDate,
    recorded_by: Option<String>,
    handled_by: Option<String>,
    closed_at: Option<DateTime<Utc>>,
    answer: Option<String>,
    kept: Option<String>,
    created_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT r.id, r.user_id, u.name, r.kind, r.channel, r.status, r.note, \
     r.received_on, rb.name AS recorded_by, hb.name AS handled_by, r.closed_at, r.answer, r.kept, \
     r.created_at FROM privacy_requests r \
     LEFT JOIN users u ON u.id = r.user_id \
     LEFT JOIN users rb ON rb.id = r.recorded_by \
     LEFT JOIN users hb ON hb.id = r.handled_by";

const OPEN: &str = "r.status IN ('received', 'in_progress')";

fn corrupt(e: domain::ParseError) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

impl RequestRow {
    /// The request as stored; `overdue` is left false for the caller, who knows today.
    fn into_request(self, roles: Vec<Role>) -> StoreResult<PrivacyRequest> {
        let status = PrivacyRequestStatus::parse(&self.status).map_err(corrupt)?;
        Ok(PrivacyRequest {
            id: self.id,
            kind: PrivacyRequestKind::parse(&self.kind).map_err(corrupt)?,
            channel: PrivacyRequestChannel::parse(&self.channel).map_err(corrupt)?,
            status,
            user_id: self.user_id,
            name: self.name.unwrap_or_else(|| "Verwijderd".to_owned()),
            roles,
            note: self.note,
            received_on: self.received_on,
            answer_due: domain::privacy_request::answer_due(self.received_on),
            overdue: false,
            recorded_by: self.recorded_by,
            handled_by: self.handled_by,
            closed_at: self.closed_at,
            answer: self.answer,
            kept: match self.kept {
                Some(text) => from_json(&text, "the records kept")?,
                None => Vec::new(),
            },
            created_at: self.created_at,
        })
    }
}

impl Store {
    /// Stores a request; `Conflict` when the person has one of this kind open already.
    pub async fn create_privacy_request(
        &self,
        new: &NewPrivacyRequest<'_>,
    ) -> StoreResult<PrivacyRequest> {
        let id = new_id();
        let at = self.now();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO privacy_requests (id, user_id, kind, channel, status, note, received_on, \
                 recorded_by, created_at) VALUES ($1, $2, $3, $4, 'received', $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(new.user_id)
            .bind(new.kind.as_str())
            .bind(new.channel.as_str())
            .bind(new.note)
            .bind(new.received_on)
            .bind(new.recorded_by)
            .bind(at)
            .execute(pool)
            .await
            .map_err(|e| conflict_says(e, "a request of this kind is open already"))?;
        });
        self.privacy_request(id).await
    }

    /// One request.
    pub async fn privacy_request(&self, id: Uuid) -> StoreResult<PrivacyRequest> {
        let row: RequestRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE r.id = ").push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        });
        self.with_roles(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// The person's open request of `kind`, if any.
    pub async fn open_privacy_request(
        &self,
        user_id: Uuid,
        kind: PrivacyRequestKind,
    ) -> StoreResult<Option<PrivacyRequest>> {
        let rows: Vec<RequestRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query
                .push(" WHERE r.user_id = ")
                .push_bind(user_id)
                .push(" AND r.kind = ")
                .push_bind(kind.as_str())
                .push(" AND ")
                .push(OPEN);
            query.build_query_as().fetch_all(pool).await?
        });
        Ok(self.with_roles(rows).await?.pop())
    }

    /// Every request of one person, newest first.
    pub async fn privacy_requests_of(&self, user_id: Uuid) -> StoreResult<Vec<PrivacyRequest>> {
        let rows: Vec<RequestRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query
                .push(" WHERE r.user_id = ")
                .push_bind(user_id)
                .push(" ORDER BY r.created_at DESC, r.id");
            query.build_query_as().fetch_all(pool).await?
        });
        self.with_roles(rows).await
    }

    /// The open requests, the first due first; or the closed ones (at most `limit`), the
    /// last closed first.
    pub async fn list_privacy_requests(
        &self,
        open: bool,
        limit: u32,
    ) -> StoreResult<Vec<PrivacyRequest>> {
        let rows: Vec<RequestRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            if open {
                query.push(" WHERE ").push(OPEN).push(" ORDER BY r.received_on, r.created_at, r.id");
            } else {
                query
                    .push(" WHERE NOT (")
                    .push(OPEN)
                    .push(") ORDER BY r.closed_at DESC, r.id");
            }
            query.push(" LIMIT ").push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        self.with_roles(rows).await
    }

    /// Moves a request to `change.status`; `Conflict` when it was closed meanwhile. Closing
    /// stamps it with the application's now.
    pub async fn change_privacy_request(
        &self,
        id: Uuid,
        change: &PrivacyRequestChange<'_>,
    ) -> StoreResult<PrivacyRequest> {
        let closes = !domain::privacy_request::is_open(change.status);
        let closed_at = closes.then(|| self.now());
        let kept = if change.kept.is_empty() {
            None
        } else {
            Some(to_json(&change.kept, "the records kept")?)
        };
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE privacy_requests SET status = $1, handled_by = $2, answer = COALESCE($3, answer), \
                 kept = COALESCE($4, kept), closed_at = $5 \
                 WHERE id = $6 AND status IN ('received', 'in_progress')",
            )
            .bind(change.status.as_str())
            .bind(change.handled_by)
            .bind(change.answer)
            .bind(kept)
            .bind(closed_at)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        if changed == 0 {
            return Err(StoreError::Conflict("the request is closed already".into()));
        }
        self.privacy_request(id).await
    }

    /// Closes the person's open erasure request, if any, as answered by `handled_by` (none:
    /// the retention sweep), with what the erasure kept.
    pub async fn close_erasure_request_of(
        &self,
        user_id: Uuid,
        handled_by: Option<Uuid>,
        kept: &[KeptRecord],
    ) -> StoreResult<()> {
        let kept = to_json(&kept, "the records kept")?;
        let at = self.now();
        with_pool!(self, pool => {
            sqlx::query(
                "UPDATE privacy_requests SET status = 'done', handled_by = COALESCE($1, handled_by), \
                 kept = $2, closed_at = $3 \
                 WHERE user_id = $4 AND kind = 'erasure' AND status IN ('received', 'in_progress')",
            )
            .bind(handled_by)
            .bind(kept)
            .bind(at)
            .bind(user_id)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// When the person's last allowance line was paid, if one was.
    pub async fn last_payment_of_user(&self, user_id: Uuid) -> StoreResult<Option<DateTime<Utc>>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT MAX(l.paid_at) FROM statement_lines l JOIN ambassadors a ON a.id = l.ambassador_id \
                 WHERE a.user_id = $1 AND l.status = 'paid'",
            )
            .bind(user_id)
            .fetch_one(pool)
            .await?
        }))
    }

    /// A person's account with their roles, each in its organisation.
    pub async fn personal_account(&self, user_id: Uuid) -> StoreResult<PersonalAccount> {
        let (id, name, email, created_at): (Uuid, String, String, DateTime<Utc>) = with_pool!(self, pool => {
            sqlx::query_as("SELECT id, name, email, created_at FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_one(pool)
                .await?
        });
        let roles: Vec<(Uuid, String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT o.id, o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
                 WHERE m.user_id = $1 ORDER BY o.name, m.role",
            )
            .bind(user_id)
            .fetch_all(pool)
            .await?
        });
        let roles = roles
            .into_iter()
            .map(|(organisation_id, organisation_name, role)| {
                Ok(PersonalRole {
                    organisation_id,
                    organisation_name,
                    role: Role::parse(&role).map_err(corrupt)?,
                })
            })
            .collect::<StoreResult<_>>()?;
        Ok(PersonalAccount {
            id,
            name,
            email,
            created_at,
            roles,
        })
    }

    /// The e-mails to `address` that are still kept, newest first.
    pub async fn messages_to(&self, address: &str) -> StoreResult<Vec<PersonalMessage>> {
        let rows: Vec<(String, DateTime<Utc>, Option<DateTime<Utc>>)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT subject, created_at, sent_at FROM outbox WHERE channel = 'email' \
                 AND lower(recipient) = lower($1) ORDER BY created_at DESC, id",
            )
            .bind(address)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(subject, created_at, sent_at)| PersonalMessage {
                subject,
                created_at,
                sent_at,
            })
            .collect())
    }

    /// The rows as requests, each with its person's roles (an ambassador counts as a role),
    /// read for all of them in one query.
    async fn with_roles(&self, rows: Vec<RequestRow>) -> StoreResult<Vec<PrivacyRequest>> {
        let mut people: Vec<Uuid> = rows.iter().filter_map(|r| r.user_id).collect();
        people.sort_unstable();
        people.dedup();
        let held: Vec<(Uuid, String)> = if people.is_empty() {
            Vec::new()
        } else {
            with_pool!(self, pool => {
                let mut query = sqlx::QueryBuilder::new(
                    "SELECT user_id, role FROM memberships WHERE user_id IN (",
                );
                let mut list = query.separated(", ");
                for id in &people {
                    list.push_bind(*id);
                }
                query.push(") UNION SELECT user_id, 'ambassador' FROM ambassadors WHERE user_id IN (");
                let mut list = query.separated(", ");
                for id in &people {
                    list.push_bind(*id);
                }
                query.push(") ORDER BY 1, 2");
                query.build_query_as().fetch_all(pool).await?
            })
        };
        rows.into_iter()
            .map(|row| {
                let roles = held
                    .iter()
                    .filter(|(user, _)| Some(*user) == row.user_id)
                    .map(|(_, role)| Role::parse(role).map_err(corrupt))
                    .collect::<StoreResult<Vec<Role>>>()?;
                row.into_request(roles)
            })
            .collect()
    }
}

//! Ambassadors: their profile, intake steps, VOG records and intake documents.

use chrono::{DateTime, NaiveDate, Utc};
use domain::SchoolType;
use domain::ambassador::{DocumentFormat, DocumentKind, IntakeStatus};
use domain::contract::{
    Ambassador, AmbassadorInput, AmbassadorListItem, DocumentInfo, IntakeStep, VogInput, VogRecord,
    VogValidity,
};
use domain::vog::{VogFacts, VogOutcome};
use serde::{Serialize, de::DeserializeOwned};
use uuid::Uuid;

use crate::{Store, StoreError, StoreResult, live_statuses, new_id, with_pool};

/// Who did something, for the records that name them.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    /// The user's id.
    pub id: Uuid,
    /// The user's name.
    pub name: &'a str,
}

#[derive(sqlx::FromRow)]
struct AmbassadorRow {
    id: Uuid,
    user_id: Option<Uuid>,
    profile: String,
    employer_name: Option<String>,
    status: String,
    intake_decided_on: Option<NaiveDate>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct VogRow {
    id: Uuid,
    ambassador_id: Uuid,
    issued_on: NaiveDate,
    seen_on: NaiveDate,
    seen_by_name: String,
    outcome: String,
    recorded_at: DateTime<Utc>,
}

impl TryFrom<VogRow> for VogRecord {
    type Error = StoreError;
    fn try_from(row: VogRow) -> StoreResult<Self> {
        Ok(VogRecord {
            id: row.id,
            issued_on: row.issued_on,
            seen_on: row.seen_on,
            seen_by_name: row.seen_by_name,
            outcome: VogOutcome::parse(&row.outcome)?,
            recorded_at: row.recorded_at,
        })
    }
}

pub(crate) fn to_json<T: Serialize>(value: &T, what: &str) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

pub(crate) fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

const SELECT: &str = "SELECT a.id, a.user_id, a.profile, e.name AS employer_name, a.status, \
     a.intake_decided_on, a.created_at, a.updated_at \
     FROM ambassadors a LEFT JOIN organisations e ON e.id = a.employer_id";

/// Records an intake step: id, ambassador, status, day, by (id, name), note, recorded at.
pub(crate) const INSERT_STEP: &str = "INSERT INTO intake_steps \
     (id, ambassador_id, status, on_date, by_user_id, by_name, note, recorded_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

const SELECT_VOG: &str = "SELECT id, ambassador_id, issued_on, seen_on, seen_by_name, outcome, recorded_at \
     FROM vog_records";

/// A document with its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Motivation letter or CV.
    pub kind: DocumentKind,
    /// As recognised from the content.
    pub format: DocumentFormat,
    /// The bytes.
    pub content: Vec<u8>,
}

impl Store {
    /// Registers an ambassador from validated input, with a first intake step `registered`.
    pub async fn create_ambassador(
        &self,
        input: &AmbassadorInput,
        user_id: Option<Uuid>,
        by: Option<Actor<'_>>,
        today: NaiveDate,
    ) -> StoreResult<Ambassador> {
        let id = new_id();
        let at = self.now();
        let profile = to_json(input, "an ambassador's profile")?;
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO ambassadors (id, user_id, name, email, employer_id, profile, status, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
            )
            .bind(id)
            .bind(user_id)
            .bind(&input.name)
            .bind(&input.email)
            .bind(input.employer_id)
            .bind(&profile)
            .bind(IntakeStatus::Registered.as_str())
            .bind(at)
            .execute(&mut *tx)
            .await?;
            sqlx::query(INSERT_STEP)
            .bind(new_id())
            .bind(id)
            .bind(IntakeStatus::Registered.as_str())
            .bind(today)
            .bind(by.map(|b| b.id))
            .bind(by.map(|b| b.name.to_owned()))
            .bind(None::<String>)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        self.get_ambassador(id).await
    }

    /// One ambassador, with their latest VOG; `NotFound` for an unknown or erased one.
    pub async fn get_ambassador(&self, id: Uuid) -> StoreResult<Ambassador> {
        let row: AmbassadorRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE a.erased_at IS NULL AND a.id = ").push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        });
        let vog = self.list_vogs(id).await?.into_iter().next();
        ambassador(row, vog)
    }

    /// The ambassador profile of a user account, or `NotFound`.
    pub async fn ambassador_of_user(&self, user_id: Uuid) -> StoreResult<Ambassador> {
        let id: Uuid = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT id FROM ambassadors WHERE user_id = $1 AND erased_at IS NULL")
                .bind(user_id)
                .fetch_one(pool)
                .await?
        });
        self.get_ambassador(id).await
    }

    /// Replaces an ambassador's profile with validated input.
    pub async fn update_ambassador(
        &self,
        id: Uuid,
        input: &AmbassadorInput,
    ) -> StoreResult<Ambassador> {
        let profile = to_json(input, "an ambassador's profile")?;
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE ambassadors SET name = $1, email = $2, employer_id = $3, profile = $4, updated_at = $5 \
                 WHERE id = $6 AND erased_at IS NULL",
            )
            .bind(&input.name)
            .bind(&input.email)
            .bind(input.employer_id)
            .bind(&profile)
            .bind(self.now())
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        self.get_ambassador(id).await
    }

    /// A page of ambassadors in id order, optionally with one status, with their VOG's
    /// validity for a placement starting `today`.
    pub async fn list_ambassadors(
        &self,
        status: Option<IntakeStatus>,
        today: NaiveDate,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<AmbassadorListItem>> {
        let rows: Vec<AmbassadorRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE a.erased_at IS NULL");
            if let Some(status) = status {
                query.push(" AND a.status = ").push_bind(status.as_str());
            }
            if let Some(after) = after {
                query.push(" AND a.id > ").push_bind(after);
            }
            query.push(" ORDER BY a.id LIMIT ").push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let vogs = self.vogs_of(&ids).await?;
        rows.into_iter()
            .map(|row| {
                let records: Vec<&VogRecord> = vogs
                    .iter()
                    .filter(|(id, _)| *id == row.id)
                    .map(|(_, v)| v)
                    .collect();
                // Newest by issue date first, as `list_vogs` orders them.
                let a = ambassador(row, records.first().map(|v| (*v).clone()))?;
                let facts: Vec<VogFacts> = records.iter().map(|v| facts(v)).collect();
                let valid = |t| domain::vog::check_records(&facts, t, today).is_ok();
                let mut expertise = a.profile.expertise.clone();
                expertise.extend(a.profile.themes.iter().cloned());
                Ok(AmbassadorListItem {
                    id: a.id,
                    name: a.profile.name.clone(),
                    email: a.profile.email.clone(),
                    status: a.status,
                    weekdays: a.profile.weekdays.clone(),
                    expertise,
                    vog: VogValidity {
                        po: valid(SchoolType::Po),
                        vo: valid(SchoolType::Vo),
                        issued_on: a.vog.as_ref().map(|v| v.issued_on),
                        outcome: a.vog.as_ref().map(|v| v.outcome),
                    },
                })
            })
            .collect()
    }

    /// Every ambassador with a status, whole, for the matching engine.
    pub async fn ambassadors_with_status(
        &self,
        status: IntakeStatus,
    ) -> StoreResult<Vec<Ambassador>> {
        let rows: Vec<AmbassadorRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE a.erased_at IS NULL AND a.status = ").push_bind(status.as_str());
            query.push(" ORDER BY a.id");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(|row| ambassador(row, None)).collect()
    }

    /// Records an intake step: the new status, the day, who, and a note. Moves the status only
    /// if it is still `from` (else `Conflict`); `decided` records the day of the intake decision.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_intake_step(
        &self,
        id: Uuid,
        from: IntakeStatus,
        to: IntakeStatus,
        on: NaiveDate,
        by: Option<Actor<'_>>,
        note: Option<&str>,
        decided: bool,
    ) -> StoreResult<Ambassador> {
        let at = self.now();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "UPDATE ambassadors SET status = $1, updated_at = $2, \
                 intake_decided_on = CASE WHEN $3 THEN $4 ELSE intake_decided_on END \
                 WHERE id = $5 AND status = $6 AND erased_at IS NULL",
            )
            .bind(to.as_str())
            .bind(at)
            .bind(decided)
            .bind(on)
            .bind(id)
            .bind(from.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::Conflict("the ambassador changed in the meantime; reload".into()));
            }
            sqlx::query(INSERT_STEP)
            .bind(new_id())
            .bind(id)
            .bind(to.as_str())
            .bind(on)
            .bind(by.map(|b| b.id))
            .bind(by.map(|b| b.name.to_owned()))
            .bind(note.map(str::to_owned))
            .bind(at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        self.get_ambassador(id).await
    }

    /// The intake steps, oldest first.
    pub async fn list_intake_steps(&self, id: Uuid) -> StoreResult<Vec<IntakeStep>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            status: String,
            on_date: NaiveDate,
            by_name: Option<String>,
            note: Option<String>,
            recorded_at: DateTime<Utc>,
        }
        let rows: Vec<Row> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT status, on_date, by_name, note, recorded_at FROM intake_steps \
                 WHERE ambassador_id = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|r| {
                Ok(IntakeStep {
                    status: IntakeStatus::parse(&r.status)?,
                    on: r.on_date,
                    by_name: r.by_name,
                    note: r.note,
                    recorded_at: r.recorded_at,
                })
            })
            .collect()
    }

    /// Records a VOG seen by `by`.
    pub async fn record_vog(
        &self,
        id: Uuid,
        input: &VogInput,
        by: Actor<'_>,
    ) -> StoreResult<VogRecord> {
        let record_id = new_id();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO vog_records (id, ambassador_id, issued_on, seen_on, seen_by_user_id, seen_by_name, outcome, recorded_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(record_id)
            .bind(id)
            .bind(input.issued_on)
            .bind(input.seen_on)
            .bind(by.id)
            .bind(by.name)
            .bind(input.outcome.as_str())
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        self.list_vogs(id)
            .await?
            .into_iter()
            .find(|v| v.id == record_id)
            .ok_or(StoreError::NotFound)
    }

    /// Every VOG on record for an ambassador, newest by issue date first (then the latest
    /// recorded): the order in which they decide, not the order they were typed in.
    pub async fn list_vogs(&self, id: Uuid) -> StoreResult<Vec<VogRecord>> {
        let rows: Vec<VogRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_VOG);
            query
                .push(" WHERE ambassador_id = ")
                .push_bind(id)
                .push(" ORDER BY issued_on DESC, id DESC");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// Every VOG of each of `ids`, by ambassador and then newest by issue date first.
    async fn vogs_of(&self, ids: &[Uuid]) -> StoreResult<Vec<(Uuid, VogRecord)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<VogRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_VOG);
            query.push(" WHERE ambassador_id IN (");
            let mut list = query.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            query.push(") ORDER BY ambassador_id, issued_on DESC, id DESC");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|row| Ok((row.ambassador_id, row.try_into()?)))
            .collect()
    }

    /// Stores (or replaces) an intake document.
    pub async fn put_document(&self, id: Uuid, document: &Document) -> StoreResult<DocumentInfo> {
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM ambassador_documents WHERE ambassador_id = $1 AND kind = $2")
                .bind(id)
                .bind(document.kind.as_str())
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO ambassador_documents (ambassador_id, kind, media_type, size, content, uploaded_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(document.kind.as_str())
            .bind(document.format.media_type())
            .bind(document.content.len() as i64)
            .bind(&document.content)
            .bind(self.now())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        self.list_documents(id)
            .await?
            .into_iter()
            .find(|d| d.kind == document.kind)
            .ok_or(StoreError::NotFound)
    }

    /// The intake documents still kept, without content.
    pub async fn list_documents(&self, id: Uuid) -> StoreResult<Vec<DocumentInfo>> {
        let rows: Vec<(String, String, i64, DateTime<Utc>)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT kind, media_type, size, uploaded_at FROM ambassador_documents \
                 WHERE ambassador_id = $1 ORDER BY kind",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(kind, media_type, size, uploaded_at)| {
                Ok(DocumentInfo {
                    kind: DocumentKind::parse(&kind)?,
                    media_type,
                    size,
                    uploaded_at,
                })
            })
            .collect()
    }

    /// One document with its content, or `NotFound`.
    pub async fn get_document(&self, id: Uuid, kind: DocumentKind) -> StoreResult<Document> {
        let (media_type, content): (String, Vec<u8>) = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT media_type, content FROM ambassador_documents WHERE ambassador_id = $1 AND kind = $2",
            )
            .bind(id)
            .bind(kind.as_str())
            .fetch_one(pool)
            .await?
        });
        let format = DocumentFormat::from_media_type(&media_type)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown document type {media_type}")))?;
        Ok(Document {
            kind,
            format,
            content,
        })
    }

    /// Deletes the documents of everyone whose intake was decided on or before `decided_by`.
    /// Returns how many documents went.
    pub async fn purge_documents(&self, decided_by: NaiveDate) -> StoreResult<u64> {
        Ok(with_pool!(self, pool => {
            sqlx::query(
                "DELETE FROM ambassador_documents WHERE ambassador_id IN \
                 (SELECT id FROM ambassadors WHERE intake_decided_on IS NOT NULL AND intake_decided_on <= $1)",
            )
            .bind(decided_by)
            .execute(pool)
            .await?
            .rows_affected()
        }))
    }

    /// Erases an ambassador's personal data: the profile is replaced by an anonymous one, the
    /// documents, VOG records, concern texts and intake notes go, and their user account loses its
    /// name, address, password, roles and sessions. Matches and proposals stay (they are the
    /// schools' history too) but point at nobody. Refused (`Conflict`) while a match is live.
    pub async fn erase_ambassador(&self, id: Uuid, anonymous: &AmbassadorInput) -> StoreResult<()> {
        let profile = to_json(anonymous, "an anonymous profile")?;
        let at = self.now();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let user_id: Option<Uuid> = sqlx::query_scalar(
                "SELECT user_id FROM ambassadors WHERE id = $1 AND erased_at IS NULL",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let live: i64 = sqlx::query_scalar(concat!(
                "SELECT COUNT(*) FROM matches WHERE ambassador_id = $1 AND status IN ",
                live_statuses!()
            ))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            if live > 0 {
                return Err(StoreError::Conflict(
                    "the ambassador is in a live match; decline or end it first".into(),
                ));
            }
            for sql in [
                "DELETE FROM ambassador_documents WHERE ambassador_id = $1",
                "DELETE FROM vog_records WHERE ambassador_id = $1",
                "UPDATE intake_steps SET note = NULL WHERE ambassador_id = $1",
                "UPDATE concerns SET text = '', reported_by_name = '' WHERE match_id IN \
                 (SELECT id FROM matches WHERE ambassador_id = $1)",
                "UPDATE matches SET meeting_place = NULL, reason = NULL WHERE ambassador_id = $1",
                // Hours stay as the school's and the allowance's record; what was written goes.
                "UPDATE hour_entries SET note = '', kind_reason = NULL WHERE ambassador_id = $1",
                "UPDATE applications SET sponsoring_employer = NULL WHERE ambassador_id = $1",
            ] {
                sqlx::query(sql).bind(id).execute(&mut *tx).await?;
            }
            sqlx::query(
                "UPDATE ambassadors SET user_id = NULL, name = $1, email = '', employer_id = NULL, profile = $2, \
                 status = 'ended', erased_at = $3, updated_at = $3 WHERE id = $4",
            )
            .bind(&anonymous.name)
            .bind(&profile)
            .bind(at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if let Some(user_id) = user_id {
                for sql in [
                    "DELETE FROM memberships WHERE user_id = $1",
                    "DELETE FROM refresh_tokens WHERE user_id = $1",
                    // A reset link mailed before must not give the emptied account a password.
                    "DELETE FROM password_resets WHERE user_id = $1",
                ] {
                    sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
                }
                // The version bump revokes every access token the person still holds.
                sqlx::query(
                    "UPDATE users SET name = 'Verwijderd', email = $1, password_hash = '', \
                     token_version = token_version + 1 WHERE id = $2",
                )
                .bind(format!("verwijderd-{user_id}@invalid"))
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }
}

/// The facts of a record that decide its validity.
pub fn facts(vog: &VogRecord) -> VogFacts {
    VogFacts {
        issued_on: vog.issued_on,
        seen_on: vog.seen_on,
        outcome: vog.outcome,
    }
}

fn ambassador(row: AmbassadorRow, vog: Option<VogRecord>) -> StoreResult<Ambassador> {
    Ok(Ambassador {
        id: row.id,
        user_id: row.user_id,
        profile: from_json(&row.profile, "an ambassador's profile")?,
        employer_name: row.employer_name,
        status: IntakeStatus::parse(&row.status)?,
        intake_decided_on: row.intake_decided_on,
        vog,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

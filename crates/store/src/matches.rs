//! Matches between ambassadors and placements, their transitions and the concerns reported
//! about them. A transition also moves the ambassador's intake status and the placement's
//! status, in the same transaction, so the three never disagree.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use domain::Region;
use domain::ambassador::IntakeStatus;
use domain::contract::{Concern, Match, MatchQuery, Meeting};
use domain::match_lifecycle::{MatchStatus, Side};
use domain::matching::ScorePart;
use uuid::Uuid;

use crate::ambassadors::{Actor, INSERT_STEP, from_json, to_json};
use crate::matching_runs::{AMBASSADOR_SUMMARY, PLACEMENT_SUMMARY, SummaryColumns};
use crate::{
    Store, StoreError, StoreResult, live_statuses, new_id, placed_statuses, placement_room,
    with_pool,
};

/// A new match.
#[derive(Debug, Clone)]
pub struct NewMatch {
    /// The placement.
    pub placement_id: Uuid,
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// The run it comes from.
    pub run_id: Option<Uuid>,
    /// The score.
    pub score: u32,
    /// The score's parts.
    pub breakdown: Vec<ScorePart>,
    /// The Dutch reasons.
    pub reasons: Vec<String>,
}

/// What a transition writes: the fields of the match after it.
#[derive(Debug, Clone)]
pub struct MatchUpdate {
    /// The status after the transition.
    pub status: MatchStatus,
    /// The meeting.
    pub meeting: Option<Meeting>,
    /// When the school confirmed.
    pub school_confirmed_at: Option<DateTime<Utc>>,
    /// When the ambassador confirmed.
    pub ambassador_confirmed_at: Option<DateTime<Utc>>,
    /// The first day.
    pub starts_on: Option<NaiveDate>,
    /// Who declined.
    pub declined_by: Option<Side>,
    /// The last day.
    pub ended_on: Option<NaiveDate>,
    /// Why declined or ended.
    pub reason: Option<String>,
}

#[derive(sqlx::FromRow)]
struct MatchRow {
    id: Uuid,
    run_id: Option<Uuid>,
    status: String,
    score: i32,
    breakdown: String,
    reasons: String,
    meeting_at: Option<NaiveDateTime>,
    meeting_place: Option<String>,
    school_confirmed_at: Option<DateTime<Utc>>,
    ambassador_confirmed_at: Option<DateTime<Utc>>,
    starts_on: Option<NaiveDate>,
    declined_by: Option<String>,
    ended_on: Option<NaiveDate>,
    reason: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    #[sqlx(flatten)]
    summary: SummaryColumns,
}

fn select() -> String {
    format!(
        "SELECT m.id, m.run_id, m.status, m.score, m.breakdown, m.reasons, m.meeting_at, m.meeting_place, \
         m.school_confirmed_at, m.ambassador_confirmed_at, m.starts_on, m.declined_by, m.ended_on, m.reason, \
         m.created_at, m.updated_at, {PLACEMENT_SUMMARY}, {AMBASSADOR_SUMMARY} \
         FROM matches m JOIN placements p ON p.id = m.placement_id JOIN organisations o ON o.id = p.school_id \
         JOIN ambassadors a ON a.id = m.ambassador_id LEFT JOIN organisations e ON e.id = a.employer_id"
    )
}

impl TryFrom<MatchRow> for Match {
    type Error = StoreError;
    fn try_from(row: MatchRow) -> StoreResult<Self> {
        Ok(Match {
            id: row.id,
            placement: row.summary.placement()?,
            ambassador: row.summary.ambassador()?,
            status: MatchStatus::parse(&row.status)?,
            score: u32::try_from(row.score).unwrap_or(0),
            breakdown: from_json(&row.breakdown, "a score breakdown")?,
            reasons: from_json(&row.reasons, "reasons")?,
            run_id: row.run_id,
            meeting: match (row.meeting_at, row.meeting_place) {
                (Some(at), Some(place)) => Some(Meeting { at, place }),
                _ => None,
            },
            school_confirmed_at: row.school_confirmed_at,
            ambassador_confirmed_at: row.ambassador_confirmed_at,
            starts_on: row.starts_on,
            declined_by: row.declined_by.as_deref().map(Side::parse).transpose()?,
            ended_on: row.ended_on,
            reason: row.reason,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

/// Sets a placement's status from its live matches: open while there is room, filled when
/// every place is taken by an active match, proposed otherwise. Leaves drafts, closed and
/// cancelled placements alone.
const RECOMPUTE_PLACEMENT: &str = concat!(
    "UPDATE placements SET status = CASE \
     WHEN (SELECT COUNT(*) FROM matches m WHERE m.placement_id = placements.id AND m.status IN ",
    live_statuses!(),
    ") < capacity THEN 'open' \
     WHEN (SELECT COUNT(*) FROM matches m WHERE m.placement_id = placements.id AND m.status = 'active') >= capacity \
          THEN 'filled' \
     ELSE 'proposed' END, updated_at = $1 \
     WHERE id = $2 AND status IN ('open', 'proposed', 'filled')"
);

impl Store {
    /// Proposes an ambassador for a placement: the ambassador must be `available` and the
    /// placement `open` with room (else `Conflict` with the reason).
    pub async fn create_match(
        &self,
        new: &NewMatch,
        by: Actor<'_>,
        today: NaiveDate,
    ) -> StoreResult<Match> {
        let id = new_id();
        let at = self.now();
        let breakdown = to_json(&new.breakdown, "a score breakdown")?;
        let reasons = to_json(&new.reasons, "reasons")?;
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let moved = sqlx::query(
                "UPDATE ambassadors SET status = 'matched', updated_at = $1 \
                 WHERE id = $2 AND status = 'available' AND erased_at IS NULL",
            )
            .bind(at)
            .bind(new.ambassador_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if moved == 0 {
                return Err(StoreError::Conflict(
                    "the ambassador is not available: only ambassadors in the pool can be proposed".into(),
                ));
            }
            let room: Option<i64> = sqlx::query_scalar(concat!(
                "SELECT ",
                placement_room!(),
                " FROM placements p WHERE p.id = $1 AND p.status = 'open'"
            ))
            .bind(new.placement_id)
            .fetch_optional(&mut *tx)
            .await?;
            if room.unwrap_or(0) <= 0 {
                return Err(StoreError::Conflict(
                    "the placement is not open for proposals: it is not open or has no room left".into(),
                ));
            }
            sqlx::query(
                "INSERT INTO matches (id, placement_id, ambassador_id, run_id, status, score, breakdown, reasons, \
                 created_at, updated_at) VALUES ($1, $2, $3, $4, 'proposed', $5, $6, $7, $8, $8)",
            )
            .bind(id)
            .bind(new.placement_id)
            .bind(new.ambassador_id)
            .bind(new.run_id)
            .bind(i32::try_from(new.score).unwrap_or(i32::MAX))
            .bind(&breakdown)
            .bind(&reasons)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            sqlx::query(RECOMPUTE_PLACEMENT).bind(at).bind(new.placement_id).execute(&mut *tx).await?;
            sqlx::query(INSERT_STEP)
                .bind(new_id())
                .bind(new.ambassador_id)
                .bind(IntakeStatus::Matched.as_str())
                .bind(today)
                .bind(by.id)
                .bind(by.name)
                .bind(None::<String>)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        self.get_match(id).await
    }

    /// One match, or `NotFound`.
    pub async fn get_match(&self, id: Uuid) -> StoreResult<Match> {
        let sql = format!("{} WHERE m.id = $1", select());
        let row: MatchRow = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_one(pool).await?
        });
        row.try_into()
    }

    /// A page of matches in id order, narrowed by `filter` and, with `member`, to the schools in
    /// which that user holds a role, and with `ambassador_user` to that user's own matches.
    pub async fn list_matches(
        &self,
        filter: &MatchQuery,
        member: Option<Uuid>,
        ambassador_user: Option<Uuid>,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<Match>> {
        let rows: Vec<MatchRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(select());
            query.push(" WHERE 1 = 1");
            if let Some(id) = filter.placement_id {
                query.push(" AND m.placement_id = ").push_bind(id);
            }
            if let Some(id) = filter.school_id {
                query.push(" AND p.school_id = ").push_bind(id);
            }
            if let Some(id) = filter.ambassador_id {
                query.push(" AND m.ambassador_id = ").push_bind(id);
            }
            if let Some(status) = filter.status {
                query.push(" AND m.status = ").push_bind(status.as_str());
            }
            if let Some(user) = member {
                query
                    .push(" AND p.school_id IN (SELECT organisation_id FROM memberships WHERE user_id = ")
                    .push_bind(user)
                    .push(")");
            }
            if let Some(user) = ambassador_user {
                query.push(" AND a.user_id = ").push_bind(user);
            }
            if let Some(after) = after {
                query.push(" AND m.id > ").push_bind(after);
            }
            query.push(" ORDER BY m.id LIMIT ").push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// Writes a transition, if the match is still in `from` and unchanged since `seen` (else
    /// `Conflict`), and moves the ambassador and the placement along with it.
    pub async fn update_match(
        &self,
        current: &Match,
        update: &MatchUpdate,
        by: Actor<'_>,
        today: NaiveDate,
    ) -> StoreResult<Match> {
        let at = self.now();
        // What the ambassador's intake status becomes, and from which.
        let ambassador_move = match update.status {
            MatchStatus::Declined => Some((IntakeStatus::Matched, IntakeStatus::Available)),
            MatchStatus::Active => Some((IntakeStatus::Matched, IntakeStatus::Active)),
            MatchStatus::Ended => Some((IntakeStatus::Active, IntakeStatus::Ended)),
            _ => None,
        };
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "UPDATE matches SET status = $1, meeting_at = $2, meeting_place = $3, school_confirmed_at = $4, \
                 ambassador_confirmed_at = $5, starts_on = $6, declined_by = $7, ended_on = $8, reason = $9, \
                 updated_at = $10 WHERE id = $11 AND status = $12 AND updated_at = $13",
            )
            .bind(update.status.as_str())
            .bind(update.meeting.as_ref().map(|m| m.at))
            .bind(update.meeting.as_ref().map(|m| m.place.clone()))
            .bind(update.school_confirmed_at)
            .bind(update.ambassador_confirmed_at)
            .bind(update.starts_on)
            .bind(update.declined_by.map(|s| s.as_str()))
            .bind(update.ended_on)
            .bind(update.reason.clone())
            .bind(at)
            .bind(current.id)
            .bind(current.status.as_str())
            .bind(current.updated_at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::Conflict("the match changed in the meantime; reload it".into()));
            }
            if let Some((from, to)) = ambassador_move {
                sqlx::query(
                    "UPDATE ambassadors SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
                )
                .bind(to.as_str())
                .bind(at)
                .bind(current.ambassador.id)
                .bind(from.as_str())
                .execute(&mut *tx)
                .await?;
                sqlx::query(INSERT_STEP)
                    .bind(new_id())
                    .bind(current.ambassador.id)
                    .bind(to.as_str())
                    .bind(today)
                    .bind(by.id)
                    .bind(by.name)
                    .bind(update.reason.clone())
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query(RECOMPUTE_PLACEMENT).bind(at).bind(current.placement.id).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        self.get_match(current.id).await
    }

    /// The user account behind an ambassador (also for an erased one, which has none).
    pub async fn ambassador_user(&self, ambassador_id: Uuid) -> StoreResult<Option<Uuid>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar("SELECT user_id FROM ambassadors WHERE id = $1")
                .bind(ambassador_id)
                .fetch_one(pool)
                .await?
        }))
    }

    /// The schools an ambassador was placed at before (active or ended matches).
    pub async fn earlier_schools(&self, ambassador_id: Uuid) -> StoreResult<Vec<Uuid>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT DISTINCT p.school_id FROM matches m JOIN placements p ON p.id = m.placement_id \
                 WHERE m.ambassador_id = $1 AND m.status IN ('active', 'ended') ORDER BY p.school_id",
            )
            .bind(ambassador_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The placement through which an ambassador is placed at a school (a confirmed or active
    /// match), if any.
    pub async fn ambassador_placement_at(
        &self,
        ambassador_id: Uuid,
        school_id: Uuid,
    ) -> StoreResult<Option<Uuid>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(concat!(
                "SELECT p.id FROM matches m JOIN placements p ON p.id = m.placement_id \
                 WHERE m.ambassador_id = $1 AND p.school_id = $2 AND m.status IN ",
                placed_statuses!(),
                " ORDER BY m.id LIMIT 1"
            ))
            .bind(ambassador_id)
            .bind(school_id)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// The holiday regions of the schools where an ambassador is or was placed (a confirmed,
    /// active or ended match): the calendars their school days follow.
    pub async fn regions_where_placed(&self, ambassador_id: Uuid) -> StoreResult<Vec<Region>> {
        let names: Vec<Option<String>> = with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT DISTINCT o.region FROM matches m \
                 JOIN placements p ON p.id = m.placement_id \
                 JOIN organisations o ON o.id = p.school_id \
                 WHERE m.ambassador_id = $1 AND m.status IN ('confirmed', 'active', 'ended')",
            )
            .bind(ambassador_id)
            .fetch_all(pool)
            .await?
        });
        names
            .into_iter()
            .flatten()
            .map(|name| Ok(Region::parse(&name)?))
            .collect()
    }

    /// The school of a placement where an ambassador is placed (a confirmed or active match):
    /// where they may log hours. `None` when they are not placed there.
    pub async fn school_where_ambassador_works(
        &self,
        ambassador_id: Uuid,
        placement_id: Uuid,
    ) -> StoreResult<Option<Uuid>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(concat!(
                "SELECT p.school_id FROM matches m JOIN placements p ON p.id = m.placement_id \
                 WHERE m.ambassador_id = $1 AND m.placement_id = $2 AND m.status IN ",
                placed_statuses!(),
                " LIMIT 1"
            ))
            .bind(ambassador_id)
            .bind(placement_id)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Places left in a placement: its capacity minus its live matches.
    pub async fn placement_room(&self, placement_id: Uuid) -> StoreResult<i64> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(concat!("SELECT ", placement_room!(), " FROM placements p WHERE p.id = $1"))
            .bind(placement_id)
            .fetch_one(pool)
            .await?
        }))
    }

    /// How many matches of a placement are active: the places taken for good.
    pub async fn active_matches(&self, placement_id: Uuid) -> StoreResult<i64> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM matches WHERE placement_id = $1 AND status = 'active'",
            )
            .bind(placement_id)
            .fetch_one(pool)
            .await?
        }))
    }

    /// Records a concern about a match.
    pub async fn create_concern(
        &self,
        match_id: Uuid,
        text: &str,
        by: Actor<'_>,
    ) -> StoreResult<Concern> {
        let id = new_id();
        let at = self.now();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO concerns (id, match_id, reported_by_user_id, reported_by_name, text, reported_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(match_id)
            .bind(by.id)
            .bind(by.name)
            .bind(text)
            .bind(at)
            .execute(pool)
            .await?;
        });
        Ok(Concern {
            id,
            match_id,
            reported_by_name: by.name.to_owned(),
            text: text.to_owned(),
            reported_at: at,
        })
    }

    /// The concerns about a match, oldest first.
    pub async fn list_concerns(&self, match_id: Uuid) -> StoreResult<Vec<Concern>> {
        let rows: Vec<(Uuid, String, String, DateTime<Utc>)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, reported_by_name, text, reported_at FROM concerns WHERE match_id = $1 ORDER BY id",
            )
            .bind(match_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, reported_by_name, text, reported_at)| Concern {
                id,
                match_id,
                reported_by_name,
                text,
                reported_at,
            })
            .collect())
    }

    /// The newest concerns (at most 100): every school's, or only those of the schools where
    /// `member` holds a role.
    pub async fn school_concerns(
        &self,
        member: Option<Uuid>,
    ) -> StoreResult<Vec<domain::contract::SchoolConcern>> {
        #[allow(clippy::type_complexity)]
        let rows: Vec<(
            Uuid,
            Uuid,
            String,
            String,
            DateTime<Utc>,
            Uuid,
            String,
            Uuid,
            String,
        )> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT c.id, c.match_id, c.reported_by_name, c.text, c.reported_at, \
                 p.school_id, o.name, a.id, a.name FROM concerns c \
                 JOIN matches m ON m.id = c.match_id JOIN placements p ON p.id = m.placement_id \
                 JOIN organisations o ON o.id = p.school_id JOIN ambassadors a ON a.id = m.ambassador_id \
                 WHERE c.text <> ''",
            );
            if let Some(member) = member {
                query
                    .push(" AND p.school_id IN (SELECT organisation_id FROM memberships WHERE user_id = ")
                    .push_bind(member)
                    .push(")");
            }
            query.push(" ORDER BY c.id DESC LIMIT 100");
            query.build_query_as().fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(
                    id,
                    match_id,
                    reported_by_name,
                    text,
                    reported_at,
                    school_id,
                    school_name,
                    ambassador_id,
                    ambassador_name,
                )| {
                    domain::contract::SchoolConcern {
                        concern: Concern {
                            id,
                            match_id,
                            reported_by_name,
                            text,
                            reported_at,
                        },
                        school_id,
                        school_name,
                        ambassador_id,
                        ambassador_name,
                    }
                },
            )
            .collect())
    }
}

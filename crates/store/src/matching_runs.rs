//! Matching runs: what the engine proposed for a school year and start moment, kept so that
//! programme staff can review it and propose from it.

use chrono::{DateTime, Utc};
use domain::contract::{
    AmbassadorInput, AmbassadorSummary, MatchingRun, MatchingRunListItem, PlacementSummary,
    RunProposal,
};
use domain::matching::{Candidate, Proposal, ScorePart, Spot};
use domain::{Commitment, PlacementKind, SchoolType, SchoolYear, StartMoment, Weekday};
use uuid::Uuid;

use crate::ambassadors::{Actor, from_json, to_json};
use crate::{Store, StoreResult, new_id, placement_room, with_pool};

/// What the engine needs for a run: the open placements with room left, and for each
/// available ambassador the schools they were placed at before.
#[derive(Debug, Clone, Default)]
pub struct MatchingInput {
    /// Available ambassadors.
    pub candidates: Vec<Candidate>,
    /// Open placements with room left.
    pub spots: Vec<Spot>,
}

/// A run to store.
#[derive(Debug, Clone)]
pub struct NewRun<'a> {
    /// The school year.
    pub school_year: SchoolYear,
    /// The start moment.
    pub start_moment: StartMoment,
    /// Who started it.
    pub by: Actor<'a>,
    /// Ambassadors considered.
    pub candidates: usize,
    /// Placements considered.
    pub placements: usize,
    /// Feasible pairs.
    pub feasible_pairs: usize,
    /// Sum of scores.
    pub total_score: u64,
    /// The proposals.
    pub proposals: &'a [Proposal],
    /// Ambassadors left over.
    pub left_over: &'a [Uuid],
}

#[derive(sqlx::FromRow)]
struct RunRow {
    id: Uuid,
    school_year: i32,
    start_moment: String,
    created_by_name: String,
    candidates: i32,
    placements: i32,
    feasible_pairs: i64,
    total_score: i64,
    left_over: String,
    created_at: DateTime<Utc>,
}

/// The columns that make a [`PlacementSummary`], from `placements p JOIN organisations o`.
pub(crate) const PLACEMENT_SUMMARY: &str = "p.id AS placement_id, p.school_id, o.name AS school_name, \
     o.municipality, p.school_year, p.start_moment, p.commitment, p.weekday, p.kind, p.group_label, p.theme";

/// The columns that make an [`AmbassadorSummary`], from `ambassadors a LEFT JOIN organisations e`.
pub(crate) const AMBASSADOR_SUMMARY: &str =
    "a.id AS ambassador_id, a.name AS ambassador_name, a.profile, e.name AS employer_name";

#[derive(sqlx::FromRow)]
pub(crate) struct SummaryColumns {
    placement_id: Uuid,
    school_id: Uuid,
    school_name: String,
    municipality: Option<String>,
    school_year: i32,
    start_moment: String,
    commitment: String,
    weekday: String,
    kind: String,
    group_label: Option<String>,
    theme: Option<String>,
    ambassador_id: Uuid,
    ambassador_name: String,
    profile: String,
    employer_name: Option<String>,
}

impl SummaryColumns {
    pub(crate) fn placement(&self) -> StoreResult<PlacementSummary> {
        Ok(PlacementSummary {
            id: self.placement_id,
            school_id: self.school_id,
            school_name: self.school_name.clone(),
            municipality: self.municipality.clone().unwrap_or_default(),
            school_year: SchoolYear::starting(self.school_year)?,
            start_moment: StartMoment::parse(&self.start_moment)?,
            commitment: Commitment::parse(&self.commitment)?,
            weekday: Weekday::parse(&self.weekday)?,
            kind: PlacementKind::parse(&self.kind)?,
            group: self.group_label.clone(),
            theme: self.theme.clone(),
        })
    }

    pub(crate) fn ambassador(&self) -> StoreResult<AmbassadorSummary> {
        let profile: AmbassadorInput = from_json(&self.profile, "an ambassador's profile")?;
        Ok(AmbassadorSummary {
            id: self.ambassador_id,
            name: self.ambassador_name.clone(),
            expertise: profile.expertise,
            themes: profile.themes,
            employer_name: self.employer_name.clone(),
        })
    }
}

impl Store {
    /// The engine's input for a school year and start moment.
    pub async fn matching_input(
        &self,
        year: SchoolYear,
        moment: StartMoment,
    ) -> StoreResult<MatchingInput> {
        #[derive(sqlx::FromRow)]
        struct SpotRow {
            id: Uuid,
            school_id: Uuid,
            school_type: Option<String>,
            municipality: Option<String>,
            weekday: String,
            commitment: String,
            starts_at: chrono::NaiveTime,
            ends_at: chrono::NaiveTime,
            expertise: String,
            theme: Option<String>,
            room: i64,
        }
        let spot_rows: Vec<SpotRow> = with_pool!(self, pool => {
            sqlx::query_as(concat!(
                "SELECT p.id, p.school_id, o.school_type, o.municipality, p.weekday, p.commitment, \
                 p.starts_at, p.ends_at, p.expertise, p.theme, ",
                placement_room!(),
                " AS room FROM placements p JOIN organisations o ON o.id = p.school_id \
                 WHERE p.school_year = $1 AND p.start_moment = $2 AND p.status = 'open' ORDER BY p.id"
            ))
            .bind(year.start_year())
            .bind(moment.as_str())
            .fetch_all(pool)
            .await?
        });
        let mut spots = Vec::with_capacity(spot_rows.len());
        for row in spot_rows {
            if row.room <= 0 {
                continue;
            }
            let mut wanted: Vec<String> = row.expertise.lines().map(str::to_owned).collect();
            wanted.extend(row.theme);
            spots.push(Spot {
                id: row.id,
                school_id: row.school_id,
                school_type: SchoolType::parse(row.school_type.as_deref().unwrap_or_default())?,
                municipality: row.municipality.unwrap_or_default(),
                weekday: Weekday::parse(&row.weekday)?,
                school_year: year,
                start_moment: moment,
                commitment: Commitment::parse(&row.commitment)?,
                minutes: (row.ends_at - row.starts_at).num_minutes(),
                wanted,
                capacity: u32::try_from(row.room).unwrap_or(0),
            });
        }

        let ambassadors = self
            .ambassadors_with_status(domain::ambassador::IntakeStatus::Available)
            .await?;
        let earlier: Vec<(Uuid, Uuid)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT DISTINCT m.ambassador_id, p.school_id FROM matches m \
                 JOIN placements p ON p.id = m.placement_id WHERE m.status IN ('active', 'ended') \
                 ORDER BY m.ambassador_id, p.school_id",
            )
            .fetch_all(pool)
            .await?
        });
        let candidates = ambassadors
            .into_iter()
            .map(|a| {
                let p = a.profile;
                let mut expertise = p.expertise;
                expertise.extend(p.themes);
                Candidate {
                    id: a.id,
                    weekdays: p.weekdays,
                    school_type: p.school_type,
                    home_municipality: p.home_municipality,
                    municipalities: p.municipalities,
                    commitment: p.commitment,
                    available_from: (p.available_from_year, p.available_from_moment),
                    minutes_per_day: p.minutes_per_day,
                    expertise,
                    preferred_schools: p.preferred_school_ids,
                    earlier_schools: earlier
                        .iter()
                        .filter(|(ambassador, _)| *ambassador == a.id)
                        .map(|(_, school)| *school)
                        .collect(),
                }
            })
            .collect();
        Ok(MatchingInput { candidates, spots })
    }

    /// Stores a run and its proposals.
    pub async fn create_matching_run(&self, run: &NewRun<'_>) -> StoreResult<Uuid> {
        let id = new_id();
        let left_over = to_json(&run.left_over, "left-over ambassadors")?;
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO matching_runs (id, school_year, start_moment, created_by_name, candidates, placements, \
                 feasible_pairs, total_score, left_over, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(id)
            .bind(run.school_year.start_year())
            .bind(run.start_moment.as_str())
            .bind(run.by.name)
            .bind(i32::try_from(run.candidates).unwrap_or(i32::MAX))
            .bind(i32::try_from(run.placements).unwrap_or(i32::MAX))
            .bind(i64::try_from(run.feasible_pairs).unwrap_or(i64::MAX))
            .bind(i64::try_from(run.total_score).unwrap_or(i64::MAX))
            .bind(&left_over)
            .bind(self.now())
            .execute(&mut *tx)
            .await?;
            for proposal in run.proposals {
                sqlx::query(
                    "INSERT INTO run_proposals (run_id, ambassador_id, placement_id, score, breakdown, reasons) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(proposal.ambassador_id)
                .bind(proposal.placement_id)
                .bind(i32::try_from(proposal.score).unwrap_or(i32::MAX))
                .bind(to_json(&proposal.breakdown, "a score breakdown")?)
                .bind(to_json(&proposal.reasons, "reasons")?)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(id)
    }

    /// A run with its proposals (and the matches made from them), or `NotFound`.
    pub async fn get_matching_run(&self, id: Uuid) -> StoreResult<MatchingRun> {
        #[derive(sqlx::FromRow)]
        struct ProposalRow {
            #[sqlx(flatten)]
            summary: SummaryColumns,
            score: i32,
            breakdown: String,
            reasons: String,
            match_id: Option<Uuid>,
        }
        let run: RunRow = with_pool!(self, pool => {
            sqlx::query_as("SELECT * FROM matching_runs WHERE id = $1").bind(id).fetch_one(pool).await?
        });
        let sql = format!(
            "SELECT {PLACEMENT_SUMMARY}, {AMBASSADOR_SUMMARY}, r.score, r.breakdown, r.reasons, \
             (SELECT m.id FROM matches m WHERE m.run_id = r.run_id AND m.ambassador_id = r.ambassador_id \
              AND m.placement_id = r.placement_id ORDER BY m.id DESC LIMIT 1) AS match_id \
             FROM run_proposals r JOIN placements p ON p.id = r.placement_id \
             JOIN organisations o ON o.id = p.school_id JOIN ambassadors a ON a.id = r.ambassador_id \
             LEFT JOIN organisations e ON e.id = a.employer_id WHERE r.run_id = $1 \
             ORDER BY o.name, p.id, a.id"
        );
        let rows: Vec<ProposalRow> = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_all(pool).await?
        });
        let proposals = rows
            .into_iter()
            .map(|row| {
                Ok(RunProposal {
                    ambassador: row.summary.ambassador()?,
                    placement: row.summary.placement()?,
                    score: u32::try_from(row.score).unwrap_or(0),
                    breakdown: from_json::<Vec<ScorePart>>(&row.breakdown, "a score breakdown")?,
                    reasons: from_json(&row.reasons, "reasons")?,
                    match_id: row.match_id,
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        let left_over_ids: Vec<Uuid> = from_json(&run.left_over, "left-over ambassadors")?;
        let left_over = self.ambassador_summaries(&left_over_ids).await?;
        Ok(MatchingRun {
            id: run.id,
            school_year: SchoolYear::starting(run.school_year)?,
            start_moment: StartMoment::parse(&run.start_moment)?,
            created_at: run.created_at,
            created_by_name: run.created_by_name,
            candidates: u32::try_from(run.candidates).unwrap_or(0),
            placements: u32::try_from(run.placements).unwrap_or(0),
            feasible_pairs: u64::try_from(run.feasible_pairs).unwrap_or(0),
            total_score: u64::try_from(run.total_score).unwrap_or(0),
            proposals,
            left_over,
        })
    }

    /// Runs, newest first, before `before`.
    pub async fn list_matching_runs(
        &self,
        before: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<MatchingRunListItem>> {
        let rows: Vec<(RunRow, i64)> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT r.*, (SELECT COUNT(*) FROM run_proposals x WHERE x.run_id = r.id) AS proposal_count \
                 FROM matching_runs r WHERE 1 = 1",
            );
            if let Some(before) = before {
                query.push(" AND r.id < ").push_bind(before);
            }
            query.push(" ORDER BY r.id DESC LIMIT ").push_bind(i64::from(limit));
            query
                .build()
                .fetch_all(pool)
                .await?
                .iter()
                .map(|row| {
                    use sqlx::{FromRow, Row};
                    Ok((RunRow::from_row(row)?, row.try_get::<i64, _>("proposal_count")?))
                })
                .collect::<Result<Vec<_>, sqlx::Error>>()?
        });
        rows.into_iter()
            .map(|(run, proposals)| {
                let left_over: Vec<Uuid> = from_json(&run.left_over, "left-over ambassadors")?;
                Ok(MatchingRunListItem {
                    id: run.id,
                    school_year: SchoolYear::starting(run.school_year)?,
                    start_moment: StartMoment::parse(&run.start_moment)?,
                    created_at: run.created_at,
                    created_by_name: run.created_by_name,
                    proposals: u32::try_from(proposals).unwrap_or(0),
                    left_over: u32::try_from(left_over.len()).unwrap_or(u32::MAX),
                    total_score: u64::try_from(run.total_score).unwrap_or(0),
                })
            })
            .collect()
    }

    /// The proposal of a run for an ambassador and placement, if the run made it.
    pub async fn run_proposal(
        &self,
        run_id: Uuid,
        ambassador_id: Uuid,
        placement_id: Uuid,
    ) -> StoreResult<(u32, Vec<ScorePart>, Vec<String>)> {
        let (score, breakdown, reasons): (i32, String, String) = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT score, breakdown, reasons FROM run_proposals \
                 WHERE run_id = $1 AND ambassador_id = $2 AND placement_id = $3",
            )
            .bind(run_id)
            .bind(ambassador_id)
            .bind(placement_id)
            .fetch_one(pool)
            .await?
        });
        Ok((
            u32::try_from(score).unwrap_or(0),
            from_json(&breakdown, "a score breakdown")?,
            from_json(&reasons, "reasons")?,
        ))
    }

    /// Summaries of ambassadors, in the order of `ids`; erased ones included (anonymous).
    pub async fn ambassador_summaries(&self, ids: &[Uuid]) -> StoreResult<Vec<AmbassadorSummary>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        #[derive(sqlx::FromRow)]
        struct Row {
            ambassador_id: Uuid,
            ambassador_name: String,
            profile: String,
            employer_name: Option<String>,
        }
        let rows: Vec<Row> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT a.id AS ambassador_id, a.name AS ambassador_name, a.profile, e.name AS employer_name \
                 FROM ambassadors a LEFT JOIN organisations e ON e.id = a.employer_id WHERE a.id IN (",
            );
            let mut list = query.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            query.push(")");
            query.build_query_as().fetch_all(pool).await?
        });
        ids.iter()
            .filter_map(|id| rows.iter().find(|r| r.ambassador_id == *id))
            .map(|r| {
                let profile: AmbassadorInput = from_json(&r.profile, "an ambassador's profile")?;
                Ok(AmbassadorSummary {
                    id: r.ambassador_id,
                    name: r.ambassador_name.clone(),
                    expertise: profile.expertise,
                    themes: profile.themes,
                    employer_name: r.employer_name.clone(),
                })
            })
            .collect()
    }
}

//! A school's team: invitations to teachers and coordinators, leaving the team, and teachers'
//! own answers on working with an ambassador (their opt-in per school year), with what their
//! class page shows.

use chrono::{DateTime, Utc};
use domain::contract::team::team_invitation_status;
use domain::contract::{ClassAmbassador, Placement, TeacherOptIn, TeamInvitation};
use domain::{Role, SchoolYear, Weekday};
use uuid::Uuid;

use crate::ambassadors::{from_json, to_json};
use crate::{Store, StoreError, StoreResult, new_id, placed_statuses, with_pool};

/// A team invitation with what accepting it needs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TeamInvitationRecord {
    /// The invitation's id.
    pub id: Uuid,
    /// The school.
    pub school_id: Uuid,
    /// The school's name.
    pub school_name: String,
    /// The role it gives.
    pub role: String,
    /// The colleague's name.
    pub name: String,
    /// Their address.
    pub email: String,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// When it was accepted.
    pub accepted_at: Option<DateTime<Utc>>,
    /// When a newer invitation replaced it.
    pub revoked_at: Option<DateTime<Utc>>,
}

impl TeamInvitationRecord {
    /// The role it gives.
    pub fn role(&self) -> StoreResult<Role> {
        Ok(Role::parse(&self.role)?)
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct OptInRow {
    school_id: Uuid,
    user_id: Uuid,
    teacher_name: String,
    school_year: i32,
    opted_in: bool,
    groups: String,
    weekdays: String,
    updated_at: DateTime<Utc>,
}

impl TryFrom<OptInRow> for TeacherOptIn {
    type Error = StoreError;
    fn try_from(row: OptInRow) -> StoreResult<Self> {
        Ok(TeacherOptIn {
            school_id: row.school_id,
            user_id: row.user_id,
            teacher_name: row.teacher_name,
            school_year: SchoolYear::starting(row.school_year)?,
            opted_in: row.opted_in,
            groups: from_json(&row.groups, "a teacher's groups")?,
            weekdays: from_json(&row.weekdays, "a teacher's days")?,
            updated_at: row.updated_at,
        })
    }
}

const SELECT_INVITATION: &str = "SELECT i.id, i.school_id, o.name AS school_name, i.role, i.name, i.email, \
     i.created_at, i.accepted_at, i.revoked_at \
     FROM team_invitations i JOIN organisations o ON o.id = i.school_id";

pub(crate) const SELECT_OPT_IN: &str = "SELECT t.school_id, t.user_id, u.name AS teacher_name, t.school_year, t.opted_in, \
     t.groups, t.weekdays, t.updated_at \
     FROM teacher_opt_ins t JOIN users u ON u.id = t.user_id \
     JOIN memberships m ON m.user_id = t.user_id AND m.organisation_id = t.school_id AND m.role = 'teacher'";

impl Store {
    /// Sends a team invitation; a pending one to the same address at the same school is
    /// replaced (revoked).
    #[allow(clippy::too_many_arguments)]
    pub async fn create_team_invitation(
        &self,
        school_id: Uuid,
        role: Role,
        name: &str,
        email: &str,
        token_hash: &[u8],
        invited_by: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> StoreResult<TeamInvitation> {
        let id = new_id();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE team_invitations SET revoked_at = $1 \
                 WHERE school_id = $2 AND lower(email) = lower($3) AND accepted_at IS NULL AND revoked_at IS NULL",
            )
            .bind(now)
            .bind(school_id)
            .bind(email)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO team_invitations (id, school_id, role, name, email, token_hash, invited_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(school_id)
            .bind(role.as_str())
            .bind(name)
            .bind(email)
            .bind(token_hash.to_vec())
            .bind(invited_by)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        let record = self.team_invitation(id).await?;
        team_invitation(record, now)
    }

    async fn team_invitation(&self, id: Uuid) -> StoreResult<TeamInvitationRecord> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_INVITATION);
            query.push(" WHERE i.id = ").push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        }))
    }

    /// A school's invitations, newest first.
    pub async fn list_team_invitations(
        &self,
        school_id: Uuid,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<TeamInvitation>> {
        let rows: Vec<TeamInvitationRecord> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_INVITATION);
            query.push(" WHERE i.school_id = ").push_bind(school_id);
            query.push(" ORDER BY i.created_at DESC, i.id DESC LIMIT 200");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|row| team_invitation(row, now))
            .collect()
    }

    /// The invitation whose token hashes to `token_hash`.
    pub async fn team_invitation_by_token(
        &self,
        token_hash: &[u8],
    ) -> StoreResult<TeamInvitationRecord> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_INVITATION);
            query.push(" WHERE i.token_hash = ").push_bind(token_hash.to_vec());
            query.build_query_as().fetch_one(pool).await?
        }))
    }

    /// Marks an invitation accepted by `user_id`, once: `false` when it was accepted or
    /// replaced meanwhile.
    pub async fn accept_team_invitation(
        &self,
        id: Uuid,
        user_id: Uuid,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE team_invitations SET accepted_at = $1, user_id = $2 \
                 WHERE id = $3 AND accepted_at IS NULL AND revoked_at IS NULL",
            )
            .bind(at)
            .bind(user_id)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(changed == 1)
    }

    /// Takes a teacher's or coordinator's roles at a school away (they left); returns how many
    /// roles went. Directors are not removed this way.
    /// Someone left with no role anywhere is deactivated then: the retention clock starts.
    pub async fn remove_team_member(&self, school_id: Uuid, user_id: Uuid) -> StoreResult<u64> {
        let at = self.now();
        Ok(with_pool!(self, pool => {
            let removed = sqlx::query(
                "DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2 \
                 AND role IN ('teacher', 'coordinator')",
            )
            .bind(school_id)
            .bind(user_id)
            .execute(&mut *pool)
            .await?
            .rows_affected();
            sqlx::query(
                "UPDATE users SET deactivated_at = $1 WHERE id = $2 \
                 AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)",
            )
            .bind(at)
            .bind(user_id)
            .execute(&mut *pool)
            .await?;
            removed
        }))
    }

    /// Records (or replaces) a teacher's answer for a school year.
    #[allow(clippy::too_many_arguments)]
    pub async fn put_opt_in(
        &self,
        school_id: Uuid,
        user_id: Uuid,
        year: SchoolYear,
        opted_in: bool,
        groups: &[String],
        weekdays: &[Weekday],
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let groups = to_json(&groups, "a teacher's groups")?;
        let weekdays = to_json(&weekdays, "a teacher's days")?;
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO teacher_opt_ins (school_id, user_id, school_year, opted_in, groups, weekdays, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (school_id, user_id, school_year) DO UPDATE SET opted_in = excluded.opted_in, \
                 groups = excluded.groups, weekdays = excluded.weekdays, updated_at = excluded.updated_at",
            )
            .bind(school_id)
            .bind(user_id)
            .bind(year.start_year())
            .bind(opted_in)
            .bind(&groups)
            .bind(&weekdays)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The answers of a school's current teachers for a school year, by name; or one
    /// teacher's when `user_id` is given.
    pub async fn opt_ins(
        &self,
        school_id: Uuid,
        year: SchoolYear,
        user_id: Option<Uuid>,
    ) -> StoreResult<Vec<TeacherOptIn>> {
        let rows: Vec<OptInRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_OPT_IN);
            query.push(" WHERE t.school_id = ").push_bind(school_id);
            query.push(" AND t.school_year = ").push_bind(year.start_year());
            if let Some(user_id) = user_id {
                query.push(" AND t.user_id = ").push_bind(user_id);
            }
            query.push(" ORDER BY u.name, t.user_id");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// The ambassadors placed (confirmed or active) at a school, with their placement's group
    /// and day, for the groups' teachers.
    pub async fn school_ambassadors(&self, school_id: Uuid) -> StoreResult<Vec<ClassAmbassador>> {
        let rows: Vec<(Uuid, String, Uuid)> = with_pool!(self, pool => {
            sqlx::query_as(concat!(
                "SELECT m.id, a.name, m.placement_id FROM matches m \
                 JOIN ambassadors a ON a.id = m.ambassador_id \
                 JOIN placements p ON p.id = m.placement_id \
                 WHERE p.school_id = $1 AND m.status IN ",
                placed_statuses!(),
                " ORDER BY a.name"
            ))
            .bind(school_id)
            .fetch_all(pool)
            .await?
        });
        let mut out = Vec::new();
        for (match_id, name, placement_id) in rows {
            let placement: Placement = self.get_placement(placement_id).await?;
            out.push(ClassAmbassador {
                match_id,
                name,
                group: placement.group.clone(),
                weekday: placement.weekday,
                starts_at: placement.starts_at,
                ends_at: placement.ends_at,
                starts_on: placement.period.starts_on,
                ends_on: placement.period.ends_on,
            });
        }
        Ok(out)
    }
}

fn team_invitation(row: TeamInvitationRecord, now: DateTime<Utc>) -> StoreResult<TeamInvitation> {
    Ok(TeamInvitation {
        id: row.id,
        school_id: row.school_id,
        status: team_invitation_status(row.created_at, row.accepted_at, row.revoked_at, now),
        expires_at: row.created_at
            + chrono::Duration::days(domain::contract::team::TEAM_INVITATION_VALID_DAYS),
        role: row.role()?,
        name: row.name,
        email: row.email,
        created_at: row.created_at,
        accepted_at: row.accepted_at,
    })
}

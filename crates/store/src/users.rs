//! People and the roles they hold in organisations.

use domain::contract::{Member, Organisation};
use domain::{EmailAddress, Role};
use uuid::Uuid;

use crate::organisations::OrganisationRow;
use crate::{Store, StoreError, StoreResult, new_id, with_pool};

/// A person to create, with a password hash made by the caller.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Login e-mail address, unique.
    pub email: EmailAddress,
    /// Full name.
    pub name: String,
    /// An argon2id PHC string.
    pub password_hash: String,
}

/// A person as stored, with the hash needed to check a login.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRecord {
    /// The person's id.
    pub id: Uuid,
    /// Login e-mail address.
    pub email: String,
    /// Full name.
    pub name: String,
    /// An argon2id PHC string.
    pub password_hash: String,
}

/// A role held in an organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct MembershipRecord {
    /// The role.
    pub role: Role,
    /// The organisation it is held in.
    pub organisation: Organisation,
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    role: String,
    #[sqlx(flatten)]
    organisation: OrganisationRow,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    user_id: Uuid,
    name: String,
    email: String,
    role: String,
}

impl Store {
    /// Creates a person; `Conflict` when the e-mail address is taken.
    pub async fn create_user(&self, new: &NewUser) -> StoreResult<UserRecord> {
        let id = new_id();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO users (id, email, name, password_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(new.email.as_str().to_owned())
            .bind(new.name.clone())
            .bind(new.password_hash.clone())
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        self.get_user(id).await
    }

    /// One person, or `NotFound`.
    pub async fn get_user(&self, id: Uuid) -> StoreResult<UserRecord> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as("SELECT id, email, name, password_hash FROM users WHERE id = $1")
                .bind(id)
                .fetch_one(pool)
                .await?
        }))
    }

    /// The person with this login address, if any.
    pub async fn find_user_by_email(
        &self,
        email: &EmailAddress,
    ) -> StoreResult<Option<UserRecord>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as("SELECT id, email, name, password_hash FROM users WHERE email = $1")
                .bind(email.as_str().to_owned())
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Replaces a person's password hash, and bumps their token version so that every access
    /// token issued before stops working.
    pub async fn set_password_hash(&self, user_id: Uuid, password_hash: &str) -> StoreResult<()> {
        let done = with_pool!(self, pool => {
            sqlx::query("UPDATE users SET password_hash = $1, token_version = token_version + 1 WHERE id = $2")
                .bind(password_hash.to_owned())
                .bind(user_id)
                .execute(pool)
                .await?
                .rows_affected()
        });
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Gives a person a role in an organisation. Giving it twice changes nothing.
    pub async fn add_membership(
        &self,
        user_id: Uuid,
        organisation_id: Uuid,
        role: Role,
    ) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO memberships (user_id, organisation_id, role, created_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(user_id)
            .bind(organisation_id)
            .bind(role.as_str())
            .bind(self.now())
            .execute(&mut *pool)
            .await?;
            // A role again: the retention clock of someone who had left stops.
            sqlx::query("UPDATE users SET deactivated_at = NULL WHERE id = $1 AND deactivated_at IS NOT NULL")
                .bind(user_id)
                .execute(&mut *pool)
                .await?;
        });
        Ok(())
    }

    /// Every role a person holds, with its organisation, in a stable order.
    pub async fn memberships_of(&self, user_id: Uuid) -> StoreResult<Vec<MembershipRecord>> {
        let rows: Vec<MembershipRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT m.role, o.id, o.kind, o.name, o.parent_id, o.school_type, o.region, o.municipality \
                 FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
                 WHERE m.user_id = $1 ORDER BY m.created_at, o.id, m.role",
            )
            .bind(user_id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|row| {
                Ok(MembershipRecord {
                    role: Role::parse(&row.role)?,
                    organisation: row.organisation.try_into()?,
                })
            })
            .collect()
    }

    /// A page of the people holding a role in an organisation, ordered by person then role.
    /// `after` is the last (person, role) of the previous page.
    pub async fn list_members(
        &self,
        organisation_id: Uuid,
        after: Option<(Uuid, Role)>,
        limit: u32,
    ) -> StoreResult<Vec<Member>> {
        let rows: Vec<MemberRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT u.id AS user_id, u.name, u.email, m.role \
                 FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.organisation_id = $1 \
                   AND ($2 IS NULL OR u.id > $2 OR (u.id = $2 AND m.role > $3)) \
                 ORDER BY u.id, m.role LIMIT $4",
            )
            .bind(organisation_id)
            .bind(after.map(|(id, _)| id))
            .bind(after.map(|(_, role)| role.as_str()))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|row| {
                Ok(Member {
                    user_id: row.user_id,
                    name: row.name,
                    email: row.email,
                    role: Role::parse(&row.role)?,
                })
            })
            .collect()
    }
}

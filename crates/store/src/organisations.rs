//! Organisations: the programme, school boards, schools, employers and partners.

use domain::contract::Organisation;
use domain::{OrganisationKind, Region, SchoolType};
use uuid::Uuid;

use crate::{Store, StoreResult, new_id, with_pool};

/// An organisation to create. A school needs its type, region and municipality.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    /// The kind of organisation.
    pub kind: OrganisationKind,
    /// Its name.
    pub name: String,
    /// The governing organisation, for a school its board.
    pub parent_id: Option<Uuid>,
    /// For schools.
    pub school_type: Option<SchoolType>,
    /// For schools.
    pub region: Option<Region>,
    /// For schools.
    pub municipality: Option<String>,
}

/// Which organisations a list returns.
#[derive(Debug, Clone, Default)]
pub struct OrganisationFilter {
    /// Only this kind.
    pub kind: Option<OrganisationKind>,
    /// Only the organisations in which this user holds a role.
    pub member: Option<Uuid>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct OrganisationRow {
    id: Uuid,
    kind: String,
    name: String,
    parent_id: Option<Uuid>,
    school_type: Option<String>,
    region: Option<String>,
    municipality: Option<String>,
}

impl TryFrom<OrganisationRow> for Organisation {
    type Error = crate::StoreError;
    fn try_from(row: OrganisationRow) -> Result<Self, Self::Error> {
        Ok(Organisation {
            id: row.id,
            kind: OrganisationKind::parse(&row.kind)?,
            name: row.name,
            parent_id: row.parent_id,
            school_type: row
                .school_type
                .as_deref()
                .map(SchoolType::parse)
                .transpose()?,
            region: row.region.as_deref().map(Region::parse).transpose()?,
            municipality: row.municipality,
        })
    }
}

impl Store {
    /// Creates an organisation and returns it.
    pub async fn create_organisation(&self, new: &NewOrganisation) -> StoreResult<Organisation> {
        let id = new_id();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO organisations \
                 (id, kind, name, parent_id, school_type, region, municipality, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(new.kind.as_str())
            .bind(new.name.clone())
            .bind(new.parent_id)
            .bind(new.school_type.map(|t| t.as_str()))
            .bind(new.region.map(|r| r.as_str()))
            .bind(new.municipality.clone())
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        self.get_organisation(id).await
    }

    /// One organisation, or `NotFound`.
    pub async fn get_organisation(&self, id: Uuid) -> StoreResult<Organisation> {
        let row: OrganisationRow = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, kind, name, parent_id, school_type, region, municipality \
                 FROM organisations WHERE id = $1",
            )
            .bind(id)
            .fetch_one(pool)
            .await?
        });
        row.try_into()
    }

    /// A page of organisations in id order, after the id `after`, at most `limit`.
    pub async fn list_organisations(
        &self,
        filter: &OrganisationFilter,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<Organisation>> {
        let rows: Vec<OrganisationRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, kind, name, parent_id, school_type, region, municipality \
                 FROM organisations \
                 WHERE ($1 IS NULL OR kind = $1) \
                   AND ($2 IS NULL OR id IN (SELECT organisation_id FROM memberships WHERE user_id = $2)) \
                   AND ($3 IS NULL OR id > $3) \
                 ORDER BY id LIMIT $4",
            )
            .bind(filter.kind.map(|k| k.as_str()))
            .bind(filter.member)
            .bind(after)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?
        });
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// How many organisations exist: zero means a fresh database.
    pub async fn count_organisations(&self) -> StoreResult<i64> {
        let count: (i64,) = with_pool!(self, pool => {
            sqlx::query_as("SELECT COUNT(*) FROM organisations").fetch_one(pool).await?
        });
        Ok(count.0)
    }
}

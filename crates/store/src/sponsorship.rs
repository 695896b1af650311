//! Employer sponsorship: employers and their verification, invitations, agreements,
//! contributions, extra cost rows, social-return rules, and the hours an employer's statement
//! is made of.

use chrono::{DateTime, NaiveDate, Utc};
use domain::Role;
use domain::ambassador::Funding;
use domain::contract::{
    Agreement, AgreementInput, AmbassadorInput, ContributionInput, ContributionRecord,
    ContributionType, CostRoleInput, CostRoleRecord, Employee, Employer, Invitation,
    InvitationStatus,
};
use domain::hours::{HourKind, HourStatus};
use domain::money::Cents;
use domain::school_year::{Commitment, SchoolYear, StartMoment, period};
use domain::sponsorship::{self as rules, AgreementStatus, Party, SponsorshipTerms, SroiRule};
use uuid::Uuid;

use crate::ambassadors::from_json;
use crate::error::conflict_says;
use crate::{NewUser, Store, StoreError, StoreResult, new_id, with_pool};

/// An employer signing up, with its first contact's account.
#[derive(Debug, Clone)]
pub struct NewEmployer<'a> {
    /// The organisation's name.
    pub name: &'a str,
    /// The municipality whose social-return scheme it reports to.
    pub municipality: &'a str,
    /// The contact person.
    pub contact: &'a NewUser,
}

/// An invitation as stored, found by its token.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InvitationRecord {
    /// Its id.
    pub id: Uuid,
    /// The employer that sent it.
    pub employer_id: Uuid,
    /// The employer's name.
    pub employer_name: String,
    /// The employer's municipality.
    pub employer_municipality: String,
    /// The employee's name.
    pub employee_name: String,
    /// Where it was sent.
    pub employee_email: String,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// When it was used.
    pub used_at: Option<DateTime<Utc>>,
    /// When a newer invitation replaced it.
    pub revoked_at: Option<DateTime<Utc>>,
}

impl InvitationRecord {
    /// The domain's view, for its checks. A revoked invitation counts as used.
    pub fn rules(&self) -> rules::Invitation {
        rules::Invitation {
            employer_id: self.employer_id,
            created_at: self.created_at,
            used_at: self.used_at.or(self.revoked_at),
        }
    }
}

#[derive(sqlx::FromRow)]
struct EmployerRow {
    id: Uuid,
    name: String,
    municipality: String,
    verified_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

const SELECT_EMPLOYERS: &str = "SELECT o.id, o.name, p.municipality, p.verified_at, p.created_at \
     FROM organisations o JOIN employer_profiles p ON p.organisation_id = o.id";

#[derive(sqlx::FromRow)]
struct InvitationRow {
    id: Uuid,
    employer_id: Uuid,
    employee_name: String,
    employee_email: String,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
    ambassador_id: Option<Uuid>,
}

#[derive(sqlx::FromRow)]
struct AgreementRow {
    id: Uuid,
    employer_id: Uuid,
    ambassador_id: Uuid,
    employee_name: String,
    school_year: i32,
    start_moment: String,
    commitment: String,
    sponsored_minutes_per_week: i32,
    volunteered_minutes_per_week: i32,
    hourly_rate: i64,
    status: String,
    end_reason: Option<String>,
    ended_on: Option<NaiveDate>,
    created_at: DateTime<Utc>,
}

const SELECT_AGREEMENTS: &str = "SELECT s.id, s.employer_id, s.ambassador_id, a.name AS employee_name, \
     s.school_year, s.start_moment, s.commitment, s.sponsored_minutes_per_week, \
     s.volunteered_minutes_per_week, s.hourly_rate, s.status, s.end_reason, s.ended_on, s.created_at \
     FROM sponsorship_agreements s JOIN ambassadors a ON a.id = s.ambassador_id";

#[derive(sqlx::FromRow)]
struct ContributionRow {
    id: Uuid,
    employer_id: Uuid,
    kind: String,
    description: String,
    amount: i64,
    given_on: NaiveDate,
    receipt_number: String,
}

#[derive(sqlx::FromRow)]
struct CostRoleRow {
    id: Uuid,
    employer_id: Uuid,
    role: String,
    party: String,
    minutes: i32,
    hourly_rate: i64,
    recorded_on: NaiveDate,
}

impl Store {
    /// Signs an employer up: the organisation, its (unverified) profile, and the contact's
    /// account and role, all or nothing. `Conflict` when the e-mail address has an account.
    pub async fn register_employer(&self, new: &NewEmployer<'_>) -> StoreResult<(Employer, Uuid)> {
        let id = new_id();
        let user_id = new_id();
        let at = self.now();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("INSERT INTO organisations (id, kind, name, created_at) VALUES ($1, 'employer', $2, $3)")
                .bind(id)
                .bind(new.name)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO employer_profiles (organisation_id, municipality, created_at) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(new.municipality)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(user_id)
            .bind(new.contact.email.as_str().to_owned())
            .bind(new.contact.name.clone())
            .bind(new.contact.password_hash.clone())
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(|e| conflict_says(e, "an account exists for this e-mail address"))?;
            sqlx::query(
                "INSERT INTO memberships (user_id, organisation_id, role, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(user_id)
            .bind(id)
            .bind(Role::EmployerContact.as_str())
            .bind(at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok((self.get_employer(id).await?, user_id))
    }

    /// Records the sponsorship details of an employer organisation made elsewhere (the demo),
    /// verified by `verified_by` when given.
    pub async fn add_employer_profile(
        &self,
        organisation_id: Uuid,
        municipality: &str,
        verified_by: Option<Uuid>,
    ) -> StoreResult<Employer> {
        let at = self.now();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO employer_profiles (organisation_id, municipality, verified_at, verified_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(organisation_id)
            .bind(municipality)
            .bind(verified_by.map(|_| at))
            .bind(verified_by)
            .bind(at)
            .execute(pool)
            .await?;
        });
        self.get_employer(organisation_id).await
    }

    /// One employer, or `NotFound`.
    pub async fn get_employer(&self, id: Uuid) -> StoreResult<Employer> {
        let row: EmployerRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_EMPLOYERS);
            query.push(" WHERE o.id = ").push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        });
        Ok(employer(row))
    }

    /// Every employer (`contact` `None`), or those where `contact` is an employer contact:
    /// unverified first, then by name.
    pub async fn list_employers(&self, contact: Option<Uuid>) -> StoreResult<Vec<Employer>> {
        let rows: Vec<EmployerRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_EMPLOYERS);
            if let Some(user) = contact {
                query
                    .push(" WHERE o.id IN (SELECT organisation_id FROM memberships WHERE role = 'employer_contact' AND user_id = ")
                    .push_bind(user)
                    .push(")");
            }
            query.push(" ORDER BY (p.verified_at IS NULL) DESC, o.name, o.id");
            query.build_query_as().fetch_all(pool).await?
        });
        Ok(rows.into_iter().map(employer).collect())
    }

    /// Marks an employer verified; `Conflict` when it is already, `NotFound` when unknown.
    pub async fn verify_employer(&self, id: Uuid, by: Uuid) -> StoreResult<Employer> {
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE employer_profiles SET verified_at = $1, verified_by = $2 \
                 WHERE organisation_id = $3 AND verified_at IS NULL",
            )
            .bind(self.now())
            .bind(by)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        let employer = self.get_employer(id).await?;
        if changed == 0 {
            return Err(StoreError::Conflict(
                "the employer is verified already".to_owned(),
            ));
        }
        Ok(employer)
    }

    /// Stores a new invitation (its token hashed) and revokes any pending one to the same
    /// address from the same employer.
    pub async fn create_invitation(
        &self,
        invitation: &rules::Invitation,
        name: &str,
        email: &str,
        token_hash: &[u8],
        created_by: Option<Uuid>,
    ) -> StoreResult<Invitation> {
        let id = new_id();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE employer_invitations SET revoked_at = $1 \
                 WHERE employer_id = $2 AND lower(employee_email) = lower($3) AND used_at IS NULL AND revoked_at IS NULL",
            )
            .bind(invitation.created_at)
            .bind(invitation.employer_id)
            .bind(email)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO employer_invitations (id, employer_id, token_hash, employee_name, employee_email, created_by, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(invitation.employer_id)
            .bind(token_hash.to_vec())
            .bind(name)
            .bind(email)
            .bind(created_by)
            .bind(invitation.created_at)
            .bind(invitation.expires_at())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(Invitation {
            id,
            employer_id: invitation.employer_id,
            employee_name: name.to_owned(),
            employee_email: email.to_owned(),
            status: InvitationStatus::Pending,
            created_at: invitation.created_at,
            expires_at: invitation.expires_at(),
            accepted_at: None,
            ambassador_id: None,
        })
    }

    /// An employer's invitations, newest first, with their status at `now`.
    pub async fn list_invitations(
        &self,
        employer_id: Uuid,
        at: DateTime<Utc>,
    ) -> StoreResult<Vec<Invitation>> {
        let rows: Vec<InvitationRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, employer_id, employee_name, employee_email, created_at, expires_at, used_at, revoked_at, ambassador_id \
                 FROM employer_invitations WHERE employer_id = $1 ORDER BY created_at DESC, id DESC",
            )
            .bind(employer_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|row| {
                let status = if row.used_at.is_some() {
                    InvitationStatus::Accepted
                } else if row.revoked_at.is_some() {
                    InvitationStatus::Revoked
                } else if at >= row.expires_at {
                    InvitationStatus::Expired
                } else {
                    InvitationStatus::Pending
                };
                Invitation {
                    id: row.id,
                    employer_id: row.employer_id,
                    employee_name: row.employee_name,
                    employee_email: row.employee_email,
                    status,
                    created_at: row.created_at,
                    expires_at: row.expires_at,
                    accepted_at: row.used_at,
                    ambassador_id: row.ambassador_id,
                }
            })
            .collect())
    }

    /// The invitation whose token hashes to `token_hash`, or `NotFound`.
    pub async fn invitation_by_token(&self, token_hash: &[u8]) -> StoreResult<InvitationRecord> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT i.id, i.employer_id, o.name AS employer_name, p.municipality AS employer_municipality, \
                 i.employee_name, i.employee_email, i.created_at, i.used_at, i.revoked_at \
                 FROM employer_invitations i JOIN organisations o ON o.id = i.employer_id \
                 JOIN employer_profiles p ON p.organisation_id = i.employer_id WHERE i.token_hash = $1",
            )
            .bind(token_hash.to_vec())
            .fetch_one(pool)
            .await?
        }))
    }

    /// Marks an invitation used at `at`, once: `false` when it was used or revoked meanwhile
    /// (two acceptances at once: only one wins).
    pub async fn claim_invitation(&self, id: Uuid, at: DateTime<Utc>) -> StoreResult<bool> {
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE employer_invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL",
            )
            .bind(at)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(changed == 1)
    }

    /// Gives a claimed invitation back when what it was claimed for failed.
    pub async fn release_invitation(&self, id: Uuid) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE employer_invitations SET used_at = NULL WHERE id = $1 AND ambassador_id IS NULL")
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Records the ambassador profile an accepted invitation linked.
    pub async fn complete_invitation(&self, id: Uuid, ambassador_id: Uuid) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE employer_invitations SET ambassador_id = $1 WHERE id = $2")
                .bind(ambassador_id)
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The ambassadors linked to an employer, by name.
    pub async fn list_employees(&self, employer_id: Uuid) -> StoreResult<Vec<Employee>> {
        let rows: Vec<(Uuid, String, String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, name, email, profile FROM ambassadors \
                 WHERE employer_id = $1 AND erased_at IS NULL ORDER BY name, id",
            )
            .bind(employer_id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(ambassador_id, name, email, profile)| {
                let profile: AmbassadorInput = from_json(&profile, "an ambassador's profile")?;
                Ok(Employee {
                    ambassador_id,
                    name,
                    email,
                    funding: profile.funding,
                })
            })
            .collect()
    }

    /// Proposes an agreement with checked terms; `Conflict` when the employee has a live one
    /// for the same school year and start.
    pub async fn create_agreement(
        &self,
        employer_id: Uuid,
        input: &AgreementInput,
        terms: SponsorshipTerms,
    ) -> StoreResult<Agreement> {
        let id = new_id();
        let at = self.now();
        let result = with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO sponsorship_agreements (id, employer_id, ambassador_id, school_year, start_moment, commitment, \
                 sponsored_minutes_per_week, volunteered_minutes_per_week, hourly_rate, status, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
            )
            .bind(id)
            .bind(employer_id)
            .bind(input.ambassador_id)
            .bind(input.school_year.start_year())
            .bind(input.start_moment.as_str())
            .bind(input.commitment.as_str())
            .bind(minutes_i32(terms.sponsored_minutes_per_week()))
            .bind(minutes_i32(terms.volunteered_minutes_per_week()))
            .bind(terms.hourly_rate().0)
            .bind(AgreementStatus::Proposed.as_str())
            .bind(at)
            .execute(pool)
            .await
            .map(|_| ())
        });
        result.map_err(|e| {
            conflict_says(
                e,
                "this employee has an agreement for that school year and start already; end it first or change it",
            )
        })?;
        self.get_agreement(employer_id, id).await
    }

    /// An employer's agreements, newest period first.
    pub async fn list_agreements(&self, employer_id: Uuid) -> StoreResult<Vec<Agreement>> {
        let rows: Vec<AgreementRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_AGREEMENTS);
            query
                .push(" WHERE s.employer_id = ")
                .push_bind(employer_id)
                .push(" ORDER BY s.school_year DESC, s.start_moment, a.name, s.id");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(agreement).collect()
    }

    /// One of an employer's agreements, or `NotFound`.
    pub async fn get_agreement(&self, employer_id: Uuid, id: Uuid) -> StoreResult<Agreement> {
        let row: AgreementRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_AGREEMENTS);
            query
                .push(" WHERE s.employer_id = ")
                .push_bind(employer_id)
                .push(" AND s.id = ")
                .push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        });
        agreement(row)
    }

    /// Moves an agreement from `from` to `to`; an end records its reason and `on` as the day
    /// it ended. `Conflict` when it moved meanwhile.
    pub async fn set_agreement_status(
        &self,
        agreement: &Agreement,
        from: AgreementStatus,
        to: AgreementStatus,
        reason: Option<&str>,
        on: NaiveDate,
    ) -> StoreResult<Agreement> {
        let ends = to == AgreementStatus::Ended;
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE sponsorship_agreements SET status = $1, end_reason = $2, ended_on = $3, updated_at = $4 \
                 WHERE id = $5 AND status = $6",
            )
            .bind(to.as_str())
            .bind(if ends { reason } else { None })
            .bind(if ends { Some(on) } else { None })
            .bind(self.now())
            .bind(agreement.id)
            .bind(from.as_str())
            .execute(pool)
            .await?
            .rows_affected()
        });
        if changed == 0 {
            return Err(StoreError::Conflict(
                "the agreement changed meanwhile; reload it".to_owned(),
            ));
        }
        self.get_agreement(agreement.employer_id, agreement.id)
            .await
    }

    /// Records a contribution; `Conflict` when the employer used the receipt number already.
    pub async fn add_contribution(
        &self,
        employer_id: Uuid,
        input: &ContributionInput,
    ) -> StoreResult<ContributionRecord> {
        let id = new_id();
        let result = with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO sponsorship_contributions (id, employer_id, kind, description, amount, given_on, receipt_number, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(employer_id)
            .bind(input.kind.as_str())
            .bind(&input.description)
            .bind(input.amount.0)
            .bind(input.given_on)
            .bind(&input.receipt_number)
            .bind(self.now())
            .execute(pool)
            .await
            .map(|_| ())
        });
        result.map_err(|e| {
            conflict_says(
                e,
                format!(
                    "receipt number {} is recorded already",
                    input.receipt_number
                ),
            )
        })?;
        Ok(ContributionRecord {
            id,
            employer_id,
            kind: input.kind,
            description: input.description.clone(),
            amount: input.amount,
            given_on: input.given_on,
            receipt_number: input.receipt_number.clone(),
        })
    }

    /// An employer's contributions given within `first..=last` (all with `None`), by date.
    pub async fn list_contributions(
        &self,
        employer_id: Uuid,
        within: Option<(NaiveDate, NaiveDate)>,
    ) -> StoreResult<Vec<ContributionRecord>> {
        let rows: Vec<ContributionRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT id, employer_id, kind, description, amount, given_on, receipt_number \
                 FROM sponsorship_contributions WHERE employer_id = ",
            );
            query.push_bind(employer_id);
            if let Some((first, last)) = within {
                query.push(" AND given_on >= ").push_bind(first).push(" AND given_on <= ").push_bind(last);
            }
            query.push(" ORDER BY given_on, receipt_number");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|r| {
                Ok(ContributionRecord {
                    id: r.id,
                    employer_id: r.employer_id,
                    kind: ContributionType::parse(&r.kind).map_err(corrupt)?,
                    description: r.description,
                    amount: Cents(r.amount),
                    given_on: r.given_on,
                    receipt_number: r.receipt_number,
                })
            })
            .collect()
    }

    /// Records a cost row of another role.
    pub async fn add_cost_role(
        &self,
        employer_id: Uuid,
        input: &CostRoleInput,
        minutes: u32,
    ) -> StoreResult<CostRoleRecord> {
        let id = new_id();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO sponsorship_cost_roles (id, employer_id, role, party, minutes, hourly_rate, recorded_on, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(employer_id)
            .bind(&input.role)
            .bind(input.party.as_str())
            .bind(minutes_i32(minutes))
            .bind(input.hourly_rate.0)
            .bind(input.recorded_on)
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        Ok(CostRoleRecord {
            id,
            employer_id,
            role: input.role.clone(),
            party: input.party,
            minutes,
            hourly_rate: input.hourly_rate,
            recorded_on: input.recorded_on,
        })
    }

    /// An employer's cost rows recorded within `first..=last` (all with `None`), by date.
    pub async fn list_cost_roles(
        &self,
        employer_id: Uuid,
        within: Option<(NaiveDate, NaiveDate)>,
    ) -> StoreResult<Vec<CostRoleRecord>> {
        let rows: Vec<CostRoleRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT id, employer_id, role, party, minutes, hourly_rate, recorded_on \
                 FROM sponsorship_cost_roles WHERE employer_id = ",
            );
            query.push_bind(employer_id);
            if let Some((first, last)) = within {
                query.push(" AND recorded_on >= ").push_bind(first).push(" AND recorded_on <= ").push_bind(last);
            }
            query.push(" ORDER BY recorded_on, role, id");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|r| {
                Ok(CostRoleRecord {
                    id: r.id,
                    employer_id: r.employer_id,
                    role: r.role,
                    party: Party::parse(&r.party).map_err(corrupt)?,
                    minutes: u32::try_from(r.minutes).map_err(corrupt)?,
                    hourly_rate: Cents(r.hourly_rate),
                    recorded_on: r.recorded_on,
                })
            })
            .collect()
    }

    /// Every municipality's social-return rule, by name.
    pub async fn list_sroi_rules(&self) -> StoreResult<Vec<SroiRule>> {
        let rows: Vec<(String, i64, String)> = with_pool!(self, pool => {
            sqlx::query_as("SELECT municipality, cents_per_hour, source FROM sroi_rules ORDER BY municipality_key")
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|(municipality, cents, source)| SroiRule {
                municipality,
                cents_per_hour: Cents(cents),
                source,
            })
            .collect())
    }

    /// Sets a municipality's social-return rule, replacing the one it had.
    pub async fn put_sroi_rule(&self, rule: &SroiRule) -> StoreResult<()> {
        let key = rule.municipality.trim().to_lowercase();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO sroi_rules (municipality_key, municipality, cents_per_hour, source) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (municipality_key) DO UPDATE SET municipality = excluded.municipality, \
                 cents_per_hour = excluded.cents_per_hour, source = excluded.source",
            )
            .bind(key)
            .bind(rule.municipality.trim())
            .bind(rule.cents_per_hour.0)
            .bind(&rule.source)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The approved or locked sponsored hours of the employer's agreed staff dated within
    /// `first..=last`, with the school's name. Only sponsored, counted entries leave the
    /// database: the employer's statement holds nothing else.
    pub async fn sponsored_hours(
        &self,
        employer_id: Uuid,
        first: NaiveDate,
        last: NaiveDate,
    ) -> StoreResult<Vec<rules::HourEntryInput>> {
        let rows: Vec<(Uuid, NaiveDate, i64, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT h.ambassador_id, h.entry_date, h.minutes, o.name FROM hour_entries h \
                 JOIN organisations o ON o.id = h.school_id \
                 WHERE h.kind = 'sponsored' AND h.status IN ('approved', 'locked') \
                 AND h.entry_date >= $1 AND h.entry_date <= $2 \
                 AND h.ambassador_id IN (SELECT ambassador_id FROM sponsorship_agreements WHERE employer_id = $3) \
                 ORDER BY h.entry_date",
            )
            .bind(first)
            .bind(last)
            .bind(employer_id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(employee_id, date, minutes, school_name)| {
                Ok(rules::HourEntryInput {
                    employee_id,
                    date,
                    minutes: u32::try_from(minutes).map_err(corrupt)?,
                    kind: HourKind::Sponsored,
                    status: HourStatus::Approved,
                    school_name,
                })
            })
            .collect()
    }
}

fn employer(row: EmployerRow) -> Employer {
    Employer {
        id: row.id,
        name: row.name,
        municipality: row.municipality,
        verified: row.verified_at.is_some(),
        verified_at: row.verified_at,
        created_at: row.created_at,
    }
}

fn agreement(row: AgreementRow) -> StoreResult<Agreement> {
    let school_year = SchoolYear::starting(row.school_year).map_err(corrupt)?;
    let start_moment = StartMoment::parse(&row.start_moment).map_err(corrupt)?;
    let commitment = Commitment::parse(&row.commitment).map_err(corrupt)?;
    let terms = SponsorshipTerms::new(
        i64::from(row.sponsored_minutes_per_week),
        i64::from(row.volunteered_minutes_per_week),
        Cents(row.hourly_rate),
    )
    .map_err(corrupt)?;
    let days = period(school_year, start_moment, commitment);
    let funding: Funding = terms.funding().funding;
    Ok(Agreement {
        id: row.id,
        employer_id: row.employer_id,
        ambassador_id: row.ambassador_id,
        employee_name: row.employee_name,
        school_year,
        start_moment,
        commitment,
        first_day: days.starts_on,
        last_day: days.ends_on,
        sponsored_minutes_per_week: terms.sponsored_minutes_per_week(),
        volunteered_minutes_per_week: terms.volunteered_minutes_per_week(),
        hourly_rate: terms.hourly_rate(),
        funding,
        status: AgreementStatus::parse(&row.status).map_err(corrupt)?,
        end_reason: row.end_reason,
        ended_on: row.ended_on,
        created_at: row.created_at,
    })
}

fn minutes_i32(minutes: u32) -> i32 {
    i32::try_from(minutes).unwrap_or(i32::MAX)
}

fn corrupt(error: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(error.to_string())
}

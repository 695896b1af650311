//! Retention: finding what the schedule says is due, and anonymising or deleting it. A person
//! is anonymised in a transaction of their own (the caller's [`crate::Tx`]); records that name
//! nobody in particular (audit entries, logins, sent messages) go with one statement each.
//! Every query that writes repeats the condition it was found by, so a second sweep finds
//! nothing and a sweep never undoes what happened in between.

use chrono::{DateTime, NaiveDate, Utc};
use domain::retention::PersonFacts;
use uuid::Uuid;

use crate::{Store, StoreError, StoreResult, live_statuses, with_pool};

/// An applicant or ambassador the sweep looks at, with the facts that decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonCandidate {
    /// The ambassador.
    pub id: Uuid,
    /// What decides whether they are due.
    pub facts: PersonFacts,
}

/// Records that go by one statement, without anyone's name in them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkRecords {
    /// Revoked partner clients: name and secret go.
    PartnerClients,
    /// Audit entries.
    AuditEntries,
    /// Sessions, refresh tokens and login counters.
    LoginRecords,
    /// Sent and failed messages of the outbox.
    OutgoingMessages,
    /// Answered and refused requests of data subjects.
    PrivacyRequests,
}

type PersonRow = (
    Uuid,
    i64,
    i64,
    i64,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<DateTime<Utc>>,
);

/// Ambassadors who are no longer taking part, with the facts the schedule decides on.
const PEOPLE: &str = concat!(
    "SELECT a.id, \
     (SELECT COUNT(*) FROM matches m WHERE m.ambassador_id = a.id AND m.status IN ('confirmed', 'active', 'ended')), \
     (SELECT COUNT(*) FROM matches m WHERE m.ambassador_id = a.id AND m.status IN ",
    live_statuses!(),
    "), \
     (SELECT COUNT(*) FROM statement_lines l WHERE l.ambassador_id = a.id AND l.status <> 'paid'), \
     (SELECT MAX(m.ended_on) FROM matches m WHERE m.ambassador_id = a.id), \
     (SELECT MAX(s.on_date) FROM intake_steps s WHERE s.ambassador_id = a.id AND s.status = 'ended'), \
     (SELECT MAX(l.paid_at) FROM statement_lines l WHERE l.ambassador_id = a.id) \
     FROM ambassadors a WHERE a.erased_at IS NULL AND a.status = 'ended'"
);

/// People of a school who left with no role anywhere, not yet anonymised; `$1`: the cutoff.
const LEFT_STAFF: &str = "SELECT u.id FROM users u WHERE u.anonymised_at IS NULL \
     AND u.deactivated_at IS NOT NULL AND u.deactivated_at < $1 \
     AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id) \
     AND NOT EXISTS (SELECT 1 FROM ambassadors a WHERE a.user_id = u.id)";

/// Contacts (with no other role) of employers whose agreements all ended, the last on or before
/// the cutoff day `$1`.
const LEFT_EMPLOYER_CONTACTS: &str = "SELECT DISTINCT m.user_id FROM memberships m \
     JOIN users u ON u.id = m.user_id \
     WHERE m.role = 'employer_contact' AND u.anonymised_at IS NULL \
     AND NOT EXISTS (SELECT 1 FROM sponsorship_agreements g WHERE g.employer_id = m.organisation_id AND g.status <> 'ended') \
     AND (SELECT MAX(g.ended_on) FROM sponsorship_agreements g WHERE g.employer_id = m.organisation_id) <= $1 \
     AND NOT EXISTS (SELECT 1 FROM memberships o WHERE o.user_id = m.user_id AND o.role <> 'employer_contact') \
     AND NOT EXISTS (SELECT 1 FROM ambassadors a WHERE a.user_id = m.user_id)";

/// Paid lines of anonymised ambassadors, paid before `$1`, whose payee is still on record.
const DUE_PAYEES: &str = "SELECT l.id, l.ambassador_id, l.payout_file_id FROM statement_lines l \
     JOIN ambassadors a ON a.id = l.ambassador_id \
     WHERE a.erased_at IS NOT NULL AND l.status = 'paid' AND l.payee_erased_at IS NULL \
     AND l.paid_at IS NOT NULL AND l.paid_at < $1";

/// What a wiped payee reads as in a payout file.
const WIPED_NAME: &str = "Verwijderd";

impl BulkRecords {
    /// The statements that count (`SELECT COUNT(*) ...`) and remove what is due before `$1`
    /// (`$2`: now).
    fn statements(self) -> &'static [(&'static str, &'static str)] {
        match self {
            BulkRecords::PartnerClients => &[(
                "SELECT COUNT(*) FROM partner_clients WHERE revoked_at IS NOT NULL AND revoked_at < $1 \
                 AND anonymised_at IS NULL",
                "UPDATE partner_clients SET name = 'Ingetrokken koppeling', secret_hash = substr(secret_hash, 1, 0), anonymised_at = $2 \
                 WHERE revoked_at IS NOT NULL AND revoked_at < $1 AND anonymised_at IS NULL",
            )],
            BulkRecords::AuditEntries => &[(
                "SELECT COUNT(*) FROM audit_log WHERE at < $1",
                "DELETE FROM audit_log WHERE at < $1",
            )],
            BulkRecords::LoginRecords => &[
                (
                    "SELECT COUNT(*) FROM refresh_tokens WHERE expires_at < $1",
                    "DELETE FROM refresh_tokens WHERE expires_at < $1",
                ),
                (
                    "SELECT COUNT(*) FROM sessions s WHERE COALESCE(s.ended_at, s.started_at) < $1 \
                     AND NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = s.id AND r.expires_at >= $1)",
                    "DELETE FROM sessions WHERE COALESCE(ended_at, started_at) < $1 \
                     AND NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = sessions.id AND r.expires_at >= $1)",
                ),
                (
                    "SELECT COUNT(*) FROM rate_limits WHERE window_started_at < $1",
                    "DELETE FROM rate_limits WHERE window_started_at < $1",
                ),
            ],
            BulkRecords::OutgoingMessages => &[(
                "SELECT COUNT(*) FROM outbox WHERE status IN ('sent', 'failed') AND created_at < $1",
                "DELETE FROM outbox WHERE status IN ('sent', 'failed') AND created_at < $1",
            )],
            BulkRecords::PrivacyRequests => &[(
                "SELECT COUNT(*) FROM privacy_requests WHERE closed_at IS NOT NULL AND closed_at < $1",
                "DELETE FROM privacy_requests WHERE closed_at IS NOT NULL AND closed_at < $1",
            )],
        }
    }
}

impl Store {
    /// Ambassadors who stopped taking part and are not anonymised yet (`only`: just that one),
    /// with the facts that decide whether they are due.
    pub async fn retention_people(&self, only: Option<Uuid>) -> StoreResult<Vec<PersonCandidate>> {
        let rows: Vec<PersonRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(PEOPLE);
            if let Some(id) = only {
                query.push(" AND a.id = ").push_bind(id);
            }
            query.push(" ORDER BY a.id");
            query.build_query_as().fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, placed, live, open, match_end, withdrawn, paid)| {
                let paid = paid.map(domain::local_date::amsterdam_date);
                PersonCandidate {
                    id,
                    facts: PersonFacts {
                        placed: placed > 0,
                        ended_on: [match_end, withdrawn, paid].into_iter().flatten().max(),
                        live_match: live > 0,
                        open_allowance_line: open > 0,
                    },
                }
            })
            .collect())
    }

    /// What an anonymised ambassador leaves behind besides their profile (which
    /// [`Store::erase_ambassador`] empties): their allowance details (IBAN, account holder, age
    /// category) and the allowances they declared from elsewhere, and the names on the
    /// invitations their employer sent them.
    pub async fn forget_allowance_details(&self, ambassador_id: Uuid) -> StoreResult<()> {
        with_pool!(self, pool => {
            for sql in [
                "DELETE FROM allowance_profiles WHERE ambassador_id = $1",
                "DELETE FROM declared_allowances WHERE ambassador_id = $1",
                "UPDATE employer_invitations SET employee_name = 'Verwijderd', employee_email = '' \
                 WHERE ambassador_id = $1",
            ] {
                sqlx::query(sql).bind(ambassador_id).execute(&mut *pool).await?;
            }
        });
        Ok(())
    }

    /// School staff who left before `cutoff` with no role anywhere, not yet anonymised
    /// (`only`: just that one).
    pub async fn retention_left_staff(
        &self,
        cutoff: DateTime<Utc>,
        only: Option<Uuid>,
    ) -> StoreResult<Vec<Uuid>> {
        Ok(with_pool!(self, pool => {
            // The cutoff is bound where `$1` stands, so the text stays one constant.
            let mut query = sqlx::QueryBuilder::new("");
            let (before, after) = LEFT_STAFF.split_once("$1").unwrap_or((LEFT_STAFF, ""));
            query.push(before).push_bind(cutoff).push(after);
            if let Some(id) = only {
                query.push(" AND u.id = ").push_bind(id);
            }
            query.build_query_scalar().fetch_all(pool).await?
        }))
    }

    /// Contacts of employers that left on or before `cutoff`, not yet anonymised (`only`: just
    /// that one).
    pub async fn retention_left_employer_contacts(
        &self,
        cutoff: NaiveDate,
        only: Option<Uuid>,
    ) -> StoreResult<Vec<Uuid>> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new("");
            let (before, after) = LEFT_EMPLOYER_CONTACTS
                .split_once("$1")
                .unwrap_or((LEFT_EMPLOYER_CONTACTS, ""));
            query.push(before).push_bind(cutoff).push(after);
            if let Some(id) = only {
                query.push(" AND m.user_id = ").push_bind(id);
            }
            query.build_query_scalar().fetch_all(pool).await?
        }))
    }

    /// Anonymises a person's account: name, address and password go, every role, session,
    /// reset link and teacher's answer with them; the row stays, as what they did points at
    /// it. Nothing happens to an account anonymised already.
    pub async fn anonymise_user(&self, user_id: Uuid) -> StoreResult<bool> {
        let at = self.now();
        Ok(with_pool!(self, pool => {
            for sql in [
                "DELETE FROM memberships WHERE user_id = $1",
                "DELETE FROM refresh_tokens WHERE user_id = $1",
                "DELETE FROM sessions WHERE user_id = $1",
                "DELETE FROM password_resets WHERE user_id = $1",
                "DELETE FROM teacher_opt_ins WHERE user_id = $1",
                "UPDATE team_invitations SET name = 'Verwijderd', email = '' WHERE user_id = $1",
            ] {
                sqlx::query(sql).bind(user_id).execute(&mut *pool).await?;
            }
            sqlx::query(
                "UPDATE users SET name = 'Verwijderd', email = $1, password_hash = '', \
                 token_version = token_version + 1, anonymised_at = $2 WHERE id = $3 AND anonymised_at IS NULL",
            )
            .bind(format!("verwijderd-{user_id}@invalid"))
            .bind(at)
            .bind(user_id)
            .execute(&mut *pool)
            .await?
            .rows_affected()
                == 1
        }))
    }

    /// How many records of `records` are due before `cutoff`; with `apply`, removes them and
    /// returns how many went.
    pub async fn retention_bulk(
        &self,
        records: BulkRecords,
        cutoff: DateTime<Utc>,
        apply: bool,
    ) -> StoreResult<u64> {
        let at = self.now();
        let mut total = 0;
        for (count, remove) in records.statements() {
            total += with_pool!(self, pool => {
                if apply {
                    let mut query = sqlx::query(*remove).bind(cutoff);
                    if remove.contains("$2") {
                        query = query.bind(at);
                    }
                    query.execute(pool).await?.rows_affected()
                } else {
                    let n: i64 = sqlx::query_scalar(*count).bind(cutoff).fetch_one(pool).await?;
                    u64::try_from(n).unwrap_or(0)
                }
            });
        }
        Ok(total)
    }

    /// Paid lines whose payee is due to be wiped (paid before `cutoff`, of an anonymised
    /// ambassador), per ambassador: `(ambassador, line, payout file)`. `as_if_anonymised`
    /// counts these ambassadors as anonymised already (a dry run's people who would be).
    pub async fn retention_due_payees(
        &self,
        cutoff: DateTime<Utc>,
        only: Option<Uuid>,
        as_if_anonymised: &[Uuid],
    ) -> StoreResult<Vec<(Uuid, Uuid, Option<Uuid>)>> {
        let rows: Vec<(Uuid, Uuid, Option<Uuid>)> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new("");
            let (before, after) = DUE_PAYEES.split_once("$1").unwrap_or((DUE_PAYEES, ""));
            let (before, anonymised) = before
                .split_once("a.erased_at IS NOT NULL")
                .unwrap_or((before, ""));
            query.push(before).push("(a.erased_at IS NOT NULL");
            for id in as_if_anonymised {
                query.push(" OR a.id = ").push_bind(*id);
            }
            query.push(")").push(anonymised).push_bind(cutoff).push(after);
            if let Some(id) = only {
                query.push(" AND l.ambassador_id = ").push_bind(id);
            }
            query.push(" ORDER BY l.ambassador_id, l.id");
            query.build_query_as().fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|(line, ambassador, file)| (ambassador, line, file))
            .collect())
    }

    /// Wipes the payee (name and IBAN) of `lines` of `ambassador_id`, in the lines and in the
    /// payout files they went into; amounts, months and dates stay. A file's SEPA message, which
    /// names every payee, goes with it (its payments are past the payment period too). Returns
    /// how many lines were wiped.
    pub async fn wipe_payees(
        &self,
        ambassador_id: Uuid,
        lines: &[(Uuid, Option<Uuid>)],
    ) -> StoreResult<u64> {
        let at = self.now();
        let mut wiped = 0;
        let mut files: Vec<Uuid> = lines.iter().filter_map(|(_, f)| *f).collect();
        files.sort();
        files.dedup();
        for (line, _) in lines {
            wiped += with_pool!(self, pool => {
                sqlx::query(
                    "UPDATE statement_lines SET payee_iban = NULL, payee_name = NULL, payee_erased_at = $1 \
                     WHERE id = $2 AND ambassador_id = $3 AND payee_erased_at IS NULL",
                )
                .bind(at)
                .bind(line)
                .bind(ambassador_id)
                .execute(pool)
                .await?
                .rows_affected()
            });
        }
        let references: Vec<String> = lines
            .iter()
            .map(|(line, _)| format!("KB{}", line.simple()))
            .collect();
        for file in files {
            let stored: String = with_pool!(self, pool => {
                sqlx::query_scalar("SELECT lines FROM payout_files WHERE id = $1")
                    .bind(file)
                    .fetch_one(pool)
                    .await?
            });
            let mut payments: Vec<serde_json::Value> = serde_json::from_str(&stored)
                .map_err(|e| StoreError::Corrupt(format!("payout lines: {e}")))?;
            for payment in &mut payments {
                let ours = payment
                    .get("end_to_end_id")
                    .and_then(|v| v.as_str())
                    .is_some_and(|id| references.iter().any(|r| r == id));
                if ours && let Some(fields) = payment.as_object_mut() {
                    fields.insert("name".into(), WIPED_NAME.into());
                    fields.insert("iban".into(), serde_json::Value::Null);
                }
            }
            let rewritten = serde_json::to_string(&payments)
                .map_err(|e| StoreError::Corrupt(format!("payout lines: {e}")))?;
            with_pool!(self, pool => {
                sqlx::query("UPDATE payout_files SET lines = $1, sepa_xml = NULL WHERE id = $2")
                    .bind(rewritten)
                    .bind(file)
                    .execute(pool)
                    .await?;
            });
        }
        Ok(wiped)
    }
}

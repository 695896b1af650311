//! The retention sweep: everything [`domain::retention::SCHEDULE`] says is due on a day is
//! anonymised or deleted, each person in a transaction of their own, and the audit log gets
//! one entry per category with how many went (never who). A dry run counts the same things and
//! changes nothing. The server sweeps once a day; `klasbrug retention-sweep` sweeps at once.

use chrono::NaiveDate;
use domain::retention::{
    RetentionAction, RetentionCategory, RetentionPeriod, RetentionSettings, SweepCounts,
};
use store::{BulkRecords, Lock, NewAuditEntry, Store, StoreError};

/// Sweeps what is due on `today` (the application clock's day); with `dry_run`, only counts.
pub async fn sweep(
    store: &Store,
    settings: &RetentionSettings,
    today: NaiveDate,
    dry_run: bool,
) -> Result<SweepCounts, StoreError> {
    let mut counts = SweepCounts::default();
    let personal_day = settings.cutoff(RetentionPeriod::Personal, today);
    let personal = settings.cutoff_instant(RetentionPeriod::Personal, today);
    let payment = settings.cutoff_instant(RetentionPeriod::Payment, today);

    // People a dry run would anonymise: their payees count as a real sweep's would.
    let mut would_go = Vec::new();
    for candidate in store.retention_people(None).await? {
        if !candidate.facts.is_due(settings, today) {
            continue;
        }
        if dry_run || anonymise_person(store, settings, today, candidate.id).await? {
            counts.add(candidate.facts.category(), 1);
            if dry_run {
                would_go.push(candidate.id);
            }
        }
    }
    for user in store.retention_left_staff(personal, None).await? {
        if dry_run || anonymise_account(store, user, Left::Staff(personal)).await? {
            counts.add(RetentionCategory::SchoolStaff, 1);
        }
    }
    for user in store
        .retention_left_employer_contacts(personal_day, None)
        .await?
    {
        if dry_run || anonymise_account(store, user, Left::Employer(personal_day)).await? {
            counts.add(RetentionCategory::EmployerContact, 1);
        }
    }
    for (category, records) in [
        (
            RetentionCategory::PartnerClient,
            BulkRecords::PartnerClients,
        ),
        (RetentionCategory::AuditEntry, BulkRecords::AuditEntries),
        (RetentionCategory::LoginRecord, BulkRecords::LoginRecords),
        (
            RetentionCategory::OutgoingMessage,
            BulkRecords::OutgoingMessages,
        ),
        (
            RetentionCategory::PrivacyRequest,
            BulkRecords::PrivacyRequests,
        ),
    ] {
        let n = store.retention_bulk(records, personal, !dry_run).await?;
        counts.add(category, n);
    }
    let due = store.retention_due_payees(payment, None, &would_go).await?;
    let mut ambassadors: Vec<uuid::Uuid> = due.iter().map(|(a, _, _)| *a).collect();
    ambassadors.dedup();
    for ambassador in ambassadors {
        let n = if dry_run {
            u64::try_from(due.iter().filter(|(a, _, _)| *a == ambassador).count()).unwrap_or(0)
        } else {
            let tx = store.transaction().await?;
            tx.lock(Lock::Ambassador(ambassador)).await?;
            let lines: Vec<_> = tx
                .retention_due_payees(payment, Some(ambassador), &[])
                .await?
                .into_iter()
                .map(|(_, line, file)| (line, file))
                .collect();
            let n = tx.wipe_payees(ambassador, &lines).await?;
            tx.commit().await?;
            n
        };
        counts.add(RetentionCategory::PaymentPayee, n);
    }
    if !dry_run {
        record(store, settings, &counts).await?;
    }
    Ok(counts)
}

/// Anonymises one applicant or ambassador if they are still due when locked: their profile,
/// account, documents and VOG records (as erasure does), and their allowance details. Returns
/// whether it happened.
async fn anonymise_person(
    store: &Store,
    settings: &RetentionSettings,
    today: NaiveDate,
    id: uuid::Uuid,
) -> Result<bool, StoreError> {
    let tx = store.transaction().await?;
    tx.lock(Lock::Ambassador(id)).await?;
    let still_due = tx
        .retention_people(Some(id))
        .await?
        .first()
        .is_some_and(|c| c.facts.is_due(settings, today));
    if !still_due {
        return Ok(false);
    }
    let ambassador = tx.get_ambassador(id).await?;
    tx.erase_ambassador(id, &ambassador.profile.anonymous())
        .await?;
    if let Some(user) = ambassador.user_id {
        let kept = super::privacy_requests::kept_on_erasure_of(&tx, settings, today, user).await?;
        tx.close_erasure_request_of(user, None, &kept).await?;
    }
    tx.forget_allowance_details(id).await?;
    tx.commit().await?;
    Ok(true)
}

/// How an account's holder left, with the cutoff it is due by.
#[derive(Clone, Copy)]
enum Left {
    /// Left their school before this instant.
    Staff(chrono::DateTime<chrono::Utc>),
    /// Their employer's last agreement ended on or before this day.
    Employer(NaiveDate),
}

/// Anonymises the account `user` if it is still due once locked. Returns whether it happened.
async fn anonymise_account(
    store: &Store,
    user: uuid::Uuid,
    left: Left,
) -> Result<bool, StoreError> {
    let tx = store.transaction().await?;
    tx.lock(Lock::User(user)).await?;
    let still_due = match left {
        Left::Staff(cutoff) => !tx
            .retention_left_staff(cutoff, Some(user))
            .await?
            .is_empty(),
        Left::Employer(day) => !tx
            .retention_left_employer_contacts(day, Some(user))
            .await?
            .is_empty(),
    };
    if !still_due {
        return Ok(false);
    }
    let done = tx.anonymise_user(user).await?;
    tx.commit().await?;
    Ok(done)
}

/// One audit entry per category that had anything due: the category, the action and how many.
async fn record(
    store: &Store,
    settings: &RetentionSettings,
    counts: &SweepCounts,
) -> Result<(), StoreError> {
    for (rule, n) in counts.all() {
        if n == 0 {
            continue;
        }
        let period = match rule.period {
            RetentionPeriod::Personal => format!("{} days", settings.personal_days()),
            RetentionPeriod::Payment => format!("{} years", settings.payment_years()),
        };
        store
            .record_audit(&NewAuditEntry {
                actor_kind: "system",
                actor_id: None,
                action: match rule.action {
                    RetentionAction::Anonymise => "retention.anonymise",
                    RetentionAction::Delete => "retention.delete",
                },
                resource_type: rule.category.as_str(),
                resource_id: None,
                reason: Some(format!(
                    "{n} {} after the retention period of {period}",
                    match rule.action {
                        RetentionAction::Anonymise => "anonymised",
                        RetentionAction::Delete => "deleted",
                    }
                )),
            })
            .await?;
    }
    Ok(())
}

/// The sweep's result as lines of text: one per category, with its action and count.
pub fn report(counts: &SweepCounts) -> String {
    let mut out = String::new();
    for (r, n) in counts.all() {
        out.push_str(&format!(
            "{:<18} {:<10} {n}\n",
            r.category.as_str(),
            r.action.as_str()
        ));
    }
    out
}

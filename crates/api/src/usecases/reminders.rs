//! The daily sweep: what no request causes but the calendar does. Each morning at
//! [`SWEEP_HOUR`] (Amsterdam, on the application's clock) the server
//!
//! - reminds ambassadors of their VOG: missing or expiring before a placement that starts
//!   within 30 days, or expired ([`domain::vog_reminder`] decides);
//! - once a calendar month is over, tells each employer's contacts that the statement of that
//!   month is available (the first sweep after the month ends: statements are drawn up for any
//!   period on demand, so the month's end is when a period's statement is complete in time);
//! - on Mondays, tells each school's director and coordinators how many hour entries wait for
//!   their approval;
//! - reminds everyone with a place in a course session tomorrow.
//!
//! Each message is recorded in `reminders_sent` in the transaction that queues it, keyed by
//! person, kind and what it is about: a sweep run twice, or by two servers at once, sends it
//! once.

use chrono::{Datelike, NaiveDate, Weekday};
use domain::SchoolType;
use domain::ambassador::IntakeStatus;
use domain::calendar_month::CalendarMonth;
use domain::contract::MatchQuery;
use domain::match_lifecycle::MatchStatus;
use domain::sponsorship::AgreementStatus;
use domain::vog_reminder::{self, UpcomingPlacement};
use store::Store;

use crate::mail::{Mailer, Message};

/// The hour of the morning (Amsterdam) at which the daily sweep runs.
pub const SWEEP_HOUR: u32 = 7;

/// What a sweep queued.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    /// VOG reminders.
    pub vog: usize,
    /// Statements available.
    pub statements: usize,
    /// Hours digests.
    pub hours: usize,
    /// Weekly digests of held-back messages.
    pub digests: usize,
    /// Reminders of tomorrow's course sessions.
    pub sessions: usize,
}

/// The whole daily sweep for `today`.
pub async fn daily(store: &Store, mailer: &Mailer, today: NaiveDate) -> anyhow::Result<Swept> {
    let swept = Swept {
        vog: vog_reminders(store, mailer, today).await?,
        statements: statements_available(store, mailer, today).await?,
        hours: if today.weekday() == Weekday::Mon {
            hours_waiting(store, mailer, today).await?
        } else {
            0
        },
        digests: if today.weekday() == Weekday::Mon {
            weekly_digests(store, mailer).await?
        } else {
            0
        },
        sessions: session_reminders(store, mailer, today).await?,
    };
    Ok(swept)
}

/// Queues `message` of `kind` for `person`, unless it was sent before; one transaction each.
async fn once(
    store: &Store,
    mailer: &Mailer,
    person: uuid::Uuid,
    kind: &'static str,
    about: &str,
    message: Message,
) -> anyhow::Result<bool> {
    let tx = store.transaction().await?;
    if !tx.record_reminder(person, kind, about).await? {
        drop(tx);
        return Ok(false);
    }
    mailer.queue(&tx, kind, message).await?;
    tx.commit().await?;
    mailer.wake();
    Ok(true)
}

/// The weekly digests: one e-mail per reader with every message held back for it, which are
/// taken out in the same transaction, so each goes out once. Returns how many left.
pub async fn weekly_digests(store: &Store, mailer: &Mailer) -> anyhow::Result<usize> {
    let mut sent = 0;
    for email in store.digest_recipients().await? {
        let tx = store.transaction().await?;
        let items = tx.take_digest_items(&email).await?;
        if items.is_empty() {
            continue;
        }
        let message = crate::mail::weekly_digest(mailer, &email, &items);
        mailer.queue(&tx, "digest.weekly", message).await?;
        tx.commit().await?;
        mailer.wake();
        sent += 1;
    }
    Ok(sent)
}

/// The VOG reminders due `today`, to every ambassador in the pool. Returns how many left.
pub async fn vog_reminders(
    store: &Store,
    mailer: &Mailer,
    today: NaiveDate,
) -> anyhow::Result<usize> {
    let mut sent = 0;
    for status in [
        IntakeStatus::Available,
        IntakeStatus::Matched,
        IntakeStatus::Active,
    ] {
        for ambassador in store.ambassadors_with_status(status).await? {
            let vogs: Vec<_> = store
                .list_vogs(ambassador.id)
                .await?
                .iter()
                .map(store::vog_facts)
                .collect();
            let query = MatchQuery {
                ambassador_id: Some(ambassador.id),
                ..MatchQuery::default()
            };
            let mut upcoming = Vec::new();
            let mut schools = Vec::new();
            let mut school_type = SchoolType::Po;
            for m in store.list_matches(&query, None, None, None, 1000).await? {
                let placement = store.get_placement(m.placement.id).await?;
                match m.status {
                    MatchStatus::Proposed
                    | MatchStatus::MeetingPlanned
                    | MatchStatus::Confirmed => {
                        upcoming.push(UpcomingPlacement {
                            placement_id: placement.id,
                            school_type: placement.school_type,
                            starts_on: placement.period.starts_on,
                        });
                        schools.push((placement.id, m.placement.school_name.clone()));
                    }
                    MatchStatus::Active => school_type = placement.school_type,
                    MatchStatus::Declined | MatchStatus::Ended => {}
                }
            }
            let due = vog_reminder::due(today, &vogs, &upcoming, school_type, true);
            for reminder in due {
                let school = match &reminder {
                    vog_reminder::VogReminder::Missing { placement }
                    | vog_reminder::VogReminder::Expiring { placement, .. } => schools
                        .iter()
                        .find(|(id, _)| *id == placement.placement_id)
                        .map(|(_, name)| name.as_str()),
                    vog_reminder::VogReminder::Expired { .. } => None,
                };
                let profile = &ambassador.profile;
                let message = crate::ambassador_mail::vog_reminder(
                    mailer,
                    &profile.email,
                    &profile.name,
                    &reminder,
                    school,
                );
                if once(
                    store,
                    mailer,
                    ambassador.id,
                    reminder.kind(),
                    &reminder.about(),
                    message,
                )
                .await?
                {
                    sent += 1;
                }
            }
        }
    }
    Ok(sent)
}

/// Once the month before `today` is over, to the contacts of each employer with an agreement
/// in it: the month's statement is available. Returns how many left.
pub async fn statements_available(
    store: &Store,
    mailer: &Mailer,
    today: NaiveDate,
) -> anyhow::Result<usize> {
    let this_month = CalendarMonth::containing(today);
    let Some(last_of_previous) = this_month.first_day().pred_opt() else {
        return Ok(0);
    };
    let month = CalendarMonth::containing(last_of_previous);
    let mut sent = 0;
    for employer_id in store.employers_with_agreements().await? {
        let in_month = store.list_agreements(employer_id).await?.iter().any(|a| {
            let last = a.ended_on.map_or(a.last_day, |end| end.min(a.last_day));
            a.status != AgreementStatus::Proposed
                && a.first_day <= month.last_day()
                && last >= month.first_day()
        });
        if !in_month {
            continue;
        }
        let employer = store.get_organisation(employer_id).await?;
        let about = format!("{employer_id}/{}", month.first_day().format("%Y-%m"));
        for member in store.list_members(employer_id, None, 200).await? {
            if member.role != domain::Role::EmployerContact || member.email.is_empty() {
                continue;
            }
            let message = crate::reminder_mail::statement_available(
                mailer,
                &member.email,
                &member.name,
                &employer.name,
                month,
            );
            if once(
                store,
                mailer,
                member.user_id,
                "statement.available",
                &about,
                message,
            )
            .await?
            {
                sent += 1;
            }
        }
    }
    Ok(sent)
}

/// To everyone with a place in a course session tomorrow: when and where. Once per person and
/// session. Returns how many left.
pub async fn session_reminders(
    store: &Store,
    mailer: &Mailer,
    today: NaiveDate,
) -> anyhow::Result<usize> {
    let Some(tomorrow) = today.succ_opt() else {
        return Ok(0);
    };
    let mut sent = 0;
    for enrolment in store.enrolled_on(tomorrow).await? {
        let ambassador = store.get_ambassador(enrolment.ambassador_id).await?;
        let message = crate::training_mail::session_tomorrow(
            mailer,
            &ambassador.profile.email,
            &ambassador.profile.name,
            &enrolment,
        );
        let about = enrolment.session_id.to_string();
        if once(
            store,
            mailer,
            ambassador.id,
            "training.reminder",
            &about,
            message,
        )
        .await?
        {
            sent += 1;
        }
    }
    Ok(sent)
}

/// To each school's director and coordinators: how many hour entries wait for approval. Once
/// a week (the ISO week of `today`). Returns how many left.
pub async fn hours_waiting(
    store: &Store,
    mailer: &Mailer,
    today: NaiveDate,
) -> anyhow::Result<usize> {
    let week = today.iso_week();
    let mut sent = 0;
    for (school_id, waiting) in store.waiting_hours_by_school().await? {
        let school = store.get_organisation(school_id).await?;
        let about = format!("{school_id}/{}-W{:02}", week.year(), week.week());
        for member in store.list_members(school_id, None, 200).await? {
            if !matches!(
                member.role,
                domain::Role::SchoolDirector | domain::Role::Coordinator
            ) || member.email.is_empty()
            {
                continue;
            }
            let message = crate::reminder_mail::hours_waiting(
                mailer,
                &member.email,
                &member.name,
                &school.name,
                waiting,
            );
            if once(
                store,
                mailer,
                member.user_id,
                "hours.waiting",
                &about,
                message,
            )
            .await?
            {
                sent += 1;
            }
        }
    }
    Ok(sent)
}

/// Runs [`daily`] every morning at [`SWEEP_HOUR`] on `clock`, for as long as the server runs.
/// A failed sweep is logged; the next morning's tries again (what was sent is not resent).
pub async fn run(store: Store, mailer: Mailer, clock: crate::clock::Clock) {
    loop {
        let now = clock.now();
        let wait = (next_sweep(now) - now).to_std().unwrap_or_default();
        tokio::time::sleep(wait).await;
        let today = clock.today();
        match daily(&store, &mailer, today).await {
            Ok(swept) => tracing::info!(
                target: "klasbrug::mail",
                %today,
                vog = swept.vog,
                statements = swept.statements,
                hours = swept.hours,
                digests = swept.digests,
                sessions = swept.sessions,
                "the daily sweep is done"
            ),
            Err(error) => {
                tracing::error!(target: "klasbrug::mail", error = format!("{error:#}"), "the daily sweep failed")
            }
        }
        // Past the hour now: the next wait reaches tomorrow's.
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

/// The first [`SWEEP_HOUR`] o'clock in Amsterdam after `now`.
pub fn next_sweep(now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    let today = domain::local_date::amsterdam_date(now);
    let at = |day: NaiveDate| {
        domain::local_date::amsterdam_instant(day.and_hms_opt(SWEEP_HOUR, 0, 0).unwrap_or_default())
    };
    let todays = at(today);
    if todays > now {
        todays
    } else {
        at(today.succ_opt().unwrap_or(today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    #[test]
    fn the_sweep_runs_at_seven_in_amsterdam_winter_and_summer() {
        assert_eq!(
            next_sweep(utc("2026-12-03T05:59:58Z")),
            utc("2026-12-03T06:00:00Z")
        );
        assert_eq!(
            next_sweep(utc("2026-12-03T06:00:00Z")),
            utc("2026-12-04T06:00:00Z")
        );
        assert_eq!(
            next_sweep(utc("2026-12-03T09:00:00Z")),
            utc("2026-12-04T06:00:00Z")
        );
        assert_eq!(
            next_sweep(utc("2027-06-01T04:30:00Z")),
            utc("2027-06-01T05:00:00Z")
        );
    }
}

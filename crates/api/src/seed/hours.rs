//! Demo hours: Fenna's Wednesdays at De Zeester. October is approved by the coordinator;
//! November waits for the school's decision. Fenna volunteers and has her allowance details on
//! record (a fictional IBAN).

use chrono::NaiveDate;
use domain::contract::HourEntryInput;
use domain::hours::{EntryMinutes, HourActivity, HourKind, HourStatus};
use store::{NewHourEntry, Store};
use uuid::Uuid;

/// Logs Fenna's (`fenna`) days at `placement` of `school`.
pub async fn seed(store: &Store, fenna: Uuid, placement: Uuid, school: Uuid) -> anyhow::Result<()> {
    let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
    // Wednesdays; 14 October falls in the autumn holiday of the north.
    let days = [
        (date(10, 7), 360, HourActivity::Class, true),
        (date(10, 21), 360, HourActivity::Class, true),
        (date(10, 28), 300, HourActivity::Lesson, true),
        (date(11, 4), 360, HourActivity::Class, false),
        (date(11, 11), 330, HourActivity::Lesson, false),
        (date(11, 18), 360, HourActivity::Class, false),
    ];
    let note = |activity| match activity {
        HourActivity::Lesson => "Les uit Bruggen bouwen voorbereid en gegeven",
        _ => "Meegedraaid in groep 6",
    };
    let days = days.map(|(date, minutes, activity, decided)| {
        (date, minutes, activity, decided, note(activity))
    });
    log_days(
        store,
        fenna,
        placement,
        school,
        HourKind::Volunteered,
        &days,
        "Jeroen Bakker",
    )
    .await?;
    store
        .put_allowance_profile(
            fenna,
            &domain::contract::AllowanceProfile {
                age_category: domain::allowance::AgeCategory::TwentyOneOrOlder,
                hourly_rate: None,
                iban: Some(domain::iban::Iban::parse("NL20INGB0001234567")?),
                account_holder: Some("F. Dijkstra".to_owned()),
            },
        )
        .await?;
    Ok(())
}

/// Logs `days` (date, minutes, activity, approved, note) of `ambassador` at `placement` of
/// `school` as `kind`; the approved ones are approved by `decided_by`.
pub(super) async fn log_days(
    store: &Store,
    ambassador: Uuid,
    placement: Uuid,
    school: Uuid,
    kind: HourKind,
    days: &[(NaiveDate, i64, HourActivity, bool, &str)],
    decided_by: &str,
) -> anyhow::Result<()> {
    for &(date, minutes, activity, decided, note) in days {
        let input = HourEntryInput {
            placement_id: placement,
            ambassador_id: Some(ambassador),
            date,
            minutes,
            activity,
            kind: None,
            kind_reason: None,
            date_reason: None,
            note: note.to_owned(),
        };
        let entry = store
            .create_hour_entry(&NewHourEntry {
                ambassador_id: ambassador,
                school_id: school,
                input: &input,
                minutes: EntryMinutes::new(minutes)?,
                kind,
            })
            .await?;
        if decided {
            store
                .decide_hour_entry(
                    entry.id,
                    HourStatus::Submitted,
                    HourStatus::Approved,
                    None,
                    decided_by,
                )
                .await?;
        }
    }
    Ok(())
}

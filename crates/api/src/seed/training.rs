//! The demo's courses: the basic training on five Thursday afternoons, whose first session is
//! full with someone on the waiting list; an intervision group; and a scholingstraject that
//! starts with an intake. Dates follow the demo's clock, so the sessions are always ahead.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use domain::contract::{CourseInput, CourseSessionInput};
use domain::training::{CourseKind, EnrolmentStatus};
use store::Store;
use uuid::Uuid;

/// The demo's ambassadors who enrol: two with a place in the first session, one waiting.
pub struct Trainees {
    /// Enrolled in every session of the training.
    pub first: Uuid,
    /// Enrolled in the first session.
    pub second: Uuid,
    /// On the first session's waiting list.
    pub waiting: Uuid,
}

/// Seeds the courses, counting from `today`.
pub async fn seed(store: &Store, today: NaiveDate, trainees: &Trainees) -> anyhow::Result<()> {
    let training = store
        .create_course(&CourseInput {
            kind: CourseKind::Training,
            title: "Basistraining onderwijsambassadeur".into(),
            topics: vec![
                "Vreedzame school en kanjertraining".into(),
                "Klassenmanagement".into(),
                "Lesopbouw".into(),
                "Gedrag in de klas".into(),
            ],
            description: "Vijf donderdagmiddagen ter voorbereiding op je dag in de klas. \
                          Je rondt de training af als je er minstens vier bijwoont."
                .into(),
            requires_intake: false,
            requires_placement: false,
            min_attended: 4,
            offer_hours: 48,
            required_for_available: false,
        })
        .await?;
    let first_thursday = next_weekday(today + Duration::days(14), Weekday::Thu);
    // Sessions fall outside the school holidays of every region.
    let holidays = store.list_holidays(None).await?;
    let free = |day: &NaiveDate| {
        !holidays
            .iter()
            .any(|h| h.first_day <= *day && *day <= h.last_day)
    };
    let free_from = |from: NaiveDate| {
        (0..52)
            .map(|week| from + Duration::weeks(week))
            .find(|day| free(day))
            .unwrap_or(from)
    };
    let thursdays: Vec<NaiveDate> = (0..30)
        .map(|week| first_thursday + Duration::weeks(week))
        .filter(|day| free(day))
        .take(5)
        .collect();
    let mut sessions = Vec::new();
    for (week, date) in thursdays.into_iter().enumerate() {
        let session = store
            .create_course_session(
                training.id,
                &CourseSessionInput {
                    date,
                    starts_at: time(12, 0),
                    ends_at: time(15, 0),
                    location: "Programmabureau Klasbrug, Stationsplein 1, Voorbeeldstad".into(),
                    online_url: None,
                    capacity: if week == 0 { 2 } else { 12 },
                    teacher: "Trainer Vreedzaam Voorbeeld".into(),
                },
            )
            .await?;
        sessions.push(session.id);
    }
    for (index, session) in sessions.iter().enumerate() {
        store
            .create_enrolment(*session, trainees.first, EnrolmentStatus::Enrolled, false)
            .await?;
        if index == 0 {
            store
                .create_enrolment(*session, trainees.second, EnrolmentStatus::Enrolled, false)
                .await?;
            store
                .create_enrolment(*session, trainees.waiting, EnrolmentStatus::Waiting, false)
                .await?;
        }
    }

    let intervision = store
        .create_course(&CourseInput {
            kind: CourseKind::Intervision,
            title: "Intervisiegroep".into(),
            topics: vec!["Ervaringen uit de klas".into()],
            description: "Drie keer per schooljaar op donderdagmiddag, onder leiding van een \
                          intervisiebegeleider."
                .into(),
            requires_intake: false,
            requires_placement: true,
            min_attended: 2,
            offer_hours: 48,
            required_for_available: false,
        })
        .await?;
    for round in 0..3 {
        store
            .create_course_session(
                intervision.id,
                &CourseSessionInput {
                    date: free_from(first_thursday + Duration::weeks(6 + 12 * round)),
                    starts_at: time(15, 30),
                    ends_at: time(17, 30),
                    location: String::new(),
                    online_url: Some("https://meet.klasbrug.example/intervisie".into()),
                    capacity: 8,
                    teacher: "Intervisiebegeleider Demo".into(),
                },
            )
            .await?;
    }

    let traject = store
        .create_course(&CourseInput {
            kind: CourseKind::Scholingstraject,
            title: "Scholingstraject vakprofessional".into(),
            topics: vec!["Didactiek".into(), "Pedagogiek".into()],
            description: "Voor wie minstens een dag per week in het basisonderwijs werkt. \
                          Het traject begint met een intake over je ervaring en wensen."
                .into(),
            requires_intake: true,
            requires_placement: true,
            min_attended: 2,
            offer_hours: 72,
            required_for_available: false,
        })
        .await?;
    for week in [3, 5] {
        store
            .create_course_session(
                traject.id,
                &CourseSessionInput {
                    date: free_from(first_thursday + Duration::weeks(week) + Duration::days(1)),
                    starts_at: time(13, 0),
                    ends_at: time(16, 0),
                    location: "Pabo Voorbeeldstad, lokaal 2.14".into(),
                    online_url: None,
                    capacity: 10,
                    teacher: "Docent Pabo Voorbeeldstad".into(),
                },
            )
            .await?;
    }
    Ok(())
}

fn time(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default()
}

/// The first `weekday` on or after `from`.
fn next_weekday(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Duration::days(i64::from(ahead))
}

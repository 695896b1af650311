//! Demo lesson series: Fenna, placed at De Zeester on Wednesdays since September, has one series
//! scheduled for groep 6 in November and December 2026 and one waiting for the coordinator's
//! review. A demo policy limits De Zeester's groups to 22 hours a month in 2026-2027, so the
//! month view has a limit to show.

use chrono::{NaiveDate, NaiveTime};
use domain::contract::{
    Lesson, LessonDateInput, LessonSeriesInput, Meeting, PlacementInput, ScheduleInput,
};
use domain::holidays::Calendar;
use domain::hours_policy::{DEFAULT_EXCLUDED_DOMAINS, DEFAULT_MAX_MINUTES_PER_MONTH, HoursPolicy};
use domain::lesson_schedule::{SchoolDay, plan_group};
use domain::lesson_series::{LessonSeriesAction, LessonSeriesStatus, TargetGroup};
use domain::match_lifecycle::MatchStatus;
use domain::{Commitment, PlacementKind, PlacementStatus, SchoolYear, StartMoment, Weekday};
use store::{Actor, MatchUpdate, NewComment, NewMatch, Store};
use uuid::Uuid;

pub(super) fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

pub(super) fn time(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default()
}

/// Places `fenna` at `school` and gives her two lesson series; returns her placement.
pub async fn seed(
    store: &Store,
    admin: Actor<'_>,
    fenna: Uuid,
    school: Uuid,
) -> anyhow::Result<Uuid> {
    store
        .add_hours_policy(&HoursPolicy {
            name: "Demo: 22 uur per groep per maand (2026-2027)".to_owned(),
            valid_from: date(2026, 8, 1),
            valid_until: Some(date(2027, 7, 31)),
            municipalities: ["Groningen", "Amersfoort", "Eindhoven"]
                .map(String::from)
                .to_vec(),
            max_minutes_per_group_per_month: DEFAULT_MAX_MINUTES_PER_MONTH,
            excluded_domains: DEFAULT_EXCLUDED_DOMAINS.to_vec(),
        })
        .await?;
    let placement = place_active(
        store,
        admin,
        fenna,
        school,
        PlacementInput {
            school_id: None,
            school_year: SchoolYear::parse("2026-2027")?,
            start_moment: StartMoment::September,
            commitment: Commitment::HalfYear,
            weekday: Weekday::Wednesday,
            starts_at: time(8, 30),
            ends_at: time(15, 0),
            kind: PlacementKind::Thematic,
            group: None,
            teacher: None,
            task: None,
            theme: Some("Techniek en water".to_owned()),
            expertise: vec!["techniek".to_owned()],
            note: None,
            capacity: 1,
        },
        "Basisschool De Zeester",
    )
    .await?;

    let lesson = |title: &str, goal: &str, materials: &str| Lesson {
        title: title.to_owned(),
        goal: goal.to_owned(),
        minutes: 60,
        materials: materials.to_owned(),
    };
    let bridges = LessonSeriesInput {
        school_id: school,
        ambassador_id: Some(fenna),
        framework_code: "kerndoelen-2006".to_owned(),
        title: "Bruggen bouwen".to_owned(),
        description: "Waarom blijft een brug staan? De klas onderzoekt vormen en materialen en bouwt zelf een brug die een pak suiker draagt.".to_owned(),
        theme: "techniek".to_owned(),
        target_groups: vec![TargetGroup::po(6)?],
        objectives: vec![42, 45],
        lessons: vec![
            lesson("Sterke vormen", "Ontdekken welke vormen het meeste gewicht dragen", "papier, plakband, muntjes"),
            lesson("Een brug ontwerpen", "Een ontwerp tekenen en keuzes uitleggen", "ruitjespapier"),
            lesson("Bouwen en testen", "Het ontwerp bouwen, testen en verbeteren", "satéprikkers, touw, lijm, pak suiker"),
        ],
    };
    let series = store.create_lesson_series(&bridges, None).await?;
    let coordinator = store::NewComment {
        author_name: "Jeroen Bakker",
        text: "Mooi uitgewerkt; past goed bij het thema bouwen in groep 6.",
        action: Some(LessonSeriesAction::Approve),
    };
    for (from, to, comment) in [
        (
            LessonSeriesStatus::Draft,
            LessonSeriesStatus::Submitted,
            None,
        ),
        (
            LessonSeriesStatus::Submitted,
            LessonSeriesStatus::Approved,
            Some(coordinator),
        ),
    ] {
        store
            .transition_lesson_series(series.id, from, to, comment)
            .await?;
    }
    let group = TargetGroup::po(6)?;
    let dates = [date(2026, 11, 25), date(2026, 12, 2), date(2026, 12, 9)];
    let wanted = ScheduleInput {
        group,
        lessons: (1..)
            .zip(dates)
            .map(|(lesson, date)| LessonDateInput {
                lesson,
                date,
                starts_at: time(9, 0),
            })
            .collect(),
    };
    let day = SchoolDay::of(&placement);
    let planned = plan_group(
        &bridges.lessons,
        &bridges.target_groups,
        &wanted,
        &day,
        &Calendar::standard(),
    )
    .map_err(|e| anyhow::anyhow!("demo lessons do not fit: {e:?}"))?;
    let within_the_demo_rule = |_: &[domain::hours_policy::GroupLesson]| Ok::<_, ()>(());
    store
        .schedule_group(
            series.id,
            school,
            group,
            &planned,
            (dates[0], dates[2]),
            within_the_demo_rule,
        )
        .await?
        .map_err(|()| anyhow::anyhow!("the demo lessons break the demo rule"))?;

    let water = LessonSeriesInput {
        title: "Water in de wijk".to_owned(),
        description: "Waar komt ons kraanwater vandaan en waar gaat regenwater heen? Met een wandeling door de wijk en een proef met een zelfgemaakt filter.".to_owned(),
        theme: "water".to_owned(),
        target_groups: vec![TargetGroup::po(7)?, TargetGroup::po(8)?],
        objectives: vec![39, 42, 46],
        lessons: vec![
            lesson("Van bron tot kraan", "De weg van het drinkwater kunnen vertellen", "kaart van de wijk"),
            lesson("Regen in de wijk", "Zien waar regenwater blijft en waarom dat ertoe doet", "regenlaarzen, meetlint"),
            lesson("Een waterfilter maken", "Een filter bouwen en het resultaat verklaren", "petflessen, zand, grind, watten"),
        ],
        ..bridges
    };
    let draft = store.create_lesson_series(&water, None).await?;
    store
        .transition_lesson_series(
            draft.id,
            LessonSeriesStatus::Draft,
            LessonSeriesStatus::Submitted,
            Some(NewComment {
                author_name: "Fenna Dijkstra",
                text: "Klaar voor beoordeling. De wandeling kan ook in de buurt van de school.",
                action: Some(LessonSeriesAction::Submit),
            }),
        )
        .await?;
    Ok(placement.id)
}

/// Offers `input` at `school` and places `ambassador` there: a match confirmed by both sides
/// after an introduction at `meeting_place`, active since the placement's first day.
pub(super) async fn place_active(
    store: &Store,
    admin: Actor<'_>,
    ambassador: Uuid,
    school: Uuid,
    input: PlacementInput,
    meeting_place: &str,
) -> anyhow::Result<domain::contract::Placement> {
    let placement = store.create_placement(school, &input).await?;
    store
        .set_placement_status(
            placement.id,
            PlacementStatus::Draft,
            PlacementStatus::Open,
            None,
        )
        .await?;
    let proposed = store
        .create_match(
            &NewMatch {
                placement_id: placement.id,
                ambassador_id: ambassador,
                run_id: None,
                score: 0,
                breakdown: Vec::new(),
                reasons: vec!["Door het programma gekoppeld".to_owned()],
            },
            admin,
            date(2026, 8, 17),
        )
        .await?;
    // Both sides confirmed the week before the first school day.
    let confirmed = (placement.period.starts_on - chrono::Duration::days(7))
        .and_hms_opt(10, 0, 0)
        .map(|at| at.and_utc());
    store
        .update_match(
            &proposed,
            &MatchUpdate {
                status: MatchStatus::Active,
                meeting: Some(Meeting {
                    at: date(2026, 8, 19).and_time(time(15, 30)),
                    place: meeting_place.to_owned(),
                }),
                school_confirmed_at: confirmed,
                ambassador_confirmed_at: confirmed,
                starts_on: Some(placement.period.starts_on),
                declined_by: None,
                ended_on: None,
                reason: None,
            },
            admin,
            placement.period.starts_on,
        )
        .await?;
    Ok(placement)
}

//! The 22-hour rule, checked as a coordinator planning lessons would meet it.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const FIRST_AMBASSADOR: Uuid = Uuid::from_u128(0xA);
const SECOND_AMBASSADOR: Uuid = Uuid::from_u128(0xB);

fn lesson(id: u128, ambassador_id: Uuid, date: NaiveDate, minutes: u32) -> GroupLesson {
    GroupLesson {
        id: Uuid::from_u128(id),
        ambassador_id,
        date,
        minutes,
        domains: vec![Domain::OrientatieOpJezelfEnDeWereld],
    }
}

/// The G5 rule, but valid in 2026, as a follow-up rule would be.
fn rule_2026() -> HoursPolicy {
    HoursPolicy {
        valid_from: d(2026, 8, 1),
        valid_until: None,
        ..HoursPolicy::g5_experiment()
    }
}

/// Lessons of `minutes` each on consecutive days from `first`, ids from `first_id`.
fn lessons(
    first_id: u128,
    ambassador: Uuid,
    first: NaiveDate,
    count: u32,
    minutes: u32,
) -> Vec<GroupLesson> {
    (0..count)
        .map(|i| {
            lesson(
                first_id + u128::from(i),
                ambassador,
                first + chrono::Duration::days(i64::from(i)),
                minutes,
            )
        })
        .collect()
}

fn check(scheduled: &[GroupLesson], proposed: &[GroupLesson]) -> Result<(), HoursPolicyError> {
    check_group_lessons(&[rule_2026()], "Utrecht", "groep 5", scheduled, proposed)
}

#[test]
fn exactly_22_hours_in_a_month_is_allowed_and_one_minute_more_is_not() {
    let scheduled = lessons(1, FIRST_AMBASSADOR, d(2026, 11, 2), 10, 120);
    assert_eq!(
        check(
            &scheduled,
            &[lesson(100, FIRST_AMBASSADOR, d(2026, 11, 20), 120)]
        ),
        Ok(())
    );
    let err = check(
        &scheduled,
        &[lesson(100, FIRST_AMBASSADOR, d(2026, 11, 20), 121)],
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "groep 5 would get 22 hours 1 minute of lessons from professionals without a teaching \
         qualification in november 2026; the limit is 22 hours a month \
         (G5-experiment (Stcrt. 2020, 26759))"
    );
}

#[test]
fn lessons_on_31_october_and_1_november_count_in_different_months() {
    let october = lessons(1, FIRST_AMBASSADOR, d(2026, 10, 21), 11, 120);
    assert_eq!(
        check(
            &october,
            &[lesson(100, FIRST_AMBASSADOR, d(2026, 11, 1), 120)]
        ),
        Ok(())
    );
    assert!(matches!(
        check(
            &october,
            &[lesson(100, FIRST_AMBASSADOR, d(2026, 10, 31), 1)]
        ),
        Err(HoursPolicyError::MonthlyLimitExceeded {
            year: 2026,
            month: 10,
            planned_minutes: 1321,
            ..
        })
    ));
}

#[test]
fn lessons_by_every_ambassador_count_towards_the_group_limit() {
    let mut scheduled = lessons(1, FIRST_AMBASSADOR, d(2026, 11, 2), 6, 120);
    scheduled.extend(lessons(10, SECOND_AMBASSADOR, d(2026, 11, 10), 5, 120));
    let err = check(
        &scheduled,
        &[lesson(100, SECOND_AMBASSADOR, d(2026, 11, 25), 60)],
    )
    .unwrap_err();
    assert!(err.to_string().contains("23 hours"), "{err}");
    assert!(matches!(
        err,
        HoursPolicyError::MonthlyLimitExceeded {
            planned_minutes: 1380,
            ..
        }
    ));
}

#[test]
fn moving_a_lesson_takes_it_out_of_its_old_month() {
    let scheduled = lessons(1, FIRST_AMBASSADOR, d(2026, 11, 2), 11, 120);
    let mut moved = scheduled[0].clone();
    moved.date = d(2026, 12, 1);
    assert_eq!(check(&scheduled, &[moved.clone()]), Ok(()));
    // Moving within the full month keeps it full but not over.
    moved.date = d(2026, 11, 30);
    assert_eq!(check(&scheduled, &[moved]), Ok(()));
    // Adding a lesson to the full month is refused.
    assert!(
        check(
            &scheduled,
            &[lesson(100, SECOND_AMBASSADOR, d(2026, 11, 30), 15)]
        )
        .is_err()
    );
}

#[test]
fn excluded_subjects_are_refused_and_named() {
    let mut rekenen = lesson(100, FIRST_AMBASSADOR, d(2026, 11, 3), 60);
    rekenen.domains = vec![
        Domain::OrientatieOpJezelfEnDeWereld,
        Domain::RekenenWiskunde,
    ];
    assert_eq!(
        check(&[], &[rekenen]).unwrap_err().to_string(),
        "the lesson for groep 5 on 2026-11-03 teaches rekenen/wiskunde, which professionals \
         without a teaching qualification may not teach (G5-experiment (Stcrt. 2020, 26759))"
    );
    for domain in [Domain::Nederlands, Domain::Bewegingsonderwijs] {
        let mut excluded = lesson(101, FIRST_AMBASSADOR, d(2026, 11, 3), 60);
        excluded.domains = vec![domain];
        assert!(matches!(
            check(&[], &[excluded]),
            Err(HoursPolicyError::ExcludedDomain { domain: found, .. }) if found == domain
        ));
    }
    let mut engels = lesson(102, FIRST_AMBASSADOR, d(2026, 11, 3), 60);
    engels.domains = vec![Domain::Engels, Domain::KunstzinnigeOrientatie];
    assert_eq!(check(&[], &[engels]), Ok(()));
}

#[test]
fn schools_outside_the_listed_municipalities_are_not_limited() {
    let scheduled = lessons(1, FIRST_AMBASSADOR, d(2026, 11, 2), 20, 120);
    let mut rekenen = lesson(100, FIRST_AMBASSADOR, d(2026, 11, 30), 120);
    rekenen.domains = vec![Domain::RekenenWiskunde];
    let policies = [rule_2026()];
    assert_eq!(
        check_group_lessons(
            &policies,
            "Zwolle",
            "groep 5",
            &scheduled,
            &[rekenen.clone()]
        ),
        Ok(())
    );
    for inside in ["den haag", " DEN HAAG ", "Den Haag"] {
        assert!(
            check_group_lessons(&policies, inside, "groep 5", &scheduled, &[rekenen.clone()])
                .is_err(),
            "{inside}"
        );
    }
}

#[test]
fn the_g5_experiment_applies_only_within_its_validity_period() {
    let g5 = HoursPolicy::g5_experiment();
    assert!(!g5.applies("Rotterdam", d(2020, 7, 31)));
    assert!(g5.applies("Rotterdam", d(2020, 8, 1)));
    assert!(g5.applies("Rotterdam", d(2024, 7, 31)));
    assert!(!g5.applies("Rotterdam", d(2024, 8, 1)));
    let policies = [g5];
    let full_july = lessons(1, FIRST_AMBASSADOR, d(2024, 7, 1), 11, 120);
    let over = |date| lesson(100, FIRST_AMBASSADOR, date, 60);
    assert!(
        check_group_lessons(
            &policies,
            "Almere",
            "groep 7",
            &full_july,
            &[over(d(2024, 7, 31))]
        )
        .is_err()
    );
    let full_august = lessons(1, FIRST_AMBASSADOR, d(2024, 8, 1), 11, 120);
    assert_eq!(
        check_group_lessons(
            &policies,
            "Almere",
            "groep 7",
            &full_august,
            &[over(d(2024, 8, 30))]
        ),
        Ok(())
    );
}

#[test]
fn a_month_already_over_the_limit_does_not_block_other_months() {
    let full_november = lessons(1, FIRST_AMBASSADOR, d(2026, 11, 2), 12, 120);
    assert_eq!(
        check(
            &full_november,
            &[lesson(100, FIRST_AMBASSADOR, d(2026, 12, 1), 120)]
        ),
        Ok(())
    );
}

#[test]
fn durations_read_naturally() {
    assert_eq!(hours_text(45), "45 minutes");
    assert_eq!(hours_text(60), "1 hour");
    assert_eq!(hours_text(61), "1 hour 1 minute");
    assert_eq!(hours_text(1320), "22 hours");
    assert_eq!(month_text(2026, 10), "oktober 2026");
}

#[test]
fn no_policies_means_no_limit() {
    let scheduled = lessons(1, FIRST_AMBASSADOR, d(2026, 11, 2), 20, 120);
    assert_eq!(
        check_group_lessons(
            &[],
            "Utrecht",
            "groep 5",
            &scheduled,
            &[lesson(100, FIRST_AMBASSADOR, d(2026, 11, 30), 600)]
        ),
        Ok(())
    );
}

#[test]
fn a_months_limit_is_the_strictest_policy_in_force_on_any_of_its_days() {
    let g5 = HoursPolicy::g5_experiment();
    let stricter = HoursPolicy {
        name: "Strenger".into(),
        valid_from: NaiveDate::from_ymd_opt(2024, 7, 15).unwrap(),
        valid_until: None,
        max_minutes_per_group_per_month: 600,
        ..g5.clone()
    };
    let policies = [g5.clone(), stricter];
    let first = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    assert_eq!(
        strictest_in_month(&policies, "Utrecht", first(2024, 6)).map(|p| p.name.as_str()),
        Some(g5.name.as_str())
    );
    // July 2024: the G5 experiment's last month, the stricter one starts on the 15th.
    assert_eq!(
        strictest_in_month(&policies, "utrecht", first(2024, 7)).map(|p| p.name.as_str()),
        Some("Strenger")
    );
    assert_eq!(
        strictest_in_month(&policies, "Groningen", first(2024, 7)),
        None
    );
    assert_eq!(
        strictest_in_month(&policies[..1], "Utrecht", first(2024, 8)),
        None
    );
}

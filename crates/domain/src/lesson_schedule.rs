//! Giving a lesson series' lessons dates for one group.
//!
//! Every lesson of the series gets one date, in the series' order, on the ambassador's school
//! day, inside the placement's period, outside the school's region's holidays, and within the
//! school day's hours. The 22-hour rule is checked separately ([`crate::hours_policy`]), because
//! it needs every other lesson the group gets.

use chrono::{NaiveDate, NaiveTime, TimeDelta};

use crate::contract::{FieldError, Lesson, ScheduleInput};
use crate::holidays::Calendar;
use crate::lesson_series::TargetGroup;
use crate::{Period, Region, Weekday};

/// Where and when the ambassador is at school: from their placement and the school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolDay {
    /// The school's holiday region.
    pub region: Region,
    /// The day of the week at school.
    pub weekday: Weekday,
    /// The placement's first and last day.
    pub period: Period,
    /// When the school day starts.
    pub starts_at: NaiveTime,
    /// When it ends.
    pub ends_at: NaiveTime,
}

impl SchoolDay {
    /// The school day of a placement.
    pub fn of(placement: &crate::contract::Placement) -> Self {
        Self {
            region: placement.region,
            weekday: placement.weekday,
            period: placement.period,
            starts_at: placement.starts_at,
            ends_at: placement.ends_at,
        }
    }
}

/// A lesson given a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedLesson {
    /// Which lesson of the series, counting from 1.
    pub lesson: u32,
    /// The day.
    pub date: NaiveDate,
    /// When it starts.
    pub starts_at: NaiveTime,
    /// How long it takes.
    pub minutes: u32,
}

/// Checks `input` for a series with `lessons` for `target_groups`; returns the lessons in order,
/// or every problem by field.
pub fn plan_group(
    lessons: &[Lesson],
    target_groups: &[TargetGroup],
    input: &ScheduleInput,
    day: &SchoolDay,
    calendar: &Calendar,
) -> Result<Vec<PlannedLesson>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field: String, message: String| errors.push(FieldError { field, message });
    if !target_groups.contains(&input.group) {
        let groups: Vec<String> = target_groups.iter().map(ToString::to_string).collect();
        fail(
            "group".into(),
            format!(
                "{} is not one of the series' groups ({})",
                input.group,
                groups.join(", ")
            ),
        );
    }
    let count = lessons.len() as u32;
    for number in 1..=count {
        match input.lessons.iter().filter(|l| l.lesson == number).count() {
            0 => fail(
                "lessons".into(),
                format!("lesson {number} has no date; give each of the {count} lessons one"),
            ),
            1 => {}
            _ => fail(
                "lessons".into(),
                format!("lesson {number} has more than one date"),
            ),
        }
    }
    let mut planned = Vec::new();
    for (i, wanted) in input.lessons.iter().enumerate() {
        let Some(lesson) = (wanted.lesson as usize)
            .checked_sub(1)
            .and_then(|index| lessons.get(index))
        else {
            fail(
                format!("lessons[{i}].lesson"),
                format!(
                    "there is no lesson {}; the series has {count}",
                    wanted.lesson
                ),
            );
            continue;
        };
        if let Err(e) = calendar.check_lesson_date(day.region, day.weekday, day.period, wanted.date)
        {
            fail(format!("lessons[{i}].date"), e.to_string());
        }
        let ends_at = wanted.starts_at + TimeDelta::minutes(i64::from(lesson.minutes));
        if wanted.starts_at < day.starts_at || ends_at > day.ends_at || ends_at < wanted.starts_at {
            fail(
                format!("lessons[{i}].starts_at"),
                format!(
                    "a lesson of {} minutes from {} does not fit in the school day, {} to {}",
                    lesson.minutes,
                    wanted.starts_at.format("%H:%M"),
                    day.starts_at.format("%H:%M"),
                    day.ends_at.format("%H:%M"),
                ),
            );
        }
        planned.push(PlannedLesson {
            lesson: wanted.lesson,
            date: wanted.date,
            starts_at: wanted.starts_at,
            minutes: lesson.minutes,
        });
    }
    planned.sort_by_key(|p| p.lesson);
    for pair in planned.windows(2) {
        if let [before, after] = pair
            && before.lesson != after.lesson
            && (after.date, after.starts_at) < (before.date, before.starts_at)
        {
            fail(
                "lessons".into(),
                format!(
                    "lesson {} on {} comes before lesson {} on {}; keep the series' order",
                    after.lesson, after.date, before.lesson, before.date
                ),
            );
        }
    }
    if errors.is_empty() {
        Ok(planned)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::LessonDateInput;

    fn date(m: u32, d: u32) -> NaiveDate {
        let year = if m >= 8 { 2026 } else { 2027 };
        NaiveDate::from_ymd_opt(year, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn lessons(minutes: &[u32]) -> Vec<Lesson> {
        minutes
            .iter()
            .enumerate()
            .map(|(i, m)| Lesson {
                title: format!("Les {}", i + 1),
                goal: String::new(),
                minutes: *m,
                materials: String::new(),
            })
            .collect()
    }

    /// Wednesdays at a school in the north, from September to January.
    fn day() -> SchoolDay {
        SchoolDay {
            region: Region::Noord,
            weekday: Weekday::Wednesday,
            period: Period {
                starts_on: date(9, 1),
                ends_on: date(1, 31),
            },
            starts_at: time(8, 30),
            ends_at: time(15, 0),
        }
    }

    fn input(dates: &[(u32, NaiveDate, NaiveTime)]) -> ScheduleInput {
        ScheduleInput {
            group: TargetGroup::po(6).unwrap(),
            lessons: dates
                .iter()
                .map(|(lesson, date, starts_at)| LessonDateInput {
                    lesson: *lesson,
                    date: *date,
                    starts_at: *starts_at,
                })
                .collect(),
        }
    }

    fn plan(
        minutes: &[u32],
        dates: &[(u32, NaiveDate, NaiveTime)],
    ) -> Result<Vec<u32>, Vec<String>> {
        plan_group(
            &lessons(minutes),
            &[TargetGroup::po(6).unwrap()],
            &input(dates),
            &day(),
            &Calendar::standard(),
        )
        .map(|p| p.iter().map(|l| l.lesson).collect())
        .map_err(|e| {
            e.into_iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect()
        })
    }

    #[test]
    fn three_wednesdays_outside_the_holidays_are_planned_in_order() {
        let nine = time(9, 0);
        assert_eq!(
            plan(
                &[60, 60, 90],
                &[
                    (3, date(12, 9), nine),
                    (1, date(11, 25), nine),
                    (2, date(12, 2), nine)
                ]
            ),
            Ok(vec![1, 2, 3])
        );
    }

    #[test]
    fn a_date_in_the_christmas_holiday_or_on_another_day_is_refused_by_field() {
        let nine = time(9, 0);
        let errors = plan(
            &[60, 60],
            // 23 December 2026 is a Wednesday in the kerstvakantie; 3 December is a Thursday.
            &[(1, date(12, 3), nine), (2, date(12, 23), nine)],
        )
        .unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("lessons[0].date: 2026-12-03 is a thursday, not a"),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with("lessons[1].date: 2026-12-23 falls in the kerstvakantie"),
            "{errors:?}"
        );
    }

    #[test]
    fn the_autumn_holiday_of_the_north_is_not_the_souths() {
        // Herfstvakantie 2026: noord 10–18 October, zuid 17–25 October.
        let nine = time(9, 0);
        assert!(plan(&[60], &[(1, date(10, 14), nine)]).is_err());
        assert_eq!(plan(&[60], &[(1, date(10, 21), nine)]), Ok(vec![1]));
    }

    #[test]
    fn dates_outside_the_placement_period_are_refused() {
        let nine = time(9, 0);
        // The period ends on Sunday 31 January; Wednesday 3 February is after it.
        let errors = plan(
            &[60],
            &[(1, NaiveDate::from_ymd_opt(2027, 2, 3).unwrap(), nine)],
        )
        .unwrap_err();
        assert!(
            errors[0].contains("outside the period from 2026-09-01 to 2027-01-31"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_lesson_ends_by_the_end_of_the_school_day() {
        assert_eq!(plan(&[90], &[(1, date(11, 25), time(13, 30))]), Ok(vec![1]));
        let late = plan(&[90], &[(1, date(11, 25), time(13, 31))]).unwrap_err();
        assert_eq!(
            late,
            [
                "lessons[0].starts_at: a lesson of 90 minutes from 13:31 does not fit in the school day, 08:30 to 15:00"
            ]
        );
        assert!(plan(&[60], &[(1, date(11, 25), time(8, 0))]).is_err());
    }

    #[test]
    fn every_lesson_gets_exactly_one_date_and_the_group_must_be_the_series() {
        let nine = time(9, 0);
        let errors = plan(
            &[60, 60],
            &[
                (1, date(11, 25), nine),
                (1, date(12, 2), nine),
                (3, date(12, 9), nine),
            ],
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "lessons: lesson 1 has more than one date",
                "lessons: lesson 2 has no date; give each of the 2 lessons one",
                "lessons[2].lesson: there is no lesson 3; the series has 2",
            ]
        );
        let other_group = plan_group(
            &lessons(&[60]),
            &[TargetGroup::po(5).unwrap()],
            &input(&[(1, date(11, 25), nine)]),
            &day(),
            &Calendar::standard(),
        )
        .unwrap_err();
        assert_eq!(
            other_group[0].message,
            "groep 6 is not one of the series' groups (groep 5)"
        );
    }

    #[test]
    fn a_later_lesson_cannot_come_first() {
        let nine = time(9, 0);
        let errors = plan(
            &[60, 60],
            &[(1, date(12, 2), nine), (2, date(11, 25), nine)],
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "lessons: lesson 2 on 2026-11-25 comes before lesson 1 on 2026-12-02; keep the series' order"
            ]
        );
        // Two lessons on one day are fine, one after the other.
        assert_eq!(
            plan(
                &[60, 60],
                &[(1, date(12, 2), nine), (2, date(12, 2), time(10, 30))]
            ),
            Ok(vec![1, 2])
        );
    }
}

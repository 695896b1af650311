use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn period(first: NaiveDate, last: NaiveDate) -> StatementPeriod {
    StatementPeriod::new(first, last).unwrap()
}

fn agreement(id: u128, name: &str, weekly: u32, from: NaiveDate, to: NaiveDate) -> AgreementInput {
    AgreementInput {
        days_off: Vec::new(),
        employee_id: Uuid::from_u128(id),
        employee_name: name.to_owned(),
        sponsored_minutes_per_week: weekly,
        hourly_rate: Cents(6_000),
        period: Period {
            starts_on: from,
            ends_on: to,
        },
    }
}

fn entry(
    id: u128,
    date: NaiveDate,
    minutes: u32,
    kind: HourKind,
    status: HourStatus,
    school: &str,
) -> HourEntryInput {
    HourEntryInput {
        employee_id: Uuid::from_u128(id),
        date,
        minutes,
        kind,
        status,
        school_name: school.to_owned(),
    }
}

const ANNA: u128 = 1;
const BRAM: u128 = 2;
const CAS: u128 = 3;
const STRANGER: u128 = 9;

/// September 2026 (30 days; the 1st is a Tuesday) for three employees:
/// - Anna, hybrid: only her approved or locked sponsored entries count;
/// - Bram, at two schools, with entries just outside the month;
/// - Cas, whose agreement starts on Wednesday 16 September and who recorded nothing.
fn september() -> EmployerStatement {
    use HourKind::{Sponsored as S, Volunteered as V};
    use HourStatus::{Approved, Locked, Rejected, Submitted};
    let half_year = (d(2026, 9, 1), d(2027, 1, 31));
    let agreements = [
        agreement(ANNA, "Anna", 240, half_year.0, half_year.1),
        agreement(BRAM, "Bram", 480, half_year.0, half_year.1),
        agreement(CAS, "Cas", 420, d(2026, 9, 16), half_year.1),
    ];
    let entries = [
        entry(ANNA, d(2026, 9, 7), 240, S, Approved, "De Regenboog"),
        entry(ANNA, d(2026, 9, 7), 240, V, Approved, "De Regenboog"),
        entry(ANNA, d(2026, 9, 14), 240, S, Submitted, "De Regenboog"),
        entry(ANNA, d(2026, 9, 21), 240, S, Rejected, "De Regenboog"),
        entry(ANNA, d(2026, 9, 28), 240, S, Locked, "De Regenboog"),
        entry(BRAM, d(2026, 8, 31), 480, S, Approved, "Het Kompas"),
        entry(BRAM, d(2026, 9, 2), 480, S, Approved, "De Regenboog"),
        entry(BRAM, d(2026, 9, 9), 240, S, Approved, "Het Kompas"),
        entry(BRAM, d(2026, 9, 16), 300, S, Approved, "De Regenboog"),
        entry(BRAM, d(2026, 9, 30), 60, S, Locked, "Het Kompas"),
        entry(BRAM, d(2026, 10, 1), 480, S, Approved, "Het Kompas"),
        entry(STRANGER, d(2026, 9, 2), 480, S, Approved, "De Regenboog"),
    ];
    employer_statement(period(d(2026, 9, 1), d(2026, 9, 30)), &agreements, &entries)
}

/// (name, agreed, delivered, difference, minutes per school)
type Expected = (&'static str, u64, u64, i64, &'static [(&'static str, u64)]);

#[test]
fn each_employee_gets_delivered_sponsored_minutes_against_agreed() {
    let statement = september();
    let expected: [Expected; 3] = [
        // 240 × 30 / 7 = 1028.57…; only the approved and the locked sponsored entry count.
        ("Anna", 1_028, 480, -548, &[("De Regenboog", 480)]),
        // 480 × 30 / 7 = 2057.14…; the entries of 31 August and 1 October fall outside.
        (
            "Bram",
            2_057,
            1_080,
            -977,
            &[("De Regenboog", 780), ("Het Kompas", 300)],
        ),
        // 16 to 30 September is 15 days: 420 × 15 / 7 = 900 exactly, nothing delivered.
        ("Cas", 900, 0, -900, &[]),
    ];
    assert_eq!(statement.employees.len(), expected.len());
    for (line, (name, agreed, delivered, difference, schools)) in
        statement.employees.iter().zip(expected)
    {
        assert_eq!(line.employee_name, name);
        assert_eq!(line.agreed_minutes, agreed, "{name}: agreed");
        assert_eq!(line.delivered_minutes, delivered, "{name}: delivered");
        assert_eq!(line.difference_minutes, difference, "{name}: difference");
        let got: Vec<(&str, u64)> = line
            .schools
            .iter()
            .map(|s| (s.school_name.as_str(), s.minutes))
            .collect();
        assert_eq!(got, schools, "{name}: schools");
    }
    assert_eq!(statement.agreed_minutes, 1_028 + 2_057 + 900);
    assert_eq!(statement.delivered_minutes, 480 + 1_080);
}

#[test]
fn someone_elses_staff_do_not_appear() {
    let statement = september();
    assert!(
        statement
            .employees
            .iter()
            .all(|e| e.employee_id != Uuid::from_u128(STRANGER))
    );
}

#[test]
fn agreed_minutes_cover_only_the_days_shared_by_statement_and_agreement() {
    // Two whole weeks, Monday 7 to Sunday 20 September 2026, at 480 minutes a week.
    let two_weeks = agreement(ANNA, "Anna", 480, d(2026, 9, 7), d(2026, 9, 20));
    let cases = [
        // The whole agreement, within a longer period.
        ((2026, 9, 1), (2026, 9, 30), 960),
        // Half the agreement: its second week.
        ((2026, 9, 14), (2026, 9, 30), 480),
        // The other half: its first week.
        ((2026, 9, 1), (2026, 9, 13), 480),
        // From a Wednesday to the end: 5 of 14 days, 480 × 5 / 7 = 342.86….
        ((2026, 9, 16), (2026, 9, 30), 342),
        // One day.
        ((2026, 9, 7), (2026, 9, 7), 68),
        // Touching on the last day only.
        ((2026, 9, 20), (2026, 10, 31), 68),
        // Before and after.
        ((2026, 8, 1), (2026, 9, 6), 0),
        ((2026, 9, 21), (2026, 12, 31), 0),
    ];
    for ((y1, m1, d1), (y2, m2, d2), agreed) in cases {
        let statement = employer_statement(
            period(d(y1, m1, d1), d(y2, m2, d2)),
            std::slice::from_ref(&two_weeks),
            &[],
        );
        assert_eq!(
            statement.employees[0].agreed_minutes, agreed,
            "{y1}-{m1}-{d1} to {y2}-{m2}-{d2}"
        );
    }
}

#[test]
fn consecutive_months_add_up_to_the_months_together_within_a_minute() {
    let half_year = agreement(ANNA, "Anna", 480, d(2026, 9, 1), d(2027, 1, 31));
    let agreed = |first, last| {
        employer_statement(period(first, last), std::slice::from_ref(&half_year), &[])
            .agreed_minutes
    };
    let september = agreed(d(2026, 9, 1), d(2026, 9, 30));
    let october = agreed(d(2026, 10, 1), d(2026, 10, 31));
    let both = agreed(d(2026, 9, 1), d(2026, 10, 31));
    assert!(
        both - (september + october) <= 1,
        "{september} + {october} vs {both}"
    );
    // 153 days: 480 × 153 / 7 = 10491.43….
    assert_eq!(agreed(d(2026, 9, 1), d(2027, 1, 31)), 10_491);
}

#[test]
fn two_agreements_of_one_employee_make_one_line_with_the_latest_rate() {
    let mut first = agreement(ANNA, "Anna", 480, d(2026, 9, 1), d(2027, 1, 31));
    let mut second = agreement(ANNA, "Anna de Vries", 240, d(2027, 2, 1), d(2027, 7, 31));
    first.hourly_rate = Cents(5_000);
    second.hourly_rate = Cents(5_500);
    // January 2027 and February 2027: 31 and 28 days.
    let statement =
        employer_statement(period(d(2027, 1, 1), d(2027, 2, 28)), &[second, first], &[]);
    assert_eq!(statement.employees.len(), 1);
    let line = &statement.employees[0];
    // 480 × 31 / 7 = 2125 (2125.71…) and 240 × 28 / 7 = 960.
    assert_eq!(line.agreed_minutes, 2_125 + 960);
    assert_eq!(line.hourly_rate, Cents(5_500));
    assert_eq!(line.employee_name, "Anna de Vries");
}

#[test]
fn a_period_ending_before_it_starts_is_refused() {
    let error = StatementPeriod::new(d(2026, 9, 30), d(2026, 9, 1)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a statement from 2026-09-30 to 2026-09-01 ends before it starts; give the first day first"
    );
}

#[test]
fn hours_outside_the_employees_agreements_with_this_employer_do_not_count() {
    use HourKind::Sponsored as S;
    use HourStatus::Approved;
    // Anna's agreement ended on 15 October (she changed jobs); Bram's starts on 1 November.
    let agreements = [
        agreement(ANNA, "Anna", 480, d(2026, 9, 1), d(2026, 10, 15)),
        agreement(BRAM, "Bram", 480, d(2026, 11, 1), d(2027, 1, 31)),
    ];
    let entries = [
        entry(ANNA, d(2026, 10, 15), 480, S, Approved, "De Es"),
        entry(ANNA, d(2026, 10, 16), 480, S, Approved, "De Es"),
        entry(BRAM, d(2026, 10, 31), 480, S, Approved, "De Es"),
        entry(BRAM, d(2026, 11, 1), 480, S, Approved, "De Es"),
    ];
    let autumn = employer_statement(
        period(d(2026, 9, 1), d(2026, 12, 31)),
        &agreements,
        &entries,
    );
    let delivered: Vec<(&str, u64)> = autumn
        .employees
        .iter()
        .map(|e| (e.employee_name.as_str(), e.delivered_minutes))
        .collect();
    assert_eq!(delivered, [("Anna", 480), ("Bram", 480)]);
}

#[test]
fn agreed_minutes_are_due_on_school_days_only() {
    // 480 a week in the zuid autumn holiday of 2026 (17-25 October): nothing is due then.
    let zuid_autumn = Period {
        starts_on: d(2026, 10, 17),
        ends_on: d(2026, 10, 25),
    };
    let mut bram = agreement(BRAM, "Bram", 480, d(2026, 9, 1), d(2027, 1, 31));
    let holiday_only = period(d(2026, 10, 17), d(2026, 10, 25));
    let without = employer_statement(holiday_only, std::slice::from_ref(&bram), &[]);
    assert_eq!(
        without.agreed_minutes,
        480 * 9 / 7,
        "617 minutes when the holiday counts"
    );
    bram.days_off = vec![zuid_autumn];
    let with = employer_statement(holiday_only, std::slice::from_ref(&bram), &[]);
    assert_eq!(with.agreed_minutes, 0);
    // October as a whole: 31 days less the 9 holiday days.
    let october = employer_statement(period(d(2026, 10, 1), d(2026, 10, 31)), &[bram], &[]);
    assert_eq!(october.agreed_minutes, 480 * 22 / 7);
}

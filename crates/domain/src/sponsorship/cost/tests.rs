use super::*;
use crate::sponsorship::statement::{EmployeeStatement, StatementPeriod};
use uuid::Uuid;

fn row(role: &str, party: Party, hours: u64, euros_per_hour: i64) -> CostRow {
    CostRow {
        role: role.to_owned(),
        party,
        minutes: hours * 60,
        hourly_rate: Cents::euros(euros_per_hour),
    }
}

fn materials(value: i64, receipt: &str) -> Contribution {
    Contribution {
        kind: ContributionType::Materials,
        description: "Drukkosten lesmateriaal".to_owned(),
        amount: Cents::euros(value),
        given_on: NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(),
        party: Party::Employer,
        receipt_number: receipt.to_owned(),
    }
}

fn money(amount: i64, receipt: &str) -> Contribution {
    Contribution {
        kind: ContributionType::Money,
        description: String::new(),
        amount: Cents::euros(amount),
        given_on: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        party: Party::Employer,
        receipt_number: receipt.to_owned(),
    }
}

#[test]
fn each_row_is_hours_times_rate_rounded_down_to_the_cent() {
    // (minutes, cents per hour, cost in cents); the first three are rows of seeds/004.
    let cases = [
        (15 * 60, 10_500, 157_500),
        (64 * 60, 10_500, 672_000),
        (39 * 60, 9_300, 362_700),
        (50, 10_000, 8_333),
        (90, 333, 499),
        (1, 1, 0),
        (0, 10_500, 0),
        (480, 0, 0),
    ];
    for (minutes, rate, cost) in cases {
        let overview = cost_overview(
            &[CostRow {
                role: "ambassadeur".to_owned(),
                party: Party::Employer,
                minutes,
                hourly_rate: Cents(rate),
            }],
            &[],
        )
        .unwrap();
        assert_eq!(
            overview.rows[0].cost,
            Cents(cost),
            "{minutes} min at {rate}"
        );
    }
}

#[test]
fn totals_per_party_and_a_grand_total_with_contributions_as_lines_of_their_own() {
    let rows = [
        row("ambassadeur Anna", Party::Employer, 64, 105),
        row("coördinator", Party::Employer, 5, 93),
        row("intern coördinator", Party::School, 39, 93),
        row("begeleiding programma", Party::Programme, 25, 138),
    ];
    let contributions = [materials(5_000, "K-2026-001"), money(1_000, "K-2026-002")];
    let overview = cost_overview(&rows, &contributions).unwrap();

    // (party, minutes, hours cost, contributions, total), in euros.
    let expected = [
        (Party::Employer, 69 * 60, 6_720 + 465, 6_000, 13_185),
        (Party::School, 39 * 60, 3_627, 0, 3_627),
        (Party::Programme, 25 * 60, 3_450, 0, 3_450),
    ];
    assert_eq!(overview.parties.len(), expected.len());
    for (total, (party, minutes, hours_cost, given, sum)) in overview.parties.iter().zip(expected) {
        assert_eq!(total.party, party);
        // Contributions add money, never hours.
        assert_eq!(total.minutes, minutes, "{party}: minutes");
        assert_eq!(
            total.hours_cost,
            Cents::euros(hours_cost),
            "{party}: hours cost"
        );
        assert_eq!(
            total.contributions,
            Cents::euros(given),
            "{party}: contributions"
        );
        assert_eq!(total.total, Cents::euros(sum), "{party}: total");
    }
    assert_eq!(
        overview.hours_cost,
        Cents::euros(6_720 + 465 + 3_627 + 3_450)
    );
    assert_eq!(overview.contributions_total, Cents::euros(6_000));
    assert_eq!(overview.grand_total, Cents::euros(14_262 + 6_000));
    let receipts: Vec<&str> = overview
        .contributions
        .iter()
        .map(|c| c.receipt_number.as_str())
        .collect();
    assert_eq!(receipts, ["K-2026-001", "K-2026-002"]);
}

#[test]
fn a_party_without_rows_or_contributions_is_left_out() {
    let overview = cost_overview(&[row("ambassadeur", Party::Employer, 8, 60)], &[]).unwrap();
    assert_eq!(overview.parties.len(), 1);
    assert_eq!(overview.grand_total, Cents::euros(480));
    let given_only = cost_overview(&[], &[money(250, "K-1")]).unwrap();
    assert_eq!(given_only.parties[0].hours_cost, Cents::ZERO);
    assert_eq!(given_only.grand_total, Cents::euros(250));
}

#[test]
fn refusals_say_what_to_give() {
    let mut unnamed = materials(1, "K-1");
    unnamed.description = " ".to_owned();
    let cases: [(Vec<CostRow>, Vec<Contribution>, &str); 6] = [
        (vec![row(" ", Party::School, 1, 1)], vec![], "give the role"),
        (
            vec![row("coördinator", Party::School, 1, -1)],
            vec![],
            "give EUR 0.00 or more",
        ),
        (
            vec![],
            vec![materials(100, " ")],
            "receipt number of the contribution 'Drukkosten lesmateriaal'",
        ),
        (
            vec![],
            vec![money(-5, "K-1")],
            "a contribution of EUR -5.00",
        ),
        (
            vec![],
            vec![money(5, "")],
            "receipt number of the contribution 'EUR 5.00 on 2026-10-01'",
        ),
        (vec![], vec![unnamed], "say what materials were given"),
    ];
    for (rows, contributions, message) in cases {
        let error = cost_overview(&rows, &contributions)
            .unwrap_err()
            .to_string();
        assert!(error.contains(message), "{error}");
    }
}

#[test]
fn the_statement_gives_one_employer_row_per_ambassador_at_their_rate() {
    let first = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let statement = EmployerStatement {
        period: StatementPeriod::new(first, first).unwrap(),
        employees: vec![EmployeeStatement {
            employee_id: Uuid::nil(),
            employee_name: "Anna".to_owned(),
            hourly_rate: Cents(6_000),
            agreed_minutes: 1_000,
            delivered_minutes: 450,
            difference_minutes: -550,
            schools: Vec::new(),
        }],
        agreed_minutes: 1_000,
        delivered_minutes: 450,
    };
    let rows = ambassador_rows(&statement);
    assert_eq!(rows[0].role, "ambassadeur Anna");
    assert_eq!(rows[0].party, Party::Employer);
    let overview = cost_overview(&rows, &[]).unwrap();
    // Delivered, not agreed: 450 minutes at EUR 60 is EUR 450.
    assert_eq!(overview.grand_total, Cents::euros(450));
}

#[test]
fn a_contribution_is_one_flat_object_whatever_its_kind() {
    let mut given = money(250, "K-1");
    given.description = "Bijdrage schoolreis techniekmuseum".to_owned();
    let json = serde_json::to_value(&given).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "kind": "money",
            "description": "Bijdrage schoolreis techniekmuseum",
            "amount": 25_000,
            "given_on": "2026-10-01",
            "party": "employer",
            "receipt_number": "K-1"
        })
    );
    assert_eq!(serde_json::from_value::<Contribution>(json).unwrap(), given);
    // Money needs no description; materials do.
    given.description.clear();
    assert!(cost_overview(&[], &[given]).is_ok());
}

use domain::allowance::{CapKind, LineStatus};
use domain::contract::{FieldError, LineAction, Problem};

use crate::api::ApiError;
use crate::i18n::{EN, NL};

fn problem(status: u16, code: &str, field: Option<&str>) -> ApiError {
    ApiError::Problem(Box::new(Problem {
        request_id: None,
        problem_type: "about:blank".into(),
        title: "t".into(),
        status,
        detail: "an English detail for developers".into(),
        code: domain::contract::ErrorCode::parse(code)
            .unwrap_or_else(|| panic!("no such code: {code}")),
        details: None,
        errors: field
            .map(|field| {
                vec![FieldError {
                    field: field.into(),
                    message: "English".into(),
                }]
            })
            .unwrap_or_default(),
    }))
}

#[test]
fn statuses_and_caps_have_their_dutch_words() {
    let t = NL.allowances();
    let statuses: Vec<_> = LineStatus::ALL.iter().map(|s| t.status(*s)).collect();
    assert_eq!(statuses, ["concept", "goedgekeurd", "betaald"]);
    let caps: Vec<_> = CapKind::ALL.iter().map(|k| t.check(*k)).collect();
    assert_eq!(caps, ["Per maand", "Per jaar", "Uurtarief"]);
    assert_eq!(EN.allowances().status(LineStatus::Paid), "paid");
}

#[test]
fn why_a_volunteer_waits_is_said_in_dutch() {
    let t = NL.allowances();
    assert_eq!(
        t.waiting_reason("3 hour entries wait for the school's decision"),
        "3 urenregels wachten op het besluit van de school"
    );
    assert_eq!(
        t.waiting_reason("1 hour entries wait for the school's decision"),
        "1 urenregel wacht op het besluit van de school"
    );
    assert!(
        t.waiting_reason("no allowance details: record the age category (and IBAN) first")
            .starts_with("geen vergoedingsgegevens")
    );
    assert_eq!(t.waiting_reason("iets nieuws"), "iets nieuws");
}

#[test]
fn totals_count_lines_and_steps_name_the_volunteer() {
    let t = NL.allowances();
    assert_eq!(t.lines(1), "1 regel");
    assert_eq!(t.lines(0), "0 regels");
    assert_eq!(t.lines(12), "12 regels");
    assert_eq!(
        t.done(LineAction::MarkPaid, "Fenna Dijkstra"),
        "De vergoeding van Fenna Dijkstra is betaald."
    );
    assert!(
        t.done(LineAction::Reopen, "Fenna")
            .contains("weer een concept")
    );
    assert!(
        t.done(LineAction::Approve, "Fenna")
            .ends_with("goedgekeurd.")
    );
}

#[test]
fn refusals_of_the_payout_and_of_steps_are_said_in_dutch() {
    let t = NL.allowances();
    let say = |error: &ApiError| t.error(&NL, error, &[]);
    assert!(say(&problem(409, "over_cap", None)).contains("boven een maximum"));
    assert!(say(&problem(409, "nothing_to_pay", None)).contains("niets goedgekeurd"));
    assert!(say(&problem(409, "payout_account_missing", None)).contains("KLASBRUG_PAYOUT_IBAN"));
    assert!(say(&problem(409, "invalid_transition", None)).contains("opnieuw geladen"));
    assert!(say(&problem(422, "invalid_input", Some("execution_date"))).contains("uitvoerdatum"));
    assert!(say(&problem(422, "invalid_input", Some("amount"))).contains("negatief"));
    assert_eq!(say(&ApiError::Network), NL.err_network);
    let iban = problem(409, "iban_missing", None);
    assert!(say(&iban).contains("geen IBAN"));
    assert_eq!(
        t.error(&NL, &iban, &["Fenna Dijkstra", "Sem de Boer"]),
        "Van Fenna Dijkstra, Sem de Boer is geen IBAN bekend. Leg het vast in de vergoedingsgegevens en download daarna opnieuw."
    );
    for code in ["over_cap", "nothing_to_pay", "iban_missing"] {
        assert!(
            !say(&problem(409, code, None)).contains("English"),
            "{code}"
        );
    }
}

#[test]
fn each_refused_cap_field_says_its_rule() {
    let t = NL.allowances();
    assert!(
        t.caps_field_message("hourly_under_21")
            .contains("21 jaar of ouder")
    );
    assert!(t.caps_field_message("hourly_21_plus").contains("per maand"));
    assert!(t.caps_field_message("monthly").contains("per jaar"));
    assert!(t.caps_field_message("year").contains("2000"));
}

#[test]
fn the_missing_caps_are_named_by_year() {
    let message = crate::i18n::fill(NL.allowances().caps_missing, &[("year", "2026")]);
    assert!(
        message.starts_with("De maxima voor 2026 ontbreken."),
        "{message}"
    );
}

fn with_details(mut error: ApiError, details: domain::contract::ProblemDetails) -> ApiError {
    if let ApiError::Problem(problem) = &mut error {
        problem.details = Some(details);
    }
    error
}

#[test]
fn a_cap_refusal_is_said_in_dutch_from_its_details_not_its_english() {
    use domain::allowance::CapCheck;
    use domain::money::Cents;
    let t = NL.allowances();
    let yearly = with_details(
        problem(409, "over_cap", None),
        domain::contract::ProblemDetails {
            caps: vec![CapCheck {
                kind: CapKind::Yearly,
                total: Cents(212_000),
                cap: Cents(210_000),
            }],
            ..Default::default()
        },
    );
    let said = t.error(&NL, &yearly, &[]);
    assert!(
        said.contains("EUR 2.120,00") && said.contains("EUR 2.100,00 per jaar"),
        "{said}"
    );
    assert!(!said.contains("English"));
    // Without details, the general sentence.
    assert_eq!(
        t.error(&NL, &problem(409, "over_cap", None), &[]),
        t.err_over_cap
    );
}

#[test]
fn a_line_changed_meanwhile_and_a_correction_too_large_are_said_in_dutch() {
    let t = NL.allowances();
    assert_eq!(
        t.error(&NL, &problem(412, "precondition_failed", None), &[]),
        "Iemand anders heeft deze regel net gewijzigd; de nieuwe stand is geladen."
    );
    let too_much = with_details(
        problem(422, "invalid_input", Some("amount")),
        domain::contract::ProblemDetails {
            correctable: Some(domain::money::Cents(6_000)),
            ..Default::default()
        },
    );
    assert!(
        t.error(&NL, &too_much, &[]).contains("nog EUR 60,00"),
        "{}",
        t.error(&NL, &too_much, &[])
    );
    assert_eq!(
        t.error(&NL, &problem(422, "invalid_input", Some("amount")), &[]),
        t.err_negative
    );
}

//! The words of matches, candidates and ambassadors.
use domain::SchoolType;
use domain::contract::Problem;
use domain::vog::VogProblem;

use super::*;
use crate::i18n::{EN, NL};
use domain::ambassador::IntakeStatus;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn problem(status: u16, code: &str, detail: &str) -> ApiError {
    ApiError::Problem(Box::new(Problem {
        request_id: None,
        problem_type: "about:blank".into(),
        title: "t".into(),
        status,
        detail: detail.into(),
        code: domain::contract::ErrorCode::parse(code)
            .unwrap_or_else(|| panic!("no such code: {code}")),
        details: None,
        errors: Vec::new(),
    }))
}

#[test]
fn statuses_and_criteria_have_their_dutch_names() {
    let t = NL.matching();
    let statuses: Vec<_> = MatchStatus::ALL.iter().map(|s| t.status(*s)).collect();
    assert_eq!(
        statuses,
        [
            "Voorgesteld",
            "Klikgesprek gepland",
            "Bevestigd",
            "Actief",
            "Afgewezen",
            "Beëindigd"
        ]
    );
    let criteria: Vec<_> = Criterion::ALL.iter().map(|c| t.criterion(*c)).collect();
    assert_eq!(
        criteria,
        [
            "Past (dag, schooltype, plaats, start)",
            "Expertise",
            "Voorkeur ambassadeur",
            "Woont in de gemeente",
            "Was eerder op deze school"
        ]
    );
    let intake: Vec<_> = IntakeStatus::ALL
        .iter()
        .map(|s| NL.ambassadors().status(*s))
        .collect();
    assert_eq!(intake.len(), 8);
    assert_eq!(
        NL.ambassadors().status(IntakeStatus::Available),
        "Beschikbaar"
    );
    assert_eq!(EN.matching().status(MatchStatus::Declined), "Declined");
}

#[test]
fn a_meeting_reads_as_a_dutch_day_and_time() {
    let at = d(2026, 12, 8).and_hms_opt(15, 30, 0).unwrap_or_default();
    assert_eq!(
        NL.matching().meeting_when(&NL.dates, at),
        "di 8 dec. 2026 om 15:30"
    );
    assert_eq!(
        EN.matching().meeting_when(&EN.dates, at),
        "Tue 8 Dec 2026 at 15:30"
    );
}

/// A `vog_not_valid` problem whose English `detail` says nothing the web app may use.
fn vog_refusal(vog: VogProblem) -> ApiError {
    ApiError::Problem(Box::new(Problem {
        request_id: None,
        problem_type: "about:blank".into(),
        title: "Conflict".into(),
        status: 409,
        detail: "cannot activate (English, never shown)".into(),
        code: domain::contract::ErrorCode::parse("vog_not_valid")
            .unwrap_or_else(|| panic!("no such code: vog_not_valid")),
        details: Some(domain::contract::ProblemDetails {
            vog: Some(vog),
            ..Default::default()
        }),
        errors: Vec::new(),
    }))
}

#[test]
fn a_vog_refusal_is_told_in_dutch_with_its_dates_from_the_details() {
    let t = NL.matching();
    let too_old = VogProblem::TooOld {
        issued_on: d(2026, 2, 28),
        starts_on: d(2026, 9, 1),
        earliest: d(2026, 3, 1),
        school_type: SchoolType::Po,
        window: "",
    };
    assert_eq!(
        t.error(&NL, &vog_refusal(too_old)),
        "De VOG is afgegeven op 28 feb. 2026. Voor een plek die start op 1 sep. 2026 moet hij \
         op of na 1 mrt. 2026 zijn afgegeven (6 maanden voor de start)."
    );
    let cases = [
        (VogProblem::Missing, "nog geen VOG vastgelegd"),
        (VogProblem::Refused, "geweigerd"),
        (
            VogProblem::RefusedAfterValid {
                refused_on: d(2026, 11, 1),
                valid_issued_on: d(2026, 9, 15),
            },
            "op 1 nov. 2026 is een VOG geweigerd, na de geldige VOG van 15 sep. 2026",
        ),
        (
            VogProblem::IssuedAfterStart {
                issued_on: d(2027, 2, 2),
                starts_on: d(2027, 2, 1),
            },
            "2 feb. 2027",
        ),
        (
            VogProblem::SeenAfterStart {
                seen_on: d(2027, 2, 3),
                starts_on: d(2027, 2, 1),
            },
            "3 feb. 2027",
        ),
    ];
    for (vog, expected) in cases {
        let message = t.error(&NL, &vog_refusal(vog.clone()));
        assert!(message.contains(expected), "{vog}: {message}");
        assert!(
            !message.contains("English"),
            "the detail is never shown: {message}"
        );
    }
    // Without details the code alone still says it in Dutch.
    assert_eq!(
        t.error(&NL, &problem(409, "vog_not_valid", "whatever")),
        "Er is geen geldige VOG voor deze plek."
    );
}

#[test]
fn match_errors_say_what_to_do_and_never_show_the_detail() {
    let t = NL.matching();
    let message = t.error(&NL, &problem(409, "invalid_transition", "English"));
    assert!(message.contains("Vernieuw de pagina"), "{message}");
    assert!(message.contains("match"), "{message}");
    assert_eq!(t.error(&NL, &ApiError::Network), NL.err_network);
    let taken = problem(409, "ambassador_not_available", "English");
    assert_eq!(t.error(&NL, &taken), t.err_not_available);
    let full = problem(409, "placement_not_open", "English");
    assert_eq!(t.error(&NL, &full), t.err_placement_not_open);
    assert_eq!(
        t.error(&NL, &problem(403, "forbidden", "English")),
        NL.err_forbidden
    );
    let step = NL
        .ambassadors()
        .error(&NL, &problem(409, "invalid_transition", "English"));
    assert!(step.contains("stap"), "{step}");
}

#[test]
fn a_confirmation_before_the_meeting_is_refused_with_the_meeting_s_day_and_time() {
    let at = d(2026, 12, 10).and_hms_opt(15, 30, 0).unwrap_or_default();
    let refusal = |details: Option<domain::contract::ProblemDetails>| {
        ApiError::Problem(Box::new(Problem {
            request_id: None,
            problem_type: "about:blank".into(),
            title: "Conflict".into(),
            status: 409,
            detail: "English, never shown".into(),
            code: domain::contract::ErrorCode::MeetingNotHeld,
            details,
            errors: Vec::new(),
        }))
    };
    let with_meeting = refusal(Some(domain::contract::ProblemDetails {
        meeting: Some(domain::contract::Meeting {
            at,
            place: "De Zeester".into(),
        }),
        ..Default::default()
    }));
    assert_eq!(
        NL.matching().error(&NL, &with_meeting),
        "Bevestigen kan pas na het kennismakingsgesprek (op do 10 dec. 2026 om 15:30)."
    );
    assert!(
        EN.matching()
            .error(&EN, &with_meeting)
            .starts_with("Confirming is possible only after the introduction meeting (on ")
    );
    assert_eq!(
        NL.matching().error(&NL, &refusal(None)),
        "Bevestigen kan pas na het kennismakingsgesprek."
    );
    // The ambassador's page and Mijn plek tell it the same way.
    assert_eq!(
        NL.ambassadors().error(&NL, &with_meeting),
        NL.matching().error(&NL, &with_meeting)
    );
}

#[test]
fn a_placement_fits_on_one_line() {
    let placement: PlacementSummary = serde_json::from_value(serde_json::json!({
        "id": uuid::Uuid::nil(), "school_id": uuid::Uuid::nil(), "school_name": "De Zeester",
        "municipality": "Groningen", "school_year": "2026-2027", "start_moment": "february",
        "commitment": "half_year", "weekday": "tuesday", "kind": "class", "group": "groep 5"
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        NL.matching().placement_line(NL.placements(), &placement),
        "Dinsdag · In de klas · groep 5 · februari 2027, half jaar"
    );
}

#[test]
fn vog_validity_and_files_are_spelled_out() {
    let t = NL.ambassadors();
    assert_eq!(t.validity("po", true), "po ✓ geldig");
    assert_eq!(t.validity("vo", false), "vo ✗ niet geldig");
    assert_eq!(t.size(1), "1 kB");
    assert_eq!(t.size(20_000), "20 kB");
    assert_eq!(t.media_type("application/pdf"), "PDF");
}

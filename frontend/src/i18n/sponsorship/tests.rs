use domain::contract::{ContributionType, InvitationStatus, Problem};
use domain::sponsorship::{AgreementAction, AgreementStatus, Party};

use crate::api::ApiError;
use crate::i18n::{EN, NL};

fn problem(status: u16, code: &str) -> ApiError {
    ApiError::Problem(Box::new(Problem {
        request_id: None,
        problem_type: "about:blank".into(),
        title: "t".into(),
        status,
        detail: "an English detail for developers".into(),
        code: domain::contract::ErrorCode::parse(code)
            .unwrap_or_else(|| panic!("no such code: {code}")),
        details: None,
        errors: Vec::new(),
    }))
}

#[test]
fn statuses_have_their_dutch_words() {
    let t = NL.sponsorship();
    let invitations: Vec<_> = InvitationStatus::ALL
        .iter()
        .map(|s| t.invitation_status(*s))
        .collect();
    assert_eq!(
        invitations,
        [
            "Wacht op acceptatie",
            "Geaccepteerd",
            "Verlopen",
            "Vervangen"
        ]
    );
    let agreements: Vec<_> = AgreementStatus::ALL
        .iter()
        .map(|s| t.agreement_status(*s))
        .collect();
    assert_eq!(
        agreements,
        ["Voorgesteld", "Afgesproken", "Lopend", "Beëindigd"]
    );
    let steps: Vec<_> = AgreementAction::ALL.iter().map(|a| t.action(*a)).collect();
    assert_eq!(steps, ["Afspreken", "Starten", "Beëindigen"]);
    let parties: Vec<_> = Party::ALL.iter().map(|p| t.party(*p)).collect();
    assert_eq!(parties, ["Werkgever", "School", "Programma"]);
    assert_eq!(
        t.contribution_kind(ContributionType::Materials),
        "Materialen"
    );
    assert_eq!(
        EN.sponsorship()
            .invitation_status(InvitationStatus::Revoked),
        "Replaced"
    );
}

#[test]
fn hours_read_as_on_the_uren_page_with_a_sign_for_a_difference() {
    let t = NL.sponsorship();
    let words = NL.lesson_series();
    assert_eq!(t.hours(words, 1920), "32 uur");
    assert_eq!(t.hours(words, 90), "1 uur 30 min");
    assert_eq!(t.hours(words, 0), "0 uur");
    assert_eq!(t.difference(words, -90), "-1 uur 30 min");
    assert_eq!(t.difference(words, 120), "+2 uur");
    assert_eq!(t.difference(words, 0), "0 uur");
}

#[test]
fn a_step_says_whose_agreement_it_was() {
    let t = NL.sponsorship();
    assert_eq!(
        t.done(AgreementAction::End, "Noah Verbeek"),
        "De afspraak met Noah Verbeek is beëindigd."
    );
}

#[test]
fn a_password_the_server_refuses_is_called_too_easy_to_guess() {
    let t = NL.sponsorship();
    let wrong = t.refused_by_server(vec![
        ("password".to_owned(), t.msg_password),
        ("email".to_owned(), t.msg_email),
    ]);
    assert_eq!(wrong[0].1, t.msg_password_weak);
    assert!(wrong[0].1.contains("te makkelijk te raden"));
    assert_eq!(wrong[1].1, t.msg_email);
}

#[test]
fn the_codes_of_sponsorship_are_said_in_dutch() {
    let t = NL.sponsorship();
    let cases = [
        (409, "employer_not_verified", "eerst verifiëren"),
        (409, "receipt_taken", "bonnummer is al gebruikt"),
        (410, "invitation_expired", "verlopen"),
        (410, "invitation_already_used", "al gebruikt"),
        (409, "invitation_wrong_employer", "andere werkgever"),
        (409, "not_linked", "hoort niet (meer) bij"),
    ];
    for (status, code, words) in cases {
        let message = t.error(&NL, &problem(status, code));
        assert!(message.contains(words), "{code}: {message}");
        assert!(!message.contains("English"));
    }
    assert_eq!(t.error(&NL, &problem(403, "forbidden")), NL.err_forbidden);
}

#[test]
fn a_refused_field_gets_its_dutch_rule() {
    let t = NL.sponsorship();
    assert!(t.field_message("password").contains("10 tekens"));
    assert!(
        t.field_message("sponsored_minutes_per_week")
            .contains("uren")
    );
    assert!(t.field_message("hourly_rate").contains("euro"));
    assert_eq!(t.field_message("something_new"), t.msg_check);
}

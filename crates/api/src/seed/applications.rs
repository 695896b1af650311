//! The demo's applications: Joris applied on the website and confirmed (an ambassador in
//! `registered`, with his motivation letter and CV, on top of Ambassadeurs as new), and the demo
//! partner applied for Pieter, who has not confirmed yet.

use chrono::{DateTime, Duration, Utc};
use domain::ambassador::{DocumentFormat, DocumentKind, Funding};
use domain::contract::AmbassadorInput;
use domain::contract::application::APPLICATION_VALID_DAYS;
use domain::{Commitment, EmailAddress, SchoolType, SchoolYear, StartMoment, Weekday};
use sha2::{Digest, Sha256};
use store::{Document, NewApplication, NewUser, PartnerSubmission, Store};
use uuid::Uuid;

/// Who applied on the website and confirmed: a demo login like the others.
pub const APPLICANT: (&str, &str) = ("Joris Vermeer", "joris@ambassadeur.example");

fn profile(name: &str, email: &str, home: &str, weekdays: &[Weekday]) -> AmbassadorInput {
    AmbassadorInput {
        name: name.to_owned(),
        email: email.to_owned(),
        phone: None,
        employer_id: None,
        expertise: vec!["bouwkunde".to_owned()],
        themes: Vec::new(),
        school_type: Some(SchoolType::Po),
        home_municipality: Some(home.to_owned()),
        municipalities: Vec::new(),
        weekdays: weekdays.to_vec(),
        commitment: Commitment::WholeYear,
        available_from_year: SchoolYear::starting(2027)
            .unwrap_or(SchoolYear::containing(chrono::NaiveDate::MIN)),
        available_from_moment: StartMoment::September,
        minutes_per_day: 420,
        funding: Funding::Volunteer,
        sponsored_minutes_per_week: 0,
        volunteer_minutes_per_week: 0,
        preferred_school_ids: Vec::new(),
    }
}

fn pdf(text: &str) -> Document {
    Document {
        kind: DocumentKind::MotivationLetter,
        format: DocumentFormat::Pdf,
        content: format!("%PDF-1.4\n{text}\n%%EOF").into_bytes(),
    }
}

/// Seeds both applications; `partner_client` is the demo partner's client row.
pub async fn seed(
    store: &Store,
    programme: Uuid,
    password_hash: &str,
    partner_client: Uuid,
    partner_candidate: Uuid,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let letter = pdf("Motivatiebrief (demo)");
    let cv = Document {
        kind: DocumentKind::Cv,
        ..pdf("Cv (demo)")
    };
    let submitted = now - Duration::days(1);
    let expires = submitted + Duration::days(APPLICATION_VALID_DAYS);

    // Joris: applied yesterday, confirmed this morning.
    let joris = profile(APPLICANT.0, APPLICANT.1, "Zwolle", &[Weekday::Thursday]);
    let token = Sha256::digest(b"demo-joris").to_vec();
    let application = store
        .create_application(&NewApplication {
            profile: &joris,
            sponsoring_employer: None,
            partner: None,
            token_hash: Some(&token),
            motivation_letter: &letter,
            cv: &cv,
            submitted_at: submitted,
            privacy_statement_version: domain::contract::application::PRIVACY_STATEMENT_VERSION,
            expires_at: expires,
        })
        .await?;
    let user = store
        .create_user(&NewUser {
            email: EmailAddress::parse(APPLICANT.1)?,
            name: APPLICANT.0.to_owned(),
            password_hash: password_hash.to_owned(),
        })
        .await?;
    store
        .add_membership(user.id, programme, domain::Role::Ambassador)
        .await?;
    let ambassador = store
        .create_ambassador(
            &joris,
            Some(user.id),
            None,
            domain::local_date::amsterdam_date(now),
        )
        .await?;
    store.put_document(ambassador.id, &letter).await?;
    store.put_document(ambassador.id, &cv).await?;
    store
        .complete_application(application, ambassador.id, now - Duration::hours(2))
        .await?;

    // Pieter: the partner applied for him an hour ago; the link waits in his mailbox.
    let pieter = profile(
        "Pieter Bos",
        "pieter.bos@voorbeeld.example",
        "Assen",
        &[Weekday::Friday],
    );
    let token = Sha256::digest(b"demo-pieter").to_vec();
    let request = Sha256::digest(b"demo-pieter-request").to_vec();
    store
        .create_application(&NewApplication {
            profile: &pieter,
            sponsoring_employer: Some("Transportbedrijf Voorbeeld"),
            partner: Some(PartnerSubmission {
                client_id: partner_client,
                idempotency_key: "demo-kandidaat-1",
                request_hash: &request,
            }),
            token_hash: Some(&token),
            motivation_letter: &letter,
            cv: &cv,
            submitted_at: now - Duration::hours(1),
            privacy_statement_version: domain::contract::application::PRIVACY_STATEMENT_VERSION,
            expires_at: now - Duration::hours(1) + Duration::days(APPLICATION_VALID_DAYS),
        })
        .await?;

    // Sem: the partner applied for him in the spring; he confirmed and is in the pool now, so
    // the partner follows his matches (and hears of them through its webhooks).
    let sem = profile(
        "Sem Willems",
        "sem@ambassadeur.example",
        "Utrecht",
        &[Weekday::Tuesday],
    );
    let request = Sha256::digest(b"demo-sem-request").to_vec();
    let spring = now - Duration::days(200);
    let application = store
        .create_application(&NewApplication {
            profile: &sem,
            sponsoring_employer: None,
            partner: Some(PartnerSubmission {
                client_id: partner_client,
                idempotency_key: "demo-kandidaat-0",
                request_hash: &request,
            }),
            token_hash: None,
            motivation_letter: &letter,
            cv: &cv,
            submitted_at: spring,
            privacy_statement_version: domain::contract::application::PRIVACY_STATEMENT_VERSION,
            expires_at: spring + Duration::days(APPLICATION_VALID_DAYS),
        })
        .await?;
    store
        .complete_application(application, partner_candidate, spring + Duration::days(1))
        .await?;
    Ok(())
}

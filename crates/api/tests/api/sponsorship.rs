//! Employer sponsorship: signing up and verification, invitations (expired, reused, replaced and
//! wrong-employer tokens), agreements feeding the funding arrangement, contributions, the
//! statement with its social return and cost overview, downloads, and isolation between
//! employers.

use chrono::{Duration, Utc};
use domain::ambassador::Funding;
use domain::contract::{
    AcceptedInvitation, Agreement, Ambassador, Employee, Employer, HourEntry, Invitation,
    InvitationPreview, InvitationStatus, Page, SignUpReceived, SponsorshipReport,
};
use domain::sponsorship::AgreementStatus;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::mail::{invitation_links, token_of};
use testkit::on_both_backends;
use uuid::Uuid;

use crate::helpers::*;
use crate::statement_cells;

const LINDEHOF_CONTACT: &str = "hr@lindehof.example";
const ZUIDERLICHT_COORDINATOR: &str = "ic@zuiderlicht.example";
const MAIL_LOG: (&str, &str) = ("RUST_LOG", "warn,klasbrug::mail=info");

async fn anonymous(app: &TestApp, method: Method, path: &str, body: &Value) -> reqwest::Response {
    app.client
        .request(method, app.url(path))
        .json(body)
        .send()
        .await
        .expect("a request")
}

async fn log_in(app: &TestApp, email: &str, password: &str) -> String {
    let response = app.login(email, password).await;
    assert_eq!(response.status(), StatusCode::OK, "login as {email}");
    response
        .json::<domain::contract::AccessToken>()
        .await
        .unwrap()
        .access_token
}

async fn employer_of_contact(app: &TestApp, token: &str) -> Employer {
    let list: Vec<Employer> = app.get_json("/api/v1/employers", token).await;
    assert_eq!(list.len(), 1, "a contact sees their own employer only");
    list.into_iter().next().unwrap()
}

async fn employer_of(app: &TestApp, contact: &str) -> Employer {
    let token = app.login_as(contact).await;
    let list: Vec<Employer> = app.get_json("/api/v1/employers", &token).await;
    assert_eq!(list.len(), 1, "{contact} sees their own employer only");
    list.into_iter().next().unwrap()
}

/// The token of the `nth` (from 1) invitation e-mailed to `email`, from the server's log.
async fn token_mailed_to(app: &TestApp, email: &str, nth: usize) -> String {
    let link = app
        .server
        .wait_for_log(|log| invitation_links(log, email).into_iter().nth(nth - 1))
        .await;
    token_of(&link).to_owned()
}

async fn statement(app: &TestApp, token: &str, employer: Uuid) -> SponsorshipReport {
    app.get_json(
        &format!("/api/v1/employers/{employer}/statement?from=2026-09-01&to=2026-12-31"),
        token,
    )
    .await
}

fn sign_up_body(email: &str, password: &str) -> Value {
    json!({
        "organisation_name": "Installatiebedrijf Voorbeeld", "municipality": "Utrecht",
        "contact_name": "Anne Voorbeeld", "email": email, "password": password
    })
}

async fn sign_up_from(app: &TestApp, forwarded: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/employers"))
        .header("X-Forwarded-For", forwarded)
        .json(body)
        .send()
        .await
        .expect("a sign-up request")
}

on_both_backends! {
    async fn sign_up_answers_the_same_whether_or_not_the_address_has_an_account(db) {
        let app = spawn_app_with(&db, &[MAIL_LOG]).await;
        let admin = app.login_as(ADMIN).await;
        let before: Vec<Employer> = app.get_json("/api/v1/employers", &admin).await;

        // The address has an account (in other letters): the same 202 and body, nothing made,
        // and its owner is told someone tried.
        let taken = anonymous(&app, Method::POST, "/api/v1/employers", &sign_up_body("HR@Hoogland.Example", "paars-olifant-fiets-97")).await;
        assert_eq!(taken.status(), StatusCode::ACCEPTED);
        let taken_body = taken.text().await.unwrap();
        let notice = app.server.wait_for_log(|log| {
            log.split("e-mail to ").find(|m| m.starts_with(EMPLOYER_CONTACT)).map(str::to_owned)
        }).await;
        assert!(notice.contains("Aanmelding met je e-mailadres") && notice.contains("niets aangemaakt"), "{notice}");
        let after: Vec<Employer> = app.get_json("/api/v1/employers", &admin).await;
        assert_eq!(before, after, "nothing was made for a taken address");
        assert_eq!(app.login(EMPLOYER_CONTACT, "paars-olifant-fiets-97").await.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(app.login(EMPLOYER_CONTACT, PASSWORD).await.status(), StatusCode::OK);

        // A new address: the very same answer; the employer is made and the contact told.
        let new = anonymous(&app, Method::POST, "/api/v1/employers", &sign_up_body("hr@installatie.example", "paars-olifant-fiets-97")).await;
        assert_eq!(new.status(), StatusCode::ACCEPTED);
        assert_eq!(new.text().await.unwrap(), taken_body);
        let confirmation = app.server.wait_for_log(|log| {
            log.split("e-mail to ").find(|m| m.starts_with("hr@installatie.example")).map(str::to_owned)
        }).await;
        assert!(confirmation.contains("Je aanmelding bij Klasbrug"), "{confirmation}");
        let after: Vec<Employer> = app.get_json("/api/v1/employers", &admin).await;
        assert_eq!(after.len(), before.len() + 1);
    }

    async fn a_password_that_is_easy_to_guess_is_refused_on_its_field(db) {
        let app = spawn_app(&db).await;
        let cases = [
            ("anne.voorbeeld@installatie.example", "aaaaaaaaaaaa", "too easy to guess"),
            ("anne.voorbeeld@installatie.example", "wachtwoord123", "too easy to guess"),
            ("anne.voorbeeld@installatie.example", "anne.voorbeeld-rood-paars-97", "e-mail address or organisation name"),
            ("anne.voorbeeld@installatie.example", "INSTALLATIEBEDRIJF VOORBEELD 97!", "e-mail address or organisation name"),
        ];
        for (email, password, says) in cases {
            let response = anonymous(&app, Method::POST, "/api/v1/employers", &sign_up_body(email, password)).await;
            let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors.len(), 1, "{password}: {problem:?}");
            assert_eq!(problem.errors[0].field, "password");
            assert!(problem.errors[0].message.contains(says), "{password}: {problem:?}");
        }
        assert_eq!(app.login("anne.voorbeeld@installatie.example", "aaaaaaaaaaaa").await.status(), StatusCode::UNAUTHORIZED);
    }

    async fn public_sign_up_is_limited_per_client_address_even_in_parallel(db) {
        let app = spawn_app_with(&db, &[("KLASBRUG_BEHIND_PROXY", "1")]).await;
        let bodies: Vec<Value> = (0..25).map(|n| sign_up_body(&format!("hr{n}@massa.example"), "paars-olifant-fiets-97")).collect();
        let flood = futures_util::future::join_all(
            bodies.iter().map(|body| sign_up_from(&app, "192.0.2.1, 203.0.113.9", body)),
        ).await;
        let accepted = flood.iter().filter(|r| r.status() == StatusCode::ACCEPTED).count();
        assert_eq!(accepted, 10, "{:?}", flood.iter().map(reqwest::Response::status).collect::<Vec<_>>());
        for response in flood.into_iter().filter(|r| r.status() != StatusCode::ACCEPTED) {
            let retry_after: u64 = response.headers().get(reqwest::header::RETRY_AFTER).unwrap().to_str().unwrap().parse().unwrap();
            assert!((1..=3600).contains(&retry_after));
            assert_problem(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
        }
        let elsewhere = sign_up_from(&app, "198.51.100.4", &sign_up_body("hr@elders.example", "paars-olifant-fiets-97")).await;
        assert_eq!(elsewhere.status(), StatusCode::ACCEPTED);
    }

    async fn an_employer_signs_up_is_verified_and_its_employee_accepts_an_invitation(db) {
        let app = spawn_app_with(&db, &[MAIL_LOG]).await;
        let admin = app.login_as(ADMIN).await;

        // Sign-up: bad input names every field and makes nothing.
        let bad = anonymous(&app, Method::POST, "/api/v1/employers", &json!({
            "organisation_name": "", "municipality": "", "contact_name": "A", "email": "geen", "password": "kort"
        })).await;
        let problem = assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["organisation_name", "municipality", "email", "password"]);
        let sign_up = json!({
            "organisation_name": "Installatiebedrijf Voorbeeld", "municipality": "Utrecht",
            "contact_name": "Anne Voorbeeld", "email": "hr@installatie.example", "password": "een-lang-wachtwoord"
        });
        let created = anonymous(&app, Method::POST, "/api/v1/employers", &sign_up).await;
        assert_eq!(created.status(), StatusCode::ACCEPTED);
        assert_eq!(created.json::<SignUpReceived>().await.unwrap(), SignUpReceived::check_your_email());
        app.server.wait_for_log(|log| log.contains("e-mail to hr@installatie.example").then_some(())).await;

        // Unverified: the contact logs in but registers nobody.
        let contact = log_in(&app, "hr@installatie.example", "een-lang-wachtwoord").await;
        let employer = employer_of_contact(&app, &contact).await;
        assert!(!employer.verified);
        assert_eq!(employer.municipality, "Utrecht");
        let invitations = format!("/api/v1/employers/{}/invitations", employer.id);
        let invite = json!({"name": "Sanne Voorbeeld", "email": "sanne@installatie.example"});
        assert_problem(app.call(Method::POST, &invitations, &contact, Some(&invite)).await, StatusCode::CONFLICT, "employer_not_verified").await;
        assert!(app.get_json::<Vec<Invitation>>(&invitations, &contact).await.is_empty());

        // Only programme staff verify, once.
        let verification = format!("/api/v1/employers/{}/verification", employer.id);
        assert_problem(app.call(Method::POST, &verification, &contact, None).await, StatusCode::FORBIDDEN, "forbidden").await;
        let other_contact = app.login_as(EMPLOYER_CONTACT).await;
        assert_problem(app.call(Method::POST, &verification, &other_contact, None).await, StatusCode::NOT_FOUND, "not_found").await;
        let all: Vec<Employer> = app.get_json("/api/v1/employers", &admin).await;
        assert!(!all[0].verified, "unverified employers come first: {all:?}");
        assert!(all.iter().any(|e| e.id == employer.id));
        let verified: Employer = app.post_ok(&verification, &admin, &json!(null), StatusCode::OK).await;
        assert!(verified.verified && verified.verified_at.is_some());
        assert_problem(app.call(Method::POST, &verification, &admin, None).await, StatusCode::CONFLICT, "already_verified").await;

        // The invitation: bad input, then sent; the token is only in the e-mail.
        let empty = app.call(Method::POST, &invitations, &contact, Some(&json!({"name": " ", "email": "x"}))).await;
        assert_problem(empty, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let sent: Invitation = app.post_ok(&invitations, &contact, &invite, StatusCode::CREATED).await;
        assert_eq!(sent.status, InvitationStatus::Pending);
        assert_eq!(sent.expires_at - sent.created_at, Duration::days(14));
        let token = token_mailed_to(&app, "sanne@installatie.example", 1).await;
        assert_eq!(token.len(), 43, "256 bits, URL-safe");
        let listed = app.call(Method::GET, &invitations, &contact, None).await.text().await.unwrap();
        assert!(!listed.contains(&token), "the employer never sees the token");

        let preview: InvitationPreview = app.get_json(&format!("/api/v1/invitations/{token}"), "").await;
        assert_eq!((preview.employer_name.as_str(), preview.employee_name.as_str()), ("Installatiebedrijf Voorbeeld", "Sanne Voorbeeld"));
        assert!(!preview.account_exists);
        assert_problem(app.get("/api/v1/invitations/onbekend", "").await, StatusCode::NOT_FOUND, "not_found").await;

        // Accepting: another employer's link, bad input; nothing is made.
        let hoogland = employer_of(&app, EMPLOYER_CONTACT).await;
        let accept = |employer: Uuid| format!("/api/v1/employers/{employer}/invitation-acceptances");
        let good = json!({"token": token, "password": "zilveren-fiets-op-dinsdag", "weekdays": ["thursday"]});
        assert_problem(anonymous(&app, Method::POST, &accept(hoogland.id), &good).await, StatusCode::CONFLICT, "invitation_wrong_employer").await;
        let weak = json!({"token": token, "password": "aaaaaaaaaaaa", "weekdays": ["thursday"]});
        let problem = assert_problem(anonymous(&app, Method::POST, &accept(employer.id), &weak).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!((problem.errors[0].field.as_str(), problem.errors.len()), ("password", 1));
        let bad = json!({"token": token, "password": "kort", "weekdays": []});
        let problem = assert_problem(anonymous(&app, Method::POST, &accept(employer.id), &bad).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["password", "weekdays"]);
        assert_eq!(app.login("sanne@installatie.example", "zilveren-fiets-op-dinsdag").await.status(), StatusCode::UNAUTHORIZED);

        let accepted = anonymous(&app, Method::POST, &accept(employer.id), &good).await;
        assert_eq!(accepted.status(), StatusCode::CREATED);
        let accepted: AcceptedInvitation = accepted.json().await.unwrap();
        assert!(accepted.account_created);
        let sanne = log_in(&app, "sanne@installatie.example", "zilveren-fiets-op-dinsdag").await;
        let profile: Ambassador = app.get_json("/api/v1/me/ambassador", &sanne).await;
        assert_eq!(profile.id, accepted.ambassador_id);
        assert_eq!(profile.profile.employer_id, Some(employer.id));
        assert_eq!(profile.profile.funding, Funding::Sponsored);

        // Spent: reused and previewed again.
        assert_problem(anonymous(&app, Method::POST, &accept(employer.id), &good).await, StatusCode::GONE, "invitation_already_used").await;
        assert_problem(app.get(&format!("/api/v1/invitations/{token}"), "").await, StatusCode::GONE, "invitation_already_used").await;
        let listed: Vec<Invitation> = app.get_json(&invitations, &contact).await;
        assert_eq!((listed[0].status, listed[0].ambassador_id), (InvitationStatus::Accepted, Some(accepted.ambassador_id)));
        let staff: Vec<Employee> = app.get_json(&format!("/api/v1/employers/{}/employees", employer.id), &contact).await;
        assert_eq!(staff.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Sanne Voorbeeld"]);

        // A second invitation to one address replaces the first, whose link then stops working.
        let bram_invite = json!({"name": "Bram Voorbeeld", "email": "bram@installatie.example"});
        app.post_ok::<Invitation>(&invitations, &contact, &bram_invite, StatusCode::CREATED).await;
        let first = token_mailed_to(&app, "bram@installatie.example", 1).await;
        app.post_ok::<Invitation>(&invitations, &contact, &bram_invite, StatusCode::CREATED).await;
        let second = token_mailed_to(&app, "bram@installatie.example", 2).await;
        assert_ne!(first, second, "a new token for the new invitation");
        let listed: Vec<Invitation> = app.get_json(&invitations, &contact).await;
        assert_eq!((listed[0].status, listed[1].status), (InvitationStatus::Pending, InvitationStatus::Revoked));
        let with = |token: &str| json!({"token": token, "password": "groene-kikker-maandag-71", "weekdays": ["monday"]});
        assert_problem(anonymous(&app, Method::POST, &accept(employer.id), &with(&first)).await, StatusCode::GONE, "invitation_already_used").await;

        // An expired invitation (sent 15 days ago) is refused, and says so.
        let store = store::Store::connect(&db.url).await.unwrap();
        let old = domain::sponsorship::Invitation::new(employer.id, testkit::CLOCK_START.parse::<chrono::DateTime<Utc>>().unwrap() - Duration::days(15));
        store.create_invitation(&old, "Oud Voorbeeld", "oud@installatie.example", &sha(b"expired-token"), None).await.unwrap();
        let expired = json!({"token": "expired-token", "password": "oud-zijn-wachtwoord", "weekdays": ["monday"]});
        assert_problem(anonymous(&app, Method::POST, &accept(employer.id), &expired).await, StatusCode::GONE, "invitation_expired").await;
        let listed: Vec<Invitation> = app.get_json(&invitations, &contact).await;
        assert!(listed.iter().any(|i| i.employee_name == "Oud Voorbeeld" && i.status == InvitationStatus::Expired));

        // An address with an account: log in first, then the profile is linked.
        let noah_invite = json!({"name": "Noah Verbeek", "email": AMBASSADOR});
        app.post_ok::<Invitation>(&invitations, &contact, &noah_invite, StatusCode::CREATED).await;
        let noah_token = token_mailed_to(&app, AMBASSADOR, 1).await;
        let preview: InvitationPreview = app.get_json(&format!("/api/v1/invitations/{noah_token}"), "").await;
        assert!(preview.account_exists);
        let body = json!({"token": noah_token});
        assert_problem(anonymous(&app, Method::POST, &accept(employer.id), &body).await, StatusCode::CONFLICT, "account_exists").await;
        let noah = app.login_as(AMBASSADOR).await;
        let linked: AcceptedInvitation = app.post_ok(&accept(employer.id), &noah, &body, StatusCode::OK).await;
        assert!(!linked.account_created);
        let profile: Ambassador = app.get_json("/api/v1/me/ambassador", &noah).await;
        assert_eq!(profile.profile.employer_id, Some(employer.id));
    }

    async fn agreements_feed_the_funding_and_the_statement_counts_approved_sponsored_hours(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let contact = app.login_as(EMPLOYER_CONTACT).await;
        let hoogland = employer_of(&app, EMPLOYER_CONTACT).await;
        let base = format!("/api/v1/employers/{}", hoogland.id);
        let agreements: Vec<Agreement> = app.get_json(&format!("{base}/agreements"), &contact).await;
        let bram = agreements.iter().find(|a| a.employee_name == "Bram Hoekstra").unwrap();
        assert_eq!((bram.status, bram.sponsored_minutes_per_week), (AgreementStatus::Running, 480));
        let staff: Vec<Employee> = app.get_json(&format!("{base}/employees"), &contact).await;
        let noah = staff.iter().find(|e| e.name == "Noah Verbeek").unwrap().ambassador_id;

        // Proposing: bad terms, someone else's staff, then Noah hybrid for September.
        let terms = |ambassador: Uuid, sponsored: i64, volunteered: i64, rate: i64| json!({
            "ambassador_id": ambassador, "school_year": "2026-2027", "start_moment": "september",
            "commitment": "half_year", "sponsored_minutes_per_week": sponsored,
            "volunteered_minutes_per_week": volunteered, "hourly_rate": rate
        });
        let path = format!("{base}/agreements");
        let bad = app.call(Method::POST, &path, &contact, Some(&terms(noah, 2401, 0, 5000))).await;
        let problem = assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "sponsored_minutes_per_week");
        let bad = app.call(Method::POST, &path, &contact, Some(&terms(noah, 240, 0, -1))).await;
        assert_eq!(assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await.errors[0].field, "hourly_rate");
        let fenna = app.get_json::<Page<Value>>("/api/v1/ambassadors?limit=100", &admin).await.items.into_iter()
            .find(|a| a["name"] == "Fenna Dijkstra").unwrap()["id"].as_str().unwrap().parse::<Uuid>().unwrap();
        assert_problem(app.call(Method::POST, &path, &contact, Some(&terms(fenna, 240, 0, 5000))).await, StatusCode::CONFLICT, "not_linked").await;
        let proposed: Agreement = app.post_ok(&path, &contact, &terms(noah, 240, 180, 5000), StatusCode::CREATED).await;
        assert_eq!((proposed.status, proposed.funding), (AgreementStatus::Proposed, Funding::Hybrid));
        assert_problem(app.call(Method::POST, &path, &contact, Some(&terms(noah, 240, 180, 5000))).await, StatusCode::CONFLICT, "conflict").await;

        // Settling is programme staff's; agreeing sets Noah's funding to the agreement's.
        let step = format!("{path}/{}/transitions", proposed.id);
        assert_problem(app.call(Method::POST, &step, &contact, Some(&json!({"action": "agree"}))).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.call(Method::POST, &step, &admin, Some(&json!({"action": "start"}))).await, StatusCode::CONFLICT, "invalid_transition").await;
        let agreed: Agreement = app.post_ok(&step, &admin, &json!({"action": "agree"}), StatusCode::OK).await;
        assert_eq!(agreed.status, AgreementStatus::Agreed);
        let profile: Ambassador = app.get_json(&format!("/api/v1/ambassadors/{noah}"), &admin).await;
        assert_eq!((profile.profile.funding, profile.profile.sponsored_minutes_per_week, profile.profile.volunteer_minutes_per_week), (Funding::Hybrid, 240, 180));
        let no_reason = app.call(Method::POST, &step, &contact, Some(&json!({"action": "end", "reason": " "}))).await;
        assert_eq!(assert_problem(no_reason, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await.errors[0].field, "reason");
        let ended: Agreement = app.post_ok(&step, &contact, &json!({"action": "end", "reason": "Andere functie"}), StatusCode::OK).await;
        assert_eq!((ended.status, ended.end_reason.as_deref()), (AgreementStatus::Ended, Some("Andere functie")));
        assert!(ended.ended_on.is_some());

        // The statement of autumn 2026: Bram's four approved Thursdays, not the two waiting.
        let report = statement(&app, &contact, hoogland.id).await;
        let line = report.statement.employees.iter().find(|e| e.employee_name == "Bram Hoekstra").unwrap();
        // Agreed: 480 a week over the 122 days, less the zuid region's autumn holiday (17-25
        // October, 9 days) and Christmas up to 31 December (13 days): hours are due on school days.
        assert_eq!((line.delivered_minutes, line.agreed_minutes), (4 * 480, 480 * (122 - 9 - 13) / 7));
        assert_eq!(line.schools.len(), 1);
        assert_eq!((line.schools[0].school_name.as_str(), line.schools[0].minutes), ("Lyceum Zuiderlicht", 1920));
        assert_eq!(report.statement.delivered_minutes, 1920);
        assert!(report.social_return.is_default, "no rule for Groningen: Utrecht's applies");
        assert_eq!(report.social_return.value.0, 320_000);
        assert!(report.social_return_explanation.contains("geen regel voor Groningen"), "{}", report.social_return_explanation);
        let costs: Vec<(&str, i64)> = report.cost.rows.iter().map(|r| (r.role.as_str(), r.cost.0)).collect();
        assert!(costs.contains(&("ambassadeur Bram Hoekstra", 208_000)) && costs.contains(&("coördinator HR", 22_000)), "{costs:?}");
        assert_eq!((report.cost.contributions_total.0, report.cost.grand_total.0), (45_000, 275_000));
        let raw = app.call(Method::GET, &format!("{base}/statement?from=2026-09-01&to=2026-12-31"), &contact, None).await.text().await.unwrap();
        for private in ["volunteer", "iban", "vog", "allowance", "evaluation", "Fenna"] {
            assert!(!raw.to_lowercase().contains(&private.to_lowercase()), "the statement holds {private}: {raw}");
        }

        // The school approves 12 November: it counts from then on.
        let zuiderlicht = app.login_as(ZUIDERLICHT_COORDINATOR).await;
        let waiting: Page<HourEntry> = app.get_json("/api/v1/hour-entries?month=2026-11&status=submitted", &zuiderlicht).await;
        let twelfth = waiting.items.iter().find(|e| e.date.to_string() == "2026-11-12").unwrap();
        app.post_ok::<HourEntry>(&format!("/api/v1/hour-entries/{}/transitions", twelfth.id), &zuiderlicht, &json!({"action": "approve"}), StatusCode::OK).await;
        assert_eq!(statement(&app, &contact, hoogland.id).await.statement.delivered_minutes, 5 * 480);

        // Groningen gets a rule of its own; only programme staff set it.
        let rule = json!({"cents_per_hour": 7500, "source": "Testregeling Groningen"});
        assert_problem(app.call(Method::PUT, "/api/v1/sroi-rules/Groningen", &contact, Some(&rule)).await, StatusCode::FORBIDDEN, "forbidden").await;
        let bad = app.call(Method::PUT, "/api/v1/sroi-rules/Groningen", &admin, Some(&json!({"cents_per_hour": -1, "source": ""}))).await;
        assert_eq!(assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await.errors.len(), 2);
        app.call(Method::PUT, "/api/v1/sroi-rules/Groningen", &admin, Some(&rule)).await.error_for_status().unwrap();
        let report = statement(&app, &contact, hoogland.id).await;
        assert!(!report.social_return.is_default);
        assert_eq!(report.social_return.value.0, 5 * 8 * 7500);

        // Contributions: checked, receipt numbers unique, listed in the period they fall in.
        let contributions = format!("{base}/contributions");
        let materials = json!({"kind": "materials", "description": "", "amount": 1000, "given_on": "2026-11-01", "receipt_number": "X"});
        assert_eq!(assert_problem(app.call(Method::POST, &contributions, &contact, Some(&materials)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await.errors[0].field, "description");
        let taken = json!({"kind": "money", "amount": 10000, "given_on": "2026-11-01", "receipt_number": "HL-2026-001"});
        assert_problem(app.call(Method::POST, &contributions, &contact, Some(&taken)).await, StatusCode::CONFLICT, "receipt_taken").await;
        let money = json!({"kind": "money", "description": "Schoolreis", "amount": 25000, "given_on": "2026-11-15", "receipt_number": "HL-2026-002"});
        app.post_ok::<Value>(&contributions, &contact, &money, StatusCode::CREATED).await;
        let later = json!({"kind": "money", "amount": 5000, "given_on": "2027-03-01", "receipt_number": "HL-2027-001"});
        app.post_ok::<Value>(&contributions, &contact, &later, StatusCode::CREATED).await;
        let report = statement(&app, &contact, hoogland.id).await;
        assert_eq!(report.cost.contributions_total.0, 45_000 + 25_000);

        // Another role's hours.
        let roles = format!("{base}/cost-roles");
        let bad = app.call(Method::POST, &roles, &contact, Some(&json!({"role": "", "party": "school", "minutes": 0, "hourly_rate": 100, "recorded_on": "2026-11-01"}))).await;
        assert_eq!(assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await.errors.len(), 2);
        app.post_ok::<Value>(&roles, &contact, &json!({"role": "intern begeleider", "party": "school", "minutes": 120, "hourly_rate": 4500, "recorded_on": "2026-11-01"}), StatusCode::CREATED).await;
        let report = statement(&app, &contact, hoogland.id).await;
        let school = report.cost.parties.iter().find(|p| p.party == domain::sponsorship::Party::School).unwrap();
        assert_eq!(school.hours_cost.0, 9_000);

        // The period is checked; the downloads are a real CSV and a real spreadsheet.
        assert_problem(app.get(&format!("{base}/statement?from=2026-12-31&to=2026-09-01"), &contact).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_problem(app.get(&format!("{base}/statement?from=2020-01-01&to=2026-09-01"), &contact).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(app.get(&format!("{base}/statement?from=gisteren"), &contact).await.status(), StatusCode::BAD_REQUEST);
        let csv = app.get(&format!("{base}/statement.csv?from=2026-09-01&to=2026-12-31"), &contact).await;
        assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
        let bytes = csv.bytes().await.unwrap();
        assert!(bytes.starts_with("\u{feff}Werkgever;".as_bytes()), "a Dutch spreadsheet's CSV");
        let csv = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(csv.contains("Bram Hoekstra") && csv.contains("Lyceum Zuiderlicht") && csv.contains("HL-2026-002"), "{csv}");
        let plain = app.get(&format!("{base}/statement.csv?from=2026-09-01&to=2026-12-31&dialect=rfc4180"), &contact).await.text().await.unwrap();
        assert!(plain.starts_with("Werkgever,"), "{plain}");
        let xlsx = app.get(&format!("{base}/statement.xlsx?from=2026-09-01&to=2026-12-31"), &contact).await;
        assert_eq!(xlsx.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        let bytes = xlsx.bytes().await.unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"), "a zip container");
        assert!(bytes.windows(15).any(|w| w == b"xl/workbook.xml"), "an Office Open XML workbook");
    }

    async fn the_downloads_hold_every_cell_of_the_statement_and_print_on_a4(db) {
        let app = spawn_app(&db).await;
        let contact = app.login_as(EMPLOYER_CONTACT).await;
        let hoogland = employer_of(&app, EMPLOYER_CONTACT).await;
        let base = format!("/api/v1/employers/{}", hoogland.id);
        // Besides the demo's materials and coordinator: money for a school trip, money whose
        // description a CSV must quote, money without a description, and a school's role.
        let contributions = format!("{base}/contributions");
        for body in [
            json!({"kind": "money", "description": "Bijdrage schoolreis techniekmuseum", "amount": 25000, "given_on": "2026-11-15", "receipt_number": "HL-2026-002"}),
            json!({"kind": "money", "description": "Excursie \"Bruggen; toen en nu\", groep 8", "amount": 12345, "given_on": "2026-12-01", "receipt_number": "HL-2026-003"}),
            json!({"kind": "money", "amount": 5000, "given_on": "2026-10-05", "receipt_number": "HL-2026-004"}),
        ] {
            app.post_ok::<Value>(&contributions, &contact, &body, StatusCode::CREATED).await;
        }
        let role = json!({"role": "intern begeleider", "party": "school", "minutes": 125, "hourly_rate": 4550, "recorded_on": "2026-11-01"});
        app.post_ok::<Value>(&format!("{base}/cost-roles"), &contact, &role, StatusCode::CREATED).await;
        let period = "from=2026-09-01&to=2026-12-31";

        // The JSON: every contribution a flat object, money with what it is for.
        let raw: Value = app.get_json(&format!("{base}/statement?{period}"), &contact).await;
        let listed = raw["cost"]["contributions"].as_array().unwrap();
        assert_eq!(listed.len(), 4, "{raw}");
        for contribution in listed {
            let mut keys: Vec<&str> = contribution.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["amount", "description", "given_on", "kind", "party", "receipt_number"], "{contribution}");
        }
        let trip = listed.iter().find(|c| c["receipt_number"] == "HL-2026-002").unwrap();
        assert_eq!((trip["kind"].as_str(), trip["description"].as_str(), trip["given_on"].as_str()), (Some("money"), Some("Bijdrage schoolreis techniekmuseum"), Some("2026-11-15")));
        let report: SponsorshipReport = serde_json::from_value(raw).unwrap();
        assert!(report.statement.employees.iter().any(|e| !e.schools.is_empty()), "hours delivered at a school");
        assert!(report.cost.rows.len() >= 3 && report.cost.parties.len() >= 2, "{:?}", report.cost);

        // Both CSV dialects hold every cell of the statement, and nothing else.
        let expected = statement_cells::expected_csv(&report);
        let dutch = app.get(&format!("{base}/statement.csv?{period}"), &contact).await.text().await.unwrap();
        let dutch = dutch.strip_prefix('\u{feff}').expect("a byte order mark for a Dutch spreadsheet");
        assert!(dutch.contains(";geld;2026-12-01;HL-2026-003;123,45;\"Excursie \"\"Bruggen; toen en nu\"\", groep 8\"\r\n"), "{dutch}");
        assert!(dutch.contains(";geld;2026-11-15;HL-2026-002;250,00;Bijdrage schoolreis techniekmuseum\r\n"), "{dutch}");
        assert_eq!(statement_cells::read_csv(dutch, b';'), expected, "the Dutch CSV");
        let plain = app.get(&format!("{base}/statement.csv?{period}&dialect=rfc4180"), &contact).await.text().await.unwrap();
        assert!(plain.contains(",geld,2026-11-15,HL-2026-002,250.00,Bijdrage schoolreis techniekmuseum\r\n"), "{plain}");
        assert_eq!(statement_cells::read_csv(&plain, b','), expected, "the RFC 4180 CSV");

        // The spreadsheet holds the same cells, sheet by sheet: numbers as numbers, days as dates.
        let xlsx = app.get(&format!("{base}/statement.xlsx?{period}"), &contact).await.bytes().await.unwrap();
        let sheets = statement_cells::read_xlsx(&xlsx);
        let names: Vec<&str> = sheets.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["Samenvatting", "Uren", "Kosten"]);
        for ((name, read), wanted) in sheets.iter().zip(statement_cells::expected_sheets(&report)) {
            assert_eq!(*read, wanted, "sheet {name}");
        }

        // Printed: A4, one page wide, each sheet's cells only, Uren's header on every page.
        let workbook = statement_cells::xlsx_part(&xlsx, "xl/workbook.xml");
        let last_rows = [5, sheets[1].1.len(), sheets[2].1.len()];
        for (i, (name, columns, orientation)) in [("Samenvatting", "C", "portrait"), ("Uren", "E", "landscape"), ("Kosten", "G", "landscape")].into_iter().enumerate() {
            let sheet = statement_cells::xlsx_part(&xlsx, &format!("xl/worksheets/sheet{}.xml", i + 1));
            assert!(statement_cells::element(&sheet, "pageSetUpPr").contains("fitToPage=\"1\""), "{name}: {sheet}");
            let setup = statement_cells::element(&sheet, "pageSetup");
            for attribute in ["paperSize=\"9\"", "fitToHeight=\"0\"", &format!("orientation=\"{orientation}\"")] {
                assert!(setup.contains(attribute), "{name}: {setup}");
            }
            // Excel's default fitToWidth is 1: absent or 1.
            assert!(!setup.contains("fitToWidth") || setup.contains("fitToWidth=\"1\""), "{name}: {setup}");
            let area = format!("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"{i}\">{name}!$A$1:${columns}${}</definedName>", last_rows[i]);
            assert!(workbook.contains(&area), "{area} in {workbook}");
        }
        assert!(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">Uren!$1:$1</definedName>"), "{workbook}");
        let summary = statement_cells::xlsx_part(&xlsx, "xl/worksheets/sheet1.xml");
        let rule_style = summary.split("<c r=\"B5\" s=\"").nth(1).expect("the rule has a style");
        let rule_style: usize = rule_style[..rule_style.find('"').unwrap()].parse().unwrap();
        let styles = statement_cells::xlsx_part(&xlsx, "xl/styles.xml");
        let cell_formats = &styles[styles.find("<cellXfs").unwrap()..];
        let format = cell_formats.split("<xf ").nth(rule_style + 1).unwrap();
        assert!(format.contains("wrapText=\"1\""), "the rule wraps: {format}");
        if let Ok(dir) = std::env::var("KLASBRUG_STATEMENT_XLSX_DIR") {
            std::fs::write(format!("{dir}/statement-{:?}.xlsx", db.backend), &xlsx).unwrap();
        }
    }

    async fn two_acceptances_of_one_invitation_at_once_make_one_account(db) {
        let app = spawn_app_with(&db, &[MAIL_LOG]).await;
        let contact = app.login_as(EMPLOYER_CONTACT).await;
        let hoogland = employer_of(&app, EMPLOYER_CONTACT).await;
        let accept = format!("/api/v1/employers/{}/invitation-acceptances", hoogland.id);
        for round in 0..3 {
            let email = format!("tim{round}@hoogland.example");
            let invite = json!({"name": format!("Tim {round}"), "email": email});
            app.post_ok::<Invitation>(&format!("/api/v1/employers/{}/invitations", hoogland.id), &contact, &invite, StatusCode::CREATED).await;
            let token = token_mailed_to(&app, &email, 1).await;
            let body = json!({"token": token, "password": "blauwe-tram-naar-de-uithof", "weekdays": ["friday"]});
            let (first, second) = tokio::join!(
                anonymous(&app, Method::POST, &accept, &body),
                anonymous(&app, Method::POST, &accept, &body),
            );
            let statuses = [first.status(), second.status()];
            assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "round {round}: {statuses:?}");
            let loser = if first.status() == StatusCode::CREATED { second } else { first };
            assert_problem(loser, StatusCode::GONE, "invitation_already_used").await;
            let staff: Vec<Employee> = app.get_json(&format!("/api/v1/employers/{}/employees", hoogland.id), &contact).await;
            assert_eq!(staff.iter().filter(|e| e.name == format!("Tim {round}")).count(), 1, "round {round}: {staff:?}");
        }
    }

    async fn two_agreements_for_one_employee_and_period_at_once_leave_one(db) {
        let app = spawn_app(&db).await;
        let contact = app.login_as(EMPLOYER_CONTACT).await;
        let hoogland = employer_of(&app, EMPLOYER_CONTACT).await;
        let path = format!("/api/v1/employers/{}/agreements", hoogland.id);
        let staff: Vec<Employee> = app.get_json(&format!("/api/v1/employers/{}/employees", hoogland.id), &contact).await;
        let noah = staff.iter().find(|e| e.name == "Noah Verbeek").unwrap().ambassador_id;
        let terms = json!({
            "ambassador_id": noah, "school_year": "2027-2028", "start_moment": "september",
            "commitment": "half_year", "sponsored_minutes_per_week": 240,
            "volunteered_minutes_per_week": 0, "hourly_rate": 5000
        });
        for round in 0..3 {
            let (first, second) = tokio::join!(
                app.call(Method::POST, &path, &contact, Some(&terms)),
                app.call(Method::POST, &path, &contact, Some(&terms)),
            );
            let statuses = [first.status(), second.status()];
            assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "round {round}: {statuses:?}");
            let (winner, loser) = if first.status() == StatusCode::CREATED { (first, second) } else { (second, first) };
            assert_problem(loser, StatusCode::CONFLICT, "conflict").await;
            let winner: Agreement = winner.json().await.unwrap();
            let live: Vec<Agreement> = app.get_json(&path, &contact).await;
            let live: Vec<_> = live.iter().filter(|a| a.ambassador_id == noah && a.first_day == winner.first_day && a.status != AgreementStatus::Ended).collect();
            assert_eq!(live.len(), 1, "round {round}: {live:?}");
            // Ended, the period is free for the next round.
            let end = json!({"action": "end", "reason": "Volgende ronde"});
            app.post_ok::<Agreement>(&format!("{path}/{}/transitions", winner.id), &contact, &end, StatusCode::OK).await;
        }
    }

    async fn employers_see_only_their_own(db) {
        let app = spawn_app(&db).await;
        let hoogland = employer_of(&app, EMPLOYER_CONTACT).await;
        let lindehof = employer_of(&app, LINDEHOF_CONTACT).await;
        assert_ne!(hoogland.id, lindehof.id);
        let stranger = app.login_as(LINDEHOF_CONTACT).await;
        let admin = app.login_as(ADMIN).await;
        let base = format!("/api/v1/employers/{}", hoogland.id);
        let agreement = app.get_json::<Vec<Agreement>>(&format!("{base}/agreements"), &admin).await[0].id;
        for path in ["", "/employees", "/invitations", "/agreements", "/contributions", "/cost-roles", "/statement?from=2026-09-01&to=2026-12-31", "/statement.csv?from=2026-09-01&to=2026-12-31"] {
            assert_problem(app.get(&format!("{base}{path}"), &stranger).await, StatusCode::NOT_FOUND, "not_found").await;
        }
        let writes = [
            (format!("{base}/invitations"), json!({"name": "X", "email": "x@lindehof.example"})),
            (format!("{base}/contributions"), json!({"kind": "money", "amount": 1, "given_on": "2026-11-01", "receipt_number": "L-1"})),
            (format!("{base}/agreements/{agreement}/transitions"), json!({"action": "end", "reason": "weg"})),
            (format!("/api/v1/employers/{}/agreements/{agreement}/transitions", lindehof.id), json!({"action": "end", "reason": "weg"})),
        ];
        for (path, body) in writes {
            assert_problem(app.call(Method::POST, &path, &stranger, Some(&body)).await, StatusCode::NOT_FOUND, "not_found").await;
        }
        assert_eq!(app.get_json::<Vec<Agreement>>(&format!("{base}/agreements"), &admin).await.iter().filter(|a| a.status == AgreementStatus::Ended).count(), 0);

        // People of schools, ambassadors and partner clients have no employer to see.
        let client = app.client_token(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "demo-partner-secret")]).await;
        let client: domain::contract::AccessToken = client.json().await.unwrap();
        for who in [app.login_as(DIRECTOR).await, app.login_as(AMBASSADOR).await, client.access_token.clone()] {
            assert_problem(app.get("/api/v1/employers", &who).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.get(&base, &who).await, StatusCode::NOT_FOUND, "not_found").await;
            assert_problem(app.get(&format!("{base}/statement?from=2026-09-01&to=2026-12-31"), &who).await, StatusCode::NOT_FOUND, "not_found").await;
        }
        let rules: Vec<Value> = app.get_json("/api/v1/sroi-rules", &client.access_token).await;
        assert_eq!(rules[0]["municipality"], "Utrecht");
        assert_eq!(rules[0]["cents_per_hour"], 10_000);
    }
}

fn sha(bytes: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).to_vec()
}

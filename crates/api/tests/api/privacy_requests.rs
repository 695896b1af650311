//! Requests of a data subject: anyone asks from their own page, once per kind while open;
//! programme staff record letters and e-mails, see what is due first, take up, answer and
//! refuse; the person is mailed the answer; an erasure erases them and keeps, and says it keeps,
//! a payment inside its fiscal period; and the data export as JSON and readable HTML.

use domain::Role;
use domain::contract::{
    Ambassador, Page, PersonalData, PrivacyRequest, PrivacyRequestChannel, PrivacyRequestKind,
    PrivacyRequestStatus, SensitiveRead,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;
use testkit::smtp::SmtpServer;
use uuid::Uuid;

use crate::helpers::*;
use crate::retention::{count, fenna_payees, pay_and_end_fenna, sweep};

const FENNA: &str = "fenna@ambassadeur.example";
const MILA: &str = "mila@ambassadeur.example";
const MINE: &str = "/api/v1/me/privacy-requests";
const STAFF: &str = "/api/v1/privacy-requests";

async fn ask(app: &TestApp, token: &str, kind: &str, note: Option<&str>) -> PrivacyRequest {
    let mut body = json!({ "kind": kind });
    if let Some(note) = note {
        body["note"] = json!(note);
    }
    app.post_ok(MINE, token, &body, StatusCode::CREATED).await
}

async fn record(
    app: &TestApp,
    admin: &str,
    email: &str,
    kind: &str,
    channel: &str,
    received: &str,
) -> PrivacyRequest {
    let body = json!({"email": email, "kind": kind, "channel": channel, "received_on": received, "note": "Brief in het dossier"});
    app.post_ok(STAFF, admin, &body, StatusCode::CREATED).await
}

async fn move_to(app: &TestApp, admin: &str, id: Uuid, body: Value) -> reqwest::Response {
    app.call(
        Method::POST,
        &format!("{STAFF}/{id}/transitions"),
        admin,
        Some(&body),
    )
    .await
}

async fn open_list(app: &TestApp, admin: &str) -> Vec<PrivacyRequest> {
    app.get_json(STAFF, admin).await
}

on_both_backends! {
    async fn anyone_asks_once_per_kind_and_staff_see_what_is_due_first(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let hr = app.login_as(EMPLOYER_CONTACT).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let director = app.login_as(DIRECTOR).await;
        let mila = app.login_as(MILA).await;
        let partner = app.partner_token().await;

        // An employer contact asks to see their data, and (besides) to be erased.
        let access = ask(&app, &hr, "access", Some("Welke gegevens hebben jullie?")).await;
        assert_eq!((access.kind, access.channel, access.status), (PrivacyRequestKind::Access, PrivacyRequestChannel::OwnPage, PrivacyRequestStatus::Received));
        assert_eq!(access.received_on.to_string(), "2026-12-03", "the app's clock");
        assert_eq!(access.answer_due.to_string(), "2027-01-03", "one month (AVG art. 12(3))");
        assert_eq!(access.roles, [Role::EmployerContact]);
        assert!(access.kept.is_empty() && !access.overdue && access.handled_by.is_none());
        assert_problem(app.call(Method::POST, MINE, &hr, Some(&json!({"kind": "access"}))).await, StatusCode::CONFLICT, "privacy_request_open").await;
        let erasure = ask(&app, &hr, "erasure", None).await;
        let kept: Vec<&str> = erasure.kept.iter().map(|k| k.key.as_str()).collect();
        assert_eq!(kept, ["request", "audit_log"], "never paid: nothing fiscal to keep");
        let school = ask(&app, &coordinator, "access", None).await;
        assert_eq!(school.roles, [Role::Coordinator]);

        // Bad input changes nothing.
        let long = json!({"kind": "access", "note": "x".repeat(1001)});
        let problem = assert_problem(app.call(Method::POST, MINE, &director, Some(&long)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "note");
        for bad in [json!({"kind": "inzage"}), json!({"kind": "access", "reden": "x"}), json!({})] {
            assert_eq!(app.call(Method::POST, MINE, &director, Some(&bad)).await.status(), StatusCode::BAD_REQUEST, "{bad}");
        }
        assert_problem(app.call(Method::POST, MINE, &partner, Some(&json!({"kind": "access"}))).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.get(MINE, &partner).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.get("/api/v1/me/erasure-preview", &partner).await, StatusCode::FORBIDDEN, "forbidden").await;
        let directors: Vec<PrivacyRequest> = app.get_json(MINE, &director).await;
        assert!(directors.is_empty(), "{directors:?}");

        // Each sees only their own, newest first.
        let hrs: Vec<PrivacyRequest> = app.get_json(MINE, &hr).await;
        assert_eq!(hrs.iter().map(|r| r.id).collect::<Vec<_>>(), [erasure.id, access.id]);
        let coordinators: Vec<PrivacyRequest> = app.get_json(MINE, &coordinator).await;
        assert_eq!(coordinators.iter().map(|r| r.id).collect::<Vec<_>>(), [school.id]);

        // Staff record a letter and an e-mail that came earlier; the late one is first.
        let letter = record(&app, &admin, MILA, "erasure", "letter", "2026-11-20").await;
        assert_eq!((letter.channel, letter.answer_due.to_string().as_str()), (PrivacyRequestChannel::Letter, "2026-12-20"));
        assert_eq!(letter.recorded_by.as_deref(), Some("Iris van Leeuwen"));
        let email = record(&app, &admin, &AMBASSADOR.to_uppercase(), "access", "email", "2026-10-30").await;
        assert!(email.overdue, "due 30 November, open on 3 December");
        let list = open_list(&app, &admin).await;
        assert_eq!(
            list.iter().map(|r| r.id).collect::<Vec<_>>(),
            [email.id, letter.id, access.id, erasure.id, school.id],
            "the first due first"
        );
        assert_eq!(list.iter().filter(|r| r.overdue).count(), 1);
        let mila_sees: Vec<PrivacyRequest> = app.get_json(MINE, &mila).await;
        assert_eq!(mila_sees.iter().map(|r| r.id).collect::<Vec<_>>(), [letter.id], "a recorded request shows on her page");

        // What staff may not record.
        for (body, field) in [
            (json!({"email": "niemand@nergens.example", "kind": "access", "channel": "letter", "received_on": "2026-12-01"}), "email"),
            (json!({"email": DIRECTOR, "kind": "access", "channel": "letter", "received_on": "2026-12-04"}), "received_on"),
            (json!({"email": DIRECTOR, "kind": "access", "channel": "own_page", "received_on": "2026-12-01"}), "channel"),
        ] {
            let problem = assert_problem(app.call(Method::POST, STAFF, &admin, Some(&body)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors[0].field, field, "{body}");
        }
        let again = json!({"email": MILA, "kind": "erasure", "channel": "email", "received_on": "2026-12-02"});
        assert_problem(app.call(Method::POST, STAFF, &admin, Some(&again)).await, StatusCode::CONFLICT, "privacy_request_open").await;
        assert_eq!(open_list(&app, &admin).await.len(), 5, "nothing was stored");

        // Nobody but programme staff records, lists, reads or handles them.
        let body = json!({"email": DIRECTOR, "kind": "access", "channel": "letter", "received_on": "2026-12-01"});
        for token in [&hr, &coordinator, &director, &mila, &partner] {
            assert_problem(app.call(Method::POST, STAFF, token, Some(&body)).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.get(STAFF, token).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.get(&format!("{STAFF}/{}", access.id), token).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.get(&format!("{STAFF}/{}/data", access.id), token).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(move_to(&app, token, access.id, json!({"status": "in_progress"})).await, StatusCode::FORBIDDEN, "forbidden").await;
        }
        assert_eq!(open_list(&app, &admin).await.iter().filter(|r| r.status == PrivacyRequestStatus::Received).count(), 5);
        assert_problem(app.get(&format!("{STAFF}/{}", Uuid::nil()), &admin).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_eq!(app.get(&format!("{STAFF}/geen-id"), &admin).await.status(), StatusCode::BAD_REQUEST);
        assert_eq!(app.get(&format!("{STAFF}?open=misschien"), &admin).await.status(), StatusCode::BAD_REQUEST);
    }

    async fn staff_take_up_answer_or_refuse_and_the_person_is_mailed_the_answer(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let admin = app.login_as(ADMIN).await;
        let hr = app.login_as(EMPLOYER_CONTACT).await;
        let coordinator = app.login_as(COORDINATOR).await;

        let access = ask(&app, &hr, "access", None).await;
        let taken: PrivacyRequest = move_to(&app, &admin, access.id, json!({"status": "in_progress"})).await.json().await.unwrap();
        assert_eq!((taken.status, taken.handled_by.as_deref()), (PrivacyRequestStatus::InProgress, Some("Iris van Leeuwen")));
        assert!(taken.closed_at.is_none());
        assert_problem(move_to(&app, &admin, access.id, json!({"status": "in_progress"})).await, StatusCode::CONFLICT, "invalid_transition").await;
        assert_problem(move_to(&app, &admin, access.id, json!({"status": "received"})).await, StatusCode::CONFLICT, "invalid_transition").await;

        // Staff read the person's data to send it, as JSON and as a document.
        let data: PersonalData = app.get_json(&format!("{STAFF}/{}/data", access.id), &admin).await;
        assert_eq!(data.account.email, EMPLOYER_CONTACT);
        assert_eq!(data.account.roles.iter().map(|r| r.role).collect::<Vec<_>>(), [Role::EmployerContact]);
        assert!(data.ambassador.is_none());
        assert_eq!(data.requests.iter().map(|r| r.id).collect::<Vec<_>>(), [access.id]);
        let html = app.get(&format!("{STAFF}/{}/data.html", access.id), &admin).await;
        assert_eq!(html.status(), StatusCode::OK);
        assert!(html.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"mijn-gegevens-klasbrug-2026-12-03"));
        let html = html.text().await.unwrap();
        assert!(html.contains(&format!("Gegevens van {}", data.account.name)) && html.contains("Contactpersoon werkgever"), "{html}");

        let answered: PrivacyRequest = move_to(&app, &admin, access.id, json!({"status": "done", "answer": "Je gegevens zitten als bijlage bij deze mail."})).await.json().await.unwrap();
        assert_eq!(answered.status, PrivacyRequestStatus::Done);
        assert!(answered.closed_at.is_some());
        assert!(open_list(&app, &admin).await.is_empty());
        let closed: Vec<PrivacyRequest> = app.get_json(&format!("{STAFF}?open=false"), &admin).await;
        assert_eq!(closed.iter().map(|r| r.id).collect::<Vec<_>>(), [access.id]);
        assert_problem(move_to(&app, &admin, access.id, json!({"status": "refused", "answer": "te laat"})).await, StatusCode::CONFLICT, "invalid_transition").await;
        let mail = smtp.wait_for_mail_to(EMPLOYER_CONTACT).await;
        assert_eq!(mail.subject(), "Je gegevens bij Klasbrug");
        assert!(mail.text().contains("Je gegevens zitten als bijlage bij deze mail."), "{}", mail.text());

        // A refusal needs its reason, which the person reads; they keep their account.
        let erasure = ask(&app, &coordinator, "erasure", None).await;
        let problem = assert_problem(move_to(&app, &admin, erasure.id, json!({"status": "refused"})).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "answer");
        let long = json!({"status": "refused", "answer": "x".repeat(2001)});
        assert_problem(move_to(&app, &admin, erasure.id, long).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let reason = "Je bent nog intern begeleider van De Zeester; vraag het opnieuw als je vertrekt.";
        let refused: PrivacyRequest = move_to(&app, &admin, erasure.id, json!({"status": "refused", "answer": reason})).await.json().await.unwrap();
        assert_eq!((refused.status, refused.answer.as_deref()), (PrivacyRequestStatus::Refused, Some(reason)));
        let mail = smtp.wait_for_mail_to(COORDINATOR).await;
        assert!(mail.text().contains(reason) && mail.text().contains("Autoriteit Persoonsgegevens"), "{}", mail.text());
        assert_eq!(app.login(COORDINATOR, PASSWORD).await.status(), StatusCode::OK);
        let mine: Vec<PrivacyRequest> = app.get_json(MINE, &coordinator).await;
        assert_eq!(mine[0].answer.as_deref(), Some(reason));
        assert_problem(move_to(&app, &admin, Uuid::nil(), json!({"status": "done"})).await, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn an_erasure_inside_the_payment_period_keeps_the_payment_and_says_so(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let (fenna_id, _) = pay_and_end_fenna(&app, true).await;
        let admin = app.login_as(ADMIN).await;
        let fenna = app.login_as(FENNA).await;

        // Paid today (3 December 2026): kept seven years, to 3 December 2033, and she is told
        // before she asks.
        let preview: Vec<domain::contract::KeptRecord> = app.get_json("/api/v1/me/erasure-preview", &fenna).await;
        let asked = ask(&app, &fenna, "erasure", Some("Ik ben gestopt")).await;
        assert_eq!(preview, asked.kept);
        let payments = asked.kept.iter().find(|k| k.key == "payments").expect("the payment is kept");
        assert_eq!(payments.until.map(|d| d.to_string()).as_deref(), Some("2033-12-03"));
        assert!(payments.why.contains("7 jaar"), "{}", payments.why);

        let done: PrivacyRequest = move_to(&app, &admin, asked.id, json!({"status": "done"})).await.json().await.unwrap();
        assert_eq!((done.status, done.name.as_str()), (PrivacyRequestStatus::Done, "Verwijderd"));
        assert_eq!(done.kept, asked.kept, "what she was told is what was kept");
        assert!(done.roles.is_empty());

        // She is gone; her payment is whole, with her name and IBAN.
        assert_eq!(app.login(FENNA, PASSWORD).await.status(), StatusCode::UNAUTHORIZED);
        assert_problem(app.get(&format!("/api/v1/ambassadors/{fenna_id}"), &admin).await, StatusCode::NOT_FOUND, "not_found").await;
        let paid = fenna_payees(&db, &fenna_id).await;
        assert_eq!(paid.len(), 1);
        assert_eq!(paid[0][0].as_deref(), Some("F. Dijkstra"));
        assert_eq!(paid[0][1].as_deref(), Some("NL20INGB0001234567"));

        // The mail went to her address before it was erased, and says what is kept and why.
        let subject = "Je gegevens bij Klasbrug zijn verwijderd";
        smtp.wait_for(subject, |received, _| received.iter().any(|m| m.subject() == subject)).await;
        let mail = smtp.mails_to(FENNA).into_iter().find(|m| m.subject() == subject).unwrap();
        let text = mail.text();
        assert!(text.contains("Tot en met 3 dec. 2033") && text.contains("fiscale bewaarplicht"), "{text}");

        // The closed request stays on staff's list, answered by them.
        let closed: Vec<PrivacyRequest> = app.get_json(&format!("{STAFF}?open=false"), &admin).await;
        assert_eq!(closed[0].id, asked.id);
        assert_eq!(closed[0].handled_by.as_deref(), Some("Iris van Leeuwen"));
    }

    async fn an_erasure_waits_while_a_match_is_live_and_erasing_directly_closes_the_request(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let fenna = app.login_as(FENNA).await;
        let asked = ask(&app, &fenna, "erasure", None).await;
        assert_problem(move_to(&app, &admin, asked.id, json!({"status": "done"})).await, StatusCode::CONFLICT, "match_live").await;
        let still: PrivacyRequest = app.get_json(&format!("{STAFF}/{}", asked.id), &admin).await;
        assert_eq!(still.status, PrivacyRequestStatus::Received, "nothing changed");
        assert_eq!(app.login(FENNA, PASSWORD).await.status(), StatusCode::OK);

        // Mila has no live match: staff erase her from her profile, which answers her request.
        let mila = app.login_as(MILA).await;
        let her: Ambassador = app.get_json("/api/v1/me/ambassador", &mila).await;
        let asked = ask(&app, &mila, "erasure", None).await;
        let erased = app.call(Method::DELETE, &format!("/api/v1/ambassadors/{}", her.id), &admin, None).await;
        assert_eq!(erased.status(), StatusCode::NO_CONTENT);
        let closed: PrivacyRequest = app.get_json(&format!("{STAFF}/{}", asked.id), &admin).await;
        assert_eq!((closed.status, closed.handled_by.as_deref()), (PrivacyRequestStatus::Done, Some("Iris van Leeuwen")));
        assert_eq!(closed.kept.iter().map(|k| k.key.as_str()).collect::<Vec<_>>(), ["request", "audit_log"]);
    }

    async fn two_admins_answer_one_request_and_one_person_asks_twice_at_once(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let other = app.login_as(ADMIN).await;
        let hr = app.login_as(EMPLOYER_CONTACT).await;
        let body = json!({"kind": "access"});
        let (a, b) = tokio::join!(
            app.call(Method::POST, MINE, &hr, Some(&body)),
            app.call(Method::POST, MINE, &hr, Some(&body)),
        );
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CONFLICT]);
        let list = open_list(&app, &admin).await;
        assert_eq!(list.len(), 1);

        let done = json!({"status": "done", "answer": "Verstuurd."});
        let refused = json!({"status": "refused", "answer": "Niet gevonden."});
        let (a, b) = tokio::join!(
            move_to(&app, &admin, list[0].id, done.clone()),
            move_to(&app, &other, list[0].id, refused.clone()),
        );
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
        let closed: Vec<PrivacyRequest> = app.get_json(&format!("{STAFF}?open=false"), &admin).await;
        assert_eq!(closed.len(), 1);
        assert!(matches!(closed[0].status, PrivacyRequestStatus::Done | PrivacyRequestStatus::Refused));
    }

    async fn a_person_downloads_their_data_as_json_and_as_a_readable_document(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let mila = app.login_as(MILA).await;
        ask(&app, &mila, "access", Some("<script>alert(1)</script>")).await;

        let data: PersonalData = app.get_json("/api/v1/me/data", &mila).await;
        assert_eq!(data.account.email, MILA);
        let export = data.ambassador.as_ref().expect("her ambassador profile");
        assert_eq!(export.ambassador.profile.name, data.account.name);
        assert_eq!(data.requests.len(), 1);
        let reads: Page<SensitiveRead> = app.get_json(&format!("/api/v1/privacy/sensitive-reads?person_id={}", export.ambassador.id), &admin).await;
        assert_eq!(reads.items.iter().filter(|r| r.kind == domain::contract::SensitiveReadKind::Export).count(), 1, "the export is logged");

        let html = app.get("/api/v1/me/data.html", &mila).await;
        assert_eq!(html.status(), StatusCode::OK);
        assert!(html.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        let html = html.text().await.unwrap();
        for part in ["Je account", "Je profiel als ambassadeur", "Je koppelingen met scholen", "Je verzoeken over je gegevens", &data.account.name] {
            assert!(html.contains(part), "{part} in {html}");
        }
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>alert"), "escaped: {html}");

        // Someone without an ambassador profile gets their account; a partner is no person.
        let hr = app.login_as(EMPLOYER_CONTACT).await;
        let data: PersonalData = app.get_json("/api/v1/me/data", &hr).await;
        assert!(data.ambassador.is_none());
        assert_eq!(data.account.roles.len(), 1);
        let partner = app.partner_token().await;
        assert_problem(app.get("/api/v1/me/data", &partner).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.get("/api/v1/me/data.html", &partner).await, StatusCode::FORBIDDEN, "forbidden").await;
    }

    async fn a_request_received_on_the_last_of_january_is_due_on_the_last_of_february(db) {
        // 23:30 UTC on 30 January is 00:30 on 31 January in Amsterdam.
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", "2027-01-30T23:30:00Z")]).await;
        let mila = app.login_as(MILA).await;
        let asked = ask(&app, &mila, "erasure", None).await;
        assert_eq!(asked.received_on.to_string(), "2027-01-31");
        assert_eq!(asked.answer_due.to_string(), "2027-02-28", "February has 28 days");
        let admin = app.login_as(ADMIN).await;
        assert_eq!(open_list(&app, &admin).await[0].answer_due, asked.answer_due);
    }

    async fn an_answered_request_goes_730_days_after_its_answer_and_an_open_one_stays(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let hr = app.login_as(EMPLOYER_CONTACT).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let answered = ask(&app, &hr, "access", None).await;
        let _ = move_to(&app, &admin, answered.id, json!({"status": "done"})).await.error_for_status().unwrap();
        let open = ask(&app, &coordinator, "access", None).await;
        drop(app);

        // Answered on 3 December 2026: kept 730 days, to 2 December 2028.
        assert_eq!(count(&sweep(&db, "2028-12-02T12:00:00Z", false).await, "privacy_request"), 0);
        assert_eq!(count(&sweep(&db, "2028-12-03T12:00:00Z", false).await, "privacy_request"), 1);
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", "2028-12-03T12:00:00Z")]).await;
        let admin = app.login_as(ADMIN).await;
        let closed: Vec<PrivacyRequest> = app.get_json(&format!("{STAFF}?open=false"), &admin).await;
        assert!(closed.is_empty(), "{closed:?}");
        let still = open_list(&app, &admin).await;
        assert_eq!(still.iter().map(|r| r.id).collect::<Vec<_>>(), [open.id]);
        assert!(still[0].overdue, "two years late");
    }
}

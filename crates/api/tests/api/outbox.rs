//! E-mail leaves through the outbox to a real SMTP server (testkit's, over TCP): the message is
//! written with the change, delivered once with its link, retried while the server refuses,
//! marked failed after the last attempt, and survives `kill -9` of the server between commit
//! and delivery.

use domain::contract::{Employer, Invitation, InvitationPreview};
use mail_parser::MimeHeaders;
use reqwest::StatusCode;
use serde_json::json;
use testkit::on_both_backends;
use testkit::smtp::{Mode, SmtpServer};

use crate::helpers::*;

/// Retries after 20 ms, 40 ms, …: a test sees several attempts at once.
const FAST_RETRIES: (&str, &str) = ("KLASBRUG_MAIL_RETRY_BASE_MS", "20");

/// The demo employer's contact invites `name` at `email`.
async fn invite(app: &TestApp, name: &str, email: &str) -> Invitation {
    let contact = app.login_as(EMPLOYER_CONTACT).await;
    let employers: Vec<Employer> = app.get_json("/api/v1/employers", &contact).await;
    let path = format!("/api/v1/employers/{}/invitations", employers[0].id);
    app.post_ok(
        &path,
        &contact,
        &json!({"name": name, "email": email}),
        StatusCode::CREATED,
    )
    .await
}

/// The token in the acceptance link of a message's text.
fn token_in(text: &str) -> String {
    let at = text.find("&token=").expect("an acceptance link") + "&token=".len();
    text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "-_".contains(*c))
        .collect()
}

/// The calendar file attached to a message, parsed as a calendar app would: (start, location).
fn meeting_in(mail: &testkit::smtp::Received) -> (String, String) {
    let parsed = mail.parsed();
    let file = parsed.attachments().next().expect("a calendar file");
    assert_eq!(file.attachment_name(), Some("kennismaking.ics"));
    let text = String::from_utf8(file.contents().to_vec()).unwrap();
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .expect("a calendar")
        .expect("valid iCalendar");
    let event = &calendar.events[0];
    let value = |name: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap()
    };
    (value("DTSTART"), value("LOCATION"))
}

on_both_backends! {
    async fn an_invitation_arrives_over_smtp_once_with_a_link_that_works(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        invite(&app, "Sanne Voorbeeld", "sanne@voorbeeld.example").await;

        let mail = smtp.wait_for_mail_to("sanne@voorbeeld.example").await;
        assert_eq!(mail.from, "noreply@klasbrug.example");
        let parsed = mail.parsed();
        assert_eq!(parsed.from().and_then(|f| f.first()).and_then(|a| a.name()), Some("Klasbrug"));
        assert!(mail.subject().starts_with("Uitnodiging van"), "{}", mail.subject());
        let text = mail.text();
        assert!(text.contains("Beste Sanne Voorbeeld"), "{text}");
        assert!(text.contains(&format!("{}/uitnodiging?werkgever=", app.server.base_url)), "{text}");
        let preview: InvitationPreview = app.get_json(&format!("/api/v1/invitations/{}", token_in(&text)), "").await;
        assert_eq!(preview.employee_name, "Sanne Voorbeeld");

        // A later message leaves after it; the first is not sent again.
        invite(&app, "Ravi Voorbeeld", "ravi@voorbeeld.example").await;
        smtp.wait_for_mail_to("ravi@voorbeeld.example").await;
        assert_eq!(smtp.mails_to("sanne@voorbeeld.example").len(), 1);
        assert_eq!(smtp.received().len(), 2);
    }

    async fn while_the_mail_server_refuses_the_message_waits_and_then_arrives_once(db) {
        let smtp = SmtpServer::start_in(Mode::RefuseTemporarily).await;
        let app = spawn_with_mail(&db, &smtp, &[FAST_RETRIES]).await;
        invite(&app, "Sanne Voorbeeld", "sanne@voorbeeld.example").await;
        smtp.wait_for("three refused attempts", |_, attempts| attempts >= 3).await;
        assert!(smtp.received().is_empty());

        smtp.set_mode(Mode::Accept);
        smtp.wait_for_mail_to("sanne@voorbeeld.example").await;
        invite(&app, "Ravi Voorbeeld", "ravi@voorbeeld.example").await;
        smtp.wait_for_mail_to("ravi@voorbeeld.example").await;
        assert_eq!(smtp.mails_to("sanne@voorbeeld.example").len(), 1, "delivered once");
    }

    async fn after_the_last_attempt_a_message_is_marked_failed_and_never_sent(db) {
        let smtp = SmtpServer::start_in(Mode::RefuseTemporarily).await;
        let app = spawn_with_mail(&db, &smtp, &[FAST_RETRIES, ("KLASBRUG_MAIL_MAX_ATTEMPTS", "3")]).await;
        invite(&app, "Sanne Voorbeeld", "sanne@voorbeeld.example").await;
        app.server.wait_for_log(|log| log.contains("it is marked failed").then_some(())).await;
        assert_eq!(smtp.attempts(), 3, "three attempts, then no more");

        // The server accepts again: later messages go, the failed one stays failed.
        smtp.set_mode(Mode::Accept);
        invite(&app, "Ravi Voorbeeld", "ravi@voorbeeld.example").await;
        smtp.wait_for_mail_to("ravi@voorbeeld.example").await;
        assert!(smtp.mails_to("sanne@voorbeeld.example").is_empty());

        // A refused address fails at once: retrying cannot change a 550.
        smtp.set_mode(Mode::RefuseRecipient);
        let attempts = smtp.attempts();
        invite(&app, "Niemand Voorbeeld", "niemand@voorbeeld.example").await;
        app.server.wait_for_log(|log| (log.matches("it is marked failed").count() == 2).then_some(())).await;
        assert_eq!(smtp.attempts(), attempts + 1);
    }

    async fn a_message_committed_before_the_server_is_killed_arrives_once_after_the_restart(db) {
        // The first server commits the invitation and is killed (SIGKILL) while its worker
        // waits on a mail server that never answers: nothing was delivered.
        let hung = SmtpServer::start_in(Mode::Hang).await;
        let app = spawn_with_mail(&db, &hung, &[]).await;
        invite(&app, "Sanne Voorbeeld", "sanne@voorbeeld.example").await;
        hung.wait_for("the worker's connection", |_, _| hung.connections() >= 1).await;
        drop(app);
        assert!(hung.received().is_empty());

        // Restarted after the claim's lease has run out, the server delivers it, once.
        let smtp = SmtpServer::start().await;
        let later = [("KLASBRUG_CLOCK_START", "2026-12-03T09:10:00Z")];
        let app = spawn_with_mail(&db, &smtp, &later).await;
        let mail = smtp.wait_for_mail_to("sanne@voorbeeld.example").await;
        assert!(mail.subject().starts_with("Uitnodiging van"));
        invite(&app, "Ravi Voorbeeld", "ravi@voorbeeld.example").await;
        smtp.wait_for_mail_to("ravi@voorbeeld.example").await;
        assert_eq!(smtp.mails_to("sanne@voorbeeld.example").len(), 1);
    }

    async fn a_match_s_life_reaches_the_ambassador_and_the_school_by_e_mail(db) {
        use crate::placing::{act, ambassador_id, open_spot, propose};
        use domain::contract::Match;
        const NOAH: &str = "noah@ambassadeur.example";
        const SCHOOL: [&str; 2] = [DIRECTOR, COORDINATOR];

        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let spot = open_spot(&app, &director).await;
        let noah = ambassador_id(&app, &admin, "Noah Verbeek").await;
        let proposed: Match = propose(&app, &admin, spot.id, noah).await.json().await.unwrap();

        // Proposed: the ambassador hears where, the school whom, each with their own page.
        let to_noah = smtp.wait_for_mail_to(NOAH).await;
        assert!(to_noah.subject().starts_with("Je bent voorgesteld voor een plek bij"), "{}", to_noah.subject());
        assert!(to_noah.text().contains("op dinsdag") && to_noah.text().contains("/mijn-plek"), "{}", to_noah.text());
        for address in SCHOOL {
            let mail = smtp.wait_for_mail_to(address).await;
            assert_eq!(mail.subject(), "Noah Verbeek is voorgesteld voor jullie plek");
            assert!(mail.text().contains(&format!("{}/kandidaten", app.server.base_url)), "{}", mail.text());
        }

        // The meeting, with a calendar file both can add to their agenda.
        let meeting = json!({"action": "plan_meeting", "meeting": {"at": "2026-12-02T15:30", "place": "De Zeester, lokaal 4"}});
        act(&app, &admin, proposed.id, meeting).await;
        smtp.wait_for("the meeting to everyone", |received, _| received.iter().filter(|m| m.data.contains("kennismaking.ics")).count() == 3).await;
        for address in [NOAH, DIRECTOR, COORDINATOR] {
            let mail = smtp.mails_to(address).into_iter().find(|m| m.subject().starts_with("Kennismaking")).unwrap();
            assert!(mail.text().contains("gepland op wo 2 dec. 2026 om 15:30, De Zeester, lokaal 4"), "{}", mail.text());
            let (starts, place) = meeting_in(&mail);
            assert_eq!(starts, "20261202T153000");
            assert!(place.contains("lokaal 4"), "{place}");
        }

        // Both confirm: one message each, only once both have.
        act(&app, &admin, proposed.id, json!({"action": "confirm_school"})).await;
        act(&app, &admin, proposed.id, json!({"action": "confirm_ambassador"})).await;
        smtp.wait_for("the confirmations", |received, _| received.iter().filter(|m| m.subject().starts_with("Bevestigd")).count() == 3).await;

        // The school closes the spot: the confirmed match does not go on, with the reason.
        let closed = json!({"action": "close", "reason": "De groep wordt opgeheven"});
        let _: serde_json::Value = app.post_ok(&format!("/api/v1/placements/{}/transitions", spot.id), &director, &closed, StatusCode::OK).await;
        smtp.wait_for("the news that it does not go on", |received, _| received.iter().filter(|m| m.subject().starts_with("Gaat niet door")).count() == 3).await;
        let news = smtp.mails_to(NOAH).into_iter().find(|m| m.subject().starts_with("Gaat niet door")).unwrap();
        assert!(news.text().contains("Je plaatsing bij") && news.text().contains("De reden: De groep wordt opgeheven"), "{}", news.text());

        // Fenna's active placement ends early: she and her school hear why.
        let matches: domain::contract::Page<Match> = app.get_json("/api/v1/matches?limit=100", &admin).await;
        let fenna = matches.items.iter().find(|m| m.ambassador.name == "Fenna Dijkstra" && m.status == domain::match_lifecycle::MatchStatus::Active).unwrap();
        act(&app, &admin, fenna.id, json!({"action": "end", "reason": "Verhuist naar Groningen"})).await;
        let ended = smtp.wait_for_mail_to("fenna@ambassadeur.example").await;
        assert!(ended.subject().starts_with("Beëindigd: Fenna Dijkstra bij"), "{}", ended.subject());
        assert!(ended.text().contains("De reden: Verhuist naar Groningen"));
        assert!(ended.parsed().body_html(0).unwrap().contains("Verhuist naar Groningen"), "the HTML part says it too");
    }

    async fn reviews_reach_the_ambassador_and_handed_in_series_the_coordinator(db) {
        use domain::contract::{HourEntry, HourMonth, LessonSeries, Page};
        const FENNA: &str = "fenna@ambassadeur.example";
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let fenna = app.login_as(FENNA).await;

        // The coordinator rejects one of Fenna's waiting days, saying why.
        let me: domain::contract::Me = app.get_json("/api/v1/me", &coordinator).await;
        let school = me.memberships[0].organisation.id;
        let month: HourMonth = app.get_json(&format!("/api/v1/schools/{school}/hour-months/2026-11"), &coordinator).await;
        let waiting = month.entries.iter().find(|e| e.status == domain::hours::HourStatus::Submitted).unwrap();
        let rejected: HourEntry = app.post_ok(&format!("/api/v1/hour-entries/{}/transitions", waiting.id), &coordinator,
            &json!({"action": "reject", "reason": "Die dag was de school dicht"}), StatusCode::OK).await;
        let mail = smtp.wait_for_mail_to(FENNA).await;
        assert_eq!(mail.subject(), format!("Je uren van {} zijn afgekeurd", domain::date_words::DUTCH.day(rejected.date)));
        assert!(mail.text().contains("De reden: Die dag was de school dicht") && mail.text().contains("/mijn-uren"), "{}", mail.text());

        // Her series waiting for review: changes asked, revised and handed in again, approved.
        let list: Page<LessonSeries> = app.get_json("/api/v1/lesson-series?status=submitted&limit=50", &coordinator).await;
        let series = &list.items[0];
        let path = format!("/api/v1/lesson-series/{}/transitions", series.id);
        let _: LessonSeries = app.post_ok(&path, &coordinator, &json!({"action": "request_changes", "comment": "Voeg een les over veiligheid toe."}), StatusCode::OK).await;
        smtp.wait_for("the request for changes", |received, _| received.iter().any(|m| m.subject().starts_with("Graag aanpassen"))).await;
        let asked = smtp.mails_to(FENNA).into_iter().find(|m| m.subject().starts_with("Graag aanpassen")).unwrap();
        assert!(asked.text().contains("Voeg een les over veiligheid toe.") && asked.text().contains(&format!("/lessenseries/{}", series.id)), "{}", asked.text());

        let _: LessonSeries = app.post_ok(&path, &fenna, &json!({"action": "revise"}), StatusCode::OK).await;
        let _: LessonSeries = app.post_ok(&path, &fenna, &json!({"action": "submit"}), StatusCode::OK).await;
        let handed_in = smtp.wait_for_mail_to(COORDINATOR).await;
        assert_eq!(handed_in.subject(), format!("Lessenserie om te beoordelen: {}", series.content.title));
        assert!(smtp.mails_to(DIRECTOR).is_empty(), "the coordinator reviews, not the director");

        let _: LessonSeries = app.post_ok(&path, &coordinator, &json!({"action": "approve"}), StatusCode::OK).await;
        smtp.wait_for("the approval", |received, _| received.iter().any(|m| m.subject().starts_with("Goedgekeurd"))).await;
        assert_eq!(smtp.mails_to(FENNA).len(), 3, "rejected day, changes asked, approved");
    }
}

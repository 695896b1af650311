//! The e-mails of issue 15 beyond matches and reviews: the intake planned, a statement of the
//! period available, VOG reminders, and each person's choice of what reaches them and when.
//! Each reads the mail from the real test SMTP server and follows its link.

use domain::contract::{Ambassador, Placement};
use reqwest::StatusCode;
use serde_json::json;
use testkit::on_both_backends;
use testkit::smtp::SmtpServer;

use crate::helpers::*;
use crate::placing::{open_spot, propose};

/// 06:59:58 in Amsterdam on `day` (winter): the daily sweep runs two seconds after start-up.
pub(crate) fn just_before_the_sweep(day: chrono::NaiveDate) -> String {
    format!("{day}T05:59:58Z")
}

/// Waits until the `n`th daily sweep of this server has queued everything.
pub(crate) async fn wait_for_sweep(app: &TestApp) -> String {
    app.server
        .wait_for_log(|log| {
            log.lines()
                .find(|line| line.contains("the daily sweep is done"))
                .map(str::to_owned)
        })
        .await
}

/// Waits until this server recorded `count` messages of `kind` as sent, so stopping it now
/// cannot make the outbox send one again after the restart.
async fn wait_until_sent(app: &TestApp, kind: &str, count: usize) {
    app.server
        .wait_for_log(|log| {
            (log.lines()
                .filter(|l| l.contains("recorded as sent") && l.contains(kind))
                .count()
                >= count)
                .then_some(())
        })
        .await;
}

/// The number a sweep's log line gives for `field` (the log is coloured: escapes removed).
fn count_in(line: &str, field: &str) -> u64 {
    let mut plain = String::new();
    let mut in_escape = false;
    for c in line.chars() {
        match (in_escape, c) {
            (false, '\u{1b}') => in_escape = true,
            (true, 'm') => in_escape = false,
            (false, c) => plain.push(c),
            _ => {}
        }
    }
    let at = plain.find(&format!(" {field}=")).expect(field) + field.len() + 2;
    plain[at..]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Registers `name` at `email` and takes them through the intake with a VOG issued on
/// `vog_issued_on` (seen five days later): available for matching.
async fn available_ambassador(
    app: &TestApp,
    admin: &str,
    name: &str,
    email: &str,
    vog_issued_on: chrono::NaiveDate,
) -> Ambassador {
    let created: Ambassador = app.post_ok("/api/v1/ambassadors", admin, &json!({
        "name": name, "email": email, "home_municipality": "Groningen",
        "weekdays": ["tuesday"], "commitment": "half_year", "available_from_year": "2026-2027",
        "available_from_moment": "february", "minutes_per_day": 420, "funding": "volunteer",
        "expertise": ["techniek"]
    }), StatusCode::CREATED).await;
    let path = format!("/api/v1/ambassadors/{}/intake", created.id);
    for action in ["plan_intake", "complete_intake", "request_vog"] {
        let _: Ambassador = app
            .post_ok(&path, admin, &json!({"action": action}), StatusCode::OK)
            .await;
    }
    let seen_on = vog_issued_on + chrono::Days::new(5);
    let _: serde_json::Value = app
        .post_ok(
            &format!("/api/v1/ambassadors/{}/vogs", created.id),
            admin,
            &json!({"issued_on": vog_issued_on, "seen_on": seen_on, "outcome": "issued"}),
            StatusCode::CREATED,
        )
        .await;
    app.post_ok(
        &path,
        admin,
        &json!({"action": "make_available"}),
        StatusCode::OK,
    )
    .await
}

/// The first link to this server in a message's text, as a path.
fn path_of_link(app: &TestApp, text: &str) -> String {
    let base = &app.server.base_url;
    let at = text.find(base.as_str()).expect("a link to the app") + base.len();
    text[at..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

on_both_backends! {
    async fn planning_an_intake_tells_the_ambassador_with_a_link_to_their_page(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let admin = app.login_as(ADMIN).await;
        let body = json!({
            "name": "Femke Hendriks", "email": "femke@voorbeeld.example", "home_municipality": "Groningen",
            "weekdays": ["tuesday"], "commitment": "half_year", "available_from_year": "2026-2027",
            "available_from_moment": "february", "minutes_per_day": 420, "funding": "volunteer",
            "expertise": ["techniek"]
        });
        let created: Ambassador = app.post_ok("/api/v1/ambassadors", &admin, &body, StatusCode::CREATED).await;
        let path = format!("/api/v1/ambassadors/{}/intake", created.id);
        let _: Ambassador = app.post_ok(&path, &admin, &json!({"action": "plan_intake"}), StatusCode::OK).await;

        let mail = smtp.wait_for_mail_to("femke@voorbeeld.example").await;
        assert_eq!(mail.subject(), "Je intakegesprek bij Klasbrug is gepland");
        let text = mail.text();
        assert!(text.starts_with("Beste Femke Hendriks,"), "{text}");
        let link = path_of_link(&app, &text);
        // A page of the web app (the web app's route tests know it).
        assert_eq!(link, "/mijn-gegevens");

        // The next steps send nothing of their own: a later message arrives alone.
        let _: Ambassador = app.post_ok(&path, &admin, &json!({"action": "complete_intake"}), StatusCode::OK).await;
        let _: Ambassador = app.post_ok(&path, &admin, &json!({"action": "withdraw", "note": "Verhuisd"}), StatusCode::OK).await;
        let created: Ambassador = app.post_ok("/api/v1/ambassadors", &admin, &json!({
            "name": "Daan Visser", "email": "daan@voorbeeld.example", "home_municipality": "Groningen",
            "weekdays": ["tuesday"], "commitment": "half_year", "available_from_year": "2026-2027",
            "available_from_moment": "february", "minutes_per_day": 420, "funding": "volunteer"
        }), StatusCode::CREATED).await;
        let path = format!("/api/v1/ambassadors/{}/intake", created.id);
        let _: Ambassador = app.post_ok(&path, &admin, &json!({"action": "plan_intake"}), StatusCode::OK).await;
        smtp.wait_for_mail_to("daan@voorbeeld.example").await;
        assert_eq!(smtp.mails_to("femke@voorbeeld.example").len(), 1);
    }

    async fn the_daily_sweep_reminds_of_a_vog_too_old_for_the_start_once_and_then_that_it_expired(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let admin = app.login_as(ADMIN).await;
        // In po a VOG issued on 20 July 2026 covers a start up to 20 January 2027.
        let issued = chrono::NaiveDate::from_ymd_opt(2026, 7, 20).unwrap();
        let femke = available_ambassador(&app, &admin, "Femke Hendriks", "femke@voorbeeld.example", issued).await;
        let director = app.login_as(DIRECTOR).await;
        let spot: Placement = open_spot(&app, &director).await;
        let proposed = propose(&app, &admin, spot.id, femke.id).await;
        assert_eq!(proposed.status(), StatusCode::CREATED, "{}", proposed.text().await.unwrap());
        let starts_on = spot.period.starts_on;
        wait_until_sent(&app, "match.proposed", 1).await;
        assert!(starts_on > chrono::NaiveDate::from_ymd_opt(2027, 1, 20).unwrap(), "{starts_on}");
        drop(app);

        // Thirty days before the start, the morning sweep sends the reminder.
        let thirty_before = just_before_the_sweep(starts_on - chrono::Days::new(30));
        let app = spawn_with_mail(&db, &smtp, &[("KLASBRUG_CLOCK_START", &thirty_before)]).await;
        smtp.wait_for("the VOG reminder", |mails, _| mails.iter().any(|m| m.to.contains(&"femke@voorbeeld.example".to_owned()) && m.subject().contains("VOG"))).await;
        let reminders: Vec<_> = smtp.mails_to("femke@voorbeeld.example").into_iter().filter(|m| m.subject().contains("VOG")).collect();
        assert_eq!(reminders.len(), 1);
        assert_eq!(reminders[0].subject(), "Je VOG is te oud voor de start van je plaatsing");
        let text = reminders[0].text();
        assert!(text.contains("hij geldt voor een start tot en met 20 jan. 2027"), "{text}");
        assert!(text.contains("Basisschool De Zeester"), "{text}");
        assert_eq!(path_of_link(&app, &text), "/mijn-gegevens");
        wait_for_sweep(&app).await;
        wait_until_sent(&app, "vog.expiring", 1).await;
        drop(app);

        // The same morning again (a restart): nothing is sent twice.
        let app = spawn_with_mail(&db, &smtp, &[("KLASBRUG_CLOCK_START", &thirty_before)]).await;
        let line = wait_for_sweep(&app).await;
        assert_eq!(count_in(&line, "vog"), 0, "{line}");
        drop(app);

        // The day after the last start it covers, it has expired: that is reminded too, once.
        let expired = just_before_the_sweep(chrono::NaiveDate::from_ymd_opt(2027, 1, 21).unwrap());
        let app = spawn_with_mail(&db, &smtp, &[("KLASBRUG_CLOCK_START", &expired)]).await;
        smtp.wait_for("the expiry", |mails, _| mails.iter().any(|m| m.to.contains(&"femke@voorbeeld.example".to_owned()) && m.subject() == "Je VOG is verlopen")).await;
        let text = smtp.mails_to("femke@voorbeeld.example").into_iter().find(|m| m.subject() == "Je VOG is verlopen").unwrap().text();
        assert!(text.contains("Je VOG van 20 jul. 2026 is verlopen"), "{text}");
        let line = wait_for_sweep(&app).await;
        assert!(count_in(&line, "vog") >= 1, "{line}");
        let about_the_vog: Vec<String> = smtp.mails_to("femke@voorbeeld.example").iter().map(|m| m.subject()).filter(|s| s.contains("VOG")).collect();
        assert_eq!(about_the_vog, ["Je VOG is te oud voor de start van je plaatsing", "Je VOG is verlopen"]);
    }

    async fn after_a_month_employers_hear_their_statement_is_ready_and_on_monday_schools_hear_of_waiting_hours(db) {
        let smtp = SmtpServer::start().await;
        // Monday 7 December 2026, just before the morning sweep.
        let monday = just_before_the_sweep(chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
        let app = spawn_with_mail(&db, &smtp, &[("KLASBRUG_CLOCK_START", &monday)]).await;

        // Hoogland's agreement for Bram ran in November.
        let mail = smtp.wait_for_mail_to(EMPLOYER_CONTACT).await;
        assert_eq!(mail.subject(), "De verklaring van november 2026 staat klaar");
        let text = mail.text();
        assert!(text.starts_with("Beste Eva Jansen,"), "{text}");
        assert!(text.contains("Bouwbedrijf Hoogland"), "{text}");
        assert_eq!(path_of_link(&app, &text), "/werkgever");
        let contact = app.login_as(EMPLOYER_CONTACT).await;
        let employers: Vec<serde_json::Value> = app.get_json("/api/v1/employers", &contact).await;
        let statement: serde_json::Value = app.get_json(&format!(
            "/api/v1/employers/{}/statement?from=2026-11-01&to=2026-11-30", employers[0]["id"].as_str().unwrap()), &contact).await;
        assert!(statement["statement"]["delivered_minutes"].as_u64().unwrap() > 0, "{statement}");

        // Lyceum Zuiderlicht has two of Bram's days waiting: its director and coordinator hear.
        for address in ["directeur@zuiderlicht.example", "ic@zuiderlicht.example"] {
            let mail = smtp.wait_for_mail_to(address).await;
            assert_eq!(mail.subject(), "Uren om goed te keuren bij Lyceum Zuiderlicht");
            let text = mail.text();
            assert!(text.contains("2 urenregels wachten op goedkeuring"), "{text}");
            assert_eq!(path_of_link(&app, &text), "/uren");
        }
        let line = wait_for_sweep(&app).await;
        assert!(count_in(&line, "statements") >= 1 && count_in(&line, "hours") >= 2, "{line}");
        wait_until_sent(&app, "statement.available", 1).await;
        drop(app);

        // Tuesday: the statement was sent for November already, and hours go on Mondays only.
        let tuesday = just_before_the_sweep(chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap());
        let app = spawn_with_mail(&db, &smtp, &[("KLASBRUG_CLOCK_START", &tuesday)]).await;
        let line = wait_for_sweep(&app).await;
        assert_eq!((count_in(&line, "statements"), count_in(&line, "hours")), (0, 0), "{line}");
        assert_eq!(smtp.mails_to(EMPLOYER_CONTACT).len(), 1);
    }

    async fn klasbrug_vog_reminders_queues_the_reminders_due_today_once(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let admin = app.login_as(ADMIN).await;
        let issued = chrono::NaiveDate::from_ymd_opt(2026, 7, 20).unwrap();
        let femke = available_ambassador(&app, &admin, "Femke Hendriks", "femke@voorbeeld.example", issued).await;
        let director = app.login_as(DIRECTOR).await;
        let spot: Placement = open_spot(&app, &director).await;
        assert_eq!(propose(&app, &admin, spot.id, femke.id).await.status(), StatusCode::CREATED);
        wait_until_sent(&app, "match.proposed", 1).await;
        drop(app);

        // 09:00 thirty days before the start: past the morning's sweep, so only the command sends.
        let day = format!("{}T08:00:00Z", spot.period.starts_on - chrono::Days::new(30));
        let run = |public_url: Option<&str>| {
            let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_klasbrug"));
            command.env_clear().env("DATABASE_URL", &db.url).env("RUST_LOG", "warn")
                .env("KLASBRUG_CLOCK_START", &day).arg("vog-reminders");
            if let Some(url) = public_url {
                command.env("KLASBRUG_PUBLIC_URL", url);
            }
            command.output()
        };
        let without = run(None).await.unwrap();
        assert!(!without.status.success());
        assert!(String::from_utf8_lossy(&without.stderr).contains("KLASBRUG_PUBLIC_URL"));
        let first = run(Some("https://klasbrug.example")).await.unwrap();
        assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
        assert!(!String::from_utf8_lossy(&first.stdout).contains("Queued 0 "));
        let again = run(Some("https://klasbrug.example")).await.unwrap();
        assert_eq!(String::from_utf8_lossy(&again.stdout), "Queued 0 VOG reminders.\n");

        // A server with a mail server delivers what the command queued, once.
        let app = spawn_with_mail(&db, &smtp, &[("KLASBRUG_CLOCK_START", &day)]).await;
        smtp.wait_for("the VOG reminder", |mails, _| mails.iter().any(|m| m.to.contains(&"femke@voorbeeld.example".to_owned()) && m.subject().contains("VOG"))).await;
        let text = smtp.mails_to("femke@voorbeeld.example").into_iter().find(|m| m.subject().contains("VOG")).unwrap().text();
        assert!(text.contains("https://klasbrug.example/mijn-gegevens"), "{text}");
        drop(app);
    }
}

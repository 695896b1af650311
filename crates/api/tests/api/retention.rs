//! The retention sweep (`klasbrug retention-sweep`) on a frozen clock, restarted on the same
//! database days and years later: who is anonymised when, what a payment keeps, what a dry run
//! and the audit log say.

use domain::contract::{Match, Page, Statement, StatementLineItem};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sqlx::Row;
use testkit::{Backend, TestDatabaseRef, on_both_backends};
use tokio::process::Command;

use crate::helpers::*;

const FENNA: &str = "fenna@ambassadeur.example";
const BRAM: &str = "bram@ambassadeur.example";

/// Runs `klasbrug retention-sweep` on `db` with the clock at `clock`; returns what it printed.
pub(crate) async fn sweep(db: &TestDatabaseRef, clock: &str, dry_run: bool) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_klasbrug"));
    command
        .env_clear()
        .env("DATABASE_URL", &db.url)
        .env("RUST_LOG", "warn")
        .env("KLASBRUG_JWT_SECRET", std::str::from_utf8(SECRET).unwrap())
        .env("KLASBRUG_CLOCK_START", clock)
        .arg("retention-sweep");
    if dry_run {
        command.arg("--dry-run");
    }
    let output = command.output().await.unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The count a sweep printed for `category`.
pub(crate) fn count(printed: &str, category: &str) -> u64 {
    printed
        .lines()
        .find(|l| l.split_whitespace().next() == Some(category))
        .and_then(|l| l.split_whitespace().last())
        .unwrap_or_else(|| panic!("no {category} in {printed}"))
        .parse()
        .unwrap()
}

/// Runs `sql` on the test database directly, every column read as text.
async fn texts(db: &TestDatabaseRef, sql: &str) -> Vec<Vec<Option<String>>> {
    fn take<R: Row>(row: &R) -> Vec<Option<String>>
    where
        for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
        usize: sqlx::ColumnIndex<R>,
    {
        (0..row.len()).map(|i| row.try_get(i).unwrap()).collect()
    }
    macro_rules! fetch {
        ($pool:ty) => {{
            let pool = <$pool>::connect(&db.url).await.unwrap();
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
                .fetch_all(&pool)
                .await
                .unwrap();
            let out = rows.iter().map(take).collect();
            pool.close().await;
            out
        }};
    }
    match db.backend {
        Backend::Sqlite => fetch!(sqlx::SqlitePool),
        Backend::Postgres => fetch!(sqlx::PgPool),
    }
}

/// Everything the sweep could change, as text, to compare before and after.
async fn snapshot(db: &TestDatabaseRef) -> Vec<Vec<Vec<Option<String>>>> {
    let cast = |c: &str| match db.backend {
        Backend::Sqlite => format!("hex({c})"),
        Backend::Postgres => format!("CAST({c} AS TEXT)"),
    };
    let mut out = Vec::new();
    for sql in [
        format!(
            "SELECT {}, name, email, status, {} FROM ambassadors ORDER BY id",
            cast("id"),
            cast("erased_at")
        ),
        format!(
            "SELECT {}, name, email, password_hash FROM users ORDER BY id",
            cast("id")
        ),
        format!(
            "SELECT {}, payee_name, payee_iban, {} FROM statement_lines ORDER BY id",
            cast("id"),
            cast("amount")
        ),
        format!(
            "SELECT {}, iban FROM allowance_profiles ORDER BY 1",
            cast("ambassador_id")
        ),
        format!(
            "SELECT {}, action, reason FROM audit_log ORDER BY id",
            cast("id")
        ),
        format!("SELECT {} FROM sessions ORDER BY id", cast("id")),
        format!("SELECT {}, status FROM outbox ORDER BY id", cast("id")),
        format!(
            "SELECT {}, lines, sepa_xml FROM payout_files ORDER BY id",
            cast("id")
        ),
    ] {
        out.push(texts(db, &sql).await);
    }
    out
}

/// Fenna's payee on her paid lines: (name, IBAN, amount in cents, month).
pub(crate) async fn fenna_payees(db: &TestDatabaseRef, fenna: &str) -> Vec<Vec<Option<String>>> {
    let sql = match db.backend {
        Backend::Sqlite => format!(
            "SELECT l.payee_name, l.payee_iban, CAST(l.amount AS TEXT), l.month, l.paid_at FROM statement_lines l \
             WHERE l.ambassador_id = (SELECT id FROM ambassadors WHERE lower(hex(id)) = '{}') AND l.status = 'paid'",
            fenna.replace('-', "")
        ),
        Backend::Postgres => format!(
            "SELECT l.payee_name, l.payee_iban, CAST(l.amount AS TEXT), l.month, CAST(l.paid_at AS TEXT) FROM statement_lines l \
             WHERE l.ambassador_id = '{fenna}' AND l.status = 'paid'"
        ),
    };
    texts(db, &sql).await
}

/// Pays Fenna's October (optionally stopping at approval) and ends her placement today, at the
/// test clock's 2026-12-03. Returns her ambassador id and the payout file's CSV path.
pub(crate) async fn pay_and_end_fenna(app: &TestApp, pay: bool) -> (String, String) {
    let admin = app.login_as(ADMIN).await;
    let list: Page<Value> = app.get_json("/api/v1/ambassadors?limit=100", &admin).await;
    let id = list
        .items
        .iter()
        .find(|a| a["name"] == "Fenna Dijkstra")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let caps = json!({"year": 2026, "hourly_21_plus": 560, "hourly_under_21": 330, "monthly": 21000, "yearly": 210000});
    let _: Value = app
        .post_ok("/api/v1/allowance-caps", &admin, &caps, StatusCode::CREATED)
        .await;
    let october: Statement = app
        .post_ok(
            "/api/v1/statements",
            &admin,
            &json!({"month": "2026-10"}),
            StatusCode::OK,
        )
        .await;
    let line = &october.lines[0];
    let path = format!("/api/v1/statement-lines/{}/transitions", line.id);
    let _: StatementLineItem = app
        .post_ok(&path, &admin, &json!({"action": "approve"}), StatusCode::OK)
        .await;
    let file: domain::contract::PayoutFile = app
        .post_ok(
            "/api/v1/statements/2026-10/payout-files",
            &admin,
            &json!({}),
            StatusCode::CREATED,
        )
        .await;
    if pay {
        let _: StatementLineItem = app
            .post_ok(
                &path,
                &admin,
                &json!({"action": "mark_paid"}),
                StatusCode::OK,
            )
            .await;
    }
    let matches: Page<Match> = app.get_json("/api/v1/matches?limit=100", &admin).await;
    let active = matches
        .items
        .iter()
        .find(|m| {
            m.ambassador.name == "Fenna Dijkstra"
                && m.status == domain::match_lifecycle::MatchStatus::Active
        })
        .unwrap();
    let ended = app
        .call(
            Method::POST,
            &format!("/api/v1/matches/{}/transitions", active.id),
            &admin,
            Some(&json!({"action": "end", "reason": "In goed overleg gestopt"})),
        )
        .await;
    assert_eq!(
        ended.status(),
        StatusCode::OK,
        "{}",
        ended.text().await.unwrap()
    );
    (
        id,
        format!(
            "/api/v1/statements/2026-10/payout-files/{}/payout.csv?dialect=rfc4180",
            file.id
        ),
    )
}

/// Whether `email` can still log in.
async fn can_log_in(app: &TestApp, email: &str) -> bool {
    app.login(email, PASSWORD).await.status() == StatusCode::OK
}

on_both_backends! {
    async fn a_placed_ambassador_is_anonymised_731_days_after_their_last_match_and_their_payee_after_the_payment_period(db) {
        let app = spawn_app(&db).await;
        let (fenna, csv_path) = pay_and_end_fenna(&app, true).await;
        let paid = fenna_payees(&db, &fenna).await;
        assert_eq!(paid.len(), 1);
        assert_eq!(paid[0][0].as_deref(), Some("F. Dijkstra"));
        assert_eq!(paid[0][1].as_deref(), Some("NL20INGB0001234567"));
        drop(app);

        // 730 days after her last day: she is kept.
        let day_730 = "2028-12-02T09:00:00Z";
        let kept = sweep(&db, day_730, false).await;
        assert_eq!(count(&kept, "ambassador"), 0, "{kept}");
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", day_730)]).await;
        assert!(can_log_in(&app, FENNA).await, "kept for 730 days");
        drop(app);

        // 731 days: a dry run says she would go, and changes nothing.
        let day_731 = "2028-12-03T09:00:00Z";
        let before = snapshot(&db).await;
        let dry = sweep(&db, day_731, true).await;
        assert!(dry.contains("dry run"), "{dry}");
        assert_eq!(count(&dry, "ambassador"), 1, "{dry}");
        assert_eq!(count(&dry, "payment_payee"), 0, "{dry}");
        assert!(count(&dry, "audit_entry") > 0, "the demo's audit entries are two years old: {dry}");
        assert_eq!(snapshot(&db).await, before, "a dry run changes nothing");
        // Dry, seven years on, her payee counts as a real sweep would wipe it once she is
        // anonymised in the same sweep.
        let far = sweep(&db, "2033-12-04T09:00:00Z", true).await;
        assert_eq!((count(&far, "ambassador"), count(&far, "payment_payee")), (1, 1), "{far}");
        assert_eq!(snapshot(&db).await, before, "a dry run changes nothing");

        // The sweep anonymises her: it did what the dry run said.
        let swept = sweep(&db, day_731, false).await;
        assert_eq!(count(&swept, "ambassador"), 1, "{swept}");
        assert_eq!(count(&swept, "audit_entry"), count(&dry, "audit_entry"), "{swept}");
        let again = sweep(&db, day_731, false).await;
        for line in again.lines().skip(1) {
            assert_eq!(line.split_whitespace().last(), Some("0"), "the second sweep does nothing: {again}");
        }
        let people = texts(&db, "SELECT name, email FROM ambassadors WHERE erased_at IS NOT NULL").await;
        assert_eq!(people.len(), 1);
        assert_ne!(people[0][0].as_deref(), Some("Fenna Dijkstra"));
        assert_eq!(people[0][1].as_deref(), Some(""));
        assert!(texts(&db, "SELECT name FROM users WHERE email = 'fenna@ambassadeur.example' OR name = 'Fenna Dijkstra'").await.is_empty());
        assert!(texts(&db, "SELECT iban FROM allowance_profiles WHERE iban = 'NL20INGB0001234567'").await.is_empty(), "her allowance details went");

        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", day_731)]).await;
        assert!(!can_log_in(&app, FENNA).await, "an anonymised ambassador cannot log in");
        assert!(can_log_in(&app, BRAM).await, "Bram, in a live match, is untouched");
        let admin = app.login_as(ADMIN).await;
        assert_problem(app.get(&format!("/api/v1/ambassadors/{fenna}"), &admin).await, StatusCode::NOT_FOUND, "not_found").await;
        // Inside the payment period the payment is kept whole.
        let kept = fenna_payees(&db, &fenna).await;
        assert_eq!(kept[0][0..4], paid[0][0..4], "name, IBAN, amount and month kept");
        let csv = app.get(&csv_path, &admin).await.text().await.unwrap();
        assert!(csv.contains("F. Dijkstra,NL20INGB0001234567,160.00"), "{csv}");
        // The audit log has the counts, and nobody's name or address.
        let audit: Value = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        let entries: Vec<&Value> = audit["items"].as_array().unwrap().iter().filter(|e| e["action"].as_str().is_some_and(|a| a.starts_with("retention."))).collect();
        let anonymised = entries.iter().find(|e| e["resource_type"] == "ambassador").expect("an entry for ambassadors");
        assert_eq!(anonymised["action"], "retention.anonymise");
        assert!(anonymised["reason"].as_str().unwrap().starts_with("1 anonymised"), "{anonymised}");
        assert!(entries.iter().any(|e| e["resource_type"] == "audit_entry" && e["action"] == "retention.delete"));
        let written = serde_json::to_string(&entries).unwrap();
        for personal in ["Fenna", "Dijkstra", "fenna@", "NL20INGB"] {
            assert!(!written.contains(personal), "{personal} in {written}");
        }
        assert!(entries.iter().all(|e| e["resource_id"].is_null() && e["actor_kind"] == "system"));
        drop(app);

        // Seven years after the payment, to the day, it is still whole; the day after, the payee goes.
        let last_day = sweep(&db, "2033-12-03T09:00:00Z", false).await;
        assert_eq!(count(&last_day, "payment_payee"), 0, "{last_day}");
        let dry = sweep(&db, "2033-12-04T09:00:00Z", true).await;
        assert_eq!(count(&dry, "payment_payee"), 1, "{dry}");
        let wiped = sweep(&db, "2033-12-04T09:00:00Z", false).await;
        assert_eq!(count(&wiped, "payment_payee"), 1, "{wiped}");
        let after = fenna_payees(&db, &fenna).await;
        assert_eq!((after[0][0].as_deref(), after[0][1].as_deref()), (None, None), "no name or IBAN");
        assert_eq!(after[0][2..], paid[0][2..], "amount, month and the day it was paid stay");
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", "2033-12-04T09:00:00Z")]).await;
        let admin = app.login_as(ADMIN).await;
        let csv = app.get(&csv_path, &admin).await;
        assert_eq!(csv.status(), StatusCode::OK);
        let csv = csv.text().await.unwrap();
        assert!(csv.contains("Verwijderd,,160.00,"), "{csv}");
        assert!(!csv.contains("Dijkstra") && !csv.contains("NL20INGB"), "{csv}");
        let again = sweep(&db, "2033-12-04T09:00:00Z", false).await;
        assert_eq!(count(&again, "payment_payee"), 0, "{again}");
    }

    async fn an_open_allowance_line_keeps_an_ambassador_whose_placement_ended(db) {
        let app = spawn_app(&db).await;
        // Approved and in a payout file, but not paid yet.
        let (fenna, _) = pay_and_end_fenna(&app, false).await;
        drop(app);
        let later = "2029-06-01T09:00:00Z";
        let dry = sweep(&db, later, true).await;
        assert_eq!(count(&dry, "ambassador"), 0, "{dry}");
        let swept = sweep(&db, later, false).await;
        assert_eq!(count(&swept, "ambassador"), 0, "{swept}");
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", later)]).await;
        assert!(can_log_in(&app, FENNA).await, "an open allowance line blocks anonymisation");
        assert!(can_log_in(&app, BRAM).await, "a live match blocks it too");
        let admin = app.login_as(ADMIN).await;
        let profile: Value = app.get_json(&format!("/api/v1/ambassadors/{fenna}"), &admin).await;
        assert!(profile.to_string().contains("Fenna Dijkstra"), "{profile}");
    }

    async fn the_server_sweeps_by_itself_and_a_coordinator_who_left_goes_two_years_later(db) {
        let app = spawn_app(&db).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let me: domain::contract::Me = app.get_json("/api/v1/me", &coordinator).await;
        let school = me.memberships[0].organisation.id;
        let director = app.login_as(DIRECTOR).await;
        let removed = app.call(Method::DELETE, &format!("/api/v1/schools/{school}/members/{}", me.id), &director, None).await;
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        drop(app);

        // 730 days after leaving the server's own sweep keeps the account (it cannot log in
        // anyway without a role, but the name and address are still there).
        let log = ("RUST_LOG", "warn,klasbrug::retention=info");
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", "2028-12-02T09:00:00Z"), log]).await;
        app.server.wait_for_log(|l| l.contains("the retention sweep is done").then_some(())).await;
        assert_eq!(texts(&db, "SELECT name FROM users WHERE email = 'ic@zeester.example'").await.len(), 1);
        drop(app);

        // 731 days: the server anonymises the account at start-up, and says how many, not who.
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", "2028-12-03T09:00:00Z"), log]).await;
        // The log as a whole lists the demo logins; the sweep's own part names nobody.
        let done = app.server.wait_for_log(|l| l.rsplit_once("the retention sweep is done").map(|(_, rest)| rest.to_owned())).await;
        assert!(done.contains("school_staff       anonymise  1"), "{done}");
        assert!(texts(&db, "SELECT name FROM users WHERE email = 'ic@zeester.example' OR name = 'Jeroen Bakker'").await.is_empty(), "{done}");
        assert!(!done.contains("Jeroen") && !done.contains("zeester.example"), "{done}");
        assert!(!can_log_in(&app, COORDINATOR).await);
        assert!(can_log_in(&app, DIRECTOR).await, "the director stayed");
        let admin = app.login_as(ADMIN).await;
        let audit: Value = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        let staff = audit["items"].as_array().unwrap().iter().find(|e| e["resource_type"] == "school_staff").expect("an entry for school staff");
        assert_eq!(staff["action"], "retention.anonymise");
        assert!(staff["reason"].as_str().unwrap().starts_with("1 anonymised"), "{staff}");
        drop(app);
        let again = sweep(&db, "2028-12-03T10:00:00Z", false).await;
        assert_eq!(count(&again, "school_staff"), 0, "{again}");
    }

    async fn an_employer_contact_and_an_applicant_who_withdrew_go_two_years_later(db) {
        let app = spawn_app(&db).await;
        let lindehof = app.login_as("hr@lindehof.example").await;
        let employers: Vec<Value> = app.get_json("/api/v1/employers", &lindehof).await;
        let path = format!("/api/v1/employers/{}/agreements", employers[0]["id"].as_str().unwrap());
        let agreements: Vec<Value> = app.get_json(&path, &lindehof).await;
        assert_eq!(agreements.len(), 1, "Lindehof's one agreement: {agreements:?}");
        let end = json!({"action": "end", "reason": "Stopt met het programma"});
        let _: Value = app.post_ok(&format!("{path}/{}/transitions", agreements[0]["id"].as_str().unwrap()), &lindehof, &end, StatusCode::OK).await;
        drop(app);

        // Mila, still in intake, withdraws: an applicant never placed.
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let list: Page<Value> = app.get_json("/api/v1/ambassadors?limit=100", &admin).await;
        let mila = list.items.iter().find(|a| a["name"] == "Mila de Boer").unwrap()["id"].as_str().unwrap().to_owned();
        let _: Value = app.post_ok(&format!("/api/v1/ambassadors/{mila}/intake"), &admin, &json!({"action": "withdraw", "note": "Andere baan"}), StatusCode::OK).await;
        drop(app);

        let kept = sweep(&db, "2028-12-02T09:00:00Z", false).await;
        assert_eq!(count(&kept, "employer_contact"), 0, "{kept}");
        assert_eq!(count(&kept, "applicant"), 0, "{kept}");
        let swept = sweep(&db, "2028-12-03T09:00:00Z", false).await;
        assert_eq!(count(&swept, "employer_contact"), 1, "only Lindehof's contact: {swept}");
        assert_eq!(count(&swept, "applicant"), 1, "{swept}");
        assert_eq!(count(&swept, "ambassador"), 0, "{swept}");
        assert!(texts(&db, "SELECT name FROM users WHERE email = 'mila@ambassadeur.example' OR name = 'Mila de Boer'").await.is_empty());
        assert!(texts(&db, "SELECT name FROM ambassadors WHERE name = 'Mila de Boer'").await.is_empty());
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", "2028-12-03T09:00:00Z")]).await;
        assert!(!can_log_in(&app, "hr@lindehof.example").await);
        assert!(can_log_in(&app, EMPLOYER_CONTACT).await, "Hoogland's agreements still run");
        assert!(texts(&db, "SELECT name FROM users WHERE name = 'Mark Peters'").await.is_empty());
    }
}

#[tokio::test]
async fn a_bad_retention_setting_stops_the_sweep_with_a_line_naming_it() {
    for (name, value) in [
        ("KLASBRUG_RETENTION_PERSONAL_DAYS", "twee jaar"),
        ("KLASBRUG_RETENTION_PAYMENT_YEARS", "5"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_klasbrug"))
            .env_clear()
            .env("DATABASE_URL", "sqlite::memory:")
            .env("KLASBRUG_DEMO", "1")
            .env(name, value)
            .args(["retention-sweep", "--dry-run"])
            .output()
            .await
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.contains(name) && stderr.contains(value), "{stderr}");
    }
}

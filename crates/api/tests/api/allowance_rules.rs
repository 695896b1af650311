//! The volunteer allowance's money rules where they used to slip (issue 13): the caps count every
//! allowance of the calendar month and year at the moment money moves, corrections never take
//! back more than was paid, and two people changing one line cannot both win.
//!
//! The bodies are read as plain JSON, so these tests speak the wire contract only.

use reqwest::header::{ETAG, IF_MATCH};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;

use crate::helpers::*;

const FENNA: &str = "Fenna Dijkstra";

/// The demo programme with the 2026 caps entered (the Belastingdienst's 2025 numbers: EUR 210
/// a month, EUR 2,100 a year), logged in as programme staff.
struct Programme {
    app: TestApp,
    admin: String,
    fenna: String,
}

async fn programme(db: &testkit::TestDatabaseRef) -> Programme {
    let app = spawn_app(db).await;
    let admin = app.login_as(ADMIN).await;
    let caps = json!({"year": 2026, "hourly_21_plus": 560, "hourly_under_21": 330, "monthly": 21000, "yearly": 210000});
    let _: Value = app
        .post_ok("/api/v1/allowance-caps", &admin, &caps, StatusCode::CREATED)
        .await;
    let list: Value = app.get_json("/api/v1/ambassadors?limit=100", &admin).await;
    let fenna = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == FENNA)
        .expect("Fenna in the demo")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    Programme { app, admin, fenna }
}

impl Programme {
    /// Draws up `month` and returns Fenna's line.
    async fn draw_up(&self, month: &str) -> Value {
        let statement: Value = self
            .app
            .post_ok(
                "/api/v1/statements",
                &self.admin,
                &json!({"month": month}),
                StatusCode::OK,
            )
            .await;
        statement["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["ambassador_name"] == FENNA && l["line"]["corrects"].is_null())
            .unwrap_or_else(|| panic!("Fenna's line for {month} in {statement}"))
            .clone()
    }

    async fn step(&self, line: &Value, action: &str) -> Response {
        let body = json!({"action": action, "reason": "Uren heropend"});
        self.app
            .call(
                Method::POST,
                &format!(
                    "/api/v1/statement-lines/{}/transitions",
                    line["id"].as_str().unwrap()
                ),
                &self.admin,
                Some(&body),
            )
            .await
    }

    async fn step_ok(&self, line: &Value, action: &str) -> Value {
        let response = self.step(line, action).await;
        let status = response.status();
        let body: Value = response.json().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{action}: {body}");
        body
    }

    async fn pay(&self, line: &Value) -> Value {
        self.step_ok(line, "approve").await;
        self.step_ok(line, "mark_paid").await
    }

    async fn correct(&self, line: &Value, amount: i64) -> Response {
        let body = json!({"amount": amount, "reason": "Correctie"});
        self.app
            .call(
                Method::POST,
                &format!(
                    "/api/v1/statement-lines/{}/corrections",
                    line["id"].as_str().unwrap()
                ),
                &self.admin,
                Some(&body),
            )
            .await
    }

    async fn correct_ok(&self, line: &Value, amount: i64) -> Value {
        let response = self.correct(line, amount).await;
        let status = response.status();
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            status,
            StatusCode::CREATED,
            "correction of {amount}: {body}"
        );
        body
    }

    async fn declare(&self, month: &str, amount: i64) {
        let path = format!("/api/v1/ambassadors/{}/declared-allowances", self.fenna);
        let _: Value = self
            .app
            .post_ok(
                &path,
                &self.admin,
                &json!({"month": month, "amount": amount, "source": "Sportclub"}),
                StatusCode::CREATED,
            )
            .await;
    }

    /// EUR 1,800 declared from elsewhere, EUR 200 in each month from January to September.
    async fn declare_january_to_september(&self) {
        for month in 1..=9 {
            self.declare(&format!("2026-{month:02}"), 20_000).await;
        }
    }

    /// The school approves Fenna's November hours, so November can be drawn up.
    async fn approve_november_hours(&self) {
        let director = self.app.login_as(DIRECTOR).await;
        let me: Value = self.app.get_json("/api/v1/me", &director).await;
        let school = me["memberships"][0]["organisation"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let _: Value = self
            .app
            .post_ok(
                &format!("/api/v1/schools/{school}/hour-months/2026-11/approvals"),
                &director,
                &json!(null),
                StatusCode::OK,
            )
            .await;
    }
}

/// Asserts a problem+json answer with `status` and `code`, and returns it as JSON (its
/// `details` are read from the wire, not through a shared type).
async fn problem(response: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(response.status(), status, "status");
    assert_eq!(
        response.headers()[reqwest::header::CONTENT_TYPE],
        "application/problem+json"
    );
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["code"], code, "{problem}");
    assert!(!problem["detail"].as_str().unwrap().is_empty());
    problem
}

/// Asserts an `over_cap` refusal naming exactly this cap, cap and total.
async fn assert_over_cap(response: Response, kind: &str, cap: i64, total: i64) {
    let body = response.text().await.unwrap();
    let problem: Value =
        serde_json::from_str(&body).unwrap_or_else(|_| panic!("a problem, not {body}"));
    assert_eq!(
        (problem["status"].as_i64(), problem["code"].as_str()),
        (Some(409), Some("over_cap")),
        "{problem}"
    );
    assert_eq!(
        problem["details"]["caps"],
        json!([{"kind": kind, "cap": cap, "total": total}]),
        "{problem}"
    );
}

fn monthly_total(line: &Value) -> i64 {
    line["line"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "monthly")
        .unwrap()["total"]
        .as_i64()
        .unwrap()
}

on_both_backends! {
    async fn corrections_together_never_take_back_more_than_was_paid(db) {
        let p = programme(&db).await;
        let october = p.draw_up("2026-10").await;
        assert_eq!(october["line"]["amount"], 16_000);
        p.pay(&october).await;

        // EUR 100 taken back leaves EUR 60 to take back; a second EUR 100 is refused, naming it.
        let first = p.correct_ok(&october, -10_000).await;
        let second = p.correct(&october, -10_000).await;
        let refused = problem(second, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(refused["errors"][0]["field"], "amount");
        assert!(refused["detail"].as_str().unwrap().contains("60.00"), "{refused}");
        assert_eq!(refused["details"]["correctable"], 6_000, "{refused}");

        // Paid back, the first leaves exactly EUR 60: that much can go, a cent more cannot.
        p.pay(&first).await;
        let over = problem(p.correct(&october, -6_001).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(over["details"]["correctable"], 6_000, "{over}");
        let rest = p.correct_ok(&october, -6_000).await;
        p.pay(&rest).await;
        let year: Value = p.app.get_json("/api/v1/statements/2026-10", &p.admin).await;
        let net: i64 = year["lines"].as_array().unwrap().iter().filter(|l| l["line"]["status"] == "paid").map(|l| l["line"]["amount"].as_i64().unwrap()).sum();
        assert_eq!(net, 0);
    }

    async fn positive_corrections_are_counted_together_when_approved(db) {
        let p = programme(&db).await;
        let october = p.draw_up("2026-10").await;
        p.pay(&october).await;
        // EUR 50 and one cent more: each fine alone on the EUR 160 paid.
        let fifty = p.correct_ok(&october, 5_000).await;
        let cent = p.correct_ok(&october, 1).await;
        assert!(fifty["line"]["flags"].as_array().unwrap().is_empty());
        assert!(cent["line"]["flags"].as_array().unwrap().is_empty());
        // Together EUR 210.01: the first reaches the cap exactly, the second is refused.
        p.step_ok(&fifty, "approve").await;
        assert_over_cap(p.step(&cent, "approve").await, "monthly", 21_000, 21_001).await;
        p.step_ok(&fifty, "mark_paid").await;
        assert_over_cap(p.step(&cent, "approve").await, "monthly", 21_000, 21_001).await;
    }

    async fn two_months_each_within_the_yearly_cap_are_not_both_approved(db) {
        let p = programme(&db).await;
        p.declare_january_to_september().await;
        p.approve_november_hours().await;
        let october = p.draw_up("2026-10").await;
        let november = p.draw_up("2026-11").await;
        assert!(october["line"]["flags"].as_array().unwrap().is_empty());
        assert!(november["line"]["flags"].as_array().unwrap().is_empty());
        // EUR 1,800 + 160 + 160 = 2,120: whichever comes second is over the yearly cap.
        p.step_ok(&november, "approve").await;
        assert_over_cap(p.step(&october, "approve").await, "yearly", 210_000, 212_000).await;
    }

    async fn a_month_drawn_up_after_a_later_month_was_paid_counts_that_month(db) {
        let p = programme(&db).await;
        p.declare_january_to_september().await;
        p.approve_november_hours().await;
        let november = p.draw_up("2026-11").await;
        p.pay(&november).await;
        // October, drawn up afterwards, counts November's payment: flagged, and not approved.
        let october = p.draw_up("2026-10").await;
        let yearly = october["line"]["checks"].as_array().unwrap().iter().find(|c| c["kind"] == "yearly").unwrap().clone();
        assert_eq!(yearly["total"], 212_000, "{october}");
        assert_eq!(october["line"]["flags"].as_array().unwrap().len(), 1, "{october}");
        assert_over_cap(p.step(&october, "approve").await, "yearly", 210_000, 212_000).await;
    }

    async fn allowances_declared_for_later_months_count_toward_the_yearly_cap(db) {
        let p = programme(&db).await;
        // EUR 1,940 from elsewhere in December: with October's EUR 160 exactly the yearly cap.
        p.declare("2026-12", 194_000).await;
        let october = p.draw_up("2026-10").await;
        assert!(october["line"]["flags"].as_array().unwrap().is_empty(), "{october}");
        // One cent more, declared for a later month still: October can no longer be approved.
        p.declare("2026-11", 1).await;
        assert_over_cap(p.step(&october, "approve").await, "yearly", 210_000, 210_001).await;
        // Next year's allowances are next year's business.
        p.declare("2027-01", 50_000).await;
        let adjusted: Value = p.app.post_ok(&format!("/api/v1/statement-lines/{}/adjustments", october["id"].as_str().unwrap()), &p.admin, &json!({"amount": 15_999, "reason": "Binnen het jaarmaximum"}), StatusCode::OK).await;
        assert!(adjusted["line"]["flags"].as_array().unwrap().is_empty(), "{adjusted}");
        p.step_ok(&october, "approve").await;
    }

    async fn a_declaration_made_after_drawing_up_is_counted_at_approval_and_payment(db) {
        let p = programme(&db).await;
        let october = p.draw_up("2026-10").await;
        assert!(october["line"]["flags"].as_array().unwrap().is_empty());
        p.declare("2026-10", 5_001).await;
        assert_over_cap(p.step(&october, "approve").await, "monthly", 21_000, 21_001).await;
        // The refusal leaves the line flagged, so the statement shows why.
        let flagged: Value = p.app.get_json("/api/v1/statements/2026-10", &p.admin).await;
        let flagged = &flagged["lines"][0];
        assert_eq!((flagged["line"]["status"].as_str(), monthly_total(flagged)), (Some("draft"), 21_001), "{flagged}");
        assert_eq!(flagged["line"]["flags"].as_array().unwrap().len(), 1, "{flagged}");

        // Adjusted to exactly the cap, it is approved; a cent declared since blocks the payment.
        let path = format!("/api/v1/statement-lines/{}/adjustments", october["id"].as_str().unwrap());
        let adjusted: Value = p.app.post_ok(&path, &p.admin, &json!({"amount": 15_999, "reason": "Tot het maandmaximum"}), StatusCode::OK).await;
        assert_eq!(monthly_total(&adjusted), 21_000);
        p.step_ok(&october, "approve").await;
        p.declare("2026-10", 1).await;
        assert_over_cap(p.step(&october, "mark_paid").await, "monthly", 21_000, 21_001).await;
    }

    async fn a_line_carries_its_version_and_a_write_on_an_old_version_is_refused(db) {
        let p = programme(&db).await;
        let october = p.draw_up("2026-10").await;
        let id = october["id"].as_str().unwrap().to_owned();
        let path = format!("/api/v1/statement-lines/{id}");
        let read = p.app.get(&path, &p.admin).await;
        assert_eq!(read.status(), StatusCode::OK);
        assert_eq!(read.headers()[ETAG], "\"1\"");
        let read: Value = read.json().await.unwrap();
        assert_eq!(read["version"], 1);
        assert_eq!(october["version"], 1);

        let adjust = |version: &str| p.app.client.post(p.app.url(&format!("{path}/adjustments"))).bearer_auth(&p.admin).header(IF_MATCH, version.to_owned()).json(&json!({"amount": 15_000, "reason": "Een ochtend minder"})).send();
        let adjusted = adjust("\"1\"").await.unwrap();
        assert_eq!(adjusted.status(), StatusCode::OK);
        assert_eq!(adjusted.headers()[ETAG], "\"2\"");
        // Someone who still saw version 1 approves: refused, and told the version now.
        let stale = p.app.client.post(p.app.url(&format!("{path}/transitions"))).bearer_auth(&p.admin).header(IF_MATCH, "\"1\"").json(&json!({"action": "approve"})).send().await.unwrap();
        let refused = problem(stale, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
        assert_eq!(refused["details"]["current_version"], 2, "{refused}");
        problem(adjust("W/\"2\"").await.unwrap(), StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
        problem(adjust("twee").await.unwrap(), StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
        let line: Value = p.app.get_json(&path, &p.admin).await;
        assert_eq!((line["version"].as_i64(), line["line"]["status"].as_str(), line["line"]["amount"].as_i64()), (Some(2), Some("draft"), Some(15_000)));
        // `*` and no If-Match at all still work, on the line as it is now.
        assert_eq!(adjust("*").await.unwrap().status(), StatusCode::OK);
        let approved = p.step_ok(&october, "approve").await;
        assert_eq!((approved["version"].as_i64(), approved["line"]["status"].as_str()), (Some(4), Some("approved")));
        let statement: Value = p.app.get_json("/api/v1/statements/2026-10", &p.admin).await;
        assert_eq!(statement["lines"][0]["version"], 4);
    }

    async fn an_adjustment_and_an_approval_racing_on_one_line_leave_exactly_one_winner(db) {
        let p = programme(&db).await;
        let october = p.draw_up("2026-10").await;
        let path = format!("/api/v1/statement-lines/{}", october["id"].as_str().unwrap());
        // Read as the statement page does: from the month's list.
        let read = || async {
            let statement: Value = p.app.get_json("/api/v1/statements/2026-10", &p.admin).await;
            statement["lines"][0].clone()
        };
        let (mut adjust_won, mut approve_won) = (0, 0);
        for round in 0..10_i64 {
            let before = read().await;
            assert_eq!(before["line"]["status"], "draft");
            let version = before["version"].as_i64().unwrap_or(1);
            let tag = format!("\"{version}\"");
            let amount = 15_000 - round;
            let reason = format!("Ronde {round}");
            let adjust = p.app.client.post(p.app.url(&format!("{path}/adjustments"))).bearer_auth(&p.admin).header(IF_MATCH, &tag).json(&json!({"amount": amount, "reason": reason})).send();
            let approve = p.app.client.post(p.app.url(&format!("{path}/transitions"))).bearer_auth(&p.admin).header(IF_MATCH, &tag).json(&json!({"action": "approve"})).send();
            let (adjusted, approved) = tokio::join!(adjust, approve);
            let (adjusted, approved) = (adjusted.unwrap(), approved.unwrap());
            let statuses = (adjusted.status(), approved.status());
            let after = read().await;
            match statuses {
                (StatusCode::OK, StatusCode::PRECONDITION_FAILED) => {
                    adjust_won += 1;
                    problem(approved, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
                    assert_eq!(after["line"]["status"], "draft", "round {round}");
                    assert_eq!(after["line"]["amount"], amount, "round {round}");
                    assert_eq!(after["line"]["adjustment_reason"], reason.as_str(), "round {round}");
                }
                (StatusCode::PRECONDITION_FAILED, StatusCode::OK) => {
                    approve_won += 1;
                    problem(adjusted, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
                    assert_eq!(after["line"]["status"], "approved", "round {round}");
                    assert_eq!(after["line"]["amount"], before["line"]["amount"], "round {round}");
                    assert_eq!(after["line"]["adjustment_reason"], before["line"]["adjustment_reason"], "round {round}");
                }
                other => panic!("round {round}: exactly one of adjust and approve must win, the other get 412; got {other:?}"),
            }
            assert_eq!(after["version"].as_i64(), Some(version + 1), "round {round}: one write, one version");
            if after["line"]["status"] == "approved" {
                // Back to a draft for the next round.
                p.step_ok(&after, "reopen").await;
            }
        }
        assert_eq!(adjust_won + approve_won, 10);
    }
}

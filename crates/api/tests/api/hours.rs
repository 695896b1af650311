//! Hours: the ambassador logs, the school's coordinator or director decides, one by one or a
//! month at once; each role allowed and denied.

use domain::contract::{BulkApproval, HourEntry, HourMonth, Page};
use domain::hours::{HourKind, HourStatus};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;
use uuid::Uuid;

use crate::helpers::*;

const FENNA: &str = "fenna@ambassadeur.example";

/// Fenna's placement at De Zeester (Wednesdays, September 2026 to January 2027) and the school.
async fn fennas_placement(app: &TestApp) -> (Uuid, Uuid) {
    let admin = app.login_as(ADMIN).await;
    let matches: Page<Value> = app.get_json("/api/v1/matches?limit=100", &admin).await;
    let fenna = matches
        .items
        .iter()
        .find(|m| m["ambassador"]["name"] == "Fenna Dijkstra")
        .expect("the demo places Fenna");
    let id = |v: &Value| Uuid::parse_str(v.as_str().unwrap()).unwrap();
    (
        id(&fenna["placement"]["id"]),
        id(&fenna["placement"]["school_id"]),
    )
}

fn entry(placement: Uuid, date: &str, minutes: i64) -> Value {
    json!({"placement_id": placement, "date": date, "minutes": minutes, "activity": "class", "note": "Rekenles groep 6 begeleid"})
}

async fn log(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.call(Method::POST, "/api/v1/hour-entries", token, Some(body))
        .await
}

async fn decide(app: &TestApp, token: &str, id: Uuid, body: Value) -> reqwest::Response {
    app.call(
        Method::POST,
        &format!("/api/v1/hour-entries/{id}/transitions"),
        token,
        Some(&body),
    )
    .await
}

on_both_backends! {
    async fn the_ambassador_logs_and_the_school_decides(db) {
        let app = spawn_app(&db).await;
        let (placement, school) = fennas_placement(&app).await;
        let fenna = app.login_as(FENNA).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let director = app.login_as(DIRECTOR).await;
        let admin = app.login_as(ADMIN).await;

        // Bad input is refused by field and changes nothing.
        for (body, field) in [
            (entry(placement, "2026-11-18", 5), "minutes"),
            (entry(placement, "2026-11-18", 601), "minutes"),
            (entry(placement, "2026-12-10", 360), "date"), // a week after the clock's today
            (entry(placement, "2026-08-19", 360), "date"),
            (json!({"placement_id": placement, "date": "2026-11-18", "minutes": 360, "activity": "class", "kind": "sponsored"}), "kind"),
        ] {
            let problem = assert_problem(log(&app, &fenna, &body).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors[0].field, field, "{problem:?}");
        }
        let placements: Page<Value> = app.get_json("/api/v1/placements?limit=100", &director).await;
        let other = placements.items.iter().map(|p| Uuid::parse_str(p["id"].as_str().unwrap()).unwrap()).find(|id| *id != placement).unwrap();
        assert_problem(log(&app, &fenna, &entry(other, "2026-11-18", 360)).await, StatusCode::FORBIDDEN, "forbidden").await;
        let bad_activity = json!({"placement_id": placement, "date": "2026-11-18", "minutes": 360, "activity": "koffie"});
        assert_eq!(log(&app, &fenna, &bad_activity).await.status(), StatusCode::BAD_REQUEST);

        // A volunteer's hours are volunteered; another kind needs a reason.
        let day: HourEntry = log(&app, &fenna, &entry(placement, "2026-11-25", 360)).await.json().await.unwrap();
        assert_eq!((day.kind, day.status, day.minutes), (HourKind::Volunteered, HourStatus::Submitted, 360));
        assert_eq!(day.ambassador_name, "Fenna Dijkstra");
        let mut sponsored = entry(placement, "2026-11-11", 120);
        sponsored["kind"] = json!("sponsored");
        sponsored["kind_reason"] = json!("Mijn werkgever betaalde deze ochtend door");
        let paid: HourEntry = app.post_ok("/api/v1/hour-entries", &fenna, &sponsored, StatusCode::CREATED).await;
        assert_eq!(paid.kind, HourKind::Sponsored);

        // Nobody logs for someone else; partners see nothing.
        let lotte = app.login_as("lotte@ambassadeur.example").await;
        assert_problem(log(&app, &lotte, &entry(placement, "2026-11-18", 360)).await, StatusCode::FORBIDDEN, "forbidden").await;
        let mut for_fenna = entry(placement, "2026-11-18", 360);
        for_fenna["ambassador_id"] = json!(day.ambassador_id);
        assert_problem(log(&app, &lotte, &for_fenna).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(log(&app, &director, &for_fenna).await, StatusCode::FORBIDDEN, "forbidden").await;

        // The month: the demo's three Wednesdays and these two, waiting.
        let path = format!("/api/v1/schools/{school}/hour-months/2026-11");
        let month: HourMonth = app.get_json(&path, &director).await;
        assert_eq!((month.complete, month.submitted, month.entries.len()), (false, 5, 5));
        let october: HourMonth = app.get_json(&format!("/api/v1/schools/{school}/hour-months/2026-10"), &director).await;
        assert_eq!((october.complete, october.volunteered_minutes), (true, 360 + 360 + 300));

        // Deciding: the coordinator rejects with a reason; the ambassador cannot decide her own.
        assert_problem(decide(&app, &fenna, paid.id, json!({"action": "approve"})).await, StatusCode::FORBIDDEN, "forbidden").await;
        let no_reason = decide(&app, &coordinator, paid.id, json!({"action": "reject"})).await;
        assert_eq!(assert_problem(no_reason, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await.errors[0].field, "reason");
        let rejected: HourEntry = decide(&app, &coordinator, paid.id, json!({"action": "reject", "reason": "Deze ochtend was je niet op school"})).await.json().await.unwrap();
        assert_eq!((rejected.status, rejected.decided_by.as_deref()), (HourStatus::Rejected, Some("Jeroen Bakker")));
        let audit: Page<serde_json::Value> = app.get_json("/api/v1/audit-events?limit=5&order=newest&kind=hours", &admin).await;
        assert_eq!((audit.items[0]["action"].as_str(), audit.items[0]["reason"].as_str()), (Some("hours.decide"), Some("Deze ochtend was je niet op school")));
        let again = decide(&app, &coordinator, paid.id, json!({"action": "approve"})).await;
        assert_problem(again, StatusCode::CONFLICT, "invalid_transition").await;
        let lock = decide(&app, &admin, day.id, json!({"action": "lock"})).await;
        assert_problem(lock, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;

        // The director approves the rest of the month at once; it is complete.
        let other_coordinator = app.login_as("ic@kompas.example").await;
        for token in [&other_coordinator, &fenna] {
            let denied = app.call(Method::POST, &format!("{path}/approvals"), token, None).await;
            assert_problem(denied, StatusCode::NOT_FOUND, "not_found").await;
        }
        let bulk: BulkApproval = app.post_ok(&format!("{path}/approvals"), &director, &json!(null), StatusCode::OK).await;
        assert_eq!(bulk.approved, 4);
        assert_eq!((bulk.month.complete, bulk.month.volunteered_minutes, bulk.month.sponsored_minutes), (true, 360 + 330 + 360 + 360, 0));
        let twice: BulkApproval = app.post_ok(&format!("{path}/approvals"), &director, &json!(null), StatusCode::OK).await;
        assert_eq!(twice.approved, 0);

        // Reopening needs a reason and puts it back in the queue.
        let reopened: HourEntry = decide(&app, &director, day.id, json!({"action": "reopen", "reason": "Toch 5 uur, niet 6"})).await.json().await.unwrap();
        assert_eq!(reopened.status, HourStatus::Submitted);
        assert!(!app.get_json::<HourMonth>(&path, &coordinator).await.complete);

        // Who sees what.
        let own: Page<HourEntry> = app.get_json("/api/v1/hour-entries", &fenna).await;
        assert_eq!(own.items.len(), 6 + 2);
        assert!(own.items.windows(2).all(|w| w[0].date <= w[1].date), "by date");
        let theirs: Page<HourEntry> = app.get_json("/api/v1/hour-entries?month=2026-11", &lotte).await;
        assert!(theirs.items.is_empty());
        let elsewhere: Page<HourEntry> = app.get_json("/api/v1/hour-entries", &other_coordinator).await;
        assert!(elsewhere.items.is_empty());
        assert_problem(app.get(&format!("/api/v1/hour-entries/{}", day.id), &other_coordinator).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.get(&path, &other_coordinator).await, StatusCode::NOT_FOUND, "not_found").await;
        let all: Page<HourEntry> = app.get_json(&format!("/api/v1/hour-entries?school_id={school}&limit=1"), &admin).await;
        assert_eq!(all.items.len(), 1);
        let next: Page<HourEntry> = app.get_json(&format!("/api/v1/hour-entries?school_id={school}&limit=1&after={}", all.next.clone().unwrap()), &admin).await;
        assert_eq!(next.items.len(), 1);
        assert_ne!(next.items[0].id, all.items[0].id);
        let employer = app.login_as(EMPLOYER_CONTACT).await;
        assert_problem(app.get("/api/v1/hour-entries", &employer).await, StatusCode::FORBIDDEN, "forbidden").await;
        for bad in ["/api/v1/hour-entries?month=2026-13", &format!("/api/v1/schools/{school}/hour-months/november")] {
            let problem = assert_problem(app.get(bad, &director).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors[0].field, "month");
        }
        let nowhere = app.get(&format!("/api/v1/schools/{}/hour-months/2026-11", Uuid::now_v7()), &admin).await;
        assert_problem(nowhere, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn an_hour_entry_that_cannot_be_true_is_refused_and_changes_nothing(db) {
        let app = spawn_app(&db).await;
        let (placement, school) = fennas_placement(&app).await;
        let fenna = app.login_as(FENNA).await;
        let admin = app.login_as(ADMIN).await;
        let listed = format!("/api/v1/hour-entries?school_id={school}&limit=100");
        let before = app.get_json::<Page<HourEntry>>(&listed, &admin).await.items.len();
        let refused_on = |field: &'static str| move |problem: domain::contract::Problem| {
            assert_eq!(problem.errors[0].field, field, "{problem:?}");
            problem
        };

        // A day holds one school day in all: 600 minutes fit, then not one quarter more, and a
        // reason does not stretch the day.
        let full: HourEntry = app.post_ok("/api/v1/hour-entries", &fenna, &entry(placement, "2026-11-25", 600), StatusCode::CREATED).await;
        assert_eq!(full.minutes, 600);
        let mut more = entry(placement, "2026-11-25", 15);
        more["date_reason"] = json!("ouderavond");
        let problem = refused_on("minutes")(assert_problem(log(&app, &fenna, &more).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await);
        assert!(problem.errors[0].message.contains("600"), "{problem:?}");
        // On a day that already holds the demo's 360 minutes, 240 fit and 255 do not.
        refused_on("minutes")(assert_problem(log(&app, &fenna, &entry(placement, "2026-11-18", 255)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await);
        let _: HourEntry = app.post_ok("/api/v1/hour-entries", &fenna, &entry(placement, "2026-11-18", 240), StatusCode::CREATED).await;

        // Five entries of 300 minutes for one day at once: two fit, three are refused.
        let half_day = entry(placement, "2026-12-02", 300);
        let requests = (0..5).map(|_| log(&app, &fenna, &half_day));
        let statuses: Vec<StatusCode> = futures_util::future::join_all(requests).await.iter().map(|r| r.status()).collect();
        assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 2, "{statuses:?}");
        assert_eq!(statuses.iter().filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY).count(), 3, "{statuses:?}");

        // Another weekday than her Wednesday, or a day in the noord autumn holiday (10-18
        // October 2026), needs a reason.
        for date in ["2026-11-21", "2026-11-24", "2026-10-14"] {
            refused_on("date_reason")(assert_problem(log(&app, &fenna, &entry(placement, date, 360)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await);
        }
        let mut open_day = entry(placement, "2026-11-21", 240);
        open_day["date_reason"] = json!("Open dag van de school op zaterdag");
        let saturday: HourEntry = app.post_ok("/api/v1/hour-entries", &fenna, &open_day, StatusCode::CREATED).await;
        assert_eq!(saturday.date_reason.as_deref(), Some("Open dag van de school op zaterdag"));
        assert_eq!(app.get_json::<Page<HourEntry>>(&listed, &admin).await.items.len(), before + 5, "only the plausible entries were stored");

        // October's allowance paid: the month takes no new hours, not even with a reason.
        let caps = json!({"year": 2026, "hourly_21_plus": 560, "hourly_under_21": 330, "monthly": 21000, "yearly": 210000});
        let _: Value = app.post_ok("/api/v1/allowance-caps", &admin, &caps, StatusCode::CREATED).await;
        let october: Value = app.post_ok("/api/v1/statements", &admin, &json!({"month": "2026-10"}), StatusCode::OK).await;
        let line = october["lines"][0]["id"].as_str().unwrap().to_owned();
        for action in ["approve", "mark_paid"] {
            let _: Value = app.post_ok(&format!("/api/v1/statement-lines/{line}/transitions"), &admin, &json!({"action": action}), StatusCode::OK).await;
        }
        let mut late = entry(placement, "2026-10-30", 120);
        late["date_reason"] = json!("Vergeten te schrijven");
        let problem = assert_problem(log(&app, &fenna, &late).await, StatusCode::CONFLICT, "month_paid").await;
        assert!(problem.detail.contains("2026-10"), "{problem:?}");
        assert_eq!(app.get_json::<Page<HourEntry>>(&listed, &admin).await.items.len(), before + 5);
    }
}

//! Placing an ambassador exactly: the VOG that decides is the newest by issue date, a placement
//! never holds more ambassadors than its places when requests arrive at once, closing or
//! cancelling a placement ends its matches, and a stale `If-Match` loses instead of overwriting.

use domain::PlacementStatus;
use domain::contract::{Match, Me, Page, Placement};
use domain::match_lifecycle::MatchStatus;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;
use uuid::Uuid;

use crate::helpers::*;

const FENNA: &str = "fenna@ambassadeur.example";

pub(crate) async fn ambassador_id(app: &TestApp, admin: &str, name: &str) -> Uuid {
    let page: Page<Value> = app.get_json("/api/v1/ambassadors?limit=100", admin).await;
    let found = page.items.iter().find(|a| a["name"] == name).unwrap();
    Uuid::parse_str(found["id"].as_str().unwrap()).unwrap()
}

/// A one-person Tuesday spot at De Zeester from February, open: Noah, Lotte and Sem all fit.
pub(crate) async fn open_spot(app: &TestApp, director: &str) -> Placement {
    let body = spot(app, director).await;
    let created: Placement = app
        .post_ok("/api/v1/placements", director, &body, StatusCode::CREATED)
        .await;
    app.post_ok(
        &format!("/api/v1/placements/{}/transitions", created.id),
        director,
        &json!({"action": "open"}),
        StatusCode::OK,
    )
    .await
}

/// What [`open_spot`] offers.
async fn spot(app: &TestApp, director: &str) -> Value {
    let me: Me = app.get_json("/api/v1/me", director).await;
    json!({
        "school_id": me.memberships[0].organisation.id,
        "school_year": "2026-2027",
        "start_moment": "february",
        "commitment": "half_year",
        "weekday": "tuesday",
        "starts_at": "08:30:00",
        "ends_at": "15:00:00",
        "kind": "class",
        "group": "groep 5",
        "capacity": 1,
        "expertise": ["techniek"],
        "teacher": "meester Okke"
    })
}

pub(crate) async fn propose(
    app: &TestApp,
    admin: &str,
    placement: Uuid,
    ambassador: Uuid,
) -> reqwest::Response {
    let body = json!({"placement_id": placement, "ambassador_id": ambassador});
    app.call(Method::POST, "/api/v1/matches", admin, Some(&body))
        .await
}

pub(crate) async fn act(app: &TestApp, token: &str, id: Uuid, body: Value) -> Match {
    app.post_ok(
        &format!("/api/v1/matches/{id}/transitions"),
        token,
        &body,
        StatusCode::OK,
    )
    .await
}

/// Takes a proposed match through the meeting (held yesterday by the test clock) and both
/// confirmations.
async fn confirm(app: &TestApp, admin: &str, id: Uuid) -> Match {
    let meeting = json!({"action": "plan_meeting", "meeting": {"at": "2026-12-02T15:30", "place": "De Zeester"}});
    act(app, admin, id, meeting).await;
    act(app, admin, id, json!({"action": "confirm_school"})).await;
    act(app, admin, id, json!({"action": "confirm_ambassador"})).await
}

async fn with_if_match(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    tag: &str,
    body: &Value,
) -> reqwest::Response {
    app.client
        .request(method, app.url(path))
        .bearer_auth(token)
        .header("If-Match", tag)
        .json(body)
        .send()
        .await
        .unwrap()
}

on_both_backends! {
    async fn a_refusal_issued_after_a_valid_vog_blocks_activation_in_whatever_order_they_were_recorded(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let lotte = ambassador_id(&app, &admin, "Lotte Bos").await;
        let vogs = format!("/api/v1/ambassadors/{lotte}/vogs");
        // Valid on 1 October, refused on 1 November, then an older valid one typed in last.
        for (issued, seen, outcome) in [("2026-10-01", "2026-10-02", "issued"), ("2026-11-01", "2026-11-02", "refused"), ("2026-09-20", "2026-11-03", "issued")] {
            let _: Value = app.post_ok(&vogs, &admin, &json!({"issued_on": issued, "seen_on": seen, "outcome": outcome}), StatusCode::CREATED).await;
        }
        let spot = open_spot(&app, &director).await;
        let proposed: Match = propose(&app, &admin, spot.id, lotte).await.json().await.unwrap();
        let m = confirm(&app, &admin, proposed.id).await;
        let refused = app.call(Method::POST, &format!("/api/v1/matches/{}/transitions", m.id), &admin, Some(&json!({"action": "activate"}))).await;
        let problem = assert_problem(refused, StatusCode::CONFLICT, "vog_not_valid").await;
        assert!(problem.detail.contains("refused on 2026-11-01"), "{}", problem.detail);
        // The ambassadors' list agrees: not valid for po.
        let list: Page<Value> = app.get_json("/api/v1/ambassadors?limit=100", &admin).await;
        let row = list.items.iter().find(|a| a["name"] == "Lotte Bos").unwrap();
        assert_eq!(row["vog"]["po"], json!(false), "{row}");

        // A new VOG issued after the refusal counts; a renewal recorded after it does not undo it.
        let _: Value = app.post_ok(&vogs, &admin, &json!({"issued_on": "2026-11-20", "seen_on": "2026-11-21", "outcome": "issued"}), StatusCode::CREATED).await;
        let _: Value = app.post_ok(&vogs, &admin, &json!({"issued_on": "2025-01-10", "seen_on": "2025-01-11", "outcome": "issued"}), StatusCode::CREATED).await;
        let active = act(&app, &admin, m.id, json!({"action": "activate"})).await;
        assert_eq!(active.status, MatchStatus::Active);
    }

    async fn two_proposals_for_the_last_place_at_once_leave_one_match(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let noah = ambassador_id(&app, &admin, "Noah Verbeek").await;
        let sem = ambassador_id(&app, &admin, "Sem Willems").await;
        for round in 0..5 {
            let spot = open_spot(&app, &director).await;
            let (first, second) = tokio::join!(propose(&app, &admin, spot.id, noah), propose(&app, &admin, spot.id, sem));
            let statuses = [first.status(), second.status()];
            assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "round {round}: {statuses:?}");
            assert!(statuses.contains(&StatusCode::CONFLICT), "round {round}: {statuses:?}");
            let winner: Match = if first.status() == StatusCode::CREATED { first.json().await.unwrap() } else { second.json().await.unwrap() };
            let live: Page<Match> = app.get_json(&format!("/api/v1/matches?placement_id={}", spot.id), &admin).await;
            assert_eq!(live.items.len(), 1, "round {round}");
            // The winner goes back to the pool for the next round.
            act(&app, &admin, winner.id, json!({"action": "decline", "reason": "Volgende ronde", "side": "school"})).await;
        }
    }

    async fn cancelling_a_filled_placement_ends_its_match_and_stops_the_hours(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let fenna = app.login_as(FENNA).await;
        let matches: Page<Match> = app.get_json("/api/v1/matches?limit=100", &admin).await;
        let placed = matches.items.iter().find(|m| m.ambassador.name == "Fenna Dijkstra" && m.status == MatchStatus::Active).unwrap().clone();
        let placement = placed.placement.id;
        let day = json!({"placement_id": placement, "date": "2026-11-25", "minutes": 360, "activity": "class"});
        let _: Value = app.post_ok("/api/v1/hour-entries", &fenna, &day, StatusCode::CREATED).await;

        // Cancelling needs a reason, then ends the active match with it, today.
        let path = format!("/api/v1/placements/{placement}/transitions");
        assert_problem(app.call(Method::POST, &path, &director, Some(&json!({"action": "cancel"}))).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let cancelled: Placement = app.post_ok(&path, &director, &json!({"action": "cancel", "reason": "School fuseert per januari"}), StatusCode::OK).await;
        assert_eq!(cancelled.status, PlacementStatus::Cancelled);
        let ended: Match = app.get_json(&format!("/api/v1/matches/{}", placed.id), &admin).await;
        assert_eq!(ended.status, MatchStatus::Ended);
        assert_eq!((ended.ended_on.map(|d| d.to_string()), ended.reason.as_deref()), (Some(testkit::TODAY.to_owned()), Some("School fuseert per januari")));
        // Both are audited with the reason given, on the application's day.
        let audit: Page<Value> = app.get_json("/api/v1/audit-events?limit=200&order=newest", &admin).await;
        for action in ["placement.cancel", "match.end"] {
            let entry = audit.items.iter().find(|e| e["action"] == action).unwrap_or_else(|| panic!("{action} is audited"));
            assert_eq!(entry["reason"], "School fuseert per januari", "{action}");
            assert!(entry["at"].as_str().unwrap().starts_with(testkit::TODAY), "{action} at {}", entry["at"]);
        }
        let confirmations = audit.items.iter().filter(|e| e["action"] != "placement.cancel" && e["action"] != "match.end");
        assert!(confirmations.into_iter().all(|e| e.get("reason").is_none()), "actions without a reason carry none");

        // Fenna can no longer log hours there.
        let next = json!({"placement_id": placement, "date": "2026-12-02", "minutes": 360, "activity": "class"});
        assert_problem(app.call(Method::POST, "/api/v1/hour-entries", &fenna, Some(&next)).await, StatusCode::FORBIDDEN, "forbidden").await;
    }

    async fn a_stale_if_match_loses_instead_of_overwriting(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let offered = open_spot(&app, &director).await;
        let path = format!("/api/v1/placements/{}", offered.id);
        let read = app.get(&path, &director).await;
        let tag = read.headers().get("etag").unwrap().to_str().unwrap().to_owned();
        let mut body = spot(&app, &director).await;
        body["capacity"] = json!(2);

        // Two people change it from the same version at once: one wins, the other gets 412.
        let close = json!({"action": "close", "reason": "Toch geen ruimte"});
        let transitions = format!("{path}/transitions");
        let (edit, closing) = tokio::join!(
            with_if_match(&app, Method::PUT, &path, &director, &tag, &body),
            with_if_match(&app, Method::POST, &transitions, &admin, &tag, &close)
        );
        let statuses = [edit.status(), closing.status()];
        assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
        let loser = if edit.status() == StatusCode::OK { closing } else { edit };
        assert_problem(loser, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
        let after = app.get(&path, &director).await;
        assert_ne!(after.headers().get("etag").unwrap().to_str().unwrap(), tag, "the version moved on");
        let after: Placement = after.json().await.unwrap();
        assert!(after.capacity == 2 || after.status == PlacementStatus::Closed);
        assert!(!(after.capacity == 2 && after.status == PlacementStatus::Closed), "both changes landed");

        // A match's ETag works the same way; without If-Match a write still goes through.
        let noah = ambassador_id(&app, &admin, "Noah Verbeek").await;
        let second = open_spot(&app, &director).await;
        let m: Match = propose(&app, &admin, second.id, noah).await.json().await.unwrap();
        let read = app.get(&format!("/api/v1/matches/{}", m.id), &admin).await;
        let tag = read.headers().get("etag").unwrap().to_str().unwrap().to_owned();
        let meeting = json!({"action": "plan_meeting", "meeting": {"at": "2026-12-02T15:30", "place": "De Zeester"}});
        let moved = act(&app, &admin, m.id, meeting).await;
        let stale = with_if_match(&app, Method::POST, &format!("/api/v1/matches/{}/transitions", m.id), &director, &tag, &json!({"action": "confirm_school"})).await;
        assert_problem(stale, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
        let fresh = app.get(&format!("/api/v1/matches/{}", m.id), &admin).await.headers().get("etag").unwrap().to_str().unwrap().to_owned();
        let ok = with_if_match(&app, Method::POST, &format!("/api/v1/matches/{}/transitions", moved.id), &director, &fresh, &json!({"action": "confirm_school"})).await;
        assert_eq!(ok.status(), StatusCode::OK);
    }
}

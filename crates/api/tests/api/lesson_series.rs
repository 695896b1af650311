//! Lesson series: the ambassador writes, the coordinator reviews; each role allowed and denied.

use domain::contract::{LessonSeries, Match, MatchingRun, Page};
use domain::lesson_series::LessonSeriesStatus;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;

use crate::helpers::*;

/// Places the named demo ambassador where February 2026-2027's run proposes them (a confirmed
/// match) and returns the match.
pub async fn place(app: &TestApp, name: &str) -> Match {
    let admin = app.login_as(ADMIN).await;
    let run: MatchingRun = app
        .post_ok(
            "/api/v1/matching-runs",
            &admin,
            &json!({"school_year": "2026-2027", "start_moment": "february"}),
            StatusCode::CREATED,
        )
        .await;
    let p = run
        .proposals
        .iter()
        .find(|p| p.ambassador.name == name)
        .unwrap();
    let body =
        json!({"placement_id": p.placement.id, "ambassador_id": p.ambassador.id, "run_id": run.id});
    let m: Match = app
        .post_ok("/api/v1/matches", &admin, &body, StatusCode::CREATED)
        .await;
    let path = format!("/api/v1/matches/{}/transitions", m.id);
    for step in [
        json!({"action": "plan_meeting", "meeting": {"at": "2026-12-02T15:30", "place": "De Zeester"}}),
        json!({"action": "confirm_school"}),
        json!({"action": "confirm_ambassador"}),
    ] {
        let _: Match = app.post_ok(&path, &admin, &step, StatusCode::OK).await;
    }
    m
}

/// Places Noah at De Zeester (a confirmed match) and returns the school's id.
async fn place_noah(app: &TestApp) -> uuid::Uuid {
    place(app, "Noah Verbeek").await.placement.school_id
}

fn series(school: uuid::Uuid) -> Value {
    let lesson = |title: &str| json!({"title": title, "goal": "Begrijpen hoe wind energie levert", "minutes": 60, "materials": "karton, lijm"});
    json!({
        "school_id": school,
        "framework_code": "kerndoelen-2006",
        "title": "Bouwen met de wind",
        "theme": "techniek",
        "target_groups": ["groep 5", "groep 6"],
        "objectives": [42, 45],
        "lessons": [lesson("Wind meten"), lesson("Een molen ontwerpen"), lesson("Testen en verbeteren")]
    })
}

async fn step(app: &TestApp, token: &str, id: uuid::Uuid, body: Value) -> reqwest::Response {
    app.call(
        Method::POST,
        &format!("/api/v1/lesson-series/{id}/transitions"),
        token,
        Some(&body),
    )
    .await
}

on_both_backends! {
    async fn the_coordinator_requests_changes_and_then_approves_a_series(db) {
        let app = spawn_app(&db).await;
        let school = place_noah(&app).await;
        let noah = app.login_as(AMBASSADOR).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let director = app.login_as(DIRECTOR).await;

        let mut bad = series(school);
        bad["objectives"] = json!([45, 99]);
        let problem = assert_problem(app.call(Method::POST, "/api/v1/lesson-series", &noah, Some(&bad)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert!(problem.errors[0].message.contains("99"), "{problem:?}");
        bad["objectives"] = json!([]);
        bad["target_groups"] = json!(["groep 9"]);
        assert_eq!(app.call(Method::POST, "/api/v1/lesson-series", &noah, Some(&bad)).await.status().as_u16() / 100, 4);

        let created: LessonSeries = app.post_ok("/api/v1/lesson-series", &noah, &series(school), StatusCode::CREATED).await;
        assert_eq!(created.status, LessonSeriesStatus::Draft);
        assert_eq!(created.ambassador_name, "Noah Verbeek");
        let id = created.id;

        // Only the ambassador submits; only the coordinator reviews.
        assert_problem(step(&app, &coordinator, id, json!({"action": "submit"})).await, StatusCode::FORBIDDEN, "forbidden").await;
        let submitted: LessonSeries = app.post_ok(&format!("/api/v1/lesson-series/{id}/transitions"), &noah, &json!({"action": "submit"}), StatusCode::OK).await;
        assert_eq!(submitted.status, LessonSeriesStatus::Submitted);
        let queue: Page<LessonSeries> = app.get_json("/api/v1/lesson-series?status=submitted", &coordinator).await;
        assert!(queue.items.iter().any(|s| s.id == id));
        assert!(queue.items.iter().all(|s| s.status == LessonSeriesStatus::Submitted));
        assert_problem(step(&app, &director, id, json!({"action": "approve"})).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(step(&app, &noah, id, json!({"action": "approve"})).await, StatusCode::FORBIDDEN, "forbidden").await;
        let no_comment = step(&app, &coordinator, id, json!({"action": "request_changes"})).await;
        assert_problem(no_comment, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let changes: LessonSeries = app.post_ok(&format!("/api/v1/lesson-series/{id}/transitions"), &coordinator, &json!({"action": "request_changes", "comment": "Koppel les 3 ook aan kerndoel 44."}), StatusCode::OK).await;
        assert_eq!(changes.status, LessonSeriesStatus::ChangesRequested);
        assert_eq!(changes.comments[0].author_name, "Jeroen Bakker");

        // The ambassador replies, revises, edits and submits again.
        let reply: LessonSeries = app.post_ok(&format!("/api/v1/lesson-series/{id}/comments"), &noah, &json!({"text": "Goed idee, pas ik aan."}), StatusCode::CREATED).await;
        assert_eq!(reply.comments.len(), 2);
        let not_draft = app.call(Method::PUT, &format!("/api/v1/lesson-series/{id}"), &noah, Some(&series(school))).await;
        assert_problem(not_draft, StatusCode::CONFLICT, "not_editable").await;
        let _: LessonSeries = app.post_ok(&format!("/api/v1/lesson-series/{id}/transitions"), &noah, &json!({"action": "revise"}), StatusCode::OK).await;
        let mut better = series(school);
        better["objectives"] = json!([42, 44, 45]);
        let edited = app.call(Method::PUT, &format!("/api/v1/lesson-series/{id}"), &noah, Some(&better)).await;
        assert_eq!(edited.status(), StatusCode::OK);
        let _: LessonSeries = app.post_ok(&format!("/api/v1/lesson-series/{id}/transitions"), &noah, &json!({"action": "submit"}), StatusCode::OK).await;
        let approved: LessonSeries = app.post_ok(&format!("/api/v1/lesson-series/{id}/transitions"), &coordinator, &json!({"action": "approve"}), StatusCode::OK).await;
        assert_eq!(approved.status, LessonSeriesStatus::Approved);
        assert_eq!(approved.content.objectives, [42, 44, 45]);
        let again = step(&app, &coordinator, id, json!({"action": "approve"})).await;
        assert_problem(again, StatusCode::CONFLICT, "invalid_transition").await;

        // Another school's staff and an unplaced ambassador do not see it or cannot start one.
        let other = app.login_as("ic@kompas.example").await;
        assert_problem(app.get(&format!("/api/v1/lesson-series/{id}"), &other).await, StatusCode::NOT_FOUND, "not_found").await;
        let theirs: Page<LessonSeries> = app.get_json("/api/v1/lesson-series", &other).await;
        assert!(theirs.items.is_empty());
        let lotte = app.login_as("lotte@ambassadeur.example").await;
        let unplaced = app.call(Method::POST, "/api/v1/lesson-series", &lotte, Some(&series(school))).await;
        assert_problem(unplaced, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.get(&format!("/api/v1/lesson-series/{id}"), &lotte).await, StatusCode::NOT_FOUND, "not_found").await;
        let mine: Page<LessonSeries> = app.get_json("/api/v1/lesson-series", &noah).await;
        assert_eq!(mine.items.len(), 1);
        // The list carries each series' review too (loaded for the whole page at once).
        assert_eq!(mine.items[0].comments, approved.comments);
        assert_eq!(mine.items[0].comments.len(), 2);

        // The approved series is in the library, for partners too, without the ambassador's name.
        let partner = app.client_token(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "demo-partner-secret")]).await;
        let partner: domain::contract::AccessToken = partner.json().await.unwrap();
        let found = |query: &'static str| {
            let token = partner.access_token.clone();
            let app = &app;
            async move {
                let page: Page<domain::contract::LibraryEntry> = app.get_json(&format!("/api/v1/library{query}"), &token).await;
                page.items.iter().map(|e| e.id).collect::<Vec<_>>()
            }
        };
        // The demo's scheduled series is in the library too; the submitted one is not.
        let all = found("").await;
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(all.contains(&id));
        assert_eq!(found("?objective=44&group=groep%205&theme=TECHNIEK").await, [id]);
        assert_eq!(found("?domain=orientatie_op_jezelf_en_de_wereld").await.len(), 2);
        assert!(found("?domain=engels").await.is_empty());
        assert!(found("?objective=12").await.is_empty());
        assert!(found("?group=groep%208").await.is_empty());
        let bad_group = app.get("/api/v1/library?group=groep%209", &partner.access_token).await;
        assert_problem(bad_group, StatusCode::BAD_REQUEST, "invalid_query").await;
        let raw: Value = app.get_json("/api/v1/library", &partner.access_token).await;
        assert!(!raw.to_string().contains("Noah"), "the library names the ambassador");

        // Reuse: a copy for another group is a new draft that remembers its origin.
        let copy: LessonSeries = app.post_ok(&format!("/api/v1/lesson-series/{id}/copies"), &noah, &json!({"target_groups": ["groep 7"]}), StatusCode::CREATED).await;
        assert_eq!((copy.status, copy.copied_from), (LessonSeriesStatus::Draft, Some(id)));
        assert_eq!(copy.content.target_groups.iter().map(|g| g.to_string()).collect::<Vec<_>>(), ["groep 7"]);
        assert_eq!(copy.content.objectives, [42, 44, 45]);
        let me: domain::contract::Me = app.get_json("/api/v1/me", &other).await;
        let kompas = me.memberships[0].organisation.id;
        let elsewhere = app.call(Method::POST, &format!("/api/v1/lesson-series/{id}/copies"), &noah, Some(&json!({"school_id": kompas}))).await;
        assert_problem(elsewhere, StatusCode::FORBIDDEN, "forbidden").await;
        let not_hers = app.call(Method::POST, &format!("/api/v1/lesson-series/{id}/copies"), &lotte, Some(&json!({}))).await;
        assert_problem(not_hers, StatusCode::NOT_FOUND, "not_found").await;
    }
}

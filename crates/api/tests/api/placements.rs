//! Placements: each role allowed and denied, filters and paging, bad input, the lifecycle.

use domain::contract::{AuditEvent, Me, Page, Placement, SchoolCapacity};
use domain::{PlacementStatus, Weekday};
use reqwest::StatusCode;
use serde_json::{Value, json};
use testkit::on_both_backends;

use crate::helpers::*;

async fn school_id(app: &TestApp, token: &str) -> String {
    let me: Me = app.get_json("/api/v1/me", token).await;
    me.memberships[0].organisation.id.to_string()
}

fn spot(school: &str) -> Value {
    json!({
        "school_id": school,
        "school_year": "2026-2027",
        "start_moment": "february",
        "commitment": "half_year",
        "weekday": "wednesday",
        "starts_at": "08:30:00",
        "ends_at": "15:00:00",
        "kind": "thematic",
        "theme": "Robotica-lab",
        "expertise": ["programmeren", "Techniek"],
        "note": "We zoeken iemand met geduld."
    })
}

impl TestApp {
    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: &Value,
    ) -> reqwest::Response {
        self.client
            .request(method, self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    async fn create(&self, token: &str, body: &Value) -> reqwest::Response {
        self.send(reqwest::Method::POST, "/api/v1/placements", token, body)
            .await
    }

    async fn transition(
        &self,
        token: &str,
        id: uuid::Uuid,
        action: &str,
        reason: Option<&str>,
    ) -> reqwest::Response {
        let body = json!({ "action": action, "reason": reason });
        self.send(
            reqwest::Method::POST,
            &format!("/api/v1/placements/{id}/transitions"),
            token,
            &body,
        )
        .await
    }
}

on_both_backends! {
    async fn a_director_creates_edits_opens_and_closes_a_placement(db) {
        let app = spawn_app(&db).await;
        let token = app.login_as(DIRECTOR).await;
        let school = school_id(&app, &token).await;

        let response = app.create(&token, &spot(&school)).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let created: Placement = response.json().await.unwrap();
        assert_eq!(created.status, PlacementStatus::Draft);
        assert_eq!(created.minutes, 390);
        assert_eq!(created.school_name, "Basisschool De Zeester");
        assert_eq!(created.period.ends_on.to_string(), "2027-07-31");

        let mut edited = spot(&school);
        edited["weekday"] = json!("thursday");
        edited["ends_at"] = json!("16:00");
        let response = app.send(reqwest::Method::PUT, &format!("/api/v1/placements/{}", created.id), &token, &edited).await;
        assert_eq!(response.status(), StatusCode::OK);
        let updated: Placement = response.json().await.unwrap();
        assert_eq!((updated.weekday, updated.minutes), (Weekday::Thursday, 450));

        let opened: Placement = app.transition(&token, created.id, "open", None).await.json().await.unwrap();
        assert_eq!(opened.status, PlacementStatus::Open);

        let found: Page<Placement> = app.get_json("/api/v1/placements?expertise=ROBOTICA&weekday=thursday&status=open", &token).await;
        assert_eq!(found.items.iter().map(|p| p.id).collect::<Vec<_>>(), vec![created.id]);
        let none: Page<Placement> = app.get_json("/api/v1/placements?expertise=robotica&weekday=monday", &token).await;
        assert!(none.items.is_empty());

        let without_reason = app.transition(&token, created.id, "close", None).await;
        let problem = assert_problem(without_reason, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "reason");
        let closed: Placement = app.transition(&token, created.id, "close", Some("Leerkracht met verlof")).await.json().await.unwrap();
        assert_eq!((closed.status, closed.status_reason.as_deref()), (PlacementStatus::Closed, Some("Leerkracht met verlof")));

        let admin = app.login_as(ADMIN).await;
        let audit: Page<AuditEvent> = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        let actions: Vec<&str> = audit.items.iter().filter(|e| e.resource_id == Some(created.id)).map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["placement.create", "placement.update", "placement.open", "placement.close"]);
    }

    async fn senseless_transitions_get_409_with_the_reason(db) {
        let app = spawn_app(&db).await;
        let token = app.login_as(DIRECTOR).await;
        let school = school_id(&app, &token).await;
        let created: Placement = app.create(&token, &spot(&school)).await.json().await.unwrap();
        let problem = assert_problem(app.transition(&token, created.id, "release", None).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert!(!problem.detail.is_empty());
        let cancelled = app.transition(&token, created.id, "cancel", Some("Dubbel ingevoerd")).await;
        assert_eq!(cancelled.status(), StatusCode::OK);
        let problem = assert_problem(app.transition(&token, created.id, "open", None).await, StatusCode::CONFLICT, "invalid_transition").await;
        assert!(problem.detail.contains("cancelled placement stays cancelled"), "{}", problem.detail);
        let edit = app.send(reqwest::Method::PUT, &format!("/api/v1/placements/{}", created.id), &token, &spot(&school)).await;
        assert_problem(edit, StatusCode::CONFLICT, "not_editable").await;
    }

    async fn programme_staff_propose_and_fill_but_directors_may_not(db) {
        let app = spawn_app(&db).await;
        let director = app.login_as(DIRECTOR).await;
        let admin = app.login_as(ADMIN).await;
        let school = school_id(&app, &director).await;
        let created: Placement = app.create(&director, &spot(&school)).await.json().await.unwrap();
        app.transition(&director, created.id, "open", None).await;
        assert_problem(app.transition(&director, created.id, "propose", None).await, StatusCode::FORBIDDEN, "forbidden").await;
        let proposed: Placement = app.transition(&admin, created.id, "propose", None).await.json().await.unwrap();
        assert_eq!(proposed.status, PlacementStatus::Proposed);
        let filled: Placement = app.transition(&admin, created.id, "fill", None).await.json().await.unwrap();
        assert_eq!(filled.status, PlacementStatus::Filled);
    }

    async fn other_schools_placements_do_not_exist_for_a_director(db) {
        let app = spawn_app(&db).await;
        let mine = app.login_as(DIRECTOR).await;
        let other = app.login_as(OTHER_DIRECTOR).await;
        let my_school = school_id(&app, &mine).await;
        let created: Placement = app.create(&mine, &spot(&my_school)).await.json().await.unwrap();
        let path = format!("/api/v1/placements/{}", created.id);
        assert_problem(app.get(&path, &other).await, StatusCode::NOT_FOUND, "not_found").await;
        let put = app.send(reqwest::Method::PUT, &path, &other, &spot(&my_school)).await;
        assert_problem(put, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.transition(&other, created.id, "cancel", Some("x")).await, StatusCode::NOT_FOUND, "not_found").await;
        let problem = assert_problem(app.create(&other, &spot(&my_school)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "school_id");
        let listed: Page<Placement> = app.get_json("/api/v1/placements?limit=200", &other).await;
        assert!(listed.items.iter().all(|p| p.school_name == "Basisschool Het Kompas"), "{:?}", listed.items);
        assert!(!listed.items.is_empty());
    }

    async fn a_coordinator_reads_the_schools_placements_but_may_not_change_them(db) {
        let app = spawn_app(&db).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let school = school_id(&app, &coordinator).await;
        let listed: Page<Placement> = app.get_json("/api/v1/placements", &coordinator).await;
        assert_eq!(listed.items.len(), 4, "De Zeester's demo placements, drafts included");
        assert!(listed.items.iter().any(|p| p.teacher.is_some()), "staff see the teacher");
        assert_problem(app.create(&coordinator, &spot(&school)).await, StatusCode::FORBIDDEN, "forbidden").await;
        let first = &listed.items[0];
        let put = app.send(reqwest::Method::PUT, &format!("/api/v1/placements/{}", first.id), &coordinator, &spot(&school)).await;
        assert_problem(put, StatusCode::FORBIDDEN, "forbidden").await;
    }

    async fn partners_and_ambassadors_see_open_placements_without_teachers(db) {
        let app = spawn_app(&db).await;
        let response = app.client_token(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "demo-partner-secret")]).await;
        let partner = response.json::<domain::contract::AccessToken>().await.unwrap().access_token;
        let ambassador = app.login_as(AMBASSADOR).await;
        for token in [&partner, &ambassador] {
            let listed: Page<Placement> = app.get_json("/api/v1/placements?limit=200", token).await;
            assert_eq!(listed.items.len(), 4, "the demo's open placements");
            assert!(listed.items.iter().all(|p| p.status == PlacementStatus::Open && p.teacher.is_none()));
            let json: Value = app.get_json(&format!("/api/v1/placements/{}", listed.items[0].id), token).await;
            assert!(json.get("teacher").is_none(), "{json}");
            let drafts: Page<Placement> = app.get_json("/api/v1/placements?status=draft", token).await;
            assert!(drafts.items.is_empty());
        }
        let admin = app.login_as(ADMIN).await;
        let all: Page<Placement> = app.get_json("/api/v1/placements?status=draft", &admin).await;
        let draft = &all.items[0];
        assert_problem(app.get(&format!("/api/v1/placements/{}", draft.id), &partner).await, StatusCode::NOT_FOUND, "not_found").await;
        let open: Page<Placement> = app.get_json("/api/v1/placements?status=open&limit=1", &admin).await;
        let put = app.send(reqwest::Method::PUT, &format!("/api/v1/placements/{}", open.items[0].id), &partner, &spot(&open.items[0].school_id.to_string())).await;
        assert_problem(put, StatusCode::FORBIDDEN, "forbidden").await;
        let employer = app.login_as(EMPLOYER_CONTACT).await;
        assert_problem(app.get("/api/v1/placements", &employer).await, StatusCode::FORBIDDEN, "forbidden").await;
    }

    async fn the_list_filters_by_school_properties_and_pages_without_gaps_while_rows_arrive(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let school = school_id(&app, &director).await;
        for _ in 0..4 {
            app.create(&director, &spot(&school)).await;
        }
        let vo: Page<Placement> = app.get_json("/api/v1/placements?school_type=vo", &admin).await;
        // Lyceum Zuiderlicht's two, and Bram's thematic spot there.
        assert_eq!(vo.items.len(), 3);
        let noord: Page<Placement> = app.get_json("/api/v1/placements?region=noord&municipality=GRONINGEN&kind=thematic", &admin).await;
        // Four made here, De Zeester's moestuin and Fenna's thematic spot.
        assert_eq!(noord.items.len(), 6);

        let everything: Page<Placement> = app.get_json("/api/v1/placements?limit=200", &admin).await;
        let mut seen = Vec::new();
        let mut path = "/api/v1/placements?limit=3".to_owned();
        loop {
            let page: Page<Placement> = app.get_json(&path, &admin).await;
            seen.extend(page.items.iter().map(|p| p.id));
            // Someone adds a placement while we page.
            app.create(&director, &spot(&school)).await;
            match page.next {
                Some(next) => path = format!("/api/v1/placements?limit=3&after={next}"),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "a placement appeared twice");
        for p in &everything.items {
            assert!(seen.contains(&p.id), "placement {} was skipped", p.id);
        }
    }

    async fn an_unchanged_list_page_is_answered_304_and_a_change_or_another_view_gets_a_new_tag(db) {
        let app = spawn_app(&db).await;
        let director = app.login_as(DIRECTOR).await;
        let partner = app.partner_token().await;
        let list = "/api/v1/placements?limit=200";
        let ask = |token: &str, tag: Option<&str>| {
            let mut request = app.client.get(app.url(list)).bearer_auth(token);
            if let Some(tag) = tag {
                request = request.header("If-None-Match", tag);
            }
            request.send()
        };
        let first = ask(&director, None).await.unwrap();
        assert_eq!(first.status(), StatusCode::OK);
        assert_eq!(first.headers()["cache-control"], "private, no-cache");
        let tag = first.headers()["etag"].to_str().unwrap().to_owned();
        let page: Page<Placement> = first.json().await.unwrap();

        let again = ask(&director, Some(&tag)).await.unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(again.headers()["etag"].to_str().unwrap(), tag);
        assert!(again.bytes().await.unwrap().is_empty(), "a 304 has no body");
        // A weak copy of the tag, or one among several, is the same copy.
        let weak = ask(&director, Some(&format!("\"stale\", W/{tag}"))).await.unwrap();
        assert_eq!(weak.status(), StatusCode::NOT_MODIFIED);

        // The partner sees other rows (open ones, no teachers): its page has its own tag.
        let theirs = ask(&partner, Some(&tag)).await.unwrap();
        assert_eq!(theirs.status(), StatusCode::OK);
        assert_ne!(theirs.headers()["etag"].to_str().unwrap(), tag);

        // A change to one placement on the page changes the page.
        let mine = page.items.iter().find(|p| p.status == PlacementStatus::Open).expect("an open placement");
        let mut edited = spot(&mine.school_id.to_string());
        edited["theme"] = json!("Een ander thema");
        let put = app.send(reqwest::Method::PUT, &format!("/api/v1/placements/{}", mine.id), &director, &edited).await;
        assert_eq!(put.status(), StatusCode::OK);
        let changed = ask(&director, Some(&tag)).await.unwrap();
        assert_eq!(changed.status(), StatusCode::OK);
        let new_tag = changed.headers()["etag"].to_str().unwrap().to_owned();
        assert_ne!(new_tag, tag);
        let page: Page<Placement> = changed.json().await.unwrap();
        assert!(page.items.iter().any(|p| p.theme.as_deref() == Some("Een ander thema")));
        assert_eq!(ask(&director, Some(&new_tag)).await.unwrap().status(), StatusCode::NOT_MODIFIED);
    }

    async fn no_server_on_a_shared_database_serves_a_page_older_than_a_change_made_through_another(db) {
        // Two instances behind one load balancer: each keeps its own list pages.
        let one = spawn_app(&db).await;
        let two = spawn_app(&db).await;
        let partner = one.partner_token().await;
        let director = two.login_as(DIRECTOR).await;
        let list = "/api/v1/placements?limit=200";
        let before: Page<Placement> = one.get_json(list, &partner).await;
        let again: Page<Placement> = one.get_json(list, &partner).await;
        assert_eq!(again, before, "served again while nothing changed");
        let tag = one.get(list, &partner).await.headers()["etag"].to_str().unwrap().to_owned();

        // The director changes an open placement through the other server, while the partner
        // keeps asking the first: every answer after the change's shows it.
        let open = before.items.iter().find(|p| p.school_name == "Basisschool De Zeester").expect("an open placement of De Zeester");
        let mut edited = spot(&open.school_id.to_string());
        edited["theme"] = json!("Gewijzigd via de andere server");
        let readers = (0..8).map(|_| one.get_json::<Page<Placement>>(list, &partner));
        let path = format!("/api/v1/placements/{}", open.id);
        let (put, _) = tokio::join!(
            two.send(reqwest::Method::PUT, &path, &director, &edited),
            futures_util::future::join_all(readers),
        );
        assert_eq!(put.status(), StatusCode::OK);
        let after: Page<Placement> = one.get_json(list, &partner).await;
        let changed = after.items.iter().find(|p| p.id == open.id).unwrap();
        assert_eq!(changed.theme.as_deref(), Some("Gewijzigd via de andere server"));
        let revalidated = one.client.get(one.url(list)).bearer_auth(&partner).header("If-None-Match", &tag).send().await.unwrap();
        assert_eq!(revalidated.status(), StatusCode::OK, "the old copy is no longer current");

        // Closing it takes it off the partner's list on both servers.
        let close = two.transition(&director, open.id, "close", Some("Geen leerkracht meer")).await;
        assert_eq!(close.status(), StatusCode::OK);
        for server in [&one, &two] {
            let now: Page<Placement> = server.get_json(list, &partner).await;
            assert!(now.items.iter().all(|p| p.id != open.id), "a closed placement is not offered");
        }
    }

    async fn bad_placements_get_a_4xx_that_says_what_to_fix_and_change_nothing(db) {
        let app = spawn_app(&db).await;
        let token = app.login_as(DIRECTOR).await;
        let school = school_id(&app, &token).await;
        let before: Page<Placement> = app.get_json("/api/v1/placements?limit=200", &token).await;
        let with = |field: &str, value: Value| {
            let mut body = spot(&school);
            body[field] = value;
            body
        };
        let cases = [
            (with("ends_at", json!("13:30")), StatusCode::UNPROCESSABLE_ENTITY, "ends_at", "5 hours"),
            (with("ends_at", json!("17:30")), StatusCode::UNPROCESSABLE_ENTITY, "ends_at", "9 hours"),
            (with("ends_at", json!("07:00")), StatusCode::UNPROCESSABLE_ENTITY, "ends_at", "before it starts"),
            (with("weekday", json!("saturday")), StatusCode::BAD_REQUEST, "", "unknown variant `saturday`, expected one of `monday`"),
            (with("school_year", json!("2026-2028")), StatusCode::BAD_REQUEST, "", "2026-2027"),
            (with("school_year", json!("volgend jaar")), StatusCode::BAD_REQUEST, "", "write it as 2026-2027"),
            (with("theme", json!(null)), StatusCode::UNPROCESSABLE_ENTITY, "theme", "lesson series"),
            (with("capacity", json!(0)), StatusCode::UNPROCESSABLE_ENTITY, "capacity", "between 1 and 10"),
            (with("starts_at", json!("half negen")), StatusCode::BAD_REQUEST, "", "starts_at"),
            (with("colour", json!("blue")), StatusCode::BAD_REQUEST, "", "unknown field `colour`"),
            (with("school_id", json!(null)), StatusCode::UNPROCESSABLE_ENTITY, "school_id", "required"),
        ];
        for (body, status, field, says) in cases {
            let response = app.create(&token, &body).await;
            let code = if status == StatusCode::BAD_REQUEST { "malformed_json" } else { "invalid_input" };
            let problem = assert_problem(response, status, code).await;
            assert!(problem.detail.contains(says), "{says:?} not in {:?}", problem.detail);
            if !field.is_empty() {
                assert_eq!(problem.errors[0].field, field);
            }
        }
        let after: Page<Placement> = app.get_json("/api/v1/placements?limit=200", &token).await;
        assert_eq!(before.items, after.items, "bad input changed the placements");
        assert_problem(app.get("/api/v1/placements?school_year=2026", &token).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_problem(app.get("/api/v1/placements?weekday=sunday", &token).await, StatusCode::BAD_REQUEST, "invalid_query").await;
    }

    async fn the_director_records_capacity_and_sees_the_suggestion(db) {
        let app = spawn_app(&db).await;
        let director = app.login_as(DIRECTOR).await;
        let school = school_id(&app, &director).await;
        let path = format!("/api/v1/schools/{school}/capacity/2026-2027");
        let seeded: SchoolCapacity = app.get_json(&path, &director).await;
        assert_eq!(seeded.suggestion.suggested, 4);
        assert_eq!(seeded.reasoning, "8 groepen, 2 met een stagiaire, 1 met een startende leerkracht, 4 leerkrachten doen mee → voorstel: 4 plekken");
        assert_eq!(seeded.placements.open, 2);
        assert_eq!(seeded.input.offered, Some(3));

        let mut input = serde_json::to_value(&seeded.input).unwrap();
        input["groups_with_intern"] = json!(4);
        input["offered"] = json!(2);
        let response = app.send(reqwest::Method::PUT, &path, &director, &input).await;
        assert_eq!(response.status(), StatusCode::OK);
        let saved: SchoolCapacity = response.json().await.unwrap();
        assert_eq!((saved.suggestion.suggested, saved.input.offered), (3, Some(2)));
        assert!(saved.updated_at.is_some());

        let empty: SchoolCapacity = app.get_json(&format!("/api/v1/schools/{school}/capacity/2027-2028"), &director).await;
        assert_eq!((empty.input.groups, empty.input.offered, empty.suggestion.suggested), (0, None, 0));

        input["groups_with_intern"] = json!(9);
        let problem = assert_problem(app.send(reqwest::Method::PUT, &path, &director, &input).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "groups_with_intern");
        let unchanged: SchoolCapacity = app.get_json(&path, &director).await;
        assert_eq!(unchanged.input, saved.input);

        let coordinator = app.login_as(COORDINATOR).await;
        let read = app.get(&path, &coordinator).await;
        assert_eq!(read.status(), StatusCode::OK);
        assert_problem(app.send(reqwest::Method::PUT, &path, &coordinator, &input).await, StatusCode::FORBIDDEN, "forbidden").await;
        let other = app.login_as(OTHER_DIRECTOR).await;
        assert_problem(app.get(&path, &other).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.get(&format!("/api/v1/schools/{school}/capacity/2026"), &director).await, StatusCode::BAD_REQUEST, "invalid_path").await;
    }
}

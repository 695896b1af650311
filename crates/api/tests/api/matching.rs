//! Ambassadors, matching runs and the match lifecycle: each role allowed and denied, bad input,
//! every transition, privacy rights. The demo seeds five ambassadors in the pool and four open
//! placements for February 2026-2027.

use domain::PlacementStatus;
use domain::ambassador::IntakeStatus;
use domain::contract::{
    AccessToken, Ambassador, AmbassadorExport, AuditEvent, Concern, Intake, Match, MatchingRun,
    MatchingRunListItem, Page, Placement,
};
use domain::match_lifecycle::{MatchStatus, Side};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;

use crate::helpers::*;

const FEBRUARY: &str = r#"{"school_year":"2026-2027","start_moment":"february"}"#;

async fn run(app: &TestApp, token: &str) -> MatchingRun {
    let body: Value = serde_json::from_str(FEBRUARY).unwrap();
    app.post_ok("/api/v1/matching-runs", token, &body, StatusCode::CREATED)
        .await
}

fn proposal_of<'a>(run: &'a MatchingRun, name: &str) -> &'a domain::contract::RunProposal {
    run.proposals
        .iter()
        .find(|p| p.ambassador.name == name)
        .unwrap()
}

async fn propose(app: &TestApp, admin: &str, run: &MatchingRun, name: &str) -> Match {
    let p = proposal_of(run, name);
    let body = json!({ "placement_id": p.placement.id, "ambassador_id": p.ambassador.id, "run_id": run.id });
    app.post_ok("/api/v1/matches", admin, &body, StatusCode::CREATED)
        .await
}

async fn act(app: &TestApp, token: &str, m: &Match, body: Value) -> reqwest::Response {
    app.call(
        Method::POST,
        &format!("/api/v1/matches/{}/transitions", m.id),
        token,
        Some(&body),
    )
    .await
}

async fn act_ok(app: &TestApp, token: &str, m: &Match, body: Value) -> Match {
    let response = act(app, token, m, body.clone()).await;
    let status = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}: {text}");
    serde_json::from_str(&text).unwrap()
}

/// The introduction meeting, held yesterday afternoon by the test clock (2026-12-03), so both
/// sides may confirm.
fn meeting() -> Value {
    json!({ "action": "plan_meeting", "meeting": { "at": "2026-12-02T15:30", "place": "De Zeester, lerarenkamer" } })
}

/// The introduction meeting, next Tuesday: nobody can confirm yet.
fn meeting_next_week() -> Value {
    json!({ "action": "plan_meeting", "meeting": { "at": "2026-12-08T15:30", "place": "De Zeester, lerarenkamer" } })
}

async fn ambassador(app: &TestApp, admin: &str, id: uuid::Uuid) -> Ambassador {
    app.get_json(&format!("/api/v1/ambassadors/{id}"), admin)
        .await
}

async fn placement(app: &TestApp, admin: &str, id: uuid::Uuid) -> Placement {
    app.get_json(&format!("/api/v1/placements/{id}"), admin)
        .await
}

on_both_backends! {
    async fn a_run_proposes_the_best_assignment_with_dutch_reasons_and_lists_who_is_left_over(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let run = run(&app, &admin).await;
        assert_eq!((run.candidates, run.placements), (5, 4));
        // Noah (preference, techniek) takes groep 5; Lotte (natuur, duurzaamheid) the garden;
        // Daan (muziek) Het Kompas; Yara (vo, economie, ondernemen) Zuiderlicht; Sem is over.
        assert_eq!(run.proposals.len(), 4);
        assert_eq!(run.total_score, 40 + 35 + 25 + 35);
        let noah = proposal_of(&run, "Noah Verbeek");
        assert_eq!(noah.placement.group.as_deref(), Some("groep 5"));
        assert_eq!(noah.reasons[0], "beschikbaar op dinsdag");
        assert!(noah.reasons.contains(&"expertise techniek past bij de gevraagde thema's".to_owned()));
        assert_eq!(noah.breakdown.iter().map(|p| p.points).sum::<u32>(), noah.score);
        let left: Vec<&str> = run.left_over.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(left, ["Sem Willems"]);

        let listed: Page<MatchingRunListItem> = app.get_json("/api/v1/matching-runs", &admin).await;
        assert_eq!(listed.items[0].id, run.id);
        assert_eq!(listed.items[0].proposals, 4);
        let again: MatchingRun = app.get_json(&format!("/api/v1/matching-runs/{}", run.id), &admin).await;
        assert_eq!(again, run);

        // Only programme staff run matching; nothing is matched by a run.
        for who in [DIRECTOR, AMBASSADOR, EMPLOYER_CONTACT] {
            let token = app.login_as(who).await;
            let body: Value = serde_json::from_str(FEBRUARY).unwrap();
            let response = app.call(Method::POST, "/api/v1/matching-runs", &token, Some(&body)).await;
            assert_problem(response, StatusCode::FORBIDDEN, "forbidden").await;
            let response = app.get(&format!("/api/v1/matching-runs/{}", run.id), &token).await;
            assert_problem(response, StatusCode::FORBIDDEN, "forbidden").await;
        }
        assert_eq!(ambassador(&app, &admin, noah.ambassador.id).await.status, IntakeStatus::Available);
        let bad = app.call(Method::POST, "/api/v1/matching-runs", &admin, Some(&json!({"school_year": "2026", "start_moment": "february"}))).await;
        let problem = assert_problem(bad, StatusCode::BAD_REQUEST, "malformed_json").await;
        assert!(problem.detail.contains("school_year"), "{}", problem.detail);
    }

    async fn a_match_goes_from_proposal_through_the_meeting_and_both_confirmations_to_active_and_ends(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let noah = app.login_as(AMBASSADOR).await;
        let run = run(&app, &admin).await;
        let m = propose(&app, &admin, &run, "Noah Verbeek").await;
        assert_eq!(m.status, MatchStatus::Proposed);
        assert_eq!(m.reasons, proposal_of(&run, "Noah Verbeek").reasons);
        assert_eq!(placement(&app, &admin, m.placement.id).await.status, PlacementStatus::Proposed);
        assert_eq!(ambassador(&app, &admin, m.ambassador.id).await.status, IntakeStatus::Matched);

        // The director sees the candidate with reasons, but no contact details, VOG or documents.
        let raw: Value = app.get_json(&format!("/api/v1/matches?school_id={}", m.placement.school_id), &director).await;
        let text = raw.to_string();
        assert!(text.contains("Noah Verbeek") && text.contains("beschikbaar op dinsdag"));
        for secret in ["noah@ambassadeur.example", "06 0000", "issued_on", "vog", "documents"] {
            assert!(!text.contains(secret), "{secret} leaked to the director");
        }
        let other = app.login_as(OTHER_DIRECTOR).await;
        let theirs: Page<Match> = app.get_json("/api/v1/matches", &other).await;
        assert!(theirs.items.iter().all(|x| x.id != m.id), "another school's director sees it");
        let hidden = app.get(&format!("/api/v1/matches/{}", m.id), &other).await;
        assert_problem(hidden, StatusCode::NOT_FOUND, "not_found").await;

        // Nobody confirms before the introduction meeting, and only staff plan it.
        let early = act(&app, &director, &m, json!({"action": "confirm_school"})).await;
        let problem = assert_problem(early, StatusCode::CONFLICT, "invalid_transition").await;
        assert!(problem.detail.contains("plan the introduction meeting first"));
        let not_yours = act(&app, &director, &m, meeting()).await;
        assert_problem(not_yours, StatusCode::FORBIDDEN, "forbidden").await;
        let no_place = act(&app, &admin, &m, json!({"action": "plan_meeting", "meeting": {"at": "2026-12-08T15:30", "place": " "}})).await;
        assert_problem(no_place, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let bad_time = act(&app, &admin, &m, json!({"action": "plan_meeting", "meeting": {"at": "morgen", "place": "school"}})).await;
        assert_eq!(bad_time.status().as_u16() / 100, 4);
        let m = act_ok(&app, &admin, &m, meeting_next_week()).await;
        assert_eq!(m.status, MatchStatus::MeetingPlanned);
        assert_eq!(m.meeting.as_ref().unwrap().place, "De Zeester, lerarenkamer");

        // Before the meeting nobody confirms, not even staff on a side's behalf, and the refusal
        // says when the meeting is; the match stays as it was.
        for (who, action) in [(&director, "confirm_school"), (&noah, "confirm_ambassador"), (&admin, "confirm_school"), (&admin, "confirm_ambassador")] {
            let early = act(&app, who, &m, json!({"action": action})).await;
            let problem = assert_problem(early, StatusCode::CONFLICT, "meeting_not_held").await;
            assert!(problem.detail.contains("Tuesday 8 December 2026 at 15:30"), "{}", problem.detail);
            let meeting = problem.details.and_then(|d| d.meeting).expect("the meeting in details");
            assert_eq!(meeting.at.to_string(), "2026-12-08 15:30:00");
        }
        let unchanged: Match = app.get_json(&format!("/api/v1/matches/{}", m.id), &admin).await;
        assert_eq!(unchanged, m);

        // The meeting was moved to yesterday and took place: now both sides may confirm.
        let m = act_ok(&app, &admin, &m, meeting()).await;
        assert_eq!(m.status, MatchStatus::MeetingPlanned);

        // Each side confirms for itself only.
        let wrong_side = act(&app, &director, &m, json!({"action": "confirm_ambassador"})).await;
        assert_problem(wrong_side, StatusCode::FORBIDDEN, "forbidden").await;
        let wrong_side = act(&app, &noah, &m, json!({"action": "confirm_school"})).await;
        assert_problem(wrong_side, StatusCode::FORBIDDEN, "forbidden").await;
        let m = act_ok(&app, &director, &m, json!({"action": "confirm_school"})).await;
        assert!(m.school_confirmed_at.is_some());
        let twice = act(&app, &director, &m, json!({"action": "confirm_school"})).await;
        assert_problem(twice, StatusCode::CONFLICT, "invalid_transition").await;
        let m = act_ok(&app, &noah, &m, json!({"action": "confirm_ambassador"})).await;
        assert_eq!(m.status, MatchStatus::Confirmed);

        // Activation: staff only, within the placement's period, with a valid VOG (seeded).
        let not_yours = act(&app, &director, &m, json!({"action": "activate"})).await;
        assert_problem(not_yours, StatusCode::FORBIDDEN, "forbidden").await;
        let outside = act(&app, &admin, &m, json!({"action": "activate", "on": "2026-12-01"})).await;
        assert_problem(outside, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let m = act_ok(&app, &admin, &m, json!({"action": "activate"})).await;
        assert_eq!(m.status, MatchStatus::Active);
        assert_eq!(m.starts_on.unwrap().to_string(), "2027-02-01");
        assert_eq!(placement(&app, &admin, m.placement.id).await.status, PlacementStatus::Filled);
        assert_eq!(ambassador(&app, &admin, m.ambassador.id).await.status, IntakeStatus::Active);
        let decline = act(&app, &director, &m, json!({"action": "decline", "reason": "te laat"})).await;
        assert_problem(decline, StatusCode::CONFLICT, "invalid_transition").await;

        // Ending early needs a reason; then the placement is open again.
        let no_reason = act(&app, &admin, &m, json!({"action": "end"})).await;
        assert_problem(no_reason, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let m = act_ok(&app, &admin, &m, json!({"action": "end", "reason": "In goed overleg gestopt", "on": "2027-03-05"})).await;
        assert_eq!(m.status, MatchStatus::Ended);
        assert_eq!(m.reason.as_deref(), Some("In goed overleg gestopt"));
        assert_eq!(placement(&app, &admin, m.placement.id).await.status, PlacementStatus::Open);
        assert_eq!(ambassador(&app, &admin, m.ambassador.id).await.status, IntakeStatus::Ended);

        let audit: Page<AuditEvent> = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        let actions: Vec<&str> = audit.items.iter().map(|e| e.action.as_str()).collect();
        for action in ["match.propose", "match.plan_meeting", "match.confirm_school", "match.confirm_ambassador", "match.activate", "match.end"] {
            assert!(actions.contains(&action), "{action} not audited");
        }
    }

    async fn declining_puts_the_ambassador_back_in_the_pool_and_the_placement_back_open(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let run = run(&app, &admin).await;
        let m = propose(&app, &admin, &run, "Lotte Bos").await;
        let before: Match = app.get_json(&format!("/api/v1/matches/{}", m.id), &admin).await;
        let empty = act(&app, &director, &m, json!({"action": "decline", "reason": "  "})).await;
        let problem = assert_problem(empty, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "reason");
        let unchanged: Match = app.get_json(&format!("/api/v1/matches/{}", m.id), &admin).await;
        assert_eq!(unchanged, before);
        let unknown = act(&app, &director, &m, json!({"action": "vanish"})).await;
        assert_eq!(unknown.status().as_u16() / 100, 4);
        // Programme staff say on whose behalf.
        let no_side = act(&app, &admin, &m, json!({"action": "decline", "reason": "geen klik"})).await;
        assert_problem(no_side, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;

        let declined = act_ok(&app, &director, &m, json!({"action": "decline", "reason": "Geen klik in het klikgesprek"})).await;
        assert_eq!(declined.status, MatchStatus::Declined);
        assert_eq!(declined.declined_by, Some(Side::School));
        assert_eq!(ambassador(&app, &admin, m.ambassador.id).await.status, IntakeStatus::Available);
        assert_eq!(placement(&app, &admin, m.placement.id).await.status, PlacementStatus::Open);
        let again = act(&app, &director, &m, json!({"action": "decline", "reason": "x"})).await;
        assert_problem(again, StatusCode::CONFLICT, "invalid_transition").await;

        // Back in the pool, Lotte can be proposed again, and the ambassador can decline too.
        let m2 = propose(&app, &admin, &run, "Lotte Bos").await;
        let lotte = app.login_as("lotte@ambassadeur.example").await;
        let declined = act_ok(&app, &lotte, &m2, json!({"action": "decline", "reason": "Andere baan"})).await;
        assert_eq!(declined.declined_by, Some(Side::Ambassador));
    }

    async fn activation_is_refused_without_a_valid_vog_and_says_why(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let run = run(&app, &admin).await;
        let m = propose(&app, &admin, &run, "Lotte Bos").await;
        let vog = json!({"issued_on": "2026-11-01", "seen_on": "2026-11-02", "outcome": "refused"});
        let _: Value = app.post_ok(&format!("/api/v1/ambassadors/{}/vogs", m.ambassador.id), &admin, &vog, StatusCode::CREATED).await;
        let m = act_ok(&app, &admin, &m, meeting()).await;
        let m = act_ok(&app, &admin, &m, json!({"action": "confirm_school"})).await;
        let m = act_ok(&app, &admin, &m, json!({"action": "confirm_ambassador"})).await;
        let refused = act(&app, &admin, &m, json!({"action": "activate"})).await;
        let problem = assert_problem(refused, StatusCode::CONFLICT, "vog_not_valid").await;
        // Her seeded VOG of 15 September was valid, but the refusal was issued after it.
        assert_eq!(problem.detail, "cannot activate: a VOG was refused on 2026-11-01, after the valid one issued on 2026-09-15");
        let still: Match = app.get_json(&format!("/api/v1/matches/{}", m.id), &admin).await;
        assert_eq!(still.status, MatchStatus::Confirmed);
        // A fresh VOG, seen before the start, makes it possible.
        let vog = json!({"issued_on": "2026-11-10", "seen_on": "2026-11-12", "outcome": "issued"});
        let _: Value = app.post_ok(&format!("/api/v1/ambassadors/{}/vogs", m.ambassador.id), &admin, &vog, StatusCode::CREATED).await;
        let active = act_ok(&app, &admin, &still, json!({"action": "activate"})).await;
        assert_eq!(active.status, MatchStatus::Active);
    }

    async fn closing_a_placement_declines_its_confirmed_match_so_it_cannot_start(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let run = run(&app, &admin).await;
        let m = propose(&app, &admin, &run, "Noah Verbeek").await;
        let m = act_ok(&app, &admin, &m, meeting()).await;
        let m = act_ok(&app, &director, &m, json!({"action": "confirm_school"})).await;
        let m = act_ok(&app, &admin, &m, json!({"action": "confirm_ambassador"})).await;
        let close = json!({"action": "close", "reason": "Groep 5 wordt samengevoegd"});
        let _: Placement = app.post_ok(&format!("/api/v1/placements/{}/transitions", m.placement.id), &director, &close, StatusCode::OK).await;
        // Closing declined the match on the school's side with the same reason, and released
        // the ambassador; the closed placement stays closed.
        let declined: Match = app.get_json(&format!("/api/v1/matches/{}", m.id), &admin).await;
        assert_eq!((declined.status, declined.declined_by, declined.reason.as_deref()), (MatchStatus::Declined, Some(Side::School), Some("Groep 5 wordt samengevoegd")));
        let refused = act(&app, &admin, &m, json!({"action": "activate"})).await;
        assert_problem(refused, StatusCode::CONFLICT, "invalid_transition").await;
        assert_eq!(placement(&app, &admin, m.placement.id).await.status, PlacementStatus::Closed);
        assert_eq!(ambassador(&app, &admin, m.ambassador.id).await.status, IntakeStatus::Available);
    }

    async fn a_proposal_by_hand_must_meet_every_hard_constraint(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let run = run(&app, &admin).await;
        let groep5 = proposal_of(&run, "Noah Verbeek").placement.id;
        let yara = proposal_of(&run, "Yara Koç").ambassador.id;
        let sem = run.left_over[0].id;
        let response = app.call(Method::POST, "/api/v1/matches", &admin, Some(&json!({"placement_id": groep5, "ambassador_id": yara}))).await;
        let problem = assert_problem(response, StatusCode::CONFLICT, "not_feasible").await;
        assert!(problem.detail.contains("not available on tuesday"), "{}", problem.detail);
        assert!(problem.detail.contains("does not want to work in po"), "{}", problem.detail);
        let unknown = app.call(Method::POST, "/api/v1/matches", &admin, Some(&json!({"placement_id": uuid::Uuid::now_v7(), "ambassador_id": sem}))).await;
        assert_problem(unknown, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let wrong_run = app.call(Method::POST, "/api/v1/matches", &admin, Some(&json!({"placement_id": groep5, "ambassador_id": sem, "run_id": run.id}))).await;
        assert_problem(wrong_run, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        // Sem fits groep 5 by hand, with reasons worked out now.
        let m: Match = app.post_ok("/api/v1/matches", &admin, &json!({"placement_id": groep5, "ambassador_id": sem}), StatusCode::CREATED).await;
        assert_eq!(m.reasons[0], "beschikbaar op dinsdag");
        assert_eq!(m.run_id, None);
        // The placement is now taken, and Noah cannot be proposed for it.
        let full = propose_raw(&app, &admin, &run, "Noah Verbeek").await;
        assert_problem(full, StatusCode::CONFLICT, "placement_not_open").await;
        let director = app.login_as(DIRECTOR).await;
        let denied = app.call(Method::POST, "/api/v1/matches", &director, Some(&json!({"placement_id": groep5, "ambassador_id": sem}))).await;
        assert_problem(denied, StatusCode::FORBIDDEN, "forbidden").await;
    }

    async fn concerns_reach_the_coordinator_and_the_programme(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let run = run(&app, &admin).await;
        let m = propose(&app, &admin, &run, "Noah Verbeek").await;
        let director = app.login_as(DIRECTOR).await;
        let path = format!("/api/v1/matches/{}/concerns", m.id);
        let empty = app.call(Method::POST, &path, &director, Some(&json!({"text": ""}))).await;
        assert_problem(empty, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let concern: Concern = app.post_ok(&path, &director, &json!({"text": "De leerkracht voelt zich niet gehoord."}), StatusCode::CREATED).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let seen: Vec<Concern> = app.get_json(&path, &coordinator).await;
        assert_eq!(seen, vec![concern]);
        let noah = app.login_as(AMBASSADOR).await;
        assert_problem(app.get(&path, &noah).await, StatusCode::FORBIDDEN, "forbidden").await;
        let other = app.login_as(OTHER_DIRECTOR).await;
        assert_problem(app.get(&path, &other).await, StatusCode::NOT_FOUND, "not_found").await;
        let _: Concern = app.post_ok(&path, &noah, &json!({"text": "Ik mis afstemming."}), StatusCode::CREATED).await;
        let all: Vec<Concern> = app.get_json(&path, &admin).await;
        assert_eq!(all.len(), 2);
    }

    async fn programme_staff_take_an_ambassador_through_the_intake_step_by_step(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let bad = app.call(Method::POST, "/api/v1/ambassadors", &admin, Some(&json!({
            "name": "", "email": "geen", "weekdays": [], "commitment": "whole_year",
            "available_from_year": "2026-2027", "available_from_moment": "september",
            "minutes_per_day": 420, "funding": "volunteer"
        }))).await;
        let problem = assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "email", "municipalities", "weekdays"]);
        let body = json!({
            "name": "Femke Hendriks", "email": "femke@voorbeeld.example", "home_municipality": "Groningen",
            "weekdays": ["tuesday"], "commitment": "half_year", "available_from_year": "2026-2027",
            "available_from_moment": "february", "minutes_per_day": 420, "funding": "volunteer",
            "expertise": ["techniek"]
        });
        let director = app.login_as(DIRECTOR).await;
        let denied = app.call(Method::POST, "/api/v1/ambassadors", &director, Some(&body)).await;
        assert_problem(denied, StatusCode::FORBIDDEN, "forbidden").await;
        let created: Ambassador = app.post_ok("/api/v1/ambassadors", &admin, &body, StatusCode::CREATED).await;
        assert_eq!(created.status, IntakeStatus::Registered);
        let path = format!("/api/v1/ambassadors/{}/intake", created.id);
        let step = |action: &str| json!({ "action": action });
        let skipped = app.call(Method::POST, &path, &admin, Some(&step("request_vog"))).await;
        assert_problem(skipped, StatusCode::CONFLICT, "invalid_transition").await;
        let future = app.call(Method::POST, &path, &admin, Some(&json!({"action": "plan_intake", "on": "2099-01-01"}))).await;
        assert_problem(future, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        for action in ["plan_intake", "complete_intake", "request_vog"] {
            let _: Ambassador = app.post_ok(&path, &admin, &step(action), StatusCode::OK).await;
        }
        let no_vog = app.call(Method::POST, &path, &admin, Some(&step("make_available"))).await;
        assert_problem(no_vog, StatusCode::CONFLICT, "vog_missing").await;
        let vogs = format!("/api/v1/ambassadors/{}/vogs", created.id);
        let backwards = app.call(Method::POST, &vogs, &admin, Some(&json!({"issued_on": "2026-11-10", "seen_on": "2026-11-01", "outcome": "issued"}))).await;
        assert_problem(backwards, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let _: Value = app.post_ok(&vogs, &admin, &json!({"issued_on": "2026-11-10", "seen_on": "2026-11-12", "outcome": "issued"}), StatusCode::CREATED).await;
        let available: Ambassador = app.post_ok(&path, &admin, &step("make_available"), StatusCode::OK).await;
        assert_eq!(available.status, IntakeStatus::Available);
        assert!(available.intake_decided_on.is_some());
        let intake: Intake = app.get_json(&path, &admin).await;
        assert_eq!(intake.steps.len(), 5);
        assert_eq!(intake.steps[1].by_name.as_deref(), Some("Iris van Leeuwen"));
        assert_eq!(intake.vogs[0].seen_by_name, "Iris van Leeuwen");
        // The new ambassador shows in the list with a valid VOG, and in the next run.
        let list: Value = app.get_json("/api/v1/ambassadors?status=available", &admin).await;
        assert!(list.to_string().contains("Femke Hendriks"));
        let run = run(&app, &admin).await;
        assert_eq!(run.candidates, 6);
        let withdraw = app.call(Method::POST, &path, &admin, Some(&step("withdraw"))).await;
        assert_problem(withdraw, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
    }

    async fn two_admins_taking_the_same_intake_step_at_once_record_it_once(db) {
        let app = spawn_app(&db).await;
        // Two sessions, as two people at two desks would have.
        let (iris, colleague) = (app.login_as(ADMIN).await, app.login_as(ADMIN).await);
        let body = json!({
            "name": "Jesse de Wit", "email": "jesse@voorbeeld.example", "home_municipality": "Utrecht",
            "weekdays": ["monday"], "commitment": "whole_year", "available_from_year": "2026-2027",
            "available_from_moment": "september", "minutes_per_day": 420, "funding": "volunteer"
        });
        let created: Ambassador = app.post_ok("/api/v1/ambassadors", &iris, &body, StatusCode::CREATED).await;
        let path = format!("/api/v1/ambassadors/{}/intake", created.id);
        for (taken, action) in ["plan_intake", "complete_intake", "request_vog"].into_iter().enumerate() {
            let step = json!({ "action": action });
            let (first, second) = tokio::join!(
                app.call(Method::POST, &path, &iris, Some(&step)),
                app.call(Method::POST, &path, &colleague, Some(&step)),
            );
            let statuses = [first.status(), second.status()];
            assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{action}: {statuses:?}");
            let loser = if first.status() == StatusCode::OK { second } else { first };
            assert_problem(loser, StatusCode::CONFLICT, "invalid_transition").await;
            let intake: Intake = app.get_json(&path, &iris).await;
            // The registration is the first step; each action after it is recorded once.
            assert_eq!(intake.steps.len(), taken + 2, "{action}: {:?}", intake.steps);
        }
    }

    async fn an_ambassador_keeps_their_own_profile_and_sees_nobody_elses(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let noah = app.login_as(AMBASSADOR).await;
        let mine: Ambassador = app.get_json("/api/v1/me/ambassador", &noah).await;
        assert_eq!(mine.profile.name, "Noah Verbeek");
        let mut profile = serde_json::to_value(&mine.profile).unwrap();
        profile["themes"] = json!(["bouwen", "robotica"]);
        let updated = app.call(Method::PUT, &format!("/api/v1/ambassadors/{}", mine.id), &noah, Some(&profile)).await;
        assert_eq!(updated.status(), StatusCode::OK);
        let again: Ambassador = app.get_json(&format!("/api/v1/ambassadors/{}", mine.id), &noah).await;
        assert_eq!(again.profile.themes, ["bouwen", "robotica"]);
        let step = app.call(Method::POST, &format!("/api/v1/ambassadors/{}/intake", mine.id), &noah, Some(&json!({"action": "withdraw", "note": "x"}))).await;
        assert_problem(step, StatusCode::FORBIDDEN, "forbidden").await;
        let list = app.get("/api/v1/ambassadors", &noah).await;
        assert_problem(list, StatusCode::FORBIDDEN, "forbidden").await;

        let all: Page<domain::contract::AmbassadorListItem> = app.get_json("/api/v1/ambassadors", &admin).await;
        let lotte = all.items.iter().find(|a| a.name == "Lotte Bos").unwrap().id;
        for path in [format!("/api/v1/ambassadors/{lotte}"), format!("/api/v1/ambassadors/{lotte}/intake"), format!("/api/v1/ambassadors/{lotte}/export")] {
            assert_problem(app.get(&path, &noah).await, StatusCode::NOT_FOUND, "not_found").await;
            let director = app.login_as(DIRECTOR).await;
            assert_problem(app.get(&path, &director).await, StatusCode::NOT_FOUND, "not_found").await;
        }
        let partner = app.client_token(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "demo-partner-secret")]).await;
        let partner: AccessToken = partner.json().await.unwrap();
        assert_problem(app.get("/api/v1/ambassadors", &partner.access_token).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.get(&format!("/api/v1/ambassadors/{lotte}"), &partner.access_token).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.get("/api/v1/matches", &partner.access_token).await, StatusCode::FORBIDDEN, "forbidden").await;
    }

    async fn intake_documents_are_checked_by_content_and_size(db) {
        let app = spawn_app(&db).await;
        let noah = app.login_as(AMBASSADOR).await;
        let mine: Ambassador = app.get_json("/api/v1/me/ambassador", &noah).await;
        let path = format!("/api/v1/ambassadors/{}/documents/cv", mine.id);
        let upload = |body: Vec<u8>, content_type: &'static str| {
            app.client.put(app.url(&path)).bearer_auth(&noah).header("content-type", content_type).body(body).send()
        };
        let exe = upload(b"MZ\x90\x00 not a document".to_vec(), "application/pdf").await.unwrap();
        assert_problem(exe, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(5 * 1024 * 1024 + 1, b' ');
        let too_big = upload(big, "application/pdf").await.unwrap();
        assert_problem(too_big, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
        let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\n".to_vec();
        let stored = upload(pdf.clone(), "application/octet-stream").await.unwrap();
        assert_eq!(stored.status(), StatusCode::OK);
        let download = app.get(&path, &noah).await;
        assert_eq!(download.headers()["content-type"], "application/pdf");
        assert_eq!(download.bytes().await.unwrap().to_vec(), pdf);
        let wrong_kind = app.get(&format!("/api/v1/ambassadors/{}/documents/paspoort", mine.id), &noah).await;
        assert_problem(wrong_kind, StatusCode::BAD_REQUEST, "invalid_path").await;
        let director = app.login_as(DIRECTOR).await;
        assert_problem(app.get(&path, &director).await, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn documents_are_purged_after_the_intake_decision_and_not_before(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let body = json!({
            "name": "Joris Mulder", "email": "joris@voorbeeld.example", "home_municipality": "Groningen",
            "weekdays": ["tuesday"], "commitment": "half_year", "available_from_year": "2026-2027",
            "available_from_moment": "february", "minutes_per_day": 420, "funding": "volunteer"
        });
        let created: Ambassador = app.post_ok("/api/v1/ambassadors", &admin, &body, StatusCode::CREATED).await;
        let document = format!("/api/v1/ambassadors/{}/documents/motivation_letter", created.id);
        let docx = b"PK\x03\x04 [Content_Types].xml word/document.xml".to_vec();
        let put = app.client.put(app.url(&document)).bearer_auth(&admin).body(docx).send().await.unwrap();
        assert_eq!(put.status(), StatusCode::OK);
        // The same sweep the server runs on its timer, here with a retention of 0 days.
        let purge = || async {
            let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_klasbrug"))
                .env_clear()
                .env("DATABASE_URL", &db.url)
                .env("RUST_LOG", "warn")
                .env("KLASBRUG_DOCUMENT_RETENTION_DAYS", "0")
                .arg("purge-documents")
                .output()
                .await
                .unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            String::from_utf8_lossy(&output.stdout).into_owned()
        };
        let intake = format!("/api/v1/ambassadors/{}/intake", created.id);
        let _: Ambassador = app.post_ok(&intake, &admin, &json!({"action": "plan_intake"}), StatusCode::OK).await;
        assert!(purge().await.starts_with("Purged 0 "), "purged before the decision");
        let kept: Intake = app.get_json(&intake, &admin).await;
        assert_eq!(kept.documents.len(), 1);
        let _: Ambassador = app.post_ok(&intake, &admin, &json!({"action": "complete_intake"}), StatusCode::OK).await;
        assert!(purge().await.starts_with("Purged 1 "));
        let now: Intake = app.get_json(&intake, &admin).await;
        assert!(now.documents.is_empty(), "the document outlived its retention");
        assert_problem(app.get(&document, &admin).await, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn an_ambassador_can_export_their_data_and_be_erased(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let noah = app.login_as(AMBASSADOR).await;
        let mine: Ambassador = app.get_json("/api/v1/me/ambassador", &noah).await;
        let pdf = b"%PDF-1.4 motivatie".to_vec();
        app.client.put(app.url(&format!("/api/v1/ambassadors/{}/documents/motivation_letter", mine.id))).bearer_auth(&noah).body(pdf).send().await.unwrap();
        let run = run(&app, &admin).await;
        let m = propose(&app, &admin, &run, "Noah Verbeek").await;

        let export: AmbassadorExport = app.get_json(&format!("/api/v1/ambassadors/{}/export", mine.id), &noah).await;
        assert_eq!(export.ambassador.profile.email, "noah@ambassadeur.example");
        assert_eq!(export.documents[0].content_base64, "JVBERi0xLjQgbW90aXZhdGll");
        assert_eq!(export.matches.len(), 1);
        assert!(!export.intake.vogs.is_empty());

        let erase = format!("/api/v1/ambassadors/{}", mine.id);
        let director = app.login_as(DIRECTOR).await;
        assert_problem(app.call(Method::DELETE, &erase, &director, None).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.call(Method::DELETE, &erase, &noah, None).await, StatusCode::FORBIDDEN, "forbidden").await;
        let live = app.call(Method::DELETE, &erase, &admin, None).await;
        assert_problem(live, StatusCode::CONFLICT, "match_live").await;
        act_ok(&app, &admin, &m, json!({"action": "decline", "reason": "Stopt met het programma", "side": "ambassador"})).await;
        let erased = app.call(Method::DELETE, &erase, &admin, None).await;
        assert_eq!(erased.status(), StatusCode::NO_CONTENT);
        assert_problem(app.get(&erase, &admin).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.login(AMBASSADOR, PASSWORD).await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        // The school's history keeps the match, anonymously.
        let kept: Match = app.get_json(&format!("/api/v1/matches/{}", m.id), &admin).await;
        assert_eq!(kept.ambassador.name, "Verwijderde ambassadeur");
        assert!(kept.ambassador.expertise.is_empty());
        let audit: Page<AuditEvent> = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        let actions: Vec<&str> = audit.items.iter().map(|e| e.action.as_str()).collect();
        assert!(actions.contains(&"ambassador.export") && actions.contains(&"ambassador.erase"));
    }
}

async fn propose_raw(
    app: &TestApp,
    admin: &str,
    run: &MatchingRun,
    name: &str,
) -> reqwest::Response {
    let p = proposal_of(run, name);
    let body = json!({ "placement_id": p.placement.id, "ambassador_id": p.ambassador.id, "run_id": run.id });
    app.call(Method::POST, "/api/v1/matches", admin, Some(&body))
        .await
}

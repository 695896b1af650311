//! The ambassador's own: their matches with the placement's details, changing and withdrawing a
//! waiting hour entry, their profile without the funding, their allowance details without the
//! rate, and their documents and export. Each time on their own, never on
//! another ambassador's (404), and other roles as before.

use domain::contract::{
    Ambassador, AuditEvent, HourEntry, Match, MatchingRun, MyPlacement, MyPlacements, Page,
};
use domain::hours::HourStatus;
use domain::match_lifecycle::MatchStatus;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;
use uuid::Uuid;

use crate::helpers::*;

const FENNA: &str = "fenna@ambassadeur.example";
const LOTTE: &str = "lotte@ambassadeur.example";

async fn me(app: &TestApp, token: &str) -> Ambassador {
    app.get_json("/api/v1/me/ambassador", token).await
}

async fn my_placements(app: &TestApp, token: &str) -> Vec<MyPlacement> {
    let mine: MyPlacements = app.get_json("/api/v1/me/placements", token).await;
    assert_eq!(mine.today.to_string(), "2026-12-03", "the app's clock");
    mine.places
}

async fn audited(app: &TestApp, admin: &str, action: &str) -> usize {
    let mut count = 0;
    let mut after: Option<String> = None;
    loop {
        let path = match &after {
            Some(after) => format!("/api/v1/audit-events?limit=200&after={after}"),
            None => "/api/v1/audit-events?limit=200".to_owned(),
        };
        let page: Page<AuditEvent> = app.get_json(&path, admin).await;
        count += page.items.iter().filter(|e| e.action == action).count();
        match page.next {
            Some(next) => after = Some(next),
            None => return count,
        }
    }
}

fn entry(placement: Uuid, date: &str, minutes: i64) -> Value {
    json!({"placement_id": placement, "date": date, "minutes": minutes, "activity": "class", "note": "Meegedraaid"})
}

on_both_backends! {
    async fn an_ambassador_sees_their_place_and_confirms_a_proposal_after_the_meeting(db) {
        let app = spawn_app(&db).await;
        let fenna = app.login_as(FENNA).await;
        let admin = app.login_as(ADMIN).await;

        // Fenna's active place at De Zeester, with its teacher, coordinator and next lessons.
        let places = my_placements(&app, &fenna).await;
        assert_eq!(places.len(), 1, "{places:?}");
        let place = &places[0];
        assert_eq!(place.match_.status, MatchStatus::Active);
        assert_eq!(place.placement.school_name, "Basisschool De Zeester");
        assert_eq!(place.placement.theme.as_deref(), Some("Techniek en water"));
        assert!(!place.coordinators.is_empty());
        assert!(place.next_lessons.iter().all(|l| l.date >= chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()));
        assert!(place.next_lessons.iter().all(|l| l.ambassador_name == "Fenna Dijkstra"));

        // Noah is proposed, the meeting planned in the past; he sees it and confirms.
        let body: Value = json!({"school_year": "2026-2027", "start_moment": "february"});
        let run: MatchingRun = app.post_ok("/api/v1/matching-runs", &admin, &body, StatusCode::CREATED).await;
        let proposal = run.proposals.iter().find(|p| p.ambassador.name == "Noah Verbeek").unwrap();
        let proposed: Match = app.post_ok("/api/v1/matches", &admin, &json!({"placement_id": proposal.placement.id, "ambassador_id": proposal.ambassador.id}), StatusCode::CREATED).await;
        let noah = app.login_as(AMBASSADOR).await;
        assert_eq!(my_placements(&app, &noah).await[0].match_.status, MatchStatus::Proposed);
        let meeting = json!({"action": "plan_meeting", "meeting": {"at": "2026-12-02T15:30", "place": "De Zeester, lerarenkamer"}});
        let _: Match = app.post_ok(&format!("/api/v1/matches/{}/transitions", proposed.id), &admin, &meeting, StatusCode::OK).await;
        let seen = my_placements(&app, &noah).await;
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].match_.meeting.as_ref().unwrap().place, "De Zeester, lerarenkamer");
        // A class placement names its teacher to the ambassador, as it does not to candidates.
        if seen[0].placement.kind == domain::placement::PlacementKind::Class {
            assert!(seen[0].placement.teacher.is_some(), "{:?}", seen[0].placement);
        }

        // Lotte may not confirm or decline Noah's match; it does not exist for her.
        let lotte = app.login_as(LOTTE).await;
        for action in [json!({"action": "confirm_ambassador"}), json!({"action": "decline", "reason": "niet van mij"})] {
            assert_problem(app.call(Method::POST, &format!("/api/v1/matches/{}/transitions", proposed.id), &lotte, Some(&action)).await, StatusCode::NOT_FOUND, "not_found").await;
        }
        assert!(my_placements(&app, &lotte).await.is_empty());
        let confirmed: Match = app.post_ok(&format!("/api/v1/matches/{}/transitions", proposed.id), &noah, &json!({"action": "confirm_ambassador"}), StatusCode::OK).await;
        assert!(confirmed.ambassador_confirmed_at.is_some());

        // Only ambassadors have places of their own; partners are no person.
        for email in [ADMIN, DIRECTOR, COORDINATOR] {
            let token = app.login_as(email).await;
            assert_problem(app.get("/api/v1/me/placements", &token).await, StatusCode::NOT_FOUND, "not_found").await;
        }
        assert_eq!(app.client.get(app.url("/api/v1/me/placements")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    }

    async fn an_ambassador_confirms_only_once_the_introduction_meeting_has_started(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let body: Value = json!({"school_year": "2026-2027", "start_moment": "february"});
        let run: MatchingRun = app.post_ok("/api/v1/matching-runs", &admin, &body, StatusCode::CREATED).await;
        let proposal = run.proposals.iter().find(|p| p.ambassador.name == "Noah Verbeek").unwrap();
        let proposed: Match = app.post_ok("/api/v1/matches", &admin, &json!({"placement_id": proposal.placement.id, "ambassador_id": proposal.ambassador.id}), StatusCode::CREATED).await;
        let path = format!("/api/v1/matches/{}/transitions", proposed.id);
        // Next Tuesday at 15:30 in Amsterdam: 14:30 UTC.
        let meeting = json!({"action": "plan_meeting", "meeting": {"at": "2026-12-08T15:30", "place": "De Zeester, lerarenkamer"}});
        let _: Match = app.post_ok(&path, &admin, &meeting, StatusCode::OK).await;
        let noah = app.login_as(AMBASSADOR).await;
        let director = app.login_as(DIRECTOR).await;
        let early = app.call(Method::POST, &path, &noah, Some(&json!({"action": "confirm_ambassador"}))).await;
        assert_problem(early, StatusCode::CONFLICT, "meeting_not_held").await;
        let early = app.call(Method::POST, &path, &director, Some(&json!({"action": "confirm_school"}))).await;
        assert_problem(early, StatusCode::CONFLICT, "meeting_not_held").await;
        let seen = my_placements(&app, &noah).await;
        assert_eq!(seen[0].match_.status, MatchStatus::MeetingPlanned);
        assert!(seen[0].match_.ambassador_confirmed_at.is_none() && seen[0].match_.school_confirmed_at.is_none());
        drop(app);

        // The same database, the server's clock at the very start of the meeting: both confirm.
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", "2026-12-08T14:30:00Z")]).await;
        let noah = app.login_as(AMBASSADOR).await;
        let director = app.login_as(DIRECTOR).await;
        let mine: Match = app.post_ok(&path, &noah, &json!({"action": "confirm_ambassador"}), StatusCode::OK).await;
        assert!(mine.ambassador_confirmed_at.is_some());
        let both: Match = app.post_ok(&path, &director, &json!({"action": "confirm_school"}), StatusCode::OK).await;
        assert_eq!(both.status, MatchStatus::Confirmed);
    }

    async fn an_ambassador_changes_and_withdraws_a_waiting_entry_but_no_one_elses(db) {
        let app = spawn_app(&db).await;
        let fenna = app.login_as(FENNA).await;
        let place = my_placements(&app, &fenna).await.remove(0);
        let placement = place.placement.id;
        let logged: HourEntry = app.post_ok("/api/v1/hour-entries", &fenna, &entry(placement, "2026-11-25", 360), StatusCode::CREATED).await;
        let path = format!("/api/v1/hour-entries/{}", logged.id);

        // Bad changes are refused by field and change nothing.
        for (body, field) in [
            (entry(placement, "2026-11-25", 5), "minutes"),
            (entry(placement, "2026-12-09", 360), "date"),
            (entry(placement, "2026-11-26", 360), "date_reason"),
            (entry(Uuid::now_v7(), "2026-11-25", 300), "placement_id"),
        ] {
            let problem = assert_problem(app.call(Method::PUT, &path, &fenna, Some(&body)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors[0].field, field, "{problem:?}");
        }
        let unchanged: HourEntry = app.get_json(&path, &fenna).await;
        assert_eq!(unchanged.minutes, 360);

        // Someone else's entry: another ambassador does not see it; school staff decide, not change.
        let noah = app.login_as(AMBASSADOR).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let director = app.login_as(DIRECTOR).await;
        let other_director = app.login_as(OTHER_DIRECTOR).await;
        assert_problem(app.call(Method::PUT, &path, &noah, Some(&entry(placement, "2026-11-25", 300))).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.call(Method::DELETE, &path, &noah, None).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.call(Method::DELETE, &path, &other_director, None).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.call(Method::PUT, &path, &coordinator, Some(&entry(placement, "2026-11-25", 300))).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.call(Method::DELETE, &path, &director, None).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.call(Method::DELETE, &format!("/api/v1/hour-entries/{}", Uuid::now_v7()), &fenna, None).await, StatusCode::NOT_FOUND, "not_found").await;

        // Her own, while it waits: changed, with the day counted once.
        let response = app.call(Method::PUT, &path, &fenna, Some(&entry(placement, "2026-11-25", 420))).await;
        assert_eq!(response.status(), StatusCode::OK);
        let changed: HourEntry = response.json().await.unwrap();
        assert_eq!((changed.minutes, changed.status, changed.date.to_string().as_str()), (420, HourStatus::Submitted, "2026-11-25"));

        // Once decided it stays as decided.
        let admin = app.login_as(ADMIN).await;
        let october: Page<HourEntry> = app.get_json("/api/v1/hour-entries?month=2026-10", &fenna).await;
        let approved = october.items.iter().find(|e| e.status == HourStatus::Approved).unwrap();
        let approved_path = format!("/api/v1/hour-entries/{}", approved.id);
        assert_problem(app.call(Method::PUT, &approved_path, &fenna, Some(&entry(placement, &approved.date.to_string(), 300))).await, StatusCode::CONFLICT, "invalid_transition").await;
        assert_problem(app.call(Method::DELETE, &approved_path, &fenna, None).await, StatusCode::CONFLICT, "invalid_transition").await;

        // Withdrawn, it is gone; programme staff may withdraw on her behalf too.
        let withdrawn = app.call(Method::DELETE, &path, &fenna, None).await;
        assert_eq!(withdrawn.status(), StatusCode::NO_CONTENT);
        assert_problem(app.get(&path, &fenna).await, StatusCode::NOT_FOUND, "not_found").await;
        let again: HourEntry = app.post_ok("/api/v1/hour-entries", &fenna, &entry(placement, "2026-11-25", 360), StatusCode::CREATED).await;
        let by_staff = app.call(Method::DELETE, &format!("/api/v1/hour-entries/{}", again.id), &admin, None).await;
        assert_eq!(by_staff.status(), StatusCode::NO_CONTENT);
        assert_eq!(audited(&app, &admin, "hours.change").await, 1);
        assert_eq!(audited(&app, &admin, "hours.withdraw").await, 2);
    }

    async fn an_ambassador_keeps_their_profile_allowance_details_and_documents_but_not_someone_elses(db) {
        let app = spawn_app(&db).await;
        let fenna = app.login_as(FENNA).await;
        let noah = app.login_as(AMBASSADOR).await;
        let admin = app.login_as(ADMIN).await;
        let mine = me(&app, &fenna).await;
        let theirs = me(&app, &noah).await;

        // Her profile: she changes where she lives, not how her hours are paid.
        let mut profile = serde_json::to_value(&mine.profile).unwrap();
        profile["home_municipality"] = json!("Haren");
        let response = app.call(Method::PUT, &format!("/api/v1/ambassadors/{}", mine.id), &fenna, Some(&profile)).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(me(&app, &fenna).await.profile.home_municipality.as_deref(), Some("Haren"));
        let mut funded = profile.clone();
        funded["funding"] = json!("sponsored");
        let problem = assert_problem(app.call(Method::PUT, &format!("/api/v1/ambassadors/{}", mine.id), &fenna, Some(&funded)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "funding");
        assert_eq!(me(&app, &fenna).await.profile.funding, mine.profile.funding);
        assert_problem(app.call(Method::PUT, &format!("/api/v1/ambassadors/{}", theirs.id), &fenna, Some(&profile)).await, StatusCode::NOT_FOUND, "not_found").await;
        // Programme staff still set the funding.
        let by_staff = app.call(Method::PUT, &format!("/api/v1/ambassadors/{}", mine.id), &admin, Some(&funded)).await;
        assert_eq!(by_staff.status(), StatusCode::OK);
        let back = app.call(Method::PUT, &format!("/api/v1/ambassadors/{}", mine.id), &admin, Some(&profile)).await;
        assert_eq!(back.status(), StatusCode::OK);

        // Her allowance details: age and IBAN, not an hourly rate; never another's.
        let details = json!({"age_category": "twenty_one_or_older", "iban": "NL91ABNA0417164300", "account_holder": "F. Dijkstra"});
        let path = format!("/api/v1/ambassadors/{}/allowance-profile", mine.id);
        assert_eq!(app.call(Method::PUT, &path, &fenna, Some(&details)).await.status(), StatusCode::OK);
        let stored: Value = app.get_json(&path, &fenna).await;
        assert_eq!(stored["iban"], "NL91ABNA0417164300");
        let mut rated = details.clone();
        rated["hourly_rate"] = json!(500);
        let problem = assert_problem(app.call(Method::PUT, &path, &fenna, Some(&rated)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "hourly_rate");
        assert_eq!(app.call(Method::PUT, &path, &admin, Some(&rated)).await.status(), StatusCode::OK);
        // The agreed rate stays when she changes her IBAN.
        let mut kept = rated.clone();
        kept["iban"] = json!("NL20INGB0001234567");
        assert_eq!(app.call(Method::PUT, &path, &fenna, Some(&kept)).await.status(), StatusCode::OK);
        let lotte = me(&app, &app.login_as(LOTTE).await).await;
        assert_problem(app.call(Method::PUT, &format!("/api/v1/ambassadors/{}/allowance-profile", lotte.id), &fenna, Some(&details)).await, StatusCode::NOT_FOUND, "not_found").await;

        // Her documents and export; not another's.
        let pdf = b"%PDF-1.4 motivatie".to_vec();
        let own = app.client.put(app.url(&format!("/api/v1/ambassadors/{}/documents/motivation_letter", mine.id))).bearer_auth(&fenna).body(pdf.clone()).send().await.unwrap();
        assert_eq!(own.status(), StatusCode::OK);
        let other = app.client.put(app.url(&format!("/api/v1/ambassadors/{}/documents/cv", theirs.id))).bearer_auth(&fenna).body(pdf).send().await.unwrap();
        assert_problem(other, StatusCode::NOT_FOUND, "not_found").await;
        assert_eq!(app.get(&format!("/api/v1/ambassadors/{}/export", mine.id), &fenna).await.status(), StatusCode::OK);
        assert_problem(app.get(&format!("/api/v1/ambassadors/{}/export", theirs.id), &fenna).await, StatusCode::NOT_FOUND, "not_found").await;
    }
}

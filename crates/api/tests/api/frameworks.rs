//! The kerndoelen catalogue: readable by everyone logged in and by partner clients.

use domain::contract::{AccessToken, FrameworkSummary, ObjectiveItem};
use reqwest::StatusCode;
use testkit::on_both_backends;

use crate::helpers::*;

on_both_backends! {
    async fn the_2006_kerndoelen_can_be_read_and_filtered_by_domain(db) {
        let app = spawn_app(&db).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let frameworks: Vec<FrameworkSummary> = app.get_json("/api/v1/frameworks", &coordinator).await;
        assert_eq!(frameworks.len(), 1);
        assert_eq!((frameworks[0].code.as_str(), frameworks[0].objectives), ("kerndoelen-2006", 58));
        let one: FrameworkSummary = app.get_json("/api/v1/frameworks/kerndoelen-2006", &coordinator).await;
        assert_eq!(one, frameworks[0]);

        let all: Vec<ObjectiveItem> = app.get_json("/api/v1/frameworks/kerndoelen-2006/objectives", &coordinator).await;
        assert_eq!(all.iter().map(|o| o.number).collect::<Vec<_>>(), (1..=58).collect::<Vec<_>>());
        let english: Vec<ObjectiveItem> = app.get_json("/api/v1/frameworks/kerndoelen-2006/objectives?domain=engels", &coordinator).await;
        assert_eq!(english.iter().map(|o| o.number).collect::<Vec<_>>(), [13, 14, 15, 16]);
        let fries: Vec<ObjectiveItem> = app.get_json("/api/v1/frameworks/kerndoelen-2006/objectives?domain=fries", &coordinator).await;
        assert!(fries.iter().all(|o| o.only_in_province.as_deref() == Some("Friesland")));
        let none: Vec<ObjectiveItem> = app.get_json("/api/v1/frameworks/kerndoelen-2006/objectives?domain=sterrenkunde", &coordinator).await;
        assert!(none.is_empty());

        let missing = app.get("/api/v1/frameworks/kerndoelen-1998/objectives", &coordinator).await;
        assert_problem(missing, StatusCode::NOT_FOUND, "not_found").await;
        let anonymous = app.client.get(app.url("/api/v1/frameworks")).send().await.unwrap();
        assert_problem(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
        let partner = app.client_token(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "demo-partner-secret")]).await;
        let partner: AccessToken = partner.json().await.unwrap();
        let seen: Vec<FrameworkSummary> = app.get_json("/api/v1/frameworks", &partner.access_token).await;
        assert_eq!(seen, frameworks);
    }
}

mod holidays {
    use super::*;
    use domain::contract::HolidayItem;
    use serde_json::json;

    on_both_backends! {
        async fn programme_staff_extend_the_holiday_calendar_and_everyone_reads_it(db) {
            let app = spawn_app(&db).await;
            let director = app.login_as(DIRECTOR).await;
            let midden: Vec<HolidayItem> = app.get_json("/api/v1/holidays?region=midden", &director).await;
            assert_eq!(midden.len(), 10);
            let autumn_2026 = midden.iter().find(|h| h.name == "herfstvakantie 2026").unwrap();
            assert_eq!(autumn_2026.first_day.to_string(), "2026-10-17");
            let bad_region = app.get("/api/v1/holidays?region=west", &director).await;
            assert_problem(bad_region, StatusCode::BAD_REQUEST, "invalid_query").await;

            let autumn = json!({"region": "noord", "name": "herfstvakantie 2027", "first_day": "2027-10-16", "last_day": "2027-10-24", "binding": false});
            let denied = app.call(reqwest::Method::POST, "/api/v1/holidays", &director, Some(&autumn)).await;
            assert_problem(denied, StatusCode::FORBIDDEN, "forbidden").await;
            let admin = app.login_as(ADMIN).await;
            let backwards = json!({"region": "noord", "name": "x", "first_day": "2027-10-24", "last_day": "2027-10-16", "binding": false});
            let problem = assert_problem(app.call(reqwest::Method::POST, "/api/v1/holidays", &admin, Some(&backwards)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors[0].field, "last_day");
            let added: HolidayItem = app.post_ok("/api/v1/holidays", &admin, &autumn, StatusCode::CREATED).await;
            assert_eq!(added.name, "herfstvakantie 2027");
            let again = app.call(reqwest::Method::POST, "/api/v1/holidays", &admin, Some(&autumn)).await;
            assert_problem(again, StatusCode::CONFLICT, "holiday_exists").await;
            let noord: Vec<HolidayItem> = app.get_json("/api/v1/holidays?region=noord", &director).await;
            assert_eq!(noord.len(), 11);
        }
    }
}

mod hours_policies {
    use super::*;
    use domain::hours_policy::HoursPolicy;
    use serde_json::json;

    on_both_backends! {
        async fn the_22_hour_policies_are_data_that_programme_staff_extend(db) {
            let app = spawn_app(&db).await;
            let director = app.login_as(DIRECTOR).await;
            let policies: Vec<HoursPolicy> = app.get_json("/api/v1/hours-policies", &director).await;
            // The G5 experiment, loaded by migration, and the demo's own rule.
            assert_eq!(policies[0], HoursPolicy::g5_experiment());
            assert_eq!(policies.len(), 2);
            let new = json!({
                "name": "G5-regeling 2026", "valid_from": "2026-08-01",
                "municipalities": ["Utrecht", " utrecht ", "Den Haag"],
                "max_minutes_per_group_per_month": 1320, "excluded_domains": ["nederlands"]
            });
            let denied = app.call(reqwest::Method::POST, "/api/v1/hours-policies", &director, Some(&new)).await;
            assert_problem(denied, StatusCode::FORBIDDEN, "forbidden").await;
            let admin = app.login_as(ADMIN).await;
            let mut bad = new.clone();
            bad["municipalities"] = json!([]);
            bad["valid_until"] = json!("2020-01-01");
            let problem = assert_problem(app.call(reqwest::Method::POST, "/api/v1/hours-policies", &admin, Some(&bad)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(fields, ["valid_until", "municipalities"]);
            let added: HoursPolicy = app.post_ok("/api/v1/hours-policies", &admin, &new, StatusCode::CREATED).await;
            assert_eq!(added.municipalities, ["Utrecht", "Den Haag"]);
            let again = app.call(reqwest::Method::POST, "/api/v1/hours-policies", &admin, Some(&new)).await;
            assert_problem(again, StatusCode::CONFLICT, "hours_policy_exists").await;
            let all: Vec<HoursPolicy> = app.get_json("/api/v1/hours-policies", &director).await;
            assert_eq!(all.len(), 3);
        }
    }
}

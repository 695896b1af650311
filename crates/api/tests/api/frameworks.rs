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

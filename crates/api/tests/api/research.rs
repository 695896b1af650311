//! Research exports: a school year without people in it, for a client with `research:read`.

use domain::contract::{Member, Organisation, Page, ResearchDataset, ResearchExport};
use domain::research::is_k_anonymous;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;

use crate::helpers::*;

const PURPOSE: &str = "Evaluatie pilot 2026-2027 door het lectoraat";

impl TestApp {
    /// An access token of the demo research client.
    async fn research_token(&self) -> String {
        let response = self
            .client_token(&[
                ("grant_type", "client_credentials"),
                ("client_id", "demo-research"),
                ("client_secret", "demo-research-secret"),
            ])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let token: Value = response.json().await.unwrap();
        token["access_token"].as_str().unwrap().to_owned()
    }
}

async fn take(app: &TestApp, token: &str) -> ResearchExport {
    app.post_ok(
        "/api/v1/research/exports",
        token,
        &json!({"school_year": "2026-2027", "purpose": PURPOSE}),
        StatusCode::CREATED,
    )
    .await
}

/// Every name, e-mail address and IBAN the demo holds, read as programme staff.
async fn direct_identifiers(app: &TestApp) -> Vec<String> {
    let admin = app.login_as(ADMIN).await;
    let mut found = vec![
        "NL91ABNA0417164300".to_owned(),
        "NL20INGB0001234567".to_owned(),
    ];
    let organisations: Page<Organisation> = app
        .get_json("/api/v1/organisations?limit=100", &admin)
        .await;
    for organisation in &organisations.items {
        found.push(organisation.name.clone());
        let members: Page<Member> = app
            .get_json(
                &format!(
                    "/api/v1/organisations/{}/members?limit=100",
                    organisation.id
                ),
                &admin,
            )
            .await;
        for member in members.items {
            found.push(member.name);
            found.push(member.email);
        }
    }
    let ambassadors: Page<Value> = app.get_json("/api/v1/ambassadors?limit=100", &admin).await;
    for ambassador in &ambassadors.items {
        found.push(ambassador["name"].as_str().unwrap().to_owned());
        found.push(ambassador["email"].as_str().unwrap().to_owned());
        let profile = app
            .get(
                &format!(
                    "/api/v1/ambassadors/{}/allowance-profile",
                    ambassador["id"].as_str().unwrap()
                ),
                &admin,
            )
            .await;
        if profile.status() == StatusCode::OK {
            let profile: Value = profile.json().await.unwrap();
            if let Some(iban) = profile["iban"].as_str() {
                found.push(iban.to_owned());
            }
            if let Some(holder) = profile["account_holder"].as_str() {
                found.push(holder.to_owned());
            }
        }
    }
    // Teachers named on placements.
    let placements: Page<Value> = app.get_json("/api/v1/placements?limit=100", &admin).await;
    for placement in &placements.items {
        if let Some(teacher) = placement["teacher"].as_str().filter(|t| !t.is_empty()) {
            found.push(teacher.to_owned());
        }
    }
    found.sort();
    found.dedup();
    found
}

on_both_backends! {
    async fn a_research_partner_gets_the_year_without_a_name_an_address_or_an_iban_and_k_is_5(db) {
        let app = spawn_app(&db).await;
        let token = app.research_token().await;
        let export = take(&app, &token).await;
        assert_eq!(export.k, 5);
        assert!(!export.stable_pseudonyms);
        assert!(!export.placements.is_empty() && !export.matches.is_empty() && !export.hours.is_empty());
        assert!(!export.lesson_series.is_empty() && !export.training_attendance.is_empty());
        assert!(export.lesson_series.iter().all(|s| !s.objectives.is_empty()));
        assert!(export.hours.iter().all(|h| h.month.len() == 7 && h.minutes > 0));

        // The same person has one pseudonym across the datasets of an export.
        for hours in &export.hours {
            assert!(export.ambassadors.iter().any(|a| a.ambassador == hours.ambassador), "{hours:?}");
        }
        for m in &export.matches {
            assert!(export.placements.iter().any(|p| p.placement == m.placement));
        }

        // No direct identifier anywhere: not in the JSON, not in any CSV.
        let identifiers = direct_identifiers(&app).await;
        assert!(identifiers.len() > 20, "{identifiers:?}");
        let json = app.get(&format!("/api/v1/research/exports/{}", export.id), &token).await.text().await.unwrap();
        let mut files = vec![("json".to_owned(), json)];
        for dataset in ResearchDataset::ALL {
            let response = app.get(&format!("/api/v1/research/exports/{}/{}.csv", export.id, dataset.as_str()), &token).await;
            assert_eq!(response.status(), StatusCode::OK, "{dataset:?}");
            assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
            files.push((dataset.as_str().to_owned(), response.text().await.unwrap()));
        }
        for (name, text) in &files {
            let lower = text.to_lowercase();
            for identifier in &identifiers {
                assert!(!lower.contains(&identifier.to_lowercase()), "{name} holds {identifier}");
            }
            // Nor an exact date: months only (the export's own time aside).
            if name != "json" {
                assert!(!regex_like_date(text), "{name} holds a day");
            }
        }

        // k = 5 on every place column.
        assert!(is_k_anonymous(export.ambassadors.iter().map(|a| a.place.as_str())));
        assert!(is_k_anonymous(export.placements.iter().map(|p| p.place.as_str())));

        // The CSV holds the JSON's rows, cell by cell.
        let placements_csv = &files.iter().find(|(n, _)| n == "placements").unwrap().1;
        let mut reader = csv::Reader::from_reader(placements_csv.as_bytes());
        let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        assert_eq!(headers[..3], ["placement", "school", "school_type"]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), export.placements.len());
        for (row, placement) in rows.iter().zip(&export.placements) {
            assert_eq!(&row[0], placement.placement);
            assert_eq!(&row[4], placement.place);
            assert_eq!(row[9].parse::<u32>().unwrap(), placement.capacity);
        }
        let matches_csv = &files.iter().find(|(n, _)| n == "matches").unwrap().1;
        assert!(matches_csv.starts_with("match,placement,ambassador,status,outcome,proposed_month\r\n"), "{matches_csv}");

        // Another export: other pseudonyms for the same people.
        let second = take(&app, &token).await;
        assert_eq!(second.placements.len(), export.placements.len());
        assert_ne!(second.placements[0].placement, export.placements[0].placement);

        // Each export is in the audit log with its purpose.
        let admin = app.login_as(ADMIN).await;
        let audit: Value = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        let entries: Vec<&Value> = audit["items"].as_array().unwrap().iter().filter(|e| e["action"] == "research.export").collect();
        assert_eq!(entries.len(), 2, "{audit}");
        assert!(entries.iter().all(|e| e["actor_kind"] == "client" && e["reason"].as_str().unwrap().contains(PURPOSE)), "{entries:?}");
    }

    async fn with_the_programmes_key_pseudonyms_hold_across_exports(db) {
        let key = "a-key-the-programme-keeps-for-its-research-partners";
        let app = spawn_app_with(&db, &[("KLASBRUG_RESEARCH_KEY", key)]).await;
        let token = app.research_token().await;
        let (first, second) = (take(&app, &token).await, take(&app, &token).await);
        assert!(first.stable_pseudonyms);
        assert_eq!(first.placements[0].placement, second.placements[0].placement);
        assert_ne!(first.id, second.id);
    }

    async fn only_a_research_client_takes_exports_and_only_its_own(db) {
        let app = spawn_app(&db).await;
        let body = json!({"school_year": "2026-2027", "purpose": PURPOSE});
        let partner = app.partner_token().await;
        assert_problem(app.call(Method::POST, "/api/v1/research/exports", &partner, Some(&body)).await, StatusCode::FORBIDDEN, "forbidden").await;
        for person in [ADMIN, DIRECTOR, AMBASSADOR] {
            let token = app.login_as(person).await;
            assert_problem(app.call(Method::POST, "/api/v1/research/exports", &token, Some(&body)).await, StatusCode::FORBIDDEN, "forbidden").await;
        }
        let token = app.research_token().await;
        // The research client reads nothing else.
        assert_problem(app.get("/api/v1/placements", &token).await, StatusCode::FORBIDDEN, "forbidden").await;
        let anonymous = app.client.post(app.url("/api/v1/research/exports")).json(&body).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        let vague = app.call(Method::POST, "/api/v1/research/exports", &token, Some(&json!({"school_year": "2026-2027", "purpose": "ja"}))).await;
        assert_problem(vague, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let missing = app.call(Method::POST, "/api/v1/research/exports", &token, Some(&json!({"school_year": "2026-2027"}))).await;
        assert_problem(missing, StatusCode::BAD_REQUEST, "malformed_json").await;
        let export = take(&app, &token).await;
        // Another client does not see it, not even that it exists.
        let path = format!("/api/v1/research/exports/{}", export.id);
        assert_problem(app.get(&path, &partner).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.get(&format!("/api/v1/research/exports/{}", uuid::Uuid::now_v7()), &token).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.get(&format!("{path}/namen.csv"), &token).await, StatusCode::NOT_FOUND, "not_found").await;
        // Nothing was audited for the refusals.
        let admin = app.login_as(ADMIN).await;
        let audit: Value = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        let exports = audit["items"].as_array().unwrap().iter().filter(|e| e["action"] == "research.export").count();
        assert_eq!(exports, 1);
    }
}

/// Whether `text` holds a date to the day, `YYYY-MM-DD`.
fn regex_like_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(10).any(|w| {
        w[..4].iter().all(u8::is_ascii_digit)
            && w[4] == b'-'
            && w[5..7].iter().all(u8::is_ascii_digit)
            && w[7] == b'-'
            && w[8..10].iter().all(u8::is_ascii_digit)
    })
}

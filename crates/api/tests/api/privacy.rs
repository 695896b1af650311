//! What the privacy officer reads: the register of processing (AVG art. 30) with this server's
//! periods, and the log of who read VOG records, IBANs, intake documents and concerns.

use domain::Scope;
use domain::contract::{
    Me, Page, PersonCategory, PrivacyRegister, RecipientKind, SensitiveRead, SensitiveReadKind,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::{Backend, on_both_backends};
use uuid::Uuid;

use crate::helpers::*;

const FENNA: &str = "fenna@ambassadeur.example";
const LOTTE: &str = "lotte@ambassadeur.example";
const LOG: &str = "/api/v1/privacy/sensitive-reads";

async fn ambassador_id(app: &TestApp, admin: &str, name: &str) -> Uuid {
    let list: Page<Value> = app.get_json("/api/v1/ambassadors?limit=100", admin).await;
    let found = list
        .items
        .iter()
        .find(|a| a["name"] == name)
        .expect("a demo ambassador");
    Uuid::parse_str(found["id"].as_str().unwrap()).unwrap()
}

async fn user_id(app: &TestApp, token: &str) -> Uuid {
    app.get_json::<Me>("/api/v1/me", token).await.id
}

/// Every entry of the log, newest first, read page by page.
async fn whole_log(app: &TestApp, admin: &str, query: &str) -> Vec<SensitiveRead> {
    let mut all = Vec::new();
    let mut after = String::new();
    loop {
        let page: Page<SensitiveRead> = app
            .get_json(&format!("{LOG}?limit=2{query}{after}"), admin)
            .await;
        all.extend(page.items);
        match page.next {
            Some(next) => after = format!("&after={next}"),
            None => return all,
        }
    }
}

on_both_backends! {
    async fn only_programme_staff_read_the_register_and_the_log_of_sensitive_reads(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let paths = ["/api/v1/privacy/register", "/api/v1/privacy/register.html", LOG];
        for path in paths {
            assert_eq!(app.get(path, &admin).await.status(), StatusCode::OK, "{path}");
            let anonymous = app.client.get(app.url(path)).send().await.unwrap();
            assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED, "{path}");
        }
        // Directors of either school, a coordinator, ambassadors, an employer's contact and a
        // partner client: none of them, whatever their tenant.
        let mut others = Vec::new();
        for who in [DIRECTOR, OTHER_DIRECTOR, COORDINATOR, AMBASSADOR, FENNA, EMPLOYER_CONTACT] {
            others.push(app.login_as(who).await);
        }
        others.push(app.partner_token().await);
        for token in &others {
            for path in paths {
                assert_problem(app.get(path, token).await, StatusCode::FORBIDDEN, "forbidden").await;
            }
        }
    }

    async fn the_register_names_every_category_of_people_and_the_servers_own_periods(db) {
        let app = spawn_app_with(&db, &[
            ("KLASBRUG_RETENTION_PERSONAL_DAYS", "400"),
            ("KLASBRUG_RETENTION_PAYMENT_YEARS", "10"),
            ("KLASBRUG_DOCUMENT_RETENTION_DAYS", "21"),
        ]).await;
        let admin = app.login_as(ADMIN).await;
        let register: PrivacyRegister = app.get_json("/api/v1/privacy/register", &admin).await;
        assert_eq!((register.retention.personal_days, register.retention.payment_years, register.retention.document_days), (400, 10, 21));
        assert_eq!(register.generated_at.date_naive().to_string(), testkit::TODAY, "the application's clock");
        let retention: Vec<&str> = register.activities.iter().map(|a| a.retention.as_str()).collect();
        assert!(retention.iter().any(|r| r.starts_with("400 dagen")), "{retention:?}");
        assert!(retention.iter().any(|r| r.starts_with("10 jaar")), "{retention:?}");
        assert!(retention.iter().any(|r| r.starts_with("21 dagen")), "{retention:?}");
        assert!(!retention.iter().any(|r| r.contains("730")), "the defaults are not what this server runs with");

        for category in PersonCategory::ALL {
            assert!(register.people.iter().any(|p| p.category == *category && !p.name.is_empty()), "{category}");
            assert!(register.activities.iter().any(|a| a.people.contains(category)), "no activity for {category}");
        }
        for activity in &register.activities {
            assert!(!activity.purpose.is_empty() && !activity.data.is_empty() && activity.legal_basis_article.contains("art. 6"), "{activity:?}");
        }
        let tables: Vec<&str> = register.activities.iter().flat_map(|a| a.data.iter().map(|d| d.table.as_str())).collect();
        for table in ["ambassadors", "vog_records", "allowance_profiles", "ambassador_documents", "concerns", "users", "sensitive_reads"] {
            assert!(tables.contains(&table), "{table} missing");
        }
        for scope in Scope::ALL {
            assert!(register.recipients.iter().any(|r| r.kind == RecipientKind::Partner && r.scope.as_deref() == Some(scope.as_str())), "{scope}");
        }
        let employer = register.recipients.iter().find(|r| r.kind == RecipientKind::Employer).expect("employers");
        assert!(employer.receives.contains("gesponsorde uren"), "{employer:?}");
        let database = match db.backend { Backend::Sqlite => "SQLite", Backend::Postgres => "PostgreSQL" };
        assert_eq!(register.storage.database, database);
        assert!(register.storage.description.contains(database));
        assert!(register.storage.email.contains("geen SMTP-server"), "{:?}", register.storage);

        // The download: a Dutch HTML document with the same periods, names of people escaped.
        let html = app.get("/api/v1/privacy/register.html", &admin).await;
        assert_eq!(html.status(), StatusCode::OK);
        assert_eq!(html.headers()["content-type"], "text/html; charset=utf-8");
        let disposition = html.headers()["content-disposition"].to_str().unwrap().to_owned();
        assert_eq!(disposition, format!("attachment; filename=\"verwerkingsregister-{}.html\"", testkit::TODAY));
        let html = html.text().await.unwrap();
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"nl\">"));
        assert!(html.contains("Register van verwerkingsactiviteiten"));
        assert!(html.contains("400 dagen") && html.contains("10 jaar"), "the server's periods");
        for person in &register.people {
            assert!(html.contains(&person.name), "{}", person.name);
        }
        assert!(html.contains("sensitive_reads") && html.contains("ambassadors:write"));
    }

    async fn each_kind_of_sensitive_read_leaves_one_entry_naming_reader_and_person(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let fenna_token = app.login_as(FENNA).await;
        let admin_me: Me = app.get_json("/api/v1/me", &admin).await;
        let admin_id = admin_me.id;
        let director_id = user_id(&app, &director).await;
        let fenna_user = user_id(&app, &fenna_token).await;
        let fenna = ambassador_id(&app, &admin, "Fenna Dijkstra").await;
        let joris = ambassador_id(&app, &admin, "Joris Vermeer").await;
        assert!(whole_log(&app, &admin, "").await.is_empty(), "nothing read yet");

        let expect_one = |log: Vec<SensitiveRead>, kind: SensitiveReadKind, actor: Uuid, person: Uuid, resource_type: &str| {
            assert_eq!(log.len(), 1, "{kind}: {log:?}");
            let read = &log[0];
            assert_eq!((read.kind, read.actor_id, read.person_id, read.resource_type.as_str()), (kind, actor, person, resource_type), "{read:?}");
            assert_eq!(read.at.date_naive().to_string(), testkit::TODAY, "the application's clock");
            read.clone()
        };

        // VOG records, with the intake.
        let intake: Value = app.get_json(&format!("/api/v1/ambassadors/{fenna}/intake"), &admin).await;
        assert!(!intake["vogs"].as_array().unwrap().is_empty());
        let read = expect_one(whole_log(&app, &admin, "&kind=vog_records").await, SensitiveReadKind::VogRecords, admin_id, fenna, "intake");
        assert_eq!((read.actor_kind.as_str(), read.actor_name.as_deref(), read.person_name.as_deref()), ("user", Some(admin_me.name.as_str()), Some("Fenna Dijkstra")), "{read:?}");

        // Her IBAN, read by herself.
        let profile: Value = app.get_json(&format!("/api/v1/ambassadors/{fenna}/allowance-profile"), &fenna_token).await;
        assert!(profile["iban"].is_string());
        expect_one(whole_log(&app, &admin, "&kind=iban").await, SensitiveReadKind::Iban, fenna_user, fenna, "allowance_profile");

        // An intake document.
        let cv = app.get(&format!("/api/v1/ambassadors/{joris}/documents/cv"), &admin).await;
        assert_eq!(cv.status(), StatusCode::OK);
        expect_one(whole_log(&app, &admin, "&kind=document").await, SensitiveReadKind::Document, admin_id, joris, "cv");

        // A concern, reported and then read by the school's director: one entry per concern shown.
        let matches: Page<Value> = app.get_json(&format!("/api/v1/matches?ambassador_id={fenna}&status=active"), &admin).await;
        let match_id = matches.items[0]["id"].as_str().unwrap().to_owned();
        let concerns_path = format!("/api/v1/matches/{match_id}/concerns");
        let reported: Value = app.post_ok(&concerns_path, &director, &json!({"text": "Komt de laatste weken te laat."}), StatusCode::CREATED).await;
        assert!(whole_log(&app, &admin, "&kind=concern").await.is_empty(), "writing is no read");
        let _: Vec<Value> = app.get_json(&concerns_path, &director).await;
        let read = expect_one(whole_log(&app, &admin, "&kind=concern").await, SensitiveReadKind::Concern, director_id, fenna, "concern");
        assert_eq!(read.resource_id.to_string(), reported["id"].as_str().unwrap());

        // A full export, by herself.
        assert_eq!(app.get(&format!("/api/v1/ambassadors/{fenna}/export"), &fenna_token).await.status(), StatusCode::OK);
        expect_one(whole_log(&app, &admin, "&kind=export").await, SensitiveReadKind::Export, fenna_user, fenna, "export");

        // A payout file's IBANs: one entry per person paid in it, through the file.
        let caps = json!({"year": 2026, "hourly_21_plus": 560, "hourly_under_21": 330, "monthly": 21000, "yearly": 210000});
        let _: Value = app.post_ok("/api/v1/allowance-caps", &admin, &caps, StatusCode::CREATED).await;
        let october: Value = app.post_ok("/api/v1/statements", &admin, &json!({"month": "2026-10"}), StatusCode::OK).await;
        let line = october["lines"][0]["id"].as_str().unwrap().to_owned();
        let _: Value = app.post_ok(&format!("/api/v1/statement-lines/{line}/transitions"), &admin, &json!({"action": "approve"}), StatusCode::OK).await;
        let file: Value = app.post_ok("/api/v1/statements/2026-10/payout-files", &admin, &json!({}), StatusCode::CREATED).await;
        assert_eq!(whole_log(&app, &admin, "&kind=iban").await.len(), 1, "making the file shows no IBAN");
        let csv = app.get(&format!("/api/v1/statements/2026-10/payout-files/{}/payout.csv", file["id"].as_str().unwrap()), &admin).await;
        assert_eq!(csv.status(), StatusCode::OK);
        let ibans = whole_log(&app, &admin, "&kind=iban").await;
        assert_eq!(ibans.len(), 2, "{ibans:?}");
        assert_eq!((ibans[0].actor_id, ibans[0].person_id, ibans[0].resource_type.as_str()), (admin_id, fenna, "payout_file"));
        assert_eq!(ibans[0].resource_id.to_string(), file["id"].as_str().unwrap());

        // Six reads in all, newest first; by person; reading the log logs nothing.
        let all = whole_log(&app, &admin, "").await;
        assert_eq!(all.iter().map(|r| r.kind).collect::<Vec<_>>(), [
            SensitiveReadKind::Iban, SensitiveReadKind::Export, SensitiveReadKind::Concern,
            SensitiveReadKind::Document, SensitiveReadKind::Iban, SensitiveReadKind::VogRecords,
        ]);
        assert_eq!(whole_log(&app, &admin, "").await, all, "reading the log is not a sensitive read");
        let joris_reads = whole_log(&app, &admin, &format!("&person_id={joris}")).await;
        assert_eq!(joris_reads.iter().map(|r| r.kind).collect::<Vec<_>>(), [SensitiveReadKind::Document]);
        assert_eq!(whole_log(&app, &admin, &format!("&person_id={fenna}&kind=iban")).await.len(), 2);
        assert_eq!(app.get(&format!("{LOG}?kind=bsn"), &admin).await.status(), StatusCode::BAD_REQUEST);
        assert_problem(app.get(&format!("{LOG}?limit=0"), &admin).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
    }

    async fn a_refused_or_missing_read_logs_nothing(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let fenna = ambassador_id(&app, &admin, "Fenna Dijkstra").await;
        let joris = ambassador_id(&app, &admin, "Joris Vermeer").await;
        let director = app.login_as(DIRECTOR).await;
        let matches: Page<Value> = app.get_json(&format!("/api/v1/matches?ambassador_id={fenna}&status=active"), &admin).await;
        let concerns_path = format!("/api/v1/matches/{}/concerns", matches.items[0]["id"].as_str().unwrap());
        let _: Value = app.post_ok(&concerns_path, &director, &json!({"text": "Een zorg."}), StatusCode::CREATED).await;

        let lotte = app.login_as(LOTTE).await;
        let other_director = app.login_as(OTHER_DIRECTOR).await;
        let employer = app.login_as(EMPLOYER_CONTACT).await;
        let partner = app.partner_token().await;
        let refused = [
            (format!("/api/v1/ambassadors/{fenna}/intake"), &lotte),
            (format!("/api/v1/ambassadors/{fenna}/intake"), &partner),
            (format!("/api/v1/ambassadors/{fenna}/allowance-profile"), &lotte),
            (format!("/api/v1/ambassadors/{fenna}/allowance-profile"), &director),
            (format!("/api/v1/ambassadors/{fenna}/export"), &employer),
            (format!("/api/v1/ambassadors/{joris}/documents/cv"), &lotte),
            (format!("/api/v1/ambassadors/{joris}/documents/cv"), &partner),
            (concerns_path.clone(), &other_director),
            (concerns_path.clone(), &lotte),
            // Found nothing: no document of that kind, no such payout file.
            (format!("/api/v1/ambassadors/{fenna}/documents/cv"), &admin),
            (format!("/api/v1/statements/2026-10/payout-files/{}/payout.csv", Uuid::nil()), &admin),
        ];
        for (path, token) in refused {
            let status = app.get(&path, token).await.status();
            assert!(status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN, "{path}: {status}");
            assert!(whole_log(&app, &admin, "").await.is_empty(), "{path} left an entry");
        }
        assert_problem(app.get("/api/v1/concerns", &lotte).await, StatusCode::FORBIDDEN, "forbidden").await;
        // The payout download refused for lack of anything to pay shows no IBAN either.
        assert_problem(app.call(Method::GET, "/api/v1/statements/2026-10/payout.csv", &admin, None).await, StatusCode::CONFLICT, "nothing_to_pay").await;
        assert!(whole_log(&app, &admin, "").await.is_empty());
    }
}

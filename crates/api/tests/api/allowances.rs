//! The volunteer allowance: caps per year, a volunteer's details, declared allowances, the
//! monthly statement with its cap checks, and the payout files.

use domain::allowance::LineStatus;
use domain::contract::{AllowanceYear, HourMonth, Page, Statement, StatementLineItem};
use domain::hours::HourStatus;
use domain::money::Cents;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;
use uuid::Uuid;

use crate::helpers::*;

const FENNA: &str = "fenna@ambassadeur.example";

async fn ambassador_id(app: &TestApp, admin: &str, name: &str) -> Uuid {
    let list: Page<Value> = app.get_json("/api/v1/ambassadors?limit=100", admin).await;
    let found = list
        .items
        .iter()
        .find(|a| a["name"] == name)
        .expect("a demo ambassador");
    Uuid::parse_str(found["id"].as_str().unwrap()).unwrap()
}

async fn statement(app: &TestApp, admin: &str, month: &str) -> reqwest::Response {
    app.call(
        Method::POST,
        "/api/v1/statements",
        admin,
        Some(&json!({"month": month})),
    )
    .await
}

on_both_backends! {
    async fn a_months_allowance_is_checked_against_the_caps_approved_and_paid(db) {
        let app = spawn_app_with(&db, &[("RUST_LOG", "warn,klasbrug::mail=info")]).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let fenna_token = app.login_as(FENNA).await;
        let fenna = ambassador_id(&app, &admin, "Fenna Dijkstra").await;
        let noah = ambassador_id(&app, &admin, "Noah Verbeek").await;

        // 2026's caps are not known yet: the statement says which year is missing.
        let missing = assert_problem(statement(&app, &admin, "2026-10").await, StatusCode::CONFLICT, "caps_missing").await;
        assert!(missing.detail.contains("2026"), "{missing:?}");
        let caps = json!({"year": 2026, "hourly_21_plus": 560, "hourly_under_21": 330, "monthly": 21000, "yearly": 210000});
        assert_problem(app.call(Method::POST, "/api/v1/allowance-caps", &director, Some(&caps)).await, StatusCode::FORBIDDEN, "forbidden").await;
        let mut bad = caps.clone();
        bad["monthly"] = json!(300000);
        assert_problem(app.call(Method::POST, "/api/v1/allowance-caps", &admin, Some(&bad)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let _: Value = app.post_ok("/api/v1/allowance-caps", &admin, &caps, StatusCode::CREATED).await;
        assert_problem(app.call(Method::POST, "/api/v1/allowance-caps", &admin, Some(&caps)).await, StatusCode::CONFLICT, "conflict").await;
        let known: Vec<Value> = app.get_json("/api/v1/allowance-caps", &fenna_token).await;
        assert_eq!(known.iter().map(|c| c["year"].as_i64().unwrap()).collect::<Vec<_>>(), [2024, 2025, 2026]);

        // Her details: the demo has them; she replaces them with a checked IBAN. Without details
        // she would wait (the domain's unit tests and the statement's `waiting` list cover it).
        // Her details: a checked IBAN; a sponsored ambassador gets no bank account on record.
        let profile_path = format!("/api/v1/ambassadors/{fenna}/allowance-profile");
        let details = json!({"age_category": "twenty_one_or_older", "iban": "NL91 ABNA 0417 1643 00", "account_holder": "F. Dijkstra"});
        let mut wrong = details.clone();
        wrong["iban"] = json!("NL91ABNA0417164301");
        assert_eq!(app.call(Method::PUT, &profile_path, &fenna_token, Some(&wrong)).await.status(), StatusCode::BAD_REQUEST);
        // A checksum that holds is not enough: no country ZZ has IBANs, and Brazil's are outside
        // SEPA, by which allowances are paid.
        for (iban, says) in [("ZZ92ABCD1234567890", "not the country code of any IBAN"), ("BR1800360305000010009795493C1", "not a SEPA country")] {
            wrong["iban"] = json!(iban);
            let refused = assert_problem(app.call(Method::PUT, &profile_path, &fenna_token, Some(&wrong)).await, StatusCode::BAD_REQUEST, "malformed_json").await;
            assert!(refused.detail.contains(says), "{}", refused.detail);
            assert!(!refused.detail.contains(iban), "the IBAN itself stays out of messages");
        }
        let lotte = app.login_as("lotte@ambassadeur.example").await;
        assert_problem(app.call(Method::PUT, &profile_path, &lotte, Some(&details)).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.call(Method::PUT, &profile_path, &director, Some(&details)).await, StatusCode::NOT_FOUND, "not_found").await;
        let saved = app.call(Method::PUT, &profile_path, &fenna_token, Some(&details)).await;
        assert_eq!(saved.status(), StatusCode::OK);
        let saved: Value = saved.json().await.unwrap();
        assert_eq!(saved["iban"], "NL91ABNA0417164300");
        let sponsored = app.call(Method::PUT, &format!("/api/v1/ambassadors/{noah}/allowance-profile"), &admin, Some(&details)).await;
        assert_problem(sponsored, StatusCode::CONFLICT, "not_a_volunteer").await;

        // EUR 50.01 from elsewhere in October: with the programme's EUR 160 that is one cent over
        // the monthly cap of EUR 210.
        let declared_path = format!("/api/v1/ambassadors/{fenna}/declared-allowances");
        let bad_declaration = app.call(Method::POST, &declared_path, &fenna_token, Some(&json!({"month": "2026-10", "amount": 0, "source": "Sportclub"}))).await;
        assert_problem(bad_declaration, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let _: Value = app.post_ok(&declared_path, &fenna_token, &json!({"month": "2026-10", "amount": 5001, "source": "Sportclub De Zwaluw"}), StatusCode::CREATED).await;

        let october: Statement = app.post_ok("/api/v1/statements", &admin, &json!({"month": "2026-10"}), StatusCode::OK).await;
        assert!(october.waiting.is_empty());
        let item = &october.lines[0];
        assert_eq!((item.ambassador_name.as_str(), item.line.amount(), item.line.volunteered_minutes()), ("Fenna Dijkstra", Cents(16000), 1020));
        assert_eq!(item.line.flags().len(), 1, "{:?}", item.line.flags());
        assert!(item.has_iban);
        let line_path = format!("/api/v1/statement-lines/{}", item.id);
        let over = app.call(Method::POST, &format!("{line_path}/transitions"), &admin, Some(&json!({"action": "approve"}))).await;
        let problem = assert_problem(over, StatusCode::CONFLICT, "over_cap").await;
        assert!(problem.detail.contains("210"), "{problem:?}");
        // Drawing up again adds nothing (one line per volunteer and month) but refreshes the
        // draft: another EUR 10 declared from elsewhere now counts in the monthly total.
        let _: Value = app.post_ok(&declared_path, &fenna_token, &json!({"month": "2026-10", "amount": 1000, "source": "Buurthuis"}), StatusCode::CREATED).await;
        let again: Statement = app.post_ok("/api/v1/statements", &admin, &json!({"month": "2026-10"}), StatusCode::OK).await;
        assert_eq!(again.lines.len(), 1);
        assert_eq!(again.lines[0].id, item.id);
        let monthly = again.lines[0].line.checks().iter().find(|c| c.kind == domain::allowance::CapKind::Monthly).unwrap();
        assert_eq!(monthly.total, Cents(16000 + 5001 + 1000));

        // The admin adjusts to exactly the cap (EUR 149,99 + 50,01 + 10,00), with a reason, and approves.
        let no_reason = app.call(Method::POST, &format!("{line_path}/adjustments"), &admin, Some(&json!({"amount": 14999, "reason": " "}))).await;
        assert_problem(no_reason, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let adjusted: StatementLineItem = app.post_ok(&format!("{line_path}/adjustments"), &admin, &json!({"amount": 14999, "reason": "Binnen het maandmaximum met de vergoedingen van elders"}), StatusCode::OK).await;
        assert!(adjusted.line.flags().is_empty());
        let approved: StatementLineItem = app.post_ok(&format!("{line_path}/transitions"), &admin, &json!({"action": "approve"}), StatusCode::OK).await;
        assert_eq!(approved.line.status(), LineStatus::Approved);

        // A payout file holds the approved line. For people (the default): as a Dutch Excel
        // opens it. For programs: RFC 4180. The old download still makes the file.
        let csv = app.get("/api/v1/statements/2026-10/payout.csv", &admin).await;
        assert_eq!(csv.status(), StatusCode::OK);
        let bytes = csv.bytes().await.unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte order mark");
        let csv = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(csv.starts_with("Naam;IBAN;Bedrag;Omschrijving\r\n"), "{csv}");
        assert!(csv.contains(";NL91ABNA0417164300;149,99;"), "{csv}");
        let files: Vec<Value> = app.get_json("/api/v1/statements/2026-10/payout-files", &admin).await;
        assert_eq!(files.len(), 1, "{files:?}");
        let file_path = format!("/api/v1/statements/2026-10/payout-files/{}", files[0]["id"].as_str().unwrap());
        let csv = app.get(&format!("{file_path}/payout.csv?dialect=rfc4180"), &admin).await.text().await.unwrap();
        assert!(csv.starts_with("name,iban,amount,description\r\n") && csv.contains(",NL91ABNA0417164300,149.99,"), "{csv}");
        assert_problem(app.get("/api/v1/statements/2026-10/payout.csv?dialect=excel", &admin).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        assert_problem(app.get(&format!("{file_path}/payout.csv?dialect=excel"), &admin).await, StatusCode::BAD_REQUEST, "invalid_query").await;
        // The same file for the bank: every line is in it, so the old download makes no other.
        let xml = app.get(&format!("{file_path}/payout.xml"), &admin).await;
        assert_eq!(xml.status(), StatusCode::OK);
        let xml = xml.text().await.unwrap();
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let text = |name: &str| doc.descendants().find(|n| n.has_tag_name(name)).and_then(|n| n.text()).map(str::to_owned);
        assert_eq!(text("NbOfTxs").as_deref(), Some("1"));
        assert_eq!(text("CtrlSum").as_deref(), Some("149.99"));
        assert_eq!(text("MsgId").as_deref(), files[0]["msg_id"].as_str());
        assert!(files[0]["msg_id"].as_str().unwrap().len() <= 35);
        // The default date is tomorrow, Friday 4 December 2026, a business day.
        assert_eq!(text("ReqdExctnDt").as_deref(), Some("2026-12-04"));
        assert_eq!(doc.root_element().tag_name().namespace(), Some("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"));
        let all_in_files = assert_problem(app.get("/api/v1/statements/2026-10/payout.xml", &admin).await, StatusCode::CONFLICT, "nothing_to_pay").await;
        assert!(all_in_files.detail.contains(files[0]["msg_id"].as_str().unwrap()), "{}", all_in_files.detail);
        assert_problem(app.get("/api/v1/statements/2026-10/payout.xml?execution_date=2020-01-01", &admin).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        // Banks do not pay on a Saturday (or a TARGET2 holiday): refused, naming the next day.
        let saturday = assert_problem(app.get("/api/v1/statements/2026-10/payout.xml?execution_date=2026-12-05", &admin).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert!(saturday.detail.contains("a Saturday") && saturday.detail.contains("2026-12-07"), "{}", saturday.detail);
        let christmas = assert_problem(app.call(Method::POST, "/api/v1/statements/2026-10/payout-files", &admin, Some(&json!({"execution_date": "2026-12-25"}))).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert!(christmas.detail.contains("Christmas Day") && christmas.detail.contains("2026-12-28"), "{}", christmas.detail);
        assert_problem(app.get("/api/v1/statements/2026-09/payout.csv", &admin).await, StatusCode::CONFLICT, "nothing_to_pay").await;

        // Paid: the month's hours are locked and the line never changes again.
        let paid: StatementLineItem = app.post_ok(&format!("{line_path}/transitions"), &admin, &json!({"action": "mark_paid"}), StatusCode::OK).await;
        assert_eq!(paid.line.status(), LineStatus::Paid);
        // Fenna hears it, with the amount and a link to her year.
        let mail = app.server.wait_for_log(|log| testkit::mail::mails_to(log, "fenna@ambassadeur.example").into_iter().find(|m| m.contains("is betaald"))).await;
        assert!(mail.contains("Je vrijwilligersvergoeding van oktober 2026 is betaald: EUR 149,99") && mail.contains("/mijn-vergoeding"), "{mail}");
        let school = app.get_json::<domain::contract::Me>("/api/v1/me", &director).await.memberships[0].organisation.id;
        let hours: HourMonth = app.get_json(&format!("/api/v1/schools/{school}/hour-months/2026-10"), &director).await;
        assert!(hours.entries.iter().all(|e| e.status == HourStatus::Locked), "{:?}", hours.entries);
        let locked = hours.entries[0].id;
        let reopen = app.call(Method::POST, &format!("/api/v1/hour-entries/{locked}/transitions"), &director, Some(&json!({"action": "reopen", "reason": "toch anders"}))).await;
        assert_problem(reopen, StatusCode::CONFLICT, "invalid_transition").await;
        let change = app.call(Method::POST, &format!("{line_path}/adjustments"), &admin, Some(&json!({"amount": 100, "reason": "te laat"}))).await;
        assert_problem(change, StatusCode::CONFLICT, "invalid_transition").await;

        // A mistake in a paid month is put right with a correction line, never by changing it.
        let too_much = app.call(Method::POST, &format!("{line_path}/corrections"), &admin, Some(&json!({"amount": -16000, "reason": "Dubbel geteld"}))).await;
        assert_problem(too_much, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let correction: StatementLineItem = app.post_ok(&format!("{line_path}/corrections"), &admin, &json!({"amount": -999, "reason": "Een ochtend te veel geteld"}), StatusCode::CREATED).await;
        assert_eq!((correction.line.amount(), correction.line.corrects(), correction.line.status()), (Cents(-999), Some(item.id), LineStatus::Draft));
        let not_paid = app.call(Method::POST, &format!("/api/v1/statement-lines/{}/corrections", correction.id), &admin, Some(&json!({"amount": 1, "reason": "x"}))).await;
        assert_problem(not_paid, StatusCode::CONFLICT, "invalid_transition").await;

        // The programme's amount changes from the first of a month.
        let not_first = app.call(Method::POST, "/api/v1/allowance-amounts", &admin, Some(&json!({"valid_from": "2027-01-15", "monthly": 17000}))).await;
        assert_problem(not_first, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_problem(app.call(Method::POST, "/api/v1/allowance-amounts", &director, Some(&json!({"valid_from": "2027-01-01", "monthly": 17000}))).await, StatusCode::FORBIDDEN, "forbidden").await;
        let amounts: Vec<Value> = app.post_ok("/api/v1/allowance-amounts", &admin, &json!({"valid_from": "2027-01-01", "monthly": 17000}), StatusCode::CREATED).await;
        assert_eq!(amounts.iter().map(|a| a["monthly"].as_i64().unwrap()).collect::<Vec<_>>(), [16000, 17000]);

        // Fenna sees her own year; November waits for the school.
        let year: AllowanceYear = app.get_json("/api/v1/me/allowances?year=2026", &fenna_token).await;
        assert_eq!((year.paid, year.approved, year.declared_total, year.lines.len()), (Cents(14999), Cents(0), Cents(6001), 2));
        assert_eq!(year.caps.map(|c| c.year), Some(2026));
        let november: Statement = app.post_ok("/api/v1/statements", &admin, &json!({"month": "2026-11"}), StatusCode::OK).await;
        assert!(november.lines.is_empty());
        assert!(november.waiting[0].reason.contains("3 hour entries"), "{:?}", november.waiting);

        // Only programme staff run statements; a bad month is a 422.
        let employer = app.login_as(EMPLOYER_CONTACT).await;
        let partner: domain::contract::AccessToken = app
            .client_token(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "demo-partner-secret")])
            .await
            .json()
            .await
            .unwrap();
        let partner = partner.access_token;
        let caps_for_partner: Vec<Value> = app.get_json("/api/v1/allowance-caps", &partner).await;
        assert_eq!(caps_for_partner.len(), 3, "the caps are public reference data");
        assert_problem(app.get(&format!("/api/v1/ambassadors/{fenna}/allowance-profile"), &partner).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.get(&format!("/api/v1/ambassadors/{fenna}/declared-allowances"), &employer).await, StatusCode::NOT_FOUND, "not_found").await;
        for token in [&director, &fenna_token, &employer, &partner] {
            assert_problem(statement(&app, token, "2026-10").await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.get("/api/v1/statements/2026-10", token).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.get("/api/v1/statements/2026-10/payout.csv", token).await, StatusCode::FORBIDDEN, "forbidden").await;
        }
        let problem = assert_problem(statement(&app, &admin, "oktober").await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "month");
        assert_problem(app.get("/api/v1/me/allowances", &director).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.get(&format!("/api/v1/statement-lines/{}/transitions", Uuid::now_v7()), &admin).await, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn a_payout_file_is_kept_and_each_approved_line_goes_into_exactly_one(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let caps = json!({"year": 2026, "hourly_21_plus": 560, "hourly_under_21": 330, "monthly": 21000, "yearly": 210000});
        let _: Value = app.post_ok("/api/v1/allowance-caps", &admin, &caps, StatusCode::CREATED).await;
        let fenna = ambassador_id(&app, &admin, "Fenna Dijkstra").await;
        let profile_path = format!("/api/v1/ambassadors/{fenna}/allowance-profile");
        let details = |iban: &str, holder: &str| json!({"age_category": "twenty_one_or_older", "iban": iban, "account_holder": holder});
        let put = app.call(Method::PUT, &profile_path, &admin, Some(&details("NL91ABNA0417164300", "F. Dijkstra"))).await;
        assert_eq!(put.status(), StatusCode::OK);
        let files_path = "/api/v1/statements/2026-10/payout-files";
        let nothing = assert_problem(app.call(Method::POST, files_path, &admin, Some(&json!({}))).await, StatusCode::CONFLICT, "nothing_to_pay").await;
        assert!(nothing.details.is_none(), "no files yet: {nothing:?}");

        let october: Statement = app.post_ok("/api/v1/statements", &admin, &json!({"month": "2026-10"}), StatusCode::OK).await;
        let line = october.lines[0].clone();
        assert_eq!(line.line.amount(), Cents(16000));
        let line_path = format!("/api/v1/statement-lines/{}", line.id);
        let _: StatementLineItem = app.post_ok(&format!("{line_path}/transitions"), &admin, &json!({"action": "approve"}), StatusCode::OK).await;
        // A new account entered after approval: the approved line still pays to the old one.
        let put = app.call(Method::PUT, &profile_path, &admin, Some(&details("NL20INGB0001234567", "F. de Wit"))).await;
        assert_eq!(put.status(), StatusCode::OK);

        // Several people make a file at once: the line goes into one of them only.
        let bodies: Vec<Value> = (0..6).map(|n| if n % 2 == 0 { json!({}) } else { json!({"execution_date": "2026-12-07"}) }).collect();
        let responses = futures_util::future::join_all(bodies.iter().map(|body| app.call(Method::POST, files_path, &admin, Some(body)))).await;
        let mut answers = Vec::new();
        for response in responses {
            answers.push((response.status(), response.text().await.unwrap()));
        }
        answers.sort();
        let statuses: Vec<StatusCode> = answers.iter().map(|a| a.0).collect();
        assert_eq!(statuses, [vec![StatusCode::CREATED], vec![StatusCode::CONFLICT; 5]].concat(), "{answers:?}");
        let first: Value = serde_json::from_str(&answers[0].1).unwrap();
        let refused: Value = serde_json::from_str(&answers[1].1).unwrap();
        assert_eq!(refused["code"], "nothing_to_pay");
        assert_eq!(refused["details"]["payout_files"][0]["id"], first["id"], "the refusal names the file: {refused}");
        assert_eq!((first["line_count"].as_i64(), first["total"].as_i64(), first["has_sepa"].as_bool()), (Some(1), Some(16000), Some(true)));
        let msg_id = first["msg_id"].as_str().unwrap().to_owned();
        assert!(msg_id.starts_with("KB-") && msg_id.len() <= 35, "{msg_id}");
        let listed: Vec<Value> = app.get_json(files_path, &admin).await;
        assert_eq!(listed, vec![first.clone()]);
        let statement: Statement = app.get_json("/api/v1/statements/2026-10", &admin).await;
        assert_eq!(statement.lines[0].payout_file_id.map(|id| id.to_string()).as_deref(), first["id"].as_str());

        // The bank's reading of the file: one transfer, to the IBAN and name as at approval.
        let file_path = format!("{files_path}/{}", first["id"].as_str().unwrap());
        let xml = app.get(&format!("{file_path}/payout.xml"), &admin).await;
        assert_eq!(xml.status(), StatusCode::OK);
        assert!(xml.headers()["content-disposition"].to_str().unwrap().contains(&msg_id));
        let xml = xml.bytes().await.unwrap();
        let transfers = |xml: &[u8]| -> Vec<(String, String, String, String)> {
            let text = std::str::from_utf8(xml).unwrap();
            let doc = roxmltree::Document::parse(text).expect("well-formed XML");
            let child_text = |node: roxmltree::Node, path: &[&str]| {
                let mut node = node;
                for name in path {
                    node = node.children().find(|n| n.has_tag_name(*name)).unwrap_or_else(|| panic!("{name} in {text}"));
                }
                node.text().unwrap_or_default().to_owned()
            };
            let msg = doc.descendants().find(|n| n.has_tag_name("GrpHdr")).map(|h| child_text(h, &["MsgId"])).unwrap();
            doc.descendants()
                .filter(|n| n.has_tag_name("CdtTrfTxInf"))
                .map(|tx| (msg.clone(), child_text(tx, &["Cdtr", "Nm"]), child_text(tx, &["CdtrAcct", "Id", "IBAN"]), child_text(tx, &["Amt", "InstdAmt"])))
                .collect()
        };
        assert_eq!(transfers(&xml), vec![(msg_id.clone(), "F. Dijkstra".to_owned(), "NL91ABNA0417164300".to_owned(), "160.00".to_owned())]);
        let csv = app.get(&format!("{file_path}/payout.csv"), &admin).await.bytes().await.unwrap();
        assert!(std::str::from_utf8(&csv).unwrap().contains("F. Dijkstra;NL91ABNA0417164300;160,00;"), "{csv:?}");

        // In a file, the line is no longer taken back to draft: the file may be at the bank.
        let reopen = app.call(Method::POST, &format!("{line_path}/transitions"), &admin, Some(&json!({"action": "reopen", "reason": "Toch anders"}))).await;
        let reopen = assert_problem(reopen, StatusCode::CONFLICT, "invalid_transition").await;
        assert!(reopen.detail.contains(&msg_id), "{}", reopen.detail);

        // Paid: the office downloads the file it paid with again, byte for byte.
        let _: StatementLineItem = app.post_ok(&format!("{line_path}/transitions"), &admin, &json!({"action": "mark_paid"}), StatusCode::OK).await;
        let again = app.get(&format!("{file_path}/payout.xml"), &admin).await.bytes().await.unwrap();
        assert_eq!(again, xml);
        let again = app.get(&format!("{file_path}/payout.csv"), &admin).await.bytes().await.unwrap();
        assert_eq!(again, csv);
        let all_paid = assert_problem(app.call(Method::POST, files_path, &admin, Some(&json!({}))).await, StatusCode::CONFLICT, "nothing_to_pay").await;
        assert_eq!(all_paid.details.unwrap().payout_files.len(), 1);

        // A line approved afterwards (a correction paying more) goes into a new file of its own,
        // to the account on record at its approval.
        let more: StatementLineItem = app.post_ok(&format!("{line_path}/corrections"), &admin, &json!({"amount": 500, "reason": "Een middag vergeten"}), StatusCode::CREATED).await;
        let _: StatementLineItem = app.post_ok(&format!("/api/v1/statement-lines/{}/transitions", more.id), &admin, &json!({"action": "approve"}), StatusCode::OK).await;
        let second: Value = app.post_ok(files_path, &admin, &json!({"execution_date": "2026-12-07"}), StatusCode::CREATED).await;
        assert_eq!((second["line_count"].as_i64(), second["total"].as_i64(), second["execution_date"].as_str()), (Some(1), Some(500), Some("2026-12-07")));
        assert_ne!(second["msg_id"], first["msg_id"]);
        let second_xml = app.get(&format!("{files_path}/{}/payout.xml", second["id"].as_str().unwrap()), &admin).await.bytes().await.unwrap();
        let second_transfers = transfers(&second_xml);
        assert_eq!(second_transfers.len(), 1);
        assert_eq!((second_transfers[0].2.as_str(), second_transfers[0].3.as_str()), ("NL20INGB0001234567", "5.00"));
        let listed: Vec<Value> = app.get_json(files_path, &admin).await;
        assert_eq!(listed.iter().map(|f| f["id"].clone()).collect::<Vec<_>>(), vec![first["id"].clone(), second["id"].clone()]);
        // The first file is unchanged by the second.
        assert_eq!(app.get(&format!("{file_path}/payout.xml"), &admin).await.bytes().await.unwrap(), xml);

        // A file is found under its own month only.
        assert_problem(app.get(&format!("/api/v1/statements/2026-09/payout-files/{}/payout.xml", first["id"].as_str().unwrap()), &admin).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.get(&format!("{files_path}/{}/payout.csv", Uuid::now_v7()), &admin).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_eq!(app.get_json::<Vec<Value>>("/api/v1/statements/2026-09/payout-files", &admin).await, Vec::<Value>::new());
        assert_problem(app.get("/api/v1/statements/oktober/payout-files", &admin).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;

        // Programme staff only.
        let director = app.login_as(DIRECTOR).await;
        let fenna_token = app.login_as(FENNA).await;
        let partner = app.partner_token().await;
        for token in [&director, &fenna_token, &partner] {
            assert_problem(app.call(Method::POST, files_path, token, Some(&json!({}))).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.get(files_path, token).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.get(&format!("{file_path}/payout.xml"), token).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.get(&format!("{file_path}/payout.csv"), token).await, StatusCode::FORBIDDEN, "forbidden").await;
        }
        for path in [files_path.to_owned(), format!("{file_path}/payout.xml"), format!("{file_path}/payout.csv")] {
            let anonymous = app.client.get(app.url(&path)).send().await.unwrap();
            assert_problem(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
        }
        let anonymous = app.client.post(app.url(files_path)).json(&json!({})).send().await.unwrap();
        assert_problem(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
        // Every file made and every download again is in the audit log.
        let audit: Value = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        let actions: Vec<&str> = audit["items"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
        assert_eq!(actions.iter().filter(|a| **a == "allowance.payout").count(), 2, "{actions:?}");
        assert!(actions.contains(&"allowance.payout_download"), "{actions:?}");
    }
}

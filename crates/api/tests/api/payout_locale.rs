//! The payout CSV as a Dutch office opens it: LibreOffice, headless, reading it as a
//! Dutch-language spreadsheet does (`;`, UTF-8, nl-NL numbers), then saved as a flat OpenDocument
//! spreadsheet whose cells say whether they hold text or a number.

use std::process::Command;

use domain::contract::{Page, Statement, StatementLineItem};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;

use crate::helpers::*;

/// One cell as LibreOffice holds it: its type and value.
#[derive(Debug, PartialEq)]
enum Cell {
    Text(String),
    Number(f64),
}

/// Opens `csv` as LibreOffice does with a Dutch locale and returns its rows of cells.
fn open_as_dutch_spreadsheet(csv: &[u8]) -> Vec<Vec<Cell>> {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("uitbetaling.csv");
    std::fs::write(&input, csv).unwrap();
    // Field separator 59 (;), text delimiter 34 ("), character set 76 (UTF-8), from line 1,
    // language 1043 (Dutch, the Netherlands): what a Dutch-language office suite assumes.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let output = Command::new("soffice")
        .args([
            &profile,
            "--headless",
            "--infilter=CSV:59,34,76,1,,1043",
            "--convert-to",
            "fods",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&input)
        .output()
        .expect(
            "LibreOffice (soffice) is needed for this test: apt-get install libreoffice-calc-nogui",
        );
    assert!(
        output.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let fods = std::fs::read_to_string(dir.path().join("uitbetaling.fods")).unwrap();
    rows(&fods)
}

fn rows(fods: &str) -> Vec<Vec<Cell>> {
    const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    let doc = roxmltree::Document::parse(fods).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("table-row"))
        .map(|row| {
            row.children()
                .filter(|c| c.has_tag_name("table-cell"))
                .filter_map(|cell| match cell.attribute((OFFICE, "value-type")) {
                    Some("float") => Some(Cell::Number(
                        cell.attribute((OFFICE, "value")).unwrap().parse().unwrap(),
                    )),
                    Some("string") => Some(Cell::Text(
                        cell.descendants()
                            .filter(|n| n.has_tag_name("p"))
                            .flat_map(|p| {
                                p.descendants()
                                    .filter(|n| n.is_text())
                                    .filter_map(|n| n.text())
                            })
                            .collect(),
                    )),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

on_both_backends! {
    async fn the_payout_csv_opens_in_a_dutch_office_suite_with_names_intact_and_amounts_as_numbers(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let fenna = app.login_as("fenna@ambassadeur.example").await;
        let list: Page<Value> = app.get_json("/api/v1/ambassadors?limit=100", &admin).await;
        let id = list.items.iter().find(|a| a["name"] == "Fenna Dijkstra").unwrap()["id"].as_str().unwrap().to_owned();
        let caps = json!({"year": 2026, "hourly_21_plus": 560, "hourly_under_21": 330, "monthly": 21000, "yearly": 210000});
        let _: Value = app.post_ok("/api/v1/allowance-caps", &admin, &caps, StatusCode::CREATED).await;
        // An account holder's name with the letters a Dutch office meets: ë, Ö, ő, ç.
        let holder = "Zoë Ördög-Françoise";
        let details = json!({"age_category": "twenty_one_or_older", "iban": "NL91 ABNA 0417 1643 00", "account_holder": holder});
        let saved = app.call(Method::PUT, &format!("/api/v1/ambassadors/{id}/allowance-profile"), &fenna, Some(&details)).await;
        assert_eq!(saved.status(), StatusCode::OK);
        let october: Statement = app.post_ok("/api/v1/statements", &admin, &json!({"month": "2026-10"}), StatusCode::OK).await;
        let line = &october.lines[0];
        let approved: StatementLineItem = app.post_ok(&format!("/api/v1/statement-lines/{}/transitions", line.id), &admin, &json!({"action": "approve"}), StatusCode::OK).await;
        let amount = approved.line.amount().0 as f64 / 100.0;

        let file: domain::contract::PayoutFile = app.post_ok("/api/v1/statements/2026-10/payout-files", &admin, &json!({}), StatusCode::CREATED).await;
        let csv_path = format!("/api/v1/statements/2026-10/payout-files/{}/payout.csv", file.id);
        let csv = app.get(&csv_path, &admin).await;
        assert_eq!(csv.status(), StatusCode::OK);
        let rows = open_as_dutch_spreadsheet(&csv.bytes().await.unwrap());
        assert_eq!(rows.len(), 2, "a header and one line: {rows:?}");
        assert_eq!(rows[0], ["Naam", "IBAN", "Bedrag", "Omschrijving"].map(|h| Cell::Text(h.to_owned())));
        assert_eq!(rows[1].len(), 4, "four columns, not one: {rows:?}");
        assert_eq!(rows[1][0], Cell::Text(holder.to_owned()), "the name as written, not mangled");
        assert_eq!(rows[1][1], Cell::Text("NL91ABNA0417164300".to_owned()));
        assert_eq!(rows[1][2], Cell::Number(amount), "the amount is a number, {amount}");

        // The machine dialect read the Dutch way is what the issue saw: amounts as text.
        let machine = app.get(&format!("{csv_path}?dialect=rfc4180"), &admin).await.bytes().await.unwrap();
        let rows = open_as_dutch_spreadsheet(&machine);
        assert_eq!(rows[1].len(), 1, "one column in a Dutch office suite: {rows:?}");
    }
}

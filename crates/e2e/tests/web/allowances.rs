//! Vergoedingen in headless Chromium against the real binary, on SQLite and on PostgreSQL. Fenna
//! declared EUR 50,01 from her sports club for October, so her EUR 160,00 goes over the monthly
//! cap of EUR 210,00. The programme admin finds 2026's caps missing and enters them in euros,
//! sees the line flagged with the reason and no way to approve it, adjusts it to EUR 159,99 with
//! a reason, approves it, makes a payout file and downloads it, marks the line paid and can still
//! download the file it paid with. November waits for the
//! school. The page fits a phone, and is for programme admins only.

use crate::common::{Visit, log_in_as, shot, sideways_overflow, token, visit_as, wait_for};
use klasbrug_e2e::Browser;
use serde_json::{Value, json};
use testkit::{TestServer, on_both_backends};

const ADMIN: (&str, &str) = ("beheer@klasbrug.example", "Iris van Leeuwen");
const COORDINATOR: (&str, &str) = ("ic@zeester.example", "Jeroen Bakker");
const FENNA: &str = "fenna@ambassadeur.example";

/// `GET` of an API path as the holder of `token`: the status and the body as text.
async fn get(server: &TestServer, token: &str, path: &str) -> (u16, String) {
    let response = reqwest::Client::new()
        .get(server.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn get_json(server: &TestServer, token: &str, path: &str) -> Value {
    let (status, body) = get(server, token, path).await;
    assert_eq!(status, 200, "GET {path}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// `POST` of a JSON body as the holder of `token`: the status and the answer.
async fn post(server: &TestServer, token: &str, path: &str, body: Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(server.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Fenna declares EUR 50,01 from her sports club for October, with her own token.
async fn fenna_declares_october(server: &TestServer) {
    let fenna = token(server, FENNA).await;
    let me = get_json(server, &fenna, "/me/ambassador").await;
    let id = me["id"].as_str().expect("Fenna is an ambassador");
    let (status, body) = post(
        server,
        &fenna,
        &format!("/ambassadors/{id}/declared-allowances"),
        json!({ "month": "2026-10", "amount": 5001, "source": "Sportclub" }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
}

/// The line id of the first statement line on the page.
async fn line_id(browser: &Browser) -> String {
    browser.find(".statement-line").await;
    let id = browser
        .script("return document.querySelector('.statement-line').id")
        .await;
    id.as_str()
        .and_then(|id| id.strip_prefix("line-"))
        .unwrap_or_else(|| panic!("no statement line: {id}"))
        .to_owned()
}

async fn disabled(browser: &Browser, id: &str) -> bool {
    browser
        .script(&format!("return document.getElementById({id:?}).disabled"))
        .await
        .as_bool()
        .unwrap()
}

on_both_backends! {
    async fn the_admin_enters_the_caps_adjusts_a_line_over_the_monthly_cap_approves_downloads_and_pays_it(db) {
        let Visit { server, browser, driver: _driver } =
            visit_as(&db, (1280, 1000), ADMIN.0, ADMIN.1).await;
        fenna_declares_october(&server).await;
        let admin = token(&server, ADMIN.0).await;

        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(menu.contains("Vergoedingen"), "{menu}");
        browser.click(&browser.find("#menu-allowances").await).await;
        browser.find("#allowances-month-input").await;
        browser.goto(&server.url("/vergoedingen?maand=2026-10")).await;
        browser.wait_for_text("#allowances-month", "Oktober 2026").await;
        browser
            .wait_for_text("#statement-empty", "Voor oktober 2026 zijn nog geen vergoedingen opgemaakt")
            .await;
        assert!(disabled(&browser, "make-payout").await, "nothing approved: no payout file to make");
        let totals = browser.text(&browser.find("#statement-totals").await).await;
        assert!(totals.contains("Goedgekeurd: EUR 0,00") && totals.contains("0 regels"), "{totals}");

        // 2026 has no caps: the page says so in Dutch and asks for them.
        browser.click(&browser.find("#draw-up").await).await;
        let missing = browser.wait_for_text("#caps-missing", "De maxima voor 2026 ontbreken").await;
        assert!(missing.contains("Belastingdienst"), "{missing}");
        browser.wait_for_text("#caps-title", "Maxima voor 2026").await;
        browser.screenshot(&shot(&db, "vergoedingen-maxima")).await;

        // A cap that is no amount is refused here, and nothing is sent.
        for (id, value) in [
            ("caps-hourly-21-plus", "5,60"),
            ("caps-hourly-under-21", "3,30"),
            ("caps-monthly", "tweehonderd"),
            ("caps-yearly", "2.100,00"),
        ] {
            browser.type_into(&browser.find(&format!("#{id}")).await, value).await;
        }
        browser.click(&browser.find("#caps-submit").await).await;
        browser.wait_for_text("#caps-monthly-error", "Vul een bedrag in euro's in").await;
        let caps = get_json(&server, &admin, "/allowance-caps").await;
        assert!(!caps.to_string().contains("2026"), "{caps}");
        let monthly = browser.find("#caps-monthly").await;
        browser.clear(&monthly).await;
        browser.type_into(&monthly, "210,00").await;
        browser.click(&browser.find("#caps-submit").await).await;

        // Entered in exact cents, then drawn up: Fenna's EUR 160,00 is over the monthly cap.
        let id = line_id(&browser).await;
        let card_css = format!("#line-{id}");
        wait_for(&browser, &format!("{card_css}[data-status=draft][data-flagged=true]")).await;
        browser.wait_for_text("#allowances-message", "De vergoedingen voor oktober 2026 zijn opgemaakt").await;
        wait_for(&browser, "#statement:not(:has(#caps-form))").await;
        let caps = get_json(&server, &admin, "/allowance-caps").await;
        let y2026 = caps.as_array().unwrap().iter().find(|c| c["year"] == 2026).expect("2026's caps");
        assert_eq!(
            (&y2026["hourly_21_plus"], &y2026["hourly_under_21"], &y2026["monthly"], &y2026["yearly"]),
            (&json!(560), &json!(330), &json!(21000), &json!(210000))
        );
        let card = browser.text(&browser.find(&card_css).await).await;
        for expected in [
            "Fenna Dijkstra", "concept", "Vrijwillige uren: 17 uur", "Vergoeding: EUR 160,00",
            "Niet goed te keuren", "Per maand: EUR 210,01 van EUR 210,00 · boven het maximum",
            "Per jaar:",
        ] {
            assert!(card.contains(expected), "{expected} in {card}");
        }
        let flags = browser.text(&browser.find(&format!("{card_css} .line-flags")).await).await;
        assert!(
            flags.contains("komen, met die van elders, op EUR 210,01: boven het maximum van EUR 210,00 per maand"),
            "{flags}"
        );
        assert!(!card.contains("Geen IBAN"), "Fenna's IBAN is on record: {card}");
        wait_for(&browser, &format!("{card_css}:not(:has(.approve-line))")).await;
        browser.wait_for_text(&format!("{card_css} .approve-blocked"), "Goedkeuren kan pas").await;
        let waiting = browser.text(&browser.find("#waiting").await).await;
        assert!(!waiting.contains("Fenna"), "{waiting}");
        browser.screenshot(&shot(&db, "vergoedingen-over-maximum")).await;

        // Adjusting needs a reason: refused here, nothing sent.
        browser.click(&browser.find(&format!("{card_css} .adjust-line")).await).await;
        let amount = browser.find(&format!("{card_css} .adjust-amount")).await;
        browser.clear(&amount).await;
        browser.type_into(&amount, "159,99").await;
        browser.click(&browser.find(&format!("{card_css} .adjust-submit")).await).await;
        browser
            .wait_for_text(&format!("{card_css} .adjust-error"), "Schrijf waarom je het bedrag aanpast")
            .await;
        let statement = get_json(&server, &admin, "/statements/2026-10").await;
        assert_eq!(statement["lines"][0]["line"]["amount"], 16000, "nothing changed on the server");

        // With a reason: EUR 159,99, within the cap, the flag gone; then approved.
        let reason = "Samen met de sportclub niet boven het maximum per maand.";
        browser.type_into(&browser.find(&format!("{card_css} .adjust-reason")).await, reason).await;
        browser.click(&browser.find(&format!("{card_css} .adjust-submit")).await).await;
        wait_for(&browser, &format!("{card_css}[data-flagged=false][data-amount='15999']")).await;
        wait_for(&browser, &format!("{card_css}:not(:has(.line-flags))")).await;
        let card = browser.text(&browser.find(&card_css).await).await;
        for expected in [
            "Vergoeding: EUR 159,99", "Volgens de regels: EUR 160,00",
            &format!("Reden van aanpassing: {reason}"),
            "Per maand: EUR 210,00 van EUR 210,00 · binnen het maximum",
        ] {
            assert!(card.contains(expected), "{expected} in {card}");
        }
        browser.wait_for_text("#allowances-message", "Het bedrag van Fenna Dijkstra is aangepast").await;
        browser.click(&browser.find(&format!("{card_css} .approve-line")).await).await;
        wait_for(&browser, &format!("{card_css}[data-status=approved]")).await;
        browser.wait_for_text(&format!("{card_css} .line-status"), "goedgekeurd").await;
        browser.wait_for_text("#allowances-message", "De vergoeding van Fenna Dijkstra is goedgekeurd").await;
        let totals = browser.wait_for_text("#statement-totals", "Goedgekeurd: EUR 159,99").await;
        assert!(totals.contains("1 regel in totaal"), "{totals}");

        // A payout file of the approved line, kept with its message id; no error on the page.
        browser.find("#payout-files-none").await;
        assert!(!disabled(&browser, "make-payout").await);
        let date = browser.script("return document.getElementById('execution-date').value").await;
        assert!(date.as_str().is_some_and(|d| d.len() == 10), "a default execution date: {date}");
        browser.click(&browser.find("#make-payout").await).await;
        browser.wait_for_text("#payout-message", "is gemaakt met 1 betaling").await;
        wait_for(&browser, "#payout:not(:has(#payout-error))").await;
        let files = get_json(&server, &admin, "/statements/2026-10/payout-files").await;
        let (file_id, msg_id) = (files[0]["id"].as_str().unwrap().to_owned(), files[0]["msg_id"].as_str().unwrap().to_owned());
        let row = browser.wait_for_text(&format!("#payout-file-{file_id}"), &msg_id).await;
        assert!(row.contains("1 betaling, samen EUR 159,99") && row.contains("Iris van Leeuwen"), "{row}");
        // Every approved line is in the file now: no second file of the same line.
        wait_for(&browser, "#make-payout:disabled").await;
        // The list for people: fetched with the token, EUR 159.99 in it.
        browser.click(&browser.find(&format!("#payout-file-{file_id} .download-csv")).await).await;
        browser
            .wait_for_text("#payout-message", &format!("vrijwilligersvergoeding-2026-10-{msg_id}.csv is gedownload"))
            .await;
        wait_for(&browser, "#payout:not(:has(#payout-error))").await;
        let (status, csv) = get(&server, &admin, &format!("/statements/2026-10/payout-files/{file_id}/payout.csv")).await;
        assert_eq!(status, 200, "{csv}");
        assert!(csv.contains(";159,99;") && csv.contains("Dijkstra"), "{csv}");
        // The bank's file too: the demo pays from a fictional account.
        browser.click(&browser.find(&format!("#payout-file-{file_id} .download-sepa")).await).await;
        browser
            .wait_for_text("#payout-message", &format!("vrijwilligersvergoeding-2026-10-{msg_id}.xml is gedownload"))
            .await;
        wait_for(&browser, "#payout:not(:has(#payout-error))").await;
        browser.script("document.getElementById('payout').scrollIntoView()").await;
        browser.screenshot(&shot(&db, "vergoedingen-goedgekeurd")).await;

        // Marked paid after confirming: nothing more to do on the line.
        browser.click(&browser.find(&format!("{card_css} .mark-paid")).await).await;
        let question = browser.wait_for_text(&format!("{card_css} .confirm-paid-question"), "betaald").await;
        assert!(question.contains("Is EUR 159,99 aan Fenna Dijkstra betaald?"), "{question}");
        browser.click(&browser.find(&format!("{card_css} .confirm-paid")).await).await;
        wait_for(&browser, &format!("{card_css}[data-status=paid]")).await;
        browser.wait_for_text(&format!("{card_css} .line-status"), "betaald").await;
        wait_for(&browser, &format!("{card_css}:not(:has(button))")).await;
        let totals = browser.wait_for_text("#statement-totals", "betaald: EUR 159,99").await;
        assert!(totals.contains("Goedgekeurd: EUR 0,00"), "{totals}");
        let statement = get_json(&server, &admin, "/statements/2026-10").await;
        assert_eq!(statement["lines"][0]["line"]["status"], "paid");
        // Paid, the file it was paid with is still there to download again.
        browser.click(&browser.find(&format!("#payout-file-{file_id} .download-sepa")).await).await;
        browser.wait_for_text("#payout-message", &format!("{msg_id}.xml is gedownload")).await;
        wait_for(&browser, "#payout:not(:has(#payout-error))").await;
        browser.screenshot(&shot(&db, "vergoedingen-betaald")).await;

        // November, a month on: Fenna's hours still wait for the school.
        browser.click(&browser.find("#allowances-next").await).await;
        browser.wait_for_text("#allowances-month", "November 2026").await;
        assert!(browser.current_url().await.contains("maand=2026-11"));
        browser.wait_for_text("#statement-empty", "november 2026").await;
        browser.click(&browser.find("#draw-up").await).await;
        let waiting = browser.wait_for_text("#waiting", "Fenna Dijkstra").await;
        assert!(waiting.contains("3 urenregels wachten op het besluit van de school"), "{waiting}");
        browser.wait_for_text("#statement-empty", "niets op te maken").await;
        browser.screenshot(&shot(&db, "vergoedingen-november")).await;
        browser.close().await;
    }

    async fn vergoedingen_fits_a_phone_and_is_for_programme_admins_only(db) {
        let Visit { server, browser, driver: _driver } =
            visit_as(&db, (360, 800), ADMIN.0, ADMIN.1).await;
        fenna_declares_october(&server).await;
        let admin = token(&server, ADMIN.0).await;
        let (status, body) = post(
            &server,
            &admin,
            "/allowance-caps",
            json!({ "year": 2026, "hourly_21_plus": 560, "hourly_under_21": 330, "monthly": 21000, "yearly": 210000 }),
        )
        .await;
        assert_eq!(status, 201, "{body}");

        browser.goto(&server.url("/vergoedingen?maand=2026-10")).await;
        browser.find("#statement-empty").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "Vergoedingen scrolls sideways at 360 px by {overflow} px");
        browser.click(&browser.find("#draw-up").await).await;
        let id = line_id(&browser).await;
        let card_css = format!("#line-{id}");
        wait_for(&browser, &format!("{card_css}[data-flagged=true]")).await;
        browser.click(&browser.find(&format!("{card_css} .adjust-line")).await).await;
        browser.find(&format!("{card_css} .adjust-reason")).await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "a flagged line with its form scrolls sideways at 360 px by {overflow} px");
        browser.script(&format!("document.getElementById('line-{id}').scrollIntoView()")).await;
        browser.screenshot(&shot(&db, "vergoedingen-360px")).await;
        browser.script("document.getElementById('payout').scrollIntoView()").await;
        browser.screenshot(&shot(&db, "vergoedingen-uitbetalen-360px")).await;

        // A school's coordinator has no Vergoedingen.
        browser.click(&browser.find("#logout").await).await;
        log_in_as(&browser, COORDINATOR.0, COORDINATOR.1).await;
        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(!menu.contains("Vergoedingen"), "{menu}");
        browser.goto(&server.url("/vergoedingen?maand=2026-10")).await;
        browser.find("#no-access").await;
        browser.close().await;
    }
}

//! Dashboard in headless Chromium against the real binary, on SQLite and on PostgreSQL:
//! programme staff open it from the menu, see each section as an SVG chart and the same numbers
//! as a table, narrow it to a region; a director sees only their own school on a phone.

use crate::common::{
    Visit, api_get, log_in_as, set_value, shot, sideways_overflow, token, visit_as, wait_for,
};
use serde_json::Value;
use testkit::{TestServer, on_both_backends};

const ADMIN: (&str, &str) = ("beheer@klasbrug.example", "Iris van Leeuwen");
const DIRECTOR: (&str, &str) = ("directeur@zeester.example", "Anouk Visser");

/// The dashboard as the API gives it to the holder of `token`.
async fn dashboard(server: &TestServer, token: &str, query: &str) -> Value {
    api_get(server, token, &format!("/dashboard{query}")).await
}

/// The offered spots in all, as the API's spots section has them.
fn total_offered(dashboard: &Value) -> f64 {
    dashboard["sections"][0]["rows"][0]["values"][0]
        .as_f64()
        .unwrap()
}

on_both_backends! {
    async fn staff_see_charts_and_tables_and_a_director_only_their_school(db) {
        let Visit { server, browser, driver } = visit_as(&db, (1280, 1000), ADMIN.0, ADMIN.1).await;
        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(menu.contains("Dashboard"), "{menu}");
        browser.click(&browser.find("#menu-dashboard").await).await;
        let table = browser.wait_for_text("#table-spots", "Totaal 2026-2027").await;
        let admin = token(&server, ADMIN.0).await;
        let expected = dashboard(&server, &admin, "?school_year=2026-2027").await;
        let offered = total_offered(&expected);
        assert!(offered > 0.0);
        for heading in ["Aangeboden", "Voorgesteld", "Gevuld", "Regio noord", "Start februari"] {
            assert!(table.to_lowercase().contains(&heading.to_lowercase()), "{heading}: {table}");
        }
        let first_cell = browser
            .script("return document.querySelector('#table-spots tbody tr td').textContent")
            .await;
        assert_eq!(first_cell.as_str().unwrap(), format!("{offered:.0}"));
        // The chart: three bars (offered, suggested, filled) per row, the same values at their ends.
        let rows = expected["sections"][0]["rows"].as_array().unwrap().len();
        let bars = browser.find_all("#chart-spots .chart-row rect").await.len();
        assert_eq!(bars, rows * 3);
        let label = browser
            .script("return document.querySelector('#chart-spots .chart-row .chart-value').textContent")
            .await;
        assert_eq!(label.as_str().unwrap().trim(), format!("{offered:.0}"));
        let role = browser.script("return document.querySelector('#chart-spots').getAttribute('role')").await;
        assert_eq!(role.as_str(), Some("img"));
        for key in ["intake", "matches", "hours", "allowances", "employers"] {
            browser.find(&format!("#chart-{key}")).await;
            wait_for(&browser, &format!("#table-{key}")).await;
        }
        assert!(browser.text(&browser.find("#dashboard-download").await).await.contains("Download als Excel"));
        browser.screenshot(&shot(&db, "dashboard")).await;

        // Narrowed to region zuid, the totals are zuid's.
        set_value(&browser, "#dashboard-region", "zuid").await;
        browser.click(&browser.find("#dashboard-show").await).await;
        let zuid = dashboard(&server, &admin, "?school_year=2026-2027&region=zuid").await;
        let zuid_offered = total_offered(&zuid);
        assert_ne!(zuid_offered, offered);
        let first = "#table-spots tbody tr:first-child td:first-of-type";
        browser.wait_for_text(first, &format!("{zuid_offered:.0}")).await;
        let cell = browser.script(&format!("return document.querySelector({first:?}).textContent")).await;
        assert_eq!(cell.as_str().unwrap(), format!("{zuid_offered:.0}"));
        browser.screenshot(&shot(&db, "dashboard-zuid")).await;

        // A director on a phone: their own school only, nothing scrolls sideways.
        let phone = driver.session(360, 800).await;
        phone.goto(&server.url("/")).await;
        log_in_as(&phone, DIRECTOR.0, DIRECTOR.1).await;
        phone.goto(&server.url("/dashboard")).await;
        phone.wait_for_text("#dashboard-own-schools", "eigen school").await;
        let director = token(&server, DIRECTOR.0).await;
        let own = dashboard(&server, &director, "?school_year=2026-2027").await;
        phone.wait_for_text("#table-spots", "Totaal 2026-2027").await;
        let cell = phone
            .script("return document.querySelector('#table-spots tbody tr td').textContent")
            .await;
        assert_eq!(cell.as_str().unwrap(), format!("{:.0}", total_offered(&own)));
        assert!(total_offered(&own) < offered);
        let overflow = sideways_overflow(&phone).await;
        assert!(overflow <= 0, "the dashboard scrolls sideways at 360 px by {overflow} px");
        phone.screenshot(&shot(&db, "dashboard-telefoon")).await;
    }
}

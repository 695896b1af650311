//! Plekken and Capaciteit in headless Chromium against the real binary, on SQLite and on
//! PostgreSQL: a director offers, edits, finds and closes a spot and records the school's
//! capacity; a coordinator only looks; the pages fit a phone.

use crate::common::{Visit, log_in_as, set_value, shot, sideways_overflow, visit_as, wait_for};
use klasbrug_e2e::Browser;
use testkit::on_both_backends;

/// The WebDriver key code for Enter.
const ENTER: &str = "\u{E007}";

/// Replaces what is typed in a field.
async fn retype(browser: &Browser, css: &str, text: &str) {
    let field = browser.find(css).await;
    browser.clear(&field).await;
    browser.type_into(&field, text).await;
}

/// The `data-id` of the table row that mentions `text`.
async fn row_id(browser: &Browser, text: &str) -> String {
    let script = format!(
        "const row = [...document.querySelectorAll('tr.placement-row')]\
           .find(r => r.innerText.includes({text:?}));\
         return row ? row.dataset.id : null;"
    );
    browser
        .script(&script)
        .await
        .as_str()
        .unwrap_or_else(|| panic!("no placement row mentions {text:?}"))
        .to_owned()
}

on_both_backends! {
    async fn a_director_offers_edits_finds_and_closes_a_spot_and_records_capacity(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, (1280, 1000), "directeur@zeester.example", "Anouk Visser").await;

        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(menu.contains("Plekken") && menu.contains("Capaciteit"), "{menu}");
        browser.click(&browser.find("#menu a[href='/plekken']").await).await;

        // The overview of the coming school year, against the demo's capacity: 3 offered, 4
        // suggested; the seeded spots in the table.
        let summary = browser.wait_for_text("#placement-summary", "Aangeboden").await;
        assert!(summary.contains("Schooljaar 2026-2027"), "{summary}");
        assert!(summary.contains("Voorstel"), "{summary}");
        browser.wait_for_text("#placement-table", "Schoolmoestuin").await;

        // A new spot: the form starts with the usual choices.
        browser.click(&browser.find("#new-placement").await).await;
        browser.find("#placement-form").await;
        let defaults = browser
            .script("return ['pf-school-year','pf-start-moment','pf-commitment','pf-weekday','pf-starts-at','pf-ends-at','pf-kind','pf-capacity']\
                     .map(id => document.getElementById(id).value).join(' ')")
            .await;
        assert_eq!(defaults, "2026-2027 february half_year tuesday 08:30 15:30 class 1");

        set_value(&browser, "#pf-kind", "thematic").await;
        set_value(&browser, "#pf-weekday", "thursday").await;
        retype(&browser, "#pf-theme", "Techniekweek").await;
        retype(&browser, "#pf-expertise", "techniek, programmeren").await;
        retype(&browser, "#pf-note", "Een week vol techniek voor groep 7 en 8.").await;

        // A day of five hours is refused next to the field, in Dutch, before anything is sent.
        set_value(&browser, "#pf-ends-at", "13:30").await;
        browser.click(&browser.find("#pf-save").await).await;
        let error = browser.wait_for_text("#pf-ends-at-error", "6 tot 8 uur").await;
        assert!(error.contains("dit is 5 uur"), "{error}");
        assert_eq!(
            browser.script("return document.activeElement.id").await,
            "pf-ends-at",
            "the focus goes to the field to fix"
        );
        browser.screenshot(&shot(&db, "plekken-form")).await;
        set_value(&browser, "#pf-ends-at", "15:30").await;
        // The message goes as soon as the times are right.
        wait_for(&browser, "#placement-form:not(:has(#pf-ends-at-error))").await;

        browser.click(&browser.find("#pf-save-open").await).await;
        browser.wait_for_text("#placements-status", "opgeslagen en opengezet").await;
        let row = browser.wait_for_text("tr.placement-row", "Techniekweek").await;
        assert!(row.contains("Donderdag"), "{row}");
        assert!(row.contains("08:30–15:30"), "{row}");
        assert!(row.contains("Open"), "{row}");
        assert!(row.contains("programmeren"), "{row}");
        let id = row_id(&browser, "Techniekweek").await;
        let this_row = format!("tr.placement-row[data-id='{id}']");

        // Edit it: a later day.
        browser.click(&browser.find(&format!("{this_row} .edit-placement")).await).await;
        let theme = browser.script("return document.getElementById('pf-theme').value").await;
        assert_eq!(theme, "Techniekweek", "the form shows the spot as it is");
        set_value(&browser, "#pf-starts-at", "09:00").await;
        set_value(&browser, "#pf-ends-at", "16:00").await;
        browser.click(&browser.find("#pf-save").await).await;
        browser.wait_for_text("#placements-status", "wijzigingen zijn opgeslagen").await;
        browser.wait_for_text(&this_row, "09:00–16:00").await;
        wait_for(&browser, "#placements:not(:has(#placement-form))").await;

        // Find it by the expertise asked for: only this spot remains.
        let keyword = browser.find("#filter-expertise").await;
        browser.type_into(&keyword, &format!("programmeren{ENTER}")).await;
        browser
            .wait_for_text("#placement-table tbody:not(:has(tr:nth-child(2)))", "Techniekweek")
            .await;
        // A filter that excludes it says so.
        set_value(&browser, "#filter-weekday", "monday").await;
        browser.wait_for_text("#placements-empty", "Geen plekken gevonden").await;
        set_value(&browser, "#filter-weekday", "thursday").await;
        browser.wait_for_text(&this_row, "Techniekweek").await;

        // Close it: the dialog asks why, and insists.
        browser.click(&browser.find(&format!("{this_row} .close-placement")).await).await;
        browser.wait_for_text("#reason-dialog", "Plek sluiten").await;
        browser.click(&browser.find("#reason-confirm").await).await;
        browser.wait_for_text("#reason-error", "Vul een reden in").await;
        browser.screenshot(&shot(&db, "plekken-sluiten")).await;
        browser.type_into(&browser.find("#reason").await, "De leerkracht gaat met verlof.").await;
        browser.click(&browser.find("#reason-confirm").await).await;
        browser.wait_for_text("#placements-status", "gesloten").await;
        let closed = browser.wait_for_text(&this_row, "Gesloten").await;
        assert!(closed.contains("De leerkracht gaat met verlof."), "{closed}");
        wait_for(&browser, "#placements:not(:has(#reason-dialog))").await;
        // A closed spot can be opened again, not closed twice.
        browser.find(&format!("{this_row} .open-placement")).await;
        let buttons = browser.text(&browser.find(&format!("{this_row} .row-actions")).await).await;
        assert!(!buttons.contains("Sluiten"), "{buttons}");
        set_value(&browser, "#filter-weekday", "").await;
        browser.screenshot(&shot(&db, "plekken")).await;

        // Capaciteit: the suggestion and its reasoning; fewer free groups, a smaller suggestion.
        browser.click(&browser.find("#menu a[href='/capaciteit']").await).await;
        let suggestion = browser.wait_for_text("#cap-suggestion", "voorstel:").await;
        assert!(suggestion.contains("2 met een stagiaire"), "{suggestion}");
        assert!(suggestion.contains("voorstel: 4 plekken"), "{suggestion}");
        let decision = browser.text(&browser.find("#cap-offered-vs-suggested").await).await;
        assert!(decision.contains("3 plekken") && decision.contains("4 plekken"), "{decision}");
        assert_eq!(browser.find_all(".teacher-row").await.len(), 5);

        retype(&browser, "#cap-interns", "4").await;
        // Worked out while typing, with the same rule as the server.
        browser.wait_for_text("#cap-suggestion", "voorstel: 3 plekken").await;
        browser.click(&browser.find("#cap-save").await).await;
        browser.wait_for_text("#capacity-status", "opgeslagen").await;
        let saved = browser.text(&browser.find("#cap-suggestion").await).await;
        assert!(saved.contains("4 met een stagiaire"), "{saved}");
        assert!(saved.contains("voorstel: 3 plekken"), "{saved}");
        assert!(!saved.contains("nog niet opgeslagen"), "{saved}");
        browser.wait_for_text("#cap-offered-vs-suggested", "precies het voorstel").await;
        browser.script("window.scrollTo(0, 0)").await;
        browser.screenshot(&shot(&db, "capaciteit")).await;

        // Saved on the server: a reload shows the same.
        browser.goto(&server.url("/capaciteit")).await;
        browser.wait_for_text("#cap-suggestion", "4 met een stagiaire").await;
        browser.close().await;
    }

    async fn a_coordinator_sees_the_spots_and_the_capacity_without_changing_them(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, (1280, 900), "ic@zeester.example", "Jeroen Bakker").await;
        browser.goto(&server.url("/plekken")).await;
        browser.wait_for_text("#placement-table", "Schoolmoestuin").await;
        browser.wait_for_text("#placement-summary", "Aangeboden").await;
        let read_only = browser
            .script("return document.querySelectorAll('#new-placement, .edit-placement, .close-placement, .cancel-placement, .open-placement').length")
            .await;
        assert_eq!(read_only, 0, "a coordinator gets no buttons that change spots");

        browser.goto(&server.url("/capaciteit")).await;
        browser.wait_for_text("#cap-suggestion", "voorstel: 4 plekken").await;
        let disabled = browser.script("return document.getElementById('cap-groups').matches(':disabled')").await;
        assert_eq!(disabled, true);
        wait_for(&browser, "#capacity:not(:has(#cap-save))").await;

        // A programme admin sees every school's spots, with the school named, and picks a
        // school for its overview.
        browser.click(&browser.find("#logout").await).await;
        log_in_as(&browser, "beheer@klasbrug.example", "Iris van Leeuwen").await;
        browser.goto(&server.url("/plekken")).await;
        browser.wait_for_text("#placement-table", "Basisschool Het Kompas").await;
        browser.wait_for_text("#placement-table", "Schoolmoestuin").await;
        browser.wait_for_text("#placement-summary", "Kies een school").await;
        browser.wait_for_text("#filter-school option", "De Zeester").await;
        let zeester = browser
            .script("return [...document.querySelectorAll('#filter-school option')].find(o => o.text.includes('De Zeester')).value")
            .await;
        set_value(&browser, "#filter-school", zeester.as_str().unwrap()).await;
        browser.wait_for_text("#placement-summary", "Aangeboden").await;
        // De Zeester's four spots: the three seeded ones and Fenna's thematic one, where the
        // demo's lesson series are given.
        wait_for(&browser, "#placement-table:not(:has(tr:nth-child(5)))").await;
        let table = browser.text(&browser.find("#placement-table").await).await;
        assert!(!table.contains("Het Kompas"), "{table}");
        browser.close().await;
    }

    async fn plekken_and_capaciteit_fit_a_phone(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, (360, 800), "directeur@zeester.example", "Anouk Visser").await;
        browser.goto(&server.url("/plekken")).await;
        browser.wait_for_text("#placement-table", "Schoolmoestuin").await;
        browser.wait_for_text("#placement-summary", "Aangeboden").await;
        assert_eq!(browser.script("return window.innerWidth").await, 360);
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "Plekken scrolls sideways at 360 px by {overflow} px");
        // Each spot is a card: its buttons are on the screen, not 780 px to the right.
        let buttons_in_view = browser
            .script("const b = [...document.querySelectorAll('#placement-table .row-buttons button')]; \
                     return b.length > 0 && b.every(x => x.getBoundingClientRect().right <= window.innerWidth)")
            .await;
        assert_eq!(buttons_in_view, true, "a spot's buttons are off the screen at 360 px");
        browser.screenshot(&shot(&db, "plekken-360px")).await;

        browser.click(&browser.find("#new-placement").await).await;
        browser.find("#placement-form").await;
        browser.click(&browser.find("#pf-save").await).await;
        browser.wait_for_text("#pf-group-error", "groep").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "the form scrolls sideways at 360 px by {overflow} px");
        browser.screenshot(&shot(&db, "plekken-form-360px")).await;

        browser.goto(&server.url("/capaciteit")).await;
        browser.wait_for_text("#cap-suggestion", "voorstel:").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "Capaciteit scrolls sideways at 360 px by {overflow} px");
        browser.screenshot(&shot(&db, "capaciteit-360px")).await;
        browser.close().await;
    }
}

//! Lessenseries and Lesrooster in headless Chromium against the real binary, on SQLite and on
//! PostgreSQL: the demo coordinator cannot ask for changes without saying which, asks for them,
//! and approves the series once the ambassador has revised and resubmitted it; the director sees
//! December's lessons of groep 6 against the 22-hour limit and subscribes to the school's
//! calendar; the pages fit a phone.

use crate::common::{
    Visit, api_get, log_in_as, set_value, shot, sideways_overflow, token, visit_as, wait_for,
};
use klasbrug_e2e::Browser;
use serde_json::{Value, json};
use testkit::{TestServer, on_both_backends};

const COORDINATOR: (&str, &str) = ("ic@zeester.example", "Jeroen Bakker");
const DIRECTOR: (&str, &str) = ("directeur@zeester.example", "Anouk Visser");
const AMBASSADOR: &str = "fenna@ambassadeur.example";

/// Scrolls `css` to the top of the window, for a screenshot of what is further down.
async fn scroll_to(browser: &Browser, css: &str) {
    browser.find(css).await;
    browser
        .script(&format!("document.querySelector({css:?}).scrollIntoView()"))
        .await;
}

/// A series as the API has it.
async fn series(server: &TestServer, token: &str, id: &str) -> Value {
    api_get(server, token, &format!("/lesson-series/{id}")).await
}

/// Moves a series on through the API, as the ambassador's own app would.
async fn transition(server: &TestServer, token: &str, id: &str, action: &str) {
    let response = reqwest::Client::new()
        .post(server.url(&format!("/api/v1/lesson-series/{id}/transitions")))
        .bearer_auth(token)
        .json(&json!({ "action": action }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        200,
        "{action}: {}",
        response.text().await.unwrap()
    );
}

/// The id of the series in the list whose row mentions `title`.
async fn row_id(browser: &Browser, title: &str) -> String {
    browser
        .wait_for_text("#series-list .series-row", title)
        .await;
    let script = format!(
        "const row = [...document.querySelectorAll('#series-list .series-row')]\
           .find(r => r.innerText.includes({title:?}));\
         return row ? row.dataset.id : null;"
    );
    browser
        .script(&script)
        .await
        .as_str()
        .unwrap_or_else(|| panic!("no series row mentions {title:?}"))
        .to_owned()
}

/// Opens "Water in de wijk" from the coordinator's review queue; returns its id.
async fn open_water_in_de_wijk(browser: &Browser) -> String {
    browser
        .click(&browser.find("#menu-lesson-series").await)
        .await;
    let id = row_id(browser, "Water in de wijk").await;
    browser
        .click(
            &browser
                .find(&format!("#series-row-{id} .series-title a"))
                .await,
        )
        .await;
    browser
        .wait_for_text("#series-title", "Water in de wijk")
        .await;
    id
}

on_both_backends! {
    async fn the_coordinator_asks_for_changes_approves_the_revision_and_the_director_sees_december(db) {
        let Visit { server, browser, driver: _driver } =
            visit_as(&db, (1280, 1000), COORDINATOR.0, COORDINATOR.1).await;
        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(menu.contains("Lessenseries") && menu.contains("Lesrooster"), "{menu}");

        // The review queue: the coordinator's list opens on the series waiting for them.
        browser.click(&browser.find("#menu-lesson-series").await).await;
        let id = row_id(&browser, "Water in de wijk").await;
        let filter = browser.script("return document.getElementById('series-status-filter').value").await;
        assert_eq!(filter, "submitted");
        let row = browser.text(&browser.find(&format!("#series-row-{id}")).await).await;
        for expected in ["Basisschool De Zeester", "Fenna Dijkstra", "groep 7, groep 8", "Ter beoordeling"] {
            assert!(row.contains(expected), "{expected} in {row}");
        }
        assert!(!browser.text(&browser.find("#series-list").await).await.contains("Bruggen bouwen"),
            "an approved series is not in the review queue");
        browser.screenshot(&shot(&db, "lessenseries")).await;

        // The series: its objectives by number and title, its lessons, the review so far.
        browser.click(&browser.find(&format!("#series-row-{id} .series-title a")).await).await;
        browser.wait_for_text("#series-title", "Water in de wijk").await;
        browser.wait_for_text("#series-status", "Ter beoordeling").await;
        browser.wait_for_text("#series-objectives", "Met zorg omgaan met het milieu").await;
        let lessons = browser.wait_for_text("#series-lessons", "Van bron tot kraan").await;
        assert!(lessons.contains("1 uur") && lessons.contains("petflessen"), "{lessons}");
        let comments = browser.wait_for_text("#series-comments", "Klaar voor beoordeling").await;
        assert!(comments.contains("Ingediend") && comments.contains("Fenna Dijkstra"), "{comments}");

        // Asking for changes without saying which is refused in Dutch, and nothing is sent.
        let api_token = token(&server, COORDINATOR.0).await;
        let before = series(&server, &api_token, &id).await;
        browser.click(&browser.find("#request-changes").await).await;
        browser
            .wait_for_text("#request-changes-comment-error", "Schrijf welke wijzigingen nodig zijn")
            .await;
        assert_eq!(
            browser.script("return document.activeElement.id").await,
            "request-changes-comment",
            "the focus goes to the comment"
        );
        browser.wait_for_text("#series-status", "Ter beoordeling").await;
        assert_eq!(series(&server, &api_token, &id).await, before, "nothing changed on the server");
        browser.screenshot(&shot(&db, "lessenserie-zonder-opmerking")).await;

        // With a comment: the status moves on and the comment is in the review.
        let comment = "Voeg bij les 2 een kaart toe waarop de klas de regenputten aantekent.";
        browser.type_into(&browser.find("#request-changes-comment").await, comment).await;
        browser.click(&browser.find("#request-changes").await).await;
        browser.wait_for_text("#series-status", "Wijzigingen gevraagd").await;
        browser.wait_for_text("#series-message", "om wijzigingen gevraagd").await;
        let comments = browser.wait_for_text("#series-comments", comment).await;
        assert!(comments.contains("Wijzigingen gevraagd") && comments.contains("Jeroen Bakker"), "{comments}");
        wait_for(&browser, "#series:not(:has(#approve-series))").await;
        assert_eq!(series(&server, &api_token, &id).await["status"], "changes_requested");

        // The ambassador revises and resubmits through the API.
        let fenna = token(&server, AMBASSADOR).await;
        transition(&server, &fenna, &id, "revise").await;
        transition(&server, &fenna, &id, "submit").await;

        // The coordinator reloads and approves.
        browser.goto(&server.url(&format!("/lessenseries/{id}"))).await;
        browser.wait_for_text("#series-status", "Ter beoordeling").await;
        browser.click(&browser.find("#approve-series").await).await;
        browser.wait_for_text("#series-status", "Goedgekeurd").await;
        browser.wait_for_text("#series-message", "goedgekeurd").await;
        wait_for(&browser, "#series:not(:has(#series-review))").await;
        assert_eq!(series(&server, &api_token, &id).await["status"], "approved");

        // A reply needs words too; then it joins the review.
        browser.click(&browser.find("#reply-submit").await).await;
        browser.wait_for_text("#reply-text-error", "Schrijf eerst je reactie").await;
        let reply = "Dank je, Fenna. De kaart maakt les 2 sterker.";
        browser.type_into(&browser.find("#reply-text").await, reply).await;
        browser.click(&browser.find("#reply-submit").await).await;
        browser.wait_for_text("#series-message", "Je reactie is geplaatst").await;
        let comments = browser.wait_for_text("#series-comments", reply).await;
        assert!(comments.contains("Reactie"), "{comments}");
        assert_eq!(browser.script("return document.getElementById('reply-text').value").await, "");
        scroll_to(&browser, "#series-comments").await;
        browser.screenshot(&shot(&db, "lessenserie-goedgekeurd")).await;

        // The director: December 2026 for groep 6, against the 22-hour limit. The month comes
        // from the address, and the buttons step from it.
        browser.click(&browser.find("#logout").await).await;
        log_in_as(&browser, DIRECTOR.0, DIRECTOR.1).await;
        browser.click(&browser.find("#menu-lesson-calendar").await).await;
        browser.find("#month-input").await;
        browser.goto(&server.url("/lesrooster?maand=2026-11")).await;
        browser.wait_for_text("#calendar-month", "November 2026").await;
        browser.wait_for_text("#group-groep-6 .group-hours", "1 uur van 22 uur").await;
        browser.click(&browser.find("#month-next").await).await;
        browser.wait_for_text("#calendar-month", "December 2026").await;
        assert!(browser.current_url().await.contains("maand=2026-12"));
        assert_eq!(
            browser.script("return document.getElementById('month-input').value").await,
            "2026-12"
        );
        let hours = browser.wait_for_text("#group-groep-6 .group-hours", "2 uur van 22 uur").await;
        assert_eq!(hours, "2 uur van 22 uur");
        let card = browser.text(&browser.find("#group-groep-6").await).await;
        assert_eq!(browser.find_all("#group-groep-6 .dated-lesson").await.len(), 2, "{card}");
        for expected in ["wo 2 dec. 2026", "wo 9 dec. 2026", "09:00", "Bruggen bouwen", "Les 2: Een brug ontwerpen", "Fenna Dijkstra"] {
            assert!(card.contains(expected), "{expected} in {card}");
        }
        wait_for(&browser, "#group-groep-6 .hours-bar:not(.hours-bar-warning)").await;
        browser.wait_for_text("#calendar-policy", "22 uur per groep per maand").await;

        // The school's calendar feed works without logging in.
        browser.find("#calendar-feed-link").await;
        let url = browser
            .script("return document.getElementById('calendar-feed-url').value")
            .await
            .as_str()
            .unwrap()
            .to_owned();
        assert!(url.starts_with(&server.base_url) && url.ends_with(".ics"), "{url}");
        let href = browser
            .script("return document.getElementById('calendar-feed-link').href")
            .await;
        assert_eq!(href, url.as_str());
        let feed = reqwest::get(&url).await.unwrap();
        assert_eq!(feed.status(), 200);
        let kind = feed.headers()["content-type"].to_str().unwrap().to_owned();
        assert!(kind.starts_with("text/calendar"), "{kind}");
        let body = feed.text().await.unwrap();
        assert!(body.contains("BEGIN:VCALENDAR") && body.contains("Bruggen bouwen"), "{body}");
        browser.screenshot(&shot(&db, "lesrooster")).await;
        browser.close().await;
    }

    async fn lessenseries_and_lesrooster_fit_a_phone(db) {
        let Visit { server, browser, driver: _driver } =
            visit_as(&db, (360, 800), COORDINATOR.0, COORDINATOR.1).await;
        browser.goto(&server.url("/lessenseries")).await;
        browser.wait_for_text("#series-list", "Water in de wijk").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "Lessenseries scrolls sideways at 360 px by {overflow} px");

        open_water_in_de_wijk(&browser).await;
        browser.wait_for_text("#series-objectives", "Met zorg omgaan met het milieu").await;
        browser.find("#approve-series").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "a series in review scrolls sideways at 360 px by {overflow} px");
        scroll_to(&browser, "#series-review").await;
        browser.screenshot(&shot(&db, "lessenserie-360px")).await;

        // An approved, scheduled series: its dates and its calendar feed's long address.
        browser.goto(&server.url("/lessenseries")).await;
        set_value(&browser, "#series-status-filter", "").await;
        let id = row_id(&browser, "Bruggen bouwen").await;
        browser.goto(&server.url(&format!("/lessenseries/{id}"))).await;
        let dates = browser.wait_for_text("#series-schedule", "wo 25 nov. 2026").await;
        assert!(dates.contains("09:00") && dates.contains("groep 6"), "{dates}");
        browser.find("#calendar-feed-url").await;
        let no_review = browser.script("return document.getElementById('series-review') === null").await;
        assert_eq!(no_review, true, "only a submitted series is reviewed");
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "a scheduled series scrolls sideways at 360 px by {overflow} px");
        scroll_to(&browser, "#series-schedule").await;
        browser.screenshot(&shot(&db, "lessenserie-ingepland-360px")).await;

        browser.goto(&server.url("/lesrooster?maand=2026-12")).await;
        browser.wait_for_text("#group-groep-6 .group-hours", "2 uur van 22 uur").await;
        browser.find("#calendar-feed-url").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "Lesrooster scrolls sideways at 360 px by {overflow} px");
        browser.screenshot(&shot(&db, "lesrooster-360px")).await;

        // A month without lessons says so; the month input moves the page too.
        set_value(&browser, "#month-input", "2027-03").await;
        browser.wait_for_text("#calendar-empty", "maart 2027").await;
        assert!(browser.current_url().await.contains("maand=2027-03"));
        browser.close().await;
    }
}

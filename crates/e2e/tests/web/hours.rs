//! Uren in headless Chromium against the real binary, on SQLite and on PostgreSQL: the demo
//! coordinator cannot reject a day without saying why, then rejects it with a reason; the
//! director approves the rest of November at once, which completes the month; October shows its
//! approved 17 hours. A programme admin picks the school, reopens a decision with a reason, and
//! the page fits a phone.

use crate::common::{
    Visit, api_get, assert_on_screen, log_in_as, set_value, shot, sideways_overflow, token,
    visit_as, wait_for,
};
use klasbrug_e2e::Browser;
use testkit::on_both_backends;

const COORDINATOR: (&str, &str) = ("ic@zeester.example", "Jeroen Bakker");
const DIRECTOR: (&str, &str) = ("directeur@zeester.example", "Anouk Visser");
const ADMIN: (&str, &str) = ("beheer@klasbrug.example", "Iris van Leeuwen");

/// The entry id of the card for `date` (`2026-11-11`) on the page.
async fn entry_id(browser: &Browser, date: &str) -> String {
    let css = format!(".hour-entry[data-date={date:?}]");
    browser.find(&css).await;
    let id = browser
        .script(&format!("return document.querySelector({css:?}).id"))
        .await;
    id.as_str()
        .and_then(|id| id.strip_prefix("hour-"))
        .unwrap_or_else(|| panic!("no entry card for {date}: {id}"))
        .to_owned()
}

/// The id of the element that has the keyboard focus, or its classes when it has no id.
async fn focused(browser: &Browser) -> String {
    browser
        .script("const el = document.activeElement; return el.id || el.className")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

on_both_backends! {
    async fn the_coordinator_rejects_a_day_with_a_reason_and_the_director_approves_the_rest_of_november(db) {
        let Visit { server, browser, driver: _driver } =
            visit_as(&db, (1280, 1000), COORDINATOR.0, COORDINATOR.1).await;
        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(menu.contains("Uren"), "{menu}");

        // November: Fenna's three Wednesdays wait for the school.
        browser.click(&browser.find("#menu-hours").await).await;
        browser.find("#hours-month-input").await;
        browser.goto(&server.url("/uren?maand=2026-11")).await;
        browser.wait_for_text("#hours-month", "November 2026").await;
        let summary = browser.wait_for_text("#hours-summary", "3 wachten op een besluit").await;
        assert!(summary.contains("0 uur vrijwillig · 0 uur gesponsord"), "{summary}");
        assert!(!summary.contains("Maand compleet"), "{summary}");
        let button = browser.text(&browser.find("#approve-month").await).await;
        assert_eq!(button, "Alles goedkeuren (3)");
        assert_eq!(browser.find_all("#hours-list .hour-entry").await.len(), 3);
        let day = entry_id(&browser, "2026-11-11").await;
        let card = browser.text(&browser.find(&format!("#hour-{day}")).await).await;
        for expected in [
            "wo 11 nov. 2026", "Fenna Dijkstra", "5 uur 30 min · les · vrijwillig",
            "Les uit Bruggen bouwen voorbereid en gegeven", "wacht op besluit",
        ] {
            assert!(card.contains(expected), "{expected} in {card}");
        }
        let first = entry_id(&browser, "2026-11-04").await;
        let card = browser.text(&browser.find(&format!("#hour-{first}")).await).await;
        assert!(card.contains("wo 4 nov. 2026") && card.contains("6 uur · in de klas"), "{card}");
        browser.screenshot(&shot(&db, "uren")).await;

        // Rejecting without a reason is refused in Dutch, and nothing is sent.
        let api_token = token(&server, COORDINATOR.0).await;
        let entry = api_get(&server, &api_token, &format!("/hour-entries/{day}")).await;
        let month_path = format!("/schools/{}/hour-months/2026-11", entry["school_id"].as_str().unwrap());
        let before = api_get(&server, &api_token, &month_path).await;
        browser.click(&browser.find(&format!("#hour-{day} .reject-hour")).await).await;
        browser.find(&format!("#hour-{day} .reject-reason")).await;
        assert_eq!(focused(&browser).await, format!("hour-{day}-reason"), "the focus goes to the reason");
        browser.click(&browser.find(&format!("#hour-{day} .reject-submit")).await).await;
        browser
            .wait_for_text(&format!("#hour-{day} .reject-error"), "Schrijf waarom je deze uren afkeurt")
            .await;
        assert_eq!(focused(&browser).await, format!("hour-{day}-reason"));
        wait_for(&browser, &format!("#hour-{day}[data-status=submitted]")).await;
        assert_eq!(api_get(&server, &api_token, &month_path).await, before, "nothing changed on the server");
        browser.screenshot(&shot(&db, "uren-zonder-reden")).await;

        // With a reason: rejected, the reason shown, the month loaded again.
        let reason = "Op 11 november was Fenna niet op school: de les is verplaatst.";
        browser.type_into(&browser.find(&format!("#hour-{day} .reject-reason")).await, reason).await;
        browser.click(&browser.find(&format!("#hour-{day} .reject-submit")).await).await;
        wait_for(&browser, &format!("#hour-{day}[data-status=rejected]")).await;
        let card = browser.wait_for_text(&format!("#hour-{day}"), "afgekeurd").await;
        assert!(card.contains(&format!("Reden van afkeuren: {reason}")), "{card}");
        assert!(card.contains("Besluit van Jeroen Bakker"), "{card}");
        browser.find(&format!("#hour-{day} .reopen-hour")).await;
        browser.wait_for_text("#hours-message", "De uren van wo 11 nov. 2026 zijn afgekeurd").await;
        browser.wait_for_text("#hours-summary", "2 wachten op een besluit").await;
        browser.wait_for_text("#approve-month", "Alles goedkeuren (2)").await;
        let entry = api_get(&server, &api_token, &format!("/hour-entries/{day}")).await;
        assert_eq!((entry["status"].as_str(), entry["decision_reason"].as_str()), (Some("rejected"), Some(reason)));

        // The director approves what is left in one go: the month is complete.
        browser.click(&browser.find("#logout").await).await;
        log_in_as(&browser, DIRECTOR.0, DIRECTOR.1).await;
        browser.click(&browser.find("#menu-hours").await).await;
        browser.find("#hours-month-input").await;
        browser.goto(&server.url("/uren?maand=2026-11")).await;
        browser.wait_for_text("#hours-summary", "2 wachten op een besluit").await;
        browser.click(&browser.find("#approve-month").await).await;
        browser.wait_for_text("#hours-complete", "Maand compleet").await;
        let summary = browser.wait_for_text("#hours-summary", "Maand compleet").await;
        for expected in ["Niets wacht op een besluit", "12 uur vrijwillig · 0 uur gesponsord"] {
            assert!(summary.contains(expected), "{expected} in {summary}");
        }
        browser.wait_for_text("#hours-message", "2 urenregels goedgekeurd").await;
        for date in ["2026-11-04", "2026-11-18"] {
            let id = entry_id(&browser, date).await;
            wait_for(&browser, &format!("#hour-{id}[data-status=approved]")).await;
            let card = browser.text(&browser.find(&format!("#hour-{id}")).await).await;
            assert!(card.contains("goedgekeurd") && card.contains("Besluit van Anouk Visser"), "{card}");
        }
        wait_for(&browser, &format!("#hour-{day}[data-status=rejected]")).await;
        assert_eq!(browser.script("return document.getElementById('approve-month').disabled").await, true);
        assert_eq!(browser.text(&browser.find("#approve-month").await).await, "Alles goedkeuren (0)");
        wait_for(&browser, "#hours-list:not(:has(.approve-hour))").await;
        let month = api_get(&server, &api_token, &month_path).await;
        assert_eq!((month["complete"].as_bool(), month["volunteered_minutes"].as_u64()), (Some(true), Some(720)));
        browser.screenshot(&shot(&db, "uren-compleet")).await;

        // October, a step back: approved before, complete, 17 hours.
        browser.click(&browser.find("#hours-prev").await).await;
        browser.wait_for_text("#hours-month", "Oktober 2026").await;
        assert!(browser.current_url().await.contains("maand=2026-10"));
        let summary = browser.wait_for_text("#hours-summary", "17 uur vrijwillig").await;
        assert!(summary.contains("Maand compleet") && summary.contains("0 uur gesponsord"), "{summary}");
        browser.find("#hours-complete").await;
        assert_eq!(browser.find_all("#hours-list .hour-entry[data-status=approved]").await.len(), 3);
        let lesson = entry_id(&browser, "2026-10-28").await;
        let card = browser.text(&browser.find(&format!("#hour-{lesson}")).await).await;
        assert!(card.contains("wo 28 okt. 2026") && card.contains("5 uur · les · vrijwillig"), "{card}");
        assert_eq!(browser.script("return document.getElementById('approve-month').disabled").await, true);
        browser.close().await;
    }

    async fn a_programme_admin_picks_the_school_reopens_a_day_and_uren_fits_a_phone(db) {
        let Visit { server, browser, driver: _driver } =
            visit_as(&db, (360, 800), ADMIN.0, ADMIN.1).await;

        // The admin picks De Zeester among every school; the address keeps it.
        browser.goto(&server.url("/uren?maand=2026-10")).await;
        browser.find("#hours-school").await;
        let zeester = browser
            .script(
                "const option = [...document.querySelectorAll('#hours-school option')]\
                   .find(o => o.textContent.includes('De Zeester'));\
                 return option ? option.value : null;",
            )
            .await
            .as_str()
            .expect("De Zeester among the schools")
            .to_owned();
        set_value(&browser, "#hours-school", &zeester).await;
        browser.wait_for_text("#hours-school-name", "Basisschool De Zeester").await;
        browser.wait_for_text("#hours-summary", "17 uur vrijwillig").await;
        let url = browser.current_url().await;
        assert!(url.contains(&format!("school={zeester}")) && url.contains("maand=2026-10"), "{url}");
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "Uren scrolls sideways at 360 px by {overflow} px");

        // Reopening a decision needs a reason too; then the day waits again.
        let day = entry_id(&browser, "2026-10-21").await;
        browser.click(&browser.find(&format!("#hour-{day} .reopen-hour")).await).await;
        browser.click(&browser.find(&format!("#hour-{day} .reopen-submit")).await).await;
        browser
            .wait_for_text(&format!("#hour-{day} .reopen-error"), "Schrijf waarom je deze uren heropent")
            .await;
        wait_for(&browser, &format!("#hour-{day}[data-status=approved]")).await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "the reason form scrolls sideways at 360 px by {overflow} px");
        browser
            .script(&format!("document.getElementById('hour-{day}').scrollIntoView()"))
            .await;
        browser.screenshot(&shot(&db, "uren-heropenen-360px")).await;
        let reason = "Fenna was die dag maar een halve dag op school.";
        browser.type_into(&browser.find(&format!("#hour-{day} .reopen-reason")).await, reason).await;
        browser.click(&browser.find(&format!("#hour-{day} .reopen-submit")).await).await;
        wait_for(&browser, &format!("#hour-{day}[data-status=submitted]")).await;
        let card = browser.wait_for_text(&format!("#hour-{day}"), "wacht op besluit").await;
        assert!(card.contains(&format!("Reden van heropenen: {reason}")), "{card}");
        assert!(card.contains("Heropend door Iris van Leeuwen"), "{card}");
        let summary = browser.wait_for_text("#hours-summary", "1 wacht op een besluit").await;
        assert!(summary.contains("11 uur vrijwillig"), "{summary}");
        wait_for(&browser, "#hours-summary:not(:has(#hours-complete))").await;
        browser.find(&format!("#hour-{day} .approve-hour")).await;
        let api_token = token(&server, ADMIN.0).await;
        assert_eq!(api_get(&server, &api_token, &format!("/hour-entries/{day}")).await["status"], "submitted");

        // November at 360 px; a month without hours says so.
        browser.goto(&server.url(&format!("/uren?school={zeester}&maand=2026-11"))).await;
        browser.wait_for_text("#hours-summary", "3 wachten op een besluit").await;
        browser.find("#hours-list .approve-hour").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "November scrolls sideways at 360 px by {overflow} px");
        // Each day's approve and reject buttons, and the month's, are on the screen.
        assert_on_screen(&browser, "#hours-list .hour-entry").await;
        assert_on_screen(&browser, "#hours-list button").await;
        assert_on_screen(&browser, "#approve-month").await;
        browser.screenshot(&shot(&db, "uren-360px")).await;
        set_value(&browser, "#hours-month-input", "2027-03").await;
        browser.wait_for_text("#hours-empty", "maart 2027").await;
        assert!(browser.current_url().await.contains("maand=2027-03"));
        assert_eq!(browser.script("return document.getElementById('approve-month').disabled").await, true);
        wait_for(&browser, "#hours-summary:not(:has(#hours-complete))").await;
        browser.close().await;
    }
}

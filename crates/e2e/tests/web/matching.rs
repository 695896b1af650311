//! Matching, Ambassadeurs and Kandidaten in headless Chromium against the real binary, on SQLite
//! and on PostgreSQL: programme staff run the matching for the demo's spots, propose a candidate
//! and plan the introduction meeting (confirming before it took place is refused); the school's
//! director sees the candidate with the reasons and the meeting, cannot decline without a
//! reason, and confirms; activating with a refused VOG is refused in Dutch; the pages fit a phone.

use crate::common::{Visit, log_in_as, set_value, shot, sideways_overflow, visit_as, wait_for};
use klasbrug_e2e::Browser;
use testkit::on_both_backends;

/// Starts a matching run for the demo's spots (February 2026-2027) and waits for its proposals.
async fn start_demo_run(browser: &Browser) {
    browser.click(&browser.find("#menu-matching").await).await;
    wait_for(browser, "#run-list").await;
    set_value(browser, "#run-school-year", "2026-2027").await;
    set_value(browser, "#run-start-moment", "february").await;
    browser.click(&browser.find("#run-start").await).await;
    browser
        .wait_for_text("#run-proposals .proposal", "beschikbaar op")
        .await;
}

/// The `data-ambassador-id` of the first proposal for De Zeester, the demo director's school.
async fn zeester_proposal(browser: &Browser) -> String {
    browser
        .script(
            "const school = [...document.querySelectorAll('.proposal-school')]\
               .find(s => s.querySelector('h3').innerText.includes('De Zeester'));\
             return school ? school.querySelector('.proposal').dataset.ambassadorId : null;",
        )
        .await
        .as_str()
        .expect("a proposal for De Zeester")
        .to_owned()
}

on_both_backends! {
    async fn the_admin_proposes_a_candidate_and_the_director_confirms_after_the_meeting(db) {
        let Visit { server, browser, driver: _driver } =
            visit_as(&db, (1280, 1000), "beheer@klasbrug.example", "Iris van Leeuwen").await;
        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(menu.contains("Ambassadeurs") && menu.contains("Matching"), "{menu}");
        assert!(!menu.contains("Kandidaten"), "programme staff have no school candidates: {menu}");

        // A run for the demo's spots: proposals with their Dutch reasons, by school.
        start_demo_run(&browser).await;
        assert!(browser.current_url().await.contains("/matching/"));
        let total = browser.text(&browser.find("#run-total-score").await).await;
        assert!(total.trim().parse::<u64>().unwrap() > 0, "total score {total}");
        browser.find("#run-left-over").await;
        let ambassador = zeester_proposal(&browser).await;
        let proposal = format!(".proposal[data-ambassador-id='{ambassador}']");
        let card = browser.text(&browser.find(&proposal).await).await;
        assert!(card.contains("beschikbaar op"), "{card}");
        assert!(card.contains("Past (dag, schooltype, plaats, start)"), "{card}");
        let name = browser
            .text(&browser.find(&format!("{proposal} .proposal-ambassador")).await)
            .await;
        browser.wait_for_text(&format!("{proposal} .proposal-status"), "Nog niet voorgesteld").await;
        browser.screenshot(&shot(&db, "matching-run")).await;

        // Propose it to the school: the button says it is done.
        browser.click(&browser.find(&format!("{proposal} .propose")).await).await;
        browser.wait_for_text(&format!("{proposal} .proposal-status"), "Voorgesteld").await;
        browser.wait_for_text(&format!("{proposal} .propose"), "Voorgesteld").await;
        wait_for(&browser, &format!("{proposal} .propose:disabled")).await;
        browser.wait_for_text("#run-status", "is voorgesteld aan Basisschool De Zeester").await;

        // The list of runs shows it.
        browser.click(&browser.find("#menu-matching").await).await;
        browser.wait_for_text("#run-list", "februari 2026-2027").await;

        // On the ambassador's page: plan the introduction meeting, confirm for the ambassador.
        browser.click(&browser.find("#menu-ambassadors").await).await;
        browser
            .click(&browser.find(&format!("tr[data-ambassador-id='{ambassador}'] a")).await)
            .await;
        browser.wait_for_text("#ambassador-name", &name).await;
        browser.wait_for_text("#intake-steps", "Gekoppeld").await;
        browser.wait_for_text("#ambassador-matches .match", "De Zeester").await;
        set_value(&browser, "#meeting-at", "2026-12-08T15:30").await;
        browser.type_into(&browser.find("#meeting-place").await, "De Zeester, lokaal 3").await;
        browser.click(&browser.find("#ambassador-matches .plan-meeting").await).await;
        browser.wait_for_text("#ambassador-status", "klikgesprek is gepland").await;
        browser.wait_for_text("#ambassador-matches .meeting", "di 8 dec. 2026 om 15:30").await;
        // Next week's meeting has not taken place (the test clock says 3 December): confirming
        // is refused, with the meeting's day and time.
        browser.click(&browser.find("#ambassador-matches .confirm-ambassador").await).await;
        let refusal = browser
            .wait_for_text("#ambassador-matches [role=alert]", "pas na het kennismakingsgesprek")
            .await;
        assert!(refusal.contains("di 8 dec. 2026 om 15:30"), "{refusal}");
        // The meeting was held yesterday after all: with that on record, confirming works.
        set_value(&browser, "#meeting-at", "2026-12-02T15:30").await;
        browser.click(&browser.find("#ambassador-matches .plan-meeting").await).await;
        browser.wait_for_text("#ambassador-matches .meeting", "wo 2 dec. 2026 om 15:30").await;
        browser.click(&browser.find("#ambassador-matches .confirm-ambassador").await).await;
        browser.wait_for_text("#ambassador-status", "Bevestigd namens de ambassadeur").await;
        browser.wait_for_text("#ambassador-matches .match", "De ambassadeur heeft bevestigd").await;
        browser.screenshot(&shot(&db, "ambassadeur")).await;

        // The director sees the candidate, with the reasons and the meeting.
        browser.click(&browser.find("#logout").await).await;
        log_in_as(&browser, "directeur@zeester.example", "Anouk Visser").await;
        browser.click(&browser.find("#menu-candidates").await).await;
        let candidate = browser.wait_for_text("#candidates .candidate", &name).await;
        assert!(candidate.contains("beschikbaar op"), "{candidate}");
        assert!(candidate.contains("Klikgesprek gepland"), "{candidate}");
        // The demo school also has a running placement (Fenna's): find the new candidate's card.
        let id = browser
            .script(&format!(
                "return [...document.querySelectorAll('#candidates .candidate')]\
                   .find(c => c.querySelector('.candidate-name').innerText === {name:?}).dataset.matchId"
            ))
            .await;
        let card = format!(".candidate[data-match-id='{}']", id.as_str().unwrap());
        let meeting = browser.text(&browser.find(&format!("{card} .meeting")).await).await;
        assert!(meeting.contains("2 dec. 2026 om 15:30") && meeting.contains("lokaal 3"), "{meeting}");

        // Declining needs a reason: an empty one is refused in Dutch and changes nothing.
        browser.click(&browser.find(&format!("{card} .decline")).await).await;
        browser.find("#decline-reason").await;
        browser.click(&browser.find("#decline-submit").await).await;
        browser.wait_for_text(&format!("{card} [role=alert]"), "Vul een reden in").await;
        assert_eq!(
            browser.script("return document.activeElement.id").await,
            "decline-reason",
            "the focus goes to the reason"
        );
        browser.screenshot(&shot(&db, "kandidaten-afwijzen")).await;
        // Changing one's mind closes the form and puts the keyboard back on its button.
        browser.click(&browser.find(".decline-form .button-secondary").await).await;
        wait_for(&browser, "#candidates:not(:has(#decline-reason))").await;
        let focused = browser.script("return document.activeElement.classList.contains('decline')").await;
        assert_eq!(focused, true, "the focus returns to Afwijzen");
        browser.goto(&server.url("/kandidaten")).await;
        browser.wait_for_text(&format!("{card} .match-status"), "Klikgesprek gepland").await;

        // Confirming completes the match: both sides have confirmed.
        browser.click(&browser.find(&format!("{card} .confirm")).await).await;
        browser.wait_for_text(&format!("{card} .match-status"), "Bevestigd").await;
        browser.wait_for_text("#candidates-status", "Je hebt").await;
        wait_for(&browser, &format!("{card}:not(:has(.confirm))")).await;
        browser.screenshot(&shot(&db, "kandidaten")).await;

        // A refused VOG stops the activation, with the reason in Dutch.
        browser.click(&browser.find("#logout").await).await;
        log_in_as(&browser, "beheer@klasbrug.example", "Iris van Leeuwen").await;
        browser.goto(&server.url(&format!("/ambassadeurs/{ambassador}"))).await;
        browser.wait_for_text("#ambassador-matches .match", "Bevestigd").await;
        set_value(&browser, "#vog-issued-on", "2026-11-01").await;
        set_value(&browser, "#vog-outcome", "refused").await;
        browser.click(&browser.find("#vog-submit").await).await;
        browser.wait_for_text("#ambassador-status", "VOG is vastgelegd").await;
        browser.wait_for_text("#vog-records", "Geweigerd").await;
        browser.click(&browser.find("#ambassador-matches .activate").await).await;
        let refusal = browser.wait_for_text("#ambassador-matches [role=alert]", "VOG").await;
        assert!(refusal.contains("geweigerd"), "{refusal}");
        browser.wait_for_text("#ambassador-matches .match-status", "Bevestigd").await;
        browser.screenshot(&shot(&db, "ambassadeur-vog-geweigerd")).await;

        // Without a valid VOG the placement cannot start: staff decline on the ambassador's
        // behalf, with a reason (asked for when it is missing).
        browser.click(&browser.find("#ambassador-matches .decline-ambassador").await).await;
        wait_for(&browser, "#decline-reason[aria-invalid='true']").await;
        browser.type_into(&browser.find("#decline-reason").await, "VOG geweigerd; gebeld op 3 december").await;
        browser.click(&browser.find("#ambassador-matches .decline-ambassador").await).await;
        browser.wait_for_text("#ambassador-status", "terug in de pool").await;
        browser.wait_for_text("#ambassador-matches .match-status", "Afgewezen").await;
        browser.close().await;
    }

    async fn programme_staff_filter_ambassadors_move_the_intake_on_and_register_one(db) {
        let Visit { server, browser, driver: _driver } =
            visit_as(&db, (1280, 1000), "beheer@klasbrug.example", "Iris van Leeuwen").await;
        browser.goto(&server.url("/ambassadeurs")).await;
        let table = browser.wait_for_text("#ambassador-table", "Beschikbaar").await;
        assert!(table.contains("po ✓ geldig"), "{table}");
        set_value(&browser, "#ambassador-status-filter", "intake_planned").await;
        wait_for(&browser, "#ambassador-table tbody:not(:has(tr[data-status='available']))").await;
        let row = browser.wait_for_text("tr[data-ambassador-id]", "Intake gepland").await;
        assert!(row.contains("geen VOG"), "{row}");
        browser.screenshot(&shot(&db, "ambassadeurs")).await;

        // The next step of the intake, from the buttons the status allows.
        browser.click(&browser.find("tr[data-ambassador-id] a").await).await;
        browser.wait_for_text("#intake-steps", "Intake gepland").await;
        // Stopping needs a reason.
        browser.click(&browser.find(".intake-action[data-action='withdraw']").await).await;
        browser.wait_for_text("#intake-note-error", "reden").await;
        browser.type_into(&browser.find("#intake-note").await, "Goed gesprek.").await;
        browser.click(&browser.find(".intake-action[data-action='complete_intake']").await).await;
        browser.wait_for_text("#ambassador-status", "Intake afronden").await;
        browser.wait_for_text("#intake-steps", "Goed gesprek.").await;
        browser.find(".intake-action[data-action='request_vog']").await;

        // A new ambassador: the form says in Dutch what is missing, then registers them.
        browser.goto(&server.url("/ambassadeurs")).await;
        browser.click(&browser.find("#new-ambassador").await).await;
        browser.click(&browser.find("#af-save").await).await;
        browser.wait_for_text("#af-name-error", "Vul de naam in").await;
        browser.wait_for_text("#af-weekdays-error", "Kies minstens één dag").await;
        assert_eq!(browser.script("return document.activeElement.id").await, "af-name");
        browser.type_into(&browser.find("#af-name").await, "Fenna Jansen").await;
        browser.type_into(&browser.find("#af-email").await, "fenna@voorbeeld.nl").await;
        browser.type_into(&browser.find("#af-expertise").await, "scheikunde, koken").await;
        browser.type_into(&browser.find("#af-home-municipality").await, "Groningen").await;
        browser.click(&browser.find("#af-weekday-wednesday").await).await;
        browser.click(&browser.find("#af-save").await).await;
        browser.wait_for_text("#ambassador-name", "Fenna Jansen").await;
        browser.wait_for_text(".ambassador-status", "Aangemeld").await;
        browser.wait_for_text("#ambassador-profile", "scheikunde, koken").await;
        browser.find(".intake-action[data-action='plan_intake']").await;
        browser.close().await;
    }

    async fn matching_ambassadors_and_kandidaten_fit_a_phone(db) {
        let Visit { server, browser, driver: _driver } =
            visit_as(&db, (360, 800), "beheer@klasbrug.example", "Iris van Leeuwen").await;
        start_demo_run(&browser).await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "a run scrolls sideways at 360 px by {overflow} px");
        browser.screenshot(&shot(&db, "matching-run-360px")).await;

        let ambassador = zeester_proposal(&browser).await;
        browser.goto(&server.url(&format!("/ambassadeurs/{ambassador}"))).await;
        browser.wait_for_text("#intake-steps", "Beschikbaar").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "an ambassador scrolls sideways at 360 px by {overflow} px");
        browser.screenshot(&shot(&db, "ambassadeur-360px")).await;

        // Nothing proposed yet: the director's page shows only the demo's running placement.
        browser.click(&browser.find("#logout").await).await;
        log_in_as(&browser, "directeur@zeester.example", "Anouk Visser").await;
        browser.goto(&server.url("/kandidaten")).await;
        browser.wait_for_text("#candidates .candidate", "Fenna Dijkstra").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "Kandidaten scrolls sideways at 360 px by {overflow} px");
        browser.close().await;
    }
}

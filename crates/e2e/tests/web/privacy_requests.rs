//! Requests of a data subject in headless Chromium, against the real binary on SQLite and on
//! PostgreSQL with the demo's clock at 3 December 2026: an employer's contact downloads her data
//! and asks for access on Mijn privacy, and sees it listed with its deadline; programme staff see
//! it on Privacyverzoeken, take it up, download the data and answer it, and she reads the answer.
//! Staff record a letter that asks to erase Sem, received a month and more ago so it is late and
//! on top; they cannot erase Fenna while she has a live place, and erase Sem, whose request then
//! says what was kept and why. Both pages fit a phone.

use crate::common::{
    Visit, assert_on_screen, log_in_as, set_value, shot, sideways_overflow, token, type_in,
    visit_as, wait_for,
};
use klasbrug_e2e::Browser;
use serde_json::{Value, json};
use testkit::{TestServer, on_both_backends};

const ADMIN: (&str, &str) = ("beheer@klasbrug.example", "Iris van Leeuwen");
const CONTACT: (&str, &str) = ("hr@hoogland.example", "Eva Jansen");
const FENNA: (&str, &str) = ("fenna@ambassadeur.example", "Fenna Dijkstra");
const SEM: (&str, &str) = ("sem@ambassadeur.example", "Sem Willems");
const DESKTOP: (u32, u32) = (1280, 900);
const PHONE: (u32, u32) = (360, 800);

/// Logs out and waits for the login form.
async fn log_out(browser: &Browser) {
    browser.click(&browser.find("#logout").await).await;
    browser.find("#email").await;
}

/// The id of the first request in the list whose person is `name`.
async fn card_id(browser: &Browser, name: &str) -> String {
    browser.wait_for_text("#privacy-request-list", name).await;
    let script = format!(
        "return [...document.querySelectorAll('#privacy-request-list li.request')]\
           .find(li => li.querySelector('.request-person').textContent === {name:?}).id"
    );
    browser.script(&script).await.as_str().unwrap().to_owned()
}

/// The names on the list, top to bottom.
async fn names(browser: &Browser) -> Vec<String> {
    let value = browser
        .script("return [...document.querySelectorAll('#privacy-request-list .request-person')].map(h => h.textContent)")
        .await;
    serde_json::from_value(value).unwrap()
}

/// Fenna asks to be erased through the API, as her own page would.
async fn fenna_asks_to_be_erased(server: &TestServer) {
    let fenna = token(server, FENNA.0).await;
    let response = reqwest::Client::new()
        .post(server.url("/api/v1/me/privacy-requests"))
        .bearer_auth(&fenna)
        .json(&json!({ "kind": "erasure", "note": "Ik stop als ambassadeur." }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
}

on_both_backends! {
    async fn a_contact_asks_for_access_and_staff_take_it_up_and_answer_it(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, DESKTOP, CONTACT.0, CONTACT.1).await;

        // Mijn privacy is in her menu; she downloads what is kept about her, readable and as JSON.
        browser.click(&browser.find("#menu-my-privacy").await).await;
        browser.wait_for_text("#page-title", "Mijn privacy").await;
        browser.wait_for_text("#no-requests", "nog geen verzoek").await;
        browser.click(&browser.find("#my-data-html").await).await;
        browser.wait_for_text("#my-data-saved", "mijn-gegevens-klasbrug-2026-12-03.html is gedownload").await;
        browser.click(&browser.find("#my-data-json").await).await;
        browser.wait_for_text("#my-data-saved", "mijn-gegevens-klasbrug-2026-12-03.json").await;

        // Sending without a choice says what is missing; then she asks for access with a note.
        browser.click(&browser.find("#ask-submit").await).await;
        browser.wait_for_text("#ask-kind-error", "Kies wat je vraagt").await;
        browser.click(&browser.find("#ask-kind-access").await).await;
        type_in(&browser, "#ask-note", "Welke gegevens van mij staan er in Klasbrug?").await;
        browser.click(&browser.find("#ask-submit").await).await;
        browser.wait_for_text("#privacy-asked", "We antwoorden uiterlijk 3 jan. 2027").await;
        let mine = browser.wait_for_text("#my-requests-list li[data-kind=access]", "Inzage").await;
        for part in ["Ontvangen", "Ontvangen op 3 dec. 2026", "antwoord uiterlijk 3 jan. 2027", "Je schreef: Welke gegevens"] {
            assert!(mine.contains(part), "{part:?} missing: {mine}");
        }
        browser.screenshot(&shot(&db, "mijn-privacy")).await;
        // A second one while the first runs is refused, in words of her own.
        browser.click(&browser.find("#ask-kind-access").await).await;
        browser.click(&browser.find("#ask-submit").await).await;
        browser.wait_for_text("#ask-error", "Je hebt al zo'n verzoek lopen").await;

        // Staff: it waits on their start page and on Privacyverzoeken, with who, what, how and when.
        log_out(&browser).await;
        log_in_as(&browser, ADMIN.0, ADMIN.1).await;
        browser.wait_for_text("#waiting-privacy-requests", "privacyverzoeken om te beantwoorden").await;
        browser.click(&browser.find("#menu-privacy-requests").await).await;
        browser.wait_for_text("#page-title", "Privacyverzoeken").await;
        let id = card_id(&browser, CONTACT.1).await;
        let card = browser.text(&browser.find(&format!("#{id}")).await).await;
        for part in ["Contactpersoon werkgever", "Inzage", "Eigen pagina", "3 dec. 2026", "3 jan. 2027", "nog niemand", "Ontvangen"] {
            assert!(card.contains(part), "{part:?} missing: {card}");
        }
        browser.screenshot(&shot(&db, "privacyverzoeken")).await;

        // They take it up, download her data to send, and answer.
        browser.click(&browser.find(&format!("#{id}-take-up")).await).await;
        browser.wait_for_text("#requests-done", "Je behandelt nu het verzoek van Eva Jansen").await;
        browser.wait_for_text(&format!("#{id} [data-fact=handler]"), ADMIN.1).await;
        browser.wait_for_text(&format!("#{id} .status"), "In behandeling").await;
        wait_for(&browser, &format!("#{id}:not(:has(#{id}-take-up))")).await;
        browser.click(&browser.find(&format!("#{id}-html")).await).await;
        browser.wait_for_text(&format!("#{id}-saved"), "gegevens-eva-jansen.html is gedownload").await;
        browser.click(&browser.find(&format!("#{id}-finish")).await).await;
        type_in(&browser, &format!("#{id}-answer"), "Je gegevens staan in de bijlage van deze e-mail.").await;
        browser.click(&browser.find(&format!("#{id}-confirm")).await).await;
        browser.wait_for_text("#requests-done", "Het verzoek van Eva Jansen is afgehandeld").await;
        browser.wait_for_text("#requests-empty", "Geen open verzoeken").await;
        browser.click(&browser.find("#show-closed").await).await;
        let closed = browser.wait_for_text(&format!("#{id}"), "Afgehandeld").await;
        assert!(closed.contains("Je gegevens staan in de bijlage"), "{closed}");

        // She reads the answer on her page.
        log_out(&browser).await;
        log_in_as(&browser, CONTACT.0, CONTACT.1).await;
        browser.goto(&server.url("/mijn-privacy")).await;
        let answered = browser.wait_for_text("#my-requests-list li[data-kind=access]", "Afgehandeld").await;
        assert!(answered.contains("Behandeld door Iris van Leeuwen") && answered.contains("Je gegevens staan in de bijlage"), "{answered}");
        assert!(!answered.contains("antwoord uiterlijk"), "a closed request has no deadline left: {answered}");
        browser.close().await;
    }

    async fn staff_record_a_letter_and_erase_the_person_telling_what_is_kept(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, DESKTOP, ADMIN.0, ADMIN.1).await;
        fenna_asks_to_be_erased(&server).await;
        browser.click(&browser.find("#menu-privacy-requests").await).await;
        card_id(&browser, FENNA.1).await;

        // The letter: an address without an account is named; then Sem's, received on 1 November.
        browser.click(&browser.find("#record-request").await).await;
        browser.click(&browser.find("#record-submit").await).await;
        browser.wait_for_text("#record-email-error", "Vul het e-mailadres in").await;
        type_in(&browser, "#record-email", "niemand@nergens.example").await;
        browser.click(&browser.find("#record-submit").await).await;
        browser.wait_for_text("#record-email-error", "Geen account in Klasbrug heeft dit e-mailadres").await;
        type_in(&browser, "#record-email", SEM.0).await;
        set_value(&browser, "#record-kind", "erasure").await;
        set_value(&browser, "#record-channel", "letter").await;
        set_value(&browser, "#record-received", "2026-11-01").await;
        type_in(&browser, "#record-note", "Brief in het archief, map november.").await;
        browser.screenshot(&shot(&db, "privacyverzoek-vastleggen")).await;
        browser.click(&browser.find("#record-submit").await).await;
        browser.wait_for_text("#requests-done", "Het verzoek van Sem Willems is vastgelegd").await;

        // A month after 1 November has passed: Sem's is late, and on top of Fenna's.
        let sem = card_id(&browser, SEM.1).await;
        assert_eq!(names(&browser).await, [SEM.1, FENNA.1], "due first");
        let card = browser.text(&browser.find(&format!("#{sem}")).await).await;
        for part in ["Verwijdering", "Brief", "1 nov. 2026", "1 dec. 2026 (te laat)", "Vastgelegd door", "map november"] {
            assert!(card.contains(part), "{part:?} missing: {card}");
        }
        let overdue = browser.script(&format!("return document.getElementById('{sem}').dataset.overdue")).await;
        assert_eq!(overdue, "true");
        browser.find(&format!("#{sem} .status-request-overdue")).await;
        browser.script(&format!("document.getElementById('{sem}').scrollIntoView()")).await;
        browser.screenshot(&shot(&db, "privacyverzoeken-te-laat")).await;
        wait_for(&browser, &format!("#{}:not(:has(.status-request-overdue))", card_id(&browser, FENNA.1).await)).await;

        // A refusal needs a reason.
        browser.click(&browser.find(&format!("#{sem}-refuse")).await).await;
        browser.click(&browser.find(&format!("#{sem}-confirm")).await).await;
        browser.wait_for_text(&format!("#{sem}-answer-error"), "Schrijf waarom").await;
        browser.click(&browser.find(&format!("#{sem}-refuse")).await).await;

        // Fenna has a live place: erasing her is refused, in words that say what to do.
        let fenna = card_id(&browser, FENNA.1).await;
        browser.click(&browser.find(&format!("#{fenna}-finish")).await).await;
        browser.wait_for_text(&format!("#{fenna}-erase-warning"), "Fenna Dijkstra wordt nu verwijderd").await;
        browser.click(&browser.find(&format!("#{fenna}-confirm")).await).await;
        browser.wait_for_text(&format!("#{fenna}-error"), "lopende plek op een school").await;

        // Sem's: the confirm step says he is erased and what is kept; then it is closed.
        browser.click(&browser.find(&format!("#{sem}-finish")).await).await;
        let warning = browser.wait_for_text(&format!("#{sem}-form"), "Wat we bewaren en waarom").await;
        assert!(warning.contains("Sem Willems wordt nu verwijderd"), "{warning}");
        browser.screenshot(&shot(&db, "privacyverzoek-verwijderen")).await;
        type_in(&browser, &format!("#{sem}-answer"), "Je gegevens zijn verwijderd.").await;
        browser.click(&browser.find(&format!("#{sem}-confirm")).await).await;
        browser.wait_for_text("#requests-done", "Het verzoek van Sem Willems is afgehandeld").await;
        wait_for(&browser, &format!("#privacy-request-list:not(:has(#{sem}))")).await;
        assert_eq!(names(&browser).await, [FENNA.1], "only Fenna's is open");
        browser.click(&browser.find("#show-closed").await).await;
        let closed = browser.wait_for_text(&format!("#{sem}"), "Afgehandeld").await;
        for part in ["Wat we bewaren en waarom", "Je gegevens zijn verwijderd.", ADMIN.1] {
            assert!(closed.contains(part), "{part:?} missing: {closed}");
        }
        assert!(!closed.contains(SEM.1), "his name is gone: {closed}");
        let kept = browser.find_all(&format!("#{sem} .kept-list li")).await;
        assert!(!kept.is_empty());
        browser.screenshot(&shot(&db, "privacyverzoeken-afgesloten")).await;

        // What the page says is what the server decided, and Sem cannot log in any more.
        let admin = token(&server, ADMIN.0).await;
        let closed: Value = crate::common::api_get(&server, &admin, "/privacy-requests?open=false").await;
        let record = closed.as_array().unwrap().iter().find(|r| format!("request-{}", r["id"].as_str().unwrap()) == sem).unwrap();
        assert_eq!(record["kept"].as_array().unwrap().len(), kept.len(), "{record}");
        let login = reqwest::Client::new()
            .post(server.url("/api/v1/auth/login"))
            .json(&json!({ "email": SEM.0, "password": "klasbrug-demo" }))
            .send()
            .await
            .unwrap();
        assert_eq!(login.status().as_u16(), 401);
        browser.close().await;
    }

    async fn mijn_privacy_and_privacyverzoeken_fit_a_phone(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, PHONE, CONTACT.0, CONTACT.1).await;
        browser.goto(&server.url("/mijn-privacy")).await;
        browser.find("#ask-kind-erasure").await;
        // She chooses erasure: first a step that says what it means and what stays.
        browser.click(&browser.find("#ask-kind-erasure").await).await;
        browser.click(&browser.find("#ask-submit").await).await;
        let confirm = browser.wait_for_text("#confirm-erasure", "Weet je het zeker?").await;
        assert!(confirm.contains("fiscale bewaarplicht"), "{confirm}");
        // It lists what would be kept of her, until when: she was never paid, so the request
        // and the log (730 days from the test clock's 3 December 2026).
        let kept = browser.wait_for_text("#confirm-erasure-kept", "Wat we bewaren en waarom").await;
        assert!(kept.contains("Dit verzoek en ons antwoord.") && kept.contains("Tot en met 2 dec. 2028"), "{kept}");
        assert!(!kept.contains("vrijwilligersvergoedingen"), "{kept}");
        // The step is scrolled into sight with its buttons, not just its heading.
        wait_for(&browser, "#confirm-erasure-title:focus").await;
        let button_in_sight = browser
            .script("const r = document.getElementById('confirm-erasure-submit').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;")
            .await;
        assert_eq!(button_in_sight, true, "the confirm button is out of sight at 360 px");
        assert_eq!(sideways_overflow(&browser).await, 0, "Mijn privacy scrolls sideways at 360 px");
        browser.screenshot(&shot(&db, "mijn-privacy-bevestigen-360px")).await;
        browser.click(&browser.find("#confirm-erasure-submit").await).await;
        browser.wait_for_text("#privacy-asked", "Hieronder staat wat we na verwijdering bewaren").await;
        browser.wait_for_text("#my-requests-list li[data-kind=erasure]", "Wat we bewaren en waarom").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "Mijn privacy scrolls sideways at 360 px");
        assert_on_screen(&browser, "#my-requests-list .kept-list li").await;
        assert_on_screen(&browser, "#my-data-html").await;
        browser.script("document.getElementById('my-requests').scrollIntoView()").await;
        browser.screenshot(&shot(&db, "mijn-privacy-360px")).await;

        log_out(&browser).await;
        log_in_as(&browser, ADMIN.0, ADMIN.1).await;
        browser.goto(&server.url("/privacyverzoeken")).await;
        let id = card_id(&browser, CONTACT.1).await;
        browser.click(&browser.find(&format!("#{id}-finish")).await).await;
        browser.wait_for_text(&format!("#{id}-form"), "Eva Jansen wordt nu verwijderd").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "Privacyverzoeken scrolls sideways at 360 px");
        assert_on_screen(&browser, "#privacy-request-list .fact dd").await;
        assert_on_screen(&browser, &format!("#{id} .card-actions button")).await;
        browser.screenshot(&shot(&db, "privacyverzoeken-360px")).await;
        browser.close().await;
    }
}

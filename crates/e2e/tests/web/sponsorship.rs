//! Werkgever in headless Chromium against the real binary, on SQLite and on PostgreSQL. Eva
//! Jansen of Bouwbedrijf Hoogland registers Ruben de Wit; the link the server mails him opens in
//! a fresh window, where he makes his account; Eva sees him accepted and linked, proposes his
//! agreement, and reads Hoogland's statement of autumn 2026: Bram Hoekstra's 32 approved hours
//! (the two submitted days do not count), their social return and the budget table with the
//! money she records for a school trip, and downloads it. The page fits a phone. A new employer
//! signs up, sees it must wait, and the programme admin verifies it; the admin starts and ends an
//! agreement.

use crate::common::{
    Visit, assert_on_screen, log_in, log_in_as, set_value, shot, sideways_overflow, token,
    visit_as, wait_for,
};
use klasbrug_e2e::{Browser, Driver};
use testkit::mail::invitation_links;
use testkit::{TestServer, on_both_backends};

const CONTACT: (&str, &str) = ("hr@hoogland.example", "Eva Jansen");
const ADMIN: (&str, &str) = ("beheer@klasbrug.example", "Iris van Leeuwen");
const RUBEN: (&str, &str) = ("Ruben de Wit", "ruben.dewit@hoogland.example");
const RUBENS_PASSWORD: &str = "lesgeven-op-donderdag-in-zeist";
/// Hoogland's sponsored member of staff with a running agreement, and where he works.
const SPONSORED: (&str, &str) = ("Bram Hoekstra", "Lyceum Zuiderlicht");

/// The path of the last invitation link the server mailed to `address`.
async fn wait_for_mail(server: &TestServer, address: &str) -> String {
    server
        .wait_for_log(|log| invitation_links(log, address).pop())
        .await
}

/// An attribute of the first element matching `css`.
async fn attribute(browser: &Browser, css: &str, name: &str) -> String {
    browser.find(css).await;
    let value = browser
        .script(&format!(
            "return document.querySelector({css:?}).getAttribute({name:?})"
        ))
        .await;
    value
        .as_str()
        .unwrap_or_else(|| panic!("{css} has no {name}"))
        .to_owned()
}

/// `GET` of an API path as the holder of `token`: status, content type and body bytes.
async fn get(server: &TestServer, token: &str, path: &str) -> (u16, String, Vec<u8>) {
    let response = reqwest::Client::new()
        .get(server.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, kind, response.bytes().await.unwrap().to_vec())
}

async fn type_value(browser: &Browser, css: &str, text: &str) {
    let field = browser.find(css).await;
    browser.clear(&field).await;
    browser.type_into(&field, text).await;
}

on_both_backends! {
    async fn an_employer_registers_staff_who_accept_and_reads_the_statement(db) {
        let Visit { server, browser, driver } = visit_as(&db, (1280, 1000), CONTACT.0, CONTACT.1).await;

        // (a) Werkgever: Hoogland is verified; Eva registers Ruben.
        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(menu.contains("Werkgever") && !menu.contains("Werkgevers"), "{menu}");
        browser.click(&browser.find("#menu-employer").await).await;
        browser.wait_for_text("#page-title", "Bouwbedrijf Hoogland").await;
        browser.wait_for_text("#employer-status", "Geverifieerd").await;
        wait_for(&browser, "#employer:not(:has(#not-verified))").await;
        let femke = browser.wait_for_text("#invitations tr[data-email='femke@hoogland.example']", "Femke Brouwer").await;
        assert!(femke.contains("Wacht op acceptatie"), "{femke}");
        let employer_id = attribute(&browser, "#employer", "data-employer").await;

        // Nothing is sent without a valid address.
        type_value(&browser, "#invite-name", RUBEN.0).await;
        type_value(&browser, "#invite-email", "ruben.dewit").await;
        browser.click(&browser.find("#invite-submit").await).await;
        browser.wait_for_text("#invite-email-error", "Vul een geldig e-mailadres in").await;
        type_value(&browser, "#invite-email", RUBEN.1).await;
        browser.click(&browser.find("#invite-submit").await).await;
        browser
            .wait_for_text("#invite-message", "Uitnodiging verstuurd naar ruben.dewit@hoogland.example")
            .await;
        let row = format!("#invitations tr[data-email='{}']", RUBEN.1);
        let pending = browser.wait_for_text(&format!("{row}[data-status=pending]"), "Wacht op acceptatie").await;
        assert!(pending.contains(RUBEN.0) && pending.contains("geldig tot"), "{pending}");
        browser.screenshot(&shot(&db, "werkgever-uitgenodigd")).await;

        // (b) The link from the mail, in a fresh window where nobody is logged in.
        let link = wait_for_mail(&server, RUBEN.1).await;
        assert!(link.contains(&format!("werkgever={employer_id}")), "{link}");
        let token_part = link.split("token=").nth(1).unwrap_or_default();
        assert_eq!(token_part.len(), 43, "{link}");
        assert!(token_part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{link}");
        let guest = driver.session(1280, 1000).await;
        guest.goto(&server.url(&link)).await;
        guest.wait_for_text("#invitation-from", "Bouwbedrijf Hoogland heeft je aangemeld").await;
        let who = guest.wait_for_text("#invitation-for", RUBEN.0).await;
        assert!(who.contains(RUBEN.1), "{who}");
        type_value(&guest, "#inv-password", RUBENS_PASSWORD).await;
        type_value(&guest, "#inv-password-repeat", "iets-heel-anders").await;
        guest.click(&guest.find("#inv-submit").await).await;
        guest.wait_for_text("#inv-password-repeat-error", "niet gelijk").await;
        guest.wait_for_text("#inv-weekdays-error", "Kies minstens één dag").await;
        type_value(&guest, "#inv-password-repeat", RUBENS_PASSWORD).await;
        guest.click(&guest.find("#inv-weekday-tuesday").await).await;
        guest.screenshot(&shot(&db, "uitnodiging-formulier")).await;
        guest.click(&guest.find("#inv-submit").await).await;
        guest
            .wait_for_text("#invitation-done", "Je account is aangemaakt. Log in met ruben.dewit@hoogland.example.")
            .await;
        guest.screenshot(&shot(&db, "uitnodiging-geaccepteerd")).await;
        // The account works, and the link is used up.
        guest.click(&guest.find("#to-login").await).await;
        log_in(&guest, RUBEN.1, RUBENS_PASSWORD).await;
        guest.wait_for_text("#user-name", RUBEN.0).await;
        guest.goto(&server.url(&link)).await;
        guest.wait_for_text("#invitation-refused", "al gebruikt").await;
        guest.close().await;

        // (c) Eva reloads: Ruben accepted, and is among the staff.
        browser.script("location.reload()").await;
        browser.wait_for_text(&format!("{row}[data-status=accepted]"), "Geaccepteerd").await;
        browser.wait_for_text("#employees", RUBEN.0).await;
        let staff = browser.text(&browser.find("#employees").await).await;
        assert!(staff.contains(SPONSORED.0) && staff.contains("Noah Verbeek"), "{staff}");

        // Eva proposes Ruben's agreement in hours and euros; agreeing is the programme's.
        let ruben = browser
            .script("return [...document.querySelectorAll('#ag-employee option')].find(o => o.text.includes('Ruben')).value")
            .await;
        set_value(&browser, "#ag-employee", ruben.as_str().unwrap()).await;
        type_value(&browser, "#ag-sponsored", "4,5").await;
        type_value(&browser, "#ag-rate", "52,50").await;
        browser.click(&browser.find("#ag-submit").await).await;
        browser.wait_for_text("#agreements-message", "De afspraak met Ruben de Wit is voorgesteld").await;
        let proposed = browser.wait_for_text("#agreements-table tr.agreement[data-status=proposed]", RUBEN.0).await;
        for expected in ["Voorgesteld", "4 uur 30 min", "EUR 52,50"] {
            assert!(proposed.contains(expected), "{expected} in {proposed}");
        }
        assert!(!proposed.contains("Afspreken"), "a contact does not agree: {proposed}");
        let running = browser.wait_for_text("#agreements-table tr.agreement[data-status=running]", SPONSORED.0).await;
        assert!(running.contains("Lopend") && running.contains("8 uur") && running.contains("EUR 65,00"), "{running}");

        // (d) Eva records money for a school trip, saying what it is for; the statement of
        // autumn 2026 lists it with the demo's materials, and counts only Bram's approved hours.
        set_value(&browser, "#co-kind", "money").await;
        type_value(&browser, "#co-description", "Bijdrage schoolreis techniekmuseum").await;
        type_value(&browser, "#co-amount", "250,00").await;
        set_value(&browser, "#co-date", "2026-11-15").await;
        type_value(&browser, "#co-receipt", "HL-2026-002").await;
        browser.click(&browser.find("#co-submit").await).await;
        browser.wait_for_text("#contribution-message", "HL-2026-002").await;
        browser.wait_for_text("#contributions-table", "Bijdrage schoolreis techniekmuseum").await;
        set_value(&browser, "#report-from", "2026-09-01").await;
        set_value(&browser, "#report-to", "2026-12-31").await;
        browser.click(&browser.find("#report-show").await).await;
        wait_for(&browser, "#report-body[data-from='2026-09-01'][data-to='2026-12-31']").await;
        let line = browser.wait_for_text("#report-hours tr.report-employee", SPONSORED.0).await;
        assert!(line.contains(SPONSORED.1), "{line}");
        let delivered = browser
            .script(&format!(
                "return [...document.querySelectorAll('#report-hours tr.report-employee')]\
                 .find(r => r.innerText.includes('{}')).querySelector('.report-delivered').innerText",
                SPONSORED.0
            ))
            .await;
        assert_eq!(delivered, "32 uur", "4 approved days of 8 hours; the 2 submitted do not count");
        let sroi = browser.wait_for_text("#report-sroi", "32 uur geleverd, waard EUR 3.200,00").await;
        assert!(sroi.contains("Groningen"), "{sroi}");
        let cost = browser.text(&browser.find("#report-cost").await).await;
        let role = format!("ambassadeur {}", SPONSORED.0);
        for expected in [
            role.as_str(), "EUR 65,00", "EUR 2.080,00", "coördinator HR", "EUR 55,00",
            "EUR 220,00", "Materialen: Gereedschapskisten voor technieklessen (1 okt. 2026), bonnummer HL-2026-001",
            "EUR 450,00", "Geld: Bijdrage schoolreis techniekmuseum (15 nov. 2026), bonnummer HL-2026-002",
            "EUR 250,00",
        ] {
            assert!(cost.contains(expected), "{expected} in {cost}");
        }
        browser.wait_for_text("#report-grand-total", "EUR 3.000,00").await;
        browser.script("document.getElementById('report').scrollIntoView()").await;
        browser.screenshot(&shot(&db, "werkgever-overzicht")).await;

        // A period that ends before it starts is refused here.
        set_value(&browser, "#report-to", "2026-08-01").await;
        browser.click(&browser.find("#report-show").await).await;
        browser.wait_for_text("#report-to-error", "De einddatum ligt voor de begindatum").await;
        set_value(&browser, "#report-to", "2026-12-31").await;
        browser.click(&browser.find("#report-show").await).await;
        wait_for(&browser, "#report:not(:has(#report-to-error))").await;

        // Downloads: fetched with the token, saved without an error; the same files from the API.
        browser.click(&browser.find("#download-csv").await).await;
        browser.wait_for_text("#report-message", "sponsoring-2026-09-01-2026-12-31.csv is gedownload").await;
        browser.click(&browser.find("#download-xlsx").await).await;
        browser.wait_for_text("#report-message", "sponsoring-2026-09-01-2026-12-31.xlsx is gedownload").await;
        wait_for(&browser, "#report:not(:has(#report-download-error))").await;
        let eva = token(&server, CONTACT.0).await;
        let period = "from=2026-09-01&to=2026-12-31";
        let (status, _, csv) = get(&server, &eva, &format!("/employers/{employer_id}/statement.csv?{period}")).await;
        let csv = String::from_utf8_lossy(&csv);
        assert_eq!(status, 200, "{csv}");
        assert!(csv.contains(SPONSORED.0), "{csv}");
        assert!(csv.contains(";geld;2026-11-15;HL-2026-002;250,00;Bijdrage schoolreis techniekmuseum\r\n"), "{csv}");
        let (status, _, xlsx) = get(&server, &eva, &format!("/employers/{employer_id}/statement.xlsx?{period}")).await;
        assert_eq!(status, 200);
        assert!(xlsx.starts_with(b"PK"), "a spreadsheet is a zip file");
        browser.close().await;
    }

    async fn the_employer_page_fits_a_phone(db) {
        let Visit { server: _server, browser, driver: _driver } =
            visit_as(&db, (360, 800), CONTACT.0, CONTACT.1).await;
        browser.click(&browser.find("#menu-employer").await).await;
        browser.wait_for_text("#invitations", "Femke Brouwer").await;
        browser.find("#report-body").await;
        browser.find("#agreements-table").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "Werkgever scrolls sideways at 360 px by {overflow} px");
        // The agreements are cards: their buttons are on the screen.
        let buttons_in_view = browser
            .script("const b = [...document.querySelectorAll('#agreements-table .row-buttons button')]; \
                     return b.length > 0 && b.every(x => x.getBoundingClientRect().right <= window.innerWidth)")
            .await;
        assert_eq!(buttons_in_view, true, "an agreement's buttons are off the screen at 360 px");
        // So are the contributions, the invitations and the staff: every fact on the screen,
        // under its label, and the forms' buttons too.
        for css in [
            "#contributions-table td",
            "#invitations td",
            "#employees td",
            "#co-submit",
            "#invite-submit",
        ] {
            assert_on_screen(&browser, css).await;
        }
        browser.wait_for_text("#contributions-table tr.contribution", "HL-2026-001").await;
        let labels = browser
            .script("return [...document.querySelector('#contributions-table tr.contribution').cells]\
                       .map(td => getComputedStyle(td, '::before').content)")
            .await;
        assert_eq!(
            labels,
            serde_json::json!(["\"Datum\"", "\"Soort\"", "\"Omschrijving\"", "\"Bedrag\"", "\"Bonnummer\""]),
            "a contribution's facts each stand under their label"
        );
        browser.screenshot(&shot(&db, "werkgever-360px")).await;
        for (section, name) in [
            ("agreements", "werkgever-afspraken-360px"),
            ("contributions", "werkgever-bijdragen-360px"),
            ("staff", "werkgever-personeel-360px"),
            ("report", "werkgever-overzicht-360px"),
        ] {
            browser.script(&format!("document.getElementById('{section}').scrollIntoView()")).await;
            browser.screenshot(&shot(&db, name)).await;
        }
        // The end form of an agreement opens with its reason field focused, and fits too.
        browser.click(&browser.find("#agreements-table .agreement-end").await).await;
        browser.find("#end-reason").await;
        let focused = browser.script("return document.activeElement.id").await;
        assert_eq!(focused, "end-reason");
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "the end form scrolls sideways at 360 px by {overflow} px");
        browser.close().await;
    }

    async fn a_new_employer_signs_up_waits_for_verification_and_the_admin_verifies_it(db) {
        let server = crate::common::spawn_server(&db).await;
        let driver = Driver::start().await;
        let browser = driver.session(1280, 1000).await;
        browser.goto(&server.url("/")).await;

        // From the login page to the sign-up; the form checks itself first.
        browser.click(&browser.find("#employer-sign-up-link").await).await;
        browser.wait_for_text("#page-title", "Werkgever aanmelden").await;
        browser.click(&browser.find("#su-submit").await).await;
        browser.wait_for_text("#su-organisation-error", "naam van de organisatie").await;
        browser.wait_for_text("#su-password-error", "minstens 10 tekens").await;
        for (id, value) in [
            ("su-organisation", "Bakkerij Het Gouden Aar"),
            ("su-municipality", "Utrecht"),
            ("su-contact", "Anouk Bos"),
            ("su-email", CONTACT.0),
            ("su-password", "brood-en-banket-2026"),
            ("su-password-repeat", "brood-en-banket-2026"),
        ] {
            type_value(&browser, &format!("#{id}"), value).await;
        }
        // A password that is easy to guess is refused at its field, in Dutch.
        type_value(&browser, "#su-email", "hr@goudenaar.example").await;
        type_value(&browser, "#su-password", "aaaaaaaaaaaa").await;
        type_value(&browser, "#su-password-repeat", "aaaaaaaaaaaa").await;
        browser.click(&browser.find("#su-submit").await).await;
        browser.wait_for_text("#su-password-error", "te makkelijk te raden").await;
        // The answer does not say whether the address has an account: check the e-mail.
        type_value(&browser, "#su-password", "brood-en-banket-2026").await;
        type_value(&browser, "#su-password-repeat", "brood-en-banket-2026").await;
        browser.click(&browser.find("#su-submit").await).await;
        browser.wait_for_text("#sign-up-done", "Kijk in je e-mail").await;
        browser.screenshot(&shot(&db, "werkgever-aangemeld")).await;

        // Logged in, the new contact is told the programme still has to verify; no invite form.
        browser.click(&browser.find("#to-login").await).await;
        log_in(&browser, "hr@goudenaar.example", "brood-en-banket-2026").await;
        browser.wait_for_text("#user-name", "Anouk Bos").await;
        browser.click(&browser.find("#menu-employer").await).await;
        browser.wait_for_text("#employer-status", "Nog niet geverifieerd").await;
        browser.wait_for_text("#not-verified", "Het programma moet je organisatie nog verifiëren").await;
        wait_for(&browser, "#employer:not(:has(#invite-form))").await;
        browser.screenshot(&shot(&db, "werkgever-niet-geverifieerd")).await;
        browser.click(&browser.find("#logout").await).await;

        // The admin sees the unverified first, and verifies it.
        log_in_as(&browser, ADMIN.0, ADMIN.1).await;
        browser.click(&browser.find("#menu-employers").await).await;
        let row = browser.wait_for_text("#employers tr.employer-row", "Bakkerij Het Gouden Aar").await;
        assert!(row.contains("Nog niet geverifieerd") && row.contains("Utrecht"), "{row}");
        let first = browser.text(&browser.find("#employers tbody tr").await).await;
        assert!(first.contains("Nog niet geverifieerd"), "unverified first: {first}");
        let verified = browser.text(&browser.find("#employers tr[data-verified=true]").await).await;
        assert!(verified.contains("Geverifieerd"), "{verified}");
        let id = browser
            .script("return [...document.querySelectorAll('#employers tr.employer-row')].find(r => r.innerText.includes('Gouden Aar')).id")
            .await;
        let id = id.as_str().unwrap().strip_prefix("employer-").unwrap().to_owned();
        browser.screenshot(&shot(&db, "werkgevers")).await;
        browser.click(&browser.find(&format!("#verify-{id}")).await).await;
        browser.wait_for_text("#employers-message", "Bakkerij Het Gouden Aar is geverifieerd").await;
        browser.wait_for_text(&format!("#employer-{id}[data-verified=true]"), "Geverifieerd").await;

        // The admin opens Lindehof, starts its agreed agreement and ends it with a reason.
        browser
            .script("[...document.querySelectorAll('#employers tr.employer-row a')].find(a => a.innerText.includes('Lindehof')).click()")
            .await;
        browser.wait_for_text("#page-title", "Zorggroep Lindehof").await;
        let agreed = browser.wait_for_text("#agreements-table tr.agreement[data-status=agreed]", "Daan Vermeulen").await;
        assert!(agreed.contains("Afgesproken") && agreed.contains("Starten"), "{agreed}");
        browser.click(&browser.find("#agreements-table .agreement-start").await).await;
        browser.wait_for_text("#agreements-message", "De afspraak met Daan Vermeulen is gestart").await;
        browser.wait_for_text("#agreements-table tr.agreement[data-status=running]", "Lopend").await;
        browser.click(&browser.find("#agreements-table .agreement-end").await).await;
        browser.click(&browser.find("#end-submit").await).await;
        browser.wait_for_text("#end-reason-error", "Schrijf waarom de afspraak eindigt").await;
        type_value(&browser, "#end-reason", "Daan stopt bij Lindehof.").await;
        browser.click(&browser.find("#end-submit").await).await;
        browser.wait_for_text("#agreements-message", "De afspraak met Daan Vermeulen is beëindigd").await;
        let ended = browser.wait_for_text("#agreements-table tr.agreement[data-status=ended]", "Beëindigd").await;
        assert!(ended.contains("Daan stopt bij Lindehof."), "{ended}");
        browser.screenshot(&shot(&db, "werkgever-afspraak-beeindigd")).await;
        browser.close().await;
    }
}

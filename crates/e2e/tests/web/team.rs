//! A school's team in headless Chromium on a 360 px phone, against the real binary on SQLite
//! and on PostgreSQL: the director invites a teacher from Team; the teacher follows the e-mail's
//! link, chooses a password, logs in, and on Mijn klas says yes for groep 6 and sees Fenna and
//! her lessons for that group; the director's Capaciteit then shows the teacher's own answer in
//! the suggestion; the director takes the teacher out of the team again.

use crate::common::{
    Visit, labelled_and_keyboard_reachable, log_in, log_in_as, shot, sideways_overflow, type_in,
    visit_as, wait_for,
};
use testkit::mail::mails_to;
use testkit::on_both_backends;

const DIRECTOR: (&str, &str) = ("directeur@zeester.example", "Anouk Visser");
const EVA: (&str, &str) = ("eva.dewit@zeester.example", "Eva de Wit");
const PASSWORD: &str = "krijtjes-en-bordwissers-7";
const PHONE: (u32, u32) = (360, 740);

on_both_backends! {
    async fn a_director_invites_a_teacher_who_opts_in_and_the_capacity_shows_it(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, PHONE, DIRECTOR.0, DIRECTOR.1).await;

        // The director invites Eva from Team.
        browser.click(&browser.find("#menu-team").await).await;
        let form = browser.find("form[id^='invite-form-']").await;
        let form_id = browser.script("return document.querySelector(\"form[id^='invite-form-']\").id").await;
        let school = form_id.as_str().unwrap().trim_start_matches("invite-form-").to_owned();
        drop(form);
        browser.click(&browser.find(&format!("#invite-submit-{school}")).await).await;
        browser.wait_for_text(&format!("#invite-name-{school}-error"), "Vul de naam in").await;
        type_in(&browser, &format!("#invite-name-{school}"), EVA.1).await;
        type_in(&browser, &format!("#invite-email-{school}"), EVA.0).await;
        browser.click(&browser.find(&format!("#invite-submit-{school}")).await).await;
        browser.wait_for_text(&format!("#team-message-{school}"), "verstuurd").await;
        browser.wait_for_text(&format!("#invitations-list-{school}"), "Eva de Wit").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "Team scrolls sideways at 360 px");
        browser.screenshot(&shot(&db, "team-uitnodigen")).await;

        // Eva follows the link, chooses a password and logs in.
        let mail = server.wait_for_log(|log| mails_to(log, EVA.0).into_iter().next()).await;
        let at = mail.find("/team-uitnodiging?token=").unwrap();
        let link: String = mail[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || "/?=&-_".contains(*c)).collect();
        browser.click(&browser.find("#logout").await).await;
        browser.find("#email").await;
        browser.goto(&server.url(&link)).await;
        browser.wait_for_text("#team-invitation-intro", "Eva de Wit, je bent uitgenodigd als leerkracht bij Basisschool De Zeester").await;
        assert!(labelled_and_keyboard_reachable(&browser).await);
        assert_eq!(sideways_overflow(&browser).await, 0);
        type_in(&browser, "#ti-password", PASSWORD).await;
        type_in(&browser, "#ti-password-repeat", PASSWORD).await;
        browser.click(&browser.find("#ti-submit").await).await;
        browser.wait_for_text("#team-invitation-done", "Welkom in het team").await;
        browser.click(&browser.find("#to-login").await).await;
        log_in(&browser, EVA.0, PASSWORD).await;
        browser.wait_for_text("#user-name", EVA.1).await;

        // Her start page asks for her answer; it leads to Mijn klas, where she says yes for
        // groep 6 on Wednesdays and sees Fenna and her lessons.
        browser.wait_for_text("#waiting-opt-in", "wil je met een ambassadeur werken").await;
        browser.click(&browser.find("#waiting-opt-in a").await).await;
        browser.wait_for_text("#page-title", "Mijn klas").await;
        browser.wait_for_text("#class-form legend", "2026-2027").await;
        assert!(labelled_and_keyboard_reachable(&browser).await);
        browser.click(&browser.find("#class-yes").await).await;
        browser.click(&browser.find("#class-save").await).await;
        browser.wait_for_text("#class-groups-error", "Noem de groep").await;
        type_in(&browser, "#class-groups", "groep 6").await;
        browser.click(&browser.find("#class-weekday-wednesday").await).await;
        browser.click(&browser.find("#class-save").await).await;
        browser.wait_for_text("#class-message", "opgeslagen").await;
        browser.click(&browser.find("#menu-overview").await).await;
        wait_for(&browser, "#waiting-nothing").await;
        browser.click(&browser.find("#menu-my-class").await).await;
        browser.wait_for_text("#class-ambassadors", "Fenna Dijkstra").await;
        let lessons = browser.wait_for_text("#class-lessons", "Bruggen bouwen").await;
        assert!(lessons.contains("groep 6"), "{lessons}");
        // A concern about Fenna's lessons goes to the coordinator and the programme.
        browser.click(&browser.find("#class-ambassadors details summary").await).await;
        browser.click(&browser.find("#class-ambassadors details button").await).await;
        browser.wait_for_text("#class-ambassadors .field-error", "Schrijf wat je zorg is").await;
        browser.type_into(&browser.find("#class-ambassadors textarea").await, "Groep 6 mist de uitleg vooraf.").await;
        browser.click(&browser.find("#class-ambassadors details button").await).await;
        browser.wait_for_text("#class-ambassadors", "Gemeld").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "Mijn klas scrolls sideways at 360 px");
        browser.screenshot(&shot(&db, "mijn-klas")).await;

        // The director's Capaciteit shows her answer, counted in the suggestion.
        browser.click(&browser.find("#logout").await).await;
        browser.find("#email").await;
        log_in_as(&browser, DIRECTOR.0, DIRECTOR.1).await;
        browser.click(&browser.find("#menu-capacity").await).await;
        let answers = browser.wait_for_text("#self-reported", "Eva de Wit").await;
        assert!(answers.contains("groep 6") && answers.contains("wil graag"), "{answers}");
        browser.screenshot(&shot(&db, "capaciteit-zelf-aangegeven")).await;

        // She left: the director takes her out of the team.
        browser.click(&browser.find("#menu-team").await).await;
        wait_for(&browser, &format!("#invitations-list-{school} li[data-status='accepted']")).await;
        browser.click(&browser.find("button[aria-label='Uit het team halen: Eva de Wit']").await).await;
        browser.wait_for_text(&format!("#team-message-{school}"), "Eva de Wit is uit het team gehaald").await;

        // Programme staff read Eva's concern on top of Ambassadeurs, with the school and Fenna.
        browser.click(&browser.find("#logout").await).await;
        browser.find("#email").await;
        log_in_as(&browser, "beheer@klasbrug.example", "Iris van Leeuwen").await;
        browser.click(&browser.find("#menu-ambassadors").await).await;
        let concerns = browser.wait_for_text("#concerns", "Groep 6 mist de uitleg vooraf.").await;
        assert!(concerns.contains("Fenna Dijkstra") && concerns.contains("Basisschool De Zeester") && concerns.contains("Eva de Wit"), "{concerns}");
        browser.close().await;
    }
}

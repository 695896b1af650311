//! Outgoing e-mail: the messages, and the mailer that puts them in the outbox in the
//! transaction of the change that causes them. The delivery worker ([`crate::delivery`]) sends
//! them: over SMTP when `KLASBRUG_SMTP_URL` is set, to the log (target `klasbrug::mail`) in
//! demo mode without it, and otherwise not at all until a mail server is configured.
//!
//! Every message addresses its reader with "je", and writes dates as the web app does
//! ([`domain::date_words`]): "7 dec. 2026".

use std::sync::Arc;

use domain::date_words::DUTCH;
use domain::mail_preference::{MailCategory, MailChoice};
use tokio::sync::Notify;

/// A message to one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub body: String,
}

/// Queues messages and wakes the delivery worker.
#[derive(Debug, Clone)]
pub struct Mailer {
    public_url: String,
    wake: Arc<Notify>,
    webhook_wake: Arc<Notify>,
    links: crate::unsubscribe::LinkKey,
}

impl Mailer {
    /// A mailer whose links start at `public_url`, signing unsubscribe links with a key of its
    /// own (for tests; a server uses [`Mailer::with_secret`]).
    pub fn new(public_url: &str) -> Self {
        Self::with_secret(public_url, &rand::random::<[u8; 32]>())
    }

    /// A mailer whose links start at `public_url` and whose unsubscribe links are signed with a
    /// key derived from `secret`, the server's signing secret, so the server can check them.
    pub fn with_secret(public_url: &str, secret: &[u8]) -> Self {
        Self {
            public_url: public_url.trim_end_matches('/').to_owned(),
            wake: Arc::new(Notify::new()),
            webhook_wake: Arc::new(Notify::new()),
            links: crate::unsubscribe::LinkKey::derive(secret),
        }
    }

    /// The key of the unsubscribe links, to check one.
    pub fn link_key(&self) -> &crate::unsubscribe::LinkKey {
        &self.links
    }

    /// The web app's address of `path` (which starts with `/`), for a link in a message.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    /// Puts `message` of `kind` in the outbox, with its HTML part. Call it on the transaction
    /// of the change that causes it, then [`Mailer::wake`] once that has committed.
    pub async fn queue(
        &self,
        store: &store::Store,
        kind: &'static str,
        message: Message,
    ) -> Result<(), store::StoreError> {
        self.queue_with(store, kind, message, None).await
    }

    /// As [`Mailer::queue`], with a file attached (an iCalendar invitation).
    ///
    /// The reader's choice for the message's category decides: right away it goes to the
    /// outbox with an unsubscribe link at the bottom; weekly it waits for Monday's digest
    /// (without its attachment); never, it is dropped. A message without a category (an
    /// invitation, a password reset) always goes.
    pub async fn queue_with(
        &self,
        store: &store::Store,
        kind: &'static str,
        mut message: Message,
        attachment: Option<store::Attachment>,
    ) -> Result<(), store::StoreError> {
        if let Some(category) = domain::mail_preference::category_of(kind) {
            match store.mail_choice(&message.to, category).await? {
                Some(MailChoice::Never) => return Ok(()),
                Some(MailChoice::Weekly) => {
                    return store
                        .add_digest_item(&message.to, category, &message.subject, &message.body)
                        .await;
                }
                Some(MailChoice::Immediately) | None => {
                    message
                        .body
                        .push_str(&self.unsubscribe_footer(&message.to, category));
                }
            }
        }
        let html = match crate::mail_html::render(&message.subject, &message.body) {
            Ok(html) => Some(html),
            Err(error) => {
                // Never the reason a change fails: the plain text says it all.
                tracing::error!(%error, kind, "rendering an e-mail's HTML failed; sending text only");
                None
            }
        };
        store
            .enqueue_email(&store::NewEmail {
                kind,
                to: message.to,
                subject: message.subject,
                text: message.body,
                html,
                attachment,
            })
            .await?;
        Ok(())
    }

    /// The lines under a message a reader can stop: the link that stops this category without
    /// logging in, and the page where they choose for every category.
    fn unsubscribe_footer(&self, to: &str, category: MailCategory) -> String {
        let token = self.links.token(to, category);
        format!(
            "\n\n--\nGeen e-mails meer over {what}? Meld je af:\n{stop}\n\
             Of kies per soort bericht: direct, één keer per week of niet:\n{settings}",
            what = category_words(category),
            stop = self.link(&format!("/afmelden?token={token}")),
            settings = self.link("/e-mailinstellingen"),
        )
    }

    /// Tells the delivery workers (e-mail and webhooks) a message may wait, so it leaves now
    /// rather than at the next look.
    pub fn wake(&self) {
        self.wake.notify_one();
        self.webhook_wake.notify_one();
    }

    /// What the webhook worker waits on.
    pub fn webhook_waker(&self) -> Arc<Notify> {
        self.webhook_wake.clone()
    }

    /// What the delivery worker waits on.
    pub fn waker(&self) -> Arc<Notify> {
        self.wake.clone()
    }
}

/// The invitation an employer's contact sends an employee.
pub fn invitation(
    mailer: &Mailer,
    to: &str,
    employee_name: &str,
    employer_name: &str,
    employer_id: uuid::Uuid,
    token: &str,
    expires_on: chrono::NaiveDate,
) -> Message {
    let link = mailer.link(&format!(
        "/uitnodiging?werkgever={employer_id}&token={token}"
    ));
    Message {
        to: to.to_owned(),
        subject: format!("Uitnodiging van {employer_name} voor Klasbrug"),
        body: format!(
            "Beste {employee_name},\n\n\
             {employer_name} meldt je aan als onderwijsambassadeur: je gaat namens je werkgever \
             een dag per week naar een school.\n\n\
             Accepteer de uitnodiging via deze link (geldig tot en met {expires}):\n{link}\n\n\
             Niets wordt aan je werkgever gekoppeld zonder dat je accepteert.\n\nKlasbrug",
            expires = DUTCH.date(expires_on),
        ),
    }
}

/// The confirmation of an employer's sign-up, to its new contact.
pub fn sign_up_received(
    mailer: &Mailer,
    to: &str,
    contact_name: &str,
    organisation: &str,
) -> Message {
    Message {
        to: to.to_owned(),
        subject: "Je aanmelding bij Klasbrug".to_owned(),
        body: format!(
            "Beste {contact_name},\n\n\
             Je hebt {organisation} aangemeld als werkgever bij Klasbrug. Je kunt nu inloggen met \
             dit e-mailadres en het wachtwoord dat je koos:\n{link}\n\n\
             Het programma controleert de aanmelding; daarna kun je medewerkers uitnodigen.\n\n\
             Heb je je niet aangemeld? Laat het ons weten door op deze e-mail te antwoorden.\n\nKlasbrug",
            link = mailer.link("/"),
        ),
    }
}

/// To the owner of an account, when someone signed an employer up with its address: nothing was
/// created, and the answer to the sign-up did not say the address has an account.
pub fn sign_up_with_existing_account(mailer: &Mailer, to: &str) -> Message {
    Message {
        to: to.to_owned(),
        subject: "Aanmelding met je e-mailadres bij Klasbrug".to_owned(),
        body: format!(
            "Beste,\n\n\
             Iemand probeerde een werkgever bij Klasbrug aan te melden met dit e-mailadres. Er is \
             al een account met dit adres, dus er is niets aangemaakt.\n\n\
             Was jij dit? Log dan in met je bestaande account:\n{link}\n\
             Wachtwoord vergeten? Vraag het programma om hulp.\n\n\
             Was jij dit niet? Dan hoef je niets te doen.\n\nKlasbrug",
            link = mailer.link("/"),
        ),
    }
}

/// An invitation to join a school's team, to the colleague.
pub fn team_invitation(
    mailer: &Mailer,
    to: &str,
    name: &str,
    school: &str,
    role: domain::Role,
    token: &str,
    expires_on: chrono::NaiveDate,
) -> Message {
    let link = mailer.link(&format!("/team-uitnodiging?token={token}"));
    let as_role = match role {
        domain::Role::Coordinator => "intern begeleider",
        _ => "leraar",
    };
    Message {
        to: to.to_owned(),
        subject: format!("Uitnodiging voor het team van {school} in Klasbrug"),
        body: format!(
            "Beste {name},\n\n\
             Je bent uitgenodigd als {as_role} in het team van {school} in Klasbrug, het programma \
             dat onderwijsambassadeurs op school brengt. Accepteer de uitnodiging via deze link \
             (geldig tot en met {expires}):\n{link}\n\n\
             Daarna zie je onder Mijn klas welke ambassadeur bij je groep komt en geef je aan of \
             je dit schooljaar met een ambassadeur wilt werken.\n\nKlasbrug",
            expires = DUTCH.date(expires_on),
        ),
    }
}

/// The link to confirm an application to become an ambassador, to the candidate.
pub fn application_received(
    mailer: &Mailer,
    to: &str,
    name: &str,
    partner: Option<&str>,
    token: &str,
    expires_on: chrono::NaiveDate,
) -> Message {
    let link = mailer.link(&format!("/aanmelding-bevestigen?token={token}"));
    let by = match partner {
        Some(partner) => format!("{partner} heeft je aangemeld"),
        None => "Je hebt je aangemeld".to_owned(),
    };
    Message {
        to: to.to_owned(),
        subject: "Bevestig je aanmelding als onderwijsambassadeur".to_owned(),
        body: format!(
            "Beste {name},\n\n\
             {by} als onderwijsambassadeur bij Klasbrug. Bevestig je e-mailadres en kies een \
             wachtwoord via deze link (geldig tot en met {expires}):\n{link}\n\n\
             Pas daarna telt je aanmelding en neemt het programma contact met je op voor een \
             kennismaking. Bevestig je niet, dan verwijderen we je aanmelding met je brief en cv.\n\n\
             Heb je je niet aangemeld? Dan hoef je niets te doen.\n\nKlasbrug",
            expires = DUTCH.date(expires_on),
        ),
    }
}

/// To the owner of an account, when an application was made with its address: nothing was
/// created, and the answer to the application did not say the address has an account.
pub fn application_with_existing_account(mailer: &Mailer, to: &str) -> Message {
    Message {
        to: to.to_owned(),
        subject: "Aanmelding met je e-mailadres bij Klasbrug".to_owned(),
        body: format!(
            "Beste,\n\n\
             Er kwam een aanmelding als onderwijsambassadeur binnen met dit e-mailadres. Er is al \
             een account met dit adres, dus er is niets nieuws aangemaakt.\n\n\
             Was jij dit? Log dan in met je bestaande account; het programma helpt je verder:\n{link}\n\n\
             Was jij dit niet? Dan hoef je niets te doen.\n\nKlasbrug",
            link = mailer.link("/"),
        ),
    }
}

/// A category of e-mail in Dutch words, as in "Geen e-mails meer over …?".
pub fn category_words(category: MailCategory) -> &'static str {
    match category {
        MailCategory::Matching => "koppelingen",
        MailCategory::Hours => "uren",
        MailCategory::LessonSeries => "lessenseries",
        MailCategory::Allowance => "je vrijwilligersvergoeding",
        MailCategory::Reminders => "herinneringen (intake en VOG)",
        MailCategory::Statements => "verklaringen voor werkgevers",
    }
}

/// The weekly digest: the messages `items` held back for a reader who chose to get them once a
/// week, oldest first.
pub fn weekly_digest(mailer: &Mailer, to: &str, items: &[store::DigestItem]) -> Message {
    let count = items.len();
    let mut body = format!(
        "Beste,\n\nDit zijn de berichten van Klasbrug van de afgelopen week ({count}), in één e-mail \
         zoals je koos."
    );
    for item in items {
        body.push_str(&format!(
            "\n\n== {subject} ({at}) ==\n\n{text}",
            subject = item.subject,
            at = DUTCH.instant_date(item.created_at),
            text = item.body.trim(),
        ));
    }
    body.push_str(&format!(
        "\n\n--\nKies per soort bericht of je het direct, één keer per week of niet krijgt:\n{}",
        mailer.link("/e-mailinstellingen")
    ));
    Message {
        to: to.to_owned(),
        subject: if count == 1 {
            "Je weekoverzicht van Klasbrug: 1 bericht".to_owned()
        } else {
            format!("Je weekoverzicht van Klasbrug: {count} berichten")
        },
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_links_to_the_acceptance_page_with_the_token() {
        let mailer = Mailer::new("https://klasbrug.example/");
        let id = uuid::Uuid::nil();
        let message = invitation(
            &mailer,
            "sanne@bedrijf.example",
            "Sanne",
            "Bedrijf Voorbeeld",
            id,
            "abc_123-XYZ",
            chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default(),
        );
        assert!(message.body.contains(&format!(
            "https://klasbrug.example/uitnodiging?werkgever={id}&token=abc_123-XYZ"
        )));
        assert!(
            message.body.contains("geldig tot en met 7 dec. 2026"),
            "{}",
            message.body
        );
        assert_eq!(
            message.subject,
            "Uitnodiging van Bedrijf Voorbeeld voor Klasbrug"
        );
    }

    /// Every message, with sample input in every variant.
    fn every_message() -> Vec<Message> {
        let mailer = Mailer::new("https://klasbrug.example");
        let on = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let to = "iemand@voorbeeld.example";
        vec![
            invitation(
                &mailer,
                to,
                "Sanne",
                "Bouwbedrijf Hoogland",
                uuid::Uuid::nil(),
                "t",
                on,
            ),
            sign_up_received(&mailer, to, "Ruben", "Bouwbedrijf Hoogland"),
            sign_up_with_existing_account(&mailer, to),
            team_invitation(
                &mailer,
                to,
                "Fenna",
                "De Regenboog",
                domain::Role::Teacher,
                "t",
                on,
            ),
            team_invitation(
                &mailer,
                to,
                "Joost",
                "De Regenboog",
                domain::Role::Coordinator,
                "t",
                on,
            ),
            application_received(&mailer, to, "Joris", Some("Stichting Techniek"), "t", on),
            application_received(&mailer, to, "Joris", None, "t", on),
            application_with_existing_account(&mailer, to),
        ]
    }

    #[test]
    fn every_message_addresses_its_reader_with_je() {
        for message in every_message() {
            for text in [&message.subject, &message.body] {
                assert_eq!(
                    domain::form_of_address::formal_word(text),
                    None,
                    "formal address in {:?}:\n{text}",
                    message.subject
                );
            }
        }
    }

    #[test]
    fn expiry_dates_are_written_as_on_the_web_app() {
        let with_dates: Vec<_> = every_message()
            .into_iter()
            .filter(|m| m.body.contains("geldig tot en met"))
            .collect();
        assert_eq!(with_dates.len(), 5);
        for message in with_dates {
            assert!(
                message.body.contains("geldig tot en met 1 jan. 2027)"),
                "{}",
                message.body
            );
        }
    }
}

/// A link to choose a new password, to the owner of an account who asked for one. It works
/// once, until `expires_at`; the message says so with the time in Amsterdam.
pub fn password_reset(
    mailer: &Mailer,
    to: &str,
    name: &str,
    token: &str,
    expires_at: chrono::DateTime<chrono::Utc>,
) -> Message {
    let link = mailer.link(&format!("/wachtwoord-herstellen?token={token}"));
    Message {
        to: to.to_owned(),
        subject: "Nieuw wachtwoord voor Klasbrug".to_owned(),
        body: format!(
            "Beste {name},\n\n\
             Je vroeg om een nieuw wachtwoord voor je account bij Klasbrug. Kies het via deze \
             link (één keer te gebruiken, geldig tot {expires}):\n{link}\n\n\
             Met het nieuwe wachtwoord log je overal opnieuw in: wie nog ingelogd was, is dan \
             uitgelogd.\n\n\
             Vroeg je dit niet? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.\n\nKlasbrug",
            expires = DUTCH.instant(expires_at),
        ),
    }
}

#[cfg(test)]
mod password_reset_tests {
    use super::*;

    #[test]
    fn a_reset_links_to_the_reset_page_says_until_when_and_addresses_its_reader_with_je() {
        let mailer = Mailer::new("https://klasbrug.example/");
        // 14:05 UTC in December is 15:05 in Amsterdam.
        let expires = chrono::DateTime::parse_from_rfc3339("2026-12-07T14:05:00Z")
            .unwrap()
            .to_utc();
        let message = password_reset(
            &mailer,
            "noah@ambassadeur.example",
            "Noah",
            "abc_123-XYZ",
            expires,
        );
        assert_eq!(message.to, "noah@ambassadeur.example");
        assert!(
            message
                .body
                .contains("https://klasbrug.example/wachtwoord-herstellen?token=abc_123-XYZ\n"),
            "{}",
            message.body
        );
        assert!(
            message.body.contains("geldig tot 7 dec. 2026 15:05)"),
            "{}",
            message.body
        );
        assert!(message.body.starts_with("Beste Noah,"));
        for text in [&message.subject, &message.body] {
            assert_eq!(domain::form_of_address::formal_word(text), None, "{text}");
        }
    }
}

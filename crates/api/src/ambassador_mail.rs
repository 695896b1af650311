//! The e-mails an ambassador gets about their own way in: the intake planned, and reminders
//! about their VOG.

use crate::mail::{Mailer, Message};

/// To the ambassador: programme staff planned their intake. The intake step records only the
/// day the step was taken, not when or where the conversation is, so the message says that
/// the programme will agree the moment with them and links to their page.
pub fn intake_planned(mailer: &Mailer, to: &str, name: &str) -> Message {
    Message {
        to: to.to_owned(),
        subject: "Je intakegesprek bij Klasbrug is gepland".to_owned(),
        body: format!(
            "Beste {name},\n\n\
             Bedankt voor je aanmelding als onderwijsambassadeur. Het programma heeft een \
             intakegesprek met je ingepland; we spreken de dag, het tijdstip en de plek met je \
             af. In het gesprek kijken we samen welke school en welke rol bij je passen.\n\n\
             Je gegevens en de stand van je aanmelding zie je hier:\n{link}\n\nKlasbrug",
            link = mailer.link("/mijn-gegevens"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_intake_notice_links_to_the_ambassadors_page_and_says_je() {
        let mailer = Mailer::new("https://klasbrug.example/");
        let message = intake_planned(&mailer, "femke@voorbeeld.example", "Femke");
        assert_eq!(message.to, "femke@voorbeeld.example");
        assert!(message.body.starts_with("Beste Femke,"));
        assert!(
            message
                .body
                .contains("https://klasbrug.example/mijn-gegevens\n"),
            "{}",
            message.body
        );
        for text in [&message.subject, &message.body] {
            assert_eq!(domain::form_of_address::formal_word(text), None, "{text}");
        }
    }
}

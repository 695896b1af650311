//! The e-mails an ambassador gets about their own way in: the intake planned, and reminders
//! about their VOG.

use domain::date_words::DUTCH;

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

/// To the ambassador: a reminder about their VOG (missing, expiring before a placement's first
/// day, or expired).
pub fn vog_reminder(
    mailer: &Mailer,
    to: &str,
    name: &str,
    reminder: &domain::vog_reminder::VogReminder,
    school: Option<&str>,
) -> Message {
    use domain::vog_reminder::VogReminder;
    let at = school.map_or_else(String::new, |school| format!(" bij {school}"));
    let (subject, what) = match reminder {
        VogReminder::Missing { placement } => (
            "Je VOG ontbreekt nog".to_owned(),
            format!(
                "Je plaatsing{at} begint op {start}, maar we hebben nog geen VOG van je gezien. \
                 Zonder geldige VOG kun je niet beginnen. Vraag hem nu aan bij Justis (dat duurt \
                 een paar weken) en laat hem aan het programma zien zodra je hem hebt.",
                start = DUTCH.date(placement.starts_on),
            ),
        ),
        VogReminder::Expiring {
            placement,
            valid_until,
        } => (
            "Je VOG is te oud voor de start van je plaatsing".to_owned(),
            format!(
                "Je plaatsing{at} begint op {start}. Je VOG is dan te oud: hij geldt voor een \
                 start tot en met {until}. Vraag een nieuwe VOG aan bij Justis en laat hem aan \
                 het programma zien voor je begint.",
                start = DUTCH.date(placement.starts_on),
                until = DUTCH.date(*valid_until),
            ),
        ),
        VogReminder::Expired { issued_on } => (
            "Je VOG is verlopen".to_owned(),
            format!(
                "Je VOG van {issued} is verlopen: hij is te oud om nog aan een school te geven. \
                 Vraag een nieuwe VOG aan bij Justis en laat hem aan het programma zien.",
                issued = DUTCH.date(*issued_on),
            ),
        ),
    };
    Message {
        to: to.to_owned(),
        subject,
        body: format!(
            "Beste {name},\n\n{what}\n\nJe gegevens zie je hier:\n{link}\n\nKlasbrug",
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

    #[test]
    fn each_vog_reminder_says_je_and_writes_dates_as_the_web_app_does() {
        use domain::vog_reminder::{UpcomingPlacement, VogReminder};
        let mailer = Mailer::new("https://klasbrug.example");
        let d = |m, day| chrono::NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        let placement = UpcomingPlacement {
            placement_id: uuid::Uuid::nil(),
            school_type: domain::SchoolType::Po,
            starts_on: d(2, 2),
        };
        for reminder in [
            VogReminder::Missing { placement },
            VogReminder::Expiring {
                placement,
                valid_until: d(1, 20),
            },
            VogReminder::Expired { issued_on: d(1, 1) },
        ] {
            let message = vog_reminder(
                &mailer,
                "f@v.example",
                "Femke",
                &reminder,
                Some("De Zeester"),
            );
            assert!(
                message
                    .body
                    .contains("https://klasbrug.example/mijn-gegevens")
            );
            for text in [&message.subject, &message.body] {
                assert_eq!(domain::form_of_address::formal_word(text), None, "{text}");
            }
            if !matches!(reminder, VogReminder::Expired { .. }) {
                assert!(
                    message.body.contains("begint op 2 feb. 2027"),
                    "{}",
                    message.body
                );
            }
        }
    }
}

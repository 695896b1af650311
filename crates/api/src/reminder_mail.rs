//! The e-mails of the daily sweep to schools and employers: the statement of a month that has
//! ended, and the weekly count of hours waiting for a school's approval.

use domain::calendar_month::CalendarMonth;

use crate::mail::{Mailer, Message};

/// To an employer's contact: the statement of sponsored hours over `month` is available.
pub fn statement_available(
    mailer: &Mailer,
    to: &str,
    name: &str,
    employer: &str,
    month: CalendarMonth,
) -> Message {
    let month_words = month.dutch();
    Message {
        to: to.to_owned(),
        subject: format!("De verklaring van {month_words} staat klaar"),
        body: format!(
            "Beste {name},\n\n\
             De maand {month_words} is voorbij: de verklaring van de gesponsorde uren van {employer} over \
             die maand staat klaar, met de maatschappelijke waarde en het kostenoverzicht. Je \
             kiest de periode en downloadt hem als CSV of Excel op je werkgeverspagina:\n{link}\n\n\
             Uren die de school nog goedkeurt, tellen mee zodra ze zijn goedgekeurd.\n\nKlasbrug",
            link = mailer.link("/werkgever"),
        ),
    }
}

/// To a school's director or coordinator: `waiting` hour entries wait for the school's
/// approval.
pub fn hours_waiting(mailer: &Mailer, to: &str, name: &str, school: &str, waiting: i64) -> Message {
    let entries = if waiting == 1 {
        "1 urenregel wacht".to_owned()
    } else {
        format!("{waiting} urenregels wachten")
    };
    Message {
        to: to.to_owned(),
        subject: format!("Uren om goed te keuren bij {school}"),
        body: format!(
            "Beste {name},\n\n\
             {entries} op goedkeuring door {school}. Keur ze goed of af, dan kan de vergoeding \
             worden betaald en de verklaring van de werkgever worden opgemaakt:\n{link}\n\n\
             Je krijgt dit overzicht elke maandag zolang er uren wachten.\n\nKlasbrug",
            link = mailer.link("/uren"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sweeps_messages_link_to_their_pages_and_say_je() {
        let mailer = Mailer::new("https://klasbrug.example");
        let month = CalendarMonth::new(2026, 11).unwrap();
        let statement = statement_available(&mailer, "hr@x.example", "Ruben", "Hoogland", month);
        assert!(
            statement
                .body
                .contains("https://klasbrug.example/werkgever\n")
        );
        let one = hours_waiting(&mailer, "ic@x.example", "Joost", "De Zeester", 1);
        assert!(one.body.contains("1 urenregel wacht op"), "{}", one.body);
        let many = hours_waiting(&mailer, "ic@x.example", "Joost", "De Zeester", 3);
        assert!(many.body.contains("3 urenregels wachten op"));
        assert!(many.body.contains("https://klasbrug.example/uren\n"));
        for message in [statement, one, many] {
            for text in [&message.subject, &message.body] {
                assert_eq!(domain::form_of_address::formal_word(text), None, "{text}");
            }
        }
    }
}

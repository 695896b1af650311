//! The e-mail an ambassador gets when a month's allowance was paid.

use domain::allowance::StatementLine;
use domain::money::format_euro;

use crate::mail::{Mailer, Message};

/// To the ambassador: `line` was paid.
pub fn paid(mailer: &Mailer, to: &str, name: &str, line: &StatementLine) -> Message {
    let month = line.month().dutch();
    Message {
        to: to.to_owned(),
        subject: format!("Je vrijwilligersvergoeding van {month} is betaald"),
        body: format!(
            "Beste {name},\n\nJe vrijwilligersvergoeding van {month} is betaald: {amount}. Het \
             bedrag staat binnen enkele werkdagen op je rekening.\n\nJe hele jaar zie je hier:\n\
             {link}\n\nKlasbrug",
            amount = format_euro(line.amount()),
            link = mailer.link("/mijn-vergoeding"),
        ),
    }
}

//! The e-mail a person gets when programme staff answer their request about their data: the
//! answer, and after an erasure what was kept and why (sent before the address goes).

use domain::contract::{PrivacyRequest, PrivacyRequestKind, PrivacyRequestStatus};
use domain::date_words::DUTCH;

use crate::mail::{Mailer, Message};

/// To the person: their request was answered or refused.
pub fn request_answered(
    mailer: &Mailer,
    to: &str,
    name: &str,
    request: &PrivacyRequest,
) -> Message {
    let received = DUTCH.date(request.received_on);
    let answer = request
        .answer
        .as_deref()
        .map(|answer| format!("\n\n{answer}"))
        .unwrap_or_default();
    let (subject, what) = match (request.kind, request.status) {
        (_, PrivacyRequestStatus::Refused) => (
            "Je verzoek over je gegevens bij Klasbrug",
            format!(
                "Je verzoek van {received} kunnen we niet uitvoeren.{answer}\n\n\
                 Ben je het hier niet mee eens, dan kun je een klacht indienen bij de Autoriteit \
                 Persoonsgegevens."
            ),
        ),
        (PrivacyRequestKind::Erasure, _) => (
            "Je gegevens bij Klasbrug zijn verwijderd",
            format!(
                "Op je verzoek van {received} hebben we je gegevens verwijderd en je account \
                 gesloten.{answer}\n\nDit bewaren we nog, omdat de wet dat vraagt:\n{kept}",
                kept = domain::privacy_request::kept_in_words(&request.kept),
            ),
        ),
        (PrivacyRequestKind::Access, _) => (
            "Je gegevens bij Klasbrug",
            format!(
                "Je verzoek van {received} om je gegevens in te zien is afgehandeld.{answer}\n\n\
                 Je kunt je gegevens ook altijd zelf downloaden, leesbaar en als JSON:\n{link}",
                link = mailer.link("/mijn-privacy"),
            ),
        ),
    };
    Message {
        to: to.to_owned(),
        subject: subject.to_owned(),
        body: format!("Beste {name},\n\n{what}\n\nKlasbrug"),
    }
}

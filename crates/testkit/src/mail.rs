//! Reading the e-mails the server logs in demo mode (target `klasbrug::mail`): each starts with
//! `e-mail to <address> ` and has its body on the lines after.

/// Where an invitation link starts, after the web app's address.
const LINK_START: &str = "/uitnodiging?werkgever=";

/// The invitation links mailed to `address`, oldest first, as paths:
/// `/uitnodiging?werkgever=<uuid>&token=<token>`.
pub fn invitation_links(log: &str, address: &str) -> Vec<String> {
    links(log, address, LINK_START)
}

/// The application confirmation links mailed to `address`, oldest first, as paths:
/// `/aanmelding-bevestigen?token=<token>`.
pub fn application_links(log: &str, address: &str) -> Vec<String> {
    links(log, address, "/aanmelding-bevestigen?token=")
}

/// The mails to `address`, oldest first, each as its subject line and body.
pub fn mails_to(log: &str, address: &str) -> Vec<String> {
    let marker = format!("{address} ");
    log.split("e-mail to ")
        .skip(1)
        .filter(|mail| mail.starts_with(&marker))
        .map(str::to_owned)
        .collect()
}

/// The links starting with `start` in the mails to `address`, oldest first, as paths.
fn links(log: &str, address: &str, start: &str) -> Vec<String> {
    let marker = format!("{address} ");
    log.split("e-mail to ")
        .skip(1)
        .filter(|mail| mail.starts_with(&marker))
        .filter_map(|mail| {
            let at = mail.find(start)?;
            Some(
                mail[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || "/?=&-_".contains(*c))
                    .collect(),
            )
        })
        .collect()
}

/// The token of an invitation link.
pub fn token_of(link: &str) -> &str {
    link.split("token=").nth(1).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_link_mailed_to_an_address_is_found_in_order() {
        let token = "Ab-_0123456789abcdefghijklmnopqrstuvwxyzABC";
        let log = format!(
            "INFO klasbrug::mail: e-mail to ruben@x.example (development delivery), subject: Uitnodiging\n\
             Open http://x/uitnodiging?werkgever=1&token=old\n\
             INFO klasbrug::mail: e-mail to femke@x.example (development delivery), subject: Uitnodiging\n\
             Open http://x/uitnodiging?werkgever=2&token=femke\n\
             INFO klasbrug::mail: e-mail to ruben@x.example (development delivery), subject: Uitnodiging\n\
             Beste Ruben,\nOpen http://127.0.0.1:1/uitnodiging?werkgever=0192f1c3-7b2a-7c4d-8e5f-0000a1b2c3d4&token={token}.\n\
             WARN something else\n"
        );
        let links = invitation_links(&log, "ruben@x.example");
        assert_eq!(
            links,
            [
                "/uitnodiging?werkgever=1&token=old".to_owned(),
                format!(
                    "/uitnodiging?werkgever=0192f1c3-7b2a-7c4d-8e5f-0000a1b2c3d4&token={token}"
                ),
            ]
        );
        assert_eq!(token_of(&links[1]), token);
        assert!(invitation_links(&log, "nobody@x.example").is_empty());
        assert!(
            invitation_links(&log, "x.example").is_empty(),
            "whole addresses only"
        );
    }
}

//! E-mail addresses: parsed once at the edge, trusted afterwards.

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// A syntactically plausible e-mail address, trimmed and lower-cased so that one person has one
/// login however they type it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    /// The longest address SMTP allows (RFC 5321: 254 characters in a path).
    pub const MAX_LEN: usize = 254;

    /// Parses an address. Deliberately modest: a local part, one `@`, a domain with a dot, no
    /// spaces. Deliverability is proven by sending mail, not by a regular expression.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let text = text.trim().to_lowercase();
        if text.is_empty() {
            return Err(ParseError("an e-mail address is required".into()));
        }
        if text.chars().count() > Self::MAX_LEN {
            return Err(ParseError(format!(
                "an e-mail address has at most {} characters",
                Self::MAX_LEN
            )));
        }
        let valid = match text.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !text.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if !valid {
            return Err(ParseError(format!(
                "'{text}' is not a valid e-mail address, such as naam@school.nl"
            )));
        }
        Ok(Self(text))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = ParseError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<EmailAddress> for String {
    fn from(email: EmailAddress) -> Self {
        email.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_trimmed_and_lower_cased() {
        let email = EmailAddress::parse("  Directeur@De-Zeester.Example ").unwrap();
        assert_eq!(email.as_str(), "directeur@de-zeester.example");
    }

    #[test]
    fn implausible_addresses_are_refused_with_a_reason() {
        let cases = [
            ("", "required"),
            ("directeur", "not a valid"),
            ("@school.nl", "not a valid"),
            ("a@b", "not a valid"),
            ("a@@school.nl", "not a valid"),
            ("a b@school.nl", "not a valid"),
            ("a@.nl", "not a valid"),
        ];
        for (input, reason) in cases {
            let err = EmailAddress::parse(input).unwrap_err();
            assert!(err.0.contains(reason), "{input:?} gave {err}");
        }
    }

    #[test]
    fn an_overlong_address_is_refused() {
        let long = format!("{}@school.nl", "a".repeat(250));
        assert!(
            EmailAddress::parse(&long)
                .unwrap_err()
                .0
                .contains("at most")
        );
    }

    #[test]
    fn deserialising_validates() {
        assert!(serde_json::from_str::<EmailAddress>("\"not-an-address\"").is_err());
        let email: EmailAddress = serde_json::from_str("\"IC@school.example\"").unwrap();
        assert_eq!(email.as_str(), "ic@school.example");
    }
}

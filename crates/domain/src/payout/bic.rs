//! Bank identifier codes (BIC, ISO 9362), for the payer's bank in a SEPA file. Payees are paid
//! by IBAN only, as SEPA allows.

use crate::ParseError;

/// A BIC of 8 or 11 characters, upper-case: `ABNANL2A`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Bic(String);

impl Bic {
    /// Parses a BIC: a four-letter bank code, a two-letter country code, two letters or digits
    /// for the location, and optionally three for the branch, as the pain.001 schema's pattern
    /// `[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?` has it. Spaces and case do not matter.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let b = compact.as_bytes();
        // The pattern of the pain.001 schema: a location's first character is never 0 or 1
        // (test BICs), its second never O.
        let valid = (b.len() == 8 || b.len() == 11)
            && b[..6].iter().all(u8::is_ascii_uppercase)
            && (b[6].is_ascii_uppercase() || (b'2'..=b'9').contains(&b[6]))
            && (b[7].is_ascii_digit() || (b[7].is_ascii_uppercase() && b[7] != b'O'))
            && b[8..]
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if valid {
            Ok(Self(compact))
        } else {
            Err(ParseError(format!(
                "'{}' is not a BIC; a BIC has 8 or 11 characters: four letters for the bank, two for the country, then letters or digits, as in ABNANL2A",
                text.trim()
            )))
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Bic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bic_has_8_or_11_characters_of_the_right_kinds() {
        assert_eq!(Bic::parse("abna nl2a").unwrap().as_str(), "ABNANL2A");
        assert_eq!(Bic::parse("RABONL2UXXX").unwrap().as_str(), "RABONL2UXXX");
        assert!(Bic::parse("DEUTDEFF500").is_ok());
        for bad in [
            "",
            "ABNANL2",
            "ABNANL2AX",
            "AB1ANL2A",
            "ABNAN12A",
            "ABNANL2A-XX",
            "ABNANL1A",
            "ABNANL2O",
        ] {
            assert!(Bic::parse(bad).is_err(), "{bad}");
        }
    }
}

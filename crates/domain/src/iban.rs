//! Bank account numbers (IBAN, ISO 13616): parsed once at the edge, trusted afterwards.
//!
//! An account is only stored where an allowance is paid (AVG), and a wrong one sends a
//! volunteer's money to a stranger, so an IBAN is checked as a bank would: country code, check
//! digits, the length of that country's IBANs and the ISO 7064 mod-97 checksum, then the
//! country's account format from the SWIFT IBAN registry (through the maintained
//! `iban_validate` crate, so a country that has no IBANs, such as `ZZ` or `US`, is refused).
//! Allowances are paid by SEPA credit transfer, so only an account in a SEPA country is taken.
//! Error messages never repeat the IBAN itself, as they may end up in logs.

use serde::{Deserialize, Serialize};

/// A valid IBAN, held compact and upper-case: `NL91ABNA0417164300`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iban(String);

/// Why a text is not a valid IBAN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IbanError {
    /// Nothing was given.
    #[error("fill in an IBAN, such as NL91 ABNA 0417 1643 00")]
    Empty,
    /// A character that no IBAN has.
    #[error("an IBAN holds only letters and digits; '{character}' is not allowed")]
    InvalidCharacter {
        /// The character.
        character: char,
    },
    /// No two-letter country code at the start.
    #[error("an IBAN starts with a two-letter country code, such as NL")]
    CountryCode,
    /// No two check digits after the country code.
    #[error("an IBAN has two check digits after the country code, such as the 91 of NL91")]
    CheckDigits,
    /// The wrong length for the country.
    #[error(
        "{} has {expected} characters; this one has {actual}",
        describe(country)
    )]
    WrongLength {
        /// The country code.
        country: String,
        /// The length (or range) expected, in words.
        expected: String,
        /// The length given.
        actual: usize,
    },
    /// A Dutch IBAN without a four-letter bank code and ten digits.
    #[error(
        "a Dutch IBAN has a four-letter bank code after the check digits and then ten digits, as in NL91 ABNA 0417 1643 00"
    )]
    DutchFormat,
    /// The checksum does not match: a typo.
    #[error("the check digits do not match the rest of the IBAN: check it for a typo")]
    Checksum,
    /// No country of this code has IBANs.
    #[error("{country} is not the country code of any IBAN")]
    UnknownCountry {
        /// The country code.
        country: String,
    },
    /// The account number after the check digits does not have the country's format.
    #[error("the account number does not have the format of {}", describe(country))]
    AccountFormat {
        /// The country code.
        country: String,
    },
    /// A real IBAN, of a country outside SEPA: allowances are paid by SEPA credit transfer.
    #[error(
        "allowances are paid by SEPA transfer, and {country} is not a SEPA country: give an account in a SEPA country"
    )]
    NotSepa {
        /// The country code.
        country: String,
    },
}

/// The countries and territories of the Single Euro Payments Area (EPC list, 2025): the EU and
/// EEA states, Switzerland, the United Kingdom, Monaco, San Marino, Andorra, Vatican City, and
/// since 2025 Albania, Montenegro, Moldova and North Macedonia. A programme's payouts go only
/// to accounts here. (Territories that use their state's IBAN country code, such as French
/// overseas departments with FR, are covered by it.)
pub const SEPA_COUNTRIES: [&str; 40] = [
    "AD", "AL", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GI",
    "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL",
    "NO", "PL", "PT", "RO", "SE", "SI", "SK", "SM",
];

/// Vatican City: in SEPA, with IBANs of its own.
const VATICAN: &str = "VA";

fn describe(country: &str) -> String {
    match country {
        "NL" => "a Dutch (NL) IBAN".to_owned(),
        "BE" => "a Belgian (BE) IBAN".to_owned(),
        "DE" => "a German (DE) IBAN".to_owned(),
        "FR" => "a French (FR) IBAN".to_owned(),
        "LU" => "a Luxembourg (LU) IBAN".to_owned(),
        "GB" => "a British (GB) IBAN".to_owned(),
        "" => "an IBAN".to_owned(),
        other => format!("an IBAN from {other}"),
    }
}

/// The length of every IBAN of a country, for the SEPA countries. Others get 15 to 34.
const LENGTHS: [(&str, usize); 34] = [
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
];

/// The shortest and longest IBAN of any country (ISO 13616).
const GENERIC_LENGTHS: std::ops::RangeInclusive<usize> = 15..=34;

impl Iban {
    /// Parses an IBAN as people type it: spaces anywhere, any case.
    pub fn parse(text: &str) -> Result<Self, IbanError> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.is_empty() {
            return Err(IbanError::Empty);
        }
        if let Some(character) = compact.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(IbanError::InvalidCharacter { character });
        }
        // Only ASCII letters and digits from here on: byte offsets are character offsets.
        let bytes = compact.as_bytes();
        if bytes.len() < 2 || !bytes[..2].iter().all(u8::is_ascii_alphabetic) {
            return Err(IbanError::CountryCode);
        }
        if bytes.len() < 4 || !bytes[2..4].iter().all(u8::is_ascii_digit) {
            return Err(IbanError::CheckDigits);
        }
        let country = &compact[..2];
        match LENGTHS.iter().find(|(c, _)| *c == country) {
            Some((_, length)) if *length != compact.len() => {
                return Err(IbanError::WrongLength {
                    country: country.to_owned(),
                    expected: length.to_string(),
                    actual: compact.len(),
                });
            }
            None if !GENERIC_LENGTHS.contains(&compact.len()) => {
                return Err(IbanError::WrongLength {
                    country: String::new(),
                    expected: format!("{} to {}", GENERIC_LENGTHS.start(), GENERIC_LENGTHS.end()),
                    actual: compact.len(),
                });
            }
            _ => {}
        }
        if country == "NL"
            && !(bytes[4..8].iter().all(u8::is_ascii_alphabetic)
                && bytes[8..].iter().all(u8::is_ascii_digit))
        {
            return Err(IbanError::DutchFormat);
        }
        if mod_97(&compact) != 1 {
            return Err(IbanError::Checksum);
        }
        match compact.parse::<iban::Iban>() {
            Ok(_) => {}
            Err(iban::ParseIbanError::UnknownCountry(_)) => {
                return Err(IbanError::UnknownCountry {
                    country: country.to_owned(),
                });
            }
            Err(iban::ParseIbanError::InvalidBban(_)) => {
                return Err(IbanError::AccountFormat {
                    country: country.to_owned(),
                });
            }
            Err(iban::ParseIbanError::InvalidBaseIban { .. }) => return Err(IbanError::Checksum),
        }
        if !(SEPA_COUNTRIES.contains(&country) || country == VATICAN) {
            return Err(IbanError::NotSepa {
                country: country.to_owned(),
            });
        }
        Ok(Self(compact))
    }

    /// The compact form: `NL91ABNA0417164300`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two-letter country code.
    pub fn country_code(&self) -> &str {
        self.0.get(..2).unwrap_or_default()
    }
}

/// ISO 7064 MOD 97-10 of an IBAN of ASCII letters and digits: the first four characters move
/// to the end, letters become 10 to 35, and the remainder is folded in digit by digit, so no
/// big integer is needed.
fn mod_97(compact: &str) -> u32 {
    let (head, tail) = compact.split_at(4.min(compact.len()));
    tail.chars()
        .chain(head.chars())
        .fold(0u32, |rest, c| match c.to_digit(36) {
            Some(value) if value < 10 => (rest * 10 + value) % 97,
            Some(value) => (rest * 100 + value) % 97,
            None => rest,
        })
}

/// In groups of four, as printed on a bank card: `NL91 ABNA 0417 1643 00`.
impl std::fmt::Display for Iban {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                f.write_str(" ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

impl TryFrom<String> for Iban {
    type Error = IbanError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<Iban> for String {
    fn from(iban: Iban) -> String {
        iban.0
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Iban {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"))
            .description(Some(
                "An IBAN, written compact and upper-case; spaces and lower case are accepted in requests.",
            ))
            .examples(["NL91ABNA0417164300"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Iban {}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: [&str; 4] = [
        "NL91ABNA0417164300",
        "BE68539007547034",
        "DE89370400440532013000",
        "GB82WEST12345698765432",
    ];

    #[test]
    fn known_valid_ibans_are_accepted_however_they_are_typed() {
        for text in VALID {
            assert_eq!(Iban::parse(text).unwrap().as_str(), text);
        }
        let typed = Iban::parse(" nl91 abna 0417 1643 00 ").unwrap();
        assert_eq!(typed.as_str(), "NL91ABNA0417164300");
        assert_eq!(typed.country_code(), "NL");
        assert_eq!(typed.to_string(), "NL91 ABNA 0417 1643 00");
        assert_eq!(
            Iban::parse("BE68539007547034").unwrap().to_string(),
            "BE68 5390 0754 7034"
        );
        // Luxembourg and France; Vatican City and Andorra are in SEPA too.
        for text in [
            "LU280019400644750000",
            "FR1420041010050500013M02606",
            &with_check_digits("VA", "001123000012345678"),
            &with_check_digits("AD", "00012030200359100100"),
        ] {
            assert!(Iban::parse(text).is_ok(), "{text}");
        }
    }

    /// `country`'s IBAN of `bban` with the check digits that make the checksum hold.
    fn with_check_digits(country: &str, bban: &str) -> String {
        let check = 98 - mod_97(&format!("{country}00{bban}"));
        format!("{country}{check:02}{bban}")
    }

    #[test]
    fn a_country_without_ibans_a_wrong_account_format_and_a_country_outside_sepa_are_refused() {
        // Both pass the checksum; neither country has IBANs.
        for (country, bban) in [("ZZ", "ABCD1234567890"), ("US", "12345678901234")] {
            let text = with_check_digits(country, bban);
            assert_eq!(mod_97(&text), 1);
            assert_eq!(
                Iban::parse(&text),
                Err(IbanError::UnknownCountry {
                    country: country.into()
                }),
                "{text}"
            );
        }
        // The one a partner's developer found in a payout file.
        assert_eq!(
            Iban::parse("ZZ92ABCD1234567890"),
            Err(IbanError::UnknownCountry {
                country: "ZZ".into()
            })
        );
        // A German account number holds only digits.
        let letters = with_check_digits("DE", "37040044053201300A");
        assert_eq!(
            Iban::parse(&letters),
            Err(IbanError::AccountFormat {
                country: "DE".into()
            })
        );
        // Brazil has real IBANs, but is outside SEPA.
        let brazil = "BR1800360305000010009795493C1";
        assert_eq!(
            Iban::parse(brazil),
            Err(IbanError::NotSepa {
                country: "BR".into()
            })
        );
        assert!(
            Iban::parse(brazil)
                .unwrap_err()
                .to_string()
                .contains("SEPA")
        );
    }

    #[test]
    fn changing_any_single_digit_is_caught_by_the_checksum() {
        for text in VALID {
            for (i, c) in text.char_indices().skip(2) {
                let Some(digit) = c.to_digit(10) else {
                    continue;
                };
                let changed = (digit + 1) % 10;
                let typo = format!("{}{changed}{}", &text[..i], &text[i + 1..]);
                assert_eq!(Iban::parse(&typo), Err(IbanError::Checksum), "{typo}");
            }
        }
        // Two neighbouring digits swapped.
        assert_eq!(Iban::parse("NL91ABNA0417163400"), Err(IbanError::Checksum));
    }

    #[test]
    fn each_problem_is_named() {
        let cases = [
            ("", IbanError::Empty),
            ("   ", IbanError::Empty),
            (
                "NL91-ABNA-0417-1643-00",
                IbanError::InvalidCharacter { character: '-' },
            ),
            ("1291ABNA0417164300", IbanError::CountryCode),
            ("N", IbanError::CountryCode),
            ("NLX1ABNA0417164300", IbanError::CheckDigits),
            (
                "NL91ABNA041716430",
                IbanError::WrongLength {
                    country: "NL".into(),
                    expected: "18".into(),
                    actual: 17,
                },
            ),
            (
                "BE685390075470341",
                IbanError::WrongLength {
                    country: "BE".into(),
                    expected: "16".into(),
                    actual: 17,
                },
            ),
            (
                "XX12345",
                IbanError::WrongLength {
                    country: String::new(),
                    expected: "15 to 34".into(),
                    actual: 7,
                },
            ),
            ("NL91ABN10417164300", IbanError::DutchFormat),
        ];
        for (text, err) in cases {
            assert_eq!(Iban::parse(text), Err(err), "{text:?}");
        }
        assert_eq!(
            Iban::parse("NL91ABNA041716430").unwrap_err().to_string(),
            "a Dutch (NL) IBAN has 18 characters; this one has 17"
        );
        assert_eq!(
            Iban::parse("XX12345").unwrap_err().to_string(),
            "an IBAN has 15 to 34 characters; this one has 7"
        );
        for length_only in [
            "DE8937040044053201300",
            "FR1420041010050500013M0260",
            "LU28001940064475000",
            "GB82WEST1234569876543",
        ] {
            assert!(
                matches!(Iban::parse(length_only), Err(IbanError::WrongLength { .. })),
                "{length_only}"
            );
        }
    }

    #[test]
    fn json_holds_the_compact_form_and_reading_it_validates() {
        let iban = Iban::parse("NL91 ABNA 0417 1643 00").unwrap();
        assert_eq!(
            serde_json::to_string(&iban).unwrap(),
            "\"NL91ABNA0417164300\""
        );
        assert_eq!(
            serde_json::from_str::<Iban>("\"nl91 abna 0417 1643 00\"").unwrap(),
            iban
        );
        let err = serde_json::from_str::<Iban>("\"NL92ABNA0417164300\"").unwrap_err();
        assert!(err.to_string().contains("check it for a typo"), "{err}");
    }
}

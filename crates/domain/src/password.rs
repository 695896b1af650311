//! The rule for new passwords. Checking a login compares against the stored hash and needs no
//! rule: an old password that no longer meets it must still work.

use crate::ParseError;

/// A password acceptable for a new account: long enough to resist guessing, short enough to
/// hash cheaply. Never printed: `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// NIST SP 800-63B asks for at least 8 characters; we ask a little more.
    pub const MIN_CHARS: usize = 10;
    /// Bounds the work of hashing.
    pub const MAX_CHARS: usize = 256;

    /// Checks a new password.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let chars = text.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(ParseError(format!(
                "a password needs at least {} characters",
                Self::MIN_CHARS
            )));
        }
        if chars > Self::MAX_CHARS {
            return Err(ParseError(format!(
                "a password has at most {} characters",
                Self::MAX_CHARS
            )));
        }
        Ok(Self(text.to_owned()))
    }

    /// The password itself, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_overlong_passwords_are_refused() {
        assert!(Password::parse("kort").is_err());
        assert!(Password::parse(&"x".repeat(257)).is_err());
        assert!(Password::parse("lang-genoeg-wachtwoord").is_ok());
    }

    #[test]
    fn debug_output_hides_the_password() {
        let password = Password::parse("geheim-wachtwoord").unwrap();
        assert_eq!(format!("{password:?}"), "Password(***)");
    }
}

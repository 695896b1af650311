//! Password hashing with argon2id (OWASP's first choice), off the async threads: a hash takes
//! tens of milliseconds of CPU by design.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// A PHC string for `password`.
pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| anyhow::anyhow!("hashing a password failed: {e}"))
    })
    .await?
}

/// Whether `password` matches `phc`. With `None` it checks against a fixed hash anyway, so an
/// unknown e-mail address takes as long to refuse as a wrong password.
pub async fn verify(password: String, phc: Option<String>) -> anyhow::Result<bool> {
    tokio::task::spawn_blocking(move || {
        let known = phc.is_some();
        let phc = phc.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let parsed = PasswordHash::new(&phc)
            .map_err(|e| anyhow::anyhow!("a stored password hash does not parse: {e}"))?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await?
}

/// The lowest zxcvbn score a new password needs: 3, about 10^10 guesses (offline guessing of one
/// argon2id hash takes decades at that).
pub const MIN_STRENGTH: zxcvbn::Score = zxcvbn::Score::Three;

/// Why a new password is refused, for the `password` field's message.
pub const TOO_WEAK: &str =
    "is too easy to guess: use a longer password, for example four or more unrelated words";
/// Why a new password that repeats the person's details is refused.
pub const CONTAINS_DETAILS: &str =
    "contains your e-mail address or organisation name: choose one that does not";

/// Checks how hard a new password is to guess, on top of `domain::Password`'s length rule:
/// zxcvbn must score it at least [`MIN_STRENGTH`] counting `details` (e-mail address, names)
/// as known words, and it may not contain the e-mail's local part or any of `names` outright.
/// The refusal is a message for the `password` field. Logging in never checks this, so an
/// older password keeps working.
pub fn check_strength(password: &str, email: &str, names: &[&str]) -> Result<(), &'static str> {
    let lower = password.to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default().trim();
    let contains = |part: &str| {
        let part = part.trim().to_lowercase();
        part.chars().count() >= 3 && lower.contains(&part)
    };
    if contains(local_part) || names.iter().any(|name| contains(name)) {
        return Err(CONTAINS_DETAILS);
    }
    let mut known: Vec<&str> = vec![email, local_part];
    known.extend_from_slice(names);
    if zxcvbn::zxcvbn(password, &known).score() < MIN_STRENGTH {
        return Err(TOO_WEAK);
    }
    Ok(())
}

/// The argon2id hash of a random string nobody knows, made with the default parameters.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$h3hK2z6EAC0M8Wm3Fzpj4mSXYy6ikS6cfrXP0zH5H3w";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let phc = hash("correct horse battery".into()).await.unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(
            verify("correct horse battery".into(), Some(phc.clone()))
                .await
                .unwrap()
        );
        assert!(
            !verify("wrong horse battery".into(), Some(phc))
                .await
                .unwrap()
        );
    }

    #[test]
    fn weak_passwords_and_passwords_with_the_person_s_details_are_refused() {
        let email = "anne.voorbeeld@installatie.example";
        let org = ["Installatiebedrijf Voorbeeld", "Anne Voorbeeld"];
        for weak in [
            "aaaaaaaaaaaa",
            "wachtwoord123",
            "password1234",
            "1234567890",
            "qwertyuiop",
        ] {
            assert_eq!(check_strength(weak, email, &org), Err(TOO_WEAK), "{weak}");
        }
        for own in [
            "Anne.Voorbeeld-paars-olifant-97",
            "installatiebedrijf voorbeeld!2026",
        ] {
            assert_eq!(
                check_strength(own, email, &org),
                Err(CONTAINS_DETAILS),
                "{own}"
            );
        }
        for strong in [
            "paars-olifant-fiets-97",
            "een-lang-wachtwoord",
            "correct horse battery staple",
        ] {
            assert_eq!(check_strength(strong, email, &org), Ok(()), "{strong}");
        }
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        assert!(!verify("anything".into(), None).await.unwrap());
    }
}

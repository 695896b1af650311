//! Unsubscribe links that work without logging in: the token names an address and a category
//! of e-mail and carries an HMAC-SHA256 of both with a key derived from the server's signing
//! secret, so nobody can make one for another address. Links do not expire: an old e-mail's link
//! still stops what it says.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use domain::mail_preference::MailCategory;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The key that signs unsubscribe links, derived from the server's secret.
#[derive(Clone)]
pub struct LinkKey(Vec<u8>);

impl std::fmt::Debug for LinkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkKey(…)")
    }
}

impl LinkKey {
    /// The key for `secret` (the token-signing secret): one secret, a separate key per use.
    pub fn derive(secret: &[u8]) -> Self {
        Self(mac(secret, b"klasbrug unsubscribe links"))
    }

    /// The token for `email` and `category`.
    pub fn token(&self, email: &str, category: MailCategory) -> String {
        let email = email.to_lowercase();
        let signature = mac(&self.0, format!("{email}\n{category}").as_bytes());
        format!(
            "{}.{category}.{}",
            URL_SAFE_NO_PAD.encode(email.as_bytes()),
            URL_SAFE_NO_PAD.encode(signature)
        )
    }

    /// The address and category of `token`, when this key made it.
    pub fn verify(&self, token: &str) -> Option<(String, MailCategory)> {
        let mut parts = token.trim().split('.');
        let (email, category, signature) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let email = String::from_utf8(URL_SAFE_NO_PAD.decode(email).ok()?).ok()?;
        let category = MailCategory::parse(category).ok()?;
        let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
        let mut check = Hmac::<Sha256>::new_from_slice(&self.0).ok()?;
        check.update(format!("{email}\n{category}").as_bytes());
        check.verify_slice(&signature).ok()?;
        Some((email, category))
    }
}

fn mac(key: &[u8], text: &[u8]) -> Vec<u8> {
    // HMAC takes a key of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(text);
    mac.finalize().into_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_names_its_address_and_category_and_only_its_key_made_it() {
        let key = LinkKey::derive(b"secret one");
        let token = key.token("Fenna@Ambassadeur.example", MailCategory::Hours);
        assert_eq!(
            key.verify(&token),
            Some(("fenna@ambassadeur.example".to_owned(), MailCategory::Hours))
        );
        assert_eq!(LinkKey::derive(b"secret two").verify(&token), None);
        // Another address or category with the same signature does not verify.
        let (_, rest) = token.split_once('.').unwrap();
        let other = format!(
            "{}.{rest}",
            URL_SAFE_NO_PAD.encode("noah@ambassadeur.example")
        );
        assert_eq!(key.verify(&other), None);
        assert_eq!(key.verify(&token.replace(".hours.", ".matching.")), None);
        for bad in ["", "a.b", "a.hours.c.d", "!!.hours.xx"] {
            assert_eq!(key.verify(bad), None, "{bad}");
        }
    }
}

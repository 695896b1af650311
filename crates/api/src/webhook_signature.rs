//! Signing webhook deliveries per the Standard Webhooks specification
//! (<https://www.standardwebhooks.com/>): an HMAC-SHA256 of `"{id}.{timestamp}.{body}"` with the
//! endpoint's secret, sent base64-encoded as `webhook-signature: v1,<signature>` beside
//! `webhook-id` and `webhook-timestamp`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

/// The prefix of a secret, as the specification writes it.
const PREFIX: &str = "whsec_";

/// A new random secret: `whsec_` and 32 random bytes in base64.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{PREFIX}{}", STANDARD.encode(bytes))
}

/// The `webhook-signature` header's value for `body` sent as delivery `id` at unix time
/// `timestamp`; `None` when `secret` is not a `whsec_` base64 secret.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> Option<String> {
    let key = STANDARD.decode(secret.strip_prefix(PREFIX)?).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Some(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_the_specifications_example_as_its_reference_libraries_do() {
        // The example of the Standard Webhooks reference implementations' tests.
        let signature = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1_614_265_330,
            r#"{"test": 2432232314}"#,
        );
        assert_eq!(
            signature.as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
    }

    #[test]
    fn a_secret_is_new_each_time_and_can_sign() {
        let (one, two) = (new_secret(), new_secret());
        assert_ne!(one, two);
        assert!(one.starts_with("whsec_") && one.len() == 6 + 44);
        assert!(sign(&one, "id", 1, "{}").is_some());
        assert_eq!(sign("no-prefix", "id", 1, "{}"), None);
    }
}

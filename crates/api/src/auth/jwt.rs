//! Access tokens: HS256 JWTs that live 15 minutes and carry the roles, so a request needs no
//! database read to know what the caller may do. A person's token also names its session and
//! the person's token version, and a client's token names the client, so one indexed lookup per
//! request tells whether it was revoked (logout, password change, erasure, disabled client).

use chrono::Utc;
use domain::{OrganisationKind, Role, Scopes};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::principal::{ClientPrincipal, Grant, Principal, UserPrincipal};

/// How long an access token lives.
pub const ACCESS_TOKEN_SECONDS: i64 = 15 * 60;
const ISSUER: &str = "klasbrug";
const AUDIENCE: &str = "klasbrug-api";

/// The keys that sign and check access tokens.
#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

/// What an access token says.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Claims {
    sub: Uuid,
    iss: String,
    aud: String,
    iat: i64,
    exp: i64,
    /// `user` or `client`.
    kind: String,
    /// For users: the roles held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    roles: Vec<RoleClaim>,
    /// For clients: the partner organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    org: Option<Uuid>,
    /// For clients: the scopes granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scope: Option<String>,
    /// For users: the session (login) the token was issued in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sid: Option<Uuid>,
    /// For users: the person's token version when it was issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ver: Option<i64>,
}

/// What must still hold in the database for a token to be honoured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revocation {
    /// A person's token: the session is live and the token version current.
    Session {
        /// The person.
        user_id: Uuid,
        /// The session it was issued in.
        session_id: Uuid,
        /// The person's token version at issue.
        token_version: i64,
    },
    /// A partner client's token: the client is not disabled.
    Client {
        /// The client's id.
        client_id: Uuid,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct RoleClaim {
    role: Role,
    org: Uuid,
    kind: OrganisationKind,
}

impl TokenKeys {
    /// Keys from a shared secret.
    pub fn from_secret(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    /// An access token for a person with these roles, in session `session_id`, at the person's
    /// current `token_version`.
    pub fn issue_for_user(
        &self,
        user_id: Uuid,
        session_id: Uuid,
        token_version: i64,
        grants: &[Grant],
    ) -> anyhow::Result<String> {
        let roles = grants
            .iter()
            .map(|g| RoleClaim {
                role: g.role,
                org: g.organisation_id,
                kind: g.organisation_kind,
            })
            .collect();
        self.sign(Claims {
            kind: "user".into(),
            roles,
            sid: Some(session_id),
            ver: Some(token_version),
            ..self.base(user_id)
        })
    }

    /// An access token for a partner client.
    pub fn issue_for_client(
        &self,
        client_id: Uuid,
        organisation_id: Uuid,
        scopes: &Scopes,
    ) -> anyhow::Result<String> {
        self.sign(Claims {
            kind: "client".into(),
            roles: Vec::new(),
            org: Some(organisation_id),
            scope: Some(scopes.to_string()),
            ..self.base(client_id)
        })
    }

    /// The principal a token stands for, or `None` when it is expired, tampered with, signed
    /// with another key or algorithm, or not one of ours. Whether it was revoked since is for
    /// the caller to check with [`TokenKeys::verify_with_revocation`].
    pub fn verify(&self, token: &str) -> Option<Principal> {
        self.verify_with_revocation(token)
            .map(|(principal, _)| principal)
    }

    /// Like `verify`, with what must still hold in the database for the token to be honoured.
    /// A person's token without a session is refused.
    pub fn verify_with_revocation(&self, token: &str) -> Option<(Principal, Revocation)> {
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()?
            .claims;
        let revocation = match claims.kind.as_str() {
            "user" => Revocation::Session {
                user_id: claims.sub,
                session_id: claims.sid?,
                token_version: claims.ver?,
            },
            _ => Revocation::Client {
                client_id: claims.sub,
            },
        };
        let principal = match claims.kind.as_str() {
            "user" => Some(Principal::User(UserPrincipal {
                id: claims.sub,
                grants: claims
                    .roles
                    .into_iter()
                    .map(|r| Grant {
                        role: r.role,
                        organisation_id: r.org,
                        organisation_kind: r.kind,
                    })
                    .collect(),
            })),
            "client" => Some(Principal::Client(ClientPrincipal {
                id: claims.sub,
                organisation_id: claims.org?,
                scopes: Scopes::parse(claims.scope.as_deref().unwrap_or_default()).ok()?,
            })),
            _ => None,
        }?;
        Some((principal, revocation))
    }

    fn base(&self, sub: Uuid) -> Claims {
        let now = Utc::now().timestamp();
        Claims {
            sub,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now,
            exp: now + ACCESS_TOKEN_SECONDS,
            kind: String::new(),
            roles: Vec::new(),
            org: None,
            scope: None,
            sid: None,
            ver: None,
        }
    }

    fn sign(&self, claims: Claims) -> anyhow::Result<String> {
        Ok(jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn director() -> Vec<Grant> {
        vec![Grant {
            role: Role::SchoolDirector,
            organisation_id: Uuid::now_v7(),
            organisation_kind: OrganisationKind::School,
        }]
    }

    #[test]
    fn a_token_carries_the_person_and_their_roles() {
        let keys = TokenKeys::from_secret(SECRET);
        let id = Uuid::now_v7();
        let grants = director();
        let token = keys.issue_for_user(id, Uuid::now_v7(), 0, &grants).unwrap();
        let Some(Principal::User(user)) = keys.verify(&token) else {
            panic!("a user")
        };
        assert_eq!(user.id, id);
        assert_eq!(user.grants, grants);
    }

    #[test]
    fn a_token_signed_with_another_key_is_refused() {
        let token = TokenKeys::from_secret(b"another-secret-another-secret-xx")
            .issue_for_user(Uuid::now_v7(), Uuid::now_v7(), 0, &director())
            .unwrap();
        assert!(TokenKeys::from_secret(SECRET).verify(&token).is_none());
    }

    #[test]
    fn a_tampered_token_is_refused() {
        let keys = TokenKeys::from_secret(SECRET);
        let token = keys
            .issue_for_user(Uuid::now_v7(), Uuid::now_v7(), 0, &[])
            .unwrap();
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        let payload = String::from_utf8(URL_SAFE_NO_PAD.decode(&parts[1]).unwrap()).unwrap();
        let admin = payload.replace("\"roles\"", "\"x\"").replace(
            "\"kind\":\"user\"",
            &format!("\"kind\":\"user\",\"roles\":[{{\"role\":\"programme_admin\",\"org\":\"{}\",\"kind\":\"programme\"}}]", Uuid::now_v7()),
        );
        parts[1] = URL_SAFE_NO_PAD.encode(admin);
        assert!(keys.verify(&parts.join(".")).is_none());
    }

    #[test]
    fn an_unsigned_token_is_refused() {
        let keys = TokenKeys::from_secret(SECRET);
        let token = keys
            .issue_for_user(Uuid::now_v7(), Uuid::now_v7(), 0, &[])
            .unwrap();
        let payload = token.split('.').nth(1).unwrap();
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
        assert!(keys.verify(&format!("{header}.{payload}.")).is_none());
    }

    #[test]
    fn an_expired_token_is_refused() {
        let keys = TokenKeys::from_secret(SECRET);
        let mut claims = keys.base(Uuid::now_v7());
        claims.kind = "user".into();
        claims.exp = Utc::now().timestamp() - 60;
        let token = keys.sign(claims).unwrap();
        assert!(keys.verify(&token).is_none());
    }

    #[test]
    fn a_person_s_token_names_its_session_and_version_and_one_without_is_refused() {
        let keys = TokenKeys::from_secret(SECRET);
        let (user, session) = (Uuid::now_v7(), Uuid::now_v7());
        let token = keys.issue_for_user(user, session, 3, &[]).unwrap();
        let (_, revocation) = keys.verify_with_revocation(&token).unwrap();
        assert_eq!(
            revocation,
            Revocation::Session {
                user_id: user,
                session_id: session,
                token_version: 3
            }
        );
        let mut claims = keys.base(user);
        claims.kind = "user".into();
        let sessionless = keys.sign(claims).unwrap();
        assert!(keys.verify(&sessionless).is_none());
    }

    #[test]
    fn a_client_token_carries_its_scopes() {
        let keys = TokenKeys::from_secret(SECRET);
        let scopes = Scopes::parse("placements:read").unwrap();
        let org = Uuid::now_v7();
        let token = keys.issue_for_client(Uuid::now_v7(), org, &scopes).unwrap();
        let Some(Principal::Client(client)) = keys.verify(&token) else {
            panic!("a client")
        };
        assert_eq!((client.organisation_id, client.scopes), (org, scopes));
    }
}

//! Applying to become an ambassador: a professional on the website, or a partner on a
//! candidate's behalf (with an `Idempotency-Key`, so a retry never makes two), and the candidate
//! confirming from the e-mail. Only confirming makes the account and the ambassador.

use base64::Engine;
use domain::ambassador::{DocumentFormat, DocumentKind, MAX_DOCUMENT_BYTES};
use domain::contract::application::{APPLICATION_VALID_DAYS, application_status};
use domain::contract::{
    Application, ApplicationConfirmation, ApplicationInput, ApplicationStatus,
    ConfirmedApplication, FieldError,
};
use domain::{EmailAddress, Password};
use sha2::{Digest, Sha256};
use store::{Lock, Store};
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::principal::ClientPrincipal;
use crate::auth::session::{hash_token, new_token};
use crate::auth::{Principal, password};
use crate::error::{ApiError, ErrorCode, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// The longest `Idempotency-Key` accepted.
pub const MAX_IDEMPOTENCY_KEY: usize = 255;

/// What a partner's submission answered: the application, and whether it was there already
/// (a retry).
#[derive(Debug)]
pub struct Submitted {
    /// The application.
    pub application: Application,
    /// `true` when the key was used before for the same request.
    pub replayed: bool,
}

/// Someone applies for themself. The answer is the same whether or not the address has an
/// account: the owner of the address hears which by e-mail. The caller counts the attempt
/// against the client's sign-up limit first.
pub async fn apply(state: &AppState, input: ApplicationInput) -> Result<(), ApiError> {
    let checked = check(&input)?;
    let email = parse_email(&checked.profile.email)?;
    if state.store.find_user_by_email(&email).await?.is_some() {
        let message = crate::mail::application_with_existing_account(&state.mailer, email.as_str());
        state
            .mailer
            .queue(&state.store, "application.existing_account", message)
            .await?;
        state.mailer.wake();
        return Ok(());
    }
    let token = new_token();
    let tx = begin(state).await?;
    let now = state.clock.now();
    let expires_at = now + chrono::Duration::days(APPLICATION_VALID_DAYS);
    let token_hash = hash_token(&token);
    tx.create_application(&checked.new_application(None, Some(&token_hash), now, expires_at))
        .await?;
    queue_confirmation(state, &tx, &checked, None, &token, expires_at).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(())
}

/// A partner applies on a candidate's behalf. A retry with the same key and the same request
/// answers the first application; the same key with another request is refused.
pub async fn submit_for_candidate(
    state: &AppState,
    principal: &Principal,
    idempotency_key: Option<&str>,
    input: ApplicationInput,
) -> Result<Submitted, ApiError> {
    policy::authorize(principal, Action::SubmitApplication, "application")?;
    let Principal::Client(client) = principal else {
        return Err(ApiError::Forbidden);
    };
    let key = idempotency_key
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .ok_or_else(|| ApiError::BadRequest {
            code: ErrorCode::IdempotencyKeyRequired,
            detail: "send an Idempotency-Key header (a unique value per application, such as a UUID), so a retry never makes two".to_owned(),
        })?;
    if key.chars().count() > MAX_IDEMPOTENCY_KEY {
        return Err(ApiError::BadRequest {
            code: ErrorCode::IdempotencyKeyRequired,
            detail: format!("the Idempotency-Key has at most {MAX_IDEMPOTENCY_KEY} characters"),
        });
    }
    let request_hash =
        Sha256::digest(serde_json::to_vec(&input).map_err(|e| ApiError::Unexpected(e.into()))?)
            .to_vec();
    if let Some(earlier) = earlier_submission(state, client, key, &request_hash).await? {
        return Ok(earlier);
    }
    let checked = check(&input)?;
    let email = parse_email(&checked.profile.email)?;
    let has_account = state.store.find_user_by_email(&email).await?.is_some();
    let token = new_token();
    let token_hash = hash_token(&token);
    let now = state.clock.now();
    let expires_at = now + chrono::Duration::days(APPLICATION_VALID_DAYS);
    let partner = store::PartnerSubmission {
        client_id: client.id,
        idempotency_key: key,
        request_hash: &request_hash,
    };
    let tx = begin(state).await?;
    let new = checked.new_application(
        Some(partner),
        (!has_account).then_some(token_hash.as_slice()),
        now,
        expires_at,
    );
    let id = match tx.create_application(&new).await {
        Ok(id) => id,
        // The same key arrived twice at once and the other request stored it first.
        Err(store::StoreError::Conflict(_)) => {
            drop(tx);
            return earlier_submission(state, client, key, &request_hash)
                .await?
                .ok_or_else(|| {
                    ApiError::Unexpected(anyhow::anyhow!("idempotency key taken but not found"))
                });
        }
        Err(other) => return Err(other.into()),
    };
    let partner_name = tx.get_organisation(client.organisation_id).await?.name;
    if has_account {
        let message = crate::mail::application_with_existing_account(&state.mailer, email.as_str());
        state
            .mailer
            .queue(&tx, "application.existing_account", message)
            .await?;
    } else {
        queue_confirmation(
            state,
            &tx,
            &checked,
            Some(&partner_name),
            &token,
            expires_at,
        )
        .await?;
    }
    let application = tx.get_application(id, Some(client.id), now).await?;
    crate::webhooks::application_received(&tx, client.id, &application).await?;
    commit_with_audit(tx, principal, "application.submit", "application", Some(id)).await?;
    state.mailer.wake();
    Ok(Submitted {
        application,
        replayed: false,
    })
}

/// The application the partner sent under `key` before, when the request is the same; a
/// conflict when it is not.
async fn earlier_submission(
    state: &AppState,
    client: &ClientPrincipal,
    key: &str,
    request_hash: &[u8],
) -> Result<Option<Submitted>, ApiError> {
    let Some((id, hash)) = state
        .store
        .partner_application_by_key(client.id, key)
        .await?
    else {
        return Ok(None);
    };
    if hash != request_hash {
        return Err(ApiError::Unprocessable {
            code: ErrorCode::IdempotencyKeyReused,
            detail: "this Idempotency-Key was used for a different application; use a new key for a new application".to_owned(),
        });
    }
    let application = state
        .store
        .get_application(id, Some(client.id), state.clock.now())
        .await
        // Deleted meanwhile: it expired unconfirmed.
        .or_not_found("application")?;
    Ok(Some(Submitted {
        application,
        replayed: true,
    }))
}

/// The candidate confirms their application and chooses a password: their account and the
/// ambassador (`registered`, with both documents) are made in one transaction. The application
/// is locked and read again inside it, so of two confirmations at once exactly one makes them.
pub async fn confirm(
    state: &AppState,
    body: ApplicationConfirmation,
) -> Result<ConfirmedApplication, ApiError> {
    let token_hash = hash_token(body.token.trim());
    let pending = pending(&state.store, &token_hash, state.clock.now()).await?;
    let profile = pending
        .profile
        .as_ref()
        .ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("pending without a profile")))?;
    let password =
        Password::parse(&body.password).map_err(|e| ApiError::invalid_field("password", e.0))?;
    password::check_strength(password.expose(), &profile.email, &[&profile.name])
        .map_err(|message| ApiError::invalid_field("password", message))?;
    // Hashed before the transaction: it is slow by design.
    let password_hash = password::hash(password.expose().to_owned()).await?;
    let email = parse_email(&profile.email)?;

    let tx = begin(state).await?;
    tx.lock(Lock::Application(pending.id)).await?;
    let pending = self::pending(&tx, &token_hash, state.clock.now()).await?;
    let Some(profile) = pending.profile else {
        return Err(already_confirmed());
    };
    let account_exists = || ApiError::Conflict {
        code: ErrorCode::AccountExists,
        detail:
            "an account exists for this address: log in with it; the programme helps you further"
                .to_owned(),
    };
    if tx.find_user_by_email(&email).await?.is_some() {
        return Err(account_exists());
    }
    let user = tx
        .create_user(&store::NewUser {
            email: email.clone(),
            name: profile.name.clone(),
            password_hash,
        })
        .await
        .map_err(|e| match e {
            store::StoreError::Conflict(_) => account_exists(),
            other => other.into(),
        })?;
    let ambassador_id = super::employers::create_profile(state, &tx, &profile, user.id).await?;
    for document in &pending.documents {
        tx.put_document(ambassador_id, document).await?;
    }
    if !tx
        .complete_application(pending.id, ambassador_id, state.clock.now())
        .await?
    {
        return Err(already_confirmed());
    }
    // The candidate is not logged in yet, so the entry is written here rather than from a
    // principal.
    tx.record_audit(&store::NewAuditEntry {
        actor_kind: "user",
        actor_id: Some(user.id),
        action: "application.confirm",
        resource_type: "ambassador",
        resource_id: Some(ambassador_id),
        reason: None,
    })
    .await?;
    tx.commit().await?;
    Ok(ConfirmedApplication {
        ambassador_id,
        email: email.as_str().to_owned(),
    })
}

/// The list of applications the principal may see: programme staff all of them, a partner its
/// own.
pub fn partner_scope(principal: &Principal) -> Result<Option<Uuid>, ApiError> {
    policy::authorize(principal, Action::ListApplications, "application")?;
    Ok(match principal {
        Principal::Client(client) => Some(client.id),
        Principal::User(_) => None,
    })
}

/// The unconfirmed application behind a token, or why it cannot be confirmed.
async fn pending(
    store: &Store,
    token_hash: &[u8],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<store::PendingApplication, ApiError> {
    let pending = store
        .pending_application(token_hash)
        .await
        .or_not_found("application")?;
    match application_status(pending.confirmed_at, pending.expires_at, now) {
        ApplicationStatus::Confirmed => Err(already_confirmed()),
        ApplicationStatus::Expired => Err(ApiError::Gone {
            code: ErrorCode::ApplicationExpired,
            detail: "the confirmation link has expired and the application is deleted; apply again"
                .to_owned(),
        }),
        ApplicationStatus::AwaitingConfirmation => Ok(pending),
    }
}

fn already_confirmed() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::ApplicationAlreadyConfirmed,
        detail:
            "this application is confirmed already: log in with your e-mail address and password"
                .to_owned(),
    }
}

fn parse_email(text: &str) -> Result<EmailAddress, ApiError> {
    EmailAddress::parse(text).map_err(|e| ApiError::invalid_field("email", e.to_string()))
}

async fn queue_confirmation(
    state: &AppState,
    tx: &store::Store,
    checked: &Checked,
    partner: Option<&str>,
    token: &str,
    expires_at: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    let message = crate::mail::application_received(
        &state.mailer,
        &checked.profile.email,
        &checked.profile.name,
        partner,
        token,
        domain::local_date::amsterdam_date(expires_at),
    );
    state
        .mailer
        .queue(tx, "application.confirm", message)
        .await?;
    Ok(())
}

/// An application whose fields and documents passed every check.
struct Checked {
    profile: domain::contract::AmbassadorInput,
    sponsoring_employer: Option<String>,
    motivation_letter: store::Document,
    cv: store::Document,
}

impl Checked {
    fn new_application<'a>(
        &'a self,
        partner: Option<store::PartnerSubmission<'a>>,
        token_hash: Option<&'a [u8]>,
        submitted_at: chrono::DateTime<chrono::Utc>,
        expires_at: chrono::DateTime<chrono::Utc>,
    ) -> store::NewApplication<'a> {
        store::NewApplication {
            profile: &self.profile,
            sponsoring_employer: self.sponsoring_employer.as_deref(),
            partner,
            token_hash,
            motivation_letter: &self.motivation_letter,
            cv: &self.cv,
            submitted_at,
            privacy_statement_version: domain::contract::application::PRIVACY_STATEMENT_VERSION,
            expires_at,
        }
    }
}

/// Checks the fields and the documents together, so every problem is named at once.
fn check(input: &ApplicationInput) -> Result<Checked, ApiError> {
    let mut errors = Vec::new();
    let profile = input.validate().map_err(|e| errors.extend(e)).ok();
    let mut document = |field: &str, kind: DocumentKind, base64: &str| {
        if base64.trim().is_empty() {
            return None; // Named by `validate`.
        }
        match decode_document(base64) {
            Ok((format, content)) => Some(store::Document {
                kind,
                format,
                content,
            }),
            Err(message) => {
                errors.push(FieldError::new(field, message));
                None
            }
        }
    };
    let motivation_letter = document(
        "motivation_letter",
        DocumentKind::MotivationLetter,
        &input.motivation_letter,
    );
    let cv = document("cv", DocumentKind::Cv, &input.cv);
    match (profile, motivation_letter, cv) {
        (Some(profile), Some(motivation_letter), Some(cv)) if errors.is_empty() => Ok(Checked {
            profile,
            sponsoring_employer: input.sponsoring_employer(),
            motivation_letter,
            cv,
        }),
        _ => Err(ApiError::invalid_fields(errors)),
    }
}

/// A document sent as base64: its format, recognised by content, and its bytes.
fn decode_document(base64: &str) -> Result<(DocumentFormat, Vec<u8>), &'static str> {
    let content = base64::engine::general_purpose::STANDARD
        .decode(base64.trim())
        .map_err(|_| "send the file's bytes in base64")?;
    if content.len() > MAX_DOCUMENT_BYTES {
        return Err("the file is larger than 5 MiB");
    }
    let format = DocumentFormat::sniff(&content)
        .ok_or("send a PDF or a Word (.docx) file; this file is neither")?;
    Ok((format, content))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_recognised_by_its_bytes_not_its_name() {
        let pdf = base64::engine::general_purpose::STANDARD.encode(b"%PDF-1.7\n%%EOF");
        assert_eq!(decode_document(&pdf).unwrap().0, DocumentFormat::Pdf);
        let text = base64::engine::general_purpose::STANDARD.encode(b"just text");
        assert!(decode_document(&text).is_err());
        assert!(decode_document("not base64 at all!").is_err());
        let big = vec![b'%'; MAX_DOCUMENT_BYTES + 1];
        let mut big_pdf = b"%PDF-".to_vec();
        big_pdf.extend_from_slice(&big);
        let encoded = base64::engine::general_purpose::STANDARD.encode(&big_pdf);
        assert_eq!(
            decode_document(&encoded).unwrap_err(),
            "the file is larger than 5 MiB"
        );
    }
}

//! Requests of a data subject: a person asks to see their data or to have it erased on their
//! own page; programme staff record requests that came by letter or e-mail, take them up, and
//! answer or refuse them. Answering an erasure erases the person in the same transaction and
//! tells them, before their address goes, what is kept and why.

use domain::EmailAddress;
use domain::contract::{
    PersonalData, PrivacyRequest, PrivacyRequestChannel, PrivacyRequestInput, PrivacyRequestKind,
    PrivacyRequestStatus, PrivacyRequestUpdate, RecordedPrivacyRequestInput, SensitiveReadKind,
};
use domain::local_date::amsterdam_date;
use domain::privacy_request::{self as rules, ErasureFacts, MAX_ANSWER, MAX_NOTE};
use domain::retention::RetentionSettings;
use store::{Lock, NewPrivacyRequest, PrivacyRequestChange, Store, StoreError};
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::{ApiError, ErrorCode, OrConflict, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// The logged-in person asks to see their data or to be erased.
pub async fn ask(
    state: &AppState,
    principal: &Principal,
    input: PrivacyRequestInput,
) -> Result<PrivacyRequest, ApiError> {
    let user = person(principal)?;
    let note = text(input.note, "note", MAX_NOTE)?;
    let tx = begin(state).await?;
    tx.lock(Lock::User(user)).await?;
    let created = create(
        &tx,
        &NewPrivacyRequest {
            user_id: user,
            kind: input.kind,
            channel: PrivacyRequestChannel::OwnPage,
            note: note.as_deref(),
            received_on: state.clock.today(),
            recorded_by: None,
        },
    )
    .await?;
    commit_with_audit(
        tx,
        principal,
        "privacy_request.create",
        "privacy_request",
        Some(created.id),
    )
    .await?;
    present(state, created).await
}

/// Programme staff record a request that came by letter or e-mail, for the person whose
/// account has that address.
pub async fn record(
    state: &AppState,
    principal: &Principal,
    input: RecordedPrivacyRequestInput,
) -> Result<PrivacyRequest, ApiError> {
    policy::authorize(principal, Action::ReadPrivacyRecords, "privacy request")?;
    let Principal::User(staff) = principal else {
        return Err(ApiError::Forbidden);
    };
    let note = text(input.note, "note", MAX_NOTE)?;
    if input.channel == PrivacyRequestChannel::OwnPage {
        return Err(ApiError::invalid_field(
            "channel",
            "staff record requests that came by `letter` or `email`",
        ));
    }
    if input.received_on > state.clock.today() {
        return Err(ApiError::invalid_field(
            "received_on",
            "is in the future; give the day the request arrived",
        ));
    }
    let email = EmailAddress::parse(&input.email)
        .map_err(|_| ApiError::invalid_field("email", "is not an e-mail address"))?;
    let subject = state
        .store
        .find_user_by_email(&email)
        .await?
        .ok_or_else(|| {
            ApiError::invalid_field("email", "no account in Klasbrug has this address")
        })?;
    let tx = begin(state).await?;
    tx.lock(Lock::User(subject.id)).await?;
    let created = create(
        &tx,
        &NewPrivacyRequest {
            user_id: subject.id,
            kind: input.kind,
            channel: input.channel,
            note: note.as_deref(),
            received_on: input.received_on,
            recorded_by: Some(staff.id),
        },
    )
    .await?;
    commit_with_audit(
        tx,
        principal,
        "privacy_request.record",
        "privacy_request",
        Some(created.id),
    )
    .await?;
    present(state, created).await
}

/// Programme staff take a request up, answer it or refuse it. Answering an erasure erases the
/// person (409 `match_live` while they are in a live match) and mails them what is kept.
pub async fn change(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    update: PrivacyRequestUpdate,
) -> Result<PrivacyRequest, ApiError> {
    policy::authorize(principal, Action::ReadPrivacyRecords, "privacy request")?;
    let Principal::User(staff) = principal else {
        return Err(ApiError::Forbidden);
    };
    let answer = text(update.answer, "answer", MAX_ANSWER)?;
    if update.status == PrivacyRequestStatus::Refused && answer.is_none() {
        return Err(ApiError::invalid_field(
            "answer",
            "say why the request is refused; the person is told",
        ));
    }
    let tx = begin(state).await?;
    tx.lock(Lock::PrivacyRequest(id)).await?;
    let current = tx
        .privacy_request(id)
        .await
        .or_not_found("privacy request")?;
    if !rules::may_move(current.status, update.status) {
        return Err(ApiError::Conflict {
            code: ErrorCode::InvalidTransition,
            detail: format!(
                "a request that is {} cannot become {}",
                current.status.as_str(),
                update.status.as_str()
            ),
        });
    }
    let erase =
        current.kind == PrivacyRequestKind::Erasure && update.status == PrivacyRequestStatus::Done;
    let kept = match (erase, current.user_id) {
        (true, Some(user)) => kept_for(state, &tx, user).await?,
        _ => Vec::new(),
    };
    // The address is read before an erasure takes it.
    let person = match current.user_id {
        Some(user) => Some(tx.get_user(user).await?),
        None => None,
    };
    if erase && let Some(user) = current.user_id {
        erase_person(&tx, user).await?;
    }
    let changed = tx
        .change_privacy_request(
            id,
            &PrivacyRequestChange {
                status: update.status,
                handled_by: staff.id,
                answer: answer.as_deref(),
                kept: &kept,
            },
        )
        .await
        .or_conflict(ErrorCode::InvalidTransition)?;
    if !rules::is_open(changed.status)
        && let Some(person) = &person
    {
        let message = crate::privacy_mail::request_answered(
            &state.mailer,
            &person.email,
            &person.name,
            &changed,
        );
        state
            .mailer
            .queue(&tx, "privacy_request.answered", message)
            .await?;
    }
    commit_with_audit(
        tx,
        principal,
        if erase {
            "privacy_request.erase"
        } else {
            "privacy_request.change"
        },
        "privacy_request",
        Some(id),
    )
    .await?;
    present(state, changed).await
}

/// The logged-in person's own requests, newest first.
pub async fn mine(
    state: &AppState,
    principal: &Principal,
) -> Result<Vec<PrivacyRequest>, ApiError> {
    let user = person(principal)?;
    let requests = state.store.privacy_requests_of(user).await?;
    present_all(state, requests).await
}

/// What erasing the logged-in person today would keep, and why: what they read before asking.
pub async fn erasure_preview(
    state: &AppState,
    principal: &Principal,
) -> Result<Vec<domain::contract::KeptRecord>, ApiError> {
    let user = person(principal)?;
    kept_for(state, &state.store, user).await
}

/// The open requests, the first due first, or the closed ones: programme staff's.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    open: bool,
) -> Result<Vec<PrivacyRequest>, ApiError> {
    policy::authorize(principal, Action::ReadPrivacyRecords, "privacy request")?;
    let requests = state.store.list_privacy_requests(open, 500).await?;
    present_all(state, requests).await
}

/// One request, for programme staff.
pub async fn one(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<PrivacyRequest, ApiError> {
    policy::authorize(principal, Action::ReadPrivacyRecords, "privacy request")?;
    let request = state
        .store
        .privacy_request(id)
        .await
        .or_not_found("privacy request")?;
    present(state, request).await
}

/// Everything Klasbrug holds about the person of request `id`, for programme staff to send:
/// audited, and logged as a sensitive read when it holds an ambassador's data.
pub async fn subject_data(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<PersonalData, ApiError> {
    let request = one(state, principal, id).await?;
    let user = request.user_id.ok_or(ApiError::NotFound("person"))?;
    personal_data(state, principal, user).await
}

/// Everything Klasbrug holds about the logged-in person.
pub async fn my_data(state: &AppState, principal: &Principal) -> Result<PersonalData, ApiError> {
    let user = person(principal)?;
    personal_data(state, principal, user).await
}

/// Everything Klasbrug holds about `user`: their account and roles, their ambassador profile
/// (intake, documents, matches, concerns), the e-mails to them and their requests. Audited;
/// an ambassador's part is logged as a sensitive read.
async fn personal_data(
    state: &AppState,
    principal: &Principal,
    user: Uuid,
) -> Result<PersonalData, ApiError> {
    let account = state
        .store
        .personal_account(user)
        .await
        .or_not_found("person")?;
    let ambassador = match state.store.ambassador_of_user(user).await {
        Ok(ambassador) => Some(super::ambassadors::export_of(state, ambassador).await?),
        Err(StoreError::NotFound) => None,
        Err(other) => return Err(other.into()),
    };
    let messages = state.store.messages_to(&account.email).await?;
    let requests = present_all(state, state.store.privacy_requests_of(user).await?).await?;
    crate::routes::audit(&state.store, principal, "person.export", "user", Some(user)).await?;
    if let Some(export) = &ambassador {
        super::privacy::log_read(
            state,
            principal,
            SensitiveReadKind::Export,
            export.ambassador.id,
            "export",
            export.ambassador.id,
        )
        .await?;
    }
    Ok(PersonalData {
        exported_at: state.clock.now(),
        account,
        ambassador,
        messages,
        requests,
    })
}

/// Closes the open erasure request of the ambassador's account, once programme staff erased
/// them directly, with what the erasure kept.
pub async fn close_on_erasure(
    state: &AppState,
    tx: &Store,
    principal: &Principal,
    user: Uuid,
) -> Result<(), ApiError> {
    let kept = kept_for(state, tx, user).await?;
    let staff = match principal {
        Principal::User(staff) => Some(staff.id),
        Principal::Client(_) => None,
    };
    tx.close_erasure_request_of(user, staff, &kept).await?;
    Ok(())
}

/// Erases the person of account `user`: their ambassador profile (refused while a match is
/// live) and their account, roles and sessions.
async fn erase_person(tx: &Store, user: Uuid) -> Result<(), ApiError> {
    match tx.ambassador_of_user(user).await {
        Ok(ambassador) => {
            tx.lock(Lock::Ambassador(ambassador.id)).await?;
            tx.erase_ambassador(ambassador.id, &ambassador.profile.anonymous())
                .await
                .or_conflict(ErrorCode::MatchLive)?;
        }
        Err(StoreError::NotFound) => {}
        Err(other) => return Err(other.into()),
    }
    tx.anonymise_user(user).await?;
    Ok(())
}

/// What erasing `user` today keeps, and why.
async fn kept_for(
    state: &AppState,
    store: &Store,
    user: Uuid,
) -> Result<Vec<domain::contract::KeptRecord>, ApiError> {
    Ok(kept_on_erasure_of(store, &state.retention_settings, state.clock.today(), user).await?)
}

/// What erasing the person of account `user` on `today` keeps, and why: the retention sweep's
/// and staff's erasure alike.
pub(crate) async fn kept_on_erasure_of(
    store: &Store,
    settings: &RetentionSettings,
    today: chrono::NaiveDate,
    user: Uuid,
) -> Result<Vec<domain::contract::KeptRecord>, StoreError> {
    let last_payment = store.last_payment_of_user(user).await?.map(amsterdam_date);
    Ok(rules::kept_on_erasure(
        ErasureFacts { last_payment },
        settings,
        today,
    ))
}

/// The request as shown today: late or not, and for an open erasure what it would keep.
async fn present(
    state: &AppState,
    mut request: PrivacyRequest,
) -> Result<PrivacyRequest, ApiError> {
    let today = state.clock.today();
    request.overdue = rules::is_overdue(request.status, request.received_on, today);
    if request.kind == PrivacyRequestKind::Erasure
        && rules::is_open(request.status)
        && let Some(user) = request.user_id
    {
        request.kept = kept_for(state, &state.store, user).await?;
    }
    Ok(request)
}

async fn present_all(
    state: &AppState,
    requests: Vec<PrivacyRequest>,
) -> Result<Vec<PrivacyRequest>, ApiError> {
    let mut shown = Vec::with_capacity(requests.len());
    for request in requests {
        shown.push(present(state, request).await?);
    }
    Ok(shown)
}

async fn create(tx: &Store, new: &NewPrivacyRequest<'_>) -> Result<PrivacyRequest, ApiError> {
    if tx
        .open_privacy_request(new.user_id, new.kind)
        .await?
        .is_some()
    {
        return Err(request_open(new.kind));
    }
    tx.create_privacy_request(new).await.map_err(|e| match e {
        StoreError::Conflict(_) => request_open(new.kind),
        other => other.into(),
    })
}

fn request_open(kind: PrivacyRequestKind) -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::PrivacyRequestOpen,
        detail: format!(
            "a request for {} is open already; programme staff deal with it",
            kind.as_str()
        ),
    }
}

/// The person behind the principal: a partner client is not one.
fn person(principal: &Principal) -> Result<Uuid, ApiError> {
    match principal {
        Principal::User(user) => Ok(user.id),
        Principal::Client(_) => Err(ApiError::Forbidden),
    }
}

/// A trimmed optional text of at most `max` characters; empty is none.
fn text(value: Option<String>, field: &str, max: usize) -> Result<Option<String>, ApiError> {
    let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    if value.as_ref().is_some_and(|v| v.chars().count() > max) {
        return Err(ApiError::invalid_field(
            field,
            format!("at most {max} characters"),
        ));
    }
    Ok(value)
}

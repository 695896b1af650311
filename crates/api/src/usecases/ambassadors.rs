//! Ambassadors: their profile, the intake steps, VOGs, documents and erasure. Each locks the
//! ambassador, so two people taking the same intake step at once take turns and the second
//! finds the step taken.

use base64::Engine;
use domain::OrganisationKind;
use domain::ambassador::{DocumentFormat, DocumentKind, IntakeStatus};
use domain::contract::{
    Ambassador, AmbassadorExport, AmbassadorInput, DocumentInfo, ExportedDocument,
    IntakeTransition, MatchQuery, VogInput, VogRecord,
};
use store::{Lock, Store};
use uuid::Uuid;

use super::{actor, begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::ErrorCode;
use crate::error::{ApiError, OrConflict, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Registers an ambassador (programme staff); links the account with the profile's address
/// when it has no profile yet.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    input: AmbassadorInput,
) -> Result<Ambassador, ApiError> {
    policy::authorize(principal, Action::CreateAmbassador, "ambassador")?;
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    let tx = begin(state).await?;
    check_references(&tx, &input).await?;
    let (by, name) = actor(&tx, principal).await?;
    let user = match domain::EmailAddress::parse(&input.email) {
        Ok(email) => tx.find_user_by_email(&email).await?,
        Err(_) => None,
    };
    let user_id = match user {
        Some(user) => {
            // Two registrations for one account take turns, so only one links it.
            tx.lock(Lock::User(user.id)).await?;
            match tx.ambassador_of_user(user.id).await {
                Err(store::StoreError::NotFound) => Some(user.id),
                Ok(_) => None,
                Err(e) => return Err(e.into()),
            }
        }
        None => None,
    };
    let created = tx
        .create_ambassador(
            &input,
            user_id,
            Some(store::Actor {
                id: by,
                name: &name,
            }),
            state.clock.today(),
        )
        .await?;
    commit_with_audit(
        tx,
        principal,
        "ambassador.create",
        "ambassador",
        Some(created.id),
    )
    .await?;
    Ok(created)
}

/// Replaces an ambassador's profile: programme staff, or the ambassador themself.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: AmbassadorInput,
) -> Result<Ambassador, ApiError> {
    let tx = begin(state).await?;
    let ambassador = locked(&tx, id).await?;
    policy::authorize(
        principal,
        Action::EditAmbassador {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    keeps_staff_fields(principal, &ambassador, &input)?;
    check_references(&tx, &input).await?;
    let updated = tx.update_ambassador(ambassador.id, &input).await?;
    commit_with_audit(
        tx,
        principal,
        "ambassador.update",
        "ambassador",
        Some(updated.id),
    )
    .await?;
    Ok(updated)
}

/// An ambassador edits their own profile, but how their hours are paid (funding, employer,
/// sponsored and volunteered minutes) is agreed with programme staff: changing it is refused.
fn keeps_staff_fields(
    principal: &Principal,
    ambassador: &Ambassador,
    input: &AmbassadorInput,
) -> Result<(), ApiError> {
    if let Principal::User(user) = principal
        && policy::is_programme_admin(user)
    {
        return Ok(());
    }
    let stored = &ambassador.profile;
    let mut errors = Vec::new();
    let staff_set = "programme staff set this with you; ask them to change it";
    if input.funding != stored.funding {
        errors.push(domain::contract::FieldError::new("funding", staff_set));
    }
    if input.employer_id != stored.employer_id {
        errors.push(domain::contract::FieldError::new("employer_id", staff_set));
    }
    if input.funding == stored.funding
        && (input.sponsored_minutes_per_week != stored.sponsored_minutes_per_week
            || input.volunteer_minutes_per_week != stored.volunteer_minutes_per_week)
    {
        errors.push(domain::contract::FieldError::new(
            "sponsored_minutes_per_week",
            staff_set,
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::invalid_fields(errors))
    }
}

/// Takes an intake step from the status the ambassador has inside the transaction.
pub async fn take_intake_step(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: IntakeTransition,
) -> Result<Ambassador, ApiError> {
    let IntakeTransition { action, on, note } = input;
    let tx = begin(state).await?;
    let ambassador = locked(&tx, id).await?;
    policy::authorize(
        principal,
        Action::ManageIntake {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > 1000) {
        return Err(ApiError::invalid_field("note", "at most 1000 characters"));
    }
    let today = state.clock.today();
    let on = on.unwrap_or(today);
    if on > today {
        return Err(ApiError::invalid_field("on", "cannot be in the future"));
    }
    let issued = ambassador
        .vog
        .as_ref()
        .is_some_and(|v| v.outcome == domain::vog::VogOutcome::Issued);
    let next = ambassador
        .status
        .apply(action, issued, note.as_deref())
        .map_err(|e| match e {
            domain::ambassador::IntakeError::ReasonRequired => {
                ApiError::invalid_field("note", e.to_string())
            }
            domain::ambassador::IntakeError::VogMissing => ApiError::Conflict {
                code: ErrorCode::VogMissing,
                detail: e.to_string(),
            },
            domain::ambassador::IntakeError::NotFrom { .. } => ApiError::Conflict {
                code: ErrorCode::InvalidTransition,
                detail: e.to_string(),
            },
        })?;
    if next == IntakeStatus::Available {
        let missing = super::training::missing_for_available(&tx, ambassador.id).await?;
        if !missing.is_empty() {
            return Err(ApiError::Conflict {
                code: ErrorCode::TrainingIncomplete,
                detail: format!(
                    "complete the training required before becoming available first: {}",
                    missing.join(", ")
                ),
            });
        }
    }
    let decided = IntakeStatus::decides_intake(ambassador.status, action);
    let (by, name) = actor(&tx, principal).await?;
    let updated = tx
        .record_intake_step(
            ambassador.id,
            ambassador.status,
            next,
            on,
            Some(store::Actor {
                id: by,
                name: &name,
            }),
            note.as_deref(),
            decided,
        )
        .await?;
    let planned = action == domain::ambassador::IntakeAction::PlanIntake;
    if planned {
        let profile = &updated.profile;
        let message =
            crate::ambassador_mail::intake_planned(&state.mailer, &profile.email, &profile.name);
        state
            .mailer
            .queue(&tx, "ambassador.intake_planned", message)
            .await?;
    }
    commit_with_audit(
        tx,
        principal,
        "ambassador.intake",
        "ambassador",
        Some(updated.id),
    )
    .await?;
    if planned {
        state.mailer.wake();
    }
    Ok(updated)
}

/// Records a VOG programme staff saw: its dates and outcome, never the document.
pub async fn record_vog(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: VogInput,
) -> Result<VogRecord, ApiError> {
    let tx = begin(state).await?;
    let ambassador = locked(&tx, id).await?;
    policy::authorize(
        principal,
        Action::ManageIntake {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    if input.seen_on > state.clock.today() {
        return Err(ApiError::invalid_field(
            "seen_on",
            "cannot be in the future",
        ));
    }
    if input.seen_on < input.issued_on {
        return Err(ApiError::invalid_field(
            "seen_on",
            "cannot be before the VOG was issued",
        ));
    }
    let (by, name) = actor(&tx, principal).await?;
    let record = tx
        .record_vog(
            ambassador.id,
            &input,
            store::Actor {
                id: by,
                name: &name,
            },
        )
        .await?;
    commit_with_audit(
        tx,
        principal,
        "ambassador.vog",
        "ambassador",
        Some(ambassador.id),
    )
    .await?;
    Ok(record)
}

/// Keeps the motivation letter or CV, replacing an earlier one. `content` is the whole upload,
/// read before the transaction so nobody waits on a slow client.
pub async fn put_document(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    kind: DocumentKind,
    content: Vec<u8>,
) -> Result<DocumentInfo, ApiError> {
    let tx = begin(state).await?;
    let ambassador = locked(&tx, id).await?;
    policy::authorize(
        principal,
        Action::EditAmbassador {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    let format = DocumentFormat::sniff(&content).ok_or_else(|| {
        ApiError::UnsupportedMediaType(
            "send a PDF or a Word (.docx) file; this file is neither".to_owned(),
        )
    })?;
    let info = tx
        .put_document(
            ambassador.id,
            &store::Document {
                kind,
                format,
                content,
            },
        )
        .await?;
    commit_with_audit(
        tx,
        principal,
        "ambassador.document",
        "ambassador",
        Some(ambassador.id),
    )
    .await?;
    Ok(info)
}

/// Erases an ambassador's personal data; refused while a match is live.
pub async fn erase(state: &AppState, principal: &Principal, id: Uuid) -> Result<(), ApiError> {
    let tx = begin(state).await?;
    let ambassador = locked(&tx, id).await?;
    policy::authorize(
        principal,
        Action::ManageIntake {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    tx.erase_ambassador(ambassador.id, &ambassador.profile.anonymous())
        .await
        .or_conflict(ErrorCode::MatchLive)?;
    if let Some(user) = ambassador.user_id {
        super::privacy_requests::close_on_erasure(state, &tx, principal, user).await?;
    }
    commit_with_audit(
        tx,
        principal,
        "ambassador.erase",
        "ambassador",
        Some(ambassador.id),
    )
    .await?;
    Ok(())
}

/// The ambassador `id`, locked and read in the transaction.
/// The ambassador `id`, locked for the transaction and read again inside it.
pub(crate) async fn locked(tx: &Store, id: Uuid) -> Result<Ambassador, ApiError> {
    tx.lock(Lock::Ambassador(id)).await?;
    tx.get_ambassador(id).await.or_not_found("ambassador")
}

/// Checks the organisations a profile names: the employer must be an employer, the preferred
/// schools schools.
async fn check_references(tx: &Store, input: &AmbassadorInput) -> Result<(), ApiError> {
    let kind_of = |id: Uuid| async move {
        match tx.get_organisation(id).await {
            Ok(org) => Ok(Some(org.kind)),
            Err(store::StoreError::NotFound) => Ok(None),
            Err(e) => Err(ApiError::from(e)),
        }
    };
    if let Some(employer) = input.employer_id
        && kind_of(employer).await? != Some(OrganisationKind::Employer)
    {
        return Err(ApiError::invalid_field(
            "employer_id",
            "is not an employer known to Klasbrug",
        ));
    }
    for school in &input.preferred_school_ids {
        if kind_of(*school).await? != Some(OrganisationKind::School) {
            return Err(ApiError::invalid_field(
                "preferred_school_ids",
                format!("{school} is not a school"),
            ));
        }
    }
    Ok(())
}

/// The ambassador's intake: its steps, the documents' details and every VOG record.
pub(crate) async fn intake(
    state: &AppState,
    id: Uuid,
) -> Result<domain::contract::Intake, ApiError> {
    Ok(domain::contract::Intake {
        steps: state.store.list_intake_steps(id).await?,
        documents: state.store.list_documents(id).await?,
        vogs: state.store.list_vogs(id).await?,
    })
}

/// Everything Klasbrug holds about `ambassador`: the caller authorises, audits and logs the read.
pub(crate) async fn export_of(
    state: &AppState,
    ambassador: Ambassador,
) -> Result<AmbassadorExport, ApiError> {
    let intake = intake(state, ambassador.id).await?;
    let mut documents = Vec::new();
    for info in &intake.documents {
        let document = state.store.get_document(ambassador.id, info.kind).await?;
        documents.push(ExportedDocument {
            kind: info.kind,
            media_type: info.media_type.clone(),
            content_base64: base64::engine::general_purpose::STANDARD.encode(&document.content),
        });
    }
    let filter = MatchQuery {
        ambassador_id: Some(ambassador.id),
        ..MatchQuery::default()
    };
    let matches = state
        .store
        .list_matches(&filter, None, None, None, 1000)
        .await?;
    let mut concerns = Vec::new();
    for m in &matches {
        concerns.extend(state.store.list_concerns(m.id).await?);
    }
    Ok(AmbassadorExport {
        exported_at: state.clock.now(),
        ambassador,
        intake,
        documents,
        matches,
        concerns,
    })
}

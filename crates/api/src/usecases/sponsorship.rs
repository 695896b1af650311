//! Sponsorship: proposing and moving on an agreement, recording contributions and extra cost
//! rows. An agreement locks its employee, so two proposals for one employee and period take
//! turns and the second finds the first.

use domain::contract::{
    Agreement, AgreementInput, AgreementTransition, ContributionInput, ContributionRecord,
    CostRoleInput, CostRoleRecord,
};
use domain::sponsorship::{AgreementAction, AgreementError, SponsorshipTerms};
use store::{Lock, Store};
use uuid::Uuid;

use super::employers::employer;
use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::ErrorCode;
use crate::error::{ApiError, OrConflict, OrNotFound};
use crate::policy::Action;
use crate::state::AppState;

/// Proposes an agreement for one of the employer's staff; one live agreement per employee,
/// school year and start.
pub async fn propose(
    state: &AppState,
    principal: &Principal,
    employer_id: Uuid,
    input: AgreementInput,
) -> Result<Agreement, ApiError> {
    let tx = begin(state).await?;
    tx.lock(Lock::Ambassador(input.ambassador_id)).await?;
    tx.lock(Lock::Employer(employer_id)).await?;
    employer(
        &tx,
        principal,
        employer_id,
        Action::ManageEmployer {
            employer: employer_id,
        },
    )
    .await?;
    let terms = SponsorshipTerms::new(
        input.sponsored_minutes_per_week,
        input.volunteered_minutes_per_week,
        input.hourly_rate,
    )
    .map_err(agreement_error)?;
    let linked = match tx.get_ambassador(input.ambassador_id).await {
        Ok(ambassador) => ambassador.profile.employer_id == Some(employer_id),
        Err(store::StoreError::NotFound) => false,
        Err(e) => return Err(e.into()),
    };
    if !linked {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotLinked,
            detail: "this ambassador is not on the employer's staff: invite the employee first and wait until they accept".to_owned(),
        });
    }
    let agreement = tx.create_agreement(employer_id, &input, terms).await?;
    commit_with_audit(
        tx,
        principal,
        "sponsorship.propose",
        "sponsorship_agreement",
        Some(agreement.id),
    )
    .await?;
    Ok(agreement)
}

/// Agrees, starts or ends an agreement. Agreeing sets the employee's funding arrangement to the
/// agreement's, in the same transaction.
pub async fn transition(
    state: &AppState,
    principal: &Principal,
    employer_id: Uuid,
    agreement_id: Uuid,
    body: AgreementTransition,
) -> Result<Agreement, ApiError> {
    let action = match body.action {
        AgreementAction::Agree | AgreementAction::Start => Action::SettleAgreement {
            employer: employer_id,
        },
        AgreementAction::End => Action::ManageEmployer {
            employer: employer_id,
        },
    };
    let tx = begin(state).await?;
    employer(&tx, principal, employer_id, action).await?;
    // The employee is locked before the agreement (the house's lock order); an agreement never
    // changes employee, so reading it first to learn whom to lock is safe.
    let ambassador_id = tx
        .get_agreement(employer_id, agreement_id)
        .await
        .or_not_found("agreement")?
        .ambassador_id;
    tx.lock(Lock::Ambassador(ambassador_id)).await?;
    tx.lock(Lock::Agreement(agreement_id)).await?;
    let agreement = tx
        .get_agreement(employer_id, agreement_id)
        .await
        .or_not_found("agreement")?;
    let reason = body.reason.as_deref().map(str::trim);
    let to = agreement
        .status
        .apply(body.action, reason)
        .map_err(agreement_error)?;
    if body.action == AgreementAction::Agree {
        feed_funding(&tx, &agreement).await?;
    }
    let moved = tx
        .set_agreement_status(
            &agreement,
            agreement.status,
            to,
            reason,
            state.clock.today(),
        )
        .await?;
    commit_with_audit(
        tx,
        principal,
        "sponsorship.transition",
        "sponsorship_agreement",
        Some(moved.id),
    )
    .await?;
    Ok(moved)
}

/// Records materials or money the employer gave; a receipt number once per employer.
pub async fn add_contribution(
    state: &AppState,
    principal: &Principal,
    employer_id: Uuid,
    input: ContributionInput,
) -> Result<ContributionRecord, ApiError> {
    let tx = begin(state).await?;
    tx.lock(Lock::Employer(employer_id)).await?;
    employer(
        &tx,
        principal,
        employer_id,
        Action::ManageEmployer {
            employer: employer_id,
        },
    )
    .await?;
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    let record = tx
        .add_contribution(employer_id, &input)
        .await
        .or_conflict(ErrorCode::ReceiptTaken)?;
    commit_with_audit(
        tx,
        principal,
        "sponsorship.contribution",
        "contribution",
        Some(record.id),
    )
    .await?;
    Ok(record)
}

/// Adds another role's hours to the employer's cost overview.
pub async fn add_cost_role(
    state: &AppState,
    principal: &Principal,
    employer_id: Uuid,
    input: CostRoleInput,
) -> Result<CostRoleRecord, ApiError> {
    let tx = begin(state).await?;
    tx.lock(Lock::Employer(employer_id)).await?;
    employer(
        &tx,
        principal,
        employer_id,
        Action::ManageEmployer {
            employer: employer_id,
        },
    )
    .await?;
    let (input, minutes) = input.validate().map_err(ApiError::invalid_fields)?;
    let record = tx.add_cost_role(employer_id, &input, minutes).await?;
    commit_with_audit(
        tx,
        principal,
        "sponsorship.cost_role",
        "cost_role",
        Some(record.id),
    )
    .await?;
    Ok(record)
}

/// Sets the employee's funding arrangement to what the agreement's terms imply, so their hours
/// are logged as sponsored, volunteered or both.
async fn feed_funding(tx: &Store, agreement: &Agreement) -> Result<(), ApiError> {
    let ambassador = tx
        .get_ambassador(agreement.ambassador_id)
        .await
        .or_not_found("ambassador")?;
    let mut input = ambassador.profile.clone();
    input.funding = agreement.funding;
    input.sponsored_minutes_per_week = i64::from(agreement.sponsored_minutes_per_week);
    input.volunteer_minutes_per_week = i64::from(agreement.volunteered_minutes_per_week);
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    tx.update_ambassador(ambassador.id, &input).await?;
    Ok(())
}

fn agreement_error(error: AgreementError) -> ApiError {
    let message = error.to_string();
    match error {
        AgreementError::MinutesOutOfRange { what, .. } => ApiError::invalid_field(
            if what == "sponsored" {
                "sponsored_minutes_per_week"
            } else {
                "volunteered_minutes_per_week"
            },
            message,
        ),
        AgreementError::NoMinutes => ApiError::invalid_field("sponsored_minutes_per_week", message),
        AgreementError::RateOutOfRange { .. } => ApiError::invalid_field("hourly_rate", message),
        AgreementError::ReasonRequired => ApiError::invalid_field("reason", message),
        AgreementError::NotFrom { .. } => ApiError::Conflict {
            code: ErrorCode::InvalidTransition,
            detail: message,
        },
    }
}

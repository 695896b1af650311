//! Each person's e-mail choices: read and set on their own page, and the one category an
//! unsubscribe link stops, without logging in.

use domain::contract::{MailPreference, MailPreferences, Unsubscribed};
use domain::mail_preference::{MailCategory, MailChoice};

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;

/// The address of the person behind `principal`; partner clients have none (403).
async fn own_address(state: &AppState, principal: &Principal) -> Result<String, ApiError> {
    let Principal::User(user) = principal else {
        return Err(ApiError::Forbidden);
    };
    let record = state.store.get_user(user.id).await.map_err(|e| match e {
        store::StoreError::NotFound => ApiError::InvalidToken,
        other => other.into(),
    })?;
    Ok(record.email.as_str().to_owned())
}

async fn choices_of(store: &store::Store, email: &str) -> Result<MailPreferences, ApiError> {
    let mut preferences = Vec::new();
    for &category in MailCategory::ALL {
        let choice = store
            .mail_choice(email, category)
            .await?
            .unwrap_or(MailChoice::Immediately);
        preferences.push(MailPreference { category, choice });
    }
    Ok(MailPreferences {
        email: email.to_owned(),
        preferences,
    })
}

/// The person's choice for every category.
pub async fn mine(state: &AppState, principal: &Principal) -> Result<MailPreferences, ApiError> {
    let email = own_address(state, principal).await?;
    choices_of(&state.store, &email).await
}

/// Sets the person's choices for the categories named; the others stay as they were.
pub async fn set_mine(
    state: &AppState,
    principal: &Principal,
    input: Vec<MailPreference>,
) -> Result<MailPreferences, ApiError> {
    let email = own_address(state, principal).await?;
    let mut seen = Vec::new();
    for preference in &input {
        if seen.contains(&preference.category) {
            return Err(ApiError::invalid_field(
                "category",
                format!("'{}' is named twice", preference.category),
            ));
        }
        seen.push(preference.category);
    }
    let tx = begin(state).await?;
    for preference in &input {
        tx.set_mail_choice(&email, preference.category, preference.choice)
            .await?;
    }
    let preferences = choices_of(&tx, &email).await?;
    commit_with_audit(tx, principal, "mail.preferences", "user", None).await?;
    Ok(preferences)
}

/// Stops the category of an unsubscribe link for its address.
pub async fn unsubscribe(state: &AppState, token: &str) -> Result<Unsubscribed, ApiError> {
    let (email, category) = state.mailer.link_key().verify(token).ok_or_else(|| {
        ApiError::invalid_field(
            "token",
            "is not an unsubscribe link of Klasbrug; copy the whole link from the e-mail",
        )
    })?;
    state
        .store
        .set_mail_choice(&email, category, MailChoice::Never)
        .await?;
    Ok(Unsubscribed { category })
}

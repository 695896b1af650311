//! Requests of a data subject (AVG art. 15 and 17): to see one's data, or to have it erased.
//! A person asks from their own page; programme staff record requests that came by letter or
//! e-mail, handle them and see what is due first.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::ambassador::AmbassadorExport;
use crate::role::Role;
use crate::text_enum;

text_enum! {
    /// What a person asks for.
    pub enum PrivacyRequestKind ("request kind") {
        /// To see the data Klasbrug holds about them (AVG art. 15).
        Access = "access",
        /// To have their data erased (AVG art. 17).
        Erasure = "erasure",
    }
}

text_enum! {
    /// How a request reached the programme.
    pub enum PrivacyRequestChannel ("channel") {
        /// The person asked on their own page in Klasbrug.
        OwnPage = "own_page",
        /// By letter; programme staff recorded it.
        Letter = "letter",
        /// By e-mail; programme staff recorded it.
        Email = "email",
    }
}

text_enum! {
    /// Where a request stands.
    pub enum PrivacyRequestStatus ("request status") {
        /// Received; nobody has taken it up yet.
        Received = "received",
        /// A member of programme staff is handling it.
        InProgress = "in_progress",
        /// Answered: the data sent, or the person erased.
        Done = "done",
        /// Refused, with the reason in `answer`.
        Refused = "refused",
    }
}

/// A person's request, made on their own page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PrivacyRequestInput {
    /// What they ask for.
    pub kind: PrivacyRequestKind,
    /// What they want to add, if anything (at most 1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A request that came by letter or e-mail, recorded by programme staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordedPrivacyRequestInput {
    /// The e-mail address of the person's Klasbrug account.
    pub email: String,
    /// What they ask for.
    pub kind: PrivacyRequestKind,
    /// How it came: `letter` or `email`.
    pub channel: PrivacyRequestChannel,
    /// The day it was received (Amsterdam date; not in the future). The deadline runs from it.
    pub received_on: NaiveDate,
    /// What the request says, or where the letter is filed (at most 1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Programme staff take up, answer or refuse a request. Answering an erasure request
/// (`done`) erases the person in the same step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PrivacyRequestUpdate {
    /// The new status: `in_progress`, `done` or `refused`.
    pub status: PrivacyRequestStatus,
    /// The answer to the person; required when refusing (at most 2000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
}

/// Something Klasbrug keeps after erasing a person, why, and until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeptRecord {
    /// A stable key: `payments`, `request`, `audit_log`.
    pub key: String,
    /// What is kept, in Dutch.
    pub what: String,
    /// Why, in Dutch, with the rule that requires it.
    pub why: String,
    /// The last day it is kept; absent when what stays names nobody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

/// A request of a data subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrivacyRequest {
    /// The request's id.
    pub id: Uuid,
    /// What they ask for.
    pub kind: PrivacyRequestKind,
    /// How it came.
    pub channel: PrivacyRequestChannel,
    /// Where it stands.
    pub status: PrivacyRequestStatus,
    /// The person's account; absent for a request from before accounts were linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Uuid>,
    /// The person's name (`Verwijderd` once erased).
    pub name: String,
    /// Their roles when the request was read.
    pub roles: Vec<Role>,
    /// What they added, or what staff noted when recording it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The day it was received (Amsterdam date).
    pub received_on: NaiveDate,
    /// The last day to answer (AVG art. 12(3)): one month after `received_on`.
    pub answer_due: NaiveDate,
    /// Whether it is still open after `answer_due`.
    pub overdue: bool,
    /// Who recorded it, when it came by letter or e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<String>,
    /// Who took it up or answered it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handled_by: Option<String>,
    /// When it was answered or refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<DateTime<Utc>>,
    /// The answer to the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// For an erasure: what is kept and why (as it stands today while open; as it was decided
    /// once done). Empty for access.
    pub kept: Vec<KeptRecord>,
    /// When it was stored.
    pub created_at: DateTime<Utc>,
}

/// Which requests programme staff list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PrivacyRequestQuery {
    /// `true` (the default): the open ones, due first; `false`: the answered and refused ones,
    /// newest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<bool>,
}

/// A person's account as Klasbrug holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalAccount {
    /// The account's id.
    pub id: Uuid,
    /// Their name.
    pub name: String,
    /// Their e-mail address (their login).
    pub email: String,
    /// When the account was made.
    pub created_at: DateTime<Utc>,
    /// Their roles, each in its organisation.
    pub roles: Vec<PersonalRole>,
}

/// A role a person holds in an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalRole {
    /// The organisation.
    pub organisation_id: Uuid,
    /// Its name.
    pub organisation_name: String,
    /// The role.
    pub role: Role,
}

/// An e-mail Klasbrug sent (or is sending) to the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalMessage {
    /// Its subject.
    pub subject: String,
    /// When it was queued.
    pub created_at: DateTime<Utc>,
    /// When it was handed to the mail server; absent while waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<DateTime<Utc>>,
}

/// Everything Klasbrug holds about one person (right of access, AVG art. 15).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalData {
    /// When this copy was made.
    pub exported_at: DateTime<Utc>,
    /// Their account and roles.
    pub account: PersonalAccount,
    /// Their ambassador profile with intake, documents, matches and concerns, if they have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassador: Option<AmbassadorExport>,
    /// The e-mails sent to them that are still kept.
    pub messages: Vec<PersonalMessage>,
    /// Their requests of this kind.
    pub requests: Vec<PrivacyRequest>,
}

//! What the privacy officer reads: the register of processing (AVG art. 30) and the log of who
//! read the most sensitive data.
//!
//! The register's descriptive texts are Dutch: it is the document a Dutch school board's privacy
//! officer (FG) files and the Dutch authority may ask for. Keys, table names, scopes and codes
//! are English, like the rest of the API.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::text_enum;

/// The register of processing activities (AVG art. 30), produced from the code's own data model
/// and the server's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrivacyRegister {
    /// When this copy was produced (UTC, the application's clock).
    pub generated_at: DateTime<Utc>,
    /// The retention periods this server is set to.
    pub retention: RetentionPeriods,
    /// Where the data lives.
    pub storage: StorageDescription,
    /// The categories of people whose data is processed.
    pub people: Vec<PersonCategoryEntry>,
    /// The processing activities, each with its purpose, basis, data, retention and recipients.
    pub activities: Vec<ProcessingActivityEntry>,
    /// Who receives data from outside the programme, and what they see.
    pub recipients: Vec<RecipientEntry>,
    /// The database tables that hold no personal data (reference data and settings).
    pub tables_without_personal_data: Vec<String>,
}

/// The retention periods the server runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RetentionPeriods {
    /// `KLASBRUG_RETENTION_PERSONAL_DAYS`: days personal data is kept after the relationship
    /// ends (default 730).
    pub personal_days: u32,
    /// `KLASBRUG_RETENTION_PAYMENT_YEARS`: years payment records are kept (default 7, the fiscal
    /// duty to keep records).
    pub payment_years: u32,
    /// `KLASBRUG_DOCUMENT_RETENTION_DAYS`: days a motivation letter and CV are kept after the
    /// intake decision (default 30).
    pub document_days: u32,
}

/// Where the data lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StorageDescription {
    /// The database engine this server runs on: `SQLite` or `PostgreSQL`.
    pub database: String,
    /// Where the data lives, in Dutch.
    pub description: String,
    /// How e-mail leaves the system, in Dutch: the configured SMTP server, or none.
    pub email: String,
}

text_enum! {
    /// A category of people whose personal data Klasbrug processes.
    pub enum PersonCategory ("person category") {
        /// Someone who applied to become an ambassador and was not (yet) taken on.
        Applicant = "applicant",
        /// A professional from outside education who spends a day a week at a school.
        Ambassador = "ambassador",
        /// Teachers, coordinators and other staff of a school.
        SchoolStaff = "school_staff",
        /// A school's director.
        SchoolDirector = "school_director",
        /// The contact person of an employer that sponsors hours.
        EmployerContact = "employer_contact",
        /// A partner organisation's API client and the people behind it.
        PartnerClient = "partner_client",
        /// The programme's own staff (projectleiders).
        ProgrammeStaff = "programme_staff",
    }
}

text_enum! {
    /// The lawful basis of a processing activity (AVG art. 6(1)).
    pub enum LegalBasis ("legal basis") {
        /// Art. 6(1)(a): the person's consent.
        Consent = "consent",
        /// Art. 6(1)(b): needed for an agreement with the person (or steps before one).
        Contract = "contract",
        /// Art. 6(1)(c): needed for a legal obligation of the programme.
        LegalObligation = "legal_obligation",
        /// Art. 6(1)(f): the programme's or a third party's legitimate interest.
        LegitimateInterest = "legitimate_interest",
    }
}

text_enum! {
    /// Who, besides programme staff, receives data of an activity.
    pub enum RecipientKind ("recipient") {
        /// The school (director, coordinator, teacher) a person is matched with.
        School = "school",
        /// The employer that sponsors an ambassador's hours.
        Employer = "employer",
        /// A partner organisation, through its API client and scopes.
        Partner = "partner",
        /// The bank the programme's payout file is handed to.
        Bank = "bank",
        /// The SMTP server that carries e-mail.
        MailServer = "mail_server",
    }
}

/// One category of people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonCategoryEntry {
    /// The category.
    pub category: PersonCategory,
    /// Its name, in Dutch.
    pub name: String,
    /// Who they are, in Dutch.
    pub description: String,
}

/// The personal data one table holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TableDataEntry {
    /// The database table.
    pub table: String,
    /// The personal data in it, by field group, in Dutch.
    pub data: String,
    /// Whether reads of it are logged as sensitive (VOG, IBAN, documents, concerns).
    pub sensitive: bool,
}

/// One processing activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcessingActivityEntry {
    /// A stable key, such as `intake`.
    pub key: String,
    /// Its name, in Dutch.
    pub name: String,
    /// What it is for, in Dutch.
    pub purpose: String,
    /// The lawful basis.
    pub legal_basis: LegalBasis,
    /// The article, such as `art. 6 lid 1 sub b AVG`.
    pub legal_basis_article: String,
    /// Why that basis applies, in Dutch.
    pub legal_basis_note: String,
    /// Whose data it is.
    pub people: Vec<PersonCategory>,
    /// The data, per table.
    pub data: Vec<TableDataEntry>,
    /// How long it is kept, in Dutch, with the server's periods filled in.
    pub retention: String,
    /// Who receives it besides programme staff.
    pub recipients: Vec<RecipientKind>,
}

/// A recipient and what they see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecipientEntry {
    /// What kind of recipient.
    pub kind: RecipientKind,
    /// For a partner: the OAuth scope this entry describes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// What they receive, in Dutch.
    pub receives: String,
}

text_enum! {
    /// A kind of sensitive data whose reads are logged.
    pub enum SensitiveReadKind ("kind of sensitive read") {
        /// VOG records (dates, outcome, who saw it), read with the intake.
        VogRecords = "vog_records",
        /// An IBAN: the allowance details, or a payout file's payments.
        Iban = "iban",
        /// An intake document (motivation letter or CV).
        Document = "document",
        /// A concern reported about a match.
        Concern = "concern",
        /// A full export of a person's data (holds all of the above).
        Export = "export",
    }
}

/// One logged read of sensitive data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SensitiveRead {
    /// The entry's id; entries are ordered by it.
    pub id: Uuid,
    /// When it was read (UTC, the application's clock).
    pub at: DateTime<Utc>,
    /// `user` or `client`.
    pub actor_kind: String,
    /// The person or partner client that read it.
    pub actor_id: Uuid,
    /// Their name, when still known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// What kind of data was read.
    pub kind: SensitiveReadKind,
    /// The ambassador whose data it was.
    pub person_id: Uuid,
    /// Their name, when still known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_name: Option<String>,
    /// The kind of resource read, such as `intake`, `allowance_profile` or `payout_file`.
    pub resource_type: String,
    /// The resource read (the ambassador, the match, the concern or the payout file).
    pub resource_id: Uuid,
}

/// Filters of the sensitive-read log; both optional, they combine.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SensitiveReadQuery {
    /// Only reads of this ambassador's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<Uuid>,
    /// Only reads of this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SensitiveReadKind>,
}

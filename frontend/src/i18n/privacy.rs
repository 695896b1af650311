//! The texts of the privacy pages: the register of processing and the log of reads of
//! sensitive data. The register's own contents come from the server, in Dutch (it is the
//! document a Dutch privacy officer files); these are the labels around it.

use domain::contract::{LegalBasis, PersonCategory, RecipientKind, SensitiveReadKind};

/// Texts of the privacy pages.
#[derive(Debug, PartialEq)]
pub struct PrivacyTexts {
    pub menu_register: &'static str,
    pub menu_reads: &'static str,
    pub register_intro: &'static str,
    pub download: &'static str,
    pub downloaded: &'static str,
    pub periods: &'static str,
    /// `{days}`.
    pub personal_period: &'static str,
    /// `{years}`.
    pub payment_period: &'static str,
    /// `{days}`.
    pub document_period: &'static str,
    pub storage: &'static str,
    pub people: &'static str,
    pub activities: &'static str,
    pub purpose: &'static str,
    pub legal_basis: &'static str,
    pub whose: &'static str,
    pub data: &'static str,
    pub sensitive_mark: &'static str,
    pub retention: &'static str,
    pub recipients: &'static str,
    pub programme_only: &'static str,
    pub outside_recipients: &'static str,
    /// `{scope}`.
    pub scope: &'static str,
    pub no_personal_data: &'static str,
    pub reads_intro: &'static str,
    pub filter_kind: &'static str,
    pub all_kinds: &'static str,
    pub column_reader: &'static str,
    pub column_kind: &'static str,
    pub column_person: &'static str,
    pub column_through: &'static str,
    /// `{name}`.
    pub only_person: &'static str,
    /// `{name}`.
    pub by_person: &'static str,
    pub clear_person: &'static str,
    pub no_reads: &'static str,
    pub unknown: &'static str,
    pub people_names: [(PersonCategory, &'static str); 7],
    pub recipient_names: [(RecipientKind, &'static str); 5],
    pub basis_names: [(LegalBasis, &'static str); 4],
    pub kinds: [(SensitiveReadKind, &'static str); 5],
    pub resources: [(&'static str, &'static str); 8],
}

impl PrivacyTexts {
    /// A category of people in words.
    pub fn person(&self, category: PersonCategory) -> &'static str {
        lookup(&self.people_names, category).unwrap_or(self.unknown)
    }

    /// A recipient in words.
    pub fn recipient(&self, kind: RecipientKind) -> &'static str {
        lookup(&self.recipient_names, kind).unwrap_or(self.unknown)
    }

    /// A lawful basis in words.
    pub fn basis(&self, basis: LegalBasis) -> &'static str {
        lookup(&self.basis_names, basis).unwrap_or(self.unknown)
    }

    /// A kind of sensitive read in words.
    pub fn kind(&self, kind: SensitiveReadKind) -> &'static str {
        lookup(&self.kinds, kind).unwrap_or(self.unknown)
    }

    /// What the data was read through, in words.
    pub fn resource(&self, resource_type: &str) -> &'static str {
        lookup(&self.resources, resource_type).unwrap_or(self.unknown)
    }
}

fn lookup<K: PartialEq>(pairs: &[(K, &'static str)], key: K) -> Option<&'static str> {
    pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// Dutch.
pub const NL: PrivacyTexts = PrivacyTexts {
    menu_register: "Privacyregister",
    menu_reads: "Inzage gevoelige gegevens",
    register_intro: "Het register van verwerkingsactiviteiten (artikel 30 AVG), opgesteld uit het datamodel en de instellingen van deze server.",
    download: "Download voor de FG (HTML, afdrukbaar)",
    downloaded: "{file} is gedownload.",
    periods: "Bewaartermijnen van deze server",
    personal_period: "Persoonsgegevens: {days} dagen na het einde van de relatie",
    payment_period: "Betaalgegevens: {years} jaar (fiscale bewaarplicht)",
    document_period: "Motivatiebrief en cv: {days} dagen na het intakebesluit",
    storage: "Waar de gegevens staan",
    people: "Categorieën betrokkenen",
    activities: "Verwerkingsactiviteiten",
    purpose: "Doel",
    legal_basis: "Grondslag",
    whose: "Betrokkenen",
    data: "Gegevens",
    sensitive_mark: "gevoelig: inzage wordt vastgelegd",
    retention: "Bewaartermijn",
    recipients: "Ontvangers",
    programme_only: "Alleen programmamedewerkers",
    outside_recipients: "Ontvangers buiten het programma",
    scope: "scope {scope}",
    no_personal_data: "Tabellen zonder persoonsgegevens",
    reads_intro: "Wie VOG-gegevens, IBAN's, intakedocumenten en zorgen van een ambassadeur inzag, en wanneer. Het nieuwste eerst.",
    filter_kind: "Soort gegevens",
    all_kinds: "Alle soorten",
    column_reader: "Ingezien door",
    column_kind: "Gegevens",
    column_person: "Van",
    column_through: "Via",
    only_person: "Alleen inzage van {name}",
    by_person: "Alleen inzage van {name}.",
    clear_person: "Iedereen tonen",
    no_reads: "Er is nog niets ingezien.",
    unknown: "onbekend",
    people_names: [
        (PersonCategory::Applicant, "Aanmelders"),
        (PersonCategory::Ambassador, "Ambassadeurs"),
        (
            PersonCategory::SchoolStaff,
            "Leerkrachten en schoolmedewerkers",
        ),
        (PersonCategory::SchoolDirector, "Schooldirecteuren"),
        (
            PersonCategory::EmployerContact,
            "Contactpersonen van werkgevers",
        ),
        (PersonCategory::PartnerClient, "Partnerkoppelingen"),
        (PersonCategory::ProgrammeStaff, "Programmamedewerkers"),
    ],
    recipient_names: [
        (RecipientKind::School, "De school"),
        (RecipientKind::Employer, "De werkgever"),
        (RecipientKind::Partner, "Partnerorganisaties"),
        (RecipientKind::Bank, "De bank"),
        (RecipientKind::MailServer, "De e-mailserver"),
    ],
    basis_names: [
        (LegalBasis::Consent, "Toestemming"),
        (LegalBasis::Contract, "Overeenkomst"),
        (LegalBasis::LegalObligation, "Wettelijke plicht"),
        (LegalBasis::LegitimateInterest, "Gerechtvaardigd belang"),
    ],
    kinds: [
        (SensitiveReadKind::VogRecords, "VOG-gegevens"),
        (SensitiveReadKind::Iban, "IBAN"),
        (SensitiveReadKind::Document, "Intakedocument"),
        (SensitiveReadKind::Concern, "Zorg"),
        (SensitiveReadKind::Export, "Volledige export"),
    ],
    resources: [
        ("intake", "de intake"),
        ("cv", "het cv"),
        ("motivation_letter", "de motivatiebrief"),
        ("allowance_profile", "de vergoedingsgegevens"),
        ("payout_file", "een betaalbestand"),
        ("concern", "een zorgmelding"),
        ("export", "een export"),
        ("match", "een match"),
    ],
};

/// English.
#[cfg(any(test, feature = "english"))]
pub const EN: PrivacyTexts = PrivacyTexts {
    menu_register: "Privacy register",
    menu_reads: "Sensitive data reads",
    register_intro: "The register of processing activities (GDPR article 30), produced from this server's data model and settings. Its contents are in Dutch, as filed with a Dutch privacy officer.",
    download: "Download for the DPO (HTML, printable)",
    downloaded: "{file} was downloaded.",
    periods: "This server's retention periods",
    personal_period: "Personal data: {days} days after the relationship ends",
    payment_period: "Payment records: {years} years (fiscal duty to keep records)",
    document_period: "Motivation letter and CV: {days} days after the intake decision",
    storage: "Where the data lives",
    people: "Categories of people",
    activities: "Processing activities",
    purpose: "Purpose",
    legal_basis: "Legal basis",
    whose: "People",
    data: "Data",
    sensitive_mark: "sensitive: reads are logged",
    retention: "Retention",
    recipients: "Recipients",
    programme_only: "Programme staff only",
    outside_recipients: "Recipients outside the programme",
    scope: "scope {scope}",
    no_personal_data: "Tables without personal data",
    reads_intro: "Who read an ambassador's VOG records, IBAN, intake documents and concerns, and when. Newest first.",
    filter_kind: "Kind of data",
    all_kinds: "All kinds",
    column_reader: "Read by",
    column_kind: "Data",
    column_person: "Of",
    column_through: "Through",
    only_person: "Only reads of {name}",
    by_person: "Only reads of {name}.",
    clear_person: "Show everyone",
    no_reads: "Nothing has been read yet.",
    unknown: "unknown",
    people_names: [
        (PersonCategory::Applicant, "Applicants"),
        (PersonCategory::Ambassador, "Ambassadors"),
        (PersonCategory::SchoolStaff, "Teachers and school staff"),
        (PersonCategory::SchoolDirector, "School directors"),
        (PersonCategory::EmployerContact, "Employer contacts"),
        (PersonCategory::PartnerClient, "Partner clients"),
        (PersonCategory::ProgrammeStaff, "Programme staff"),
    ],
    recipient_names: [
        (RecipientKind::School, "The school"),
        (RecipientKind::Employer, "The employer"),
        (RecipientKind::Partner, "Partner organisations"),
        (RecipientKind::Bank, "The bank"),
        (RecipientKind::MailServer, "The mail server"),
    ],
    basis_names: [
        (LegalBasis::Consent, "Consent"),
        (LegalBasis::Contract, "Contract"),
        (LegalBasis::LegalObligation, "Legal obligation"),
        (LegalBasis::LegitimateInterest, "Legitimate interest"),
    ],
    kinds: [
        (SensitiveReadKind::VogRecords, "VOG records"),
        (SensitiveReadKind::Iban, "IBAN"),
        (SensitiveReadKind::Document, "Intake document"),
        (SensitiveReadKind::Concern, "Concern"),
        (SensitiveReadKind::Export, "Full export"),
    ],
    resources: [
        ("intake", "the intake"),
        ("cv", "the CV"),
        ("motivation_letter", "the motivation letter"),
        ("allowance_profile", "the allowance details"),
        ("payout_file", "a payout file"),
        ("concern", "a concern"),
        ("export", "an export"),
        ("match", "a match"),
    ],
};

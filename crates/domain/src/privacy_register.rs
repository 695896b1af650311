//! The register of processing activities (AVG art. 30), as data.
//!
//! Every table the migrations create is either described here, with the personal data it
//! holds, or listed in [`TABLES_WITHOUT_PERSONAL_DATA`]; a unit test reads the migrations and
//! fails when a new table is in neither. The periods come from the server's settings, so the
//! register says what this server really does.

use chrono::{DateTime, Utc};

use crate::Scope;
use crate::contract::privacy::{
    LegalBasis, PersonCategory, PersonCategoryEntry, PrivacyRegister, ProcessingActivityEntry,
    RecipientEntry, RecipientKind, RetentionPeriods, StorageDescription, TableDataEntry,
};

/// The default of `KLASBRUG_RETENTION_PERSONAL_DAYS`: personal data goes two years after the
/// relationship ends.
pub const DEFAULT_PERSONAL_DAYS: u32 = 730;
/// The default of `KLASBRUG_RETENTION_PAYMENT_YEARS`: the fiscal duty to keep records.
pub const DEFAULT_PAYMENT_YEARS: u32 = 7;
/// The default of `KLASBRUG_DOCUMENT_RETENTION_DAYS`.
pub const DEFAULT_DOCUMENT_DAYS: u32 = 30;

impl Default for RetentionPeriods {
    fn default() -> Self {
        Self {
            personal_days: DEFAULT_PERSONAL_DAYS,
            payment_years: DEFAULT_PAYMENT_YEARS,
            document_days: DEFAULT_DOCUMENT_DAYS,
        }
    }
}

/// How long an activity's data is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retention {
    /// The personal period after the event named (in Dutch, after "na").
    AfterRelationship(&'static str),
    /// The payment period, then anonymised.
    PaymentRecords,
    /// The document period after the intake decision.
    IntakeDocuments,
    /// As long as the audit log: the personal period after the entry.
    AuditData,
    /// Until the record expires by itself (tokens, rate limits), at most the personal period.
    UntilExpiry(&'static str),
}

impl Retention {
    /// The rule in Dutch, with the server's periods filled in.
    pub fn describe(self, settings: &RetentionPeriods) -> String {
        let days = settings.personal_days;
        match self {
            Retention::AfterRelationship(event) => format!(
                "{days} dagen (KLASBRUG_RETENTION_PERSONAL_DAYS) na {event}; daarna verwijderd of geanonimiseerd"
            ),
            Retention::PaymentRecords => format!(
                "{} jaar (KLASBRUG_RETENTION_PAYMENT_YEARS, fiscale bewaarplicht) na de betaling; daarna verwijderd. \
                 Bij verwijdering op verzoek binnen die termijn blijven bedrag en datum bewaard, zonder naam of IBAN zodra de termijn om is",
                settings.payment_years
            ),
            Retention::IntakeDocuments => format!(
                "{} dagen (KLASBRUG_DOCUMENT_RETENTION_DAYS) na het intakebesluit; daarna automatisch verwijderd",
                settings.document_days
            ),
            Retention::AuditData => format!(
                "zo lang als het auditlog: {days} dagen (KLASBRUG_RETENTION_PERSONAL_DAYS) na de registratie"
            ),
            Retention::UntilExpiry(what) => {
                format!(
                    "tot {what}, en nooit langer dan {days} dagen (KLASBRUG_RETENTION_PERSONAL_DAYS)"
                )
            }
        }
    }
}

/// The personal data one table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableData {
    /// The table, as the migrations name it.
    pub table: &'static str,
    /// The personal data in it, by field group, in Dutch.
    pub data: &'static str,
    /// Whether reads of it are logged in `sensitive_reads`.
    pub sensitive: bool,
}

const fn table(table: &'static str, data: &'static str) -> TableData {
    TableData {
        table,
        data,
        sensitive: false,
    }
}

const fn sensitive(table: &'static str, data: &'static str) -> TableData {
    TableData {
        table,
        data,
        sensitive: true,
    }
}

/// One processing activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Activity {
    /// A stable key.
    pub key: &'static str,
    /// Its name, in Dutch.
    pub name: &'static str,
    /// What it is for, in Dutch.
    pub purpose: &'static str,
    /// The lawful basis.
    pub legal_basis: LegalBasis,
    /// Why that basis applies, in Dutch.
    pub legal_basis_note: &'static str,
    /// Whose data it is.
    pub people: &'static [PersonCategory],
    /// The data, per table.
    pub tables: &'static [TableData],
    /// How long it is kept.
    pub retention: Retention,
    /// Who receives it besides programme staff.
    pub recipients: &'static [RecipientKind],
}

use PersonCategory as P;
use RecipientKind as R;

/// Everyone who logs in: people with a role, and partner clients.
const EVERYONE_WHO_LOGS_IN: &[PersonCategory] = &[
    PersonCategory::Ambassador,
    PersonCategory::SchoolStaff,
    PersonCategory::SchoolDirector,
    PersonCategory::EmployerContact,
    PersonCategory::PartnerClient,
    PersonCategory::ProgrammeStaff,
];

/// Every processing activity.
pub const ACTIVITIES: &[Activity] = &[
    Activity {
        key: "intake",
        name: "Aanmelding en intake van ambassadeurs",
        purpose: "Kandidaten laten aanmelden (zelf of via een partner), de intake voeren en besluiten wie ambassadeur wordt.",
        legal_basis: LegalBasis::Contract,
        legal_basis_note: "Stappen op verzoek van de kandidaat vóór het sluiten van de vrijwilligers- of detacheringsafspraak.",
        people: &[P::Applicant, P::Ambassador, P::ProgrammeStaff],
        tables: &[
            table(
                "applications",
                "naam, e-mailadres, profiel (expertise, beschikbaarheid), gesponsord door werkgever, motivatiebrief en cv tot de bevestiging, bevestiging",
            ),
            table(
                "ambassadors",
                "naam, e-mailadres, werkgever, profiel (expertise, beschikbaarheid, voorkeuren), status, intakebesluit",
            ),
            table(
                "intake_steps",
                "intakestappen met datum, wie ze zette (naam) en notitie",
            ),
            sensitive(
                "ambassador_documents",
                "motivatiebrief en cv (PDF of DOCX), type, grootte, datum",
            ),
        ],
        retention: Retention::IntakeDocuments,
        recipients: &[R::Partner],
    },
    Activity {
        key: "vog",
        name: "Verklaring omtrent het gedrag (VOG)",
        purpose: "Vastleggen dat een geldige VOG is gezien voordat iemand voor de klas staat; nooit een kopie van de VOG.",
        legal_basis: LegalBasis::LegalObligation,
        legal_basis_note: "Wie lesgeeft moet een VOG overleggen (art. 3 WPO, art. 4 WVO).",
        people: &[P::Ambassador, P::ProgrammeStaff],
        tables: &[sensitive(
            "vog_records",
            "datum van afgifte, datum gezien, wie hem zag (naam), uitkomst (afgegeven of geweigerd)",
        )],
        retention: Retention::AfterRelationship("de laatste match van de ambassadeur"),
        recipients: &[],
    },
    Activity {
        key: "placements",
        name: "Plekken en schoolteams",
        purpose: "Scholen bieden plekken aan, geven aan welke leerkrachten meedoen en nodigen hun team uit.",
        legal_basis: LegalBasis::LegitimateInterest,
        legal_basis_note: "Gerechtvaardigd belang van school en programma om plekken te verdelen; leerkrachten doen vrijwillig mee (opt-in).",
        people: &[P::SchoolStaff, P::SchoolDirector, P::ProgrammeStaff],
        tables: &[
            table(
                "placements",
                "naam van de leerkracht bij een plek, groep, notitie",
            ),
            table(
                "school_capacities",
                "namen van leerkrachten die meedoen, aantallen stagiaires en startende leerkrachten per groep",
            ),
            table(
                "teacher_opt_ins",
                "keuze van de leerkracht om mee te doen, groepen en dagen",
            ),
            table(
                "team_invitations",
                "naam, e-mailadres en rol van uitgenodigde schoolmedewerkers, wie uitnodigde",
            ),
        ],
        retention: Retention::AfterRelationship("het vertrek van de medewerker bij de school"),
        recipients: &[R::School],
    },
    Activity {
        key: "matching",
        name: "Matching, kennismaking en begeleiding",
        purpose: "Ambassadeurs en plekken koppelen, kennismakingen plannen, zorgen melden en de inzet in agenda's tonen.",
        legal_basis: LegalBasis::Contract,
        legal_basis_note: "Nodig om de afspraak met de ambassadeur uit te voeren (plaatsing op een school).",
        people: &[
            P::Ambassador,
            P::SchoolStaff,
            P::SchoolDirector,
            P::ProgrammeStaff,
        ],
        tables: &[
            table(
                "matching_runs",
                "wie de ronde startte (naam), wie overbleef",
            ),
            table(
                "run_proposals",
                "voorstel per ambassadeur met score en redenen",
            ),
            table(
                "matches",
                "ambassadeur en plek, status, kennismaking (tijd, plaats), bevestigingen, reden van afwijzen of beëindigen",
            ),
            sensitive(
                "concerns",
                "zorgen over een match: tekst, wie meldde (naam), wanneer",
            ),
            table("calendar_feeds", "agenda-adres (token) van een ambassadeur"),
        ],
        retention: Retention::AfterRelationship("het einde van de match"),
        recipients: &[R::School],
    },
    Activity {
        key: "lesson_series",
        name: "Lessenseries",
        purpose: "Ambassadeurs ontwikkelen lessenseries met de intern coördinator; goedgekeurde series komen in de bibliotheek zonder naam van de ambassadeur.",
        legal_basis: LegalBasis::Contract,
        legal_basis_note: "Onderdeel van de afspraak over de inzet van de ambassadeur.",
        people: &[P::Ambassador, P::SchoolStaff],
        tables: &[
            table("lesson_series", "auteur (ambassadeur), inhoud, school"),
            table("review_comments", "naam van wie commentaar gaf, tekst"),
        ],
        retention: Retention::AfterRelationship(
            "de laatste match van de ambassadeur (de serie blijft, zonder naam)",
        ),
        recipients: &[R::School, R::Partner],
    },
    Activity {
        key: "hours",
        name: "Urenregistratie",
        purpose: "Gewerkte uren vastleggen en laten goedkeuren, voor de vergoeding, de werkgeversverklaring en de 22-urenregel.",
        legal_basis: LegalBasis::Contract,
        legal_basis_note: "Nodig om de afspraak (vergoeding, gesponsorde uren) uit te voeren.",
        people: &[P::Ambassador, P::SchoolStaff],
        tables: &[table(
            "hour_entries",
            "datum, minuten, activiteit, gesponsord of vrijwillig, notitie, wie goedkeurde en waarom",
        )],
        retention: Retention::AfterRelationship(
            "de laatste match en vergoeding van de ambassadeur",
        ),
        recipients: &[R::School, R::Employer],
    },
    Activity {
        key: "allowances",
        name: "Vrijwilligersvergoeding en uitbetaling",
        purpose: "De vergoeding binnen de fiscale grenzen berekenen, goedkeuren en uitbetalen.",
        legal_basis: LegalBasis::LegalObligation,
        legal_basis_note: "Fiscale bewaarplicht (art. 52 AWR) en de grenzen van de vrijwilligersregeling; de vergoeding zelf volgt uit de afspraak.",
        people: &[P::Ambassador, P::ProgrammeStaff],
        tables: &[
            sensitive(
                "allowance_profiles",
                "leeftijdscategorie (nooit de geboortedatum), uurtarief, IBAN en tenaamstelling",
            ),
            table(
                "declared_allowances",
                "vergoedingen van elders per maand, bron",
            ),
            sensitive(
                "statement_lines",
                "vergoeding per maand, status, IBAN en naam van de begunstigde bij uitbetaling",
            ),
            sensitive(
                "payout_files",
                "betalingen: naam, IBAN, bedrag, omschrijving; wie het bestand maakte",
            ),
        ],
        retention: Retention::PaymentRecords,
        recipients: &[R::Bank],
    },
    Activity {
        key: "sponsorship",
        name: "Werkgeverssponsoring",
        purpose: "Werkgevers registreren gesponsorde medewerkers en krijgen een verklaring van geleverde uren en maatschappelijke waarde.",
        legal_basis: LegalBasis::Contract,
        legal_basis_note: "Uitvoering van de sponsorafspraak tussen werkgever, medewerker en programma.",
        people: &[P::EmployerContact, P::Ambassador],
        tables: &[
            table("employer_profiles", "wie de werkgever verifieerde"),
            table(
                "employer_invitations",
                "naam en e-mailadres van uitgenodigde medewerkers, wie uitnodigde",
            ),
            table(
                "sponsorship_agreements",
                "medewerker, gesponsorde en vrijwillige minuten per week, uurtarief, reden van beëindigen",
            ),
        ],
        retention: Retention::AfterRelationship(
            "het vertrek van de werkgever of het einde van de afspraak",
        ),
        recipients: &[R::Employer],
    },
    Activity {
        key: "training",
        name: "Training en intervisie",
        purpose: "Trainingen en intervisie plannen, inschrijven en aanwezigheid bijhouden.",
        legal_basis: LegalBasis::Contract,
        legal_basis_note: "De training hoort bij de afspraak met de ambassadeur.",
        people: &[P::Ambassador, P::ProgrammeStaff],
        tables: &[
            table("course_sessions", "naam van de trainer"),
            table(
                "course_admissions",
                "toelating van een ambassadeur, door wie",
            ),
            table(
                "course_enrolments",
                "inschrijving, wachtlijst en aanwezigheid",
            ),
        ],
        retention: Retention::AfterRelationship("de laatste match van de ambassadeur"),
        recipients: &[],
    },
    Activity {
        key: "accounts",
        name: "Accounts en rollen",
        purpose: "Mensen en partnerkoppelingen laten inloggen met alleen de rechten van hun rol en organisatie.",
        legal_basis: LegalBasis::Contract,
        legal_basis_note: "Nodig om het systeem te laten gebruiken door wie een rol in het programma heeft.",
        people: EVERYONE_WHO_LOGS_IN,
        tables: &[
            table("users", "naam, e-mailadres, wachtwoord-hash (argon2id)"),
            table("memberships", "rol per organisatie"),
            table(
                "partner_clients",
                "naam van de koppeling, organisatie, scopes, geheim (hash)",
            ),
        ],
        retention: Retention::AfterRelationship("het einde van de laatste rol"),
        recipients: &[],
    },
    Activity {
        key: "security",
        name: "Beveiliging en inloggen",
        purpose: "Sessies beheren, misbruik afweren (te veel pogingen) en wachtwoorden laten herstellen.",
        legal_basis: LegalBasis::LegitimateInterest,
        legal_basis_note: "Beveiliging van de verwerking (art. 32 AVG).",
        people: &[
            P::Ambassador,
            P::SchoolStaff,
            P::SchoolDirector,
            P::EmployerContact,
            P::ProgrammeStaff,
        ],
        tables: &[
            table(
                "refresh_tokens",
                "sessietokens (hash), uitgifte en intrekking",
            ),
            table("sessions", "begin en einde van een sessie"),
            table(
                "rate_limits",
                "sleutel met e-mailadres of IP-adres van inlogpogingen, aantal pogingen",
            ),
            table("password_resets", "herstelverzoeken (hash), gebruik"),
            table(
                "idempotent_requests",
                "antwoorden op herhaalde verzoeken, kort bewaard",
            ),
        ],
        retention: Retention::UntilExpiry("het token, de sessie of de teller verloopt"),
        recipients: &[],
    },
    Activity {
        key: "messages",
        name: "E-mail en berichten",
        purpose: "Meldingen, herinneringen en overzichten per e-mail versturen, met ieders voorkeuren.",
        legal_basis: LegalBasis::LegitimateInterest,
        legal_basis_note: "Mensen informeren over hun eigen plaatsing, uren en taken; afmelden kan per soort bericht.",
        people: &[
            P::Applicant,
            P::Ambassador,
            P::SchoolStaff,
            P::SchoolDirector,
            P::EmployerContact,
            P::ProgrammeStaff,
        ],
        tables: &[
            table(
                "outbox",
                "ontvanger (e-mailadres), onderwerp, tekst, bijlage, afleverstatus",
            ),
            table(
                "mail_preferences",
                "e-mailadres en voorkeur per soort bericht",
            ),
            table(
                "digest_items",
                "e-mailadres en berichten voor het weekoverzicht",
            ),
            table("reminders_sent", "wie welke herinnering kreeg"),
        ],
        retention: Retention::AfterRelationship("het versturen"),
        recipients: &[R::MailServer],
    },
    Activity {
        key: "rights",
        name: "Verzoeken van betrokkenen",
        purpose: "Verzoeken om inzage en verwijdering vastleggen en binnen de wettelijke termijn afhandelen.",
        legal_basis: LegalBasis::LegalObligation,
        legal_basis_note: "Art. 12 tot en met 17 AVG.",
        people: &[
            P::Applicant,
            P::Ambassador,
            P::SchoolStaff,
            P::SchoolDirector,
            P::EmployerContact,
            P::ProgrammeStaff,
        ],
        tables: &[table(
            "privacy_requests",
            "soort verzoek, toelichting, ontvangstdatum, kanaal, behandelaar, antwoord en wat bewaard blijft",
        )],
        retention: Retention::AfterRelationship("het antwoord op het verzoek"),
        recipients: &[],
    },
    Activity {
        key: "audit",
        name: "Auditlog en inzage gevoelige gegevens",
        purpose: "Verantwoorden wie wat deed en wie VOG-gegevens, IBAN's, documenten en zorgen inzag.",
        legal_basis: LegalBasis::LegalObligation,
        legal_basis_note: "Verantwoordingsplicht en beveiliging (art. 5 lid 2 en art. 32 AVG).",
        people: EVERYONE_WHO_LOGS_IN,
        tables: &[
            table(
                "audit_log",
                "wie (gebruiker of koppeling), wat, welk gegeven, wanneer, opgegeven reden",
            ),
            table(
                "sensitive_reads",
                "wie las welk gevoelig gegeven van welke ambassadeur, wanneer",
            ),
        ],
        retention: Retention::AuditData,
        recipients: &[],
    },
    Activity {
        key: "research",
        name: "Onderzoek",
        purpose: "Onderzoekspartners krijgen per schooljaar een gepseudonimiseerde export, elk met vastgelegd doel.",
        legal_basis: LegalBasis::LegitimateInterest,
        legal_basis_note: "Evaluatie van het programma; alleen pseudoniemen, maanden en gegeneraliseerde plaatsen (k = 5).",
        people: &[P::Ambassador],
        tables: &[table(
            "research_exports",
            "gepseudonimiseerde gegevens per schooljaar, doel, afnemer",
        )],
        retention: Retention::AuditData,
        recipients: &[R::Partner],
    },
];

/// The tables that hold no personal data: reference data, settings, and what schools and
/// employers offer as organisations.
pub const TABLES_WITHOUT_PERSONAL_DATA: &[&str] = &[
    "organisations",
    "frameworks",
    "objectives",
    "holidays",
    "hours_policies",
    "scheduled_lessons",
    "allowance_caps",
    "allowance_amounts",
    "sponsorship_contributions",
    "sponsorship_cost_roles",
    "sroi_rules",
    "webhook_endpoints",
    "courses",
    // One counter per list, raised with each change the list shows.
    "list_versions",
];

/// Every table the register describes as holding personal data, each once.
pub fn personal_data_tables() -> Vec<&'static str> {
    let mut tables: Vec<&'static str> = ACTIVITIES
        .iter()
        .flat_map(|a| a.tables.iter().map(|t| t.table))
        .collect();
    tables.sort_unstable();
    tables.dedup();
    tables
}

/// What each category of people is, in Dutch.
pub fn person_category_name(category: PersonCategory) -> (&'static str, &'static str) {
    match category {
        P::Applicant => (
            "Aanmelders",
            "Wie zich aanmeldde als ambassadeur en (nog) niet werd geplaatst.",
        ),
        P::Ambassador => (
            "Ambassadeurs",
            "Professionals van buiten het onderwijs die een dag per week op een school werken.",
        ),
        P::SchoolStaff => (
            "Leerkrachten en schoolmedewerkers",
            "Leerkrachten, intern coördinatoren en andere medewerkers van een school.",
        ),
        P::SchoolDirector => ("Schooldirecteuren", "De directie van een school."),
        P::EmployerContact => (
            "Contactpersonen van werkgevers",
            "Wie namens een werkgever gesponsorde medewerkers registreert.",
        ),
        P::PartnerClient => (
            "Partnerkoppelingen",
            "De API-koppeling van een partnerorganisatie (aanbieder, gemeente, onderzoekspartner) en wie erachter zit.",
        ),
        P::ProgrammeStaff => (
            "Programmamedewerkers",
            "De projectleiders die intake, matching, training en uitbetaling doen.",
        ),
    }
}

/// A recipient's name, in Dutch.
pub fn recipient_name(kind: RecipientKind) -> &'static str {
    match kind {
        R::School => "De school",
        R::Employer => "De werkgever",
        R::Partner => "Partnerorganisaties",
        R::Bank => "De bank",
        R::MailServer => "De e-mailserver",
    }
}

/// The article of a lawful basis, in Dutch.
pub fn legal_basis_article(basis: LegalBasis) -> &'static str {
    match basis {
        LegalBasis::Consent => "art. 6 lid 1 sub a AVG",
        LegalBasis::Contract => "art. 6 lid 1 sub b AVG",
        LegalBasis::LegalObligation => "art. 6 lid 1 sub c AVG",
        LegalBasis::LegitimateInterest => "art. 6 lid 1 sub f AVG",
    }
}

/// The name of a lawful basis, in Dutch.
pub fn legal_basis_name(basis: LegalBasis) -> &'static str {
    match basis {
        LegalBasis::Consent => "Toestemming",
        LegalBasis::Contract => "Overeenkomst",
        LegalBasis::LegalObligation => "Wettelijke plicht",
        LegalBasis::LegitimateInterest => "Gerechtvaardigd belang",
    }
}

/// What a partner with `scope` receives, in Dutch.
pub fn partner_scope_receives(scope: Scope) -> &'static str {
    match scope {
        Scope::SchoolsRead => {
            "Openbare gegevens van scholen (naam, soort, regio, gemeente); geen personen."
        }
        Scope::PlacementsRead => "Open plekken, zonder namen van leerkrachten.",
        Scope::LessonSeriesRead => {
            "Goedgekeurde lessenseries uit de bibliotheek, zonder namen van ambassadeurs."
        }
        Scope::AmbassadorsWrite => {
            "Aanmeldingen die de partner zelf instuurde en de voortgang van die kandidaten (naam, e-mailadres, status)."
        }
        Scope::WebhooksManage => {
            "Meldingen over de eigen aanmeldingen en plekken op de eigen webhook-adressen."
        }
        Scope::ResearchRead => {
            "Gepseudonimiseerde onderzoeksexports per schooljaar (pseudoniemen, maanden, plaatsen gegeneraliseerd tot k = 5), elk met vastgelegd doel."
        }
    }
}

/// The recipients outside the programme and what they receive, in Dutch.
pub fn recipients() -> Vec<RecipientEntry> {
    let mut list = vec![
        RecipientEntry {
            kind: R::School,
            scope: None,
            receives: "Directeur, intern coördinator en leerkracht van de school waar een ambassadeur wordt geplaatst: naam, \
                       profiel en kennismaking van de ambassadeur, diens uren op die school en gemelde zorgen; of de VOG geldig is (niet de VOG zelf)."
                .to_owned(),
        },
        RecipientEntry {
            kind: R::Employer,
            scope: None,
            receives: "De werkgeversverklaring: per gesponsorde medewerker naam, school, afgesproken en geleverde gesponsorde uren per \
                       periode, de maatschappelijke waarde (SROI) en het kostenoverzicht. Geen vrijwillige uren, vergoeding, VOG of evaluatie."
                .to_owned(),
        },
    ];
    list.extend(Scope::ALL.iter().map(|scope| RecipientEntry {
        kind: R::Partner,
        scope: Some(scope.as_str().to_owned()),
        receives: partner_scope_receives(*scope).to_owned(),
    }));
    list.push(RecipientEntry {
        kind: R::Bank,
        scope: None,
        receives:
            "Het SEPA-betaalbestand van een maand: naam, IBAN, bedrag en omschrijving per betaling."
                .to_owned(),
    });
    list.push(RecipientEntry {
        kind: R::MailServer,
        scope: None,
        receives: "E-mailberichten (adres, onderwerp, tekst) op weg naar de ontvanger, via de ingestelde SMTP-server.".to_owned(),
    });
    list
}

/// Where the data lives, for a server on `database` (`SQLite` or `PostgreSQL`) that sends mail
/// through `smtp_host`, if one is set.
pub fn storage(database: &str, smtp_host: Option<&str>) -> StorageDescription {
    StorageDescription {
        database: database.to_owned(),
        description: format!(
            "Alle gegevens staan in één {database}-database van het programma. Er zijn geen kopieën elders: \
             geen VOG- of ID-kopieën, geen BSN; back-ups volgen de database. Exports en betaalbestanden worden \
             alleen op verzoek gemaakt en gedownload."
        ),
        email: match smtp_host {
            Some(host) => format!("E-mail gaat via de ingestelde SMTP-server ({host})."),
            None => "Er is geen SMTP-server ingesteld: berichten blijven in de database (outbox) en worden niet verstuurd.".to_owned(),
        },
    }
}

/// The register as this server would hand it to a privacy officer.
pub fn register(
    generated_at: DateTime<Utc>,
    retention: RetentionPeriods,
    storage: StorageDescription,
) -> PrivacyRegister {
    PrivacyRegister {
        generated_at,
        retention,
        storage,
        people: PersonCategory::ALL
            .iter()
            .map(|c| {
                let (name, description) = person_category_name(*c);
                PersonCategoryEntry {
                    category: *c,
                    name: name.to_owned(),
                    description: description.to_owned(),
                }
            })
            .collect(),
        activities: ACTIVITIES
            .iter()
            .map(|a| ProcessingActivityEntry {
                key: a.key.to_owned(),
                name: a.name.to_owned(),
                purpose: a.purpose.to_owned(),
                legal_basis: a.legal_basis,
                legal_basis_article: legal_basis_article(a.legal_basis).to_owned(),
                legal_basis_note: a.legal_basis_note.to_owned(),
                people: a.people.to_vec(),
                data: a
                    .tables
                    .iter()
                    .map(|t| TableDataEntry {
                        table: t.table.to_owned(),
                        data: t.data.to_owned(),
                        sensitive: t.sensitive,
                    })
                    .collect(),
                retention: a.retention.describe(&retention),
                recipients: a.recipients.to_vec(),
            })
            .collect(),
        recipients: recipients(),
        tables_without_personal_data: TABLES_WITHOUT_PERSONAL_DATA
            .iter()
            .map(|t| (*t).to_owned())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The tables the migrations of one backend leave behind: every `CREATE TABLE`, with a
    /// table renamed by `ALTER TABLE a RENAME TO b` counted under its new name.
    fn migrated_tables(backend: &str) -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../migrations")
            .join(backend);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        assert!(files.len() > 10, "no migrations found in {}", dir.display());
        let mut tables = BTreeSet::new();
        for file in files {
            let sql = std::fs::read_to_string(&file).unwrap().to_lowercase();
            let words: Vec<&str> = sql
                .split(|c: char| c.is_whitespace() || c == '(' || c == ';')
                .filter(|w| !w.is_empty())
                .collect();
            for i in 0..words.len() {
                if words[i] == "create" && words.get(i + 1) == Some(&"table") {
                    let mut name = words[i + 2];
                    if name == "if" {
                        name = words[i + 5];
                    }
                    tables.insert(name.to_owned());
                }
                if words[i] == "alter"
                    && words.get(i + 1) == Some(&"table")
                    && words.get(i + 3) == Some(&"rename")
                    && words.get(i + 4) == Some(&"to")
                {
                    tables.remove(words[i + 2]);
                    tables.insert(words[i + 5].to_owned());
                }
                if words[i] == "drop" && words.get(i + 1) == Some(&"table") {
                    let name = if words.get(i + 2) == Some(&"if") {
                        words[i + 4]
                    } else {
                        words[i + 2]
                    };
                    tables.remove(name);
                }
            }
        }
        tables
    }

    #[test]
    fn every_table_of_the_migrations_is_in_the_register_or_declared_free_of_personal_data() {
        let personal: BTreeSet<&str> = personal_data_tables().into_iter().collect();
        let free: BTreeSet<&str> = TABLES_WITHOUT_PERSONAL_DATA.iter().copied().collect();
        for backend in ["sqlite", "postgres"] {
            let tables = migrated_tables(backend);
            assert!(tables.contains("ambassadors") && tables.contains("vog_records"));
            let missing: Vec<&String> = tables
                .iter()
                .filter(|t| !personal.contains(t.as_str()) && !free.contains(t.as_str()))
                .collect();
            assert!(
                missing.is_empty(),
                "{backend}: tables in the migrations that the privacy register does not describe \
                 (add them to an activity in privacy_register.rs, or to TABLES_WITHOUT_PERSONAL_DATA): {missing:?}"
            );
            let stale: Vec<&&str> = personal
                .iter()
                .chain(free.iter())
                .filter(|t| !tables.contains(**t))
                .collect();
            assert!(
                stale.is_empty(),
                "{backend}: the register names tables the migrations do not have: {stale:?}"
            );
        }
    }

    #[test]
    fn no_table_is_both_personal_and_free_of_personal_data() {
        for t in TABLES_WITHOUT_PERSONAL_DATA {
            assert!(!personal_data_tables().contains(t), "{t} is in both lists");
        }
    }

    #[test]
    fn the_register_names_every_category_of_people_every_scope_and_the_periods() {
        let settings = RetentionPeriods {
            personal_days: 400,
            payment_years: 10,
            document_days: 14,
        };
        let register = register(
            chrono::DateTime::UNIX_EPOCH,
            settings,
            storage("PostgreSQL", Some("smtp.example")),
        );
        for category in PersonCategory::ALL {
            assert!(register.people.iter().any(|p| p.category == *category));
            assert!(
                register
                    .activities
                    .iter()
                    .any(|a| a.people.contains(category)),
                "no activity processes data of {category}"
            );
        }
        for scope in Scope::ALL {
            assert!(
                register
                    .recipients
                    .iter()
                    .any(|r| r.scope.as_deref() == Some(scope.as_str()))
            );
        }
        let retention: Vec<&str> = register
            .activities
            .iter()
            .map(|a| a.retention.as_str())
            .collect();
        assert!(retention.iter().any(|r| r.starts_with("400 dagen")));
        assert!(retention.iter().any(|r| r.starts_with("10 jaar")));
        assert!(retention.iter().any(|r| r.starts_with("14 dagen")));
        assert!(register.storage.email.contains("smtp.example"));
    }

    #[test]
    fn the_sensitive_tables_are_the_ones_whose_reads_are_logged() {
        let sensitive: BTreeSet<&str> = ACTIVITIES
            .iter()
            .flat_map(|a| a.tables.iter().filter(|t| t.sensitive).map(|t| t.table))
            .collect();
        for table in [
            "vog_records",
            "allowance_profiles",
            "payout_files",
            "ambassador_documents",
            "concerns",
        ] {
            assert!(sensitive.contains(table), "{table} is not marked sensitive");
        }
    }

    #[test]
    fn defaults_follow_the_domain_rules() {
        let d = RetentionPeriods::default();
        assert_eq!((d.personal_days, d.payment_years), (730, 7));
    }
}

//! Every text a person sees, in one place: Dutch first, English alongside so a language switch is
//! a matter of picking the other instance. Nothing in the app picks English yet, so its texts are
//! compiled only for tests and with the `english` feature: they would be about 17 KiB of the
//! download that nobody reads. Error `code`s from the server are translated here too;
//! the server's own `detail` is meant for developers and is never shown.

use domain::date_words::DateWords;
use domain::{OrganisationKind, Region, Role, SchoolType};

use crate::api::ApiError;

mod allowances;
mod apply;
mod audit;
mod dashboard;
#[cfg(any(test, feature = "english"))]
mod en;
mod hours;
mod lesson_series;
mod mail_preferences;
mod matching;
mod messages;
mod mine;
mod nl;
#[cfg(test)]
mod one_voice;
mod password_reset;
mod placements;
mod privacy;
mod privacy_requests;
mod sponsorship;
mod team;
mod training;
mod waiting;

pub use allowances::AllowanceTexts;
pub use apply::ApplyTexts;
pub use audit::AuditTexts;
pub use dashboard::DashboardTexts;
#[cfg(any(test, feature = "english"))]
pub use en::EN;
pub use hours::HoursTexts;
pub use lesson_series::form::SeriesFormTexts;
pub use lesson_series::{LessonSeriesTexts, is_about_field};
pub use mail_preferences::MailPreferencesTexts;
pub use matching::{AmbassadorTexts, MatchingTexts, capitalised};
pub use messages::MessagesTexts;
pub use mine::MineTexts;
pub use nl::NL;
pub use password_reset::PasswordResetTexts;
pub use placements::{CapacityTexts, PlacementTexts};
pub use privacy::PrivacyTexts;
pub use privacy_requests::PrivacyRequestTexts;
pub use sponsorship::SponsorshipTexts;
pub use team::TeamTexts;
pub use training::TrainingTexts;
pub use waiting::WaitingTexts;

/// The languages the web app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English (with the `english` feature).
    #[cfg(any(test, feature = "english"))]
    En,
}

impl Lang {
    /// The texts in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Nl => &NL,
            #[cfg(any(test, feature = "english"))]
            Lang::En => &EN,
        }
    }
}

/// All user-facing texts of one language.
#[derive(Debug, PartialEq)]
pub struct Texts {
    pub app_name: &'static str,
    pub skip_to_content: &'static str,
    pub main_menu: &'static str,
    pub logout: &'static str,
    pub loading: &'static str,
    pub restoring_session: &'static str,
    pub load_more: &'static str,
    pub loading_more: &'static str,
    pub retry: &'static str,
    pub not_set: &'static str,

    // Menu and page titles.
    pub menu_overview: &'static str,
    pub menu_team: &'static str,
    pub menu_organisations: &'static str,
    pub menu_audit: &'static str,
    pub menu_placements: &'static str,
    pub menu_capacity: &'static str,

    // Login.
    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub email_label: &'static str,
    pub password_label: &'static str,
    pub login_submit: &'static str,
    pub login_submitting: &'static str,
    pub email_required: &'static str,
    pub email_invalid: &'static str,
    pub password_required: &'static str,
    pub logged_out_notice: &'static str,
    pub session_expired_notice: &'static str,

    // Overview.
    pub welcome: &'static str,
    pub your_roles: &'static str,
    pub no_memberships: &'static str,
    pub school_type_label: &'static str,
    pub region_label: &'static str,
    pub municipality_label: &'static str,
    pub role_label: &'static str,
    pub organisation_label: &'static str,

    // Organisations.
    pub organisations_intro: &'static str,
    pub kind_filter_label: &'static str,
    pub kind_all: &'static str,
    pub column_name: &'static str,
    pub column_kind: &'static str,
    pub column_school_type: &'static str,
    pub column_region: &'static str,
    pub column_municipality: &'static str,
    pub no_organisations: &'static str,

    // Team.
    pub team_intro: &'static str,
    pub column_email: &'static str,
    pub column_role: &'static str,
    pub no_members: &'static str,

    // Audit log.
    pub audit_intro: &'static str,
    pub column_at: &'static str,
    pub column_actor: &'static str,
    pub column_action: &'static str,
    pub column_resource: &'static str,
    pub no_audit_events: &'static str,
    pub actor_user: &'static str,
    pub actor_client: &'static str,
    pub actor_system: &'static str,

    // Access and not found.
    pub no_access_title: &'static str,
    pub no_access_body: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_to_overview: &'static str,

    // Errors, by server `code` where there is one.
    pub err_invalid_credentials: &'static str,
    pub err_too_many_attempts: &'static str,
    pub err_invalid_input: &'static str,
    pub err_unauthenticated: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_found: &'static str,
    pub err_network: &'static str,
    pub err_server: &'static str,
    pub err_unexpected: &'static str,
    pub err_not_editable: &'static str,
    pub err_invalid_transition: &'static str,
    pub err_conflict: &'static str,

    // Roles.
    pub role_programme_admin: &'static str,
    pub role_school_director: &'static str,
    pub role_coordinator: &'static str,
    pub role_teacher: &'static str,
    pub role_ambassador: &'static str,
    pub role_employer_contact: &'static str,
    pub role_partner_client: &'static str,

    // Organisation kinds, school types and regions.
    pub kind_programme: &'static str,
    pub kind_school_board: &'static str,
    pub kind_school: &'static str,
    pub kind_employer: &'static str,
    pub kind_partner: &'static str,
    pub school_type_po: &'static str,
    pub school_type_vo: &'static str,
    pub region_noord: &'static str,
    pub region_midden: &'static str,
    pub region_zuid: &'static str,

    /// The language of these texts: the texts of each page are its own statics (see below).
    pub lang: Lang,

    /// Dates, in one style on every page: "3 dec. 2026", "do 3 dec. 2026", "3 dec. 2026 14:05".
    pub dates: DateWords,
}

/// The texts of one part of the app, in the language of `Texts`. Each part's texts are statics of
/// their own, reached only through these methods, so a bundle of the app (`crate::bundle`) holds
/// the texts of its own pages only: the linker drops a static that no compiled code names.
macro_rules! part_texts {
    ($($part:ident: $ty:ty = $nl:path, $en:path;)*) => {
        impl Texts {
            $(
                pub fn $part(&self) -> &'static $ty {
                    match self.lang {
                        Lang::Nl => &$nl,
                        #[cfg(any(test, feature = "english"))]
                        Lang::En => &$en,
                    }
                }
            )*

            /// Every text of this language, the parts' included, as `Debug` writes them.
            #[cfg(test)]
            pub fn debug_all(&self) -> String {
                let mut all = format!("{self:?}");
                $( all.push_str(&format!("{:?}", self.$part())); )*
                all
            }
        }
    };
}

part_texts! {
    placements: PlacementTexts = nl::PLACEMENTS, en::PLACEMENTS;
    capacity: CapacityTexts = nl::CAPACITY, en::CAPACITY;
    matching: MatchingTexts = matching::nl::MATCHING, matching::en::MATCHING;
    ambassadors: AmbassadorTexts = matching::nl::AMBASSADORS, matching::en::AMBASSADORS;
    lesson_series: LessonSeriesTexts = lesson_series::nl::LESSON_SERIES, lesson_series::en::LESSON_SERIES;
    hours: HoursTexts = hours::nl::HOURS, hours::en::HOURS;
    allowances: AllowanceTexts = allowances::nl::ALLOWANCES, allowances::en::ALLOWANCES;
    sponsorship: SponsorshipTexts = sponsorship::nl::SPONSORSHIP, sponsorship::en::SPONSORSHIP;
    mine: MineTexts = mine::NL, mine::EN;
    apply: ApplyTexts = apply::NL, apply::EN;
    password_reset: PasswordResetTexts = password_reset::NL, password_reset::EN;
    team: TeamTexts = team::NL, team::EN;
    audit: AuditTexts = audit::NL, audit::EN;
    messages: MessagesTexts = messages::NL, messages::EN;
    privacy: PrivacyTexts = privacy::NL, privacy::EN;
    privacy_requests: PrivacyRequestTexts = privacy_requests::NL, privacy_requests::EN;
    mail_preferences: MailPreferencesTexts = mail_preferences::NL, mail_preferences::EN;
    training: TrainingTexts = training::NL, training::EN;
    waiting: WaitingTexts = waiting::NL, waiting::EN;
    dashboard: DashboardTexts = dashboard::NL, dashboard::EN;
}

/// Puts values into a text's `{name}` slots.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

impl Texts {
    /// The name of a role, as people in schools say it.
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::ProgrammeAdmin => self.role_programme_admin,
            Role::SchoolDirector => self.role_school_director,
            Role::Coordinator => self.role_coordinator,
            Role::Teacher => self.role_teacher,
            Role::Ambassador => self.role_ambassador,
            Role::EmployerContact => self.role_employer_contact,
            Role::PartnerClient => self.role_partner_client,
        }
    }

    /// The name of a kind of organisation.
    pub fn organisation_kind(&self, kind: OrganisationKind) -> &'static str {
        match kind {
            OrganisationKind::Programme => self.kind_programme,
            OrganisationKind::SchoolBoard => self.kind_school_board,
            OrganisationKind::School => self.kind_school,
            OrganisationKind::Employer => self.kind_employer,
            OrganisationKind::Partner => self.kind_partner,
        }
    }

    /// The name of a school type.
    pub fn school_type(&self, school_type: SchoolType) -> &'static str {
        match school_type {
            SchoolType::Po => self.school_type_po,
            SchoolType::Vo => self.school_type_vo,
        }
    }

    /// The name of a holiday region.
    pub fn region(&self, region: Region) -> &'static str {
        match region {
            Region::Noord => self.region_noord,
            Region::Midden => self.region_midden,
            Region::Zuid => self.region_zuid,
        }
    }

    /// Who did something, for the audit log.
    pub fn actor_kind(&self, kind: &str) -> String {
        match kind {
            "user" => self.actor_user.to_owned(),
            "client" => self.actor_client.to_owned(),
            "system" => self.actor_system.to_owned(),
            other => other.to_owned(),
        }
    }

    /// What went wrong, in words a person can act on. Known codes get their own message; unknown
    /// ones fall back on what the status says.
    pub fn error(&self, error: &ApiError) -> &'static str {
        match error {
            ApiError::Network => self.err_network,
            ApiError::Unexpected => self.err_unexpected,
            ApiError::Status(status) => self.error_for_status(*status),
            ApiError::Problem(problem) => match problem.code.as_str() {
                "invalid_credentials" => self.err_invalid_credentials,
                "too_many_attempts" => self.err_too_many_attempts,
                "invalid_input" | "malformed_json" => self.err_invalid_input,
                "unauthenticated" | "invalid_token" | "invalid_refresh_token" => {
                    self.err_unauthenticated
                }
                "forbidden" => self.err_forbidden,
                "not_found" => self.err_not_found,
                "not_editable" => self.err_not_editable,
                "invalid_transition" => self.err_invalid_transition,
                "conflict" => self.err_conflict,
                _ => self.error_for_status(problem.status),
            },
        }
    }

    fn error_for_status(&self, status: u16) -> &'static str {
        match status {
            401 => self.err_unauthenticated,
            403 => self.err_forbidden,
            404 => self.err_not_found,
            429 => self.err_too_many_attempts,
            400..=499 => self.err_invalid_input,
            500..=599 => self.err_server,
            _ => self.err_unexpected,
        }
    }
}

#[cfg(test)]
mod tests {
    use domain::contract::Problem;

    use super::*;

    #[test]
    fn each_language_reaches_the_parts_in_that_language() {
        for lang in [Lang::Nl, Lang::En] {
            assert_eq!(lang.texts().lang, lang);
        }
        assert_eq!(NL.placements().new_placement, "Nieuwe plek");
        assert_eq!(EN.placements().new_placement, "New spot");
        assert!(NL.debug_all().contains("\"Nieuwe plek\""));
        assert!(!NL.debug_all().contains("\"New spot\""));
    }

    fn problem(status: u16, code: &str) -> ApiError {
        ApiError::Problem(Box::new(Problem {
            request_id: None,
            problem_type: "about:blank".into(),
            title: "t".into(),
            status,
            detail: "an English detail that must never reach the page".into(),
            code: domain::contract::ErrorCode::parse(code)
                .unwrap_or_else(|| panic!("no such code: {code}")),
            details: None,
            errors: Vec::new(),
        }))
    }

    #[test]
    fn login_error_codes_are_translated_to_dutch() {
        let cases = [
            (
                401,
                "invalid_credentials",
                "E-mailadres of wachtwoord klopt niet.",
            ),
            (
                429,
                "too_many_attempts",
                "Te veel mislukte pogingen. Probeer het over een paar minuten opnieuw.",
            ),
            (
                400,
                "invalid_input",
                "Controleer wat je hebt ingevuld en probeer het opnieuw.",
            ),
            (
                400,
                "malformed_json",
                "Controleer wat je hebt ingevuld en probeer het opnieuw.",
            ),
            (
                403,
                "forbidden",
                "Je hebt geen toestemming om dit te bekijken of te wijzigen.",
            ),
            (
                409,
                "not_editable",
                "Deze plek is al voorgesteld, ingevuld of geannuleerd en kan niet meer worden aangepast.",
            ),
        ];
        for (status, code, message) in cases {
            assert_eq!(NL.error(&problem(status, code)), message, "code {code}");
        }
    }

    #[test]
    fn an_expired_session_asks_to_log_in_again() {
        for code in ["unauthenticated", "invalid_token", "invalid_refresh_token"] {
            assert!(
                NL.error(&problem(401, code)).contains("Log opnieuw in"),
                "code {code}"
            );
        }
    }

    #[test]
    fn network_failures_get_a_dutch_message() {
        assert!(NL.error(&ApiError::Network).contains("niet bereikbaar"));
    }

    #[test]
    fn codes_without_words_of_their_own_fall_back_on_their_status() {
        assert_eq!(NL.error(&problem(503, "unavailable")), NL.err_server);
        assert_eq!(NL.error(&problem(404, "not_found")), NL.err_not_found);
        assert_eq!(NL.error(&ApiError::Status(502)), NL.err_server);
    }

    #[test]
    fn the_servers_detail_is_never_shown() {
        let message = NL.error(&problem(409, "conflict"));
        assert!(!message.contains("English"));
        assert_eq!(message, NL.err_conflict);
    }

    #[test]
    fn a_refused_status_change_says_to_look_again() {
        let message = NL.error(&problem(409, "invalid_transition"));
        assert!(message.contains("Vernieuw de pagina"), "{message}");
    }

    #[test]
    fn slots_are_filled_by_name() {
        assert_eq!(
            fill("Nog {n} voor {year}.", &[("year", "2026-2027"), ("n", "2")]),
            "Nog 2 voor 2026-2027."
        );
    }

    #[test]
    fn every_role_has_its_dutch_name() {
        let names: Vec<_> = Role::ALL.iter().map(|role| NL.role(*role)).collect();
        assert_eq!(
            names,
            [
                "Programmaleider",
                "Schooldirecteur",
                "Intern coördinator",
                "Leerkracht",
                "Onderwijsambassadeur",
                "Contactpersoon werkgever",
                "Partnerorganisatie",
            ]
        );
    }

    #[test]
    fn school_types_are_spelled_out() {
        assert_eq!(NL.school_type(SchoolType::Po), "Basisonderwijs");
        assert_eq!(NL.school_type(SchoolType::Vo), "Voortgezet onderwijs");
    }

    #[test]
    fn dutch_is_the_default_language() {
        assert_eq!(Lang::default().texts(), &NL);
        assert_eq!(Lang::En.texts().logout, "Log out");
    }
}

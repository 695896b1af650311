//! The web app's addresses. The server answers every non-API path with index.html, so each of
//! these works as a bookmark or after a reload.

use uuid::Uuid;
use yew_router::Routable;

/// A page of the web app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Overview,
    #[at("/plekken")]
    Placements,
    #[at("/capaciteit")]
    Capacity,
    #[at("/team")]
    Team,
    #[at("/organisaties")]
    Organisations,
    #[at("/audit")]
    AuditLog,
    #[at("/berichten")]
    Messages,
    #[at("/privacyregister")]
    PrivacyRegister,
    #[at("/inzage-gevoelige-gegevens")]
    SensitiveReads,
    #[at("/privacyverzoeken")]
    PrivacyRequests,
    #[at("/mijn-privacy")]
    MyPrivacy,
    #[at("/ambassadeurs")]
    Ambassadors,
    #[at("/ambassadeurs/:id")]
    Ambassador { id: Uuid },
    #[at("/matching")]
    Matching,
    #[at("/matching/:id")]
    MatchingRun { id: Uuid },
    #[at("/kandidaten")]
    Candidates,
    #[at("/lessenseries")]
    LessonSeriesList,
    #[at("/lessenseries/:id")]
    LessonSeries { id: Uuid },
    #[at("/lessenseries/:id/bewerken")]
    EditLessonSeries { id: Uuid },
    #[at("/lesrooster")]
    LessonCalendar,
    #[at("/uren")]
    Hours,
    #[at("/dashboard")]
    Dashboard,
    #[at("/vergoedingen")]
    Allowances,
    #[at("/werkgever")]
    Employer,
    #[at("/werkgevers")]
    Employers,
    #[at("/werkgevers/:id")]
    EmployerDetail { id: Uuid },
    #[at("/werkgever-aanmelden")]
    EmployerSignUp,
    #[at("/uitnodiging")]
    Invitation,
    #[at("/aanmelden")]
    Apply,
    #[at("/aanmelding-bevestigen")]
    ConfirmApplication,
    #[at("/team-uitnodiging")]
    TeamInvitation,
    #[at("/wachtwoord-vergeten")]
    ForgotPassword,
    #[at("/wachtwoord-herstellen")]
    ResetPassword,
    #[at("/mijn-klas")]
    MyClass,
    #[at("/mijn-plek")]
    MyPlace,
    #[at("/mijn-uren")]
    MyHours,
    #[at("/mijn-lessen")]
    MyLessons,
    #[at("/mijn-lessen/nieuw")]
    NewLessonSeries,
    #[at("/mijn-vergoeding")]
    MyAllowance,
    #[at("/mijn-gegevens")]
    MyDetails,
    #[at("/trainingen")]
    Training,
    #[at("/e-mailinstellingen")]
    MailSettings,
    #[at("/afmelden")]
    Unsubscribe,
    #[not_found]
    #[at("/niet-gevonden")]
    NotFound,
}

impl Route {
    /// Whether the page is open without logging in: an employer signing up, an employee
    /// accepting an invitation, a professional applying and confirming the application.
    pub fn is_public(self) -> bool {
        matches!(
            self,
            Route::EmployerSignUp
                | Route::Invitation
                | Route::Apply
                | Route::ConfirmApplication
                | Route::TeamInvitation
                | Route::ForgotPassword
                | Route::ResetPassword
                | Route::Unsubscribe
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_paths_lead_to_their_pages() {
        assert_eq!(Route::recognize("/"), Some(Route::Overview));
        assert_eq!(
            Route::recognize("/organisaties"),
            Some(Route::Organisations)
        );
        assert_eq!(Route::recognize("/audit"), Some(Route::AuditLog));
        assert_eq!(Route::recognize("/berichten"), Some(Route::Messages));
        assert_eq!(
            Route::recognize("/privacyregister"),
            Some(Route::PrivacyRegister)
        );
        assert_eq!(
            Route::recognize("/inzage-gevoelige-gegevens"),
            Some(Route::SensitiveReads)
        );
        assert_eq!(
            Route::recognize("/privacyverzoeken"),
            Some(Route::PrivacyRequests)
        );
        assert_eq!(Route::recognize("/mijn-privacy"), Some(Route::MyPrivacy));
        assert!(!Route::MyPrivacy.is_public());
        assert_eq!(Route::recognize("/team"), Some(Route::Team));
        assert_eq!(Route::recognize("/plekken"), Some(Route::Placements));
        assert_eq!(Route::recognize("/capaciteit"), Some(Route::Capacity));
        assert_eq!(Route::recognize("/kandidaten"), Some(Route::Candidates));
        assert_eq!(Route::recognize("/matching"), Some(Route::Matching));
        assert_eq!(Route::recognize("/ambassadeurs"), Some(Route::Ambassadors));
        let id = Uuid::from_u128(7);
        assert_eq!(
            Route::recognize(&format!("/ambassadeurs/{id}")),
            Some(Route::Ambassador { id })
        );
        assert_eq!(
            Route::recognize(&format!("/matching/{id}")),
            Some(Route::MatchingRun { id })
        );
        assert_eq!(
            Route::recognize("/lessenseries"),
            Some(Route::LessonSeriesList)
        );
        assert_eq!(
            Route::recognize(&format!("/lessenseries/{id}")),
            Some(Route::LessonSeries { id })
        );
        assert_eq!(
            Route::recognize(&format!("/lessenseries/{id}/bewerken")),
            Some(Route::EditLessonSeries { id })
        );
        assert_eq!(
            Route::recognize("/mijn-lessen/nieuw"),
            Some(Route::NewLessonSeries)
        );
        assert_eq!(Route::recognize("/lesrooster"), Some(Route::LessonCalendar));
        assert_eq!(Route::recognize("/uren"), Some(Route::Hours));
        assert_eq!(Route::recognize("/vergoedingen"), Some(Route::Allowances));
        assert_eq!(Route::recognize("/bestaat-niet"), Some(Route::NotFound));
        assert_eq!(Route::recognize("/mijn-plek"), Some(Route::MyPlace));
        assert_eq!(Route::recognize("/mijn-uren"), Some(Route::MyHours));
        assert_eq!(Route::recognize("/mijn-lessen"), Some(Route::MyLessons));
        assert_eq!(
            Route::recognize("/mijn-vergoeding"),
            Some(Route::MyAllowance)
        );
        assert_eq!(Route::recognize("/mijn-gegevens"), Some(Route::MyDetails));
        assert_eq!(Route::recognize("/aanmelden"), Some(Route::Apply));
        assert_eq!(
            Route::recognize("/aanmelding-bevestigen"),
            Some(Route::ConfirmApplication)
        );
        assert!(Route::Apply.is_public() && Route::ConfirmApplication.is_public());
        assert_eq!(Route::recognize("/mijn-klas"), Some(Route::MyClass));
        assert_eq!(
            Route::recognize("/team-uitnodiging"),
            Some(Route::TeamInvitation)
        );
        assert_eq!(
            Route::recognize("/wachtwoord-vergeten"),
            Some(Route::ForgotPassword)
        );
        assert_eq!(
            Route::recognize("/wachtwoord-herstellen"),
            Some(Route::ResetPassword)
        );
        assert!(Route::TeamInvitation.is_public() && !Route::MyClass.is_public());
        assert!(Route::ForgotPassword.is_public() && Route::ResetPassword.is_public());
        assert_eq!(Route::recognize("/afmelden"), Some(Route::Unsubscribe));
        assert!(Route::Unsubscribe.is_public());
        assert_eq!(
            Route::recognize("/e-mailinstellingen"),
            Some(Route::MailSettings)
        );
        assert!(
            !Route::MailSettings.is_public(),
            "a person's own choices: logged in"
        );
    }

    #[test]
    fn employer_pages_have_dutch_paths_and_two_are_public() {
        assert_eq!(Route::recognize("/werkgever"), Some(Route::Employer));
        assert_eq!(Route::recognize("/werkgevers"), Some(Route::Employers));
        let id = Uuid::from_u128(11);
        assert_eq!(
            Route::recognize(&format!("/werkgevers/{id}")),
            Some(Route::EmployerDetail { id })
        );
        assert_eq!(
            Route::recognize("/werkgever-aanmelden"),
            Some(Route::EmployerSignUp)
        );
        assert_eq!(Route::recognize("/uitnodiging"), Some(Route::Invitation));
        assert!(Route::EmployerSignUp.is_public() && Route::Invitation.is_public());
        assert!(!Route::Employer.is_public() && !Route::Employers.is_public());
        assert!(!Route::Overview.is_public());
    }
}

//! Which pages a person may use, decided in one place from their roles. The menu shows exactly
//! these; a page that is not in someone's menu says "Geen toegang" when opened by its URL. The
//! server enforces the same rules on every request: this only keeps people from dead ends.

use domain::contract::{Me, Membership, Organisation};
use domain::{OrganisationKind, Role};
use uuid::Uuid;

use crate::i18n::Texts;
use crate::route::Route;

/// A page in the main menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    Overview,
    Placements,
    Capacity,
    Team,
    Organisations,
    AuditLog,
    PrivacyRequests,
    PrivacyRegister,
    SensitiveReads,
    Messages,
    Ambassadors,
    Matching,
    Candidates,
    LessonSeries,
    LessonCalendar,
    Hours,
    Dashboard,
    Allowances,
    Employer,
    Employers,
    MyPlace,
    MyHours,
    MyLessons,
    MyAllowance,
    MyDetails,
    MyClass,
    MyPrivacy,
    Training,
}

impl MenuItem {
    /// Where the item leads.
    pub fn route(self) -> Route {
        match self {
            MenuItem::Overview => Route::Overview,
            MenuItem::Placements => Route::Placements,
            MenuItem::Capacity => Route::Capacity,
            MenuItem::Team => Route::Team,
            MenuItem::Organisations => Route::Organisations,
            MenuItem::AuditLog => Route::AuditLog,
            MenuItem::PrivacyRequests => Route::PrivacyRequests,
            MenuItem::PrivacyRegister => Route::PrivacyRegister,
            MenuItem::SensitiveReads => Route::SensitiveReads,
            MenuItem::Messages => Route::Messages,
            MenuItem::Ambassadors => Route::Ambassadors,
            MenuItem::Matching => Route::Matching,
            MenuItem::Candidates => Route::Candidates,
            MenuItem::LessonSeries => Route::LessonSeriesList,
            MenuItem::LessonCalendar => Route::LessonCalendar,
            MenuItem::Hours => Route::Hours,
            MenuItem::Dashboard => Route::Dashboard,
            MenuItem::Allowances => Route::Allowances,
            MenuItem::Employer => Route::Employer,
            MenuItem::Employers => Route::Employers,
            MenuItem::MyPlace => Route::MyPlace,
            MenuItem::MyHours => Route::MyHours,
            MenuItem::MyLessons => Route::MyLessons,
            MenuItem::MyClass => Route::MyClass,
            MenuItem::MyAllowance => Route::MyAllowance,
            MenuItem::MyDetails => Route::MyDetails,
            MenuItem::MyPrivacy => Route::MyPrivacy,
            MenuItem::Training => Route::Training,
        }
    }

    /// The menu item a page belongs to: a page below an item (one ambassador, one run) marks
    /// that item as current and is open to whoever may open the item.
    pub fn of(route: Route) -> Option<MenuItem> {
        let item = match route {
            Route::Overview => MenuItem::Overview,
            Route::Placements => MenuItem::Placements,
            Route::Capacity => MenuItem::Capacity,
            Route::Team => MenuItem::Team,
            Route::Organisations => MenuItem::Organisations,
            Route::AuditLog => MenuItem::AuditLog,
            Route::PrivacyRequests => MenuItem::PrivacyRequests,
            Route::PrivacyRegister => MenuItem::PrivacyRegister,
            Route::SensitiveReads => MenuItem::SensitiveReads,
            Route::Messages => MenuItem::Messages,
            Route::Ambassadors | Route::Ambassador { .. } => MenuItem::Ambassadors,
            Route::Matching | Route::MatchingRun { .. } => MenuItem::Matching,
            Route::Candidates => MenuItem::Candidates,
            Route::LessonSeriesList | Route::LessonSeries { .. } => MenuItem::LessonSeries,
            Route::LessonCalendar => MenuItem::LessonCalendar,
            Route::Hours => MenuItem::Hours,
            Route::Dashboard => MenuItem::Dashboard,
            Route::Allowances => MenuItem::Allowances,
            Route::Employer => MenuItem::Employer,
            Route::Employers | Route::EmployerDetail { .. } => MenuItem::Employers,
            Route::MyPlace => MenuItem::MyPlace,
            Route::MyHours => MenuItem::MyHours,
            Route::MyLessons | Route::NewLessonSeries | Route::EditLessonSeries { .. } => {
                MenuItem::MyLessons
            }
            Route::MyClass => MenuItem::MyClass,
            Route::MyAllowance => MenuItem::MyAllowance,
            Route::MyDetails => MenuItem::MyDetails,
            Route::MyPrivacy => MenuItem::MyPrivacy,
            Route::Training => MenuItem::Training,
            Route::EmployerSignUp
            | Route::Invitation
            | Route::Apply
            | Route::ConfirmApplication
            | Route::TeamInvitation
            | Route::ForgotPassword
            | Route::ResetPassword
            | Route::MailSettings
            | Route::Unsubscribe
            | Route::NotFound => return None,
        };
        Some(item)
    }

    /// The id of the item's link: `menu-ambassadors`.
    pub fn id(self) -> &'static str {
        match self {
            MenuItem::Overview => "menu-overview",
            MenuItem::Placements => "menu-placements",
            MenuItem::Capacity => "menu-capacity",
            MenuItem::Team => "menu-team",
            MenuItem::Organisations => "menu-organisations",
            MenuItem::AuditLog => "menu-audit",
            MenuItem::PrivacyRequests => "menu-privacy-requests",
            MenuItem::PrivacyRegister => "menu-privacy-register",
            MenuItem::SensitiveReads => "menu-sensitive-reads",
            MenuItem::Messages => "menu-messages",
            MenuItem::Ambassadors => "menu-ambassadors",
            MenuItem::Matching => "menu-matching",
            MenuItem::Candidates => "menu-candidates",
            MenuItem::LessonSeries => "menu-lesson-series",
            MenuItem::LessonCalendar => "menu-lesson-calendar",
            MenuItem::Hours => "menu-hours",
            MenuItem::Dashboard => "menu-dashboard",
            MenuItem::Allowances => "menu-allowances",
            MenuItem::Employer => "menu-employer",
            MenuItem::Employers => "menu-employers",
            MenuItem::MyPlace => "menu-my-place",
            MenuItem::MyHours => "menu-my-hours",
            MenuItem::MyLessons => "menu-my-lessons",
            MenuItem::MyClass => "menu-my-class",
            MenuItem::MyAllowance => "menu-my-allowance",
            MenuItem::MyDetails => "menu-my-details",
            MenuItem::MyPrivacy => "menu-my-privacy",
            MenuItem::Training => "menu-training",
        }
    }

    /// The item's label, which is also the page's title.
    pub fn label(self, texts: &Texts) -> &'static str {
        match self {
            MenuItem::Overview => texts.menu_overview,
            MenuItem::Placements => texts.menu_placements,
            MenuItem::Capacity => texts.menu_capacity,
            MenuItem::Team => texts.menu_team,
            MenuItem::Organisations => texts.menu_organisations,
            MenuItem::AuditLog => texts.menu_audit,
            MenuItem::PrivacyRequests => texts.privacy_requests().menu_staff,
            MenuItem::PrivacyRegister => texts.privacy().menu_register,
            MenuItem::SensitiveReads => texts.privacy().menu_reads,
            MenuItem::Messages => texts.messages().menu,
            MenuItem::Ambassadors => texts.ambassadors().menu_ambassadors,
            MenuItem::Matching => texts.matching().menu_matching,
            MenuItem::Candidates => texts.matching().menu_candidates,
            MenuItem::LessonSeries => texts.lesson_series().menu_lesson_series,
            MenuItem::LessonCalendar => texts.lesson_series().menu_lesson_calendar,
            MenuItem::Hours => texts.hours().menu_hours,
            MenuItem::Dashboard => texts.dashboard().menu,
            MenuItem::Allowances => texts.allowances().menu_allowances,
            MenuItem::Employer => texts.sponsorship().menu_employer,
            MenuItem::Employers => texts.sponsorship().menu_employers,
            MenuItem::MyPlace => texts.mine().menu_place,
            MenuItem::MyHours => texts.mine().menu_hours,
            MenuItem::MyLessons => texts.lesson_series().menu_my_lessons,
            MenuItem::MyClass => texts.team().menu_class,
            MenuItem::MyAllowance => texts.mine().menu_allowance,
            MenuItem::MyDetails => texts.mine().menu_details,
            MenuItem::MyPrivacy => texts.privacy_requests().menu_mine,
            MenuItem::Training => texts.training().menu,
        }
    }
}

/// The menu of a person, in display order: everyone has the overview; programme admins, school
/// directors and coordinators see the placements (admins of every school, the others of their
/// own); directors and coordinators see their school's capacity and candidates; programme admins
/// see the ambassadors and matching; programme admins, directors and coordinators see the lesson
/// series, the lesson calendar, the school's hours and the dashboard; only programme admins see the volunteer
/// allowances and the employers; an employer's contact sees their employer; school directors see
/// their team; programme admins and directors see organisations; only programme admins see the
/// audit log, the privacy requests, the privacy register, the log of sensitive reads and the
/// outgoing messages; an ambassador sees their place, hours, allowance and details; and everyone
/// who logs in, last, their own privacy (their data and their requests about it).
pub fn menu_for(me: &Me) -> Vec<MenuItem> {
    let admin = holds(me, Role::ProgrammeAdmin);
    let director = holds(me, Role::SchoolDirector);
    let school_staff = !school_memberships(me).is_empty();
    let mut menu = vec![MenuItem::Overview];
    if holds(me, Role::Ambassador) {
        menu.extend([
            MenuItem::MyPlace,
            MenuItem::MyHours,
            MenuItem::MyLessons,
            MenuItem::MyAllowance,
            MenuItem::MyDetails,
            MenuItem::Training,
        ]);
    }
    if holds(me, Role::Teacher) {
        menu.push(MenuItem::MyClass);
    }
    if admin || school_staff {
        menu.push(MenuItem::Placements);
    }
    if school_staff {
        menu.push(MenuItem::Capacity);
        menu.push(MenuItem::Candidates);
    }
    if admin {
        menu.push(MenuItem::Ambassadors);
        menu.push(MenuItem::Matching);
        if !menu.contains(&MenuItem::Training) {
            menu.push(MenuItem::Training);
        }
    }
    if admin || school_staff {
        menu.push(MenuItem::LessonSeries);
        menu.push(MenuItem::LessonCalendar);
        menu.push(MenuItem::Hours);
        menu.push(MenuItem::Dashboard);
    }
    if admin {
        menu.push(MenuItem::Allowances);
        menu.push(MenuItem::Employers);
    }
    if holds(me, Role::EmployerContact) {
        menu.push(MenuItem::Employer);
    }
    if director {
        menu.push(MenuItem::Team);
    }
    if admin || director {
        menu.push(MenuItem::Organisations);
    }
    if admin {
        menu.push(MenuItem::AuditLog);
        menu.push(MenuItem::PrivacyRequests);
        menu.push(MenuItem::PrivacyRegister);
        menu.push(MenuItem::SensitiveReads);
        menu.push(MenuItem::Messages);
    }
    menu.push(MenuItem::MyPrivacy);
    menu
}

/// Whether a person is only an ambassador: their start page is Mijn plek.
pub fn only_ambassador(me: &Me) -> bool {
    !me.memberships.is_empty()
        && me
            .memberships
            .iter()
            .all(|membership| membership.role == Role::Ambassador)
}

/// Whether a person may open a page: exactly when it is in their menu.
pub fn may_open(me: &Me, item: MenuItem) -> bool {
    menu_for(me).contains(&item)
}

/// The membership shown first and marked as the person's own: the first the server lists.
pub fn primary_membership(me: &Me) -> Option<&Membership> {
    me.memberships.first()
}

/// The schools a person directs, whose team they may see.
pub fn directed_schools(me: &Me) -> Vec<&Organisation> {
    me.memberships
        .iter()
        .filter(|membership| membership.role == Role::SchoolDirector)
        .map(|membership| &membership.organisation)
        .collect()
}

/// The employer a person is a contact of: the first the server lists.
pub fn contact_employer(me: &Me) -> Option<Uuid> {
    me.memberships
        .iter()
        .find(|membership| membership.role == Role::EmployerContact)
        .map(|membership| membership.organisation.id)
}

/// Whether a person runs the programme, and so sees and manages every school's placements.
pub fn is_programme_admin(me: &Me) -> bool {
    holds(me, Role::ProgrammeAdmin)
}

/// The schools whose placements and capacity a person works with as director or coordinator,
/// each once, in the order the server lists them.
pub fn school_memberships(me: &Me) -> Vec<Organisation> {
    let mut schools: Vec<Organisation> = Vec::new();
    for membership in &me.memberships {
        let school_role = matches!(membership.role, Role::SchoolDirector | Role::Coordinator);
        let organisation = &membership.organisation;
        if school_role
            && organisation.kind == OrganisationKind::School
            && !schools.iter().any(|s| s.id == organisation.id)
        {
            schools.push(organisation.clone());
        }
    }
    schools
}

/// Whether a person may create and change a school's placements and record its capacity:
/// its director, or a programme admin. Coordinators only look.
pub fn manages_school(me: &Me, school_id: Uuid) -> bool {
    is_programme_admin(me)
        || me.memberships.iter().any(|membership| {
            membership.role == Role::SchoolDirector && membership.organisation.id == school_id
        })
}

/// Whether a person reviews a school's lesson series: its internal coordinator, who approves
/// them or asks for changes.
pub fn reviews_lesson_series(me: &Me, school_id: Uuid) -> bool {
    me.memberships.iter().any(|membership| {
        membership.role == Role::Coordinator && membership.organisation.id == school_id
    })
}

/// Whether a person writes the lesson series they see at a school: an ambassador who is not on
/// the school's staff (an ambassador sees only their own series).
pub fn writes_lesson_series(me: &Me, school_id: Uuid) -> bool {
    holds(me, Role::Ambassador)
        && !me
            .memberships
            .iter()
            .any(|membership| membership.organisation.id == school_id)
}

/// Whether a person may reply in the review of a school's lesson series: its coordinator or
/// director, a programme admin, or the ambassador who wrote it.
pub fn comments_on_lesson_series(me: &Me, school_id: Uuid) -> bool {
    writes_lesson_series(me, school_id)
        || is_programme_admin(me)
        || me.memberships.iter().any(|membership| {
            matches!(membership.role, Role::Coordinator | Role::SchoolDirector)
                && membership.organisation.id == school_id
        })
}

fn holds(me: &Me, role: Role) -> bool {
    me.memberships
        .iter()
        .any(|membership| membership.role == role)
}

#[cfg(test)]
pub(crate) mod tests {
    use domain::{OrganisationKind, Role};
    use uuid::Uuid;

    use super::*;

    fn organisation(name: &str, kind: OrganisationKind) -> Organisation {
        Organisation {
            id: Uuid::nil(),
            kind,
            name: name.into(),
            parent_id: None,
            school_type: None,
            region: None,
            municipality: None,
        }
    }

    pub(crate) fn person(roles: &[Role]) -> Me {
        Me {
            id: Uuid::nil(),
            name: "Sam de Vries".into(),
            email: "sam@school.example".into(),
            memberships: roles
                .iter()
                .map(|role| Membership {
                    role: *role,
                    organisation: organisation("De Zeester", role.organisation_kind()),
                })
                .collect(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default(),
        }
    }

    #[test]
    fn a_director_sees_placements_capacity_candidates_lessons_hours_team_and_organisations() {
        let me = person(&[Role::SchoolDirector]);
        assert_eq!(
            menu_for(&me),
            [
                MenuItem::Overview,
                MenuItem::Placements,
                MenuItem::Capacity,
                MenuItem::Candidates,
                MenuItem::LessonSeries,
                MenuItem::LessonCalendar,
                MenuItem::Hours,
                MenuItem::Dashboard,
                MenuItem::Team,
                MenuItem::Organisations,
                MenuItem::MyPrivacy
            ]
        );
    }

    #[test]
    fn a_coordinator_sees_placements_capacity_candidates_lessons_and_hours() {
        let me = person(&[Role::Coordinator]);
        assert_eq!(
            menu_for(&me),
            [
                MenuItem::Overview,
                MenuItem::Placements,
                MenuItem::Capacity,
                MenuItem::Candidates,
                MenuItem::LessonSeries,
                MenuItem::LessonCalendar,
                MenuItem::Hours,
                MenuItem::Dashboard,
                MenuItem::MyPrivacy
            ]
        );
    }

    #[test]
    fn a_programme_admin_sees_placements_ambassadors_matching_lessons_hours_allowances_employers_organisations_the_audit_log_and_the_messages()
     {
        let me = person(&[Role::ProgrammeAdmin]);
        assert_eq!(
            menu_for(&me),
            [
                MenuItem::Overview,
                MenuItem::Placements,
                MenuItem::Ambassadors,
                MenuItem::Matching,
                MenuItem::Training,
                MenuItem::LessonSeries,
                MenuItem::LessonCalendar,
                MenuItem::Hours,
                MenuItem::Dashboard,
                MenuItem::Allowances,
                MenuItem::Employers,
                MenuItem::Organisations,
                MenuItem::AuditLog,
                MenuItem::PrivacyRequests,
                MenuItem::PrivacyRegister,
                MenuItem::SensitiveReads,
                MenuItem::Messages,
                MenuItem::MyPrivacy
            ]
        );
    }

    #[test]
    fn everyone_else_sees_only_the_overview_and_their_privacy() {
        assert_eq!(
            menu_for(&person(&[Role::PartnerClient])),
            [MenuItem::Overview, MenuItem::MyPrivacy]
        );
        assert_eq!(
            menu_for(&person(&[])),
            [MenuItem::Overview, MenuItem::MyPrivacy]
        );
    }

    #[test]
    fn a_teacher_sees_their_class() {
        assert_eq!(
            menu_for(&person(&[Role::Teacher])),
            [MenuItem::Overview, MenuItem::MyClass, MenuItem::MyPrivacy]
        );
    }

    #[test]
    fn an_ambassador_sees_their_place_hours_lessons_allowance_and_details_and_starts_at_their_place()
     {
        let me = person(&[Role::Ambassador]);
        assert_eq!(
            menu_for(&me),
            [
                MenuItem::Overview,
                MenuItem::MyPlace,
                MenuItem::MyHours,
                MenuItem::MyLessons,
                MenuItem::MyAllowance,
                MenuItem::MyDetails,
                MenuItem::Training,
                MenuItem::MyPrivacy
            ]
        );
        assert!(only_ambassador(&me));
        assert_eq!(MenuItem::of(Route::Training), Some(MenuItem::Training));
        assert!(!may_open(
            &person(&[Role::SchoolDirector]),
            MenuItem::Training
        ));
        assert!(!only_ambassador(&person(&[
            Role::Ambassador,
            Role::Coordinator
        ])));
        assert!(!only_ambassador(&person(&[])));
        assert!(!may_open(&person(&[Role::Coordinator]), MenuItem::MyHours));
        assert_eq!(MenuItem::of(Route::MyHours), Some(MenuItem::MyHours));
        assert_eq!(MenuItem::MyPlace.id(), "menu-my-place");
    }

    #[test]
    fn an_employers_contact_sees_their_employer_and_only_admins_see_all_employers() {
        let contact = person(&[Role::EmployerContact]);
        assert_eq!(
            menu_for(&contact),
            [MenuItem::Overview, MenuItem::Employer, MenuItem::MyPrivacy]
        );
        assert_eq!(contact_employer(&contact), Some(Uuid::nil()));
        assert!(!may_open(&contact, MenuItem::Employers));
        assert_eq!(contact_employer(&person(&[Role::SchoolDirector])), None);
        for role in [Role::SchoolDirector, Role::Coordinator, Role::Ambassador] {
            assert!(!may_open(&person(&[role]), MenuItem::Employers), "{role}");
            assert!(!may_open(&person(&[role]), MenuItem::Employer), "{role}");
        }
        assert_eq!(MenuItem::Employer.id(), "menu-employer");
        assert_eq!(MenuItem::Employers.id(), "menu-employers");
        let id = Uuid::from_u128(4);
        assert_eq!(
            MenuItem::of(Route::EmployerDetail { id }),
            Some(MenuItem::Employers)
        );
        assert_eq!(MenuItem::of(Route::Invitation), None);
        assert_eq!(MenuItem::of(Route::EmployerSignUp), None);
    }

    #[test]
    fn only_programme_staff_open_the_privacy_pages() {
        for role in [
            Role::SchoolDirector,
            Role::Coordinator,
            Role::Teacher,
            Role::Ambassador,
            Role::EmployerContact,
        ] {
            assert!(
                !may_open(&person(&[role]), MenuItem::PrivacyRegister),
                "{role}"
            );
            assert!(
                !may_open(&person(&[role]), MenuItem::SensitiveReads),
                "{role}"
            );
            assert!(
                !may_open(&person(&[role]), MenuItem::PrivacyRequests),
                "{role}"
            );
            assert!(
                may_open(&person(&[role]), MenuItem::MyPrivacy),
                "everyone asks about their own data: {role}"
            );
        }
        let admin = person(&[Role::ProgrammeAdmin]);
        assert!(may_open(&admin, MenuItem::PrivacyRegister));
        assert!(may_open(&admin, MenuItem::PrivacyRequests));
        assert!(may_open(&admin, MenuItem::SensitiveReads));
        assert_eq!(
            MenuItem::of(Route::SensitiveReads),
            Some(MenuItem::SensitiveReads)
        );
    }

    #[test]
    fn roles_add_up_without_duplicates() {
        let me = person(&[Role::Teacher, Role::SchoolDirector, Role::ProgrammeAdmin]);
        assert_eq!(
            menu_for(&me),
            [
                MenuItem::Overview,
                MenuItem::MyClass,
                MenuItem::Placements,
                MenuItem::Capacity,
                MenuItem::Candidates,
                MenuItem::Ambassadors,
                MenuItem::Matching,
                MenuItem::Training,
                MenuItem::LessonSeries,
                MenuItem::LessonCalendar,
                MenuItem::Hours,
                MenuItem::Dashboard,
                MenuItem::Allowances,
                MenuItem::Employers,
                MenuItem::Team,
                MenuItem::Organisations,
                MenuItem::AuditLog,
                MenuItem::PrivacyRequests,
                MenuItem::PrivacyRegister,
                MenuItem::SensitiveReads,
                MenuItem::Messages,
                MenuItem::MyPrivacy
            ]
        );
    }

    #[test]
    fn a_page_outside_the_menu_may_not_be_opened() {
        let teacher = person(&[Role::Teacher]);
        assert!(may_open(&teacher, MenuItem::Overview));
        assert!(!may_open(&teacher, MenuItem::Team));
        assert!(!may_open(
            &person(&[Role::SchoolDirector]),
            MenuItem::AuditLog
        ));
        for role in [
            Role::SchoolDirector,
            Role::EmployerContact,
            Role::Ambassador,
        ] {
            assert!(!may_open(&person(&[role]), MenuItem::Messages), "{role:?}");
        }
        assert!(!may_open(&person(&[Role::ProgrammeAdmin]), MenuItem::Team));
        assert!(!may_open(&teacher, MenuItem::Placements));
        assert!(
            !may_open(&teacher, MenuItem::Hours),
            "teachers do not decide on hours"
        );
        assert!(!may_open(
            &person(&[Role::ProgrammeAdmin]),
            MenuItem::Capacity
        ));
        assert!(!may_open(
            &person(&[Role::ProgrammeAdmin]),
            MenuItem::Candidates
        ));
        for role in [Role::SchoolDirector, Role::Coordinator, Role::Ambassador] {
            assert!(!may_open(&person(&[role]), MenuItem::Allowances), "{role}");
            assert!(!may_open(&person(&[role]), MenuItem::Matching), "{role}");
            assert!(!may_open(&person(&[role]), MenuItem::Ambassadors), "{role}");
        }
    }

    #[test]
    fn a_page_below_a_menu_item_belongs_to_it() {
        let id = Uuid::from_u128(3);
        assert_eq!(
            MenuItem::of(Route::Ambassador { id }),
            Some(MenuItem::Ambassadors)
        );
        assert_eq!(
            MenuItem::of(Route::MatchingRun { id }),
            Some(MenuItem::Matching)
        );
        assert_eq!(MenuItem::of(Route::Candidates), Some(MenuItem::Candidates));
        assert_eq!(MenuItem::of(Route::NotFound), None);
    }

    #[test]
    fn the_new_menu_links_have_the_ids_the_browser_tests_click() {
        assert_eq!(MenuItem::Ambassadors.id(), "menu-ambassadors");
        assert_eq!(MenuItem::Matching.id(), "menu-matching");
        assert_eq!(MenuItem::Candidates.id(), "menu-candidates");
        assert_eq!(MenuItem::LessonSeries.id(), "menu-lesson-series");
        assert_eq!(MenuItem::LessonCalendar.id(), "menu-lesson-calendar");
        assert_eq!(MenuItem::Hours.id(), "menu-hours");
        assert_eq!(MenuItem::Allowances.id(), "menu-allowances");
    }

    #[test]
    fn a_series_page_belongs_to_lessenseries() {
        let id = Uuid::from_u128(5);
        assert_eq!(
            MenuItem::of(Route::LessonSeries { id }),
            Some(MenuItem::LessonSeries)
        );
        assert_eq!(
            MenuItem::of(Route::LessonCalendar),
            Some(MenuItem::LessonCalendar)
        );
        assert_eq!(MenuItem::of(Route::Hours), Some(MenuItem::Hours));
        assert_eq!(MenuItem::of(Route::Allowances), Some(MenuItem::Allowances));
    }

    #[test]
    fn only_the_schools_coordinator_reviews_and_its_staff_and_admins_reply() {
        let mut me = person(&[]);
        me.memberships.push(Membership {
            role: Role::Coordinator,
            organisation: school("De Zeester", 1),
        });
        me.memberships.push(Membership {
            role: Role::SchoolDirector,
            organisation: school("Het Kompas", 2),
        });
        me.memberships.push(Membership {
            role: Role::Teacher,
            organisation: school("Zuiderlicht", 3),
        });
        assert!(reviews_lesson_series(&me, Uuid::from_u128(1)));
        assert!(
            !reviews_lesson_series(&me, Uuid::from_u128(2)),
            "a director reads and replies, but does not review"
        );
        assert!(comments_on_lesson_series(&me, Uuid::from_u128(2)));
        assert!(!comments_on_lesson_series(&me, Uuid::from_u128(3)));
        let admin = person(&[Role::ProgrammeAdmin]);
        assert!(comments_on_lesson_series(&admin, Uuid::from_u128(3)));
        assert!(!reviews_lesson_series(&admin, Uuid::from_u128(3)));
    }

    fn school(name: &str, id: u128) -> Organisation {
        Organisation {
            id: Uuid::from_u128(id),
            ..organisation(name, OrganisationKind::School)
        }
    }

    #[test]
    fn only_a_schools_director_or_an_admin_manages_its_placements() {
        let mut me = person(&[]);
        me.memberships.push(Membership {
            role: Role::SchoolDirector,
            organisation: school("De Zeester", 1),
        });
        me.memberships.push(Membership {
            role: Role::Coordinator,
            organisation: school("Het Kompas", 2),
        });
        assert!(manages_school(&me, Uuid::from_u128(1)));
        assert!(
            !manages_school(&me, Uuid::from_u128(2)),
            "a coordinator only looks"
        );
        assert!(manages_school(
            &person(&[Role::ProgrammeAdmin]),
            Uuid::from_u128(2)
        ));
    }

    #[test]
    fn a_school_appears_once_however_many_roles_someone_has_there() {
        let mut me = person(&[]);
        for role in [Role::SchoolDirector, Role::Coordinator] {
            me.memberships.push(Membership {
                role,
                organisation: school("De Zeester", 1),
            });
        }
        me.memberships.push(Membership {
            role: Role::Coordinator,
            organisation: school("Het Kompas", 2),
        });
        me.memberships.push(Membership {
            role: Role::Teacher,
            organisation: school("De Vuurtoren", 3),
        });
        let names: Vec<_> = school_memberships(&me)
            .into_iter()
            .map(|school| school.name)
            .collect();
        assert_eq!(names, ["De Zeester", "Het Kompas"]);
    }

    #[test]
    fn the_team_page_covers_only_directed_schools() {
        let mut me = person(&[Role::Teacher]);
        assert!(directed_schools(&me).is_empty());
        me.memberships.push(Membership {
            role: Role::SchoolDirector,
            organisation: organisation("De Vuurtoren", OrganisationKind::School),
        });
        let names: Vec<_> = directed_schools(&me)
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(names, ["De Vuurtoren"]);
    }
}

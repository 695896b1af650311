//! Which pages a person may use, decided in one place from their roles. The menu shows exactly
//! these; a page that is not in someone's menu says "Geen toegang" when opened by its URL. The
//! server enforces the same rules on every request: this only keeps people from dead ends.

use domain::Role;
use domain::contract::{Me, Membership, Organisation};

use crate::i18n::Texts;
use crate::route::Route;

/// A page in the main menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    Overview,
    Team,
    Organisations,
    AuditLog,
}

impl MenuItem {
    /// Where the item leads.
    pub fn route(self) -> Route {
        match self {
            MenuItem::Overview => Route::Overview,
            MenuItem::Team => Route::Team,
            MenuItem::Organisations => Route::Organisations,
            MenuItem::AuditLog => Route::AuditLog,
        }
    }

    /// The item's label, which is also the page's title.
    pub fn label(self, texts: &Texts) -> &'static str {
        match self {
            MenuItem::Overview => texts.menu_overview,
            MenuItem::Team => texts.menu_team,
            MenuItem::Organisations => texts.menu_organisations,
            MenuItem::AuditLog => texts.menu_audit,
        }
    }
}

/// The menu of a person, in display order: everyone has the overview; school directors see their
/// team; programme admins and directors see organisations; only programme admins see the audit
/// log.
pub fn menu_for(me: &Me) -> Vec<MenuItem> {
    let admin = holds(me, Role::ProgrammeAdmin);
    let director = holds(me, Role::SchoolDirector);
    let mut menu = vec![MenuItem::Overview];
    if director {
        menu.push(MenuItem::Team);
    }
    if admin || director {
        menu.push(MenuItem::Organisations);
    }
    if admin {
        menu.push(MenuItem::AuditLog);
    }
    menu
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

fn holds(me: &Me, role: Role) -> bool {
    me.memberships
        .iter()
        .any(|membership| membership.role == role)
}

#[cfg(test)]
mod tests {
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

    fn person(roles: &[Role]) -> Me {
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
        }
    }

    #[test]
    fn a_director_sees_overview_team_and_organisations() {
        let me = person(&[Role::SchoolDirector]);
        assert_eq!(
            menu_for(&me),
            [MenuItem::Overview, MenuItem::Team, MenuItem::Organisations]
        );
    }

    #[test]
    fn a_programme_admin_sees_overview_organisations_and_the_audit_log() {
        let me = person(&[Role::ProgrammeAdmin]);
        assert_eq!(
            menu_for(&me),
            [
                MenuItem::Overview,
                MenuItem::Organisations,
                MenuItem::AuditLog
            ]
        );
    }

    #[test]
    fn everyone_else_sees_only_the_overview() {
        for role in [
            Role::Coordinator,
            Role::Teacher,
            Role::Ambassador,
            Role::EmployerContact,
            Role::PartnerClient,
        ] {
            assert_eq!(menu_for(&person(&[role])), [MenuItem::Overview], "{role}");
        }
        assert_eq!(menu_for(&person(&[])), [MenuItem::Overview]);
    }

    #[test]
    fn roles_add_up_without_duplicates() {
        let me = person(&[Role::Teacher, Role::SchoolDirector, Role::ProgrammeAdmin]);
        assert_eq!(
            menu_for(&me),
            [
                MenuItem::Overview,
                MenuItem::Team,
                MenuItem::Organisations,
                MenuItem::AuditLog
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
        assert!(!may_open(&person(&[Role::ProgrammeAdmin]), MenuItem::Team));
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

//! The one place that answers "may this principal do this to that resource".
//!
//! Every route asks here before it acts. A denial is either `Forbidden` (403: the caller may know
//! the resource exists) or `Hidden` (404: the resource belongs to another tenant, and even its
//! existence is not the caller's business).

use domain::contract::Organisation;
use domain::{OrganisationKind, Role, Scope};
use store::OrganisationFilter;

use crate::auth::Principal;
use crate::auth::principal::UserPrincipal;
use crate::error::ApiError;

/// Something a principal wants to do.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// List organisations (scoped by [`organisation_filter`]).
    ListOrganisations,
    /// Read one organisation.
    ReadOrganisation(&'a Organisation),
    /// List who holds which role in an organisation.
    ListMembers(&'a Organisation),
    /// Read the audit log.
    ReadAuditLog,
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denial {
    /// 403: known, not allowed.
    Forbidden,
    /// 404: not the caller's to know about.
    Hidden,
}

impl Denial {
    /// The API error for this denial; `what` names the resource for a 404.
    pub fn into_error(self, what: &'static str) -> ApiError {
        match self {
            Denial::Forbidden => ApiError::Forbidden,
            Denial::Hidden => ApiError::NotFound(what),
        }
    }
}

/// Decides whether `principal` may do `action`.
pub fn decide(principal: &Principal, action: Action<'_>) -> Result<(), Denial> {
    match principal {
        Principal::User(user) if is_programme_admin(user) => Ok(()),
        Principal::User(user) => decide_for_user(user, action),
        Principal::Client(client) => match action {
            Action::ListOrganisations if client.scopes.contains(Scope::SchoolsRead) => Ok(()),
            Action::ReadOrganisation(org)
                if org.kind == OrganisationKind::School
                    && client.scopes.contains(Scope::SchoolsRead) =>
            {
                Ok(())
            }
            Action::ReadOrganisation(org) if org.id == client.organisation_id => Ok(()),
            Action::ListOrganisations | Action::ReadAuditLog => Err(Denial::Forbidden),
            Action::ReadOrganisation(_) | Action::ListMembers(_) => Err(Denial::Hidden),
        },
    }
}

fn decide_for_user(user: &UserPrincipal, action: Action<'_>) -> Result<(), Denial> {
    let roles_in = |org: &Organisation| -> Vec<Role> {
        user.grants
            .iter()
            .filter(|g| g.organisation_id == org.id)
            .map(|g| g.role)
            .collect()
    };
    match action {
        Action::ListOrganisations => Ok(()),
        Action::ReadOrganisation(org) => {
            if roles_in(org).is_empty() {
                Err(Denial::Hidden)
            } else {
                Ok(())
            }
        }
        Action::ListMembers(org) => {
            let roles = roles_in(org);
            if roles.is_empty() {
                Err(Denial::Hidden)
            } else if roles
                .iter()
                .any(|r| matches!(r, Role::SchoolDirector | Role::EmployerContact))
            {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        Action::ReadAuditLog => Err(Denial::Forbidden),
    }
}

/// Shorthand for routes: [`decide`], with a denial turned into its API error.
pub fn authorize(
    principal: &Principal,
    action: Action<'_>,
    what: &'static str,
) -> Result<(), ApiError> {
    decide(principal, action).map_err(|denial| denial.into_error(what))
}

/// Which organisations a list shows this principal, given the kind it asked for.
pub fn organisation_filter(
    principal: &Principal,
    kind: Option<OrganisationKind>,
) -> Result<OrganisationFilter, ApiError> {
    authorize(principal, Action::ListOrganisations, "organisation")?;
    Ok(match principal {
        Principal::User(user) if is_programme_admin(user) => {
            OrganisationFilter { kind, member: None }
        }
        Principal::User(user) => OrganisationFilter {
            kind,
            member: Some(user.id),
        },
        Principal::Client(_) => match kind {
            None | Some(OrganisationKind::School) => OrganisationFilter {
                kind: Some(OrganisationKind::School),
                member: None,
            },
            Some(_) => return Err(ApiError::Forbidden),
        },
    })
}

fn is_programme_admin(user: &UserPrincipal) -> bool {
    user.grants.iter().any(|g| g.role == Role::ProgrammeAdmin)
}

#[cfg(test)]
mod tests {
    //! For each role: one action allowed and one denied, across tenants.
    use super::*;
    use crate::auth::Grant;
    use crate::auth::principal::ClientPrincipal;
    use domain::{Region, SchoolType, Scopes};
    use uuid::Uuid;

    fn org(kind: OrganisationKind) -> Organisation {
        let school = kind == OrganisationKind::School;
        Organisation {
            id: Uuid::now_v7(),
            kind,
            name: "Test".into(),
            parent_id: None,
            school_type: school.then_some(SchoolType::Po),
            region: school.then_some(Region::Zuid),
            municipality: school.then(|| "Maastricht".into()),
        }
    }

    fn user(role: Role, org: &Organisation) -> Principal {
        Principal::User(UserPrincipal {
            id: Uuid::now_v7(),
            grants: vec![Grant {
                role,
                organisation_id: org.id,
                organisation_kind: org.kind,
            }],
        })
    }

    fn client(scopes: &str) -> Principal {
        Principal::Client(ClientPrincipal {
            id: Uuid::now_v7(),
            organisation_id: Uuid::now_v7(),
            scopes: Scopes::parse(scopes).unwrap(),
        })
    }

    #[test]
    fn a_programme_admin_may_read_any_tenants_members_and_the_audit_log() {
        let programme = org(OrganisationKind::Programme);
        let admin = user(Role::ProgrammeAdmin, &programme);
        assert_eq!(
            decide(&admin, Action::ListMembers(&org(OrganisationKind::School))),
            Ok(())
        );
        assert_eq!(decide(&admin, Action::ReadAuditLog), Ok(()));
    }

    #[test]
    fn a_director_manages_their_own_school_and_cannot_see_another() {
        let (mine, other) = (org(OrganisationKind::School), org(OrganisationKind::School));
        let director = user(Role::SchoolDirector, &mine);
        assert_eq!(decide(&director, Action::ListMembers(&mine)), Ok(()));
        assert_eq!(
            decide(&director, Action::ReadOrganisation(&other)),
            Err(Denial::Hidden)
        );
        assert_eq!(
            decide(&director, Action::ListMembers(&other)),
            Err(Denial::Hidden)
        );
        assert_eq!(
            decide(&director, Action::ReadAuditLog),
            Err(Denial::Forbidden)
        );
    }

    #[test]
    fn a_coordinator_reads_their_school_but_not_its_staff_list() {
        let school = org(OrganisationKind::School);
        let coordinator = user(Role::Coordinator, &school);
        assert_eq!(
            decide(&coordinator, Action::ReadOrganisation(&school)),
            Ok(())
        );
        assert_eq!(
            decide(&coordinator, Action::ListMembers(&school)),
            Err(Denial::Forbidden)
        );
    }

    #[test]
    fn a_teacher_reads_their_school_but_not_another() {
        let (mine, other) = (org(OrganisationKind::School), org(OrganisationKind::School));
        let teacher = user(Role::Teacher, &mine);
        assert_eq!(decide(&teacher, Action::ReadOrganisation(&mine)), Ok(()));
        assert_eq!(
            decide(&teacher, Action::ReadOrganisation(&other)),
            Err(Denial::Hidden)
        );
    }

    #[test]
    fn an_ambassador_lists_their_own_organisations_but_no_school_staff() {
        let programme = org(OrganisationKind::Programme);
        let ambassador = user(Role::Ambassador, &programme);
        assert_eq!(decide(&ambassador, Action::ListOrganisations), Ok(()));
        assert_eq!(
            decide(
                &ambassador,
                Action::ListMembers(&org(OrganisationKind::School))
            ),
            Err(Denial::Hidden)
        );
    }

    #[test]
    fn an_employer_contact_manages_their_employer_and_no_other() {
        let (mine, other) = (
            org(OrganisationKind::Employer),
            org(OrganisationKind::Employer),
        );
        let contact = user(Role::EmployerContact, &mine);
        assert_eq!(decide(&contact, Action::ListMembers(&mine)), Ok(()));
        assert_eq!(
            decide(&contact, Action::ListMembers(&other)),
            Err(Denial::Hidden)
        );
    }

    #[test]
    fn a_partner_client_reads_schools_with_its_scope_but_never_their_staff() {
        let school = org(OrganisationKind::School);
        let partner = client("schools:read");
        assert_eq!(decide(&partner, Action::ReadOrganisation(&school)), Ok(()));
        assert_eq!(
            decide(&partner, Action::ListMembers(&school)),
            Err(Denial::Hidden)
        );
        assert_eq!(
            decide(&client("placements:read"), Action::ListOrganisations),
            Err(Denial::Forbidden)
        );
    }

    #[test]
    fn lists_are_scoped_to_what_the_principal_may_see() {
        let school = org(OrganisationKind::School);
        let director = user(Role::SchoolDirector, &school);
        let filter = organisation_filter(&director, None).unwrap();
        assert!(filter.member.is_some());
        let partner = organisation_filter(&client("schools:read"), None).unwrap();
        assert_eq!(partner.kind, Some(OrganisationKind::School));
        assert!(
            organisation_filter(&client("schools:read"), Some(OrganisationKind::Employer)).is_err()
        );
    }
}

//! The one place that answers "may this principal do this to that resource".
//!
//! Every route asks here before it acts. A denial is either `Forbidden` (403: the caller may know
//! the resource exists) or `Hidden` (404: the resource belongs to another tenant, and even its
//! existence is not the caller's business).

use domain::contract::{Organisation, Placement};
use domain::{OrganisationKind, PlacementAction, PlacementStatus, Role, Scope};
use store::{OrganisationFilter, PlacementFilter};

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
    /// List placements (scoped by [`placement_filter`]).
    ListPlacements,
    /// Read one placement.
    ReadPlacement(&'a Placement),
    /// Offer a new placement at a school.
    CreatePlacement(&'a Organisation),
    /// Change a placement's details.
    EditPlacement(&'a Placement),
    /// Change a placement's status.
    TransitionPlacement(&'a Placement, PlacementAction),
    /// Read a school's capacity.
    ReadCapacity(&'a Organisation),
    /// Record a school's capacity.
    EditCapacity(&'a Organisation),
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
            Action::ListPlacements if client.scopes.contains(Scope::PlacementsRead) => Ok(()),
            Action::ReadPlacement(p)
                if is_public(p) && client.scopes.contains(Scope::PlacementsRead) =>
            {
                Ok(())
            }
            Action::EditPlacement(p) | Action::TransitionPlacement(p, _)
                if is_public(p) && client.scopes.contains(Scope::PlacementsRead) =>
            {
                Err(Denial::Forbidden)
            }
            Action::ListOrganisations | Action::ReadAuditLog | Action::ListPlacements => {
                Err(Denial::Forbidden)
            }
            Action::ReadOrganisation(_)
            | Action::ListMembers(_)
            | Action::ReadPlacement(_)
            | Action::CreatePlacement(_)
            | Action::EditPlacement(_)
            | Action::TransitionPlacement(..)
            | Action::ReadCapacity(_)
            | Action::EditCapacity(_) => Err(Denial::Hidden),
        },
    }
}

fn decide_for_user(user: &UserPrincipal, action: Action<'_>) -> Result<(), Denial> {
    let roles_in_id = |id: uuid::Uuid| -> Vec<Role> {
        user.grants
            .iter()
            .filter(|g| g.organisation_id == id)
            .map(|g| g.role)
            .collect()
    };
    let roles_in = |org: &Organisation| roles_in_id(org.id);
    // Who may manage a school's spots: its director. Others in the school may look.
    let manage_school = |roles: Vec<Role>| -> Result<(), Denial> {
        if roles.contains(&Role::SchoolDirector) {
            Ok(())
        } else if roles.is_empty() {
            Err(Denial::Hidden)
        } else {
            Err(Denial::Forbidden)
        }
    };
    let is_ambassador = user.grants.iter().any(|g| g.role == Role::Ambassador);
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
        Action::ListPlacements => {
            if has_school_role(user) || is_ambassador {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        Action::ReadPlacement(p) => {
            if !roles_in_id(p.school_id).is_empty() || (is_ambassador && is_public(p)) {
                Ok(())
            } else {
                Err(Denial::Hidden)
            }
        }
        Action::CreatePlacement(school) => manage_school(roles_in(school)),
        Action::EditPlacement(p) => match manage_school(roles_in_id(p.school_id)) {
            Err(Denial::Hidden) if is_ambassador && is_public(p) => Err(Denial::Forbidden),
            decision => decision,
        },
        Action::TransitionPlacement(p, action) => {
            manage_school(roles_in_id(p.school_id))?;
            match action {
                // Matching is programme staff's work.
                PlacementAction::Propose | PlacementAction::Fill | PlacementAction::Release => {
                    Err(Denial::Forbidden)
                }
                PlacementAction::Open | PlacementAction::Close | PlacementAction::Cancel => Ok(()),
            }
        }
        Action::ReadCapacity(school) => {
            if roles_in(school)
                .iter()
                .any(|r| matches!(r, Role::SchoolDirector | Role::Coordinator))
            {
                Ok(())
            } else if roles_in(school).is_empty() {
                Err(Denial::Hidden)
            } else {
                Err(Denial::Forbidden)
            }
        }
        Action::EditCapacity(school) => manage_school(roles_in(school)),
    }
}

/// Open placements are what candidates and partners may see.
fn is_public(placement: &Placement) -> bool {
    placement.status == PlacementStatus::Open
}

fn has_school_role(user: &UserPrincipal) -> bool {
    user.grants
        .iter()
        .any(|g| g.organisation_kind == OrganisationKind::School)
}

/// What a placement list shows this principal.
#[derive(Debug, Clone)]
pub struct PlacementView {
    /// The filter to apply, or `None` when nothing can match (a partner asking for filled
    /// placements, say).
    pub filter: Option<PlacementFilter>,
    /// Whether personal data of teachers must be left out.
    pub hide_teacher: bool,
}

/// Narrows `asked` to what `principal` may see.
pub fn placement_view(
    principal: &Principal,
    asked: PlacementFilter,
) -> Result<PlacementView, ApiError> {
    authorize(principal, Action::ListPlacements, "placement")?;
    let open_only = |asked: PlacementFilter| PlacementView {
        filter: match asked.status {
            None | Some(PlacementStatus::Open) => Some(PlacementFilter {
                status: Some(PlacementStatus::Open),
                ..asked
            }),
            Some(_) => None,
        },
        hide_teacher: true,
    };
    Ok(match principal {
        Principal::User(user) if is_programme_admin(user) => PlacementView {
            filter: Some(asked),
            hide_teacher: false,
        },
        Principal::User(user) if has_school_role(user) => PlacementView {
            filter: Some(PlacementFilter {
                member: Some(user.id),
                ..asked
            }),
            hide_teacher: false,
        },
        Principal::User(_) | Principal::Client(_) => open_only(asked),
    })
}

/// Whether `principal` sees the teacher of a placement it may read.
pub fn sees_teacher(principal: &Principal, placement: &Placement) -> bool {
    match principal {
        Principal::User(user) => {
            is_programme_admin(user)
                || user
                    .grants
                    .iter()
                    .any(|g| g.organisation_id == placement.school_id)
        }
        Principal::Client(_) => false,
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

    fn placement(school: &Organisation, status: PlacementStatus) -> Placement {
        use chrono::NaiveTime;
        use domain::{Commitment, PlacementKind, SchoolYear, StartMoment, Weekday};
        let year = SchoolYear::parse("2026-2027").unwrap();
        Placement {
            id: Uuid::now_v7(),
            school_id: school.id,
            school_name: school.name.clone(),
            school_type: SchoolType::Po,
            region: Region::Zuid,
            municipality: "Maastricht".into(),
            school_year: year,
            start_moment: StartMoment::February,
            commitment: Commitment::HalfYear,
            period: domain::school_year::period(year, StartMoment::February, Commitment::HalfYear),
            weekday: Weekday::Monday,
            starts_at: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            ends_at: NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
            minutes: 390,
            kind: PlacementKind::Class,
            group: Some("groep 5".into()),
            teacher: Some("Juf".into()),
            task: None,
            theme: None,
            expertise: vec![],
            note: None,
            capacity: 1,
            status,
            status_reason: None,
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn placements_per_role_allowed_and_denied_across_schools() {
        let (mine, other) = (org(OrganisationKind::School), org(OrganisationKind::School));
        let open_here = placement(&mine, PlacementStatus::Open);
        let draft_here = placement(&mine, PlacementStatus::Draft);
        let director = user(Role::SchoolDirector, &mine);
        let coordinator = user(Role::Coordinator, &mine);
        let other_director = user(Role::SchoolDirector, &other);
        let ambassador = user(Role::Ambassador, &org(OrganisationKind::Programme));
        let employer = user(Role::EmployerContact, &org(OrganisationKind::Employer));
        let admin = user(Role::ProgrammeAdmin, &org(OrganisationKind::Programme));
        let partner = client("placements:read");

        assert_eq!(decide(&director, Action::CreatePlacement(&mine)), Ok(()));
        assert_eq!(
            decide(&director, Action::CreatePlacement(&other)),
            Err(Denial::Hidden)
        );
        assert_eq!(
            decide(
                &director,
                Action::TransitionPlacement(&open_here, PlacementAction::Close)
            ),
            Ok(())
        );
        assert_eq!(
            decide(
                &director,
                Action::TransitionPlacement(&open_here, PlacementAction::Fill)
            ),
            Err(Denial::Forbidden)
        );
        assert_eq!(
            decide(&coordinator, Action::ReadPlacement(&draft_here)),
            Ok(())
        );
        assert_eq!(
            decide(&coordinator, Action::EditPlacement(&draft_here)),
            Err(Denial::Forbidden)
        );
        assert_eq!(
            decide(&other_director, Action::ReadPlacement(&open_here)),
            Err(Denial::Hidden)
        );
        assert_eq!(
            decide(&ambassador, Action::ReadPlacement(&open_here)),
            Ok(())
        );
        assert_eq!(
            decide(&ambassador, Action::ReadPlacement(&draft_here)),
            Err(Denial::Hidden)
        );
        assert_eq!(
            decide(&ambassador, Action::EditPlacement(&open_here)),
            Err(Denial::Forbidden)
        );
        assert_eq!(
            decide(&employer, Action::ListPlacements),
            Err(Denial::Forbidden)
        );
        assert_eq!(
            decide(
                &admin,
                Action::TransitionPlacement(&open_here, PlacementAction::Propose)
            ),
            Ok(())
        );
        assert_eq!(decide(&partner, Action::ReadPlacement(&open_here)), Ok(()));
        assert_eq!(
            decide(&partner, Action::ReadPlacement(&draft_here)),
            Err(Denial::Hidden)
        );
        assert_eq!(
            decide(&client("schools:read"), Action::ListPlacements),
            Err(Denial::Forbidden)
        );
        assert!(!sees_teacher(&partner, &open_here) && !sees_teacher(&ambassador, &open_here));
        assert!(sees_teacher(&coordinator, &open_here));
    }

    #[test]
    fn capacity_is_for_the_schools_director_and_coordinator() {
        let (mine, other) = (org(OrganisationKind::School), org(OrganisationKind::School));
        assert_eq!(
            decide(&user(Role::Coordinator, &mine), Action::ReadCapacity(&mine)),
            Ok(())
        );
        assert_eq!(
            decide(&user(Role::Coordinator, &mine), Action::EditCapacity(&mine)),
            Err(Denial::Forbidden)
        );
        assert_eq!(
            decide(&user(Role::Teacher, &mine), Action::ReadCapacity(&mine)),
            Err(Denial::Forbidden)
        );
        assert_eq!(
            decide(
                &user(Role::SchoolDirector, &mine),
                Action::EditCapacity(&mine)
            ),
            Ok(())
        );
        assert_eq!(
            decide(
                &user(Role::SchoolDirector, &other),
                Action::ReadCapacity(&mine)
            ),
            Err(Denial::Hidden)
        );
    }

    #[test]
    fn partners_asking_for_other_than_open_placements_get_nothing() {
        let view = placement_view(
            &client("placements:read"),
            PlacementFilter {
                status: Some(PlacementStatus::Filled),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(view.filter.is_none() && view.hide_teacher);
        let view = placement_view(&client("placements:read"), PlacementFilter::default()).unwrap();
        assert_eq!(view.filter.unwrap().status, Some(PlacementStatus::Open));
    }
}

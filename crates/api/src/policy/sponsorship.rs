//! Who may do what with employer sponsorship: an employer's contacts manage their own employer
//! only; programme staff verify employers, settle agreements and set the social-return rules
//! (and may do everything, see [`super::decide`]). Another employer's data is hidden (404).

use domain::Role;
use uuid::Uuid;

use super::Denial;
use crate::auth::principal::UserPrincipal;

/// Decisions about sponsorship, for a user who is not a programme admin.
pub(super) fn decide_for_user(
    user: &UserPrincipal,
    action: &super::Action<'_>,
) -> Option<Result<(), Denial>> {
    use super::Action as A;
    let contact_of = |employer: Uuid| {
        user.grants
            .iter()
            .any(|g| g.organisation_id == employer && g.role == Role::EmployerContact)
    };
    let own_or_hidden = |employer: Uuid| {
        if contact_of(employer) {
            Ok(())
        } else {
            Err(Denial::Hidden)
        }
    };
    // Programme staff's steps: a contact knows the employer, the rest may not know it exists.
    let programme_only = |employer: Uuid| {
        if contact_of(employer) {
            Err(Denial::Forbidden)
        } else {
            Err(Denial::Hidden)
        }
    };
    Some(match *action {
        A::ReadSroiRules => Ok(()),
        A::EditSroiRules => Err(Denial::Forbidden),
        A::ListEmployers => {
            if user.grants.iter().any(|g| g.role == Role::EmployerContact) {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        A::ReadEmployer { employer } | A::ManageEmployer { employer } => own_or_hidden(employer),
        A::VerifyEmployer { employer } | A::SettleAgreement { employer } => {
            programme_only(employer)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Action, Denial, decide};
    use crate::auth::Principal;
    use crate::auth::principal::{Grant, UserPrincipal};
    use domain::Role;
    use uuid::Uuid;

    fn person(grants: &[(Uuid, Role)]) -> Principal {
        Principal::User(UserPrincipal {
            id: Uuid::new_v4(),
            grants: grants
                .iter()
                .map(|&(organisation_id, role)| Grant {
                    organisation_id,
                    organisation_kind: role.organisation_kind(),
                    role,
                })
                .collect(),
        })
    }

    #[test]
    fn a_contact_manages_their_own_employer_and_nobody_elses() {
        let own = Uuid::new_v4();
        let other = Uuid::new_v4();
        let programme = Uuid::new_v4();
        let school = Uuid::new_v4();
        let contact = person(&[(own, Role::EmployerContact)]);
        let admin = person(&[(programme, Role::ProgrammeAdmin)]);
        let director = person(&[(school, Role::SchoolDirector)]);
        let ambassador = person(&[(programme, Role::Ambassador)]);
        let cases: Vec<(&Principal, Action<'_>, Result<(), Denial>)> = vec![
            (&contact, Action::ReadEmployer { employer: own }, Ok(())),
            (&contact, Action::ManageEmployer { employer: own }, Ok(())),
            (
                &contact,
                Action::ReadEmployer { employer: other },
                Err(Denial::Hidden),
            ),
            (
                &contact,
                Action::ManageEmployer { employer: other },
                Err(Denial::Hidden),
            ),
            (
                &contact,
                Action::VerifyEmployer { employer: own },
                Err(Denial::Forbidden),
            ),
            (
                &contact,
                Action::SettleAgreement { employer: own },
                Err(Denial::Forbidden),
            ),
            (
                &contact,
                Action::SettleAgreement { employer: other },
                Err(Denial::Hidden),
            ),
            (&contact, Action::ListEmployers, Ok(())),
            (&contact, Action::EditSroiRules, Err(Denial::Forbidden)),
            (&contact, Action::ReadSroiRules, Ok(())),
            (&admin, Action::VerifyEmployer { employer: other }, Ok(())),
            (&admin, Action::SettleAgreement { employer: own }, Ok(())),
            (&admin, Action::EditSroiRules, Ok(())),
            (
                &director,
                Action::ReadEmployer { employer: own },
                Err(Denial::Hidden),
            ),
            (&director, Action::ListEmployers, Err(Denial::Forbidden)),
            (
                &ambassador,
                Action::ManageEmployer { employer: own },
                Err(Denial::Hidden),
            ),
            (&ambassador, Action::ListEmployers, Err(Denial::Forbidden)),
        ];
        for (who, action, expected) in cases {
            assert_eq!(decide(who, action), expected, "{action:?}");
        }
    }
}

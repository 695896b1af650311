//! For each role: one action allowed and one denied, across tenants.

use super::*;
use crate::auth::Grant;
use crate::auth::principal::ClientPrincipal;
use domain::contract::PlacementQuery;
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
    assert_eq!(decide(&admin, Action::ReadPrivacyRecords), Ok(()));
}

#[test]
fn only_a_programme_admin_manages_outgoing_messages() {
    let admin = user(Role::ProgrammeAdmin, &org(OrganisationKind::Programme));
    assert_eq!(decide(&admin, Action::ManageMessages), Ok(()));
    let others = [
        user(Role::SchoolDirector, &org(OrganisationKind::School)),
        user(Role::Coordinator, &org(OrganisationKind::School)),
        user(Role::EmployerContact, &org(OrganisationKind::Employer)),
        user(Role::Ambassador, &org(OrganisationKind::Programme)),
        client("schools:read placements:read ambassadors:write"),
    ];
    for other in others {
        assert_eq!(
            decide(&other, Action::ManageMessages),
            Err(Denial::Forbidden),
            "{other:?}"
        );
    }
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
    assert_eq!(
        decide(&director, Action::ReadPrivacyRecords),
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
        PlacementQuery {
            status: Some(PlacementStatus::Filled),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(view.query.is_none() && view.hide_teacher);
    let view = placement_view(&client("placements:read"), PlacementQuery::default()).unwrap();
    assert_eq!(view.query.unwrap().status, Some(PlacementStatus::Open));
}

fn user_id(principal: &Principal) -> Uuid {
    principal.actor_id()
}

/// Every match action for one principal, as `(action, decision)`, on a match at `school`
/// whose ambassador's account is `owner`.
fn match_decisions(
    principal: &Principal,
    school: Uuid,
    owner: Option<Uuid>,
) -> Vec<(MatchAction, Result<(), Denial>)> {
    MatchAction::ALL
        .iter()
        .map(|&action| {
            (
                action,
                decide(
                    principal,
                    Action::TransitionMatch {
                        school,
                        owner,
                        action,
                    },
                ),
            )
        })
        .collect()
}

#[test]
fn each_side_of_a_match_confirms_and_declines_for_itself_only() {
    use MatchAction as M;
    let (school, other_school) = (org(OrganisationKind::School), org(OrganisationKind::School));
    let programme = org(OrganisationKind::Programme);
    let director = user(Role::SchoolDirector, &school);
    let coordinator = user(Role::Coordinator, &school);
    let ambassador = user(Role::Ambassador, &programme);
    let owner = Some(user_id(&ambassador));
    for (action, decision) in match_decisions(&director, school.id, owner) {
        let allowed = matches!(action, M::ConfirmSchool | M::Decline);
        assert_eq!(decision.is_ok(), allowed, "director {action}");
        if !allowed {
            assert_eq!(decision, Err(Denial::Forbidden), "director {action}");
        }
    }
    for (action, decision) in match_decisions(&ambassador, school.id, owner) {
        assert_eq!(
            decision.is_ok(),
            matches!(action, M::ConfirmAmbassador | M::Decline),
            "ambassador {action}"
        );
    }
    for (action, decision) in match_decisions(&coordinator, school.id, owner) {
        assert_eq!(decision, Err(Denial::Forbidden), "coordinator {action}");
    }
    // Another school's director and another ambassador do not know the match exists.
    let stranger = user(Role::SchoolDirector, &other_school);
    let other_ambassador = user(Role::Ambassador, &programme);
    for principal in [&stranger, &other_ambassador] {
        for (action, decision) in match_decisions(principal, school.id, owner) {
            assert_eq!(decision, Err(Denial::Hidden), "{action}");
        }
        assert_eq!(
            decide(
                principal,
                Action::ReadMatch {
                    school: school.id,
                    owner
                }
            ),
            Err(Denial::Hidden)
        );
    }
    let admin = user(Role::ProgrammeAdmin, &programme);
    assert!(
        match_decisions(&admin, school.id, owner)
            .iter()
            .all(|(_, d)| d.is_ok())
    );
}

#[test]
fn an_ambassadors_profile_is_theirs_and_programme_staffs_only() {
    let programme = org(OrganisationKind::Programme);
    let school = org(OrganisationKind::School);
    let ambassador = user(Role::Ambassador, &programme);
    let owner = Some(user_id(&ambassador));
    assert_eq!(
        decide(&ambassador, Action::ReadAmbassador { owner }),
        Ok(())
    );
    assert_eq!(
        decide(&ambassador, Action::EditAmbassador { owner }),
        Ok(())
    );
    assert_eq!(decide(&ambassador, Action::ReadIntake { owner }), Ok(()));
    assert_eq!(
        decide(&ambassador, Action::ManageIntake { owner }),
        Err(Denial::Forbidden)
    );
    assert_eq!(
        decide(&ambassador, Action::ListAmbassadors),
        Err(Denial::Forbidden)
    );
    let director = user(Role::SchoolDirector, &school);
    for action in [
        Action::ReadAmbassador { owner },
        Action::EditAmbassador { owner },
        Action::ReadIntake { owner },
        Action::ManageIntake { owner },
    ] {
        assert_eq!(decide(&director, action), Err(Denial::Hidden), "{action:?}");
        assert_eq!(
            decide(&client("schools:read placements:read"), action),
            Err(Denial::Hidden),
            "{action:?}"
        );
    }
    for action in [
        Action::RunMatching,
        Action::ProposeMatch,
        Action::CreateAmbassador,
    ] {
        assert_eq!(
            decide(&director, action),
            Err(Denial::Forbidden),
            "{action:?}"
        );
        assert_eq!(
            decide(&user(Role::ProgrammeAdmin, &programme), action),
            Ok(())
        );
    }
}

#[test]
fn concerns_are_read_by_the_schools_director_and_coordinator_and_reported_by_anyone_involved() {
    let programme = org(OrganisationKind::Programme);
    let school = org(OrganisationKind::School);
    let ambassador = user(Role::Ambassador, &programme);
    let owner = Some(user_id(&ambassador));
    let teacher = user(Role::Teacher, &school);
    let coordinator = user(Role::Coordinator, &school);
    assert_eq!(
        decide(
            &coordinator,
            Action::ReadConcerns {
                school: school.id,
                owner
            }
        ),
        Ok(())
    );
    assert_eq!(
        decide(
            &teacher,
            Action::ReadConcerns {
                school: school.id,
                owner
            }
        ),
        Err(Denial::Forbidden)
    );
    assert_eq!(
        decide(
            &ambassador,
            Action::ReadConcerns {
                school: school.id,
                owner
            }
        ),
        Err(Denial::Forbidden)
    );
    for reporter in [&teacher, &coordinator, &ambassador] {
        assert_eq!(
            decide(
                reporter,
                Action::ReportConcern {
                    school: school.id,
                    owner
                }
            ),
            Ok(())
        );
    }
    let stranger = user(Role::Coordinator, &org(OrganisationKind::School));
    assert_eq!(
        decide(
            &stranger,
            Action::ReportConcern {
                school: school.id,
                owner
            }
        ),
        Err(Denial::Hidden)
    );
}

#[test]
fn lessons_are_scheduled_by_the_ambassador_and_the_coordinator_and_read_by_school_staff() {
    let (school, other_school) = (org(OrganisationKind::School), org(OrganisationKind::School));
    let programme = org(OrganisationKind::Programme);
    let ambassador = user(Role::Ambassador, &programme);
    let owner = Some(user_id(&ambassador));
    let schedule = |who: &Principal| {
        decide(
            who,
            Action::ScheduleLessonSeries {
                school: school.id,
                owner,
            },
        )
    };
    let read_month = |who: &Principal| decide(who, Action::ReadSchoolLessons { school: school.id });
    let mark_given = |who: &Principal| {
        decide(
            who,
            Action::ReviewLessonSeries {
                school: school.id,
                owner,
                action: LessonSeriesAction::MarkGiven,
            },
        )
    };
    // Who, whether they may schedule (and mark given), whether they may read the school's month.
    let cases = [
        (
            "ambassador",
            ambassador.clone(),
            Ok(()),
            Err(Denial::Hidden),
        ),
        (
            "coordinator",
            user(Role::Coordinator, &school),
            Ok(()),
            Ok(()),
        ),
        (
            "director",
            user(Role::SchoolDirector, &school),
            Err(Denial::Forbidden),
            Ok(()),
        ),
        (
            "teacher",
            user(Role::Teacher, &school),
            Err(Denial::Forbidden),
            Ok(()),
        ),
        (
            "other coordinator",
            user(Role::Coordinator, &other_school),
            Err(Denial::Hidden),
            Err(Denial::Hidden),
        ),
        (
            "other ambassador",
            user(Role::Ambassador, &programme),
            Err(Denial::Hidden),
            Err(Denial::Hidden),
        ),
        (
            "partner",
            client("lesson-series:read schools:read"),
            Err(Denial::Hidden),
            Err(Denial::Hidden),
        ),
        (
            "admin",
            user(Role::ProgrammeAdmin, &programme),
            Ok(()),
            Ok(()),
        ),
    ];
    for (who, principal, may_schedule, may_read) in cases {
        assert_eq!(schedule(&principal), may_schedule, "{who} schedules");
        assert_eq!(mark_given(&principal), may_schedule, "{who} marks given");
        assert_eq!(read_month(&principal), may_read, "{who} reads the month");
    }
}

#[test]
fn hours_are_logged_by_the_ambassador_and_decided_by_the_schools_coordinator_or_director() {
    let (school, other_school) = (org(OrganisationKind::School), org(OrganisationKind::School));
    let programme = org(OrganisationKind::Programme);
    let ambassador = user(Role::Ambassador, &programme);
    let owner = Some(user_id(&ambassador));
    let decide_entry = |who: &Principal| {
        decide(
            who,
            Action::DecideHours {
                school: school.id,
                owner,
            },
        )
    };
    let read_entry = |who: &Principal| {
        decide(
            who,
            Action::ReadHours {
                school: school.id,
                owner,
            },
        )
    };
    // Who, whether they may decide on the entry, whether they may read it.
    let cases = [
        (
            "ambassador",
            ambassador.clone(),
            Err(Denial::Forbidden),
            Ok(()),
        ),
        (
            "coordinator",
            user(Role::Coordinator, &school),
            Ok(()),
            Ok(()),
        ),
        (
            "director",
            user(Role::SchoolDirector, &school),
            Ok(()),
            Ok(()),
        ),
        (
            "teacher",
            user(Role::Teacher, &school),
            Err(Denial::Forbidden),
            Ok(()),
        ),
        (
            "other director",
            user(Role::SchoolDirector, &other_school),
            Err(Denial::Hidden),
            Err(Denial::Hidden),
        ),
        (
            "other ambassador",
            user(Role::Ambassador, &programme),
            Err(Denial::Hidden),
            Err(Denial::Hidden),
        ),
        (
            "partner",
            client("schools:read placements:read"),
            Err(Denial::Hidden),
            Err(Denial::Hidden),
        ),
        (
            "admin",
            user(Role::ProgrammeAdmin, &programme),
            Ok(()),
            Ok(()),
        ),
    ];
    for (who, principal, may_decide, may_read) in cases {
        assert_eq!(decide_entry(&principal), may_decide, "{who} decides");
        assert_eq!(read_entry(&principal), may_read, "{who} reads");
    }
    let log = |who: &Principal, works_there| decide(who, Action::LogHours { owner, works_there });
    assert_eq!(log(&ambassador, true), Ok(()));
    assert_eq!(log(&ambassador, false), Err(Denial::Forbidden));
    assert_eq!(
        log(&user(Role::Ambassador, &programme), true),
        Err(Denial::Forbidden)
    );
    assert_eq!(
        log(&user(Role::Coordinator, &school), true),
        Err(Denial::Forbidden)
    );
    assert_eq!(
        log(&client("placements:read"), true),
        Err(Denial::Forbidden)
    );
    // A coordinator who is also the ambassador does not approve their own hours.
    let both = Principal::User(UserPrincipal {
        id: user_id(&ambassador),
        grants: vec![
            crate::auth::Grant {
                role: Role::Ambassador,
                organisation_id: programme.id,
                organisation_kind: programme.kind,
            },
            crate::auth::Grant {
                role: Role::Coordinator,
                organisation_id: school.id,
                organisation_kind: school.kind,
            },
        ],
    });
    assert_eq!(decide_entry(&both), Err(Denial::Forbidden));
}

#[test]
fn only_programme_staff_manage_allowances_and_everyone_reads_the_caps() {
    let school = org(OrganisationKind::School);
    let programme = org(OrganisationKind::Programme);
    let employer = org(OrganisationKind::Employer);
    for (who, principal) in [
        ("director", user(Role::SchoolDirector, &school)),
        ("coordinator", user(Role::Coordinator, &school)),
        ("ambassador", user(Role::Ambassador, &programme)),
        ("employer contact", user(Role::EmployerContact, &employer)),
        (
            "partner",
            client("schools:read placements:read lesson-series:read"),
        ),
    ] {
        assert_eq!(
            decide(&principal, Action::ManageAllowances),
            Err(Denial::Forbidden),
            "{who}"
        );
        assert_eq!(
            decide(&principal, Action::ReadAllowanceCaps),
            Ok(()),
            "{who}"
        );
    }
    let admin = user(Role::ProgrammeAdmin, &programme);
    assert_eq!(decide(&admin, Action::ManageAllowances), Ok(()));
}

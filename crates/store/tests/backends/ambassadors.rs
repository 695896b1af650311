//! Ambassadors, matching runs and matches, on SQLite and PostgreSQL.

use chrono::{NaiveDate, NaiveTime};
use domain::ambassador::{DocumentFormat, DocumentKind, Funding, IntakeStatus};
use domain::contract::{AmbassadorInput, MatchQuery, PlacementInput, VogInput};
use domain::match_lifecycle::MatchStatus;
use domain::vog::VogOutcome;
use domain::{
    Commitment, OrganisationKind, PlacementKind, PlacementStatus, Region, Role, SchoolType,
    SchoolYear, StartMoment, Weekday,
};
use klasbrug_store::{
    Actor, Document, MatchUpdate, NewMatch, NewOrganisation, NewUser, Store, StoreError,
};
use testkit::on_both_backends;
use uuid::Uuid;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn profile(name: &str) -> AmbassadorInput {
    AmbassadorInput {
        name: name.into(),
        email: format!(
            "{}@voorbeeld.example",
            name.to_lowercase().replace(' ', ".")
        ),
        phone: None,
        employer_id: None,
        expertise: vec!["techniek".into()],
        themes: vec!["duurzaamheid".into()],
        school_type: Some(SchoolType::Po),
        home_municipality: Some("Zwolle".into()),
        municipalities: vec![],
        weekdays: vec![Weekday::Tuesday],
        commitment: Commitment::HalfYear,
        available_from_year: SchoolYear::parse("2026-2027").unwrap(),
        available_from_moment: StartMoment::September,
        minutes_per_day: 480,
        funding: Funding::Volunteer,
        sponsored_minutes_per_week: 0,
        volunteer_minutes_per_week: 0,
        preferred_school_ids: vec![],
    }
}

struct World {
    store: Store,
    school: Uuid,
    admin: Uuid,
    placement: Uuid,
}

impl World {
    fn actor(&self) -> Actor<'static> {
        Actor {
            id: self.admin,
            name: "Beheerder",
        }
    }
}

async fn world(url: &str) -> World {
    let store = Store::connect_and_migrate(url).await.unwrap();
    let school = store
        .create_organisation(&NewOrganisation {
            kind: OrganisationKind::School,
            name: "School A".into(),
            parent_id: None,
            school_type: Some(SchoolType::Po),
            region: Some(Region::Noord),
            municipality: Some("Zwolle".into()),
        })
        .await
        .unwrap()
        .id;
    let admin = store
        .create_user(&NewUser {
            email: domain::EmailAddress::parse("beheer@voorbeeld.example").unwrap(),
            name: "Beheerder".into(),
            password_hash: "x".into(),
        })
        .await
        .unwrap()
        .id;
    let placement = store
        .create_placement(
            school,
            &PlacementInput {
                school_id: None,
                school_year: SchoolYear::parse("2026-2027").unwrap(),
                start_moment: StartMoment::February,
                commitment: Commitment::HalfYear,
                weekday: Weekday::Tuesday,
                starts_at: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
                ends_at: NaiveTime::from_hms_opt(15, 30, 0).unwrap(),
                kind: PlacementKind::Class,
                group: Some("groep 6".into()),
                teacher: None,
                task: None,
                theme: None,
                expertise: vec!["Techniek".into()],
                note: None,
                capacity: 1,
            },
        )
        .await
        .unwrap()
        .id;
    store
        .set_placement_status(
            placement,
            PlacementStatus::Draft,
            PlacementStatus::Open,
            None,
        )
        .await
        .unwrap();
    World {
        store,
        school,
        admin,
        placement,
    }
}

/// Registers an ambassador and walks them through the intake to `available`.
async fn available(w: &World, name: &str) -> Uuid {
    let s = &w.store;
    let id = s
        .create_ambassador(&profile(name), None, Some(w.actor()), day(2026, 11, 1))
        .await
        .unwrap()
        .id;
    let steps = [
        (IntakeStatus::Registered, IntakeStatus::IntakePlanned, false),
        (IntakeStatus::IntakePlanned, IntakeStatus::IntakeDone, true),
        (IntakeStatus::IntakeDone, IntakeStatus::VogRequested, false),
        (IntakeStatus::VogRequested, IntakeStatus::Available, false),
    ];
    for (from, to, decided) in steps {
        s.record_intake_step(
            id,
            from,
            to,
            day(2026, 11, 2),
            Some(w.actor()),
            None,
            decided,
        )
        .await
        .unwrap();
    }
    id
}

on_both_backends! {
    async fn an_ambassador_round_trips_and_every_intake_step_is_recorded(db) {
        let w = world(&db.url).await;
        let id = available(&w, "Noor Test").await;
        let a = w.store.get_ambassador(id).await.unwrap();
        assert_eq!(a.profile, profile("Noor Test"));
        assert_eq!(a.status, IntakeStatus::Available);
        assert_eq!(a.intake_decided_on, Some(day(2026, 11, 2)));
        let steps = w.store.list_intake_steps(id).await.unwrap();
        let statuses: Vec<_> = steps.iter().map(|s| s.status).collect();
        assert_eq!(statuses, [
            IntakeStatus::Registered, IntakeStatus::IntakePlanned, IntakeStatus::IntakeDone,
            IntakeStatus::VogRequested, IntakeStatus::Available,
        ]);
        assert_eq!(steps[1].by_name.as_deref(), Some("Beheerder"));

        // A step from a status the ambassador no longer has is a conflict, and changes nothing.
        let stale = w.store.record_intake_step(
            id, IntakeStatus::Registered, IntakeStatus::IntakePlanned, day(2026, 11, 3), None, None, false,
        ).await;
        assert!(matches!(stale, Err(StoreError::Conflict(_))));
        assert_eq!(w.store.list_intake_steps(id).await.unwrap().len(), 5);
    }

    async fn the_latest_vog_decides_validity_in_the_list(db) {
        let w = world(&db.url).await;
        let id = available(&w, "Sam Test").await;
        let seen = |issued_on, outcome| VogInput { issued_on, seen_on: issued_on, outcome };
        w.store.record_vog(id, &seen(day(2026, 1, 10), VogOutcome::Issued), w.actor()).await.unwrap();
        w.store.record_vog(id, &seen(day(2026, 3, 1), VogOutcome::Issued), w.actor()).await.unwrap();
        let list = w.store.list_ambassadors(None, day(2026, 6, 1), None, 50).await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].vog.issued_on, Some(day(2026, 3, 1)));
        assert!(list[0].vog.po && list[0].vog.vo);
        let later = w.store.list_ambassadors(None, day(2026, 9, 1), None, 50).await.unwrap();
        assert!(later[0].vog.po && !later[0].vog.vo, "26 weeks have passed, 6 months have not");
        let none = w.store.list_ambassadors(Some(IntakeStatus::Registered), day(2026, 11, 22), None, 50).await.unwrap();
        assert!(none.is_empty());
    }

    async fn documents_are_kept_until_the_purge_after_the_decision(db) {
        let w = world(&db.url).await;
        let decided = available(&w, "Lot Test").await;
        let undecided = w.store.create_ambassador(&profile("Jip Test"), None, None, day(2026, 11, 1)).await.unwrap().id;
        let pdf = Document { kind: DocumentKind::Cv, format: DocumentFormat::Pdf, content: b"%PDF-1.7 cv".to_vec() };
        for id in [decided, undecided] {
            let info = w.store.put_document(id, &pdf).await.unwrap();
            assert_eq!(info.size, 11);
        }
        assert_eq!(w.store.get_document(decided, DocumentKind::Cv).await.unwrap(), pdf);
        // Decided on 2 November: a purge up to 1 November leaves it, up to 2 November takes it.
        assert_eq!(w.store.purge_documents(day(2026, 11, 1)).await.unwrap(), 0);
        assert_eq!(w.store.purge_documents(day(2026, 11, 2)).await.unwrap(), 1);
        assert!(matches!(w.store.get_document(decided, DocumentKind::Cv).await, Err(StoreError::NotFound)));
        assert_eq!(w.store.list_documents(undecided).await.unwrap().len(), 1);
    }

    async fn a_match_moves_the_ambassador_and_the_placement_along(db) {
        let w = world(&db.url).await;
        let a = available(&w, "Kim Test").await;
        let b = available(&w, "Bo Test").await;
        let input = w.store.matching_input(SchoolYear::parse("2026-2027").unwrap(), StartMoment::February).await.unwrap();
        assert_eq!(input.candidates.len(), 2);
        assert_eq!(input.spots.len(), 1);
        assert_eq!(input.spots[0].minutes, 420);
        assert_eq!(input.spots[0].wanted, vec!["Techniek".to_owned()]);

        let new = |ambassador_id| NewMatch {
            placement_id: w.placement, ambassador_id, run_id: None, score: 20,
            breakdown: vec![], reasons: vec!["beschikbaar op dinsdag".into()],
        };
        let m = w.store.create_match(&new(a), w.actor(), day(2026, 11, 22)).await.unwrap();
        assert_eq!(m.status, MatchStatus::Proposed);
        assert_eq!(m.placement.school_id, w.school);
        assert_eq!(w.store.get_ambassador(a).await.unwrap().status, IntakeStatus::Matched);
        assert_eq!(w.store.get_placement(w.placement).await.unwrap().status, PlacementStatus::Proposed);

        // The placement has no room left, and a matched ambassador is not in the pool.
        assert!(matches!(w.store.create_match(&new(b), w.actor(), day(2026, 11, 22)).await, Err(StoreError::Conflict(_))));
        let again = NewMatch { placement_id: w.placement, ..new(a) };
        assert!(matches!(w.store.create_match(&again, w.actor(), day(2026, 11, 22)).await, Err(StoreError::Conflict(_))));

        let declined = MatchUpdate {
            status: MatchStatus::Declined, meeting: None, school_confirmed_at: None,
            ambassador_confirmed_at: None, starts_on: None, declined_by: Some(domain::match_lifecycle::Side::School),
            ended_on: None, reason: Some("geen klik".into()),
        };
        let after = w.store.update_match(&m, &declined, w.actor(), day(2026, 11, 23)).await.unwrap();
        assert_eq!(after.status, MatchStatus::Declined);
        assert_eq!(after.reason.as_deref(), Some("geen klik"));
        assert_eq!(w.store.get_ambassador(a).await.unwrap().status, IntakeStatus::Available);
        assert_eq!(w.store.get_placement(w.placement).await.unwrap().status, PlacementStatus::Open);
        // A stale copy of the match cannot be written over the decline.
        assert!(matches!(w.store.update_match(&m, &declined, w.actor(), day(2026, 11, 23)).await, Err(StoreError::Conflict(_))));

        let mine = w.store.list_matches(&MatchQuery { ambassador_id: Some(a), ..Default::default() }, None, None, None, 50).await.unwrap();
        assert_eq!(mine.len(), 1);
        let other_school = w.store.list_matches(&MatchQuery { school_id: Some(Uuid::now_v7()), ..Default::default() }, None, None, None, 50).await.unwrap();
        assert!(other_school.is_empty());
    }

    async fn erasure_removes_personal_data_and_keeps_the_anonymous_history(db) {
        let w = world(&db.url).await;
        let user = w.store.create_user(&NewUser {
            email: domain::EmailAddress::parse("kim@voorbeeld.example").unwrap(),
            name: "Kim Test".into(), password_hash: "x".into(),
        }).await.unwrap().id;
        let programme = w.store.create_organisation(&NewOrganisation {
            kind: OrganisationKind::Programme, name: "Programma".into(), parent_id: None,
            school_type: None, region: None, municipality: None,
        }).await.unwrap().id;
        w.store.add_membership(user, programme, Role::Ambassador).await.unwrap();
        let id = w.store.create_ambassador(&profile("Kim Test"), Some(user), None, day(2026, 11, 1)).await.unwrap().id;
        assert_eq!(w.store.ambassador_of_user(user).await.unwrap().id, id);
        w.store.put_document(id, &Document { kind: DocumentKind::MotivationLetter, format: DocumentFormat::Pdf, content: b"%PDF-x".to_vec() }).await.unwrap();
        w.store.record_vog(id, &VogInput { issued_on: day(2026, 9, 1), seen_on: day(2026, 9, 2), outcome: VogOutcome::Issued }, w.actor()).await.unwrap();

        let anonymous = AmbassadorInput { name: "Verwijderd".into(), email: String::new(), expertise: vec![], themes: vec![], ..profile("x") };
        w.store.erase_ambassador(id, &anonymous).await.unwrap();
        assert!(matches!(w.store.get_ambassador(id).await, Err(StoreError::NotFound)));
        assert!(w.store.list_vogs(id).await.unwrap().is_empty());
        assert!(w.store.list_documents(id).await.unwrap().is_empty());
        assert!(w.store.memberships_of(user).await.unwrap().is_empty());
        let account = w.store.get_user(user).await.unwrap();
        assert_eq!(account.name, "Verwijderd");
        assert!(!account.email.as_str().contains("kim"));
        assert_eq!(w.store.ambassador_summaries(&[id]).await.unwrap()[0].name, "Verwijderd");
        // Erasing twice finds nobody.
        assert!(matches!(w.store.erase_ambassador(id, &anonymous).await, Err(StoreError::NotFound)));
    }
}

mod frameworks {
    use super::*;
    use domain::contract::ObjectiveQuery;

    on_both_backends! {
        async fn the_2006_kerndoelen_in_the_database_are_the_domains_own(db) {
            let store = Store::connect_and_migrate(&db.url).await.unwrap();
            let frameworks = store.list_frameworks().await.unwrap();
            assert_eq!(frameworks.len(), 1);
            assert_eq!(frameworks[0].objectives, 58);
            let expected = domain::kerndoelen::kerndoelen_2006();
            let (framework, rows) = expected.rows();
            assert_eq!(frameworks[0].code, framework.code);
            assert_eq!(frameworks[0].valid_from, framework.valid_from);
            assert_eq!(frameworks[0].valid_until, framework.valid_until);
            let stored = store.list_objectives(framework.code, &ObjectiveQuery::default()).await.unwrap();
            assert_eq!(stored.len(), rows.len());
            for (got, want) in stored.iter().zip(&rows) {
                assert_eq!(got.number, want.number as u32);
                assert_eq!(got.domain, want.domain);
                assert_eq!(got.sub_domain.as_deref(), want.sub_domain);
                assert_eq!(got.title, want.title);
                assert_eq!(got.only_in_province.as_deref(), want.only_in_province);
            }
            let nature = ObjectiveQuery { sub_domain: Some("natuur_en_techniek".into()), ..Default::default() };
            let numbers: Vec<u32> = store.list_objectives(framework.code, &nature).await.unwrap().iter().map(|o| o.number).collect();
            assert_eq!(numbers, (40..=46).collect::<Vec<_>>());
        }
    }
}

mod holidays {
    use super::*;
    use domain::contract::HolidayItem;

    on_both_backends! {
        async fn the_holidays_in_the_database_are_the_domains_own_and_admins_can_add(db) {
            let store = Store::connect_and_migrate(&db.url).await.unwrap();
            let stored = store.list_holidays(None).await.unwrap();
            let mut expected: Vec<HolidayItem> = domain::holidays::standard_holidays()
                .into_iter()
                .map(|h| HolidayItem { region: h.region, name: h.name, first_day: h.first_day, last_day: h.last_day, binding: h.binding })
                .collect();
            expected.sort_by(|a, b| (a.region.as_str(), a.first_day, &a.name).cmp(&(b.region.as_str(), b.first_day, &b.name)));
            assert_eq!(stored, expected);
            let autumn = HolidayItem {
                region: Region::Noord, name: "herfstvakantie 2027".into(),
                first_day: day(2027, 10, 16), last_day: day(2027, 10, 24), binding: false,
            };
            store.add_holiday(&autumn).await.unwrap();
            assert!(matches!(store.add_holiday(&autumn).await, Err(StoreError::Conflict(_))));
            let noord = store.list_holidays(Some(Region::Noord)).await.unwrap();
            assert_eq!(noord.len(), 11);
            assert_eq!(noord.last(), Some(&autumn));
        }
    }
}

mod hours_policies {
    use super::*;
    use domain::hours_policy::HoursPolicy;

    on_both_backends! {
        async fn the_g5_policy_in_the_database_is_the_domains_own_and_new_ones_can_be_added(db) {
            let store = Store::connect_and_migrate(&db.url).await.unwrap();
            assert_eq!(store.list_hours_policies().await.unwrap(), vec![HoursPolicy::g5_experiment()]);
            let new = HoursPolicy {
                name: "G5-regeling 2026".into(),
                valid_from: day(2026, 8, 1),
                valid_until: None,
                ..HoursPolicy::g5_experiment()
            };
            store.add_hours_policy(&new).await.unwrap();
            assert!(matches!(store.add_hours_policy(&new).await, Err(StoreError::Conflict(_))));
            assert_eq!(store.list_hours_policies().await.unwrap()[1], new);
        }
    }
}

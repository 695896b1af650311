//! Placements and school capacity, on SQLite and PostgreSQL.

use chrono::NaiveTime;
use domain::contract::{PlacementInput, PlacementQuery, SchoolCapacityInput, Teacher};
use domain::{
    Commitment, OrganisationKind, PlacementKind, PlacementStatus, Region, Role, SchoolType,
    SchoolYear, StartMoment, Weekday,
};
use klasbrug_store::{NewOrganisation, NewUser, Store, StoreError};
use testkit::on_both_backends;

async fn setup(url: &str) -> (Store, uuid::Uuid, uuid::Uuid) {
    let store = Store::connect_and_migrate(url).await.unwrap();
    let school = |name: &str, region| NewOrganisation {
        kind: OrganisationKind::School,
        name: name.to_owned(),
        parent_id: None,
        school_type: Some(SchoolType::Po),
        region: Some(region),
        municipality: Some("Zwolle".to_owned()),
    };
    let a = store
        .create_organisation(&school("School A", Region::Noord))
        .await
        .unwrap()
        .id;
    let b = store
        .create_organisation(&school("School B", Region::Zuid))
        .await
        .unwrap()
        .id;
    (store, a, b)
}

fn person(email: &str, name: &str) -> NewUser {
    NewUser {
        email: domain::EmailAddress::parse(email).unwrap(),
        name: name.into(),
        password_hash: "x".into(),
    }
}

fn input(weekday: Weekday, expertise: &[&str]) -> PlacementInput {
    PlacementInput {
        school_id: None,
        school_year: SchoolYear::parse("2026-2027").unwrap(),
        start_moment: StartMoment::February,
        commitment: Commitment::HalfYear,
        weekday,
        starts_at: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
        ends_at: NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
        kind: PlacementKind::Class,
        group: Some("groep 6".into()),
        teacher: Some("Meester Test".into()),
        task: None,
        theme: None,
        expertise: expertise.iter().map(|e| e.to_string()).collect(),
        note: Some("Welkom!".into()),
        capacity: 1,
    }
}

on_both_backends! {
    async fn a_placement_round_trips_with_its_school(db) {
        let (store, school, _) = setup(&db.url).await;
        let created = store.create_placement(school, &input(Weekday::Tuesday, &["techniek", "muziek"])).await.unwrap();
        assert_eq!(created.status, PlacementStatus::Draft);
        assert_eq!(created.school_name, "School A");
        assert_eq!(created.region, Region::Noord);
        assert_eq!(created.minutes, 390);
        assert_eq!(created.expertise, vec!["techniek".to_owned(), "muziek".to_owned()]);
        assert_eq!(created.period.starts_on.to_string(), "2027-02-01");
        assert_eq!(store.get_placement(created.id).await.unwrap(), created);
    }

    async fn status_changes_only_from_the_status_the_caller_saw(db) {
        let (store, school, _) = setup(&db.url).await;
        let placement = store.create_placement(school, &input(Weekday::Monday, &[])).await.unwrap();
        let open = store.set_placement_status(placement.id, PlacementStatus::Draft, PlacementStatus::Open, None).await.unwrap();
        assert_eq!(open.status, PlacementStatus::Open);
        let stale = store.set_placement_status(placement.id, PlacementStatus::Draft, PlacementStatus::Closed, Some("x")).await;
        assert!(matches!(stale, Err(StoreError::Conflict(_))));
        let closed = store.set_placement_status(placement.id, PlacementStatus::Open, PlacementStatus::Closed, Some("Geen leerkracht")).await.unwrap();
        assert_eq!(closed.status_reason.as_deref(), Some("Geen leerkracht"));
        let stale_edit = store.update_placement(placement.id, PlacementStatus::Open, &input(Weekday::Friday, &[])).await;
        assert!(matches!(stale_edit, Err(StoreError::Conflict(_))));
        let edited = store.update_placement(placement.id, PlacementStatus::Closed, &input(Weekday::Friday, &[])).await.unwrap();
        assert_eq!(edited.weekday, Weekday::Friday);
        assert!(edited.updated_at >= edited.created_at);
    }

    async fn filters_narrow_the_list_and_pages_have_no_gaps(db) {
        let (store, a, b) = setup(&db.url).await;
        let mut tuesday_at_a = Vec::new();
        for i in 0..5 {
            tuesday_at_a.push(store.create_placement(a, &input(Weekday::Tuesday, &[&format!("Techniek {i}")])).await.unwrap().id);
            store.create_placement(b, &input(Weekday::Tuesday, &["sport"])).await.unwrap();
            store.create_placement(a, &input(Weekday::Friday, &["100%_zeker"])).await.unwrap();
        }
        let filter = PlacementQuery { weekday: Some(Weekday::Tuesday), region: Some(Region::Noord), ..Default::default() };
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = store.list_placements(&filter, None, after, 2).await.unwrap();
            let Some(last) = page.last() else { break };
            after = Some(last.id);
            seen.extend(page.iter().map(|p| p.id));
        }
        assert_eq!(seen, tuesday_at_a);

        let search = |text: &str| PlacementQuery { expertise: Some(text.to_owned()), ..Default::default() };
        assert_eq!(store.list_placements(&search("TECHNIEK"), None, None, 50).await.unwrap().len(), 5);
        assert_eq!(store.list_placements(&search("0%_z"), None, None, 50).await.unwrap().len(), 5);
        assert_eq!(store.list_placements(&search("%"), None, None, 50).await.unwrap().len(), 5, "% is literal");
        let by_school = PlacementQuery { school_id: Some(b), ..Default::default() };
        assert_eq!(store.list_placements(&by_school, None, None, 50).await.unwrap().len(), 5);
        let by_municipality = PlacementQuery { municipality: Some("zwolle".into()), status: Some(PlacementStatus::Draft), ..Default::default() };
        assert_eq!(store.list_placements(&by_municipality, None, None, 50).await.unwrap().len(), 15);
        let other_year = PlacementQuery { school_year: Some(SchoolYear::parse("2027-2028").unwrap()), ..Default::default() };
        assert!(store.list_placements(&other_year, None, None, 50).await.unwrap().is_empty());
    }

    async fn the_member_filter_limits_placements_to_the_users_schools(db) {
        let (store, a, b) = setup(&db.url).await;
        store.create_placement(a, &input(Weekday::Monday, &[])).await.unwrap();
        store.create_placement(b, &input(Weekday::Monday, &[])).await.unwrap();
        let user = store.create_user(&person("d@a.example", "D")).await.unwrap();
        store.add_membership(user.id, a, Role::SchoolDirector).await.unwrap();
        let mine = store.list_placements(&PlacementQuery::default(), Some(user.id), None, 50).await.unwrap();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].school_id, a);
    }

    async fn the_list_version_rises_with_each_change_the_list_shows_and_only_then(db) {
        let (store, a, _) = setup(&db.url).await;
        let mut last = store.placements_list_version().await.unwrap();
        let mut rose = async |what: &str| {
            let now = store.placements_list_version().await.unwrap();
            assert!(now > last, "{what} raises the version ({last} -> {now})");
            last = now;
        };
        let placement = store.create_placement(a, &input(Weekday::Monday, &[])).await.unwrap();
        rose("a new placement").await;
        store.set_placement_status(placement.id, PlacementStatus::Draft, PlacementStatus::Open, None).await.unwrap();
        rose("a placement's status").await;
        store.update_placement(placement.id, PlacementStatus::Open, &input(Weekday::Friday, &["muziek"])).await.unwrap();
        rose("an edited placement").await;
        let user = store.create_user(&person("d@a.example", "D")).await.unwrap();
        store.add_membership(user.id, a, Role::SchoolDirector).await.unwrap();
        rose("a director's new school").await;
        store.create_organisation(&NewOrganisation {
            kind: OrganisationKind::School,
            name: "School C".into(),
            parent_id: None,
            school_type: Some(SchoolType::Vo),
            region: Some(Region::Midden),
            municipality: Some("Utrecht".into()),
        }).await.unwrap();
        rose("a new school").await;

        // What changes nothing the list shows leaves it: a write refused as stale, a membership
        // that was already there, a person without one.
        let stale = store.set_placement_status(placement.id, PlacementStatus::Draft, PlacementStatus::Closed, None).await;
        assert!(matches!(stale, Err(StoreError::Conflict(_))));
        store.add_membership(user.id, a, Role::SchoolDirector).await.unwrap();
        store.create_user(&person("e@a.example", "E")).await.unwrap();
        assert_eq!(store.placements_list_version().await.unwrap(), last);
    }

    async fn placements_are_counted_by_status_per_school_year(db) {
        let (store, a, _) = setup(&db.url).await;
        for _ in 0..3 {
            store.create_placement(a, &input(Weekday::Monday, &[])).await.unwrap();
        }
        let p = store.create_placement(a, &input(Weekday::Monday, &[])).await.unwrap();
        store.set_placement_status(p.id, PlacementStatus::Draft, PlacementStatus::Open, None).await.unwrap();
        let counts = store.count_placements(a, SchoolYear::parse("2026-2027").unwrap()).await.unwrap();
        assert_eq!((counts.draft, counts.open, counts.filled), (3, 1, 0));
        let none = store.count_placements(a, SchoolYear::parse("2027-2028").unwrap()).await.unwrap();
        assert_eq!(none.draft, 0);
    }

    async fn school_capacity_is_recorded_and_replaced(db) {
        let (store, a, _) = setup(&db.url).await;
        let year = SchoolYear::parse("2026-2027").unwrap();
        assert!(store.get_school_capacity(a, year).await.unwrap().is_none());
        let mut capacity = SchoolCapacityInput {
            groups: 8,
            groups_with_intern: 2,
            groups_with_starting_teacher: 1,
            teachers: vec![Teacher { name: "Juf A".into(), groups: vec!["groep 3".into()], weekdays: vec![Weekday::Monday], opted_in: true }],
            offered: None,
        };
        store.put_school_capacity(a, year, &capacity).await.unwrap();
        capacity.offered = Some(4);
        store.put_school_capacity(a, year, &capacity).await.unwrap();
        let (read, _) = store.get_school_capacity(a, year).await.unwrap().unwrap();
        assert_eq!(read, capacity);
        assert!(store.get_school_capacity(a, year.next()).await.unwrap().is_none());
    }
}

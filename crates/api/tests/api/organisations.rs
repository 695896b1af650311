//! Each role, allowed and denied, across tenants.

use domain::contract::{Me, Member, Organisation, Page};
use domain::{OrganisationKind, Role};
use reqwest::StatusCode;
use testkit::on_both_backends;

use crate::helpers::*;

async fn school_of(app: &TestApp, email: &str) -> (String, Organisation) {
    let token = app.login_as(email).await;
    let me: Me = app.get_json("/api/v1/me", &token).await;
    (token, me.memberships[0].organisation.clone())
}

on_both_backends! {
    async fn a_director_sees_their_own_school_and_its_people_but_not_another_school(db) {
        let app = spawn_app(&db).await;
        let (token, mine) = school_of(&app, DIRECTOR).await;
        let (_, other) = school_of(&app, OTHER_DIRECTOR).await;

        let page: Page<Organisation> = app.get_json("/api/v1/organisations", &token).await;
        assert_eq!(page.items, vec![mine.clone()]);
        let read: Organisation = app.get_json(&format!("/api/v1/organisations/{}", mine.id), &token).await;
        assert_eq!(read, mine);
        let members: Page<Member> = app.get_json(&format!("/api/v1/organisations/{}/members", mine.id), &token).await;
        let mut roles: Vec<(String, Role)> = members.items.into_iter().map(|m| (m.email, m.role)).collect();
        roles.sort();
        assert_eq!(roles, vec![(DIRECTOR.to_owned(), Role::SchoolDirector), (COORDINATOR.to_owned(), Role::Coordinator)]);

        // Another school is not there at all, for reading or for its staff list.
        for path in [format!("/api/v1/organisations/{}", other.id), format!("/api/v1/organisations/{}/members", other.id)] {
            assert_problem(app.get(&path, &token).await, StatusCode::NOT_FOUND, "not_found").await;
        }
        assert_problem(app.get("/api/v1/audit-events", &token).await, StatusCode::FORBIDDEN, "forbidden").await;
    }

    async fn a_coordinator_reads_their_school_but_may_not_list_its_staff(db) {
        let app = spawn_app(&db).await;
        let (token, school) = school_of(&app, COORDINATOR).await;
        let read = app.get(&format!("/api/v1/organisations/{}", school.id), &token).await;
        assert_eq!(read.status(), StatusCode::OK);
        let members = app.get(&format!("/api/v1/organisations/{}/members", school.id), &token).await;
        assert_problem(members, StatusCode::FORBIDDEN, "forbidden").await;
    }

    async fn an_employer_contact_sees_their_employer_and_not_another(db) {
        let app = spawn_app(&db).await;
        let (token, employer) = school_of(&app, EMPLOYER_CONTACT).await;
        assert_eq!(employer.kind, OrganisationKind::Employer);
        let members: Page<Member> = app.get_json(&format!("/api/v1/organisations/{}/members", employer.id), &token).await;
        assert_eq!(members.items.len(), 1);
        let (_, other) = school_of(&app, "hr@lindehof.example").await;
        let response = app.get(&format!("/api/v1/organisations/{}/members", other.id), &token).await;
        assert_problem(response, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn an_ambassador_sees_only_the_programme_and_no_school(db) {
        let app = spawn_app(&db).await;
        let token = app.login_as(AMBASSADOR).await;
        let page: Page<Organisation> = app.get_json("/api/v1/organisations", &token).await;
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.items[0].kind, OrganisationKind::Programme);
        let (_, school) = school_of(&app, DIRECTOR).await;
        let response = app.get(&format!("/api/v1/organisations/{}", school.id), &token).await;
        assert_problem(response, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn a_programme_admin_pages_through_every_organisation_without_gaps_or_duplicates(db) {
        let app = spawn_app(&db).await;
        let token = app.login_as(ADMIN).await;
        let all: Page<Organisation> = app.get_json("/api/v1/organisations?limit=200", &token).await;
        // The programme, a board, three schools, three employers, a partner and a research
        // partner (a lectorate).
        assert_eq!(all.items.len(), 10);
        assert!(all.next.is_none());

        let mut seen = Vec::new();
        let mut path = "/api/v1/organisations?limit=3".to_owned();
        loop {
            let page: Page<Organisation> = app.get_json(&path, &token).await;
            assert!(page.items.len() <= 3);
            seen.extend(page.items);
            match page.next {
                Some(next) => path = format!("/api/v1/organisations?limit=3&after={next}"),
                None => break,
            }
        }
        assert_eq!(seen, all.items);

        let schools: Page<Organisation> = app.get_json("/api/v1/organisations?kind=school", &token).await;
        assert_eq!(schools.items.len(), 3);
        let (_, school) = school_of(&app, OTHER_DIRECTOR).await;
        let members: Page<Member> = app.get_json(&format!("/api/v1/organisations/{}/members?limit=1", school.id), &token).await;
        assert_eq!(members.items.len(), 1);
        let next = members.next.expect("a second page");
        let rest: Page<Member> = app.get_json(&format!("/api/v1/organisations/{}/members?limit=1&after={next}", school.id), &token).await;
        assert_eq!(rest.items.len(), 1);
        assert_ne!(rest.items[0], members.items[0]);
    }
}

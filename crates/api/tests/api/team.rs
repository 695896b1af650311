//! A school's team: the director invites a teacher by e-mail, the teacher accepts (once, even
//! when the link is followed twice at once) and answers whether they want an ambassador, which
//! the school's capacity then counts; their class shows the ambassador's lessons for their
//! group; the director removes someone who left. Who may not, across schools and roles.

use domain::Role;
use domain::contract::{
    AcceptedTeamInvitation, Me, MyClasses, SchoolCapacity, TeacherOptIn, TeamInvitation,
    TeamInvitationPreview,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::mail::{mails_to, token_of};
use testkit::on_both_backends;
use uuid::Uuid;

use crate::helpers::*;

const MAIL_LOG: (&str, &str) = ("RUST_LOG", "warn,klasbrug::mail=info");
const EVA: (&str, &str) = ("Eva de Wit", "eva.dewit@zeester.example");
const PASSWORD_EVA: &str = "krijtjes-en-bordwissers-7";

async fn school_id(app: &TestApp, director: &str) -> Uuid {
    let me: Me = app.get_json("/api/v1/me", director).await;
    me.memberships[0].organisation.id
}

impl TestApp {
    async fn accept_team(
        &self,
        token: &str,
        password: Option<&str>,
        bearer: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url("/api/v1/team-invitations/accept"))
            .json(&json!({"token": token, "password": password}));
        if let Some(bearer) = bearer {
            request = request.bearer_auth(bearer);
        }
        request.send().await.expect("a request")
    }

    /// The token of the `nth` (1-based) team invitation mailed to `email`.
    async fn team_token(&self, email: &str, nth: usize) -> String {
        let mail = self
            .server
            .wait_for_log(|log| mails_to(log, email).into_iter().nth(nth - 1))
            .await;
        let at = mail.find("/team-uitnodiging?token=").expect("a link");
        let link: String = mail[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "/?=&-_".contains(*c))
            .collect();
        token_of(&link).to_owned()
    }
}

on_both_backends! {
    async fn a_teacher_joins_by_invitation_opts_in_and_the_capacity_counts_it(db) {
        let app = spawn_app_with(&db, &[MAIL_LOG]).await;
        let director = app.login_as(DIRECTOR).await;
        let school = school_id(&app, &director).await;

        let before: SchoolCapacity = app.get_json(&format!("/api/v1/schools/{school}/capacity/2026-2027"), &director).await;
        let invitation: TeamInvitation = app.post_ok(&format!("/api/v1/schools/{school}/invitations"), &director,
            &json!({"name": EVA.0, "email": EVA.1, "role": "teacher"}), StatusCode::CREATED).await;
        assert_eq!(invitation.status.as_str(), "pending");
        let listed: Vec<TeamInvitation> = app.get_json(&format!("/api/v1/schools/{school}/invitations"), &director).await;
        assert_eq!(listed[0].id, invitation.id);
        let token = app.team_token(EVA.1, 1).await;
        let preview: TeamInvitationPreview = app.client.get(app.url(&format!("/api/v1/team-invitations/{token}")))
            .send().await.unwrap().json().await.unwrap();
        assert_eq!((preview.school_name.as_str(), preview.role, preview.account_exists), ("Basisschool De Zeester", Role::Teacher, false));

        // A password is needed and must be strong; then two acceptances at once make one account.
        assert_problem(app.accept_team(&token, None, None).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_problem(app.accept_team(&token, Some("kort"), None).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let (a, b) = tokio::join!(app.accept_team(&token, Some(PASSWORD_EVA), None), app.accept_team(&token, Some(PASSWORD_EVA), None));
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::CREATED, StatusCode::GONE]);
        let loser = if a.status() == StatusCode::GONE { a } else { b };
        assert_problem(loser, StatusCode::GONE, "invitation_already_used").await;
        let eva = app.login_as_with(EVA.1, PASSWORD_EVA).await;
        let me: Me = app.get_json("/api/v1/me", &eva).await;
        assert_eq!(me.memberships.len(), 1);
        assert_eq!((me.memberships[0].role, me.memberships[0].organisation.id), (Role::Teacher, school));
        let listed: Vec<TeamInvitation> = app.get_json(&format!("/api/v1/schools/{school}/invitations"), &director).await;
        assert_eq!(listed[0].status.as_str(), "accepted");

        // She opts in for groep 6 on Wednesdays: the capacity counts her.
        let bad = app.call(Method::PUT, &format!("/api/v1/me/opt-ins/{school}/2026-2027"), &eva, Some(&json!({"opted_in": true, "groups": []}))).await;
        assert_eq!(assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await.errors[0].field, "groups");
        let answer = app.call(Method::PUT, &format!("/api/v1/me/opt-ins/{school}/2026-2027"), &eva,
            Some(&json!({"opted_in": true, "groups": ["groep 6"], "weekdays": ["wednesday"]}))).await;
        assert_eq!(answer.status(), StatusCode::OK);
        let answer: TeacherOptIn = answer.json().await.unwrap();
        assert_eq!(answer.teacher_name, EVA.0);
        let after: SchoolCapacity = app.get_json(&format!("/api/v1/schools/{school}/capacity/2026-2027"), &director).await;
        assert_eq!(after.self_reported.len(), 1);
        assert_eq!(after.suggestion.teachers_opted_in, before.suggestion.teachers_opted_in + 1);

        // Her class: Fenna's lessons for groep 6 from today on, and Fenna.
        let classes: MyClasses = app.get_json("/api/v1/me/class", &eva).await;
        assert_eq!(classes.today.to_string(), testkit::TODAY);
        let class = &classes.classes[0];
        assert_eq!(class.school_year.to_string(), "2026-2027");
        assert!(!class.lessons.is_empty() && class.lessons.iter().all(|l| l.group.to_string() == "groep 6"), "{class:?}");
        assert!(class.lessons.iter().all(|l| l.date >= classes.today));
        assert_eq!(class.ambassadors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Fenna Dijkstra"]);

        // She reports a concern about the ambassador in her group; the coordinator reads it.
        let path = format!("/api/v1/matches/{}/concerns", class.ambassadors[0].match_id);
        let reported = app.call(Method::POST, &path, &eva, Some(&json!({"text": "Groep 6 mist de uitleg vooraf."}))).await;
        assert_eq!(reported.status(), StatusCode::CREATED);
        let concerns: Vec<Value> = app.get_json(&path, &app.login_as(COORDINATOR).await).await;
        assert!(concerns.iter().any(|c| c["text"] == "Groep 6 mist de uitleg vooraf."), "{concerns:?}");
        // The lists of concerns: the school's staff and programme staff see it, with the school
        // and the ambassador; another school does not; an ambassador may not list them.
        for who in [COORDINATOR, ADMIN] {
            let listed: Vec<domain::contract::SchoolConcern> = app.get_json("/api/v1/concerns", &app.login_as(who).await).await;
            let found = listed.iter().find(|c| c.concern.text == "Groep 6 mist de uitleg vooraf.").expect("listed");
            assert_eq!((found.school_name.as_str(), found.ambassador_name.as_str()), ("Basisschool De Zeester", "Fenna Dijkstra"));
        }
        let elsewhere: Vec<domain::contract::SchoolConcern> = app.get_json("/api/v1/concerns", &app.login_as(OTHER_DIRECTOR).await).await;
        assert!(elsewhere.iter().all(|c| c.school_id != school), "{elsewhere:?}");
        assert_problem(app.get("/api/v1/concerns", &app.login_as(AMBASSADOR).await).await, StatusCode::FORBIDDEN, "forbidden").await;

        // Saying no later counts as no.
        let _: Value = app.call(Method::PUT, &format!("/api/v1/me/opt-ins/{school}/2026-2027"), &eva,
            Some(&json!({"opted_in": false}))).await.json().await.unwrap();
        let no: SchoolCapacity = app.get_json(&format!("/api/v1/schools/{school}/capacity/2026-2027"), &director).await;
        assert_eq!(no.suggestion.teachers_opted_in, before.suggestion.teachers_opted_in);

        // She leaves: her roles go, her answer no longer counts, and her class is empty.
        let me_director: Me = app.get_json("/api/v1/me", &director).await;
        assert_problem(app.call(Method::DELETE, &format!("/api/v1/schools/{school}/members/{}", me_director.id), &director, None).await, StatusCode::CONFLICT, "conflict").await;
        let removed = app.call(Method::DELETE, &format!("/api/v1/schools/{school}/members/{}", me.id), &director, None).await;
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        assert_problem(app.call(Method::DELETE, &format!("/api/v1/schools/{school}/members/{}", me.id), &director, None).await, StatusCode::NOT_FOUND, "not_found").await;
        let gone: SchoolCapacity = app.get_json(&format!("/api/v1/schools/{school}/capacity/2026-2027"), &director).await;
        assert!(gone.self_reported.is_empty());
        let eva = app.login_as_with(EVA.1, PASSWORD_EVA).await;
        let classes: MyClasses = app.get_json("/api/v1/me/class", &eva).await;
        assert!(classes.classes.is_empty());
    }

    async fn only_the_schools_director_invites_and_an_existing_account_logs_in_to_accept(db) {
        let app = spawn_app_with(&db, &[MAIL_LOG]).await;
        let director = app.login_as(DIRECTOR).await;
        let school = school_id(&app, &director).await;
        let body = json!({"name": "Kees Kompas", "email": OTHER_DIRECTOR, "role": "coordinator"});
        let path = format!("/api/v1/schools/{school}/invitations");

        // Who may not invite or see the invitations: the coordinator (403), another school's
        // director, an ambassador and a partner (404: not theirs to know).
        let coordinator = app.login_as(COORDINATOR).await;
        assert_problem(app.call(Method::POST, &path, &coordinator, Some(&body)).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.get(&path, &coordinator).await, StatusCode::FORBIDDEN, "forbidden").await;
        for who in [OTHER_DIRECTOR, AMBASSADOR, EMPLOYER_CONTACT] {
            let token = app.login_as(who).await;
            assert_problem(app.call(Method::POST, &path, &token, Some(&body)).await, StatusCode::NOT_FOUND, "not_found").await;
            assert_problem(app.get(&path, &token).await, StatusCode::NOT_FOUND, "not_found").await;
        }
        let bad = json!({"name": " ", "email": "geen adres", "role": "school_director"});
        let problem = assert_problem(app.call(Method::POST, &path, &director, Some(&bad)).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let mut fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
        fields.sort();
        assert_eq!(fields, ["email", "name", "role"]);
        let listed: Vec<TeamInvitation> = app.get_json(&path, &director).await;
        assert!(listed.is_empty(), "nothing was sent");

        // A second invitation replaces the first; the first link is spent.
        let _: TeamInvitation = app.post_ok(&path, &director, &body, StatusCode::CREATED).await;
        let _: TeamInvitation = app.post_ok(&path, &director, &body, StatusCode::CREATED).await;
        let first = app.team_token(OTHER_DIRECTOR, 1).await;
        let second = app.team_token(OTHER_DIRECTOR, 2).await;
        assert_problem(app.accept_team(&first, None, None).await, StatusCode::GONE, "invitation_already_used").await;
        let listed: Vec<TeamInvitation> = app.get_json(&path, &director).await;
        assert_eq!(listed.iter().map(|i| i.status.as_str()).collect::<Vec<_>>(), ["pending", "revoked"]);

        // The address has an account: logged out it is told to log in; logged in it joins.
        assert_problem(app.accept_team(&second, Some("wat-dan-ook-123"), None).await, StatusCode::CONFLICT, "account_exists").await;
        let kompas = app.login_as(OTHER_DIRECTOR).await;
        let joined = app.accept_team(&second, None, Some(&kompas)).await;
        assert_eq!(joined.status(), StatusCode::OK);
        let joined: AcceptedTeamInvitation = joined.json().await.unwrap();
        assert_eq!((joined.school_id, joined.account_created), (school, false));
        let me: Me = app.get_json("/api/v1/me", &app.login_as(OTHER_DIRECTOR).await).await;
        assert!(me.memberships.iter().any(|m| m.role == Role::Coordinator && m.organisation.id == school));

        // Only teachers answer the opt-in, and only at their own school.
        let answer = json!({"opted_in": true, "groups": ["groep 3"]});
        assert_problem(app.call(Method::PUT, &format!("/api/v1/me/opt-ins/{school}/2026-2027"), &director, Some(&answer)).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.call(Method::PUT, &format!("/api/v1/me/opt-ins/{school}/2026-2027"), &app.login_as(AMBASSADOR).await, Some(&answer)).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(app.call(Method::PUT, &format!("/api/v1/me/opt-ins/{school}/twintig"), &director, Some(&answer)).await, StatusCode::BAD_REQUEST, "invalid_path").await;
        assert_problem(app.client.get(app.url("/api/v1/team-invitations/geen-token")).send().await.unwrap(), StatusCode::NOT_FOUND, "not_found").await;
    }
}

//! Courses with sessions, a waiting list per session, offers of freed places that lapse, and
//! attendance that completes a course. The clock moves by starting the server again on the same
//! database with a later `KLASBRUG_CLOCK_START`.

use domain::contract::{Course, CourseSession, Enrolment, OutgoingMessage, Page, TrainingRecord};
use domain::training::EnrolmentStatus;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;
use uuid::Uuid;

use crate::helpers::*;

const YARA: &str = "yara@ambassadeur.example";
const MILA: &str = "mila@ambassadeur.example";
const BRAM: &str = "bram@ambassadeur.example";
const DAAN: &str = "daan@ambassadeur.example";
const FENNA: &str = "fenna@ambassadeur.example";

/// The five Mondays of the test course, 09:00–11:30: nobody's school day in the demo.
const MONDAYS: [&str; 5] = [
    "2027-02-01",
    "2027-02-08",
    "2027-02-15",
    "2027-02-22",
    "2027-03-01",
];

fn course_body(title: &str) -> Value {
    json!({
        "kind": "training",
        "title": title,
        "topics": ["Klassenmanagement", "Lesopbouw"],
        "min_attended": 4,
        "offer_hours": 48
    })
}

/// A training of five Monday sessions with two places each.
async fn five_mondays(app: &TestApp, admin: &str) -> Course {
    let course: Course = app
        .post_ok(
            "/api/v1/courses",
            admin,
            &course_body("Training wachtlijst"),
            StatusCode::CREATED,
        )
        .await;
    for date in MONDAYS {
        let _: CourseSession = app
            .post_ok(
                &format!("/api/v1/courses/{}/sessions", course.id),
                admin,
                &json!({"date": date, "starts_at": "09:00", "ends_at": "11:30",
                        "location": "Programmabureau", "capacity": 2, "teacher": "Trainer"}),
                StatusCode::CREATED,
            )
            .await;
    }
    app.get_json(&format!("/api/v1/courses/{}", course.id), admin)
        .await
}

async fn enrol(app: &TestApp, token: &str, session: Uuid) -> Enrolment {
    app.post_ok(
        &format!("/api/v1/course-sessions/{session}/enrolments"),
        token,
        &json!({}),
        StatusCode::CREATED,
    )
    .await
}

async fn mine(app: &TestApp, token: &str, session: Uuid) -> Enrolment {
    let record: TrainingRecord = app.get_json("/api/v1/me/training", token).await;
    record
        .enrolments
        .into_iter()
        .find(|e| e.session_id == session)
        .expect("an enrolment in the session")
}

async fn offers_to(app: &TestApp, admin: &str, email: &str) -> Vec<OutgoingMessage> {
    let page: Page<OutgoingMessage> = app
        .get_json(
            &format!("/api/v1/messages?limit=200&recipient={email}"),
            admin,
        )
        .await;
    page.items
        .into_iter()
        .filter(|m| m.kind == "training.place_offered")
        .collect()
}

on_both_backends! {
    async fn a_full_session_keeps_a_waiting_list_whose_offer_lapses_to_the_next_and_attendance_completes_the_course(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let course = five_mondays(&app, &admin).await;
        assert_eq!(course.sessions.len(), 5);
        let first = course.sessions[0].id;
        let (yara, mila, bram, daan) = (
            app.login_as(YARA).await,
            app.login_as(MILA).await,
            app.login_as(BRAM).await,
            app.login_as(DAAN).await,
        );

        // Two take the places, the third and fourth wait in the order they came.
        assert_eq!(enrol(&app, &yara, first).await.status, EnrolmentStatus::Enrolled);
        assert_eq!(enrol(&app, &mila, first).await.status, EnrolmentStatus::Enrolled);
        let third = enrol(&app, &bram, first).await;
        assert_eq!((third.status, third.position), (EnrolmentStatus::Waiting, Some(1)));
        let fourth = enrol(&app, &daan, first).await;
        assert_eq!((fourth.status, fourth.position), (EnrolmentStatus::Waiting, Some(2)));
        let again = app.call(Method::POST, &format!("/api/v1/course-sessions/{first}/enrolments"), &bram, Some(&json!({}))).await;
        assert_problem(again, StatusCode::CONFLICT, "already_enrolled").await;
        let course: Course = app.get_json(&format!("/api/v1/courses/{}", course.id), &yara).await;
        assert_eq!((course.sessions[0].held, course.sessions[0].waiting), (2, 2));

        // Yara cancels: Bram, first in line, is offered the place for 48 hours and told so.
        let yaras = mine(&app, &yara, first).await;
        let cancelled: Enrolment = app.post_ok(&format!("/api/v1/enrolments/{}/cancel", yaras.id), &yara, &json!({}), StatusCode::OK).await;
        assert_eq!(cancelled.status, EnrolmentStatus::Cancelled);
        let offered = mine(&app, &bram, first).await;
        assert_eq!(offered.status, EnrolmentStatus::Offered);
        let until = offered.offered_until.expect("a deadline");
        let hours = (until - testkit::CLOCK_START.parse::<chrono::DateTime<chrono::Utc>>().unwrap()).num_hours();
        assert_eq!(hours, 48, "{until}");
        let mails = offers_to(&app, &admin, BRAM).await;
        assert_eq!(mails.len(), 1, "{mails:?}");
        assert_eq!(mine(&app, &daan, first).await.position, Some(1));
        // Cancelling twice is refused and offers nothing more.
        let twice = app.call(Method::POST, &format!("/api/v1/enrolments/{}/cancel", yaras.id), &yara, None).await;
        assert_problem(twice, StatusCode::CONFLICT, "invalid_transition").await;
        // Daan cannot take a place that was not offered to him.
        let not_offered = app.call(Method::POST, &format!("/api/v1/enrolments/{}/accept", fourth.id), &daan, None).await;
        assert_problem(not_offered, StatusCode::CONFLICT, "invalid_transition").await;
        // Staff see the list: places first, then the line, then who left.
        let list: Vec<Enrolment> = app.get_json(&format!("/api/v1/course-sessions/{first}/enrolments"), &admin).await;
        let order: Vec<(&str, EnrolmentStatus)> = list.iter().map(|e| (e.ambassador_name.as_str(), e.status)).collect();
        assert_eq!(order, [
            ("Mila de Boer", EnrolmentStatus::Enrolled),
            ("Bram Hoekstra", EnrolmentStatus::Offered),
            ("Daan Vermeulen", EnrolmentStatus::Waiting),
            ("Yara Koç", EnrolmentStatus::Cancelled),
        ]);
        drop(app);

        // Two days and an hour later Bram has not answered: the place passes to Daan.
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", "2026-12-05T10:00:00Z")]).await;
        let (admin, bram, daan) = (app.login_as(ADMIN).await, app.login_as(BRAM).await, app.login_as(DAAN).await);
        assert_eq!(mine(&app, &bram, first).await.status, EnrolmentStatus::Lapsed);
        let late = app.call(Method::POST, &format!("/api/v1/enrolments/{}/accept", offered.id), &bram, None).await;
        assert_problem(late, StatusCode::CONFLICT, "offer_lapsed").await;
        let daan_offer = mine(&app, &daan, first).await;
        assert_eq!(daan_offer.status, EnrolmentStatus::Offered);
        assert_eq!(offers_to(&app, &admin, DAAN).await.len(), 1);
        let taken: Enrolment = app.post_ok(&format!("/api/v1/enrolments/{}/accept", daan_offer.id), &daan, &json!({}), StatusCode::OK).await;
        assert_eq!(taken.status, EnrolmentStatus::Enrolled);
        // Daan takes the other four Mondays too; one is before the day, so no attendance yet.
        for session in &course.sessions[1..] {
            assert_eq!(enrol(&app, &daan, session.id).await.status, EnrolmentStatus::Enrolled);
        }
        // Daan's calendar feed holds his five Mondays, in Amsterdam time, readable without login.
        let feed: Value = app.get_json("/api/v1/me/training/calendar-feed", &daan).await;
        let text = app.client.get(app.url(feed["url"].as_str().unwrap())).send().await.unwrap().text().await.unwrap();
        let events = crate::lesson_schedule::parse(&text);
        let mut starts: Vec<String> = events.iter().map(|e| {
            let (value, zone) = &e["DTSTART"];
            format!("{} {value}", zone.clone().unwrap_or_default())
        }).collect();
        starts.sort();
        let expected: Vec<String> = MONDAYS.iter().map(|d| format!("Europe/Amsterdam {}T090000", d.replace('-', ""))).collect();
        assert_eq!(starts, expected);
        assert!(events.iter().all(|e| e["SUMMARY"].0 == "Training wachtlijst"));
        let early = app.call(Method::PUT, &format!("/api/v1/course-sessions/{first}/attendance"), &admin,
            Some(&json!({"entries": [{"enrolment_id": taken.id, "attendance": "present"}]}))).await;
        assert_problem(early, StatusCode::CONFLICT, "attendance_not_yet").await;
        drop(app);

        // After the last Monday: present at three is not enough, four completes the course.
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", "2027-03-02T09:00:00Z")]).await;
        let (admin, daan, bram) = (app.login_as(ADMIN).await, app.login_as(DAAN).await, app.login_as(BRAM).await);
        let record: TrainingRecord = app.get_json("/api/v1/me/training", &daan).await;
        let attendance = ["present", "absent_notified", "present", "present", "present"];
        for (n, (session, mark)) in course.sessions.iter().zip(attendance).enumerate() {
            let enrolment = record.enrolments.iter().find(|e| e.session_id == session.id).unwrap();
            let after: Vec<Enrolment> = app.call(Method::PUT, &format!("/api/v1/course-sessions/{}/attendance", session.id), &admin,
                Some(&json!({"entries": [{"enrolment_id": enrolment.id, "attendance": mark}]}))).await.json().await.unwrap();
            assert!(after.iter().any(|e| e.id == enrolment.id && e.attendance.map(|a| a.as_str()) == Some(mark)));
            let progress: TrainingRecord = app.get_json("/api/v1/me/training", &daan).await;
            let this = progress.courses.iter().find(|c| c.course_id == course.id).unwrap();
            let present = attendance[..=n].iter().filter(|m| **m == "present").count() as u32;
            assert_eq!((this.attended, this.completed), (present, present >= 4), "after session {n}");
        }
        // Someone who lost their place cannot be marked present.
        let lapsed = mine(&app, &bram, first).await;
        let no_place = app.call(Method::PUT, &format!("/api/v1/course-sessions/{first}/attendance"), &admin,
            Some(&json!({"entries": [{"enrolment_id": lapsed.id, "attendance": "present"}]}))).await;
        assert_problem(no_place, StatusCode::CONFLICT, "invalid_transition").await;
        // Staff read the same progress on the ambassador's page.
        let daan_id = crate::placing::ambassador_id(&app, &admin, &taken.ambassador_name).await;
        let seen: TrainingRecord = app.get_json(&format!("/api/v1/ambassadors/{daan_id}/training"), &admin).await;
        assert!(seen.courses.iter().any(|c| c.course_id == course.id && c.completed));
        // Past sessions take no new enrolments.
        let past = app.call(Method::POST, &format!("/api/v1/course-sessions/{first}/enrolments"), &bram, Some(&json!({}))).await;
        assert_problem(past, StatusCode::CONFLICT, "session_past").await;
    }

    async fn nobody_is_in_two_sessions_at_once_nor_on_their_school_day_unless_they_say_so(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let course = five_mondays(&app, &admin).await;
        let other: Course = app.post_ok("/api/v1/courses", &admin, &course_body("Intervisie extra"), StatusCode::CREATED).await;
        let add = |date: &str, from: &str, to: &str| json!({"date": date, "starts_at": from, "ends_at": to,
            "location": "Online", "capacity": 5, "teacher": "Begeleider"});
        let overlapping: CourseSession = app.post_ok(&format!("/api/v1/courses/{}/sessions", other.id), &admin, &add(MONDAYS[0], "11:00", "12:00"), StatusCode::CREATED).await;
        let touching: CourseSession = app.post_ok(&format!("/api/v1/courses/{}/sessions", other.id), &admin, &add(MONDAYS[0], "11:30", "12:30"), StatusCode::CREATED).await;
        // 2027-02-03 is a Wednesday: Fenna's school day at De Zeester.
        let wednesday: CourseSession = app.post_ok(&format!("/api/v1/courses/{}/sessions", other.id), &admin, &add("2027-02-03", "13:00", "15:00"), StatusCode::CREATED).await;

        let yara = app.login_as(YARA).await;
        enrol(&app, &yara, course.sessions[0].id).await;
        let clash = app.call(Method::POST, &format!("/api/v1/course-sessions/{}/enrolments", overlapping.id), &yara, Some(&json!({}))).await;
        let problem = assert_problem(clash, StatusCode::CONFLICT, "session_overlap").await;
        assert!(problem.detail.contains("Training wachtlijst"), "{}", problem.detail);
        // Waiting counts too: a person on a waiting list keeps that time free.
        let record: TrainingRecord = app.get_json("/api/v1/me/training", &yara).await;
        assert_eq!(record.enrolments.len(), 1);
        assert_eq!(enrol(&app, &yara, touching.id).await.status, EnrolmentStatus::Enrolled);

        let fenna = app.login_as(FENNA).await;
        let path = format!("/api/v1/course-sessions/{}/enrolments", wednesday.id);
        let school_day = app.call(Method::POST, &path, &fenna, Some(&json!({}))).await;
        assert_problem(school_day, StatusCode::CONFLICT, "school_day").await;
        let anyway: Enrolment = app.post_ok(&path, &fenna, &json!({"on_school_day": true}), StatusCode::CREATED).await;
        assert!(anyway.on_school_day);
        assert_eq!(anyway.status, EnrolmentStatus::Enrolled);
    }

    async fn four_people_for_two_places_at_once_two_get_them_and_two_wait_in_line(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let course = five_mondays(&app, &admin).await;
        let session = course.sessions[2].id;
        let (yara, mila, bram, daan) = (app.login_as(YARA).await, app.login_as(MILA).await, app.login_as(BRAM).await, app.login_as(DAAN).await);
        let (a, b, c, d) = tokio::join!(
            enrol(&app, &yara, session),
            enrol(&app, &mila, session),
            enrol(&app, &bram, session),
            enrol(&app, &daan, session)
        );
        let mut statuses = [a.status, b.status, c.status, d.status];
        statuses.sort();
        assert_eq!(statuses, [EnrolmentStatus::Enrolled, EnrolmentStatus::Enrolled, EnrolmentStatus::Waiting, EnrolmentStatus::Waiting]);
        let list: Vec<Enrolment> = app.get_json(&format!("/api/v1/course-sessions/{session}/enrolments"), &admin).await;
        let positions: Vec<Option<u32>> = list.iter().map(|e| e.position).collect();
        assert_eq!(positions, [None, None, Some(1), Some(2)]);
    }

    async fn the_morning_before_a_session_everyone_with_a_place_is_reminded_once(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let course = five_mondays(&app, &admin).await;
        let first = course.sessions[0].id;
        let (yara, mila, bram) = (app.login_as(YARA).await, app.login_as(MILA).await, app.login_as(BRAM).await);
        enrol(&app, &yara, first).await;
        enrol(&app, &mila, first).await;
        assert_eq!(enrol(&app, &bram, first).await.status, EnrolmentStatus::Waiting);
        drop(app);
        // Sunday 31 January, just before the morning sweep: Monday's session is tomorrow.
        let sunday = crate::notifications::just_before_the_sweep(chrono::NaiveDate::from_ymd_opt(2027, 1, 31).unwrap());
        for round in 0..2 {
            let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", &sunday), ("RUST_LOG", "warn,klasbrug::mail=info")]).await;
            crate::notifications::wait_for_sweep(&app).await;
            let admin = app.login_as(ADMIN).await;
            for (email, expected) in [(YARA, 1), (MILA, 1), (BRAM, 0)] {
                let page: Page<OutgoingMessage> = app.get_json(&format!("/api/v1/messages?limit=200&recipient={email}"), &admin).await;
                let reminders: Vec<_> = page.items.iter().filter(|m| m.kind == "training.reminder").collect();
                assert_eq!(reminders.len(), expected, "{email}, round {round}");
                if let Some(reminder) = reminders.first() {
                    assert_eq!(reminder.subject, "Morgen: Training wachtlijst");
                }
            }
        }
    }

    async fn conditions_roles_and_bad_input(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let courses: Vec<Course> = app.get_json("/api/v1/courses", &admin).await;
        let titles: Vec<&str> = courses.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Basistraining onderwijsambassadeur", "Scholingstraject vakprofessional", "Intervisiegroep"]);
        let demo = &courses[0];
        assert_eq!((demo.sessions[0].capacity, demo.sessions[0].held, demo.sessions[0].waiting), (2, 2, 1));
        let traject = &courses[1];
        let intervision = &courses[2];

        // The scholingstraject starts with an intake; the intervision is for placed ambassadors.
        let (fenna, yara) = (app.login_as(FENNA).await, app.login_as(YARA).await);
        let path = format!("/api/v1/course-sessions/{}/enrolments", traject.sessions[0].id);
        let no_intake = app.call(Method::POST, &path, &fenna, Some(&json!({}))).await;
        assert_problem(no_intake, StatusCode::CONFLICT, "intake_required").await;
        let fenna_id = crate::placing::ambassador_id(&app, &admin, "Fenna Dijkstra").await;
        let admitted = app.call(Method::POST, &format!("/api/v1/courses/{}/admissions", traject.id), &admin, Some(&json!({"ambassador_id": fenna_id}))).await;
        assert_eq!(admitted.status(), StatusCode::NO_CONTENT);
        let _: Enrolment = app.post_ok(&path, &fenna, &json!({}), StatusCode::CREATED).await;
        let not_placed = app.call(Method::POST, &format!("/api/v1/course-sessions/{}/enrolments", intervision.sessions[0].id), &yara, Some(&json!({}))).await;
        assert_problem(not_placed, StatusCode::CONFLICT, "placement_required").await;

        // Who may do what.
        let director = app.login_as(DIRECTOR).await;
        let denied = app.call(Method::GET, "/api/v1/courses", &director, None).await;
        assert_problem(denied, StatusCode::FORBIDDEN, "forbidden").await;
        let partner = app.partner_token().await;
        let denied = app.call(Method::GET, "/api/v1/courses", &partner, None).await;
        assert_problem(denied, StatusCode::FORBIDDEN, "forbidden").await;
        let denied = app.call(Method::POST, "/api/v1/courses", &yara, Some(&course_body("Eigen training"))).await;
        assert_problem(denied, StatusCode::FORBIDDEN, "forbidden").await;
        let denied = app.call(Method::GET, &format!("/api/v1/course-sessions/{}/enrolments", demo.sessions[0].id), &yara, None).await;
        assert_problem(denied, StatusCode::FORBIDDEN, "forbidden").await;
        let staff_list: Vec<Enrolment> = app.get_json(&format!("/api/v1/course-sessions/{}/enrolments", demo.sessions[0].id), &admin).await;
        let someone_else = &staff_list[0];
        let hidden = app.call(Method::POST, &format!("/api/v1/enrolments/{}/cancel", someone_else.id), &yara, None).await;
        assert_problem(hidden, StatusCode::NOT_FOUND, "not_found").await;
        let hidden = app.call(Method::GET, &format!("/api/v1/ambassadors/{}/training", someone_else.ambassador_id), &yara, None).await;
        assert_problem(hidden, StatusCode::NOT_FOUND, "not_found").await;
        let for_other = app.call(Method::POST, &path, &yara, Some(&json!({"ambassador_id": fenna_id}))).await;
        assert_problem(for_other, StatusCode::NOT_FOUND, "not_found").await;
        // Staff enrol on someone's behalf, and must say whom.
        let nobody = app.call(Method::POST, &path, &admin, Some(&json!({}))).await;
        assert_problem(nobody, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let yara_id = crate::placing::ambassador_id(&app, &admin, "Yara Koç").await;
        let on_behalf: Enrolment = app.post_ok(&format!("/api/v1/course-sessions/{}/enrolments", demo.sessions[1].id), &admin, &json!({"ambassador_id": yara_id}), StatusCode::CREATED).await;
        assert_eq!(on_behalf.ambassador_id, yara_id);

        // Bad input changes nothing.
        let bad = app.call(Method::POST, "/api/v1/courses", &admin, Some(&json!({"kind": "training", "title": " ", "min_attended": 0}))).await;
        let problem = assert_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "min_attended"]);
        let unknown = app.call(Method::POST, "/api/v1/courses", &admin, Some(&json!({"kind": "cursus", "title": "X", "min_attended": 1}))).await;
        assert_problem(unknown, StatusCode::BAD_REQUEST, "malformed_json").await;
        let session = app.call(Method::POST, &format!("/api/v1/courses/{}/sessions", demo.id), &admin,
            Some(&json!({"date": "2026-12-01", "starts_at": "15:00", "ends_at": "12:00", "capacity": 0}))).await;
        let problem = assert_problem(session, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["ends_at", "location", "capacity"]);
        let past = app.call(Method::POST, &format!("/api/v1/courses/{}/sessions", demo.id), &admin,
            Some(&json!({"date": "2026-12-03", "starts_at": "12:00", "ends_at": "15:00", "location": "Hier", "capacity": 3}))).await;
        assert_problem(past, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let bad_path = app.call(Method::GET, "/api/v1/courses/geen-id", &admin, None).await;
        assert_problem(bad_path, StatusCode::BAD_REQUEST, "invalid_path").await;
        let missing = app.call(Method::GET, &format!("/api/v1/courses/{}", Uuid::now_v7()), &admin, None).await;
        assert_problem(missing, StatusCode::NOT_FOUND, "not_found").await;
        let after: Vec<Course> = app.get_json("/api/v1/courses", &admin).await;
        assert_eq!(after.len(), 3);
        assert_eq!(after[0].sessions.len(), 5);
    }

    async fn a_course_required_before_available_holds_the_intake_until_it_is_completed(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let mut required = course_body("Verplichte basistraining");
        required["required_for_available"] = json!(true);
        let course: Course = app.post_ok("/api/v1/courses", &admin, &required, StatusCode::CREATED).await;
        let created: Value = app.post_ok("/api/v1/ambassadors", &admin, &json!({
            "name": "Tessa Vonk", "email": "tessa@voorbeeld.example", "home_municipality": "Groningen",
            "weekdays": ["tuesday"], "commitment": "half_year", "available_from_year": "2026-2027",
            "available_from_moment": "february", "minutes_per_day": 420, "funding": "volunteer"
        }), StatusCode::CREATED).await;
        let id = created["id"].as_str().unwrap();
        let path = format!("/api/v1/ambassadors/{id}/intake");
        for action in ["plan_intake", "complete_intake", "request_vog"] {
            let _: Value = app.post_ok(&path, &admin, &json!({"action": action}), StatusCode::OK).await;
        }
        let _: Value = app.post_ok(&format!("/api/v1/ambassadors/{id}/vogs"), &admin,
            &json!({"issued_on": "2026-11-10", "seen_on": "2026-11-12", "outcome": "issued"}), StatusCode::CREATED).await;
        let held = app.call(Method::POST, &path, &admin, Some(&json!({"action": "make_available"}))).await;
        let problem = assert_problem(held, StatusCode::CONFLICT, "training_incomplete").await;
        assert!(problem.detail.contains("Verplichte basistraining (0 van 4 bijgewoond)"), "{}", problem.detail);
        let record: TrainingRecord = app.get_json(&format!("/api/v1/ambassadors/{id}/training"), &admin).await;
        assert!(record.courses.iter().any(|c| c.course_id == course.id && c.required_for_available && !c.completed));
        // Once staff lift the condition, the step goes through.
        let _: Course = serde_json::from_value(
            app.call(Method::PUT, &format!("/api/v1/courses/{}", course.id), &admin, Some(&course_body("Verplichte basistraining")))
                .await.json().await.unwrap()).unwrap();
        let _: Value = app.post_ok(&path, &admin, &json!({"action": "make_available"}), StatusCode::OK).await;
    }
}

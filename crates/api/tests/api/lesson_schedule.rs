//! Scheduling lesson series: the school day, the holidays and the 22-hour rule; a school's month
//! per group; the calendar feeds, read by a real iCalendar parser.

use std::io::BufReader;

use domain::Weekday;
use domain::contract::{CalendarFeed, LessonSeries, Page, SchoolMonth};
use domain::lesson_series::LessonSeriesStatus;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;
use uuid::Uuid;

use crate::helpers::*;
use crate::lesson_series::place;

/// A series of `minutes` long lessons for groep 6 with `objectives`, created by the ambassador,
/// submitted and approved by the coordinator.
async fn approved(
    app: &TestApp,
    ambassador: &str,
    school: Uuid,
    title: &str,
    objectives: &[u32],
    minutes: &[u32],
) -> Uuid {
    let coordinator = app.login_as(COORDINATOR).await;
    let lessons: Vec<Value> = minutes
        .iter()
        .enumerate()
        .map(|(i, m)| json!({"title": format!("Les {}", i + 1), "goal": "Onderzoeken", "minutes": m, "materials": "karton, lijm"}))
        .collect();
    let body = json!({
        "school_id": school, "framework_code": "kerndoelen-2006", "title": title, "theme": "techniek",
        "target_groups": ["groep 6"], "objectives": objectives, "lessons": lessons
    });
    let created: LessonSeries = app
        .post_ok(
            "/api/v1/lesson-series",
            ambassador,
            &body,
            StatusCode::CREATED,
        )
        .await;
    let path = format!("/api/v1/lesson-series/{}/transitions", created.id);
    let _: LessonSeries = app
        .post_ok(
            &path,
            ambassador,
            &json!({"action": "submit"}),
            StatusCode::OK,
        )
        .await;
    let _: LessonSeries = app
        .post_ok(
            &path,
            &coordinator,
            &json!({"action": "approve"}),
            StatusCode::OK,
        )
        .await;
    created.id
}

fn dates(list: &[(&str, &str)]) -> Value {
    let lessons: Vec<Value> = list
        .iter()
        .enumerate()
        .map(|(i, (date, time))| json!({"lesson": i + 1, "date": date, "starts_at": time}))
        .collect();
    json!({"group": "groep 6", "lessons": lessons})
}

async fn schedule(app: &TestApp, token: &str, id: Uuid, body: &Value) -> reqwest::Response {
    app.call(
        Method::PUT,
        &format!("/api/v1/lesson-series/{id}/schedule"),
        token,
        Some(body),
    )
    .await
}

async fn month(app: &TestApp, token: &str, school: Uuid, month: &str) -> SchoolMonth {
    app.get_json(
        &format!("/api/v1/schools/{school}/lesson-calendar?month={month}"),
        token,
    )
    .await
}

fn group_minutes(month: &SchoolMonth, group: &str) -> Option<u32> {
    month
        .groups
        .iter()
        .find(|g| g.group.to_string() == group)
        .map(|g| g.planned_minutes)
}

on_both_backends! {
    async fn lessons_are_scheduled_on_the_school_day_outside_holidays_and_within_the_22_hour_rule(db) {
        let app = spawn_app(&db).await;
        let noah_match = place(&app, "Noah Verbeek").await;
        let lotte_match = place(&app, "Lotte Bos").await;
        let school = noah_match.placement.school_id;
        assert_eq!(lotte_match.placement.school_id, school, "both at De Zeester");
        assert_eq!((noah_match.placement.weekday, lotte_match.placement.weekday), (Weekday::Tuesday, Weekday::Thursday));
        let admin = app.login_as(ADMIN).await;
        let noah = app.login_as(AMBASSADOR).await;
        let lotte = app.login_as("lotte@ambassadeur.example").await;
        let coordinator = app.login_as(COORDINATOR).await;
        let director = app.login_as(DIRECTOR).await;

        // A stricter rule for Groningen than the demo's 22 hours: 4 hours a group a month.
        let rule = json!({
            "name": "Testregel Groningen", "valid_from": "2026-08-01", "valid_until": "2027-07-31",
            "municipalities": ["Groningen"], "max_minutes_per_group_per_month": 240,
            "excluded_domains": ["nederlands", "rekenen_wiskunde", "bewegingsonderwijs"]
        });
        let _: Value = app.post_ok("/api/v1/hours-policies", &admin, &rule, StatusCode::CREATED).await;

        let bridges = approved(&app, &noah, school, "Bruggen van papier", &[42], &[60, 60]).await;
        let wind = approved(&app, &lotte, school, "Windmolens", &[45], &[90, 90]).await;

        // Dates that do not fit are refused by field, with the reason, and change nothing.
        let wrong_day = schedule(&app, &noah, bridges, &dates(&[("2027-03-03", "09:00"), ("2027-03-09", "09:00")])).await;
        let problem = assert_problem(wrong_day, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "lessons[0].date");
        assert_eq!(problem.errors[0].message, "2027-03-03 is a wednesday, not a tuesday");
        let holiday = schedule(&app, &noah, bridges, &dates(&[("2027-02-23", "09:00"), ("2027-03-02", "09:00")])).await;
        let problem = assert_problem(holiday, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].message, "2027-02-23 falls in the voorjaarsvakantie 2027 (regio noord)");
        let before = schedule(&app, &noah, bridges, &dates(&[("2027-01-26", "09:00"), ("2027-03-02", "09:00")])).await;
        let problem = assert_problem(before, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert!(problem.errors[0].message.contains("is outside the period from 2027-02-01"), "{problem:?}");
        let late = schedule(&app, &noah, bridges, &dates(&[("2027-03-02", "14:30"), ("2027-03-09", "09:00")])).await;
        let problem = assert_problem(late, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "lessons[0].starts_at");
        let one_missing = schedule(&app, &noah, bridges, &json!({"group": "groep 6", "lessons": [{"lesson": 1, "date": "2027-03-02", "starts_at": "09:00"}]})).await;
        assert_problem(one_missing, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let other_group = schedule(&app, &noah, bridges, &json!({"group": "groep 7", "lessons": []})).await;
        assert_problem(other_group, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let bad_time = schedule(&app, &noah, bridges, &json!({"group": "groep 6", "lessons": [{"lesson": 1, "date": "2027-03-02", "starts_at": "9 uur"}]})).await;
        assert_eq!(bad_time.status(), StatusCode::BAD_REQUEST);
        let unchanged: LessonSeries = app.get_json(&format!("/api/v1/lesson-series/{bridges}"), &noah).await;
        assert_eq!((unchanged.status, unchanged.schedule.len()), (LessonSeriesStatus::Approved, 0));

        // Noah: two hours for groep 6 in March.
        let ok = schedule(&app, &noah, bridges, &dates(&[("2027-03-02", "09:00"), ("2027-03-09", "09:00")])).await;
        assert_eq!(ok.status(), StatusCode::OK);
        let scheduled: LessonSeries = ok.json().await.unwrap();
        assert_eq!(scheduled.status, LessonSeriesStatus::Scheduled);
        assert_eq!(scheduled.schedule.iter().map(|l| (l.lesson, l.date.to_string())).collect::<Vec<_>>(), [(1, "2027-03-02".to_owned()), (2, "2027-03-09".to_owned())]);

        // Lotte's three more hours in March would make five: refused, naming group, month, hours and limit.
        let over = schedule(&app, &lotte, wind, &dates(&[("2027-03-18", "10:00"), ("2027-03-25", "10:00")])).await;
        let problem = assert_problem(over, StatusCode::CONFLICT, "over_monthly_limit").await;
        assert_eq!(
            problem.detail,
            "groep 6 would get 5 hours of lessons from professionals without a teaching qualification in maart 2027; the limit is 4 hours a month (Testregel Groningen)"
        );
        // The facts travel as data too, for a client to say it in its own words.
        let facts = serde_json::to_value(problem.details.expect("details").hours_policy.expect("hours_policy")).unwrap();
        assert_eq!(facts, json!({"kind": "monthly_limit_exceeded", "group": "groep 6", "year": 2027, "month": 3,
            "planned_minutes": 300, "limit_minutes": 240, "policy": "Testregel Groningen"}));
        // Across the month boundary it fits: 3 hours 30 minutes in March, 1 hour 30 minutes in April.
        let split = schedule(&app, &lotte, wind, &dates(&[("2027-03-25", "10:00"), ("2027-04-01", "10:00")])).await;
        assert_eq!(split.status(), StatusCode::OK);
        let march = month(&app, &director, school, "2027-03").await;
        assert_eq!(group_minutes(&march, "groep 6"), Some(210));
        assert_eq!(march.limit_minutes, Some(240));
        assert_eq!(march.policy.as_deref(), Some("Testregel Groningen"));
        assert_eq!(march.groups[0].lessons.len(), 3);
        let april = month(&app, &director, school, "2027-04").await;
        assert_eq!(group_minutes(&april, "groep 6"), Some(90));
        // Moving both of Lotte's lessons back into March is refused and leaves her dates as they were.
        let back = schedule(&app, &lotte, wind, &dates(&[("2027-03-18", "10:00"), ("2027-03-25", "10:00")])).await;
        assert_problem(back, StatusCode::CONFLICT, "over_monthly_limit").await;
        assert_eq!(group_minutes(&month(&app, &director, school, "2027-03").await, "groep 6"), Some(210));
        // Moving her own lessons within the limit replaces her earlier dates.
        let moved = schedule(&app, &lotte, wind, &dates(&[("2027-04-01", "10:00"), ("2027-04-08", "10:00")])).await;
        assert_eq!(moved.status(), StatusCode::OK);
        assert_eq!(group_minutes(&month(&app, &director, school, "2027-03").await, "groep 6"), Some(120));
        assert_eq!(group_minutes(&month(&app, &director, school, "2027-04").await, "groep 6"), Some(180));

        // A subject kept for qualified teachers is refused, naming it.
        let spelling = approved(&app, &noah, school, "Spelling op de bouwplaats", &[8, 42], &[60]).await;
        let refused = schedule(&app, &noah, spelling, &dates(&[("2027-04-06", "09:00")])).await;
        let problem = assert_problem(refused, StatusCode::CONFLICT, "excluded_domain").await;
        assert!(problem.detail.contains("teaches Nederlands"), "{problem:?}");
        let facts = serde_json::to_value(problem.details.expect("details").hours_policy.expect("hours_policy")).unwrap();
        assert_eq!((facts["kind"].as_str(), facts["date"].as_str(), facts["domain"].as_str()), (Some("excluded_domain"), Some("2027-04-06"), Some("nederlands")));

        // After every policy's end there is no limit to show.
        let august = month(&app, &director, school, "2027-08").await;
        assert_eq!((august.limit_minutes, august.policy, august.groups.len()), (None, None, 0));

        // Who may schedule: the ambassador and the school's coordinator, not the director or others.
        let by_coordinator = schedule(&app, &coordinator, bridges, &dates(&[("2027-03-02", "10:00"), ("2027-03-09", "10:00")])).await;
        assert_eq!(by_coordinator.status(), StatusCode::OK);
        let body = dates(&[("2027-03-02", "09:00"), ("2027-03-09", "09:00")]);
        assert_problem(schedule(&app, &director, bridges, &body).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(schedule(&app, &lotte, bridges, &body).await, StatusCode::NOT_FOUND, "not_found").await;
        let other_coordinator = app.login_as("ic@kompas.example").await;
        assert_problem(schedule(&app, &other_coordinator, bridges, &body).await, StatusCode::NOT_FOUND, "not_found").await;
        assert_problem(schedule(&app, &noah, Uuid::now_v7(), &body).await, StatusCode::NOT_FOUND, "not_found").await;

        // Only approved series get dates; `schedule` is not a transition of its own.
        let draft: LessonSeries = app.post_ok("/api/v1/lesson-series", &noah, &json!({
            "school_id": school, "framework_code": "kerndoelen-2006", "title": "Nog niet klaar",
            "target_groups": ["groep 6"], "objectives": [42], "lessons": [{"title": "Les", "goal": "", "minutes": 60}]
        }), StatusCode::CREATED).await;
        let early = schedule(&app, &noah, draft.id, &dates(&[("2027-04-06", "09:00")])).await;
        assert_problem(early, StatusCode::CONFLICT, "not_approved").await;
        let as_step = app.call(Method::POST, &format!("/api/v1/lesson-series/{bridges}/transitions"), &admin, Some(&json!({"action": "schedule"}))).await;
        assert_problem(as_step, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;

        // Two people planning the same group at the same moment cannot both pass the count.
        let noah_may = approved(&app, &noah, school, "Sterke torens", &[42], &[90, 90]).await;
        let lotte_may = approved(&app, &lotte, school, "Zonnekracht", &[45], &[90, 90]).await;
        let noah_dates = dates(&[("2027-05-11", "09:00"), ("2027-05-18", "09:00")]);
        let lotte_dates = dates(&[("2027-05-13", "09:00"), ("2027-05-20", "09:00")]);
        let (first, second) = tokio::join!(
            schedule(&app, &noah, noah_may, &noah_dates),
            schedule(&app, &lotte, lotte_may, &lotte_dates)
        );
        let mut statuses = [first.status().as_u16(), second.status().as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "exactly one of two plans that only fit alone");
        assert_eq!(group_minutes(&month(&app, &director, school, "2027-05").await, "groep 6"), Some(180));

        // Given, by the coordinator.
        let given: LessonSeries = app.post_ok(&format!("/api/v1/lesson-series/{bridges}/transitions"), &coordinator, &json!({"action": "mark_given"}), StatusCode::OK).await;
        assert_eq!(given.status, LessonSeriesStatus::Given);
        let again = schedule(&app, &noah, bridges, &body).await;
        assert_problem(again, StatusCode::CONFLICT, "not_approved").await;
    }

    async fn a_schools_month_is_for_its_staff_only(db) {
        let app = spawn_app(&db).await;
        let director = app.login_as(DIRECTOR).await;
        let me: domain::contract::Me = app.get_json("/api/v1/me", &director).await;
        let school = me.memberships[0].organisation.id;

        // The demo: Fenna's "Bruggen bouwen" for groep 6, two lessons in December, under the demo's 22 hours.
        let december = month(&app, &director, school, "2026-12").await;
        assert_eq!(december.school_name, "Basisschool De Zeester");
        assert_eq!(december.limit_minutes, Some(22 * 60));
        assert_eq!(december.groups.len(), 1);
        let group = &december.groups[0];
        assert_eq!((group.group.to_string().as_str(), group.planned_minutes, group.lessons.len()), ("groep 6", 120, 2));
        assert_eq!(group.lessons[0].series_title, "Bruggen bouwen");
        assert_eq!(group.lessons[0].ambassador_name, "Fenna Dijkstra");
        assert_eq!(group.lessons[0].starts_at.to_string(), "09:00:00");
        let raw: Value = app.get_json(&format!("/api/v1/schools/{school}/lesson-calendar?month=2026-12"), &director).await;
        assert_eq!(raw["groups"][0]["lessons"][0]["starts_at"], "09:00:00");
        // Without a month: this month, whatever it is.
        let this: SchoolMonth = app.get_json(&format!("/api/v1/schools/{school}/lesson-calendar"), &director).await;
        assert_eq!(this.month.len(), 7);

        let coordinator = app.login_as(COORDINATOR).await;
        assert_eq!(month(&app, &coordinator, school, "2026-12").await, december);
        let admin = app.login_as(ADMIN).await;
        assert_eq!(month(&app, &admin, school, "2026-12").await, december);
        for who in [OTHER_DIRECTOR, AMBASSADOR, EMPLOYER_CONTACT] {
            let token = app.login_as(who).await;
            let denied = app.get(&format!("/api/v1/schools/{school}/lesson-calendar?month=2026-12"), &token).await;
            assert_problem(denied, StatusCode::NOT_FOUND, "not_found").await;
            let feed = app.get(&format!("/api/v1/schools/{school}/calendar-feed"), &token).await;
            assert_problem(feed, StatusCode::NOT_FOUND, "not_found").await;
        }
        let partner = app.partner_token().await;
        let denied = app.get(&format!("/api/v1/schools/{school}/lesson-calendar"), &partner).await;
        assert_problem(denied, StatusCode::NOT_FOUND, "not_found").await;
        for bad in ["2026-13", "december", "2026-1"] {
            let response = app.get(&format!("/api/v1/schools/{school}/lesson-calendar?month={bad}"), &director).await;
            let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors[0].field, "month");
        }
        let not_a_school = me.memberships[0].organisation.parent_id.unwrap_or_else(Uuid::now_v7);
        let response = app.get(&format!("/api/v1/schools/{not_a_school}/lesson-calendar"), &admin).await;
        assert_problem(response, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn calendar_feeds_are_valid_icalendar_without_login(db) {
        let app = spawn_app(&db).await;
        let director = app.login_as(DIRECTOR).await;
        let me: domain::contract::Me = app.get_json("/api/v1/me", &director).await;
        let school = me.memberships[0].organisation.id;

        let feed: CalendarFeed = app.get_json(&format!("/api/v1/schools/{school}/calendar-feed"), &director).await;
        let again: CalendarFeed = app.get_json(&format!("/api/v1/schools/{school}/calendar-feed"), &app.login_as(COORDINATOR).await).await;
        assert_eq!(feed, again, "one address per school");
        assert!(feed.url.starts_with("/api/v1/calendars/") && feed.url.ends_with(".ics"), "{feed:?}");

        let anonymous = new_client();
        let response = anonymous.get(app.url(&feed.url)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "text/calendar; charset=utf-8");
        let text = response.text().await.unwrap();
        let events = parse(&text);
        assert_eq!(events.len(), 3, "{text}");
        assert_eq!(events[0].get("DTSTART").unwrap(), &("20261125T090000".to_owned(), Some("Europe/Amsterdam".to_owned())));
        assert_eq!(events[0].get("DTEND").unwrap().0, "20261125T100000");
        assert_eq!(events[0].get("SUMMARY").unwrap().0, "Bruggen bouwen\\, les 1: Sterke vormen (groep 6)");
        assert_eq!(events[0].get("LOCATION").unwrap().0, "Basisschool De Zeester");

        // The series' own feed, for whoever may read the series.
        let coordinator = app.login_as(COORDINATOR).await;
        let list: Page<LessonSeries> = app.get_json("/api/v1/lesson-series?status=scheduled", &coordinator).await;
        let series = &list.items[0];
        let own: CalendarFeed = app.get_json(&format!("/api/v1/lesson-series/{}/calendar-feed", series.id), &coordinator).await;
        assert_ne!(own, feed);
        let text = anonymous.get(app.url(&own.url)).send().await.unwrap().text().await.unwrap();
        let events = parse(&text);
        assert_eq!(events.len(), 3);
        let uids: Vec<&String> = events.iter().map(|e| &e.get("UID").unwrap().0).collect();
        assert_eq!(uids, series.schedule.iter().map(|l| format!("{}@klasbrug", l.id)).collect::<Vec<_>>().iter().collect::<Vec<_>>());
        let other = app.login_as(OTHER_DIRECTOR).await;
        let hidden = app.get(&format!("/api/v1/lesson-series/{}/calendar-feed", series.id), &other).await;
        assert_problem(hidden, StatusCode::NOT_FOUND, "not_found").await;

        // An unknown address is a plain 404.
        let unknown = anonymous.get(app.url("/api/v1/calendars/not-a-feed.ics")).send().await.unwrap();
        assert_problem(unknown, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn the_ambassador_gets_the_planned_lessons_by_e_mail_with_a_calendar_file(db) {
        use mail_parser::MimeHeaders;
        let smtp = testkit::smtp::SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let school = place(&app, "Noah Verbeek").await.placement.school_id;
        let noah = app.login_as(AMBASSADOR).await;
        let bridges = approved(&app, &noah, school, "Bruggen van papier", &[42], &[60, 45]).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let ok = schedule(&app, &coordinator, bridges, &dates(&[("2027-03-02", "09:00"), ("2027-03-09", "10:30")])).await;
        assert_eq!(ok.status(), StatusCode::OK);

        smtp.wait_for("the planned lessons", |received, _| received.iter().any(|m| m.subject().starts_with("Ingepland"))).await;
        let mail = smtp.mails_to(AMBASSADOR).into_iter().find(|m| m.subject().starts_with("Ingepland")).unwrap();
        assert_eq!(mail.subject(), "Ingepland: Bruggen van papier voor groep 6");
        let text = mail.text();
        assert!(text.contains("di 2 mrt. 2027 09:00: les 1, Les 1") && text.contains("di 9 mrt. 2027 10:30: les 2, Les 2"), "{text}");
        assert!(text.contains(&format!("/lessenseries/{bridges}")) && text.contains("/afmelden?token="), "{text}");

        // The attachment, read as a calendar app would: both lessons, in Amsterdam time.
        let parsed = mail.parsed();
        let file = parsed.attachments().next().expect("a calendar file");
        assert_eq!(file.attachment_name(), Some("lessen.ics"));
        let calendar = ical::IcalParser::new(BufReader::new(file.contents()))
            .next().expect("a calendar").expect("valid iCalendar");
        let starts: Vec<String> = calendar.events.iter().map(|event| {
            let start = event.properties.iter().find(|p| p.name == "DTSTART").unwrap();
            let zone = start.params.as_ref().and_then(|ps| ps.iter().find(|(k, _)| k == "TZID")).map(|(_, v)| v[0].clone());
            format!("{} {}", zone.unwrap_or_default(), start.value.clone().unwrap())
        }).collect();
        assert_eq!(starts, ["Europe/Amsterdam 20270302T090000", "Europe/Amsterdam 20270309T103000"]);
    }
}

pub(crate) type Properties = std::collections::HashMap<String, (String, Option<String>)>;

/// The events of a feed as a calendar app reads them, after checking what RFC 5545 asks of the
/// text itself: CRLF lines of at most 75 octets, a VERSION and PRODID, and a time zone
/// definition for every TZID used.
pub(crate) fn parse(text: &str) -> Vec<Properties> {
    assert!(text.ends_with("\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line}");
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
    }
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = parser
        .next()
        .expect("a calendar")
        .expect("a valid calendar");
    assert!(parser.next().is_none(), "one calendar");
    let names: Vec<&str> = calendar
        .properties
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(
        names.contains(&"VERSION") && names.contains(&"PRODID"),
        "{names:?}"
    );
    let zones: Vec<String> = calendar
        .timezones
        .iter()
        .flat_map(|z| {
            z.properties
                .iter()
                .filter(|p| p.name == "TZID")
                .filter_map(|p| p.value.clone())
        })
        .collect();
    calendar
        .events
        .iter()
        .map(|event| {
            let properties: Properties = event
                .properties
                .iter()
                .map(|p| {
                    let tzid = p
                        .params
                        .iter()
                        .flatten()
                        .find(|(name, _)| name == "TZID")
                        .map(|(_, values)| values.join(","));
                    if let Some(zone) = &tzid {
                        assert!(zones.contains(zone), "TZID {zone} without VTIMEZONE");
                    }
                    (p.name.clone(), (p.value.clone().unwrap_or_default(), tzid))
                })
                .collect();
            for required in ["UID", "DTSTAMP", "DTSTART"] {
                assert!(
                    properties.contains_key(required),
                    "an event without {required}"
                );
            }
            properties
        })
        .collect()
}

//! Trainingen in headless Chromium, against the real binary on SQLite and on PostgreSQL.
//!
//! Programme staff create a course and its first session in the browser (two places), the rest
//! by the API. On a 360 px phone Yara enrols and gets a place, Mila takes the second, Bram joins
//! the waiting list as number 1 and Daan as number 2. Mila cannot enrol in a session at the same
//! time. Yara cancels: Bram sees the place offered with its deadline. Two days later (the server
//! starts again with a later clock) Bram's offer has lapsed and Daan takes the place. After the
//! last session staff record attendance in the browser and the ambassador's page shows the
//! course completed.

use crate::common::{
    log_in_as, set_value, shot, sideways_overflow, spawn_server, spawn_server_with, token, wait_for,
};
use klasbrug_e2e::{Browser, Driver};
use serde_json::{Value, json};
use testkit::{TestServer, on_both_backends};

const PHONE: (u32, u32) = (360, 740);
const DESK: (u32, u32) = (1280, 900);
const ADMIN: (&str, &str) = ("beheer@klasbrug.example", "Iris van Leeuwen");
const YARA: (&str, &str) = ("yara@ambassadeur.example", "Yara Koç");
const MILA: (&str, &str) = ("mila@ambassadeur.example", "Mila de Boer");
const BRAM: (&str, &str) = ("bram@ambassadeur.example", "Bram Hoekstra");
const DAAN: (&str, &str) = ("daan@ambassadeur.example", "Daan Vermeulen");
const MONDAYS: [&str; 5] = [
    "2027-02-01",
    "2027-02-08",
    "2027-02-15",
    "2027-02-22",
    "2027-03-01",
];

async fn api(
    server: &TestServer,
    email: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> Value {
    let bearer = token(server, email).await;
    let mut request = reqwest::Client::new()
        .request(method, server.url(path))
        .bearer_auth(bearer);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    assert!(status.is_success(), "{path}: {status} {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

async fn course_named(server: &TestServer, title: &str) -> Value {
    let list = api(
        server,
        ADMIN.0,
        reqwest::Method::GET,
        "/api/v1/courses",
        None,
    )
    .await;
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"] == title)
        .unwrap()
        .clone()
}

async fn open_as(
    driver: &Driver,
    server: &TestServer,
    size: (u32, u32),
    who: (&str, &str),
) -> Browser {
    let browser = driver.session(size.0, size.1).await;
    browser.goto(&server.url("/")).await;
    log_in_as(&browser, who.0, who.1).await;
    browser.goto(&server.url("/trainingen")).await;
    browser.wait_for_text("#page-title", "Trainingen").await;
    browser
}

/// The row of the session on `date` in the course panel titled `title`.
fn session_row(course: &Value, date: &str) -> String {
    let session = course["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["date"] == date)
        .unwrap();
    format!(
        ".course-panel[data-course='{}'] tr[data-session='{}']",
        course["id"].as_str().unwrap(),
        session["id"].as_str().unwrap()
    )
}

on_both_backends! {
    async fn a_waiting_list_moves_on_when_a_place_frees_and_an_offer_lapses_and_attendance_completes_the_course(db) {
        let server = spawn_server(&db).await;
        let driver = Driver::start().await;

        // Staff create the course and its first session in the browser.
        let staff = open_as(&driver, &server, DESK, ADMIN).await;
        wait_for(&staff, ".course-panel").await;
        staff.click(&staff.find(".new-course summary").await).await;
        set_value(&staff, "#course-title", "Training wachtlijst").await;
        set_value(&staff, "#course-topics", "Klassenmanagement\nLesopbouw").await;
        set_value(&staff, "#course-min", "4").await;
        staff.click(&staff.find("#create-course").await).await;
        staff.wait_for_text("#new-course-status", "De training is aangemaakt.").await;
        let course = course_named(&server, "Training wachtlijst").await;
        let panel = format!(".course-panel[data-course='{}']", course["id"].as_str().unwrap());
        staff.click(&staff.find(&format!("{panel} .new-session summary")).await).await;
        set_value(&staff, &format!("{panel} .session-date"), MONDAYS[0]).await;
        set_value(&staff, &format!("{panel} .session-start"), "09:00").await;
        set_value(&staff, &format!("{panel} .session-end"), "11:30").await;
        set_value(&staff, &format!("{panel} .session-location"), "Programmabureau").await;
        set_value(&staff, &format!("{panel} .session-capacity"), "2").await;
        set_value(&staff, &format!("{panel} .session-teacher"), "Trainer Demo").await;
        staff.click(&staff.find(&format!("{panel} .add-session")).await).await;
        wait_for(&staff, &format!("{panel} tr.session")).await;
        for date in &MONDAYS[1..] {
            api(&server, ADMIN.0, reqwest::Method::POST, &format!("/api/v1/courses/{}/sessions", course["id"].as_str().unwrap()),
                Some(json!({"date": date, "starts_at": "09:00", "ends_at": "11:30", "location": "Programmabureau", "capacity": 2, "teacher": "Trainer Demo"}))).await;
        }
        let course = course_named(&server, "Training wachtlijst").await;
        assert_eq!(course["sessions"].as_array().unwrap().len(), 5);
        staff.goto(&server.url("/trainingen")).await;
        wait_for(&staff, &format!("{panel} tr.session")).await;
        staff.screenshot(&shot(&db, "trainingen-beheer")).await;
        // Every course has its own forms: no id stands twice on the page.
        let repeated = staff
            .script("const ids = [...document.querySelectorAll('[id]')].map(e => e.id); return ids.length - new Set(ids).size")
            .await;
        assert_eq!(repeated, 0, "an id stands twice on Trainingen");
        assert_eq!(course["sessions"][0]["capacity"], 2);
        let first = session_row(&course, MONDAYS[0]);

        // Yara enrols on her phone and gets a place; Mila takes the other.
        let yara = open_as(&driver, &server, PHONE, YARA).await;
        yara.click(&yara.find(&format!("{first} button.enrol")).await).await;
        yara.wait_for_text("#training-status", "Je bent ingeschreven.").await;
        wait_for(&yara, "#my-enrolments tr.enrolment[data-status='enrolled']").await;
        assert_eq!(sideways_overflow(&yara).await, 0, "Trainingen scrolls sideways at 360 px");
        yara.screenshot(&shot(&db, "trainingen-ambassadeur")).await;
        let session_id = course["sessions"][0]["id"].as_str().unwrap().to_owned();
        api(&server, MILA.0, reqwest::Method::POST, &format!("/api/v1/course-sessions/{session_id}/enrolments"), Some(json!({}))).await;

        // Bram finds it full and joins the waiting list as number 1; Daan comes after him.
        let bram = open_as(&driver, &server, PHONE, BRAM).await;
        bram.wait_for_text(&format!("{first} button.enrol"), "Op de wachtlijst").await;
        bram.click(&bram.find(&format!("{first} button.enrol")).await).await;
        bram.wait_for_text("#training-status", "De sessie is vol: je staat op de wachtlijst.").await;
        bram.wait_for_text("#my-enrolments tr.enrolment[data-status='waiting']", "nummer 1 op de wachtlijst").await;
        api(&server, DAAN.0, reqwest::Method::POST, &format!("/api/v1/course-sessions/{session_id}/enrolments"), Some(json!({}))).await;

        // Mila cannot be in two sessions at once.
        let other = api(&server, ADMIN.0, reqwest::Method::POST, "/api/v1/courses",
            Some(json!({"kind": "intervision", "title": "Intervisie maandag", "min_attended": 1}))).await;
        api(&server, ADMIN.0, reqwest::Method::POST, &format!("/api/v1/courses/{}/sessions", other["id"].as_str().unwrap()),
            Some(json!({"date": MONDAYS[0], "starts_at": "10:00", "ends_at": "12:00", "location": "Online", "capacity": 8}))).await;
        let other = course_named(&server, "Intervisie maandag").await;
        let mila = open_as(&driver, &server, PHONE, MILA).await;
        mila.click(&mila.find(&format!("{} button.enrol", session_row(&other, MONDAYS[0]))).await).await;
        mila.wait_for_text("#training-status", "valt tegelijk met een andere sessie").await;

        // Yara cancels: Bram is offered the place, with the time he has.
        yara.click(&yara.find("#my-enrolments button.cancel-enrolment").await).await;
        yara.wait_for_text("#training-status", "Je bent afgemeld.").await;
        bram.goto(&server.url("/")).await;
        bram.wait_for_text(".offered-place", "Er is een plek vrijgekomen voor je in Training wachtlijst").await;
        bram.click(&bram.find(".offered-place a").await).await;
        bram.wait_for_text("#my-enrolments tr.enrolment[data-status='offered']", "Neem hem aan vóór 5 dec. 2026").await;
        wait_for(&bram, "#my-enrolments button.accept-offer").await;
        bram.screenshot(&shot(&db, "trainingen-plek-aangeboden")).await;
        drop(server);

        // Two days and an hour later Bram's offer has lapsed and Daan takes the place.
        let server = spawn_server_with(&db, &[("KLASBRUG_CLOCK_START", "2026-12-05T10:00:00Z")]).await;
        let bram = open_as(&driver, &server, PHONE, BRAM).await;
        bram.wait_for_text("#my-enrolments tr.enrolment[data-status='lapsed']", "Aanbod verlopen").await;
        let daan = open_as(&driver, &server, PHONE, DAAN).await;
        daan.click(&daan.find("#my-enrolments button.accept-offer").await).await;
        daan.wait_for_text("#training-status", "De plek is van jou.").await;
        wait_for(&daan, "#my-enrolments tr.enrolment[data-status='enrolled']").await;
        for session in &course["sessions"].as_array().unwrap()[1..] {
            api(&server, DAAN.0, reqwest::Method::POST, &format!("/api/v1/course-sessions/{}/enrolments", session["id"].as_str().unwrap()), Some(json!({}))).await;
        }
        drop(server);

        // After the last Monday staff record attendance; four present completes the course.
        let server = spawn_server_with(&db, &[("KLASBRUG_CLOCK_START", "2027-03-02T09:00:00Z")]).await;
        let daan_record = api(&server, DAAN.0, reqwest::Method::GET, "/api/v1/me/training", None).await;
        let enrolment_in = |session: &Value| -> String {
            daan_record["enrolments"].as_array().unwrap().iter()
                .find(|e| e["session_id"] == session["id"] && e["status"] == "enrolled").unwrap()["id"].as_str().unwrap().to_owned()
        };
        for session in &course["sessions"].as_array().unwrap()[1..4] {
            api(&server, ADMIN.0, reqwest::Method::PUT, &format!("/api/v1/course-sessions/{}/attendance", session["id"].as_str().unwrap()),
                Some(json!({"entries": [{"enrolment_id": enrolment_in(session), "attendance": "present"}]}))).await;
        }
        let staff = open_as(&driver, &server, DESK, ADMIN).await;
        staff.click(&staff.find(&format!("{first} button.show-participants")).await).await;
        wait_for(&staff, ".participants tr.participant[data-status='enrolled'] select.attendance").await;
        let selects = staff.find_all(".participants tr.participant[data-status='enrolled'] select.attendance").await;
        assert_eq!(selects.len(), 2, "Mila and Daan have places");
        staff.script(&format!(
            "for (const row of document.querySelectorAll(\".participants tr.participant[data-status='enrolled']\")) {{ \
               if (row.textContent.includes('{}')) {{ const s = row.querySelector('select'); s.value = 'present'; s.dispatchEvent(new Event('change', {{bubbles: true}})); }} }}",
            DAAN.1)).await;
        staff.click(&staff.find(".participants button.save-attendance").await).await;
        staff.wait_for_text(".participants p.status-line", "De aanwezigheid is opgeslagen.").await;
        staff.screenshot(&shot(&db, "trainingen-aanwezigheid")).await;

        let daan_id = daan_record["enrolments"][0]["ambassador_id"].as_str().unwrap().to_owned();
        staff.goto(&server.url(&format!("/ambassadeurs/{daan_id}"))).await;
        staff.wait_for_text("#ambassador-training li.course[data-completed='true']", "4 van 4 bijgewoond").await;
        staff.wait_for_text("#ambassador-training li.course[data-completed='true']", "Afgerond").await;
        staff.screenshot(&shot(&db, "ambassadeur-trainingen")).await;
    }
}

//! The programme dashboard: every number of the demo's dashboard against a count made here,
//! straight from the database or through other API lists; who may see it and how far; bad
//! filters; the Excel workbook read back and compared with the JSON.

use std::collections::BTreeMap;
use std::io::Read;

use chrono::NaiveDate;
use domain::contract::{Dashboard, DashboardSectionKey, Organisation, Page, SchoolCapacity};
use domain::{OrganisationKind, Region};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Row;
use testkit::{Backend, TestDatabaseRef, on_both_backends};

use crate::helpers::*;

const YEAR: i32 = 2026;
const TODAY: &str = "2026-12-03";

/// Runs `sql` (every column cast to text) on the test database directly.
async fn texts(db: &TestDatabaseRef, sql: &str) -> Vec<Vec<Option<String>>> {
    fn take<R: Row>(row: &R) -> Vec<Option<String>>
    where
        for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
        usize: sqlx::ColumnIndex<R>,
    {
        (0..row.len()).map(|i| row.try_get(i).unwrap()).collect()
    }
    // The same steps on either engine's pool type.
    macro_rules! fetch {
        ($pool:ty) => {{
            let pool = <$pool>::connect(&db.url).await.unwrap();
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
                .fetch_all(&pool)
                .await
                .unwrap();
            let out = rows.iter().map(take).collect();
            pool.close().await;
            out
        }};
    }
    match db.backend {
        Backend::Sqlite => fetch!(sqlx::SqlitePool),
        Backend::Postgres => fetch!(sqlx::PgPool),
    }
}

fn text(cell: &Option<String>) -> &str {
    cell.as_deref().unwrap_or("")
}

fn int(cell: &Option<String>) -> i64 {
    text(cell).parse().unwrap()
}

fn value(dashboard: &Dashboard, key: DashboardSectionKey, row: &str, column: &str) -> f64 {
    dashboard
        .section(key)
        .unwrap()
        .value(row, column)
        .unwrap_or_else(|| panic!("{key:?} {row} {column}"))
}

#[allow(clippy::cast_precision_loss)]
fn hours(minutes: i64) -> f64 {
    (minutes as f64 / 60.0 * 100.0).round() / 100.0
}

fn median(mut days: Vec<i64>) -> Option<f64> {
    days.sort_unstable();
    let n = days.len();
    if n == 0 {
        return None;
    }
    #[allow(clippy::cast_precision_loss)]
    Some((days[(n - 1) / 2] + days[n / 2]) as f64 / 2.0)
}

/// The school condition of the direct counts: `None` for the whole programme.
fn schools_sql(school: Option<&str>) -> String {
    school
        .map(|name| format!(" AND o.name = '{name}'"))
        .unwrap_or_default()
}

/// Checks every section of `dashboard` against counts made here, for one school or all.
async fn check_against_direct_counts(
    app: &TestApp,
    db: &TestDatabaseRef,
    admin: &str,
    dashboard: &Dashboard,
    school: Option<&str>,
) {
    let only = schools_sql(school);
    use DashboardSectionKey as K;

    // 1. Spots: offered per placement, filled per match, suggested through the capacity API.
    let placements = texts(db, &format!(
        "SELECT o.region, p.start_moment, CAST(p.capacity AS TEXT) FROM placements p, organisations o \
         WHERE o.id = p.school_id AND p.school_year = {YEAR} AND p.status IN ('open', 'proposed', 'filled', 'closed'){only}")).await;
    let filled = texts(
        db,
        &format!(
            "SELECT o.region, p.start_moment FROM matches m, placements p, organisations o \
         WHERE p.id = m.placement_id AND o.id = p.school_id AND p.school_year = {YEAR} \
         AND m.status IN ('confirmed', 'active'){only}"
        ),
    )
    .await;
    let offered_where = |f: &dyn Fn(&str, &str) -> bool| {
        placements
            .iter()
            .filter(|r| f(text(&r[0]), text(&r[1])))
            .map(|r| int(&r[2]))
            .sum::<i64>() as f64
    };
    let filled_where = |f: &dyn Fn(&str, &str) -> bool| {
        filled
            .iter()
            .filter(|r| f(text(&r[0]), text(&r[1])))
            .count() as f64
    };
    assert_eq!(
        value(dashboard, K::Spots, "total", "offered"),
        offered_where(&|_, _| true)
    );
    assert_eq!(
        value(dashboard, K::Spots, "total", "filled"),
        filled_where(&|_, _| true)
    );
    for moment in ["september", "february"] {
        let row = format!("start_moment:{moment}");
        assert_eq!(
            value(dashboard, K::Spots, &row, "offered"),
            offered_where(&|_, m| m == moment)
        );
        assert_eq!(
            value(dashboard, K::Spots, &row, "filled"),
            filled_where(&|_, m| m == moment)
        );
    }
    let organisations: Page<Organisation> =
        app.get_json("/api/v1/organisations?limit=100", admin).await;
    let mut suggested_total = 0.0;
    for region in Region::ALL {
        let row = format!("region:{}", region.as_str());
        assert_eq!(
            value(dashboard, K::Spots, &row, "offered"),
            offered_where(&|r, _| r == region.as_str())
        );
        assert_eq!(
            value(dashboard, K::Spots, &row, "filled"),
            filled_where(&|r, _| r == region.as_str())
        );
        let mut suggested = 0.0;
        for org in organisations
            .items
            .iter()
            .filter(|o| o.kind == OrganisationKind::School && o.region == Some(*region))
        {
            if school.is_some_and(|name| name != org.name) {
                continue;
            }
            let capacity: SchoolCapacity = app
                .get_json(
                    &format!("/api/v1/schools/{}/capacity/{YEAR}-{}", org.id, YEAR + 1),
                    admin,
                )
                .await;
            if capacity.updated_at.is_some() {
                suggested += f64::from(capacity.suggestion.suggested);
            }
        }
        assert_eq!(
            value(dashboard, K::Spots, &row, "suggested"),
            suggested,
            "{row}"
        );
        suggested_total += suggested;
    }
    assert_eq!(
        value(dashboard, K::Spots, "total", "suggested"),
        suggested_total
    );

    // 2. Intake: ambassadors per status, and the days between recorded steps.
    let in_scope = match school {
        None => String::new(),
        Some(name) => format!(
            " AND a.id IN (SELECT m.ambassador_id FROM matches m, placements p, organisations o WHERE p.id = m.placement_id \
             AND o.id = p.school_id AND m.status IN ('confirmed', 'active', 'ended') AND o.name = '{name}')"
        ),
    };
    let statuses = texts(
        db,
        &format!("SELECT a.status FROM ambassadors a WHERE a.erased_at IS NULL{in_scope}"),
    )
    .await;
    let steps = texts(db, &format!(
        "SELECT a.email, i.status, CAST(i.on_date AS TEXT) FROM intake_steps i, ambassadors a \
         WHERE a.id = i.ambassador_id AND a.erased_at IS NULL{in_scope} ORDER BY a.email, i.on_date, i.recorded_at")).await;
    let today: NaiveDate = TODAY.parse().unwrap();
    let mut waits: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for (i, step) in steps.iter().enumerate() {
        let on: NaiveDate = text(&step[2]).parse().unwrap();
        let until = match steps.get(i + 1) {
            Some(next) if next[0] == step[0] => text(&next[2]).parse().unwrap(),
            _ => today,
        };
        waits
            .entry(text(&step[1]).to_owned())
            .or_default()
            .push((until - on).num_days());
    }
    for status in domain::ambassador::IntakeStatus::ALL {
        let row = format!("status:{}", status.as_str());
        let count = statuses
            .iter()
            .filter(|r| text(&r[0]) == status.as_str())
            .count() as f64;
        assert_eq!(
            value(dashboard, K::Intake, &row, "ambassadors"),
            count,
            "{row}"
        );
        let expected = if *status == domain::ambassador::IntakeStatus::Ended {
            None
        } else {
            median(waits.get(status.as_str()).cloned().unwrap_or_default())
        };
        assert_eq!(
            dashboard
                .section(K::Intake)
                .unwrap()
                .value(&row, "median_days"),
            expected,
            "{row}"
        );
    }

    // 3. Matches.
    let matches = texts(
        db,
        &format!(
            "SELECT m.status, m.reason FROM matches m, placements p, organisations o \
         WHERE p.id = m.placement_id AND o.id = p.school_id AND p.school_year = {YEAR}{only}"
        ),
    )
    .await;
    let with = |wanted: &[&str]| {
        matches
            .iter()
            .filter(|r| wanted.contains(&text(&r[0])))
            .count() as f64
    };
    assert_eq!(
        value(dashboard, K::Matches, "proposed", "matches"),
        matches.len() as f64
    );
    assert_eq!(
        value(dashboard, K::Matches, "confirmed", "matches"),
        with(&["confirmed", "active", "ended"])
    );
    assert_eq!(
        value(dashboard, K::Matches, "active", "matches"),
        with(&["active", "ended"])
    );
    assert_eq!(
        value(dashboard, K::Matches, "ended", "matches"),
        with(&["ended"])
    );
    for ended in matches.iter().filter(|r| text(&r[0]) == "ended") {
        let reason = text(&ended[1]);
        let same = matches
            .iter()
            .filter(|r| text(&r[0]) == "ended" && text(&r[1]) == reason)
            .count() as f64;
        assert_eq!(
            value(
                dashboard,
                K::Matches,
                &format!("reason:{reason}"),
                "matches"
            ),
            same
        );
    }

    // 4. Approved hours per month.
    let entries = texts(db, &format!(
        "SELECT CAST(h.entry_date AS TEXT), h.kind, CAST(h.minutes AS TEXT) FROM hour_entries h, organisations o \
         WHERE o.id = h.school_id AND h.status IN ('approved', 'locked'){only}")).await;
    let mut per_month: BTreeMap<(String, String), i64> = BTreeMap::new();
    for e in &entries {
        let date = text(&e[0]);
        if (format!("{YEAR}-08-01").as_str()..=format!("{}-07-31", YEAR + 1).as_str())
            .contains(&date)
        {
            *per_month
                .entry((date[..7].to_owned(), text(&e[1]).to_owned()))
                .or_default() += int(&e[2]);
        }
    }
    let hours_section = dashboard.section(K::Hours).unwrap();
    assert_eq!(hours_section.rows.len(), 12);
    for r in &hours_section.rows {
        let month = r.key.trim_start_matches("month:");
        for kind in ["sponsored", "volunteered"] {
            let expected = hours(
                per_month
                    .get(&(month.to_owned(), kind.to_owned()))
                    .copied()
                    .unwrap_or(0),
            );
            assert_eq!(
                hours_section.value(&r.key, kind),
                Some(expected),
                "{month} {kind}"
            );
        }
    }

    // 5. Allowances paid per month, per ambassador, against the caps.
    let lines = texts(
        db,
        &format!(
            "SELECT l.month, a.email, CAST(l.amount AS TEXT) FROM statement_lines l, ambassadors a \
         WHERE a.id = l.ambassador_id AND l.status = 'paid'{in_scope}"
        ),
    )
    .await;
    let caps: BTreeMap<String, i64> = texts(
        db,
        "SELECT CAST(year AS TEXT), CAST(monthly AS TEXT) FROM allowance_caps",
    )
    .await
    .iter()
    .map(|r| (text(&r[0]).to_owned(), int(&r[1])))
    .collect();
    let mut paid: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for l in &lines {
        *paid
            .entry(text(&l[0]).to_owned())
            .or_default()
            .entry(text(&l[1]).to_owned())
            .or_default() += int(&l[2]);
    }
    let allowances = dashboard.section(K::Allowances).unwrap();
    for r in &allowances.rows {
        let month = r.key.trim_start_matches("month:");
        let people = paid.get(month).cloned().unwrap_or_default();
        let total: i64 = people.values().sum();
        assert_eq!(
            allowances.value(&r.key, "paid"),
            Some(total as f64 / 100.0),
            "{month}"
        );
        assert_eq!(
            allowances.value(&r.key, "ambassadors"),
            Some(people.len() as f64),
            "{month}"
        );
        assert_eq!(
            allowances.value(&r.key, "highest"),
            Some(people.values().max().copied().unwrap_or(0) as f64 / 100.0)
        );
        if !people.is_empty() {
            let cap = caps.get(&month[..4]).copied();
            assert_eq!(
                allowances.value(&r.key, "monthly_cap"),
                cap.map(|c| c as f64 / 100.0)
            );
            let over = people
                .values()
                .filter(|v| cap.is_some_and(|c| **v > c))
                .count() as f64;
            assert_eq!(allowances.value(&r.key, "over_cap"), Some(over));
        }
    }

    // 6. Sponsored hours and social return per employer.
    let sponsored = texts(
        db,
        &format!(
            "SELECT e.name, o.municipality, CAST(h.minutes AS TEXT), CAST(h.entry_date AS TEXT) \
         FROM hour_entries h, ambassadors a, organisations e, organisations o \
         WHERE a.id = h.ambassador_id AND e.id = a.employer_id AND o.id = h.school_id \
         AND h.kind = 'sponsored' AND h.status IN ('approved', 'locked'){only}"
        ),
    )
    .await;
    let rules = store::Store::connect(&db.url)
        .await
        .unwrap()
        .list_sroi_rules()
        .await
        .unwrap();
    let mut per_employer: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for s in sponsored.iter().filter(|s| {
        (format!("{YEAR}-08-01").as_str()..=format!("{}-07-31", YEAR + 1).as_str())
            .contains(&text(&s[3]))
    }) {
        *per_employer
            .entry(text(&s[0]).to_owned())
            .or_default()
            .entry(text(&s[1]).to_owned())
            .or_default() += int(&s[2]);
    }
    let employers = dashboard.section(K::Employers).unwrap();
    assert_eq!(employers.rows.len(), per_employer.len());
    for r in &employers.rows {
        let places = &per_employer[&r.label];
        let minutes: i64 = places.values().sum();
        let value_cents: i64 = places
            .iter()
            .map(|(m, n)| {
                domain::sponsorship::social_return(u64::try_from(*n).unwrap(), m, &rules)
                    .value
                    .0
            })
            .sum();
        assert_eq!(
            r.values,
            vec![Some(hours(minutes)), Some(value_cents as f64 / 100.0)],
            "{}",
            r.label
        );
    }

    // 7. Training: enrolments in sessions of the year per course, status and attendance; for a
    // school, of the ambassadors placed there.
    let placed_here = if school.is_some() {
        format!(
            " AND e.ambassador_id IN (SELECT m.ambassador_id FROM matches m, placements p, organisations o \
             WHERE p.id = m.placement_id AND o.id = p.school_id AND m.status IN ('confirmed', 'active', 'ended'){only})"
        )
    } else {
        String::new()
    };
    let enrolments = texts(
        db,
        &format!(
            "SELECT c.title, e.status, e.attendance FROM course_enrolments e, course_sessions cs, courses c \
             WHERE cs.id = e.session_id AND c.id = cs.course_id \
             AND cs.session_date >= '{YEAR}-08-01' AND cs.session_date <= '{}-07-31'{placed_here}",
            YEAR + 1
        ),
    )
    .await;
    let training = dashboard.section(K::Training).unwrap();
    let mut titles: Vec<&str> = enrolments
        .iter()
        .filter(|e| matches!(text(&e[1]), "enrolled" | "offered" | "waiting"))
        .map(|e| text(&e[0]))
        .collect();
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(training.rows.len(), titles.len(), "{:?}", training.rows);
    for r in &training.rows {
        let count = |f: &dyn Fn(&str, &str) -> bool| {
            Some(
                enrolments
                    .iter()
                    .filter(|e| text(&e[0]) == r.label && f(text(&e[1]), text(&e[2])))
                    .count() as f64,
            )
        };
        assert_eq!(
            r.values,
            vec![
                count(&|s, a| s == "enrolled" && a == "present"),
                count(&|s, a| s == "enrolled" && a == "absent_notified"),
                count(&|s, a| s == "enrolled" && a == "absent_unnotified"),
                count(&|s, a| (s == "enrolled" && a.is_empty()) || s == "offered"),
                count(&|s, _| s == "waiting"),
            ],
            "{}",
            r.label
        );
    }
    if school.is_none() {
        // The demo's basic training: two places taken, one waiting.
        let basic = training
            .rows
            .iter()
            .find(|r| r.label == "Basistraining onderwijsambassadeur")
            .unwrap();
        assert_eq!(basic.values[4], Some(1.0));
    }
}

on_both_backends! {
    async fn every_number_of_the_demo_dashboard_matches_a_direct_count(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        // One month's allowance paid, so that section is not of zeros only: 2026's caps, Fenna's
        // October drawn up, adjusted within them, approved and paid.
        let caps = json!({"year": 2026, "hourly_21_plus": 560, "hourly_under_21": 330, "monthly": 21000, "yearly": 210000});
        let _: Value = app.post_ok("/api/v1/allowance-caps", &admin, &caps, StatusCode::CREATED).await;
        let october: Value = app.post_ok("/api/v1/statements", &admin, &json!({"month": "2026-10"}), StatusCode::OK).await;
        let line = format!("/api/v1/statement-lines/{}", october["lines"][0]["id"].as_str().unwrap());
        let _: Value = app.post_ok(&format!("{line}/adjustments"), &admin, &json!({"amount": 9000, "reason": "Binnen het uurmaximum"}), StatusCode::OK).await;
        for action in ["approve", "mark_paid"] {
            let _: Value = app.post_ok(&format!("{line}/transitions"), &admin, &json!({"action": action}), StatusCode::OK).await;
        }
        let dashboard: Dashboard = app.get_json("/api/v1/dashboard?school_year=2026-2027", &admin).await;
        let allowances = dashboard.section(DashboardSectionKey::Allowances).unwrap();
        assert!(allowances.rows.iter().flat_map(|r| r.values.iter().flatten()).any(|v| *v == 90.0), "{allowances:?}");
        assert!(!dashboard.own_schools_only);
        assert_eq!(dashboard.sections.iter().map(|s| s.key).collect::<Vec<_>>(), DashboardSectionKey::ALL);
        // The demo has spots, so the check is not of zeros only.
        assert!(value(&dashboard, DashboardSectionKey::Spots, "total", "offered") > 0.0);
        check_against_direct_counts(&app, &db, &admin, &dashboard, None).await;
        // The current school year is the default, and an empty region means all regions.
        let default: Dashboard = app.get_json("/api/v1/dashboard?region=&municipality=", &admin).await;
        assert_eq!(default, dashboard);

        // The director sees the same figures for their own school only.
        let director = app.login_as(DIRECTOR).await;
        let own: Dashboard = app.get_json("/api/v1/dashboard?school_year=2026-2027", &director).await;
        assert!(own.own_schools_only);
        check_against_direct_counts(&app, &db, &admin, &own, Some("Basisschool De Zeester")).await;
        let coordinator = app.login_as(COORDINATOR).await;
        let theirs: Dashboard = app.get_json("/api/v1/dashboard?school_year=2026-2027", &coordinator).await;
        assert_eq!(theirs, own);
    }

    async fn a_director_cannot_widen_the_dashboard_to_other_schools_and_others_may_not_see_it(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let spots = |d: &Dashboard| value(d, DashboardSectionKey::Spots, "total", "offered");
        // Het Kompas lies in region midden, in Amersfoort.
        for filter in ["region=midden", "municipality=Amersfoort", "region=midden&municipality=amersfoort"] {
            let programme: Dashboard = app.get_json(&format!("/api/v1/dashboard?{filter}"), &admin).await;
            assert!(spots(&programme) > 0.0, "{filter}");
            let narrowed: Dashboard = app.get_json(&format!("/api/v1/dashboard?{filter}"), &director).await;
            for section in &narrowed.sections {
                for row in &section.rows {
                    assert!(row.values.iter().all(|v| v.is_none_or(|v| v == 0.0)), "{filter}: {:?} {row:?}", section.key);
                }
            }
            let xlsx = app.get(&format!("/api/v1/dashboard.xlsx?{filter}"), &director).await;
            assert_eq!(xlsx.status(), StatusCode::OK);
        }
        let other: Dashboard = app.get_json("/api/v1/dashboard", &app.login_as(OTHER_DIRECTOR).await).await;
        let own: Dashboard = app.get_json("/api/v1/dashboard", &director).await;
        assert_ne!(other, own);

        for who in [AMBASSADOR, EMPLOYER_CONTACT] {
            let token = app.login_as(who).await;
            for path in ["/api/v1/dashboard", "/api/v1/dashboard.xlsx"] {
                assert_problem(app.get(path, &token).await, StatusCode::FORBIDDEN, "forbidden").await;
            }
        }
        let partner = app.partner_token().await;
        assert_problem(app.get("/api/v1/dashboard", &partner).await, StatusCode::FORBIDDEN, "forbidden").await;
        let anonymous = app.client.get(app.url("/api/v1/dashboard")).send().await.unwrap();
        assert_problem(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;

        for bad in ["region=oost", "school_year=1999-2000", "school_year=volgend", "school=1", "region=noord&region=zuid"] {
            for path in ["/api/v1/dashboard", "/api/v1/dashboard.xlsx"] {
                assert_problem(app.get(&format!("{path}?{bad}"), &admin).await, StatusCode::BAD_REQUEST, "invalid_query").await;
            }
        }
        let long = "a".repeat(101);
        assert_problem(app.get(&format!("/api/v1/dashboard?municipality={long}"), &admin).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
    }

    async fn the_excel_workbook_holds_the_same_numbers_as_the_json(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let dashboard: Dashboard = app.get_json("/api/v1/dashboard?school_year=2026-2027", &admin).await;
        let response = app.get("/api/v1/dashboard.xlsx?school_year=2026-2027", &admin).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        let bytes = response.bytes().await.unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let mut workbook = String::new();
        archive.by_name("xl/workbook.xml").unwrap().read_to_string(&mut workbook).unwrap();
        let doc = roxmltree::Document::parse(&workbook).unwrap();
        let names: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("sheet")).filter_map(|n| n.attribute("name")).collect();
        assert_eq!(names, ["Plekken", "Intake", "Koppelingen", "Uren", "Vergoedingen", "Werkgevers", "Trainingen"]);
        for (i, section) in dashboard.sections.iter().enumerate() {
            let mut xml = String::new();
            archive.by_name(&format!("xl/worksheets/sheet{}.xml", i + 1)).unwrap().read_to_string(&mut xml).unwrap();
            let sheet = roxmltree::Document::parse(&xml).unwrap();
            // Numeric cells by (row, column), 0-based.
            let mut numbers: BTreeMap<(usize, usize), f64> = BTreeMap::new();
            for cell in sheet.descendants().filter(|n| n.has_tag_name("c") && n.attribute("t").is_none()) {
                let Some(v) = cell.children().find(|n| n.has_tag_name("v")).and_then(|v| v.text()) else { continue };
                let r = cell.attribute("r").unwrap();
                let letters: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
                let column = letters.chars().fold(0, |acc, c| acc * 26 + (c as usize - 'A' as usize + 1)) - 1;
                let row: usize = r[letters.len()..].parse::<usize>().unwrap() - 1;
                numbers.insert((row, column), v.parse().unwrap());
            }
            let mut expected = BTreeMap::new();
            for (r, row) in section.rows.iter().enumerate() {
                for (c, v) in row.values.iter().enumerate() {
                    if let Some(v) = v {
                        expected.insert((r + 1, c + 1), *v);
                    }
                }
            }
            assert_eq!(numbers, expected, "{:?}", section.key);
            // Headings in Dutch, as the JSON gives them.
            let mut shared = String::new();
            archive.by_name("xl/sharedStrings.xml").unwrap().read_to_string(&mut shared).unwrap();
            for column in &section.columns {
                assert!(shared.contains(&column.label.replace('&', "&amp;")), "{}", column.label);
            }
        }
    }
}

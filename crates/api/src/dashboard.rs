//! The programme dashboard, put together from the store's sums: one [`DashboardSection`] per
//! chart, in a fixed order. A new chart is one more function here and one more call in
//! [`build`].

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use domain::ambassador::IntakeStatus;
use domain::contract::{
    Dashboard, DashboardChart, DashboardColumn, DashboardQuery, DashboardRow, DashboardSection,
    DashboardSectionKey, DashboardUnit, SchoolCapacityInput, TeacherOptIn,
};
use domain::sponsorship::social_return;
use domain::{Region, SchoolYear, StartMoment};
use store::{DashboardFilter, Store, StoreError};
use uuid::Uuid;

use crate::error::ApiError;
use crate::policy::DashboardScope;

/// Computes the dashboard for `query`, narrowed to `scope`.
pub async fn build(
    store: &Store,
    today: NaiveDate,
    scope: &DashboardScope,
    query: &DashboardQuery,
) -> Result<Dashboard, ApiError> {
    query.validate().map_err(ApiError::invalid_fields)?;
    let year = query
        .school_year
        .unwrap_or_else(|| SchoolYear::containing(today));
    let filter = DashboardFilter {
        region: query.region,
        municipality: query.municipality().map(str::to_owned),
        schools: match scope {
            DashboardScope::Programme => None,
            DashboardScope::Schools(ids) => Some(ids.clone()),
        },
    };
    let sections = vec![
        spots(store, year, &filter).await?,
        intake(store, today, &filter).await?,
        matches(store, year, &filter).await?,
        hours(store, year, &filter).await?,
        allowances(store, year, &filter).await?,
        employers(store, year, &filter).await?,
        training(store, year, &filter).await?,
    ];
    Ok(Dashboard {
        school_year: year,
        region: query.region,
        municipality: filter.municipality.clone(),
        own_schools_only: filter.schools.is_some(),
        sections,
    })
}

fn column(key: &str, label: &str, unit: DashboardUnit) -> DashboardColumn {
    DashboardColumn {
        key: key.to_owned(),
        label: label.to_owned(),
        unit,
    }
}

fn row(key: impl Into<String>, label: impl Into<String>, values: Vec<Option<f64>>) -> DashboardRow {
    DashboardRow {
        key: key.into(),
        label: label.into(),
        values,
    }
}

#[allow(clippy::cast_precision_loss)]
fn number(n: i64) -> Option<f64> {
    Some(n as f64)
}

/// Minutes as hours, to two decimals.
#[allow(clippy::cast_precision_loss)]
fn hours_of(minutes: i64) -> Option<f64> {
    Some((minutes as f64 / 60.0 * 100.0).round() / 100.0)
}

/// Cents as euros.
#[allow(clippy::cast_precision_loss)]
fn euros(cents: i64) -> Option<f64> {
    Some(cents as f64 / 100.0)
}

fn region_label(region: Region) -> String {
    format!("Regio {}", region.as_str())
}

fn moment_label(moment: StartMoment) -> &'static str {
    match moment {
        StartMoment::September => "Start september",
        StartMoment::February => "Start februari",
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// The twelve months of a school year, August to July, as (`YYYY-MM`, Dutch label).
fn school_months(year: SchoolYear) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(12);
    let mut date = year.first_day();
    for _ in 0..12 {
        let index = usize::try_from(date.month0()).unwrap_or(0);
        out.push((
            date.format("%Y-%m").to_string(),
            format!("{} {}", MONTHS[index], date.year()),
        ));
        date = date
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(date);
    }
    out
}

async fn spots(
    store: &Store,
    year: SchoolYear,
    filter: &DashboardFilter,
) -> Result<DashboardSection, ApiError> {
    let offered = store.dashboard_offered(year, filter).await?;
    let filled = store.dashboard_filled(year, filter).await?;
    let (facts, answers) = store.dashboard_capacities(year, filter).await?;
    // The suggestion per school, as the capacity page computes it.
    let mut suggested_per_region: BTreeMap<String, i64> = BTreeMap::new();
    for fact in facts {
        let teachers = serde_json::from_str(&fact.teachers).map_err(|e| {
            ApiError::from(StoreError::Corrupt(format!(
                "teachers of a school capacity: {e}"
            )))
        })?;
        let count = |n: i32| u32::try_from(n).unwrap_or(0);
        let input = SchoolCapacityInput {
            groups: count(fact.groups),
            groups_with_intern: count(fact.groups_with_intern),
            groups_with_starting_teacher: count(fact.groups_with_starting_teacher),
            teachers,
            offered: None,
        };
        let own: Vec<TeacherOptIn> = answers
            .iter()
            .filter(|a| a.school_id == fact.school_id)
            .cloned()
            .collect();
        *suggested_per_region.entry(fact.region).or_default() +=
            i64::from(input.suggestion_with(&own).suggested);
    }
    let sum = |counts: &[store::SpotCount], moment: Option<&str>, region: Option<&str>| {
        counts
            .iter()
            .filter(|c| moment.is_none_or(|m| c.start_moment == m))
            .filter(|c| region.is_none_or(|r| c.region == r))
            .map(|c| c.count)
            .sum::<i64>()
    };
    let mut rows = vec![row(
        "total",
        format!("Totaal {year}"),
        vec![
            number(sum(&offered, None, None)),
            number(suggested_per_region.values().sum()),
            number(sum(&filled, None, None)),
        ],
    )];
    for moment in StartMoment::ALL {
        rows.push(row(
            format!("start_moment:{}", moment.as_str()),
            moment_label(*moment),
            vec![
                number(sum(&offered, Some(moment.as_str()), None)),
                None,
                number(sum(&filled, Some(moment.as_str()), None)),
            ],
        ));
    }
    for region in Region::ALL {
        rows.push(row(
            format!("region:{}", region.as_str()),
            region_label(*region),
            vec![
                number(sum(&offered, None, Some(region.as_str()))),
                number(
                    suggested_per_region
                        .get(region.as_str())
                        .copied()
                        .unwrap_or(0),
                ),
                number(sum(&filled, None, Some(region.as_str()))),
            ],
        ));
    }
    Ok(DashboardSection {
        key: DashboardSectionKey::Spots,
        title: "Plekken: aangeboden, voorgesteld en gevuld".into(),
        chart: DashboardChart::GroupedBars,
        columns: vec![
            column("offered", "Aangeboden", DashboardUnit::Count),
            column("suggested", "Voorgesteld", DashboardUnit::Count),
            column("filled", "Gevuld", DashboardUnit::Count),
        ],
        rows,
    })
}

/// The Dutch name of an intake status.
pub fn intake_label(status: IntakeStatus) -> &'static str {
    match status {
        IntakeStatus::Registered => "Aangemeld",
        IntakeStatus::IntakePlanned => "Intake gepland",
        IntakeStatus::IntakeDone => "Intake gehouden",
        IntakeStatus::VogRequested => "VOG aangevraagd",
        IntakeStatus::Available => "Beschikbaar",
        IntakeStatus::Matched => "Gekoppeld",
        IntakeStatus::Active => "Actief",
        IntakeStatus::Ended => "Gestopt",
    }
}

/// The median of a histogram of (value, how often).
#[allow(clippy::cast_precision_loss)]
fn median(histogram: &mut [(i64, i64)]) -> Option<f64> {
    histogram.sort_unstable();
    let total: i64 = histogram.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    // The values at 0-based positions (total - 1) / 2 and total / 2.
    let at = |position: i64| {
        let mut seen = 0;
        for (value, n) in histogram.iter() {
            seen += n;
            if position < seen {
                return *value;
            }
        }
        0
    };
    Some((at((total - 1) / 2) + at(total / 2)) as f64 / 2.0)
}

async fn intake(
    store: &Store,
    today: NaiveDate,
    filter: &DashboardFilter,
) -> Result<DashboardSection, ApiError> {
    let counts = store.dashboard_intake_counts(filter).await?;
    let days = store.dashboard_intake_days(today, filter).await?;
    let rows = IntakeStatus::ALL
        .iter()
        .map(|status| {
            let count = counts
                .iter()
                .filter(|(s, _)| s == status.as_str())
                .map(|(_, n)| n)
                .sum();
            let mut histogram: Vec<(i64, i64)> = days
                .iter()
                .filter(|d| d.status == status.as_str())
                .map(|d| (d.days, d.count))
                .collect();
            row(
                format!("status:{}", status.as_str()),
                intake_label(*status),
                vec![number(count), median(&mut histogram)],
            )
        })
        .collect();
    Ok(DashboardSection {
        key: DashboardSectionKey::Intake,
        title: "Ambassadeurs per intakestap en wachttijd".into(),
        chart: DashboardChart::Bars,
        columns: vec![
            column("ambassadors", "Ambassadeurs", DashboardUnit::Count),
            column(
                "median_days",
                "Mediaan wachttijd (dagen)",
                DashboardUnit::Days,
            ),
        ],
        rows,
    })
}

async fn matches(
    store: &Store,
    year: SchoolYear,
    filter: &DashboardFilter,
) -> Result<DashboardSection, ApiError> {
    let funnel = store.dashboard_match_funnel(year, filter).await?;
    let reasons = store.dashboard_end_reasons(year, filter).await?;
    let mut rows = vec![
        row("proposed", "Voorgesteld", vec![number(funnel.proposed)]),
        row("confirmed", "Bevestigd", vec![number(funnel.confirmed)]),
        row("active", "Gestart", vec![number(funnel.active)]),
        row("ended", "Voortijdig beëindigd", vec![number(funnel.ended)]),
    ];
    for (reason, count) in reasons {
        let shown = if reason.trim().is_empty() {
            "(geen reden)".to_owned()
        } else {
            reason.trim().to_owned()
        };
        rows.push(row(
            format!("reason:{reason}"),
            format!("Reden: {shown}"),
            vec![number(count)],
        ));
    }
    Ok(DashboardSection {
        key: DashboardSectionKey::Matches,
        title: "Koppelingen: voorgesteld tot voortijdig beëindigd".into(),
        chart: DashboardChart::Bars,
        columns: vec![column("matches", "Koppelingen", DashboardUnit::Count)],
        rows,
    })
}

async fn hours(
    store: &Store,
    year: SchoolYear,
    filter: &DashboardFilter,
) -> Result<DashboardSection, ApiError> {
    let minutes = store.dashboard_hours(year, filter).await?;
    let of = |month: &str, kind: &str| {
        minutes
            .iter()
            .filter(|m| m.month == month && m.kind == kind)
            .map(|m| m.minutes)
            .sum::<i64>()
    };
    let rows = school_months(year)
        .into_iter()
        .map(|(month, label)| {
            let values = vec![
                hours_of(of(&month, "sponsored")),
                hours_of(of(&month, "volunteered")),
            ];
            row(format!("month:{month}"), label, values)
        })
        .collect();
    Ok(DashboardSection {
        key: DashboardSectionKey::Hours,
        title: "Goedgekeurde uren per maand".into(),
        chart: DashboardChart::GroupedBars,
        columns: vec![
            column("sponsored", "Gesponsord (uur)", DashboardUnit::Hours),
            column("volunteered", "Vrijwillig (uur)", DashboardUnit::Hours),
        ],
        rows,
    })
}

async fn allowances(
    store: &Store,
    year: SchoolYear,
    filter: &DashboardFilter,
) -> Result<DashboardSection, ApiError> {
    let months = store.dashboard_allowances(year, filter).await?;
    let rows = school_months(year)
        .into_iter()
        .map(|(month, label)| {
            let found = months.iter().find(|m| m.month == month);
            let values = match found {
                Some(m) => vec![
                    euros(m.paid),
                    number(m.ambassadors),
                    euros(m.highest),
                    m.monthly_cap.and_then(euros),
                    number(m.over_cap),
                ],
                None => vec![euros(0), number(0), euros(0), None, number(0)],
            };
            row(format!("month:{month}"), label, values)
        })
        .collect();
    Ok(DashboardSection {
        key: DashboardSectionKey::Allowances,
        title: "Uitbetaalde vrijwilligersvergoedingen per maand".into(),
        chart: DashboardChart::Bars,
        columns: vec![
            column("paid", "Uitbetaald (€)", DashboardUnit::Euros),
            column("ambassadors", "Ambassadeurs", DashboardUnit::Count),
            column(
                "highest",
                "Hoogste per ambassadeur (€)",
                DashboardUnit::Euros,
            ),
            column("monthly_cap", "Maandplafond (€)", DashboardUnit::Euros),
            column("over_cap", "Boven maandplafond", DashboardUnit::Count),
        ],
        rows,
    })
}

async fn employers(
    store: &Store,
    year: SchoolYear,
    filter: &DashboardFilter,
) -> Result<DashboardSection, ApiError> {
    let minutes = store.dashboard_employer_minutes(year, filter).await?;
    let rules = store.list_sroi_rules().await?;
    // Per employer: name, minutes and value, in the order the store gave (by name).
    let mut per_employer: Vec<(Uuid, String, i64, i64)> = Vec::new();
    for m in minutes {
        let value = social_return(
            u64::try_from(m.minutes).unwrap_or(0),
            &m.municipality,
            &rules,
        )
        .value
        .0;
        match per_employer.iter_mut().find(|e| e.0 == m.employer_id) {
            Some(e) => {
                e.2 += m.minutes;
                e.3 += value;
            }
            None => per_employer.push((m.employer_id, m.employer_name, m.minutes, value)),
        }
    }
    let rows = per_employer
        .into_iter()
        .map(|(id, name, minutes, value)| {
            row(
                format!("employer:{id}"),
                name,
                vec![hours_of(minutes), euros(value)],
            )
        })
        .collect();
    Ok(DashboardSection {
        key: DashboardSectionKey::Employers,
        title: "Gesponsorde uren en maatschappelijke waarde per werkgever".into(),
        chart: DashboardChart::Bars,
        columns: vec![
            column("sponsored_hours", "Gesponsorde uren", DashboardUnit::Hours),
            column(
                "social_return",
                "Maatschappelijke waarde (€)",
                DashboardUnit::Euros,
            ),
        ],
        rows,
    })
}

/// Per course: how many were present, absent with or without notice, still to come (a place
/// without attendance recorded) and waiting, in sessions of the school year.
async fn training(
    store: &Store,
    year: SchoolYear,
    filter: &DashboardFilter,
) -> Result<DashboardSection, ApiError> {
    let columns = [
        ("present", "Aanwezig"),
        ("absent_notified", "Afwezig (afgemeld)"),
        ("absent_unnotified", "Afwezig (niet afgemeld)"),
        ("to_come", "Ingeschreven, nog niet ingevuld"),
        ("waiting", "Op de wachtlijst"),
    ];
    let mut per_course: Vec<(Uuid, String, [i64; 5])> = Vec::new();
    for count in store.dashboard_training(year, filter).await? {
        let column = match (count.status.as_str(), count.attendance.as_deref()) {
            ("enrolled", Some("present")) => 0,
            ("enrolled", Some("absent_notified")) => 1,
            ("enrolled", Some("absent_unnotified")) => 2,
            ("enrolled" | "offered", _) => 3,
            ("waiting", _) => 4,
            _ => continue,
        };
        let index = match per_course.iter().position(|c| c.0 == count.course_id) {
            Some(index) => index,
            None => {
                per_course.push((count.course_id, count.title.clone(), [0; 5]));
                per_course.len() - 1
            }
        };
        per_course[index].2[column] += count.enrolments;
    }
    Ok(DashboardSection {
        key: DashboardSectionKey::Training,
        title: "Aanwezigheid bij trainingen".into(),
        chart: DashboardChart::GroupedBars,
        columns: columns
            .iter()
            .map(|(key, label)| column(key, label, DashboardUnit::Count))
            .collect(),
        rows: per_course
            .into_iter()
            .map(|(id, title, counts)| {
                row(
                    format!("course:{id}"),
                    title,
                    counts.iter().map(|n| number(*n)).collect(),
                )
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_a_histogram() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [(5, 1)]), Some(5.0));
        assert_eq!(median(&mut [(10, 1), (2, 1)]), Some(6.0));
        assert_eq!(median(&mut [(1, 3), (9, 1)]), Some(1.0));
        assert_eq!(median(&mut [(1, 2), (3, 1), (9, 2)]), Some(3.0));
    }

    #[test]
    fn a_school_year_runs_august_to_july() {
        let months = school_months(SchoolYear::starting(2026).unwrap());
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], ("2026-08".to_owned(), "aug 2026".to_owned()));
        assert_eq!(months[11], ("2027-07".to_owned(), "jul 2027".to_owned()));
    }
}

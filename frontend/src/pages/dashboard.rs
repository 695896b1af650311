//! Dashboard: the programme's figures per school year, each section as a bar chart drawn here
//! in SVG and as the same numbers in a table beside it; filters for school year, region and
//! municipality; and the whole as an Excel workbook. A director sees their own school only (the
//! server decides that).

use domain::contract::{
    Dashboard, DashboardChart, DashboardQuery, DashboardSection, DashboardUnit,
};
use domain::{Region, SchoolYear};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::dashboard::{dashboard, dashboard_xlsx};
use crate::api::{Api, ApiError};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading};
use crate::download::save_bytes;
use crate::format::today;
use crate::hooks::{use_texts, use_title};
use crate::i18n::{DashboardTexts, fill};
use crate::pages::employers::load::use_loaded;

/// The file name of the workbook: `dashboard-2026-2027.xlsx`.
fn file_name(year: SchoolYear) -> String {
    format!("dashboard-{year}.xlsx")
}

/// A number the Dutch way: whole numbers plain, others with two decimals and a comma; euros
/// with a euro sign.
pub fn format_value(value: Option<f64>, unit: DashboardUnit) -> String {
    let Some(value) = value else {
        return "–".to_owned();
    };
    let text = if value.fract() == 0.0 && unit != DashboardUnit::Euros {
        format!("{value:.0}")
    } else {
        format!("{value:.2}").replace('.', ",")
    };
    if unit == DashboardUnit::Euros {
        format!("€ {text}")
    } else {
        text
    }
}

/// The columns a section's chart draws: the first for bars, every one for grouped bars.
fn charted(section: &DashboardSection) -> Vec<usize> {
    match section.chart {
        DashboardChart::Bars => vec![0],
        DashboardChart::GroupedBars => (0..section.columns.len()).collect(),
    }
}

const WIDTH: f64 = 400.0;
const BAR_AREA: f64 = 300.0;
const LABEL: f64 = 16.0;
const BAR: f64 = 12.0;
const GAP: f64 = 3.0;
const ROW_GAP: f64 = 8.0;
const LEGEND: f64 = 20.0;

/// A horizontal bar chart of a section: per row its label, then one bar per charted column
/// with the value at its end. Scales to its box (viewBox), so it reads on a phone as on a wide
/// screen.
fn chart(section: &DashboardSection, id: &str, title: &str) -> Html {
    let columns = charted(section);
    let max = section
        .rows
        .iter()
        .flat_map(|r| {
            columns
                .iter()
                .filter_map(|c| r.values.get(*c).copied().flatten())
        })
        .fold(0.0_f64, f64::max);
    let legend = columns.len() > 1;
    let top = if legend { LEGEND } else { 0.0 };
    let per_row = LABEL + (BAR + GAP) * columns.len() as f64 + ROW_GAP;
    let height = top + per_row * section.rows.len() as f64;
    let legend_html = if legend {
        columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let x = i as f64 * (WIDTH / columns.len() as f64);
                html! {
                    <g class={format!("series-{i}")}>
                        <rect x={x.to_string()} y="4" width="10" height="10" />
                        <text x={(x + 14.0).to_string()} y="13" class="chart-legend">{ &section.columns[*c].label }</text>
                    </g>
                }
            })
            .collect::<Html>()
    } else {
        html! {}
    };
    let rows = section.rows.iter().enumerate().map(|(r, row)| {
        let y0 = top + per_row * r as f64;
        let bars = columns.iter().enumerate().map(|(i, c)| {
            let value = row.values.get(*c).copied().flatten();
            let length = match value {
                Some(v) if max > 0.0 => (v / max * BAR_AREA).max(if v > 0.0 { 1.0 } else { 0.0 }),
                _ => 0.0,
            };
            let y = y0 + LABEL + (BAR + GAP) * i as f64;
            let unit = section.columns[*c].unit;
            html! {
                <g class={format!("series-{i}")}>
                    <rect x="0" y={y.to_string()} width={format!("{length:.1}")} height={BAR.to_string()} />
                    <text x={format!("{:.1}", length + 4.0)} y={(y + BAR - 2.0).to_string()} class="chart-value">
                        { format_value(value, unit) }
                    </text>
                </g>
            }
        });
        html! {
            <g class="chart-row">
                <text x="0" y={(y0 + LABEL - 4.0).to_string()} class="chart-label">{ &row.label }</text>
                { for bars }
            </g>
        }
    });
    html! {
        <svg id={id.to_owned()} class="dashboard-chart" role="img" aria-label={title.to_owned()}
            viewBox={format!("0 0 {WIDTH} {height:.0}")} preserveAspectRatio="xMinYMin meet"
            xmlns="http://www.w3.org/2000/svg">
            <title>{ title }</title>
            { legend_html }
            { for rows }
        </svg>
    }
}

/// The same numbers as a table.
fn table(section: &DashboardSection, id: &str, t: &DashboardTexts) -> Html {
    html! {
        <div class="table-wrap">
            <table id={id.to_owned()} class="dashboard-table">
                <caption class="visually-hidden">{ &section.title }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.row }</th>
                        { for section.columns.iter().map(|c| html! { <th scope="col" class="number">{ &c.label }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for section.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ &row.label }</th>
                            { for section.columns.iter().zip(&row.values).map(|(c, v)| html! {
                                <td class="number">{ format_value(*v, c.unit) }</td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn section_view(section: &DashboardSection, t: &DashboardTexts) -> Html {
    let key = section.key.as_str();
    let title = fill(t.chart_of, &[("title", &section.title)]);
    let body = if section.rows.is_empty() {
        html! { <p class="field-hint">{ t.nothing }</p> }
    } else {
        html! {
            <div class="dashboard-figures">
                <figure class="dashboard-figure">{ chart(section, &format!("chart-{key}"), &title) }</figure>
                { table(section, &format!("table-{key}"), t) }
            </div>
        }
    };
    html! {
        <section id={format!("section-{key}")} class="dashboard-section" aria-labelledby={format!("title-{key}")}>
            <h2 id={format!("title-{key}")}>{ &section.title }</h2>
            { body }
        </section>
    }
}

fn dashboard_view(shown: &Dashboard, t: &DashboardTexts) -> Html {
    html! {
        <>
            if shown.own_schools_only {
                <p id="dashboard-own-schools" class="field-hint">{ t.own_schools }</p>
            }
            { for shown.sections.iter().map(|s| section_view(s, t)) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    pub session: Session,
}

#[component]
pub fn DashboardPage(props: &DashboardProps) -> Html {
    let texts = use_texts();
    let t = texts.dashboard();
    use_title(t.menu);
    let current = *use_memo((), |_| SchoolYear::containing(today()));
    let year = use_state(|| current);
    let region = use_state(|| None::<Region>);
    let municipality = use_state(String::new);
    let applied = use_state(|| DashboardQuery {
        school_year: Some(current),
        ..DashboardQuery::default()
    });
    let loaded = {
        let api = props.session.api.clone();
        use_loaded((*applied).clone(), move |query: DashboardQuery| {
            let api = api.clone();
            async move { dashboard(&api, &query).await }
        })
    };
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let message = use_state(|| None::<String>);

    let onsubmit = {
        let (year, region, municipality, applied) = (
            year.clone(),
            region.clone(),
            municipality.clone(),
            applied.clone(),
        );
        let reload = loaded.reload.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let query = DashboardQuery {
                school_year: Some(*year),
                region: *region,
                municipality: Some(municipality.trim().to_owned()).filter(|m| !m.is_empty()),
            };
            if *applied == query {
                reload.emit(());
            } else {
                applied.set(query);
            }
        })
    };
    let on_year = {
        let year = year.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(chosen) = SchoolYear::parse(&value) {
                year.set(chosen);
            }
        })
    };
    let on_region = {
        let region = region.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            region.set(Region::parse(&value).ok());
        })
    };
    let on_municipality = {
        let municipality = municipality.clone();
        Callback::from(move |event: InputEvent| {
            municipality.set(
                event
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
        })
    };
    let download = {
        let api: Api = props.session.api.clone();
        let (busy, failure, message, applied) = (
            busy.clone(),
            failure.clone(),
            message.clone(),
            applied.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            failure.set(None);
            message.set(None);
            let query = (*applied).clone();
            let api = api.clone();
            let (busy, failure, message) = (busy.clone(), failure.clone(), message.clone());
            spawn_local(async move {
                let name = file_name(query.school_year.unwrap_or(current));
                let saved = dashboard_xlsx(&api, &query).await.and_then(|bytes| {
                    save_bytes(
                        &name,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        &bytes,
                    )
                    .map_err(|_| ApiError::Unexpected)
                });
                busy.set(false);
                match saved {
                    Ok(()) => message.set(Some(fill(t.downloaded, &[("file", &name)]))),
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let years: Vec<SchoolYear> = [
        current.start_year() - 2,
        current.start_year() - 1,
        current.start_year(),
        current.start_year() + 1,
    ]
    .into_iter()
    .filter_map(|y| SchoolYear::starting(y).ok())
    .collect();
    let body = match &*loaded.state {
        None => html! { <Loading /> },
        Some(Err(error)) => html! {
            <ErrorMessage error={error.clone()} on_retry={loaded.reload.clone()} />
        },
        Some(Ok(shown)) => dashboard_view(shown, t),
    };
    html! {
        <section id="dashboard" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu }</h1>
            <p class="lead">{ t.intro }</p>
            <form id="dashboard-filters" class="filters" novalidate=true aria-label={t.menu} {onsubmit}>
                <div class="field field-narrow">
                    <label for="dashboard-year">{ t.school_year }</label>
                    <select id="dashboard-year" onchange={on_year}>
                        { for years.iter().map(|y| html! {
                            <option value={y.to_string()} selected={*y == *year}>{ y.to_string() }</option>
                        }) }
                    </select>
                </div>
                <div class="field field-narrow">
                    <label for="dashboard-region">{ t.region }</label>
                    <select id="dashboard-region" onchange={on_region}>
                        <option value="" selected={region.is_none()}>{ t.all_regions }</option>
                        { for Region::ALL.iter().map(|r| html! {
                            <option value={r.as_str()} selected={*region == Some(*r)}>{ r.as_str() }</option>
                        }) }
                    </select>
                </div>
                <div class="field field-narrow">
                    <label for="dashboard-municipality">{ t.municipality }</label>
                    <input id="dashboard-municipality" type="text" maxlength="100"
                        value={(*municipality).clone()} oninput={on_municipality}
                        aria-describedby="dashboard-municipality-hint" />
                    <p id="dashboard-municipality-hint" class="field-hint">{ t.municipality_hint }</p>
                </div>
                <div class="filter-actions">
                    <button type="submit" id="dashboard-show">{ t.show }</button>
                    <button type="button" id="dashboard-download" class="button-secondary"
                        onclick={download} disabled={*busy}>
                        { if *busy { t.downloading } else { t.download } }
                    </button>
                </div>
            </form>
            if let Some(text) = &*message {
                <p id="dashboard-downloaded" class="message message-success" role="status">{ text }</p>
            }
            if failure.is_some() {
                <p id="dashboard-download-error" class="message message-error" role="alert">{ t.download_failed }</p>
            }
            { body }
        </section>
    }
}

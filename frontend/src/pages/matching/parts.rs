//! What proposals and matches show alike, on the Matching, Kandidaten and ambassador pages: the
//! score and what it is made of, the reasons, the ambassador in brief, the meeting, the status.

use domain::contract::{AmbassadorSummary, Match, Meeting};
use domain::match_lifecycle::MatchStatus;
use domain::matching::ScorePart;
use yew::prelude::*;

use crate::i18n::{Texts, fill};

/// The score, large, with the points per criterion next to it.
pub fn score(texts: &'static Texts, total: u64, breakdown: &[ScorePart]) -> Html {
    let t = texts.matching();
    html! {
        <div class="score">
            <p class="score-total">
                <span class="score-label">{ t.score }</span>
                <strong class="score-value">{ total }</strong>
            </p>
            <dl class="breakdown" aria-label={t.breakdown_title}>
                { for breakdown.iter().map(|part| html! {
                    <div class={classes!("breakdown-part", format!("criterion-{}", part.criterion.as_str()))}>
                        <dt>{ t.criterion(part.criterion) }</dt>
                        <dd>{ format!("+{}", part.points) }</dd>
                    </div>
                }) }
            </dl>
        </div>
    }
}

/// Why a pair was proposed, in the server's Dutch sentences.
pub fn reasons(texts: &'static Texts, reasons: &[String]) -> Html {
    html! {
        <div class="reasons-block">
            <p class="reasons-title">{ texts.matching().reasons_title }</p>
            <ul class="reasons">
                { for reasons.iter().map(|reason| html! { <li>{ reason.clone() }</li> }) }
            </ul>
        </div>
    }
}

/// The ambassador's expertise, themes and employer.
pub fn ambassador_facts(texts: &'static Texts, ambassador: &AmbassadorSummary) -> Html {
    let t = texts.matching();
    let words: Vec<&String> = ambassador
        .expertise
        .iter()
        .chain(ambassador.themes.iter())
        .collect();
    let employer = ambassador
        .employer_name
        .clone()
        .unwrap_or_else(|| t.no_employer.to_owned());
    html! {
        <div class="ambassador-facts">
            <p class="employer"><span class="muted">{ t.employer }{ ": " }</span>{ employer }</p>
            if !words.is_empty() {
                <ul class="tags" aria-label={format!("{} / {}", t.expertise, t.themes)}>
                    { for words.into_iter().map(|word| html! { <li>{ word.clone() }</li> }) }
                </ul>
            }
        </div>
    }
}

/// The introduction meeting, or that it is still to be planned.
pub fn meeting(texts: &'static Texts, meeting: Option<&Meeting>) -> Html {
    let t = texts.matching();
    match meeting {
        Some(meeting) => html! {
            <p class="meeting">
                <span class="meeting-label">{ t.meeting_title }{ ": " }</span>
                <span class="meeting-when">{ t.meeting_when(&texts.dates, meeting.at) }</span>
                { " · " }
                <span class="meeting-place">{ meeting.place.clone() }</span>
            </p>
        },
        None => html! { <p class="meeting-pending muted">{ t.meeting_none }</p> },
    }
}

/// A match's status as a coloured label.
pub fn status(texts: &'static Texts, status: MatchStatus) -> Html {
    html! {
        <span class={classes!("status", "match-status", format!("status-{}", status.as_str()))}>
            { texts.matching().status(status) }
        </span>
    }
}

/// Who confirmed, who declined and why, when it starts or ended.
pub fn progress(texts: &'static Texts, candidate: &Match) -> Html {
    let t = texts.matching();
    let mut lines: Vec<String> = Vec::new();
    if candidate.status.is_live() {
        if candidate.school_confirmed_at.is_some() {
            lines.push(t.school_confirmed.to_owned());
        }
        if candidate.ambassador_confirmed_at.is_some() {
            lines.push(t.ambassador_confirmed.to_owned());
        }
    }
    if let Some(side) = candidate.declined_by {
        lines.push(fill(t.declined_by, &[("side", t.side(side))]));
    }
    if let Some(reason) = &candidate.reason {
        lines.push(format!("{}: {reason}", t.reason));
    }
    if let Some(on) = candidate.starts_on {
        lines.push(fill(t.starts_on, &[("date", &texts.dates.date(on))]));
    }
    if let Some(on) = candidate.ended_on {
        lines.push(fill(t.ended_on, &[("date", &texts.dates.date(on))]));
    }
    if lines.is_empty() {
        return html! {};
    }
    html! {
        <ul class="match-progress">
            { for lines.into_iter().map(|line| html! { <li>{ line }</li> }) }
        </ul>
    }
}

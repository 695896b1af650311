//! Ambassadors (their profile, intake and VOG), matching runs and matches.

use domain::ambassador::IntakeStatus;
use domain::contract::{
    Ambassador, AmbassadorInput, AmbassadorListItem, Intake, IntakeTransition, Match, MatchInput,
    MatchQuery, MatchTransition, MatchingRun, MatchingRunInput, MatchingRunListItem, Page,
    VogInput, VogRecord,
};
use uuid::Uuid;

use super::{Api, ApiError, PAGE_SIZE};

/// One page of ambassadors, optionally only those with one intake status.
pub async fn list_ambassadors(
    api: &Api,
    status: Option<IntakeStatus>,
    after: Option<String>,
) -> Result<Page<AmbassadorListItem>, ApiError> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(status) = status {
        query.push(("status", status.as_str().to_owned()));
    }
    if let Some(after) = after {
        query.push(("after", after));
    }
    api.get("/ambassadors", &query).await
}

/// Registers an ambassador.
pub async fn create_ambassador(api: &Api, input: &AmbassadorInput) -> Result<Ambassador, ApiError> {
    api.post("/ambassadors", input).await
}

/// An ambassador's full profile.
/// Replaces an ambassador's profile (programme staff, or the ambassador themself).
pub async fn update_ambassador(
    api: &Api,
    id: Uuid,
    input: &AmbassadorInput,
) -> Result<Ambassador, ApiError> {
    api.put(&format!("/ambassadors/{id}"), input).await
}

/// An intake document's bytes.
pub async fn document_bytes(api: &Api, id: Uuid, kind: &str) -> Result<Vec<u8>, ApiError> {
    api.get_bytes(&format!("/ambassadors/{id}/documents/{kind}"), &[])
        .await
}

pub async fn get_ambassador(api: &Api, id: Uuid) -> Result<Ambassador, ApiError> {
    api.get(&format!("/ambassadors/{id}"), &[]).await
}

/// An ambassador's intake: steps, documents and VOGs.
pub async fn get_intake(api: &Api, id: Uuid) -> Result<Intake, ApiError> {
    api.get(&format!("/ambassadors/{id}/intake"), &[]).await
}

/// Takes the next step in an ambassador's intake.
pub async fn transition_intake(
    api: &Api,
    id: Uuid,
    transition: &IntakeTransition,
) -> Result<Ambassador, ApiError> {
    api.post(&format!("/ambassadors/{id}/intake"), transition)
        .await
}

/// Records a VOG that programme staff saw.
pub async fn record_vog(api: &Api, id: Uuid, input: &VogInput) -> Result<VogRecord, ApiError> {
    api.post(&format!("/ambassadors/{id}/vogs"), input).await
}

/// Starts a matching run; the answer holds its proposals.
pub async fn start_run(api: &Api, input: &MatchingRunInput) -> Result<MatchingRun, ApiError> {
    api.post("/matching-runs", input).await
}

/// One page of earlier runs, newest first.
pub async fn list_runs(
    api: &Api,
    after: Option<String>,
) -> Result<Page<MatchingRunListItem>, ApiError> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(after) = after {
        query.push(("after", after));
    }
    api.get("/matching-runs", &query).await
}

/// A run with its proposals.
pub async fn get_run(api: &Api, id: Uuid) -> Result<MatchingRun, ApiError> {
    api.get(&format!("/matching-runs/{id}"), &[]).await
}

/// Proposes an ambassador for a placement.
pub async fn propose_match(api: &Api, input: &MatchInput) -> Result<Match, ApiError> {
    api.post("/matches", input).await
}

/// The query string of a match filter.
pub fn match_query_pairs(query: &MatchQuery) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    let ids = [
        ("placement_id", query.placement_id),
        ("school_id", query.school_id),
        ("ambassador_id", query.ambassador_id),
    ];
    for (name, id) in ids {
        if let Some(id) = id {
            pairs.push((name, id.to_string()));
        }
    }
    if let Some(status) = query.status {
        pairs.push(("status", status.as_str().to_owned()));
    }
    pairs
}

/// Every match that fits `query`: all pages, fetched in large ones. A school or an ambassador
/// has a handful; the pages group them, which needs them all.
pub async fn list_all_matches(api: &Api, query: &MatchQuery) -> Result<Vec<Match>, ApiError> {
    let mut matches = Vec::new();
    let mut after = None;
    loop {
        let mut pairs = match_query_pairs(query);
        pairs.push(("limit", "100".to_owned()));
        if let Some(after) = after.take() {
            pairs.push(("after", after));
        }
        let page: Page<Match> = api.get("/matches", &pairs).await?;
        matches.extend(page.items);
        match page.next {
            Some(next) => after = Some(next),
            None => return Ok(matches),
        }
    }
}

/// Moves a match on: plan the meeting, confirm, decline, activate, end.
pub async fn transition_match(
    api: &Api,
    id: Uuid,
    transition: &MatchTransition,
) -> Result<Match, ApiError> {
    api.post(&format!("/matches/{id}/transitions"), transition)
        .await
}

#[cfg(test)]
mod tests {
    use domain::match_lifecycle::MatchStatus;

    use super::*;

    #[test]
    fn a_match_filter_names_only_what_it_narrows() {
        assert!(match_query_pairs(&MatchQuery::default()).is_empty());
        let query = MatchQuery {
            school_id: Some(Uuid::from_u128(1)),
            status: Some(MatchStatus::MeetingPlanned),
            ..MatchQuery::default()
        };
        assert_eq!(
            match_query_pairs(&query),
            [
                ("school_id", Uuid::from_u128(1).to_string()),
                ("status", "meeting_planned".to_owned())
            ]
        );
    }
}

//! Research exports: a school year of the programme for a research partner (scope
//! `research:read`), without people in it. Ids become pseudonyms, HMAC-SHA256 of the id under
//! a key that is random per export (so pseudonyms hold within one export and differ between
//! exports) unless the programme keeps one (`KLASBRUG_RESEARCH_KEY`); dates become months;
//! free text, names, e-mail addresses and bank accounts are never read; places are generalised
//! to k = 5 (`domain::research`). The export is kept as given, so its CSV files carry the same
//! pseudonyms, and audited with the client and the purpose in the transaction that keeps it.

use domain::contract::{
    ResearchAmbassador, ResearchAttendance, ResearchExport, ResearchExportInput, ResearchHours,
    ResearchLessonSeries, ResearchMatch, ResearchPlacement,
};
use domain::research::{K, generalise};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use uuid::Uuid;

use super::{begin, commit_with_audit_because};
use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::policy;
use crate::state::AppState;

/// Makes an export for the calling research client and keeps it.
pub async fn export(
    state: &AppState,
    principal: &Principal,
    input: ResearchExportInput,
) -> Result<ResearchExport, ApiError> {
    let client = policy::research_client(principal)?;
    let purpose = input.purpose.trim().to_owned();
    if purpose.chars().count() < 10 || purpose.chars().count() > 500 {
        return Err(ApiError::invalid_field(
            "purpose",
            "say in 10 to 500 characters what the data is for (the study and its question)",
        ));
    }
    let year = input.school_year;
    let (key, stable) = match &state.research_key {
        Some(key) => (key.clone(), true),
        None => {
            let mut key = vec![0u8; 32];
            rand::thread_rng().fill_bytes(&mut key);
            (key, false)
        }
    };
    let pseudonym = |kind: &str, id: Uuid| pseudonym(&key, kind, id);
    let tx = begin(state).await?;
    let placements = tx.research_placements(year).await?;
    let places = generalise(
        &placements
            .iter()
            .map(|p| (p.municipality.clone(), p.region.clone()))
            .collect::<Vec<_>>(),
    );
    let placements: Vec<ResearchPlacement> = placements
        .into_iter()
        .zip(places)
        .map(|(p, place)| ResearchPlacement {
            placement: pseudonym("placement", p.id),
            school: pseudonym("school", p.school_id),
            school_type: p.school_type.unwrap_or_default(),
            region: p.region.unwrap_or_default(),
            place,
            kind: p.kind,
            weekday: p.weekday,
            start_moment: p.start_moment,
            commitment: p.commitment,
            capacity: u32::try_from(p.capacity).unwrap_or_default(),
            status: p.status,
        })
        .collect();
    let ambassadors = tx.research_ambassadors(year).await?;
    let places = generalise(
        &ambassadors
            .iter()
            .map(|a| (a.municipality.clone(), a.region.clone()))
            .collect::<Vec<_>>(),
    );
    let ambassadors: Vec<ResearchAmbassador> = ambassadors
        .into_iter()
        .zip(places)
        .map(|(a, place)| ResearchAmbassador {
            ambassador: pseudonym("ambassador", a.id),
            place,
            funding: a.funding,
            status: a.status,
        })
        .collect();
    let matches = tx
        .research_matches(year)
        .await?
        .into_iter()
        .map(|m| ResearchMatch {
            r#match: pseudonym("match", m.id),
            placement: pseudonym("placement", m.placement_id),
            ambassador: pseudonym("ambassador", m.ambassador_id),
            outcome: match (m.status.as_str(), m.declined_by.as_deref(), m.ended_on) {
                ("declined", Some("school"), _) => "declined_by_school",
                ("declined", _, _) => "declined_by_ambassador",
                ("ended", _, Some(ended)) if ended < year.last_day() => "ended_early",
                ("ended", _, _) => "completed",
                _ => "open",
            }
            .to_owned(),
            status: m.status,
            proposed_month: m.created_at.format("%Y-%m").to_string(),
        })
        .collect();
    let hours = tx
        .research_hours(year)
        .await?
        .into_iter()
        .map(|h| ResearchHours {
            ambassador: pseudonym("ambassador", h.ambassador_id),
            school: pseudonym("school", h.school_id),
            month: h.month,
            kind: h.kind,
            minutes: h.minutes,
        })
        .collect();
    let lesson_series = tx
        .research_series(year)
        .await?
        .into_iter()
        .map(|s| ResearchLessonSeries {
            series: pseudonym("series", s.id),
            ambassador: pseudonym("ambassador", s.ambassador_id),
            school: pseudonym("school", s.school_id),
            framework: s.framework,
            objectives: s
                .objectives
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(" "),
            lessons: s.lessons,
            status: s.status,
        })
        .collect();
    let training_attendance = tx
        .research_attendance(year)
        .await?
        .into_iter()
        .map(|a| ResearchAttendance {
            ambassador: pseudonym("ambassador", a.ambassador_id),
            course: pseudonym("course", a.course_id),
            course_kind: a.course_kind,
            month: a.session_date.format("%Y-%m").to_string(),
            status: a.status,
            attendance: a.attendance.unwrap_or_default(),
        })
        .collect();
    let export = ResearchExport {
        id: store::new_export_id(),
        school_year: year,
        created_at: state.clock.now(),
        stable_pseudonyms: stable,
        k: u32::try_from(K).unwrap_or(5),
        ambassadors,
        placements,
        matches,
        hours,
        lesson_series,
        training_attendance,
    };
    let body =
        serde_json::to_string(&export).map_err(|e| ApiError::Unexpected(anyhow::anyhow!(e)))?;
    tx.save_research_export(export.id, client.id, year, &purpose, &body)
        .await?;
    commit_with_audit_because(
        tx,
        principal,
        "research.export",
        "research_export",
        Some(export.id),
        Some(&format!("{year}: {purpose}")),
    )
    .await?;
    Ok(export)
}

/// An export the calling client took before.
pub async fn get(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<ResearchExport, ApiError> {
    let client = policy::research_client(principal)?;
    let body = state
        .store
        .research_export(client.id, id)
        .await
        .or_not_found("research export")?;
    serde_json::from_str(&body).map_err(|e| ApiError::Unexpected(anyhow::anyhow!(e)))
}

/// A pseudonym for the `kind` of thing with `id`: `ambassador-` and 16 hex digits of
/// HMAC-SHA256 under `key`.
fn pseudonym(key: &[u8], kind: &str, id: Uuid) -> String {
    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(key) else {
        return format!("{kind}-?");
    };
    mac.update(kind.as_bytes());
    mac.update(b":");
    mac.update(id.as_bytes());
    let digest = mac.finalize().into_bytes();
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{kind}-{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pseudonym_depends_on_the_key_the_kind_and_the_id() {
        let id = Uuid::from_u128(7);
        let a = pseudonym(b"key one", "ambassador", id);
        assert!(
            a.starts_with("ambassador-") && a.len() == "ambassador-".len() + 16,
            "{a}"
        );
        assert_eq!(a, pseudonym(b"key one", "ambassador", id));
        assert_ne!(a, pseudonym(b"key two", "ambassador", id));
        assert_ne!(a, pseudonym(b"key one", "ambassador", Uuid::from_u128(8)));
        assert!(!a.contains(&id.simple().to_string()[..8]));
    }
}

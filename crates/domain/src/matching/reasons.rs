//! Why a pair was proposed, in Dutch, for the director and the ambassador who confirm it.

use super::{Candidate, Spot, normalise};
use crate::SchoolType;
use crate::placement::Weekday;
use crate::school_year::{Commitment, StartMoment};

/// The reasons for proposing `candidate` for `spot`, hard constraints first.
pub(super) fn explain(candidate: &Candidate, spot: &Spot, shared: &[&str]) -> Vec<String> {
    let mut reasons = vec![format!("beschikbaar op {}", weekday(spot.weekday))];
    let start = match spot.start_moment {
        StartMoment::September => "september",
        StartMoment::February => "februari",
    };
    let length = match spot.commitment {
        Commitment::HalfYear => "een half schooljaar",
        Commitment::WholeYear => "een heel schooljaar",
    };
    reasons.push(format!(
        "kan vanaf {start} {} voor {length}",
        spot.school_year
    ));
    if candidate.school_type.is_some() {
        reasons.push(format!(
            "wil graag in het {}",
            school_type(spot.school_type)
        ));
    }
    let home = candidate
        .home_municipality
        .as_deref()
        .is_some_and(|home| normalise(home) == normalise(&spot.municipality));
    if home {
        reasons.push(format!("woont in {}", spot.municipality.trim()));
    } else {
        reasons.push(format!("kan naar {} reizen", spot.municipality.trim()));
    }
    if !shared.is_empty() {
        reasons.push(format!(
            "expertise {} past bij de gevraagde thema's",
            join_nl(shared)
        ));
    }
    if let Some(rank) = candidate
        .preferred_schools
        .iter()
        .position(|s| *s == spot.school_id)
    {
        reasons.push(format!("{}e voorkeur van de ambassadeur", rank + 1));
    }
    if candidate.earlier_schools.contains(&spot.school_id) {
        reasons.push("was eerder op deze school".to_owned());
    }
    reasons
}

/// Which hard constraints keep `candidate` from `spot`, in English for the API; empty when the
/// pair is feasible.
pub fn why_not(candidate: &Candidate, spot: &Spot) -> Vec<String> {
    let mut problems = Vec::new();
    if !candidate.weekdays.contains(&spot.weekday) {
        problems.push(format!(
            "the ambassador is not available on {}",
            spot.weekday
        ));
    }
    if candidate.school_type.is_some_and(|t| t != spot.school_type) {
        problems.push(format!(
            "the ambassador does not want to work in {}",
            spot.school_type
        ));
    }
    if !super::travels_to(candidate, &spot.municipality) {
        problems.push(format!(
            "the ambassador does not travel to {}",
            spot.municipality.trim()
        ));
    }
    if candidate.available_from > (spot.school_year, spot.start_moment) {
        problems.push(format!(
            "the ambassador is available from {} {} only",
            candidate.available_from.1, candidate.available_from.0
        ));
    }
    if candidate.commitment != spot.commitment {
        problems.push(format!(
            "the ambassador commits to {}, the placement asks for {}",
            candidate.commitment, spot.commitment
        ));
    }
    if candidate.minutes_per_day < spot.minutes {
        problems.push(format!(
            "the placement's day is {} minutes, the ambassador can do {}",
            spot.minutes, candidate.minutes_per_day
        ));
    }
    if spot.capacity == 0 {
        problems.push("the placement has no room left".to_owned());
    }
    problems
}

/// The day of the week in Dutch: "maandag".
pub fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "maandag",
        Weekday::Tuesday => "dinsdag",
        Weekday::Wednesday => "woensdag",
        Weekday::Thursday => "donderdag",
        Weekday::Friday => "vrijdag",
    }
}

fn school_type(school_type: SchoolType) -> &'static str {
    match school_type {
        SchoolType::Po => "primair onderwijs",
        SchoolType::Vo => "voortgezet onderwijs",
    }
}

/// `a`, `a en b`, `a, b en c`.
fn join_nl(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_joined_the_dutch_way() {
        assert_eq!(join_nl(&["techniek"]), "techniek");
        assert_eq!(join_nl(&["techniek", "muziek"]), "techniek en muziek");
        assert_eq!(join_nl(&["a", "b", "c"]), "a, b en c");
    }
}

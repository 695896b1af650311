//! How many spots a school can offer in a school year. The software suggests a number and shows
//! its reasoning; the director decides.
//!
//! A group with an intern (*stagiaire*) or a starting teacher already has extra hands or needs
//! the teacher's attention, so it gets no ambassador; and only teachers who opted in work with
//! one. The suggestion is therefore the smaller of the groups left and the teachers who opted in.

use serde::{Deserialize, Serialize};

/// The facts a suggestion rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CapacitySuggestion {
    /// Groups (po) or sections (vo) in the school year.
    pub groups: u32,
    /// Groups with an intern.
    pub groups_with_intern: u32,
    /// Groups with a starting teacher.
    pub groups_with_starting_teacher: u32,
    /// Groups that could have an ambassador.
    pub groups_available: u32,
    /// Teachers who opted in to work with an ambassador.
    pub teachers_opted_in: u32,
    /// The suggested number of spots.
    pub suggested: u32,
}

/// Suggests a number of spots.
pub fn suggest(
    groups: u32,
    with_intern: u32,
    with_starting_teacher: u32,
    teachers_opted_in: u32,
) -> CapacitySuggestion {
    let groups_available = groups
        .saturating_sub(with_intern)
        .saturating_sub(with_starting_teacher);
    CapacitySuggestion {
        groups,
        groups_with_intern: with_intern,
        groups_with_starting_teacher: with_starting_teacher,
        groups_available,
        teachers_opted_in,
        suggested: groups_available.min(teachers_opted_in),
    }
}

impl CapacitySuggestion {
    /// The reasoning in Dutch, for the director:
    /// "8 groepen, 2 met een stagiaire, 1 met een startende leerkracht, 4 leerkrachten doen mee →
    /// voorstel: 4 plekken".
    pub fn reasoning_nl(&self) -> String {
        let plural =
            |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{}, {} met een stagiaire, {} met een startende leerkracht, {} → voorstel: {}",
            plural(self.groups, "groep", "groepen"),
            self.groups_with_intern,
            self.groups_with_starting_teacher,
            match self.teachers_opted_in {
                1 => "1 leerkracht doet mee".to_owned(),
                n => format!("{n} leerkrachten doen mee"),
            },
            plural(self.suggested, "plek", "plekken"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teachers_who_opted_in_limit_the_suggestion() {
        let s = suggest(8, 2, 1, 4);
        assert_eq!((s.groups_available, s.suggested), (5, 4));
        assert_eq!(
            s.reasoning_nl(),
            "8 groepen, 2 met een stagiaire, 1 met een startende leerkracht, 4 leerkrachten doen mee → voorstel: 4 plekken"
        );
    }

    #[test]
    fn groups_with_interns_and_starters_limit_the_suggestion() {
        assert_eq!(suggest(8, 4, 2, 6).suggested, 2);
    }

    #[test]
    fn more_interns_than_groups_suggests_nothing_rather_than_underflowing() {
        let s = suggest(2, 3, 1, 5);
        assert_eq!((s.groups_available, s.suggested), (0, 0));
        assert!(s.reasoning_nl().ends_with("voorstel: 0 plekken"));
    }

    #[test]
    fn singular_words_for_one() {
        assert_eq!(
            suggest(1, 0, 0, 1).reasoning_nl(),
            "1 groep, 0 met een stagiaire, 0 met een startende leerkracht, 1 leerkracht doet mee → voorstel: 1 plek"
        );
    }
}

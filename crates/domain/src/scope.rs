//! OAuth2 scopes granted to partner clients.

use crate::{ParseError, text_enum};

text_enum! {
    /// One permission a partner client can hold.
    pub enum Scope ("scope") {
        /// Read the public facts of schools (name, type, region, municipality).
        SchoolsRead = "schools:read",
        /// Read open placements (spots), without personal data of teachers.
        PlacementsRead = "placements:read",
        /// Search the library of approved lesson series, without names of ambassadors.
        LessonSeriesRead = "lesson-series:read",
        /// Submit applications of candidates on their behalf, and follow those candidates'
        /// progress (only the partner's own).
        AmbassadorsWrite = "ambassadors:write",
        /// Register webhook endpoints, and see and replay their deliveries (only the client's
        /// own).
        WebhooksManage = "webhooks:manage",
        /// Take research exports: the programme per school year without people in it
        /// (pseudonyms, months, places generalised to k = 5), each audited with its purpose.
        ResearchRead = "research:read",
    }
}

/// A set of scopes, written space-separated as OAuth2 does (`"schools:read placements:read"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scopes(Vec<Scope>);

impl Scopes {
    /// Parses a space-separated list; an unknown scope is an error, duplicates collapse.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let mut scopes = Vec::new();
        for word in text.split_whitespace() {
            let scope = Scope::parse(word)?;
            if !scopes.contains(&scope) {
                scopes.push(scope);
            }
        }
        scopes.sort();
        Ok(Self(scopes))
    }

    /// Builds a set from a list.
    pub fn from_list(list: &[Scope]) -> Self {
        let mut scopes = list.to_vec();
        scopes.sort();
        scopes.dedup();
        Self(scopes)
    }

    /// Whether the set holds `scope`.
    pub fn contains(&self, scope: Scope) -> bool {
        self.0.contains(&scope)
    }

    /// Whether every scope of `self` is in `other`.
    pub fn is_subset_of(&self, other: &Scopes) -> bool {
        self.0.iter().all(|s| other.contains(*s))
    }

    /// The scopes, sorted.
    pub fn as_slice(&self) -> &[Scope] {
        &self.0
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for Scopes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let words: Vec<&str> = self.0.iter().map(|s| s.as_str()).collect();
        f.write_str(&words.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_from_and_print_to_the_oauth2_form() {
        let scopes = Scopes::parse("placements:read  schools:read placements:read").unwrap();
        assert_eq!(scopes.to_string(), "schools:read placements:read");
        assert!(scopes.contains(Scope::PlacementsRead));
    }

    #[test]
    fn an_unknown_scope_is_refused_by_name() {
        let err = Scopes::parse("schools:read admin").unwrap_err();
        assert!(err.0.contains("'admin' is not a valid scope"));
    }

    #[test]
    fn a_subset_is_recognised() {
        let granted = Scopes::from_list(&[Scope::SchoolsRead, Scope::PlacementsRead]);
        let asked = Scopes::from_list(&[Scope::SchoolsRead]);
        assert!(asked.is_subset_of(&granted));
        assert!(!granted.is_subset_of(&asked));
    }
}

//! What research partners get: data about the programme without people in it.
//!
//! Identifiers are pseudonyms (the API derives them with a key per export), dates are months,
//! there is no free text, and a municipality is shown only when at least [`K`] rows of a
//! dataset share it: otherwise its region, and when even the region is shared by fewer, `*`
//! (k-anonymity on the place, with k = 5).

use std::collections::HashMap;

/// The smallest group a place may describe.
pub const K: usize = 5;

/// What a fully suppressed place is written as.
pub const SUPPRESSED: &str = "*";

/// Generalises each row's place, given as `(municipality, region)` (either may be unknown), so
/// that every value written other than [`SUPPRESSED`] is shared by at least [`K`] rows.
pub fn generalise(places: &[(Option<String>, Option<String>)]) -> Vec<String> {
    let normal = |text: &str| text.trim().to_lowercase();
    let mut municipalities: HashMap<String, usize> = HashMap::new();
    for (municipality, _) in places {
        if let Some(m) = municipality {
            *municipalities.entry(normal(m)).or_default() += 1;
        }
    }
    // First the municipality where it is common enough, else the region.
    let first: Vec<Option<String>> = places
        .iter()
        .map(|(municipality, region)| match municipality {
            Some(m) if municipalities.get(&normal(m)).copied().unwrap_or(0) >= K => {
                Some(m.trim().to_owned())
            }
            _ => region.clone(),
        })
        .collect();
    // Then every value that is still rarer than K goes.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for value in first.iter().flatten() {
        *counts.entry(normal(value)).or_default() += 1;
    }
    first
        .into_iter()
        .map(|value| match value {
            Some(v) if counts.get(&normal(&v)).copied().unwrap_or(0) >= K => v,
            _ => SUPPRESSED.to_owned(),
        })
        .collect()
}

/// Whether every value of `column` other than [`SUPPRESSED`] is shared by at least [`K`] rows.
pub fn is_k_anonymous<'a>(column: impl IntoIterator<Item = &'a str>) -> bool {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for value in column {
        if value != SUPPRESSED {
            *counts.entry(value.to_lowercase()).or_default() += 1;
        }
    }
    counts.values().all(|count| *count >= K)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(municipality: &str, region: &str) -> (Option<String>, Option<String>) {
        (Some(municipality.into()), Some(region.into()))
    }

    #[test]
    fn five_keep_their_municipality_four_get_their_region() {
        let mut places = vec![place("Groningen", "noord"); 5];
        places.extend(vec![place("Assen", "noord"); 4]);
        places.push(place("Emmen", "noord"));
        let out = generalise(&places);
        assert_eq!(out[..5], ["Groningen"; 5]);
        assert_eq!(out[5..], ["noord"; 5]);
        assert!(is_k_anonymous(out.iter().map(String::as_str)));
        // Without Emmen the region would describe four: they are suppressed instead.
        let out = generalise(&places[..9]);
        assert_eq!(out[5..], [SUPPRESSED; 4]);
    }

    #[test]
    fn a_region_shared_by_fewer_than_five_is_suppressed() {
        let mut places = vec![place("Groningen", "noord"); 5];
        places.extend(vec![place("Eindhoven", "zuid"); 2]);
        places.push(place("Tilburg", "zuid"));
        places.push((None, None));
        let out = generalise(&places);
        assert_eq!(out[5..], [SUPPRESSED; 4]);
        assert!(is_k_anonymous(out.iter().map(String::as_str)));
    }

    #[test]
    fn municipalities_are_counted_however_they_are_written() {
        let mut places = vec![place("Groningen", "noord"); 3];
        places.extend(vec![place(" groningen ", "noord"); 2]);
        let out = generalise(&places);
        assert!(
            out.iter().all(|v| v.eq_ignore_ascii_case("groningen")),
            "{out:?}"
        );
    }

    #[test]
    fn the_check_finds_a_group_of_four() {
        assert!(!is_k_anonymous(["Assen"; 4]));
        assert!(is_k_anonymous(["Assen"; 5]));
        assert!(is_k_anonymous([SUPPRESSED; 1]));
    }
}

//! The feasible pairs with their scores, built without looking at every candidate × spot.

use std::collections::HashMap;

use super::*;

/// The feasible pairs with their scores. The hot path of the engine: the text of
/// municipalities and expertise and the schools are numbered once, spots are bucketed by
/// weekday, school type, commitment and municipality, and each candidate only visits the buckets
/// it shares, so the work grows with the number of feasible pairs rather than with candidates ×
/// spots. Gives the same scores as [`feasible`] and [`score`] (a test checks the pairs; debug
/// builds check every score).
pub(super) fn build_graph(candidates: &[&Candidate], spots: &[&Spot]) -> solver::Graph {
    let mut words = Interner::default();
    let mut schools: HashMap<Uuid, u32> = HashMap::new();
    // Each bucket holds what the candidates' loop needs of its spots, side by side in memory in
    // column order, and so do the words they want: the loop reads both front to back.
    let mut buckets: HashMap<(Weekday, SchoolType, Commitment, u32), Vec<Column>> = HashMap::new();
    let mut wanted_by_spot: Vec<Vec<u32>> = Vec::with_capacity(spots.len());
    for (column, spot) in spots.iter().enumerate() {
        let place = words.id(&spot.municipality);
        let next_school = schools.len() as u32;
        let school = *schools.entry(spot.school_id).or_insert(next_school);
        wanted_by_spot.push(words.ids(&spot.wanted));
        // A spot without room is never feasible.
        if spot.capacity > 0 {
            buckets
                .entry((spot.weekday, spot.school_type, spot.commitment, place))
                .or_default()
                .push(Column {
                    column: column as u32,
                    starts: (spot.school_year, spot.start_moment),
                    minutes: spot.minutes,
                    school,
                    wanted: (0, 0),
                });
        }
    }
    let mut wanted: Vec<u32> = Vec::new();
    for bucket in buckets.values_mut() {
        for spot in bucket {
            let first = wanted.len();
            wanted.extend_from_slice(&wanted_by_spot[spot.column as usize]);
            spot.wanted = (first, wanted.len());
        }
    }
    drop(wanted_by_spot);

    let mut graph = solver::Graph::new(spots.iter().map(|s| s.capacity).collect());
    // Which words the current candidate has; text no spot uses cannot score.
    let mut has = vec![false; words.len()];
    let mut edges: Vec<u64> = Vec::new();
    let school_of = |id: &Uuid| schools.get(id).copied().unwrap_or(u32::MAX);
    for candidate in candidates {
        let mut days = candidate.weekdays.clone();
        days.sort();
        days.dedup();
        let home = candidate
            .home_municipality
            .as_deref()
            .and_then(|m| words.get(m));
        let mut reach: Vec<u32> = candidate
            .municipalities
            .iter()
            .filter_map(|m| words.get(m))
            .chain(home)
            .collect();
        reach.sort_unstable();
        reach.dedup();
        let expertise: Vec<u32> = candidate
            .expertise
            .iter()
            .filter_map(|e| words.get(e))
            .collect();
        for &word in &expertise {
            has[word as usize] = true;
        }
        // Unknown schools keep their place in the ranking but match no spot.
        let preferred: Vec<u32> = candidate.preferred_schools.iter().map(school_of).collect();
        let earlier: Vec<u32> = candidate.earlier_schools.iter().map(school_of).collect();
        let types: &[SchoolType] = match &candidate.school_type {
            Some(t) => std::slice::from_ref(t),
            None => SchoolType::ALL,
        };
        edges.clear();
        for day in &days {
            for school_type in types {
                for place in &reach {
                    let key = (*day, *school_type, candidate.commitment, *place);
                    let Some(bucket) = buckets.get(&key) else {
                        continue;
                    };
                    for spot in bucket {
                        let column = spot.column;
                        if candidate.available_from > spot.starts
                            || candidate.minutes_per_day < spot.minutes
                        {
                            continue;
                        }
                        let shared = wanted[spot.wanted.0..spot.wanted.1]
                            .iter()
                            .filter(|&&w| has[w as usize])
                            .count();
                        let mut total = weights::FEASIBLE + weights::expertise_points(shared);
                        if let Some(rank) = preferred.iter().position(|&s| s == spot.school) {
                            total += weights::preference_points(rank);
                        }
                        if home == Some(*place) {
                            total += weights::SAME_MUNICIPALITY;
                        }
                        if earlier.contains(&spot.school) {
                            total += weights::CONTINUITY;
                        }
                        debug_assert!(feasible(candidate, spots[column as usize]));
                        debug_assert_eq!(
                            total,
                            score(candidate, spots[column as usize])
                                .iter()
                                .map(|p| p.points)
                                .sum::<u32>()
                        );
                        edges.push(u64::from(column) << 32 | u64::from(total));
                    }
                }
            }
        }
        for &word in &expertise {
            has[word as usize] = false;
        }
        // Each bucket is in column order already; the sort merges them.
        edges.sort();
        graph.push_row(edges.iter().map(|&e| ((e >> 32) as u32, e as u32)));
    }
    graph
}

/// A spot as [`build_graph`] needs it.
struct Column {
    column: u32,
    starts: (SchoolYear, StartMoment),
    minutes: i64,
    school: u32,
    /// Where its wanted words are in the shared list.
    wanted: (usize, usize),
}

/// Gives each distinct normalised text a small number.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    fn id(&mut self, text: &str) -> u32 {
        let key = normalise(text);
        let next = self.ids.len() as u32;
        *self.ids.entry(key).or_insert(next)
    }

    /// The id of `text` if it has one.
    fn get(&self, text: &str) -> Option<u32> {
        self.ids.get(&normalise(text)).copied()
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    /// The ids of `texts`, sorted, each once.
    fn ids(&mut self, texts: &[String]) -> Vec<u32> {
        let mut ids: Vec<u32> = texts.iter().map(|t| self.id(t)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

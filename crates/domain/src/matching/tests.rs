//! Property tests: on many small random instances the engine's total equals a brute-force
//! optimum, no proposal breaks a hard constraint or a capacity, and shuffling the input changes
//! nothing. The generator is seeded, so a failure names the seed that reproduces it.

use super::*;
use crate::school_year::period;
use std::collections::HashMap;

/// A small, seeded xorshift generator: enough randomness for tests, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const PLACES: &[&str] = &["Groningen", "Amersfoort"];
const WORDS: &[&str] = &["techniek", "muziek", "taal", "natuur", "ICT"];

fn id(rng: &mut Rng) -> Uuid {
    Uuid::from_u128(u128::from(rng.next()) << 64 | u128::from(rng.next()))
}

fn year(start: i32) -> SchoolYear {
    SchoolYear::starting(start).unwrap()
}

fn some<T: Clone>(rng: &mut Rng, items: &[T], max: u64) -> Vec<T> {
    (0..rng.below(max + 1))
        .map(|_| rng.pick(items).clone())
        .collect()
}

fn instance(rng: &mut Rng, schools: &[Uuid]) -> (Vec<Candidate>, Vec<Spot>) {
    let words: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
    let places: Vec<String> = PLACES.iter().map(|p| p.to_string()).collect();
    let spots: Vec<Spot> = (0..1 + rng.below(5))
        .map(|_| Spot {
            id: id(rng),
            school_id: *rng.pick(schools),
            school_type: *rng.pick(SchoolType::ALL),
            municipality: rng.pick(&places).clone(),
            weekday: *rng.pick(&Weekday::ALL[..2]),
            school_year: year(2026),
            start_moment: *rng.pick(StartMoment::ALL),
            commitment: if rng.chance(85) {
                Commitment::WholeYear
            } else {
                Commitment::HalfYear
            },
            minutes: *rng.pick(&[360, 420, 420, 480]),
            wanted: some(rng, &words, 3),
            capacity: *rng.pick(&[0, 1, 1, 1, 2]),
        })
        .collect();
    let candidates: Vec<Candidate> = (0..1 + rng.below(7))
        .map(|_| Candidate {
            id: id(rng),
            weekdays: some(rng, &Weekday::ALL[..2], 2),
            school_type: rng.chance(30).then(|| *rng.pick(SchoolType::ALL)),
            home_municipality: rng.chance(70).then(|| rng.pick(&places).to_uppercase()),
            municipalities: some(rng, &places, 2),
            commitment: if rng.chance(85) {
                Commitment::WholeYear
            } else {
                Commitment::HalfYear
            },
            available_from: (
                year(*rng.pick(&[2025, 2026, 2026, 2027])),
                *rng.pick(StartMoment::ALL),
            ),
            minutes_per_day: *rng.pick(&[360, 420, 480, 480]),
            expertise: some(rng, &words, 3),
            preferred_schools: some(rng, schools, 3),
            earlier_schools: some(rng, schools, 1),
        })
        .collect();
    (candidates, spots)
}

/// The best total over every way to assign candidates (or leave them out), by trying them all.
fn brute_force(candidates: &[Candidate], spots: &[Spot]) -> u64 {
    fn best(row: usize, candidates: &[Candidate], spots: &[Spot], room: &mut [u32]) -> u64 {
        let Some(candidate) = candidates.get(row) else {
            return 0;
        };
        let mut top = best(row + 1, candidates, spots, room);
        for (column, spot) in spots.iter().enumerate() {
            if room[column] > 0 && feasible(candidate, spot) {
                room[column] -= 1;
                let points: u32 = score(candidate, spot).iter().map(|p| p.points).sum();
                top = top.max(u64::from(points) + best(row + 1, candidates, spots, room));
                room[column] += 1;
            }
        }
        top
    }
    let mut room: Vec<u32> = spots.iter().map(|s| s.capacity).collect();
    best(0, candidates, spots, &mut room)
}

fn check_constraints(seed: u64, candidates: &[Candidate], spots: &[Spot], outcome: &Outcome) {
    let mut used: HashMap<Uuid, u32> = HashMap::new();
    for proposal in &outcome.proposals {
        let candidate = candidates
            .iter()
            .find(|c| c.id == proposal.ambassador_id)
            .unwrap();
        let spot = spots
            .iter()
            .find(|s| s.id == proposal.placement_id)
            .unwrap();
        assert!(
            feasible(candidate, spot),
            "seed {seed}: infeasible {proposal:?}"
        );
        *used.entry(spot.id).or_default() += 1;
        assert_eq!(
            proposal.score,
            proposal.breakdown.iter().map(|p| p.points).sum::<u32>()
        );
    }
    for spot in spots {
        assert!(
            used.get(&spot.id).copied().unwrap_or(0) <= spot.capacity,
            "seed {seed}: capacity"
        );
    }
    let mut everyone: Vec<Uuid> = outcome.proposals.iter().map(|p| p.ambassador_id).collect();
    everyone.extend(&outcome.left_over);
    everyone.sort();
    let before = everyone.len();
    everyone.dedup();
    assert_eq!(
        before,
        everyone.len(),
        "seed {seed}: an ambassador was proposed twice"
    );
    assert_eq!(
        everyone.len(),
        candidates.len(),
        "seed {seed}: someone went missing"
    );
}

#[test]
fn the_engine_finds_the_brute_force_optimum_and_never_breaks_a_constraint() {
    for seed in 1..=3000u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let schools: Vec<Uuid> = (0..3).map(|_| id(&mut rng)).collect();
        let (candidates, spots) = instance(&mut rng, &schools);
        let outcome = propose(&candidates, &spots);
        let optimum = brute_force(&candidates, &spots);
        assert_eq!(
            outcome.total_score, optimum,
            "seed {seed}: {candidates:#?} {spots:#?}"
        );
        check_constraints(seed, &candidates, &spots, &outcome);
    }
}

#[test]
fn the_same_input_in_any_order_gives_the_same_proposals() {
    for seed in 1..=300u64 {
        let mut rng = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
        let schools: Vec<Uuid> = (0..2).map(|_| id(&mut rng)).collect();
        let (mut candidates, mut spots) = instance(&mut rng, &schools);
        let first = propose(&candidates, &spots);
        candidates.reverse();
        spots.rotate_left(1);
        assert_eq!(propose(&candidates, &spots), first, "seed {seed}");
    }
}

#[test]
fn the_fast_scores_equal_the_explained_scores() {
    for seed in 1..=300u64 {
        let mut rng = Rng(seed.wrapping_mul(0xA076_1D64_78BD_642F) | 1);
        let schools: Vec<Uuid> = (0..2).map(|_| id(&mut rng)).collect();
        let (mut candidates, mut spots) = instance(&mut rng, &schools);
        candidates.sort_by_key(|c| c.id);
        spots.sort_by_key(|s| s.id);
        let c: Vec<&Candidate> = candidates.iter().collect();
        let s: Vec<&Spot> = spots.iter().collect();
        let graph = build_graph(&c, &s);
        let mut expected = 0;
        for candidate in &candidates {
            for spot in &spots {
                if feasible(candidate, spot) {
                    expected += 1;
                }
            }
        }
        assert_eq!(graph.edges(), expected, "seed {seed}");
    }
}

fn tuesday_candidate(id: u128, expertise: &[&str]) -> Candidate {
    Candidate {
        id: Uuid::from_u128(id),
        weekdays: vec![Weekday::Tuesday],
        school_type: Some(SchoolType::Po),
        home_municipality: Some("Groningen".into()),
        municipalities: vec![],
        commitment: Commitment::WholeYear,
        available_from: (year(2026), StartMoment::September),
        minutes_per_day: 480,
        expertise: expertise.iter().map(|e| e.to_string()).collect(),
        preferred_schools: vec![],
        earlier_schools: vec![],
    }
}

fn tuesday_spot(id: u128, wanted: &[&str]) -> Spot {
    Spot {
        id: Uuid::from_u128(id),
        school_id: Uuid::from_u128(99),
        school_type: SchoolType::Po,
        municipality: "Groningen".into(),
        weekday: Weekday::Tuesday,
        school_year: year(2026),
        start_moment: StartMoment::September,
        commitment: Commitment::WholeYear,
        minutes: 420,
        wanted: wanted.iter().map(|e| e.to_string()).collect(),
        capacity: 1,
    }
}

#[test]
fn a_proposal_explains_itself_in_dutch() {
    let outcome = propose(
        &[tuesday_candidate(1, &["Techniek"])],
        &[tuesday_spot(2, &["techniek"])],
    );
    let proposal = &outcome.proposals[0];
    assert_eq!(proposal.reasons[0], "beschikbaar op dinsdag");
    assert!(
        proposal
            .reasons
            .contains(&"expertise techniek past bij de gevraagde thema's".into())
    );
    assert!(proposal.reasons.contains(&"woont in Groningen".into()));
    assert_eq!(proposal.score, 10 + 10 + 5);
    let _ = period(year(2026), StartMoment::September, Commitment::WholeYear);
}

#[test]
fn the_better_fitting_ambassador_gets_the_spot_and_the_other_is_left_over() {
    let outcome = propose(
        &[tuesday_candidate(1, &[]), tuesday_candidate(2, &["muziek"])],
        &[tuesday_spot(3, &["muziek"])],
    );
    assert_eq!(outcome.proposals.len(), 1);
    assert_eq!(outcome.proposals[0].ambassador_id, Uuid::from_u128(2));
    assert_eq!(outcome.left_over, vec![Uuid::from_u128(1)]);
    assert_eq!(outcome.feasible_pairs, 2);
}

#[test]
fn a_wrong_weekday_is_never_proposed() {
    let mut spot = tuesday_spot(3, &[]);
    spot.weekday = Weekday::Friday;
    let outcome = propose(&[tuesday_candidate(1, &[])], &[spot]);
    assert!(outcome.proposals.is_empty());
    assert_eq!(outcome.feasible_pairs, 0);
}

//! Times the matching engine on a generated instance: `cargo run --release -p klasbrug-domain
//! --example matching_scale -- 5000`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use klasbrug_domain::matching::{Candidate, Spot, propose};
use klasbrug_domain::{Commitment, SchoolType, SchoolYear, StartMoment, Weekday};
use uuid::Uuid;

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
}

fn main() {
    let n: usize = std::env::args().nth(1).map_or(5000, |a| a.parse().unwrap());
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let places: Vec<String> = (0..24).map(|i| format!("Gemeente {i}")).collect();
    let words: Vec<String> = (0..40).map(|i| format!("thema {i}")).collect();
    let schools: Vec<Uuid> = (0..n / 8 + 1)
        .map(|i| Uuid::from_u128(1 << 100 | i as u128))
        .collect();
    let year = SchoolYear::starting(2026).unwrap();
    let spots: Vec<Spot> = (0..n)
        .map(|i| {
            let school = rng.below(schools.len() as u64) as usize;
            Spot {
                id: Uuid::from_u128(2 << 100 | i as u128),
                school_id: schools[school],
                school_type: SchoolType::ALL[school % 2],
                municipality: places[school % places.len()].clone(),
                weekday: Weekday::ALL[rng.below(5) as usize],
                school_year: year,
                start_moment: StartMoment::September,
                commitment: Commitment::WholeYear,
                minutes: 420,
                wanted: (0..2)
                    .map(|_| words[rng.below(40) as usize].clone())
                    .collect(),
                capacity: 1,
            }
        })
        .collect();
    let candidates: Vec<Candidate> = (0..n)
        .map(|i| {
            let first = rng.below(5) as usize;
            let home = rng.below(24) as usize;
            Candidate {
                id: Uuid::from_u128(3 << 100 | i as u128),
                weekdays: vec![
                    Weekday::ALL[first],
                    Weekday::ALL[(first + 1 + rng.below(4) as usize) % 5],
                ],
                school_type: None,
                home_municipality: Some(places[home].clone()),
                municipalities: vec![
                    places[(home + 1) % 24].clone(),
                    places[(home + 2) % 24].clone(),
                ],
                commitment: Commitment::WholeYear,
                available_from: (year, StartMoment::September),
                minutes_per_day: 480,
                expertise: (0..3)
                    .map(|_| words[rng.below(40) as usize].clone())
                    .collect(),
                preferred_schools: (0..rng.below(3))
                    .map(|_| schools[rng.below(schools.len() as u64) as usize])
                    .collect(),
                earlier_schools: vec![],
            }
        })
        .collect();
    let started = Instant::now();
    let outcome = propose(&candidates, &spots);
    let elapsed = started.elapsed();
    let peak = std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: ?")
        .to_owned();
    println!(
        "{n} x {n}: {} feasible pairs ({:.1}%), {} proposals, total {}, {:?}, {peak}",
        outcome.feasible_pairs,
        100.0 * outcome.feasible_pairs as f64 / (n * n) as f64,
        outcome.proposals.len(),
        outcome.total_score,
        elapsed
    );
}

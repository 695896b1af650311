//! Times the matching engine on a generated, realistic instance and reports its peak memory.
//!
//! `cargo run --release -p klasbrug-domain --features bench --example matching_scale -- 5000
//! [--seed N]` matches 5,000 ambassadors to 5,000 placements (`2000x3000` gives other counts) and
//! prints the time of each stage, the peak memory and a `bench …` line. `cargo xtask bench
//! matching` runs it once per size and run, each in its own process, so the peak memory it reads
//! from `/proc/self/status` belongs to one size.
//!
//! The instance is drawn from a seeded generator, so a seed always gives the same instance and
//! the same total score. It looks like a regional programme: schools in fifteen municipalities
//! around Utrecht, weighted by size; ambassadors who travel to their home municipality and a
//! couple of neighbours, offer one to three weekdays, sometimes prefer po or vo, start in
//! September or February, commit for half or a whole year, can do days of six to eight hours and
//! name a few expertises from a Dutch list. Some rank preferred schools; a few were placed at a
//! school before. Most placements take one ambassador, some two. About 5% of the pairs are
//! feasible; the figure is printed, so the claim is checked on every run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use klasbrug_domain::matching::{Candidate, Outcome, Spot, Stage, propose_in_stages};
use klasbrug_domain::{Commitment, SchoolType, SchoolYear, StartMoment, Weekday};
use uuid::Uuid;

const DEFAULT_SEED: u64 = 2026;

/// Municipalities with a weight (roughly their share of the region's schools) and the
/// neighbours an ambassador living there might also travel to.
const MUNICIPALITIES: &[(&str, u32, &[&str])] = &[
    (
        "Utrecht",
        30,
        &[
            "Nieuwegein",
            "Zeist",
            "Houten",
            "Stichtse Vecht",
            "De Bilt",
            "IJsselstein",
            "Woerden",
            "Bunnik",
        ],
    ),
    ("Amersfoort", 14, &["Soest", "Leusden"]),
    ("Nieuwegein", 6, &["Utrecht", "Houten", "IJsselstein"]),
    (
        "Zeist",
        6,
        &[
            "Utrecht",
            "De Bilt",
            "Bunnik",
            "Utrechtse Heuvelrug",
            "Soest",
        ],
    ),
    ("Stichtse Vecht", 6, &["Utrecht", "De Bilt", "Woerden"]),
    ("Veenendaal", 5, &["Utrechtse Heuvelrug"]),
    ("Houten", 5, &["Utrecht", "Nieuwegein", "Bunnik"]),
    (
        "Utrechtse Heuvelrug",
        5,
        &["Zeist", "Bunnik", "Leusden", "Veenendaal"],
    ),
    ("Woerden", 5, &["Utrecht", "Stichtse Vecht", "Montfoort"]),
    (
        "De Bilt",
        4,
        &["Utrecht", "Zeist", "Stichtse Vecht", "Soest"],
    ),
    ("Soest", 4, &["Amersfoort", "De Bilt", "Zeist"]),
    ("IJsselstein", 3, &["Utrecht", "Nieuwegein", "Montfoort"]),
    ("Leusden", 3, &["Amersfoort", "Utrechtse Heuvelrug"]),
    (
        "Bunnik",
        2,
        &["Utrecht", "Zeist", "Houten", "Utrechtse Heuvelrug"],
    ),
    ("Montfoort", 2, &["Woerden", "IJsselstein"]),
];

/// Expertise and themes, the common ones first; ambassadors and schools write some with
/// different capitals, which the engine must see through.
const EXPERTISE: &[&str] = &[
    "techniek",
    "ICT",
    "zorg",
    "taal",
    "rekenen",
    "natuur",
    "duurzaamheid",
    "financiën",
    "ondernemen",
    "kunst",
    "muziek",
    "sport",
    "wetenschap",
    "programmeren",
    "gezondheid",
    "burgerschap",
    "geschiedenis",
    "media",
    "bouw",
    "logistiek",
    "energie",
    "voeding",
    "veiligheid",
    "cultuur",
];

/// Placements per weekday: Wednesday afternoons are free in primary schools.
const WEEKDAY_WEIGHTS: [u32; 5] = [22, 24, 12, 24, 18];

/// A small seeded generator (SplitMix64): reproducible instances without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut pick = (self.next() % u64::from(total)) as u32;
        for (index, &weight) in weights.iter().enumerate() {
            if pick < weight {
                return index;
            }
            pick -= weight;
        }
        weights.len() - 1
    }
    fn uuid(&mut self) -> Uuid {
        Uuid::from_u128(u128::from(self.next()) << 64 | u128::from(self.next()))
    }
    /// `count` different indices into `weights` (fewer if there are not enough), drawn with
    /// those weights.
    fn distinct(&mut self, weights: &[u32], count: usize) -> Vec<usize> {
        let mut left = weights.to_vec();
        let mut picked = Vec::new();
        while picked.len() < count.min(weights.len()) {
            let index = self.weighted(&left);
            left[index] = 0;
            picked.push(index);
        }
        picked
    }
}

/// Expertise a few times written as a person would, with a capital or a trailing space.
fn written(rng: &mut Rng, word: &str) -> String {
    match rng.below(20) {
        0 => format!("{}{}", word[..1].to_uppercase(), &word[1..]),
        1 => format!("{word} "),
        _ => word.to_owned(),
    }
}

/// `count` different expertises, the common ones more often.
fn topics(rng: &mut Rng, weights: &[u32], count: usize) -> Vec<String> {
    rng.distinct(weights, count)
        .into_iter()
        .map(|t| written(rng, EXPERTISE[t]))
        .collect()
}

/// Zipf-like weights: the `i`th expertise is about `1/(i+4)` as common.
fn expertise_weights() -> Vec<u32> {
    (0..EXPERTISE.len())
        .map(|i| 1000 / (i as u32 + 4))
        .collect()
}

struct School {
    id: Uuid,
    municipality: usize,
    school_type: SchoolType,
}

/// A reproducible instance of `ambassadors` candidates and `placements` spots.
fn instance(seed: u64, ambassadors: usize, placements: usize) -> (Vec<Candidate>, Vec<Spot>) {
    let mut rng = Rng(seed);
    let year = SchoolYear::starting(2026).unwrap();
    let place_weights: Vec<u32> = MUNICIPALITIES.iter().map(|m| m.1).collect();
    let topic_weights = expertise_weights();

    // About three placements per school; four in five schools are primary.
    let schools: Vec<School> = (0..placements.div_ceil(3).max(1))
        .map(|_| School {
            id: rng.uuid(),
            municipality: rng.weighted(&place_weights),
            school_type: if rng.chance(80) {
                SchoolType::Po
            } else {
                SchoolType::Vo
            },
        })
        .collect();
    let mut schools_in: Vec<Vec<usize>> = vec![Vec::new(); MUNICIPALITIES.len()];
    for (index, school) in schools.iter().enumerate() {
        schools_in[school.municipality].push(index);
    }

    let spots: Vec<Spot> = (0..placements)
        .map(|_| {
            let school = &schools[rng.below(schools.len())];
            Spot {
                id: rng.uuid(),
                school_id: school.id,
                school_type: school.school_type,
                municipality: MUNICIPALITIES[school.municipality].0.to_owned(),
                weekday: Weekday::ALL[rng.weighted(&WEEKDAY_WEIGHTS)],
                school_year: year,
                start_moment: if rng.chance(65) {
                    StartMoment::September
                } else {
                    StartMoment::February
                },
                commitment: if rng.chance(80) {
                    Commitment::WholeYear
                } else {
                    Commitment::HalfYear
                },
                minutes: [360, 420, 480][rng.weighted(&[30, 45, 25])],
                wanted: {
                    let count = rng.below(4);
                    topics(&mut rng, &topic_weights, count)
                },
                capacity: if rng.chance(85) { 1 } else { 2 },
            }
        })
        .collect();

    let candidates: Vec<Candidate> = (0..ambassadors)
        .map(|_| {
            let home = rng.weighted(&place_weights);
            let neighbours = MUNICIPALITIES[home].2;
            let travels = 2 + rng.below(2);
            let mut municipalities: Vec<String> = rng
                .distinct(&vec![1; neighbours.len()], travels)
                .into_iter()
                .map(|n| neighbours[n].to_owned())
                .collect();
            if rng.chance(10) {
                // Some repeat where they live, as the intake form allows.
                municipalities.push(MUNICIPALITIES[home].0.to_lowercase());
            }
            let reach: Vec<usize> = std::iter::once(home)
                .chain(municipalities.iter().filter_map(|m| {
                    MUNICIPALITIES
                        .iter()
                        .position(|p| p.0.eq_ignore_ascii_case(m))
                }))
                .collect();
            let nearby: Vec<usize> = reach
                .iter()
                .flat_map(|&m| schools_in[m].iter().copied())
                .collect();
            let from_nearby = |rng: &mut Rng, count: usize| -> Vec<Uuid> {
                if nearby.is_empty() {
                    return Vec::new();
                }
                (0..count)
                    .map(|_| schools[nearby[rng.below(nearby.len())]].id)
                    .collect()
            };
            let days = 1 + rng.weighted(&[25, 45, 30]);
            Candidate {
                id: rng.uuid(),
                weekdays: rng
                    .distinct(&WEEKDAY_WEIGHTS, days)
                    .into_iter()
                    .map(|d| Weekday::ALL[d])
                    .collect(),
                school_type: match rng.weighted(&[65, 25, 10]) {
                    0 => None,
                    1 => Some(SchoolType::Po),
                    _ => Some(SchoolType::Vo),
                },
                home_municipality: Some(MUNICIPALITIES[home].0.to_owned()),
                municipalities,
                commitment: if rng.chance(80) {
                    Commitment::WholeYear
                } else {
                    Commitment::HalfYear
                },
                available_from: match rng.weighted(&[10, 60, 25, 5]) {
                    0 => (SchoolYear::starting(2025).unwrap(), StartMoment::February),
                    1 => (year, StartMoment::September),
                    2 => (year, StartMoment::February),
                    _ => (year.next(), StartMoment::September),
                },
                minutes_per_day: [360, 420, 480][rng.weighted(&[20, 30, 50])],
                expertise: {
                    let count = 1 + rng.below(4);
                    topics(&mut rng, &topic_weights, count)
                },
                preferred_schools: if rng.chance(30) {
                    let count = 1 + rng.below(3);
                    from_nearby(&mut rng, count)
                } else {
                    Vec::new()
                },
                earlier_schools: if rng.chance(8) {
                    from_nearby(&mut rng, 1)
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    (candidates, spots)
}

/// A field of `/proc/self/status` in kB (Linux only; `None` elsewhere).
fn status_kb(field: &str) -> Option<u64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Resets the peak-memory mark so it measures the engine rather than the generator; Linux ≥ 4.0.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// `5000` or `2000x3000`.
fn parse_size(text: &str) -> (usize, usize) {
    match text.split_once('x') {
        Some((a, p)) => (a.parse().unwrap(), p.parse().unwrap()),
        None => {
            let n = text.parse().unwrap();
            (n, n)
        }
    }
}

/// A fingerprint of the proposals (FNV-1a over the pairs), so a change to the solver that keeps
/// the total but picks other pairs is visible too.
fn fingerprint(outcome: &Outcome) -> u64 {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for proposal in &outcome.proposals {
        let bytes = proposal
            .ambassador_id
            .as_bytes()
            .iter()
            .chain(proposal.placement_id.as_bytes());
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3);
        }
    }
    hash
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Time this thread has spent on a CPU, which a busy shared machine disturbs less than the
/// wall clock (Linux; `None` elsewhere).
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(
        text.split_whitespace().next()?.parse().ok()?,
    ))
}

fn main() {
    let mut size = (5000, 5000);
    let mut seed = DEFAULT_SEED;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--seed" {
            seed = args.next().expect("--seed needs a number").parse().unwrap();
        } else {
            size = parse_size(&arg);
        }
    }
    let (ambassadors, placements) = size;

    let started = Instant::now();
    let (candidates, spots) = instance(seed, ambassadors, placements);
    let generated = started.elapsed();
    let instance_kb = status_kb("VmRSS").unwrap_or(0);
    let peak_reset = reset_peak();

    let mut stages = Vec::new();
    let cpu_started = cpu_time();
    let started = Instant::now();
    let outcome = propose_in_stages(&candidates, &spots, |stage| {
        stages.push((stage, started.elapsed()));
    });
    let elapsed = started.elapsed();
    let cpu = cpu_time()
        .zip(cpu_started)
        .map_or(Duration::ZERO, |(end, start)| end - start);
    let peak_kb = status_kb("VmHWM").unwrap_or(0);
    let ended = |wanted: Stage| {
        stages
            .iter()
            .find(|(stage, _)| *stage == wanted)
            .map_or(Duration::ZERO, |(_, at)| *at)
    };
    let (graph, solved) = (ended(Stage::Graph), ended(Stage::Solve));

    let pairs = outcome.feasible_pairs;
    let fraction = pairs as f64 / (ambassadors as f64 * placements as f64);
    let engine_bytes = peak_kb.saturating_sub(instance_kb) * 1024;
    println!(
        "{ambassadors} ambassadors x {placements} placements (seed {seed}): {pairs} feasible pairs \
         ({:.2}%), {} proposals, total score {}, proposals fingerprint {:016x}",
        100.0 * fraction,
        outcome.proposals.len(),
        outcome.total_score,
        fingerprint(&outcome),
    );
    println!(
        "  propose {:.1} ms (graph {:.1} ms, solve {:.1} ms, explain {:.1} ms; {:.1} ms on the \
         CPU); instance generated in {:.0} ms",
        millis(elapsed),
        millis(graph),
        millis(solved - graph),
        millis(elapsed - solved),
        millis(cpu),
        millis(generated),
    );
    println!(
        "  peak memory {:.1} MB, of which the instance {:.1} MB; the engine {:.1} bytes per \
         feasible pair{}",
        peak_kb as f64 / 1024.0,
        instance_kb as f64 / 1024.0,
        engine_bytes as f64 / pairs.max(1) as f64,
        if peak_reset {
            ""
        } else {
            " (could not reset the peak: it includes generating the instance)"
        },
    );
    // One line for `cargo xtask bench matching` to read.
    println!(
        "bench ambassadors={ambassadors} placements={placements} seed={seed} pairs={pairs} \
         proposals={} total_score={} fingerprint={:016x} propose_ms={:.3} graph_ms={:.3} \
         solve_ms={:.3} cpu_ms={:.3} instance_kb={instance_kb} peak_kb={peak_kb} \
         peak_reset={peak_reset}",
        outcome.proposals.len(),
        outcome.total_score,
        fingerprint(&outcome),
        millis(elapsed),
        millis(graph),
        millis(solved - graph),
        millis(cpu),
    );
}

//! The matching part of the benchmark: the engine on generated instances.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::process::{cargo, step};

/// The sizes the matching bench runs, ambassadors = placements.
const MATCHING_SIZES: [usize; 3] = [1_000, 5_000, 20_000];
/// Runs per size; the median time is reported.
const MATCHING_RUNS: usize = 3;
/// The seed of the generated instances: the same seed gives the same instance and total score.
const MATCHING_SEED: u64 = 2026;
/// Target: this many ambassadors × as many placements …
const MATCHING_TARGET_SIZE: usize = 5_000;
/// … in under this many milliseconds.
const MATCHING_TARGET_MS: f64 = 1_000.0;

/// One run of the example, as it reports itself on its `bench …` line.
struct MatchingRun {
    pairs: u64,
    total_score: u64,
    fingerprint: String,
    propose_ms: f64,
    graph_ms: f64,
    solve_ms: f64,
    cpu_ms: f64,
    instance_kb: u64,
    peak_kb: u64,
}

impl MatchingRun {
    /// What the engine itself added to the process's peak, in bytes.
    fn engine_bytes(&self) -> f64 {
        self.peak_kb.saturating_sub(self.instance_kb) as f64 * 1024.0
    }
}

/// The matching part: `[--seed N] [SIZE…]`, a size being `5000` or `2000x3000`.
pub(super) fn run(root: &Path, args: &[String]) -> Result<()> {
    let mut seed = MATCHING_SEED;
    let mut sizes: Vec<(usize, usize)> = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--seed" {
            let value = args.next().context("--seed needs a number")?;
            seed = value
                .parse()
                .with_context(|| format!("--seed {value}: not a number"))?;
        } else {
            sizes.push(parse_size(arg)?);
        }
    }
    if sizes.is_empty() {
        sizes = MATCHING_SIZES.iter().map(|&n| (n, n)).collect();
    }

    step("matching: compiling the engine and its instance generator (release)");
    cargo(
        root,
        &[
            "build",
            "--release",
            "-p",
            "klasbrug-domain",
            "--features",
            "bench",
            "--example",
            "matching_scale",
        ],
        &[],
    )?;
    let binary = crate::target_dir(root).join("release/examples/matching_scale");

    let mut results = Vec::new();
    for &(ambassadors, placements) in &sizes {
        step(&format!(
            "matching {} ambassadors x {} placements, seed {seed}: {MATCHING_RUNS} runs, each in a process of its own",
            thousands(ambassadors as u64),
            thousands(placements as u64)
        ));
        let mut runs = Vec::new();
        for _ in 0..MATCHING_RUNS {
            let run = matching_run(&binary, ambassadors, placements, seed)?;
            println!(
                "    {:>9.1} ms  (graph {:.1} ms, solve {:.1} ms, {:.1} ms on the CPU)  peak {:.1} MB",
                run.propose_ms,
                run.graph_ms,
                run.solve_ms,
                run.cpu_ms,
                run.peak_kb as f64 / 1024.0
            );
            if let Some(first) = runs.first()
                && !same_outcome(first, &run)
            {
                bail!(
                    "two runs of the same instance proposed differently (total {} vs {}, fingerprint {} vs {}): the engine is not deterministic",
                    first.total_score,
                    run.total_score,
                    first.fingerprint,
                    run.fingerprint
                );
            }
            runs.push(run);
        }
        runs.sort_by(|a, b| a.propose_ms.total_cmp(&b.propose_ms));
        let median = runs.swap_remove(runs.len() / 2);
        results.push((ambassadors, placements, median));
    }

    println!(
        "\n| ambassadors × placements | feasible pairs | feasible | total score | propose (median of {MATCHING_RUNS}) | graph | solve | CPU | peak memory | engine bytes / feasible pair |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (ambassadors, placements, run) in &results {
        println!(
            "| {} × {} | {} | {:.2}% | {} | {:.0} ms | {:.0} ms | {:.0} ms | {:.0} ms | {:.1} MB | {:.1} |",
            thousands(*ambassadors as u64),
            thousands(*placements as u64),
            thousands(run.pairs),
            100.0 * run.pairs as f64 / (*ambassadors as f64 * *placements as f64),
            thousands(run.total_score),
            run.propose_ms,
            run.graph_ms,
            run.solve_ms,
            run.cpu_ms,
            run.peak_kb as f64 / 1024.0,
            run.engine_bytes() / run.pairs.max(1) as f64,
        );
    }
    println!(
        "Peak memory is VmHWM while the engine runs (reset after generating the instance, which it includes); the engine's share is the rise above the instance."
    );

    if let Some((_, _, run)) = results
        .iter()
        .find(|(a, p, _)| (*a, *p) == (MATCHING_TARGET_SIZE, MATCHING_TARGET_SIZE))
    {
        println!(
            "{0} × {0}: {1:.0} ms (target < {2:.0} ms): {3}",
            thousands(MATCHING_TARGET_SIZE as u64),
            run.propose_ms,
            MATCHING_TARGET_MS,
            verdict(run.propose_ms < MATCHING_TARGET_MS)
        );
    }
    // Memory that grew with ambassadors × placements would show as bytes per feasible pair
    // rising with size at a fixed density, and as a byte or more per ambassador × placement.
    if let (Some((sa, sp, small)), Some((la, lp, large))) = (results.first(), results.last())
        && results.len() > 1
    {
        let per_pair = |run: &MatchingRun| run.engine_bytes() / run.pairs.max(1) as f64;
        let per_cell = large.engine_bytes() / (*la as f64 * *lp as f64);
        println!(
            "memory: {:.1} bytes per feasible pair at {} × {}, {:.1} at {} × {}, {:.2} bytes per ambassador × placement (target: grows with the feasible pairs, not with ambassadors × placements): {}",
            per_pair(small),
            thousands(*sa as u64),
            thousands(*sp as u64),
            per_pair(large),
            thousands(*la as u64),
            thousands(*lp as u64),
            per_cell,
            verdict(per_pair(large) <= per_pair(small) * 1.25 && per_cell < 1.0)
        );
    }
    Ok(())
}

/// Runs the example once in a process of its own and reads its `bench …` line.
fn matching_run(
    binary: &Path,
    ambassadors: usize,
    placements: usize,
    seed: u64,
) -> Result<MatchingRun> {
    let output = Command::new(binary)
        .arg(format!("{ambassadors}x{placements}"))
        .args(["--seed", &seed.to_string()])
        .output()
        .with_context(|| format!("running {}", binary.display()))?;
    let report = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "the matching example failed ({}):\n{report}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let fields: HashMap<&str, &str> = report
        .lines()
        .find_map(|l| l.strip_prefix("bench "))
        .with_context(|| format!("the matching example printed no 'bench' line:\n{report}"))?
        .split_whitespace()
        .filter_map(|field| field.split_once('='))
        .collect();
    let field = |name: &str| {
        fields
            .get(name)
            .copied()
            .with_context(|| format!("no {name} in the matching example's output:\n{report}"))
    };
    let number = |name: &str| -> Result<f64> {
        field(name)?
            .parse()
            .with_context(|| format!("{name} is not a number"))
    };
    let whole = |name: &str| -> Result<u64> {
        field(name)?
            .parse()
            .with_context(|| format!("{name} is not a whole number"))
    };
    if field("peak_reset")? != "true" {
        println!(
            "    (the peak could not be reset after generating the instance: it includes generation)"
        );
    }
    Ok(MatchingRun {
        pairs: whole("pairs")?,
        total_score: whole("total_score")?,
        fingerprint: field("fingerprint")?.to_owned(),
        propose_ms: number("propose_ms")?,
        graph_ms: number("graph_ms")?,
        solve_ms: number("solve_ms")?,
        cpu_ms: number("cpu_ms")?,
        instance_kb: whole("instance_kb")?,
        peak_kb: whole("peak_kb")?,
    })
}

fn same_outcome(a: &MatchingRun, b: &MatchingRun) -> bool {
    (a.pairs, a.total_score, &a.fingerprint) == (b.pairs, b.total_score, &b.fingerprint)
}

/// `5000` or `2000x3000`: ambassadors and placements.
fn parse_size(text: &str) -> Result<(usize, usize)> {
    let number = |part: &str| {
        part.replace('_', "")
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .with_context(|| format!("'{text}' is not a size: write 5000 or 2000x3000"))
    };
    match text.split_once('x') {
        Some((ambassadors, placements)) => Ok((number(ambassadors)?, number(placements)?)),
        None => number(text).map(|n| (n, n)),
    }
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}

/// `19645070` as `19,645,070`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

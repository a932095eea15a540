//! `cargo run --release --manifest-path benches/peers/Cargo.toml [-- OPTIONS]`
//!
//! Checks that every engine agrees with Clausier on every generated descriptor, then times
//! each engine on one thread and on every core, and Clausier's compile time of a
//! 1,000-clause pack, and prints the results as Markdown.

use std::process::ExitCode;
use std::time::Instant;

use clausier_peers::agreement::{self, Engines};
use clausier_peers::engines::clausier::{LoadOnly, load_and_compile, write_large_pack};
use clausier_peers::generate::{SEED, ndjson};
use clausier_peers::measure::{Timing, median, time_engine, time_whole};
use clausier_peers::targets::{Names, judge};
use clausier_peers::{Engine, Tally, lines};
use rayon::ThreadPoolBuilder;

const USAGE: &str = "\
usage: clausier_peers [--sizes 10000,100000] [--reps N] [--compile-clauses 1000]
                      [--compile-runs 9] [--agreement-only]

Generates NDJSON descriptors (fixed seed), checks that every engine gives Clausier's
outcome for every descriptor and clause (exit 1 if not), then times each engine with one
thread and with every core, and prints a Markdown table.";

struct Args {
    sizes: Vec<usize>,
    /// Repetitions a measurement; by default 5 up to 20,000 descriptors, else 3.
    reps: Option<usize>,
    compile_clauses: usize,
    compile_runs: usize,
    agreement_only: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![10_000, 100_000],
        reps: None,
        compile_clauses: 1_000,
        compile_runs: 9,
        agreement_only: false,
    };
    let mut iter = std::env::args().skip(1);
    let number = |value: Option<String>, flag: &str| -> Result<usize, String> {
        value
            .ok_or_else(|| format!("{flag} needs a value"))?
            .replace('_', "")
            .parse::<usize>()
            .map_err(|error| format!("{flag}: {error}"))
    };
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--sizes" => {
                let value = iter.next().ok_or("--sizes needs a value")?;
                args.sizes = value
                    .split(',')
                    .map(|size| number(Some(size.to_owned()), "--sizes"))
                    .collect::<Result<_, _>>()?;
            }
            "--reps" => args.reps = Some(number(iter.next(), "--reps")?),
            "--compile-clauses" => args.compile_clauses = number(iter.next(), "--compile-clauses")?,
            "--compile-runs" => args.compile_runs = number(iter.next(), "--compile-runs")?,
            "--agreement-only" => args.agreement_only = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    if args.sizes.is_empty() || args.sizes.contains(&0) {
        return Err("--sizes needs positive sizes".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    match real_main() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn real_main() -> Result<ExitCode, String> {
    let args = parse_args()?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = ThreadPoolBuilder::new()
        .num_threads(cores)
        .build()
        .map_err(|error| error.to_string())?;
    let engines = Engines::new()?;

    // The workloads are prefixes of one another: checking the largest checks them all.
    let largest = args.sizes.iter().copied().max().unwrap_or(0);
    let text = ndjson(largest, SEED);
    println!(
        "# Clausier and peer engines\n\n{} descriptors generated (seed {SEED:#x}), {} bytes a line on average; {cores} cores.\n",
        largest,
        text.len() / largest.max(1)
    );

    let started = Instant::now();
    let agreement = agreement::check(&engines, &text, &pool, 10)?;
    println!(
        "Agreement: {} descriptors × 10 clauses, {} compared with Clausier in {:.1} s: {}.\n",
        agreement.descriptors,
        agreement.engines.join(", "),
        started.elapsed().as_secs_f64(),
        if agreement.disagreements.is_empty() {
            "every outcome is the same"
        } else {
            "DISAGREEMENTS"
        }
    );
    println!(
        "Descriptors: {} pass every clause, {} fail at least one, {} fail none but miss data. Outcomes: {} pass, {} fail, {} missing.\n",
        agreement.all_pass,
        agreement.some_fail,
        agreement.only_missing,
        agreement.tally.pass,
        agreement.tally.fail,
        agreement.tally.missing
    );
    println!("| clause | pass | fail | missing |\n|---|---:|---:|---:|");
    for (clause, [pass, fail, missing]) in &agreement.per_clause {
        println!("| {clause} | {pass} | {fail} | {missing} |");
    }
    println!();
    if !agreement.disagreements.is_empty() {
        eprintln!("The engines disagree with Clausier:");
        for disagreement in &agreement.disagreements {
            eprintln!("  {disagreement}");
        }
        return Ok(ExitCode::from(1));
    }
    if args.agreement_only {
        return Ok(ExitCode::SUCCESS);
    }

    let all_lines = lines(&text);
    let mut timings: Vec<Timing> = Vec::new();
    for &size in &args.sizes {
        let reps = args.reps.unwrap_or(if size <= 20_000 { 5 } else { 3 });
        let lines = &all_lines[..size.min(all_lines.len())];
        let text = ndjson(size, SEED);
        let expected = agreement_tally(&engines, lines)?;
        macro_rules! time {
            ($($engine:expr),*) => {$(
                for pool in [None, Some(&pool)] {
                    let (timing, tally) = time_engine(&$engine, lines, pool, reps)?;
                    if $engine.decides() && tally != expected {
                        return Err(format!("{}: {tally:?}, Clausier: {expected:?}", timing.engine));
                    }
                    eprintln!(
                        "  {} descriptors, {}, {} thread(s): {:.2} µs/descriptor",
                        size, timing.engine, timing.threads, timing.micros_per_descriptor()
                    );
                    timings.push(timing);
                }
            )*};
        }
        let load_only = LoadOnly(&engines.clausier);
        time!(
            engines.clausier,
            load_only,
            engines.typed,
            engines.json_value,
            engines.jsonlogic,
            engines.rego,
            engines.cel,
            engines.cedar
        );
        for jobs in [1, cores] {
            let timing = time_whole(WHOLE_RUN, jobs, size, reps, || {
                engines.clausier.check_all(&text, jobs)
            });
            eprintln!(
                "  {} descriptors, {}, {} thread(s): {:.2} µs/descriptor",
                size,
                timing.engine,
                jobs,
                timing.micros_per_descriptor()
            );
            timings.push(timing);
        }
    }

    print_table(&timings, &args.sizes, cores);
    let names = Names {
        clausier: engines.clausier.name(),
        whole_run: WHOLE_RUN,
        typed: engines.typed.name(),
        parse: engines.json_value.name(),
        fastest_peer: engines.jsonlogic.name(),
    };
    print_targets(&timings, &names, &args.sizes, cores);

    let dir = std::env::temp_dir().join(format!(
        "clausier-peers-{}-{}",
        args.compile_clauses,
        std::process::id()
    ));
    write_large_pack(&dir, args.compile_clauses)?;
    let mut runs = Vec::new();
    let mut size = 0;
    load_and_compile(&dir)?;
    for _ in 0..args.compile_runs.max(1) {
        let start = Instant::now();
        size = std::hint::black_box(load_and_compile(&dir)?);
        runs.push(start.elapsed());
    }
    let _ = std::fs::remove_dir_all(&dir);
    runs.sort();
    println!(
        "\nCompile time of a generated {}-clause pack (read, parse, check and compile: `clausier_pack::load_pack` then `clausier_eval::compile`; {} nodes and requirements): median {:.1} ms over {} runs (fastest {:.1} ms, slowest {:.1} ms).",
        args.compile_clauses,
        size,
        median(&runs).as_secs_f64() * 1e3,
        runs.len(),
        runs.first().map_or(0.0, |d| d.as_secs_f64() * 1e3),
        runs.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
    );
    Ok(ExitCode::SUCCESS)
}

/// The timing name of Clausier's whole run, the report included.
const WHOLE_RUN: &str = "Clausier, whole run (load_text + run + report)";

/// Each target, met or not, for each workload: the ratios come from this one run.
fn print_targets(timings: &[Timing], names: &Names<'_>, sizes: &[usize], cores: usize) {
    for &size in sizes {
        println!(
            "\nTargets on {} descriptors (1 thread unless said; ratios of medians within this run):\n",
            group(size as f64)
        );
        println!("| target | measured | |\n|---|---|---|");
        for row in judge(timings, names, size, cores) {
            println!(
                "| {} | {} | {} |",
                row.target,
                row.measured,
                row.verdict.as_str()
            );
        }
    }
}

/// Clausier's outcomes on the lines, summed: every engine's timed passes must give it.
fn agreement_tally(engines: &Engines, lines: &[&str]) -> Result<Tally, String> {
    clausier_peers::measure::run_serial(&engines.clausier, lines)
}

fn print_table(timings: &[Timing], sizes: &[usize], cores: usize) {
    println!(
        "\n| engine | threads | N | µs/descriptor (median) | descriptors/s | × typed Rust | speed-up on {cores} threads | runs: fastest–slowest µs |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    for &size in sizes {
        for threads in [1, cores] {
            let floor = timings
                .iter()
                .find(|t| {
                    t.engine == clausier_peers::engines::floors::TypedRust.name()
                        && t.threads == threads
                        && t.descriptors == size
                })
                .map(Timing::micros_per_descriptor);
            for timing in timings
                .iter()
                .filter(|t| t.threads == threads && t.descriptors == size)
            {
                let (fastest, slowest) = timing.spread();
                let alone = timings
                    .iter()
                    .find(|t| t.engine == timing.engine && t.threads == 1 && t.descriptors == size)
                    .map(Timing::micros_per_descriptor);
                let speedup = match alone {
                    Some(alone) if threads > 1 => {
                        format!("{:.2}×", alone / timing.micros_per_descriptor())
                    }
                    _ => "–".to_owned(),
                };
                println!(
                    "| {} | {} | {} | {:.2} | {} | {} | {} | {:.2}–{:.2} |",
                    timing.engine,
                    threads,
                    group(size as f64),
                    timing.micros_per_descriptor(),
                    group(timing.per_second()),
                    floor.map_or("–".to_owned(), |floor| format!(
                        "{:.2}",
                        timing.micros_per_descriptor() / floor
                    )),
                    speedup,
                    fastest,
                    slowest
                );
            }
        }
    }
}

/// `123456.7` as `123,457`.
fn group(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

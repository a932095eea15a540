//! Clausier alone on the peers' workload, for a profiler or an instruction counter:
//! `cargo run --release --manifest-path benches/peers/Cargo.toml --example
//! profile_clausier -- MODE COUNT [PASSES] [THREADS]`, where MODE is `load` (load_text a
//! line at a time), `evaluate` (load and evaluate a line at a time, as the timed engine
//! does) or `whole` (the whole run with its report), on one thread unless THREADS says.
//! No other engine is built into the loop, so `perf record` and `valgrind
//! --tool=callgrind` see Clausier only.

use std::process::ExitCode;
use std::time::Instant;

use clausier_peers::engines::clausier::{Clausier, LoadOnly};
use clausier_peers::generate::{SEED, ndjson};
use clausier_peers::lines;
use clausier_peers::measure::{run_parallel, run_serial};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map_or("evaluate", String::as_str);
    let count = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(2_000);
    let passes: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let threads: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1);
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let clausier = match Clausier::new() {
        Ok(clausier) => clausier,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let text = ndjson(count, SEED);
    let all = lines(&text);
    let started = Instant::now();
    for _ in 0..passes {
        let outcome = match mode {
            "load" if threads > 1 => run_parallel(&LoadOnly(&clausier), &all, &pool).map(|_| ()),
            "load" => run_serial(&LoadOnly(&clausier), &all).map(|_| ()),
            "evaluate" if threads > 1 => run_parallel(&clausier, &all, &pool).map(|_| ()),
            "evaluate" => run_serial(&clausier, &all).map(|_| ()),
            "whole" => {
                std::hint::black_box(clausier.check_all(&text, threads));
                Ok(())
            }
            other => Err(format!("unknown mode `{other}`: load, evaluate or whole")),
        };
        if let Err(error) = outcome {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "{mode}: {:.2} µs a descriptor",
        elapsed * 1e6 / (count * passes).max(1) as f64
    );
    ExitCode::SUCCESS
}

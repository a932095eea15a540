//! Timing: each engine over the lines of a workload, on one thread and on a pool, a few
//! times; the median is what the table reports.

use std::time::{Duration, Instant};

use rayon::ThreadPool;
use rayon::prelude::*;

use crate::{Engine, Tally};

/// One engine's timings on one workload with one number of threads.
#[derive(Debug, Clone)]
pub struct Timing {
    pub engine: String,
    pub threads: usize,
    pub descriptors: usize,
    /// Every repetition, sorted.
    pub runs: Vec<Duration>,
}

impl Timing {
    pub fn median(&self) -> Duration {
        median(&self.runs)
    }

    pub fn micros_per_descriptor(&self) -> f64 {
        self.median().as_secs_f64() * 1e6 / self.descriptors.max(1) as f64
    }

    pub fn per_second(&self) -> f64 {
        self.descriptors as f64 / self.median().as_secs_f64().max(1e-12)
    }

    /// The fastest and slowest repetitions, in µs a descriptor.
    pub fn spread(&self) -> (f64, f64) {
        let per = |d: &Duration| d.as_secs_f64() * 1e6 / self.descriptors.max(1) as f64;
        (
            self.runs.first().map_or(0.0, per),
            self.runs.last().map_or(0.0, per),
        )
    }
}

pub fn median(runs: &[Duration]) -> Duration {
    let mut sorted = runs.to_vec();
    sorted.sort();
    match sorted.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    }
}

/// Every line through the engine on this thread.
pub fn run_serial<E: Engine>(engine: &E, lines: &[&str]) -> Result<Tally, String> {
    let mut scratch = engine.scratch();
    let mut tally = Tally::default();
    for line in lines {
        tally = tally + Tally::of(&engine.check(&mut scratch, line)?);
    }
    Ok(tally)
}

/// Every line through the engine on the pool's threads, each with its own scratch.
pub fn run_parallel<E: Engine>(
    engine: &E,
    lines: &[&str],
    pool: &ThreadPool,
) -> Result<Tally, String> {
    pool.install(|| {
        lines
            .par_iter()
            .with_min_len(64)
            .map_init(
                || engine.scratch(),
                |scratch, line| engine.check(scratch, line).map(|o| Tally::of(&o)),
            )
            .try_reduce(Tally::default, |a, b| Ok(a + b))
    })
}

/// Times `repetitions` passes of the engine over the lines (after one warm-up pass over
/// at most 2,000 of them); `pool` is `None` for one thread.
pub fn time_engine<E: Engine>(
    engine: &E,
    lines: &[&str],
    pool: Option<&ThreadPool>,
    repetitions: usize,
) -> Result<(Timing, Tally), String> {
    let pass = |lines: &[&str]| match pool {
        None => run_serial(engine, lines),
        Some(pool) => run_parallel(engine, lines, pool),
    };
    pass(&lines[..lines.len().min(2_000)])?;
    let mut runs = Vec::with_capacity(repetitions);
    let mut tally = Tally::default();
    for _ in 0..repetitions.max(1) {
        let start = Instant::now();
        tally = std::hint::black_box(pass(std::hint::black_box(lines))?);
        runs.push(start.elapsed());
    }
    runs.sort();
    Ok((
        Timing {
            engine: engine.name().to_owned(),
            threads: pool.map_or(1, ThreadPool::current_num_threads),
            descriptors: lines.len(),
            runs,
        },
        tally,
    ))
}

/// Times `repetitions` calls of `work` (after one warm-up call).
pub fn time_whole<T>(
    name: &str,
    threads: usize,
    descriptors: usize,
    repetitions: usize,
    mut work: impl FnMut() -> T,
) -> Timing {
    std::hint::black_box(work());
    let mut runs = Vec::with_capacity(repetitions);
    for _ in 0..repetitions.max(1) {
        let start = Instant::now();
        std::hint::black_box(work());
        runs.push(start.elapsed());
    }
    runs.sort();
    Timing {
        engine: name.to_owned(),
        threads,
        descriptors,
        runs,
    }
}

//! Before anything is timed: every engine's outcome for every descriptor and clause must be
//! Clausier's.

use rayon::ThreadPool;
use rayon::prelude::*;

use crate::engines::cedar::Cedar;
use crate::engines::cel::Cel;
use crate::engines::clausier::Clausier;
use crate::engines::floors::{JsonValueParse, TypedRust};
use crate::engines::jsonlogic::JsonLogic;
use crate::engines::rego::Rego;
use crate::{CLAUSES, Disagreement, Engine, Outcome, Outcomes, Tally};

/// Every engine of the comparison, built once.
pub struct Engines {
    pub clausier: Clausier,
    pub typed: TypedRust,
    pub json_value: JsonValueParse,
    pub jsonlogic: JsonLogic,
    pub rego: Rego,
    pub cel: Cel,
    pub cedar: Cedar,
}

impl Engines {
    pub fn new() -> Result<Self, String> {
        Ok(Self {
            clausier: Clausier::new()?,
            typed: TypedRust,
            json_value: JsonValueParse,
            jsonlogic: JsonLogic::new()?,
            rego: Rego::new()?,
            cel: Cel::new()?,
            cedar: Cedar::new()?,
        })
    }
}

/// What the agreement check found.
#[derive(Debug, Clone, Default)]
pub struct Agreement {
    pub descriptors: usize,
    /// Clausier's outcomes, summed.
    pub tally: Tally,
    /// Descriptors that pass every clause, that fail at least one, that fail none but
    /// miss at least one.
    pub all_pass: usize,
    pub some_fail: usize,
    pub only_missing: usize,
    /// For each clause: how many descriptors pass, fail, miss it.
    pub per_clause: Vec<(&'static str, [usize; 3])>,
    /// The first disagreements (at most `limit` an engine).
    pub disagreements: Vec<Disagreement>,
    /// The engines compared with Clausier.
    pub engines: Vec<&'static str>,
}

fn outcomes_in<E: Engine>(
    engine: &E,
    lines: &[&str],
    pool: &ThreadPool,
) -> Vec<Result<Outcomes, String>> {
    pool.install(|| {
        lines
            .par_iter()
            .with_min_len(64)
            .map_init(
                || engine.scratch(),
                |scratch, line| engine.check(scratch, line),
            )
            .collect()
    })
}

fn compare(
    name: &'static str,
    actual: &[Result<Outcomes, String>],
    reference: &[Outcomes],
    limit: usize,
    found: &mut Vec<Disagreement>,
) {
    let mut count = 0;
    for (index, (actual, expected)) in actual.iter().zip(reference).enumerate() {
        if count >= limit {
            break;
        }
        match actual {
            Err(error) => {
                count += 1;
                found.push(Disagreement {
                    engine: name,
                    line: index + 1,
                    clause: "",
                    clausier: expected[0],
                    engine_outcome: None,
                    error: Some(error.clone()),
                });
            }
            Ok(actual) => {
                for ((clause, expected), actual) in CLAUSES.iter().zip(expected).zip(actual) {
                    if expected != actual && count < limit {
                        count += 1;
                        found.push(Disagreement {
                            engine: name,
                            line: index + 1,
                            clause,
                            clausier: *expected,
                            engine_outcome: Some(*actual),
                            error: None,
                        });
                    }
                }
            }
        }
    }
    if actual.len() != reference.len() && count < limit {
        found.push(Disagreement {
            engine: name,
            line: actual.len().min(reference.len()) + 1,
            clause: "",
            clausier: Outcome::Missing,
            engine_outcome: None,
            error: Some(format!(
                "{} outcomes for {} descriptors",
                actual.len(),
                reference.len()
            )),
        });
    }
}

/// Compares every engine with Clausier on every line of `text` (NDJSON), keeping at most
/// `limit` disagreements an engine. Clausier's own two paths (a descriptor at a time, and
/// the whole run with its report) are compared too.
pub fn check(
    engines: &Engines,
    text: &str,
    pool: &ThreadPool,
    limit: usize,
) -> Result<Agreement, String> {
    let lines = crate::lines(text);
    let reference: Vec<Outcomes> = outcomes_in(&engines.clausier, &lines, pool)
        .into_iter()
        .enumerate()
        .map(|(index, outcomes)| {
            outcomes.map_err(|error| format!("Clausier, line {}: {error}", index + 1))
        })
        .collect::<Result<_, _>>()?;

    let mut agreement = Agreement {
        descriptors: lines.len(),
        ..Agreement::default()
    };
    let mut per_clause = [[0usize; 3]; 10];
    for outcomes in &reference {
        agreement.tally = agreement.tally + Tally::of(outcomes);
        if outcomes.contains(&Outcome::Fail) {
            agreement.some_fail += 1;
        } else if outcomes.contains(&Outcome::Missing) {
            agreement.only_missing += 1;
        } else {
            agreement.all_pass += 1;
        }
        for (counts, outcome) in per_clause.iter_mut().zip(outcomes) {
            counts[*outcome as usize] += 1;
        }
    }
    agreement.per_clause = CLAUSES.iter().copied().zip(per_clause).collect();

    let report = engines.clausier.check_all(text, pool.current_num_threads());
    let whole: Vec<Result<Outcomes, String>> = match Clausier::report_outcomes(&report) {
        Ok(outcomes) => outcomes.into_iter().map(Ok).collect(),
        Err(error) => vec![Err(error)],
    };
    compare(
        "Clausier (whole run)",
        &whole,
        &reference,
        limit,
        &mut agreement.disagreements,
    );
    agreement.engines.push("Clausier (whole run)");

    macro_rules! against {
        ($($engine:expr),*) => {$(
            let engine = &$engine;
            if engine.decides() {
                let actual = outcomes_in(engine, &lines, pool);
                compare(engine.name(), &actual, &reference, limit, &mut agreement.disagreements);
                agreement.engines.push(engine.name());
            }
        )*};
    }
    against!(
        engines.typed,
        engines.jsonlogic,
        engines.rego,
        engines.cel,
        engines.cedar
    );
    Ok(agreement)
}

//! A `check` run: every descriptor against the compiled pack, in parallel, then the
//! run-wide steps (aggregates, ranks) once every descriptor's eligibility is known.
//!
//! Results are gathered by input index and the run-wide steps are sequential, so the
//! report is the same whatever the number of threads.

use std::cmp::Ordering;

use clausier_check::value::Value;
use clausier_syntax::ast::{AggregateKind, Level};
use jiff::civil::Date;
use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::descriptor::Descriptor;
use crate::eval::Scope;
use crate::explain::Explainer;
use crate::program::{AggregateProgram, Program};
use crate::report::{
    ClauseResult, DataErrorEntry, DescriptorReport, DescriptorStatus, PackInfo, Report,
    RequirementResult, RequirementStatus, Summary,
};
use crate::score::{CriterionOutcome, rank, score_criterion, unscored};

/// How a run evaluates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOptions {
    /// The value of `today`.
    pub date: Date,
    /// How many threads evaluate descriptors (at least one is used).
    pub jobs: usize,
}

/// Checks every descriptor against the program and builds the report.
pub fn run(
    program: &Program,
    pack: PackInfo,
    descriptors: &[Descriptor],
    options: &RunOptions,
) -> Report {
    // Without a pool (the system refused the threads) the run stays on this thread: the
    // report is the same either way.
    let pool = ThreadPoolBuilder::new()
        .num_threads(options.jobs.max(1))
        .build()
        .ok();
    let pool = pool.as_ref();
    let today = options.date;

    // Criteria that use no aggregate can be scored in the same pass as eligibility.
    let score_early = program.aggregates.is_empty();
    let no_aggregates: &[Option<Value>] = &[];
    let mut evaluated: Vec<Evaluated> = map_in(pool, descriptors, |descriptor| {
        evaluate_descriptor(
            program,
            descriptor,
            today,
            score_early.then_some(no_aggregates),
        )
    });

    if !score_early {
        let aggregates = compute_aggregates(program, descriptors, &evaluated);
        let scored: Vec<Option<Vec<CriterionOutcome>>> = map_in(
            pool,
            &zip_refs(descriptors, &evaluated),
            |(descriptor, evaluated)| {
                (evaluated.status == DescriptorStatus::Eligible)
                    .then(|| score_descriptor(program, descriptor, today, &aggregates))
            },
        );
        for (evaluated, criteria) in evaluated.iter_mut().zip(scored) {
            if criteria.is_some() {
                evaluated.criteria = criteria;
            }
        }
    }

    assemble(program, pack, today, descriptors, evaluated)
}

/// What one descriptor's evaluation found, before the run-wide steps.
struct Evaluated {
    status: DescriptorStatus,
    /// The requirements' results, with room for the criteria's.
    results: Vec<ClauseResult>,
    /// `Some` once scored (eligible descriptors only).
    criteria: Option<Vec<CriterionOutcome>>,
}

fn zip_refs<'a, A, B>(left: &'a [A], right: &'a [B]) -> Vec<(&'a A, &'a B)> {
    left.iter().zip(right.iter()).collect()
}

/// Maps in input order, on the pool when there is one.
fn map_in<T, R, F>(pool: Option<&ThreadPool>, items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    match pool {
        Some(pool) => pool.install(|| items.par_iter().map(&f).collect()),
        None => items.iter().map(f).collect(),
    }
}

fn evaluate_descriptor(
    program: &Program,
    descriptor: &Descriptor,
    today: Date,
    aggregates_for_scoring: Option<&[Option<Value>]>,
) -> Evaluated {
    let root = match &descriptor.root {
        Some(root) if !descriptor.is_invalid() => root,
        _ => {
            return Evaluated {
                status: DescriptorStatus::Invalid,
                results: Vec::new(),
                criteria: None,
            };
        }
    };
    let scope = Scope::new(root, today, &[]);
    let mut explainer = Explainer::new(program, descriptor);
    let mut failed = false;
    let mut missing = false;
    let mut results = Vec::with_capacity(program.requirements.len() + program.criteria.len());
    results.extend(program.requirements.iter().map(|requirement| {
        let (status, missing_paths, explanation) = judge(
            program,
            &mut explainer,
            requirement.when,
            requirement.require,
            scope,
        );
        if requirement.level == Level::Must {
            failed |= status == RequirementStatus::Fail;
            missing |= status == RequirementStatus::Missing;
        }
        ClauseResult::Requirement(RequirementResult {
            clause: requirement.id.clone(),
            pack: requirement.pack.clone(),
            version: requirement.version.clone(),
            kind: "requirement",
            level: requirement.level.as_str(),
            status,
            missing: missing_paths,
            explanation,
        })
    }));
    let status = if failed {
        DescriptorStatus::Ineligible
    } else if missing {
        DescriptorStatus::Incomplete
    } else {
        DescriptorStatus::Eligible
    };
    let criteria = match aggregates_for_scoring {
        Some(aggregates) if status == DescriptorStatus::Eligible => {
            Some(score_descriptor(program, descriptor, today, aggregates))
        }
        _ => None,
    };
    Evaluated {
        status,
        results,
        criteria,
    }
}

type Judgement = (
    RequirementStatus,
    Vec<String>,
    Vec<crate::report::Explanation>,
);

/// A requirement's status, with its missing paths or the explanation of its failure.
fn judge(
    program: &Program,
    explainer: &mut Explainer<'_>,
    when: Option<u32>,
    require: u32,
    scope: Scope<'_>,
) -> Judgement {
    if let Some(when) = when {
        match program.code.truth(when, scope) {
            Some(true) => {}
            Some(false) => return (RequirementStatus::NotApplicable, Vec::new(), Vec::new()),
            None => {
                let missing = explainer.missing_paths(when, scope);
                return (RequirementStatus::Missing, missing, Vec::new());
            }
        }
    }
    match program.code.truth(require, scope) {
        Some(true) => (RequirementStatus::Pass, Vec::new(), Vec::new()),
        Some(false) => {
            let explanation = explainer.explain_failure(require, scope);
            (RequirementStatus::Fail, Vec::new(), explanation)
        }
        None => {
            let missing = explainer.missing_paths(require, scope);
            (RequirementStatus::Missing, missing, Vec::new())
        }
    }
}

fn score_descriptor(
    program: &Program,
    descriptor: &Descriptor,
    today: Date,
    aggregates: &[Option<Value>],
) -> Vec<CriterionOutcome> {
    let Some(root) = descriptor.root.as_deref() else {
        return Vec::new();
    };
    let scope = Scope::new(root, today, aggregates);
    let mut explainer = Explainer::new(program, descriptor);
    program
        .criteria
        .iter()
        .map(|criterion| score_criterion(program, &mut explainer, criterion, scope))
        .collect()
}

/// The value of each `lowest`/`highest` over the eligible descriptors, in input order;
/// absent values are skipped, and none present leaves it unknown.
fn compute_aggregates(
    program: &Program,
    descriptors: &[Descriptor],
    evaluated: &[Evaluated],
) -> Vec<Option<Value>> {
    program
        .aggregates
        .iter()
        .map(|aggregate| aggregate_value(program, aggregate, descriptors, evaluated))
        .collect()
}

fn aggregate_value(
    program: &Program,
    aggregate: &AggregateProgram,
    descriptors: &[Descriptor],
    evaluated: &[Evaluated],
) -> Option<Value> {
    let path = aggregate.path?;
    let wanted = match aggregate.kind {
        AggregateKind::Lowest => Ordering::Less,
        AggregateKind::Highest => Ordering::Greater,
    };
    let mut best: Option<&Value> = None;
    for (descriptor, evaluated) in descriptors.iter().zip(evaluated) {
        if evaluated.status != DescriptorStatus::Eligible {
            continue;
        }
        let Some(root) = descriptor.root.as_deref() else {
            continue;
        };
        let Some(value) = program.code.read(path, Scope::new(root, Date::ZERO, &[])) else {
            continue;
        };
        best = match best {
            Some(current) if value.compare(current) != Some(wanted) => Some(current),
            _ => Some(value),
        };
    }
    best.cloned()
}

fn assemble(
    program: &Program,
    pack: PackInfo,
    today: Date,
    descriptors: &[Descriptor],
    evaluated: Vec<Evaluated>,
) -> Report {
    let scored = program.has_criteria();
    let totals: Vec<Option<rust_decimal::Decimal>> = evaluated
        .iter()
        .map(|evaluated| match &evaluated.criteria {
            Some(criteria) if scored => Some(
                criteria
                    .iter()
                    .fold(rust_decimal::Decimal::ZERO, |sum, outcome| {
                        sum.saturating_add(outcome.points)
                    })
                    .normalize(),
            ),
            _ => None,
        })
        .collect();
    let ranks = rank(&totals);
    let mut summary = Summary::default();
    let reports = descriptors
        .iter()
        .zip(evaluated)
        .zip(totals.into_iter().zip(ranks))
        .map(|((descriptor, evaluated), (score, rank))| {
            summary.count(evaluated.status);
            let mut results = evaluated.results;
            match evaluated.criteria {
                Some(criteria) => results.extend(
                    program
                        .criteria
                        .iter()
                        .zip(criteria)
                        .map(|(criterion, outcome)| outcome.into_result(criterion)),
                ),
                None if evaluated.status != DescriptorStatus::Invalid => {
                    results.extend(program.criteria.iter().map(unscored));
                }
                None => {}
            }
            DescriptorReport {
                id: descriptor.id.clone(),
                source: descriptor.source.clone(),
                status: evaluated.status,
                score,
                rank,
                results,
                errors: data_errors(descriptor),
            }
        })
        .collect();
    Report {
        clausier: env!("CARGO_PKG_VERSION").to_owned(),
        pack,
        date: today.to_string(),
        params: program.params.clone(),
        descriptors: reports,
        summary,
    }
}

/// The problems found while loading, in the loader's order. Warnings (undeclared
/// fields under `--strict`) are reported for valid descriptors too: they are what the
/// flag asks for.
fn data_errors(descriptor: &Descriptor) -> Vec<DataErrorEntry> {
    descriptor
        .problems
        .iter()
        .map(|problem| {
            DataErrorEntry::new(
                problem.code.as_str(),
                problem.message.clone(),
                problem.path.clone(),
                problem.loc,
            )
            .with_help(problem.help.clone())
            .with_severity(problem.severity)
        })
        .collect()
}

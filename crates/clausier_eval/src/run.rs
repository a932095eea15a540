//! A `check` run: every descriptor against the compiled pack, in parallel, then the
//! run-wide steps (aggregates, ranks) once every descriptor's eligibility is known. In a
//! contract divided into lots, an offer is evaluated once per lot it bids for, and the
//! run-wide steps are taken per lot (`lots.rs`).
//!
//! Results are gathered by input index and the run-wide steps are sequential, so the
//! report is the same whatever the number of threads.

use std::cmp::Ordering;

use clausier_check::value::Value;
use clausier_syntax::ast::AggregateKind;
use jiff::civil::Date;
use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::eval::Scope;
use crate::explain::{Explainer, Unknown, natural_order};
use crate::lots::{self, Bid};
use crate::program::{AggregateProgram, DocumentProgram, Program, RequirementProgram};
use crate::report::{
    ClauseResult, DataErrorEntry, DescriptorReport, DescriptorStatus, LotReport, PackInfo, Report,
    RequestedDocument, RequirementResult, RequirementStatus, Summary,
};
use crate::run_warnings::run_warnings;
use crate::score::{CriterionOutcome, rank, score_criterion, total_points, unscored};
use clausier_check::provenance::ProvenanceKind;
use clausier_data::descriptor::Descriptor;
use clausier_data::evidence::Evidence;

/// How a run evaluates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOptions {
    /// The value of `today`.
    pub date: Date,
    /// How many threads evaluate descriptors (at least one is used).
    pub jobs: usize,
    /// The buyer's decisions on claims of an equivalent, recorded in the decision log:
    /// a requirement under review takes the outcome its decision gives.
    pub decisions: Vec<ReviewDecision>,
}

impl RunOptions {
    /// Options for a run at `date` on `jobs` threads, with no recorded decision.
    pub fn new(date: Date, jobs: usize) -> Self {
        RunOptions {
            date,
            jobs,
            decisions: Vec::new(),
        }
    }

    /// These options with the buyer's recorded decisions.
    pub fn with_decisions(mut self, decisions: Vec<ReviewDecision>) -> Self {
        self.decisions = decisions;
        self
    }
}

/// A buyer's decision on a vendor's claim of an equivalent (a label or certificate other
/// than the one a requirement names), as the decision log records it and a run applies
/// it. The log matches it to a descriptor's content before handing it to a run: a
/// decision on an offer changed since is not applied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReviewDecision {
    /// The requirement's id (`CERT-01`).
    pub clause: String,
    /// The descriptor's id, as reports give it.
    pub descriptor: String,
    /// Whether the equivalent is accepted (the requirement passes) or refused (it fails).
    pub accepted: bool,
    /// Why, in the buyer's words; reports cite it.
    pub reason: String,
    /// Who decided.
    pub by: String,
    /// When, RFC 3339 (`2026-12-05T10:30:00Z`).
    pub at: String,
}

/// Checks every descriptor against the program and builds the report.
pub fn run(
    program: &Program,
    pack: PackInfo,
    descriptors: &[Descriptor],
    options: &RunOptions,
) -> Report {
    let pool = thread_pool(options.jobs);
    let pool = pool.as_ref();
    let today = options.date;
    let descriptors = crate::expiry::in_force_all(descriptors, today);
    let descriptors: &[Descriptor] = &descriptors;

    // Criteria that use no aggregate can be scored in the same pass as eligibility.
    let score_early = program.aggregates.is_empty();
    let no_aggregates: &[Option<Value>] = &[];
    let bids = lots::bids(program, descriptors);
    let mut evaluated: Vec<Evaluated> = map_in(pool, &bids, |bid| {
        evaluate_descriptor(
            program,
            bid.descriptor,
            today,
            score_early.then_some(no_aggregates),
            bid.lot,
            &options.decisions,
        )
    });

    let mut warnings = Vec::new();
    if !score_early {
        let aggregates: Vec<Vec<Option<Value>>> = (0..lots::parts(program))
            .map(|part| compute_aggregates(program, &bids, &evaluated, part))
            .collect();
        warnings = run_warnings(program, &aggregates);
        let scored: Vec<Option<Vec<CriterionOutcome>>> =
            map_in(pool, &zip_refs(&bids, &evaluated), |(bid, evaluated)| {
                let aggregates = aggregates.get(bid.part)?;
                (evaluated.status == DescriptorStatus::Eligible).then(|| {
                    score_descriptor(
                        program,
                        bid.descriptor,
                        today,
                        aggregates,
                        &evaluated.outcomes,
                        bid.lot,
                    )
                })
            });
        for (evaluated, criteria) in evaluated.iter_mut().zip(scored) {
            if criteria.is_some() {
                evaluated.criteria = criteria;
            }
        }
    }

    Report {
        warnings,
        ..assemble(program, pack, today, &bids, evaluated)
    }
}

/// What one descriptor's evaluation found, before the run-wide steps.
pub(crate) struct Evaluated {
    pub(crate) status: DescriptorStatus,
    /// The requirements' results, with room for the criteria's.
    results: Vec<ClauseResult>,
    /// What `passed(ID)` reads of each requirement (see `EvalContext::passed`).
    pub(crate) outcomes: Vec<Option<bool>>,
    /// `Some` once scored (eligible descriptors only).
    pub(crate) criteria: Option<Vec<CriterionOutcome>>,
}

/// `jobs` threads to evaluate on. Without a pool (the system refused the threads) a run
/// stays on the calling thread: the report is the same either way.
pub(crate) fn thread_pool(jobs: usize) -> Option<ThreadPool> {
    ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .ok()
}

fn zip_refs<'a, A, B>(left: &'a [A], right: &'a [B]) -> Vec<(&'a A, &'a B)> {
    left.iter().zip(right.iter()).collect()
}

/// Maps in input order, on the pool when there is one.
pub(crate) fn map_in<T, R, F>(pool: Option<&ThreadPool>, items: &[T], f: F) -> Vec<R>
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

/// Judges every requirement; scores the criteria too when the descriptor is eligible and
/// `aggregates_for_scoring` gives the run's aggregates.
///
/// On a lot (`lot`), only the clauses that apply to it are judged and scored; the
/// `passed(ID)` of a requirement left out is unknown, and no criterion of the lot reads
/// it (E0409).
pub(crate) fn evaluate_descriptor(
    program: &Program,
    descriptor: &Descriptor,
    today: Date,
    aggregates_for_scoring: Option<&[Option<Value>]>,
    lot: Option<&str>,
    decisions: &[ReviewDecision],
) -> Evaluated {
    let root = match &descriptor.root {
        Some(root) if !descriptor.is_invalid() => root,
        _ => {
            return Evaluated {
                status: DescriptorStatus::Invalid,
                results: Vec::new(),
                outcomes: Vec::new(),
                criteria: None,
            };
        }
    };
    let scope = Scope::new(root, today, &[]);
    let mut explainer = Explainer::new(program, descriptor);
    let mut failed = false;
    let mut missing = false;
    let mut under_review = false;
    let mut results = Vec::with_capacity(program.requirements.len() + program.criteria.len());
    let mut outcomes = Vec::with_capacity(program.requirements.len());
    results.extend(program.requirements.iter().filter_map(|requirement| {
        if !requirement.applies_to(lot) {
            outcomes.push(None);
            return None;
        }
        let (status, unknown, explanation) = judge(
            program,
            &mut explainer,
            requirement,
            scope,
            &descriptor.evidence,
        );
        let reviewed = if status == RequirementStatus::Fail {
            crate::review::review_failure(requirement, descriptor, &explanation, decisions)
        } else {
            crate::review::Reviewed {
                status,
                claim: None,
                decision: None,
            }
        };
        let status = reviewed.status;
        // An accepted equivalent passes: what failed without it is no longer a reason.
        let explanation = if status == RequirementStatus::Pass {
            Vec::new()
        } else {
            explanation
        };
        let documents = if status == RequirementStatus::Missing {
            lacking_documents(program, requirement, scope, &descriptor.evidence)
                .map(|lacking| RequestedDocument {
                    label: lacking.document.label.clone(),
                    path: lacking.document.path.clone(),
                    proof: lacking
                        .document
                        .proof
                        .iter()
                        .map(|kind| kind.as_str())
                        .collect(),
                    given_as: lacking.given_as.map(ProvenanceKind::as_str),
                })
                .collect()
        } else {
            Vec::new()
        };
        if requirement.level.excludes() {
            failed |= status == RequirementStatus::Fail;
            missing |= status == RequirementStatus::Missing;
            under_review |= status == RequirementStatus::Review;
        }
        outcomes.push(outcome(status));
        let expired = if status == RequirementStatus::Missing {
            crate::expiry::expired_among(descriptor, today, &unknown.paths)
        } else {
            Vec::new()
        };
        Some(ClauseResult::Requirement(RequirementResult {
            clause: requirement.id.clone(),
            pack: requirement.pack.clone(),
            version: requirement.version.clone(),
            kind: "requirement",
            level: requirement.level.as_str(),
            status,
            missing: unknown.paths,
            explanation,
            reasons: unknown.reasons,
            documents,
            expired,
            claim: reviewed.claim,
            decision: reviewed.decision,
            title: None,
        }))
    }));
    let status = if failed {
        DescriptorStatus::Ineligible
    } else if missing {
        DescriptorStatus::Incomplete
    } else if under_review {
        DescriptorStatus::Review
    } else {
        DescriptorStatus::Eligible
    };
    let criteria = match aggregates_for_scoring {
        Some(aggregates) if status == DescriptorStatus::Eligible => Some(score_descriptor(
            program, descriptor, today, aggregates, &outcomes, lot,
        )),
        _ => None,
    };
    Evaluated {
        status,
        results,
        outcomes,
        criteria,
    }
}

/// What `passed(ID)` reads of a requirement with this status.
fn outcome(status: RequirementStatus) -> Option<bool> {
    match status {
        RequirementStatus::Pass | RequirementStatus::NotApplicable => Some(true),
        RequirementStatus::Fail => Some(false),
        RequirementStatus::Missing | RequirementStatus::Review => None,
    }
}

/// What `passed(ID)` reads of each requirement for `descriptor` (whose record `scope`
/// reads) on `lot`; empty when no criterion reads it. A requirement that does not apply
/// to the lot is unknown, and no criterion of the lot reads it (E0409).
///
/// Judged without explaining anything, unless the offer claims an equivalent: which
/// requirement a claim puts under review depends on what its failure read, so such an
/// offer is evaluated in full, with the buyer's `decisions`.
pub(crate) fn requirement_outcomes(
    program: &Program,
    descriptor: &Descriptor,
    scope: Scope<'_>,
    lot: Option<&str>,
    decisions: &[ReviewDecision],
) -> Vec<Option<bool>> {
    if !program.scores_outcomes {
        return Vec::new();
    }
    if claims_an_equivalent(descriptor) {
        return evaluate_descriptor(program, descriptor, scope.today, None, lot, decisions)
            .outcomes;
    }
    program
        .requirements
        .iter()
        .map(|requirement| {
            requirement
                .applies_to(lot)
                .then(|| holds(program, requirement, scope, &descriptor.evidence))
                .flatten()
        })
        .collect()
}

/// Whether the offer of `scope` meets a requirement: `true` too when its `when` is
/// false, unknown when its data or a document it requires is missing. An offer that
/// fails the `require` fails even when a document is missing: no document supplied
/// later could change what the offer says (R2152-2).
fn holds(
    program: &Program,
    requirement: &RequirementProgram,
    scope: Scope<'_>,
    evidence: &[Evidence],
) -> Option<bool> {
    let applies = match requirement.when {
        Some(when) => program.code.truth(when, scope),
        None => Some(true),
    };
    match applies {
        Some(true) => match program.code.truth(requirement.require, scope) {
            Some(false) => Some(false),
            _ if lacking_documents(program, requirement, scope, evidence)
                .next()
                .is_some() =>
            {
                None
            }
            known => known,
        },
        Some(false) => Some(true),
        None => None,
    }
}

/// A document a requirement requires that the descriptor does not give as asked.
struct Lacking<'p> {
    document: &'p DocumentProgram,
    /// The kind of proof of the value given, when one is given but of a kind the
    /// requirement does not accept; `None` when the value is absent.
    given_as: Option<ProvenanceKind>,
}

/// The documents a requirement requires that the descriptor of `scope` (with its
/// `evidence`) does not give: absent, or given without one of the kinds of proof asked.
fn lacking_documents<'p>(
    program: &'p Program,
    requirement: &'p RequirementProgram,
    scope: Scope<'_>,
    evidence: &[Evidence],
) -> impl Iterator<Item = Lacking<'p>> {
    requirement.documents.iter().filter_map(move |document| {
        if program.code.truth(document.given, scope) != Some(true) {
            return Some(Lacking {
                document,
                given_as: None,
            });
        }
        if document.proof.is_empty() {
            return None;
        }
        let kind = proof_of(evidence, &document.path);
        (!document.proof.contains(&kind)).then_some(Lacking {
            document,
            given_as: Some(kind),
        })
    })
}

/// Who vouches for the value at `path`: the `$source` of its own `$`-keyed form, else
/// of the nearest record around it that has one (a source given for `hosting` vouches
/// for `hosting.hds`); a value no source covers is `declared`.
fn proof_of(evidence: &[Evidence], path: &str) -> ProvenanceKind {
    let mut at = path;
    loop {
        let source = evidence
            .iter()
            .find(|entry| entry.shown == at)
            .and_then(|entry| entry.source.as_ref());
        if let Some(source) = source {
            return source.kind;
        }
        match at.rsplit_once('.') {
            Some((outer, _)) => at = outer,
            None => return ProvenanceKind::Declared,
        }
    }
}

/// Whether an offer claims an equivalent of a label on one of its values.
pub(crate) fn claims_an_equivalent(descriptor: &Descriptor) -> bool {
    descriptor
        .evidence
        .iter()
        .any(|evidence| evidence.equivalent.is_some())
}

/// The status [`evaluate_descriptor`] gives on `lot`, without explaining anything: only
/// the `must` and `execution` requirements of the lot count, and the first failure
/// decides. An offer claiming an equivalent is evaluated in full, with the buyer's
/// `decisions` (see [`requirement_outcomes`]).
pub(crate) fn eligibility(
    program: &Program,
    descriptor: &Descriptor,
    today: Date,
    lot: Option<&str>,
    decisions: &[ReviewDecision],
) -> DescriptorStatus {
    let root = match &descriptor.root {
        Some(root) if !descriptor.is_invalid() => root,
        _ => return DescriptorStatus::Invalid,
    };
    if claims_an_equivalent(descriptor) {
        return evaluate_descriptor(program, descriptor, today, None, lot, decisions).status;
    }
    let scope = Scope::new(root, today, &[]);
    let mut missing = false;
    for requirement in &program.requirements {
        if !requirement.level.excludes() || !requirement.applies_to(lot) {
            continue;
        }
        match holds(program, requirement, scope, &descriptor.evidence) {
            Some(false) => return DescriptorStatus::Ineligible,
            None => missing = true,
            Some(true) => {}
        }
    }
    if missing {
        DescriptorStatus::Incomplete
    } else {
        DescriptorStatus::Eligible
    }
}

type Judgement = (RequirementStatus, Unknown, Vec<crate::report::Explanation>);

/// A requirement's status, with why it is missing or the explanation of its failure.
fn judge(
    program: &Program,
    explainer: &mut Explainer<'_>,
    requirement: &RequirementProgram,
    scope: Scope<'_>,
    evidence: &[Evidence],
) -> Judgement {
    if let Some(when) = requirement.when {
        match program.code.truth(when, scope) {
            Some(true) => {}
            Some(false) => {
                return (
                    RequirementStatus::NotApplicable,
                    Unknown::default(),
                    Vec::new(),
                );
            }
            None => {
                let unknown = explainer.unknown(when, scope);
                return (RequirementStatus::Missing, unknown, Vec::new());
            }
        }
    }
    let require = requirement.require;
    let truth = program.code.truth(require, scope);
    let mut unknown = match truth {
        Some(true) => Unknown::default(),
        Some(false) => {
            let explanation = explainer.explain_failure(require, scope);
            return (RequirementStatus::Fail, Unknown::default(), explanation);
        }
        None => explainer.unknown(require, scope),
    };
    let lacking: Vec<Lacking<'_>> =
        lacking_documents(program, requirement, scope, evidence).collect();
    if truth == Some(true) && lacking.is_empty() {
        return (RequirementStatus::Pass, unknown, Vec::new());
    }
    // A missing document (or its missing proof) is listed with the absent paths, where
    // the buyer looks.
    unknown
        .paths
        .extend(lacking.iter().map(|lacking| lacking.document.path.clone()));
    unknown.paths.sort_by(|a, b| natural_order(a, b));
    unknown.paths.dedup();
    (RequirementStatus::Missing, unknown, Vec::new())
}

fn score_descriptor(
    program: &Program,
    descriptor: &Descriptor,
    today: Date,
    aggregates: &[Option<Value>],
    outcomes: &[Option<bool>],
    lot: Option<&str>,
) -> Vec<CriterionOutcome> {
    let Some(root) = descriptor.root.as_deref() else {
        return Vec::new();
    };
    let scope = Scope::new(root, today, aggregates).passed(outcomes);
    let mut explainer = Explainer::new(program, descriptor);
    program
        .criteria
        .iter()
        .filter(|criterion| criterion.applies_to(lot))
        .map(|criterion| score_criterion(program, &mut explainer, criterion, scope))
        .collect()
}

/// The value of each `lowest`/`highest` over the eligible offers of `part` (one lot, or
/// the whole contract), in input order; absent values are skipped, and none present
/// leaves it unknown.
fn compute_aggregates(
    program: &Program,
    bids: &[Bid<'_>],
    evaluated: &[Evaluated],
    part: usize,
) -> Vec<Option<Value>> {
    program
        .aggregates
        .iter()
        .map(|aggregate| aggregate_value(program, aggregate, bids, evaluated, part))
        .collect()
}

fn aggregate_value(
    program: &Program,
    aggregate: &AggregateProgram,
    bids: &[Bid<'_>],
    evaluated: &[Evaluated],
    part: usize,
) -> Option<Value> {
    let mut best: Option<&Value> = None;
    for (bid, evaluated) in bids.iter().zip(evaluated) {
        if evaluated.status != DescriptorStatus::Eligible || bid.part != part {
            continue;
        }
        let Some(value) = aggregate_input(program, aggregate, bid.descriptor) else {
            continue;
        };
        if replaces_best(aggregate.kind, best, value) {
            best = Some(value);
        }
    }
    best.cloned()
}

/// The value an eligible descriptor contributes to an aggregate; `None` when absent.
pub(crate) fn aggregate_input<'a>(
    program: &Program,
    aggregate: &AggregateProgram,
    descriptor: &'a Descriptor,
) -> Option<&'a Value> {
    let root = descriptor.root.as_deref()?;
    program
        .code
        .read(aggregate.path?, Scope::new(root, Date::ZERO, &[]))
}

/// Whether `candidate` takes the place of the best value so far: only a strictly better
/// one does, so between equal or incomparable values the first in input order stays.
pub(crate) fn replaces_best(kind: AggregateKind, best: Option<&Value>, candidate: &Value) -> bool {
    let wanted = match kind {
        AggregateKind::Lowest => Ordering::Less,
        AggregateKind::Highest => Ordering::Greater,
    };
    best.is_none_or(|current| candidate.compare(current) == Some(wanted))
}

fn assemble(
    program: &Program,
    pack: PackInfo,
    today: Date,
    bids: &[Bid<'_>],
    evaluated: Vec<Evaluated>,
) -> Report {
    let totals: Vec<Option<rust_decimal::Decimal>> = evaluated.iter().map(total_score).collect();
    let ranks = ranks_by_part(program, bids, &totals);
    let mut summary = Summary::default();
    let mut lots = LotReport::uncounted(&program.schema().lots);
    let reports = bids
        .iter()
        .zip(evaluated)
        .zip(totals.into_iter().zip(ranks))
        .map(|((bid, evaluated), (score, rank))| {
            summary.count(evaluated.status);
            if bid.lot.is_some()
                && let Some(lot) = lots.get_mut(bid.part)
            {
                lot.summary.count(evaluated.status);
            }
            let entry = descriptor_report(program, bid.descriptor, evaluated, score, rank, bid.lot);
            DescriptorReport {
                input: bid.input,
                ..entry
            }
        })
        .collect();
    Report {
        descriptors: reports,
        summary,
        lots,
        ..report_shell(program, pack, today)
    }
}

/// Each bid's rank among the scored bids of its part: its lot, or the whole contract.
fn ranks_by_part(
    program: &Program,
    bids: &[Bid<'_>],
    totals: &[Option<rust_decimal::Decimal>],
) -> Vec<Option<u32>> {
    let mut ranks = vec![None; totals.len()];
    for part in 0..lots::parts(program) {
        let in_part: Vec<Option<rust_decimal::Decimal>> = bids
            .iter()
            .zip(totals)
            .map(|(bid, total)| if bid.part == part { *total } else { None })
            .collect();
        for ((slot, bid), part_rank) in ranks.iter_mut().zip(bids).zip(rank(&in_part)) {
            if bid.part == part {
                *slot = part_rank;
            }
        }
    }
    ranks
}

/// A report without descriptors and with nothing counted yet: what is known of a run
/// before its results.
pub(crate) fn report_shell(program: &Program, pack: PackInfo, today: Date) -> Report {
    Report {
        clausier: env!("CARGO_PKG_VERSION").to_owned(),
        pack,
        date: today.to_string(),
        params: program.params.clone(),
        descriptors: Vec::new(),
        summary: Summary::default(),
        lots: Vec::new(),
        warnings: Vec::new(),
    }
}

/// The sum of a scored descriptor's points; `None` when it is not scored or no criterion
/// applies to it.
pub(crate) fn total_score(evaluated: &Evaluated) -> Option<rust_decimal::Decimal> {
    // A lot that no criterion scores has no ranking, as a contract without criteria.
    match &evaluated.criteria {
        Some(criteria) if !criteria.is_empty() => {
            Some(total_points(criteria.iter().map(|outcome| outcome.points)))
        }
        _ => None,
    }
}

/// One descriptor's entry of the report, once its score and rank are known.
pub(crate) fn descriptor_report(
    program: &Program,
    descriptor: &Descriptor,
    evaluated: Evaluated,
    score: Option<rust_decimal::Decimal>,
    rank: Option<u32>,
    lot: Option<&str>,
) -> DescriptorReport {
    let mut results = evaluated.results;
    let criteria = program
        .criteria
        .iter()
        .filter(|criterion| criterion.applies_to(lot));
    match evaluated.criteria {
        Some(outcomes) => results.extend(
            criteria
                .zip(outcomes)
                .map(|(criterion, outcome)| outcome.into_result(criterion)),
        ),
        None if evaluated.status != DescriptorStatus::Invalid => {
            results.extend(criteria.map(unscored));
        }
        None => {}
    }
    DescriptorReport {
        id: descriptor.id.clone(),
        source: descriptor.source.clone(),
        lot: lot.map(str::to_owned),
        input: 0,
        status: evaluated.status,
        score,
        rank,
        results,
        errors: data_errors(descriptor),
    }
}

/// The problems found while loading, in the loader's order. Warnings (undeclared
/// fields under `--strict`) are reported for valid descriptors too: they are what the
/// flag asks for. The report's words are English, as its machine formats give them; the
/// terminal shows the problems themselves, in the reader's language.
fn data_errors(descriptor: &Descriptor) -> Vec<DataErrorEntry> {
    descriptor
        .problems
        .iter()
        .map(|problem| {
            DataErrorEntry::new(
                problem.code.as_str(),
                problem.message.text(clausier_diagnostics::Lang::En),
                problem.path.clone(),
                problem.loc,
            )
            .with_help(
                problem
                    .help
                    .as_ref()
                    .map(|help| help.text(clausier_diagnostics::Lang::En)),
            )
            .with_severity(problem.severity)
        })
        .collect()
}

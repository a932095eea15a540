//! A `check` run over more descriptors than memory holds: the caller reads its input in
//! chunks, as many times as [`StreamCheck::passes`] says, and each pass evaluates every
//! chunk in parallel, keeping only what later passes need.
//!
//! A descriptor's entry in the report can depend on the whole run: its rank on every
//! other score, and its score on the `lowest`/`highest` of the eligible descriptors. So
//! the passes before the last keep the run-wide facts in a size that does not grow with
//! the input: the aggregates' best values so far, and how many eligible descriptors
//! reached each total (totals have two decimal places within the criteria's weights,
//! so there are few distinct ones). Only between the survey and the scoring of a pack
//! with aggregates is one flag per descriptor kept, so that scoring loads just the
//! eligible ones. The last pass then gives each entry exactly as [`crate::run`] does.

use std::collections::BTreeMap;
use std::sync::Arc;

use clausier_check::types::Schema;
use clausier_check::value::Value;
use clausier_diagnostics::{Code, Span};
use jiff::civil::Date;
use rayon::ThreadPool;
use rust_decimal::Decimal;

use crate::eval::Scope;
use crate::lots;
use crate::program::Program;
use crate::report::{DescriptorReport, DescriptorStatus, LotReport, PackInfo, Report, Summary};
use crate::run::{
    RunOptions, aggregate_input, descriptor_report, eligibility, evaluate_descriptor, map_in,
    replaces_best, report_shell, thread_pool, total_score,
};
use crate::run_warnings::run_warnings;
use crate::score::{criterion_points, total_points};
use clausier_data::descriptor::{DataProblem, Descriptor, Loc, Locations};
use clausier_data::load::{self, LoadOptions, file_stem};

/// One line of an NDJSON input, as read: not loaded yet, so that loading happens on the
/// evaluating threads (and not at all when a pass can do without it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NdjsonLine {
    /// The input, as reports name it.
    pub source: Arc<str>,
    /// 1-based, counting blank lines.
    pub number: u32,
    /// Where the line starts in its input.
    pub offset: usize,
    /// The line without its `\n`; the raw bytes when they are not UTF-8.
    pub text: Result<String, Vec<u8>>,
}

impl NdjsonLine {
    /// Whether the line holds no descriptor: only white space (a byte order mark at the
    /// start of an input included). A line that is not UTF-8 is never blank.
    pub fn is_blank(text: &str, offset: usize) -> bool {
        let text = match offset {
            0 => text.strip_prefix('\u{feff}').unwrap_or(text),
            _ => text,
        };
        text.trim().is_empty()
    }

    /// The line as a descriptor of the pack's schema.
    pub fn load(&self, schema: &Schema, options: &LoadOptions) -> Descriptor {
        match &self.text {
            Ok(text) => load::load_ndjson_line(
                schema,
                &self.source,
                self.number,
                self.offset,
                text,
                options,
            ),
            Err(bytes) => not_utf8(&self.source, self.number, self.offset, bytes),
        }
    }
}

/// A descriptor of the run before it is loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Line(NdjsonLine),
    /// A descriptor known without loading, such as an input that could not be read.
    Ready(Descriptor),
}

impl Pending {
    pub fn load(&self, schema: &Schema, options: &LoadOptions) -> Descriptor {
        match self {
            Pending::Line(line) => line.load(schema, options),
            Pending::Ready(descriptor) => descriptor.clone(),
        }
    }
}

/// A line that is not UTF-8 is an invalid descriptor, located at its first bad byte.
fn not_utf8(source: &str, number: u32, offset: usize, bytes: &[u8]) -> Descriptor {
    let valid = std::str::from_utf8(bytes).map_or_else(|error| error.valid_up_to(), str::len);
    let before = bytes
        .get(..valid)
        .map_or(0, |prefix| String::from_utf8_lossy(prefix).chars().count());
    let start = u32::try_from(offset.saturating_add(valid)).unwrap_or(u32::MAX);
    let loc = Loc {
        span: Span::new(start, start.saturating_add(1)),
        line: number,
        column: u32::try_from(before + 1).unwrap_or(u32::MAX),
    };
    let problem = DataProblem::new(
        Code::DESCRIPTOR_UNREADABLE,
        "the line is not valid UTF-8".to_owned(),
        String::new(),
        Some(loc),
    )
    .with_help("save the file as UTF-8");
    Descriptor {
        id: format!("{}:{number}", file_stem(source)),
        source: source.to_owned(),
        line: Some(number),
        root: None,
        lots: Vec::new(),
        locations: Locations::default(),
        evidence: Vec::new(),
        problems: vec![problem],
    }
}

/// The passes over the input, in order. Each reads every descriptor of the run in the
/// same order; only the last gives results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Which descriptors are eligible and what the aggregates need; without aggregates,
    /// the totals too.
    Survey,
    /// The totals of the eligible descriptors, once the aggregates are known.
    Scores,
    /// Every descriptor's entry of the report.
    Results,
}

/// A run in passes. Call [`StreamCheck::begin`] for each pass of
/// [`StreamCheck::passes`], then the pass's method with every chunk in input order.
///
/// In a contract divided into lots, a descriptor is one entry per lot it bids for, and
/// what the passes keep (aggregates, totals, ranks, counts) is kept per lot: its
/// "part", as `lots.rs` calls it.
pub struct StreamCheck<'a> {
    program: &'a Program,
    load_options: LoadOptions,
    today: Date,
    /// The buyer's decisions on claimed equivalents, applied to each entry's results.
    decisions: Vec<crate::run::ReviewDecision>,
    pool: Option<ThreadPool>,
    pass: Pass,
    /// The descriptors seen in this pass.
    position: usize,
    /// From the survey, for the scores pass: whether each descriptor is eligible on at
    /// least one of its lots.
    eligible: Vec<bool>,
    /// Per part, the best value of each aggregate so far.
    aggregates: Vec<Vec<Option<Value>>>,
    /// Per part, how many eligible entries reached each total.
    totals: Vec<BTreeMap<Decimal, u32>>,
    /// Per part, each total reached, best first, with how many reached it or more.
    ranks: Vec<Vec<(Decimal, u32)>>,
    summary: Summary,
    /// Each lot with the counts of its entries so far, in the order of the lots.
    lots: Vec<LotReport>,
}

impl<'a> StreamCheck<'a> {
    pub fn new(program: &'a Program, options: &RunOptions, load_options: LoadOptions) -> Self {
        let parts = lots::parts(program);
        Self {
            program,
            load_options,
            today: options.date,
            decisions: options.decisions.clone(),
            pool: thread_pool(options.jobs),
            pass: Pass::Survey,
            position: 0,
            eligible: Vec::new(),
            aggregates: vec![vec![None; program.aggregates.len()]; parts],
            totals: vec![BTreeMap::new(); parts],
            ranks: Vec::new(),
            summary: Summary::default(),
            lots: LotReport::uncounted(&program.schema().lots),
        }
    }

    /// Without criteria every result is final at once; ranks need a survey of the totals
    /// first, and aggregates a survey of the eligible values before the totals.
    pub fn passes(&self) -> &'static [Pass] {
        if !self.program.has_criteria() {
            &[Pass::Results]
        } else if self.program.aggregates.is_empty() {
            &[Pass::Survey, Pass::Results]
        } else {
            &[Pass::Survey, Pass::Scores, Pass::Results]
        }
    }

    /// Starts a pass: the chunks given next are the input from its first descriptor.
    pub fn begin(&mut self, pass: Pass) {
        self.pass = pass;
        self.position = 0;
        if pass == Pass::Results {
            self.eligible = Vec::new();
            self.ranks = self.totals.iter().map(cumulative_counts).collect();
        }
    }

    pub fn pass(&self) -> Pass {
        self.pass
    }

    /// Surveys a chunk (in [`Pass::Survey`]).
    pub fn survey(&mut self, chunk: &[Pending]) {
        let program = self.program;
        let (options, today) = (&self.load_options, self.today);
        let decisions = self.decisions.as_slice();
        let with_aggregates = !program.aggregates.is_empty();
        let found: Vec<Vec<Surveyed>> = map_in(self.pool.as_ref(), chunk, |pending| {
            let descriptor =
                crate::expiry::in_force(pending.load(program.schema(), options), today);
            lots::descriptor_bids(program, &descriptor, 0)
                .iter()
                .map(|bid| {
                    let status = eligibility(program, &descriptor, today, bid.lot, decisions);
                    let eligible = status == DescriptorStatus::Eligible;
                    Surveyed {
                        part: bid.part,
                        eligible,
                        inputs: if eligible && with_aggregates {
                            program
                                .aggregates
                                .iter()
                                .map(|aggregate| {
                                    aggregate_input(program, aggregate, &descriptor).cloned()
                                })
                                .collect()
                        } else {
                            Vec::new()
                        },
                        total: (eligible && !with_aggregates)
                            .then(|| {
                                descriptor_total(
                                    program,
                                    &descriptor,
                                    today,
                                    &[],
                                    bid.lot,
                                    decisions,
                                )
                            })
                            .flatten(),
                    }
                })
                .collect()
        });
        for bids in found {
            if with_aggregates {
                self.eligible.push(bids.iter().any(|bid| bid.eligible));
            }
            for surveyed in bids {
                self.fold_in(surveyed);
            }
        }
        self.position += chunk.len();
    }

    /// Takes one surveyed entry into the facts of its part.
    fn fold_in(&mut self, surveyed: Surveyed) {
        let program = self.program;
        if let Some(best_values) = self.aggregates.get_mut(surveyed.part) {
            for ((best, aggregate), input) in best_values
                .iter_mut()
                .zip(&program.aggregates)
                .zip(surveyed.inputs)
            {
                if let Some(input) = input
                    && replaces_best(aggregate.kind, best.as_ref(), &input)
                {
                    *best = Some(input);
                }
            }
        }
        if let (Some(total), Some(totals)) = (surveyed.total, self.totals.get_mut(surveyed.part)) {
            *totals.entry(total).or_default() += 1;
        }
    }

    /// Scores the eligible descriptors of a chunk (in [`Pass::Scores`]).
    pub fn score(&mut self, chunk: &[Pending]) {
        let program = self.program;
        let (options, today) = (&self.load_options, self.today);
        let decisions = self.decisions.as_slice();
        let aggregates = &self.aggregates;
        let eligible = self
            .eligible
            .get(self.position..)
            .unwrap_or_default()
            .iter()
            .copied()
            .chain(std::iter::repeat(false));
        let to_score: Vec<&Pending> = chunk
            .iter()
            .zip(eligible)
            .filter_map(|(pending, eligible)| eligible.then_some(pending))
            .collect();
        let totals: Vec<Vec<(usize, Decimal)>> = map_in(self.pool.as_ref(), &to_score, |pending| {
            let descriptor =
                crate::expiry::in_force(pending.load(program.schema(), options), today);
            lots::descriptor_bids(program, &descriptor, 0)
                .iter()
                .filter(|bid| {
                    eligibility(program, &descriptor, today, bid.lot, decisions)
                        == DescriptorStatus::Eligible
                })
                .filter_map(|bid| {
                    let aggregates = aggregates.get(bid.part)?;
                    descriptor_total(program, &descriptor, today, aggregates, bid.lot, decisions)
                        .map(|total| (bid.part, total))
                })
                .collect()
        });
        for (part, total) in totals.into_iter().flatten() {
            if let Some(totals) = self.totals.get_mut(part) {
                *totals.entry(total).or_default() += 1;
            }
        }
        self.position += chunk.len();
    }

    /// Every entry of a chunk (in [`Pass::Results`]), each given to `render` on the
    /// evaluating thread; the renderings come back in input order, a descriptor's in
    /// the order of its lots.
    pub fn results<T, F>(&mut self, chunk: &[Pending], render: F) -> Vec<T>
    where
        T: Send,
        F: Fn(&DescriptorReport) -> T + Sync + Send,
    {
        let program = self.program;
        let (options, today) = (&self.load_options, self.today);
        let decisions = self.decisions.as_slice();
        let aggregates = self.aggregates.as_slice();
        let ranks = self.ranks.as_slice();
        let indexed: Vec<(usize, &Pending)> = chunk
            .iter()
            .enumerate()
            .map(|(offset, pending)| (self.position + offset, pending))
            .collect();
        let rendered: Vec<Vec<(Counted, T)>> =
            map_in(self.pool.as_ref(), &indexed, |&(input, pending)| {
                let descriptor =
                    crate::expiry::in_force(pending.load(program.schema(), options), today);
                lots::descriptor_bids(program, &descriptor, input)
                    .iter()
                    .map(|bid| {
                        let no_aggregates: &[Option<Value>] = &[];
                        let part_aggregates = aggregates
                            .get(bid.part)
                            .map_or(no_aggregates, Vec::as_slice);
                        let evaluated = evaluate_descriptor(
                            program,
                            &descriptor,
                            today,
                            Some(part_aggregates),
                            bid.lot,
                            decisions,
                        );
                        let counted = Counted {
                            status: evaluated.status,
                            part: bid.lot.map(|_| bid.part),
                        };
                        let score = total_score(&evaluated);
                        let rank = score.and_then(|score| {
                            ranks.get(bid.part).map(|counts| rank_of(counts, score))
                        });
                        let report = DescriptorReport {
                            input,
                            ..descriptor_report(
                                program,
                                &descriptor,
                                evaluated,
                                score,
                                rank,
                                bid.lot,
                            )
                        };
                        (counted, render(&report))
                    })
                    .collect()
            });
        self.position += chunk.len();
        rendered
            .into_iter()
            .flatten()
            .map(|(counted, rendering)| {
                self.summary.count(counted.status);
                if let Some(lot) = counted.part.and_then(|part| self.lots.get_mut(part)) {
                    lot.summary.count(counted.status);
                }
                rendering
            })
            .collect()
    }

    /// The counts of the results given so far.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// The report without its descriptors: the version, pack, date, parameters, and the
    /// counts of the results given so far, of the run and of each lot.
    pub fn report_shell(&self, pack: PackInfo) -> Report {
        Report {
            summary: self.summary,
            lots: self.lots.clone(),
            warnings: run_warnings(self.program, &self.aggregates),
            ..report_shell(self.program, pack, self.today)
        }
    }
}

/// What the survey keeps of one entry until its chunk is folded in.
struct Surveyed {
    /// The part (lot) of the entry.
    part: usize,
    eligible: bool,
    /// The value each aggregate reads, for an eligible entry.
    inputs: Vec<Option<Value>>,
    /// Without aggregates, an eligible entry's total.
    total: Option<Decimal>,
}

/// What the counts need of one entry: its status, and its lot's index when it has one.
struct Counted {
    status: DescriptorStatus,
    part: Option<usize>,
}

/// An eligible entry's total on `lot`, as its entry will give it (with the buyer's
/// `decisions` on its claims); `None` when no criterion scores the lot.
fn descriptor_total(
    program: &Program,
    descriptor: &Descriptor,
    today: Date,
    aggregates: &[Option<Value>],
    lot: Option<&str>,
    decisions: &[crate::run::ReviewDecision],
) -> Option<Decimal> {
    let root = descriptor.root.as_deref()?;
    let scope = Scope::new(root, today, aggregates);
    let outcomes = crate::run::requirement_outcomes(program, descriptor, scope, lot, decisions);
    let scope = scope.passed(&outcomes);
    let mut criteria = program
        .criteria
        .iter()
        .filter(|criterion| criterion.applies_to(lot))
        .peekable();
    criteria.peek()?;
    Some(total_points(criteria.map(|criterion| {
        criterion_points(program, criterion, scope)
    })))
}

/// Each total reached, best first, with how many eligible descriptors reached it or a
/// greater one.
fn cumulative_counts(totals: &BTreeMap<Decimal, u32>) -> Vec<(Decimal, u32)> {
    let mut reached: u32 = 0;
    totals
        .iter()
        .rev()
        .map(|(total, count)| {
            reached = reached.saturating_add(*count);
            (*total, reached)
        })
        .collect()
}

/// The standard competition rank of `total`: one more than the number of greater totals
/// (90, 90, 80 rank 1, 1, 3), also for a total the earlier passes did not see.
fn rank_of(counts: &[(Decimal, u32)], total: Decimal) -> u32 {
    let greater = counts.partition_point(|(reached, _)| *reached > total);
    let ahead = greater
        .checked_sub(1)
        .and_then(|last| counts.get(last))
        .map_or(0, |(_, reached)| *reached);
    ahead.saturating_add(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn ranks_from_counts_match_the_ranks_of_the_whole_list() {
        let scores = [dec!(90), dec!(80), dec!(90), dec!(70), dec!(80.5)];
        let mut totals = BTreeMap::new();
        for score in scores {
            *totals.entry(score).or_default() += 1;
        }
        let counts = cumulative_counts(&totals);
        let streamed: Vec<Option<u32>> = scores
            .iter()
            .map(|score| Some(rank_of(&counts, *score)))
            .collect();
        let whole = crate::score::rank(&scores.map(Some));
        assert_eq!(streamed, whole);
        assert_eq!(rank_of(&counts, dec!(100)), 1);
        assert_eq!(rank_of(&counts, dec!(85)), 3);
        assert_eq!(rank_of(&counts, dec!(0)), 6);
    }

    #[test]
    fn a_line_that_is_not_utf8_is_invalid_where_its_first_bad_byte_is() {
        let descriptor = not_utf8("offres/lot.ndjson", 3, 120, b"{\"n\xc3\xa9\": \"\xe9\"}");
        assert_eq!(descriptor.id, "lot:3");
        assert_eq!(descriptor.line, Some(3));
        assert!(descriptor.is_invalid());
        let loc = descriptor.problems[0].loc.unwrap();
        assert_eq!((loc.line, loc.column), (3, 9));
        assert_eq!(loc.span.start, 129);
    }
}

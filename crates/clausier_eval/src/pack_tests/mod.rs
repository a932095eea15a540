//! Running a pack's `test` blocks: each test's descriptor (written inline, or a file
//! named relative to its clause file) is checked alone against the compiled pack, and
//! every `expect` line is compared with what the check concluded.
//!
//! ```text
//! CheckedPack.tests ──load──▶ Descriptor ──run──▶ DescriptorReport ──expect──▶ TestOutcome
//! ```
//!
//! The runner does no I/O: the clause files and the files that tests name come through
//! [`TestSources`], so that the command line reads them from disk and the language
//! server from its open documents.

mod coverage;
mod words;

use std::path::Path;

use clausier_check::hir::{CheckedPack, TestDef};
use clausier_diagnostics::{FileId, Message, SourceFile};
use clausier_syntax::ast::{CompareOp, ExpectKind, Given};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::program::Program;
use crate::report::{
    ClauseResult, DescriptorReport, DescriptorStatus, PackInfo, RequirementStatus,
};
use crate::{RunOptions, run};
use clausier_data::descriptor::{DataProblem, Descriptor};
use clausier_data::load::{self, Format, LoadOptions};

pub use coverage::{Coverage, CriterionCoverage, OutcomeCoverage, RequirementCoverage, coverage};
pub use words::{Found, TestProblem};

/// Where the runner finds the text a test needs.
pub trait TestSources {
    /// A clause file of the pack, for its name, its text (inline data is read from it)
    /// and its lines.
    fn clause_file(&self, file: FileId) -> Option<&SourceFile>;

    /// The descriptor file `path` named by `given "path"` in the clause file `file`,
    /// relative to that clause file: its name as reports show it and its text, or the
    /// name and why it cannot be read, for each reader to see in their language.
    fn given_file(&self, file: FileId, path: &str) -> Result<(String, String), (String, Message)>;
}

/// What running a pack's tests found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestReport {
    pub pack: PackInfo,
    /// The evaluation date (`today` in the clauses), `YYYY-MM-DD`.
    pub date: String,
    /// In the order of the pack's files and of the tests in each file.
    pub tests: Vec<TestOutcome>,
    pub summary: TestSummary,
}

impl TestReport {
    pub fn all_passed(&self) -> bool {
        self.summary.failed == 0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct TestSummary {
    pub total: usize,
    pub passed: usize,
    pub failed: usize,
}

/// One test's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestOutcome {
    pub name: String,
    /// The clause file that holds the test, as reports show it.
    pub file: String,
    /// Where the test's name is, 1-based.
    pub line: u32,
    pub column: u32,
    /// The test's own evaluation date (`date …`), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub passed: bool,
    /// Each `expect` line, in order.
    pub expectations: Vec<ExpectationOutcome>,
    /// What checking the test's descriptor concluded, as `clausier check` reports it;
    /// `None` when the test could not be run (see `problem`).
    pub result: Option<DescriptorReport>,
    /// Why the test could not be run: it gives no descriptor, or its file holds several.
    pub problem: Option<TestProblem>,
    /// What was wrong with the test's data (a misspelt field, a value of the wrong type),
    /// kept as the catalogue's messages so that each reader sees them in their language;
    /// `result.errors` holds the same problems in English.
    #[serde(skip)]
    pub data_problems: Vec<DataProblem>,
}

/// One `expect` line against what the check concluded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectationOutcome {
    /// As written after `expect`: `eligible`, `fail HEB-01`, `score >= 60`.
    pub expected: String,
    /// What the check concluded on the same point: `ineligible`, `pass`, `score 82.5`.
    pub actual: String,
    /// The same conclusion, for a renderer to put into words.
    #[serde(skip)]
    pub found: Found,
    pub passed: bool,
    /// The requirement it is about, for `pass`, `fail`, `missing`, `not_applicable` and
    /// `review`.
    pub clause: Option<String>,
    pub line: u32,
    pub column: u32,
}

/// Runs every test of the pack, one descriptor at a time, at the date `date`.
pub fn run_tests(
    pack: &CheckedPack,
    program: &Program,
    info: &PackInfo,
    date: Date,
    sources: &dyn TestSources,
) -> TestReport {
    let options = RunOptions::new(date, 1);
    let tests: Vec<TestOutcome> = pack
        .tests
        .iter()
        .map(|test| run_test(pack, program, info, &options, sources, test))
        .collect();
    let passed = tests.iter().filter(|test| test.passed).count();
    TestReport {
        pack: info.clone(),
        date: date.to_string(),
        summary: TestSummary {
            total: tests.len(),
            passed,
            failed: tests.len() - passed,
        },
        tests,
    }
}

fn run_test(
    pack: &CheckedPack,
    program: &Program,
    info: &PackInfo,
    options: &RunOptions,
    sources: &dyn TestSources,
    test: &TestDef,
) -> TestOutcome {
    let clause_file = sources.clause_file(test.file);
    let position = |offset: u32| {
        clause_file.map_or((1, 1), |file| {
            let at = file.line_col(offset);
            (at.line, at.column)
        })
    };
    let (line, column) = position(test.decl.name.span.start);
    let mut outcome = TestOutcome {
        name: test.decl.name.value.clone(),
        file: clause_file.map_or_else(String::new, |file| file.name().to_owned()),
        line,
        column,
        date: test.decl.date.as_ref().map(|date| date.value.to_string()),
        passed: false,
        expectations: Vec::new(),
        result: None,
        problem: None,
        data_problems: Vec::new(),
    };
    let descriptor = match given_descriptor(pack, sources, test, clause_file) {
        Ok(descriptor) => descriptor,
        Err(problem) => {
            outcome.problem = Some(problem);
            return outcome;
        }
    };
    outcome.data_problems.clone_from(&descriptor.problems);
    // A test with its own date (an obligation that applies from a given day) runs then.
    let own_date = test
        .decl
        .date
        .as_ref()
        .map(|date| RunOptions::new(date.value, 1));
    let report = run(
        program,
        info.clone(),
        &[descriptor],
        own_date.as_ref().unwrap_or(options),
    );
    let Some(result) = report.descriptors.into_iter().next() else {
        outcome.problem = Some(TestProblem::NoResult);
        return outcome;
    };
    outcome.expectations = test
        .decl
        .expects
        .iter()
        .filter_map(|expect| {
            let (line, column) = position(expect.span.start);
            judge(&expect.kind, &result, program.has_criteria()).map(|judged| ExpectationOutcome {
                line,
                column,
                ..judged
            })
        })
        .collect();
    outcome.passed =
        !outcome.expectations.is_empty() && outcome.expectations.iter().all(|expect| expect.passed);
    outcome.result = Some(result);
    outcome
}

/// The test's descriptor, or why there is none to check.
fn given_descriptor(
    pack: &CheckedPack,
    sources: &dyn TestSources,
    test: &TestDef,
    clause_file: Option<&SourceFile>,
) -> Result<Descriptor, TestProblem> {
    let schema = &pack.schema;
    match &test.decl.given {
        None => Err(TestProblem::NoGiven),
        Some(Given::Inline(data)) => Ok(match clause_file {
            Some(file) => load::load_inline_in(schema, file, data),
            None => load::load_inline(schema, "", "", data),
        }),
        Some(Given::File(path)) => {
            let (name, text) = match sources.given_file(test.file, &path.value) {
                Ok(read) => read,
                Err((name, message)) => return Ok(load::unreadable(&name, message)),
            };
            let Some(format) = Format::from_path(Path::new(&path.value)) else {
                return Err(TestProblem::NotADescriptorFile {
                    path: path.value.clone(),
                });
            };
            // Undeclared fields are warnings, as in `check`: a test reports them without
            // changing what it checks.
            let options = LoadOptions::default();
            let mut descriptors = load::load_text(schema, &name, &text, format, &options);
            match descriptors.len() {
                1 => descriptors.pop().ok_or(TestProblem::NoDescriptor { name }),
                0 => Err(TestProblem::NoDescriptor { name }),
                count => Err(TestProblem::SeveralDescriptors { name, count }),
            }
        }
    }
}

/// One expectation against the result; `None` for a line that did not parse (the
/// parser reported it, and the pack did not compile).
fn judge(
    kind: &ExpectKind,
    result: &DescriptorReport,
    has_criteria: bool,
) -> Option<ExpectationOutcome> {
    let status = |expected: DescriptorStatus| {
        outcome(
            expected.as_str().to_owned(),
            Found::Status(result.status),
            result.status == expected,
            None,
        )
    };
    let clause = |id: &str, expected: RequirementStatus| {
        let actual = requirement_status(result, id);
        let found = match (actual, result.status) {
            (Some(status), _) => Found::Requirement(status),
            (None, DescriptorStatus::Invalid) => Found::NotChecked,
            (None, _) => Found::NoRequirement(id.to_owned()),
        };
        outcome(
            format!("{} {id}", expected.as_str()),
            found,
            actual == Some(expected),
            Some(id.to_owned()),
        )
    };
    Some(match kind {
        ExpectKind::Eligible => status(DescriptorStatus::Eligible),
        ExpectKind::Ineligible => status(DescriptorStatus::Ineligible),
        ExpectKind::Incomplete => status(DescriptorStatus::Incomplete),
        ExpectKind::Invalid => status(DescriptorStatus::Invalid),
        ExpectKind::Review => status(DescriptorStatus::Review),
        ExpectKind::Pass(id) => clause(&id.name, RequirementStatus::Pass),
        ExpectKind::Fail(id) => clause(&id.name, RequirementStatus::Fail),
        ExpectKind::Missing(id) => clause(&id.name, RequirementStatus::Missing),
        ExpectKind::NotApplicable(id) => clause(&id.name, RequirementStatus::NotApplicable),
        ExpectKind::UnderReview(id) => clause(&id.name, RequirementStatus::Review),
        ExpectKind::Score(op, wanted) => {
            let expected = format!("score {} {}", op.as_str(), wanted.normalize());
            match result.score {
                Some(score) => outcome(
                    expected,
                    Found::Score(score.normalize()),
                    compare(*op, score, *wanted),
                    None,
                ),
                None if !has_criteria => outcome(expected, Found::NoCriteria, false, None),
                None => outcome(expected, Found::NoScore(result.status), false, None),
            }
        }
        ExpectKind::Error => return None,
    })
}

fn outcome(
    expected: String,
    found: Found,
    passed: bool,
    clause: Option<String>,
) -> ExpectationOutcome {
    ExpectationOutcome {
        expected,
        actual: found.to_string(),
        found,
        passed,
        clause,
        line: 0,
        column: 0,
    }
}

fn requirement_status(result: &DescriptorReport, id: &str) -> Option<RequirementStatus> {
    result.results.iter().find_map(|clause| match clause {
        ClauseResult::Requirement(requirement) if requirement.clause == id => {
            Some(requirement.status)
        }
        _ => None,
    })
}

fn compare(op: CompareOp, left: Decimal, right: Decimal) -> bool {
    match op {
        CompareOp::Eq => left == right,
        CompareOp::Ne => left != right,
        CompareOp::Lt => left < right,
        CompareOp::Le => left <= right,
        CompareOp::Gt => left > right,
        CompareOp::Ge => left >= right,
    }
}

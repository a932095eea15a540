//! The result of `clausier test` for people: one line per test, and for each failed one
//! what it expected, what the check found, and why, in the words of `clausier check` and
//! in the reader's language.

use clausier_data::descriptor::DataProblem;
use clausier_diagnostics::Severity;
use clausier_i18n::{Lang, t};
use std::fmt::Write;

use clausier_eval::pack_tests::{Coverage, ExpectationOutcome, Found, TestOutcome, TestReport};
use clausier_eval::report::{ClauseResult, DescriptorReport, Report, RequirementStatus, Summary};

use super::test_coverage::write_coverage;
use crate::DateOrigin;
use crate::check::human::{
    colon, date_in_words, decimal_text, outcome_word, status_style, status_word, write_data_error,
    write_date, write_requirement,
};
use crate::style::{Painter, Style};

/// Who reads a failure's details.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reader {
    /// A person, in their language.
    Person(Lang),
    /// A CI tool, through JUnit: the test's own words in English and what was found in
    /// the clause language's keywords (`not_applicable`), as tools compare them; each
    /// requirement's outcome in the check's language.
    Junit(Lang),
}

impl Reader {
    fn test_lang(self) -> Lang {
        match self {
            Reader::Person(lang) => lang,
            Reader::Junit(_) => Lang::En,
        }
    }

    fn check_lang(self) -> Lang {
        match self {
            Reader::Person(lang) | Reader::Junit(lang) => lang,
        }
    }
}

/// Renders a test run as text: the pack and date, a line per test with the details of
/// each failure, the coverage table when given, and a summary line.
/// `date_origin` says why the tests without a `date` line ran at the report's date.
pub fn render_test_human(
    report: &TestReport,
    coverage: Option<&Coverage>,
    color: bool,
    date_origin: DateOrigin,
    lang: Lang,
) -> String {
    let painter = Painter { color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} {} ({})",
        painter.paint(Style::Bold, &t!(lang, "report-pack")),
        report.pack.name,
        report.pack.version,
        report.pack.hash
    );
    write_date(&mut out, &report.date, date_origin, painter, lang);
    out.push('\n');
    if report.tests.is_empty() {
        let _ = writeln!(out, "{}", t!(lang, "test-no-tests"));
    }
    let check_report = as_check_report(report);
    for test in &report.tests {
        write_test(&mut out, &check_report, test, painter, lang);
    }
    if let Some(coverage) = coverage {
        out.push('\n');
        write_coverage(&mut out, coverage, report, painter, lang);
    }
    out.push('\n');
    let summary = &report.summary;
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "test-summary",
            total = summary.total,
            passed = summary.passed,
            failed = summary.failed
        )
    );
    out
}

/// The report the check renderers take, for the names of clauses.
pub(crate) fn as_check_report(report: &TestReport) -> Report {
    Report {
        clausier: String::new(),
        pack: report.pack.clone(),
        date: report.date.clone(),
        params: Vec::new(),
        descriptors: Vec::new(),
        summary: Summary::default(),
        lots: Vec::new(),
        warnings: Vec::new(),
    }
}

/// `ok`, `FAILED` and the like padded to the same width, so that what follows them
/// lines up whatever the language.
fn marks(lang: Lang, passed: &'static str, failed: &'static str) -> (String, String) {
    let (passed, failed) = (
        clausier_i18n::text(lang, passed),
        clausier_i18n::text(lang, failed),
    );
    let width = passed.chars().count().max(failed.chars().count());
    let pad = |word: &str| format!("{word}{}", " ".repeat(width - word.chars().count()));
    (pad(&passed), pad(&failed))
}

fn write_test(
    out: &mut String,
    check_report: &Report,
    test: &TestOutcome,
    painter: Painter,
    lang: Lang,
) {
    let name = match &test.date {
        Some(date) => format!(
            "{} {}",
            test.name,
            t!(lang, "test-on-date", date = date_in_words(date, lang))
        ),
        None => test.name.clone(),
    };
    let (passed, failed) = marks(lang, "test-passed", "test-failed");
    if test.passed {
        let _ = writeln!(out, "{}  {name}", painter.paint(Style::Green, &passed));
        // Undeclared fields in a passing test: the test may not check what it says.
        if let Some(result) = &test.result {
            write_data_problems(out, test, result, painter, Reader::Person(lang));
        }
        return;
    }
    let _ = writeln!(out, "{}  {name}", painter.paint(Style::BoldRed, &failed));
    write_failure(out, check_report, test, painter, Reader::Person(lang));
}

/// Where a failed test is, each expectation with what was found, and why.
pub(crate) fn write_failure(
    out: &mut String,
    check_report: &Report,
    test: &TestOutcome,
    painter: Painter,
    reader: Reader,
) {
    let lang = reader.test_lang();
    let place = format!("{}:{}:{}", test.file, test.line, test.column);
    let _ = writeln!(out, "  {}", t!(lang, "test-at", place = place));
    if let Some(problem) = &test.problem {
        let _ = writeln!(out, "  {}", problem.message().text(lang));
    }
    let width = test
        .expectations
        .iter()
        .map(|expectation| expectation.expected.chars().count())
        .max()
        .unwrap_or(0);
    let (kept, broken) = marks(lang, "test-expectation-kept", "test-expectation-broken");
    for expectation in &test.expectations {
        let (mark, style) = if expectation.passed {
            (&kept, Style::Green)
        } else {
            (&broken, Style::Red)
        };
        let padding = " ".repeat(width.saturating_sub(expectation.expected.chars().count()));
        let found = t!(lang, "test-found", value = found_words(expectation, reader));
        let _ = writeln!(
            out,
            "  {}  expect {}{padding}  {found}",
            painter.paint(style, mark),
            expectation.expected,
        );
    }
    if let Some(result) = &test.result {
        write_why(out, check_report, test, result, painter, reader);
    }
}

/// What the check concluded where an expectation looked, as `reader` reads it.
fn found_words(expectation: &ExpectationOutcome, reader: Reader) -> String {
    let lang = match reader {
        Reader::Junit(_) => return expectation.actual.clone(),
        Reader::Person(lang) => lang,
    };
    match &expectation.found {
        Found::Status(status) => status_word(*status, lang),
        Found::Requirement(status) => outcome_word(*status, lang),
        Found::NotChecked => t!(lang, "test-found-not-checked"),
        Found::NoRequirement(id) => t!(lang, "test-found-no-requirement", id = id.as_str()),
        Found::Score(score) => t!(lang, "report-score", score = decimal_text(score, lang)),
        Found::NoCriteria => t!(lang, "test-found-no-criteria"),
        Found::NoScore(status) => t!(
            lang,
            "test-found-no-score",
            status = status_word(*status, lang)
        ),
    }
}

/// What `clausier check` says of the test's offer: its status, then each requirement
/// that fails or is missing, each requirement a failed expectation names, and the data
/// errors.
fn write_why(
    out: &mut String,
    check_report: &Report,
    test: &TestOutcome,
    result: &DescriptorReport,
    painter: Painter,
    reader: Reader,
) {
    let lang = reader.test_lang();
    let status = match reader {
        Reader::Person(lang) => status_word(result.status, lang),
        Reader::Junit(_) => result.status.as_str().to_owned(),
    };
    let status = painter.paint(status_style(result.status), &status);
    let mut heading = format!("  {}", t!(lang, "test-offer-is", status = status));
    if let Some(score) = result.score {
        let score = decimal_text(score.normalize(), lang);
        let _ = write!(heading, ", {}", t!(lang, "report-score", score = score));
    }
    let _ = writeln!(out, "{heading}");
    for clause in &result.results {
        let ClauseResult::Requirement(requirement) = clause else {
            continue;
        };
        let named = test.expectations.iter().any(|expectation| {
            !expectation.passed && expectation.clause.as_deref() == Some(&requirement.clause)
        });
        let wrong = matches!(
            requirement.status,
            RequirementStatus::Fail | RequirementStatus::Missing
        );
        if named || wrong {
            indented(out, 2, |buffer| {
                write_requirement(
                    buffer,
                    check_report,
                    requirement,
                    painter,
                    reader.check_lang(),
                );
            });
        }
    }
    indented(out, 2, |buffer| {
        write_data_problems(buffer, test, result, painter, reader);
    });
}

/// The problems of the test's data, each on its line with its help below.
fn write_data_problems(
    out: &mut String,
    test: &TestOutcome,
    result: &DescriptorReport,
    painter: Painter,
    reader: Reader,
) {
    let lang = match reader {
        Reader::Person(lang) => lang,
        // JUnit keeps the report's own words, in English.
        Reader::Junit(lang) => {
            for error in &result.errors {
                write_data_error(out, result, error, painter, lang);
            }
            return;
        }
    };
    for problem in &test.data_problems {
        write_data_problem(out, &result.source, problem, painter, lang);
    }
}

/// `D0604 (avertissement) hosting.regoin : … dans tests.clause:23:22`, then its help.
fn write_data_problem(
    out: &mut String,
    source: &str,
    problem: &DataProblem,
    painter: Painter,
    lang: Lang,
) {
    let mut line = format!("  {}", painter.paint(Style::Magenta, problem.code.as_str()));
    if problem.severity == Severity::Warning {
        let _ = write!(line, " ({})", t!(lang, "report-warning"));
    }
    if !problem.path.is_empty() {
        let _ = write!(line, " {}", problem.path);
    }
    let _ = write!(line, "{} {}", colon(lang), problem.message.text(lang));
    // Without a line the heading above already names the file.
    if let Some(loc) = problem.loc {
        let place = format!("{source}:{}:{}", loc.line, loc.column);
        let _ = write!(line, " {}", t!(lang, "test-at", place = place));
    }
    let _ = writeln!(out, "{line}");
    if let Some(help) = &problem.help {
        let _ = writeln!(
            out,
            "    {} {}",
            painter.paint(Style::Bold, &t!(lang, "report-help")),
            help.text(lang)
        );
    }
}

/// Writes what `write` writes, each line shifted right by `spaces`.
fn indented(out: &mut String, spaces: usize, write: impl FnOnce(&mut String)) {
    let mut buffer = String::new();
    write(&mut buffer);
    let margin = " ".repeat(spaces);
    for line in buffer.lines() {
        let _ = writeln!(out, "{margin}{line}");
    }
}

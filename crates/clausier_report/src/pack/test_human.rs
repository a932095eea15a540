//! The result of `clausier test` for people: one line per test, and for each failed one
//! what it expected, what the check found, and why, in the words of `clausier check`.

use clausier_i18n::Lang;
use std::fmt::Write;

use clausier_eval::pack_tests::{
    Coverage, OutcomeCoverage, RequirementCoverage, TestOutcome, TestReport,
};
use clausier_eval::report::{ClauseResult, DescriptorReport, Report, RequirementStatus, Summary};

use crate::DateOrigin;
use crate::check::human::{status_style, write_data_error, write_date, write_requirement};
use crate::diagnostics::plural;
use crate::style::{Painter, Style};

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
        painter.paint(Style::Bold, "pack:"),
        report.pack.name,
        report.pack.version,
        report.pack.hash
    );
    write_date(&mut out, &report.date, date_origin, painter, lang);
    out.push('\n');
    if report.tests.is_empty() {
        out.push_str("the pack has no tests\n");
    }
    let check_report = as_check_report(report);
    for test in &report.tests {
        write_test(&mut out, &check_report, test, painter, lang);
    }
    if let Some(coverage) = coverage {
        out.push('\n');
        write_coverage(&mut out, coverage, report, painter);
    }
    out.push('\n');
    let summary = &report.summary;
    let _ = writeln!(
        out,
        "{}: {} passed, {} failed",
        plural(summary.total, "test", "tests"),
        summary.passed,
        summary.failed
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

fn write_test(
    out: &mut String,
    check_report: &Report,
    test: &TestOutcome,
    painter: Painter,
    lang: Lang,
) {
    let name = match &test.date {
        Some(date) => format!("{} (at {date})", test.name),
        None => test.name.clone(),
    };
    if test.passed {
        let _ = writeln!(out, "{}      {name}", painter.paint(Style::Green, "ok"));
        // Undeclared fields in a passing test: the test may not check what it says.
        if let Some(result) = &test.result {
            for error in &result.errors {
                write_data_error(out, result, error, painter, lang);
            }
        }
        return;
    }
    let _ = writeln!(out, "{}  {name}", painter.paint(Style::BoldRed, "FAILED"));
    write_failure(out, check_report, test, painter, lang);
}

/// Where a failed test is, each expectation with what was found, and why.
pub(crate) fn write_failure(
    out: &mut String,
    check_report: &Report,
    test: &TestOutcome,
    painter: Painter,
    lang: Lang,
) {
    let _ = writeln!(out, "  at {}:{}:{}", test.file, test.line, test.column);
    if let Some(problem) = &test.problem {
        let _ = writeln!(out, "  {problem}");
    }
    let width = test
        .expectations
        .iter()
        .map(|expectation| expectation.expected.chars().count())
        .max()
        .unwrap_or(0);
    for expectation in &test.expectations {
        let (mark, style) = if expectation.passed {
            ("ok    ", Style::Green)
        } else {
            ("failed", Style::Red)
        };
        let padding = " ".repeat(width.saturating_sub(expectation.expected.chars().count()));
        let _ = writeln!(
            out,
            "  {}  expect {}{padding}  found {}",
            painter.paint(style, mark),
            expectation.expected,
            expectation.actual
        );
    }
    if let Some(result) = &test.result {
        write_why(out, check_report, test, result, painter, lang);
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
    lang: Lang,
) {
    let status = painter.paint(status_style(result.status), result.status.as_str());
    let mut heading = format!("  the offer is {status}");
    if let Some(score) = result.score {
        let _ = write!(heading, ", score {}", score.normalize());
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
                write_requirement(buffer, check_report, result, requirement, painter, lang);
            });
        }
    }
    for error in &result.errors {
        indented(out, 2, |buffer| {
            write_data_error(buffer, result, error, painter, lang)
        });
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

/// The coverage of the pack's clauses by the tests of `report`, as text.
pub fn render_coverage(coverage: &Coverage, report: &TestReport, color: bool) -> String {
    let mut out = String::new();
    write_coverage(&mut out, coverage, report, Painter { color });
    out
}

/// The coverage table: one row per requirement with each outcome, one per criterion.
fn write_coverage(out: &mut String, coverage: &Coverage, report: &TestReport, painter: Painter) {
    let tests = report.tests.len();
    // A clause brought in from a dependency is named with its pack, as `edtech-fr::HEB-01`.
    let name = |pack: &str, id: &str| {
        if pack.is_empty() || pack == report.pack.name {
            id.to_owned()
        } else {
            format!("{pack}::{id}")
        }
    };
    let _ = writeln!(
        out,
        "{} of {} and {} by {}",
        painter.paint(Style::Bold, "coverage"),
        plural(coverage.requirements.len(), "requirement", "requirements"),
        plural(coverage.criteria.len(), "criterion", "criteria"),
        plural(tests, "test", "tests")
    );
    if !coverage.requirements.is_empty() {
        out.push('\n');
        let header = [
            "REQUIREMENT",
            "LEVEL",
            "PASS",
            "FAIL",
            "MISSING",
            "NOT APPLICABLE",
        ];
        let rows: Vec<[String; 6]> = coverage
            .requirements
            .iter()
            .map(|requirement| {
                requirement_row(requirement, name(&requirement.pack, &requirement.id))
            })
            .collect();
        write_table(out, &header, &rows, painter);
    }
    if !coverage.criteria.is_empty() {
        out.push('\n');
        let header = ["CRITERION", "WEIGHT", "SCORED"];
        let rows: Vec<[String; 3]> = coverage
            .criteria
            .iter()
            .map(|criterion| {
                let scored = match criterion.scored {
                    0 => "no".to_owned(),
                    count => format!("yes, {}", plural(count, "test", "tests")),
                };
                [
                    name(&criterion.pack, &criterion.id),
                    criterion.weight.normalize().to_string(),
                    scored,
                ]
            })
            .collect();
        write_table(out, &header, &rows, painter);
    }
    out.push('\n');
    out.push_str("  expected  an `expect` line checks it\n");
    out.push_str("  seen      a test's offer has it, but no `expect` line checks it\n");
    out.push_str("  no        no test's offer has it\n");
    let gaps = coverage.gaps();
    if gaps.is_empty() {
        out.push_str("every requirement is seen to pass and to fail\n");
    } else {
        let listed: Vec<String> = gaps
            .iter()
            .map(|(pack, id, outcome)| format!("{} {outcome}", name(pack, id)))
            .collect();
        let _ = writeln!(out, "never seen: {}", listed.join(", "));
    }
}

fn requirement_row(requirement: &RequirementCoverage, name: String) -> [String; 6] {
    let not_applicable = if requirement.conditional {
        cell(requirement.not_applicable)
    } else {
        "-".to_owned()
    };
    [
        name,
        requirement.level.to_owned(),
        cell(requirement.pass),
        cell(requirement.fail),
        cell(requirement.missing),
        not_applicable,
    ]
}

fn cell(outcome: OutcomeCoverage) -> String {
    if outcome.expected > 0 {
        "expected".to_owned()
    } else if outcome.tests > 0 {
        "seen".to_owned()
    } else {
        "no".to_owned()
    }
}

fn write_table<const N: usize>(
    out: &mut String,
    header: &[&str; N],
    rows: &[[String; N]],
    painter: Painter,
) {
    let mut widths = header.map(|title| title.chars().count());
    for row in rows {
        for (width, value) in widths.iter_mut().zip(row) {
            *width = (*width).max(value.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let mut text = String::new();
        for (index, value) in cells.iter().enumerate() {
            if index > 0 {
                text.push_str("  ");
            }
            text.push_str(value);
            if index + 1 < cells.len() {
                let shown = strip_ansi_len(value);
                text.push_str(&" ".repeat(widths[index].saturating_sub(shown)));
            }
        }
        text
    };
    let titles = header
        .iter()
        .map(|title| painter.paint(Style::Bold, title))
        .collect();
    let _ = writeln!(out, "{}", line(titles));
    for row in rows {
        let cells = row
            .iter()
            .map(|value| match value.as_str() {
                "no" => painter.paint(Style::Red, value),
                "seen" => painter.paint(Style::Yellow, value),
                _ => value.clone(),
            })
            .collect();
        let _ = writeln!(out, "{}", line(cells));
    }
}

/// The width of a cell as shown, without its color codes.
fn strip_ansi_len(text: &str) -> usize {
    let mut width = 0;
    let mut in_escape = false;
    for character in text.chars() {
        match (in_escape, character) {
            (false, '\u{1b}') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, _) => width += 1,
        }
    }
    width
}

//! The coverage of a pack's clauses by its tests (`clausier test --coverage`), as a
//! table in the reader's language.

use std::fmt::Write;

use clausier_eval::pack_tests::{Coverage, OutcomeCoverage, RequirementCoverage, TestReport};
use clausier_i18n::{Lang, t};

use crate::check::human::{decimal_text, level_word, outcome_word};
use crate::style::{Painter, Style};

/// The coverage of the pack's clauses by the tests of `report`, as text in `lang`
/// (JUnit's `system-out` asks for English).
pub fn render_coverage(
    coverage: &Coverage,
    report: &TestReport,
    color: bool,
    lang: Lang,
) -> String {
    let mut out = String::new();
    write_coverage(&mut out, coverage, report, Painter { color }, lang);
    out
}

/// The coverage table: one row per requirement with each outcome, one per criterion.
pub(super) fn write_coverage(
    out: &mut String,
    coverage: &Coverage,
    report: &TestReport,
    painter: Painter,
    lang: Lang,
) {
    let tests = report.tests.len();
    // A clause brought in from a dependency is named with its pack, as `edtech-fr::HEB-01`.
    let name = |pack: &str, id: &str| {
        if pack.is_empty() || pack == report.pack.name {
            id.to_owned()
        } else {
            format!("{pack}::{id}")
        }
    };
    let counts = t!(
        lang,
        "test-coverage-counts",
        requirements = coverage.requirements.len(),
        criteria = coverage.criteria.len(),
        tests = tests
    );
    let _ = writeln!(
        out,
        "{} {counts}",
        painter.paint(Style::Bold, &t!(lang, "test-coverage"))
    );
    if !coverage.requirements.is_empty() {
        out.push('\n');
        let header = [
            "test-column-requirement",
            "test-column-level",
            "test-column-pass",
            "test-column-fail",
            "test-column-missing",
            "test-column-not-applicable",
        ]
        .map(|id| clausier_i18n::text(lang, id));
        let rows: Vec<[Cell; 6]> = coverage
            .requirements
            .iter()
            .map(|requirement| {
                requirement_row(requirement, name(&requirement.pack, &requirement.id), lang)
            })
            .collect();
        write_table(out, &header, &rows, painter);
    }
    if !coverage.criteria.is_empty() {
        out.push('\n');
        let header = [
            "test-column-criterion",
            "test-column-weight",
            "test-column-scored",
        ]
        .map(|id| clausier_i18n::text(lang, id));
        let rows: Vec<[Cell; 3]> = coverage
            .criteria
            .iter()
            .map(|criterion| {
                let scored = match criterion.scored {
                    0 => Cell::never(t!(lang, "test-scored-never")),
                    count => Cell::plain(t!(lang, "test-scored-by", tests = count)),
                };
                [
                    Cell::plain(name(&criterion.pack, &criterion.id)),
                    Cell::plain(decimal_text(criterion.weight.normalize(), lang)),
                    scored,
                ]
            })
            .collect();
        write_table(out, &header, &rows, painter);
    }
    out.push('\n');
    write_legend(out, lang);
    let gaps = coverage.gaps();
    if gaps.is_empty() {
        let _ = writeln!(out, "{}", t!(lang, "test-all-seen"));
    } else {
        let listed: Vec<String> = gaps
            .iter()
            .map(|(pack, id, outcome)| {
                format!("{} {}", name(pack, id), outcome_word(*outcome, lang))
            })
            .collect();
        let _ = writeln!(
            out,
            "{}",
            t!(lang, "test-never-seen", outcomes = listed.join(", "))
        );
    }
}

/// What each word of the table means, the words in a column of their own.
fn write_legend(out: &mut String, lang: Lang) {
    let lines = [
        ("test-cell-expected", "test-legend-expected"),
        ("test-cell-seen", "test-legend-seen"),
        ("test-cell-never", "test-legend-never"),
    ]
    .map(|(word, meaning)| {
        (
            clausier_i18n::text(lang, word),
            clausier_i18n::text(lang, meaning),
        )
    });
    let width = lines
        .iter()
        .map(|(word, _)| word.chars().count())
        .max()
        .unwrap_or(0);
    for (word, meaning) in &lines {
        let padding = " ".repeat(width - word.chars().count());
        let _ = writeln!(out, "  {word}{padding}  {meaning}");
    }
}

/// A cell of the table, and whether it tells of a gap (never seen) or of an outcome
/// no `expect` line checks, which are painted.
struct Cell {
    text: String,
    style: Option<Style>,
}

impl Cell {
    fn plain(text: String) -> Self {
        Self { text, style: None }
    }

    fn never(text: String) -> Self {
        Self {
            text,
            style: Some(Style::Red),
        }
    }
}

fn requirement_row(requirement: &RequirementCoverage, name: String, lang: Lang) -> [Cell; 6] {
    let not_applicable = if requirement.conditional {
        cell(requirement.not_applicable, lang)
    } else {
        Cell::plain("-".to_owned())
    };
    [
        Cell::plain(name),
        Cell::plain(level_word(requirement.level, lang)),
        cell(requirement.pass, lang),
        cell(requirement.fail, lang),
        cell(requirement.missing, lang),
        not_applicable,
    ]
}

fn cell(outcome: OutcomeCoverage, lang: Lang) -> Cell {
    if outcome.expected > 0 {
        Cell::plain(t!(lang, "test-cell-expected"))
    } else if outcome.tests > 0 {
        Cell {
            text: t!(lang, "test-cell-seen"),
            style: Some(Style::Yellow),
        }
    } else {
        Cell::never(t!(lang, "test-cell-never"))
    }
}

fn write_table<const N: usize>(
    out: &mut String,
    header: &[String; N],
    rows: &[[Cell; N]],
    painter: Painter,
) {
    let mut widths = header.clone().map(|title| title.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.text.chars().count());
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
            .map(|cell| match cell.style {
                Some(style) => painter.paint(style, &cell.text),
                None => cell.text.clone(),
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

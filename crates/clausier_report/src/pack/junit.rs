//! The result of `clausier test` as JUnit XML, which CI systems read: one test suite for
//! the pack, one test case per test, and for a failed test a `<failure>` with the same
//! explanation as the text report.
//!
//! No times are written, so that reruns give the same bytes.

use clausier_i18n::Lang;
use std::fmt::Write;

use clausier_eval::pack_tests::{TestOutcome, TestReport};

use super::test_human::{Reader, as_check_report, write_failure};
use crate::style::Painter;

/// Renders a test run as a JUnit XML document. `system_out`, when given (the coverage
/// table), is attached to the test suite.
pub fn render_test_junit(report: &TestReport, system_out: Option<&str>, lang: Lang) -> String {
    let summary = &report.summary;
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"clausier test\" tests=\"{}\" failures=\"{}\" errors=\"0\">",
        summary.total, summary.failed
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
        attribute(&report.pack.name),
        summary.total,
        summary.failed
    );
    out.push_str("    <properties>\n");
    for (name, value) in [
        ("pack.version", report.pack.version.as_str()),
        ("pack.hash", report.pack.hash.as_str()),
        ("date", report.date.as_str()),
    ] {
        let _ = writeln!(
            out,
            "      <property name=\"{name}\" value=\"{}\"/>",
            attribute(value)
        );
    }
    out.push_str("    </properties>\n");
    let check_report = as_check_report(report);
    for test in &report.tests {
        write_case(&mut out, report, &check_report, test, lang);
    }
    if let Some(text) = system_out {
        let _ = writeln!(out, "    <system-out>{}</system-out>", text_content(text));
    }
    out.push_str("  </testsuite>\n");
    out.push_str("</testsuites>\n");
    out
}

fn write_case(
    out: &mut String,
    report: &TestReport,
    check_report: &clausier_eval::report::Report,
    test: &TestOutcome,
    lang: Lang,
) {
    let _ = write!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
        attribute(&test.name),
        attribute(&class_name(&report.pack.name, &test.file)),
        attribute(&test.file),
        test.line
    );
    if test.passed {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    let mut details = String::new();
    write_failure(
        &mut details,
        check_report,
        test,
        Painter { color: false },
        Reader::Junit(lang),
    );
    let _ = writeln!(
        out,
        "      <failure message=\"{}\" type=\"{}\">{}</failure>",
        attribute(&failure_message(test)),
        if test.problem.is_some() {
            "not run"
        } else {
            "expectation"
        },
        text_content(&details)
    );
    out.push_str("    </testcase>\n");
}

/// `edtech-fr.tests` for a test in `rules/edtech-fr/tests.clause`: CI systems group test
/// cases by class, here by clause file.
fn class_name(pack: &str, file: &str) -> String {
    let stem = file
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file)
        .trim_end_matches(".clause");
    if stem.is_empty() {
        pack.to_owned()
    } else {
        format!("{pack}.{stem}")
    }
}

/// The first thing that went wrong, on one line.
fn failure_message(test: &TestOutcome) -> String {
    if let Some(problem) = &test.problem {
        return problem.to_string();
    }
    let failed: Vec<String> = test
        .expectations
        .iter()
        .filter(|expectation| !expectation.passed)
        .map(|expectation| {
            format!(
                "expect {}: found {}",
                expectation.expected, expectation.actual
            )
        })
        .collect();
    if failed.is_empty() {
        "the test expects nothing".to_owned()
    } else {
        failed.join("; ")
    }
}

/// Text for an attribute value: markup characters escaped, line breaks kept as
/// references, characters XML 1.0 forbids dropped.
pub(crate) fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            other if allowed_in_xml(other) => out.push(other),
            _ => {}
        }
    }
    out
}

/// Text for element content.
pub(crate) fn text_content(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other if allowed_in_xml(other) => out.push(other),
            _ => {}
        }
    }
    out
}

/// XML 1.0's `Char` production.
fn allowed_in_xml(character: char) -> bool {
    matches!(character,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped_or_dropped() {
        assert_eq!(
            attribute("a <b> & \"c\"\n\u{1}d"),
            "a &lt;b&gt; &amp; &quot;c&quot;&#10;d"
        );
        assert_eq!(text_content("x < y & \u{0}z"), "x &lt; y &amp; z");
    }

    #[test]
    fn test_cases_are_grouped_by_clause_file() {
        assert_eq!(
            class_name("edtech-fr", "rules/edtech-fr/tests.clause"),
            "edtech-fr.tests"
        );
        assert_eq!(class_name("solo", "solo.clause"), "solo.solo");
    }
}

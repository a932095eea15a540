//! The check report as JUnit XML, which CI systems read: a test suite per pack whose
//! clauses were checked, a test case per descriptor × requirement, and a `<failure>` for
//! each failed or missing requirement with its explanation.
//!
//! No times or timestamps are written, so that reruns give the same bytes.

use clausier_i18n::{Lang, t};

use super::human::{colon, level_word};
use std::fmt::Write;

use clausier_eval::report::{
    ClauseResult, DescriptorReport, DescriptorStatus, Report, RequirementResult, RequirementStatus,
};

use super::human::explanation;
use super::wording;
use crate::pack::{xml_attribute as attribute, xml_text as text_content};

/// One test case, before it is written.
struct Case<'a> {
    descriptor: &'a DescriptorReport,
    outcome: Outcome<'a>,
}

enum Outcome<'a> {
    Requirement(&'a RequirementResult),
    /// An invalid descriptor, whose data could not be checked at all.
    Invalid,
}

struct Suite<'a> {
    pack: &'a str,
    version: &'a str,
    cases: Vec<Case<'a>>,
}

impl Suite<'_> {
    fn count(&self, wanted: fn(&Case<'_>) -> bool) -> usize {
        self.cases.iter().filter(|case| wanted(case)).count()
    }
}

fn is_failure(case: &Case<'_>) -> bool {
    matches!(
        case.outcome,
        Outcome::Requirement(r)
            if matches!(r.status, RequirementStatus::Fail | RequirementStatus::Missing)
    )
}

fn is_error(case: &Case<'_>) -> bool {
    matches!(case.outcome, Outcome::Invalid)
}

fn is_skipped(case: &Case<'_>) -> bool {
    matches!(
        case.outcome,
        Outcome::Requirement(r) if r.status == RequirementStatus::NotApplicable
    )
}

/// Renders a report as a JUnit XML document. Each suite is a pack (the checked pack
/// first, then the packs it depends on in the order their clauses appear); each test case
/// is named after the requirement, with the descriptor's id as its class name and the
/// descriptor's file as its `file`. A failed or missing requirement is a `<failure>` (its
/// `type` is `fail` or `missing`), a requirement that does not apply is `<skipped>`, and
/// an invalid descriptor is one `<error>` case named `data` with its data errors.
pub fn render_junit(report: &Report, lang: Lang) -> String {
    let mut suites: Vec<Suite<'_>> = vec![Suite {
        pack: &report.pack.name,
        version: &report.pack.version,
        cases: Vec::new(),
    }];
    for descriptor in &report.descriptors {
        if descriptor.status == DescriptorStatus::Invalid {
            if let Some(own) = suites.first_mut() {
                own.cases.push(Case {
                    descriptor,
                    outcome: Outcome::Invalid,
                });
            }
            continue;
        }
        for result in &descriptor.results {
            let ClauseResult::Requirement(requirement) = result else {
                continue;
            };
            let case = Case {
                descriptor,
                outcome: Outcome::Requirement(requirement),
            };
            match suites.iter_mut().find(|s| s.pack == requirement.pack) {
                Some(suite) => suite.cases.push(case),
                None => suites.push(Suite {
                    pack: &requirement.pack,
                    version: &requirement.version,
                    cases: vec![case],
                }),
            }
        }
    }
    let total: usize = suites.iter().map(|s| s.cases.len()).sum();
    let failures: usize = suites.iter().map(|s| s.count(is_failure)).sum();
    let errors: usize = suites.iter().map(|s| s.count(is_error)).sum();
    let skipped: usize = suites.iter().map(|s| s.count(is_skipped)).sum();

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"clausier check\" tests=\"{total}\" failures=\"{failures}\" \
         errors=\"{errors}\" skipped=\"{skipped}\">"
    );
    for suite in &suites {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
            attribute(suite.pack),
            suite.cases.len(),
            suite.count(is_failure),
            suite.count(is_error),
            suite.count(is_skipped)
        );
        out.push_str("    <properties>\n");
        let own = suite.pack == report.pack.name;
        let mut properties = vec![("pack.version", suite.version)];
        if own {
            properties.push(("pack.hash", report.pack.hash.as_str()));
        }
        properties.push(("date", report.date.as_str()));
        for (name, value) in properties {
            let _ = writeln!(
                out,
                "      <property name=\"{name}\" value=\"{}\"/>",
                attribute(value)
            );
        }
        out.push_str("    </properties>\n");
        for case in &suite.cases {
            write_case(&mut out, case, lang);
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn write_case(out: &mut String, case: &Case<'_>, lang: Lang) {
    let descriptor = case.descriptor;
    let name = match case.outcome {
        Outcome::Requirement(r) => r.clause.as_str(),
        Outcome::Invalid => "data",
    };
    let open = format!(
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
        attribute(name),
        attribute(&wording::offer_name(descriptor)),
        attribute(&descriptor.source)
    );
    match case.outcome {
        Outcome::Requirement(requirement) => match requirement.status {
            RequirementStatus::Pass => {
                let _ = writeln!(out, "{open}/>");
            }
            RequirementStatus::NotApplicable => {
                let _ = writeln!(out, "{open}>");
                let _ = writeln!(
                    out,
                    "      <skipped message=\"{}\"/>",
                    attribute(&t!(lang, "junit-not-applicable"))
                );
                out.push_str("    </testcase>\n");
            }
            RequirementStatus::Fail => {
                let lines: Vec<String> = requirement
                    .explanation
                    .iter()
                    .map(|item| explanation(item, lang))
                    .collect();
                let fails = t!(
                    lang,
                    "junit-fails",
                    clause = requirement.clause.as_str(),
                    level = level_word(requirement.level, lang)
                );
                let message = format!(
                    "{fails}{}",
                    lines
                        .first()
                        .map(|l| format!("{} {l}", colon(lang)))
                        .unwrap_or_default()
                );
                write_problem(out, &open, "failure", "fail", &message, &lines);
            }
            RequirementStatus::Review => {
                let words = super::review_words::review_words(requirement, lang);
                let message = format!(
                    "{}{}",
                    t!(lang, "outcome-review"),
                    words
                        .as_ref()
                        .map(|w| format!("{} {w}", colon(lang)))
                        .unwrap_or_default()
                );
                write_problem(out, &open, "failure", "review", &message, &[]);
            }
            RequirementStatus::Missing => {
                let message = t!(
                    lang,
                    "junit-undecided",
                    clause = requirement.clause.as_str(),
                    level = level_word(requirement.level, lang),
                    why = wording::requirement_undecided(requirement, lang)
                );
                let lines: Vec<String> = requirement
                    .missing
                    .iter()
                    .cloned()
                    .chain(
                        requirement
                            .reasons
                            .iter()
                            .map(|reason| wording::plain(&wording::reason(reason, lang))),
                    )
                    .collect();
                write_problem(out, &open, "failure", "missing", &message, &lines);
            }
        },
        Outcome::Invalid => {
            let lines: Vec<String> = descriptor
                .errors
                .iter()
                .map(|error| {
                    let mut line = error.code.clone();
                    if !error.path.is_empty() {
                        let _ = write!(line, " {}", error.path);
                    }
                    let _ = write!(line, "{} {}", colon(lang), error.message);
                    if let Some(at) = error.line {
                        let place =
                            format!("{}:{at}:{}", descriptor.source, error.column.unwrap_or(1));
                        let _ = write!(line, " {}", t!(lang, "data-error-at", place = place));
                    }
                    if let Some(help) = &error.help {
                        let help = t!(lang, "data-error-help", help = help.as_str());
                        let _ = write!(line, " ({help})");
                    }
                    line
                })
                .collect();
            let message = format!(
                "{}{}",
                t!(lang, "junit-invalid"),
                lines
                    .first()
                    .map(|l| format!("{} {l}", colon(lang)))
                    .unwrap_or_default()
            );
            write_problem(out, &open, "error", "invalid", &message, &lines);
        }
    }
}

fn write_problem(
    out: &mut String,
    open: &str,
    element: &str,
    kind: &str,
    message: &str,
    lines: &[String],
) {
    let _ = writeln!(out, "{open}>");
    let _ = write!(
        out,
        "      <{element} message=\"{}\" type=\"{kind}\"",
        attribute(message)
    );
    if lines.is_empty() {
        out.push_str("/>\n");
    } else {
        let _ = writeln!(out, ">{}</{element}>", text_content(&lines.join("\n")));
    }
    out.push_str("    </testcase>\n");
}

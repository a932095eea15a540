//! The test runner as a library: tests read their files through `TestSources` (here from
//! memory, as the language server would), each test's offer is checked alone, and every
//! `expect` line is compared with the result; the coverage counts what the tests saw.
//! Inline data takes the `$`-keyed form of a value: a claimed equivalent is under review,
//! an expired value is absent, and a mistake in the form is located in the clause file.

use std::collections::HashMap;

use clausier_check::Checked;
use clausier_diagnostics::{FileId, Message, SourceFile, SourceMap};
use clausier_eval::compile;
use clausier_eval::pack_tests::{TestReport, TestSources, coverage, run_tests};
use clausier_eval::report::PackInfo;

const PACK: &str = r#"
enum Region { EU, OTHER }
descriptor {
  hosting: { region: Region }
  pricing: { per_student: money }
}
requirement HEB-01 "hosting" { require hosting.region == EU }
requirement PRX-01 "price" {
  level should
  when has pricing.per_student
  require pricing.per_student <= 6.00 €
}
criterion PRIX "price" weight 100 { score lowest(pricing.per_student) / pricing.per_student }

test "inline and eligible" {
  given { hosting: { region: "EU" }, pricing: { per_student: 4.00 € } }
  expect eligible
  expect pass HEB-01
  expect score == 100
  expect score > 99.5
}
test "from a YAML file" {
  given "offres/hors-ue.yaml"
  expect fail HEB-01
  expect not_applicable PRX-01
  expect ineligible
}
test "a wrong expectation" {
  given { hosting: { region: "EU" }, pricing: { per_student: 9.00 € } }
  expect fail PRX-01
  expect incomplete
  expect score < 100
}
test "a missing file" {
  given "offres/absente.json"
  expect eligible
}
test "a file with no descriptor format" {
  given "offres/notes.txt"
  expect eligible
}
"#;

/// One clause file and the descriptor files it names, all in memory.
struct Memory {
    sources: SourceMap,
    files: HashMap<String, String>,
}

impl TestSources for Memory {
    fn clause_file(&self, file: FileId) -> Option<&SourceFile> {
        self.sources.get(file)
    }

    fn given_file(&self, _file: FileId, path: &str) -> Result<(String, String), (String, Message)> {
        let shown = format!("pack/{path}");
        match self.files.get(path) {
            Some(text) => Ok((shown, text.clone())),
            None => Err((
                shown.clone(),
                Message::from(format!("cannot read `{shown}`: no such file")),
            )),
        }
    }
}

fn run_pack() -> (Checked, TestReport) {
    run_pack_text(PACK)
}

fn run_pack_text(text: &str) -> (Checked, TestReport) {
    let mut sources = SourceMap::new();
    let id = sources.add(SourceFile::new("pack/tests.clause", text));
    let parse = clausier_syntax::parse(id, text);
    assert!(parse.diagnostics.is_empty(), "{:?}", parse.diagnostics);
    let checked = clausier_check::check_pack("memory", &[(id, &parse.ast)]);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let memory = Memory {
        sources,
        files: HashMap::from([
            (
                "offres/hors-ue.yaml".to_owned(),
                "hosting:\n  region: OTHER\n".to_owned(),
            ),
            ("offres/notes.txt".to_owned(), "{}".to_owned()),
        ]),
    };
    let info = PackInfo {
        name: "memory".to_owned(),
        version: "1.0.0".to_owned(),
        hash: "sha256:0".to_owned(),
    };
    let Some(valid) = checked.valid() else {
        unreachable!("asserted above: the pack has no error");
    };
    let program = compile(valid);
    let date = jiff::civil::date(2026, 11, 28);
    let report = run_tests(&checked.pack, &program, &info, date, &memory);
    (checked, report)
}

/// Each test as `name: passed` and its expectations as `expected -> actual (ok|failed)`.
fn outline(report: &TestReport) -> Vec<String> {
    let mut lines = Vec::new();
    for test in &report.tests {
        lines.push(format!(
            "{} ({}:{}): {}",
            test.name,
            test.file,
            test.line,
            if test.passed { "passed" } else { "failed" }
        ));
        if let Some(problem) = &test.problem {
            lines.push(format!("  problem: {problem}"));
        }
        for expectation in &test.expectations {
            lines.push(format!(
                "  {} -> {} ({}) at line {}",
                expectation.expected,
                expectation.actual,
                if expectation.passed { "ok" } else { "failed" },
                expectation.line
            ));
        }
    }
    lines
}

#[test]
fn every_expectation_is_compared_with_what_the_check_concluded() {
    let (_, report) = run_pack();
    assert_eq!(
        outline(&report),
        [
            "inline and eligible (pack/tests.clause:15): passed",
            "  eligible -> eligible (ok) at line 17",
            "  pass HEB-01 -> pass (ok) at line 18",
            "  score == 100 -> score 100 (ok) at line 19",
            "  score > 99.5 -> score 100 (ok) at line 20",
            "from a YAML file (pack/tests.clause:22): passed",
            "  fail HEB-01 -> fail (ok) at line 24",
            "  not_applicable PRX-01 -> not_applicable (ok) at line 25",
            "  ineligible -> ineligible (ok) at line 26",
            "a wrong expectation (pack/tests.clause:28): failed",
            "  fail PRX-01 -> fail (ok) at line 30",
            "  incomplete -> eligible (failed) at line 31",
            "  score < 100 -> score 100 (failed) at line 32",
            "a missing file (pack/tests.clause:34): failed",
            "  eligible -> invalid (failed) at line 36",
            "a file with no descriptor format (pack/tests.clause:38): failed",
            "  problem: `offres/notes.txt` is not a descriptor file: name it `.json`, `.yaml`, `.yml`, `.toml`, `.csv`, `.tsv`, `.tab`, `.ndjson`, `.jsonl`, `.xlsx` or `.ods`",
        ]
    );
    assert_eq!(
        (
            report.summary.total,
            report.summary.passed,
            report.summary.failed
        ),
        (5, 2, 3)
    );
    assert!(!report.all_passed());
    let missing = report.tests[3].result.as_ref().expect("a result");
    assert_eq!(missing.source, "pack/offres/absente.json");
    assert_eq!(missing.errors[0].code, "D0607");
}

#[test]
fn coverage_counts_what_the_tests_saw_and_what_they_checked() {
    let (checked, report) = run_pack();
    let coverage = coverage(&checked.pack, &report);
    let heb = &coverage.requirements[0];
    assert_eq!((heb.id.as_str(), heb.conditional), ("HEB-01", false));
    assert_eq!((heb.pass.tests, heb.pass.expected), (2, 1));
    assert_eq!((heb.fail.tests, heb.fail.expected), (1, 1));
    let prx = &coverage.requirements[1];
    assert!(prx.conditional);
    assert_eq!((prx.pass.tests, prx.pass.expected), (1, 0));
    assert_eq!((prx.fail.tests, prx.fail.expected), (1, 1));
    assert_eq!(
        (prx.not_applicable.tests, prx.not_applicable.expected),
        (1, 1)
    );
    assert_eq!(coverage.criteria[0].scored, 2);
    assert!(coverage.gaps().is_empty());
}

const REVIEW_PACK: &str = r#"
descriptor { certifications: { secnumcloud: bool } }
requirement SNC-01 "SecNumCloud ou qualification équivalente" {
  require certifications.secnumcloud
}

test "a claimed equivalent" {
  given {
    certifications: {
      secnumcloud: {
        "$value": false,
        "$equivalent": { label: "C5 type 2", issuer: "Cabinet Exemple", document: "C5-2025-77" }
      }
    }
  }
  expect review SNC-01
  expect review
}
test "expired the day before" {
  given { certifications: { secnumcloud: { "$value": true, "$valid_until": 2026-11-27 } } }
  expect missing SNC-01
  expect incomplete
}
test "valid through its last day" {
  given { certifications: { secnumcloud: { "$value": true, "$valid_until": 2026-11-28 } } }
  expect pass SNC-01
  expect eligible
}
test "a wrong expectation of review" {
  given { certifications: { secnumcloud: false } }
  expect review SNC-01
  expect review
}
test "a mistake in the form" {
  given { certifications: { secnumcloud: { "$valeur": true, "$valid_until": "demain" } } }
  expect invalid
}
"#;

#[test]
fn inline_data_claims_an_equivalent_expires_and_is_located_when_wrong() {
    let (_, report) = run_pack_text(REVIEW_PACK);
    assert_eq!(
        outline(&report),
        [
            "a claimed equivalent (pack/tests.clause:7): passed",
            "  review SNC-01 -> review (ok) at line 16",
            "  review -> review (ok) at line 17",
            "expired the day before (pack/tests.clause:19): passed",
            "  missing SNC-01 -> missing (ok) at line 21",
            "  incomplete -> incomplete (ok) at line 22",
            "valid through its last day (pack/tests.clause:24): passed",
            "  pass SNC-01 -> pass (ok) at line 26",
            "  eligible -> eligible (ok) at line 27",
            "a wrong expectation of review (pack/tests.clause:29): failed",
            "  review SNC-01 -> fail (failed) at line 31",
            "  review -> ineligible (failed) at line 32",
            "a mistake in the form (pack/tests.clause:34): passed",
            "  invalid -> invalid (ok) at line 36",
        ]
    );
    let wrong = report.tests[4].result.as_ref().expect("a result");
    let located: Vec<String> = wrong
        .errors
        .iter()
        .map(|error| {
            format!(
                "{} {}:{} {}",
                error.code,
                error.line.unwrap_or(0),
                error.column.unwrap_or(0),
                error.message
            )
        })
        .collect();
    assert_eq!(
        located,
        [
            "D0602 35:42 this value's evidence gives no `$value`",
            "D0602 35:44 `$valeur` is not a key of a value's evidence",
            "D0602 35:77 `$valid_until` must be a date",
        ]
    );
}

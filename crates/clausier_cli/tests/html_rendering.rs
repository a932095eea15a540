//! The HTML report of `clausier check --format html`, opened in headless Chromium (driven
//! by playwright-core, `tests/validators/html-check.mjs`) and compared with the JSON
//! report of the same run: the matrix shows every descriptor in input order and the
//! status of each of its clauses, coloured by status, with the scores and ranks; each
//! failure's explanation appears on a click; the columns sort both ways; the page fetches
//! nothing and raises no error; printing opens every explanation. A deliberately broken
//! page shows the checks can fail.
//!
//! The packages come from `scripts/node-validators` and the browser from
//! `scripts/chromium`; `scripts/test` sets `CLAUSIER_TEST_NODE_VALIDATORS` and
//! `CLAUSIER_TEST_CHROMIUM`. Without them these tests fail and say so.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use support::run;

const DATE: &str = "2026-11-28";

fn setting(name: &str, script: &str, what: &str) -> PathBuf {
    support::checker(
        name,
        script,
        &format!("render the HTML report in headless Chromium, with {what}"),
    )
}

/// What headless Chromium shows of an HTML page (see `html-check.mjs`).
fn browse(page: &Path) -> Value {
    let validators = setting(
        "CLAUSIER_TEST_NODE_VALIDATORS",
        "scripts/node-validators",
        "the npm packages of tests/validators (playwright-core)",
    );
    let chromium = setting(
        "CLAUSIER_TEST_CHROMIUM",
        "scripts/chromium",
        "the Chromium binary",
    );
    let script = validators.join("html-check.mjs");
    let output = run(
        Path::new("node"),
        &[
            script.to_str().unwrap(),
            page.to_str().unwrap(),
            chromium.to_str().unwrap(),
        ],
    );
    assert!(
        output.status.success(),
        "the browser check could not run:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// `clausier check PACK INPUTS` as HTML (written with `--output`) and as JSON.
struct Run {
    dir: tempfile::TempDir,
    page: PathBuf,
    json: Value,
}

fn check(pack: &str, inputs: &[&str]) -> Run {
    let written = support::written_report(pack, inputs, DATE, "html", "report.html");
    Run {
        dir: written.dir,
        page: written.file,
        json: written.json,
    }
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

fn array(value: &Value) -> &Vec<Value> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
}

/// The name a clause's column has: its id, with its pack before it when it comes from a
/// dependency.
fn clause_name(report: &Value, result: &Value) -> String {
    let (pack, clause) = (text(&result["pack"]), text(&result["clause"]));
    if pack == text(&report["pack"]["name"]) {
        clause.to_owned()
    } else {
        format!("{pack}::{clause}")
    }
}

/// A number of the page (a `data-value`) as a number, if it is one.
fn number(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// The problems of a page with no network request, console error or page error.
fn self_contained(seen: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for (key, what) in [
        ("requests", "request"),
        ("consoleErrors", "console error"),
        ("pageErrors", "page error"),
    ] {
        for item in array(&seen[key]) {
            problems.push(format!("{what}: {item}"));
        }
    }
    problems
}

/// The problems of the colours: each requirement status has one colour, not transparent,
/// and pass, fail, missing and not applicable have distinct ones.
fn colours(seen: &Value) -> Vec<String> {
    let mut by_status: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in array(&seen["rows"]) {
        for cell in row["cells"].as_object().unwrap().values() {
            let status = text(&cell["value"]);
            if ["pass", "fail", "missing", "not_applicable"].contains(&status) {
                by_status
                    .entry(status.to_owned())
                    .or_default()
                    .insert(text(&cell["background"]).to_owned());
            }
        }
    }
    let mut problems = Vec::new();
    let mut distinct = BTreeMap::new();
    for (status, backgrounds) in &by_status {
        if backgrounds.len() != 1 {
            problems.push(format!("{status} cells have colours {backgrounds:?}"));
        }
        for background in backgrounds {
            if background == "rgba(0, 0, 0, 0)" || background == "transparent" {
                problems.push(format!("{status} cells have no background"));
            }
            if let Some(other) = distinct.insert(background.clone(), status.clone()) {
                problems.push(format!(
                    "{status} and {other} cells share the colour {background}"
                ));
            }
        }
    }
    for status in ["pass", "fail", "missing"] {
        if !by_status.contains_key(status) {
            problems.push(format!("no {status} cell"));
        }
    }
    problems
}

/// Every fact of the page that the JSON report of the same run determines.
fn assert_matches_json(seen: &Value, report: &Value) {
    let problems = self_contained(seen);
    assert!(
        problems.is_empty(),
        "the page is not self-contained: {problems:#?}"
    );
    let problems = colours(seen);
    assert!(problems.is_empty(), "{problems:#?}");

    let descriptors = array(&report["descriptors"]);
    let ids: Vec<&str> = descriptors.iter().map(|d| text(&d["id"])).collect();
    let rows = array(&seen["rows"]);
    let shown: Vec<&str> = rows.iter().map(|r| text(&r["descriptor"])).collect();
    assert_eq!(shown, ids, "a row per descriptor, in input order");
    // Sorting and printing move rows but change none (an offer on two lots has a row
    // per lot, told apart by the name it shows).
    let by_descriptor = |rows: &Vec<Value>| -> BTreeMap<String, Value> {
        rows.iter()
            .map(|row| {
                let key = format!("{} {}", text(&row["descriptor"]), text(&row["text"]));
                (key, row.clone())
            })
            .collect()
    };
    assert_eq!(
        by_descriptor(rows),
        by_descriptor(array(&seen["rowsAfterAll"])),
        "the rows changed after sorting and printing"
    );

    // A column per clause, in the order of first appearance.
    let mut columns: Vec<String> = Vec::new();
    for descriptor in descriptors {
        for result in array(&descriptor["results"]) {
            let name = clause_name(report, result);
            if !columns.contains(&name) {
                columns.push(name);
            }
        }
    }
    let shown_columns: Vec<&str> = array(&seen["columns"]).iter().map(text).collect();
    assert_eq!(shown_columns, columns);

    for (descriptor, row) in descriptors.iter().zip(rows) {
        let id = text(&descriptor["id"]);
        let name = match descriptor["lot"].as_str() {
            Some(lot) => format!("{id} (lot {lot})"),
            None => id.to_owned(),
        };
        assert_eq!(text(&row["text"]), name);
        assert_eq!(row["status"]["value"], descriptor["status"], "{id}");
        assert_eq!(row["status"]["text"], descriptor["status"], "{id}");
        // The score with two decimals, the rank as it is; empty when there is none.
        match descriptor["score"].as_f64() {
            Some(score) => {
                assert_eq!(text(&row["score"]["text"]), format!("{score:.2}"), "{id}");
                assert_eq!(number(text(&row["score"]["value"])), Some(score), "{id}");
            }
            None => assert_eq!(row["score"]["text"], "", "{id}"),
        }
        match descriptor["rank"].as_u64() {
            Some(rank) => assert_eq!(text(&row["rank"]["text"]), rank.to_string(), "{id}"),
            None => assert_eq!(row["rank"]["text"], "", "{id}"),
        }
        // Each clause's cell.
        let cells = row["cells"].as_object().unwrap();
        assert_eq!(cells.len(), columns.len(), "{id}");
        let results: BTreeMap<String, &Value> = array(&descriptor["results"])
            .iter()
            .map(|result| (clause_name(report, result), result))
            .collect();
        for column in &columns {
            let cell = &cells[column];
            let context = format!("{id} × {column}");
            match results.get(column) {
                Some(result) if result["kind"] == "requirement" => {
                    let status = text(&result["status"]);
                    assert_eq!(text(&cell["value"]), status, "{context}");
                    let label = if status == "not_applicable" {
                        "n/a"
                    } else {
                        status
                    };
                    assert_eq!(text(&cell["text"]), label, "{context}");
                }
                Some(result) => match result["points"].as_f64() {
                    Some(points) => {
                        assert_eq!(number(text(&cell["value"])), Some(points), "{context}");
                        assert_eq!(text(&cell["text"]), format!("{points:.2}"), "{context}");
                    }
                    None => assert_eq!(cell["text"], "", "{context}"),
                },
                None => {
                    // An invalid descriptor has no result; an entry on a lot has none for
                    // the clauses of the other lots.
                    assert!(
                        descriptor["status"] == "invalid" || descriptor["lot"].is_string(),
                        "{context}"
                    );
                    assert_eq!(cell["text"], "", "{context}");
                }
            }
        }
    }

    let explained = explanations(seen, report);
    assert!(explained.is_empty(), "{explained:#?}");
    let sorted = sorting(seen, report);
    assert!(sorted.is_empty(), "{sorted:#?}");
    let printed = printing(seen);
    assert!(printed.is_empty(), "{printed:#?}");
}

/// The problems of the explanations: each failed or missing requirement's is hidden,
/// shows on a click and hides on a second, and names the fields in question and where
/// they are; an invalid descriptor's data errors are in its status cell.
fn explanations(seen: &Value, report: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let shown_all = array(&seen["explanations"]);
    let mut expected = 0;
    for descriptor in array(&report["descriptors"]) {
        let id = text(&descriptor["id"]);
        for result in array(&descriptor["results"]) {
            let status = text(&result["status"]);
            if result["kind"] != "requirement" || !matches!(status, "fail" | "missing") {
                continue;
            }
            expected += 1;
            let column = clause_name(report, result);
            let context = format!("{id} × {column}");
            let Some(shown) = shown_all
                .iter()
                .find(|e| e["descriptor"] == id && text(&e["clause"]) == column)
            else {
                problems.push(format!("{context}: no explanation"));
                continue;
            };
            for (key, wanted) in [
                ("visibleBefore", false),
                ("visibleAfter", true),
                ("visibleAfterSecondClick", false),
            ] {
                if shown[key] != wanted {
                    problems.push(format!("{context}: {key} is {}", shown[key]));
                }
            }
            if shown["summary"] != status {
                problems.push(format!("{context}: summary {}", shown["summary"]));
            }
            let shown_text = text(&shown["text"]);
            let mut needed: Vec<String> = array(&result["missing"])
                .iter()
                .map(|path| text(path).to_owned())
                .collect();
            for item in array(&result["explanation"]) {
                if let Some(path) = item["path"].as_str() {
                    needed.push(path.to_owned());
                }
                if let Some(line) = item["line"].as_u64() {
                    let column = item["column"].as_u64().unwrap_or(1);
                    // The report speaks French by default: « ligne 3, colonne 389 ».
                    needed.push(format!("ligne {line}, colonne {column}"));
                }
            }
            for part in needed {
                if !shown_text.contains(&part) {
                    problems.push(format!("{context}: `{part}` not in {shown_text:?}"));
                }
            }
        }
        if descriptor["status"] == "invalid" {
            expected += 1;
            let shown = shown_all
                .iter()
                .find(|e| e["descriptor"] == id && e["column"] == "status");
            match shown {
                Some(shown) if shown["visibleAfter"] == true => {
                    for error in array(&descriptor["errors"]) {
                        if !text(&shown["text"]).contains(text(&error["code"])) {
                            problems.push(format!("{id}: {} not shown", error["code"]));
                        }
                    }
                }
                _ => problems.push(format!("{id}: its data errors do not show")),
            }
        }
    }
    if shown_all.len() != expected {
        problems.push(format!(
            "{} explanations for {expected} failures and invalid descriptors",
            shown_all.len()
        ));
    }
    if !shown_all.iter().any(|e| e["clickedWith"] == "mouse") {
        problems.push("no explanation was opened with the mouse".to_owned());
    }
    problems
}

/// The problems of sorting by score or rank: one click sorts one way, a second the other;
/// rows without a value stay last, in input order; equal ones keep their input order.
fn sorting(seen: &Value, report: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let descriptors = array(&report["descriptors"]);
    for column in ["score", "rank"] {
        let mut with: Vec<(f64, usize, &str)> = Vec::new();
        let mut without: Vec<&str> = Vec::new();
        for (index, descriptor) in descriptors.iter().enumerate() {
            match descriptor[column].as_f64() {
                Some(value) => with.push((value, index, text(&descriptor["id"]))),
                None => without.push(text(&descriptor["id"])),
            }
        }
        assert!(with.len() >= 2, "the example has scored offers");
        let order = |ascending: bool| -> Vec<&str> {
            let mut sorted = with.clone();
            sorted.sort_by(|a, b| {
                let by_value = if ascending {
                    a.0.total_cmp(&b.0)
                } else {
                    b.0.total_cmp(&a.0)
                };
                by_value.then(a.1.cmp(&b.1))
            });
            sorted
                .iter()
                .map(|s| s.2)
                .chain(without.iter().copied())
                .collect()
        };
        let clicks = array(&seen["sorting"][column]);
        for (click, (ascending, aria)) in clicks
            .iter()
            .zip([(true, "ascending"), (false, "descending")])
        {
            let rows: Vec<&str> = array(&click["rows"]).iter().map(text).collect();
            if rows != order(ascending) {
                problems.push(format!("sorted by {column}, {aria}: {rows:?}"));
            }
            if click["ariaSort"] != aria {
                problems.push(format!("{column}: aria-sort {}", click["ariaSort"]));
            }
        }
    }
    problems
}

/// The problems of printing: a print style sheet applies, every explanation is open and
/// the sort indicators are gone; back on screen, the explanations are closed again.
fn printing(seen: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let print = &seen["print"];
    if !array(&print["rules"])
        .iter()
        .any(|rules| rules.as_u64() > Some(0))
    {
        problems.push("no print style sheet".to_owned());
    }
    let facts = [
        (
            "print",
            "printMatches",
            print["print"]["printMatches"] == true,
        ),
        (
            "print",
            "open",
            print["print"]["open"] == print["print"]["details"]
                && print["print"]["details"].as_u64() > Some(0),
        ),
        (
            "print",
            "headingPosition",
            print["print"]["headingPosition"] == "static",
        ),
        (
            "print",
            "sortIndicator",
            ["none", "\"\""].contains(&text(&print["print"]["sortIndicator"])),
        ),
        (
            "screen",
            "printMatches",
            print["screen"]["printMatches"] == false,
        ),
        ("screen", "open", print["screen"]["open"] == 0),
    ];
    for (media, key, holds) in facts {
        if !holds {
            problems.push(format!("{media}: {key} is {}", print[media][key]));
        }
    }
    problems
}

#[test]
fn the_national_example_renders_as_its_json_report() {
    let run = check("rules/edtech-fr", &["examples/edtech-fr"]);
    let seen = browse(&run.page);
    assert_matches_json(&seen, &run.json);
    assert_eq!(run.json["summary"]["invalid"], 1);
    assert_eq!(text(&seen["title"]), "Check report: edtech-fr 2.0.0");
}

#[test]
fn the_regional_example_renders_as_its_json_report() {
    let run = check("rules/region-exemple", &["examples/region-exemple"]);
    let seen = browse(&run.page);
    assert_matches_json(&seen, &run.json);
    assert!(
        array(&seen["columns"])
            .iter()
            .any(|column| text(column).contains("::")),
        "the clauses of the dependencies have their own columns"
    );
}

#[test]
fn the_example_in_lots_renders_as_its_json_report() {
    let run = check(
        "examples/lots-ent-ressources/pack",
        &["examples/lots-ent-ressources/offres"],
    );
    let seen = browse(&run.page);
    assert_matches_json(&seen, &run.json);
    assert_eq!(run.json["summary"]["total"], 6);
}

/// A page that fetches a style sheet and a script, logs an error, throws one, colours
/// failures as passes, shows every explanation from the start, ignores clicks on the
/// headings and has no print style sheet: the checks must say so.
#[test]
fn a_broken_page_fails_the_checks() {
    let run = check("rules/edtech-fr", &["examples/edtech-fr"]);
    let page = fs::read_to_string(&run.page).unwrap();
    let broken = page
        .replacen(
            "</head>",
            "<link rel=\"stylesheet\" href=\"https://cdn.example.invalid/report.css\">\n\
             <script>console.error(\"broken on purpose\");\n\
             document.addEventListener(\"click\", function (event) {\n\
               if (event.target.closest(\"thead\")) { event.stopImmediatePropagation(); }\n\
             }, true);</script>\n</head>",
            1,
        )
        .replacen("--fail: #f8d4d4;", "--fail: #d7f0dc;", 1)
        .replace("<details>", "<details open>")
        .replacen("@media print", "@media speech", 1)
        .replacen(
            "</body>",
            "<script src=\"https://cdn.example.invalid/report.js\"></script>\n\
             <script>undefinedFunction();</script>\n</body>",
            1,
        );
    let file = run.dir.path().join("broken.html");
    fs::write(&file, broken).unwrap();
    let seen = browse(&file);

    let problems = self_contained(&seen);
    for expected in [
        "request: \"https://cdn.example.invalid/report.css\"",
        "request: \"https://cdn.example.invalid/report.js\"",
        "console error: \"broken on purpose\"",
        "page error: \"ReferenceError: undefinedFunction is not defined\"",
    ] {
        assert!(
            problems.iter().any(|problem| problem == expected),
            "{expected} not in {problems:#?}"
        );
    }
    let problems = colours(&seen);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("fail") && p.contains("pass") && p.contains("share")),
        "{problems:#?}"
    );
    let problems = explanations(&seen, &run.json);
    assert!(
        problems
            .iter()
            .any(|p| p.ends_with("visibleBefore is true")),
        "{problems:#?}"
    );
    let problems = sorting(&seen, &run.json);
    assert!(
        problems.iter().any(|p| p.starts_with("sorted by score")),
        "{problems:#?}"
    );
    let problems = printing(&seen);
    assert!(
        problems.contains(&"no print style sheet".to_owned()),
        "{problems:#?}"
    );
}

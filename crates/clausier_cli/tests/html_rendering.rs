//! The HTML report of `clausier check --format html`, opened in headless Chromium (driven
//! by playwright-core, `tests/validators/html-check.mjs`) and compared with the JSON
//! report of the same run: the ranking comes first, by rank (one table per lot), then a
//! section per offer in the same order with its status in a word and a colour, every
//! requirement's outcome (the failed and missing ones among the reasons, explained with
//! the fields in question and where they are, a `should` in a colour of its own and said
//! to have no effect on eligibility) and every criterion's points, in French; the page
//! fetches nothing and raises no error, fits a 1280 px window, and printed on the width
//! of an A4 page keeps every criterion's points, one offer per page. A deliberately
//! broken page shows the checks can fail.
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

/// The name a clause has on the page: its id, with its pack before it when it comes from
/// a dependency.
fn clause_name(report: &Value, result: &Value) -> String {
    let (pack, clause) = (text(&result["pack"]), text(&result["clause"]));
    if pack == text(&report["pack"]["name"]) {
        clause.to_owned()
    } else {
        format!("{pack}::{clause}")
    }
}

/// A number as the French report writes it: two decimals, a decimal comma.
fn french_two_decimals(number: f64) -> String {
    format!("{number:.2}").replace('.', ",")
}

/// The words of the page, in French: the report's language when nothing else says.
fn status_word(status: &str) -> &'static str {
    match status {
        "eligible" => "éligible",
        "ineligible" => "inéligible",
        "incomplete" => "incomplète",
        "invalid" => "invalide",
        other => panic!("a status: {other}"),
    }
}

fn outcome_word(status: &str) -> &'static str {
    match status {
        "pass" => "satisfaite",
        "fail" => "non satisfaite",
        "missing" => "non décidable, données manquantes",
        "not_applicable" => "sans objet",
        other => panic!("an outcome: {other}"),
    }
}

const NO_EFFECT: &str = "sans effet sur l'éligibilité";

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

/// The entries of each ranking table as the JSON report orders them: per lot in the
/// order of `lots` (then the entries on no lot), by rank, then the unranked by status
/// (eligible, ineligible, incomplete, invalid), each group in input order.
fn expected_groups(report: &Value) -> Vec<(Option<String>, Vec<&Value>)> {
    let descriptors = array(&report["descriptors"]);
    let Some(lots) = report["lots"].as_array() else {
        return vec![(None, ranked(descriptors.iter().collect()))];
    };
    let mut groups: Vec<(Option<String>, Vec<&Value>)> = lots
        .iter()
        .map(|lot| {
            let id = text(&lot["id"]);
            let entries = descriptors.iter().filter(|d| d["lot"] == id).collect();
            (Some(id.to_owned()), ranked(entries))
        })
        .filter(|(_, entries): &(Option<String>, Vec<&Value>)| !entries.is_empty())
        .collect();
    let on_no_lot: Vec<&Value> = descriptors.iter().filter(|d| d["lot"].is_null()).collect();
    if !on_no_lot.is_empty() {
        groups.push((Some(String::new()), ranked(on_no_lot)));
    }
    groups
}

/// Entries by rank, then the unranked by status, each group in input order.
fn ranked(mut entries: Vec<&Value>) -> Vec<&Value> {
    let status_order = |status: &str| {
        ["eligible", "ineligible", "incomplete", "invalid"]
            .iter()
            .position(|s| *s == status)
            .unwrap()
    };
    entries.sort_by_key(|entry| {
        (
            entry["rank"].is_null(),
            entry["rank"].as_u64(),
            status_order(text(&entry["status"])),
        )
    });
    entries
}

/// The problems of the ranking: a table per lot, each row's rank, score and status, in
/// rank order.
fn ranking(seen: &Value, report: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let groups = expected_groups(report);
    let tables = array(&seen["rankings"]);
    if tables.len() != groups.len() {
        problems.push(format!(
            "{} ranking tables for {} groups",
            tables.len(),
            groups.len()
        ));
    }
    for ((lot, entries), table) in groups.iter().zip(tables) {
        if table["lot"].as_str().map(str::to_owned) != *lot {
            problems.push(format!(
                "a ranking table of lot {} for {lot:?}",
                table["lot"]
            ));
        }
        let rows = array(&table["rows"]);
        let shown: Vec<&str> = rows.iter().map(|row| text(&row["descriptor"])).collect();
        let wanted: Vec<&str> = entries.iter().map(|entry| text(&entry["id"])).collect();
        if shown != wanted {
            problems.push(format!("lot {lot:?}: ranking {shown:?}, not {wanted:?}"));
            continue;
        }
        for (entry, row) in entries.iter().zip(rows) {
            let id = text(&entry["id"]);
            problems.extend(figures(
                id,
                entry,
                &row["rank"],
                &row["score"],
                &row["status"],
            ));
            if row["visible"] != true || text(&row["name"]) != id {
                problems.push(format!("{id}: the ranking row shows {:?}", row["name"]));
            }
        }
    }
    problems
}

/// The problems of an entry's rank, score and status as shown, against the JSON report.
fn figures(id: &str, entry: &Value, rank: &Value, score: &Value, status: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let wanted_rank = entry["rank"]
        .as_u64()
        .map_or_else(|| "sans rang".to_owned(), |rank| rank.to_string());
    if text(&rank["text"]) != wanted_rank {
        problems.push(format!(
            "{id}: rank {:?}, not {wanted_rank:?}",
            rank["text"]
        ));
    }
    let wanted_score = entry["score"]
        .as_f64()
        .map_or_else(|| "sans note".to_owned(), french_two_decimals);
    if text(&score["text"]) != wanted_score {
        problems.push(format!(
            "{id}: score {:?}, not {wanted_score:?}",
            score["text"]
        ));
    }
    if let Some(number) = entry["score"].as_f64()
        && text(&score["value"]).parse::<f64>().ok() != Some(number)
    {
        problems.push(format!("{id}: score value {:?}", score["value"]));
    }
    let wanted_status = text(&entry["status"]);
    if status["value"] != wanted_status || text(&status["text"]) != status_word(wanted_status) {
        problems.push(format!("{id}: status {status}, not {wanted_status}"));
    }
    problems
}

/// The problems of the offers' sections: one per entry in ranking order, each with its
/// figures, every requirement's outcome (the unmet ones explained among the reasons) and
/// every criterion's points.
fn offers(seen: &Value, report: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let entries: Vec<&Value> = expected_groups(report)
        .into_iter()
        .flat_map(|(_, entries)| entries)
        .collect();
    let sections = array(&seen["offers"]);
    let shown: Vec<(&str, &str)> = sections
        .iter()
        .map(|s| (text(&s["descriptor"]), text(&s["lot"])))
        .collect();
    let wanted: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (text(&e["id"]), text(&e["lot"])))
        .collect();
    if shown != wanted {
        problems.push(format!("offer sections {shown:?}, not {wanted:?}"));
        return problems;
    }
    for (entry, section) in entries.iter().zip(sections) {
        let id = text(&entry["id"]);
        let name = match entry["lot"].as_str() {
            Some(lot) => format!("{id} (lot {lot})"),
            None => id.to_owned(),
        };
        if text(&section["heading"]) != name {
            problems.push(format!("{name}: heading {:?}", section["heading"]));
        }
        problems.extend(figures(
            &name,
            entry,
            &section["rank"],
            &section["score"],
            &section["status"],
        ));
        let requirements = array(&section["requirements"]);
        let criteria = array(&section["criteria"]);
        let mut wanted_requirements = 0;
        let mut wanted_criteria = 0;
        for result in array(&entry["results"]) {
            let clause = clause_name(report, result);
            let context = format!("{name} × {clause}");
            if result["kind"] == "criterion" {
                wanted_criteria += 1;
                let Some(row) = criteria
                    .iter()
                    .find(|row| text(&row["shownName"]) == clause)
                else {
                    problems.push(format!("{context}: no criterion row"));
                    continue;
                };
                match result["points"].as_f64() {
                    Some(points) if text(&row["points"]["text"]) != french_two_decimals(points) => {
                        problems.push(format!("{context}: points {}", row["points"]));
                    }
                    None if !row["points"].is_null() => {
                        problems.push(format!(
                            "{context}: points {} without a score",
                            row["points"]
                        ));
                    }
                    _ => {}
                }
                if row["visible"] != true {
                    problems.push(format!("{context}: the criterion is hidden"));
                }
                continue;
            }
            wanted_requirements += 1;
            let Some(item) = requirements
                .iter()
                .find(|item| text(&item["shownName"]) == clause)
            else {
                problems.push(format!("{context}: not listed"));
                continue;
            };
            let status = text(&result["status"]);
            if item["status"] != status || text(&item["outcome"]) != outcome_word(status) {
                problems.push(format!(
                    "{context}: shown {} {}",
                    item["status"], item["outcome"]
                ));
            }
            if item["visible"] != true {
                problems.push(format!("{context}: hidden"));
            }
            let unmet = matches!(status, "fail" | "missing");
            if item["inReasons"] != unmet {
                problems.push(format!(
                    "{context}: among the reasons is {}",
                    item["inReasons"]
                ));
            }
            let shown_text = text(&item["text"]);
            let advisory = matches!(text(&result["level"]), "should" | "info");
            if unmet && advisory && !shown_text.contains(NO_EFFECT) {
                problems.push(format!(
                    "{context}: does not say it has no effect: {shown_text:?}"
                ));
            }
            if !unmet {
                continue;
            }
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
                    needed.push(format!("ligne {line}, colonne {column}"));
                }
            }
            for part in needed {
                if !shown_text.contains(&part) {
                    problems.push(format!("{context}: `{part}` not in {shown_text:?}"));
                }
            }
        }
        if requirements.len() != wanted_requirements || criteria.len() != wanted_criteria {
            problems.push(format!(
                "{name}: {} requirements and {} criteria shown, {wanted_requirements} and \
                 {wanted_criteria} in the report",
                requirements.len(),
                criteria.len()
            ));
        }
        for error in array(&entry["errors"]) {
            if !text(&section["errors"]).contains(text(&error["code"])) {
                problems.push(format!("{name}: {} not shown", error["code"]));
            }
        }
    }
    problems
}

/// The problems of the colours: each status shown has one colour, not transparent, and
/// they are distinct; a failed `must` has the colour of an ineligible offer, an unmet
/// `should` one of its own.
fn colours(seen: &Value) -> Vec<String> {
    let mut by_kind: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for table in array(&seen["rankings"]) {
        for row in array(&table["rows"]) {
            let status = &row["status"];
            by_kind
                .entry(format!("status {}", text(&status["value"])))
                .or_default()
                .insert(text(&status["background"]).to_owned());
        }
    }
    for section in array(&seen["offers"]) {
        let status = &section["status"];
        by_kind
            .entry(format!("status {}", text(&status["value"])))
            .or_default()
            .insert(text(&status["background"]).to_owned());
        for item in array(&section["requirements"]) {
            let kind = match (text(&item["level"]), text(&item["status"])) {
                ("must", "fail") => "failed must",
                ("should", "fail" | "missing") => "unmet should",
                _ => continue,
            };
            by_kind
                .entry(kind.to_owned())
                .or_default()
                .insert(text(&item["background"]).to_owned());
        }
    }
    let mut problems = Vec::new();
    let mut distinct = BTreeMap::new();
    for (kind, backgrounds) in &by_kind {
        if backgrounds.len() != 1 {
            problems.push(format!("{kind}: colours {backgrounds:?}"));
        }
        for background in backgrounds {
            if background == "rgba(0, 0, 0, 0)" || background == "transparent" {
                problems.push(format!("{kind}: no background"));
            }
            // A failed `must` shares the red of an ineligible offer on purpose.
            let family = if kind == "failed must" {
                "status ineligible"
            } else {
                kind
            };
            if let Some(other) = distinct.insert(background.clone(), family.to_owned())
                && other != family
            {
                problems.push(format!("{kind} and {other} share the colour {background}"));
            }
        }
    }
    problems
}

/// The problems of the layout on a 1280 px screen: nothing wider than the window.
fn layout(seen: &Value) -> Vec<String> {
    let layout = &seen["layout"];
    let mut problems = Vec::new();
    if layout["width"] != 1280 {
        problems.push(format!("the window is {} wide", layout["width"]));
    }
    if layout["scrollWidth"].as_u64() > Some(1280) {
        problems.push(format!(
            "the page is {} px wide at 1280 px: {}",
            layout["scrollWidth"], layout["overflowing"]
        ));
    }
    problems
}

/// The problems of printing on A4: a print style sheet applies, the page fits the width
/// of the paper, every criterion's points are printed, each offer starts a page (the
/// first of a lot with its lot's heading) and no table is cut.
fn printing(seen: &Value, report: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let print = &seen["print"];
    if !array(&print["rules"])
        .iter()
        .any(|rules| rules.as_u64() > Some(0))
    {
        problems.push("no print style sheet".to_owned());
    }
    if print["printMatches"] != true {
        problems.push("print media does not apply".to_owned());
    }
    if print["scrollWidth"].as_u64() > print["width"].as_u64() {
        problems.push(format!(
            "printed, the page is {} px wide on {} px of paper: {}",
            print["scrollWidth"], print["width"], print["overflowing"]
        ));
    }
    let printed_text = text(&print["text"]);
    let printed = array(&print["criteria"]);
    for entry in array(&report["descriptors"]) {
        for result in array(&entry["results"]) {
            let Some(points) = result["points"].as_f64() else {
                continue;
            };
            let wanted = french_two_decimals(points);
            let found = printed.iter().any(|cell| {
                cell["descriptor"] == entry["id"]
                    && cell["lot"] == entry["lot"]
                    && cell["clause"] == result["clause"]
                    && text(&cell["text"]) == wanted
                    && cell["visible"] == true
            });
            if !found || !printed_text.contains(&wanted) {
                problems.push(format!(
                    "{} × {}: {wanted} points not printed",
                    text(&entry["id"]),
                    text(&result["clause"])
                ));
            }
        }
    }
    let sections = array(&seen["offers"]);
    for (index, (section, breaks)) in sections
        .iter()
        .zip(array(&print["offerBreaks"]))
        .enumerate()
    {
        let first_of_its_lot = section["lot"].is_string()
            && (index == 0 || sections[index - 1]["lot"] != section["lot"]);
        let wanted = if first_of_its_lot { "avoid" } else { "page" };
        if breaks != wanted {
            problems.push(format!(
                "{}: printed with break-before {breaks}, not {wanted}",
                text(&section["descriptor"])
            ));
        }
    }
    for breaks in array(&print["tableBreaks"]) {
        if breaks != "avoid" {
            problems.push(format!("a table printed with break-inside {breaks}"));
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
    assert_eq!(seen["lang"], "fr", "the report speaks French by default");
    let summary = &report["summary"];
    let counts = text(&seen["summary"]);
    for key in ["eligible", "ineligible", "incomplete"] {
        let wanted = format!("{} {}", summary[key], status_word(key));
        assert!(counts.contains(&wanted), "{wanted} not in {counts:?}");
    }
    for check in [
        ranking,
        offers,
        |seen: &Value, _: &Value| colours(seen),
        printing,
    ] {
        let problems = check(seen, report);
        assert!(problems.is_empty(), "{problems:#?}");
    }
    let problems = layout(seen);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_national_example_renders_as_its_json_report() {
    let run = check("rules/edtech-fr", &["examples/edtech-fr"]);
    let seen = browse(&run.page);
    assert_matches_json(&seen, &run.json);
    assert_eq!(run.json["summary"]["invalid"], 1);
    assert_eq!(
        text(&seen["title"]),
        "Rapport de vérification : edtech-fr 2.1.0"
    );
    // The colours compared: a failed `must` and an unmet `should` are both on the page.
    let levels: BTreeSet<(&str, &str)> = array(&seen["offers"])
        .iter()
        .flat_map(|section| array(&section["requirements"]))
        .map(|item| (text(&item["level"]), text(&item["status"])))
        .collect();
    assert!(
        levels.contains(&("must", "fail")) && levels.contains(&("should", "fail")),
        "{levels:?}"
    );
}

#[test]
fn the_regional_example_renders_as_its_json_report() {
    let run = check("rules/region-exemple", &["examples/region-exemple"]);
    let seen = browse(&run.page);
    assert_matches_json(&seen, &run.json);
    assert!(
        array(&seen["offers"])
            .iter()
            .any(|section| array(&section["requirements"])
                .iter()
                .any(|item| text(&item["shownName"]).contains("::"))),
        "the clauses of the dependencies are named with their pack"
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
    assert_eq!(array(&seen["rankings"]).len(), 2, "a ranking per lot");
}

/// The national example has 21 clauses, the columns that once overflowed a 1280 px
/// screen.
#[test]
fn the_report_has_no_horizontal_overflow_at_1280_px() {
    let run = check("rules/edtech-fr", &["examples/edtech-fr"]);
    let seen = browse(&run.page);
    let problems = layout(&seen);
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(seen["layout"]["scrollWidth"].as_u64() <= Some(1280));
}

#[test]
fn the_report_printed_on_a4_keeps_every_criterions_points() {
    let run = check(
        "examples/lots-ent-ressources/pack",
        &["examples/lots-ent-ressources/offres"],
    );
    let seen = browse(&run.page);
    let problems = printing(&seen, &run.json);
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(!array(&seen["print"]["criteria"]).is_empty());
}

/// A page that fetches a style sheet and a script, logs an error, throws one, colours an
/// unmet `should` as a failed `must` without saying it has no effect, is wider than the
/// screen and has no print style sheet: the checks must say so.
#[test]
fn a_broken_page_fails_the_checks() {
    let run = check("rules/edtech-fr", &["examples/edtech-fr"]);
    let page = fs::read_to_string(&run.page).unwrap();
    let broken = page
        .replacen(
            "</head>",
            "<link rel=\"stylesheet\" href=\"https://cdn.example.invalid/report.css\">\n\
             <script>console.error(\"broken on purpose\");</script>\n</head>",
            1,
        )
        .replacen("--should: #e3eaf4;", "--should: #f8d4d4;", 1)
        .replace(
            "<span class=\"no-effect\">",
            "<span class=\"no-effect\" hidden>",
        )
        .replacen("@media print", "@media speech", 1)
        .replacen(
            "</body>",
            "<div style=\"width: 1600px\">wide</div>\n\
             <script src=\"https://cdn.example.invalid/report.js\"></script>\n\
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
            .any(|p| p.contains("unmet should") && p.contains("share")),
        "{problems:#?}"
    );
    let problems = offers(&seen, &run.json);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("does not say it has no effect")),
        "{problems:#?}"
    );
    let problems = layout(&seen);
    assert!(
        problems.iter().any(|p| p.contains("px wide at 1280 px")),
        "{problems:#?}"
    );
    let problems = printing(&seen, &run.json);
    for expected in ["no print style sheet", "break-before"] {
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{expected} not in {problems:#?}"
        );
    }
}

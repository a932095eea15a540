//! Every figure the documentation gives for a run of `clausier check` is the one the run
//! gives: statuses, scores, ranks, points per criterion, weights, summary counts and exit
//! codes written in `README.md`, `docs/*.md`, `examples/*/README.md` and
//! `rules/*/README.md` are read from the Markdown (tables, and the sentences that hold
//! figures) and compared with the JSON report of the command the same page documents.
//! A page that gives figures without such a command, or a table of descriptors with a
//! column this suite does not know, fails the test rather than go unchecked.

#![expect(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "a figure that cannot be read or checked must fail the test loudly (`support` \
              unwraps too)"
)]

#[path = "../support/mod.rs"]
mod support;

mod doc;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use doc::{Doc, Figure, Table, figure, figures_after, first_code, plain};
use serde_json::Value;

/// The JSON report and exit code of a documented command.
struct Run {
    report: Value,
    exit: i32,
}

impl Run {
    fn new(arguments: &[String]) -> Run {
        let mut args = vec!["check"];
        args.extend(arguments.iter().map(String::as_str));
        args.extend(["--format", "json"]);
        let output = support::clausier(&args);
        let exit = output.status.code().expect("an exit code");
        assert!(
            exit <= 1,
            "`clausier {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
        let report = serde_json::from_slice(&output.stdout).expect("a JSON report");
        Run { report, exit }
    }

    fn descriptors(&self) -> &[Value] {
        self.report["descriptors"].as_array().expect("descriptors")
    }

    fn descriptor(&self, id: &str) -> &Value {
        self.descriptors()
            .iter()
            .find(|descriptor| descriptor["id"] == id)
            .unwrap_or_else(|| panic!("no descriptor `{id}` in the report"))
    }

    fn eligible(&self) -> Vec<&Value> {
        self.descriptors()
            .iter()
            .filter(|descriptor| descriptor["status"] == "eligible")
            .collect()
    }

    fn summary(&self) -> [u64; 5] {
        ["total", "eligible", "ineligible", "incomplete", "invalid"]
            .map(|count| self.report["summary"][count].as_u64().expect("a count"))
    }
}

/// A clause's result in a descriptor, by its id with or without its pack (`PRIX`,
/// `edtech-fr::PRIX`).
fn result<'a>(descriptor: &'a Value, clause: &str) -> Option<&'a Value> {
    let id = clause.rsplit("::").next().unwrap_or(clause);
    descriptor["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|result| result["clause"] == id)
}

fn number(value: &Value, what: &str) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("{what} has no number: {value}"))
}

fn rounded(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// A score, total or points as the documentation writes it against the two-decimal value
/// of the report: equal, or, for a value given with more decimals, equal once rounded.
fn agrees(figure: Figure, printed: f64) -> bool {
    if figure.cut_short || figure.decimals > 2 {
        same(rounded(figure.value, 2), printed)
    } else {
        same(figure.value, printed)
    }
}

/// What one page states, checked; returns how many figures were.
struct Checker<'a> {
    doc: &'a Doc,
    run: &'a Run,
    checked: usize,
}

impl Checker<'_> {
    fn check(&mut self, holds: bool, what: impl FnOnce() -> String) {
        assert!(holds, "{}: {}", self.doc.path, what());
        self.checked += 1;
    }

    /// `16 descriptors: 6 eligible, 7 ineligible, 2 incomplete, 1 invalid`, the exit code,
    /// and `the 16 example vendor descriptors`.
    fn sentences(&mut self, prose: &str) {
        let words: Vec<&str> = prose.split(' ').collect();
        let summary = self.run.summary();
        for (at, window) in words.windows(10).enumerate() {
            let [
                total,
                "descriptors:",
                eligible,
                "eligible,",
                ineligible,
                "ineligible,",
                incomplete,
                "incomplete,",
                invalid,
                last,
            ] = window
            else {
                continue;
            };
            assert!(
                last.starts_with("invalid"),
                "{}: {}",
                self.doc.path,
                words[at..at + 10].join(" ")
            );
            let written = [total, eligible, ineligible, incomplete, invalid]
                .map(|count| count.parse::<u64>().expect("a count"));
            self.check(written == summary, || {
                format!("the summary says {written:?}, the run {summary:?}")
            });
        }
        for window in words.windows(5) {
            let code = match window {
                ["the", "exit", "code", "is", code] | [_, _, "exits", "with", code] => code,
                _ => continue,
            };
            let code: i32 = code
                .trim_end_matches([',', '.'])
                .parse()
                .expect("an exit code");
            self.check(code == self.run.exit, || {
                format!(
                    "the exit code is said to be {code}, it is {}",
                    self.run.exit
                )
            });
        }
        for window in words.windows(4) {
            if let ["the", count, "example", "vendor"] = window {
                let count: u64 = count.parse().expect("a count of examples");
                self.check(count == summary[0], || {
                    format!("{count} examples are announced, the run has {}", summary[0])
                });
            }
        }
    }

    /// `id | file | format | outcome | why`: every descriptor of the run, in report order.
    fn outcomes(&mut self, table: &Table) {
        let ids: Vec<String> = table.rows.iter().map(|row| plain(&row[0])).collect();
        let report_ids: Vec<&str> = self
            .run
            .descriptors()
            .iter()
            .map(|descriptor| descriptor["id"].as_str().expect("an id"))
            .collect();
        self.check(ids == report_ids, || {
            format!("the outcomes list {ids:?}, the report {report_ids:?}")
        });
        for (row, id) in table.rows.iter().zip(&ids) {
            let descriptor = self.run.descriptor(id);
            for (column, cell) in table.header.iter().zip(row).skip(1) {
                match column.as_str() {
                    "outcome" => self.outcome(id, descriptor, cell),
                    "file" => {
                        let file = first_code(cell).expect("a file name in backticks");
                        let source = descriptor["source"].as_str().expect("a source");
                        self.check(Path::new(source).file_name() == Some(file.as_ref()), || {
                            format!("`{id}` is said to be in {file}, it is in {source}")
                        });
                    }
                    "why" => self.why(id, descriptor, cell),
                    "format" => {}
                    other => panic!(
                        "{}: a column `{other}` this test does not read",
                        self.doc.path
                    ),
                }
            }
        }
    }

    /// `eligible, score 82.42, rank 2 (tie)`, `eligible, 85.51, rank 3`, `ineligible`.
    fn outcome(&mut self, id: &str, descriptor: &Value, cell: &str) {
        let mut parts = cell.split(", ");
        let status = parts.next().expect("a status");
        self.check(descriptor["status"] == status, || {
            format!(
                "`{id}` is said to be {status}, it is {}",
                descriptor["status"]
            )
        });
        let mut scored = false;
        for part in parts {
            if let Some(rank) = part.strip_prefix("rank ") {
                let (rank, tie) = match rank.strip_suffix(" (tie)") {
                    Some(rank) => (rank, true),
                    None => (rank, false),
                };
                self.rank(id, descriptor, rank.parse().expect("a rank"));
                let shared = self
                    .run
                    .eligible()
                    .iter()
                    .filter(|other| other["rank"] == descriptor["rank"])
                    .count();
                self.check(tie == (shared > 1), || {
                    format!("`{id}`: a tie is said {tie}, {shared} offers share its rank")
                });
            } else {
                let part = part.strip_prefix("score ").unwrap_or(part);
                let score = number(&descriptor["score"], id);
                self.check(agrees(figure(part), score), || {
                    format!("`{id}` is said to score {part}, it scores {score:.2}")
                });
                scored = true;
            }
        }
        self.check(scored == descriptor["score"].is_number(), || {
            format!(
                "`{id}`: a score is written {scored}, the report has {}",
                descriptor["score"]
            )
        });
    }

    fn rank(&mut self, id: &str, descriptor: &Value, rank: u64) {
        self.check(descriptor["rank"] == rank, || {
            format!(
                "`{id}` is said to rank {rank}, it ranks {}",
                descriptor["rank"]
            )
        });
    }

    /// The clauses in bold say what decides the status: `**PRX-01** fails: …`,
    /// `**REV-01** is `missing``; for an ineligible or incomplete offer they are all the
    /// specifications (`must`) and execution conditions that fail or are missing. An invalid offer's first code span is
    /// the path of its data error.
    fn why(&mut self, id: &str, descriptor: &Value, cell: &str) {
        let status = descriptor["status"].as_str().expect("a status");
        if status == "invalid" {
            let path = first_code(cell).expect("the path of the data error");
            let errors = descriptor["errors"].as_array().expect("errors");
            self.check(errors.iter().any(|error| error["path"] == path), || {
                format!("`{id}` is said to be invalid at `{path}`: {errors:?}")
            });
            return;
        }
        let mut named = BTreeSet::new();
        for (at, _) in cell.match_indices("**").step_by(2) {
            let rest = &cell[at + 2..];
            let (clause, after) = rest.split_once("**").expect("a closing `**`");
            // Other bold words are emphasis, not a clause: `**equivalent**`.
            if !is_clause(clause) {
                continue;
            }
            let claim = after.split(':').next().unwrap_or_default();
            let said = if claim.contains("fails") {
                "fail"
            } else if claim.contains("`missing`") {
                "missing"
            } else {
                panic!(
                    "{}: `{clause}` in bold, but neither failing nor missing",
                    self.doc.path
                );
            };
            let result = result(descriptor, clause)
                .unwrap_or_else(|| panic!("`{id}` has no result for {clause}"));
            self.check(result["status"] == said, || {
                format!(
                    "`{id}`: {clause} is said to be `{said}`, it is {}",
                    result["status"]
                )
            });
            named.insert(clause.to_owned());
        }
        self.mentions(id, descriptor, cell);
        let deciding = match status {
            "ineligible" => "fail",
            "incomplete" => "missing",
            _ => return,
        };
        let musts: BTreeSet<String> = descriptor["results"]
            .as_array()
            .expect("results")
            .iter()
            .filter(|r| {
                (r["level"] == "must" || r["level"] == "execution") && r["status"] == deciding
            })
            .map(|r| r["clause"].as_str().expect("a clause").to_owned())
            .collect();
        self.check(named == musts, || {
            format!("`{id}` is said to be {status} for {named:?}, it is for {musts:?}")
        });
    }

    /// A clause written just before what it does, in bold or not: `RGPD-02 passes`,
    /// ``the `should` HEB-02 fails too``, ``REG-02 is `missing` too``.
    fn mentions(&mut self, id: &str, descriptor: &Value, cell: &str) {
        let words: Vec<&str> = cell.split_whitespace().collect();
        for (at, word) in words.iter().enumerate() {
            let clause = word.trim_matches(|c: char| "*(),".contains(c));
            let verb = words
                .get(at + 1)
                .map(|verb| verb.trim_end_matches([',', '.', ':', ';', ')']));
            let next = words.get(at + 2).copied().unwrap_or_default();
            let said = match verb {
                Some("fails") => "fail",
                Some("passes") => "pass",
                Some("is") if next.starts_with("`missing`") => "missing",
                _ => continue,
            };
            if !is_clause(clause) {
                continue;
            }
            let result = result(descriptor, clause)
                .unwrap_or_else(|| panic!("`{id}` has no result for {clause}"));
            self.check(result["status"] == said, || {
                format!(
                    "`{id}`: {clause} is said to be `{said}`, it is {}",
                    result["status"]
                )
            });
        }
    }

    /// `id | PRIX | … | total | rank`: the points per criterion of every eligible offer.
    fn points(&mut self, table: &Table, prose: &str) {
        let mut ids: Vec<String> = table.rows.iter().map(|row| plain(&row[0])).collect();
        let mut eligible: Vec<String> = self
            .run
            .eligible()
            .iter()
            .map(|d| d["id"].as_str().expect("an id").to_owned())
            .collect();
        ids.sort();
        eligible.sort();
        self.check(ids == eligible, || {
            format!("points are given for {ids:?}, the eligible offers are {eligible:?}")
        });
        let mut weights = Vec::new();
        for row in &table.rows {
            let id = plain(&row[0]);
            let descriptor = self.run.descriptor(&id);
            weights.clear();
            for (column, cell) in table.header.iter().zip(row).skip(1) {
                let written = figure(cell);
                match column.as_str() {
                    "total" => {
                        let score = number(&descriptor["score"], &id);
                        self.check(agrees(written, score), || {
                            format!("`{id}` is said to total {cell}, it scores {score:.2}")
                        });
                    }
                    "rank" => self.rank(&id, descriptor, written.value as u64),
                    criterion => {
                        let result = result(descriptor, criterion).unwrap_or_else(|| {
                            panic!(
                                "{}: a column `{criterion}` that is no criterion",
                                self.doc.path
                            )
                        });
                        let points = number(&result["points"], criterion);
                        let weight = number(&result["weight"], criterion);
                        weights.push(weight);
                        self.check(agrees(written, points), || {
                            format!(
                                "`{id}` is said to get {cell} on {criterion}, it gets {points:.2}"
                            )
                        });
                        // More decimals than the report prints: the exact points, which
                        // over the weight give the score the report prints to 4 decimals.
                        if written.cut_short || written.decimals > 2 {
                            let score = number(&result["score"], criterion);
                            self.check(same(rounded(written.value / weight, 4), score), || {
                                format!("`{id}`: {cell} on {criterion} is not a score of {score}")
                            });
                        }
                    }
                }
            }
        }
        // `(weights 40 / 15 / 10 / …)`, in the order of the table's columns.
        for list in figures_after(prose, "(weights ") {
            let written: Vec<f64> = list
                .join(",")
                .split('/')
                .map(|weight| figure(weight.trim()).value)
                .collect();
            self.check(written == weights, || {
                format!("the weights are said to be {written:?}, they are {weights:?}")
            });
        }
        self.printed_lists(prose);
    }

    /// `rounded to 2 decimals (83.70, 82.42, …)` and `criterion scores to 4 (PRIX 0.6364, …)`:
    /// the distinct totals, or one criterion's distinct scores, in rank order.
    fn printed_lists(&mut self, prose: &str) {
        let mut ranked = self.run.eligible();
        ranked.sort_by_key(|descriptor| descriptor["rank"].as_u64());
        let distinct = |values: Vec<f64>| {
            let mut kept: Vec<f64> = Vec::new();
            for value in values {
                if !kept.iter().any(|&seen| same(seen, value)) {
                    kept.push(value);
                }
            }
            kept
        };
        for list in figures_after(prose, "rounded to 2 decimals (") {
            let written: Vec<f64> = list.iter().map(|total| figure(total).value).collect();
            let totals = distinct(
                ranked
                    .iter()
                    .map(|d| number(&d["score"], "a total"))
                    .collect(),
            );
            self.check(written == totals, || {
                format!("the totals are said to be {written:?}, they are {totals:?}")
            });
        }
        for list in figures_after(prose, "criterion scores to 4 (") {
            let (criterion, first) = list[0].split_once(' ').expect("a criterion, then scores");
            let mut written = vec![figure(first).value];
            written.extend(list[1..].iter().map(|score| figure(score).value));
            let scores = distinct(
                ranked
                    .iter()
                    .map(|d| {
                        number(
                            &result(d, criterion).expect("the criterion")["score"],
                            criterion,
                        )
                    })
                    .collect(),
            );
            self.check(written == scores, || {
                format!("{criterion} scores are said to be {written:?}, they are {scores:?}")
            });
        }
    }

    /// `criterion | from | weight`: each criterion's weight, and their total.
    fn weights(&mut self, table: &Table) {
        let weight_column = table.column("weight").expect("a weight column");
        let any = self.run.eligible()[0];
        let mut sum = 0.0;
        for row in &table.rows {
            let name = plain(&row[0]);
            let written = figure(&plain(&row[weight_column])).value;
            if name == "total" {
                self.check(same(written, sum), || {
                    format!("the weights are said to total {written}, they sum to {sum}")
                });
                continue;
            }
            // `PRIX, price per pupil`
            let criterion = name.split(',').next().unwrap_or_default();
            let result = result(any, criterion)
                .unwrap_or_else(|| panic!("{}: no criterion {criterion}", self.doc.path));
            let weight = number(&result["weight"], criterion);
            sum += weight;
            self.check(same(written, weight), || {
                format!("{criterion} is said to weigh {written}, it weighs {weight}")
            });
        }
    }
}

/// `HEB-01`, `GAR_2`, `edtech-fr::PRX-01` as a page writes a clause id; not a word.
fn is_clause(word: &str) -> bool {
    let id = word.rsplit("::").next().unwrap_or(word);
    id.starts_with(|c: char| c.is_ascii_uppercase())
        && id.chars().any(|c| c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "-_".contains(c))
}

/// The pages of the documentation, relative to the workspace root.
fn documentation(root: &Path) -> Vec<String> {
    let mut pages = vec!["README.md".to_owned()];
    let listed = |folder: &str| {
        let mut names: Vec<String> = fs::read_dir(root.join(folder))
            .unwrap_or_else(|error| panic!("cannot list {folder}: {error}"))
            .map(|entry| {
                entry
                    .expect("a folder entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    };
    pages.extend(
        listed("docs")
            .into_iter()
            .filter(|name| name.ends_with(".md"))
            .map(|name| format!("docs/{name}")),
    );
    for folder in ["examples", "rules"] {
        for name in listed(folder) {
            let page = format!("{folder}/{name}/README.md");
            if root.join(&page).is_file() {
                pages.push(page);
            }
        }
    }
    pages
}

/// Checks one page; returns how many figures it gives.
fn check_page(root: &Path, path: &str) -> usize {
    let doc = Doc::read(root, path);
    let prose = doc.prose();
    let tables = doc.tables();
    fn first(table: &Table) -> Option<&str> {
        table.header.first().map(String::as_str)
    }
    let outcome_tables: Vec<&Table> = tables
        .iter()
        .filter(|table| first(table) == Some("id") && table.column("outcome").is_some())
        .collect();
    let points_tables: Vec<&Table> = tables
        .iter()
        .filter(|table| first(table) == Some("id") && table.column("outcome").is_none())
        .collect();
    let weight_tables: Vec<&Table> = tables
        .iter()
        .filter(|table| first(table) == Some("criterion") && table.column("weight").is_some())
        .collect();
    let commands = doc.check_commands();
    let gives_figures = [
        " descriptors: ",
        "exit code is ",
        "exits with ",
        "example vendor",
    ]
    .iter()
    .any(|phrase| prose.contains(phrase))
        || !outcome_tables.is_empty()
        || !points_tables.is_empty()
        || !weight_tables.is_empty();
    if !gives_figures {
        return 0;
    }
    let [command] = &commands[..] else {
        panic!(
            "{path} gives figures of a run: it must show the one `clausier check` command that makes it, not {commands:?}"
        );
    };
    let run = Run::new(command);
    let mut checker = Checker {
        doc: &doc,
        run: &run,
        checked: 0,
    };
    checker.sentences(&prose);
    for table in outcome_tables {
        checker.outcomes(table);
    }
    for table in points_tables {
        checker.points(table, &prose);
    }
    for table in weight_tables {
        checker.weights(table);
    }
    assert!(checker.checked > 0, "{path}: no figure was read");
    checker.checked
}

#[test]
fn every_documented_figure_is_the_one_the_documented_run_gives() {
    let root = support::workspace_root();
    let mut checked = Vec::new();
    for page in documentation(&root) {
        let figures = check_page(&root, &page);
        if figures > 0 {
            checked.push(page);
        }
    }
    // The pages known to give figures must have been read as giving some.
    for page in [
        "README.md",
        "examples/edtech-fr/README.md",
        "examples/region-exemple/README.md",
        "rules/region-exemple/README.md",
    ] {
        assert!(
            checked.iter().any(|read| read == page),
            "no figure read in {page}"
        );
    }
}

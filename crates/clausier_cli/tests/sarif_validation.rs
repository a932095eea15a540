//! The SARIF of `clausier check --format sarif`, checked by an independent validator (the
//! SARIF multitool of the SARIF SDK: the SARIF 2.1.0 JSON schema and its rules) and
//! compared with the JSON report of the same run: a result per failed or missing
//! requirement of each descriptor, with the clause as its rule (named by the clause's
//! title), located in the descriptor's file at the line and column the JSON report gives.
//! Deliberately broken logs show the validator rejects what it must.
//!
//! The validator comes from `scripts/node-validators`; `scripts/test` sets
//! `CLAUSIER_TEST_NODE_VALIDATORS` to the folder it installs. Without it these tests fail
//! and say so.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use support::{run, workspace_root};

const DATE: &str = "2026-11-28";

fn validators() -> PathBuf {
    support::checker(
        "CLAUSIER_TEST_NODE_VALIDATORS",
        "scripts/node-validators",
        "validate the SARIF report with the SARIF multitool (npm)",
    )
}

/// A finding of the multitool: the file, its rule, level (`error`, `warning`, `note`) and
/// message.
#[derive(Debug)]
struct Finding {
    file: String,
    rule: String,
    level: String,
    message: String,
}

/// What the multitool finds in SARIF files.
struct Validation {
    exit_code: Option<i64>,
    findings: Vec<Finding>,
    /// Each notification of the multitool's own run: id and level.
    notifications: Vec<(String, String)>,
}

impl Validation {
    fn errors(&self, file: &Path) -> Vec<&Finding> {
        self.at(file, "error")
    }

    fn at(&self, file: &Path, level: &str) -> Vec<&Finding> {
        let file = file.to_str().unwrap();
        self.findings
            .iter()
            .filter(|f| f.file == file && f.level == level)
            .collect()
    }
}

fn validate(files: &[&Path]) -> Validation {
    let script = validators().join("sarif-validate.mjs");
    let mut args = vec![script.to_str().unwrap()];
    args.extend(files.iter().map(|file| file.to_str().unwrap()));
    let output = run(Path::new("node"), &args);
    assert!(
        output.status.success(),
        "the SARIF validator could not run:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let result: Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    Validation {
        exit_code: result["exitCode"].as_i64(),
        findings: result["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| Finding {
                file: text(&f["file"]),
                rule: text(&f["ruleId"]),
                level: text(&f["level"]),
                message: text(&f["message"]),
            })
            .collect(),
        notifications: result["notifications"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| (text(&n["id"]), text(&n["level"])))
            .collect(),
    }
}

/// `clausier check PACK INPUTS` as SARIF (written to a file with `--output`, and
/// validated there) and as JSON.
struct Run {
    _dir: tempfile::TempDir,
    file: PathBuf,
    sarif: Value,
    json: Value,
}

fn check(pack: &str, inputs: &[&str]) -> Run {
    let written = support::written_report(pack, inputs, DATE, "sarif", "report.sarif");
    Run {
        sarif: serde_json::from_slice(&fs::read(&written.file).unwrap()).unwrap(),
        json: written.json,
        _dir: written.dir,
        file: written.file,
    }
}

/// The multitool accepts the log: no error, and only the warnings that this report
/// cannot avoid: no `informationUri` for the tool (it has no public page), and no
/// `region` for a result whose JSON report gives no line (a missing field, or a failure on
/// an absent one).
fn assert_valid(run: &Run) {
    let validation = validate(&[&run.file]);
    assert_eq!(validation.exit_code, Some(0), "the multitool failed");
    let errors = validation.errors(&run.file);
    assert!(
        errors.is_empty(),
        "the multitool finds errors in the SARIF report: {errors:#?}"
    );
    let results = run.sarif["runs"][0]["results"].as_array().unwrap();
    for Finding { rule, message, .. } in validation.at(&run.file, "warning") {
        match rule.as_str() {
            "SARIF2005" => assert!(message.contains("informationUri"), "{message}"),
            "SARIF2017" => {
                let index: usize = message
                    .strip_prefix("runs[0].results[")
                    .and_then(|rest| rest.split(']').next())
                    .and_then(|index| index.parse().ok())
                    .unwrap_or_else(|| panic!("unexpected SARIF2017 warning: {message}"));
                let physical = &results[index]["locations"][0]["physicalLocation"];
                assert!(physical.get("region").is_none(), "{message}");
            }
            _ => panic!("unexpected warning {rule}: {message}"),
        }
    }
    // The only notification of the multitool's run is that SARIF2006 (which fetches every
    // URI of the log over the network) is turned off.
    for (id, level) in &validation.notifications {
        assert_eq!(
            (id.as_str(), level.as_str()),
            ("WRN999.RuleExplicitlyDisabled", "warning"),
            "the multitool reports a problem of its own run"
        );
    }
}

/// The title of every requirement of the shipped packs, by pack name and id, read from
/// their `.clause` files.
fn titles() -> BTreeMap<(String, String), String> {
    let mut titles = BTreeMap::new();
    for pack in fs::read_dir(workspace_root().join("rules")).unwrap() {
        let folder = pack.unwrap().path();
        let Ok(manifest) = fs::read_to_string(folder.join("pack.toml")) else {
            continue;
        };
        let name = manifest
            .lines()
            .find_map(|line| line.trim().strip_prefix("name = "))
            .unwrap()
            .trim_matches('"')
            .to_owned();
        for file in fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "clause") {
                continue;
            }
            for line in fs::read_to_string(&path).unwrap().lines() {
                let Some(rest) = line.strip_prefix("requirement ") else {
                    continue;
                };
                let Some((id, rest)) = rest.split_once(' ') else {
                    continue;
                };
                let Some(title) = rest.strip_prefix('"').and_then(|t| t.split('"').next()) else {
                    continue;
                };
                titles.insert((name.clone(), id.to_owned()), title.to_owned());
            }
        }
    }
    titles
}

/// A URI of the report as the file path it names: `file://` dropped and every `%XX`
/// decoded.
fn path_of(uri: &str) -> String {
    let rest = uri.strip_prefix("file://").unwrap_or(uri);
    let mut bytes = Vec::new();
    let mut input = rest.bytes();
    while let Some(byte) = input.next() {
        if byte == b'%' {
            let hex: String = input.by_ref().take(2).map(char::from).collect();
            bytes.push(u8::from_str_radix(&hex, 16).unwrap());
        } else {
            bytes.push(byte);
        }
    }
    String::from_utf8(bytes).unwrap()
}

/// The line and column of a data error or explanation item, as the JSON report gives them.
fn place(item: &Value) -> Option<(u64, u64)> {
    let line = item["line"].as_u64()?;
    Some((line, item["column"].as_u64().unwrap_or(1)))
}

fn region_of(location: &Value) -> Option<(u64, u64)> {
    let region = location["physicalLocation"].get("region")?;
    Some((
        region["startLine"].as_u64().unwrap(),
        region["startColumn"].as_u64().unwrap(),
    ))
}

/// Every fact of the SARIF log that the JSON report of the same run determines.
fn assert_matches_json(run: &Run) {
    let (sarif, report) = (&run.sarif, &run.json);
    assert_eq!(sarif["version"], "2.1.0");
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "clausier");
    assert_eq!(driver["version"], report["clausier"]);
    let rules = driver["rules"].as_array().unwrap();
    let results = runs[0]["results"].as_array().unwrap();
    let titles = titles();
    let own_pack = report["pack"]["name"].as_str().unwrap();

    // One result per failed or missing requirement, in the order of the JSON report.
    let mut expected = Vec::new();
    for descriptor in report["descriptors"].as_array().unwrap() {
        for result in descriptor["results"].as_array().unwrap() {
            let status = result["status"].as_str().unwrap_or_default();
            if result["kind"] == "requirement" && matches!(status, "fail" | "missing") {
                expected.push((descriptor, result));
            }
        }
    }
    assert!(!expected.is_empty());
    assert_eq!(
        results.len(),
        expected.len(),
        "one SARIF result per failed or missing requirement"
    );
    for (sarif_result, (descriptor, result)) in results.iter().zip(&expected) {
        let id = descriptor["id"].as_str().unwrap();
        let (pack, clause) = (
            result["pack"].as_str().unwrap(),
            result["clause"].as_str().unwrap(),
        );
        let rule_id = if pack == own_pack {
            clause.to_owned()
        } else {
            format!("{pack}::{clause}")
        };
        let context = format!("{id} {rule_id}");
        assert_eq!(sarif_result["ruleId"], rule_id.as_str(), "{context}");
        assert_eq!(sarif_result["properties"]["descriptor"], id, "{context}");
        assert_eq!(
            sarif_result["properties"]["status"], result["status"],
            "{context}"
        );
        // What excludes an offer is an error; a desirable requirement a warning; requested
        // information a note.
        let level = match result["level"].as_str() {
            Some("should") => "warning",
            Some("info") => "note",
            _ => "error",
        };
        assert_eq!(sarif_result["level"], level, "{context}");
        let message = sarif_result["message"]["text"].as_str().unwrap();
        assert!(message.contains(id), "{context}: {message}");

        // Its rule is the clause, named by the clause's title.
        let index = usize::try_from(sarif_result["ruleIndex"].as_u64().unwrap()).unwrap();
        let rule = &rules[index];
        assert_eq!(rule["id"], rule_id.as_str(), "{context}: ruleIndex");
        let title = &titles[&(pack.to_owned(), clause.to_owned())];
        assert_eq!(rule["name"], title.as_str(), "{context}");
        assert_eq!(
            rule["shortDescription"]["text"],
            title.as_str(),
            "{context}"
        );
        assert_eq!(rule["properties"]["pack"], pack, "{context}");

        // Located in the descriptor's file, where the first explained value is.
        let locations = sarif_result["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1, "{context}");
        let uri = locations[0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert_eq!(
            path_of(uri),
            descriptor["source"].as_str().unwrap(),
            "{context}"
        );
        let at = result["explanation"]
            .as_array()
            .unwrap()
            .iter()
            .find_map(place);
        assert_eq!(region_of(&locations[0]), at, "{context}");
    }

    // Every rule has a distinct id and is a requirement of the pack or of a dependency,
    // named by its title.
    for rule in rules {
        let pack = rule["properties"]["pack"].as_str().unwrap();
        let id = rule["id"].as_str().unwrap();
        let clause = id.rsplit("::").next().unwrap();
        let title = titles
            .get(&(pack.to_owned(), clause.to_owned()))
            .unwrap_or_else(|| panic!("rule {id} is no requirement of {pack}"));
        assert_eq!(rule["name"], title.as_str(), "{id}");
        assert_eq!(rule["shortDescription"]["text"], title.as_str(), "{id}");
    }
    let mut ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "rule ids are unique");

    // The data errors of each invalid descriptor are notifications of the run, located
    // in the descriptor's file.
    let notifications = runs[0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    let errors: Vec<(&Value, &Value)> = report["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["status"] == "invalid")
        .flat_map(|d| d["errors"].as_array().unwrap().iter().map(move |e| (d, e)))
        .collect();
    assert_eq!(notifications.len(), errors.len());
    for (notification, (descriptor, error)) in notifications.iter().zip(&errors) {
        assert_eq!(notification["descriptor"]["id"], error["code"]);
        let location = &notification["locations"][0];
        let uri = location["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert_eq!(path_of(uri), descriptor["source"].as_str().unwrap());
        assert_eq!(region_of(location), place(error));
    }
}

#[test]
fn the_national_example_is_valid_sarif_with_a_result_per_failure() {
    let run = check("rules/edtech-fr", &["examples/edtech-fr"]);
    assert_valid(&run);
    assert_matches_json(&run);
    // The run covers both statuses, both levels, located and unlocated results, an
    // invalid descriptor, and a pack with award criteria (which give no result).
    let results = run.sarif["runs"][0]["results"].as_array().unwrap();
    for (key, value) in [
        ("status", "fail"),
        ("status", "missing"),
        ("level", "error"),
        ("level", "warning"),
    ] {
        let found = results
            .iter()
            .any(|r| r[key] == value || r["properties"][key] == value);
        assert!(found, "no result with {key} {value}");
    }
    assert!(
        results
            .iter()
            .any(|r| region_of(&r["locations"][0]).is_some())
    );
    assert!(
        results
            .iter()
            .any(|r| region_of(&r["locations"][0]).is_none())
    );
    assert_eq!(run.json["summary"]["invalid"], 1);
    assert!(
        run.json["descriptors"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["kind"] == "criterion")
    );
    assert!(results.iter().all(|r| r["ruleId"] != "PRIX"));
    let nuage = results
        .iter()
        .find(|r| {
            r["properties"]["descriptor"] == "vendor-nuage-lointain" && r["ruleId"] == "HEB-01"
        })
        .unwrap();
    assert_eq!(
        nuage["locations"][0],
        json!({ "physicalLocation": {
            "artifactLocation": { "uri": "examples/edtech-fr/nuage-lointain.json" },
            "region": { "startLine": 6, "startColumn": 15 },
        }})
    );
}

#[test]
fn the_regional_example_is_valid_sarif_with_the_clauses_of_its_dependencies() {
    let run = check("rules/region-exemple", &["examples/region-exemple"]);
    assert_valid(&run);
    assert_matches_json(&run);
    let results = run.sarif["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"].as_str().unwrap().contains("::")),
        "some result comes from a clause of a dependency"
    );
    assert!(run.json["summary"]["invalid"].as_u64().unwrap() >= 1);
}

#[test]
fn absolute_paths_with_spaces_and_accents_are_file_uris() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("offres à vérifier");
    fs::create_dir(&folder).unwrap();
    let root = workspace_root();
    let copy = |from: &str, to: &str, id: &str| {
        let text = fs::read_to_string(root.join("examples/edtech-fr").join(from)).unwrap();
        let text = text.replacen(&format!("\"vendor-{}\"", &from[..from.len() - 5]), id, 1);
        fs::write(folder.join(to), text).unwrap();
    };
    copy(
        "nuage-lointain.json",
        "nuage lointain.json",
        "\"vendor-copie\"",
    );
    copy(
        "horloge-comtoise.json",
        "horloge cassée.json",
        "\"vendor-cassee\"",
    );
    let run = check("rules/edtech-fr", &[folder.to_str().unwrap()]);
    assert_valid(&run);
    assert_matches_json(&run);
    let results = run.sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("file:///"), "{uri}");
        assert!(
            uri.ends_with("/offres%20%C3%A0%20v%C3%A9rifier/nuage%20lointain.json"),
            "{uri}"
        );
    }
    assert_eq!(run.json["summary"]["invalid"], 1);
}

#[test]
fn the_validator_rejects_broken_logs() {
    type Edit = fn(&mut Value);
    let breakages: [(&str, Edit, &str); 3] = [
        (
            "no version",
            |log| {
                log.as_object_mut().unwrap().remove("version");
            },
            "JSON1002",
        ),
        (
            "a rule index past the end of the rules",
            |log| {
                let count = log["runs"][0]["tool"]["driver"]["rules"]
                    .as_array()
                    .unwrap()
                    .len();
                log["runs"][0]["results"][0]["ruleIndex"] = json!(count);
            },
            "SARIF1009",
        ),
        (
            "an absolute path as a relative reference",
            |log| {
                log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                    ["uri"] = json!("/srv/offres/nuage-lointain.json");
            },
            "SARIF1004",
        ),
    ];
    let run = check("rules/edtech-fr", &["examples/edtech-fr"]);
    let files: Vec<PathBuf> = breakages
        .iter()
        .enumerate()
        .map(|(index, (_, edit, _))| {
            let mut broken = run.sarif.clone();
            edit(&mut broken);
            let file = run.file.with_file_name(format!("broken-{index}.sarif"));
            fs::write(&file, serde_json::to_vec_pretty(&broken).unwrap()).unwrap();
            file
        })
        .collect();
    // The valid log is validated in the same run: only the broken ones have errors.
    let mut all: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    all.push(&run.file);
    let validation = validate(&all);
    for ((what, _, rule), file) in breakages.iter().zip(&files) {
        let errors = validation.errors(file);
        assert!(
            errors.iter().any(|f| f.rule == *rule),
            "the multitool should report {rule} for {what}; it reports {errors:#?}"
        );
    }
    assert!(validation.errors(&run.file).is_empty());
}

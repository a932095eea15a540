//! Readers of the formats written for programs: JSON and NDJSON (serde_json), CSV (the
//! `csv` crate), JUnit (quick-xml) and SARIF (serde_json).

use std::collections::BTreeSet;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use serde_json::Value;

use crate::{Row, Seen, Summary, Unmet, clause_name, two_decimals};

pub fn read(format: &str, own_pack: &str, output: &str) -> Seen {
    match format {
        "json" => json(output),
        "ndjson" => ndjson(output),
        "csv" => csv_report(output),
        "junit" => junit(own_pack, output),
        "sarif" => sarif(output),
        _ => panic!("no reader for {format}"),
    }
}

fn text<'a>(value: &'a Value, what: &str) -> &'a str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {value}"))
}

/// The rows and failures of the JSON report's descriptors.
pub fn descriptors(own_pack: &str, descriptors: &[Value]) -> Seen {
    let mut rows = Vec::new();
    let mut unmet = Unmet::new();
    for descriptor in descriptors {
        let id = text(&descriptor["id"], "an id").to_owned();
        rows.push(Row {
            id: id.clone(),
            status: text(&descriptor["status"], "a status").to_owned(),
            score: two_decimals(&descriptor["score"]),
            rank: descriptor["rank"].as_u64().map(|rank| rank.to_string()),
        });
        let results = descriptor["results"].as_array().expect("results");
        // Criteria have points, not a status.
        for result in results.iter().filter(|r| r["kind"] == "requirement") {
            let status = text(&result["status"], "a result's status");
            if matches!(status, "fail" | "missing") {
                let name = clause_name(
                    own_pack,
                    text(&result["pack"], "a pack"),
                    text(&result["clause"], "a clause"),
                );
                unmet
                    .entry(id.clone())
                    .or_default()
                    .insert((name, status.to_owned()));
            }
        }
    }
    Seen {
        rows: Some(rows),
        unmet: Some(unmet),
        ..Seen::default()
    }
}

pub fn summary(summary: &Value) -> Summary {
    ["total", "eligible", "ineligible", "incomplete", "invalid"]
        .map(|count| summary[count].as_u64().expect("a count in the summary"))
}

fn json(output: &str) -> Seen {
    let report: Value = serde_json::from_str(output).expect("the JSON report is JSON");
    let own_pack = text(&report["pack"]["name"], "the pack's name");
    let mut seen = descriptors(
        own_pack,
        report["descriptors"].as_array().expect("descriptors"),
    );
    seen.summary = Some(summary(&report["summary"]));
    seen
}

/// A line per descriptor, then a line with the pack and the summary.
fn ndjson(output: &str) -> Seen {
    let mut lines: Vec<Value> = output
        .lines()
        .map(|line| serde_json::from_str(line).expect("each NDJSON line is JSON"))
        .collect();
    let last = lines.pop().expect("the summary line");
    let own_pack = text(&last["pack"]["name"], "the pack's name");
    let mut seen = descriptors(own_pack, &lines);
    seen.summary = Some(summary(&last["summary"]));
    seen
}

/// A row per descriptor: id, source, status, score, rank, then a column per clause, the
/// requirements' holding their status and the criteria's their points.
fn csv_report(output: &str) -> Seen {
    let mut reader = csv::Reader::from_reader(output.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a CSV header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[..5], ["id", "source", "status", "score", "rank"]);
    let mut rows = Vec::new();
    let mut unmet = Unmet::new();
    for record in reader.records() {
        let record = record.expect("a CSV row");
        let cell = |index: usize| record.get(index).expect("a cell").to_owned();
        let present = |cell: String| (!cell.is_empty()).then_some(cell);
        let id = cell(0);
        rows.push(Row {
            id: id.clone(),
            status: cell(2),
            score: present(cell(3)),
            rank: present(cell(4)),
        });
        for (index, clause) in header.iter().enumerate().skip(5) {
            let value = cell(index);
            if matches!(value.as_str(), "fail" | "missing") {
                unmet
                    .entry(id.clone())
                    .or_default()
                    .insert((clause.clone(), value));
            }
        }
    }
    Seen {
        rows: Some(rows),
        unmet: Some(unmet),
        ..Seen::default()
    }
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .map(|attribute| attribute.expect("a well-formed attribute"))
        .find(|attribute| attribute.key.as_ref() == name)
        .map(|attribute| {
            attribute
                .normalized_value(XmlVersion::Explicit1_0)
                .expect("an attribute value")
                .into_owned()
        })
}

/// A suite per pack, a case per descriptor (`classname`) and requirement (`name`), with a
/// `<failure type="fail|missing">`, and an `<error type="invalid">` for an invalid
/// descriptor.
fn junit(own_pack: &str, output: &str) -> Seen {
    let mut reader = Reader::from_str(output);
    let mut suite = String::new();
    let mut case = (String::new(), String::new());
    let mut unmet = Unmet::new();
    let mut invalid = BTreeSet::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(element) | Event::Empty(element) => match element.name().as_ref() {
                "testsuite" => suite = attribute(&element, "name").expect("a suite name"),
                "testcase" => {
                    case = (
                        attribute(&element, "classname").expect("a classname"),
                        attribute(&element, "name").expect("a case name"),
                    );
                }
                "failure" => {
                    let kind = attribute(&element, "type").expect("a failure type");
                    unmet
                        .entry(case.0.clone())
                        .or_default()
                        .insert((clause_name(own_pack, &suite, &case.1), kind));
                }
                "error" => {
                    assert_eq!(attribute(&element, "type").as_deref(), Some("invalid"));
                    invalid.insert(case.0.clone());
                }
                _ => {}
            },
            _ => {}
        }
    }
    Seen {
        unmet: Some(unmet),
        invalid: Some(invalid),
        ..Seen::default()
    }
}

/// A result per failed or missing requirement, its rule the clause; the run's summary in
/// the run's properties.
fn sarif(output: &str) -> Seen {
    let log: Value = serde_json::from_str(output).expect("the SARIF log is JSON");
    let run = &log["runs"][0];
    let mut unmet = Unmet::new();
    for result in run["results"].as_array().expect("results") {
        let properties = &result["properties"];
        unmet
            .entry(text(&properties["descriptor"], "a descriptor").to_owned())
            .or_default()
            .insert((
                text(&result["ruleId"], "a rule id").to_owned(),
                text(&properties["status"], "a status").to_owned(),
            ));
    }
    Seen {
        unmet: Some(unmet),
        summary: Some(summary(&run["properties"]["summary"])),
        ..Seen::default()
    }
}

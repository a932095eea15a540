//! Values that could bend a verdict: amounts and percents out of their range are invalid
//! data located in the vendor's file, a `where` on a field states its range (checked,
//! formatted, in the JSON Schema), and a zero `lowest(…)` is said once for the run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test states its expectations"
)]

mod support;

use std::path::Path;

use serde_json::Value;
use support::clausier;

const PACK: &str = r#"
descriptor {
  id: string
  price: money
  rate: percent
  fees: list<money>
}

criterion PRIX "Prix" weight 60 {
  score lowest(price) / price
}

criterion ACC "Accessibilité" weight 40 {
  score rate
}
"#;

/// `clausier check` of `offers` (file name, content) against `pack`, with `extra`
/// arguments, from a temporary folder: the exit code, standard output and error.
fn check(pack: &str, offers: &[(&str, &str)], extra: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let pack_file = dir.path().join("pack.clause");
    std::fs::write(&pack_file, pack).unwrap();
    let mut args = vec![
        "check".to_owned(),
        path_text(&pack_file),
        "--date".to_owned(),
        "2026-11-28".to_owned(),
    ];
    for (name, content) in offers {
        let file = dir.path().join(name);
        std::fs::write(&file, content).unwrap();
        args.push(path_text(&file));
    }
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = clausier(&args);
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn path_text(path: &Path) -> String {
    path.to_str().unwrap().to_owned()
}

fn json_report(pack: &str, offers: &[(&str, &str)]) -> Value {
    let (code, stdout, stderr) = check(pack, offers, &["--format", "json"]);
    assert!(matches!(code, Some(0 | 1)), "check failed: {stderr}");
    serde_json::from_str(&stdout).expect("a JSON report")
}

fn descriptor<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no descriptor {id} in {report}"))
}

fn codes(descriptor: &Value) -> Vec<String> {
    descriptor["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_negative_price_is_invalid_where_the_vendor_wrote_it_and_takes_no_points() {
    let report = json_report(
        PACK,
        &[
            ("honest.json", r#"{"id": "honest", "price": 5, "rate": 80}"#),
            (
                "negative.json",
                "{\"id\": \"negative\",\n \"price\": -0.01, \"rate\": 80}",
            ),
        ],
    );
    let negative = descriptor(&report, "negative");
    assert_eq!(negative["status"], "invalid", "{negative}");
    let error = &negative["errors"][0];
    assert_eq!(error["code"], "D0608", "{error}");
    assert_eq!(error["path"], "price");
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(2), Some(11))
    );
    assert_eq!(error["help"], "`price` must be at least 0 €");
    let honest = descriptor(&report, "honest");
    assert_eq!(honest["status"], "eligible");
    assert_eq!(honest["score"], 92.0, "{honest}");
}

#[test]
fn percents_beyond_100_or_below_0_are_invalid() {
    for (rate, id) in [("250", "above"), ("-50", "below"), ("\"250%\"", "text")] {
        let offer = format!(r#"{{"id": "{id}", "price": 5, "rate": {rate}}}"#);
        let report = json_report(PACK, &[("offer.json", &offer)]);
        let offer = descriptor(&report, id);
        assert_eq!(offer["status"], "invalid", "{offer}");
        assert_eq!(codes(offer), ["D0608"]);
        assert_eq!(offer["errors"][0]["help"], "`rate` must be from 0% to 100%");
    }
}

#[test]
fn every_input_format_and_list_element_is_bounded() {
    let offers = [
        ("a.yaml", "id: yaml\nprice: -1\n"),
        ("b.toml", "id = \"toml\"\nprice = -1\n"),
        ("c.csv", "id,price\ncsv,-1\n"),
        ("d.ndjson", "{\"id\": \"ndjson\", \"price\": -1}\n"),
        ("e.json", r#"{"id": "list", "fees": [1, -2]}"#),
    ];
    let report = json_report(PACK, &offers);
    for id in ["yaml", "toml", "csv", "ndjson", "list"] {
        let offer = descriptor(&report, id);
        assert_eq!(offer["status"], "invalid", "{offer}");
        assert_eq!(codes(offer), ["D0608"], "{offer}");
    }
    assert_eq!(descriptor(&report, "list")["errors"][0]["path"], "fees[1]");
}

#[test]
fn the_streamed_report_refuses_what_the_whole_report_refuses() {
    let (code, stdout, stderr) = check(
        PACK,
        &[(
            "offers.ndjson",
            "{\"id\": \"ok\", \"price\": 5}\n{\"id\": \"negative\", \"price\": -3}\n",
        )],
        &["--format", "ndjson"],
    );
    assert_eq!(code, Some(1), "{stderr}");
    let negative = stdout
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .find(|line| line["id"] == "negative")
        .unwrap();
    assert_eq!(negative["status"], "invalid", "{negative}");
}

const BOUNDED: &str = r#"
descriptor {
  id: string
  price: money where >= 0.01 €
  adjustment: money where >= -100 €
  growth: percent where <= 300%
  months: int where >= 1 and <= 12
  ratio: number where > 0 and < 1
}
"#;

#[test]
fn a_where_states_the_range_and_replaces_the_default_on_its_side() {
    let report = json_report(
        BOUNDED,
        &[
            (
                "ok.json",
                r#"{"id": "ok", "price": 0.01, "adjustment": -100, "growth": 250, "months": 12, "ratio": 0.5}"#,
            ),
            ("free.json", r#"{"id": "free", "price": 0}"#),
            ("low.json", r#"{"id": "low", "adjustment": -100.01}"#),
            (
                "negative-growth.json",
                r#"{"id": "negative-growth", "growth": -1}"#,
            ),
            ("months.json", r#"{"id": "months", "months": 13}"#),
            ("ratio.json", r#"{"id": "ratio", "ratio": 1}"#),
        ],
    );
    assert_eq!(descriptor(&report, "ok")["status"], "eligible");
    let expected = [
        ("free", "`price` must be at least 0.01 €"),
        ("low", "`adjustment` must be at least -100 €"),
        ("negative-growth", "`growth` must be from 0% to 300%"),
        ("months", "`months` must be from 1 to 12"),
        ("ratio", "`ratio` must be more than 0 and less than 1"),
    ];
    for (id, help) in expected {
        let offer = descriptor(&report, id);
        assert_eq!(offer["status"], "invalid", "{offer}");
        assert_eq!(offer["errors"][0]["help"], help, "{offer}");
    }
}

#[test]
fn the_json_schema_gives_the_ranges() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack.clause");
    std::fs::write(
        &pack,
        format!("{BOUNDED}\ndescriptor {{ rate: percent, fees: list<money> }}\n"),
    )
    .unwrap();
    let output = clausier(&["schema", pack.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
    let properties = &schema["properties"];
    let price = &properties["price"]["else"]["anyOf"][0];
    assert_eq!(
        (price["$ref"].as_str(), &price["minimum"]),
        (Some("#/$defs/money"), &Value::from(0.01))
    );
    assert_eq!(
        properties["adjustment"]["else"]["anyOf"][0]["minimum"],
        -100
    );
    let growth = &properties["growth"]["else"]["anyOf"][0];
    assert_eq!(
        (&growth["minimum"], &growth["maximum"]),
        (&Value::from(0), &Value::from(300))
    );
    let months = &properties["months"]["else"];
    assert_eq!(
        (&months["minimum"], &months["maximum"]),
        (&Value::from(1), &Value::from(12))
    );
    let ratio = &properties["ratio"]["else"];
    assert_eq!(
        (&ratio["exclusiveMinimum"], &ratio["exclusiveMaximum"]),
        (&Value::from(0), &Value::from(1))
    );
    let rate = &properties["rate"]["else"]["anyOf"][0];
    assert_eq!(
        (&rate["minimum"], &rate["maximum"]),
        (&Value::from(0), &Value::from(100))
    );
    assert_eq!(properties["fees"]["else"]["items"]["minimum"], 0);
}

#[test]
fn a_bound_of_the_wrong_type_or_that_no_value_meets_does_not_compile() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack.clause");
    std::fs::write(
        &pack,
        "descriptor {\n  a: percent where >= 0.5\n  b: string where >= 1\n  c: percent where >= 150%\n  d: int where >= 1 and >= 2\n  e: money where >= 5 € and < 5 €\n}\n",
    )
    .unwrap();
    let output = clausier(&["validate", pack.to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stdout).unwrap();
    let messages: Vec<String> = serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap_or_else(|| panic!("{text}"))
        .iter()
        .filter(|d| d["code"] == "E0311")
        .map(|d| d["message"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        messages,
        [
            "the bound of `a` is not a `percent`",
            "the field `b` is a `string`, whose values have no bounds",
            "no value of `c` can satisfy its bounds",
            "the field `d` has two lower bounds",
            "no value of `e` can satisfy its bounds",
        ],
        "{text}"
    );
}

#[test]
fn the_formatter_prints_bounds_canonically() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pack.clause");
    std::fs::write(
        &file,
        "descriptor {\n  price: money   where>=0.01€\n  n: int where >=1   and<= 12\n  d: money where >= -100 EUR\n}\n",
    )
    .unwrap();
    let output = clausier(&["fmt", file.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "descriptor {\n  price: money where >= 0.01 €\n  n: int where >= 1 and <= 12\n  d: money where >= -100 EUR\n}\n"
    );
}

#[test]
fn a_zero_lowest_price_is_a_run_warning_naming_the_criterion() {
    let offers = [
        ("free.json", r#"{"id": "free", "price": 0, "rate": 50}"#),
        ("paid.json", r#"{"id": "paid", "price": 5, "rate": 50}"#),
    ];
    let report = json_report(PACK, &offers);
    let warnings = report["warnings"]
        .as_array()
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(warnings.len(), 1, "{report}");
    assert_eq!(warnings[0]["code"], "R0704");
    assert_eq!(warnings[0]["criterion"], "PRIX");
    assert!(
        warnings[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("`lowest(price)` is 0.00 € over the eligible offers"),
        "{report}"
    );
    let (_, human, _) = check(PACK, &offers, &["--lang", "en"]);
    assert!(
        human
            .lines()
            .any(|line| line.starts_with("warning[R0704]: PRIX: `lowest(price)` is 0.00 €")),
        "{human}"
    );
    let (_, streamed, _) = check(
        PACK,
        &[(
            "offers.ndjson",
            "{\"id\": \"free\", \"price\": 0}\n{\"id\": \"paid\", \"price\": 5}\n",
        )],
        &["--format", "json"],
    );
    let streamed: Value = serde_json::from_str(&streamed).unwrap();
    assert_eq!(streamed["warnings"][0]["criterion"], "PRIX", "{streamed}");
}

#[test]
fn a_run_without_a_zero_aggregate_has_no_warnings_field() {
    let report = json_report(PACK, &[("paid.json", r#"{"id": "paid", "price": 5}"#)]);
    assert!(report.get("warnings").is_none(), "{report}");
}

#[test]
fn a_rule_that_wants_an_empty_list_says_so_in_words() {
    let pack = r#"
descriptor {
  id: string
  lock_in: list<string>
}

requirement ENF-01 "Aucun signe d'enfermement" {
  require lock_in == []
}
"#;
    let offer = r#"{ "id": "a", "lock_in": ["format propriétaire"] }"#;
    for (lang, expected) in [
        ("fr", "l'exigence attend une liste vide"),
        ("en", "the requirement expects an empty list"),
    ] {
        let (code, stdout, stderr) = check(pack, &[("a.json", offer)], &["--lang", lang]);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stdout.contains(expected), "{lang}:\n{stdout}");
    }
}

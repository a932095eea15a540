//! The fast path gives exactly what the located path gives, or leaves the descriptor to
//! it: same ids, values, problems and locations (counted from the ranges it recorded).

use clausier_check::types::{
    EnumDef, EnumId, FieldDef, Origin, RecordDef, RecordId, Schema, Ty, VariantDef,
};
use indexmap::IndexMap;
use proptest::prelude::*;

use super::json_files::{self, Line, Shared};
use super::{Format, LoadOptions, fast_json, load_ndjson_line, load_text};
use crate::descriptor::Descriptor;

const REGION: EnumId = EnumId(0);
const HOSTING: RecordId = RecordId(1);
const SUBPROCESSOR: RecordId = RecordId(2);

fn field(ty: Ty) -> FieldDef {
    FieldDef {
        ty,
        docs: String::new(),
        origin: Origin::default(),
        declared_bounds: Default::default(),
    }
}

fn record(name: Option<&str>, fields: Vec<(&str, Ty)>) -> RecordDef {
    RecordDef {
        name: name.map(str::to_owned),
        fields: fields
            .into_iter()
            .map(|(name, ty)| (name.to_owned(), field(ty)))
            .collect(),
    }
}

fn schema() -> Schema {
    let descriptor = record(
        Some("descriptor"),
        vec![
            ("id", Ty::String),
            ("name", Ty::String),
            ("seats", Ty::Int),
            ("rating", Ty::Number),
            ("launched", Ty::Date),
            ("hosting", Ty::Record(HOSTING)),
            (
                "subprocessors",
                Ty::List(Box::new(Ty::Record(SUBPROCESSOR))),
            ),
            ("rate", Ty::Percent),
            ("price", Ty::Money),
            ("notice", Ty::Duration),
            ("opens", Ty::Time),
            ("incident", Ty::DateTime),
            ("standards", Ty::Set(Box::new(Ty::String))),
            ("sizes", Ty::Set(Box::new(Ty::Int))),
            ("regions", Ty::List(Box::new(Ty::Enum(REGION)))),
            ("broken", Ty::Error),
        ],
    );
    let hosting = record(
        None,
        vec![
            ("region", Ty::Enum(REGION)),
            ("country", Ty::String),
            ("secnumcloud", Ty::Bool),
        ],
    );
    let subprocessor = record(
        Some("Subprocessor"),
        vec![("name", Ty::String), ("region", Ty::Enum(REGION))],
    );
    let variant = |name: &str| VariantDef {
        name: name.to_owned(),
        docs: String::new(),
        origin: Origin::default(),
    };
    Schema {
        enums: vec![EnumDef {
            name: "Region".to_owned(),
            docs: String::new(),
            origin: Origin::default(),
            variants: ["EU", "EEA", "ADEQUATE", "OTHER"]
                .into_iter()
                .map(variant)
                .collect(),
        }],
        records: vec![descriptor, hosting, subprocessor],
        descriptor: RecordId(0),
        aliases: IndexMap::new(),
        lots: Vec::new(),
    }
}

/// The descriptor of `text` as NDJSON line 3 at byte 40, both ways, and whether the fast
/// path read it.
fn both_ways(schema: &Schema, text: &str, strict: bool) -> (Descriptor, Descriptor, bool) {
    let options = LoadOptions { strict };
    let line = Line {
        number: 3,
        byte_offset: 40,
        raw: text,
    };
    let shared = Shared::keeping(schema);
    let either = json_files::ndjson_line(schema, "v.ndjson", "v", line, &options, &shared);
    let body = text.strip_suffix('\r').unwrap_or(text);
    let fast = fast_json::read(schema, body).is_some();
    let located = json_files::ndjson_line_located(schema, "v.ndjson", "v", line, &options, true);
    (either, located, fast)
}

fn assert_same(text: &str, strict: bool) -> bool {
    let schema = schema();
    let (either, located, fast) = both_ways(&schema, text, strict);
    assert_eq!(either, located, "{text}");
    if fast {
        assert!(
            located.problems.is_empty(),
            "read fast despite problems: {text}"
        );
    }
    if std::env::var_os("FAST_PATH_STATS").is_some() {
        let first = located
            .problems
            .first()
            .map(|problem| problem.message.text(clausier_diagnostics::Lang::En));
        eprintln!("{} {text} {first:?}", if fast { "FAST" } else { "SLOW" });
    }
    // As a JSON file too.
    let options = LoadOptions { strict };
    let shared = Shared::keeping(&schema);
    let file = json_files::json_file(&schema, "v.json", text, &options, &shared);
    let file_located = json_files::json_file_located(&schema, "v.json", text, &options, true);
    assert_eq!(file, file_located, "{text}");
    fast
}

#[test]
fn clean_data_is_read_fast_with_the_same_values_and_locations() {
    let text = r#"{"id": " v-1 ", "name": "Écrivain \"é\" \u00e9\ud83d\ude00", "seats": 1.0e2,
        "rating": 0.10, "launched": "2027-06-30", "rate": "87.5 %", "price": 5.50,
        "notice": "P6M", "standards": ["a", "b", "a"], "sizes": [1, 1.0, 10e-1, 2],
        "regions": ["EU", "EU"], "broken": {"x": [1, {"y": null}]},
        "hosting": {"region": "EEA", "country": "FR", "secnumcloud": false},
        "subprocessors": [{"name": "s", "region": "OTHER"}, {}], "rate": 1}"#
        .replace('\n', " ");
    // `rate` twice: the located path reads it.
    assert!(!assert_same(&text, false));
    let text = text.replace(", \"rate\": 1}", "}");
    assert!(assert_same(&text, false));
    let schema = schema();
    let (either, _, _) = both_ways(&schema, &text, false);
    assert_eq!(either.id, "v-1");
    let root = either.root.as_ref().unwrap();
    let price = root.get(8).unwrap();
    assert_eq!(
        price,
        &clausier_check::value::Value::Money(rust_decimal::Decimal::new(550, 2))
    );
    // An undeclared field is a warning (an error under `--strict`) that the located path
    // gives.
    let with_extra = text.replacen('{', "{\"extra\": [true], ", 1);
    assert!(!assert_same(&with_extra, false));
    assert!(!assert_same(&with_extra, true));
}

#[test]
fn anything_the_located_path_would_report_is_left_to_it() {
    let cases = [
        r#"{"seats": "12"}"#,
        r#"{"seats": 1.5}"#,
        r#"{"rating": 1e400}"#,
        r#"{"rating": 00.1}"#,
        r#"{"rating": .1}"#,
        r#"{"rating": +1}"#,
        r#"{"rating": 1.}"#,
        r#"{"launched": "2027-02-30"}"#,
        r#"{"hosting": {"region": "eu"}}"#,
        r#"{"hosting": {"region": "Region.EU"}}"#,
        r#"{"hosting": {"region": 1}}"#,
        r#"{"hosting": []}"#,
        r#"{"regions": ["EU", null]}"#,
        r#"{"name": "a", "name": "b"}"#,
        r#"{"extra": 1, "extra": 2}"#,
        r#"{"name": "a" // comment
        }"#,
        r#"{"name": "a" /* comment */}"#,
        r#"{"name": "a",}"#,
        r#"{"name": 'a'}"#,
        r#"{name: "a"}"#,
        r#"{"name": "a"} {}"#,
        r#"{"name": "lone \ud800"}"#,
        "{\"name\": \"tab\there\"}",
        "\u{feff}{\"name\": \"a\"}",
        "{\"name\":\u{a0}\"a\"}",
        "{\"name\": \"a\"}\u{b}",
        "[]",
        "null",
        "",
        "{\"name\": \"a\"",
        "{\"seats\": NaN}",
        "{\"seats\": -Infinity}",
        "{\"seats\": 0x10}",
        "{\"seats\": truex}",
    ];
    for text in cases {
        assert!(!assert_same(text, false), "read fast: {text}");
    }
}

#[test]
fn deep_data_is_left_to_the_located_path() {
    let depth = super::node::MAX_DEPTH + 5;
    let text = format!(
        "{{\"broken\": {}1{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert!(!assert_same(&text, false));
    let text = format!("{{\"broken\": {}1{}}}", "[".repeat(3), "]".repeat(3));
    assert!(assert_same(&text, false));
}

#[test]
fn a_line_with_a_bom_and_a_carriage_return_reads_the_same_alone_and_in_its_file() {
    let schema = schema();
    let options = LoadOptions::default();
    let text = "\u{feff}{\"name\": \"a\", \"seats\": 2}\r\n\n  \n{\"hosting\": {\"region\": \"XX\"}}\r\n{\"seats\": 3}";
    let whole = load_text(&schema, "dir/v.ndjson", text, Format::Ndjson, &options);
    let mut offset = 0;
    let mut alone = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        let body = if offset == 0 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        if !body.trim().is_empty() {
            let number = u32::try_from(index + 1).unwrap();
            let descriptor =
                load_ndjson_line(&schema, "dir/v.ndjson", number, offset, line, &options);
            alone.push(descriptor);
        }
        offset += line.len() + 1;
    }
    assert_eq!(whole, alone);
    assert_eq!(whole.len(), 3);
    assert_eq!(whole[0].id, "v:1");
    // The byte order mark counts as one column, as the located path counts it.
    let loc = whole[0]
        .locations
        .get(&[crate::descriptor::PathStep::Field(1)])
        .unwrap();
    assert_eq!((loc.line, loc.column, loc.span.start), (1, 11, 12));
    let loc = whole[2]
        .locations
        .get(&[crate::descriptor::PathStep::Field(2)])
        .unwrap();
    assert_eq!((loc.line, loc.column), (5, 11));
    let loc = alone[2]
        .locations
        .get(&[crate::descriptor::PathStep::Field(2)])
        .unwrap();
    assert_eq!((loc.line, loc.column, loc.span.start), (5, 11, 75));
    assert_eq!(whole[1].problems[0].loc.unwrap().line, 4);
}

#[test]
fn the_fast_reader_alone_refuses_what_it_cannot_vouch_for() {
    let schema = schema();
    assert!(fast_json::read(&schema, r#"{"name": "n"}"#).is_some());
    // A declared `id` of the wrong type is a type error.
    assert!(fast_json::read(&schema, r#"{"id": 5}"#).is_none());
    assert!(fast_json::read(&schema, r#"{"id": "x", "id": "y"}"#).is_none());
    let read = fast_json::read(&schema, r#"{"name": "n", "id": "  "}"#).unwrap();
    assert_eq!(read.id, None);
}

#[test]
fn surrogates_and_escapes_are_decoded_as_the_located_path_decodes_them() {
    let cases = [
        r#"{"name": "\udc00 trailing alone"}"#,
        r#"{"name": "\ud800\u0041"}"#,
        r#"{"name": "\ud800\n"}"#,
        r#"{"name": "\ud800x"}"#,
        r#"{"name": "\ud800"}"#,
        r#"{"name": "\u12"}"#,
        r#"{"name": "\u12g4"}"#,
        r#"{"name": "\x41"}"#,
        r#"{"name": "\'"}"#,
        r#"{"extra": "\ud800"}"#,
        r#"{"extra": {"k\ud800": 1}}"#,
        r#"{"broken": ["\udfff"]}"#,
        r#"{"hosting": {"country": "\ud800", "region": "EU"}}"#,
    ];
    for text in cases {
        assert!(!assert_same(text, false), "read fast: {text}");
    }
    let cases = [
        r#"{"name": "\ud83d\ude00 \uD83D\uDE00 \u00e9\u0000\/\b\f\r"}"#,
        r#"{"na\u006de": "escaped key"}"#,
        r#"{"broken": {"\ud83d\ude00": "\u20ac"}, "name": "\u0041"}"#,
    ];
    for text in cases {
        assert!(assert_same(text, false), "left to the located path: {text}");
    }
    // The same key written two ways is one key.
    assert!(!assert_same(r#"{"name": "a", "na\u006de": "b"}"#, false));
    assert!(!assert_same(r#"{"extra": 1, "ext\u0072a": 2}"#, false));
}

#[test]
fn values_out_of_bounds_are_left_to_the_located_path() {
    for text in [
        r#"{"price": -0.01}"#,
        r#"{"rate": 250}"#,
        r#"{"rate": "-50 %"}"#,
    ] {
        assert!(!assert_same(text, false), "read fast: {text}");
    }
    assert!(assert_same(r#"{"price": 0, "rate": 100}"#, false));
}

#[test]
fn numbers_keep_every_digit() {
    let schema = schema();
    let exact = "0.1000000000000000000000000001";
    let text = format!(r#"{{"rating": {exact}, "price": 12345678901234567890.5}}"#);
    assert!(assert_same(&text, false));
    let read = fast_json::read(&schema, &text).unwrap();
    let expected = rust_decimal::Decimal::from_str_exact(exact).unwrap();
    assert_eq!(
        read.root.get(3),
        Some(&clausier_check::value::Value::Number(expected))
    );
    let long = "9".repeat(5000);
    let cases = [
        format!(r#"{{"extra": {long}}}"#),
        format!(r#"{{"rating": {long}}}"#),
        format!(r#"{{"rating": 0.{long}}}"#),
        format!(r#"{{"broken": [1e{long}]}}"#),
        r#"{"rating": 1e-400}"#.to_owned(),
        r#"{"rating": 123456789012345678901234567890}"#.to_owned(),
        r#"{"seats": 99999999999999999999999999999999}"#.to_owned(),
        r#"{"rating": -0}"#.to_owned(),
        r#"{"rating": -}"#.to_owned(),
        r#"{"rating": -01}"#.to_owned(),
        r#"{"rating": 1e+}"#.to_owned(),
        r#"{"rating": 1.5.2}"#.to_owned(),
        r#"{"rating": 1x}"#.to_owned(),
    ];
    for text in &cases {
        assert_same(text, false);
    }
}

#[test]
fn whitespace_outside_json_and_nesting_inside_values_are_left_to_the_located_path() {
    let cases = [
        "{\"name\":\u{c}\"a\"}",
        "{\"name\": \"a\"}\u{0}",
        "{\"name\": \"a\"}\u{2028}",
        "{\"name\": \"a\"}\u{feff}",
    ];
    for text in cases {
        assert!(!assert_same(text, false), "read fast: {text}");
    }
    // Nesting counts from the top of the descriptor, also within a skipped value.
    let depth = super::node::MAX_DEPTH - 2;
    let nested = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    for text in [
        format!(r#"{{"hosting": {{"extra": {nested}}}}}"#),
        format!(r#"{{"subprocessors": [{{"extra": {nested}}}]}}"#),
        format!(r#"{{"broken": {{"a": {nested}}}}}"#),
    ] {
        assert!(!assert_same(&text, false), "read fast: {text}");
    }
    let nested = format!("{}{{}}{}", "[{\"a\": ".repeat(60), "}]".repeat(60));
    assert!(assert_same(&format!(r#"{{"broken": {nested}}}"#), false));
}

/// A number as JSON writes it, or nearly.
fn number_text() -> impl Strategy<Value = String> {
    let int = prop_oneof![
        4 => Just("0".to_owned()),
        16 => "[1-9][0-9]{0,3}",
        2 => "[1-9][0-9]{20,34}",
        1 => "0[0-9]{1,2}",
    ];
    let frac = prop::option::weighted(
        0.5,
        prop_oneof![12 => "\\.[0-9]{1,6}0{0,4}", 1 => Just(".".to_owned())],
    );
    let exp = prop::option::weighted(
        0.2,
        prop_oneof![12 => "[eE][+-]?[0-9]{1,3}", 1 => Just("e".to_owned())],
    );
    let sign = prop_oneof![30 => Just(""), 10 => Just("-"), 1 => Just("+")];
    (sign, int, frac, exp).prop_map(|(sign, int, frac, exp)| {
        format!(
            "{sign}{int}{}{}",
            frac.unwrap_or_default(),
            exp.unwrap_or_default()
        )
    })
}

fn string_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        60 => "[a-zA-Z0-9 .%€é-]{1,5}",
        3 => Just("\\\"".to_owned()),
        3 => Just("\\\\".to_owned()),
        3 => Just("\\/".to_owned()),
        3 => Just("\\n".to_owned()),
        3 => Just("\\t".to_owned()),
        3 => Just("\\u00e9".to_owned()),
        3 => Just("\\u20AC".to_owned()),
        3 => Just("\\ud83d\\ude00".to_owned()),
        3 => Just("\\u0000".to_owned()),
        1 => Just("\\ud800".to_owned()),
        1 => Just("\\x41".to_owned()),
        1 => Just("\t".to_owned()),
    ];
    prop::collection::vec(piece, 0..4).prop_map(|pieces| format!("\"{}\"", pieces.concat()))
}

fn any_value() -> BoxedStrategy<String> {
    prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        number_text(),
        string_text(),
        Just("[1, \"a\", null]".to_owned()),
        Just("{\"a\": {\"b\": []}}".to_owned()),
        Just("\"EU\"".to_owned()),
        Just("\"2027-06-30\"".to_owned()),
    ]
    .boxed()
}

fn valid_value(schema: &Schema, ty: &Ty) -> BoxedStrategy<String> {
    match ty {
        Ty::Bool => prop_oneof![Just("true".to_owned()), Just("false".to_owned())].boxed(),
        Ty::Int => prop_oneof![
            8 => "-?[1-9][0-9]{0,5}(\\.0{1,3})?",
            1 => number_text(),
        ]
        .boxed(),
        Ty::Number => number_text().boxed(),
        Ty::Percent => prop_oneof![
            4 => number_text(),
            4 => number_text().prop_map(|n| format!("\"{n}%\"")),
            1 => Just("\"87,5 %\"".to_owned()),
        ]
        .boxed(),
        Ty::Money => prop_oneof![
            number_text(),
            number_text().prop_map(|n| format!("\"{n} €\"")),
            number_text().prop_map(|n| format!("\"{n}EUR\"")),
        ]
        .boxed(),
        Ty::Date => prop_oneof![
            8 => Just("\"2027-06-30\"".to_owned()),
            8 => Just("\"2028-02-29\"".to_owned()),
            1 => Just("\"2027-02-29\"".to_owned()),
            1 => Just("\"30/06/2027\"".to_owned()),
        ]
        .boxed(),
        Ty::Time => prop_oneof![
            8 => Just("\"08:30\"".to_owned()),
            8 => Just("\"23:59:59\"".to_owned()),
            1 => Just("\"8h30\"".to_owned()),
            1 => Just("\"24:00\"".to_owned()),
        ]
        .boxed(),
        Ty::DateTime => prop_oneof![
            8 => Just("\"2027-01-04T08:30\"".to_owned()),
            8 => Just("\"2028-02-29T23:59:59\"".to_owned()),
            1 => Just("\"2027-01-04T08:30Z\"".to_owned()),
            1 => Just("\"2027-01-04 08:30\"".to_owned()),
        ]
        .boxed(),
        Ty::Duration => prop_oneof![
            8 => Just("\"P6M\"".to_owned()),
            8 => Just("\"1 an et 6 mois\"".to_owned()),
            1 => Just("\"P\"".to_owned()),
        ]
        .boxed(),
        Ty::String => string_text().boxed(),
        Ty::Enum(_) => prop_oneof![
            8 => Just("\"EU\"".to_owned()),
            8 => Just("\"OTHER\"".to_owned()),
            1 => Just("\"eu\"".to_owned()),
            1 => Just("\"Region.EEA\"".to_owned()),
        ]
        .boxed(),
        Ty::List(element) | Ty::Set(element) => prop::collection::vec(value(schema, element), 0..4)
            .prop_map(|items| format!("[{}]", items.join(", ")))
            .boxed(),
        Ty::Record(id) => record_text(schema, *id),
        // A descriptor holds no map (E0320).
        Ty::Map(..) | Ty::Error => any_value(),
    }
}

/// Mostly a value of the type, sometimes anything.
fn value(schema: &Schema, ty: &Ty) -> BoxedStrategy<String> {
    prop_oneof![40 => valid_value(schema, ty), 1 => any_value()].boxed()
}

fn record_text(schema: &Schema, id: RecordId) -> BoxedStrategy<String> {
    let def = schema.record(id).unwrap();
    let fields: Vec<BoxedStrategy<Option<(String, String)>>> = def
        .fields
        .iter()
        .map(|(name, field)| {
            let name = name.clone();
            prop::option::weighted(0.6, value(schema, &field.ty))
                .prop_map(move |value| value.map(|value| (name.clone(), value)))
                .boxed()
        })
        .collect();
    let keys = prop_oneof![
        Just("extra".to_owned()),
        Just("id".to_owned()),
        Just("name".to_owned()),
        Just("rate".to_owned())
    ];
    let extra = prop::option::weighted(0.1, (keys, any_value()));
    let blank = prop_oneof![4 => Just(""), 2 => Just(" "), 1 => Just("\n "), 1 => Just("\t")];
    (fields, extra, blank)
        .prop_flat_map(|(fields, extra, blank)| {
            let mut entries: Vec<(String, String)> = fields.into_iter().flatten().collect();
            entries.extend(extra);
            Just(entries).prop_shuffle().prop_map(move |entries| {
                let entries: Vec<String> = entries
                    .iter()
                    .map(|(key, value)| format!("{blank}\"{key}\"{blank}:{blank}{value}"))
                    .collect();
                format!("{{{}{blank}}}", entries.join(","))
            })
        })
        .boxed()
}

fn descriptor_text() -> BoxedStrategy<String> {
    let schema = schema();
    let odd = prop_oneof![
        40 => Just(("", "")),
        1 => Just(("", " x")),
        1 => Just(("", ",")),
        1 => Just(("\u{feff}", "")),
        1 => Just(("", " // note")),
        1 => Just((" ", "\r")),
    ];
    (record_text(&schema, RecordId(0)), odd)
        .prop_map(|(text, (before, after))| format!("{before}{text}{after}"))
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn fast_and_located_paths_agree(text in descriptor_text(), strict in any::<bool>()) {
        assert_same(&text, strict);
    }

    #[test]
    fn a_whole_file_reads_as_its_lines_do(lines in prop::collection::vec(descriptor_text(), 0..5)) {
        let text = lines
            .iter()
            .map(|line| line.replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\n");
        let schema = schema();
        let options = LoadOptions::default();
        let whole = load_text(&schema, "v.ndjson", &text, Format::Ndjson, &options);
        // Lines end at `\n` or at a `\r` that no `\n` follows.
        let bytes = text.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0;
        for at in 0..=bytes.len() {
            let ends = match bytes.get(at) {
                None | Some(b'\n') => true,
                Some(b'\r') => bytes.get(at + 1) != Some(&b'\n'),
                Some(_) => false,
            };
            if ends {
                lines.push((start, &text[start..at]));
                start = at + 1;
            }
        }
        let mut alone = Vec::new();
        for (index, (offset, line)) in lines.into_iter().enumerate() {
            let body = if offset == 0 { line.trim_start_matches('\u{feff}') } else { line };
            if !body.trim().is_empty() {
                let number = u32::try_from(index + 1).unwrap();
                alone.push(load_ndjson_line(&schema, "v.ndjson", number, offset, line, &options));
            }
        }
        prop_assert_eq!(whole, alone);
    }
}

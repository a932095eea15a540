//! The top-level `lots` key: which lots of the contract an offer bids for, read in every
//! format, and refused when a pack divided into lots cannot tell where the offer goes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_data::load::{Format, LoadOptions, load_text};
use insta::assert_snapshot;
use load_support::{render, schema, schema_with_lots};

fn load_lots(source: &str, text: &str, format: Format) -> String {
    let descriptors = load_text(
        &schema_with_lots(),
        source,
        text,
        format,
        &LoadOptions::default(),
    );
    render(&descriptors)
}

#[test]
fn every_format_reads_the_lots_of_an_offer_in_the_order_of_the_pack() {
    let cases = [
        (
            "a.json",
            r#"{"id": "a", "lots": ["2", "1", "2"], "seats": 3}"#,
            Format::Json,
        ),
        // A value of the wrong type elsewhere leaves JSON to the located reader.
        (
            "b.json",
            r#"{"id": "b", "lots": "2", "seats": "x"}"#,
            Format::Json,
        ),
        ("c.yaml", "id: c\nlots: [2, 1]\n", Format::Yaml),
        ("d.yaml", "id: d\nlots: 1\n", Format::Yaml),
        ("e.toml", "id = \"e\"\nlots = [\"1\"]\n", Format::Toml),
        ("f.csv", "id,lots,seats\nf,2; 1,3\ng,1,4\n", Format::Csv),
        ("h.tsv", "id\tlots\nh\t2\n", Format::Tsv),
        (
            "i.ndjson",
            "{\"id\": \"i\", \"lots\": [\"1\"]}\n{\"id\": \"j\", \"lots\": \"2\"}\n",
            Format::Ndjson,
        ),
    ];
    let mut out = String::new();
    for (source, text, format) in cases {
        out.push_str(&load_lots(source, text, format));
    }
    assert_snapshot!(out);
}

#[test]
fn an_offer_naming_no_lot_or_an_unknown_lot_is_invalid_with_its_place() {
    let cases = [
        (
            "none.json",
            "{\n  \"id\": \"none\",\n  \"seats\": 3\n}\n",
            Format::Json,
        ),
        ("empty.json", r#"{"id": "empty", "lots": []}"#, Format::Json),
        (
            "unknown.json",
            "{\n  \"id\": \"unknown\",\n  \"lots\": [\"1\", \"3\"]\n}\n",
            Format::Json,
        ),
        (
            "title.yaml",
            "id: title\nlots: Espace numérique de travail (ENT)\n",
            Format::Yaml,
        ),
        (
            "number.json",
            r#"{"id": "number", "lots": [1]}"#,
            Format::Json,
        ),
        ("null.toml", "id = \"null\"\nlots = []\n", Format::Toml),
        ("cells.csv", "id,lots\nblank,\nwrong,1; 4\n", Format::Csv),
        (
            "lines.ndjson",
            "{\"id\": \"l1\"}\n{\"id\": \"l2\", \"lots\": \"Lot 1\"}\n",
            Format::Ndjson,
        ),
    ];
    let mut out = String::new();
    for (source, text, format) in cases {
        out.push_str(&load_lots(source, text, format));
    }
    assert_snapshot!(out);
}

#[test]
fn without_lots_the_key_is_an_undeclared_field() {
    let text = r#"{"id": "a", "lots": ["1"]}"#;
    let plain = load_text(
        &schema(),
        "a.json",
        text,
        Format::Json,
        &LoadOptions::default(),
    );
    assert_snapshot!(render(&plain), @r#"
    a (a.json) valid
      <root> @1:1
      id = "a" @1:8
      warning D0604 `lots` 1:13: field `lots` is not declared by the pack
        help: the contract is not divided into lots: remove `lots`
    "#);
    let strict = load_text(
        &schema(),
        "a.json",
        text,
        Format::Json,
        &LoadOptions { strict: true },
    );
    assert!(strict[0].is_invalid(), "`--strict` makes it an error");
}

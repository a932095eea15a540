//! NDJSON descriptors: one JSON object a line, located in the whole file; a broken line
//! is one invalid descriptor and the next lines still load.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_data::load::Format;
use insta::assert_snapshot;
use load_support::{load, render};

#[test]
fn a_broken_middle_line_does_not_stop_the_others() {
    let text = "\
{\"id\": \"a\", \"hosting\": {\"region\": \"EU\"}}
{\"id\": \"b\", \"hosting\": {\"region\": \"EU\"
{\"name\": \"c\", \"seats\": 3}
";
    let descriptors = load("feeds/vendors.ndjson", text, Format::Ndjson);
    assert_eq!(descriptors.len(), 3);
    assert_snapshot!(render(&descriptors), @r#"
    a (feeds/vendors.ndjson line 1) valid
      <root> @1:1
      id = "a" @1:8
      hosting @1:24
      hosting.region = enum 1#0 EU @1:35
    vendors:2 (feeds/vendors.ndjson line 2) invalid
      error D0601 `` 2:39: invalid JSON: unterminated object
        help: the `{` at line 2, column 24 is never closed: add its `}`
    vendors:3 (feeds/vendors.ndjson line 3) valid
      <root> @3:1
      name = "c" @3:10
      seats = number 3 @3:24
    "#);
}

#[test]
fn blank_lines_are_skipped_and_crlf_is_fine() {
    let text = "\r\n{\"name\": \"a\"}\r\n   \r\n\n{\"name\": \"b\"}";
    let descriptors = load("v.jsonl", text, Format::Ndjson);
    let ids: Vec<(&str, Option<u32>)> = descriptors
        .iter()
        .map(|d| (d.id.as_str(), d.line))
        .collect();
    assert_eq!(ids, [("v:2", Some(2)), ("v:5", Some(5))]);
    assert!(descriptors.iter().all(|d| !d.is_invalid()));
}

#[test]
fn a_lone_carriage_return_ends_a_line() {
    let text = "{\"name\": \"a\"}\r{\"name\": \"b\"}\r\r{\"name\": \"c\"}\r\n{\"name\": \"d\"}\r";
    let descriptors = load("v.ndjson", text, Format::Ndjson);
    let ids: Vec<(&str, Option<u32>)> = descriptors
        .iter()
        .map(|d| (d.id.as_str(), d.line))
        .collect();
    assert_eq!(
        ids,
        [
            ("v:1", Some(1)),
            ("v:2", Some(2)),
            ("v:4", Some(4)),
            ("v:5", Some(5))
        ]
    );
    assert!(descriptors.iter().all(|d| !d.is_invalid()));
}

#[test]
fn every_line_is_checked_against_the_schema() {
    let text = "[1]\n{\"seats\": \"x\"}\n{\"name\": \"a\", \"name\": \"b\"}\n";
    let descriptors = load("v.ndjson", text, Format::Ndjson);
    assert_snapshot!(render(&descriptors), @r#"
    v:1 (v.ndjson line 1) invalid
      error D0605 `` 1:1: expected a record of fields at the top of the descriptor, found a list
        help: each line of an NDJSON file is one JSON object
    v:2 (v.ndjson line 2) invalid
      <root> @2:1
      error D0602 `seats` 2:11: expected a whole number such as `12`, found `"x"`
    v:3 (v.ndjson line 3) invalid
      <root> @3:1
      name = "a" @3:10
      error D0606 `name` 3:15: key `name` given twice
        help: the first `name` is on line 3; give each key once
    "#);
}

#[test]
fn an_empty_file_has_no_descriptors() {
    assert!(load("v.ndjson", "", Format::Ndjson).is_empty());
    assert!(load("v.ndjson", "\n \n", Format::Ndjson).is_empty());
}

#[test]
fn two_objects_on_one_line_are_a_syntax_error() {
    let descriptors = load("v.ndjson", "{} {}\n", Format::Ndjson);
    assert_eq!(descriptors.len(), 1);
    assert_eq!(
        descriptors[0].problems[0]
            .message
            .text(clausier_diagnostics::Lang::En),
        "invalid JSON: text cannot contain more than one JSON value"
    );
}

#[test]
fn a_line_loaded_alone_locates_its_values_without_being_given_the_schema() {
    // A stream reads a line at a time and does not keep the schema: the values of a
    // well-formed line are still located in the whole file, from the ranges the reader
    // recorded.
    let line = "{\"name\": \"c\", \"seats\": 3}";
    let descriptor = clausier_data::load::load_ndjson_line(
        &load_support::schema(),
        "feeds/vendors.ndjson",
        7,
        120,
        line,
        &clausier_data::load::LoadOptions::default(),
    );
    assert!(!descriptor.is_invalid());
    let seats = descriptor
        .locations
        .get(&[clausier_data::descriptor::PathStep::Field(2)])
        .expect("the seats are located");
    assert_eq!(
        (seats.line, seats.column, seats.span.start, seats.span.end),
        (7, 24, 143, 144)
    );
}

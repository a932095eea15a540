//! The inline data of a test, with its typed literals, located in the clause file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_data::load::load_inline;
use clausier_diagnostics::Span;
use clausier_syntax::ast::{
    DataValue, DataValueKind, DurationLit, DurationUnit, Ident, Literal, LiteralKind,
};
use insta::assert_snapshot;
use jiff::civil::Date;
use load_support::{render, schema};
use rust_decimal::Decimal;

const CLAUSE: &str = r#"test "une offre conforme" {
  given { id: "t1", hosting: { region: "EU" }, accessibility: { rgaa_rate: 80% },
          pricing: { per_student: 4.50 € }, reversibility: { notice: 6 months },
          launched: 2024-09-02, seats: 12, standards: ["A", "A"], name: null }
  expect eligible
}
"#;

/// The span of the `nth` occurrence of `needle` in the clause text.
fn span_of(needle: &str, nth: usize) -> Span {
    let start = CLAUSE
        .match_indices(needle)
        .nth(nth)
        .map(|(at, _)| at)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the clause"));
    Span::from_range(start..start + needle.len())
}

fn literal(needle: &str, kind: LiteralKind) -> DataValue {
    let span = span_of(needle, 0);
    DataValue {
        kind: DataValueKind::Literal(Literal { kind, span }),
        span,
    }
}

fn string(needle: &str) -> DataValue {
    literal(
        needle,
        LiteralKind::String(needle.trim_matches('"').to_owned()),
    )
}

fn object(opening: &str, fields: Vec<(&str, DataValue)>) -> DataValue {
    let start = span_of(opening, 0).start;
    let end = fields
        .last()
        .map_or(start + 1, |(_, value)| value.span.end + 2);
    DataValue {
        kind: DataValueKind::Object(
            fields
                .into_iter()
                .map(|(name, value)| {
                    let key_end = value.span.start as usize - 2;
                    let key_start = CLAUSE[..key_end].rfind([' ', '{']).unwrap() + 1;
                    let ident = Ident {
                        name: name.to_owned(),
                        span: Span::from_range(key_start..key_end),
                    };
                    (ident, value)
                })
                .collect(),
        ),
        span: Span::new(start, end),
    }
}

fn decimal(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn given() -> DataValue {
    let standards_span = span_of("[\"A\", \"A\"]", 0);
    let first_a = span_of("\"A\"", 0);
    let second_a = span_of("\"A\"", 1);
    let a = |span: Span| DataValue {
        kind: DataValueKind::Literal(Literal {
            kind: LiteralKind::String("A".to_owned()),
            span,
        }),
        span,
    };
    object(
        "{ id:",
        vec![
            ("id", string("\"t1\"")),
            (
                "hosting",
                object("{ region", vec![("region", string("\"EU\""))]),
            ),
            (
                "accessibility",
                object(
                    "{ rgaa_rate",
                    vec![(
                        "rgaa_rate",
                        literal("80%", LiteralKind::Percent(decimal("80"))),
                    )],
                ),
            ),
            (
                "pricing",
                object(
                    "{ per_student",
                    vec![(
                        "per_student",
                        literal("4.50 €", LiteralKind::Money(decimal("4.50"))),
                    )],
                ),
            ),
            (
                "reversibility",
                object(
                    "{ notice",
                    vec![(
                        "notice",
                        literal(
                            "6 months",
                            LiteralKind::Duration(DurationLit {
                                amount: 6,
                                unit: DurationUnit::Months,
                            }),
                        ),
                    )],
                ),
            ),
            (
                "launched",
                literal("2024-09-02", LiteralKind::Date(Date::constant(2024, 9, 2))),
            ),
            ("seats", literal("12", LiteralKind::Int(decimal("12")))),
            (
                "standards",
                DataValue {
                    kind: DataValueKind::Array(vec![a(first_a), a(second_a)]),
                    span: standards_span,
                },
            ),
            (
                "name",
                DataValue {
                    kind: DataValueKind::Null,
                    span: span_of("null", 0),
                },
            ),
        ],
    )
}

#[test]
fn typed_literals_load_and_are_located_in_the_clause_file() {
    let descriptor = load_inline(&schema(), "packs/edtech/tests.clause", CLAUSE, &given());
    assert!(!descriptor.is_invalid(), "{:?}", descriptor.problems);
    assert_snapshot!(render(&[descriptor]), @r#"
    t1 (packs/edtech/tests.clause) valid
      <root> @2:9
      id = "t1" @2:15
      seats = number 12 @4:40
      launched = 2024-09-02 @4:21
      hosting @2:30
      hosting.region = enum 1#0 EU @2:40
      accessibility @2:63
      accessibility.rgaa_rate = percent 80 @2:76
      standards = ["A"] @4:55
        [0] = "A" @4:56
      pricing @3:20
      pricing.per_student = money 4.50 @3:35
      reversibility @3:60
      reversibility.notice = duration 6 months 0 days @3:70
    "#);
}

#[test]
fn literals_of_the_wrong_type_are_reported_in_the_clause_file() {
    let data = object(
        "{ id:",
        vec![
            ("id", string("\"t1\"")),
            ("seats", literal("80%", LiteralKind::Percent(decimal("80")))),
            (
                "name",
                literal("4.50 €", LiteralKind::Money(decimal("4.50"))),
            ),
            (
                "launched",
                literal("6 months", LiteralKind::Int(decimal("6"))),
            ),
            (
                "hosting",
                object("{ region", vec![("region", string("\"EU\""))]),
            ),
            (
                "rating",
                DataValue {
                    kind: DataValueKind::Error,
                    span: span_of("null", 0),
                },
            ),
        ],
    );
    let descriptor = load_inline(&schema(), "tests.clause", CLAUSE, &data);
    assert_snapshot!(render(&[descriptor]), @r#"
    t1 (tests.clause) invalid
      <root> @2:9
      id = "t1" @2:15
      hosting @2:30
      hosting.region = enum 1#0 EU @2:40
      error D0602 `seats` 2:76: expected a whole number such as `12`, found `80%`
      error D0602 `name` 3:35: expected a string, found `4.50 €`
      error D0602 `launched` 3:70: expected a date such as `2027-06-30`, found `6 months`
      error D0602 `rating` 4:73: expected a number such as `4.5`, found a value that could not be read
    "#);
}

#[test]
fn without_an_id_the_test_file_stem_names_the_data() {
    let data = object("{ region", vec![("hosting", string("\"EU\""))]);
    let descriptor = load_inline(&schema(), "packs/edtech/tests.clause", CLAUSE, &data);
    assert_eq!(descriptor.id, "tests");
    assert!(
        descriptor.is_invalid(),
        "`hosting` is a record, not a string"
    );
}

#[test]
fn a_misspelt_field_in_test_data_is_reported() {
    let data = object("{ region", vec![("regoin", string("\"EU\""))]);
    let descriptor = load_inline(&schema(), "tests.clause", CLAUSE, &data);
    assert!(!descriptor.is_invalid(), "a warning does not invalidate");
    assert_snapshot!(render(&[descriptor]), @r"
    tests (tests.clause) valid
      <root> @2:30
      warning D0604 `regoin` 2:32: field `regoin` is not declared by the pack
    ");
}

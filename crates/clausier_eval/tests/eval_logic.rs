//! Three-valued semantics: the Kleene tables, absent data in quantifiers, `in`, `has`,
//! `count` and `if`, calendar arithmetic and exact decimals. Every case is evaluated
//! by both the compiled form and the reference interpreter.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "tests state their expectations"
)]

mod eval_support;

use clausier_check::hir::{ArithOp, CheckedPack, LocalId, TExpr};
use clausier_check::types::{Schema, Ty};
use clausier_check::value::{Record, Value};
use clausier_eval::{ClauseExpr, EvalContext, reference};
use clausier_syntax::ast::CompareOp;
use eval_support::*;
use rust_decimal::Decimal;

/// Evaluates `expr` on the JSON data, compiled and by reference; both must agree.
fn eval_on(schema: &Schema, expr: TExpr, data: &str) -> Option<Value> {
    let mut builder = PackBuilder::new(schema.clone());
    let is_bool = expr.ty == Ty::Bool;
    if is_bool {
        builder.must("R", expr);
    } else {
        builder.criterion("C", "1", expr);
    }
    let pack = builder.pack;
    let descriptor = json_descriptor(schema, "vendor.json", data);
    assert!(descriptor.problems.is_empty(), "{:?}", descriptor.problems);
    let root: &Record = descriptor.root.as_deref().expect("data");
    let context = EvalContext::new(run_date());
    let target = if is_bool {
        ClauseExpr::Require(0)
    } else {
        ClauseExpr::Score(0)
    };
    let compiled = compile_valid(&pack).evaluate(target, root, &context);
    let source = source_expr(&pack, is_bool);
    let expected = reference::evaluate(&pack, source, root, &context);
    assert_eq!(compiled, expected, "compiled and reference disagree");
    compiled
}

fn source_expr(pack: &CheckedPack, is_bool: bool) -> &TExpr {
    if is_bool {
        &pack.requirements[0].require
    } else {
        &pack.criteria[0].score
    }
}

const T: Option<bool> = Some(true);
const F: Option<bool> = Some(false);
const U: Option<bool> = None;

fn truth(value: Option<Value>) -> Option<bool> {
    value.map(|value| match value {
        Value::Bool(b) => b,
        other => panic!("not a truth value: {other:?}"),
    })
}

/// `gar.compliant` and `security.iso27001` set to the given truth values, absent for
/// unknown.
fn two_flags(a: Option<bool>, b: Option<bool>) -> String {
    let member = |name: &str, value: Option<bool>| {
        value.map_or(String::new(), |value| format!(r#""{name}": {value}"#))
    };
    format!(
        r#"{{ "gar": {{ {} }}, "security": {{ {} }} }}"#,
        member("compliant", a),
        member("iso27001", b)
    )
}

#[test]
fn kleene_tables() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let lhs = || e.field("gar.compliant");
    let rhs = || e.field("security.iso27001");
    let values = [T, F, U];
    for a in values {
        for b in values {
            let data = two_flags(a, b);
            let and_expected = match (a, b) {
                (F, _) | (_, F) => F,
                (T, T) => T,
                _ => U,
            };
            let or_expected = match (a, b) {
                (T, _) | (_, T) => T,
                (F, F) => F,
                _ => U,
            };
            let implies_expected = match (a, b) {
                (F, _) | (_, T) => T,
                (T, F) => F,
                _ => U,
            };
            let and_actual = truth(eval_on(&schema, and(lhs(), rhs()), &data));
            assert_eq!(and_actual, and_expected, "{a:?} and {b:?}");
            let or_actual = truth(eval_on(&schema, or(lhs(), rhs()), &data));
            assert_eq!(or_actual, or_expected, "{a:?} or {b:?}");
            let implies_actual = truth(eval_on(&schema, implies(lhs(), rhs()), &data));
            assert_eq!(implies_actual, implies_expected, "{a:?} implies {b:?}");
        }
        let negated = truth(eval_on(&schema, not(lhs()), &two_flags(a, T)));
        assert_eq!(negated, a.map(|a| !a), "not {a:?}");
    }
}

#[test]
fn named_kleene_cases() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let unknown = || e.field("gar.compliant");
    let data = "{}";
    assert_eq!(
        truth(eval_on(&schema, and(boolean(false), unknown()), data)),
        F
    );
    assert_eq!(
        truth(eval_on(&schema, and(unknown(), boolean(false)), data)),
        F
    );
    assert_eq!(
        truth(eval_on(&schema, and(boolean(true), unknown()), data)),
        U
    );
    assert_eq!(
        truth(eval_on(&schema, or(boolean(true), unknown()), data)),
        T
    );
    assert_eq!(
        truth(eval_on(&schema, or(unknown(), boolean(true)), data)),
        T
    );
    assert_eq!(
        truth(eval_on(&schema, or(boolean(false), unknown()), data)),
        U
    );
    assert_eq!(
        truth(eval_on(&schema, implies(unknown(), boolean(false)), data)),
        U
    );
    assert_eq!(
        truth(eval_on(&schema, implies(boolean(false), unknown()), data)),
        T
    );
    assert_eq!(
        truth(eval_on(&schema, implies(unknown(), boolean(true)), data)),
        T
    );
    assert_eq!(truth(eval_on(&schema, not(unknown()), data)), U);
}

fn region_is_eu(e: &Exprs<'_>) -> TExpr {
    let sub_ty = e
        .field("subprocessors")
        .ty
        .element()
        .cloned()
        .expect("a list");
    let s = LocalId(0);
    eq(
        e.local_field(s, "s", &sub_ty, "region"),
        e.variant("Region", "EU"),
    )
}

#[test]
fn quantifiers_over_empty_absent_and_partial_lists() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let all_eu = || all(LocalId(0), "s", e.field("subprocessors"), region_is_eu(&e));
    let any_eu = || any(LocalId(0), "s", e.field("subprocessors"), region_is_eu(&e));

    let empty = r#"{ "subprocessors": [] }"#;
    assert_eq!(
        truth(eval_on(&schema, all_eu(), empty)),
        T,
        "all over an empty list"
    );
    assert_eq!(
        truth(eval_on(&schema, any_eu(), empty)),
        F,
        "any over an empty list"
    );

    let absent = "{}";
    assert_eq!(
        truth(eval_on(&schema, all_eu(), absent)),
        U,
        "all over an absent list"
    );
    assert_eq!(
        truth(eval_on(&schema, any_eu(), absent)),
        U,
        "any over an absent list"
    );

    let unknown_then_false =
        r#"{ "subprocessors": [ { "name": "a" }, { "name": "b", "region": "OTHER" } ] }"#;
    assert_eq!(
        truth(eval_on(&schema, all_eu(), unknown_then_false)),
        F,
        "a false element decides all"
    );
    assert_eq!(
        truth(eval_on(&schema, any_eu(), unknown_then_false)),
        U,
        "nothing decides any"
    );

    let unknown_then_true =
        r#"{ "subprocessors": [ { "name": "a" }, { "name": "b", "region": "EU" } ] }"#;
    assert_eq!(
        truth(eval_on(&schema, all_eu(), unknown_then_true)),
        U,
        "nothing decides all"
    );
    assert_eq!(
        truth(eval_on(&schema, any_eu(), unknown_then_true)),
        T,
        "a true element decides any"
    );
}

#[test]
fn count_of_absent_and_filtered_lists() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let data =
        r#"{ "subprocessors": [ { "region": "EU" }, { "region": "OTHER" }, { "region": "EU" } ] }"#;
    let two = Some(Value::Number(Decimal::from(2)));
    let three = Some(Value::Number(Decimal::from(3)));
    assert_eq!(
        eval_on(&schema, count(e.field("subprocessors")), data),
        three
    );
    let eu = count_where(LocalId(0), "s", e.field("subprocessors"), region_is_eu(&e));
    assert_eq!(eval_on(&schema, eu, data), two);

    assert_eq!(
        eval_on(&schema, count(e.field("subprocessors")), "{}"),
        None
    );
    let partial = r#"{ "subprocessors": [ { "region": "EU" }, { "name": "x" } ] }"#;
    let eu = count_where(LocalId(0), "s", e.field("subprocessors"), region_is_eu(&e));
    assert_eq!(
        eval_on(&schema, eu, partial),
        None,
        "an unknown condition leaves the count unknown"
    );
}

#[test]
fn has_is_never_unknown() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    assert_eq!(
        truth(eval_on(&schema, e.has("hosting.region"), "{}")),
        F,
        "absent parent"
    );
    assert_eq!(
        truth(eval_on(
            &schema,
            e.has("hosting.region"),
            r#"{ "hosting": {} }"#
        )),
        F
    );
    let data = r#"{ "hosting": { "region": "EU" } }"#;
    assert_eq!(truth(eval_on(&schema, e.has("hosting.region"), data)), T);
}

#[test]
fn membership_is_unknown_when_either_side_is() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let csv = || contains(string("CSV"), e.field("reversibility.export_formats"));
    assert_eq!(truth(eval_on(&schema, csv(), "{}")), U);
    let data = r#"{ "reversibility": { "export_formats": ["JSON", "CSV"] } }"#;
    assert_eq!(truth(eval_on(&schema, csv(), data)), T);
    let data = r#"{ "reversibility": { "export_formats": ["JSON"] } }"#;
    assert_eq!(truth(eval_on(&schema, csv(), data)), F);

    let literal = || {
        contains(
            e.field("hosting.region"),
            list_of(
                vec![e.variant("Region", "EU"), e.variant("Region", "EEA")],
                e.field("hosting.region").ty.clone(),
            ),
        )
    };
    assert_eq!(truth(eval_on(&schema, literal(), "{}")), U);
    let data = r#"{ "hosting": { "region": "EEA" } }"#;
    assert_eq!(truth(eval_on(&schema, literal(), data)), T);
    let data = r#"{ "hosting": { "region": "OTHER" } }"#;
    assert_eq!(truth(eval_on(&schema, literal(), data)), F);
}

#[test]
fn comparisons_and_conditionals_with_unknowns() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let cheap = || compare(CompareOp::Le, e.field("pricing.per_student"), money("6"));
    assert_eq!(truth(eval_on(&schema, cheap(), "{}")), U);
    let data = r#"{ "pricing": { "per_student": 5.5 } }"#;
    assert_eq!(truth(eval_on(&schema, cheap(), data)), T);

    let choose = || if_then_else(e.field("gar.compliant"), boolean(true), boolean(false));
    assert_eq!(
        truth(eval_on(&schema, choose(), "{}")),
        U,
        "an unknown condition"
    );
    let data = r#"{ "gar": { "compliant": false } }"#;
    assert_eq!(truth(eval_on(&schema, choose(), data)), F);

    let doubled = arith(ArithOp::Mul, e.field("pricing.per_student"), number("2"));
    assert_eq!(
        eval_on(&schema, doubled, "{}"),
        None,
        "arithmetic with an unknown operand"
    );
}

#[test]
fn division_by_zero_is_unknown() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let ratio = || arith(ArithOp::Div, money("6"), e.field("pricing.per_student"));
    let data = r#"{ "pricing": { "per_student": 0 } }"#;
    assert_eq!(eval_on(&schema, ratio(), data), None);
    let data = r#"{ "pricing": { "per_student": 4 } }"#;
    assert_eq!(
        eval_on(&schema, ratio(), data),
        Some(Value::Number(decimal("1.5")))
    );
    assert_eq!(
        eval_on(&schema, arith(ArithOp::Div, number("1"), number("0")), "{}"),
        None,
        "a constant division by zero folds to unknown"
    );
}

#[test]
fn calendar_date_arithmetic() {
    let schema = edtech_schema();
    let month = || duration(1, 0);
    let end_of_january = arith(ArithOp::Add, date("2026-01-31"), month());
    assert_eq!(
        eval_on(&schema, eq(end_of_january, date("2026-02-28")), "{}"),
        Some(Value::Bool(true))
    );
    let leap = arith(ArithOp::Add, date("2028-01-31"), month());
    assert_eq!(
        eval_on(&schema, eq(leap, date("2028-02-29")), "{}"),
        Some(Value::Bool(true))
    );

    let e = Exprs { schema: &schema };
    let valid_for_a_year = || {
        compare(
            CompareOp::Ge,
            e.field("security.iso27001_expires"),
            arith(ArithOp::Add, today(), duration(12, 0)),
        )
    };
    let data = r#"{ "security": { "iso27001_expires": "2027-11-28" } }"#;
    assert_eq!(
        truth(eval_on(&schema, valid_for_a_year(), data)),
        T,
        "today is 2026-11-28"
    );
    let data = r#"{ "security": { "iso27001_expires": "2027-11-27" } }"#;
    assert_eq!(truth(eval_on(&schema, valid_for_a_year(), data)), F);
}

#[test]
fn decimals_are_exact() {
    let schema = edtech_schema();
    let sum = arith(ArithOp::Add, number("0.1"), number("0.2"));
    assert_eq!(
        eval_on(&schema, eq(sum, number("0.3")), "{}"),
        Some(Value::Bool(true))
    );

    let e = Exprs { schema: &schema };
    let price = arith(ArithOp::Add, e.field("pricing.per_student"), money("0.2"));
    let data = r#"{ "pricing": { "per_student": 0.1 } }"#;
    assert_eq!(
        eval_on(&schema, eq(price, money("0.3")), data),
        Some(Value::Bool(true))
    );
}

#[test]
fn today_is_the_run_date() {
    let schema = edtech_schema();
    assert_eq!(
        eval_on(&schema, eq(today(), date("2026-11-28")), "{}"),
        Some(Value::Bool(true))
    );
}

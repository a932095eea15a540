//! The canonical printing of checked expressions used by explanations: parentheses
//! exactly where the precedence table needs them.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "tests state their expectations"
)]

mod eval_support;

use clausier_check::hir::{ArithOp, LocalId, TExpr};
use clausier_check::types::Ty;
use clausier_check::value::Value;
use clausier_eval::print::expr_to_string;
use clausier_syntax::ast::{AggregateKind, CompareOp};
use eval_support::*;

fn check_printed(cases: Vec<(TExpr, &str)>) {
    let pack = PackBuilder::new(edtech_schema()).pack;
    for (expr, expected) in cases {
        assert_eq!(expr_to_string(&pack, &expr), expected);
    }
}

#[test]
fn connectives_follow_the_precedence_table() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let a = || e.field("gar.compliant");
    let b = || e.field("security.iso27001");
    let c = || e.field("hosting.secnumcloud");
    check_printed(vec![
        (
            and(a(), or(b(), c())),
            "gar.compliant and (security.iso27001 or hosting.secnumcloud)",
        ),
        (
            or(and(a(), b()), c()),
            "gar.compliant and security.iso27001 or hosting.secnumcloud",
        ),
        (
            and(and(a(), b()), c()),
            "gar.compliant and security.iso27001 and hosting.secnumcloud",
        ),
        (
            and(a(), and(b(), c())),
            "gar.compliant and (security.iso27001 and hosting.secnumcloud)",
        ),
        (
            not(and(a(), b())),
            "not (gar.compliant and security.iso27001)",
        ),
        (not(not(a())), "not not gar.compliant"),
        (
            implies(a(), implies(b(), c())),
            "gar.compliant implies security.iso27001 implies hosting.secnumcloud",
        ),
        (
            implies(implies(a(), b()), c()),
            "(gar.compliant implies security.iso27001) implies hosting.secnumcloud",
        ),
        (
            not(eq(e.field("hosting.region"), e.variant("Region", "EU"))),
            "not hosting.region == EU",
        ),
        (
            eq(and(a(), b()), c()),
            "(gar.compliant and security.iso27001) == hosting.secnumcloud",
        ),
    ]);
}

#[test]
fn arithmetic_keeps_its_grouping() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let price = || e.field("pricing.per_student");
    check_printed(vec![
        (
            arith(
                ArithOp::Sub,
                price(),
                arith(ArithOp::Sub, money("1.00"), money("2.00")),
            ),
            "pricing.per_student - (1.00 € - 2.00 €)",
        ),
        (
            arith(
                ArithOp::Sub,
                arith(ArithOp::Sub, price(), money("1.00")),
                money("2.00"),
            ),
            "pricing.per_student - 1.00 € - 2.00 €",
        ),
        (
            arith(
                ArithOp::Mul,
                arith(ArithOp::Add, price(), money("1.00")),
                number("2"),
            ),
            "(pricing.per_student + 1.00 €) * 2",
        ),
        (
            arith(
                ArithOp::Add,
                price(),
                arith(ArithOp::Mul, money("1.00"), number("2")),
            ),
            "pricing.per_student + 1.00 € * 2",
        ),
        (neg(neg(price())), "-(-pricing.per_student)"),
        (
            arith(ArithOp::Mul, price(), number("-2")),
            "pricing.per_student * -2",
        ),
        (neg(number("-2")), "-(-2)"),
        (
            compare(
                CompareOp::Ge,
                e.field("security.iso27001_expires"),
                arith(ArithOp::Add, today(), duration(6, 0)),
            ),
            "security.iso27001_expires >= today + 6 months",
        ),
    ]);
}

#[test]
fn quantifiers_and_conditionals_are_closed_when_something_follows() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let sub_ty = e
        .field("subprocessors")
        .ty
        .element()
        .cloned()
        .expect("a list");
    let s = LocalId(0);
    let all_eu = || {
        all(
            s,
            "s",
            e.field("subprocessors"),
            eq(
                e.local_field(s, "s", &sub_ty, "region"),
                e.variant("Region", "EU"),
            ),
        )
    };
    let gar = || e.field("gar.compliant");
    check_printed(vec![
        (
            and(gar(), all_eu()),
            "gar.compliant and all s in subprocessors: s.region == EU",
        ),
        (
            and(all_eu(), gar()),
            "(all s in subprocessors: s.region == EU) and gar.compliant",
        ),
        (
            or(and(gar(), all_eu()), gar()),
            "gar.compliant and (all s in subprocessors: s.region == EU) or gar.compliant",
        ),
        (not(all_eu()), "not all s in subprocessors: s.region == EU"),
        (
            if_then_else(gar(), all_eu(), boolean(false)),
            "if gar.compliant then all s in subprocessors: s.region == EU else false",
        ),
        (
            and(if_then_else(gar(), boolean(true), boolean(false)), gar()),
            "(if gar.compliant then true else false) and gar.compliant",
        ),
        (
            compare(
                CompareOp::Le,
                count_where(
                    s,
                    "s",
                    e.field("subprocessors"),
                    eq(
                        e.local_field(s, "s", &sub_ty, "region"),
                        e.variant("Region", "OTHER"),
                    ),
                ),
                number("0"),
            ),
            "count(s in subprocessors: s.region == OTHER) <= 0",
        ),
        (
            contains(
                string("CSV"),
                list_of(vec![string("CSV"), string("JSON")], Ty::String),
            ),
            r#""CSV" in ["CSV", "JSON"]"#,
        ),
        (
            e.has("security.iso27001_expires"),
            "has security.iso27001_expires",
        ),
    ]);
}

#[test]
fn parameters_and_aggregates_print_by_name() {
    let schema = edtech_schema();
    let mut b = PackBuilder::new(schema.clone());
    let e = Exprs { schema: &schema };
    let max_price = b.param("max_price", Value::Money(decimal("6")), Ty::Money);
    let lowest = b.aggregate(AggregateKind::Lowest, "pricing.per_student");
    let cheap = compare(CompareOp::Le, e.field("pricing.per_student"), max_price);
    let ratio = arith(ArithOp::Div, lowest, e.field("pricing.per_student"));
    assert_eq!(
        expr_to_string(&b.pack, &cheap),
        "pricing.per_student <= max_price"
    );
    assert_eq!(
        expr_to_string(&b.pack, &ratio),
        "lowest(pricing.per_student) / pricing.per_student"
    );
}

//! Expressions, one form at a time: precedence, associativity, every literal kind.

mod common;

use common::expr;
use insta::assert_snapshot;

#[test]
fn logic_binds_implies_then_or_then_and_then_not() {
    assert_snapshot!(expr("a or b and c"), @"(or a (and b c))");
    assert_snapshot!(expr("a and b or c"), @"(or (and a b) c)");
    assert_snapshot!(expr("a or b implies c or d"), @"(implies (or a b) (or c d))");
    assert_snapshot!(expr("not a and b"), @"(and (not a) b)");
    assert_snapshot!(expr("not a == b"), @"(not (== a b))");
    assert_snapshot!(expr("not not a"), @"(not (not a))");
    assert_snapshot!(expr("a == not b and c"), @"(and (== a (not b)) c)");
}

#[test]
fn implies_is_right_associative_and_the_rest_left() {
    assert_snapshot!(expr("a implies b implies c"), @"(implies a (implies b c))");
    assert_snapshot!(expr("a or b or c"), @"(or (or a b) c)");
    assert_snapshot!(expr("a and b and c"), @"(and (and a b) c)");
    assert_snapshot!(expr("a - b - c"), @"(- (- a b) c)");
    assert_snapshot!(expr("a / b / c"), @"(/ (/ a b) c)");
    assert_snapshot!(expr("a + b - c + d"), @"(+ (- (+ a b) c) d)");
}

#[test]
fn arithmetic_binds_tighter_than_comparison() {
    assert_snapshot!(expr("a + b * c"), @"(+ a (* b c))");
    assert_snapshot!(expr("a * b + c"), @"(+ (* a b) c)");
    assert_snapshot!(expr("a + b < c * d"), @"(< (+ a b) (* c d))");
    assert_snapshot!(expr("a < b and c >= d"), @"(and (< a b) (>= c d))");
    assert_snapshot!(expr("a != b or c <= d"), @"(or (!= a b) (<= c d))");
    assert_snapshot!(expr("a > b"), @"(> a b)");
}

#[test]
fn unary_minus_binds_tightest() {
    assert_snapshot!(expr("-a * b"), @"(* (neg a) b)");
    assert_snapshot!(expr("a * -b"), @"(* a (neg b))");
    assert_snapshot!(expr("- -a"), @"(neg (neg a))");
    assert_snapshot!(expr("a - -1"), @"(- a (neg 1))");
    assert_snapshot!(expr("-a.b"), @"(neg a.b)");
}

#[test]
fn membership_is_a_comparison() {
    assert_snapshot!(expr(r#"x in ["CSV", "JSON"]"#), @r#"(in x ["CSV" "JSON"])"#);
    assert_snapshot!(expr("not x in xs"), @"(not (in x xs))");
    assert_snapshot!(expr("a + 1 in xs and b"), @"(and (in (+ a 1) xs) b)");
    assert_snapshot!(expr("[]"), @"[]");
    assert_snapshot!(expr("[1, 2,]"), @"[1 2]");
}

#[test]
fn parentheses_are_kept() {
    assert_snapshot!(expr("(a or b) and c"), @"(and (paren (or a b)) c)");
    assert_snapshot!(expr("a * (b + c)"), @"(* a (paren (+ b c)))");
    assert_snapshot!(expr("((a))"), @"(paren (paren a))");
    assert_snapshot!(expr("(a < b) == (c < d)"), @"(== (paren (< a b)) (paren (< c d)))");
}

#[test]
fn greedy_forms_extend_as_far_right_as_possible() {
    assert_snapshot!(expr("if a then b else c or d"), @"(if a b (or c d))");
    assert_snapshot!(expr("a and if c then 1 else 2"), @"(and a (if c 1 2))");
    assert_snapshot!(
        expr("if a then if b then 1 else 2 else 3"),
        @"(if a (if b 1 2) 3)"
    );
    assert_snapshot!(
        expr("all s in subprocessors: s.region == EU and s.ok"),
        @"(all s subprocessors (and (== s.region EU) s.ok))"
    );
    assert_snapshot!(
        expr("(all s in xs: p) or q"),
        @"(or (paren (all s xs p)) q)"
    );
    assert_snapshot!(
        expr("a and any x in [1, 2]: x > 1"),
        @"(and a (any x [1 2] (> x 1)))"
    );
    assert_snapshot!(
        expr("all x in a.b: any y in x.c: y"),
        @"(all x a.b (any y x.c y))"
    );
}

#[test]
fn count_has_today_and_aggregates() {
    assert_snapshot!(expr("count(xs) > 2"), @"(> (count xs) 2)");
    assert_snapshot!(
        expr("count(s in subprocessors: s.region == EU) >= 1"),
        @"(>= (count s subprocessors (== s.region EU)) 1)"
    );
    assert_snapshot!(
        expr("has a.b and today > 2026-01-01"),
        @"(and (has a.b) (> today 2026-01-01))"
    );
    assert_snapshot!(
        expr("lowest(pricing.per_student) / pricing.per_student"),
        @"(/ (lowest pricing.per_student) pricing.per_student)"
    );
    assert_snapshot!(expr("highest(x) - 1"), @"(- (highest x) 1)");
    assert_snapshot!(
        expr("security.expires >= today + 12 months"),
        @"(>= security.expires (+ today (duration 12 months)))"
    );
}

#[test]
fn paths_and_unicode_identifiers() {
    assert_snapshot!(expr("hébergement.région == EU"), @"(== hébergement.région EU)");
    assert_snapshot!(expr("Region.EU"), @"Region.EU");
    assert_snapshot!(expr("données_personnelles._privé"), @"données_personnelles._privé");
    assert_snapshot!(expr("a.b.c.d"), @"a.b.c.d");
    assert_snapshot!(expr("level == text"), @"(== level text)");
    assert_snapshot!(expr("index + order + android"), @"(+ (+ index order) android)");
}

#[test]
fn every_literal_kind() {
    assert_snapshot!(expr("true"), @"true");
    assert_snapshot!(expr("false"), @"false");
    assert_snapshot!(expr("12"), @"12");
    assert_snapshot!(expr("4.5"), @"4.5");
    assert_snapshot!(expr("0.10"), @"0.10");
    assert_snapshot!(expr("75%"), @"75%");
    assert_snapshot!(expr("87.5 %"), @"87.5%");
    assert_snapshot!(expr("6.00 €"), @"6.00€");
    assert_snapshot!(expr("6 €"), @"6€");
    assert_snapshot!(expr("6€"), @"6€");
    assert_snapshot!(expr("6.00 EUR"), @"6.00€");
    assert_snapshot!(expr("6.00\u{a0}€"), @"6.00€");
    assert_snapshot!(expr("2026-12-01"), @"2026-12-01");
    assert_snapshot!(expr(r#""Attestation d'hébergement""#), @r#""Attestation d'hébergement""#);
    assert_snapshot!(
        expr(r#""a\"b\\c\nd\te\u{e9}\u{1F600}""#),
        @r#""a\"b\\c\nd\teé😀""#
    );
}

#[test]
fn every_duration_unit_in_english_and_french() {
    let cases = [
        ("30 days", "(duration 30 days)"),
        ("1 day", "(duration 1 days)"),
        ("2 weeks", "(duration 2 weeks)"),
        ("1 week", "(duration 1 weeks)"),
        ("6 months", "(duration 6 months)"),
        ("1 month", "(duration 1 months)"),
        ("1 year", "(duration 1 years)"),
        ("3 years", "(duration 3 years)"),
        ("30 jours", "(duration 30 days)"),
        ("1 jour", "(duration 1 days)"),
        ("2 semaines", "(duration 2 weeks)"),
        ("1 semaine", "(duration 1 weeks)"),
        ("6 mois", "(duration 6 months)"),
        ("1 an", "(duration 1 years)"),
        ("3 ans", "(duration 3 years)"),
        ("1 année", "(duration 1 years)"),
        ("2 années", "(duration 2 years)"),
        ("30days", "(duration 30 days)"),
    ];
    for (source, printed) in cases {
        assert_eq!(expr(source), printed, "{source}");
    }
}

#[test]
fn decimals_are_exact() {
    let text = "param p: number = 0.1 + 0.2\n";
    let parse = common::parse_text(text);
    let clausier_syntax::ast::ItemKind::Param(param) = &parse.ast.items[0].kind else {
        panic!("not a param");
    };
    let clausier_syntax::ast::ExprKind::Binary { lhs, rhs, .. } = &param.value.kind else {
        panic!("not a sum");
    };
    let number = |e: &clausier_syntax::ast::Expr| match &e.kind {
        clausier_syntax::ast::ExprKind::Literal(literal) => match literal.kind {
            clausier_syntax::ast::LiteralKind::Number(n) => n,
            ref other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    };
    assert_eq!(
        number(lhs) + number(rhs),
        "0.3".parse::<rust_decimal::Decimal>().unwrap()
    );
}

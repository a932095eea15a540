//! The shape of explanations: which sub-expressions a failure quotes, with which
//! values and where they are written in the descriptor.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "tests state their expectations"
)]

mod eval_support;

use clausier_check::hir::LocalId;
use clausier_check::types::Ty;
use clausier_check::value::Value;
use clausier_eval::report::{ClauseResult, RequirementStatus};
use clausier_syntax::ast::CompareOp;
use eval_support::*;

const VENDOR: &str = r#"{
  "id": "vendor-007",
  "hosting": { "region": "EU", "secnumcloud": false },
  "subprocessors": [
    { "name": "mail", "region": "EU" },
    { "name": "cdn", "region": "OTHER" }
  ],
  "gar": { "compliant": true },
  "evidence": { "tier": "III" },
  "security": { "iso27001": true },
  "reversibility": { "export_formats": ["CSV", "PDF"] }
}"#;

#[test]
fn each_connective_explains_its_own_way() {
    let schema = edtech_schema();
    let e = Exprs { schema: &schema };
    let mut b = PackBuilder::new(schema.clone());
    let max_price = b.param("max_price", Value::Money(decimal("6.00")), Ty::Money);
    let formats = || e.field("reversibility.export_formats");
    let f = LocalId(0);
    let tier_ii = || {
        compare(
            CompareOp::Le,
            e.field("evidence.tier"),
            e.variant("Tier", "II"),
        )
    };
    b.must(
        "OR",
        or(
            e.field("hosting.secnumcloud"),
            e.has("security.iso27001_expires"),
        ),
    )
    .must("IMPLIES", implies(e.field("gar.compliant"), tier_ii()))
    .must("NOT", not(e.field("security.iso27001")))
    .must(
        "ANY",
        any(f, "f", formats(), eq(local(f, Ty::String), string("ODS"))),
    )
    .must(
        "ALL-LOCAL",
        all(
            f,
            "f",
            formats(),
            contains(
                local(f, Ty::String),
                list_of(vec![string("CSV"), string("JSON")], Ty::String),
            ),
        ),
    )
    .must(
        "IF",
        if_then_else(e.field("gar.compliant"), tier_ii(), boolean(true)),
    )
    .must("TODAY", compare(CompareOp::Lt, today(), date("2026-01-01")))
    .must(
        "COUNT",
        compare(CompareOp::Le, count(e.field("subprocessors")), number("1")),
    )
    .must("HAS", e.has("pricing.per_student"))
    .must(
        "CONSTANT",
        compare(CompareOp::Gt, max_price, money("10.00")),
    )
    .must(
        "AND-UNKNOWN",
        and(
            compare(CompareOp::Le, e.field("pricing.per_student"), money("6.00")),
            tier_ii(),
        ),
    );
    let descriptor = json_descriptor(&schema, "vendors/vendor-007.json", VENDOR);
    let report = check(&b.pack, &[descriptor], 1);
    let results = &report.descriptors[0].results;
    for result in results {
        let ClauseResult::Requirement(result) = result else {
            panic!("no criteria here")
        };
        assert_eq!(result.status, RequirementStatus::Fail, "{}", result.clause);
    }
    insta::assert_snapshot!(serde_json::to_string_pretty(results).expect("serializable"));
}

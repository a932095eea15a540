#![allow(clippy::expect_used, clippy::panic, reason = "measurement")]
mod eval_support;
use std::sync::Arc;
use std::time::Instant;
use clausier_eval::descriptor::Descriptor;
use eval_support::*;

#[test]
fn throughput() {
    let text = include_str!("eval_clauses.rs");
    let start = text.find("const BRIEF_PACK: &str = r#\"").expect("pack") + 27;
    let end = text[start..].find("\"#;").expect("end") + start;
    let parsed = clausier_syntax::parse(clausier_diagnostics::FileId(0), &text[start..end]);
    let checked = clausier_check::check_pack("p", &[(clausier_diagnostics::FileId(0), &parsed.ast)]);
    let pack = checked.pack;
    let data = r#"{ "id": "x", "hosting": { "region": "EU" }, "subprocessors": [ { "name": "mail", "region": "EU" }, { "name": "b", "region": "EU" } ],
      "gar": { "compliant": true }, "evidence": { "tier": "I" }, "accessibility": { "rgaa_rate": 80 },
      "security": { "iso27001": true, "iso27001_expires": "2028-06-30" }, "pricing": { "per_student": 5 } }"#;
    let one = json_descriptor(&pack.schema, "x.json", data);
    let root = one.root.clone().expect("root");
    let n = 200_000;
    let descriptors: Vec<Descriptor> = (0..n).map(|i| Descriptor { id: format!("d{i}"), root: Some(Arc::clone(&root)), ..one.clone() }).collect();
    let program = clausier_eval::compile(&pack);
    for jobs in [1, 2] {
        let t = Instant::now();
        let report = clausier_eval::run(&program, pack_info(), &descriptors, &clausier_eval::RunOptions { date: run_date(), jobs });
        eprintln!("jobs {jobs}: {n} descriptors in {:?} ({} eligible)", t.elapsed(), report.summary.eligible);
    }
    let context = clausier_eval::EvalContext::new(run_date());
    let t = Instant::now();
    let mut passes = 0;
    for _ in 0..n {
        for r in 0..5 {
            if program.evaluate(clausier_eval::ClauseExpr::Require(r), &root, &context) == Some(clausier_check::value::Value::Bool(true)) { passes += 1; }
        }
    }
    eprintln!("bare evaluation: {} requirement evaluations in {:?} ({passes} pass)", n * 5, t.elapsed());
}

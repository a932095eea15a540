//! The example `examples/equivalence-label` in the human report: the offer claiming an
//! equivalent certificate is « à examiner » until the buyer decides, then follows the
//! decision, which the report cites.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

use clausier_data::load::{self, Format, LoadOptions};
use clausier_eval::report::Report;
use clausier_eval::{ReviewDecision, RunOptions, compile, run};
use clausier_report::check::{HumanOptions, render_human};

const EXAMPLE: &str = "../../examples/equivalence-label";

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{EXAMPLE}/{path}")).unwrap()
}

fn check(decisions: Vec<ReviewDecision>) -> Report {
    let text = read("pack/exigences.clause");
    let mut sources = clausier_diagnostics::SourceMap::new();
    let id = sources.add(clausier_diagnostics::SourceFile::new(
        "pack/exigences.clause",
        text.as_str(),
    ));
    let parse = clausier_syntax::parse(id, &text);
    let checked = clausier_check::check_pack("equivalence-label", &[(id, &parse.ast)]);
    let schema = checked.pack.schema.clone();
    let program = compile(checked.valid().expect("the example's pack has no error"));
    let descriptors: Vec<_> = ["certifiee.json", "equivalente.json", "sans-label.json"]
        .into_iter()
        .flat_map(|file| {
            load::load_text(
                &schema,
                &format!("offres/{file}"),
                &read(&format!("offres/{file}")),
                Format::Json,
                &LoadOptions::default(),
            )
        })
        .collect();
    let info = clausier_eval::report::PackInfo {
        name: "equivalence-label".to_owned(),
        version: "1.0.0".to_owned(),
        hash: "sha256:0".to_owned(),
    };
    let options = RunOptions::new(jiff::civil::date(2026, 11, 28), 1).with_decisions(decisions);
    run(&program, info, &descriptors, &options)
}

fn human(report: &Report) -> String {
    render_human(
        report,
        &HumanOptions {
            color: false,
            ..HumanOptions::default()
        },
    )
}

#[test]
fn the_offer_claiming_an_equivalent_is_under_review_then_follows_the_decision() {
    insta::assert_snapshot!("example_under_review", human(&check(Vec::new())));
    let accepted = ReviewDecision {
        clause: "SNC-01".to_owned(),
        descriptor: "equivalente".to_owned(),
        accepted: true,
        reason: "L'attestation C5 de type 2 couvre les exigences d'hébergement".to_owned(),
        by: "M. Durand".to_owned(),
        at: "2026-12-05T10:30:00Z".to_owned(),
    };
    insta::assert_snapshot!("example_accepted", human(&check(vec![accepted])));
}

//! A hand-built report with one descriptor of each status, for the renderers' tests.

use clausier_eval::report::{
    ClauseResult, CriterionResult, DataErrorEntry, DescriptorReport, DescriptorStatus, Explanation,
    PackInfo, ParamReport, Report, RequirementResult, RequirementStatus, Summary,
};
use rust_decimal::Decimal;

fn requirement(
    clause: &str,
    level: &'static str,
    status: RequirementStatus,
    missing: &[&str],
    explanation: Vec<Explanation>,
) -> ClauseResult {
    ClauseResult::Requirement(RequirementResult {
        clause: clause.to_owned(),
        pack: "edtech-fr".to_owned(),
        version: "1.0.0".to_owned(),
        kind: "requirement",
        level,
        status,
        missing: missing.iter().map(|m| (*m).to_owned()).collect(),
        explanation,
        reasons: Vec::new(),
        documents: Vec::new(),
        expired: Vec::new(),
        claim: None,
        decision: None,
        title: None,
    })
}

fn criterion(
    clause: &str,
    weight: i64,
    score: Option<Decimal>,
    missing: &[&str],
    clamped: bool,
) -> ClauseResult {
    let weight = Decimal::from(weight);
    ClauseResult::Criterion(CriterionResult {
        clause: clause.to_owned(),
        pack: "edtech-fr".to_owned(),
        version: "1.0.0".to_owned(),
        kind: "criterion",
        weight,
        score,
        points: score.map(|s| (s * weight).round_dp(2)),
        missing: missing.iter().map(|m| (*m).to_owned()).collect(),
        reasons: Vec::new(),
        clamped,
        title: None,
    })
}

fn explained(
    expr: &str,
    path: Option<&str>,
    value: Option<&str>,
    at: Option<(u32, u32)>,
) -> Explanation {
    Explanation {
        expr: expr.to_owned(),
        path: path.map(str::to_owned),
        value: value.map(str::to_owned),
        line: at.map(|(line, _)| line),
        column: at.map(|(_, column)| column),
        alternatives: Vec::new(),
        element: None,
        counted: None,
        words: None,
        observed: None,
        claim: None,
        words_id: None,
        in_words: None,
    }
}

pub(crate) fn report() -> Report {
    use RequirementStatus::*;
    let descriptors = vec![
        DescriptorReport {
            id: "vendor-042".into(),
            source: "vendors/vendor-042.json".into(),
            lot: None,
            input: 0,
            status: DescriptorStatus::Eligible,
            score: Some(Decimal::new(8750, 2)),
            rank: Some(1),
            results: vec![
                requirement("HEB-01", "must", Pass, &[], vec![]),
                requirement("EVI-02", "should", NotApplicable, &[], vec![]),
                criterion("PRIX", 40, Some(Decimal::new(5, 1)), &[], false),
                criterion("ACC", 60, Some(Decimal::ONE), &[], true),
            ],
            errors: vec![],
        },
        DescriptorReport {
            id: "édu-numérique".into(),
            source: "vendors/b.yaml".into(),
            lot: None,
            input: 1,
            status: DescriptorStatus::Eligible,
            score: Some(Decimal::new(8750, 2)),
            rank: Some(1),
            results: vec![requirement("HEB-01", "must", Pass, &[], vec![])],
            errors: vec![],
        },
        DescriptorReport {
            id: "vendor-013".into(),
            source: "vendors/vendor-013.json".into(),
            lot: None,
            input: 2,
            status: DescriptorStatus::Ineligible,
            score: None,
            rank: None,
            results: vec![
                requirement(
                    "HEB-01",
                    "must",
                    Fail,
                    &[],
                    vec![explained(
                        "hosting.region == EU",
                        Some("hosting.region"),
                        Some("OTHER"),
                        Some((4, 15)),
                    )],
                ),
                requirement(
                    "SUB-01",
                    "must",
                    Fail,
                    &[],
                    vec![
                        explained(
                            "s.region == EU",
                            Some("subprocessors[0].region"),
                            Some("OTHER"),
                            Some((9, 17)),
                        ),
                        explained("count(subprocessors) <= 1", None, Some("2"), None),
                    ],
                ),
                requirement(
                    "ACC-01",
                    "should",
                    Missing,
                    &["accessibility.rgaa_rate"],
                    vec![],
                ),
                criterion("PRIX", 40, None, &[], false),
            ],
            errors: vec![],
        },
        DescriptorReport {
            id: "vendors:2".into(),
            source: "vendors.ndjson".into(),
            lot: None,
            input: 3,
            status: DescriptorStatus::Incomplete,
            score: None,
            rank: None,
            results: vec![requirement(
                "SEC-01",
                "must",
                Missing,
                &["security.iso27001", "security.iso27001_expires"],
                vec![],
            )],
            errors: vec![],
        },
        DescriptorReport {
            id: "broken".into(),
            source: "vendors/broken.json".into(),
            lot: None,
            input: 4,
            status: DescriptorStatus::Invalid,
            score: None,
            rank: None,
            results: vec![],
            errors: vec![
                DataErrorEntry::new(
                    "D0603",
                    "unknown value `MOON` for `Region`".into(),
                    "hosting.region".into(),
                    None,
                ),
                DataErrorEntry {
                    severity: clausier_diagnostics::Severity::Error,
                    code: "D0601".into(),
                    message: "expected `,` or `}`".into(),
                    path: String::new(),
                    line: Some(7),
                    column: Some(3),
                    help: Some("close the object with `}`".into()),
                },
            ],
        },
    ];
    let mut summary = Summary::default();
    for descriptor in &descriptors {
        summary.count(descriptor.status);
    }
    Report {
        clausier: "0.1.0".into(),
        pack: PackInfo {
            name: "edtech-fr".into(),
            version: "1.0.0".into(),
            hash: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".into(),
        },
        date: "2026-11-28".into(),
        params: vec![
            ParamReport {
                name: "max_price".into(),
                pack: "edtech-fr".into(),
                value: "6.00 €".into(),
                shown: None,
                default: "6.00 €".into(),
                default_shown: None,
                set_in: None,
                computed_from: Vec::new(),
            },
            ParamReport {
                name: "min_rgaa".into(),
                pack: "edtech-fr".into(),
                value: "75%".into(),
                shown: None,
                default: "75%".into(),
                default_shown: None,
                set_in: None,
                computed_from: Vec::new(),
            },
        ],
        descriptors,
        summary,
        lots: Vec::new(),
        warnings: Vec::new(),
    }
}

/// The clauses of the fixture's pack, as `clause_infos` gives them.
pub(crate) fn clauses() -> Vec<clausier_eval::report::ClauseInfo> {
    let info = |id: &str, kind, level, title: &str, text: Option<&str>| {
        clausier_eval::report::ClauseInfo {
            id: id.to_owned(),
            pack: "edtech-fr".to_owned(),
            version: "1.0.0".to_owned(),
            kind,
            level,
            title: title.to_owned(),
            text: text.map(str::to_owned),
            note: None,
            docs: String::new(),
            refs: Vec::new(),
        }
    };
    vec![
        info(
            "HEB-01",
            "requirement",
            Some("must"),
            "Hébergement dans l'UE",
            Some("Le titulaire héberge l'ensemble des données dans l'Union européenne."),
        ),
        info(
            "SUB-01",
            "requirement",
            Some("must"),
            "Sous-traitants dans l'UE",
            None,
        ),
        info("PRIX", "criterion", None, "Prix", None),
    ]
}

//! A hand-built diagnosis of a small inventory, for the renderers' tests: four lines,
//! one of which does not fit the schema; indicators by category, by jurisdiction, as a
//! matrix and as a share; one risk with a line it cannot rank.

use clausier_check::PackInfo;
use clausier_check::types::{EnumDef, Origin, Schema, VariantDef};
use clausier_check::value::Value;
use clausier_eval::diagnosis::{
    Diagnosis, EntryRisk, GroupKey, GroupResult, GroupingField, IndicatorResult, IndicatorValue,
    InventoryItem, RiskResult,
};
use clausier_eval::report::{DataErrorEntry, DescriptorReport, DescriptorStatus, Report, Summary};
use rust_decimal::Decimal;

fn variant(name: &str, docs: &str) -> VariantDef {
    VariantDef {
        name: name.to_owned(),
        docs: docs.to_owned(),
        origin: Origin::default(),
    }
}

/// The enums of the inventory: categories labelled by their doc comment, jurisdictions
/// and criticality explained at length (shown by their names in words).
pub(crate) fn schema() -> Schema {
    Schema {
        enums: vec![
            EnumDef {
                name: "Category".into(),
                docs: String::new(),
                origin: Origin::default(),
                variants: vec![
                    variant("APPLICATIONS_METIERS", "« Applications métiers »"),
                    variant("BUREAUTIQUE", "« Bureautique »"),
                    variant("VISIO", "« Visio »"),
                ],
            },
            EnumDef {
                name: "Jurisdiction".into(),
                docs: String::new(),
                origin: Origin::default(),
                variants: vec![
                    variant("UE", "Le droit d'un État membre de l'Union européenne."),
                    variant("HORS_UE", "Le droit d'un pays tiers à l'Union européenne."),
                ],
            },
            EnumDef {
                name: "Criticality".into(),
                docs: String::new(),
                origin: Origin::default(),
                variants: vec![
                    variant("MOYENNE", "Une interruption ralentit des missions."),
                    variant(
                        "VITALE",
                        "Une interruption arrête des missions essentielles.",
                    ),
                ],
            },
        ],
        ..Schema::default()
    }
}

pub(crate) fn names() -> Vec<Option<String>> {
    vec![
        Some("Logiciel RH et paie".into()),
        Some("Suite bureautique en ligne".into()),
        Some("Visioconférence".into()),
        None,
    ]
}

fn line(id: &str, input: usize, status: DescriptorStatus) -> DescriptorReport {
    DescriptorReport {
        id: id.into(),
        source: "inventaire.csv".into(),
        lot: None,
        input,
        status,
        score: None,
        rank: None,
        results: Vec::new(),
        errors: Vec::new(),
    }
}

fn money(amount: i64) -> IndicatorValue {
    IndicatorValue {
        value: Some(Value::Money(Decimal::from(amount))),
        missing: Vec::new(),
    }
}

fn variant_key(name: &str) -> GroupKey {
    GroupKey::Variant(name.to_owned())
}

fn group(
    keys: Vec<GroupKey>,
    value: IndicatorValue,
    share: Option<Decimal>,
    entries: usize,
) -> GroupResult {
    GroupResult {
        keys,
        value,
        share,
        entries,
    }
}

fn indicator(
    id: &str,
    title: &str,
    grouping: Vec<GroupingField>,
    total: IndicatorValue,
    groups: Vec<GroupResult>,
) -> IndicatorResult {
    IndicatorResult {
        item: item(id, title),
        grouping,
        total,
        groups,
    }
}

fn field(path: &str, enum_name: &str) -> GroupingField {
    GroupingField {
        path: path.into(),
        enum_name: Some(enum_name.into()),
    }
}

fn share(percent: i64) -> Option<Decimal> {
    Some(Decimal::new(percent, 4))
}

pub(crate) fn diagnosis() -> Diagnosis {
    let mut broken = line("inventaire:5", 3, DescriptorStatus::Invalid);
    broken.errors.push(DataErrorEntry {
        severity: clausier_diagnostics::Severity::Error,
        code: "D0602".into(),
        message: "expected an amount in euros, found `beaucoup`".into(),
        path: "annual_spend".into(),
        line: Some(5),
        column: Some(38),
        help: None,
    });
    let descriptors = vec![
        line("logiciel-rh", 0, DescriptorStatus::Eligible),
        line("bureautique", 1, DescriptorStatus::Eligible),
        line("visio", 2, DescriptorStatus::Eligible),
        broken,
    ];
    let mut summary = Summary::default();
    for descriptor in &descriptors {
        summary.count(descriptor.status);
    }
    let report = Report {
        clausier: "0.1.0".into(),
        pack: PackInfo {
            name: "autodiagnostic".into(),
            version: "1.0.0".into(),
            hash: "sha256:00".into(),
        },
        date: "2026-12-01".into(),
        params: Vec::new(),
        descriptors,
        summary,
        lots: Vec::new(),
        warnings: Vec::new(),
    };
    let mut by_category = indicator(
        "DEPENSE-CATEGORIE",
        "Dépense par catégorie",
        vec![field("category", "Category")],
        money(2_334_000),
        vec![
            group(
                vec![variant_key("APPLICATIONS_METIERS")],
                money(460_000),
                share(1971),
                1,
            ),
            group(
                vec![variant_key("BUREAUTIQUE")],
                money(1_840_000),
                share(7883),
                1,
            ),
            group(vec![variant_key("VISIO")], money(34_000), share(146), 1),
        ],
    );
    by_category.item.text =
        Some("La dépense annuelle de la collectivité, catégorie par catégorie.".into());
    let by_law = indicator(
        "DEPENSE-DROIT",
        "Dépense UE et hors UE",
        vec![field("supplier.jurisdiction", "Jurisdiction")],
        money(2_334_000),
        vec![
            group(vec![variant_key("UE")], money(494_000), share(2117), 2),
            group(
                vec![variant_key("HORS_UE")],
                money(1_840_000),
                share(7883),
                1,
            ),
        ],
    );
    let count = |n: i64| IndicatorValue {
        value: Some(Value::Number(Decimal::from(n))),
        missing: Vec::new(),
    };
    let matrix = indicator(
        "MATRICE",
        "Criticité et droit du fournisseur",
        vec![
            field("criticality", "Criticality"),
            field("supplier.jurisdiction", "Jurisdiction"),
        ],
        count(3),
        vec![
            group(
                vec![variant_key("MOYENNE"), variant_key("UE")],
                count(1),
                share(3333),
                1,
            ),
            group(
                vec![variant_key("MOYENNE"), variant_key("HORS_UE")],
                count(0),
                None,
                0,
            ),
            group(
                vec![variant_key("VITALE"), variant_key("UE")],
                count(1),
                share(3333),
                1,
            ),
            group(
                vec![variant_key("VITALE"), variant_key("HORS_UE")],
                count(1),
                share(3333),
                1,
            ),
        ],
    );
    let outside = indicator(
        "PART-HORS-UE",
        "Part de la dépense soumise à un droit hors UE",
        Vec::new(),
        IndicatorValue {
            value: Some(Value::Percent(Decimal::new(788_346, 4))),
            missing: Vec::new(),
        },
        Vec::new(),
    );
    let date = |text: &str| text.parse::<jiff::civil::Date>().ok();
    let risk = RiskResult {
        item: item("RISQUE", "Risque de dépendance"),
        entries: vec![
            EntryRisk {
                entry: 0,
                score: Some(Decimal::from(9)),
                spend: Some(Decimal::from(460_000)),
                ends: date("2029-12-31"),
                nearness: Some(Decimal::new(25, 2)),
                priority: Some(Decimal::from(1_035_000)),
                rank: Some(2),
                alternatives: vec!["hr".into()],
                missing: Vec::new(),
            },
            EntryRisk {
                entry: 1,
                score: Some(Decimal::from(5)),
                spend: Some(Decimal::from(1_840_000)),
                ends: date("2027-06-30"),
                nearness: Some(Decimal::ONE),
                priority: Some(Decimal::from(9_200_000)),
                rank: Some(1),
                alternatives: vec!["office".into()],
                missing: Vec::new(),
            },
            EntryRisk {
                entry: 2,
                score: Some(Decimal::from(2)),
                spend: Some(Decimal::from(34_000)),
                ends: None,
                nearness: None,
                priority: None,
                rank: None,
                alternatives: vec!["video-conferencing".into()],
                missing: vec!["visio : contract_end".into()],
            },
        ],
    };
    Diagnosis {
        report,
        indicators: vec![by_category, by_law, matrix, outside],
        risks: vec![risk],
        left_out: vec![3],
    }
}

/// A catalogue of two office suites read with the shape and requirements of the test
/// pack `tests/catalogue/pack` (a free software licence, maintenance under contract), and
/// that pack's report over them, worded as `clausier catalogue` words it.
pub(crate) struct CatalogueFixture {
    pub solutions: Vec<clausier_data::Descriptor>,
    pub checked: clausier_check::Checked,
    pub report: Report,
}

const CATALOGUE_PACK: &str = include_str!("../../../../tests/catalogue/pack/solution.clause");

const SOLUTIONS: &str = r#"
{"id": "suite-libre", "solution": {"name": "Suite libre", "categories": ["office"],
  "licence": {"spdx": "EUPL-1.2", "free_software": true},
  "maintenance": {"type": "contract", "contractors": [{"name": "Coopérative", "until": "2030-12-31"}]}}}
{"id": "suite-fermee", "solution": {"name": "Suite fermée", "categories": ["office", "spreadsheet"],
  "licence": {"spdx": "LicenseRef-proprietaire", "free_software": false},
  "maintenance": {"type": "contract", "contractors": [{"name": "Éditeur", "until": "2030-12-31"}]}}}
{"id": "visio-libre", "solution": {"name": "Visio libre", "categories": ["video-conferencing"],
  "licence": {"spdx": "MPL-2.0", "free_software": true},
  "maintenance": {"type": "community", "contractors": []}}}
"#;

pub(crate) fn catalogue() -> CatalogueFixture {
    use clausier_diagnostics::{SourceFile, SourceMap};
    let mut sources = SourceMap::new();
    let id = sources.add(SourceFile::new("solution.clause", CATALOGUE_PACK));
    let parse = clausier_syntax::parse(id, CATALOGUE_PACK);
    let files = [(id, &parse.ast)];
    let checked = clausier_check::check_graph(&clausier_check::PackGraph {
        packs: vec![clausier_check::PackInput {
            name: "catalogue-essai",
            version: "0.1.0",
            files: &files,
            dependencies: Vec::new(),
            overrides: Vec::new(),
        }],
        sources: &sources,
        launch: None,
        lots: &[],
    });
    // One record a line, as NDJSON reads them.
    let lines: String = SOLUTIONS
        .split("}}}")
        .filter(|record| !record.trim().is_empty())
        .map(|record| format!("{}}}}}}}\n", record.replace('\n', " ").trim()))
        .collect();
    let solutions = clausier_data::load::load_text(
        &checked.pack.schema,
        "catalogue.ndjson",
        &lines,
        clausier_data::load::Format::Ndjson,
        &clausier_data::load::LoadOptions::default(),
    );
    let valid = checked.valid().expect("the test pack compiles");
    let options = clausier_eval::RunOptions::new(jiff::civil::date(2026, 12, 1), 1);
    let mut report = clausier_eval::run(
        &clausier_eval::compile(valid),
        PackInfo {
            name: "catalogue-essai".into(),
            version: "0.1.0".into(),
            hash: "sha256:00".into(),
        },
        &solutions,
        &options,
    );
    crate::check::word_report(&mut report, &checked.pack, clausier_i18n::Lang::Fr, false);
    CatalogueFixture {
        solutions,
        checked,
        report,
    }
}

/// An indicator's or a risk's id and title, from the example pack.
fn item(id: &str, title: &str) -> InventoryItem {
    InventoryItem {
        id: id.into(),
        title: Some(title.into()),
        text: None,
        note: None,
        refs: Vec::new(),
        pack: "autodiagnostic".into(),
    }
}

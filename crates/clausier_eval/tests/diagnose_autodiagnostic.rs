//! The shipped pack `rules/autodiagnostic` on the shipped inventory
//! `examples/autodiagnostic/inventaire.csv`: its indicators give the figures of the
//! document « TIE Break » exactly (the fourteen category totals, 11 630 000 €, and
//! 5 600 000 € UE / 6 030 000 € hors UE), and its risk ranks every line.

#![expect(
    clippy::panic,
    reason = "a shipped file that cannot be read or a missing indicator must fail loudly"
)]

use std::path::{Path, PathBuf};

use clausier_check::value::Value;
use clausier_data::load::{Format, LoadOptions, load_text};
use clausier_diagnostics::{SourceFile, SourceMap};
use clausier_eval::diagnosis::{Diagnosis, GroupKey, IndicatorResult};
use clausier_eval::report::PackInfo;
use clausier_eval::{RunOptions, compile, diagnose};
use rust_decimal::Decimal;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(relative: &str) -> String {
    let path = workspace().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn shipped_diagnosis() -> Diagnosis {
    let folder = workspace().join("rules/autodiagnostic");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".clause"))
        .collect();
    names.sort();
    let mut sources = SourceMap::new();
    let mut files = Vec::new();
    for name in &names {
        let text = read(&format!("rules/autodiagnostic/{name}"));
        let id = sources.add(SourceFile::new(name.as_str(), text.as_str()));
        let parse = clausier_syntax::parse(id, &text);
        assert!(
            parse.diagnostics.is_empty(),
            "{name}: {:?}",
            parse.diagnostics
        );
        files.push((id, parse.ast));
    }
    let files: Vec<_> = files.iter().map(|(id, ast)| (*id, ast)).collect();
    let checked = clausier_check::check_pack("autodiagnostic", &files);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let inventory = read("examples/autodiagnostic/inventaire.csv");
    let entries = load_text(
        &checked.pack.schema,
        "inventaire.csv",
        &inventory,
        Format::Csv,
        &LoadOptions::default(),
    );
    let Some(valid) = checked.valid() else {
        unreachable!("asserted above: the pack has no error");
    };
    let program = compile(valid);
    let info = PackInfo {
        name: "autodiagnostic".to_owned(),
        version: "1.0.0".to_owned(),
        hash: "sha256:0".to_owned(),
    };
    let options = RunOptions::new(jiff::civil::date(2026, 11, 28), 2);
    diagnose(&program, info, &entries, &options)
}

fn indicator<'d>(diagnosis: &'d Diagnosis, id: &str) -> &'d IndicatorResult {
    let found = diagnosis.indicators.iter().find(|i| i.item.id == id);
    found.unwrap_or_else(|| panic!("the pack declares no `{id}`"))
}

fn euros(amount: i64) -> Option<Value> {
    Some(Value::Money(Decimal::from(amount)))
}

fn by_key(indicator: &IndicatorResult) -> Vec<(String, Option<Value>)> {
    indicator
        .groups
        .iter()
        .map(|group| {
            let key = match &group.keys[..] {
                [GroupKey::Variant(name)] => name.clone(),
                other => format!("{other:?}"),
            };
            (
                key,
                group.value.value.clone().map(|v| match v {
                    Value::Money(m) => Value::Money(m.normalize()),
                    other => other,
                }),
            )
        })
        .collect()
}

#[test]
fn the_spend_by_category_is_the_documents() {
    let diagnosis = shipped_diagnosis();
    assert!(diagnosis.left_out.is_empty(), "{:?}", diagnosis.left_out);
    let spend = indicator(&diagnosis, "DEPENSE-CATEGORIE");
    let expected = [
        ("APPLICATIONS_METIERS", 3_820_000),
        ("SERVEURS", 2_100_000),
        ("POSTES_DE_TRAVAIL", 2_100_000),
        ("SMARTPHONES_TABLETTES", 72_000),
        ("PERIPHERIQUES", 57_000),
        ("STOCKAGE", 350_000),
        ("RESEAUX", 840_000),
        ("SYSTEMES_D_EXPLOITATION", 166_000),
        ("SECURITE_DES_DONNEES", 142_000),
        ("PROTECTION_DES_TERMINAUX", 81_000),
        ("GESTION_DES_POSTES_DE_TRAVAIL", 20_000),
        ("BUREAUTIQUE", 1_828_000),
        ("APPLICATIONS_TECHNIQUES", 20_000),
        ("VISIO", 34_000),
    ];
    let expected: Vec<(String, Option<Value>)> = expected
        .iter()
        .map(|(key, amount)| ((*key).to_owned(), euros(*amount)))
        .collect();
    assert_eq!(by_key(spend), expected);
    assert_eq!(
        spend.total.value.clone().map(|v| match v {
            Value::Money(m) => Value::Money(m.normalize()),
            other => other,
        }),
        euros(11_630_000)
    );
}

#[test]
fn the_spend_by_the_suppliers_law_is_the_documents() {
    let diagnosis = shipped_diagnosis();
    let split = indicator(&diagnosis, "DEPENSE-DROIT");
    assert_eq!(
        by_key(split),
        [
            ("UE".to_owned(), euros(5_600_000)),
            ("HORS_UE".to_owned(), euros(6_030_000)),
        ]
    );
    let share = indicator(&diagnosis, "PART-HORS-UE");
    let expected = Decimal::from(60_300)
        .checked_div(Decimal::from(1_163)) // 6 030 000 of 11 630 000, in percent
        .map(|p| Value::Percent(p.normalize()));
    assert_eq!(share.total.value, expected);
}

#[test]
fn every_line_is_scored_and_ranked() {
    let diagnosis = shipped_diagnosis();
    let risk = &diagnosis.risks[0];
    assert_eq!(risk.entries.len(), diagnosis.report.descriptors.len());
    assert!(risk.entries.iter().all(|entry| entry.rank.is_some()));
    assert!(risk.entries.iter().any(|entry| entry.rank == Some(1)));
}

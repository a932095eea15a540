//! The engine's `diagnose` against the independent model on random inventories: every
//! indicator's total, each group's keys, value, share and size, the weighted share, the
//! entries left out, and each entry's priority and rank must be what
//! `clausier_model::inventory` computes.
//!
//! Each run uses a fixed seed and one random seed; `CLAUSIER_ORACLE_SEED=N` replays one.
//! The engine's answer is read from its result model, `clausier_eval::diagnosis`, which
//! every output of `clausier diagnose` renders.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "a test states its expectations"
)]

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use clausier_data::load::{Format, LoadOptions, load_text};
use clausier_eval::diagnosis::{Diagnosis, GroupKey, IndicatorResult};
use clausier_eval::report::PackInfo;
use clausier_eval::{RunOptions, compile, diagnose};
use clausier_model::calendar::Day;
use clausier_model::inventory::{
    Group, Inventory, InventoryGenerator, Key, left_out, lines_by_category_and_law,
    lines_by_supplier, ndjson, pack_text, priorities, share_outside_the_union, spend_by_category,
};
use clausier_model::number::Num;
use clausier_pack::load_pack;

const FIXED_SEED: u64 = 20_261_206;
const INVENTORIES_PER_SEED: usize = 150;
/// Shares are compared to this many decimal places: the engine divides in decimals.
const PLACES: u32 = 12;

#[test]
fn the_diagnosis_agrees_with_the_independent_model() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let seeds = match std::env::var("CLAUSIER_ORACLE_SEED")
        .ok()
        .and_then(|s| s.trim().parse().ok())
    {
        Some(seed) => vec![seed],
        None => vec![FIXED_SEED, random_seed()],
    };
    let mut comparisons = 0;
    let mut ranked_ties = 0;
    for seed in seeds {
        let mut generator = InventoryGenerator::new(seed);
        for index in 0..INVENTORIES_PER_SEED {
            let inventory = generator.inventory();
            let diagnosis = engine(&inventory, folder.path());
            let differences = compare(&inventory, &diagnosis, &mut comparisons);
            assert!(
                differences.is_empty(),
                "the engine and the model disagree (seed {seed}, inventory {index}; replay with \
                 CLAUSIER_ORACLE_SEED={seed})\n--- today {} window {} months\n--- inventory\n{}\n--- differences\n{}",
                inventory.today,
                inventory.window_months,
                ndjson(&inventory),
                differences.join("\n")
            );
            let ranks: Vec<u32> = diagnosis.risks[0]
                .entries
                .iter()
                .filter_map(|e| e.rank)
                .collect();
            if ranks
                .iter()
                .enumerate()
                .any(|(i, r)| ranks[..i].contains(r))
            {
                ranked_ties += 1;
            }
        }
    }
    assert!(comparisons >= 10_000, "only {comparisons} comparisons");
    assert!(
        ranked_ties >= 10,
        "ties in rank seen only {ranked_ties} times"
    );
}

fn random_seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    (nanos as u64) ^ u64::from(std::process::id()).rotate_left(32)
}

fn date(day: Day) -> jiff::civil::Date {
    let year = i16::try_from(day.year).expect("a year of the calendar");
    let month = i8::try_from(day.month).expect("a month");
    let day = i8::try_from(day.day).expect("a day");
    jiff::civil::date(year, month, day)
}

/// The engine's diagnosis of `inventory`, as `clausier diagnose` computes it.
fn engine(inventory: &Inventory, folder: &Path) -> Diagnosis {
    let path = folder.join("pack.clause");
    std::fs::write(&path, pack_text(inventory.window_months)).expect("the pack is written");
    let pack = load_pack(&path).expect("the pack loads");
    let Some(valid) = pack.checked.valid() else {
        panic!("the pack does not compile: {:?}", pack.checked.diagnostics);
    };
    let program = compile(valid);
    let entries = load_text(
        &pack.checked.pack.schema,
        "inventaire.ndjson",
        &ndjson(inventory),
        Format::Ndjson,
        &LoadOptions::default(),
    );
    let info = PackInfo {
        name: "modele".to_owned(),
        version: "1.0.0".to_owned(),
        hash: "sha256:0".to_owned(),
    };
    let options = RunOptions::new(date(inventory.today), 2);
    diagnose(&program, info, &entries, &options)
}

/// An engine decimal as the model writes numbers, rounded to [`PLACES`].
fn decimal(value: rust_decimal::Decimal) -> String {
    let rounded =
        value.round_dp_with_strategy(PLACES, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let text = rounded.normalize().to_string();
    if text == "-0" { "0".to_owned() } else { text }
}

fn model(value: &Num) -> String {
    value.rounded_half_away(PLACES).to_decimal_string()
}

fn engine_number(value: Option<&clausier_check::value::Value>) -> Option<String> {
    use clausier_check::value::Value;
    match value? {
        Value::Number(n) | Value::Money(n) | Value::Percent(n) => Some(decimal(*n)),
        _ => None,
    }
}

fn key(key: &GroupKey) -> Key {
    let leak = |text: &str| -> &'static str {
        [
            "BUREAUTIQUE",
            "VISIO",
            "SERVEURS",
            "UE",
            "HORS_UE",
            "Zeta",
            "Alpha",
            "Élan",
            "alpha",
        ]
        .into_iter()
        .find(|known| *known == text)
        .unwrap_or("?")
    };
    match key {
        GroupKey::Variant(name) => Key::Variant(leak(name)),
        GroupKey::Text(text) => Key::Text(leak(text)),
        GroupKey::Absent => Key::Absent,
    }
}

fn compare_indicator(
    name: &str,
    engine: &IndicatorResult,
    (total, groups): &(Option<Num>, Vec<Group>),
    differences: &mut Vec<String>,
    comparisons: &mut usize,
) {
    let engine_total = engine_number(engine.total.value.as_ref());
    *comparisons += 1;
    if engine_total != total.as_ref().map(model) {
        differences.push(format!(
            "{name} total: engine {engine_total:?}, model {total:?}"
        ));
    }
    if engine.groups.len() != groups.len() {
        differences.push(format!(
            "{name}: engine {} groups, model {}",
            engine.groups.len(),
            groups.len()
        ));
        return;
    }
    for (engine, model_group) in engine.groups.iter().zip(groups) {
        *comparisons += 4;
        let keys: Vec<Key> = engine.keys.iter().map(key).collect();
        let value = engine_number(engine.value.value.as_ref());
        let share = engine.share.map(decimal);
        if keys != model_group.keys
            || value != model_group.value.as_ref().map(model)
            || share != model_group.share.as_ref().map(model)
            || engine.entries != model_group.entries
        {
            differences.push(format!(
                "{name} group {keys:?}: engine {value:?} share {share:?} of {}, model {model_group:?}",
                engine.entries
            ));
        }
    }
}

fn compare(inventory: &Inventory, diagnosis: &Diagnosis, comparisons: &mut usize) -> Vec<String> {
    let mut differences = Vec::new();
    let indicator = |id: &str| {
        diagnosis
            .indicators
            .iter()
            .find(|i| i.item.id == id)
            .unwrap_or_else(|| panic!("no indicator {id}"))
    };
    *comparisons += 1;
    if diagnosis.left_out != left_out(inventory) {
        differences.push(format!(
            "left out: engine {:?}, model {:?}",
            diagnosis.left_out,
            left_out(inventory)
        ));
    }
    compare_indicator(
        "SOMME",
        indicator("SOMME"),
        &spend_by_category(inventory),
        &mut differences,
        comparisons,
    );
    compare_indicator(
        "FOURNISSEURS",
        indicator("FOURNISSEURS"),
        &lines_by_supplier(inventory),
        &mut differences,
        comparisons,
    );
    compare_indicator(
        "MATRICE",
        indicator("MATRICE"),
        &lines_by_category_and_law(inventory),
        &mut differences,
        comparisons,
    );
    let share = engine_number(indicator("PART").total.value.as_ref());
    let expected = share_outside_the_union(inventory);
    *comparisons += 1;
    if share != expected.as_ref().map(model) {
        differences.push(format!("PART: engine {share:?}, model {expected:?}"));
    }
    let risks = &diagnosis.risks[0].entries;
    let expected = priorities(inventory);
    if risks.len() != expected.len() {
        differences.push(format!(
            "RISQUE: engine {} entries, model {}",
            risks.len(),
            expected.len()
        ));
        return differences;
    }
    for (engine, model_entry) in risks.iter().zip(&expected) {
        *comparisons += 3;
        let priority = engine.priority.map(decimal);
        if engine.entry != model_entry.entry
            || priority != model_entry.priority.as_ref().map(model)
            || engine.rank != model_entry.rank
        {
            differences.push(format!(
                "RISQUE entry {}: engine {priority:?} rank {:?}, model {model_entry:?}",
                engine.entry, engine.rank
            ));
        }
    }
    differences
}

//! The diagnosis as JSON for other tools. The field names are stable and documented in
//! `docs/diagnose.md`; values are in their unit (euros, percent) beside their words in
//! the chosen language (`text`), and groups give the variant's name beside its label.

use clausier_check::types::Schema;
use clausier_check::value::Value;
use clausier_eval::diagnosis::{
    EntryRisk, GroupKey, GroupingField, IndicatorResult, IndicatorValue, RiskResult,
};
use clausier_i18n::Lang;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value as Json, json};

use super::DiagnosisView;
use super::alternatives::{Verdict, alternatives};
use super::priorities::{entry, entry_name};
use super::words;

/// Renders the diagnosis as pretty JSON ending with a line break; words (`text`,
/// `label`) are in `lang`.
pub fn render_diagnosis_json(
    view: &DiagnosisView<'_>,
    lang: Lang,
) -> Result<String, serde_json::Error> {
    let report = &view.diagnosis.report;
    let left_out: Vec<Json> = view
        .diagnosis
        .left_out
        .iter()
        .filter_map(|&index| {
            let line = entry(view, index)?;
            Some(json!({
                "index": index,
                "id": line.id,
                "source": line.source,
                "errors": line.errors,
            }))
        })
        .collect();
    let document = json!({
        "clausier": report.clausier,
        "pack": report.pack,
        "date": report.date,
        "entries": report.descriptors.len(),
        "left_out": left_out,
        "indicators": view
            .diagnosis
            .indicators
            .iter()
            .map(|indicator| indicator_json(indicator, view.schema, lang))
            .collect::<Vec<_>>(),
        "risks": view
            .diagnosis
            .risks
            .iter()
            .map(|risk| risk_json(view, risk, lang))
            .collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

fn indicator_json(indicator: &IndicatorResult, schema: &Schema, lang: Lang) -> Json {
    json!({
        "id": indicator.item.id,
        "title": indicator.item.title,
        "text": indicator.item.text,
        "note": indicator.item.note,
        "refs": indicator.item.refs,
        "pack": indicator.item.pack,
        "grouping": indicator
            .grouping
            .iter()
            .map(|field| json!({ "path": field.path, "enum": field.enum_name }))
            .collect::<Vec<_>>(),
        "total": value_json(&indicator.total, schema, lang),
        "groups": indicator
            .groups
            .iter()
            .map(|group| {
                let mut object = Map::new();
                object.insert(
                    "keys".to_owned(),
                    Json::Array(
                        group
                            .keys
                            .iter()
                            .enumerate()
                            .map(|(index, key)| {
                                key_json(key, indicator.grouping.get(index), schema, lang)
                            })
                            .collect(),
                    ),
                );
                if let Json::Object(value) = value_json(&group.value, schema, lang) {
                    object.extend(value);
                }
                object.insert("share".to_owned(), optional(group.share));
                object.insert("entries".to_owned(), json!(group.entries));
                Json::Object(object)
            })
            .collect::<Vec<_>>(),
    })
}

fn key_json(key: &GroupKey, field: Option<&GroupingField>, schema: &Schema, lang: Lang) -> Json {
    let label = words::key_label(key, field, schema, lang);
    match key {
        GroupKey::Variant(name) => json!({ "variant": name, "label": label }),
        GroupKey::Text(text) => json!({ "text": text, "label": label }),
        GroupKey::Absent => json!({ "absent": true, "label": label }),
    }
}

/// `{ "value": 11630000, "unit": "money", "text": "11 630 000 €", "missing": [] }`
fn value_json(value: &IndicatorValue, schema: &Schema, lang: Lang) -> Json {
    let (raw, unit) = match &value.value {
        None => (Json::Null, Json::Null),
        Some(Value::Money(amount)) => (number(*amount), json!("money")),
        Some(Value::Percent(rate)) => (number(*rate), json!("percent")),
        Some(Value::Number(count)) => (number(*count), json!("number")),
        Some(Value::Bool(flag)) => (json!(flag), json!("bool")),
        Some(Value::Date(date)) => (json!(date.to_string()), json!("date")),
        Some(other) => (json!(other.display(schema).to_string()), json!("other")),
    };
    json!({
        "value": raw,
        "unit": unit,
        "text": words::indicator_value(value, schema, lang),
        "missing": value.missing,
    })
}

fn risk_json(view: &DiagnosisView<'_>, risk: &RiskResult, lang: Lang) -> Json {
    json!({
        "id": risk.item.id,
        "title": risk.item.title,
        "text": risk.item.text,
        "note": risk.item.note,
        "refs": risk.item.refs,
        "pack": risk.item.pack,
        "entries": risk
            .entries
            .iter()
            .map(|line| entry_risk_json(view, line, lang))
            .collect::<Vec<_>>(),
    })
}

fn entry_risk_json(view: &DiagnosisView<'_>, line: &EntryRisk, lang: Lang) -> Json {
    let report_entry = entry(view, line.entry);
    let mut object = json!({
        "index": line.entry,
        "id": report_entry.map(|entry| entry.id.as_str()),
        "name": entry_name(view, line.entry),
        "rank": line.rank,
        "priority": optional(line.priority),
        "score": optional(line.score),
        "spend": optional(line.spend),
        "ends": line.ends.map(|date| date.to_string()),
        "nearness": optional(line.nearness),
        "alternatives": line.alternatives,
        "missing": line.missing,
    });
    if let (Some(catalogue), Json::Object(fields)) = (&view.catalogue, &mut object) {
        let solutions: Vec<Json> = alternatives(catalogue, &line.alternatives)
            .into_iter()
            .map(|alternative| {
                let (verdict, pack) = match &alternative.verdict {
                    Verdict::NotChecked => ("not-checked", None),
                    Verdict::Satisfied { report } => ("satisfied", Some(&report.pack.name)),
                    Verdict::NotSatisfied { report, .. } => {
                        ("not-satisfied", Some(&report.pack.name))
                    }
                };
                let (words, reasons) = alternative.verdict_words(lang);
                json!({
                    "solution": alternative.card.id,
                    "name": alternative.card.name,
                    "licence": alternative.card.licence,
                    "free_software": alternative.card.free_software,
                    "categories": alternative.card.categories,
                    "pack": pack,
                    "verdict": verdict,
                    "text": words,
                    "reasons": reasons,
                })
            })
            .collect();
        fields.insert("solutions".to_owned(), Json::Array(solutions));
    }
    object
}

fn optional(value: Option<Decimal>) -> Json {
    value.map_or(Json::Null, number)
}

/// A whole number as an integer, else a number rounded to 4 decimals (shares, nearness
/// and priorities are not money: 4 places say them exactly enough).
fn number(value: Decimal) -> Json {
    let normal = value.normalize();
    if normal.scale() == 0
        && let Some(whole) = normal.to_i64()
    {
        return json!(whole);
    }
    normal
        .round_dp(4)
        .to_f64()
        .map_or_else(|| json!(normal.to_string()), |float| json!(float))
}

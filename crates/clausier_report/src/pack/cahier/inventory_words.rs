//! Indicators and risks in the tender: an article for each kind, every item with its
//! texts and what it computes in a sentence (« Somme de `annual_spend` sur les lignes
//! de l'inventaire, par `category` »), never in the syntax of the clauses.

use clausier_check::hir::{IndicatorDef, RiskDef, TExpr, TExprKind};
use clausier_check::list_aggregates::ListAggregateKind;

use super::Rich;
use super::labels::Labels;
use super::model::{Article, Body, RequirementEntry, published_meta};
use super::words::Words;

/// Appends the article of the indicators and the article of the risks, when the pack
/// has any.
pub(super) fn inventory_articles(words: &Words<'_>, labels: &Labels, articles: &mut Vec<Article>) {
    let pack = words.pack;
    let number = articles.len() + 1;
    let indicators: Vec<RequirementEntry> = pack
        .indicators
        .iter()
        .enumerate()
        .map(|(position, indicator)| {
            let check = indicator_words(words, indicator);
            entry(
                words,
                labels,
                &indicator.meta,
                format!("{number}.{}", position + 1),
                check,
            )
        })
        .collect();
    if !indicators.is_empty() {
        articles.push(article(
            number,
            ("indicators", labels.indicators, labels.indicators_intro),
            labels.indicator,
            indicators,
        ));
    }
    let number = articles.len() + 1;
    let risks: Vec<RequirementEntry> = pack
        .risks
        .iter()
        .enumerate()
        .map(|(position, risk)| {
            let check = risk_words(words, risk);
            entry(
                words,
                labels,
                &risk.meta,
                format!("{number}.{}", position + 1),
                check,
            )
        })
        .collect();
    if !risks.is_empty() {
        articles.push(article(
            number,
            ("risks", labels.risks, labels.risks_intro),
            labels.risk,
            risks,
        ));
    }
}

/// An article: its number, its anchor, title and introduction, what its items are called
/// and the items.
fn article(
    number: usize,
    (anchor, title, intro): (&str, &'static str, &'static str),
    item: &'static str,
    entries: Vec<RequirementEntry>,
) -> Article {
    Article {
        number,
        anchor: anchor.to_owned(),
        title,
        intro,
        item,
        body: Body::Requirements(entries),
        opens_lot: None,
        lot_anchor: None,
    }
}

fn entry(
    words: &Words<'_>,
    labels: &Labels,
    meta: &clausier_check::hir::ClauseMeta,
    number: String,
    check: Rich,
) -> RequirementEntry {
    let (text, note) = published_meta(words, meta);
    RequirementEntry {
        number,
        id: meta.id.clone(),
        title: meta.title.clone(),
        text,
        note,
        applies_when: None,
        check_label: labels.computed,
        check,
        refs: meta.refs.clone(),
        evidence: Vec::new(),
        no_equivalent: None,
    }
}

/// « Somme de `annual_spend` sur les lignes de l'inventaire, par `category` ».
fn indicator_words(words: &Words<'_>, indicator: &IndicatorDef) -> Rich {
    let mut sentence = value_over_entries(words, &indicator.value);
    let fields: Vec<&str> = indicator
        .grouping
        .iter()
        .map(|grouping| grouping.field.text.as_str())
        .collect();
    for (index, field) in fields.iter().enumerate() {
        let joint = match index {
            0 => words.say(", par ", ", by "),
            _ => words.say(" et ", " and "),
        };
        sentence = sentence.text(&joint).join(Rich::code(field));
    }
    sentence.text(".")
}

/// What an indicator's value computes over the entries.
fn value_over_entries(words: &Words<'_>, value: &TExpr) -> Rich {
    let lines = words.say("les lignes de l'inventaire", "the lines of the inventory");
    let such_that = |variable: &str, condition: &TExpr| {
        Rich::plain(&words.say(" pour lesquelles ", " for which "))
            .join(words.for_entry(variable).condition(condition))
    };
    match &value.kind {
        TExprKind::Count { collection, filter } if is_entries(collection) => {
            let start = Rich::plain(&words.say(
                "Nombre de lignes de l'inventaire",
                "Number of lines of the inventory",
            ));
            match filter {
                Some((_, variable, condition)) => start.join(such_that(variable, condition)),
                None => start,
            }
        }
        TExprKind::ListAggregate {
            kind,
            collection,
            projection: Some((_, _, projected)),
        } if is_entries(collection) => {
            let word = match kind {
                ListAggregateKind::Sum => words.say("Somme de ", "Sum of "),
                ListAggregateKind::Mean => words.say("Moyenne de ", "Mean of "),
                ListAggregateKind::Min => words.say("Minimum de ", "Minimum of "),
                ListAggregateKind::Max => words.say("Maximum de ", "Maximum of "),
            };
            Rich::plain(&word)
                .join(entry_value(words, projected))
                .text(&words.say(" sur ", " over "))
                .text(&lines)
        }
        TExprKind::Share {
            var_name,
            collection,
            condition,
            weight,
            ..
        } if is_entries(collection) => {
            let start = match weight {
                Some(weight) => Rich::plain(&words.say("Part de ", "Share of "))
                    .join(entry_value(words, weight))
                    .text(&words.say(
                        " des lignes de l'inventaire",
                        " of the lines of the inventory",
                    )),
                None => Rich::plain(&words.say(
                    "Part des lignes de l'inventaire",
                    "Share of the lines of the inventory",
                )),
            };
            start.join(such_that(var_name, condition))
        }
        _ => Rich::plain(&words.say("Valeur : ", "Value: ")).join(words.operand(value)),
    }
}

/// A value read on each entry: its field without the variable (`annual_spend`), or the
/// value in words.
fn entry_value(words: &Words<'_>, value: &TExpr) -> Rich {
    match &value.kind {
        TExprKind::Field(field) => {
            let path = field
                .text
                .split_once('.')
                .map_or(field.text.as_str(), |(_, rest)| rest);
            Rich::code(path)
        }
        _ => words.operand(value),
    }
}

fn is_entries(expr: &TExpr) -> bool {
    matches!(expr.kind, TExprKind::Entries)
}

/// « Note de chaque ligne : … ; dépense : `annual_spend` ; fin du contrat :
/// `contract_end`, fenêtre : 24 mois ; alternatives : … ».
fn risk_words(words: &Words<'_>, risk: &RiskDef) -> Rich {
    let mut sentence = Rich::plain(&words.say("Note de chaque ligne : ", "Score of each line: "))
        .join(words.operand(&risk.value));
    let parts = [
        (&risk.spend, words.say("dépense", "spending")),
        (
            &risk.ends,
            words.say("fin du contrat", "end of the contract"),
        ),
        (
            &risk.window,
            words.say("fenêtre de changement", "window of change"),
        ),
        (
            &risk.alternatives,
            words.say("alternatives", "alternatives"),
        ),
    ];
    for (line, name) in parts {
        if let Some(line) = line {
            sentence = sentence
                .text(&words.say(" ; ", "; "))
                .text(&name)
                .text(&words.say(" : ", ": "))
                .join(words.operand(line));
        }
    }
    sentence.text(".")
}

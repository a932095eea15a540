//! The report and the letters as Markdown: the one place their wording is written (the
//! HTML and Word documents are this Markdown read back, `blocks.rs`).

use std::fmt::Write as _;

use clausier_check::hir::{FieldRoot, TExprKind};
use clausier_check::value::Value;
use clausier_eval::report::{
    ClauseResult, CriterionResult, DescriptorReport, DescriptorStatus, Explanation,
    RequirementResult, RequirementStatus,
};
use rust_decimal::Decimal;

use super::analysis::{Analysis, LotOutcome, Part};
use super::words::{Sentences, Words};
use super::{AwardInput, Means, file_stem};
use crate::pack::cahier::{
    condition_markdown, expr_children, md_code as code, md_escape as escape, number, value_words,
};

/// A document in Markdown, named without its extension.
pub(super) struct Written {
    pub stem: String,
    pub text: String,
}

/// The report (`rapport-analyse-des-offres`) and one letter per offer not retained, and
/// the offers tied at the first rank, which get no letter.
pub(super) fn write_documents(
    input: &AwardInput<'_>,
) -> (Vec<Written>, Vec<(String, Option<String>)>) {
    let analysis = Analysis::of(input.report);
    let mut documents = vec![Written {
        stem: "rapport-analyse-des-offres".to_owned(),
        text: report(input, &analysis),
    }];
    let mut tied_without_letter = Vec::new();
    let mut names = Vec::new();
    for entry in &input.report.descriptors {
        if entry.status == DescriptorStatus::Invalid {
            documents.push(Written {
                stem: unique(&mut names, format!("lettre-{}", file_stem(&entry.id))),
                text: letter(input, &analysis, entry, None),
            });
            continue;
        }
        let Some(part) = analysis
            .parts
            .iter()
            .find(|part| part.offers.iter().any(|offer| std::ptr::eq(*offer, entry)))
        else {
            continue;
        };
        if part.is_winner(entry) {
            continue;
        }
        if part.is_tied(entry) {
            tied_without_letter.push((entry.id.clone(), entry.lot.clone()));
            continue;
        }
        let stem = match &entry.lot {
            Some(lot) => format!("lettre-{}-lot-{}", file_stem(&entry.id), file_stem(lot)),
            None => format!("lettre-{}", file_stem(&entry.id)),
        };
        documents.push(Written {
            stem: unique(&mut names, stem),
            text: letter(input, &analysis, entry, Some(part)),
        });
    }
    (documents, tied_without_letter)
}

/// `stem`, or `stem-2`, `stem-3`… when two offers share an id: no letter replaces another.
fn unique(taken: &mut Vec<String>, stem: String) -> String {
    let mut name = stem.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{stem}-{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn report(input: &AwardInput<'_>, analysis: &Analysis<'_>) -> String {
    let w = Words::of(input.lang);
    let s = Sentences(input.lang);
    let mut out = format!("# {}\n\n", w.report_title);
    procedure_facts(&mut out, input);
    let _ = writeln!(out, "## {}\n", w.offers_received);
    let mut inputs: Vec<&DescriptorReport> = Vec::new();
    for entry in &input.report.descriptors {
        if !inputs.iter().any(|seen| seen.input == entry.input) {
            inputs.push(entry);
        }
    }
    if inputs.is_empty() {
        let _ = writeln!(out, "{}\n", w.no_offer);
    } else {
        let _ = writeln!(out, "{}\n", s.received(inputs.len()));
        let divided = !input.report.lots.is_empty();
        if divided {
            let _ = writeln!(
                out,
                "| {} | {} | {} |\n|---|---|---|",
                w.tenderer, w.file, w.lots
            );
        } else {
            let _ = writeln!(out, "| {} | {} |\n|---|---|", w.tenderer, w.file);
        }
        for entry in &inputs {
            let name = escape(&entry.id);
            let file = code(&entry.source);
            if divided {
                let lots: Vec<String> = input
                    .report
                    .descriptors
                    .iter()
                    .filter(|other| other.input == entry.input)
                    .filter_map(|other| other.lot.clone())
                    .collect();
                let lots = if lots.is_empty() {
                    "—".to_owned()
                } else {
                    lots.join(", ")
                };
                let _ = writeln!(out, "| {name} | {file} | {lots} |");
            } else {
                let _ = writeln!(out, "| {name} | {file} |");
            }
        }
        out.push('\n');
    }
    if !analysis.invalid.is_empty() {
        let _ = writeln!(out, "## {}\n\n{}\n", w.unreadable, w.unreadable_intro);
        for entry in &analysis.invalid {
            let _ = writeln!(out, "- **{}**{}{}", escape(&entry.id), w.colon, w.invalid);
            data_errors(&mut out, input, entry, "  ");
        }
        out.push('\n');
    }
    for part in &analysis.parts {
        let level = match part.lot {
            Some(lot) => {
                let _ = writeln!(out, "## {}\n", escape(&s.lot_heading(&lot.id, &lot.title)));
                "###"
            }
            None => "##",
        };
        part_body(&mut out, input, part, level);
    }
    out
}

fn procedure_facts(out: &mut String, input: &AwardInput<'_>) {
    let w = Words::of(input.lang);
    let procedure = input.procedure;
    let date =
        |date: jiff::civil::Date| value_words(&Value::Date(date), &input.pack.schema, input.lang);
    let mut facts: Vec<(&str, String)> = Vec::new();
    for (label, value) in [
        (w.buyer, &procedure.buyer),
        (w.object, &procedure.object),
        (w.procedure, &procedure.procedure),
    ] {
        if let Some(value) = value {
            facts.push((label, escape(value)));
        }
    }
    if !input.report.lots.is_empty() {
        let s = Sentences(input.lang);
        let lots: Vec<String> = input
            .report
            .lots
            .iter()
            .map(|lot| escape(&s.lot_heading(&lot.id, &lot.title)))
            .collect();
        facts.push((w.lots, lots.join(" ; ")));
    }
    if let Some(deadline) = procedure.deadline {
        facts.push((w.deadline, date(deadline)));
    }
    if let Ok(evaluated) = input.report.date.parse::<jiff::civil::Date>() {
        facts.push((w.evaluation_date, date(evaluated)));
    }
    for (label, value) in facts {
        let _ = writeln!(out, "- **{label}**{}{value}", w.colon);
    }
    out.push('\n');
}

fn part_body(out: &mut String, input: &AwardInput<'_>, part: &Part<'_>, level: &str) {
    let w = Words::of(input.lang);
    let s = Sentences(input.lang);
    let _ = writeln!(out, "{level} {}\n", w.regularity);
    if part.offers.is_empty() {
        let _ = writeln!(out, "{}\n", w.no_offer);
    }
    for offer in &part.offers {
        let verdict = match offer.status {
            DescriptorStatus::Eligible => w.regular,
            DescriptorStatus::Ineligible => w.irregular,
            DescriptorStatus::Incomplete => w.incomplete,
            DescriptorStatus::Review => w.under_review,
            DescriptorStatus::Invalid => w.invalid,
        };
        let _ = writeln!(out, "- **{}**{}{verdict}", escape(&offer.id), w.colon);
        reasons(out, input, offer, "  ");
    }
    out.push('\n');
    let ranking = part.ranking();
    if !ranking.is_empty() {
        let _ = writeln!(out, "{level} {}\n", w.scores);
        for offer in &ranking {
            let _ = writeln!(out, "**{}**\n", escape(&offer.id));
            criteria_table(out, input, offer);
        }
        let _ = writeln!(out, "{level} {}\n", w.ranking);
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            w.rank, w.tenderer, w.points
        );
        for offer in &ranking {
            let rank = offer
                .rank
                .map_or_else(|| "—".to_owned(), |rank| rank.to_string());
            let _ = writeln!(
                out,
                "| {rank} | {} | {} |",
                escape(&offer.id),
                points(offer.score, input)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{level} {}\n", w.proposal);
    let _ = writeln!(out, "{}\n", outcome_sentence(input, part, &s));
}

fn outcome_sentence(input: &AwardInput<'_>, part: &Part<'_>, s: &Sentences) -> String {
    match &part.outcome {
        LotOutcome::Winner(winner) => s.winner(&escape(&winner.id), &points(winner.score, input)),
        LotOutcome::Tie(tied) => {
            let names: Vec<String> = tied.iter().map(|offer| escape(&offer.id)).collect();
            let score = tied.first().and_then(|offer| offer.score);
            s.tie(&names.join(", "), &points(score, input))
        }
        LotOutcome::Unsuccessful => s.unsuccessful(),
    }
}

fn points(value: Option<Decimal>, input: &AwardInput<'_>) -> String {
    value.map_or_else(|| "—".to_owned(), |value| number(value, input.lang))
}

/// Why an offer is not regular: each failed or undecided specification and execution
/// condition, with what the offer declared, and the documents to request.
fn reasons(out: &mut String, input: &AwardInput<'_>, offer: &DescriptorReport, indent: &str) {
    let w = Words::of(input.lang);
    for result in &offer.results {
        let ClauseResult::Requirement(result) = result else {
            continue;
        };
        if !matches!(result.level, "must" | "execution")
            || !matches!(
                result.status,
                RequirementStatus::Fail | RequirementStatus::Missing
            )
        {
            continue;
        }
        let Some(requirement) = input.pack.requirements.iter().find(|requirement| {
            requirement.meta.id == result.clause && requirement.meta.pack == result.pack
        }) else {
            continue;
        };
        let kind = if result.level == "execution" {
            w.execution_condition
        } else {
            w.specification
        };
        let rule = condition_markdown(
            input.pack,
            &requirement.require,
            input.lang,
            input.procedure.deadline.is_some(),
        );
        let _ = writeln!(
            out,
            "{indent}- {} ({kind}){}{rule}",
            escape(&requirement.meta.title),
            w.colon
        );
        declared(out, input, result, &format!("{indent}  "));
    }
    data_errors(out, input, offer, indent);
}

fn declared(out: &mut String, input: &AwardInput<'_>, result: &RequirementResult, indent: &str) {
    let w = Words::of(input.lang);
    let mut seen = Vec::new();
    let mut pending: Vec<&Explanation> = result.explanation.iter().rev().collect();
    while let Some(explanation) = pending.pop() {
        pending.extend(
            explanation
                .alternatives
                .iter()
                .rev()
                .flat_map(|a| a.explanation.iter().rev()),
        );
        let (Some(path), Some(value)) = (&explanation.path, &explanation.value) else {
            continue;
        };
        if seen.contains(&path) {
            continue;
        }
        seen.push(path);
        // The value as the document's language writes it (`12,00 €`, `30 juin 2028`).
        let value = explanation.observed.as_ref().map_or_else(
            || value.clone(),
            |observed| crate::check::wording::shown(observed, input.lang),
        );
        let _ = writeln!(
            out,
            "{indent}- {}{}{} = {}{}",
            w.declared,
            w.colon,
            code(path),
            code(&value),
            place(w, explanation.line, explanation.column)
        );
    }
    for path in &result.missing {
        let _ = writeln!(out, "{indent}- {}{}{}", w.absent, w.colon, code(path));
    }
    for reason in &result.reasons {
        let _ = writeln!(
            out,
            "{indent}- {}{}{}",
            w.no_value,
            w.colon,
            escape(&reason.message)
        );
    }
    for document in &result.documents {
        let _ = writeln!(
            out,
            "{indent}- {}{}{} ({})",
            w.document_to_request,
            w.colon,
            escape(&document.label),
            code(&document.path)
        );
    }
}

fn place(w: &Words, line: Option<u32>, column: Option<u32>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(" ({} {line}, {} {column})", w.line, w.column),
        (Some(line), None) => format!(" ({} {line})", w.line),
        _ => String::new(),
    }
}

fn data_errors(out: &mut String, input: &AwardInput<'_>, offer: &DescriptorReport, indent: &str) {
    let w = Words::of(input.lang);
    for error in &offer.errors {
        if error.severity != clausier_diagnostics::Severity::Error {
            continue;
        }
        let path = if error.path.is_empty() {
            String::new()
        } else {
            format!("{} ", code(&error.path))
        };
        let _ = writeln!(
            out,
            "{indent}- {path}{}{}",
            escape(&error.message),
            place(w, error.line, error.column)
        );
    }
}

/// Each criterion of an offer: its weight, score, points and the values the offer
/// declared for the fields it reads.
fn criteria_table(out: &mut String, input: &AwardInput<'_>, offer: &DescriptorReport) {
    let w = Words::of(input.lang);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        w.criterion, w.weight, w.score, w.points, w.declared_values
    );
    for result in &offer.results {
        let ClauseResult::Criterion(result) = result else {
            continue;
        };
        let title = input
            .pack
            .criteria
            .iter()
            .find(|criterion| {
                criterion.meta.id == result.clause && criterion.meta.pack == result.pack
            })
            .map_or(result.clause.as_str(), |criterion| {
                criterion.meta.title.as_str()
            });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(title).replace('|', "\\|"),
            number(result.weight, input.lang),
            points(result.score, input),
            points(result.points, input),
            declared_values(input, offer, result).replace('|', "\\|"),
        );
    }
    let _ = writeln!(
        out,
        "| **{}** | | | **{}** | |\n",
        w.total,
        points(offer.score, input)
    );
}

fn declared_values(
    input: &AwardInput<'_>,
    offer: &DescriptorReport,
    result: &CriterionResult,
) -> String {
    let Some(criterion) =
        input.pack.criteria.iter().find(|criterion| {
            criterion.meta.id == result.clause && criterion.meta.pack == result.pack
        })
    else {
        return String::new();
    };
    let root = input
        .descriptors
        .get(offer.input)
        .and_then(|descriptor| descriptor.root.clone());
    let mut shown: Vec<String> = Vec::new();
    // Walked with a stack of its own: a chain of operators may be any length.
    let mut pending = vec![&criterion.score];
    while let Some(expr) = pending.pop() {
        pending.extend(expr_children(expr).into_iter().rev());
        let TExprKind::Field(field) = &expr.kind else {
            continue;
        };
        if field.root != FieldRoot::Descriptor {
            continue;
        }
        let mut value: Option<Value> = root.clone().map(Value::Record);
        for step in &field.steps {
            value = match value {
                Some(Value::Record(record)) => record.get(step.field).cloned(),
                _ => None,
            };
        }
        let text = match value {
            Some(value) => format!(
                "{} = {}",
                code(&field.text),
                escape(&value_words(&value, &input.pack.schema, input.lang))
            ),
            None => format!("{} : —", code(&field.text)),
        };
        if !shown.contains(&text) {
            shown.push(text);
        }
    }
    shown.join(" ; ")
}

fn letter(
    input: &AwardInput<'_>,
    analysis: &Analysis<'_>,
    offer: &DescriptorReport,
    part: Option<&Part<'_>>,
) -> String {
    let w = Words::of(input.lang);
    let s = Sentences(input.lang);
    let schema = &input.pack.schema;
    let mut out = format!("# {}\n\n", w.letter_title);
    if let Some(buyer) = &input.procedure.buyer {
        let _ = writeln!(out, "- **{}**{}{}", w.buyer, w.colon, escape(buyer));
    }
    if let Some(object) = &input.procedure.object {
        let _ = writeln!(out, "- **{}**{}{}", w.object, w.colon, escape(object));
    }
    if let Some(lot) = part.and_then(|part| part.lot) {
        let _ = writeln!(
            out,
            "- **{}**{}{}",
            w.lot,
            w.colon,
            escape(&s.lot_heading(&lot.id, &lot.title))
        );
    }
    let _ = writeln!(out, "- **{}**{}{}", w.tenderer, w.colon, escape(&offer.id));
    let _ = writeln!(
        out,
        "- **{}**{}{}\n",
        w.notified_on,
        w.colon,
        value_words(&Value::Date(input.notification.date), schema, input.lang)
    );
    let object = input
        .procedure
        .object
        .as_deref()
        .or(input.procedure.title.as_deref())
        .unwrap_or(input.report.pack.name.as_str());
    let _ = writeln!(out, "{}\n", escape(&s.letter_opening(object)));
    let _ = writeln!(out, "## {}\n", w.your_offer);
    if offer.status == DescriptorStatus::Eligible {
        let total = part.map_or(0, |part| part.ranking().len());
        let _ = writeln!(
            out,
            "{}\n",
            s.your_rank(offer.rank.unwrap_or(0), &points(offer.score, input), total)
        );
        criteria_table(&mut out, input, offer);
    } else {
        let _ = writeln!(out, "{}\n", s.rejected_because(offer.status));
        reasons(&mut out, input, offer, "");
        out.push('\n');
    }
    // An invalid descriptor is on no lot: its letter gives every lot's outcome.
    let parts: Vec<&Part<'_>> = match part {
        Some(part) => vec![part],
        None => analysis.parts.iter().collect(),
    };
    let mut any_winner = false;
    for part in parts {
        // « L'offre retenue » only when one is: a tie or no regular offer has none.
        let title = match part.outcome {
            LotOutcome::Winner(_) => w.chosen_offer,
            LotOutcome::Tie(_) | LotOutcome::Unsuccessful => w.outcome,
        };
        let heading = match part.lot {
            Some(lot) if part_is_not_letters_own(part, offer) => {
                format!("{title} — {}", escape(&s.lot_heading(&lot.id, &lot.title)))
            }
            _ => title.to_owned(),
        };
        let _ = writeln!(out, "## {heading}\n");
        match &part.outcome {
            LotOutcome::Winner(winner) => {
                any_winner = true;
                let _ = writeln!(
                    out,
                    "{}\n",
                    s.chosen(&escape(&winner.id), &points(winner.score, input))
                );
                criteria_table(&mut out, input, winner);
            }
            LotOutcome::Tie(tied) => {
                let names: Vec<String> = tied.iter().map(|offer| escape(&offer.id)).collect();
                let _ = writeln!(out, "{}\n", s.tie_pending(&names.join(", ")));
            }
            LotOutcome::Unsuccessful => {
                let _ = writeln!(out, "{}\n", s.unsuccessful());
            }
        }
    }
    if any_winner {
        let _ = writeln!(out, "## {}\n", w.signature);
        if let Some(date) = input.notification.earliest_signature() {
            let _ = writeln!(
                out,
                "{}\n",
                s.signature(
                    &value_words(&Value::Date(date), schema, input.lang),
                    input.notification.means.standstill_days(),
                    input.notification.means == Means::Electronic,
                )
            );
        }
    }
    out
}

/// Whether the part is not the one lot of the letter (an invalid descriptor's letter
/// names each lot).
fn part_is_not_letters_own(part: &Part<'_>, offer: &DescriptorReport) -> bool {
    offer.lot.as_deref() != part.lot.map(|lot| lot.id.as_str())
}

//! The tender as Markdown (CommonMark with GitHub tables).

use std::fmt::Write;

use super::labels::Labels;
use super::model::{Annex, Article, Body, Cahier, CriterionEntry, Method, RequirementEntry, build};
use super::{CahierInput, Lang, Rich, Run, number, separator};

/// Renders the pack as the Markdown text of a tender.
pub fn render_markdown(input: &CahierInput<'_>, lang: Lang) -> String {
    let cahier = build(input, lang);
    let labels = Labels::of(lang);
    let mut out = String::new();
    write_title_page(&mut out, &cahier, labels);
    for article in &cahier.articles {
        write_article(&mut out, article, &cahier, labels);
    }
    write_annex(&mut out, &cahier.annex, labels);
    let _ = writeln!(
        out,
        "---\n\n*{} {}.*",
        labels.generated_by,
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn write_title_page(out: &mut String, cahier: &Cahier, labels: &Labels) {
    let _ = writeln!(out, "# {}\n", escape(&cahier.title));
    for (label, value) in &cahier.facts {
        let _ = writeln!(out, "- {}", fact(label, &escape(value), cahier.lang));
    }
    if !cahier.facts.is_empty() {
        out.push('\n');
    }
    if !cahier.lots.is_empty() {
        let _ = writeln!(out, "**{}**\n", label(labels.lots, cahier.lang));
        for (index, lot) in cahier.lots.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", index + 1, escape(lot));
        }
        out.push('\n');
    }
    if cahier.draft {
        let _ = writeln!(out, "> **{}**\n", escape(labels.draft_notice));
    }
    if cahier.is_divided() {
        let _ = writeln!(out, "{}\n", paragraph(labels.common_intro));
    }
    let _ = writeln!(out, "## {}\n", labels.contents);
    for article in &cahier.articles {
        if let Some(lot) = &article.opens_lot {
            let _ = writeln!(out, "- **{}**", escape(&lot.heading));
        }
        let _ = writeln!(
            out,
            "- {} {} — {}",
            labels.article, article.number, article.title
        );
    }
    let _ = writeln!(out, "- {}\n", labels.annex);
}

fn write_article(out: &mut String, article: &Article, cahier: &Cahier, labels: &Labels) {
    let lang = cahier.lang;
    if let Some(lot) = &article.opens_lot {
        let _ = writeln!(out, "## {}\n", escape(&lot.heading));
        let _ = writeln!(out, "{}\n", paragraph(&lot.intro));
    }
    let _ = writeln!(
        out,
        "## {} {} — {}\n",
        labels.article, article.number, article.title
    );
    let _ = writeln!(out, "{}\n", article.intro);
    match &article.body {
        Body::Requirements(entries) => {
            let _ = writeln!(
                out,
                "| {} | {} | {} |\n|---|---|---|",
                labels.number, article.item, labels.title
            );
            for entry in entries {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    entry.number,
                    escape(&entry.id),
                    escape(&entry.title)
                );
            }
            out.push('\n');
            for entry in entries {
                write_requirement(out, entry, "###", labels, lang);
            }
        }
        Body::Criteria { criteria, total } => {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |\n|---|---|---|--:|",
                labels.number, labels.criterion, labels.title, labels.weight
            );
            for criterion in criteria {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    criterion.number,
                    escape(&criterion.id),
                    escape(&criterion.title),
                    number(criterion.weight, lang)
                );
            }
            let _ = writeln!(
                out,
                "| **{}** | | | **{}** |\n",
                labels.total,
                number(*total, lang)
            );
            if *total != rust_decimal::Decimal::ONE_HUNDRED {
                let _ = writeln!(out, "{}\n", labels.criteria_total_note);
            }
            for criterion in criteria {
                write_criterion(out, criterion, labels, lang);
            }
        }
        Body::Evidence(rows) => {
            let _ = writeln!(
                out,
                "| {} | {} |\n|---|---|",
                labels.document, labels.asked_by
            );
            for (document, ids) in rows {
                let _ = writeln!(
                    out,
                    "| {} | {} |",
                    escape(document),
                    escape(&ids.join(", "))
                );
            }
            out.push('\n');
        }
    }
}

fn write_requirement(
    out: &mut String,
    entry: &RequirementEntry,
    heading: &str,
    labels: &Labels,
    lang: Lang,
) {
    let _ = writeln!(
        out,
        "{heading} {} {} — {}\n",
        entry.number,
        escape(&entry.id),
        escape(&entry.title)
    );
    write_text(
        out,
        entry.text.as_deref(),
        entry.note.as_deref(),
        labels,
        lang,
    );
    let mut facts = Vec::new();
    if let Some(when) = &entry.applies_when {
        facts.push(fact(labels.applies_when, &rich(when), lang));
    }
    facts.push(fact(entry.check_label, &rich(&entry.check), lang));
    if !entry.refs.is_empty() {
        let refs: Vec<String> = entry.refs.iter().map(|r| escape(r)).collect();
        facts.push(fact(labels.references, &refs.join(separator(lang)), lang));
    }
    if !entry.evidence.is_empty() {
        let documents: Vec<String> = entry.evidence.iter().map(|d| escape(d)).collect();
        facts.push(fact(
            labels.evidence,
            &documents.join(separator(lang)),
            lang,
        ));
    }
    if let Some(reason) = &entry.no_equivalent {
        facts.push(fact(labels.no_equivalent, &escape(reason), lang));
    }
    for fact in facts {
        let _ = writeln!(out, "- {fact}");
    }
    out.push('\n');
}

/// The legal text as a paragraph, or the mark of a text still to be written, then the
/// note.
fn write_text(
    out: &mut String,
    text: Option<&str>,
    note: Option<&str>,
    labels: &Labels,
    lang: Lang,
) {
    match text {
        Some(text) => {
            let _ = writeln!(out, "{}\n", paragraph(text));
        }
        None => {
            let _ = writeln!(out, "**{}**\n", escape(labels.missing_text));
        }
    }
    if let Some(note) = note {
        let _ = writeln!(out, "*{}* {}\n", label(labels.note, lang), escape(note));
    }
}

fn write_criterion(out: &mut String, criterion: &CriterionEntry, labels: &Labels, lang: Lang) {
    let _ = writeln!(
        out,
        "### {} {} — {} ({})\n",
        criterion.number,
        escape(&criterion.id),
        escape(&criterion.title),
        super::scoring::points_phrase(criterion.weight, lang)
    );
    write_text(
        out,
        criterion.text.as_deref(),
        criterion.note.as_deref(),
        labels,
        lang,
    );
    match &criterion.method {
        Method::Sentence(sentence) => {
            let _ = writeln!(out, "{}\n", fact(labels.method, &rich(sentence), lang));
        }
        Method::Sum(parts) => {
            let _ = writeln!(out, "{}.\n", fact(labels.method, labels.sum_method, lang));
            let _ = writeln!(
                out,
                "| {} | {} | {} |\n|---|--:|---|",
                labels.sub_criterion, labels.points, labels.method
            );
            for part in parts {
                let points = part.points.map(|p| number(p, lang)).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    part.label,
                    points,
                    rich_cell(&part.wording)
                );
            }
            out.push('\n');
        }
    }
    if !criterion.scored.is_empty() {
        let _ = writeln!(out, "**{}**\n", label(labels.scored_requirements, lang));
        for entry in &criterion.scored {
            write_requirement(out, entry, "####", labels, lang);
        }
    }
}

fn write_annex(out: &mut String, annex: &Annex, labels: &Labels) {
    let _ = writeln!(out, "## {}\n", labels.annex);
    let _ = writeln!(out, "{}\n", labels.annex_intro);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        labels.clause_set, labels.version, labels.fingerprint, labels.depends_on, labels.clauses
    );
    for pack in &annex.packs {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&pack.name),
            escape(&pack.version),
            code(&pack.hash),
            escape(&pack.dependencies.join(", ")),
            escape(&pack.clauses.join(", "))
        );
    }
    out.push('\n');
    if annex.params.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {}\n", labels.params);
    let _ = writeln!(out, "{}\n", labels.params_intro);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        labels.param, labels.value, labels.declared_by, labels.default_value, labels.set_by
    );
    for param in &annex.params {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            code(&param.name),
            escape(&param.value),
            escape(&param.declared_by),
            escape(&param.default),
            escape(param.set_by.as_deref().unwrap_or(""))
        );
    }
    out.push('\n');
}

/// One line of facts about a clause: its label in bold, then the value.
fn fact(name: &str, value: &str, lang: Lang) -> String {
    format!("**{}** {value}", label(name, lang))
}

/// A label before what it introduces: French puts a space before the colon.
fn label(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{name} :"),
        Lang::En => format!("{name}:"),
    }
}

pub(super) fn rich(text: &Rich) -> String {
    let mut out = String::new();
    for run in &text.runs {
        match run {
            Run::Text(text) => out.push_str(&escape(text)),
            Run::Code(text) => out.push_str(&code(text)),
        }
    }
    out
}

/// A table cell: `|` inside code too must not end the cell.
fn rich_cell(text: &Rich) -> String {
    let mut out = String::new();
    for run in &text.runs {
        match run {
            Run::Text(text) => out.push_str(&escape(text)),
            Run::Code(text) => out.push_str(&code(&text.replace('|', "\\|"))),
        }
    }
    out
}

/// A paragraph of text: escaped, and kept from reading as a list item.
fn paragraph(text: &str) -> String {
    let escaped = escape(text);
    if escaped.starts_with(['-', '+']) {
        return format!("\\{escaped}");
    }
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    match escaped.get(digits..digits + 1) {
        Some(mark @ ("." | ")")) if digits > 0 => {
            format!("{}\\{mark}{}", &escaped[..digits], &escaped[digits + 1..])
        }
        _ => escaped,
    }
}

/// Inline code, with enough backticks around it to hold backticks inside.
pub(crate) fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

/// Text with the characters Markdown gives a meaning escaped, on one line.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(character);
            }
            '\n' | '\r' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_characters_are_escaped() {
        assert_eq!(escape("a *b* [c] | d_e"), "a \\*b\\* \\[c\\] \\| d\\_e");
        assert_eq!(code("x"), "`x`");
        assert_eq!(code("a ` b"), "``a ` b``");
    }

    #[test]
    fn paragraphs_never_start_a_list() {
        assert_eq!(paragraph("- tiret"), "\\- tiret");
        assert_eq!(paragraph("1. Le titulaire"), "1\\. Le titulaire");
        assert_eq!(paragraph("2027 est l'année"), "2027 est l'année");
    }

    #[test]
    fn colons_follow_the_language() {
        assert_eq!(label("Niveau", Lang::Fr), "Niveau :");
        assert_eq!(label("Level", Lang::En), "Level:");
    }
}

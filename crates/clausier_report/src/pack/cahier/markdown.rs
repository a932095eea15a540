//! The cahier des charges as Markdown (CommonMark with GitHub tables).

use std::fmt::Write;

use super::{CahierInput, Labels, Lang, Rich, Run, build};

/// Renders the pack as the Markdown text of a cahier des charges.
pub fn render_markdown(input: &CahierInput<'_>, lang: Lang) -> String {
    let cahier = build(input, lang);
    let labels = Labels::of(cahier.lang);
    let mut out = String::new();

    let _ = writeln!(out, "# {}\n", escape(&cahier.name));
    if let Some(description) = &cahier.description {
        let _ = writeln!(out, "{}\n", rich(description));
    }
    let mut facts = vec![fact(labels.version, escape(&cahier.version), lang)];
    if let Some(license) = &cahier.license {
        facts.push(fact(labels.license, escape(license), lang));
    }
    if !cahier.authors.is_empty() {
        facts.push(fact(
            labels.authors,
            escape(&cahier.authors.join(", ")),
            lang,
        ));
    }
    facts.push(format!(
        "**{}** `{}`",
        label(labels.hash, lang),
        cahier.hash
    ));
    for fact in facts {
        let _ = writeln!(out, "- {fact}");
    }
    out.push('\n');

    // Requirements
    let _ = writeln!(out, "## {}\n", labels.requirements);
    if cahier.requirements.is_empty() {
        let _ = writeln!(out, "{}\n", labels.no_requirements);
    } else {
        let _ = writeln!(out, "{}\n", labels.requirements_intro);
        let _ = writeln!(out, "### {}\n", labels.summary);
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            labels.requirement, labels.title, labels.level
        );
        for requirement in &cahier.requirements {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&requirement.id),
                cell(&requirement.title),
                labels.level(requirement.level)
            );
        }
        out.push('\n');
    }
    for requirement in &cahier.requirements {
        let _ = writeln!(
            out,
            "### {} — {}\n",
            escape(&requirement.id),
            escape(&requirement.title)
        );
        let mut facts = vec![fact(labels.level, labels.level(requirement.level), lang)];
        if let Some(from) = &requirement.from {
            facts.push(fact(labels.from, escape(from), lang));
        }
        if let Some(when) = &requirement.applies_when {
            facts.push(fact(labels.applies_when, rich(when), lang));
        }
        if !requirement.refs.is_empty() {
            let refs: Vec<String> = requirement.refs.iter().map(|r| escape(r)).collect();
            facts.push(fact(labels.references, refs.join(" ; "), lang));
        }
        facts.push(fact(labels.rule, rich(&requirement.rule), lang));
        for fact in facts {
            let _ = writeln!(out, "- {fact}");
        }
        out.push('\n');
        if let Some(text) = &requirement.text {
            let _ = writeln!(out, "> {}\n", escape(text));
        }
        if !requirement.evidence.is_empty() {
            let _ = writeln!(out, "**{}**\n", label(labels.evidence, lang));
            for document in &requirement.evidence {
                let _ = writeln!(out, "- {}", escape(document));
            }
            out.push('\n');
        }
        write_notes(&mut out, &requirement.notes, labels, lang);
    }

    // Criteria
    if !cahier.criteria.is_empty() {
        let _ = writeln!(out, "## {}\n", labels.criteria);
        let _ = writeln!(out, "{}\n", labels.criteria_intro);
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|--:|",
            labels.criterion, labels.title, labels.weight
        );
        for criterion in &cahier.criteria {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&criterion.id),
                cell(&criterion.title),
                number(criterion.weight, lang)
            );
        }
        let _ = writeln!(
            out,
            "| **{}** | | **{}** |\n",
            labels.total,
            number(cahier.total_weight, lang)
        );
        if cahier.total_weight != rust_decimal::Decimal::ONE_HUNDRED {
            let _ = writeln!(out, "{}\n", labels.criteria_total_note);
        }
        for criterion in &cahier.criteria {
            let _ = writeln!(
                out,
                "### {} — {} ({} {})\n",
                escape(&criterion.id),
                escape(&criterion.title),
                labels.weight.to_lowercase(),
                number(criterion.weight, lang)
            );
            let mut facts = Vec::new();
            if let Some(from) = &criterion.from {
                facts.push(fact(labels.from, escape(from), lang));
            }
            facts.push(fact(labels.formula, code(&criterion.formula), lang));
            for fact in facts {
                let _ = writeln!(out, "- {fact}");
            }
            out.push('\n');
            if let Some(text) = &criterion.text {
                let _ = writeln!(out, "> {}\n", escape(text));
            }
            write_notes(&mut out, &criterion.notes, labels, lang);
        }
    }

    // Parameters
    if !cahier.params.is_empty() {
        let _ = writeln!(out, "## {}\n", labels.params);
        let _ = writeln!(out, "{}\n", labels.params_intro);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            labels.param, labels.value, labels.origin, labels.description
        );
        for param in &cahier.params {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                code(&param.name),
                cell(&param.value),
                rich_cell(&param.origin),
                rich_cell(&param.description)
            );
        }
        out.push('\n');
    }

    // Supporting documents
    if !cahier.evidence.is_empty() {
        let _ = writeln!(out, "## {}\n", labels.evidence_list);
        let _ = writeln!(out, "{}\n", labels.evidence_intro);
        let _ = writeln!(
            out,
            "| {} | {} |\n|---|---|",
            labels.document, labels.asked_by
        );
        for (document, ids) in &cahier.evidence {
            let _ = writeln!(out, "| {} | {} |", cell(document), cell(&ids.join(", ")));
        }
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "---\n\n*{} {}.*",
        labels.generated_by,
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn write_notes(out: &mut String, notes: &[Rich], labels: &Labels, lang: Lang) {
    for (index, note) in notes.iter().enumerate() {
        if index == 0 {
            let _ = writeln!(out, "*{}* {}\n", label(labels.note, lang), rich(note));
        } else {
            let _ = writeln!(out, "{}\n", rich(note));
        }
    }
}

/// A label before what it introduces: French puts a space before the colon.
/// One line of facts about a clause: its label in bold, then the value.
fn fact(name: &str, value: impl std::fmt::Display, lang: Lang) -> String {
    format!("**{}** {value}", label(name, lang))
}

fn label(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{name} :"),
        Lang::En => format!("{name}:"),
    }
}

fn number(value: rust_decimal::Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

fn rich(text: &Rich) -> String {
    let mut out = String::new();
    for run in &text.runs {
        match run {
            Run::Text(text) => out.push_str(&escape(text)),
            Run::Code(text) => out.push_str(&code(text)),
        }
    }
    out
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

/// A table cell: escaped, and `|` inside code too.
fn cell(text: &str) -> String {
    escape(text)
}

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
    fn colons_follow_the_language() {
        assert_eq!(label("Niveau", Lang::Fr), "Niveau :");
        assert_eq!(label("Level", Lang::En), "Level:");
    }
}

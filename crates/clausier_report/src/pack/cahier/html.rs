//! The cahier des charges as one self-contained HTML page: semantic markup, the style
//! inline, nothing fetched from the network, and a print style for paper and PDF.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::{CahierInput, Labels, Lang, Rich, Run, build};

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --accent: #000091; --soft: #f3f3f8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, nav, main, footer { max-width: 54rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 2rem; border-bottom: 3px solid var(--accent); }
h1 { font-size: 2rem; margin: 0 0 .5rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15rem; margin: 0 0 .5rem; }
.id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--accent); margin-right: .4rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .75rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
article { margin: 1.5rem 0; padding: 1rem 1.25rem; border: 1px solid var(--line); border-radius: 4px; }
blockquote { margin: .75rem 0; padding: .5rem 1rem; border-left: 4px solid var(--accent); background: var(--soft); }
.level { display: inline-block; padding: 0 .5rem; border-radius: 3px; font-size: .85rem; font-weight: 600; }
.level-must { background: var(--accent); color: #fff; }
.level-should { background: #e3e3fd; color: var(--accent); }
.note { color: var(--muted); font-size: .92rem; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border: 1px solid var(--line); }
th { background: var(--soft); }
td.nowrap, td.nowrap code { white-space: nowrap; overflow-wrap: normal; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 700; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; background: var(--soft); padding: 0 .2em; border-radius: 2px; overflow-wrap: anywhere; }
a { color: var(--accent); }
footer { margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
@media print {
  @page { margin: 2cm 1.8cm; }
  body { font-size: 10.5pt; }
  header, nav, main, footer { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  tr, blockquote, .facts, h3 + .facts { break-inside: avoid; page-break-inside: avoid; }
  article { border: none; border-top: 1px solid var(--line); border-radius: 0; padding: .75rem 0 0; }
  .level, th, blockquote, code { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  #requirements-summary { break-after: page; page-break-after: always; }
}
"#;

/// Renders the pack as a self-contained HTML page.
pub fn render_html(input: &CahierInput<'_>, lang: Lang) -> String {
    let cahier = build(input, lang);
    let labels = Labels::of(cahier.lang);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    let _ = writeln!(out, "<html lang=\"{}\">", lang.code());
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"Clausier {}\">",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(
        out,
        "<title>{} {}</title>",
        escape(&cahier.name),
        escape(&cahier.version)
    );
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");

    // Header
    out.push_str("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&cahier.name));
    if let Some(description) = &cahier.description {
        let _ = writeln!(out, "<p>{}</p>", rich(description));
    }
    out.push_str("<dl class=\"facts\">\n");
    fact(&mut out, labels.version, &escape(&cahier.version));
    if let Some(license) = &cahier.license {
        fact(&mut out, labels.license, &escape(license));
    }
    if !cahier.authors.is_empty() {
        fact(
            &mut out,
            labels.authors,
            &escape(&cahier.authors.join(", ")),
        );
    }
    fact(
        &mut out,
        labels.hash,
        &format!("<code>{}</code>", escape(&cahier.hash)),
    );
    out.push_str("</dl>\n</header>\n");

    // Table of contents
    let mut sections = vec![("requirements", labels.requirements)];
    if !cahier.criteria.is_empty() {
        sections.push(("criteria", labels.criteria));
    }
    if !cahier.params.is_empty() {
        sections.push(("parameters", labels.params));
    }
    if !cahier.evidence.is_empty() {
        sections.push(("evidence", labels.evidence_list));
    }
    let _ = writeln!(out, "<nav aria-label=\"{}\">\n<ul>", escape(labels.summary));
    for (id, title) in &sections {
        let _ = writeln!(out, "<li><a href=\"#{id}\">{}</a></li>", escape(title));
    }
    out.push_str("</ul>\n</nav>\n<main>\n");

    // Requirements
    let _ = writeln!(
        out,
        "<section id=\"requirements\">\n<h2>{}</h2>",
        escape(labels.requirements)
    );
    if cahier.requirements.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(labels.no_requirements));
    } else {
        let _ = writeln!(out, "<p>{}</p>", escape(labels.requirements_intro));
        let _ = writeln!(
            out,
            "<table id=\"requirements-summary\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            escape(labels.summary),
            escape(labels.requirement),
            escape(labels.title),
            escape(labels.level)
        );
        for requirement in &cahier.requirements {
            let _ = writeln!(
                out,
                "<tr><td class=\"nowrap\"><a href=\"#{}\">{}</a></td><td>{}</td><td class=\"nowrap\">{}</td></tr>",
                anchor(&requirement.id),
                escape(&requirement.id),
                escape(&requirement.title),
                escape(labels.level(requirement.level))
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    for requirement in &cahier.requirements {
        let level_class = match requirement.level {
            clausier_syntax::ast::Level::Must => "level-must",
            clausier_syntax::ast::Level::Should => "level-should",
            clausier_syntax::ast::Level::Info => "level-info",
            clausier_syntax::ast::Level::Execution => "level-execution",
        };
        let _ = writeln!(
            out,
            "<article id=\"{}\">\n<h3><span class=\"id\">{}</span>{}</h3>",
            anchor(&requirement.id),
            escape(&requirement.id),
            escape(&requirement.title)
        );
        out.push_str("<dl class=\"facts\">\n");
        fact(
            &mut out,
            labels.level,
            &format!(
                "<span class=\"level {level_class}\">{}</span>",
                escape(labels.level(requirement.level))
            ),
        );
        if let Some(from) = &requirement.from {
            fact(&mut out, labels.from, &escape(from));
        }
        if let Some(when) = &requirement.applies_when {
            fact(&mut out, labels.applies_when, &rich(when));
        }
        if !requirement.refs.is_empty() {
            let refs: Vec<String> = requirement.refs.iter().map(|r| escape(r)).collect();
            fact(&mut out, labels.references, &refs.join("<br>"));
        }
        fact(&mut out, labels.rule, &rich(&requirement.rule));
        out.push_str("</dl>\n");
        legal_text(&mut out, requirement.text.as_deref(), labels);
        if !requirement.evidence.is_empty() {
            let _ = writeln!(out, "<h4>{}</h4>\n<ul>", escape(labels.evidence));
            for document in &requirement.evidence {
                let _ = writeln!(out, "<li>{}</li>", escape(document));
            }
            out.push_str("</ul>\n");
        }
        notes(&mut out, &requirement.notes, labels);
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");

    // Criteria
    if !cahier.criteria.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"criteria\">\n<h2>{}</h2>\n<p>{}</p>",
            escape(labels.criteria),
            escape(labels.criteria_intro)
        );
        let _ = writeln!(
            out,
            "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"number\">{}</th></tr></thead>\n<tbody>",
            escape(labels.criteria),
            escape(labels.criterion),
            escape(labels.title),
            escape(labels.weight)
        );
        for criterion in &cahier.criteria {
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td class=\"number\">{}</td></tr>",
                anchor(&criterion.id),
                escape(&criterion.id),
                escape(&criterion.title),
                number(criterion.weight, lang)
            );
        }
        let _ = writeln!(
            out,
            "</tbody>\n<tfoot><tr><td colspan=\"2\">{}</td><td class=\"number\">{}</td></tr></tfoot>\n</table>",
            escape(labels.total),
            number(cahier.total_weight, lang)
        );
        if cahier.total_weight != Decimal::ONE_HUNDRED {
            let _ = writeln!(out, "<p>{}</p>", escape(labels.criteria_total_note));
        }
        for criterion in &cahier.criteria {
            let _ = writeln!(
                out,
                "<article id=\"{}\">\n<h3><span class=\"id\">{}</span>{}</h3>\n<dl class=\"facts\">",
                anchor(&criterion.id),
                escape(&criterion.id),
                escape(&criterion.title)
            );
            fact(&mut out, labels.weight, &number(criterion.weight, lang));
            if let Some(from) = &criterion.from {
                fact(&mut out, labels.from, &escape(from));
            }
            fact(
                &mut out,
                labels.formula,
                &format!("<code>{}</code>", escape(&criterion.formula)),
            );
            out.push_str("</dl>\n");
            legal_text(&mut out, criterion.text.as_deref(), labels);
            notes(&mut out, &criterion.notes, labels);
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }

    // Parameters
    if !cahier.params.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"parameters\">\n<h2>{}</h2>\n<p>{}</p>",
            escape(labels.params),
            escape(labels.params_intro)
        );
        let _ = writeln!(
            out,
            "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            escape(labels.param),
            escape(labels.value),
            escape(labels.origin),
            escape(labels.description)
        );
        for param in &cahier.params {
            let _ = writeln!(
                out,
                "<tr><td class=\"nowrap\"><code>{}</code></td><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td></tr>",
                escape(&param.name),
                escape(&param.value),
                rich(&param.origin),
                rich(&param.description)
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    // Supporting documents
    if !cahier.evidence.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"evidence\">\n<h2>{}</h2>\n<p>{}</p>",
            escape(labels.evidence_list),
            escape(labels.evidence_intro)
        );
        let _ = writeln!(
            out,
            "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            escape(labels.document),
            escape(labels.asked_by)
        );
        for (document, ids) in &cahier.evidence {
            let links: Vec<String> = ids
                .iter()
                .map(|id| format!("<a href=\"#{}\">{}</a>", anchor(id), escape(id)))
                .collect();
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(document),
                links.join(", ")
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer><p>{} {}.</p></footer>",
        escape(labels.generated_by),
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("</body>\n</html>\n");
    out
}

fn fact(out: &mut String, term: &str, description: &str) {
    let _ = writeln!(out, "<dt>{}</dt><dd>{description}</dd>", escape(term));
}

fn notes(out: &mut String, notes: &[Rich], labels: &Labels) {
    for (index, note) in notes.iter().enumerate() {
        if index == 0 {
            let _ = writeln!(
                out,
                "<p class=\"note\"><strong>{}</strong> {}</p>",
                escape(labels.note),
                rich(note)
            );
        } else {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", rich(note));
        }
    }
}

fn rich(text: &Rich) -> String {
    let mut out = String::new();
    for run in &text.runs {
        match run {
            Run::Text(text) => out.push_str(&escape(text)),
            Run::Code(text) => {
                let _ = write!(out, "<code>{}</code>", escape(text));
            }
        }
    }
    out
}

fn number(value: Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// An element id for a clause: `clause-HEB-01`. Clause ids hold letters, digits, `-` and
/// `_` only, which ids allow.
fn anchor(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("clause-{safe}")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A clause's legal text, quoted as it will stand in the tender.
fn legal_text(out: &mut String, text: Option<&str>, labels: &Labels) {
    if let Some(text) = text {
        let _ = writeln!(
            out,
            "<blockquote aria-label=\"{}\"><p>{}</p></blockquote>",
            escape(labels.legal_text),
            escape(text)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_ids_make_anchors() {
        assert_eq!(
            escape("<a href='x'>&</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(anchor("HEB-01"), "clause-HEB-01");
    }
}

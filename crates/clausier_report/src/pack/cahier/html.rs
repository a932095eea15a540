//! The tender as one self-contained HTML page: semantic markup, the style inline, nothing
//! fetched from the network, and a print style for A4 paper and PDF.

use crate::html_text::{escape, write_page_head};
use std::collections::BTreeMap;
use std::fmt::Write;

use rust_decimal::Decimal;

use super::labels::Labels;
use super::model::{Annex, Article, Body, Cahier, CriterionEntry, Method, RequirementEntry, build};
use super::scoring::points_phrase;
use super::{CahierInput, Lang, Rich, Run, number};

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --accent: #000091; --soft: #f3f3f8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, nav, main, footer { max-width: 54rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 2rem; border-bottom: 3px solid var(--accent); }
h1 { font-size: 2rem; margin: 0 0 1rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15rem; margin: 0 0 .5rem; }
h4, h5 { font-size: 1rem; margin: 1rem 0 .5rem; }
.number { color: var(--muted); font-variant-numeric: tabular-nums; }
.id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--accent); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .75rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
article { margin: 1.5rem 0; padding: 1rem 1.25rem; border: 1px solid var(--line); border-radius: 4px; }
article article { margin: 1rem 0 0; padding: .75rem 1rem; background: var(--soft); }
.legal { margin: .5rem 0; }
.missing { font-weight: 700; color: #b34000; }
.draft { padding: .5rem 1rem; border-left: 4px solid #b34000; background: #fff4ec; }
.note { color: var(--muted); font-size: .92rem; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border: 1px solid var(--line); }
th { background: var(--soft); }
td.nowrap, td.nowrap code { white-space: nowrap; overflow-wrap: normal; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 700; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; background: var(--soft); padding: 0 .2em; border-radius: 2px; overflow-wrap: anywhere; }
a { color: var(--accent); }
#annex { font-size: .9rem; }
footer { margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
@page { size: A4; margin: 2cm 1.8cm; }
@media print {
  body { font-size: 10.5pt; }
  header, nav, main, footer { max-width: none; padding: 0; }
  header { break-after: page; page-break-after: always; border-bottom: none; }
  nav { break-after: page; page-break-after: always; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
  tr, .facts { break-inside: avoid; page-break-inside: avoid; }
  article { border: none; border-top: 1px solid var(--line); border-radius: 0; padding: .75rem 0 0; }
  article article { background: none; }
  #annex { break-before: page; page-break-before: always; }
  th, code, .draft { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Renders the pack as a self-contained HTML page.
pub fn render_html(input: &CahierInput<'_>, lang: Lang) -> String {
    let cahier = build(input, lang);
    let labels = Labels::of(lang);
    let mut out = String::new();
    write_page_head(&mut out, lang, &cahier.title, STYLE);
    write_title_page(&mut out, &cahier, labels);
    out.push_str("<main>\n");
    let first_anchors = first_anchors(&cahier.articles);
    for article in &cahier.articles {
        write_article(&mut out, article, &first_anchors, labels, lang);
    }
    write_annex(&mut out, &cahier.annex, labels);
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

fn write_title_page(out: &mut String, cahier: &Cahier, labels: &Labels) {
    out.push_str("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&cahier.title));
    if !cahier.facts.is_empty() {
        out.push_str("<dl class=\"facts\">\n");
        for (label, value) in &cahier.facts {
            fact(out, label, &escape(value));
        }
        out.push_str("</dl>\n");
    }
    if !cahier.lots.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>\n<ol>", escape(labels.lots));
        for lot in &cahier.lots {
            let _ = writeln!(out, "<li>{}</li>", escape(lot));
        }
        out.push_str("</ol>\n");
    }
    if cahier.draft {
        let _ = writeln!(
            out,
            "<p class=\"draft\"><strong>{}</strong></p>",
            escape(labels.draft_notice)
        );
    }
    if cahier.is_divided() {
        let _ = writeln!(out, "<p>{}</p>", escape(labels.common_intro));
    }
    out.push_str("</header>\n");
    let _ = writeln!(
        out,
        "<nav aria-label=\"{0}\">\n<h2>{0}</h2>\n<ol>",
        escape(labels.contents)
    );
    for article in &cahier.articles {
        if let Some(lot) = &article.opens_lot {
            let _ = writeln!(
                out,
                "<li class=\"lot\"><a href=\"#{}\">{}</a></li>",
                lot.anchor,
                escape(&lot.heading)
            );
        }
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{} {} — {}</a></li>",
            article.anchor,
            escape(labels.article),
            article.number,
            escape(article.title)
        );
    }
    let _ = writeln!(
        out,
        "<li><a href=\"#annex\">{}</a></li>\n</ol>\n</nav>",
        escape(labels.annex)
    );
}

/// Each clause's anchor where the document first publishes it, for the links of the
/// list of supporting documents.
fn first_anchors(articles: &[Article]) -> BTreeMap<&str, String> {
    let mut found = BTreeMap::new();
    for article in articles {
        let ids: Vec<&str> = match &article.body {
            Body::Requirements(entries) => entries.iter().map(|entry| entry.id.as_str()).collect(),
            Body::Criteria { criteria, .. } => criteria
                .iter()
                .flat_map(|criterion| {
                    std::iter::once(criterion.id.as_str())
                        .chain(criterion.scored.iter().map(|entry| entry.id.as_str()))
                })
                .collect(),
            Body::Evidence(_) => Vec::new(),
        };
        for id in ids {
            found
                .entry(id)
                .or_insert_with(|| anchor_in(id, article.lot_anchor.as_deref()));
        }
    }
    found
}

fn write_article(
    out: &mut String,
    article: &Article,
    first_anchors: &BTreeMap<&str, String>,
    labels: &Labels,
    lang: Lang,
) {
    let lot = article.lot_anchor.as_deref();
    if let Some(lot) = &article.opens_lot {
        let _ = writeln!(
            out,
            "<h2 class=\"lot\" id=\"{}\">{}</h2>\n<p>{}</p>",
            lot.anchor,
            escape(&lot.heading),
            escape(&lot.intro)
        );
    }
    let _ = writeln!(
        out,
        "<section id=\"{}\">\n<h2>{} {} — {}</h2>\n<p>{}</p>",
        article.anchor,
        escape(labels.article),
        article.number,
        escape(article.title),
        escape(article.intro)
    );
    match &article.body {
        Body::Requirements(entries) => {
            let _ = writeln!(
                out,
                "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                escape(labels.number),
                escape(article.item),
                escape(labels.title)
            );
            for entry in entries {
                let _ = writeln!(
                    out,
                    "<tr><td class=\"nowrap\">{}</td><td class=\"nowrap\"><a href=\"#{}\">{}</a></td><td>{}</td></tr>",
                    entry.number,
                    anchor_in(&entry.id, lot),
                    escape(&entry.id),
                    escape(&entry.title)
                );
            }
            out.push_str("</tbody>\n</table>\n");
            for entry in entries {
                write_requirement(out, entry, lot, "h3", labels, lang);
            }
        }
        Body::Criteria { criteria, total } => {
            let _ = writeln!(
                out,
                "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"number\">{}</th></tr></thead>\n<tbody>",
                escape(labels.number),
                escape(labels.criterion),
                escape(labels.title),
                escape(labels.weight)
            );
            for criterion in criteria {
                let _ = writeln!(
                    out,
                    "<tr><td class=\"nowrap\">{}</td><td class=\"nowrap\"><a href=\"#{}\">{}</a></td><td>{}</td><td class=\"number\">{}</td></tr>",
                    criterion.number,
                    anchor_in(&criterion.id, lot),
                    escape(&criterion.id),
                    escape(&criterion.title),
                    number(criterion.weight, lang)
                );
            }
            let _ = writeln!(
                out,
                "</tbody>\n<tfoot><tr><td colspan=\"3\">{}</td><td class=\"number\">{}</td></tr></tfoot>\n</table>",
                escape(labels.total),
                number(*total, lang)
            );
            if *total != Decimal::ONE_HUNDRED {
                let _ = writeln!(out, "<p>{}</p>", escape(labels.criteria_total_note));
            }
            for criterion in criteria {
                write_criterion(out, criterion, lot, labels, lang);
            }
        }
        Body::Evidence(rows) => {
            let _ = writeln!(
                out,
                "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                escape(labels.document),
                escape(labels.asked_by)
            );
            for (document, ids) in rows {
                let links: Vec<String> = ids
                    .iter()
                    .map(|id| {
                        let target = first_anchors
                            .get(id.as_str())
                            .cloned()
                            .unwrap_or_else(|| anchor(id));
                        format!("<a href=\"#{target}\">{}</a>", escape(id))
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td></tr>",
                    escape(document),
                    links.join(", ")
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
    out.push_str("</section>\n");
}

fn write_requirement(
    out: &mut String,
    entry: &RequirementEntry,
    lot: Option<&str>,
    heading: &str,
    labels: &Labels,
    lang: Lang,
) {
    let _ = writeln!(
        out,
        "<article id=\"{}\">\n<{heading}><span class=\"number\">{}</span> <span class=\"id\">{}</span> — {}</{heading}>",
        anchor_in(&entry.id, lot),
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
    out.push_str("<dl class=\"facts\">\n");
    if let Some(when) = &entry.applies_when {
        fact(out, labels.applies_when, &rich(when));
    }
    fact(out, entry.check_label, &rich(&entry.check));
    if !entry.refs.is_empty() {
        let refs: Vec<String> = entry.refs.iter().map(|r| escape(r)).collect();
        fact(out, labels.references, &refs.join("<br>"));
    }
    if !entry.evidence.is_empty() {
        let documents: Vec<String> = entry.evidence.iter().map(|d| escape(d)).collect();
        fact(out, labels.evidence, &documents.join("<br>"));
    }
    if let Some(reason) = &entry.no_equivalent {
        fact(out, labels.no_equivalent, &escape(reason));
    }
    out.push_str("</dl>\n</article>\n");
}

fn write_text(
    out: &mut String,
    text: Option<&str>,
    note: Option<&str>,
    labels: &Labels,
    lang: Lang,
) {
    match text {
        Some(text) => {
            let _ = writeln!(out, "<p class=\"legal\">{}</p>", escape(text));
        }
        None => {
            let _ = writeln!(
                out,
                "<p class=\"legal missing\">{}</p>",
                escape(labels.missing_text)
            );
        }
    }
    if let Some(note) = note {
        let _ = writeln!(
            out,
            "<p class=\"note\"><strong>{}</strong> {}</p>",
            escape(&label(labels.note, lang)),
            escape(note)
        );
    }
}

fn write_criterion(
    out: &mut String,
    criterion: &CriterionEntry,
    lot: Option<&str>,
    labels: &Labels,
    lang: Lang,
) {
    let _ = writeln!(
        out,
        "<article id=\"{}\">\n<h3><span class=\"number\">{}</span> <span class=\"id\">{}</span> — {} ({})</h3>",
        anchor_in(&criterion.id, lot),
        criterion.number,
        escape(&criterion.id),
        escape(&criterion.title),
        escape(&points_phrase(criterion.weight, lang))
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
            let _ = writeln!(
                out,
                "<p class=\"method\"><strong>{}</strong> {}</p>",
                escape(&label(labels.method, lang)),
                rich(sentence)
            );
        }
        Method::Sum(parts) => {
            let _ = writeln!(
                out,
                "<p class=\"method\"><strong>{}</strong> {}.</p>",
                escape(&label(labels.method, lang)),
                escape(labels.sum_method)
            );
            let _ = writeln!(
                out,
                "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"number\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                escape(labels.sub_criteria),
                escape(labels.sub_criterion),
                escape(labels.points),
                escape(labels.method)
            );
            for part in parts {
                let points = part.points.map(|p| number(p, lang)).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td class=\"number\">{}</td><td>{}</td></tr>",
                    part.label,
                    points,
                    rich(&part.wording)
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
    if !criterion.scored.is_empty() {
        let _ = writeln!(out, "<h4>{}</h4>", escape(labels.scored_requirements));
        for entry in &criterion.scored {
            write_requirement(out, entry, lot, "h5", labels, lang);
        }
    }
    out.push_str("</article>\n");
}

fn write_annex(out: &mut String, annex: &Annex, labels: &Labels) {
    let _ = writeln!(
        out,
        "<section id=\"annex\">\n<h2>{}</h2>\n<p>{}</p>",
        escape(labels.annex),
        escape(labels.annex_intro)
    );
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        escape(labels.clause_set),
        escape(labels.version),
        escape(labels.fingerprint),
        escape(labels.depends_on),
        escape(labels.clauses)
    );
    for pack in &annex.packs {
        let _ = writeln!(
            out,
            "<tr><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
            escape(&pack.name),
            escape(&pack.version),
            escape(&pack.hash),
            escape(&pack.dependencies.join(", ")),
            escape(&pack.clauses.join(", "))
        );
    }
    out.push_str("</tbody>\n</table>\n");
    if !annex.params.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p>{}</p>\n<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            escape(labels.params),
            escape(labels.params_intro),
            escape(labels.param),
            escape(labels.value),
            escape(labels.declared_by),
            escape(labels.default_value),
            escape(labels.set_by)
        );
        for param in &annex.params {
            let _ = writeln!(
                out,
                "<tr><td class=\"nowrap\"><code>{}</code></td><td class=\"nowrap\">{}</td><td>{}</td><td class=\"nowrap\">{}</td><td>{}</td></tr>",
                escape(&param.name),
                escape(&param.value),
                escape(&param.declared_by),
                escape(&param.default),
                escape(param.set_by.as_deref().unwrap_or(""))
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn fact(out: &mut String, term: &str, description: &str) {
    let _ = writeln!(out, "<dt>{}</dt><dd>{description}</dd>", escape(term));
}

fn label(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{name} :"),
        Lang::En => format!("{name}:"),
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

/// The element id of a clause in a lot's part, `lot-1-clause-PRIX`: a criterion for
/// every lot is published in each lot's part. In the common part, [`anchor`].
fn anchor_in(id: &str, lot: Option<&str>) -> String {
    match lot {
        Some(lot) => format!("{lot}-{}", anchor(id)),
        None => anchor(id),
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

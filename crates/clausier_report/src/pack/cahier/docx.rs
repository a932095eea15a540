//! The tender as a Word document (Office Open XML, `.docx`), which buyers assemble their
//! consultation files in: a title page, headings for the numbered articles and clauses,
//! tables of the requirements, criteria (weights and total) and supporting documents, on
//! A4 pages with 2 cm margins, in the document's language (the page, fonts, styles and
//! language tag are those of every Word document, in `crate::docx_page`).

use docx_rs::{AlignmentType, BreakType, Docx, Paragraph, Run, Table, TableRow};
use rust_decimal::Decimal;

use super::labels::Labels;
use super::model::{Annex, Article, Body, Cahier, CriterionEntry, Method, RequirementEntry, build};
use super::scoring::points_phrase;
use super::{CahierInput, Lang, Rich, Run as RichRun, number, separator};
use crate::docx_page::{TEXT_WIDTH, cell, header_row, package, sized, styled_document, widths};

/// Renders the pack as a Word document: the bytes of the `.docx` file.
pub fn render_docx(input: &CahierInput<'_>, lang: Lang) -> std::io::Result<Vec<u8>> {
    let cahier = build(input, lang);
    let labels = Labels::of(lang);
    let mut docx = styled_document();
    docx = write_title_page(docx, &cahier, labels);
    for article in &cahier.articles {
        docx = write_article(docx, article, labels, lang);
    }
    docx = write_annex(docx, &cahier.annex, labels);
    docx = docx.add_paragraph(
        Paragraph::new().add_run(
            Run::new()
                .add_text(format!(
                    "{} {}.",
                    labels.generated_by,
                    env!("CARGO_PKG_VERSION")
                ))
                .italic()
                .size(16),
        ),
    );
    package(docx, lang)
}

fn write_title_page(mut docx: Docx, cahier: &Cahier, labels: &Labels) -> Docx {
    let lang = cahier.lang;
    docx = docx.add_paragraph(
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text(&cahier.title)),
    );
    for (label_text, value) in &cahier.facts {
        docx = docx.add_paragraph(fact(label_text, Rich::plain(value), lang));
    }
    if !cahier.lots.is_empty() {
        docx = docx.add_paragraph(
            Paragraph::new().add_run(Run::new().add_text(label(labels.lots, lang)).bold()),
        );
        for (index, lot) in cahier.lots.iter().enumerate() {
            docx = docx.add_paragraph(
                Paragraph::new()
                    .add_run(
                        Run::new()
                            .add_text(format!("{} {}", labels.lot, index + 1))
                            .bold(),
                    )
                    .add_run(Run::new().add_text(format!(
                        "{} {lot}",
                        if lang == Lang::Fr { " :" } else { ":" }
                    ))),
            );
        }
    }
    if cahier.draft {
        docx = docx.add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(labels.draft_notice)
                    .bold()
                    .color("B34000"),
            ),
        );
    }
    if cahier.is_divided() {
        docx = docx.add_paragraph(paragraph(labels.common_intro));
    }
    docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
    docx = docx.add_paragraph(heading("Heading1", labels.contents));
    for article in &cahier.articles {
        if let Some(lot) = &article.opens_lot {
            docx = docx.add_paragraph(
                Paragraph::new().add_run(Run::new().add_text(lot.heading.as_str()).bold()),
            );
        }
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(format!(
            "{} {} — {}",
            labels.article, article.number, article.title
        ))));
    }
    docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(labels.annex)))
}

fn write_article(mut docx: Docx, article: &Article, labels: &Labels, lang: Lang) -> Docx {
    if let Some(lot) = &article.opens_lot {
        // A lot's part starts on a page of its own, as the first article does.
        docx = docx
            .add_paragraph(heading("Heading1", &lot.heading).page_break_before(true))
            .add_paragraph(paragraph(&lot.intro));
    }
    docx = docx
        .add_paragraph(
            heading(
                "Heading1",
                &format!("{} {} — {}", labels.article, article.number, article.title),
            )
            .page_break_before(article.number == 1 && article.opens_lot.is_none()),
        )
        .add_paragraph(paragraph(article.intro));
    match &article.body {
        Body::Requirements(entries) => {
            let rows = entries
                .iter()
                .map(|entry| vec![entry.number.clone(), entry.id.clone(), entry.title.clone()])
                .collect();
            docx = docx.add_table(table(
                &[labels.number, article.item, labels.title],
                &[1, 2, 7],
                rows,
                None,
            ));
            for entry in entries {
                docx = write_requirement(docx, entry, "Heading2", labels, lang);
            }
        }
        Body::Criteria { criteria, total } => {
            let rows = criteria
                .iter()
                .map(|criterion| {
                    vec![
                        criterion.number.clone(),
                        criterion.id.clone(),
                        criterion.title.clone(),
                        number(criterion.weight, lang),
                    ]
                })
                .collect();
            let total_row = vec![
                labels.total.to_owned(),
                String::new(),
                String::new(),
                number(*total, lang),
            ];
            docx = docx.add_table(table(
                &[labels.number, labels.criterion, labels.title, labels.weight],
                &[1, 3, 4, 2],
                rows,
                Some(total_row),
            ));
            if *total != Decimal::ONE_HUNDRED {
                docx = docx.add_paragraph(paragraph(labels.criteria_total_note));
            }
            for criterion in criteria {
                docx = write_criterion(docx, criterion, labels, lang);
            }
        }
        Body::Evidence(rows) => {
            let rows = rows
                .iter()
                .map(|(document, ids)| vec![document.clone(), ids.join(", ")])
                .collect();
            docx = docx.add_table(table(
                &[labels.document, labels.asked_by],
                &[7, 3],
                rows,
                None,
            ));
        }
    }
    docx
}

fn write_requirement(
    mut docx: Docx,
    entry: &RequirementEntry,
    style: &str,
    labels: &Labels,
    lang: Lang,
) -> Docx {
    docx = docx.add_paragraph(heading(
        style,
        &format!("{} {} — {}", entry.number, entry.id, entry.title),
    ));
    docx = write_text(
        docx,
        entry.text.as_deref(),
        entry.note.as_deref(),
        labels,
        lang,
    );
    if let Some(when) = &entry.applies_when {
        docx = docx.add_paragraph(fact(labels.applies_when, when.clone(), lang));
    }
    docx = docx.add_paragraph(fact(entry.check_label, entry.check.clone(), lang));
    if !entry.refs.is_empty() {
        docx = docx.add_paragraph(fact(
            labels.references,
            Rich::plain(&entry.refs.join(separator(lang))),
            lang,
        ));
    }
    if !entry.evidence.is_empty() {
        docx = docx.add_paragraph(fact(
            labels.evidence,
            Rich::plain(&entry.evidence.join(separator(lang))),
            lang,
        ));
    }
    if let Some(reason) = &entry.no_equivalent {
        docx = docx.add_paragraph(fact(labels.no_equivalent, Rich::plain(reason), lang));
    }
    docx
}

fn write_text(
    docx: Docx,
    text: Option<&str>,
    note: Option<&str>,
    labels: &Labels,
    lang: Lang,
) -> Docx {
    let docx = match text {
        Some(text) => docx.add_paragraph(paragraph(text)),
        None => docx.add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(labels.missing_text)
                    .bold()
                    .color("B34000"),
            ),
        ),
    };
    match note {
        Some(note) => docx.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(label(labels.note, lang)).italic())
                .add_run(Run::new().add_text(format!(" {note}"))),
        ),
        None => docx,
    }
}

fn write_criterion(
    mut docx: Docx,
    criterion: &CriterionEntry,
    labels: &Labels,
    lang: Lang,
) -> Docx {
    docx = docx.add_paragraph(heading(
        "Heading2",
        &format!(
            "{} {} — {} ({})",
            criterion.number,
            criterion.id,
            criterion.title,
            points_phrase(criterion.weight, lang)
        ),
    ));
    docx = write_text(
        docx,
        criterion.text.as_deref(),
        criterion.note.as_deref(),
        labels,
        lang,
    );
    match &criterion.method {
        Method::Sentence(sentence) => {
            docx = docx.add_paragraph(fact(labels.method, sentence.clone(), lang));
        }
        Method::Sum(parts) => {
            docx = docx.add_paragraph(fact(
                labels.method,
                Rich::plain(&format!("{}.", labels.sum_method)),
                lang,
            ));
            let header = [labels.sub_criterion, labels.points, labels.method];
            let [label_width, points_width, method_width] =
                [2, 1, 7].map(|share| TEXT_WIDTH.saturating_mul(share) / 10);
            let mut rows = vec![header_row(
                &header,
                &[label_width, points_width, method_width],
            )];
            for part in parts {
                let points = part.points.map(|p| number(p, lang)).unwrap_or_default();
                rows.push(TableRow::new(vec![
                    cell(paragraph(&part.label), label_width),
                    cell(
                        Paragraph::new()
                            .align(AlignmentType::Right)
                            .add_run(Run::new().add_text(points)),
                        points_width,
                    ),
                    cell(
                        rich_paragraph(Paragraph::new(), &part.wording),
                        method_width,
                    ),
                ]));
            }
            docx = docx.add_table(sized(
                Table::new(rows),
                vec![label_width, points_width, method_width],
            ));
        }
    }
    if !criterion.scored.is_empty() {
        docx = docx.add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(label(labels.scored_requirements, lang))
                    .bold(),
            ),
        );
        for entry in &criterion.scored {
            docx = write_requirement(docx, entry, "Heading3", labels, lang);
        }
    }
    docx
}

fn write_annex(mut docx: Docx, annex: &Annex, labels: &Labels) -> Docx {
    docx = docx
        .add_paragraph(heading("Heading1", labels.annex).page_break_before(true))
        .add_paragraph(paragraph(labels.annex_intro));
    let rows = annex
        .packs
        .iter()
        .map(|pack| {
            vec![
                pack.name.clone(),
                pack.version.clone(),
                pack.hash.clone(),
                pack.dependencies.join(", "),
                pack.clauses.join(", "),
            ]
        })
        .collect();
    docx = docx.add_table(table(
        &[
            labels.clause_set,
            labels.version,
            labels.fingerprint,
            labels.depends_on,
            labels.clauses,
        ],
        &[2, 1, 3, 2, 3],
        rows,
        None,
    ));
    if annex.params.is_empty() {
        return docx;
    }
    docx = docx
        .add_paragraph(heading("Heading2", labels.params))
        .add_paragraph(paragraph(labels.params_intro));
    let rows = annex
        .params
        .iter()
        .map(|param| {
            vec![
                param.name.clone(),
                param.value.clone(),
                param.declared_by.clone(),
                param.default.clone(),
                param.set_by.clone().unwrap_or_default(),
            ]
        })
        .collect();
    docx.add_table(table(
        &[
            labels.param,
            labels.value,
            labels.declared_by,
            labels.default_value,
            labels.set_by,
        ],
        &[3, 2, 2, 2, 2],
        rows,
        None,
    ))
}

fn heading(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .keep_next(true)
        .add_run(Run::new().add_text(text))
}

fn paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

/// `Vérification : …`, the label in bold.
fn fact(name: &str, value: Rich, lang: Lang) -> Paragraph {
    let label_run = Run::new()
        .add_text(format!("{} ", label(name, lang)))
        .bold();
    rich_paragraph(Paragraph::new().add_run(label_run), &value)
}

fn rich_paragraph(mut paragraph: Paragraph, text: &Rich) -> Paragraph {
    for run in &text.runs {
        paragraph = match run {
            RichRun::Text(text) => paragraph.add_run(Run::new().add_text(text)),
            RichRun::Code(code) => paragraph.add_run(Run::new().add_text(code).style("Code")),
        };
    }
    paragraph
}

fn label(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{name} :"),
        Lang::En => format!("{name}:"),
    }
}

/// A table with a shaded header row, columns in the given proportions of the text width,
/// and an optional bold last row (a total).
fn table(
    header: &[&str],
    shares: &[usize],
    rows: Vec<Vec<String>>,
    total: Option<Vec<String>>,
) -> Table {
    let widths = widths(shares);
    let mut table_rows = vec![header_row(header, &widths)];
    for row in rows {
        table_rows.push(TableRow::new(
            row.into_iter()
                .zip(&widths)
                .map(|(text, width)| cell(paragraph(&text), *width))
                .collect(),
        ));
    }
    if let Some(total) = total {
        table_rows.push(TableRow::new(
            total
                .into_iter()
                .zip(&widths)
                .map(|(text, width)| {
                    cell(
                        Paragraph::new().add_run(Run::new().add_text(text).bold()),
                        *width,
                    )
                })
                .collect(),
        ));
    }
    sized(Table::new(table_rows), widths)
}

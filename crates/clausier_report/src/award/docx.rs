//! An award document as a Word document: the blocks of its Markdown as headings,
//! paragraphs, indented bullets and tables, on the pages and in the styles of the tender
//! (`crate::docx_page`).

use docx_rs::{Docx, Paragraph, Run, SpecialIndentType, Table, TableRow};

use super::blocks::{Block, Inline, plain};
use crate::docx_page::{cell, header_row, package, sized, styled_document, widths};
use crate::pack::Lang;

/// The indent of each level of a list, in twentieths of a point (a quarter inch).
const LIST_INDENT: i32 = 360;
/// A column's share of the table's width is the length of its longest text, within
/// these bounds: a column of numbers stays readable, a column of sentences does not
/// crush the others.
const NARROWEST_COLUMN: usize = 6;
const WIDEST_COLUMN: usize = 40;

/// The bytes of the `.docx` file of a document.
pub(super) fn document(blocks: &[Block], lang: Lang) -> std::io::Result<Vec<u8>> {
    let docx = write_blocks(styled_document(), blocks, 0);
    package(docx, lang)
}

fn write_blocks(mut docx: Docx, blocks: &[Block], depth: i32) -> Docx {
    for block in blocks {
        docx = match block {
            Block::Heading { level, text } => {
                let style = format!("Heading{}", (*level).clamp(1, 4));
                docx.add_paragraph(runs(Paragraph::new().style(&style).keep_next(true), text))
            }
            Block::Paragraph(text) => {
                docx.add_paragraph(indented(runs(Paragraph::new(), text), depth))
            }
            Block::List(items) => {
                for item in items {
                    docx = write_item(docx, item, depth + 1);
                }
                docx
            }
            Block::Table { head, rows } => docx.add_table(table(head, rows)),
        };
    }
    docx
}

/// A list item: its first paragraph after a bullet, hanging, then its nested lists.
fn write_item(docx: Docx, item: &[Block], depth: i32) -> Docx {
    match item.split_first() {
        Some((Block::Paragraph(text), rest)) => {
            let bullet = Paragraph::new().add_run(Run::new().add_text("•\t"));
            let docx = docx.add_paragraph(indented(runs(bullet, text), depth));
            write_blocks(docx, rest, depth)
        }
        _ => write_blocks(docx, item, depth),
    }
}

fn indented(paragraph: Paragraph, depth: i32) -> Paragraph {
    if depth == 0 {
        return paragraph;
    }
    paragraph.indent(
        Some(LIST_INDENT.saturating_mul(depth)),
        Some(SpecialIndentType::Hanging(LIST_INDENT / 2 + 60)),
        None,
        None,
    )
}

fn runs(mut paragraph: Paragraph, text: &Inline) -> Paragraph {
    for span in text {
        let mut run = Run::new().add_text(&span.text);
        if span.strong {
            run = run.bold();
        }
        if span.emphasis {
            run = run.italic();
        }
        if span.code {
            run = run.style("Code");
        }
        paragraph = paragraph.add_run(run);
    }
    paragraph
}

/// A table across the text width, its header row shaded, each column as wide as its
/// longest text asks (within bounds).
fn table(head: &[Inline], rows: &[Vec<Inline>]) -> Table {
    let shares: Vec<usize> = (0..head.len())
        .map(|column| {
            std::iter::once(head.get(column))
                .chain(rows.iter().map(|row| row.get(column)))
                .flatten()
                .map(|text| plain(text).chars().count())
                .max()
                .unwrap_or(0)
                .clamp(NARROWEST_COLUMN, WIDEST_COLUMN)
        })
        .collect();
    let widths = widths(&shares);
    let header: Vec<String> = head.iter().map(plain).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table_rows = vec![header_row(&header, &widths)];
    for row in rows {
        table_rows.push(TableRow::new(
            widths
                .iter()
                .enumerate()
                .map(|(column, width)| {
                    let text = row.get(column).cloned().unwrap_or_default();
                    cell(runs(Paragraph::new(), &text), *width)
                })
                .collect(),
        ));
    }
    sized(Table::new(table_rows), widths)
}

//! An award document as one self-contained HTML page: the blocks of its Markdown as
//! headings, paragraphs, lists and tables with column headers, the style inline, nothing
//! fetched, and a print style for A4 paper.

use crate::html_text::{escape, write_page_head};
use std::fmt::Write as _;

use super::blocks::{Block, Inline, plain};
use crate::pack::Lang;

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1b1b1b; --line: #c8c8c8; --accent: #000091; --soft: #f3f3f8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 1rem; padding-bottom: .5rem; border-bottom: 3px solid var(--accent); }
h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 .5rem; }
ul { padding-left: 1.5rem; }
li > ul { margin: .25rem 0; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border: 1px solid var(--line); overflow-wrap: anywhere; }
th { background: var(--soft); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; background: var(--soft); padding: 0 .2em; border-radius: 2px; overflow-wrap: anywhere; }
@page { size: A4; margin: 2cm 1.8cm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  th, code { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The page of a document: its title is its first heading.
pub(super) fn page(blocks: &[Block], lang: Lang) -> String {
    let title = blocks
        .iter()
        .find_map(|block| match block {
            Block::Heading { text, .. } => Some(plain(text)),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = String::new();
    write_page_head(&mut out, lang, &title, STYLE);
    out.push_str("<main>\n");
    write_blocks(&mut out, blocks);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn write_blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", inline(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", inline(text));
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str("<li>");
                    write_item(out, item);
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            Block::Table { head, rows } => {
                out.push_str("<table>\n<thead>\n<tr>");
                for cell in head {
                    let _ = write!(out, "<th scope=\"col\">{}</th>", inline(cell));
                }
                out.push_str("</tr>\n</thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let _ = write!(out, "<td>{}</td>", inline(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
}

/// A list item: its first paragraph inline (as Markdown shows a tight list), the rest as
/// blocks.
fn write_item(out: &mut String, item: &[Block]) {
    let rest = match item.split_first() {
        Some((Block::Paragraph(text), rest)) => {
            out.push_str(&inline(text));
            rest
        }
        _ => item,
    };
    if !rest.is_empty() {
        out.push('\n');
        write_blocks(out, rest);
    }
}

fn inline(text: &Inline) -> String {
    let mut out = String::new();
    for span in text {
        let mut piece = escape(&span.text);
        if span.code {
            piece = format!("<code>{piece}</code>");
        }
        if span.emphasis {
            piece = format!("<em>{piece}</em>");
        }
        if span.strong {
            piece = format!("<strong>{piece}</strong>");
        }
        out.push_str(&piece);
    }
    out
}

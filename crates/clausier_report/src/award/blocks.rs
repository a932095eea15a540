//! The award documents' Markdown read back into a few kinds of blocks (headings,
//! paragraphs, lists, tables) with pulldown-cmark, for the HTML and Word writers: the
//! wording is written once, by `markdown.rs`, and every format shows the same text.

use std::iter::Peekable;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A piece of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Span {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
}

/// A line of text: its spans in order.
pub(super) type Inline = Vec<Span>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Block {
    /// A heading of level 1 to 6.
    Heading {
        level: u8,
        text: Inline,
    },
    Paragraph(Inline),
    /// A bulleted list: each item is the blocks it holds (its text, then nested lists).
    List(Vec<Vec<Block>>),
    Table {
        head: Vec<Inline>,
        rows: Vec<Vec<Inline>>,
    },
}

/// The blocks of a Markdown text.
pub(super) fn parse(markdown: &str) -> Vec<Block> {
    let mut events = Parser::new_ext(markdown, Options::ENABLE_TABLES).peekable();
    let mut blocks = Vec::new();
    // A stray end at the top level (none in what `markdown.rs` writes) is passed over,
    // so that no text after it is lost.
    loop {
        blocks.extend(read_blocks(&mut events));
        if events.next().is_none() {
            return blocks;
        }
    }
}

/// The plain text of a line.
pub(super) fn plain(text: &Inline) -> String {
    text.iter().map(|span| span.text.as_str()).collect()
}

type Events<'a> = Peekable<Parser<'a>>;

/// Blocks up to the end of the container they are in (left for the caller to take).
fn read_blocks(events: &mut Events<'_>) -> Vec<Block> {
    let mut blocks = Vec::new();
    loop {
        match events.peek() {
            None | Some(Event::End(_)) => return blocks,
            Some(event) if is_inline(event) => {
                // The text of a tight list item comes without a paragraph around it.
                blocks.push(Block::Paragraph(read_inline(events)));
                continue;
            }
            Some(_) => {}
        }
        let Some(Event::Start(tag)) = events.next() else {
            continue;
        };
        match tag {
            Tag::Heading { level, .. } => {
                let text = read_inline(events);
                events.next();
                blocks.push(Block::Heading {
                    level: level as u8,
                    text,
                });
            }
            Tag::Paragraph => {
                let text = read_inline(events);
                events.next();
                blocks.push(Block::Paragraph(text));
            }
            Tag::List(_) => blocks.push(Block::List(read_items(events))),
            Tag::Table(_) => blocks.push(read_table(events)),
            // Any other container (none in what `markdown.rs` writes): its content, flat.
            _ => {
                blocks.extend(read_blocks(events));
                events.next();
            }
        }
    }
}

fn read_items(events: &mut Events<'_>) -> Vec<Vec<Block>> {
    let mut items = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Item) => {
                items.push(read_blocks(events));
                events.next();
            }
            Event::End(TagEnd::List(_)) => break,
            _ => {}
        }
    }
    items
}

fn read_table(events: &mut Events<'_>) -> Block {
    let mut head = Vec::new();
    let mut rows = Vec::new();
    let mut row = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::TableCell) => {
                row.push(read_inline(events));
                events.next();
            }
            Event::End(TagEnd::TableHead) => head = std::mem::take(&mut row),
            Event::End(TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    Block::Table { head, rows }
}

fn is_inline(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::Text(_)
            | Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::Start(Tag::Strong | Tag::Emphasis | Tag::Link { .. })
    )
}

/// Spans up to the end of their paragraph, heading, cell or item, or the start of a
/// nested block.
fn read_inline(events: &mut Events<'_>) -> Inline {
    let mut spans: Inline = Vec::new();
    let mut strong = 0_u32;
    let mut emphasis = 0_u32;
    loop {
        let text = match events.peek() {
            Some(Event::Text(text) | Event::Html(text) | Event::InlineHtml(text)) => {
                Some((text.to_string(), false))
            }
            Some(Event::Code(text)) => Some((text.to_string(), true)),
            Some(Event::SoftBreak | Event::HardBreak) => Some((" ".to_owned(), false)),
            Some(Event::Start(Tag::Strong)) => {
                strong += 1;
                None
            }
            Some(Event::End(TagEnd::Strong)) => {
                strong = strong.saturating_sub(1);
                None
            }
            Some(Event::Start(Tag::Emphasis)) => {
                emphasis += 1;
                None
            }
            Some(Event::End(TagEnd::Emphasis)) => {
                emphasis = emphasis.saturating_sub(1);
                None
            }
            Some(Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link)) => None,
            _ => return spans,
        };
        events.next();
        let Some((text, code)) = text else {
            continue;
        };
        let span = Span {
            text,
            strong: strong > 0,
            emphasis: emphasis > 0,
            code,
        };
        // Text pulldown-cmark gives in pieces (around an escape) is one span again.
        match spans.last_mut() {
            Some(last)
                if !code
                    && !last.code
                    && last.strong == span.strong
                    && last.emphasis == span.emphasis =>
            {
                last.text.push_str(&span.text);
            }
            _ => spans.push(span),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str) -> Span {
        Span {
            text: text.to_owned(),
            ..Span::default()
        }
    }

    #[test]
    fn headings_lists_and_tables_are_read_with_their_emphasis() {
        let blocks = parse(
            "# Titre\n\n- **a\\_b** : ok\n  - `x` = 1\n\n| A | B |\n|---|---|\n| 1 | **2** |\n",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 1,
                    text: vec![span("Titre")]
                },
                Block::List(vec![vec![
                    Block::Paragraph(vec![
                        Span {
                            strong: true,
                            ..span("a_b")
                        },
                        span(" : ok")
                    ]),
                    Block::List(vec![vec![Block::Paragraph(vec![
                        Span {
                            code: true,
                            ..span("x")
                        },
                        span(" = 1")
                    ])]])
                ]]),
                Block::Table {
                    head: vec![vec![span("A")], vec![span("B")]],
                    rows: vec![vec![
                        vec![span("1")],
                        vec![Span {
                            strong: true,
                            ..span("2")
                        }]
                    ]]
                }
            ]
        );
    }

    #[test]
    fn markup_in_vendor_text_stays_text() {
        let blocks = parse("Offre <script>alert(1)</script> & co\n");
        assert_eq!(plain_of(&blocks), "Offre <script>alert(1)</script> & co");
    }

    fn plain_of(blocks: &[Block]) -> String {
        match blocks.first() {
            Some(Block::Paragraph(text)) => plain(text),
            other => panic!("{other:?}"),
        }
    }
}

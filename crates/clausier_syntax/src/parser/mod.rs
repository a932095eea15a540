//! The error-tolerant parser.
//!
//! 1. A linear pre-scan ([`scan`]) cuts the file into items at each line that starts an
//!    item keyword, collects comments and measures nesting.
//! 2. Each item is parsed alone by pest (`grammar/clausier.pest`, rule `chunk`), whose
//!    catch-all rules keep a broken field from breaking its block.
//! 3. The pest tree becomes the typed tree ([`build`]); swallowed slices are re-parsed
//!    strictly to say what was expected.
//!
//! An item that pest cannot parse at all, or that nests too deeply, becomes
//! [`ItemKind::Error`] with one diagnostic, and parsing goes on with the next item.

mod build;
mod data;
mod errors;
mod expr;
mod grammar;
mod lex;
mod literal;
mod scan;

use clausier_diagnostics::{Code, Diagnostic, FileId, Message, Span};
use pest::Parser;
use pest::error::{ErrorVariant, InputLocation};

use crate::ast::{Docs, ExprKind, Item, ItemKind, ParamDecl, SetDecl, SourceFileAst};
use crate::lexicon;
use build::ItemBuilder;
use errors::Context;
use grammar::{ClausierParser, Rule};
use lex::{last_token_end, skip_trivia};

/// How deep expressions, types and data may nest before the parser stops with a
/// diagnostic. Every bracket, prefix operator, `if`, quantifier, `count` and aggregate
/// counts one level; an infix operator counts none, so a chain `a and b and …` of any
/// length is not nested.
pub const MAX_NESTING: usize = 256;

/// The result of parsing one file: always a tree, plus what went wrong.
#[derive(Debug, Clone, Default)]
pub struct Parse {
    pub ast: SourceFileAst,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses one `.clause` file. Never fails: text that cannot be understood becomes `Error`
/// nodes, each with a located diagnostic.
pub fn parse(file: FileId, text: &str) -> Parse {
    parse_up_to(file, text, u32::MAX as usize)
}

/// [`parse`], refusing texts longer than `max_len` (spans hold `u32` offsets).
fn parse_up_to(file: FileId, text: &str, max_len: usize) -> Parse {
    if text.len() > max_len {
        let diagnostic = Diagnostic::error(Code::TOO_LARGE, Message::new("syntax-too-large"))
            .with_primary(
                file,
                Span::empty_at(0),
                Message::new("syntax-too-large-label"),
            )
            .with_help(Message::new("syntax-too-large-help"));
        return Parse {
            ast: SourceFileAst::default(),
            diagnostics: vec![diagnostic],
        };
    }
    let scanned = scan::scan(text);
    let mut session = Session {
        file,
        text,
        unterminated_strings: &scanned.unterminated_strings,
        diagnostics: Vec::new(),
    };
    let mut items = Vec::new();
    for chunk in &scanned.chunks {
        session.chunk(chunk, &mut items);
    }
    let mut diagnostics = session.diagnostics;
    diagnostics.sort_by_key(|diagnostic| diagnostic.primary_label().map(|label| label.span.start));
    Parse {
        ast: SourceFileAst {
            items,
            comments: scanned.comments,
        },
        diagnostics,
    }
}

/// What every part of the parser shares while parsing one file.
struct Session<'t> {
    file: FileId,
    text: &'t str,
    unterminated_strings: &'t [u32],
    diagnostics: Vec<Diagnostic>,
}

impl<'t> Session<'t> {
    fn chunk(&mut self, chunk: &scan::Chunk, items: &mut Vec<Item>) {
        let (start, end) = (chunk.start, chunk.end);
        let content = skip_trivia(self.text, start, end);
        if content == end {
            return;
        }
        if let Some(at) = chunk.too_deep {
            self.diagnostics.push(errors::too_deep(self.file, at));
            // Such an item can be megabytes on one line: trim it without lexing it.
            let (docs, after_docs) = leading_docs(self.text, content, end);
            let trimmed = self.text[..end].trim_end().len().max(after_docs);
            items.push(Item {
                docs,
                kind: ItemKind::Error,
                span: Span::from_range(after_docs..trimmed),
            });
            return;
        }
        let (docs, after_docs) = leading_docs(self.text, content, end);
        if after_docs == end {
            self.diagnostics.push(
                Diagnostic::error(Code::SYNTAX, Message::new("syntax-doc-comment-alone"))
                    .with_primary(
                        self.file,
                        docs.span,
                        Message::new("syntax-doc-comment-alone-label"),
                    )
                    .with_help(Message::new("syntax-doc-comment-alone-help")),
            );
            items.push(Item {
                docs: Docs::default(),
                kind: ItemKind::Error,
                span: docs.span,
            });
            return;
        }
        if !starts_with_item_word(self.text, after_docs, end) {
            self.report_junk(after_docs, end, docs, items);
            return;
        }
        let slice = &self.text[start..end];
        match ClausierParser::parse(Rule::chunk, slice) {
            Ok(mut pairs) => {
                let Some(pair) = pairs.next() else {
                    return;
                };
                let parsed_end = start + pair.as_span().end();
                let mut builder = ItemBuilder::new(self, start);
                let item = builder.chunk(pair);
                builder.finish();
                let first_new = items.len();
                items.extend(item);
                let rest = skip_trivia(self.text, parsed_end, end);
                if rest < end {
                    // `param max_price: money = 6,50 €` parses as a param worth `6`
                    // followed by junk: a one-line item cut short on its own line is
                    // broken, not a declaration of what it happened to read.
                    let cut_short = !self.text[parsed_end..rest].contains('\n');
                    if cut_short && let Some(good) = items.get_mut(first_new) {
                        match &mut good.kind {
                            ItemKind::Param(ParamDecl { value, .. })
                            | ItemKind::Set(SetDecl { value, .. }) => value.kind = ExprKind::Error,
                            _ => {}
                        }
                    }
                    self.report_rest(start, rest, end, items);
                }
            }
            Err(error) => {
                let pos = error_position(&error.location);
                let diagnostic = match &error.variant {
                    ErrorVariant::ParsingError { positives, .. } => {
                        self.syntax_error(content, start + pos, positives, Context::Item)
                    }
                    // pest's own guards (stack or call limit): the item is too deep for it.
                    ErrorVariant::CustomError { .. } => {
                        errors::too_deep(self.file, errors::token_span(self.text, start + pos))
                    }
                };
                self.diagnostics.push(diagnostic);
                items.push(self.error_item(content, end));
            }
        }
    }

    /// Text left after a good item. When an optional part of the item broke off early
    /// (`use pack::{HEB-01 as maybe}` parses as `use pack`), a strict parse of the
    /// whole item knows what was expected inside the rest; otherwise the rest is junk.
    fn report_rest(&mut self, start: usize, rest: usize, end: usize, items: &mut Vec<Item>) {
        let text = self.text;
        if let Err(error) = ClausierParser::parse(Rule::strict_chunk, &text[start..end])
            && let ErrorVariant::ParsingError { positives, .. } = &error.variant
        {
            let pos = start + error_position(&error.location);
            if pos >= rest && errors::says_what_was_expected(positives, Context::Item) {
                let diagnostic = self.syntax_error(rest, pos, positives, Context::Item);
                self.diagnostics.push(diagnostic);
                items.push(Item {
                    docs: Docs::default(),
                    kind: ItemKind::Error,
                    span: Span::from_range(rest..last_token_end(text, rest, end)),
                });
                return;
            }
        }
        self.report_junk(rest, end, Docs::default(), items);
    }

    /// Text between items that starts no item: one error for all of it.
    fn report_junk(&mut self, from: usize, end: usize, docs: Docs, items: &mut Vec<Item>) {
        let span = errors::token_span(self.text, from);
        let diagnostic = if &self.text[span.range()] == "}" {
            Diagnostic::error(Code::SYNTAX, Message::new("syntax-stray-brace"))
                .with_primary(self.file, span, Message::new("syntax-stray-brace-label"))
                .with_help(Message::new("syntax-stray-brace-help"))
        } else {
            errors::expected(
                self.file,
                self.text,
                from,
                from,
                &[Rule::chunk],
                Context::Item,
            )
        };
        self.diagnostics
            .push(self.prefer_unterminated(from, from, diagnostic));
        items.push(Item {
            docs,
            kind: ItemKind::Error,
            span: Span::from_range(from..last_token_end(self.text, from, end)),
        });
    }

    /// An item that could not be parsed, keeping the doc comment in front of it.
    fn error_item(&self, content: usize, end: usize) -> Item {
        let (docs, after_docs) = leading_docs(self.text, content, end);
        Item {
            docs,
            kind: ItemKind::Error,
            span: Span::from_range(after_docs..last_token_end(self.text, after_docs, end)),
        }
    }

    /// The diagnostic for a syntax error at `pos`, found while parsing text that starts
    /// at `from`.
    fn syntax_error(
        &self,
        from: usize,
        pos: usize,
        positives: &[Rule],
        context: Context,
    ) -> Diagnostic {
        let diagnostic = errors::expected(self.file, self.text, from, pos, positives, context);
        self.prefer_unterminated(from, pos, diagnostic)
    }

    /// An unterminated string swallows the rest of its line, so it is the likeliest cause
    /// of a syntax error at or after it: when one starts in `from..=upto`, say that
    /// instead.
    fn prefer_unterminated(&self, from: usize, upto: usize, diagnostic: Diagnostic) -> Diagnostic {
        let first = self
            .unterminated_strings
            .partition_point(|&at| (at as usize) < from);
        match self.unterminated_strings.get(first) {
            Some(&at) if (at as usize) <= upto => {
                errors::unterminated_string(self.file, self.text, at as usize)
            }
            _ => diagnostic,
        }
    }

    /// Re-parses `from..to` with a strict rule to explain the catch-all slice that starts
    /// at `region`.
    fn explain(
        &self,
        rule: Rule,
        from: usize,
        region: usize,
        to: usize,
        context: Context,
    ) -> Diagnostic {
        match ClausierParser::parse(rule, &self.text[from..to]) {
            Err(error) => {
                let pos = error_position(&error.location);
                match &error.variant {
                    ErrorVariant::ParsingError { positives, .. } => {
                        self.syntax_error(region, from + pos, positives, context)
                    }
                    ErrorVariant::CustomError { .. } => {
                        errors::too_deep(self.file, errors::token_span(self.text, from + pos))
                    }
                }
            }
            // The slice parses alone: what broke it was its surroundings.
            Ok(_) => self.prefer_unterminated(
                region,
                to.saturating_sub(1),
                errors::expected(self.file, self.text, region, region, &[], context),
            ),
        }
    }
}

fn error_position(location: &InputLocation) -> usize {
    match *location {
        InputLocation::Pos(pos) | InputLocation::Span((pos, _)) => pos,
    }
}

fn starts_with_item_word(text: &str, from: usize, end: usize) -> bool {
    let word = &text[from..lex::word_end(text, from, end)];
    lexicon::ITEM_KEYWORDS.contains(&word)
}

/// The `///` lines at `from` (after trivia), and where the text after them starts.
fn leading_docs(text: &str, from: usize, end: usize) -> (Docs, usize) {
    let mut lines: Vec<&str> = Vec::new();
    let mut span = Span::empty_at(u32::try_from(from).unwrap_or(u32::MAX));
    let mut at = skip_trivia(text, from, end);
    while text[at..end].starts_with("///") && !text[at..end].starts_with("////") {
        let line_end = text[at..end].find(['\n', '\r']).map_or(end, |i| at + i);
        if lines.is_empty() {
            span = Span::from_range(at..line_end);
        } else {
            span = span.cover(Span::from_range(at..line_end));
        }
        lines.push(doc_line_text(&text[at..line_end]));
        at = skip_trivia(text, line_end, end);
    }
    let docs = Docs {
        text: lines.join("\n"),
        span,
    };
    (docs, at)
}

/// A doc line's text: without `///` and the one space after it.
fn doc_line_text(line: &str) -> &str {
    let body = line.strip_prefix("///").unwrap_or(line);
    let body = body.strip_suffix('\r').unwrap_or(body);
    body.strip_prefix(' ').unwrap_or(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_too_long_for_spans_gives_one_error_and_no_tree() {
        let parse = parse_up_to(FileId(3), "enum A { X }", 5);
        assert!(parse.ast.items.is_empty());
        assert_eq!(parse.diagnostics.len(), 1);
        assert_eq!(parse.diagnostics[0].code, Code::TOO_LARGE);
        assert_eq!(parse.diagnostics[0].labels[0].file, FileId(3));
        assert_eq!(
            parse_up_to(FileId(3), "enum A { X }", 12).ast.items.len(),
            1
        );
    }
}

//! JSON, strictly (no comments, no trailing commas), with a byte range for every value
//! and numbers kept as written.

use std::borrow::Cow;
use std::rc::Rc;

use clausier_diagnostics::{Message, Span};
use jsonc_parser::ast::{ObjectPropName, Value as JsonValue};
use jsonc_parser::errors::{ParseError, ParseErrorKind};
use jsonc_parser::tokens::Token;
use jsonc_parser::{CollectOptions, ParseOptions, Scanner, ScannerOptions, parse_to_ast};

use super::SyntaxError;
use super::expect::{self, Phrase};
use super::node::{Entry, MAX_DEPTH, Node, NodeKind, NumberText};
use super::text_index::TextIndex;

fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

fn strict_scanner() -> ScannerOptions {
    ScannerOptions {
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// What the text of one descriptor is, to name its end in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Extent {
    /// A whole `.json` file.
    File,
    /// One line of an NDJSON file.
    Line,
}

impl Extent {
    fn end(self) -> Phrase {
        Phrase::feminine(Message::new(match self {
            Extent::File => "d0601-json-end-of-file",
            Extent::Line => "d0601-json-end-of-line",
        }))
    }
}

/// Reads one JSON value from `text`, which starts at byte `base` of the file `index` is of.
///
/// An empty text reads as a `Null` node: the caller reports it as a missing record.
pub(crate) fn parse<'a>(
    text: &'a str,
    base: usize,
    extent: Extent,
    index: &TextIndex<'_>,
) -> Result<Node<'a>, SyntaxError> {
    let parsed = parse_to_ast(text, &CollectOptions::default(), &strict())
        .map_err(|error| syntax_error(text, base, extent, index, &error))?;
    match parsed.value {
        Some(value) => node(&value, base, 0),
        None => Ok(Node::new(
            NodeKind::Null,
            Span::from_range(base..base + text.len()),
        )),
    }
}

fn node<'a>(value: &JsonValue<'a>, base: usize, depth: usize) -> Result<Node<'a>, SyntaxError> {
    let span =
        |range: jsonc_parser::common::Range| Span::from_range(base + range.start..base + range.end);
    if depth > MAX_DEPTH {
        return Err(SyntaxError::too_deep(span(value_range(value))));
    }
    let kind = match value {
        JsonValue::NullKeyword(_) => NodeKind::Null,
        JsonValue::BooleanLit(lit) => NodeKind::Bool(lit.value),
        JsonValue::NumberLit(lit) => NodeKind::Number(NumberText::Text(Cow::Borrowed(lit.value))),
        JsonValue::StringLit(lit) => NodeKind::Str(lit.value.clone()),
        JsonValue::Array(array) => {
            let items = array
                .elements
                .iter()
                .map(|element| node(element, base, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            NodeKind::List(Rc::from(items))
        }
        JsonValue::Object(object) => {
            let mut entries = Vec::with_capacity(object.properties.len());
            for property in &object.properties {
                let (key, key_range) = match &property.name {
                    ObjectPropName::String(lit) => (lit.value.clone(), lit.range),
                    ObjectPropName::Word(word) => (Cow::Borrowed(word.value), word.range),
                };
                entries.push(Entry {
                    key,
                    key_span: span(key_range),
                    value: node(&property.value, base, depth + 1)?,
                });
            }
            NodeKind::Record(Rc::from(entries))
        }
    };
    Ok(Node::new(kind, span(value_range(value))))
}

fn value_range(value: &JsonValue<'_>) -> jsonc_parser::common::Range {
    match value {
        JsonValue::StringLit(lit) => lit.range,
        JsonValue::NumberLit(lit) => lit.range,
        JsonValue::BooleanLit(lit) => lit.range,
        JsonValue::Object(object) => object.range,
        JsonValue::Array(array) => array.range,
        JsonValue::NullKeyword(keyword) => keyword.range,
    }
}

/// The error for a text that is not JSON, located at the token that cannot be there, or
/// at the end of the text when what is missing is at the end.
fn syntax_error(
    text: &str,
    base: usize,
    extent: Extent,
    index: &TextIndex<'_>,
    error: &ParseError,
) -> SyntaxError {
    let span = |start: usize, end: usize| Span::from_range(base + start..base + end);
    let range = error.range();
    // The end of the text, before any trailing blank: where a missing `}` or value goes.
    let end = text.trim_end().len();
    let at_end = span(end, end);
    let error_span = if range.start >= end {
        at_end
    } else {
        span(range.start, range.end)
    };
    let found = |context: &Context<'_>| match &context.found {
        Some(found) => (span(found.start, found.end), found.shown(text)),
        None => (at_end, extent.end()),
    };
    let expected_found = |expected: &'static str, found: Phrase| {
        expect::expected_found(Phrase::masculine(Message::new(expected)), found)
    };
    let simple = |detail: Message, span: Span, help: Option<Message>| SyntaxError {
        message: super::invalid("JSON", detail),
        span,
        help,
    };
    match error.kind() {
        // The parser locates a missing comma right after the value before it; the token
        // found instead is what to point at.
        ParseErrorKind::ExpectedComma => {
            let context = Context::at(text, range.start);
            let (span, found) = found(&context);
            let expected = match context.open {
                Some(Token::OpenBracket) => "d0601-json-expected-comma-or-bracket",
                Some(_) => "d0601-json-expected-comma-or-brace",
                None => "d0601-json-expected-comma",
            };
            simple(
                expected_found(expected, found),
                span,
                Some(Message::new("d0601-help-json-comma")),
            )
        }
        ParseErrorKind::ExpectedColonAfterObjectKey => {
            let (span, found) = found(&Context::at(text, range.start));
            simple(
                expected_found("d0601-json-expected-colon", found),
                span,
                Some(Message::new("d0601-help-json-entry")),
            )
        }
        // A token that cannot start an entry, or that follows one without a comma.
        ParseErrorKind::UnexpectedTokenInObject => {
            let context = Context::at(text, range.start);
            let (span, found) = found(&context);
            let expected = match context.before {
                Some(Token::OpenBrace) => "d0601-json-expected-key-or-brace",
                Some(Token::Comma) => "d0601-json-expected-key",
                _ => "d0601-json-expected-comma-or-brace",
            };
            simple(expected_found(expected, found), span, None)
        }
        // The parser locates an unclosed bracket at the bracket; what is missing is at the
        // end, and the help says which bracket it closes.
        kind @ (ParseErrorKind::UnterminatedObject | ParseErrorKind::UnterminatedArray) => {
            let (unterminated, open, close) = match kind {
                ParseErrorKind::UnterminatedArray => ("d0601-json-unterminated-array", '[', ']'),
                _ => ("d0601-json-unterminated-object", '{', '}'),
            };
            let opened = index.loc(span(range.start, range.start + 1));
            SyntaxError {
                message: super::invalid("JSON", Message::new(unterminated)),
                span: at_end,
                help: Some(
                    Message::new("d0601-help-json-never-closed")
                        .with("open", open.to_string())
                        .with("close", close.to_string())
                        .with("line", opened.line)
                        .with("column", opened.column),
                ),
            }
        }
        kind => SyntaxError {
            message: super::invalid("JSON", describe(kind)),
            span: error_span,
            help: help(kind),
        },
    }
}

/// Where a syntax error is, as the tokens before it tell.
struct Context<'t> {
    /// The innermost `{` or `[` still open.
    open: Option<Token<'t>>,
    /// The token just before.
    before: Option<Token<'t>>,
    /// The token found there, none at the end of the text.
    found: Option<Found<'t>>,
}

struct Found<'t> {
    token: Token<'t>,
    start: usize,
    end: usize,
}

impl<'t> Context<'t> {
    /// The context of byte `at` of a text that reads as JSON up to there.
    fn at(text: &'t str, at: usize) -> Self {
        let mut scanner = Scanner::new(text, &strict_scanner());
        let mut open = Vec::new();
        let mut before = None;
        let mut found = None;
        while let Ok(Some(token)) = scanner.scan() {
            if scanner.token_start() >= at {
                found = Some(Found {
                    token,
                    start: scanner.token_start(),
                    end: scanner.token_end(),
                });
                break;
            }
            match token {
                Token::OpenBrace | Token::OpenBracket => open.push(token.clone()),
                Token::CloseBrace | Token::CloseBracket => {
                    open.pop();
                }
                _ => {}
            }
            before = Some(token);
        }
        Context {
            open: open.pop(),
            before,
            found,
        }
    }
}

impl Found<'_> {
    /// As in "found `\"country\"`": the token's text when short, else what it is.
    fn shown(&self, text: &str) -> Phrase {
        match text.get(self.start..self.end) {
            Some(written)
                if !written.is_empty()
                    && !written.contains(['\n', '\r', '`'])
                    && written.chars().count() <= 60 =>
            {
                Phrase::masculine(Message::new("data-found-written").with("text", written))
            }
            _ => match self.token {
                Token::String(_) => Phrase::feminine(Message::new("data-found-string")),
                Token::Number(_) => Phrase::masculine(Message::new("data-found-number")),
                Token::CommentLine(_) | Token::CommentBlock(_) => {
                    Phrase::masculine(Message::new("d0601-json-found-comment"))
                }
                _ => Phrase::masculine(Message::new("d0601-json-found-word")),
            },
        }
    }
}

fn describe(kind: &ParseErrorKind) -> String {
    let text = kind.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

fn help(kind: &ParseErrorKind) -> Option<Message> {
    let help = match kind {
        ParseErrorKind::CommentsNotAllowed => "d0601-help-json-no-comments",
        ParseErrorKind::TrailingCommasNotAllowed => "d0601-help-json-trailing-comma",
        ParseErrorKind::ExpectedStringObjectProperty => "d0601-help-json-quoted-keys",
        ParseErrorKind::SingleQuotedStringsNotAllowed => "d0601-help-json-double-quotes",
        ParseErrorKind::MultipleRootJsonValues => "d0601-help-json-one-descriptor",
        _ => return None,
    };
    Some(Message::new(help))
}

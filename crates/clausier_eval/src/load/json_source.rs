//! JSON, strictly (no comments, no trailing commas), with a byte range for every value
//! and numbers kept as written.

use std::borrow::Cow;
use std::rc::Rc;

use clausier_diagnostics::Span;
use jsonc_parser::ast::{ObjectPropName, Value as JsonValue};
use jsonc_parser::errors::ParseErrorKind;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use super::SyntaxError;
use super::node::{Entry, MAX_DEPTH, Node, NodeKind, NumberText};

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

/// Reads one JSON value from `text`, which starts at byte `base` of the whole file.
///
/// An empty text reads as a `Null` node: the caller reports it as a missing record.
pub(crate) fn parse(text: &str, base: usize) -> Result<Node<'_>, SyntaxError> {
    let parsed = parse_to_ast(text, &CollectOptions::default(), &strict()).map_err(|error| {
        let range = error.range();
        SyntaxError {
            message: format!("invalid JSON: {}", describe(error.kind())),
            span: Span::from_range(base + range.start..base + range.end),
            help: help(error.kind()),
        }
    })?;
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
        return Err(SyntaxError {
            message: format!("the data nests deeper than {MAX_DEPTH} levels"),
            span: span(value_range(value)),
            help: None,
        });
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

fn describe(kind: &ParseErrorKind) -> String {
    let text = kind.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

fn help(kind: &ParseErrorKind) -> Option<String> {
    let help = match kind {
        ParseErrorKind::CommentsNotAllowed => "JSON has no comments: remove it",
        ParseErrorKind::TrailingCommasNotAllowed => "remove the comma after the last item",
        ParseErrorKind::ExpectedStringObjectProperty => {
            "write keys in double quotes, as `\"region\"`"
        }
        ParseErrorKind::SingleQuotedStringsNotAllowed => "write strings in double quotes",
        ParseErrorKind::MultipleRootJsonValues => {
            "a JSON file holds one descriptor; write one object a line in an `.ndjson` file for many"
        }
        _ => return None,
    };
    Some(help.to_owned())
}

//! TOML through the `toml` crate's spanned tables: a byte span for every key and value,
//! numbers as written, native dates.

use std::borrow::Cow;
use std::rc::Rc;

use clausier_diagnostics::Span;
use jiff::civil::Date;
use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::SyntaxError;
use super::node::{Entry, MAX_DEPTH, Node, NodeKind, NumberText};

/// A TOML file read as a tree, and where keys were given twice (TOML forbids it, but the
/// rest of the file can still be checked).
pub(crate) struct TomlRead<'a> {
    pub(crate) root: Node<'a>,
    pub(crate) duplicate_keys: Vec<Span>,
}

pub(crate) fn parse(text: &str) -> Result<TomlRead<'_>, SyntaxError> {
    let (root, errors) = DeTable::parse_recoverable(text);
    let mut duplicate_keys = Vec::new();
    for error in errors {
        let span = error.span().map_or(Span::empty_at(0), Span::from_range);
        if error.message() == "duplicate key" {
            duplicate_keys.push(span);
        } else {
            return Err(SyntaxError {
                message: format!("invalid TOML: {}", error.message()),
                span,
                help: None,
            });
        }
    }
    let span = Span::from_range(root.span());
    let root = Node::new(table(root.get_ref(), 0)?, span);
    Ok(TomlRead {
        root,
        duplicate_keys,
    })
}

fn table<'a>(table: &DeTable<'a>, depth: usize) -> Result<NodeKind<'a>, SyntaxError> {
    let mut entries = Vec::with_capacity(table.len());
    for (key, value) in table.iter() {
        entries.push(Entry {
            key: key.get_ref().clone(),
            key_span: Span::from_range(key.span()),
            value: node(value, depth + 1)?,
        });
    }
    // The map is ordered by key; problems read best in the order of the file.
    entries.sort_by_key(|entry| entry.key_span.start);
    Ok(NodeKind::Record(Rc::from(entries)))
}

fn node<'a>(value: &Spanned<DeValue<'a>>, depth: usize) -> Result<Node<'a>, SyntaxError> {
    let span = Span::from_range(value.span());
    if depth > MAX_DEPTH {
        return Err(SyntaxError {
            message: format!("the data nests deeper than {MAX_DEPTH} levels"),
            span,
            help: None,
        });
    }
    let kind = match value.get_ref() {
        DeValue::String(text) => NodeKind::Str(text.clone()),
        DeValue::Integer(integer) if integer.radix() == 10 => {
            NodeKind::Number(NumberText::Text(Cow::Owned(integer.as_str().to_owned())))
        }
        DeValue::Integer(integer) => i128::from_str_radix(integer.as_str(), integer.radix())
            .ok()
            .and_then(|value| Decimal::try_from_i128_with_scale(value, 0).ok())
            .map_or(
                NodeKind::Number(NumberText::Text(Cow::Owned(integer.to_string()))),
                |value| NodeKind::Number(NumberText::Exact(value)),
            ),
        DeValue::Float(float) => {
            NodeKind::Number(NumberText::Text(Cow::Owned(float.as_str().to_owned())))
        }
        DeValue::Boolean(value) => NodeKind::Bool(*value),
        DeValue::Datetime(datetime) => match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => local_date(date).map_or(NodeKind::DateTime, NodeKind::Date),
            _ => NodeKind::DateTime,
        },
        DeValue::Array(items) => {
            let items = items
                .iter()
                .map(|item| node(item, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            NodeKind::List(Rc::from(items))
        }
        DeValue::Table(inner) => table(inner, depth)?,
    };
    Ok(Node::new(kind, span))
}

fn local_date(date: toml::value::Date) -> Option<Date> {
    let year = i16::try_from(date.year).ok()?;
    let month = i8::try_from(date.month).ok()?;
    let day = i8::try_from(date.day).ok()?;
    Date::new(year, month, day).ok()
}

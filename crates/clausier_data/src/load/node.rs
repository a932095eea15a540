//! The data of one descriptor as a format reads it, before the schema gives it types.
//!
//! Every format front end builds this tree with byte spans in the whole file; one
//! converter then checks it against the schema, so the conversion rules and the messages
//! are the same for JSON, YAML, TOML, CSV and inline test data.

use std::borrow::Cow;
use std::rc::Rc;

use clausier_check::value::Duration;
use clausier_diagnostics::Span;
use jiff::civil::{Date, DateTime, Time};
use rust_decimal::Decimal;

/// How deep data may nest before loading stops with an error rather than risk the stack.
pub(crate) const MAX_DEPTH: usize = clausier_syntax::MAX_NESTING;

#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    pub(crate) kind: NodeKind<'a>,
    pub(crate) span: Span,
}

#[derive(Debug, Clone)]
pub(crate) enum NodeKind<'a> {
    /// `null`: the field is absent.
    Null,
    Bool(bool),
    /// A number literal, kept as written so that decimals stay exact.
    Number(NumberText<'a>),
    /// A quoted string.
    Str(Cow<'a, str>),
    /// Untyped text whose meaning the declared type decides: a YAML plain scalar, a CSV
    /// cell. `12` is a number where a number is declared and a string where a string is.
    Plain(Cow<'a, str>),
    /// Typed literals of inline test data and TOML.
    Percent(Decimal),
    Money(Decimal),
    Date(Date),
    Duration(Duration),
    /// A TOML local time, or a time of day in inline test data.
    Time(Time),
    /// A TOML local date-time, or a date and time in inline test data.
    LocalDateTime(DateTime),
    /// A TOML date-time with a time or an offset: never a `date`.
    DateTime,
    /// Inline data that did not parse; the parser already said why.
    Broken,
    List(Rc<[Node<'a>]>),
    Record(Rc<[Entry<'a>]>),
}

#[derive(Debug, Clone)]
pub(crate) enum NumberText<'a> {
    /// Decimal digits with an optional sign, fraction and exponent.
    Text(Cow<'a, str>),
    Exact(Decimal),
}

#[derive(Debug, Clone)]
pub(crate) struct Entry<'a> {
    pub(crate) key: Cow<'a, str>,
    pub(crate) key_span: Span,
    pub(crate) value: Node<'a>,
}

impl<'a> Node<'a> {
    pub(crate) fn new(kind: NodeKind<'a>, span: Span) -> Self {
        Self { kind, span }
    }

    /// The text of a string-like node.
    pub(crate) fn as_text(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(text) | NodeKind::Plain(text) => Some(text),
            _ => None,
        }
    }
}

//! The inline descriptor of a test: JSON-like data whose keys may be bare words and
//! whose values may be any literal of the language (`75%`, `6 €`, `2026-12-01`).

use clausier_diagnostics::Span;

use super::build::{ItemBuilder, P};
use super::errors::{Context, Said};
use super::grammar::Rule;
use crate::ast::{DataValue, DataValueKind, Ident, Literal, LiteralKind};

fn error_value(span: Span) -> DataValue {
    DataValue {
        kind: DataValueKind::Error,
        span,
    }
}

impl ItemBuilder<'_, '_> {
    fn data_value(&mut self, pair: P) -> DataValue {
        let span = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return error_value(span);
        };
        let kind = match inner.as_rule() {
            Rule::data_null => DataValueKind::Null,
            Rule::data_object => return self.data_object(inner),
            Rule::data_array => return self.data_array(inner),
            Rule::negative_number => match self.negative_number(inner) {
                Some(literal) => DataValueKind::Literal(literal),
                None => DataValueKind::Error,
            },
            _ => match self.literal(&inner) {
                Some(literal) => DataValueKind::Literal(literal),
                None => DataValueKind::Error,
            },
        };
        DataValue { kind, span }
    }

    pub(super) fn negative_number(&mut self, pair: P) -> Option<Literal> {
        let span = self.span(&pair);
        let number = pair.into_inner().next()?;
        let literal = self.literal(&number)?;
        let kind = match literal.kind {
            LiteralKind::Int(value) => LiteralKind::Int(-value),
            LiteralKind::Number(value) => LiteralKind::Number(-value),
            LiteralKind::Percent(value) => LiteralKind::Percent(-value),
            LiteralKind::Money(value) => LiteralKind::Money(-value),
            LiteralKind::Duration(mut duration) => {
                duration.amount = -duration.amount;
                LiteralKind::Duration(duration)
            }
            other => other,
        };
        Some(Literal { kind, span })
    }

    pub(super) fn data_object(&mut self, pair: P) -> DataValue {
        let span = self.span(&pair);
        let mut entries = Vec::new();
        let mut open = None;
        let mut previous = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::open_brace => open = Some(self.span(&inner)),
                Rule::data_entry => {
                    previous = Some(self.span(&inner).start);
                    if let Some(entry) = self.data_entry(inner) {
                        entries.push(entry);
                    }
                }
                Rule::data_entry_error => {
                    self.explain(Rule::strict_data_entries, previous, &inner, Context::Block);
                    previous = None;
                }
                Rule::stray_comma => {
                    self.expected_at(&inner, Said::Words("syntax-expected-key"));
                    previous = None;
                }
                Rule::unclosed => self.note_unclosed(open, '{'),
                _ => {}
            }
        }
        DataValue {
            kind: DataValueKind::Object(entries),
            span,
        }
    }

    fn data_entry(&mut self, pair: P) -> Option<(Ident, DataValue)> {
        let mut key = None;
        let mut value = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::data_key_word => key = Some(self.ident(&inner)),
                Rule::string => {
                    let string = self.string_lit(&inner);
                    key = Some(Ident {
                        name: string.value,
                        span: string.span,
                    });
                }
                Rule::data_value => value = Some(self.data_value(inner)),
                Rule::data_value_error => {
                    self.explain(Rule::strict_data_value, None, &inner, Context::DataValue);
                    value = Some(error_value(self.trimmed(&inner)));
                }
                _ => {}
            }
        }
        Some((key?, value?))
    }

    fn data_array(&mut self, pair: P) -> DataValue {
        let span = self.span(&pair);
        let mut values = Vec::new();
        let mut open = None;
        let mut previous = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::open_bracket => open = Some(self.span(&inner)),
                Rule::data_value => {
                    previous = Some(self.span(&inner).start);
                    values.push(self.data_value(inner));
                }
                Rule::data_value_error => {
                    self.explain(
                        Rule::strict_data_values,
                        previous,
                        &inner,
                        Context::DataValues,
                    );
                    values.push(error_value(self.trimmed(&inner)));
                    previous = None;
                }
                Rule::stray_comma => {
                    self.expected_at(&inner, Said::Words("syntax-expected-value"));
                    previous = None;
                }
                Rule::unclosed_bracket => self.note_unclosed(open, '['),
                _ => {}
            }
        }
        DataValue {
            kind: DataValueKind::Array(values),
            span,
        }
    }
}

//! The inline data of a test (`given { hosting: { region: "EU" } }`), already parsed with
//! the clause file: its literals are typed (`75%`, `6.00 €`, `2026-12-01`, `30 days`).

use std::borrow::Cow;
use std::rc::Rc;

use clausier_check::value::Duration;
use clausier_syntax::ast::{DataValue, DataValueKind, LiteralKind};

use super::SyntaxError;
use super::node::{Entry, MAX_DEPTH, Node, NodeKind, NumberText};

pub(crate) fn node(data: &DataValue, depth: usize) -> Result<Node<'_>, SyntaxError> {
    if depth > MAX_DEPTH {
        return Err(SyntaxError::too_deep(data.span));
    }
    let kind = match &data.kind {
        DataValueKind::Null => NodeKind::Null,
        DataValueKind::Error => NodeKind::Broken,
        DataValueKind::Literal(literal) => match &literal.kind {
            LiteralKind::Bool(value) => NodeKind::Bool(*value),
            LiteralKind::Int(value) | LiteralKind::Number(value) => {
                NodeKind::Number(NumberText::Exact(*value))
            }
            LiteralKind::String(text) => NodeKind::Str(Cow::Borrowed(text)),
            LiteralKind::Percent(value) => NodeKind::Percent(*value),
            LiteralKind::Money(value) => NodeKind::Money(*value),
            LiteralKind::Date(date) => NodeKind::Date(*date),
            LiteralKind::Time(time) => NodeKind::Time(*time),
            LiteralKind::DateTime(datetime) => NodeKind::LocalDateTime(*datetime),
            LiteralKind::Duration(literal) => {
                let amount = literal.amount;
                let duration = Duration::of_unit(amount, literal.unit);
                duration.map_or(NodeKind::Broken, NodeKind::Duration)
            }
        },
        DataValueKind::Array(items) => {
            let items = items
                .iter()
                .map(|item| node(item, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            NodeKind::List(Rc::from(items))
        }
        DataValueKind::Object(fields) => {
            let entries = fields
                .iter()
                .map(|(name, value)| {
                    Ok(Entry {
                        key: Cow::Borrowed(name.name.as_str()),
                        key_span: name.span,
                        value: node(value, depth + 1)?,
                    })
                })
                .collect::<Result<Vec<_>, SyntaxError>>()?;
            NodeKind::Record(Rc::from(entries))
        }
    };
    Ok(Node::new(kind, data.span))
}

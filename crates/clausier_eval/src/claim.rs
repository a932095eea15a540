//! What a failing sub-expression asked of one descriptor value, so that reports can say
//! it in words: a field compared with a value, a field in a list of values, a yes/no
//! field, a field that had to be given. Anything else (two fields compared, a
//! computation) has no claim and is quoted as written.

use clausier_check::types::Schema;
use clausier_check::value::Value;
use clausier_syntax::ast::CompareOp;

use crate::eval::Scope;
use crate::program::{Code, Node, NodeId};
use crate::report::{Claim, Relation, Shown};

/// The claim of a failing node, `subject` telling which nodes read the descriptor.
pub(crate) fn claim(
    code: &Code,
    schema: &Schema,
    id: NodeId,
    scope: Scope<'_>,
    subject: impl Fn(NodeId) -> bool,
) -> Option<Claim> {
    let shown = |value: &Value| shown(value, schema);
    let observed = |node: NodeId| code.value(node, scope).map(|value| shown(&value));
    let constant = |node: NodeId| (!reads_descriptor(code, node)).then_some(node);
    match code.node(id)? {
        Node::Compare(op, _, left, right) => {
            let (field, other, relation) = if subject(left) {
                (left, constant(right)?, relation(op, false))
            } else if subject(right) {
                (right, constant(left)?, relation(op, true))
            } else {
                return None;
            };
            let expected = code.value(other, scope)?;
            Some(Claim {
                relation,
                expected: vec![shown(&expected)],
                observed: observed(field),
            })
        }
        Node::In(item, collection) if subject(item) => in_claim(
            code,
            schema,
            item,
            constant(collection)?,
            scope,
            Relation::OneOf,
        ),
        Node::Not(inner) => match code.node(inner)? {
            Node::In(item, collection) if subject(item) => in_claim(
                code,
                schema,
                item,
                constant(collection)?,
                scope,
                Relation::NoneOf,
            ),
            _ if subject(inner) => Some(Claim {
                relation: Relation::No,
                expected: Vec::new(),
                observed: observed(inner),
            }),
            _ => None,
        },
        Node::Has(_) => Some(Claim {
            relation: Relation::Given,
            expected: Vec::new(),
            observed: None,
        }),
        _ if subject(id) => Some(Claim {
            relation: Relation::Yes,
            expected: Vec::new(),
            observed: observed(id),
        }),
        _ => None,
    }
}

fn in_claim(
    code: &Code,
    schema: &Schema,
    item: NodeId,
    collection: NodeId,
    scope: Scope<'_>,
    relation: Relation,
) -> Option<Claim> {
    let Value::List(values) = code.value(collection, scope)?.into_owned() else {
        return None;
    };
    Some(Claim {
        relation,
        expected: values.iter().map(|value| shown(value, schema)).collect(),
        observed: code.value(item, scope).map(|value| shown(&value, schema)),
    })
}

/// The relation the field had to have, `flipped` when the field is on the right
/// (`max_price >= pricing.per_student` asks the price to be at most `max_price`).
fn relation(op: CompareOp, flipped: bool) -> Relation {
    match (op, flipped) {
        (CompareOp::Eq, _) => Relation::Equal,
        (CompareOp::Ne, _) => Relation::NotEqual,
        (CompareOp::Le, false) | (CompareOp::Ge, true) => Relation::AtMost,
        (CompareOp::Lt, false) | (CompareOp::Gt, true) => Relation::Below,
        (CompareOp::Ge, false) | (CompareOp::Le, true) => Relation::AtLeast,
        (CompareOp::Gt, false) | (CompareOp::Lt, true) => Relation::Above,
    }
}

/// Whether a node's value depends on the descriptor (a field, an element of one of its
/// lists, `has`, an aggregate over every offer): the other side of a claim may not.
fn reads_descriptor(code: &Code, id: NodeId) -> bool {
    let Some(node) = code.node(id) else {
        return true;
    };
    match node {
        Node::Const(_) | Node::Today | Node::Unknown => false,
        Node::List { first, len, .. } => code
            .list_items(first, len)
            .iter()
            .any(|item| reads_descriptor(code, *item)),
        Node::Not(inner) | Node::Neg(inner) => reads_descriptor(code, inner),
        Node::Arith(_, left, right) | Node::Index(left, right) => {
            reads_descriptor(code, left) || reads_descriptor(code, right)
        }
        _ => true,
    }
}

fn shown(value: &Value, schema: &Schema) -> Shown {
    match value {
        Value::Enum(..) | Value::Record(_) => Shown::Name(value.display(schema).to_string()),
        _ => Shown::Value(value.clone()),
    }
}

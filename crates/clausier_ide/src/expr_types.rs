//! The type of an expression read from the tree and the resolved names, for code that
//! runs where the checker could not type the whole expression (around an error).

use clausier_check::hir::Symbol;
use clausier_check::list_aggregates;
use clausier_check::types::Ty;
use clausier_syntax::ast::{BinaryOp, Expr, ExprKind, LiteralKind, TextFunction, UnaryOp};

use crate::{Analysis, FileId};

/// Deeper expressions are not worth a guess, and the bound keeps the recursion small.
const MAX_DEPTH: usize = 32;

/// The type of `expr`, when its literals and names tell it.
pub(crate) fn infer(analysis: &Analysis, file: FileId, text: &str, expr: &Expr) -> Option<Ty> {
    infer_at(analysis, file, text, expr, 0)
}

fn infer_at(
    analysis: &Analysis,
    file: FileId,
    text: &str,
    expr: &Expr,
    depth: usize,
) -> Option<Ty> {
    if depth > MAX_DEPTH {
        return None;
    }
    let sub = |e: &Expr| infer_at(analysis, file, text, e, depth + 1);
    match &expr.kind {
        ExprKind::Literal(literal) => Some(literal_type(&literal.kind)),
        ExprKind::Path(path) => {
            let last = path.segments.last()?;
            path_type(analysis, file, text, last.span)
        }
        ExprKind::List(items) => {
            let element = items.iter().find_map(sub)?;
            Some(Ty::List(Box::new(element)))
        }
        ExprKind::Paren(inner) => sub(inner),
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => sub(operand),
        ExprKind::Unary {
            op: UnaryOp::Not, ..
        }
        | ExprKind::Quantifier { .. }
        | ExprKind::Has(_)
        | ExprKind::Passed(_) => Some(Ty::Bool),
        ExprKind::Binary { op, lhs, rhs, .. } => {
            let (left, right) = (sub(lhs), sub(rhs));
            arith_type(*op, left, right)
        }
        ExprKind::If {
            then_branch,
            else_branch,
            ..
        } => sub(then_branch).or_else(|| sub(else_branch)),
        ExprKind::Today => Some(Ty::Date),
        ExprKind::Count { .. } => Some(Ty::Int),
        ExprKind::Share { .. } => Some(Ty::Percent),
        ExprKind::ListAggregate {
            kind,
            projection,
            collection,
        } => {
            let values = match projection {
                Some((_, value)) => sub(value)?,
                None => sub(collection)?.element()?.clone(),
            };
            list_aggregates::result_type(*kind, &values)
        }
        ExprKind::Aggregate { arg, .. } => sub(arg),
        ExprKind::Index { table, .. } => match sub(table)? {
            Ty::Map(_, value) => Some(*value),
            _ => None,
        },
        // The text functions of the standard library all say whether a text passes.
        ExprKind::Call { function, .. } => {
            TextFunction::from_word(&function.name).map(|_| Ty::Bool)
        }
        // A table's type is the one declared where it stands.
        ExprKind::Table(_) | ExprKind::Error => None,
    }
}

pub(crate) fn literal_type(kind: &LiteralKind) -> Ty {
    match kind {
        LiteralKind::Bool(_) => Ty::Bool,
        LiteralKind::Int(_) => Ty::Int,
        LiteralKind::Number(_) => Ty::Number,
        LiteralKind::String(_) => Ty::String,
        LiteralKind::Percent(_) => Ty::Percent,
        LiteralKind::Money(_) => Ty::Money,
        LiteralKind::Date(_) => Ty::Date,
        LiteralKind::Time(_) => Ty::Time,
        LiteralKind::DateTime(_) => Ty::DateTime,
        LiteralKind::Duration(_) => Ty::Duration,
    }
}

/// The type of the name resolved at `span`.
fn path_type(analysis: &Analysis, file: FileId, text: &str, span: crate::Span) -> Option<Ty> {
    let pack = &analysis.checked.pack;
    let symbol = pack
        .symbols
        .iter()
        .find(|s| s.file == file && s.span == span)?;
    match &symbol.symbol {
        Symbol::Variant { enum_id, .. } => Some(Ty::Enum(*enum_id)),
        Symbol::Field { record, field } => {
            Some(pack.schema.record(*record)?.field_at(*field)?.1.ty.clone())
        }
        Symbol::Param(id) => Some(pack.params.get(id.0 as usize)?.ty.clone()),
        Symbol::Local {
            name, definition, ..
        } => crate::completion::bound_type(analysis, text, *definition, name),
        Symbol::Enum(_) | Symbol::TypeAlias(_) | Symbol::Clause(_) => None,
    }
}

/// The result of an operator, as the language's table gives it.
fn arith_type(op: BinaryOp, left: Option<Ty>, right: Option<Ty>) -> Option<Ty> {
    match op {
        BinaryOp::And | BinaryOp::Or | BinaryOp::Implies | BinaryOp::Compare(_) | BinaryOp::In => {
            Some(Ty::Bool)
        }
        BinaryOp::Add | BinaryOp::Sub => match (left, right) {
            (Some(Ty::Date), Some(Ty::Date)) => Some(Ty::Duration),
            (Some(Ty::Date), _) | (_, Some(Ty::Date)) => Some(Ty::Date),
            (Some(ty), _) | (None, Some(ty)) => Some(ty),
            (None, None) => None,
        },
        BinaryOp::Mul => match (left, right) {
            (Some(Ty::Money), _) | (_, Some(Ty::Money)) => Some(Ty::Money),
            (Some(Ty::Duration), _) | (_, Some(Ty::Duration)) => Some(Ty::Duration),
            (Some(Ty::Percent), _) | (_, Some(Ty::Percent)) => Some(Ty::Percent),
            (Some(Ty::Int), Some(Ty::Int)) => Some(Ty::Int),
            _ => Some(Ty::Number),
        },
        BinaryOp::Div => match (left, right) {
            (Some(Ty::Money), Some(Ty::Money)) | (Some(Ty::Percent), Some(Ty::Percent)) => {
                Some(Ty::Number)
            }
            (Some(ty @ (Ty::Money | Ty::Percent)), _) => Some(ty),
            _ => Some(Ty::Number),
        },
    }
}

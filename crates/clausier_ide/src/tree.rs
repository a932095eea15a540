//! Walking the syntax tree by position, for the queries that need the nodes around an
//! offset (selection ranges, the expected type of a path). Operator chains make deep
//! trees, so every walk here is a loop, never a recursion.

use clausier_syntax::ast::{ClauseField, ClauseFieldKind, Expr, ExprKind, Item, ItemKind};

use crate::Span;

/// The expressions an item holds at its top: a clause's `when`, `require` and `score`,
/// a parameter's value, the value of a `set`.
pub(crate) fn item_exprs(item: &Item) -> Vec<&Expr> {
    match &item.kind {
        ItemKind::Requirement(decl) => body_exprs(&decl.body),
        ItemKind::Criterion(decl) => body_exprs(&decl.body),
        ItemKind::Indicator(decl) => body_exprs(&decl.body),
        ItemKind::Risk(decl) => body_exprs(&decl.body),
        ItemKind::Param(decl) => vec![&decl.value],
        ItemKind::Set(decl) => vec![&decl.value],
        _ => Vec::new(),
    }
}

fn body_exprs(body: &[ClauseField]) -> Vec<&Expr> {
    body.iter().filter_map(field_expr).collect()
}

/// The expression of a clause line, if it has one.
pub(crate) fn field_expr(field: &ClauseField) -> Option<&Expr> {
    match &field.kind {
        ClauseFieldKind::When(expr) | ClauseFieldKind::Require(expr) => Some(expr),
        ClauseFieldKind::Score(expr)
        | ClauseFieldKind::Value(expr)
        | ClauseFieldKind::Spend(expr)
        | ClauseFieldKind::Ends(expr)
        | ClauseFieldKind::Window(expr)
        | ClauseFieldKind::Alternatives(expr) => Some(expr),
        _ => None,
    }
}

/// The direct sub-expressions of an expression, in source order.
pub(crate) fn children(expr: &Expr) -> Vec<&Expr> {
    match &expr.kind {
        ExprKind::List(items) => items.iter().collect(),
        ExprKind::Table(entries) => entries.iter().map(|entry| &entry.value).collect(),
        ExprKind::Index { table, key } => vec![table, key],
        ExprKind::Unary { operand, .. } => vec![operand],
        ExprKind::Binary { lhs, rhs, .. } => vec![lhs, rhs],
        ExprKind::Quantifier {
            collection, body, ..
        } => vec![collection, body],
        ExprKind::Count { filter, collection } => {
            let mut out: Vec<&Expr> = vec![collection];
            if let Some((_, body)) = filter {
                out.push(body);
            }
            out
        }
        ExprKind::Share {
            collection,
            condition,
            weight,
            ..
        } => {
            let mut out: Vec<&Expr> = vec![collection, condition];
            out.extend(weight.as_deref());
            out
        }
        ExprKind::ListAggregate {
            projection,
            collection,
            ..
        } => {
            let mut out: Vec<&Expr> = vec![collection];
            if let Some((_, value)) = projection {
                out.push(value);
            }
            out
        }
        ExprKind::If {
            cond,
            then_branch,
            else_branch,
        } => vec![cond, then_branch, else_branch],
        ExprKind::Aggregate { arg, .. } => vec![arg],
        ExprKind::Call { args, .. } => args.iter().collect(),
        ExprKind::Paren(inner) => vec![inner],
        ExprKind::Literal(_)
        | ExprKind::Path(_)
        | ExprKind::Has(_)
        | ExprKind::Today
        | ExprKind::Passed(_)
        | ExprKind::Error => Vec::new(),
    }
}

/// The chain of expressions from `root` down to the innermost one that covers `span`,
/// outermost first; empty when `root` does not cover it.
pub(crate) fn ancestors(root: &Expr, span: Span) -> Vec<&Expr> {
    let covers = |outer: Span| outer.start <= span.start && span.end <= outer.end;
    let mut chain = Vec::new();
    if !covers(root.span) {
        return chain;
    }
    let mut current = root;
    loop {
        chain.push(current);
        match children(current)
            .into_iter()
            .find(|child| covers(child.span))
        {
            Some(child) => current = child,
            None => return chain,
        }
    }
}

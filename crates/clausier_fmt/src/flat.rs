//! One-line renderings of expressions, types and test data, used when they fit.
//!
//! Literals are printed as the author wrote them (`6.00 €` stays `6.00 €`, `6 €` stays
//! `6 €`, strings keep their escapes); only the space inside a suffixed literal is made
//! canonical: `75 %` becomes `75%`, `6.00€` becomes `6.00 €`, `30days` becomes `30 days`.

use clausier_diagnostics::stack;
use clausier_syntax::ast::{
    AggregateKind, DataValue, DataValueKind, Expr, ExprKind, FieldBound, FieldDecl, Literal,
    LiteralKind, QuantifierKind, TableKey, TypeExpr, TypeExprKind, UnaryOp,
};

use crate::writer::is_space;

/// The number of characters `text` takes on a line.
pub(crate) fn width(text: &str) -> usize {
    text.chars().count()
}

pub(crate) fn slice(src: &str, start: u32, end: u32) -> &str {
    src.get(start as usize..end as usize).unwrap_or("")
}

/// A literal as written, with the canonical space before its suffix.
pub(crate) fn literal(src: &str, literal: &Literal) -> String {
    let written = slice(src, literal.span.start, literal.span.end);
    let suffixed = matches!(
        literal.kind,
        LiteralKind::Percent(_) | LiteralKind::Money(_) | LiteralKind::Duration(_)
    );
    if !suffixed {
        return written.to_string();
    }
    let number_end = written
        .char_indices()
        .find(|&(at, c)| !(c.is_ascii_digit() || c == '.' || (at == 0 && c == '-')))
        .map_or(written.len(), |(at, _)| at);
    let (number, suffix) = written.split_at(number_end);
    let suffix = suffix.trim_start_matches(is_space);
    match literal.kind {
        LiteralKind::Percent(_) => format!("{number}{suffix}"),
        _ => format!("{number} {suffix}"),
    }
}

/// Where the last token of `e` ends. The parser's span of some nodes (`if`,
/// quantifiers, and so the operators whose right operand they are) runs on over the
/// spaces and comments after them.
pub(crate) fn expr_end(e: &Expr) -> u32 {
    let mut current = e;
    loop {
        current = match &current.kind {
            ExprKind::Unary { operand, .. } => operand,
            ExprKind::Binary { rhs, .. } => rhs,
            ExprKind::Quantifier { body, .. } => body,
            ExprKind::If { else_branch, .. } => else_branch,
            _ => return current.span.end.min(e.span.end),
        };
    }
}

pub(crate) fn expr(src: &str, e: &Expr) -> String {
    let mut out = String::new();
    push_expr(src, e, &mut out);
    out
}

pub(crate) fn quantifier_word(kind: QuantifierKind) -> &'static str {
    match kind {
        QuantifierKind::All => "all",
        QuantifierKind::Any => "any",
    }
}

/// `not `, or `-` (`- ` before another minus, so that `- -x` does not read `--x`).
pub(crate) fn unary_word(op: UnaryOp, operand: &Expr) -> &'static str {
    match op {
        UnaryOp::Not => "not ",
        UnaryOp::Neg
            if matches!(
                operand.kind,
                ExprKind::Unary {
                    op: UnaryOp::Neg,
                    ..
                }
            ) =>
        {
            "- "
        }
        UnaryOp::Neg => "-",
    }
}

pub(crate) fn aggregate_word(kind: AggregateKind) -> &'static str {
    match kind {
        AggregateKind::Lowest => "lowest",
        AggregateKind::Highest => "highest",
    }
}

fn push_expr(src: &str, e: &Expr, out: &mut String) {
    stack::deep(|| push_node(src, e, out));
}

fn push_node(src: &str, e: &Expr, out: &mut String) {
    match &e.kind {
        ExprKind::Literal(lit) => out.push_str(&literal(src, lit)),
        ExprKind::Path(path) => out.push_str(&path.dotted()),
        ExprKind::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_expr(src, item, out);
            }
            out.push(']');
        }
        ExprKind::Table(entries) if entries.is_empty() => out.push_str("{}"),
        ExprKind::Table(entries) => {
            out.push_str("{ ");
            for (i, entry) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&table_key(src, &entry.key));
                out.push_str(": ");
                push_expr(src, &entry.value, out);
            }
            out.push_str(" }");
        }
        ExprKind::Index { table, key } => {
            push_expr(src, table, out);
            out.push('[');
            push_expr(src, key, out);
            out.push(']');
        }
        ExprKind::Unary { op, operand } => {
            out.push_str(unary_word(*op, operand));
            push_expr(src, operand, out);
        }
        ExprKind::Binary { op, lhs, rhs, .. } => {
            push_expr(src, lhs, out);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            push_expr(src, rhs, out);
        }
        ExprKind::Quantifier {
            kind,
            var,
            collection,
            body,
        } => {
            out.push_str(quantifier_word(*kind));
            out.push(' ');
            out.push_str(&var.name);
            out.push_str(" in ");
            push_expr(src, collection, out);
            out.push_str(": ");
            push_expr(src, body, out);
        }
        ExprKind::Count { filter, collection } => {
            out.push_str("count(");
            match filter {
                Some((var, body)) => {
                    out.push_str(&var.name);
                    out.push_str(" in ");
                    push_expr(src, collection, out);
                    out.push_str(": ");
                    push_expr(src, body, out);
                }
                None => push_expr(src, collection, out),
            }
            out.push(')');
        }
        ExprKind::Share {
            var,
            collection,
            condition,
            weight,
        } => {
            out.push_str("share(");
            out.push_str(&var.name);
            out.push_str(" in ");
            push_expr(src, collection, out);
            out.push_str(": ");
            push_expr(src, condition, out);
            if let Some(weight) = weight {
                out.push_str(", ");
                push_expr(src, weight, out);
            }
            out.push(')');
        }
        ExprKind::ListAggregate {
            kind,
            projection,
            collection,
        } => {
            out.push_str(kind.as_str());
            out.push('(');
            match projection {
                Some((var, value)) => {
                    out.push_str(&var.name);
                    out.push_str(" in ");
                    push_expr(src, collection, out);
                    out.push_str(": ");
                    push_expr(src, value, out);
                }
                None => push_expr(src, collection, out),
            }
            out.push(')');
        }
        ExprKind::Call { function, args } => {
            out.push_str(&function.name);
            out.push('(');
            for (i, arg) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_expr(src, arg, out);
            }
            out.push(')');
        }
        ExprKind::Has(path) => {
            out.push_str("has ");
            out.push_str(&path.dotted());
        }
        ExprKind::If {
            cond,
            then_branch,
            else_branch,
        } => {
            out.push_str("if ");
            push_expr(src, cond, out);
            out.push_str(" then ");
            push_expr(src, then_branch, out);
            out.push_str(" else ");
            push_expr(src, else_branch, out);
        }
        ExprKind::Today => out.push_str("today"),
        ExprKind::Passed(id) => {
            out.push_str("passed(");
            out.push_str(&id.name);
            out.push(')');
        }
        ExprKind::Aggregate { kind, arg } => {
            out.push_str(aggregate_word(*kind));
            out.push('(');
            push_expr(src, arg, out);
            out.push(')');
        }
        ExprKind::Paren(inner) => {
            out.push('(');
            push_expr(src, inner, out);
            out.push(')');
        }
        ExprKind::Error => out.push_str(slice(src, e.span.start, e.span.end).trim()),
    }
}

/// A type on one line; `None` when a field inside it has a doc comment, which needs a
/// line of its own.
pub(crate) fn type_expr(src: &str, ty: &TypeExpr) -> Option<String> {
    Some(match &ty.kind {
        TypeExprKind::Named(name) => name.name.clone(),
        TypeExprKind::List(element) => format!("list<{}>", type_expr(src, element)?),
        TypeExprKind::Set(element) => format!("set<{}>", type_expr(src, element)?),
        TypeExprKind::Map(key, value) => {
            format!("map<{}, {}>", type_expr(src, key)?, type_expr(src, value)?)
        }
        TypeExprKind::Record(fields) => record(src, fields)?,
        TypeExprKind::Error => return None,
    })
}

/// `>= 0.01 €`: the operator, one space, the literal as [`literal`] prints it.
pub(crate) fn field_bound(src: &str, bound: &FieldBound) -> String {
    format!("{} {}", bound.op.as_str(), literal(src, &bound.value))
}

pub(crate) fn record(src: &str, fields: &[FieldDecl]) -> Option<String> {
    if fields.is_empty() {
        return Some("{}".to_string());
    }
    let mut parts = Vec::with_capacity(fields.len());
    for field in fields {
        if !field.docs.span.is_empty() {
            return None;
        }
        let mut part = format!("{}: {}", field.name.name, type_expr(src, &field.ty)?);
        for (i, bound) in field.bounds.iter().enumerate() {
            part.push_str(if i == 0 { " where " } else { " and " });
            part.push_str(&field_bound(src, bound));
        }
        parts.push(part);
    }
    Some(format!("{{ {} }}", parts.join(", ")))
}

pub(crate) fn data(src: &str, value: &DataValue) -> String {
    match &value.kind {
        DataValueKind::Null => "null".to_string(),
        DataValueKind::Literal(lit) => literal(src, lit),
        DataValueKind::Array(values) => {
            let parts: Vec<String> = values.iter().map(|value| data(src, value)).collect();
            format!("[{}]", parts.join(", "))
        }
        DataValueKind::Object(entries) if entries.is_empty() => "{}".to_string(),
        DataValueKind::Object(entries) => {
            let parts: Vec<String> = entries
                .iter()
                .map(|(key, value)| {
                    format!(
                        "{}: {}",
                        slice(src, key.span.start, key.span.end),
                        data(src, value)
                    )
                })
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
        DataValueKind::Error => slice(src, value.span.start, value.span.end)
            .trim()
            .to_string(),
    }
}

/// A key of a table as written: a name, or a string literal with its escapes.
pub(crate) fn table_key(src: &str, key: &TableKey) -> String {
    match key {
        TableKey::Name(name) => name.name.clone(),
        TableKey::Text(text) => slice(src, text.span.start, text.span.end).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use clausier_diagnostics::FileId;
    use clausier_syntax::ast::ItemKind;

    use super::*;

    fn param_value(text: &str) -> String {
        let parse = clausier_syntax::parse(FileId(0), text);
        assert!(parse.diagnostics.is_empty(), "{:?}", parse.diagnostics);
        match &parse.ast.items[0].kind {
            ItemKind::Param(param) => expr(text, &param.value),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn literals_keep_their_digits_and_get_a_canonical_space() {
        assert_eq!(param_value("param p: money = 6.00€"), "6.00 €");
        assert_eq!(param_value("param p: money = 6  EUR"), "6 EUR");
        assert_eq!(param_value("param p: percent = 75 %"), "75%");
        assert_eq!(param_value("param p: duration = 30days"), "30 days");
        assert_eq!(param_value("param p: duration = 6\u{a0}mois"), "6 mois");
        assert_eq!(
            param_value("param p: string = \"a\\u{E9}\""),
            "\"a\\u{E9}\""
        );
        assert_eq!(param_value("param p: number = -1.50"), "-1.50");
    }

    #[test]
    fn operators_get_one_space_each_side() {
        assert_eq!(
            param_value("param p: bool = not(a)and-b<=c*2or x in[1,2]"),
            "not (a) and -b <= c * 2 or x in [1, 2]"
        );
        assert_eq!(
            param_value("param p: int = count( s in xs :s.a)+lowest( a.b )"),
            "count(s in xs: s.a) + lowest(a.b)"
        );
    }
}

//! Expressions: on one line when they fit and hold no comment; otherwise broken before
//! each `implies`, `or` and `and` of the loosest chain (then before `+` and `-`), with
//! nested chains indented one step deeper than the chain that holds them:
//!
//! ```clause
//! require (security.iso27001 and security.iso27001_expires >= today)
//!   or has security.equivalent_expires
//!     and security.equivalent_expires >= today
//! ```
//!
//! `if … then … else …` breaks before `then` and `else`; a list breaks into one element
//! per line. Every token keeps its place in the order of the source, so the formatted
//! text parses to the same tree.

use clausier_diagnostics::{Span, stack};
use clausier_syntax::ast::Ident;
use clausier_syntax::ast::{BinaryOp, Expr, ExprKind};

use crate::flat::{self, aggregate_word, quantifier_word};
use crate::printer::Printer;
use crate::writer::Break;

/// Operators whose chains may be broken, one operand per line.
fn chain_family(op: BinaryOp) -> Option<u8> {
    match op {
        BinaryOp::Implies => Some(0),
        BinaryOp::Or => Some(1),
        BinaryOp::And => Some(2),
        BinaryOp::Add | BinaryOp::Sub => Some(3),
        _ => None,
    }
}

/// Each operator of a chain after the first operand, with the operand after it.
type Links<'e> = Vec<(BinaryOp, Span, &'e Expr)>;

/// A chain of one family of operators: its first operand, then each operator with the
/// operand after it, in source order.
fn chain(expr: &Expr) -> Option<(&Expr, Links<'_>)> {
    let ExprKind::Binary { op, .. } = &expr.kind else {
        return None;
    };
    let family = chain_family(*op)?;
    let mut rest = Vec::new();
    if let ExprKind::Binary {
        op: BinaryOp::Implies,
        op_span,
        lhs,
        rhs,
    } = &expr.kind
    {
        // Right-associative: `a implies b implies c` is `a implies (b implies c)`.
        let mut op_before = *op_span;
        let mut current = rhs.as_ref();
        loop {
            match &current.kind {
                ExprKind::Binary {
                    op: BinaryOp::Implies,
                    op_span,
                    lhs: next,
                    rhs,
                } => {
                    rest.push((BinaryOp::Implies, op_before, next.as_ref()));
                    op_before = *op_span;
                    current = rhs;
                }
                _ => {
                    rest.push((BinaryOp::Implies, op_before, current));
                    break;
                }
            }
        }
        return Some((lhs.as_ref(), rest));
    }
    let mut current = expr;
    while let ExprKind::Binary {
        op,
        op_span,
        lhs,
        rhs,
    } = &current.kind
    {
        if chain_family(*op) != Some(family) {
            break;
        }
        rest.push((*op, *op_span, rhs.as_ref()));
        current = lhs;
    }
    rest.reverse();
    Some((current, rest))
}

/// The operators of a left-deep run of operators that are never broken (`*`, `/`,
/// comparisons), with their right operands in source order, and the first operand.
fn unbroken_chain(expr: &Expr) -> (&Expr, Links<'_>) {
    let mut rest = Vec::new();
    let mut current = expr;
    while let ExprKind::Binary {
        op,
        op_span,
        lhs,
        rhs,
    } = &current.kind
    {
        if chain_family(*op).is_some() {
            break;
        }
        rest.push((*op, *op_span, rhs.as_ref()));
        current = lhs;
    }
    rest.reverse();
    (current, rest)
}

impl Printer<'_> {
    /// Prints `e` where the output is. `cont` is the indentation of the lines it breaks
    /// into; `trail` is how many characters follow it on its last line.
    pub(crate) fn expr(&mut self, e: &Expr, cont: usize, trail: usize) {
        let outer = self.w.cont;
        stack::deep(|| self.expr_at(e, cont, trail));
        self.w.cont = outer;
    }

    fn expr_at(&mut self, e: &Expr, cont: usize, trail: usize) {
        self.w.cont = cont;
        let (start, end) = (e.span.start as usize, flat::expr_end(e) as usize);
        if !self.w.has_comment_in(start, end) {
            let text = flat::expr(self.src, e);
            if self.fits(&text, trail) || is_leaf(e) {
                self.w.token(start, end, &text);
                return;
            }
        }
        let step = self.indent;
        if let Some((first, rest)) = chain(e) {
            let count = rest.len();
            self.expr(first, cont + step, 0);
            for (i, (op, op_span, operand)) in rest.into_iter().enumerate() {
                self.w.set_break(Break::line(cont));
                self.w
                    .token(op_span.start as usize, op_span.end as usize, op.as_str());
                self.w.text(" ");
                let last = i + 1 == count;
                self.expr(operand, cont + step, if last { trail } else { 0 });
            }
            return;
        }
        match &e.kind {
            ExprKind::Binary { .. } => {
                // `a * b * c …` never breaks: its operands are printed one after the
                // other, each measured alone, so that a long one is printed in linear time.
                let (first, rest) = unbroken_chain(e);
                self.expr(first, cont, 0);
                let count = rest.len();
                for (i, (op, op_span, operand)) in rest.into_iter().enumerate() {
                    self.w.text(" ");
                    self.w
                        .token(op_span.start as usize, op_span.end as usize, op.as_str());
                    self.w.text(" ");
                    let last = i + 1 == count;
                    self.expr(operand, cont, if last { trail } else { 0 });
                }
            }
            ExprKind::Unary { op, operand } => {
                let word = flat::unary_word(*op, operand);
                self.w.token(start, start + word.trim_end().len(), word);
                self.expr(operand, cont, trail);
            }
            ExprKind::Paren(inner) => {
                self.w.token(start, start + 1, "(");
                self.expr(inner, cont, trail + 1);
                self.w.token(end.saturating_sub(1), end, ")");
            }
            ExprKind::Table(entries) => {
                self.w.token(start, start + 1, "{");
                let count = entries.len();
                for (i, entry) in entries.iter().enumerate() {
                    self.w.set_break(Break::line(cont));
                    let key = entry.key.span();
                    self.w.token(
                        key.start as usize,
                        key.end as usize,
                        &flat::table_key(self.src, &entry.key),
                    );
                    self.w.text(": ");
                    let last = i + 1 == count;
                    self.expr(&entry.value, cont + step, usize::from(!last));
                    if !last {
                        self.w.text(",");
                    }
                }
                let outer = cont.saturating_sub(step);
                self.w.set_break(Break::close_compact(cont, outer));
                self.w.token(end.saturating_sub(1), end, "}");
            }
            ExprKind::Index { table, key } => {
                self.expr(table, cont, 0);
                let open = table.span.end as usize;
                self.w.token(open, open + 1, "[");
                self.expr(key, cont + step, 1);
                self.w.token(end.saturating_sub(1), end, "]");
                let _ = trail;
            }
            ExprKind::List(items) => {
                self.w.token(start, start + 1, "[");
                let count = items.len();
                for (i, item) in items.iter().enumerate() {
                    self.w.set_break(Break::line(cont));
                    let last = i + 1 == count;
                    self.expr(item, cont + step, usize::from(!last));
                    if !last {
                        self.w.text(",");
                    }
                }
                let outer = cont.saturating_sub(step);
                self.w.set_break(Break::close_compact(cont, outer));
                self.w.token(end.saturating_sub(1), end, "]");
            }
            ExprKind::Quantifier {
                kind,
                var,
                collection,
                body,
            } => {
                let word = quantifier_word(*kind);
                self.w.token(start, start + word.len(), word);
                self.w.text(" ");
                self.binding(var, collection, cont);
                self.expr(body, cont + step, trail);
            }
            // `business_duration(start, end, days, opens, closes)`: too long for a line,
            // one argument a line, as a list's items.
            ExprKind::Call { function, args } if args.len() > 2 => {
                self.open_call(start, end, &function.name);
                let count = args.len();
                for (i, arg) in args.iter().enumerate() {
                    self.w.set_break(Break::line(cont));
                    let last = i + 1 == count;
                    self.expr(arg, cont + step, usize::from(!last));
                    if !last {
                        let comma = self.find(flat::expr_end(arg) as usize, end, ',');
                        self.w.token(comma, comma + 1, ",");
                    }
                }
                let outer = cont.saturating_sub(step);
                self.w.set_break(Break::close_compact(cont, outer));
                self.w.token(end.saturating_sub(1), end, ")");
            }
            ExprKind::Call { function, args } => {
                self.open_call(start, end, &function.name);
                let count = args.len();
                for (i, arg) in args.iter().enumerate() {
                    let last = i + 1 == count;
                    self.expr(arg, cont + step, if last { trail + 1 } else { 1 });
                    if !last {
                        let comma = self.find(flat::expr_end(arg) as usize, end, ',');
                        self.w.token(comma, comma + 1, ",");
                        self.w.text(" ");
                    }
                }
                self.w.token(end.saturating_sub(1), end, ")");
            }
            ExprKind::Count { filter, collection } => {
                self.open_call(start, end, "count");
                match filter {
                    Some((var, body)) => {
                        self.binding(var, collection, cont);
                        self.expr(body, cont + step, trail + 1);
                    }
                    None => self.expr(collection, cont, trail + 1),
                }
                self.w.token(end.saturating_sub(1), end, ")");
            }
            ExprKind::Share {
                var,
                collection,
                condition,
                weight,
            } => {
                self.open_call(start, end, "share");
                self.binding(var, collection, cont);
                match weight {
                    Some(weight) => {
                        self.expr(condition, cont + step, 1);
                        let comma = self.find(flat::expr_end(condition) as usize, end, ',');
                        self.w.token(comma, comma + 1, ",");
                        self.w.text(" ");
                        self.expr(weight, cont + step, trail + 1);
                    }
                    None => self.expr(condition, cont + step, trail + 1),
                }
                self.w.token(end.saturating_sub(1), end, ")");
            }
            ExprKind::ListAggregate {
                kind,
                projection,
                collection,
            } => {
                self.open_call(start, end, kind.as_str());
                match projection {
                    Some((var, value)) => {
                        self.binding(var, collection, cont);
                        self.expr(value, cont + step, trail + 1);
                    }
                    None => self.expr(collection, cont, trail + 1),
                }
                self.w.token(end.saturating_sub(1), end, ")");
            }
            ExprKind::Aggregate { kind, arg } => {
                let word = aggregate_word(*kind);
                self.open_call(start, end, word);
                self.expr(arg, cont, trail + 1);
                self.w.token(end.saturating_sub(1), end, ")");
            }
            ExprKind::Passed(id) => {
                self.open_call(start, end, "passed");
                self.w
                    .token(id.span.start as usize, id.span.end as usize, &id.name);
                self.w.token(end.saturating_sub(1), end, ")");
            }
            ExprKind::Has(path) => {
                self.w.token(start, start + "has".len(), "has");
                self.w.text(" ");
                self.w.token(
                    path.span.start as usize,
                    path.span.end as usize,
                    &path.dotted(),
                );
            }
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                self.w.token(start, start + "if".len(), "if");
                self.w.text(" ");
                self.expr(cond, cont + step, 0);
                let then_at = self.find_word(flat::expr_end(cond) as usize, "then");
                self.w.set_break(Break::line(cont));
                self.w.token(then_at, then_at + "then".len(), "then");
                self.w.text(" ");
                self.expr(then_branch, cont + step, 0);
                let else_at = self.find_word(flat::expr_end(then_branch) as usize, "else");
                self.w.set_break(Break::line(cont));
                self.w.token(else_at, else_at + "else".len(), "else");
                self.w.text(" ");
                self.expr(else_branch, cont + step, trail);
            }
            ExprKind::Literal(_) | ExprKind::Path(_) | ExprKind::Today | ExprKind::Error => {
                let text = flat::expr(self.src, e);
                self.w.token(start, end, &text);
            }
        }
    }

    /// `count(`, `lowest(`: the word and its parenthesis, each where it was, so that a
    /// comment between them stays between them.
    fn open_call(&mut self, start: usize, end: usize, word: &str) {
        self.w.token(start, start + word.len(), word);
        let paren = self.find(start + word.len(), end, '(');
        self.w.token(paren, paren + 1, "(");
    }

    /// `x in xs: ` of a quantifier or a `count`.
    fn binding(&mut self, var: &Ident, collection: &Expr, cont: usize) {
        self.w
            .token(var.span.start as usize, var.span.end as usize, &var.name);
        let in_at = self.find_word(var.span.end as usize, "in");
        self.w.text(" ");
        self.w.token(in_at, in_at + 2, "in");
        self.w.text(" ");
        self.expr(collection, cont, 0);
        let colon = self.next_token(flat::expr_end(collection) as usize);
        if self.src[colon..].starts_with(':') {
            self.w.token(colon, colon + 1, ":");
        } else {
            self.w.text(":");
        }
        self.w.text(" ");
    }

    /// Where the keyword `word` is, the first token at or after `from`.
    fn find_word(&self, from: usize, word: &str) -> usize {
        let at = self.next_token(from);
        if self.src[at..].starts_with(word) {
            at
        } else {
            from
        }
    }
}

fn is_leaf(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Literal(_)
            | ExprKind::Path(_)
            | ExprKind::Today
            | ExprKind::Error
            | ExprKind::Has(_)
    )
}

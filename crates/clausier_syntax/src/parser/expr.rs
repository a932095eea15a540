//! Expressions: the grammar gives a flat run of operands and operators, and this module
//! applies precedence and associativity with an operator stack. Nothing here recurses on
//! the length of an operator chain, and no expression nested deeper than [`MAX_NESTING`]
//! is built.
//!
//! Nesting counts what a reader sees as one thing inside another: brackets, prefix
//! operators, `if`, quantifiers, `count` and aggregates. An infix operator nests nothing:
//! `a and b and c` is a flat chain however long, even though its tree is as tall as the
//! chain (every walk of the tree goes through `clausier_diagnostics::stack::deep`).

use clausier_diagnostics::{Code, Diagnostic, Message, Span};

use super::MAX_NESTING;
use super::build::{ItemBuilder, P};
use super::errors;
use super::grammar::Rule;
use crate::ast::{
    AggregateKind, BinaryOp, Expr, ExprKind, Ident, ListAggregateKind, Path, QuantifierKind,
    TableEntry, TableKey, UnaryOp,
};

pub(super) fn error_expr(span: Span) -> Expr {
    Expr {
        kind: ExprKind::Error,
        span,
    }
}

/// An operator waiting on the stack for its operands.
#[derive(Debug, Clone, Copy)]
enum Pending {
    Prefix(UnaryOp, Span),
    Infix(BinaryOp, Span),
}

impl Pending {
    /// Higher binds tighter. `not` sits between `and` and the comparisons, unary minus
    /// above `*`.
    fn precedence(self) -> u8 {
        match self {
            Pending::Prefix(UnaryOp::Not, _) => 4,
            Pending::Prefix(UnaryOp::Neg, _) => 8,
            Pending::Infix(op, _) => infix_precedence(op),
        }
    }
}

fn infix_precedence(op: BinaryOp) -> u8 {
    match op {
        BinaryOp::Implies => 1,
        BinaryOp::Or => 2,
        BinaryOp::And => 3,
        BinaryOp::Compare(_) | BinaryOp::In => 5,
        BinaryOp::Add | BinaryOp::Sub => 6,
        BinaryOp::Mul | BinaryOp::Div => 7,
    }
}

fn is_comparison(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Compare(_) | BinaryOp::In)
}

fn binary_op(text: &str) -> Option<BinaryOp> {
    Some(match text {
        "implies" => BinaryOp::Implies,
        "or" => BinaryOp::Or,
        "and" => BinaryOp::And,
        "in" => BinaryOp::In,
        "+" => BinaryOp::Add,
        "-" => BinaryOp::Sub,
        "*" => BinaryOp::Mul,
        "/" => BinaryOp::Div,
        other => BinaryOp::Compare(super::build::compare_op(other)?),
    })
}

/// Operands built so far, each with how deep it nests.
struct Operands {
    stack: Vec<(Expr, usize)>,
    /// Where the tree first grew past [`MAX_NESTING`].
    too_deep: Option<Span>,
}

impl Operands {
    fn reduce(&mut self, pending: Pending) {
        let node = match pending {
            Pending::Prefix(op, op_span) => {
                let Some((operand, depth)) = self.stack.pop() else {
                    return;
                };
                let span = op_span.cover(operand.span);
                let kind = ExprKind::Unary {
                    op,
                    operand: Box::new(operand),
                };
                (Expr { kind, span }, depth + 1, op_span)
            }
            Pending::Infix(op, op_span) => {
                let (Some((rhs, rhs_depth)), Some((lhs, lhs_depth))) =
                    (self.stack.pop(), self.stack.pop())
                else {
                    return;
                };
                let span = lhs.span.cover(rhs.span);
                let kind = ExprKind::Binary {
                    op,
                    op_span,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                };
                (Expr { kind, span }, lhs_depth.max(rhs_depth), op_span)
            }
        };
        let (expr, depth, op_span) = node;
        if depth > MAX_NESTING && self.too_deep.is_none() {
            self.too_deep = Some(op_span);
        }
        self.stack.push((expr, depth));
    }
}

impl ItemBuilder<'_, '_> {
    pub(super) fn expr(&mut self, pair: P) -> Expr {
        self.expr_with_depth(pair).0
    }

    fn expr_with_depth(&mut self, pair: P) -> (Expr, usize) {
        let span = self.span(&pair);
        let mut operands = Operands {
            stack: Vec::new(),
            too_deep: None,
        };
        let mut pending: Vec<Pending> = Vec::new();
        let mut chain_reported = false;
        // Each prefix operator nests its operand one level deeper: a run longer than the
        // limit is refused before any of it is built.
        let mut prefix_run = 0;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::prefix_op => {
                    let op = if inner.as_str() == "not" {
                        UnaryOp::Not
                    } else {
                        UnaryOp::Neg
                    };
                    let op_span = self.span(&inner);
                    prefix_run += 1;
                    if prefix_run > MAX_NESTING {
                        operands.too_deep = Some(op_span);
                        break;
                    }
                    pending.push(Pending::Prefix(op, op_span));
                }
                Rule::infix_op => {
                    let op_span = self.span(&inner);
                    let Some(op) = binary_op(inner.as_str()) else {
                        continue;
                    };
                    let precedence = infix_precedence(op);
                    while let Some(&top) = pending.last() {
                        let top_precedence = top.precedence();
                        // `implies` is right-associative: an equal one waits.
                        let reduce = top_precedence > precedence
                            || (top_precedence == precedence && op != BinaryOp::Implies);
                        if !reduce {
                            break;
                        }
                        if let Pending::Infix(first, first_span) = top
                            && is_comparison(first)
                            && is_comparison(op)
                            && !chain_reported
                        {
                            self.report_chain(first_span, op_span);
                            chain_reported = true;
                        }
                        pending.pop();
                        operands.reduce(top);
                        if operands.too_deep.is_some() {
                            break;
                        }
                    }
                    pending.push(Pending::Infix(op, op_span));
                }
                _ => {
                    prefix_run = 0;
                    let operand = self.term(inner);
                    operands.stack.push(operand);
                }
            }
            if operands.too_deep.is_some() {
                break;
            }
        }
        while operands.too_deep.is_none()
            && let Some(top) = pending.pop()
        {
            operands.reduce(top);
        }
        if let Some(at) = operands.too_deep {
            let diagnostic = errors::too_deep(self.session.file, at);
            self.report(diagnostic);
            return (error_expr(span), 1);
        }
        match (operands.stack.pop(), operands.stack.is_empty()) {
            (Some(built), true) => built,
            _ => (error_expr(span), 1),
        }
    }

    fn report_chain(&mut self, first: Span, second: Span) {
        let file = self.session.file;
        let diagnostic =
            Diagnostic::error(Code::SYNTAX, Message::new("syntax-chained-comparisons"))
                .with_primary(
                    file,
                    second,
                    Message::new("syntax-chained-comparisons-second"),
                )
                .with_secondary(
                    file,
                    first,
                    Message::new("syntax-chained-comparisons-first"),
                )
                .with_help(Message::new("syntax-chained-comparisons-help"));
        self.report(diagnostic);
    }

    /// One operand, with how deep it nests.
    fn term(&mut self, pair: P) -> (Expr, usize) {
        let span = self.span(&pair);
        let leaf = |kind| (Expr { kind, span }, 1);
        match pair.as_rule() {
            Rule::path => leaf(ExprKind::Path(self.path(pair))),
            Rule::path_term => self.path_term(pair, span),
            Rule::today => leaf(ExprKind::Today),
            Rule::bool_lit
            | Rule::datetime_lit
            | Rule::date_lit
            | Rule::time_lit
            | Rule::number_lit
            | Rule::string => match self.literal(&pair) {
                Some(literal) => leaf(ExprKind::Literal(literal)),
                None => leaf(ExprKind::Error),
            },
            Rule::has_expr => match pair.into_inner().find(|p| p.as_rule() == Rule::path) {
                Some(path) => leaf(ExprKind::Has(self.path(path))),
                None => leaf(ExprKind::Error),
            },
            Rule::paren_expr => {
                let (inner, depth) = self.sub_exprs(pair).pop().unwrap_or((error_expr(span), 1));
                (
                    Expr {
                        kind: ExprKind::Paren(Box::new(inner)),
                        span,
                    },
                    depth + 1,
                )
            }
            Rule::table_expr => self.table(pair, span),
            Rule::list_expr => {
                let items = self.sub_exprs(pair);
                let depth = items.iter().map(|(_, depth)| *depth).max().unwrap_or(0) + 1;
                let items = items.into_iter().map(|(item, _)| item).collect();
                (
                    Expr {
                        kind: ExprKind::List(items),
                        span,
                    },
                    depth,
                )
            }
            Rule::if_expr => self.if_expr(pair, span),
            Rule::quantifier => self.quantifier(pair, span),
            Rule::count_expr => self.count(pair, span),
            Rule::passed_expr
            | Rule::share_expr
            | Rule::list_aggregate
            | Rule::call_expr
            | Rule::aggregate => self.function_term(pair, span),
            _ => leaf(ExprKind::Error),
        }
    }

    /// A term written `word(…)`. Apart from [`Self::term`] to keep that recursive
    /// function's stack frame small: each of its arms costs stack at every level of
    /// nesting.
    fn function_term(&mut self, pair: P, span: Span) -> (Expr, usize) {
        match pair.as_rule() {
            Rule::list_aggregate => self.list_aggregate(pair, span),
            Rule::share_expr => self.share(pair, span),
            Rule::call_expr => self.call(pair, span),
            Rule::aggregate => self.aggregate(pair, span),
            Rule::passed_expr => {
                let kind = match pair.into_inner().find(|p| p.as_rule() == Rule::clause_id) {
                    Some(id) => ExprKind::Passed(self.clause_id(&id)),
                    None => ExprKind::Error,
                };
                (Expr { kind, span }, 1)
            }
            _ => (error_expr(span), 1),
        }
    }

    /// `name(args…)`: the name as written, whatever function it names; the checker
    /// resolves it (and reports an unknown one with a suggestion).
    fn call(&mut self, pair: P, span: Span) -> (Expr, usize) {
        let Some(name) = pair.clone().into_inner().next() else {
            return (error_expr(span), 1);
        };
        let function = self.ident(&name);
        let args = self.sub_exprs(pair);
        let depth = args.iter().map(|(_, depth)| *depth).max().unwrap_or(0) + 1;
        let args = args.into_iter().map(|(arg, _)| arg).collect();
        (
            Expr {
                kind: ExprKind::Call { function, args },
                span,
            },
            depth,
        )
    }

    /// The expressions directly inside `pair`, in order.
    fn sub_exprs(&mut self, pair: P) -> Vec<(Expr, usize)> {
        pair.into_inner()
            .filter(|inner| inner.as_rule() == Rule::expr)
            .map(|inner| self.expr_with_depth(inner))
            .collect()
    }

    /// `{ key: value, … }`. Apart from [`Self::term`], whose frame every bracket of a deep
    /// expression pays for.
    #[inline(never)]
    fn table(&mut self, pair: P, span: Span) -> (Expr, usize) {
        let mut entries = Vec::new();
        let mut depth = 0;
        for entry in pair
            .into_inner()
            .filter(|p| p.as_rule() == Rule::table_entry)
        {
            let mut parts = entry.into_inner();
            let key = match parts.next() {
                Some(key) if key.as_rule() == Rule::string => TableKey::Text(self.string_lit(&key)),
                Some(key) => TableKey::Name(self.ident(&key)),
                None => continue,
            };
            let Some(value) = parts.find(|p| p.as_rule() == Rule::expr) else {
                continue;
            };
            let (value, value_depth) = self.expr_with_depth(value);
            depth = depth.max(value_depth);
            entries.push(TableEntry { key, value });
        }
        (
            Expr {
                kind: ExprKind::Table(entries),
                span,
            },
            depth + 1,
        )
    }

    /// `a.b`, or `m[a][b]`: the path, then each entry read in turn.
    #[inline(never)]
    fn path_term(&mut self, pair: P, span: Span) -> (Expr, usize) {
        let mut built: Option<(Expr, usize)> = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::path => {
                    let path_span = self.span(&inner);
                    built = Some((
                        Expr {
                            kind: ExprKind::Path(self.path(inner)),
                            span: path_span,
                        },
                        1,
                    ));
                }
                Rule::index_suffix => {
                    let end = self.span(&inner).end;
                    let (Some((table, depth)), Some((key, key_depth))) =
                        (built.take(), self.sub_exprs(inner).pop())
                    else {
                        return (error_expr(span), 1);
                    };
                    let span = Span::new(table.span.start, end);
                    let kind = ExprKind::Index {
                        table: Box::new(table),
                        key: Box::new(key),
                    };
                    built = Some((Expr { kind, span }, depth.max(key_depth + 1)));
                }
                _ => {}
            }
        }
        built.unwrap_or((error_expr(span), 1))
    }

    pub(super) fn path(&self, pair: P) -> Path {
        let span = self.span(&pair);
        let segments = pair
            .into_inner()
            .filter(|inner| inner.as_rule() == Rule::path_segment)
            .map(|segment| self.ident(&segment))
            .collect();
        Path { segments, span }
    }

    fn if_expr(&mut self, pair: P, span: Span) -> (Expr, usize) {
        let mut parts = self.sub_exprs(pair).into_iter();
        let (Some(cond), Some(then_branch), Some(else_branch)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return (error_expr(span), 1);
        };
        let depth = cond.1.max(then_branch.1).max(else_branch.1) + 1;
        let kind = ExprKind::If {
            cond: Box::new(cond.0),
            then_branch: Box::new(then_branch.0),
            else_branch: Box::new(else_branch.0),
        };
        (Expr { kind, span }, depth)
    }

    fn quantifier(&mut self, pair: P, span: Span) -> (Expr, usize) {
        let mut kind = QuantifierKind::All;
        let mut var = None;
        let mut parts = Vec::new();
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::quantifier_kind if inner.as_str() == "any" => kind = QuantifierKind::Any,
                Rule::var_name => var = Some(self.ident(&inner)),
                Rule::expr => parts.push(self.expr_with_depth(inner)),
                _ => {}
            }
        }
        let mut parts = parts.into_iter();
        let (Some(var), Some(collection), Some(body)) = (var, parts.next(), parts.next()) else {
            return (error_expr(span), 1);
        };
        let depth = collection.1.max(body.1) + 1;
        let kind = ExprKind::Quantifier {
            kind,
            var,
            collection: Box::new(collection.0),
            body: Box::new(body.0),
        };
        (Expr { kind, span }, depth)
    }

    /// `count(xs)` or `count(x in xs: p)`. The grammar reads the part before `:` as an
    /// ordinary expression (so it never backtracks); here `x in xs` is taken apart.
    fn count(&mut self, pair: P, span: Span) -> (Expr, usize) {
        let mut parts = self.sub_exprs(pair).into_iter();
        let (first, body) = (parts.next(), parts.next());
        let Some((first, first_depth)) = first else {
            return (error_expr(span), 1);
        };
        let Some((body, body_depth)) = body else {
            let kind = ExprKind::Count {
                filter: None,
                collection: Box::new(first),
            };
            return (Expr { kind, span }, first_depth + 1);
        };
        let first_span = first.span;
        match split_binding(first) {
            Some((var, collection)) => {
                let kind = ExprKind::Count {
                    filter: Some((var, Box::new(body))),
                    collection,
                };
                (Expr { kind, span }, first_depth.max(body_depth) + 1)
            }
            None => {
                let diagnostic =
                    Diagnostic::error(Code::SYNTAX, Message::new("syntax-count-needs-binding"))
                        .with_primary(
                            self.session.file,
                            first_span,
                            // The message names what is missing: the label only marks where.
                            Message::default(),
                        )
                        .with_help(Message::new("syntax-count-needs-binding-help"));
                self.report(diagnostic);
                (error_expr(span), 1)
            }
        }
    }

    /// `sum(xs)` or `sum(x in xs: e)` (and `mean`, `min`, `max`), taken apart as
    /// `count` is.
    fn list_aggregate(&mut self, pair: P, span: Span) -> (Expr, usize) {
        let word = pair
            .clone()
            .into_inner()
            .next()
            .map(|first| first.as_str().to_owned())
            .unwrap_or_default();
        let Some(kind) = ListAggregateKind::from_word(&word) else {
            return (error_expr(span), 1);
        };
        let mut parts = self.sub_exprs(pair).into_iter();
        let (first, value) = (parts.next(), parts.next());
        let Some((first, first_depth)) = first else {
            return (error_expr(span), 1);
        };
        let Some((value, value_depth)) = value else {
            let kind = ExprKind::ListAggregate {
                kind,
                projection: None,
                collection: Box::new(first),
            };
            return (Expr { kind, span }, first_depth + 1);
        };
        let first_span = first.span;
        match split_binding(first) {
            Some((var, collection)) => {
                let kind = ExprKind::ListAggregate {
                    kind,
                    projection: Some((var, Box::new(value))),
                    collection,
                };
                (Expr { kind, span }, first_depth.max(value_depth) + 1)
            }
            None => {
                let diagnostic = Diagnostic::error(
                    Code::SYNTAX,
                    Message::new("syntax-aggregate-needs-binding").with("word", &word),
                )
                .with_primary(
                    self.session.file,
                    first_span,
                    // The message names what is missing: the label only marks where.
                    Message::default(),
                )
                .with_help(Message::new("syntax-aggregate-needs-binding-help").with("word", &word));
                self.report(diagnostic);
                (error_expr(span), 1)
            }
        }
    }

    /// `share(x in xs: p)` or `share(x in xs: p, w)`, taken apart as `count` is.
    fn share(&mut self, pair: P, span: Span) -> (Expr, usize) {
        let mut parts = self.sub_exprs(pair).into_iter();
        let (Some((first, first_depth)), Some((condition, condition_depth))) =
            (parts.next(), parts.next())
        else {
            return (error_expr(span), 1);
        };
        let weight = parts.next();
        let first_span = first.span;
        let Some((var, collection)) = split_binding(first) else {
            let diagnostic =
                Diagnostic::error(Code::SYNTAX, Message::new("syntax-share-needs-binding"))
                    .with_primary(
                        self.session.file,
                        first_span,
                        // The message names what is missing: the label only marks where.
                        Message::default(),
                    )
                    .with_help(Message::new("syntax-share-needs-binding-help"));
            self.report(diagnostic);
            return (error_expr(span), 1);
        };
        let weight_depth = weight.as_ref().map_or(0, |(_, depth)| *depth);
        let kind = ExprKind::Share {
            var,
            collection,
            condition: Box::new(condition),
            weight: weight.map(|(weight, _)| Box::new(weight)),
        };
        let depth = first_depth.max(condition_depth).max(weight_depth) + 1;
        (Expr { kind, span }, depth)
    }

    fn aggregate(&mut self, pair: P, span: Span) -> (Expr, usize) {
        let kind = if pair.as_str().starts_with("highest") {
            AggregateKind::Highest
        } else {
            AggregateKind::Lowest
        };
        match self.sub_exprs(pair).pop() {
            Some((arg, depth)) => {
                let kind = ExprKind::Aggregate {
                    kind,
                    arg: Box::new(arg),
                };
                (Expr { kind, span }, depth + 1)
            }
            None => (error_expr(span), 1),
        }
    }
}

/// `x in xs` as a variable and a collection.
fn split_binding(expr: Expr) -> Option<(Ident, Box<Expr>)> {
    let ExprKind::Binary {
        op: BinaryOp::In,
        lhs,
        rhs,
        ..
    } = expr.into_kind()
    else {
        return None;
    };
    match lhs.into_kind() {
        ExprKind::Path(path) if path.segments.len() == 1 => {
            path.segments.into_iter().next().map(|var| (var, rhs))
        }
        _ => None,
    }
}

//! Constant folding of typed expressions, with the operators of [`crate::ops`]: the
//! values of parameters, and the lints on conditions that do not depend on the offer.

use clausier_diagnostics::{Message, stack};
use clausier_syntax::ast::QuantifierKind;

use crate::business_time;
use crate::hir::{FieldRoot, ParamDef, ParamId, TExpr, TExprKind};
use crate::list_aggregates::{self, ListAggregateError};
use crate::ops::{self, OpError};
use crate::text_functions;
use crate::types::Ty;
use crate::value::Value;
use crate::weekdays;

/// Why an expression has no constant value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FoldError {
    /// It reads the descriptor, the date, an aggregate, a parameter whose value is not
    /// known, or holds an error.
    NotConstant,
    /// An operator gave no value (division by zero, overflow).
    Op(OpError),
}

impl From<OpError> for FoldError {
    fn from(error: OpError) -> Self {
        FoldError::Op(error)
    }
}

/// Says why folding failed, for a label.
pub(crate) fn fold_error_reason(error: FoldError) -> Message {
    Message::new(match error {
        FoldError::NotConstant => "e0309-not-a-constant",
        FoldError::Op(OpError::DivisionByZero) => "e0309-divides-by-zero",
        FoldError::Op(OpError::Overflow) => "e0309-out-of-range",
        FoldError::Op(OpError::Types) => "e0309-do-not-combine",
        FoldError::Op(OpError::TimeOnDate) => "e0309-time-on-date",
    })
}

/// Folds expressions with the current values of the parameters marked as known.
pub(crate) struct Folder<'p> {
    params: &'p [ParamDef],
    known: &'p [bool],
}

impl<'p> Folder<'p> {
    pub(crate) fn new(params: &'p [ParamDef], known: &'p [bool]) -> Self {
        Self { params, known }
    }

    pub(crate) fn fold(&self, expr: &TExpr) -> Result<Value, FoldError> {
        let mut locals = Vec::new();
        self.fold_in(expr, &mut locals)
    }

    fn fold_in(&self, expr: &TExpr, locals: &mut Vec<Option<Value>>) -> Result<Value, FoldError> {
        stack::deep(|| self.fold_node(expr, locals))
    }

    /// A parameter's value, when it is known at compile time.
    fn param_value(&self, id: ParamId) -> Result<Value, FoldError> {
        let index = id.0 as usize;
        if !self.known.get(index).copied().unwrap_or(false) {
            return Err(FoldError::NotConstant);
        }
        self.params
            .get(index)
            .map(|p| p.value.clone())
            .ok_or(FoldError::NotConstant)
    }

    fn fold_node(&self, expr: &TExpr, locals: &mut Vec<Option<Value>>) -> Result<Value, FoldError> {
        if expr.ty == Ty::Error {
            return Err(FoldError::NotConstant);
        }
        match &expr.kind {
            TExprKind::Const(value) => Ok(value.clone()),
            TExprKind::Param(id) => self.param_value(*id),
            TExprKind::ParamField(id, steps) => {
                crate::hir::record_field(&self.param_value(*id)?, steps)
                    .ok_or(FoldError::NotConstant)
            }
            TExprKind::Local(id) => locals
                .get(id.0 as usize)
                .cloned()
                .flatten()
                .ok_or(FoldError::NotConstant),
            TExprKind::Field(field) => {
                let FieldRoot::Local(id) = field.root else {
                    return Err(FoldError::NotConstant);
                };
                let mut value = locals
                    .get(id.0 as usize)
                    .cloned()
                    .flatten()
                    .ok_or(FoldError::NotConstant)?;
                for step in &field.steps {
                    let Value::Record(record) = &value else {
                        return Err(FoldError::NotConstant);
                    };
                    value = record
                        .get(step.field)
                        .cloned()
                        .ok_or(FoldError::NotConstant)?;
                }
                Ok(value)
            }
            TExprKind::List(items) => {
                let mut values: Vec<Value> = Vec::with_capacity(items.len());
                let is_set = matches!(expr.ty, Ty::Set(_));
                for item in items {
                    let value = self.fold_in(item, locals)?;
                    if !(is_set && values.iter().any(|v| v.same(&value))) {
                        values.push(value);
                    }
                }
                Ok(Value::List(values.into()))
            }
            TExprKind::Index(table, key) => {
                let (table, key) = (self.fold_in(table, locals)?, self.fold_in(key, locals)?);
                // A key the map lacks has no value: left to the evaluation, unknown.
                table.map_entry(&key).cloned().ok_or(FoldError::NotConstant)
            }
            TExprKind::Not(inner) => Ok(Value::Bool(!self.fold_bool(inner, locals)?)),
            TExprKind::Neg(inner) => Ok(ops::negate(&self.fold_in(inner, locals)?)?),
            TExprKind::And(l, r) => {
                let (l, r) = (self.fold_bool(l, locals)?, self.fold_bool(r, locals)?);
                Ok(Value::Bool(l && r))
            }
            TExprKind::Or(l, r) => {
                let (l, r) = (self.fold_bool(l, locals)?, self.fold_bool(r, locals)?);
                Ok(Value::Bool(l || r))
            }
            TExprKind::Implies(l, r) => {
                let (l, r) = (self.fold_bool(l, locals)?, self.fold_bool(r, locals)?);
                Ok(Value::Bool(!l || r))
            }
            TExprKind::Compare(op, l, r) => {
                let equality = ops::Equality::of(&l.ty);
                let (l, r) = (self.fold_in(l, locals)?, self.fold_in(r, locals)?);
                ops::compare(*op, equality, &l, &r)
                    .map(Value::Bool)
                    .ok_or(FoldError::Op(OpError::Types))
            }
            TExprKind::Arith(op, l, r) => {
                let (l, r) = (self.fold_in(l, locals)?, self.fold_in(r, locals)?);
                Ok(ops::arith(*op, &l, &r)?)
            }
            TExprKind::In(item, collection) => {
                let (item, collection) = (
                    self.fold_in(item, locals)?,
                    self.fold_in(collection, locals)?,
                );
                Ok(Value::Bool(ops::contains(&collection, &item)?))
            }
            TExprKind::Quantifier {
                kind,
                var,
                collection,
                body,
                ..
            } => {
                let items = self.fold_list(collection, locals)?;
                let mut outcome = matches!(kind, QuantifierKind::All);
                for item in items.iter() {
                    set_local(locals, var.0, item.clone());
                    let holds = self.fold_bool(body, locals)?;
                    match kind {
                        QuantifierKind::All if !holds => outcome = false,
                        QuantifierKind::Any if holds => outcome = true,
                        _ => {}
                    }
                }
                Ok(Value::Bool(outcome))
            }
            TExprKind::Count { collection, filter } => {
                let items = self.fold_list(collection, locals)?;
                let mut count: u64 = 0;
                for item in items.iter() {
                    let counted = match filter {
                        Some((var, _, body)) => {
                            set_local(locals, var.0, item.clone());
                            self.fold_bool(body, locals)?
                        }
                        None => true,
                    };
                    count += u64::from(counted);
                }
                Ok(Value::Number(count.into()))
            }
            TExprKind::ListAggregate {
                kind,
                collection,
                projection,
            } => {
                let items = self.fold_list(collection, locals)?;
                let values = match projection {
                    None => items.to_vec(),
                    Some((var, _, value)) => {
                        let mut values = Vec::with_capacity(items.len());
                        for item in items.iter() {
                            set_local(locals, var.0, item.clone());
                            values.push(self.fold_in(value, locals)?);
                        }
                        values
                    }
                };
                let zero = list_aggregates::zero(&expr.ty);
                match list_aggregates::compute(*kind, zero.as_ref(), &values) {
                    Ok(value) => Ok(value),
                    // Left to the evaluator, which says why it has no value (R0705).
                    Err(ListAggregateError::Empty) => Err(FoldError::NotConstant),
                    Err(ListAggregateError::Op(error)) => Err(FoldError::Op(error)),
                }
            }
            TExprKind::TextCheck { check, text } => match self.fold_in(text, locals)? {
                Value::String(text) => text_functions::check_text(check, &text)
                    .map(Value::Bool)
                    .ok_or(FoldError::NotConstant),
                _ => Err(FoldError::NotConstant),
            },
            TExprKind::Weekday { of, weekday } => {
                weekdays::weekday_of(&self.fold_in(of, locals)?, *weekday)
                    .ok_or(FoldError::NotConstant)
            }
            TExprKind::BusinessDuration(args) => {
                let [start, end, days, opens, closes] = args.as_ref();
                // A duration without a value is left to the evaluator, which says why
                // (R0708).
                business_time::business_duration_of(
                    &self.fold_in(start, locals)?,
                    &self.fold_in(end, locals)?,
                    &self.fold_in(days, locals)?,
                    &self.fold_in(opens, locals)?,
                    &self.fold_in(closes, locals)?,
                )
                .and_then(Result::ok)
                .ok_or(FoldError::NotConstant)
            }
            TExprKind::If(cond, then_branch, else_branch) => {
                if self.fold_bool(cond, locals)? {
                    self.fold_in(then_branch, locals)
                } else {
                    self.fold_in(else_branch, locals)
                }
            }
            TExprKind::Has(_)
            | TExprKind::Today
            | TExprKind::Aggregate(_)
            | TExprKind::Passed(_)
            // The entries are the inventory's; a share is left to the evaluation.
            | TExprKind::Entries
            | TExprKind::Share { .. } => Err(FoldError::NotConstant),
        }
    }

    fn fold_bool(&self, expr: &TExpr, locals: &mut Vec<Option<Value>>) -> Result<bool, FoldError> {
        match self.fold_in(expr, locals)? {
            Value::Bool(b) => Ok(b),
            _ => Err(FoldError::Op(OpError::Types)),
        }
    }

    fn fold_list(
        &self,
        expr: &TExpr,
        locals: &mut Vec<Option<Value>>,
    ) -> Result<std::sync::Arc<[Value]>, FoldError> {
        match self.fold_in(expr, locals)? {
            Value::List(items) => Ok(items),
            _ => Err(FoldError::Op(OpError::Types)),
        }
    }
}

fn set_local(locals: &mut Vec<Option<Value>>, index: u32, value: Value) {
    let index = index as usize;
    if locals.len() <= index {
        locals.resize(index + 1, None);
    }
    if let Some(slot) = locals.get_mut(index) {
        *slot = Some(value);
    }
}

/// Visits `expr` and its sub-expressions, each before its children, to change them; the
/// mutable twin of [`walk`], kept beside it so that a new kind of node reaches both.
pub(crate) fn walk_mut(expr: &mut TExpr, visit: &mut impl FnMut(&mut TExpr)) {
    stack::deep(|| {
        visit(expr);
        match &mut expr.kind {
            TExprKind::Const(_)
            | TExprKind::Field(_)
            | TExprKind::Param(_)
            | TExprKind::ParamField(..)
            | TExprKind::Local(_)
            | TExprKind::Has(_)
            | TExprKind::Today
            | TExprKind::Aggregate(_)
            | TExprKind::Passed(_)
            | TExprKind::Entries => {}
            TExprKind::List(items) => {
                for item in items {
                    walk_mut(item, visit);
                }
            }
            TExprKind::Share {
                collection,
                condition,
                weight,
                ..
            } => {
                walk_mut(collection, visit);
                walk_mut(condition, visit);
                if let Some(weight) = weight {
                    walk_mut(weight, visit);
                }
            }
            TExprKind::Not(inner) | TExprKind::Neg(inner) => walk_mut(inner, visit),
            TExprKind::And(l, r)
            | TExprKind::Or(l, r)
            | TExprKind::Implies(l, r)
            | TExprKind::Compare(_, l, r)
            | TExprKind::Arith(_, l, r)
            | TExprKind::In(l, r)
            | TExprKind::Index(l, r) => {
                walk_mut(l, visit);
                walk_mut(r, visit);
            }
            TExprKind::Quantifier {
                collection, body, ..
            } => {
                walk_mut(collection, visit);
                walk_mut(body, visit);
            }
            TExprKind::Count { collection, filter } => {
                walk_mut(collection, visit);
                if let Some((_, _, body)) = filter {
                    walk_mut(body, visit);
                }
            }
            TExprKind::ListAggregate {
                collection,
                projection,
                ..
            } => {
                walk_mut(collection, visit);
                if let Some((_, _, value)) = projection {
                    walk_mut(value, visit);
                }
            }
            TExprKind::TextCheck { text, .. } => walk_mut(text, visit),
            TExprKind::Weekday { of, .. } => walk_mut(of, visit),
            TExprKind::BusinessDuration(args) => {
                for arg in args.iter_mut() {
                    walk_mut(arg, visit);
                }
            }
            TExprKind::If(cond, then_branch, else_branch) => {
                walk_mut(cond, visit);
                walk_mut(then_branch, visit);
                walk_mut(else_branch, visit);
            }
        }
    });
}

/// Visits `expr` and its sub-expressions in source order; `visit` returns whether to
/// look inside the node it is given.
pub(crate) fn walk(expr: &TExpr, visit: &mut impl FnMut(&TExpr) -> bool) {
    stack::deep(|| walk_node(expr, visit));
}

fn walk_node(expr: &TExpr, visit: &mut impl FnMut(&TExpr) -> bool) {
    if !visit(expr) {
        return;
    }
    match &expr.kind {
        TExprKind::Const(_)
        | TExprKind::Field(_)
        | TExprKind::Param(_)
        | TExprKind::ParamField(..)
        | TExprKind::Local(_)
        | TExprKind::Has(_)
        | TExprKind::Today
        | TExprKind::Aggregate(_)
        | TExprKind::Passed(_)
        | TExprKind::Entries => {}
        TExprKind::List(items) => {
            for item in items {
                walk(item, visit);
            }
        }
        TExprKind::Share {
            collection,
            condition,
            weight,
            ..
        } => {
            walk(collection, visit);
            walk(condition, visit);
            if let Some(weight) = weight {
                walk(weight, visit);
            }
        }
        TExprKind::Not(inner) | TExprKind::Neg(inner) => walk(inner, visit),
        TExprKind::And(l, r)
        | TExprKind::Or(l, r)
        | TExprKind::Implies(l, r)
        | TExprKind::Compare(_, l, r)
        | TExprKind::Arith(_, l, r)
        | TExprKind::In(l, r)
        | TExprKind::Index(l, r) => {
            walk(l, visit);
            walk(r, visit);
        }
        TExprKind::Quantifier {
            collection, body, ..
        } => {
            walk(collection, visit);
            walk(body, visit);
        }
        TExprKind::Count { collection, filter } => {
            walk(collection, visit);
            if let Some((_, _, body)) = filter {
                walk(body, visit);
            }
        }
        TExprKind::ListAggregate {
            collection,
            projection,
            ..
        } => {
            walk(collection, visit);
            if let Some((_, _, value)) = projection {
                walk(value, visit);
            }
        }
        TExprKind::TextCheck { text, .. } => walk(text, visit),
        TExprKind::Weekday { of, .. } => walk(of, visit),
        TExprKind::BusinessDuration(args) => {
            for arg in args.iter() {
                walk(arg, visit);
            }
        }
        TExprKind::If(cond, then_branch, else_branch) => {
            walk(cond, visit);
            walk(then_branch, visit);
            walk(else_branch, visit);
        }
    }
}

/// Whether the value of `expr` depends on the offer: a descriptor field, `has`,
/// `today`, an aggregate or a requirement's outcome. Variables count only through what they range over.
pub(crate) fn reads_offer(expr: &TExpr) -> bool {
    let mut reads = false;
    walk(expr, &mut |node| {
        if matches!(
            &node.kind,
            TExprKind::Has(_)
                | TExprKind::Today
                | TExprKind::Aggregate(_)
                | TExprKind::Passed(_)
                | TExprKind::Entries
        ) || matches!(&node.kind, TExprKind::Field(f) if f.root == FieldRoot::Descriptor)
        {
            reads = true;
        }
        !reads
    });
    reads
}

/// Whether `expr` or a part of it has an error: such an expression is not folded.
pub(crate) fn has_error(expr: &TExpr) -> bool {
    let mut found = false;
    walk(expr, &mut |node| {
        found |= node.ty == Ty::Error;
        !found
    });
    found
}

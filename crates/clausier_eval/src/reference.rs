//! A direct interpretation of the checked tree, independent of the compiled form.
//!
//! It walks [`TExpr`] recursively, finds descriptor fields by name through the schema,
//! evaluates both sides of every connective and combines them with its own Kleene
//! tables; only value arithmetic is shared with the compiled form (through
//! `clausier_check::ops`). It is slow on purpose: it is the yardstick the property
//! tests hold the compiled evaluator to.

use clausier_check::text_functions;
use std::sync::Arc;

use clausier_check::business_time;
use clausier_check::hir::{CheckedPack, FieldRef, FieldRoot, FieldStep, LocalId, TExpr, TExprKind};
use clausier_check::list_aggregates;
use clausier_check::ops;
use clausier_check::types::{RecordDef, Ty};
use clausier_check::value::{Record, Value};
use clausier_check::weekdays;
use clausier_diagnostics::stack;
use clausier_syntax::ast::{CompareOp, QuantifierKind};
use rust_decimal::Decimal;

use crate::program::EvalContext;

/// The value of `expr` on a descriptor's data; `None` is unknown.
pub fn evaluate(
    pack: &CheckedPack,
    expr: &TExpr,
    descriptor: &Record,
    context: &EvalContext,
) -> Option<Value> {
    let mut interpreter = Interpreter {
        pack,
        descriptor,
        context,
        locals: Vec::new(),
    };
    interpreter.eval(expr)
}

/// Three truth values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Truth {
    False,
    Unknown,
    True,
}

impl Truth {
    fn of(value: Option<Value>) -> Truth {
        match value {
            Some(Value::Bool(true)) => Truth::True,
            Some(Value::Bool(false)) => Truth::False,
            _ => Truth::Unknown,
        }
    }

    fn into_value(self) -> Option<Value> {
        match self {
            Truth::True => Some(Value::Bool(true)),
            Truth::False => Some(Value::Bool(false)),
            Truth::Unknown => None,
        }
    }
}

fn not(a: Truth) -> Truth {
    match a {
        Truth::True => Truth::False,
        Truth::False => Truth::True,
        Truth::Unknown => Truth::Unknown,
    }
}

fn and(a: Truth, b: Truth) -> Truth {
    use Truth::{False, True, Unknown};
    match (a, b) {
        (False, _) | (_, False) => False,
        (True, True) => True,
        (True, Unknown) | (Unknown, True) | (Unknown, Unknown) => Unknown,
    }
}

fn or(a: Truth, b: Truth) -> Truth {
    use Truth::{False, True, Unknown};
    match (a, b) {
        (True, _) | (_, True) => True,
        (False, False) => False,
        (False, Unknown) | (Unknown, False) | (Unknown, Unknown) => Unknown,
    }
}

fn implies(a: Truth, b: Truth) -> Truth {
    or(not(a), b)
}

struct Interpreter<'a> {
    pack: &'a CheckedPack,
    descriptor: &'a Record,
    context: &'a EvalContext,
    locals: Vec<(LocalId, Value)>,
}

impl Interpreter<'_> {
    fn eval(&mut self, expr: &TExpr) -> Option<Value> {
        stack::deep(|| self.eval_node(expr))
    }

    fn eval_node(&mut self, expr: &TExpr) -> Option<Value> {
        match &expr.kind {
            TExprKind::Const(value) => Some(value.clone()),
            TExprKind::Field(field) => self.lookup(field),
            TExprKind::Param(id) => self.pack.params.get(id.0 as usize).map(|p| p.value.clone()),
            TExprKind::ParamField(id, steps) => {
                let mut current = self.pack.params.get(id.0 as usize)?.value.clone();
                for step in steps {
                    current = self.field_by_name(current, step)?;
                }
                Some(current)
            }
            TExprKind::Local(local) => self.local(*local),
            TExprKind::List(items) => {
                let mut values = Vec::new();
                for item in items {
                    values.push(self.eval(item));
                }
                let mut present: Vec<Value> = Vec::new();
                for value in values {
                    let value = value?;
                    let duplicate = present.iter().any(|seen| seen.same(&value));
                    if !(duplicate && matches!(expr.ty, Ty::Set(_))) {
                        present.push(value);
                    }
                }
                Some(Value::List(Arc::from(present)))
            }
            TExprKind::Not(operand) => not(self.truth(operand)).into_value(),
            TExprKind::Neg(operand) => ops::negate(&self.eval(operand)?).ok(),
            TExprKind::And(lhs, rhs) => {
                let (a, b) = (self.truth(lhs), self.truth(rhs));
                and(a, b).into_value()
            }
            TExprKind::Or(lhs, rhs) => {
                let (a, b) = (self.truth(lhs), self.truth(rhs));
                or(a, b).into_value()
            }
            TExprKind::Implies(lhs, rhs) => {
                let (a, b) = (self.truth(lhs), self.truth(rhs));
                implies(a, b).into_value()
            }
            TExprKind::Compare(op, lhs, rhs) => {
                let (a, b) = (self.eval(lhs), self.eval(rhs));
                ops::compare(*op, ops::Equality::of(&lhs.ty), &a?, &b?).map(Value::Bool)
            }
            TExprKind::Arith(op, lhs, rhs) => {
                let (a, b) = (self.eval(lhs), self.eval(rhs));
                ops::arith(*op, &a?, &b?).ok()
            }
            TExprKind::In(item, collection) => {
                let (item, collection) = (self.eval(item), self.eval(collection));
                ops::contains(&collection?, &item?).ok().map(Value::Bool)
            }
            TExprKind::Index(table, key) => {
                let (table, key) = (self.eval(table)?, self.eval(key)?);
                let Value::Map(entries) = table else {
                    return None;
                };
                // Searched here as the language says: the first key equal to `key`.
                entries
                    .iter()
                    .find(|(candidate, _)| {
                        ops::compare(CompareOp::Eq, ops::Equality::Ordered, candidate, &key)
                            == Some(true)
                    })
                    .map(|(_, value)| value.clone())
            }
            TExprKind::Quantifier {
                kind,
                var,
                collection,
                body,
                ..
            } => {
                let truths = self.each_element(*var, collection, body)?;
                let folded = match kind {
                    QuantifierKind::All => truths.into_iter().fold(Truth::True, and),
                    QuantifierKind::Any => truths.into_iter().fold(Truth::False, or),
                };
                folded.into_value()
            }
            TExprKind::Count { collection, filter } => match filter {
                None => match self.eval(collection)? {
                    Value::List(items) => Some(Value::Number(Decimal::from(items.len()))),
                    _ => None,
                },
                Some((var, _, condition)) => {
                    let truths = self.each_element(*var, collection, condition)?;
                    let mut count = 0usize;
                    for truth in truths {
                        match truth {
                            Truth::True => count += 1,
                            Truth::False => {}
                            Truth::Unknown => return None,
                        }
                    }
                    Some(Value::Number(Decimal::from(count)))
                }
            },
            TExprKind::ListAggregate {
                kind,
                collection,
                projection,
            } => {
                let Value::List(items) = self.eval(collection)? else {
                    return None;
                };
                let mut values = Vec::with_capacity(items.len());
                for item in items.iter() {
                    match projection {
                        None => values.push(item.clone()),
                        Some((var, _, value)) => {
                            self.locals.push((*var, item.clone()));
                            let projected = self.eval(value);
                            self.locals.pop();
                            values.push(projected?);
                        }
                    }
                }
                let zero = list_aggregates::zero(&expr.ty);
                list_aggregates::compute(*kind, zero.as_ref(), &values).ok()
            }
            // The reference reads one offer: it has no inventory.
            TExprKind::Entries => None,
            TExprKind::Share {
                var,
                collection,
                condition,
                weight,
                ..
            } => {
                let Value::List(items) = self.eval(collection)? else {
                    return None;
                };
                let mut weighed = Vec::with_capacity(items.len());
                for item in items.iter() {
                    self.locals.push((*var, item.clone()));
                    let holds = self.truth(condition);
                    let weight = match weight {
                        Some(weight) => self.eval(weight),
                        None => Some(list_aggregates::SHARE_UNIT_WEIGHT),
                    };
                    self.locals.pop();
                    let holds = match holds {
                        Truth::True => true,
                        Truth::False => false,
                        Truth::Unknown => return None,
                    };
                    weighed.push((holds, weight?));
                }
                list_aggregates::share(weighed.iter().map(|(holds, weight)| (*holds, weight)))
            }
            // Compiles the pattern at each use: the reference favours plainness over speed.
            TExprKind::TextCheck { check, text } => match self.eval(text)? {
                Value::String(text) => text_functions::check_text(check, &text).map(Value::Bool),
                _ => None,
            },
            TExprKind::Weekday { of, weekday } => weekdays::weekday_of(&self.eval(of)?, *weekday),
            TExprKind::BusinessDuration(args) => {
                let [start, end, days, opens, closes] = args.as_ref();
                business_time::business_duration_of(
                    &self.eval(start)?,
                    &self.eval(end)?,
                    &self.eval(days)?,
                    &self.eval(opens)?,
                    &self.eval(closes)?,
                )?
                .ok()
            }
            TExprKind::Has(field) => Some(Value::Bool(self.lookup(field).is_some())),
            TExprKind::If(cond, then_branch, else_branch) => match self.truth(cond) {
                Truth::True => self.eval(then_branch),
                Truth::False => self.eval(else_branch),
                Truth::Unknown => None,
            },
            TExprKind::Today => Some(Value::Date(self.context.today)),
            TExprKind::Aggregate(id) => self.context.aggregates.get(id.0 as usize)?.clone(),
            TExprKind::Passed(index) => self
                .context
                .passed
                .get(*index)
                .copied()
                .flatten()
                .map(Value::Bool),
        }
    }

    fn truth(&mut self, expr: &TExpr) -> Truth {
        Truth::of(self.eval(expr))
    }

    /// The truth of `body` for every element of `collection`; `None` when the
    /// collection is unknown.
    fn each_element(
        &mut self,
        var: LocalId,
        collection: &TExpr,
        body: &TExpr,
    ) -> Option<Vec<Truth>> {
        let Value::List(items) = self.eval(collection)? else {
            return None;
        };
        let mut truths = Vec::with_capacity(items.len());
        for item in items.iter() {
            self.locals.push((var, item.clone()));
            truths.push(self.truth(body));
            self.locals.pop();
        }
        Some(truths)
    }

    fn local(&self, local: LocalId) -> Option<Value> {
        self.locals
            .iter()
            .rev()
            .find(|(id, _)| *id == local)
            .map(|(_, value)| value.clone())
    }

    /// Follows a field path by the names of its fields.
    fn lookup(&self, field: &FieldRef) -> Option<Value> {
        let mut current = match field.root {
            FieldRoot::Descriptor => Value::Record(Arc::new(self.descriptor.clone())),
            FieldRoot::Local(local) => self.local(local)?,
        };
        for step in &field.steps {
            current = self.field_by_name(current, step)?;
        }
        Some(current)
    }

    /// The field of a record value that a step names, found by its name.
    fn field_by_name(&self, value: Value, step: &FieldStep) -> Option<Value> {
        let definition = self.pack.schema.record(step.record)?;
        let (name, _) = definition.field_at(step.field)?;
        let Value::Record(record) = value else {
            return None;
        };
        named_field(definition, &record, name)
    }
}

fn named_field(definition: &RecordDef, record: &Record, name: &str) -> Option<Value> {
    let position = definition.fields.keys().position(|key| key == name)?;
    record.fields.get(position)?.clone()
}

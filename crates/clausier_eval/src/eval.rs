//! The evaluator of the compiled form: Kleene three-valued logic where `None` is
//! unknown, short-circuiting `and`/`or`/`implies` and the quantifiers on the value that
//! decides them.
//!
//! Bound elements live in a chain of [`Binding`]s on the stack, so evaluation needs no
//! frame to allocate and borrows every value it can from the descriptor or the program.

use std::borrow::Cow;
use std::sync::Arc;

use clausier_check::business_time::{self, BusinessTimeError};
use clausier_check::list_aggregates::{self, ListAggregateError};
use clausier_check::ops;
use clausier_check::text_functions;
use clausier_check::value::{Record, Value};
use clausier_check::weekdays;
use clausier_diagnostics::stack;
use clausier_syntax::ast::QuantifierKind;
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::program::{Code, FieldPath, Node, NodeId, PathRoot, TextNodeCheck};

/// Everything an expression reads besides the program: the descriptor, `today`, the
/// run's aggregates, the outcomes of the offer's requirements and the bound elements.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub root: &'a Record,
    pub today: Date,
    pub aggregates: &'a [Option<Value>],
    /// What `passed(ID)` reads, by requirement index (see `EvalContext::passed`).
    pub passed: &'a [Option<bool>],
    pub bindings: Option<&'a Binding<'a>>,
}

/// One bound element of a quantifier or a `count`, innermost first.
#[derive(Debug)]
pub(crate) struct Binding<'a> {
    pub slot: u32,
    pub value: &'a Value,
    pub outer: Option<&'a Binding<'a>>,
}

impl<'a> Scope<'a> {
    pub fn new(root: &'a Record, today: Date, aggregates: &'a [Option<Value>]) -> Self {
        Self {
            root,
            today,
            aggregates,
            passed: &[],
            bindings: None,
        }
    }

    /// The same scope, where `passed(ID)` reads `passed`.
    pub fn passed(self, passed: &'a [Option<bool>]) -> Self {
        Self { passed, ..self }
    }

    /// The same scope with one more element bound.
    pub fn with<'b>(self, binding: &'b Binding<'b>) -> Scope<'b>
    where
        'a: 'b,
    {
        Scope {
            root: self.root,
            today: self.today,
            aggregates: self.aggregates,
            passed: self.passed,
            bindings: Some(binding),
        }
    }

    pub fn local(&self, slot: u32) -> Option<&'a Value> {
        let mut binding = self.bindings;
        while let Some(current) = binding {
            if current.slot == slot {
                return Some(current.value);
            }
            binding = current.outer;
        }
        None
    }
}

impl Code {
    pub(crate) fn node(&self, id: NodeId) -> Option<Node> {
        self.nodes.get(id as usize).copied()
    }

    pub(crate) fn path(&self, id: u32) -> Option<&FieldPath> {
        self.paths.get(id as usize)
    }

    /// The children of a list node.
    pub(crate) fn list_items(&self, first: u32, len: u32) -> &[NodeId] {
        let start = first as usize;
        let end = start.saturating_add(len as usize);
        self.children.get(start..end).unwrap_or(&[])
    }

    /// The value at a field path; `None` when a step is absent.
    pub(crate) fn read<'a>(&self, path: u32, scope: Scope<'a>) -> Option<&'a Value> {
        let path = self.path(path)?;
        let (mut value, rest) = match path.root {
            PathRoot::Descriptor => {
                let (first, rest) = path.fields.split_first()?;
                (scope.root.get(*first)?, rest)
            }
            PathRoot::Slot(slot) => (scope.local(slot)?, &path.fields[..]),
        };
        for field in rest {
            let Value::Record(record) = value else {
                return None;
            };
            value = record.get(*field)?;
        }
        Some(value)
    }

    /// The value of a node; `None` is unknown.
    pub(crate) fn value<'a>(&'a self, id: NodeId, scope: Scope<'a>) -> Option<Cow<'a, Value>> {
        stack::deep(|| self.value_of_node(id, scope))
    }

    fn value_of_node<'a>(&'a self, id: NodeId, scope: Scope<'a>) -> Option<Cow<'a, Value>> {
        match self.node(id)? {
            Node::Const(index) => self.consts.get(index as usize).map(Cow::Borrowed),
            Node::Unknown => None,
            Node::Field(path) => self.read(path, scope).map(Cow::Borrowed),
            Node::Local(slot) => scope.local(slot).map(Cow::Borrowed),
            Node::Today => Some(Cow::Owned(Value::Date(scope.today))),
            Node::Aggregate(index) => scope
                .aggregates
                .get(index as usize)
                .and_then(Option::as_ref)
                .map(Cow::Borrowed),
            Node::List { first, len, set } => {
                let mut items: Vec<Value> = Vec::with_capacity(len as usize);
                for item in self.list_items(first, len) {
                    let value = self.value(*item, scope)?.into_owned();
                    if !(set && items.iter().any(|seen| seen.same(&value))) {
                        items.push(value);
                    }
                }
                Some(Cow::Owned(Value::List(Arc::from(items))))
            }
            Node::Weekday { of, weekday } => {
                weekdays::weekday_of(self.value(of, scope)?.as_ref(), weekday).map(Cow::Owned)
            }
            Node::BusinessDuration(args) => {
                self.business_duration(args, scope)?.ok().map(Cow::Owned)
            }
            Node::Index(table, key) => {
                let key = self.value(key, scope)?;
                match self.value(table, scope)? {
                    Cow::Borrowed(table) => table.map_entry(&key).map(Cow::Borrowed),
                    Cow::Owned(table) => table.map_entry(&key).cloned().map(Cow::Owned),
                }
            }
            Node::Neg(operand) => {
                let operand = self.value(operand, scope)?;
                ops::negate(&operand).ok().map(Cow::Owned)
            }
            Node::Arith(op, lhs, rhs) => {
                let lhs = self.value(lhs, scope)?;
                let rhs = self.value(rhs, scope)?;
                ops::arith(op, &lhs, &rhs).ok().map(Cow::Owned)
            }
            Node::Count { collection, filter } => {
                let count = self.count(collection, filter, scope)?;
                Some(Cow::Owned(Value::Number(Decimal::from(count))))
            }
            Node::ListAggregate { .. } => self.list_aggregate(id, scope)?.ok().map(Cow::Owned),
            Node::Share {
                slot,
                collection,
                condition,
                weight,
            } => self
                .share(slot, collection, condition, weight, scope)
                .map(Cow::Owned),
            Node::If(cond, then_branch, else_branch) => {
                if self.truth(cond, scope)? {
                    self.value(then_branch, scope)
                } else {
                    self.value(else_branch, scope)
                }
            }
            Node::Not(_)
            | Node::And(..)
            | Node::Or(..)
            | Node::Implies(..)
            | Node::Compare(..)
            | Node::In(..)
            | Node::Has(_)
            | Node::Passed(_)
            | Node::TextCheck { .. }
            | Node::Quantifier { .. } => self.truth(id, scope).map(|b| Cow::Owned(Value::Bool(b))),
        }
    }

    /// The truth of a boolean node; `None` is unknown.
    pub(crate) fn truth(&self, id: NodeId, scope: Scope<'_>) -> Option<bool> {
        stack::deep(|| self.truth_of_node(id, scope))
    }

    fn truth_of_node(&self, id: NodeId, scope: Scope<'_>) -> Option<bool> {
        match self.node(id)? {
            Node::Not(operand) => self.truth(operand, scope).map(|b| !b),
            Node::And(lhs, rhs) => match self.truth(lhs, scope) {
                Some(false) => Some(false),
                Some(true) => self.truth(rhs, scope),
                None => match self.truth(rhs, scope) {
                    Some(false) => Some(false),
                    _ => None,
                },
            },
            Node::Or(lhs, rhs) => match self.truth(lhs, scope) {
                Some(true) => Some(true),
                Some(false) => self.truth(rhs, scope),
                None => match self.truth(rhs, scope) {
                    Some(true) => Some(true),
                    _ => None,
                },
            },
            Node::Implies(lhs, rhs) => match self.truth(lhs, scope) {
                Some(false) => Some(true),
                Some(true) => self.truth(rhs, scope),
                None => match self.truth(rhs, scope) {
                    Some(true) => Some(true),
                    _ => None,
                },
            },
            Node::Compare(op, equality, lhs, rhs) => {
                let lhs = self.value(lhs, scope)?;
                let rhs = self.value(rhs, scope)?;
                ops::compare(op, equality, &lhs, &rhs)
            }
            Node::In(item, collection) => self.contains(item, collection, scope),
            Node::Has(path) => Some(self.read(path, scope).is_some()),
            Node::TextCheck { check, text } => self.text_check(check, text, scope),
            Node::Passed(index) => scope.passed.get(index as usize).copied().flatten(),
            Node::Quantifier {
                kind,
                slot,
                collection,
                body,
            } => self.quantify(kind, slot, collection, body, scope),
            Node::If(cond, then_branch, else_branch) => {
                if self.truth(cond, scope)? {
                    self.truth(then_branch, scope)
                } else {
                    self.truth(else_branch, scope)
                }
            }
            Node::Const(_)
            | Node::Unknown
            | Node::Field(_)
            | Node::Local(_)
            | Node::Aggregate(_)
            | Node::Today
            | Node::List { .. }
            | Node::Neg(_)
            | Node::Arith(..)
            | Node::Index(..)
            | Node::Count { .. }
            | Node::Weekday { .. }
            | Node::BusinessDuration(_)
            | Node::ListAggregate { .. }
            | Node::Share { .. } => match self.value(id, scope)?.as_ref() {
                Value::Bool(b) => Some(*b),
                _ => None,
            },
        }
    }

    /// What a `business_duration` node gives: `None` when an argument is unknown, else
    /// the duration or why it has none (R0708).
    pub(crate) fn business_duration(
        &self,
        [start, end, days, opens, closes]: [NodeId; 5],
        scope: Scope<'_>,
    ) -> Option<Result<Value, BusinessTimeError>> {
        business_time::business_duration_of(
            self.value(start, scope)?.as_ref(),
            self.value(end, scope)?.as_ref(),
            self.value(days, scope)?.as_ref(),
            self.value(opens, scope)?.as_ref(),
            self.value(closes, scope)?.as_ref(),
        )
    }

    /// Whether a text passes a check of the standard library; unknown when the text is.
    fn text_check(&self, check: TextNodeCheck, text: NodeId, scope: Scope<'_>) -> Option<bool> {
        let text = self.value(text, scope)?;
        let Value::String(text) = text.as_ref() else {
            return None;
        };
        match check {
            TextNodeCheck::Matches(index) => self
                .patterns
                .get(index as usize)
                .map(|pattern| pattern.is_match(text)),
            TextNodeCheck::Siret => Some(text_functions::is_siret(text)),
            TextNodeCheck::Uai => Some(text_functions::is_uai(text)),
            TextNodeCheck::HttpsUrl => Some(text_functions::is_https_url(text)),
        }
    }

    /// `item in collection`, unknown when either is. A list literal is searched in place:
    /// it is unknown as a whole when one of its elements is.
    fn contains(&self, item: NodeId, collection: NodeId, scope: Scope<'_>) -> Option<bool> {
        if let Some(Node::List { first, len, .. }) = self.node(collection) {
            let item = self.value(item, scope)?;
            let mut found = false;
            for candidate in self.list_items(first, len) {
                let candidate = self.value(*candidate, scope)?;
                found = found || candidate.same(&item);
            }
            return Some(found);
        }
        let item = self.value(item, scope)?;
        let collection = self.value(collection, scope)?;
        ops::contains(&collection, &item).ok()
    }

    fn quantify(
        &self,
        kind: QuantifierKind,
        slot: u32,
        collection: NodeId,
        body: NodeId,
        scope: Scope<'_>,
    ) -> Option<bool> {
        let collection = self.value(collection, scope)?;
        let Value::List(items) = collection.as_ref() else {
            return None;
        };
        // `all` is decided by a false element, `any` by a true one.
        let deciding = matches!(kind, QuantifierKind::Any);
        let mut unknown = false;
        for item in items.iter() {
            let binding = Binding {
                slot,
                value: item,
                outer: scope.bindings,
            };
            match self.truth(body, scope.with(&binding)) {
                Some(truth) if truth == deciding => return Some(deciding),
                Some(_) => {}
                None => unknown = true,
            }
        }
        if unknown { None } else { Some(!deciding) }
    }

    fn count(
        &self,
        collection: NodeId,
        filter: Option<(u32, NodeId)>,
        scope: Scope<'_>,
    ) -> Option<usize> {
        let collection = self.value(collection, scope)?;
        let Value::List(items) = collection.as_ref() else {
            return None;
        };
        let Some((slot, condition)) = filter else {
            return Some(items.len());
        };
        let mut count = 0;
        for item in items.iter() {
            let binding = Binding {
                slot,
                value: item,
                outer: scope.bindings,
            };
            if self.truth(condition, scope.with(&binding))? {
                count += 1;
            }
        }
        Some(count)
    }

    /// What a `sum`, `mean`, `min` or `max` node gives: `None` when the list or the value
    /// of one of its elements is unknown, else the value or why it has none (an empty
    /// list, a sum out of range).
    pub(crate) fn list_aggregate(
        &self,
        id: NodeId,
        scope: Scope<'_>,
    ) -> Option<Result<Value, ListAggregateError>> {
        let Node::ListAggregate {
            kind,
            collection,
            projection,
            zero,
        } = self.node(id)?
        else {
            return None;
        };
        let collection = self.value(collection, scope)?;
        let Value::List(items) = collection.as_ref() else {
            return None;
        };
        let zero = zero.and_then(|index| self.consts.get(index as usize));
        let Some((slot, value)) = projection else {
            return Some(list_aggregates::compute(kind, zero, items.iter()));
        };
        let mut values = Vec::with_capacity(items.len());
        for item in items.iter() {
            let binding = Binding {
                slot,
                value: item,
                outer: scope.bindings,
            };
            values.push(self.value(value, scope.with(&binding))?.into_owned());
        }
        Some(list_aggregates::compute(kind, zero, &values))
    }

    /// `share(x in xs: p, w)`: unknown when the collection, a condition or a weight is,
    /// or when the total is zero.
    fn share(
        &self,
        slot: u32,
        collection: NodeId,
        condition: NodeId,
        weight: Option<NodeId>,
        scope: Scope<'_>,
    ) -> Option<Value> {
        let collection = self.value(collection, scope)?;
        let Value::List(items) = collection.as_ref() else {
            return None;
        };
        let mut weighed = Vec::with_capacity(items.len());
        for item in items.iter() {
            let binding = Binding {
                slot,
                value: item,
                outer: scope.bindings,
            };
            let inner = scope.with(&binding);
            let holds = self.truth(condition, inner)?;
            let weight = match weight {
                Some(weight) => self.value(weight, inner)?.into_owned(),
                None => list_aggregates::SHARE_UNIT_WEIGHT,
            };
            weighed.push((holds, weight));
        }
        list_aggregates::share(weighed.iter().map(|(holds, weight)| (*holds, weight)))
    }

    /// Calls `visit` on each direct child of a node, in source order.
    pub(crate) fn for_each_child(&self, id: NodeId, mut visit: impl FnMut(NodeId)) {
        let Some(node) = self.node(id) else {
            return;
        };
        match node {
            Node::Const(_)
            | Node::Unknown
            | Node::Field(_)
            | Node::Local(_)
            | Node::Has(_)
            | Node::Today
            | Node::Aggregate(_)
            | Node::Passed(_) => {}
            Node::List { first, len, .. } => {
                for item in self.list_items(first, len) {
                    visit(*item);
                }
            }
            Node::Not(operand) | Node::Neg(operand) => visit(operand),
            Node::And(lhs, rhs)
            | Node::Or(lhs, rhs)
            | Node::Implies(lhs, rhs)
            | Node::Compare(_, _, lhs, rhs)
            | Node::Arith(_, lhs, rhs)
            | Node::In(lhs, rhs)
            | Node::Index(lhs, rhs) => {
                visit(lhs);
                visit(rhs);
            }
            Node::Quantifier {
                collection, body, ..
            } => {
                visit(collection);
                visit(body);
            }
            Node::Count { collection, filter } => {
                visit(collection);
                if let Some((_, condition)) = filter {
                    visit(condition);
                }
            }
            Node::ListAggregate {
                collection,
                projection,
                ..
            } => {
                visit(collection);
                if let Some((_, value)) = projection {
                    visit(value);
                }
            }
            Node::Share {
                collection,
                condition,
                weight,
                ..
            } => {
                visit(collection);
                visit(condition);
                if let Some(weight) = weight {
                    visit(weight);
                }
            }
            Node::TextCheck { text, .. } => visit(text),
            Node::Weekday { of, .. } => visit(of),
            Node::BusinessDuration(args) => args.into_iter().for_each(visit),
            Node::If(cond, then_branch, else_branch) => {
                visit(cond);
                visit(then_branch);
                visit(else_branch);
            }
        }
    }
}

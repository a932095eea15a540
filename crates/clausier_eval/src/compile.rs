//! Lowering a checked pack into the compiled form.
//!
//! Parameters become constants, and every sub-expression that reads neither the
//! descriptor, nor `today`, nor an aggregate is folded by evaluating it once, so that the
//! folded value is exactly what evaluation would have computed. Kleene identities fold
//! too when one side is constant (`true and p` is `p`, `false and p` is `false`).

use std::collections::HashMap;

use clausier_check::hir::{CheckedPack, FieldRef, FieldRoot, LocalId, TExpr, TExprKind};
use clausier_check::list_aggregates::{self, ListAggregateKind};
use clausier_check::text_functions::{self, TextCheck};
use clausier_check::types::{Schema, Ty};
use clausier_check::value::{Record, Value};
use clausier_check::{ValidPack, ops};
use clausier_diagnostics::stack;
use jiff::civil::Date;

mod inventory;

use crate::eval::Scope;
use crate::print::{Extent, Printer};
use crate::program::{
    AggregateProgram, Code, CriterionProgram, DocumentProgram, ENTRIES_SLOT, FieldPath, Node,
    NodeId, NodeText, PathRoot, PrintedExpr, Program, RequirementProgram, TextNodeCheck,
};

/// Compiles a pack without errors into its evaluable form.
pub fn compile(valid: ValidPack<'_>) -> Program {
    let pack = valid.pack();
    let mut lowering = Lowering::new(pack);
    let requirements = pack
        .requirements
        .iter()
        .map(|requirement| RequirementProgram {
            id: requirement.meta.id.clone(),
            pack: requirement.meta.pack.clone(),
            version: requirement.meta.version.clone(),
            level: requirement.level,
            when: requirement
                .when
                .as_ref()
                .map(|when| lowering.lower_whole(when)),
            require: lowering.lower_whole(&requirement.require),
            documents: requirement
                .documents
                .iter()
                .map(|document| {
                    let path = lowering.path(&document.field);
                    DocumentProgram {
                        label: document.label.clone(),
                        path: document.field.text.clone(),
                        given: lowering.push(Node::Has(path), None),
                        proof: document.proof.clone(),
                    }
                })
                .collect(),
            lots: requirement.meta.lots.clone(),
            accepts_equivalents: clausier_check::accepts_equivalents(&pack.schema, requirement),
            // On a requirement that demands no label the line changes nothing (W0516).
            no_equivalent: requirement
                .no_equivalent
                .as_ref()
                .filter(|_| clausier_check::demands_a_label(&pack.schema, requirement))
                .map(|line| line.reason.clone()),
        })
        .collect();
    let criteria = pack
        .criteria
        .iter()
        .map(|criterion| CriterionProgram {
            id: criterion.meta.id.clone(),
            pack: criterion.meta.pack.clone(),
            version: criterion.meta.version.clone(),
            weight: criterion.weight,
            score: lowering.lower_whole(&criterion.score),
            lots: criterion.meta.lots.clone(),
        })
        .collect();
    let aggregates = pack
        .aggregates
        .iter()
        .map(|aggregate| AggregateProgram {
            kind: aggregate.kind,
            path: match aggregate.field.root {
                FieldRoot::Descriptor => Some(lowering.path(&aggregate.field)),
                FieldRoot::Local(_) => None,
            },
        })
        .collect();
    let indicators = pack
        .indicators
        .iter()
        .map(|indicator| lowering.indicator(indicator))
        .collect();
    let risks = pack.risks.iter().map(|risk| lowering.risk(risk)).collect();
    let params = pack
        .params
        .iter()
        .map(|param| crate::report::ParamReport {
            name: param.name.clone(),
            pack: param.pack.clone(),
            value: param.value.display(&pack.schema).to_string(),
            shown: Some(crate::claim::shown(&param.value, &pack.schema)),
            default: param.default.display(&pack.schema).to_string(),
            default_shown: Some(crate::claim::shown(&param.default, &pack.schema)),
            set_in: param.set_in.as_ref().map(|site| site.location.clone()),
            computed_from: match param.set_in {
                Some(_) => Vec::new(),
                None => param.computed_from.clone(),
            },
        })
        .collect();
    Program {
        schema: pack.schema.clone(),
        code: lowering.code,
        printed: lowering.printed,
        texts: lowering.texts,
        requirements,
        criteria,
        aggregates,
        indicators,
        risks,
        params,
        scores_outcomes: lowering.scores_outcomes,
    }
}

/// A lowered expression: its node, and whether its value is known at compile time.
#[derive(Debug, Clone, Copy)]
struct Lowered {
    id: NodeId,
    constant: bool,
}

struct Lowering<'a> {
    pack: &'a CheckedPack,
    code: Code,
    printed: Vec<PrintedExpr>,
    texts: Vec<Option<NodeText>>,
    /// Where the text of each sub-expression of the expression being lowered lies in
    /// the last of `printed`.
    extents: HashMap<*const TExpr, Extent>,
    printer: Printer<'a>,
    /// The descriptor that constant sub-expressions are folded against: they read none
    /// of it.
    empty: Record,
    /// Whether an expression lowered so far reads a requirement's outcome.
    scores_outcomes: bool,
    /// The index in [`Code::patterns`] of each pattern compiled so far.
    pattern_indexes: HashMap<String, u32>,
}

/// Marks of the arena's lengths, to drop the nodes of a sub-expression once folded.
struct Mark {
    nodes: usize,
    children: usize,
    consts: usize,
}

impl<'a> Lowering<'a> {
    fn new(pack: &'a CheckedPack) -> Self {
        Self {
            pack,
            code: Code::default(),
            printed: Vec::new(),
            texts: Vec::new(),
            extents: HashMap::new(),
            printer: Printer::new(pack),
            empty: Record::default(),
            scores_outcomes: false,
            pattern_indexes: HashMap::new(),
        }
    }

    fn mark(&self) -> Mark {
        Mark {
            nodes: self.code.nodes.len(),
            children: self.code.children.len(),
            consts: self.code.consts.len(),
        }
    }

    fn push(&mut self, node: Node, text: Option<NodeText>) -> NodeId {
        let id = u32::try_from(self.code.nodes.len()).unwrap_or(u32::MAX);
        self.code.nodes.push(node);
        self.texts.push(text);
        id
    }

    fn push_const(&mut self, value: Value, text: Option<NodeText>) -> Lowered {
        let index = u32::try_from(self.code.consts.len()).unwrap_or(u32::MAX);
        self.code.consts.push(value);
        Lowered {
            id: self.push(Node::Const(index), text),
            constant: true,
        }
    }

    /// Lowers a whole clause expression, printed once for the texts of its nodes.
    fn lower_whole(&mut self, expr: &TExpr) -> NodeId {
        let recorded = self.printer.record(expr);
        self.printed.push(PrintedExpr {
            text: recorded.text.into(),
            locals: recorded.locals.into(),
        });
        self.extents = recorded.extents;
        let id = self.lower(expr).id;
        self.extents.clear();
        id
    }

    fn lower(&mut self, expr: &TExpr) -> Lowered {
        stack::deep(|| self.lower_node(expr))
    }

    fn lower_node(&mut self, expr: &TExpr) -> Lowered {
        // Only boolean, arithmetic and business-time sub-expressions are ever quoted by an
        // explanation (the last in R0708).
        let quoted = expr.ty == Ty::Bool
            || matches!(
                expr.kind,
                TExprKind::Arith(..)
                    | TExprKind::Neg(_)
                    | TExprKind::ListAggregate { .. }
                    | TExprKind::Index(..)
                    | TExprKind::BusinessDuration(_)
            );
        let printed = u32::try_from(self.printed.len().saturating_sub(1)).unwrap_or(u32::MAX);
        let text = quoted
            .then(|| self.extents.get(&std::ptr::from_ref(expr)).copied())
            .flatten()
            .map(|extent| NodeText { printed, extent });
        let mark = self.mark();
        let lowered = self.lower_kind(expr, text);
        if lowered.constant
            && !matches!(
                self.code.node(lowered.id),
                Some(Node::Const(_) | Node::Unknown)
            )
        {
            return self.fold(lowered.id, mark, text);
        }
        lowered
    }

    /// Replaces a constant sub-expression by its value.
    fn fold(&mut self, id: NodeId, mark: Mark, text: Option<NodeText>) -> Lowered {
        let value = {
            let scope = Scope::new(&self.empty, Date::ZERO, &[]);
            self.code.value(id, scope).map(std::borrow::Cow::into_owned)
        };
        self.code.nodes.truncate(mark.nodes);
        self.texts.truncate(mark.nodes);
        self.code.children.truncate(mark.children);
        self.code.consts.truncate(mark.consts);
        match value {
            Some(value) => self.push_const(value, text),
            None => Lowered {
                id: self.push(Node::Unknown, text),
                constant: true,
            },
        }
    }

    fn lower_kind(&mut self, expr: &TExpr, text: Option<NodeText>) -> Lowered {
        match &expr.kind {
            TExprKind::Const(value) => self.push_const(value.clone(), text),
            TExprKind::Param(id) => match self.pack.params.get(id.0 as usize) {
                Some(param) => self.push_const(param.value.clone(), text),
                None => self.variable(Node::Unknown, text),
            },
            TExprKind::ParamField(id, steps) => match self
                .pack
                .params
                .get(id.0 as usize)
                .and_then(|param| clausier_check::hir::record_field(&param.value, steps))
            {
                Some(value) => self.push_const(value, text),
                None => self.variable(Node::Unknown, text),
            },
            TExprKind::Field(field) => {
                let path = self.path(field);
                self.variable(Node::Field(path), text)
            }
            TExprKind::Has(field) => {
                let path = self.path(field);
                self.variable(Node::Has(path), text)
            }
            TExprKind::Local(local) => self.variable(Node::Local(local.0), text),
            TExprKind::Entries => self.variable(Node::Local(ENTRIES_SLOT), text),
            TExprKind::Share {
                var,
                collection,
                condition,
                weight,
                ..
            } => {
                let collection = self.lower(collection);
                let condition = self.lower(condition);
                let weight = weight.as_ref().map(|weight| self.lower(weight));
                let node = Node::Share {
                    slot: var.0,
                    collection: collection.id,
                    condition: condition.id,
                    weight: weight.map(|weight| weight.id),
                };
                let constant = collection.constant
                    && condition.constant
                    && weight.is_none_or(|weight| weight.constant);
                let lowered = self.compound(node, constant, text);
                // A constant share of nothing stays a node, as an empty `mean` does.
                let scope = Scope::new(&self.empty, Date::ZERO, &[]);
                if constant && self.code.value(lowered.id, scope).is_none() {
                    return Lowered {
                        constant: false,
                        ..lowered
                    };
                }
                lowered
            }
            TExprKind::Today => self.variable(Node::Today, text),
            TExprKind::Aggregate(id) => self.variable(Node::Aggregate(id.0), text),
            TExprKind::Passed(index) => {
                self.scores_outcomes = true;
                let index = u32::try_from(*index).unwrap_or(u32::MAX);
                self.variable(Node::Passed(index), text)
            }
            TExprKind::List(items) => {
                let lowered: Vec<Lowered> = items.iter().map(|item| self.lower(item)).collect();
                let first = u32::try_from(self.code.children.len()).unwrap_or(u32::MAX);
                let len = u32::try_from(lowered.len()).unwrap_or(u32::MAX);
                self.code
                    .children
                    .extend(lowered.iter().map(|item| item.id));
                let node = Node::List {
                    first,
                    len,
                    set: matches!(expr.ty, Ty::Set(_)),
                };
                self.compound(node, lowered.iter().all(|item| item.constant), text)
            }
            TExprKind::Not(operand) => {
                let operand = self.lower(operand);
                self.compound(Node::Not(operand.id), operand.constant, text)
            }
            TExprKind::Neg(operand) => {
                let operand = self.lower(operand);
                self.compound(Node::Neg(operand.id), operand.constant, text)
            }
            TExprKind::And(lhs, rhs) => {
                let (lhs, rhs) = (self.lower(lhs), self.lower(rhs));
                match (self.known_bool(lhs), self.known_bool(rhs)) {
                    (Some(false), _) => lhs,
                    (_, Some(false)) => rhs,
                    (Some(true), _) => rhs,
                    (_, Some(true)) => lhs,
                    _ => self.binary(Node::And(lhs.id, rhs.id), lhs, rhs, text),
                }
            }
            TExprKind::Or(lhs, rhs) => {
                let (lhs, rhs) = (self.lower(lhs), self.lower(rhs));
                match (self.known_bool(lhs), self.known_bool(rhs)) {
                    (Some(true), _) => lhs,
                    (_, Some(true)) => rhs,
                    (Some(false), _) => rhs,
                    (_, Some(false)) => lhs,
                    _ => self.binary(Node::Or(lhs.id, rhs.id), lhs, rhs, text),
                }
            }
            TExprKind::Implies(lhs, rhs) => {
                let (lhs, rhs) = (self.lower(lhs), self.lower(rhs));
                match (self.known_bool(lhs), self.known_bool(rhs)) {
                    (Some(false), _) => self.push_const(Value::Bool(true), text),
                    (_, Some(true)) => rhs,
                    (Some(true), _) => rhs,
                    _ => self.binary(Node::Implies(lhs.id, rhs.id), lhs, rhs, text),
                }
            }
            TExprKind::Compare(op, lhs, rhs) => {
                let equality = ops::Equality::of(&lhs.ty);
                let (lhs, rhs) = (self.lower(lhs), self.lower(rhs));
                self.binary(Node::Compare(*op, equality, lhs.id, rhs.id), lhs, rhs, text)
            }
            TExprKind::Arith(op, lhs, rhs) => {
                let (lhs, rhs) = (self.lower(lhs), self.lower(rhs));
                self.binary(Node::Arith(*op, lhs.id, rhs.id), lhs, rhs, text)
            }
            TExprKind::In(item, collection) => {
                let (item, collection) = (self.lower(item), self.lower(collection));
                self.binary(Node::In(item.id, collection.id), item, collection, text)
            }
            TExprKind::Index(table, key) => {
                let (table, key) = (self.lower(table), self.lower(key));
                self.binary(Node::Index(table.id, key.id), table, key, text)
            }
            TExprKind::Quantifier {
                kind,
                var,
                collection,
                body,
                ..
            } => {
                let collection = self.lower(collection);
                let body = self.lower(body);
                let node = Node::Quantifier {
                    kind: *kind,
                    slot: var.0,
                    collection: collection.id,
                    body: body.id,
                };
                // A body that ignores its variable makes the quantifier constant too.
                self.compound(node, collection.constant && body.constant, text)
            }
            TExprKind::Count { collection, filter } => {
                let collection = self.lower(collection);
                let (filter, constant) = match filter {
                    None => (None, collection.constant),
                    Some((var, _, condition)) => {
                        let condition = self.lower(condition);
                        (
                            Some((var.0, condition.id)),
                            collection.constant && condition.constant,
                        )
                    }
                };
                let node = Node::Count {
                    collection: collection.id,
                    filter,
                };
                self.compound(node, constant, text)
            }
            TExprKind::ListAggregate {
                kind,
                collection,
                projection,
            } => self.list_aggregate(*kind, collection, projection.as_ref(), &expr.ty, text),
            TExprKind::TextCheck {
                check,
                text: checked,
            } => {
                let checked = self.lower(checked);
                let check = self.text_check(check);
                let node = Node::TextCheck {
                    check,
                    text: checked.id,
                };
                self.compound(node, checked.constant, text)
            }
            TExprKind::Weekday { of, weekday } => {
                let of = self.lower(of);
                let node = Node::Weekday {
                    of: of.id,
                    weekday: *weekday,
                };
                self.compound(node, of.constant, text)
            }
            TExprKind::BusinessDuration(args) => {
                let lowered = args.each_ref().map(|arg| self.lower(arg));
                let constant = lowered.iter().all(|arg| arg.constant);
                let node = Node::BusinessDuration(lowered.map(|arg| arg.id));
                let lowered = self.compound(node, constant, text);
                // Constant arguments it cannot count between (an end before the start)
                // stay a node, so that a run says why (R0708).
                let scope = Scope::new(&self.empty, Date::ZERO, &[]);
                let counted = constant && self.code.value(lowered.id, scope).is_some();
                Lowered {
                    constant: counted,
                    ..lowered
                }
            }
            TExprKind::If(cond, then_branch, else_branch) => {
                let cond = self.lower(cond);
                let then_branch = self.lower(then_branch);
                let else_branch = self.lower(else_branch);
                match self.known_bool(cond) {
                    Some(true) => then_branch,
                    Some(false) => else_branch,
                    None => {
                        let node = Node::If(cond.id, then_branch.id, else_branch.id);
                        let constant =
                            cond.constant && then_branch.constant && else_branch.constant;
                        self.compound(node, constant, text)
                    }
                }
            }
        }
    }

    /// A node whose value depends on the descriptor or the run.
    fn variable(&mut self, node: Node, text: Option<NodeText>) -> Lowered {
        Lowered {
            id: self.push(node, text),
            constant: false,
        }
    }

    /// The check of a text node; a pattern of `matches` is compiled the first time the
    /// pack uses it and shared by every later use.
    fn text_check(&mut self, check: &TextCheck) -> TextNodeCheck {
        match check {
            TextCheck::Matches(pattern) => {
                if let Some(&index) = self.pattern_indexes.get(pattern) {
                    return TextNodeCheck::Matches(index);
                }
                // The checker compiled it already: a pack with errors is never lowered.
                let Ok(compiled) = text_functions::compile_pattern(pattern) else {
                    return TextNodeCheck::Matches(u32::MAX);
                };
                let index = u32::try_from(self.code.patterns.len()).unwrap_or(u32::MAX);
                self.code.patterns.push(compiled);
                self.pattern_indexes.insert(pattern.clone(), index);
                TextNodeCheck::Matches(index)
            }
            TextCheck::Siret => TextNodeCheck::Siret,
            TextCheck::Uai => TextNodeCheck::Uai,
            TextCheck::HttpsUrl => TextNodeCheck::HttpsUrl,
        }
    }

    /// `sum(xs)` or `sum(x in xs: e)` (and `mean`, `min`, `max`); the zero of an empty
    /// `sum` is kept among the constants.
    fn list_aggregate(
        &mut self,
        kind: ListAggregateKind,
        collection: &TExpr,
        projection: Option<&(LocalId, String, Box<TExpr>)>,
        ty: &Ty,
        text: Option<NodeText>,
    ) -> Lowered {
        let collection = self.lower(collection);
        let (projection, constant) = match projection {
            None => (None, collection.constant),
            Some((var, _, value)) => {
                let value = self.lower(value);
                (
                    Some((var.0, value.id)),
                    collection.constant && value.constant,
                )
            }
        };
        let zero = list_aggregates::zero(ty).map(|zero| {
            let index = u32::try_from(self.code.consts.len()).unwrap_or(u32::MAX);
            self.code.consts.push(zero);
            index
        });
        let node = Node::ListAggregate {
            kind,
            collection: collection.id,
            projection,
            zero,
        };
        let lowered = self.compound(node, constant, text);
        // An aggregate of a constant list that has no value (the mean of an empty list)
        // stays a node, so that a run says why (R0705) instead of an unknown without a
        // reason.
        let scope = Scope::new(&self.empty, Date::ZERO, &[]);
        if constant && self.code.value(lowered.id, scope).is_none() {
            return Lowered {
                constant: false,
                ..lowered
            };
        }
        lowered
    }

    fn compound(&mut self, node: Node, constant: bool, text: Option<NodeText>) -> Lowered {
        Lowered {
            id: self.push(node, text),
            constant,
        }
    }

    fn binary(
        &mut self,
        node: Node,
        lhs: Lowered,
        rhs: Lowered,
        text: Option<NodeText>,
    ) -> Lowered {
        self.compound(node, lhs.constant && rhs.constant, text)
    }

    /// The truth of a folded boolean constant.
    fn known_bool(&self, lowered: Lowered) -> Option<bool> {
        match self.code.node(lowered.id)? {
            Node::Const(index) => match self.code.consts.get(index as usize)? {
                Value::Bool(b) => Some(*b),
                _ => None,
            },
            _ => None,
        }
    }

    /// Registers a field path and returns its index.
    fn path(&mut self, field: &FieldRef) -> u32 {
        let root = match field.root {
            FieldRoot::Descriptor => PathRoot::Descriptor,
            FieldRoot::Local(local) => PathRoot::Slot(local.0),
        };
        let written: Vec<&str> = field.text.split('.').collect();
        // The segments as written name the steps; a local's path begins with its name.
        let skip = usize::from(matches!(root, PathRoot::Slot(_)));
        let names = field
            .steps
            .iter()
            .enumerate()
            .map(|(index, step)| {
                step_name(&self.pack.schema, step.record, step.field)
                    .or_else(|| written.get(index + skip).copied())
                    .unwrap_or("?")
                    .into()
            })
            .collect();
        let path = FieldPath {
            root,
            fields: field.steps.iter().map(|step| step.field).collect(),
            names,
            text: field.text.as_str().into(),
        };
        if let Some(existing) = self.code.paths.iter().position(|known| *known == path) {
            return u32::try_from(existing).unwrap_or(u32::MAX);
        }
        let index = u32::try_from(self.code.paths.len()).unwrap_or(u32::MAX);
        self.code.paths.push(path);
        index
    }
}

fn step_name(schema: &Schema, record: clausier_check::types::RecordId, field: u32) -> Option<&str> {
    schema.record(record)?.field_at(field).map(|(name, _)| name)
}

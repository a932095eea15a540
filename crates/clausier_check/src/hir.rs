//! The checked pack: every name resolved, every expression typed. This is what the
//! evaluator compiles and what the IDE answers questions from.

use crate::text_functions::TextCheck;
use clausier_diagnostics::{FileId, Span, stack};
use clausier_syntax::ast::{
    AggregateKind, CompareOp, Level, ListAggregateKind, QuantifierKind, TestDecl,
};
use rust_decimal::Decimal;

use crate::types::{EnumId, Origin, RecordId, Schema, Ty};
use crate::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParamId(pub u32);

/// A variable bound by `all`, `any` or `count`, numbered within its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);

/// An entry of [`CheckedPack::aggregates`]: one `lowest(…)`/`highest(…)` to compute over
/// the eligible descriptors before scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AggregateId(pub u32);

/// The whole checked pack.
#[derive(Debug, Clone, Default)]
pub struct CheckedPack {
    pub schema: Schema,
    pub params: Vec<ParamDef>,
    pub requirements: Vec<RequirementDef>,
    pub criteria: Vec<CriterionDef>,
    /// Every pack's indicators over a whole inventory, dependencies' first.
    pub indicators: Vec<IndicatorDef>,
    /// Every pack's per-entry risks, dependencies' first.
    pub risks: Vec<RiskDef>,
    pub aggregates: Vec<AggregateDef>,
    pub tests: Vec<TestDef>,
    /// Every resolved name occurrence, for hover, go-to-definition, references, rename.
    pub symbols: Vec<SymbolRef>,
}

#[derive(Debug, Clone)]
pub struct ParamDef {
    pub name: String,
    pub ty: Ty,
    /// The effective value, after overrides.
    pub value: Value,
    /// The value its declaration gives, before overrides.
    pub default: Value,
    pub docs: String,
    pub origin: Origin,
    /// The pack that declares it.
    pub pack: String,
    /// The override that gave it its effective value, if a depending pack set it.
    pub set_in: Option<ParamOverrideSite>,
    /// A value computed from other parameters (`contract_start + 4 years`), typed:
    /// computed again when an override changes one of them.
    pub derivation: Option<TExpr>,
    /// The parameters [`ParamDef::derivation`] reads, by name, in order.
    pub computed_from: Vec<String>,
}

/// Where a depending pack overrode a parameter: a `set DEP::NAME = VALUE` in a clause
/// file or a key under `[params.DEP]` in its `pack.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamOverrideSite {
    /// The overridden name (`max_price` in `set edtech-fr::max_price = …`).
    pub origin: Origin,
    /// `file:line:column` of [`ParamOverrideSite::origin`], as reports print it.
    pub location: String,
    /// The pack that wrote the override.
    pub pack: String,
}

pub use crate::types::Lot;

/// What requirements and criteria have in common.
#[derive(Debug, Clone)]
pub struct ClauseMeta {
    pub id: String,
    pub title: String,
    /// The `///` comment: a drafting note for the editor, never published.
    pub docs: String,
    /// The legal text, as published.
    pub text: Option<LegalText>,
    /// `note "…"`: a published remark, shown under the text.
    pub note: Option<LegalText>,
    pub refs: Vec<String>,
    pub evidence: Vec<String>,
    /// The ids of the lots the clause applies to, in the order of `[document]`; empty
    /// when it applies to every lot (it has no `lots` line).
    pub lots: Vec<String>,
    /// The clause id's span.
    pub origin: Origin,
    /// The whole clause's span.
    pub span: Span,
    /// The pack that declares it.
    pub pack: String,
    /// That pack's version.
    pub version: String,
}

/// The string of a `text` or a `note`, with its `{name}` placeholders resolved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LegalText {
    /// The string as written, escapes decoded, placeholders kept (`{max_price}`, `{{`).
    pub source: String,
    pub parts: Vec<TextPart>,
}

/// A piece of a [`LegalText`]: text to print as it is (braces unescaped), or the value
/// of a parameter or of a field of a record parameter. An erroneous placeholder stays a
/// literal of its source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPart {
    Literal(String),
    Param(ParamId),
    /// `{horaires.ouverture}`: the steps from the parameter's record type (never empty).
    ParamField(ParamId, Vec<FieldStep>),
}

impl LegalText {
    /// A text without placeholders.
    pub fn plain(text: &str) -> Self {
        Self {
            source: text.to_owned(),
            parts: vec![TextPart::Literal(text.to_owned())],
        }
    }

    /// The text with each placeholder replaced by what `show` writes for its value among
    /// `params` (nothing for a value it cannot find).
    pub fn fill(&self, params: &[ParamDef], mut show: impl FnMut(&Value) -> String) -> String {
        let mut out = String::with_capacity(self.source.len());
        for part in &self.parts {
            let value = match part {
                TextPart::Literal(text) => {
                    out.push_str(text);
                    continue;
                }
                TextPart::Param(id) => params.get(id.0 as usize).map(|p| p.value.clone()),
                TextPart::ParamField(id, steps) => params
                    .get(id.0 as usize)
                    .and_then(|p| record_field(&p.value, steps)),
            };
            if let Some(value) = value {
                out.push_str(&show(&value));
            }
        }
        out
    }

    /// The parameters its placeholders name, in order, repeats included.
    pub fn params(&self) -> impl Iterator<Item = ParamId> + '_ {
        self.parts.iter().filter_map(|part| match part {
            TextPart::Param(id) | TextPart::ParamField(id, _) => Some(*id),
            TextPart::Literal(_) => None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct RequirementDef {
    pub meta: ClauseMeta,
    pub level: Level,
    pub when: Option<TExpr>,
    pub require: TExpr,
    /// The documents its `evidence` lines require, in order.
    pub documents: Vec<RequiredDocument>,
    /// Its `no_equivalent "…"` line: it admits no equivalent of the certification it
    /// demands; `None` when it admits one (if it demands a label).
    pub no_equivalent: Option<NoEquivalent>,
    /// How many variables its expressions bind (the size of an evaluation frame).
    pub locals: u32,
}

/// `indicator ID "title" { value …  by … }`: a value over every entry of an inventory
/// (`entries`), and over the entries of each group when it has `by`.
#[derive(Debug, Clone)]
pub struct IndicatorDef {
    pub meta: ClauseMeta,
    /// Reads the entries only through `entries` ([`TExprKind::Entries`]).
    pub value: TExpr,
    /// The fields of `by`, in order: none, one or two.
    pub grouping: Vec<GroupingDef>,
    pub locals: u32,
}

/// A field an indicator groups the entries by: an enum or a string of the descriptor.
#[derive(Debug, Clone)]
pub struct GroupingDef {
    pub field: FieldRef,
    /// `Ty::Enum` or `Ty::String`.
    pub ty: Ty,
    pub span: Span,
}

/// `risk ID "title" { value …  spend …  ends …  window …  alternatives … }`: a score of
/// each entry, and what its priority is made of. Every expression reads one entry, as a
/// requirement's `require` does.
#[derive(Debug, Clone)]
pub struct RiskDef {
    pub meta: ClauseMeta,
    /// An `int` or a `number`.
    pub value: TExpr,
    /// `money`.
    pub spend: Option<TExpr>,
    /// `date`.
    pub ends: Option<TExpr>,
    /// `duration`.
    pub window: Option<TExpr>,
    /// A list or a set of strings.
    pub alternatives: Option<TExpr>,
    pub locals: u32,
}

/// `no_equivalent "…"`: why a requirement admits no equivalent of the certification it
/// demands (one the law imposes, not a label the buyer chose), published with it.
#[derive(Debug, Clone)]
pub struct NoEquivalent {
    pub reason: String,
    /// The whole line.
    pub span: Span,
}

/// `evidence documents.homologation "Dossier d'homologation"`: a document the offer
/// must supply. When the descriptor lacks it, the requirement is `missing` (the offer
/// may be regularised, R2152-2), unless the offer fails it anyway.
#[derive(Debug, Clone)]
pub struct RequiredDocument {
    /// The document's name, as published (`Dossier d'homologation RGS`).
    pub label: String,
    /// Where the descriptor gives it (its reference, or its details).
    pub field: FieldRef,
    /// The kinds of proof it must come with (`from document, audit`), each once, in the
    /// order written; empty when any value given will do.
    pub proof: Vec<crate::provenance::ProvenanceKind>,
    /// The path as written after `evidence`.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct CriterionDef {
    pub meta: ClauseMeta,
    pub weight: Decimal,
    pub score: TExpr,
    pub locals: u32,
}

#[derive(Debug, Clone)]
pub struct AggregateDef {
    pub kind: AggregateKind,
    pub field: FieldRef,
}

#[derive(Debug, Clone)]
pub struct TestDef {
    pub file: FileId,
    pub decl: TestDecl,
}

/// A typed expression. The file is the clause's: spans are in that file.
///
/// A chain `a and b and …` is a left-deep tree as tall as the chain is long, so cloning,
/// comparing, printing for debugging and dropping never recurse on the plain stack (see
/// `clausier_diagnostics::stack`).
pub struct TExpr {
    pub kind: TExprKind,
    pub ty: Ty,
    pub span: Span,
}

impl Clone for TExpr {
    fn clone(&self) -> Self {
        stack::deep(|| TExpr {
            kind: self.kind.clone(),
            ty: self.ty.clone(),
            span: self.span,
        })
    }
}

impl PartialEq for TExpr {
    fn eq(&self, other: &Self) -> bool {
        stack::deep(|| self.span == other.span && self.ty == other.ty && self.kind == other.kind)
    }
}

impl std::fmt::Debug for TExpr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        stack::deep(|| {
            f.debug_struct("TExpr")
                .field("kind", &self.kind)
                .field("ty", &self.ty)
                .field("span", &self.span)
                .finish()
        })
    }
}

impl Drop for TExpr {
    /// Takes the children apart one by one instead of letting each drop its own.
    fn drop(&mut self) {
        let mut detached = Vec::new();
        self.kind.detach_children(&mut detached);
        while let Some(mut child) = detached.pop() {
            child.kind.detach_children(&mut detached);
        }
    }
}

impl TExprKind {
    /// Moves the sub-expressions out into `into`, leaving a leaf behind.
    fn detach_children(&mut self, into: &mut Vec<TExpr>) {
        let has_children = !matches!(
            self,
            TExprKind::Const(_)
                | TExprKind::Field(_)
                | TExprKind::Param(_)
                | TExprKind::ParamField(..)
                | TExprKind::Local(_)
                | TExprKind::Has(_)
                | TExprKind::Today
                | TExprKind::Aggregate(_)
                | TExprKind::Passed(_)
                | TExprKind::Entries
        );
        if !has_children {
            return;
        }
        match std::mem::replace(self, TExprKind::Today) {
            TExprKind::List(items) => into.extend(items),
            TExprKind::Not(inner) | TExprKind::Neg(inner) => into.push(*inner),
            TExprKind::And(l, r)
            | TExprKind::Or(l, r)
            | TExprKind::Implies(l, r)
            | TExprKind::Compare(_, l, r)
            | TExprKind::Arith(_, l, r)
            | TExprKind::In(l, r)
            | TExprKind::Index(l, r) => into.extend([*l, *r]),
            TExprKind::Quantifier {
                collection, body, ..
            } => into.extend([*collection, *body]),
            TExprKind::Count { collection, filter } => {
                into.push(*collection);
                into.extend(filter.map(|(_, _, body)| *body));
            }
            TExprKind::ListAggregate {
                collection,
                projection,
                ..
            } => {
                into.push(*collection);
                into.extend(projection.map(|(_, _, value)| *value));
            }
            TExprKind::Share {
                collection,
                condition,
                weight,
                ..
            } => {
                into.extend([*collection, *condition]);
                into.extend(weight.map(|weight| *weight));
            }
            TExprKind::TextCheck { text, .. } => into.push(*text),
            TExprKind::Weekday { of, .. } => into.push(*of),
            TExprKind::BusinessDuration(args) => into.extend(*args),
            TExprKind::If(cond, then_branch, else_branch) => {
                into.extend([*cond, *then_branch, *else_branch]);
            }
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
        }
    }
}

/// The value of a field of a record parameter's value, by its steps; `None` when a step
/// does not lead to a record's field.
pub fn record_field(value: &Value, steps: &[FieldStep]) -> Option<Value> {
    let mut current = value.clone();
    for step in steps {
        let Value::Record(record) = &current else {
            return None;
        };
        current = record.get(step.field)?.clone();
    }
    Some(current)
}

#[derive(Debug, Clone, PartialEq)]
pub enum TExprKind {
    /// A literal, an enum variant, or a folded constant.
    Const(Value),
    /// A descriptor field or a field of a bound variable.
    Field(FieldRef),
    Param(ParamId),
    /// `horaires.ouverture`: a field of a record parameter, by its steps from the
    /// parameter's record type (never empty).
    ParamField(ParamId, Vec<FieldStep>),
    /// A bound variable itself (`x` in `any x in xs: x == "CSV"`).
    Local(LocalId),
    /// `entries`: every valid entry of the inventory (of the group, in a grouped
    /// indicator), a list of descriptor records. Only in an indicator's `value`.
    Entries,
    /// `share(x in xs: p)` or `share(x in xs: p, w)`: the percent of the elements, or
    /// of the sum of their weights `w`, for which `p` holds.
    Share {
        var: LocalId,
        var_name: String,
        collection: Box<TExpr>,
        condition: Box<TExpr>,
        weight: Option<Box<TExpr>>,
    },
    List(Vec<TExpr>),
    Not(Box<TExpr>),
    Neg(Box<TExpr>),
    And(Box<TExpr>, Box<TExpr>),
    Or(Box<TExpr>, Box<TExpr>),
    Implies(Box<TExpr>, Box<TExpr>),
    Compare(CompareOp, Box<TExpr>, Box<TExpr>),
    Arith(ArithOp, Box<TExpr>, Box<TExpr>),
    In(Box<TExpr>, Box<TExpr>),
    Quantifier {
        kind: QuantifierKind,
        var: LocalId,
        var_name: String,
        collection: Box<TExpr>,
        body: Box<TExpr>,
    },
    Count {
        collection: Box<TExpr>,
        filter: Option<(LocalId, String, Box<TExpr>)>,
    },
    /// `sum`, `mean`, `min` or `max` over one offer's list: of its elements, or of the
    /// projection of each (`mean(s in services: s.rgaa_rate)`).
    ListAggregate {
        kind: ListAggregateKind,
        collection: Box<TExpr>,
        projection: Option<(LocalId, String, Box<TExpr>)>,
    },
    /// `matches(text, "…")`, `siret(text)`, `uai(text)`, `https_url(text)`: whether a
    /// text passes a check of [`crate::text_functions`].
    TextCheck {
        check: TextCheck,
        text: Box<TExpr>,
    },
    /// `weekday(d)`: the day of the week of a date or a datetime, a value of the
    /// built-in enum `weekday` ([`crate::weekdays`]).
    Weekday {
        of: Box<TExpr>,
        weekday: EnumId,
    },
    /// `business_duration(start, end, days, opens, closes)`, its arguments in that order:
    /// the business time between two datetimes ([`crate::business_time`]).
    BusinessDuration(Box<[TExpr; 5]>),
    Has(FieldRef),
    If(Box<TExpr>, Box<TExpr>, Box<TExpr>),
    Today,
    Aggregate(AggregateId),
    /// `m[k]`: the entry of a map for a key; unknown when the map has none.
    Index(Box<TExpr>, Box<TExpr>),
    /// `passed(ID)`: whether the offer passed the requirement at this index of
    /// [`CheckedPack::requirements`] (true also when it did not apply, unknown when its
    /// data is missing). Only in a criterion's score.
    Passed(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl ArithOp {
    pub fn as_str(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
        }
    }
}

/// A path of fields resolved to indexes: `hosting.region` is the descriptor's field 3,
/// then that record's field 0.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldRef {
    pub root: FieldRoot,
    pub steps: Vec<FieldStep>,
    /// The path as written, for explanations and `missing` lists.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldRoot {
    Descriptor,
    Local(LocalId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldStep {
    /// The record the field belongs to.
    pub record: RecordId,
    pub field: u32,
}

/// One occurrence of a name in the source and what it resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolRef {
    pub file: FileId,
    pub span: Span,
    pub symbol: Symbol,
    /// True at the declaration itself.
    pub is_definition: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Symbol {
    Field {
        record: RecordId,
        field: u32,
    },
    Param(ParamId),
    Enum(EnumId),
    Variant {
        enum_id: EnumId,
        index: u32,
    },
    TypeAlias(String),
    Clause(String),
    Local {
        clause: String,
        name: String,
        definition: Span,
    },
}

//! The compiled form of a pack: every clause expression lowered into one flat arena of
//! nodes that refer to each other by `u32` index, with parameters and constant
//! sub-expressions folded, descriptor fields resolved to index paths and bound variables
//! to slots. Evaluating it reads no names and allocates nothing on the common path.

use crate::diagnosis::InventoryItem;
use clausier_check::hir::ArithOp;
use clausier_check::ops::Equality;
use clausier_check::types::{EnumId, Schema};
use clausier_check::value::{Record, Value};
use clausier_syntax::ast::{AggregateKind, CompareOp, Level, ListAggregateKind, QuantifierKind};
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::eval::Scope;
use crate::print::{Extent, FreeLocal, LocalMark};

/// The index of a node in [`Code::nodes`].
pub(crate) type NodeId = u32;

/// The slot `entries` is read from: an indicator's value is evaluated with the entries
/// of the inventory (or of a group) bound there, as a bound element. No variable of a
/// clause has it: slots count the variables of one clause from zero.
pub(crate) const ENTRIES_SLOT: u32 = u32::MAX;

/// One operation of the compiled form. Children are indexes into the same arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Node {
    /// An index into [`Code::consts`]: a literal, a parameter, or a folded sub-expression.
    Const(u32),
    /// A constant sub-expression that has no value (`1 / 0`).
    Unknown,
    /// A descriptor field, or a field of a bound element, by its index in [`Code::paths`].
    Field(u32),
    /// A bound element itself, by slot.
    Local(u32),
    /// `has path`, by its index in [`Code::paths`].
    Has(u32),
    Today,
    /// A `lowest`/`highest` value, computed over the run before scoring.
    Aggregate(u32),
    /// `passed(ID)`: the outcome of the requirement at this index, judged before scoring.
    Passed(u32),
    /// A list literal whose elements are not all constant: `len` nodes listed in
    /// [`Code::children`] from `first`. A set literal holds each value once.
    List {
        first: u32,
        len: u32,
        set: bool,
    },
    Not(NodeId),
    Neg(NodeId),
    And(NodeId, NodeId),
    Or(NodeId, NodeId),
    Implies(NodeId, NodeId),
    Compare(CompareOp, Equality, NodeId, NodeId),
    Arith(ArithOp, NodeId, NodeId),
    In(NodeId, NodeId),
    /// `m[k]`: the entry of a map, unknown when it has none.
    Index(NodeId, NodeId),
    Quantifier {
        kind: QuantifierKind,
        slot: u32,
        collection: NodeId,
        body: NodeId,
    },
    Count {
        collection: NodeId,
        /// The bound slot and the condition of `count(x in xs: p)`.
        filter: Option<(u32, NodeId)>,
    },
    /// `sum`, `mean`, `min` or `max` over a list.
    ListAggregate {
        kind: ListAggregateKind,
        collection: NodeId,
        /// The bound slot and the value of `sum(x in xs: e)`.
        projection: Option<(u32, NodeId)>,
        /// What an empty `sum` gives, an index into [`Code::consts`].
        zero: Option<u32>,
    },
    /// `share(x in xs: p)` or `share(x in xs: p, w)`: a percent of the elements.
    Share {
        slot: u32,
        collection: NodeId,
        condition: NodeId,
        weight: Option<NodeId>,
    },
    /// `matches(text, "…")`, `siret(text)`, `uai(text)`, `https_url(text)`.
    TextCheck {
        check: TextNodeCheck,
        text: NodeId,
    },
    /// `weekday(d)`: the day of the week of a date or datetime, a variant of `weekday`.
    Weekday {
        of: NodeId,
        weekday: EnumId,
    },
    /// `business_duration(start, end, days, opens, closes)`, its arguments in that order.
    BusinessDuration([NodeId; 5]),
    If(NodeId, NodeId, NodeId),
}

/// What a [`Node::TextCheck`] checks; the pattern of `matches` is an index into
/// [`Code::patterns`], compiled once per pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextNodeCheck {
    Matches(u32),
    Siret,
    Uai,
    HttpsUrl,
}

/// Where a field path starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PathRoot {
    Descriptor,
    Slot(u32),
}

/// A field path resolved to indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldPath {
    pub root: PathRoot,
    /// Field indexes, one per step.
    pub fields: Box<[u32]>,
    /// The name of each step, for the paths printed in reports.
    pub names: Box<[Box<str>]>,
    /// The path as written in the clause.
    pub text: Box<str>,
}

/// The evaluable arena shared by every clause of a program.
#[derive(Debug, Clone, Default)]
pub(crate) struct Code {
    pub nodes: Vec<Node>,
    pub children: Vec<NodeId>,
    pub consts: Vec<Value>,
    pub paths: Vec<FieldPath>,
    /// The patterns of `matches`, each compiled once for the whole pack.
    pub patterns: Vec<regex::Regex>,
}

#[derive(Debug, Clone)]
pub(crate) struct RequirementProgram {
    pub id: String,
    pub pack: String,
    pub version: String,
    pub level: Level,
    pub when: Option<NodeId>,
    pub require: NodeId,
    /// The documents the offer must supply, each read by a `Has` node.
    pub documents: Vec<DocumentProgram>,
    /// The lots it applies to; empty for every lot.
    pub lots: Vec<String>,
    /// Whether it demands a label or certification and admits an equivalent
    /// (`clausier_check::accepts_equivalents`): an offer claiming an equivalent is then
    /// under review instead of failing.
    pub accepts_equivalents: bool,
    /// Why it admits no equivalent of the label it demands (`no_equivalent "…"`), cited
    /// beside a claim it fails; `None` when it demands no label or admits an equivalent.
    pub no_equivalent: Option<String>,
}

/// A document a requirement requires, with the node that says whether the descriptor
/// gives it.
#[derive(Debug, Clone)]
pub(crate) struct DocumentProgram {
    pub label: String,
    /// The descriptor path, as written after `evidence`.
    pub path: String,
    pub given: NodeId,
    /// The kinds of proof the value must come with (`from …`); empty for any.
    pub proof: Vec<clausier_check::provenance::ProvenanceKind>,
}

#[derive(Debug, Clone)]
pub(crate) struct CriterionProgram {
    pub id: String,
    pub pack: String,
    pub version: String,
    pub weight: Decimal,
    pub score: NodeId,
    /// The lots it scores; empty for every lot.
    pub lots: Vec<String>,
}

/// An `indicator`, compiled: its value over the entries bound at [`ENTRIES_SLOT`].
#[derive(Debug, Clone)]
pub(crate) struct IndicatorProgram {
    pub meta: InventoryItem,
    pub value: NodeId,
    /// The fields of `by`: an index into [`Code::paths`] (from the descriptor), and the
    /// enum's id when the field is an enum.
    pub grouping: Vec<GroupingProgram>,
    /// Whether the value is a top-level `sum` or `count` of a number or an amount, which
    /// groups share as parts of the total.
    pub additive: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct GroupingProgram {
    pub path: u32,
    pub text: String,
    pub enum_id: Option<EnumId>,
}

/// A `risk`, compiled: each line read on one entry.
#[derive(Debug, Clone)]
pub(crate) struct RiskProgram {
    pub meta: InventoryItem,
    pub value: NodeId,
    pub spend: Option<NodeId>,
    pub ends: Option<NodeId>,
    pub window: Option<NodeId>,
    pub alternatives: Option<NodeId>,
}

/// One `lowest(…)`/`highest(…)` to compute over the eligible descriptors of a run.
#[derive(Debug, Clone)]
pub(crate) struct AggregateProgram {
    pub kind: AggregateKind,
    /// `None` when the aggregated path does not start at the descriptor; its value is
    /// then unknown.
    pub path: Option<u32>,
}

/// A pack compiled for evaluation. Build it once with [`crate::compile`] and share it
/// between threads.
#[derive(Debug, Clone)]
pub struct Program {
    pub(crate) schema: Schema,
    pub(crate) code: Code,
    /// Each clause expression printed whole, for explanations.
    pub(crate) printed: Vec<PrintedExpr>,
    /// Where the canonical text of each boolean or arithmetic node lies in `printed`
    /// (`None` for the others).
    pub(crate) texts: Vec<Option<NodeText>>,
    pub(crate) requirements: Vec<RequirementProgram>,
    pub(crate) criteria: Vec<CriterionProgram>,
    pub(crate) aggregates: Vec<AggregateProgram>,
    pub(crate) indicators: Vec<IndicatorProgram>,
    pub(crate) risks: Vec<RiskProgram>,
    /// The parameters in effect, for the report.
    pub(crate) params: Vec<crate::report::ParamReport>,
    /// Whether a criterion reads a requirement's outcome with `passed(ID)`.
    pub(crate) scores_outcomes: bool,
}

/// A clause expression printed whole, and every variable it names.
#[derive(Debug, Clone)]
pub(crate) struct PrintedExpr {
    pub text: Box<str>,
    /// In the order of the text.
    pub locals: Box<[LocalMark]>,
}

/// Where a node's text lies in one of [`Program::printed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NodeText {
    pub printed: u32,
    pub extent: Extent,
}

/// Names one expression of a compiled pack, by the clause's position in the checked
/// pack's `requirements` or `criteria`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClauseExpr {
    /// A requirement's `when`; a requirement without one always applies (`true`).
    When(usize),
    Require(usize),
    Score(usize),
}

/// What an expression may depend on besides the descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalContext {
    /// The value of `today`.
    pub today: Date,
    /// The value of each `lowest`/`highest`, by aggregate id; `None` is unknown.
    pub aggregates: Vec<Option<Value>>,
    /// What `passed(ID)` reads, by the requirement's index: `true` when the offer passed
    /// it or it did not apply, `false` when it failed, `None` when its data is missing.
    pub passed: Vec<Option<bool>>,
}

impl EvalContext {
    pub fn new(today: Date) -> Self {
        Self {
            today,
            aggregates: Vec::new(),
            passed: Vec::new(),
        }
    }
}

impl Program {
    /// The schema the pack declares, for printing values.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// How many nodes the compiled form holds (after folding).
    pub fn size(&self) -> usize {
        self.code.nodes.len()
    }

    pub fn has_criteria(&self) -> bool {
        !self.criteria.is_empty()
    }

    /// Evaluates one clause expression on a descriptor's data: the value, or `None` when
    /// it is unknown (or the clause does not exist).
    pub fn evaluate(
        &self,
        expr: ClauseExpr,
        descriptor: &Record,
        context: &EvalContext,
    ) -> Option<Value> {
        let node = match expr {
            ClauseExpr::When(index) => match self.requirements.get(index)?.when {
                Some(node) => node,
                None => return Some(Value::Bool(true)),
            },
            ClauseExpr::Require(index) => self.requirements.get(index)?.require,
            ClauseExpr::Score(index) => self.criteria.get(index)?.score,
        };
        let scope =
            Scope::new(descriptor, context.today, &context.aggregates).passed(&context.passed);
        self.code
            .value(node, scope)
            .map(std::borrow::Cow::into_owned)
    }

    fn node_text(&self, node: NodeId) -> Option<(&PrintedExpr, Extent)> {
        let text = self.texts.get(node as usize).copied().flatten()?;
        let printed = self.printed.get(text.printed as usize)?;
        Some((printed, text.extent))
    }

    /// The text of a boolean node as the explanation prints it.
    pub(crate) fn text(&self, node: NodeId) -> &str {
        self.node_text(node)
            .and_then(|(printed, extent)| printed.text.get(extent.start..extent.end))
            .unwrap_or_default()
    }

    /// Where [`Program::text`] names variables bound outside the node, from the start of
    /// its text.
    pub(crate) fn free_locals(&self, node: NodeId) -> Vec<FreeLocal> {
        let Some((printed, extent)) = self.node_text(node) else {
            return Vec::new();
        };
        let first = printed
            .locals
            .partition_point(|mark| mark.start < extent.start);
        printed
            .locals
            .iter()
            .skip(first)
            .take_while(|mark| mark.end <= extent.end)
            .filter(|mark| mark.binding < extent.bound)
            .map(|mark| FreeLocal {
                start: mark.start - extent.start,
                end: mark.end - extent.start,
                slot: mark.slot,
            })
            .collect()
    }
}

//! `diagnose`: a pack's indicators over a whole inventory and its per-entry risks and
//! priorities, beside the per-entry report `run` gives. The result model is
//! [`crate::diagnosis`].
//!
//! An indicator's value is evaluated with the entries of the inventory (or of one group)
//! bound at [`ENTRIES_SLOT`], as a bound element: `count`, `sum`, `share`… over
//! `entries` are the aggregates over an offer's list. Entries whose data does not fit
//! the schema are left out of every indicator and risk, and listed.

use std::sync::Arc;

use clausier_check::PackInfo;
use clausier_check::hir::ArithOp;
use clausier_check::ops;
use clausier_check::value::{Record, Value};
use clausier_data::descriptor::Descriptor;
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::diagnosis::{
    Diagnosis, EntryRisk, GroupKey, GroupResult, GroupingField, IndicatorResult, IndicatorValue,
    RiskResult,
};
use crate::eval::{Binding, Scope};
use crate::program::{
    ENTRIES_SLOT, GroupingProgram, IndicatorProgram, Node, NodeId, PathRoot, Program, RiskProgram,
};
use crate::run::{RunOptions, run};

/// Diagnoses an inventory: the report `run` gives for the same inputs, every indicator
/// over the valid entries (and over each group), and every risk of each valid entry
/// with its priority and rank. The same inputs give the same diagnosis whatever
/// `options.jobs` is.
pub fn diagnose(
    program: &Program,
    pack: PackInfo,
    entries: &[Descriptor],
    options: &RunOptions,
) -> Diagnosis {
    let report = run(program, pack, entries, options);
    let mut valid: Vec<Entry<'_>> = Vec::new();
    let mut left_out = Vec::new();
    for (index, descriptor) in entries.iter().enumerate() {
        match &descriptor.root {
            Some(root) if !descriptor.is_invalid() => valid.push(Entry {
                index,
                id: &descriptor.id,
                root,
            }),
            _ => left_out.push(index),
        }
    }
    let diagnoser = Diagnoser {
        program,
        today: options.date,
        empty: Record::default(),
    };
    let indicators = program
        .indicators
        .iter()
        .map(|indicator| diagnoser.indicator(indicator, &valid))
        .collect();
    let risks = program
        .risks
        .iter()
        .map(|risk| diagnoser.risk(risk, &valid))
        .collect();
    Diagnosis {
        report,
        indicators,
        risks,
        left_out,
    }
}

/// A valid entry of the inventory.
struct Entry<'d> {
    /// Its index in the input (and in the report).
    index: usize,
    id: &'d str,
    root: &'d Arc<Record>,
}

struct Diagnoser<'p> {
    program: &'p Program,
    today: Date,
    /// The descriptor an indicator is evaluated against: it reads none of it.
    empty: Record,
}

impl Diagnoser<'_> {
    fn indicator(&self, indicator: &IndicatorProgram, entries: &[Entry<'_>]) -> IndicatorResult {
        let all: Vec<&Entry<'_>> = entries.iter().collect();
        let total = self.indicator_value(indicator, &all);
        let schema = &self.program.schema;
        let grouping: Vec<GroupingField> = indicator
            .grouping
            .iter()
            .map(|field| GroupingField {
                path: field.text.clone(),
                enum_name: field
                    .enum_id
                    .and_then(|id| schema.enum_def(id))
                    .map(|def| def.name.clone()),
            })
            .collect();
        let total_amount = total.value.as_ref().and_then(amount);
        let groups = self
            .groups(indicator, entries)
            .into_iter()
            .map(|(keys, members)| {
                let value = self.indicator_value(indicator, &members);
                let share = match (indicator.additive, &value.value, total_amount) {
                    (true, Some(part), Some(total)) if !total.is_zero() => {
                        amount(part).and_then(|part| part.checked_div(total))
                    }
                    _ => None,
                };
                GroupResult {
                    keys,
                    value,
                    share,
                    entries: members.len(),
                }
            })
            .collect();
        let meta = indicator.meta.clone();
        IndicatorResult {
            item: meta,
            grouping,
            total,
            groups,
        }
    }

    /// The value of an indicator over `members`, or the entries and fields that made it
    /// unknown.
    fn indicator_value(
        &self,
        indicator: &IndicatorProgram,
        members: &[&Entry<'_>],
    ) -> IndicatorValue {
        let list: Vec<Value> = members
            .iter()
            .map(|entry| Value::Record(Arc::clone(entry.root)))
            .collect();
        let list = Value::List(list.into());
        let binding = Binding {
            slot: ENTRIES_SLOT,
            value: &list,
            outer: None,
        };
        let scope = Scope::new(&self.empty, self.today, &[]);
        let value = self
            .program
            .code
            .value(indicator.value, scope.with(&binding))
            .map(std::borrow::Cow::into_owned);
        let missing = match value {
            Some(_) => Vec::new(),
            None => {
                let missing = self.missing_per_entry(indicator.value, members);
                match self.reason(indicator.value, members) {
                    Some(reason) if missing.is_empty() => vec![reason.to_owned()],
                    _ => missing,
                }
            }
        };
        IndicatorValue { value, missing }
    }

    /// Why an indicator that lacks no data has no value, as reports say it (R0705): an
    /// aggregate over no entry, or a share of a zero total.
    fn reason(&self, root: NodeId, members: &[&Entry<'_>]) -> Option<&'static str> {
        match self.program.code.node(root)? {
            Node::ListAggregate { .. } if members.is_empty() => Some(EMPTY_AGGREGATE),
            Node::Share { .. } => Some(ZERO_TOTAL),
            _ => None,
        }
    }

    /// For each entry, the fields an expression reads of an element (`e.annual_spend`)
    /// that the entry does not give: `logiciel-rh: annual_spend`.
    fn missing_per_entry(&self, root: NodeId, members: &[&Entry<'_>]) -> Vec<String> {
        let paths = self.paths_read(root, |path_root| matches!(path_root, PathRoot::Slot(_)));
        let mut missing = Vec::new();
        for entry in members {
            for path in &paths {
                if self.absent(entry.root, *path) {
                    missing.push(format!("{}: {}", entry.id, self.path_name(*path)));
                }
            }
        }
        missing
    }

    /// The groups of an indicator, in order, each with its entries.
    fn groups<'e>(
        &self,
        indicator: &IndicatorProgram,
        entries: &'e [Entry<'e>],
    ) -> Vec<(Vec<GroupKey>, Vec<&'e Entry<'e>>)> {
        if indicator.grouping.is_empty() {
            return Vec::new();
        }
        let mut groups: Vec<(Vec<GroupKey>, Vec<&Entry<'_>>)> =
            vec![(Vec::new(), entries.iter().collect())];
        for field in &indicator.grouping {
            let keys = self.keys(field, entries);
            groups = groups
                .into_iter()
                .flat_map(|(prefix, members)| {
                    keys.iter()
                        .map(|key| {
                            let mut keys = prefix.clone();
                            keys.push(key.clone());
                            let inside = members
                                .iter()
                                .copied()
                                .filter(|entry| self.key_of(field, entry.root) == *key)
                                .collect();
                            (keys, inside)
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
        }
        groups
    }

    /// The keys of a grouping field: an enum's every variant in declaration order, or
    /// the strings the entries give in code-point order; then `Absent` when an entry
    /// does not give the field.
    fn keys(&self, field: &GroupingProgram, entries: &[Entry<'_>]) -> Vec<GroupKey> {
        let given: Vec<GroupKey> = entries
            .iter()
            .map(|entry| self.key_of(field, entry.root))
            .collect();
        let mut keys: Vec<GroupKey> = match field
            .enum_id
            .and_then(|id| self.program.schema.enum_def(id))
        {
            Some(def) => def
                .variants
                .iter()
                .map(|variant| GroupKey::Variant(variant.name.clone()))
                .collect(),
            None => {
                let mut texts: Vec<GroupKey> = given
                    .iter()
                    .filter(|key| matches!(key, GroupKey::Text(_)))
                    .cloned()
                    .collect();
                texts.sort();
                texts.dedup();
                texts
            }
        };
        if given.contains(&GroupKey::Absent) {
            keys.push(GroupKey::Absent);
        }
        keys
    }

    fn key_of(&self, field: &GroupingProgram, root: &Record) -> GroupKey {
        let scope = Scope::new(root, self.today, &[]);
        match self.program.code.read(field.path, scope) {
            Some(Value::Enum(id, index)) => self
                .program
                .schema
                .enum_def(*id)
                .and_then(|def| def.variants.get(*index as usize))
                .map_or(GroupKey::Absent, |variant| {
                    GroupKey::Variant(variant.name.clone())
                }),
            Some(Value::String(text)) => GroupKey::Text(text.to_string()),
            _ => GroupKey::Absent,
        }
    }

    fn risk(&self, risk: &RiskProgram, entries: &[Entry<'_>]) -> RiskResult {
        let mut scored: Vec<EntryRisk> = entries
            .iter()
            .map(|entry| self.entry_risk(risk, entry))
            .collect();
        rank(&mut scored);
        let meta = risk.meta.clone();
        RiskResult {
            item: meta,
            entries: scored,
        }
    }

    fn entry_risk(&self, risk: &RiskProgram, entry: &Entry<'_>) -> EntryRisk {
        let scope = Scope::new(entry.root, self.today, &[]);
        let value_of = |node: NodeId| {
            self.program
                .code
                .value(node, scope)
                .map(std::borrow::Cow::into_owned)
        };
        let mut unknown: Vec<NodeId> = Vec::new();
        let mut line = |node: Option<NodeId>| -> Option<Option<Value>> {
            let node = node?;
            let value = value_of(node);
            if value.is_none() {
                unknown.push(node);
            }
            Some(value)
        };
        let score = line(Some(risk.value)).flatten();
        let spend = line(risk.spend);
        let ends = line(risk.ends);
        let window = line(risk.window);
        let alternatives = line(risk.alternatives).flatten();
        let score = score.as_ref().and_then(amount);
        let spend_factor = match &spend {
            None => Some(Decimal::ONE),
            Some(value) => value.as_ref().and_then(amount),
        };
        let ends_date = match &ends {
            Some(Some(Value::Date(date))) => Some(*date),
            _ => None,
        };
        let nearness = match (&ends, &window) {
            (Some(ends), Some(window)) => match (ends, window) {
                (Some(ends), Some(window)) => self.nearness(ends, window),
                _ => None,
            },
            _ => Some(Decimal::ONE),
        };
        let priority = match (score, spend_factor, nearness) {
            (Some(score), Some(spend), Some(nearness)) => score
                .checked_mul(spend)
                .and_then(|product| product.checked_mul(nearness)),
            _ => None,
        };
        let alternatives = match alternatives {
            Some(Value::List(items)) => items
                .iter()
                .filter_map(|item| match item {
                    Value::String(text) => Some(text.to_string()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut missing: Vec<String> = Vec::new();
        for node in unknown {
            for path in self.paths_read(node, |root| root == PathRoot::Descriptor) {
                let name = self.path_name(path);
                if self.absent(entry.root, path) && !missing.contains(&name) {
                    missing.push(name);
                }
            }
        }
        EntryRisk {
            entry: entry.index,
            score,
            spend: spend.flatten().as_ref().and_then(amount),
            ends: ends_date,
            nearness,
            priority,
            rank: None,
            alternatives,
            missing,
        }
    }

    /// 1 when the contract ends within `window` from today (or has ended), 1/2 within
    /// twice the window, 1/4 beyond; `None` when the values are not a date and a
    /// duration.
    fn nearness(&self, ends: &Value, window: &Value) -> Option<Decimal> {
        let Value::Date(ends) = ends else {
            return None;
        };
        let today = Value::Date(self.today);
        let within = |times: i64| -> Option<bool> {
            let span =
                ops::arith(ArithOp::Mul, window, &Value::Number(Decimal::from(times))).ok()?;
            match ops::arith(ArithOp::Add, &today, &span).ok()? {
                Value::Date(limit) => Some(*ends <= limit),
                _ => None,
            }
        };
        if within(1)? {
            Some(Decimal::ONE)
        } else if within(2)? {
            Some(Decimal::new(5, 1))
        } else {
            Some(Decimal::new(25, 2))
        }
    }

    /// The field paths a node and its children read, each once, in the order met.
    fn paths_read(&self, root: NodeId, keep: impl Fn(PathRoot) -> bool) -> Vec<u32> {
        let code = &self.program.code;
        let mut found: Vec<u32> = Vec::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if let Some(Node::Field(path) | Node::Has(path)) = code.node(id)
                && code.path(path).is_some_and(|p| keep(p.root))
                && !found.contains(&path)
            {
                found.push(path);
            }
            let mut children = Vec::new();
            code.for_each_child(id, |child| children.push(child));
            stack.extend(children.into_iter().rev());
        }
        found
    }

    /// Whether an entry lacks a field a path reads (from the entry, whatever its root).
    fn absent(&self, root: &Arc<Record>, path: u32) -> bool {
        let Some(path) = self.program.code.path(path) else {
            return false;
        };
        let mut value: Option<&Value> = None;
        for (step, field) in path.fields.iter().enumerate() {
            let next = match (step, value) {
                (0, _) => root.get(*field),
                (_, Some(Value::Record(record))) => record.get(*field),
                _ => None,
            };
            match next {
                Some(next) => value = Some(next),
                None => return true,
            }
        }
        false
    }

    /// A path's field names from the entry: `supplier.jurisdiction`.
    fn path_name(&self, path: u32) -> String {
        self.program
            .code
            .path(path)
            .map(|path| {
                let names: Vec<&str> = path.names.iter().map(|name| &**name).collect();
                names.join(".")
            })
            .unwrap_or_default()
    }
}

/// The reason of a `mean`, `min` or `max` over no entry, as the report words R0705.
const EMPTY_AGGREGATE: &str = "aggregate of an empty list";

/// The reason of a `share` of entries whose weights sum to zero (or of no entry).
const ZERO_TOTAL: &str = "share of a zero total";

/// Ranks the entries by descending priority, in standard competition order (1, 1, 3);
/// entries without a priority have no rank.
fn rank(entries: &mut [EntryRisk]) {
    let priorities: Vec<Decimal> = entries.iter().filter_map(|entry| entry.priority).collect();
    for entry in entries.iter_mut() {
        if let Some(priority) = entry.priority {
            let higher = priorities.iter().filter(|other| **other > priority).count();
            entry.rank = u32::try_from(higher + 1).ok();
        }
    }
}

/// The number a value holds: a number, an amount in euros or a percent.
fn amount(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(n) | Value::Money(n) | Value::Percent(n) => Some(*n),
        _ => None,
    }
}

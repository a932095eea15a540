//! What a buyer must know of a run as a whole: a `lowest(…)` or `highest(…)` that is zero
//! over the eligible offers leaves the criteria built on it without meaning (a division
//! by it has no value, a ratio to it gives every offer 0), which per-offer results alone
//! would only show as a row of unknown or zero scores.

use clausier_check::value::Value;
use clausier_diagnostics::{Code, Lang};
use clausier_syntax::ast::AggregateKind;

use crate::program::{Node, NodeId, Program};
use crate::report::{RunWarning, Shown, zero_aggregate_message};

/// The run's warnings from the aggregates of each part (`aggregates[part]`: one per lot,
/// or one for a contract in one piece), each once.
pub(crate) fn run_warnings(
    program: &Program,
    aggregates: &[Vec<Option<Value>>],
) -> Vec<RunWarning> {
    let lots = &program.schema().lots;
    let mut warnings: Vec<RunWarning> = Vec::new();
    for (part, values) in aggregates.iter().enumerate() {
        let lot = lots.get(part).map(|lot| lot.id.as_str());
        for warning in zero_aggregate_warnings(program, values, lot) {
            if !warnings.contains(&warning) {
                warnings.push(warning);
            }
        }
    }
    warnings
}

/// A warning for each criterion of `lot` (`None`: a contract in one piece) that reads an
/// aggregate whose value over the eligible offers of the lot is zero, in the order of
/// the criteria, then of the aggregates.
fn zero_aggregate_warnings(
    program: &Program,
    aggregates: &[Option<Value>],
    lot: Option<&str>,
) -> Vec<RunWarning> {
    let mut warnings = Vec::new();
    for criterion in program.criteria.iter().filter(|c| c.applies_to(lot)) {
        for (id, node) in aggregates_read(program, criterion.score) {
            let Some(value) = aggregates.get(id as usize).and_then(Option::as_ref) else {
                continue;
            };
            if !is_zero(value) {
                continue;
            }
            let text = aggregate_text(program, id, node);
            warnings.push(RunWarning {
                code: Code::ZERO_AGGREGATE.as_str().to_owned(),
                criterion: criterion.id.clone(),
                pack: criterion.pack.clone(),
                message: zero_aggregate_message(
                    &text,
                    &value.display(program.schema()).to_string(),
                    lot,
                )
                .text(Lang::En),
                aggregate: text,
                value: Some(Shown::Value(value.clone())),
                lot: lot.map(str::to_owned),
            });
        }
    }
    warnings
}

/// `lowest(pricing.per_student)`, as the clause reads it.
fn aggregate_text(program: &Program, id: u32, node: NodeId) -> String {
    let written = program.text(node);
    if !written.is_empty() {
        return written.to_owned();
    }
    let Some(aggregate) = program.aggregates.get(id as usize) else {
        return String::new();
    };
    let word = match aggregate.kind {
        AggregateKind::Lowest => "lowest",
        AggregateKind::Highest => "highest",
    };
    let path = aggregate
        .path
        .and_then(|path| program.code.paths.get(path as usize))
        .map_or("", |path| &*path.text);
    format!("{word}({path})")
}

fn is_zero(value: &Value) -> bool {
    matches!(value, Value::Number(x) | Value::Percent(x) | Value::Money(x) if x.is_zero())
}

/// The aggregates a criterion's score reads, each once, with the node that reads it.
fn aggregates_read(program: &Program, root: NodeId) -> Vec<(u32, NodeId)> {
    let code = &program.code;
    let mut found: Vec<(u32, NodeId)> = Vec::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let Some(node) = code.nodes.get(id as usize) else {
            continue;
        };
        match *node {
            Node::Aggregate(aggregate) => {
                if !found.iter().any(|(seen, _)| *seen == aggregate) {
                    found.push((aggregate, id));
                }
            }
            Node::Const(_)
            | Node::Unknown
            | Node::Field(_)
            | Node::Local(_)
            | Node::Has(_)
            | Node::Passed(_)
            | Node::Today => {}
            Node::List { first, len, .. } => {
                let (first, len) = (first as usize, len as usize);
                if let Some(children) = code.children.get(first..first + len) {
                    stack.extend(children.iter().rev());
                }
            }
            Node::Not(a) | Node::Neg(a) => stack.push(a),
            Node::And(a, b)
            | Node::Or(a, b)
            | Node::Implies(a, b)
            | Node::Compare(_, _, a, b)
            | Node::Arith(_, a, b)
            | Node::In(a, b)
            | Node::Index(a, b) => stack.extend([b, a]),
            Node::Quantifier {
                collection, body, ..
            } => stack.extend([body, collection]),
            Node::Count { collection, filter } => {
                if let Some((_, condition)) = filter {
                    stack.push(condition);
                }
                stack.push(collection);
            }
            Node::ListAggregate {
                collection,
                projection,
                ..
            } => {
                if let Some((_, value)) = projection {
                    stack.push(value);
                }
                stack.push(collection);
            }
            Node::Share {
                collection,
                condition,
                weight,
                ..
            } => {
                stack.extend(weight);
                stack.extend([condition, collection]);
            }
            Node::TextCheck { text, .. } => stack.push(text),
            Node::Weekday { of, .. } => stack.push(of),
            Node::BusinessDuration(args) => stack.extend(args.into_iter().rev()),
            Node::If(c, a, b) => stack.extend([b, a, c]),
        }
    }
    found.sort_unstable();
    found
}

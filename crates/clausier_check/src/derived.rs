//! Parameters computed from other parameters
//! (`param contract_end: date = contract_start + 4 years`): the order in which their
//! values are computed, the cycles that have no order, and the values computed again
//! once overrides have changed what they read.

use std::collections::HashMap;

use clausier_diagnostics::{Code, Diagnostic, FileId, Message};

use crate::Checker;
use crate::hir::{ParamId, TExpr, TExprKind};

/// A parameter's value as its declaration writes it, typed.
pub(crate) struct ParamValue {
    pub id: ParamId,
    pub file: FileId,
    pub typed: TExpr,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    Open,
    Done,
}

impl Checker<'_> {
    /// Computes the values of a pack's parameters, each after those it reads; a cycle is
    /// reported once and its parameters keep no value.
    pub(crate) fn compute_param_values(&mut self, values: Vec<ParamValue>) {
        let index_of: HashMap<ParamId, usize> = values
            .iter()
            .enumerate()
            .map(|(index, value)| (value.id, index))
            .collect();
        let reads: Vec<Vec<usize>> = values
            .iter()
            .map(|value| {
                params_read(&value.typed)
                    .iter()
                    .filter_map(|id| index_of.get(id).copied())
                    .collect()
            })
            .collect();
        let mut visits = vec![Visit::New; values.len()];
        let mut order = Vec::with_capacity(values.len());
        for start in 0..values.len() {
            self.order_from(start, &values, &reads, &mut visits, &mut order);
        }
        for index in order {
            let Some(value) = values.get(index) else {
                continue;
            };
            self.compute_param(value);
        }
    }

    /// Depth-first from `start`, iteratively (a long chain of parameters must not
    /// overflow the stack): each parameter after the ones it reads.
    fn order_from(
        &mut self,
        start: usize,
        values: &[ParamValue],
        reads: &[Vec<usize>],
        visits: &mut [Visit],
        order: &mut Vec<usize>,
    ) {
        if visits.get(start) != Some(&Visit::New) {
            return;
        }
        // The path being explored, each with the next dependency to look at.
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        visits[start] = Visit::Open;
        while let Some((node, next)) = path.last().copied() {
            let dependency = reads.get(node).and_then(|deps| deps.get(next)).copied();
            let Some(dependency) = dependency else {
                path.pop();
                visits[node] = Visit::Done;
                order.push(node);
                continue;
            };
            if let Some(top) = path.last_mut() {
                top.1 += 1;
            }
            match visits.get(dependency) {
                Some(Visit::New) => {
                    visits[dependency] = Visit::Open;
                    path.push((dependency, 0));
                }
                Some(Visit::Open) => {
                    let members: Vec<usize> = path
                        .iter()
                        .map(|(member, _)| *member)
                        .skip_while(|member| *member != dependency)
                        .collect();
                    self.report_cycle(values, &members);
                }
                _ => {}
            }
        }
    }

    fn report_cycle(&mut self, values: &[ParamValue], members: &[usize]) {
        let members: Vec<&ParamValue> = members
            .iter()
            .filter_map(|member| values.get(*member))
            .collect();
        let Some(first) = members.first() else {
            return;
        };
        let names: Vec<String> = members
            .iter()
            .map(|value| self.param_name(value.id))
            .collect();
        let mut diagnostic = if let [only] = names.as_slice() {
            Diagnostic::error(
                Code::PARAM_CYCLE,
                Message::new("e0216-computed-from-itself").with("name", only),
            )
            .with_primary(
                first.file,
                first.typed.span,
                Message::new("e0216-computed-from-itself-label"),
            )
            .with_help(Message::new("e0216-computed-from-itself-help"))
        } else {
            let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
            Diagnostic::error(
                Code::PARAM_CYCLE,
                Message::new("e0216-cycle").with("names", quoted.join(", ")),
            )
            .with_primary(
                first.file,
                first.typed.span,
                Message::new("e0216-cycle-label"),
            )
            .with_note(cycle_steps(&names))
            .with_help(Message::new("e0216-cycle-help"))
        };
        for (value, name) in members.iter().zip(&names).skip(1) {
            diagnostic = diagnostic.with_secondary(
                value.file,
                value.typed.span,
                Message::new("e0216-computed-here").with("name", name),
            );
        }
        self.report(diagnostic);
    }

    /// Computes one parameter's value, unless a parameter it reads has none (its own
    /// error is reported).
    fn compute_param(&mut self, value: &ParamValue) {
        let read = params_read(&value.typed);
        let all_known = read.iter().all(|id| {
            self.params
                .states
                .get(id.0 as usize)
                .is_some_and(|state| state.value_known)
        });
        if !all_known {
            return;
        }
        let name = self.param_name(value.id);
        let Some(computed) = self.fold_param_value(value.file, &name, &value.typed) else {
            return;
        };
        let read_names: Vec<String> = read.iter().map(|id| self.param_name(*id)).collect();
        if let Some(param) = self.pack.params.get_mut(value.id.0 as usize) {
            param.default = computed.clone();
            param.value = computed;
            if !read.is_empty() {
                param.derivation = Some(value.typed.clone());
                param.computed_from = read_names;
            }
        }
        if let Some(state) = self.params.state_mut(value.id) {
            state.value_known = true;
        }
        self.params.computed_order.push(value.id);
    }

    /// After every override: the parameters computed from others get their values again
    /// from the overridden ones, unless an override gives their own value.
    pub(crate) fn recompute_derived_params(&mut self) {
        for id in self.params.computed_order.clone() {
            let Some(param) = self.pack.params.get(id.0 as usize) else {
                continue;
            };
            let (Some(derivation), None) = (param.derivation.clone(), &param.set_in) else {
                continue;
            };
            let (name, file) = (param.name.clone(), param.origin.file);
            if let Some(value) = self.fold_param_value(file, &name, &derivation)
                && let Some(param) = self.pack.params.get_mut(id.0 as usize)
            {
                param.value = value;
            }
        }
    }

    fn param_name(&self, id: ParamId) -> String {
        self.pack
            .params
            .get(id.0 as usize)
            .map_or_else(String::new, |param| param.name.clone())
    }
}

/// The parameters an expression reads, in order, each once.
fn params_read(expr: &TExpr) -> Vec<ParamId> {
    let mut read = Vec::new();
    crate::fold::walk(expr, &mut |node| {
        if let TExprKind::Param(id) | TExprKind::ParamField(id, _) = node.kind
            && !read.contains(&id)
        {
            read.push(id);
        }
        true
    });
    read
}

/// "`a` is computed from `b`, `b` is computed from `a`": each step of a cycle, the
/// last back to the first, as one message of nested steps.
fn cycle_steps(names: &[String]) -> Message {
    let step = |(from, to): (&String, &String)| {
        Message::new("e0216-step").with("from", from).with("to", to)
    };
    let mut steps: Vec<Message> = names
        .iter()
        .zip(names.iter().cycle().skip(1))
        .map(step)
        .collect();
    let last = steps.pop().unwrap_or_default();
    steps.into_iter().rev().fold(last, |rest, step| {
        Message::new("e0216-steps")
            .with("step", step)
            .with("rest", rest)
    })
}

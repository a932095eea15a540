//! What a report needs from the pack to speak to people: each clause's title, and the
//! failing conditions in the words the tender publishes them in: a
//! `count`, a computation or a comparison of two fields, which the evaluator can only
//! quote as the clause writes it, read as `render` words the rule (« le nombre
//! d'éléments de `subprocessors` est au plus 1 »).
//!
//! The evaluator runs a compiled program and knows a sub-expression by its printed text;
//! the pack's typed tree is what the words are made from. A sub-expression is matched by
//! that text, within its own clause; one that is not found keeps its quotation.

use std::collections::HashMap;

use clausier_check::hir::{CheckedPack, TExpr};
use clausier_eval::print::expr_to_string;
use clausier_eval::report::{ClauseResult, Explanation, Report, Worded};
use clausier_i18n::Lang;

use crate::pack::cahier::{condition_runs, expr_children};

/// Gives every clause result of `report` its title, and fills `in_words` of every
/// explanation that says nothing in words yet, from the clauses of `pack` it was run
/// with. `deadline_known` says whether the tender has a deadline for offers, which
/// `today` then names.
///
/// A clause's sub-expressions are printed once, the first time one of its explanations
/// needs words: a report of many offers on a pack of many clauses stays linear.
pub fn word_report(report: &mut Report, pack: &CheckedPack, lang: Lang, deadline_known: bool) {
    let requirements: HashMap<(&str, &str), &TExpr> = pack
        .requirements
        .iter()
        .map(|requirement| {
            (
                (requirement.meta.pack.as_str(), requirement.meta.id.as_str()),
                &requirement.require,
            )
        })
        .collect();
    let titles: HashMap<(&str, &str), &str> = pack
        .requirements
        .iter()
        .map(|requirement| &requirement.meta)
        .chain(pack.criteria.iter().map(|criterion| &criterion.meta))
        .map(|meta| ((meta.pack.as_str(), meta.id.as_str()), meta.title.as_str()))
        .collect();
    let title = |pack: &str, clause: &str| titles.get(&(pack, clause)).map(|t| (*t).to_owned());
    let mut printed: HashMap<(String, String), Vec<(String, &TExpr)>> = HashMap::new();
    for descriptor in &mut report.descriptors {
        for result in &mut descriptor.results {
            let result = match result {
                ClauseResult::Criterion(result) => {
                    result.title = title(&result.pack, &result.clause);
                    continue;
                }
                ClauseResult::Requirement(result) => result,
            };
            result.title = title(&result.pack, &result.clause);
            if !result.explanation.iter().any(needs_words) {
                continue;
            }
            let Some(require) = requirements.get(&(result.pack.as_str(), result.clause.as_str()))
            else {
                continue;
            };
            let conditions = printed
                .entry((result.pack.clone(), result.clause.clone()))
                .or_insert_with(|| printed_conditions(pack, require));
            for item in &mut result.explanation {
                word(item, conditions, pack, lang, deadline_known);
            }
        }
    }
}

/// Whether an explanation, or one inside its alternatives, quotes its condition as the
/// clause writes it.
fn needs_words(item: &Explanation) -> bool {
    if item.alternatives.is_empty() {
        return item.claim.is_none() && item.in_words.is_none();
    }
    item.alternatives
        .iter()
        .any(|alternative| alternative.explanation.iter().any(needs_words))
}

/// A condition of more sub-expressions than this is not worded: each is printed to be
/// matched, which costs the square of the condition's size. Conditions drafters write
/// are far smaller.
const MOST_WORDED_NODES: usize = 2_000;

/// Every sub-expression of `root`, with its text as the evaluator prints it; none when
/// `root` is too large to be worded.
fn printed_conditions<'a>(pack: &CheckedPack, root: &'a TExpr) -> Vec<(String, &'a TExpr)> {
    let mut nodes = Vec::new();
    let mut pending = vec![root];
    while let Some(expr) = pending.pop() {
        if nodes.len() == MOST_WORDED_NODES {
            return Vec::new();
        }
        nodes.push(expr);
        pending.extend(expr_children(expr));
    }
    nodes
        .into_iter()
        .map(|expr| (expr_to_string(pack, expr), expr))
        .collect()
}

fn word(
    item: &mut Explanation,
    printed: &[(String, &TExpr)],
    pack: &CheckedPack,
    lang: Lang,
    deadline_known: bool,
) {
    for alternative in &mut item.alternatives {
        for inner in &mut alternative.explanation {
            word(inner, printed, pack, lang, deadline_known);
        }
    }
    if item.claim.is_some() || item.in_words.is_some() || !item.alternatives.is_empty() {
        return;
    }
    let Some((_, expr)) = printed.iter().find(|(text, _)| *text == item.expr) else {
        return;
    };
    let runs = condition_runs(pack, expr, lang, deadline_known);
    item.in_words = Some(
        runs.into_iter()
            .map(|(quoted, text)| {
                if quoted {
                    Worded::Quoted(text)
                } else {
                    Worded::Words(text)
                }
            })
            .collect(),
    );
}

//! Claims of an equivalent and the buyer's review, as `docs/language.md` («Claims of an
//! equivalent, and the buyer's review») states them: a requirement that demands a label
//! and fails where the offer claims an equivalent on a field the failure read is under
//! `review`; the buyer's decision turns it into `pass` (accepted) or `fail` (refused).
//!
//! The model's reading of "the field the failure read" is its own and simple: it is the
//! label fields the requirement reads. That is exact for the requirements the generator
//! writes for claims, since each reads one label field in a shape (`certif_a`,
//! `has hds`, `label_b >= 2`, `"b" in labels`, `flag or hds`, `not hds`) whose failure
//! reads it; random expressions read no label field. A claim stays on a value that
//! expired: `has hds` fails on it, and the claim puts it under review.

use crate::ast::Expr;

/// A decision of the buyer on the claim of one offer for one requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The requirement's id.
    pub clause: String,
    /// The offer's id, as reports give it.
    pub offer: String,
    pub accepted: bool,
}

/// What became of a failed requirement once claims and decisions are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// No claim on a field the failure read, or none the requirement admits.
    Failed {
        /// The failure read a claimed field, but the requirement demands no label.
        claim_ignored: bool,
    },
    /// Failed: the requirement demands a label but admits no equivalent
    /// (`no_equivalent`); the claimed field.
    NotAdmitted(&'static str),
    /// Under review: the claimed field, awaiting the buyer.
    Review(&'static str),
    /// Decided by the buyer: the claimed field, and whether the equivalent was accepted.
    Decided(&'static str, bool),
}

/// What a requirement of `clause` whose `require` failed becomes, for an offer `offer`
/// that claims an equivalent on the top-level fields `claims`. A requirement with
/// `no_equivalent` admits none, and no decision of the buyer changes it.
pub fn after_failure(
    clause: &str,
    require: &Expr,
    offer: &str,
    claims: &[&'static str],
    (no_equivalent, decisions): (bool, &[Decision]),
) -> AfterFailure {
    let read = label_fields_read(require);
    let Some(claimed) = claims.iter().copied().find(|field| read.contains(field)) else {
        return AfterFailure::Failed {
            claim_ignored: false,
        };
    };
    if !demands_a_label(require) {
        return AfterFailure::Failed {
            claim_ignored: true,
        };
    }
    if no_equivalent {
        return AfterFailure::NotAdmitted(claimed);
    }
    match decisions
        .iter()
        .find(|decision| decision.clause == clause && decision.offer == offer)
    {
        Some(decision) => AfterFailure::Decided(claimed, decision.accepted),
        None => AfterFailure::Review(claimed),
    }
}

/// Whether every way of meeting `expr` needs a label: a field or text naming one that no
/// `or`, no branch of an `if`, lets an offer do without; `not` never needs what it
/// negates, and `a implies b` needs what `b` needs.
pub fn demands_a_label(expr: &Expr) -> bool {
    match expr {
        Expr::Field(path) | Expr::Has(path) => path_names_a_label(path),
        Expr::Str(text) => names_a_label(text),
        Expr::And(a, b) | Expr::Compare(_, a, b) | Expr::Arith(_, a, b) | Expr::In(a, b) => {
            demands_a_label(a) || demands_a_label(b)
        }
        Expr::Or(a, b) | Expr::If(_, a, b) => demands_a_label(a) && demands_a_label(b),
        Expr::Implies(_, b) => demands_a_label(b),
        Expr::List { items, .. } => items.iter().any(demands_a_label),
        Expr::Quantifier {
            collection, body, ..
        } => demands_a_label(collection) || demands_a_label(body),
        _ => false,
    }
}

/// The top-level fields naming a label that `expr` reads anywhere.
fn label_fields_read(expr: &Expr) -> Vec<&'static str> {
    let mut found = Vec::new();
    collect_label_fields(expr, &mut found);
    found
}

fn collect_label_fields(expr: &Expr, found: &mut Vec<&'static str>) {
    match expr {
        Expr::Field(path) | Expr::Has(path) => {
            if let Some(first) = path.first()
                && path_names_a_label(path)
            {
                found.push(first);
            }
        }
        Expr::Not(a) | Expr::Neg(a) => collect_label_fields(a, found),
        Expr::And(a, b)
        | Expr::Or(a, b)
        | Expr::Implies(a, b)
        | Expr::Compare(_, a, b)
        | Expr::Arith(_, a, b)
        | Expr::In(a, b) => {
            collect_label_fields(a, found);
            collect_label_fields(b, found);
        }
        _ => {}
    }
}

/// A path names a label when one of its segments does and none speaks of an equivalent.
fn path_names_a_label(path: &[&str]) -> bool {
    let speaks_of_equivalent = path
        .iter()
        .any(|segment| words(segment).any(|word| word.starts_with("equivalen")));
    !speaks_of_equivalent && path.iter().any(|segment| names_a_label(segment))
}

/// Whether a name or a text names a label, certification or qualification, as the
/// language reference lists them: `hds`, `secnumcloud`, `eucs`, `iso27001`, or a word
/// starting with `label`, `ecolabel`, `certif` or `qualif`.
fn names_a_label(text: &str) -> bool {
    words(text).any(|word| {
        matches!(word.as_str(), "hds" | "secnumcloud" | "eucs")
            || word
                .strip_prefix("iso")
                .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
            || ["label", "ecolabel", "certif", "qualif"]
                .iter()
                .any(|stem| word.starts_with(stem))
    })
}

/// The lowercase words of a name or text, cut at every character that is not a letter
/// or a digit (`certif_a` is `certif` and `a`).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_field_read_alone_demands_a_label_and_an_or_lets_an_offer_escape_it() {
        let field = |name: &'static str| Box::new(Expr::Field(vec![name]));
        assert!(demands_a_label(&Expr::Field(vec!["certif_a"])));
        assert!(demands_a_label(&Expr::In(
            Box::new(Expr::Str("b".into())),
            field("labels")
        )));
        assert!(!demands_a_label(&Expr::Or(field("flag"), field("hds"))));
        assert!(!demands_a_label(&Expr::Not(field("hds"))));
        assert!(!demands_a_label(&Expr::Field(vec!["levels"])));
        assert!(!demands_a_label(&Expr::Field(vec!["label_equivalent"])));
    }
}

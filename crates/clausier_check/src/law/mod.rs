//! Lints drawn from French public-procurement law, on the clauses in effect:
//!
//! - what a tender must contain for the environment: an award criterion (`W0506`) and
//!   an execution condition (`W0513`), in `environment`;
//! - a label required without accepting an equivalent (`W0507`), and `no_equivalent` on
//!   a requirement that demands no label (`W0516`), in `labels`;
//! - a clause that judges the operator's seat, nationality or ownership (`W0508`), in
//!   `seat`;
//! - a `should` requirement no criterion weighs (`W0509`) and a clause without text
//!   (`W0510`), in `award`;
//! - « titulaire » in a specification checked at bid stage (`W0514`), in `vocabulary`;
//! - an offer said to be set aside rather than irregular (`W0515`), in `irregular`.
//!
//! Each rule reads only what a drafter writes and controls: clause ids, titles, levels,
//! texts, doc comments and the names of the descriptor fields an expression reads. The
//! words they look for are listed in each module and in the explanations (`clausier
//! explain W0506`). They look at the clauses in effect, a pack's own and those it brings
//! in with `use`; like every warning, one that points only into a dependency's files is
//! left to that pack's authors (`clausier validate DEP`).

mod award;
mod environment;
mod grids;
mod irregular;
mod labels;
mod seat;
mod vocabulary;

use std::ops::Range;

pub use labels::{accepts_equivalents, demands_a_label};

use crate::Checker;
use crate::hir::FieldRef;
use crate::types::Schema;

impl Checker<'_> {
    /// The lints of this module, after the others of [`Checker::lint`].
    pub(crate) fn lint_law(&mut self) {
        let pack = &self.pack;
        let schema = &pack.schema;
        let mut found = Vec::new();
        let entries = &self.criterion_entries;
        found.extend(environment::no_environmental_criterion(
            pack,
            self.pack_name,
            entries,
        ));
        found.extend(environment::no_environmental_condition(
            pack,
            self.pack_name,
            entries,
            self.graph.launch,
        ));
        for requirement in &pack.requirements {
            found.extend(labels::label_without_equivalent(schema, requirement));
            found.extend(labels::no_equivalent_without_label(schema, requirement));
            found.extend(seat::seat_based_requirement(schema, requirement));
            let literals = self.clause_literals.get(&requirement.meta.origin);
            if let Some(text) = literals.and_then(|l| l.text.as_ref()) {
                found.extend(vocabulary::titulaire_at_bid_stage(requirement, text));
            }
            if let Some(literals) = literals {
                found.extend(irregular::offer_set_aside(
                    requirement,
                    [literals.text.as_ref(), literals.note.as_ref()],
                ));
            }
        }
        for criterion in &pack.criteria {
            found.extend(seat::seat_based_criterion(schema, criterion));
        }
        found.extend(award::unscored_should(pack, &self.requirement_entries));
        found.extend(award::missing_texts(pack));
        for diagnostic in found {
            self.report(diagnostic);
        }
    }
}

/// The words of `text` with their byte ranges in it, each folded as [`words`] folds
/// them: « Le Titulaire » gives `(3..12, "titulaire")` among others.
pub(crate) fn word_ranges(text: &str) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(at),
            (Some(from), false) => {
                let range = from..at;
                found.extend(
                    words(&text[range.clone()])
                        .into_iter()
                        .next()
                        .map(|word| (range, word)),
                );
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// The names of the fields a path goes through, as declared: `hosting.secnumcloud` gives
/// `["hosting", "secnumcloud"]`; `s.region` under `all s in subprocessors` gives
/// `["region"]`.
pub(super) fn field_segments(schema: &Schema, field: &FieldRef) -> Vec<String> {
    field
        .steps
        .iter()
        .filter_map(|step| {
            schema
                .record(step.record)
                .and_then(|record| record.field_at(step.field))
                .map(|(name, _)| name.to_owned())
        })
        .collect()
}

/// The words of a text, lowercased, French accents and ligatures removed, split at every
/// character that is not a letter or a digit (`_` and `-` included): « Éco-conception
/// RGESN » gives `["eco", "conception", "rgesn"]`.
pub(super) fn words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' => folded.push('a'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'î' | 'ï' | 'í' => folded.push('i'),
            'ô' | 'ö' | 'ó' => folded.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => folded.push('u'),
            'ç' => folded.push('c'),
            'ÿ' => folded.push('y'),
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            c if c.is_alphanumeric() => folded.push(c),
            _ => folded.push(' '),
        }
    }
    folded.split_whitespace().map(str::to_owned).collect()
}

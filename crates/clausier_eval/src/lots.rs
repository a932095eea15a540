//! Lots in a run (CCP L2113-10): each lot is awarded separately, so an offer is evaluated
//! once per lot it bids for, with only that lot's clauses, and `lowest`/`highest`,
//! scores and ranks are computed among the offers of the same lot.
//!
//! A run is a list of [`Bid`]s: one per descriptor in a contract in one piece (exactly
//! the run without lots), one per lot a valid descriptor names otherwise, and one for an
//! invalid descriptor, which is reported once, on no lot.

use clausier_data::descriptor::Descriptor;

use crate::program::{CriterionProgram, Program, RequirementProgram};

/// One evaluation of an offer: a descriptor on one lot, or on the whole contract.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bid<'a> {
    pub(crate) descriptor: &'a Descriptor,
    /// The index of the descriptor among the run's inputs.
    pub(crate) input: usize,
    /// The lot's id; `None` for a contract in one piece and for an invalid descriptor.
    pub(crate) lot: Option<&'a str>,
    /// Which offers this one is compared with: the index of its lot in the pack's lots,
    /// `0` for a contract in one piece.
    pub(crate) part: usize,
}

/// The bids of a run, in input order, each descriptor's in the order of the lots.
pub(crate) fn bids<'a>(program: &'a Program, descriptors: &'a [Descriptor]) -> Vec<Bid<'a>> {
    let mut bids = Vec::with_capacity(descriptors.len());
    for (input, descriptor) in descriptors.iter().enumerate() {
        bids.extend(descriptor_bids(program, descriptor, input));
    }
    bids
}

/// The bids of one descriptor, the `input`-th of the run: one per lot it names, in the
/// order of the lots; one on no lot for a contract in one piece or an invalid descriptor.
pub(crate) fn descriptor_bids<'a>(
    program: &'a Program,
    descriptor: &'a Descriptor,
    input: usize,
) -> Vec<Bid<'a>> {
    let lots = &program.schema().lots;
    let whole = Bid {
        descriptor,
        input,
        lot: None,
        part: 0,
    };
    if lots.is_empty() || descriptor.lots.is_empty() || descriptor.is_invalid() {
        return vec![whole];
    }
    lots.iter()
        .enumerate()
        .filter(|(_, lot)| descriptor.lots.contains(&lot.id))
        .map(|(part, lot)| Bid {
            lot: Some(lot.id.as_str()),
            part,
            ..whole
        })
        .collect()
}

/// How many groups of offers are compared: one per lot, or the whole contract.
pub(crate) fn parts(program: &Program) -> usize {
    program.schema().lots.len().max(1)
}

/// Whether a clause limited to `clause_lots` (empty: every lot) is part of the
/// evaluation on `lot` (`None`: the whole contract).
fn applies(clause_lots: &[String], lot: Option<&str>) -> bool {
    match lot {
        Some(lot) => clause_lots.is_empty() || clause_lots.iter().any(|named| named == lot),
        None => true,
    }
}

impl RequirementProgram {
    pub(crate) fn applies_to(&self, lot: Option<&str>) -> bool {
        applies(&self.lots, lot)
    }
}

impl CriterionProgram {
    pub(crate) fn applies_to(&self, lot: Option<&str>) -> bool {
        applies(&self.lots, lot)
    }
}

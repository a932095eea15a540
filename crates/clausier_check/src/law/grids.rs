//! The grids a tender is awarded on: one per lot (CCP L2113-10), made of the clauses
//! without a `lots` line and those naming the lot, or one for a contract in one piece.
//! What a tender must contain, it must contain in each lot.

use clausier_diagnostics::{Arg, Message};

use crate::hir::{CheckedPack, ClauseMeta};
use crate::types::Lot;

#[derive(Debug, Clone, Copy)]
pub(super) struct Grid<'p> {
    /// `None` for a contract in one piece.
    pub(super) lot: Option<&'p Lot>,
}

impl<'p> Grid<'p> {
    /// The pack's grids, in the order of `[document]`.
    pub(super) fn of(pack: &'p CheckedPack) -> Vec<Grid<'p>> {
        let lots = &pack.schema.lots;
        if lots.is_empty() {
            return vec![Grid { lot: None }];
        }
        lots.iter().map(|lot| Grid { lot: Some(lot) }).collect()
    }

    /// Whether a clause is part of this grid.
    pub(super) fn has(&self, meta: &ClauseMeta) -> bool {
        match self.lot {
            None => true,
            Some(lot) => meta.lots.is_empty() || meta.lots.contains(&lot.id),
        }
    }

    /// How a message names the grid: ` of lot `1` (title)`, or nothing for a contract
    /// in one piece.
    pub(super) fn named(&self) -> Arg {
        match self.lot {
            None => Arg::Text(String::new()),
            Some(lot) => Message::new("law-grid-of-lot")
                .with("lot", &lot.id)
                .with("title", &lot.title)
                .into(),
        }
    }
}

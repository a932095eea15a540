//! Each lot's offers and outcome, read from the report: the offers on the lot in the
//! report's order, the eligible ones by rank, and whether there is one winner, offers
//! tied at the first rank (the buyer decides: no tie-break rule is invented), or no
//! eligible offer (procédure infructueuse).

use clausier_eval::report::{DescriptorReport, DescriptorStatus, LotReport, Report};

/// The award of a run: a part per lot (one part for a contract in one piece), and the
/// invalid descriptors, which are on no lot.
#[derive(Debug)]
pub struct Analysis<'a> {
    pub parts: Vec<Part<'a>>,
    pub invalid: Vec<&'a DescriptorReport>,
}

/// The offers on one lot (or on the whole contract) and what comes of them.
#[derive(Debug)]
pub struct Part<'a> {
    /// `None` for a contract in one piece.
    pub lot: Option<&'a LotReport>,
    /// Every offer on the lot that could be read, in the report's order.
    pub offers: Vec<&'a DescriptorReport>,
    pub outcome: LotOutcome<'a>,
}

impl<'a> Part<'a> {
    /// The eligible offers, by rank (then in the report's order).
    pub fn ranking(&self) -> Vec<&'a DescriptorReport> {
        let mut eligible: Vec<_> = self
            .offers
            .iter()
            .copied()
            .filter(|offer| offer.status == DescriptorStatus::Eligible)
            .collect();
        eligible.sort_by_key(|offer| offer.rank.unwrap_or(u32::MAX));
        eligible
    }

    /// Whether `offer` is tied at the first rank of this lot.
    pub fn is_tied(&self, offer: &DescriptorReport) -> bool {
        match &self.outcome {
            LotOutcome::Tie(tied) => tied.iter().any(|t| std::ptr::eq(*t, offer)),
            _ => false,
        }
    }

    /// Whether `offer` is the proposed winner of this lot.
    pub fn is_winner(&self, offer: &DescriptorReport) -> bool {
        matches!(&self.outcome, LotOutcome::Winner(winner) if std::ptr::eq(*winner, offer))
    }
}

/// What the analysis of a lot concludes.
#[derive(Debug)]
pub enum LotOutcome<'a> {
    /// One eligible offer ranks first: the proposed winner.
    Winner(&'a DescriptorReport),
    /// Several eligible offers share the first rank: the buyer decides.
    Tie(Vec<&'a DescriptorReport>),
    /// No eligible offer: procédure infructueuse.
    Unsuccessful,
}

impl<'a> Analysis<'a> {
    pub fn of(report: &'a Report) -> Self {
        let invalid = report
            .descriptors
            .iter()
            .filter(|entry| entry.status == DescriptorStatus::Invalid)
            .collect();
        let readable = || {
            report
                .descriptors
                .iter()
                .filter(|entry| entry.status != DescriptorStatus::Invalid)
        };
        let parts = if report.lots.is_empty() {
            vec![Part::new(None, readable().collect())]
        } else {
            report
                .lots
                .iter()
                .map(|lot| {
                    let offers = readable()
                        .filter(|entry| entry.lot.as_deref() == Some(lot.id.as_str()))
                        .collect();
                    Part::new(Some(lot), offers)
                })
                .collect()
        };
        Analysis { parts, invalid }
    }
}

impl<'a> Part<'a> {
    fn new(lot: Option<&'a LotReport>, offers: Vec<&'a DescriptorReport>) -> Self {
        let mut part = Part {
            lot,
            offers,
            outcome: LotOutcome::Unsuccessful,
        };
        // The first rank is 1, or no rank at all when the pack has no criteria: every
        // eligible offer then stands first.
        let ranking = part.ranking();
        let top = ranking.first().map(|offer| offer.rank);
        let first: Vec<_> = ranking
            .into_iter()
            .filter(|offer| Some(offer.rank) == top)
            .collect();
        part.outcome = match first.as_slice() {
            [] => LotOutcome::Unsuccessful,
            [winner] => LotOutcome::Winner(winner),
            _ => LotOutcome::Tie(first),
        };
        part
    }
}

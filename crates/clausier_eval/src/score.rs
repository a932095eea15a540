//! Award criteria: a score as a fraction clamped to [0, 1], points by weight, and
//! standard competition ranks.

use clausier_check::ops;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::eval::Scope;
use crate::explain::Explainer;
use crate::program::{CriterionProgram, Program};
use crate::report::{ClauseResult, CriterionResult, Reason};

/// Places kept in a reported score and in points.
const SCORE_PLACES: u32 = 4;
const POINTS_PLACES: u32 = 2;

/// One criterion scored for one eligible descriptor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CriterionOutcome {
    /// The clamped score, rounded; `None` when unknown.
    pub score: Option<Decimal>,
    pub points: Decimal,
    pub clamped: bool,
    pub missing: Vec<String>,
    pub reasons: Vec<Reason>,
}

impl CriterionOutcome {
    pub fn into_result(self, criterion: &CriterionProgram) -> ClauseResult {
        ClauseResult::Criterion(CriterionResult {
            clause: criterion.id.clone(),
            pack: criterion.pack.clone(),
            version: criterion.version.clone(),
            kind: "criterion",
            weight: criterion.weight,
            score: self.score,
            points: Some(self.points),
            missing: self.missing,
            reasons: self.reasons,
            clamped: self.clamped,
            title: None,
        })
    }
}

/// The result of a criterion for a descriptor that is not scored.
pub(crate) fn unscored(criterion: &CriterionProgram) -> ClauseResult {
    ClauseResult::Criterion(CriterionResult {
        clause: criterion.id.clone(),
        pack: criterion.pack.clone(),
        version: criterion.version.clone(),
        kind: "criterion",
        weight: criterion.weight,
        score: None,
        points: None,
        missing: Vec::new(),
        reasons: Vec::new(),
        clamped: false,
        title: None,
    })
}

pub(crate) fn score_criterion(
    program: &Program,
    explainer: &mut Explainer<'_>,
    criterion: &CriterionProgram,
    scope: Scope<'_>,
) -> CriterionOutcome {
    let Some(raw) = raw_fraction(program, criterion, scope) else {
        let unknown = explainer.unknown(criterion.score, scope);
        return CriterionOutcome {
            score: None,
            points: Decimal::ZERO,
            clamped: false,
            missing: unknown.paths,
            reasons: unknown.reasons,
        };
    };
    let clamped = raw.clamp(Decimal::ZERO, Decimal::ONE);
    CriterionOutcome {
        score: Some(round(clamped, SCORE_PLACES)),
        points: points(criterion, clamped),
        clamped: clamped != raw,
        missing: Vec::new(),
        reasons: Vec::new(),
    }
}

/// The points alone, as [`score_criterion`] gives them, for runs that need only totals.
pub(crate) fn criterion_points(
    program: &Program,
    criterion: &CriterionProgram,
    scope: Scope<'_>,
) -> Decimal {
    raw_fraction(program, criterion, scope).map_or(Decimal::ZERO, |raw| {
        points(criterion, raw.clamp(Decimal::ZERO, Decimal::ONE))
    })
}

/// A descriptor's score: the sum of its points.
pub(crate) fn total_points(points: impl IntoIterator<Item = Decimal>) -> Decimal {
    points
        .into_iter()
        .fold(Decimal::ZERO, Decimal::saturating_add)
        .normalize()
}

/// The score before clamping; `None` when unknown.
fn raw_fraction(
    program: &Program,
    criterion: &CriterionProgram,
    scope: Scope<'_>,
) -> Option<Decimal> {
    program
        .code
        .value(criterion.score, scope)
        .and_then(|value| ops::score_fraction(&value))
}

/// Points come from the unrounded score: rounding twice would drift.
fn points(criterion: &CriterionProgram, clamped: Decimal) -> Decimal {
    criterion
        .weight
        .checked_mul(clamped)
        .map_or(Decimal::ZERO, |points| round(points, POINTS_PLACES))
}

fn round(value: Decimal, places: u32) -> Decimal {
    value
        .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Standard competition ranks by descending score (90, 90, 80, 70 rank 1, 1, 3, 4);
/// `None` where there is no score.
pub(crate) fn rank(scores: &[Option<Decimal>]) -> Vec<Option<u32>> {
    let mut order: Vec<(usize, Decimal)> = scores
        .iter()
        .enumerate()
        .filter_map(|(index, score)| score.map(|score| (index, score)))
        .collect();
    order.sort_by(|(left_index, left), (right_index, right)| {
        right.cmp(left).then(left_index.cmp(right_index))
    });
    let mut ranks = vec![None; scores.len()];
    let mut previous: Option<(Decimal, u32)> = None;
    for (position, (index, score)) in order.into_iter().enumerate() {
        let place = u32::try_from(position + 1).unwrap_or(u32::MAX);
        let rank = match previous {
            Some((tied, rank)) if tied == score => rank,
            _ => place,
        };
        previous = Some((score, rank));
        if let Some(slot) = ranks.get_mut(index) {
            *slot = Some(rank);
        }
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let scores = [
            Some(dec!(90)),
            Some(dec!(80)),
            None,
            Some(dec!(90)),
            Some(dec!(70)),
        ];
        assert_eq!(
            rank(&scores),
            vec![Some(1), Some(3), None, Some(1), Some(4)]
        );
    }

    #[test]
    fn midpoints_round_away_from_zero() {
        assert_eq!(round(dec!(0.12345), 4), dec!(0.1235));
        assert_eq!(round(dec!(2.675), 2), dec!(2.68));
    }
}

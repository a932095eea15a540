//! What a pack's tests exercised: for each requirement, which of its outcomes some test
//! produced, and whether an `expect` line checked it; for each criterion, whether some
//! test's offer was scored on it.

use clausier_check::hir::CheckedPack;
use rust_decimal::Decimal;
use serde::Serialize;

use super::TestReport;
use crate::report::{ClauseResult, RequirementStatus};

/// The coverage of every clause of the pack, in the pack's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub requirements: Vec<RequirementCoverage>,
    pub criteria: Vec<CriterionCoverage>,
}

impl Coverage {
    /// The requirements whose pass or fail no test produced, with their pack and the
    /// outcome missed: `("edtech-fr", "HEB-03", Pass)`.
    pub fn gaps(&self) -> Vec<(&str, &str, RequirementStatus)> {
        let mut gaps = Vec::new();
        for requirement in &self.requirements {
            let (pack, id) = (requirement.pack.as_str(), requirement.id.as_str());
            if requirement.pass.tests == 0 {
                gaps.push((pack, id, RequirementStatus::Pass));
            }
            if requirement.fail.tests == 0 {
                gaps.push((pack, id, RequirementStatus::Fail));
            }
        }
        gaps
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequirementCoverage {
    pub id: String,
    /// The pack that declares it.
    pub pack: String,
    pub level: &'static str,
    /// Whether it has a `when`: only then can it be `not_applicable`.
    pub conditional: bool,
    pub pass: OutcomeCoverage,
    pub fail: OutcomeCoverage,
    pub missing: OutcomeCoverage,
    pub not_applicable: OutcomeCoverage,
}

/// How the tests met one outcome of a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct OutcomeCoverage {
    /// How many tests' offers had this outcome.
    pub tests: usize,
    /// How many of those tests check it with an `expect` line.
    pub expected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionCoverage {
    pub id: String,
    pub pack: String,
    pub weight: Decimal,
    /// How many tests' offers were scored on it (eligible, and the score known).
    pub scored: usize,
}

/// The coverage of the pack's clauses by the tests of `report`.
pub fn coverage(pack: &CheckedPack, report: &TestReport) -> Coverage {
    let mut requirements: Vec<RequirementCoverage> = pack
        .requirements
        .iter()
        .map(|requirement| RequirementCoverage {
            id: requirement.meta.id.clone(),
            pack: requirement.meta.pack.clone(),
            level: requirement.level.as_str(),
            conditional: requirement.when.is_some(),
            pass: OutcomeCoverage::default(),
            fail: OutcomeCoverage::default(),
            missing: OutcomeCoverage::default(),
            not_applicable: OutcomeCoverage::default(),
        })
        .collect();
    let mut criteria: Vec<CriterionCoverage> = pack
        .criteria
        .iter()
        .map(|criterion| CriterionCoverage {
            id: criterion.meta.id.clone(),
            pack: criterion.meta.pack.clone(),
            weight: criterion.weight,
            scored: 0,
        })
        .collect();
    for test in &report.tests {
        let Some(result) = &test.result else { continue };
        for clause in &result.results {
            match clause {
                ClauseResult::Requirement(outcome) => {
                    let Some(entry) = requirements.iter_mut().find(|r| r.id == outcome.clause)
                    else {
                        continue;
                    };
                    let expected = test.expectations.iter().any(|expectation| {
                        expectation.passed
                            && expectation.clause.as_deref() == Some(outcome.clause.as_str())
                    });
                    let slot = match outcome.status {
                        RequirementStatus::Pass => &mut entry.pass,
                        // A claimed equivalent no decision settles did not pass.
                        RequirementStatus::Fail | RequirementStatus::Review => &mut entry.fail,
                        RequirementStatus::Missing => &mut entry.missing,
                        RequirementStatus::NotApplicable => &mut entry.not_applicable,
                    };
                    slot.tests += 1;
                    if expected {
                        slot.expected += 1;
                    }
                }
                ClauseResult::Criterion(outcome) => {
                    if outcome.score.is_some()
                        && let Some(entry) = criteria.iter_mut().find(|c| c.id == outcome.clause)
                    {
                        entry.scored += 1;
                    }
                }
            }
        }
    }
    Coverage {
        requirements,
        criteria,
    }
}

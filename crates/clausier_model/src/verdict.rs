//! A run as `docs/language.md` defines it: each requirement's status, each offer's
//! status, then the scores of the eligible offers, with `lowest`/`highest` over them,
//! and their standard competition ranks.

use std::cmp::Ordering;

use crate::ast::{Expr, Pack};
use crate::calendar::Day;
use crate::eval::{Context, evaluate};
use crate::number::Num;
use crate::value::Value;

/// One offer as the model sees it.
#[derive(Debug, Clone)]
pub struct Offer {
    pub id: String,
    /// The descriptor's record, or `None` when its file does not fit the schema.
    pub root: Option<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Eligible,
    Ineligible,
    Incomplete,
    Invalid,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::Ineligible => "ineligible",
            Status::Incomplete => "incomplete",
            Status::Invalid => "invalid",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequirementStatus {
    Pass,
    Fail,
    Missing,
    NotApplicable,
}

impl RequirementStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequirementStatus::Pass => "pass",
            RequirementStatus::Fail => "fail",
            RequirementStatus::Missing => "missing",
            RequirementStatus::NotApplicable => "not_applicable",
        }
    }
}

/// A criterion of a scored offer; `None` fields for an offer that is not scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionVerdict {
    /// The clamped score, to 4 places; `None` when unknown or not scored.
    pub score: Option<Num>,
    /// `weight × clamped score`, to 2 places; `None` when not scored.
    pub points: Option<Num>,
    pub clamped: bool,
}

#[derive(Debug, Clone)]
pub struct Verdict {
    pub status: Status,
    /// One per requirement, in pack order; empty for an invalid offer.
    pub requirements: Vec<RequirementStatus>,
    /// One per criterion, in pack order; empty for an invalid offer.
    pub criteria: Vec<CriterionVerdict>,
    pub score: Option<Num>,
    pub rank: Option<u32>,
}

/// Judges every offer of a run.
pub fn judge(pack: &Pack, offers: &[Offer], today: Day) -> Vec<Verdict> {
    let no_aggregates = |_: bool, _: &[&'static str]| None;
    // A parameter's value may read the parameters declared before it.
    let mut params: Vec<Value> = Vec::new();
    for param in &pack.params {
        let context = Context {
            offer: &Value::Record(Vec::new()),
            today,
            params: &params,
            aggregates: &no_aggregates,
            passed: &[],
        };
        let value = evaluate(&param.value, &context).unwrap_or(Value::Bool(false));
        params.push(value);
    }

    let mut verdicts: Vec<Verdict> = offers
        .iter()
        .map(|offer| eligibility(pack, offer, today, &params))
        .collect();

    let eligible: Vec<&Value> = offers
        .iter()
        .zip(&verdicts)
        .filter(|(_, verdict)| verdict.status == Status::Eligible)
        .filter_map(|(offer, _)| offer.root.as_ref())
        .collect();
    let aggregates = |lowest: bool, path: &[&'static str]| cohort_extreme(&eligible, lowest, path);

    for (offer, verdict) in offers.iter().zip(verdicts.iter_mut()) {
        let Some(root) = &offer.root else {
            continue;
        };
        if verdict.status != Status::Eligible {
            verdict.criteria = pack
                .criteria
                .iter()
                .map(|_| CriterionVerdict {
                    score: None,
                    points: None,
                    clamped: false,
                })
                .collect();
            continue;
        }
        let passed: Vec<Option<bool>> = verdict
            .requirements
            .iter()
            .map(|status| match status {
                RequirementStatus::Pass | RequirementStatus::NotApplicable => Some(true),
                RequirementStatus::Fail => Some(false),
                RequirementStatus::Missing => None,
            })
            .collect();
        let context = Context {
            offer: root,
            today,
            params: &params,
            aggregates: &aggregates,
            passed: &passed,
        };
        verdict.criteria = pack
            .criteria
            .iter()
            .map(|criterion| score(&criterion.score, criterion.weight, &context))
            .collect();
        if !pack.criteria.is_empty() {
            let mut total = Num::zero();
            for criterion in &verdict.criteria {
                if let Some(points) = &criterion.points {
                    total = total.add(points).unwrap_or(total);
                }
            }
            verdict.score = Some(total);
        }
    }
    rank(&mut verdicts);
    verdicts
}

fn eligibility(pack: &Pack, offer: &Offer, today: Day, params: &[Value]) -> Verdict {
    let Some(root) = &offer.root else {
        return Verdict {
            status: Status::Invalid,
            requirements: Vec::new(),
            criteria: Vec::new(),
            score: None,
            rank: None,
        };
    };
    let no_aggregates = |_: bool, _: &[&'static str]| None;
    let context = Context {
        offer: root,
        today,
        params,
        aggregates: &no_aggregates,
        passed: &[],
    };
    let truth = |expr: &Expr| match evaluate(expr, &context) {
        Some(Value::Bool(b)) => Some(b),
        _ => None,
    };
    // A document the descriptor does not give leaves the requirement undecided, unless
    // the offer fails it anyway.
    let lacks_a_document = |requirement: &crate::ast::Requirement| {
        requirement
            .documents
            .iter()
            .any(|path| truth(&Expr::Has(path.clone())) != Some(true))
    };
    let requirements: Vec<RequirementStatus> = pack
        .requirements
        .iter()
        .map(|requirement| {
            let applies = requirement.when.as_ref().map_or(Some(true), truth);
            match applies {
                None => RequirementStatus::Missing,
                Some(false) => RequirementStatus::NotApplicable,
                Some(true) => match truth(&requirement.require) {
                    Some(false) => RequirementStatus::Fail,
                    _ if lacks_a_document(requirement) => RequirementStatus::Missing,
                    Some(true) => RequirementStatus::Pass,
                    None => RequirementStatus::Missing,
                },
            }
        })
        .collect();
    let musts = || {
        pack.requirements
            .iter()
            .zip(&requirements)
            .filter(|(requirement, _)| requirement.must)
            .map(|(_, status)| *status)
    };
    let status = if musts().any(|s| s == RequirementStatus::Fail) {
        Status::Ineligible
    } else if musts().any(|s| s == RequirementStatus::Missing) {
        Status::Incomplete
    } else {
        Status::Eligible
    };
    Verdict {
        status,
        requirements,
        criteria: Vec::new(),
        score: None,
        rank: None,
    }
}

/// The smallest or largest value of a field among the eligible offers that give it.
fn cohort_extreme(eligible: &[&Value], lowest: bool, path: &[&'static str]) -> Option<Value> {
    let wanted = if lowest {
        Ordering::Less
    } else {
        Ordering::Greater
    };
    let mut best: Option<Value> = None;
    for root in eligible {
        let mut current: Option<&Value> = Some(root);
        for step in path {
            current = current.and_then(|value| value.field(step));
        }
        let Some(candidate) = current else {
            continue;
        };
        let better = match &best {
            None => true,
            Some(best) => candidate.order(best) == Some(wanted),
        };
        if better {
            best = Some(candidate.clone());
        }
    }
    best
}

fn score(expr: &Expr, weight: u32, context: &Context<'_>) -> CriterionVerdict {
    let fraction = match evaluate(expr, context) {
        Some(Value::Num(n)) => Some(n),
        Some(Value::Percent(p)) => p.div(&Num::from_int(100)).ok(),
        _ => None,
    };
    let Some(raw) = fraction else {
        return CriterionVerdict {
            score: None,
            points: Some(Num::zero()),
            clamped: false,
        };
    };
    let clamped = raw.clamp_unit();
    let exact_points = Num::from_int(i64::from(weight))
        .mul(&clamped)
        .unwrap_or_else(|_| Num::zero());
    CriterionVerdict {
        score: Some(clamped.rounded_half_away(4)),
        points: Some(exact_points.rounded_half_away(2)),
        clamped: clamped != raw,
    }
}

/// Standard competition ranks by descending score: 90, 90, 80 rank 1, 1, 3.
fn rank(verdicts: &mut [Verdict]) {
    let scores: Vec<Option<Num>> = verdicts.iter().map(|v| v.score.clone()).collect();
    for (verdict, own) in verdicts.iter_mut().zip(&scores) {
        verdict.rank = own.as_ref().map(|own| {
            let better = scores.iter().flatten().filter(|other| *other > own).count();
            u32::try_from(better + 1).unwrap_or(u32::MAX)
        });
    }
}

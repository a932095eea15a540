//! A run as `docs/language.md` defines it: each requirement's status (with the claims
//! of an equivalent and the buyer's decisions on them), each offer's status, then the
//! scores of the eligible offers, with `lowest`/`highest` over them, and their standard
//! competition ranks.

use std::cmp::Ordering;

use crate::ast::{Criterion, Expr, Pack, Requirement, applies_to};
use crate::calendar::Day;
use crate::eval::{Context, evaluate};
use crate::number::Num;
use crate::review::{AfterFailure, Decision, after_failure};
use crate::value::Value;

/// One offer as the model sees it.
#[derive(Debug, Clone)]
pub struct Offer {
    pub id: String,
    /// The descriptor's record, or `None` when its file does not fit the schema.
    pub root: Option<Value>,
    /// The lots the descriptor's top-level `lots` key names; `None` without the key.
    pub lots: Option<Vec<String>>,
    /// Top-level fields written with their last valid day (`$valid_until`): on a later
    /// day the value no longer counts, as if not given.
    pub valid_until: Vec<(&'static str, Day)>,
    /// Top-level fields written with a claim of an equivalent (`$equivalent`).
    pub claims: Vec<&'static str>,
    /// Top-level fields written with where they come from (`$source`).
    pub sources: Vec<Source>,
}

/// Where an offer says a top-level value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub field: &'static str,
    /// `declared`, `document`, `registry` or `audit`.
    pub kind: &'static str,
    /// Written as a record with a reference (`{"kind": …, "reference": …}`), not the kind
    /// alone.
    pub detailed: bool,
}

impl Offer {
    /// The offer as it stands on `today`: without the values whose last valid day is past.
    fn in_force(&self, today: Day) -> Offer {
        let mut offer = self.clone();
        if let Some(Value::Record(fields)) = &mut offer.root {
            for (name, last_day) in &self.valid_until {
                if *last_day < today {
                    for (field, value) in fields.iter_mut() {
                        if field == name {
                            *value = None;
                        }
                    }
                }
            }
        }
        offer
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Eligible,
    Ineligible,
    Incomplete,
    /// A `must` requirement is under review, and none failed or is missing.
    Review,
    Invalid,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::Ineligible => "ineligible",
            Status::Incomplete => "incomplete",
            Status::Review => "review",
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
    /// Failed where the offer claims an equivalent the buyer has yet to examine.
    Review,
}

impl RequirementStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequirementStatus::Pass => "pass",
            RequirementStatus::Fail => "fail",
            RequirementStatus::Missing => "missing",
            RequirementStatus::NotApplicable => "not_applicable",
            RequirementStatus::Review => "review",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementVerdict {
    pub id: String,
    pub status: RequirementStatus,
    /// The field whose claim of an equivalent put the requirement under review (or
    /// before the buyer's decision).
    pub claim: Option<&'static str>,
    /// The buyer's decision that settled the review: accepted or refused.
    pub decision: Option<bool>,
    /// It failed where a field it read carries a claim, but demands no label: the claim
    /// changed nothing.
    pub claim_ignored: bool,
    /// The documents a `missing` requirement still asks of the offer.
    pub documents: Vec<Lacking>,
    /// A document it asks a kind of proof of was given with one of the kinds asked.
    pub proven: bool,
    /// Under `no_equivalent`, it failed where the offer claims an equivalent.
    pub not_admitted: bool,
}

/// A document a requirement still asks of an offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lacking {
    /// The descriptor path that should give it.
    pub path: String,
    /// The kinds of proof it asks; empty for any.
    pub proof: Vec<&'static str>,
    /// The kind of proof the offer gave it with, when it gave it but not of a kind asked.
    pub given_as: Option<&'static str>,
}

/// A criterion of a scored offer; `None` fields for an offer that is not scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionVerdict {
    pub id: String,
    /// The clamped score, to 4 places; `None` when unknown or not scored.
    pub score: Option<Num>,
    /// `weight × clamped score`, to 2 places; `None` when not scored.
    pub points: Option<Num>,
    pub clamped: bool,
}

/// One entry of the report: an offer on one lot, on the whole contract, or invalid.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The index of the offer among the run's.
    pub offer: usize,
    /// The lot of the evaluation; `None` for a contract in one piece and for an invalid
    /// offer, which is judged once, on no lot.
    pub lot: Option<String>,
    pub status: Status,
    /// One per requirement of the lot, in pack order; empty for an invalid offer.
    pub requirements: Vec<RequirementVerdict>,
    /// One per criterion of the lot, in pack order; empty for an invalid offer.
    pub criteria: Vec<CriterionVerdict>,
    pub score: Option<Num>,
    pub rank: Option<u32>,
}

/// What is judged: an offer on one lot or on the whole contract (`lot: None`), or an
/// offer that is invalid, judged once.
struct Bid<'a> {
    offer: usize,
    root: Option<&'a Value>,
    lot: Option<&'a str>,
    id: &'a str,
    claims: &'a [&'static str],
    sources: &'a [Source],
}

/// The entries of a run, in offer order, each offer's in the order the pack declares its
/// lots. In a contract divided into lots, an offer that names no lot, or a lot the pack
/// does not declare, is invalid.
fn bids<'a>(pack: &'a Pack, offers: &'a [Offer]) -> Vec<Bid<'a>> {
    let mut bids = Vec::new();
    for (index, offer) in offers.iter().enumerate() {
        let whole = Bid {
            offer: index,
            root: offer.root.as_ref(),
            lot: None,
            id: &offer.id,
            claims: &offer.claims,
            sources: &offer.sources,
        };
        if offer.root.is_none() || pack.lots.is_empty() {
            bids.push(whole);
            continue;
        }
        let named = offer.lots.as_deref().unwrap_or_default();
        let declared = |id: &String| pack.lots.contains(id);
        if named.is_empty() || !named.iter().all(declared) {
            bids.push(Bid {
                root: None,
                ..whole
            });
            continue;
        }
        for lot in pack.lots.iter().filter(|lot| named.contains(lot)) {
            bids.push(Bid {
                lot: Some(lot),
                ..whole
            });
        }
    }
    bids
}

/// Judges every offer of a run, with the buyer's decisions on claims of an equivalent:
/// one verdict per entry of the report.
pub fn judge(pack: &Pack, offers: &[Offer], today: Day, decisions: &[Decision]) -> Vec<Verdict> {
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

    let offers: Vec<Offer> = offers.iter().map(|offer| offer.in_force(today)).collect();
    let bids = bids(pack, &offers);
    let mut verdicts: Vec<Verdict> = bids
        .iter()
        .map(|bid| eligibility(pack, bid, (today, &params), decisions))
        .collect();

    // Each lot is awarded apart: `lowest`, `highest` and ranks among its own offers.
    let parts: Vec<Option<&str>> = if pack.lots.is_empty() {
        vec![None]
    } else {
        pack.lots.iter().map(|lot| Some(lot.as_str())).collect()
    };
    for part in parts {
        let members: Vec<usize> = bids
            .iter()
            .enumerate()
            .filter(|(_, bid)| bid.root.is_some() && bid.lot == part)
            .map(|(index, _)| index)
            .collect();
        score_part(pack, part, &bids, &members, &mut verdicts, (today, &params));
    }
    verdicts
}

/// Scores the eligible entries among `members`, the entries on `lot`, and ranks them.
fn score_part(
    pack: &Pack,
    lot: Option<&str>,
    bids: &[Bid<'_>],
    members: &[usize],
    verdicts: &mut [Verdict],
    (today, params): (Day, &[Value]),
) {
    let eligible: Vec<&Value> = members
        .iter()
        .filter(|&&index| verdicts[index].status == Status::Eligible)
        .filter_map(|&index| bids[index].root)
        .collect();
    let aggregates = |lowest: bool, path: &[&'static str]| cohort_extreme(&eligible, lowest, path);
    let criteria: Vec<&crate::ast::Criterion> = pack
        .criteria
        .iter()
        .filter(|criterion| applies_to(&criterion.lots, lot))
        .collect();
    for &index in members {
        let (bid, verdict) = (&bids[index], &mut verdicts[index]);
        let Some(root) = bid.root else {
            continue;
        };
        if verdict.status != Status::Eligible {
            verdict.criteria = criteria
                .iter()
                .map(|criterion| CriterionVerdict {
                    id: criterion.id.clone(),
                    score: None,
                    points: None,
                    clamped: false,
                })
                .collect();
            continue;
        }
        // A `passed(ID)` reads only requirements of the same lot (E0409).
        let mut passed: Vec<Option<bool>> = vec![None; pack.requirements.len()];
        for (slot, requirement) in passed.iter_mut().zip(&pack.requirements) {
            let outcome = verdict.requirements.iter().find(|r| r.id == requirement.id);
            *slot = outcome.and_then(|outcome| match outcome.status {
                RequirementStatus::Pass | RequirementStatus::NotApplicable => Some(true),
                RequirementStatus::Fail => Some(false),
                RequirementStatus::Missing | RequirementStatus::Review => None,
            });
        }
        let context = Context {
            offer: root,
            today,
            params,
            aggregates: &aggregates,
            passed: &passed,
        };
        verdict.criteria = criteria
            .iter()
            .map(|criterion| score(criterion, &context))
            .collect();
        if !criteria.is_empty() {
            let mut total = Num::zero();
            for criterion in &verdict.criteria {
                if let Some(points) = &criterion.points {
                    total = total.add(points).unwrap_or(total);
                }
            }
            verdict.score = Some(total);
        }
    }
    rank(verdicts, members);
}

fn eligibility(
    pack: &Pack,
    bid: &Bid<'_>,
    (today, params): (Day, &[Value]),
    decisions: &[Decision],
) -> Verdict {
    let Some(root) = bid.root else {
        return Verdict {
            offer: bid.offer,
            lot: None,
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
    // A document asking for kinds of proof counts as given only with one of them: its
    // top-level field's `$source` kind, `declared` without one.
    let proof_of = |field: &str| {
        bid.sources
            .iter()
            .find(|source| source.field == field)
            .map_or("declared", |source| source.kind)
    };
    let lacking_documents = |requirement: &Requirement| -> Vec<Lacking> {
        requirement
            .documents
            .iter()
            .filter_map(|document| {
                let present = truth(&Expr::Has(document.path.clone())) == Some(true);
                let kind = proof_of(document.path[0]);
                let of_a_kind_asked = document.proof.is_empty() || document.proof.contains(&kind);
                (!present || !of_a_kind_asked).then(|| Lacking {
                    path: document.path.join("."),
                    proof: document.proof.clone(),
                    given_as: present.then_some(kind),
                })
            })
            .collect()
    };
    let proven = |requirement: &Requirement| {
        requirement.documents.iter().any(|document| {
            !document.proof.is_empty()
                && truth(&Expr::Has(document.path.clone())) == Some(true)
                && document.proof.contains(&proof_of(document.path[0]))
        })
    };
    let applicable: Vec<&Requirement> = pack
        .requirements
        .iter()
        .filter(|requirement| applies_to(&requirement.lots, bid.lot))
        .collect();
    let requirements: Vec<RequirementVerdict> = applicable
        .iter()
        .map(|requirement| {
            let applies = requirement.when.as_ref().map_or(Some(true), truth);
            let status = match applies {
                None => RequirementStatus::Missing,
                Some(false) => RequirementStatus::NotApplicable,
                Some(true) => match truth(&requirement.require) {
                    Some(false) => RequirementStatus::Fail,
                    _ if !lacking_documents(requirement).is_empty() => RequirementStatus::Missing,
                    Some(true) => RequirementStatus::Pass,
                    None => RequirementStatus::Missing,
                },
            };
            let mut verdict = RequirementVerdict {
                id: requirement.id.clone(),
                status,
                claim: None,
                decision: None,
                claim_ignored: false,
                documents: Vec::new(),
                proven: proven(requirement),
                not_admitted: false,
            };
            if status == RequirementStatus::Missing {
                verdict.documents = lacking_documents(requirement);
            }
            if status == RequirementStatus::Fail {
                // A failure on a claimed equivalent waits on the buyer, even when a
                // document is lacking: the decision settles it.
                match after_failure(
                    &requirement.id,
                    &requirement.require,
                    bid.id,
                    bid.claims,
                    (requirement.no_equivalent.is_some(), decisions),
                ) {
                    AfterFailure::Failed { claim_ignored } => verdict.claim_ignored = claim_ignored,
                    AfterFailure::NotAdmitted(field) => {
                        verdict.claim = Some(field);
                        verdict.not_admitted = true;
                    }
                    AfterFailure::Review(field) => {
                        verdict.status = RequirementStatus::Review;
                        verdict.claim = Some(field);
                    }
                    AfterFailure::Decided(field, accepted) => {
                        verdict.status = if accepted {
                            RequirementStatus::Pass
                        } else {
                            RequirementStatus::Fail
                        };
                        verdict.claim = Some(field);
                        verdict.decision = Some(accepted);
                    }
                }
            }
            verdict
        })
        .collect();
    let musts = || {
        applicable
            .iter()
            .zip(&requirements)
            .filter(|(requirement, _)| requirement.must)
            .map(|(_, verdict)| verdict.status)
    };
    let status = if musts().any(|s| s == RequirementStatus::Fail) {
        Status::Ineligible
    } else if musts().any(|s| s == RequirementStatus::Missing) {
        Status::Incomplete
    } else if musts().any(|s| s == RequirementStatus::Review) {
        Status::Review
    } else {
        Status::Eligible
    };
    Verdict {
        offer: bid.offer,
        lot: bid.lot.map(str::to_owned),
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

fn score(criterion: &Criterion, context: &Context<'_>) -> CriterionVerdict {
    let fraction = match evaluate(&criterion.score, context) {
        Some(Value::Num(n)) => Some(n),
        Some(Value::Percent(p)) => p.div(&Num::from_int(100)).ok(),
        _ => None,
    };
    let Some(raw) = fraction else {
        return CriterionVerdict {
            id: criterion.id.clone(),
            score: None,
            points: Some(Num::zero()),
            clamped: false,
        };
    };
    let clamped = raw.clamp_unit();
    let exact_points = Num::from_int(i64::from(criterion.weight))
        .mul(&clamped)
        .unwrap_or_else(|_| Num::zero());
    CriterionVerdict {
        id: criterion.id.clone(),
        score: Some(clamped.rounded_half_away(4)),
        points: Some(exact_points.rounded_half_away(2)),
        clamped: clamped != raw,
    }
}

/// Standard competition ranks by descending score among `members`: 90, 90, 80 rank 1,
/// 1, 3.
fn rank(verdicts: &mut [Verdict], members: &[usize]) {
    let scores: Vec<Option<Num>> = members
        .iter()
        .map(|&index| verdicts[index].score.clone())
        .collect();
    for (&index, own) in members.iter().zip(&scores) {
        verdicts[index].rank = own.as_ref().map(|own| {
            let better = scores.iter().flatten().filter(|other| *other > own).count();
            u32::try_from(better + 1).unwrap_or(u32::MAX)
        });
    }
}

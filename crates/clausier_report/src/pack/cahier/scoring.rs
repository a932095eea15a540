//! A criterion's scoring method in words, as a drafter writes it in a règlement de la
//! consultation: « Note = (prix le plus bas des offres régulières / prix de l'offre) × 40 »,
//! « 8 points si …, 0 sinon », a linear scale between two values, or a sum of
//! sub-criteria each with its points. Constant factors are carried into the points
//! (`0.4 * x` in a criterion weighing 15 reads `x × 6`), so that every number the reader
//! sees is a number of points.

use clausier_check::hir::{ArithOp, TExpr, TExprKind};
use clausier_check::types::Ty;
use clausier_check::value::Value;
use clausier_diagnostics::stack;
use clausier_syntax::ast::AggregateKind;
use rust_decimal::Decimal;

use super::words::Words;
use super::{Lang, Rich, number};

/// How a score turns into points, once the constant factors are known.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Scoring {
    /// A fixed number of points.
    Points(Decimal),
    /// The value of `formula` (a fraction, a percent) times `scale` points; `gloss` says
    /// what a word of the formula stands for.
    Formula {
        formula: Rich,
        scale: Decimal,
        gloss: Option<Rich>,
        /// Whether the formula is at most 1 (a ratio to the best offer, a percent), so
        /// that `scale` is the most it gives.
        bounded: bool,
    },
    /// `scale` points for each element counted: « 1,5 point par élément de `xs` ».
    PerElement { elements: Rich, scale: Decimal },
    /// 0 points at one end, `scale` at the other, in proportion in between.
    Linear {
        operand: Rich,
        low: Rich,
        high: Rich,
        scale: Decimal,
        increasing: bool,
    },
    /// The first case whose condition holds; the last scoring otherwise.
    Cases(Vec<(Rich, Scoring)>, Box<Scoring>),
    /// Sub-criteria whose points add up.
    Sum(Vec<Scoring>),
}

/// The scoring of `expr` in a criterion of `weight` points.
pub(super) fn scoring<'a>(words: &Words<'a>, expr: &'a TExpr, weight: Decimal) -> Scoring {
    stack::deep(|| scoring_node(words, expr, weight))
}

fn scoring_node<'a>(words: &Words<'a>, expr: &'a TExpr, scale: Decimal) -> Scoring {
    if let Some(fraction) = constant_fraction(words, expr) {
        return Scoring::Points(fraction.saturating_mul(scale).normalize());
    }
    match &expr.kind {
        TExprKind::If(..) => {
            let mut cases = Vec::new();
            let mut rest = expr;
            while let TExprKind::If(condition, then_branch, else_branch) = &rest.kind {
                cases.push((
                    words.condition(condition),
                    scoring(words, then_branch, scale),
                ));
                rest = else_branch;
            }
            Scoring::Cases(cases, Box::new(scoring(words, rest, scale)))
        }
        TExprKind::Arith(ArithOp::Add, ..) => {
            let mut terms = Vec::new();
            collect_sum(expr, &mut terms);
            Scoring::Sum(
                terms
                    .into_iter()
                    .map(|term| scoring(words, term, scale))
                    .collect(),
            )
        }
        TExprKind::Arith(ArithOp::Mul, left, right) => {
            match (
                constant_fraction(words, left),
                constant_fraction(words, right),
            ) {
                (Some(factor), _) => scoring(words, right, scale.saturating_mul(factor)),
                (None, Some(factor)) => scoring(words, left, scale.saturating_mul(factor)),
                (None, None) => formula(words, expr, scale),
            }
        }
        _ => linear(words, expr, scale).unwrap_or_else(|| formula(words, expr, scale)),
    }
}

/// `a + b + c`, left to right, without recursing on the stack.
fn collect_sum<'a>(expr: &'a TExpr, out: &mut Vec<&'a TExpr>) {
    let mut pending = vec![expr];
    while let Some(next) = pending.pop() {
        match &next.kind {
            TExprKind::Arith(ArithOp::Add, left, right) => {
                pending.push(right);
                pending.push(left);
            }
            _ => out.push(next),
        }
    }
}

/// The fraction a constant score stands for: a number as it is, a percent as a
/// fraction (`40%` is 0.4), the value of a parameter of either type.
fn constant_fraction(words: &Words<'_>, expr: &TExpr) -> Option<Decimal> {
    let value = constant_value(words, expr)?;
    match value {
        Value::Number(number) => Some(number),
        Value::Percent(percent) => percent.checked_div(Decimal::ONE_HUNDRED),
        _ => None,
    }
}

fn constant_value(words: &Words<'_>, expr: &TExpr) -> Option<Value> {
    match &expr.kind {
        TExprKind::Const(value) => Some(value.clone()),
        TExprKind::Param(id) => Some(words.pack.params.get(id.0 as usize)?.value.clone()),
        TExprKind::ParamField(id, steps) => words.param_field(*id, steps),
        TExprKind::Neg(inner) => match constant_value(words, inner)? {
            Value::Number(n) => Some(Value::Number(-n)),
            Value::Percent(n) => Some(Value::Percent(-n)),
            Value::Money(n) => Some(Value::Money(-n)),
            _ => None,
        },
        _ => None,
    }
}

/// `(x - a) / d`: 0 points when `x` is `a` or less, all of them from `a + d` on; and
/// `(b - x) / d` the other way round.
fn linear<'a>(words: &Words<'a>, expr: &'a TExpr, scale: Decimal) -> Option<Scoring> {
    let TExprKind::Arith(ArithOp::Div, numerator, denominator) = &expr.kind else {
        return None;
    };
    let TExprKind::Arith(ArithOp::Sub, left, right) = &numerator.kind else {
        return None;
    };
    let span = decimal_of(&constant_value(words, denominator)?)?;
    if span <= Decimal::ZERO {
        return None;
    }
    let (operand, bound, increasing) =
        match (constant_value(words, left), constant_value(words, right)) {
            (None, Some(low)) => (left, low, true),
            (Some(high), None) => (right, high, false),
            _ => return None,
        };
    let other = shifted(&bound, if increasing { span } else { -span })?;
    let (low, high) = if increasing {
        (bound, other)
    } else {
        (other, bound)
    };
    Some(Scoring::Linear {
        operand: words.operand(operand),
        low: words.constant(&low),
        high: words.constant(&high),
        scale,
        increasing,
    })
}

fn decimal_of(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(n) | Value::Percent(n) | Value::Money(n) => Some(*n),
        _ => None,
    }
}

/// The bound plus `by`, in the bound's own unit.
fn shifted(bound: &Value, by: Decimal) -> Option<Value> {
    match bound {
        Value::Number(n) => Some(Value::Number(n.checked_add(by)?.normalize())),
        Value::Percent(n) => Some(Value::Percent(n.checked_add(by)?.normalize())),
        Value::Money(n) => Some(Value::Money(n.checked_add(by)?)),
        _ => None,
    }
}

/// A formula; the ratios to the best offer read as a drafter writes them.
fn formula<'a>(words: &Words<'a>, expr: &'a TExpr, scale: Decimal) -> Scoring {
    if let Some((formula, gloss)) = ratio_to_best(words, expr) {
        return Scoring::Formula {
            formula,
            scale,
            gloss,
            bounded: true,
        };
    }
    if let TExprKind::Count { collection, filter } = &expr.kind {
        return Scoring::PerElement {
            elements: words.elements(collection, filter.as_ref()),
            scale,
        };
    }
    Scoring::Formula {
        formula: words.operand_grouped(expr),
        scale,
        gloss: None,
        // A percent field holds 0 % to 100 % unless its `where` says otherwise.
        bounded: (expr.ty == Ty::Percent && matches!(expr.kind, TExprKind::Field(_)))
            || within_divisor(words, expr),
    }
}

/// `f / c` where the field `f` declares (`where >= 0 and <= c`) that it never exceeds
/// `c`: a fraction of the points, so the formula gives at most all of them.
fn within_divisor(words: &Words<'_>, expr: &TExpr) -> bool {
    let TExprKind::Arith(ArithOp::Div, numerator, denominator) = &expr.kind else {
        return false;
    };
    let TExprKind::Field(field) = &numerator.kind else {
        return false;
    };
    let Some(divisor) = constant_value(words, denominator)
        .as_ref()
        .and_then(decimal_of)
    else {
        return false;
    };
    let Some(bounds) = words.field_bounds(field) else {
        return false;
    };
    matches!(
        (bounds.lower, bounds.upper),
        (Some(low), Some(high)) if low.value >= Decimal::ZERO && high.value <= divisor
    )
}

/// `lowest(f) / f` and `f / highest(f)`: « (prix le plus bas des offres régulières /
/// prix de l'offre) », the price being `f`.
fn ratio_to_best(words: &Words<'_>, expr: &TExpr) -> Option<(Rich, Option<Rich>)> {
    let TExprKind::Arith(ArithOp::Div, numerator, denominator) = &expr.kind else {
        return None;
    };
    let (aggregate, field, lowest) = match (&numerator.kind, &denominator.kind) {
        (TExprKind::Aggregate(id), TExprKind::Field(field)) => (id, field, true),
        (TExprKind::Field(field), TExprKind::Aggregate(id)) => (id, field, false),
        _ => return None,
    };
    let definition = words.pack.aggregates.get(aggregate.0 as usize)?;
    let expected = if lowest {
        AggregateKind::Lowest
    } else {
        AggregateKind::Highest
    };
    if definition.kind != expected || definition.field.text != field.text {
        return None;
    }
    let fr = words.lang == Lang::Fr;
    let is_price = numerator.ty == Ty::Money;
    let (best, offer, gloss) = match (is_price, lowest, fr) {
        (true, true, true) => (
            "prix le plus bas des offres régulières",
            "prix de l'offre",
            "le prix étant ",
        ),
        (true, true, false) => (
            "lowest price among the regular offers",
            "price of the offer",
            "the price being ",
        ),
        (true, false, true) => (
            "prix le plus élevé des offres régulières",
            "prix de l'offre",
            "le prix étant ",
        ),
        (true, false, false) => (
            "highest price among the regular offers",
            "price of the offer",
            "the price being ",
        ),
        (false, true, true) => (
            "valeur la plus basse des offres régulières",
            "valeur de l'offre",
            "la valeur étant ",
        ),
        (false, true, false) => (
            "lowest value among the regular offers",
            "value of the offer",
            "the value being ",
        ),
        (false, false, true) => (
            "valeur la plus élevée des offres régulières",
            "valeur de l'offre",
            "la valeur étant ",
        ),
        (false, false, false) => (
            "highest value among the regular offers",
            "value of the offer",
            "the value being ",
        ),
    };
    // Each lot is awarded separately: the best offer is the lot's, and the document says so.
    let best = match (words.pack.schema.lots.is_empty(), fr) {
        (true, _) => best.to_owned(),
        (false, true) => format!("{best} du lot"),
        (false, false) => format!("{best} on the lot"),
    };
    let formula = if lowest {
        format!("({best} / {offer})")
    } else {
        format!("({offer} / {best})")
    };
    Some((
        Rich::plain(&formula),
        Some(Rich::plain(gloss).join(Rich::code(&field.text))),
    ))
}

impl Scoring {
    /// The most points the scoring can give, when that is known from the rule alone.
    pub(super) fn max_points(&self) -> Option<Decimal> {
        match self {
            Scoring::Points(points) => Some(*points),
            Scoring::Linear { scale, .. } => Some(*scale),
            Scoring::Formula {
                scale,
                bounded: true,
                ..
            } => Some(*scale),
            Scoring::Formula { .. } | Scoring::PerElement { .. } => None,
            Scoring::Cases(cases, otherwise) => cases
                .iter()
                .map(|(_, scoring)| scoring.max_points())
                .chain(std::iter::once(otherwise.max_points()))
                .try_fold(Decimal::MIN, |most, points| Some(most.max(points?))),
            Scoring::Sum(terms) => terms.iter().try_fold(Decimal::ZERO, |sum, term| {
                Some(sum.saturating_add(term.max_points()?))
            }),
        }
    }

    /// The method as one sentence. At the top of a criterion a formula opens with
    /// « Note = »; inside a case or a sum it reads as a number of points.
    pub(super) fn sentence(&self, lang: Lang, top: bool) -> Rich {
        stack::deep(|| self.sentence_node(lang, top))
    }

    fn sentence_node(&self, lang: Lang, top: bool) -> Rich {
        let fr = lang == Lang::Fr;
        match self {
            Scoring::Points(points) if top => Rich::plain(&format!(
                "{}{}",
                score_is(lang),
                points_phrase(*points, lang)
            )),
            Scoring::Points(points) => Rich::plain(&points_phrase(*points, lang)),
            Scoring::Formula {
                formula,
                scale,
                gloss,
                ..
            } => {
                let mut words = if top {
                    Rich::plain(score_is(lang))
                } else {
                    Rich::default()
                };
                words = words
                    .join(formula.clone())
                    .text(&format!(" × {}", number(*scale, lang)));
                if !top {
                    words = words.text(" points");
                }
                if let Some(gloss) = gloss {
                    words = words.text(", ").join(gloss.clone());
                }
                words
            }
            Scoring::PerElement { elements, scale } => {
                let each = if fr { " par " } else { " per " };
                let words = Rich::plain(&points_phrase(*scale, lang))
                    .text(each)
                    .join(elements.clone());
                if top {
                    Rich::plain(score_is(lang)).join(words)
                } else {
                    words
                }
            }
            Scoring::Linear {
                operand,
                low,
                high,
                scale,
                increasing,
            } => {
                let (none, all) = (
                    points_phrase(Decimal::ZERO, lang),
                    points_phrase(*scale, lang),
                );
                let (at_low, at_high) = if *increasing {
                    (none, all)
                } else {
                    (all, none)
                };
                let (when, is, or_less, or_more, between) = if fr {
                    (
                        " si ",
                        " vaut ",
                        " ou moins, ",
                        " ou plus",
                        ", et proportionnellement entre les deux",
                    )
                } else {
                    (
                        " if ",
                        " is ",
                        " or less, ",
                        " or more",
                        ", and in proportion in between",
                    )
                };
                Rich::plain(&at_low)
                    .text(when)
                    .join(operand.clone())
                    .text(is)
                    .join(low.clone())
                    .text(or_less)
                    .text(&at_high)
                    .text(when)
                    .join(operand.clone())
                    .text(is)
                    .join(high.clone())
                    .text(or_more)
                    .text(between)
            }
            Scoring::Cases(cases, otherwise) => {
                let (when, otherwise_word, last) = if fr {
                    (" si ", " ; sinon, ", " sinon")
                } else {
                    (" if ", "; otherwise ", " otherwise")
                };
                let mut words = Rich::default();
                for (index, (condition, scoring)) in cases.iter().enumerate() {
                    if index > 0 {
                        words = words.text(otherwise_word);
                    }
                    // A scoring with cases of its own reads after its condition:
                    // « si … : (15 points si … ; sinon, 7,5 points) ».
                    words = if scoring.has_parts() {
                        words
                            .text(when.trim_start())
                            .join(condition.clone())
                            .text(if fr { " : " } else { ": " })
                            .join(scoring.branch(lang))
                    } else {
                        words
                            .join(scoring.branch(lang))
                            .text(when)
                            .join(condition.clone())
                    };
                }
                if cases.len() == 1 {
                    words.text(", ").join(otherwise.branch(lang)).text(last)
                } else {
                    words.text(otherwise_word).join(otherwise.branch(lang))
                }
            }
            Scoring::Sum(terms) => {
                let mut words = Rich::default();
                for (index, term) in terms.iter().enumerate() {
                    if index > 0 {
                        words = words.text(" + ");
                    }
                    words = words.join(term.branch(lang));
                }
                words
            }
        }
    }

    /// Whether the scoring reads as several phrases, which another must bracket.
    fn has_parts(&self) -> bool {
        matches!(
            self,
            Scoring::Cases(..)
                | Scoring::Sum(..)
                | Scoring::Linear { .. }
                | Scoring::Formula { gloss: Some(_), .. }
        )
    }

    /// The scoring inside a case or a sum: bracketed when it has parts of its own.
    fn branch(&self, lang: Lang) -> Rich {
        let words = self.sentence(lang, false);
        if self.has_parts() {
            Rich::plain("(").join(words).text(")")
        } else {
            words
        }
    }
}

/// What opens a formula: `Note = ` in French, `Score = ` in English.
fn score_is(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Note = ",
        Lang::En => "Score = ",
    }
}

/// `8 points`, `1,5 point`, `0 point` in French (the singular below two); `1 point`,
/// `0 points` in English.
pub(super) fn points_phrase(points: Decimal, lang: Lang) -> String {
    let amount = number(points, lang);
    let singular = match lang {
        Lang::Fr => points.abs() < Decimal::TWO,
        Lang::En => points == Decimal::ONE,
    };
    format!("{amount} {}", if singular { "point" } else { "points" })
}

//! Conditions and values in words, for the text of a cahier des charges: simple
//! conditions read as sentences (`gdpr.health_data` est vrai), others are shown as
//! written; values are written the way the language of the document writes them.

use clausier_check::hir::{ArithOp, CheckedPack, LocalId, TExpr, TExprKind};
use clausier_check::types::{Schema, Ty};
use clausier_check::value::{Duration, Value};
use clausier_diagnostics::stack;
use clausier_eval::print::expr_to_string;
use clausier_syntax::ast::{CompareOp, QuantifierKind};

use super::{Lang, Rich};

/// A condition as a sentence, or `None` when it is not simple enough to say without
/// ambiguity (then it is shown as written).
pub(super) fn condition(pack: &CheckedPack, expr: &TExpr, lang: Lang) -> Option<Rich> {
    Words {
        pack,
        lang,
        locals: Vec::new(),
    }
    .condition(expr)
}

struct Words<'a> {
    pack: &'a CheckedPack,
    lang: Lang,
    /// The variables bound around the condition being said, with their names.
    locals: Vec<(LocalId, &'a str)>,
}

impl<'a> Words<'a> {
    fn fr(&self) -> bool {
        self.lang == Lang::Fr
    }

    fn condition(&self, expr: &'a TExpr) -> Option<Rich> {
        stack::deep(|| self.condition_node(expr))
    }

    fn condition_node(&self, expr: &'a TExpr) -> Option<Rich> {
        match &expr.kind {
            TExprKind::Field(field) if expr.ty == Ty::Bool => {
                Some(Rich::code(&field.text).text(if self.fr() { " est vrai" } else { " is true" }))
            }
            TExprKind::Local(_) if expr.ty == Ty::Bool => {
                let name = self.operand(expr)?;
                Some(name.text(if self.fr() { " est vrai" } else { " is true" }))
            }
            TExprKind::Has(field) => Some(Rich::code(&field.text).text(if self.fr() {
                " est renseigné"
            } else {
                " is given"
            })),
            TExprKind::Not(inner) => match &inner.kind {
                TExprKind::Field(field) if inner.ty == Ty::Bool => {
                    Some(Rich::code(&field.text).text(if self.fr() {
                        " est faux"
                    } else {
                        " is false"
                    }))
                }
                TExprKind::Has(field) => Some(Rich::code(&field.text).text(if self.fr() {
                    " n'est pas renseigné"
                } else {
                    " is not given"
                })),
                _ => None,
            },
            TExprKind::Compare(op, left, right) => {
                let left = self.operand(left)?;
                let right = self.operand(right)?;
                Some(
                    left.text(" ")
                        .text(self.compare_word(*op))
                        .text(" ")
                        .join(right),
                )
            }
            TExprKind::In(item, collection) => {
                let item = self.operand(item)?;
                let values = self.listing(collection)?;
                let word = if self.fr() {
                    " est l'une des valeurs "
                } else {
                    " is one of "
                };
                Some(item.text(word).join(values))
            }
            TExprKind::And(left, right) => self.connect(expr, left, right, "et", "and"),
            TExprKind::Or(left, right) => self.connect(expr, left, right, "ou", "or"),
            TExprKind::Implies(left, right) => {
                let left = self.condition(left)?;
                let right = self.condition(right)?;
                let (when, then) = if self.fr() {
                    ("si ", ", alors ")
                } else {
                    ("if ", ", then ")
                };
                Some(Rich::plain(when).join(left).text(then).join(right))
            }
            TExprKind::Quantifier {
                kind,
                var,
                var_name,
                collection,
                body,
            } => self.quantifier(*kind, (*var, var_name), collection, body),
            _ => None,
        }
    }

    /// `a and b`, `a or b`; a mix of both would need parentheses that words do not have.
    fn connect(
        &self,
        whole: &TExpr,
        left: &'a TExpr,
        right: &'a TExpr,
        fr: &str,
        en: &str,
    ) -> Option<Rich> {
        let is_and = matches!(whole.kind, TExprKind::And(..));
        let mixes = |side: &TExpr| match side.kind {
            TExprKind::And(..) => !is_and,
            TExprKind::Or(..) => is_and,
            TExprKind::Implies(..) => true,
            // `for every s in xs, a and b` would not say where the body ends.
            TExprKind::Quantifier { ref body, .. } => !is_membership(body),
            _ => false,
        };
        if mixes(left) || mixes(right) {
            return None;
        }
        let left = self.condition(left)?;
        let right = self.condition(right)?;
        let word = if self.fr() { fr } else { en };
        Some(left.text(&format!(" {word} ")).join(right))
    }

    fn quantifier(
        &self,
        kind: QuantifierKind,
        (var, var_name): (LocalId, &'a str),
        collection: &'a TExpr,
        body: &'a TExpr,
    ) -> Option<Rich> {
        let collection_words = self.operand(collection)?;
        // `any u in xs: u in [A, B]`: the collection holds one of the values.
        if let TExprKind::In(_, values) = &body.kind
            && is_membership(body)
        {
            let values = self.listing(values)?;
            let word = match (kind, self.fr()) {
                (QuantifierKind::Any, true) => " contient au moins l'une des valeurs ",
                (QuantifierKind::Any, false) => " holds at least one of ",
                (QuantifierKind::All, true) => " ne contient que des valeurs parmi ",
                (QuantifierKind::All, false) => " holds only values among ",
            };
            return Some(collection_words.text(word).join(values));
        }
        let mut inner = Words {
            pack: self.pack,
            lang: self.lang,
            locals: self.locals.clone(),
        };
        inner.locals.push((var, var_name));
        let body = inner.condition(body)?;
        let (before, middle) = match (kind, self.fr()) {
            (QuantifierKind::All, true) => ("pour chaque élément ", " de "),
            (QuantifierKind::All, false) => ("for every ", " in "),
            (QuantifierKind::Any, true) => ("pour au moins un élément ", " de "),
            (QuantifierKind::Any, false) => ("for at least one ", " in "),
        };
        Some(
            Rich::plain(before)
                .join(Rich::code(var_name))
                .text(middle)
                .join(collection_words)
                .text(", ")
                .join(body),
        )
    }

    fn compare_word(&self, op: CompareOp) -> &'static str {
        match (op, self.fr()) {
            (CompareOp::Eq, true) => "vaut",
            (CompareOp::Ne, true) => "est différent de",
            (CompareOp::Lt, true) => "est inférieur à",
            (CompareOp::Le, true) => "est au plus",
            (CompareOp::Gt, true) => "est supérieur à",
            (CompareOp::Ge, true) => "est au moins",
            (CompareOp::Eq, false) => "is",
            (CompareOp::Ne, false) => "is not",
            (CompareOp::Lt, false) => "is less than",
            (CompareOp::Le, false) => "is at most",
            (CompareOp::Gt, false) => "is more than",
            (CompareOp::Ge, false) => "is at least",
        }
    }

    /// A value a condition compares: a field, a parameter with its value, a constant,
    /// the evaluation date; anything else as written.
    fn operand(&self, expr: &TExpr) -> Option<Rich> {
        stack::deep(|| self.operand_node(expr))
    }

    fn operand_node(&self, expr: &TExpr) -> Option<Rich> {
        match &expr.kind {
            TExprKind::Field(field) => Some(Rich::code(&field.text)),
            TExprKind::Local(local) => self
                .locals
                .iter()
                .rev()
                .find(|(id, _)| id == local)
                .map(|(_, name)| Rich::code(name)),
            TExprKind::Param(id) => {
                let param = self.pack.params.get(id.0 as usize)?;
                let value = value(&param.value, &self.pack.schema, self.lang);
                Some(Rich::code(&param.name).text(&format!(" ({value})")))
            }
            TExprKind::Const(constant) => Some(self.constant(constant)),
            TExprKind::Arith(op @ (ArithOp::Add | ArithOp::Sub), left, right)
                if is_simple(left) && is_simple(right) =>
            {
                let word = match (op, self.fr()) {
                    (ArithOp::Add, true) => " plus ",
                    (ArithOp::Sub, true) => " moins ",
                    (ArithOp::Add, false) => " plus ",
                    _ => " minus ",
                };
                Some(self.operand(left)?.text(word).join(self.operand(right)?))
            }
            TExprKind::Today => Some(Rich::plain(if self.fr() {
                "la date d'évaluation"
            } else {
                "the evaluation date"
            })),
            // A bound variable prints only with its quantifier.
            _ if mentions_local(expr) => None,
            _ => Some(Rich::code(&expr_to_string(self.pack, expr))),
        }
    }

    /// A constant: enum values and strings as a descriptor writes them, in code; other
    /// values in words.
    fn constant(&self, constant: &Value) -> Rich {
        match constant {
            Value::Enum(..) | Value::String(_) => {
                Rich::code(&constant.display(&self.pack.schema).to_string())
            }
            _ => Rich::plain(&value(constant, &self.pack.schema, self.lang)),
        }
    }

    /// `EU, EEA` for a list of constants; `None` for anything else.
    fn listing(&self, expr: &TExpr) -> Option<Rich> {
        match &expr.kind {
            TExprKind::Const(Value::List(items)) => {
                let mut words = Rich::default();
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        words = words.text(", ");
                    }
                    words = words.join(self.constant(item));
                }
                Some(words)
            }
            TExprKind::List(items) => {
                let mut words = Rich::default();
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        words = words.text(", ");
                    }
                    words = words.join(self.operand(item)?);
                }
                Some(words)
            }
            _ => None,
        }
    }
}

/// An operand that reads as a word or two: a field, a parameter, a constant, today.
fn is_simple(expr: &TExpr) -> bool {
    matches!(
        expr.kind,
        TExprKind::Field(_) | TExprKind::Param(_) | TExprKind::Const(_) | TExprKind::Today
    )
}

/// `u in [A, B]` with `u` the quantifier's own variable.
fn is_membership(body: &TExpr) -> bool {
    matches!(&body.kind, TExprKind::In(item, _) if matches!(item.kind, TExprKind::Local(_)))
}

/// Whether a variable bound by a quantifier appears in the expression.
fn mentions_local(expr: &TExpr) -> bool {
    stack::deep(|| node_mentions_local(expr))
}

fn node_mentions_local(expr: &TExpr) -> bool {
    use clausier_check::hir::FieldRoot;
    match &expr.kind {
        TExprKind::Local(_) => true,
        TExprKind::Field(field) | TExprKind::Has(field) => {
            matches!(field.root, FieldRoot::Local(_))
        }
        TExprKind::Const(_)
        | TExprKind::Param(_)
        | TExprKind::Today
        | TExprKind::Aggregate(_)
        | TExprKind::Passed(_) => false,
        TExprKind::List(items) => items.iter().any(mentions_local),
        TExprKind::Not(inner) | TExprKind::Neg(inner) => mentions_local(inner),
        TExprKind::And(a, b)
        | TExprKind::Or(a, b)
        | TExprKind::Implies(a, b)
        | TExprKind::Compare(_, a, b)
        | TExprKind::Arith(_, a, b)
        | TExprKind::In(a, b) => mentions_local(a) || mentions_local(b),
        TExprKind::Quantifier {
            collection, body, ..
        } => mentions_local(collection) || mentions_local(body),
        TExprKind::Count { collection, filter } => {
            mentions_local(collection)
                || filter
                    .as_ref()
                    .is_some_and(|(_, _, condition)| mentions_local(condition))
        }
        TExprKind::If(a, b, c) => mentions_local(a) || mentions_local(b) || mentions_local(c),
    }
}

/// A value as the document's language writes it: `8,00 €`, `75 %`, `3 ans`,
/// `2 décembre 2027` in French; `8.00 €`, `75%`, `3 years`, `2 December 2027` in English.
pub(super) fn value(value: &Value, schema: &Schema, lang: Lang) -> String {
    match (value, lang) {
        (Value::Number(_) | Value::Money(_), Lang::Fr) => {
            value.display(schema).to_string().replace('.', ",")
        }
        (Value::Percent(percent), Lang::Fr) => {
            format!("{} %", percent.normalize().to_string().replace('.', ","))
        }
        (Value::Duration(duration), Lang::Fr) => french_duration(*duration),
        (Value::Date(date), _) => {
            let month = usize::try_from(date.month() - 1).unwrap_or(0);
            let names = match lang {
                Lang::Fr => FRENCH_MONTHS,
                Lang::En => ENGLISH_MONTHS,
            };
            let day = if lang == Lang::Fr && date.day() == 1 {
                "1er".to_owned()
            } else {
                date.day().to_string()
            };
            format!("{day} {} {}", names.get(month).unwrap_or(&""), date.year())
        }
        (Value::List(items), _) => items
            .iter()
            .map(|item| self::value(item, schema, lang))
            .collect::<Vec<_>>()
            .join(", "),
        (Value::String(text), Lang::Fr) => format!("« {text} »"),
        _ => value.display(schema).to_string(),
    }
}

const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `3 ans`, `2 mois`, `1 an et 6 mois`, `30 jours`.
fn french_duration(duration: Duration) -> String {
    let count = |n: i64, one: &str, many: &str| {
        if n.abs() <= 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut parts = Vec::new();
    let (years, months) = (duration.months / 12, duration.months % 12);
    if years != 0 {
        parts.push(count(years, "an", "ans"));
    }
    if months != 0 {
        parts.push(format!("{months} mois"));
    }
    if duration.days != 0 || parts.is_empty() {
        parts.push(count(duration.days, "jour", "jours"));
    }
    parts.join(" et ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn values_in_french_and_english() {
        let schema = Schema::default();
        let price = Value::Money(Decimal::new(8, 0));
        assert_eq!(value(&price, &schema, Lang::Fr), "8,00 €");
        assert_eq!(value(&price, &schema, Lang::En), "8.00 €");
        let rate = Value::Percent(Decimal::new(875, 1));
        assert_eq!(value(&rate, &schema, Lang::Fr), "87,5 %");
        assert_eq!(value(&rate, &schema, Lang::En), "87.5%");
        let date = Value::Date(jiff::civil::date(2027, 12, 2));
        assert_eq!(value(&date, &schema, Lang::Fr), "2 décembre 2027");
        assert_eq!(value(&date, &schema, Lang::En), "2 December 2027");
        let first = Value::Date(jiff::civil::date(2026, 8, 1));
        assert_eq!(value(&first, &schema, Lang::Fr), "1er août 2026");
    }

    #[test]
    fn durations_in_french() {
        assert_eq!(french_duration(Duration::new(36, 0)), "3 ans");
        assert_eq!(french_duration(Duration::new(2, 0)), "2 mois");
        assert_eq!(french_duration(Duration::new(18, 0)), "1 an et 6 mois");
        assert_eq!(french_duration(Duration::new(0, 30)), "30 jours");
        assert_eq!(french_duration(Duration::new(0, 1)), "1 jour");
        assert_eq!(french_duration(Duration::new(0, 0)), "0 jour");
    }
}

//! Conditions and values in words, for the text of a tender: every form of the language
//! reads as French or English prose (`hosting.region` est l'une des valeurs `EU`, `EEA`),
//! never as the expression it was written as. Descriptor fields and the values a vendor
//! writes stay in code, because that is what the vendor fills in; arithmetic uses the
//! signs a drafter writes (+, −, ×, /); parameters are replaced by their values.

use clausier_check::bounds::FieldBounds;
use clausier_check::hir::{
    ArithOp, CheckedPack, FieldRef, FieldStep, LocalId, ParamId, TExpr, TExprKind,
};
use clausier_check::text_functions::TextCheck;
use clausier_check::types::{Schema, Ty};
use clausier_check::value::{Duration, Value};
use clausier_diagnostics::stack;
use clausier_syntax::ast::{AggregateKind, CompareOp, ListAggregateKind, QuantifierKind};
use clausier_syntax::lexicon::{ENGLISH_MONTHS, FRENCH_MONTHS};
use jiff::civil::Time;

use super::{Lang, Rich, Run};

/// How an expression is put in words, for one document.
#[derive(Clone)]
pub(super) struct Words<'a> {
    pub(super) pack: &'a CheckedPack,
    pub(super) lang: Lang,
    /// Whether the tender gives a deadline for offers: `today` is then read as it, the
    /// date every offer is checked at.
    pub(super) deadline_known: bool,
    /// The variables bound around the expression being said, with their names.
    locals: Vec<(LocalId, &'a str)>,
    /// The variable that stands for one line of an inventory, whose name a reader has
    /// no use for: its fields are said without it (`supplier.jurisdiction`).
    entry_variable: Option<&'a str>,
}

/// How tightly an operand binds, to know when it needs brackets: a sum inside a product
/// does, a field never does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Binding {
    /// A phrase that runs to its end (`… si …, … sinon`, `… tels que …`).
    Phrase,
    Sum,
    Product,
    Atom,
}

impl<'a> Words<'a> {
    pub(super) fn new(pack: &'a CheckedPack, lang: Lang, deadline_known: bool) -> Self {
        Words {
            pack,
            lang,
            deadline_known,
            locals: Vec::new(),
            entry_variable: None,
        }
    }

    /// These words for an expression on one line of an inventory, bound to `variable`.
    pub(super) fn for_entry(&self, variable: &'a str) -> Words<'a> {
        let mut inner = self.clone();
        inner.entry_variable = Some(variable);
        inner
    }

    /// A field's path as the reader reads it: without the variable of an inventory line.
    fn path<'b>(&self, text: &'b str) -> &'b str {
        self.entry_variable
            .and_then(|variable| text.strip_prefix(variable))
            .and_then(|rest| rest.strip_prefix('.'))
            .unwrap_or(text)
    }

    pub(super) fn fr(&self) -> bool {
        self.lang == Lang::Fr
    }

    pub(super) fn say(&self, fr: &str, en: &str) -> String {
        if self.fr() { fr } else { en }.to_owned()
    }

    /// A condition as a sentence.
    pub(super) fn condition(&self, expr: &'a TExpr) -> Rich {
        stack::deep(|| self.condition_node(expr))
    }

    fn condition_node(&self, expr: &'a TExpr) -> Rich {
        match &expr.kind {
            TExprKind::Field(_) | TExprKind::Local(_) if expr.ty == Ty::Bool => {
                self.operand(expr).text(&self.say(" est vrai", " is true"))
            }
            TExprKind::Has(field) => {
                Rich::code(self.path(&field.text)).text(&self.say(" est renseigné", " is given"))
            }
            TExprKind::Not(inner) => self.negation(inner),
            TExprKind::Compare(op, left, right) => self.comparison(*op, left, right, false),
            TExprKind::In(item, collection) => self.membership(item, collection, false),
            TExprKind::Passed(index) => self.passed(*index, false),
            TExprKind::TextCheck { check, text } => self.text_check(check, text, false),
            TExprKind::And(..) | TExprKind::Or(..) => self.chain(expr),
            TExprKind::Implies(left, right) => {
                let (when, then) = if self.fr() {
                    ("si ", ", alors ")
                } else {
                    ("if ", ", ")
                };
                Rich::plain(when)
                    .join(self.part(left))
                    .text(then)
                    .join(self.part(right))
            }
            TExprKind::Quantifier {
                kind,
                var,
                var_name,
                collection,
                body,
            } => self.quantifier(*kind, (*var, var_name), collection, body),
            TExprKind::If(condition, then_branch, else_branch) => {
                let (when, then, otherwise) = if self.fr() {
                    ("si ", ", alors ", " ; sinon, ")
                } else {
                    ("if ", ", ", "; otherwise, ")
                };
                Rich::plain(when)
                    .join(self.part(condition))
                    .text(then)
                    .join(self.part(then_branch))
                    .text(otherwise)
                    .join(self.part(else_branch))
            }
            _ => self.operand(expr),
        }
    }

    /// `not …`, said as the opposite when there is a word for it.
    fn negation(&self, inner: &'a TExpr) -> Rich {
        match &inner.kind {
            TExprKind::Field(_) | TExprKind::Local(_) if inner.ty == Ty::Bool => self
                .operand(inner)
                .text(&self.say(" est faux", " is false")),
            TExprKind::Has(field) => Rich::code(self.path(&field.text))
                .text(&self.say(" n'est pas renseigné", " is not given")),
            TExprKind::Compare(op, left, right) => self.comparison(*op, left, right, true),
            TExprKind::In(item, collection) => self.membership(item, collection, true),
            TExprKind::Passed(index) => self.passed(*index, true),
            TExprKind::TextCheck { check, text } => self.text_check(check, text, true),
            TExprKind::Not(twice) => self.condition(twice),
            _ => Rich::plain(&self.say("il est faux que ", "it is not the case that "))
                .join(self.part(inner)),
        }
    }

    /// `siret(fournisseur.siret)`: « `fournisseur.siret` est un numéro SIRET valide »;
    /// `matches(site, "^https://")`: « `site` correspond au motif `^https://` ».
    fn text_check(&self, check: &TextCheck, text: &'a TExpr, negated: bool) -> Rich {
        let subject = self.operand_within(text, Binding::Atom);
        let (is, is_not) = if self.fr() {
            (" est ", " n'est pas ")
        } else {
            (" is ", " is not ")
        };
        let verb = if negated { is_not } else { is };
        match check {
            TextCheck::Matches(pattern) => {
                let (fr, en) = if negated {
                    (
                        " ne correspond pas au motif ",
                        " does not match the pattern ",
                    )
                } else {
                    (" correspond au motif ", " matches the pattern ")
                };
                subject.text(&self.say(fr, en)).join(Rich::code(pattern))
            }
            TextCheck::Siret => subject.text(verb).text(&self.say(
                "un numéro SIRET valide (14 chiffres, clé de Luhn)",
                "a valid SIRET number (14 digits, Luhn key)",
            )),
            TextCheck::Uai => subject.text(verb).text(&self.say(
                "un code UAI valide (7 chiffres et leur lettre clé)",
                "a valid UAI code (7 digits and their key letter)",
            )),
            TextCheck::HttpsUrl => subject
                .text(verb)
                .text(&self.say("une adresse web en https", "an https web address")),
        }
    }

    /// `l'exigence ACC-02 (Taux de conformité RGAA) est satisfaite`: a requirement passed,
    /// or did not apply to the offer.
    fn passed(&self, index: usize, negated: bool) -> Rich {
        let Some(requirement) = self.pack.requirements.get(index) else {
            return Rich::plain("?");
        };
        let meta = &requirement.meta;
        let (before, after) = match (negated, self.fr()) {
            (false, true) => ("l'exigence ", " est satisfaite"),
            (true, true) => ("l'exigence ", " n'est pas satisfaite"),
            (false, false) => ("requirement ", " is met"),
            (true, false) => ("requirement ", " is not met"),
        };
        Rich::plain(&format!("{before}{} ({}){after}", meta.id, meta.title))
    }

    /// A condition inside a larger one: bracketed when it has parts of its own.
    fn part(&self, expr: &'a TExpr) -> Rich {
        let words = self.condition(expr);
        if is_compound(expr) {
            Rich::plain("(").join(words).text(")")
        } else {
            words
        }
    }

    /// `a and b and c`, `a or b`: one list, each condition bracketed when it mixes the
    /// other connective, so that the words keep the grouping of the rule.
    fn chain(&self, expr: &'a TExpr) -> Rich {
        let is_and = matches!(expr.kind, TExprKind::And(..));
        let mut parts = Vec::new();
        collect_chain(expr, is_and, &mut parts);
        let word = match (is_and, self.fr()) {
            (true, true) => ", et ",
            (false, true) => ", ou ",
            (true, false) => ", and ",
            (false, false) => ", or ",
        };
        let mut words = Rich::default();
        for (index, part) in parts.into_iter().enumerate() {
            if index > 0 {
                words = words.text(word);
            }
            words = words.join(self.part(part));
        }
        words
    }

    fn membership(&self, item: &'a TExpr, collection: &'a TExpr, negated: bool) -> Rich {
        if let Some(days) = self.listed_value(collection)
            && let Some(words) = self.weekday_membership(item, &days, negated)
        {
            return words;
        }
        let item = self.operand(item);
        // `k in m`: the table has an entry for the key.
        if let Ty::Map(..) = collection.ty {
            let table = self.table_name(collection);
            let word = match (negated, self.fr()) {
                (false, true) => (" a une entrée pour ", "la table "),
                (true, true) => (" n'a pas d'entrée pour ", "la table "),
                (false, false) => (" has an entry for ", "the table "),
                (true, false) => (" has no entry for ", "the table "),
            };
            return Rich::plain(word.1).join(table).text(word.0).join(item);
        }
        match self.listing(collection) {
            Some(values) => {
                let word = match (negated, self.fr()) {
                    (false, true) => " est l'une des valeurs ",
                    (true, true) => " n'est aucune des valeurs ",
                    (false, false) => " is one of ",
                    (true, false) => " is none of ",
                };
                item.text(word).join(values)
            }
            None => {
                let word = match (negated, self.fr()) {
                    (false, true) => " figure dans ",
                    (true, true) => " ne figure pas dans ",
                    (false, false) => " is in ",
                    (true, false) => " is not in ",
                };
                item.text(word).join(self.operand(collection))
            }
        }
    }

    fn quantifier(
        &self,
        kind: QuantifierKind,
        (var, var_name): (LocalId, &'a str),
        collection: &'a TExpr,
        body: &'a TExpr,
    ) -> Rich {
        let collection_words = self.operand(collection);
        // `any u in xs: u in [A, B]`: the collection holds one of the values.
        if let TExprKind::In(item, values) = &body.kind
            && matches!(item.kind, TExprKind::Local(local) if local == var)
            && let Some(values) = self.listing(values)
        {
            let word = match (kind, self.fr()) {
                (QuantifierKind::Any, true) => " contient au moins l'une des valeurs ",
                (QuantifierKind::Any, false) => " holds at least one of ",
                (QuantifierKind::All, true) => " ne contient que des valeurs parmi ",
                (QuantifierKind::All, false) => " holds only values among ",
            };
            return collection_words.text(word).join(values);
        }
        let inner = self.binding(var, var_name);
        let body = inner.condition(body);
        let (before, middle) = match (kind, self.fr()) {
            (QuantifierKind::All, true) => ("pour chaque élément ", " de "),
            (QuantifierKind::All, false) => ("for every element ", " of "),
            (QuantifierKind::Any, true) => ("pour au moins un élément ", " de "),
            (QuantifierKind::Any, false) => ("for at least one element ", " of "),
        };
        Rich::plain(before)
            .join(Rich::code(var_name))
            .text(middle)
            .join(collection_words)
            .text(", ")
            .join(body)
    }

    /// The values a descriptor field admits, its `where` and its type's own bounds.
    pub(super) fn field_bounds(&self, field: &FieldRef) -> Option<FieldBounds> {
        let step = field.steps.last()?;
        let (_, def) = self.pack.schema.record(step.record)?.field_at(step.field)?;
        Some(def.bounds())
    }

    /// These words with one more variable bound.
    fn binding(&self, var: LocalId, name: &'a str) -> Words<'a> {
        let mut inner = self.clone();
        inner.locals.push((var, name));
        inner
    }

    /// `a ≥ b` in words. Dates are compared in time (« postérieure ou égale à »), never
    /// as quantities: « au moins 3 ans avant » would say the opposite of the rule.
    fn comparison(&self, op: CompareOp, left: &'a TExpr, right: &'a TExpr, negated: bool) -> Rich {
        let left_words = self.operand(left);
        let right_words = self.operand(right);
        if left.ty == Ty::Time || right.ty == Ty::Time {
            let word = time_compare_word(op, negated, self.fr());
            return left_words.text(" ").text(word).text(" ").join(right_words);
        }
        let moment = |ty: &Ty| matches!(ty, Ty::Date | Ty::DateTime);
        if moment(&left.ty) || moment(&right.ty) {
            let word = self.date_compare_word(op, negated);
            // « à » before a noun (« à la date d'analyse »), « au » before a day (« au 2 décembre »).
            let starts_with_day = right_words.runs.first().is_some_and(|run| match run {
                Run::Text(text) | Run::Code(text) => text.starts_with(|c: char| c.is_ascii_digit()),
            });
            let joined = match (self.fr(), word.strip_suffix(" à")) {
                (true, Some(stem)) if starts_with_day => format!("{stem} au "),
                _ => format!("{word} "),
            };
            return left_words.text(" ").text(&joined).join(right_words);
        }
        let word = if left.ty == Ty::Duration && right.ty == Ty::Duration {
            self.duration_compare_word(op, negated)
        } else {
            self.compare_word(op, negated)
        };
        left_words.text(" ").text(word).text(" ").join(right_words)
    }

    /// Durations are lengths, as a drafter writes a delay: « le délai est d'au plus
    /// 48 heures », not « est au plus 48 heures ».
    fn duration_compare_word(&self, op: CompareOp, negated: bool) -> &'static str {
        let op = if negated { negate(op) } else { op };
        match (op, self.fr()) {
            (CompareOp::Lt, true) => "est de moins de",
            (CompareOp::Le, true) => "est d'au plus",
            (CompareOp::Gt, true) => "est de plus de",
            (CompareOp::Ge, true) => "est d'au moins",
            _ => self.compare_word(op, false),
        }
    }

    fn date_compare_word(&self, op: CompareOp, negated: bool) -> &'static str {
        let op = if negated { negate(op) } else { op };
        match (op, self.fr()) {
            (CompareOp::Eq, true) => "est le",
            (CompareOp::Ne, true) => "n'est pas le",
            (CompareOp::Lt, true) => "est antérieure à",
            (CompareOp::Le, true) => "est antérieure ou égale à",
            (CompareOp::Gt, true) => "est postérieure à",
            (CompareOp::Ge, true) => "est postérieure ou égale à",
            (CompareOp::Eq, false) => "is",
            (CompareOp::Ne, false) => "is not",
            (CompareOp::Lt, false) => "is before",
            (CompareOp::Le, false) => "is on or before",
            (CompareOp::Gt, false) => "is after",
            (CompareOp::Ge, false) => "is on or after",
        }
    }

    fn compare_word(&self, op: CompareOp, negated: bool) -> &'static str {
        let op = if negated { negate(op) } else { op };
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

    /// A value: a field, a parameter's value, a constant, the evaluation date, a sum or a
    /// product of them, a count; a condition used as a value is bracketed.
    pub(super) fn operand(&self, expr: &'a TExpr) -> Rich {
        self.operand_within(expr, Binding::Phrase)
    }

    /// The operand, bracketed when it binds more loosely than `context` requires.
    fn operand_within(&self, expr: &'a TExpr, context: Binding) -> Rich {
        stack::deep(|| {
            let (words, binding) = self.operand_node(expr);
            if binding < context {
                Rich::plain("(").join(words).text(")")
            } else {
                words
            }
        })
    }

    /// The operand, bracketed unless it is a single word: `(a / 30)`, as the factor of a
    /// formula.
    pub(super) fn operand_grouped(&self, expr: &'a TExpr) -> Rich {
        self.operand_within(expr, Binding::Atom)
    }

    /// The elements a count counts: `élément de `xs``, `élément `s` de `xs` tel que …`.
    pub(super) fn elements(
        &self,
        collection: &'a TExpr,
        filter: Option<&'a (LocalId, String, Box<TExpr>)>,
    ) -> Rich {
        let collection_words = self.operand_within(collection, Binding::Atom);
        match filter {
            None => Rich::plain(&self.say("élément de ", "element of ")).join(collection_words),
            Some((var, name, condition)) => {
                let inner = self.binding(*var, name);
                let (before, middle, such) = if self.fr() {
                    ("élément ", " de ", " tel que ")
                } else {
                    ("element ", " of ", " such that ")
                };
                Rich::plain(before)
                    .join(Rich::code(name))
                    .text(middle)
                    .join(collection_words)
                    .text(such)
                    .join(inner.condition(condition))
            }
        }
    }

    fn operand_node(&self, expr: &'a TExpr) -> (Rich, Binding) {
        match &expr.kind {
            TExprKind::Field(field) => (Rich::code(self.path(&field.text)), Binding::Atom),
            TExprKind::Local(local) => {
                let name = self
                    .locals
                    .iter()
                    .rev()
                    .find(|(id, _)| id == local)
                    .map_or("?", |(_, name)| name);
                (Rich::code(name), Binding::Atom)
            }
            TExprKind::Param(id) => match self.pack.params.get(id.0 as usize) {
                Some(param) => (self.constant(&param.value), Binding::Atom),
                None => (Rich::plain("?"), Binding::Atom),
            },
            TExprKind::ParamField(id, steps) => match self.param_field(*id, steps) {
                Some(value) => (self.constant(&value), Binding::Atom),
                None => (Rich::plain("?"), Binding::Atom),
            },
            TExprKind::Const(constant) => (self.constant(constant), Binding::Atom),
            TExprKind::Today => (Rich::plain(&self.today()), Binding::Atom),
            TExprKind::Aggregate(id) => (self.aggregate(id.0 as usize), Binding::Atom),
            TExprKind::List(items) => {
                let mut words = Rich::default();
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        words = words.text(", ");
                    }
                    words = words.join(self.operand_within(item, Binding::Sum));
                }
                (words, Binding::Phrase)
            }
            TExprKind::Neg(inner) => (
                Rich::plain("−").join(self.operand_within(inner, Binding::Atom)),
                Binding::Product,
            ),
            TExprKind::Arith(op, left, right) => self.arithmetic(*op, left, right),
            TExprKind::Count { collection, filter } => {
                let collection_words = self.operand_within(collection, Binding::Atom);
                match filter {
                    None => (
                        Rich::plain(
                            &self.say("le nombre d'éléments de ", "the number of elements of "),
                        )
                        .join(collection_words),
                        Binding::Atom,
                    ),
                    Some((var, name, condition)) => {
                        let inner = self.binding(*var, name);
                        let (before, middle, such) = if self.fr() {
                            ("le nombre d'éléments ", " de ", " tels que ")
                        } else {
                            ("the number of elements ", " of ", " such that ")
                        };
                        (
                            Rich::plain(before)
                                .join(Rich::code(name))
                                .text(middle)
                                .join(collection_words)
                                .text(such)
                                .join(inner.condition(condition)),
                            Binding::Phrase,
                        )
                    }
                }
            }
            TExprKind::ListAggregate {
                kind,
                collection,
                projection,
            } => self.list_aggregate(*kind, collection, projection.as_ref()),
            TExprKind::Index(table, key) => (self.entry(table, key), Binding::Atom),
            TExprKind::Weekday { of, .. } => (
                self.day_of_week(self.operand_within(of, Binding::Atom)),
                Binding::Atom,
            ),
            TExprKind::BusinessDuration(args) => (self.business_duration(args), Binding::Atom),
            TExprKind::If(condition, then_branch, else_branch) => {
                let (when, otherwise) = if self.fr() {
                    (" si ", ", sinon ")
                } else {
                    (" if ", ", otherwise ")
                };
                (
                    self.operand_within(then_branch, Binding::Sum)
                        .text(when)
                        .join(self.part(condition))
                        .text(otherwise)
                        .join(self.operand_within(else_branch, Binding::Sum)),
                    Binding::Phrase,
                )
            }
            // A condition where a value is expected: said as a condition, bracketed.
            _ => (
                Rich::plain("(").join(self.condition(expr)).text(")"),
                Binding::Atom,
            ),
        }
    }

    /// `sum(xs)`: « la somme des éléments de `xs` »; `mean(s in services: s.rgaa_rate)`:
    /// « la moyenne de `s.rgaa_rate` sur les éléments `s` de `services` », as `count`
    /// reads.
    fn list_aggregate(
        &self,
        kind: ListAggregateKind,
        collection: &'a TExpr,
        projection: Option<&'a (LocalId, String, Box<TExpr>)>,
    ) -> (Rich, Binding) {
        let collection_words = self.operand_within(collection, Binding::Atom);
        let (fr, en) = match kind {
            ListAggregateKind::Sum => ("la somme", "the sum"),
            ListAggregateKind::Mean => ("la moyenne", "the mean"),
            ListAggregateKind::Min => ("la plus petite valeur", "the smallest value"),
            ListAggregateKind::Max => ("la plus grande valeur", "the largest value"),
        };
        let head = self.say(fr, en);
        match projection {
            None => (
                Rich::plain(&head)
                    .text(&self.say(" des éléments de ", " of the elements of "))
                    .join(collection_words),
                Binding::Atom,
            ),
            Some((var, name, value)) => {
                let inner = self.binding(*var, name);
                let (of, over) = if self.fr() {
                    (" de ", " sur les éléments ")
                } else {
                    (" of ", " over the elements ")
                };
                (
                    Rich::plain(&head)
                        .text(of)
                        .join(inner.operand_within(value, Binding::Atom))
                        .text(over)
                        .join(Rich::code(name))
                        .text(of)
                        .join(collection_words),
                    Binding::Phrase,
                )
            }
        }
    }

    /// `l'entrée de la table justifications pour « IDO »`: a table named by its parameter,
    /// whose whole value the document publishes with the parameters.
    fn entry(&self, table: &'a TExpr, key: &'a TExpr) -> Rich {
        Rich::plain(&self.say("l'entrée de la table ", "the entry of the table "))
            .join(self.table_name(table))
            .text(&self.say(" pour ", " for "))
            .join(self.operand_within(key, Binding::Atom))
    }

    /// A table by the name of its parameter: its whole value is in the parameters' annex.
    fn table_name(&self, table: &'a TExpr) -> Rich {
        match &table.kind {
            TExprKind::Param(id) => match self.pack.params.get(id.0 as usize) {
                Some(param) => Rich::code(&param.name),
                None => Rich::plain("?"),
            },
            TExprKind::ParamField(id, steps) => match self.pack.params.get(id.0 as usize) {
                Some(param) => {
                    let mut name = param.name.clone();
                    for step in steps {
                        let field = self
                            .pack
                            .schema
                            .record(step.record)
                            .and_then(|record| record.field_at(step.field))
                            .map_or("?", |(field, _)| field);
                        name.push('.');
                        name.push_str(field);
                    }
                    Rich::code(&name)
                }
                None => Rich::plain("?"),
            },
            _ => self.operand_within(table, Binding::Atom),
        }
    }

    /// `a + b`, `a × b`; a date moved by a duration reads as « la date située 3 ans avant … ».
    fn arithmetic(&self, op: ArithOp, left: &'a TExpr, right: &'a TExpr) -> (Rich, Binding) {
        if let Some(words) = self.datetime_arithmetic(op, left, right) {
            return (words, Binding::Phrase);
        }
        if left.ty == Ty::Date
            && right.ty == Ty::Duration
            && matches!(op, ArithOp::Add | ArithOp::Sub)
        {
            let (lead, word) = match (op, self.fr()) {
                (ArithOp::Sub, true) => ("la date située ", " avant "),
                (ArithOp::Sub, false) => ("the date ", " before "),
                (_, true) => ("la date située ", " après "),
                (_, false) => ("the date ", " after "),
            };
            return (
                Rich::plain(lead)
                    .join(self.operand_within(right, Binding::Atom))
                    .text(word)
                    .join(self.operand_within(left, Binding::Atom)),
                Binding::Phrase,
            );
        }
        let (sign, binding, right_context) = match op {
            ArithOp::Add => (" + ", Binding::Sum, Binding::Sum),
            ArithOp::Sub => (" − ", Binding::Sum, Binding::Product),
            ArithOp::Mul => (" × ", Binding::Product, Binding::Product),
            ArithOp::Div => (" / ", Binding::Product, Binding::Atom),
        };
        (
            self.operand_within(left, binding)
                .text(sign)
                .join(self.operand_within(right, right_context)),
            binding,
        )
    }

    /// A date and time moved by a duration, « l'instant situé 4 heures après `x` », or
    /// the time between two, « la durée entre `b` et `a` » for `a - b`.
    fn datetime_arithmetic(&self, op: ArithOp, left: &'a TExpr, right: &'a TExpr) -> Option<Rich> {
        let (lead, middle, first, second) = match (op, &left.ty, &right.ty, self.fr()) {
            (ArithOp::Sub, Ty::DateTime, Ty::DateTime, true) => {
                ("la durée entre ", " et ", right, left)
            }
            (ArithOp::Sub, Ty::DateTime, Ty::DateTime, false) => {
                ("the time from ", " to ", right, left)
            }
            (ArithOp::Sub, Ty::DateTime, Ty::Duration, true) => {
                ("l'instant situé ", " avant ", right, left)
            }
            (ArithOp::Sub, Ty::DateTime, Ty::Duration, false) => {
                ("the moment ", " before ", right, left)
            }
            (ArithOp::Add, Ty::DateTime, Ty::Duration, true) => {
                ("l'instant situé ", " après ", right, left)
            }
            (ArithOp::Add, Ty::DateTime, Ty::Duration, false) => {
                ("the moment ", " after ", right, left)
            }
            (ArithOp::Add, Ty::Duration, Ty::DateTime, true) => {
                ("l'instant situé ", " après ", left, right)
            }
            (ArithOp::Add, Ty::Duration, Ty::DateTime, false) => {
                ("the moment ", " after ", left, right)
            }
            _ => return None,
        };
        Some(
            Rich::plain(lead)
                .join(self.operand_within(first, Binding::Atom))
                .text(middle)
                .join(self.operand_within(second, Binding::Atom)),
        )
    }

    /// `la plus petite valeur de `pricing.per_student` parmi les offres régulières`.
    pub(super) fn aggregate(&self, index: usize) -> Rich {
        let Some(aggregate) = self.pack.aggregates.get(index) else {
            return Rich::plain("?");
        };
        let (before, after) = match (aggregate.kind, self.fr()) {
            (AggregateKind::Lowest, true) => {
                ("la plus petite valeur de ", " parmi les offres régulières")
            }
            (AggregateKind::Highest, true) => {
                ("la plus grande valeur de ", " parmi les offres régulières")
            }
            (AggregateKind::Lowest, false) => ("the lowest ", " among the regular offers"),
            (AggregateKind::Highest, false) => ("the highest ", " among the regular offers"),
        };
        Rich::plain(before)
            .join(Rich::code(self.path(&aggregate.field.text)))
            .text(after)
    }

    /// The evaluation date, as the tender names it.
    pub(super) fn today(&self) -> String {
        match (self.deadline_known, self.fr()) {
            (true, true) => "la date limite de réception des offres",
            (true, false) => "the deadline for offers",
            (false, true) => "la date d'analyse des offres",
            (false, false) => "the date the offers are assessed",
        }
        .to_owned()
    }

    /// A constant: enum values and strings as a descriptor writes them, in code; other
    /// values in words.
    pub(super) fn constant(&self, constant: &Value) -> Rich {
        if let Some(days) = self.weekday_words(constant) {
            return days;
        }
        match constant {
            Value::Enum(..) | Value::String(_) => {
                Rich::code(&constant.display(&self.pack.schema).to_string())
            }
            Value::List(items) if items.is_empty() => {
                Rich::plain(&self.say("la liste vide", "the empty list"))
            }
            Value::List(items) => {
                let mut words = Rich::default();
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        words = words.text(", ");
                    }
                    words = words.join(self.constant(item));
                }
                words
            }
            // `IDO : sso ; UAI : annuaire, messagerie`, each value in words.
            Value::Map(entries) if entries.is_empty() => {
                Rich::plain(&self.say("la table vide", "the empty table"))
            }
            Value::Map(entries) => {
                let mut words = Rich::default();
                for (index, (key, value)) in entries.iter().enumerate() {
                    if index > 0 {
                        words = words.text(" ; ");
                    }
                    let colon = if self.fr() { " : " } else { ": " };
                    words = words
                        .join(self.constant(key))
                        .text(colon)
                        .join(self.constant(value));
                }
                words
            }
            Value::Record(record) => {
                let mut words = Rich::plain("(");
                let def = self.pack.schema.record(record.def);
                for (index, value) in record.fields.iter().enumerate() {
                    let (Some(value), Some(def)) = (value, def) else {
                        continue;
                    };
                    let name = u32::try_from(index)
                        .ok()
                        .and_then(|index| def.field_at(index))
                        .map_or("?", |(name, _)| name);
                    if index > 0 {
                        words = words.text(", ");
                    }
                    let colon = if self.fr() { " : " } else { ": " };
                    words = words.text(name).text(colon).join(self.constant(value));
                }
                words.text(")")
            }
            _ => Rich::plain(&value(constant, &self.pack.schema, self.lang)),
        }
    }

    /// The value of a field of a record parameter, as the parameters' annex gives it.
    pub(super) fn param_field(&self, id: ParamId, steps: &[FieldStep]) -> Option<Value> {
        let param = self.pack.params.get(id.0 as usize)?;
        clausier_check::hir::record_field(&param.value, steps)
    }

    /// `EU, EEA` for a list of constants, a list literal or a list parameter; `None` for
    /// anything else.
    /// The list a collection holds when the tender is written: a literal or a parameter.
    pub(super) fn listed_value(&self, expr: &'a TExpr) -> Option<Value> {
        match &expr.kind {
            TExprKind::Const(list @ Value::List(_)) => Some(list.clone()),
            TExprKind::Param(id) => match &self.pack.params.get(id.0 as usize)?.value {
                list @ Value::List(_) => Some(list.clone()),
                _ => None,
            },
            TExprKind::ParamField(id, steps) => match self.param_field(*id, steps)? {
                list @ Value::List(_) => Some(list),
                _ => None,
            },
            _ => None,
        }
    }

    fn listing(&self, expr: &'a TExpr) -> Option<Rich> {
        match &expr.kind {
            TExprKind::Const(list @ Value::List(_)) => Some(self.constant(list)),
            TExprKind::Param(id) => match &self.pack.params.get(id.0 as usize)?.value {
                list @ Value::List(_) => Some(self.constant(list)),
                _ => None,
            },
            TExprKind::ParamField(id, steps) => match self.param_field(*id, steps)? {
                list @ Value::List(_) => Some(self.constant(&list)),
                _ => None,
            },
            TExprKind::List(_) => Some(self.operand(expr)),
            _ => None,
        }
    }
}

/// Whether a condition has parts of its own, and so needs brackets inside another.
fn is_compound(expr: &TExpr) -> bool {
    match &expr.kind {
        TExprKind::And(..)
        | TExprKind::Or(..)
        | TExprKind::Implies(..)
        | TExprKind::If(..)
        | TExprKind::Quantifier { .. } => true,
        TExprKind::Not(inner) => !matches!(
            inner.kind,
            TExprKind::Field(_)
                | TExprKind::Local(_)
                | TExprKind::Has(_)
                | TExprKind::Compare(..)
                | TExprKind::In(..)
                | TExprKind::TextCheck { .. }
        ),
        _ => false,
    }
}

/// The operands of a chain of one connective, left to right, without recursing on the
/// stack: chains may be long.
fn collect_chain<'a>(expr: &'a TExpr, is_and: bool, out: &mut Vec<&'a TExpr>) {
    let mut pending = vec![expr];
    while let Some(next) = pending.pop() {
        match (&next.kind, is_and) {
            (TExprKind::And(left, right), true) | (TExprKind::Or(left, right), false) => {
                pending.push(right);
                pending.push(left);
            }
            _ => out.push(next),
        }
    }
}

/// A value as the document's language writes it: `8,00 €`, `75 %`, `3 ans`,
/// `2 décembre 2027` in French; `8.00 €`, `75%`, `3 years`, `2 December 2027` in English.
pub(crate) fn value(value: &Value, schema: &Schema, lang: Lang) -> String {
    match (value, lang) {
        (Value::Bool(true), Lang::Fr) => "vrai".to_owned(),
        (Value::Bool(false), Lang::Fr) => "faux".to_owned(),
        (Value::Number(_) | Value::Money(_), Lang::Fr) => {
            value.display(schema).to_string().replace('.', ",")
        }
        (Value::Percent(percent), Lang::Fr) => {
            format!("{} %", percent.normalize().to_string().replace('.', ","))
        }
        (Value::Duration(duration), Lang::Fr) => french_duration(*duration),
        (Value::Time(time), Lang::Fr) => french_time_of_day(*time),
        (Value::Time(time), Lang::En) => english_time_of_day(*time),
        // « 4 janvier 2027 à 8 h 30 », "4 January 2027 at 8:30 am".
        (Value::DateTime(at), _) => {
            let day = self::value(&Value::Date(at.date()), schema, lang);
            let time = Value::Time(at.time());
            let word = if lang == Lang::Fr { "à" } else { "at" };
            format!("{day} {word} {}", self::value(&time, schema, lang))
        }
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
        // Nothing joined would leave a sentence without its object.
        (Value::List(items), _) if items.is_empty() => {
            clausier_i18n::t!(lang, "word-empty-list")
        }
        (Value::List(items), _) => items
            .iter()
            .map(|item| self::value(item, schema, lang))
            .collect::<Vec<_>>()
            .join(", "),
        (Value::String(text), Lang::Fr) => format!("« {text} »"),
        // `« IDO » : sso ; « UAI » : annuaire, messagerie`.
        (Value::Map(entries), _) => {
            let colon = if lang == Lang::Fr { " : " } else { ": " };
            entries
                .iter()
                .map(|(key, entry)| {
                    let (key, entry) = (
                        self::value(key, schema, lang),
                        self::value(entry, schema, lang),
                    );
                    format!("{key}{colon}{entry}")
                })
                .collect::<Vec<_>>()
                .join(" ; ")
        }
        // `(profil : ELEVE, plafond : 6,00 €)`.
        (Value::Record(record), _) => {
            let colon = if lang == Lang::Fr { " : " } else { ": " };
            let def = schema.record(record.def);
            let fields: Vec<String> = record
                .fields
                .iter()
                .enumerate()
                .filter_map(|(index, field)| {
                    let field = field.as_ref()?;
                    let name = def?.field_at(u32::try_from(index).ok()?)?.0;
                    Some(format!("{name}{colon}{}", self::value(field, schema, lang)))
                })
                .collect();
            format!("({})", fields.join(", "))
        }
        _ => value.display(schema).to_string(),
    }
}

/// A parameter's value where a legal text names it: as [`value`] writes it, except that
/// a string is its text alone, without quotes, as the drafter means it to read.
pub(super) fn placeholder_value(value: &Value, schema: &Schema, lang: Lang) -> String {
    match value {
        Value::String(text) => text.to_string(),
        Value::Enum(id, index) => match schema
            .enum_def(*id)
            .and_then(|def| def.variants.get(*index as usize))
            .and_then(|variant| variant.label())
        {
            Some(label) => format!("« {label} »"),
            None => self::value(value, schema, lang),
        },
        Value::List(items) => items
            .iter()
            .map(|item| placeholder_value(item, schema, lang))
            .collect::<Vec<_>>()
            .join(", "),
        _ => self::value(value, schema, lang),
    }
}

/// Two times of day compared, as a moment and not a quantity: « est au plus tard à »,
/// "is at or before".
fn time_compare_word(op: CompareOp, negated: bool, french: bool) -> &'static str {
    let op = if negated { negate(op) } else { op };
    match (op, french) {
        (CompareOp::Eq, true) => "est à",
        (CompareOp::Ne, true) => "n'est pas à",
        (CompareOp::Lt, true) => "est avant",
        (CompareOp::Le, true) => "est au plus tard à",
        (CompareOp::Gt, true) => "est après",
        (CompareOp::Ge, true) => "est au plus tôt à",
        (CompareOp::Eq, false) => "is at",
        (CompareOp::Ne, false) => "is not at",
        (CompareOp::Lt, false) => "is before",
        (CompareOp::Le, false) => "is at or before",
        (CompareOp::Gt, false) => "is after",
        (CompareOp::Ge, false) => "is at or after",
    }
}

/// A time of day as French administrative texts write it: « 8 h 30 », « 8 h » for a
/// whole hour, « 0 h » at midnight, « 8 h 30 min 15 s » when a descriptor gave seconds.
fn french_time_of_day(time: Time) -> String {
    let (hour, minute, second) = (time.hour(), time.minute(), time.second());
    match (minute, second) {
        (0, 0) => format!("{hour} h"),
        (_, 0) => format!("{hour} h {minute:02}"),
        _ => format!("{hour} h {minute:02} min {second:02} s"),
    }
}

/// A time of day on the twelve-hour clock of English prose: "8:30 am", "6 pm", "noon"
/// and "midnight" (never the ambiguous "12 am"), seconds only when a descriptor gave some.
fn english_time_of_day(time: Time) -> String {
    let (hour, minute, second) = (time.hour(), time.minute(), time.second());
    match (hour, minute, second) {
        (0, 0, 0) => return "midnight".to_owned(),
        (12, 0, 0) => return "noon".to_owned(),
        _ => {}
    }
    let suffix = if hour < 12 { "am" } else { "pm" };
    let twelve = match hour % 12 {
        0 => 12,
        other => other,
    };
    match (minute, second) {
        (0, 0) => format!("{twelve} {suffix}"),
        (_, 0) => format!("{twelve}:{minute:02} {suffix}"),
        _ => format!("{twelve}:{minute:02}:{second:02} {suffix}"),
    }
}

/// `3 ans`, `2 mois`, `1 an et 6 mois`, `30 jours`, `24 heures`, `1 jour et 2 heures`,
/// `1 jour, 3 heures et 30 minutes`.
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
    if duration.days != 0 || (parts.is_empty() && !duration.has_time()) {
        parts.push(count(duration.days, "jour", "jours"));
    }
    parts.extend(french_time_parts(duration.seconds, count));
    // « 1 jour, 3 heures et 30 minutes »: commas, then « et » before the last part.
    match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} et {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The exact part of a duration in French: hours, minutes, seconds that are not zero.
fn french_time_parts(seconds: i64, count: impl Fn(i64, &str, &str) -> String) -> Vec<String> {
    let (hours, minutes, rest) = (seconds / 3_600, seconds % 3_600 / 60, seconds % 60);
    [
        (hours, "heure", "heures"),
        (minutes, "minute", "minutes"),
        (rest, "seconde", "secondes"),
    ]
    .into_iter()
    .filter(|(amount, _, _)| *amount != 0)
    .map(|(amount, one, many)| count(amount, one, many))
    .collect()
}

/// The comparison that holds exactly when `op` does not.
fn negate(op: CompareOp) -> CompareOp {
    match op {
        CompareOp::Eq => CompareOp::Ne,
        CompareOp::Ne => CompareOp::Eq,
        CompareOp::Lt => CompareOp::Ge,
        CompareOp::Le => CompareOp::Gt,
        CompareOp::Gt => CompareOp::Le,
        CompareOp::Ge => CompareOp::Lt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn values_in_french_and_english() {
        let schema = Schema::default();
        let price = Value::Money(Decimal::new(450, 2));
        assert_eq!(value(&price, &schema, Lang::Fr), "4,50 €");
        assert_eq!(value(&price, &schema, Lang::En), "4.50 €");
        let rate = Value::Percent(Decimal::new(875, 1));
        assert_eq!(value(&rate, &schema, Lang::Fr), "87,5 %");
        assert_eq!(value(&rate, &schema, Lang::En), "87.5%");
        let date = Value::Date(jiff::civil::date(2027, 8, 25));
        assert_eq!(value(&date, &schema, Lang::Fr), "25 août 2027");
        assert_eq!(value(&date, &schema, Lang::En), "25 August 2027");
        let first = Value::Date(jiff::civil::date(2026, 8, 1));
        assert_eq!(value(&first, &schema, Lang::Fr), "1er août 2026");
        let days = Value::Duration(Duration::new(0, 15));
        assert_eq!(value(&days, &schema, Lang::Fr), "15 jours");
        assert_eq!(value(&days, &schema, Lang::En), "15 days");
        assert_eq!(value(&Value::Bool(true), &schema, Lang::Fr), "vrai");
        let label = Value::String("Numérique responsable".into());
        assert_eq!(
            value(&label, &schema, Lang::Fr),
            "« Numérique responsable »"
        );
        assert_eq!(
            placeholder_value(&label, &schema, Lang::Fr),
            "Numérique responsable"
        );
    }

    #[test]
    fn durations_in_french() {
        assert_eq!(french_duration(Duration::new(36, 0)), "3 ans");
        assert_eq!(french_duration(Duration::new(2, 0)), "2 mois");
        assert_eq!(french_duration(Duration::new(18, 0)), "1 an et 6 mois");
        assert_eq!(french_duration(Duration::new(0, 30)), "30 jours");
        assert_eq!(french_duration(Duration::new(0, 1)), "1 jour");
        assert_eq!(french_duration(Duration::new(0, 0)), "0 jour");
        let hours = |n: i64| Duration::of_seconds(n * 3_600);
        assert_eq!(french_duration(hours(24)), "24 heures");
        assert_eq!(french_duration(hours(1)), "1 heure");
        let day_and_hours = Duration::new(0, 1).checked_add(hours(2)).unwrap();
        assert_eq!(french_duration(day_and_hours), "1 jour et 2 heures");
        assert_eq!(
            french_duration(Duration::of_seconds(5_400)),
            "1 heure et 30 minutes"
        );
        let longest = Duration::new(14, 1).checked_add(hours(3)).unwrap();
        assert_eq!(french_duration(longest), "1 an, 2 mois, 1 jour et 3 heures");
    }

    #[test]
    fn times_of_day_in_french_and_english() {
        let schema = Schema::default();
        let at = |hour, minute, second| Value::Time(jiff::civil::time(hour, minute, second, 0));
        let cases = [
            (at(8, 30, 0), "8 h 30", "8:30 am"),
            (at(8, 0, 0), "8 h", "8 am"),
            (at(18, 5, 0), "18 h 05", "6:05 pm"),
            (at(0, 0, 0), "0 h", "midnight"),
            (at(12, 0, 0), "12 h", "noon"),
            (at(12, 30, 0), "12 h 30", "12:30 pm"),
            (at(0, 15, 0), "0 h 15", "12:15 am"),
            (at(23, 59, 59), "23 h 59 min 59 s", "11:59:59 pm"),
        ];
        for (time, french, english) in cases {
            assert_eq!(value(&time, &schema, Lang::Fr), french);
            assert_eq!(value(&time, &schema, Lang::En), english);
        }
    }
}

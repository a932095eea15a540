//! The tender as a document model, before it is written in a format: the title page,
//! the numbered articles in the legal model of public procurement, and the annex.

use clausier_check::hir::{
    CheckedPack, ClauseMeta, CriterionDef, LegalText, RequiredDocument, RequirementDef, TExpr,
    TExprKind,
};
use clausier_check::provenance::ProvenanceKind;
use clausier_syntax::ast::Level;
use rust_decimal::Decimal;

use super::labels::Labels;
use super::scoring::{Scoring, scoring};
use super::words::{self, Words};
use super::{CahierInput, Lang, Rich};

/// The document.
pub(crate) struct Cahier {
    pub(crate) lang: Lang,
    pub(crate) draft: bool,
    pub(crate) title: String,
    /// The title page's facts, label and value, in order.
    pub(crate) facts: Vec<(&'static str, String)>,
    pub(crate) lots: Vec<String>,
    pub(crate) articles: Vec<Article>,
    pub(crate) annex: Annex,
}

impl Cahier {
    /// Whether the contract is divided into lots, each with a part of its own.
    pub(crate) fn is_divided(&self) -> bool {
        self.articles
            .iter()
            .any(|article| article.opens_lot.is_some())
    }
}

/// A numbered article: `Article 1 — Spécifications techniques`.
pub(crate) struct Article {
    pub(crate) number: usize,
    /// A stable name for links: `specifications`, `criteria`…, `lot-1-criteria` in a
    /// lot's part.
    pub(crate) anchor: String,
    pub(crate) title: &'static str,
    pub(crate) intro: &'static str,
    /// What the items of a list of clauses are called in its table's header.
    pub(crate) item: &'static str,
    pub(crate) body: Body,
    /// In a contract divided into lots, the first article of a lot's part opens it with
    /// the lot's heading: the articles from there to the next lot's apply to that lot
    /// only, those before the first lot to every lot.
    pub(crate) opens_lot: Option<LotOpening>,
    /// The anchor of the lot whose part the article is in (`lot-1`), so that a clause
    /// published in two lots' parts has an anchor in each; `None` in the common part.
    pub(crate) lot_anchor: Option<String>,
}

/// The heading of a lot's part: `Lot 1 — Espace numérique de travail (ENT)`.
pub(crate) struct LotOpening {
    pub(crate) heading: String,
    pub(crate) intro: String,
    /// `lot-1`.
    pub(crate) anchor: String,
}

/// Which clauses an article lists.
#[derive(Debug, Clone, Copy)]
enum Scope<'a> {
    /// Those that apply to every lot (every clause of a contract in one piece).
    Common { divided: bool },
    /// Those limited to lots among which this one.
    Lot(&'a str),
}

impl Scope<'_> {
    /// Whether a requirement is listed: a requirement for every lot is published once,
    /// in the common part.
    fn holds(self, meta: &ClauseMeta) -> bool {
        match self {
            Scope::Common { divided } => !divided || meta.lots.is_empty(),
            Scope::Lot(lot) => meta.lots.iter().any(|named| named == lot),
        }
    }

    /// Whether a criterion is listed: a lot's table has every criterion that scores its
    /// offers, those for every lot included.
    fn holds_criterion(self, meta: &ClauseMeta) -> bool {
        match self {
            Scope::Common { .. } => true,
            Scope::Lot(lot) => meta.lots.is_empty() || meta.lots.iter().any(|named| named == lot),
        }
    }

    fn anchor(self, name: &str) -> String {
        match self {
            Scope::Common { .. } => name.to_owned(),
            Scope::Lot(lot) => format!("lot-{}-{name}", anchor_text(lot)),
        }
    }
}

/// A lot's id as it can stand in a link: letters and digits kept, anything else `-`.
fn anchor_text(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect()
}

pub(crate) enum Body {
    Requirements(Vec<RequirementEntry>),
    Criteria {
        criteria: Vec<CriterionEntry>,
        total: Decimal,
    },
    /// Each supporting document once, with the requirements that ask for it.
    Evidence(Vec<(String, Vec<String>)>),
}

pub(crate) struct RequirementEntry {
    /// `1.3`, or `3.1.2` for a requirement a criterion scores.
    pub(crate) number: String,
    pub(crate) id: String,
    pub(crate) title: String,
    /// The legal text with the values in effect; `None` when the clause has none.
    pub(crate) text: Option<String>,
    pub(crate) note: Option<String>,
    pub(crate) applies_when: Option<Rich>,
    /// What the check is called: a requirement's check, or what an indicator or a risk
    /// computes.
    pub(crate) check_label: &'static str,
    pub(crate) check: Rich,
    pub(crate) refs: Vec<String>,
    pub(crate) evidence: Vec<String>,
    /// Why the requirement admits no equivalent of the certification it demands.
    pub(crate) no_equivalent: Option<String>,
}

pub(crate) struct CriterionEntry {
    pub(crate) number: String,
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) weight: Decimal,
    pub(crate) text: Option<String>,
    pub(crate) note: Option<String>,
    pub(crate) method: Method,
    /// The desirable requirements its score reads, each under it as a sub-criterion.
    pub(crate) scored: Vec<RequirementEntry>,
}

/// A criterion's scoring method.
pub(crate) enum Method {
    Sentence(Rich),
    /// Sub-criteria whose points add up: `a`, `b`… with their points and wording.
    Sum(Vec<SubCriterion>),
}

pub(crate) struct SubCriterion {
    pub(crate) label: String,
    /// The most points it gives, when the rule alone says so.
    pub(crate) points: Option<Decimal>,
    pub(crate) wording: Rich,
}

/// Where the clauses come from: the only part of the document that names packs,
/// versions and hashes.
pub(crate) struct Annex {
    pub(crate) packs: Vec<AnnexPack>,
    pub(crate) params: Vec<AnnexParam>,
}

pub(crate) struct AnnexPack {
    pub(crate) name: String,
    pub(crate) version: String,
    pub(crate) hash: String,
    pub(crate) dependencies: Vec<String>,
    /// The ids of the document's clauses that this pack declares.
    pub(crate) clauses: Vec<String>,
}

pub(crate) struct AnnexParam {
    pub(crate) name: String,
    pub(crate) declared_by: String,
    pub(crate) value: String,
    pub(crate) default: String,
    /// The pack that overrode the declared value, if one did.
    pub(crate) set_by: Option<String>,
}

/// The part of the tender a requirement belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Specification,
    Execution,
    /// A desirable requirement that a criterion scores.
    Scored,
    Information,
}

/// Builds the document.
pub(crate) fn build(input: &CahierInput<'_>, lang: Lang) -> Cahier {
    let pack = input.pack;
    let labels = Labels::of(lang);
    let words = Words::new(pack, lang, input.title_page.deadline.is_some());
    let scored_by = scored_requirements(pack);
    let part = |index: usize, requirement: &RequirementDef| match requirement.level {
        Level::Must => Part::Specification,
        Level::Execution => Part::Execution,
        Level::Should if scored_by.iter().any(|ids| ids.contains(&index)) => Part::Scored,
        // A desirable requirement that no criterion scores plays no part in the award:
        // it is published as what it is, information (the checker warns, W0509).
        Level::Should | Level::Info => Part::Information,
    };

    let lots = &pack.schema.lots;
    let requirements_of = |wanted: Part, scope: Scope<'_>, article: usize| {
        pack.requirements
            .iter()
            .enumerate()
            .filter(|(index, requirement)| {
                part(*index, requirement) == wanted && scope.holds(&requirement.meta)
            })
            .enumerate()
            .map(|(position, (_, requirement))| {
                requirement_entry(&words, requirement, format!("{article}.{}", position + 1))
            })
            .collect::<Vec<RequirementEntry>>()
    };
    let mut articles: Vec<Article> = Vec::new();
    let requirements_article =
        |articles: &mut Vec<Article>, wanted: Part, scope: Scope<'_>, anchor, title, intro| {
            let number = articles.len() + 1;
            let entries = requirements_of(wanted, scope, number);
            if !entries.is_empty() {
                articles.push(Article {
                    number,
                    anchor: scope.anchor(anchor),
                    title,
                    intro,
                    item: labels.requirement,
                    body: Body::Requirements(entries),
                    opens_lot: None,
                    lot_anchor: None,
                });
            }
        };
    let criteria_article = |articles: &mut Vec<Article>, scope: Scope<'_>| {
        let number = articles.len() + 1;
        let criteria: Vec<CriterionEntry> = pack
            .criteria
            .iter()
            .zip(&scored_by)
            .filter(|(criterion, _)| scope.holds_criterion(&criterion.meta))
            .enumerate()
            .map(|(position, (criterion, scored))| {
                criterion_entry(
                    &words,
                    criterion,
                    scored,
                    &format!("{number}.{}", position + 1),
                )
            })
            .collect();
        if criteria.is_empty() {
            return;
        }
        let total = criteria
            .iter()
            .fold(Decimal::ZERO, |sum, criterion| {
                sum.saturating_add(criterion.weight)
            })
            .normalize();
        articles.push(Article {
            number,
            anchor: scope.anchor("criteria"),
            title: labels.criteria,
            intro: labels.criteria_intro,
            item: labels.criterion,
            body: Body::Criteria { criteria, total },
            opens_lot: None,
            lot_anchor: None,
        });
    };
    let common = Scope::Common {
        divided: !lots.is_empty(),
    };
    requirements_article(
        &mut articles,
        Part::Specification,
        common,
        "specifications",
        labels.specifications,
        labels.specifications_intro,
    );
    requirements_article(
        &mut articles,
        Part::Execution,
        common,
        "execution",
        labels.execution,
        labels.execution_intro,
    );
    // Each lot is awarded separately (CCP L2113-10). When some criterion is limited to
    // lots, each lot publishes its own table, the criteria common to every lot
    // included, so that a lot's weights are read (and add up) together; when none is,
    // every lot has the same criteria and they are published once.
    let criteria_per_lot = pack
        .criteria
        .iter()
        .any(|criterion| !criterion.meta.lots.is_empty());
    if !criteria_per_lot {
        criteria_article(&mut articles, common);
    }
    requirements_article(
        &mut articles,
        Part::Information,
        common,
        "information",
        labels.information,
        labels.information_intro,
    );
    for lot in lots {
        let scope = Scope::Lot(&lot.id);
        let first = articles.len();
        for (wanted, anchor, title, intro) in [
            (
                Part::Specification,
                "specifications",
                labels.specifications,
                labels.specifications_intro,
            ),
            (
                Part::Execution,
                "execution",
                labels.execution,
                labels.execution_intro,
            ),
        ] {
            requirements_article(&mut articles, wanted, scope, anchor, title, intro);
        }
        if criteria_per_lot {
            criteria_article(&mut articles, scope);
        }
        requirements_article(
            &mut articles,
            Part::Information,
            scope,
            "information",
            labels.information,
            labels.information_intro,
        );
        let lot_anchor = format!("lot-{}", anchor_text(&lot.id));
        for article in articles.iter_mut().skip(first) {
            article.lot_anchor = Some(lot_anchor.clone());
        }
        if let Some(article) = articles.get_mut(first) {
            article.opens_lot = Some(LotOpening {
                heading: format!("{} {} — {}", labels.lot, lot.id, lot.title),
                intro: labels.lot_intro.replace("{lot}", &lot.id),
                anchor: lot_anchor,
            });
        }
    }
    super::inventory_words::inventory_articles(&words, labels, &mut articles);
    let evidence = evidence_table(&articles);
    if !evidence.is_empty() {
        articles.push(Article {
            number: articles.len() + 1,
            anchor: "evidence".to_owned(),
            title: labels.evidence_list,
            intro: labels.evidence_intro,
            item: labels.document,
            body: Body::Evidence(evidence),
            opens_lot: None,
            lot_anchor: None,
        });
    }

    let page = input.title_page;
    let mut facts = Vec::new();
    for (label, value) in [
        (labels.buyer, &page.buyer),
        (labels.object, &page.object),
        (labels.procedure, &page.procedure),
    ] {
        if let Some(value) = value {
            facts.push((label, value.clone()));
        }
    }
    if let Some(deadline) = page.deadline {
        facts.push((
            labels.deadline,
            words::value(
                &clausier_check::value::Value::Date(deadline),
                &pack.schema,
                lang,
            ),
        ));
    }
    Cahier {
        lang,
        draft: input.draft,
        title: page
            .title
            .clone()
            .unwrap_or_else(|| labels.default_title.to_owned()),
        facts,
        lots: page.lots.clone(),
        articles,
        annex: annex(input, lang),
    }
}

/// For each criterion, the indexes of the desirable requirements its score reads with
/// `passed`, in the order it first reads them.
fn scored_requirements(pack: &CheckedPack) -> Vec<Vec<usize>> {
    pack.criteria
        .iter()
        .map(|criterion| {
            let mut found = Vec::new();
            let mut pending = vec![&criterion.score];
            while let Some(expr) = pending.pop() {
                if let TExprKind::Passed(index) = expr.kind
                    && !found.contains(&index)
                    && pack
                        .requirements
                        .get(index)
                        .is_some_and(|requirement| requirement.level == Level::Should)
                {
                    found.push(index);
                }
                // Pushed right to left, so that they are popped left to right.
                pending.extend(children(expr).into_iter().rev());
            }
            found
        })
        .collect()
}

/// The sub-expressions of an expression, left to right.
pub(crate) fn children(expr: &TExpr) -> Vec<&TExpr> {
    match &expr.kind {
        TExprKind::List(items) => items.iter().collect(),
        TExprKind::Not(inner) | TExprKind::Neg(inner) => vec![inner],
        TExprKind::And(left, right)
        | TExprKind::Or(left, right)
        | TExprKind::Implies(left, right)
        | TExprKind::Compare(_, left, right)
        | TExprKind::Arith(_, left, right)
        | TExprKind::In(left, right)
        | TExprKind::Index(left, right) => vec![left, right],
        TExprKind::Quantifier {
            collection, body, ..
        } => vec![collection, body],
        TExprKind::Count { collection, filter } => {
            let mut found = vec![&**collection];
            found.extend(filter.as_ref().map(|(_, _, condition)| &**condition));
            found
        }
        TExprKind::ListAggregate {
            collection,
            projection,
            ..
        } => {
            let mut found = vec![&**collection];
            found.extend(projection.as_ref().map(|(_, _, value)| &**value));
            found
        }
        TExprKind::Share {
            collection,
            condition,
            weight,
            ..
        } => {
            let mut found = vec![&**collection, &**condition];
            found.extend(weight.as_deref());
            found
        }
        TExprKind::TextCheck { text, .. } => vec![text],
        TExprKind::Weekday { of, .. } => vec![of],
        TExprKind::BusinessDuration(args) => args.iter().collect(),
        TExprKind::If(condition, then_branch, else_branch) => {
            vec![condition, then_branch, else_branch]
        }
        TExprKind::Const(_)
        | TExprKind::Field(_)
        | TExprKind::Param(_)
        | TExprKind::ParamField(..)
        | TExprKind::Local(_)
        | TExprKind::Has(_)
        | TExprKind::Today
        | TExprKind::Aggregate(_)
        | TExprKind::Passed(_)
        | TExprKind::Entries => Vec::new(),
    }
}

pub(super) fn published_meta(
    words: &Words<'_>,
    meta: &ClauseMeta,
) -> (Option<String>, Option<String>) {
    (published_text(words, meta), published_note(words, meta))
}

fn requirement_entry(
    words: &Words<'_>,
    requirement: &RequirementDef,
    number: String,
) -> RequirementEntry {
    let meta = &requirement.meta;
    RequirementEntry {
        number,
        id: meta.id.clone(),
        title: meta.title.clone(),
        text: published_text(words, meta),
        note: published_note(words, meta),
        applies_when: requirement.when.as_ref().map(|when| words.condition(when)),
        check_label: Labels::of(words.lang).check,
        check: words.condition(&requirement.require),
        refs: meta.refs.clone(),
        evidence: meta
            .evidence
            .iter()
            .map(|label| {
                let required = requirement
                    .documents
                    .iter()
                    .find(|document| &document.label == label);
                match required {
                    Some(document) => required_document(document, words.lang),
                    None => label.clone(),
                }
            })
            .collect(),
        no_equivalent: requirement
            .no_equivalent
            .as_ref()
            .map(|line| line.reason.clone()),
    }
}

/// `Certificat HDS (pièce exigée : …)`, then the kinds of proof it must come with.
fn required_document(document: &RequiredDocument, lang: Lang) -> String {
    let labels = Labels::of(lang);
    let mut line = format!("{}{}", document.label, labels.required_document);
    if !document.proof.is_empty() {
        let kinds: Vec<&str> = document
            .proof
            .iter()
            .map(|kind| match kind {
                ProvenanceKind::Registry => labels.proof_registry,
                ProvenanceKind::Audit => labels.proof_audit,
                ProvenanceKind::Document | ProvenanceKind::Declared => labels.proof_document,
            })
            .collect();
        line.push_str(labels.proof_expected);
        line.push_str(&kinds.join(labels.proof_or));
        line.push_str(labels.declaration_not_enough);
    }
    line
}

fn criterion_entry(
    words: &Words<'_>,
    criterion: &CriterionDef,
    scored: &[usize],
    number: &str,
) -> CriterionEntry {
    let meta = &criterion.meta;
    let weight = criterion.weight.normalize();
    let method = match scoring(words, &criterion.score, weight) {
        Scoring::Sum(terms) => Method::Sum(
            terms
                .iter()
                .enumerate()
                .map(|(index, term)| SubCriterion {
                    label: sub_label(index),
                    points: term.max_points(),
                    wording: term.sentence(words.lang, false),
                })
                .collect(),
        ),
        other => Method::Sentence(other.sentence(words.lang, true)),
    };
    let scored = scored
        .iter()
        .filter_map(|index| words.pack.requirements.get(*index))
        .enumerate()
        .map(|(position, requirement)| {
            requirement_entry(words, requirement, format!("{number}.{}", position + 1))
        })
        .collect();
    CriterionEntry {
        number: number.to_owned(),
        id: meta.id.clone(),
        title: meta.title.clone(),
        weight,
        text: published_text(words, meta),
        note: published_note(words, meta),
        method,
        scored,
    }
}

/// `a`, `b`, … `z`, `aa`, `ab`…
fn sub_label(index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    let mut label = String::new();
    let mut rest = index;
    loop {
        label.insert(0, char::from(LETTERS[rest % 26]));
        if rest < 26 {
            break;
        }
        rest = rest / 26 - 1;
    }
    label
}

/// The clause's legal text, as published: each placeholder filled with the value of its
/// parameter in effect, as the document's language writes it.
fn published_text(words: &Words<'_>, meta: &ClauseMeta) -> Option<String> {
    meta.text.as_ref().map(|text| filled(words, text))
}

/// The clause's published note, filled as its text is.
fn published_note(words: &Words<'_>, meta: &ClauseMeta) -> Option<String> {
    meta.note.as_ref().map(|note| filled(words, note))
}

fn filled(words: &Words<'_>, text: &LegalText) -> String {
    let pack = words.pack;
    text.fill(&pack.params, |value| {
        words::placeholder_value(value, &pack.schema, words.lang)
    })
}

/// Each supporting document once, in the order the document first asks for it, with
/// the clauses that ask for it.
fn evidence_table(articles: &[Article]) -> Vec<(String, Vec<String>)> {
    let mut table: Vec<(String, Vec<String>)> = Vec::new();
    let mut add = |entry: &RequirementEntry| {
        for document in &entry.evidence {
            match table.iter_mut().find(|(known, _)| known == document) {
                Some((_, ids)) if !ids.contains(&entry.id) => ids.push(entry.id.clone()),
                Some(_) => {}
                None => table.push((document.clone(), vec![entry.id.clone()])),
            }
        }
    };
    for article in articles {
        match &article.body {
            Body::Requirements(entries) => entries.iter().for_each(&mut add),
            Body::Criteria { criteria, .. } => criteria
                .iter()
                .flat_map(|criterion| &criterion.scored)
                .for_each(&mut add),
            Body::Evidence(_) => {}
        }
    }
    table
}

fn annex(input: &CahierInput<'_>, lang: Lang) -> Annex {
    let pack = input.pack;
    let clause_metas: Vec<&ClauseMeta> = pack
        .requirements
        .iter()
        .map(|requirement| &requirement.meta)
        .chain(pack.criteria.iter().map(|criterion| &criterion.meta))
        .collect();
    let root = input.provenance.first().map(|first| first.name.as_str());
    let packs = input
        .provenance
        .iter()
        .map(|provenance| AnnexPack {
            name: provenance.name.clone(),
            version: provenance.version.clone(),
            hash: provenance.hash.clone(),
            dependencies: provenance.dependencies.clone(),
            clauses: clause_metas
                .iter()
                .filter(|meta| {
                    meta.pack == provenance.name
                        || (meta.pack.is_empty() && Some(provenance.name.as_str()) == root)
                })
                .map(|meta| meta.id.clone())
                .collect(),
        })
        .collect();
    let params = pack
        .params
        .iter()
        .map(|param| AnnexParam {
            name: param.name.clone(),
            declared_by: param.pack.clone(),
            value: words::value(&param.value, &pack.schema, lang),
            default: words::value(&param.default, &pack.schema, lang),
            set_by: param.set_in.as_ref().map(|site| site.pack.clone()),
        })
        .collect();
    Annex { packs, params }
}

#[cfg(test)]
mod tests {
    use super::sub_label;

    #[test]
    fn sub_criteria_are_lettered() {
        assert_eq!(sub_label(0), "a");
        assert_eq!(sub_label(25), "z");
        assert_eq!(sub_label(26), "aa");
        assert_eq!(sub_label(27), "ab");
    }
}

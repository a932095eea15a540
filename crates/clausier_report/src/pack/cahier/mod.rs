//! A pack as the text of a *cahier des charges*: its requirements with their level, legal
//! text, references and the supporting documents asked; its award criteria with their
//! weights (which must be published: code de la commande publique R2152-11 and
//! R2152-12); its parameters with their values and where they were set.
//!
//! One document model is built from the checked pack, then written as Markdown or as
//! a self-contained HTML page. Labels are French by default, English on request; the
//! clauses' own texts are printed as their authors wrote them.

mod html;
mod markdown;
mod words;

use clausier_check::hir::{CheckedPack, ClauseMeta, ParamDef, TExpr};
use clausier_diagnostics::SourceMap;
use clausier_eval::print::expr_to_string;
use clausier_syntax::ast::Level;
use rust_decimal::Decimal;

pub use html::render_html;
pub use markdown::render_markdown;
pub(crate) use markdown::{code as md_code, escape as md_escape};

/// The language of the labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// What the document is made from.
#[derive(Debug, Clone, Copy)]
pub struct CahierInput<'a> {
    pub pack: &'a CheckedPack,
    /// The pack's name, version and content hash, as reports print them.
    pub name: &'a str,
    pub version: &'a str,
    pub hash: &'a str,
    /// From `pack.toml`.
    pub description: Option<&'a str>,
    pub license: Option<&'a str>,
    pub authors: &'a [String],
    /// The pack's files, to say where each parameter is declared.
    pub sources: &'a SourceMap,
}

/// Text with inline code: `` `max_price` (8,00 €) `` is a code run and a text run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Rich {
    pub(crate) runs: Vec<Run>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Run {
    Text(String),
    Code(String),
}

impl Rich {
    pub(crate) fn plain(text: &str) -> Rich {
        Rich {
            runs: vec![Run::Text(text.to_owned())],
        }
    }

    pub(crate) fn code(text: &str) -> Rich {
        Rich {
            runs: vec![Run::Code(text.to_owned())],
        }
    }

    pub(crate) fn text(mut self, text: &str) -> Rich {
        match self.runs.last_mut() {
            Some(Run::Text(last)) => last.push_str(text),
            _ => self.runs.push(Run::Text(text.to_owned())),
        }
        self
    }

    pub(crate) fn join(mut self, other: Rich) -> Rich {
        for run in other.runs {
            match run {
                Run::Text(text) => self = self.text(&text),
                code => self.runs.push(code),
            }
        }
        self
    }

    /// Doc comment text: what is between backticks is code.
    pub(crate) fn from_markup(text: &str) -> Rich {
        let mut rich = Rich::default();
        for (index, piece) in text.split('`').enumerate() {
            if piece.is_empty() {
                continue;
            }
            if index % 2 == 1 {
                rich.runs.push(Run::Code(piece.to_owned()));
            } else {
                rich = rich.text(piece);
            }
        }
        rich
    }
}

/// The document, before it is written in a format.
pub(crate) struct Cahier {
    pub(crate) lang: Lang,
    pub(crate) name: String,
    pub(crate) version: String,
    pub(crate) hash: String,
    pub(crate) description: Option<Rich>,
    pub(crate) license: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) requirements: Vec<RequirementEntry>,
    pub(crate) criteria: Vec<CriterionEntry>,
    pub(crate) total_weight: Decimal,
    pub(crate) params: Vec<ParamEntry>,
    /// Each supporting document once, with the requirements that ask for it.
    pub(crate) evidence: Vec<(String, Vec<String>)>,
}

pub(crate) struct RequirementEntry {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) level: Level,
    /// `edtech-fr 1.0.0` for a clause brought in from a dependency.
    pub(crate) from: Option<String>,
    pub(crate) applies_when: Option<Rich>,
    pub(crate) text: Option<String>,
    pub(crate) refs: Vec<String>,
    pub(crate) evidence: Vec<String>,
    pub(crate) rule: Rich,
    /// The doc comment's paragraphs.
    pub(crate) notes: Vec<Rich>,
}

pub(crate) struct CriterionEntry {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) weight: Decimal,
    pub(crate) from: Option<String>,
    pub(crate) text: Option<String>,
    pub(crate) formula: String,
    pub(crate) notes: Vec<Rich>,
}

pub(crate) struct ParamEntry {
    pub(crate) name: String,
    pub(crate) value: String,
    /// Where the value comes from, in words.
    pub(crate) origin: Rich,
    pub(crate) description: Rich,
}

/// The labels of one language.
pub(crate) struct Labels {
    pub(crate) version: &'static str,
    pub(crate) license: &'static str,
    pub(crate) authors: &'static str,
    pub(crate) hash: &'static str,
    pub(crate) summary: &'static str,
    pub(crate) requirements: &'static str,
    pub(crate) requirements_intro: &'static str,
    pub(crate) no_requirements: &'static str,
    pub(crate) requirement: &'static str,
    pub(crate) title: &'static str,
    pub(crate) level: &'static str,
    pub(crate) must: &'static str,
    pub(crate) should: &'static str,
    pub(crate) info: &'static str,
    pub(crate) execution: &'static str,
    pub(crate) from: &'static str,
    pub(crate) applies_when: &'static str,
    pub(crate) legal_text: &'static str,
    pub(crate) references: &'static str,
    pub(crate) evidence: &'static str,
    pub(crate) rule: &'static str,
    pub(crate) note: &'static str,
    pub(crate) criteria: &'static str,
    pub(crate) criteria_intro: &'static str,
    pub(crate) criteria_total_note: &'static str,
    pub(crate) criterion: &'static str,
    pub(crate) weight: &'static str,
    pub(crate) total: &'static str,
    pub(crate) formula: &'static str,
    pub(crate) params: &'static str,
    pub(crate) params_intro: &'static str,
    pub(crate) param: &'static str,
    pub(crate) value: &'static str,
    pub(crate) origin: &'static str,
    pub(crate) description: &'static str,
    pub(crate) evidence_list: &'static str,
    pub(crate) evidence_intro: &'static str,
    pub(crate) document: &'static str,
    pub(crate) asked_by: &'static str,
    pub(crate) generated_by: &'static str,
}

impl Labels {
    pub(crate) fn of(lang: Lang) -> &'static Labels {
        match lang {
            Lang::Fr => &FRENCH,
            Lang::En => &ENGLISH,
        }
    }

    pub(crate) fn level(&self, level: Level) -> &'static str {
        match level {
            Level::Must => self.must,
            Level::Should => self.should,
            Level::Info => self.info,
            Level::Execution => self.execution,
        }
    }
}

static FRENCH: Labels = Labels {
    version: "Version",
    license: "Licence",
    authors: "Auteurs",
    hash: "Empreinte",
    summary: "Sommaire des exigences",
    requirements: "Exigences",
    requirements_intro: "Une offre qui ne satisfait pas une exigence obligatoire est écartée. Une offre dont les informations ne permettent pas de vérifier une exigence obligatoire est incomplète. Les exigences souhaitées sont appréciées sans écarter l'offre.",
    no_requirements: "Le présent document ne contient aucune exigence.",
    requirement: "Exigence",
    title: "Intitulé",
    level: "Niveau",
    must: "exigence obligatoire",
    should: "exigence souhaitée",
    info: "information",
    execution: "condition d'exécution",
    from: "Issue de",
    applies_when: "Applicable lorsque",
    legal_text: "Texte",
    references: "Références",
    evidence: "Pièces justificatives demandées",
    rule: "Règle vérifiée",
    note: "Note",
    criteria: "Critères d'attribution",
    criteria_intro: "Les offres éligibles sont notées selon les critères pondérés suivants, publiés conformément aux articles R2152-11 et R2152-12 du code de la commande publique. La note de chaque critère, comprise entre 0 et 1, est multipliée par sa pondération ; la note de l'offre est la somme des points obtenus, et les offres sont classées par note décroissante.",
    criteria_total_note: "Les pondérations ne totalisent pas 100.",
    criterion: "Critère",
    weight: "Pondération",
    total: "Total",
    formula: "Formule de notation",
    params: "Paramètres",
    params_intro: "Les seuils suivants sont utilisés par les exigences et les critères ci-dessus.",
    param: "Paramètre",
    value: "Valeur",
    origin: "Origine",
    description: "Description",
    evidence_list: "Liste des pièces justificatives",
    evidence_intro: "Le candidat joint à son offre les pièces suivantes.",
    document: "Pièce",
    asked_by: "Exigences",
    generated_by: "Document établi avec Clausier",
};

static ENGLISH: Labels = Labels {
    version: "Version",
    license: "License",
    authors: "Authors",
    hash: "Fingerprint",
    summary: "Requirements at a glance",
    requirements: "Requirements",
    requirements_intro: "An offer that fails a mandatory requirement is rejected. An offer whose information does not allow a mandatory requirement to be checked is incomplete. Desirable requirements are assessed without rejecting the offer.",
    no_requirements: "This document sets no requirement.",
    requirement: "Requirement",
    title: "Title",
    level: "Level",
    must: "mandatory requirement",
    should: "desirable requirement",
    info: "information only",
    execution: "execution condition",
    from: "From",
    applies_when: "Applies when",
    legal_text: "Text",
    references: "References",
    evidence: "Supporting documents asked",
    rule: "Rule checked",
    note: "Note",
    criteria: "Award criteria",
    criteria_intro: "Eligible offers are scored on the following weighted criteria, published as articles R2152-11 and R2152-12 of the French public procurement code (code de la commande publique) require. Each criterion's score, between 0 and 1, is multiplied by its weight; an offer's score is the sum of its points, and offers are ranked by decreasing score.",
    criteria_total_note: "The weights do not add up to 100.",
    criterion: "Criterion",
    weight: "Weight",
    total: "Total",
    formula: "Scoring formula",
    params: "Parameters",
    params_intro: "The requirements and criteria above use the following thresholds.",
    param: "Parameter",
    value: "Value",
    origin: "Origin",
    description: "Description",
    evidence_list: "Supporting documents",
    evidence_intro: "Candidates attach the following documents to their offer.",
    document: "Document",
    asked_by: "Requirements",
    generated_by: "Document made with Clausier",
};

/// A legal text with each placeholder replaced by its parameter's effective value.
fn filled(
    pack: &clausier_check::hir::CheckedPack,
    text: &clausier_check::hir::LegalText,
) -> String {
    text.fill(|id| {
        pack.params
            .get(id.0 as usize)
            .map(|param| param.value.display(&pack.schema).to_string())
            .unwrap_or_default()
    })
}

/// Builds the document.
pub(crate) fn build(input: &CahierInput<'_>, lang: Lang) -> Cahier {
    let pack = input.pack;
    let from = |meta: &ClauseMeta| origin_of(meta, input.name);
    let requirements: Vec<RequirementEntry> = pack
        .requirements
        .iter()
        .map(|requirement| RequirementEntry {
            id: requirement.meta.id.clone(),
            title: requirement.meta.title.clone(),
            level: requirement.level,
            from: from(&requirement.meta),
            applies_when: requirement
                .when
                .as_ref()
                .map(|when| condition(pack, when, lang)),
            text: requirement
                .meta
                .text
                .as_ref()
                .map(|text| filled(pack, text)),
            refs: requirement.meta.refs.clone(),
            evidence: requirement.meta.evidence.clone(),
            rule: condition(pack, &requirement.require, lang),
            notes: paragraphs(&requirement.meta.docs),
        })
        .collect();
    let criteria: Vec<CriterionEntry> = pack
        .criteria
        .iter()
        .map(|criterion| CriterionEntry {
            id: criterion.meta.id.clone(),
            title: criterion.meta.title.clone(),
            weight: criterion.weight.normalize(),
            from: from(&criterion.meta),
            text: criterion.meta.text.as_ref().map(|text| filled(pack, text)),
            formula: expr_to_string(pack, &criterion.score),
            notes: paragraphs(&criterion.meta.docs),
        })
        .collect();
    let total_weight = criteria
        .iter()
        .fold(Decimal::ZERO, |sum, criterion| {
            sum.saturating_add(criterion.weight)
        })
        .normalize();
    let params = pack
        .params
        .iter()
        .map(|param| param_entry(input, param, lang))
        .collect();
    let mut evidence: Vec<(String, Vec<String>)> = Vec::new();
    for requirement in &requirements {
        for document in &requirement.evidence {
            match evidence.iter_mut().find(|(known, _)| known == document) {
                Some((_, ids)) => ids.push(requirement.id.clone()),
                None => evidence.push((document.clone(), vec![requirement.id.clone()])),
            }
        }
    }
    Cahier {
        lang,
        name: input.name.to_owned(),
        version: input.version.to_owned(),
        hash: input.hash.to_owned(),
        description: input.description.map(Rich::from_markup),
        license: input.license.map(str::to_owned),
        authors: input.authors.to_vec(),
        requirements,
        criteria,
        total_weight,
        params,
        evidence,
    }
}

/// A condition in words, else as written.
fn condition(pack: &CheckedPack, expr: &TExpr, lang: Lang) -> Rich {
    words::condition(pack, expr, lang).unwrap_or_else(|| Rich::code(&expr_to_string(pack, expr)))
}

/// `edtech-fr 1.0.0` for a clause of another pack than the one rendered.
fn origin_of(meta: &ClauseMeta, root: &str) -> Option<String> {
    (!meta.pack.is_empty() && meta.pack != root).then(|| {
        format!("{} {}", meta.pack, meta.version)
            .trim_end()
            .to_owned()
    })
}

fn param_entry(input: &CahierInput<'_>, param: &ParamDef, lang: Lang) -> ParamEntry {
    let schema = &input.pack.schema;
    let value = words::value(&param.value, schema, lang);
    let origin = match &param.set_in {
        Some(site) => {
            let default = words::value(&param.default, schema, lang);
            let (set, declared) = match lang {
                Lang::Fr => (
                    format!("valeur fixée par {}, ", site.pack),
                    format!(" (valeur déclarée par {} : {default})", param.pack),
                ),
                Lang::En => (
                    format!("value set by {}, ", site.pack),
                    format!(" (value declared by {}: {default})", param.pack),
                ),
            };
            Rich::plain(&set)
                .join(Rich::code(&site.location))
                .text(&declared)
        }
        None => {
            let text = match lang {
                Lang::Fr => format!("valeur déclarée par {}", param.pack),
                Lang::En => format!("value declared by {}", param.pack),
            };
            let place = input.sources.get(param.origin.file).map(|file| {
                let at = file.line_col(param.origin.span.start);
                format!("{}:{}", file.name(), at.line)
            });
            match place {
                Some(place) => Rich::plain(&text).text(", ").join(Rich::code(&place)),
                None => Rich::plain(&text),
            }
        }
    };
    let description = paragraphs(&param.docs)
        .into_iter()
        .reduce(|left, right| left.text(" ").join(right))
        .unwrap_or_default();
    ParamEntry {
        name: param.name.clone(),
        value,
        origin,
        description,
    }
}

/// A doc comment's paragraphs, each on one line.
fn paragraphs(docs: &str) -> Vec<Rich> {
    docs.split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| Rich::from_markup(&paragraph))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_comments_keep_their_code() {
        let rich = Rich::from_markup("Seuil : `max_price`.");
        assert_eq!(
            rich.runs,
            vec![
                Run::Text("Seuil : ".to_owned()),
                Run::Code("max_price".to_owned()),
                Run::Text(".".to_owned())
            ]
        );
        assert_eq!(
            paragraphs("Premier\nparagraphe.\n\nSecond."),
            vec![Rich::plain("Premier paragraphe."), Rich::plain("Second.")]
        );
    }
}

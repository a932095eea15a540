//! A pack as the text of a tender (cahier des charges, règlement de la consultation), in
//! the legal model of public procurement: the specifications an offer must meet (an offer
//! that fails one is irrégulière), the conditions of performance the candidate commits
//! to, the weighted award criteria with their scoring method in words (R2152-11,
//! R2152-12) and the desirable requirements each one scores, the information requested
//! without bearing on the award, and the supporting documents.
//!
//! The body of the document is what a buyer publishes: legal texts with the values in
//! effect in place of their placeholders, notes, rules and criteria in words. What
//! identifies the rules technically (pack names, versions, hashes, the parameters and who
//! set them) goes to a short final annex; file paths and drafting comments (`///`) are
//! never printed.
//!
//! One document model is built from the checked pack, then written as Markdown, as a
//! self-contained HTML page or as a Word document.

mod business_time_words;
mod docx;
mod html;
mod inventory_words;
mod labels;
mod markdown;
mod model;
mod scoring;
mod weekday_words;
mod words;

use clausier_check::hir::CheckedPack;
use rust_decimal::Decimal;

pub use docx::render_docx;
pub use html::render_html;
pub use markdown::render_markdown;
pub(crate) use markdown::{code as md_code, escape as md_escape};
pub(crate) use model::children as expr_children;

pub use clausier_i18n::Lang;

/// What the document is made from.
#[derive(Debug, Clone, Copy)]
pub struct CahierInput<'a> {
    pub pack: &'a CheckedPack,
    /// What the title page says (`[document]` in `pack.toml`).
    pub title_page: &'a TitlePage,
    /// The packs the clauses come from: the root first, then its dependencies.
    pub provenance: &'a [PackProvenance],
    /// A working draft, not a document to publish: the title page says that texts are
    /// still to be written. (A clause without a text is marked as such in any case.)
    pub draft: bool,
}

/// The title page of the tender.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitlePage {
    pub title: Option<String>,
    pub buyer: Option<String>,
    pub object: Option<String>,
    pub procedure: Option<String>,
    pub lots: Vec<String>,
    /// The deadline for offers: the date the rules read as `today`.
    pub deadline: Option<jiff::civil::Date>,
}

/// A pack the document's clauses come from, for the annex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackProvenance {
    pub name: String,
    pub version: String,
    /// The content hash of its files, as every report prints it.
    pub hash: String,
    /// The names of the packs it depends on directly.
    pub dependencies: Vec<String>,
}

/// Text with inline code: `` `hosting.region` est vrai `` is a code run and a text run.
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
        if text.is_empty() {
            return self;
        }
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
}

/// A number as the document's language writes it: `7,5` in French, `7.5` in English.
pub(crate) fn number(value: Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A value as the document in `lang` writes it where a legal text names its parameter:
/// `4,50 €`, `15 jours`, `25 août 2027` in French; `4.50 €`, `15 days`, `25 August 2027`
/// in English.
pub fn value_in_words(
    value: &clausier_check::value::Value,
    schema: &clausier_check::types::Schema,
    lang: Lang,
) -> String {
    words::placeholder_value(value, schema, lang)
}

/// A value that needs no declaration to be written (neither an enum variant nor a
/// record), as the document in `lang` writes it: `9,40 €`, `90 jours`, `30 septembre
/// 2026`.
pub(crate) fn plain_value_in_words(value: &clausier_check::value::Value, lang: Lang) -> String {
    words::value(value, &clausier_check::types::Schema::default(), lang)
}

/// A rule as the tender words it, written as Markdown: the condition of a requirement
/// (`hosting.region` est l'une des valeurs EU, EEA), for the analysis of offers, which
/// states the rules an offer failed in the words the buyer published, and for the
/// editor's hover, which shows the rule a requirement checks. `deadline_known`: the
/// tender gives a deadline for offers (`today` is then said as it).
pub fn condition_markdown(
    pack: &CheckedPack,
    expr: &clausier_check::hir::TExpr,
    lang: Lang,
    deadline_known: bool,
) -> String {
    markdown::rich(&words::Words::new(pack, lang, deadline_known).condition(expr))
}

/// A clause's legal text or note with each placeholder replaced by its value as the
/// tender writes it (« 6,00 € »), for the editor's hover.
pub fn legal_text_filled(
    pack: &CheckedPack,
    text: &clausier_check::hir::LegalText,
    lang: Lang,
) -> String {
    text.fill(&pack.params, |value| {
        words::placeholder_value(value, &pack.schema, lang)
    })
}

/// The same rule as pieces, each a quotation of the clause (`true`) or words, for the
/// reports that mark quotations in their own way.
pub(crate) fn condition_runs(
    pack: &CheckedPack,
    expr: &clausier_check::hir::TExpr,
    lang: Lang,
    deadline_known: bool,
) -> Vec<(bool, String)> {
    words::Words::new(pack, lang, deadline_known)
        .condition(expr)
        .runs
        .into_iter()
        .map(|run| match run {
            Run::Text(text) => (false, text),
            Run::Code(text) => (true, text),
        })
        .collect()
}

/// A value as the tender writes it (`8,00 €`, `2 décembre 2027`), wherever it is shown.
pub(crate) fn value_words(
    value: &clausier_check::value::Value,
    schema: &clausier_check::types::Schema,
    lang: Lang,
) -> String {
    words::value(value, schema, lang)
}

/// What separates the items of a list on one line: ` ; ` in French, `; ` in English.
pub(crate) fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " ; ",
        Lang::En => "; ",
    }
}

#[cfg(test)]
mod tests;

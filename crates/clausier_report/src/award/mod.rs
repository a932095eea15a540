//! The documents a buyer writes after the award (`clausier award`): the *rapport
//! d'analyse des offres* and a notification letter for each tenderer not retained
//! (R2181-1, R2181-3: the reasons for the rejection, the winner's name and the reasons
//! for its choice, given as scores and ranks, CE 19/04/2013 n° 365617; R2182-1: the
//! earliest signature date after the standstill period).
//!
//! Everything comes from a `check` run's [`Report`] and the checked pack, read as they
//! are: the award evaluates nothing again. [`analysis`] decides each lot's outcome (a
//! winner, offers tied at the first rank, or no eligible offer); [`markdown`] writes the
//! documents, once, in Markdown; [`blocks`] reads that Markdown back (pulldown-cmark) for
//! [`html`] and [`docx`], so the three formats say the same words; every fixed word, in
//! French and English, is in [`words`].

mod analysis;
mod blocks;
mod docx;
mod html;
mod markdown;
mod words;

use clausier_check::hir::CheckedPack;
use clausier_data::descriptor::Descriptor;
use clausier_eval::report::Report;
use jiff::civil::Date;

use crate::pack::{Lang, TitlePage};

pub use analysis::{Analysis, LotOutcome};

/// How the letters are sent, which sets the standstill period of R2182-1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Means {
    /// By electronic means: 11 days.
    Electronic,
    /// By any other means (post): 16 days.
    Post,
}

impl Means {
    /// The days between the notification and the earliest signature (R2182-1).
    pub fn standstill_days(self) -> i64 {
        match self {
            Means::Electronic => 11,
            Means::Post => 16,
        }
    }
}

/// The notification of the letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notification {
    pub date: Date,
    pub means: Means,
}

impl Notification {
    /// The earliest date the contract may be signed: the notification date plus the
    /// standstill period; `None` only past the calendar's end (year 9999).
    pub fn earliest_signature(self) -> Option<Date> {
        self.date
            .checked_add(jiff::Span::new().days(self.means.standstill_days()))
            .ok()
    }
}

/// What the documents are made from.
#[derive(Debug, Clone, Copy)]
pub struct AwardInput<'a> {
    pub pack: &'a CheckedPack,
    /// The run, as `clausier check` gives it.
    pub report: &'a Report,
    /// The run's inputs, at the index each report entry names (`DescriptorReport::input`):
    /// the values an offer declared for the criteria.
    pub descriptors: &'a [Descriptor],
    /// The procedure (`[document]` of pack.toml).
    pub procedure: &'a TitlePage,
    pub notification: Notification,
    pub lang: Lang,
}

/// A document to write: its file name (without folder) and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardDocument {
    pub file_name: String,
    pub content: Vec<u8>,
}

/// The documents of an award, and the offers that get no letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardDocuments {
    /// The report first, then the letters in the order of the report's entries.
    pub documents: Vec<AwardDocument>,
    /// The offers tied at the first rank of a lot (id, lot): the buyer decides between
    /// them, so no letter is written for them yet.
    pub tied_without_letter: Vec<(String, Option<String>)>,
}

/// The format of the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwardFormat {
    /// Markdown, with tables (`.md`).
    Markdown,
    /// One self-contained HTML page per document (`.html`).
    Html,
    /// One Word document per document (`.docx`).
    Docx,
}

impl AwardFormat {
    /// The extension of the files, without its dot.
    pub fn extension(self) -> &'static str {
        match self {
            AwardFormat::Markdown => "md",
            AwardFormat::Html => "html",
            AwardFormat::Docx => "docx",
        }
    }
}

/// The report (`rapport-analyse-des-offres.EXT`) and one letter per offer not retained
/// (`lettre-ID.EXT`, `lettre-ID-lot-LOT.EXT`), in `format`. An error only when the Word
/// package cannot be written.
pub fn render_award(
    input: &AwardInput<'_>,
    format: AwardFormat,
) -> std::io::Result<AwardDocuments> {
    let (written, tied_without_letter) = markdown::write_documents(input);
    let mut documents = Vec::with_capacity(written.len());
    for document in written {
        let content = match format {
            AwardFormat::Markdown => document.text.into_bytes(),
            AwardFormat::Html => {
                html::page(&blocks::parse(&document.text), input.lang).into_bytes()
            }
            AwardFormat::Docx => docx::document(&blocks::parse(&document.text), input.lang)?,
        };
        documents.push(AwardDocument {
            file_name: format!("{}.{}", document.stem, format.extension()),
            content,
        });
    }
    Ok(AwardDocuments {
        documents,
        tied_without_letter,
    })
}

/// A file name made of vendor text: letters, digits, `.`, `_` and `-` kept, anything
/// else a `-`, so that an id never names a folder or a hidden file.
fn file_stem(text: &str) -> String {
    let stem: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    stem.trim_start_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standstill_is_eleven_days_electronically_and_sixteen_otherwise() {
        let date = jiff::civil::date(2026, 11, 30);
        let electronic = Notification {
            date,
            means: Means::Electronic,
        };
        let post = Notification {
            date,
            means: Means::Post,
        };
        assert_eq!(
            electronic.earliest_signature(),
            Some(jiff::civil::date(2026, 12, 11))
        );
        assert_eq!(
            post.earliest_signature(),
            Some(jiff::civil::date(2026, 12, 16))
        );
    }

    #[test]
    fn file_stems_never_leave_the_folder() {
        assert_eq!(file_stem("../x/é y"), "-x---y");
        assert_eq!(file_stem("vendor-a"), "vendor-a");
    }
}

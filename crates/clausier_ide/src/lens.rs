//! The check lens: the descriptors declared for a pack, checked against it as it is
//! being written, requirement by requirement; and the problems inside a descriptor file.
//!
//! Descriptors are loaded, compiled and evaluated by `clausier_eval`, the path
//! `clausier check` takes, so that a lens never disagrees with a report.

use std::path::PathBuf;

use clausier_data::descriptor::Descriptor;
use clausier_data::load::{self, Format, LoadOptions};
use clausier_diagnostics::{Code, Diagnostic, Message};
use clausier_eval::report::{
    ClauseResult, DescriptorReport, DescriptorStatus, PackInfo, RequirementStatus,
};
use clausier_eval::{RunOptions, compile, run};
use clausier_i18n::Lang;
use jiff::civil::Date;

use crate::{Analysis, FileId, Span};

pub use clausier_eval::report::Explanation;

/// A descriptor file to check: where it is, how reports name it, and its text (an
/// editor's buffer or what is on disk). Its format comes from its extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescriptorInput {
    pub path: PathBuf,
    /// The name shown, as `clausier check` shows a file found in a folder.
    pub source: String,
    pub text: String,
    /// Why the file could not be read (too large, not a regular file, a byte that is no
    /// character), as the invalid descriptor `clausier_data::files::read_descriptor_file`
    /// gives; `text` is then empty.
    pub unread: Option<Box<Descriptor>>,
}

/// What checking the declared descriptors gives, requirement by requirement.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckLens {
    /// Why the lens is empty: the pack does not compile.
    pub reason: Option<Message>,
    /// How many descriptors were checked (an NDJSON or CSV file holds several).
    pub descriptors: usize,
    /// The descriptors whose data is invalid: no requirement was evaluated on them.
    pub invalid: Vec<LensDescriptor>,
    /// Every requirement the root pack checks, in clause order (those it `use`s from a
    /// dependency included, located in the dependency's file).
    pub requirements: Vec<RequirementLens>,
}

/// One requirement and how the descriptors fare against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementLens {
    pub id: String,
    pub title: String,
    /// The pack that declares it.
    pub pack: String,
    /// The file that declares it, and its id's span: where a code lens goes.
    pub file: FileId,
    pub span: Span,
    /// The whole requirement's span.
    pub clause_span: Span,
    pub pass: Vec<LensDescriptor>,
    pub fail: Vec<LensFailure>,
    pub missing: Vec<LensMissing>,
    pub not_applicable: Vec<LensDescriptor>,
}

/// How many descriptors have each outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LensCounts {
    pub pass: usize,
    pub fail: usize,
    pub missing: usize,
    pub not_applicable: usize,
}

impl RequirementLens {
    pub fn counts(&self) -> LensCounts {
        LensCounts {
            pass: self.pass.len(),
            fail: self.fail.len(),
            missing: self.missing.len(),
            not_applicable: self.not_applicable.len(),
        }
    }
}

/// A descriptor as the lens names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LensDescriptor {
    /// Its `id`, else its file's stem (`stem:line` in NDJSON and CSV).
    pub id: String,
    /// The name of its file, as in [`DescriptorInput::source`].
    pub source: String,
    pub path: PathBuf,
}

/// A descriptor that fails a requirement, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LensFailure {
    pub descriptor: LensDescriptor,
    /// The smallest failing sub-expressions, the values they saw and where.
    pub explanations: Vec<Explanation>,
}

impl LensFailure {
    /// The first explanation on one line, in `lang`: `` `hosting.region == EU`:
    /// `hosting.region` is `OTHER` (line 4, column 15) ``. Written when asked, since one
    /// lens serves editors in either language.
    pub fn summary(&self, lang: Lang) -> String {
        self.explanations
            .first()
            .map(|explanation| clausier_report::check::explanation_markdown(explanation, lang))
            .unwrap_or_default()
    }
}

/// A descriptor that lacks the data a requirement reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LensMissing {
    pub descriptor: LensDescriptor,
    /// The absent paths, sorted.
    pub paths: Vec<String>,
}

impl Analysis {
    /// Checks the descriptors against the root pack on `date` (the value of `today`), as
    /// `clausier check` does. Empty, with a reason, when the pack does not compile.
    pub fn check_descriptors(&self, descriptors: &[DescriptorInput], date: Date) -> CheckLens {
        let Some(valid) = self.checked.valid() else {
            return CheckLens {
                reason: Some(Message::new("editor-lens-pack-does-not-compile")),
                ..CheckLens::default()
            };
        };
        let pack = valid.pack();
        let mut loaded = Vec::new();
        let mut paths = Vec::new();
        for input in descriptors {
            let found = load_input(self, input);
            paths.extend(std::iter::repeat_n(input.path.clone(), found.len()));
            loaded.extend(found);
        }
        let program = compile(valid);
        let info = PackInfo {
            name: self.pack_name.clone(),
            version: self
                .graph
                .packs
                .last()
                .map(|pack| pack.version.clone())
                .unwrap_or_default(),
            hash: String::new(),
        };
        let report = run(&program, info, &loaded, &RunOptions::new(date, 1));
        let mut lens = CheckLens {
            reason: None,
            descriptors: loaded.len(),
            invalid: Vec::new(),
            requirements: pack
                .requirements
                .iter()
                .map(|requirement| RequirementLens {
                    id: requirement.meta.id.clone(),
                    title: requirement.meta.title.clone(),
                    pack: requirement.meta.pack.clone(),
                    file: requirement.meta.origin.file,
                    span: requirement.meta.origin.span,
                    clause_span: requirement.meta.span,
                    pass: Vec::new(),
                    fail: Vec::new(),
                    missing: Vec::new(),
                    not_applicable: Vec::new(),
                })
                .collect(),
        };
        // An offer on two lots has an entry per lot, each naming its input.
        for descriptor in &report.descriptors {
            if let Some(path) = paths.get(descriptor.input) {
                lens.add(descriptor, path.clone());
            }
        }
        lens
    }

    /// The problems of one descriptor file: syntax errors, values of the wrong type,
    /// unknown enum values (with a "did you mean"), located in its text. While the pack
    /// does not compile, only the problems that do not depend on its schema are given.
    /// Nothing for a file whose extension is not a descriptor format's.
    ///
    /// The diagnostics are those `clausier check` shows (`DataProblem::to_diagnostic`),
    /// labelled in `file`: the id the caller gives the descriptor's text, which is not one
    /// of the analysis's files.
    pub fn descriptor_diagnostics(&self, input: &DescriptorInput, file: FileId) -> Vec<Diagnostic> {
        if Format::from_path(&input.path).is_none() {
            return Vec::new();
        }
        let schema_known = !self.checked.has_errors();
        let mut out: Vec<Diagnostic> = load_input(self, input)
            .iter()
            .flat_map(|descriptor| &descriptor.problems)
            .filter(|problem| schema_known || !depends_on_schema(problem.code))
            .map(|problem| problem.to_diagnostic(Some((file, 0))))
            .collect();
        out.sort_by_key(Diagnostic::sort_key);
        out.dedup();
        out
    }
}

impl CheckLens {
    fn add(&mut self, report: &DescriptorReport, path: PathBuf) {
        let descriptor = LensDescriptor {
            id: report.id.clone(),
            source: report.source.clone(),
            path,
        };
        if report.status == DescriptorStatus::Invalid {
            self.invalid.push(descriptor);
            return;
        }
        for result in &report.results {
            let ClauseResult::Requirement(result) = result else {
                continue;
            };
            let Some(lens) = self
                .requirements
                .iter_mut()
                .find(|lens| lens.id == result.clause && lens.pack == result.pack)
            else {
                continue;
            };
            let descriptor = descriptor.clone();
            match result.status {
                RequirementStatus::Pass => lens.pass.push(descriptor),
                RequirementStatus::NotApplicable => lens.not_applicable.push(descriptor),
                RequirementStatus::Missing => lens.missing.push(LensMissing {
                    descriptor,
                    paths: result.missing.clone(),
                }),
                // The lens has no place yet for a claimed equivalent awaiting the buyer: it
                // shows it with the failures it would be without the claim.
                RequirementStatus::Fail | RequirementStatus::Review => {
                    lens.fail.push(LensFailure {
                        descriptor,
                        explanations: result.explanation.clone(),
                    })
                }
            }
        }
    }
}

/// The descriptors of one input, loaded against the root pack's schema as `clausier
/// check` loads a file found in a folder.
fn load_input(analysis: &Analysis, input: &DescriptorInput) -> Vec<Descriptor> {
    let schema = &analysis.checked.pack.schema;
    if let Some(unread) = &input.unread {
        return vec![(**unread).clone()];
    }
    match Format::from_path(&input.path) {
        Some(format) => load::load_text(
            schema,
            &input.source,
            &input.text,
            format,
            &LoadOptions::default(),
        ),
        None => vec![load::unreadable(
            &input.source,
            format!(
                "`{}` is not a descriptor file: its name must end in {}",
                input.source,
                Format::listed_extensions(str::to_owned, "or")
            ),
        )],
    }
}

/// Problems only a compiled schema can tell apart from correct data.
fn depends_on_schema(code: Code) -> bool {
    ![
        Code::DESCRIPTOR_SYNTAX,
        Code::DESCRIPTOR_SHAPE,
        Code::DESCRIPTOR_DUPLICATE_KEY,
        Code::DESCRIPTOR_UNREADABLE,
    ]
    .contains(&code)
}

/// A day as the reports write it (« 5 décembre 2026 », "5 December 2026").
pub fn date_in_words(date: Date, lang: Lang) -> String {
    clausier_report::pack::value_in_words(
        &clausier_check::value::Value::Date(date),
        &clausier_check::types::Schema::default(),
        lang,
    )
}

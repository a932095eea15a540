//! The catalogue of `diagnose --catalogue DIR [--against PACK]`: the solution
//! descriptions read with the pack they must satisfy, and that pack's report over them;
//! without a pack, read with the documented `solution { … }` shape alone.

use std::io;
use std::path::Path;

use clausier_check::types::Schema;
use clausier_check::{PackGraph, PackInput, check_graph};
use clausier_data::Descriptor;
use clausier_data::load::LoadOptions;
use clausier_diagnostics::{SourceFile, SourceMap};
use clausier_eval::report::Report;
use clausier_eval::{RunOptions, compile, run as run_checks};
use clausier_i18n::Lang;
use clausier_report::check::word_report;

use super::super::Failure;
use super::super::compiled::{CommandErrors, load_compiled_quietly};
use super::MAX_DESCRIPTOR_SIZE;
use crate::args::{ColorChoice, LangArg};
use crate::inputs;

/// The shape every solution description is read into (docs/language.md, « Solution
/// descriptions »), for a catalogue listed without a pack to check it against.
const SOLUTION_SHAPE: &str = include_str!("solution.clause");

/// A catalogue read for the alternatives of a diagnosis.
pub(super) struct ReadCatalogue {
    pub solutions: Vec<Descriptor>,
    schema: Schema,
    /// The report of the `--against` pack over `solutions`, worded.
    pub report: Option<Report>,
}

/// What reading the catalogue needs to know of the command.
pub(super) struct CatalogueRequest<'a> {
    pub folder: &'a Path,
    pub against: Option<&'a Path>,
    pub output: Option<&'a Path>,
    pub date: jiff::civil::Date,
    pub color: ColorChoice,
    pub lang_arg: Option<LangArg>,
    pub lang: Lang,
    pub quiet: bool,
}

impl ReadCatalogue {
    /// Reads the catalogue; `None` when the `--against` pack does not compile (its
    /// errors are printed).
    pub(super) fn read(request: &CatalogueRequest<'_>) -> Result<Option<Self>, Failure> {
        let inputs = inputs::collect(&[request.folder.to_path_buf()], request.output)?;
        let Some(against) = request.against else {
            let schema = solution_schema();
            let solutions = load(&inputs, &schema);
            if solutions.is_empty() {
                return Err(inputs::no_descriptor().into());
            }
            return Ok(Some(Self {
                solutions,
                schema,
                report: None,
            }));
        };
        let Some(pack) = load_compiled_quietly(
            against,
            request.color,
            request.lang_arg,
            request.quiet,
            |_| CommandErrors::default(),
        )?
        else {
            return Ok(None);
        };
        let Some(valid) = pack.checked.valid() else {
            return Ok(None);
        };
        let solutions = load(&inputs, &pack.checked.pack.schema);
        if solutions.is_empty() {
            return Err(inputs::no_descriptor().into());
        }
        // A catalogue holds tens of solutions: one thread gives the same report.
        let options = RunOptions::new(request.date, 1);
        let mut report = run_checks(&compile(valid), pack.info.clone(), &solutions, &options);
        word_report(&mut report, &pack.checked.pack, request.lang, false);
        Ok(Some(Self {
            solutions,
            schema: pack.checked.pack.schema.clone(),
            report: Some(report),
        }))
    }

    pub(super) fn schema(&self) -> &Schema {
        &self.schema
    }
}

fn load(inputs: &[clausier_data::files::Input], schema: &Schema) -> Vec<Descriptor> {
    inputs::load_all(
        inputs,
        schema,
        &LoadOptions::default(),
        MAX_DESCRIPTOR_SIZE,
        &mut io::empty(),
        None,
    )
}

/// The schema of [`SOLUTION_SHAPE`]. The shape is part of the program and checked by
/// its tests, so it has no errors to show; were it to have some, the solutions would
/// only be read with fewer fields.
fn solution_schema() -> Schema {
    let mut sources = SourceMap::new();
    let id = sources.add(SourceFile::new("solution.clause", SOLUTION_SHAPE));
    let parse = clausier_syntax::parse(id, SOLUTION_SHAPE);
    let files = [(id, &parse.ast)];
    let checked = check_graph(&PackGraph {
        packs: vec![PackInput {
            name: "solution",
            version: "1.0.0",
            files: &files,
            dependencies: Vec::new(),
            overrides: Vec::new(),
        }],
        sources: &sources,
        launch: None,
        lots: &[],
    });
    checked.pack.schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_solution_shape_has_no_diagnostic() {
        let mut sources = SourceMap::new();
        let id = sources.add(SourceFile::new("solution.clause", SOLUTION_SHAPE));
        let parse = clausier_syntax::parse(id, SOLUTION_SHAPE);
        assert!(parse.diagnostics.is_empty());
        let schema = solution_schema();
        assert!(
            schema
                .descriptor_record()
                .is_some_and(|record| record.field("solution").is_some())
        );
    }
}

//! `clausier diagnose PACK INVENTORY…`: a diagnosis pack's indicators and priorities over
//! an inventory, with the alternatives of a catalogue of solutions, in the terminal, as
//! an HTML dashboard, Markdown or JSON.

mod catalogue;

use std::io::{self, IsTerminal};
use std::path::Path;

use clausier_data::load::LoadOptions;
use clausier_diagnostics::Message;
use clausier_eval::RunOptions;
use clausier_report::diagnose::{
    DiagnosisView, SolutionCatalogue, entry_names, render_diagnosis_html, render_diagnosis_human,
    render_diagnosis_json, render_diagnosis_markdown,
};

use self::catalogue::{CatalogueRequest, ReadCatalogue};
use super::check::jobs;
use super::compiled::{evaluation_date, load_program};
use super::language::chosen_lang;
use super::{Failure, Outcome};
use crate::args::{ColorChoice, DiagnoseArgs, DiagnoseFormat, LangArg};
use crate::error::CliError;
use crate::inputs;
use crate::output::{print_stdout_bytes, write_report_bytes};

/// The largest inventory file read, as `check`'s default.
const MAX_DESCRIPTOR_SIZE: usize = 64 * 1024 * 1024;

pub fn run(
    args: &DiagnoseArgs,
    color: ColorChoice,
    lang_arg: Option<LangArg>,
) -> Result<Outcome, Failure> {
    let Some((pack, program)) = load_program(&args.pack, color, lang_arg, args.quiet)? else {
        return Ok(Outcome::Failure);
    };
    let output = args
        .output
        .as_deref()
        .filter(|path| path.as_os_str() != "-");
    let format = args.format.unwrap_or_else(|| format_of(output));
    let inputs = inputs::collect(&args.inventory, output)?;
    let (date, _) = evaluation_date(args.date, &pack.manifest);
    let lang = chosen_lang(lang_arg, Some(&pack.manifest));
    let options = RunOptions::new(date, jobs(args.jobs, args.quiet, lang));
    // The catalogue's pack is compiled before the inventory is read: a diagnosis whose
    // alternatives were silently left unchecked would mislead.
    let catalogue = match &args.catalogue {
        Some(folder) => {
            let request = CatalogueRequest {
                folder,
                against: args.against.as_deref(),
                output,
                date,
                color,
                lang_arg,
                lang,
                quiet: args.quiet,
            };
            match ReadCatalogue::read(&request)? {
                Some(read) => Some(read),
                None => return Ok(Outcome::Failure),
            }
        }
        None => None,
    };
    let entries = inputs::load_all(
        &inputs,
        &pack.checked.pack.schema,
        &LoadOptions::default(),
        MAX_DESCRIPTOR_SIZE,
        &mut io::stdin().lock(),
        None,
    );
    if entries.is_empty() {
        return Err(inputs::no_descriptor().into());
    }
    let diagnosis = clausier_eval::diagnose(&program, pack.info.clone(), &entries, &options);
    let schema = &pack.checked.pack.schema;
    let names = entry_names(&entries, schema);
    let view = DiagnosisView {
        diagnosis: &diagnosis,
        schema,
        names: &names,
        catalogue: catalogue.as_ref().map(|read| SolutionCatalogue {
            descriptors: &read.solutions,
            schema: read.schema(),
            against: read.report.as_ref(),
        }),
    };
    let text = match format {
        DiagnoseFormat::Human => {
            let color = match output {
                Some(_) => color == ColorChoice::Always,
                None => color.enabled(io::stdout().is_terminal()),
            };
            render_diagnosis_human(&view, lang, color)
        }
        DiagnoseFormat::Html => render_diagnosis_html(&view, lang),
        DiagnoseFormat::Markdown => render_diagnosis_markdown(&view, lang),
        DiagnoseFormat::Json => render_diagnosis_json(&view, lang).map_err(|error| {
            CliError::new(
                Message::new("e09-cannot-render-report")
                    .with("format", "JSON")
                    .with("reason", error.to_string()),
            )
        })?,
    };
    match output {
        Some(path) => write_report_bytes(path, text.as_bytes())?,
        None => print_stdout_bytes(text.as_bytes())?,
    }
    // A diagnosis judges nobody: what its indicators flag is no failure of the command,
    // but totals that leave lines out must not pass for complete in a script.
    Ok(if diagnosis.left_out.is_empty() {
        Outcome::Success
    } else {
        Outcome::LinesLeftOut
    })
}

/// The format an output file's extension asks for; the terminal's summary otherwise.
fn format_of(output: Option<&Path>) -> DiagnoseFormat {
    let extension = output
        .and_then(Path::extension)
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => DiagnoseFormat::Html,
        Some("md" | "markdown") => DiagnoseFormat::Markdown,
        Some("json") => DiagnoseFormat::Json,
        _ => DiagnoseFormat::Human,
    }
}

//! `clausier catalogue PACK… SOLUTIONS`: every pack run over a folder of solution
//! descriptions, written as one searchable HTML page.

use std::io;

use clausier_data::load::LoadOptions;
use clausier_eval::{RunOptions, compile, run as run_checks};
use clausier_report::DateOrigin;
use clausier_report::check::{Catalogue, render_catalogue, word_report};

use super::compiled::{CommandErrors, evaluation_date, load_compiled_quietly};
use super::language::chosen_lang;
use super::{Failure, Outcome};
use crate::args::{CatalogueArgs, ColorChoice, LangArg};
use crate::inputs;
use crate::output::{print_stdout_bytes, write_report_bytes};

/// The largest solution description read, as `check`'s default.
const MAX_DESCRIPTOR_SIZE: usize = 64 * 1024 * 1024;

pub fn run(
    args: &CatalogueArgs,
    color: ColorChoice,
    lang: Option<LangArg>,
) -> Result<Outcome, Failure> {
    // Every pack is compiled before anything is read: a catalogue missing one pack's
    // verdicts would read as if that pack had not been asked for.
    let mut packs = Vec::new();
    for path in &args.packs {
        let Some(pack) =
            load_compiled_quietly(path, color, lang, args.quiet, |_| CommandErrors::default())?
        else {
            return Ok(Outcome::Failure);
        };
        packs.push(pack);
    }
    let Some(first) = packs.first() else {
        return Ok(Outcome::Failure);
    };
    let output = args
        .output
        .as_deref()
        .filter(|path| path.as_os_str() != "-");
    let inputs = inputs::collect(std::slice::from_ref(&args.solutions), output)?;
    let (date, date_origin) = evaluation_date(args.date, &first.manifest);
    let lang = chosen_lang(lang, Some(&first.manifest));
    let load_options = LoadOptions::default();

    let mut reports = Vec::new();
    let mut shown = None;
    for pack in &packs {
        let Some(valid) = pack.checked.valid() else {
            // `load_compiled_quietly` gives only a pack without errors.
            return Ok(Outcome::Failure);
        };
        // Each pack reads the descriptions with its own schema.
        let descriptors = inputs::load_all(
            &inputs,
            &pack.checked.pack.schema,
            &load_options,
            MAX_DESCRIPTOR_SIZE,
            &mut io::empty(),
            None,
        );
        if descriptors.is_empty() {
            return Err(inputs::no_descriptor().into());
        }
        // A catalogue holds tens of solutions, not the thousands of offers `check --jobs`
        // is for; the report is the same whatever the number of threads.
        let options = RunOptions::new(date, 1);
        let mut report = run_checks(&compile(valid), pack.info.clone(), &descriptors, &options);
        word_report(
            &mut report,
            &pack.checked.pack,
            lang,
            matches!(date_origin, DateOrigin::Deadline),
        );
        reports.push(report);
        if shown.is_none() {
            shown = Some(descriptors);
        }
    }
    let descriptors = shown.unwrap_or_default();
    let html = render_catalogue(
        &Catalogue {
            descriptors: &descriptors,
            schema: &first.checked.pack.schema,
            reports: &reports,
        },
        lang,
    );
    match output {
        Some(path) => write_report_bytes(path, html.as_bytes())?,
        None => print_stdout_bytes(html.as_bytes())?,
    }
    Ok(Outcome::Success)
}

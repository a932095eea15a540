//! `clausier award PACK OFFERS… --notify-date D`: the analysis of offers and the letters,
//! from the same run as `clausier check`.

use std::io;
use std::path::Path;

use clausier_data::files::io_error_message;
use clausier_data::load::LoadOptions;
use clausier_diagnostics::Message;
use clausier_eval::{RunOptions, run as run_checks};
use clausier_report::award::{AwardFormat, AwardInput, Means, Notification, render_award};

use super::compiled::{evaluation_date, load_program};
use clausier_i18n::t;

use super::language::chosen_lang;
use super::recording::{self, ReportSettings};
use super::render::title_page;
use super::{Failure, Outcome};
use crate::args::{AwardArgs, AwardFormatArg, ColorChoice, LangArg, NotifiedBy};
use crate::error::CliError;
use crate::inputs;
use crate::output::{print_stderr, write_report_bytes};
use clausier_report::DateOrigin;

pub fn run(
    args: &AwardArgs,
    color: ColorChoice,
    lang: Option<LangArg>,
) -> Result<Outcome, Failure> {
    let Some((pack, program)) = load_program(&args.pack, color, lang, false)? else {
        return Ok(Outcome::Failure);
    };
    let inputs = inputs::collect(&args.descriptors, None)?;
    let descriptors = inputs::load_all(
        &inputs,
        &pack.checked.pack.schema,
        &LoadOptions::default(),
        clausier_data::files::DEFAULT_MAX_SIZE,
        &mut io::stdin().lock(),
        None,
    );
    if descriptors.is_empty() {
        return Err(inputs::no_descriptor().into());
    }
    let (date, date_origin) = evaluation_date(args.date, &pack.manifest);
    let mut options = RunOptions::new(
        date,
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
    );
    let lang = chosen_lang(lang, Some(&pack.manifest));
    let mut log = recording::open_run_log(args.record.as_deref(), args.decisions.as_deref())?;
    let (recorded_files, applied) = recording::apply_decisions(
        log.as_mut(),
        &pack.info.name,
        &inputs,
        &descriptors,
        false,
        lang,
        &mut options,
    )?;
    let report = run_checks(&program, pack.info.clone(), &descriptors, &options);
    if let (Some(store), Some(_)) = (log.as_mut(), &args.record) {
        let settings = ReportSettings {
            lang,
            deadline: matches!(date_origin, DateOrigin::Deadline),
            strict: false,
            max_descriptor_size: clausier_data::files::DEFAULT_MAX_SIZE,
            pack_file: None,
            // The award documents word the report themselves: the recorded one is as the
            // run computed it.
            worded: false,
        };
        let id = recording::record_run(
            store.as_mut(),
            "award",
            &pack,
            &report,
            settings,
            recorded_files,
            applied,
        )?;
        print_stderr(&format!("{}\n", t!(lang, "check-recorded", id = id)));
    }

    let procedure = title_page(&pack);
    let input = AwardInput {
        pack: &pack.checked.pack,
        report: &report,
        descriptors: &descriptors,
        procedure: &procedure,
        notification: Notification {
            date: args.notify_date,
            means: match args.notified_by {
                NotifiedBy::Electronic => Means::Electronic,
                NotifiedBy::Post => Means::Post,
            },
        },
        lang,
    };
    let format = match args.format {
        AwardFormatArg::Markdown => AwardFormat::Markdown,
        AwardFormatArg::Html => AwardFormat::Html,
        AwardFormatArg::Docx => AwardFormat::Docx,
    };
    let written = render_award(&input, format).map_err(|error| {
        CliError::new(Message::new("e09-cannot-render-award").with("reason", error.to_string()))
    })?;

    std::fs::create_dir_all(&args.output_dir)
        .map_err(|error| cannot_write(&args.output_dir, &error))?;
    // Every file is checked before any is written: a refused run leaves the folder as it was.
    if !args.force {
        let existing: Vec<String> = written
            .documents
            .iter()
            .filter(|document| args.output_dir.join(&document.file_name).exists())
            .map(|document| format!("`{}`", args.output_dir.join(&document.file_name).display()))
            .collect();
        if !existing.is_empty() {
            return Err(CliError::new(
                Message::new("e09-folder-holds-documents").with("files", existing.join(", ")),
            )
            .with_help(Message::new("e09-help-force-or-other-folder"))
            .into());
        }
    }
    for document in &written.documents {
        write_report_bytes(
            &args.output_dir.join(&document.file_name),
            &document.content,
        )?;
    }
    for (id, lot) in &written.tied_without_letter {
        let note = match lot {
            Some(lot) => t!(
                lang,
                "award-no-letter-in-lot",
                id = id.as_str(),
                lot = lot.as_str()
            ),
            None => t!(lang, "award-no-letter", id = id.as_str()),
        };
        print_stderr(&format!("{note}\n"));
    }
    let wrote = t!(
        lang,
        "award-wrote",
        count = i64::try_from(written.documents.len()).unwrap_or(i64::MAX),
        folder = args.output_dir.display().to_string()
    );
    print_stderr(&format!("{wrote}\n"));
    Ok(Outcome::Success)
}

fn cannot_write(path: &Path, error: &io::Error) -> CliError {
    CliError::new(
        Message::new("e09-cannot-write-into")
            .with("folder", path.display().to_string())
            .with("reason", io_error_message(error)),
    )
}

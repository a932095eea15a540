//! `clausier check PACK DESCRIPTOR…`

mod duplicate_ids;
mod progress;
mod streaming;

use std::io::{self, IsTerminal};
use std::num::NonZeroUsize;

use clausier_data::DataDiagnostics;
use clausier_data::load::LoadOptions;
use clausier_diagnostics::Message;
use clausier_eval::report::{Summary, clause_infos};
use clausier_eval::{RunOptions, run as run_checks};
use clausier_i18n::{Lang, t};
use clausier_report::DateOrigin;
use clausier_report::check::{
    HumanOptions, render_csv, render_html, render_human_with_data, render_json, render_junit,
    render_markdown, render_ndjson, render_sarif, render_xlsx, word_report,
};

use self::duplicate_ids::DuplicateIds;
use self::progress::Progress;
use self::streaming::{StreamFormat, StreamRun};
use super::compiled::{evaluation_date, load_program};
use super::language::chosen_lang;
use super::recording::{self, ReportSettings};
use super::{Failure, Outcome};
use crate::args::{CheckArgs, CheckFormat, ColorChoice, LangArg};
use crate::error::CliError;
use crate::inputs;
use crate::output::{
    print_stderr, print_stdout_bytes, refuse_binary_on_terminal, write_report_bytes,
};

pub fn run(
    args: &CheckArgs,
    color: ColorChoice,
    lang: Option<LangArg>,
) -> Result<Outcome, Failure> {
    if args.format == CheckFormat::Xlsx {
        refuse_binary_on_terminal(
            args.output.as_deref(),
            Message::new("e09-what-workbook"),
            "analyse-des-offres.xlsx",
        )?;
    }
    // Warnings do not stop a check, but whoever runs it should know of them.
    let Some((pack, program)) = load_program(&args.pack, color, lang, args.quiet)? else {
        return Ok(Outcome::Failure);
    };

    let output = args
        .output
        .as_deref()
        .filter(|path| path.as_os_str() != "-");
    let inputs = inputs::collect(&args.descriptors, output)?;
    let load_options = LoadOptions {
        strict: args.strict,
    };
    let (date, date_origin) = evaluation_date(args.date, &pack.manifest);
    let lang = chosen_lang(lang, Some(&pack.manifest));
    let mut options = RunOptions::new(date, jobs(args.jobs, args.quiet, lang));
    let mut progress = Progress::for_terminal(args.quiet);
    // A run recorded or applying decisions needs its descriptor files' bytes and the
    // whole report: it is not streamed.
    let mut log = recording::open_run_log(args.record.as_deref(), args.decisions.as_deref())?;

    if let Some(format) = stream_format(args.format)
        && inputs::all_ndjson(&inputs)
        && log.is_none()
    {
        let run = StreamRun {
            inputs: &inputs,
            program: &program,
            pack: pack.info.clone(),
            options,
            load_options,
            format,
            output,
            max_descriptor_size: args.max_descriptor_size,
            quiet: args.quiet,
            lang,
        };
        let summary = streaming::check(&run, &mut progress)?;
        return Ok(outcome(&summary));
    }

    // Only the human report shows the vendor's text around a problem: the others keep
    // no text.
    let mut data = DataDiagnostics::new();
    let descriptors = inputs::load_all(
        &inputs,
        &pack.checked.pack.schema,
        &load_options,
        args.max_descriptor_size,
        &mut io::stdin().lock(),
        (args.format == CheckFormat::Human).then_some(&mut data),
    );
    if descriptors.is_empty() {
        return Err(inputs::no_descriptor().into());
    }
    let (recorded_files, applied) = recording::apply_decisions(
        log.as_mut(),
        &pack.info.name,
        &inputs,
        &descriptors,
        args.quiet,
        lang,
        &mut options,
    )?;
    let mut report = run_checks(&program, pack.info.clone(), &descriptors, &options);
    // The reports read by people name each clause by its title and say the failing
    // rules as the tender words them.
    word_report(
        &mut report,
        &pack.checked.pack,
        lang,
        matches!(date_origin, DateOrigin::Deadline),
    );
    let mut ids = DuplicateIds::new();
    // The inputs, not the report's entries: an offer on two lots has an entry per lot.
    for descriptor in &descriptors {
        ids.note(&descriptor.id, &descriptor.source);
    }
    ids.warn(args.quiet, lang);

    let bytes = match args.format {
        CheckFormat::Human => {
            let color = match output {
                Some(_) => color == ColorChoice::Always,
                None => color.enabled(io::stdout().is_terminal()),
            };
            render_human_with_data(
                &report,
                &HumanOptions {
                    color,
                    explain_all: args.explain,
                    date_origin,
                    lang,
                },
                &data,
            )
            .into_bytes()
        }
        CheckFormat::Json => render_json(&report)
            .map_err(|error| cannot_render_report("JSON", &error))?
            .into_bytes(),
        CheckFormat::Ndjson => render_ndjson(&report)
            .map_err(|error| cannot_render_report("NDJSON", &error))?
            .into_bytes(),
        CheckFormat::Csv => render_csv(&report)
            .map_err(|error| cannot_render_report("CSV", &error))?
            .into_bytes(),
        CheckFormat::Markdown => render_markdown(&report, lang).into_bytes(),
        CheckFormat::Junit => render_junit(&report, lang).into_bytes(),
        CheckFormat::Html => render_html(&report, lang).into_bytes(),
        CheckFormat::Sarif => render_sarif(&report, &clause_infos(&pack.checked.pack), lang)
            .map_err(|error| cannot_render_report("SARIF", &error))?
            .into_bytes(),
        CheckFormat::Xlsx => render_xlsx(&report, lang).map_err(|error| {
            CliError::new(
                Message::new("e09-cannot-render-workbook").with("reason", error.to_string()),
            )
        })?,
    };
    if let (Some(store), Some(_)) = (log.as_mut(), &args.record) {
        let settings = ReportSettings {
            lang,
            deadline: matches!(date_origin, DateOrigin::Deadline),
            strict: args.strict,
            max_descriptor_size: args.max_descriptor_size,
            pack_file: None,
            worded: true,
        };
        let id = recording::record_run(
            store.as_mut(),
            "check",
            &pack,
            &report,
            settings,
            recorded_files,
            applied,
        )?;
        if !args.quiet {
            print_stderr(&format!("{}\n", t!(lang, "check-recorded", id = id)));
        }
    }
    match output {
        Some(path) => write_report_bytes(path, &bytes)?,
        None => print_stdout_bytes(&bytes)?,
    }
    Ok(outcome(&report.summary))
}

fn outcome(summary: &Summary) -> Outcome {
    if summary.eligible == summary.total {
        Outcome::Success
    } else {
        Outcome::NotAllEligible
    }
}

/// The formats written while the descriptors are read; the others are rendered from the
/// whole report (the human table, for one, aligns its columns on every row).
fn stream_format(format: CheckFormat) -> Option<StreamFormat> {
    match format {
        CheckFormat::Json => Some(StreamFormat::Json),
        CheckFormat::Ndjson => Some(StreamFormat::Ndjson),
        _ => None,
    }
}

/// The threads that evaluate descriptors: as many as asked, up to 4 per processor and
/// 256 in all, beyond which threads only cost memory and time.
pub(super) fn jobs(asked: Option<usize>, quiet: bool, lang: Lang) -> usize {
    let processors = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let Some(asked) = asked else {
        return processors;
    };
    let most = processors.saturating_mul(4).min(256);
    if asked > most && !quiet {
        let note = t!(
            lang,
            "check-too-many-jobs",
            asked = i64::try_from(asked).unwrap_or(i64::MAX),
            most = i64::try_from(most).unwrap_or(i64::MAX)
        );
        print_stderr(&format!("{note}\n"));
    }
    asked.min(most)
}

/// A report that its renderer could not write, with the renderer's own words.
fn cannot_render_report(format: &str, error: &dyn std::fmt::Display) -> CliError {
    CliError::new(
        Message::new("e09-cannot-render-report")
            .with("format", format)
            .with("reason", error.to_string()),
    )
}

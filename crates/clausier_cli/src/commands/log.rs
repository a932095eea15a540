//! `clausier log DB [show RUN | verify | replay RUN]`: reading the decision log back.

use std::io;

use clausier_data::files::Input;
use clausier_data::load::LoadOptions;
use clausier_diagnostics::Message;
use clausier_eval::{RunOptions, compile, run as run_checks};
use clausier_i18n::{Lang, t};
use clausier_log::{Broken, Store, StoredRun};
use clausier_report::check::{render_json, word_report};

use super::compiled::{CommandErrors, load_compiled_quietly};
use super::language::chosen_lang;
use super::recording::{ReportSettings, log_error, open_log};
use super::{Failure, Outcome};
use crate::args::{ColorChoice, LangArg, LogAction, LogArgs};
use crate::error::CliError;
use crate::inputs;
use crate::output::print_stdout;

pub fn run(args: &LogArgs, color: ColorChoice, lang: Option<LangArg>) -> Result<Outcome, Failure> {
    let lang = chosen_lang(lang, None);
    // Reading never creates a log: a mistyped path would read as an empty one.
    let is_url = args.db.starts_with("postgres://") || args.db.starts_with("postgresql://");
    if !is_url && !std::path::Path::new(&args.db).exists() {
        return Err(
            CliError::new(Message::new("e09-log-missing").with("path", args.db.as_str()))
                .with_help(Message::new("e09-help-log-missing").with("path", args.db.as_str()))
                .into(),
        );
    }
    let mut store = open_log(&args.db)?;
    match &args.action {
        None => list(store.as_mut(), lang),
        Some(LogAction::Show { run }) => show(store.as_mut(), *run, lang),
        Some(LogAction::Verify) => verify(store.as_mut(), lang),
        Some(LogAction::Replay { run }) => replay(store.as_mut(), *run, color, lang),
    }
}

fn load(store: &mut dyn Store, id: i64) -> Result<StoredRun, CliError> {
    store.load_run(id).map_err(log_error)?.ok_or_else(|| {
        CliError::new(Message::new("e09-log-no-run").with("run", id))
            .with_help(Message::new("e09-help-log-no-run"))
    })
}

fn list(store: &mut dyn Store, lang: Lang) -> Result<Outcome, Failure> {
    let summaries = store.run_summaries().map_err(log_error)?;
    if summaries.is_empty() {
        print_stdout(&format!("{}\n", t!(lang, "log-empty")))?;
        return Ok(Outcome::Success);
    }
    let mut text = String::new();
    for run in summaries {
        let counts = run
            .counts
            .iter()
            .map(|(status, count)| format!("{} : {count}", status_in_words(status, lang)))
            .collect::<Vec<_>>()
            .join(", ");
        text.push_str(&t!(
            lang,
            "log-run-line",
            id = run.id,
            when = run.recorded_at.as_str(),
            command = run.command.as_str(),
            pack = run.pack_name.as_str(),
            version = run.pack_version.as_str(),
            date = run.evaluation_date.as_str(),
            counts = counts
        ));
        text.push('\n');
    }
    print_stdout(&text)?;
    Ok(Outcome::Success)
}

fn show(store: &mut dyn Store, id: i64, lang: Lang) -> Result<Outcome, Failure> {
    let run = load(store, id)?;
    let record = &run.record;
    let mut text = t!(
        lang,
        "log-show-header",
        id = id,
        when = record.recorded_at.as_str(),
        command = record.command.as_str(),
        pack = record.pack_name.as_str(),
        version = record.pack_version.as_str(),
        date = record.evaluation_date.as_str()
    );
    text.push('\n');
    for verdict in &record.verdicts {
        let mut entry = format!("{} ({})", verdict.descriptor, verdict.source);
        if let Some(lot) = &verdict.lot {
            entry.push_str(&format!(
                " [{}]",
                t!(lang, "log-show-lot", lot = lot.as_str())
            ));
        }
        let mut details = vec![status_in_words(&verdict.status, lang)];
        details.extend(verdict.score.as_deref().map(|score| {
            t!(
                lang,
                "report-score",
                score = decimal_in_words(score, lang).as_str()
            )
        }));
        if let Some(rank) = verdict.rank {
            details.push(t!(lang, "log-show-rank", rank = rank));
        }
        text.push('\n');
        text.push_str(&t!(
            lang,
            "log-show-verdict",
            entry = entry,
            details = details.join(", ")
        ));
        text.push('\n');
        for outcome in &verdict.outcomes {
            let status = status_in_words(&outcome.status, lang);
            match &outcome.score {
                Some(score) => text.push_str(&format!(
                    "  {} {status}, {}\n",
                    outcome.clause,
                    t!(
                        lang,
                        "report-score",
                        score = decimal_in_words(score, lang).as_str()
                    )
                )),
                None => text.push_str(&format!("  {} {status}\n", outcome.clause)),
            }
        }
    }
    if !record.decisions.is_empty() {
        let ids = record
            .decisions
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        text.push_str(&format!(
            "\n{}\n",
            t!(lang, "log-show-decisions", ids = ids)
        ));
    }
    print_stdout(&text)?;
    Ok(Outcome::Success)
}

fn verify(store: &mut dyn Store, lang: Lang) -> Result<Outcome, Failure> {
    let broken = clausier_log::verify(store).map_err(log_error)?;
    let line = match broken {
        None => {
            let runs = store.run_ids().map_err(log_error)?.len();
            let decisions = store.decisions().map_err(log_error)?.len();
            print_stdout(&format!(
                "{}\n",
                t!(lang, "log-verify-ok", runs = runs, decisions = decisions)
            ))?;
            return Ok(Outcome::Success);
        }
        Some(Broken::RunChanged { run }) => t!(lang, "log-verify-run-changed", id = run),
        Some(Broken::RunUnlinked { run }) => t!(lang, "log-verify-run-unlinked", id = run),
        Some(Broken::DecisionChanged { decision }) => {
            t!(lang, "log-verify-decision-changed", id = decision)
        }
        Some(Broken::DecisionUnlinked { decision }) => {
            t!(lang, "log-verify-decision-unlinked", id = decision)
        }
    };
    print_stdout(&format!("{line}\n"))?;
    Ok(Outcome::LogAltered)
}

fn replay(
    store: &mut dyn Store,
    id: i64,
    color: ColorChoice,
    lang: Lang,
) -> Result<Outcome, Failure> {
    let run = load(store, id)?;
    let record = &run.record;
    let settings = ReportSettings::from_json(&record.options)
        .ok_or_else(|| CliError::new(Message::new("e09-log-replay-unreadable").with("run", id)))?;
    let decisions: Vec<_> = store
        .decisions()
        .map_err(log_error)?
        .into_iter()
        .filter(|decision| record.decisions.contains(&decision.id))
        .map(|decision| decision.to_review_decision())
        .collect();
    let folder = tempfile::tempdir().map_err(|error| cannot_lay_out(id, &error))?;
    let pack_root = super::recording::lay_out_pack(&folder.path().join("pack"), &record.pack_files)
        .map_err(|error| cannot_lay_out(id, &error))?
        .ok_or_else(|| CliError::new(Message::new("e09-log-replay-unreadable").with("run", id)))?;
    let pack_path = match &settings.pack_file {
        Some(name) => pack_root.join(name),
        None => pack_root,
    };
    let mut inputs = Vec::new();
    for (index, descriptor) in record.descriptors.iter().enumerate() {
        // The recorded name keeps its extension (which says the format) and its stem (the
        // id of a descriptor without one); the report names it by its recorded source.
        let name = std::path::Path::new(&descriptor.source)
            .file_name()
            .map(|name| name.to_os_string())
            .unwrap_or_else(|| "descriptor".into());
        let place = folder.path().join("offers").join(index.to_string());
        std::fs::create_dir_all(&place).map_err(|error| cannot_lay_out(id, &error))?;
        let path = place.join(name);
        std::fs::write(&path, &descriptor.bytes).map_err(|error| cannot_lay_out(id, &error))?;
        inputs.push(Input::File {
            path,
            source: descriptor.source.clone(),
        });
    }
    let Some(pack) = load_compiled_quietly(
        &pack_path,
        color,
        Some(lang_arg(settings.lang)),
        true,
        |_| CommandErrors::default(),
    )?
    else {
        return Ok(Outcome::Failure);
    };
    let Some(valid) = pack.checked.valid() else {
        return Ok(Outcome::Failure);
    };
    let descriptors = inputs::load_all(
        &inputs,
        &pack.checked.pack.schema,
        &LoadOptions {
            strict: settings.strict,
        },
        settings.max_descriptor_size,
        &mut io::empty(),
        None,
    );
    let date: jiff::civil::Date = record
        .evaluation_date
        .parse()
        .map_err(|_| CliError::new(Message::new("e09-log-replay-unreadable").with("run", id)))?;
    let jobs = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let options = RunOptions::new(date, jobs).with_decisions(decisions);
    let mut report = run_checks(&compile(valid), pack.info.clone(), &descriptors, &options);
    word_report(
        &mut report,
        &pack.checked.pack,
        settings.lang,
        settings.deadline,
    );
    let replayed = render_json(&report).map_err(|error| {
        CliError::new(
            Message::new("e09-cannot-render-report")
                .with("format", "JSON")
                .with("reason", error.to_string()),
        )
    })?;
    if replayed == record.report {
        print_stdout(&format!("{}\n", t!(lang, "log-replay-same", id = id)))?;
        return Ok(Outcome::Success);
    }
    let mut text = format!("{}\n", t!(lang, "log-replay-different", id = id));
    text.push_str(&line_differences(&record.report, &replayed));
    print_stdout(&text)?;
    Ok(Outcome::ReplayDiffers)
}

fn lang_arg(lang: Lang) -> LangArg {
    match lang {
        Lang::En => LangArg::En,
        Lang::Fr => LangArg::Fr,
    }
}

fn cannot_lay_out(id: i64, error: &io::Error) -> CliError {
    CliError::new(
        Message::new("e09-log-replay-cannot-write")
            .with("run", id)
            .with("reason", error.to_string()),
    )
}

/// The lines that differ between the recorded and the replayed report, past their common
/// beginning and end: `-` recorded, `+` replayed.
fn line_differences(recorded: &str, replayed: &str) -> String {
    let old: Vec<&str> = recorded.lines().collect();
    let new: Vec<&str> = replayed.lines().collect();
    let start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let end = old[start..]
        .iter()
        .rev()
        .zip(new[start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let mut text = String::new();
    for line in &old[start..old.len() - end] {
        text.push_str(&format!("- {line}\n"));
    }
    for line in &new[start..new.len() - end] {
        text.push_str(&format!("+ {line}\n"));
    }
    text
}

/// A status as the log records it (`eligible`, `not_applicable`), in the reader's words,
/// as the reports say it.
fn status_in_words(status: &str, lang: Lang) -> String {
    match status {
        "eligible" => t!(lang, "status-eligible"),
        "ineligible" => t!(lang, "status-ineligible"),
        "incomplete" => t!(lang, "status-incomplete"),
        "invalid" => t!(lang, "status-invalid"),
        "review" => t!(lang, "status-review"),
        "pass" => t!(lang, "outcome-pass"),
        "fail" => t!(lang, "outcome-fail"),
        "missing" => t!(lang, "outcome-missing"),
        "not_applicable" => t!(lang, "outcome-not-applicable"),
        other => other.to_owned(),
    }
}

/// A number as the log records it (`72.56`), with the reader's decimal mark.
fn decimal_in_words(number: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => number.replace('.', ","),
        Lang::En => number.to_owned(),
    }
}

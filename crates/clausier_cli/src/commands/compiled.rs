//! What the commands that load a pack share: a pack that must compile before anything is
//! made of it, its warnings on standard error, and the date of evaluation.

use std::io::{self, IsTerminal};
use std::path::Path;

use clausier_diagnostics::{Code, Diagnostic, Message, Severity};
use clausier_eval::{Program, compile};
use clausier_pack::{LoadedPack, Manifest, load_pack};
use clausier_report::DateOrigin;
use clausier_report::diagnostics::{render_refusal, render_terminal_in};

use super::Failure;
use super::language::chosen_lang;
use crate::args::{ColorChoice, LangArg};
use crate::output::print_stderr;

/// Loads the pack at `path`. A pack with errors has them printed and gives `None`: the
/// command then stops with exit status 2. Warnings are printed and do not stop it, in the
/// language `lang` asks for, else the pack's (see [`chosen_lang`]).
pub fn load_compiled(
    path: &Path,
    color: ColorChoice,
    lang: Option<LangArg>,
) -> Result<Option<LoadedPack>, Failure> {
    load_compiled_with(path, color, lang, |_| CommandErrors::default())
}

/// [`load_compiled`], with the errors that only this command finds in the pack (such as a
/// clause without a text for `render`), printed among the pack's own, in place of the
/// warnings that `errors` says they replace.
pub fn load_compiled_with(
    path: &Path,
    color: ColorChoice,
    lang: Option<LangArg>,
    errors: impl FnOnce(&LoadedPack) -> CommandErrors,
) -> Result<Option<LoadedPack>, Failure> {
    load_compiled_quietly(path, color, lang, false, errors)
}

/// A pack that compiled and its program, for the commands that evaluate it (`check`,
/// `award`, `diagnose`); `None` when it does not compile, its errors printed. Its
/// warnings go to standard error unless `quiet`, keeping them out of the report.
pub fn load_program(
    path: &Path,
    color: ColorChoice,
    lang: Option<LangArg>,
    quiet: bool,
) -> Result<Option<(LoadedPack, Program)>, Failure> {
    let Some(pack) = load_compiled_quietly(path, color, lang, quiet, |_| CommandErrors::default())?
    else {
        return Ok(None);
    };
    // `load_compiled_quietly` gives only a pack without errors.
    let Some(valid) = pack.checked.valid() else {
        return Ok(None);
    };
    let program = compile(valid);
    Ok(Some((pack, program)))
}

/// [`load_compiled_with`], printing no warning when `quiet` (errors are always printed).
pub fn load_compiled_quietly(
    path: &Path,
    color: ColorChoice,
    lang: Option<LangArg>,
    quiet: bool,
    errors: impl FnOnce(&LoadedPack) -> CommandErrors,
) -> Result<Option<LoadedPack>, Failure> {
    let stderr_color = color.enabled(io::stderr().is_terminal());
    let mut pack = load_pack(path)?;
    let lang = chosen_lang(lang, Some(&pack.manifest));
    // A pack that does not compile is refused for that first.
    let found = if pack.has_errors() {
        CommandErrors::default()
    } else {
        errors(&pack)
    };
    let refusal = if found.errors.is_empty() {
        Message::new("e09-refusal-could-not-compile")
    } else {
        found.refusal
    };
    if !found.errors.is_empty() {
        let diagnostics = &mut pack.checked.diagnostics;
        diagnostics.retain(|diagnostic| {
            diagnostic.severity != Severity::Warning || !found.replacing.contains(&diagnostic.code)
        });
        diagnostics.extend(found.errors);
        diagnostics.sort_by_key(Diagnostic::sort_key);
    }
    if pack.has_errors() {
        print_stderr(&render_terminal_in(
            lang,
            pack.diagnostics(),
            &pack.sources,
            stderr_color,
        ));
        if let Some(summary) = render_refusal(
            lang,
            refusal,
            &pack.info.name,
            pack.diagnostics(),
            stderr_color,
        ) {
            print_stderr(&summary);
        }
        return Ok(None);
    }
    let warnings: Vec<Diagnostic> = pack
        .diagnostics()
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Warning)
        .cloned()
        .collect();
    if !warnings.is_empty() && !quiet {
        print_stderr(&render_terminal_in(
            lang,
            &warnings,
            &pack.sources,
            stderr_color,
        ));
    }
    Ok(Some(pack))
}

/// What a command cannot do with in a pack that compiles.
#[derive(Debug, Default)]
pub struct CommandErrors {
    pub errors: Vec<Diagnostic>,
    /// The codes of the warnings these errors say again, left out when there are errors.
    pub replacing: &'static [Code],
    /// What the command cannot do, for the last line: `cannot publish`.
    pub refusal: Message,
}

/// The evaluation date of a run, and why it is that one: the date given on the command
/// line, else the deadline for offers of the root pack's `[document]` table (the date a
/// buyer checks offers at), else today.
pub fn evaluation_date(
    given: Option<jiff::civil::Date>,
    manifest: &Manifest,
) -> (jiff::civil::Date, DateOrigin) {
    let deadline = manifest
        .document
        .as_ref()
        .and_then(|document| document.deadline);
    match (given, deadline) {
        (Some(date), _) => (date, DateOrigin::Given),
        (None, Some(deadline)) => (deadline, DateOrigin::Deadline),
        (None, None) => (today(), DateOrigin::Today),
    }
}

/// Today in the machine's time zone: a buyer in Nouméa and one in Paris check against
/// their own calendar day.
fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

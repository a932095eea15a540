//! What the commands that load a pack share: a pack that must compile before anything is
//! made of it, its warnings on standard error, and the date of evaluation.

use std::io::{self, IsTerminal};
use std::path::Path;

use clausier_diagnostics::{Diagnostic, Severity};
use clausier_pack::{LoadedPack, Manifest, load_pack};
use clausier_report::DateOrigin;
use clausier_report::diagnostics::{render_summary, render_terminal};

use super::Failure;
use crate::args::ColorChoice;
use crate::output::print_stderr;

/// Loads the pack at `path`. A pack with errors has them printed and gives `None`: the
/// command then stops with exit status 2. Warnings are printed and do not stop it.
pub fn load_compiled(path: &Path, color: ColorChoice) -> Result<Option<LoadedPack>, Failure> {
    load_compiled_promoting(path, color, |_| false)
}

/// [`load_compiled`], where the warnings `promote` picks are errors: what the command
/// cannot do with, such as a clause without a text for `render`. `promote` may also
/// change the help to say what the command needs.
pub fn load_compiled_promoting(
    path: &Path,
    color: ColorChoice,
    promote: impl Fn(&mut Diagnostic) -> bool,
) -> Result<Option<LoadedPack>, Failure> {
    let stderr_color = color.enabled(io::stderr().is_terminal());
    let mut pack = load_pack(path)?;
    for diagnostic in &mut pack.checked.diagnostics {
        if diagnostic.severity == Severity::Warning && promote(diagnostic) {
            diagnostic.severity = Severity::Error;
        }
    }
    if pack.has_errors() {
        print_stderr(&render_terminal(
            pack.diagnostics(),
            &pack.sources,
            stderr_color,
        ));
        if let Some(summary) = render_summary(&pack.info.name, pack.diagnostics(), stderr_color) {
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
    if !warnings.is_empty() {
        print_stderr(&render_terminal(&warnings, &pack.sources, stderr_color));
    }
    Ok(Some(pack))
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

//! One module per command. Each returns the outcome that sets the exit status, or the
//! failure that `main` renders as a diagnostic.

pub mod award;
pub mod catalogue;
pub mod check;
mod compiled;
pub mod diagnose;
pub mod explain;
pub mod fmt;
mod language;

pub(crate) use language::chosen_lang;
pub mod lock;
pub mod log;
pub mod lsp;
pub mod pack;
mod recording;
pub mod render;
pub mod review;
pub mod schema;
pub mod test;
pub mod validate;

use std::process::ExitCode;

use clausier_diagnostics::Lang;
use clausier_pack::PackError;

use crate::error::CliError;

/// How a command ended, as the exit status tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: every descriptor is eligible, the pack compiles, or a diagnosis is written.
    Success,
    /// 1: at least one descriptor is not eligible.
    NotAllEligible,
    /// 1: at least one of the pack's tests fails.
    TestsFailed,
    /// 1: `fmt --check` found files that formatting would change.
    FilesToFormat,
    /// 1: a diagnosis is written, but lines of the inventory were left out of it.
    LinesLeftOut,
    /// 1: `log verify` found a run or a decision changed since it was recorded.
    LogAltered,
    /// 1: `log replay` gave a report other than the recorded one.
    ReplayDiffers,
    /// 2: the pack does not compile, or an input, an output or the command line is wrong.
    Failure,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::NotAllEligible
            | Outcome::TestsFailed
            | Outcome::FilesToFormat
            | Outcome::LinesLeftOut
            | Outcome::LogAltered
            | Outcome::ReplayDiffers => ExitCode::from(1),
            Outcome::Failure => ExitCode::from(2),
        }
    }
}

/// An error that stops a command before it has anything to report.
#[derive(Debug)]
pub enum Failure {
    Pack(PackError),
    Cli(CliError),
}

impl Failure {
    /// The failure as the terminal shows it, with ANSI colours only when `color`.
    pub fn render(&self, lang: Lang, color: bool) -> String {
        match self {
            Failure::Pack(error) => crate::error::render_pack_error(error, lang, color),
            Failure::Cli(error) => error.render(lang, color),
        }
    }
}

impl From<PackError> for Failure {
    fn from(error: PackError) -> Self {
        Failure::Pack(error)
    }
}

impl From<CliError> for Failure {
    fn from(error: CliError) -> Self {
        Failure::Cli(error)
    }
}

//! `clausier lsp`: the language server on standard input and output.

use std::process::ExitCode;

use crate::args::LspArgs;

pub fn run(_args: &LspArgs) -> ExitCode {
    clausier_lsp::run_stdio()
}

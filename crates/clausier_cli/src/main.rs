//! The `clausier` command: a thin shell that parses the command line, calls the
//! libraries, renders their results and sets the exit status.

mod args;
mod commands;
mod error;
mod inputs;
mod output;

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::commands::Outcome;
use crate::output::print_stderr;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // `--help` and `--version` exit with 0, usage errors with 2, as clap decides.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let result = match &cli.command {
        Command::Check(args) => commands::check::run(args, cli.color, cli.lang),
        Command::Catalogue(args) => commands::catalogue::run(args, cli.color, cli.lang),
        Command::Diagnose(args) => commands::diagnose::run(args, cli.color, cli.lang),
        Command::Validate(args) => commands::validate::run(args, cli.color, cli.lang),
        Command::Explain(args) => commands::explain::run(args, cli.lang),
        Command::Fmt(args) => commands::fmt::run(args, cli.color, cli.lang),
        Command::Test(args) => commands::test::run(args, cli.color, cli.lang),
        Command::Render(args) => commands::render::run(args, cli.color, cli.lang),
        Command::Award(args) => commands::award::run(args, cli.color, cli.lang),
        Command::Schema(args) => commands::schema::run(args, cli.color, cli.lang),
        Command::Lock(args) => commands::lock::run(args, cli.lang),
        Command::Pack(args) => commands::pack::run(args, cli.lang),
        Command::Log(args) => commands::log::run(args, cli.color, cli.lang),
        Command::Review(args) => commands::review::run(args, cli.color, cli.lang),
        // The server owns standard input and output, and the protocol sets its exit status.
        Command::Lsp(args) => return commands::lsp::run(args),
    };
    match result {
        Ok(outcome) => outcome.into(),
        Err(failure) => {
            let color = cli.color.enabled(io::stderr().is_terminal());
            let lang = commands::chosen_lang(cli.lang, None);
            print_stderr(&failure.render(lang, color));
            Outcome::Failure.into()
        }
    }
}

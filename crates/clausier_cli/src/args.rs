//! The command line: every command, option and help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

#[derive(Debug, Parser)]
#[command(
    name = "clausier",
    version,
    about = "Check vendors' descriptors against public-procurement clauses",
    long_about = "Clausier checks the descriptors vendors give for their solutions (JSON, YAML, \
TOML, CSV or NDJSON) against the clauses of a tender written as rules in `.clause` files. It \
explains every failure with the values the descriptor holds and where, then scores and ranks \
the eligible offers.",
    after_help = "Examples:
  clausier validate rules/edtech-fr
  clausier check rules/edtech-fr examples/edtech-fr --date 2026-11-28
  clausier explain E0201

Run `clausier COMMAND --help` for the options of a command.",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to color the output: `auto` colors a terminal unless NO_COLOR is set
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(CheckArgs),
    Validate(ValidateArgs),
    Explain(ExplainArgs),
}

/// Check descriptors against a pack
#[derive(Debug, Args)]
#[command(
    long_about = "Check descriptors against a pack, and report for each one whether it is \
eligible, ineligible, incomplete (a `must` requirement cannot be decided because data is \
missing) or invalid (its data does not fit the pack's schema), with the reasons, the score and \
the rank of the eligible ones.

A descriptor that cannot be read is reported as invalid and the run goes on: every descriptor \
given appears in the report exactly once, in the order given (files found in a folder are sorted \
by path). If the pack does not compile, its errors are printed and nothing is checked.

Exit status: 0 when every descriptor is eligible, 1 when at least one is not, 2 when the pack \
does not compile, an input or output cannot be used, or the command line is wrong.",
    after_help = "Examples:
  clausier check rules/edtech-fr examples/edtech-fr --date 2026-11-28
  clausier check rules/edtech-fr examples/edtech-fr --format json --output report.json
  clausier check rules/edtech-fr examples/edtech-fr/eveil-numerique.json --explain
  cat examples/edtech-fr/centrale-achats.ndjson | clausier check rules/edtech-fr -"
)]
pub struct CheckArgs {
    /// The pack: a folder of `.clause` files (with its `pack.toml`) or one `.clause` file
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// Descriptor files, folders (searched recursively for .json, .yaml, .yml, .toml, .csv,
    /// .ndjson and .jsonl files; hidden entries are skipped), or `-` to read NDJSON from
    /// standard input
    #[arg(value_name = "DESCRIPTOR", required = true, num_args = 1..)]
    pub descriptors: Vec<PathBuf>,

    /// The report's format: `human` is a table with the reasons of each failure, `json` the
    /// full report for programs
    #[arg(long, value_enum, default_value_t = CheckFormat::Human, value_name = "FORMAT")]
    pub format: CheckFormat,

    /// Write the report to FILE instead of standard output; the file is replaced only once
    /// the whole report is written
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The evaluation date, `today` in the clauses, as YYYY-MM-DD [default: today in the
    /// local time zone]
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// How many descriptors to evaluate at once; the report is the same whatever the number
    /// [default: the number of processors]
    #[arg(long, short, value_parser = parse_jobs, value_name = "N")]
    pub jobs: Option<usize>,

    /// List every clause of every descriptor in the human report: passing requirements too,
    /// and each criterion's score and points
    #[arg(long)]
    pub explain: bool,

    /// Report fields of a descriptor that the pack does not declare (as warnings)
    #[arg(long)]
    pub strict: bool,
}

/// Compile a pack and print its diagnostics
#[derive(Debug, Args)]
#[command(
    long_about = "Compile a pack without checking any descriptor, and print every error and \
warning with its place in the clause files. The human format is written to standard error, the \
JSON format (a list of {severity, code, message, file, line, column, end_line, end_column, help}, \
lines and columns from 1) to standard output.

Exit status: 0 when the pack compiles (warnings allowed), 2 when it has errors or cannot be \
read.",
    after_help = "Examples:
  clausier validate rules/edtech-fr
  clausier validate cahier-des-charges.clause
  clausier validate rules/edtech-fr --format json > diagnostics.json"
)]
pub struct ValidateArgs {
    /// The pack: a folder of `.clause` files (with its `pack.toml`) or one `.clause` file
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// `human` for people (on standard error), `json` for editors and scripts (on standard
    /// output)
    #[arg(long, value_enum, default_value_t = ValidateFormat::Human, value_name = "FORMAT")]
    pub format: ValidateFormat,
}

/// Explain a diagnostic code
#[derive(Debug, Args)]
#[command(
    long_about = "Print the long explanation of a diagnostic code, such as E0201 in \
`error[E0201]: unknown descriptor field`: what it means, an example that triggers it, and how \
to fix it. Codes are not case-sensitive.",
    after_help = "Examples:
  clausier explain E0201
  clausier explain --list"
)]
pub struct ExplainArgs {
    /// The code, such as E0201
    #[arg(
        value_name = "CODE",
        required_unless_present = "list",
        conflicts_with = "list"
    )]
    pub code: Option<String>,

    /// List every code with its title
    #[arg(long)]
    pub list: bool,
}

/// The formats of `clausier check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A table for people, with the reasons of each failure
    Human,
    /// The full report as JSON
    Json,
}

/// The formats of `clausier validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    /// Diagnostics with their source lines, on standard error
    Human,
    /// A JSON list of diagnostics, on standard output
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Color when writing to a terminal and NO_COLOR is not set
    Auto,
    /// Always color, even in a file or a pipe
    Always,
    /// Never color
    Never,
}

impl ColorChoice {
    /// Whether to color a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
            }
        }
    }
}

/// `YYYY-MM-DD` exactly: a date with a time or an offset is refused rather than cut.
fn parse_date(text: &str) -> Result<Date, String> {
    let shape_ok = text.len() == 10
        && text.bytes().enumerate().all(|(i, byte)| match i {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    let invalid = || format!("`{text}` is not a date; write it as YYYY-MM-DD, such as 2026-11-28");
    if !shape_ok {
        return Err(invalid());
    }
    text.parse::<Date>().map_err(|_| invalid())
}

fn parse_jobs(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) | Err(_) => Err(format!("`{text}` is not a number of jobs; give 1 or more")),
        Ok(jobs) => Ok(jobs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn dates_are_exactly_year_month_day() {
        assert_eq!(
            parse_date("2026-11-28"),
            Ok(jiff::civil::date(2026, 11, 28))
        );
        for bad in ["2026-11-28T10:00", "28/11/2026", "2026-02-30", "2026-1-1"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn colors_follow_the_choice_and_the_terminal() {
        assert!(ColorChoice::Always.enabled(false));
        assert!(!ColorChoice::Never.enabled(true));
        assert!(!ColorChoice::Auto.enabled(false));
    }

    #[test]
    fn jobs_are_at_least_one() {
        assert_eq!(parse_jobs("4"), Ok(4));
        assert!(parse_jobs("0").is_err());
        assert!(parse_jobs("-1").is_err());
    }
}

//! The arguments of the decision log's commands: `clausier log` and `clausier review`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// Read the decision log: list its runs, show one, verify the chain, replay a run
#[derive(Debug, Args)]
#[command(
    long_about = "Read the decision log that `check --record` and `review` write. Without a \
subcommand, list the runs: id, when, command, pack and version, evaluation date and the count \
of offers by status.

DB is the log: the path of an SQLite file, or a `postgres://` URL for a log shared by a \
purchasing body.

Exit status: 0 when all is well; 1 when `verify` finds a run or decision changed by hand, or \
`replay` finds a difference with the recorded report; 2 when the log cannot be read.",
    after_help = "Examples:
  clausier log journal.db
  clausier log journal.db show 3
  clausier log journal.db verify
  clausier log journal.db replay 3
  clausier log postgres://acheteur@db.example/clausier verify"
)]
pub struct LogArgs {
    /// The log: an SQLite file, or a `postgres://` URL
    #[arg(value_name = "DB")]
    pub db: String,

    #[command(subcommand)]
    pub action: Option<LogAction>,
}

#[derive(Debug, Subcommand)]
pub enum LogAction {
    /// Show one run's verdicts: each offer's status, score and rank, and each clause's outcome
    Show {
        #[arg(value_name = "RUN")]
        run: i64,
    },
    /// Check that no run and no decision was changed since it was recorded (exit 1 names
    /// the first that was)
    Verify,
    /// Run a recorded run again from the log alone (its pack, offers, date and decisions),
    /// and show any difference with the recorded report (exit 1 when there is one)
    Replay {
        #[arg(value_name = "RUN")]
        run: i64,
    },
}

/// Record the buyer's decision on a vendor's claim of an equivalent
#[derive(Debug, Args)]
#[command(
    long_about = "Record in the decision log the buyer's decision on a requirement that an offer \
meets with an equivalent (a label or certificate other than the one named): accepted or refused, \
with the reason, by whom and when (now). The decision is tied to the offer's content: if the offer \
file changes, the decision no longer applies and `check` says so.

Later runs with `check --record DB` or `check --decisions DB` apply it.",
    after_help = "Examples:
  clausier review --log journal.db --pack rules/edtech-fr --descriptor offres/acme.json \\
    --clause HEB-02 --accept --reason \"certificat équivalent examiné : couvre le même référentiel\"
  clausier review --log journal.db --pack rules/edtech-fr --descriptor offres/acme.json \\
    --clause HEB-02 --refuse --reason \"organisme non accrédité\" --by \"M. Martin\""
)]
pub struct ReviewArgs {
    /// The log: an SQLite file (created if absent), or a `postgres://` URL
    #[arg(long, value_name = "DB")]
    pub log: String,

    /// The pack the offer is checked against
    #[arg(long, value_name = "PACK")]
    pub pack: PathBuf,

    /// The offer's descriptor file (one offer)
    #[arg(long, value_name = "FILE")]
    pub descriptor: PathBuf,

    /// The requirement's id
    #[arg(long, value_name = "ID")]
    pub clause: String,

    /// The equivalent is accepted: the requirement passes
    #[arg(long, conflicts_with = "refuse", required_unless_present = "refuse")]
    pub accept: bool,

    /// The equivalent is refused: the requirement fails
    #[arg(long)]
    pub refuse: bool,

    /// Why, in the buyer's words: reports cite it
    #[arg(long, value_name = "TEXT")]
    pub reason: String,

    /// Who decides [default: the user, `$USER`]
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

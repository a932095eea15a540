//! The command line: every command, option and help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

mod log;
pub use log::{LogAction, LogArgs, ReviewArgs};

#[derive(Debug, Parser)]
#[command(
    name = "clausier",
    version,
    about = "Check vendors' descriptors against public-procurement clauses",
    long_about = "Clausier checks the descriptors vendors give for their solutions (JSON, YAML, \
TOML, CSV, NDJSON, or Excel and LibreOffice workbooks) against the clauses of a tender written as rules in `.clause` files. It \
explains every failure with the values the descriptor holds and where, then scores and ranks \
the eligible offers.",
    after_help = "Examples:
  clausier validate rules/edtech-fr
  clausier check rules/edtech-fr examples/edtech-fr --date 2026-11-28
  clausier test rules/edtech-fr --coverage
  clausier render rules/region-exemple --format docx --output cahier-des-charges.docx
  clausier award rules/edtech-fr examples/edtech-fr --notify-date 2026-12-01
  clausier catalogue tests/catalogue/pack examples/catalogue --output catalogue.html
  clausier diagnose rules/autodiagnostic examples/autodiagnostic --output diagnostic.html
  clausier schema rules/edtech-fr > edtech-fr.schema.json
  clausier lock rules/region-exemple
  clausier fmt rules
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

    /// The language of messages, reports and documents: `fr` or `en` [default: the pack's
    /// `[document] language`, else the language of the locale (LC_ALL, LC_MESSAGES, LANG),
    /// else `fr`]
    #[arg(long, value_enum, global = true, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(CheckArgs),
    Validate(ValidateArgs),
    Explain(ExplainArgs),
    Test(TestArgs),
    Render(RenderArgs),
    Award(AwardArgs),
    Catalogue(CatalogueArgs),
    Diagnose(DiagnoseArgs),
    Schema(SchemaArgs),
    Lock(LockArgs),
    Pack(PackArgs),
    Lsp(LspArgs),
    Fmt(FmtArgs),
    Log(LogArgs),
    Review(ReviewArgs),
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

Large runs: when every descriptor comes from NDJSON (`.ndjson` and `.jsonl` files, or `-`) and \
the format is `json` or `ndjson`, descriptors are checked as they are read, in memory that does \
not grow with their number, and the report is written as it is known: without award criteria, \
each line as soon as the lines before it are. Ranks need every score first, so with criteria the \
input is read more than once (standard input is kept in a temporary file meanwhile). The report \
is the same as it would be otherwise, byte for byte. On a terminal, a run that lasts shows its \
progress on standard error.

Exit status: 0 when every descriptor is eligible, 1 when at least one is not, 2 when the pack \
does not compile, an input or output cannot be used, or the command line is wrong.",
    after_help = "Examples:
  clausier check rules/edtech-fr examples/edtech-fr --date 2026-11-28
  clausier check rules/edtech-fr examples/edtech-fr --format json --output report.json
  clausier check rules/edtech-fr examples/edtech-fr --format html --output report.html
  clausier check rules/edtech-fr examples/edtech-fr --format sarif --output report.sarif
  clausier check rules/edtech-fr examples/edtech-fr/eveil-numerique.json --explain
  clausier check rules/edtech-fr examples/edtech-fr --record journal.db
  cat examples/edtech-fr/centrale-achats.ndjson | clausier check rules/edtech-fr -
  clausier check rules/edtech-fr offres.ndjson --format ndjson --output resultats.ndjson
  clausier check rules/edtech-fr offres/ --max-descriptor-size 256MiB"
)]
pub struct CheckArgs {
    /// The pack: a folder of `.clause` files (with its `pack.toml`) or one `.clause` file
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// Descriptor files, folders (searched recursively for .json, .yaml, .yml, .toml, .csv,
    /// .tsv, .tab, .ndjson, .jsonl, .xlsx and .ods files; hidden entries are skipped), or `-`
    /// to read NDJSON from standard input
    #[arg(value_name = "DESCRIPTOR", required = true, num_args = 1..)]
    pub descriptors: Vec<PathBuf>,

    /// The report's format: `human` for people, the others for programs, CI systems and
    /// documents (each is described below); every format gives the same bytes for the same
    /// run, whatever `--jobs`
    #[arg(long, value_enum, default_value_t = CheckFormat::Human, value_name = "FORMAT")]
    pub format: CheckFormat,

    /// Write the report to FILE instead of standard output (`-`); a file is replaced only
    /// once the whole report is written, keeping its permissions (a link is followed, a FIFO
    /// or a device written to as it is); a descriptor cannot be the output, and the output is
    /// never read as a descriptor
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The evaluation date, `today` in the clauses, as YYYY-MM-DD [default: the deadline for
    /// offers, `[document] deadline` in the pack's pack.toml, else today in the local time
    /// zone]
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// How many descriptors to evaluate at once; the report is the same whatever the number
    /// [default: the number of processors; at most 4 per processor, and 256]
    #[arg(long, short, value_parser = parse_jobs, value_name = "N")]
    pub jobs: Option<usize>,

    /// The largest descriptor read: a whole JSON, YAML, TOML or CSV file or workbook, or one line of
    /// NDJSON, as `64MiB`, `512KiB` or a number of bytes; a larger one is reported as
    /// invalid and read no further
    #[arg(long, value_parser = clausier_data::files::size_limit::parse, value_name = "SIZE",
          default_value = "64MiB")]
    pub max_descriptor_size: usize,

    /// List every clause of every descriptor in the human report: passing requirements too,
    /// and each criterion's score and points
    #[arg(long)]
    pub explain: bool,

    /// Make fields of a descriptor that the pack does not declare errors, which make the
    /// descriptor invalid; without it they are warnings
    #[arg(long)]
    pub strict: bool,

    /// Write nothing to standard error but errors: neither the pack's warnings nor the
    /// progress bar (which is shown only on a terminal, outside CI, once a run lasts more
    /// than a second)
    #[arg(long, short)]
    pub quiet: bool,

    /// Record the run in the decision log DB (an SQLite file, created if absent, or a
    /// `postgres://` URL): the pack and its files, the offers, the date, every outcome and
    /// the report; the log's decisions on these offers are applied
    #[arg(long, value_name = "DB")]
    pub record: Option<String>,

    /// Apply the decisions of the log DB (`clausier review`) without recording the run
    #[arg(long, value_name = "DB", conflicts_with = "record")]
    pub decisions: Option<String>,
}

/// Write a searchable HTML catalogue of solutions and the packs they satisfy
#[derive(Debug, Args)]
#[command(
    long_about = "Run each pack over a folder of solution descriptions (`publiccode.yml` files, \
or descriptors of the `solution { … }` shape, read as `check` reads a folder) and write one \
self-contained HTML page: a card per solution with its name, short description, licence (free \
software marked), maintenance and contractors, categories, and for each pack whether the \
solution satisfies it and, if not, each failed requirement with why, in the words of the HTML \
check report. A search box and filters by category and by pack hide the other cards; they work \
without the network, and without JavaScript every card is shown. The cards show the fields the \
first pack declares. The page is in French unless `--lang en`.

Exit status: 0 when the catalogue is written, whatever the verdicts; 2 when a pack does not \
compile, SOLUTIONS holds no description, the output cannot be written, or the command line is \
wrong.",
    after_help = "Examples:
  clausier catalogue tests/catalogue/pack examples/catalogue --output catalogue.html
  clausier catalogue tests/catalogue/pack autre-pack examples/catalogue --date 2026-11-28
  clausier catalogue tests/catalogue/pack examples/catalogue --lang en > catalogue.html"
)]
pub struct CatalogueArgs {
    /// The packs to judge the solutions by, each a folder of `.clause` files (with its
    /// `pack.toml`) or one `.clause` file
    #[arg(value_name = "PACK", required = true, num_args = 1..)]
    pub packs: Vec<PathBuf>,

    /// The folder of solution descriptions (or one file)
    #[arg(value_name = "SOLUTIONS", required = true)]
    pub solutions: PathBuf,

    /// Write the page to FILE instead of standard output (`-`)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The evaluation date, `today` in the clauses, as YYYY-MM-DD [default: the first
    /// pack's deadline for offers, else today in the local time zone]
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// Write nothing to standard error but errors (not the packs' warnings)
    #[arg(long, short)]
    pub quiet: bool,
}

/// Diagnose an inventory: indicators, priorities and the catalogue's alternatives
#[derive(Debug, Args)]
#[command(
    long_about = "Run a diagnosis pack (such as `rules/autodiagnostic`) over an authority's \
inventory, one line per application, service or equipment (files and folders read as `check` \
reads descriptors: CSV, Excel or LibreOffice workbooks, YAML, JSON…), and report the pack's \
indicators over the whole inventory (each group with its share of the total), the lines ranked \
by priority (risk × annual spend × nearness of the window to change supplier) and the lines left \
out because their data does not fit the pack's schema, with where their errors are.

With `--catalogue DIR`, each priority lists the solutions of that catalogue (read as `clausier \
catalogue` reads it) whose categories are the line's alternatives; with `--against PACK` too, \
each with whether it satisfies that pack and, if not, why. Without `--against`, the solutions \
are listed as not checked.

Formats: `human` (the default, for a terminal), `html` (a self-contained dashboard with charts, \
no script and nothing fetched), `markdown`, `json` (for other tools, its fields documented in \
docs/diagnose.md). Without `--format`, an `--output` file ending in .html, .md or .json gets that \
format. Words are in French unless `--lang en` (or the pack's language says otherwise).

A line whose data does not fit the schema, or a file that cannot be read, is listed among the \
lines left out, with its errors and where they are: it counts in no indicator, and is never \
dropped silently.

Exit status: 0 when the diagnosis is written, whatever the indicators show (a diagnosis judges \
nobody); 1 when it is written but lines were left out (its totals are incomplete); 2 when a pack does not compile, the inventory or the catalogue holds no line, the \
output cannot be written, or the command line is wrong.",
    after_help = "Examples:
  clausier diagnose rules/autodiagnostic examples/autodiagnostic --date 2026-12-01
  clausier diagnose rules/autodiagnostic inventaire.xlsx --output diagnostic.html
  clausier diagnose rules/autodiagnostic examples/autodiagnostic --catalogue examples/catalogue \\
      --against rules/catalogue-reversibilite --format html --output diagnostic.html
  clausier diagnose rules/autodiagnostic examples/autodiagnostic --format json --lang en"
)]
pub struct DiagnoseArgs {
    /// The diagnosis pack: a folder of `.clause` files (with its `pack.toml`) or one
    /// `.clause` file
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// The inventory: files or folders of lines (searched recursively as `check` searches
    /// descriptors), or `-` to read NDJSON from standard input
    #[arg(value_name = "INVENTORY", required = true, num_args = 1..)]
    pub inventory: Vec<PathBuf>,

    /// `human` for a terminal, `html` for the dashboard, `markdown`, `json` [default:
    /// from the extension of `--output` (.html, .htm, .md, .json), else `human`]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<DiagnoseFormat>,

    /// Write the diagnosis to FILE instead of standard output (`-`); a file is replaced
    /// only once the whole diagnosis is written
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The date of the diagnosis, `today` in the clauses and the start of every window, as
    /// YYYY-MM-DD [default: the pack's `[document] deadline`, else today in the local time
    /// zone]
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// How many lines to evaluate at once; the diagnosis is the same whatever the number
    /// [default: the number of processors]
    #[arg(long, short, value_parser = parse_jobs, value_name = "N")]
    pub jobs: Option<usize>,

    /// A folder of solution descriptions (`publiccode.yml` files or descriptors of the
    /// `solution { … }` shape) to offer as alternatives to the priorities
    #[arg(long, value_name = "DIR")]
    pub catalogue: Option<PathBuf>,

    /// The pack the catalogue's solutions must satisfy, such as
    /// `rules/catalogue-reversibilite`; needs `--catalogue`
    #[arg(long, value_name = "PACK", requires = "catalogue")]
    pub against: Option<PathBuf>,

    /// Write nothing to standard error but errors (not the packs' warnings)
    #[arg(long, short)]
    pub quiet: bool,
}

/// The formats of `clausier diagnose`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnoseFormat {
    /// A summary for a terminal: indicators, the top priorities, the lines left out
    Human,
    /// A self-contained dashboard: charts, matrix, timeline, priorities and alternatives
    Html,
    /// Markdown (GitHub tables)
    Markdown,
    /// JSON for other tools (docs/diagnose.md)
    Json,
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

/// Run a pack's tests
#[derive(Debug, Args)]
#[command(
    long_about = "Run the `test` blocks of a pack. Each test gives one descriptor, written inline \
(`given { hosting: { region: \"EU\" } }`) or as a file named relative to its clause file \
(`given \"offres/conforme.json\"`, in any descriptor format), checks it alone against the pack \
at the evaluation date, and compares every `expect` line with the result: the offer's status \
(`expect eligible`, `ineligible`, `incomplete`, `invalid`), a requirement's result \
(`expect fail HEB-01`, `pass`, `missing`, `not_applicable`) or its score (`expect score >= 60`). \
A failed test is shown with what it expected, what was found, and why, in the words of \
`clausier check`.

With `--coverage`, a table follows: for each requirement, whether some test's offer passes it, \
fails it, misses data for it or is outside its scope (`expected` when an `expect` line checks \
it, `seen` when it only happens), and for each criterion whether some offer was scored on it.

Exit status: 0 when every test passes, 1 when at least one fails, 2 when the pack does not \
compile (an `expect` naming an unknown requirement included), an output cannot be written, or \
the command line is wrong.",
    after_help = "Examples:
  clausier test rules/edtech-fr
  clausier test rules/edtech-fr --date 2026-11-28 --coverage
  clausier test rules/edtech-fr --format junit --output target/clausier-tests.xml

A test, in any `.clause` file of the pack:
  test \"un hébergement hors de l'UE est inéligible\" {
    given { hosting: { region: \"OTHER\" } }
    expect fail HEB-01
    expect ineligible
  }"
)]
pub struct TestArgs {
    /// The pack: a folder of `.clause` files (with its `pack.toml`) or one `.clause` file
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// The evaluation date, `today` in the clauses, as YYYY-MM-DD [default: the deadline for
    /// offers, `[document] deadline` in the pack's pack.toml, else today in the local time
    /// zone]
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// Show which outcome of each requirement, and which criterion, the tests exercise
    #[arg(long)]
    pub coverage: bool,

    /// `human` for people; `junit` for CI systems (JUnit XML: one test suite for the pack, one
    /// test case per test; the coverage, if asked, as the suite's output)
    #[arg(long, value_enum, default_value_t = TestFormat::Human, value_name = "FORMAT")]
    pub format: TestFormat,

    /// Write the result to FILE instead of standard output; the file is replaced only once
    /// the whole result is written
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Print a pack as the text of a tender
#[derive(Debug, Args)]
#[command(
    long_about = "Print the pack as the text of a tender (cahier des charges, règlement de la \
consultation), ready to publish: a title page from the `[document]` table of `pack.toml` \
(title, buyer, object of the contract, procedure, lots, deadline for offers); then numbered \
articles: the technical specifications (`must` requirements: an offer that fails one is \
irrégulière), the conditions of performance (`execution`), the award criteria with their weights \
(code de la commande publique R2152-11 and R2152-12) and their scoring method in words, each \
`should` requirement under the criterion that scores it, the information requested (`info`, not \
used in the award), and the supporting documents; and a short annex naming the packs, versions \
and hashes the clauses come from and the parameters in effect.

Legal texts and notes show the value in effect of each parameter they name (`{max_price}` \
becomes `4,50 €`), in the document's language. Rules and criteria are in words, never in the \
syntax of the clauses; `///` comments, which are notes for the drafters, and file paths are \
never printed.

A requirement or criterion without a `text` has nothing to publish: the pack is refused, each \
clause located, unless `--draft`, which marks them « [Texte à rédiger] ». The HTML page is \
self-contained (its style inline, nothing fetched) and prints on A4. The Word document (`docx`) \
has a title page, headings, numbered articles, tables and A4 pages; it is written to a file \
(`--output`), or to standard output when that is not a terminal.

Exit status: 0 when the document is written, 2 when the pack does not compile, a clause has no \
text (without `--draft`), the output cannot be written, or the command line is wrong.",
    after_help = "Examples:
  clausier render rules/region-exemple > cahier-des-charges.md
  clausier render rules/region-exemple --format html --output cahier-des-charges.html
  clausier render rules/region-exemple --format docx --output cahier-des-charges.docx
  clausier render rules/edtech-fr --lang en --format markdown
  clausier render rules/edtech-fr --draft"
)]
pub struct RenderArgs {
    /// The pack: a folder of `.clause` files (with its `pack.toml`) or one `.clause` file
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// `markdown` for editing and publishing; `html` for one page to open, share or print;
    /// `docx` for a Word document, to assemble the consultation file in Word or LibreOffice
    #[arg(long, value_enum, default_value_t = RenderFormat::Markdown, value_name = "FORMAT")]
    pub format: RenderFormat,

    /// A working draft: requirements and criteria without a `text` are marked « [Texte à
    /// rédiger] » instead of stopping the command
    #[arg(long)]
    pub draft: bool,

    /// Write the document to FILE instead of standard output; the file is replaced only
    /// once the whole document is written
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Write the analysis of offers and the letters to tenderers not retained
#[derive(Debug, Args)]
#[command(
    long_about = "Write what a buyer writes after the award: the analysis of offers (rapport \
d'analyse des offres) and one letter for each tenderer whose offer is not retained, in \
Markdown, HTML or Word (`--format`), into a folder.

The offers are checked exactly as `clausier check` checks them (the same loading, the same \
evaluation date, the same statuses, scores and ranks). The report gives the procedure \
(`[document]` of pack.toml), every offer received (those whose data cannot be read, with \
why), the regularity of each offer with the specifications and execution conditions it fails \
in words and what it declared (for an incomplete offer, the documents to request, R2152-2), \
the scores per criterion with the declared values and weights, the ranking and the proposed \
winner; per lot in a contract divided into lots.

The report is `rapport-analyse-des-offres.md`; each letter (`lettre-ID.md`, \
`lettre-ID-lot-LOT.md` in a contract divided into lots; `.html` or `.docx` in those formats) gives \
the reasons of the rejection, or the offer's scores and rank; the winner's name and its \
scores per criterion (R2181-1, R2181-3); and the earliest date the contract may be signed \
(R2182-1): the notification date plus 11 days when the letters are sent electronically, 16 \
otherwise.

Offers tied at the first rank: no winner is proposed, the buyer decides, and no letter is \
written for them (standard error says so). No regular offer on a lot: the report concludes \
« procédure infructueuse » and no letter names a winner.

Files already in the folder are not replaced unless `--force`; each file is written whole or \
not at all. The same inputs give the same bytes: the only dates are the notification date \
and the evaluation date.

Exit status: 0 when the documents are written, 2 when the pack does not compile, no offer is \
given, a file exists (without `--force`) or cannot be written, or the command line is wrong.",
    after_help = "Examples:
  clausier award rules/edtech-fr examples/edtech-fr --date 2026-11-28 --notify-date 2026-12-01
  clausier award examples/lots-ent-ressources/pack examples/lots-ent-ressources/offres \\
      --notify-date 2027-04-02 --notified-by post --output-dir attribution
  clausier award rules/edtech-fr offres/ --notify-date 2026-12-01 --lang en --force
  clausier award rules/edtech-fr examples/edtech-fr --notify-date 2026-12-01 --format docx
  clausier award rules/edtech-fr examples/edtech-fr --notify-date 2026-12-01 --record journal.db"
)]
pub struct AwardArgs {
    /// The pack: a folder of `.clause` files (with its `pack.toml`) or one `.clause` file
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// The offers: descriptor files or folders, as `clausier check` reads them
    #[arg(value_name = "OFFERS", required = true, num_args = 1..)]
    pub descriptors: Vec<PathBuf>,

    /// The day the letters are sent, as YYYY-MM-DD: the standstill period runs from it
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD", required = true)]
    pub notify_date: Date,

    /// How the letters are sent: `electronic` (the contract may be signed 11 days later) or
    /// `post` (16 days later), R2182-1
    #[arg(long, value_enum, default_value_t = NotifiedBy::Electronic, value_name = "MEANS")]
    pub notified_by: NotifiedBy,

    /// `markdown` for editing; `html` for pages to open, share or print; `docx` for Word
    /// documents, to sign and send from Word or LibreOffice. The words are the same in all three
    #[arg(long, value_enum, default_value_t = AwardFormatArg::Markdown, value_name = "FORMAT")]
    pub format: AwardFormatArg,

    /// The folder the documents are written into; created when it does not exist
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub output_dir: PathBuf,

    /// The evaluation date, `today` in the clauses, as YYYY-MM-DD [default: the deadline for
    /// offers, `[document] deadline` in the pack's pack.toml, else today in the local time
    /// zone]
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// Replace the documents of an earlier run found in the folder
    #[arg(long)]
    pub force: bool,

    /// Record the run in the decision log DB (an SQLite file, created if absent, or a
    /// `postgres://` URL), as `check --record` does; the log's decisions are applied
    #[arg(long, value_name = "DB")]
    pub record: Option<String>,

    /// Apply the decisions of the log DB (`clausier review`) without recording the run
    #[arg(long, value_name = "DB", conflicts_with = "record")]
    pub decisions: Option<String>,
}

/// The formats of `clausier award`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AwardFormatArg {
    /// Markdown, with tables (`.md`)
    Markdown,
    /// Self-contained HTML pages (`.html`)
    Html,
    /// Word documents, Office Open XML (`.docx`)
    Docx,
}

/// How the letters of `clausier award` are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NotifiedBy {
    /// By electronic means: 11 days of standstill
    Electronic,
    /// By post or any other means: 16 days of standstill
    Post,
}

/// Print the JSON Schema of a pack's descriptor, or the questionnaire vendors fill in
#[derive(Debug, Args)]
#[command(
    long_about = "Print the JSON Schema (draft 2020-12) of the descriptor a pack reads, for \
vendors to validate what they send with any JSON Schema validator. Enums list their values in \
their order, dates have `format: date`, percentages, amounts and durations accept the forms \
Clausier reads (`87.5` or `\"87.5%\"`, `4.5` or `\"4.50 €\"`, `\"P6M\"` or `\"6 months\"`), and \
every description comes from the pack's doc comments, with the unit of the value.

Every field may be absent or null, and fields the pack does not declare are allowed: the schema \
checks the form of what is given; `clausier check` says what is missing.

With `--format xlsx`, write instead the questionnaire a buyer sends to vendors: an Excel \
workbook whose sheet « Offre » has one row per field (its path, an empty value cell, its \
description, its type and allowed values in French, a drop-down list for an enum or a \
`oui`/`non`). Filled in by a vendor, it is an offer `clausier check` reads. It is written to a \
file (`--output`) or a pipe, never to a terminal.

Exit status: 0 when the schema is written, 2 when the pack does not compile, the output cannot \
be written, or the command line is wrong.",
    after_help = "Examples:
  clausier schema rules/edtech-fr > edtech-fr.schema.json
  clausier schema rules/edtech-fr --output edtech-fr.schema.json
  clausier schema cahier-des-charges.clause
  clausier schema rules/edtech-fr --format xlsx --output questionnaire.xlsx"
)]
pub struct SchemaArgs {
    /// The pack: a folder of `.clause` files (with its `pack.toml`) or one `.clause` file
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// `json` for the JSON Schema; `xlsx` for the questionnaire vendors fill in
    #[arg(long, value_enum, default_value_t = SchemaFormat::Json, value_name = "FORMAT")]
    pub format: SchemaFormat,

    /// Write the schema to FILE instead of standard output; the file is replaced only once
    /// the whole schema is written
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The formats of `clausier schema`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFormat {
    /// The JSON Schema (draft 2020-12) of the descriptor
    Json,
    /// The questionnaire a buyer sends to vendors: an Excel workbook (.xlsx) in French, one
    /// row per field, that `clausier check` reads back as an offer once filled in
    Xlsx,
}

/// Write the pack.lock of a pack
#[derive(Debug, Args)]
#[command(
    long_about = "Write `pack.lock` beside the pack's `pack.toml`: for the pack and every pack it \
depends on, directly or not, its name, exact version, path and the sha256 hash of each of its \
files. Commit it with the pack: from then on every command that loads the pack (`check`, \
`validate`, `test`, `render`, `schema`) refuses it, naming the pack and the files, as soon as a \
file of one of these packs changes, until the change is reviewed and the lock written again.

With `--frozen`, for continuous integration, the lock is never written: the command fails when \
it is missing or out of date.

Exit status: 0 when the lock is written or already up to date, 2 when a dependency cannot be \
resolved, the lock is out of date with `--frozen`, or the file cannot be written.",
    after_help = "Examples:
  clausier lock rules/region-exemple
  clausier lock rules/region-exemple --frozen"
)]
pub struct LockArgs {
    /// The pack: a folder with its `pack.toml`
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// Fail instead of writing when `pack.lock` is missing or out of date
    #[arg(long)]
    pub frozen: bool,
}

/// Sign a pack, or verify its signature
#[derive(Debug, Args)]
#[command(
    long_about = "Sign a pack with a publisher's Ed25519 key, and check a pack's signature. A \
signed pack carries a `pack.sig` beside its `pack.toml`: the publisher's public key and a \
signature over the pack's name, version and files (clause files, `pack.toml` and the files its \
tests read). A pack that depends on it pins the key in its `pack.toml` \
(`edtech-fr = { path = \"../edtech-fr\", key = \"ed25519:…\" }`), and every command that loads \
the graph then refuses the dependency when its signature is missing, does not match its files \
or is by another key.",
    after_help = "Examples:
  clausier pack keygen publisher.key
  clausier pack sign rules/edtech-fr --key publisher.key
  clausier pack verify rules/edtech-fr --key publisher.key.pub"
)]
pub struct PackArgs {
    #[command(subcommand)]
    pub command: PackCommand,
}

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    Keygen(KeygenArgs),
    Sign(SignArgs),
    Verify(VerifyArgs),
}

/// Write a new key pair: the secret key to OUT (readable by its owner only), the public
/// key to OUT.pub
#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Where to write the secret key; the public key goes beside it, with `.pub` added.
    /// Neither file may exist
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
}

/// Sign a pack: write its `pack.sig`
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The pack: a folder with its `pack.toml`
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// The secret key file `clausier pack keygen` wrote
    #[arg(long, value_name = "KEYFILE")]
    pub key: PathBuf,
}

/// Check that a pack's `pack.sig` matches its files
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The pack: a folder with its `pack.toml` and `pack.sig`
    #[arg(value_name = "PACK")]
    pub pack: PathBuf,

    /// The public key file the signature must be by; without it, any key is accepted
    /// and printed
    #[arg(long, value_name = "PUBFILE")]
    pub key: Option<PathBuf>,
}

/// Run the language server, for editors
#[derive(Debug, Args)]
#[command(
    long_about = "Run the Clausier language server: the editor starts this command and speaks the \
Language Server Protocol with it on standard input and output (JSON-RPC). It is not meant to be \
run by hand.

For every `.clause` file opened, the server analyses the whole pack it belongs to (the nearest \
folder upwards with a `pack.toml`, else the file's own folder) with its dependencies, the \
editor's unsaved buffers in place of the disk, and gives diagnostics for every file of the \
pack, hovers, completion (with snippets), go to definition, references, rename, document and \
workspace symbols, folding, selection ranges, semantic highlighting, inlay hints (the value a \
parameter has where it is read), quick fixes and formatting. Above each requirement, a lens \
counts how the descriptors declared for the pack (`[workspace] descriptors = [\"…\"]` in \
`pack.toml`, else a `descriptors/` folder beside it) \
pass, fail or miss data for it, as `clausier check` would; open descriptor files get their own \
diagnostics. One server serves a whole workspace: it finds the packs under the editor's \
workspace folders, checks a vendor's file opened alone against the packs that declare it, \
watches the files itself when the editor cannot, and carries a rename into the packs that \
depend on the renamed name. The commands `clausier.preview` (the tender, HTML and Markdown) and \
`clausier.failingVendors` (where the vendors failing a requirement are) serve the editors' \
preview and lens.

Positions are in UTF-8 when the editor offers it, else UTF-16. An editor may give \
`{\"date\": \"YYYY-MM-DD\", \"language\": \"fr\"}` as initialization options: the value of \
`today` for the lens [default: the pack's deadline for offers, `[document] deadline` in \
pack.toml, else today in the local time zone], and the language of the server's words \
[default: the editor's locale].

Exit status: 0 after the editor's `shutdown` then `exit`, 1 when the editor exits or closes \
standard input without asking for a shutdown first, 2 when the server cannot start.",
    after_help = "Editors start it as:
  clausier lsp

The repository's `editors/` folder holds ready configurations for VS Code, Neovim and Helix.

VS Code: the extension built for your system contains this program.
Neovim 0.11 or later: put editors/nvim on 'runtimepath', then vim.lsp.enable('clausier').

Helix (languages.toml):
  [language-server.clausier]
  command = \"clausier\"
  args = [\"lsp\"]"
)]
pub struct LspArgs {
    /// Talk over standard input and output, the server's only transport (accepted because
    /// some editors' clients always pass it)
    #[arg(long)]
    pub stdio: bool,
}

/// The formats of `clausier test`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    /// A line per test, with the details of each failure
    Human,
    /// JUnit XML, for CI systems
    Junit,
}

/// The formats of `clausier render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// Markdown, with tables
    Markdown,
    /// One self-contained HTML page
    Html,
    /// A Word document (Office Open XML)
    Docx,
}

/// The languages Clausier speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// French
    Fr,
    /// English
    En,
}

/// Format `.clause` files in the canonical layout
#[derive(Debug, Args)]
#[command(
    long_about = "Rewrite `.clause` files in the one canonical layout: items separated by a blank \
line, blocks indented by two spaces, one space around operators, the lines of a requirement in \
the order `level`, `when`, `text`, `ref`, `evidence`, `require`, long expressions broken before \
`and`, `or` and `implies`. Comments and doc comments stay where they were, literals keep the \
digits they were written with (`6.00 €` stays `6.00 €`), and the rules mean exactly what they \
meant: the formatted file parses to the same tree, or it is left unchanged. Formatting twice \
changes nothing.

Folders are searched recursively for `.clause` files (hidden files and folders are skipped). A \
file is rewritten only if formatting changes it, through a temporary file renamed over it. The \
files that changed, or would change with `--check`, are listed on standard output, one a line. A \
file with syntax errors is not touched: its errors are shown and the other files are still \
formatted.

Exit status: 0 when every file is formatted (or, with `--check`, already was), 1 when `--check` \
finds a file that formatting would change, 2 when a file has syntax errors or cannot be read or \
written, or the command line is wrong.",
    after_help = "Examples:
  clausier fmt rules/edtech-fr                 format every .clause file of a pack, in place
  clausier fmt --check rules                   in CI: list what is not formatted, exit 1 if any
  clausier fmt cahier-des-charges.clause       one file
  clausier fmt - < draft.clause > tidy.clause  standard input to standard output (for editors)"
)]
pub struct FmtArgs {
    /// `.clause` files, folders (searched recursively for `.clause` files), or `-` to format
    /// standard input to standard output
    #[arg(value_name = "PATH", required = true, num_args = 1..)]
    pub paths: Vec<PathBuf>,

    /// Change nothing: list the files that formatting would change, and exit with 1 if there
    /// is any
    #[arg(long)]
    pub check: bool,
}

/// The formats of `clausier check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A table for people, with the reasons of each failure
    Human,
    /// The full report as JSON
    Json,
    /// One JSON object per line: each descriptor's result (the fields of an entry of the
    /// JSON report's `descriptors`), then a line with the summary, the pack and the date
    Ndjson,
    /// CSV (RFC 4180, CRLF line ends): a row per descriptor with id, source, status,
    /// score and rank, then a column per clause with the requirement's status or the
    /// criterion's points
    Csv,
    /// Markdown (GitHub tables): the totals, a table of the descriptors with status, score
    /// and rank, then each failed or missing requirement and data error with its
    /// explanation
    Markdown,
    /// JUnit XML for CI systems: a test suite per pack, a test case per descriptor ×
    /// requirement (class name: the descriptor's id), a failure with the explanation for
    /// each failed or missing requirement, an error case for an invalid descriptor; no
    /// times
    Junit,
    /// SARIF 2.1.0 for code-scanning tools: a result per failed or missing requirement
    /// (rule id: the clause's id, `pack::id` for a dependency's clause; rule name and
    /// descriptions from the clause's title and text), located in the descriptor's file at
    /// the line and column of its explanation; an invalid descriptor's data errors as tool
    /// notifications
    Sarif,
    /// One self-contained HTML page for a buyer to hand on (style inline, nothing
    /// fetched): the ranking first (one table per lot), then a section per offer with its
    /// status and the reasons for it in words, its criteria points and its other
    /// requirements; fits a 1280 px screen and prints on A4, an offer per page
    Html,
    /// An Excel workbook (.xlsx), in French: the offers in rank order with their points
    /// per criterion, the offer × requirement grid coloured by result, the reasons of
    /// every failure, the parameters in effect and the totals, a sheet each; written to a
    /// file (`--output`) or a pipe, never to a terminal
    Xlsx,
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
    fn check_reads_descriptors_as_large_as_the_editor_does() {
        use clap::Parser;
        let cli = Cli::try_parse_from(["clausier", "check", "pack", "offers"]).unwrap();
        let Command::Check(args) = cli.command else {
            panic!("`check` expected");
        };
        assert_eq!(
            args.max_descriptor_size,
            clausier_data::files::DEFAULT_MAX_SIZE
        );
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

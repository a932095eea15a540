//! What the commands of the decision log share: opening a log, the files a run records,
//! the decisions a run applies, and an evaluation that a replay repeats.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use clausier_data::descriptor::Descriptor;
use clausier_data::files::Input;
use clausier_diagnostics::Message;
use clausier_eval::{ReviewDecision, RunOptions};
use clausier_i18n::{Lang, t};
use clausier_log::chain::content_hash;
use clausier_log::{LogError, Store, StoredDescriptor, StoredFile};
use clausier_pack::LoadedPack;
use serde_json::json;

use crate::error::CliError;
use crate::output::print_stderr;

/// Opens the log at `location`, the error worded for the buyer.
pub fn open_log(location: &str) -> Result<Box<dyn Store>, CliError> {
    clausier_log::open(location).map_err(log_error)
}

/// The log a run records into (`--record`) or reads decisions from (`--decisions`), when
/// it names one.
pub fn open_run_log(
    record: Option<&str>,
    decisions: Option<&str>,
) -> Result<Option<Box<dyn Store>>, CliError> {
    record.or(decisions).map(open_log).transpose()
}

pub fn log_error(error: LogError) -> CliError {
    match error {
        LogError::NotALog { location, reason } => CliError::new(
            Message::new("e09-log-not-a-log")
                .with("location", location)
                .with("reason", reason),
        )
        .with_help(Message::new("e09-help-log-not-a-log")),
        LogError::Connect { location, reason } => CliError::new(
            Message::new("e09-log-cannot-connect")
                .with("location", location)
                .with("reason", reason),
        )
        .with_help(Message::new("e09-help-log-cannot-connect")),
        LogError::Database { reason } => {
            CliError::new(Message::new("e09-log-database").with("reason", reason))
        }
    }
}

/// The bytes of every descriptor file of the run, so that a replay needs nothing else.
/// Standard input cannot be read twice: a run reading it is not recorded.
pub fn descriptor_files(inputs: &[Input]) -> Result<Vec<StoredDescriptor>, CliError> {
    let mut files = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => return Err(CliError::new(Message::new("e09-log-stdin"))),
            Input::File { path, source } => {
                let bytes = std::fs::read(path).map_err(|error| {
                    CliError::new(
                        Message::new("e09-log-cannot-read")
                            .with("path", source)
                            .with("reason", error.to_string()),
                    )
                })?;
                files.push(StoredDescriptor {
                    source: source.clone(),
                    content_hash: content_hash(&bytes),
                    bytes,
                });
            }
            // Reported as invalid; nothing to keep.
            Input::Unreadable { .. } => {}
        }
    }
    Ok(files)
}

/// What a command that records or applies a log does before it runs: reads the offers'
/// files (for their hashes) and puts in `options` the log's decisions on them. Returns the
/// files and the ids of the decisions applied; nothing without a log.
pub fn apply_decisions(
    store: Option<&mut Box<dyn Store>>,
    pack_name: &str,
    inputs: &[Input],
    descriptors: &[Descriptor],
    quiet: bool,
    lang: Lang,
    options: &mut RunOptions,
) -> Result<(Vec<StoredDescriptor>, Vec<i64>), CliError> {
    let Some(store) = store else {
        return Ok((Vec::new(), Vec::new()));
    };
    let files = descriptor_files(inputs)?;
    let (decisions, applied) =
        decisions_to_apply(store.as_mut(), pack_name, descriptors, &files, quiet, lang)?;
    options.decisions = decisions;
    Ok((files, applied))
}

/// The log's decisions that apply to these descriptors as they are now, with their ids;
/// a decision taken on an offer that changed since is not applied, and stderr says so.
fn decisions_to_apply(
    store: &mut dyn Store,
    pack_name: &str,
    descriptors: &[Descriptor],
    files: &[StoredDescriptor],
    quiet: bool,
    lang: Lang,
) -> Result<(Vec<ReviewDecision>, Vec<i64>), CliError> {
    let recorded = store.decisions().map_err(log_error)?;
    let hashes: BTreeMap<&str, &str> = files
        .iter()
        .map(|file| (file.source.as_str(), file.content_hash.as_str()))
        .collect();
    let mut applied = Vec::new();
    let mut ids = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for descriptor in descriptors {
        let Some(hash) = hashes.get(descriptor.source.as_str()) else {
            continue;
        };
        if !seen.insert((descriptor.id.clone(), *hash)) {
            continue;
        }
        for decision in clausier_log::matching_decisions(&recorded, pack_name, &descriptor.id, hash)
        {
            ids.push(decision.id);
            applied.push(decision.to_review_decision());
        }
        if !quiet {
            for stale in clausier_log::stale_decisions(&recorded, pack_name, &descriptor.id, hash) {
                let note = t!(
                    lang,
                    "check-decision-stale",
                    id = stale.id,
                    clause = stale.record.clause.as_str(),
                    descriptor = descriptor.id.as_str()
                );
                print_stderr(&format!("{note}\n"));
            }
        }
    }
    ids.sort_unstable();
    Ok((applied, ids))
}

/// What else shapes the report's bytes, recorded so that a replay gives the same.
pub struct ReportSettings {
    pub lang: Lang,
    pub deadline: bool,
    pub strict: bool,
    pub max_descriptor_size: usize,
    /// The pack's file name when the pack is a single `.clause` file.
    pub pack_file: Option<String>,
    /// Whether the report names clauses by their titles and words failing rules as the
    /// tender does (`check`), or is as the run computed it (`award`).
    pub worded: bool,
}

impl ReportSettings {
    pub fn to_json(&self) -> String {
        json!({
            "lang": self.lang.code(),
            "deadline": self.deadline,
            "strict": self.strict,
            "max_descriptor_size": self.max_descriptor_size,
            "pack_file": self.pack_file,
            "worded": self.worded,
        })
        .to_string()
    }

    pub fn from_json(text: &str) -> Option<Self> {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        Some(ReportSettings {
            lang: match value.get("lang")?.as_str()? {
                "en" => Lang::En,
                _ => Lang::Fr,
            },
            deadline: value.get("deadline")?.as_bool()?,
            strict: value.get("strict")?.as_bool()?,
            max_descriptor_size: usize::try_from(value.get("max_descriptor_size")?.as_u64()?)
                .ok()?,
            pack_file: value
                .get("pack_file")
                .and_then(|name| name.as_str())
                .map(str::to_owned),
            worded: value.get("worded")?.as_bool()?,
        })
    }
}

/// The pack's files and those of the packs it depends on, each path relative to the
/// pack's folder (`../common/…` for a dependency beside it), hidden entries left out.
/// Also the file name when the pack is a single file.
pub fn pack_files(pack: &LoadedPack) -> Result<(Vec<StoredFile>, Option<String>), CliError> {
    let (folder, single) = if pack.root.is_file() {
        let name = pack
            .root
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        (
            pack.root
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            name,
        )
    } else {
        (pack.root.clone(), None)
    };
    let mut files = BTreeMap::new();
    match &single {
        Some(name) => read_into(&folder.join(name), name.clone(), &mut files)?,
        None => walk(&folder, &folder, &mut files)?,
    }
    for dependency in &pack.dependencies {
        walk(&folder, &dependency.path, &mut files)?;
    }
    let files = files
        .into_iter()
        .map(|(path, bytes)| StoredFile { path, bytes })
        .collect();
    Ok((files, single))
}

fn walk(root: &Path, folder: &Path, files: &mut BTreeMap<String, Vec<u8>>) -> Result<(), CliError> {
    let entries = std::fs::read_dir(folder).map_err(|error| cannot_read(folder, &error))?;
    for entry in entries {
        let entry = entry.map_err(|error| cannot_read(folder, &error))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, files)?;
        } else if path.is_file() {
            let relative = relative_to(root, &path);
            read_into(&path, relative, files)?;
        }
    }
    Ok(())
}

fn read_into(
    path: &Path,
    name: String,
    files: &mut BTreeMap<String, Vec<u8>>,
) -> Result<(), CliError> {
    let bytes = std::fs::read(path).map_err(|error| cannot_read(path, &error))?;
    files.insert(name, bytes);
    Ok(())
}

fn cannot_read(path: &Path, error: &std::io::Error) -> CliError {
    CliError::new(
        Message::new("e09-log-cannot-read")
            .with("path", path.display().to_string())
            .with("reason", error.to_string()),
    )
}

/// `path` relative to `root`, `/`-separated, `..` resolved as far as the text allows.
fn relative_to(root: &Path, path: &Path) -> String {
    let tail = path
        .strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| {
            // A dependency beside the pack: joined to the pack's path, so under it as text.
            path.to_path_buf()
        });
    let mut parts: Vec<String> = Vec::new();
    for component in tail.components() {
        match component {
            Component::ParentDir => {
                if parts.last().is_some_and(|last| last != "..") {
                    parts.pop();
                } else {
                    parts.push("..".to_owned());
                }
            }
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// Writes recorded pack files under a fresh folder, as deep as their `..` need, and
/// returns the pack's folder. `None` when a path would leave the folder.
pub fn lay_out_pack(base: &Path, files: &[StoredFile]) -> std::io::Result<Option<PathBuf>> {
    let depth = files
        .iter()
        .map(|file| {
            file.path
                .split('/')
                .take_while(|part| *part == "..")
                .count()
        })
        .max()
        .unwrap_or(0);
    let mut root = base.to_path_buf();
    for level in 0..depth {
        root.push(format!("p{level}"));
    }
    for file in files {
        let relative = Path::new(&file.path);
        if relative.is_absolute()
            || relative
                .components()
                .any(|component| matches!(component, Component::Prefix(_) | Component::RootDir))
        {
            return Ok(None);
        }
        let target = root.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&target, &file.bytes)?;
    }
    Ok(Some(root))
}

/// Records a run of `command` with its report, in one transaction; returns its id.
pub fn record_run(
    store: &mut dyn Store,
    command: &str,
    pack: &LoadedPack,
    report: &clausier_eval::report::Report,
    mut settings: ReportSettings,
    descriptors: Vec<StoredDescriptor>,
    decisions: Vec<i64>,
) -> Result<i64, CliError> {
    let (pack_files, single) = pack_files(pack)?;
    settings.pack_file = single;
    let json = clausier_report::check::render_json(report).map_err(|error| {
        CliError::new(
            Message::new("e09-cannot-render-report")
                .with("format", "JSON")
                .with("reason", error.to_string()),
        )
    })?;
    let params = serde_json::to_string(&report.params).map_err(|error| {
        CliError::new(Message::new("e09-log-database").with("reason", error.to_string()))
    })?;
    let run = clausier_log::RunRecord {
        recorded_at: now_utc(),
        tool_version: report.clausier.clone(),
        command: command.to_owned(),
        pack_name: report.pack.name.clone(),
        pack_version: report.pack.version.clone(),
        pack_hash: report.pack.hash.clone(),
        pack_files,
        params,
        options: settings.to_json(),
        evaluation_date: report.date.clone(),
        descriptors,
        verdicts: clausier_log::Verdict::from_report(report),
        report: json,
        decisions,
    };
    store.append_run(&run).map_err(log_error)
}

/// Now, UTC, to the second, RFC 3339.
pub fn now_utc() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second())
        .unwrap_or(now)
        .to_string()
}

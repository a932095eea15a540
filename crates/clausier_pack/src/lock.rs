//! `pack.lock`: the exact packs a pack is built from.
//!
//! `clausier lock PACK` writes it beside the root's `pack.toml`: for every pack of the
//! graph its name, exact version, path (relative to the root's folder, `/`-separated),
//! content hash, and the hash of each of its files, so that a refusal can name the files
//! that changed. Every command that loads the pack checks the lock when there is one,
//! and refuses a pack that no longer matches it (`E0806`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use clausier_diagnostics::{Code, Message};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::display_join;
use crate::error::{ManifestError, PackError};
use crate::files::{is_present, read_confined};
use crate::graph::{Graph, ManifestSource, RawPack, relative_path, resolve};

/// The lock's file name, beside the root's `pack.toml`.
pub const LOCK_FILE: &str = "pack.lock";

/// The version of the lock's format, written as its `version` key.
pub const LOCK_FORMAT: i64 = 1;

/// What `pack.lock` records.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lock {
    /// The root first, then the other packs by name.
    pub packs: Vec<LockedPack>,
}

/// One pack of a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockedPack {
    pub name: String,
    pub version: String,
    /// The pack's folder relative to the root's, `/`-separated; `.` for the root.
    pub path: String,
    /// The content hash of its files, as reports print it.
    pub hash: String,
    /// The names of its direct dependencies, in the order its manifest gives them.
    pub dependencies: Vec<String>,
    /// The hash of each file, by path relative to the pack's folder.
    pub files: BTreeMap<String, String>,
}

/// Where the values of one entry of a lock are, to point at them.
#[derive(Debug, Clone, Default)]
struct EntrySpans {
    name: Range<usize>,
    version: Range<usize>,
    path: Range<usize>,
    hash: Range<usize>,
}

/// What `clausier lock` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockOutcome {
    /// The lock was written (or rewritten).
    Written,
    /// The lock already matched the packs.
    UpToDate,
}

/// The result of [`lock_pack`].
#[derive(Debug, Clone)]
pub struct Locked {
    /// The lock file, as shown (the pack's path as given, joined with `pack.lock`).
    pub path: PathBuf,
    pub outcome: LockOutcome,
    pub lock: Lock,
}

/// Writes the lock of the pack at `path`, unless it is up to date. With `frozen`, a lock
/// that is missing or out of date is an error instead (`E0806`): what continuous
/// integration wants.
pub fn lock_pack(path: &Path, frozen: bool) -> Result<Locked, PackError> {
    let graph = resolve(path)?;
    let Some(root) = graph.root() else {
        return Err(PackError::NoClauseFiles {
            path: path.to_path_buf(),
        });
    };
    if !root.is_folder {
        return Err(PackError::SingleFileLock {
            path: path.to_path_buf(),
        });
    }
    let lock = lock_of(&graph);
    let lock_path = root.dir.join(LOCK_FILE);
    let shown = PathBuf::from(display_join(&root.shown, LOCK_FILE));
    let existing = if is_present(&lock_path) {
        let source = ManifestSource {
            text: read_confined(&lock_path, &graph.workspace)
                .map_err(|error| error.relocated(&root.dir, &root.shown))?,
            name: shown.display().to_string(),
            path: lock_path.clone(),
        };
        Some((parse_lock(&source)?, source))
    } else {
        None
    };
    match &existing {
        Some(((locked, _), _)) if *locked == lock => {
            return Ok(Locked {
                path: shown,
                outcome: LockOutcome::UpToDate,
                lock,
            });
        }
        _ => {}
    }
    if frozen {
        let command = lock_command(root);
        let error = match &existing {
            None => PackError::LockMissing {
                path: shown,
                command,
            },
            Some(((locked, spans), source)) => {
                let mismatch = first_mismatch(&graph, &lock, locked, true);
                let message = match &mismatch {
                    Some(mismatch) => mismatch.message.clone(),
                    None => Message::new("e08-lock-out-of-date-plain"),
                };
                let span = mismatch
                    .as_ref()
                    .and_then(|m| m.locked_index.map(|i| (i, m.field)))
                    .and_then(|(index, field)| spans.get(index).map(|s| field.span(s)));
                ManifestError::new(
                    &source.path,
                    &source.name,
                    &source.text,
                    Message::new("e08-lock-out-of-date").with("reason", message),
                    span,
                )
                .with_code(Code::LOCK_MISMATCH)
                .with_label(Message::new("e08-label-locked-here"))
                .with_help(Message::new("e08-help-frozen").with("command", &command))
                .into()
            }
        };
        return Err(error);
    }
    write_atomically(&lock_path, &render_lock(&lock))?;
    Ok(Locked {
        path: shown,
        outcome: LockOutcome::Written,
        lock,
    })
}

/// Refuses the graph when its root has a `pack.lock` that a pack of the graph does not
/// match. A lock entry for a pack the graph no longer has is left for `clausier lock`.
pub(crate) fn check_lock(graph: &Graph) -> Result<(), PackError> {
    let Some(root) = graph.root() else {
        return Ok(());
    };
    if !root.is_folder {
        return Ok(());
    }
    let lock_path = root.dir.join(LOCK_FILE);
    if !is_present(&lock_path) {
        return Ok(());
    }
    let source = ManifestSource {
        text: read_confined(&lock_path, &graph.workspace)
            .map_err(|error| error.relocated(&root.dir, &root.shown))?,
        name: display_join(&root.shown, LOCK_FILE),
        path: lock_path,
    };
    let (locked, spans) = parse_lock(&source)?;
    let current = lock_of(graph);
    let Some(mismatch) = first_mismatch(graph, &current, &locked, false) else {
        return Ok(());
    };
    let span = mismatch
        .locked_index
        .and_then(|index| spans.get(index))
        .map(|entry| mismatch.field.span(entry));
    Err(ManifestError::new(
        &source.path,
        &source.name,
        &source.text,
        mismatch.message,
        span,
    )
    .with_code(Code::LOCK_MISMATCH)
    .with_label(Message::new("e08-label-locked-here"))
    .with_help(Message::new("e08-help-accept-lock").with("command", lock_command(root)))
    .into())
}

fn lock_command(root: &RawPack) -> String {
    format!("clausier lock {}", root.shown.display())
}

/// The lock that describes a graph as it is.
pub(crate) fn lock_of(graph: &Graph) -> Lock {
    let Some(root) = graph.root() else {
        return Lock::default();
    };
    let entry = |pack: &RawPack| LockedPack {
        name: pack.name.clone(),
        version: pack.version.clone(),
        path: relative_path(&root.dir, &pack.dir),
        hash: pack.hash.clone(),
        dependencies: pack
            .dependencies
            .iter()
            .map(|(name, _)| name.clone())
            .collect(),
        files: pack.file_hashes.iter().cloned().collect(),
    };
    let mut others: Vec<LockedPack> = graph
        .packs
        .iter()
        .take(graph.packs.len().saturating_sub(1))
        .map(entry)
        .collect();
    others.sort_by(|a, b| a.name.cmp(&b.name));
    let mut packs = vec![entry(root)];
    packs.extend(others);
    Lock { packs }
}

/// The text of a lock. It is stable: the same packs give the same bytes.
pub fn render_lock(lock: &Lock) -> String {
    let quote = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let mut out = String::new();
    out.push_str(
        "# Written by `clausier lock`: the packs this pack is built from, as they were when\n\
         # locked. Commands refuse a pack whose files no longer match; do not edit by hand.\n",
    );
    let _ = writeln!(out, "version = {LOCK_FORMAT}");
    for pack in &lock.packs {
        out.push_str("\n[[pack]]\n");
        let _ = writeln!(out, "name = {}", quote(&pack.name));
        let _ = writeln!(out, "version = {}", quote(&pack.version));
        let _ = writeln!(out, "path = {}", quote(&pack.path));
        let _ = writeln!(out, "hash = {}", quote(&pack.hash));
        let dependencies: Vec<String> = pack.dependencies.iter().map(|d| quote(d)).collect();
        let _ = writeln!(out, "dependencies = [{}]", dependencies.join(", "));
        out.push_str("\n[pack.files]\n");
        for (file, hash) in &pack.files {
            let _ = writeln!(out, "{} = {}", quote(file), quote(hash));
        }
    }
    out
}

/// Which value of an entry a mismatch is about.
#[derive(Debug, Clone, Copy)]
enum Field {
    Name,
    Version,
    Path,
    Hash,
}

impl Field {
    fn span(self, spans: &EntrySpans) -> Range<usize> {
        match self {
            Field::Name => spans.name.clone(),
            Field::Version => spans.version.clone(),
            Field::Path => spans.path.clone(),
            Field::Hash => spans.hash.clone(),
        }
    }
}

struct Mismatch {
    message: Message,
    /// The lock entry it is about, if the lock has one.
    locked_index: Option<usize>,
    field: Field,
}

/// How the graph (described by `current`) differs from the lock, the first difference
/// with the others said in its message: a pack that is not locked, or not at its locked
/// version or path, or whose files changed. With `extra`, a locked pack the graph no
/// longer has counts too.
fn first_mismatch(graph: &Graph, current: &Lock, locked: &Lock, extra: bool) -> Option<Mismatch> {
    let mut all = mismatches(graph, current, locked, extra).into_iter();
    let mut first = all.next()?;
    first.message = all.fold(first.message, |said, other| {
        Message::new("e08-lock-and-then")
            .with("first", said)
            .with("then", other.message)
    });
    Some(first)
}

/// Every difference, the root's first, then the other packs' by name.
fn mismatches(graph: &Graph, current: &Lock, locked: &Lock, extra: bool) -> Vec<Mismatch> {
    let mut found = Vec::new();
    for now in &current.packs {
        let Some(pack) = graph.packs.iter().find(|p| p.name == now.name) else {
            continue;
        };
        let Some((index, then)) = locked
            .packs
            .iter()
            .enumerate()
            .find(|(_, p)| p.name == pack.name)
        else {
            found.push(Mismatch {
                message: Message::new("e08-lock-not-locked").with("pack", &pack.name),
                locked_index: None,
                field: Field::Name,
            });
            continue;
        };
        if now.version != then.version {
            found.push(Mismatch {
                message: Message::new("e08-lock-version")
                    .with("pack", &pack.name)
                    .with("version", &now.version)
                    .with("locked", &then.version),
                locked_index: Some(index),
                field: Field::Version,
            });
        } else if now.path != then.path {
            found.push(Mismatch {
                message: Message::new("e08-lock-path")
                    .with("pack", &pack.name)
                    .with("path", &now.path)
                    .with("locked", &then.path),
                locked_index: Some(index),
                field: Field::Path,
            });
        } else if now.hash != then.hash || now.files != then.files {
            let mut changes = file_changes(pack, &now.files, &then.files).into_iter();
            let message = match changes.next() {
                None => Message::new("e08-lock-changed").with("pack", &pack.name),
                Some(first) => Message::new("e08-lock-files-changed")
                    .with("pack", &pack.name)
                    .with(
                        "changes",
                        changes.fold(first, |said, next| {
                            Message::new("e08-lock-list")
                                .with("first", said)
                                .with("then", next)
                        }),
                    ),
            };
            found.push(Mismatch {
                message,
                locked_index: Some(index),
                field: Field::Hash,
            });
        } else if now.dependencies != then.dependencies {
            found.push(Mismatch {
                message: Message::new("e08-lock-dependencies-changed").with("pack", &pack.name),
                locked_index: Some(index),
                field: Field::Name,
            });
        }
    }
    if extra {
        for (index, then) in locked.packs.iter().enumerate() {
            if !current.packs.iter().any(|p| p.name == then.name) {
                found.push(Mismatch {
                    message: Message::new("e08-lock-no-longer-dependency").with("pack", &then.name),
                    locked_index: Some(index),
                    field: Field::Name,
                });
            }
        }
    }
    found
}

/// "`rules/edtech-fr/a.clause` changed", "… was added", "… was removed", by path.
fn file_changes(
    pack: &RawPack,
    now: &BTreeMap<String, String>,
    then: &BTreeMap<String, String>,
) -> Vec<Message> {
    let change = |id: &'static str, relative: &str| {
        Message::new(id).with("path", display_join(&pack.shown, relative))
    };
    let mut paths: Vec<&String> = now.keys().chain(then.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter_map(|path| match (now.get(path), then.get(path)) {
            (Some(a), Some(b)) if a != b => Some(change("e08-lock-file-changed", path)),
            (Some(_), None) => Some(change("e08-lock-file-added", path)),
            (None, Some(_)) => Some(change("e08-lock-file-removed", path)),
            _ => None,
        })
        .collect()
}

/// Reads a lock, locating every problem in its text.
fn parse_lock(source: &ManifestSource) -> Result<(Lock, Vec<EntrySpans>), Box<ManifestError>> {
    let text = source.text.as_str();
    let error = |message: Message, span: Option<Range<usize>>| {
        ManifestError::new(&source.path, &source.name, text, message, span)
            .with_code(Code::LOCK_FILE)
            .with_help(Message::new("e08-help-lock-file"))
    };
    let document = DeTable::parse(text).map_err(|e| {
        error(crate::manifest::toml_message(&e), e.span())
            .with_label(Message::new("e08-label-invalid-toml"))
    })?;
    let document = document.get_ref();
    match document.get("version").map(|v| (v.get_ref(), v.span())) {
        Some((DeValue::Integer(integer), _)) if integer.as_str() == LOCK_FORMAT.to_string() => {}
        Some((_, span)) => {
            return Err(error(
                Message::new("e08-lock-format").with("format", LOCK_FORMAT.to_string()),
                Some(span),
            )
            .with_label(Message::new("e08-label-unknown-format")));
        }
        None => {
            return Err(error(
                Message::new("e08-lock-key-missing").with("key", "version"),
                None,
            ));
        }
    }
    let Some(packs) = document.get("pack") else {
        return Ok((Lock::default(), Vec::new()));
    };
    let DeValue::Array(entries) = packs.get_ref() else {
        return Err(error(
            Message::new("e08-lock-pack-not-list"),
            Some(packs.span()),
        ));
    };
    let mut lock = Lock::default();
    let mut spans = Vec::new();
    for entry in entries.iter() {
        let DeValue::Table(table) = entry.get_ref() else {
            return Err(error(
                Message::new("e08-lock-entry-not-table"),
                Some(entry.span()),
            ));
        };
        let string = |key: &str| -> Result<(String, Range<usize>), Box<ManifestError>> {
            match table.get(key) {
                Some(value) => match value.get_ref() {
                    DeValue::String(text) => Ok((text.to_string(), value.span())),
                    _ => Err(error(
                        Message::new("e08-key-not-string").with("key", key),
                        Some(value.span()),
                    )),
                },
                None => Err(error(
                    Message::new("e08-lock-entry-key-missing").with("key", key),
                    Some(entry.span()),
                )),
            }
        };
        let (name, name_span) = string("name")?;
        let (version, version_span) = string("version")?;
        let (path, path_span) = string("path")?;
        let (hash, hash_span) = string("hash")?;
        let dependencies = match table.get("dependencies") {
            None => Vec::new(),
            Some(value) => strings(value).ok_or_else(|| {
                error(
                    Message::new("e08-lock-dependencies-not-list"),
                    Some(value.span()),
                )
            })?,
        };
        let files = match table.get("files") {
            None => BTreeMap::new(),
            Some(value) => file_table(value).ok_or_else(|| {
                error(Message::new("e08-lock-files-not-table"), Some(value.span()))
            })?,
        };
        lock.packs.push(LockedPack {
            name,
            version,
            path,
            hash,
            dependencies,
            files,
        });
        spans.push(EntrySpans {
            name: name_span,
            version: version_span,
            path: path_span,
            hash: hash_span,
        });
    }
    Ok((lock, spans))
}

fn strings(value: &Spanned<DeValue<'_>>) -> Option<Vec<String>> {
    let DeValue::Array(items) = value.get_ref() else {
        return None;
    };
    items
        .iter()
        .map(|item| match item.get_ref() {
            DeValue::String(text) => Some(text.to_string()),
            _ => None,
        })
        .collect()
}

fn file_table(value: &Spanned<DeValue<'_>>) -> Option<BTreeMap<String, String>> {
    let DeValue::Table(table) = value.get_ref() else {
        return None;
    };
    table
        .iter()
        .map(|(key, value)| match value.get_ref() {
            DeValue::String(text) => Some((key.get_ref().to_string(), text.to_string())),
            _ => None,
        })
        .collect()
}

/// Replaces the file in one step, so that a reader never sees half a lock.
pub(crate) fn write_atomically(path: &Path, text: &str) -> Result<(), PackError> {
    let io_error = |error| PackError::Write {
        path: path.to_path_buf(),
        error,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".clausier-").suffix(".tmp");
    // A temporary file is private by default; a lock is committed and shared.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(folder).map_err(io_error)?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .map_err(io_error)?;
    file.persist(path).map_err(|error| io_error(error.error))?;
    Ok(())
}

//! Packs on disk: finding their clause files, reading `pack.toml`, hashing, compiling.
//!
//! A pack is a folder of `.clause` files, with an optional `pack.toml` beside them, or a
//! single `.clause` file. [`load_pack`] reads it, parses every file, checks them together
//! and returns everything a command needs: the sources for rendering diagnostics, the
//! trees, the checked pack and its identity.

mod discover;
mod error;
mod hash;
mod manifest;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use clausier_check::Checked;
use clausier_diagnostics::{Diagnostic, FileId, Severity, SourceFile, SourceMap};
use clausier_eval::report::PackInfo;
use clausier_syntax::ast::SourceFileAst;

pub use error::{ManifestError, PackError, describe_io_error};
pub use hash::{HashedFile, normalize, pack_hash};
pub use manifest::{MANIFEST_FILE, Manifest, PACK_KEYS, PackSection, parse_manifest};

/// The version of a pack whose manifest gives none.
pub const DEFAULT_VERSION: &str = "0.0.0";

/// A pack read from disk and compiled.
pub struct LoadedPack {
    /// The path the pack was loaded from, as given.
    pub root: PathBuf,
    /// The name, version and content hash printed in reports.
    pub info: PackInfo,
    /// The manifest; the default one when the pack has no `pack.toml`.
    pub manifest: Manifest,
    /// One source per clause file, in the order of [`LoadedPack::files`].
    pub sources: SourceMap,
    pub files: Vec<PackFile>,
    /// The checked pack, with the parse and check diagnostics of every file together,
    /// sorted by file and position.
    pub checked: Checked,
}

/// One clause file of a pack.
#[derive(Debug, Clone)]
pub struct PackFile {
    pub id: FileId,
    /// The path relative to the pack's folder, `/`-separated (the file name for a pack
    /// that is a single file).
    pub relative_path: String,
    pub ast: SourceFileAst,
}

impl LoadedPack {
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.checked.diagnostics
    }

    /// True when the pack does not compile: it must not be evaluated.
    pub fn has_errors(&self) -> bool {
        self.diagnostics().iter().any(Diagnostic::is_error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics()
            .iter()
            .filter(|diagnostic| diagnostic.severity == severity)
            .count()
    }
}

impl fmt::Debug for LoadedPack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let files: Vec<&str> = self
            .files
            .iter()
            .map(|file| file.relative_path.as_str())
            .collect();
        f.debug_struct("LoadedPack")
            .field("root", &self.root)
            .field("info", &self.info)
            .field("manifest", &self.manifest)
            .field("files", &files)
            .field("diagnostics", &self.checked.diagnostics.len())
            .finish_non_exhaustive()
    }
}

/// Loads the pack at `path`: a folder (every `*.clause` below it, and `pack.toml` if
/// present) or a single `.clause` file.
pub fn load_pack(path: &Path) -> Result<LoadedPack, PackError> {
    let metadata = fs::metadata(path).map_err(|error| PackError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    let mut texts = Vec::new();
    let mut manifest_text = None;
    let default_name;
    if metadata.is_dir() {
        default_name = folder_name(path);
        let found = discover::clause_files(path)?;
        if found.is_empty() {
            return Err(PackError::NoClauseFiles {
                path: path.to_path_buf(),
            });
        }
        for file in found {
            let text = read_text(&file.path)?;
            let name = display_join(path, &file.relative);
            texts.push((file.relative, name, text));
        }
        let manifest_path = path.join(MANIFEST_FILE);
        if manifest_path.is_file() {
            manifest_text = Some((manifest_path.clone(), read_text(&manifest_path)?));
        }
    } else {
        if !discover::has_clause_extension(path) {
            return Err(PackError::NotAClauseFile {
                path: path.to_path_buf(),
            });
        }
        default_name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_else(|| "pack".to_owned());
        let relative = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = read_text(path)?;
        texts.push((relative, path.display().to_string(), text));
    }

    let manifest = match &manifest_text {
        Some((manifest_path, text)) => {
            let name = display_join(path, MANIFEST_FILE);
            parse_manifest(manifest_path, &name, text)?
        }
        None => Manifest::default(),
    };

    let mut hashed: Vec<HashedFile<'_>> = texts
        .iter()
        .map(|(relative, _, text)| HashedFile { relative, text })
        .collect();
    if let Some((_, text)) = &manifest_text {
        hashed.push(HashedFile {
            relative: MANIFEST_FILE,
            text,
        });
    }
    let hash = pack_hash(&hashed);

    let info = PackInfo {
        name: manifest.pack.name.clone().unwrap_or(default_name),
        version: manifest
            .pack
            .version
            .clone()
            .unwrap_or_else(|| DEFAULT_VERSION.to_owned()),
        hash,
    };

    let mut sources = SourceMap::new();
    let mut files = Vec::with_capacity(texts.len());
    let mut diagnostics = Vec::new();
    for (relative, name, text) in texts {
        let id = sources.add(SourceFile::new(name, text.as_str()));
        let parse = clausier_syntax::parse(id, &text);
        diagnostics.extend(parse.diagnostics);
        files.push(PackFile {
            id,
            relative_path: relative,
            ast: parse.ast,
        });
    }
    let trees: Vec<(FileId, &SourceFileAst)> =
        files.iter().map(|file| (file.id, &file.ast)).collect();
    let mut checked = clausier_check::check_pack(&info.name, &trees);
    diagnostics.append(&mut checked.diagnostics);
    diagnostics.sort_by_key(Diagnostic::sort_key);
    checked.diagnostics = diagnostics;

    Ok(LoadedPack {
        root: path.to_path_buf(),
        info,
        manifest,
        sources,
        files,
        checked,
    })
}

/// Reads a source as text. The byte-order mark some Windows editors write is dropped so
/// that it does not reach the parser as a stray character.
fn read_text(path: &Path) -> Result<String, PackError> {
    let bytes = fs::read(path).map_err(|error| PackError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    // Spans are `u32` offsets.
    if u32::try_from(bytes.len()).is_err() {
        return Err(PackError::TooLarge {
            path: path.to_path_buf(),
            size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| PackError::NotUtf8 {
        path: path.to_path_buf(),
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// `rules/edtech-fr` and `hosting/eu.clause` make `rules/edtech-fr/hosting/eu.clause`:
/// names shown to people use `/` whatever the platform, as the relative paths do.
fn display_join(root: &Path, relative: &str) -> String {
    let root = root.display().to_string();
    let root = root.trim_end_matches(['/', '\\']);
    if root.is_empty() {
        format!("/{relative}")
    } else {
        format!("{root}/{relative}")
    }
}

/// The folder's own name, also for `.` or `..`, which name no folder by themselves.
fn folder_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .or_else(|| {
            fs::canonicalize(path)
                .ok()
                .and_then(|full| full.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .unwrap_or_else(|| "pack".to_owned())
}

#[cfg(test)]
mod tests;

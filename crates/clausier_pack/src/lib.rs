//! Packs on disk: finding their clause files, reading `pack.toml`, hashing, compiling.
//!
//! A pack is a folder of `.clause` files, with an optional `pack.toml` beside them, or a
//! single `.clause` file. [`load_pack`] reads it and the packs it depends on (by path,
//! `[dependencies]`), checks them against the root's `pack.lock` when there is one,
//! parses every file, checks the graph together and returns everything a command needs:
//! the sources for rendering diagnostics, the trees, the checked pack and its identity.
//! [`lock_pack`] writes `pack.lock`. [`read_workspace`] reads the same graph for an
//! editor, its open buffers in place of the files on disk, without parsing it. Both
//! check a parsed graph with [`check_sources`], so that the editor and the commands
//! report the same diagnostics for the same files.

mod check;
mod descriptors;
mod discover;
mod document;
mod error;
mod files;
mod fixtures;
mod graph;
mod hash;
mod lock;
mod lots;
mod manifest;
mod overrides;
mod sections;
mod signature;
mod workspace;

use std::fmt;
use std::path::{Path, PathBuf};

use clausier_check::Checked;
use clausier_check::PackInfo;
use clausier_diagnostics::{Diagnostic, FileId, Severity, SourceFile, SourceMap};
use clausier_syntax::ast::SourceFileAst;

pub use check::{ClauseSource, GraphSources, PackSources, check_sources};
pub use descriptors::{DESCRIPTORS_FOLDER, descriptor_files};
pub use error::{ManifestError, PackError, describe_io_error};
pub use files::{DEFAULT_FILE_LIMIT, FILE_LIMIT_VARIABLE, describe_size, file_limit, parse_size};
pub use fixtures::{Fixture, FixtureProblem};
pub use hash::{HashedFile, file_hash, normalize, pack_hash};
pub use lock::{LOCK_FILE, Lock, LockOutcome, Locked, LockedPack, lock_pack, render_lock};
pub use manifest::{
    DOCUMENT_KEYS, Dependency, DescriptorPattern, DocumentLanguage, DocumentTable, Lot,
    MANIFEST_FILE, Manifest, PACK_KEYS, PackSection, ParamSetting, ParamValue, WorkspaceSection,
    parse_manifest,
};
pub use overrides::manifest_overrides;
pub use signature::{
    KeyFiles, PublicKey, SIGNATURE_FILE, SecretKey, Signed, generate_keys, read_public_key,
    read_secret_key, sign_pack, verify_pack,
};
pub use workspace::{
    LockWarning, WorkspaceFile, WorkspaceManifest, WorkspacePack, WorkspaceSources, read_workspace,
    read_workspace_file,
};

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
    /// The sources of every file diagnostics may point into: the root's clause files
    /// (in the order of [`LoadedPack::files`]), then the dependencies' clause files, then
    /// the manifests that override parameters.
    pub sources: SourceMap,
    /// The root's clause files.
    pub files: Vec<PackFile>,
    /// The files the root's tests name, read with the pack.
    pub fixtures: Vec<Fixture>,
    /// The other packs of the dependency graph, each after the packs it depends on.
    pub dependencies: Vec<DependencyPack>,
    /// The checked pack, with the parse and check diagnostics of every file together,
    /// sorted by file and position.
    pub checked: Checked,
}

/// A pack the root depends on, directly or not.
#[derive(Debug, Clone)]
pub struct DependencyPack {
    pub name: String,
    pub version: String,
    /// Its folder, as shown: joined to the path of the pack that declares it.
    pub path: PathBuf,
    /// The content hash of its files.
    pub hash: String,
    pub manifest: Manifest,
    pub files: Vec<PackFile>,
    /// The files its tests name.
    pub fixtures: Vec<Fixture>,
    /// The names of its direct dependencies.
    pub dependencies: Vec<String>,
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
            .field(
                "dependencies",
                &self
                    .dependencies
                    .iter()
                    .map(|dep| dep.name.as_str())
                    .collect::<Vec<_>>(),
            )
            .field("diagnostics", &self.checked.diagnostics.len())
            .finish_non_exhaustive()
    }
}

/// How [`load_pack_with`] loads a pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Refuse the pack when its `pack.lock` exists and a pack of the graph no longer
    /// matches it. Only `clausier lock` itself, which rewrites the lock, turns it off.
    pub check_lock: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self { check_lock: true }
    }
}

/// Loads the pack at `path`: a folder (every `*.clause` below it, and `pack.toml` if
/// present) or a single `.clause` file, with its dependencies, checked against its
/// `pack.lock` when it has one.
pub fn load_pack(path: &Path) -> Result<LoadedPack, PackError> {
    load_pack_with(path, &LoadOptions::default())
}

/// [`load_pack`] with options.
pub fn load_pack_with(path: &Path, options: &LoadOptions) -> Result<LoadedPack, PackError> {
    let graph = graph::resolve(path)?;
    if options.check_lock {
        lock::check_lock(&graph)?;
    }
    let mut raw_packs = graph.packs;
    let Some(mut root) = raw_packs.pop() else {
        return Err(PackError::NoClauseFiles {
            path: path.to_path_buf(),
        });
    };

    // The root's files come first, so that its diagnostics come first.
    let mut sources = SourceMap::new();
    let mut diagnostics = Vec::new();
    let mut parse = |sources: &mut SourceMap, files: Vec<graph::RawFile>| -> Vec<PackFile> {
        files
            .into_iter()
            .map(|file| {
                let id = sources.add(SourceFile::new(file.name, file.text.as_str()));
                let parse = clausier_syntax::parse(id, &file.text);
                diagnostics.extend(parse.diagnostics);
                PackFile {
                    id,
                    relative_path: file.relative,
                    ast: parse.ast,
                }
            })
            .collect()
    };
    let root_files = parse(&mut sources, std::mem::take(&mut root.files));
    let mut dependency_files: Vec<Vec<PackFile>> = Vec::with_capacity(raw_packs.len());
    for pack in &mut raw_packs {
        let files = std::mem::take(&mut pack.files);
        dependency_files.push(parse(&mut sources, files));
    }
    // A manifest is a source only when its `[params]` may be pointed at.
    let manifest_ids: Vec<Option<FileId>> = raw_packs
        .iter()
        .chain(std::iter::once(&root))
        .map(|pack| match &pack.manifest_source {
            Some(source) if !pack.manifest.params.is_empty() => {
                Some(sources.add(SourceFile::new(source.name.as_str(), source.text.as_str())))
            }
            _ => None,
        })
        .collect();
    let mut checked = check_sources(&GraphSources {
        packs: raw_packs
            .iter()
            .zip(&dependency_files)
            .chain(std::iter::once((&root, &root_files)))
            .zip(&manifest_ids)
            .map(|((pack, files), manifest_id)| PackSources {
                name: &pack.name,
                version: &pack.version,
                dependencies: pack.dependencies.clone(),
                files: files
                    .iter()
                    .map(|file| ClauseSource {
                        id: file.id,
                        relative_path: &file.relative_path,
                        ast: &file.ast,
                    })
                    .collect(),
                fixtures: &pack.fixtures,
                manifest: manifest_id.map(|id| (id, &pack.manifest)),
            })
            .collect(),
        sources: &sources,
        // The law in force for the procedure is the law of the day it is launched.
        launch: root
            .manifest
            .document
            .as_ref()
            .and_then(|document| document.launch),
        lots: root
            .manifest
            .document
            .as_ref()
            .map_or(&[], |document| document.lots.as_slice()),
    });
    diagnostics.append(&mut checked.diagnostics);
    diagnostics.sort_by_key(Diagnostic::sort_key);
    checked.diagnostics = diagnostics;

    let dependencies = raw_packs
        .into_iter()
        .zip(dependency_files)
        .map(|(pack, files)| DependencyPack {
            name: pack.name,
            version: pack.version,
            path: pack.shown,
            hash: pack.hash,
            manifest: pack.manifest,
            files,
            fixtures: pack.fixtures,
            dependencies: pack
                .dependencies
                .into_iter()
                .map(|(name, _)| name)
                .collect(),
        })
        .collect();
    Ok(LoadedPack {
        root: path.to_path_buf(),
        info: PackInfo {
            name: root.name,
            version: root.version,
            hash: root.hash,
        },
        manifest: root.manifest,
        sources,
        files: root_files,
        fixtures: root.fixtures,
        dependencies,
        checked,
    })
}

/// `rules/edtech-fr` and `hosting/eu.clause` make `rules/edtech-fr/hosting/eu.clause`:
/// names shown to people use `/` whatever the platform, as the relative paths do.
pub(crate) fn display_join(root: &Path, relative: &str) -> String {
    let root = root.display().to_string();
    let root = root.trim_end_matches(['/', '\\']);
    if root.is_empty() {
        format!("/{relative}")
    } else {
        format!("{root}/{relative}")
    }
}

#[cfg(test)]
mod tests;

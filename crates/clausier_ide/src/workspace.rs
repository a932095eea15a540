//! An analysis of a pack with its dependencies: every clause file of the graph, and the
//! files that are not clause files but hold diagnostics (each pack's `pack.toml`, for its
//! `[params]` overrides, and the root's `pack.lock` when it is stale).
//!
//! The graph is checked by the function `clausier check` checks it with,
//! [`clausier_pack::check_sources`]: the same packs in the same order, the same files, the
//! same manifest overrides and test files; only the texts may come from an editor's
//! buffers.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clausier_check::{Checked, UNVERSIONED};
use clausier_diagnostics::{Diagnostic, FileId, SourceFile, SourceMap, Span};
use clausier_pack::{
    ClauseSource, Fixture, GraphSources, LockWarning, Manifest, PackSources, WorkspaceSources,
};
use clausier_syntax::ast::{Given, ItemKind, SourceFileAst};

use crate::{Analysis, FileData};

/// The packs of the analysis and the files that are not clause files.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    /// Every pack, each after the packs it depends on; the root is the last.
    pub packs: Vec<PackNode>,
    pub others: Vec<OtherFile>,
    /// The clause files (pack index, relative path) whose tests now name other files
    /// than those read with the graph: only reading the graph again reads those.
    pub moved_fixtures: BTreeSet<(usize, String)>,
}

#[derive(Debug, Clone)]
pub(crate) struct PackNode {
    pub name: String,
    pub version: String,
    pub dependencies: Vec<(String, usize)>,
    /// Its folder, canonical; `None` for the pack of [`Analysis::new`].
    pub dir: Option<PathBuf>,
    /// The files its tests name, as read with the graph.
    pub fixtures: Vec<Fixture>,
}

/// A manifest or a lock: a file with a path and diagnostics, but no clauses.
#[derive(Debug, Clone)]
pub(crate) struct OtherFile {
    pub id: FileId,
    pub path: PathBuf,
    pub name: String,
    pub text: String,
    pub kind: OtherKind,
    /// What reading it found: a manifest's errors, a lock's mismatch. What checking the
    /// graph says of it (its `[params]` values) is in `checked`.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone)]
pub(crate) enum OtherKind {
    Manifest {
        /// The index of its pack in [`Graph::packs`].
        pack: usize,
        /// The manifest the graph was resolved with.
        resolved: Box<Manifest>,
        /// The manifest its text now holds; `None` while it has errors.
        current: Option<Box<Manifest>>,
    },
    Lock,
}

impl Graph {
    /// One pack holding every file, as [`Analysis::new`] checks it.
    pub fn single(pack_name: &str) -> Self {
        Self {
            packs: vec![PackNode {
                name: pack_name.to_owned(),
                version: UNVERSIONED.to_owned(),
                dependencies: Vec::new(),
                dir: None,
                fixtures: Vec::new(),
            }],
            others: Vec::new(),
            moved_fixtures: BTreeSet::new(),
        }
    }

    /// Keeps the files a clause file's tests name in step with its new text: the same
    /// files named at new places get their new spans (the fixtures' texts do not depend
    /// on them); naming other files makes the graph stale.
    pub fn follow_fixtures(&mut self, file: &FileData) {
        // A file given without a path had no test files read.
        if file.relative.is_empty() {
            return;
        }
        let Some(pack) = self.packs.get_mut(file.pack) else {
            return;
        };
        let named = given_files(&file.parse.ast);
        let mut held: Vec<&mut Fixture> = pack
            .fixtures
            .iter_mut()
            .filter(|fixture| fixture.clause_file == file.relative)
            .collect();
        let same = held.len() == named.len()
            && held
                .iter()
                .zip(&named)
                .all(|(fixture, (given, _))| fixture.given == *given);
        let key = (file.pack, file.relative.clone());
        if same {
            for (fixture, (_, span)) in held.iter_mut().zip(named) {
                fixture.span = span;
            }
            self.moved_fixtures.remove(&key);
        } else {
            self.moved_fixtures.insert(key);
        }
    }

    /// Drops the files the tests of a removed clause file named.
    pub fn forget_fixtures(&mut self, pack: usize, relative: &str) {
        if let Some(node) = self.packs.get_mut(pack) {
            node.fixtures
                .retain(|fixture| fixture.clause_file != relative);
        }
        self.moved_fixtures.remove(&(pack, relative.to_owned()));
    }

    pub fn root_index(&self) -> usize {
        self.packs.len().saturating_sub(1)
    }

    pub fn other(&self, file: FileId) -> Option<&OtherFile> {
        self.others.iter().find(|other| other.id == file)
    }
}

impl Analysis {
    /// The analysis of a pack and its dependencies, as [`clausier_pack::read_workspace`]
    /// read them. Clause files get their ids first (the root's, then the dependencies'),
    /// then the manifests, then a stale `pack.lock`.
    pub fn from_workspace(sources: WorkspaceSources) -> Analysis {
        Self::from_workspace_reusing(sources, None)
    }

    /// [`Analysis::from_workspace`], taking from `previous` (an analysis of an earlier
    /// read of the same pack) the parse of every file that has the same id, place and
    /// text: the result is the same, but only new or changed files are parsed.
    pub fn from_workspace_reusing(
        mut sources: WorkspaceSources,
        previous: Option<&Analysis>,
    ) -> Analysis {
        let mut next = 0u32;
        let mut new_id = || {
            let id = FileId(next);
            next = next.saturating_add(1);
            id
        };
        let root = sources.packs.len().saturating_sub(1);
        let mut order: Vec<usize> = vec![root];
        order.extend(0..root);
        let mut files: Vec<Arc<FileData>> = Vec::new();
        for &index in &order {
            let Some(pack) = sources.packs.get_mut(index) else {
                continue;
            };
            for file in std::mem::take(&mut pack.files) {
                let id = new_id();
                let unchanged = previous
                    .and_then(|analysis| analysis.files.iter().find(|data| data.id == id))
                    .filter(|data| {
                        data.pack == index
                            && data.path.as_deref() == Some(file.path.as_path())
                            && data.relative == file.relative
                            && data.name == file.name
                            && data.text == file.text
                    });
                if let Some(data) = unchanged {
                    files.push(data.clone());
                    continue;
                }
                let parse = clausier_syntax::parse(id, &file.text);
                files.push(Arc::new(FileData {
                    id,
                    text: file.text,
                    parse,
                    pack: index,
                    path: Some(file.path),
                    relative: file.relative,
                    name: file.name,
                }));
            }
        }
        // Files are checked pack by pack, each pack's in path order.
        files.sort_by_key(|file| file.pack);
        let mut graph = Graph::default();
        for (index, pack) in sources.packs.into_iter().enumerate() {
            graph.packs.push(PackNode {
                name: pack.name,
                version: pack.version,
                dependencies: pack.dependencies,
                dir: Some(pack.dir),
                fixtures: pack.fixtures,
            });
            if let Some(manifest) = pack.manifest {
                let id = new_id();
                graph.others.push(OtherFile {
                    id,
                    path: manifest.path,
                    name: manifest.name,
                    text: manifest.text,
                    kind: OtherKind::Manifest {
                        pack: index,
                        current: Some(Box::new(manifest.manifest.clone())),
                        resolved: Box::new(manifest.manifest),
                    },
                    diagnostics: Vec::new(),
                });
            }
        }
        if let Some(warning) = sources.lock_warning {
            let id = new_id();
            graph.others.push(lock_file(id, warning));
        }
        let pack_name = graph
            .packs
            .last()
            .map(|pack| pack.name.clone())
            .unwrap_or_default();
        let checked = Arc::new(check_graph(&graph, &files));
        Analysis {
            pack_name,
            files,
            graph,
            checked,
        }
    }

    /// The file at `path`: a clause file, a manifest or a lock of the graph. The path is
    /// compared as given, then canonical.
    pub fn file_id(&self, path: &Path) -> Option<FileId> {
        let find = |path: &Path| {
            self.files
                .iter()
                .find(|file| file.path.as_deref() == Some(path))
                .map(|file| file.id)
                .or_else(|| {
                    self.graph
                        .others
                        .iter()
                        .find(|other| other.path == path)
                        .map(|other| other.id)
                })
        };
        find(path).or_else(|| std::fs::canonicalize(path).ok().and_then(|p| find(&p)))
    }

    /// Where a file is on disk; `None` for a file given without a path
    /// ([`Analysis::new`]).
    pub fn file_path(&self, file: FileId) -> Option<&Path> {
        match self.file(file) {
            Some(data) => data.path.as_deref(),
            None => self.graph.other(file).map(|other| other.path.as_path()),
        }
    }

    /// The name of the root pack: the pack being checked, the others being its
    /// dependencies.
    pub fn root_pack(&self) -> &str {
        &self.pack_name
    }

    /// How messages show a file (`rules/edtech-fr/hebergement.clause`); empty for a file
    /// given without a path.
    pub fn file_name(&self, file: FileId) -> &str {
        match self.file(file) {
            Some(data) => &data.name,
            None => self
                .graph
                .other(file)
                .map_or("", |other| other.name.as_str()),
        }
    }

    /// The name of the pack a file belongs to.
    pub fn file_pack(&self, file: FileId) -> Option<&str> {
        let index = match self.file(file) {
            Some(data) => data.pack,
            None => match &self.graph.other(file)?.kind {
                OtherKind::Manifest { pack, .. } => *pack,
                OtherKind::Lock => self.graph.root_index(),
            },
        };
        self.graph.packs.get(index).map(|pack| pack.name.as_str())
    }

    /// True when the file is a clause file of a dependency, not of the root pack.
    pub fn is_dependency_file(&self, file: FileId) -> bool {
        self.file(file)
            .is_some_and(|data| data.pack != self.graph.root_index())
    }

    /// The files that are not clause files but may hold diagnostics: the manifests and
    /// a stale `pack.lock`. [`Analysis::diagnostics`] and [`Analysis::file_text`] work
    /// for them; the other queries answer nothing there.
    pub fn other_files(&self) -> impl Iterator<Item = FileId> + '_ {
        self.graph.others.iter().map(|other| other.id)
    }

    /// Sets the text of a manifest: its `[params]` overrides are read again. Its
    /// `[dependencies]` are not followed again: read the workspace again for that.
    pub(crate) fn set_other_text(&mut self, file: FileId, text: String) -> bool {
        let Some(other) = self.graph.others.iter_mut().find(|o| o.id == file) else {
            return false;
        };
        other.text = text;
        if let OtherKind::Manifest { current, .. } = &mut other.kind {
            match clausier_pack::parse_manifest(&other.path, &other.name, &other.text) {
                Ok(manifest) => {
                    other.diagnostics = Vec::new();
                    *current = Some(Box::new(manifest));
                }
                Err(error) => {
                    other.diagnostics = vec![manifest_diagnostic(file, &error)];
                    *current = None;
                }
            }
        }
        true
    }

    /// True when an edit no longer says what the graph was read with: a manifest
    /// changed a pack's name or version, or its dependencies, or a clause file's tests
    /// name other files than those read. The graph must then be read again
    /// ([`clausier_pack::read_workspace`]); `[params]` edits and tests that only moved in
    /// their file do not need it.
    pub fn graph_is_stale(&self) -> bool {
        !self.graph.moved_fixtures.is_empty()
            || self.graph.others.iter().any(|other| match &other.kind {
                OtherKind::Manifest {
                    resolved,
                    current: Some(current),
                    ..
                } => identity(resolved) != identity(current),
                _ => false,
            })
    }

    /// The descriptor files the root pack declares ([`clausier_pack::descriptor_files`]),
    /// by its manifest as it is now; none for a pack without a folder.
    pub fn declared_descriptors(&self) -> Vec<PathBuf> {
        let root = self.graph.root_index();
        let Some(dir) = self
            .graph
            .packs
            .get(root)
            .and_then(|pack| pack.dir.as_ref())
        else {
            return Vec::new();
        };
        let manifest = self
            .graph
            .others
            .iter()
            .find_map(|other| match &other.kind {
                OtherKind::Manifest { pack, current, .. } if *pack == root => current.as_deref(),
                _ => None,
            });
        match manifest {
            Some(manifest) => clausier_pack::descriptor_files(dir, manifest),
            None => clausier_pack::descriptor_files(dir, &Manifest::default()),
        }
    }

    pub(crate) fn recheck(&mut self) {
        self.checked = Arc::new(check_graph(&self.graph, &self.files));
    }
}

/// The files a clause file's tests name (`given "…"`), in order, with where each path
/// is written: what [`clausier_pack::read_workspace`] reads as the pack's fixtures.
fn given_files(ast: &SourceFileAst) -> Vec<(String, Span)> {
    ast.items
        .iter()
        .filter_map(|item| match &item.kind {
            ItemKind::Test(test) => match &test.given {
                Some(Given::File(path)) => Some((path.value.clone(), path.span)),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// What resolving the graph reads of a manifest.
fn identity(manifest: &Manifest) -> impl PartialEq + '_ {
    let dependencies: Vec<(&str, &str, Option<&str>)> = manifest
        .dependencies
        .iter()
        .map(|dep| {
            (
                dep.name.as_str(),
                dep.path.as_str(),
                dep.version_text.as_deref(),
            )
        })
        .collect();
    (&manifest.pack.name, &manifest.pack.version, dependencies)
}

fn manifest_diagnostic(file: FileId, error: &clausier_pack::ManifestError) -> Diagnostic {
    let span = error.span.clone().map_or(Span::default(), Span::from_range);
    let mut diagnostic = Diagnostic::error(error.code, error.message.clone()).with_primary(
        file,
        span,
        error.label.clone(),
    );
    if let Some(help) = &error.help {
        diagnostic = diagnostic.with_help(help.clone());
    }
    diagnostic
}

fn lock_file(id: FileId, warning: LockWarning) -> OtherFile {
    let span = warning
        .span
        .clone()
        .map_or(Span::default(), Span::from_range);
    let mut diagnostic =
        Diagnostic::warning(warning.code, warning.message).with_primary(id, span, warning.label);
    if let Some(help) = warning.help {
        diagnostic = diagnostic.with_help(help);
    }
    OtherFile {
        id,
        path: warning.path,
        name: warning.name,
        text: warning.text,
        kind: OtherKind::Lock,
        diagnostics: vec![diagnostic],
    }
}

/// Checks the graph with [`clausier_pack::check_sources`], as `clausier check` does: every
/// pack with its clause files in order, its dependencies, its manifest's overrides (as
/// its text now reads) and its test files.
pub(crate) fn check_graph(graph: &Graph, files: &[Arc<FileData>]) -> Checked {
    let sources = source_map(graph, files);
    let manifest = |index: usize| {
        graph.others.iter().find_map(|other| match &other.kind {
            OtherKind::Manifest { pack, current, .. } if *pack == index => {
                current.as_deref().map(|manifest| (other.id, manifest))
            }
            _ => None,
        })
    };
    let packs = graph
        .packs
        .iter()
        .enumerate()
        .map(|(index, pack)| PackSources {
            name: &pack.name,
            version: &pack.version,
            dependencies: pack.dependencies.clone(),
            files: files
                .iter()
                .filter(|file| file.pack == index)
                .map(|file| ClauseSource {
                    id: file.id,
                    relative_path: &file.relative,
                    ast: &file.parse.ast,
                })
                .collect(),
            fixtures: &pack.fixtures,
            manifest: manifest(index),
        })
        .collect();
    clausier_pack::check_sources(&GraphSources {
        packs,
        sources: &sources,
        launch: root_launch(graph),
        lots: root_lots(graph),
    })
}

/// The root's `[document]` as its manifest now reads (the root is the last pack of the
/// graph).
fn root_document(graph: &Graph) -> Option<&clausier_pack::DocumentTable> {
    let root = graph.packs.len().checked_sub(1)?;
    graph.others.iter().find_map(|other| match &other.kind {
        OtherKind::Manifest {
            pack,
            resolved,
            current,
            ..
        } if *pack == root => current.as_deref().unwrap_or(resolved).document.as_ref(),
        _ => None,
    })
}

/// The lots of the contract.
fn root_lots(graph: &Graph) -> &[clausier_check::Lot] {
    root_document(graph).map_or(&[], |document| document.lots.as_slice())
}

/// The launch date of the procedure.
fn root_launch(graph: &Graph) -> Option<jiff::civil::Date> {
    root_document(graph).and_then(|document| document.launch)
}

/// The name and text of every file by id, for the locations the checker prints (where a
/// parameter was overridden). Ids without a file get an empty one.
fn source_map(graph: &Graph, files: &[Arc<FileData>]) -> SourceMap {
    let mut sources = SourceMap::new();
    let last = files
        .iter()
        .map(|file| file.id.0)
        .chain(graph.others.iter().map(|other| other.id.0))
        .max();
    let Some(last) = last else {
        return sources;
    };
    for id in 0..=last {
        let id = FileId(id);
        let source = match files.iter().find(|file| file.id == id) {
            Some(file) => SourceFile::new(file.name.as_str(), file.text.as_str()),
            None => match graph.other(id) {
                Some(other) => SourceFile::new(other.name.as_str(), other.text.as_str()),
                None => SourceFile::new("", ""),
            },
        };
        sources.add(source);
    }
    sources
}

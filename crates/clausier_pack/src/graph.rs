//! Resolving a pack's dependencies: every pack of the graph read once, in an order where
//! each pack comes after the packs it depends on (the root last).
//!
//! A dependency is a folder given by a path relative to the folder of the `pack.toml`
//! that declares it. Resolution refuses a cycle (`E0802`), a version that does not match
//! its requirement (`E0803`), two folders holding packs of one name (`E0804`), a path
//! leading out of the workspace (`E0805`) and a dependency that is not found or is not
//! the pack it is declared as (`E0808`), each located in the manifest that declares the
//! dependency.
//!
//! The workspace is the nearest folder, from the root pack's folder upwards, that holds a
//! `.git` (the repository the tender is kept in); outside a repository, the folder that
//! holds the root pack.

use std::collections::HashMap;
use std::fs;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use clausier_diagnostics::{Code, Message};

use crate::discover;
use crate::error::{ManifestError, PackError, describe_io_error};
use crate::files::{is_present, read_confined};
use crate::fixtures::{Fixture, read_fixtures};
use crate::hash::{HashedFile, file_hash, pack_hash};
use crate::manifest::{Dependency, MANIFEST_FILE, Manifest, parse_manifest};
use crate::signature;
use crate::{DEFAULT_VERSION, display_join};

/// One pack of the graph, read from disk but not parsed.
#[derive(Debug)]
pub(crate) struct RawPack {
    pub name: String,
    pub version: String,
    /// The pack's folder, canonical: what identifies a pack in the graph. For a pack
    /// that is a single file, the folder that holds it.
    pub dir: PathBuf,
    /// False for a pack that is a single `.clause` file.
    pub is_folder: bool,
    /// The path shown to people: the root's as given, a dependency's joined to the path
    /// of the pack that declares it.
    pub shown: PathBuf,
    pub manifest: Manifest,
    /// The manifest's text, and how it is shown, when the pack has one.
    pub manifest_source: Option<ManifestSource>,
    pub files: Vec<RawFile>,
    /// The files its tests name.
    pub fixtures: Vec<Fixture>,
    /// The content hash of the clause files and the manifest.
    pub hash: String,
    /// The content hash of each of those files and of the test files that could be read,
    /// by relative path.
    pub file_hashes: Vec<(String, String)>,
    /// Its direct dependencies: the name they are declared under, and their index in
    /// [`Graph::packs`].
    pub dependencies: Vec<(String, usize)>,
}

#[derive(Debug, Clone)]
pub(crate) struct ManifestSource {
    pub path: PathBuf,
    pub name: String,
    pub text: String,
}

impl ManifestSource {
    fn error(&self, message: Message, span: Range<usize>) -> Box<ManifestError> {
        ManifestError::new(&self.path, &self.name, &self.text, message, Some(span))
    }
}

/// A clause file: its `/`-separated path relative to the pack's folder, the name it is
/// shown under, and its text.
#[derive(Debug)]
pub(crate) struct RawFile {
    pub relative: String,
    pub name: String,
    /// Where it is, canonical: what an editor's overlay is asked with.
    pub absolute: PathBuf,
    pub text: String,
}

/// Every pack of a graph, each after the packs it depends on; the root is the last.
#[derive(Debug)]
pub(crate) struct Graph {
    pub packs: Vec<RawPack>,
    /// The folder every file of the graph must be in, canonical.
    pub workspace: PathBuf,
}

impl Graph {
    pub fn root(&self) -> Option<&RawPack> {
        self.packs.last()
    }
}

/// Texts that replace what is on disk, asked with the canonical path of a file: the
/// buffers an editor holds open, which a drafter has not saved yet.
pub(crate) type Overlay<'a> = &'a dyn Fn(&Path) -> Option<String>;

/// The overlay of the commands, which read the disk only.
pub(crate) fn no_overlay(_: &Path) -> Option<String> {
    None
}

/// Reads the pack at `path` and, recursively, its dependencies.
pub(crate) fn resolve(path: &Path) -> Result<Graph, PackError> {
    resolve_with(path, &no_overlay)
}

/// [`resolve`], with `overlay` taking precedence over the disk for every file it knows.
pub(crate) fn resolve_with(path: &Path, overlay: Overlay<'_>) -> Result<Graph, PackError> {
    let workspace = workspace_root(&pack_folder(path)?);
    let root = read_pack(path, path.to_path_buf(), &workspace, overlay)?;
    let mut resolver = Resolver {
        overlay,
        workspace,
        packs: Vec::new(),
        done: HashMap::new(),
        by_name: HashMap::new(),
        stack: Vec::new(),
    };
    resolver.visit(root)?;
    Ok(Graph {
        packs: resolver.packs,
        workspace: resolver.workspace,
    })
}

struct Resolver<'o> {
    overlay: Overlay<'o>,
    workspace: PathBuf,
    packs: Vec<RawPack>,
    /// Finished packs by folder.
    done: HashMap<PathBuf, usize>,
    /// Every pack met so far, finished or not, by name: its folder.
    by_name: HashMap<String, PathBuf>,
    /// The packs being resolved, outermost first: their folder and name.
    stack: Vec<(PathBuf, String)>,
}

impl Resolver<'_> {
    fn visit(&mut self, mut pack: RawPack) -> Result<usize, PackError> {
        self.by_name.insert(pack.name.clone(), pack.dir.clone());
        self.stack.push((pack.dir.clone(), pack.name.clone()));
        let mut resolved = Vec::with_capacity(pack.manifest.dependencies.len());
        for dep in pack.manifest.dependencies.clone() {
            let index = self.dependency(&pack, &dep)?;
            resolved.push((dep.name.clone(), index));
        }
        self.stack.pop();
        pack.dependencies = resolved;
        let index = self.packs.len();
        self.done.insert(pack.dir.clone(), index);
        self.packs.push(pack);
        Ok(index)
    }

    /// Finds, reads and resolves one dependency of `pack`, and checks that it is the pack
    /// declared, in a version the requirement accepts.
    fn dependency(&mut self, pack: &RawPack, dep: &Dependency) -> Result<usize, PackError> {
        // A manifest with dependencies was read, so it has a source.
        let Some(manifest) = pack.manifest_source.as_ref() else {
            return Err(PackError::NoClauseFiles {
                path: pack.shown.clone(),
            });
        };
        let shown = normalize(&pack.shown.join(&dep.path));
        let joined = normalize(&pack.dir.join(&dep.path));
        if !joined.starts_with(&self.workspace) {
            return Err(outside_workspace(manifest, dep).into());
        }
        let dir = fs::canonicalize(&joined).map_err(|error| {
            manifest
                .error(
                    Message::new("e0808-dependency-not-found")
                        .with("name", &dep.name)
                        .with("path", shown.display().to_string()),
                    dep.path_span.clone(),
                )
                .with_code(Code::DEPENDENCY_NOT_FOUND)
                .with_label(describe_io_error(&error))
                .with_help(Message::new("e0808-help-dependency-path"))
        })?;
        if !dir.starts_with(&self.workspace) {
            return Err(outside_workspace(manifest, dep).into());
        }
        if let Some(position) = self.stack.iter().position(|(open, _)| *open == dir) {
            let mut names: Vec<String> = self.stack[position..]
                .iter()
                .map(|(_, name)| format!("`{name}`"))
                .collect();
            names.push(format!("`{}`", dep.name));
            return Err(manifest
                .error(
                    Message::new("e0802-cycle").with("cycle", names.join(" → ")),
                    dep.name_span.clone(),
                )
                .with_code(Code::DEPENDENCY_CYCLE)
                .with_label(
                    Message::new("e0802-label-depends-here")
                        .with("pack", &pack.name)
                        .with("dependency", &dep.name),
                )
                .with_help(Message::new("e0802-help-cycle"))
                .into());
        }
        let index = match self.done.get(&dir) {
            Some(index) => *index,
            None => {
                let child =
                    read_dependency(&dir, shown, manifest, dep, &self.workspace, self.overlay)?;
                self.check_name(manifest, dep, &child)?;
                // Before its own dependencies are read: a pack that is not what its
                // publisher signed is not followed any further.
                check_key(manifest, dep, &child)?;
                if let Some(other) = self.by_name.get(&child.name)
                    && *other != child.dir
                {
                    let first = self
                        .packs
                        .iter()
                        .find(|p| p.dir == *other)
                        .map(|p| (p.version.clone(), p.shown.clone()));
                    let message = match first {
                        Some((version, shown)) => Message::new("e0804-two-versions-of")
                            .with("other_version", version)
                            .with("other_path", shown.display().to_string()),
                        None => Message::new("e0804-two-copies-of"),
                    };
                    return Err(manifest
                        .error(
                            message
                                .with("pack", &child.name)
                                .with("version", &child.version)
                                .with("path", child.shown.display().to_string()),
                            dep.name_span.clone(),
                        )
                        .with_code(Code::DUPLICATE_PACK)
                        .with_label(
                            Message::new("e0804-label-second-copy").with("pack", &child.name),
                        )
                        .with_help(Message::new("e0804-help-same-folder").with("pack", &child.name))
                        .into());
                }
                self.visit(child)?
            }
        };
        let Some(child) = self.packs.get(index) else {
            return Ok(index);
        };
        self.check_name(manifest, dep, child)?;
        check_version(manifest, dep, child)?;
        check_key(manifest, dep, child)?;
        Ok(index)
    }

    fn check_name(
        &self,
        manifest: &ManifestSource,
        dep: &Dependency,
        child: &RawPack,
    ) -> Result<(), PackError> {
        if child.name == dep.name {
            return Ok(());
        }
        Err(manifest
            .error(
                Message::new("e0808-named-otherwise")
                    .with("path", child.shown.display().to_string())
                    .with("name", &child.name)
                    .with("declared", &dep.name),
                dep.name_span.clone(),
            )
            .with_code(Code::DEPENDENCY_NOT_FOUND)
            .with_label(Message::new("e0808-label-declared-as").with("declared", &dep.name))
            .with_help(
                Message::new("e0808-help-own-name")
                    .with("name", &child.name)
                    .with("path", &dep.path),
            )
            .into())
    }
}

fn check_version(
    manifest: &ManifestSource,
    dep: &Dependency,
    child: &RawPack,
) -> Result<(), PackError> {
    let (Some(requirement), Some(text)) = (&dep.version, &dep.version_text) else {
        return Ok(());
    };
    let span = dep.version_span.clone().unwrap_or(dep.name_span.clone());
    let matches =
        semver::Version::parse(&child.version).is_ok_and(|version| requirement.matches(&version));
    if matches {
        return Ok(());
    }
    Err(manifest
        .error(
            Message::new("e0803-version-mismatch")
                .with("name", &dep.name)
                .with("version", &child.version)
                .with("requirement", text),
            span,
        )
        .with_code(Code::DEPENDENCY_VERSION)
        .with_label(Message::new("e0803-label-requires").with("requirement", text))
        .with_help(
            Message::new("e0803-help-version")
                .with("name", &dep.name)
                .with("version", &child.version),
        )
        .into())
}

/// Refuses a dependency pinned to a publisher's key whose `pack.sig` does not verify.
fn check_key(
    manifest: &ManifestSource,
    dep: &Dependency,
    child: &RawPack,
) -> Result<(), PackError> {
    let Some((key, span)) = &dep.key else {
        return Ok(());
    };
    let sign_command = format!(
        "clausier pack sign {} --key SECRET_KEY_FILE",
        child.shown.display()
    );
    let error = match signature::verify(child, Some(key)) {
        Ok(_) => return Ok(()),
        Err(signature::Problem::Unreadable(error)) => return Err(error),
        Err(signature::Problem::Missing) => manifest
            .error(
                Message::new("e08-pinned-not-signed")
                    .with("name", &dep.name)
                    .with(
                        "path",
                        display_join(&child.shown, signature::SIGNATURE_FILE),
                    ),
                span.clone(),
            )
            .with_code(Code::SIGNATURE_MISSING)
            .with_label(Message::new("e08-label-must-be-signed"))
            .with_help(Message::new("e08-help-pinned-not-signed").with("command", &sign_command)),
        Err(signature::Problem::OtherKey { found }) => manifest
            .error(
                Message::new("e08-dependency-other-key")
                    .with("name", &dep.name)
                    .with("key", found.to_string()),
                span.clone(),
            )
            .with_code(Code::SIGNATURE_KEY)
            .with_label(Message::new("e08-label-must-be-signed"))
            .with_help(Message::new("e08-help-dependency-other-key")),
        Err(signature::Problem::Changed) => manifest
            .error(
                Message::new("e08-dependency-changed").with("name", &dep.name),
                span.clone(),
            )
            .with_code(Code::SIGNATURE_MISMATCH)
            .with_label(Message::new("e08-label-signed-by-key"))
            .with_help(Message::new("e08-help-dependency-changed").with("command", &sign_command)),
    };
    Err(error.into())
}

fn outside_workspace(manifest: &ManifestSource, dep: &Dependency) -> Box<ManifestError> {
    manifest
        .error(
            Message::new("e08-dependency-outside").with("name", &dep.name),
            dep.path_span.clone(),
        )
        .with_code(Code::OUTSIDE_WORKSPACE)
        .with_label(Message::new("e08-label-leads-out"))
        .with_help(Message::new("e08-help-dependency-outside"))
}

/// Reads a dependency's folder; a path to something else than a pack is located in the
/// manifest that declares it.
fn read_dependency(
    dir: &Path,
    shown: PathBuf,
    manifest: &ManifestSource,
    dep: &Dependency,
    workspace: &Path,
    overlay: Overlay<'_>,
) -> Result<RawPack, PackError> {
    let not_a_pack = |label: &'static str| {
        PackError::from(
            manifest
                .error(
                    Message::new("e0808-not-a-pack")
                        .with("name", &dep.name)
                        .with("path", shown.display().to_string()),
                    dep.path_span.clone(),
                )
                .with_code(Code::DEPENDENCY_NOT_FOUND)
                .with_label(Message::new(label))
                .with_help(Message::new("e0808-help-not-a-pack")),
        )
    };
    if !dir.is_dir() {
        return Err(not_a_pack("e0808-label-not-a-folder"));
    }
    match read_pack(dir, shown.clone(), workspace, overlay) {
        Err(PackError::NoClauseFiles { .. }) => Err(not_a_pack("e0808-label-no-clause-file")),
        Err(error) => Err(error.relocated(dir, &shown)),
        Ok(pack) => Ok(pack),
    }
}

/// The folder of the pack at `path`, canonical: the folder itself, or the folder that
/// holds a single clause file.
pub(crate) fn pack_folder(path: &Path) -> Result<PathBuf, PackError> {
    let io_error = |error| PackError::Io {
        path: path.to_path_buf(),
        error,
    };
    let full = fs::canonicalize(path).map_err(io_error)?;
    if full.is_dir() {
        return Ok(full);
    }
    Ok(full
        .parent()
        .map_or_else(|| full.clone(), Path::to_path_buf))
}

/// Reads a pack: a folder (every `*.clause` below it, and `pack.toml` if present) or a
/// single `.clause` file. Every file it reads must be inside `workspace` (canonical).
pub(crate) fn read_pack(
    path: &Path,
    shown: PathBuf,
    workspace: &Path,
    overlay: Overlay<'_>,
) -> Result<RawPack, PackError> {
    let metadata = fs::metadata(path).map_err(|error| PackError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    let io_error = |error| PackError::Io {
        path: path.to_path_buf(),
        error,
    };
    let mut files = Vec::new();
    let mut manifest_source = None;
    let default_name;
    let dir;
    if metadata.is_dir() {
        default_name = folder_name(path);
        dir = fs::canonicalize(path).map_err(io_error)?;
        let found = discover::clause_files(path)?;
        if found.is_empty() {
            return Err(PackError::NoClauseFiles { path: shown });
        }
        for file in found {
            let absolute = dir.join(&file.relative);
            let text = read_overlaid(&file.path, &absolute, workspace, overlay)?;
            let name = display_join(&shown, &file.relative);
            files.push(RawFile {
                relative: file.relative,
                name,
                absolute,
                text,
            });
        }
        let manifest_path = path.join(MANIFEST_FILE);
        let manifest_absolute = dir.join(MANIFEST_FILE);
        let open_manifest = overlaid(&manifest_absolute, overlay);
        if open_manifest.is_some() || is_present(&manifest_path) {
            let text = match open_manifest {
                Some(text) => text,
                None => read_confined(&manifest_path, workspace)?,
            };
            manifest_source = Some(ManifestSource {
                text,
                name: display_join(&shown, MANIFEST_FILE),
                path: manifest_path,
            });
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
        let full = fs::canonicalize(path).map_err(io_error)?;
        dir = full
            .parent()
            .map_or_else(|| full.clone(), Path::to_path_buf);
        let relative = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = read_overlaid(path, &full, workspace, overlay)?;
        files.push(RawFile {
            relative,
            name: path.display().to_string(),
            absolute: full.clone(),
            text,
        });
    }

    let manifest = match &manifest_source {
        Some(source) => parse_manifest(&source.path, &source.name, &source.text)?,
        None => Manifest::default(),
    };

    let mut hashed: Vec<HashedFile<'_>> = files
        .iter()
        .map(|file| HashedFile {
            relative: &file.relative,
            text: &file.text,
        })
        .collect();
    if let Some(source) = &manifest_source {
        hashed.push(HashedFile {
            relative: MANIFEST_FILE,
            text: &source.text,
        });
    }
    let hash = pack_hash(&hashed);
    let fixtures = read_fixtures(&files, &dir, &shown, workspace);
    let mut file_hashes: Vec<(String, String)> = hashed
        .iter()
        .map(|file| (file.relative.to_owned(), file_hash(file.text)))
        .collect();
    for fixture in &fixtures {
        if let Ok(text) = &fixture.text {
            file_hashes.push((fixture.relative.clone(), file_hash(text)));
        }
    }
    file_hashes.sort();
    file_hashes.dedup();

    Ok(RawPack {
        name: manifest.pack.name.clone().unwrap_or(default_name),
        version: manifest
            .pack
            .version
            .clone()
            .unwrap_or_else(|| DEFAULT_VERSION.to_owned()),
        dir,
        is_folder: metadata.is_dir(),
        shown,
        manifest,
        manifest_source,
        files,
        fixtures,
        hash,
        file_hashes,
        dependencies: Vec::new(),
    })
}

/// The overlay's text for a file, read as the disk is: without a byte-order mark.
fn overlaid(absolute: &Path, overlay: Overlay<'_>) -> Option<String> {
    overlay(absolute).map(|text| match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The overlay's text for the file at `absolute`, else the file read at `path`.
fn read_overlaid(
    path: &Path,
    absolute: &Path,
    workspace: &Path,
    overlay: Overlay<'_>,
) -> Result<String, PackError> {
    match overlaid(absolute, overlay) {
        Some(text) => Ok(text),
        None => read_confined(path, workspace),
    }
}

/// The nearest folder, from `dir` upwards, that holds `.git`; else the folder that holds
/// `dir` (or `dir` itself at the top of the file system).
pub(crate) fn workspace_root(dir: &Path) -> PathBuf {
    dir.ancestors()
        .find(|ancestor| ancestor.join(".git").exists())
        .or_else(|| dir.parent())
        .unwrap_or(dir)
        .to_path_buf()
}

/// `a/b/../c/./d` as `a/c/d`, without reading the file system. A `..` that climbs above
/// the start of a relative path is kept (`../x`).
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut parts: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match parts.last() {
                Some(Component::Normal(_)) => {
                    parts.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => parts.push(component),
            },
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        return PathBuf::from(".");
    }
    parts.iter().collect()
}

/// The path from the folder `from` to the folder `to`, both canonical, `/`-separated:
/// `.` for the same folder, `../edtech-fr` for a sibling.
pub(crate) fn relative_path(from: &Path, to: &Path) -> String {
    let from: Vec<Component<'_>> = from.components().collect();
    let to: Vec<Component<'_>> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|part| part.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
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
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalized_without_the_file_system() {
        let cases = [
            ("rules/region/../edtech-fr", "rules/edtech-fr"),
            ("./../edtech-fr", "../edtech-fr"),
            ("a/./b/../../c", "c"),
            ("a/..", "."),
            ("/x/../../y", "/y"),
        ];
        for (path, expected) in cases {
            assert_eq!(
                normalize(Path::new(path)),
                PathBuf::from(expected),
                "{path}"
            );
        }
    }

    #[test]
    fn relative_paths_climb_to_the_common_folder() {
        let root = Path::new("/w/rules/region");
        assert_eq!(relative_path(root, root), ".");
        assert_eq!(
            relative_path(root, Path::new("/w/rules/edtech-fr")),
            "../edtech-fr"
        );
        assert_eq!(relative_path(root, Path::new("/w/rules/region/sub")), "sub");
        assert_eq!(
            relative_path(root, Path::new("/w/vendor/x")),
            "../../vendor/x"
        );
    }

    #[test]
    fn the_workspace_is_the_enclosing_repository_else_the_parent_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(dir.path()).unwrap();
        let pack = root.join("repo/rules/region");
        fs::create_dir_all(&pack).unwrap();
        assert_eq!(workspace_root(&pack), root.join("repo/rules"));
        fs::create_dir(root.join("repo/.git")).unwrap();
        assert_eq!(workspace_root(&pack), root.join("repo"));
    }
}

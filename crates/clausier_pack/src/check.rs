//! Checking a pack graph from its parsed sources: the one function both the command line
//! ([`crate::load_pack`], files read from disk) and the editor (`clausier_ide`, files
//! from its buffers) call, so that the two cannot disagree on what is wrong with a pack.

use clausier_check::{Checked, PackGraph, PackInput};
use clausier_diagnostics::{Diagnostic, FileId, Message, SourceMap};
use clausier_syntax::ast::SourceFileAst;

use crate::fixtures::Fixture;
use crate::manifest::Manifest;
use crate::overrides::manifest_overrides;

/// Every pack of a graph, parsed, ready to be checked together.
pub struct GraphSources<'a> {
    /// Every pack once, each after the packs it depends on; the root is the last.
    pub packs: Vec<PackSources<'a>>,
    /// The name and text of every file a diagnostic may point into, by id.
    pub sources: &'a SourceMap,
    /// The day the procedure is launched, which decides the law in force: the root's
    /// `[document] launch`.
    pub launch: Option<jiff::civil::Date>,
    /// The lots the contract is divided into: the root's `[document] lots`.
    pub lots: &'a [clausier_check::Lot],
}

/// One pack of the graph.
pub struct PackSources<'a> {
    pub name: &'a str,
    pub version: &'a str,
    /// Its direct dependencies: the name they are declared under, and their index in
    /// [`GraphSources::packs`].
    pub dependencies: Vec<(String, usize)>,
    /// Its clause files, in checking order (sorted by path).
    pub files: Vec<ClauseSource<'a>>,
    /// The files its tests name, as read with the pack.
    pub fixtures: &'a [Fixture],
    /// Its manifest, by the id of its file, when it has one without errors: its
    /// `[params]` override the parameters of the graph.
    pub manifest: Option<(FileId, &'a Manifest)>,
}

/// A parsed clause file.
#[derive(Clone, Copy)]
pub struct ClauseSource<'a> {
    pub id: FileId,
    /// Its path relative to its pack's folder, `/`-separated: how a fixture names the
    /// clause file whose test reads it.
    pub relative_path: &'a str,
    pub ast: &'a SourceFileAst,
}

/// Checks the graph: the checked pack with every diagnostic that is not a syntax error
/// (each file's parse holds those), sorted by file and position. Besides the checker's,
/// these are the errors of the manifests' `[params]` values and of the test files that
/// make a pack wrong (leading out of the workspace, not a regular file, too large).
pub fn check_sources(graph: &GraphSources<'_>) -> Checked {
    let mut diagnostics = Vec::new();
    for pack in &graph.packs {
        diagnostics.extend(fixture_errors(pack.fixtures, &pack.files));
    }
    let trees: Vec<Vec<(FileId, &SourceFileAst)>> = graph
        .packs
        .iter()
        .map(|pack| pack.files.iter().map(|file| (file.id, file.ast)).collect())
        .collect();
    let inputs = graph
        .packs
        .iter()
        .zip(&trees)
        .map(|(pack, files)| PackInput {
            name: pack.name,
            version: pack.version,
            files,
            dependencies: pack.dependencies.clone(),
            overrides: match pack.manifest {
                Some((id, manifest)) => manifest_overrides(id, &manifest.params, &mut diagnostics),
                None => Vec::new(),
            },
        })
        .collect();
    let mut checked = clausier_check::check_graph(&PackGraph {
        packs: inputs,
        sources: graph.sources,
        launch: graph.launch,
        lots: graph.lots,
    });
    diagnostics.append(&mut checked.diagnostics);
    diagnostics.sort_by_key(Diagnostic::sort_key);
    checked.diagnostics = diagnostics;
    checked
}

/// The test files that make the pack itself wrong, as errors on the path in the test.
fn fixture_errors<'a>(
    fixtures: &'a [Fixture],
    files: &'a [ClauseSource<'a>],
) -> impl Iterator<Item = Diagnostic> + 'a {
    fixtures.iter().filter_map(|fixture| {
        let problem = fixture.text.as_ref().err()?;
        if !problem.refuses_pack {
            return None;
        }
        let file = files
            .iter()
            .find(|f| f.relative_path == fixture.clause_file)?;
        let mut diagnostic = Diagnostic::error(problem.code, problem.message.clone()).with_primary(
            file.id,
            fixture.span,
            Message::new("e08-label-test-reads-file"),
        );
        if let Some(help) = &problem.help {
            diagnostic = diagnostic.with_help(help.clone());
        }
        Some(diagnostic)
    })
}

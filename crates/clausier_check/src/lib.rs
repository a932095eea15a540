//! The checker: builds the schema from `enum`, `type` and `descriptor` items, resolves
//! every name, types every expression, and reports what a drafter must know (errors
//! with a "did you mean", and lints).
//!
//! [`check_pack`] never fails: with errors, the [`CheckedPack`](hir::CheckedPack) it
//! returns still holds every clause that could be understood, with [`Ty::Error`] where a
//! type is unknown, for the language server. Only a pack without errors is evaluated.
//!
//! [`Ty::Error`]: types::Ty::Error

pub mod bounds;
pub mod business_time;
pub mod hir;
pub mod list_aggregates;
pub mod ops;
pub mod provenance;
pub mod text_functions;
pub mod types;
pub mod value;
pub mod weekdays;

mod clauses;
mod compose;
mod derived;
mod expr;
mod fold;
mod inventory;
mod law;
mod lints;
mod lots;
mod params;
mod passed;
mod placeholders;
mod schema;
mod suggest;
mod test_decls;
mod wording;
mod written;

use std::collections::HashMap;

use clausier_diagnostics::{Diagnostic, FileId, SourceMap, Span};
use clausier_syntax::ast::{Expr, Ident, SourceFileAst};

use crate::hir::{CheckedPack, ParamId, Symbol, SymbolRef};
use crate::schema::TypeTable;
use crate::types::{EnumId, RecordDef, RecordId, Ty};

pub use hir::Lot;
pub use law::{accepts_equivalents, demands_a_label};
pub use suggest::did_you_mean;

/// What checking a pack gives: the checked pack and every diagnostic, sorted.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub pack: CheckedPack,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether the pack compiled: only then may it be evaluated.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The pack, when it has no error: the only form evaluation accepts.
    pub fn valid(&self) -> Option<ValidPack<'_>> {
        (!self.has_errors()).then_some(ValidPack { pack: &self.pack })
    }
}

/// A checked pack without errors. A tree that recovered from errors holds holes
/// (`Ty::Error`, unresolved names) that evaluation must never see: the compiler takes
/// only this, and only [`Checked::valid`] makes one.
#[derive(Debug, Clone, Copy)]
pub struct ValidPack<'a> {
    pack: &'a CheckedPack,
}

impl<'a> ValidPack<'a> {
    pub fn pack(self) -> &'a CheckedPack {
        self.pack
    }
}

impl std::ops::Deref for ValidPack<'_> {
    type Target = CheckedPack;

    fn deref(&self) -> &CheckedPack {
        self.pack
    }
}

/// Checks the `.clause` files of one pack, compiled together.
///
/// `pack_name` is recorded on every parameter and clause. Files are taken in the order
/// given, which fixes the order of merged descriptor fields and of clauses; the caller
/// sorts them (by path) so that reruns give the same result.
pub fn check_pack(pack_name: &str, files: &[(FileId, &SourceFileAst)]) -> Checked {
    let sources = SourceMap::new();
    let graph = PackGraph {
        packs: vec![PackInput {
            name: pack_name,
            version: UNVERSIONED,
            files,
            dependencies: Vec::new(),
            overrides: Vec::new(),
        }],
        sources: &sources,
        launch: None,
        lots: &[],
    };
    check_graph(&graph)
}

/// Which pack a result is about: its name and version from `pack.toml`, and the hash of
/// its content, as reports and the pack layer name it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PackInfo {
    pub name: String,
    pub version: String,
    /// `sha256:` and the hex digest of the pack's normalized files.
    pub hash: String,
}

/// The version recorded on the clauses of a pack checked by [`check_pack`].
pub const UNVERSIONED: &str = "0.0.0";

/// A pack and the packs it depends on, to be compiled together.
pub struct PackGraph<'a> {
    /// Every pack of the graph once, each after the packs it depends on; the last one is
    /// the root, the pack being checked.
    pub packs: Vec<PackInput<'a>>,
    /// The sources of every file the packs' spans point into (clause files and
    /// manifests), to print where a parameter was overridden.
    pub sources: &'a SourceMap,
    /// The date the procedure is launched (the root's `[document] launch`): the law in
    /// force for it. `None` assumes a procedure launched now, after 2026-08-22.
    pub launch: Option<jiff::civil::Date>,
    /// The lots the root's `[document]` divides the contract into; empty for a contract
    /// in one piece. Clauses name them in `lots "1", "2"`.
    pub lots: &'a [Lot],
}

/// One pack of a [`PackGraph`].
pub struct PackInput<'a> {
    pub name: &'a str,
    pub version: &'a str,
    /// Its clause files, sorted by path.
    pub files: &'a [(FileId, &'a SourceFileAst)],
    /// The packs it depends on directly: the name `use` and `set` call it by, and its
    /// index in [`PackGraph::packs`].
    pub dependencies: Vec<(String, usize)>,
    /// The overrides of its manifest's `[params]` tables.
    pub overrides: Vec<ParamOverride>,
}

/// `max_price = "5.50 €"` under `[params.edtech-fr]`: an override written outside the
/// clause files, with spans in the manifest's file.
#[derive(Debug, Clone)]
pub struct ParamOverride {
    pub file: FileId,
    /// The dependency (`edtech-fr`), spanning the table's name.
    pub pack: Ident,
    /// The parameter (`max_price`), spanning the key.
    pub name: Ident,
    /// The value as a clause expression.
    pub value: Expr,
}

/// Checks a pack with its dependencies: their schemas merge into one, each pack's
/// clauses are checked against its own parameters, `set` and `[params]` override the
/// parameters of direct dependencies, and `use` brings a dependency's clauses into the
/// pack that uses it. The result holds the root's clauses and those it brought in.
///
/// Errors are reported wherever they are, in dependencies too. The lints run on what the
/// root holds, with the overridden values; a warning whose labels all point into
/// dependencies is left to their authors (`clausier validate DEP`), one that points into
/// the root's files too (the weights of the criteria in effect) is kept.
pub fn check_graph(graph: &PackGraph<'_>) -> Checked {
    let Some(root) = graph.packs.len().checked_sub(1) else {
        return Checked::default();
    };
    let mut checker = Checker::new(graph);
    let all_files: Vec<(FileId, &SourceFileAst)> = graph
        .packs
        .iter()
        .flat_map(|pack| pack.files.iter().copied())
        .collect();
    checker.build_schema(&all_files);
    for (index, pack) in graph.packs.iter().enumerate() {
        checker.enter(index);
        checker.check_params(pack.files);
    }
    for (index, pack) in graph.packs.iter().enumerate() {
        checker.enter(index);
        checker.check_clauses(pack.files);
    }
    let declared = checker.declared_requirements();
    checker.compose();
    checker.resolve_passed(&declared);
    checker.pack.schema.lots = graph.lots.to_vec();
    checker.enter(root);
    if let Some(pack) = graph.packs.get(root) {
        checker.collect_tests(pack.files);
    }
    checker.lint();
    checker.finish()
}

/// The state shared by the passes over a pack graph.
pub(crate) struct Checker<'a> {
    graph: &'a PackGraph<'a>,
    /// The pack whose files are being checked, an index in the graph.
    current: usize,
    /// Which pack each clause file belongs to.
    file_pack: HashMap<FileId, usize>,
    pack_name: &'a str,
    pack_version: &'a str,
    pack: CheckedPack,
    diagnostics: Vec<Diagnostic>,
    types: TypeTable<'a>,
    params: ParamTable,
    /// Every enum that declares a variant of a given name, for bare variants (`EU`).
    variants_by_name: HashMap<String, Vec<(EnumId, u32)>>,
    /// The built-in enum `weekday`, once the pack names it ([`weekdays`]).
    weekday: Option<EnumId>,
    weights: lints::WeightLog,
    /// The `passed(ID)` of every score, resolved once the clauses are composed.
    passed_refs: Vec<passed::PassedRef>,
    /// The string literals of each clause, by the clause's id origin: where the lints
    /// on texts point.
    clause_literals: HashMap<types::Origin, ClauseLiterals>,
    /// Where each requirement in effect came into the root: its id, or the `use` that
    /// brought it in. Parallel to the checked pack's requirements once composed.
    requirement_entries: Vec<types::Origin>,
    /// The same for the criteria in effect.
    criterion_entries: Vec<types::Origin>,
}

/// The `text`, `note` and `ref` literals of a clause, as written.
#[derive(Debug, Clone, Default)]
pub(crate) struct ClauseLiterals {
    pub text: Option<clausier_syntax::ast::StringLit>,
    pub note: Option<clausier_syntax::ast::StringLit>,
    pub refs: Vec<clausier_syntax::ast::StringLit>,
}

/// Parameters by pack and name, and what the lints need to know of each. Names resolve
/// in the pack being checked: each pack sees its own parameters.
#[derive(Default)]
pub(crate) struct ParamTable {
    by_pack: Vec<HashMap<String, ParamId>>,
    current: usize,
    states: Vec<ParamState>,
    /// The parameters whose values were computed, dependencies first.
    computed_order: Vec<ParamId>,
}

#[derive(Clone, Copy, Default)]
pub(crate) struct ParamState {
    /// Read by at least one expression.
    used: bool,
    /// Its value was checked and folded: constant folding may use it.
    value_known: bool,
    /// `W0501` applies (not for a parameter already reported as shadowing a field).
    lint_unused: bool,
}

impl ParamTable {
    fn get(&self, name: &str) -> Option<ParamId> {
        self.get_in(self.current, name)
    }

    fn get_in(&self, pack: usize, name: &str) -> Option<ParamId> {
        self.by_pack.get(pack)?.get(name).copied()
    }

    fn insert(&mut self, name: String, id: ParamId) {
        if self.by_pack.len() <= self.current {
            self.by_pack.resize_with(self.current + 1, HashMap::new);
        }
        if let Some(names) = self.by_pack.get_mut(self.current) {
            names.insert(name, id);
        }
    }

    fn state_mut(&mut self, id: ParamId) -> Option<&mut ParamState> {
        self.states.get_mut(id.0 as usize)
    }
}

impl<'a> Checker<'a> {
    fn new(graph: &'a PackGraph<'a>) -> Self {
        let mut pack = CheckedPack::default();
        pack.schema.records.push(RecordDef {
            name: Some("descriptor".to_owned()),
            fields: indexmap::IndexMap::new(),
        });
        pack.schema.descriptor = RecordId(0);
        let file_pack = graph
            .packs
            .iter()
            .enumerate()
            .flat_map(|(index, pack)| pack.files.iter().map(move |(file, _)| (*file, index)))
            .collect();
        Self {
            graph,
            current: 0,
            file_pack,
            pack_name: graph.packs.first().map_or("", |pack| pack.name),
            pack_version: graph.packs.first().map_or("", |pack| pack.version),
            pack,
            diagnostics: Vec::new(),
            types: TypeTable::default(),
            params: ParamTable::default(),
            variants_by_name: HashMap::new(),
            weekday: None,
            weights: lints::WeightLog::default(),
            passed_refs: Vec::new(),
            clause_literals: HashMap::new(),
            requirement_entries: Vec::new(),
            criterion_entries: Vec::new(),
        }
    }

    /// Makes `index` the pack whose files are checked: its name goes on what is
    /// declared, and its parameters are the ones names resolve to.
    fn enter(&mut self, index: usize) {
        if let Some(pack) = self.graph.packs.get(index) {
            self.current = index;
            self.params.current = index;
            self.pack_name = pack.name;
            self.pack_version = pack.version;
        }
    }

    /// The name of the pack a file belongs to, when the graph has several packs: what a
    /// message adds to say which pack a declaration comes from.
    fn pack_of(&self, file: FileId) -> Option<&'a str> {
        if self.graph.packs.len() < 2 {
            return None;
        }
        let index = *self.file_pack.get(&file)?;
        self.graph.packs.get(index).map(|pack| pack.name)
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn symbol(&mut self, file: FileId, span: Span, symbol: Symbol, is_definition: bool) {
        // The built-in `weekday` is declared nowhere: no definition to go to, nothing to
        // rename.
        if let Symbol::Enum(id) | Symbol::Variant { enum_id: id, .. } = symbol
            && self.is_weekday_enum(id)
        {
            return;
        }
        self.pack.symbols.push(SymbolRef {
            file,
            span,
            symbol,
            is_definition,
        });
    }

    fn collect_tests(&mut self, files: &[(FileId, &SourceFileAst)]) {
        for (file, ast) in files {
            for item in &ast.items {
                if let clausier_syntax::ast::ItemKind::Test(decl) = &item.kind {
                    self.check_test(*file, decl);
                    self.pack.tests.push(hir::TestDef {
                        file: *file,
                        decl: decl.clone(),
                    });
                }
            }
        }
    }

    fn finish(mut self) -> Checked {
        let root = self.graph.packs.len().saturating_sub(1);
        if root > 0 {
            // A warning only about a dependency's files is for that pack's authors.
            let file_pack = &self.file_pack;
            self.diagnostics.retain(|diagnostic| {
                diagnostic.is_error()
                    || diagnostic.labels.is_empty()
                    || diagnostic
                        .labels
                        .iter()
                        .any(|label| file_pack.get(&label.file).is_none_or(|pack| *pack == root))
            });
        }
        self.diagnostics.sort_by_key(Diagnostic::sort_key);
        self.diagnostics.dedup();
        self.pack
            .symbols
            .sort_by_key(|s| (s.file, s.span.start, s.span.end, !s.is_definition));
        Checked {
            pack: self.pack,
            diagnostics: self.diagnostics,
        }
    }

    /// A type as a message names it: `list<Subprocessor>`, `{ region: Region, … }`.
    fn ty_name(&self, ty: &Ty) -> String {
        wording::ty_name(&self.pack.schema, ty)
    }
}

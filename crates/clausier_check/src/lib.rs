//! The checker: builds the schema from `enum`, `type` and `descriptor` items, resolves
//! every name, types every expression, and reports what a drafter must know (errors
//! with a "did you mean", and lints).
//!
//! [`check_pack`] never fails: with errors, the [`CheckedPack`](hir::CheckedPack) it
//! returns still holds every clause that could be understood, with [`Ty::Error`] where a
//! type is unknown, for the language server. Only a pack without errors is evaluated.
//!
//! [`Ty::Error`]: types::Ty::Error

pub mod hir;
pub mod ops;
pub mod types;
pub mod value;

mod clauses;
mod expr;
mod fold;
mod lints;
mod params;
mod schema;
mod suggest;
mod wording;

use std::collections::HashMap;

use clausier_diagnostics::{Diagnostic, FileId, Span};
use clausier_syntax::ast::SourceFileAst;

use crate::hir::{CheckedPack, ParamId, Symbol, SymbolRef};
use crate::schema::TypeTable;
use crate::types::{EnumId, RecordDef, RecordId, Ty};

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
}

/// Checks the `.clause` files of one pack, compiled together.
///
/// `pack_name` is recorded on every parameter and clause. Files are taken in the order
/// given, which fixes the order of merged descriptor fields and of clauses; the caller
/// sorts them (by path) so that reruns give the same result.
pub fn check_pack(pack_name: &str, files: &[(FileId, &SourceFileAst)]) -> Checked {
    let mut checker = Checker::new(pack_name);
    checker.build_schema(files);
    checker.check_params(files);
    checker.check_clauses(files);
    checker.collect_tests(files);
    checker.lint();
    checker.finish()
}

/// The state shared by the passes over one pack.
pub(crate) struct Checker<'a> {
    pack_name: &'a str,
    pack: CheckedPack,
    diagnostics: Vec<Diagnostic>,
    types: TypeTable<'a>,
    params: ParamTable,
    /// Every enum that declares a variant of a given name, for bare variants (`EU`).
    variants_by_name: HashMap<String, Vec<(EnumId, u32)>>,
    weights: lints::WeightLog,
}

/// Parameters by name, and what the lints need to know of each.
#[derive(Default)]
pub(crate) struct ParamTable {
    by_name: HashMap<String, ParamId>,
    states: Vec<ParamState>,
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
        self.by_name.get(name).copied()
    }

    fn state_mut(&mut self, id: ParamId) -> Option<&mut ParamState> {
        self.states.get_mut(id.0 as usize)
    }
}

impl<'a> Checker<'a> {
    fn new(pack_name: &'a str) -> Self {
        let mut pack = CheckedPack::default();
        pack.schema.records.push(RecordDef {
            name: Some("descriptor".to_owned()),
            fields: indexmap::IndexMap::new(),
        });
        pack.schema.descriptor = RecordId(0);
        Self {
            pack_name,
            pack,
            diagnostics: Vec::new(),
            types: TypeTable::default(),
            params: ParamTable::default(),
            variants_by_name: HashMap::new(),
            weights: lints::WeightLog::default(),
        }
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn symbol(&mut self, file: FileId, span: Span, symbol: Symbol, is_definition: bool) {
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
                    self.record_test_clause_refs(*file, decl);
                    self.pack.tests.push(hir::TestDef {
                        file: *file,
                        decl: decl.clone(),
                    });
                }
            }
        }
    }

    /// Links `expect pass HEB-01` to its clause for go-to-definition; whether the clause
    /// exists is for the test runner to say, with the test's result.
    fn record_test_clause_refs(&mut self, file: FileId, decl: &clausier_syntax::ast::TestDecl) {
        use clausier_syntax::ast::ExpectKind;
        for expect in &decl.expects {
            let id = match &expect.kind {
                ExpectKind::Pass(id)
                | ExpectKind::Fail(id)
                | ExpectKind::Missing(id)
                | ExpectKind::NotApplicable(id) => id,
                _ => continue,
            };
            let known = self
                .pack
                .requirements
                .iter()
                .map(|r| &r.meta)
                .chain(self.pack.criteria.iter().map(|c| &c.meta))
                .any(|meta| meta.id == id.name);
            if known {
                self.symbol(file, id.span, Symbol::Clause(id.name.clone()), false);
            }
        }
    }

    fn finish(mut self) -> Checked {
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

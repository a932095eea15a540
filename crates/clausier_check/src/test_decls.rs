//! `test` blocks: what the checker can say of them without running them. A test gives a
//! descriptor and expects something, and every clause an `expect` names is a requirement
//! of the pack. Running them is `clausier test`'s job.

use clausier_diagnostics::{Code, Diagnostic, FileId, Fix};
use clausier_syntax::ast::{ClauseId, ExpectKind, TestDecl};

use crate::Checker;
use crate::hir::Symbol;
use crate::suggest::{did_you_mean, list_names};

/// Up to this many requirements are listed in a note when no id is near the one written.
const REQUIREMENTS_NOTE_MAX: usize = 12;

impl Checker<'_> {
    /// Checks one test and links the clauses its `expect` lines name, for
    /// go-to-definition.
    pub(crate) fn check_test(&mut self, file: FileId, decl: &TestDecl) {
        self.check_test_shape(file, decl);
        for expect in &decl.expects {
            let (id, status) = match &expect.kind {
                ExpectKind::Pass(id) => (id, "pass"),
                ExpectKind::Fail(id) => (id, "fail"),
                ExpectKind::Missing(id) => (id, "missing"),
                ExpectKind::NotApplicable(id) => (id, "not_applicable"),
                _ => continue,
            };
            self.check_expected_clause(file, id, status);
        }
    }

    /// A test needs a descriptor and something to expect of it.
    fn check_test_shape(&mut self, file: FileId, decl: &TestDecl) {
        let name = &decl.name;
        let shown = if name.value.is_empty() {
            "this test".to_owned()
        } else {
            format!("the test `{}`", name.value)
        };
        if decl.given.is_none() {
            self.report(
                Diagnostic::error(Code::INCOMPLETE_TEST, format!("{shown} has no `given`"))
                    .with_primary(file, name.span, "this test checks no descriptor")
                    .with_help(
                        "add the descriptor's data, as `given { hosting: { region: \"EU\" } }`, \
                         or a file, as `given \"offre.json\"`",
                    ),
            );
        }
        // A line that did not parse was an `expect` of some kind, already reported.
        if decl.expects.is_empty() {
            self.report(
                Diagnostic::error(Code::INCOMPLETE_TEST, format!("{shown} expects nothing"))
                    .with_primary(file, name.span, "this test cannot fail")
                    .with_help("add what the offer should give, as `expect eligible` or `expect fail HEB-01`"),
            );
        }
    }

    fn check_expected_clause(&mut self, file: FileId, id: &ClauseId, status: &str) {
        let pack = &self.pack;
        if pack.requirements.iter().any(|r| r.meta.id == id.name) {
            self.symbol(file, id.span, Symbol::Clause(id.name.clone()), false);
            return;
        }
        if let Some(criterion) = pack.criteria.iter().find(|c| c.meta.id == id.name) {
            let declared = criterion.meta.origin;
            self.symbol(file, id.span, Symbol::Clause(id.name.clone()), false);
            self.report(
                Diagnostic::error(
                    Code::UNKNOWN_TEST_CLAUSE,
                    format!(
                        "`{}` is a criterion, which has a score, not a status",
                        id.name
                    ),
                )
                .with_primary(
                    file,
                    id.span,
                    format!("`expect {status}` needs a requirement"),
                )
                .with_secondary(
                    declared.file,
                    declared.span,
                    "the criterion is declared here",
                )
                .with_help("expect the offer's total score instead, as `expect score >= 60`"),
            );
            return;
        }
        let ids: Vec<&str> = pack
            .requirements
            .iter()
            .map(|r| r.meta.id.as_str())
            .collect();
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_TEST_CLAUSE,
            format!("unknown requirement `{}` in a test", id.name),
        )
        .with_primary(file, id.span, "no requirement of the pack has this id");
        match did_you_mean(&id.name, ids.iter().copied()) {
            Some(best) => {
                diagnostic = diagnostic
                    .with_help(format!("did you mean `{best}`?"))
                    .with_fix(Fix {
                        title: format!("replace with `{best}`").into(),
                        edits: vec![(file, id.span, best.to_owned())],
                    });
            }
            None if ids.is_empty() => {
                diagnostic = diagnostic.with_note("the pack has no requirement");
            }
            None if ids.len() <= REQUIREMENTS_NOTE_MAX => {
                diagnostic =
                    diagnostic.with_note(format!("the requirements are {}", list_names(&ids)));
            }
            None => {}
        }
        self.report(diagnostic);
    }
}

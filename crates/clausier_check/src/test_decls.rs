//! `test` blocks: what the checker can say of them without running them. A test gives a
//! descriptor and expects something, and every clause an `expect` names is a requirement
//! of the pack. Running them is `clausier test`'s job.

use clausier_diagnostics::{Code, Diagnostic, FileId, Fix, Message};
use clausier_syntax::ast::{ClauseId, ExpectKind, TestDecl};

use crate::Checker;
use crate::hir::Symbol;
use crate::suggest::{did_you_mean, names_joined};

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
                ExpectKind::UnderReview(id) => (id, "review"),
                _ => continue,
            };
            self.check_expected_clause(file, id, status);
        }
    }

    /// A test needs a descriptor and something to expect of it.
    fn check_test_shape(&mut self, file: FileId, decl: &TestDecl) {
        let name = &decl.name;
        // An unnamed test is "this test"; the catalogue chooses by `named`.
        let named = if name.value.is_empty() { "no" } else { "yes" };
        if decl.given.is_none() {
            self.report(
                Diagnostic::error(
                    Code::INCOMPLETE_TEST,
                    Message::new("e0406-no-given")
                        .with("name", &name.value)
                        .with("named", named),
                )
                .with_primary(file, name.span, Message::new("e0406-no-given-label"))
                .with_help(Message::new("e0406-no-given-help")),
            );
        }
        // A line that did not parse was an `expect` of some kind, already reported.
        if decl.expects.is_empty() {
            self.report(
                Diagnostic::error(
                    Code::INCOMPLETE_TEST,
                    Message::new("e0406-expects-nothing")
                        .with("name", &name.value)
                        .with("named", named),
                )
                .with_primary(file, name.span, Message::new("e0406-expects-nothing-label"))
                .with_help(Message::new("e0406-expects-nothing-help")),
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
                    Message::new("e0212-criterion").with("id", &id.name),
                )
                .with_primary(
                    file,
                    id.span,
                    Message::new("e0212-criterion-label").with("status", status),
                )
                .with_secondary(
                    declared.file,
                    declared.span,
                    Message::new("e0212-criterion-declared-here"),
                )
                .with_help(Message::new("e0212-criterion-help")),
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
            Message::new("e0212-unknown-requirement").with("id", &id.name),
        )
        .with_primary(
            file,
            id.span,
            Message::new("e0212-unknown-requirement-label"),
        );
        match did_you_mean(&id.name, ids.iter().copied()) {
            Some(best) => {
                diagnostic = diagnostic
                    .with_help(Message::new("e0212-did-you-mean").with("name", best))
                    .with_fix(Fix {
                        title: Message::new("e0212-replace-with").with("name", best),
                        edits: vec![(file, id.span, best.to_owned())],
                    });
            }
            None if ids.is_empty() => {
                diagnostic = diagnostic.with_note(Message::new("e0212-no-requirement-note"));
            }
            None if ids.len() <= REQUIREMENTS_NOTE_MAX => {
                diagnostic = diagnostic.with_note(
                    Message::new("e0212-requirements-note").with("ids", names_joined(&ids)),
                );
            }
            None => {}
        }
        self.report(diagnostic);
    }
}

//! Requirements and criteria: which fields each may have, how often, and what they
//! mean once typed; the bodies of indicators and risks are read here too (what they
//! mean is in `inventory`). `use` and `set`, which name dependencies, are in `compose`.

use std::collections::HashMap;

use clausier_diagnostics::{Code, Diagnostic, FileId, Message, Span};
use clausier_syntax::ast::{
    ClauseField, ClauseFieldKind, ClauseId, CriterionDecl, Docs, Item, ItemKind, Level,
    RequirementDecl, SourceFileAst, StringLit,
};
use clausier_syntax::lexicon;
use rust_decimal::Decimal;

use crate::Checker;
use crate::expr::{ConditionOf, ExprChecker, error_expr};
use crate::hir::{
    ClauseMeta, CriterionDef, LegalText, NoEquivalent, RequiredDocument, RequirementDef, Symbol,
    TExpr,
};
use crate::lints::WeightEntry;
use crate::provenance::ProvenanceKind;
use crate::types::{Origin, Ty};

/// The fields a clause body may hold, as named in messages.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum FieldName {
    Level,
    Lots,
    Text,
    Note,
    When,
    Require,
    Score,
    Value,
    By,
    Spend,
    Ends,
    Window,
    Alternatives,
    /// Repeatable where it is allowed: named only to say where it is not.
    Evidence,
    NoEquivalent,
}

impl FieldName {
    fn as_str(self) -> &'static str {
        match self {
            FieldName::Level => "level",
            FieldName::Lots => "lots",
            FieldName::Text => "text",
            FieldName::Note => "note",
            FieldName::When => "when",
            FieldName::Require => "require",
            FieldName::Score => "score",
            FieldName::Value => "value",
            FieldName::By => "by",
            FieldName::Spend => "spend",
            FieldName::Ends => "ends",
            FieldName::Window => "window",
            FieldName::Alternatives => "alternatives",
            FieldName::Evidence => "evidence",
            FieldName::NoEquivalent => "no_equivalent",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClauseKind {
    Requirement,
    Criterion,
    Indicator,
    Risk,
}

/// What the lines of a clause body say, each kept from its first occurrence.
#[derive(Default)]
pub(crate) struct Body {
    level: Option<Level>,
    text: Option<LegalText>,
    note: Option<LegalText>,
    refs: Vec<String>,
    evidence: Vec<String>,
    documents: Vec<RequiredDocument>,
    /// The first `no_equivalent` line.
    no_equivalent: Option<NoEquivalent>,
    /// The first `lots` line's ids, as written.
    lots: Option<Vec<StringLit>>,
    when: Option<TExpr>,
    require: Option<TExpr>,
    score: Option<TExpr>,
    pub(crate) value: Option<TExpr>,
    /// The first `by` line's paths, typed, each with its span.
    pub(crate) by: Option<Vec<(TExpr, Span)>>,
    pub(crate) spend: Option<TExpr>,
    pub(crate) ends: Option<TExpr>,
    pub(crate) window: Option<TExpr>,
    pub(crate) alternatives: Option<TExpr>,
}

impl Body {
    /// Fills the parts of a clause's description that its body gives.
    pub(crate) fn describe(&mut self, meta: &mut ClauseMeta) {
        meta.text = self.text.take();
        meta.note = self.note.take();
        meta.refs = std::mem::take(&mut self.refs);
        meta.evidence = std::mem::take(&mut self.evidence);
    }
}

impl<'a> Checker<'a> {
    pub(crate) fn check_clauses(&mut self, files: &[(FileId, &'a SourceFileAst)]) {
        let mut ids: HashMap<String, Origin> = HashMap::new();
        for (file, ast) in files {
            for item in &ast.items {
                match &item.kind {
                    ItemKind::Requirement(decl) => {
                        self.claim_clause_id(*file, &decl.id, &mut ids);
                        self.check_requirement(*file, item, decl);
                    }
                    ItemKind::Criterion(decl) => {
                        self.claim_clause_id(*file, &decl.id, &mut ids);
                        self.check_criterion(*file, item, decl);
                    }
                    // Their ids share the clauses' namespace: a report names either.
                    ItemKind::Indicator(decl) => {
                        self.claim_clause_id(*file, &decl.id, &mut ids);
                        self.check_indicator(*file, item, decl);
                    }
                    ItemKind::Risk(decl) => {
                        self.claim_clause_id(*file, &decl.id, &mut ids);
                        self.check_risk(*file, item, decl);
                    }
                    // `use` and `set` are resolved with the whole graph, in `compose`.
                    _ => {}
                }
            }
        }
    }

    fn claim_clause_id(&mut self, file: FileId, id: &ClauseId, ids: &mut HashMap<String, Origin>) {
        self.symbol(file, id.span, Symbol::Clause(id.name.clone()), true);
        if let Some(first) = ids.get(&id.name) {
            self.report(
                Diagnostic::error(
                    Code::DUPLICATE_CLAUSE,
                    Message::new("e0205-id-used-twice").with("id", &id.name),
                )
                .with_primary(file, id.span, Message::new("e0205-used-again-here"))
                .with_secondary(
                    first.file,
                    first.span,
                    Message::new("e0205-first-used-here"),
                )
                .with_help(Message::new("e0205-id-used-twice-help")),
            );
            return;
        }
        ids.insert(
            id.name.clone(),
            Origin {
                file,
                span: id.span,
            },
        );
    }

    /// Keeps the clause's first `text` and `note` and its `ref`s as written, for the
    /// lints that point inside them.
    pub(crate) fn record_literals(&mut self, origin: Origin, body: &[ClauseField]) {
        let mut literals = crate::ClauseLiterals::default();
        for field in body {
            match &field.kind {
                ClauseFieldKind::Text(text) if literals.text.is_none() => {
                    literals.text = Some(text.clone());
                }
                ClauseFieldKind::Note(note) if literals.note.is_none() => {
                    literals.note = Some(note.clone());
                }
                ClauseFieldKind::Ref(reference) => literals.refs.push(reference.clone()),
                _ => {}
            }
        }
        self.clause_literals.insert(origin, literals);
    }

    pub(crate) fn clause_meta(
        &self,
        file: FileId,
        item: &Item,
        id: &ClauseId,
        title: Option<&str>,
        docs: &Docs,
    ) -> ClauseMeta {
        ClauseMeta {
            id: id.name.clone(),
            title: title.unwrap_or_default().to_owned(),
            docs: docs.text.clone(),
            text: None,
            note: None,
            refs: Vec::new(),
            evidence: Vec::new(),
            lots: Vec::new(),
            origin: Origin {
                file,
                span: id.span,
            },
            span: item.span,
            pack: self.pack_name.to_owned(),
            version: self.pack_version.to_owned(),
        }
    }

    fn check_requirement(&mut self, file: FileId, item: &Item, decl: &RequirementDecl) {
        let mut meta = self.clause_meta(
            file,
            item,
            &decl.id,
            decl.title.as_ref().map(|t| t.value.as_str()),
            &item.docs,
        );
        let mut checker = ExprChecker::new(self, file, &decl.id.name);
        let body = read_body(&mut checker, file, &decl.body, ClauseKind::Requirement);
        let locals = checker.locals();
        let broken_line = has_broken_line(&decl.body);
        let require = body.require.unwrap_or_else(|| {
            // A line that did not parse may be the `require`: its syntax error says so.
            if broken_line {
                return error_expr(decl.id.span);
            }
            self.report(
                Diagnostic::error(
                    Code::MISSING_REQUIRE,
                    Message::new("e0401-no-require").with("id", &decl.id.name),
                )
                .with_primary(file, decl.id.span, Message::new("e0401-no-require-label"))
                .with_help(Message::new("e0401-no-require-help")),
            );
            error_expr(decl.id.span)
        });
        meta.text = body.text;
        meta.note = body.note;
        meta.refs = body.refs;
        meta.evidence = body.evidence;
        meta.lots = self.clause_lots(file, body.lots.as_deref());
        self.record_literals(meta.origin, &decl.body);
        self.pack.requirements.push(RequirementDef {
            meta,
            level: body.level.unwrap_or(Level::Must),
            when: body.when,
            require,
            documents: body.documents,
            no_equivalent: body.no_equivalent,
            locals,
        });
    }

    fn check_criterion(&mut self, file: FileId, item: &Item, decl: &CriterionDecl) {
        let mut meta = self.clause_meta(
            file,
            item,
            &decl.id,
            decl.title.as_ref().map(|t| t.value.as_str()),
            &item.docs,
        );
        let weight = self.criterion_weight(file, decl);
        let mut checker = ExprChecker::new(self, file, &decl.id.name);
        let body = read_body(&mut checker, file, &decl.body, ClauseKind::Criterion);
        let locals = checker.locals();
        let score = match body.score {
            Some(score) => {
                self.check_score_type(file, &score);
                score
            }
            None if has_broken_line(&decl.body) => error_expr(decl.id.span),
            None => {
                self.report(
                    Diagnostic::error(
                        Code::MISSING_SCORE,
                        Message::new("e0404-no-score").with("id", &decl.id.name),
                    )
                    .with_primary(file, decl.id.span, Message::new("e0404-no-score-label"))
                    .with_help(Message::new("e0404-no-score-help")),
                );
                error_expr(decl.id.span)
            }
        };
        meta.text = body.text;
        meta.note = body.note;
        meta.refs = body.refs;
        meta.evidence = body.evidence;
        meta.lots = self.clause_lots(file, body.lots.as_deref());
        if let Some(written) = decl.weight.as_ref().filter(|_| weight > Decimal::ZERO) {
            self.weights.entries.push(WeightEntry {
                file,
                span: written.span,
                weight,
                lots: meta.lots.clone(),
            });
        }
        self.record_literals(meta.origin, &decl.body);
        self.pack.criteria.push(CriterionDef {
            meta,
            weight,
            score,
            locals,
        });
    }

    /// The weight, reported unless it is in (0, 100]; zero when it is not usable.
    fn criterion_weight(&mut self, file: FileId, decl: &CriterionDecl) -> Decimal {
        let Some(weight) = &decl.weight else {
            self.report(
                Diagnostic::error(
                    Code::INVALID_WEIGHT,
                    Message::new("e0405-no-weight").with("id", &decl.id.name),
                )
                .with_primary(file, decl.id.span, Message::new("e0405-no-weight-label"))
                .with_help(Message::new("e0405-no-weight-help")),
            );
            self.weights.any_invalid = true;
            return Decimal::ZERO;
        };
        if weight.value <= Decimal::ZERO || weight.value > Decimal::ONE_HUNDRED {
            self.report(
                Diagnostic::error(
                    Code::INVALID_WEIGHT,
                    Message::new("e0405-weight-out-of-range")
                        .with("id", &decl.id.name)
                        .with("found", weight.value.normalize().to_string()),
                )
                .with_primary(file, weight.span, Message::new("e0405-out-of-range"))
                .with_help(Message::new("e0405-weight-help")),
            );
            self.weights.any_invalid = true;
            return Decimal::ZERO;
        }
        weight.value
    }

    fn check_score_type(&mut self, file: FileId, score: &TExpr) {
        if matches!(score.ty, Ty::Int | Ty::Number | Ty::Percent | Ty::Error) {
            return;
        }
        let found = self.ty_name(&score.ty);
        let help = match &score.ty {
            Ty::Bool => "e0306-bool-score-help",
            Ty::Money => "e0306-money-score-help",
            _ => "e0306-score-help",
        };
        self.report(
            Diagnostic::error(
                Code::SCORE_NOT_NUMERIC,
                Message::new("e0306-score-not-numeric").with("found", &found),
            )
            .with_primary(
                file,
                score.span,
                Message::new("e0306-this-is")
                    .with("type", &found)
                    .with("vowel", crate::params::starts_with_vowel(&found)),
            )
            .with_help(Message::new(help)),
        );
    }
}

/// Reads the lines of a clause body: each field where it belongs and at most once where
/// it must be. Every expression is typed, even a misplaced or repeated one, so that its
/// own errors are found in the same run; only the first of each is kept.
pub(crate) fn read_body(
    checker: &mut ExprChecker<'_, '_>,
    file: FileId,
    fields: &[ClauseField],
    kind: ClauseKind,
) -> Body {
    let mut body = Body::default();
    let mut first_seen: HashMap<FieldName, Span> = HashMap::new();
    for field in fields {
        let span = field_span(field);
        let name = match &field.kind {
            ClauseFieldKind::Level(_) => Some(FieldName::Level),
            ClauseFieldKind::Lots(_) => Some(FieldName::Lots),
            ClauseFieldKind::Text(_) => Some(FieldName::Text),
            ClauseFieldKind::Note(_) => Some(FieldName::Note),
            ClauseFieldKind::When(_) => Some(FieldName::When),
            ClauseFieldKind::Require(_) => Some(FieldName::Require),
            ClauseFieldKind::Score(_) => Some(FieldName::Score),
            ClauseFieldKind::Value(_) => Some(FieldName::Value),
            ClauseFieldKind::By(_) => Some(FieldName::By),
            ClauseFieldKind::Spend(_) => Some(FieldName::Spend),
            ClauseFieldKind::Ends(_) => Some(FieldName::Ends),
            ClauseFieldKind::Window(_) => Some(FieldName::Window),
            ClauseFieldKind::Alternatives(_) => Some(FieldName::Alternatives),
            ClauseFieldKind::NoEquivalent(_) => Some(FieldName::NoEquivalent),
            ClauseFieldKind::Ref(_) | ClauseFieldKind::Evidence(_) | ClauseFieldKind::Error => None,
        };
        let placed = name.is_none_or(|name| allowed(kind, name));
        if let Some(name) = name.filter(|_| !placed) {
            report_misplaced(checker, file, span, name, kind);
        }
        let repeated = match name {
            Some(name) if placed => match first_seen.get(&name) {
                Some(first) => {
                    let first = *first;
                    checker.report(
                        Diagnostic::error(
                            Code::REPEATED_CLAUSE_FIELD,
                            Message::new("e0402-given-twice").with("field", name.as_str()),
                        )
                        .with_primary(file, span, Message::new("e0402-given-again-here"))
                        .with_secondary(file, first, Message::new("e0402-first-given-here"))
                        .with_help(repeat_help(name)),
                    );
                    true
                }
                None => {
                    first_seen.insert(name, span);
                    false
                }
            },
            _ => false,
        };
        let keep = placed && !repeated;
        match &field.kind {
            ClauseFieldKind::Level(level) if keep => body.level = Some(*level),
            ClauseFieldKind::Lots(ids) if keep => body.lots = Some(ids.clone()),
            ClauseFieldKind::Text(text) => {
                // A repeated or misplaced text is checked too, and dropped.
                let text = checker.legal_text(text);
                if keep {
                    body.text = Some(text);
                }
            }
            ClauseFieldKind::Note(note) => {
                let note = checker.legal_text(note);
                if keep {
                    body.note = Some(note);
                }
            }
            ClauseFieldKind::Ref(text) => body.refs.push(text.value.clone()),
            ClauseFieldKind::NoEquivalent(reason) if keep => {
                body.no_equivalent = Some(NoEquivalent {
                    reason: reason.value.clone(),
                    span,
                });
            }
            ClauseFieldKind::NoEquivalent(_) => {}
            // An indicator or a risk asks no candidate for a document.
            ClauseFieldKind::Evidence(_)
                if matches!(kind, ClauseKind::Indicator | ClauseKind::Risk) =>
            {
                report_misplaced(checker, file, span, FieldName::Evidence, kind);
            }
            ClauseFieldKind::Evidence(evidence) => {
                body.evidence.push(evidence.label.value.clone());
                if let Some(path) = &evidence.document {
                    let proof = proof_kinds(checker, file, &evidence.proof);
                    let document = DocumentLine {
                        path,
                        label: &evidence.label.value,
                        proof,
                    };
                    read_document(checker, file, document, kind, &mut body);
                }
            }
            ClauseFieldKind::When(expr) => {
                // In a misplaced field, `lowest` is not reported on top of the field.
                checker.allow_aggregates(!placed);
                let typed = checker.check_condition(expr, ConditionOf::When);
                if keep {
                    body.when = Some(typed);
                }
            }
            ClauseFieldKind::Require(expr) => {
                checker.allow_aggregates(!placed);
                let typed = checker.check_condition(expr, ConditionOf::Require);
                if keep {
                    body.require = Some(typed);
                }
            }
            ClauseFieldKind::Score(expr) => {
                checker.allow_aggregates(true);
                let typed = checker.check(expr, None);
                if keep {
                    body.score = Some(typed);
                }
            }
            ClauseFieldKind::Value(expr) => {
                checker.allow_aggregates(false);
                // Only an indicator sums the whole inventory; a risk reads one entry.
                checker.read_inventory(kind == ClauseKind::Indicator);
                let typed = checker.check(expr, None);
                checker.read_inventory(false);
                if keep {
                    body.value = Some(typed);
                }
            }
            ClauseFieldKind::By(paths) => {
                checker.allow_aggregates(false);
                let typed = paths
                    .iter()
                    .map(|path| (checker.check_path(path), path.span))
                    .collect();
                if keep {
                    body.by = Some(typed);
                }
            }
            ClauseFieldKind::Spend(expr)
            | ClauseFieldKind::Ends(expr)
            | ClauseFieldKind::Window(expr)
            | ClauseFieldKind::Alternatives(expr) => {
                checker.allow_aggregates(false);
                let typed = checker.check(expr, None);
                let slot = match &field.kind {
                    ClauseFieldKind::Spend(_) => &mut body.spend,
                    ClauseFieldKind::Ends(_) => &mut body.ends,
                    ClauseFieldKind::Window(_) => &mut body.window,
                    _ => &mut body.alternatives,
                };
                if keep {
                    *slot = Some(typed);
                }
            }
            ClauseFieldKind::Level(_) | ClauseFieldKind::Lots(_) | ClauseFieldKind::Error => {}
        }
    }
    body
}

/// What an `evidence PATH [from KIND…] "label"` line says.
struct DocumentLine<'l> {
    path: &'l clausier_syntax::ast::Path,
    label: &'l str,
    proof: Vec<ProvenanceKind>,
}

/// The kinds of proof after `from`, each once, in the order written. A word that is no
/// kind of proof (`declared` among them: a declaration proves nothing) is E0327.
fn proof_kinds(
    checker: &mut ExprChecker<'_, '_>,
    file: FileId,
    words: &[clausier_syntax::ast::Ident],
) -> Vec<ProvenanceKind> {
    let mut kinds = Vec::new();
    for word in words {
        match ProvenanceKind::from_word(&word.name) {
            Some(kind) if kind.is_proof() => {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            found => {
                let known = lexicon::PROOF_KINDS.join(", ");
                let message = if found.is_some() {
                    Message::new("e0327-declared-is-no-proof")
                } else {
                    Message::new("e0327-unknown-proof-kind").with("word", &word.name)
                };
                let mut diagnostic = Diagnostic::error(Code::UNKNOWN_PROOF_KIND, message)
                    .with_primary(file, word.span, Message::new("e0327-not-a-proof-kind"))
                    .with_note(Message::new("e0327-kinds").with("kinds", known));
                if let Some(near) =
                    crate::did_you_mean(&word.name, lexicon::PROOF_KINDS.iter().copied())
                {
                    diagnostic =
                        diagnostic.with_help(Message::new("e0327-did-you-mean").with("kind", near));
                }
                checker.report(diagnostic);
            }
        }
    }
    kinds
}

/// A document an `evidence` line requires: only a requirement can require one, since
/// a missing document makes an offer incomplete, never a criterion's score.
fn read_document(
    checker: &mut ExprChecker<'_, '_>,
    file: FileId,
    line: DocumentLine<'_>,
    kind: ClauseKind,
    body: &mut Body,
) {
    let DocumentLine { path, label, proof } = line;
    if kind == ClauseKind::Criterion {
        checker.report(
            Diagnostic::error(
                Code::MISPLACED_CLAUSE_FIELD,
                Message::new("e0403-criterion-document"),
            )
            .with_primary(
                file,
                path.span,
                Message::new("e0403-criterion-document-label"),
            )
            .with_help(Message::new("e0403-criterion-document-help").with("label", label)),
        );
        return;
    }
    if let Some(field) = checker.document_field(path) {
        body.documents.push(RequiredDocument {
            label: label.to_owned(),
            field,
            proof,
            span: path.span,
        });
    }
}

fn repeat_help(name: FieldName) -> Message {
    let id = match name {
        FieldName::When | FieldName::Require => "e0402-keep-one-joined-help",
        FieldName::Level
        | FieldName::Lots
        | FieldName::Text
        | FieldName::Note
        | FieldName::Score
        | FieldName::Value
        | FieldName::By
        | FieldName::Spend
        | FieldName::Ends
        | FieldName::Window
        | FieldName::Alternatives
        | FieldName::Evidence
        | FieldName::NoEquivalent => "e0402-keep-one-help",
    };
    Message::new(id).with("field", name.as_str())
}

/// The line of a clause field from its keyword to the end of its value, without the
/// blank space the parser may count after an expression.
fn field_span(field: &ClauseField) -> Span {
    match &field.kind {
        ClauseFieldKind::When(expr)
        | ClauseFieldKind::Require(expr)
        | ClauseFieldKind::Score(expr)
        | ClauseFieldKind::Value(expr)
        | ClauseFieldKind::Spend(expr)
        | ClauseFieldKind::Ends(expr)
        | ClauseFieldKind::Window(expr)
        | ClauseFieldKind::Alternatives(expr)
            if field.span.start < expr.span.end && expr.span.end <= field.span.end =>
        {
            Span::new(field.span.start, expr.span.end)
        }
        ClauseFieldKind::By(paths) => match paths.last() {
            Some(last) if field.span.start < last.span.end && last.span.end <= field.span.end => {
                Span::new(field.span.start, last.span.end)
            }
            _ => field.span,
        },
        _ => field.span,
    }
}

fn allowed(kind: ClauseKind, name: FieldName) -> bool {
    match kind {
        ClauseKind::Requirement => matches!(
            name,
            FieldName::Level
                | FieldName::Lots
                | FieldName::Text
                | FieldName::Note
                | FieldName::When
                | FieldName::Require
                | FieldName::NoEquivalent
        ),
        ClauseKind::Criterion => {
            matches!(
                name,
                FieldName::Lots | FieldName::Text | FieldName::Note | FieldName::Score
            )
        }
        ClauseKind::Indicator => matches!(
            name,
            FieldName::Text | FieldName::Note | FieldName::Value | FieldName::By
        ),
        ClauseKind::Risk => matches!(
            name,
            FieldName::Text
                | FieldName::Note
                | FieldName::Value
                | FieldName::Spend
                | FieldName::Ends
                | FieldName::Window
                | FieldName::Alternatives
        ),
    }
}

fn report_misplaced(
    checker: &mut ExprChecker<'_, '_>,
    file: FileId,
    span: Span,
    name: FieldName,
    kind: ClauseKind,
) {
    let (message, help) = match (kind, name) {
        (ClauseKind::Requirement, _) => {
            ("e0403-not-allowed-in-requirement", "e0403-requirement-help")
        }
        (ClauseKind::Criterion, FieldName::Level) => (
            "e0403-not-allowed-in-criterion",
            "e0403-criterion-level-weight-help",
        ),
        (ClauseKind::Criterion, FieldName::NoEquivalent) => (
            "e0403-not-allowed-in-criterion",
            "e0403-criterion-no-equivalent-help",
        ),
        (ClauseKind::Criterion, _) => (
            "e0403-not-allowed-in-criterion",
            "e0403-criterion-conditions-help",
        ),
        (ClauseKind::Indicator, _) => ("e0403-not-allowed-in-indicator", "e0403-indicator-help"),
        (ClauseKind::Risk, _) => ("e0403-not-allowed-in-risk", "e0403-risk-help"),
    };
    checker.report(
        Diagnostic::error(
            Code::MISPLACED_CLAUSE_FIELD,
            Message::new(message).with("field", name.as_str()),
        )
        .with_primary(file, span, Message::new("e0403-not-allowed-here"))
        .with_help(Message::new(help)),
    );
}

/// Whether a clause body has a line the parser could not read (and has reported).
pub(crate) fn has_broken_line(body: &[ClauseField]) -> bool {
    body.iter()
        .any(|field| matches!(field.kind, ClauseFieldKind::Error))
}

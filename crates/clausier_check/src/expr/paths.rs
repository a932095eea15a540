//! What a path names, in order: a variable bound by an enclosing `all`, `any` or
//! `count`; a descriptor field; a parameter; `Enum.Variant`; a bare variant.

use clausier_diagnostics::{Code, Diagnostic, Fix, Message, Span};
use clausier_syntax::ast::{Expr, ExprKind, Ident, Path};
use clausier_syntax::lexicon;

use super::words::{self, a_ty, code, names_and};
use super::{ExprChecker, error_expr};
use crate::hir::{FieldRef, FieldRoot, FieldStep, LocalId, ParamId, Symbol, TExpr, TExprKind};
use crate::suggest::did_you_mean;
use crate::types::{EnumId, Ty};
use crate::value::Value;
use crate::weekdays;

/// What a path resolved to.
enum Target {
    Field(FieldRef, Ty),
    Local(LocalId, Ty),
    Param(ParamId, Ty),
    /// `horaires.ouverture`: a field of a record parameter.
    ParamField(ParamId, Vec<FieldStep>, Ty),
    Variant(EnumId, u32),
    /// Could not be resolved; the diagnostic was reported.
    Reported,
}

/// How many field names a "has the fields" note lists before it is no help.
const FIELDS_NOTE_MAX: usize = 12;

impl ExprChecker<'_, '_> {
    pub(super) fn path_expr(&mut self, path: &Path, expected: Option<&Ty>) -> TExpr {
        let span = path.span;
        if let Some(entries) = self.entries(path) {
            return entries;
        }
        match self.resolve_path(path, expected) {
            Target::Field(field, _) if self.field_of_no_entry(field.root, &field.text, span) => {
                error_expr(span)
            }
            Target::Field(field, ty) => TExpr {
                kind: TExprKind::Field(field),
                ty,
                span,
            },
            Target::Local(id, ty) => TExpr {
                kind: TExprKind::Local(id),
                ty,
                span,
            },
            Target::Param(id, ty) => TExpr {
                kind: TExprKind::Param(id),
                ty,
                span,
            },
            Target::ParamField(id, steps, ty) => TExpr {
                kind: TExprKind::ParamField(id, steps),
                ty,
                span,
            },
            Target::Variant(enum_id, index) => TExpr {
                kind: TExprKind::Const(Value::Enum(enum_id, index)),
                ty: Ty::Enum(enum_id),
                span,
            },
            Target::Reported => error_expr(span),
        }
    }

    pub(super) fn has(&mut self, path: &Path, span: Span) -> TExpr {
        let what = match self.resolve_path(path, None) {
            Target::Field(field, _) if self.field_of_no_entry(field.root, &field.text, span) => {
                return error_expr(span);
            }
            Target::Field(field, _) => {
                return TExpr {
                    kind: TExprKind::Has(field),
                    ty: Ty::Bool,
                    span,
                };
            }
            Target::Reported => return error_expr(span),
            Target::Local(..) => Message::new("e03-what-variable"),
            Target::Param(..) | Target::ParamField(..) => Message::new("e0310-what-param"),
            Target::Variant(..) => Message::new("e03-what-variant"),
        };
        self.cx.report(
            Diagnostic::error(
                Code::HAS_NEEDS_FIELD,
                Message::new("e0310-has-needs-field")
                    .with("path", path.dotted())
                    .with("what", what),
            )
            .with_primary(
                self.file,
                path.span,
                Message::new("e03-not-a-descriptor-field"),
            )
            .with_help(Message::new("e0310-has-needs-field-help")),
        );
        error_expr(span)
    }

    /// The descriptor field where an `evidence` line says the offer gives a document;
    /// `None` after reporting a path that names anything else.
    pub(crate) fn document_field(&mut self, path: &Path) -> Option<FieldRef> {
        let what = match self.resolve_path(path, None) {
            Target::Field(field, _) if field.root == FieldRoot::Descriptor => return Some(field),
            Target::Reported => return None,
            Target::Field(..) | Target::Local(..) => Message::new("e03-what-variable"),
            Target::Param(..) | Target::ParamField(..) => Message::new("e0410-what-param"),
            Target::Variant(..) => Message::new("e03-what-variant"),
        };
        self.cx.report(
            Diagnostic::error(
                Code::DOCUMENT_NOT_A_FIELD,
                Message::new("e0410-document-not-a-field")
                    .with("path", path.dotted())
                    .with("what", what),
            )
            .with_primary(
                self.file,
                path.span,
                Message::new("e03-not-a-descriptor-field"),
            )
            .with_help(Message::new("e0410-document-not-a-field-help")),
        );
        None
    }

    /// Whether `expr` is a name that only its expected type can resolve (a bare variant
    /// that is nothing else), or an empty list: such an operand is typed after the other.
    pub(super) fn needs_context(&self, expr: &Expr) -> bool {
        match &expr.kind {
            ExprKind::Paren(inner) => self.needs_context(inner),
            ExprKind::List(items) => items.first().is_none_or(|item| self.needs_context(item)),
            ExprKind::Path(path) => match path.segments.as_slice() {
                [only] => {
                    let name = only.name.as_str();
                    !self.is_bound(name)
                        && !self.is_descriptor_field(name)
                        && self.cx.params.get(name).is_none()
                        && (self.cx.variants_by_name.contains_key(name)
                            || lexicon::WEEKDAYS.contains(&name))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// How much a list item depends on the others to be typed: 0 for an item that types
    /// itself, 1 for a variant of a single enum, 2 for a bare name several enums share.
    pub(super) fn context_need(&self, expr: &Expr) -> u8 {
        if !self.needs_context(expr) {
            return 0;
        }
        match &expr.kind {
            ExprKind::Path(path) => match path.segments.as_slice() {
                [only]
                    if self
                        .cx
                        .variants_by_name
                        .get(only.name.as_str())
                        .is_some_and(|owners| owners.len() == 1) =>
                {
                    1
                }
                _ => 2,
            },
            _ => 2,
        }
    }

    fn is_bound(&self, name: &str) -> bool {
        self.scope.iter().any(|b| b.name == name)
    }

    fn is_descriptor_field(&self, name: &str) -> bool {
        self.cx
            .pack
            .schema
            .descriptor_record()
            .is_some_and(|r| r.field(name).is_some())
    }

    fn resolve_path(&mut self, path: &Path, expected: Option<&Ty>) -> Target {
        let Some(first) = path.segments.first() else {
            return Target::Reported;
        };
        if let Some(binding) = self.scope.iter().rev().find(|b| b.name == first.name) {
            let (id, ty, definition) = (binding.id, binding.ty.clone(), binding.span);
            self.cx.symbol(
                self.file,
                first.span,
                Symbol::Local {
                    clause: self.owner.clone(),
                    name: first.name.clone(),
                    definition,
                },
                false,
            );
            if path.segments.len() == 1 {
                return Target::Local(id, ty);
            }
            return self.walk_fields(path, FieldRoot::Local(id), ty, Vec::new());
        }
        let descriptor = self.cx.pack.schema.descriptor;
        if let Some((index, field)) = self
            .cx
            .pack
            .schema
            .descriptor_record()
            .and_then(|r| r.field(&first.name))
        {
            let ty = field.ty.clone();
            self.cx.symbol(
                self.file,
                first.span,
                Symbol::Field {
                    record: descriptor,
                    field: index,
                },
                false,
            );
            let steps = vec![FieldStep {
                record: descriptor,
                field: index,
            }];
            return self.walk_fields(path, FieldRoot::Descriptor, ty, steps);
        }
        if let Some(id) = self.cx.params.get(&first.name) {
            let ty = self
                .cx
                .pack
                .params
                .get(id.0 as usize)
                .map_or(Ty::Error, |p| p.ty.clone());
            self.cx
                .symbol(self.file, first.span, Symbol::Param(id), false);
            if let Some(state) = self.cx.params.state_mut(id) {
                state.used = true;
            }
            if path.segments.len() == 1 {
                return Target::Param(id, ty);
            }
            // A field of a record parameter: the same walk as a variable's fields.
            return match self.walk_fields(path, FieldRoot::Descriptor, ty, Vec::new()) {
                Target::Field(field, ty) => Target::ParamField(id, field.steps, ty),
                other => other,
            };
        }
        self.cx.declare_weekday_for(&first.name);
        if let Some((enum_id, _)) = self.cx.pack.schema.enum_by_name(&first.name) {
            self.cx
                .symbol(self.file, first.span, Symbol::Enum(enum_id), false);
            return self.qualified_variant(path, enum_id);
        }
        if let Some(target) = self.bare_variant(first, expected) {
            if let Some(second) = path.segments.get(1) {
                if let Target::Variant(enum_id, _) = target {
                    self.report_not_a_record(&path.segments[..1], second, &Ty::Enum(enum_id));
                }
                return Target::Reported;
            }
            return target;
        }
        let bare = path.segments.len() == 1;
        self.report_unknown_name(first, expected.filter(|_| bare));
        Target::Reported
    }

    /// `Region.EU`.
    fn qualified_variant(&mut self, path: &Path, enum_id: EnumId) -> Target {
        let Some(def) = self.cx.pack.schema.enum_def(enum_id) else {
            return Target::Reported;
        };
        let enum_name = def.name.clone();
        let Some(variant) = path.segments.get(1) else {
            let example = def.variants.first().map_or("…", |v| v.name.as_str());
            self.cx.report(
                Diagnostic::error(
                    Code::UNKNOWN_NAME,
                    Message::new("e0203-enum-not-a-value").with("enum", &enum_name),
                )
                .with_primary(
                    self.file,
                    path.span,
                    Message::new("e0203-enum-not-a-value-label"),
                )
                .with_help(
                    Message::new("e0203-enum-not-a-value-help")
                        .with("enum", &enum_name)
                        .with("example", example),
                ),
            );
            return Target::Reported;
        };
        let Some(index) = def.variant_index(&variant.name) else {
            self.report_unknown_variant(variant, enum_id);
            return Target::Reported;
        };
        self.cx.symbol(
            self.file,
            variant.span,
            Symbol::Variant { enum_id, index },
            false,
        );
        if let Some(third) = path.segments.get(2) {
            self.report_not_a_record(&path.segments[..2], third, &Ty::Enum(enum_id));
            return Target::Reported;
        }
        Target::Variant(enum_id, index)
    }

    /// `EU`: the expected enum's variant, else the only enum's that has one of that
    /// name. `None` when no enum has it.
    fn bare_variant(&mut self, name: &Ident, expected: Option<&Ty>) -> Option<Target> {
        let owners = self.cx.variants_by_name.get(&name.name)?.clone();
        let expected_owner = match expected {
            Some(Ty::Enum(wanted)) => owners.iter().find(|(id, _)| id == wanted).copied(),
            _ => None,
        };
        let only_owner = match owners.as_slice() {
            [only] => Some(*only),
            _ => None,
        };
        let chosen = expected_owner.or(only_owner);
        let Some((enum_id, index)) = chosen else {
            let enums: Vec<String> = owners
                .iter()
                .filter_map(|(id, _)| self.cx.pack.schema.enum_def(*id).map(|d| d.name.clone()))
                .collect();
            let qualified: Vec<String> =
                enums.iter().map(|e| format!("{e}.{}", name.name)).collect();
            let mut diagnostic = Diagnostic::error(
                Code::AMBIGUOUS_VARIANT,
                Message::new("e0209-ambiguous-variant")
                    .with("variant", &name.name)
                    .with("enums", names_and(&enums)),
            )
            .with_primary(
                self.file,
                name.span,
                Message::new("e0209-ambiguous-variant-label"),
            )
            .with_help(Message::new("e0209-ambiguous-variant-help").with(
                "choices",
                qualified.iter().map(|q| code(q)).collect::<Vec<_>>(),
            ));
            for q in &qualified {
                diagnostic = diagnostic.with_fix(Fix {
                    title: Message::new("e02-fix-write").with("name", q),
                    edits: vec![(self.file, name.span, q.clone())],
                });
            }
            self.cx.report(diagnostic);
            return Some(Target::Reported);
        };
        self.cx.symbol(
            self.file,
            name.span,
            Symbol::Variant { enum_id, index },
            false,
        );
        Some(Target::Variant(enum_id, index))
    }

    /// Follows `path.segments[steps.len()..]` (or from 1 for a variable) through records.
    fn walk_fields(
        &mut self,
        path: &Path,
        root: FieldRoot,
        mut ty: Ty,
        mut steps: Vec<FieldStep>,
    ) -> Target {
        for (position, segment) in path.segments.iter().enumerate().skip(1) {
            let record_id = match &ty {
                Ty::Record(id) => *id,
                Ty::Error => return Target::Reported,
                other => {
                    let other = other.clone();
                    self.report_not_a_record(&path.segments[..position], segment, &other);
                    return Target::Reported;
                }
            };
            let found = self
                .cx
                .pack
                .schema
                .record(record_id)
                .and_then(|r| r.field(&segment.name))
                .map(|(index, def)| (index, def.ty.clone()));
            let Some((index, field_ty)) = found else {
                self.report_unknown_field(&path.segments[..position], segment, record_id);
                return Target::Reported;
            };
            self.cx.symbol(
                self.file,
                segment.span,
                Symbol::Field {
                    record: record_id,
                    field: index,
                },
                false,
            );
            steps.push(FieldStep {
                record: record_id,
                field: index,
            });
            ty = field_ty;
        }
        Target::Field(
            FieldRef {
                root,
                steps,
                text: path.dotted(),
            },
            ty,
        )
    }

    fn report_unknown_field(
        &mut self,
        prefix: &[Ident],
        segment: &Ident,
        record_id: crate::types::RecordId,
    ) {
        let owner = dotted(prefix);
        let fields: Vec<String> = self
            .cx
            .pack
            .schema
            .record(record_id)
            .map(|r| r.fields.keys().cloned().collect())
            .unwrap_or_default();
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_FIELD,
            Message::new("e0201-unknown-field")
                .with("field", &segment.name)
                .with("owner", &owner),
        )
        .with_primary(
            self.file,
            segment.span,
            Message::new("e0201-unknown-field-label").with("owner", &owner),
        );
        match did_you_mean(&segment.name, fields.iter().map(String::as_str)) {
            Some(best) => {
                diagnostic = diagnostic
                    .with_help(words::did_you_mean(best))
                    .with_fix(replace(self.file, segment.span, best));
            }
            None if !fields.is_empty() && fields.len() <= FIELDS_NOTE_MAX => {
                diagnostic = diagnostic.with_note(
                    Message::new("e0201-has-the-fields")
                        .with("owner", &owner)
                        .with("fields", names_and(&fields)),
                );
            }
            None => {}
        }
        self.cx.report(diagnostic);
    }

    /// `subprocessors.region`, `max_price.amount`, `hosting.region.code`.
    fn report_not_a_record(&mut self, prefix: &[Ident], segment: &Ident, ty: &Ty) {
        let owner = dotted(prefix);
        let ty_name = self.cx.ty_name(ty);
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_FIELD,
            Message::new("e0201-not-a-record")
                .with("owner", &owner)
                .with("a_ty", a_ty(&ty_name))
                .with("field", &segment.name),
        );
        if let Ty::List(_) | Ty::Set(_) = ty {
            let kind = if matches!(ty, Ty::Set(_)) {
                "set"
            } else {
                "list"
            };
            diagnostic = diagnostic
                .with_primary(
                    self.file,
                    segment.span,
                    Message::new("e0201-collection-has-no-fields").with("kind", kind),
                )
                .with_help(
                    Message::new("e0201-collection-has-no-fields-help")
                        .with("owner", &owner)
                        .with("field", &segment.name)
                        .with("kind", kind),
                );
        } else {
            diagnostic = diagnostic.with_primary(
                self.file,
                segment.span,
                Message::new("e0201-only-records-have-fields"),
            );
        }
        self.cx.report(diagnostic);
    }

    fn report_unknown_variant(&mut self, variant: &Ident, enum_id: EnumId) {
        let names = self.cx.variant_names(enum_id);
        let enum_name = self
            .cx
            .pack
            .schema
            .enum_def(enum_id)
            .map_or_else(String::new, |d| d.name.clone());
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_VARIANT,
            Message::new("e0202-unknown-variant")
                .with("variant", &variant.name)
                .with("enum", &enum_name),
        )
        .with_primary(
            self.file,
            variant.span,
            Message::new("e0202-unknown-variant-label").with("enum", &enum_name),
        );
        let english_day = self
            .cx
            .is_weekday_enum(enum_id)
            .then(|| weekdays::french_day(&variant.name))
            .flatten();
        if let Some(best) =
            english_day.or_else(|| did_you_mean(&variant.name, names.iter().map(String::as_str)))
        {
            diagnostic = diagnostic
                .with_help(words::did_you_mean(best))
                .with_fix(replace(self.file, variant.span, best));
        }
        if let Some(note) = self.cx.variants_note(enum_id) {
            diagnostic = diagnostic.with_note(note);
        }
        self.cx.report(diagnostic);
    }

    /// A first segment that names nothing. Where an enum is expected of a bare name, a
    /// near miss of one of its variants is an unknown variant.
    fn report_unknown_name(&mut self, name: &Ident, expected: Option<&Ty>) {
        if let Some(Ty::Enum(enum_id)) = expected {
            let names = self.cx.variant_names(*enum_id);
            let near_variant = did_you_mean(&name.name, names.iter().map(String::as_str)).is_some();
            if near_variant || self.name_suggestion(&name.name).is_none() {
                self.report_unknown_variant(name, *enum_id);
                return;
            }
        }
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_NAME,
            Message::new("e0203-unknown-name").with("name", &name.name),
        )
        .with_primary(
            self.file,
            name.span,
            Message::new("e0203-unknown-name-label"),
        );
        let suggestion = self.name_suggestion(&name.name);
        // A misspelt parameter is used, as far as `W0501` is concerned: the error
        // already says what to fix.
        if let Some(id) = suggestion
            .as_deref()
            .and_then(|best| self.cx.params.get(best))
            && let Some(state) = self.cx.params.state_mut(id)
        {
            state.used = true;
        }
        match suggestion {
            Some(best) => {
                diagnostic = diagnostic
                    .with_help(words::did_you_mean(&best))
                    .with_fix(replace(self.file, name.span, &best));
            }
            None => {
                diagnostic = diagnostic.with_help(Message::new("e0203-unknown-name-help"));
            }
        }
        self.cx.report(diagnostic);
    }

    /// The nearest name a path could start with, in the order names resolve.
    fn name_suggestion(&self, name: &str) -> Option<String> {
        let mut candidates: Vec<&str> = self.scope.iter().rev().map(|b| b.name.as_str()).collect();
        if let Some(record) = self.cx.pack.schema.descriptor_record() {
            candidates.extend(record.fields.keys().map(String::as_str));
        }
        let pack = self.cx.pack_name;
        candidates.extend(
            self.cx
                .pack
                .params
                .iter()
                .filter(|p| p.pack == pack)
                .map(|p| p.name.as_str()),
        );
        candidates.extend(self.cx.pack.schema.enums.iter().map(|e| e.name.as_str()));
        for def in &self.cx.pack.schema.enums {
            candidates.extend(def.variants.iter().map(|v| v.name.as_str()));
        }
        did_you_mean(name, candidates).map(str::to_owned)
    }
}

fn dotted(segments: &[Ident]) -> String {
    let names: Vec<&str> = segments.iter().map(|s| s.name.as_str()).collect();
    names.join(".")
}

fn replace(file: clausier_diagnostics::FileId, span: Span, with: &str) -> Fix {
    Fix {
        title: Message::new("e02-fix-replace").with("name", with),
        edits: vec![(file, span, with.to_owned())],
    }
}

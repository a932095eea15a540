//! Parameters: `param NAME: TYPE = VALUE`, where the value is a constant of the type or
//! is computed from other parameters of the pack (`contract_start + 4 years`).
//!
//! Every parameter is declared before any value is checked, so that a value may name a
//! parameter declared after it; values are then computed in the order of their
//! dependencies (`derived`).

use clausier_diagnostics::{Code, Diagnostic, FileId, Message, Span};
use clausier_syntax::ast::{ItemKind, ParamDecl, SourceFileAst};

use crate::expr::ExprChecker;
use crate::expr::words::unit_help;
use crate::fold::{Folder, fold_error_reason};
use crate::hir::{FieldRoot, ParamDef, ParamId, Symbol, TExpr, TExprKind};
use crate::types::{Origin, Ty};
use crate::value::Value;
use crate::wording::example_literal;
use crate::{Checker, ParamState};

impl<'a> Checker<'a> {
    pub(crate) fn check_params(&mut self, files: &[(FileId, &'a SourceFileAst)]) {
        let mut declared: Vec<(Option<ParamId>, FileId, &ParamDecl, Ty)> = Vec::new();
        for (file, ast) in files {
            for item in &ast.items {
                if let ItemKind::Param(decl) = &item.kind {
                    let ty = self.resolve_type(*file, &decl.ty, None);
                    let id = self.declare_param(*file, &item.docs.text, decl, &ty);
                    declared.push((id, *file, decl, ty));
                }
            }
        }
        let mut values = Vec::new();
        for (id, file, decl, ty) in declared {
            let declared_at = Origin {
                file,
                span: decl.ty.span,
            };
            let typed = self.typed_constant(
                file,
                &decl.name.name,
                &decl.value,
                &ty,
                declared_at,
                Reads::Parameters,
            );
            if let (Some(id), Some(typed)) = (id, typed) {
                values.push(crate::derived::ParamValue { id, file, typed });
            }
        }
        self.compute_param_values(values);
    }

    /// Registers the parameter's name; `None` for a second parameter of the same name.
    fn declare_param(
        &mut self,
        file: FileId,
        docs: &str,
        decl: &ParamDecl,
        ty: &Ty,
    ) -> Option<ParamId> {
        let name = &decl.name;
        if let Some(first) = self.params.get(&name.name) {
            if let Some(origin) = self.pack.params.get(first.0 as usize).map(|p| p.origin) {
                self.report(
                    Diagnostic::error(
                        Code::DUPLICATE_DEFINITION,
                        Message::new("e0206-param-twice").with("name", &name.name),
                    )
                    .with_primary(file, name.span, Message::new("e0206-declared-again-here"))
                    .with_secondary(
                        origin.file,
                        origin.span,
                        Message::new("e0206-first-declared-here"),
                    )
                    .with_help(Message::new("e0206-param-twice-help")),
                );
            }
            return None;
        }
        let shadowed = self
            .pack
            .schema
            .descriptor_record()
            .and_then(|r| r.field(&name.name))
            .map(|(_, field)| field.origin);
        if let Some(field) = shadowed {
            self.report(
                Diagnostic::error(
                    Code::PARAM_SHADOWS_FIELD,
                    Message::new("e0208-shadows-field").with("name", &name.name),
                )
                .with_primary(file, name.span, Message::new("e0208-shadows-field-label"))
                .with_secondary(
                    field.file,
                    field.span,
                    Message::new("e0208-field-declared-here"),
                )
                .with_help(Message::new("e0208-shadows-field-help").with("name", &name.name)),
            );
        }
        let id = ParamId(u32::try_from(self.pack.params.len()).unwrap_or(u32::MAX));
        self.pack.params.push(ParamDef {
            name: name.name.clone(),
            ty: ty.clone(),
            value: placeholder_value(ty),
            default: placeholder_value(ty),
            docs: docs.to_owned(),
            origin: Origin {
                file,
                span: name.span,
            },
            pack: self.pack_name.to_owned(),
            set_in: None,
            derivation: None,
            computed_from: Vec::new(),
        });
        self.params.insert(name.name.clone(), id);
        self.params.states.push(ParamState {
            used: false,
            value_known: false,
            lint_unused: shadowed.is_none(),
        });
        self.symbol(file, name.span, Symbol::Param(id), true);
        Some(id)
    }

    /// Types and folds the value of the parameter `name` (as messages name it), written
    /// in `file`, against the type declared at `declared`; `None` when it is not a
    /// constant of that type (reported). An override's value names no parameter.
    pub(crate) fn constant_value(
        &mut self,
        file: FileId,
        name: &str,
        value: &clausier_syntax::ast::Expr,
        ty: &Ty,
        declared: Origin,
    ) -> Option<Value> {
        let typed = self.typed_constant(file, name, value, ty, declared, Reads::Nothing)?;
        self.fold_param_value(file, name, &typed)
    }

    /// Folds a typed parameter value with the parameters known so far; `None` when it
    /// has no value (reported).
    pub(crate) fn fold_param_value(
        &mut self,
        file: FileId,
        name: &str,
        typed: &TExpr,
    ) -> Option<Value> {
        let known: Vec<bool> = self.params.states.iter().map(|s| s.value_known).collect();
        let folder = Folder::new(&self.pack.params, &known);
        match folder.fold(typed) {
            Ok(value) => Some(value),
            Err(error) => {
                self.report(
                    Diagnostic::error(
                        Code::PARAM_VALUE,
                        Message::new("e0309-cannot-be-computed").with("name", name),
                    )
                    .with_primary(file, typed.span, fold_error_reason(error))
                    .with_help(Message::new("e0309-write-the-value")),
                );
                None
            }
        }
    }

    /// Types the value of the parameter `name` against its declared type; `None` when
    /// it reads what is not known before the offers are, or is of another type
    /// (reported).
    fn typed_constant(
        &mut self,
        file: FileId,
        name: &str,
        value: &clausier_syntax::ast::Expr,
        ty: &Ty,
        declared: Origin,
        reads: Reads,
    ) -> Option<TExpr> {
        // A table is typed by the declared type alone: with that type in error, there is
        // nothing more to say of it.
        if *ty == Ty::Error && matches!(value.kind, clausier_syntax::ast::ExprKind::Table(_)) {
            return None;
        }
        let known_ty = (*ty != Ty::Error).then_some(ty);
        let typed = ExprChecker::new(self, file, name).check(value, known_ty);
        if *ty == Ty::Error || crate::fold::has_error(&typed) {
            return None;
        }
        if let Some((span, reason)) = first_non_constant(self, &typed, reads) {
            let example = example_literal(&self.pack.schema, ty);
            self.report(
                Diagnostic::error(
                    Code::PARAM_VALUE,
                    Message::new("e0309-not-constant").with("name", name),
                )
                .with_primary(file, span, reason)
                .with_help(Message::new("e0309-write-the-value-such-as").with("example", example)),
            );
            return None;
        }
        if !assignable(&typed.ty, ty) {
            let (want, found) = (self.ty_name(ty), self.ty_name(&typed.ty));
            let mut diagnostic = Diagnostic::error(
                Code::PARAM_VALUE,
                Message::new("e0309-wrong-type")
                    .with("name", name)
                    .with("want", &want)
                    .with("found", &found)
                    .with("vowel", starts_with_vowel(&found)),
            )
            .with_primary(
                file,
                typed.span,
                Message::new("e0306-this-is")
                    .with("type", &found)
                    .with("vowel", starts_with_vowel(&found)),
            )
            .with_secondary(
                declared.file,
                declared.span,
                Message::new("e0309-declared-here").with("type", &want),
            );
            if let Some(help) = unit_help(&self.pack.schema, &typed, ty, "value") {
                diagnostic = diagnostic.with_help(help);
            } else {
                let example = example_literal(&self.pack.schema, ty);
                diagnostic = diagnostic.with_help(
                    Message::new("e0309-write-a-type-such-as")
                        .with("type", &want)
                        .with("vowel", starts_with_vowel(&want))
                        .with("example", example),
                );
            }
            self.report(diagnostic);
            return None;
        }
        Some(typed)
    }
}

/// What a parameter's value may read besides literals.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reads {
    /// A declaration may compute its value from the pack's other parameters.
    Parameters,
    /// An override gives a value: it is a constant.
    Nothing,
}

/// The first part of a parameter's value, in source order, that is not known before an
/// offer is checked, with why.
fn first_non_constant(cx: &Checker<'_>, expr: &TExpr, reads: Reads) -> Option<(Span, Message)> {
    let mut found = None;
    crate::fold::walk(expr, &mut |node| {
        if found.is_some() {
            return false;
        }
        let reason = match &node.kind {
            TExprKind::Field(field) if field.root == FieldRoot::Descriptor => {
                Some(Message::new("e0309-reads-descriptor-field").with("field", &field.text))
            }
            TExprKind::Param(_) | TExprKind::ParamField(..) if reads == Reads::Parameters => None,
            TExprKind::Param(id) | TExprKind::ParamField(id, _) => Some(
                Message::new("e0309-reads-another-param").with(
                    "name",
                    cx.pack
                        .params
                        .get(id.0 as usize)
                        .map_or("…", |p| p.name.as_str()),
                ),
            ),
            TExprKind::Today => Some(Message::new("e0309-reads-today")),
            TExprKind::Has(_) => Some(Message::new("e0309-reads-has")),
            _ => None,
        };
        match reason {
            Some(reason) => {
                found = Some((node.span, reason));
                false
            }
            None => true,
        }
    });
    found
}

/// `yes` when a type's name takes "an" in English (`an int`), for the messages that
/// choose their article.
pub(crate) fn starts_with_vowel(type_name: &str) -> &'static str {
    let vowel = type_name
        .chars()
        .next()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u'));
    if vowel { "yes" } else { "no" }
}

/// Whether a value of type `found` may stand where `wanted` is declared: the same type,
/// with `int` widening to `number`, inside lists and sets too.
pub(crate) fn assignable(found: &Ty, wanted: &Ty) -> bool {
    match (found, wanted) {
        (Ty::Int, Ty::Number) => true,
        (Ty::List(f), Ty::List(w)) | (Ty::Set(f), Ty::Set(w)) => assignable(f, w),
        (Ty::Map(fk, fv), Ty::Map(wk, wv)) => fk == wk && assignable(fv, wv),
        _ => found == wanted,
    }
}

/// A value of the type for a parameter whose own value is wrong. The pack has an error
/// then, so it is never evaluated; the language server still sees the parameter.
fn placeholder_value(ty: &Ty) -> Value {
    use rust_decimal::Decimal;
    match ty {
        Ty::Int | Ty::Number => Value::Number(Decimal::ZERO),
        Ty::Percent => Value::Percent(Decimal::ZERO),
        Ty::Money => Value::Money(Decimal::ZERO),
        Ty::Date => Value::Date(jiff::civil::Date::ZERO),
        Ty::Time => Value::Time(jiff::civil::Time::midnight()),
        Ty::DateTime => Value::DateTime(jiff::civil::DateTime::ZERO),
        Ty::Duration => Value::Duration(crate::value::Duration::default()),
        Ty::String => Value::String("".into()),
        Ty::Enum(id) => Value::Enum(*id, 0),
        Ty::List(_) | Ty::Set(_) => Value::List(Vec::new().into()),
        Ty::Map(..) => Value::Map(Vec::new().into()),
        Ty::Record(_) => Value::Record(Default::default()),
        Ty::Bool | Ty::Error => Value::Bool(false),
    }
}

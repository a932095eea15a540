//! Tables: `{ "IDO": [sso], "UAI": [] }` for a `map<K, V>` and `{ name: "Acme" }` for a
//! record, typed by the type they stand for (a parameter's declared type), and `m[k]`,
//! the entry of a map.
//!
//! A table is a constant, folded where it is written: a parameter's value, which a
//! depending pack may override whole.

use clausier_diagnostics::{Code, Diagnostic, Message, Span};
use clausier_syntax::ast::{Expr, TableEntry, TableKey};

use super::words::{self, this_is};
use super::{ExprChecker, error_expr};
use crate::fold::Folder;
use crate::hir::{TExpr, TExprKind};
use crate::suggest::did_you_mean;
use crate::types::{RecordId, Ty};
use crate::value::{Record, Value};

impl ExprChecker<'_, '_> {
    pub(super) fn table(
        &mut self,
        entries: &[TableEntry],
        expected: Option<&Ty>,
        span: Span,
    ) -> TExpr {
        match expected {
            Some(Ty::Map(key, value)) => self.map_table(entries, key, value, span),
            Some(Ty::Record(id)) => self.record_table(entries, *id, span),
            Some(Ty::Error) => error_expr(span),
            _ => {
                let found = expected.map(|ty| self.cx.ty_name(ty));
                let label = match &found {
                    Some(found) => Message::new("e0321-type-expected-here").with("expected", found),
                    None => Message::new("e0321-no-table-expected-here"),
                };
                self.report(
                    Diagnostic::error(
                        Code::TABLE_LITERAL,
                        Message::new("e0321-table-not-expected"),
                    )
                    .with_primary(self.file, span, label)
                    .with_help(Message::new("e0321-table-not-expected-help")),
                );
                error_expr(span)
            }
        }
    }

    fn map_table(
        &mut self,
        entries: &[TableEntry],
        key_ty: &Ty,
        value_ty: &Ty,
        span: Span,
    ) -> TExpr {
        let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(entries.len());
        let mut failed = false;
        let mut seen: Vec<(String, Span)> = Vec::new();
        for entry in entries {
            let key_span = entry.key.span();
            let Some(key) = self.map_key(&entry.key, key_ty) else {
                failed = true;
                continue;
            };
            if let Some((_, first)) = seen.iter().find(|(text, _)| text == entry.key.text()) {
                self.report(
                    Diagnostic::error(
                        Code::DUPLICATE_DEFINITION,
                        Message::new("e0206-key-twice").with("key", entry.key.text()),
                    )
                    .with_primary(self.file, key_span, Message::new("e0206-given-again-here"))
                    .with_secondary(self.file, *first, Message::new("e0206-first-given-here"))
                    .with_help(Message::new("e0206-key-twice-help")),
                );
                failed = true;
                continue;
            }
            seen.push((entry.key.text().to_owned(), key_span));
            match self.entry_value(&entry.value, value_ty) {
                Some(value) => pairs.push((key, value)),
                None => failed = true,
            }
        }
        if failed {
            return error_expr(span);
        }
        TExpr {
            kind: TExprKind::Const(Value::Map(pairs.into())),
            ty: Ty::Map(Box::new(key_ty.clone()), Box::new(value_ty.clone())),
            span,
        }
    }

    /// A key of a map: a string for `map<string, …>`, a variant (bare or as a string) for
    /// a map keyed by an enum.
    fn map_key(&mut self, key: &TableKey, key_ty: &Ty) -> Option<Value> {
        match key_ty {
            Ty::String => Some(Value::String(key.text().into())),
            Ty::Enum(id) => {
                let def = self.cx.pack.schema.enum_def(*id)?;
                if let Some(index) = def.variant_index(key.text()) {
                    return Some(Value::Enum(*id, index));
                }
                let names: Vec<&str> = def.variants.iter().map(|v| v.name.as_str()).collect();
                let mut diagnostic = Diagnostic::error(
                    Code::UNKNOWN_VARIANT,
                    Message::new("e0202-not-a-variant")
                        .with("key", key.text())
                        .with("enum", &def.name),
                )
                .with_primary(
                    self.file,
                    key.span(),
                    Message::new("e0202-key-is-a-variant"),
                );
                diagnostic = match did_you_mean(key.text(), names.iter().copied()) {
                    Some(best) => diagnostic.with_help(words::did_you_mean(best)),
                    None => diagnostic.with_help(
                        Message::new("e0202-the-variants-are").with("variants", names.join(", ")),
                    ),
                };
                self.report(diagnostic);
                None
            }
            _ => None,
        }
    }

    fn record_table(&mut self, entries: &[TableEntry], id: RecordId, span: Span) -> TExpr {
        let Some(def) = self.cx.pack.schema.record(id).cloned() else {
            return error_expr(span);
        };
        let mut fields: Vec<Option<Value>> = vec![None; def.fields.len()];
        let mut failed = false;
        for entry in entries {
            let name = entry.key.text();
            let Some((index, field)) = def.field(name) else {
                let names: Vec<&str> = def.fields.keys().map(String::as_str).collect();
                let mut diagnostic = Diagnostic::error(
                    Code::UNKNOWN_FIELD,
                    Message::new("e0201-unknown-record-field").with("field", name),
                )
                .with_primary(
                    self.file,
                    entry.key.span(),
                    Message::new("e0201-record-has-no-such-field"),
                );
                diagnostic = match did_you_mean(name, names.iter().copied()) {
                    Some(best) => diagnostic.with_help(words::did_you_mean(best)),
                    None => diagnostic.with_help(
                        Message::new("e0201-its-fields-are").with("fields", names.join(", ")),
                    ),
                };
                self.report(diagnostic);
                failed = true;
                continue;
            };
            let slot = fields.get_mut(index as usize);
            match (self.entry_value(&entry.value, &field.ty), slot) {
                (Some(value), Some(slot)) if slot.is_none() => *slot = Some(value),
                (Some(_), Some(_)) => {
                    self.report(
                        Diagnostic::error(
                            Code::DUPLICATE_DEFINITION,
                            Message::new("e0206-record-field-twice").with("field", name),
                        )
                        .with_primary(
                            self.file,
                            entry.key.span(),
                            Message::new("e0206-given-again-here"),
                        )
                        .with_help(Message::new("e0206-field-twice-help")),
                    );
                    failed = true;
                }
                _ => failed = true,
            }
        }
        let absent: Vec<&str> = def
            .fields
            .keys()
            .zip(&fields)
            .filter(|(_, value)| value.is_none())
            .map(|(name, _)| name.as_str())
            .collect();
        if !failed && !absent.is_empty() {
            self.report(
                Diagnostic::error(
                    Code::TABLE_LITERAL,
                    Message::new("e0321-record-lacks").with("fields", quoted(&absent)),
                )
                .with_primary(self.file, span, Message::new("e0321-record-lacks-label"))
                .with_help(
                    Message::new("e0321-record-lacks-help").with("fields", absent.join(": …, ")),
                ),
            );
            failed = true;
        }
        if failed {
            return error_expr(span);
        }
        let record = Record {
            fields: fields.into_boxed_slice(),
            def: id,
        };
        TExpr {
            kind: TExprKind::Const(Value::Record(record.into())),
            ty: Ty::Record(id),
            span,
        }
    }

    /// The value of one entry: of the type the table gives it, and a constant.
    fn entry_value(&mut self, value: &Expr, ty: &Ty) -> Option<Value> {
        let typed = self.check(value, Some(ty));
        if typed.ty == Ty::Error {
            return None;
        }
        if !crate::params::assignable(&typed.ty, ty) {
            let (want, found) = (self.cx.ty_name(ty), self.cx.ty_name(&typed.ty));
            self.report(
                Diagnostic::error(
                    Code::TYPE_MISMATCH,
                    Message::new("e0301-expected-found")
                        .with("expected", &want)
                        .with("found", &found),
                )
                .with_primary(self.file, typed.span, this_is(&found))
                .with_help(Message::new("e0301-table-value-help").with("expected", &want)),
            );
            return None;
        }
        match Folder::new(&self.cx.pack.params, &[]).fold(&typed) {
            Ok(value) => Some(value),
            Err(_) => {
                self.report(
                    Diagnostic::error(Code::TABLE_LITERAL, Message::new("e0321-value-computed"))
                        .with_primary(
                            self.file,
                            typed.span,
                            Message::new("e0321-value-computed-label"),
                        )
                        .with_help(Message::new("e0321-value-computed-help")),
                );
                None
            }
        }
    }

    /// `m[k]`: the entry of a map, unknown when the map has no such key.
    pub(super) fn index(&mut self, table: &Expr, key: &Expr, span: Span) -> TExpr {
        let typed_table = self.check(table, None);
        let (key_ty, value_ty) = match &typed_table.ty {
            Ty::Map(key_ty, value_ty) => ((**key_ty).clone(), (**value_ty).clone()),
            Ty::Error => {
                self.check(key, None);
                return error_expr(span);
            }
            other => {
                let found = self.cx.ty_name(other);
                self.check(key, None);
                self.report(
                    Diagnostic::error(
                        Code::INDEX_NOT_A_MAP,
                        Message::new("e0322-index-not-a-map").with("found", &found),
                    )
                    .with_primary(self.file, typed_table.span, this_is(&found))
                    .with_help(Message::new("e0322-index-not-a-map-help")),
                );
                return error_expr(span);
            }
        };
        let typed_key = self.check(key, Some(&key_ty));
        if typed_key.ty != Ty::Error && typed_key.ty != key_ty {
            let (want, found) = (self.cx.ty_name(&key_ty), self.cx.ty_name(&typed_key.ty));
            self.report(
                Diagnostic::error(
                    Code::TYPE_MISMATCH,
                    Message::new("e0301-expected-key-found")
                        .with("expected", &want)
                        .with("found", &found),
                )
                .with_primary(self.file, typed_key.span, this_is(&found))
                .with_help(Message::new("e0301-map-key-help").with("expected", &want)),
            );
            return error_expr(span);
        }
        if typed_key.ty == Ty::Error {
            return error_expr(span);
        }
        TExpr {
            kind: TExprKind::Index(Box::new(typed_table), Box::new(typed_key)),
            ty: value_ty,
            span,
        }
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

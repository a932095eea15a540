//! The schema pass: enums, named types and the merged descriptor.
//!
//! Names are declared first (every file, in order), so that a type may be used before it
//! is declared; named types are then resolved on demand, which finds recursion as a
//! name met again while it is being resolved.

use std::collections::HashMap;

use clausier_diagnostics::{Code, Diagnostic, FileId, Fix, Message, Span};
use clausier_syntax::ast::{FieldDecl, ItemKind, SourceFileAst, TypeDecl, TypeExpr, TypeExprKind};
use clausier_syntax::lexicon;

use crate::Checker;
use crate::bounds::FieldBounds;
use crate::hir::Symbol;
use crate::suggest::{did_you_mean, names_joined};
use crate::types::{
    EnumDef, EnumId, FieldDef, LOTS_KEY, Origin, RecordDef, RecordId, Ty, VariantDef,
};

const BUILTIN_TYPES: [&str; 11] = [
    "bool", "int", "number", "percent", "money", "date", "time", "datetime", "duration", "string",
    "weekday",
];

fn builtin_type(name: &str) -> Option<Ty> {
    let ty = match name {
        "bool" => Ty::Bool,
        "int" => Ty::Int,
        "number" => Ty::Number,
        "percent" => Ty::Percent,
        "money" => Ty::Money,
        "date" => Ty::Date,
        "time" => Ty::Time,
        "datetime" => Ty::DateTime,
        "duration" => Ty::Duration,
        "string" => Ty::String,
        _ => return None,
    };
    Some(ty)
}

/// Type names declared by the pack, and the state of each named `type`.
#[derive(Default)]
pub(crate) struct TypeTable<'a> {
    names: HashMap<String, TypeName>,
    aliases: Vec<AliasSlot<'a>>,
    /// Named types being resolved, innermost last: a name met again here is recursion.
    resolving: Vec<usize>,
    /// `type` declarations of a name another pack of the graph declares too: each must
    /// denote the same type as the first one.
    repeated_aliases: Vec<RepeatedAlias<'a>>,
}

struct RepeatedAlias<'a> {
    first: usize,
    file: FileId,
    decl: &'a TypeDecl,
}

#[derive(Clone, Copy)]
enum TypeName {
    Enum(EnumId),
    Alias(usize),
}

struct AliasSlot<'a> {
    name: String,
    docs_origin: Origin,
    decl: &'a TypeDecl,
    state: AliasState,
}

#[derive(Clone)]
enum AliasState {
    Pending,
    Resolving,
    Done(Ty),
}

impl<'a> Checker<'a> {
    pub(crate) fn build_schema(&mut self, files: &[(FileId, &'a SourceFileAst)]) {
        for (file, ast) in files {
            for item in &ast.items {
                match &item.kind {
                    ItemKind::Enum(decl) => self.declare_enum(*file, &item.docs.text, decl),
                    ItemKind::Type(decl) => self.declare_alias(*file, decl),
                    _ => {}
                }
            }
        }
        for index in 0..self.types.aliases.len() {
            self.resolve_alias(index);
        }
        self.check_repeated_aliases();
        self.pack.schema.aliases = self
            .types
            .aliases
            .iter()
            .filter_map(|slot| match &slot.state {
                AliasState::Done(ty) => Some((slot.name.clone(), (ty.clone(), slot.docs_origin))),
                AliasState::Pending | AliasState::Resolving => None,
            })
            .collect();
        let descriptor = self.pack.schema.descriptor;
        for (file, ast) in files {
            for item in &ast.items {
                if let ItemKind::Descriptor(decl) = &item.kind {
                    self.merge_fields(*file, descriptor, &decl.fields, "");
                }
            }
        }
        self.refuse_maps_in_descriptor();
        self.index_variants();
    }

    /// A map belongs to a parameter: no descriptor format could carry one the same way
    /// (a CSV cell cannot), so a descriptor lists records instead.
    fn refuse_maps_in_descriptor(&mut self) {
        let mut found = Vec::new();
        let mut records = vec![self.pack.schema.descriptor];
        let mut seen = Vec::new();
        while let Some(id) = records.pop() {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let Some(def) = self.pack.schema.record(id) else {
                continue;
            };
            for (name, field) in &def.fields {
                let mut ty = &field.ty;
                while let Ty::List(inner) | Ty::Set(inner) = ty {
                    ty = inner;
                }
                match ty {
                    Ty::Map(..) => found.push((name.clone(), field.origin)),
                    Ty::Record(inner) => records.push(*inner),
                    _ => {}
                }
            }
        }
        for (name, origin) in found {
            self.report(
                Diagnostic::error(
                    Code::MAP_TYPE_MISPLACED,
                    Message::new("e0320-descriptor-map").with("name", name),
                )
                .with_primary(
                    origin.file,
                    origin.span,
                    Message::new("e0320-descriptor-map-label"),
                )
                .with_help(Message::new("e0320-descriptor-map-help")),
            );
        }
    }

    /// Where a type name was first declared, for "first declared here" labels.
    fn type_name_origin(&self, name: &str) -> Option<Origin> {
        match self.types.names.get(name)? {
            TypeName::Enum(id) => self.pack.schema.enum_def(*id).map(|def| def.origin),
            TypeName::Alias(index) => self.types.aliases.get(*index).map(|s| s.docs_origin),
        }
    }

    /// Reports a type name that is a builtin or already declared; true when it is free.
    fn claim_type_name(&mut self, file: FileId, name: &clausier_syntax::ast::Ident) -> bool {
        if builtin_type(&name.name).is_some() || name.name == lexicon::WEEKDAY_TYPE {
            self.report(
                Diagnostic::error(
                    Code::DUPLICATE_DEFINITION,
                    Message::new("e0206-builtin-type").with("name", &name.name),
                )
                .with_primary(file, name.span, Message::new("e0206-builtin-type-label"))
                .with_help(Message::new("e0206-choose-another-name")),
            );
            return false;
        }
        if let Some(first) = self.type_name_origin(&name.name) {
            self.report(
                Diagnostic::error(
                    Code::DUPLICATE_DEFINITION,
                    Message::new("e0206-type-twice").with("name", &name.name),
                )
                .with_primary(file, name.span, Message::new("e0206-declared-again-here"))
                .with_secondary(
                    first.file,
                    first.span,
                    Message::new("e0206-first-declared-here"),
                )
                .with_help(Message::new("e0206-type-twice-help")),
            );
            return false;
        }
        true
    }

    fn declare_enum(&mut self, file: FileId, docs: &str, decl: &clausier_syntax::ast::EnumDecl) {
        if let Some(TypeName::Enum(existing)) = self.types.names.get(&decl.name.name).copied()
            && self.in_another_pack(file, self.pack.schema.enum_def(existing).map(|d| d.origin))
        {
            self.unify_enum(file, decl, existing);
            return;
        }
        if !self.claim_type_name(file, &decl.name) {
            return;
        }
        let id = EnumId(u32::try_from(self.pack.schema.enums.len()).unwrap_or(u32::MAX));
        let mut variants: Vec<VariantDef> = Vec::new();
        let mut declared: HashMap<&str, Origin> = HashMap::with_capacity(decl.variants.len());
        for variant in &decl.variants {
            if let Some(&first) = declared.get(variant.name.name.as_str()) {
                self.report(
                    Diagnostic::error(
                        Code::DUPLICATE_DEFINITION,
                        Message::new("e0206-variant-twice")
                            .with("variant", &variant.name.name)
                            .with("enum", &decl.name.name),
                    )
                    .with_primary(
                        file,
                        variant.name.span,
                        Message::new("e0206-declared-again-here"),
                    )
                    .with_secondary(
                        first.file,
                        first.span,
                        Message::new("e0206-first-declared-here"),
                    )
                    .with_help(Message::new("e0206-remove-one")),
                );
                continue;
            }
            let index = u32::try_from(variants.len()).unwrap_or(u32::MAX);
            self.symbol(
                file,
                variant.name.span,
                Symbol::Variant { enum_id: id, index },
                true,
            );
            let origin = Origin {
                file,
                span: variant.name.span,
            };
            declared.insert(&variant.name.name, origin);
            variants.push(VariantDef {
                name: variant.name.name.clone(),
                docs: variant.docs.text.clone(),
                origin,
            });
        }
        self.symbol(file, decl.name.span, Symbol::Enum(id), true);
        self.pack.schema.enums.push(EnumDef {
            name: decl.name.name.clone(),
            docs: docs.to_owned(),
            origin: Origin {
                file,
                span: decl.name.span,
            },
            variants,
        });
        self.types
            .names
            .insert(decl.name.name.clone(), TypeName::Enum(id));
    }

    fn declare_alias(&mut self, file: FileId, decl: &'a TypeDecl) {
        if let Some(TypeName::Alias(first)) = self.types.names.get(&decl.name.name).copied()
            && self.in_another_pack(file, self.types.aliases.get(first).map(|s| s.docs_origin))
        {
            self.types
                .repeated_aliases
                .push(RepeatedAlias { first, file, decl });
            return;
        }
        if !self.claim_type_name(file, &decl.name) {
            return;
        }
        self.symbol(
            file,
            decl.name.span,
            Symbol::TypeAlias(decl.name.name.clone()),
            true,
        );
        let index = self.types.aliases.len();
        self.types.aliases.push(AliasSlot {
            name: decl.name.name.clone(),
            docs_origin: Origin {
                file,
                span: decl.name.span,
            },
            decl,
            state: AliasState::Pending,
        });
        self.types
            .names
            .insert(decl.name.name.clone(), TypeName::Alias(index));
    }

    /// Whether `file` and the declaration at `first` belong to two packs of a graph.
    fn in_another_pack(&self, file: FileId, first: Option<Origin>) -> bool {
        first.is_some_and(|first| {
            let (this, that) = (self.pack_of(file), self.pack_of(first.file));
            this.is_some() && that.is_some() && this != that
        })
    }

    /// An enum that another pack of the graph declares too: one enum when the variants
    /// are the same, in the same order (so that both packs' values compare), an error
    /// otherwise.
    fn unify_enum(&mut self, file: FileId, decl: &clausier_syntax::ast::EnumDecl, id: EnumId) {
        let Some(def) = self.pack.schema.enum_def(id) else {
            return;
        };
        let first: Vec<String> = def.variants.iter().map(|v| v.name.clone()).collect();
        let this: Vec<String> = decl.variants.iter().map(|v| v.name.name.clone()).collect();
        let origin = def.origin;
        if first == this {
            self.symbol(file, decl.name.span, Symbol::Enum(id), true);
            for (index, variant) in decl.variants.iter().enumerate() {
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                self.symbol(
                    file,
                    variant.name.span,
                    Symbol::Variant { enum_id: id, index },
                    true,
                );
            }
            return;
        }
        let (first_pack, this_pack) = (
            self.pack_of(origin.file).unwrap_or_default(),
            self.pack_of(file).unwrap_or_default(),
        );
        self.report(
            Diagnostic::error(
                Code::DUPLICATE_DEFINITION,
                Message::new("e0206-enum-other-variants")
                    .with("name", &decl.name.name)
                    .with("first_pack", first_pack)
                    .with("this_pack", this_pack),
            )
            .with_primary(
                file,
                decl.name.span,
                Message::new("e0206-declared-here-in").with("pack", this_pack),
            )
            .with_secondary(
                origin.file,
                origin.span,
                Message::new("e0206-first-declared-in").with("pack", first_pack),
            )
            .with_note(
                Message::new("e0206-enum-variants-note")
                    .with("first_pack", first_pack)
                    .with("first", names_joined(&first))
                    .with("this_pack", this_pack)
                    .with("this", names_joined(&this)),
            )
            .with_help(Message::new("e0206-enum-other-variants-help")),
        );
    }

    /// A `type` that two packs declare must denote the same type in both.
    fn check_repeated_aliases(&mut self) {
        let repeated = std::mem::take(&mut self.types.repeated_aliases);
        for RepeatedAlias { first, file, decl } in repeated {
            let Some(slot) = self.types.aliases.get(first) else {
                continue;
            };
            let first_origin = slot.docs_origin;
            let first_ty = match &slot.state {
                AliasState::Done(ty) => ty.clone(),
                AliasState::Pending | AliasState::Resolving => continue,
            };
            self.symbol(
                file,
                decl.name.span,
                Symbol::TypeAlias(decl.name.name.clone()),
                true,
            );
            let ty = self.resolve_type(file, &decl.ty, Some(&decl.name.name));
            if ty == Ty::Error || first_ty == Ty::Error || self.same_shape(&first_ty, &ty) {
                continue;
            }
            let (first_pack, this_pack) = (
                self.pack_of(first_origin.file).unwrap_or_default(),
                self.pack_of(file).unwrap_or_default(),
            );
            self.report(
                Diagnostic::error(
                    Code::DUPLICATE_DEFINITION,
                    Message::new("e0206-type-differently")
                        .with("name", &decl.name.name)
                        .with("first_pack", first_pack)
                        .with("this_pack", this_pack),
                )
                .with_primary(
                    file,
                    decl.name.span,
                    Message::new("e0206-declared-here-in").with("pack", this_pack),
                )
                .with_secondary(
                    first_origin.file,
                    first_origin.span,
                    Message::new("e0206-first-declared-in").with("pack", first_pack),
                )
                .with_help(Message::new("e0206-type-differently-help")),
            );
        }
    }

    /// Whether two types have the same structure: records with the same fields in the
    /// same order, of the same types.
    fn same_shape(&self, a: &Ty, b: &Ty) -> bool {
        match (a, b) {
            (Ty::List(a), Ty::List(b)) | (Ty::Set(a), Ty::Set(b)) => self.same_shape(a, b),
            (Ty::Record(a), Ty::Record(b)) if a != b => {
                let (Some(a), Some(b)) = (self.pack.schema.record(*a), self.pack.schema.record(*b))
                else {
                    return false;
                };
                a.fields.len() == b.fields.len()
                    && a.fields.iter().zip(&b.fields).all(
                        |((name_a, field_a), (name_b, field_b))| {
                            name_a == name_b && self.same_shape(&field_a.ty, &field_b.ty)
                        },
                    )
            }
            _ => a == b,
        }
    }

    fn resolve_alias(&mut self, index: usize) -> Ty {
        let Some(slot) = self.types.aliases.get_mut(index) else {
            return Ty::Error;
        };
        match &slot.state {
            AliasState::Done(ty) => return ty.clone(),
            AliasState::Resolving => return Ty::Error,
            AliasState::Pending => slot.state = AliasState::Resolving,
        }
        let decl = slot.decl;
        let file = slot.docs_origin.file;
        let name = slot.name.clone();
        self.types.resolving.push(index);
        let ty = self.resolve_type(file, &decl.ty, Some(&name));
        self.types.resolving.pop();
        if let Some(slot) = self.types.aliases.get_mut(index) {
            slot.state = AliasState::Done(ty.clone());
        }
        ty
    }

    /// The type a type expression denotes. `record_name` names the record a `type`
    /// declaration's `{ … }` stands for.
    pub(crate) fn resolve_type(
        &mut self,
        file: FileId,
        expr: &TypeExpr,
        record_name: Option<&str>,
    ) -> Ty {
        match &expr.kind {
            TypeExprKind::Named(name) => self.resolve_type_name(file, name),
            TypeExprKind::List(inner) => Ty::List(Box::new(self.resolve_type(file, inner, None))),
            TypeExprKind::Set(inner) => Ty::Set(Box::new(self.resolve_type(file, inner, None))),
            TypeExprKind::Map(key, value) => {
                let key_ty = self.resolve_type(file, key, None);
                let value_ty = self.resolve_type(file, value, None);
                if !matches!(key_ty, Ty::String | Ty::Enum(_) | Ty::Error) {
                    let found = self.ty_name(&key_ty);
                    self.report(
                        Diagnostic::error(
                            Code::MAP_TYPE_MISPLACED,
                            Message::new("e0320-map-key").with("found", found),
                        )
                        .with_primary(file, key.span, Message::new("e0320-map-key-label"))
                        .with_help(Message::new("e0320-map-key-help")),
                    );
                    return Ty::Error;
                }
                Ty::Map(Box::new(key_ty), Box::new(value_ty))
            }
            TypeExprKind::Record(fields) => {
                let id = self.new_record(record_name.map(str::to_owned));
                self.merge_fields(file, id, fields, "");
                Ty::Record(id)
            }
            TypeExprKind::Error => Ty::Error,
        }
    }

    fn new_record(&mut self, name: Option<String>) -> RecordId {
        let id = RecordId(u32::try_from(self.pack.schema.records.len()).unwrap_or(u32::MAX));
        self.pack.schema.records.push(RecordDef {
            name,
            fields: indexmap::IndexMap::new(),
        });
        id
    }

    fn resolve_type_name(&mut self, file: FileId, name: &clausier_syntax::ast::Ident) -> Ty {
        if let Some(ty) = builtin_type(&name.name) {
            return ty;
        }
        if name.name == lexicon::WEEKDAY_TYPE {
            return Ty::Enum(self.weekday_enum());
        }
        match self.types.names.get(&name.name).copied() {
            Some(TypeName::Enum(id)) => {
                self.symbol(file, name.span, Symbol::Enum(id), false);
                Ty::Enum(id)
            }
            Some(TypeName::Alias(index)) => {
                self.symbol(file, name.span, Symbol::TypeAlias(name.name.clone()), false);
                if let Some(position) = self.types.resolving.iter().position(|i| *i == index) {
                    self.report_recursion(file, name, position);
                    return Ty::Error;
                }
                self.resolve_alias(index)
            }
            None => {
                self.report_unknown_type(file, name);
                Ty::Error
            }
        }
    }

    fn report_recursion(&mut self, file: FileId, name: &clausier_syntax::ast::Ident, from: usize) {
        let cycle: Vec<String> = self.types.resolving[from..]
            .iter()
            .filter_map(|i| self.types.aliases.get(*i).map(|s| s.name.clone()))
            .chain([name.name.clone()])
            .collect();
        let mut diagnostic = Diagnostic::error(
            Code::RECURSIVE_TYPE,
            Message::new("e0210-recursive").with("name", &name.name),
        )
        .with_primary(
            file,
            name.span,
            Message::new("e0210-recursive-label").with("name", &name.name),
        );
        if let Some(origin) = self.type_name_origin(&name.name) {
            diagnostic = diagnostic.with_secondary(
                origin.file,
                origin.span,
                Message::new("e0210-declared-here"),
            );
        }
        if cycle.len() > 2 {
            let chain: Vec<String> = cycle.iter().map(|n| format!("`{n}`")).collect();
            diagnostic = diagnostic
                .with_note(Message::new("e0210-cycle-note").with("chain", chain.join(" → ")));
        }
        self.report(diagnostic.with_help(Message::new("e0210-recursive-help")));
    }

    fn report_unknown_type(&mut self, file: FileId, name: &clausier_syntax::ast::Ident) {
        let declared: Vec<String> = self
            .pack
            .schema
            .enums
            .iter()
            .map(|e| e.name.clone())
            .chain(self.types.aliases.iter().map(|s| s.name.clone()))
            .collect();
        let candidates = BUILTIN_TYPES
            .iter()
            .copied()
            .chain(declared.iter().map(String::as_str));
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_TYPE,
            Message::new("e0204-unknown-type").with("name", &name.name),
        )
        .with_primary(file, name.span, Message::new("e0204-unknown-type-label"));
        if matches!(name.name.as_str(), "list" | "set") {
            diagnostic = diagnostic
                .with_help(Message::new("e0204-element-type-help").with("name", &name.name));
        } else if let Some(best) = did_you_mean(&name.name, candidates) {
            diagnostic = diagnostic
                .with_help(Message::new("e0204-did-you-mean").with("name", best))
                .with_fix(Fix {
                    title: Message::new("e0204-replace-with").with("name", best),
                    edits: vec![(file, name.span, best.to_owned())],
                });
        } else {
            diagnostic = diagnostic.with_help(Message::new("e0204-types-help"));
        }
        self.report(diagnostic);
    }

    /// Adds `fields` to `record`. A field already there (from another `descriptor`
    /// block) must have the same type; inline records merge field by field. A field
    /// named twice in the same block is a duplicate.
    /// A top-level descriptor field named `lots`: that key says which lots an offer bids
    /// for, in every pack, so that declaring lots later never changes what a descriptor
    /// means.
    fn report_reserved_field(&mut self, file: FileId, field: &FieldDecl) {
        self.report(
            Diagnostic::error(
                Code::RESERVED_FIELD,
                Message::new("e0217-reserved").with("name", LOTS_KEY),
            )
            .with_primary(file, field.name.span, Message::new("e0217-reserved-label"))
            .with_help(Message::new("e0217-reserved-help").with("name", LOTS_KEY)),
        );
    }

    fn merge_fields(&mut self, file: FileId, record: RecordId, fields: &[FieldDecl], path: &str) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for field in fields {
            if let Some(first) = seen.get(field.name.name.as_str()) {
                self.report(
                    Diagnostic::error(
                        Code::DUPLICATE_DEFINITION,
                        Message::new("e0206-field-twice").with("name", &field.name.name),
                    )
                    .with_primary(
                        file,
                        field.name.span,
                        Message::new("e0206-declared-again-here"),
                    )
                    .with_secondary(file, *first, Message::new("e0206-first-declared-here"))
                    .with_help(Message::new("e0206-remove-one")),
                );
                continue;
            }
            seen.insert(&field.name.name, field.name.span);
            if record == self.pack.schema.descriptor && field.name.name == LOTS_KEY {
                self.report_reserved_field(file, field);
                continue;
            }
            let field_path = if path.is_empty() {
                field.name.name.clone()
            } else {
                format!("{path}.{}", field.name.name)
            };
            let existing = self
                .pack
                .schema
                .record(record)
                .and_then(|r| r.field(&field.name.name))
                .map(|(index, def)| (index, def.ty.clone(), def.origin));
            match existing {
                Some((index, ty, origin)) => {
                    self.merge_bounds(file, record, index, field, &field_path, &ty, origin);
                    self.symbol(
                        file,
                        field.name.span,
                        Symbol::Field {
                            record,
                            field: index,
                        },
                        true,
                    );
                    self.merge_type(file, &ty, &field.ty, &field_path, origin);
                    self.merge_docs(record, index, &field.docs.text);
                }
                None => {
                    let ty = self.resolve_type(file, &field.ty, None);
                    let declared_bounds =
                        self.declared_bounds(file, &field_path, &ty, &field.bounds);
                    let Some(def) = self.pack.schema.records.get_mut(record.0 as usize) else {
                        continue;
                    };
                    let index = u32::try_from(def.fields.len()).unwrap_or(u32::MAX);
                    def.fields.insert(
                        field.name.name.clone(),
                        FieldDef {
                            ty,
                            docs: field.docs.text.clone(),
                            origin: Origin {
                                file,
                                span: field.name.span,
                            },
                            declared_bounds,
                        },
                    );
                    self.symbol(
                        file,
                        field.name.span,
                        Symbol::Field {
                            record,
                            field: index,
                        },
                        true,
                    );
                }
            }
        }
    }

    /// A field declared again with a `where` must give the bounds it was first given.
    #[expect(
        clippy::too_many_arguments,
        reason = "the parts of one field's two declarations"
    )]
    fn merge_bounds(
        &mut self,
        file: FileId,
        record: RecordId,
        index: u32,
        field: &FieldDecl,
        path: &str,
        ty: &Ty,
        first: Origin,
    ) {
        if field.bounds.is_empty() {
            return;
        }
        let declared = self.declared_bounds(file, path, ty, &field.bounds);
        let existing = self
            .pack
            .schema
            .record(record)
            .and_then(|r| r.field_at(index))
            .map(|(_, def)| def.declared_bounds);
        if existing.is_none_or(|existing| existing == declared) {
            return;
        }
        let span = field
            .bounds
            .iter()
            .map(|b| b.span)
            .reduce(|a, b| a.cover(b))
            .unwrap_or(field.span);
        self.report(
            Diagnostic::error(
                Code::CONFLICTING_FIELD,
                Message::new("e0207-other-bounds").with("path", path),
            )
            .with_primary(
                file,
                span,
                Message::new("e0207-declared-with-bounds").with(
                    "bounds",
                    FieldBounds::of(&declared, ty).describe_message(ty),
                ),
            )
            .with_secondary(
                first.file,
                first.span,
                Message::new("e0207-first-declared-here"),
            )
            .with_help(Message::new("e0207-other-bounds-help")),
        );
    }

    fn merge_docs(&mut self, record: RecordId, index: u32, docs: &str) {
        if docs.is_empty() {
            return;
        }
        let Some(def) = self.pack.schema.records.get_mut(record.0 as usize) else {
            return;
        };
        if let Some((_, field)) = def.fields.get_index_mut(index as usize)
            && field.docs.is_empty()
        {
            field.docs = docs.to_owned();
        }
    }

    /// Checks a second declaration of a field against the first one's type.
    fn merge_type(
        &mut self,
        file: FileId,
        existing: &Ty,
        expr: &TypeExpr,
        path: &str,
        first: Origin,
    ) {
        match self.mergeable_record(existing, expr) {
            Some((id, fields)) => self.merge_fields(file, id, fields, path),
            None => {
                let ty = self.resolve_type(file, expr, None);
                if ty == *existing || ty == Ty::Error || *existing == Ty::Error {
                    return;
                }
                let (old_name, new_name) = (self.ty_name(existing), self.ty_name(&ty));
                let mut diagnostic = match (self.pack_of(first.file), self.pack_of(file)) {
                    (Some(first_pack), Some(this_pack)) if first_pack != this_pack => {
                        Diagnostic::error(
                            Code::CONFLICTING_FIELD,
                            Message::new("e0207-two-types-two-packs")
                                .with("path", path)
                                .with("old", &old_name)
                                .with("first_pack", first_pack)
                                .with("new", &new_name)
                                .with("this_pack", this_pack),
                        )
                        .with_primary(
                            file,
                            expr.span,
                            Message::new("e0207-declared-here-as-in")
                                .with("type", &new_name)
                                .with("pack", this_pack),
                        )
                        .with_secondary(
                            first.file,
                            first.span,
                            Message::new("e0207-first-declared-as-in")
                                .with("type", &old_name)
                                .with("pack", first_pack),
                        )
                    }
                    _ => Diagnostic::error(
                        Code::CONFLICTING_FIELD,
                        Message::new("e0207-two-types")
                            .with("path", path)
                            .with("old", &old_name)
                            .with("new", &new_name),
                    )
                    .with_primary(
                        file,
                        expr.span,
                        Message::new("e0207-declared-here-as").with("type", &new_name),
                    )
                    .with_secondary(
                        first.file,
                        first.span,
                        Message::new("e0207-first-declared-as").with("type", &old_name),
                    ),
                };
                diagnostic = diagnostic.with_help(Message::new("e0207-two-types-help"));
                self.report(diagnostic);
            }
        }
    }

    /// The inline record a second declaration adds fields to: `{ … }` where the first
    /// declaration is `{ … }` too, also as the element of a list or a set.
    fn mergeable_record<'e>(
        &self,
        existing: &Ty,
        expr: &'e TypeExpr,
    ) -> Option<(RecordId, &'e [FieldDecl])> {
        match (existing, &expr.kind) {
            (Ty::Record(id), TypeExprKind::Record(fields)) if self.is_inline_record(*id) => {
                Some((*id, fields))
            }
            (Ty::List(inner), TypeExprKind::List(inner_expr))
            | (Ty::Set(inner), TypeExprKind::Set(inner_expr)) => {
                self.mergeable_record(inner, inner_expr)
            }
            _ => None,
        }
    }

    fn is_inline_record(&self, id: RecordId) -> bool {
        id != self.pack.schema.descriptor
            && self
                .pack
                .schema
                .record(id)
                .is_some_and(|r| r.name.is_none())
    }

    fn index_variants(&mut self) {
        let mut index: HashMap<String, Vec<(EnumId, u32)>> = HashMap::new();
        for (i, def) in self.pack.schema.enums.iter().enumerate() {
            let id = EnumId(u32::try_from(i).unwrap_or(u32::MAX));
            for (position, variant) in def.variants.iter().enumerate() {
                let position = u32::try_from(position).unwrap_or(u32::MAX);
                index
                    .entry(variant.name.clone())
                    .or_default()
                    .push((id, position));
            }
        }
        self.variants_by_name = index;
    }

    /// Names of the variants of an enum, for notes.
    pub(crate) fn variant_names(&self, id: EnumId) -> Vec<String> {
        self.pack
            .schema
            .enum_def(id)
            .map(|def| def.variants.iter().map(|v| v.name.clone()).collect())
            .unwrap_or_default()
    }

    /// "`Region` has the variants `EU`, `EEA` and `OTHER`", when there are few enough to
    /// read at a glance.
    pub(crate) fn variants_note(&self, id: EnumId) -> Option<Message> {
        let names = self.variant_names(id);
        let def = self.pack.schema.enum_def(id)?;
        (!names.is_empty() && names.len() <= 12).then(|| {
            Message::new("e02-enum-variants-note")
                .with("name", &def.name)
                .with("variants", names_joined(&names))
        })
    }
}

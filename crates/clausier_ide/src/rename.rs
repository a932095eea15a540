//! Rename: a field, a parameter, an enum, a variant, a type, a clause id or a bound
//! variable, everywhere it is written, and in the data of the pack's tests; and, in a
//! pack that depends on the one where a name is declared, the places that name it.

use std::fmt;
use std::path::{Path, PathBuf};

use clausier_check::hir::Symbol;
use clausier_check::types::{RecordId, Ty};
use clausier_diagnostics::{Lang, Message};
use clausier_syntax::ast::{DataValue, DataValueKind, Given, ItemKind, LiteralKind};
use clausier_syntax::lexicon;

use crate::{Analysis, FileId, Occurrence, Span, TextEdit};

/// The edits of a rename, file by file, each file's edits in offset order and never
/// overlapping.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceChange {
    pub edits: Vec<(FileId, Vec<TextEdit>)>,
}

/// Why a rename was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    /// The cursor is not on a name that can be renamed.
    NoName,
    /// The new name cannot be written there; `reason` says why.
    InvalidName { name: String, reason: Message },
    /// The new name is taken; `by` says by what.
    AlreadyUsed { name: String, by: Message },
    /// The name is declared by a dependency: other packs may use it, and the lock pins
    /// the dependency's text. It is renamed in the dependency's own workspace.
    DeclaredInDependency { name: String, pack: String },
}

impl RenameError {
    /// What the editor shows its reader, put into a language by [`Message::text`].
    pub fn message(&self) -> Message {
        match self {
            RenameError::NoName => Message::new("editor-rename-no-name"),
            RenameError::InvalidName { name, reason } => Message::new("editor-rename-invalid")
                .with("name", name)
                .with("reason", reason.clone()),
            RenameError::AlreadyUsed { name, by } => Message::new("editor-rename-used")
                .with("name", name)
                .with("by", by.clone()),
            RenameError::DeclaredInDependency { name, pack } => {
                Message::new("editor-rename-in-dependency")
                    .with("name", name)
                    .with("pack", pack)
            }
        }
    }
}

/// In English, for logs and errors read by developers.
impl fmt::Display for RenameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

impl std::error::Error for RenameError {}

/// Whether a name spelled like `word` would read as the word that starts an item or a
/// line of a clause or test, or as a level. `date` is left out: it is also a built-in
/// type's name, and a common field name.
pub(crate) fn starts_items_or_clause_lines(word: &str) -> bool {
    lexicon::ITEM_KEYWORDS.contains(&word)
        || lexicon::CLAUSE_FIELD_KEYWORDS.contains(&word)
        || lexicon::LEVELS.contains(&word)
        || word == lexicon::WEIGHT_KEYWORD
        || (lexicon::TEST_FIELD_KEYWORDS.contains(&word) && word != "date")
}

/// The edits grouped by file, each file's in offset order, without repeats or overlaps.
fn by_file(mut edits: Vec<(FileId, TextEdit)>) -> SourceChange {
    edits.sort_by_key(|(file, edit)| (*file, edit.range.start, edit.range.end));
    edits.dedup_by_key(|(file, edit)| (*file, edit.range));
    let mut change = SourceChange::default();
    for (file, edit) in edits {
        match change.edits.last_mut() {
            Some((last, list)) if *last == file => {
                let overlaps = list.last().is_some_and(|e| e.range.end > edit.range.start);
                if !overlaps {
                    list.push(edit);
                }
            }
            _ => change.edits.push((file, vec![edit])),
        }
    }
    change
}

const BUILTIN_TYPES: &[&str] = &[
    "bool", "int", "number", "percent", "money", "date", "time", "duration", "string", "list",
    "set",
];

impl Analysis {
    /// Renames the name under the cursor to `new_name` in every file of the graph. A
    /// name a dependency declares is refused ([`RenameError::DeclaredInDependency`]):
    /// packs outside the workspace may use it, and the dependant's lock pins its text.
    /// A variable bound in a dependency's clause is its own and is renamed.
    pub fn rename(
        &self,
        file: FileId,
        offset: u32,
        new_name: &str,
    ) -> Result<SourceChange, RenameError> {
        let occurrence = self.symbol_at(file, offset).ok_or(RenameError::NoName)?;
        let symbol = &occurrence.symbol;
        self.refuse_dependency_names(symbol)?;
        self.validate(symbol, new_name)?;
        Ok(by_file(self.renaming_edits(symbol, new_name)))
    }

    /// The edits that rename `symbol` everywhere this analysis sees it, its tests' data
    /// included.
    fn renaming_edits(&self, symbol: &Symbol, new_name: &str) -> Vec<(FileId, TextEdit)> {
        let mut edits: Vec<(FileId, TextEdit)> = self
            .occurrences(symbol)
            .map(|s| {
                let edit = TextEdit {
                    range: s.span,
                    new_text: new_name.to_owned(),
                };
                (s.file, edit)
            })
            .collect();
        self.rename_in_test_data(symbol, new_name, &mut edits);
        edits
    }

    /// Where the name under the cursor is declared, for renaming it in the packs that
    /// depend on this one ([`Analysis::rename_in_dependant`]): the declaring file's path
    /// and the declaration's offset. `None` for a variable bound in a clause (no other
    /// pack sees it) and for a name without a declaration in a file.
    pub fn rename_origin(&self, file: FileId, offset: u32) -> Option<(PathBuf, u32)> {
        let occurrence = self.symbol_at(file, offset)?;
        if matches!(occurrence.symbol, Symbol::Local { .. }) {
            return None;
        }
        let definition = self
            .occurrences(&occurrence.symbol)
            .find(|s| s.is_definition)?;
        let path = self.file_path(definition.file)?.to_path_buf();
        Some((path, definition.span.start))
    }

    /// The edits that rename, in this pack's own files, the name a dependency declares
    /// at `offset` of the file at `path` (as [`Analysis::rename_origin`] gives it, from
    /// the dependency's own analysis): its `use` items, `set` lines, overrides and
    /// references. The dependency's files are left to the dependency's own rename.
    /// Empty when this pack does not read that file or sees no name there; refused
    /// when the new name is taken in this pack.
    pub fn rename_in_dependant(
        &self,
        path: &Path,
        offset: u32,
        new_name: &str,
    ) -> Result<SourceChange, RenameError> {
        let Some(file) = self.file_id(path) else {
            return Ok(SourceChange::default());
        };
        let Some(occurrence) = self.symbol_at(file, offset) else {
            return Ok(SourceChange::default());
        };
        self.validate(&occurrence.symbol, new_name)?;
        let mut edits = self.renaming_edits(&occurrence.symbol, new_name);
        edits.retain(|(file, _)| !self.is_dependency_file(*file));
        Ok(by_file(edits))
    }

    /// A bound variable is private to its clause; any other name a dependency declares
    /// may be used by packs outside this workspace, so it is not renamed from here.
    fn refuse_dependency_names(&self, symbol: &Symbol) -> Result<(), RenameError> {
        if matches!(symbol, Symbol::Local { .. }) {
            return Ok(());
        }
        let declared_in_dependency = self
            .occurrences(symbol)
            .find(|s| s.is_definition && self.is_dependency_file(s.file));
        match declared_in_dependency {
            Some(definition) => Err(RenameError::DeclaredInDependency {
                name: self
                    .file_text(definition.file)
                    .map(|text| crate::slice(text, definition.span).to_owned())
                    .unwrap_or_default(),
                pack: self
                    .file_pack(definition.file)
                    .unwrap_or_default()
                    .to_owned(),
            }),
            None => Ok(()),
        }
    }

    fn validate(&self, symbol: &Symbol, new: &str) -> Result<(), RenameError> {
        let invalid = |reason: Message| {
            Err(RenameError::InvalidName {
                name: new.to_owned(),
                reason,
            })
        };
        let used = |by: Message| {
            Err(RenameError::AlreadyUsed {
                name: new.to_owned(),
                by,
            })
        };
        let mut chars = new.chars();
        let Some(first) = chars.next() else {
            return invalid(Message::new("editor-rename-empty"));
        };
        let is_clause = matches!(symbol, Symbol::Clause(_));
        if is_clause {
            if !unicode_ident::is_xid_start(first)
                || !chars.all(|c| c == '-' || unicode_ident::is_xid_continue(c))
            {
                return invalid(Message::new("editor-rename-clause-id-form"));
            }
        } else if !(first == '_' || unicode_ident::is_xid_start(first))
            || !chars.all(unicode_ident::is_xid_continue)
        {
            return invalid(Message::new("editor-rename-name-form"));
        }
        if lexicon::is_reserved(new) || starts_items_or_clause_lines(new) {
            return invalid(Message::new("editor-rename-keyword"));
        }
        let pack = &self.checked.pack;
        let schema = &pack.schema;
        let param_taken = pack.params.iter().any(|p| p.name == new);
        let descriptor_field = schema
            .descriptor_record()
            .is_some_and(|r| r.field(new).is_some());
        match symbol {
            Symbol::Field { record, field } => {
                let def = schema.record(*record);
                if def
                    .and_then(|r| r.field(new))
                    .is_some_and(|(i, _)| i != *field)
                {
                    return used(Message::new("editor-rename-by-field"));
                }
                if *record == schema.descriptor && param_taken {
                    return used(Message::new("editor-rename-by-param"));
                }
            }
            Symbol::Param(id) => {
                let other = pack
                    .params
                    .iter()
                    .enumerate()
                    .any(|(i, p)| p.name == new && i != id.0 as usize);
                if other {
                    return used(Message::new("editor-rename-by-other-param"));
                }
                if descriptor_field {
                    return used(Message::new("editor-rename-by-descriptor-field"));
                }
            }
            Symbol::Variant { enum_id, index } => {
                let def = schema.enum_def(*enum_id);
                if def
                    .and_then(|e| e.variant_index(new))
                    .is_some_and(|i| i != *index)
                {
                    return used(Message::new("editor-rename-by-variant"));
                }
            }
            Symbol::Enum(_) | Symbol::TypeAlias(_) => {
                let current = match symbol {
                    Symbol::Enum(id) => schema.enum_def(*id).map(|e| e.name.as_str()),
                    Symbol::TypeAlias(name) => Some(name.as_str()),
                    _ => None,
                };
                if current != Some(new) {
                    if BUILTIN_TYPES.contains(&new) {
                        return used(Message::new("editor-rename-by-builtin-type"));
                    }
                    if schema.enum_by_name(new).is_some() {
                        return used(Message::new("editor-rename-by-enum"));
                    }
                    if schema.aliases.contains_key(new) {
                        return used(Message::new("editor-rename-by-type"));
                    }
                }
            }
            Symbol::Clause(id) => {
                let taken = pack.requirements.iter().map(|r| &r.meta.id);
                let taken = taken.chain(pack.criteria.iter().map(|c| &c.meta.id));
                let used_elsewhere = pack
                    .symbols
                    .iter()
                    .any(|s| matches!(&s.symbol, Symbol::Clause(other) if other == new));
                if id != new && (taken.into_iter().any(|t| t == new) || used_elsewhere) {
                    return used(Message::new("editor-rename-by-clause"));
                }
            }
            Symbol::Local { .. } => {
                if param_taken || descriptor_field {
                    return used(Message::new("editor-rename-by-param-or-field"));
                }
            }
        }
        Ok(())
    }

    /// Keys of the inline descriptors of tests (`given { hosting: { region: "EU" } }`)
    /// for a field, and string values for an enum variant.
    fn rename_in_test_data(&self, symbol: &Symbol, new: &str, edits: &mut Vec<(FileId, TextEdit)>) {
        for (file, range, quoted) in self.test_data_occurrences(symbol) {
            let new_text = if quoted {
                format!("\"{new}\"")
            } else {
                new.to_owned()
            };
            edits.push((file, TextEdit { range, new_text }));
        }
    }

    /// Where the inline descriptors of tests name a field (a key) or an enum variant (a
    /// string, `true` in the last place: its span holds the quotes).
    pub(crate) fn test_data_occurrences(&self, symbol: &Symbol) -> Vec<(FileId, Span, bool)> {
        let mut found = Vec::new();
        if !matches!(symbol, Symbol::Field { .. } | Symbol::Variant { .. }) {
            return found;
        }
        let root = Ty::Record(self.checked.pack.schema.descriptor);
        for data in &self.files {
            for item in &data.parse.ast.items {
                if let ItemKind::Test(test) = &item.kind
                    && let Some(Given::Inline(value)) = &test.given
                {
                    let mut out = Vec::new();
                    self.walk_data(value, &root, symbol, &mut out, 0);
                    found.extend(
                        out.into_iter()
                            .map(|(span, literal)| (data.id, span, literal.is_some())),
                    );
                }
            }
        }
        found
    }

    /// The field or variant named at `offset` in a test's inline descriptor.
    pub(crate) fn test_data_symbol_at(&self, file: FileId, offset: u32) -> Option<Occurrence> {
        let data = self.file(file)?;
        let root = Ty::Record(self.checked.pack.schema.descriptor);
        data.parse
            .ast
            .items
            .iter()
            .find_map(|item| match &item.kind {
                ItemKind::Test(test) if item.span.touches(offset) => match &test.given {
                    Some(Given::Inline(value)) => self.find_in_data(value, &root, offset, 0),
                    _ => None,
                },
                _ => None,
            })
    }

    fn find_in_data(
        &self,
        value: &DataValue,
        ty: &Ty,
        offset: u32,
        depth: usize,
    ) -> Option<Occurrence> {
        if depth > 64 || !value.span.touches(offset) {
            return None;
        }
        let schema = &self.checked.pack.schema;
        match (&value.kind, ty) {
            (DataValueKind::Object(entries), Ty::Record(record)) => {
                let def = schema.record(*record)?;
                entries.iter().find_map(|(key, inner)| {
                    let (index, field) = def.field(&key.name)?;
                    if key.span.touches(offset) {
                        return Some(Occurrence {
                            symbol: Symbol::Field {
                                record: *record,
                                field: index,
                            },
                            span: key.span,
                        });
                    }
                    self.find_in_data(inner, &field.ty, offset, depth + 1)
                })
            }
            (DataValueKind::Array(items), Ty::List(inner) | Ty::Set(inner)) => items
                .iter()
                .find_map(|item| self.find_in_data(item, inner, offset, depth + 1)),
            (DataValueKind::Literal(literal), Ty::Enum(id)) => match &literal.kind {
                LiteralKind::String(text) => {
                    let index = schema.enum_def(*id)?.variant_index(text)?;
                    Some(Occurrence {
                        symbol: Symbol::Variant {
                            enum_id: *id,
                            index,
                        },
                        span: literal.span,
                    })
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Collects the spans to rename in a datum of type `ty`: `(span, None)` for a key,
    /// `(span, Some(""))` for a string literal (to be quoted).
    fn walk_data(
        &self,
        value: &DataValue,
        ty: &Ty,
        symbol: &Symbol,
        out: &mut Vec<(Span, Option<String>)>,
        depth: usize,
    ) {
        if depth > 64 {
            return;
        }
        let schema = &self.checked.pack.schema;
        match (&value.kind, ty) {
            (DataValueKind::Object(entries), Ty::Record(record)) => {
                let Some(def) = schema.record(*record) else {
                    return;
                };
                for (key, inner) in entries {
                    let Some((index, field)) = def.field(&key.name) else {
                        continue;
                    };
                    if is_field(symbol, *record, index) {
                        out.push((key.span, None));
                    }
                    self.walk_data(inner, &field.ty, symbol, out, depth + 1);
                }
            }
            (DataValueKind::Array(items), Ty::List(inner) | Ty::Set(inner)) => {
                for item in items {
                    self.walk_data(item, inner, symbol, out, depth + 1);
                }
            }
            (DataValueKind::Literal(literal), Ty::Enum(id)) => {
                if let (LiteralKind::String(text), Symbol::Variant { enum_id, index }) =
                    (&literal.kind, symbol)
                    && enum_id == id
                    && schema.enum_def(*id).and_then(|e| e.variant_index(text)) == Some(*index)
                {
                    out.push((literal.span, Some(String::new())));
                }
            }
            _ => {}
        }
    }
}

fn is_field(symbol: &Symbol, record: RecordId, index: u32) -> bool {
    matches!(symbol, Symbol::Field { record: r, field } if *r == record && *field == index)
}

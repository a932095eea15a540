//! Inlay hints: the effective value of a parameter after each of its uses, which may
//! not be the value its declaration shows when a depending pack overrides it.

use clausier_check::hir::{ParamDef, Symbol};
use clausier_check::types::Schema;
use clausier_i18n::{Lang, t};
use clausier_syntax::ast::ItemKind;

use crate::{Analysis, FileId, Span};

/// A label shown at an offset, between two characters of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    pub offset: u32,
    pub label: String,
    pub tooltip: Option<String>,
}

impl Analysis {
    /// After each use of a parameter in `range`: `= VALUE`, its effective value, with
    /// the pack that overrode it if one did (the tooltip says where). After the value in
    /// an overridden parameter's declaration: the value that replaces it. The words
    /// around the values are in `lang`.
    pub fn inlay_hints(&self, file: FileId, range: Span, lang: Lang) -> Vec<InlayHint> {
        let Some(data) = self.file(file) else {
            return Vec::new();
        };
        let pack = &self.checked.pack;
        let schema = &pack.schema;
        // The name in `set DEP::NAME = VALUE` is the override itself, not a use.
        let set_items: Vec<Span> = data
            .parse
            .ast
            .items
            .iter()
            .filter(|item| matches!(item.kind, ItemKind::Set(_)))
            .map(|item| item.span)
            .collect();
        let in_range = |offset: u32| range.start <= offset && offset <= range.end;
        let mut out = Vec::new();
        for symbol in pack.symbols.iter().filter(|s| s.file == file) {
            let Symbol::Param(id) = &symbol.symbol else {
                continue;
            };
            let Some(param) = pack.params.get(id.0 as usize) else {
                continue;
            };
            if !in_range(symbol.span.end) || set_items.iter().any(|s| s.contains(symbol.span.start))
            {
                continue;
            }
            if symbol.is_definition {
                out.extend(self.declaration_hint(file, symbol.span, param, schema, lang));
                continue;
            }
            let value = param.value.display(schema).to_string();
            let label = match &param.set_in {
                Some(site) => t!(
                    lang,
                    "editor-hint-set-by",
                    value = value.as_str(),
                    pack = site.pack.as_str()
                ),
                None => format!("= {value}"),
            };
            out.push(InlayHint {
                offset: symbol.span.end,
                label,
                tooltip: override_tooltip(param, schema, lang),
            });
        }
        out.sort_by_key(|hint| hint.offset);
        out
    }

    /// After the value of an overridden parameter's declaration: what replaces it.
    fn declaration_hint(
        &self,
        file: FileId,
        name: Span,
        param: &ParamDef,
        schema: &Schema,
        lang: Lang,
    ) -> Option<InlayHint> {
        let site = param.set_in.as_ref()?;
        let data = self.file(file)?;
        let value_end = data
            .parse
            .ast
            .items
            .iter()
            .find_map(|item| match &item.kind {
                ItemKind::Param(decl) if decl.name.span == name => Some(decl.value.span.end),
                _ => None,
            })?;
        Some(InlayHint {
            offset: value_end,
            label: t!(
                lang,
                "editor-hint-replaced-by",
                value = param.value.display(schema).to_string(),
                pack = site.pack.as_str()
            ),
            tooltip: override_tooltip(param, schema, lang),
        })
    }
}

/// Where an overridden parameter got its value, and what its declaration says.
fn override_tooltip(param: &ParamDef, schema: &Schema, lang: Lang) -> Option<String> {
    let site = param.set_in.as_ref()?;
    Some(t!(
        lang,
        "editor-hint-tooltip",
        name = param.name.as_str(),
        value = param.value.display(schema).to_string(),
        pack = site.pack.as_str(),
        location = site.location.as_str(),
        declaring = param.pack.as_str(),
        default = param.default.display(schema).to_string()
    ))
}

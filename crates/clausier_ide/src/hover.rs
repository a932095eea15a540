//! Hover: what a name under the cursor stands for, as Markdown.

use std::fmt::Write as _;

use clausier_check::hir::{ClauseMeta, Lot, Symbol};
use clausier_check::types::{RecordId, Schema, Ty};
use clausier_syntax::ast::{TextFunction, TimeFunction};

use crate::{Analysis, FileId, Span};

/// What each text check of the standard library takes and says, shown on hover.
fn text_function_markdown(function: TextFunction) -> String {
    let (signature, meaning) = match function {
        TextFunction::Matches => (
            "matches(text: string, pattern: string literal): bool",
            "whether the regular expression `pattern` is found anywhere in `text` (anchor it with `^` and `$`); the pattern is compiled once, with the Rust `regex` crate's syntax",
        ),
        TextFunction::Siret => (
            "siret(text: string): bool",
            "whether `text` is a valid SIRET number: 14 digits and a valid Luhn key (for La Poste, SIREN 356000000, digits summing to a multiple of 5)",
        ),
        TextFunction::Uai => (
            "uai(text: string): bool",
            "whether `text` is a valid UAI code: 7 digits, then the letter of their number modulo 23",
        ),
        TextFunction::HttpsUrl => (
            "https_url(text: string): bool",
            "whether `text` is an absolute URL with the scheme `https` and a host",
        ),
    };
    format!(
        "{}\n\n{meaning}; unknown when `text` is absent",
        code(signature)
    )
}

/// What each time function of the standard library takes and gives, shown on hover.
fn time_function_markdown(function: TimeFunction) -> String {
    match function {
        TimeFunction::Weekday => format!(
            "{}\n\nthe day of the week of `d`, from `lundi` to `dimanche`; unknown when `d` is absent",
            code("weekday(d: date | datetime): weekday")
        ),
        TimeFunction::BusinessDuration => format!(
            "{}\n\nthe hours and minutes between `start` and `end` counted only on the days of `days`, from `opens` to `closes`; public holidays count as business days; unknown when an argument is, no value when `end` is before `start` or `opens` is not before `closes`",
            code(
                "business_duration(start: datetime, end: datetime, days: set<weekday>, opens: time, closes: time): duration"
            )
        ),
    }
}

/// The Markdown shown on hover, and the span of the name it describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverResult {
    pub markdown: String,
    pub range: Span,
}

impl Analysis {
    /// Hover over a field (its type and doc), a parameter (its effective value and doc),
    /// an enum (its variants in order), a variant, a type or a clause (its title, level,
    /// legal text and references).
    pub fn hover(&self, file: FileId, offset: u32) -> Option<HoverResult> {
        let Some(occurrence) = self.symbol_at(file, offset) else {
            return self.text_function_hover(file, offset);
        };
        let markdown = self.describe(file, &occurrence.symbol)?;
        Some(HoverResult {
            markdown,
            range: occurrence.span,
        })
    }

    /// Hover over the word of a text check written right before `(`.
    fn text_function_hover(&self, file: FileId, offset: u32) -> Option<HoverResult> {
        let text = self.file_text(file)?;
        let at = usize::try_from(offset).ok()?;
        let is_word = |c: char| c.is_alphanumeric() || c == '_';
        let start = text
            .get(..at)?
            .rfind(|c: char| !is_word(c))
            .map_or(0, |i| i + 1);
        let end = at
            + text
                .get(at..)?
                .find(|c: char| !is_word(c))
                .unwrap_or(text.len() - at);
        let word = text.get(start..end)?;
        let markdown = match TimeFunction::from_word(word) {
            Some(time) => time_function_markdown(time),
            None => text_function_markdown(TextFunction::from_word(word)?),
        };
        let preceded_by_dot = text.get(..start)?.ends_with('.');
        let followed_by_paren = text.get(end..)?.trim_start().starts_with('(');
        if preceded_by_dot || !followed_by_paren {
            return None;
        }
        Some(HoverResult {
            markdown,
            range: Span::new(u32::try_from(start).ok()?, u32::try_from(end).ok()?),
        })
    }

    fn describe(&self, file: FileId, symbol: &Symbol) -> Option<String> {
        let pack = &self.checked.pack;
        let schema = &pack.schema;
        match symbol {
            Symbol::Field { record, field } => {
                let def = schema.record(*record)?;
                let (name, field) = def.field_at(*field)?;
                let owner = record_path(schema, *record, 0);
                let mut out = code(&format!("{name}: {}", ty_text(schema, &field.ty)));
                let _ = write!(out, "\n\nfield of `{owner}`");
                let bounds = field.bounds();
                if !bounds.is_unbounded() {
                    let _ = write!(out, "\n\naccepted values: {}", bounds.describe(&field.ty));
                }
                push_docs(&mut out, &field.docs);
                Some(out)
            }
            Symbol::Param(id) => {
                let param = pack.params.get(id.0 as usize)?;
                let mut out = code(&format!(
                    "param {}: {} = {}",
                    param.name,
                    param.ty.display(schema),
                    param.value.display(schema)
                ));
                if param.value != param.default {
                    let _ = write!(out, "\n\ndeclared as `{}`", param.default.display(schema));
                    if let Some(site) = &param.set_in {
                        let _ = write!(out, ", set by `{}` at {}", site.pack, site.location);
                    }
                }
                push_docs(&mut out, &param.docs);
                Some(out)
            }
            Symbol::Enum(id) => {
                let def = schema.enum_def(*id)?;
                let mut body = format!("enum {} {{\n", def.name);
                for variant in &def.variants {
                    let _ = writeln!(body, "  {},", variant.name);
                }
                body.push('}');
                let mut out = code(&body);
                push_docs(&mut out, &def.docs);
                Some(out)
            }
            Symbol::Variant { enum_id, index } => {
                let def = schema.enum_def(*enum_id)?;
                let variant = def.variants.get(*index as usize)?;
                let mut out = code(&format!("{}.{}", def.name, variant.name));
                let _ = write!(
                    out,
                    "\n\nvariant {} of {} of `{}`",
                    index.saturating_add(1),
                    def.variants.len(),
                    def.name
                );
                push_docs(&mut out, &variant.docs);
                Some(out)
            }
            Symbol::TypeAlias(name) => {
                let (ty, _) = schema.aliases.get(name)?;
                Some(code(&format!("type {name} = {}", ty_text(schema, ty))))
            }
            Symbol::Clause(id) => self.describe_clause(id),
            Symbol::Local {
                clause,
                name,
                definition,
            } => {
                let ty = self
                    .file_text(file)
                    .and_then(|text| crate::completion::bound_type(self, text, *definition, name));
                let head = match ty {
                    Some(ty) => format!("{name}: {}", ty_text(schema, &ty)),
                    None => name.clone(),
                };
                let mut out = code(&head);
                let _ = write!(out, "\n\na variable bound in `{clause}`");
                Some(out)
            }
        }
    }

    fn describe_clause(&self, id: &str) -> Option<String> {
        let pack = &self.checked.pack;
        if let Some(req) = pack.requirements.iter().find(|r| r.meta.id == id) {
            let head = format!("requirement {}\nlevel {}", req.meta.id, req.level.as_str());
            return Some(clause_markdown(&head, &req.meta, &pack.schema.lots));
        }
        let crit = pack.criteria.iter().find(|c| c.meta.id == id)?;
        let head = format!("criterion {}\nweight {}", crit.meta.id, crit.weight);
        Some(clause_markdown(&head, &crit.meta, &pack.schema.lots))
    }
}

fn clause_markdown(head: &str, meta: &ClauseMeta, lots: &[Lot]) -> String {
    let mut out = code(head);
    if !meta.title.is_empty() {
        let _ = write!(out, "\n\n**{}**", meta.title);
    }
    push_lots(&mut out, &meta.lots, lots);
    if let Some(text) = &meta.text {
        let _ = write!(out, "\n\n> {}", text.source);
    }
    if let Some(note) = &meta.note {
        let _ = write!(out, "\n\nNote: {}", note.source);
    }
    if !meta.refs.is_empty() {
        out.push_str("\n\nReferences:");
        for reference in &meta.refs {
            let _ = write!(out, "\n- {reference}");
        }
    }
    if !meta.evidence.is_empty() {
        out.push_str("\n\nEvidence:");
        for evidence in &meta.evidence {
            let _ = write!(out, "\n- {evidence}");
        }
    }
    push_docs(&mut out, &meta.docs);
    out
}

/// The lots a clause applies to, by id and title, in a pack divided into lots.
fn push_lots(out: &mut String, applies_to: &[String], lots: &[Lot]) {
    if lots.is_empty() {
        return;
    }
    if applies_to.is_empty() {
        out.push_str("\n\nApplies to every lot");
        return;
    }
    out.push_str("\n\nLots:");
    for lot in lots.iter().filter(|lot| applies_to.contains(&lot.id)) {
        let _ = write!(out, "\n- {} — {}", lot.id, lot.title);
    }
}

/// A type as written: a record without a name shows its fields.
pub(crate) fn ty_text(schema: &Schema, ty: &Ty) -> String {
    if let Ty::Record(id) = ty
        && let Some(record) = schema.record(*id)
        && record.name.is_none()
    {
        let fields: Vec<String> = record
            .fields
            .iter()
            .map(|(name, def)| format!("{name}: {}", def.ty.display(schema)))
            .collect();
        return format!("{{ {} }}", fields.join(", "));
    }
    ty.display(schema).to_string()
}

/// How a record is named: `descriptor`, `Subprocessor`, or the path to an inline record
/// (`descriptor.hosting`).
pub(crate) fn record_path(schema: &Schema, record: RecordId, depth: usize) -> String {
    if let Some(name) = schema.record(record).and_then(|r| r.name.as_deref()) {
        return name.to_owned();
    }
    if depth < 16 {
        for (index, owner) in schema.records.iter().enumerate() {
            for (name, field) in &owner.fields {
                let mut ty = &field.ty;
                while let Some(inner) = ty.element() {
                    ty = inner;
                }
                if *ty == Ty::Record(record) {
                    let owner_id = RecordId(u32::try_from(index).unwrap_or(u32::MAX));
                    return format!("{}.{name}", record_path(schema, owner_id, depth + 1));
                }
            }
        }
    }
    "a record".to_owned()
}

fn code(text: &str) -> String {
    format!("```clausier\n{text}\n```")
}

fn push_docs(out: &mut String, docs: &str) {
    if !docs.is_empty() {
        let _ = write!(out, "\n\n---\n\n{docs}");
    }
}

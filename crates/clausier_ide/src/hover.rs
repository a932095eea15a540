//! Hover: what a name under the cursor stands for, as Markdown.

use std::fmt::Write as _;

use clausier_check::bounds::{Bound, FieldBounds, Unit};
use clausier_check::hir::{ClauseMeta, LegalText, Lot, RequirementDef, Symbol};
use clausier_check::types::{RecordId, Schema, Ty};
use clausier_i18n::{Lang, t};
use clausier_report::pack::{condition_markdown, legal_text_filled};
use clausier_syntax::ast::{Level, TextFunction, TimeFunction};

use crate::{Analysis, FileId, Span};

/// What each text check of the standard library takes and says, shown on hover: the
/// signature as code, the meaning in the reader's language.
fn text_function_markdown(function: TextFunction, lang: Lang) -> String {
    let (signature, meaning) = match function {
        TextFunction::Matches => (
            "matches(text: string, pattern: string literal): bool",
            t!(lang, "editor-function-matches"),
        ),
        TextFunction::Siret => (
            "siret(text: string): bool",
            t!(lang, "editor-function-siret"),
        ),
        TextFunction::Uai => ("uai(text: string): bool", t!(lang, "editor-function-uai")),
        TextFunction::HttpsUrl => (
            "https_url(text: string): bool",
            t!(lang, "editor-function-https-url"),
        ),
    };
    format!(
        "{}\n\n{}",
        code(signature),
        t!(lang, "editor-function-text-unknown", meaning = meaning)
    )
}

/// What each time function of the standard library takes and gives, shown on hover.
fn time_function_markdown(function: TimeFunction, lang: Lang) -> String {
    let (signature, meaning) = match function {
        TimeFunction::Weekday => (
            "weekday(d: date | datetime): weekday",
            t!(lang, "editor-function-weekday"),
        ),
        TimeFunction::BusinessDuration => (
            "business_duration(start: datetime, end: datetime, days: set<weekday>, opens: time, closes: time): duration",
            t!(lang, "editor-function-business-duration"),
        ),
    };
    format!("{}\n\n{meaning}", code(signature))
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
    /// legal text and references), or a keyword (what it does). The words around the code
    /// are in `lang`.
    ///
    /// On a requirement's `require` keyword, or where its condition has nothing else
    /// to say (an operator, a value, a space), the hover gives the rule as the tender
    /// words it (« Règle vérifiée : … »), as the hover of its id does.
    pub fn hover(&self, file: FileId, offset: u32, lang: Lang) -> Option<HoverResult> {
        let Some(occurrence) = self.symbol_at(file, offset) else {
            let found = self
                .text_function_hover(file, offset, lang)
                .or_else(|| self.keyword_hover(file, offset, lang));
            return self.with_rule_around(found, file, offset, lang);
        };
        let markdown = self.describe(file, &occurrence.symbol, lang)?;
        Some(HoverResult {
            markdown,
            range: occurrence.span,
        })
    }

    /// `found`, with the rule of the requirement whose `require` keyword is at `offset`;
    /// the rule alone, over the whole condition, when nothing was found in a condition.
    fn with_rule_around(
        &self,
        found: Option<HoverResult>,
        file: FileId,
        offset: u32,
        lang: Lang,
    ) -> Option<HoverResult> {
        let text = self.file_text(file)?;
        let requirements = self
            .checked
            .pack
            .requirements
            .iter()
            .filter(|requirement| requirement.meta.origin.file == file);
        for requirement in requirements {
            let condition = requirement.require.span;
            let keyword = text
                .get(..condition.start as usize)
                .map(str::trim_end)
                .filter(|before| before.ends_with(REQUIRE))
                .and_then(|before| {
                    let end = u32::try_from(before.len()).ok()?;
                    Some(Span::new(end.checked_sub(REQUIRE.len() as u32)?, end))
                });
            let on_keyword = keyword.is_some_and(|keyword| keyword.touches(offset));
            let rule = || self.rule_checked(requirement, lang);
            match &found {
                Some(found) if on_keyword => {
                    return Some(HoverResult {
                        markdown: format!("{}\n\n{}", found.markdown, rule()),
                        range: found.range,
                    });
                }
                None if condition.touches(offset) => {
                    return Some(HoverResult {
                        markdown: rule(),
                        range: condition,
                    });
                }
                _ => {}
            }
        }
        found
    }

    /// « Règle vérifiée : `hosting.region` est l'une des valeurs EU, EEA »: the
    /// condition of a requirement in the words of the tender `clausier render` writes.
    fn rule_checked(&self, requirement: &RequirementDef, lang: Lang) -> String {
        let deadline_known = self
            .root_manifest()
            .and_then(|manifest| manifest.document.as_ref())
            .is_some_and(|document| document.deadline.is_some());
        let rule = condition_markdown(
            &self.checked.pack,
            &requirement.require,
            lang,
            deadline_known,
        );
        t!(lang, "editor-hover-rule-checked", rule = rule)
    }

    /// Hover over the word of a text check written right before `(`.
    fn text_function_hover(&self, file: FileId, offset: u32, lang: Lang) -> Option<HoverResult> {
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
            Some(time) => time_function_markdown(time, lang),
            None => text_function_markdown(TextFunction::from_word(word)?, lang),
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

    fn describe(&self, file: FileId, symbol: &Symbol, lang: Lang) -> Option<String> {
        let pack = &self.checked.pack;
        let schema = &pack.schema;
        match symbol {
            Symbol::Field { record, field } => {
                let def = schema.record(*record)?;
                let (name, field) = def.field_at(*field)?;
                let owner = record_path(schema, *record, 0)
                    .unwrap_or_else(|| t!(lang, "editor-hover-a-record"));
                let mut out = code(&format!("{name}: {}", ty_text(schema, &field.ty)));
                let _ = write!(
                    out,
                    "\n\n{}",
                    t!(lang, "editor-hover-field-of", owner = owner)
                );
                let bounds = field.bounds();
                if !bounds.is_unbounded() {
                    let values = bounds_text(&bounds, &field.ty, lang);
                    let _ = write!(
                        out,
                        "\n\n{}",
                        t!(lang, "editor-hover-accepted-values", values = values)
                    );
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
                    let declared = param.default.display(schema).to_string();
                    let _ = write!(
                        out,
                        "\n\n{}",
                        t!(lang, "editor-hover-declared-as", value = declared)
                    );
                    if let Some(site) = &param.set_in {
                        out.push_str(&t!(
                            lang,
                            "editor-hover-set-by",
                            pack = site.pack.as_str(),
                            location = site.location.as_str()
                        ));
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
                let variant_words = t!(
                    lang,
                    "editor-hover-variant",
                    index = index.saturating_add(1).to_string(),
                    count = def.variants.len().to_string(),
                    enum = def.name.as_str()
                );
                let _ = write!(out, "\n\n{variant_words}");
                push_docs(&mut out, &variant.docs);
                Some(out)
            }
            Symbol::TypeAlias(name) => {
                let (ty, _) = schema.aliases.get(name)?;
                Some(code(&format!("type {name} = {}", ty_text(schema, ty))))
            }
            Symbol::Clause(id) => self.describe_clause(id, lang),
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
                let _ = write!(
                    out,
                    "\n\n{}",
                    t!(lang, "editor-hover-local", clause = clause.as_str())
                );
                Some(out)
            }
        }
    }

    fn describe_clause(&self, id: &str, lang: Lang) -> Option<String> {
        let pack = &self.checked.pack;
        if let Some(req) = pack.requirements.iter().find(|r| r.meta.id == id) {
            let head = t!(
                lang,
                "editor-hover-requirement",
                id = req.meta.id.as_str(),
                level = level_words(req.level, lang)
            );
            let rule = self.rule_checked(req, lang);
            return Some(clause_markdown(
                &head,
                &req.meta,
                &pack.schema.lots,
                Some(&rule),
                &|text| legal_text_filled(pack, text, lang),
                lang,
            ));
        }
        // An indicator or a risk: its title, texts and references.
        let indicator = pack.indicators.iter().find(|i| i.meta.id == id);
        let inventory_item = match indicator {
            Some(indicator) => Some((&indicator.meta, t!(lang, "editor-hover-indicator", id = id))),
            None => pack
                .risks
                .iter()
                .find(|risk| risk.meta.id == id)
                .map(|risk| (&risk.meta, t!(lang, "editor-hover-risk", id = id))),
        };
        if let Some((meta, head)) = inventory_item {
            return Some(clause_markdown(
                &head,
                meta,
                &pack.schema.lots,
                None,
                &|text| legal_text_filled(pack, text, lang),
                lang,
            ));
        }
        let crit = pack.criteria.iter().find(|c| c.meta.id == id)?;
        let head = t!(
            lang,
            "editor-hover-criterion",
            id = crit.meta.id.as_str(),
            weight = crit.weight.to_string()
        );
        Some(clause_markdown(
            &head,
            &crit.meta,
            &pack.schema.lots,
            None,
            &|text| legal_text_filled(pack, text, lang),
            lang,
        ))
    }
}

/// The keyword before a requirement's condition.
const REQUIRE: &str = "require";

/// A level as the check report says it: `must`, « obligatoire ».
fn level_words(level: Level, lang: Lang) -> String {
    match level {
        Level::Must => t!(lang, "level-must"),
        Level::Should => t!(lang, "level-should"),
        Level::Info => t!(lang, "level-info"),
        Level::Execution => t!(lang, "level-execution"),
    }
}

/// The values a field's bounds admit, in words around the bounds' values (`at least
/// 0.01 €`, « au moins 0.01 € »).
fn bounds_text(bounds: &FieldBounds, ty: &Ty, lang: Lang) -> String {
    let unit = Unit::of(ty);
    let shown = |bound: Bound| unit.show(bound.value).to_string();
    let lower = |bound: Bound| {
        let value = shown(bound);
        if bound.inclusive {
            t!(lang, "editor-bounds-at-least", value = value)
        } else {
            t!(lang, "editor-bounds-more-than", value = value)
        }
    };
    let upper = |bound: Bound| {
        let value = shown(bound);
        if bound.inclusive {
            t!(lang, "editor-bounds-at-most", value = value)
        } else {
            t!(lang, "editor-bounds-less-than", value = value)
        }
    };
    match (bounds.lower, bounds.upper) {
        (Some(low), Some(high)) if low.inclusive && high.inclusive => t!(
            lang,
            "editor-bounds-from-to",
            lower = shown(low),
            upper = shown(high)
        ),
        (Some(low), Some(high)) => t!(
            lang,
            "editor-bounds-both",
            lower = lower(low),
            upper = upper(high)
        ),
        (Some(low), None) => lower(low),
        (None, Some(high)) => upper(high),
        (None, None) => t!(lang, "editor-bounds-any"),
    }
}

/// A clause's hover: its head, title, lots, legal text, note, references, evidence,
/// the rule it checks when it is a requirement, and its doc comment.
fn clause_markdown(
    head: &str,
    meta: &ClauseMeta,
    lots: &[Lot],
    rule: Option<&str>,
    filled: &dyn Fn(&LegalText) -> String,
    lang: Lang,
) -> String {
    let mut out = code(head);
    if !meta.title.is_empty() {
        let _ = write!(out, "\n\n**{}**", meta.title);
    }
    push_lots(&mut out, &meta.lots, lots, lang);
    if let Some(text) = &meta.text {
        let _ = write!(out, "\n\n> {}", filled(text));
    }
    if let Some(note) = &meta.note {
        let note = t!(lang, "editor-hover-note", note = filled(note));
        let _ = write!(out, "\n\n{note}");
    }
    if !meta.refs.is_empty() {
        let _ = write!(out, "\n\n{}", t!(lang, "editor-hover-references"));
        for reference in &meta.refs {
            let _ = write!(out, "\n- {reference}");
        }
    }
    if !meta.evidence.is_empty() {
        let _ = write!(out, "\n\n{}", t!(lang, "editor-hover-evidence"));
        for evidence in &meta.evidence {
            let _ = write!(out, "\n- {evidence}");
        }
    }
    if let Some(rule) = rule {
        let _ = write!(out, "\n\n{rule}");
    }
    push_docs(&mut out, &meta.docs);
    out
}

/// The lots a clause applies to, by id and title, in a pack divided into lots.
fn push_lots(out: &mut String, applies_to: &[String], lots: &[Lot], lang: Lang) {
    if lots.is_empty() {
        return;
    }
    if applies_to.is_empty() {
        let _ = write!(out, "\n\n{}", t!(lang, "editor-hover-every-lot"));
        return;
    }
    let _ = write!(out, "\n\n{}", t!(lang, "editor-hover-lots"));
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
/// (`descriptor.hosting`); `None` for a record no field leads to.
pub(crate) fn record_path(schema: &Schema, record: RecordId, depth: usize) -> Option<String> {
    if let Some(name) = schema.record(record).and_then(|r| r.name.as_deref()) {
        return Some(name.to_owned());
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
                    let owner = record_path(schema, owner_id, depth + 1)?;
                    return Some(format!("{owner}.{name}"));
                }
            }
        }
    }
    None
}

fn code(text: &str) -> String {
    format!("```clausier\n{text}\n```")
}

fn push_docs(out: &mut String, docs: &str) {
    if !docs.is_empty() {
        let _ = write!(out, "\n\n---\n\n{docs}");
    }
}

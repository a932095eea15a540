//! Completion. The text before the cursor is read directly, not the tree: while a name
//! is being typed, the line around it rarely parses.
//!
//! - after `a.b.`: the fields of that record, from the schema (`a` may be a descriptor
//!   field, a parameter, or a variable bound by `all`, `any` or `count`); after `Enum.`:
//!   its variants;
//! - where an enum is expected (after `==`, `!=`, `<`… or in the list after `in`, with
//!   an enum on the left): its variants in order, then the parameters of that type;
//! - at the start of a clause's line: the clause keywords; after `level`: `must` and
//!   `should`; after a `:` in a schema item: the types;
//! - in an expression: bound variables, parameters, descriptor fields, enums and the
//!   expression keywords; between items: the item keywords, with a snippet of the whole
//!   item for `requirement`, `criterion` and `test`;
//! - in the list of `use DEP::{…}`: the clause ids of `DEP`, and `must` or `should`
//!   after `as`.
//!
//! Where the type of what is being typed is known (the other side of a comparison, a
//! condition), the proposals of that type come first: see [`CompletionItem::relevance`].

use clausier_check::types::{RecordId, Schema, Ty};
use clausier_syntax::ast::{ItemKind, TimeFunction};
use clausier_syntax::lexicon::{
    BUILTIN_TYPES, CLAUSE_FIELD_KEYWORDS, CLAUSE_STATUSES, ENTRIES_NAME, EXPRESSION_KEYWORDS,
    INVENTORY_FIELD_KEYWORDS, ITEM_KEYWORDS, LIST_AGGREGATE_KEYWORDS, PASSED_KEYWORD,
    PROOF_KEYWORD, PROOF_KINDS, SCORE_KEYWORD, SHARE_KEYWORD, TEST_FIELD_KEYWORDS, TEST_OUTCOMES,
    TEXT_FUNCTION_KEYWORDS, TIME_FUNCTION_KEYWORDS,
};

use clausier_i18n::{Lang, t};

use crate::{Analysis, FileId, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompletionKind {
    Field,
    Variant,
    Enum,
    Type,
    Param,
    Local,
    Clause,
    Keyword,
}

/// One proposal: what to insert for the text in `source_range` (the part of a name
/// already typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    /// A type, a value, or what a keyword starts.
    pub detail: Option<String>,
    pub source_range: Span,
    /// What to insert instead of the label, in LSP snippet syntax (`${1:ID}` a
    /// placeholder, `$0` where the cursor ends): the whole item for an item keyword.
    pub snippet: Option<String>,
    /// How well the item fits the type expected at the cursor: 2 when it has that type,
    /// 1 when it has no type or none is expected, 0 when it has another type. Items
    /// come sorted by it, best first; an editor may sort by `(u32::MAX - relevance,
    /// position in the list)`.
    pub relevance: u32,
    /// What the editor should match the typed text against, when not the label: for a
    /// label that holds the typed text past its start (`interface_langage` for
    /// `langage`), the label from there on, then the whole label, so that an editor
    /// filtering by prefix keeps it too.
    pub filter_text: Option<String>,
}

/// What the item keywords that start a block expand to.
const ITEM_SNIPPETS: &[(&str, &str)] = &[
    (
        "requirement",
        "requirement ${1:ID} \"${2:title}\" {\n  level ${3|must,should|}\n  text \"${4}\"\n  require ${0}\n}",
    ),
    (
        "criterion",
        "criterion ${1:ID} \"${2:title}\" weight ${3:10} {\n  text \"${4}\"\n  score ${0}\n}",
    ),
    (
        "test",
        "test \"${1:name}\" {\n  given { ${2} }\n  expect ${0:eligible}\n}",
    ),
];

/// The relevance of an item by how it fits the expected type.
const FITS: u32 = 2;
const NEUTRAL: u32 = 1;
const MISFITS: u32 = 0;

/// What an item keyword of the lexicon starts, in `lang`.
fn item_detail(word: &str, lang: Lang) -> Option<String> {
    Some(match word {
        "requirement" => t!(lang, "editor-detail-requirement"),
        "criterion" => t!(lang, "editor-detail-criterion"),
        "indicator" => t!(lang, "editor-detail-indicator"),
        "risk" => t!(lang, "editor-detail-risk"),
        "param" => t!(lang, "editor-detail-param"),
        "descriptor" => t!(lang, "editor-detail-descriptor"),
        "enum" => t!(lang, "editor-detail-enum"),
        "type" => t!(lang, "editor-detail-type"),
        "test" => t!(lang, "editor-detail-test"),
        "use" => t!(lang, "editor-detail-use"),
        "set" => t!(lang, "editor-detail-set"),
        _ => return None,
    })
}

/// What a clause-field keyword of the lexicon starts, in `lang`.
fn clause_field_detail(word: &str, lang: Lang) -> Option<String> {
    Some(match word {
        "level" => t!(lang, "editor-detail-level"),
        "when" => t!(lang, "editor-detail-when"),
        "text" => t!(lang, "editor-detail-text"),
        "note" => t!(lang, "editor-detail-note"),
        "ref" => t!(lang, "editor-detail-ref"),
        "evidence" => t!(lang, "editor-detail-evidence"),
        "no_equivalent" => t!(lang, "editor-detail-no-equivalent"),
        "lots" => t!(lang, "editor-detail-lots"),
        "require" => t!(lang, "editor-detail-require"),
        "score" => t!(lang, "editor-detail-score"),
        "value" => t!(lang, "editor-detail-value"),
        "by" => t!(lang, "editor-detail-by"),
        "spend" => t!(lang, "editor-detail-spend"),
        "ends" => t!(lang, "editor-detail-ends"),
        "window" => t!(lang, "editor-detail-window"),
        "alternatives" => t!(lang, "editor-detail-alternatives"),
        _ => return None,
    })
}

/// Whether a clause-field keyword belongs in an item of this kind: the lines of
/// indicators and risks (`value`, `by`…) only there, and theirs only; `no_equivalent`
/// only in a requirement.
fn field_fits(item: &str, word: &str) -> bool {
    let inventory = INVENTORY_FIELD_KEYWORDS.contains(&word);
    match item {
        "indicator" => matches!(word, "text" | "note" | "ref" | "value" | "by"),
        "risk" => inventory && word != "by" || matches!(word, "text" | "note" | "ref"),
        "criterion" => !inventory && word != "no_equivalent",
        _ => !inventory,
    }
}

/// Where the cursor is on an `evidence` line: after its path, where `from` may follow,
/// or after `from` or a `,` of the kinds of proof.
#[derive(Debug, PartialEq, Eq)]
enum EvidenceSpot {
    AfterPath,
    ProofKind,
}

fn evidence_spot(line: &str) -> Option<EvidenceSpot> {
    let rest = line.trim_start().strip_prefix("evidence")?;
    if rest.contains('"') || !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let words: Vec<&str> = rest
        .split([' ', '\t', ','])
        .filter(|w| !w.is_empty())
        .collect();
    let typing = !rest.ends_with([' ', '\t', ',']);
    // The words before the one being typed, if any.
    let done = if typing {
        &words[..words.len().saturating_sub(1)]
    } else {
        &words[..]
    };
    match done {
        [_path] => Some(EvidenceSpot::AfterPath),
        [_path, from, ..] if *from == PROOF_KEYWORD => Some(EvidenceSpot::ProofKind),
        _ => None,
    }
}

/// What a kind of proof after `from` asks for, in `lang`.
fn proof_kind_detail(kind: &str, lang: Lang) -> Option<String> {
    Some(match kind {
        "document" => t!(lang, "editor-detail-proof-document"),
        "registry" => t!(lang, "editor-detail-proof-registry"),
        "audit" => t!(lang, "editor-detail-proof-audit"),
        _ => return None,
    })
}

/// The words after `level` or `as`.
fn levels() -> Vec<Proposal> {
    clausier_syntax::ast::Level::ALL
        .iter()
        .map(|level| keyword(level.as_str(), None))
        .collect()
}

/// The words after `expect`: an outcome, a clause's status, or `score`; `review` is
/// both an outcome and a status, and is proposed once.
fn expect_words() -> impl Iterator<Item = &'static str> {
    let statuses = CLAUSE_STATUSES
        .iter()
        .filter(|status| !TEST_OUTCOMES.contains(status));
    TEST_OUTCOMES
        .iter()
        .chain(statuses)
        .copied()
        .chain([SCORE_KEYWORD])
}

const MAX_DEPTH: usize = 16;

impl Analysis {
    /// What may be typed at the cursor, best fits first.
    /// The words that say what a keyword starts are in `lang`; types and values are
    /// shown as written.
    pub fn completions(&self, file: FileId, offset: u32, lang: Lang) -> Vec<CompletionItem> {
        let Some(text) = self.file_text(file) else {
            return Vec::new();
        };
        let Some(before) = text.get(..offset as usize) else {
            return Vec::new();
        };
        if in_comment_or_string(before) {
            return self.placeholder_completions(before);
        }
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_ident_char(*c))
            .last()
            .map_or(before.len(), |(i, _)| i);
        // A clause id may hold `-`: `expect pass HEB-0`.
        let id_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_ident_char(*c) || *c == '-')
            .last()
            .map_or(before.len(), |(i, _)| i);
        let start = match before.get(..id_start) {
            Some(head) if clause_status(head).is_some() || head.trim_end().ends_with("passed(") => {
                id_start
            }
            _ => start,
        };
        let (head, prefix) = before.split_at(start);
        let source_range = Span::from_range(start..before.len());
        let ctx = Ctx {
            analysis: self,
            head,
            lang,
        };
        let mut items = ctx.proposals();
        items.retain(|(label, _, _)| match_quality(label, prefix).is_some());
        let mut seen = std::collections::HashSet::new();
        let expected = ctx.expected_at_cursor();
        let mut out: Vec<CompletionItem> = items
            .into_iter()
            .filter(|(label, kind, _)| seen.insert((label.clone(), *kind)))
            .map(|(label, kind, detail)| {
                let relevance = match &expected {
                    Some(expected) => ctx.fit(expected, &label, kind, detail.as_deref()),
                    None => NEUTRAL,
                };
                let snippet = (kind == CompletionKind::Keyword && brace_depth(head) == 0)
                    .then(|| ITEM_SNIPPETS.iter().find(|(k, _)| *k == label))
                    .flatten()
                    .map(|(_, snippet)| (*snippet).to_owned());
                CompletionItem {
                    filter_text: filter_text(&label, prefix),
                    label,
                    kind,
                    detail,
                    source_range,
                    snippet,
                    relevance,
                }
            })
            .collect();
        out.sort_by_key(|item| {
            let quality = match_quality(&item.label, prefix).unwrap_or(Match::Inside);
            (quality, std::cmp::Reverse(item.relevance))
        });
        out
    }
}

/// How a label holds what was typed, best first: proposals are kept when they hold it
/// in any of these ways (so `langage` finds `interface_langage`; letters scattered
/// through a label are left to the editor's own filter, on what it already has), and sorted by it before
/// their fit to the expected type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    /// The label starts with it.
    Prefix,
    /// A word of the label, after `_`, `-` or `.`, starts with it.
    WordStart,
    /// The label holds it somewhere else.
    Inside,
}

/// How `label` holds `typed`, ignoring case, or `None` when it does not.
fn match_quality(label: &str, typed: &str) -> Option<Match> {
    find_typed(label, typed).map(|(quality, _)| quality)
}

/// How `label` holds `typed`, ignoring case, and the byte offset in the lowercase label
/// where it does.
fn find_typed(label: &str, typed: &str) -> Option<(Match, usize)> {
    let label = label.to_lowercase();
    let typed = typed.to_lowercase();
    if label.starts_with(&typed) {
        return Some((Match::Prefix, 0));
    }
    let word_start = label.match_indices(['_', '-', '.']).find_map(|(at, sep)| {
        let start = at + sep.len();
        label
            .get(start..)
            .is_some_and(|rest| rest.starts_with(&typed))
            .then_some(start)
    });
    if let Some(start) = word_start {
        return Some((Match::WordStart, start));
    }
    label.find(&typed).map(|start| (Match::Inside, start))
}

/// The filter text of a label that holds `typed` past its start: see
/// [`CompletionItem::filter_text`].
fn filter_text(label: &str, typed: &str) -> Option<String> {
    let (_, start) = find_typed(label, typed)?;
    // Lowercasing keeps the byte offsets of the labels of the language (ASCII and
    // French letters); should it not, the label alone is the filter.
    let from_there = label.get(start..).filter(|_| start > 0)?;
    Some(format!("{from_there} {label}"))
}

impl Analysis {
    /// In a string, right after an opening `{` and the start of a name: the parameters
    /// a placeholder may name. Anywhere else in a string or a comment, nothing.
    fn placeholder_completions(&self, before: &str) -> Vec<CompletionItem> {
        let line = before.rsplit('\n').next().unwrap_or("");
        let prefix_len: usize = line
            .chars()
            .rev()
            .take_while(|c| is_ident_char(*c))
            .map(char::len_utf8)
            .sum();
        let Some(head) = line.get(..line.len() - prefix_len) else {
            return Vec::new();
        };
        let opens_placeholder =
            head.ends_with('{') && head.chars().rev().take_while(|c| *c == '{').count() % 2 == 1;
        let field = head.trim_start();
        if !opens_placeholder || !(field.starts_with("text ") || field.starts_with("note ")) {
            return Vec::new();
        }
        let prefix = line
            .get(line.len() - prefix_len..)
            .unwrap_or("")
            .to_lowercase();
        let start = before.len() - prefix_len;
        let schema = &self.checked.pack.schema;
        self.checked
            .pack
            .params
            .iter()
            .filter(|p| p.name.to_lowercase().starts_with(&prefix))
            .map(|p| CompletionItem {
                label: p.name.clone(),
                kind: CompletionKind::Param,
                detail: Some(format!(
                    "{} = {}",
                    p.ty.display(schema),
                    p.value.display(schema)
                )),
                source_range: Span::from_range(start..before.len()),
                snippet: None,
                relevance: NEUTRAL,
                filter_text: None,
            })
            .collect()
    }
}

type Proposal = (String, CompletionKind, Option<String>);

struct Ctx<'a> {
    analysis: &'a Analysis,
    /// The text before the name being typed.
    head: &'a str,
    /// The language of the words that say what a keyword starts.
    lang: Lang,
}

impl Ctx<'_> {
    fn schema(&self) -> &Schema {
        &self.analysis.checked.pack.schema
    }

    /// A keyword with what it starts.
    fn keyword(&self, name: &str, detail: Option<String>) -> Proposal {
        (name.to_owned(), CompletionKind::Keyword, detail)
    }

    fn proposals(&self) -> Vec<Proposal> {
        if let Some(path) = self.head.strip_suffix('.') {
            return self.after_dot(trailing_path(path));
        }
        let trimmed = self.head.trim_end();
        if let Some(Ty::Enum(id)) = self.expected_type(trimmed) {
            let mut out = self.variants(id);
            out.extend(self.params_of(&Ty::Enum(id)));
            return out;
        }
        let depth = brace_depth(self.head);
        if depth == 0 {
            return ITEM_KEYWORDS
                .iter()
                .map(|k| self.keyword(k, item_detail(k, self.lang)))
                .collect();
        }
        let item = enclosing_item(self.head);
        let line = self.head.rsplit('\n').next().unwrap_or("");
        let at_line_start = line.trim().is_empty();
        match item {
            "requirement" | "criterion" | "indicator" | "risk" => {
                if at_line_start && depth == 1 {
                    return CLAUSE_FIELD_KEYWORDS
                        .iter()
                        .filter(|k| field_fits(item, k))
                        .map(|k| self.keyword(k, clause_field_detail(k, self.lang)))
                        .collect();
                }
                if line.trim() == "level" {
                    return levels();
                }
                // `evidence PATH "…"`: the path of a required document is a field.
                if line.trim() == "evidence" {
                    return self.fields(self.schema().descriptor);
                }
                // `evidence PATH from document, registry "…"`: the kinds of proof.
                match evidence_spot(line) {
                    Some(EvidenceSpot::AfterPath) => {
                        let detail = t!(self.lang, "editor-detail-from");
                        return vec![self.keyword(PROOF_KEYWORD, Some(detail))];
                    }
                    Some(EvidenceSpot::ProofKind) => {
                        return PROOF_KINDS
                            .iter()
                            .map(|kind| self.keyword(kind, proof_kind_detail(kind, self.lang)))
                            .collect();
                    }
                    None => {}
                }
                let in_score = item == "criterion" && line.trim_start().starts_with("score");
                if in_score && trimmed.ends_with("passed(") {
                    return self.should_requirements();
                }
                let mut out = self.expression();
                if in_score {
                    out.push(
                        self.keyword(PASSED_KEYWORD, Some(t!(self.lang, "editor-detail-passed"))),
                    );
                }
                // Only an indicator's value sums the whole inventory.
                if item == "indicator" && line.trim_start().starts_with("value") {
                    out.push(
                        self.keyword(ENTRIES_NAME, Some(t!(self.lang, "editor-detail-entries"))),
                    );
                    out.push(
                        self.keyword(SHARE_KEYWORD, Some(t!(self.lang, "editor-detail-share"))),
                    );
                }
                out
            }
            "descriptor" | "type" | "param" if is_type_position(trimmed) => self.types(),
            "test" if at_line_start && depth == 1 => TEST_FIELD_KEYWORDS
                .iter()
                .map(|k| keyword(k, None))
                .collect(),
            "test" if clause_status(self.head).is_some() => self.clause_ids(),
            "test" if line.trim() == "expect" => expect_words().map(|k| keyword(k, None)).collect(),
            "param" => self.expression(),
            "use" => self.use_list(),
            _ => Vec::new(),
        }
    }

    /// In `use DEP::{…}`: the clause ids of `DEP`, or the levels after `as`.
    fn use_list(&self) -> Vec<Proposal> {
        let item = self.head.get(item_start(self.head)..).unwrap_or("");
        let Some((dep, list)) = item.split_once("::") else {
            return Vec::new();
        };
        let Some(list) = list.trim_start().strip_prefix('{') else {
            return Vec::new();
        };
        if list.contains('}') {
            return Vec::new();
        }
        let current = list.rsplit(',').next().unwrap_or("");
        let words: Vec<&str> = current.split_whitespace().collect();
        match words.as_slice() {
            [] => self.clause_ids_of(dep.trim_start_matches("use").trim()),
            [_, "as"] => levels(),
            _ => Vec::new(),
        }
    }

    /// The requirements and criteria of the pack `dep`: those the analysis holds the
    /// files of, else every one it knows (an analysis of one pack knows no other).
    fn clause_ids_of(&self, dep: &str) -> Vec<Proposal> {
        let analysis = self.analysis;
        let mut of_dep = Vec::new();
        let mut all = Vec::new();
        for data in &analysis.files {
            let in_dep = analysis.file_pack(data.id) == Some(dep);
            for item in &data.parse.ast.items {
                let (id, title) = match &item.kind {
                    ItemKind::Requirement(decl) => (&decl.id, &decl.title),
                    ItemKind::Criterion(decl) => (&decl.id, &decl.title),
                    _ => continue,
                };
                let detail = title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .filter(|t| !t.is_empty());
                let proposal = (id.name.clone(), CompletionKind::Clause, detail);
                if in_dep {
                    of_dep.push(proposal.clone());
                }
                all.push(proposal);
            }
        }
        if of_dep.is_empty() { all } else { of_dep }
    }

    /// The type expected where the cursor is: the other side of a comparison, the
    /// elements of the list after `in`, a truth value after `require`, `when`, `and`,
    /// `or`, `not`, `implies`, `if`, a number after `score`.
    fn expected_at_cursor(&self) -> Option<Ty> {
        let trimmed = self.head.trim_end();
        if brace_depth(self.head) == 0 {
            return None;
        }
        if let Some(ty) = self.expected_type(trimmed) {
            return Some(ty);
        }
        let last_word = trimmed
            .rsplit(|c: char| !is_ident_char(c))
            .next()
            .unwrap_or("");
        let before_word = trimmed
            .get(..trimmed.len().saturating_sub(last_word.len()))
            .unwrap_or("");
        // `ab.and` is a path, not the operator.
        if before_word.ends_with('.') {
            return None;
        }
        match last_word {
            "require" | "when" | "and" | "or" | "not" | "implies" | "if" => Some(Ty::Bool),
            "score" => Some(Ty::Number),
            _ => None,
        }
    }

    /// How a proposal fits the expected type.
    fn fit(&self, expected: &Ty, label: &str, kind: CompletionKind, detail: Option<&str>) -> u32 {
        let schema = self.schema();
        let ty = match kind {
            CompletionKind::Param => {
                let params = &self.analysis.checked.pack.params;
                params
                    .iter()
                    .find(|p| p.name == label)
                    .map(|p| p.ty.clone())
            }
            CompletionKind::Field => schema
                .descriptor_record()
                .and_then(|r| r.field(label))
                .map(|(_, f)| f.ty.clone()),
            CompletionKind::Local => self.local_type(label, 0),
            CompletionKind::Variant => detail
                .and_then(|name| schema.enum_by_name(name))
                .map(|(id, _)| Ty::Enum(id)),
            // An enum's name leads to its variants.
            CompletionKind::Enum => schema.enum_by_name(label).map(|(id, _)| Ty::Enum(id)),
            CompletionKind::Keyword => match label {
                "true" | "false" | "all" | "any" | "has" | "not" => Some(Ty::Bool),
                _ if TEXT_FUNCTION_KEYWORDS.contains(&label) => Some(Ty::Bool),
                "today" => Some(Ty::Date),
                "count" => Some(Ty::Int),
                _ => None,
            },
            CompletionKind::Type | CompletionKind::Clause => None,
        };
        match ty {
            None | Some(Ty::Error) => NEUTRAL,
            // A record leads to fields that may fit.
            Some(Ty::Record(_)) => NEUTRAL,
            Some(ty) if fits(&ty, expected) => FITS,
            Some(_) => MISFITS,
        }
    }

    fn after_dot(&self, path: &str) -> Vec<Proposal> {
        let segments: Vec<&str> = path.split('.').collect();
        if let [name] = segments.as_slice()
            && let Some((id, _)) = self.schema().enum_by_name(name)
        {
            return self.variants(id);
        }
        match self.path_type(&segments, 0) {
            Some(Ty::Record(record)) => self.fields(record),
            _ => Vec::new(),
        }
    }

    /// The type of a dotted path: a descriptor field, a parameter or a bound variable,
    /// then fields of records.
    fn path_type(&self, segments: &[&str], depth: usize) -> Option<Ty> {
        let (first, rest) = segments.split_first()?;
        let schema = self.schema();
        let mut ty = if let Some(ty) = self.local_type(first, depth) {
            ty
        } else if let Some((_, def)) = schema.descriptor_record().and_then(|r| r.field(first)) {
            def.ty.clone()
        } else {
            let params = &self.analysis.checked.pack.params;
            params.iter().find(|p| p.name == *first)?.ty.clone()
        };
        for segment in rest {
            let Ty::Record(record) = ty else {
                return None;
            };
            ty = schema.record(record)?.field(segment)?.1.ty.clone();
        }
        Some(ty)
    }

    /// The element type of the collection a variable is bound to, read from the text:
    /// `all NAME in PATH:`, `any NAME in PATH:`, `count(NAME in PATH:`.
    fn local_type(&self, name: &str, depth: usize) -> Option<Ty> {
        if depth >= MAX_DEPTH {
            return None;
        }
        let at = ["all ", "any ", "count("]
            .iter()
            .filter_map(|kw| {
                let pattern = format!("{kw}{name} in ");
                self.head.rfind(&pattern).map(|i| i + pattern.len())
            })
            .max()?;
        let rest = self.head.get(at..)?;
        let collection = rest.split(':').next()?.trim();
        let segments: Vec<&str> = collection.split('.').collect();
        if segments
            .iter()
            .any(|s| s.is_empty() || !s.chars().all(is_ident_char))
        {
            return None;
        }
        self.path_type(&segments, depth + 1)?.element().cloned()
    }

    /// The type expected after a comparison or inside the list after `in`.
    fn expected_type(&self, trimmed: &str) -> Option<Ty> {
        let lhs = ["==", "!=", "<=", ">=", "<", ">"]
            .iter()
            .find_map(|op| trimmed.strip_suffix(op))
            .or_else(|| {
                let open = trimmed.rfind('[')?;
                let inside = trimmed.get(open + 1..)?;
                if inside.contains(']') {
                    return None;
                }
                trimmed.get(..open)?.trim_end().strip_suffix("in")
            })?;
        let path = trailing_path(lhs.trim_end());
        if path.is_empty() {
            return None;
        }
        let segments: Vec<&str> = path.split('.').collect();
        let ty = self.path_type(&segments, 0)?;
        match ty {
            Ty::List(inner) | Ty::Set(inner) => Some(*inner),
            ty => Some(ty),
        }
    }

    fn variants(&self, id: clausier_check::types::EnumId) -> Vec<Proposal> {
        let Some(def) = self.schema().enum_def(id) else {
            return Vec::new();
        };
        def.variants
            .iter()
            .map(|v| {
                let detail = Some(def.name.clone());
                (v.name.clone(), CompletionKind::Variant, detail)
            })
            .collect()
    }

    fn fields(&self, record: RecordId) -> Vec<Proposal> {
        let schema = self.schema();
        let Some(def) = schema.record(record) else {
            return Vec::new();
        };
        def.fields
            .iter()
            .map(|(name, field)| {
                let detail = Some(crate::hover::ty_text(schema, &field.ty));
                (name.clone(), CompletionKind::Field, detail)
            })
            .collect()
    }

    fn params_of(&self, ty: &Ty) -> Vec<Proposal> {
        let schema = self.schema();
        self.analysis
            .checked
            .pack
            .params
            .iter()
            .filter(|p| &p.ty == ty)
            .map(|p| {
                let detail = format!("{} = {}", p.ty.display(schema), p.value.display(schema));
                (p.name.clone(), CompletionKind::Param, Some(detail))
            })
            .collect()
    }

    fn expression(&self) -> Vec<Proposal> {
        let schema = self.schema();
        let mut out = self.locals();
        let params = &self.analysis.checked.pack.params;
        out.extend(params.iter().map(|p| {
            let detail = format!("{} = {}", p.ty.display(schema), p.value.display(schema));
            (p.name.clone(), CompletionKind::Param, Some(detail))
        }));
        out.extend(self.fields(schema.descriptor));
        out.extend(schema.enums.iter().map(|e| {
            let names: Vec<&str> = e.variants.iter().map(|v| v.name.as_str()).collect();
            let detail = format!("{{ {} }}", names.join(", "));
            (e.name.clone(), CompletionKind::Enum, Some(detail))
        }));
        out.extend(EXPRESSION_KEYWORDS.iter().map(|k| keyword(k, None)));
        out.extend(
            LIST_AGGREGATE_KEYWORDS
                .iter()
                .map(|k| self.keyword(k, list_aggregate_detail(k, self.lang))),
        );
        out.extend(
            TEXT_FUNCTION_KEYWORDS
                .iter()
                .map(|k| self.keyword(k, text_function_detail(k, self.lang))),
        );
        out.extend(
            TIME_FUNCTION_KEYWORDS
                .iter()
                .map(|k| self.keyword(k, time_function_detail(k, self.lang))),
        );
        out
    }

    /// Variables bound before the cursor in the item it is in, read from the text
    /// (`all NAME in`, `any NAME in`, `count(NAME in`), nearest first.
    fn locals(&self) -> Vec<Proposal> {
        let item_start = item_start(self.head);
        let item = self.head.get(item_start..).unwrap_or("");
        let mut out = Vec::new();
        for kw in ["all ", "any ", "count(", "sum(", "mean(", "min(", "max("] {
            for (at, _) in item.match_indices(kw) {
                let boundary = item
                    .get(..at)
                    .and_then(|b| b.chars().next_back())
                    .is_none_or(|c| !is_ident_char(c));
                let rest = item.get(at + kw.len()..).unwrap_or("");
                let name: String = rest.chars().take_while(|c| is_ident_char(*c)).collect();
                let bound = rest
                    .get(name.len()..)
                    .is_some_and(|r| r.starts_with(" in "));
                if boundary && bound && !name.is_empty() {
                    out.push((at, name));
                }
            }
        }
        out.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        out.into_iter()
            .map(|(_, name)| (name, CompletionKind::Local, None))
            .collect()
    }

    /// The pack's requirements and criteria, with their titles.
    fn clause_ids(&self) -> Vec<Proposal> {
        let pack = &self.analysis.checked.pack;
        let metas = pack.requirements.iter().map(|r| &r.meta);
        metas
            .chain(pack.criteria.iter().map(|c| &c.meta))
            .map(|meta| {
                let detail = Some(meta.title.clone()).filter(|t| !t.is_empty());
                (meta.id.clone(), CompletionKind::Clause, detail)
            })
            .collect()
    }

    /// The requirements `passed(…)` may read: those of level `should`.
    fn should_requirements(&self) -> Vec<Proposal> {
        self.analysis
            .checked
            .pack
            .requirements
            .iter()
            .filter(|r| r.level == clausier_syntax::ast::Level::Should)
            .map(|r| {
                let detail = Some(r.meta.title.clone()).filter(|t| !t.is_empty());
                (r.meta.id.clone(), CompletionKind::Clause, detail)
            })
            .collect()
    }

    fn types(&self) -> Vec<Proposal> {
        let schema = self.schema();
        let mut out: Vec<Proposal> = schema
            .enums
            .iter()
            .map(|e| (e.name.clone(), CompletionKind::Enum, None))
            .collect();
        out.extend(
            schema
                .aliases
                .keys()
                .map(|name| (name.clone(), CompletionKind::Type, None)),
        );
        out.extend(
            BUILTIN_TYPES
                .iter()
                .map(|t| ((*t).to_owned(), CompletionKind::Type, None)),
        );
        out
    }
}

/// The type of the variable bound at `definition` (`s` in `all s in xs:`): the
/// element type of its collection.
pub(crate) fn bound_type(
    analysis: &Analysis,
    text: &str,
    definition: Span,
    name: &str,
) -> Option<Ty> {
    let after = text.get(definition.end as usize..)?;
    let end = (definition.end as usize).saturating_add(after.find(':').unwrap_or(after.len()));
    let ctx = Ctx {
        analysis,
        head: text.get(..end)?,
        // Only the type is asked for, never a keyword's words.
        lang: Lang::default(),
    };
    ctx.local_type(name, 0)
}

/// Whether a value of type `ty` can stand where `expected` is expected: the same type,
/// or one numeric type for the other (`int` widens to `number`).
fn fits(ty: &Ty, expected: &Ty) -> bool {
    ty == expected || (ty.is_numeric() && expected.is_numeric())
}

/// What each aggregate over a list computes, shown beside its word.
fn list_aggregate_detail(word: &str, lang: Lang) -> Option<String> {
    match word {
        "sum" => Some(t!(lang, "editor-detail-sum")),
        "mean" => Some(t!(lang, "editor-detail-mean")),
        "min" => Some(t!(lang, "editor-detail-min")),
        "max" => Some(t!(lang, "editor-detail-max")),
        _ => None,
    }
}

/// The detail shown beside a time function of the standard library.
fn time_function_detail(word: &str, lang: Lang) -> Option<String> {
    match TimeFunction::from_word(word)? {
        TimeFunction::Weekday => Some(t!(lang, "editor-detail-weekday")),
        TimeFunction::BusinessDuration => Some(t!(lang, "editor-detail-business-duration")),
    }
}

/// What each text check says of a text, shown beside its word.
fn text_function_detail(word: &str, lang: Lang) -> Option<String> {
    match word {
        "matches" => Some(t!(lang, "editor-detail-matches")),
        "siret" => Some(t!(lang, "editor-detail-siret")),
        "uai" => Some(t!(lang, "editor-detail-uai")),
        "https_url" => Some(t!(lang, "editor-detail-https-url")),
        _ => None,
    }
}

fn keyword(name: &str, detail: Option<&str>) -> Proposal {
    (
        name.to_owned(),
        CompletionKind::Keyword,
        detail.map(str::to_owned),
    )
}

fn is_ident_char(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_continue(c)
}

/// The dotted path at the end of `text`: `hosting.region` in `require hosting.region`.
fn trailing_path(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_ident_char(*c) || *c == '.')
        .last()
        .map_or(text.len(), |(i, _)| i);
    text.get(start..).unwrap_or("")
}

/// The status word before a clause id in a test (`expect pass `), if the text before
/// the cursor ends with one.
fn clause_status(head: &str) -> Option<&str> {
    let line = head.rsplit('\n').next()?;
    if !line.ends_with(' ') {
        return None;
    }
    let mut words = line.split_whitespace().rev();
    let status = words.next()?;
    let known = CLAUSE_STATUSES.contains(&status);
    (known && words.next() == Some("expect")).then_some(status)
}

/// Whether a type is expected: after `:` or `<`.
fn is_type_position(trimmed: &str) -> bool {
    trimmed.ends_with(':') || trimmed.ends_with('<') || trimmed.ends_with('=')
}

/// Whether the cursor is in a `//` comment or a string of its line.
fn in_comment_or_string(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or("");
    let mut in_string = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_string => {
                chars.next();
            }
            '"' => in_string = !in_string,
            '/' if !in_string && chars.peek() == Some(&'/') => return true,
            _ => {}
        }
    }
    in_string
}

/// How many `{` are open at the end of `text`, outside strings and comments.
fn brace_depth(text: &str) -> usize {
    let mut depth = 0usize;
    for line in text.split('\n') {
        let mut in_string = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if in_string => {
                    chars.next();
                }
                '"' => in_string = !in_string,
                '/' if !in_string && chars.peek() == Some(&'/') => break,
                '{' if !in_string => depth += 1,
                '}' if !in_string => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    depth
}

/// Where the item the cursor is in starts: the last line that starts with an item
/// keyword in column 0.
fn item_start(head: &str) -> usize {
    let mut at = head.len();
    for line in head.rsplit('\n') {
        at = at.saturating_sub(line.len());
        let word = line.split(|c: char| !is_ident_char(c)).next().unwrap_or("");
        if !word.is_empty() && line.starts_with(word) && ITEM_KEYWORDS.contains(&word) {
            return at;
        }
        at = at.saturating_sub(1);
    }
    0
}

/// The keyword of the last line before the cursor that starts an item (in column 0).
fn enclosing_item(head: &str) -> &str {
    head.split('\n')
        .rev()
        .find_map(|line| {
            let word = line.split(|c: char| !is_ident_char(c)).next()?;
            let known = ITEM_KEYWORDS.contains(&word);
            (known && line.starts_with(word)).then_some(word)
        })
        .unwrap_or("")
}

//! Semantic tokens: every token of a file classified, names by what they resolved to.
//!
//! The kinds and modifiers are sent to the editor once, as the legends
//! [`SEMANTIC_TOKEN_KINDS`] and [`SEMANTIC_TOKEN_MODIFIERS`]: a token's kind is the index
//! of its name in the first, its modifiers the bits of the second.

use std::collections::BTreeMap;

use clausier_check::hir::Symbol;
use clausier_syntax::ast::{ExpectKind, ItemKind};
use clausier_syntax::lexicon::{
    self, ALIAS_KEYWORD, BUILTIN_TYPES, CLAUSE_STATUSES, GENERIC_TYPE_KEYWORDS,
    LIST_AGGREGATE_KEYWORDS, NULL_KEYWORD, PASSED_KEYWORD, PROOF_KEYWORD, PROOF_KINDS,
    SHARE_KEYWORD, TEST_FIELD_KEYWORDS, TEST_OUTCOMES, TEXT_FUNCTION_KEYWORDS,
    TIME_FUNCTION_KEYWORDS, Token, TokenKind, tokenize,
};

use crate::rename::starts_items_or_clause_lines;
use crate::{Analysis, FileId, Span};

/// What a token is. `kind as usize` indexes [`SEMANTIC_TOKEN_KINDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SemanticTokenKind {
    Keyword,
    /// `//` comments, and `///` doc comments with the `documentation` modifier.
    Comment,
    String,
    /// A number with its unit: `6.00 €`, `75%`, `30 days`.
    Number,
    Date,
    /// `==`, `<`, `+`… (the word operators `and`, `or`, `not`, `implies`, `in` are
    /// keywords).
    Operator,
    /// A field of the descriptor or of a record.
    Property,
    Enum,
    EnumMember,
    /// A named `type`, or a built-in one (`money`, `list`) with `defaultLibrary`.
    Type,
    Parameter,
    /// A variable bound by `all`, `any` or `count`.
    Variable,
    /// A requirement's or criterion's id.
    Clause,
    /// A pack named by `use` or `set`.
    Namespace,
}

/// The names of the kinds, in the order of [`SemanticTokenKind`]. `date` and `clause` are
/// not standard LSP types: an editor themes them by declaring them as subtypes of
/// `number` and `function`.
pub const SEMANTIC_TOKEN_KINDS: &[&str] = &[
    "keyword",
    "comment",
    "string",
    "number",
    "date",
    "operator",
    "property",
    "enum",
    "enumMember",
    "type",
    "parameter",
    "variable",
    "clause",
    "namespace",
];

/// The names of the modifier bits, lowest bit first.
pub const SEMANTIC_TOKEN_MODIFIERS: &[&str] =
    &["declaration", "documentation", "readonly", "defaultLibrary"];

/// A set of modifiers, as bits of [`SEMANTIC_TOKEN_MODIFIERS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SemanticTokenModifiers(pub u32);

impl SemanticTokenModifiers {
    pub const NONE: Self = Self(0);
    /// Where the name is declared.
    pub const DECLARATION: Self = Self(1);
    /// A doc comment.
    pub const DOCUMENTATION: Self = Self(1 << 1);
    /// A parameter: a constant of the pack.
    pub const READONLY: Self = Self(1 << 2);
    /// A built-in type.
    pub const DEFAULT_LIBRARY: Self = Self(1 << 3);

    pub const fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SemanticToken {
    /// Within one line.
    pub span: Span,
    pub kind: SemanticTokenKind,
    pub modifiers: SemanticTokenModifiers,
}

/// Whether a word the checker did not resolve is shown as a keyword: the reserved
/// words, the words of items and clause lines, and the words that are keywords only
/// where they stand (outcomes and statuses in `expect`, `as` in `use`, `date` in tests,
/// `null` in data). `passed` is one only before `(`; `list` and `where` are not shown as
/// keywords.
/// The text of an `evidence` line before `offset`, when `offset` is on such a line before
/// its document's name.
fn evidence_line_before(text: &str, offset: u32) -> Option<&str> {
    let before = text.get(..offset as usize)?;
    let line = before.rsplit('\n').next()?;
    let rest = line.trim_start().strip_prefix("evidence")?;
    (rest.starts_with(char::is_whitespace) && !rest.contains('"')).then_some(rest)
}

fn is_keyword(word: &str) -> bool {
    lexicon::is_reserved(word)
        || starts_items_or_clause_lines(word)
        || TEST_OUTCOMES.contains(&word)
        || CLAUSE_STATUSES.contains(&word)
        || TEST_FIELD_KEYWORDS.contains(&word)
        || [ALIAS_KEYWORD, NULL_KEYWORD].contains(&word)
}

const OPERATORS: &[&str] = &["==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/"];

impl Analysis {
    /// The classified tokens of a file, in offset order, never overlapping, each within
    /// one line. Text that classifies as nothing (punctuation, unresolved names) has no
    /// token.
    pub fn semantic_tokens(&self, file: FileId) -> Vec<SemanticToken> {
        let Some(data) = self.file(file) else {
            return Vec::new();
        };
        let text = data.text.as_str();
        let named = self.named_spans(file);
        let expressions: Vec<Span> = data
            .parse
            .ast
            .items
            .iter()
            .flat_map(crate::tree::item_exprs)
            .map(|expr| expr.span)
            .collect();
        let raw = tokenize(text);
        let mut out = Vec::new();
        let mut covered_until = 0u32;
        for (index, token) in raw.iter().enumerate() {
            if token.span.start < covered_until {
                continue;
            }
            if let Some((span, kind, modifiers)) = named.get(&token.span.start) {
                out.push(SemanticToken {
                    span: *span,
                    kind: *kind,
                    modifiers: *modifiers,
                });
                covered_until = span.end;
                continue;
            }
            let previous = index.checked_sub(1).and_then(|i| raw.get(i));
            let next = raw.get(index + 1);
            let in_expression = expressions.iter().any(|e| e.contains(token.span.start));
            let classified = match token.kind {
                TokenKind::Ident => {
                    let word = crate::slice(text, token.span);
                    self.classify_word(file, text, *token, word, previous, next)
                }
                TokenKind::Number => {
                    Some((SemanticTokenKind::Number, SemanticTokenModifiers::NONE))
                }
                TokenKind::Date => Some((SemanticTokenKind::Date, SemanticTokenModifiers::NONE)),
                TokenKind::String => {
                    Some((SemanticTokenKind::String, SemanticTokenModifiers::NONE))
                }
                TokenKind::Comment => {
                    Some((SemanticTokenKind::Comment, SemanticTokenModifiers::NONE))
                }
                TokenKind::DocComment => Some((
                    SemanticTokenKind::Comment,
                    SemanticTokenModifiers::DOCUMENTATION,
                )),
                TokenKind::Punct => {
                    let operator = OPERATORS.contains(&crate::slice(text, token.span));
                    (operator && in_expression)
                        .then_some((SemanticTokenKind::Operator, SemanticTokenModifiers::NONE))
                }
            };
            if let Some((kind, modifiers)) = classified {
                out.push(SemanticToken {
                    span: token.span,
                    kind,
                    modifiers,
                });
                covered_until = token.span.end;
            }
        }
        out.retain(|t| !t.span.is_empty() && !crate::slice(text, t.span).contains(['\n', '\r']));
        out
    }

    /// The spans whose meaning the checker or the tree knows, by start: resolved names
    /// and the packs of `use` and `set`.
    fn named_spans(
        &self,
        file: FileId,
    ) -> BTreeMap<u32, (Span, SemanticTokenKind, SemanticTokenModifiers)> {
        let mut named = BTreeMap::new();
        for symbol in self.checked.pack.symbols.iter().filter(|s| s.file == file) {
            let (kind, mut modifiers) = match &symbol.symbol {
                Symbol::Field { .. } => (SemanticTokenKind::Property, SemanticTokenModifiers::NONE),
                Symbol::Param(_) => (
                    SemanticTokenKind::Parameter,
                    SemanticTokenModifiers::READONLY,
                ),
                Symbol::Enum(_) => (SemanticTokenKind::Enum, SemanticTokenModifiers::NONE),
                Symbol::Variant { .. } => {
                    (SemanticTokenKind::EnumMember, SemanticTokenModifiers::NONE)
                }
                Symbol::TypeAlias(_) => (SemanticTokenKind::Type, SemanticTokenModifiers::NONE),
                Symbol::Clause(_) => (SemanticTokenKind::Clause, SemanticTokenModifiers::NONE),
                Symbol::Local { .. } => (SemanticTokenKind::Variable, SemanticTokenModifiers::NONE),
            };
            if symbol.is_definition {
                modifiers = modifiers.union(SemanticTokenModifiers::DECLARATION);
            }
            named
                .entry(symbol.span.start)
                .or_insert((symbol.span, kind, modifiers));
        }
        if let Some(data) = self.file(file) {
            let none = SemanticTokenModifiers::NONE;
            for item in &data.parse.ast.items {
                // Clause ids the checker could not resolve (of an unknown pack, say) are
                // still clause ids: the grammar says so.
                let mut found: Vec<(Span, SemanticTokenKind)> = Vec::new();
                match &item.kind {
                    ItemKind::Use(decl) => {
                        found.push((decl.pack.span, SemanticTokenKind::Namespace));
                        let items = decl.items.iter().flatten();
                        found.extend(items.map(|i| (i.id.span, SemanticTokenKind::Clause)));
                    }
                    ItemKind::Set(decl) => {
                        found.push((decl.pack.span, SemanticTokenKind::Namespace));
                    }
                    ItemKind::Requirement(decl) => {
                        found.push((decl.id.span, SemanticTokenKind::Clause));
                    }
                    ItemKind::Criterion(decl) => {
                        found.push((decl.id.span, SemanticTokenKind::Clause));
                    }
                    ItemKind::Test(decl) => {
                        found.extend(decl.expects.iter().filter_map(|e| match &e.kind {
                            ExpectKind::Pass(id)
                            | ExpectKind::Fail(id)
                            | ExpectKind::Missing(id)
                            | ExpectKind::NotApplicable(id)
                            | ExpectKind::UnderReview(id) => {
                                Some((id.span, SemanticTokenKind::Clause))
                            }
                            _ => None,
                        }));
                    }
                    _ => {}
                }
                for (span, kind) in found {
                    named.entry(span.start).or_insert((span, kind, none));
                }
            }
        }
        named
    }

    /// A word the checker did not resolve: a key of a test's data, a built-in type, a
    /// keyword, or nothing.
    fn classify_word(
        &self,
        file: FileId,
        text: &str,
        token: Token,
        word: &str,
        previous: Option<&Token>,
        next: Option<&Token>,
    ) -> Option<(SemanticTokenKind, SemanticTokenModifiers)> {
        let punct_is = |t: Option<&Token>, what: &[&str]| {
            t.is_some_and(|t| {
                t.kind == TokenKind::Punct && what.contains(&crate::slice(text, t.span))
            })
        };
        let type_position = punct_is(previous, &[":", "<", "="]);
        let generic = GENERIC_TYPE_KEYWORDS.contains(&word) && punct_is(next, &["<"]);
        if BUILTIN_TYPES.contains(&word) && (type_position || generic) {
            return Some((
                SemanticTokenKind::Type,
                SemanticTokenModifiers::DEFAULT_LIBRARY,
            ));
        }
        if punct_is(next, &[":"])
            && let Some(found) = self.test_data_symbol_at(file, token.span.start)
            && found.span == token.span
            && matches!(found.symbol, Symbol::Field { .. })
        {
            return Some((SemanticTokenKind::Property, SemanticTokenModifiers::NONE));
        }
        // `from` and the kinds of proof after it are words only on an `evidence` line,
        // between its path and its document's name.
        if let Some(before) = evidence_line_before(text, token.span.start) {
            if word == PROOF_KEYWORD {
                return Some((SemanticTokenKind::Keyword, SemanticTokenModifiers::NONE));
            }
            let after_from = before.split_whitespace().any(|part| part == PROOF_KEYWORD);
            if after_from && PROOF_KINDS.contains(&word) {
                return Some((SemanticTokenKind::EnumMember, SemanticTokenModifiers::NONE));
            }
        }
        // `passed`, the aggregates over a list and the text checks are words only right
        // before `(`, as the grammar reads them.
        let contextual = (word == PASSED_KEYWORD
            || word == SHARE_KEYWORD
            || LIST_AGGREGATE_KEYWORDS.contains(&word)
            || TEXT_FUNCTION_KEYWORDS.contains(&word)
            || TIME_FUNCTION_KEYWORDS.contains(&word))
            && punct_is(next, &["("]);
        (contextual || is_keyword(word))
            .then_some((SemanticTokenKind::Keyword, SemanticTokenModifiers::NONE))
    }
}

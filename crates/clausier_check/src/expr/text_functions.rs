//! Calls `name(args…)`: the text functions of the standard library (`matches`, `siret`,
//! `uai`, `https_url`), typed with the rules of [`crate::text_functions`], and unknown
//! function names, reported with the nearest known one.

use clausier_diagnostics::{Code, Diagnostic, Fix, Message, Span};
use clausier_syntax::ast::{Expr, ExprKind, Ident, LiteralKind, TimeFunction};
use clausier_syntax::lexicon;

use super::words::{self, for_example, found_arguments, names_and, this_is};
use super::{ExprChecker, error_expr};
use crate::hir::{TExpr, TExprKind};
use crate::suggest::did_you_mean;
use crate::text_functions::{self, PATTERN_SIZE_LIMIT, TextCheck, TextFunction};
use crate::types::Ty;

/// Words a drafter may try for a function of the language, with the one to write.
const FUNCTION_SYNONYMS: &[(&str, &str)] = &[
    ("avg", "mean"),
    ("average", "mean"),
    ("moyenne", "mean"),
    ("somme", "sum"),
    ("total", "sum"),
    ("regex", "matches"),
    ("match", "matches"),
];

impl ExprChecker<'_, '_> {
    /// `name(args…)`.
    pub(super) fn call(&mut self, function: &Ident, args: &[Expr], span: Span) -> TExpr {
        if let Some(time) = TimeFunction::from_word(&function.name) {
            return self.time_call(time, args, span);
        }
        let Some(known) = TextFunction::from_word(&function.name) else {
            // The arguments are still checked, so that their own errors are reported.
            for arg in args {
                self.check(arg, None);
            }
            self.unknown_function(function);
            return error_expr(span);
        };
        if args.len() != known.arity() {
            let word = known.as_str();
            let expected = Message::new(match known {
                TextFunction::Matches => "e0301-expects-text-and-pattern",
                TextFunction::Siret | TextFunction::Uai | TextFunction::HttpsUrl => {
                    "e0301-expects-one-text"
                }
            });
            self.cx.report(
                Diagnostic::error(
                    Code::TYPE_MISMATCH,
                    Message::new("e0301-takes-found")
                        .with("function", word)
                        .with("expected", expected.clone())
                        .with("found", found_arguments(args.len())),
                )
                .with_primary(
                    self.file,
                    span,
                    Message::new("e0301-takes")
                        .with("function", word)
                        .with("expected", expected),
                )
                .with_help(for_example(example(known))),
            );
            for arg in args {
                self.check(arg, None);
            }
            return error_expr(span);
        }
        let (Some(text), pattern) = (args.first(), args.get(1)) else {
            return error_expr(span);
        };
        let text = self.check(text, Some(&Ty::String));
        let text_ok = self.expect_text(&text, known);
        let check = match (known, pattern) {
            (TextFunction::Matches, Some(pattern)) => match self.pattern(pattern) {
                Some(pattern) => TextCheck::Matches(pattern),
                None => return error_expr(span),
            },
            // Not reached: the arity was checked above.
            (TextFunction::Matches, None) => return error_expr(span),
            (TextFunction::Siret, _) => TextCheck::Siret,
            (TextFunction::Uai, _) => TextCheck::Uai,
            (TextFunction::HttpsUrl, _) => TextCheck::HttpsUrl,
        };
        if !text_ok {
            return error_expr(span);
        }
        TExpr {
            kind: TExprKind::TextCheck {
                check,
                text: Box::new(text),
            },
            ty: Ty::Bool,
            span,
        }
    }

    fn expect_text(&mut self, text: &TExpr, function: TextFunction) -> bool {
        match text.ty {
            Ty::String => true,
            Ty::Error => false,
            _ => {
                let found = self.cx.ty_name(&text.ty);
                self.cx.report(
                    Diagnostic::error(
                        Code::TYPE_MISMATCH,
                        Message::new("e0301-expected-found")
                            .with("expected", "string")
                            .with("found", &found),
                    )
                    .with_primary(self.file, text.span, this_is(&found))
                    .with_note(
                        Message::new("e0301-reads-a-text").with("function", function.as_str()),
                    ),
                );
                false
            }
        }
    }

    /// The pattern of `matches`: a string literal that compiles, as written.
    fn pattern(&mut self, pattern: &Expr) -> Option<String> {
        let mut inner = pattern;
        while let ExprKind::Paren(paren) = &inner.kind {
            inner = paren;
        }
        let literal = match &inner.kind {
            ExprKind::Literal(literal) => match &literal.kind {
                LiteralKind::String(text) => Some((text.as_str().to_owned(), literal.span)),
                _ => None,
            },
            _ => None,
        };
        let Some((text, literal_span)) = literal else {
            self.check(pattern, None);
            self.cx.report(
                Diagnostic::error(
                    Code::PATTERN_NOT_LITERAL,
                    Message::new("e0317-pattern-not-literal"),
                )
                .with_primary(
                    self.file,
                    pattern.span,
                    Message::new("e0317-pattern-computed"),
                )
                .with_note(Message::new("e0317-pattern-not-literal-note"))
                .with_help(Message::new("e0317-pattern-not-literal-help")),
            );
            return None;
        };
        if let Err(error) = text_functions::compile_pattern(&text) {
            let (message, help) = pattern_error_words(&error);
            self.cx.report(
                Diagnostic::error(
                    Code::INVALID_PATTERN,
                    Message::new("e0316-invalid-pattern").with("what", message.clone()),
                )
                .with_primary(self.file, literal_span, message)
                .with_help(help),
            );
            return None;
        }
        Some(text)
    }

    fn unknown_function(&mut self, function: &Ident) {
        let name = function.name.as_str();
        let synonym = FUNCTION_SYNONYMS
            .iter()
            .find(|(word, _)| word.eq_ignore_ascii_case(name))
            .map(|(_, meant)| *meant);
        let best = synonym.or_else(|| did_you_mean(name, lexicon::function_names()));
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_FUNCTION,
            Message::new("e0218-unknown-function").with("name", name),
        )
        .with_primary(
            self.file,
            function.span,
            Message::new("e0218-unknown-function-label"),
        );
        diagnostic = match best {
            Some(best) => diagnostic
                .with_help(words::did_you_mean(best))
                .with_fix(Fix {
                    title: Message::new("e02-fix-replace").with("name", best),
                    edits: vec![(self.file, function.span, best.to_owned())],
                }),
            None => diagnostic.with_note(Message::new("e0218-the-functions-are").with(
                "functions",
                names_and(&lexicon::function_names().collect::<Vec<_>>()),
            )),
        };
        self.cx.report(diagnostic);
    }
}

/// A call of the function as a clause writes it.
fn example(function: TextFunction) -> &'static str {
    match function {
        TextFunction::Matches => "matches(site, \"^https://\")",
        TextFunction::Siret => "siret(fournisseur.siret)",
        TextFunction::Uai => "uai(etablissement.uai)",
        TextFunction::HttpsUrl => "https_url(service.url)",
    }
}

/// The regex crate's message in plain words, and a help.
fn pattern_error_words(error: &regex::Error) -> (Message, Message) {
    match error {
        regex::Error::CompiledTooBig(_) => (
            Message::new("e0316-too-large").with("mebibytes", PATTERN_SIZE_LIMIT >> 20),
            Message::new("e0316-too-large-help"),
        ),
        regex::Error::Syntax(text) => {
            // The crate's message repeats the pattern with a caret; its last line says
            // what is wrong.
            let what = text
                .lines()
                .rev()
                .find_map(|line| line.trim().strip_prefix("error: "))
                .map_or_else(
                    || Message::new("e0316-unreadable"),
                    |detail| Message::new("e0316-detail").with("detail", detail),
                );
            (what, Message::new("e0316-syntax-help"))
        }
        _ => (
            Message::new("e0316-unreadable"),
            Message::new("e0316-regex-help"),
        ),
    }
}

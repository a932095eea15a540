//! Calls `name(args…)`: the text functions of the standard library (`matches`, `siret`,
//! `uai`, `https_url`), typed with the rules of [`crate::text_functions`], and unknown
//! function names, reported with the nearest known one.

use clausier_diagnostics::{Code, Diagnostic, Fix, Span};
use clausier_syntax::ast::{Expr, ExprKind, Ident, LiteralKind, TimeFunction};
use clausier_syntax::lexicon;

use super::{ExprChecker, error_expr};
use crate::hir::{TExpr, TExprKind};
use crate::suggest::did_you_mean;
use crate::text_functions::{self, PATTERN_SIZE_LIMIT, TextCheck, TextFunction};
use crate::types::Ty;
use crate::wording::this_is;

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
            let expected = match known {
                TextFunction::Matches => "a text and a pattern",
                TextFunction::Siret | TextFunction::Uai | TextFunction::HttpsUrl => "one text",
            };
            self.cx.report(
                Diagnostic::error(
                    Code::TYPE_MISMATCH,
                    format!(
                        "`{word}` takes {expected}, found {}",
                        match args.len() {
                            0 => "no argument".to_owned(),
                            1 => "1 argument".to_owned(),
                            n => format!("{n} arguments"),
                        }
                    ),
                )
                .with_primary(self.file, span, format!("`{word}` takes {expected}"))
                .with_help(example(known)),
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
                        format!("expected `string`, found `{found}`"),
                    )
                    .with_primary(self.file, text.span, this_is(&found))
                    .with_note(format!("`{}` reads a text", function.as_str())),
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
                    "the pattern of `matches` must be a string in quotes",
                )
                .with_primary(self.file, pattern.span, "this is computed")
                .with_note("the pattern is checked once, when the pack is compiled")
                .with_help("write the pattern itself: `matches(site, \"^https://\")`"),
            );
            return None;
        };
        if let Err(error) = text_functions::compile_pattern(&text) {
            let (message, help) = pattern_error_words(&error);
            self.cx.report(
                Diagnostic::error(Code::INVALID_PATTERN, format!("invalid pattern: {message}"))
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
        let mut diagnostic =
            Diagnostic::error(Code::UNKNOWN_FUNCTION, format!("unknown function `{name}`"))
                .with_primary(self.file, function.span, "no function has this name");
        diagnostic = match best {
            Some(best) => diagnostic
                .with_help(format!("did you mean `{best}`?"))
                .with_fix(Fix {
                    title: format!("replace with `{best}`").into(),
                    edits: vec![(self.file, function.span, best.to_owned())],
                }),
            None => diagnostic.with_note(format!(
                "the functions are {}",
                crate::suggest::list_names(&lexicon::function_names().collect::<Vec<_>>())
            )),
        };
        self.cx.report(diagnostic);
    }
}

fn example(function: TextFunction) -> &'static str {
    match function {
        TextFunction::Matches => "for example `matches(site, \"^https://\")`",
        TextFunction::Siret => "for example `siret(fournisseur.siret)`",
        TextFunction::Uai => "for example `uai(etablissement.uai)`",
        TextFunction::HttpsUrl => "for example `https_url(service.url)`",
    }
}

/// The regex crate's message in plain words, and a help.
fn pattern_error_words(error: &regex::Error) -> (String, String) {
    match error {
        regex::Error::CompiledTooBig(_) => (
            format!(
                "the pattern is too large once compiled (more than {} MiB)",
                PATTERN_SIZE_LIMIT >> 20
            ),
            "write a shorter pattern, with smaller repetition counts".to_owned(),
        ),
        regex::Error::Syntax(text) => {
            // The crate's message repeats the pattern with a caret; its last line says
            // what is wrong.
            let what = text
                .lines()
                .rev()
                .find_map(|line| line.trim().strip_prefix("error: "))
                .unwrap_or("the pattern cannot be read")
                .to_owned();
            (
                what,
                "patterns follow the syntax of the Rust `regex` crate: escape `( ) [ ] { } . * + ? ^ $ | \\` with `\\\\` to mean the character itself".to_owned(),
            )
        }
        _ => (
            "the pattern cannot be read".to_owned(),
            "patterns follow the syntax of the Rust `regex` crate".to_owned(),
        ),
    }
}

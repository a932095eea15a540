//! From pest's tree of one item to the typed tree, with the diagnostics that only the
//! builder can give: catch-all slices explained, titles missing, braces left open,
//! literals that do not mean anything.

use clausier_diagnostics::{Code, Diagnostic, FileId, Message, Span};
use pest::iterators::Pair;

use super::errors::{self, Context, Said};
use super::grammar::Rule;
use super::lex::last_token_end;
use super::literal::{self, LiteralError};
use super::{Session, doc_line_text};
use crate::ast::{
    ClauseField, ClauseFieldKind, ClauseId, CompareOp, CriterionDecl, DescriptorDecl, Docs,
    EnumDecl, Evidence, Expect, ExpectKind, FieldBound, FieldDecl, Given, Ident, IndicatorDecl,
    Item, ItemKind, Level, Literal, LiteralKind, ParamDecl, RequirementDecl, RiskDecl, SetDecl,
    StringLit, TestDate, TestDecl, TypeDecl, TypeExpr, TypeExprKind, UseDecl, UseItem, Variant,
    Weight,
};

pub(super) type P<'i> = Pair<'i, Rule>;

/// Builds one item; `base` is where the item's text starts in the file.
pub(super) struct ItemBuilder<'s, 't> {
    pub(super) session: &'s mut Session<'t>,
    pub(super) base: usize,
    /// Opening brackets whose closing one never came, with the bracket.
    unclosed: Vec<(Span, char)>,
}

impl<'s, 't> ItemBuilder<'s, 't> {
    pub(super) fn new(session: &'s mut Session<'t>, base: usize) -> Self {
        Self {
            session,
            base,
            unclosed: Vec::new(),
        }
    }

    /// Reports the item's unclosed brackets, all in one diagnostic.
    pub(super) fn finish(self) {
        let Some(&(innermost, bracket)) = self.unclosed.iter().max_by_key(|(span, _)| span.start)
        else {
            return;
        };
        let closing = if bracket == '[' { ']' } else { '}' };
        let bracket = bracket.to_string();
        let mut diagnostic = Diagnostic::error(
            Code::SYNTAX,
            Message::new("syntax-unclosed").with("bracket", &bracket),
        )
        .with_primary(
            self.session.file,
            innermost,
            Message::new("syntax-unclosed-label").with("bracket", &bracket),
        )
        .with_help(Message::new("syntax-unclosed-help").with("closing", closing.to_string()));
        for &(span, other) in &self.unclosed {
            if span != innermost {
                diagnostic = diagnostic.with_secondary(
                    self.session.file,
                    span,
                    Message::new("syntax-unclosed-other").with("bracket", other.to_string()),
                );
            }
        }
        self.session.diagnostics.push(diagnostic);
    }

    pub(super) fn report(&mut self, diagnostic: Diagnostic) {
        self.session.diagnostics.push(diagnostic);
    }

    pub(super) fn span(&self, pair: &P) -> Span {
        let span = pair.as_span();
        Span::from_range(self.base + span.start()..self.base + span.end())
    }

    /// The span of a catch-all slice without the trivia it swallowed at its end.
    pub(super) fn trimmed(&self, pair: &P) -> Span {
        let span = self.span(pair);
        let end = last_token_end(self.session.text, span.start as usize, span.end as usize);
        Span::new(
            span.start,
            u32::try_from(end).unwrap_or(span.end).max(span.start),
        )
    }

    /// Whether nothing but spaces separates `from` and `to` on one line.
    fn on_one_line(&self, from: u32, to: u32) -> bool {
        self.session
            .text
            .get(from as usize..to as usize)
            .is_some_and(|between| !between.contains('\n'))
    }

    pub(super) fn note_unclosed(&mut self, open: Option<Span>, bracket: char) {
        if let Some(open) = open {
            self.unclosed.push((open, bracket));
        }
    }

    /// Explains a catch-all slice by re-parsing it strictly, from `from` (the start of
    /// the good element just before it, if any, so the message sees what came before).
    pub(super) fn explain(&mut self, rule: Rule, from: Option<u32>, slice: &P, context: Context) {
        let span = self.span(slice);
        let region = span.start as usize;
        let from = from.map_or(region, |from| from as usize);
        let diagnostic = self
            .session
            .explain(rule, from, region, span.end as usize, context);
        self.report(diagnostic);
    }

    /// "expected …, found …" where the builder knows what belonged at `pair`.
    pub(super) fn expected_at(&mut self, pair: &P, what: Said) {
        let at = self.span(pair).start as usize;
        let diagnostic = errors::expected_words(self.session.file, self.session.text, at, at, what);
        self.report(diagnostic);
    }

    /// A name as the checker compares it: in Unicode's composed form (NFC), so that
    /// `é` typed as `e` and a combining accent is the same name as `é`.
    pub(super) fn ident(&self, pair: &P) -> Ident {
        Ident {
            name: crate::composed(pair.as_str()).into_owned(),
            span: self.span(pair),
        }
    }

    pub(super) fn clause_id(&self, pair: &P) -> ClauseId {
        ClauseId {
            name: crate::composed(pair.as_str()).into_owned(),
            span: self.span(pair),
        }
    }

    /// A placeholder for a part the grammar guarantees; never seen on a parsed item.
    fn absent_ident(at: Span) -> Ident {
        Ident {
            name: String::new(),
            span: Span::empty_at(at.start),
        }
    }

    fn docs(&self, pair: P) -> Docs {
        let mut lines = Vec::new();
        let mut span: Option<Span> = None;
        for line in pair.into_inner() {
            let line_span = self.span(&line);
            span = Some(span.map_or(line_span, |span| span.cover(line_span)));
            lines.push(doc_line_text(line.as_str()));
        }
        Docs {
            text: lines.join("\n"),
            span: span.unwrap_or_default(),
        }
    }

    fn literal_error(&mut self, code: Code, at: Span, error: LiteralError) {
        let start = at.start as usize;
        let span = Span::from_range(start + error.range.start..start + error.range.end);
        let mut diagnostic = Diagnostic::error(code, error.message).with_primary(
            self.session.file,
            span,
            Message::new(error.label),
        );
        if let Some(help) = error.help {
            diagnostic = diagnostic.with_help(help);
        }
        self.report(diagnostic);
    }

    pub(super) fn string_lit(&mut self, pair: &P) -> StringLit {
        let span = self.span(pair);
        let decoded = literal::decode_string(pair.as_str());
        for error in decoded.bad_escapes {
            self.literal_error(Code::INVALID_ESCAPE, span, error);
        }
        if !decoded.terminated {
            let diagnostic = errors::unterminated_string(
                self.session.file,
                self.session.text,
                span.start as usize,
            );
            self.report(diagnostic);
        }
        StringLit {
            value: decoded.value,
            span,
            escapes: decoded.escapes,
        }
    }

    /// A literal of the expression and data grammars; `None` when it means nothing (and
    /// was reported).
    pub(super) fn literal(&mut self, pair: &P) -> Option<Literal> {
        let span = self.span(pair);
        let kind = match pair.as_rule() {
            Rule::bool_lit => LiteralKind::Bool(pair.as_str() == "true"),
            Rule::date_lit => match literal::date(pair.as_str()) {
                Ok(date) => LiteralKind::Date(date),
                Err(error) => {
                    self.literal_error(Code::INVALID_LITERAL, span, error);
                    return None;
                }
            },
            Rule::datetime_lit => match literal::datetime(pair.as_str()) {
                Ok(datetime) => LiteralKind::DateTime(datetime),
                Err(error) => {
                    self.literal_error(Code::INVALID_LITERAL, span, error);
                    return None;
                }
            },
            Rule::time_lit => match literal::time(pair.as_str()) {
                Ok(time) => LiteralKind::Time(time),
                Err(error) => {
                    self.literal_error(Code::INVALID_LITERAL, span, error);
                    return None;
                }
            },
            Rule::number_lit => self.number_lit(pair, span)?,
            Rule::string => LiteralKind::String(self.string_lit(pair).value),
            _ => return None,
        };
        Some(Literal { kind, span })
    }

    fn number_lit(&mut self, pair: &P, span: Span) -> Option<LiteralKind> {
        let mut inner = pair.clone().into_inner();
        let number = inner.next()?.as_str();
        let suffix = inner.next();
        if let Some(suffix) = suffix
            .as_ref()
            .filter(|s| s.as_rule() == Rule::duration_suffix)
        {
            let unit = suffix.as_str().trim_start_matches(super::lex::is_blank);
            return match literal::duration(number, unit, pair.as_str()) {
                Ok(duration) => Some(LiteralKind::Duration(duration)),
                Err(error) => {
                    self.literal_error(Code::INVALID_LITERAL, span, error);
                    None
                }
            };
        }
        let value = match literal::decimal(number) {
            Ok(value) => value,
            Err(error) => {
                self.literal_error(Code::INVALID_LITERAL, span, error);
                return None;
            }
        };
        Some(match suffix.map(|s| s.as_rule()) {
            Some(Rule::percent_suffix) => LiteralKind::Percent(value),
            Some(Rule::money_suffix) => LiteralKind::Money(value),
            _ if number.contains('.') => LiteralKind::Number(value),
            _ => LiteralKind::Int(value),
        })
    }

    // ------------------------------------------------------------------------ items

    pub(super) fn chunk(&mut self, pair: P) -> Option<Item> {
        let mut docs = Docs::default();
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::docs => docs = self.docs(inner),
                Rule::EOI => {}
                _ => return Some(self.item(docs, inner)),
            }
        }
        None
    }

    fn item(&mut self, docs: Docs, pair: P) -> Item {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::enum_decl => ItemKind::Enum(self.enum_decl(pair)),
            Rule::type_decl => ItemKind::Type(self.type_decl(pair)),
            Rule::descriptor_decl => ItemKind::Descriptor(self.descriptor_decl(pair)),
            Rule::param_decl => ItemKind::Param(self.param_decl(pair)),
            Rule::requirement_decl => ItemKind::Requirement(self.requirement_decl(pair)),
            Rule::criterion_decl => ItemKind::Criterion(self.criterion_decl(pair)),
            Rule::indicator_decl => {
                let clause = self.clause_parts(pair, "syntax-help-indicator-title");
                ItemKind::Indicator(IndicatorDecl {
                    id: clause.id,
                    title: clause.title,
                    body: clause.body,
                })
            }
            Rule::risk_decl => {
                let clause = self.clause_parts(pair, "syntax-help-risk-title");
                ItemKind::Risk(RiskDecl {
                    id: clause.id,
                    title: clause.title,
                    body: clause.body,
                })
            }
            Rule::use_decl => ItemKind::Use(self.use_decl(pair)),
            Rule::set_decl => ItemKind::Set(self.set_decl(pair)),
            Rule::test_decl => ItemKind::Test(self.test_decl(pair)),
            _ => ItemKind::Error,
        };
        Item { docs, kind, span }
    }

    fn enum_decl(&mut self, pair: P) -> EnumDecl {
        let span = self.span(&pair);
        let mut name = None;
        let mut variants = Vec::new();
        let mut open = None;
        // The start of the variant just before, and whether a comma followed it.
        let mut previous: Option<(u32, bool)> = None;
        let mut after_error = false;
        let mut missing_comma_reported = false;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::enum_name => name = Some(self.ident(&inner)),
                Rule::open_brace => open = Some(self.span(&inner)),
                Rule::variant => {
                    if matches!(previous, Some((_, false))) && !missing_comma_reported {
                        self.expected_at(&inner, Said::Words("syntax-expected-comma-or-brace"));
                        missing_comma_reported = true;
                    }
                    previous = Some((self.span(&inner).start, false));
                    after_error = false;
                    variants.push(self.variant(inner));
                }
                Rule::comma => {
                    if let Some((_, comma)) = previous.as_mut() {
                        *comma = true;
                    }
                }
                Rule::variant_error => {
                    // A run of junk between two commas is one mistake.
                    if !after_error {
                        let from = previous.map(|(start, _)| start);
                        self.explain(Rule::strict_variants, from, &inner, Context::Block);
                    }
                    previous = None;
                    after_error = true;
                }
                Rule::stray_comma => {
                    self.expected_at(&inner, Said::Words("syntax-expected-variant-name"));
                    previous = None;
                }
                Rule::unclosed => self.note_unclosed(open, '{'),
                _ => {}
            }
        }
        EnumDecl {
            name: name.unwrap_or_else(|| Self::absent_ident(span)),
            variants,
        }
    }

    fn variant(&mut self, pair: P) -> Variant {
        let span = self.span(&pair);
        let mut docs = Docs::default();
        let mut name = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::docs => docs = self.docs(inner),
                Rule::variant_name => name = Some(self.ident(&inner)),
                _ => {}
            }
        }
        Variant {
            docs,
            name: name.unwrap_or_else(|| Self::absent_ident(span)),
        }
    }

    fn type_decl(&mut self, pair: P) -> TypeDecl {
        let span = self.span(&pair);
        let mut name = None;
        let mut ty = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::type_name => name = Some(self.ident(&inner)),
                Rule::type_expr => ty = Some(self.type_expr(inner)),
                _ => {}
            }
        }
        TypeDecl {
            name: name.unwrap_or_else(|| Self::absent_ident(span)),
            ty: ty.unwrap_or_else(|| error_type(span)),
        }
    }

    fn descriptor_decl(&mut self, pair: P) -> DescriptorDecl {
        let fields = pair
            .into_inner()
            .find(|inner| inner.as_rule() == Rule::record_type)
            .map(|record| self.record_fields(record))
            .unwrap_or_default();
        DescriptorDecl { fields }
    }

    fn param_decl(&mut self, pair: P) -> ParamDecl {
        let span = self.span(&pair);
        let mut name = None;
        let mut ty = None;
        let mut value = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::param_name => name = Some(self.ident(&inner)),
                Rule::type_expr => ty = Some(self.type_expr(inner)),
                Rule::expr => value = Some(self.expr(inner)),
                _ => {}
            }
        }
        ParamDecl {
            name: name.unwrap_or_else(|| Self::absent_ident(span)),
            ty: ty.unwrap_or_else(|| error_type(span)),
            value: value.unwrap_or_else(|| super::expr::error_expr(span)),
        }
    }

    fn requirement_decl(&mut self, pair: P) -> RequirementDecl {
        let clause = self.clause_parts(pair, "syntax-help-requirement-title");
        RequirementDecl {
            id: clause.id,
            title: clause.title,
            body: clause.body,
        }
    }

    fn criterion_decl(&mut self, pair: P) -> CriterionDecl {
        let clause = self.clause_parts(pair, "syntax-help-criterion-title");
        CriterionDecl {
            id: clause.id,
            title: clause.title,
            weight: clause.weight,
            body: clause.body,
        }
    }

    /// What requirements and criteria are made of; `title_help` says how to write the
    /// title when it is missing.
    fn clause_parts(&mut self, pair: P, title_help: &'static str) -> ClauseParts {
        let span = self.span(&pair);
        let mut id = None;
        let mut title = None;
        let mut weight = None;
        let mut body = Vec::new();
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::clause_id => id = Some(self.clause_id(&inner)),
                Rule::title => title = Some(self.string_lit(&inner)),
                Rule::weight => weight = self.weight(inner),
                Rule::clause_body => body = self.clause_body(inner),
                _ => {}
            }
        }
        let id = id.unwrap_or_else(|| absent_clause_id(span));
        if title.is_none() {
            self.missing_title(&id, title_help);
        }
        ClauseParts {
            id,
            title,
            weight,
            body,
        }
    }

    fn missing_title(&mut self, id: &ClauseId, help: &'static str) {
        let diagnostic = errors::expected_words(
            self.session.file,
            self.session.text,
            id.span.start as usize,
            id.span.end as usize,
            Said::Words("syntax-expected-title"),
        )
        .with_help(Message::new(help));
        self.report(diagnostic);
    }

    fn weight(&mut self, pair: P) -> Option<Weight> {
        let value = pair
            .into_inner()
            .find(|inner| inner.as_rule() == Rule::weight_value)?;
        let span = self.span(&value);
        match literal::decimal(value.as_str()) {
            Ok(value) => Some(Weight { value, span }),
            Err(error) => {
                self.literal_error(Code::INVALID_LITERAL, span, error);
                None
            }
        }
    }

    fn clause_body(&mut self, pair: P) -> Vec<ClauseField> {
        let mut fields = Vec::new();
        let mut open = None;
        let mut previous = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::open_brace => open = Some(self.span(&inner)),
                Rule::clause_field => {
                    previous = Some(self.span(&inner).start);
                    fields.push(self.clause_field(inner));
                }
                Rule::clause_field_error => {
                    self.explain(Rule::strict_clause_fields, previous, &inner, Context::Block);
                    let junk = self.trimmed(&inner);
                    // `require hosting.region = EU` parses as `require hosting.region`
                    // followed by junk: the field read only part of what was written, and
                    // checking that part would report errors the author never made.
                    match fields.last_mut() {
                        Some(field) if self.on_one_line(field.span.end, junk.start) => {
                            field.kind = ClauseFieldKind::Error;
                            field.span = field.span.cover(junk);
                        }
                        _ => fields.push(ClauseField {
                            kind: ClauseFieldKind::Error,
                            span: junk,
                        }),
                    }
                    previous = None;
                }
                Rule::unclosed => self.note_unclosed(open, '{'),
                _ => {}
            }
        }
        fields
    }

    fn clause_field(&mut self, pair: P) -> ClauseField {
        let span = self.span(&pair);
        let kind = match pair.into_inner().next() {
            Some(field) if field.as_rule() == Rule::evidence_field => self.evidence(field),
            Some(field) if field.as_rule() == Rule::by_field => ClauseFieldKind::By(
                field
                    .into_inner()
                    .filter(|part| part.as_rule() == Rule::path)
                    .map(|path| self.path(path))
                    .collect(),
            ),
            Some(field) if field.as_rule() == Rule::lots_field => ClauseFieldKind::Lots(
                field
                    .into_inner()
                    .filter(|part| part.as_rule() == Rule::string)
                    .map(|id| self.string_lit(&id))
                    .collect(),
            ),
            Some(field) => {
                let rule = field.as_rule();
                // The keyword comes first; the value follows it.
                match (rule, field.into_inner().nth(1)) {
                    (Rule::level_field, Some(value)) => ClauseFieldKind::Level(level(&value)),
                    (Rule::text_field, Some(value)) => {
                        ClauseFieldKind::Text(self.string_lit(&value))
                    }
                    (Rule::note_field, Some(value)) => {
                        ClauseFieldKind::Note(self.string_lit(&value))
                    }
                    (Rule::ref_field, Some(value)) => ClauseFieldKind::Ref(self.string_lit(&value)),
                    (Rule::no_equivalent_field, Some(value)) => {
                        ClauseFieldKind::NoEquivalent(self.string_lit(&value))
                    }
                    (Rule::when_field, Some(value)) => ClauseFieldKind::When(self.expr(value)),
                    (Rule::require_field, Some(value)) => {
                        ClauseFieldKind::Require(self.expr(value))
                    }
                    (Rule::score_field, Some(value)) => ClauseFieldKind::Score(self.expr(value)),
                    (Rule::value_field, Some(value)) => ClauseFieldKind::Value(self.expr(value)),
                    (Rule::spend_field, Some(value)) => ClauseFieldKind::Spend(self.expr(value)),
                    (Rule::ends_field, Some(value)) => ClauseFieldKind::Ends(self.expr(value)),
                    (Rule::window_field, Some(value)) => ClauseFieldKind::Window(self.expr(value)),
                    (Rule::alternatives_field, Some(value)) => {
                        ClauseFieldKind::Alternatives(self.expr(value))
                    }
                    _ => ClauseFieldKind::Error,
                }
            }
            None => ClauseFieldKind::Error,
        };
        ClauseField { kind, span }
    }

    fn evidence(&mut self, field: P) -> ClauseFieldKind {
        let mut document = None;
        let mut proof = Vec::new();
        for inner in field.into_inner() {
            match inner.as_rule() {
                Rule::path => document = Some(self.path(inner)),
                Rule::evidence_proof => proof.extend(
                    inner
                        .into_inner()
                        .filter(|part| part.as_rule() == Rule::proof_kind)
                        .map(|kind| self.ident(&kind)),
                ),
                Rule::string => {
                    return ClauseFieldKind::Evidence(Evidence {
                        document,
                        proof,
                        label: self.string_lit(&inner),
                    });
                }
                _ => {}
            }
        }
        ClauseFieldKind::Error
    }

    fn use_decl(&mut self, pair: P) -> UseDecl {
        let span = self.span(&pair);
        let mut pack = None;
        let mut items = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::pack_name => pack = Some(self.ident(&inner)),
                Rule::use_list => {
                    let list = inner
                        .into_inner()
                        .filter(|item| item.as_rule() == Rule::use_item)
                        .map(|item| self.use_item(item))
                        .collect();
                    items = Some(list);
                }
                _ => {}
            }
        }
        UseDecl {
            pack: pack.unwrap_or_else(|| Self::absent_ident(span)),
            items,
        }
    }

    fn use_item(&self, pair: P) -> UseItem {
        let span = self.span(&pair);
        let mut id = None;
        let mut level_as = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::clause_id => id = Some(self.clause_id(&inner)),
                Rule::level_value => level_as = Some((level(&inner), self.span(&inner))),
                _ => {}
            }
        }
        UseItem {
            id: id.unwrap_or_else(|| absent_clause_id(span)),
            level: level_as,
            span,
        }
    }

    fn set_decl(&mut self, pair: P) -> SetDecl {
        let span = self.span(&pair);
        let mut pack = None;
        let mut name = None;
        let mut value = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::pack_name => pack = Some(self.ident(&inner)),
                Rule::param_name => name = Some(self.ident(&inner)),
                Rule::expr => value = Some(self.expr(inner)),
                _ => {}
            }
        }
        SetDecl {
            pack: pack.unwrap_or_else(|| Self::absent_ident(span)),
            name: name.unwrap_or_else(|| Self::absent_ident(span)),
            value: value.unwrap_or_else(|| super::expr::error_expr(span)),
        }
    }

    fn test_decl(&mut self, pair: P) -> TestDecl {
        let span = self.span(&pair);
        let mut name = None;
        let mut given: Option<Given> = None;
        let mut date: Option<TestDate> = None;
        let mut expects = Vec::new();
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::test_name => name = Some(self.string_lit(&inner)),
                Rule::test_body => self.test_body(inner, &mut date, &mut given, &mut expects),
                _ => {}
            }
        }
        TestDecl {
            name: name.unwrap_or_else(|| StringLit {
                value: String::new(),
                span: Span::empty_at(span.start),
                escapes: Vec::new(),
            }),
            date,
            given,
            expects,
        }
    }

    fn test_body(
        &mut self,
        pair: P,
        date: &mut Option<TestDate>,
        given: &mut Option<Given>,
        expects: &mut Vec<Expect>,
    ) {
        let mut open = None;
        let mut previous = None;
        let mut first_given: Option<Span> = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::open_brace => open = Some(self.span(&inner)),
                Rule::date_field => {
                    let span = self.span(&inner);
                    previous = Some(span.start);
                    let value = inner
                        .into_inner()
                        .find(|part| part.as_rule() == Rule::date_lit)
                        .and_then(|lit| self.literal(&lit));
                    let Some(Literal {
                        kind: LiteralKind::Date(value),
                        ..
                    }) = value
                    else {
                        continue;
                    };
                    match date {
                        None => *date = Some(TestDate { value, span }),
                        Some(first) => {
                            let diagnostic = repeated_test_field(
                                self.session.file,
                                "date",
                                (first.span, span),
                                "syntax-help-one-date-per-test",
                            );
                            self.report(diagnostic);
                        }
                    }
                }
                Rule::given_field => {
                    let span = self.span(&inner);
                    previous = Some(span.start);
                    let value = self.given(inner);
                    match first_given {
                        None => {
                            first_given = Some(span);
                            *given = value;
                        }
                        Some(first) => {
                            let diagnostic = repeated_test_field(
                                self.session.file,
                                "given",
                                (first, span),
                                "syntax-help-one-given-per-test",
                            );
                            self.report(diagnostic);
                        }
                    }
                }
                Rule::expect_field => {
                    previous = Some(self.span(&inner).start);
                    expects.push(self.expect(inner));
                }
                Rule::test_field_error => {
                    self.explain(Rule::strict_test_fields, previous, &inner, Context::Block);
                    expects.push(Expect {
                        kind: ExpectKind::Error,
                        span: self.trimmed(&inner),
                    });
                    previous = None;
                }
                Rule::unclosed => self.note_unclosed(open, '{'),
                _ => {}
            }
        }
    }

    fn given(&mut self, pair: P) -> Option<Given> {
        let value = pair.into_inner().nth(1)?;
        match value.as_rule() {
            Rule::file_name => Some(Given::File(self.string_lit(&value))),
            Rule::data_object => Some(Given::Inline(self.data_object(value))),
            _ => None,
        }
    }

    fn expect(&mut self, pair: P) -> Expect {
        let span = self.span(&pair);
        let kind = match pair.into_inner().nth(1) {
            Some(what) => match what.as_rule() {
                Rule::expect_status => match what.as_str() {
                    "eligible" => ExpectKind::Eligible,
                    "ineligible" => ExpectKind::Ineligible,
                    "incomplete" => ExpectKind::Incomplete,
                    "review" => ExpectKind::Review,
                    _ => ExpectKind::Invalid,
                },
                Rule::expect_clause => self.expect_clause(what),
                Rule::expect_score => self.expect_score(what),
                _ => ExpectKind::Error,
            },
            None => ExpectKind::Error,
        };
        Expect { kind, span }
    }

    fn expect_clause(&mut self, pair: P) -> ExpectKind {
        let mut status = "";
        let mut id = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::clause_status => status = inner.as_str(),
                Rule::clause_id => id = Some(self.clause_id(&inner)),
                _ => {}
            }
        }
        let Some(id) = id else {
            return ExpectKind::Error;
        };
        match status {
            "pass" => ExpectKind::Pass(id),
            "fail" => ExpectKind::Fail(id),
            "missing" => ExpectKind::Missing(id),
            "review" => ExpectKind::UnderReview(id),
            _ => ExpectKind::NotApplicable(id),
        }
    }

    fn expect_score(&mut self, pair: P) -> ExpectKind {
        let mut op = None;
        let mut value = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::compare_op => op = compare_op(inner.as_str()),
                Rule::score_value => {
                    let span = self.span(&inner);
                    match literal::decimal(inner.as_str()) {
                        Ok(number) => value = Some(number),
                        Err(error) => self.literal_error(Code::INVALID_LITERAL, span, error),
                    }
                }
                _ => {}
            }
        }
        match (op, value) {
            (Some(op), Some(value)) => ExpectKind::Score(op, value),
            _ => ExpectKind::Error,
        }
    }

    // ------------------------------------------------------------------------ types

    pub(super) fn type_expr(&mut self, pair: P) -> TypeExpr {
        let span = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return error_type(span);
        };
        let kind = match inner.as_rule() {
            Rule::type_ref => TypeExprKind::Named(self.ident(&inner)),
            Rule::list_type => TypeExprKind::List(Box::new(self.element_type(inner, span))),
            Rule::set_type => TypeExprKind::Set(Box::new(self.element_type(inner, span))),
            Rule::map_type => {
                let mut types = inner
                    .into_inner()
                    .filter(|part| part.as_rule() == Rule::type_expr)
                    .map(|part| self.type_expr(part));
                match (types.next(), types.next()) {
                    (Some(key), Some(value)) => TypeExprKind::Map(Box::new(key), Box::new(value)),
                    _ => TypeExprKind::Error,
                }
            }
            Rule::record_type => TypeExprKind::Record(self.record_fields(inner)),
            _ => TypeExprKind::Error,
        };
        TypeExpr { kind, span }
    }

    fn element_type(&mut self, pair: P, span: Span) -> TypeExpr {
        match pair
            .into_inner()
            .find(|inner| inner.as_rule() == Rule::type_expr)
        {
            Some(element) => self.type_expr(element),
            None => error_type(span),
        }
    }

    fn record_fields(&mut self, pair: P) -> Vec<FieldDecl> {
        let mut fields = Vec::new();
        let mut open = None;
        let mut previous = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::open_brace => open = Some(self.span(&inner)),
                Rule::field_decl => {
                    previous = Some(self.span(&inner).start);
                    fields.push(self.field_decl(inner));
                }
                Rule::field_error => {
                    self.explain(Rule::strict_record_fields, previous, &inner, Context::Block);
                    previous = None;
                }
                Rule::stray_comma => {
                    self.expected_at(&inner, Said::Words("syntax-expected-field-name"));
                    previous = None;
                }
                Rule::unclosed => self.note_unclosed(open, '{'),
                _ => {}
            }
        }
        fields
    }

    fn field_decl(&mut self, pair: P) -> FieldDecl {
        let whole = self.span(&pair);
        let mut docs = Docs::default();
        let mut name = None;
        let mut ty = None;
        let mut bounds = Vec::new();
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::docs => docs = self.docs(inner),
                Rule::field_name => name = Some(self.ident(&inner)),
                Rule::type_expr => ty = Some(self.type_expr(inner)),
                Rule::field_bounds => bounds = self.field_bounds(inner),
                Rule::type_error => {
                    self.explain(Rule::strict_type, None, &inner, Context::Type);
                    ty = Some(error_type(self.trimmed(&inner)));
                }
                _ => {}
            }
        }
        let name = name.unwrap_or_else(|| Self::absent_ident(whole));
        // Like an item's, a field's span leaves its doc comment out; it ends with its type
        // or its last bound, not with the spaces the grammar tried a `where` after.
        let end = match (bounds.last(), &ty) {
            (Some(bound), _) => bound.span.end,
            (None, Some(ty)) if ty.kind != TypeExprKind::Error => ty.span.end,
            _ => whole.end,
        };
        let span = Span::new(name.span.start, end);
        FieldDecl {
            docs,
            name,
            ty: ty.unwrap_or_else(|| error_type(whole)),
            bounds,
            span,
        }
    }

    fn field_bounds(&mut self, pair: P) -> Vec<FieldBound> {
        let mut bounds = Vec::new();
        for bound in pair.into_inner() {
            if bound.as_rule() != Rule::field_bound {
                continue;
            }
            let span = self.span(&bound);
            let mut op = None;
            let mut value = None;
            for inner in bound.into_inner() {
                match inner.as_rule() {
                    Rule::bound_op => op = compare_op(inner.as_str()),
                    Rule::negative_number => value = self.negative_number(inner),
                    Rule::number_lit => value = self.literal(&inner),
                    _ => {}
                }
            }
            if let (Some(op), Some(value)) = (op, value) {
                bounds.push(FieldBound { op, value, span });
            }
        }
        bounds
    }
}

fn error_type(span: Span) -> TypeExpr {
    TypeExpr {
        kind: TypeExprKind::Error,
        span,
    }
}

fn absent_clause_id(at: Span) -> ClauseId {
    ClauseId {
        name: String::new(),
        span: Span::empty_at(at.start),
    }
}

fn level(pair: &P) -> Level {
    Level::from_word(pair.as_str()).unwrap_or(Level::Must)
}

pub(super) fn compare_op(text: &str) -> Option<CompareOp> {
    Some(match text {
        "==" => CompareOp::Eq,
        "!=" => CompareOp::Ne,
        "<" => CompareOp::Lt,
        "<=" => CompareOp::Le,
        ">" => CompareOp::Gt,
        ">=" => CompareOp::Ge,
        _ => return None,
    })
}

/// The parts of a requirement or a criterion, as [`ItemBuilder::clause_parts`] reads them.
struct ClauseParts {
    id: ClauseId,
    title: Option<StringLit>,
    weight: Option<Weight>,
    body: Vec<ClauseField>,
}

/// A field a test may give once (`date`, `given`) given twice.
fn repeated_test_field(
    file: FileId,
    field: &str,
    (first, second): (Span, Span),
    help: &'static str,
) -> Diagnostic {
    Diagnostic::error(
        Code::REPEATED_CLAUSE_FIELD,
        Message::new("syntax-test-field-twice").with("field", field),
    )
    .with_primary(
        file,
        second,
        Message::new("syntax-test-field-second").with("field", field),
    )
    .with_secondary(
        file,
        first,
        Message::new("syntax-test-field-first").with("field", field),
    )
    .with_help(Message::new(help))
}

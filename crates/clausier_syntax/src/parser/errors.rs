//! Syntax errors in words: pest's rule names become what a person would say ("an
//! expression", "a clause id such as `HEB-01`"), and the offending token is quoted. The
//! words are messages of the catalogue (`diagnostics-syntax.ftl`), put into a language
//! only when the diagnostic is shown.

use clausier_diagnostics::{Code, Diagnostic, FileId, Message, Span};

use super::MAX_NESTING;
use super::grammar::Rule;
use super::lex::{describe_token, skip_trivia, token_end};
use crate::lexicon;

/// Where a syntax error was found: decides what the end of the re-parsed slice means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    Item,
    Block,
    Type,
    DataValues,
    DataValue,
}

impl Context {
    fn end_phrase(self) -> Option<Said> {
        match self {
            // Whatever may follow an item is another item, which `expected` already says.
            Context::Item => None,
            Context::Block => Some(Said::Token("}")),
            Context::Type | Context::DataValue => {
                Some(Said::Words("syntax-expected-comma-or-brace"))
            }
            Context::DataValues => Some(Said::Token("]")),
        }
    }
}

/// One thing the parser expected: words of the catalogue (by id), or a token of the
/// language, the same in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Said {
    Words(&'static str),
    Token(&'static str),
}

const AN_ITEM: Said = Said::Words("syntax-expected-item");
const A_VALUE: Said = Said::Words("syntax-expected-value");
const AN_EXPRESSION: Said = Said::Words("syntax-expected-expression");
const A_TYPE: Said = Said::Words("syntax-expected-type");
const A_CLAUSE_FIELD: Said = Said::Words("syntax-expected-clause-field");
const AN_EXPECTATION: Said = Said::Words("syntax-expected-expectation");
const AN_OPERATOR: Said = Said::Words("syntax-expected-operator");

impl Said {
    pub(super) fn message(self) -> Message {
        match self {
            Said::Words(id) => Message::new(id),
            Said::Token(token) => token_message(token),
        }
    }
}

/// A token of the language or of the user's text, in backticks in every language.
pub(super) fn token_message(token: &str) -> Message {
    Message::new("syntax-token").with("token", token)
}

const EXPRESSION_STARTS: &[Rule] = &[
    Rule::expr,
    Rule::prefix_op,
    Rule::kw_if,
    Rule::if_expr,
    Rule::quantifier_kind,
    Rule::quantifier,
    Rule::kw_count,
    Rule::count_expr,
    Rule::kw_has,
    Rule::has_expr,
    Rule::aggregate_kind,
    Rule::aggregate,
    Rule::kw_passed,
    Rule::passed_expr,
    Rule::kw_sum,
    Rule::kw_mean,
    Rule::kw_min,
    Rule::kw_max,
    Rule::list_aggregate,
    Rule::kw_share,
    Rule::share_expr,
    Rule::kw_matches,
    Rule::kw_siret,
    Rule::kw_uai,
    Rule::kw_https_url,
    Rule::kw_weekday,
    Rule::kw_business_duration,
    Rule::unknown_function,
    Rule::call_expr,
    Rule::today,
    Rule::bool_lit,
    Rule::datetime_lit,
    Rule::date_lit,
    Rule::time_lit,
    Rule::number_lit,
    Rule::number,
    Rule::string,
    Rule::list_expr,
    Rule::table_expr,
    Rule::open_table,
    Rule::path_term,
    Rule::paren_expr,
    Rule::path,
    Rule::path_segment,
    Rule::open_bracket,
    Rule::open_paren,
];

const ITEM_STARTS: &[Rule] = &[
    Rule::chunk,
    Rule::kw_enum,
    Rule::kw_type,
    Rule::kw_descriptor,
    Rule::kw_param,
    Rule::kw_requirement,
    Rule::kw_criterion,
    Rule::kw_indicator,
    Rule::kw_risk,
    Rule::kw_use,
    Rule::kw_set,
    Rule::kw_test,
];

const TYPE_STARTS: &[Rule] = &[
    Rule::type_expr,
    Rule::strict_type,
    Rule::list_type,
    Rule::set_type,
    Rule::record_type,
    Rule::kw_list,
    Rule::kw_set,
    Rule::type_ref,
    Rule::open_brace,
];

const VALUE_STARTS: &[Rule] = &[
    Rule::data_value,
    Rule::strict_data_value,
    Rule::strict_data_values,
    Rule::data_null,
    Rule::negative_number,
    Rule::data_array,
    Rule::data_object,
    Rule::bool_lit,
    Rule::datetime_lit,
    Rule::date_lit,
    Rule::time_lit,
    Rule::number_lit,
    Rule::number,
    Rule::string,
    Rule::open_bracket,
    Rule::open_brace,
];

const CLAUSE_FIELD_STARTS: &[Rule] = &[
    Rule::clause_field,
    Rule::strict_clause_fields,
    Rule::kw_level,
    Rule::kw_text,
    Rule::kw_note,
    Rule::kw_ref,
    Rule::kw_evidence,
    Rule::kw_lots,
    Rule::kw_when,
    Rule::kw_require,
    Rule::kw_score,
    Rule::kw_value,
    Rule::kw_by,
    Rule::kw_spend,
    Rule::kw_ends,
    Rule::kw_window,
    Rule::kw_alternatives,
];

const EXPECTATIONS: &[Rule] = &[
    Rule::expect_status,
    Rule::expect_clause,
    Rule::clause_status,
    Rule::expect_score,
    Rule::kw_score,
];

const NAME_RULES: &[Rule] = &[
    Rule::type_expr,
    Rule::strict_type,
    Rule::enum_name,
    Rule::variant_name,
    Rule::type_name,
    Rule::type_ref,
    Rule::field_name,
    Rule::param_name,
    Rule::var_name,
    Rule::path_segment,
];

/// A group of rules said in one phrase when enough of them were expected together.
struct Group {
    members: &'static [Rule],
    /// The rules that, alone, show the whole group was expected.
    leaders: &'static [Rule],
    /// How many members, without a leader, are enough.
    enough: usize,
    phrase: Said,
}

const GROUPS: &[Group] = &[
    Group {
        members: ITEM_STARTS,
        leaders: &[Rule::chunk],
        enough: 2,
        phrase: AN_ITEM,
    },
    Group {
        members: VALUE_STARTS,
        leaders: &[
            Rule::data_value,
            Rule::strict_data_value,
            Rule::strict_data_values,
        ],
        enough: usize::MAX,
        phrase: A_VALUE,
    },
    Group {
        members: EXPRESSION_STARTS,
        leaders: &[Rule::expr],
        enough: 3,
        phrase: AN_EXPRESSION,
    },
    Group {
        members: TYPE_STARTS,
        leaders: &[Rule::type_expr, Rule::strict_type],
        enough: 2,
        phrase: A_TYPE,
    },
    Group {
        members: CLAUSE_FIELD_STARTS,
        leaders: &[Rule::clause_field, Rule::strict_clause_fields],
        enough: 2,
        phrase: A_CLAUSE_FIELD,
    },
    Group {
        members: EXPECTATIONS,
        leaders: &[Rule::expect_status, Rule::clause_status],
        enough: usize::MAX,
        phrase: AN_EXPECTATION,
    },
];

fn phrase(rule: Rule, context: Context) -> Option<Said> {
    use Rule as R;
    let phrase = match rule {
        R::EOI => return context.end_phrase(),
        R::chunk => AN_ITEM,
        R::enum_name => Said::Words("syntax-expected-enum-name"),
        R::variant_name | R::variant | R::strict_variants => {
            Said::Words("syntax-expected-variant-name")
        }
        R::type_name => Said::Words("syntax-expected-type-name"),
        R::type_ref | R::type_expr | R::strict_type => A_TYPE,
        R::field_name | R::field_decl | R::strict_record_fields | R::path_segment => {
            Said::Words("syntax-expected-field-name")
        }
        R::param_name => Said::Words("syntax-expected-param-name"),
        R::var_name => Said::Words("syntax-expected-variable-name"),
        R::data_key_word | R::data_entry | R::strict_data_entries => {
            Said::Words("syntax-expected-key")
        }
        R::pack_name => Said::Words("syntax-expected-pack-name"),
        R::clause_id => Said::Words("syntax-expected-clause-id"),
        R::open_brace => Said::Token("{"),
        R::close_brace => Said::Token("}"),
        R::open_paren => Said::Token("("),
        R::close_paren => Said::Token(")"),
        R::open_bracket => Said::Token("["),
        R::close_bracket => Said::Token("]"),
        R::colon => Said::Token(":"),
        R::double_colon => Said::Token("::"),
        R::comma => Said::Token(","),
        R::equals => Said::Token("="),
        R::lt => Said::Token("<"),
        R::gt => Said::Token(">"),
        R::kw_enum => Said::Token("enum"),
        R::kw_type => Said::Token("type"),
        R::kw_descriptor => Said::Token("descriptor"),
        R::kw_param => Said::Token("param"),
        R::kw_requirement => Said::Token("requirement"),
        R::kw_criterion => Said::Token("criterion"),
        R::kw_indicator => Said::Token("indicator"),
        R::kw_risk => Said::Token("risk"),
        R::kw_use => Said::Token("use"),
        R::kw_set => Said::Token("set"),
        R::kw_test => Said::Token("test"),
        R::kw_list => Said::Token("list"),
        R::kw_as => Said::Token("as"),
        R::kw_weight => Said::Token("weight"),
        R::kw_level => Said::Token("level"),
        R::kw_text => Said::Token("text"),
        R::kw_note => Said::Token("note"),
        R::kw_ref => Said::Token("ref"),
        R::kw_evidence => Said::Token("evidence"),
        R::kw_lots | R::lots_field => Said::Token("lots"),
        R::kw_when => Said::Token("when"),
        R::kw_require => Said::Token("require"),
        R::kw_score => Said::Token("score"),
        R::kw_value => Said::Token("value"),
        R::kw_by => Said::Token("by"),
        R::kw_spend => Said::Token("spend"),
        R::kw_ends => Said::Token("ends"),
        R::kw_window => Said::Token("window"),
        R::kw_alternatives => Said::Token("alternatives"),
        R::kw_given | R::given_field => Said::Token("given"),
        R::kw_expect | R::expect_field => Said::Token("expect"),
        R::strict_test_fields => Said::Words("syntax-expected-given-or-expect"),
        R::kw_then => Said::Token("then"),
        R::kw_else => Said::Token("else"),
        R::kw_in => Said::Token("in"),
        R::level_value => Said::Words("syntax-expected-level"),
        R::string => Said::Words("syntax-expected-string"),
        R::title => Said::Words("syntax-expected-title"),
        R::test_name => Said::Words("syntax-expected-test-name"),
        R::file_name => Said::Words("syntax-expected-file-name"),
        R::weight_value | R::score_value => Said::Words("syntax-expected-number"),
        R::compare_op => Said::Words("syntax-expected-comparison"),
        R::kw_where => Said::Token("where"),
        R::kw_and => Said::Token("and"),
        R::bound_op | R::field_bound | R::field_bounds => Said::Words("syntax-expected-bound"),
        R::negative_number => Said::Words("syntax-expected-number"),
        R::infix_op => AN_OPERATOR,
        R::data_value | R::strict_data_value | R::strict_data_values | R::data_null => A_VALUE,
        R::clause_field | R::strict_clause_fields => A_CLAUSE_FIELD,
        _ if EXPRESSION_STARTS.contains(&rule) => AN_EXPRESSION,
        _ if CLAUSE_FIELD_STARTS.contains(&rule) => A_CLAUSE_FIELD,
        _ if EXPECTATIONS.contains(&rule) => AN_EXPECTATION,
        // Doc comments, catch-alls, literal suffixes: true, but no help to a reader.
        _ => return None,
    };
    Some(phrase)
}

/// The phrases for what pest expected, grouped, deduplicated, in pest's order.
fn expected_phrases(positives: &[Rule], context: Context) -> Vec<Said> {
    let active: Vec<&Group> = GROUPS
        .iter()
        .filter(|group| {
            let leader = positives.iter().any(|rule| group.leaders.contains(rule));
            let members = positives
                .iter()
                .filter(|rule| group.members.contains(rule))
                .count();
            leader || members >= group.enough
        })
        .collect();
    let mut phrases: Vec<Said> = Vec::new();
    for &rule in positives {
        let said = active
            .iter()
            .find(|group| group.members.contains(&rule) || group.leaders.contains(&rule))
            .map(|group| group.phrase)
            .or_else(|| phrase(rule, context));
        if let Some(said) = said
            && !phrases.contains(&said)
        {
            phrases.push(said);
        }
    }
    // What continues the text before what ends it: "an operator, a clause field or `}`".
    let end = context.end_phrase();
    phrases.sort_by_key(|said| match *said {
        AN_OPERATOR => 0,
        Said::Token("}" | ")" | "]") => 2,
        said if Some(said) == end => 2,
        _ => 1,
    });
    phrases
}

/// The alternatives, joined in the language the diagnostic is shown in.
fn alternatives(phrases: &[Said]) -> Vec<Message> {
    phrases.iter().map(|said| said.message()).collect()
}

/// Advice for the commonest slips, keyed on what was found, what was expected and what
/// comes just before (`before`, the text up to the token).
fn help_for(token: &str, before: &str, positives: &[Rule], phrases: &[Said]) -> Option<Message> {
    let expects = |rule: Rule| positives.contains(&rule);
    let in_passed = before
        .trim_end()
        .strip_suffix('(')
        .is_some_and(|head| head.trim_end().ends_with("passed"));
    let help = match token {
        _ if in_passed && expects(Rule::clause_id) => "syntax-help-passed-takes-an-id",
        "=" if phrases.contains(&AN_OPERATOR) => "syntax-help-double-equals",
        "&&" => "syntax-help-write-and",
        "||" => "syntax-help-write-or",
        "!" => "syntax-help-write-not",
        ";" => "syntax-help-semicolon",
        "weight" if phrases.contains(&A_CLAUSE_FIELD) => "syntax-help-weight-in-header",
        _ if token.starts_with("///") => "syntax-help-doc-comment-placement",
        _ if lexicon::is_reserved(token)
            && !phrases.contains(&AN_EXPRESSION)
            && NAME_RULES.iter().any(|rule| expects(*rule)) =>
        {
            return Some(Message::new("syntax-help-reserved-word").with("token", token));
        }
        _ if expects(Rule::clause_id) && token.starts_with('"') => {
            "syntax-help-clause-starts-with-id"
        }
        _ if expects(Rule::clause_id) => "syntax-help-clause-id-form",
        _ if expects(Rule::title) && expects(Rule::kw_weight) => "syntax-help-criterion-header",
        _ if expects(Rule::title) => "syntax-help-requirement-title",
        _ if phrases.contains(&AN_EXPECTATION) => "syntax-help-expectations",
        _ if phrases.contains(&AN_ITEM) => "syntax-help-item-keywords",
        _ => return None,
    };
    Some(Message::new(help))
}

/// The span of the token at or after `pos`, skipping trivia.
pub(super) fn token_span(text: &str, pos: usize) -> Span {
    let at = skip_trivia(text, pos.min(text.len()), text.len());
    Span::from_range(at..token_end(text, at, text.len()))
}

/// Where to point when `found` is not the first token of the text being explained
/// (which starts at `region`): when something was left unfinished at the end of a line,
/// at the end of that line rather than at the next line's first token.
fn label_span(text: &str, region: usize, found: Span) -> Span {
    let start = found.start as usize;
    if start <= skip_trivia(text, region.min(start), start) {
        return found;
    }
    let before = text[..start].trim_end_matches(char::is_whitespace).len();
    if text[before..start].contains('\n') {
        Span::from_range(before..before)
    } else {
        found
    }
}

/// "expected …, found …" at the first token at or after `pos`, in the text being
/// explained that starts at `region`.
pub(super) fn expected(
    file: FileId,
    text: &str,
    region: usize,
    pos: usize,
    positives: &[Rule],
    context: Context,
) -> Diagnostic {
    let found_span = token_span(text, pos);
    let token = &text[found_span.range()];
    let found = describe_token(token);
    let phrases = expected_phrases(positives, context);
    let span = label_span(text, region, found_span);
    let before = &text[..found_span.start as usize];
    expected_message(file, span, token, before, found, positives, &phrases)
}

/// Whether `expected` would say what was expected (rather than only "unexpected").
pub(super) fn says_what_was_expected(positives: &[Rule], context: Context) -> bool {
    !expected_phrases(positives, context).is_empty()
}

fn expected_message(
    file: FileId,
    span: Span,
    token: &str,
    before: &str,
    found: Message,
    positives: &[Rule],
    phrases: &[Said],
) -> Diagnostic {
    let message = if phrases.is_empty() {
        Message::new("syntax-unexpected").with("found", found)
    } else {
        Message::new("syntax-expected-found")
            .with("expected", alternatives(phrases))
            .with("found", found)
    };
    // The message says what was expected and what was found: the label only marks the
    // place, rather than say it again under the caret and after the editor's message.
    let diagnostic =
        Diagnostic::error(Code::SYNTAX, message).with_primary(file, span, Message::default());
    match help_for(token, before, positives, phrases) {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// A plain "expected …" where the parser itself knows what is missing.
pub(super) fn expected_words(
    file: FileId,
    text: &str,
    region: usize,
    pos: usize,
    what: Said,
) -> Diagnostic {
    let found_span = token_span(text, pos);
    let found = describe_token(&text[found_span.range()]);
    Diagnostic::error(
        Code::SYNTAX,
        Message::new("syntax-expected-found")
            .with("expected", what.message())
            .with("found", found),
    )
    // The message says it all: the label only marks the place.
    .with_primary(
        file,
        label_span(text, region, found_span),
        Message::default(),
    )
}

pub(super) fn unterminated_string(file: FileId, text: &str, start: usize) -> Diagnostic {
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |at| start + at);
    Diagnostic::error(
        Code::UNTERMINATED_STRING,
        Message::new("syntax-unterminated-string"),
    )
    .with_primary(
        file,
        Span::from_range(start..end),
        Message::new("syntax-unterminated-string-label"),
    )
    .with_help(Message::new("syntax-unterminated-string-help"))
}

pub(super) fn too_deep(file: FileId, at: Span) -> Diagnostic {
    Diagnostic::error(
        Code::NESTING_TOO_DEEP,
        Message::new("syntax-nesting-too-deep"),
    )
    .with_primary(
        file,
        at,
        Message::new("syntax-nesting-too-deep-label").with("levels", MAX_NESTING),
    )
    .with_help(Message::new("syntax-nesting-too-deep-help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_expression_starts_read_as_one_phrase() {
        let positives = [
            Rule::prefix_op,
            Rule::kw_if,
            Rule::number_lit,
            Rule::path_segment,
            Rule::open_paren,
        ];
        assert_eq!(
            expected_phrases(&positives, Context::Block),
            [AN_EXPRESSION]
        );
    }

    #[test]
    fn a_lone_segment_after_a_dot_is_a_field_name() {
        assert_eq!(
            expected_phrases(&[Rule::path_segment], Context::Block),
            [Said::Words("syntax-expected-field-name")]
        );
    }

    #[test]
    fn lists_join_with_or() {
        let positives = [Rule::infix_op, Rule::clause_field, Rule::EOI];
        let list = Message::new("syntax-expected-found")
            .with(
                "expected",
                alternatives(&expected_phrases(&positives, Context::Block)),
            )
            .with("found", "`;`");
        assert_eq!(
            list.text(clausier_diagnostics::Lang::En),
            "expected an operator, a clause field or `}`, found `;`"
        );
    }
}

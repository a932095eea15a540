//! Syntax errors in words: pest's rule names become what a person would say ("an
//! expression", "a clause id such as `HEB-01`"), and the offending token is quoted.

use clausier_diagnostics::{Code, Diagnostic, FileId, Span};

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
    fn end_phrase(self) -> &'static str {
        match self {
            // Whatever may follow an item is another item, which `expected` already says.
            Context::Item => "",
            Context::Block => "`}`",
            Context::Type | Context::DataValue => "`,` or `}`",
            Context::DataValues => "`]`",
        }
    }
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
    phrase: &'static str,
}

const GROUPS: &[Group] = &[
    Group {
        members: ITEM_STARTS,
        leaders: &[Rule::chunk],
        enough: 2,
        phrase: "an item",
    },
    Group {
        members: VALUE_STARTS,
        leaders: &[
            Rule::data_value,
            Rule::strict_data_value,
            Rule::strict_data_values,
        ],
        enough: usize::MAX,
        phrase: "a value",
    },
    Group {
        members: EXPRESSION_STARTS,
        leaders: &[Rule::expr],
        enough: 3,
        phrase: "an expression",
    },
    Group {
        members: TYPE_STARTS,
        leaders: &[Rule::type_expr, Rule::strict_type],
        enough: 2,
        phrase: "a type",
    },
    Group {
        members: CLAUSE_FIELD_STARTS,
        leaders: &[Rule::clause_field, Rule::strict_clause_fields],
        enough: 2,
        phrase: "a clause field",
    },
    Group {
        members: EXPECTATIONS,
        leaders: &[Rule::expect_status, Rule::clause_status],
        enough: usize::MAX,
        phrase: "an expectation such as `eligible` or `pass HEB-01`",
    },
];

fn phrase(rule: Rule, context: Context) -> Option<&'static str> {
    use Rule as R;
    let phrase = match rule {
        R::EOI => context.end_phrase(),
        R::chunk => "an item",
        R::enum_name => "a name for the enum",
        R::variant_name | R::variant | R::strict_variants => "a variant name",
        R::type_name => "a name for the type",
        R::type_ref | R::type_expr | R::strict_type => "a type",
        R::field_name | R::field_decl | R::strict_record_fields | R::path_segment => "a field name",
        R::param_name => "a parameter name",
        R::var_name => "a variable name",
        R::data_key_word | R::data_entry | R::strict_data_entries => "a key",
        R::pack_name => "a pack name",
        R::clause_id => "a clause id such as `HEB-01`",
        R::open_brace => "`{`",
        R::close_brace => "`}`",
        R::open_paren => "`(`",
        R::close_paren => "`)`",
        R::open_bracket => "`[`",
        R::close_bracket => "`]`",
        R::colon => "`:`",
        R::double_colon => "`::`",
        R::comma => "`,`",
        R::equals => "`=`",
        R::lt => "`<`",
        R::gt => "`>`",
        R::kw_enum => "`enum`",
        R::kw_type => "`type`",
        R::kw_descriptor => "`descriptor`",
        R::kw_param => "`param`",
        R::kw_requirement => "`requirement`",
        R::kw_criterion => "`criterion`",
        R::kw_use => "`use`",
        R::kw_set => "`set`",
        R::kw_test => "`test`",
        R::kw_list => "`list`",
        R::kw_as => "`as`",
        R::kw_weight => "`weight`",
        R::kw_level => "`level`",
        R::kw_text => "`text`",
        R::kw_note => "`note`",
        R::kw_ref => "`ref`",
        R::kw_evidence => "`evidence`",
        R::kw_lots | R::lots_field => "`lots`",
        R::kw_when => "`when`",
        R::kw_require => "`require`",
        R::kw_score => "`score`",
        R::kw_given | R::given_field => "`given`",
        R::kw_expect | R::expect_field => "`expect`",
        R::strict_test_fields => "`given` or `expect`",
        R::kw_then => "`then`",
        R::kw_else => "`else`",
        R::kw_in => "`in`",
        R::level_value => "`must`, `should`, `info` or `execution`",
        R::string => "a string in quotes",
        R::title => "a title in quotes",
        R::test_name => "a test name in quotes",
        R::file_name => "a file name in quotes",
        R::weight_value | R::score_value => "a number",
        R::compare_op => "a comparison such as `>=`",
        R::kw_where => "`where`",
        R::kw_and => "`and`",
        R::bound_op | R::field_bound | R::field_bounds => "a bound such as `>= 0 €`",
        R::negative_number => "a number",
        R::infix_op => "an operator",
        R::data_value | R::strict_data_value | R::strict_data_values | R::data_null => "a value",
        R::clause_field | R::strict_clause_fields => "a clause field",
        _ if EXPRESSION_STARTS.contains(&rule) => "an expression",
        _ if CLAUSE_FIELD_STARTS.contains(&rule) => "a clause field",
        _ if EXPECTATIONS.contains(&rule) => "an expectation such as `eligible` or `pass HEB-01`",
        // Doc comments, catch-alls, literal suffixes: true, but no help to a reader.
        _ => return None,
    };
    Some(phrase)
}

/// The phrases for what pest expected, grouped, deduplicated, in pest's order.
fn expected_phrases(positives: &[Rule], context: Context) -> Vec<&'static str> {
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
    let mut phrases: Vec<&'static str> = Vec::new();
    for &rule in positives {
        let said = active
            .iter()
            .find(|group| group.members.contains(&rule) || group.leaders.contains(&rule))
            .map(|group| group.phrase)
            .or_else(|| phrase(rule, context));
        if let Some(said) = said.filter(|said| !said.is_empty())
            && !phrases.contains(&said)
        {
            phrases.push(said);
        }
    }
    // What continues the text before what ends it: "an operator, a clause field or `}`".
    let end = context.end_phrase();
    phrases.sort_by_key(|said| match *said {
        "an operator" => 0,
        "`}`" | "`)`" | "`]`" => 2,
        said if said == end => 2,
        _ => 1,
    });
    phrases
}

fn join_phrases(phrases: &[&str]) -> String {
    match phrases {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Advice for the commonest slips, keyed on what was found, what was expected and what
/// comes just before (`before`, the text up to the token).
fn help_for(token: &str, before: &str, positives: &[Rule], phrases: &[&str]) -> Option<String> {
    let expects = |rule: Rule| positives.contains(&rule);
    let in_passed = before
        .trim_end()
        .strip_suffix('(')
        .is_some_and(|head| head.trim_end().ends_with("passed"));
    let help = match token {
        _ if in_passed && expects(Rule::clause_id) => {
            "`passed` takes the id of a requirement, without quotes: `passed(ACC-02)`"
        }
        "=" if phrases.contains(&"an operator") => "use `==` to compare two values",
        "&&" => "write `and`",
        "||" => "write `or`",
        "!" => "write `not`",
        ";" => {
            "remove the `;`: a line break ends a field, and `,` separates variants and list items"
        }
        "weight" if phrases.contains(&"a clause field") => {
            "the weight belongs in the criterion's header: `criterion PRIX \"Prix\" weight 40 { … }`"
        }
        _ if token.starts_with("///") => {
            "doc comments document items, fields and enum variants; use `//` for a plain comment"
        }
        _ if lexicon::is_reserved(token)
            && !phrases.contains(&"an expression")
            && NAME_RULES.iter().any(|rule| expects(*rule)) =>
        {
            return Some(format!(
                "`{token}` is a reserved word and cannot be used as a name"
            ));
        }
        _ if expects(Rule::clause_id) && token.starts_with('"') => {
            "a clause starts with its id, then its title: `requirement HEB-01 \"Hébergement\" { … }`"
        }
        _ if expects(Rule::clause_id) => {
            "a clause id starts with a letter and may hold letters, digits, `-` and `_`"
        }
        _ if expects(Rule::title) && expects(Rule::kw_weight) => {
            "a criterion needs a title in quotes and a weight: `criterion PRIX \"Prix\" weight 40 { … }`"
        }
        _ if expects(Rule::title) => {
            "a requirement needs a title in quotes: `requirement HEB-01 \"Hébergement\" { … }`"
        }
        _ if phrases
            .iter()
            .any(|said| said.starts_with("an expectation")) =>
        {
            "write `expect` and one of `eligible`, `ineligible`, `incomplete`, `invalid`, `pass ID`, `fail ID`, `missing ID`, `not_applicable ID` or `score >= N`"
        }
        _ if phrases.contains(&"an item") => {
            "an item starts with `enum`, `type`, `descriptor`, `param`, `requirement`, `criterion`, `use`, `set` or `test`"
        }
        _ => return None,
    };
    Some(help.to_string())
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
    expected_message(file, span, token, before, &found, positives, &phrases)
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
    found: &str,
    positives: &[Rule],
    phrases: &[&str],
) -> Diagnostic {
    let (message, label) = if phrases.is_empty() {
        (
            format!("unexpected {found}"),
            "not expected here".to_string(),
        )
    } else {
        let list = join_phrases(phrases);
        (
            format!("expected {list}, found {found}"),
            format!("expected {list}"),
        )
    };
    let diagnostic = Diagnostic::error(Code::SYNTAX, message).with_primary(file, span, label);
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
    what: &str,
) -> Diagnostic {
    let found_span = token_span(text, pos);
    let found = describe_token(&text[found_span.range()]);
    Diagnostic::error(Code::SYNTAX, format!("expected {what}, found {found}")).with_primary(
        file,
        label_span(text, region, found_span),
        format!("expected {what}"),
    )
}

pub(super) fn unterminated_string(file: FileId, text: &str, start: usize) -> Diagnostic {
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |at| start + at);
    Diagnostic::error(Code::UNTERMINATED_STRING, "unterminated string")
        .with_primary(
            file,
            Span::from_range(start..end),
            "this string is never closed",
        )
        .with_help(
            "close it with `\"` on the same line; write a line break inside a string as `\\n`",
        )
}

pub(super) fn too_deep(file: FileId, at: Span) -> Diagnostic {
    Diagnostic::error(Code::NESTING_TOO_DEEP, "expression nested too deeply")
        .with_primary(
            file,
            at,
            format!("this goes past {MAX_NESTING} levels of nesting"),
        )
        .with_help("split it into smaller parts: several requirements, or a `param` for a constant")
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
            ["an expression"]
        );
    }

    #[test]
    fn a_lone_segment_after_a_dot_is_a_field_name() {
        assert_eq!(
            expected_phrases(&[Rule::path_segment], Context::Block),
            ["a field name"]
        );
    }

    #[test]
    fn lists_join_with_or() {
        let positives = [Rule::infix_op, Rule::clause_field, Rule::EOI];
        assert_eq!(
            join_phrases(&expected_phrases(&positives, Context::Block)),
            "an operator, a clause field or `}`"
        );
    }
}

use clausier_diagnostics::Lang;
use std::fmt::Write as _;

use insta::assert_snapshot;

use super::{Fixture, PACK};

fn check(input: &str) -> String {
    check_in(input, Lang::En)
}

fn check_in(input: &str, lang: Lang) -> String {
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    let mut out = String::new();
    for item in fixture.analysis.completions(file, offset, lang) {
        let detail = item.detail.map(|d| format!(" {d}")).unwrap_or_default();
        let _ = writeln!(out, "{:?} {}{detail}", item.kind, item.label);
    }
    out
}

/// The pack with one more requirement whose body is `body`.
fn in_clause(body: &str) -> String {
    format!("{PACK}\nrequirement NEW-01 \"new\" {{\n  level must\n  {body}\n}}\n")
}

#[test]
fn fields_after_a_dot() {
    assert_snapshot!(check(&in_clause("require hosting.$0")), @r#"
Field region Region
Field certified bool
"#);
}

#[test]
fn descriptor_fields_after_evidence() {
    assert_snapshot!(check(&in_clause("evidence $0")), @r#"
Field hosting { region: Region, certified: bool }
Field subprocessors list<Subprocessor>
Field price money
"#);
}

#[test]
fn from_after_the_path_of_a_required_document_then_the_kinds_of_proof() {
    assert_snapshot!(check(&in_clause("evidence hosting.certified $0")), @"Keyword from the kinds of proof the document must come with");
    let kinds = "Keyword document a document: certificate, attestation\n\
                 Keyword registry an entry in a public registry\n\
                 Keyword audit a report of an audit by a third party\n";
    assert_eq!(
        check(&in_clause("evidence hosting.certified from $0")),
        kinds
    );
    assert_eq!(
        check(&in_clause("evidence hosting.certified from document, au$0")),
        "Keyword audit a report of an audit by a third party\n"
    );
    // Once the document's name is written, no kind of proof may follow.
    let after = check(&in_clause("evidence hosting.certified \"Certificat\" $0"));
    assert!(!after.contains("Keyword from"), "{after}");
    assert!(!after.contains("Keyword registry"), "{after}");
}

#[test]
fn no_equivalent_is_proposed_in_a_requirement_not_in_a_criterion() {
    let requirement = check(&in_clause("$0"));
    assert!(
        requirement.contains("Keyword no_equivalent"),
        "{requirement}"
    );
    let criterion = check(&in_criterion("$0"));
    assert!(!criterion.contains("no_equivalent"), "{criterion}");
}

#[test]
fn fields_after_a_dot_filtered_by_what_is_typed() {
    assert_snapshot!(check(&in_clause("require hosting.ce$0")), @r#"Field certified bool"#);
}

#[test]
fn fields_of_a_bound_variable() {
    assert_snapshot!(check(&in_clause("require any s in subprocessors: s.$0")), @r#"
Field name string
Field region Region
"#);
}

#[test]
fn fields_of_a_record_parameter() {
    let pack = format!(
        "{PACK}\nparam horaires: {{ ouverture: int, fermeture: int }} = {{ ouverture: 8, fermeture: 18 }}\n\
         requirement NEW-01 \"new\" {{\n  require horaires.$0\n}}\n"
    );
    assert_snapshot!(check(&pack), @r#"
Field ouverture int
Field fermeture int
"#);
}

#[test]
fn variants_after_an_enum_name() {
    assert_snapshot!(check(&in_clause("require hosting.region == Region.$0")), @r#"
Variant EU Region
Variant EEA Region
Variant OTHER Region
"#);
}

#[test]
fn variants_where_an_enum_is_expected() {
    assert_snapshot!(check(&in_clause("require hosting.region == $0")), @r#"
Variant EU Region
Variant EEA Region
Variant OTHER Region
"#);
    assert_snapshot!(check(&in_clause("require hosting.region in [EU, $0")), @r#"
Variant EU Region
Variant EEA Region
Variant OTHER Region
"#);
}

#[test]
fn expression_proposals() {
    assert_snapshot!(check(&in_clause("require price < m$0")), @r#"
Param max_price money = 6.00 €
Keyword mean the mean of a list: `mean(xs)` or `mean(x in xs: x.value)`
Keyword min the smallest value of a list: `min(xs)` or `min(x in xs: x.value)`
Keyword max the largest value of a list: `max(xs)` or `max(x in xs: x.value)`
Keyword matches whether a pattern is found in a text: `matches(x.url, "^https://")`
Keyword implies
Keyword sum the sum of a list: `sum(xs)` or `sum(x in xs: x.value)`
"#);
    assert_snapshot!(check(&in_clause("require any s in subprocessors: $0")), @r#"
Local s
Param max_price money = 6.00 €
Field hosting { region: Region, certified: bool }
Field subprocessors list<Subprocessor>
Field price money
Enum Region { EU, EEA, OTHER }
Keyword all
Keyword any
Keyword count
Keyword has
Keyword if
Keyword then
Keyword else
Keyword not
Keyword and
Keyword or
Keyword implies
Keyword in
Keyword today
Keyword lowest
Keyword highest
Keyword true
Keyword false
Keyword sum the sum of a list: `sum(xs)` or `sum(x in xs: x.value)`
Keyword mean the mean of a list: `mean(xs)` or `mean(x in xs: x.value)`
Keyword min the smallest value of a list: `min(xs)` or `min(x in xs: x.value)`
Keyword max the largest value of a list: `max(xs)` or `max(x in xs: x.value)`
Keyword matches whether a pattern is found in a text: `matches(x.url, "^https://")`
Keyword siret whether a text is a valid SIRET number: 14 digits, Luhn key
Keyword uai whether a text is a valid UAI code: 7 digits and their key letter
Keyword https_url whether a text is an `https` address with a host
Keyword weekday the day of the week of a date or datetime: `weekday(d) in jours_ouvres`
Keyword business_duration the time between two datetimes on the given days, between an opening and a closing time
"#);
}

#[test]
fn clause_keywords_at_the_start_of_a_line() {
    assert_snapshot!(check(&in_clause("$0")), @r#"
Keyword level `must`, `should`, `info` or `execution`
Keyword when the condition under which the clause applies
Keyword text the legal text
Keyword note a published remark, shown under the text
Keyword ref a legal reference
Keyword evidence a supporting document; after a descriptor path, a required one
Keyword no_equivalent the requirement admits no equivalent of the certification it demands, for the published reason
Keyword lots the lots of `[document]` the clause applies to, such as `"1", "2"`
Keyword require the condition to meet
Keyword score the score, from 0 to 100
"#);
    assert_snapshot!(check(&in_clause("level $0")), @r#"
Keyword must
Keyword should
Keyword info
Keyword execution
"#);
}

#[test]
fn indicator_and_risk_lines_at_the_start_of_a_line() {
    assert_snapshot!(check(&format!("{PACK}\nindicator I \"Indicateur\" {{\n  $0\n}}\n")), @r#"
Keyword text the legal text
Keyword note a published remark, shown under the text
Keyword ref a legal reference
Keyword value what it computes
Keyword by the fields the entries are grouped by
"#);
    assert_snapshot!(check(&format!("{PACK}\nrisk R \"Risque\" {{\n  $0\n}}\n")), @r#"
Keyword text the legal text
Keyword note a published remark, shown under the text
Keyword ref a legal reference
Keyword value what it computes
Keyword spend the amount the priority weighs
Keyword ends the date the entry's contract ends
Keyword window how long before the end a change can be prepared
Keyword alternatives the catalogue categories the entry may move to
"#);
}

#[test]
fn item_keywords_between_items() {
    assert_snapshot!(check(&format!("{PACK}\nre$0")), @r#"Keyword requirement a requirement: `requirement ID "title" { … }`"#);
}

#[test]
fn in_french_keywords_say_what_they_start_in_french() {
    assert_snapshot!(check_in(&format!("{PACK}\nre$0"), Lang::Fr), @r#"Keyword requirement une exigence : `requirement ID "titre" { … }`"#);
    assert_snapshot!(check_in(&in_clause("sco$0"), Lang::Fr), @"Keyword score la note, de 0 à 100");
}

#[test]
fn types_in_the_schema() {
    assert_snapshot!(check("enum Tier { I, II }\ndescriptor {\n  tier: T$0\n}\n"), @r#"
Enum Tier
Type time
Type int
Type percent
Type date
Type datetime
Type duration
Type string
Type list
Type set
"#);
}

#[test]
fn nothing_in_comments_and_strings() {
    assert_snapshot!(check(&in_clause("// require hosting.$0")), @"");
    assert_snapshot!(check(&in_clause("text \"hosting.$0")), @"");
}

#[test]
fn clause_ids_and_statuses_in_tests() {
    let test = |line: &str| format!("{PACK}\ntest \"t\" {{\n  {line}\n}}\n");
    assert_snapshot!(check(&test("expect pass $0")), @r#"
Clause HEB-01 Hosting in the EU
Clause SUB-01 Subprocessors in the EU
Clause PRICE Price
"#);
    assert_snapshot!(check(&test("expect fail HEB-$0")), @r#"Clause HEB-01 Hosting in the EU"#);
    assert_snapshot!(check(&test("expect $0")), @r#"
Keyword eligible
Keyword ineligible
Keyword incomplete
Keyword invalid
Keyword review
Keyword pass
Keyword fail
Keyword missing
Keyword not_applicable
Keyword score
"#);
    // `review` is the offer's status alone, and before an id the requirement's.
    assert_snapshot!(check(&test("expect review $0")), @r#"
Clause HEB-01 Hosting in the EU
Clause SUB-01 Subprocessors in the EU
Clause PRICE Price
"#);
    assert_snapshot!(check(&test("$0")), @r#"
Keyword given
Keyword expect
Keyword date
"#);
}

#[test]
fn the_source_range_covers_a_clause_id_being_typed() {
    let input = format!("{PACK}\ntest \"t\" {{\n  expect fail HEB-$0\n}}\n");
    let fixture = Fixture::parse(&input);
    let (file, offset) = fixture.cursor();
    let items = fixture.analysis.completions(file, offset, Lang::En);
    let ranges: Vec<String> = items
        .iter()
        .map(|item| fixture.loc(file, item.source_range))
        .collect();
    assert_snapshot!(ranges.join("\n"), @r#"rules.clause:24:15-24:19 `HEB-`"#);
}

/// Each item with its relevance and snippet.
fn ranked(input: &str) -> String {
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    let mut out = String::new();
    for item in fixture.analysis.completions(file, offset, Lang::En) {
        let snippet = item
            .snippet
            .map(|s| format!(" snippet {s:?}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{} {:?} {}{snippet}",
            item.relevance, item.kind, item.label
        );
    }
    out
}

#[test]
fn item_keywords_expand_to_snippets() {
    assert_snapshot!(ranked(&format!("{PACK}\nre$0")), @r#"1 Keyword requirement snippet "requirement ${1:ID} \"${2:title}\" {\n  level ${3|must,should|}\n  text \"${4}\"\n  require ${0}\n}""#);
    assert_snapshot!(ranked(&format!("{PACK}\ncri$0")), @r#"
1 Keyword criterion snippet "criterion ${1:ID} \"${2:title}\" weight ${3:10} {\n  text \"${4}\"\n  score ${0}\n}"
1 Keyword descriptor
"#);
    assert_snapshot!(ranked(&format!("{PACK}\nte$0")), @r#"
1 Keyword test snippet "test \"${1:name}\" {\n  given { ${2} }\n  expect ${0:eligible}\n}"
1 Keyword criterion snippet "criterion ${1:ID} \"${2:title}\" weight ${3:10} {\n  text \"${4}\"\n  score ${0}\n}"
"#);
    assert_snapshot!(ranked(&format!("{PACK}\npa$0")), @"1 Keyword param");
}

#[test]
fn clause_ids_in_a_use_list() {
    let pack = |line: &str| format!("{PACK}\n{line}\n");
    assert_snapshot!(check(&pack("use other::{$0")), @r#"
Clause HEB-01 Hosting in the EU
Clause SUB-01 Subprocessors in the EU
Clause PRICE Price
"#);
    assert_snapshot!(check(&pack("use other::{HEB-01, S$0")), @"Clause SUB-01 Subprocessors in the EU");
    assert_snapshot!(check(&pack("use other::{HEB-01 as $0")), @r#"
Keyword must
Keyword should
Keyword info
Keyword execution
"#);
    assert_snapshot!(check(&pack("use other::{HEB-01} $0")), @r#"
Keyword requirement a requirement: `requirement ID "title" { … }`
Keyword criterion a criterion: `criterion ID "title" weight N { … }`
Keyword indicator an indicator over the whole inventory: `indicator ID "title" { value … }`
Keyword risk a risk of each entry: `risk ID "title" { value … }`
Keyword param a parameter: `param name: type = value`
Keyword descriptor fields of the descriptor
Keyword enum an enumeration
Keyword type a named type
Keyword test a test: `test "name" { given …; expect … }`
Keyword use clauses of a dependency
Keyword set a parameter of a dependency
"#);
}

#[test]
fn clause_ids_of_the_named_dependency() {
    let dir = super::workspace::rules_copy();
    let analysis = super::workspace::open(&dir.path().join("rules/region-exemple"));
    let Some(file) = analysis
        .files()
        .find(|f| analysis.file_name(*f).ends_with("consultation.clause"))
    else {
        panic!("no consultation.clause");
    };
    let mut text = analysis.file_text(file).unwrap_or("").to_owned();
    text.push_str("\nuse souverainete::{");
    let offset = text.len() as u32;
    let mut analysis = analysis;
    analysis.set_file_text(file, text);
    let labels: Vec<String> = analysis
        .completions(file, offset, Lang::En)
        .into_iter()
        .map(|item| item.label)
        .collect();
    assert_snapshot!(labels.join(" "), @"TB-IMMUNITE TB-SECURITE TB-CONFORMITE TB-REVERSIBILITE TB-INTEROPERABILITE TB-TRANSPARENCE TB-DURABILITE TB-CONTINUITE SNC-01 SNC-03 SNC-04 SNC-05 CONT-01 SOB-01");
}

#[test]
fn items_of_the_expected_type_come_first() {
    assert_snapshot!(ranked(&in_clause("require price <= $0")), @r#"
2 Param max_price
2 Field price
1 Field hosting
1 Keyword if
1 Keyword then
1 Keyword else
1 Keyword and
1 Keyword or
1 Keyword implies
1 Keyword in
1 Keyword lowest
1 Keyword highest
1 Keyword sum
1 Keyword mean
1 Keyword min
1 Keyword max
1 Keyword weekday
1 Keyword business_duration
0 Field subprocessors
0 Enum Region
0 Keyword all
0 Keyword any
0 Keyword count
0 Keyword has
0 Keyword not
0 Keyword today
0 Keyword true
0 Keyword false
0 Keyword matches
0 Keyword siret
0 Keyword uai
0 Keyword https_url
"#);
    assert_snapshot!(ranked(&in_clause("require $0")), @r#"
2 Keyword all
2 Keyword any
2 Keyword has
2 Keyword not
2 Keyword true
2 Keyword false
2 Keyword matches
2 Keyword siret
2 Keyword uai
2 Keyword https_url
1 Field hosting
1 Keyword if
1 Keyword then
1 Keyword else
1 Keyword and
1 Keyword or
1 Keyword implies
1 Keyword in
1 Keyword lowest
1 Keyword highest
1 Keyword sum
1 Keyword mean
1 Keyword min
1 Keyword max
1 Keyword weekday
1 Keyword business_duration
0 Param max_price
0 Field subprocessors
0 Field price
0 Enum Region
0 Keyword count
0 Keyword today
"#);
    assert_snapshot!(ranked(&in_clause("require price < m$0")), @r#"
2 Param max_price
1 Keyword mean
1 Keyword min
1 Keyword max
0 Keyword matches
1 Keyword implies
1 Keyword sum
"#);
}

/// The pack with one more criterion whose body is `body`.
fn in_criterion(body: &str) -> String {
    format!("{PACK}\ncriterion NEW \"new\" weight 10 {{\n  {body}\n}}\n")
}

#[test]
fn passed_in_a_score_and_the_should_requirements_it_reads() {
    assert_snapshot!(check(&in_criterion("score if pa$0")), @"Keyword passed whether the offer passed a `should` requirement: `passed(ID)`");
    // Not in a requirement, where `passed` is not allowed.
    assert_snapshot!(check(&in_clause("require pa$0")), @"");
    assert_snapshot!(check(&in_criterion("score if passed($0")), @"Clause SUB-01 Subprocessors in the EU");
    assert_snapshot!(check(&in_criterion("score if passed(SUB-$0")), @"Clause SUB-01 Subprocessors in the EU");
}

#[test]
fn parameters_in_a_placeholder_of_a_text() {
    assert_snapshot!(check(&in_clause("text \"Au plus {$0")), @"Param max_price money = 6.00 €");
    assert_snapshot!(check(&in_clause("note \"Au plus {max$0")), @"Param max_price money = 6.00 €");
    // `{{` writes a brace, and elsewhere in a string nothing is proposed.
    assert_snapshot!(check(&in_clause("text \"Au plus {{$0")), @"");
    assert_snapshot!(check(&in_clause("text \"Au plus $0")), @"");
}

#[test]
fn the_aggregates_over_a_list_are_proposed_with_what_they_compute() {
    let proposals = check(&in_clause("require m$0"));
    let aggregates: Vec<&str> = proposals
        .lines()
        .filter(|line| {
            ["sum ", "mean ", "min ", "max "]
                .iter()
                .any(|word| line.starts_with(&format!("Keyword {word}")))
        })
        .collect();
    assert_snapshot!(aggregates.join("\n"), @r#"
Keyword mean the mean of a list: `mean(xs)` or `mean(x in xs: x.value)`
Keyword min the smallest value of a list: `min(xs)` or `min(x in xs: x.value)`
Keyword max the largest value of a list: `max(xs)` or `max(x in xs: x.value)`
Keyword sum the sum of a list: `sum(xs)` or `sum(x in xs: x.value)`
"#);
}

#[test]
fn fields_of_a_variable_bound_by_an_aggregate() {
    assert_snapshot!(check(&in_clause("require max(s in subprocessors: s.$0")), @r#"
Field name string
Field region Region
"#);
}

#[test]
fn the_text_checks_are_proposed_with_what_they_check() {
    let proposals = check(&in_clause("require $0"));
    let checks: Vec<&str> = proposals
        .lines()
        .filter(|line| {
            ["matches ", "siret ", "uai ", "https_url "]
                .iter()
                .any(|word| line.starts_with(&format!("Keyword {word}")))
        })
        .collect();
    assert_snapshot!(checks.join("\n"), @r#"
    Keyword matches whether a pattern is found in a text: `matches(x.url, "^https://")`
    Keyword siret whether a text is a valid SIRET number: 14 digits, Luhn key
    Keyword uai whether a text is a valid UAI code: 7 digits and their key letter
    Keyword https_url whether a text is an `https` address with a host
    "#);
}

#[test]
fn a_name_holding_the_typed_word_is_proposed_after_those_starting_with_it() {
    let input = "descriptor {\n  interface_langage: string\n  langage_clair: bool\n  langue: string\n}\nrequirement R \"r\" {\n  require langage$0\n}\n";
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    let found: Vec<String> = fixture
        .analysis
        .completions(file, offset, Lang::En)
        .into_iter()
        .map(|item| format!("{} filtered as {:?}", item.label, item.filter_text))
        .collect();
    assert_snapshot!(found.join("\n"), @r#"
langage_clair filtered as None
interface_langage filtered as Some("langage interface_langage")
"#);
}

#[test]
fn entries_and_share_in_an_indicators_value_only() {
    let pack =
        |body: &str| format!("//- main.clause\nenum C {{ A, B }}\ndescriptor {{ c: C }}\n{body}\n");
    let indicator = check(&pack("indicator I \"Indicateur\" {\n  value sha$0\n}"));
    assert!(
        indicator.contains("Keyword share the percent"),
        "{indicator}"
    );
    let indicator = check(&pack(
        "indicator I \"Indicateur\" {\n  value count(ent$0)\n}",
    ));
    assert!(
        indicator.contains("Keyword entries every entry"),
        "{indicator}"
    );
    let requirement = check(&pack("requirement R \"Exigence\" {\n  require ent$0\n}"));
    assert!(!requirement.contains("entries"), "{requirement}");
}

//! The catalogue of diagnostic codes. Each code has a one-line title, a default severity
//! and a long explanation (`clausier explain CODE`), kept as Markdown beside this crate,
//! one folder per language (`explanations/en`, `explanations/fr`).

use std::fmt;

use clausier_i18n::Lang;
use serde::{Serialize, Serializer};

use crate::Severity;

/// A stable diagnostic code such as `E0201`.
///
/// Families: `E01xx` syntax, `E02xx` names, `E03xx` types, `E04xx` clause structure,
/// `W05xx` lints on the pack, `D06xx` descriptor data, `R07xx` evaluation notes,
/// `E08xx` packs and manifests, `E09xx` files and input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(&'static str);

impl Code {
    pub const fn as_str(self) -> &'static str {
        self.0
    }

    pub fn info(self) -> Option<&'static CodeInfo> {
        lookup_code(self.0)
    }

    pub fn default_severity(self) -> Severity {
        self.info().map_or(Severity::Error, |info| info.severity)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

/// What the catalogue knows of one code.
#[derive(Debug)]
pub struct CodeInfo {
    pub code: Code,
    pub title: &'static str,
    pub severity: Severity,
    /// The long explanation in English (`explanations/en/CODE.md`).
    pub explanation: &'static str,
    /// The long explanation in French (`explanations/fr/CODE.md`).
    pub french_explanation: &'static str,
}

impl CodeInfo {
    /// The long explanation in a language.
    pub fn explanation_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.french_explanation,
            Lang::En => self.explanation,
        }
    }

    /// The short title in a language: the French one is the first line of the French
    /// explanation, `# E0301 : types incompatibles`.
    pub fn title_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.title,
            Lang::Fr => self
                .french_explanation
                .lines()
                .next()
                .and_then(|line| line.split_once(" : "))
                .map_or(self.title, |(_, title)| title.trim()),
        }
    }
}

macro_rules! catalogue {
    ($( $name:ident = $code:literal, $severity:ident, $title:literal; )*) => {
        impl Code {
            $( pub const $name: Code = Code($code); )*
        }

        static CATALOGUE: &[CodeInfo] = &[
            $( CodeInfo {
                code: Code($code),
                title: $title,
                severity: Severity::$severity,
                explanation: include_str!(concat!("../explanations/en/", $code, ".md")),
                french_explanation: include_str!(concat!("../explanations/fr/", $code, ".md")),
            }, )*
        ];
    };
}

catalogue! {
    SYNTAX = "E0101", Error, "syntax error";
    UNTERMINATED_STRING = "E0102", Error, "unterminated string literal";
    INVALID_ESCAPE = "E0103", Error, "invalid escape sequence in a string";
    INVALID_LITERAL = "E0104", Error, "invalid literal";
    NESTING_TOO_DEEP = "E0105", Error, "expression nested too deeply";

    UNKNOWN_FIELD = "E0201", Error, "unknown descriptor field";
    UNKNOWN_VARIANT = "E0202", Error, "unknown enum variant";
    UNKNOWN_NAME = "E0203", Error, "unknown name";
    UNKNOWN_TYPE = "E0204", Error, "unknown type";
    DUPLICATE_CLAUSE = "E0205", Error, "duplicate clause id";
    DUPLICATE_DEFINITION = "E0206", Error, "duplicate definition";
    CONFLICTING_FIELD = "E0207", Error, "descriptor field declared with two types";
    PARAM_SHADOWS_FIELD = "E0208", Error, "parameter shadows a descriptor field";
    AMBIGUOUS_VARIANT = "E0209", Error, "ambiguous enum variant";
    RECURSIVE_TYPE = "E0210", Error, "recursive type definition";
    UNKNOWN_PACK = "E0211", Error, "unknown pack";
    UNKNOWN_TEST_CLAUSE = "E0212", Error, "unknown requirement in a test";
    UNKNOWN_DEPENDENCY_CLAUSE = "E0213", Error, "unknown clause of a dependency";
    UNKNOWN_DEPENDENCY_PARAM = "E0214", Error, "unknown parameter of a dependency";
    UNKNOWN_LOT = "E0215", Error, "unknown lot";
    PARAM_CYCLE = "E0216", Error, "parameters computed from each other";
    RESERVED_FIELD = "E0217", Error, "descriptor field with a reserved name";
    UNKNOWN_FUNCTION = "E0218", Error, "unknown function";

    TYPE_MISMATCH = "E0301", Error, "type mismatch";
    INCOMPARABLE = "E0302", Error, "values of different types compared";
    INVALID_OPERANDS = "E0303", Error, "operator does not apply to these types";
    NOT_ORDERED = "E0304", Error, "values of this type have no order";
    NOT_A_COLLECTION = "E0305", Error, "expected a list or a set";
    SCORE_NOT_NUMERIC = "E0306", Error, "criterion score is not a number or a percent";
    AGGREGATE_OUTSIDE_CRITERION = "E0307", Error, "`lowest` or `highest` outside a criterion";
    AGGREGATE_ARGUMENT = "E0308", Error, "`lowest` or `highest` needs a numeric descriptor field";
    PARAM_VALUE = "E0309", Error, "parameter value is not a constant of its type";
    HAS_NEEDS_FIELD = "E0310", Error, "`has` needs a descriptor field";
    INVALID_BOUND = "E0311", Error, "invalid bound on a descriptor field";
    UNKNOWN_PLACEHOLDER = "E0312", Error, "unknown parameter in a text placeholder";
    MALFORMED_PLACEHOLDER = "E0313", Error, "malformed placeholder in a text";
    UNKNOWN_PASSED_REQUIREMENT = "E0314", Error, "`passed` of an unknown requirement";
    PASSED_MISUSED = "E0315", Error, "`passed` outside a score or of a requirement that is not `should`";
    INVALID_PATTERN = "E0316", Error, "invalid text pattern";
    PATTERN_NOT_LITERAL = "E0317", Error, "text pattern is not a string literal";
    TIME_ON_DATE_LITERAL = "E0319", Error, "hours or minutes added to a date";
    MAP_TYPE_MISPLACED = "E0320", Error, "map type where it is not allowed";
    TABLE_LITERAL = "E0321", Error, "invalid table";
    INDEX_NOT_A_MAP = "E0322", Error, "`[…]` on a value that is not a map";
    EMPTY_BUSINESS_HOURS = "E0323", Error, "business hours that close before they open";
    ENTRIES_IN_PER_ENTRY_RULE = "E0324", Error, "an aggregate over all entries in a per-entry rule";
    GROUPING_FIELD_TYPE = "E0325", Error, "indicator grouped by a field that is not an enum or a string";
    FIELD_OUTSIDE_INVENTORY_AGGREGATE = "E0326", Error, "field of one entry outside an aggregate over `entries`";
    UNKNOWN_PROOF_KIND = "E0327", Error, "not a kind of proof after `from`";

    MISSING_REQUIRE = "E0401", Error, "requirement without `require`";
    REPEATED_CLAUSE_FIELD = "E0402", Error, "clause field given twice";
    MISPLACED_CLAUSE_FIELD = "E0403", Error, "clause field not allowed here";
    MISSING_SCORE = "E0404", Error, "criterion without `score`";
    INVALID_WEIGHT = "E0405", Error, "invalid criterion weight";
    INCOMPLETE_TEST = "E0406", Error, "test without `given` or `expect`";
    LOTS_WITHOUT_DECLARED_LOTS = "E0407", Error, "`lots` in a pack that declares no lots";
    LOT_NAMED_TWICE = "E0408", Error, "lot named twice in `lots`";
    PASSED_OUTSIDE_LOT = "E0409", Error, "`passed` of a requirement that does not apply to the criterion's lots";
    DOCUMENT_NOT_A_FIELD = "E0410", Error, "required document is not a descriptor field";
    MISSING_VALUE = "E0411", Error, "indicator or risk without `value`";

    UNUSED_PARAM = "W0501", Warning, "unused parameter";
    WEIGHTS_NOT_100 = "W0502", Warning, "criteria weights do not sum to 100";
    CONSTANT_REQUIRE = "W0503", Warning, "requirement is constantly true or false";
    CONSTANT_WHEN = "W0504", Warning, "applicability condition is constant";
    SCORE_OUT_OF_RANGE = "W0505", Warning, "criterion score can leave the range 0 to 1";
    NO_ENVIRONMENTAL_CRITERION = "W0506", Warning, "no environmental award criterion";
    LABEL_WITHOUT_EQUIVALENT = "W0507", Warning, "label required without accepting an equivalent";
    SEAT_BASED_ELIGIBILITY = "W0508", Warning, "clause based on the operator's seat, nationality or ownership";
    UNSCORED_SHOULD = "W0509", Warning, "`should` requirement that no criterion scores";
    MISSING_TEXT = "W0510", Warning, "requirement or criterion without `text`";
    LITERAL_VALUE_IN_TEXT = "W0511", Warning, "text writes a parameter's value instead of naming it";
    OVERRIDE_NOT_IN_TEXT = "W0512", Warning, "overridden parameter that a clause's text does not show";
    NO_ENVIRONMENTAL_CONDITION = "W0513", Warning, "no environmental execution condition";
    TITULAIRE_AT_BID_STAGE = "W0514", Warning, "« titulaire » in a specification checked at bid stage";
    OFFER_SET_ASIDE = "W0515", Warning, "offer said to be set aside instead of irregular";
    NO_EQUIVALENT_WITHOUT_LABEL = "W0516", Warning, "`no_equivalent` on a requirement that demands no label";

    DESCRIPTOR_SYNTAX = "D0601", Error, "descriptor cannot be parsed";
    DESCRIPTOR_TYPE = "D0602", Error, "descriptor value of the wrong type";
    DESCRIPTOR_VARIANT = "D0603", Error, "unknown enum value in a descriptor";
    DESCRIPTOR_UNKNOWN_FIELD = "D0604", Warning, "field not declared by the pack";
    DESCRIPTOR_SHAPE = "D0605", Error, "descriptor is not a record";
    DESCRIPTOR_DUPLICATE_KEY = "D0606", Error, "key given twice in a descriptor";
    DESCRIPTOR_UNREADABLE = "D0607", Error, "descriptor file cannot be read";
    DESCRIPTOR_OUT_OF_BOUNDS = "D0608", Error, "descriptor value outside the field's bounds";
    OFFER_LOTS = "D0609", Error, "offer names no lot of the contract";
    DESCRIPTOR_ENCODING = "D0610", Warning, "descriptor file read in an encoding other than UTF-8";

    SCORE_CLAMPED = "R0701", Info, "criterion score clamped to the range 0 to 1";
    DIVISION_BY_ZERO = "R0702", Info, "division by zero";
    OVERFLOW = "R0703", Info, "value out of range";
    ZERO_AGGREGATE = "R0704", Warning, "`lowest` or `highest` is zero over the eligible offers";
    EMPTY_AGGREGATE = "R0705", Info, "aggregate of an empty list";
    NO_TABLE_ENTRY = "R0706", Info, "no entry for a key in a table";
    TIME_ON_DATE = "R0707", Info, "hours or minutes added to a date";
    NO_BUSINESS_DURATION = "R0708", Info, "business duration without a value";

    MANIFEST = "E0801", Error, "invalid pack manifest";
    DEPENDENCY_CYCLE = "E0802", Error, "packs depend on each other in a cycle";
    DEPENDENCY_VERSION = "E0803", Error, "dependency version does not match the requirement";
    DUPLICATE_PACK = "E0804", Error, "two versions of one pack in the dependency graph";
    OUTSIDE_WORKSPACE = "E0805", Error, "pack file or dependency leaves the workspace";
    LOCK_MISMATCH = "E0806", Error, "pack does not match `pack.lock`";
    LOCK_FILE = "E0807", Error, "invalid `pack.lock`";
    DEPENDENCY_NOT_FOUND = "E0808", Error, "dependency not found";
    NOT_A_REGULAR_FILE = "E0809", Error, "pack file is not a regular file";
    SIGNATURE_MISSING = "E0810", Error, "pinned dependency has no signature";
    SIGNATURE_FILE = "E0811", Error, "invalid signature or key file";
    SIGNATURE_MISMATCH = "E0812", Error, "pack changed since it was signed";
    SIGNATURE_KEY = "E0813", Error, "pack signed by another key";
    DOCUMENT_KEY = "E0814", Error, "unknown key in `[document]`";
    DOCUMENT_VALUE = "E0815", Error, "invalid value in `[document]`";
    DOCUMENT_DATES = "E0816", Error, "deadline for offers before the launch of the procedure";
    TEXT_TO_PUBLISH = "E0817", Error, "requirement or criterion without a text to publish";

    IO = "E0901", Error, "file cannot be read";
    NOT_UTF8 = "E0902", Error, "file is not valid UTF-8";
    TOO_LARGE = "E0903", Error, "input too large";
    NO_CLAUSE_FILES = "E0904", Error, "no clause files in the pack";
}

/// Every registered code, in code order.
pub fn all_codes() -> &'static [CodeInfo] {
    CATALOGUE
}

/// Looks a code up, case-insensitively (`e0201` finds `E0201`).
pub fn lookup_code(code: &str) -> Option<&'static CodeInfo> {
    CATALOGUE
        .iter()
        .find(|info| info.code.0.eq_ignore_ascii_case(code.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted() {
        let codes: Vec<&str> = all_codes().iter().map(|info| info.code.0).collect();
        let mut sorted = codes.clone();
        sorted.sort_by_key(|code| &code[1..]);
        sorted.dedup();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn every_code_has_a_long_explanation_with_an_example() {
        for info in all_codes() {
            let text = info.explanation;
            assert!(
                text.starts_with(&format!("# {}", info.code)),
                "{} explanation must open with `# {}`",
                info.code,
                info.code
            );
            assert!(text.len() > 300, "{} explanation is too short", info.code);
            assert!(
                text.contains("```"),
                "{} explanation has no example",
                info.code
            );
        }
    }

    #[test]
    fn every_code_is_explained_in_french_with_the_same_examples() {
        for info in all_codes() {
            let french = info.french_explanation;
            let heading = format!("# {} : ", info.code);
            assert!(
                french.starts_with(&heading),
                "{} French explanation must open with `{heading}`",
                info.code
            );
            assert_ne!(info.title_in(Lang::Fr), info.title, "{}", info.code);
            // Clauses, descriptors and JSON reports are the same in both languages: only
            // the words around them and the messages are translated.
            for fence in ["```clause", "```json", "```toml", "```csv"] {
                let blocks = |text: &'static str| -> Vec<&'static str> {
                    text.split(fence)
                        .skip(1)
                        .filter_map(|rest| rest.split("```").next())
                        .collect()
                };
                assert_eq!(
                    blocks(french),
                    blocks(info.explanation),
                    "{}: the French explanation's {fence} blocks differ from the English ones",
                    info.code
                );
            }
        }
    }

    #[test]
    fn lookup_ignores_case_and_whitespace() {
        assert_eq!(
            lookup_code(" e0201 ").map(|i| i.code),
            Some(Code::UNKNOWN_FIELD)
        );
        assert!(lookup_code("E9999").is_none());
    }
}

//! The result model of a `check` run. Every report format renders this one model; its
//! serde form is the JSON report of the design brief, field for field.

use clausier_check::value::Value;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Serialize, Serializer};

use clausier_diagnostics::Severity;

use clausier_data::descriptor::Loc;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The version of Clausier that produced the report.
    pub clausier: String,
    pub pack: PackInfo,
    /// The evaluation date (`today`), `YYYY-MM-DD`.
    pub date: String,
    /// Every parameter of the pack and of the packs it depends on, with its effective
    /// value and where a depending pack overrode it.
    pub params: Vec<ParamReport>,
    pub descriptors: Vec<DescriptorReport>,
    pub summary: Summary,
    /// In a contract divided into lots, each lot with the count of its offers by status,
    /// in the order of `[document]`; left out for a contract in one piece.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<LotReport>,
    /// What the buyer must know of the run as a whole, such as a criterion whose
    /// `lowest(…)` is zero; left out when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<RunWarning>,
}

/// One lot of the contract in a run: its offers are the entries of `descriptors` whose
/// `lot` is its id, scored and ranked among themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LotReport {
    pub id: String,
    pub title: String,
    /// The offers on this lot, by status (an invalid descriptor is counted only in the
    /// report's summary: it is on no lot).
    pub summary: Summary,
}

impl LotReport {
    /// Each lot of the contract, in order, with nothing counted yet: what a run (whole
    /// or streamed) counts its entries into, and what the NDJSON summary line gives.
    pub fn uncounted(lots: &[clausier_check::Lot]) -> Vec<LotReport> {
        lots.iter()
            .map(|lot| LotReport {
                id: lot.id.clone(),
                title: lot.title.clone(),
                summary: Summary::default(),
            })
            .collect()
    }
}

/// A warning about the whole run rather than one offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunWarning {
    /// `R0704`.
    pub code: String,
    /// The criterion it is about, and its pack.
    pub criterion: String,
    pub pack: String,
    /// In English, for programs; people read it in their language from the fields below.
    pub message: String,
    /// The aggregate as the clause writes it (`lowest(pricing.per_student)`), its value
    /// over the eligible offers, and the lot they are of.
    #[serde(skip)]
    pub aggregate: String,
    #[serde(skip)]
    pub value: Option<Shown>,
    #[serde(skip)]
    pub lot: Option<String>,
}

/// The words of R0704 (a criterion's aggregate is zero over the eligible offers), with
/// the value as the reader writes it: in English in the JSON report, in the reader's
/// language in the reports people read.
pub fn zero_aggregate_message(
    aggregate: &str,
    value: &str,
    lot: Option<&str>,
) -> clausier_diagnostics::Message {
    let message = match lot {
        Some(lot) => {
            clausier_diagnostics::Message::new("r0704-zero-aggregate-in-lot").with("lot", lot)
        }
        None => clausier_diagnostics::Message::new("r0704-zero-aggregate"),
    };
    message.with("aggregate", aggregate).with("value", value)
}

/// The pack a report is about; the pack layer gives it, so it lives below both.
pub use clausier_check::PackInfo;

/// A parameter in effect during the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamReport {
    pub name: String,
    /// The pack that declares it.
    pub pack: String,
    /// The effective value, as the language prints it (`5.50 €`, `80%`, `30 days`).
    pub value: String,
    /// The effective value, for the reports that write it in the reader's language.
    #[serde(skip)]
    pub shown: Option<Shown>,
    /// The value its declaration gives.
    pub default: String,
    /// The value its declaration gives, for the reports that write it in words.
    #[serde(skip)]
    pub default_shown: Option<Shown>,
    /// `file:line:column` of the `set` or `[params]` key that overrode it; `null` when
    /// the declared value is in effect.
    pub set_in: Option<String>,
    /// The parameters its declared value is computed from (`contract_start + 4 years`),
    /// whose overrides change it too; left out when it is a constant.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub computed_from: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DescriptorStatus {
    Eligible,
    Ineligible,
    Incomplete,
    /// No requirement fails nor misses data, but one is under review: the offer waits on
    /// the buyer's decision on a claimed equivalent, and is neither scored nor ranked.
    Review,
    Invalid,
}

impl DescriptorStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DescriptorStatus::Eligible => "eligible",
            DescriptorStatus::Ineligible => "ineligible",
            DescriptorStatus::Incomplete => "incomplete",
            DescriptorStatus::Review => "review",
            DescriptorStatus::Invalid => "invalid",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequirementStatus {
    Pass,
    Fail,
    Missing,
    NotApplicable,
    /// It would fail, but the offer claims an equivalent to the label it demands: the
    /// buyer must examine the claim (see [`RequirementResult::claim`]).
    Review,
}

impl RequirementStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequirementStatus::Pass => "pass",
            RequirementStatus::Fail => "fail",
            RequirementStatus::Missing => "missing",
            RequirementStatus::NotApplicable => "not_applicable",
            RequirementStatus::Review => "review",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DescriptorReport {
    pub id: String,
    pub source: String,
    /// In a contract divided into lots, the lot this entry evaluates the offer on: an
    /// offer on two lots has two entries. Left out for a contract in one piece and for
    /// an invalid descriptor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    /// The index of its descriptor among the run's inputs (the entries of an offer on two
    /// lots share it), where the human report finds the descriptor's data problems.
    #[serde(skip)]
    pub input: usize,
    pub status: DescriptorStatus,
    /// The sum of the criteria points; `null` unless eligible and the pack has criteria.
    #[serde(serialize_with = "optional_number")]
    pub score: Option<Decimal>,
    /// Standard competition rank among the eligible descriptors (1, 1, 3, …), of its lot
    /// in a contract divided into lots.
    pub rank: Option<u32>,
    pub results: Vec<ClauseResult>,
    pub errors: Vec<DataErrorEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ClauseResult {
    Requirement(RequirementResult),
    Criterion(CriterionResult),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementResult {
    pub clause: String,
    /// The pack that declares the clause, and its version.
    pub pack: String,
    pub version: String,
    /// Always `"requirement"`.
    pub kind: &'static str,
    pub level: &'static str,
    pub status: RequirementStatus,
    /// The absent descriptor paths that made the requirement `missing`, sorted.
    pub missing: Vec<String>,
    /// For a failure: the smallest failing sub-expressions and the values they saw.
    pub explanation: Vec<Explanation>,
    /// Why the requirement is `missing` besides absent paths: a computation without a
    /// value (division by zero, overflow).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
    /// The documents the requirement requires that the offer did not supply: the buyer
    /// may ask for them (R2152-2). Only on a `missing` requirement; left out when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<RequestedDocument>,
    /// The values it found absent because their evidence expired before the run's date
    /// (`$valid_until`): set aside, as if not given. Left out when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expired: Vec<ExpiredEvidence>,
    /// The equivalent the offer claims to the label the requirement demands, on a
    /// requirement under `review` or decided by the buyer; left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<Box<ClaimedEquivalent>>,
    /// The buyer's decision on the claim, which gave the requirement its `pass` or
    /// `fail`; left out while none is recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Box<crate::run::ReviewDecision>>,
    /// The clause's title, for the reports people read; filled by the reports that have
    /// the pack (`clausier_report::check::word_report`), never by the evaluator.
    #[serde(skip)]
    pub title: Option<String>,
}

/// A vendor's claim of an equivalent, on the field the requirement read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimedEquivalent {
    /// The field's path, as `missing` gives it.
    pub path: String,
    /// What is claimed as equivalent.
    pub label: String,
    /// Who issued it.
    pub issuer: String,
    /// The document that proves it.
    pub document: String,
    /// Why the requirement does not examine it (its `no_equivalent` line): it fails as
    /// if nothing were claimed. Left out when the claim is examined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_admitted: Option<String>,
}

/// A value whose evidence was no longer valid at the run's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpiredEvidence {
    /// The value's path, as `missing` gives it.
    pub path: String,
    /// Its last valid day, `YYYY-MM-DD`.
    pub valid_until: String,
    /// The same day, for the reports that write it in words.
    #[serde(skip)]
    pub last_day: jiff::civil::Date,
}

/// A required document the descriptor does not give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestedDocument {
    /// Its name, as the clause publishes it.
    pub label: String,
    /// Where the descriptor should give it.
    pub path: String,
    /// The kinds of proof it must come with (`document`, `registry`, `audit`); left out
    /// when any value given will do.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proof: Vec<&'static str>,
    /// The kind of proof of the value the offer gave, when it gave one of another kind
    /// (`declared` for a value without `$source`); left out when the value is absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_as: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionResult {
    pub clause: String,
    /// The pack that declares the clause, and its version.
    pub pack: String,
    pub version: String,
    /// Always `"criterion"`.
    pub kind: &'static str,
    #[serde(serialize_with = "whole_or_number")]
    pub weight: Decimal,
    /// The clamped score in [0, 1]; `null` when the descriptor is not scored or the
    /// score is unknown.
    #[serde(serialize_with = "optional_number")]
    pub score: Option<Decimal>,
    /// `weight × score`; `null` when the score is.
    #[serde(serialize_with = "optional_number")]
    pub points: Option<Decimal>,
    /// The absent descriptor paths that left the score unknown (it then earns 0 points).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// The computations without a value that left the score unknown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
    /// True when the raw score left [0, 1] and was clamped.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub clamped: bool,
    /// The clause's title, for the reports people read (see [`RequirementResult::title`]).
    #[serde(skip)]
    pub title: Option<String>,
}

/// A failing sub-expression, with the value the descriptor holds and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The sub-expression as written in the clause.
    pub expr: String,
    /// The descriptor path it read, as `subprocessors[2].region`; `null` when the
    /// sub-expression reads no single field.
    pub path: Option<String>,
    /// The value, as the language prints it (`OTHER`, `4.5 €`, `2026-03-01`).
    pub value: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// For an `or`, or an `any`, that nothing satisfies: each alternative (each element)
    /// and why it fails. The requirement needed only one of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
    /// The element of a list the sub-expression is about, inside `all`, `any` or `count`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<ElementRef>,
    /// For a list read by `count(x in xs: p)`: the elements it counted, by path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<Vec<String>>,
    /// For a text check of the standard library that fails, what the text is not, in
    /// words: `not a valid SIRET number (14 digits, Luhn key)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
    /// The value read, for the reports that write it in the reader's language.
    #[serde(skip)]
    pub observed: Option<Shown>,
    /// What the failing sub-expression asked of the descriptor's value, for reports that
    /// say it in words; `None` when it is not a field against a value.
    #[serde(skip)]
    pub claim: Option<Claim>,
    /// The catalogue id of `words`, for the reports that write it in the reader's
    /// language.
    #[serde(skip)]
    pub words_id: Option<&'static str>,
    /// The failing sub-expression as the tender words it, for the reports that have the
    /// pack to word it (`clausier_report::check::word_conditions`); the evaluator leaves
    /// it empty.
    #[serde(skip)]
    pub in_words: Option<Vec<Worded>>,
}

/// A piece of a rule in words: words, or a name or value of the clause quoted as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Worded {
    Words(String),
    Quoted(String),
}

/// What a failing sub-expression asked of one value of the descriptor and what the
/// descriptor holds, in terms any language can phrase: `hosting.region` is `ADEQUATE`;
/// the requirement expects one of `EU`, `EEA`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub relation: Relation,
    /// The values the relation compares with, in the clause's order (one, except for
    /// [`Relation::OneOf`] and [`Relation::NoneOf`]).
    pub expected: Vec<Shown>,
    /// The descriptor's value; `None` when absent.
    pub observed: Option<Shown>,
}

/// How the descriptor's value had to relate to the expected ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Equal,
    NotEqual,
    AtMost,
    Below,
    AtLeast,
    Above,
    OneOf,
    NoneOf,
    /// A yes/no field that had to be yes.
    Yes,
    /// A yes/no field that had to be no.
    No,
    /// A field that had to be given.
    Given,
}

/// A value as a report can write it in any language: a value of the language, or an
/// enum variant by its name (variants are written as declared, in every language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    Value(Value),
    Name(String),
}

impl Explanation {
    /// The list whose elements are the alternatives, when they come from an `any`.
    pub fn any_list(&self) -> Option<&str> {
        self.alternatives
            .first()
            .and_then(|alternative| alternative.element.as_ref())
            .filter(|element| element.quantifier == "any")
            .map(|element| element.list.as_str())
    }
}

/// One alternative of a failed `or` or `any`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternative {
    /// The alternative as written in the clause, an element's bound variable replaced by
    /// its place (`subprocessors[1].region == EU`).
    pub expr: String,
    /// The element it is about, for an `any`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<ElementRef>,
    /// Why it fails.
    pub explanation: Vec<Explanation>,
}

/// An element of a descriptor list, as a quantifier visits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElementRef {
    /// `all`, `any` or `count`.
    pub quantifier: &'static str,
    /// The list's path, as `subprocessors`.
    pub list: String,
    /// The element's position, from 0.
    pub index: u32,
}

/// Why a value could not be computed: a diagnostic code, its message and the
/// sub-expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// `R0702` (division by zero) or `R0703` (overflow).
    pub code: String,
    pub message: String,
    /// The message's id in the catalogue of `clausier_i18n` (`reason-division-by-zero`),
    /// for the reports that say it in the reader's language; `key` is its argument.
    #[serde(skip)]
    pub message_id: &'static str,
    #[serde(skip)]
    pub key: Option<String>,
    /// The sub-expression as written in the clause.
    pub expr: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataErrorEntry {
    /// `error` makes the descriptor invalid; `warning` (an undeclared field under
    /// `--strict`) does not.
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub path: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// What the vendor can do about it ("did you mean `EU`?"); `null` without advice.
    pub help: Option<String>,
}

impl DataErrorEntry {
    pub fn new(code: &str, message: String, path: String, loc: Option<Loc>) -> Self {
        Self {
            severity: Severity::Error,
            code: code.to_owned(),
            message,
            path,
            line: loc.map(|l| l.line),
            column: loc.map(|l| l.column),
            help: None,
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn with_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    pub total: usize,
    pub eligible: usize,
    pub ineligible: usize,
    pub incomplete: usize,
    /// Offers waiting on the buyer's decision on a claimed equivalent; left out of the
    /// JSON report when none is, so that runs without claims read as before.
    #[serde(skip_serializing_if = "is_zero")]
    pub review: usize,
    pub invalid: usize,
}

impl Summary {
    pub fn count(&mut self, status: DescriptorStatus) {
        self.total += 1;
        match status {
            DescriptorStatus::Eligible => self.eligible += 1,
            DescriptorStatus::Ineligible => self.ineligible += 1,
            DescriptorStatus::Incomplete => self.incomplete += 1,
            DescriptorStatus::Review => self.review += 1,
            DescriptorStatus::Invalid => self.invalid += 1,
        }
    }
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

/// Decimals are written as JSON numbers. They are rounded before they get here (points
/// to 2 places, scores to 4), so the shortest `f64` form prints them exactly.
fn number<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    match value.to_f64() {
        Some(float) => serializer.serialize_f64(float),
        None => serializer.serialize_str(&value.to_string()),
    }
}

/// Weights are written as in the clause: `40`, or `12.5` when they have a fraction.
fn whole_or_number<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    match value.normalize() {
        whole if whole.scale() == 0 => match whole.to_i64() {
            Some(integer) => serializer.serialize_i64(integer),
            None => number(value, serializer),
        },
        _ => number(value, serializer),
    }
}

fn optional_number<S: Serializer>(
    value: &Option<Decimal>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => number(value, serializer),
        None => serializer.serialize_none(),
    }
}

/// A clause as the pack words it, for the formats that describe the rules they report
/// on (SARIF). Not part of the JSON report: a renderer receives the list beside the
/// report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClauseInfo {
    pub id: String,
    /// The pack that declares the clause, and its version.
    pub pack: String,
    pub version: String,
    /// `requirement` or `criterion`.
    pub kind: &'static str,
    /// `must`, `should`, `info` or `execution` for a requirement; `None` for a criterion.
    pub level: Option<&'static str>,
    pub title: String,
    /// The clause's legal text, each placeholder filled with its parameter's effective
    /// value; `None` when it has none.
    pub text: Option<String>,
    /// Its published remark (`note`), filled the same way.
    pub note: Option<String>,
    /// Its doc comment.
    pub docs: String,
    /// Its references (articles of law, standards).
    pub refs: Vec<String>,
}

/// The clauses of a checked pack (its dependencies' included), requirements then
/// criteria, each in the pack's order.
pub fn clause_infos(pack: &clausier_check::hir::CheckedPack) -> Vec<ClauseInfo> {
    let filled = |text: &clausier_check::hir::LegalText| {
        text.fill(&pack.params, |value| {
            value.display(&pack.schema).to_string()
        })
    };
    let info = |meta: &clausier_check::hir::ClauseMeta, kind, level| ClauseInfo {
        id: meta.id.clone(),
        pack: meta.pack.clone(),
        version: meta.version.clone(),
        kind,
        level,
        title: meta.title.clone(),
        text: meta.text.as_ref().map(filled),
        note: meta.note.as_ref().map(filled),
        docs: meta.docs.clone(),
        refs: meta.refs.clone(),
    };
    let requirements = pack
        .requirements
        .iter()
        .map(|r| info(&r.meta, "requirement", Some(r.level.as_str())));
    let criteria = pack
        .criteria
        .iter()
        .map(|c| info(&c.meta, "criterion", None));
    requirements.chain(criteria).collect()
}

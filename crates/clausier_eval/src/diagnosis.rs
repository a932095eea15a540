//! The result model of a diagnosis (`clausier diagnose`): a pack's indicators over a
//! whole inventory and its per-entry risks and priorities, beside the per-entry report of
//! its requirements. Every output of `diagnose` (terminal, HTML, JSON, Markdown) renders
//! this one model.

use clausier_check::value::Value;
use rust_decimal::Decimal;

use crate::report::Report;

/// A pack's diagnosis of an inventory at one date.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnosis {
    /// The per-entry report, exactly as `run` gives it for the same entries: every entry
    /// of the inventory once, with its requirements' outcomes and its data errors.
    pub report: Report,
    /// The pack's indicators, in declaration order (dependencies' first).
    pub indicators: Vec<IndicatorResult>,
    /// The pack's risks, in declaration order (dependencies' first).
    pub risks: Vec<RiskResult>,
    /// The entries left out of every indicator and risk because their data does not fit
    /// the schema: indexes into `report.descriptors`.
    pub left_out: Vec<usize>,
}

/// What an indicator or a risk says of itself: its id, title, texts and references, and
/// the pack that declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InventoryItem {
    pub id: String,
    pub title: Option<String>,
    /// The `text`, its placeholders filled with the parameters' values.
    pub text: Option<String>,
    pub note: Option<String>,
    pub refs: Vec<String>,
    pub pack: String,
}

/// One `indicator` evaluated over the inventory.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorResult {
    /// What the indicator says of itself.
    pub item: InventoryItem,
    /// The grouping fields of `by`, in order: none, one, or two (a matrix).
    pub grouping: Vec<GroupingField>,
    /// The value over all the valid entries.
    pub total: IndicatorValue,
    /// One per group (empty without `by`): with one field, its keys in order; with two,
    /// the cartesian product, first field major.
    pub groups: Vec<GroupResult>,
}

/// A field an indicator groups the entries by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupingField {
    /// The field's path as written (`supplier.jurisdiction`).
    pub path: String,
    /// The enum's name when the field is an enum (`Jurisdiction`), else `None` (a string).
    pub enum_name: Option<String>,
}

/// One group of an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupResult {
    /// One key per grouping field.
    pub keys: Vec<GroupKey>,
    pub value: IndicatorValue,
    /// The group's value divided by the total, when the value is a `sum` or `count` of
    /// int, number or money and the total is not zero.
    pub share: Option<Decimal>,
    /// How many entries the group holds.
    pub entries: usize,
}

/// Which value of a grouping field a group holds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum GroupKey {
    /// An enum variant, by its name (`HORS_UE`).
    Variant(String),
    /// A string value.
    Text(String),
    /// The entries that do not give the field.
    Absent,
}

/// The value of an indicator, or why it has none.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorValue {
    /// `None` when unknown.
    pub value: Option<Value>,
    /// When unknown, the entries and fields that made it so (`logiciel-rh:
    /// annual_spend`), or the reason (an empty list), in words as reports give reasons.
    pub missing: Vec<String>,
}

/// One `risk` evaluated on every valid entry.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskResult {
    /// What the risk says of itself.
    pub item: InventoryItem,
    /// One per valid entry, in input order.
    pub entries: Vec<EntryRisk>,
}

/// A risk's value and priority for one entry.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryRisk {
    /// Index into `Diagnosis::report.descriptors`.
    pub entry: usize,
    /// The risk's `value`; `None` when unknown.
    pub score: Option<Decimal>,
    /// The `spend` in euros; `None` when the risk has none or it is unknown.
    pub spend: Option<Decimal>,
    /// The `ends` date; `None` when the risk has none or it is unknown.
    pub ends: Option<jiff::civil::Date>,
    /// The nearness of the window: 1, 1/2 or 1/4; `None` when unknown.
    pub nearness: Option<Decimal>,
    /// score × spend × nearness; `None` when one of them is unknown.
    pub priority: Option<Decimal>,
    /// Standard competition rank by descending priority among the entries that have one.
    pub rank: Option<u32>,
    /// The `alternatives` (catalogue categories), empty when none or unknown.
    pub alternatives: Vec<String>,
    /// When something is unknown, the fields that made it so, in words.
    pub missing: Vec<String>,
}

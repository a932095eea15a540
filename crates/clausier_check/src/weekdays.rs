//! The days of the week: the built-in enum `weekday` (`lundi` … `dimanche`) and the day
//! of a date, which the checker's folding, the evaluator and its reference interpreter
//! all compute here.
//!
//! The enum is declared in the schema only when a pack names it (the type `weekday`, a
//! call `weekday(d)`, `weekday.lundi` or a bare `lundi` no enum of the pack has), after
//! the pack's own enums: a pack that never speaks of weekdays keeps the same enum ids,
//! completion and JSON Schema, and a pack's own `enum Jour { lundi, … }` keeps its bare
//! variants unambiguous.

use clausier_syntax::lexicon::{WEEKDAY_TYPE, WEEKDAYS};

use crate::Checker;
use crate::types::{EnumDef, EnumId, Origin, VariantDef};
use crate::value::Value;

/// The days in English, Monday first: a drafter who writes one is told the French name.
const ENGLISH_DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The French day an English day name (in any case) means: `Monday` is `lundi`.
pub(crate) fn french_day(english: &str) -> Option<&'static str> {
    let position = ENGLISH_DAYS
        .iter()
        .position(|day| day.eq_ignore_ascii_case(english))?;
    WEEKDAYS.get(position).copied()
}

/// The position of a date's day in [`WEEKDAYS`]: 0 for Monday.
pub fn weekday_index(date: jiff::civil::Date) -> u32 {
    u32::from(date.weekday().to_monday_zero_offset().unsigned_abs())
}

/// The day of the week of a date or a datetime, as a value of the enum `weekday`;
/// `None` for any other value.
pub fn weekday_of(value: &Value, weekday: EnumId) -> Option<Value> {
    let date = match value {
        Value::Date(date) => *date,
        Value::DateTime(datetime) => datetime.date(),
        _ => return None,
    };
    Some(Value::Enum(weekday, weekday_index(date)))
}

impl Checker<'_> {
    /// The enum `weekday`, declared on first use.
    pub(crate) fn weekday_enum(&mut self) -> EnumId {
        if let Some(id) = self.weekday {
            return id;
        }
        let id = EnumId(u32::try_from(self.pack.schema.enums.len()).unwrap_or(u32::MAX));
        let variants = WEEKDAYS
            .iter()
            .map(|name| VariantDef {
                name: (*name).to_owned(),
                docs: String::new(),
                origin: Origin::default(),
            })
            .collect();
        self.pack.schema.enums.push(EnumDef {
            name: WEEKDAY_TYPE.to_owned(),
            docs: "A day of the week, from `lundi` to `dimanche`.".to_owned(),
            origin: Origin::default(),
            variants,
        });
        for (position, name) in WEEKDAYS.iter().enumerate() {
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            self.variants_by_name
                .entry((*name).to_owned())
                .or_default()
                .push((id, position));
        }
        self.weekday = Some(id);
        id
    }

    /// Declares `weekday` when a name can only mean it: the enum's own name, or a day no
    /// enum of the pack has as a variant.
    pub(crate) fn declare_weekday_for(&mut self, name: &str) {
        if self.weekday.is_some() {
            return;
        }
        let is_day = WEEKDAYS.contains(&name) && !self.variants_by_name.contains_key(name);
        let is_type = name == WEEKDAY_TYPE && self.pack.schema.enum_by_name(name).is_none();
        if is_day || is_type {
            self.weekday_enum();
        }
    }

    /// Whether `id` is the built-in `weekday`, which has no declaration to point to.
    pub(crate) fn is_weekday_enum(&self, id: EnumId) -> bool {
        self.weekday == Some(id)
    }
}

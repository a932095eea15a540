//! Days of the week in words: `weekday(d)` and sets of `weekday` read as French or
//! English prose (« du lundi au vendredi », « le lundi, le mercredi et le vendredi »),
//! never as variants in code.

use clausier_check::hir::{TExpr, TExprKind};
use clausier_check::value::Value;
use clausier_syntax::lexicon::{WEEKDAY_TYPE, WEEKDAYS};

use super::Rich;
use super::words::Words;

const ENGLISH_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl<'a> Words<'a> {
    /// The position of a day of the built-in `weekday` in the week, Monday first.
    fn weekday_index(&self, value: &Value) -> Option<u32> {
        let Value::Enum(id, index) = value else {
            return None;
        };
        let def = self.pack.schema.enum_def(*id)?;
        (def.name == WEEKDAY_TYPE).then_some(*index)
    }

    fn day_name(&self, index: u32) -> &'static str {
        let names = if self.fr() {
            &WEEKDAYS
        } else {
            &ENGLISH_WEEKDAYS
        };
        names.get(index as usize).copied().unwrap_or("?")
    }

    /// The days of a list of weekdays, in week order; `None` when it is empty or holds
    /// anything else.
    pub(super) fn days_of(&self, value: &Value) -> Option<Vec<u32>> {
        // An empty list says « la liste vide », whatever its type.
        let Value::List(items) = value else {
            return None;
        };
        if items.is_empty() {
            return None;
        }
        let mut days = items
            .iter()
            .map(|item| self.weekday_index(item))
            .collect::<Option<Vec<u32>>>()?;
        days.sort_unstable();
        days.dedup();
        Some(days)
    }

    /// A day, « lundi », or a set of days: « du lundi au vendredi » when they follow each
    /// other (three or more), else « le lundi, le mercredi et le vendredi »; `None` for
    /// any other value.
    pub(super) fn weekday_words(&self, value: &Value) -> Option<Rich> {
        if let Some(index) = self.weekday_index(value) {
            return Some(Rich::plain(self.day_name(index)));
        }
        let (words, _) = self.days_phrase(&self.days_of(value)?, false);
        Some(Rich::plain(&words))
    }

    /// The days in words, and whether they are a run « du … au … ». `or` joins the last
    /// two with « ou » (a day is one of them) rather than « et ».
    pub(super) fn days_phrase(&self, days: &[u32], or: bool) -> (String, bool) {
        if let (Some(&first), Some(&last)) = (days.first(), days.last())
            && days.len() >= 3
            && (last - first) as usize + 1 == days.len()
        {
            let (from, to) = if self.fr() {
                ("du ", " au ")
            } else {
                ("from ", " to ")
            };
            let words = format!("{from}{}{to}{}", self.day_name(first), self.day_name(last));
            return (words, true);
        }
        let article = if self.fr() { "le " } else { "" };
        let named: Vec<String> = days
            .iter()
            .map(|day| format!("{article}{}", self.day_name(*day)))
            .collect();
        let last_joiner = match (or, self.fr()) {
            (true, true) => " ou ",
            (false, true) => " et ",
            (true, false) => " or ",
            (false, false) => " and ",
        };
        let words = match named.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{}{last_joiner}{last}", rest.join(", ")),
            None => String::new(),
        };
        (words, false)
    }

    /// `weekday(d)`: « le jour de la semaine de `d` ».
    pub(super) fn day_of_week(&self, of: Rich) -> Rich {
        Rich::plain(&self.say("le jour de la semaine de ", "the day of the week of ")).join(of)
    }

    /// `weekday(d) in jours_ouvres`: « `d` tombe du lundi au vendredi »; `None` when the
    /// item is not `weekday(…)` or the days are not known when the tender is written.
    pub(super) fn weekday_membership(
        &self,
        item: &'a TExpr,
        days: &Value,
        negated: bool,
    ) -> Option<Rich> {
        let TExprKind::Weekday { of, .. } = &item.kind else {
            return None;
        };
        let (days, run) = self.days_phrase(&self.days_of(days)?, true);
        // « tombe du lundi au vendredi », "falls on a day from Monday to Friday".
        let verb = match (negated, self.fr(), run) {
            (false, true, _) => " tombe ",
            (true, true, _) => " ne tombe pas ",
            (false, false, true) => " falls on a day ",
            (true, false, true) => " does not fall on a day ",
            (false, false, false) => " falls on ",
            (true, false, false) => " does not fall on ",
        };
        Some(self.operand(of).text(verb).text(&days))
    }
}

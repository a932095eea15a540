//! Business time in words: `business_duration(start, end, days, opens, closes)` read as
//! « la durée ouvrée entre `a` et `b` (du lundi au vendredi, de 8 h à 18 h) », "the
//! business time between `a` and `b` (from Monday to Friday, from 8:00 am to 6:00 pm)".

use std::sync::Arc;

use clausier_check::hir::{TExpr, TExprKind};
use clausier_check::value::Value;

use super::Rich;
use super::words::Words;

impl<'a> Words<'a> {
    /// `business_duration(start, end, days, opens, closes)` in words.
    pub(super) fn business_duration(&self, args: &'a [TExpr; 5]) -> Rich {
        let [start, end, days, opens, closes] = args;
        // Days known when the tender is written read as days; others as what holds them.
        let days = match self.known_days(days).and_then(|value| self.days_of(&value)) {
            Some(days) => Rich::plain(&self.days_phrase(&days, false).0),
            None => {
                Rich::plain(&self.say("les jours de ", "the days of ")).join(self.operand(days))
            }
        };
        Rich::plain(&self.say("la durée ouvrée entre ", "the business time between "))
            .join(self.operand(start))
            .text(&self.say(" et ", " and "))
            .join(self.operand(end))
            .text(" (")
            .join(days)
            .text(&self.say(", de ", ", from "))
            .join(self.operand(opens))
            .text(&self.say(" à ", " to "))
            .join(self.operand(closes))
            .text(")")
    }

    /// The days a set holds when the tender is written: a parameter, a constant or a
    /// list literal of days (`[lundi, mardi]`).
    fn known_days(&self, days: &'a TExpr) -> Option<Value> {
        if let TExprKind::List(items) = &days.kind {
            let items = items
                .iter()
                .map(|item| match &item.kind {
                    TExprKind::Const(day) => Some(day.clone()),
                    _ => None,
                })
                .collect::<Option<Arc<[Value]>>>()?;
            return Some(Value::List(items));
        }
        self.listed_value(days)
    }
}

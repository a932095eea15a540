//! The values of a diagnosis in the reader's words: amounts as the document writes them
//! (`11 630 000 €`), shares (`32,8 %`), groups by the label the schema gives each enum
//! variant (« Applications métiers »), and the nearness of a window.

use clausier_check::types::{Schema, doc_label};
use clausier_check::value::Value;
use clausier_eval::diagnosis::{GroupKey, GroupResult, GroupingField, IndicatorValue};
use clausier_i18n::{Lang, t};
use rust_decimal::{Decimal, RoundingStrategy};

/// An amount in euros: thousands apart, cents only when there are some
/// (`11 630 000 €`, `4,50 €`; `11,630,000 €` in English).
pub(crate) fn money(amount: Decimal, lang: Lang) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let places = if rounded.fract().is_zero() { 0 } else { 2 };
    format!("{} €", grouped(rounded, places, lang))
}

/// A number with thousands apart and at most two decimals (`1 450`, `12,5`).
pub(crate) fn number(value: Decimal, lang: Lang) -> String {
    let rounded = value
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    grouped(rounded, rounded.scale(), lang)
}

/// A percentage (`51.8` is `51,8 %`), to one decimal.
pub(crate) fn percent(value: Decimal, lang: Lang) -> String {
    let rounded = value
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let text = grouped(rounded, rounded.scale(), lang);
    match lang {
        Lang::Fr => format!("{text} %"),
        Lang::En => format!("{text}%"),
    }
}

/// A group's share of its indicator's total, a fraction, as a percentage always to one
/// decimal, so that the shares of a table line up (`9,0 %` beside `15,4 %`).
pub(crate) fn share(fraction: Decimal, lang: Lang) -> String {
    let rounded = (fraction * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    let text = grouped(rounded, 1, lang);
    match lang {
        Lang::Fr => format!("{text} %"),
        Lang::En => format!("{text}%"),
    }
}

/// `value` with `places` decimals, its whole part in groups of three.
fn grouped(value: Decimal, places: u32, lang: Lang) -> String {
    let text = format!("{:.*}", places as usize, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let (thousands, decimal) = match lang {
        Lang::Fr => (' ', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index).is_multiple_of(3) {
            out.push(thousands);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// A value of an indicator or a risk: amounts, numbers and percentages as above, enum
/// variants by their label, the rest as the tender writes values.
pub(crate) fn value(value: &Value, schema: &Schema, lang: Lang) -> String {
    match value {
        Value::Money(amount) => money(*amount, lang),
        Value::Number(number) => self::number(*number, lang),
        Value::Percent(rate) => percent(*rate, lang),
        Value::Enum(id, index) => schema
            .enum_def(*id)
            .and_then(|def| def.variants.get(*index as usize))
            .map_or_else(
                || crate::pack::plain_value_in_words(value, lang),
                |variant| variant_label(&variant.name, &variant.docs),
            ),
        _ => crate::pack::plain_value_in_words(value, lang),
    }
}

/// An indicator's value, or « inconnu » with why.
pub(crate) fn indicator_value(value: &IndicatorValue, schema: &Schema, lang: Lang) -> String {
    match &value.value {
        Some(known) => self::value(known, schema, lang),
        None if value.missing.is_empty() => t!(lang, "diagnose-unknown"),
        None => t!(
            lang,
            "diagnose-unknown-because",
            reasons = value.missing.join(", ")
        ),
    }
}

/// What a group holds: its keys' labels, joined by « · » in a matrix.
pub(crate) fn group_label(
    group: &GroupResult,
    grouping: &[GroupingField],
    schema: &Schema,
    lang: Lang,
) -> String {
    group
        .keys
        .iter()
        .enumerate()
        .map(|(index, key)| key_label(key, grouping.get(index), schema, lang))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One key of a group: an enum variant by its label, a text as it is, the entries that
/// do not give the field as « non renseigné ».
pub(crate) fn key_label(
    key: &GroupKey,
    field: Option<&GroupingField>,
    schema: &Schema,
    lang: Lang,
) -> String {
    match key {
        GroupKey::Variant(name) => {
            let docs = field
                .and_then(|field| field.enum_name.as_deref())
                .and_then(|enum_name| schema.enum_by_name(enum_name))
                .and_then(|(_, def)| def.variants.iter().find(|variant| &variant.name == name))
                .map_or("", |variant| variant.docs.as_str());
            variant_label(name, docs)
        }
        GroupKey::Text(text) => text.clone(),
        GroupKey::Absent => t!(lang, "diagnose-absent"),
    }
}

/// The label of an enum variant: the « … » its doc comment is or starts with, on a line
/// of its own, when the schema gives one (`/// « Applications métiers »`); else its name in words, the first word
/// capitalised and the short ones (`UE`) kept as they are (`HORS_UE` reads « Hors UE »), since a
/// doc comment that explains the value at length is no label.
pub(crate) fn variant_label(name: &str, docs: &str) -> String {
    if let Some(label) = doc_label(docs) {
        return label.to_owned();
    }
    name.split('_')
        .filter(|word| !word.is_empty())
        .enumerate()
        .map(|(index, word)| {
            let short = word.chars().count() <= 3;
            if short || word.chars().any(char::is_lowercase) {
                return word.to_owned();
            }
            let lower = word.to_lowercase();
            if index > 0 {
                return lower;
            }
            let mut chars = lower.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The nearness of a window in words: 1 « dans la fenêtre », 1/2 « dans la fenêtre
/// suivante », 1/4 « plus tard ».
pub(crate) fn nearness(nearness: Decimal, lang: Lang) -> String {
    if nearness >= Decimal::ONE {
        t!(lang, "diagnose-window-now")
    } else if nearness >= Decimal::new(5, 1) {
        t!(lang, "diagnose-window-next")
    } else {
        t!(lang, "diagnose-window-later")
    }
}

/// A score or a priority: a number to two decimals at most.
pub(crate) fn score(value: Decimal, lang: Lang) -> String {
    number(value, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_written_as_the_document_writes_it() {
        assert_eq!(money(Decimal::from(11_630_000), Lang::Fr), "11 630 000 €");
        assert_eq!(money(Decimal::new(450, 2), Lang::Fr), "4,50 €");
        assert_eq!(money(Decimal::from(72_000), Lang::En), "72,000 €");
        assert_eq!(money(Decimal::ZERO, Lang::Fr), "0 €");
    }

    #[test]
    fn shares_have_one_decimal() {
        assert_eq!(share(Decimal::new(32846, 5), Lang::Fr), "32,8 %");
        assert_eq!(share(Decimal::ONE, Lang::En), "100.0%");
        assert_eq!(share(Decimal::new(9, 2), Lang::Fr), "9,0 %");
    }

    #[test]
    fn variants_read_by_their_label_else_their_name_in_words() {
        assert_eq!(
            variant_label("APPLICATIONS_METIERS", "« Applications métiers »"),
            "Applications métiers"
        );
        assert_eq!(
            variant_label("HORS_UE", "Le droit d'un pays tiers."),
            "Hors UE"
        );
        assert_eq!(variant_label("VITALE", ""), "Vitale");
        assert_eq!(
            variant_label("ELEVEE", "« Élevée »\nUne interruption arrête une mission."),
            "Élevée"
        );
        assert_eq!(variant_label("UE", ""), "UE");
    }
}

//! Evidence past its last valid day at the run's date (`$valid_until` before `today`).
//! Its value is set aside before anything is evaluated, so that every rule reading it
//! finds it absent: the requirement is `missing` with the reason, never a silent pass,
//! and a required document that expired is to be supplied again.

use std::borrow::Cow;
use std::sync::Arc;

use clausier_check::value::{Record, Value};
use clausier_data::descriptor::{Descriptor, PathStep};
use clausier_data::evidence::Evidence;
use jiff::civil::Date;

use crate::report::ExpiredEvidence;

/// The descriptors as they stand on `today`: copied only when one holds expired evidence.
pub(crate) fn in_force_all(descriptors: &[Descriptor], today: Date) -> Cow<'_, [Descriptor]> {
    if !descriptors
        .iter()
        .any(|descriptor| has_expired(descriptor, today))
    {
        return Cow::Borrowed(descriptors);
    }
    Cow::Owned(
        descriptors
            .iter()
            .map(|descriptor| in_force(descriptor.clone(), today))
            .collect(),
    )
}

/// The descriptor without the values whose evidence expired before `today`.
pub(crate) fn in_force(mut descriptor: Descriptor, today: Date) -> Descriptor {
    if !has_expired(&descriptor, today) {
        return descriptor;
    }
    if let Some(root) = &descriptor.root {
        let mut root: Record = (**root).clone();
        for evidence in expired(&descriptor, today) {
            set_aside(&mut root, &evidence.path);
        }
        descriptor.root = Some(Arc::new(root));
    }
    descriptor
}

fn has_expired(descriptor: &Descriptor, today: Date) -> bool {
    expired(descriptor, today).next().is_some()
}

fn expired(descriptor: &Descriptor, today: Date) -> impl Iterator<Item = &Evidence> {
    descriptor
        .evidence
        .iter()
        .filter(move |evidence| evidence.expired_on(today))
}

/// The expired evidence of the values a `missing` requirement found absent.
pub(crate) fn expired_among(
    descriptor: &Descriptor,
    today: Date,
    missing: &[String],
) -> Vec<ExpiredEvidence> {
    expired(descriptor, today)
        .filter(|evidence| missing.contains(&evidence.shown))
        .filter_map(|evidence| {
            Some(ExpiredEvidence {
                path: evidence.shown.clone(),
                valid_until: evidence.valid_until?.to_string(),
                last_day: evidence.valid_until?,
            })
        })
        .collect()
}

/// Removes the field at `path` (whose last step is a field: the `$`-keyed form is
/// written only as a field's value), going through records and list elements.
fn set_aside(record: &mut Record, path: &[PathStep]) {
    let Some((PathStep::Field(index), rest)) = path.split_first() else {
        return;
    };
    let Some(slot) = record.fields.get_mut(*index as usize) else {
        return;
    };
    if rest.is_empty() {
        *slot = None;
        return;
    }
    if let Some(value) = slot {
        set_aside_in(value, rest);
    }
}

fn set_aside_in(value: &mut Value, path: &[PathStep]) {
    match (value, path.first()) {
        (Value::Record(record), Some(PathStep::Field(_))) => {
            let mut inner: Record = (**record).clone();
            set_aside(&mut inner, path);
            *record = Arc::new(inner);
        }
        (Value::List(items), Some(PathStep::Index(index))) => {
            let mut copied: Vec<Value> = items.to_vec();
            if let Some(item) = copied.get_mut(*index as usize) {
                set_aside_in(item, path.get(1..).unwrap_or_default());
            }
            *items = copied.into();
        }
        _ => {}
    }
}

//! What a card of the solution catalogue shows of one solution, read from the
//! `solution { … }` shape of its descriptor (docs/language.md, « Solution
//! descriptions »): only the fields the pack declares are there to read.

use clausier_check::types::Schema;
use clausier_check::value::{Record, Value};
use clausier_data::Descriptor;

/// One solution as its card shows it; a field the descriptor does not hold is `None` or
/// empty, and the card leaves it out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SolutionCard {
    /// The descriptor's id: the folder of its `publiccode.yml`.
    pub id: String,
    pub name: Option<String>,
    pub short_description: Option<String>,
    pub licence: Option<String>,
    pub free_software: bool,
    pub maintenance: Option<String>,
    pub contractors: Vec<String>,
    pub categories: Vec<String>,
}

impl SolutionCard {
    pub(crate) fn read(descriptor: &Descriptor, schema: &Schema) -> Self {
        let root = descriptor.root.as_deref();
        let text = |path: &[&str]| root.and_then(|root| string(field(root, schema, path)?));
        let contractors = root
            .and_then(|root| field(root, schema, &["solution", "maintenance", "contractors"]))
            .map(|list| {
                elements(list)
                    .iter()
                    .filter_map(|contractor| match contractor {
                        Value::Record(record) => string(field(record, schema, &["name"])?),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let categories = root
            .and_then(|root| field(root, schema, &["solution", "categories"]))
            .map(|list| elements(list).iter().filter_map(string).collect())
            .unwrap_or_default();
        Self {
            id: descriptor.id.clone(),
            name: text(&["solution", "name"]),
            short_description: text(&["solution", "description", "short"]),
            licence: text(&["solution", "licence", "spdx"]),
            free_software: root
                .and_then(|root| field(root, schema, &["solution", "licence", "free_software"]))
                .is_some_and(|value| *value == Value::Bool(true)),
            maintenance: text(&["solution", "maintenance", "type"]),
            contractors,
            categories,
        }
    }

    /// Its name, else its id.
    pub(crate) fn title(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// The value at `path` below `record`, when each step is a declared field holding a
/// value.
pub(crate) fn field<'a>(record: &'a Record, schema: &Schema, path: &[&str]) -> Option<&'a Value> {
    let (first, rest) = path.split_first()?;
    let (index, _) = schema.record(record.def)?.field(first)?;
    let value = record.get(index)?;
    match (rest.is_empty(), value) {
        (true, value) => Some(value),
        (false, Value::Record(inner)) => field(inner, schema, rest),
        (false, _) => None,
    }
}

fn string(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.to_string()),
        _ => None,
    }
}

fn elements(value: &Value) -> &[Value] {
    match value {
        Value::List(items) => items,
        _ => &[],
    }
}

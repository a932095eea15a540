//! The JSON Schema (2020-12) of a pack's descriptor, for vendors to validate what they
//! send before they send it.
//!
//! The schema accepts what `clausier check` reads from JSON (and from YAML or TOML once
//! converted to JSON): every field may be absent or `null` (a requirement that needs it is
//! then `missing`), fields the pack does not declare are allowed, and the forms the
//! loader accepts for percentages, amounts and durations are patterns. A set must not
//! repeat a value; Clausier itself only keeps the first. Each field may also be written
//! in its `$`-keyed form (`evidence_form.rs`).

use std::collections::HashMap;

use clausier_check::bounds::FieldBounds;
use clausier_check::hir::CheckedPack;
use clausier_check::types::{LOTS_KEY, Lot, RecordDef, RecordId, Schema, Ty};
use clausier_syntax::ast::{ItemKind, SourceFileAst, TypeExprKind};
use serde_json::{Map, Value, json};

use super::evidence_form;

/// What the schema says of the pack.
#[derive(Debug, Clone, Copy)]
pub struct SchemaInput<'a> {
    pub pack: &'a CheckedPack,
    pub name: &'a str,
    pub version: &'a str,
    /// From `pack.toml`.
    pub description: Option<&'a str>,
    /// The pack's clause files, for the doc comments of `descriptor` blocks and `type`s.
    pub files: &'a [&'a SourceFileAst],
}

/// The JSON Schema of the pack's descriptor, pretty-printed, with a final line break.
pub fn render_json_schema(input: &SchemaInput<'_>) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(&json_schema(input))?;
    text.push('\n');
    Ok(text)
}

/// The JSON Schema of the pack's descriptor.
pub fn json_schema(input: &SchemaInput<'_>) -> Value {
    let docs = Docs::from_files(input.files);
    let schema = &input.pack.schema;
    let mut builder = Builder {
        schema,
        docs: &docs,
        defs: Map::new(),
    };
    let mut root = Map::new();
    root.insert(
        "$schema".to_owned(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    root.insert(
        "$id".to_owned(),
        json!(format!(
            "urn:clausier:{}:{}:descriptor",
            uri_part(input.name),
            uri_part(input.version)
        )),
    );
    root.insert(
        "title".to_owned(),
        json!(format!(
            "Descriptor of an offer for the pack {} {}",
            input.name, input.version
        )),
    );
    let mut description = Vec::new();
    if !docs.descriptor.is_empty() {
        description.push(paragraphs(&docs.descriptor));
    }
    if let Some(pack_description) = input.description {
        description.push(pack_description.to_owned());
    }
    description.push(
        "Every field may be absent or null: a requirement that needs an absent field is \
         reported as missing, and the offer as incomplete if the requirement is mandatory. \
         Fields the pack does not declare are allowed and ignored. A top-level `id` string \
         names the offer in reports."
            .to_owned(),
    );
    description.push(evidence_form::NOTE.to_owned());
    root.insert("description".to_owned(), json!(description.join("\n\n")));
    let record = schema.descriptor_record();
    let mut object = builder.record_body(record, "#");
    if let Some(Value::Object(properties)) = object.get_mut("properties")
        && !properties.contains_key("id")
    {
        properties.insert(
            "id".to_owned(),
            json!({
                "type": "string",
                "description": "The offer's identifier in reports; the file name is used without it."
            }),
        );
    }
    if !schema.lots.is_empty() {
        offer_lots(&mut object, &schema.lots);
    }
    root.extend(object);
    if !builder.defs.is_empty() {
        root.insert("$defs".to_owned(), Value::Object(builder.defs));
    }
    Value::Object(root)
}

/// In a contract divided into lots, the `lots` key every offer must give: one declared
/// lot id, or a list of them.
fn offer_lots(object: &mut Map<String, Value>, lots: &[Lot]) {
    let ids: Vec<&str> = lots.iter().map(|lot| lot.id.as_str()).collect();
    let listed: Vec<String> = lots
        .iter()
        .map(|lot| format!("`{}` ({})", lot.id, lot.title))
        .collect();
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        properties.insert(
            LOTS_KEY.to_owned(),
            json!({
                "description": format!(
                    "The lots the offer bids for, by their ids: {}. The offer is evaluated once per lot.",
                    listed.join(", ")
                ),
                "oneOf": [
                    { "type": "string", "enum": ids },
                    {
                        "type": "array",
                        "items": { "type": "string", "enum": ids },
                        "minItems": 1
                    }
                ]
            }),
        );
    }
    object.insert("required".to_owned(), json!([LOTS_KEY]));
}

/// The doc comments the checked schema does not keep: those of `descriptor` blocks and
/// of named record types.
struct Docs {
    descriptor: String,
    types: HashMap<String, String>,
}

impl Docs {
    fn from_files(files: &[&SourceFileAst]) -> Docs {
        let mut descriptor = Vec::new();
        let mut types = HashMap::new();
        for file in files {
            for item in &file.items {
                if item.docs.is_empty() {
                    continue;
                }
                match &item.kind {
                    ItemKind::Descriptor(_) => descriptor.push(item.docs.text.clone()),
                    ItemKind::Type(decl) if matches!(decl.ty.kind, TypeExprKind::Record(_)) => {
                        types.insert(decl.name.name.clone(), item.docs.text.clone());
                    }
                    _ => {}
                }
            }
        }
        Docs {
            descriptor: descriptor.join("\n\n"),
            types,
        }
    }
}

struct Builder<'a> {
    schema: &'a Schema,
    docs: &'a Docs,
    /// Enums and named record types, by name.
    defs: Map<String, Value>,
}

impl Builder<'_> {
    /// `"type": "object"`, the fields as properties, other fields allowed; `at` is the
    /// JSON Pointer (as a URI fragment) of the record's schema.
    fn record_body(&mut self, record: Option<&RecordDef>, at: &str) -> Map<String, Value> {
        let mut properties = Map::new();
        if let Some(record) = record {
            for (name, field) in &record.fields {
                // The value's schema is the field's `else`: the `$`-keyed form is `then`.
                let plain_at = format!("{at}/properties/{}/else", fragment_segment(name));
                let typed = bounded(self.type_schema(&field.ty, &plain_at), field.bounds());
                let date = self.scalar_def(&Ty::Date);
                let mut property =
                    evidence_form::value_or_form(&mut self.defs, nullable(typed), &plain_at, date);
                let mut description = Vec::new();
                if !field.docs.is_empty() {
                    description.push(paragraphs(&field.docs));
                }
                if let Some(unit) = unit_note(&field.ty) {
                    description.push(unit.to_owned());
                }
                if !description.is_empty()
                    && let Value::Object(map) = &mut property
                {
                    map.insert("description".to_owned(), json!(description.join("\n\n")));
                }
                properties.insert(name.clone(), property);
            }
        }
        let mut body = Map::new();
        body.insert("type".to_owned(), json!("object"));
        body.insert("properties".to_owned(), Value::Object(properties));
        body.insert("additionalProperties".to_owned(), json!(true));
        body
    }
}

/// A field's schema: its type, or `null` (which is the same as absent).
fn nullable(mut schema: Value) -> Value {
    let Value::Object(map) = &mut schema else {
        return schema;
    };
    if let Some(Value::String(kind)) = map.get("type").cloned() {
        map.insert("type".to_owned(), json!([kind, "null"]));
        return schema;
    }
    if let Some(Value::Array(choices)) = map.get_mut("anyOf") {
        choices.push(json!({ "type": "null" }));
        return schema;
    }
    json!({ "anyOf": [schema, { "type": "null" }] })
}

/// A numeric schema with the range of `bounds` (`minimum`, `exclusiveMaximum`…) in
/// place of any it had: they apply to the numbers a vendor writes, in the field's unit.
fn bounded(mut schema: Value, bounds: FieldBounds) -> Value {
    let Value::Object(map) = &mut schema else {
        return schema;
    };
    for key in ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"] {
        map.remove(key);
    }
    let sides = [
        (bounds.lower, "minimum", "exclusiveMinimum"),
        (bounds.upper, "maximum", "exclusiveMaximum"),
    ];
    for (bound, inclusive, exclusive) in sides {
        let Some(bound) = bound else { continue };
        let Ok(number) = bound
            .value
            .normalize()
            .to_string()
            .parse::<serde_json::Number>()
        else {
            continue;
        };
        let key = if bound.inclusive {
            inclusive
        } else {
            exclusive
        };
        map.insert(key.to_owned(), Value::Number(number));
    }
    schema
}

impl Builder<'_> {
    /// The schema of a value of type `ty`, to be written at the JSON Pointer `at`.
    fn type_schema(&mut self, ty: &Ty, at: &str) -> Value {
        match ty {
            Ty::Bool => json!({ "type": "boolean" }),
            Ty::Int => json!({ "type": "integer" }),
            Ty::Number => json!({ "type": "number" }),
            Ty::String => json!({ "type": "string" }),
            Ty::Percent | Ty::Money => bounded(self.scalar_def(ty), FieldBounds::default_for(ty)),
            Ty::Date | Ty::Time | Ty::DateTime | Ty::Duration => self.scalar_def(ty),
            Ty::List(element) => json!({
                "type": "array",
                "items": self.type_schema(element, &format!("{at}/items"))
            }),
            // Never in a descriptor (E0320): a parameter's table, an object of its values.
            Ty::Map(_, value) => json!({
                "type": "object",
                "additionalProperties": self.type_schema(value, &format!("{at}/additionalProperties"))
            }),
            Ty::Set(element) => json!({
                "type": "array",
                "items": self.type_schema(element, &format!("{at}/items")),
                "uniqueItems": true
            }),
            Ty::Enum(id) => match self.schema.enum_def(*id) {
                Some(def) => {
                    let name = def.name.clone();
                    if !self.defs.contains_key(&name) {
                        let variants: Vec<&str> =
                            def.variants.iter().map(|v| v.name.as_str()).collect();
                        let mut description = Vec::new();
                        if !def.docs.is_empty() {
                            description.push(paragraphs(&def.docs));
                        }
                        let listed: Vec<String> = def
                            .variants
                            .iter()
                            .map(|variant| {
                                if variant.docs.is_empty() {
                                    format!("- {}", variant.name)
                                } else {
                                    format!("- {}: {}", variant.name, one_line(&variant.docs))
                                }
                            })
                            .collect();
                        description.push(format!(
                            "The values in their order, from the lowest ({}) to the highest: \
                             clauses compare them in this order.\n{}",
                            variants.first().copied().unwrap_or_default(),
                            listed.join("\n")
                        ));
                        self.defs.insert(
                            name.clone(),
                            json!({
                                "title": name,
                                "description": description.join("\n\n"),
                                "type": "string",
                                "enum": variants
                            }),
                        );
                    }
                    json!({ "$ref": format!("#/$defs/{}", pointer_escape(&name)) })
                }
                None => json!({}),
            },
            Ty::Record(id) => self.record_type(*id, at),
            Ty::Error => json!({}),
        }
    }

    /// Dates, percentages, amounts and durations have forms of their own, defined once in
    /// `$defs` under the name of their type (which no declared type can take).
    fn scalar_def(&mut self, ty: &Ty) -> Value {
        let (name, definition) = match ty {
            Ty::Date => (
                "date",
                json!({
                    "type": "string",
                    "format": "date",
                    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
                }),
            ),
            // No `format`: JSON Schema's `time` wants an offset, which a time of day of a
            // clause never has.
            Ty::Time => (
                "time",
                json!({
                    "type": "string",
                    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
                }),
            ),
            // Local time, which JSON Schema's `date-time` (with an offset) is not.
            Ty::DateTime => (
                "datetime",
                json!({
                    "type": "string",
                    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
                }),
            ),
            Ty::Percent => (
                "percent",
                json!({
                    "anyOf": [
                        { "type": "number" },
                        { "type": "string", "pattern": format!("^\\s*{DECIMAL}\\s*%\\s*$") }
                    ]
                }),
            ),
            Ty::Money => (
                "money",
                json!({
                    "anyOf": [
                        { "type": "number" },
                        { "type": "string", "pattern": format!("^\\s*{DECIMAL}\\s*(€|EUR)\\s*$") }
                    ]
                }),
            ),
            _ => (
                "duration",
                json!({
                    "anyOf": [
                        { "type": "string", "pattern": ISO_DURATION },
                        { "type": "string", "pattern": worded_duration() }
                    ]
                }),
            ),
        };
        if !self.defs.contains_key(name) {
            let mut entry = Map::new();
            entry.insert("title".to_owned(), json!(name));
            if let Some(note) = unit_note(ty) {
                entry.insert("description".to_owned(), json!(note));
            }
            if let Value::Object(body) = definition {
                entry.extend(body);
            }
            self.defs.insert(name.to_owned(), Value::Object(entry));
        }
        json!({ "$ref": format!("#/$defs/{name}") })
    }

    /// A named record is defined once in `$defs`, an anonymous one written at `at`.
    fn record_type(&mut self, id: RecordId, at: &str) -> Value {
        let schema = self.schema;
        let record = schema.record(id);
        let named = record
            .and_then(|record| record.name.clone())
            .filter(|_| id != schema.descriptor);
        match named {
            Some(name) => {
                if !self.defs.contains_key(&name) {
                    // Reserve the name first: a type that refers to itself stops here.
                    self.defs.insert(name.clone(), json!({}));
                    let mut definition = Map::new();
                    definition.insert("title".to_owned(), json!(name));
                    if let Some(docs) = self.docs.types.get(&name) {
                        definition.insert("description".to_owned(), json!(paragraphs(docs)));
                    }
                    let defined_at = format!("#/$defs/{}", fragment_segment(&name));
                    definition.extend(self.record_body(record, &defined_at));
                    self.defs.insert(name.clone(), Value::Object(definition));
                }
                json!({ "$ref": format!("#/$defs/{}", pointer_escape(&name)) })
            }
            None => Value::Object(self.record_body(record, at)),
        }
    }
}

/// An exact decimal as the loader reads it: `12`, `-4.50`, `+3`, `.5`, `1e3`.
const DECIMAL: &str = "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?";

/// `P6M`, `P30D`, `P1Y2M10D`, `P2W`, `PT12H`, `P1DT2H`: years, months, weeks and days,
/// then after `T` hours, minutes and seconds, each in that order and in whole numbers.
const ISO_DURATION: &str = "^\\s*[Pp](?=[0-9]|[Tt][0-9])([0-9]+[Yy])?([0-9]+[Mm])?([0-9]+[Ww])?([0-9]+[Dd])?\
     ([Tt](?=[0-9])([0-9]+[Hh])?([0-9]+[Mm])?([0-9]+[Ss])?)?\\s*$";

/// `6 months`, `30 days`, `1 year 6 months`, `1 an et 6 mois`, in any case.
fn worded_duration() -> String {
    let units: Vec<String> = clausier_syntax::lexicon::duration_unit_spellings()
        .map(any_case)
        .collect();
    let item = format!("[0-9]+\\s*({})", units.join("|"));
    format!(
        "^[\\s,]*{item}(([\\s,]+(({}|{}) \\s*)?|(?=[0-9])){item})*[\\s,]*$",
        any_case("and"),
        any_case("et")
    )
}

/// `[dD][aA][yY]`: a word in any case, for validators without a case-insensitive flag.
fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| {
            let lower: String = c.to_lowercase().collect();
            let upper: String = c.to_uppercase().collect();
            if lower == upper {
                lower
            } else {
                format!("[{lower}{upper}]")
            }
        })
        .collect()
}

/// What a field's type means for the value written, for the types with units or forms.
fn unit_note(ty: &Ty) -> Option<&'static str> {
    Some(match ty {
        Ty::Percent => {
            "A percentage: a number of percent (87.5 means 87.5 %) or a string with the sign \
             (\"87.5%\")."
        }
        Ty::Money => {
            "An amount in euros: a number (4.5) or a string with the currency (\"4.50 €\" or \
             \"4.50 EUR\")."
        }
        Ty::Duration => {
            "A duration: ISO 8601 (\"P6M\", \"P30D\", \"P1Y2M10D\", \"P2W\", \"PT12H\", \
             \"P1DT2H\", \"PT30M\") or in words (\"6 months\", \"30 days\", \"1 year\", \
             \"24 hours\"; French \"6 mois\", \"30 jours\", \"1 an\", \"4 heures\")."
        }
        Ty::Date => "A calendar date, year-month-day (\"2027-06-30\").",
        Ty::DateTime => {
            "A date and a local time of day, without an offset (\"2027-01-04T08:30\", or \
             \"2027-01-04T08:30:00\")."
        }
        Ty::Time => {
            "A time of day, hours and minutes (\"08:30\"), seconds if needed (\"08:30:00\")."
        }
        Ty::Int => "A whole number.",
        Ty::Set(_) => "A set: each value at most once, in any order.",
        _ => return None,
    })
}

/// Doc comment text with its lines joined, paragraphs kept apart.
pub(super) fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(one_line)
        .filter(|paragraph| !paragraph.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name as a JSON Pointer segment (`~` and `/` escaped).
fn pointer_escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// A name as a segment of a JSON Pointer in a URI fragment: escaped for the pointer, then
/// percent-encoded where a URI needs it (a field may be named `hébergement`).
fn fragment_segment(name: &str) -> String {
    let mut out = String::new();
    for byte in pointer_escape(name).bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'$') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A pack name or version as a URN segment: letters, digits and `-._` kept, anything else
/// percent-encoded.
fn uri_part(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_in_any_case() {
        assert_eq!(any_case("an"), "[aA][nN]");
        assert_eq!(any_case("année"), "[aA][nN][nN][éÉ][eE]");
    }

    #[test]
    fn names_make_uri_segments() {
        assert_eq!(uri_part("edtech-fr"), "edtech-fr");
        assert_eq!(uri_part("région 1"), "r%C3%A9gion%201");
    }
}

//! The `$`-keyed form of a field's value in the descriptor's JSON Schema: where a value
//! comes from, until when it holds, and the equivalent a vendor claims for it
//! (`{"$value": true, "$source": "document", "$valid_until": "2027-03-31"}`).
//!
//! The loader accepts the form on every field of a record, at any depth, but not on a
//! list's elements; so each field's schema is the form or its value's schema, the form's
//! `$value` referring back to the value's schema by its JSON Pointer rather than
//! repeating it (a nested record would otherwise be written twice per level). The parts every form
//! shares are defined once in `$defs`, under names that start with `$`, which no
//! declared type can take.

use clausier_data::ProvenanceKind;
use clausier_data::evidence::{EQUIVALENT_KEY, SOURCE_KEY, VALID_UNTIL_KEY, VALUE_KEY};
use serde_json::{Map, Value, json};

/// The form, its `$value` left to each field.
const FORM: &str = "$evidence";
/// What `$source` may be.
const SOURCE: &str = "$source";
/// The kinds of `$source`.
const KIND: &str = "$source_kind";
/// What `$equivalent` must be.
const EQUIVALENT: &str = "$equivalent";
/// An object whose keys all start with `$`: the form, never a record's fields (a field's
/// name starts with a letter or `_`).
const DOLLAR_KEYED: &str = "$dollar_keyed";

/// A field's schema: the form when the value is an object whose keys all start with `$`,
/// as the loader decides, else `plain` (its value's schema, which `plain_at` points to).
/// `if`/`then`/`else` rather than `anyOf`, so that a validator reports a wrong value
/// where it is wrong, not as a field that matches neither choice.
pub(super) fn value_or_form(
    defs: &mut Map<String, Value>,
    plain: Value,
    plain_at: &str,
    date: Value,
) -> Value {
    define_shared_parts(defs, date);
    json!({
        "if": reference(DOLLAR_KEYED),
        "then": {
            "$ref": format!("#/$defs/{FORM}"),
            "properties": { VALUE_KEY: { "$ref": plain_at } }
        },
        "else": plain
    })
}

/// A sentence for the schema's description.
pub(super) const NOTE: &str = "Each field may also be written in its `$`-keyed form, an \
     object whose keys all start with `$`: `$value` (the value, required), `$source` \
     (where it comes from), `$valid_until` (the last day it holds) and `$equivalent` (the \
     label or certificate the vendor claims as equivalent to the one the field stands \
     for). See `$defs/$evidence`. List elements do not take this form.";

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/$defs/{name}") })
}

fn define_shared_parts(defs: &mut Map<String, Value>, date: Value) {
    if defs.contains_key(FORM) {
        return;
    }
    let kinds: Vec<&str> = ProvenanceKind::ALL
        .iter()
        .map(|kind| kind.as_str())
        .collect();
    let non_empty_text = json!({ "type": "string", "pattern": "\\S" });
    defs.insert(
        FORM.to_owned(),
        json!({
            "title": "The $-keyed form of a value",
            "description": "A value with where it comes from, until when it holds, or the \
                equivalent the vendor claims for it. `$value` is required; each field gives \
                its schema.",
            "type": "object",
            "required": [VALUE_KEY],
            "properties": {
                VALUE_KEY: true,
                SOURCE_KEY: { "anyOf": [reference(SOURCE), { "type": "null" }] },
                VALID_UNTIL_KEY: {
                    "description": "The last day the value holds: on a later date of \
                        evaluation it counts as not given.",
                    "anyOf": [date, { "type": "null" }]
                },
                EQUIVALENT_KEY: reference(EQUIVALENT)
            },
            "additionalProperties": false
        }),
    );
    defs.insert(
        KIND.to_owned(),
        json!({
            "title": "A kind of source",
            "description": "declared: the vendor says so; document: a document the vendor \
                supplies (a certificate, an attestation); registry: a public registry; \
                audit: an audit by a third party.",
            "type": "string",
            "enum": kinds
        }),
    );
    defs.insert(
        SOURCE.to_owned(),
        json!({
            "title": "Where a value comes from",
            "description": "Its kind alone, or an object with its kind and, optionally, the \
                document's reference (or the registry's entry) and who issued it.",
            "anyOf": [
                reference(KIND),
                {
                    "type": "object",
                    "required": ["kind"],
                    "properties": {
                        "kind": reference(KIND),
                        "reference": { "type": ["string", "null"] },
                        "issuer": { "type": ["string", "null"] }
                    },
                    "additionalProperties": false
                }
            ]
        }),
    );
    defs.insert(
        EQUIVALENT.to_owned(),
        json!({
            "title": "A claim of an equivalent",
            "description": "What is claimed as equivalent to the label or certificate the \
                field stands for, who issued it, and the document that proves it: the buyer \
                examines the claim (public procurement code R2111-12 to R2111-17).",
            "type": "object",
            "required": ["label", "issuer", "document"],
            "properties": {
                "label": non_empty_text,
                "issuer": non_empty_text,
                "document": non_empty_text
            },
            "additionalProperties": false
        }),
    );
    defs.insert(
        DOLLAR_KEYED.to_owned(),
        json!({
            "description": "An object whose keys all start with `$`: the $-keyed form of a \
                value, never a record's fields.",
            "type": "object",
            "minProperties": 1,
            "propertyNames": { "pattern": "^\\$" }
        }),
    );
}

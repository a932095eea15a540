//! A hand-built schema close to the brief's example, and a textual rendering of loaded
//! descriptors (every stored value with its location, every problem) for snapshots.

#![allow(dead_code)]

use std::fmt::Write as _;

use clausier_check::types::{
    EnumDef, EnumId, FieldDef, Origin, RecordDef, RecordId, Schema, Ty, VariantDef,
};
use clausier_check::value::{Record, Value};
use clausier_data::descriptor::{Descriptor, PathStep};
use clausier_data::load::{Format, LoadOptions, load_text};
use indexmap::IndexMap;

pub const TIER: EnumId = EnumId(0);
pub const REGION: EnumId = EnumId(1);

const DESCRIPTOR: RecordId = RecordId(0);
const SUBPROCESSOR: RecordId = RecordId(1);
const HOSTING: RecordId = RecordId(2);
const EVIDENCE: RecordId = RecordId(3);
const ACCESSIBILITY: RecordId = RecordId(4);
const SECURITY: RecordId = RecordId(5);
const PRICING: RecordId = RecordId(6);
const REVERSIBILITY: RecordId = RecordId(7);

fn enum_def(name: &str, variants: &[&str]) -> EnumDef {
    EnumDef {
        name: name.to_owned(),
        docs: String::new(),
        origin: Origin::default(),
        variants: variants
            .iter()
            .map(|variant| VariantDef {
                name: (*variant).to_owned(),
                docs: String::new(),
                origin: Origin::default(),
            })
            .collect(),
    }
}

fn record(name: Option<&str>, fields: &[(&str, Ty)]) -> RecordDef {
    let fields: IndexMap<String, FieldDef> = fields
        .iter()
        .map(|(name, ty)| {
            let def = FieldDef {
                ty: ty.clone(),
                docs: String::new(),
                origin: Origin::default(),
                declared_bounds: Default::default(),
            };
            ((*name).to_owned(), def)
        })
        .collect();
    RecordDef {
        name: name.map(str::to_owned),
        fields,
    }
}

fn list(ty: Ty) -> Ty {
    Ty::List(Box::new(ty))
}

fn set(ty: Ty) -> Ty {
    Ty::Set(Box::new(ty))
}

/// enum Tier { I, II, III, IV }
/// enum Region { EU, EEA, ADEQUATE, OTHER }
/// type Subprocessor = { name: string, region: Region, purpose: string }
/// descriptor {
///   id: string, name: string, seats: int, rating: number, launched: date,
///   hosting: { region: Region, country: string, secnumcloud: bool },
///   subprocessors: list<Subprocessor>,
///   evidence: { tier: Tier },
///   accessibility: { rgaa_rate: percent },
///   standards: set<string>,
///   security: { iso27001: bool, iso27001_expires: date },
///   pricing: { per_student: money },
///   reversibility: { export_formats: set<string>, notice: duration },
///   tiers: list<Tier>, audits: list<date>, sizes: set<int>,
/// }
pub fn schema() -> Schema {
    let descriptor = record(
        Some("descriptor"),
        &[
            ("id", Ty::String),
            ("name", Ty::String),
            ("seats", Ty::Int),
            ("rating", Ty::Number),
            ("launched", Ty::Date),
            ("hosting", Ty::Record(HOSTING)),
            ("subprocessors", list(Ty::Record(SUBPROCESSOR))),
            ("evidence", Ty::Record(EVIDENCE)),
            ("accessibility", Ty::Record(ACCESSIBILITY)),
            ("standards", set(Ty::String)),
            ("security", Ty::Record(SECURITY)),
            ("pricing", Ty::Record(PRICING)),
            ("reversibility", Ty::Record(REVERSIBILITY)),
            ("tiers", list(Ty::Enum(TIER))),
            ("audits", list(Ty::Date)),
            ("sizes", set(Ty::Int)),
            // An accented name, for keys typed with combining accents.
            ("délai_intervention", Ty::Duration),
        ],
    );
    let records = vec![
        descriptor,
        record(
            Some("Subprocessor"),
            &[
                ("name", Ty::String),
                ("region", Ty::Enum(REGION)),
                ("purpose", Ty::String),
            ],
        ),
        record(
            None,
            &[
                ("region", Ty::Enum(REGION)),
                ("country", Ty::String),
                ("secnumcloud", Ty::Bool),
            ],
        ),
        record(None, &[("tier", Ty::Enum(TIER))]),
        record(None, &[("rgaa_rate", Ty::Percent)]),
        record(
            None,
            &[("iso27001", Ty::Bool), ("iso27001_expires", Ty::Date)],
        ),
        record(None, &[("per_student", Ty::Money)]),
        record(
            None,
            &[
                ("export_formats", set(Ty::String)),
                ("notice", Ty::Duration),
            ],
        ),
    ];
    assert_eq!(records.len(), 8, "one record per id above");
    Schema {
        enums: vec![
            enum_def("Tier", &["I", "II", "III", "IV"]),
            enum_def("Region", &["EU", "EEA", "ADEQUATE", "OTHER"]),
        ],
        records,
        descriptor: DESCRIPTOR,
        aliases: IndexMap::new(),
        lots: Vec::new(),
    }
}

/// The descriptor shape a `publiccode.yml` is read into (`docs/language.md`, "Solution
/// descriptions"), as a pack would declare it.
pub fn solution_schema() -> Schema {
    let text_list = || list(Ty::String);
    let records = vec![
        record(
            Some("descriptor"),
            &[("id", Ty::String), ("solution", Ty::Record(RecordId(1)))],
        ),
        record(
            None,
            &[
                ("name", Ty::String),
                ("url", Ty::String),
                ("software_version", Ty::String),
                ("release_date", Ty::Date),
                ("platforms", text_list()),
                ("categories", text_list()),
                ("development_status", Ty::String),
                ("software_type", Ty::String),
                ("licence", Ty::Record(RecordId(2))),
                ("copyright_owner", Ty::String),
                ("maintenance", Ty::Record(RecordId(3))),
                ("languages", text_list()),
                ("description", Ty::Record(RecordId(5))),
                ("audience", Ty::Record(RecordId(6))),
                ("depends_on", Ty::Record(RecordId(7))),
            ],
        ),
        record(None, &[("spdx", Ty::String), ("free_software", Ty::Bool)]),
        record(
            None,
            &[
                ("type", Ty::String),
                ("contractors", list(Ty::Record(RecordId(4)))),
            ],
        ),
        record(None, &[("name", Ty::String), ("until", Ty::Date)]),
        record(None, &[("short", Ty::String), ("features", text_list())]),
        record(None, &[("scope", text_list()), ("countries", text_list())]),
        record(None, &[("open", text_list()), ("proprietary", text_list())]),
    ];
    Schema {
        enums: Vec::new(),
        records,
        descriptor: DESCRIPTOR,
        aliases: IndexMap::new(),
        lots: Vec::new(),
    }
}

/// The schema of [`schema`] in a contract divided into two lots, `1` and `2`.
pub fn schema_with_lots() -> Schema {
    let lot = |id: &str, title: &str| clausier_check::types::Lot {
        id: id.to_owned(),
        title: title.to_owned(),
    };
    Schema {
        lots: vec![
            lot("1", "Espace numérique de travail (ENT)"),
            lot("2", "Ressources numériques pédagogiques"),
        ],
        ..schema()
    }
}

pub fn load(source: &str, text: &str, format: Format) -> Vec<Descriptor> {
    load_text(&schema(), source, text, format, &LoadOptions::default())
}

pub fn load_strict(source: &str, text: &str, format: Format) -> Vec<Descriptor> {
    load_text(
        &schema(),
        source,
        text,
        format,
        &LoadOptions { strict: true },
    )
}

pub fn load_one(source: &str, text: &str, format: Format) -> Descriptor {
    let mut descriptors = load(source, text, format);
    assert_eq!(descriptors.len(), 1, "one descriptor expected");
    descriptors.remove(0)
}

/// Every descriptor: its id, source and line, whether it is valid, every stored value
/// with its path and location, and every problem.
pub fn render(descriptors: &[Descriptor]) -> String {
    render_with(&schema(), descriptors)
}

/// [`render`] for descriptors loaded against another schema.
pub fn render_with(schema: &Schema, descriptors: &[Descriptor]) -> String {
    let mut out = String::new();
    for descriptor in descriptors {
        render_one(schema, descriptor, &mut out);
    }
    out
}

fn render_one(schema: &Schema, descriptor: &Descriptor, out: &mut String) {
    let status = if descriptor.is_invalid() {
        "invalid"
    } else {
        "valid"
    };
    let line = descriptor
        .line
        .map_or(String::new(), |line| format!(" line {line}"));
    let _ = writeln!(
        out,
        "{} ({}{line}) {status}",
        descriptor.id, descriptor.source
    );
    if !descriptor.lots.is_empty() {
        let _ = writeln!(out, "  lots {}", descriptor.lots.join(", "));
    }
    if let Some(root) = &descriptor.root {
        let loc = descriptor.locations.get(&[]);
        let _ = writeln!(out, "  <root> {}", at(loc));
        let mut path = Vec::new();
        render_record(schema, descriptor, DESCRIPTOR, root, "", &mut path, out);
    }
    for problem in &descriptor.problems {
        let _ = writeln!(
            out,
            "  {} {} `{}` {}: {}",
            problem.severity.as_str(),
            problem.code,
            problem.path,
            problem.loc.map_or("nowhere".to_owned(), |loc| format!(
                "{}:{}",
                loc.line, loc.column
            )),
            problem.message.text(clausier_diagnostics::Lang::En)
        );
        if let Some(help) = &problem.help {
            let _ = writeln!(
                out,
                "    help: {}",
                help.text(clausier_diagnostics::Lang::En)
            );
        }
    }
}

fn at(loc: Option<clausier_data::descriptor::Loc>) -> String {
    loc.map_or("@?".to_owned(), |loc| {
        format!("@{}:{}", loc.line, loc.column)
    })
}

fn render_record(
    schema: &Schema,
    descriptor: &Descriptor,
    id: RecordId,
    record: &Record,
    prefix: &str,
    path: &mut Vec<PathStep>,
    out: &mut String,
) {
    let def = schema.record(id).expect("record in schema");
    assert_eq!(
        record.fields.len(),
        def.fields.len(),
        "a record has a slot per field"
    );
    for (index, (name, field)) in def.fields.iter().enumerate() {
        let Some(value) = record.fields[index].as_ref() else {
            continue;
        };
        path.push(PathStep::Field(index as u32));
        let shown = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        render_value(schema, descriptor, &field.ty, value, &shown, path, out);
        path.pop();
    }
}

fn render_value(
    schema: &Schema,
    descriptor: &Descriptor,
    ty: &Ty,
    value: &Value,
    shown: &str,
    path: &mut Vec<PathStep>,
    out: &mut String,
) {
    let loc = at(descriptor.locations.get(path));
    match (ty, value) {
        (Ty::Record(id), Value::Record(record)) => {
            let _ = writeln!(out, "  {shown} {loc}");
            render_record(schema, descriptor, *id, record, shown, path, out);
        }
        (Ty::List(element) | Ty::Set(element), Value::List(items))
            if matches!(**element, Ty::Record(_)) =>
        {
            let _ = writeln!(out, "  {shown} = list of {} {loc}", items.len());
            for (index, item) in items.iter().enumerate() {
                path.push(PathStep::Index(index as u32));
                render_value(
                    schema,
                    descriptor,
                    element,
                    item,
                    &format!("{shown}[{index}]"),
                    path,
                    out,
                );
                path.pop();
            }
        }
        (Ty::List(_) | Ty::Set(_), Value::List(items)) => {
            let _ = writeln!(out, "  {shown} = {} {loc}", value.display(schema));
            for (index, item) in items.iter().enumerate() {
                path.push(PathStep::Index(index as u32));
                let item_loc = at(descriptor.locations.get(path));
                let _ = writeln!(out, "    [{index}] = {} {item_loc}", item.display(schema));
                path.pop();
            }
        }
        _ => {
            let _ = writeln!(out, "  {shown} = {} {loc}", render_scalar(schema, value));
        }
    }
}

/// Values with their exact decimal text and their kind, so a snapshot shows that `4.50`
/// stayed `4.50` and that a percent is not a number.
fn render_scalar(schema: &Schema, value: &Value) -> String {
    match value {
        Value::Number(number) => format!("number {number}"),
        Value::Percent(number) => format!("percent {number}"),
        Value::Money(number) => format!("money {number}"),
        Value::Duration(duration) => {
            format!("duration {} months {} days", duration.months, duration.days)
        }
        Value::Enum(id, index) => format!("enum {}#{index} {}", id.0, value.display(schema)),
        other => format!("{}", other.display(schema)),
    }
}

/// Every location of a descriptor lies within the text, on a real line and column.
pub fn assert_locations_within(text: &str, descriptors: &[Descriptor]) {
    let line_count = text.split('\n').count() as u32;
    for descriptor in descriptors {
        let problem_locs = descriptor.problems.iter().filter_map(|problem| problem.loc);
        let value_locs = descriptor
            .root
            .iter()
            .flat_map(|root| collect_locations(descriptor, root));
        for loc in problem_locs.chain(value_locs) {
            assert!(loc.span.start <= loc.span.end, "{loc:?}");
            assert!(
                (loc.span.end as usize) <= text.len(),
                "{loc:?} past {}",
                text.len()
            );
            assert!(text.is_char_boundary(loc.span.start as usize), "{loc:?}");
            assert!(loc.line >= 1 && loc.line <= line_count, "{loc:?}");
            let line_text = text
                .split('\n')
                .nth(loc.line as usize - 1)
                .unwrap_or_default();
            assert!(
                loc.column >= 1 && loc.column as usize <= line_text.chars().count() + 1,
                "{loc:?} on {line_text:?}"
            );
        }
    }
}

fn collect_locations(
    descriptor: &Descriptor,
    root: &Record,
) -> Vec<clausier_data::descriptor::Loc> {
    fn walk(
        descriptor: &Descriptor,
        value: &Value,
        path: &mut Vec<PathStep>,
        out: &mut Vec<clausier_data::descriptor::Loc>,
    ) {
        if let Some(loc) = descriptor.locations.get(path) {
            out.push(loc);
        }
        match value {
            Value::Record(record) => walk_record(descriptor, record, path, out),
            Value::List(items) => {
                for (index, item) in items.iter().enumerate() {
                    path.push(PathStep::Index(index as u32));
                    walk(descriptor, item, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    fn walk_record(
        descriptor: &Descriptor,
        record: &Record,
        path: &mut Vec<PathStep>,
        out: &mut Vec<clausier_data::descriptor::Loc>,
    ) {
        for (index, field) in record.fields.iter().enumerate() {
            if let Some(value) = field {
                path.push(PathStep::Field(index as u32));
                walk(descriptor, value, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    let mut path = Vec::new();
    if let Some(loc) = descriptor.locations.get(&[]) {
        out.push(loc);
    }
    walk_record(descriptor, root, &mut path, &mut out);
    out
}

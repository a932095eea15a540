//! A `publiccode.yml` read as a solution description: which files are, the mapping of
//! its keys to `solution { … }` with the places of the values, the description's
//! language, the free-software flag from the SPDX licence, keys of the wrong shape
//! located, and keys outside the mapping left out.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_check::value::Value;
use clausier_data::descriptor::{Descriptor, PathStep};
use clausier_data::load::{Format, LoadOptions, load_text};
use clausier_diagnostics::Lang;
use insta::assert_snapshot;
use load_support::{render_with, solution_schema};

const FULL: &str = "\
publiccodeYmlVersion: \"0.4\"
name: ENT Horizon
url: \"https://forge.example.org/horizon/ent.git\"
softwareVersion: \"4.2.0\"
releaseDate: \"2026-09-01\"
platforms: [web, android]
categories:
  - learning-management-system
developmentStatus: stable
softwareType: standalone/web
usedBy: [Collège exemple]
intendedAudience:
  scope: [education]
  countries: [fr]
description:
  en:
    shortDescription: A digital workspace for schools.
    features: [Homework book]
  fr:
    shortDescription: Espace numérique de travail des collèges.
    longDescription: Un texte long que la forme de la solution ne garde pas.
    features:
      - Cahier de textes
      - Espace documentaire
legal:
  license: AGPL-3.0-or-later
  mainCopyrightOwner: GIP Horizon
maintenance:
  type: contract
  contractors:
    - name: Coopérative Libre Éducation
      until: \"2028-08-31\"
      website: https://example.org
localisation:
  localisationReady: true
  availableLanguages: [fr, en]
dependsOn:
  open:
    - name: PostgreSQL
      versionMin: \"15\"
  proprietary:
    - name: Annuaire de l'éditeur
IT:
  piattaforme:
    spid: true
";

fn load(source: &str, text: &str) -> Descriptor {
    let mut descriptors = load_text(
        &solution_schema(),
        source,
        text,
        Format::Yaml,
        &LoadOptions { strict: true },
    );
    assert_eq!(descriptors.len(), 1, "one descriptor expected");
    descriptors.remove(0)
}

fn render(descriptor: &Descriptor) -> String {
    render_with(&solution_schema(), std::slice::from_ref(descriptor))
}

/// The value at a path of field positions in `solution_schema`.
fn value_at<'d>(descriptor: &'d Descriptor, fields: &[u32]) -> Option<&'d Value> {
    let mut value = None;
    let mut record = descriptor.root.as_ref()?;
    for (depth, field) in fields.iter().enumerate() {
        value = record.fields.get(*field as usize)?.as_ref();
        if depth + 1 < fields.len() {
            let Some(Value::Record(inner)) = value else {
                return None;
            };
            record = inner;
        }
    }
    value
}

const SOLUTION: u32 = 1;
const LICENCE: u32 = 8;
const FREE_SOFTWARE: u32 = 1;
const DESCRIPTION: u32 = 12;
const SHORT: u32 = 0;

fn free_software(licence: &str) -> Option<bool> {
    let text = format!("publiccodeYmlVersion: \"0.4\"\nlegal:\n  license: {licence}\n");
    let descriptor = load("publiccode.yml", &text);
    match value_at(&descriptor, &[SOLUTION, LICENCE, FREE_SOFTWARE]) {
        Some(Value::Bool(free)) => Some(*free),
        _ => None,
    }
}

fn short_description(description: &str) -> String {
    let text = format!("publiccodeYmlVersion: \"0.4\"\ndescription:\n{description}");
    let descriptor = load("publiccode.yml", &text);
    match value_at(&descriptor, &[SOLUTION, DESCRIPTION, SHORT]) {
        Some(Value::String(short)) => short.to_string(),
        other => panic!("no short description: {other:?}\n{}", render(&descriptor)),
    }
}

#[test]
fn every_mapped_value_keeps_its_place_in_the_publiccode_yml() {
    let descriptor = load("catalogue/ent-horizon/publiccode.yml", FULL);
    assert!(!descriptor.is_invalid(), "{}", render(&descriptor));
    assert_snapshot!(render(&descriptor));
}

#[test]
fn keys_outside_the_mapping_are_left_out_without_a_word() {
    // `usedBy`, `longDescription`, `website`, `versionMin`, `localisationReady` and the
    // country extension `IT` are not in the mapping: even under `--strict`, nothing is
    // said of them.
    let descriptor = load("publiccode.yml", FULL);
    assert!(descriptor.problems.is_empty(), "{:?}", descriptor.problems);
}

#[test]
fn the_description_is_the_french_one_else_the_english_else_the_first() {
    let french_and_english =
        "  en:\n    shortDescription: In English\n  fr-FR:\n    shortDescription: En français\n";
    assert_eq!(short_description(french_and_english), "En français");
    let english_and_italian =
        "  it:\n    shortDescription: In italiano\n  en:\n    shortDescription: In English\n";
    assert_eq!(short_description(english_and_italian), "In English");
    let italian_and_german =
        "  it:\n    shortDescription: In italiano\n  de:\n    shortDescription: Auf Deutsch\n";
    assert_eq!(short_description(italian_and_german), "In italiano");
}

#[test]
fn free_software_is_a_licence_the_osi_or_the_fsf_approves() {
    assert_eq!(free_software("AGPL-3.0-or-later"), Some(true));
    assert_eq!(free_software("EUPL-1.2"), Some(true));
    assert_eq!(free_software("MIT OR LicenseRef-proprietaire"), Some(true));
    assert_eq!(
        free_software("MIT AND LicenseRef-proprietaire"),
        Some(false)
    );
    assert_eq!(free_software("LicenseRef-proprietaire"), Some(false));
    // Not approved by either: a licence with an SPDX id is not free software for that.
    assert_eq!(free_software("CC-BY-NC-4.0"), Some(false));
}

#[test]
fn a_licence_that_is_no_spdx_expression_is_located() {
    let descriptor = load(
        "publiccode.yml",
        "publiccodeYmlVersion: \"0.4\"\nname: Outil\nlegal:\n  license: Licence maison\n",
    );
    assert!(descriptor.is_invalid());
    assert_snapshot!(render(&descriptor), @r#"
    publiccode (publiccode.yml) invalid
      <root> @1:1
      solution @1:1
      solution.name = "Outil" @2:7
      error D0602 `legal.license` 4:12: expected an SPDX licence expression such as `AGPL-3.0-or-later`, found `Licence maison`
        help: the publiccode.yml standard writes `legal.license` so; the solution is read without this value
    "#);
}

#[test]
fn a_known_key_of_the_wrong_shape_is_located_and_the_rest_is_read() {
    let text = "\
publiccodeYmlVersion: \"0.4\"
name: Outil
platforms: web
categories: office
description: Un outil
maintenance:
  type: contract
  contractors:
    - Prestataire
    - name: Atelier
      until: \"2027-01-31\"
";
    let descriptor = load("outils/outil/publiccode.yml", text);
    assert!(descriptor.is_invalid());
    assert_snapshot!(render(&descriptor));
}

#[test]
fn one_platform_may_be_written_without_a_list() {
    let descriptor = load(
        "publiccode.yml",
        "publiccodeYmlVersion: \"0.4\"\nplatforms: web\n",
    );
    assert!(descriptor.problems.is_empty(), "{}", render(&descriptor));
    assert_eq!(
        value_at(&descriptor, &[SOLUTION, 4]),
        Some(&Value::List(vec![Value::String("web".into())].into()))
    );
}

#[test]
fn the_version_key_makes_any_yaml_file_a_publiccode_yml() {
    let text = "publiccodeYmlVersion: \"0.4\"\nname: Agora\n";
    let descriptor = load("solutions/agora.yaml", text);
    assert_eq!(descriptor.id, "agora");
    assert!(matches!(
        descriptor.root.as_ref().unwrap().fields[1],
        Some(Value::Record(_))
    ));
    assert_eq!(
        descriptor
            .locations
            .get(&[PathStep::Field(1), PathStep::Field(0)])
            .map(|loc| (loc.line, loc.column)),
        Some((2, 7))
    );
}

#[test]
fn a_yaml_descriptor_without_the_version_key_is_read_as_written() {
    let text = "id: grh\nsolution:\n  name: GRH\n  licence: { spdx: MIT, free_software: true }\n";
    let descriptor = load("catalogue/grh.yaml", text);
    assert!(!descriptor.is_invalid(), "{}", render(&descriptor));
    assert_eq!(descriptor.id, "grh");
    assert_eq!(
        value_at(&descriptor, &[SOLUTION, LICENCE, FREE_SOFTWARE]),
        Some(&Value::Bool(true))
    );
    // Without the version key nor the file name, nothing is mapped: a publiccode.yml
    // key at the top is a key the pack does not declare, as in any descriptor.
    let with_name = load("catalogue/grh.yaml", "id: grh\nname: GRH\n");
    assert_eq!(
        with_name.problems[0].message.text(Lang::En),
        "field `name` is not declared by the pack"
    );
}

/// descriptor { solution: { licence: { free_software: bool } } }
fn licence_only_schema() -> clausier_check::types::Schema {
    use clausier_check::types::{FieldDef, Origin, RecordDef, RecordId, Schema, Ty};
    let record = |name: Option<&str>, field: &str, ty: Ty| RecordDef {
        name: name.map(str::to_owned),
        fields: [(
            field.to_owned(),
            FieldDef {
                ty,
                docs: String::new(),
                origin: Origin::default(),
                declared_bounds: Default::default(),
            },
        )]
        .into_iter()
        .collect(),
    };
    Schema {
        enums: Vec::new(),
        records: vec![
            record(Some("descriptor"), "solution", Ty::Record(RecordId(1))),
            record(None, "licence", Ty::Record(RecordId(2))),
            record(None, "free_software", Ty::Bool),
        ],
        descriptor: RecordId(0),
        aliases: Default::default(),
        lots: Vec::new(),
    }
}

#[test]
fn a_pack_that_declares_part_of_the_shape_reads_it_without_warnings() {
    let strict = LoadOptions { strict: true };
    let descriptors = load_text(
        &licence_only_schema(),
        "catalogue/ent-horizon/publiccode.yml",
        FULL,
        Format::Yaml,
        &strict,
    );
    let descriptor = &descriptors[0];
    assert!(descriptor.problems.is_empty(), "{:?}", descriptor.problems);
    let root = descriptor.root.as_ref().unwrap();
    let Some(Value::Record(solution)) = &root.fields[0] else {
        panic!("no solution: {root:?}");
    };
    let Some(Value::Record(licence)) = &solution.fields[0] else {
        panic!("no licence: {solution:?}");
    };
    assert_eq!(licence.fields[0], Some(Value::Bool(true)));
    // A pack that declares no `solution` at all is told so, not given an empty offer.
    let without = load_text(
        &load_support::schema(),
        "publiccode.yml",
        FULL,
        Format::Yaml,
        &LoadOptions::default(),
    );
    let codes: Vec<&str> = without[0]
        .problems
        .iter()
        .map(|problem| problem.code.as_str())
        .collect();
    assert_eq!(codes, ["D0604"]);
}

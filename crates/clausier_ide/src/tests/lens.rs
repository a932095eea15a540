//! The check lens, compared with the JSON report of `clausier check` on the same files
//! and date, and the diagnostics of descriptor files.

use clausier_diagnostics::Lang;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use clausier_data::load::{self, Format, LoadOptions};
use clausier_diagnostics::Code;
use clausier_eval::{RunOptions, compile, run};
use jiff::civil::Date;
use serde_json::Value;

use super::workspace::{open, repository};
use crate::{Analysis, DescriptorInput, FileId, LensCounts};

const DATE: Date = jiff::civil::date(2026, 11, 28);

/// The example descriptors, named as `clausier check rules/edtech-fr examples/edtech-fr`
/// names them.
fn examples() -> Vec<DescriptorInput> {
    inputs_in("examples/edtech-fr")
}

/// The descriptor files of a folder of the repository, in path order.
fn inputs_in(relative: &str) -> Vec<DescriptorInput> {
    let folder = repository().join(relative);
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| Format::from_path(Path::new(name)).is_some())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| DescriptorInput {
            path: folder.join(&name),
            text: fs::read_to_string(folder.join(&name)).unwrap(),
            source: format!("{relative}/{name}"),
            unread: None,
        })
        .collect()
}

/// The JSON report `clausier check --format json` prints for the pack and inputs.
fn json_report(pack: &Path, inputs: &[DescriptorInput]) -> Value {
    let loaded = clausier_pack::load_pack(pack).unwrap();
    assert!(!loaded.has_errors());
    let schema = &loaded.checked.pack.schema;
    let descriptors: Vec<_> = inputs
        .iter()
        .flat_map(|input| {
            let format = Format::from_path(&input.path).unwrap();
            load::load_text(
                schema,
                &input.source,
                &input.text,
                format,
                &LoadOptions::default(),
            )
        })
        .collect();
    let program = compile(loaded.checked.valid().expect("the pack compiles"));
    let options = RunOptions::new(DATE, 4);
    let report = run(&program, loaded.info.clone(), &descriptors, &options);
    serde_json::from_str(&clausier_report::check::render_json(&report).unwrap()).unwrap()
}

/// Per requirement, in the order of the report, how many descriptors have each status.
fn counts_in_report(report: &Value) -> Vec<(String, LensCounts)> {
    let mut order: Vec<String> = Vec::new();
    let mut counts: BTreeMap<String, LensCounts> = BTreeMap::new();
    for descriptor in report["descriptors"].as_array().unwrap() {
        for result in descriptor["results"].as_array().unwrap() {
            if result["kind"] != "requirement" {
                continue;
            }
            let clause = result["clause"].as_str().unwrap().to_owned();
            if !order.contains(&clause) {
                order.push(clause.clone());
            }
            let entry = counts.entry(clause).or_default();
            match result["status"].as_str().unwrap() {
                "pass" => entry.pass += 1,
                "fail" => entry.fail += 1,
                "missing" => entry.missing += 1,
                "not_applicable" => entry.not_applicable += 1,
                other => panic!("unknown status {other}"),
            }
        }
    }
    order
        .into_iter()
        .map(|clause| {
            let found = counts[&clause];
            (clause, found)
        })
        .collect()
}

#[test]
fn the_lens_counts_what_the_json_report_counts() {
    lens_counts_as_the_report(&repository().join("rules/edtech-fr"));
}

#[test]
fn the_lens_of_a_composed_pack_counts_what_its_report_counts() {
    lens_counts_as_the_report(&repository().join("rules/region-exemple"));
}

fn lens_counts_as_the_report(pack: &Path) {
    let inputs = examples();
    let report = json_report(pack, &inputs);
    let analysis = open(pack);
    let lens = analysis.check_descriptors(&inputs, DATE);
    assert_eq!(lens.reason, None);

    let descriptors = report["descriptors"].as_array().unwrap();
    assert_eq!(lens.descriptors, descriptors.len());
    let invalid = descriptors
        .iter()
        .filter(|d| d["status"] == "invalid")
        .count();
    assert_eq!(lens.invalid.len(), invalid);
    assert_eq!(report["summary"]["invalid"].as_u64(), Some(invalid as u64));

    let expected = counts_in_report(&report);
    let found: Vec<(String, LensCounts)> = lens
        .requirements
        .iter()
        .map(|r| (r.id.clone(), r.counts()))
        .collect();
    assert_eq!(found, expected);
    assert!(expected.iter().any(|(_, c)| c.fail > 0));
    assert!(expected.iter().any(|(_, c)| c.missing > 0));
    let valid = descriptors.len() - invalid;
    for (_, c) in &expected {
        assert_eq!(c.pass + c.fail + c.missing + c.not_applicable, valid);
    }
}

#[test]
fn the_lens_of_a_pack_with_lots_counts_each_offer_once_and_its_entry_on_each_lot() {
    let case = "tests/conformance/scoring-lots";
    let inputs = inputs_in(&format!("{case}/descriptors"));
    let pack = repository().join(case).join("pack");
    let report = json_report(&pack, &inputs);
    let lens = open(&pack).check_descriptors(&inputs, DATE);
    assert_eq!(lens.reason, None);
    // `mixte-d` bids for both lots: one descriptor, two entries of the report.
    assert_eq!(lens.descriptors, inputs.len());
    assert_eq!(
        report["descriptors"].as_array().unwrap().len(),
        inputs.len() + 1
    );
    let found: Vec<(String, LensCounts)> = lens
        .requirements
        .iter()
        .map(|r| (r.id.clone(), r.counts()))
        .collect();
    assert_eq!(found, counts_in_report(&report));
}

#[test]
fn each_requirement_is_placed_on_its_id_and_failures_say_why() {
    let pack = repository().join("rules/edtech-fr");
    let analysis = open(&pack);
    let lens = analysis.check_descriptors(&examples(), DATE);
    assert_eq!(
        lens.requirements.len(),
        analysis.checked().pack.requirements.len()
    );
    for requirement in &lens.requirements {
        let text = analysis.file_text(requirement.file).unwrap();
        assert_eq!(crate::slice(text, requirement.span), requirement.id);
        assert!(crate::slice(text, requirement.clause_span).starts_with("requirement"));
        for failure in &requirement.fail {
            // Said in words, as the reports say it; never the rule's expression alone.
            let summary = failure.summary(Lang::En);
            assert!(!summary.is_empty(), "{}", requirement.id);
            assert!(failure.descriptor.path.is_file());
        }
    }
    let failure = lens
        .requirements
        .iter()
        .flat_map(|r| &r.fail)
        .find(|f| f.descriptor.source.ends_with(".json"))
        .unwrap();
    assert!(
        failure.summary(Lang::En).contains("(line "),
        "{}",
        failure.summary(Lang::En)
    );
    // An editor in French reads the same place in French words.
    let french = failure.summary(Lang::Fr);
    assert!(french.contains("(ligne "), "{french}");
    assert!(french.contains(", colonne "), "{french}");
    // A field compared with a value reads as the reports word it: what the vendor
    // declared, then what the requirement expects.
    let hosting = lens
        .requirements
        .iter()
        .find(|r| r.id == "HEB-01")
        .and_then(|r| r.fail.first())
        .expect("an example offer fails HEB-01");
    let french = hosting.summary(Lang::Fr);
    assert!(
        french.starts_with("`hosting.region` vaut ") && french.contains("l'exigence attend"),
        "{french}"
    );
    assert!(!french.contains(" in ["), "{french}");
}

#[test]
fn a_pack_with_errors_gives_an_empty_lens_with_a_reason() {
    let analysis = Analysis::new(
        "broken",
        vec![(
            FileId(0),
            "descriptor { id: string }\nrequirement A \"a\" { require idd == \"x\" }\n".to_owned(),
        )],
    );
    let lens = analysis.check_descriptors(&examples(), DATE);
    let reason = lens.reason.as_ref().unwrap();
    assert_eq!(
        reason.text(Lang::En),
        "the pack does not compile: fix its errors to check the descriptors"
    );
    assert_eq!(
        reason.text(Lang::Fr),
        "le jeu de clauses ne compile pas : corrigez ses erreurs pour vérifier les descripteurs"
    );
    assert!(lens.requirements.is_empty());
}

fn input(name: &str, text: &str) -> DescriptorInput {
    DescriptorInput {
        path: Path::new("/offers").join(name),
        source: format!("offers/{name}"),
        text: text.to_owned(),
        unread: None,
    }
}

#[test]
fn a_wrong_type_and_an_unknown_variant_are_located_in_the_descriptor() {
    let analysis = open(&repository().join("rules/edtech-fr"));
    let text = "{\n  \"id\": \"x\",\n  \"hosting\": { \"region\": \"EUU\" },\n  \"pricing\": { \"per_student\": true }\n}\n";
    let file = FileId(7);
    let diagnostics = analysis.descriptor_diagnostics(&input("x.json", text), file);
    let variant = diagnostics
        .iter()
        .find(|d| d.code == Code::DESCRIPTOR_VARIANT)
        .unwrap();
    let label = variant.primary_label().unwrap();
    assert_eq!(label.file, file);
    assert!(crate::slice(text, label.span).contains("EUU"));
    assert_eq!(label.message.text(Lang::En), "at `hosting.region`");
    assert!(
        variant
            .help
            .as_ref()
            .map(|help| help.text(Lang::En))
            .unwrap_or_default()
            .contains("EU"),
        "{variant:?}"
    );
    let wrong_type = diagnostics
        .iter()
        .find(|d| d.code == Code::DESCRIPTOR_TYPE)
        .unwrap();
    let label = wrong_type.primary_label().unwrap();
    assert_eq!(crate::slice(text, label.span), "true");
    assert_eq!(label.message.text(Lang::En), "at `pricing.per_student`");
}

#[test]
fn a_syntax_error_is_located_in_yaml_too() {
    let analysis = open(&repository().join("rules/edtech-fr"));
    let text = "id: x\nhosting:\n  region: [EU\n";
    let diagnostics = analysis.descriptor_diagnostics(&input("x.yaml", text), FileId(0));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0].code, Code::DESCRIPTOR_SYNTAX);
    assert!(diagnostics[0].primary_label().unwrap().span.start > 0);
    assert!(
        analysis
            .descriptor_diagnostics(&input("notes.md", text), FileId(0))
            .is_empty()
    );
}

#[test]
fn the_lens_of_a_region_places_used_requirements_in_their_pack() {
    let analysis = open(&repository().join("rules/region-exemple"));
    let lens = analysis.check_descriptors(&examples(), DATE);
    assert_eq!(lens.reason, None);
    let used = lens.requirements.iter().find(|r| r.id == "HEB-01").unwrap();
    assert_eq!(used.pack, "edtech-fr");
    assert!(analysis.is_dependency_file(used.file));
    assert!(
        lens.requirements
            .iter()
            .any(|r| r.pack == "region-exemple" && !analysis.is_dependency_file(r.file))
    );
}

/// The declared descriptors, read from disk as the language server reads them.
fn declared(analysis_root: &Path) -> (Analysis, Vec<DescriptorInput>) {
    let sources = clausier_pack::read_workspace(analysis_root, &|_| None).unwrap();
    let root = sources.root_pack().unwrap();
    let manifest = root
        .manifest
        .as_ref()
        .map(|m| m.manifest.clone())
        .unwrap_or_default();
    let inputs: Vec<DescriptorInput> = clausier_pack::descriptor_files(&root.dir, &manifest)
        .into_iter()
        .map(|path| DescriptorInput {
            source: path.display().to_string(),
            text: fs::read_to_string(&path).unwrap(),
            path,
            unread: None,
        })
        .collect();
    let analysis = Analysis::from_workspace(sources);
    let paths: Vec<_> = inputs
        .iter()
        .map(|i: &DescriptorInput| i.path.clone())
        .collect();
    assert_eq!(analysis.declared_descriptors(), paths);
    (analysis, inputs)
}

#[test]
fn the_descriptors_a_manifest_declares_are_checked() {
    let dir = super::workspace::rules_copy();
    let offers = dir.path().join("examples");
    fs::create_dir_all(&offers).unwrap();
    for entry in fs::read_dir(repository().join("examples/edtech-fr")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), offers.join(entry.file_name())).unwrap();
    }
    let pack = dir.path().join("rules/edtech-fr");
    let mut manifest = fs::read_to_string(pack.join("pack.toml")).unwrap();
    manifest.push_str("\n[workspace]\ndescriptors = [\"../../examples/*.json\"]\n");
    fs::write(pack.join("pack.toml"), manifest).unwrap();

    let (analysis, inputs) = declared(&pack);
    let json = examples()
        .iter()
        .filter(|input| input.source.ends_with(".json"))
        .count();
    assert_eq!(inputs.len(), json);
    let lens = analysis.check_descriptors(&inputs, DATE);
    assert_eq!(lens.reason, None);
    assert_eq!(lens.descriptors, json);

    let region = dir.path().join("rules/region-exemple");
    let folder = region.join("descriptors/2027");
    fs::create_dir_all(&folder).unwrap();
    for name in ["eveil-numerique.json", "boussole-lecture.toml"] {
        fs::copy(offers.join(name), folder.join(name)).unwrap();
    }
    fs::write(folder.join("notes.md"), "not a descriptor").unwrap();
    let (analysis, inputs) = declared(&region);
    let names: Vec<String> = inputs
        .iter()
        .map(|input| {
            input
                .path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["boussole-lecture.toml", "eveil-numerique.json"]);
    assert_eq!(analysis.check_descriptors(&inputs, DATE).descriptors, 2);
}

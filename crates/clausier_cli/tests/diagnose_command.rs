//! `clausier diagnose` as a user runs it: its usage errors and exit statuses, the format
//! its `--output` file gets, lines with data errors listed rather than dropped, and the
//! catalogue read with or without a pack to check it against.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary and read its output; a test that cannot must fail loudly"
)]

mod support;

use std::fs;

use support::clausier;

const PACK: &str = "rules/autodiagnostic";
const INVENTORY: &str = "examples/autodiagnostic";

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn a_diagnosis_exits_with_0_and_says_what_it_read() {
    let output = clausier(&["diagnose", PACK, INVENTORY, "--date", "2026-12-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "Diagnostic de l'inventaire selon le pack autodiagnostic 1.0.0, au 1er décembre 2026\n\
             46 lignes de l'inventaire, 46 retenues, aucune laissée de côté\n"
        ),
        "{text}"
    );
}

#[test]
fn the_summary_speaks_english_when_asked() {
    let output = clausier(&[
        "diagnose",
        PACK,
        INVENTORY,
        "--date",
        "2026-12-01",
        "--lang",
        "en",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with(
            "Diagnosis of the inventory by the pack autodiagnostic 1.0.0, on 1 December 2026\n"
        ),
        "{}",
        stdout(&output)
    );
}

#[test]
fn lines_with_data_errors_are_listed_with_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let inventory = dir.path().join("inventaire.csv");
    fs::write(
        &inventory,
        "id,name,category,annual_spend,supplier.name,supplier.jurisdiction,supplier.country,\
         hosting.location,hosting.country,criticality,data_sensitivity,contract_end,\
         export_formats,lock_in,users\n\
         messagerie,Messagerie,APPLICATIONS_METIERS,1000,Éditeur,UE,FR,UE,FR,VITALE,INTERNES,\
         2027-12-31,CSV,[],10\n\
         visio,Visio,VISIOCONFERENCE,1000,Éditeur,UE,FR,UE,FR,VITALE,INTERNES,\
         2027-12-31,CSV,[],10\n",
    )
    .unwrap();
    let output = clausier(&[
        "diagnose",
        PACK,
        inventory.to_str().unwrap(),
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("2 lignes de l'inventaire, 1 retenue, 1 laissée de côté"),
        "{text}"
    );
    let left_out = text.split("Lignes laissées de côté\n").nth(1).unwrap();
    assert!(left_out.contains("visio ("), "{left_out}");
    assert!(left_out.contains("`category`"), "{left_out}");
    assert!(left_out.contains("(ligne 3, colonne "), "{left_out}");
}

#[test]
fn the_output_file_gets_the_format_of_its_extension_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    for (name, start) in [
        ("diagnostic.html", "<!DOCTYPE html>\n<html lang=\"fr\">"),
        ("diagnostic.json", "{\n  \"clausier\""),
        ("diagnostic.md", "# Diagnostic de l'inventaire"),
        ("diagnostic.txt", "Diagnostic de l'inventaire"),
    ] {
        let file = dir.path().join(name);
        let output = clausier(&[
            "diagnose",
            PACK,
            INVENTORY,
            "--date",
            "2026-12-01",
            "--output",
            file.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(stdout(&output), "");
        let written = fs::read_to_string(&file).unwrap();
        assert!(written.starts_with(start), "{name}: {written}");
    }
    // `--format` wins over the extension.
    let file = dir.path().join("diagnostic.html");
    let output = clausier(&[
        "diagnose",
        PACK,
        INVENTORY,
        "--format",
        "json",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(json["entries"], 46);
    assert_eq!(json["left_out"], serde_json::json!([]));
}

#[test]
fn against_without_a_catalogue_is_a_usage_error() {
    let output = clausier(&[
        "diagnose",
        PACK,
        INVENTORY,
        "--against",
        "rules/catalogue-reversibilite",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--catalogue <DIR>"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "");
}

#[test]
fn a_pack_that_does_not_compile_exits_with_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("cassé.clause");
    fs::write(&pack, "descriptor { name: strin }\n").unwrap();
    let output_file = dir.path().join("diagnostic.html");
    let output = clausier(&[
        "diagnose",
        pack.to_str().unwrap(),
        INVENTORY,
        "--output",
        output_file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!output_file.exists());
    // So does a pack to check the catalogue against.
    let output = clausier(&[
        "diagnose",
        PACK,
        INVENTORY,
        "--catalogue",
        "examples/catalogue",
        "--against",
        pack.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn an_inventory_without_a_line_exits_with_2_and_a_file_that_cannot_be_read_is_left_out_with_1() {
    let dir = tempfile::tempdir().unwrap();
    let output = clausier(&["diagnose", PACK, dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    // A file that cannot be read is listed, as `check` lists it, and the status says the
    // totals are incomplete: they must not read as if it were not in the inventory.
    let missing = dir.path().join("absent.csv");
    let output = clausier(&["diagnose", PACK, INVENTORY, missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("47 lignes de l'inventaire, 46 retenues, 1 laissée de côté"),
        "{text}"
    );
    assert!(text.contains("absent.csv"), "{text}");
}

#[test]
fn the_catalogue_is_read_with_or_without_a_pack_to_check_it_against() {
    for against in [None, Some("rules/catalogue-reversibilite")] {
        let mut args = vec![
            "diagnose",
            PACK,
            INVENTORY,
            "--catalogue",
            "examples/catalogue",
            "--format",
            "json",
        ];
        args.extend(against.iter().flat_map(|pack| ["--against", *pack]));
        let output = clausier(&args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(json["entries"], 46);
    }
    // A catalogue folder without a description is refused, as an inventory would be.
    let dir = tempfile::tempdir().unwrap();
    let output = clausier(&[
        "diagnose",
        PACK,
        INVENTORY,
        "--catalogue",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn the_help_teaches_with_an_example() {
    let output = clausier(&["diagnose", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    assert!(
        help.contains("clausier diagnose rules/autodiagnostic examples/autodiagnostic"),
        "{help}"
    );
    assert!(help.contains("--against <PACK>"), "{help}");
}

//! `check` over NDJSON with `--format json` or `ndjson` is read and written as it goes;
//! these tests hold its reports to the bytes of the whole-report renderers over the same
//! input loaded at once, whatever `--jobs`, from files or standard input, with the lines
//! real files have: blank ones, broken ones, CRLF, no final line break, not UTF-8.

#![expect(
    clippy::unwrap_used,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

use std::fmt::Write as _;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use clausier_data::load::{self, Format, LoadOptions};
use clausier_eval::{RunOptions, compile, run};
use clausier_report::check::{render_json, render_ndjson};

const DATE: &str = "2026-11-28";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn clausier(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
        .current_dir(workspace_root())
        .env_remove("CI")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    // The binary may not read standard input at all.
    let _ = pipe.write_all(stdin.unwrap_or_default());
    drop(pipe);
    child.wait_with_output().unwrap()
}

/// The report of the whole-report path: every descriptor loaded at once, then rendered.
fn whole_report(pack: &Path, inputs: &[(&str, &str)], format: &str) -> String {
    let loaded = clausier_pack::load_pack(pack).unwrap();
    let Some(valid) = loaded.checked.valid() else {
        unreachable!("the shipped pack compiles: {:?}", loaded.diagnostics());
    };
    let program = compile(valid);
    let descriptors: Vec<_> = inputs
        .iter()
        .flat_map(|(source, text)| {
            load::load_text(
                &loaded.checked.pack.schema,
                source,
                text,
                Format::Ndjson,
                &LoadOptions::default(),
            )
        })
        .collect();
    let options = RunOptions::new(DATE.parse().unwrap(), 1);
    let report = run(&program, loaded.info.clone(), &descriptors, &options);
    match format {
        "json" => render_json(&report).unwrap(),
        _ => render_ndjson(&report).unwrap(),
    }
}

/// The examples of a folder as NDJSON: each JSON file as a line, each NDJSON file's
/// lines, then the lines files get wrong, mixed in.
fn examples_as_ndjson(folder: &str) -> String {
    let mut entries: Vec<PathBuf> = fs::read_dir(workspace_root().join(folder))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    let mut lines = Vec::new();
    for path in entries {
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => {
                let value: serde_json::Value =
                    serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
                lines.push(value.to_string());
            }
            Some("ndjson") => lines.extend(
                fs::read_to_string(&path)
                    .unwrap()
                    .lines()
                    .map(str::to_owned),
            ),
            _ => {}
        }
    }
    assert!(lines.len() > 4, "too few examples in {folder}");
    let mut text = String::new();
    for (index, line) in lines.iter().enumerate() {
        match index % 5 {
            // A broken line and blank ones between descriptors.
            1 => {
                let _ = write!(text, "{line}\n{{\"id\": \"cassé\", \"hosting\": \n\n   \n");
            }
            // Windows line breaks.
            2 => {
                let _ = write!(text, "{line}\r\n");
            }
            _ => {
                let _ = writeln!(text, "{line}");
            }
        }
    }
    // The last line without its line break.
    text.pop();
    text
}

/// A pack without criteria: its results are final as soon as they are evaluated.
fn pack_without_criteria(dir: &Path) -> PathBuf {
    let path = dir.join("sans-criteres.clause");
    fs::write(
        &path,
        "enum Region { EU, EEA, ADEQUATE, OTHER }\n\n\
         descriptor {\n  id: string\n  hosting: { region: Region }\n  pricing: { per_student: money }\n}\n\n\
         requirement HEB-01 \"Hébergement dans l'Union européenne\" {\n  require hosting.region == EU\n}\n\n\
         requirement PRX-01 \"Prix plafond\" {\n  require pricing.per_student <= 6.00 €\n}\n",
    )
    .unwrap();
    path
}

/// Each streamed report equals the whole report, from a file and from standard input,
/// with one thread and with four.
fn assert_streamed_equals_whole(pack: &Path, text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("offres.ndjson");
    fs::write(&file, text).unwrap();
    let file_source = file.to_str().unwrap();
    let pack_arg = pack.to_str().unwrap();
    for format in ["json", "ndjson"] {
        let from_file = whole_report(pack, &[(file_source, text)], format);
        let from_stdin = whole_report(pack, &[("<stdin>", text)], format);
        for jobs in ["1", "4"] {
            let common = ["--date", DATE, "--format", format, "--jobs", jobs];
            let mut args = vec!["check", pack_arg, file_source];
            args.extend(common);
            let output = clausier(&args, None);
            assert_eq!(
                String::from_utf8_lossy(&output.stdout),
                from_file,
                "{pack_arg}, {format}, --jobs {jobs}, from a file"
            );
            assert!(
                output.stderr.is_empty(),
                "{:?}",
                String::from_utf8_lossy(&output.stderr)
            );
            let mut args = vec!["check", pack_arg, "-"];
            args.extend(common);
            let output = clausier(&args, Some(text.as_bytes()));
            assert_eq!(
                String::from_utf8_lossy(&output.stdout),
                from_stdin,
                "{pack_arg}, {format}, --jobs {jobs}, from standard input"
            );
        }
    }
}

#[test]
fn a_pack_with_aggregates_gives_the_whole_reports_bytes() {
    let root = workspace_root();
    assert_streamed_equals_whole(
        &root.join("rules/edtech-fr"),
        &examples_as_ndjson("examples/edtech-fr"),
    );
}

#[test]
fn a_composed_pack_gives_the_whole_reports_bytes() {
    let root = workspace_root();
    assert_streamed_equals_whole(
        &root.join("rules/region-exemple"),
        &examples_as_ndjson("examples/region-exemple"),
    );
}

#[test]
fn a_pack_with_criteria_but_no_aggregate_gives_the_whole_reports_bytes() {
    let root = workspace_root();
    assert_streamed_equals_whole(
        &root.join("rules/souverainete"),
        &examples_as_ndjson("examples/region-exemple"),
    );
}

/// A pack divided into two lots, each with its own criteria: with `lowest` (three
/// passes) or without any aggregate (two).
fn pack_with_lots(dir: &Path, aggregates: bool) -> PathBuf {
    let pack = dir.join(if aggregates { "lots-agregats" } else { "lots" });
    fs::create_dir_all(&pack).unwrap();
    fs::write(
        pack.join("pack.toml"),
        "[pack]\nname = \"lots\"\nversion = \"1.0.0\"\n\n[document]\nlots = [\n  \
         { id = \"1\", title = \"ENT\" },\n  { id = \"2\", title = \"Ressources\" },\n]\n",
    )
    .unwrap();
    let price = if aggregates {
        "lowest(prix) / prix"
    } else {
        "if prix <= 5.00 € then 1 else 0.5"
    };
    fs::write(
        pack.join("lots.clause"),
        format!(
            "descriptor {{\n  id: string\n  hebergement_ue: bool\n  prix: money\n  sso: bool\n  \
             titres: int\n  env: {{ rgesn: int, engagement: bool }}\n}}\n\n\
             requirement HEB-01 \"Hébergement dans l'UE\" {{\n  require hebergement_ue\n}}\n\n\
             requirement ENV-01 \"Sobriété numérique\" {{\n  level execution\n  require env.engagement\n}}\n\n\
             requirement SSO-01 \"Authentification unique\" {{\n  level should\n  lots \"1\"\n  require sso\n}}\n\n\
             requirement CAT-01 \"Catalogue\" {{\n  lots \"2\"\n  require titres >= 10\n}}\n\n\
             criterion PRIX \"Prix\" weight 60 {{\n  score {price}\n}}\n\n\
             criterion ENV \"Écoconception\" weight 10 {{\n  score env.rgesn / 30\n}}\n\n\
             criterion SSO \"Authentification unique\" weight 30 {{\n  lots \"1\"\n  \
             score if passed(SSO-01) then 1 else 0\n}}\n\n\
             criterion CAT \"Catalogue\" weight 30 {{\n  lots \"2\"\n  score titres / 1000\n}}\n"
        ),
    )
    .unwrap();
    pack
}

/// Offers on one lot, on both, on none, on a lot the pack does not declare, with ties
/// and broken lines, enough for several chunks.
fn offers_on_lots() -> String {
    let mut text = String::new();
    for index in 0..3000 {
        let lots = match index % 7 {
            0 => "[\"1\", \"2\"]",
            1 | 2 => "\"1\"",
            3 | 4 => "[\"2\"]",
            5 if index % 2 == 0 => "[]",
            5 => "[\"3\"]",
            _ => "[\"2\", \"1\"]",
        };
        let price = 3 + index % 5;
        let _ = writeln!(
            text,
            "{{\"id\": \"offre-{index}\", \"lots\": {lots}, \"hebergement_ue\": {}, \"prix\": {price}, \
             \"sso\": {}, \"titres\": {}, \"env\": {{\"rgesn\": {}, \"engagement\": {}}}}}",
            index % 11 != 0,
            index % 3 == 0,
            index % 40,
            index % 31,
            index % 13 != 0,
        );
        if index % 500 == 0 {
            text.push_str("{\"id\": \"cassé\", \"lots\": \n\n");
        }
    }
    text
}

#[test]
fn a_pack_divided_into_lots_gives_the_whole_reports_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let offers = offers_on_lots();
    for aggregates in [true, false] {
        assert_streamed_equals_whole(&pack_with_lots(dir.path(), aggregates), &offers);
    }
}

#[test]
fn a_pack_without_criteria_gives_the_whole_reports_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack_without_criteria(dir.path());
    assert_streamed_equals_whole(&pack, &examples_as_ndjson("examples/edtech-fr"));
}

/// Offers beyond one chunk (1,024 descriptors at most jobs): ranks and the lowest price
/// are the run's, not a chunk's.
#[test]
fn ranks_and_aggregates_span_every_chunk() {
    let base = examples_as_ndjson("examples/edtech-fr");
    let offers: Vec<&str> = base.lines().filter(|l| l.contains("\"id\"")).collect();
    let mut text = String::new();
    for index in 0..1100_u32 {
        let offer = offers[index as usize % offers.len()];
        // Vary the price so that the lowest one sits in the last chunk.
        let cents = 99 - (index * 7) % 97;
        let price = format!("\"per_student\":{}.{cents:02}", 3 + index % 5);
        let varied = offer.replacen("\"per_student\":", &format!("{price},\"was\":"), 1);
        let _ = writeln!(text, "{varied}");
    }
    let _ = writeln!(
        text,
        "{}",
        offers[0].replacen("\"per_student\":", "\"per_student\":0.5,\"was\":", 1)
    );
    let pack = workspace_root().join("rules/edtech-fr");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("offres.ndjson");
    fs::write(&file, &text).unwrap();
    let whole = whole_report(&pack, &[(file.to_str().unwrap(), &text)], "ndjson");
    for jobs in ["1", "2"] {
        let output = clausier(
            &[
                "check",
                pack.to_str().unwrap(),
                file.to_str().unwrap(),
                "--date",
                DATE,
                "--format",
                "ndjson",
                "--jobs",
                jobs,
            ],
            None,
        );
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            whole,
            "--jobs {jobs}"
        );
    }
}

#[test]
fn several_inputs_keep_their_order_and_a_missing_one_is_invalid() {
    let root = workspace_root();
    let pack = root.join("rules/edtech-fr");
    let dir = tempfile::tempdir().unwrap();
    let text = examples_as_ndjson("examples/edtech-fr");
    let cut = text[..text.len() / 2].rfind('\n').unwrap() + 1;
    let (first, second) = text.split_at(cut);
    let a = dir.path().join("a.ndjson");
    let b = dir.path().join("b.jsonl");
    fs::write(&a, first).unwrap();
    fs::write(&b, second).unwrap();
    let missing = dir.path().join("absent.ndjson");
    let args = [
        "check",
        pack.to_str().unwrap(),
        a.to_str().unwrap(),
        "-",
        missing.to_str().unwrap(),
        b.to_str().unwrap(),
        "--date",
        DATE,
        "--format",
        "json",
    ];
    let streamed = clausier(&args, Some(first.as_bytes()));
    assert_eq!(streamed.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&streamed.stdout).unwrap();
    let sources: Vec<&str> = report["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source"].as_str().unwrap())
        .collect();
    let count = |source: &str| sources.iter().filter(|s| **s == source).count();
    let a_count = count(a.to_str().unwrap());
    assert!(a_count > 0);
    assert_eq!(count("<stdin>"), a_count);
    assert_eq!(count(missing.to_str().unwrap()), 1);
    assert!(count(b.to_str().unwrap()) > 0);
    let position = |source: &str| sources.iter().position(|s| *s == source).unwrap();
    assert!(position("<stdin>") > position(a.to_str().unwrap()));
    assert!(position(missing.to_str().unwrap()) > position("<stdin>"));
    assert!(position(b.to_str().unwrap()) > position(missing.to_str().unwrap()));
    assert_eq!(
        report["summary"]["total"].as_u64().unwrap() as usize,
        sources.len()
    );
}

#[test]
fn a_line_that_is_not_utf8_is_one_invalid_descriptor() {
    let pack = workspace_root().join("rules/edtech-fr");
    let mut bytes = examples_as_ndjson("examples/edtech-fr").into_bytes();
    bytes.extend_from_slice(
        b"\n{\"id\": \"latin-1\", \"name\": \"Biblioth\xe8que\"}\n{\"id\": \"after\"}\n",
    );
    let pack_arg = pack.to_str().unwrap();
    let json = clausier(
        &["check", pack_arg, "-", "--date", DATE, "--format", "json"],
        Some(&bytes),
    );
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let descriptors = report["descriptors"].as_array().unwrap();
    let broken = &descriptors[descriptors.len() - 2];
    assert_eq!(broken["status"], "invalid");
    assert_eq!(broken["errors"][0]["column"], 36);
    assert!(
        broken["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("UTF-8")
    );
    assert_eq!(descriptors[descriptors.len() - 1]["id"], "after");
    // The whole-report formats read the same lines the same way.
    let csv = clausier(
        &["check", pack_arg, "-", "--date", DATE, "--format", "csv"],
        Some(&bytes),
    );
    let rows = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(rows.lines().count(), descriptors.len() + 1);
    assert!(rows.contains(&format!(
        "{},<stdin>,invalid",
        broken["id"].as_str().unwrap()
    )));
    let jobs = clausier(
        &[
            "check", pack_arg, "-", "--date", DATE, "--format", "json", "--jobs", "3",
        ],
        Some(&bytes),
    );
    assert_eq!(jobs.stdout, json.stdout);
}

#[test]
fn the_output_file_is_replaced_once_complete() {
    let pack = workspace_root().join("rules/edtech-fr");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("offres.ndjson");
    fs::write(&input, examples_as_ndjson("examples/edtech-fr")).unwrap();
    let report = dir.path().join("rapport.ndjson");
    fs::write(&report, "previous").unwrap();
    let args = |output: Option<&Path>| {
        let mut args = vec![
            "check".to_owned(),
            pack.display().to_string(),
            input.display().to_string(),
            "--date".to_owned(),
            DATE.to_owned(),
            "--format".to_owned(),
            "ndjson".to_owned(),
        ];
        if let Some(output) = output {
            args.extend(["--output".to_owned(), output.display().to_string()]);
        }
        args
    };
    let written = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args(Some(&report)))
        .output()
        .unwrap();
    assert_eq!(written.status.code(), Some(1));
    assert!(written.stdout.is_empty());
    let printed = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args(None))
        .output()
        .unwrap();
    assert_eq!(fs::read(&report).unwrap(), printed.stdout);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "a temporary file is left: {names:?}");

    let nowhere = dir.path().join("absent/rapport.ndjson");
    let failed = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args(Some(&nowhere)))
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("impossible d'écrire"));
}

#[test]
fn quiet_silences_the_packs_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("avertissement.clause");
    // An unused parameter is a warning, not an error.
    fs::write(
        &pack,
        "descriptor {\n  id: string\n  price: money\n}\n\nparam unused: money = 3.00 €\n\n\
         requirement PRX-01 \"Prix\" {\n  require price <= 6.00 €\n}\n",
    )
    .unwrap();
    let pack_arg = pack.to_str().unwrap();
    let input = b"{\"id\": \"a\", \"price\": 5}\n";
    let loud = clausier(
        &["check", pack_arg, "-", "--date", DATE, "--format", "ndjson"],
        Some(input),
    );
    let quiet = clausier(
        &[
            "check", pack_arg, "-", "--date", DATE, "--format", "ndjson", "-q",
        ],
        Some(input),
    );
    assert_eq!(loud.stdout, quiet.stdout);
    assert!(quiet.stderr.is_empty());
    assert!(
        !loud.stderr.is_empty(),
        "the pack has no warning to silence"
    );
}

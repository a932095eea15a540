use std::fs;
use std::path::Path;

use clausier_diagnostics::Code;

use super::*;

fn write(root: &Path, relative: &str, text: &[u8]) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

const HOSTING: &str = "enum Region { EU, OTHER }\n\ndescriptor {\n  hosting: { region: Region }\n}\n\nrequirement HEB-01 \"Hébergement\" {\n  require hosting.region == EU\n}\n";

#[test]
fn a_folder_pack_reads_its_manifest_and_names_files_by_the_given_path() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("edtech-fr");
    write(
        &root,
        "pack.toml",
        b"[pack]\nname = \"edtech\"\nversion = \"1.2.0\"\n",
    );
    write(&root, "b.clause", HOSTING.as_bytes());
    write(&root, "a/award.clause", b"");
    let pack = load_pack(&root).unwrap();
    assert_eq!(pack.info.name, "edtech");
    assert_eq!(pack.info.version, "1.2.0");
    let relative: Vec<&str> = pack
        .files
        .iter()
        .map(|f| f.relative_path.as_str())
        .collect();
    assert_eq!(relative, ["a/award.clause", "b.clause"]);
    let names: Vec<&str> = pack.sources.iter().map(|(_, file)| file.name()).collect();
    let root_name = root.display().to_string();
    assert_eq!(
        names,
        [
            format!("{root_name}/a/award.clause"),
            format!("{root_name}/b.clause")
        ]
    );
    assert_eq!(pack.sources.get(pack.files[1].id).unwrap().text(), HOSTING);
}

#[test]
fn without_a_manifest_the_folder_names_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("region-bretagne");
    write(&root, "rules.clause", HOSTING.as_bytes());
    let pack = load_pack(&root).unwrap();
    assert_eq!(pack.info.name, "region-bretagne");
    assert_eq!(pack.info.version, DEFAULT_VERSION);
    assert_eq!(pack.manifest, Manifest::default());
}

#[test]
fn a_single_file_is_a_pack_named_by_its_stem() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "gar.clause", HOSTING.as_bytes());
    // A manifest beside a single file belongs to the folder's pack, not to the file.
    write(dir.path(), "pack.toml", b"[pack]\nname = \"other\"\n");
    let path = dir.path().join("gar.clause");
    let pack = load_pack(&path).unwrap();
    assert_eq!(pack.info.name, "gar");
    assert_eq!(pack.files.len(), 1);
    assert_eq!(pack.files[0].relative_path, "gar.clause");
    let names: Vec<String> = pack
        .sources
        .iter()
        .map(|(_, f)| f.name().to_owned())
        .collect();
    assert_eq!(names, [path.display().to_string()]);
}

#[test]
fn checkouts_with_crlf_line_breaks_hash_alike() {
    let dir = tempfile::tempdir().unwrap();
    let unix = dir.path().join("unix");
    let windows = dir.path().join("windows");
    write(&unix, "pack.toml", b"[pack]\nname = \"p\"\n");
    write(&unix, "sub/a.clause", HOSTING.as_bytes());
    write(&windows, "pack.toml", b"[pack]\r\nname = \"p\"\r\n");
    write(
        &windows,
        "sub/a.clause",
        HOSTING.replace('\n', "\r\n").as_bytes(),
    );
    let unix = load_pack(&unix).unwrap();
    let windows = load_pack(&windows).unwrap();
    assert_eq!(unix.info.hash, windows.info.hash);
    assert!(unix.info.hash.starts_with("sha256:"));
}

#[test]
fn the_manifest_is_part_of_the_hash() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.clause", HOSTING.as_bytes());
    let before = load_pack(dir.path()).unwrap().info.hash;
    write(dir.path(), "pack.toml", b"[pack]\nversion = \"1.0.0\"\n");
    let after = load_pack(dir.path()).unwrap().info.hash;
    assert_ne!(before, after);
}

#[test]
fn a_file_that_is_not_utf8_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.clause", HOSTING.as_bytes());
    write(dir.path(), "latin1.clause", b"// h\xe9bergement\n");
    let error = load_pack(dir.path()).unwrap_err();
    assert_eq!(error.code(), Code::NOT_UTF8);
    assert_eq!(error.path(), dir.path().join("latin1.clause"));
    assert_eq!(
        error.to_string(),
        format!(
            "`{}` is not valid UTF-8",
            dir.path().join("latin1.clause").display()
        )
    );
}

#[test]
fn a_folder_without_clause_files_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pack.toml", b"[pack]\n");
    write(dir.path(), "target/build.clause", b"");
    let error = load_pack(dir.path()).unwrap_err();
    assert_eq!(error.code(), Code::NO_CLAUSE_FILES);
    assert!(matches!(error, PackError::NoClauseFiles { .. }));
}

#[test]
fn a_missing_path_is_an_io_error_with_help() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let error = load_pack(&missing).unwrap_err();
    assert_eq!(error.code(), Code::IO);
    assert_eq!(
        error.to_string(),
        format!(
            "cannot read `{}`: no such file or folder",
            missing.display()
        )
    );
    assert_eq!(
        error
            .help()
            .map(|help| help.text(clausier_diagnostics::Lang::En))
            .as_deref(),
        Some(
            "check the path: a pack is a folder of `.clause` files, or a single `.clause` \
             file, and a link must lead to an existing file"
        )
    );
}

#[test]
fn a_file_that_is_not_a_clause_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "vendor.json", b"{}");
    let error = load_pack(&dir.path().join("vendor.json")).unwrap_err();
    assert!(matches!(error, PackError::NotAClauseFile { .. }));
}

#[test]
fn a_manifest_error_is_located_in_pack_toml() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.clause", HOSTING.as_bytes());
    write(dir.path(), "pack.toml", b"[pack]\nnom = \"x\"\n");
    let error = load_pack(dir.path()).unwrap_err();
    assert_eq!(error.code(), Code::MANIFEST);
    assert_eq!(error.to_string(), "unknown key `nom` in `[pack]`");
    let (diagnostic, sources) = error.to_diagnostic();
    assert_eq!(diagnostic.labels.len(), 1);
    let label = &diagnostic.labels[0];
    let text = sources.get(label.file).unwrap().text();
    assert_eq!(&text[label.span.range()], "nom");
    assert_eq!(label.span.start as usize, "[pack]\n".len());
}

#[test]
fn parse_and_check_diagnostics_come_together_in_source_order() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.clause", b"requirement {\n");
    write(dir.path(), "b.clause", b"enum {\n");
    let pack = load_pack(dir.path()).unwrap();
    assert!(pack.has_errors());
    let keys: Vec<_> = pack
        .diagnostics()
        .iter()
        .map(Diagnostic::sort_key)
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let files: Vec<FileId> = pack
        .diagnostics()
        .iter()
        .filter_map(|d| d.primary_label().map(|l| l.file))
        .collect();
    assert!(files.contains(&FileId(0)) && files.contains(&FileId(1)));
}

/// Writes a pack folder: its manifest and one clause file.
fn pack(root: &Path, folder: &str, manifest: &str, clauses: &str) {
    write(root, &format!("{folder}/pack.toml"), manifest.as_bytes());
    write(root, &format!("{folder}/main.clause"), clauses.as_bytes());
}

const DEP: &str = "[pack]\nname = \"dep\"\nversion = \"1.1.0\"\n";

#[test]
fn a_pack_reached_twice_is_loaded_once_before_the_packs_that_use_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    pack(root, "dep", DEP, HOSTING);
    pack(
        root,
        "left",
        "[pack]\nname = \"left\"\n[dependencies]\ndep = { path = \"../dep\", version = \"^1.0\" }\n",
        "use dep::{HEB-01}\n",
    );
    pack(
        root,
        "right",
        "[pack]\nname = \"right\"\n[dependencies]\ndep = { path = \"../dep\" }\n",
        "use dep::{HEB-01}\n",
    );
    pack(
        root,
        "region",
        "[pack]\nname = \"region\"\n[dependencies]\nleft = { path = \"../left\" }\nright = { path = \"../right\" }\n",
        "use left\nuse right\n",
    );
    let loaded = load_pack(&root.join("region")).unwrap();
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics());
    let names: Vec<&str> = loaded
        .dependencies
        .iter()
        .map(|dep| dep.name.as_str())
        .collect();
    assert_eq!(names, ["dep", "left", "right"]);
    let ids: Vec<(&str, &str)> = loaded
        .checked
        .pack
        .requirements
        .iter()
        .map(|r| (r.meta.id.as_str(), r.meta.version.as_str()))
        .collect();
    // Brought in through both `left` and `right`, with the same level: kept once.
    assert_eq!(ids, [("HEB-01", "1.1.0")]);
    let shown = loaded.dependencies[0].path.clone();
    assert_eq!(shown, root.join("dep"));
}

#[test]
fn the_lock_round_trips_and_names_the_files_of_each_pack() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    pack(root, "dep", DEP, HOSTING);
    pack(
        root,
        "region",
        "[pack]\nname = \"region\"\nversion = \"0.1.0\"\n[dependencies]\ndep = { path = \"../dep\" }\n",
        "use dep\n",
    );
    let locked = lock_pack(&root.join("region"), false).unwrap();
    assert_eq!(locked.outcome, LockOutcome::Written);
    let text = fs::read_to_string(root.join("region").join(LOCK_FILE)).unwrap();
    assert_eq!(text, render_lock(&locked.lock));
    let entries: Vec<(&str, &str, &str, Vec<&str>)> = locked
        .lock
        .packs
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.version.as_str(),
                p.path.as_str(),
                p.files.keys().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            ("region", "0.1.0", ".", vec!["main.clause", "pack.toml"]),
            ("dep", "1.1.0", "../dep", vec!["main.clause", "pack.toml"]),
        ]
    );
    // Loading the pack checks the lock; an unchanged graph passes.
    assert!(load_pack(&root.join("region")).is_ok());
    let again = lock_pack(&root.join("region"), true).unwrap();
    assert_eq!(again.outcome, LockOutcome::UpToDate);
    // CRLF line breaks in a checkout do not change a pack.
    let crlf = fs::read_to_string(root.join("dep/main.clause"))
        .unwrap()
        .replace('\n', "\r\n");
    fs::write(root.join("dep/main.clause"), crlf).unwrap();
    assert!(load_pack(&root.join("region")).is_ok());
}

#[test]
fn a_removed_file_is_named_and_the_lock_check_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    pack(root, "dep", DEP, HOSTING);
    write(root, "dep/extra.clause", b"// nothing\n");
    pack(
        root,
        "region",
        "[pack]\nname = \"region\"\n[dependencies]\ndep = { path = \"../dep\" }\n",
        "use dep\n",
    );
    lock_pack(&root.join("region"), false).unwrap();
    fs::remove_file(root.join("dep/extra.clause")).unwrap();
    let error = load_pack(&root.join("region")).unwrap_err();
    assert_eq!(error.code(), Code::LOCK_MISMATCH);
    let extra = format!("`{}` was removed", root.join("dep/extra.clause").display());
    assert!(error.to_string().contains(&extra), "{error}");
    let unchecked = load_pack_with(&root.join("region"), &LoadOptions { check_lock: false });
    assert!(unchecked.is_ok());
}

#[test]
fn an_override_in_the_manifest_is_a_diagnostic_located_in_pack_toml() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    pack(
        root,
        "dep",
        DEP,
        &format!(
            "{HOSTING}\nparam max_price: money = 8 €\nrequirement P \"p\" {{ require max_price > 1 € }}\n"
        ),
    );
    let manifest = "[pack]\nname = \"region\"\n[dependencies]\ndep = { path = \"../dep\" }\n[params.dep]\nmax_price = \"5.50 euros\"\n";
    pack(root, "region", manifest, "use dep\n");
    let loaded = load_pack(&root.join("region")).unwrap();
    let error = loaded
        .diagnostics()
        .iter()
        .find(|d| d.is_error())
        .expect("a syntax error in the value");
    let label = error.primary_label().unwrap();
    let file = loaded.sources.get(label.file).unwrap();
    assert!(file.name().ends_with("region/pack.toml"), "{}", file.name());
    assert_eq!(file.slice(label.span), "euros");
}

#[test]
fn the_launch_of_the_procedure_decides_whether_an_environmental_condition_is_due() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("tender");
    let grid = "descriptor {\n  price: money\n  env: { met: int }\n}\n\n\
                criterion PRIX \"Prix\" weight 90 {\n  text \"Prix.\"\n  score lowest(price) / price\n}\n\n\
                criterion ENV \"Environnement\" weight 10 {\n  text \"Environnement.\"\n  score env.met / 30\n}\n";
    write(&root, "grid.clause", grid.as_bytes());
    let codes = |launch: &str| {
        write(
            &root,
            "pack.toml",
            format!("[pack]\nname = \"tender\"\n\n[document]\n{launch}").as_bytes(),
        );
        let pack = load_pack(&root).unwrap();
        pack.diagnostics()
            .iter()
            .map(|diagnostic| diagnostic.code)
            .collect::<Vec<_>>()
    };
    assert!(codes("launch = 2026-12-01\n").contains(&Code::NO_ENVIRONMENTAL_CONDITION));
    assert!(codes("").contains(&Code::NO_ENVIRONMENTAL_CONDITION));
    assert!(!codes("launch = 2026-06-01\n").contains(&Code::NO_ENVIRONMENTAL_CONDITION));
}

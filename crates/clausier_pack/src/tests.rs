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
    let help = miette::Diagnostic::help(&error).map(|h| h.to_string());
    assert_eq!(
        help.as_deref(),
        Some("a pack is a folder of `.clause` files, or a single `.clause` file")
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
    let labels: Vec<_> = miette::Diagnostic::labels(&error).unwrap().collect();
    assert_eq!(labels.len(), 1);
    assert_eq!(labels[0].offset(), "[pack]\n".len());
    assert_eq!(labels[0].len(), "nom".len());
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

//! End-to-end tests of `clausier fmt`: what it writes, what it prints, and its exit
//! status, on files in a temporary folder (so paths in the output are short and stable).

#![expect(
    clippy::unwrap_used,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const UGLY: &str = "requirement HEB-01 \"Hébergement\"{require hosting.region==EU\nlevel   must}\n";
const PRETTY: &str =
    "requirement HEB-01 \"Hébergement\" {\n  level must\n  require hosting.region == EU\n}\n";
const BROKEN: &str = "requirement HEB-01 \"Hébergement\" {\n  require hosting.region ==\n}\n";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn clausier(dir: &Path, args: &[&str], stdin: &str) -> Output {
    // The messages these tests read are the English ones, unless one asks for French.
    let lang: &[&str] = if args.contains(&"--lang") {
        &[]
    } else {
        &["--lang", "en"]
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
        .args(lang)
        .current_dir(dir)
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    // A command that fails before reading its input closes the pipe: that is fine.
    let _ = pipe.write_all(stdin.as_bytes());
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn exit_code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn transcript(output: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        exit_code(output),
        stdout(output),
        stderr(output)
    )
}

/// A temporary folder holding `files` (relative path, text).
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn read(dir: &tempfile::TempDir, path: &str) -> String {
    std::fs::read_to_string(dir.path().join(path)).unwrap()
}

#[test]
fn the_shipped_packs_and_the_canonical_fixture_are_formatted() {
    let output = clausier(
        &workspace_root(),
        &["fmt", "--check", "rules", "tests/fmt/canonical.clause"],
        "",
    );
    assert_eq!(exit_code(&output), 0, "{}", transcript(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn check_lists_the_files_that_would_change_and_changes_nothing() {
    let dir = folder(&[("pack/a.clause", UGLY), ("pack/b.clause", PRETTY)]);
    let output = clausier(dir.path(), &["fmt", "--check", "pack"], "");
    assert_eq!(exit_code(&output), 1);
    insta::assert_snapshot!(transcript(&output), @r"
    exit: 1
    --- stdout
    pack/a.clause
    --- stderr
    1 file would be reformatted, 1 file already formatted
    ");
    assert_eq!(read(&dir, "pack/a.clause"), UGLY);
}

#[test]
fn check_passes_on_formatted_files() {
    let dir = folder(&[("a.clause", PRETTY)]);
    let output = clausier(dir.path(), &["fmt", "--check", "a.clause"], "");
    assert_eq!(exit_code(&output), 0);
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output), "1 file already formatted\n");
}

#[test]
fn fmt_rewrites_the_files_that_change_and_only_those() {
    let dir = folder(&[("pack/a.clause", UGLY), ("pack/b.clause", PRETTY)]);
    let inode = |path: &str| file_id(&dir.path().join(path));
    let untouched = inode("pack/b.clause");
    let output = clausier(dir.path(), &["fmt", "pack"], "");
    insta::assert_snapshot!(transcript(&output), @r"
    exit: 0
    --- stdout
    pack/a.clause
    --- stderr
    1 file reformatted, 1 file already formatted
    ");
    assert_eq!(read(&dir, "pack/a.clause"), PRETTY);
    assert_eq!(inode("pack/b.clause"), untouched);

    let again = clausier(dir.path(), &["fmt", "pack"], "");
    assert_eq!(exit_code(&again), 0);
    assert_eq!(stdout(&again), "");
    assert_eq!(stderr(&again), "2 files already formatted\n");
    // No temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("pack"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.clause", "b.clause"]);
}

/// What tells a file replaced by a rename from the same file left alone.
#[cfg(unix)]
fn file_id(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}

#[cfg(not(unix))]
fn file_id(path: &Path) -> u64 {
    std::fs::metadata(path).unwrap().len()
}

#[cfg(unix)]
#[test]
fn a_reformatted_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[("a.clause", UGLY)]);
    let path = dir.path().join("a.clause");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let output = clausier(dir.path(), &["fmt", "a.clause"], "");
    assert_eq!(exit_code(&output), 0);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn folders_are_searched_recursively_in_order_and_hidden_entries_are_skipped() {
    let dir = folder(&[
        ("pack/b/z.clause", UGLY),
        ("pack/a.clause", UGLY),
        ("pack/c.clause", UGLY),
        ("pack/.hidden.clause", UGLY),
        ("pack/.git/x.clause", UGLY),
        ("pack/notes.txt", "not a clause file"),
    ]);
    let output = clausier(dir.path(), &["fmt", "--check", "pack"], "");
    assert_eq!(exit_code(&output), 1);
    assert_eq!(
        stdout(&output),
        "pack/a.clause\npack/b/z.clause\npack/c.clause\n"
    );
}

#[test]
fn a_file_with_syntax_errors_is_reported_and_the_others_are_still_formatted() {
    let dir = folder(&[("pack/a.clause", BROKEN), ("pack/b.clause", UGLY)]);
    let output = clausier(dir.path(), &["fmt", "pack"], "");
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(read(&dir, "pack/a.clause"), BROKEN);
    assert_eq!(read(&dir, "pack/b.clause"), PRETTY);
}

#[test]
fn check_with_a_broken_file_exits_with_2() {
    let dir = folder(&[("a.clause", BROKEN), ("b.clause", UGLY)]);
    let output = clausier(dir.path(), &["fmt", "--check", "a.clause", "b.clause"], "");
    assert_eq!(exit_code(&output), 2);
    assert_eq!(stdout(&output), "b.clause\n");
    assert!(
        stderr(&output).contains("a.clause:2:28"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_missing_path_is_an_error_and_the_other_paths_are_still_formatted() {
    let dir = folder(&[("a.clause", UGLY)]);
    let output = clausier(dir.path(), &["fmt", "missing.clause", "a.clause"], "");
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
    assert_eq!(read(&dir, "a.clause"), PRETTY);
}

#[test]
fn standard_input_is_formatted_to_standard_output() {
    let dir = folder(&[]);
    let output = clausier(dir.path(), &["fmt", "-"], UGLY);
    assert_eq!(exit_code(&output), 0);
    assert_eq!(stdout(&output), PRETTY);
    assert_eq!(stderr(&output), "");

    let check = clausier(dir.path(), &["fmt", "--check", "-"], UGLY);
    assert_eq!(exit_code(&check), 1);
    assert_eq!(stdout(&check), "");
    assert_eq!(stderr(&check), "standard input would be reformatted\n");

    let formatted = clausier(dir.path(), &["fmt", "--check", "-"], PRETTY);
    assert_eq!(exit_code(&formatted), 0);
}

#[test]
fn broken_standard_input_gives_its_errors_and_no_output() {
    let dir = folder(&[]);
    let output = clausier(dir.path(), &["fmt", "-"], BROKEN);
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn standard_input_cannot_be_combined_with_paths() {
    let dir = folder(&[("a.clause", UGLY)]);
    let output = clausier(dir.path(), &["fmt", "-", "a.clause"], UGLY);
    assert_eq!(exit_code(&output), 2);
    assert!(
        stderr(&output).contains("`-` cannot be combined with other paths"),
        "{}",
        stderr(&output)
    );
    assert_eq!(read(&dir, "a.clause"), UGLY);
}

#[test]
fn a_folder_without_clause_files_is_a_warning() {
    let dir = folder(&[("empty/notes.txt", "x")]);
    let output = clausier(dir.path(), &["fmt", "--check", "empty"], "");
    assert_eq!(exit_code(&output), 0);
    assert_eq!(
        stderr(&output),
        "warning: no `.clause` file in `empty`\n0 files already formatted\n"
    );
}

#[test]
fn help_teaches_with_examples() {
    let output = clausier(&workspace_root(), &["fmt", "--help"], "");
    assert_eq!(exit_code(&output), 0);
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn what_fmt_did_reads_in_french() {
    let dir = folder(&[
        ("pack/a.clause", UGLY),
        ("pack/b.clause", PRETTY),
        ("pack/c.clause", PRETTY),
        ("pack/d.clause", BROKEN),
    ]);
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let output = clausier(
        dir.path(),
        &["fmt", "--check", "pack", "empty", "--lang", "fr"],
        "",
    );
    assert_eq!(exit_code(&output), 2);
    let stderr = stderr(&output);
    let summary: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("avertissement :") || line.contains("fichier"))
        .filter(|line| !line.contains('│'))
        .collect();
    insta::assert_snapshot!(summary.join("\n"), @r"
    avertissement : aucun fichier `.clause` dans `empty`
    1 fichier serait remis en forme, 2 fichiers déjà en forme, 1 fichier laissé tel quel à cause d'erreurs
    ");
}

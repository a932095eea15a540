//! The shipped Neovim configuration (`editors/nvim`) end to end: a headless Neovim 0.11
//! with that folder on 'runtimepath' and only `cmd` changed, to this build's `clausier`,
//! in a copy of `tests/neovim/workspace` (two packs, `national` and `region` which uses
//! it, and the vendors' files in `offres/`, beside both and declared by their
//! `[workspace] descriptors`). The script `neovim.lua` does what a drafter does, waits a
//! bounded time for each answer and writes what it saw as JSON, judged here:
//!
//! - opening a `.clause` file shows the check lens counts, with no refresh asked by hand;
//! - a vendor file outside the packs, opened alone in a fresh Neovim, gets its
//!   diagnostics, while a JSON file of an unrelated folder starts no server;
//! - a vendor file edited in Neovim, unsaved, changes the counts of a clause file not in
//!   view, and one changed on disk (not through Neovim) changes them too, with no
//!   `.clause` file saved;
//! - one server serves both packs, told of each pack's folder;
//! - running the lens of a failing requirement (`vim.lsp.codelens.run()`) fills the
//!   quickfix list with the failing vendors;
//! - `:ClausierPreview` shows the pack's cahier des charges and follows unsaved edits.
//!
//! Neovim comes from `scripts/neovim` (a pinned build from PyPI); `scripts/test` sets
//! `CLAUSIER_TEST_NEOVIM` to it. Without it this test fails and says so.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the test runs an editor and must fail loudly with what it saw"
)]

mod support;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::workspace_root;

/// Each wait of the script is bounded (5 s); past this the Neovim process is killed.
const NEOVIM_LIMIT: Duration = Duration::from_secs(40);

fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `neovim.lua` with `scenario` in `workspace` and returns what it wrote, or why
/// it wrote nothing usable (kept, so that every test reports it without running Neovim
/// again).
fn run_neovim(scenario: &str, workspace: &Path, unrelated: &Path) -> Result<Value, String> {
    let neovim = support::checker(
        "CLAUSIER_TEST_NEOVIM",
        "scripts/neovim",
        "run the shipped Neovim configuration headless, with Neovim 0.11",
    );
    let scratch = tempfile::tempdir().unwrap();
    let output = scratch.path().join("findings.json");
    let log = scratch.path().join("stderr.txt");
    let root = workspace_root();
    let mut command = Command::new(&neovim);
    command
        // The folders go through the environment, not through Vim commands, so that no
        // character of a path needs escaping.
        .args([
            "--headless",
            "--clean",
            "--cmd",
            "lua vim.opt.runtimepath:prepend(os.getenv('CLAUSIER_NVIM_RUNTIME'))",
            "-c",
            "lua dofile(os.getenv('CLAUSIER_NVIM_SCRIPT'))",
        ])
        .env("CLAUSIER_NVIM_RUNTIME", root.join("editors/nvim"))
        .env(
            "CLAUSIER_NVIM_SCRIPT",
            root.join("crates/clausier_cli/tests/neovim.lua"),
        )
        .env("CLAUSIER_NVIM_SCENARIO", scenario)
        .env("CLAUSIER_NVIM_WORKSPACE", workspace)
        .env("CLAUSIER_NVIM_OUTPUT", &output)
        .env("CLAUSIER_BIN", env!("CARGO_BIN_EXE_clausier"))
        // Neovim's own state (logs, shada) stays in the scratch folder.
        .env("XDG_STATE_HOME", scratch.path())
        .env("XDG_DATA_HOME", scratch.path())
        .current_dir(workspace)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .env("CLAUSIER_NVIM_UNRELATED", unrelated)
        .stderr(fs::File::create(&log).unwrap());
    let mut child = command
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run `{}`: {error}", neovim.display()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > NEOVIM_LIMIT {
            child.kill().unwrap();
            child.wait().unwrap();
            return Err(format!(
                "Neovim ({scenario}) ran longer than {NEOVIM_LIMIT:?}:\n{}",
                fs::read_to_string(&log).unwrap_or_default()
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let findings = fs::read_to_string(&output).map_err(|error| {
        format!(
            "Neovim ({scenario}, {status}) wrote no findings ({error}):\n{}",
            fs::read_to_string(&log).unwrap_or_default()
        )
    })?;
    let findings: Value = serde_json::from_str(&findings).unwrap();
    match findings["error"].as_str() {
        Some(error) => Err(format!(
            "the script failed in Neovim ({scenario}):\n{error}"
        )),
        None => Ok(findings),
    }
}

/// The counts of a lens title, in either language: the numbers after `✓` (pass), `✗`
/// (fail) and `?` (missing).
fn counts(title: &Value) -> Option<[u64; 3]> {
    let title = title.as_str()?;
    let after = |mark: char| -> Option<u64> {
        let rest = &title[title.find(mark)? + mark.len_utf8()..];
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    };
    Some([after('✓')?, after('✗')?, after('?')?])
}

fn file_names(items: &Value) -> BTreeSet<String> {
    items
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item["file"].as_str())
        .filter_map(|file| Path::new(file).file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .collect()
}

/// Whether every pack folder is one of the client's workspace folders or inside one.
fn covers(folders: &Value, packs: &[PathBuf]) -> bool {
    let folders: Vec<PathBuf> = folders
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|folder| folder.as_str())
        .map(PathBuf::from)
        .collect();
    packs
        .iter()
        .all(|pack| folders.iter().any(|folder| pack.starts_with(folder)))
}

/// What one Neovim saw, and the copy of the workspace it worked in (removed since).
struct Findings {
    workspace: PathBuf,
    seen: Result<Value, String>,
}

impl Findings {
    /// What the script wrote under `key`; the test fails if the script could not run.
    #[track_caller]
    fn part(&self, key: &str) -> &Value {
        match &self.seen {
            Ok(seen) => &seen[key],
            Err(error) => panic!("{error}"),
        }
    }
}

/// Runs `scenario` once in a fresh copy of the workspace; the tests judge parts of it.
fn findings(scenario: &str) -> Findings {
    let scratch = tempfile::tempdir().unwrap();
    let scratch_path = scratch.path().canonicalize().unwrap();
    let workspace = scratch_path.join("workspace");
    copy_folder(&workspace_root().join("tests/neovim/workspace"), &workspace);
    let unrelated = scratch_path.join("unrelated").join("notes.json");
    fs::create_dir_all(unrelated.parent().unwrap()).unwrap();
    fs::write(&unrelated, "{ \"note\": \"rien à voir\" }\n").unwrap();
    let seen = run_neovim(scenario, &workspace, &unrelated);
    Findings { workspace, seen }
}

/// One Neovim session over the two packs: (a) lens counts on opening, (d) one client, (e)
/// the lens command, then (c) a vendor file changed on disk.
fn session() -> &'static Findings {
    static SESSION: OnceLock<Findings> = OnceLock::new();
    SESSION.get_or_init(|| findings("session"))
}

/// A fresh Neovim that opens an unrelated JSON file, then (b) a vendor file alone.
fn vendor_alone() -> &'static Findings {
    static VENDOR: OnceLock<Findings> = OnceLock::new();
    VENDOR.get_or_init(|| findings("vendor"))
}

#[track_caller]
fn expect(what: &str, holds: bool, seen: &Value) {
    assert!(holds, "{what}; Neovim saw: {seen:#}");
}

#[test]
fn opening_a_clause_file_shows_the_lens_counts_without_a_refresh_by_hand() {
    let on_open = &session().part("lens_on_open");
    let titles = &on_open["titles"];
    expect(
        "opening national/exigences.clause shows the counts of `clausier check` \
         (HEB-01 ✓2 ✗1 ?0, PRX-01 ✓1 ✗1 ?1, ACC-01 ✓2 ✗1 ?0)",
        on_open["shown"] == true
            && counts(&titles["HEB-01"]) == Some([2, 1, 0])
            && counts(&titles["PRX-01"]) == Some([1, 1, 1])
            && counts(&titles["ACC-01"]) == Some([2, 1, 0]),
        on_open,
    );
}

#[test]
fn one_server_serves_both_packs_and_knows_their_folders() {
    let session = session();
    let one_client = &session.part("one_client");
    expect(
        "one `clausier` client serves national/ and region/, each inside one of its \
         workspace folders",
        one_client["clients"] == 1
            && one_client["serves_national"] == 1
            && one_client["serves_region"] == 1
            && covers(
                &one_client["folders"],
                &[
                    session.workspace.join("national"),
                    session.workspace.join("region"),
                ],
            ),
        one_client,
    );
}

#[test]
fn running_the_lens_of_a_failing_requirement_lists_the_vendors_in_the_quickfix_list() {
    let session = session();
    let lens_command = session.part("lens_command");
    let lens = &lens_command["lens"];
    expect(
        "the lens of PRX-01 carries `clausier.showFailingVendors` with [uri, position, \
         \"PRX-01\"]",
        lens["command"] == "clausier.showFailingVendors" && lens["arguments"][2] == "PRX-01",
        lens,
    );
    let expected: BTreeSet<String> = ["b-hors-ue.json", "c-incomplet.json"]
        .map(String::from)
        .into();
    expect(
        "`vim.lsp.codelens.run()` on that lens fills the quickfix list with the vendor that \
         fails PRX-01 and the one that lacks its data",
        lens_command["filled"] == true && file_names(&lens_command["items"]) == expected,
        &serde_json::json!({
            "items": lens_command["items"],
            "notifications": session.part("notifications"),
        }),
    );
}

#[test]
fn a_vendor_file_edited_in_neovim_refreshes_the_lenses_of_the_clause_files() {
    let vendor_edit = &session().part("vendor_edit");
    expect(
        "offres/c-incomplet.json given a price of 5 € in Neovim, unsaved, turns PRX-01's \
         lens in national/exigences.clause (not in view) into ✓2 ✗1 ?0",
        vendor_edit["refreshed"] == true
            && counts(&vendor_edit["after"]["PRX-01"]) == Some([2, 1, 0]),
        vendor_edit,
    );
}

#[test]
fn a_vendor_file_changed_on_disk_changes_the_lens_counts() {
    let disk_change = &session().part("disk_change");
    expect(
        "offres/b-hors-ue.json written on disk with an EU hosting turns HEB-01's lens into \
         ✓3 ✗0 ?0, with no .clause file saved",
        disk_change["changed"] == true
            && counts(&disk_change["after"]["HEB-01"]) == Some([3, 0, 0]),
        disk_change,
    );
}

#[test]
fn the_preview_shows_the_cahier_des_charges_and_follows_unsaved_edits() {
    let preview = &session().part("preview");
    expect(
        "`:ClausierPreview` opens a read-only Markdown buffer with the pack's cahier des \
         charges (\"HEB-01 — Hébergement des données dans l'UE\"), which follows an unsaved \
         edit of the requirement's title",
        preview["shown"] == true
            && preview["filetype"] == "markdown"
            && preview["modifiable"] == false
            && preview["followed"] == true,
        preview,
    );
}

#[test]
fn a_json_file_of_a_folder_without_a_pack_starts_no_server() {
    let unrelated = &vendor_alone().part("unrelated");
    expect(
        "a JSON file outside any workspace holding a pack.toml starts no `clausier` server",
        unrelated["filetype"] == "json" && unrelated["clients"] == 0,
        unrelated,
    );
}

#[test]
fn a_vendor_file_opened_alone_gets_its_diagnostics() {
    let vendor = &vendor_alone().part("vendor_alone");
    let enum_error_on_its_line = vendor["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|diagnostic| diagnostic["code"] == "D0603" && diagnostic["line"] == 4);
    expect(
        "offres/d-invalide.json, outside both packs, opened alone in a fresh Neovim, is \
         served by `clausier` and gets D0603 on `\"EUROPE\"` (line 4)",
        vendor["attached"] == true && enum_error_on_its_line,
        vendor,
    );
}

//! The editor packages of `editors/` agree with each other and with the language: the same
//! file extension, language id and server command everywhere, and highlighting grammars
//! that know every word of the language (`clausier_syntax::lexicon`, which its own test
//! holds to `grammar/clausier.pest`).
//!
//! `scripts/test-editors` builds the VS Code extension and runs its grammar's scope tests;
//! this test needs neither Node.js nor any editor.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a configuration that cannot be read or does not agree must fail the test loudly"
)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use clausier_syntax::lexicon;
use serde_json::Value;

const LANGUAGE_ID: &str = "clausier";
const EXTENSION: &str = "clause";
const SCOPE_NAME: &str = "source.clausier";
const SERVER_COMMAND: &str = "clausier";
const SERVER_ARGS: &[&str] = &["lsp"];
const PACK_MANIFEST: &str = "pack.toml";
/// What marks a workspace, whose one server serves every pack and vendor file in it.
const WORKSPACE_MARKERS: &[&str] = &[".git", ".helix"];
/// The vendors' descriptor formats an editor gives a language of its own, whose files the
/// server also serves.
const DESCRIPTOR_FILETYPES: &[&str] = &["json", "yaml", "toml", "csv"];
/// The commands of the protocol between the server and the editors.
const LENS_COMMAND: &str = "clausier.showFailingVendors";
const FAILING_VENDORS_COMMAND: &str = "clausier.failingVendors";
const PREVIEW_COMMAND: &str = "clausier.preview";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn read(relative: &str) -> String {
    let path = workspace_root().join(relative);
    fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn read_json(relative: &str) -> Value {
    serde_json::from_str(&read(relative)).unwrap_or_else(|error| panic!("{relative}: {error}"))
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|item| item.as_str().unwrap())
        .collect()
}

/// The maximal runs of letters, digits and `_` in `text`.
fn words(text: &str) -> BTreeSet<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .collect()
}

/// Every regular expression of a TextMate grammar (its `match`, `begin` and `end` strings).
fn regexes<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                match (key.as_str(), item) {
                    ("match" | "begin" | "end", Value::String(regex)) => out.push(regex),
                    _ => regexes(item, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| regexes(item, out)),
        _ => {}
    }
}

/// The words of the language: keywords of every role, levels, statuses and unit words.
fn language_words() -> BTreeSet<&'static str> {
    lexicon::grammar_words().collect()
}

#[test]
fn helix_declares_the_language_and_its_server() {
    let config: toml::Table = toml::from_str(&read("editors/helix/languages.toml")).unwrap();
    let languages = config["language"].as_array().unwrap();
    let language = languages
        .iter()
        .find(|language| language["name"].as_str() == Some(LANGUAGE_ID))
        .unwrap_or_else(|| panic!("no [[language]] named {LANGUAGE_ID}"));
    let list = |value: &toml::Value| -> Vec<String> {
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item.as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(language["scope"].as_str(), Some(SCOPE_NAME));
    assert_eq!(list(&language["file-types"]), [EXTENSION]);
    // One server for the workspace, not one per pack.
    assert_eq!(list(&language["roots"]), WORKSPACE_MARKERS);
    assert_eq!(language["comment-token"].as_str(), Some("//"));
    assert_eq!(list(&language["language-servers"]), [LANGUAGE_ID]);
    let indent = language["indent"].as_table().unwrap();
    assert_eq!(indent["tab-width"].as_integer(), Some(2));
    assert_eq!(indent["unit"].as_str(), Some("  "));

    let server = config["language-server"][LANGUAGE_ID].as_table().unwrap();
    assert_eq!(server["command"].as_str(), Some(SERVER_COMMAND));
    assert_eq!(list(&server["args"]), SERVER_ARGS);
    // The initialization options are a table, documented in comments.
    assert!(server["config"].is_table());
    let text = read("editors/helix/languages.toml");
    for option in ["# date = \"", "# language = \""] {
        assert!(text.contains(option), "no {option} in languages.toml");
    }
}

#[test]
fn helix_adds_the_server_to_vendor_files_after_its_own_servers() {
    let config: toml::Table = toml::from_str(&read("editors/helix/languages.toml")).unwrap();
    let languages = config["language"].as_array().unwrap();
    let mut vendor_languages = Vec::new();
    for language in languages {
        let name = language["name"].as_str().unwrap();
        if name == LANGUAGE_ID {
            continue;
        }
        // Only the list of servers changes: Helix keeps its own definition of the language.
        let keys: Vec<&str> = language
            .as_table()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["language-servers", "name"], "[[language]] {name}");
        let servers = language["language-servers"].as_array().unwrap();
        let (clausier, helix_own) = servers.split_last().unwrap();
        assert!(
            helix_own.iter().all(toml::Value::is_str),
            "{name}: Helix's own servers come first"
        );
        assert_eq!(clausier["name"].as_str(), Some(LANGUAGE_ID), "{name}");
        assert_eq!(
            clausier["only-features"].as_array().unwrap(),
            &[toml::Value::from("diagnostics")],
            "{name}: clausier adds its diagnostics and takes nothing from Helix's servers"
        );
        vendor_languages.push(name);
    }
    assert_eq!(vendor_languages, DESCRIPTOR_FILETYPES);
}

#[test]
fn vscode_manifest_declares_the_language_grammar_and_client() {
    let manifest = read_json("editors/vscode/package.json");
    assert_eq!(manifest["name"], LANGUAGE_ID);
    assert_eq!(manifest["publisher"], LANGUAGE_ID);
    assert_eq!(manifest["license"], "EUPL-1.2");
    assert_eq!(
        manifest["version"],
        env!("CARGO_PKG_VERSION"),
        "the extension's version follows the workspace's"
    );

    let contributes = &manifest["contributes"];
    let languages = contributes["languages"].as_array().unwrap();
    let language = languages
        .iter()
        .find(|language| language["id"] == LANGUAGE_ID)
        .unwrap_or_else(|| panic!("no language {LANGUAGE_ID} in package.json"));
    assert_eq!(strings(&language["extensions"]), [format!(".{EXTENSION}")]);
    let configuration = language["configuration"].as_str().unwrap();
    let configuration = read_json(&format!("editors/vscode/{configuration}"));
    assert_eq!(configuration["comments"]["lineComment"], "//");

    let grammars = contributes["grammars"].as_array().unwrap();
    assert_eq!(grammars.len(), 1);
    let grammar = &grammars[0];
    assert_eq!(grammar["language"], LANGUAGE_ID);
    assert_eq!(grammar["scopeName"], SCOPE_NAME);
    let path = grammar["path"].as_str().unwrap();
    let text_mate = read_json(&format!("editors/vscode/{path}"));
    assert_eq!(
        text_mate["scopeName"], SCOPE_NAME,
        "{path} has another scopeName"
    );

    let activation = strings(&manifest["activationEvents"]);
    assert!(activation.contains(&format!("onLanguage:{LANGUAGE_ID}").as_str()));
    assert_eq!(manifest["main"], "./out/extension.js");

    let settings = &contributes["configuration"]["properties"];
    assert_eq!(settings["clausier.server.path"]["default"], SERVER_COMMAND);
    assert_eq!(settings["clausier.server.extraArgs"]["type"], "array");
    assert_eq!(settings["clausier.trace.server"]["default"], "off");
    let commands = contributes["commands"].as_array().unwrap();
    assert!(
        commands
            .iter()
            .any(|command| command["command"] == "clausier.restartServer")
    );

    // The client starts `clausier lsp` and registers the restart command.
    let client = read("editors/vscode/src/extension.ts");
    for needle in [
        "vscode-languageclient/node",
        "\"server.path\"",
        "\"server.extraArgs\"",
        "args: [\"lsp\", ...extraArgs]",
        "\"clausier.restartServer\"",
        &format!("language: \"{LANGUAGE_ID}\""),
    ] {
        assert!(client.contains(needle), "extension.ts has no {needle}");
    }
    // A `transport` makes vscode-languageclient add `--stdio` to the arguments, which
    // `clausier lsp` refuses: the server talks over stdio without one.
    assert!(
        !client.contains("transport:"),
        "extension.ts names a transport, which adds `--stdio` to `clausier lsp`"
    );

    // The pinned tools are in the lock file `npm ci` installs from.
    let lock = read_json("editors/vscode/package-lock.json");
    for section in ["dependencies", "devDependencies"] {
        let Value::Object(pinned) = &manifest[section] else {
            panic!("package.json has no {section}");
        };
        for (name, version) in pinned {
            let version = version.as_str().unwrap();
            assert!(
                version.chars().all(|c| c.is_ascii_digit() || c == '.'),
                "{name} is not pinned to an exact version: {version}"
            );
            assert_eq!(
                lock["packages"][format!("node_modules/{name}")]["version"],
                version,
                "package-lock.json is out of date for {name}"
            );
        }
    }
}

#[test]
fn neovim_runs_one_server_for_clause_and_vendor_files() {
    let config = read("editors/nvim/lsp/clausier.lua");
    for needle in [
        "cmd = { 'clausier', 'lsp' }",
        "filetypes = vim.list_extend({ 'clausier' }, workspace.descriptor_filetypes)",
        "root_dir = workspace.root_dir",
        "reuse_client = workspace.reuse_client",
    ] {
        assert!(config.contains(needle), "{needle} in {config}");
    }
    // Inlay hints, lens refresh, inline diagnostics and the preview command are on without
    // further setup.
    for shown in [
        "vim.lsp.inlay_hint.enable(true",
        "vim.lsp.codelens.refresh",
        "virtual_text = true",
        "on_attach = show_what_the_server_offers",
        "'ClausierPreview'",
        // Neovim 0.11 neither offers nor handles the lens refresh the server sends.
        "codeLens = { refreshSupport = true }",
        "['workspace/codeLens/refresh'] = refresh_lenses",
        "vim.lsp.commands[failing_vendors.lens_command] = failing_vendors.show",
    ] {
        assert!(config.contains(shown), "{shown} in {config}");
    }

    let workspace = read("editors/nvim/lua/clausier/workspace.lua");
    let filetypes = format!(
        "M.descriptor_filetypes = {{ {} }}",
        DESCRIPTOR_FILETYPES
            .iter()
            .map(|filetype| format!("'{filetype}'"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(workspace.contains(&filetypes), "{filetypes} in {workspace}");
    for marker in [".git", PACK_MANIFEST] {
        assert!(
            workspace.contains(&format!("'{marker}'")),
            "{marker} in {workspace}"
        );
    }
    // Reusing the client tells the server of a new root (Neovim 0.11 does not by itself).
    assert!(workspace.contains("'workspace/didChangeWorkspaceFolders'"));

    let failing_vendors = read("editors/nvim/lua/clausier/failing_vendors.lua");
    for command in [LENS_COMMAND, FAILING_VENDORS_COMMAND] {
        assert!(
            failing_vendors.contains(&format!("'{command}'")),
            "{command} in {failing_vendors}"
        );
    }
    assert!(failing_vendors.contains("vim.fn.setqflist("));
    let preview = read("editors/nvim/lua/clausier/preview.lua");
    assert!(
        preview.contains(&format!("'{PREVIEW_COMMAND}'")),
        "{preview}"
    );

    let ftplugin = read("editors/nvim/ftplugin/clausier.lua");
    assert!(
        ftplugin.contains("vim.fn.has('nvim-0.11') == 0"),
        "{ftplugin}"
    );

    let detect = read("editors/nvim/ftdetect/clausier.lua");
    assert!(
        detect.contains("vim.filetype.add({ extension = { clause = 'clausier' } })"),
        "{detect}"
    );
    // Neovim 0.7 reads no `vim.filetype.add` table: without its own autocommand a `.clause`
    // file would get no filetype there, and so not the ftplugin's warning.
    assert!(
        detect.contains("autocmd BufNewFile,BufRead *.clause setfiletype clausier"),
        "{detect}"
    );
}

#[test]
fn the_textmate_grammar_knows_every_word_of_the_language() {
    let grammar = read_json("editors/vscode/syntaxes/clausier.tmLanguage.json");
    let mut all = Vec::new();
    regexes(&grammar, &mut all);
    let known: BTreeSet<&str> = all.iter().flat_map(|regex| words(regex)).collect();

    let missing: Vec<&str> = language_words()
        .into_iter()
        .filter(|word| !known.contains(word))
        .collect();
    assert!(
        missing.is_empty(),
        "words of the lexicon missing from the TextMate grammar: {missing:?}"
    );
}

#[test]
fn the_grammar_scope_tests_exercise_every_word_of_the_language() {
    let folder = workspace_root().join("editors/vscode/test/grammar");
    let mut tested = String::new();
    let mut files = 0;
    for entry in fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".test.clause") {
            let text = fs::read_to_string(&path).unwrap();
            let header = format!("// SYNTAX TEST \"{SCOPE_NAME}\"");
            assert!(
                text.starts_with(&header),
                "{}: no header `{header}`",
                path.display()
            );
            // The source lines, without the assertion lines.
            for line in text.lines().filter(|line| !line.starts_with("//")) {
                tested.push_str(line);
                tested.push('\n');
            }
            files += 1;
        }
    }
    assert!(files > 0, "no scope tests in {}", folder.display());
    let tested = words(&tested);
    let untested: Vec<&str> = language_words()
        .into_iter()
        .filter(|word| !tested.contains(word))
        .collect();
    assert!(
        untested.is_empty(),
        "words of the language no scope test uses: {untested:?}"
    );
}

#[test]
fn the_vim_syntax_knows_every_word_of_the_language() {
    let syntax = read("editors/nvim/syntax/clausier.vim");
    let code: String = syntax
        .lines()
        .filter(|line| !line.trim_start().starts_with('"'))
        .collect::<Vec<_>>()
        .join("\n");
    let known = words(&code);
    let missing: Vec<&str> = language_words()
        .into_iter()
        .filter(|word| !known.contains(word))
        .collect();
    assert!(
        missing.is_empty(),
        "words of the lexicon missing from syntax/clausier.vim: {missing:?}"
    );
}

#[test]
fn every_editor_uses_the_same_extension_and_server() {
    let manifest = read_json("editors/vscode/package.json");
    let text_mate = read_json("editors/vscode/syntaxes/clausier.tmLanguage.json");
    assert_eq!(strings(&text_mate["fileTypes"]), [EXTENSION]);
    let helix: toml::Table = toml::from_str(&read("editors/helix/languages.toml")).unwrap();
    assert_eq!(
        helix["language"][0]["scope"].as_str(),
        manifest["contributes"]["grammars"][0]["scopeName"].as_str()
    );

    // The README of editors/ names each editor's folder, and each folder has its README.
    let readme = read("editors/README.md");
    for folder in ["vscode", "nvim", "helix"] {
        assert!(
            readme.contains(&format!("{folder}/")),
            "editors/README.md does not name {folder}/"
        );
        assert!(
            workspace_root()
                .join("editors")
                .join(folder)
                .join("README.md")
                .is_file(),
            "editors/{folder} has no README.md"
        );
    }
    // The packs this repository ships are what the editors open.
    let packs = workspace_root().join("rules");
    let clause_files = fs::read_dir(packs.join("edtech-fr"))
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|extension| extension == EXTENSION)
        })
        .count();
    assert!(clause_files > 0);
    assert!(packs.join("edtech-fr").join(PACK_MANIFEST).is_file());
}

//! What the end-to-end suites that run the binary and an independent checker share: the
//! workspace root, the checkers' paths that `scripts/test` exports, and running programs
//! from the workspace root.

#![allow(
    dead_code,
    reason = "each test crate includes this module and uses the part it needs"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The path in the environment variable `name`, which `scripts/test` sets by running
/// `script`; without it the test fails and says how to set it. `purpose` ends the
/// sentence "… is not set: these tests …".
pub fn checker(name: &str, script: &str, purpose: &str) -> PathBuf {
    match std::env::var_os(name) {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => panic!(
            "{name} is not set: these tests {purpose}. Run `scripts/test`, or first \
             `export {name}=\"$({script})\"`"
        ),
    }
}

/// The Python of `scripts/python-env`, with the pinned packages of tests/requirements.txt.
pub fn python(purpose: &str) -> PathBuf {
    checker("CLAUSIER_TEST_PYTHON", "scripts/python-env", purpose)
}

/// Runs `program` from the workspace root with nothing on its standard input.
pub fn run(program: &Path, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap_or_else(|error| panic!("cannot run `{}`: {error}", program.display()))
}

/// Runs the `clausier` binary of this build.
pub fn clausier(args: &[&str]) -> Output {
    run(Path::new(env!("CARGO_BIN_EXE_clausier")), args)
}

//! Packs come from others: what a pack names can neither read the buyer's files, nor hang
//! a command, nor change a verdict unnoticed. Test files and clause files that lead out
//! of the workspace, FIFOs, devices and oversized files are refused, located; the files
//! tests read are locked; and a dependency pinned to its publisher's key is refused when
//! its signature is missing, by another key, or no longer matches a single byte.
//!
//! Every link, FIFO and device is made in a temporary folder; every run of the binary is
//! bounded by a timeout, so that a regression that opens a FIFO fails instead of hanging.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail loudly"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// What a hostile file holds: it must never reach a message.
const SECRET: &str = "jeton-secret-8f3a";

const CLAUSES: &str = r#"descriptor {
  name: string
}

requirement NOM-01 "Nom" {
  require name == "Cartable"
}

test "le descripteur de test est accepté" {
  given "descripteurs/ok.yaml"
  expect eligible
}
"#;

/// A workspace (a Git repository) in a temporary folder, with a pack `pack` in it, and
/// room beside the workspace for files that are outside it.
struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Self { dir };
        fs::create_dir_all(workspace.root().join(".git")).unwrap();
        workspace.write(
            "pack/pack.toml",
            "[pack]\nname = \"pack\"\nversion = \"1.0.0\"\n",
        );
        workspace.write("pack/clauses.clause", CLAUSES);
        workspace.write("pack/descripteurs/ok.yaml", "name: Cartable\n");
        fs::create_dir_all(workspace.outside()).unwrap();
        fs::write(
            workspace.outside().join("token.yaml"),
            format!("name: {SECRET}\n"),
        )
        .unwrap();
        workspace
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("workspace")
    }

    /// A folder beside the workspace, holding `token.yaml`.
    fn outside(&self) -> PathBuf {
        self.dir.path().join("secret")
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn replace(&self, relative: &str, from: &str, to: &str) {
        let path = self.path(relative);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "`{from}` is not in {relative}");
        fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    /// Runs `clausier` in the workspace.
    fn clausier(&self, args: &[&str]) -> Run {
        self.clausier_with(args, &[])
    }

    fn clausier_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_clausier"));
        // The messages these tests read are the English ones.
        command
            .args(args)
            .args(["--lang", "en"])
            .current_dir(self.root())
            .env_remove("CLAUSIER_PACK_FILE_LIMIT")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        Run::bounded(command, args)
    }
}

/// A finished run of the binary.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Runs `command`, killed after a timeout: a command that opens a FIFO would
    /// otherwise wait for a writer for ever.
    fn bounded(mut command: Command, args: &[&str]) -> Self {
        let mut child = command.spawn().unwrap();
        let start = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if start.elapsed() > Duration::from_secs(30) {
                child.kill().unwrap();
                child.wait().unwrap();
                panic!("`clausier {}` did not finish: it hangs", args.join(" "));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let Output {
            status,
            stdout,
            stderr,
        } = child.wait_with_output().unwrap();
        Self {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// Refused with exit code 2 and `code`, showing none of the secret.
    fn assert_refused(&self, code: &str, words: &[&str]) {
        let all = self.all();
        assert_eq!(self.code, 2, "{all}");
        assert!(all.contains(code), "no {code} in:\n{all}");
        // Messages are wrapped at 100 columns, under a margin.
        let squeeze = |text: &str| -> String {
            text.chars()
                .filter(|c| !c.is_whitespace() && *c != '│')
                .collect()
        };
        for word in words {
            assert!(
                squeeze(&all).contains(&squeeze(word)),
                "no `{word}` in:\n{all}"
            );
        }
        assert!(!all.contains(SECRET), "the secret was printed:\n{all}");
    }

    fn assert_success(&self) {
        assert_eq!(self.code, 0, "{}", self.all());
    }
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo failed");
}

// Test files

#[test]
fn a_pack_with_its_test_file_inside_passes_its_tests() {
    let workspace = Workspace::new();
    workspace.clausier(&["test", "pack"]).assert_success();
}

#[test]
fn a_test_file_outside_the_workspace_is_refused_and_never_printed() {
    let workspace = Workspace::new();
    workspace.replace(
        "pack/clauses.clause",
        "descripteurs/ok.yaml",
        "../../secret/token.yaml",
    );
    for command in ["test", "validate"] {
        workspace.clausier(&[command, "pack"]).assert_refused(
            "E0805",
            &[
                "`pack/../../secret/token.yaml` leads out of the workspace",
                "clauses.clause:10:9",
            ],
        );
    }
}

#[test]
fn a_test_file_given_by_an_absolute_path_is_refused() {
    let workspace = Workspace::new();
    let absolute = workspace.outside().join("token.yaml");
    workspace.replace(
        "pack/clauses.clause",
        "descripteurs/ok.yaml",
        absolute.to_str().unwrap(),
    );
    workspace
        .clausier(&["test", "pack"])
        .assert_refused("E0805", &["is an absolute path"]);
}

#[cfg(unix)]
#[test]
fn a_test_file_that_links_out_of_the_workspace_is_refused() {
    let workspace = Workspace::new();
    let fixture = workspace.path("pack/descripteurs/ok.yaml");
    fs::remove_file(&fixture).unwrap();
    symlink(&workspace.outside().join("token.yaml"), &fixture);
    workspace.clausier(&["test", "pack"]).assert_refused(
        "E0805",
        &["`pack/descripteurs/ok.yaml` leads out of the workspace"],
    );
}

#[test]
fn a_changed_test_file_makes_the_lock_out_of_date() {
    let workspace = Workspace::new();
    workspace.clausier(&["lock", "pack"]).assert_success();
    let lock = fs::read_to_string(workspace.path("pack/pack.lock")).unwrap();
    assert!(
        lock.contains("\"descripteurs/ok.yaml\" = \"sha256:"),
        "{lock}"
    );
    workspace
        .clausier(&["lock", "pack", "--frozen"])
        .assert_success();

    workspace.write("pack/descripteurs/ok.yaml", "name: Autre\n");
    let changed = "`pack/descripteurs/ok.yaml` changed";
    workspace
        .clausier(&["lock", "pack", "--frozen"])
        .assert_refused("E0806", &[changed]);
    workspace
        .clausier(&["test", "pack"])
        .assert_refused("E0806", &[changed]);
}

// Clause files, manifests and locks

#[cfg(unix)]
#[test]
fn a_clause_file_that_links_out_of_the_workspace_is_refused_unread() {
    let workspace = Workspace::new();
    let target = workspace.outside().join("passwd.clause");
    fs::write(&target, format!("root:x:0:0:{SECRET}:/root:/bin/bash\n")).unwrap();
    symlink(&target, &workspace.path("pack/passwd.clause"));
    for command in ["validate", "test", "lock"] {
        workspace.clausier(&[command, "pack"]).assert_refused(
            "E0805",
            &["`pack/passwd.clause` leads out of the workspace"],
        );
    }
}

#[cfg(unix)]
#[test]
fn a_lock_that_is_a_fifo_is_refused_without_waiting() {
    let workspace = Workspace::new();
    mkfifo(&workspace.path("pack/pack.lock"));
    for command in ["validate", "test", "lock"] {
        workspace.clausier(&[command, "pack"]).assert_refused(
            "E0809",
            &["`pack/pack.lock` is not a regular file: it is a FIFO"],
        );
    }
}

#[cfg(unix)]
#[test]
fn a_clause_file_or_manifest_that_is_a_fifo_is_refused_not_skipped() {
    let workspace = Workspace::new();
    mkfifo(&workspace.path("pack/more.clause"));
    workspace
        .clausier(&["validate", "pack"])
        .assert_refused("E0809", &["`pack/more.clause` is not a regular file"]);

    let workspace = Workspace::new();
    fs::remove_file(workspace.path("pack/pack.toml")).unwrap();
    mkfifo(&workspace.path("pack/pack.toml"));
    workspace
        .clausier(&["validate", "pack"])
        .assert_refused("E0809", &["`pack/pack.toml` is not a regular file"]);
}

#[cfg(unix)]
#[test]
fn a_lock_that_links_to_a_device_is_refused() {
    let workspace = Workspace::new();
    // A device of our own, in the temporary folder: the machine's `/dev` is not touched.
    let device = workspace.outside().join("zero");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "5"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !made {
        // Only root makes devices; a FIFO stands for them, refused the same way.
        mkfifo(&device);
    }
    symlink(&device, &workspace.path("pack/pack.lock"));
    let kind = if made { "a device" } else { "a FIFO" };
    workspace.clausier(&["validate", "pack"]).assert_refused(
        "E0809",
        &[&format!(
            "`pack/pack.lock` is not a regular file: it is {kind}"
        )],
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_the_limit_and_how_to_raise_it() {
    let workspace = Workspace::new();
    let padding = format!("// {}\n", "x".repeat(2000));
    workspace.write("pack/large.clause", &padding);
    let limit = [("CLAUSIER_PACK_FILE_LIMIT", "1KiB")];
    workspace
        .clausier_with(&["validate", "pack"], &limit)
        .assert_refused(
            "E0903",
            &[
                "`pack/large.clause` is larger than the limit of 1 KiB for a pack file",
                "CLAUSIER_PACK_FILE_LIMIT=1 MiB",
            ],
        );
    let raised = [("CLAUSIER_PACK_FILE_LIMIT", "64KiB")];
    workspace
        .clausier_with(&["validate", "pack"], &raised)
        .assert_success();
    let invalid = [("CLAUSIER_PACK_FILE_LIMIT", "beaucoup")];
    workspace
        .clausier_with(&["validate", "pack"], &invalid)
        .assert_refused("E0903", &["`beaucoup` is not a size"]);
}

// Signed packs

/// A workspace with a publisher's pack `edtech` and a buyer's pack `region` that
/// depends on it.
fn signed_workspace() -> Workspace {
    let workspace = Workspace::new();
    fs::rename(workspace.path("pack"), workspace.path("edtech")).unwrap();
    workspace.replace("edtech/pack.toml", "name = \"pack\"", "name = \"edtech\"");
    workspace.write(
        "region/pack.toml",
        "[pack]\nname = \"region\"\nversion = \"1.0.0\"\n\n[dependencies]\n\
         edtech = { path = \"../edtech\", version = \"^1.0\" }\n",
    );
    workspace.write("region/region.clause", "use edtech\n");
    workspace.write("offres/cartable.yaml", "name: Cartable\n");
    workspace
}

fn pin(workspace: &Workspace, key: &str) {
    workspace.replace(
        "region/pack.toml",
        "version = \"^1.0\" }",
        &format!("version = \"^1.0\", key = \"{key}\" }}"),
    );
}

/// Every command that loads the region refuses it with `code`.
fn assert_every_command_refuses(workspace: &Workspace, code: &str, words: &[&str]) {
    for args in [
        &["check", "region", "offres"][..],
        &["validate", "region"],
        &["test", "region"],
        &["render", "region"],
        &["lock", "region"],
    ] {
        workspace.clausier(args).assert_refused(code, words);
    }
}

#[test]
fn a_pinned_dependency_is_accepted_only_as_its_publisher_signed_it() {
    let workspace = signed_workspace();
    let keygen = workspace.clausier(&["pack", "keygen", "publisher.key"]);
    keygen.assert_success();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(workspace.path("publisher.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the secret key is readable by others");
    }
    let key = fs::read_to_string(workspace.path("publisher.key.pub")).unwrap();
    let key = key.trim();
    assert!(key.starts_with("ed25519:"), "{key}");
    assert!(keygen.stderr.contains(key), "{}", keygen.stderr);

    workspace
        .clausier(&["pack", "sign", "edtech", "--key", "publisher.key"])
        .assert_success();
    let verified = workspace.clausier(&["pack", "verify", "edtech", "--key", "publisher.key.pub"]);
    verified.assert_success();
    assert!(
        verified.stderr.contains("`edtech/pack.sig` verifies"),
        "{}",
        verified.stderr
    );
    pin(&workspace, key);
    workspace
        .clausier(&["check", "region", "offres"])
        .assert_success();
    workspace.clausier(&["lock", "region"]).assert_success();
    workspace.clausier(&["test", "edtech"]).assert_success();

    // One byte changed in a clause file.
    workspace.replace("edtech/clauses.clause", "Cartable", "Cartablf");
    assert_every_command_refuses(
        &workspace,
        "E0812",
        &[
            "the dependency `edtech` changed since it was signed",
            "region/pack.toml:6:",
        ],
    );
    workspace
        .clausier(&["pack", "verify", "edtech"])
        .assert_refused("E0812", &["changed since it was signed"]);
    workspace.replace("edtech/clauses.clause", "Cartablf", "Cartable");
    workspace.clausier(&["validate", "region"]).assert_success();

    // One byte changed in a file its tests read: signed too.
    workspace.write("edtech/descripteurs/ok.yaml", "name: Cartable \n");
    workspace
        .clausier(&["validate", "region"])
        .assert_refused("E0812", &["changed since it was signed"]);
    workspace.write("edtech/descripteurs/ok.yaml", "name: Cartable\n");

    // No signature.
    let signature = workspace.path("edtech/pack.sig");
    let signed = fs::read_to_string(&signature).unwrap();
    fs::remove_file(&signature).unwrap();
    assert_every_command_refuses(
        &workspace,
        "E0810",
        &["the dependency `edtech` is pinned to a key, and `edtech/pack.sig` does not exist"],
    );

    // Signed by someone else.
    workspace
        .clausier(&["pack", "keygen", "other.key"])
        .assert_success();
    workspace
        .clausier(&["pack", "sign", "edtech", "--key", "other.key"])
        .assert_success();
    let other = fs::read_to_string(workspace.path("other.key.pub")).unwrap();
    assert_every_command_refuses(
        &workspace,
        "E0813",
        &[
            "the dependency `edtech` is signed by another key",
            other.trim(),
        ],
    );
    workspace
        .clausier(&["pack", "verify", "edtech", "--key", "publisher.key.pub"])
        .assert_refused("E0813", &["signed by another key"]);

    // The publisher's signature put back: accepted again.
    fs::write(&signature, signed).unwrap();
    workspace
        .clausier(&["check", "region", "offres"])
        .assert_success();
}

#[test]
fn a_damaged_signature_or_key_is_located() {
    let workspace = signed_workspace();
    workspace
        .clausier(&["pack", "keygen", "publisher.key"])
        .assert_success();
    workspace
        .clausier(&["pack", "sign", "edtech", "--key", "publisher.key"])
        .assert_success();
    workspace.replace("edtech/pack.sig", "signature = \"", "signature = \"@");
    workspace
        .clausier(&["pack", "verify", "edtech"])
        .assert_refused(
            "E0811",
            &[
                "the signature is not 64 bytes in base64",
                "edtech/pack.sig:5:",
            ],
        );
    workspace
        .clausier(&["pack", "sign", "edtech", "--key", "publisher.key.pub"])
        .assert_refused("E0811", &["is not a secret key file"]);
    workspace.write("region/pack.toml", "[pack]\nname = \"region\"\n\n[dependencies]\nedtech = { path = \"../edtech\", key = \"ed25519:abc\" }\n");
    workspace
        .clausier(&["validate", "region"])
        .assert_refused("E0801", &["`ed25519:abc` is not a publisher's key"]);
}

#[test]
fn keygen_never_overwrites_a_key() {
    let workspace = Workspace::new();
    workspace.write("publisher.key", "précieux\n");
    let run = workspace.clausier(&["pack", "keygen", "publisher.key"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr.contains("cannot write `publisher.key`") && run.stderr.contains("exists"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(workspace.path("publisher.key")).unwrap(),
        "précieux\n"
    );
    assert!(!workspace.path("publisher.key.pub").exists());
}

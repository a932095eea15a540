//! What `check` reads and writes when its inputs and its output path are not to be
//! trusted: the output never replaces a device, a FIFO, a link or a vendor's file; an
//! interrupted run leaves nothing behind; only regular files of bounded size are read;
//! every record is counted once.
//!
//! FIFOs, links, devices and files live in temporary folders, so that a regression can
//! only harm those. A test that could block on a FIFO runs the binary under a deadline.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

mod support;

use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::workspace_root;

const DATE: &str = "2026-11-28";
/// Long enough for a debug build on a busy machine, short enough to end a hung test.
const DEADLINE: Duration = Duration::from_secs(120);

fn pack() -> String {
    workspace_root()
        .join("rules/edtech-fr")
        .display()
        .to_string()
}

fn example(name: &str) -> PathBuf {
    workspace_root().join("examples/edtech-fr").join(name)
}

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clausier"));
    // The messages these tests read are the English ones.
    command
        .args(args)
        .args(["--lang", "en"])
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs `clausier check PACK ARGS… --date DATE`, killed if it outlives the deadline.
fn check(args: &[&str]) -> Output {
    let mut all = vec!["check".to_owned(), pack()];
    all.extend(args.iter().map(|arg| (*arg).to_owned()));
    all.extend(["--date".to_owned(), DATE.to_owned()]);
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    finish(command(&all).spawn().unwrap())
}

/// Waits for the child, reading its output meanwhile (a full pipe would stop it).
fn finish(mut child: Child) -> Output {
    fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).unwrap();
            bytes
        })
    }
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > DEADLINE {
            child.kill().unwrap();
            panic!("`clausier` was still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn summary(output: &Output) -> serde_json::Value {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("not a JSON report ({error}): {}", stderr(output)));
    report["summary"].clone()
}

fn make_fifo(at: &Path) {
    let made = Command::new("mkfifo").arg(at).status().unwrap();
    assert!(made.success(), "cannot make a FIFO at {}", at.display());
}

/// The JSON report of one example, as written to standard output.
fn expected_report() -> Vec<u8> {
    let output = check(&[path(&example("eveil-numerique.json")), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    output.stdout
}

fn check_into(output_path: &Path) -> Output {
    check(&[
        path(&example("eveil-numerique.json")),
        "--format",
        "json",
        "--output",
        path(output_path),
    ])
}

#[test]
fn output_to_a_character_device_writes_to_it_and_leaves_it_one() {
    // A null device of the test's own where the system allows making one (as root), else
    // a link to `/dev/null`: a run that replaced instead of writing would replace the
    // test's node or link, never the machine's `/dev/null`.
    let dir = tempfile::tempdir().unwrap();
    let device = dir.path().join("null");
    let made = Command::new("mknod")
        .args([path(&device), "c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !made {
        std::os::unix::fs::symlink("/dev/null", &device).unwrap();
    }
    let output = check_into(&device);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let kept = fs::symlink_metadata(&device).unwrap().file_type();
    assert!(if made {
        kept.is_char_device()
    } else {
        kept.is_symlink()
    });
    assert!(fs::metadata(&device).unwrap().file_type().is_char_device());
    assert_eq!(names(dir.path()), ["null"]);
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn output_to_a_fifo_reaches_its_reader() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report.fifo");
    make_fifo(&fifo);
    // Opened without waiting, the reader cannot block: until the run is over, an empty
    // read means no writer yet; after, the end.
    let mut reader = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&fifo)
        .unwrap();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let finished = std::sync::Arc::clone(&done);
    let reader = std::thread::spawn(move || {
        let (mut bytes, mut buffer) = (Vec::new(), [0_u8; 1 << 16]);
        loop {
            match reader.read(&mut buffer) {
                Ok(0) if finished.load(std::sync::atomic::Ordering::SeqCst) => return bytes,
                Ok(read) => bytes.extend_from_slice(&buffer[..read]),
                Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(error) => panic!("cannot read the FIFO: {error}"),
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    });
    let output = check_into(&fifo);
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let received = reader.join().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(received, expected_report());
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names(dir.path()), ["report.fifo"]);
}

#[test]
fn output_through_a_symbolic_link_writes_the_file_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    fs::create_dir(&reports).unwrap();
    fs::write(reports.join("2026.json"), "old").unwrap();
    let link = dir.path().join("latest.json");
    std::os::unix::fs::symlink("reports/2026.json", &link).unwrap();
    let output = check_into(&link);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read(reports.join("2026.json")).unwrap(),
        expected_report()
    );
    assert_eq!(names(&reports), ["2026.json"]);
}

#[test]
fn output_keeps_the_permissions_of_the_file_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    fs::write(&report, "old").unwrap();
    fs::set_permissions(&report, fs::Permissions::from_mode(0o600)).unwrap();
    let output = check_into(&report);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(fs::metadata(&report).unwrap().mode() & 0o777, 0o600);
    assert_eq!(fs::read(&report).unwrap(), expected_report());
}

#[test]
fn output_with_hard_links_is_seen_through_every_link() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let shared = dir.path().join("shared.json");
    fs::write(&report, "old").unwrap();
    fs::hard_link(&report, &shared).unwrap();
    let output = check_into(&report);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(fs::read(&shared).unwrap(), expected_report());
    assert_eq!(
        fs::metadata(&report).unwrap().ino(),
        fs::metadata(&shared).unwrap().ino()
    );
    assert_eq!(names(dir.path()), ["report.json", "shared.json"]);
}

#[test]
fn output_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let output = command(&[
        "check",
        &pack(),
        path(&example("eveil-numerique.json")),
        "--format",
        "json",
        "--date",
        DATE,
        "--output",
        "-",
    ])
    .current_dir(dir.path())
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(output.stdout, expected_report());
    assert!(names(dir.path()).is_empty(), "no file named `-`");
}

#[test]
fn output_that_is_a_descriptor_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let vendor = dir.path().join("vendor.json");
    fs::copy(example("eveil-numerique.json"), &vendor).unwrap();
    let before = fs::read(&vendor).unwrap();
    let link = dir.path().join("same.json");
    std::os::unix::fs::symlink(&vendor, &link).unwrap();
    for output_path in [&vendor, &link] {
        let output = check(&[path(&vendor), "--output", path(output_path)]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains(&format!(
                "`{}` is both a descriptor to check and the report's output",
                vendor.display()
            )),
            "{}",
            stderr(&output)
        );
        assert_eq!(fs::read(&vendor).unwrap(), before);
    }
}

#[test]
fn output_inside_a_descriptor_folder_is_never_read_back() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(example("eveil-numerique.json"), dir.path().join("a.json")).unwrap();
    fs::copy(example("nuage-lointain.json"), dir.path().join("b.json")).unwrap();
    let report = dir.path().join("report.json");
    for _ in 0..2 {
        let output = check(&[
            path(dir.path()),
            "--format",
            "json",
            "--output",
            path(&report),
        ]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let written: serde_json::Value =
            serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
        assert_eq!(written["summary"]["total"], 2);
    }
}

#[test]
fn an_interrupted_run_leaves_the_previous_report_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("offres.ndjson");
    let line = fs::read_to_string(example("centrale-achats.ndjson")).unwrap();
    let line = line.lines().next().unwrap().to_owned();
    let mut file = fs::File::create(&input).unwrap();
    for _ in 0..400_000 {
        writeln!(file, "{line}").unwrap();
    }
    drop(file);
    let report = dir.path().join("report.json");
    fs::write(&report, "previous").unwrap();
    for signal in ["TERM", "INT", "HUP"] {
        let child = command(&[
            "check",
            &pack(),
            path(&input),
            "--format",
            "json",
            "--date",
            DATE,
            "--output",
            path(&report),
        ])
        .spawn()
        .unwrap();
        let start = Instant::now();
        while !names(dir.path()).iter().any(|name| name.ends_with(".tmp")) {
            assert!(start.elapsed() < DEADLINE, "no temporary file appeared");
            std::thread::sleep(Duration::from_millis(2));
        }
        let sent = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let output = finish(child);
        assert_ne!(
            output.status.code(),
            Some(1),
            "the run ended before the signal"
        );
        assert_eq!(
            names(dir.path()),
            ["offres.ndjson", "report.json"],
            "after SIG{signal}"
        );
        assert_eq!(fs::read_to_string(&report).unwrap(), "previous");
    }
}

#[test]
fn a_fifo_descriptor_is_invalid_and_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("offre.json");
    make_fifo(&fifo);
    fs::copy(
        example("eveil-numerique.json"),
        dir.path().join("vraie.json"),
    )
    .unwrap();
    for args in [vec![path(&fifo)], vec![path(dir.path())]] {
        let mut args = args;
        args.extend(["--format", "json"]);
        let output = check(&args);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let entry = report["descriptors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|entry| entry["id"] == "offre")
            .unwrap();
        assert_eq!(entry["status"], "invalid");
        assert_eq!(
            entry["errors"][0]["message"],
            format!(
                "cannot read `{}`: it is a FIFO (named pipe), not a regular file",
                fifo.display()
            )
        );
    }
}

#[test]
fn a_link_to_dev_zero_is_invalid_and_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["zero.json", "zero.ndjson"] {
        let link = dir.path().join(name);
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let output = check(&[path(&link), "--format", "json"]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["summary"]["invalid"], 1);
        assert_eq!(
            report["descriptors"][0]["errors"][0]["message"],
            format!(
                "cannot read `{}`: it is a character device, not a regular file",
                link.display()
            )
        );
    }
}

#[test]
fn a_descriptor_larger_than_the_limit_is_invalid_and_says_how_to_raise_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("gros.json");
    let text = fs::read_to_string(example("eveil-numerique.json")).unwrap();
    fs::write(&big, format!("{text}{}", " ".repeat(4096))).unwrap();
    let lines = dir.path().join("lot.ndjson");
    fs::write(
        &lines,
        format!("{{}}\n{{\"id\": \"{}\"}}\n{{}}\n", "x".repeat(2000)),
    )
    .unwrap();
    let output = check(&[
        path(&big),
        path(&lines),
        "--format",
        "json",
        "--max-descriptor-size",
        "1KiB",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["total"], 4);
    let big_error = &report["descriptors"][0]["errors"][0];
    assert_eq!(
        big_error["message"],
        format!(
            "`{}` is larger than 1 KiB, the largest descriptor read",
            big.display()
        )
    );
    assert!(
        big_error["help"]
            .as_str()
            .unwrap()
            .ends_with("raise the limit with `--max-descriptor-size 2KiB`"),
        "{big_error}"
    );
    let line_error = &report["descriptors"][2]["errors"][0];
    assert_eq!(report["descriptors"][2]["status"], "invalid");
    assert_eq!(
        line_error["message"],
        format!(
            "line 2 of `{}` is larger than 1 KiB, the largest descriptor read",
            lines.display()
        )
    );
    let output = check(&[path(&big), "--max-descriptor-size", "12 parsecs"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn inputs_without_any_record_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let header_only = dir.path().join("entete.csv");
    fs::write(&header_only, "id,name\n").unwrap();
    let empty = dir.path().join("vide.ndjson");
    fs::write(&empty, "\n\r\n").unwrap();
    for (input, format) in [
        (&header_only, "human"),
        (&header_only, "json"),
        (&empty, "json"),
        (&empty, "ndjson"),
        (&empty, "human"),
    ] {
        let output = check(&[path(input), "--format", format]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{format}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty(), "{format}: nothing is reported");
        assert!(
            stderr(&output).contains("no descriptor to check: the inputs hold no record"),
            "{}",
            stderr(&output)
        );
    }
    for format in ["json", "human"] {
        let output = check(&["-", "--format", format]);
        assert_eq!(output.status.code(), Some(2), "stdin, {format}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn overlapping_folders_check_each_file_once() {
    let alone = check(&["examples/edtech-fr", "--format", "json"]);
    let both = check(&["examples", "examples/edtech-fr", "--format", "json"]);
    let inner = check(&["examples/edtech-fr", "examples", "--format", "json"]);
    assert_eq!(both.status.code(), Some(1), "{}", stderr(&both));
    assert_eq!(inner.status.code(), Some(1), "{}", stderr(&inner));
    // Every other folder of `examples/` once (the lots example holds its pack too: its
    // `pack.toml` is read as one more descriptor).
    let mut folders: Vec<String> = std::fs::read_dir(workspace_root().join("examples"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "edtech-fr")
        .map(|name| format!("examples/{name}"))
        .collect();
    folders.sort();
    assert!(folders.len() >= 2, "{folders:?}");
    let others: Vec<Option<u64>> = folders
        .iter()
        .map(|folder| summary(&check(&[folder, "--format", "json"]))["total"].as_u64())
        .collect();
    let expected = summary(&alone)["total"].as_u64().unwrap()
        + others.iter().map(|total| total.unwrap_or(0)).sum::<u64>();
    assert_eq!(summary(&both)["total"].as_u64().unwrap(), expected);
    assert_eq!(summary(&inner)["total"].as_u64().unwrap(), expected);
}

#[test]
fn jobs_beyond_the_machine_are_capped_with_a_note() {
    let output = check(&[path(&example("eveil-numerique.json")), "--jobs", "100000"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("note: `--jobs 100000` is more than this machine can use"),
        "{}",
        stderr(&output)
    );
    let quiet = check(&[
        path(&example("eveil-numerique.json")),
        "--jobs",
        "100000",
        "-q",
    ]);
    assert!(quiet.stderr.is_empty());
}

#[test]
fn descriptors_that_share_an_id_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("lot.ndjson");
    fs::write(
        &lines,
        "{\"id\": \"a\"}\n{\"id\": \"a\"}\n{\"id\": \"b\"}\n",
    )
    .unwrap();
    for format in ["json", "human"] {
        let output = check(&[path(&lines), "--format", format]);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains(&format!(
                "warning: the id `a` of the descriptor in `{}` is already the id of an earlier \
                 descriptor",
                lines.display()
            )),
            "{format}: {}",
            stderr(&output)
        );
    }
}

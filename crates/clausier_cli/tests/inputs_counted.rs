//! Every record of every input is one descriptor in the report, exactly once: a property
//! over random folders of good, broken and special files given through overlapping
//! arguments, against a count of the records written here without Clausier's readers.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

mod support;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

use proptest::prelude::*;
use support::workspace_root;

/// One file of the folder, with the records it holds.
#[derive(Debug, Clone)]
enum Entry {
    Json {
        broken: bool,
    },
    EmptyJson,
    /// Rows, each `true` when its quote is never closed.
    Csv(Vec<bool>),
    /// Lines, each with whether it is blank, broken, and the line break after it.
    Ndjson(Vec<(bool, bool, &'static str)>),
    Fifo,
    /// A link to the file before it: the same file, counted once.
    LinkToPrevious,
    LinkToDevZero,
}

fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        any::<bool>().prop_map(|broken| Entry::Json { broken }),
        Just(Entry::EmptyJson),
        prop::collection::vec(any::<bool>(), 0..5).prop_map(Entry::Csv),
        prop::collection::vec(
            (
                any::<bool>(),
                any::<bool>(),
                prop_oneof![Just("\n"), Just("\r\n"), Just("\r")]
            ),
            0..6
        )
        .prop_map(Entry::Ndjson),
        Just(Entry::Fifo),
        Just(Entry::LinkToPrevious),
        Just(Entry::LinkToDevZero),
    ]
}

/// Writes `entries` below `root`, every third in a nested folder; returns the records
/// they hold.
fn write(root: &Path, entries: &[Entry]) -> usize {
    let mut records = 0;
    let mut previous: Option<std::path::PathBuf> = None;
    let mut dev_zero_seen = false;
    for (index, entry) in entries.iter().enumerate() {
        let folder = match index % 3 {
            2 => root.join("lot").join(format!("n{index}")),
            _ => root.join("lot"),
        };
        fs::create_dir_all(&folder).unwrap();
        let stem = folder.join(format!("f{index}"));
        match entry {
            Entry::Json { broken } => {
                let path = stem.with_extension("json");
                let text = if *broken {
                    "{\"id\": "
                } else {
                    "{\"id\": \"x\"}"
                };
                fs::write(&path, text).unwrap();
                records += 1;
                previous = Some(path);
            }
            Entry::EmptyJson => {
                let path = stem.with_extension("json");
                fs::write(&path, "").unwrap();
                records += 1;
                previous = Some(path);
            }
            Entry::Csv(rows) => {
                let path = stem.with_extension("csv");
                let mut text = "id,hosting.region\n".to_owned();
                for (row, unclosed) in rows.iter().enumerate() {
                    let region = if *unclosed { "\"EU" } else { "EU" };
                    writeln!(text, "r{row},{region}").unwrap();
                }
                fs::write(&path, text).unwrap();
                records += rows.len();
                previous = Some(path);
            }
            Entry::Ndjson(lines) => {
                let path = stem.with_extension("ndjson");
                let mut text = String::new();
                for (blank, broken, end) in lines {
                    text.push_str(match (blank, broken) {
                        (true, _) => "  ",
                        (false, true) => "{\"id\": [",
                        (false, false) => "{\"id\": \"y\"}",
                    });
                    text.push_str(end);
                    records += usize::from(!blank);
                }
                fs::write(&path, text).unwrap();
                previous = Some(path);
            }
            Entry::Fifo => {
                let path = stem.with_extension("json");
                assert!(
                    Command::new("mkfifo")
                        .arg(&path)
                        .status()
                        .unwrap()
                        .success()
                );
                records += 1;
            }
            Entry::LinkToPrevious => {
                if let Some(target) = &previous {
                    let path = folder.join(format!(
                        "f{index}.{}",
                        target.extension().unwrap().to_str().unwrap()
                    ));
                    std::os::unix::fs::symlink(target, path).unwrap();
                }
            }
            Entry::LinkToDevZero => {
                std::os::unix::fs::symlink("/dev/zero", stem.with_extension("json")).unwrap();
                // Every link to it reaches one file, reported once.
                records += usize::from(!dev_zero_seen);
                dev_zero_seen = true;
            }
        }
    }
    records
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_record_is_counted_once(entries in prop::collection::vec(entry(), 1..8)) {
        let dir = tempfile::tempdir().unwrap();
        let records = write(dir.path(), &entries);
        let lot = dir.path().join("lot");
        // Overlapping arguments: the folder twice, and a folder inside it.
        let mut command = Command::new(env!("CARGO_BIN_EXE_clausier"));
        command
            .args(["check", "rules/edtech-fr", "--date", "2026-11-28", "--format", "json"])
            .arg(&lot)
            .arg(&lot);
        if lot.join("n2").is_dir() {
            command.arg(lot.join("n2"));
        }
        let output = command
            .current_dir(workspace_root())
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        if records == 0 {
            prop_assert_eq!(output.status.code(), Some(2), "{}", stderr);
        } else {
            let report: serde_json::Value = serde_json::from_slice(&output.stdout)
                .unwrap_or_else(|error| panic!("{error}: {stderr}"));
            prop_assert_eq!(report["summary"]["total"].as_u64(), Some(records as u64), "{}", stderr);
        }
    }
}

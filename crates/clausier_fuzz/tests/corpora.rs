//! Replays every saved fuzzing input through its target: the corpora that `scripts/fuzz`
//! grows (`fuzz/corpus/TARGET/`) and every input that once broke an invariant
//! (`fuzz/regressions/TARGET/`), so that what a fuzzer found stays fixed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test states its expectations"
)]

use std::path::{Path, PathBuf};

fn fuzz_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn inputs(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_saved_input_still_holds_its_target_s_invariants() {
    let mut replayed = 0;
    for (name, target) in clausier_fuzz::TARGETS {
        let corpus = inputs(&fuzz_folder().join("corpus").join(name));
        assert!(
            !corpus.is_empty(),
            "no corpus for `{name}`: `scripts/fuzz --seed` writes the seeds"
        );
        let regressions = inputs(&fuzz_folder().join("regressions").join(name));
        for path in corpus.iter().chain(&regressions) {
            let data = std::fs::read(path).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(
                outcome.is_ok(),
                "`{name}` fails on {}: replay it with `scripts/fuzz --replay {name} {}`",
                path.display(),
                path.display()
            );
            replayed += 1;
        }
    }
    eprintln!("{replayed} saved inputs replayed");
}

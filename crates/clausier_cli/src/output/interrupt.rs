//! Temporary report files are removed when the run is interrupted (SIGINT, SIGTERM,
//! SIGHUP): the previous report stays, and nothing else is left beside it.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// The temporary files being written, which an interruption removes.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static LISTENING: OnceLock<()> = OnceLock::new();

/// Creates a temporary file with `create` and removes it if the run is interrupted
/// before [`forget`] is called. An interruption waits until the file is both created and
/// watched, so that none is left unwatched.
pub fn create_watched<T>(
    create: impl FnOnce() -> std::io::Result<T>,
    path_of: impl FnOnce(&T) -> &Path,
) -> std::io::Result<T> {
    LISTENING.get_or_init(listen);
    let mut pending = pending();
    let created = create()?;
    pending.push(path_of(&created).to_path_buf());
    Ok(created)
}

/// Holds interruptions back while `work` puts a report in place, so that the report is
/// either whole or not yet touched; then stops watching `path`.
pub fn finish<T>(path: &Path, work: impl FnOnce() -> T) -> T {
    let mut pending = pending();
    let result = work();
    pending.retain(|pending| pending != path);
    result
}

/// Stops watching `path`: it is gone or in place.
pub fn forget(path: &Path) {
    pending().retain(|pending| pending != path);
}

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    // A thread that panicked while holding the list left it whole: it only pushes and
    // retains.
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Starts the thread that waits for an interruption. Without it (the system refuses the
/// handlers), an interrupted run may leave a temporary file, as it did before.
fn listen() {
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("interrupt".to_owned())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the process ends: no report is put in place after this.
                let pending = pending();
                for path in pending.iter() {
                    let _ = std::fs::remove_file(path);
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    drop(spawned);
}

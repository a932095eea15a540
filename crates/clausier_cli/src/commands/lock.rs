//! `clausier lock PACK [--frozen]`

use clausier_pack::{LockOutcome, lock_pack};

use super::{Failure, Outcome};
use crate::args::LockArgs;
use crate::output::print_stderr;

pub fn run(args: &LockArgs) -> Result<Outcome, Failure> {
    let locked = lock_pack(&args.pack, args.frozen)?;
    let packs: Vec<String> = locked
        .lock
        .packs
        .iter()
        .map(|pack| format!("{} {}", pack.name, pack.version))
        .collect();
    let verb = match locked.outcome {
        LockOutcome::Written => "wrote",
        LockOutcome::UpToDate => "up to date:",
    };
    print_stderr(&format!(
        "{verb} `{}`: {}\n",
        locked.path.display(),
        packs.join(", ")
    ));
    Ok(Outcome::Success)
}

//! `clausier lock PACK [--frozen]`

use clausier_i18n::t;
use clausier_pack::{LockOutcome, lock_pack};

use super::language::chosen_lang;
use super::{Failure, Outcome};
use crate::args::{LangArg, LockArgs};
use crate::output::print_stderr;

pub fn run(args: &LockArgs, lang: Option<LangArg>) -> Result<Outcome, Failure> {
    let lang = chosen_lang(lang, None);
    let locked = lock_pack(&args.pack, args.frozen)?;
    let packs: Vec<String> = locked
        .lock
        .packs
        .iter()
        .map(|pack| format!("{} {}", pack.name, pack.version))
        .collect();
    let path = locked.path.display().to_string();
    let packs = packs.join(", ");
    let said = match locked.outcome {
        LockOutcome::Written => t!(lang, "lock-wrote", path = path, packs = packs),
        LockOutcome::UpToDate => t!(lang, "lock-up-to-date", path = path, packs = packs),
    };
    print_stderr(&format!("{said}\n"));
    Ok(Outcome::Success)
}

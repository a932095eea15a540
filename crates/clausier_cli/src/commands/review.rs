//! `clausier review --log DB --pack PACK --descriptor FILE --clause ID (--accept|--refuse)
//! --reason TEXT [--by NAME]`: the buyer's decision on a claim of an equivalent, recorded in
//! the decision log and tied to the offer's content as it is now.

use std::io;

use clausier_data::load::LoadOptions;
use clausier_diagnostics::Message;
use clausier_i18n::t;
use clausier_log::DecisionRecord;

use super::compiled::{CommandErrors, load_compiled_quietly};
use super::language::chosen_lang;
use super::recording::{self, log_error};
use super::{Failure, Outcome};
use crate::args::{ColorChoice, LangArg, ReviewArgs};
use crate::error::CliError;
use crate::inputs;
use crate::output::print_stdout_bytes;

/// The largest offer read, as `check` reads by default.
const MAX_DESCRIPTOR_SIZE: usize = 64 * 1024 * 1024;

pub fn run(
    args: &ReviewArgs,
    color: ColorChoice,
    lang: Option<LangArg>,
) -> Result<Outcome, Failure> {
    let Some(pack) =
        load_compiled_quietly(&args.pack, color, lang, true, |_| CommandErrors::default())?
    else {
        return Ok(Outcome::Failure);
    };
    let lang = chosen_lang(lang, Some(&pack.manifest));
    let checked = &pack.checked.pack;
    let Some(requirement) = checked
        .requirements
        .iter()
        .find(|requirement| requirement.meta.id == args.clause)
    else {
        return Err(CliError::new(
            Message::new("e09-review-unknown-clause")
                .with("clause", args.clause.as_str())
                .with("pack", pack.info.name.as_str()),
        )
        .into());
    };
    // A decision is recorded only where a claim can be under review.
    if !clausier_check::accepts_equivalents(&checked.schema, requirement) {
        let message = match &requirement.no_equivalent {
            Some(line) => Message::new("e09-review-no-equivalent").with("reason", &line.reason),
            None => Message::new("e09-review-no-label"),
        };
        return Err(CliError::new(message.with("clause", args.clause.as_str())).into());
    }
    let inputs = inputs::collect(std::slice::from_ref(&args.descriptor), None)?;
    let files = recording::descriptor_files(&inputs)?;
    let descriptors = inputs::load_all(
        &inputs,
        &pack.checked.pack.schema,
        &LoadOptions { strict: false },
        MAX_DESCRIPTOR_SIZE,
        &mut io::empty(),
        None,
    );
    let mut ids: Vec<&str> = descriptors.iter().map(|d| d.id.as_str()).collect();
    ids.dedup();
    let ([file], [id]) = (files.as_slice(), ids.as_slice()) else {
        return Err(CliError::new(
            Message::new("e09-review-one-offer")
                .with("path", args.descriptor.display().to_string())
                .with("count", ids.len()),
        )
        .into());
    };
    let by = args
        .by
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .filter(|name| !name.trim().is_empty())
        .ok_or_else(|| CliError::new(Message::new("e09-review-who")))?;
    let decision = DecisionRecord {
        pack_name: pack.info.name.clone(),
        pack_hash: pack.info.hash.clone(),
        descriptor_id: (*id).to_owned(),
        descriptor_hash: file.content_hash.clone(),
        clause: args.clause.clone(),
        accepted: args.accept,
        reason: args.reason.clone(),
        by,
        at: recording::now_utc(),
    };
    let mut store = recording::open_log(&args.log)?;
    let number = store.append_decision(&decision).map_err(log_error)?;
    let verdict = if args.accept {
        t!(lang, "review-verdict-accepted")
    } else {
        t!(lang, "review-verdict-refused")
    };
    let line = t!(
        lang,
        "review-recorded",
        id = number,
        clause = args.clause.as_str(),
        descriptor = *id,
        verdict = verdict
    );
    print_stdout_bytes(format!("{line}\n").as_bytes())?;
    Ok(Outcome::Success)
}

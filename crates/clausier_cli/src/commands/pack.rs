//! `clausier pack keygen OUT`, `clausier pack sign PACK --key KEYFILE` and
//! `clausier pack verify PACK [--key PUBFILE]`

use clausier_i18n::t;
use clausier_pack::{generate_keys, read_public_key, read_secret_key, sign_pack, verify_pack};

use super::language::chosen_lang;
use super::{Failure, Outcome};
use crate::args::{LangArg, PackArgs, PackCommand};
use crate::output::print_stderr;

pub fn run(args: &PackArgs, lang: Option<LangArg>) -> Result<Outcome, Failure> {
    let lang = chosen_lang(lang, None);
    match &args.command {
        PackCommand::Keygen(args) => {
            let written = generate_keys(&args.out)?;
            let said = t!(
                lang,
                "pack-keygen-wrote",
                secret = written.secret.display().to_string(),
                public = written.public.display().to_string(),
                key = written.key.to_string()
            );
            print_stderr(&format!("{said}\n"));
        }
        PackCommand::Sign(args) => {
            let key = read_secret_key(&args.key)?;
            let signed = sign_pack(&args.pack, &key)?;
            let said = t!(
                lang,
                "pack-signed",
                path = signed.path.display().to_string(),
                name = signed.name.as_str(),
                version = signed.version.as_str(),
                key = signed.key.to_string()
            );
            print_stderr(&format!("{said}\n"));
        }
        PackCommand::Verify(args) => {
            let expected = args.key.as_deref().map(read_public_key).transpose()?;
            let verified = verify_pack(&args.pack, expected.as_ref())?;
            let said = t!(
                lang,
                "pack-verified",
                path = verified.path.display().to_string(),
                name = verified.name.as_str(),
                version = verified.version.as_str(),
                key = verified.key.to_string()
            );
            print_stderr(&format!("{said}\n"));
        }
    }
    Ok(Outcome::Success)
}

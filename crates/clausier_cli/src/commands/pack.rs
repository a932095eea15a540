//! `clausier pack keygen OUT`, `clausier pack sign PACK --key KEYFILE` and
//! `clausier pack verify PACK [--key PUBFILE]`

use clausier_pack::{generate_keys, read_public_key, read_secret_key, sign_pack, verify_pack};

use super::{Failure, Outcome};
use crate::args::{PackArgs, PackCommand};
use crate::output::print_stderr;

pub fn run(args: &PackArgs) -> Result<Outcome, Failure> {
    match &args.command {
        PackCommand::Keygen(args) => {
            let written = generate_keys(&args.out)?;
            print_stderr(&format!(
                "wrote the secret key `{}` (keep it private) and the public key `{}`: {}\n",
                written.secret.display(),
                written.public.display(),
                written.key
            ));
        }
        PackCommand::Sign(args) => {
            let key = read_secret_key(&args.key)?;
            let signed = sign_pack(&args.pack, &key)?;
            print_stderr(&format!(
                "wrote `{}`: {} {} signed by {}\n",
                signed.path.display(),
                signed.name,
                signed.version,
                signed.key
            ));
        }
        PackCommand::Verify(args) => {
            let expected = args.key.as_deref().map(read_public_key).transpose()?;
            let verified = verify_pack(&args.pack, expected.as_ref())?;
            print_stderr(&format!(
                "`{}` verifies: {} {} signed by {}\n",
                verified.path.display(),
                verified.name,
                verified.version,
                verified.key
            ));
        }
    }
    Ok(Outcome::Success)
}

//! Signed packs: a publisher signs a pack with an Ed25519 key (`clausier pack sign`),
//! and a pack that depends on it pins the publisher's public key in its `pack.toml`
//! (`key = "ed25519:…"`). Every command that loads the graph then refuses a pinned
//! dependency whose `pack.sig` is missing (`E0810`), unreadable (`E0811`), does not match
//! its files (`E0812`) or is by another key (`E0813`).
//!
//! The signature is over the pack's name, version and content hash and the hash of each
//! of its files (its `pack.toml` and the files its tests read among them), so that no byte
//! a command reads from the pack can change unnoticed.

use std::fmt::{self, Write as _};
use std::fs;
use std::io::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use clausier_diagnostics::{Code, Message};
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use toml::de::{DeTable, DeValue};

use crate::display_join;
use crate::error::{ManifestError, PackError};
use crate::files::{is_present, read_confined};
use crate::graph::{self, RawPack};
use crate::lock::write_atomically;

/// The signature's file name, beside `pack.toml`.
pub const SIGNATURE_FILE: &str = "pack.sig";

/// The version of the format of `pack.sig`, written as its `version` key.
const SIGNATURE_FORMAT: i64 = 1;

const PUBLIC_PREFIX: &str = "ed25519:";
const SECRET_PREFIX: &str = "ed25519-secret:";

/// A publisher's public key, written `ed25519:` and the key in base64.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// Reads `ed25519:…`, or says what is wrong with it.
    pub fn parse(text: &str) -> Result<Self, Message> {
        let Some(encoded) = text.trim().strip_prefix(PUBLIC_PREFIX) else {
            return Err(Message::new("e08-key-prefix"));
        };
        let bytes = decode_32(encoded).ok_or_else(|| Message::new("e08-key-not-32-bytes"))?;
        VerifyingKey::from_bytes(&bytes)
            .map(PublicKey)
            .map_err(|_| Message::new("e08-key-not-ed25519"))
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PUBLIC_PREFIX}{}", BASE64.encode(self.0.as_bytes()))
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// A publisher's secret key. It is never printed.
pub struct SecretKey(SigningKey);

impl SecretKey {
    pub fn public_key(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }
}

/// The files [`generate_keys`] wrote.
#[derive(Debug, Clone)]
pub struct KeyFiles {
    pub secret: PathBuf,
    pub public: PathBuf,
    pub key: PublicKey,
}

/// Writes a new key pair: the secret key at `out`, readable by its owner only, and the
/// public key at `out` with `.pub` added. Neither file may exist already: a key that is
/// overwritten cannot be recovered.
pub fn generate_keys(out: &Path) -> Result<KeyFiles, PackError> {
    let public_path = PathBuf::from(format!("{}.pub", out.display()));
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|error| PackError::Write {
        path: out.to_path_buf(),
        error: std::io::Error::other(error.to_string()),
    })?;
    let secret = SecretKey(SigningKey::from_bytes(&seed));
    let key = secret.public_key();
    for path in [out, public_path.as_path()] {
        if is_present(path) {
            return Err(PackError::Write {
                path: path.to_path_buf(),
                error: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
            });
        }
    }
    let secret_text = format!(
        "# A secret key written by `clausier pack keygen`: keep it private, never commit it.\n\
         {SECRET_PREFIX}{}\n",
        BASE64.encode(secret.0.to_bytes())
    );
    write_new(out, &secret_text, 0o600)?;
    let public_text = format!("{key}\n");
    write_new(&public_path, &public_text, 0o644)?;
    Ok(KeyFiles {
        secret: out.to_path_buf(),
        public: public_path,
        key,
    })
}

/// Creates the file, failing if it exists; on Unix with the permissions `mode` from the
/// start, so that a secret is never readable by others, not even for a moment.
fn write_new(path: &Path, text: &str, mode: u32) -> Result<(), PackError> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let io_error = |error| PackError::Write {
        path: path.to_path_buf(),
        error,
    };
    let mut file = options.open(path).map_err(io_error)?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(io_error)
}

/// Reads a secret key file that `clausier pack keygen` wrote.
pub fn read_secret_key(path: &Path) -> Result<SecretKey, PackError> {
    let text = read_key_file(path)?;
    let bytes = key_line(&text, SECRET_PREFIX)
        .and_then(decode_32)
        .ok_or_else(|| key_file_error(path, Message::new("e08-not-secret-key-file")))?;
    Ok(SecretKey(SigningKey::from_bytes(&bytes)))
}

/// Reads a public key file that `clausier pack keygen` wrote (`ed25519:…`).
pub fn read_public_key(path: &Path) -> Result<PublicKey, PackError> {
    let text = read_key_file(path)?;
    let line = key_line(&text, PUBLIC_PREFIX)
        .ok_or_else(|| key_file_error(path, Message::new("e08-not-public-key-file")))?;
    PublicKey::parse(&format!("{PUBLIC_PREFIX}{line}")).map_err(|message| {
        key_file_error(
            path,
            Message::new("e08-no-valid-key").with("reason", message),
        )
    })
}

fn read_key_file(path: &Path) -> Result<String, PackError> {
    let folder = fs::canonicalize(path)
        .ok()
        .and_then(|full| full.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    read_confined(path, &folder)
}

/// The text after `prefix` on the first line that starts with it.
fn key_line<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    text.lines()
        .find_map(|line| line.trim().strip_prefix(prefix))
        .map(str::trim)
}

/// `what` says what is wrong with the file, after its name.
fn key_file_error(path: &Path, what: Message) -> PackError {
    PackError::Signature {
        path: path.to_path_buf(),
        code: Code::SIGNATURE_FILE,
        message: Message::new("e08-key-file")
            .with("path", path.display().to_string())
            .with("what", what),
        help: Some(Message::new("e08-help-key-file")),
    }
}

fn decode_32(encoded: &str) -> Option<[u8; 32]> {
    BASE64.decode(encoded.trim()).ok()?.try_into().ok()
}

/// What [`sign_pack`] and [`verify_pack`] did.
#[derive(Debug, Clone)]
pub struct Signed {
    /// The signature file, as shown.
    pub path: PathBuf,
    pub name: String,
    pub version: String,
    pub key: PublicKey,
}

/// Signs the pack at `path` (a folder) with `key`: writes its `pack.sig`.
pub fn sign_pack(path: &Path, key: &SecretKey) -> Result<Signed, PackError> {
    let pack = read_alone(path)?;
    let signature = key.0.sign(&payload(&pack));
    let public = key.public_key();
    let text = format!(
        "# Written by `clausier pack sign`: the publisher's key, and its signature over this\n\
         # pack's files (clause files, `pack.toml`, the files its tests read). Do not edit.\n\
         version = {SIGNATURE_FORMAT}\n\
         key = \"{public}\"\n\
         signature = \"{}\"\n",
        BASE64.encode(signature.to_bytes())
    );
    write_atomically(&pack.dir.join(SIGNATURE_FILE), &text)?;
    Ok(Signed {
        path: PathBuf::from(display_join(&pack.shown, SIGNATURE_FILE)),
        name: pack.name,
        version: pack.version,
        key: public,
    })
}

/// Checks the `pack.sig` of the pack at `path` against its files, and, with `expected`,
/// that it is by that key.
pub fn verify_pack(path: &Path, expected: Option<&PublicKey>) -> Result<Signed, PackError> {
    let pack = read_alone(path)?;
    let shown = PathBuf::from(display_join(&pack.shown, SIGNATURE_FILE));
    let failure = |code, message: Message, help: &'static str| PackError::Signature {
        path: shown.clone(),
        code,
        message,
        help: Some(Message::new(help)),
    };
    match verify(&pack, expected) {
        Ok(key) => Ok(Signed {
            path: shown,
            name: pack.name,
            version: pack.version,
            key,
        }),
        Err(Problem::Missing) => Err(failure(
            Code::SIGNATURE_MISSING,
            Message::new("e08-not-signed").with("path", shown.display().to_string()),
            "e08-help-not-signed",
        )),
        Err(Problem::Unreadable(error)) => Err(error),
        Err(Problem::OtherKey { found }) => Err(failure(
            Code::SIGNATURE_KEY,
            Message::new("e08-other-key")
                .with("pack", &pack.name)
                .with("key", found.to_string()),
            "e08-help-other-key",
        )),
        Err(Problem::Changed) => Err(failure(
            Code::SIGNATURE_MISMATCH,
            Message::new("e08-changed-since-signed").with("pack", &pack.name),
            "e08-help-changed-since-signed",
        )),
    }
}

/// Reads the pack at `path` alone, without its dependencies: a signature covers only
/// the pack's own files.
fn read_alone(path: &Path) -> Result<RawPack, PackError> {
    let workspace = graph::workspace_root(&graph::pack_folder(path)?);
    let pack = graph::read_pack(path, path.to_path_buf(), &workspace, &graph::no_overlay)?;
    if !pack.is_folder {
        return Err(PackError::Signature {
            path: path.to_path_buf(),
            code: Code::SIGNATURE_FILE,
            message: Message::new("e08-single-file-signature")
                .with("path", path.display().to_string()),
            help: Some(Message::new("e08-help-single-file-signature")),
        });
    }
    Ok(pack)
}

/// Why a pack's signature is not accepted.
pub(crate) enum Problem {
    Missing,
    Unreadable(PackError),
    OtherKey { found: Box<PublicKey> },
    Changed,
}

/// The key that signed `pack`, if its `pack.sig` verifies (and is by `expected`).
pub(crate) fn verify(pack: &RawPack, expected: Option<&PublicKey>) -> Result<PublicKey, Problem> {
    let path = pack.dir.join(SIGNATURE_FILE);
    if !is_present(&path) {
        return Err(Problem::Missing);
    }
    let workspace = graph::workspace_root(&pack.dir);
    let text = read_confined(&path, &workspace)
        .map_err(|error| Problem::Unreadable(error.relocated(&pack.dir, &pack.shown)))?;
    let name = display_join(&pack.shown, SIGNATURE_FILE);
    let (key, signature) = parse_signature(&path, &name, &text)
        .map_err(|error| Problem::Unreadable(PackError::Manifest(error)))?;
    if expected.is_some_and(|expected| *expected != key) {
        return Err(Problem::OtherKey {
            found: Box::new(key),
        });
    }
    key.0
        .verify_strict(&payload(pack), &signature)
        .map_err(|_| Problem::Changed)?;
    Ok(key)
}

/// What is signed: the pack's identity and the hash of each of its files.
fn payload(pack: &RawPack) -> Vec<u8> {
    let quote = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let mut text = String::from("clausier pack signature 1\n");
    // Writing to a `String` cannot fail.
    let _ = writeln!(text, "name {}", quote(&pack.name));
    let _ = writeln!(text, "version {}", quote(&pack.version));
    let _ = writeln!(text, "hash {}", quote(&pack.hash));
    for (file, hash) in &pack.file_hashes {
        let _ = writeln!(text, "file {} {}", quote(file), quote(hash));
    }
    text.into_bytes()
}

fn parse_signature(
    path: &Path,
    name: &str,
    text: &str,
) -> Result<(PublicKey, Signature), Box<ManifestError>> {
    let error = |message: Message, span: Option<Range<usize>>| {
        ManifestError::new(path, name, text, message, span)
            .with_code(Code::SIGNATURE_FILE)
            .with_help(Message::new("e08-help-signature-file"))
    };
    let document = DeTable::parse(text).map_err(|e| {
        error(crate::manifest::toml_message(&e), e.span())
            .with_label(Message::new("e08-label-invalid-toml"))
    })?;
    let document = document.get_ref();
    let string = |key: &str| match document.get(key) {
        Some(value) => match value.get_ref() {
            DeValue::String(text) => Ok((text.to_string(), value.span())),
            _ => Err(error(
                Message::new("e08-key-not-string").with("key", key),
                Some(value.span()),
            )),
        },
        None => Err(error(
            Message::new("e08-signature-key-missing").with("key", key),
            None,
        )),
    };
    match document.get("version").map(|v| (v.get_ref(), v.span())) {
        Some((DeValue::Integer(integer), _))
            if integer.as_str() == SIGNATURE_FORMAT.to_string() => {}
        Some((_, span)) => {
            return Err(error(
                Message::new("e08-signature-format").with("format", SIGNATURE_FORMAT.to_string()),
                Some(span),
            )
            .with_label(Message::new("e08-label-unknown-format")));
        }
        None => {
            return Err(error(
                Message::new("e08-signature-key-missing").with("key", "version"),
                None,
            ));
        }
    }
    let (key_text, key_span) = string("key")?;
    let key = PublicKey::parse(&key_text).map_err(|message| {
        error(message, Some(key_span)).with_label(Message::new("e08-label-not-a-key"))
    })?;
    let (signature_text, signature_span) = string("signature")?;
    let signature = BASE64
        .decode(signature_text.trim())
        .ok()
        .and_then(|bytes| Signature::from_slice(&bytes).ok())
        .ok_or_else(|| {
            error(
                Message::new("e08-signature-not-64-bytes"),
                Some(signature_span),
            )
            .with_label(Message::new("e08-label-not-a-signature"))
        })?;
    Ok((key, signature))
}

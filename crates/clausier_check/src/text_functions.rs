//! The meaning of the text functions of the standard library, `matches`, `siret`, `uai`
//! and `https_url`, in one place: the checker compiles patterns with it, the evaluator
//! and its reference interpreter compute with it, so that all three agree.

use regex::{Regex, RegexBuilder};

pub use clausier_syntax::ast::TextFunction;

/// The most memory a compiled pattern may take. Ordinary patterns take a few kilobytes;
/// a hostile one (`(a{1000}){1000}`) is refused when compiled instead of exhausting
/// the machine.
pub const PATTERN_SIZE_LIMIT: usize = 1 << 20;

/// What a text function checks, with the pattern of `matches` as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextCheck {
    /// `matches(text, "pattern")`: the pattern is found anywhere in the text.
    Matches(String),
    Siret,
    Uai,
    HttpsUrl,
}

impl TextCheck {
    pub fn function(&self) -> TextFunction {
        match self {
            TextCheck::Matches(_) => TextFunction::Matches,
            TextCheck::Siret => TextFunction::Siret,
            TextCheck::Uai => TextFunction::Uai,
            TextCheck::HttpsUrl => TextFunction::HttpsUrl,
        }
    }
}

/// Compiles a pattern of `matches` with the regex crate (linear time in the text) under
/// [`PATTERN_SIZE_LIMIT`].
pub fn compile_pattern(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .size_limit(PATTERN_SIZE_LIMIT)
        .dfa_size_limit(PATTERN_SIZE_LIMIT)
        .build()
}

/// Whether `text` passes `check`, compiling the pattern of `matches` (the evaluator
/// compiles it once per pack instead); `None` for a pattern that does not compile.
pub fn check_text(check: &TextCheck, text: &str) -> Option<bool> {
    match check {
        TextCheck::Matches(pattern) => compile_pattern(pattern).ok().map(|re| re.is_match(text)),
        TextCheck::Siret => Some(is_siret(text)),
        TextCheck::Uai => Some(is_uai(text)),
        TextCheck::HttpsUrl => Some(is_https_url(text)),
    }
}

/// The SIREN of La Poste, whose establishments' SIRET follow their own rule.
const LA_POSTE_SIREN: &str = "356000000";

/// A SIRET: 14 digits whose Luhn key is valid; for La Poste (SIREN 356000000), whose
/// establishments are too many for the Luhn key, a sum of the digits that is a multiple
/// of 5 is valid too.
pub fn is_siret(text: &str) -> bool {
    let Some(digits) = ascii_digits(text) else {
        return false;
    };
    if digits.len() != 14 {
        return false;
    }
    luhn_valid(&digits)
        || (text.starts_with(LA_POSTE_SIREN) && digits.iter().sum::<u32>().is_multiple_of(5))
}

/// The letters of the UAI key: the alphabet without I, O and Q.
const UAI_KEY_LETTERS: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// A UAI (ex-RNE): 7 digits, then the letter of the number they write modulo 23 over
/// [`UAI_KEY_LETTERS`]. Corsica's departments are written `620` and `720` in a UAI, so
/// its codes are digits too.
pub fn is_uai(text: &str) -> bool {
    let (Some(number), Some(&key)) = (text.get(..7), text.as_bytes().get(7)) else {
        return false;
    };
    if text.len() != 8 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let Ok(number) = number.parse::<u32>() else {
        return false;
    };
    UAI_KEY_LETTERS.get((number % 23) as usize) == Some(&key)
}

/// An absolute URL whose scheme is `https` and which has a host, as the WHATWG URL
/// standard reads it.
pub fn is_https_url(text: &str) -> bool {
    url::Url::parse(text)
        .is_ok_and(|url| url.scheme() == "https" && url.host_str().is_some_and(|h| !h.is_empty()))
}

fn ascii_digits(text: &str) -> Option<Vec<u32>> {
    text.chars()
        .map(|c| c.is_ascii_digit().then(|| c.to_digit(10)).flatten())
        .collect()
}

/// The Luhn key: from the right, every second digit doubled (less 9 past 9), the sum a
/// multiple of 10.
fn luhn_valid(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| match (i % 2, d * 2) {
            (1, doubled) if doubled > 9 => doubled - 9,
            (1, doubled) => doubled,
            _ => d,
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siret_reads_the_luhn_key_and_la_poste_s_rule() {
        assert!(is_siret("73282932000074"));
        assert!(!is_siret("73282932000075"));
        assert!(!is_siret("7328293200007"));
        assert!(!is_siret("7328293200007a"));
        assert!(is_siret("35600000000048"));
        // La Poste: digits summing to a multiple of 5, Luhn key or not.
        assert!(is_siret("35600000000001"));
        assert!(!is_siret("35600000000002"));
    }

    #[test]
    fn uai_reads_its_key_letter() {
        assert!(is_uai("0750680G"));
        assert!(!is_uai("0750680H"));
        assert!(!is_uai("0750680g"));
        assert!(!is_uai("075068G"));
        assert!(!is_uai("0750680GG"));
    }

    #[test]
    fn https_url_wants_the_scheme_and_a_host() {
        assert!(is_https_url("https://ent.example.fr/login"));
        assert!(!is_https_url("http://ent.example.fr"));
        assert!(!is_https_url("ent.example.fr"));
        assert!(!is_https_url("https://"));
    }

    #[test]
    fn a_hostile_pattern_is_refused() {
        assert!(compile_pattern("(a{1000}){1000}").is_err());
        assert!(compile_pattern("^https://").is_ok());
    }
}

//! The text checks, written from the table of `docs/language.md`: the Luhn key of a
//! SIRET (with La Poste's sum of digits), the key letter of a UAI, an `https` address
//! with a host, and the few patterns of `matches` the generator writes.

use crate::ast::TextCheck;

/// Whether `text` passes `check`.
pub fn passes(check: TextCheck, text: &str) -> bool {
    let digits: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    let all_digits = text.chars().all(|c| c.is_ascii_digit());
    match check {
        TextCheck::Siret => {
            all_digits && digits.len() == 14 && (luhn(&digits) || la_poste(text, &digits))
        }
        TextCheck::Uai => uai(text),
        TextCheck::HttpsUrl => https_with_host(text),
        TextCheck::StartsHttps => text.starts_with("https://"),
        TextCheck::HasDigit => text.chars().any(|c| c.is_ascii_digit()),
        TextCheck::FourteenDigits => all_digits && text.chars().count() == 14,
    }
}

/// From the rightmost digit, every second one doubled, its digits added; the total a
/// multiple of 10.
fn luhn(digits: &[u32]) -> bool {
    let mut total = 0;
    for (place, digit) in digits.iter().rev().enumerate() {
        let value = if place % 2 == 1 { digit * 2 } else { *digit };
        total += value / 10 + value % 10;
    }
    total.is_multiple_of(10)
}

fn la_poste(text: &str, digits: &[u32]) -> bool {
    text.starts_with("356000000") && digits.iter().sum::<u32>().is_multiple_of(5)
}

/// Seven digits, then the letter at their number modulo 23 in the alphabet without I,
/// O and Q.
fn uai(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() != 8 || !chars[..7].iter().all(char::is_ascii_digit) {
        return false;
    }
    let number: u32 = chars[..7]
        .iter()
        .filter_map(|c| c.to_digit(10))
        .fold(0, |n, d| n * 10 + d);
    let letters: Vec<char> = ('A'..='Z')
        .filter(|c| !matches!(c, 'I' | 'O' | 'Q'))
        .collect();
    letters.get((number % 23) as usize) == Some(&chars[7])
}

/// `https://`, then a host: a simpler rule than the URL standard's, the same on the
/// texts the generator writes (ASCII, no spaces, no user or port).
fn https_with_host(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !text.contains(char::is_whitespace)
}

//! The largest descriptor read: a whole JSON, YAML, TOML or CSV file, or one NDJSON line.
//! A vendor's file larger than that is an invalid descriptor, read no further.

use clausier_diagnostics::Message;

const UNITS: [(&str, usize); 4] = [
    ("GiB", 1 << 30),
    ("MiB", 1 << 20),
    ("KiB", 1 << 10),
    ("B", 1),
];

/// A size as written on the command line: `64MiB`, `512KiB`, `1GiB`, `1000000` bytes; `KB`,
/// `MB` and `GB` (and `k`, `M`, `G`) are read as their binary counterparts, the usual
/// meaning for file sizes.
pub fn parse(text: &str) -> Result<usize, String> {
    let trimmed = text.trim();
    let digits = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(digits);
    let multiplier = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "`{text}` is not a size; write it as `64MiB`, `512KiB` or a number of bytes"
            ));
        }
    };
    match number
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(multiplier))
    {
        Some(0) => Err(format!("`{text}` is not a size; give 1 byte or more")),
        Some(size) => Ok(size),
        None => Err(format!(
            "`{text}` is not a size; write it as `64MiB`, `512KiB` or a number of bytes"
        )),
    }
}

/// `64 MiB`, `1.5 KiB`, `10 bytes`.
pub fn describe(size: usize) -> String {
    for (unit, bytes) in UNITS {
        if bytes > 1 && size >= bytes {
            let whole = size / bytes;
            let tenths = (size % bytes) * 10 / bytes;
            return match tenths {
                0 => format!("{whole} {unit}"),
                _ => format!("{whole}.{tenths} {unit}"),
            };
        }
    }
    match size {
        1 => "1 byte".to_owned(),
        _ => format!("{size} bytes"),
    }
}

/// How to read a larger descriptor, when it is genuine, in the reader's language.
pub fn raise_help_message(limit: usize) -> Message {
    let doubled = describe(limit.saturating_mul(2)).replace(' ', "");
    Message::new("d0607-help-raise-limit").with("doubled", doubled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_with_their_units() {
        assert_eq!(parse("64MiB"), Ok(64 << 20));
        assert_eq!(parse("512 KiB"), Ok(512 << 10));
        assert_eq!(parse("1G"), Ok(1 << 30));
        assert_eq!(parse("1000"), Ok(1000));
        assert!(parse("0").is_err());
        assert!(parse("12 parsecs").is_err());
        assert!(parse("99999999999999999999GiB").is_err());
    }

    #[test]
    fn sizes_are_described_in_the_largest_unit() {
        assert_eq!(describe(64 << 20), "64 MiB");
        assert_eq!(describe(1536), "1.5 KiB");
        assert_eq!(describe(10), "10 bytes");
        assert_eq!(describe(1), "1 byte");
    }
}

//! Cardinal numbers written out in French, as a drafter writes them in a clause:
//! « trente jours », « quatre-vingt-dix jours », « deux cents ». Traditional spelling;
//! the matcher reads a hyphen and a space alike, so the 1990 spelling (« vingt-et-un »)
//! is found too.

const UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];

const TENS: [&str; 7] = [
    "",
    "dix",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

/// `n` in words, for `n` below 1000; `None` above.
pub(super) fn in_words(n: u32) -> Option<String> {
    match n {
        0..=999 => Some(below_thousand(n)),
        _ => None,
    }
}

fn below_hundred(n: u32) -> String {
    let unit = |n: u32| UNITS.get(n as usize).copied().unwrap_or_default();
    match n {
        0..=16 => unit(n).to_owned(),
        17..=19 => format!("dix-{}", unit(n - 10)),
        20..=69 => {
            let (tens, rest) = (n / 10, n % 10);
            let tens = TENS.get(tens as usize).copied().unwrap_or_default();
            match rest {
                0 => tens.to_owned(),
                1 => format!("{tens} et un"),
                _ => format!("{tens}-{}", unit(rest)),
            }
        }
        70..=79 => match n {
            71 => "soixante et onze".to_owned(),
            _ => format!("soixante-{}", below_hundred(n - 60)),
        },
        80 => "quatre-vingts".to_owned(),
        _ => format!("quatre-vingt-{}", below_hundred(n - 80)),
    }
}

fn below_thousand(n: u32) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let head = match hundreds {
        0 => return below_hundred(rest),
        1 => "cent".to_owned(),
        _ if rest == 0 => format!("{} cents", below_hundred(hundreds)),
        _ => format!("{} cent", below_hundred(hundreds)),
    };
    match rest {
        0 => head,
        _ => format!("{head} {}", below_hundred(rest)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_drafter_writes_them() {
        let cases = [
            (1, "un"),
            (15, "quinze"),
            (17, "dix-sept"),
            (21, "vingt et un"),
            (30, "trente"),
            (45, "quarante-cinq"),
            (70, "soixante-dix"),
            (71, "soixante et onze"),
            (77, "soixante-dix-sept"),
            (80, "quatre-vingts"),
            (81, "quatre-vingt-un"),
            (90, "quatre-vingt-dix"),
            (99, "quatre-vingt-dix-neuf"),
            (100, "cent"),
            (101, "cent un"),
            (200, "deux cents"),
            (365, "trois cent soixante-cinq"),
        ];
        for (n, words) in cases {
            assert_eq!(in_words(n).as_deref(), Some(words), "{n}");
        }
        assert_eq!(in_words(1000), None);
    }
}

//! "Did you mean": the nearest of a set of names to a name that did not resolve.

use clausier_diagnostics::{Arg, Message};

/// The candidate a person most likely meant by `name`, if one is close enough.
///
/// Close enough is a Damerau-Levenshtein distance of at most a third of the name's
/// length (at least 1), or a Jaro-Winkler similarity of 0.85 or more: the first catches
/// typos in short names (`EUU`), the second shared prefixes in long ones
/// (`secnumcloud_qualified` for `secnumcloud`). A difference of case alone always wins.
pub fn did_you_mean<'a, I>(name: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let max_distance = (name.chars().count() / 3).max(1);
    let lowered = name.to_lowercase();
    let mut best: Option<(Rank, &'a str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let rank = if candidate.to_lowercase() == lowered {
            Rank {
                distance: 0,
                similarity: 1.0,
            }
        } else {
            let distance = strsim::damerau_levenshtein(name, candidate);
            let similarity = strsim::jaro_winkler(name, candidate);
            let longest = name.chars().count().max(candidate.chars().count());
            // Replacing every character is no near miss (`V` for `I`).
            if (distance > max_distance && similarity < 0.85) || distance >= longest {
                continue;
            }
            Rank {
                distance,
                similarity,
            }
        };
        let better = best.as_ref().is_none_or(|(current, _)| rank.beats(current));
        if better {
            best = Some((rank, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

struct Rank {
    distance: usize,
    similarity: f64,
}

impl Rank {
    /// Fewer edits first, then the more similar; on a tie the earlier candidate stays,
    /// so that suggestions follow declaration order.
    fn beats(&self, other: &Rank) -> bool {
        self.distance < other.distance
            || (self.distance == other.distance && self.similarity > other.similarity)
    }
}

/// Names read as one list, in backticks, the last two joined by the word for "and" of
/// the language the message is shown in: "`a`, `b` and `c`".
pub fn names_and<S: AsRef<str>>(names: &[S]) -> Message {
    let quoted = |name: &str| Message::new("syntax-token").with("token", name);
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let init: Vec<String> = rest
                .iter()
                .map(|name| format!("`{}`", name.as_ref()))
                .collect();
            Message::new("e02-names-and")
                .with("init", init.join(", "))
                .with("last", quoted(last.as_ref()))
        }
        Some((last, _)) => quoted(last.as_ref()),
        None => Message::default(),
    }
}

/// [`names_and`] as an argument of a message.
pub fn names_joined<S: AsRef<str>>(names: &[S]) -> Arg {
    names_and(names).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_transpositions_and_case() {
        let fields = ["region", "country", "provider", "secnumcloud"];
        assert_eq!(did_you_mean("regoin", fields), Some("region"));
        assert_eq!(did_you_mean("contry", fields), Some("country"));
        assert_eq!(did_you_mean("Region", fields), Some("region"));
        assert_eq!(did_you_mean("secnum", fields), Some("secnumcloud"));
    }

    #[test]
    fn stays_silent_when_nothing_is_close() {
        assert_eq!(did_you_mean("price", ["region", "country"]), None);
        assert_eq!(did_you_mean("region", ["region"]), None);
        assert_eq!(did_you_mean("x", std::iter::empty()), None);
    }

    #[test]
    fn short_names_allow_one_edit() {
        assert_eq!(did_you_mean("EUU", ["EU", "EEA", "OTHER"]), Some("EU"));
        assert_eq!(did_you_mean("I", ["II", "III", "IV"]), Some("II"));
        assert_eq!(did_you_mean("V", ["I", "II", "III", "IV"]), Some("IV"));
        assert_eq!(did_you_mean("V", ["I"]), None);
    }

    #[test]
    fn lists_names_in_prose() {
        use clausier_diagnostics::Lang;
        assert_eq!(names_and(&["EU"]).text(Lang::En), "`EU`");
        assert_eq!(names_and(&["EU", "EEA"]).text(Lang::En), "`EU` and `EEA`");
        assert_eq!(
            names_and(&["EU", "EEA", "OTHER"]).text(Lang::Fr),
            "`EU`, `EEA` et `OTHER`"
        );
        assert_eq!(names_and::<&str>(&[]).text(Lang::En), "");
    }
}

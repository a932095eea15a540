//! "Did you mean" for misspelt field names and enum values.

/// The candidate closest to `name`: one that differs only in case, else the one within a
/// few edits (about a third of the name's length).
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.collect();
    let lowercase = name.to_lowercase();
    if let Some(same_letters) = candidates.iter().find(|c| c.to_lowercase() == lowercase) {
        return Some(same_letters);
    }
    let length = name.chars().count();
    let allowed = (length / 3).max(1);
    candidates
        .into_iter()
        // Lengths that differ by more than the edits allowed rule a candidate out without
        // comparing: a megabyte-long name is compared with nothing.
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= allowed)
        .map(|candidate| (strsim::damerau_levenshtein(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_slips_and_typos_but_not_strangers() {
        let names = ["EU", "EEA", "ADEQUATE", "OTHER"];
        assert_eq!(closest("eu", names.into_iter()), Some("EU"));
        assert_eq!(closest("ADEQAUTE", names.into_iter()), Some("ADEQUATE"));
        assert_eq!(closest("US", names.into_iter()), None);
        let fields = ["region", "country", "provider"];
        assert_eq!(closest("regoin", fields.into_iter()), Some("region"));
        assert_eq!(closest("price", fields.into_iter()), None);
    }
}

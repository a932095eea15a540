//! Lots in random runs: the lots a pack declares, the lots each clause names, and the
//! `lots` key each offer gives, right or wrong.

use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};

/// The ids of a pack's lots: none (a contract in one piece) two times in three.
pub fn pack_lots(rng: &mut impl Rng) -> Vec<String> {
    match rng.random_range(0..6) {
        0 => vec!["1".to_owned(), "2".to_owned()],
        1 => vec!["1".to_owned(), "2".to_owned(), "3".to_owned()],
        _ => Vec::new(),
    }
}

/// The `lots` line of a clause: none (every lot) most of the time, else some of the
/// pack's lots in any order.
pub fn clause_lots(rng: &mut impl Rng, lots: &[String]) -> Vec<String> {
    if lots.is_empty() || rng.random_bool(0.5) {
        return Vec::new();
    }
    some_of(rng, lots)
}

/// Whether a criterion on `criterion_lots` may score `passed` of a requirement on
/// `requirement_lots`: every lot the criterion scores must ask the requirement (E0409).
pub fn asks_on_every_lot_of(requirement_lots: &[String], criterion_lots: &[String]) -> bool {
    requirement_lots.is_empty()
        || (!criterion_lots.is_empty()
            && criterion_lots
                .iter()
                .all(|lot| requirement_lots.contains(lot)))
}

/// The `lots` key of an offer as the model reads it (`None`: no key) and as JSON, or no
/// key at all. In a contract divided into lots the key is mostly right; sometimes it is
/// missing, empty, names a lot the pack does not declare, or names one lot twice.
pub fn offer_lots(rng: &mut impl Rng, lots: &[String]) -> Option<(Vec<String>, String)> {
    if lots.is_empty() {
        // The key of a contract in one piece is ignored.
        return rng
            .random_bool(0.1)
            .then(|| (vec!["1".to_owned()], "[\"1\"]".to_owned()));
    }
    let named = match rng.random_range(0..20) {
        0 => return None,
        1 => Vec::new(),
        2 => vec!["9".to_owned()],
        3 => {
            let mut named = some_of(rng, lots);
            named.push(named[0].clone());
            named
        }
        4 => {
            let one = lots.choose(rng).cloned().unwrap_or_default();
            let json = format!("\"{one}\"");
            return Some((vec![one], json));
        }
        _ => some_of(rng, lots),
    };
    let quoted: Vec<String> = named.iter().map(|id| format!("\"{id}\"")).collect();
    let json = format!("[{}]", quoted.join(","));
    Some((named, json))
}

/// One or more of `lots`, each once, in a random order.
fn some_of(rng: &mut impl Rng, lots: &[String]) -> Vec<String> {
    let count = rng.random_range(1..=lots.len());
    let mut chosen: Vec<String> = lots.to_vec();
    chosen.shuffle(rng);
    chosen.truncate(count);
    chosen
}

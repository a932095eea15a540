//! Kinds of proof in random runs: the kinds a required document accepts
//! (`evidence PATH from document, audit "…"`) and where each offer says its values come
//! from (`$source`), a kind asked or not.

use rand::Rng;
use rand::seq::IndexedRandom;

use crate::ast::PROOF_KINDS;
use crate::verdict::Source;

/// The kinds a document accepts: one, two or all three, in the reference's order.
pub fn asked(rng: &mut impl Rng) -> Vec<&'static str> {
    loop {
        let kinds: Vec<&'static str> = PROOF_KINDS
            .iter()
            .copied()
            .filter(|_| rng.random_bool(0.5))
            .collect();
        if !kinds.is_empty() {
            return kinds;
        }
    }
}

/// Where an offer says some of its `given` top-level values come from: none one time
/// in two, else one or two, most often fields whose proof the pack asks (`asked`), of any
/// kind, `declared` included.
pub fn sources(rng: &mut impl Rng, given: &[&'static str], asked: &[&'static str]) -> Vec<Source> {
    let asked: Vec<&'static str> = asked
        .iter()
        .copied()
        .filter(|field| given.contains(field))
        .collect();
    let mut sources: Vec<Source> = Vec::new();
    if !rng.random_bool(0.5) {
        return sources;
    }
    for _ in 0..rng.random_range(1..=2) {
        let pool = if !asked.is_empty() && rng.random_bool(0.8) {
            &asked
        } else {
            given
        };
        let Some(&field) = pool.choose(rng) else {
            continue;
        };
        if sources.iter().any(|source| source.field == field) {
            continue;
        }
        let kind = ["declared", "document", "registry", "audit"]
            .choose(rng)
            .copied()
            .unwrap_or("declared");
        sources.push(Source {
            field,
            kind,
            detailed: rng.random_bool(0.5),
        });
    }
    sources
}

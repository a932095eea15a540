//! Two descriptors with one id are both checked and ranked, but a reader of the report
//! takes them for one offer: whoever runs the check is warned on standard error.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use clausier_i18n::{Lang, t};

use crate::output::print_stderr;

/// The warnings printed in full; the others are counted.
const SHOWN: usize = 20;

/// The ids seen so far, kept as hashes so that a run of millions of descriptors stays in
/// bounded memory; the hasher's keys are random, so a vendor cannot craft an id that
/// passes for another's.
pub struct DuplicateIds {
    hasher: RandomState,
    seen: HashSet<u64>,
    repeated: Vec<(String, String)>,
    count: usize,
    /// The index of the last input noted by [`DuplicateIds::note_entry`].
    last_input: Option<usize>,
}

impl DuplicateIds {
    pub fn new() -> Self {
        Self {
            hasher: RandomState::new(),
            seen: HashSet::new(),
            repeated: Vec::new(),
            count: 0,
            last_input: None,
        }
    }

    /// Notes a descriptor's id, in input order.
    pub fn note(&mut self, id: &str, source: &str) {
        if !self.seen.insert(self.hasher.hash_one(id)) {
            self.count += 1;
            if self.repeated.len() < SHOWN {
                self.repeated.push((id.to_owned(), source.to_owned()));
            }
        }
    }

    /// Notes the id of a report's entry, in order: the entries of one input (an offer on
    /// two lots has an entry per lot) are one descriptor.
    pub fn note_entry(&mut self, input: usize, id: &str, source: &str) {
        if self.last_input != Some(input) {
            self.last_input = Some(input);
            self.note(id, source);
        }
    }

    /// Prints one warning per repeated id, unless `quiet`.
    pub fn warn(&self, quiet: bool, lang: Lang) {
        if quiet || self.count == 0 {
            return;
        }
        let mut text = String::new();
        for (id, source) in &self.repeated {
            let said = t!(
                lang,
                "check-repeated-id",
                id = id.as_str(),
                source = source.as_str()
            );
            text.push_str(&format!("{said}\n"));
        }
        if self.count > self.repeated.len() {
            let more = self.count - self.repeated.len();
            let said = t!(
                lang,
                "check-more-repeated-ids",
                count = i64::try_from(more).unwrap_or(i64::MAX)
            );
            text.push_str(&format!("{said}\n"));
        }
        text.push_str(&format!("{}\n", t!(lang, "check-repeated-id-help")));
        print_stderr(&text);
    }
}

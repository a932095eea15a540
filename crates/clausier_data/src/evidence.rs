//! Where a vendor's value comes from and until when it is valid: the `$`-keyed form of a
//! value (`{"$value": ["HDS"], "$source": {…}, "$valid_until": "2027-03-31"}`), read by
//! `load/evidence.rs` in every format.
//!
//! The keys start with `$` because no declared field can: a name of the language starts
//! with a letter or `_`, so the form is never confused with a record's fields.

use jiff::civil::Date;
use serde::Serialize;

pub use clausier_check::provenance::ProvenanceKind;

use crate::descriptor::{Loc, PathStep};

/// The key that holds the value itself.
pub const VALUE_KEY: &str = "$value";
/// The key that says where the value comes from.
pub const SOURCE_KEY: &str = "$source";
/// The key that says the last day the value holds.
pub const VALID_UNTIL_KEY: &str = "$valid_until";
/// The key of a claim of an equivalent to the label or certificate the field holds.
pub const EQUIVALENT_KEY: &str = "$equivalent";

/// Where a value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub kind: ProvenanceKind,
    /// The document's reference or the registry's entry (`Certificat HDS n° 2024-118`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Who issued the document or keeps the registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
}

/// A vendor's claim that a label or certificate it holds is equivalent to the one a
/// requirement names: the buyer must examine it (CCP R2111-12 to R2111-17, proof by any
/// means), so a requirement that demands a label and fails on a field carrying such a
/// claim is under review rather than failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EquivalentClaim {
    /// What the vendor holds instead (`ISO 27001 par Organisme Exemple`).
    pub label: String,
    /// Who issued it.
    pub issuer: String,
    /// The document that proves it (a certificate's reference).
    pub document: String,
}

/// What a descriptor says of one of its values besides the value itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The value's path from the root, as the descriptor's locations key it.
    pub path: Box<[PathStep]>,
    /// The same path as people read it, as `missing` lists give it (`documents.hds`).
    pub shown: String,
    pub source: Option<Provenance>,
    /// The last day the value holds (a certificate's end of validity).
    pub valid_until: Option<Date>,
    /// A claim of an equivalent, to be examined by the buyer.
    pub equivalent: Option<EquivalentClaim>,
    /// Where the `$`-keyed form was written.
    pub loc: Option<Loc>,
}

impl Evidence {
    /// Whether the value no longer holds on `today`: it holds through its last day.
    pub fn expired_on(&self, today: Date) -> bool {
        self.valid_until.is_some_and(|last| last < today)
    }
}

/// The evidence a descriptor gives for the value at `path`, if any.
pub fn find<'e>(evidence: &'e [Evidence], path: &[PathStep]) -> Option<&'e Evidence> {
    evidence.iter().find(|entry| *entry.path == *path)
}

//! Who vouches for a value: the kinds a vendor writes in a value's `$source`, which an
//! `evidence PATH from KIND…` line of a requirement may ask for. One list, read by the
//! descriptor readers and by the checker.

use serde::Serialize;

/// Who vouches for a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvenanceKind {
    /// The vendor says so, nothing more: the kind of a value written without `$source`.
    Declared,
    /// A document the vendor supplies (a certificate, an attestation), with its reference.
    Document,
    /// A public registry (SIRENE, the ANS's list of HDS hosts…).
    Registry,
    /// An audit by a third party.
    Audit,
}

impl ProvenanceKind {
    pub const ALL: [ProvenanceKind; 4] = [
        ProvenanceKind::Declared,
        ProvenanceKind::Document,
        ProvenanceKind::Registry,
        ProvenanceKind::Audit,
    ];

    /// The word a vendor writes, a clause names after `from`, and the JSON report prints.
    pub fn as_str(self) -> &'static str {
        match self {
            ProvenanceKind::Declared => "declared",
            ProvenanceKind::Document => "document",
            ProvenanceKind::Registry => "registry",
            ProvenanceKind::Audit => "audit",
        }
    }

    pub fn from_word(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == word)
    }

    /// Whether a clause may ask for it: a declaration proves nothing, every other kind
    /// comes from someone besides the vendor or with a document.
    pub fn is_proof(self) -> bool {
        self != ProvenanceKind::Declared
    }
}

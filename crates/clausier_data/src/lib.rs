//! Vendor descriptors: finding and reading descriptor files (`files`), loading them in
//! every format against a pack's schema (`load`), the typed values they hold, where each
//! value was written, and what is wrong with the data, as `Diagnostic`s too
//! (`DataProblem::to_diagnostic`, `DataDiagnostics`).
//!
//! ```text
//! paths ──files::collect──▶ Input ──read_descriptor_file──▶ text
//! text ──load_text(schema, format)──▶ Descriptor { root, locations, problems }
//! ```
//!
//! Nothing here panics on any input or evaluates anything: bad data, and a file that
//! cannot be read, make an `invalid` descriptor with located problems, which the evaluator
//! (`clausier_eval`) then reports without evaluating it.

pub mod descriptor;
mod diagnostics;
pub mod evidence;
pub mod files;
pub mod load;

pub use descriptor::{DataProblem, Descriptor, Loc, Locations, PathStep};
pub use diagnostics::DataDiagnostics;
pub use evidence::{Evidence, Provenance, ProvenanceKind};
pub use load::{Format, LoadOptions};

//! Vendor descriptors: reading them in every format against a pack's schema, the typed
//! values they hold, where each value was written, and what is wrong with the data.
//!
//! ```text
//! descriptor text ──load_text(schema, format)──▶ Descriptor { root, locations, problems }
//! ```
//!
//! Nothing here panics on any input or evaluates anything: bad data makes an `invalid`
//! descriptor with located problems, which the evaluator (`clausier_eval`) then skips.

pub mod descriptor;
mod diagnostics;
pub mod load;

pub use descriptor::{DataProblem, Descriptor, Loc, Locations, PathStep};
pub use diagnostics::DataDiagnostics;
pub use load::{Format, LoadOptions};

//! The charts of the diagnosis dashboard.

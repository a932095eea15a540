//! The style sheet of the diagnosis dashboard.

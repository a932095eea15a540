//! Why a report is at the date it is: the evaluation date is `today` in every clause, so
//! whoever reads the report must know where it came from when nobody gave it.

use clausier_i18n::{Lang, t};

/// Where the evaluation date of a run comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrigin {
    /// Given on the command line (`--date`) or by the editor: the reader chose it.
    #[default]
    Given,
    /// The deadline for offers of the root pack's `[document]` table.
    Deadline,
    /// The current day: neither `--date` nor a deadline was given.
    Today,
}

impl DateOrigin {
    /// What the human reports print after the date; nothing when the reader gave it.
    pub(crate) fn note(self, lang: Lang) -> Option<String> {
        match self {
            DateOrigin::Given => None,
            DateOrigin::Deadline => Some(t!(lang, "report-date-deadline")),
            DateOrigin::Today => Some(t!(lang, "report-date-today")),
        }
    }
}

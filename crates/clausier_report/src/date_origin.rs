//! Why a report is at the date it is: the evaluation date is `today` in every clause, so
//! whoever reads the report must know where it came from when nobody gave it.

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
    pub(crate) fn note(self) -> Option<&'static str> {
        match self {
            DateOrigin::Given => None,
            DateOrigin::Deadline => {
                Some("the deadline for offers, `[document] deadline` in pack.toml")
            }
            DateOrigin::Today => {
                Some("today: pack.toml gives no `[document] deadline` and no `--date` was given")
            }
        }
    }
}

//! Deep recursion without overflowing the stack.
//!
//! Nesting is bounded by the parser, but a flat chain such as `a and b and …` is a
//! left-deep tree as tall as the chain is long, and a chain may have any length. Every
//! recursive walk of expressions goes through [`deep`] at its recursion point, so that
//! it runs on a fresh stack segment when the current one runs low.

/// How much stack a recursion step may use before [`deep`] switches to a new segment.
const RED_ZONE: usize = 64 * 1024;

/// The size of each new segment.
const SEGMENT: usize = 4 * 1024 * 1024;

/// Runs `step` with at least [`RED_ZONE`] bytes of stack left.
#[inline]
pub fn deep<R>(step: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, step)
}

#[cfg(test)]
mod tests {
    use super::deep;

    fn depth(n: u64) -> u64 {
        if n == 0 { 0 } else { deep(|| depth(n - 1)) + 1 }
    }

    #[test]
    fn a_million_calls_deep_do_not_overflow() {
        assert_eq!(depth(1_000_000), 1_000_000);
    }
}

//! The progress bar of a long `check`: on standard error, for a person watching a
//! terminal, never in a pipe, a CI log or under `--quiet`.

use std::borrow::Cow;
use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

use indicatif::{HumanCount, HumanDuration, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A run shorter than this shows nothing: a bar that flashes and vanishes is noise.
const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    enabled: bool,
    started: Instant,
    bar: Option<ProgressBar>,
    step: Cow<'static, str>,
    step_started: Instant,
    position: u64,
    /// How many descriptors the step goes through, known or estimated.
    length: Option<u64>,
}

impl Progress {
    /// A bar shown only when standard error is a terminal, the `CI` variable is not set
    /// (CI logs capture every redraw) and `--quiet` is not given.
    pub fn for_terminal(quiet: bool) -> Self {
        let enabled = !quiet && io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        Self {
            enabled,
            started: Instant::now(),
            bar: None,
            step: Cow::Borrowed(""),
            step_started: Instant::now(),
            position: 0,
            length: None,
        }
    }

    /// Starts a step, such as `1/2 checking`, over `length` descriptors when known.
    pub fn step(&mut self, step: String, length: Option<u64>) {
        self.step = Cow::Owned(step);
        self.step_started = Instant::now();
        self.position = 0;
        self.length = length;
        if let Some(bar) = &self.bar {
            bar.set_prefix(self.step.clone());
            bar.reset();
        }
        self.draw();
    }

    /// `done` more descriptors went through the step.
    pub fn advance(&mut self, done: u64) {
        self.position = self.position.saturating_add(done);
        self.draw();
    }

    /// A better guess of the step's length, such as one from the bytes read so far.
    pub fn estimate(&mut self, length: u64) {
        self.length = Some(length.max(self.position));
        self.draw();
    }

    /// Removes the bar: the report and the messages after it start on a clean line.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }

    fn draw(&mut self) {
        if !self.enabled {
            return;
        }
        if self.bar.is_none() && self.started.elapsed() >= SHOW_AFTER {
            self.bar = Some(self.new_bar());
        }
        if let Some(bar) = &self.bar {
            match self.length {
                Some(length) => bar.set_length(length),
                None => bar.unset_length(),
            }
            bar.set_position(self.position);
            bar.set_message(self.status());
        }
    }

    /// `2,048/10,000 descriptors · 5,875/s · 1s left`: the rate over the whole step, which
    /// holds steadier than one over the last moments when chunks arrive in bursts.
    fn status(&self) -> String {
        let mut status = match self.length {
            Some(length) => format!(
                "{}/{} descriptors",
                HumanCount(self.position),
                HumanCount(length)
            ),
            None => format!("{} descriptors", HumanCount(self.position)),
        };
        let seconds = self.step_started.elapsed().as_secs_f64();
        let rate = if seconds > 0.0 {
            self.position as f64 / seconds
        } else {
            0.0
        };
        if rate >= 1.0 {
            status.push_str(&format!(" · {}/s", HumanCount(rate as u64)));
            if let Some(length) = self.length {
                let left = length.saturating_sub(self.position) as f64 / rate;
                status.push_str(&format!(
                    " · {:#} left",
                    HumanDuration(Duration::from_secs_f64(left))
                ));
            }
        }
        status
    }

    fn new_bar(&self) -> ProgressBar {
        let style = ProgressStyle::with_template("{prefix} {wide_bar} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        ProgressBar::with_draw_target(self.length, ProgressDrawTarget::stderr())
            .with_style(style)
            .with_prefix(self.step.clone())
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

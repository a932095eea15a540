//! The speed targets of Clausier against its peers, judged from the timings of one run:
//! ratios taken within the run are what a shared, noisy machine can compare.

use crate::measure::Timing;

/// The engines a target compares, by the names their timings carry.
pub struct Names<'a> {
    /// Clausier's load and evaluate, a descriptor at a time.
    pub clausier: &'a str,
    /// Clausier's whole run, the report included.
    pub whole_run: &'a str,
    pub typed: &'a str,
    pub parse: &'a str,
    pub fastest_peer: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Met,
    Missed,
    /// The run cannot judge it: the floor it is measured against did not scale either.
    NotShown,
    /// A timing the target needs is absent from the run.
    NotMeasured,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::NotShown => "not shown (the floor did not scale)",
            Verdict::NotMeasured => "not measured",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    pub target: String,
    /// The ratio the run measured, in the target's own terms.
    pub measured: String,
    pub verdict: Verdict,
}

/// Wanted speed-up on `threads` threads, where the typed check shows the machine allows it.
const WANTED_SPEEDUP: f64 = 1.7;
const WANTED_TYPED_RATIO: f64 = 1.5;
const WANTED_REPORT_RATIO: f64 = 2.0;

/// Each target on the workload of `size` descriptors, single thread unless it says.
pub fn judge(timings: &[Timing], names: &Names<'_>, size: usize, threads: usize) -> Vec<TargetRow> {
    let micros = |engine: &str, threads: usize| {
        timings
            .iter()
            .find(|t| t.engine == engine && t.threads == threads && t.descriptors == size)
            .map(Timing::micros_per_descriptor)
    };
    let clausier = micros(names.clausier, 1);
    let ratio = |numerator: Option<f64>, denominator: Option<f64>| match (numerator, denominator) {
        (Some(n), Some(d)) if d > 0.0 => Some(n / d),
        _ => None,
    };
    let below = |value: Option<f64>, bound: f64, strict: bool| match value {
        None => Verdict::NotMeasured,
        Some(value) if value < bound || (!strict && value == bound) => Verdict::Met,
        Some(_) => Verdict::Missed,
    };
    let times = |value: Option<f64>| value.map_or("–".to_owned(), |value| format!("{value:.2}×"));

    let against_peer = ratio(clausier, micros(names.fastest_peer, 1));
    let against_typed = ratio(clausier, micros(names.typed, 1));
    let against_parse = ratio(clausier, micros(names.parse, 1));
    let report = ratio(micros(names.whole_run, 1), clausier);
    let mut rows = vec![
        TargetRow {
            target: format!("load and evaluate faster than {}", names.fastest_peer),
            measured: format!("{} its time", times(against_peer)),
            verdict: below(against_peer, 1.0, true),
        },
        TargetRow {
            target: format!(
                "load and evaluate at most {WANTED_TYPED_RATIO}× the hand-written typed check"
            ),
            measured: times(against_typed),
            verdict: below(against_typed, WANTED_TYPED_RATIO, false),
        },
        TargetRow {
            target: "load and evaluate below the `serde_json::Value` parse".to_owned(),
            measured: format!("{} the parse", times(against_parse)),
            verdict: below(against_parse, 1.0, true),
        },
        TargetRow {
            target: format!(
                "whole run with its report at most {WANTED_REPORT_RATIO}× load and evaluate"
            ),
            measured: times(report),
            verdict: below(report, WANTED_REPORT_RATIO, false),
        },
    ];
    if threads > 1 {
        let clausier_speedup = ratio(clausier, micros(names.clausier, threads));
        let typed_speedup = ratio(micros(names.typed, 1), micros(names.typed, threads));
        let verdict = match (clausier_speedup, typed_speedup) {
            (Some(_), Some(typed)) if typed < WANTED_SPEEDUP => Verdict::NotShown,
            (Some(speedup), Some(_)) if speedup >= WANTED_SPEEDUP => Verdict::Met,
            (Some(_), Some(_)) => Verdict::Missed,
            _ => Verdict::NotMeasured,
        };
        rows.push(TargetRow {
            target: format!(
                "at least {WANTED_SPEEDUP}× on {threads} threads, where the typed check scales"
            ),
            measured: format!(
                "{} (the typed check: {})",
                times(clausier_speedup),
                times(typed_speedup)
            ),
            verdict,
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn timing(engine: &str, threads: usize, micros: u64) -> Timing {
        Timing {
            engine: engine.to_owned(),
            threads,
            descriptors: 1_000,
            runs: vec![Duration::from_micros(micros * 1_000)],
        }
    }

    const NAMES: Names<'static> = Names {
        clausier: "c",
        whole_run: "w",
        typed: "t",
        parse: "p",
        fastest_peer: "j",
    };

    #[test]
    fn each_target_is_judged_from_the_ratios_of_one_run() {
        let timings = [
            timing("c", 1, 3),
            timing("c", 2, 2),
            timing("w", 1, 6),
            timing("t", 1, 2),
            timing("t", 2, 1),
            timing("p", 1, 4),
            timing("j", 1, 2),
        ];
        let rows = judge(&timings, &NAMES, 1_000, 2);
        let verdicts: Vec<Verdict> = rows.iter().map(|row| row.verdict).collect();
        assert_eq!(
            verdicts,
            [
                Verdict::Missed, // 1.5× the peer
                Verdict::Met,    // exactly 1.5× the typed check
                Verdict::Met,    // 0.75× the parse
                Verdict::Met,    // exactly 2× with the report
                Verdict::Missed, // 1.5× on two threads while the typed check got 2×
            ]
        );
        assert_eq!(rows[0].measured, "1.50× its time");
        assert_eq!(rows[4].measured, "1.50× (the typed check: 2.00×)");
    }

    #[test]
    fn a_speed_up_is_not_judged_when_the_floor_did_not_scale() {
        let timings = [
            timing("c", 1, 4),
            timing("c", 2, 4),
            timing("t", 1, 2),
            timing("t", 2, 2),
        ];
        let rows = judge(&timings, &NAMES, 1_000, 2);
        assert_eq!(rows[4].verdict, Verdict::NotShown);
        assert_eq!(rows[0].verdict, Verdict::NotMeasured);
    }
}

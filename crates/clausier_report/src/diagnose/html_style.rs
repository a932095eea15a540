//! The style sheet of the diagnosis dashboard: one column that fits a laptop screen and
//! scales its charts down on a narrow one, tables that wrap rather than overflow, and
//! the matrix's cells shaded by their value.

pub(super) const STYLE: &str = r#"
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
  max-width: 64rem; margin: 1.5rem auto; padding: 0 1.5rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #c9c9cf; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .25rem; }
section.indicator, section.risk { margin: 0 0 1.5rem; }
figure { margin: .5rem 0; }
svg.chart { display: block; width: 100%; max-width: 880px; height: auto; }
table { border-collapse: collapse; margin: .5rem 0; max-width: 100%; }
th, td { border: 1px solid #c9c9cf; padding: .2rem .5rem; text-align: left; vertical-align: top; }
td.number, th.number { text-align: right; white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
table.matrix td { text-align: right; min-width: 5rem; }
.total { font-weight: 600; }
.unknown { color: #6a6a70; font-style: italic; }
.nearness-now { color: #a4161a; font-weight: 600; }
.nearness-next { color: #8a4b06; }
.legend span { display: inline-block; width: .9rem; height: .9rem; vertical-align: middle;
  margin: 0 .3rem 0 1rem; border-radius: 2px; }
.legend .now { background: #a4161a; } .legend .next { background: #d97a1a; }
.legend .later { background: #5a7d9a; }
ul.alternatives { margin: .25rem 0 .5rem; padding-left: 1.2rem; }
ul.verdicts { margin: 0; padding-left: 1.2rem; }
.verdict.satisfied { color: #0f5b24; }
.verdict.not-satisfied { color: #a4161a; }
.verdict.not-satisfied > ul { color: #1d1d1f; }
.verdict.not-checked { color: #4a4a4f; }
.free { background: #d7f0dc; border-radius: 3px; padding: 0 .35rem; margin-left: .4rem; }
code { font: 13px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
footer { margin-top: 2rem; color: #4a4a4f; font-size: .85rem; }
@media print { body { max-width: none; margin: 0; } h2 { break-after: avoid; } }
"#;

//! The style sheet of the HTML check report, inline in the page: readable on a 1280 px
//! screen without scrolling sideways, and printed on A4 with nothing cut.
//!
//! Every status is a word first and a colour second, and the colours keep dark text
//! legible (contrast above 7:1). A failed `must` is red; a failed or missing `should` is
//! blue-grey, since it does not change the offer's eligibility and must not read as a
//! reason for exclusion.

pub(super) const STYLE: &str = r#"
:root { --eligible: #d7f0dc; --ineligible: #f8d4d4; --incomplete: #fbecc4; --invalid: #ead9f2;
  --must-fail: #f8d4d4; --must-fail-edge: #a4161a; --missing: #fbecc4; --missing-edge: #7a5200;
  --should: #e3eaf4; --should-edge: #3d5a80; --ink: #1d1d1f; --muted: #4a4a4f; --line: #c9c9cf; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  max-width: 64rem; margin: 1.5rem auto; padding: 0 1.5rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4, h5 { font-size: 1rem; margin: 1rem 0 .25rem; }
dl.meta, dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  margin: 0 0 1rem; }
dl.meta dt, dl.facts dt { font-weight: 600; }
dl.meta dd, dl.facts dd { margin: 0; }
code { font: 13px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f3; }
th .title { font-weight: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.none { color: var(--muted); font-style: italic; }
.status { font-weight: 600; }
.status.eligible { background: var(--eligible); }
.status.ineligible { background: var(--ineligible); }
.status.incomplete { background: var(--incomplete); }
.status.invalid { background: var(--invalid); }
span.status { padding: .05rem .5rem; border-radius: 3px; }
section.offer { border-top: 1px solid var(--line); margin-top: 1.5rem; }
ul.reasons { list-style: none; padding: 0; margin: .25rem 0 1rem; }
ul.reasons > li { margin: 0 0 .4rem; padding: .35rem .6rem; border-left: 5px solid; }
li.must.fail { background: var(--must-fail); border-color: var(--must-fail-edge); }
li.must.missing { background: var(--missing); border-color: var(--missing-edge); }
li.should, li.info { background: var(--should); border-color: var(--should-edge); }
li .outcome { font-weight: 600; }
li .no-effect { font-style: italic; }
ul.others { columns: 2 18rem; margin: .25rem 0 1rem; padding-left: 1.2rem; }
ul.others li { break-inside: avoid; }
footer { color: var(--muted); font-size: 12px; margin-top: 2rem; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  code { font-size: 9pt; }
  section.offer, section.lot-offers { break-before: page; }
  section.lot-offers > h3 + section.offer { break-before: avoid; }
  table, tr, li, dl { break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3, h4, h5 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

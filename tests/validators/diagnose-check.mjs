// Opens the dashboard of `clausier diagnose --format html` in headless Chromium and prints
// as JSON what was seen:
//
//   node tests/validators/diagnose-check.mjs DASHBOARD.html CHROMIUM [SCREENSHOT.png]
//
// - `requests` (each blocked: the page must be self-contained), `consoleErrors`,
//   `pageErrors`;
// - `layout`: at a 1280 px wide window, the document's `scrollWidth`;
// - `charts`: each `svg.chart`'s accessible name, drawn size, count of filled shapes and
//   its texts, as the browser lays them out;
// - `indicators`: each indicator section's id and the rows of its tables;
// - `priorities`: each ranked line's rank and cells, and its alternatives' verdicts;
// - a full-page screenshot, when SCREENSHOT.png is given.
//
// playwright-core is imported from this script's folder (tests/validators, after
// `scripts/node-validators`).

import { openOffline } from "./offline-page.mjs";

const [dashboard, executablePath, screenshot] = process.argv.slice(2);
if (!dashboard || !executablePath) {
  console.error("usage: node diagnose-check.mjs DASHBOARD.html CHROMIUM [SCREENSHOT.png]");
  process.exit(2);
}

const { page, seen, close } = await openOffline(dashboard, {
  executablePath,
  name: "clausier-diagnose-check",
  viewport: { width: 1280, height: 900 },
});
try {
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  seen.layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    windowWidth: window.innerWidth,
  }));
  seen.charts = await page.$$eval("svg.chart", (charts) =>
    charts.map((chart) => {
      const box = chart.getBoundingClientRect();
      return {
        label: chart.getAttribute("aria-label"),
        role: chart.getAttribute("role"),
        width: Math.round(box.width),
        height: Math.round(box.height),
        bars: Array.from(chart.querySelectorAll("rect")).filter((rect) => {
          const fill = (rect.getAttribute("fill") ?? "").toUpperCase();
          const size = rect.getBBox();
          return fill !== "#FFFFFF" && size.width > 0 && size.height > 0;
        }).length,
        texts: Array.from(chart.querySelectorAll("text"))
          .filter((text) => text.getBBox().width > 0)
          .map((text) => text.textContent.trim()),
      };
    }),
  );
  seen.indicators = await page.$$eval("section.indicator", (sections) =>
    sections.map((section) => ({
      id: section.dataset.indicator,
      rows: Array.from(section.querySelectorAll("table tr")).map((row) =>
        Array.from(row.cells).map((cell) => cell.innerText.trim()),
      ),
    })),
  );
  seen.priorities = await page.$$eval("tr[data-rank]", (rows) =>
    rows.map((row) => {
      const next = row.nextElementSibling;
      const alternatives = next?.classList.contains("alternatives")
        ? Array.from(next.querySelectorAll("li.alternative")).map((item) => ({
            solution: item.dataset.solution,
            verdicts: Array.from(item.querySelectorAll("li.verdict")).map((verdict) => ({
              verdict: verdict.dataset.verdict,
              text: verdict.innerText.trim(),
            })),
          }))
        : [];
      return {
        rank: Number(row.dataset.rank),
        cells: Array.from(row.cells).map((cell) => cell.innerText.trim()),
        alternatives,
      };
    }),
  );
} finally {
  await close();
}
console.log(JSON.stringify(seen, null, 2));

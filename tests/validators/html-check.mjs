// Opens an HTML report of `clausier check` in headless Chromium and prints, as JSON, what
// a person would see and get from it:
//
//   CLAUSIER_TEST_CHROMIUM=/usr/bin/chromium node tests/validators/html-check.mjs REPORT.html
//   node tests/validators/html-check.mjs REPORT.html /usr/bin/chromium
//
// - `requests`: every request for something other than a file: or data: URL (each is
//   blocked: the page must be self-contained), `consoleErrors` and `pageErrors`;
// - `title`, `lang` (of the `<html>` element) and `summary` (the counts' text);
// - `rankings`: each ranking table (its lot's `data-lot`, or null) with its rows in order:
//   the descriptor (`data-descriptor`), the rank, score and status shown (text, `data-value`
//   or `data-status`, computed background), and whether the row is visible;
// - `offers`: each offer's section in order: its descriptor and lot, heading, status,
//   score and rank, every requirement it lists (clause, level, status, the text shown,
//   its outcome word, its background, whether visible, whether among the reasons), every
//   criterion row (clause, points shown and `data-value`, visible) and the problems of
//   its file;
// - `layout`: at a 1280 px wide window, the document's `scrollWidth` and the elements
//   wider than the window;
// - `print`: under `@media print` on the width of an A4 page inside its margins (703 px),
//   the print rules, the `scrollWidth`, each criterion's points (text, visible), each
//   offer section's `break-before`, each table's `break-inside`, and the page's text;
// - `screenshot`: where the first view was saved, when a third argument names a file.

import { openOffline } from "./offline-page.mjs";

const [report, chromiumArgument, screenshot] = process.argv.slice(2);
const executablePath = chromiumArgument || process.env.CLAUSIER_TEST_CHROMIUM;
if (!report || !executablePath) {
  console.error(
    "usage: node html-check.mjs REPORT.html [CHROMIUM [SCREENSHOT.png]] " +
      "(or set CLAUSIER_TEST_CHROMIUM to the browser)",
  );
  process.exit(2);
}

const SCREEN = { width: 1280, height: 900 };
// A4 is 210 mm wide; the page's `@page` margins are 12 mm each side: 186 mm at 96 dpi.
const A4_CONTENT = { width: 703, height: 1000 };

const { page, seen: summary, close } = await openOffline(report, {
  executablePath,
  name: "clausier-html-check",
  viewport: SCREEN,
});
try {
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: false });
    summary.screenshot = screenshot;
  }

  summary.title = await page.title();
  summary.lang = await page.evaluate(() => document.documentElement.lang);
  summary.summary = await page.evaluate(
    () => document.getElementById("summary")?.innerText.trim() ?? null,
  );
  summary.rankings = await page.$$eval("#ranking table.ranking", (tables) =>
    tables.map((table) => ({
      lot: table.closest("section.lot")?.dataset.lot ?? null,
      rows: Array.from(table.tBodies[0].rows).map((row) => {
        const [rank, name, score, status] = Array.from(row.cells);
        return {
          descriptor: row.dataset.descriptor ?? null,
          name: name.innerText.trim(),
          visible: row.checkVisibility(),
          rank: { value: rank.dataset.value ?? null, text: rank.innerText.trim() },
          score: { value: score.dataset.value ?? null, text: score.innerText.trim() },
          status: {
            value: status.dataset.status ?? null,
            text: status.innerText.trim(),
            background: getComputedStyle(status).backgroundColor,
          },
        };
      }),
    })),
  );
  summary.offers = await page.$$eval("section.offer", (sections) =>
    sections.map((section) => {
      const status = section.querySelector(".facts [data-status]");
      const score = section.querySelector(".facts .score");
      const rank = section.querySelector(".facts .rank");
      return {
        descriptor: section.dataset.descriptor ?? null,
        lot: section.dataset.lot ?? null,
        heading: section.querySelector("h3, h4")?.innerText.trim() ?? null,
        status: status && {
          value: status.dataset.status,
          text: status.innerText.trim(),
          background: getComputedStyle(status).backgroundColor,
        },
        score: score && { value: score.dataset.value ?? null, text: score.innerText.trim() },
        rank: rank && { value: rank.dataset.value ?? null, text: rank.innerText.trim() },
        requirements: Array.from(section.querySelectorAll("li[data-clause]")).map((item) => ({
          clause: item.dataset.clause,
          shownName: item.querySelector(".clause")?.innerText.trim() ?? null,
          level: item.dataset.level,
          status: item.dataset.status,
          outcome: item.querySelector(".outcome")?.innerText.trim() ?? null,
          text: item.innerText.trim(),
          background: getComputedStyle(item).backgroundColor,
          visible: item.checkVisibility(),
          inReasons: item.closest("ul.reasons") !== null,
        })),
        criteria: Array.from(section.querySelectorAll("table.criteria tbody tr")).map((row) => {
          const points = row.querySelector(".points");
          return {
            clause: row.dataset.clause,
            shownName: (row.querySelector(".clause") ?? row.cells[0]).innerText.trim(),
            points: points && { value: points.dataset.value ?? null, text: points.innerText.trim() },
            text: row.innerText.trim(),
            visible: row.checkVisibility(),
          };
        }),
        errors: section.querySelector("ul.data-problems")?.innerText.trim() ?? "",
      };
    }),
  );

  const width = () =>
    page.evaluate(() => {
      const limit = window.innerWidth;
      const wide = Array.from(document.body.querySelectorAll("*"))
        .filter((element) => element.getBoundingClientRect().right > limit + 0.5)
        .map((element) => element.tagName.toLowerCase() + (element.className ? "." + element.className : ""));
      return {
        width: limit,
        scrollWidth: document.documentElement.scrollWidth,
        overflowing: wide.slice(0, 10),
      };
    });
  summary.layout = await width();

  // Print: the print style sheet applies, on the width of an A4 page.
  const printRules = await page.evaluate(() =>
    Array.from(document.styleSheets).flatMap((sheet) => {
      let rules = [];
      try {
        rules = Array.from(sheet.cssRules);
      } catch {
        // A style sheet from elsewhere (blocked, and reported as a request).
      }
      return rules
        .filter((rule) => rule instanceof CSSMediaRule && rule.media.mediaText.includes("print"))
        .map((rule) => rule.cssRules.length);
    }),
  );
  await page.setViewportSize(A4_CONTENT);
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => ({
    printMatches: window.matchMedia("print").matches,
    criteria: Array.from(document.querySelectorAll("section.offer")).flatMap((section) =>
      Array.from(section.querySelectorAll("table.criteria .points")).map((cell) => ({
        descriptor: section.dataset.descriptor,
        lot: section.dataset.lot ?? null,
        clause: cell.closest("tr").dataset.clause,
        text: cell.innerText.trim(),
        visible: cell.checkVisibility(),
      })),
    ),
    offerBreaks: Array.from(document.querySelectorAll("section.offer")).map(
      (section) => getComputedStyle(section).breakBefore,
    ),
    tableBreaks: Array.from(document.querySelectorAll("table")).map(
      (table) => getComputedStyle(table).breakInside,
    ),
    text: document.body.innerText,
  }));
  summary.print = { rules: printRules, ...printed, ...(await width()) };
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize(SCREEN);
} finally {
  await close();
}
console.log(JSON.stringify(summary));

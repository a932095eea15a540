// Opens an HTML report of `clausier check` in headless Chromium and prints, as JSON, what
// a person would see and get from it:
//
//   CLAUSIER_TEST_CHROMIUM=/usr/bin/chromium node tests/validators/html-check.mjs REPORT.html
//   node tests/validators/html-check.mjs REPORT.html /usr/bin/chromium
//
// - `requests`: every request for something other than a file: or data: URL (each is
//   blocked: the page must be self-contained), `consoleErrors` and `pageErrors`;
// - `columns`: the clause of each column of the matrix, from its heading's `data-clause`;
// - `rows`: each row in order: the descriptor (`data-descriptor` of its heading), the
//   status, score and rank shown, and each clause cell (by column) with its sort value
//   (`data-value`: a requirement's status, a criterion's points), its text, and its
//   computed background colour;
// - `explanations`: each `<details>` of the matrix (its descriptor, and its clause or
//   fixed column), with whether its explanation is visible before a click on its summary,
//   after it, and after a second one, and its text;
// - `sorting`: the rows' order after one and two clicks on each of the Score and Rank
//   headings, with the headings' `aria-sort`;
// - `print`: under `@media print`, whether a print style sheet applies, whether every
//   explanation is open, and the sort indicator's content;
// - `screenshot`: where the first view was saved, when a third argument names a file.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

const [report, chromiumArgument, screenshot] = process.argv.slice(2);
const executablePath = chromiumArgument || process.env.CLAUSIER_TEST_CHROMIUM;
if (!report || !executablePath) {
  console.error(
    "usage: node html-check.mjs REPORT.html [CHROMIUM [SCREENSHOT.png]] " +
      "(or set CLAUSIER_TEST_CHROMIUM to the browser)",
  );
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "clausier-html-check-"));
const summary = { requests: [], consoleErrors: [], pageErrors: [] };
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1600, height: 1000 },
    offline: true,
    timeout: 30_000,
  });
  const local = (url) => /^(file|data|blob|about):/.test(url);
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (local(url)) {
      return route.continue();
    }
    summary.requests.push(url);
    return route.abort("blockedbyclient");
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(5_000);
  page.on("request", (request) => {
    const url = request.url();
    if (!local(url) && !summary.requests.includes(url)) {
      summary.requests.push(url);
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error") {
      summary.consoleErrors.push(message.text());
    }
  });
  page.on("pageerror", (error) => summary.pageErrors.push(String(error)));

  await page.goto(pathToFileURL(resolve(report)).href, { waitUntil: "load" });
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: false });
    summary.screenshot = screenshot;
  }

  summary.title = await page.title();
  summary.columns = await page.$$eval("#matrix thead th button[data-clause]", (buttons) =>
    buttons.map((button) => button.dataset.clause),
  );
  summary.rows = await readRows(page);

  // Each explanation, hidden until its summary is clicked: the first of each kind (fail,
  // missing, invalid) with the mouse, the others with a click event, then closed again.
  summary.explanations = await page.$$eval("#matrix tbody details", (all) =>
    all.map((element, index) => {
      const cell = element.closest("td");
      const row = cell.closest("tr");
      const heading = cell.closest("table").tHead.rows[0].cells[cell.cellIndex];
      const button = heading.querySelector("button");
      element.dataset.check = String(index);
      return {
        descriptor: row.querySelector("th[data-descriptor]")?.dataset.descriptor ?? null,
        clause: button?.dataset.clause ?? null,
        column: button?.dataset.column ?? null,
        summary: element.querySelector("summary").textContent.trim(),
      };
    }),
  );
  const firsts = new Set();
  for (const [index, item] of summary.explanations.entries()) {
    if (firsts.has(item.summary)) {
      continue;
    }
    firsts.add(item.summary);
    const details = page.locator(`#matrix details[data-check="${index}"]`);
    const list = details.locator("ul");
    item.clickedWith = "mouse";
    item.visibleBefore = await list.isVisible();
    await details.locator("summary").click();
    item.visibleAfter = await list.isVisible();
    item.text = (await list.innerText()).trim();
    await details.locator("summary").click();
    item.visibleAfterSecondClick = await list.isVisible();
  }
  const others = await page.$$eval(
    "#matrix details[data-check]",
    (all, skip) =>
      all
        .filter((element) => !skip.includes(element.dataset.check))
        .map((element) => {
          const list = element.querySelector("ul");
          const summary = element.querySelector("summary");
          const visibleBefore = list.checkVisibility();
          summary.click();
          const visibleAfter = list.checkVisibility();
          const text = list.innerText.trim();
          summary.click();
          const visibleAfterSecondClick = list.checkVisibility();
          return {
            index: Number(element.dataset.check),
            clickedWith: "event",
            visibleBefore,
            visibleAfter,
            text,
            visibleAfterSecondClick,
          };
        }),
    summary.explanations
      .map((item, index) => (item.clickedWith ? String(index) : null))
      .filter((index) => index !== null),
  );
  for (const { index, ...seen } of others) {
    Object.assign(summary.explanations[index], seen);
  }

  // Sorting: one click sorts one way, a second the other.
  summary.sorting = {};
  for (const column of ["score", "rank"]) {
    const button = page.locator(`#matrix thead button[data-column="${column}"]`);
    const order = async () =>
      page.$$eval("#matrix tbody tr th[data-descriptor]", (cells) =>
        cells.map((cell) => cell.dataset.descriptor),
      );
    const sort = async () =>
      button.evaluate((element) => element.closest("th").getAttribute("aria-sort"));
    await button.click();
    const first = { ariaSort: await sort(), rows: await order() };
    await button.click();
    const second = { ariaSort: await sort(), rows: await order() };
    summary.sorting[column] = [first, second];
  }

  // Print: the print style sheet applies and every explanation is open.
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
  // Media query listeners run with the next rendering steps: two frames later.
  const frames = () =>
    page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
  const state = () =>
    page.evaluate(() => {
      const details = Array.from(document.querySelectorAll("details"));
      const button = document.querySelector("#matrix thead button");
      const heading = document.querySelector("#matrix thead th");
      return {
        printMatches: window.matchMedia("print").matches,
        details: details.length,
        open: details.filter((element) => element.open).length,
        headingPosition: getComputedStyle(heading).position,
        sortIndicator: getComputedStyle(button, "::after").content,
      };
    });
  await page.emulateMedia({ media: "print" });
  await frames();
  const inPrint = await state();
  await page.emulateMedia({ media: "screen" });
  await frames();
  const afterPrint = await state();
  summary.print = { rules: printRules, print: inPrint, screen: afterPrint };
  summary.rowsAfterAll = await readRows(page);
} finally {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(summary));

/** The matrix's rows as shown: descriptor, status, score, rank, and clause cells. */
function readRows(page) {
  return page.$$eval("#matrix tbody tr", (rows) => {
    const table = document.getElementById("matrix");
    const headings = Array.from(table.tHead.rows[0].cells).map((cell) => {
      const button = cell.querySelector("button");
      return { column: button?.dataset.column ?? null, clause: button?.dataset.clause ?? null };
    });
    return rows.map((row) => {
      const out = { descriptor: null, cells: {} };
      Array.from(row.cells).forEach((cell, index) => {
        const heading = headings[index] ?? {};
        const value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : null;
        const shown = cell.querySelector("summary")?.textContent.trim() ?? cell.textContent.trim();
        if (heading.column === "id") {
          out.descriptor = cell.dataset.descriptor ?? null;
          out.text = cell.textContent.trim();
        } else if (heading.column === "status") {
          out.status = { value, text: shown, background: getComputedStyle(cell).backgroundColor };
        } else if (heading.column === "score" || heading.column === "rank") {
          out[heading.column] = { value, text: cell.textContent.trim() };
        } else if (heading.clause) {
          out.cells[heading.clause] = {
            value,
            text: shown,
            classes: Array.from(cell.classList),
            background: getComputedStyle(cell).backgroundColor,
          };
        }
      });
      return out;
    });
  });
}

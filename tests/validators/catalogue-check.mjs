// Opens the catalogue page of `clausier catalogue` in headless Chromium, uses its search
// box and filters as a person would, and prints as JSON what was seen:
//
//   node tests/validators/catalogue-check.mjs CATALOGUE.html CHROMIUM SEARCH CATEGORY PACK \
//     [SCREENSHOT.png]
//
// - `requests` (each blocked: the page must be self-contained), `consoleErrors`,
//   `pageErrors`;
// - `filtersShown`: whether the search box and filters are visible once the script ran;
// - `layout`: at a 1280 px wide window, the document's `scrollWidth`;
// - `cards`: each card's solution id, heading, visibility and verdicts (pack, verdict,
//   text);
// - `visibleAfter`: the ids of the visible cards after typing SEARCH in the search box
//   (`search`), after choosing the category CATEGORY (`category`, search cleared), and
//   after choosing the pack PACK (`pack`, category cleared);
// - a full-page screenshot, when SCREENSHOT.png is given.
//
// playwright-core is imported from this script's folder (tests/validators, after
// `scripts/node-validators`).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

const [catalogue, executablePath, search, category, pack, screenshot] = process.argv.slice(2);
if (!catalogue || !executablePath || pack === undefined) {
  console.error(
    "usage: node catalogue-check.mjs CATALOGUE.html CHROMIUM SEARCH CATEGORY PACK [SCREENSHOT.png]",
  );
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "clausier-catalogue-check-"));
const seen = { requests: [], consoleErrors: [], pageErrors: [] };
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
    viewport: { width: 1280, height: 900 },
    offline: true,
    timeout: 30_000,
  });
  const local = (url) => /^(file|data|blob|about):/.test(url);
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (local(url)) {
      return route.continue();
    }
    seen.requests.push(url);
    return route.abort("blockedbyclient");
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(5_000);
  page.on("console", (message) => {
    if (message.type() === "error") {
      seen.consoleErrors.push(message.text());
    }
  });
  page.on("pageerror", (error) => seen.pageErrors.push(String(error)));

  await page.goto(pathToFileURL(resolve(catalogue)).href, { waitUntil: "load" });
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  seen.filtersShown = await page.isVisible("#filters");
  seen.layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    windowWidth: window.innerWidth,
  }));
  seen.cards = await page.$$eval("article.solution", (cards) =>
    cards.map((card) => ({
      solution: card.dataset.solution,
      heading: card.querySelector("h2")?.innerText.trim() ?? null,
      visible: card.checkVisibility(),
      verdicts: Array.from(card.querySelectorAll("li.verdict")).map((item) => ({
        pack: item.dataset.pack,
        verdict: item.dataset.verdict,
        text: item.innerText.trim(),
        visible: item.checkVisibility(),
      })),
    })),
  );
  const visible = () =>
    page.$$eval("article.solution", (cards) =>
      cards.filter((card) => card.checkVisibility()).map((card) => card.dataset.solution),
    );
  seen.visibleAfter = {};
  await page.fill("#search", search);
  seen.visibleAfter.search = await visible();
  await page.fill("#search", "");
  await page.selectOption("#category", category);
  seen.visibleAfter.category = await visible();
  await page.selectOption("#category", "");
  await page.selectOption("#pack", pack);
  seen.visibleAfter.pack = await visible();
} finally {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(seen, null, 2));

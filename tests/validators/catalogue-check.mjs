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

import { openOffline } from "./offline-page.mjs";

const [catalogue, executablePath, search, category, pack, screenshot] = process.argv.slice(2);
if (!catalogue || !executablePath || pack === undefined) {
  console.error(
    "usage: node catalogue-check.mjs CATALOGUE.html CHROMIUM SEARCH CATEGORY PACK [SCREENSHOT.png]",
  );
  process.exit(2);
}

const { page, seen, close } = await openOffline(catalogue, {
  executablePath,
  name: "clausier-catalogue-check",
  viewport: { width: 1280, height: 900 },
});
try {
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
  await close();
}
console.log(JSON.stringify(seen, null, 2));

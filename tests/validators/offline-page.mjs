// Opens a local HTML file in headless Chromium, offline, for the checks of this folder
// (`html-check.mjs`, `catalogue-check.mjs`): a throwaway profile, every request for
// something other than a file:, data:, blob: or about: URL blocked and noted in
// `seen.requests` (the pages must be self-contained), console errors and page errors
// noted in `seen.consoleErrors` and `seen.pageErrors`.
//
// `close()` closes the browser and removes the profile; call it in a `finally`.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const local = (url) => /^(file|data|blob|about):/.test(url);

/**
 * @param {string} file the HTML file to open
 * @param {{ executablePath: string, name: string, viewport: { width: number, height: number } }} options
 *   `name` prefixes the profile's temporary folder
 */
export async function openOffline(file, { executablePath, name, viewport }) {
  const seen = { requests: [], consoleErrors: [], pageErrors: [] };
  const profile = mkdtempSync(join(tmpdir(), `${name}-`));
  let context;
  const close = async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport,
      offline: true,
      timeout: 30_000,
    });
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
    page.on("request", (request) => {
      const url = request.url();
      if (!local(url) && !seen.requests.includes(url)) {
        seen.requests.push(url);
      }
    });
    page.on("console", (message) => {
      if (message.type() === "error") {
        seen.consoleErrors.push(message.text());
      }
    });
    page.on("pageerror", (error) => seen.pageErrors.push(String(error)));
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
    return { page, seen, close };
  } catch (error) {
    await close();
    throw error;
  }
}

// The page the preview's webview shows: the server's rendering of the tender (the
// self-contained HTML document of `clausier render --format html`), locked by a
// Content-Security-Policy (no scripts, no requests; the inline styles the document needs),
// with the reasons the pack does not compile above it.

import { type Language, previewErrorsHeading, previewFailed, previewNothingYet } from "./words";

/** What the server's `clausier.preview` answers. */
export interface PreviewAnswer {
  readonly title: string;
  readonly html: string | null;
  readonly markdown: string | null;
  readonly errors: readonly string[];
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const POLICY_TAG = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;

/** Why the page shows no rendering, or an older one: the pack does not compile (the
 * server's reasons), or the server did not answer (why). */
export type Trouble =
  | { readonly kind: "errors"; readonly errors: readonly string[] }
  | { readonly kind: "failure"; readonly reason: string };

/** The page for `html` (the last rendering, or null) with the trouble, if any, above it. */
export function previewPage(language: Language, html: string | null, trouble: Trouble | undefined): string {
  const banner = trouble === undefined ? "" : troubleBanner(language, html !== null, trouble);
  if (html === null) {
    return `<!DOCTYPE html><html lang="${language}"><head>${POLICY_TAG}<meta charset="utf-8"></head><body>${banner}</body></html>`;
  }
  return insertAfter(insertAfter(html, /<head\b[^>]*>/i, POLICY_TAG, true), /<body\b[^>]*>/i, banner, false);
}

/** Puts `text` right after the first match of `tag`; when there is none, at the start (the
 * policy must come before anything it governs) or, for the banner, also at the start. */
function insertAfter(document: string, tag: RegExp, text: string, policy: boolean): string {
  if (text === "") {
    return document;
  }
  const match = tag.exec(document);
  if (match === null) {
    return policy ? `<head>${text}</head>${document}` : `${text}${document}`;
  }
  const end = match.index + match[0].length;
  return document.slice(0, end) + text + document.slice(end);
}

function troubleBanner(language: Language, hasRendering: boolean, trouble: Trouble): string {
  const heading =
    trouble.kind === "errors"
      ? previewErrorsHeading(language, hasRendering)
      : previewFailed(language, trouble.reason);
  const errors = trouble.kind === "errors" ? trouble.errors : [];
  const items = errors.length === 0 ? "" : `<ul>${errors.map((error) => `<li>${escapeHtml(error)}</li>`).join("")}</ul>`;
  const after = hasRendering ? "" : `<p>${escapeHtml(previewNothingYet(language))}</p>`;
  return (
    `<section role="alert" class="clausier-preview-errors" style="border:2px solid #ce0500;` +
    `background:#fee9e9;color:#3a3a3a;padding:0.5em 1em;margin:0 0 1em 0;font-family:sans-serif">` +
    `<strong>${escapeHtml(heading)}</strong>${items}${after}</section>`
  );
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

// The settings given to the server once, at `initialize`, as its `initializationOptions`
// (`{ date, language }`); a change of either starts the server again.

import type { Language } from "./words";

/** What `clausier lsp` reads from `initializationOptions`. */
export interface InitializationOptions {
  /** The date of evaluation, `YYYY-MM-DD`; without it, each pack's `[document]
   * deadline`, else today. */
  date?: string;
  /** The language of the server's words; without it, the `locale` of `initialize`
   * (VS Code's display language). */
  language?: Language;
}

/** The options, and the settings that could not be used, with why. */
export interface ReadSettings {
  readonly options: InitializationOptions;
  readonly refused: readonly { setting: string; value: string }[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function initializationOptions(evaluationDate: unknown, language: unknown): ReadSettings {
  const options: InitializationOptions = {};
  const refused: { setting: string; value: string }[] = [];
  const date = typeof evaluationDate === "string" ? evaluationDate.trim() : "";
  if (date !== "") {
    if (isCalendarDate(date)) {
      options.date = date;
    } else {
      refused.push({ setting: "clausier.evaluationDate", value: date });
    }
  }
  if (language === "fr" || language === "en") {
    options.language = language;
  } else if (language !== undefined && language !== "auto") {
    refused.push({ setting: "clausier.language", value: String(language) });
  }
  return { options, refused };
}

/** `YYYY-MM-DD` naming a day of the calendar (not 2027-02-30). */
function isCalendarDate(text: string): boolean {
  const parts = DATE.exec(text);
  if (parts === null) {
    return false;
  }
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

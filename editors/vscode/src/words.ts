// The words the extension itself says, in French or in English: French when VS Code's
// display language is French, English otherwise. (The language server's words come from
// the server, in the language the client asks for.)

import type { Candidate } from "./serverBinary";

export type Language = "fr" | "en";

export function displayLanguage(vscodeLanguage: string): Language {
  return vscodeLanguage.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** One attempt to start the server, as the message lists it. */
export interface Attempt {
  readonly candidate: Candidate;
  /** Why it did not run: absent, or the error of its start. */
  readonly problem: string | undefined;
}

export function openSettings(language: Language): string {
  return language === "fr" ? "Ouvrir les paramètres" : "Open Settings";
}

/** The one message shown when no program could run the language server. */
export function noServerMessage(language: Language, attempts: readonly Attempt[]): string {
  const tried = attempts.map((attempt) => describeAttempt(language, attempt)).join(language === "fr" ? " ; " : "; ");
  if (language === "fr") {
    return (
      `Clausier : le serveur de langage n'a pas pu démarrer. Essayé : ${tried}. ` +
      "Indiquez le programme `clausier` dans le paramètre `clausier.server.path`, " +
      "ou installez l'extension propre à votre système (qui le contient), " +
      "ou mettez `clausier` dans le PATH."
    );
  }
  return (
    `Clausier: the language server could not start. Tried: ${tried}. ` +
    "Name the `clausier` program in the `clausier.server.path` setting, " +
    "or install the extension built for your system (which contains it), " +
    "or put `clausier` on PATH."
  );
}

function describeAttempt(language: Language, { candidate, problem }: Attempt): string {
  const fr = language === "fr";
  const why = problem ?? (fr ? "introuvable" : "not found");
  switch (candidate.origin) {
    case "setting":
      return `\`clausier.server.path\` = ${candidate.shown} (${why})`;
    case "bundled":
      return fr
        ? `le programme fourni avec l'extension, ${candidate.shown} (${why})`
        : `the program packaged with the extension, ${candidate.shown} (${why})`;
    case "path":
      return fr ? `\`clausier\` dans le PATH (${why})` : `\`clausier\` on PATH (${why})`;
  }
}

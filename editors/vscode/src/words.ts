// The words the extension itself says, in French or in English: the language of the
// `clausier.language` setting, else French when VS Code's display language is French,
// English otherwise. (The language server's words come from the server, in the language
// the client asks for.)

import * as vscode from "vscode";
import type { Candidate } from "./serverBinary";

export type Language = "fr" | "en";

/** The language the extension speaks now. */
export function currentLanguage(): Language {
  const chosen = vscode.workspace.getConfiguration("clausier").get<string>("language");
  if (chosen === "fr" || chosen === "en") {
    return chosen;
  }
  return vscode.env.language.toLowerCase().startsWith("fr") ? "fr" : "en";
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

/** A setting whose value cannot be used: the server starts without it. */
export function refusedSetting(language: Language, setting: string, value: string): string {
  if (setting === "clausier.evaluationDate") {
    return language === "fr"
      ? `Clausier : le paramètre \`${setting}\` vaut « ${value} », qui n'est pas une date AAAA-MM-JJ ; le serveur prend l'échéance du pack, sinon la date du jour.`
      : `Clausier: the setting \`${setting}\` is "${value}", which is not a YYYY-MM-DD date; the server takes the pack's deadline, else today.`;
  }
  return language === "fr"
    ? `Clausier : le paramètre \`${setting}\` vaut « ${value} », que l'extension ne connaît pas ; elle l'ignore.`
    : `Clausier: the setting \`${setting}\` is "${value}", which the extension does not know; it is left out.`;
}

export function notRunning(language: Language): string {
  return language === "fr"
    ? "Clausier : le serveur de langage ne tourne pas ; relancez-le (Clausier : Redémarrer le serveur de langage)."
    : "Clausier: the language server is not running; restart it (Clausier: Restart Language Server).";
}

export function failingVendorsFailed(language: Language, clauseId: string, reason: string): string {
  return language === "fr"
    ? `Clausier : impossible de trouver les descripteurs qui échouent à ${clauseId} : ${reason}`
    : `Clausier: could not find the descriptors that fail ${clauseId}: ${reason}`;
}

export function noneFails(language: Language, clauseId: string): string {
  return language === "fr"
    ? `Aucun descripteur n'échoue à ${clauseId} ni n'y manque de données.`
    : `No descriptor fails ${clauseId} or lacks data for it.`;
}

export function previewErrorsHeading(language: Language, hasRendering: boolean): string {
  if (language === "fr") {
    return hasRendering
      ? "Le pack ne compile pas ; voici le dernier rendu réussi :"
      : "Le pack ne compile pas :";
  }
  return hasRendering
    ? "The pack does not compile; below is the last rendering that succeeded:"
    : "The pack does not compile:";
}

export function previewNothingYet(language: Language): string {
  return language === "fr"
    ? "Aucun rendu n'a encore réussi pour ce pack."
    : "No rendering of this pack has succeeded yet.";
}

export function previewTitle(language: Language, title: string): string {
  return language === "fr" ? `Aperçu : ${title}` : `Preview: ${title}`;
}

export function previewFailed(language: Language, reason: string): string {
  return language === "fr"
    ? `Le serveur n'a pas rendu l'aperçu : ${reason}`
    : `The server did not render the preview: ${reason}`;
}

export function noPackFile(language: Language): string {
  return language === "fr"
    ? "Clausier : ouvrez un fichier .clause ou le pack.toml d'un pack pour en voir l'aperçu."
    : "Clausier: open a .clause file or a pack's pack.toml to preview it.";
}

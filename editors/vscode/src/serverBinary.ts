// Which `clausier` program runs the language server, in this order:
//
//   1. `clausier.server.path`, when the user set it (a workspace's value only in a trusted
//      workspace): the user's choice is the only one tried;
//   2. the program packaged inside the extension, `bin/clausier` (`bin/clausier.exe` on
//      Windows), in the platform-specific .vsix;
//   3. `clausier` on PATH.
//
// A candidate whose file does not exist is passed over before anything is started, so
// that the message when none runs can say what was looked for, and where.

import * as fs from "node:fs";
import * as path from "node:path";

/** One program the extension may start, and where it comes from. */
export interface Candidate {
  readonly origin: "setting" | "bundled" | "path";
  /** What the user reads in a message: the path, or the name looked up on PATH. */
  readonly shown: string;
  /** The absolute path of the program, when it exists. */
  readonly found: string | undefined;
}

/** What the choice depends on: the setting's values, the extension's folder, the
 * environment; kept apart from the `vscode` module so that the rule reads on its own. */
export interface BinaryContext {
  /** The user's value of `clausier.server.path`, never its default. */
  readonly userPath: string | undefined;
  /** The workspace's (or workspace folder's) value, used only when trusted. */
  readonly workspacePath: string | undefined;
  readonly trusted: boolean;
  readonly extensionPath: string;
  /** The first workspace folder: a relative path with a directory is taken from there. */
  readonly workspaceFolder: string | undefined;
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
}

const PROGRAM = "clausier";

/** The programs to try, in order. A set path is the only one: falling back to another
 * program would hide the user's mistake. */
export function serverCandidates(context: BinaryContext): Candidate[] {
  const configured = setPath(context);
  if (configured !== undefined) {
    return [settingCandidate(configured, context)];
  }
  const bundled = path.join(context.extensionPath, "bin", executableName(context.platform));
  return [
    { origin: "bundled", shown: bundled, found: isFile(bundled) ? bundled : undefined },
    { origin: "path", shown: PROGRAM, found: searchPath(PROGRAM, context) },
  ];
}

function setPath(context: BinaryContext): string | undefined {
  const values = context.trusted
    ? [context.workspacePath, context.userPath]
    : [context.userPath];
  return values.map((value) => value?.trim()).find((value) => value !== undefined && value !== "");
}

function settingCandidate(configured: string, context: BinaryContext): Candidate {
  const home = context.env.HOME ?? context.env.USERPROFILE;
  let command = configured;
  if (home !== undefined && (command === "~" || command.startsWith("~/"))) {
    command = path.join(home, command.slice(1));
  }
  const hasDirectory = command.includes("/") || command.includes("\\");
  if (!hasDirectory) {
    return { origin: "setting", shown: command, found: searchPath(command, context) };
  }
  if (!path.isAbsolute(command) && context.workspaceFolder !== undefined && context.trusted) {
    command = path.join(context.workspaceFolder, command);
  }
  return { origin: "setting", shown: command, found: isFile(command) ? command : undefined };
}

function executableName(platform: NodeJS.Platform): string {
  return platform === "win32" ? `${PROGRAM}.exe` : PROGRAM;
}

/** The first file named `name` in the folders of PATH (with the extensions of PATHEXT on
 * Windows), as the system would find it. */
function searchPath(name: string, context: BinaryContext): string | undefined {
  const windows = context.platform === "win32";
  const folders = (context.env.PATH ?? context.env.Path ?? "")
    .split(windows ? ";" : ":")
    .filter((folder) => folder !== "");
  const suffixes = windows
    ? ["", ...(context.env.PATHEXT ?? ".EXE;.CMD;.BAT;.COM").split(";")]
    : [""];
  for (const folder of folders) {
    for (const suffix of suffixes) {
      const candidate = path.join(folder, name + suffix);
      if (isFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** VS Code unpacks a .vsix with the modes its zip entries carry; a copy made otherwise
 * (by hand, by a tool that drops modes) may have lost the executable bit, which the
 * packaged program needs on Linux and macOS. */
export function ensureExecutable(candidate: Candidate, platform: NodeJS.Platform): void {
  if (candidate.origin !== "bundled" || candidate.found === undefined || platform === "win32") {
    return;
  }
  try {
    const mode = fs.statSync(candidate.found).mode;
    if ((mode & 0o100) === 0) {
      fs.chmodSync(candidate.found, mode | 0o755);
    }
  } catch {
    // The start that follows fails and says why.
  }
}

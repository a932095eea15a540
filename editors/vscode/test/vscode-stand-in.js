// A stand-in for the `vscode` module, which only exists inside VS Code: rich enough for
// vscode-languageclient to start a server, initialize it and register the features the
// server announces. It records what a test asks about: the messages shown, the providers
// registered (one per feature the server's capabilities announce), the commands.
//
//   const standIn = require("./vscode-stand-in");
//   const vscode = standIn.install({ language: "fr", settings: { "clausier.server.path": … } });
//   require(".../out/extension.js")   // its `require("vscode")` answers `vscode`
//
// What VS Code offers and this does not is answered leniently: an unknown function returns
// a disposable, an unknown class constructs an empty object.
"use strict";
const Module = require("node:module");
const path = require("node:path");
const { pathToFileURL, fileURLToPath } = require("node:url");

class Disposable {
  constructor(callOnDispose = () => undefined) {
    this.callOnDispose = callOnDispose;
  }
  static from(...disposables) {
    return new Disposable(() => disposables.forEach((d) => d?.dispose?.()));
  }
  dispose() {
    this.callOnDispose();
    this.callOnDispose = () => undefined;
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg) => {
      const bound = thisArg === undefined ? listener : listener.bind(thisArg);
      this.listeners.add(bound);
      return new Disposable(() => this.listeners.delete(bound));
    };
  }
  fire(value) {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(scheme, authority, pathPart, query, fragment) {
    this.scheme = scheme;
    this.authority = authority ?? "";
    this.path = pathPart ?? "";
    this.query = query ?? "";
    this.fragment = fragment ?? "";
  }
  static file(fsPath) {
    return new Uri("file", "", pathToFileURL(fsPath).pathname);
  }
  static parse(text) {
    const url = new URL(text);
    return new Uri(url.protocol.replace(/:$/, ""), url.host, decodeURIComponent(url.pathname));
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, base.authority, path.posix.join(base.path, ...parts));
  }
  get fsPath() {
    return this.scheme === "file" ? fileURLToPath(`file://${this.path}`) : this.path;
  }
  with(change) {
    return new Uri(
      change.scheme ?? this.scheme,
      change.authority ?? this.authority,
      change.path ?? this.path,
      change.query ?? this.query,
      change.fragment ?? this.fragment,
    );
  }
  toString() {
    return this.scheme === "file" ? pathToFileURL(this.fsPath).href : `${this.scheme}:${this.path}`;
  }
  toJSON() {
    return this.toString();
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}

class Range {
  constructor(startLine, startCharacter, endLine, endCharacter) {
    if (startLine instanceof Position) {
      this.start = startLine;
      this.end = startCharacter;
    } else {
      this.start = new Position(startLine, startCharacter);
      this.end = new Position(endLine, endCharacter);
    }
  }
}

class Location {
  constructor(uri, rangeOrPosition) {
    this.uri = uri;
    this.range = rangeOrPosition;
  }
}

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
    this.emitter = emitter;
  }
  cancel() {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose() {}
}

/** A function that accepts anything and returns a disposable: events (`onDidX`) and
 * registrations (`registerX`) of VS Code's namespaces. */
function lenientFunction() {
  return () => new Disposable();
}

/** A class VS Code exports that the client may construct or read statics from
 * (`vscode.CodeActionKind.QuickFix`, `new vscode.SemanticTokensLegend(…)`). */
function lenientClass(name) {
  const cls = class {
    constructor(...args) {
      this.args = args;
    }
  };
  Object.defineProperty(cls, "name", { value: name });
  return new Proxy(cls, {
    get: (target, key) => {
      if (key in target) return target[key];
      if (typeof key !== "string") return undefined;
      // Statics such as `CodeActionKind.QuickFix` that are themselves things with `append`.
      return { value: key, append: (more) => ({ value: `${key}.${more}` }) };
    },
  });
}

/** A namespace whose known members are given and whose unknown members are lenient. */
function lenientNamespace(known, record) {
  return new Proxy(known, {
    get: (target, key) => {
      if (key in target) return target[key];
      if (typeof key !== "string" || key === "then") return undefined;
      if (/^(register|on)[A-Z]/.test(key)) {
        return (...args) => {
          record?.(key, args);
          return new Disposable();
        };
      }
      return lenientFunction();
    },
  });
}

/**
 * Builds the stand-in and makes `require("vscode")` answer it.
 *
 * options.language: VS Code's display language ("en" by default);
 * options.settings: values of settings the user set, by full name ("clausier.server.path");
 * options.workspaceSettings: values the workspace's settings give, which VS Code applies
 *   only in a trusted workspace;
 * options.workspaceFolders: folder paths;
 * options.trusted: whether the workspace is trusted (true by default).
 */
function install(options = {}) {
  const shown = [];
  const registered = [];
  const commands = new Map();
  /** Calls of commands the extension did not register (VS Code's own). */
  const executed = [];
  /** Webview panels created: `{ viewType, title, showOptions, options, panel }`. */
  const panels = [];
  /** Events a test fires as VS Code would. */
  const events = {
    didChangeTextDocument: new EventEmitter(),
    didChangeActiveTextEditor: new EventEmitter(),
  };
  const settings = options.settings ?? {};
  const trusted = options.trusted ?? true;
  const workspaceSettings = options.workspaceSettings ?? {};

  const outputChannel = (name) => {
    const lines = [];
    const log = (level) => (message) => lines.push(`[${level}] ${message}`);
    return {
      name,
      lines,
      logLevel: 2,
      onDidChangeLogLevel: new EventEmitter().event,
      append: (text) => lines.push(text),
      appendLine: (text) => lines.push(text),
      replace: () => undefined,
      clear: () => undefined,
      show: () => undefined,
      hide: () => undefined,
      dispose: () => undefined,
      trace: log("trace"),
      debug: log("debug"),
      info: log("info"),
      warn: log("warn"),
      error: log("error"),
    };
  };
  const channels = [];

  const configuration = (section) => {
    const full = (key) => (section ? `${section}.${key}` : key);
    return {
      get: (key, fallback) => {
        if (trusted && full(key) in workspaceSettings) return workspaceSettings[full(key)];
        return full(key) in settings ? settings[full(key)] : fallback;
      },
      has: (key) => full(key) in settings || (trusted && full(key) in workspaceSettings),
      inspect: (key) => ({
        key: full(key),
        globalValue: settings[full(key)],
        workspaceValue: workspaceSettings[full(key)],
        workspaceFolderValue: undefined,
      }),
      update: async () => undefined,
    };
  };

  const message = (kind) => async (text, ...items) => {
    shown.push({ kind, text, items });
    return undefined;
  };

  const vscode = {
    version: "1.91.0",
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    Location,
    CancellationTokenSource,
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    env: {
      language: options.language ?? "en",
      appName: "Stand-in for VS Code",
      appRoot: "",
      machineId: "stand-in",
      sessionId: "stand-in",
      uiKind: 1,
      openExternal: async () => true,
    },
    window: lenientNamespace({
      createOutputChannel: (name) => {
        const channel = outputChannel(name);
        channels.push(channel);
        return channel;
      },
      showErrorMessage: message("error"),
      showWarningMessage: message("warning"),
      showInformationMessage: message("information"),
      activeTextEditor: undefined,
      visibleTextEditors: [],
      onDidChangeActiveTextEditor: events.didChangeActiveTextEditor.event,
      createWebviewPanel: (viewType, title, showOptions, options) => {
        const disposed = new EventEmitter();
        const panel = {
          viewType,
          title,
          webview: { html: "", options, cspSource: "stand-in:" },
          reveal: () => undefined,
          onDidDispose: disposed.event,
          dispose: () => disposed.fire(),
        };
        panels.push({ viewType, title, showOptions, options, panel });
        return panel;
      },
      tabGroups: { all: [] },
    }),
    workspace: lenientNamespace(
      {
        getConfiguration: configuration,
        workspaceFolders: (options.workspaceFolders ?? []).map((folder, index) => ({
          uri: Uri.file(folder),
          name: path.basename(folder),
          index,
        })),
        isTrusted: trusted,
        textDocuments: [],
        notebookDocuments: [],
        onDidChangeTextDocument: events.didChangeTextDocument.event,
        createFileSystemWatcher: () => ({
          onDidCreate: lenientFunction(),
          onDidChange: lenientFunction(),
          onDidDelete: lenientFunction(),
          dispose: () => undefined,
        }),
      },
      (name, args) => registered.push({ name, args }),
    ),
    languages: lenientNamespace(
      {
        createDiagnosticCollection: (name) => ({
          name,
          set: () => undefined,
          delete: () => undefined,
          clear: () => undefined,
          forEach: () => undefined,
          get: () => undefined,
          has: () => false,
          dispose: () => undefined,
        }),
        match: () => 0,
      },
      (name, args) => registered.push({ name, args }),
    ),
    commands: lenientNamespace({
      registerCommand: (name, handler) => {
        commands.set(name, handler);
        return new Disposable(() => commands.delete(name));
      },
      executeCommand: async (name, ...args) => {
        const handler = commands.get(name);
        if (handler !== undefined) return handler(...args);
        executed.push({ name, args });
        return undefined;
      },
      getCommands: async () => [...commands.keys()],
    }),
    extensions: lenientNamespace({ all: [], getExtension: () => undefined }),
  };

  const root = new Proxy(vscode, {
    get: (target, key) => {
      if (key in target) return target[key];
      if (key === "__esModule") return true;
      if (typeof key !== "string" || key === "then") return undefined;
      // Enumerations and classes of the API the client reads or constructs.
      target[key] = /^[A-Z]/.test(key) ? lenientClass(key) : lenientNamespace({});
      return target[key];
    },
  });

  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === "vscode" ? "vscode" : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: "vscode", filename: "vscode", loaded: true, exports: root };

  return {
    vscode: root,
    /** Messages shown to the user: `{ kind, text, items }`. */
    shown,
    /** Calls of `languages.registerX` and `workspace.onX`/`registerX`: `{ name, args }`. */
    registered,
    commands,
    executed,
    panels,
    events,
    channels,
    /** A context as VS Code gives `activate`. */
    context: (extensionPath) => ({
      extensionPath,
      extensionUri: Uri.file(extensionPath),
      subscriptions: [],
      globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
      workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
      asAbsolutePath: (relative) => path.join(extensionPath, relative),
    }),
  };
}

module.exports = { install, Uri, Position, Range, Location };

//! `clausier fmt [--check] PATH…`

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clausier_data::files::io_error_message;
use clausier_diagnostics::{Code, Lang, Message, SourceFile, SourceMap};
use clausier_fmt::FormatError;
use clausier_i18n::t;
use clausier_report::diagnostics::render_terminal_in;

use super::language::chosen_lang;
use super::{Failure, Outcome};
use crate::args::{ColorChoice, FmtArgs, LangArg};
use crate::error::CliError;
use crate::output::{print_stderr, print_stdout};

/// The name standard input goes by in messages.
const STDIN: &str = "<stdin>";

pub fn run(args: &FmtArgs, color: ColorChoice, lang: Option<LangArg>) -> Result<Outcome, Failure> {
    let color = color.enabled(io::stderr().is_terminal());
    let lang = chosen_lang(lang, None);
    if args.paths.iter().any(|path| path.as_os_str() == "-") {
        if args.paths.len() > 1 {
            return Err(CliError::new(Message::new("e09-stdin-with-paths"))
                .with_help(Message::new("e09-help-stdin-alone"))
                .into());
        }
        return stdin(args.check, color, lang);
    }
    let mut run = Run {
        check: args.check,
        color,
        lang,
        changed: 0,
        unchanged: 0,
        failed: 0,
        errors: 0,
    };
    for file in collect(&args.paths, &mut run) {
        run.file(&file);
    }
    run.summary();
    Ok(if run.errors > 0 {
        Outcome::Failure
    } else if run.check && run.changed > 0 {
        Outcome::FilesToFormat
    } else {
        Outcome::Success
    })
}

/// What happened to the files so far.
struct Run {
    check: bool,
    color: bool,
    lang: Lang,
    changed: usize,
    unchanged: usize,
    /// Files left as they were because of their errors.
    failed: usize,
    /// Every error, files and paths that cannot be read included: exit status 2.
    errors: usize,
}

impl Run {
    /// An error about a path as a whole (it cannot be read, listed or written).
    fn error(&mut self, error: CliError) {
        print_stderr(&error.render(self.lang, self.color));
        self.errors += 1;
    }

    /// An error that leaves a file as it was.
    fn file_error(&mut self, error: CliError) {
        self.error(error);
        self.failed += 1;
    }

    fn file(&mut self, path: &Path) {
        let shown = path.display().to_string();
        let text = match fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    self.file_error(
                        CliError::new(
                            Message::new("e09-cannot-format-not-utf8").with("file", shown.as_str()),
                        )
                        .with_code(Code::IO)
                        .with_help(Message::new("e09-help-save-utf8")),
                    );
                    return;
                }
            },
            Err(error) => {
                self.file_error(CliError::new(cannot_read(&shown, &error)).with_code(Code::IO));
                return;
            }
        };
        let formatted = match clausier_fmt::format(&text) {
            Ok(formatted) => formatted,
            Err(error) => {
                self.refused(&shown, &text, error);
                return;
            }
        };
        if formatted == text {
            self.unchanged += 1;
            return;
        }
        if !self.check
            && let Err(error) = replace(path, &formatted)
        {
            self.file_error(error);
            return;
        }
        self.changed += 1;
        // One path a line, for scripts: the files changed, or that would change.
        if let Err(error) = print_stdout(&format!("{shown}\n")) {
            self.error(error);
        }
    }

    /// A file the formatter would not touch: its syntax errors, or the formatter's own.
    fn refused(&mut self, shown: &str, text: &str, error: FormatError) {
        match error {
            FormatError::Syntax { diagnostics, .. } => {
                let mut sources = SourceMap::new();
                sources.add(SourceFile::new(shown, text));
                print_stderr(&render_terminal_in(
                    self.lang,
                    &diagnostics,
                    &sources,
                    self.color,
                ));
                self.failed += 1;
                self.errors += 1;
            }
            FormatError::Unsafe => self.file_error(
                CliError::new(
                    Message::new("e09-cannot-format")
                        .with("file", shown)
                        .with("reason", error.to_string()),
                )
                .with_help(Message::new("e09-help-fmt-bug")),
            ),
        }
    }

    fn summary(&self) {
        let mut parts = Vec::new();
        if self.changed > 0 {
            let id = if self.check {
                "cli-fmt-would-reformat"
            } else {
                "cli-fmt-reformatted"
            };
            parts.push(Message::new(id).with("count", self.changed).text(self.lang));
        }
        if self.unchanged > 0 || parts.is_empty() {
            parts.push(
                Message::new("cli-fmt-already-formatted")
                    .with("count", self.unchanged)
                    .text(self.lang),
            );
        }
        if self.failed > 0 {
            parts.push(
                Message::new("cli-fmt-left-unchanged")
                    .with("count", self.failed)
                    .text(self.lang),
            );
        }
        print_stderr(&format!("{}\n", parts.join(", ")));
    }
}

/// `clausier fmt -`: standard input to standard output (nothing is written with
/// `--check`, or when the text has errors).
fn stdin(check: bool, color: bool, lang: Lang) -> Result<Outcome, Failure> {
    let mut bytes = Vec::new();
    io::stdin().read_to_end(&mut bytes).map_err(|error| {
        CliError::new(
            Message::new("e09-cannot-read-stdin").with("reason", io_error_message(&error)),
        )
        .with_code(Code::IO)
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        CliError::new(Message::new("e09-cannot-format-stdin-not-utf8")).with_code(Code::IO)
    })?;
    let mut run = Run {
        check,
        color,
        lang,
        changed: 0,
        unchanged: 0,
        failed: 0,
        errors: 0,
    };
    match clausier_fmt::format(&text) {
        Err(error) => {
            run.refused(STDIN, &text, error);
            Ok(Outcome::Failure)
        }
        Ok(formatted) if check => {
            if formatted == text {
                Ok(Outcome::Success)
            } else {
                print_stderr(&format!("{}\n", t!(lang, "cli-fmt-stdin-would-reformat")));
                Ok(Outcome::FilesToFormat)
            }
        }
        Ok(formatted) => {
            print_stdout(&formatted)?;
            Ok(Outcome::Success)
        }
    }
}

/// The files to format: files as given, and the `.clause` files found in folders
/// (recursively, sorted, hidden entries skipped), each once.
/// "cannot read `rules/a.clause`: permission denied", in the run's language.
fn cannot_read(shown: &str, error: &io::Error) -> Message {
    Message::new("e09-cannot-read")
        .with("file", shown)
        .with("reason", io_error_message(error))
}

fn collect(paths: &[PathBuf], run: &mut Run) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        let shown = path.display().to_string();
        match fs::metadata(path) {
            Err(error) => run.error(CliError::new(cannot_read(&shown, &error)).with_code(Code::IO)),
            Ok(metadata) if metadata.is_dir() => {
                let before = files.len();
                walk(path, &mut files, &mut seen, run);
                if files.len() == before {
                    print_stderr(&format!(
                        "{}\n",
                        t!(run.lang, "cli-fmt-no-clause-file", folder = shown.as_str())
                    ));
                }
            }
            Ok(_) => {
                if seen.insert(fs::canonicalize(path).unwrap_or_else(|_| path.clone())) {
                    files.push(path.clone());
                }
            }
        }
    }
    files
}

fn walk(
    folder: &Path,
    files: &mut Vec<PathBuf>,
    seen: &mut std::collections::HashSet<PathBuf>,
    run: &mut Run,
) {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            run.error(
                CliError::new(cannot_read(&folder.display().to_string(), &error))
                    .with_code(Code::IO),
            );
            return;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = folder.join(&name);
        // Symbolic links to folders are not followed: a loop would never end.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, files, seen, run);
        } else if path.extension().is_some_and(|ext| ext == "clause")
            && seen.insert(fs::canonicalize(&path).unwrap_or_else(|_| path.clone()))
        {
            files.push(path);
        }
    }
}

/// Replaces a file's text through a temporary file in the same folder, renamed over it
/// once complete: an interrupted run leaves the old text or the new one, never half. The
/// file keeps its permissions; a symbolic link keeps pointing to the file it names.
fn replace(path: &Path, text: &str) -> Result<(), CliError> {
    let shown = path.display().to_string();
    let fail = |error: &io::Error| {
        CliError::new(
            Message::new("e09-cannot-write")
                .with("file", shown.as_str())
                .with("reason", io_error_message(error)),
        )
        .with_code(Code::IO)
    };
    let target = fs::canonicalize(path).map_err(|error| fail(&error))?;
    let permissions = fs::metadata(&target)
        .map_err(|error| fail(&error))?
        .permissions();
    let folder = target.parent().unwrap_or_else(|| Path::new("."));
    let mut file = tempfile::Builder::new()
        .prefix(".clausier-fmt-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|error| fail(&error))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .and_then(|()| fs::set_permissions(file.path(), permissions))
        .map_err(|error| fail(&error))?;
    file.persist(&target).map_err(|error| fail(&error.error))?;
    Ok(())
}

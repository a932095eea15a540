//! The descriptor files a pack's tests name (`given "descripteurs-test/ok.yaml"`): read
//! with the pack, under the same rules as its other files, and hashed into `pack.lock`,
//! since changing one changes what `clausier test` concludes.

use std::path::Path;

use clausier_diagnostics::{Code, FileId, Message, Span};
use clausier_syntax::ast::{Given, ItemKind};

use crate::display_join;
use crate::error::PackError;
use crate::files::read_confined;
use crate::graph::{RawFile, normalize};

/// A file a test names.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// The clause file whose test names it, relative to the pack's folder.
    pub clause_file: String,
    /// The path as the test writes it, relative to the clause file.
    pub given: String,
    /// Where that path is in the clause file.
    pub span: Span,
    /// Its path relative to the pack's folder, `/`-separated: its key in `pack.lock`.
    pub relative: String,
    /// As messages show it (`rules/edtech-fr/descripteurs-test/ok.yaml`).
    pub name: String,
    /// Its text, or why it was not read.
    pub text: Result<String, FixtureProblem>,
}

/// Why a fixture was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixtureProblem {
    pub code: Code,
    pub message: Message,
    pub help: Option<Message>,
    /// The pack itself is at fault (the file leads out of the workspace, is not a regular
    /// file, is too large): an error of the pack, not only a failed test.
    pub refuses_pack: bool,
}

/// Every file that the tests of `files` name, read from the pack's folder `dir`
/// (canonical), shown under `shown`.
pub(crate) fn read_fixtures(
    files: &[RawFile],
    dir: &Path,
    shown: &Path,
    workspace: &Path,
) -> Vec<Fixture> {
    let mut fixtures = Vec::new();
    for file in files {
        // Most clause files have no tests: no need to parse them twice.
        if !file.text.contains("given") {
            continue;
        }
        let parse = clausier_syntax::parse(FileId(0), &file.text);
        let folder = file
            .relative
            .rsplit_once('/')
            .map_or("", |(folder, _)| folder);
        for item in &parse.ast.items {
            let ItemKind::Test(test) = &item.kind else {
                continue;
            };
            let Some(Given::File(path)) = &test.given else {
                continue;
            };
            let relative = normalize(&Path::new(folder).join(&path.value))
                .to_string_lossy()
                .replace('\\', "/");
            let name = display_join(shown, &relative);
            let text = if Path::new(&path.value).is_absolute() {
                Err(FixtureProblem {
                    code: Code::OUTSIDE_WORKSPACE,
                    message: Message::new("e08-test-file-absolute").with("path", &path.value),
                    help: Some(Message::new("e08-help-test-file-absolute")),
                    refuses_pack: true,
                })
            } else {
                let on_disk = normalize(&dir.join(&relative));
                read_confined(&on_disk, workspace)
                    .map_err(|error| problem(error.relocated(&on_disk, Path::new(&name))))
            };
            fixtures.push(Fixture {
                clause_file: file.relative.clone(),
                given: path.value.clone(),
                span: path.span,
                relative,
                name,
                text,
            });
        }
    }
    fixtures
}

fn problem(error: PackError) -> FixtureProblem {
    let refuses_pack = !matches!(
        &error,
        PackError::Io { error, .. } if error.kind() == std::io::ErrorKind::NotFound
    );
    FixtureProblem {
        code: error.code(),
        message: error.message(),
        help: error.help(),
        refuses_pack,
    }
}

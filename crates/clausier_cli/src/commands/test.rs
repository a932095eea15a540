//! `clausier test PACK`

use std::fs;
use std::io::{self, IsTerminal};
use std::path::Path;

use clausier_diagnostics::{FileId, SourceFile};
use clausier_eval::compile;
use clausier_eval::pack_tests::{TestSources, coverage, run_tests};
use clausier_pack::{LoadedPack, describe_io_error};
use clausier_report::pack::{render_coverage, render_test_human, render_test_junit};

use super::compiled::{load_compiled, today};
use super::{Failure, Outcome};
use crate::args::{ColorChoice, TestArgs, TestFormat};
use crate::output::{print_stdout, write_report};

pub fn run(args: &TestArgs, color: ColorChoice) -> Result<Outcome, Failure> {
    let Some(pack) = load_compiled(&args.pack, color)? else {
        return Ok(Outcome::Failure);
    };
    let checked = &pack.checked.pack;
    let program = compile(checked);
    let date = args.date.unwrap_or_else(today);
    let report = run_tests(
        checked,
        &program,
        &pack.info,
        date,
        &PackFiles { pack: &pack },
    );
    let coverage = args.coverage.then(|| coverage(checked, &report));
    let text = match args.format {
        TestFormat::Human => {
            let color = match &args.output {
                Some(_) => color == ColorChoice::Always,
                None => color.enabled(io::stdout().is_terminal()),
            };
            render_test_human(&report, coverage.as_ref(), color)
        }
        TestFormat::Junit => {
            let system_out = coverage
                .as_ref()
                .map(|coverage| render_coverage(coverage, &report, false));
            render_test_junit(&report, system_out.as_deref())
        }
    };
    match &args.output {
        Some(path) => write_report(path, &text)?,
        None => print_stdout(&text)?,
    }
    Ok(if report.all_passed() {
        Outcome::Success
    } else {
        Outcome::TestsFailed
    })
}

/// The pack's clause files, and the descriptor files its tests name, read from disk.
struct PackFiles<'a> {
    pack: &'a LoadedPack,
}

impl TestSources for PackFiles<'_> {
    fn clause_file(&self, file: FileId) -> Option<&SourceFile> {
        self.pack.sources.get(file)
    }

    fn given_file(&self, file: FileId, path: &str) -> Result<(String, String), (String, String)> {
        // Relative to the clause file: its folder on disk, and the name reports show.
        let clause_file = self.pack.files.iter().find(|f| f.id == file);
        let on_disk = if self.pack.root.is_dir() {
            clause_file.map(|f| self.pack.root.join(&f.relative_path))
        } else {
            Some(self.pack.root.clone())
        };
        let folder = on_disk
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let shown_folder = self
            .pack
            .sources
            .get(file)
            .map(|source| source.name())
            .and_then(|name| name.rsplit_once('/').map(|(folder, _)| folder.to_owned()));
        let shown = match shown_folder {
            Some(folder) if !Path::new(path).is_absolute() => format!("{folder}/{path}"),
            _ => path.to_owned(),
        };
        let bytes = fs::read(folder.join(path)).map_err(|error| {
            (
                shown.clone(),
                format!("cannot read `{shown}`: {}", describe_io_error(&error)),
            )
        })?;
        if u32::try_from(bytes.len()).is_err() {
            return Err((
                shown.clone(),
                format!("`{shown}` is too large to be a descriptor file"),
            ));
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok((shown, text)),
            Err(_) => Err((shown.clone(), format!("`{shown}` is not valid UTF-8"))),
        }
    }
}

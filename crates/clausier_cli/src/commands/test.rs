//! `clausier test PACK`

use std::io::{self, IsTerminal};

use clausier_diagnostics::{FileId, Message, SourceFile};
use clausier_eval::compile;
use clausier_eval::pack_tests::{TestSources, coverage, run_tests};
use clausier_pack::LoadedPack;
use clausier_report::pack::{render_coverage, render_test_human, render_test_junit};

use super::compiled::{evaluation_date, load_compiled};
use super::language::chosen_lang;
use super::{Failure, Outcome};
use crate::args::{ColorChoice, LangArg, TestArgs, TestFormat};
use crate::output::{print_stdout, write_report};
use clausier_i18n::Lang;

pub fn run(args: &TestArgs, color: ColorChoice, lang: Option<LangArg>) -> Result<Outcome, Failure> {
    let Some(pack) = load_compiled(&args.pack, color, lang)? else {
        return Ok(Outcome::Failure);
    };
    // `load_compiled` has shown the errors of a pack that has some.
    let Some(valid) = pack.checked.valid() else {
        return Ok(Outcome::Failure);
    };
    let checked = valid.pack();
    let program = compile(valid);
    let (date, date_origin) = evaluation_date(args.date, &pack.manifest);
    let lang = chosen_lang(lang, Some(&pack.manifest));
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
            render_test_human(&report, coverage.as_ref(), color, date_origin, lang)
        }
        TestFormat::Junit => {
            let system_out = coverage
                .as_ref()
                .map(|coverage| render_coverage(coverage, &report, false, Lang::En));
            render_test_junit(&report, system_out.as_deref(), lang)
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

/// The pack's clause files, and the descriptor files its tests name, as the pack was
/// loaded: the files its lock and signature cover, never read again.
struct PackFiles<'a> {
    pack: &'a LoadedPack,
}

impl TestSources for PackFiles<'_> {
    fn clause_file(&self, file: FileId) -> Option<&SourceFile> {
        self.pack.sources.get(file)
    }

    fn given_file(&self, file: FileId, path: &str) -> Result<(String, String), (String, Message)> {
        let clause_file = self.pack.files.iter().find(|f| f.id == file);
        let fixture = clause_file.and_then(|clause_file| {
            self.pack
                .fixtures
                .iter()
                .find(|f| f.clause_file == clause_file.relative_path && f.given == path)
        });
        let Some(fixture) = fixture else {
            return Err((
                path.to_owned(),
                Message::new("test-problem-not-read").with("path", path),
            ));
        };
        match &fixture.text {
            Ok(text) => Ok((fixture.name.clone(), text.clone())),
            Err(problem) => Err((fixture.name.clone(), problem.message.clone())),
        }
    }
}

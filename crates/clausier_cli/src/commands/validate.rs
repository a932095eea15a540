//! `clausier validate PACK`

use std::io::{self, IsTerminal};

use clausier_diagnostics::{Message, Severity};
use clausier_i18n::t;
use clausier_pack::load_pack;
use clausier_report::diagnostics::{count, render_summary, render_terminal_in, to_json};

use super::language::{chosen_lang, machine_lang};
use super::{Failure, Outcome};
use crate::args::{ColorChoice, LangArg, ValidateArgs, ValidateFormat};
use crate::error::CliError;
use crate::output::{print_stderr, print_stdout};

pub fn run(
    args: &ValidateArgs,
    color: ColorChoice,
    asked: Option<LangArg>,
) -> Result<Outcome, Failure> {
    let pack = match load_pack(&args.pack) {
        Ok(pack) => pack,
        // A program reading the JSON list must get one, even for a pack it cannot open.
        Err(error) if args.format == ValidateFormat::Json => {
            let (diagnostic, sources) = error.to_diagnostic();
            print_json(&to_json(machine_lang(asked), &[diagnostic], &sources))?;
            return Ok(Outcome::Failure);
        }
        Err(error) => return Err(error.into()),
    };
    let diagnostics = pack.diagnostics();
    match args.format {
        ValidateFormat::Json => {
            print_json(&to_json(machine_lang(asked), diagnostics, &pack.sources))?;
        }
        ValidateFormat::Human => {
            let lang = chosen_lang(asked, Some(&pack.manifest));
            let color = color.enabled(io::stderr().is_terminal());
            print_stderr(&render_terminal_in(lang, diagnostics, &pack.sources, color));
            match render_summary(lang, &pack.info.name, diagnostics, color) {
                Some(summary) => print_stderr(&summary),
                None => {
                    let warnings = count(diagnostics, Severity::Warning);
                    let dependencies: Vec<String> = pack
                        .dependencies
                        .iter()
                        .map(|dep| format!("{} {}", dep.name, dep.version))
                        .collect();
                    let line = t!(
                        lang,
                        "validate-no-errors",
                        name = pack.info.name.as_str(),
                        version = pack.info.version.as_str(),
                        dependencies = dependencies.join(", "),
                        has_dependencies = i64::from(!dependencies.is_empty()),
                        warnings = i64::try_from(warnings).unwrap_or(i64::MAX),
                    );
                    print_stderr(&format!("{line}\n"));
                }
            }
        }
    }
    Ok(if pack.has_errors() {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

fn print_json(value: &serde_json::Value) -> Result<(), Failure> {
    let mut text = serde_json::to_string_pretty(value).map_err(|error| {
        CliError::new(
            Message::new("e09-cannot-render-diagnostics").with("reason", error.to_string()),
        )
    })?;
    text.push('\n');
    print_stdout(&text)?;
    Ok(())
}

//! `clausier schema PACK`: the JSON Schema of a pack's descriptor, or the questionnaire
//! vendors fill in (`--format xlsx`).

use clausier_diagnostics::Message;
use clausier_report::pack::{SchemaInput, render_json_schema, render_questionnaire};
use clausier_syntax::ast::SourceFileAst;

use super::compiled::load_compiled;
use super::{Failure, Outcome};
use crate::args::{ColorChoice, LangArg, SchemaArgs, SchemaFormat};
use crate::error::CliError;
use crate::output::{
    print_stdout, print_stdout_bytes, refuse_binary_on_terminal, write_report, write_report_bytes,
};

pub fn run(
    args: &SchemaArgs,
    color: ColorChoice,
    lang: Option<LangArg>,
) -> Result<Outcome, Failure> {
    if args.format == SchemaFormat::Xlsx {
        refuse_binary_on_terminal(
            args.output.as_deref(),
            Message::new("e09-what-questionnaire"),
            "questionnaire.xlsx",
        )?;
    }
    let Some(pack) = load_compiled(&args.pack, color, lang)? else {
        return Ok(Outcome::Failure);
    };
    let files: Vec<&SourceFileAst> = pack.files.iter().map(|file| &file.ast).collect();
    let input = SchemaInput {
        pack: &pack.checked.pack,
        name: &pack.info.name,
        version: &pack.info.version,
        description: pack.manifest.pack.description.as_deref(),
        files: &files,
    };
    match args.format {
        SchemaFormat::Json => {
            let text = render_json_schema(&input).map_err(|error| {
                CliError::new(
                    Message::new("e09-cannot-render-schema").with("reason", error.to_string()),
                )
            })?;
            match &args.output {
                Some(path) => write_report(path, &text)?,
                None => print_stdout(&text)?,
            }
        }
        SchemaFormat::Xlsx => {
            let bytes = render_questionnaire(&input).map_err(|error| {
                CliError::new(
                    Message::new("e09-cannot-render-questionnaire")
                        .with("reason", error.to_string()),
                )
            })?;
            match &args.output {
                Some(path) => write_report_bytes(path, &bytes)?,
                None => print_stdout_bytes(&bytes)?,
            }
        }
    }
    Ok(Outcome::Success)
}

//! `clausier schema PACK`

use clausier_report::pack::{SchemaInput, render_json_schema};
use clausier_syntax::ast::SourceFileAst;

use super::compiled::load_compiled;
use super::{Failure, Outcome};
use crate::args::{ColorChoice, LangArg, SchemaArgs};
use crate::error::CliError;
use crate::output::{print_stdout, write_report};

pub fn run(
    args: &SchemaArgs,
    color: ColorChoice,
    lang: Option<LangArg>,
) -> Result<Outcome, Failure> {
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
    let text = render_json_schema(&input)
        .map_err(|error| CliError::new(format!("cannot write the schema as JSON: {error}")))?;
    match &args.output {
        Some(path) => write_report(path, &text)?,
        None => print_stdout(&text)?,
    }
    Ok(Outcome::Success)
}

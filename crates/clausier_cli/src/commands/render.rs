//! `clausier render PACK`

use clausier_report::pack::{CahierInput, Lang, render_html, render_markdown};

use super::compiled::load_compiled;
use super::{Failure, Outcome};
use crate::args::{ColorChoice, RenderArgs, RenderFormat, RenderLang};
use crate::output::{print_stdout, write_report};

pub fn run(args: &RenderArgs, color: ColorChoice) -> Result<Outcome, Failure> {
    let Some(pack) = load_compiled(&args.pack, color)? else {
        return Ok(Outcome::Failure);
    };
    let manifest = &pack.manifest.pack;
    let input = CahierInput {
        pack: &pack.checked.pack,
        name: &pack.info.name,
        version: &pack.info.version,
        hash: &pack.info.hash,
        description: manifest.description.as_deref(),
        license: manifest.license.as_deref(),
        authors: &manifest.authors,
        sources: &pack.sources,
    };
    let lang = match args.lang {
        RenderLang::Fr => Lang::Fr,
        RenderLang::En => Lang::En,
    };
    let text = match args.format {
        RenderFormat::Markdown => render_markdown(&input, lang),
        RenderFormat::Html => render_html(&input, lang),
    };
    match &args.output {
        Some(path) => write_report(path, &text)?,
        None => print_stdout(&text)?,
    }
    Ok(Outcome::Success)
}

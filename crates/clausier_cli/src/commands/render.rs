//! `clausier render PACK`

use clausier_check::hir::CheckedPack;
use clausier_diagnostics::{Code, Diagnostic, Message};
use clausier_pack::LoadedPack;
use clausier_report::pack::{
    CahierInput, PackProvenance, TitlePage, render_docx, render_html, render_markdown,
};

use super::compiled::{CommandErrors, load_compiled_with};
use super::language::chosen_lang;
use super::{Failure, Outcome};
use crate::args::{ColorChoice, LangArg, RenderArgs, RenderFormat};
use crate::error::CliError;
use crate::output::{
    print_stdout, print_stdout_bytes, refuse_binary_on_terminal, write_report, write_report_bytes,
};

pub fn run(
    args: &RenderArgs,
    color: ColorChoice,
    lang: Option<LangArg>,
) -> Result<Outcome, Failure> {
    if args.format == RenderFormat::Docx {
        refuse_binary_on_terminal(
            args.output.as_deref(),
            Message::new("e09-what-word-document"),
            "cahier-des-charges.docx",
        )?;
    }
    let Some(pack) = load_compiled_with(&args.pack, color, lang, |pack| CommandErrors {
        errors: if args.draft {
            Vec::new()
        } else {
            missing_texts(&pack.checked.pack)
        },
        replacing: &[Code::MISSING_TEXT],
        refusal: Message::new("e09-refusal-cannot-publish"),
    })?
    else {
        return Ok(Outcome::Failure);
    };
    let title_page = title_page(&pack);
    let provenance = provenance(&pack);
    let input = CahierInput {
        pack: &pack.checked.pack,
        title_page: &title_page,
        provenance: &provenance,
        draft: args.draft,
    };
    let lang = chosen_lang(lang, Some(&pack.manifest));
    let output = args.output.as_deref();
    match args.format {
        RenderFormat::Docx => {
            let bytes = render_docx(&input, lang).map_err(|error| {
                CliError::new(
                    Message::new("e09-cannot-render-tender").with("reason", error.to_string()),
                )
            })?;
            match output {
                Some(path) => write_report_bytes(path, &bytes)?,
                None => print_stdout_bytes(&bytes)?,
            }
        }
        format => {
            let text = match format {
                RenderFormat::Html => render_html(&input, lang),
                _ => render_markdown(&input, lang),
            };
            match output {
                Some(path) => write_report(path, &text)?,
                None => print_stdout(&text)?,
            }
        }
    }
    Ok(Outcome::Success)
}

/// Every requirement and criterion of the tender without a legal text, its own or a
/// dependency's, as an error on its id: a published tender states every clause. (The
/// checker's warning W0510 says the same of the pack's own clauses; it gives way.)
fn missing_texts(pack: &CheckedPack) -> Vec<Diagnostic> {
    let metas = pack
        .requirements
        .iter()
        .map(|requirement| (&requirement.meta, "requirement"))
        .chain(
            pack.criteria
                .iter()
                .map(|criterion| (&criterion.meta, "criterion")),
        );
    metas
        .filter(|(meta, _)| meta.text.is_none())
        .map(|(meta, kind)| {
            Diagnostic::error(
                Code::TEXT_TO_PUBLISH,
                Message::new("e0817-no-text-to-publish")
                    .with("kind", kind)
                    .with("id", meta.id.as_str()),
            )
            .with_primary(
                meta.origin.file,
                meta.origin.span,
                Message::new("e0817-label-no-legal-text"),
            )
            .with_help(Message::new("e0817-help-write-text-or-draft"))
        })
        .collect()
}

pub(super) fn title_page(pack: &LoadedPack) -> TitlePage {
    let Some(document) = &pack.manifest.document else {
        return TitlePage::default();
    };
    TitlePage {
        title: document.title.clone(),
        buyer: document.buyer.clone(),
        object: document.object.clone(),
        procedure: document.procedure.clone(),
        lots: document.lots.iter().map(|lot| lot.title.clone()).collect(),
        deadline: document.deadline,
    }
}

/// The root pack, then the packs it depends on, as the lock records them.
fn provenance(pack: &LoadedPack) -> Vec<PackProvenance> {
    let root_dependencies = pack
        .manifest
        .dependencies
        .iter()
        .map(|dependency| dependency.name.clone())
        .collect();
    let mut packs = vec![PackProvenance {
        name: pack.info.name.clone(),
        version: pack.info.version.clone(),
        hash: pack.info.hash.clone(),
        dependencies: root_dependencies,
    }];
    packs.extend(pack.dependencies.iter().map(|dependency| PackProvenance {
        name: dependency.name.clone(),
        version: dependency.version.clone(),
        hash: dependency.hash.clone(),
        dependencies: dependency.dependencies.clone(),
    }));
    packs
}

//! Which language a command speaks.

use clausier_i18n::Lang;
use clausier_pack::{DocumentLanguage, Manifest};

use crate::args::LangArg;

/// `--lang`, else the pack's `[document] language`, else the language of the locale,
/// else French: drafters and buyers work in French, and a machine's `C` locale says
/// nothing about its reader.
pub(crate) fn chosen_lang(asked: Option<LangArg>, manifest: Option<&Manifest>) -> Lang {
    chosen_lang_in(asked, manifest, Lang::from_process_environment())
}

/// The language of what a program reads (`validate --format json`): `--lang`, else
/// English, whatever the locale, so that a script's output does not change with the
/// machine it runs on.
pub(crate) fn machine_lang(asked: Option<LangArg>) -> Lang {
    asked.map_or(Lang::En, |asked| chosen_lang_in(Some(asked), None, None))
}

fn chosen_lang_in(
    asked: Option<LangArg>,
    manifest: Option<&Manifest>,
    locale: Option<Lang>,
) -> Lang {
    let declared = manifest
        .and_then(|manifest| manifest.document.as_ref())
        .and_then(|document| document.language)
        .map(|language| match language {
            DocumentLanguage::Fr => Lang::Fr,
            DocumentLanguage::En => Lang::En,
        });
    asked
        .map(|asked| match asked {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        })
        .or(declared)
        .or(locale)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_then_the_pack_then_the_locale_decide() {
        assert_eq!(chosen_lang_in(None, None, None), Lang::Fr);
        assert_eq!(chosen_lang_in(None, None, Some(Lang::En)), Lang::En);
        assert_eq!(
            chosen_lang_in(Some(LangArg::Fr), None, Some(Lang::En)),
            Lang::Fr
        );
        let manifest = Manifest {
            document: Some(clausier_pack::DocumentTable {
                language: Some(DocumentLanguage::En),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert_eq!(
            chosen_lang_in(None, Some(&manifest), Some(Lang::Fr)),
            Lang::En
        );
        assert_eq!(
            chosen_lang_in(Some(LangArg::Fr), Some(&manifest), None),
            Lang::Fr
        );
    }
}

//! The language the server writes diagnostics and actions in.

use clausier_diagnostics::Lang;

/// The editor's locale (the `locale` of `initialize`), else the pack's `[document]
/// language`, else the locale of the server's process, else French: as the command line
/// decides, with the editor's own locale first since it is the reader's.
pub fn chosen_lang(client: Option<Lang>, pack: Option<Lang>, process: Option<Lang>) -> Lang {
    client.or(pack).or(process).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_then_the_pack_then_the_process_decide() {
        assert_eq!(chosen_lang(None, None, None), Lang::Fr);
        assert_eq!(chosen_lang(None, None, Some(Lang::En)), Lang::En);
        assert_eq!(chosen_lang(None, Some(Lang::Fr), Some(Lang::En)), Lang::Fr);
        assert_eq!(
            chosen_lang(Some(Lang::En), Some(Lang::Fr), Some(Lang::Fr)),
            Lang::En
        );
    }
}

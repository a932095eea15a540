use std::fmt;

/// The language of what Clausier writes for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code, as written in `[document] language`, `--lang` and HTML.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language a code or a POSIX locale names: `fr`, `FR`, `fr-BE`, `fr_FR.UTF-8`,
    /// `en_GB@euro`. `None` for another language or for `C` and `POSIX`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let language = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .trim();
        if language.eq_ignore_ascii_case("fr") {
            Some(Lang::Fr)
        } else if language.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the environment's locale, read as POSIX does for messages: the
    /// first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides.
    /// `None` when it names another language, `C` or `POSIX`.
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.trim().is_empty())
            .and_then(|value| Lang::from_code(&value))
    }

    /// The language of this process's environment.
    pub fn from_process_environment() -> Option<Lang> {
        Lang::from_environment(|name| std::env::var(name).ok())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_posix_locales_name_their_language() {
        for (code, lang) in [
            ("fr", Some(Lang::Fr)),
            ("FR", Some(Lang::Fr)),
            ("fr-BE", Some(Lang::Fr)),
            ("fr_FR.UTF-8", Some(Lang::Fr)),
            ("en_GB@euro", Some(Lang::En)),
            ("en", Some(Lang::En)),
            ("de_DE.UTF-8", None),
            ("C", None),
            ("POSIX", None),
            ("C.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_code(code), lang, "{code}");
        }
    }

    #[test]
    fn the_first_locale_variable_set_decides_as_in_posix() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.to_string())
            }
        };
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "en_US.UTF-8")])),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "")])),
            Some(Lang::Fr)
        );
        assert_eq!(
            Lang::from_environment(env(&[("LC_MESSAGES", "C"), ("LANG", "fr_FR.UTF-8")])),
            None
        );
        assert_eq!(Lang::from_environment(env(&[])), None);
    }
}

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::{LanguageIdentifier, langid};

use crate::Lang;

/// One message file, in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Resource {
    pub name: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
}

impl Resource {
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

macro_rules! resources {
    ($($name:literal),+ $(,)?) => {
        const RESOURCES: &[Resource] = &[$(Resource {
            name: $name,
            fr: include_str!(concat!("../locales/fr/", $name, ".ftl")),
            en: include_str!(concat!("../locales/en/", $name, ".ftl")),
        }),+];
    };
}

resources!(
    "cli",
    "check-report",
    "check-html",
    "catalogue",
    "diagnose",
    "diagnostics",
    "diagnostics-syntax",
    "diagnostics-data",
    "diagnostics-packs",
    "diagnostics-structure",
    "diagnostics-lints",
    "diagnostics-law",
    "diagnostics-types",
    "diagnostics-files",
    "cli-errors",
    "editor",
    "pack-tests",
);

/// Every message file, for the tests that compare the languages.
pub fn resources() -> &'static [Resource] {
    RESOURCES
}

/// The arguments of a message, by name.
#[derive(Default)]
pub struct Args<'a>(FluentArgs<'a>);

impl<'a> Args<'a> {
    pub fn new() -> Self {
        Self(FluentArgs::new())
    }

    pub fn with(mut self, name: &'a str, value: impl Into<FluentValue<'a>>) -> Self {
        self.0.set(name, value);
        self
    }
}

/// A message without arguments.
pub fn text(lang: Lang, id: &str) -> String {
    format(lang, id, None)
}

/// A message with its arguments.
pub fn text_with(lang: Lang, id: &str, args: &Args<'_>) -> String {
    format(lang, id, Some(&args.0))
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
        // A message missing from the catalogue shows its id rather than nothing: the
        // catalogue tests make sure no shipped code path gets here.
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static FRENCH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static ENGLISH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    match lang {
        Lang::Fr => FRENCH.get_or_init(|| build(lang, langid!("fr"))),
        Lang::En => ENGLISH.get_or_init(|| build(lang, langid!("en"))),
    }
}

fn build(lang: Lang, id: LanguageIdentifier) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks are for bidirectional text; in a terminal, a report or a
    // snapshot they are invisible bytes that break searches and comparisons.
    bundle.set_use_isolating(false);
    for resource in RESOURCES {
        // A file that does not parse keeps the messages that do; the catalogue tests fail
        // on any parse error, so a shipped binary never drops one.
        let parsed = FluentResource::try_new(resource.text(lang).to_owned())
            .unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(parsed);
    }
    bundle
}

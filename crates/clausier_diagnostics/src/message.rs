//! The words of a diagnostic, kept as a message of the catalogue with its arguments and
//! put into a language only when a renderer shows it.
//!
//! A diagnostic is made once (by the parser, the checker, a pack loader) and read in
//! several languages: the command line's `--lang`, the editor's locale. So it holds the
//! catalogue id and the arguments, not a sentence.

use clausier_i18n::{Args, FluentValue, Lang};

/// What a diagnostic says: a message of `clausier_i18n`'s catalogue with its named
/// arguments, or, while the conversion to the catalogue is under way, an English sentence
/// written in code (`From<String>`, `From<&str>`), shown as is in every language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Message {
    Catalogue {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    Literal(String),
}

/// An argument of a catalogue message: a text (a name, a quoted value, a list already
/// written out), a count, which chooses the plural form, or words of the catalogue put
/// into the same language as the message that holds them: one message, or alternatives
/// joined as that language joins them (`a, b or c`, `a, b ou c`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    Text(String),
    Count(i64),
    Message(Box<Message>),
    Alternatives(Vec<Message>),
}

impl Message {
    /// The catalogue message `id`, to which [`Message::with`] adds arguments.
    pub fn new(id: &'static str) -> Self {
        Message::Catalogue {
            id,
            args: Vec::new(),
        }
    }

    /// The same message with one more named argument.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        if let Message::Catalogue { args, .. } = &mut self {
            args.push((name, value.into()));
        }
        self
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Message::Literal(text) => text.clone(),
            Message::Catalogue { id, args } if args.is_empty() => clausier_i18n::text(lang, id),
            Message::Catalogue { id, args } => {
                let fluent = args.iter().fold(Args::new(), |fluent, (name, value)| {
                    fluent.with(name, value.to_fluent(lang))
                });
                clausier_i18n::text_with(lang, id, &fluent)
            }
        }
    }

    /// The message with `change` applied to the texts that came from outside the
    /// catalogue: a literal's sentence, and a catalogue message's text arguments (where
    /// the user's names and values are). The catalogue's own words are left alone.
    #[must_use]
    pub fn map_texts(&self, change: impl Fn(&str) -> String) -> Message {
        self.map_texts_with(&change)
    }

    fn map_texts_with(&self, change: &dyn Fn(&str) -> String) -> Message {
        match self {
            Message::Literal(text) => Message::Literal(change(text)),
            Message::Catalogue { id, args } => Message::Catalogue {
                id,
                args: args
                    .iter()
                    .map(|(name, value)| (*name, value.map_texts(change)))
                    .collect(),
            },
        }
    }

    /// The catalogue id of the message, which tells apart mistakes that share a code
    /// whatever language they are shown in; `None` for a literal.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Message::Catalogue { id, .. } => Some(id),
            Message::Literal(_) => None,
        }
    }

    /// Whether the message says nothing (a label that only marks a place).
    pub fn is_empty(&self) -> bool {
        matches!(self, Message::Literal(text) if text.is_empty())
    }
}

impl Default for Message {
    fn default() -> Self {
        Message::Literal(String::new())
    }
}

impl Arg {
    fn to_fluent(&self, lang: Lang) -> FluentValue<'_> {
        match self {
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Count(count) => FluentValue::from(*count),
            Arg::Message(message) => FluentValue::from(message.text(lang)),
            Arg::Alternatives(messages) => FluentValue::from(alternatives(lang, messages)),
        }
    }

    fn map_texts(&self, change: &dyn Fn(&str) -> String) -> Arg {
        match self {
            Arg::Text(text) => Arg::Text(change(text)),
            Arg::Count(_) => self.clone(),
            Arg::Message(message) => Arg::Message(Box::new(message.map_texts_with(change))),
            Arg::Alternatives(messages) => Arg::Alternatives(
                messages
                    .iter()
                    .map(|message| message.map_texts_with(change))
                    .collect(),
            ),
        }
    }
}

/// `a`, `a or b`, `a, b or c`: the last two joined by the language's word for "or".
fn alternatives(lang: Lang, messages: &[Message]) -> String {
    match messages {
        [] => String::new(),
        [one] => one.text(lang),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|message| message.text(lang)).collect();
            let args = Args::new()
                .with("init", init.join(", "))
                .with("last", last.text(lang));
            clausier_i18n::text_with(lang, "diagnostic-alternatives", &args)
        }
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(Box::new(message))
    }
}

impl From<Vec<Message>> for Arg {
    fn from(messages: Vec<Message>) -> Self {
        Arg::Alternatives(messages)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Literal(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::Literal(text.to_owned())
    }
}

impl From<&String> for Message {
    fn from(text: &String) -> Self {
        Message::Literal(text.clone())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(count: usize) -> Self {
        Arg::Count(i64::try_from(count).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(count: u32) -> Self {
        Arg::Count(i64::from(count))
    }
}

impl From<i64> for Arg {
    fn from(count: i64) -> Self {
        Arg::Count(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_literal_reads_the_same_in_every_language() {
        let message = Message::from("unknown field `x`");
        assert_eq!(message.text(Lang::Fr), "unknown field `x`");
        assert_eq!(message.text(Lang::En), "unknown field `x`");
    }

    #[test]
    fn alternatives_are_joined_in_the_language_of_the_message() {
        let token = |token: &str| Message::new("syntax-token").with("token", token);
        let message = Message::new("syntax-expected-found")
            .with("expected", vec![token(","), token("}")])
            .with("found", token("x"));
        assert_eq!(message.text(Lang::En), "expected `,` or `}`, found `x`");
        assert_eq!(
            message.text(Lang::Fr),
            "on attendait `,` ou `}`, et non `x`"
        );
    }

    #[test]
    fn a_catalogue_message_reads_in_the_language_asked() {
        let message = Message::new("diagnostic-severity-error");
        assert_eq!(message.text(Lang::Fr), "erreur");
        assert_eq!(message.text(Lang::En), "error");
    }
}

//! TOML through the `toml` crate's spanned tables: a byte span for every key and value,
//! numbers as written, native dates.

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use clausier_diagnostics::{Message, Span};
use jiff::civil::{Date, DateTime, Time};
use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::SyntaxError;
use super::node::{Entry, MAX_DEPTH, Node, NodeKind, NumberText};

/// A TOML file read as a tree, and where keys were given twice (TOML forbids it, but the
/// rest of the file can still be checked).
pub(crate) struct TomlRead<'a> {
    pub(crate) root: Node<'a>,
    pub(crate) duplicate_keys: Vec<DuplicateKey>,
}

/// A key given a second time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DuplicateKey {
    /// The key where it is given again.
    pub(crate) span: Span,
    /// The key's name, without its quotes: `region`.
    pub(crate) key: String,
    /// Its full path, as JSON and YAML show it: `hosting.region`, `subprocessors[1].name`.
    pub(crate) path: String,
}

pub(crate) fn parse(text: &str) -> Result<TomlRead<'_>, SyntaxError> {
    let (root, errors) = DeTable::parse_recoverable(text);
    let mut duplicate_spans = Vec::new();
    for error in errors {
        let span = error.span().map_or(Span::empty_at(0), Span::from_range);
        if error.message() == "duplicate key" {
            duplicate_spans.push(span);
        } else if error.span().is_none()
            && let Some(key) = too_many_key_parts(text)
        {
            return Err(SyntaxError::invalid(
                "TOML",
                Message::new("d0601-toml-key-parts").with("limit", KEY_PARTS_LIMIT),
                key,
            )
            .with_help(Message::new("d0601-help-nest-less")));
        } else {
            return Err(SyntaxError::invalid("TOML", error.message(), span));
        }
    }
    let span = Span::from_range(root.span());
    let root = Node::new(table(root.get_ref(), 0)?, span);
    Ok(TomlRead {
        root,
        duplicate_keys: duplicate_keys(text, duplicate_spans),
    })
}

/// How many dots a key may hold: the `toml` crate refuses more, without saying where.
const KEY_PARTS_LIMIT: u32 = 80;

/// The first dotted key, in a key/value line or a table header, with more than
/// [`KEY_PARTS_LIMIT`] parts.
fn too_many_key_parts(text: &str) -> Option<Span> {
    use toml_parser::parser::{EventReceiver, parse_document};

    #[derive(Default)]
    struct DeepKey {
        start: Option<usize>,
        dots: u32,
        found: Option<Span>,
    }
    impl DeepKey {
        fn end_key(&mut self) {
            self.start = None;
            self.dots = 0;
        }
    }
    impl EventReceiver for DeepKey {
        fn simple_key(
            &mut self,
            span: toml_parser::Span,
            _: Option<toml_parser::decoder::Encoding>,
            _: &mut dyn toml_parser::ErrorSink,
        ) {
            self.start.get_or_insert(span.start());
            if self.dots >= KEY_PARTS_LIMIT
                && let Some(start) = self.start
                && self.found.is_none_or(|found| found.start as usize == start)
            {
                self.found = Some(Span::from_range(start..span.end()));
            }
        }
        fn key_sep(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
            self.dots += 1;
        }
        fn key_val_sep(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
            self.end_key();
        }
        fn std_table_close(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
            self.end_key();
        }
        fn array_table_close(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
            self.end_key();
        }
    }

    let tokens: Vec<_> = toml_parser::Source::new(text).lex().collect();
    let mut deep = DeepKey::default();
    parse_document(&tokens, &mut deep, &mut ());
    deep.found
}

/// The name and full path of each key given twice.
///
/// The parser drops a repeated key and says only where it is, so the table it belongs to
/// (a `[table]` header above it, the dotted key it ends, an inline table around it) is
/// left to the parser itself: each repeated key is renamed to a name the file does not
/// use, the text is read again, and the path of each new name is the repeated key's path.
fn duplicate_keys(text: &str, mut spans: Vec<Span>) -> Vec<DuplicateKey> {
    if spans.is_empty() {
        return Vec::new();
    }
    spans.sort_by_key(|span| span.start);
    spans.dedup();
    let mut prefix = String::from("clausier-repeated-key-");
    while text.contains(prefix.as_str()) {
        prefix.push('x');
    }
    let mut renamed = String::with_capacity(text.len() + spans.len() * (prefix.len() + 4));
    let mut names: HashMap<String, String> = HashMap::with_capacity(spans.len());
    let mut keys = Vec::with_capacity(spans.len());
    let mut copied = 0;
    for span in spans {
        let range = span.range();
        let written = text.get(range.clone());
        let key = written.map(key_name).unwrap_or_default();
        // Spans are sorted; one that overlaps the one before cannot be renamed too.
        let stand_in = match written {
            Some(_) if range.start >= copied => {
                let stand_in = format!("{prefix}{}", names.len());
                renamed.push_str(text.get(copied..range.start).unwrap_or_default());
                renamed.push_str(&stand_in);
                copied = range.end;
                names.insert(stand_in.clone(), key.clone());
                Some(stand_in)
            }
            _ => None,
        };
        keys.push((span, key, stand_in));
    }
    renamed.push_str(text.get(copied..).unwrap_or_default());
    let (reread, _) = DeTable::parse_recoverable(&renamed);
    let paths = paths_of(reread.get_ref(), &names);
    keys.into_iter()
        .map(|(span, key, stand_in)| {
            // A key the second reading drops too is shown by its name alone.
            let path = stand_in
                .and_then(|stand_in| paths.get(&stand_in).cloned())
                .unwrap_or_else(|| key.clone());
            DuplicateKey { span, key, path }
        })
        .collect()
}

/// The name of a key as written: bare, `"quoted"` or `'literal'`.
fn key_name(written: &str) -> String {
    let written = written.trim();
    if !written.starts_with(['"', '\'']) {
        return written.to_owned();
    }
    let line = format!("{written} = 0");
    let (table, errors) = DeTable::parse_recoverable(&line);
    match table.get_ref().iter().next() {
        Some((key, _)) if errors.is_empty() && table.get_ref().len() == 1 => {
            key.get_ref().to_string()
        }
        _ => written.to_owned(),
    }
}

/// The path of every stand-in key of the tree, with the stand-ins shown by the name they
/// replace. The tree is walked without recursion, however deep it nests.
fn paths_of(root: &DeTable<'_>, names: &HashMap<String, String>) -> HashMap<String, String> {
    let mut paths = HashMap::with_capacity(names.len());
    let mut pending = Vec::new();
    visit_table(root, "", names, &mut paths, &mut pending);
    while let Some((value, path)) = pending.pop() {
        match value {
            DeValue::Table(table) => visit_table(table, &path, names, &mut paths, &mut pending),
            DeValue::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    if holds_keys(item.get_ref()) {
                        pending.push((item.get_ref(), format!("{path}[{index}]")));
                    }
                }
            }
            _ => {}
        }
    }
    paths
}

fn holds_keys(value: &DeValue<'_>) -> bool {
    matches!(value, DeValue::Table(_) | DeValue::Array(_))
}

/// Records the path of the table's stand-in keys, and leaves its values to visit.
fn visit_table<'t, 'i>(
    table: &'t DeTable<'i>,
    prefix: &str,
    names: &HashMap<String, String>,
    paths: &mut HashMap<String, String>,
    pending: &mut Vec<(&'t DeValue<'i>, String)>,
) {
    for (key, value) in table.iter() {
        let key: &str = key.get_ref();
        let name = names.get(key);
        let shown = name.map_or(key, String::as_str);
        let path = if prefix.is_empty() {
            shown.to_owned()
        } else {
            format!("{prefix}.{shown}")
        };
        if name.is_some() {
            paths.insert(key.to_owned(), path.clone());
        }
        if holds_keys(value.get_ref()) {
            pending.push((value.get_ref(), path));
        }
    }
}

fn table<'a>(table: &DeTable<'a>, depth: usize) -> Result<NodeKind<'a>, SyntaxError> {
    let mut entries = Vec::with_capacity(table.len());
    for (key, value) in table.iter() {
        entries.push(Entry {
            key: key.get_ref().clone(),
            key_span: Span::from_range(key.span()),
            value: node(value, depth + 1)?,
        });
    }
    // The map is ordered by key; problems read best in the order of the file.
    entries.sort_by_key(|entry| entry.key_span.start);
    Ok(NodeKind::Record(Rc::from(entries)))
}

fn node<'a>(value: &Spanned<DeValue<'a>>, depth: usize) -> Result<Node<'a>, SyntaxError> {
    let span = Span::from_range(value.span());
    if depth > MAX_DEPTH {
        return Err(SyntaxError::too_deep(span));
    }
    let kind = match value.get_ref() {
        DeValue::String(text) => NodeKind::Str(text.clone()),
        DeValue::Integer(integer) if integer.radix() == 10 => {
            NodeKind::Number(NumberText::Text(Cow::Owned(integer.as_str().to_owned())))
        }
        DeValue::Integer(integer) => i128::from_str_radix(integer.as_str(), integer.radix())
            .ok()
            .and_then(|value| Decimal::try_from_i128_with_scale(value, 0).ok())
            .map_or(
                NodeKind::Number(NumberText::Text(Cow::Owned(integer.to_string()))),
                |value| NodeKind::Number(NumberText::Exact(value)),
            ),
        DeValue::Float(float) => {
            NodeKind::Number(NumberText::Text(Cow::Owned(float.as_str().to_owned())))
        }
        DeValue::Boolean(value) => NodeKind::Bool(*value),
        DeValue::Datetime(datetime) => match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => local_date(date).map_or(NodeKind::DateTime, NodeKind::Date),
            (None, Some(time), None) => local_time(time).map_or(NodeKind::DateTime, NodeKind::Time),
            (Some(date), Some(time), None) => {
                local_datetime(date, time).map_or(NodeKind::DateTime, NodeKind::LocalDateTime)
            }
            _ => NodeKind::DateTime,
        },
        DeValue::Array(items) => {
            let items = items
                .iter()
                .map(|item| node(item, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            NodeKind::List(Rc::from(items))
        }
        DeValue::Table(inner) => table(inner, depth)?,
    };
    Ok(Node::new(kind, span))
}

/// A TOML local time (`08:30:00`). One with a fraction of a second is not read as a
/// time of day (nor is a leap second): clauses compare times to the second at most.
fn local_time(time: toml::value::Time) -> Option<Time> {
    if time.nanosecond.is_some_and(|fraction| fraction != 0) {
        return None;
    }
    let hour = i8::try_from(time.hour).ok()?;
    let minute = i8::try_from(time.minute).ok()?;
    let second = i8::try_from(time.second.unwrap_or(0)).ok()?;
    Time::new(hour, minute, second, 0).ok()
}

fn local_datetime(date: toml::value::Date, time: toml::value::Time) -> Option<DateTime> {
    Some(local_date(date)?.to_datetime(local_time(time)?))
}

fn local_date(date: toml::value::Date) -> Option<Date> {
    let year = i16::try_from(date.year).ok()?;
    let month = i8::try_from(date.month).ok()?;
    let day = i8::try_from(date.day).ok()?;
    Date::new(year, month, day).ok()
}

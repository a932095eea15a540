//! YAML through saphyr's event parser, building the read tree directly: the events give
//! every scalar's text as written (exact decimals) and span, and a mapping keeps all its
//! keys so that a repeated one is reported like in the other formats.

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use clausier_diagnostics::{Message, Span};
use saphyr_parser::{Event, Parser, ScalarStyle, Span as YamlSpan, Tag};

use super::SyntaxError;
use super::node::{Entry, MAX_DEPTH, Node, NodeKind, NumberText};
use super::scalar::{is_yaml_null, parse_bool};
use super::text_index::TextIndex;

enum Frame<'a> {
    Sequence {
        items: Vec<Node<'a>>,
        start: u32,
        anchor: usize,
    },
    Mapping {
        entries: Vec<Entry<'a>>,
        key: Option<(Cow<'a, str>, Span)>,
        start: u32,
        anchor: usize,
    },
}

struct Builder<'a, 'i> {
    index: &'i TextIndex<'a>,
    stack: Vec<Frame<'a>>,
    anchors: HashMap<usize, Node<'a>>,
    root: Option<Node<'a>>,
    documents: usize,
}

/// Reads the one document of a YAML stream; an empty stream reads as a `Null` node.
pub(crate) fn parse<'a>(text: &'a str, index: &TextIndex<'a>) -> Result<Node<'a>, SyntaxError> {
    let mut builder = Builder {
        index,
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        documents: 0,
    };
    for event in Parser::new_from_str(text) {
        match event {
            Ok((event, span)) => builder.on_event(event, span)?,
            Err(error) => {
                let at = index.byte_of_char(error.marker().index());
                return Err(SyntaxError::invalid(
                    "YAML",
                    error.info(),
                    Span::empty_at(at),
                ));
            }
        }
    }
    let empty = Span::empty_at(0);
    Ok(builder.root.unwrap_or(Node::new(NodeKind::Null, empty)))
}

impl<'a> Builder<'a, '_> {
    fn span(&self, span: YamlSpan) -> Span {
        let start = self.index.byte_of_char(span.start.index());
        let end = self.index.byte_of_char(span.end.index());
        Span::new(start, end.max(start))
    }

    fn on_event(&mut self, event: Event<'a>, yaml_span: YamlSpan) -> Result<(), SyntaxError> {
        let span = self.span(yaml_span);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(SyntaxError::invalid(
                        "YAML",
                        Message::new("d0601-yaml-second-document"),
                        span,
                    )
                    .with_help(Message::new("d0601-help-one-descriptor-a-file")));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let node = Node::new(scalar_kind(text, style, tag.as_deref()), span);
                self.complete(node, anchor)?;
            }
            Event::SequenceStart(anchor, _) => {
                self.check_depth(span)?;
                self.stack.push(Frame::Sequence {
                    items: Vec::new(),
                    start: span.start,
                    anchor,
                });
            }
            Event::MappingStart(anchor, _) => {
                self.check_depth(span)?;
                self.stack.push(Frame::Mapping {
                    entries: Vec::new(),
                    key: None,
                    start: span.start,
                    anchor,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (kind, start, anchor) = match self.stack.pop() {
                    Some(Frame::Sequence {
                        items,
                        start,
                        anchor,
                    }) => (NodeKind::List(Rc::from(items)), start, anchor),
                    Some(Frame::Mapping {
                        entries,
                        start,
                        anchor,
                        ..
                    }) => (NodeKind::Record(Rc::from(entries)), start, anchor),
                    None => return Ok(()),
                };
                let node = Node::new(kind, Span::new(start, span.end.max(start)));
                self.complete(node, anchor)?;
            }
            Event::Alias(anchor) => {
                let Some(target) = self.anchors.get(&anchor) else {
                    return Err(SyntaxError::invalid(
                        "YAML",
                        Message::new("d0601-yaml-alias-without-anchor"),
                        span,
                    ));
                };
                // Sharing the anchor's tree is cheap; the converter bounds how much
                // repeated aliases may expand.
                let node = target.clone();
                self.complete(node, 0)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    fn check_depth(&self, span: Span) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(SyntaxError::too_deep(span));
        }
        Ok(())
    }

    fn complete(&mut self, node: Node<'a>, anchor: usize) -> Result<(), SyntaxError> {
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => {
                self.root.get_or_insert(node);
            }
            Some(Frame::Sequence { items, .. }) => items.push(node),
            Some(Frame::Mapping { entries, key, .. }) => match key.take() {
                Some((key, key_span)) => entries.push(Entry {
                    key,
                    key_span,
                    value: node,
                }),
                None => {
                    let name = match &node.kind {
                        NodeKind::Str(text) | NodeKind::Plain(text) => text.clone(),
                        NodeKind::Null => Cow::Borrowed(""),
                        NodeKind::List(_) | NodeKind::Record(_) => {
                            return Err(SyntaxError::invalid(
                                "YAML",
                                super::expect::kind(&node)
                                    .into_found(Message::new("d0601-yaml-key-not-a-name")),
                                node.span,
                            ));
                        }
                        _ => {
                            let written =
                                self.index.text().get(node.span.range()).unwrap_or_default();
                            Cow::Owned(written.to_owned())
                        }
                    };
                    *key = Some((name, node.span));
                }
            },
        }
        Ok(())
    }
}

/// A scalar by YAML's core schema, except that a plain scalar's type is left to the
/// declared type: `12` is a number where a number is declared, a string where a string is.
fn scalar_kind<'a>(text: Cow<'a, str>, style: ScalarStyle, tag: Option<&Tag>) -> NodeKind<'a> {
    let core = tag.and_then(|tag| {
        matches!(tag.handle.as_str(), "tag:yaml.org,2002:" | "!!").then_some(tag.suffix.as_str())
    });
    match core {
        Some("str") => return NodeKind::Str(text),
        Some("null") => return NodeKind::Null,
        Some("bool") => {
            if let Some(value) = parse_bool(&text) {
                return NodeKind::Bool(value);
            }
        }
        Some("int" | "float") => return NodeKind::Number(NumberText::Text(text)),
        _ => {}
    }
    match style {
        ScalarStyle::Plain if is_yaml_null(&text) => NodeKind::Null,
        ScalarStyle::Plain => NodeKind::Plain(text),
        _ => NodeKind::Str(text),
    }
}

//! Reading the `$`-keyed form of a value (`$value`, `$source`, `$valid_until`) from the
//! read tree of any format; the converter gives `$value` its declared type and stores the
//! rest as the value's `Evidence`.

use clausier_check::types::Ty;
use clausier_check::value::Value;
use clausier_diagnostics::{Message, Span, quoted};
use jiff::civil::Date;

use super::expect;
use super::node::{Entry, Node, NodeKind};
use crate::evidence::{
    EQUIVALENT_KEY, EquivalentClaim, Provenance, ProvenanceKind, SOURCE_KEY, VALID_UNTIL_KEY,
    VALUE_KEY,
};

/// A problem of the form, located at `span`.
pub(crate) struct FormProblem {
    pub(crate) message: Message,
    pub(crate) span: Span,
    pub(crate) help: Option<Message>,
}

/// What the form says.
pub(crate) struct Annotated<'n, 'a> {
    pub(crate) value: Option<&'n Node<'a>>,
    pub(crate) source: Option<Provenance>,
    pub(crate) valid_until: Option<Date>,
    pub(crate) equivalent: Option<EquivalentClaim>,
    pub(crate) problems: Vec<FormProblem>,
}

/// The entries of `node` when it is the `$`-keyed form: a record whose every key starts
/// with `$`. A record with no key, or with one plain key, is data.
pub(crate) fn form_entries<'n, 'a>(node: &'n Node<'a>) -> Option<&'n [Entry<'a>]> {
    match &node.kind {
        NodeKind::Record(entries)
            if !entries.is_empty() && entries.iter().all(|entry| entry.key.starts_with('$')) =>
        {
            Some(entries)
        }
        _ => None,
    }
}

pub(crate) fn read<'n, 'a>(node: &'n Node<'a>, entries: &'n [Entry<'a>]) -> Annotated<'n, 'a> {
    let mut read = Annotated {
        value: None,
        source: None,
        valid_until: None,
        equivalent: None,
        problems: Vec::new(),
    };
    for entry in entries {
        match entry.key.as_ref() {
            VALUE_KEY => read.value = Some(&entry.value),
            SOURCE_KEY => read.source = source(&entry.value, &mut read.problems),
            VALID_UNTIL_KEY => read.valid_until = valid_until(&entry.value, &mut read.problems),
            EQUIVALENT_KEY => read.equivalent = equivalent(&entry.value, &mut read.problems),
            other => read.problems.push(FormProblem {
                message: Message::new("data-evidence-unknown-key").with("key", quoted(other)),
                span: entry.key_span,
                help: Some(Message::new("data-help-evidence-keys")),
            }),
        }
    }
    if read.value.is_none() {
        read.problems.push(FormProblem {
            message: Message::new("data-evidence-no-value"),
            span: node.span,
            help: Some(Message::new("data-help-evidence-keys")),
        });
    }
    read
}

fn valid_until(node: &Node<'_>, problems: &mut Vec<FormProblem>) -> Option<Date> {
    if matches!(node.kind, NodeKind::Null) {
        return None;
    }
    match expect::scalar(node, &Ty::Date) {
        Ok(Value::Date(date)) => Some(date),
        Ok(_) | Err(_) => {
            problems.push(FormProblem {
                message: Message::new("data-evidence-bad-date"),
                span: node.span,
                help: Some(Message::new("data-help-evidence-date")),
            });
            None
        }
    }
}

/// `"document"` alone, or `{"kind": "document", "reference": "…", "issuer": "…"}`.
fn source(node: &Node<'_>, problems: &mut Vec<FormProblem>) -> Option<Provenance> {
    let kind_help = || {
        let kinds: Vec<String> = ProvenanceKind::ALL
            .iter()
            .map(|kind| format!("`{}`", kind.as_str()))
            .collect();
        Message::new("data-help-evidence-kinds").with("kinds", kinds.join(", "))
    };
    let kind_at = |node: &Node<'_>, problems: &mut Vec<FormProblem>| {
        let found = node
            .as_text()
            .and_then(|text| ProvenanceKind::from_word(text.trim()));
        if found.is_none() {
            problems.push(FormProblem {
                message: Message::new("data-evidence-bad-kind"),
                span: node.span,
                help: Some(kind_help()),
            });
        }
        found
    };
    let entries = match &node.kind {
        NodeKind::Null => return None,
        NodeKind::Record(entries) => entries,
        _ => {
            let kind = kind_at(node, problems)?;
            return Some(Provenance {
                kind,
                reference: None,
                issuer: None,
            });
        }
    };
    let mut kind = None;
    let mut reference = None;
    let mut issuer = None;
    for entry in entries.iter() {
        match entry.key.as_ref() {
            "kind" => kind = kind_at(&entry.value, problems),
            "reference" => reference = text(&entry.value, problems),
            "issuer" => issuer = text(&entry.value, problems),
            other => problems.push(FormProblem {
                message: Message::new("data-evidence-unknown-source-key")
                    .with("key", quoted(other)),
                span: entry.key_span,
                help: Some(Message::new("data-help-evidence-source-keys")),
            }),
        }
    }
    if kind.is_none() && !entries.iter().any(|entry| entry.key == "kind") {
        problems.push(FormProblem {
            message: Message::new("data-evidence-no-kind"),
            span: node.span,
            help: Some(kind_help()),
        });
    }
    Some(Provenance {
        kind: kind?,
        reference,
        issuer,
    })
}

/// `{"label": "…", "issuer": "…", "document": "…"}`: all three are needed for the buyer
/// to examine the claim, so a claim lacking one is an error rather than a partial claim.
fn equivalent(node: &Node<'_>, problems: &mut Vec<FormProblem>) -> Option<EquivalentClaim> {
    let help = || Some(Message::new("data-help-evidence-equivalent-keys"));
    let NodeKind::Record(entries) = &node.kind else {
        problems.push(FormProblem {
            message: Message::new("data-evidence-equivalent-not-record"),
            span: node.span,
            help: help(),
        });
        return None;
    };
    let mut label = None;
    let mut issuer = None;
    let mut document = None;
    for entry in entries.iter() {
        let slot = match entry.key.as_ref() {
            "label" => &mut label,
            "issuer" => &mut issuer,
            "document" => &mut document,
            other => {
                problems.push(FormProblem {
                    message: Message::new("data-evidence-unknown-equivalent-key")
                        .with("key", quoted(other)),
                    span: entry.key_span,
                    help: help(),
                });
                continue;
            }
        };
        *slot = match entry.value.as_text().map(str::trim) {
            Some(text) if !text.is_empty() => Some(text.to_owned()),
            _ => {
                problems.push(FormProblem {
                    message: Message::new("data-evidence-equivalent-not-text")
                        .with("key", quoted(&entry.key)),
                    span: entry.value.span,
                    help: help(),
                });
                continue;
            }
        };
    }
    let mut given = |value: Option<String>, key: &str| {
        if value.is_none() && !entries.iter().any(|entry| entry.key == key) {
            problems.push(FormProblem {
                message: Message::new("data-evidence-equivalent-lacks").with("key", quoted(key)),
                span: node.span,
                help: help(),
            });
        }
        value
    };
    let label = given(label, "label");
    let issuer = given(issuer, "issuer");
    let document = given(document, "document");
    Some(EquivalentClaim {
        label: label?,
        issuer: issuer?,
        document: document?,
    })
}

fn text(node: &Node<'_>, problems: &mut Vec<FormProblem>) -> Option<String> {
    if matches!(node.kind, NodeKind::Null) {
        return None;
    }
    match node.as_text() {
        Some(text) => Some(text.to_owned()),
        None => {
            problems.push(FormProblem {
                message: Message::new("data-evidence-not-text"),
                span: node.span,
                help: None,
            });
            None
        }
    }
}

//! A `publiccode.yml` (the metadata standard of public-sector software) read as a
//! solution description: its keys are mapped to the descriptor shape `solution { … }`
//! that `docs/language.md` documents, so that a pack judges a catalogue of solutions as
//! it judges offers.
//!
//! The mapped tree keeps the spans of the publiccode.yml's own values: a value's line and
//! column, in an explanation or a problem, are those of the file the vendor wrote. Keys
//! the mapping does not read (country extensions such as `IT:`, contacts, screenshots…)
//! are left out without a word; a known key of the wrong shape is a located D0602, and
//! the rest of the file is still read. Fields of the shape that the pack does not declare
//! are left out too: the publisher did not write their names, and a pack may read only
//! the licence of a solution without a warning for each other field.

use std::borrow::Cow;
use std::path::Path;
use std::rc::Rc;

use clausier_check::types::{Schema, Ty};
use clausier_diagnostics::{Code, Message, Span, quoted};

use super::expect::{Phrase, expected_found, found};
use super::node::{Entry, Node, NodeKind};
use super::text_index::TextIndex;
use crate::descriptor::DataProblem;

/// The top-level key every publiccode.yml has, whatever its file is named.
const VERSION_KEY: &str = "publiccodeYmlVersion";

/// The top-level field of the mapped descriptor.
pub(crate) const SOLUTION_FIELD: &str = "solution";

/// Whether a YAML file is a publiccode.yml: by its name, or by its version key.
pub(crate) fn is_publiccode(source: &str, root: &Node<'_>) -> bool {
    let named = Path::new(source)
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| {
            name.eq_ignore_ascii_case("publiccode.yml")
                || name.eq_ignore_ascii_case("publiccode.yaml")
        });
    named || entry(root, VERSION_KEY).is_some()
}

/// The id of a solution: the folder that holds its `publiccode.yml` (each solution of a
/// catalogue is a folder, and every file has the same name), else the file's stem.
pub(crate) fn solution_id(source: &str) -> String {
    let path = Path::new(source);
    let stem = super::file_stem(source);
    if !stem.eq_ignore_ascii_case("publiccode") {
        return stem;
    }
    path.parent()
        .and_then(|folder| folder.file_name())
        .and_then(|name| name.to_str())
        .map_or(stem, str::to_owned)
}

/// The publiccode.yml `root` as a descriptor `{ solution: { … } }`, and the problems of
/// known keys whose values have the wrong shape. A root that is not a mapping is left as
/// it is, for the converter to say so.
pub(crate) fn to_solution<'a>(
    root: Node<'a>,
    schema: &Schema,
    index: &TextIndex<'_>,
) -> (Node<'a>, Vec<DataProblem>) {
    if !matches!(root.kind, NodeKind::Record(_)) {
        return (root, Vec::new());
    }
    let mut mapper = Mapper {
        index,
        problems: Vec::new(),
    };
    let mut solution = mapper.solution(&root);
    // The `solution` field itself is kept even when the pack does not declare it, so
    // that the pack's author is told (D0604) rather than given an empty descriptor.
    let declared = schema
        .descriptor_record()
        .and_then(|descriptor| descriptor.fields.get(SOLUTION_FIELD));
    if let Some(field) = declared {
        solution = declared_only(solution, &field.ty, schema);
    }
    let at = Span::empty_at(root.span.start);
    let mapped = Node::new(
        NodeKind::Record(Rc::from(vec![Entry {
            key: Cow::Borrowed(SOLUTION_FIELD),
            key_span: at,
            value: solution,
        }])),
        root.span,
    );
    (mapped, mapper.problems)
}

/// What a known key holds.
#[derive(Clone, Copy)]
enum Shape {
    Scalar,
    List,
    /// `platforms`: the standard allows one value without a list.
    ListOrScalar,
    Mapping,
}

struct Mapper<'i, 't> {
    index: &'i TextIndex<'t>,
    problems: Vec<DataProblem>,
}

impl<'a> Mapper<'_, '_> {
    fn solution(&mut self, root: &Node<'a>) -> Node<'a> {
        let mut fields = Fields::new(root.span);
        for (field, key) in [
            ("name", "name"),
            ("url", "url"),
            ("software_version", "softwareVersion"),
            ("release_date", "releaseDate"),
            ("development_status", "developmentStatus"),
            ("software_type", "softwareType"),
        ] {
            fields.push(field, self.known(root, key, key, Shape::Scalar));
        }
        fields.push(
            "platforms",
            self.known(root, "platforms", "platforms", Shape::ListOrScalar),
        );
        fields.push(
            "categories",
            self.known(root, "categories", "categories", Shape::List),
        );
        let legal = self.known(root, "legal", "legal", Shape::Mapping);
        fields.push(
            "licence",
            legal.as_ref().and_then(|legal| self.licence(legal)),
        );
        fields.push(
            "copyright_owner",
            legal.as_ref().and_then(|legal| {
                self.known(
                    legal,
                    "mainCopyrightOwner",
                    "legal.mainCopyrightOwner",
                    Shape::Scalar,
                )
            }),
        );
        let maintenance = self.known(root, "maintenance", "maintenance", Shape::Mapping);
        fields.push(
            "maintenance",
            maintenance.map(|node| self.maintenance(&node)),
        );
        let localisation = self.known(root, "localisation", "localisation", Shape::Mapping);
        fields.push(
            "languages",
            localisation.and_then(|node| {
                self.known(
                    &node,
                    "availableLanguages",
                    "localisation.availableLanguages",
                    Shape::List,
                )
            }),
        );
        let description = self.known(root, "description", "description", Shape::Mapping);
        fields.push(
            "description",
            description.and_then(|node| self.description(&node)),
        );
        let audience = self.known(root, "intendedAudience", "intendedAudience", Shape::Mapping);
        fields.push("audience", audience.map(|node| self.audience(&node)));
        let depends_on = self.known(root, "dependsOn", "dependsOn", Shape::Mapping);
        fields.push("depends_on", depends_on.map(|node| self.depends_on(&node)));
        fields.into_node()
    }

    /// `licence { spdx, free_software }`: free software when the SPDX expression is
    /// satisfied by licences the OSI or the FSF approve (`MIT OR LicenseRef-x` is;
    /// `MIT AND LicenseRef-x` is not). The flag is located at the licence it comes from.
    fn licence(&mut self, legal: &Node<'a>) -> Option<Node<'a>> {
        let spdx = self.known(legal, "license", "legal.license", Shape::Scalar)?;
        let Some(text) = spdx.as_text() else {
            self.wrong_shape(&spdx, "legal.license", Message::new("data-expected-spdx"));
            return None;
        };
        let free = match spdx::Expression::parse(text.trim()) {
            Ok(expression) => expression.evaluate(|requirement| match requirement.license {
                spdx::LicenseItem::Spdx { id, .. } => {
                    id.is_osi_approved() || id.is_fsf_free_libre()
                }
                spdx::LicenseItem::Other { .. } => false,
            }),
            Err(_) => {
                self.wrong_shape(&spdx, "legal.license", Message::new("data-expected-spdx"));
                return None;
            }
        };
        let mut fields = Fields::new(legal.span);
        let free_node = Node::new(NodeKind::Bool(free), spdx.span);
        fields.push("spdx", Some(spdx));
        fields.push("free_software", Some(free_node));
        Some(fields.into_node())
    }

    /// `maintenance { type, contractors [ { name, until } ] }`.
    fn maintenance(&mut self, maintenance: &Node<'a>) -> Node<'a> {
        let mut fields = Fields::new(maintenance.span);
        fields.push(
            "type",
            self.known(maintenance, "type", "maintenance.type", Shape::Scalar),
        );
        let contractors = self
            .known(
                maintenance,
                "contractors",
                "maintenance.contractors",
                Shape::List,
            )
            .map(|list| {
                self.each_mapping(
                    &list,
                    "maintenance.contractors",
                    |mapper, contractor, path| {
                        let mut fields = Fields::new(contractor.span);
                        for key in ["name", "until"] {
                            let written = format!("{path}.{key}");
                            fields
                                .push(key, mapper.known(contractor, key, &written, Shape::Scalar));
                        }
                        Some(fields.into_node())
                    },
                )
            });
        fields.push("contractors", contractors);
        fields.into_node()
    }

    /// `description { short, features }` in French when the file has it, else in
    /// English, else in the first language it gives.
    fn description(&mut self, description: &Node<'a>) -> Option<Node<'a>> {
        let NodeKind::Record(languages) = &description.kind else {
            return None;
        };
        let is = |entry: &&Entry<'a>, code: &str| {
            let key = entry.key.to_ascii_lowercase();
            key == code || key.starts_with(&format!("{code}-"))
        };
        let chosen = languages
            .iter()
            .find(|entry| is(entry, "fr"))
            .or_else(|| languages.iter().find(|entry| is(entry, "en")))
            .or_else(|| languages.first())?;
        let path = format!("description.{}", chosen.key);
        let text = self.shaped(&chosen.value, &path, Shape::Mapping)?;
        let mut fields = Fields::new(text.span);
        fields.push(
            "short",
            self.known(
                &text,
                "shortDescription",
                &format!("{path}.shortDescription"),
                Shape::Scalar,
            ),
        );
        fields.push(
            "features",
            self.known(&text, "features", &format!("{path}.features"), Shape::List),
        );
        Some(fields.into_node())
    }

    /// `audience { scope, countries }`.
    fn audience(&mut self, audience: &Node<'a>) -> Node<'a> {
        let mut fields = Fields::new(audience.span);
        for key in ["scope", "countries"] {
            let written = format!("intendedAudience.{key}");
            fields.push(key, self.known(audience, key, &written, Shape::List));
        }
        fields.into_node()
    }

    /// `depends_on { open, proprietary }`: the names of the software each needs.
    fn depends_on(&mut self, depends_on: &Node<'a>) -> Node<'a> {
        let mut fields = Fields::new(depends_on.span);
        for key in ["open", "proprietary"] {
            let path = format!("dependsOn.{key}");
            let names = self.known(depends_on, key, &path, Shape::List).map(|list| {
                self.each_mapping(&list, &path, |mapper, dependency, item_path| {
                    mapper.known(
                        dependency,
                        "name",
                        &format!("{item_path}.name"),
                        Shape::Scalar,
                    )
                })
            });
            fields.push(key, names);
        }
        fields.into_node()
    }

    /// Each item of `list` that is a mapping, made a node by `map`; an item of another
    /// shape is a problem, and is left out.
    fn each_mapping(
        &mut self,
        list: &Node<'a>,
        path: &str,
        mut map: impl FnMut(&mut Self, &Node<'a>, &str) -> Option<Node<'a>>,
    ) -> Node<'a> {
        let NodeKind::List(items) = &list.kind else {
            return list.clone();
        };
        let mut mapped = Vec::new();
        for (position, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{position}]");
            if let Some(item) = self.shaped(item, &item_path, Shape::Mapping) {
                mapped.extend(map(self, &item, &item_path));
            }
        }
        Node::new(NodeKind::List(Rc::from(mapped)), list.span)
    }

    /// The value of `key` in `mapping` when it has the shape the standard gives it; an
    /// absent or null value is none, a value of another shape a problem at `path`.
    fn known(
        &mut self,
        mapping: &Node<'a>,
        key: &str,
        path: &str,
        shape: Shape,
    ) -> Option<Node<'a>> {
        let value = entry(mapping, key)?;
        if matches!(value.kind, NodeKind::Null) {
            return None;
        }
        self.shaped(value, path, shape)
    }

    fn shaped(&mut self, value: &Node<'a>, path: &str, shape: Shape) -> Option<Node<'a>> {
        let fits = match shape {
            Shape::Scalar => !matches!(value.kind, NodeKind::List(_) | NodeKind::Record(_)),
            Shape::List | Shape::ListOrScalar => matches!(value.kind, NodeKind::List(_)),
            Shape::Mapping => matches!(value.kind, NodeKind::Record(_)),
        };
        if fits {
            return Some(value.clone());
        }
        let scalar = !matches!(value.kind, NodeKind::List(_) | NodeKind::Record(_));
        if matches!(shape, Shape::ListOrScalar) && scalar {
            let one = Rc::from(vec![value.clone()]);
            return Some(Node::new(NodeKind::List(one), value.span));
        }
        let expected = match shape {
            Shape::Scalar => "data-expected-string",
            Shape::List | Shape::ListOrScalar => "data-expected-list",
            Shape::Mapping => "data-expected-table",
        };
        self.wrong_shape(value, path, Message::new(expected));
        None
    }

    fn wrong_shape(&mut self, value: &Node<'_>, path: &str, expected: Message) {
        let message = expected_found(Phrase::feminine(expected), found(value, self.index));
        let mut problem = DataProblem::new(
            Code::DESCRIPTOR_TYPE,
            message,
            path.to_owned(),
            Some(self.index.loc(value.span)),
        );
        problem.help = Some(Message::new("data-help-publiccode-key").with("key", quoted(path)));
        self.problems.push(problem);
    }
}

/// `node` without the fields that `ty` does not declare, at every depth; a value whose
/// shape the type does not expect is kept as it is, for the converter to say so.
fn declared_only<'a>(node: Node<'a>, ty: &Ty, schema: &Schema) -> Node<'a> {
    match (&node.kind, ty) {
        (NodeKind::Record(entries), Ty::Record(id)) => {
            let Some(record) = schema.record(*id) else {
                return node;
            };
            let kept: Vec<Entry<'a>> = entries
                .iter()
                .filter_map(|entry| {
                    let field = record.fields.get(entry.key.as_ref())?;
                    Some(Entry {
                        key: entry.key.clone(),
                        key_span: entry.key_span,
                        value: declared_only(entry.value.clone(), &field.ty, schema),
                    })
                })
                .collect();
            Node::new(NodeKind::Record(Rc::from(kept)), node.span)
        }
        (NodeKind::List(items), Ty::List(element) | Ty::Set(element)) => {
            let kept: Vec<Node<'a>> = items
                .iter()
                .map(|item| declared_only(item.clone(), element, schema))
                .collect();
            Node::new(NodeKind::List(Rc::from(kept)), node.span)
        }
        _ => node,
    }
}

/// The value of `key` in a mapping node.
fn entry<'n, 'a>(mapping: &'n Node<'a>, key: &str) -> Option<&'n Node<'a>> {
    let NodeKind::Record(entries) = &mapping.kind else {
        return None;
    };
    entries
        .iter()
        .find(|entry| entry.key == key)
        .map(|entry| &entry.value)
}

/// The fields of one mapped record, in the documented order, the absent ones left out.
struct Fields<'a> {
    entries: Vec<Entry<'a>>,
    span: Span,
}

impl<'a> Fields<'a> {
    fn new(span: Span) -> Self {
        Self {
            entries: Vec::new(),
            span,
        }
    }

    fn push(&mut self, field: &'static str, value: Option<Node<'a>>) {
        if let Some(value) = value {
            self.entries.push(Entry {
                key: Cow::Borrowed(field),
                key_span: Span::empty_at(value.span.start),
                value,
            });
        }
    }

    fn into_node(self) -> Node<'a> {
        Node::new(NodeKind::Record(Rc::from(self.entries)), self.span)
    }
}

//! The schema of a pack (enums, records, the descriptor) and the types of expressions.

use std::fmt;

use clausier_diagnostics::{FileId, Span};
use indexmap::IndexMap;

use crate::bounds::FieldBounds;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EnumId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RecordId(pub u32);

/// The type of a value or an expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ty {
    Bool,
    Int,
    Number,
    Percent,
    Money,
    Date,
    /// A time of day: `08:30`.
    Time,
    /// A date and a time of day: `2027-01-04T08:30`.
    DateTime,
    Duration,
    String,
    List(Box<Ty>),
    Set(Box<Ty>),
    /// `map<K, V>`, keyed by strings or enum variants: a parameter's table.
    Map(Box<Ty>, Box<Ty>),
    Record(RecordId),
    Enum(EnumId),
    /// The type of an expression that already has an error; never reported again.
    Error,
}

impl Ty {
    pub fn is_numeric(&self) -> bool {
        matches!(self, Ty::Int | Ty::Number)
    }

    /// The element type of a list or set.
    pub fn element(&self) -> Option<&Ty> {
        match self {
            Ty::List(inner) | Ty::Set(inner) => Some(inner),
            _ => None,
        }
    }

    /// A view of the type that can print itself with the schema's names.
    pub fn display<'a>(&'a self, schema: &'a Schema) -> TyDisplay<'a> {
        TyDisplay { ty: self, schema }
    }
}

pub struct TyDisplay<'a> {
    ty: &'a Ty,
    schema: &'a Schema,
}

impl fmt::Display for TyDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ty {
            Ty::Bool => f.write_str("bool"),
            Ty::Int => f.write_str("int"),
            Ty::Number => f.write_str("number"),
            Ty::Percent => f.write_str("percent"),
            Ty::Money => f.write_str("money"),
            Ty::Date => f.write_str("date"),
            Ty::Time => f.write_str("time"),
            Ty::DateTime => f.write_str("datetime"),
            Ty::Duration => f.write_str("duration"),
            Ty::String => f.write_str("string"),
            Ty::List(inner) => write!(f, "list<{}>", inner.display(self.schema)),
            Ty::Set(inner) => write!(f, "set<{}>", inner.display(self.schema)),
            Ty::Map(key, value) => write!(
                f,
                "map<{}, {}>",
                key.display(self.schema),
                value.display(self.schema)
            ),
            Ty::Record(id) => match self.schema.record(*id).and_then(|r| r.name.as_deref()) {
                Some(name) => f.write_str(name),
                None => f.write_str("a record"),
            },
            Ty::Enum(id) => match self.schema.enum_def(*id) {
                Some(def) => f.write_str(&def.name),
                None => f.write_str("an enum"),
            },
            Ty::Error => f.write_str("{unknown}"),
        }
    }
}

/// Where a declaration was written, for diagnostics, hover and go-to-definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Origin {
    pub file: FileId,
    /// The declaring name's span.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumDef {
    pub name: String,
    pub docs: String,
    pub origin: Origin,
    /// In declaration order, which is the order of the values.
    pub variants: Vec<VariantDef>,
}

impl EnumDef {
    pub fn variant_index(&self, name: &str) -> Option<u32> {
        self.variants
            .iter()
            .position(|v| v.name == name)
            .and_then(|i| u32::try_from(i).ok())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantDef {
    pub name: String,
    pub docs: String,
    pub origin: Origin,
}

impl VariantDef {
    /// The label its doc comment gives it (see [`doc_label`]).
    pub fn label(&self) -> Option<&str> {
        doc_label(&self.docs)
    }
}

/// The label a doc comment gives a value, the « … » alone on the comment's first line
/// (`/// « Applications métiers »`), which reports and texts write instead of its name.
pub fn doc_label(docs: &str) -> Option<&str> {
    docs.trim()
        .lines()
        .next()?
        .trim()
        .strip_prefix('«')?
        .strip_suffix('»')
        .map(str::trim)
        .filter(|label| !label.is_empty() && !label.contains(['«', '»']))
}

/// A record type: a named `type`, an inline `{ … }`, or the descriptor itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordDef {
    /// `Some` for named types and for the descriptor (`descriptor`).
    pub name: Option<String>,
    /// In declaration order; a value's fields are stored at these indexes.
    pub fields: IndexMap<String, FieldDef>,
}

impl RecordDef {
    pub fn field(&self, name: &str) -> Option<(u32, &FieldDef)> {
        let (index, _, def) = self.fields.get_full(name)?;
        Some((u32::try_from(index).ok()?, def))
    }

    pub fn field_at(&self, index: u32) -> Option<(&str, &FieldDef)> {
        self.fields
            .get_index(index as usize)
            .map(|(name, def)| (name.as_str(), def))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDef {
    pub ty: Ty,
    pub docs: String,
    pub origin: Origin,
    /// The sides of the range its `where` gives; [`FieldDef::bounds`] adds the type's
    /// defaults.
    pub declared_bounds: FieldBounds,
}

impl FieldDef {
    /// The values the field admits: its `where`, and the type's default on a side the
    /// `where` leaves out.
    pub fn bounds(&self) -> FieldBounds {
        FieldBounds::of(&self.declared_bounds, &self.ty)
    }
}

/// Every type a pack declares. Ids index the vectors.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schema {
    pub enums: Vec<EnumDef>,
    pub records: Vec<RecordDef>,
    /// The record of the merged `descriptor` blocks.
    pub descriptor: RecordId,
    /// Named `type` declarations and what they stand for.
    pub aliases: IndexMap<String, (Ty, Origin)>,
    /// The lots of the contract, in order, as the root's `[document]` declares them;
    /// empty for a contract in one piece. Clauses name them in `lots "1"`, and each
    /// descriptor names those its offer bids for in its top-level `lots` key.
    pub lots: Vec<Lot>,
}

/// One lot of the contract (CCP L2113-10), as the root's `[document]` declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lot {
    /// What clauses (`lots "1"`) and descriptors name the lot by; unique in the pack.
    pub id: String,
    /// Its title, as the tender prints it after « Lot 1 — ».
    pub title: String,
}

/// The top-level descriptor key that names the lots an offer bids for: no pack may
/// declare a descriptor field of that name (E0217).
pub const LOTS_KEY: &str = "lots";

impl Schema {
    pub fn enum_def(&self, id: EnumId) -> Option<&EnumDef> {
        self.enums.get(id.0 as usize)
    }

    pub fn record(&self, id: RecordId) -> Option<&RecordDef> {
        self.records.get(id.0 as usize)
    }

    pub fn descriptor_record(&self) -> Option<&RecordDef> {
        self.record(self.descriptor)
    }

    pub fn enum_by_name(&self, name: &str) -> Option<(EnumId, &EnumDef)> {
        self.enums
            .iter()
            .enumerate()
            .find(|(_, def)| def.name == name)
            .and_then(|(i, def)| Some((EnumId(u32::try_from(i).ok()?), def)))
    }
}

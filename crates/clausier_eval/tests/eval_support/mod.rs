//! Builders for the evaluator's tests: a schema, typed expressions and checked packs
//! written by hand, and descriptors read from JSON by the real loader.

#![allow(
    dead_code,
    clippy::expect_used,
    clippy::panic,
    reason = "each test file uses a different part of the builders, which fail loudly"
)]

use std::str::FromStr;

use clausier_check::hir::{
    AggregateDef, AggregateId, ArithOp, CheckedPack, ClauseMeta, CriterionDef, FieldRef, FieldRoot,
    FieldStep, LocalId, ParamDef, ParamId, RequirementDef, TExpr, TExprKind,
};
use clausier_check::types::{
    EnumDef, EnumId, FieldDef, Origin, RecordDef, RecordId, Schema, Ty, VariantDef,
};
use clausier_check::value::{Duration, Value};
use clausier_check::{Checked, ops};
use clausier_data::descriptor::Descriptor;
use clausier_data::load::{self, Format, LoadOptions};
use clausier_diagnostics::Span;
use clausier_eval::report::{PackInfo, Report};
use clausier_eval::{Program, RunOptions, compile, run};
use clausier_syntax::ast::{AggregateKind, CompareOp, Level, ListAggregateKind, QuantifierKind};
use indexmap::IndexMap;
use jiff::civil::Date;
use rust_decimal::Decimal;

/// Builds a schema one declaration at a time.
#[derive(Default)]
pub struct SchemaBuilder {
    schema: Schema,
}

impl SchemaBuilder {
    pub fn enumeration(&mut self, name: &str, variants: &[&str]) -> Ty {
        let id = EnumId(self.schema.enums.len() as u32);
        self.schema.enums.push(EnumDef {
            name: name.to_owned(),
            docs: String::new(),
            origin: Origin::default(),
            variants: variants
                .iter()
                .map(|variant| VariantDef {
                    name: (*variant).to_owned(),
                    docs: String::new(),
                    origin: Origin::default(),
                })
                .collect(),
        });
        Ty::Enum(id)
    }

    pub fn record(&mut self, name: Option<&str>, fields: Vec<(&str, Ty)>) -> Ty {
        let id = RecordId(self.schema.records.len() as u32);
        let fields: IndexMap<String, FieldDef> = fields
            .into_iter()
            .map(|(field, ty)| {
                let def = FieldDef {
                    ty,
                    docs: String::new(),
                    origin: Origin::default(),
                    declared_bounds: Default::default(),
                };
                (field.to_owned(), def)
            })
            .collect();
        self.schema.records.push(RecordDef {
            name: name.map(str::to_owned),
            fields,
        });
        Ty::Record(id)
    }

    pub fn descriptor(mut self, fields: Vec<(&str, Ty)>) -> Schema {
        let Ty::Record(id) = self.record(Some("descriptor"), fields) else {
            unreachable!("a record type")
        };
        self.schema.descriptor = id;
        self.schema
    }
}

fn list(ty: Ty) -> Ty {
    Ty::List(Box::new(ty))
}

fn set(ty: Ty) -> Ty {
    Ty::Set(Box::new(ty))
}

/// The descriptor of the design brief's example pack.
pub fn edtech_schema() -> Schema {
    let mut b = SchemaBuilder::default();
    let tier = b.enumeration("Tier", &["I", "II", "III", "IV"]);
    let region = b.enumeration("Region", &["EU", "EEA", "ADEQUATE", "OTHER"]);
    let subprocessor = b.record(
        Some("Subprocessor"),
        vec![
            ("name", Ty::String),
            ("region", region.clone()),
            ("purpose", Ty::String),
        ],
    );
    let hosting = b.record(
        None,
        vec![
            ("region", region),
            ("country", Ty::String),
            ("provider", Ty::String),
            ("secnumcloud", Ty::Bool),
        ],
    );
    let gar = b.record(None, vec![("compliant", Ty::Bool)]);
    let evidence = b.record(None, vec![("tier", tier)]);
    let accessibility = b.record(None, vec![("rgaa_rate", Ty::Percent)]);
    let security = b.record(
        None,
        vec![("iso27001", Ty::Bool), ("iso27001_expires", Ty::Date)],
    );
    let pricing = b.record(None, vec![("per_student", Ty::Money)]);
    let reversibility = b.record(
        None,
        vec![
            ("export_formats", set(Ty::String)),
            ("notice", Ty::Duration),
        ],
    );
    b.descriptor(vec![
        ("id", Ty::String),
        ("name", Ty::String),
        ("hosting", hosting),
        ("subprocessors", list(subprocessor)),
        ("gar", gar),
        ("evidence", evidence),
        ("accessibility", accessibility),
        ("standards", set(Ty::String)),
        ("security", security),
        ("pricing", pricing),
        ("reversibility", reversibility),
    ])
}

/// Typed expressions over a schema, resolved the way the checker resolves them.
pub struct Exprs<'a> {
    pub schema: &'a Schema,
}

pub fn expr(kind: TExprKind, ty: Ty) -> TExpr {
    TExpr {
        kind,
        ty,
        span: Span::default(),
    }
}

impl Exprs<'_> {
    /// A descriptor field by its dotted path.
    pub fn field(&self, path: &str) -> TExpr {
        let (field, ty) = self.resolve(FieldRoot::Descriptor, self.schema.descriptor, path, path);
        expr(TExprKind::Field(field), ty)
    }

    /// `var.path` where `var` is bound to a record of type `record`.
    pub fn local_field(&self, local: LocalId, var: &str, record: &Ty, path: &str) -> TExpr {
        let Ty::Record(id) = record else {
            panic!("`{var}` is not bound to a record")
        };
        let text = format!("{var}.{path}");
        let (field, ty) = self.resolve(FieldRoot::Local(local), *id, path, &text);
        expr(TExprKind::Field(field), ty)
    }

    pub fn has(&self, path: &str) -> TExpr {
        let (field, _) = self.resolve(FieldRoot::Descriptor, self.schema.descriptor, path, path);
        expr(TExprKind::Has(field), Ty::Bool)
    }

    fn resolve(&self, root: FieldRoot, record: RecordId, path: &str, text: &str) -> (FieldRef, Ty) {
        let mut record = record;
        let mut steps = Vec::new();
        let mut ty = Ty::Error;
        for name in path.split('.') {
            let def = self.schema.record(record).expect("a record");
            let (index, field) = def
                .field(name)
                .unwrap_or_else(|| panic!("no field `{name}` in `{path}`"));
            steps.push(FieldStep {
                record,
                field: index,
            });
            ty = field.ty.clone();
            if let Ty::Record(next) = ty {
                record = next;
            }
        }
        let field = FieldRef {
            root,
            steps,
            text: text.to_owned(),
        };
        (field, ty)
    }

    pub fn variant(&self, enumeration: &str, name: &str) -> TExpr {
        let (id, def) = self.schema.enum_by_name(enumeration).expect("an enum");
        let index = def.variant_index(name).expect("a variant");
        expr(TExprKind::Const(Value::Enum(id, index)), Ty::Enum(id))
    }
}

pub fn local(id: LocalId, ty: Ty) -> TExpr {
    expr(TExprKind::Local(id), ty)
}

pub fn boolean(value: bool) -> TExpr {
    expr(TExprKind::Const(Value::Bool(value)), Ty::Bool)
}

pub fn decimal(text: &str) -> Decimal {
    Decimal::from_str(text).expect("a decimal")
}

pub fn number(text: &str) -> TExpr {
    let ty = if text.contains('.') {
        Ty::Number
    } else {
        Ty::Int
    };
    expr(TExprKind::Const(Value::Number(decimal(text))), ty)
}

pub fn percent(text: &str) -> TExpr {
    expr(TExprKind::Const(Value::Percent(decimal(text))), Ty::Percent)
}

pub fn money(text: &str) -> TExpr {
    expr(TExprKind::Const(Value::Money(decimal(text))), Ty::Money)
}

pub fn string(text: &str) -> TExpr {
    expr(TExprKind::Const(Value::String(text.into())), Ty::String)
}

pub fn time_of_day(hour: i8, minute: i8) -> TExpr {
    let time = jiff::civil::time(hour, minute, 0, 0);
    expr(TExprKind::Const(Value::Time(time)), Ty::Time)
}

pub fn datetime(text: &str) -> TExpr {
    let at: jiff::civil::DateTime = text.parse().expect("a date and time");
    expr(TExprKind::Const(Value::DateTime(at)), Ty::DateTime)
}

pub fn date(text: &str) -> TExpr {
    let date: Date = text.parse().expect("a date");
    expr(TExprKind::Const(Value::Date(date)), Ty::Date)
}

pub fn duration(months: i64, days: i64) -> TExpr {
    expr(
        TExprKind::Const(Value::Duration(Duration::new(months, days))),
        Ty::Duration,
    )
}

pub fn duration_with_time(months: i64, days: i64, seconds: i64) -> TExpr {
    let value = Duration {
        months,
        days,
        seconds,
    };
    expr(TExprKind::Const(Value::Duration(value)), Ty::Duration)
}

pub fn today() -> TExpr {
    expr(TExprKind::Today, Ty::Date)
}

pub fn not(operand: TExpr) -> TExpr {
    expr(TExprKind::Not(Box::new(operand)), Ty::Bool)
}

/// `siret(text)`, `matches(text, "…")` and the other text checks.
pub fn text_check(check: clausier_check::text_functions::TextCheck, text: TExpr) -> TExpr {
    expr(
        TExprKind::TextCheck {
            check,
            text: Box::new(text),
        },
        Ty::Bool,
    )
}

pub fn neg(operand: TExpr) -> TExpr {
    let ty = operand.ty.clone();
    expr(TExprKind::Neg(Box::new(operand)), ty)
}

pub fn and(lhs: TExpr, rhs: TExpr) -> TExpr {
    expr(TExprKind::And(Box::new(lhs), Box::new(rhs)), Ty::Bool)
}

pub fn or(lhs: TExpr, rhs: TExpr) -> TExpr {
    expr(TExprKind::Or(Box::new(lhs), Box::new(rhs)), Ty::Bool)
}

pub fn implies(lhs: TExpr, rhs: TExpr) -> TExpr {
    expr(TExprKind::Implies(Box::new(lhs), Box::new(rhs)), Ty::Bool)
}

pub fn compare(op: CompareOp, lhs: TExpr, rhs: TExpr) -> TExpr {
    assert!(
        ops::comparison_allowed(op, &lhs.ty, &rhs.ty),
        "ill-typed comparison"
    );
    expr(
        TExprKind::Compare(op, Box::new(lhs), Box::new(rhs)),
        Ty::Bool,
    )
}

pub fn eq(lhs: TExpr, rhs: TExpr) -> TExpr {
    compare(CompareOp::Eq, lhs, rhs)
}

pub fn arith(op: ArithOp, lhs: TExpr, rhs: TExpr) -> TExpr {
    let ty = ops::arith_type(op, &lhs.ty, &rhs.ty).expect("well-typed arithmetic");
    expr(TExprKind::Arith(op, Box::new(lhs), Box::new(rhs)), ty)
}

pub fn contains(item: TExpr, collection: TExpr) -> TExpr {
    expr(
        TExprKind::In(Box::new(item), Box::new(collection)),
        Ty::Bool,
    )
}

pub fn list_of(items: Vec<TExpr>, element: Ty) -> TExpr {
    expr(TExprKind::List(items), Ty::List(Box::new(element)))
}

pub fn quantifier(
    kind: QuantifierKind,
    var: LocalId,
    name: &str,
    collection: TExpr,
    body: TExpr,
) -> TExpr {
    expr(
        TExprKind::Quantifier {
            kind,
            var,
            var_name: name.to_owned(),
            collection: Box::new(collection),
            body: Box::new(body),
        },
        Ty::Bool,
    )
}

pub fn all(var: LocalId, name: &str, collection: TExpr, body: TExpr) -> TExpr {
    quantifier(QuantifierKind::All, var, name, collection, body)
}

pub fn any(var: LocalId, name: &str, collection: TExpr, body: TExpr) -> TExpr {
    quantifier(QuantifierKind::Any, var, name, collection, body)
}

pub fn count(collection: TExpr) -> TExpr {
    expr(
        TExprKind::Count {
            collection: Box::new(collection),
            filter: None,
        },
        Ty::Int,
    )
}

pub fn count_where(var: LocalId, name: &str, collection: TExpr, condition: TExpr) -> TExpr {
    expr(
        TExprKind::Count {
            collection: Box::new(collection),
            filter: Some((var, name.to_owned(), Box::new(condition))),
        },
        Ty::Int,
    )
}

/// `sum(x in xs: e)` and the like, of type `ty`.
pub fn list_aggregate_of(
    kind: ListAggregateKind,
    var: LocalId,
    name: &str,
    collection: TExpr,
    value: TExpr,
    ty: Ty,
) -> TExpr {
    expr(
        TExprKind::ListAggregate {
            kind,
            collection: Box::new(collection),
            projection: Some((var, name.to_owned(), Box::new(value))),
        },
        ty,
    )
}

pub fn if_then_else(cond: TExpr, then_branch: TExpr, else_branch: TExpr) -> TExpr {
    let ty = then_branch.ty.clone();
    expr(
        TExprKind::If(Box::new(cond), Box::new(then_branch), Box::new(else_branch)),
        ty,
    )
}

/// Builds a checked pack named `test` around a schema.
pub struct PackBuilder {
    pub pack: CheckedPack,
}

fn meta(id: &str) -> ClauseMeta {
    ClauseMeta {
        id: id.to_owned(),
        title: format!("{id} title"),
        docs: String::new(),
        lots: Vec::new(),
        text: None,
        note: None,
        refs: Vec::new(),
        evidence: Vec::new(),
        origin: Origin::default(),
        span: Span::default(),
        pack: "test".to_owned(),
        version: "1.0.0".to_owned(),
    }
}

impl PackBuilder {
    pub fn new(schema: Schema) -> Self {
        Self {
            pack: CheckedPack {
                schema,
                ..CheckedPack::default()
            },
        }
    }

    pub fn param(&mut self, name: &str, value: Value, ty: Ty) -> TExpr {
        let id = ParamId(self.pack.params.len() as u32);
        self.pack.params.push(ParamDef {
            name: name.to_owned(),
            ty: ty.clone(),
            default: value.clone(),
            value,
            docs: String::new(),
            origin: Origin::default(),
            pack: "test".to_owned(),
            set_in: None,
            derivation: None,
            computed_from: Vec::new(),
        });
        expr(TExprKind::Param(id), ty)
    }

    pub fn requirement(
        &mut self,
        id: &str,
        level: Level,
        when: Option<TExpr>,
        require: TExpr,
    ) -> &mut Self {
        self.pack.requirements.push(RequirementDef {
            meta: meta(id),
            level,
            when,
            require,
            documents: Vec::new(),
            no_equivalent: None,
            locals: 4,
        });
        self
    }

    pub fn must(&mut self, id: &str, require: TExpr) -> &mut Self {
        self.requirement(id, Level::Must, None, require)
    }

    pub fn should(&mut self, id: &str, require: TExpr) -> &mut Self {
        self.requirement(id, Level::Should, None, require)
    }

    pub fn criterion(&mut self, id: &str, weight: &str, score: TExpr) -> &mut Self {
        self.pack.criteria.push(CriterionDef {
            meta: meta(id),
            weight: decimal(weight),
            score,
            locals: 4,
        });
        self
    }

    /// `lowest(path)` or `highest(path)` over the run.
    pub fn aggregate(&mut self, kind: AggregateKind, path: &str) -> TExpr {
        let exprs = Exprs {
            schema: &self.pack.schema,
        };
        let read = exprs.field(path);
        let (TExprKind::Field(field), ty) = (&read.kind, read.ty.clone()) else {
            unreachable!("a field")
        };
        let field = field.clone();
        let id = AggregateId(self.pack.aggregates.len() as u32);
        self.pack.aggregates.push(AggregateDef { kind, field });
        expr(TExprKind::Aggregate(id), ty)
    }
}

/// Reads a JSON descriptor with the loader, as `check` does.
pub fn json_descriptor(schema: &Schema, source: &str, text: &str) -> Descriptor {
    let mut descriptors =
        load::load_text(schema, source, text, Format::Json, &LoadOptions::default());
    assert_eq!(descriptors.len(), 1, "one descriptor per JSON file");
    descriptors.remove(0)
}

pub fn pack_info() -> PackInfo {
    PackInfo {
        name: "test".to_owned(),
        version: "1.0.0".to_owned(),
        hash: "sha256:0000".to_owned(),
    }
}

pub fn run_date() -> Date {
    Date::constant(2026, 11, 28)
}

/// Compiles a pack the test built by hand, or checked without errors: wrapped with no
/// diagnostics, it is valid.
pub fn compile_valid(pack: &CheckedPack) -> Program {
    let checked = Checked {
        pack: pack.clone(),
        diagnostics: Vec::new(),
    };
    let Some(valid) = checked.valid() else {
        unreachable!("a pack without diagnostics is valid");
    };
    compile(valid)
}

/// Compiles the pack and checks the descriptors on 2026-11-28 with `jobs` threads.
pub fn check(pack: &CheckedPack, descriptors: &[Descriptor], jobs: usize) -> Report {
    let program = compile_valid(pack);
    run(
        &program,
        pack_info(),
        descriptors,
        &RunOptions::new(run_date(), jobs),
    )
}

pub fn pretty(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("a report serializes")
}

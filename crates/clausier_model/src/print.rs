//! Writes a model pack as a clause file and offers as NDJSON, for the engine to read.

use std::fmt::Write as _;

use crate::ast::{
    Arith, Cmp, DurationUnit, Expr, Pack, REGIONS, SUPPLIER, WEEKDAYS, descriptor_fields,
};
use crate::calendar::Day;
use crate::number::Num;
use crate::value::Value;
use crate::verdict::Source;

/// The clause file of a pack: the schema, then its parameters, requirements and criteria.
pub fn clause_file(pack: &Pack) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "enum Region {{ {} }}\n", REGIONS.join(", "));
    let supplier: Vec<String> = SUPPLIER
        .iter()
        .map(|(name, ty)| format!("{name}: {}", ty.source()))
        .collect();
    let _ = writeln!(out, "type Supplier = {{ {} }}\n", supplier.join(", "));
    out.push_str("descriptor {\n");
    for (name, ty) in descriptor_fields() {
        let _ = writeln!(out, "  {name}: {}", ty.source());
    }
    out.push_str("}\n\n");
    for param in &pack.params {
        let _ = writeln!(
            out,
            "param {}: {} = {}",
            param.name,
            param.ty.source(),
            expr(&param.value)
        );
    }
    for requirement in &pack.requirements {
        let _ = writeln!(
            out,
            "\nrequirement {} \"{}\" {{",
            requirement.id, requirement.id
        );
        if !requirement.must {
            out.push_str("  level should\n");
        }
        out.push_str(&lots_line(&requirement.lots));
        if let Some(reason) = &requirement.no_equivalent {
            let _ = writeln!(out, "  no_equivalent {}", string(reason));
        }
        if let Some(when) = &requirement.when {
            let _ = writeln!(out, "  when {}", expr(when));
        }
        for document in &requirement.documents {
            let from = if document.proof.is_empty() {
                String::new()
            } else {
                format!(" from {}", document.proof.join(", "))
            };
            let _ = writeln!(
                out,
                "  evidence {}{from} \"Pièce\"",
                document.path.join(".")
            );
        }
        let _ = writeln!(out, "  require {}", expr(&requirement.require));
        out.push_str("}\n");
    }
    for criterion in &pack.criteria {
        let _ = writeln!(
            out,
            "\ncriterion {} \"{}\" weight {} {{\n{}  score {}\n}}",
            criterion.id,
            criterion.id,
            criterion.weight,
            lots_line(&criterion.lots),
            expr(&criterion.score)
        );
    }
    out
}

/// A clause's `lots` line, or nothing for a clause on every lot.
fn lots_line(lots: &[String]) -> String {
    if lots.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = lots.iter().map(|id| format!("\"{id}\"")).collect();
    format!("  lots {}\n", quoted.join(", "))
}

/// The pack's `pack.toml`, which declares its lots in `[document]`; `None` for a
/// contract in one piece, which the clause file alone describes.
pub fn manifest(pack: &Pack) -> Option<String> {
    if pack.lots.is_empty() {
        return None;
    }
    let mut out =
        String::from("[pack]\nname = \"modele\"\nversion = \"1.0.0\"\n\n[document]\nlots = [\n");
    for id in &pack.lots {
        let _ = writeln!(out, "  {{ id = \"{id}\", title = \"Lot {id}\" }},");
    }
    out.push_str("]\n");
    Some(out)
}

/// An expression as source text. Every operand that is not atomic is parenthesized, so
/// the text means exactly the tree whatever the precedence rules.
pub fn expr(e: &Expr) -> String {
    match e {
        Expr::Bool(b) => b.to_string(),
        Expr::Int(n) if *n < 0 => format!("(-{})", n.unsigned_abs()),
        Expr::Int(n) => n.to_string(),
        Expr::Number(n) => signed(n, &number_literal(n), ""),
        Expr::Percent(n) => signed(n, &n.abs().to_decimal_string(), "%"),
        Expr::Money(n) => signed(n, &n.abs().to_decimal_string(), " €"),
        Expr::Date(day) => day.to_string(),
        Expr::Time(clock) => clock.to_string(),
        Expr::DateTime(moment) => moment.to_string(),
        Expr::Duration(amount, unit) => {
            let name = match unit {
                DurationUnit::Days => "day",
                DurationUnit::Weeks => "week",
                DurationUnit::Months => "month",
                DurationUnit::Years => "year",
                DurationUnit::Hours => "hour",
                DurationUnit::Minutes => "minute",
            };
            let plural = if *amount == 1 { "" } else { "s" };
            format!("{amount} {name}{plural}")
        }
        Expr::Str(text) => string(text),
        Expr::Variant(index) => format!("Region.{}", REGIONS[*index]),
        Expr::List { items, .. } => {
            let items: Vec<String> = items.iter().map(expr).collect();
            format!("[{}]", items.join(", "))
        }
        Expr::Field(path) => path.join("."),
        Expr::Local(var, path) => {
            let mut text = format!("v{var}");
            for step in path {
                text.push('.');
                text.push_str(step);
            }
            text
        }
        Expr::Param(index) => format!("p{index}"),
        Expr::Today => "today".to_owned(),
        Expr::Has(path) => format!("(has {})", path.join(".")),
        Expr::TextCheck(check, text) => check.call(&expr(text)),
        Expr::WeekdayIn(of, days) => format!("(weekday({}) in {})", expr(of), day_list(days)),
        Expr::BusinessDuration {
            start,
            end,
            days,
            opens,
            closes,
        } => format!(
            "business_duration({}, {}, {}, {}, {})",
            expr(start),
            expr(end),
            day_list(days),
            expr(opens),
            expr(closes)
        ),
        Expr::Not(operand) => format!("(not {})", operand_text(operand)),
        Expr::Neg(operand) => format!("(-{})", operand_text(operand)),
        Expr::And(l, r) => binary(l, "and", r),
        Expr::Or(l, r) => binary(l, "or", r),
        Expr::Implies(l, r) => binary(l, "implies", r),
        Expr::Compare(op, l, r) => {
            let op = match op {
                Cmp::Eq => "==",
                Cmp::Ne => "!=",
                Cmp::Lt => "<",
                Cmp::Le => "<=",
                Cmp::Gt => ">",
                Cmp::Ge => ">=",
            };
            binary(l, op, r)
        }
        Expr::Arith(op, l, r) => {
            let op = match op {
                Arith::Add => "+",
                Arith::Sub => "-",
                Arith::Mul => "*",
                Arith::Div => "/",
            };
            binary(l, op, r)
        }
        Expr::In(item, collection) => binary(item, "in", collection),
        Expr::Table(entries) if entries.is_empty() => "{}".to_owned(),
        Expr::Table(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(key, value)| {
                    // A key is a name or a string, never `Region.EU`.
                    let key = match key {
                        Expr::Variant(index) => REGIONS[*index].to_owned(),
                        other => expr(other),
                    };
                    format!("{key}: {}", expr(value))
                })
                .collect();
            format!("{{ {} }}", entries.join(", "))
        }
        Expr::Index(param, key) => format!("p{param}[{}]", expr(key)),
        Expr::ParamField(param, name) => format!("p{param}.{name}"),
        Expr::Record(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(name, value)| format!("{name}: {}", expr(value)))
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }
        Expr::Quantifier {
            all,
            var,
            collection,
            body,
        } => format!(
            "({} v{var} in {}: {})",
            if *all { "all" } else { "any" },
            operand_text(collection),
            operand_text(body)
        ),
        Expr::Count(collection) => format!("count({})", expr(collection)),
        Expr::CountWhere {
            var,
            collection,
            condition,
        } => format!(
            "count(v{var} in {}: {})",
            operand_text(collection),
            operand_text(condition)
        ),
        Expr::Reduce {
            reduce,
            collection,
            projection,
            ..
        } => match projection {
            None => format!("{}({})", reduce.word(), expr(collection)),
            Some((var, projected)) => format!(
                "{}(v{var} in {}: {})",
                reduce.word(),
                operand_text(collection),
                operand_text(projected)
            ),
        },
        Expr::If(c, a, b) => format!(
            "(if {} then {} else {})",
            operand_text(c),
            operand_text(a),
            operand_text(b)
        ),
        Expr::Aggregate { lowest, path } => format!(
            "{}({})",
            if *lowest { "lowest" } else { "highest" },
            path.join(".")
        ),
        Expr::Passed(index) => format!("passed(R-{index})"),
    }
}

fn operand_text(e: &Expr) -> String {
    let text = expr(e);
    if text.starts_with('(') || is_atom(e) {
        text
    } else {
        format!("({text})")
    }
}

fn is_atom(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Bool(_)
            | Expr::Int(_)
            | Expr::Number(_)
            | Expr::Percent(_)
            | Expr::Money(_)
            | Expr::Date(_)
            | Expr::Time(_)
            | Expr::DateTime(_)
            | Expr::Str(_)
            | Expr::Variant(_)
            | Expr::List { .. }
            | Expr::Field(_)
            | Expr::Local(..)
            | Expr::Param(_)
            | Expr::ParamField(..)
            | Expr::Record(_)
            | Expr::Today
            | Expr::Count(_)
            | Expr::CountWhere { .. }
            | Expr::Reduce { .. }
            | Expr::Aggregate { .. }
            | Expr::Passed(_)
            | Expr::TextCheck(..)
            | Expr::BusinessDuration { .. }
    )
}

/// `[lundi, mercredi]`: days by their French names.
fn day_list(days: &[usize]) -> String {
    let names: Vec<&str> = days
        .iter()
        .filter_map(|day| WEEKDAYS.get(*day).copied())
        .collect();
    format!("[{}]", names.join(", "))
}

fn binary(l: &Expr, op: &str, r: &Expr) -> String {
    format!("({} {op} {})", operand_text(l), operand_text(r))
}

/// A number literal keeps a decimal point, so that it is a `number` and not an `int`.
fn number_literal(n: &Num) -> String {
    let text = n.abs().to_decimal_string();
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

fn signed(n: &Num, magnitude: &str, suffix: &str) -> String {
    if n < &Num::zero() {
        format!("(-{magnitude}{suffix})")
    } else {
        format!("{magnitude}{suffix}")
    }
}

fn string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// How a descriptor writes one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// Numbers for money and percent, ISO 8601 for durations.
    Plain,
    /// `"4.50 €"`, `"75%"`, `"6 months"`.
    Worded,
}

/// An offer as one line of NDJSON.
pub fn json_line(value: &Value, spelling: &dyn Fn() -> Spelling) -> String {
    let mut out = String::new();
    json(value, spelling, &mut out);
    out
}

/// The claim of an equivalent an offer writes on a field: what, by whom, which document.
pub const CLAIM: &str = concat!(
    r#"{"label":"ISO 27001 et 27018","issuer":"Bureau Veritas","#,
    r#""document":"Certificat BV-2025-77"}"#
);

/// What an offer writes beside its top-level values, in their `$`-keyed form.
pub struct Evidence<'a> {
    /// Last valid days (`"$valid_until": "2026-11-28"`).
    pub valid_until: &'a [(&'static str, Day)],
    /// Claims of an equivalent ([`CLAIM`] as `"$equivalent"`).
    pub claims: &'a [&'static str],
    /// Where values come from (`"$source": "document"`, or a record with a reference).
    pub sources: &'a [Source],
}

/// As [`json_line`], each top-level field that `evidence` names written in the
/// `$`-keyed form, with what it says of the field.
pub fn json_line_with_evidence(
    value: &Value,
    evidence: &Evidence<'_>,
    spelling: &dyn Fn() -> Spelling,
) -> String {
    let Evidence {
        valid_until,
        claims,
        sources,
    } = evidence;
    let Value::Record(fields) = value else {
        return json_line(value, spelling);
    };
    let mut out = String::new();
    json_record(fields, &mut out, |name, field, out| {
        let last_day = valid_until.iter().find(|(named, _)| *named == name);
        let claimed = claims.contains(&name);
        let source = sources.iter().find(|source| source.field == name);
        if last_day.is_none() && !claimed && source.is_none() {
            json(field, spelling, out);
            return;
        }
        out.push_str("{\"$value\":");
        json(field, spelling, out);
        if let Some((_, day)) = last_day {
            out.push_str(",\"$valid_until\":");
            out.push_str(&string(&day.to_string()));
        }
        if claimed {
            out.push_str(",\"$equivalent\":");
            out.push_str(CLAIM);
        }
        if let Some(source) = source {
            out.push_str(",\"$source\":");
            if source.detailed {
                let _ = write!(
                    out,
                    "{{\"kind\":{},\"reference\":\"Réf. 2026-118\",\"issuer\":\"AFNOR\"}}",
                    string(source.kind)
                );
            } else {
                out.push_str(&string(source.kind));
            }
        }
        out.push('}');
    });
    out
}

/// `{"name":…,…}`: each present field of a record, its value written by `value`.
fn json_record(
    fields: &[(&'static str, Option<Value>)],
    out: &mut String,
    mut value: impl FnMut(&'static str, &Value, &mut String),
) {
    out.push('{');
    let mut first = true;
    for (name, field) in fields {
        let Some(field) = field else { continue };
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&string(name));
        out.push(':');
        value(name, field, out);
    }
    out.push('}');
}

fn json(value: &Value, spelling: &dyn Fn() -> Spelling, out: &mut String) {
    match value {
        Value::Bool(b) => out.push_str(&b.to_string()),
        Value::Num(n) => out.push_str(&n.to_decimal_string()),
        Value::Percent(n) => match spelling() {
            Spelling::Plain => out.push_str(&n.to_decimal_string()),
            Spelling::Worded => out.push_str(&string(&format!("{}%", n.to_decimal_string()))),
        },
        Value::Money(n) => match spelling() {
            Spelling::Plain => out.push_str(&n.to_decimal_string()),
            Spelling::Worded => out.push_str(&string(&format!("{} €", n.to_decimal_string()))),
        },
        Value::Date(day) => out.push_str(&string(&day.to_string())),
        // A descriptor may give the seconds, which are then zero.
        Value::Time(clock) => match spelling() {
            Spelling::Plain => out.push_str(&string(&clock.to_string())),
            Spelling::Worded => out.push_str(&string(&format!("{clock}:00"))),
        },
        Value::DateTime(moment) => match spelling() {
            Spelling::Plain => out.push_str(&string(&moment.to_string())),
            Spelling::Worded => out.push_str(&string(&format!("{moment}:00"))),
        },
        Value::Duration(span) => {
            let text = match (spelling(), span.months, span.days, span.seconds) {
                (Spelling::Worded, 0, days, 0) => format!("{days} days"),
                (Spelling::Worded, months, 0, 0) => format!("{months} months"),
                (Spelling::Worded, 0, 0, seconds) if seconds % 3600 == 0 => {
                    format!("{} hours", seconds / 3600)
                }
                (_, 0, days, 0) => format!("P{days}D"),
                (_, months, 0, 0) => format!("P{months}M"),
                (_, months, days, 0) => format!("P{months}M{days}D"),
                (_, 0, 0, seconds) if seconds % 60 == 0 => format!("PT{}M", seconds / 60),
                (_, months, days, seconds) => format!("P{months}M{days}DT{seconds}S"),
            };
            out.push_str(&string(&text));
        }
        Value::Str(text) => out.push_str(&string(text)),
        Value::Variant(index) => out.push_str(&string(REGIONS[*index])),
        Value::List(items, _) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json(item, spelling, out);
            }
            out.push(']');
        }
        Value::Record(fields) => {
            json_record(fields, out, |_, field, out| json(field, spelling, out));
        }
        // A descriptor holds no table: the generator never writes one.
        Value::Map(_) => out.push_str("{}"),
    }
}

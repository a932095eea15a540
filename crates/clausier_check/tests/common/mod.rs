//! Helpers shared by the checker's tests: check clause text, and render what came out
//! compactly enough to read in a snapshot.

#![allow(dead_code, reason = "each test file uses a part of the helpers")]

use std::fmt::Write as _;

use clausier_check::hir::{CheckedPack, TExpr, TExprKind};
use clausier_check::{Checked, Lot, PackGraph, PackInput, check_graph, check_pack};
use clausier_diagnostics::{Diagnostic, FileId, Lang, SourceFile, SourceMap, Span};
use clausier_syntax::ast::{AggregateKind, QuantifierKind};

/// Clause files and what checking them gave.
pub struct Outcome {
    pub sources: SourceMap,
    pub checked: Checked,
}

impl Outcome {
    pub fn pack(&self) -> &CheckedPack {
        &self.checked.pack
    }

    /// The diagnostics, one block each, in the order they are returned.
    pub fn diagnostics(&self) -> String {
        render_diagnostics(&self.sources, &self.checked.diagnostics)
    }

    pub fn codes(&self) -> Vec<&'static str> {
        self.checked
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect()
    }

    /// The typed tree of a requirement's `require`.
    #[expect(
        clippy::panic,
        reason = "asking for a clause the pack lacks fails the test"
    )]
    pub fn require_of(&self, id: &str) -> String {
        let pack = self.pack();
        let requirement = pack
            .requirements
            .iter()
            .find(|r| r.meta.id == id)
            .unwrap_or_else(|| panic!("no requirement `{id}`"));
        render_texpr(pack, &requirement.require)
    }

    #[expect(
        clippy::panic,
        reason = "asking for a clause the pack lacks fails the test"
    )]
    pub fn score_of(&self, id: &str) -> String {
        let pack = self.pack();
        let criterion = pack
            .criteria
            .iter()
            .find(|c| c.meta.id == id)
            .unwrap_or_else(|| panic!("no criterion `{id}`"));
        render_texpr(pack, &criterion.score)
    }

    /// The text a span covers in the file it belongs to.
    pub fn text_at(&self, file: FileId, span: Span) -> &str {
        self.sources.get(file).map_or("", |f| f.slice(span))
    }
}

/// Checks one file, `main.clause`, after asserting that it parses without error: the
/// tests are about the checker.
pub fn check(source: &str) -> Outcome {
    check_files(&[("main.clause", source)])
}

/// Checks one file as the root of a tender divided into the lots given (id, title).
#[allow(dead_code, reason = "only some suites use lots")]
pub fn check_with_lots(source: &str, lots: &[(&str, &str)]) -> Outcome {
    let mut sources = SourceMap::new();
    let id = sources.add(SourceFile::new("main.clause", source));
    let parse = clausier_syntax::parse(id, source);
    assert!(
        parse.diagnostics.is_empty(),
        "the test source does not parse"
    );
    let lots: Vec<Lot> = lots
        .iter()
        .map(|(id, title)| Lot {
            id: (*id).to_owned(),
            title: (*title).to_owned(),
        })
        .collect();
    let files = [(id, &parse.ast)];
    let checked = check_graph(&PackGraph {
        packs: vec![PackInput {
            name: "test-pack",
            version: "1.0.0",
            files: &files,
            dependencies: Vec::new(),
            overrides: Vec::new(),
        }],
        sources: &sources,
        launch: None,
        lots: &lots,
    });
    Outcome { sources, checked }
}

/// Checks several files as one pack, `test-pack`.
pub fn check_files(files: &[(&str, &str)]) -> Outcome {
    let mut sources = SourceMap::new();
    let mut trees = Vec::new();
    for (name, text) in files {
        let id = sources.add(SourceFile::new(*name, *text));
        let parse = clausier_syntax::parse(id, text);
        let parse_errors = render_diagnostics(&sources, &parse.diagnostics);
        assert!(
            parse.diagnostics.is_empty(),
            "the test source {name} does not parse:\n{parse_errors}"
        );
        trees.push((id, parse.ast));
    }
    let refs: Vec<(FileId, &clausier_syntax::ast::SourceFileAst)> =
        trees.iter().map(|(id, ast)| (*id, ast)).collect();
    let checked = check_pack("test-pack", &refs);
    Outcome { sources, checked }
}

fn position(sources: &SourceMap, file: FileId, span: Span) -> String {
    let Some(source) = sources.get(file) else {
        return format!("?{}..{}", span.start, span.end);
    };
    let start = source.line_col(span.start);
    let end = source.line_col(span.end);
    if start.line == end.line {
        format!(
            "{}:{}:{}-{}",
            source.name(),
            start.line,
            start.column,
            end.column
        )
    } else {
        format!(
            "{}:{}:{}-{}:{}",
            source.name(),
            start.line,
            start.column,
            end.line,
            end.column
        )
    }
}

pub fn render_diagnostics(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        let at = diagnostic.primary_label().map_or_else(
            || "nowhere".to_owned(),
            |l| position(sources, l.file, l.span),
        );
        let _ = writeln!(
            out,
            "{}[{}] {at}: {}",
            diagnostic.severity.as_str(),
            diagnostic.code,
            diagnostic.message.text(Lang::En)
        );
        for label in &diagnostic.labels {
            let kind = if label.primary {
                "primary"
            } else {
                "secondary"
            };
            let _ = writeln!(
                out,
                "  {kind} {}: {}",
                position(sources, label.file, label.span),
                label.message.text(Lang::En)
            );
        }
        for note in &diagnostic.notes {
            let _ = writeln!(out, "  note: {}", note.text(Lang::En));
        }
        if let Some(help) = &diagnostic.help {
            let _ = writeln!(out, "  help: {}", help.text(Lang::En));
        }
        for fix in &diagnostic.fixes {
            for (file, span, text) in &fix.edits {
                let _ = writeln!(
                    out,
                    "  fix `{}`: {} -> `{text}`",
                    fix.title.text(Lang::En),
                    position(sources, *file, *span)
                );
            }
        }
    }
    if out.is_empty() {
        out.push_str("no diagnostics\n");
    }
    out
}

/// A typed expression as an s-expression, each node followed by its type:
/// `(== hosting.region:Region EU:Region):bool`.
pub fn render_texpr(pack: &CheckedPack, expr: &TExpr) -> String {
    let schema = &pack.schema;
    let ty = expr.ty.display(schema).to_string();
    let r = |e: &TExpr| render_texpr(pack, e);
    let form = match &expr.kind {
        TExprKind::Const(value) => value.display(schema).to_string(),
        TExprKind::Field(field) => field.text.clone(),
        TExprKind::Param(id) => format!(
            "param {}",
            pack.params
                .get(id.0 as usize)
                .map_or("?", |p| p.name.as_str())
        ),
        TExprKind::ParamField(id, steps) => format!(
            "param {}.{}",
            pack.params
                .get(id.0 as usize)
                .map_or("?", |p| p.name.as_str()),
            steps
                .iter()
                .map(|step| step.field.to_string())
                .collect::<Vec<_>>()
                .join(".")
        ),
        TExprKind::Local(id) => format!("#{}", id.0),
        TExprKind::List(items) => {
            let items: Vec<String> = items.iter().map(r).collect();
            format!("[{}]", items.join(", "))
        }
        TExprKind::Not(inner) => format!("(not {})", r(inner)),
        TExprKind::Neg(inner) => format!("(- {})", r(inner)),
        TExprKind::And(a, b) => format!("(and {} {})", r(a), r(b)),
        TExprKind::Or(a, b) => format!("(or {} {})", r(a), r(b)),
        TExprKind::Implies(a, b) => format!("(implies {} {})", r(a), r(b)),
        TExprKind::Compare(op, a, b) => format!("({} {} {})", op.as_str(), r(a), r(b)),
        TExprKind::Arith(op, a, b) => format!("({} {} {})", op.as_str(), r(a), r(b)),
        TExprKind::In(a, b) => format!("(in {} {})", r(a), r(b)),
        TExprKind::Index(a, b) => format!("(index {} {})", r(a), r(b)),
        TExprKind::Quantifier {
            kind,
            var,
            var_name,
            collection,
            body,
        } => {
            let kind = match kind {
                QuantifierKind::All => "all",
                QuantifierKind::Any => "any",
            };
            format!(
                "({kind} {var_name}#{} {} {})",
                var.0,
                r(collection),
                r(body)
            )
        }
        TExprKind::Count { collection, filter } => match filter {
            None => format!("(count {})", r(collection)),
            Some((var, name, body)) => {
                format!("(count {name}#{} {} {})", var.0, r(collection), r(body))
            }
        },
        TExprKind::ListAggregate {
            kind,
            collection,
            projection,
        } => match projection {
            None => format!("({} {})", kind.as_str(), r(collection)),
            Some((var, name, value)) => format!(
                "({} {name}#{} {} {})",
                kind.as_str(),
                var.0,
                r(collection),
                r(value)
            ),
        },
        TExprKind::TextCheck { check, text } => match check {
            clausier_check::text_functions::TextCheck::Matches(pattern) => {
                format!("(matches {} {pattern:?})", r(text))
            }
            _ => format!("({} {})", check.function().as_str(), r(text)),
        },
        TExprKind::Weekday { of, .. } => format!("(weekday {})", r(of)),
        TExprKind::BusinessDuration(args) => format!(
            "(business_duration {})",
            args.iter().map(r).collect::<Vec<_>>().join(" ")
        ),
        TExprKind::Has(field) => format!("(has {})", field.text),
        TExprKind::Entries => "entries".to_owned(),
        TExprKind::Share {
            var,
            var_name,
            collection,
            condition,
            weight,
        } => match weight {
            None => format!(
                "(share {var_name}#{} {} {})",
                var.0,
                r(collection),
                r(condition)
            ),
            Some(weight) => format!(
                "(share {var_name}#{} {} {} {})",
                var.0,
                r(collection),
                r(condition),
                r(weight)
            ),
        },
        TExprKind::If(c, a, b) => format!("(if {} {} {})", r(c), r(a), r(b)),
        TExprKind::Today => "today".to_owned(),
        TExprKind::Aggregate(id) => match pack.aggregates.get(id.0 as usize) {
            Some(def) => {
                let kind = match def.kind {
                    AggregateKind::Lowest => "lowest",
                    AggregateKind::Highest => "highest",
                };
                format!("({kind}#{} {})", id.0, def.field.text)
            }
            None => format!("(aggregate#{} ?)", id.0),
        },
        TExprKind::Passed(index) => format!(
            "(passed {})",
            pack.requirements
                .get(*index)
                .map_or("?", |r| r.meta.id.as_str())
        ),
    };
    format!("{form}:{ty}")
}

/// The example pack of the design brief (§2), which checks clean.
pub const BRIEF_EXAMPLE: &str = r#"/// Niveau de preuve d'efficacité (ESSA). Declaration order is the rank: I < II < III < IV.
enum Tier { I, II, III, IV }
enum Region { EU, EEA, ADEQUATE, OTHER }

type Subprocessor = { name: string, region: Region, purpose: string }

/// The shape of a vendor's descriptor. Several `descriptor` blocks (also from
/// dependencies) merge; the same field declared twice with two types is an error.
descriptor {
  id: string
  name: string
  hosting: { region: Region, country: string, provider: string, secnumcloud: bool }
  subprocessors: list<Subprocessor>
  gar: { compliant: bool }
  evidence: { tier: Tier }
  accessibility: { rgaa_rate: percent }
  standards: set<string>
  security: { iso27001: bool, iso27001_expires: date }
  pricing: { per_student: money }
  reversibility: { export_formats: set<string>, notice: duration }
}

/// Prix maximal par élève et par an. A region overrides it with `set`.
param max_price: money = 6.00 €
param min_rgaa: percent = 75%

/// Hébergement des données.
requirement HEB-01 "Hébergement dans l'Union européenne" {
  level must
  text "Le titulaire héberge l'ensemble des données, sous-traitants compris, dans l'UE."
  ref "RGPD art. 44 à 49"
  evidence "Attestation d'hébergement"
  require hosting.region == EU and all s in subprocessors: s.region == EU
}

requirement EVI-02 "Efficacité démontrée" {
  level should
  when gar.compliant
  require evidence.tier <= II
}

requirement SEC-01 "Certification ISO 27001 en cours de validité" {
  require security.iso27001 and security.iso27001_expires >= today + 12 months
}

requirement ACC-01 "Accessibilité RGAA" {
  level should
  require accessibility.rgaa_rate >= min_rgaa
}

criterion PRIX "Prix" weight 40 {
  text "Note = prix le plus bas / prix de l'offre × 40."
  score lowest(pricing.per_student) / pricing.per_student
}

criterion ACC "Accessibilité" weight 60 {
  score accessibility.rgaa_rate
}

test "une offre conforme est éligible" {
  given { hosting: { region: "EU" }, subprocessors: [], gar: { compliant: true } }
  expect eligible
  expect pass HEB-01
}
"#;

/// A small schema the focused tests build on.
pub const SCHEMA: &str = r#"
enum Tier { I, II, III, IV }
enum Region { EU, EEA, ADEQUATE, OTHER }
type Subprocessor = { name: string, region: Region }
descriptor {
  hosting: { region: Region, country: string, secnumcloud: bool }
  subprocessors: list<Subprocessor>
  gar: { compliant: bool }
  evidence: { tier: Tier }
  accessibility: { rgaa_rate: percent }
  standards: set<string>
  security: { iso27001: bool, iso27001_expires: date }
  pricing: { per_student: money, licences: int }
  reversibility: { notice: duration }
}
"#;

/// Checks `source` as `main.clause` in a pack whose `schema.clause` is [`SCHEMA`], so
/// that positions in the snapshot are those of the snippet.
pub fn check_in_schema(source: &str) -> Outcome {
    check_files(&[("schema.clause", SCHEMA), ("main.clause", source)])
}

/// A snippet with its line numbers, then its diagnostics, for a snapshot.
pub fn report(source: &str, outcome: &Outcome) -> String {
    let mut out = String::new();
    for (number, line) in source.lines().enumerate() {
        if line.trim().is_empty() && (number == 0 || number + 1 == source.lines().count()) {
            continue;
        }
        let _ = writeln!(out, "{:>3} | {line}", number + 1);
    }
    format!("{out}---\n{}", outcome.diagnostics())
}

/// The symbols recorded in `main.clause`, one a line: where, the text there, and what
/// it resolved to.
pub fn render_symbols(outcome: &Outcome, file_name: &str) -> String {
    use clausier_check::hir::Symbol;
    let pack = outcome.pack();
    let mut out = String::new();
    for symbol in &pack.symbols {
        let Some(source) = outcome.sources.get(symbol.file) else {
            continue;
        };
        if source.name() != file_name {
            continue;
        }
        let at = source.line_col(symbol.span.start);
        let what = match &symbol.symbol {
            Symbol::Field { record, field } => {
                let record_def = pack.schema.record(*record);
                let record_name = record_def
                    .and_then(|r| r.name.clone())
                    .unwrap_or_else(|| format!("record#{}", record.0));
                let field_name = record_def
                    .and_then(|r| r.field_at(*field))
                    .map_or("?", |(name, _)| name);
                format!("field {record_name}.{field_name}")
            }
            Symbol::Param(id) => format!(
                "param {}",
                pack.params
                    .get(id.0 as usize)
                    .map_or("?", |p| p.name.as_str())
            ),
            Symbol::Enum(id) => format!(
                "enum {}",
                pack.schema.enum_def(*id).map_or("?", |e| e.name.as_str())
            ),
            Symbol::Variant { enum_id, index } => {
                let def = pack.schema.enum_def(*enum_id);
                format!(
                    "variant {}.{}",
                    def.map_or("?", |e| e.name.as_str()),
                    def.and_then(|e| e.variants.get(*index as usize))
                        .map_or("?", |v| v.name.as_str())
                )
            }
            Symbol::TypeAlias(name) => format!("type {name}"),
            Symbol::Clause(id) => format!("clause {id}"),
            Symbol::Local {
                clause,
                name,
                definition,
            } => {
                let def_at = source.line_col(definition.start);
                format!(
                    "local {name} of {clause} bound at {}:{}",
                    def_at.line, def_at.column
                )
            }
        };
        let role = if symbol.is_definition { "def" } else { "ref" };
        let _ = writeln!(
            out,
            "{}:{} `{}` {role} {what}",
            at.line,
            at.column,
            source.slice(symbol.span)
        );
    }
    out
}

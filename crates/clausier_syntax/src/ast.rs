//! The typed syntax tree of a `.clause` file.
//!
//! Every node carries the byte span it was parsed from, in the file it came from (the
//! file id is the caller's: one `SourceFile` per parse). A tree built by error recovery
//! holds `Error` nodes where text could not be understood; it is fine for the IDE but is
//! never evaluated.

use clausier_diagnostics::{Span, stack};
use jiff::civil::{Date, DateTime, Time};
use rust_decimal::Decimal;

/// A whole `.clause` file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceFileAst {
    pub items: Vec<Item>,
    /// Every `//` comment (not doc comments), in source order, for the formatter.
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The comment's text after `//`, without the line break.
    pub text: String,
    pub span: Span,
}

/// The `///` lines in front of an item or field, joined with `\n`, without the slashes
/// and the one space after them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Docs {
    pub text: String,
    pub span: Span,
}

impl Docs {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// A name as written: a field, a parameter, a type, an enum variant, a bound variable.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A clause id such as `HEB-01`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClauseId {
    pub name: String,
    pub span: Span,
}

/// A string literal with its escapes resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringLit {
    pub value: String,
    /// The literal with its quotes.
    pub span: Span,
    /// Where the value and the text as written differ in length, in order: what maps a
    /// range of the value back to the file.
    pub escapes: Vec<Escape>,
}

/// An escape of a string literal (`\"`, `\u{E9}`): `written_len` bytes in the file give
/// `decoded_len` bytes of the value, from byte `at` of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Escape {
    pub at: u32,
    pub decoded_len: u32,
    pub written_len: u32,
}

impl StringLit {
    /// The span in the file of `range`, a range of bytes of [`StringLit::value`]. An
    /// end of range at the end of an escape ends after the escape as written.
    pub fn source_span(&self, range: std::ops::Range<usize>) -> Span {
        let offset = |at: usize| {
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            let shift: i64 = self
                .escapes
                .iter()
                .filter(|escape| escape.at.saturating_add(escape.decoded_len) <= at)
                .map(|escape| i64::from(escape.written_len) - i64::from(escape.decoded_len))
                .sum();
            // After the opening quote.
            let file = i64::from(self.span.start) + 1 + i64::from(at) + shift;
            u32::try_from(file.clamp(i64::from(self.span.start), i64::from(self.span.end)))
                .unwrap_or(self.span.end)
        };
        Span::new(
            offset(range.start),
            offset(range.end).max(offset(range.start)),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub docs: Docs,
    pub kind: ItemKind,
    /// The item without its doc comment.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    Enum(EnumDecl),
    Type(TypeDecl),
    Descriptor(DescriptorDecl),
    Param(ParamDecl),
    Requirement(RequirementDecl),
    Criterion(CriterionDecl),
    Indicator(IndicatorDecl),
    Risk(RiskDecl),
    Use(UseDecl),
    Set(SetDecl),
    Test(TestDecl),
    /// Text that could not be parsed as an item; a diagnostic was reported for it.
    Error,
}

/// `enum Tier { I, II, III, IV }`: the declaration order is the order of the values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumDecl {
    pub name: Ident,
    pub variants: Vec<Variant>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub docs: Docs,
    pub name: Ident,
}

/// `type Subprocessor = { name: string, region: Region }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeDecl {
    pub name: Ident,
    pub ty: TypeExpr,
}

/// `descriptor { … }`: one block of the descriptor's schema; blocks merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescriptorDecl {
    pub fields: Vec<FieldDecl>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDecl {
    pub docs: Docs,
    pub name: Ident,
    pub ty: TypeExpr,
    /// `where >= 0.01 € and <= 6 €`, in the order written; empty without `where`.
    pub bounds: Vec<FieldBound>,
    pub span: Span,
}

/// One bound of a field's values: `>= 0.01 €`. The operator is `<`, `<=`, `>` or `>=`;
/// the value is a number, a percent or an amount, possibly negative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldBound {
    pub op: CompareOp,
    pub value: Literal,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeExprKind {
    /// `bool`, `money`, `Region`, `Subprocessor`: builtins and declared names alike.
    Named(Ident),
    List(Box<TypeExpr>),
    Set(Box<TypeExpr>),
    /// `map<K, V>`.
    Map(Box<TypeExpr>, Box<TypeExpr>),
    Record(Vec<FieldDecl>),
    Error,
}

/// `param max_price: money = 6.00 €`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamDecl {
    pub name: Ident,
    pub ty: TypeExpr,
    pub value: Expr,
}

/// What a requirement is in the tender (see `docs/language.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// A specification: an offer that fails it is irregular.
    Must,
    /// A desirable feature, which only a criterion that scores it with `passed(ID)` weighs.
    Should,
    /// Information only: evaluated and reported, never excluding, never scored.
    Info,
    /// An execution condition the candidate commits to: checked like `must`.
    Execution,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Must, Level::Should, Level::Info, Level::Execution];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Must => "must",
            Level::Should => "should",
            Level::Info => "info",
            Level::Execution => "execution",
        }
    }

    /// The level a word names, as written after `level` or `as`.
    pub fn from_word(word: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.as_str() == word)
    }

    /// Whether an offer that fails a requirement of this level is irregular (ineligible).
    pub fn excludes(self) -> bool {
        matches!(self, Level::Must | Level::Execution)
    }
}

/// `requirement HEB-01 "title" { … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementDecl {
    pub id: ClauseId,
    pub title: Option<StringLit>,
    pub body: Vec<ClauseField>,
}

/// `criterion PRIX "Prix" weight 40 { … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionDecl {
    pub id: ClauseId,
    pub title: Option<StringLit>,
    pub weight: Option<Weight>,
    pub body: Vec<ClauseField>,
}

/// `indicator DEPENSE "Dépense par catégorie" { value …  by category }`: a value over the
/// whole inventory, optionally per group of entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorDecl {
    pub id: ClauseId,
    pub title: Option<StringLit>,
    pub body: Vec<ClauseField>,
}

/// `risk RISQUE "Risque" { value …  spend …  ends …  window …  alternatives … }`: a score of
/// each entry of an inventory, and what its priority is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskDecl {
    pub id: ClauseId,
    pub title: Option<StringLit>,
    pub body: Vec<ClauseField>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weight {
    pub value: Decimal,
    pub span: Span,
}

/// One line in the body of a requirement or criterion. The checker decides which are
/// allowed where and reports repeats; the parser accepts any of them in any clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseField {
    pub kind: ClauseFieldKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClauseFieldKind {
    Level(Level),
    Text(StringLit),
    /// `note "…"`: a published remark, shown under the text.
    Note(StringLit),
    Ref(StringLit),
    Evidence(Evidence),
    /// `no_equivalent "…"`: the requirement admits no equivalent of the certification it
    /// demands, for the reason given (published).
    NoEquivalent(StringLit),
    /// `lots "1", "2"`: the ids of the lots the clause applies to, in the order written.
    Lots(Vec<StringLit>),
    When(Expr),
    Require(Expr),
    Score(Expr),
    /// `value EXPR`: what an indicator or a risk computes.
    Value(Expr),
    /// `by category, supplier.jurisdiction`: the fields an indicator groups entries by.
    By(Vec<Path>),
    /// `spend EXPR`: the money a risk's priority weighs.
    Spend(Expr),
    /// `ends EXPR`: the date an entry's contract ends.
    Ends(Expr),
    /// `window EXPR`: how long before `ends` the contract may be changed.
    Window(Expr),
    /// `alternatives EXPR`: the catalogue categories an entry may move to.
    Alternatives(Expr),
    /// A line that could not be parsed; a diagnostic was reported for it.
    Error,
}

/// `evidence "Attestation"`, or `evidence documents.homologation "Dossier"`: a document
/// the candidate supplies. With a path it is required: the descriptor gives it there.
/// With `from document, audit` after the path, the value there counts only with one of
/// those kinds of proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub document: Option<Path>,
    /// The kinds of proof after `from`, as written (the checker reads the words).
    pub proof: Vec<Ident>,
    pub label: StringLit,
}

/// `use edtech_fr` or `use edtech_fr::{HEB-01, EVI-02 as must}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UseDecl {
    pub pack: Ident,
    /// `None` brings in every clause.
    pub items: Option<Vec<UseItem>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UseItem {
    pub id: ClauseId,
    pub level: Option<(Level, Span)>,
    pub span: Span,
}

/// `set edtech_fr::max_price = 5.50 €`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetDecl {
    pub pack: Ident,
    pub name: Ident,
    pub value: Expr,
}

/// `test "name" { given …; expect … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestDecl {
    pub name: StringLit,
    /// `date 2027-12-03`: the evaluation date of this test, instead of the run's.
    pub date: Option<TestDate>,
    pub given: Option<Given>,
    pub expects: Vec<Expect>,
}

/// The `date …` line of a test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestDate {
    pub value: Date,
    /// The whole line, keyword included.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// `given { hosting: { region: "EU" } }`.
    Inline(DataValue),
    /// `given "descriptors/ok.json"`, relative to the clause file.
    File(StringLit),
}

/// An inline descriptor in a test: JSON-like data whose keys may be bare identifiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataValue {
    pub kind: DataValueKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataValueKind {
    Null,
    Literal(Literal),
    Array(Vec<DataValue>),
    Object(Vec<(Ident, DataValue)>),
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expect {
    pub kind: ExpectKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpectKind {
    Eligible,
    Ineligible,
    Incomplete,
    Invalid,
    /// `expect review`: the offer waits on the buyer's review of a claimed equivalent.
    Review,
    Pass(ClauseId),
    Fail(ClauseId),
    Missing(ClauseId),
    NotApplicable(ClauseId),
    /// `expect review ID`: the requirement is under review.
    UnderReview(ClauseId),
    /// `expect score >= 60`.
    Score(CompareOp, Decimal),
    Error,
}

/// An expression. A chain `a and b and …` is a left-deep tree as tall as the chain is
/// long, so cloning, comparing, printing for debugging and dropping never recurse on the
/// plain stack (see `clausier_diagnostics::stack`).
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    /// The expression's kind, owned: an expression cannot be taken apart by a pattern
    /// since it has its own `Drop`.
    pub fn into_kind(mut self) -> ExprKind {
        std::mem::replace(&mut self.kind, ExprKind::Error)
    }
}

impl Clone for Expr {
    fn clone(&self) -> Self {
        stack::deep(|| Expr {
            kind: self.kind.clone(),
            span: self.span,
        })
    }
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        stack::deep(|| self.span == other.span && self.kind == other.kind)
    }
}

impl Eq for Expr {}

impl std::fmt::Debug for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        stack::deep(|| {
            f.debug_struct("Expr")
                .field("kind", &self.kind)
                .field("span", &self.span)
                .finish()
        })
    }
}

impl Drop for Expr {
    /// Takes the children apart one by one instead of letting each drop its own.
    fn drop(&mut self) {
        let mut detached = Vec::new();
        self.kind.detach_children(&mut detached);
        while let Some(mut child) = detached.pop() {
            child.kind.detach_children(&mut detached);
        }
    }
}

impl ExprKind {
    /// Moves the sub-expressions out into `into`, leaving a leaf behind.
    fn detach_children(&mut self, into: &mut Vec<Expr>) {
        let has_children = !matches!(
            self,
            ExprKind::Literal(_)
                | ExprKind::Path(_)
                | ExprKind::Has(_)
                | ExprKind::Today
                | ExprKind::Passed(_)
                | ExprKind::Error
        );
        if !has_children {
            return;
        }
        match std::mem::replace(self, ExprKind::Error) {
            ExprKind::List(items) => into.extend(items),
            ExprKind::Table(entries) => into.extend(entries.into_iter().map(|entry| entry.value)),
            ExprKind::Index { table, key } => into.extend([*table, *key]),
            ExprKind::Unary { operand, .. }
            | ExprKind::Paren(operand)
            | ExprKind::Aggregate { arg: operand, .. } => {
                into.push(*operand);
            }
            ExprKind::Binary { lhs, rhs, .. } => into.extend([*lhs, *rhs]),
            ExprKind::Quantifier {
                collection, body, ..
            } => into.extend([*collection, *body]),
            ExprKind::Count { filter, collection } => {
                into.push(*collection);
                into.extend(filter.map(|(_, condition)| *condition));
            }
            ExprKind::Share {
                collection,
                condition,
                weight,
                ..
            } => {
                into.extend([*collection, *condition]);
                into.extend(weight.map(|weight| *weight));
            }
            ExprKind::ListAggregate {
                projection,
                collection,
                ..
            } => {
                into.push(*collection);
                into.extend(projection.map(|(_, value)| *value));
            }
            ExprKind::Call { args, .. } => into.extend(args),
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => into.extend([*cond, *then_branch, *else_branch]),
            ExprKind::Literal(_)
            | ExprKind::Path(_)
            | ExprKind::Has(_)
            | ExprKind::Today
            | ExprKind::Passed(_)
            | ExprKind::Error => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprKind {
    Literal(Literal),
    /// `a.b.c`, `max_price`, `EU`, `Region.EU`, `s.region`: what it names is decided by
    /// the checker (descriptor field, parameter, enum variant, bound variable).
    Path(Path),
    /// `[a, b, c]`.
    List(Vec<Expr>),
    /// `{ "IDO": [sso], "UAI": [] }` or `{ name: "Acme" }`: a map or a record.
    Table(Vec<TableEntry>),
    /// `m[k]`: the entry of a table.
    Index {
        table: Box<Expr>,
        key: Box<Expr>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        op_span: Span,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `all x in xs: p`, `any x in xs: p`.
    Quantifier {
        kind: QuantifierKind,
        var: Ident,
        collection: Box<Expr>,
        body: Box<Expr>,
    },
    /// `count(xs)` or `count(x in xs: p)`.
    Count {
        filter: Option<(Ident, Box<Expr>)>,
        collection: Box<Expr>,
    },
    /// `share(e in entries: p)` or `share(e in entries: p, w)`: the percent of the
    /// elements (or of the sum of their weights `w`) for which `p` holds.
    Share {
        var: Ident,
        collection: Box<Expr>,
        condition: Box<Expr>,
        weight: Option<Box<Expr>>,
    },
    /// `has a.b`.
    Has(Path),
    If {
        cond: Box<Expr>,
        then_branch: Box<Expr>,
        else_branch: Box<Expr>,
    },
    Today,
    /// `lowest(path)`, `highest(path)`.
    Aggregate {
        kind: AggregateKind,
        arg: Box<Expr>,
    },
    /// `passed(ACC-02)`: whether the offer passed a requirement (criteria only).
    Passed(ClauseId),
    /// `sum(xs)` or `sum(x in xs: e)`, and likewise `mean`, `min`, `max`: over one
    /// offer's list, its elements or the projection `e` of each.
    ListAggregate {
        kind: ListAggregateKind,
        projection: Option<(Ident, Box<Expr>)>,
        collection: Box<Expr>,
    },
    /// `name(args…)`: a call of a function of the standard library (`matches`, `siret`…)
    /// or of a name the checker reports as an unknown function.
    Call {
        function: Ident,
        args: Vec<Expr>,
    },
    /// `( … )`, kept so that spans and formatting follow the source.
    Paren(Box<Expr>),
    /// An expression that could not be parsed; a diagnostic was reported for it.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub segments: Vec<Ident>,
    pub span: Span,
}

impl Path {
    /// `a.b.c` as written.
    pub fn dotted(&self) -> String {
        let names: Vec<&str> = self.segments.iter().map(|s| s.name.as_str()).collect();
        names.join(".")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub kind: LiteralKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiteralKind {
    Bool(bool),
    /// `12` is an `Int` literal, `4.5` a `Number`: `int` widens to `number` in the checker.
    Int(Decimal),
    Number(Decimal),
    String(String),
    /// `75%` is stored as `75`.
    Percent(Decimal),
    /// `6.00 €` or `6.00 EUR`, in euros.
    Money(Decimal),
    Date(Date),
    Duration(DurationLit),
    /// `08:30`, a time of day to the minute.
    Time(Time),
    /// `2027-01-04T08:30`, a date and a time of day in local time.
    DateTime(DateTime),
}

/// A calendar duration literal: `30 days`, `6 months`, `1 year`, `2 weeks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DurationLit {
    pub amount: i64,
    pub unit: DurationUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    Days,
    Weeks,
    Months,
    Years,
    /// The exact part of a duration: hours and minutes are never calendar days.
    Hours,
    Minutes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Not,
    Neg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    And,
    Or,
    Implies,
    Compare(CompareOp),
    In,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            BinaryOp::And => "and",
            BinaryOp::Or => "or",
            BinaryOp::Implies => "implies",
            BinaryOp::Compare(op) => op.as_str(),
            BinaryOp::In => "in",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CompareOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuantifierKind {
    All,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AggregateKind {
    Lowest,
    Highest,
}

/// What an aggregate over one offer's list computes: `sum`, `mean`, `min`, `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListAggregateKind {
    Sum,
    Mean,
    Min,
    Max,
}

impl ListAggregateKind {
    /// In the order of [`crate::lexicon::LIST_AGGREGATE_KEYWORDS`].
    pub const ALL: [ListAggregateKind; 4] = [
        ListAggregateKind::Sum,
        ListAggregateKind::Mean,
        ListAggregateKind::Min,
        ListAggregateKind::Max,
    ];

    /// The word as written.
    pub fn as_str(self) -> &'static str {
        match self {
            ListAggregateKind::Sum => "sum",
            ListAggregateKind::Mean => "mean",
            ListAggregateKind::Min => "min",
            ListAggregateKind::Max => "max",
        }
    }

    /// The kind a word spells.
    pub fn from_word(word: &str) -> Option<ListAggregateKind> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == word)
    }
}

/// One `key: value` of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableEntry {
    pub key: TableKey,
    pub value: Expr,
}

/// A key of a table: a name (a record's field, an enum variant) or a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableKey {
    Name(Ident),
    Text(StringLit),
}

impl TableKey {
    pub fn span(&self) -> Span {
        match self {
            TableKey::Name(name) => name.span,
            TableKey::Text(text) => text.span,
        }
    }

    /// The key as the table names it: the name, or the string's value.
    pub fn text(&self) -> &str {
        match self {
            TableKey::Name(name) => &name.name,
            TableKey::Text(text) => &text.value,
        }
    }
}

/// A time function of the standard library: `weekday(d)`, `business_duration(start, end,
/// days, opens, closes)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeFunction {
    Weekday,
    BusinessDuration,
}

impl TimeFunction {
    /// In the order of [`crate::lexicon::TIME_FUNCTION_KEYWORDS`].
    pub const ALL: [TimeFunction; 2] = [TimeFunction::Weekday, TimeFunction::BusinessDuration];

    /// The word as written.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeFunction::Weekday => "weekday",
            TimeFunction::BusinessDuration => "business_duration",
        }
    }

    /// The function a word names.
    pub fn from_word(word: &str) -> Option<TimeFunction> {
        Self::ALL
            .into_iter()
            .find(|function| function.as_str() == word)
    }

    /// How many arguments it takes.
    pub fn arity(self) -> usize {
        match self {
            TimeFunction::Weekday => 1,
            TimeFunction::BusinessDuration => 5,
        }
    }
}

/// A text function of the standard library: `matches(text, "…")`, `siret(x)`, `uai(x)`,
/// `https_url(x)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextFunction {
    Matches,
    Siret,
    Uai,
    HttpsUrl,
}

impl TextFunction {
    /// In the order of [`crate::lexicon::TEXT_FUNCTION_KEYWORDS`].
    pub const ALL: [TextFunction; 4] = [
        TextFunction::Matches,
        TextFunction::Siret,
        TextFunction::Uai,
        TextFunction::HttpsUrl,
    ];

    /// The word as written.
    pub fn as_str(self) -> &'static str {
        match self {
            TextFunction::Matches => "matches",
            TextFunction::Siret => "siret",
            TextFunction::Uai => "uai",
            TextFunction::HttpsUrl => "https_url",
        }
    }

    /// The function a word names.
    pub fn from_word(word: &str) -> Option<TextFunction> {
        Self::ALL
            .into_iter()
            .find(|function| function.as_str() == word)
    }

    /// How many arguments it takes: the text, and for `matches` the pattern.
    pub fn arity(self) -> usize {
        match self {
            TextFunction::Matches => 2,
            TextFunction::Siret | TextFunction::Uai | TextFunction::HttpsUrl => 1,
        }
    }
}

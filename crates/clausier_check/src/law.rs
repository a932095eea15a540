//! Lints drawn from French public-procurement law: a pack without an environmental award
//! criterion (`W0506`), a requirement that demands a label without accepting an
//! equivalent (`W0507`), and an eligibility rule based on the vendor's seat or
//! nationality (`W0508`).
//!
//! Each rule reads only what a drafter writes and controls: clause ids, titles, texts,
//! doc comments and the names of the descriptor fields an expression reads. The words
//! they look for are listed below and in the explanations (`clausier explain W0506`).
//!
//! They look at the clauses in effect: `W0506` counts the criteria a pack brings in with
//! `use` as well as its own, and points at one of the pack's own when it can. Like every
//! warning, one that points into a dependency's file is left to that pack's authors
//! (`clausier validate DEP`).

use clausier_diagnostics::{Code, Diagnostic, Span, stack};
use clausier_syntax::ast::Level;
use rust_decimal::Decimal;

use crate::Checker;
use crate::fold::{has_error, walk};
use crate::hir::{
    CheckedPack, ClauseMeta, CriterionDef, FieldRef, RequirementDef, TExpr, TExprKind,
};
use crate::types::Schema;
use crate::value::Value;

impl Checker<'_> {
    /// The lints of this module, after the others of [`Checker::lint`].
    pub(crate) fn lint_law(&mut self) {
        let mut found = Vec::new();
        if let Some(diagnostic) = no_environmental_criterion(&self.pack, self.pack_name) {
            found.push(diagnostic);
        }
        for requirement in &self.pack.requirements {
            if let Some(diagnostic) = label_without_equivalent(&self.pack.schema, requirement) {
                found.push(diagnostic);
            }
            if let Some(diagnostic) = seat_based_eligibility(&self.pack.schema, requirement) {
                found.push(diagnostic);
            }
        }
        for diagnostic in found {
            self.report(diagnostic);
        }
    }
}

// ---------------------------------------------------------------------------- W0506

/// `W0506`: the pack has a grid of criteria ready to publish and none of them is
/// environmental. A grid is ready when its weights sum to 100 and every criterion says
/// in its `text` how it is scored (R2152-11), with a score free of errors; until then
/// `W0502`, the errors or the missing texts show that it is still being drafted.
///
/// The criteria are those in effect, the root's own and those it brought in with `use`;
/// the warning points at the first that `root` declares, where its author can act.
fn no_environmental_criterion(pack: &CheckedPack, root: &str) -> Option<Diagnostic> {
    let criteria = &pack.criteria;
    let first = criteria
        .iter()
        .find(|c| c.meta.pack == root)
        .or_else(|| criteria.first())?;
    let total: Decimal = criteria.iter().map(|c| c.weight).sum();
    let ready = total == Decimal::ONE_HUNDRED
        && criteria
            .iter()
            .all(|c| c.meta.text.is_some() && !has_error(&c.score));
    if !ready || criteria.iter().any(|c| is_environmental(pack, c)) {
        return None;
    }
    let count = criteria.len();
    let summary = if count == 1 {
        "the only criterion does not take the environment into account".to_owned()
    } else {
        format!("none of the {count} criteria takes the environment into account")
    };
    let mut diagnostic = Diagnostic::warning(
        Code::NO_ENVIRONMENTAL_CRITERION,
        "no award criterion takes the environment into account",
    )
    .with_primary(first.meta.origin.file, first.meta.origin.span, summary);
    for criterion in criteria.iter().filter(|c| !std::ptr::eq(*c, first)) {
        diagnostic = diagnostic.with_secondary(
            criterion.meta.origin.file,
            criterion.meta.origin.span,
            "not environmental",
        );
    }
    Some(
        diagnostic
            .with_note(
                "Code de la commande publique L2111-2 and loi n° 2021-1104 (Climat et résilience) \
                 art. 35: a procedure launched from 2026-08-22 has at least one award criterion \
                 that takes the environmental characteristics of the offer into account",
            )
            .with_note(
                "a criterion counts as environmental when its id or title names the environment \
                 (`ENV`, environnement, écoconception, RGESN, carbone, climat, durabilité…) or its \
                 score reads a field of an `env` or `environnement` record",
            )
            .with_help(
                "add a criterion such as `criterion ENV \"Écoconception (RGESN)\" weight 10 { text \
                 \"…\" score env.rgesn_priority_met / 30 }` and adjust the other weights",
            ),
    )
}

/// Whether a criterion takes the environment into account, as `W0506` understands it.
fn is_environmental(pack: &CheckedPack, criterion: &CriterionDef) -> bool {
    let meta = &criterion.meta;
    if names_environment(&meta.id) || names_environment(&meta.title) {
        return true;
    }
    let environmental = |field: &FieldRef| {
        field_segments(&pack.schema, field)
            .iter()
            .any(|segment| names_environment(segment))
    };
    let mut found = false;
    walk(&criterion.score, &mut |node| {
        found |= match &node.kind {
            TExprKind::Field(field) | TExprKind::Has(field) => environmental(field),
            TExprKind::Aggregate(id) => pack
                .aggregates
                .get(id.0 as usize)
                .is_some_and(|aggregate| environmental(&aggregate.field)),
            _ => false,
        };
        !found
    });
    found
}

/// Whether a name or a title speaks of the environment: one of its words is `env` or
/// `eco` (as in « éco-conception »), or starts with one of [`ENVIRONMENT_STEMS`], or it
/// says « numérique responsable ».
fn names_environment(text: &str) -> bool {
    let words = words(text);
    words.iter().any(|word| {
        word == "env" || word == "eco" || ENVIRONMENT_STEMS.iter().any(|s| word.starts_with(s))
    }) || words
        .windows(2)
        .any(|pair| pair[0] == "numerique" && pair[1] == "responsable")
}

/// The beginnings of words that name the environment, accents removed.
const ENVIRONMENT_STEMS: &[&str] = &[
    "environ",
    "ecoconcep",
    "ecolog",
    "ecorespons",
    "rgesn",
    "carbon",
    "climat",
    "durab",
    "sustainab",
    "sobriet",
    "energ",
    "recycl",
    "reemploi",
    "reconditionn",
    "green",
];

// ---------------------------------------------------------------------------- W0507

/// `W0507`: a requirement written for publication (it has a `text`) that only a
/// labelled or certified offer can pass, whose title, text and doc comment never speak
/// of an equivalent.
fn label_without_equivalent(schema: &Schema, requirement: &RequirementDef) -> Option<Diagnostic> {
    let meta = &requirement.meta;
    if meta.text.is_none() || has_error(&requirement.require) || mentions_equivalence(meta) {
        return None;
    }
    let node = needed_label(schema, &requirement.require)?;
    let named = match &node.kind {
        TExprKind::Field(field) | TExprKind::Has(field) => format!("`{}`", field.text),
        TExprKind::Const(Value::String(text)) => format!("`{text}`"),
        _ => "this".to_owned(),
    };
    Some(
        Diagnostic::warning(
            Code::LABEL_WITHOUT_EQUIVALENT,
            format!(
                "requirement `{}` demands a label or certification without accepting an equivalent",
                meta.id
            ),
        )
        .with_primary(
            meta.origin.file,
            node.span,
            format!("{named} names a label; every way to meet `require` needs a label"),
        )
        .with_secondary(
            meta.origin.file,
            meta.origin.span,
            "neither the title, the text nor the doc comment of this requirement mentions an equivalent",
        )
        .with_note(
            "Code de la commande publique R2111-12 to R2111-17: a buyer who asks for a label \
             accepts every label that confirms equivalent requirements, and other appropriate \
             evidence from a candidate who could not obtain it in time for reasons not its own",
        )
        .with_help(
            "accept an alternative in `require` (`… or security.equivalent_expires >= today`) \
             and write « ou équivalent » in the text; if the law itself imposes this \
             certification, say so in the doc comment, naming equivalence",
        ),
    )
}

/// Whether the drafter addressed equivalence in the clause's title, text or doc comment:
/// a word that starts with `equivalen` (« ou équivalent », « équivalence », "or
/// equivalent").
fn mentions_equivalence(meta: &ClauseMeta) -> bool {
    [
        Some(meta.title.as_str()),
        meta.text.as_ref().map(|text| text.source.as_str()),
        meta.note.as_ref().map(|note| note.source.as_str()),
        Some(meta.docs.as_str()),
    ]
    .into_iter()
    .flatten()
    .any(|text| words(text).iter().any(|w| w.starts_with("equivalen")))
}

/// The sub-expression that names a label which every way of satisfying `expr` needs, if
/// there is one. An `or` (or the branches of an `if`) escapes as soon as one side can
/// hold without a label; `not` never requires the label it negates; `a implies b` needs
/// what `b` needs.
fn needed_label<'e>(schema: &Schema, expr: &'e TExpr) -> Option<&'e TExpr> {
    stack::deep(|| needed_label_in(schema, expr))
}

fn needed_label_in<'e>(schema: &Schema, expr: &'e TExpr) -> Option<&'e TExpr> {
    match &expr.kind {
        TExprKind::Field(field) | TExprKind::Has(field) => {
            is_label_field(schema, field).then_some(expr)
        }
        TExprKind::Const(Value::String(text)) => names_label(text).then_some(expr),
        TExprKind::Const(_)
        | TExprKind::Param(_)
        | TExprKind::Local(_)
        | TExprKind::Today
        | TExprKind::Aggregate(_)
        | TExprKind::Passed(_)
        | TExprKind::Not(_)
        | TExprKind::Neg(_) => None,
        TExprKind::List(items) => items.iter().find_map(|item| needed_label(schema, item)),
        TExprKind::And(a, b)
        | TExprKind::Compare(_, a, b)
        | TExprKind::Arith(_, a, b)
        | TExprKind::In(a, b) => needed_label(schema, a).or_else(|| needed_label(schema, b)),
        TExprKind::Or(a, b) => {
            let left = needed_label(schema, a)?;
            needed_label(schema, b).map(|_| left)
        }
        TExprKind::Implies(_, b) => needed_label(schema, b),
        TExprKind::If(_, a, b) => {
            let left = needed_label(schema, a)?;
            needed_label(schema, b).map(|_| left)
        }
        TExprKind::Quantifier {
            collection, body, ..
        } => needed_label(schema, collection).or_else(|| needed_label(schema, body)),
        TExprKind::Count { collection, filter } => needed_label(schema, collection).or_else(|| {
            filter
                .as_ref()
                .and_then(|(_, _, body)| needed_label(schema, body))
        }),
    }
}

/// Whether a field holds a label or certification: one of its segments names one, and
/// none speaks of an equivalent (`security.equivalent_expires` is the alternative).
fn is_label_field(schema: &Schema, field: &FieldRef) -> bool {
    let segments = field_segments(schema, field);
    let is_alternative = segments
        .iter()
        .any(|segment| words(segment).iter().any(|w| w.starts_with("equivalen")));
    !is_alternative && segments.iter().any(|segment| names_label(segment))
}

/// Whether a name or a string names a label, a certification or a qualification:
/// `secnumcloud`, `hds`, `eucs`, `iso` with a standard's number (`iso27001`,
/// `ISO 27001`), or a word starting with `label`, `ecolabel`, `certif` or `qualif`.
fn names_label(text: &str) -> bool {
    let words = words(text);
    let iso_number = |word: &str| {
        word.strip_prefix("iso")
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
    };
    words.iter().any(|word| {
        matches!(word.as_str(), "secnumcloud" | "hds" | "eucs")
            || iso_number(word)
            || ["label", "ecolabel", "certif", "qualif"]
                .iter()
                .any(|stem| word.starts_with(stem))
    }) || words.windows(2).any(|pair| {
        pair[0] == "iso" && !pair[1].is_empty() && pair[1].chars().all(|c| c.is_ascii_digit())
    })
}

// ---------------------------------------------------------------------------- W0508

/// `W0508`: a `must` requirement whose `require` or `when` reads the vendor's seat or
/// nationality.
fn seat_based_eligibility(schema: &Schema, requirement: &RequirementDef) -> Option<Diagnostic> {
    if requirement.level != Level::Must {
        return None;
    }
    let meta = &requirement.meta;
    let (span, field) = std::iter::once(&requirement.require)
        .chain(requirement.when.as_ref())
        .filter(|expr| !has_error(expr))
        .find_map(|expr| seat_read(schema, expr))?;
    Some(
        Diagnostic::warning(
            Code::SEAT_BASED_ELIGIBILITY,
            format!(
                "requirement `{}` makes eligibility depend on a seat or a nationality",
                meta.id
            ),
        )
        .with_primary(
            meta.origin.file,
            span,
            format!("`{field}` says where an operator is established or its nationality, not what the service does"),
        )
        .with_secondary(
            meta.origin.file,
            meta.origin.span,
            "a `must` requirement excludes every offer that fails it",
        )
        .with_note(
            "equal treatment: TFEU art. 18 prohibits discrimination on grounds of nationality, \
             and directive 2014/24/EU art. 18 requires treating economic operators equally and \
             without discrimination",
        )
        .with_help(
            "base the requirement on the object of the contract (where the data are hosted, who \
             may access them, a qualification with its equivalents), or make it a `should` \
             requirement or an award criterion after legal review",
        ),
    )
}

/// The first field read by `expr` that gives the vendor's seat or nationality: where it
/// is read, and its path.
fn seat_read(schema: &Schema, expr: &TExpr) -> Option<(Span, String)> {
    let mut found = None;
    walk(expr, &mut |node| {
        if let TExprKind::Field(field) = &node.kind
            && is_seat_field(schema, field)
        {
            found = Some((node.span, field.text.clone()));
        }
        found.is_none()
    });
    found
}

/// Whether a field gives where the vendor is established or its nationality: a segment
/// names a seat or a nationality (`seat`, `siege`, `nationality`, `headquarters`…), or
/// names a country under a segment that names the vendor (`vendor.country`; not
/// `hosting.country`, which is where the data are).
fn is_seat_field(schema: &Schema, field: &FieldRef) -> bool {
    let segments = field_segments(schema, field);
    let segment_words: Vec<Vec<String>> = segments.iter().map(|s| words(s)).collect();
    let names_seat = segment_words.iter().flatten().any(|w| {
        matches!(
            w.as_str(),
            "seat" | "siege" | "hq" | "domicile" | "incorporation" | "incorporated"
        ) || w.starts_with("nationalit")
            || w.starts_with("headquarter")
    });
    if names_seat {
        return true;
    }
    let country_at = segment_words.iter().position(|ws| {
        ws.iter()
            .any(|w| matches!(w.as_str(), "country" | "countries" | "pays" | "nation"))
    });
    let Some(country_at) = country_at else {
        return false;
    };
    segment_words
        .iter()
        .take(country_at + 1)
        .flatten()
        .any(|w| {
            matches!(
                w.as_str(),
                "vendor"
                    | "vendeur"
                    | "candidat"
                    | "candidate"
                    | "bidder"
                    | "soumissionnaire"
                    | "titulaire"
                    | "company"
                    | "entreprise"
                    | "societe"
                    | "supplier"
                    | "fournisseur"
                    | "editeur"
                    | "publisher"
                    | "contractor"
                    | "operator"
                    | "operateur"
                    | "owner"
                    | "proprietaire"
                    | "provider"
            )
        })
}

// ---------------------------------------------------------------------------- words

/// The names of the fields a path goes through, as declared: `hosting.secnumcloud` gives
/// `["hosting", "secnumcloud"]`; `s.region` under `all s in subprocessors` gives
/// `["region"]`.
fn field_segments(schema: &Schema, field: &FieldRef) -> Vec<String> {
    field
        .steps
        .iter()
        .filter_map(|step| {
            schema
                .record(step.record)
                .and_then(|record| record.field_at(step.field))
                .map(|(name, _)| name.to_owned())
        })
        .collect()
}

/// The words of a text, lowercased, French accents and ligatures removed, split at every
/// character that is not a letter or a digit (`_` and `-` included): « Éco-conception
/// RGESN » gives `["eco", "conception", "rgesn"]`.
fn words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' => folded.push('a'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'î' | 'ï' | 'í' => folded.push('i'),
            'ô' | 'ö' | 'ó' => folded.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => folded.push('u'),
            'ç' => folded.push('c'),
            'ÿ' => folded.push('y'),
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            c if c.is_alphanumeric() => folded.push(c),
            _ => folded.push(' '),
        }
    }
    folded.split_whitespace().map(str::to_owned).collect()
}

//! Lowering indicators and risks: their lines become nodes of the same arena as the
//! clauses', `entries` a read of [`ENTRIES_SLOT`].

use clausier_check::hir::{IndicatorDef, LegalText, RiskDef, TExprKind, TextPart};
use clausier_check::list_aggregates::ListAggregateKind;
use clausier_check::types::{Schema, Ty};
use clausier_check::value::Value;

use super::Lowering;
use crate::diagnosis::InventoryItem;
use crate::program::{GroupingProgram, IndicatorProgram, RiskProgram};

impl Lowering<'_> {
    pub(super) fn indicator(&mut self, indicator: &IndicatorDef) -> IndicatorProgram {
        let value = self.lower_whole(&indicator.value);
        let grouping = indicator
            .grouping
            .iter()
            .map(|grouping| GroupingProgram {
                path: self.path(&grouping.field),
                text: grouping.field.text.clone(),
                enum_id: match grouping.ty {
                    Ty::Enum(id) => Some(id),
                    _ => None,
                },
            })
            .collect();
        let numeric = matches!(indicator.value.ty, Ty::Int | Ty::Number | Ty::Money);
        let additive = numeric
            && matches!(
                indicator.value.kind,
                TExprKind::Count { .. }
                    | TExprKind::ListAggregate {
                        kind: ListAggregateKind::Sum,
                        ..
                    }
            );
        IndicatorProgram {
            meta: self.item_meta(&indicator.meta),
            value,
            grouping,
            additive,
        }
    }

    pub(super) fn risk(&mut self, risk: &RiskDef) -> RiskProgram {
        RiskProgram {
            meta: self.item_meta(&risk.meta),
            value: self.lower_whole(&risk.value),
            spend: risk.spend.as_ref().map(|e| self.lower_whole(e)),
            ends: risk.ends.as_ref().map(|e| self.lower_whole(e)),
            window: risk.window.as_ref().map(|e| self.lower_whole(e)),
            alternatives: risk.alternatives.as_ref().map(|e| self.lower_whole(e)),
        }
    }

    fn item_meta(&self, meta: &clausier_check::hir::ClauseMeta) -> InventoryItem {
        InventoryItem {
            id: meta.id.clone(),
            title: Some(meta.title.clone()).filter(|title| !title.is_empty()),
            text: meta.text.as_ref().map(|text| self.filled(text)),
            note: meta.note.as_ref().map(|note| self.filled(note)),
            refs: meta.refs.clone(),
            pack: meta.pack.clone(),
        }
    }

    /// A text with each placeholder replaced by the parameter's value as the checker
    /// prints it.
    fn filled(&self, text: &LegalText) -> String {
        let schema = &self.pack.schema;
        let mut out = String::new();
        for part in &text.parts {
            match part {
                TextPart::Literal(literal) => out.push_str(literal),
                TextPart::Param(id) => {
                    if let Some(param) = self.pack.params.get(id.0 as usize) {
                        out.push_str(&placeholder(&param.value, schema));
                    }
                }
                TextPart::ParamField(id, steps) => {
                    let value =
                        self.pack.params.get(id.0 as usize).and_then(|param| {
                            clausier_check::hir::record_field(&param.value, steps)
                        });
                    if let Some(value) = value {
                        out.push_str(&placeholder(&value, schema));
                    }
                }
            }
        }
        out
    }
}

/// A parameter's value where a text names it: an enum variant by the « label » its doc
/// comment gives, as the tender writes it; any other value as the checker prints it.
fn placeholder(value: &Value, schema: &Schema) -> String {
    if let Value::Enum(id, index) = value
        && let Some(label) = schema
            .enum_def(*id)
            .and_then(|def| def.variants.get(*index as usize))
            .and_then(|variant| variant.label())
    {
        return format!("« {label} »");
    }
    value.display(schema).to_string()
}

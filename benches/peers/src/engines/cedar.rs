//! Cedar with cedar-policy: a schema, and one `permit` policy per clause (its id is the
//! clause's) plus one `ID/missing` policy per clause. Each descriptor becomes an `Offer`
//! entity, validated against the schema, and one authorization request; the clauses'
//! outcomes are read from the ids of the satisfied policies (`diagnostics().reason()`).

use std::collections::HashMap;
use std::str::FromStr;

use cedar_policy::{
    Authorizer, Context, Entities, EntityId, EntityTypeName, EntityUid, Policy, PolicyId,
    PolicySet, Request, Schema, ValidationMode, Validator,
};
use serde_json::{Map, Value as Json};

use crate::{CLAUSES, Engine, Outcome, Outcomes};

pub const SCHEMA: &str = include_str!("../../policies/tender.cedarschema");
pub const POLICIES: &str = include_str!("../../policies/tender.cedar");

pub struct Cedar {
    schema: Schema,
    policies: PolicySet,
    authorizer: Authorizer,
    principal: EntityUid,
    action: EntityUid,
    offer: EntityTypeName,
    /// For each policy id, the clause it speaks for and whether it says "missing".
    meaning: HashMap<PolicyId, (usize, Outcome)>,
}

fn error(error: impl std::fmt::Display) -> String {
    format!("cedar: {error}")
}

impl Cedar {
    pub fn new() -> Result<Self, String> {
        let (schema, _warnings) = Schema::from_cedarschema_str(SCHEMA).map_err(error)?;
        let mut policies = PolicySet::new();
        let mut meaning = HashMap::new();
        for (id, text) in super::split_marked(POLICIES) {
            let (clause, outcome) = match id.strip_suffix("/missing") {
                Some(clause) => (clause, Outcome::Missing),
                None => (id, Outcome::Pass),
            };
            let index = CLAUSES
                .iter()
                .position(|known| *known == clause)
                .ok_or_else(|| format!("cedar: unknown clause {clause}"))?;
            let policy_id = PolicyId::new(id);
            policies
                .add(Policy::parse(Some(policy_id.clone()), text).map_err(error)?)
                .map_err(error)?;
            meaning.insert(policy_id, (index, outcome));
        }
        let validation = Validator::new(schema.clone()).validate(&policies, ValidationMode::Strict);
        if !validation.validation_passed() {
            return Err(format!("cedar: the policies do not validate: {validation}"));
        }
        Ok(Self {
            schema,
            policies,
            authorizer: Authorizer::new(),
            principal: EntityUid::from_str(r#"Buyer::"acheteur""#).map_err(error)?,
            action: EntityUid::from_str(r#"Action::"check""#).map_err(error)?,
            offer: EntityTypeName::from_str("Offer").map_err(error)?,
            meaning,
        })
    }
}

/// A JSON number as the argument of Cedar's `decimal` (which needs a decimal point).
fn decimal(value: &Json) -> Option<Json> {
    let Json::Number(number) = value else {
        return None;
    };
    let text = number.to_string();
    Some(Json::String(if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }))
}

/// `{ field: value }` with only the fields that are given, each converted by `convert`.
/// How a field's JSON value becomes Cedar's (`None`: the attribute is left out).
type Convert = fn(&Json) -> Option<Json>;

fn record(source: Option<&Json>, fields: &[(&str, Convert)]) -> Json {
    let mut out = Map::new();
    for (field, convert) in fields {
        if let Some(value) = source
            .and_then(|source| source.get(field))
            .and_then(convert)
        {
            out.insert((*field).to_owned(), value);
        }
    }
    Json::Object(out)
}

fn same(value: &Json) -> Option<Json> {
    (!value.is_null()).then(|| value.clone())
}

/// The `Offer` entity of a descriptor, in Cedar's JSON entity format.
fn offer_entity(descriptor: &Json) -> Result<(String, Json), String> {
    let id = descriptor
        .get("id")
        .and_then(Json::as_str)
        .ok_or_else(|| "cedar: the descriptor has no id".to_owned())?
        .to_owned();
    let mut attrs = Map::new();
    attrs.insert(
        "hosting".into(),
        record(descriptor.get("hosting"), &[("region", same)]),
    );
    attrs.insert(
        "gar".into(),
        record(descriptor.get("gar"), &[("compliant", same)]),
    );
    attrs.insert(
        "evidence".into(),
        record(descriptor.get("evidence"), &[("tier", same)]),
    );
    attrs.insert(
        "pricing".into(),
        record(descriptor.get("pricing"), &[("per_pupil", decimal)]),
    );
    attrs.insert(
        "accessibility".into(),
        record(descriptor.get("accessibility"), &[("rgaa_rate", decimal)]),
    );
    if let Some(certifications) = descriptor.get("certifications").and_then(same) {
        attrs.insert("certifications".into(), certifications);
    }
    // Cedar cannot quantify over a set of records: the conversion gives the regions.
    if let Some(Json::Array(subprocessors)) = descriptor.get("subprocessors") {
        let regions = subprocessors
            .iter()
            .map(|subprocessor| {
                subprocessor
                    .get("region")
                    .and_then(same)
                    .unwrap_or_else(|| Json::String("UNDECLARED".into()))
            })
            .collect();
        attrs.insert("subprocessor_regions".into(), Json::Array(regions));
    }
    attrs.insert(
        "gdpr".into(),
        record(descriptor.get("gdpr"), &[("retention_months", same)]),
    );
    attrs.insert(
        "exit".into(),
        record(descriptor.get("exit"), &[("formats", same)]),
    );
    attrs.insert(
        "sso".into(),
        record(descriptor.get("sso"), &[("protocols", same)]),
    );
    let entity = serde_json::json!({
        "uid": { "type": "Offer", "id": id },
        "attrs": attrs,
        "parents": [],
    });
    Ok((id, entity))
}

impl Engine for Cedar {
    type Scratch = ();

    fn name(&self) -> &'static str {
        "cedar-policy (Cedar)"
    }

    fn scratch(&self) {}

    fn check(&self, _: &mut (), line: &str) -> Result<Outcomes, String> {
        let descriptor: Json = serde_json::from_str(line).map_err(error)?;
        let (id, entity) = offer_entity(&descriptor)?;
        let entities = Entities::from_json_value(Json::Array(vec![entity]), Some(&self.schema))
            .map_err(error)?;
        let resource = EntityUid::from_type_name_and_id(self.offer.clone(), EntityId::new(id));
        let request = Request::new(
            self.principal.clone(),
            self.action.clone(),
            resource,
            Context::empty(),
            Some(&self.schema),
        )
        .map_err(error)?;
        let response = self
            .authorizer
            .is_authorized(&request, &self.policies, &entities);
        if let Some(problem) = response.diagnostics().errors().next() {
            return Err(error(problem));
        }
        let mut outcomes = [Outcome::Fail; 10];
        for policy in response.diagnostics().reason() {
            let (index, outcome) = self
                .meaning
                .get(policy)
                .ok_or_else(|| format!("cedar: unknown policy {policy}"))?;
            if let Some(slot) = outcomes.get_mut(*index) {
                *slot = *outcome;
            }
        }
        Ok(outcomes)
    }
}

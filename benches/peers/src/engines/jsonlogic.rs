//! JSONLogic with datalogic-rs: one compiled rule per clause, each giving "pass", "fail"
//! or "missing". Each descriptor's line is parsed once into datalogic's arena value, and
//! the ten rules are evaluated on it; each thread reuses its arena.

use datalogic_rs::bumpalo::Bump;
use datalogic_rs::{DataValue, Logic};

use crate::{CLAUSES, Engine, Outcome, Outcomes};

pub const RULES: &str = include_str!("../../policies/tender.jsonlogic.json");

pub struct JsonLogic {
    engine: datalogic_rs::Engine,
    /// In the order of [`CLAUSES`].
    rules: Vec<Logic>,
}

fn error(error: impl std::fmt::Display) -> String {
    format!("datalogic: {error}")
}

impl JsonLogic {
    pub fn new() -> Result<Self, String> {
        let engine = datalogic_rs::Engine::new();
        let all: serde_json::Value = serde_json::from_str(RULES).map_err(error)?;
        let rules = CLAUSES
            .iter()
            .map(|clause| {
                let rule = all
                    .get(clause)
                    .ok_or_else(|| format!("datalogic: no rule for {clause}"))?;
                engine.compile(rule.to_string().as_str()).map_err(error)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { engine, rules })
    }
}

impl Engine for JsonLogic {
    type Scratch = Bump;

    fn name(&self) -> &'static str {
        "datalogic-rs (JSONLogic)"
    }

    fn scratch(&self) -> Bump {
        Bump::new()
    }

    fn check(&self, arena: &mut Bump, line: &str) -> Result<Outcomes, String> {
        arena.reset();
        let arena = &*arena;
        let data: &DataValue<'_> = arena.alloc(DataValue::from_str(line, arena).map_err(error)?);
        let mut outcomes = [Outcome::Missing; 10];
        for (slot, rule) in outcomes.iter_mut().zip(&self.rules) {
            let result = self.engine.evaluate(rule, data, arena).map_err(error)?;
            *slot = result
                .as_str()
                .and_then(Outcome::from_name)
                .ok_or_else(|| format!("datalogic: a clause gave {result}"))?;
        }
        Ok(outcomes)
    }
}

//! CEL with the `cel` crate: one compiled program per clause, each giving "pass", "fail"
//! or "missing". Each descriptor's line is parsed into a `serde_json::Value`, converted to
//! a CEL value with `cel::to_value`, and bound as the variable `d`.

use std::sync::Arc;

use cel::{Context, Env, Program, Value};

use crate::{CLAUSES, Engine, Outcome, Outcomes};

pub const PROGRAMS: &str = include_str!("../../policies/tender.cel");

pub struct Cel {
    env: Arc<Env>,
    /// In the order of [`CLAUSES`].
    programs: Vec<Program>,
}

fn error(error: impl std::fmt::Display) -> String {
    format!("cel: {error}")
}

impl Cel {
    pub fn new() -> Result<Self, String> {
        let env = Arc::new(Env::stdlib());
        let sources = super::split_marked(PROGRAMS);
        let programs = CLAUSES
            .iter()
            .map(|clause| {
                let (_, source) = sources
                    .iter()
                    .find(|(id, _)| id == clause)
                    .ok_or_else(|| format!("cel: no program for {clause}"))?;
                env.compile(source).map_err(error)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { env, programs })
    }
}

impl Engine for Cel {
    type Scratch = Context<'static, 'static>;

    fn name(&self) -> &'static str {
        "cel (CEL)"
    }

    fn scratch(&self) -> Context<'static, 'static> {
        Context::with_env(Arc::clone(&self.env))
    }

    fn check(
        &self,
        context: &mut Context<'static, 'static>,
        line: &str,
    ) -> Result<Outcomes, String> {
        let json: serde_json::Value = serde_json::from_str(line).map_err(error)?;
        let descriptor = cel::to_value(&json).map_err(error)?;
        context.add_variable_from_value("d", descriptor);
        let mut outcomes = [Outcome::Missing; 10];
        for (slot, program) in outcomes.iter_mut().zip(&self.programs) {
            *slot = match program.execute(context).map_err(error)? {
                Value::String(name) => Outcome::from_name(&name),
                _ => None,
            }
            .ok_or_else(|| "cel: a clause gave no outcome".to_owned())?;
        }
        Ok(outcomes)
    }
}

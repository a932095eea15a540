//! Rego with regorus, through its compiled path: the policy is compiled once to an RVM
//! bytecode program, and each thread runs it on its own register VM. Each descriptor's
//! line becomes a regorus `Value` (the input document).

use std::sync::Arc;

use regorus::Value;
use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::Program;
use regorus::rvm::vm::RegoVM;

use crate::{Engine, Outcome, Outcomes};

pub const POLICY: &str = include_str!("../../policies/tender.rego");
const ENTRY_POINT: &str = "data.tender.outcomes";

pub struct Rego {
    program: Arc<Program>,
}

impl Rego {
    pub fn new() -> Result<Self, String> {
        let mut engine = regorus::Engine::new();
        engine
            .add_policy("tender.rego".to_owned(), POLICY.to_owned())
            .map_err(error)?;
        let compiled = engine
            .compile_with_entrypoint(&ENTRY_POINT.into())
            .map_err(error)?;
        let program = Compiler::compile_from_policy(&compiled, &[ENTRY_POINT]).map_err(error)?;
        Ok(Self { program })
    }
}

impl Engine for Rego {
    type Scratch = Result<RegoVM, String>;

    fn name(&self) -> &'static str {
        "regorus (Rego, RVM bytecode)"
    }

    fn scratch(&self) -> Result<RegoVM, String> {
        let mut vm = RegoVM::new();
        vm.load_program(Arc::clone(&self.program));
        vm.set_data(Value::new_object()).map_err(error)?;
        Ok(vm)
    }

    fn check(&self, vm: &mut Self::Scratch, line: &str) -> Result<Outcomes, String> {
        let vm = vm.as_mut().map_err(|error| error.clone())?;
        let input = Value::from_json_str(line).map_err(error)?;
        vm.set_input(input);
        let result = vm.execute().map_err(error)?;
        let list = result
            .as_array()
            .map_err(|_| format!("regorus gave {result}"))?;
        let mut outcomes = [Outcome::Missing; 10];
        if list.len() != outcomes.len() {
            return Err(format!("regorus gave {result}"));
        }
        for (slot, value) in outcomes.iter_mut().zip(list.iter()) {
            *slot = value
                .as_string()
                .ok()
                .and_then(|name| Outcome::from_name(name))
                .ok_or_else(|| format!("regorus gave {value}"))?;
        }
        Ok(outcomes)
    }
}

fn error(error: impl std::fmt::Display) -> String {
    format!("regorus: {error}")
}

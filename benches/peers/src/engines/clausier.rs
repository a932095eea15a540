//! Clausier through its public library API, as `clausier check` uses it: the pack loaded
//! and compiled once, each descriptor loaded against the pack's schema from its NDJSON
//! text, then the compiled requirements evaluated.

use std::path::{Path, PathBuf};

use clausier_check::value::Value;
use clausier_data::load::{Format, LoadOptions, load_text};
use clausier_eval::report::{ClauseResult, Report, RequirementStatus};
use clausier_eval::{ClauseExpr, EvalContext, Program, RunOptions, compile, run};
use clausier_pack::LoadedPack;
use jiff::civil::Date;

use crate::{CLAUSES, Engine, Outcome, Outcomes};

/// The evaluation date of every run (no clause uses `today`).
pub fn date() -> Date {
    jiff::civil::date(2026, 11, 28)
}

/// The benchmark's pack, `benches/peers/pack`.
pub fn pack_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("pack")
}

pub struct Clausier {
    pack: LoadedPack,
    program: Program,
    /// The index of each of [`CLAUSES`] among the pack's requirements.
    requirements: [usize; 10],
    context: EvalContext,
    options: LoadOptions,
}

impl Clausier {
    pub fn new() -> Result<Self, String> {
        Self::load(&pack_dir())
    }

    pub fn load(dir: &Path) -> Result<Self, String> {
        let pack = clausier_pack::load_pack(dir)
            .map_err(|error| format!("cannot load the pack {}: {error}", dir.display()))?;
        let Some(valid) = pack.checked.valid() else {
            let error = pack.checked.diagnostics.iter().find(|d| d.is_error());
            return Err(format!("the pack does not compile: {error:?}"));
        };
        let program = compile(valid);
        let mut requirements = [0; 10];
        for (slot, clause) in requirements.iter_mut().zip(CLAUSES) {
            *slot = pack
                .checked
                .pack
                .requirements
                .iter()
                .position(|requirement| requirement.meta.id == clause)
                .ok_or_else(|| format!("the pack has no requirement {clause}"))?;
        }
        Ok(Self {
            pack,
            program,
            requirements,
            context: EvalContext::new(date()),
            options: LoadOptions::default(),
        })
    }

    /// The whole of `clausier check` but the rendering: every descriptor of the NDJSON
    /// text loaded, then the run with its report (statuses, explanations, summary).
    pub fn check_all(&self, text: &str, jobs: usize) -> Report {
        let descriptors = load_text(
            &self.pack.checked.pack.schema,
            "peers.ndjson",
            text,
            Format::Ndjson,
            &self.options,
        );
        run(
            &self.program,
            self.pack.info.clone(),
            &descriptors,
            &RunOptions::new(date(), jobs),
        )
    }

    /// The ten outcomes of each descriptor of a report, in order.
    pub fn report_outcomes(report: &Report) -> Result<Vec<Outcomes>, String> {
        report
            .descriptors
            .iter()
            .map(|descriptor| {
                let mut outcomes = [Outcome::Missing; 10];
                for (slot, clause) in outcomes.iter_mut().zip(CLAUSES) {
                    let status = descriptor
                        .results
                        .iter()
                        .find_map(|result| match result {
                            ClauseResult::Requirement(result) if result.clause == clause => {
                                Some(result.status)
                            }
                            _ => None,
                        })
                        .ok_or_else(|| {
                            format!(
                                "{}: no result for {clause} ({:?})",
                                descriptor.id, descriptor.status
                            )
                        })?;
                    *slot = match status {
                        RequirementStatus::Pass => Outcome::Pass,
                        RequirementStatus::Fail => Outcome::Fail,
                        RequirementStatus::Missing => Outcome::Missing,
                        RequirementStatus::NotApplicable => {
                            return Err(format!("{}: {clause} is not applicable", descriptor.id));
                        }
                    };
                }
                Ok(outcomes)
            })
            .collect()
    }
}

impl Engine for Clausier {
    type Scratch = ();

    fn name(&self) -> &'static str {
        "Clausier"
    }

    fn scratch(&self) {}

    fn check(&self, _: &mut (), line: &str) -> Result<Outcomes, String> {
        let descriptors = load_text(
            &self.pack.checked.pack.schema,
            "peers.ndjson",
            line,
            Format::Ndjson,
            &self.options,
        );
        let descriptor = descriptors
            .first()
            .ok_or_else(|| "no descriptor on the line".to_owned())?;
        let root = match &descriptor.root {
            Some(root) if !descriptor.is_invalid() => root,
            _ => return Err(format!("invalid descriptor: {:?}", descriptor.problems)),
        };
        let mut outcomes = [Outcome::Missing; 10];
        for (slot, index) in outcomes.iter_mut().zip(self.requirements) {
            *slot = match self
                .program
                .evaluate(ClauseExpr::Require(index), root, &self.context)
            {
                Some(Value::Bool(true)) => Outcome::Pass,
                Some(Value::Bool(false)) => Outcome::Fail,
                None => Outcome::Missing,
                Some(other) => return Err(format!("a requirement gave {other:?}")),
            };
        }
        Ok(outcomes)
    }
}

/// A pack of `count` requirements over the benchmark's schema: the ten clauses over and
/// over, each copy with its own id and threshold, for timing the compiler.
pub fn write_large_pack(dir: &Path, count: usize) -> Result<(), String> {
    let io = |error: std::io::Error| format!("{}: {error}", dir.display());
    std::fs::create_dir_all(dir).map_err(io)?;
    let source = pack_dir();
    for file in ["pack.toml", "schema.clause"] {
        std::fs::copy(source.join(file), dir.join(file)).map_err(io)?;
    }
    let mut text = String::with_capacity(count * 200);
    for index in 0..count {
        let n = index / 10;
        let require = match index % 10 {
            0 => "hosting.region <= EEA".to_owned(),
            1 => "gar.compliant".to_owned(),
            2 => ["evidence.tier <= II", "evidence.tier <= III"][n % 2].to_owned(),
            3 => format!("pricing.per_pupil <= {}.{:02} €", 4 + n % 5, n % 100),
            4 => format!("accessibility.rgaa_rate >= {}%", 50 + n % 50),
            5 => "\"HDS\" in certifications or \"SecNumCloud\" in certifications".to_owned(),
            6 => "all s in subprocessors: s.region == EU".to_owned(),
            7 => format!("gdpr.retention_months <= {}", 1 + n % 24),
            8 => "any f in exit.formats: f in [\"CSV\", \"JSON\", \"XML\", \"ODS\"]".to_owned(),
            _ => "SAML2 in sso.protocols or CAS in sso.protocols".to_owned(),
        };
        let docs = if index % 10 == 5 {
            "/// La certification HDS est imposée par la loi (CSP L.1111-8) pour les données\n/// de santé : aucune équivalence n'est admise pour elle.\n"
        } else {
            ""
        };
        text.push_str(&format!(
            "{docs}requirement C-{index:04} \"Clause {index}\" {{\n  text \"Clause générée numéro {index}.\"\n  require {require}\n}}\n\n"
        ));
    }
    std::fs::write(dir.join("clauses.clause"), text).map_err(io)?;
    Ok(())
}

/// Loads (reads, parses, checks) and compiles a pack: what the compile time measures.
pub fn load_and_compile(dir: &Path) -> Result<usize, String> {
    let pack = clausier_pack::load_pack(dir)
        .map_err(|error| format!("cannot load the pack {}: {error}", dir.display()))?;
    let Some(valid) = pack.checked.valid() else {
        let error = pack.checked.diagnostics.iter().find(|d| d.is_error());
        return Err(format!("the pack does not compile: {error:?}"));
    };
    let program = compile(valid);
    Ok(pack.checked.pack.requirements.len() + program.size())
}

/// Clausier's loading alone (each line against the schema, no evaluation): where the time
/// of a check goes.
pub struct LoadOnly<'a>(pub &'a Clausier);

impl Engine for LoadOnly<'_> {
    type Scratch = ();

    fn name(&self) -> &'static str {
        "Clausier, load only (load_text)"
    }

    fn scratch(&self) {}

    fn check(&self, _: &mut (), line: &str) -> Result<Outcomes, String> {
        let clausier = self.0;
        let descriptors = load_text(
            &clausier.pack.checked.pack.schema,
            "peers.ndjson",
            line,
            Format::Ndjson,
            &clausier.options,
        );
        if descriptors
            .first()
            .is_none_or(|descriptor| descriptor.is_invalid())
        {
            return Err("invalid descriptor".to_owned());
        }
        std::hint::black_box(&descriptors);
        Ok([Outcome::Missing; 10])
    }

    fn decides(&self) -> bool {
        false
    }
}

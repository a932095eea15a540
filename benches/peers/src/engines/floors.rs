//! The two floors: parsing each line into a `serde_json::Value` and nothing else, and a
//! hand-written Rust function over serde-derived structs.

use serde::Deserialize;

use crate::{Engine, Outcome, Outcomes};

/// Parsing only: what any engine that starts from a JSON tree pays before evaluating.
pub struct JsonValueParse;

impl Engine for JsonValueParse {
    type Scratch = ();

    fn name(&self) -> &'static str {
        "serde_json::Value parse only"
    }

    fn scratch(&self) {}

    fn check(&self, _: &mut (), line: &str) -> Result<Outcomes, String> {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|error| error.to_string())?;
        std::hint::black_box(&value);
        Ok([Outcome::Missing; 10])
    }

    fn decides(&self) -> bool {
        false
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Region {
    Eu,
    Eea,
    Adequate,
    Other,
}

/// Declaration order is the order: I < II < III < IV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
enum Tier {
    #[serde(rename = "I")]
    One,
    #[serde(rename = "II")]
    Two,
    #[serde(rename = "III")]
    Three,
    #[serde(rename = "IV")]
    Four,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum SsoProtocol {
    Saml2,
    Cas,
    Oidc,
    Proprietary,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Descriptor {
    id: String,
    name: Option<String>,
    vendor: Option<Vendor>,
    #[serde(default)]
    hosting: Hosting,
    #[serde(default)]
    gar: Gar,
    #[serde(default)]
    evidence: Evidence,
    #[serde(default)]
    pricing: Pricing,
    #[serde(default)]
    accessibility: Accessibility,
    certifications: Option<Vec<String>>,
    subprocessors: Option<Vec<Subprocessor>>,
    #[serde(default)]
    gdpr: Gdpr,
    #[serde(default)]
    exit: Exit,
    #[serde(default)]
    sso: Sso,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Vendor {
    siren: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[allow(dead_code)]
struct Hosting {
    region: Option<Region>,
    provider: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Gar {
    compliant: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
struct Evidence {
    tier: Option<Tier>,
}

#[derive(Debug, Default, Deserialize)]
struct Pricing {
    per_pupil: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
struct Accessibility {
    rgaa_rate: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Subprocessor {
    name: Option<String>,
    region: Option<Region>,
    purpose: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Gdpr {
    retention_months: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
struct Exit {
    formats: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
struct Sso {
    protocols: Option<Vec<SsoProtocol>>,
}

/// The hand-written floor: typed structs, Kleene's logic written out by hand.
pub struct TypedRust;

fn known(value: Option<bool>) -> Outcome {
    match value {
        Some(true) => Outcome::Pass,
        Some(false) => Outcome::Fail,
        None => Outcome::Missing,
    }
}

impl Engine for TypedRust {
    type Scratch = ();

    fn name(&self) -> &'static str {
        "hand-written typed Rust"
    }

    fn scratch(&self) {}

    fn check(&self, _: &mut (), line: &str) -> Result<Outcomes, String> {
        let d: Descriptor = serde_json::from_str(line).map_err(|error| error.to_string())?;
        let open = ["CSV", "JSON", "XML", "ODS"];
        let subprocessors = match &d.subprocessors {
            None => Outcome::Missing,
            Some(list) => {
                if list
                    .iter()
                    .any(|s| s.region.is_some_and(|region| region != Region::Eu))
                {
                    Outcome::Fail
                } else if list.iter().any(|s| s.region.is_none()) {
                    Outcome::Missing
                } else {
                    Outcome::Pass
                }
            }
        };
        Ok([
            known(
                d.hosting
                    .region
                    .map(|region| matches!(region, Region::Eu | Region::Eea)),
            ),
            known(d.gar.compliant),
            known(d.evidence.tier.map(|tier| tier <= Tier::Two)),
            known(d.pricing.per_pupil.map(|price| price <= 6.00)),
            known(d.accessibility.rgaa_rate.map(|rate| rate >= 75.0)),
            known(d.certifications.as_ref().map(|certifications| {
                certifications
                    .iter()
                    .any(|c| c == "HDS" || c == "SecNumCloud")
            })),
            subprocessors,
            known(d.gdpr.retention_months.map(|months| months <= 12)),
            known(
                d.exit
                    .formats
                    .as_ref()
                    .map(|formats| formats.iter().any(|f| open.contains(&f.as_str()))),
            ),
            known(d.sso.protocols.as_ref().map(|protocols| {
                protocols
                    .iter()
                    .any(|p| matches!(p, SsoProtocol::Saml2 | SsoProtocol::Cas))
            })),
        ])
    }
}

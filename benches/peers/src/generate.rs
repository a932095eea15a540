//! Deterministic descriptors: NDJSON text, one offer a line, about 450 bytes each.
//!
//! Each clause of an offer is drawn independently: most pass, some fail (sometimes exactly
//! at the threshold's edge on the passing side), and the optional fields are sometimes
//! absent, which makes the clause `missing`. The same seed always gives the same text.

/// A xorshift64* generator: small, fast and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn seed_from_u64(seed: u64) -> Self {
        // Scramble the seed once (splitmix64) so that small seeds start well; never zero.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Self((z ^ (z >> 31)) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `low..=high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items
            .get(self.below(items.len() as u64) as usize)
            .copied()
            .unwrap_or("")
    }
}

/// The seed of every workload of the benchmark.
pub const SEED: u64 = 0x00C1_A05E_2026;

/// How often a clause's data fails it, in thousandths.
const FAIL: u64 = 45;
/// How often an optional field is absent, in thousandths.
const ABSENT: u64 = 15;

const PRODUCTS: &[&str] = &[
    "Lecture Plus",
    "Calcul Mental Express",
    "Atelier Sciences",
    "Histoire Vivante",
    "Anglais en Classe",
    "Géométrie Active",
    "Dictées Malines",
    "Code et Robots",
];
const PROVIDERS: &[&str] = &[
    "OVHcloud",
    "Scaleway",
    "Outscale",
    "Cloud Temple",
    "NumSpot",
];
const SUBPROCESSORS: &[(&str, &str)] = &[
    ("Brevo", "messagerie"),
    ("Crisp", "support"),
    ("Scaleway", "sauvegarde"),
    ("Matomo Cloud", "mesure d'audience"),
    ("Mailjet", "notifications"),
];

/// `count` descriptors as NDJSON text (each line ends with `\n`).
pub fn ndjson(count: usize, seed: u64) -> String {
    let mut rng = Rng::seed_from_u64(seed);
    let mut out = String::with_capacity(count * 480);
    for index in 0..count {
        descriptor(&mut rng, index, &mut out);
        out.push('\n');
    }
    out
}

fn descriptor(rng: &mut Rng, index: usize, out: &mut String) {
    use std::fmt::Write as _;

    let fails = |rng: &mut Rng| rng.chance(FAIL);
    let absent = |rng: &mut Rng| rng.chance(ABSENT);

    // `write!` into a `String` cannot fail.
    let _ = write!(
        out,
        r#"{{"id":"offre-{index:07}","name":"{} {}","vendor":{{"siren":"{:09}"}},"#,
        rng.pick(PRODUCTS),
        rng.between(1, 9),
        rng.between(100_000_000, 999_999_999),
    );

    let region = if fails(rng) {
        rng.pick(&["ADEQUATE", "OTHER"])
    } else if rng.chance(150) {
        "EEA"
    } else {
        "EU"
    };
    let _ = write!(
        out,
        r#""hosting":{{"region":"{region}","provider":"{}"}},"#,
        rng.pick(PROVIDERS)
    );

    let _ = write!(out, r#""gar":{{"compliant":{}}},"#, !fails(rng));

    out.push_str(r#""evidence":{"#);
    if !absent(rng) {
        let tier = if fails(rng) {
            rng.pick(&["III", "IV"])
        } else {
            rng.pick(&["I", "II", "II"])
        };
        let _ = write!(out, r#""tier":"{tier}""#);
    }
    out.push_str("},");

    // Prices in steps of 5 cents; exactly 6.00 € now and then.
    let cents = if fails(rng) {
        rng.between(121, 180) * 5
    } else if rng.chance(30) {
        600
    } else {
        rng.between(40, 120) * 5
    };
    let _ = write!(
        out,
        r#""pricing":{{"per_pupil":{}.{:02}}},"#,
        cents / 100,
        cents % 100
    );

    // Rates in steps of half a point; exactly 75 % now and then.
    out.push_str(r#""accessibility":{"#);
    if !absent(rng) {
        let halves = if fails(rng) {
            rng.between(40, 149)
        } else if rng.chance(30) {
            150
        } else {
            rng.between(150, 200)
        };
        let _ = write!(
            out,
            r#""rgaa_rate":{}.{}"#,
            halves / 2,
            if halves % 2 == 0 { 0 } else { 5 }
        );
    }
    out.push_str("},");

    if !absent(rng) {
        let certifications = if fails(rng) {
            rng.pick(&[r#"["ISO27001"]"#, "[]", r#"["ISO27001","SOC2"]"#])
        } else {
            rng.pick(&[
                r#"["HDS","ISO27001"]"#,
                r#"["SecNumCloud"]"#,
                r#"["ISO27001","SecNumCloud","HDS"]"#,
                r#"["HDS"]"#,
            ])
        };
        let _ = write!(out, r#""certifications":{certifications},"#);
    }

    if !rng.chance(ABSENT / 3) {
        let count = rng.between(0, 3) as usize;
        let non_eu = (count > 0 && fails(rng)).then(|| rng.below(count as u64) as usize);
        let unlocated = (count > 0 && absent(rng)).then(|| rng.below(count as u64) as usize);
        out.push_str(r#""subprocessors":["#);
        for position in 0..count {
            let (name, purpose) = SUBPROCESSORS
                .get(rng.below(SUBPROCESSORS.len() as u64) as usize)
                .copied()
                .unwrap_or(("", ""));
            if position > 0 {
                out.push(',');
            }
            let _ = write!(out, r#"{{"name":"{name}","#);
            if unlocated != Some(position) {
                let region = if non_eu == Some(position) {
                    rng.pick(&["EEA", "ADEQUATE", "OTHER"])
                } else {
                    "EU"
                };
                let _ = write!(out, r#""region":"{region}","#);
            }
            let _ = write!(out, r#""purpose":"{purpose}"}}"#);
        }
        out.push_str("],");
    }

    out.push_str(r#""gdpr":{"#);
    if !absent(rng) {
        let months = if fails(rng) {
            rng.between(13, 36)
        } else {
            rng.between(1, 12)
        };
        let _ = write!(out, r#""retention_months":{months}"#);
    }
    out.push_str("},");

    let formats = if fails(rng) {
        rng.pick(&[r#"["PDF"]"#, r#"["XLSX","PDF"]"#, r#"["XLSX"]"#])
    } else {
        rng.pick(&[
            r#"["CSV","JSON"]"#,
            r#"["XLSX","CSV"]"#,
            r#"["JSON","XML","PDF"]"#,
            r#"["ODS"]"#,
        ])
    };
    let _ = write!(out, r#""exit":{{"formats":{formats}}},"#);

    out.push_str(r#""sso":{"#);
    if !absent(rng) {
        let protocols = if fails(rng) {
            rng.pick(&[r#"["OIDC"]"#, r#"["PROPRIETARY"]"#, "[]"])
        } else {
            rng.pick(&[
                r#"["SAML2","OIDC"]"#,
                r#"["CAS"]"#,
                r#"["OIDC","CAS","SAML2"]"#,
                r#"["SAML2"]"#,
            ])
        };
        let _ = write!(out, r#""protocols":{protocols}"#);
    }
    out.push_str("}}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_text() {
        assert_eq!(ndjson(200, SEED), ndjson(200, SEED));
        assert_ne!(ndjson(200, SEED), ndjson(200, SEED + 1));
    }

    #[test]
    fn every_line_is_a_json_object_of_about_450_bytes() {
        let text = ndjson(1000, SEED);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1000);
        for line in &lines {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(value.is_object());
        }
        let average = text.len() / lines.len();
        assert!((380..=520).contains(&average), "{average} bytes a line");
    }
}

//! Composition across packs: `use`, `set`, merged schemas, and what the checked root
//! holds, on graphs of small packs given as text.

mod common;

use clausier_check::{Checked, PackGraph, PackInput, check_graph};
use clausier_diagnostics::{FileId, SourceFile, SourceMap};
use clausier_syntax::ast::SourceFileAst;
use insta::assert_snapshot;

use common::render_diagnostics;

/// One pack of a test graph: its name, the names of its direct dependencies (packs
/// listed before it) and its files.
struct Pack<'a> {
    name: &'a str,
    dependencies: &'a [&'a str],
    files: &'a [(&'a str, &'a str)],
}

struct Graph {
    sources: SourceMap,
    checked: Checked,
}

impl Graph {
    fn diagnostics(&self) -> String {
        render_diagnostics(&self.sources, &self.checked.diagnostics)
    }

    /// The errors only: what composition itself reports, without the lints on what the
    /// composed pack holds (a `should` requirement no criterion scores…).
    fn errors(&self) -> String {
        let errors: Vec<_> = self
            .checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        render_diagnostics(&self.sources, &errors)
    }

    /// The root's requirements and criteria: `pack::ID level`.
    fn clauses(&self) -> Vec<String> {
        let pack = &self.checked.pack;
        pack.requirements
            .iter()
            .map(|r| format!("{}::{} {}", r.meta.pack, r.meta.id, r.level.as_str()))
            .chain(
                pack.criteria
                    .iter()
                    .map(|c| format!("{}::{} weight {}", c.meta.pack, c.meta.id, c.weight)),
            )
            .collect()
    }

    /// Every parameter: `pack::name = value (set by pack at place)`.
    fn params(&self) -> Vec<String> {
        let pack = &self.checked.pack;
        pack.params
            .iter()
            .map(|p| {
                let mut line =
                    format!("{}::{} = {}", p.pack, p.name, p.value.display(&pack.schema));
                if let Some(site) = &p.set_in {
                    line.push_str(&format!(
                        " (default {}, set by {} at {})",
                        p.default.display(&pack.schema),
                        site.pack,
                        site.location
                    ));
                }
                line
            })
            .collect()
    }
}

/// Checks packs given in dependency order; the last is the root. Every pack is version
/// `1.0.0`.
fn check(packs: &[Pack<'_>]) -> Graph {
    let mut sources = SourceMap::new();
    let mut trees: Vec<Vec<(FileId, SourceFileAst)>> = Vec::new();
    for pack in packs {
        let mut files = Vec::new();
        for (name, text) in pack.files {
            let id = sources.add(SourceFile::new(format!("{}/{name}", pack.name), *text));
            let parse = clausier_syntax::parse(id, text);
            assert!(
                parse.diagnostics.is_empty(),
                "{}/{name} does not parse:\n{}",
                pack.name,
                render_diagnostics(&sources, &parse.diagnostics)
            );
            files.push((id, parse.ast));
        }
        trees.push(files);
    }
    let refs: Vec<Vec<(FileId, &SourceFileAst)>> = trees
        .iter()
        .map(|files| files.iter().map(|(id, ast)| (*id, ast)).collect())
        .collect();
    let inputs = packs
        .iter()
        .zip(&refs)
        .map(|(pack, files)| PackInput {
            name: pack.name,
            version: "1.0.0",
            files,
            dependencies: pack
                .dependencies
                .iter()
                .map(|dep| {
                    let index = packs.iter().position(|p| p.name == *dep);
                    ((*dep).to_owned(), index.unwrap_or(usize::MAX))
                })
                .collect(),
            overrides: Vec::new(),
        })
        .collect();
    let checked = check_graph(&PackGraph {
        packs: inputs,
        sources: &sources,
        launch: None,
        lots: &[],
    });
    Graph { sources, checked }
}

const BASE: &str = r#"
enum Region { EU, OTHER }
descriptor {
  hosting: { region: Region }
  pricing: { per_student: money }
}
param max_price: money = 8 €
requirement HEB-01 "Hébergement" { require hosting.region == EU }
requirement PRX-01 "Prix" { require pricing.per_student <= max_price }
requirement ACC-01 "Accessibilité" { level should require hosting.region == EU }
criterion PRIX "Prix" weight 100 { score lowest(pricing.per_student) / pricing.per_student }
"#;

fn base() -> Pack<'static> {
    Pack {
        name: "base",
        dependencies: &[],
        files: &[("base.clause", BASE)],
    }
}

#[test]
fn without_use_a_dependency_brings_its_schema_and_no_clause() {
    let graph = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[(
                "region.clause",
                "requirement REG-01 \"Région\" { require hosting.region == EU }",
            )],
        },
    ]);
    assert_eq!(graph.errors(), "no diagnostics\n");
    assert_eq!(graph.clauses(), ["region::REG-01 must"]);
}

#[test]
fn use_brings_every_clause_and_a_selection_changes_levels() {
    let all = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[("region.clause", "use base")],
        },
    ]);
    assert_eq!(all.errors(), "no diagnostics\n");
    assert_eq!(
        all.clauses(),
        [
            "base::HEB-01 must",
            "base::PRX-01 must",
            "base::ACC-01 should",
            "base::PRIX weight 100"
        ]
    );
    let selection = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[(
                "region.clause",
                "requirement REG-01 \"Région\" { require hosting.region == EU }\n\
                 use base::{ACC-01 as must, HEB-01 as should, PRIX}",
            )],
        },
    ]);
    assert_eq!(selection.errors(), "no diagnostics\n");
    // In the order the root's items give them.
    assert_eq!(
        selection.clauses(),
        [
            "region::REG-01 must",
            "base::ACC-01 must",
            "base::HEB-01 should",
            "base::PRIX weight 100"
        ]
    );
}

#[test]
fn a_pack_brings_in_what_its_dependencies_brought_in_with_their_levels() {
    let graph = check(&[
        base(),
        Pack {
            name: "national",
            dependencies: &["base"],
            files: &[("national.clause", "use base::{HEB-01 as should, PRX-01}")],
        },
        Pack {
            name: "region",
            dependencies: &["national"],
            files: &[("region.clause", "use national::{HEB-01}")],
        },
    ]);
    assert_eq!(graph.errors(), "no diagnostics\n");
    assert_eq!(graph.clauses(), ["base::HEB-01 should"]);
}

#[test]
fn each_pack_sees_its_own_parameters() {
    let graph = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[(
                "region.clause",
                "param max_price: money = 5 €\n\
                 requirement REG-01 \"Prix régional\" { require pricing.per_student <= max_price }\n\
                 requirement REG-02 \"Prix national\" { require pricing.per_student <= max_prix }\n\
                 use base::{PRX-01}",
            )],
        },
    ]);
    // Two parameters of one name in two packs are two parameters; the root's misspelling
    // is suggested its own, not the dependency's.
    assert_snapshot!(graph.diagnostics(), @r"
    error[E0203] region/region.clause:3:69-77: unknown name `max_prix`
      primary region/region.clause:3:69-77: not a field, a parameter or an enum variant
      help: did you mean `max_price`?
      fix `replace with `max_price``: region/region.clause:3:69-77 -> `max_price`
    ");
    assert_eq!(
        graph.params(),
        ["base::max_price = 8.00 €", "region::max_price = 5.00 €"]
    );
}

#[test]
fn set_overrides_a_dependency_and_records_where() {
    let graph = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[("region.clause", "use base\nset base::max_price = 5.50 €")],
        },
    ]);
    assert_eq!(graph.errors(), "no diagnostics\n");
    assert_eq!(
        graph.params(),
        ["base::max_price = 5.50 € (default 8.00 €, set by region at region/region.clause:2:11)"]
    );
}

#[test]
fn a_depending_pack_overrides_what_its_dependency_set() {
    let graph = check(&[
        base(),
        Pack {
            name: "national",
            dependencies: &["base"],
            files: &[("national.clause", "set base::max_price = 7 €")],
        },
        Pack {
            name: "region",
            dependencies: &["national", "base"],
            files: &[("region.clause", "set base::max_price = 5 €")],
        },
    ]);
    assert_eq!(graph.errors(), "no diagnostics\n");
    assert_eq!(
        graph.params(),
        ["base::max_price = 5.00 € (default 8.00 €, set by region at region/region.clause:1:11)"]
    );
}

#[test]
fn two_packs_that_do_not_depend_on_each_other_cannot_both_set_a_parameter() {
    let graph = check(&[
        base(),
        Pack {
            name: "east",
            dependencies: &["base"],
            files: &[("east.clause", "set base::max_price = 7 €")],
        },
        Pack {
            name: "west",
            dependencies: &["base"],
            files: &[("west.clause", "set base::max_price = 6 €")],
        },
        Pack {
            name: "region",
            dependencies: &["east", "west"],
            files: &[("region.clause", "use east\nuse west")],
        },
    ]);
    assert_snapshot!(graph.diagnostics(), @r"
    error[E0206] west/west.clause:1:11-20: the parameter `base::max_price` is set by `east` and by `west`
      primary west/west.clause:1:11-20: set by `west` here
      secondary east/east.clause:1:11-20: set by `east` here
      note: neither pack depends on the other, so neither override can win
      help: remove one of them, or set `base::max_price` in a pack that depends on both
    ");
}

#[test]
fn an_override_is_type_checked_against_the_declaration() {
    let graph = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[("region.clause", "set base::max_price = 5.5")],
        },
    ]);
    assert_snapshot!(graph.diagnostics(), @r"
    error[E0309] region/region.clause:1:23-26: the parameter `base::max_price` is declared `money` but its value is a `number`
      primary region/region.clause:1:23-26: this is a `number`
      secondary base/base.clause:7:7-16: declared `money` here
      help: write the value in euros: `5.5 €`
    ");
}

#[test]
fn the_same_clause_twice_is_kept_once_unless_the_levels_differ() {
    let same = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[(
                "region.clause",
                "use base::{HEB-01}\nuse base::{HEB-01, PRX-01}",
            )],
        },
    ]);
    assert_eq!(same.errors(), "no diagnostics\n");
    assert_eq!(same.clauses(), ["base::HEB-01 must", "base::PRX-01 must"]);
    let different = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[("region.clause", "use base\nuse base::{ACC-01 as must}")],
        },
    ]);
    assert_snapshot!(different.errors(), @r"
    error[E0205] region/region.clause:2:12-18: the clause `ACC-01` is brought in twice, as `should` and as `must`
      primary region/region.clause:2:12-18: brought in again as `must`
      secondary region/region.clause:1:5-9: first brought in as `should`
      help: bring `ACC-01` in once, with the level the tender asks for
    ");
}

#[test]
fn one_id_from_two_packs_is_an_error_naming_both() {
    let graph = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[(
                "region.clause",
                "use base\nrequirement HEB-01 \"Hébergement régional\" { require hosting.region == EU }",
            )],
        },
    ]);
    assert_snapshot!(graph.errors(), @r"
    error[E0205] region/region.clause:2:13-19: the clause id `HEB-01` is used by `base` and by `region`
      primary region/region.clause:2:13-19: the clause of `region` comes in here
      secondary region/region.clause:1:5-9: the clause of `base` comes in here
      help: rename your own clause, or bring in a selection that leaves one of them out: `use DEP::{ID, …}`
    ");
}

#[test]
fn a_criterion_has_no_level_to_change() {
    let graph = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[("region.clause", "use base::{PRIX as must}")],
        },
    ]);
    assert_snapshot!(graph.errors(), @r"
    error[E0403] region/region.clause:1:20-24: `PRIX` is a criterion, which has no level
      primary region/region.clause:1:20-24: not allowed on a criterion
      help: a criterion is weighted, not `must` or `should`: write `PRIX` alone
    ");
}

#[test]
fn a_dependency_of_a_dependency_is_not_a_dependency() {
    let graph = check(&[
        base(),
        Pack {
            name: "national",
            dependencies: &["base"],
            files: &[("national.clause", "use base")],
        },
        Pack {
            name: "region",
            dependencies: &["national"],
            files: &[("region.clause", "set base::max_price = 5 €")],
        },
    ]);
    assert_snapshot!(graph.diagnostics(), @r"
    error[E0211] region/region.clause:1:5-9: unknown pack `base`
      primary region/region.clause:1:5-9: no dependency has this name
      note: the dependencies of `region` are `national`
      help: `base` is a dependency of another pack: declare it under `[dependencies]` in the `pack.toml` of `region` too
    ");
}

#[test]
fn identical_enums_and_types_of_two_packs_are_one() {
    let shared = r#"
enum Region { EU, OTHER }
type Site = { region: Region, name: string }
descriptor { sites: list<Site> }
"#;
    let graph = check(&[
        Pack {
            name: "a",
            dependencies: &[],
            files: &[("a.clause", shared)],
        },
        Pack {
            name: "b",
            dependencies: &["a"],
            files: &[
                ("b.clause", shared),
                (
                    "rules.clause",
                    "requirement S-01 \"Sites\" { require all s in sites: s.region == EU }",
                ),
            ],
        },
    ]);
    assert_eq!(graph.errors(), "no diagnostics\n");
    assert_eq!(graph.checked.pack.schema.enums.len(), 1);
}

#[test]
fn types_that_differ_across_packs_are_errors_naming_both_packs() {
    let graph = check(&[
        Pack {
            name: "a",
            dependencies: &[],
            files: &[(
                "a.clause",
                "type Site = { name: string }\ndescriptor { site: Site, rate: percent }",
            )],
        },
        Pack {
            name: "b",
            dependencies: &["a"],
            files: &[(
                "b.clause",
                "type Site = { name: int }\ndescriptor { rate: number }",
            )],
        },
    ]);
    assert_snapshot!(graph.diagnostics(), @r"
    error[E0206] b/b.clause:1:6-10: the type `Site` is declared by `a` and, differently, by `b`
      primary b/b.clause:1:6-10: declared here in `b`
      secondary a/a.clause:1:6-10: first declared in `a`
      help: give the type the same fields, with the same types, in both packs, or rename one of them
    error[E0207] b/b.clause:2:20-26: the descriptor field `rate` is declared as `percent` by `a` and as `number` by `b`
      primary b/b.clause:2:20-26: declared here as `number` in `b`
      secondary a/a.clause:2:26-30: first declared as `percent` in `a`
      help: give the field the same type in every `descriptor` block, or rename one of them
    ");
}

#[test]
fn lints_run_on_what_the_root_holds_with_its_overrides() {
    let graph = check(&[
        base(),
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[(
                "region.clause",
                "use base::{PRX-01, PRIX}\nset base::max_price = 0 €\n\
                 criterion ENV \"Environnement\" weight 10 { score 1 }",
            )],
        },
    ]);
    // The weights are those of the criteria in effect, one from each pack; the clauses
    // left out of the selection are not linted.
    assert_snapshot!(graph.diagnostics(), @r"
    warning[W0502] base/base.clause:11:30-33: the criteria weights sum to 110, not 100
      primary base/base.clause:11:30-33: weight 100
      secondary region/region.clause:3:38-40: weight 10
      help: set the weights so that they sum to 100: each is the share of the score it gives
    ");
}

#[test]
fn only_the_root_tests_are_collected_and_they_see_used_clauses() {
    let graph = check(&[
        Pack {
            name: "base",
            dependencies: &[],
            files: &[
                ("base.clause", BASE),
                (
                    "tests.clause",
                    "test \"base\" { given { hosting: { region: \"EU\" } } expect pass HEB-01 }",
                ),
            ],
        },
        Pack {
            name: "region",
            dependencies: &["base"],
            files: &[(
                "region.clause",
                "use base::{HEB-01}\ntest \"region\" { given { hosting: { region: \"EU\" } } expect pass HEB-01 }",
            )],
        },
    ]);
    let tests: Vec<&str> = graph
        .checked
        .pack
        .tests
        .iter()
        .map(|t| t.decl.name.value.as_str())
        .collect();
    assert_eq!(tests, ["region"]);
}

#[test]
fn check_pack_is_a_graph_of_one() {
    let graph = check(&[Pack {
        name: "alone",
        dependencies: &[],
        files: &[("alone.clause", "use base\nset base::max_price = 5 €")],
    }]);
    assert_snapshot!(graph.diagnostics(), @r"
    error[E0211] alone/alone.clause:1:5-9: unknown pack `base`
      primary alone/alone.clause:1:5-9: no dependency has this name
      help: declare it under `[dependencies]` in `pack.toml`
    error[E0211] alone/alone.clause:2:5-9: unknown pack `base`
      primary alone/alone.clause:2:5-9: no dependency has this name
      help: declare it under `[dependencies]` in `pack.toml`
    ");
}

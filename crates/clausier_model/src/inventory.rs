//! Indicators over an inventory and per-entry priorities, written again from
//! `docs/language.md` (« Indicators and risks over an inventory ») without the engine:
//! random inventories, the one pack they are diagnosed with, and what the diagnosis must
//! hold — each group's sum or count and its share of the total, a weighted share, and
//! each entry's priority (score × spend × nearness) and competition rank.

use std::fmt::Write as _;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::calendar::Day;
use crate::number::Num;

/// The categories, in declaration order.
pub const CATEGORIES: [&str; 3] = ["BUREAUTIQUE", "VISIO", "SERVEURS"];
/// The laws a supplier is subject to, in declaration order.
pub const JURISDICTIONS: [&str; 2] = ["UE", "HORS_UE"];
/// Suppliers' names: their code-point order is not their alphabetical one.
pub const SUPPLIERS: [&str; 4] = ["Zeta", "Alpha", "Élan", "alpha"];

/// One line of an inventory; `None` is a field the line does not give.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub category: Option<usize>,
    pub jurisdiction: Option<usize>,
    pub supplier: Option<usize>,
    /// In cents.
    pub spend: Option<i64>,
    pub criticality: Option<i64>,
    pub ends: Option<Day>,
    /// How many signs of lock-in.
    pub lock_in: Option<usize>,
    /// A line whose category is no variant: invalid, left out of the diagnosis.
    pub invalid: bool,
}

/// An inventory, the date of its diagnosis and the window of its risk, in months.
#[derive(Debug, Clone)]
pub struct Inventory {
    pub entries: Vec<Entry>,
    pub today: Day,
    pub window_months: i64,
}

/// The value of one group of a field (or the key of a grouping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Variant(&'static str),
    Text(&'static str),
    Absent,
}

/// One group: its keys, its value (`None` unknown), its share of the total and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub keys: Vec<Key>,
    pub value: Option<Num>,
    pub share: Option<Num>,
    pub entries: usize,
}

/// An entry's priority and rank.
#[derive(Debug, Clone, PartialEq)]
pub struct Priority {
    /// The entry's index in the inventory.
    pub entry: usize,
    pub priority: Option<Num>,
    pub rank: Option<u32>,
}

/// Draws random inventories.
pub struct InventoryGenerator {
    rng: ChaCha8Rng,
}

impl InventoryGenerator {
    pub fn new(seed: u64) -> InventoryGenerator {
        InventoryGenerator {
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    pub fn inventory(&mut self) -> Inventory {
        let today = Day::new(
            2026,
            self.rng.random_range(1..=12),
            self.rng.random_range(1..=28),
        );
        let count = self.rng.random_range(0..=12);
        let entries = (0..count).map(|index| self.entry(index, today)).collect();
        Inventory {
            entries,
            today,
            window_months: self.rng.random_range(1..=24),
        }
    }

    fn entry(&mut self, index: usize, today: Day) -> Entry {
        let given = |rng: &mut ChaCha8Rng| rng.random_range(0..10) > 0;
        let category = given(&mut self.rng).then(|| self.rng.random_range(0..CATEGORIES.len()));
        let jurisdiction =
            given(&mut self.rng).then(|| self.rng.random_range(0..JURISDICTIONS.len()));
        let supplier = given(&mut self.rng).then(|| self.rng.random_range(0..SUPPLIERS.len()));
        // Small amounts, often equal, so that ties and zero totals happen.
        let spend = given(&mut self.rng).then(|| self.rng.random_range(0..=4) * 2550);
        let criticality = given(&mut self.rng).then(|| self.rng.random_range(0..=3));
        let ends = given(&mut self.rng)
            .then(|| {
                today.shifted(
                    self.rng.random_range(-6..=60),
                    self.rng.random_range(-3..=3),
                )
            })
            .flatten();
        let lock_in = given(&mut self.rng).then(|| self.rng.random_range(0..=2));
        Entry {
            id: format!("ligne-{index}"),
            category,
            jurisdiction,
            supplier,
            spend,
            criticality,
            ends,
            lock_in,
            invalid: self.rng.random_range(0..25) == 0,
        }
    }
}

/// The pack every inventory is diagnosed with.
pub fn pack_text(window_months: i64) -> String {
    format!(
        r#"enum Category {{ {} }}
enum Jurisdiction {{ {} }}
descriptor {{
  category: Category
  annual_spend: money
  supplier: {{ name: string, jurisdiction: Jurisdiction }}
  criticality: int
  contract_end: date
  lock_in: list<string>
}}
param fenetre: duration = {window_months} months

indicator SOMME "Dépense par catégorie" {{
  value sum(e in entries: e.annual_spend)
  by category
}}
indicator FOURNISSEURS "Lignes par fournisseur" {{
  value count(entries)
  by supplier.name
}}
indicator MATRICE "Catégorie et droit" {{
  value count(entries)
  by category, supplier.jurisdiction
}}
indicator PART "Part hors UE" {{
  value share(e in entries: e.supplier.jurisdiction == HORS_UE, e.annual_spend)
}}
risk RISQUE "Risque" {{
  value criticality + count(lock_in)
  spend annual_spend
  ends contract_end
  window fenetre
}}
"#,
        CATEGORIES.join(", "),
        JURISDICTIONS.join(", ")
    )
}

/// The inventory as NDJSON, one line per entry.
pub fn ndjson(inventory: &Inventory) -> String {
    let mut out = String::new();
    for entry in &inventory.entries {
        let mut fields = vec![format!("\"id\": \"{}\"", entry.id)];
        if entry.invalid {
            fields.push("\"category\": \"AUCUNE\"".to_owned());
        } else if let Some(category) = entry.category {
            fields.push(format!("\"category\": \"{}\"", CATEGORIES[category]));
        }
        if let Some(cents) = entry.spend {
            fields.push(format!(
                "\"annual_spend\": {}",
                Num::decimal(cents, 2).to_decimal_string()
            ));
        }
        let mut supplier = Vec::new();
        if let Some(name) = entry.supplier {
            supplier.push(format!("\"name\": \"{}\"", SUPPLIERS[name]));
        }
        if let Some(law) = entry.jurisdiction {
            supplier.push(format!("\"jurisdiction\": \"{}\"", JURISDICTIONS[law]));
        }
        fields.push(format!("\"supplier\": {{{}}}", supplier.join(", ")));
        if let Some(criticality) = entry.criticality {
            fields.push(format!("\"criticality\": {criticality}"));
        }
        if let Some(ends) = entry.ends {
            fields.push(format!("\"contract_end\": \"{ends}\""));
        }
        if let Some(signs) = entry.lock_in {
            let signs: Vec<String> = (0..signs).map(|n| format!("\"signe-{n}\"")).collect();
            fields.push(format!("\"lock_in\": [{}]", signs.join(", ")));
        }
        let _ = writeln!(out, "{{{}}}", fields.join(", "));
    }
    out
}

/// The indexes of the entries the diagnosis leaves out.
pub fn left_out(inventory: &Inventory) -> Vec<usize> {
    let entries = inventory.entries.iter().enumerate();
    entries.filter(|(_, e)| e.invalid).map(|(i, _)| i).collect()
}

fn valid(inventory: &Inventory) -> Vec<&Entry> {
    inventory.entries.iter().filter(|e| !e.invalid).collect()
}

fn category_key(entry: &Entry) -> Key {
    entry
        .category
        .map_or(Key::Absent, |c| Key::Variant(CATEGORIES[c]))
}

fn jurisdiction_key(entry: &Entry) -> Key {
    entry
        .jurisdiction
        .map_or(Key::Absent, |j| Key::Variant(JURISDICTIONS[j]))
}

fn supplier_key(entry: &Entry) -> Key {
    entry
        .supplier
        .map_or(Key::Absent, |s| Key::Text(SUPPLIERS[s]))
}

/// Every variant, then `Absent` when an entry lacks the field.
fn variant_keys(names: &[&'static str], given: &[Key]) -> Vec<Key> {
    let mut keys: Vec<Key> = names.iter().map(|name| Key::Variant(name)).collect();
    if given.contains(&Key::Absent) {
        keys.push(Key::Absent);
    }
    keys
}

/// The sum of the spending of `entries`, unknown when one lacks it.
fn spend_sum(entries: &[&Entry]) -> Option<Num> {
    let mut total = Num::zero();
    for entry in entries {
        total = total.add(&Num::decimal(entry.spend?, 2)).ok()?;
    }
    Some(total)
}

fn count(entries: &[&Entry]) -> Option<Num> {
    Some(Num::from_int(i64::try_from(entries.len()).ok()?))
}

/// A grouping field: how an entry's key is read, and the keys in their order.
type Keying<'k> = (&'k dyn Fn(&Entry) -> Key, Vec<Key>);

/// Groups by a list of keyings, first major, each group's value and share of the total.
fn grouped(
    entries: &[&Entry],
    keyings: &[Keying<'_>],
    value: &dyn Fn(&[&Entry]) -> Option<Num>,
) -> (Option<Num>, Vec<Group>) {
    let total = value(entries);
    let mut groups: Vec<(Vec<Key>, Vec<&Entry>)> = vec![(Vec::new(), entries.to_vec())];
    for (key_of, keys) in keyings {
        let mut next = Vec::new();
        for (prefix, members) in &groups {
            for key in keys {
                let mut keys = prefix.clone();
                keys.push(key.clone());
                let inside = members
                    .iter()
                    .copied()
                    .filter(|e| key_of(e) == *key)
                    .collect();
                next.push((keys, inside));
            }
        }
        groups = next;
    }
    let groups = groups
        .into_iter()
        .map(|(keys, members)| {
            let value = value(&members);
            let share = match (&value, &total) {
                (Some(part), Some(total)) if !total.is_zero() => part.div(total).ok(),
                _ => None,
            };
            Group {
                keys,
                value,
                share,
                entries: members.len(),
            }
        })
        .collect();
    (total, groups)
}

/// `SOMME`: the spending per category.
pub fn spend_by_category(inventory: &Inventory) -> (Option<Num>, Vec<Group>) {
    let entries = valid(inventory);
    let given: Vec<Key> = entries.iter().map(|e| category_key(e)).collect();
    let keys = variant_keys(&CATEGORIES, &given);
    grouped(&entries, &[(&category_key, keys)], &spend_sum)
}

/// `FOURNISSEURS`: the lines per supplier's name, names in code-point order.
pub fn lines_by_supplier(inventory: &Inventory) -> (Option<Num>, Vec<Group>) {
    let entries = valid(inventory);
    let given: Vec<Key> = entries.iter().map(|e| supplier_key(e)).collect();
    let mut names: Vec<&'static str> = entries
        .iter()
        .filter_map(|e| e.supplier.map(|s| SUPPLIERS[s]))
        .collect();
    names.sort_by(|a, b| a.chars().cmp(b.chars()));
    names.dedup();
    let mut keys: Vec<Key> = names.into_iter().map(Key::Text).collect();
    if given.contains(&Key::Absent) {
        keys.push(Key::Absent);
    }
    grouped(&entries, &[(&supplier_key, keys)], &count)
}

/// `MATRICE`: the lines per category and supplier's law.
pub fn lines_by_category_and_law(inventory: &Inventory) -> (Option<Num>, Vec<Group>) {
    let entries = valid(inventory);
    let categories: Vec<Key> = entries.iter().map(|e| category_key(e)).collect();
    let laws: Vec<Key> = entries.iter().map(|e| jurisdiction_key(e)).collect();
    let keyings: [Keying<'_>; 2] = [
        (&category_key, variant_keys(&CATEGORIES, &categories)),
        (&jurisdiction_key, variant_keys(&JURISDICTIONS, &laws)),
    ];
    grouped(&entries, &keyings, &count)
}

/// `PART`: the percent of the spending whose supplier is under a non-EU law; unknown
/// when a line lacks its law or its spending, or when the total is zero.
pub fn share_outside_the_union(inventory: &Inventory) -> Option<Num> {
    let (mut outside, mut total) = (Num::zero(), Num::zero());
    for entry in valid(inventory) {
        let spend = Num::decimal(entry.spend?, 2);
        if JURISDICTIONS[entry.jurisdiction?] == "HORS_UE" {
            outside = outside.add(&spend).ok()?;
        }
        total = total.add(&spend).ok()?;
    }
    if total.is_zero() {
        return None;
    }
    outside.mul(&Num::from_int(100)).ok()?.div(&total).ok()
}

/// `RISQUE`: each valid entry's priority, score × spend × nearness, and its rank.
pub fn priorities(inventory: &Inventory) -> Vec<Priority> {
    let mut out: Vec<Priority> = inventory
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.invalid)
        .map(|(index, entry)| Priority {
            entry: index,
            priority: priority(entry, inventory),
            rank: None,
        })
        .collect();
    let known: Vec<Num> = out.iter().filter_map(|p| p.priority.clone()).collect();
    for entry in &mut out {
        if let Some(priority) = &entry.priority {
            let higher = known.iter().filter(|other| *other > priority).count();
            entry.rank = u32::try_from(higher + 1).ok();
        }
    }
    out
}

fn priority(entry: &Entry, inventory: &Inventory) -> Option<Num> {
    let signs = i64::try_from(entry.lock_in?).ok()?;
    let score = Num::from_int(entry.criticality?.checked_add(signs)?);
    let spend = Num::decimal(entry.spend?, 2);
    let ends = entry.ends?;
    let months = inventory.window_months;
    let nearness = if ends <= inventory.today.shifted(months, 0)? {
        Num::from_int(1)
    } else if ends <= inventory.today.shifted(2 * months, 0)? {
        Num::decimal(5, 1)
    } else {
        Num::decimal(25, 2)
    };
    score.mul(&spend).ok()?.mul(&nearness).ok()
}

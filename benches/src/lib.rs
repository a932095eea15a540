//! Workloads for the benchmarks: the shipped example pack, and many descriptors made from
//! the shipped example descriptors.

pub mod large_pack;

use std::path::{Path, PathBuf};

use serde_json::Value as Json;

/// The workspace root, where `rules/` and `examples/` are.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// `count` NDJSON lines cycling over the example JSON descriptors of `examples_dir`, each
/// with its own `id` and a price varied so that no two offers are identical.
pub fn ndjson_workload(examples_dir: &Path, count: usize) -> Result<String, String> {
    let mut templates = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(examples_dir)
        .map_err(|error| format!("cannot read {}: {error}", examples_dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let value: Json = serde_json::from_str(&text)
            .map_err(|error| format!("{} is not JSON: {error}", path.display()))?;
        if value.is_object() {
            templates.push(value);
        }
    }
    if templates.is_empty() {
        return Err(format!("no JSON descriptor in {}", examples_dir.display()));
    }
    let mut out = String::with_capacity(count * 1024);
    for index in 0..count {
        let mut descriptor = templates[index % templates.len()].clone();
        if let Some(object) = descriptor.as_object_mut() {
            object.insert("id".into(), Json::String(format!("bench-{index:07}")));
            if let Some(Json::Object(pricing)) = object.get_mut("pricing") {
                let cents = 300 + (index * 37) % 400;
                pricing.insert(
                    "per_student".into(),
                    serde_json::Number::from_f64(cents as f64 / 100.0)
                        .map_or(Json::Null, Json::Number),
                );
            }
        }
        out.push_str(&descriptor.to_string());
        out.push('\n');
    }
    Ok(out)
}

//! Each engine of the comparison, from one NDJSON line to the ten outcomes.

pub mod cedar;
pub mod cel;
pub mod clausier;
pub mod floors;
pub mod jsonlogic;
pub mod rego;

/// The policies of the other engines, split on their `// @@ ID` lines: each id with the
/// text that follows it, up to the next marker.
pub(crate) fn split_marked(text: &str) -> Vec<(&str, String)> {
    let mut parts: Vec<(&str, String)> = Vec::new();
    for line in text.lines() {
        if let Some(id) = line.trim().strip_prefix("// @@ ") {
            parts.push((id.trim(), String::new()));
        } else if let Some((_, body)) = parts.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    parts
}

//! A pack of thousands of lines for the language-server benchmarks: the shipped
//! `edtech-fr` pack's schema and parameters once, and its requirement files copied as
//! many times as needed, each copy's clause ids made unique.

use std::path::Path;

/// The files of a pack of at least `min_lines` lines, as `(name, text)` sorted by name.
pub fn large_pack(edtech_fr: &Path, min_lines: usize) -> Result<Vec<(String, String)>, String> {
    let mut shared = Vec::new();
    let mut requirements = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(edtech_fr)
        .map_err(|error| format!("cannot read {}: {error}", edtech_fr.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "clause"))
        .collect();
    names.sort();
    for path in names {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        // Tests name clause ids and criteria carry weights that must add up: both stay
        // single, only requirement files are copied.
        if name.starts_with("tests") {
            continue;
        }
        if text.contains("\ncriterion ") || !text.contains("\nrequirement ") {
            shared.push((name, text));
        } else {
            requirements.push((name, text));
        }
    }
    let mut lines: usize = shared.iter().map(|(_, text)| text.lines().count()).sum();
    let mut files = shared;
    let mut copy = 0;
    while lines < min_lines {
        copy += 1;
        for (name, text) in &requirements {
            let renamed = rename_requirements(text, copy);
            lines += renamed.lines().count();
            let stem = name.trim_end_matches(".clause");
            files.push((format!("{stem}-{copy:03}.clause"), renamed));
        }
    }
    files.sort();
    Ok(files)
}

/// `requirement HEB-01 "…"` becomes `requirement HEB-01-X007 "…"` in copy 7.
fn rename_requirements(text: &str, copy: usize) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        match line.strip_prefix("requirement ") {
            Some(rest) => match rest.split_once(' ') {
                Some((id, tail)) => {
                    out.push_str(&format!("requirement {id}-X{copy:03} {tail}"));
                }
                None => out.push_str(line),
            },
            None => out.push_str(line),
        }
    }
    out
}

//! The check report as SARIF 2.1.0, which code-scanning tools read: one result per
//! failed or missing requirement, located in the descriptor's file, with the clause as
//! its rule.

use clausier_i18n::{Lang, t};

use super::human::{colon, level_word};
use std::fmt::Write;

use clausier_eval::report::{
    ClauseInfo, ClauseResult, DescriptorReport, DescriptorStatus, Report, RequirementResult,
    RequirementStatus,
};
use serde_json::{Map, Value, json};

use super::human::{clause_name, explanation};
use super::wording;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A rule of the run: the clause it describes and the name results refer to it by.
struct Rule<'a> {
    id: String,
    pack: &'a str,
    clause: &'a str,
    info: Option<&'a ClauseInfo>,
    /// The level of the first result seen, for a clause `clauses` does not describe.
    level: &'a str,
}

/// Renders a report as a SARIF 2.1.0 log with one run, pretty-printed with a final line
/// break. `clauses` gives the rules their metadata (title, text, level, references); the
/// requirements of the report's own pack are named by their id, those of a dependency as
/// `pack::id`. Every failed or missing requirement of every descriptor is a result (`error`
/// for a `must`, `warning` for a `should`) located in the descriptor's file, at the first
/// place its explanation points to; the data errors of an invalid descriptor are tool
/// notifications of the run's invocation. Equal inputs give identical bytes.
pub fn render_sarif(
    report: &Report,
    clauses: &[ClauseInfo],
    lang: Lang,
) -> Result<String, serde_json::Error> {
    let mut rules: Vec<Rule<'_>> = clauses
        .iter()
        .filter(|info| info.kind == "requirement")
        .map(|info| Rule {
            id: clause_name(report, &info.id, &info.pack),
            pack: &info.pack,
            clause: &info.id,
            info: Some(info),
            level: info.level.unwrap_or("must"),
        })
        .collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for descriptor in &report.descriptors {
        for result in &descriptor.results {
            let ClauseResult::Requirement(requirement) = result else {
                continue;
            };
            if !matches!(
                requirement.status,
                RequirementStatus::Fail | RequirementStatus::Missing | RequirementStatus::Review
            ) {
                continue;
            }
            let index = match rules
                .iter()
                .position(|r| r.pack == requirement.pack && r.clause == requirement.clause)
            {
                Some(index) => index,
                None => {
                    rules.push(Rule {
                        id: clause_name(report, &requirement.clause, &requirement.pack),
                        pack: &requirement.pack,
                        clause: &requirement.clause,
                        info: None,
                        level: requirement.level,
                    });
                    rules.len() - 1
                }
            };
            let rule_id = rules.get(index).map(|r| r.id.clone()).unwrap_or_default();
            results.push(result_of(descriptor, requirement, &rule_id, index, lang));
        }
        if descriptor.status == DescriptorStatus::Invalid {
            for error in &descriptor.errors {
                let colon = colon(lang);
                let mut text = format!("{}{colon} ", wording::offer_name(descriptor));
                if !error.path.is_empty() {
                    text.push_str(&error.path);
                    text.push_str(colon);
                    text.push(' ');
                }
                text.push_str(&error.message);
                if let Some(help) = &error.help {
                    text.push_str(" (");
                    text.push_str(&t!(lang, "data-error-help", help = help.as_str()));
                    text.push(')');
                }
                notifications.push(json!({
                    "level": sarif_severity(error.severity),
                    "message": { "text": text },
                    "descriptor": { "id": error.code },
                    "locations": [location(&descriptor.source, error.line, error.column)],
                }));
            }
        }
    }
    let rules: Vec<Value> = rules.iter().map(rule_json).collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "clausier",
                    "version": report.clausier,
                    "rules": rules,
                }
            },
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
            "properties": {
                "pack": report.pack,
                "date": report.date,
                "summary": report.summary,
            },
        }],
    });
    let mut text = serde_json::to_string_pretty(&log)?;
    text.push('\n');
    Ok(text)
}

fn rule_json(rule: &Rule<'_>) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), json!(rule.id));
    let (title, full) = match rule.info {
        Some(info) => {
            let title = if info.title.is_empty() {
                rule.clause.to_owned()
            } else {
                info.title.clone()
            };
            let full = info
                .text
                .clone()
                .filter(|text| !text.is_empty())
                .or_else(|| Some(info.docs.clone()).filter(|docs| !docs.is_empty()))
                .unwrap_or_else(|| title.clone());
            (title, full)
        }
        None => (rule.clause.to_owned(), rule.clause.to_owned()),
    };
    object.insert("name".into(), json!(title));
    object.insert("shortDescription".into(), json!({ "text": title }));
    object.insert("fullDescription".into(), json!({ "text": full }));
    let level = rule.info.and_then(|info| info.level).unwrap_or(rule.level);
    object.insert(
        "defaultConfiguration".into(),
        json!({ "level": result_level(level) }),
    );
    let mut properties = Map::new();
    properties.insert("pack".into(), json!(rule.pack));
    if let Some(info) = rule.info {
        properties.insert("version".into(), json!(info.version));
        if !info.refs.is_empty() {
            properties.insert("refs".into(), json!(info.refs));
        }
    }
    properties.insert("level".into(), json!(level));
    object.insert("properties".into(), Value::Object(properties));
    Value::Object(object)
}

fn result_of(
    descriptor: &DescriptorReport,
    requirement: &RequirementResult,
    rule_id: &str,
    rule_index: usize,
    lang: Lang,
) -> Value {
    let (message, at) = match requirement.status {
        RequirementStatus::Missing => (
            t!(
                lang,
                "sarif-undecided-for",
                clause = rule_id,
                level = level_word(requirement.level, lang),
                offer = wording::offer_name(descriptor).into_owned(),
                why = wording::requirement_undecided(requirement, lang)
            ),
            None,
        ),
        RequirementStatus::Review => (
            format!(
                "{} ({}){} {}",
                rule_id,
                t!(lang, "outcome-review"),
                colon(lang),
                super::review_words::review_words(requirement, lang).unwrap_or_default()
            ),
            None,
        ),
        _ => {
            let lines: Vec<String> = requirement
                .explanation
                .iter()
                .map(|item| explanation(item, lang))
                .collect();
            let mut message = t!(
                lang,
                "sarif-fails-for",
                clause = rule_id,
                level = level_word(requirement.level, lang),
                offer = wording::offer_name(descriptor).into_owned()
            );
            if !lines.is_empty() {
                message.push_str(colon(lang));
                message.push(' ');
                message.push_str(&lines.join(&format!("{} ", wording::semicolon(lang))));
            }
            let at = requirement
                .explanation
                .iter()
                .find_map(|item| item.line.map(|line| (line, item.column)));
            (message, at)
        }
    };
    json!({
        "ruleId": rule_id,
        "ruleIndex": rule_index,
        "level": result_level(requirement.level),
        "message": { "text": message },
        "locations": [location(
            &descriptor.source,
            at.map(|(line, _)| line),
            at.and_then(|(_, column)| column),
        )],
        "properties": {
            "descriptor": descriptor.id,
            "status": requirement.status.as_str(),
            "missing": requirement.missing,
        },
    })
}

fn location(source: &str, line: Option<u32>, column: Option<u32>) -> Value {
    let mut physical = Map::new();
    physical.insert("artifactLocation".into(), json!({ "uri": uri(source) }));
    if let Some(line) = line {
        physical.insert(
            "region".into(),
            json!({ "startLine": line, "startColumn": column.unwrap_or(1) }),
        );
    }
    json!({ "physicalLocation": Value::Object(physical) })
}

fn result_level(level: &str) -> &'static str {
    match level {
        "should" => "warning",
        "info" => "note",
        _ => "error",
    }
}

fn sarif_severity(severity: clausier_diagnostics::Severity) -> &'static str {
    match severity {
        clausier_diagnostics::Severity::Info => "note",
        clausier_diagnostics::Severity::Warning => "warning",
        clausier_diagnostics::Severity::Error => "error",
    }
}

/// A file path as a URI: `\` as `/`, and every byte outside the characters a path may
/// hold percent-encoded. An absolute path (`/…`, a drive `C:/…`, a share `//host/…`)
/// becomes a `file:` URI (SARIF readers resolve a relative reference against a base
/// directory, whose path one starting with `/` would replace); any other path stays a
/// relative reference, with `./` before a first segment holding a `:` (which would read
/// as a scheme).
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len() + 8);
    let drive = matches!(path.as_bytes(), [letter, b':', b'/', ..] if letter.is_ascii_alphabetic());
    if path.starts_with("//") {
        out.push_str("file:");
    } else if path.starts_with('/') {
        out.push_str("file://");
    } else if drive {
        out.push_str("file:///");
    } else if path.split('/').next().unwrap_or("").contains(':') {
        out.push_str("./");
    }
    for byte in path.bytes() {
        let plain = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
            );
        if plain {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("vendors/a b.json"), "vendors/a%20b.json");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("dir\\é.json"), "dir/%C3%A9.json");
        assert_eq!(uri("a:b/x.json"), "./a:b/x.json");
        assert_eq!(uri("/srv/offres/a b.json"), "file:///srv/offres/a%20b.json");
        assert_eq!(uri("C:\\offres\\x.json"), "file:///C:/offres/x.json");
        assert_eq!(
            uri("\\\\serveur\\offres\\x.json"),
            "file://serveur/offres/x.json"
        );
    }
}

use clausier_i18n::Lang;

use super::fixtures::report;
use super::*;

#[test]
fn human_report_lists_reasons_of_descriptors_that_are_not_eligible() {
    let text = render_human(
        &report(),
        &HumanOptions {
            lang: Lang::En,
            ..HumanOptions::default()
        },
    );
    insta::assert_snapshot!(text);
}

#[test]
fn human_report_with_explain_lists_every_clause() {
    let options = HumanOptions {
        color: false,
        explain_all: true,
        ..HumanOptions {
            lang: Lang::En,
            ..HumanOptions::default()
        }
    };
    insta::assert_snapshot!(render_human(&report(), &options));
}

#[test]
fn human_report_has_no_escape_codes_without_color() {
    let plain = render_human(
        &report(),
        &HumanOptions {
            lang: Lang::En,
            ..HumanOptions::default()
        },
    );
    assert!(!plain.contains('\u{1b}'));
    let colored = render_human(
        &report(),
        &HumanOptions {
            color: true,
            explain_all: false,
            ..HumanOptions {
                lang: Lang::En,
                ..HumanOptions::default()
            }
        },
    );
    assert!(colored.contains("\u{1b}[31mineligible\u{1b}[0m"));
    // Colors must not change what is written once they are stripped.
    assert_eq!(strip_ansi(&colored), plain);
}

#[test]
fn table_columns_align_on_display_width() {
    let text = render_human(
        &report(),
        &HumanOptions {
            lang: Lang::En,
            ..HumanOptions::default()
        },
    );
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.starts_with("ID"))
        .take_while(|line| !line.is_empty())
        .collect();
    assert_eq!(rows.len(), 6);
    let status_column = |row: &str| {
        let at = row.find("  eligible").or_else(|| row.find("  STATUS"));
        at.map(|byte| unicode_width::UnicodeWidthStr::width(&row[..byte]))
    };
    // The accented id is wider in bytes than in columns; the table must not care.
    assert_eq!(status_column(rows[0]), status_column(rows[1]));
    assert_eq!(status_column(rows[1]), status_column(rows[2]));
    for row in rows {
        assert_eq!(row, row.trim_end(), "trailing spaces in {row:?}");
    }
}

#[test]
fn json_report_is_pretty_and_ends_with_a_line_break() {
    let text = render_json(&report()).unwrap();
    assert!(text.ends_with("}\n"));
    assert!(text.starts_with("{\n  \"clausier\": \"0.1.0\",\n  \"pack\": {\n    \"name\""));
    assert_eq!(render_json(&report()).unwrap(), text);
    insta::assert_snapshot!(text);
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn ndjson_report_has_a_line_per_descriptor_then_the_summary() {
    let text = render_ndjson(&report()).unwrap();
    assert_eq!(render_ndjson(&report()).unwrap(), text);
    assert!(text.ends_with('\n'));
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), report().descriptors.len() + 1);
    // Each line is the JSON report's entry for the descriptor, field for field.
    let full: serde_json::Value = serde_json::from_str(&render_json(&report()).unwrap()).unwrap();
    for (i, line) in lines.iter().take(lines.len() - 1).enumerate() {
        assert_eq!(line, &full["descriptors"][i]);
    }
    assert_eq!(lines[lines.len() - 1]["summary"], full["summary"]);
    insta::assert_snapshot!(text);
}

#[test]
fn csv_report_has_a_row_per_descriptor_and_a_column_per_clause() {
    let text = render_csv(&report()).unwrap();
    assert_eq!(render_csv(&report()).unwrap(), text);
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        [
            "id", "source", "status", "score", "rank", "HEB-01", "EVI-02", "PRIX", "ACC", "SUB-01",
            "ACC-01", "SEC-01"
        ]
    );
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), report().descriptors.len());
    assert!(rows.iter().all(|row| row.len() == header.len()));
    assert_eq!(&rows[0][3], "87.50");
    assert_eq!(&rows[0][7], "20.00");
    assert!(
        text.split_inclusive('\n')
            .all(|line| line.ends_with("\r\n"))
    );
    insta::assert_snapshot!(text);
}

#[test]
fn markdown_report_has_the_table_and_the_reasons_of_each_failure() {
    let text = render_markdown(&report(), Lang::En);
    assert_eq!(render_markdown(&report(), Lang::En), text);
    assert!(text.contains("| --- | --- | --- | ---: | ---: |\n"));
    assert!(text.contains("### vendor-013 (`vendors/vendor-013.json`): ineligible"));
    assert!(!text.contains("### vendor-042"));
    insta::assert_snapshot!(text);
}

#[test]
fn junit_report_has_a_case_per_descriptor_and_requirement() {
    let text = render_junit(&report(), Lang::En);
    assert_eq!(render_junit(&report(), Lang::En), text);
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    // 2 + 1 + 3 requirements of the evaluated descriptors, 1 case for the invalid one.
    assert_eq!(text.matches("<testcase ").count(), 8);
    assert!(!text.contains("time"));
    insta::assert_snapshot!(text);
}

#[test]
fn sarif_report_has_a_result_per_failed_or_missing_requirement() {
    let text = render_sarif(&report(), &super::fixtures::clauses(), Lang::En).unwrap();
    assert_eq!(
        render_sarif(&report(), &super::fixtures::clauses(), Lang::En).unwrap(),
        text
    );
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in results {
        let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({ "startLine": 4, "startColumn": 15 })
    );
    assert_eq!(
        rules[0]["fullDescription"]["text"],
        "Le titulaire héberge l'ensemble des données dans l'Union européenne."
    );
    insta::assert_snapshot!(text);
}

#[test]
fn html_report_ranks_the_offers_then_gives_a_section_to_each() {
    let text = render_html(&report(), Lang::En);
    assert_eq!(render_html(&report(), Lang::En), text);
    assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(text.ends_with("</html>\n"));
    for remote in [
        "http://", "https://", "src=", "href=", "@import", "url(", "<script",
    ] {
        assert!(!text.contains(remote), "{remote} in the page");
    }
    assert!(text.contains("@media print"));
    // The ranking first, by rank then by status; then the sections in the same order.
    let ranking = &text[text.find("<section id=\"ranking\">").unwrap()
        ..text.find("<section id=\"offers\">").unwrap()];
    let order = [
        "vendor-042",
        "édu-numérique",
        "vendor-013",
        "vendors:2",
        "broken",
    ];
    let rows: Vec<usize> = order
        .iter()
        .map(|id| {
            ranking
                .find(&format!("<tr data-descriptor=\"{id}\">"))
                .unwrap()
        })
        .collect();
    assert!(rows.is_sorted(), "{ranking}");
    let sections: Vec<usize> = order
        .iter()
        .map(|id| {
            text.find(&format!(
                "<section class=\"offer\" data-descriptor=\"{id}\">"
            ))
            .unwrap()
        })
        .collect();
    assert!(sections.is_sorted());
    assert!(sections[0] > rows[4]);
    // No grid of clauses: no table has a column per clause.
    assert!(!text.contains("id=\"matrix\""));
    // A failed `must` and an unmet `should` are told apart in words and in class.
    assert!(text.contains(
        "<li class=\"requirement must fail\" data-clause=\"HEB-01\" data-level=\"must\" \
         data-status=\"fail\"><strong class=\"clause\">HEB-01</strong> (<span class=\"level\">must</span>) \
         <span class=\"outcome\">fail</span>: <span class=\"why\"><code>hosting.region == EU</code>"
    ));
    assert!(text.contains(
        "<li class=\"requirement should missing\" data-clause=\"ACC-01\" data-level=\"should\" \
         data-status=\"missing\"><strong class=\"clause\">ACC-01</strong> (<span class=\"level\">should</span>) \
         <span class=\"outcome\">missing</span>, <span class=\"no-effect\">does not affect eligibility</span>"
    ));
    // Criteria points, scored or not.
    assert!(text.contains("<td class=\"num points\" data-value=\"20\">20.00</td>"));
    assert!(
        text.contains(
            "<td class=\"score\" colspan=\"2\"><span class=\"none\">no score</span></td>"
        )
    );
    insta::assert_snapshot!(text);
}

#[test]
fn html_report_in_french_has_every_word_from_the_catalogue() {
    let text = render_html(&report(), Lang::Fr);
    assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    for french in [
        "<title>Rapport de vérification : edtech-fr 1.0.0</title>",
        "<h2>Classement</h2>",
        ">inéligible</td>",
        "(<span class=\"level\">obligatoire</span>) <span class=\"outcome\">non satisfaite</span>",
        "<span class=\"no-effect\">sans effet sur l&#39;éligibilité</span>",
        "<td class=\"num points\" data-value=\"20\">20,00</td>",
        "<span class=\"none\">sans rang</span>",
    ] {
        assert!(text.contains(french), "{french} not in\n{text}");
    }
    let words = visible_words(&text);
    for english in [
        "Rank", "Score", "Status", "Offer", "eligible", "must", "should", "fail", "missing",
        "points", "weight",
    ] {
        assert!(
            !words.iter().any(|word| word == english),
            "`{english}` in the French page: {words:?}"
        );
    }
}

/// The words of a page outside its tags, style and code quotations.
fn visible_words(html: &str) -> Vec<String> {
    let body = &html[html.find("<body>").unwrap()..];
    let mut words = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find('>') {
        rest = &rest[start + 1..];
        let end = rest.find('<').unwrap_or(rest.len());
        words.extend(
            rest[..end]
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_owned),
        );
        rest = &rest[end..];
        if let Some(code) = rest.strip_prefix("<code>") {
            rest = &code[code.find("</code>").unwrap()..];
        }
    }
    words
}

/// Every sheet of a workbook as rows of cells, read by calamine (not by the writer).
fn read_workbook(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = workbook.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|cell| match cell {
                            Data::Float(number) => format!("{number}"),
                            Data::Int(number) => format!("{number}"),
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn xlsx_report_ranks_offers_and_gives_each_reason_in_its_own_sheet() {
    let bytes = render_xlsx(&report(), Lang::Fr).unwrap();
    let mut out = String::new();
    for (name, rows) in read_workbook(&bytes) {
        out.push_str(&format!("== {name}\n"));
        for row in rows {
            out.push_str(&row.join(" | "));
            out.push('\n');
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn xlsx_report_is_the_same_bytes_on_every_run() {
    let first = render_xlsx(&report(), Lang::Fr).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(first, render_xlsx(&report(), Lang::Fr).unwrap());
}

#[test]
fn xlsx_report_names_each_lot_sheet_as_excel_accepts() {
    let mut report = report();
    let lot = |id: &str| clausier_eval::report::LotReport {
        id: id.to_owned(),
        title: "Lot".to_owned(),
        summary: clausier_eval::report::Summary::default(),
    };
    // Excel refuses `[]:*?/\`, more than 31 characters, a final apostrophe, and two
    // names that differ only in case.
    report.lots = vec![
        lot("1"),
        lot("a/b:c"),
        lot("A/B:C"),
        lot("Établissements du second degré publics et privés"),
        lot("x'"),
    ];
    let bytes = render_xlsx(&report, Lang::Fr).unwrap();
    let names: Vec<String> = read_workbook(&bytes)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(
        names,
        [
            "Lot 1",
            "Lot a-b-c",
            "Lot A-B-C (2)",
            "Lot Établissements du second de",
            "Lot x",
            "Exigences",
            "Motifs",
            "Paramètres",
            "Synthèse"
        ]
    );
}

/// The fixture report, whose first `missing` requirement now lacks a certificate that
/// expired and a security plan.
fn report_with_documents_to_provide() -> clausier_eval::report::Report {
    use clausier_eval::report::{
        ClauseResult, ExpiredEvidence, RequestedDocument, RequirementStatus,
    };
    let mut report = report();
    let requirement = report
        .descriptors
        .iter_mut()
        .flat_map(|descriptor| descriptor.results.iter_mut())
        .find_map(|result| match result {
            ClauseResult::Requirement(requirement)
                if requirement.status == RequirementStatus::Missing =>
            {
                Some(requirement)
            }
            _ => None,
        })
        .expect("a missing requirement in the fixture");
    requirement
        .missing
        .push("documents.certificat_hds".to_owned());
    requirement.documents = vec![
        RequestedDocument {
            label: "Certificat HDS".to_owned(),
            path: "documents.certificat_hds".to_owned(),
            proof: Vec::new(),
            given_as: None,
        },
        // Given as a mere declaration where an audit or a document is asked.
        RequestedDocument {
            label: "Plan d'assurance sécurité".to_owned(),
            path: "documents.pas".to_owned(),
            proof: vec!["document", "audit"],
            given_as: Some("declared"),
        },
    ];
    requirement.expired = vec![ExpiredEvidence {
        path: "documents.certificat_hds".to_owned(),
        valid_until: "2026-03-31".to_owned(),
        last_day: jiff::civil::date(2026, 3, 31),
    }];
    report
}

#[test]
fn every_report_lists_the_documents_an_offer_still_has_to_provide_and_what_expired() {
    let report = report_with_documents_to_provide();
    let french = HumanOptions {
        color: false,
        ..HumanOptions::default()
    };
    let human = render_human(&report, &french);
    assert!(
        human.contains(
            " ; documents.certificat_hds a expiré le 31 mars 2026 : sa justification n'est plus valable ; pièces à demander :"
        ),
        "{human}"
    );
    assert!(
        human.contains(
            "  pièces à fournir :\n    ACC-01 : « Certificat HDS », « Plan d'assurance sécurité » (preuve attendue : un document justificatif ou un audit par un tiers ; l'offre ne donne qu'une déclaration)\n"
        ),
        "{human}"
    );
    let markdown = render_markdown(&report, Lang::Fr);
    assert!(
        markdown.contains(
            "**Pièces à fournir**\n\n- **ACC-01** : « Certificat HDS », « Plan d'assurance sécurité » (preuve attendue : un document justificatif ou un audit par un tiers ; l'offre ne donne qu'une déclaration)\n"
        ),
        "{markdown}"
    );
    let html = render_html(&report, Lang::Fr);
    assert!(html.contains("<ul class=\"to-provide\">"), "{html}");
    assert!(html.contains("a expiré le 31 mars 2026"), "{html}");
    let json = render_json(&report).expect("the report as JSON");
    assert!(json.contains("\"expired\": ["), "{json}");
    assert!(json.contains("\"valid_until\": \"2026-03-31\""), "{json}");
    assert!(
        json.contains("\"audit\"\n              ],\n              \"given_as\": \"declared\""),
        "{json}"
    );
    let english = render_human(
        &report,
        &HumanOptions {
            lang: Lang::En,
            ..french
        },
    );
    assert!(
        english.contains("« Plan d'assurance sécurité » (proof expected: a supporting document or a third-party audit; the offer gives only a declaration)"),
        "{english}"
    );
}

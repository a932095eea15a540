//! The questionnaire a buyer sends to vendors: an Excel workbook of one sheet, « Offre »,
//! in the shape `clausier_data`'s workbook loader reads as one offer. Its first row reads
//! `Champ` and `Valeur`; below, one row per field path of the descriptor, with its value
//! cell left empty for the vendor, its description (the field's doc comment), its type in
//! French words and the values it allows. A field whose type is an enum, or a boolean, has
//! a drop-down list on its value cell (`oui`/`non` for a boolean, which the loader reads in
//! workbooks). Filled in and saved, the file is an offer `clausier check` reads.
//!
//! The workbook holds this one sheet and nothing else: the loader reads every sheet that
//! holds a cell, so a sheet of instructions or of lists would be read as a table of offers.
//! The same pack always gives the same bytes (the creation date is fixed).

use clausier_check::types::{EnumDef, LOTS_KEY, RecordDef, RecordId, Schema, Ty};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use super::json_schema::{SchemaInput, paragraphs};

/// The sheet's name, as the vendor sees it.
const SHEET: &str = "Offre";

/// The header the loader recognises a questionnaire by (column A, then B), and the
/// columns it ignores, which are for the vendor to read.
const HEADINGS: [&str; 5] = ["Champ", "Valeur", "Description", "Type", "Valeurs admises"];

/// Excel's limit on a drop-down list written in the validation itself, commas included;
/// a longer list is written in cells of its row, in hidden columns from this one on.
const INLINE_LIST_LIMIT: usize = 255;
const FIRST_LIST_COLUMN: u16 = 8;

/// One row of the questionnaire.
struct Question {
    path: String,
    description: String,
    kind: String,
    /// The allowed values, each with its meaning when the pack gives one.
    allowed: Vec<(String, String)>,
    /// A drop-down list on the value cell: for one value among `allowed`.
    choice: bool,
    /// The value cell holds text as typed (a list, an identifier that may start with 0).
    text_cell: bool,
}

/// Renders the questionnaire of the pack's descriptor as an `.xlsx` workbook. Fails only
/// when rust_xlsxwriter does (a descriptor of more than a million fields).
pub fn render_questionnaire(input: &SchemaInput<'_>) -> Result<Vec<u8>, XlsxError> {
    let schema = &input.pack.schema;
    let questions = questions(schema);
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new()
        .set_title(format!(
            "Questionnaire de l'offre : {} {}",
            input.name, input.version
        ))
        .set_subject("À remplir par le candidat dans la colonne « Valeur », puis à renvoyer");
    // A fixed date rather than the clock: the same pack always gives the same bytes.
    if let Ok(date) = ExcelDateTime::from_ymd(2000, 1, 1) {
        properties = properties.set_creation_datetime(&date);
    }
    workbook.set_properties(&properties);
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET)?;
    write_sheet(sheet, &questions)?;
    workbook.save_to_buffer()
}

fn write_sheet(sheet: &mut Worksheet, questions: &[Question]) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x00DD_E6F0))
        .set_border_bottom(FormatBorder::Thin);
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let path = Format::new().set_bold().set_align(FormatAlign::Top);
    let value = Format::new()
        .set_background_color(Color::RGB(0x00FF_F8DC))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let text_value = value.clone().set_num_format("@");
    for (column, heading) in (0u16..).zip(HEADINGS) {
        sheet.write_string_with_format(0, column, heading, &header)?;
    }
    for (width, column) in [38.0, 28.0, 60.0, 30.0, 45.0].into_iter().zip(0u16..) {
        sheet.set_column_width(column, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut widest_list = 0;
    for (row, question) in (1u32..).zip(questions) {
        sheet.write_string_with_format(row, 0, &question.path, &path)?;
        let cell = if question.text_cell {
            &text_value
        } else {
            &value
        };
        sheet.write_blank(row, 1, cell)?;
        sheet.write_string_with_format(row, 2, &question.description, &wrapped)?;
        sheet.write_string_with_format(row, 3, &question.kind, &wrapped)?;
        let allowed: Vec<String> = question
            .allowed
            .iter()
            .map(|(name, meaning)| match meaning.is_empty() {
                true => name.clone(),
                false => format!("{name} : {meaning}"),
            })
            .collect();
        sheet.write_string_with_format(row, 4, allowed.join("\n"), &wrapped)?;
        if question.choice {
            let names: Vec<&str> = question
                .allowed
                .iter()
                .map(|(name, _)| name.as_str())
                .collect();
            widest_list = widest_list.max(add_choice(sheet, row, &names)?);
        }
    }
    for column in FIRST_LIST_COLUMN..FIRST_LIST_COLUMN.saturating_add(widest_list) {
        sheet.set_column_hidden(column)?;
    }
    Ok(())
}

/// A drop-down list on the value cell of `row`; returns how many hidden cells it needed.
fn add_choice(sheet: &mut Worksheet, row: u32, names: &[&str]) -> Result<u16, XlsxError> {
    let inline_length: usize = names.iter().map(|name| name.chars().count() + 1).sum();
    let (validation, hidden) = if inline_length <= INLINE_LIST_LIMIT {
        (DataValidation::new().allow_list_strings(names)?, 0)
    } else {
        let mut column = FIRST_LIST_COLUMN;
        for name in names {
            sheet.write_string(row, column, *name)?;
            column = column.saturating_add(1);
        }
        let count = column - FIRST_LIST_COLUMN;
        let excel_row = row + 1;
        let range = format!(
            "=${}${excel_row}:${}${excel_row}",
            column_letters(FIRST_LIST_COLUMN),
            column_letters(column.saturating_sub(1))
        );
        (
            DataValidation::new().allow_list_formula(Formula::new(range)),
            count,
        )
    };
    let validation = validation
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title("Valeur non admise")?
        .set_error_message("Choisissez une valeur de la liste (colonne « Valeurs admises »).")?;
    sheet.add_data_validation(row, 1, row, 1, &validation)?;
    Ok(hidden)
}

/// `A` for column 0, `AA` for column 26.
fn column_letters(column: u16) -> String {
    let mut letters = Vec::new();
    let mut rest = u32::from(column) + 1;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Every row of the questionnaire: the offer's `id` (unless the pack declares it), its
/// `lots` in a contract divided into lots, then every field of the descriptor in the
/// order of the schema, nested records flattened into dotted paths.
fn questions(schema: &Schema) -> Vec<Question> {
    let mut questions = Vec::new();
    let record = schema.descriptor_record();
    if record.is_none_or(|record| !record.fields.contains_key("id")) {
        questions.push(Question {
            path: "id".to_owned(),
            description: "Le nom de l'offre dans les rapports ; à défaut, le nom du fichier."
                .to_owned(),
            kind: "texte".to_owned(),
            allowed: Vec::new(),
            choice: false,
            text_cell: true,
        });
    }
    if !schema.lots.is_empty() {
        questions.push(Question {
            path: LOTS_KEY.to_owned(),
            description: "Les lots pour lesquels l'offre est faite : elle est évaluée une fois \
                          par lot."
                .to_owned(),
            kind: "liste de lots (séparateur « ; »)".to_owned(),
            allowed: schema
                .lots
                .iter()
                .map(|lot| (lot.id.clone(), lot.title.clone()))
                .collect(),
            choice: false,
            text_cell: true,
        });
    }
    if let Some(record) = record {
        let mut walk = Walk {
            schema,
            questions: &mut questions,
            open: vec![schema.descriptor],
        };
        walk.record(record, "");
    }
    questions
}

struct Walk<'a> {
    schema: &'a Schema,
    questions: &'a mut Vec<Question>,
    /// The records being flattened, to stop at one that contains itself.
    open: Vec<RecordId>,
}

impl Walk<'_> {
    fn record(&mut self, record: &RecordDef, prefix: &str) {
        for (name, field) in &record.fields {
            let path = format!("{prefix}{name}");
            let description = paragraphs(&field.docs).replace("\n\n", "\n");
            match &field.ty {
                Ty::Record(id) if !self.open.contains(id) => {
                    if let Some(inner) = self.schema.record(*id) {
                        self.open.push(*id);
                        self.record(inner, &format!("{path}."));
                        self.open.pop();
                    }
                }
                ty => self
                    .questions
                    .push(question(self.schema, path, description, ty)),
            }
        }
    }
}

fn question(schema: &Schema, path: String, description: String, ty: &Ty) -> Question {
    let enum_values = |def: &EnumDef| -> Vec<(String, String)> {
        def.variants
            .iter()
            .map(|variant| (variant.name.clone(), paragraphs(&variant.docs)))
            .collect()
    };
    let (allowed, choice) = match ty {
        Ty::Bool => (
            vec![
                ("oui".to_owned(), String::new()),
                ("non".to_owned(), String::new()),
            ],
            true,
        ),
        Ty::Enum(id) => (
            schema.enum_def(*id).map(enum_values).unwrap_or_default(),
            true,
        ),
        Ty::List(element) | Ty::Set(element) => match element.as_ref() {
            Ty::Enum(id) => (
                schema.enum_def(*id).map(enum_values).unwrap_or_default(),
                false,
            ),
            _ => (Vec::new(), false),
        },
        _ => (Vec::new(), false),
    };
    Question {
        path,
        description,
        kind: type_words(ty),
        allowed,
        choice,
        text_cell: matches!(ty, Ty::String | Ty::List(_) | Ty::Set(_)),
    }
}

/// What a value cell of type `ty` holds, in the words of a French buyer.
fn type_words(ty: &Ty) -> String {
    match ty {
        Ty::Bool => "oui/non".to_owned(),
        Ty::Int => "nombre entier".to_owned(),
        Ty::Number => "nombre".to_owned(),
        Ty::Percent => "pourcentage".to_owned(),
        Ty::Money => "montant en euros".to_owned(),
        Ty::Date => "date (AAAA-MM-JJ)".to_owned(),
        Ty::Time => "heure (HH:MM)".to_owned(),
        Ty::DateTime => "date et heure (AAAA-MM-JJTHH:MM)".to_owned(),
        Ty::Duration => "durée (« 6 mois », « 30 jours », « P6M »)".to_owned(),
        Ty::String => "texte".to_owned(),
        Ty::Enum(_) => "une valeur de la liste".to_owned(),
        Ty::List(element) | Ty::Set(element) if matches!(element.as_ref(), Ty::Record(_)) => {
            "liste de fiches, qu'une cellule ne peut pas contenir : « [] » si elle est vide, \
             sinon à décrire dans un fichier JSON, YAML ou TOML"
                .to_owned()
        }
        Ty::List(element) => format!(
            "liste de {} (séparateur « ; », « [] » pour une liste vide)",
            plural_words(element)
        ),
        Ty::Set(element) => format!(
            "liste sans doublon de {} (séparateur « ; », « [] » pour une liste vide)",
            plural_words(element)
        ),
        // A record that contains itself, a table or an unknown type: never in a
        // descriptor a pack without errors declares, but named rather than dropped.
        Ty::Record(_) | Ty::Map(..) | Ty::Error => {
            "valeur qu'une cellule ne peut pas contenir : à décrire dans un fichier JSON, \
             YAML ou TOML"
                .to_owned()
        }
    }
}

fn plural_words(ty: &Ty) -> &'static str {
    match ty {
        Ty::Bool => "oui/non",
        Ty::Int => "nombres entiers",
        Ty::Number => "nombres",
        Ty::Percent => "pourcentages",
        Ty::Money => "montants en euros",
        Ty::Date => "dates (AAAA-MM-JJ)",
        Ty::Time => "heures (HH:MM)",
        Ty::DateTime => "dates et heures (AAAA-MM-JJTHH:MM)",
        Ty::Duration => "durées",
        Ty::String => "textes",
        Ty::Enum(_) => "valeurs admises",
        Ty::List(_) | Ty::Set(_) | Ty::Map(..) | Ty::Record(_) | Ty::Error => "valeurs",
    }
}

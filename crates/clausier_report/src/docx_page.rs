//! What every Word document Clausier writes shares: A4 pages with the margins of the HTML
//! print style, Liberation fonts, paragraph styles named as Word names its own (so that a
//! reader sees headings it knows and can build a table of contents from them), the
//! language of the text, and tables across the text width with a shaded header row.
//!
//! docx-rs writes the package; it has no setting for the language of the text, so the
//! language tag is added to the document defaults of the styles it writes.

use docx_rs::{
    Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts, Shading, ShdType,
    Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use clausier_i18n::Lang;

/// A4 in twentieths of a point: 210 × 297 mm.
const A4_WIDTH: u32 = 11_906;
const A4_HEIGHT: u32 = 16_838;
/// 2 cm top and bottom, 1.8 cm left and right, as the HTML print style.
const MARGIN_VERTICAL: i32 = 1_134;
const MARGIN_SIDE: i32 = 1_021;
/// The width of the text between the margins, which tables fill.
pub(crate) const TEXT_WIDTH: usize = 11_906 - 2 * 1_021;

const BODY_FONT: &str = "Liberation Sans";
const CODE_FONT: &str = "Liberation Mono";
const HEADER_FILL: &str = "E3E3FD";

/// A new document with the fonts, spacing and styles every Clausier document uses:
/// `Title`, `Heading1` to `Heading4`, and the character style `Code`.
pub(crate) fn styled_document() -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .bold()
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(80))
    };
    Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii(BODY_FONT)
                .hi_ansi(BODY_FONT)
                .cs(BODY_FONT),
        )
        .default_size(21)
        // A rule stated outright: LibreOffice reads a spacing without one as exact, and the
        // lines of the large title then overlap.
        .default_line_spacing(
            LineSpacing::new()
                .after(100)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal"))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .size(48)
                .bold()
                .line_spacing(LineSpacing::new().before(2400).after(600)),
        )
        .add_style(heading("Heading1", "Heading 1", 32, 0))
        .add_style(heading("Heading2", "Heading 2", 26, 1))
        .add_style(heading("Heading3", "Heading 3", 23, 2))
        .add_style(heading("Heading4", "Heading 4", 21, 3))
        .add_style(
            Style::new("Code", StyleType::Character)
                .name("Code")
                .fonts(RunFonts::new().ascii(CODE_FONT).hi_ansi(CODE_FONT)),
        )
}

/// The bytes of the `.docx` file: the document on A4 pages, its text in `lang`.
pub(crate) fn package(docx: Docx, lang: Lang) -> std::io::Result<Vec<u8>> {
    let mut package = docx
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_VERTICAL)
                .bottom(MARGIN_VERTICAL)
                .left(MARGIN_SIDE)
                .right(MARGIN_SIDE),
        )
        .build();
    package.styles = with_language(&package.styles, lang)?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    package.pack(&mut bytes).map_err(std::io::Error::other)?;
    Ok(bytes.into_inner())
}

/// The styles part with the document's language as the default of every run.
fn with_language(styles: &[u8], lang: Lang) -> std::io::Result<Vec<u8>> {
    let text = std::str::from_utf8(styles).map_err(std::io::Error::other)?;
    let tag = match lang {
        Lang::Fr => "fr-FR",
        Lang::En => "en-GB",
    };
    let end = "</w:rPr></w:rPrDefault>";
    let Some(at) = text.find(end) else {
        return Err(std::io::Error::other(
            "the styles of the Word document have no default run properties to give a language",
        ));
    };
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(&text[..at]);
    out.push_str(&format!(
        "<w:lang w:val=\"{tag}\" w:eastAsia=\"{tag}\" w:bidi=\"ar-SA\" />"
    ));
    out.push_str(&text[at..]);
    Ok(out.into_bytes())
}

/// The header row of a table: bold words on a shaded ground, never split across pages.
pub(crate) fn header_row(header: &[&str], widths: &[usize]) -> TableRow {
    TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(text, width)| {
                cell(
                    Paragraph::new().add_run(Run::new().add_text(*text).bold()),
                    *width,
                )
                .shading(
                    Shading::new()
                        .shd_type(ShdType::Clear)
                        .color("auto")
                        .fill(HEADER_FILL),
                )
            })
            .collect(),
    )
    .cant_split()
}

pub(crate) fn cell(paragraph: Paragraph, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(paragraph)
        .width(width, WidthType::Dxa)
}

/// The widths of columns in the given proportions of the text width.
pub(crate) fn widths(shares: &[usize]) -> Vec<usize> {
    let parts: usize = shares.iter().sum::<usize>().max(1);
    shares
        .iter()
        .map(|share| TEXT_WIDTH.saturating_mul(*share) / parts)
        .collect()
}

/// The table across the text width, on the grid of its columns.
pub(crate) fn sized(table: Table, widths: Vec<usize>) -> Table {
    table.set_grid(widths).width(TEXT_WIDTH, WidthType::Dxa)
}

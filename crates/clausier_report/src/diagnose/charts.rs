//! The charts of the diagnosis dashboard, drawn as SVG by `plotters` (its SVG backend
//! only: labels are SVG `<text>` the browser sets in its own fonts, so no font file is
//! read): a horizontal bar per group of an indicator, and the timeline of contract ends.
//! Each chart is an `<svg role="img">` with a label; the dashboard gives its figures in a
//! table beside it.

use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::html_text::escape;

/// The width every chart is drawn at; the page scales it down on a narrow screen.
const WIDTH: u32 = 880;
/// The height of one bar or one line of the timeline.
const ROW: u32 = 30;
/// The room for the labels of the groups, left of the bars.
const LABELS: u32 = 250;
/// The longest label that fits in `LABELS` at the charts' font size; a longer one is cut
/// with « … » (the table beside each chart gives the names in full).
const LABEL_CHARS: usize = 36;

const BAR: RGBColor = RGBColor(0x1f, 0x5f, 0x99);
const NEAR: RGBColor = RGBColor(0xa4, 0x16, 0x1a);
const NEXT: RGBColor = RGBColor(0xd9, 0x7a, 0x1a);
const LATER: RGBColor = RGBColor(0x5a, 0x7d, 0x9a);
const INK: RGBColor = RGBColor(0x1d, 0x1d, 0x1f);
const FONT: &str = "sans-serif";

/// One bar: its label, its value, and the words written at its end.
pub(crate) struct Bar {
    pub label: String,
    pub value: Decimal,
    pub caption: String,
}

/// A horizontal bar chart of `bars`, labelled `title` for assistive technologies;
/// `None` when there is nothing to draw (no bar, or a negative value).
pub(crate) fn bar_chart(title: &str, bars: &[Bar]) -> Option<String> {
    if bars.is_empty() || bars.iter().any(|bar| bar.value.is_sign_negative()) {
        return None;
    }
    let largest = bars
        .iter()
        .filter_map(|bar| bar.value.to_f64())
        .fold(0.0_f64, f64::max);
    // Room after the longest bar for its caption.
    let end = if largest > 0.0 { largest * 1.55 } else { 1.0 };
    let count = u32::try_from(bars.len()).ok()?;
    let height = count.checked_mul(ROW)?.checked_add(20)?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        draw_bars(&root, bars, end).ok()?;
        root.present().ok()?;
    }
    Some(labelled(&svg, title))
}

fn draw_bars(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    bars: &[Bar],
    end: f64,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(root)
        .margin(10)
        .y_label_area_size(LABELS)
        .build_cartesian_2d(0.0..end, (0..bars.len()).into_segmented())?;
    let last = bars.len().saturating_sub(1);
    let label_of = |value: &SegmentValue<usize>| match value {
        SegmentValue::CenterOf(row) | SegmentValue::Exact(row) => bars
            .get(last.checked_sub(*row).unwrap_or(usize::MAX))
            .map_or_else(String::new, |bar| fitted(&bar.label)),
        SegmentValue::Last => String::new(),
    };
    chart
        .configure_mesh()
        .disable_mesh()
        .disable_x_axis()
        .y_labels(bars.len())
        .y_label_formatter(&label_of)
        .y_label_style((FONT, 17).into_font().color(&INK))
        .axis_style(INK)
        .draw()?;
    // The first group on top: row 0 is the bottom of the chart.
    chart.draw_series(bars.iter().enumerate().map(|(index, bar)| {
        let value = bar.value.to_f64().unwrap_or(0.0);
        let row = last.saturating_sub(index);
        let mut rectangle = Rectangle::new(
            [
                (0.0, SegmentValue::Exact(row)),
                (value, SegmentValue::Exact(row + 1)),
            ],
            BAR.filled(),
        );
        rectangle.set_margin(5, 5, 0, 0);
        rectangle
    }))?;
    chart.draw_series(bars.iter().enumerate().map(|(index, bar)| {
        let value = bar.value.to_f64().unwrap_or(0.0);
        Text::new(
            format!(" {}", bar.caption),
            (value, SegmentValue::CenterOf(last.saturating_sub(index))),
            (FONT, 17)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        )
    }))?;
    Ok(())
}

/// How near the end of one line's contract is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nearness {
    /// Within the window to change supplier (an ended contract too).
    Now,
    /// Within the next window.
    Next,
    /// Beyond.
    Later,
    /// Not known.
    Unknown,
}

/// One line of the timeline.
pub(crate) struct Mark {
    pub label: String,
    /// Days from the date of the diagnosis to the end of the contract (negative when it
    /// has ended).
    pub days: i32,
    pub nearness: Nearness,
}

/// The timeline: each line a bar from the date of the diagnosis (`start`) to the end of
/// its contract, coloured by the nearness of its window; the axis in months and years.
pub(crate) fn timeline(title: &str, marks: &[Mark], start: jiff::civil::Date) -> Option<String> {
    if marks.is_empty() {
        return None;
    }
    let first = marks.iter().map(|mark| mark.days).min()?.min(0);
    let last = marks.iter().map(|mark| mark.days).max()?.max(365);
    let count = u32::try_from(marks.len()).ok()?;
    let height = count.checked_mul(ROW)?.checked_add(50)?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        draw_timeline(&root, marks, (first, last), start).ok()?;
        root.present().ok()?;
    }
    Some(labelled(&svg, title))
}

fn draw_timeline(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    marks: &[Mark],
    (first, last): (i32, i32),
    start: jiff::civil::Date,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&WHITE)?;
    let span = (last - first).max(1);
    let mut chart = ChartBuilder::on(root)
        .margin(10)
        .y_label_area_size(LABELS)
        .x_label_area_size(30)
        .build_cartesian_2d(first..last + span / 20, (0..marks.len()).into_segmented())?;
    let last_row = marks.len().saturating_sub(1);
    let label_of = |value: &SegmentValue<usize>| match value {
        SegmentValue::CenterOf(row) | SegmentValue::Exact(row) => marks
            .get(last_row.checked_sub(*row).unwrap_or(usize::MAX))
            .map_or_else(String::new, |mark| fitted(&mark.label)),
        SegmentValue::Last => String::new(),
    };
    // `06/2027`: a year alone would repeat under ticks half a year apart.
    let month_of = |days: &i32| {
        start
            .checked_add(jiff::Span::new().days(i64::from(*days)))
            .map_or_else(
                |_| String::new(),
                |date| format!("{:02}/{}", date.month(), date.year()),
            )
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xe3))
        .y_labels(marks.len())
        .y_label_formatter(&label_of)
        .x_labels(8)
        .x_label_formatter(&month_of)
        .label_style((FONT, 16).into_font().color(&INK))
        .axis_style(INK)
        .draw()?;
    chart.draw_series(marks.iter().enumerate().map(|(index, mark)| {
        let color = match mark.nearness {
            Nearness::Now => NEAR,
            Nearness::Next => NEXT,
            Nearness::Later => LATER,
            Nearness::Unknown => RGBColor(0x9a, 0x9a, 0xa0),
        };
        // An ended contract is drawn as a sliver at the date of the diagnosis.
        let (from, to) = if mark.days <= 0 {
            (mark.days, mark.days.max(first) + span / 200 + 1)
        } else {
            (0, mark.days)
        };
        let row = last_row.saturating_sub(index);
        let mut rectangle = Rectangle::new(
            [
                (from, SegmentValue::Exact(row)),
                (to, SegmentValue::Exact(row + 1)),
            ],
            color.filled(),
        );
        rectangle.set_margin(6, 6, 0, 0);
        rectangle
    }))?;
    Ok(())
}

/// `label` as it fits left of the bars: whole, or its first words cut with « … ».
fn fitted(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_owned();
    }
    let kept: String = label.chars().take(LABEL_CHARS - 1).collect();
    // Cut between words when one ends in the second half of the room.
    let cut = kept
        .rfind(' ')
        .filter(|&at| at > kept.len() / 2)
        .map_or(kept.as_str(), |at| &kept[..at]);
    format!("{}…", cut.trim_end_matches([' ', ',', '\'']))
}

/// The SVG with its accessible name and without a fixed size, so that it scales.
fn labelled(svg: &str, title: &str) -> String {
    let title = escape(title);
    svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{title}\" class=\"chart\" "),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::{LABEL_CHARS, fitted};

    #[test]
    fn a_long_label_is_cut_between_words() {
        assert_eq!(fitted("Logiciel de sauvegarde"), "Logiciel de sauvegarde");
        assert_eq!(
            fitted("Serveurs de la salle informatique et leur maintenance"),
            "Serveurs de la salle informatique…"
        );
        assert!(
            fitted("Gestiondesécolesetdelarestaurationscolairedesenfants")
                .chars()
                .count()
                <= LABEL_CHARS
        );
    }
}

//! The employer's report as a spreadsheet (XLSX), for the employer's HR officer.
//!
//! Three sheets, labelled in Dutch as the CSV ([`domain::sponsorship::export_csv`]) is, with the
//! same figures, taken from [`domain::sponsorship::report_table`]:
//! - `Samenvatting`: employer, period, the social-return value and the rule behind it;
//! - `Uren`: per employee a row per school with the hours delivered there, then the employee's
//!   own row of agreed, delivered and difference, and a total row;
//! - `Kosten`: the budget table: cost rows, totals per party, contributions (what was given or
//!   what the money is for, and the day), totals.
//!
//! Hours and euros are numeric cells with a number format (`0.00`, [`EURO_FORMAT`]), so the
//! spreadsheet can add them up; their values are the rounded figures the CSV writes, as `f64`.
//! Days are date cells. Text is always written as text: a name starting with `=` stays a
//! string, never a formula.
//!
//! Each sheet prints on A4, one page wide ([`print_setup`]): its print area is the cells
//! written, long text (the rule, a description) wraps, `Uren` and `Kosten` are landscape, and
//! `Uren` repeats its header row on every page. `Kosten` holds four tables with their own
//! header rows, so none is repeated there. The footer names the sheet and the page.

use chrono::{Datelike, NaiveDate};
use domain::Cents;
use domain::contract::SponsorshipReport;
use domain::sponsorship::export_csv::{
    CONTRIBUTION_HEADER, COST_HEADER, HOURS_HEADER, PARTY_HEADER,
};
use domain::sponsorship::report_table::{
    Hours, HoursRow, contribution_label, hours_table, party_hours, party_label,
};
use rust_xlsxwriter::{
    ColNum, ExcelDateTime, Format, FormatAlign, RowNum, Workbook, Worksheet, XlsxError,
};

/// The number format of euro amounts: `€ 1.234,50` in a Dutch spreadsheet program.
pub const EURO_FORMAT: &str = "\"€ \"#,##0.00";
/// The number format of hours: `1,50` in a Dutch spreadsheet program.
pub const HOURS_FORMAT: &str = "0.00";
/// Excel's paper size number of A4.
pub const PAPER_A4: u8 = 9;
/// The content type to serve the workbook with.
pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Writes `report` as an XLSX workbook. Fails only when the spreadsheet library does, which
/// the caller reports as an unexpected error.
pub fn write_xlsx(report: &SponsorshipReport) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    summary_sheet(
        workbook.add_worksheet().set_name("Samenvatting")?,
        report,
        &formats,
    )?;
    hours_sheet(workbook.add_worksheet().set_name("Uren")?, report, &formats)?;
    cost_sheet(
        workbook.add_worksheet().set_name("Kosten")?,
        report,
        &formats,
    )?;
    workbook.save_to_buffer()
}

/// A cell's value and kind.
enum Cell<'a> {
    Empty,
    Text(&'a str),
    /// Text that may be long: it wraps within its column.
    LongText(&'a str),
    Hours(Hours),
    Euro(Cents),
    Date(NaiveDate),
}

struct Formats {
    bold: Format,
    /// A label beside text that wraps: at the top of its row, as the text starts.
    bold_top: Format,
    wrap: Format,
    hours: Format,
    euro: Format,
    bold_hours: Format,
    bold_euro: Format,
    date: Format,
}

impl Formats {
    fn new() -> Self {
        let bold = Format::new().set_bold();
        Self {
            bold_top: bold.clone().set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            hours: Format::new().set_num_format(HOURS_FORMAT),
            euro: Format::new().set_num_format(EURO_FORMAT),
            bold_hours: bold.clone().set_num_format(HOURS_FORMAT),
            bold_euro: bold.clone().set_num_format(EURO_FORMAT),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            bold,
        }
    }
}

/// How a sheet is printed.
struct Print {
    landscape: bool,
    /// The header row repeated at the top of every page.
    repeat_header: bool,
}

/// Prints `sheet` on A4, one page wide and as many long as needed, its cells from A1 up to
/// `last_row` and `last_col` only, with the sheet's name and the page number in the footer.
fn print_setup(
    sheet: &mut Worksheet,
    last_row: RowNum,
    last_col: ColNum,
    print: Print,
) -> Result<(), XlsxError> {
    sheet.set_paper_size(PAPER_A4);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_area(0, 0, last_row, last_col)?;
    if print.landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    if print.repeat_header {
        sheet.set_repeat_rows(0, 0)?;
    }
    sheet.set_footer("&L&A&RPagina &P van &N");
    Ok(())
}

/// Writes `cells` in `row` from the first column; `bold` for header and total rows.
fn write_row(
    sheet: &mut Worksheet,
    formats: &Formats,
    row: RowNum,
    cells: &[Cell<'_>],
    bold: bool,
) -> Result<(), XlsxError> {
    for (col, cell) in (0..).zip(cells) {
        match cell {
            Cell::Empty => {}
            Cell::Text(text) if bold => {
                sheet.write_string_with_format(row, col, *text, &formats.bold)?;
            }
            Cell::Text(text) => {
                sheet.write_string(row, col, *text)?;
            }
            Cell::LongText(text) => {
                sheet.write_string_with_format(row, col, *text, &formats.wrap)?;
            }
            Cell::Date(date) => write_date(sheet, formats, row, col, *date)?,
            Cell::Hours(hours) => {
                let format = if bold {
                    &formats.bold_hours
                } else {
                    &formats.hours
                };
                // Hundredths of an hour are far below 2^53: the `f64` holds them exactly.
                let value = hours.hundredths() as f64 / 100.0;
                sheet.write_number_with_format(row, col, value, format)?;
            }
            Cell::Euro(amount) => {
                let format = if bold {
                    &formats.bold_euro
                } else {
                    &formats.euro
                };
                let value = amount.get() as f64 / 100.0;
                sheet.write_number_with_format(row, col, value, format)?;
            }
        }
    }
    Ok(())
}

/// Writes a header row of the comma-separated `labels` (the CSV's own header).
fn write_header(
    sheet: &mut Worksheet,
    formats: &Formats,
    row: RowNum,
    labels: &str,
) -> Result<(), XlsxError> {
    let cells: Vec<Cell<'_>> = labels.split(',').map(Cell::Text).collect();
    write_row(sheet, formats, row, &cells, true)
}

fn set_widths(sheet: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (col, width) in (0..).zip(widths) {
        sheet.set_column_width(col, *width)?;
    }
    Ok(())
}

/// A real date cell, or the ISO text for a year a spreadsheet cannot hold.
fn write_date(
    sheet: &mut Worksheet,
    formats: &Formats,
    row: RowNum,
    col: ColNum,
    date: NaiveDate,
) -> Result<(), XlsxError> {
    let excel = u16::try_from(date.year()).ok().and_then(|year| {
        let (month, day) = (
            u8::try_from(date.month()).ok()?,
            u8::try_from(date.day()).ok()?,
        );
        ExcelDateTime::from_ymd(year, month, day).ok()
    });
    match excel {
        Some(excel) => sheet.write_date_with_format(row, col, excel, &formats.date)?,
        None => sheet.write_string(row, col, date.format("%Y-%m-%d").to_string())?,
    };
    Ok(())
}

fn summary_sheet(
    sheet: &mut Worksheet,
    report: &SponsorshipReport,
    formats: &Formats,
) -> Result<(), XlsxError> {
    // The rule is a sentence: its column is wide and wraps it, the period's last day beside.
    set_widths(sheet, &[32.0, 60.0, 14.0])?;
    sheet.write_string_with_format(0, 0, "Werkgever", &formats.bold_top)?;
    let name = Cell::LongText(&report.employer_name);
    write_row(sheet, formats, 0, &[Cell::Empty, name], false)?;
    sheet.write_string_with_format(1, 0, "Periode", &formats.bold)?;
    let (first, last) = (report.period.first(), report.period.last());
    write_row(
        sheet,
        formats,
        1,
        &[Cell::Empty, Cell::Date(first), Cell::Date(last)],
        false,
    )?;
    sheet.write_string_with_format(3, 0, "Maatschappelijke waarde (SROI)", &formats.bold)?;
    let value = Cell::Euro(report.social_return.value);
    write_row(sheet, formats, 3, &[Cell::Empty, value], false)?;
    sheet.write_string_with_format(4, 0, "Regel", &formats.bold_top)?;
    let rule = Cell::LongText(&report.social_return_explanation);
    write_row(sheet, formats, 4, &[Cell::Empty, rule], false)?;
    let print = Print {
        landscape: false,
        repeat_header: false,
    };
    print_setup(sheet, 4, 2, print)
}

fn hours_sheet(
    sheet: &mut Worksheet,
    report: &SponsorshipReport,
    formats: &Formats,
) -> Result<(), XlsxError> {
    set_widths(sheet, &[28.0, 32.0, 18.0, 16.0, 14.0])?;
    write_header(sheet, formats, 0, HOURS_HEADER)?;
    sheet.set_freeze_panes(1, 0)?;
    let table = hours_table(&report.statement);
    let mut row: RowNum = 1;
    for line in &table.rows {
        let cells = match line {
            HoursRow::School {
                employee_name,
                school_name,
                delivered,
            } => [
                Cell::Text(employee_name),
                Cell::Text(school_name),
                Cell::Empty,
                Cell::Hours(*delivered),
                Cell::Empty,
            ],
            HoursRow::Employee {
                employee_name,
                agreed,
                delivered,
                difference,
            } => [
                Cell::Text(employee_name),
                Cell::Empty,
                Cell::Hours(*agreed),
                Cell::Hours(*delivered),
                Cell::Hours(*difference),
            ],
        };
        write_row(sheet, formats, row, &cells, false)?;
        row += 1;
    }
    let total = [
        Cell::Text("Totaal"),
        Cell::Empty,
        Cell::Hours(table.agreed),
        Cell::Hours(table.delivered),
        Cell::Hours(table.difference),
    ];
    write_row(sheet, formats, row, &total, true)?;
    let print = Print {
        landscape: true,
        repeat_header: true,
    };
    print_setup(sheet, row, 4, print)
}

fn cost_sheet(
    sheet: &mut Worksheet,
    report: &SponsorshipReport,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let cost = &report.cost;
    // Only the contributions reach column G: what each is, which may be long and wraps.
    set_widths(sheet, &[34.0, 14.0, 12.0, 14.0, 14.0, 14.0, 48.0])?;
    write_header(sheet, formats, 0, COST_HEADER)?;
    let mut row: RowNum = 1;
    for line in &cost.rows {
        let cells = [
            Cell::Text(&line.role),
            Cell::Text(party_label(line.party)),
            Cell::Hours(Hours::from_minutes(line.minutes)),
            Cell::Euro(line.hourly_rate),
            Cell::Euro(line.cost),
        ];
        write_row(sheet, formats, row, &cells, false)?;
        row += 1;
    }

    row += 1;
    write_header(sheet, formats, row, PARTY_HEADER)?;
    for party in &cost.parties {
        row += 1;
        let label = format!("Totaal {}", party_label(party.party));
        let cells = [
            Cell::Text(&label),
            Cell::Hours(party_hours(cost, party.party)),
            Cell::Euro(party.hours_cost),
            Cell::Euro(party.contributions),
            Cell::Euro(party.total),
        ];
        write_row(sheet, formats, row, &cells, false)?;
    }

    row += 2;
    write_header(sheet, formats, row, CONTRIBUTION_HEADER)?;
    for (number, contribution) in (1u32..).zip(&cost.contributions) {
        row += 1;
        sheet.write_number(row, 0, f64::from(number))?;
        let cells = [
            Cell::Empty,
            Cell::Text(party_label(contribution.party)),
            Cell::Text(contribution_label(contribution.kind)),
            Cell::Date(contribution.given_on),
            Cell::Text(&contribution.receipt_number),
            Cell::Euro(contribution.amount),
            Cell::LongText(&contribution.description),
        ];
        write_row(sheet, formats, row, &cells, false)?;
    }

    row += 1;
    for (label, amount) in [
        ("Totaal kosten uren", cost.hours_cost),
        ("Totaal bijdragen", cost.contributions_total),
        ("Totaal generaal", cost.grand_total),
    ] {
        row += 1;
        write_row(
            sheet,
            formats,
            row,
            &[Cell::Text(label), Cell::Euro(amount)],
            true,
        )?;
    }
    let print = Print {
        landscape: true,
        repeat_header: false,
    };
    print_setup(sheet, row, 6, print)
}

#[cfg(test)]
mod tests;

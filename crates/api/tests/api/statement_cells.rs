//! The employer statement's downloads read back cell by cell, as the people who open them would:
//! the Dutch CSV as a nl-NL spreadsheet does (`;`, decimal comma, byte order mark), the RFC 4180
//! CSV as a program does, and the XLSX as a spreadsheet does (through `calamine`). Each is
//! compared with the cells the JSON statement says the file must hold, worked out here on their
//! own from the JSON (not with the server's `report_table`), so a cell that goes missing, moves
//! or changes in one download is caught.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use domain::contract::SponsorshipReport;

/// What a spreadsheet makes of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Empty,
    Text(String),
    /// A number, in hundredths: hours to the hundredth, euros to the cent, `1` as 100.
    Number(i64),
    Date(NaiveDate),
}

/// Rows of cells, each row without its trailing empty cells.
pub type Grid = Vec<Vec<Value>>;

fn text(s: &str) -> Value {
    if s.is_empty() {
        Value::Empty
    } else {
        Value::Text(s.to_owned())
    }
}

/// Minutes as the downloads give hours: rounded down to the hundredth.
fn hours(minutes: u64) -> Value {
    Value::Number(i64::try_from(minutes * 100 / 60).unwrap())
}

fn hours_of(minutes: i64) -> i64 {
    minutes * 100 / 60
}

fn euro(cents: domain::Cents) -> Value {
    Value::Number(cents.get())
}

fn party(party: domain::sponsorship::Party) -> Value {
    use domain::sponsorship::Party;
    text(match party {
        Party::Employer => "werkgever",
        Party::School => "school",
        Party::Programme => "programma",
    })
}

fn header(labels: &str) -> Vec<Value> {
    labels.split(',').map(text).collect()
}

fn trimmed(mut grid: Grid) -> Grid {
    for row in &mut grid {
        while row.last() == Some(&Value::Empty) {
            row.pop();
        }
    }
    while grid.last().is_some_and(Vec::is_empty) {
        grid.pop();
    }
    grid
}

/// The cells the statement's downloads must hold, from its JSON: the spreadsheet's three sheets
/// (`Samenvatting`, `Uren`, `Kosten`).
pub fn expected_sheets(report: &SponsorshipReport) -> [Grid; 3] {
    let summary = vec![
        vec![text("Werkgever"), text(&report.employer_name)],
        vec![
            text("Periode"),
            Value::Date(report.period.first()),
            Value::Date(report.period.last()),
        ],
        vec![],
        vec![
            text("Maatschappelijke waarde (SROI)"),
            euro(report.social_return.value),
        ],
        vec![text("Regel"), text(&report.social_return_explanation)],
    ];

    let mut hours_sheet = vec![header(
        "Medewerker,School,Afgesproken uren,Geleverde uren,Verschil uren",
    )];
    let (mut agreed_total, mut delivered_total) = (0, 0);
    for employee in &report.statement.employees {
        let mut delivered = 0;
        for school in &employee.schools {
            delivered += hours_of(i64::try_from(school.minutes).unwrap());
            hours_sheet.push(vec![
                text(&employee.employee_name),
                text(&school.school_name),
                Value::Empty,
                hours(school.minutes),
            ]);
        }
        let agreed = hours_of(i64::try_from(employee.agreed_minutes).unwrap());
        hours_sheet.push(vec![
            text(&employee.employee_name),
            Value::Empty,
            Value::Number(agreed),
            Value::Number(delivered),
            Value::Number(delivered - agreed),
        ]);
        agreed_total += agreed;
        delivered_total += delivered;
    }
    hours_sheet.push(vec![
        text("Totaal"),
        Value::Empty,
        Value::Number(agreed_total),
        Value::Number(delivered_total),
        Value::Number(delivered_total - agreed_total),
    ]);

    let cost = &report.cost;
    let mut cost_sheet = vec![header("Rol,Partij,Uren,Uurtarief,Kosten")];
    for row in &cost.rows {
        cost_sheet.push(vec![
            text(&row.role),
            party(row.party),
            hours(row.minutes),
            euro(row.hourly_rate),
            euro(row.cost),
        ]);
    }
    cost_sheet.push(vec![]);
    cost_sheet.push(header("Partij,Uren,Kosten uren,Bijdragen,Totaal"));
    for total in &cost.parties {
        let label = match party(total.party) {
            Value::Text(name) => format!("Totaal {name}"),
            other => panic!("{other:?}"),
        };
        let party_hours: i64 = cost
            .rows
            .iter()
            .filter(|r| r.party == total.party)
            .map(|r| hours_of(i64::try_from(r.minutes).unwrap()))
            .sum();
        cost_sheet.push(vec![
            text(&label),
            Value::Number(party_hours),
            euro(total.hours_cost),
            euro(total.contributions),
            euro(total.total),
        ]);
    }
    cost_sheet.push(vec![]);
    cost_sheet.push(header(
        "Bijdrage,Partij,Soort,Datum,Bonnummer,Waarde,Omschrijving",
    ));
    for (number, contribution) in (1..).zip(&cost.contributions) {
        cost_sheet.push(vec![
            Value::Number(number * 100),
            party(contribution.party),
            text(match contribution.kind.as_str() {
                "materials" => "materialen",
                "money" => "geld",
                other => panic!("a contribution of kind {other}"),
            }),
            Value::Date(contribution.given_on),
            text(&contribution.receipt_number),
            euro(contribution.amount),
            text(&contribution.description),
        ]);
    }
    cost_sheet.push(vec![]);
    cost_sheet.push(vec![text("Totaal kosten uren"), euro(cost.hours_cost)]);
    cost_sheet.push(vec![
        text("Totaal bijdragen"),
        euro(cost.contributions_total),
    ]);
    cost_sheet.push(vec![text("Totaal generaal"), euro(cost.grand_total)]);

    [trimmed(summary), trimmed(hours_sheet), trimmed(cost_sheet)]
}

/// The cells the CSV must hold: the summary's first rows, the hours, the social return and the
/// budget table, each block after an empty line.
pub fn expected_csv(report: &SponsorshipReport) -> Grid {
    let [summary, hours, cost] = expected_sheets(report);
    let mut rows = summary[..2].to_vec();
    rows.push(vec![]);
    rows.extend(hours);
    rows.push(vec![]);
    rows.extend(summary[3..].iter().cloned());
    rows.push(vec![]);
    rows.extend(cost);
    rows
}

/// A field as a spreadsheet reads it: a number when it is one in the file's locale (decimal
/// comma for nl-NL), a day when it is an ISO date, else text.
fn field(raw: &str, decimal: char) -> Value {
    if raw.is_empty() {
        return Value::Empty;
    }
    if let Ok(date) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        return Value::Date(date);
    }
    let (sign, digits) = match raw.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, raw),
    };
    let (whole, fraction) = digits.split_once(decimal).unwrap_or((digits, ""));
    let numeric = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !whole.is_empty() && numeric(whole) && numeric(fraction) && fraction.len() <= 2 {
        let fraction = format!("{fraction:0<2}");
        let hundredths: i64 = format!("{whole}{fraction}").parse().unwrap();
        return Value::Number(sign * hundredths);
    }
    Value::Text(raw.to_owned())
}

/// The records of `csv` as written, an empty line as an empty record: split at each line break
/// outside quotes (the reader used below skips empty lines, which separate the sections).
fn lines(csv: &str) -> Vec<&str> {
    let (mut lines, mut start, mut quoted) = (Vec::new(), 0, false);
    for (i, c) in csv.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                lines.push(csv[start..i].strip_suffix('\r').expect("lines end in CRLF"));
                start = i + 1;
            }
            _ => {}
        }
    }
    assert_eq!(start, csv.len(), "the last line ends in CRLF too");
    lines
}

/// Every line of `csv` as cells, an empty line as an empty row: `;` with decimal commas for the
/// Dutch dialect, `,` with decimal points for RFC 4180.
pub fn read_csv(csv: &str, separator: u8) -> Grid {
    let decimal = if separator == b';' { ',' } else { '.' };
    let grid = lines(csv)
        .into_iter()
        .map(|line| {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(separator)
                .has_headers(false)
                .from_reader(line.as_bytes());
            let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
            assert!(records.len() <= 1, "one record in {line:?}");
            records
                .first()
                .map(|r| r.iter().map(|f| field(f, decimal)).collect())
                .unwrap_or_default()
        })
        .collect();
    trimmed(grid)
}

/// Excel's serial day as a date (from 30 December 1899, as in the 1900 date system after
/// February 1900).
fn excel_day(serial: f64) -> NaiveDate {
    assert_eq!(serial.fract(), 0.0, "a day without a time");
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap() + chrono::Days::new(serial as u64)
}

/// The sheets of `xlsx`, by name, as a spreadsheet reads their cells.
pub fn read_xlsx(xlsx: &[u8]) -> Vec<(String, Grid)> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(xlsx.to_vec())).expect("an XLSX workbook");
    let names = workbook.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).expect("a worksheet");
            let (first_row, first_col) = range.start().unwrap_or((0, 0));
            let mut grid: Grid = Vec::new();
            for (row, col, data) in range.cells() {
                let (row, col) = (row + first_row as usize, col + first_col as usize);
                if grid.len() <= row {
                    grid.resize(row + 1, Vec::new());
                }
                let cells = &mut grid[row];
                if cells.len() <= col {
                    cells.resize(col + 1, Value::Empty);
                }
                cells[col] = match data {
                    Data::Empty => Value::Empty,
                    Data::String(s) => text(s),
                    Data::Float(f) => {
                        let hundredths = f * 100.0;
                        assert_eq!(hundredths.round(), hundredths, "{f} to the hundredth");
                        Value::Number(hundredths as i64)
                    }
                    Data::Int(i) => Value::Number(i * 100),
                    Data::DateTime(d) => Value::Date(excel_day(d.as_f64())),
                    other => panic!("{name}!{row},{col}: an unexpected cell {other:?}"),
                };
            }
            (name, trimmed(grid))
        })
        .collect()
}

/// The workbook's part `name` (`xl/workbook.xml`), as text.
pub fn xlsx_part(xlsx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).expect("an XLSX file is a zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the workbook"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The attributes of the first `<element .../>` in `xml`.
pub fn element<'a>(xml: &'a str, element: &str) -> &'a str {
    let start = xml
        .find(&format!("<{element} "))
        .unwrap_or_else(|| panic!("no <{element}> in {xml}"));
    let end = start + xml[start..].find("/>").unwrap();
    &xml[start..end]
}

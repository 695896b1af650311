//! The dashboard as a spreadsheet (XLSX): one sheet per section, its Dutch column headings in
//! the first row, a row label in the first column and the section's numbers as numeric cells
//! (hours and euros with a number format), so the figures add up in a spreadsheet program.

use domain::contract::{Dashboard, DashboardSection, DashboardUnit};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::sponsorship_xlsx::{EURO_FORMAT, HOURS_FORMAT};

pub use crate::sponsorship_xlsx::CONTENT_TYPE;

/// The sheet name of a section: at most 31 characters, as Excel allows.
pub fn sheet_name(section: &DashboardSection) -> String {
    match section.key {
        domain::contract::DashboardSectionKey::Spots => "Plekken",
        domain::contract::DashboardSectionKey::Intake => "Intake",
        domain::contract::DashboardSectionKey::Matches => "Koppelingen",
        domain::contract::DashboardSectionKey::Hours => "Uren",
        domain::contract::DashboardSectionKey::Allowances => "Vergoedingen",
        domain::contract::DashboardSectionKey::Employers => "Werkgevers",
        domain::contract::DashboardSectionKey::Training => "Trainingen",
    }
    .to_owned()
}

/// Writes `dashboard` as an XLSX workbook.
pub fn write_xlsx(dashboard: &Dashboard) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    for section in &dashboard.sections {
        let sheet = workbook.add_worksheet().set_name(sheet_name(section))?;
        write_section(sheet, section)?;
    }
    workbook.save_to_buffer()
}

fn write_section(sheet: &mut Worksheet, section: &DashboardSection) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let euro = Format::new().set_num_format(EURO_FORMAT);
    let hours = Format::new().set_num_format(HOURS_FORMAT);
    let plain = Format::new();
    sheet.write_string_with_format(0, 0, &section.title, &bold)?;
    for (c, column) in (1u16..).zip(&section.columns) {
        sheet.write_string_with_format(0, c, &column.label, &bold)?;
    }
    sheet.set_column_width(0, 36)?;
    for (r, row) in (1u32..).zip(&section.rows) {
        sheet.write_string(r, 0, &row.label)?;
        for ((c, column), value) in (1u16..).zip(&section.columns).zip(&row.values) {
            let Some(value) = value else { continue };
            let format = match column.unit {
                DashboardUnit::Euros => &euro,
                DashboardUnit::Hours => &hours,
                DashboardUnit::Count | DashboardUnit::Days => &plain,
            };
            sheet.write_number_with_format(r, c, *value, format)?;
        }
    }
    for c in (1u16..).take(section.columns.len()) {
        sheet.set_column_width(c, 22)?;
    }
    Ok(())
}

use std::io::{Cursor, Read};

use chrono::NaiveDate;
use domain::hours::{HourKind, HourStatus};
use domain::sponsorship::{
    AgreementInput, Contribution, ContributionType, CostRow, HourEntryInput, Party,
    StatementPeriod, ambassador_rows, cost_overview, employer_statement, social_return,
};
use domain::{Cents, Period};
use uuid::Uuid;

use super::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
}

/// October 2026's first four weeks for a made-up employer whose name looks like a formula:
/// Sanne de Wit delivered 90 and 50 minutes at two schools (2 hours a week agreed, EUR 45 an
/// hour), a project lead's 3 hours are the programme's, and the employer gave EUR 60 of materials.
fn report() -> SponsorshipReport {
    let period = StatementPeriod::new(day(1), day(28)).unwrap();
    let agreement = AgreementInput {
        days_off: Vec::new(),
        employee_id: Uuid::from_u128(7),
        employee_name: "Sanne de Wit".to_owned(),
        sponsored_minutes_per_week: 120,
        hourly_rate: Cents(4_500),
        period: Period {
            starts_on: day(1),
            ends_on: NaiveDate::from_ymd_opt(2027, 1, 31).unwrap(),
        },
    };
    let entries: Vec<HourEntryInput> = [
        (90, "OBS De Voorbeeldschool"),
        (50, "Basisschool Het Testlab"),
    ]
    .into_iter()
    .map(|(minutes, school)| HourEntryInput {
        employee_id: Uuid::from_u128(7),
        date: day(6),
        minutes,
        kind: HourKind::Sponsored,
        status: HourStatus::Approved,
        school_name: school.to_owned(),
    })
    .collect();
    let statement = employer_statement(period, &[agreement], &entries);
    let value = social_return(statement.delivered_minutes, "Utrecht", &[]);
    let mut rows = ambassador_rows(&statement);
    rows.push(CostRow {
        role: "projectleider".to_owned(),
        party: Party::Programme,
        minutes: 180,
        hourly_rate: Cents(4_000),
    });
    let materials = Contribution {
        kind: ContributionType::Materials,
        description: "Knutselmateriaal".to_owned(),
        amount: Cents(6_000),
        given_on: day(5),
        party: Party::Employer,
        receipt_number: "B-7".to_owned(),
    };
    SponsorshipReport {
        employer_id: Uuid::from_u128(70),
        employer_name: "=Voorbeeld BV".to_owned(),
        period,
        social_return_explanation: value.explanation(),
        social_return: value,
        cost: cost_overview(&rows, &[materials]).unwrap(),
        statement,
    }
}

/// The workbook's part `name`, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("an XLSX file is a zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the workbook"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The XML of cell `reference` (`D3`) in `sheet`.
fn cell<'a>(sheet: &'a str, reference: &str) -> &'a str {
    let start = sheet
        .find(&format!("<c r=\"{reference}\""))
        .unwrap_or_else(|| panic!("no cell {reference} in {sheet}"));
    let end = start + sheet[start..].find("</c>").unwrap();
    &sheet[start..end]
}

#[test]
fn the_workbook_is_a_real_spreadsheet_with_three_sheets() {
    let bytes = write_xlsx(&report()).unwrap();
    // A zip file, not CSV text under another name.
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let workbook = part(&bytes, "xl/workbook.xml");
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(names, ["Samenvatting", "Uren", "Kosten"]);
    let styles = part(&bytes, "xl/styles.xml");
    assert!(
        styles.contains("formatCode=\"&quot;€ &quot;#,##0.00\""),
        "{styles}"
    );
    assert!(styles.contains("formatCode=\"0.00\""), "{styles}");
}

#[test]
fn hours_and_euros_are_numbers_a_spreadsheet_can_add_up() {
    let bytes = write_xlsx(&report()).unwrap();

    // Uren: header, Het Testlab (50 minutes), De Voorbeeldschool (90), Sanne's own row, total.
    let hours = part(&bytes, "xl/worksheets/sheet2.xml");
    let testlab = cell(&hours, "D2");
    assert!(
        testlab.contains("<v>0.83</v>") && !testlab.contains("t=\""),
        "{testlab}"
    );
    assert!(cell(&hours, "D3").contains("<v>1.5</v>"));
    let own_row = [("C4", "8"), ("D4", "2.33"), ("E4", "-5.67")];
    for (reference, value) in own_row {
        let xml = cell(&hours, reference);
        assert!(
            xml.contains(&format!("<v>{value}</v>")) && !xml.contains("t=\""),
            "{xml}"
        );
    }

    // Kosten: Sanne's row is 140 minutes at EUR 45 = EUR 105; the grand total adds EUR 120 of
    // the project lead and EUR 60 of materials. Row 1 header, 2-3 rows, 5 header, 6-7 parties,
    // 9 header, 10 materials, 12-14 totals.
    let cost = part(&bytes, "xl/worksheets/sheet3.xml");
    assert!(cell(&cost, "C2").contains("<v>2.33</v>"));
    assert!(cell(&cost, "D2").contains("<v>45</v>"));
    assert!(cell(&cost, "E2").contains("<v>105</v>"));
    assert!(cell(&cost, "F10").contains("<v>60</v>"));
    // The day it was given is a date cell: 5 October 2026 is day 46300 of Excel's calendar.
    assert!(cell(&cost, "D10").contains("<v>46300</v>"));
    let grand_total = cell(&cost, "B14");
    assert!(
        grand_total.contains("<v>285</v>") && !grand_total.contains("t=\""),
        "{grand_total}"
    );
    let label = cell(&cost, "A14");
    assert!(label.contains("t=\"s\""), "{label}");
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("Totaal generaal"));
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let bytes = write_xlsx(&report()).unwrap();
    let summary = part(&bytes, "xl/worksheets/sheet1.xml");
    let name = cell(&summary, "B1");
    assert!(name.contains("t=\"s\"") && !name.contains("<f>"), "{name}");
    assert!(part(&bytes, "xl/sharedStrings.xml").contains("=Voorbeeld BV"));
    // The SROI value: 140 minutes at Utrecht's EUR 100 an hour, rounded down to the cent.
    assert!(cell(&summary, "B4").contains("<v>233.33</v>"));
}

#[test]
fn each_sheet_prints_on_a4_one_page_wide_with_its_own_print_area() {
    let bytes = write_xlsx(&report()).unwrap();
    // (sheet, orientation, print area)
    let sheets = [
        (1, "portrait", "Samenvatting!$A$1:$C$5"),
        (2, "landscape", "Uren!$A$1:$E$5"),
        (3, "landscape", "Kosten!$A$1:$G$14"),
    ];
    let workbook = part(&bytes, "xl/workbook.xml");
    for (number, orientation, area) in sheets {
        let sheet = part(&bytes, &format!("xl/worksheets/sheet{number}.xml"));
        assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{sheet}");
        let setup = &sheet[sheet.find("<pageSetup").unwrap()..];
        let setup = &setup[..setup.find("/>").unwrap()];
        assert!(setup.contains("paperSize=\"9\""), "{setup}");
        assert!(setup.contains("fitToHeight=\"0\""), "{setup}");
        assert!(
            !setup.contains("fitToWidth=") || setup.contains("fitToWidth=\"1\""),
            "{setup}"
        );
        assert!(
            setup.contains(&format!("orientation=\"{orientation}\"")),
            "{setup}"
        );
        assert!(
            workbook.contains(&format!(">{area}</definedName>")),
            "{workbook}"
        );
    }
    assert!(
        workbook.contains("name=\"_xlnm.Print_Titles\" localSheetId=\"1\">Uren!$1:$1<"),
        "{workbook}"
    );
    assert_eq!(
        workbook.matches("_xlnm.Print_Titles").count(),
        1,
        "{workbook}"
    );
    // The rule wraps in its wide column.
    let summary = part(&bytes, "xl/worksheets/sheet1.xml");
    let rule = cell(&summary, "B5");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("wrapText=\"1\""), "{styles}");
    assert!(rule.contains(" s=\""), "{rule}");
}

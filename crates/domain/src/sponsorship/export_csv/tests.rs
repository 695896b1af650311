use super::*;
use crate::money::Cents;
use crate::sponsorship::fixtures::example_report;

#[test]
fn a_small_report_is_written_section_by_section() {
    assert_eq!(
        write_csv(&example_report(), CsvDialect::Rfc4180),
        "Werkgever,Voorbeeld Installatietechniek BV\r\n\
         Periode,2026-09-01,2026-09-28\r\n\
         \r\n\
         Medewerker,School,Afgesproken uren,Geleverde uren,Verschil uren\r\n\
         Ruben Bakker,,4.00,0.00,-4.00\r\n\
         Sanne de Wit,Basisschool Het Testlab,,0.83,\r\n\
         Sanne de Wit,OBS De Voorbeeldschool,,1.50,\r\n\
         Sanne de Wit,,8.00,2.33,-5.67\r\n\
         Totaal,,12.00,2.33,-9.67\r\n\
         \r\n\
         Maatschappelijke waarde (SROI),233.33\r\n\
         Regel,\"geen regel voor Voorbeeldstad; standaard toegepast: Utrecht, bouwsteen \
         'ondersteunen maatschappelijk project': EUR 100 per uur\"\r\n\
         \r\n\
         Rol,Partij,Uren,Uurtarief,Kosten\r\n\
         ambassadeur Ruben Bakker,werkgever,0.00,50.00,0.00\r\n\
         ambassadeur Sanne de Wit,werkgever,2.33,45.00,105.00\r\n\
         coördinator,school,2.00,50.00,100.00\r\n\
         \r\n\
         Partij,Uren,Kosten uren,Bijdragen,Totaal\r\n\
         Totaal werkgever,2.33,105.00,325.00,430.00\r\n\
         Totaal school,2.00,100.00,0.00,100.00\r\n\
         \r\n\
         Bijdrage,Partij,Soort,Datum,Bonnummer,Waarde,Omschrijving\r\n\
         1,werkgever,materialen,2026-09-08,B-2026-001,75.00,Drukwerk lesmateriaal\r\n\
         2,werkgever,geld,2026-09-20,B-2026-002,250.00,\"Bijdrage excursie; bus en entree\"\r\n\
         \r\n\
         Totaal kosten uren,205.00\r\n\
         Totaal bijdragen,325.00\r\n\
         Totaal generaal,530.00\r\n"
    );
}

#[test]
fn text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
    let mut report = example_report();
    report.employer_name = "=HYPERLINK(\"http://x\")".to_owned();
    report.cost.rows[2].role = "+coördinator".to_owned();
    report.cost.contributions[0].receipt_number = "@B1".to_owned();
    report.cost.contributions[0].description = "-1+1".to_owned();
    let csv = write_csv(&report, CsvDialect::Rfc4180);
    assert!(
        csv.starts_with("Werkgever,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\n'+coördinator,school,"), "{csv}");
    assert!(
        csv.contains(",materialen,2026-09-08,'@B1,75.00,'-1+1\r\n"),
        "{csv}"
    );
    // Negative numbers are figures, not text: they are written without a guard.
    assert!(
        csv.contains("\r\nRuben Bakker,,4.00,0.00,-4.00\r\n"),
        "{csv}"
    );
}

/// The rows of the section whose header is `header`, split into fields (the tested sections
/// hold no quoted fields).
fn section<'a>(csv: &'a str, header: &str) -> Vec<Vec<&'a str>> {
    let blocks: Vec<&str> = csv.split("\r\n\r\n").collect();
    let block = blocks
        .iter()
        .find(|b| b.starts_with(header))
        .unwrap_or_else(|| panic!("no section {header} in {csv}"));
    block
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').collect())
        .collect()
}

/// `1.50` as 150, an empty field as 0.
fn hundredths(field: &str) -> i64 {
    if field.is_empty() {
        return 0;
    }
    field.replace('.', "").parse().unwrap()
}

#[test]
fn every_total_is_the_sum_of_the_figures_it_totals() {
    let csv = write_csv(&example_report(), CsvDialect::Rfc4180);

    let hours = section(&csv, HOURS_HEADER);
    let (total, employees) = hours.split_last().unwrap();
    assert_eq!(total[0], "Totaal");
    let mut schools_delivered = 0;
    let (mut agreed, mut delivered, mut difference) = (0, 0, 0);
    for row in employees {
        if row[1].is_empty() {
            assert_eq!(hundredths(row[3]), schools_delivered, "{row:?}");
            assert_eq!(hundredths(row[4]), hundredths(row[3]) - hundredths(row[2]));
            agreed += hundredths(row[2]);
            delivered += hundredths(row[3]);
            difference += hundredths(row[4]);
            schools_delivered = 0;
        } else {
            schools_delivered += hundredths(row[3]);
        }
    }
    assert_eq!(
        [
            hundredths(total[2]),
            hundredths(total[3]),
            hundredths(total[4])
        ],
        [agreed, delivered, difference]
    );

    let rows = section(&csv, COST_HEADER);
    let parties = section(&csv, PARTY_HEADER);
    for party in &parties {
        let name = party[0].strip_prefix("Totaal ").unwrap();
        let own: Vec<&Vec<&str>> = rows.iter().filter(|r| r[1] == name).collect();
        let sum = |column: usize| own.iter().map(|r| hundredths(r[column])).sum::<i64>();
        assert_eq!(hundredths(party[1]), sum(2), "hours of {name}");
        assert_eq!(hundredths(party[2]), sum(4), "cost of {name}");
        assert_eq!(
            hundredths(party[4]),
            hundredths(party[2]) + hundredths(party[3])
        );
    }
    let contributions = section(&csv, CONTRIBUTION_HEADER);
    let contributions_sum: i64 = contributions.iter().map(|r| hundredths(r[5])).sum();
    let hours_cost: i64 = rows.iter().map(|r| hundredths(r[4])).sum();
    assert!(csv.ends_with(&format!(
        "Totaal kosten uren,{}\r\nTotaal bijdragen,{}\r\nTotaal generaal,{}\r\n",
        Cents(hours_cost).decimal(),
        Cents(contributions_sum).decimal(),
        Cents(hours_cost + contributions_sum).decimal()
    )));
    let parties_total: i64 = parties.iter().map(|p| hundredths(p[4])).sum();
    assert_eq!(parties_total, hours_cost + contributions_sum);
}

/// Every row of `csv` as a Dutch spreadsheet or a program reads it.
fn records(csv: &str, delimiter: u8) -> Vec<Vec<String>> {
    ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_dutch_dialect_holds_the_same_cells_with_decimal_commas() {
    let report = example_report();
    let dutch = write_csv(&report, CsvDialect::Dutch);
    let plain = write_csv(&report, CsvDialect::Rfc4180);
    let dutch = dutch.strip_prefix('\u{feff}').expect("a byte order mark");
    assert!(dutch.starts_with("Werkgever;Voorbeeld Installatietechniek BV\r\n"));
    let (dutch, plain) = (records(dutch, b';'), records(&plain, b','));
    assert_eq!(dutch.len(), plain.len());
    let mut numbers = 0;
    for (d, p) in dutch.iter().zip(&plain) {
        assert_eq!(d.len(), p.len(), "{d:?} / {p:?}");
        for (d, p) in d.iter().zip(p) {
            if p.parse::<f64>().is_ok() && p.contains('.') {
                assert_eq!(*d, p.replace('.', ","));
                numbers += 1;
            } else {
                assert_eq!(d, p);
            }
        }
    }
    assert!(numbers > 5, "the report has amounts and hours");
}

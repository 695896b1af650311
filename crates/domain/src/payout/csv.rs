//! The payout as CSV, for programme staff to check and for a spreadsheet.
//!
//! In the Dutch dialect (the default, for people): `Naam;IBAN;Bedrag;Omschrijving`, amounts
//! `160,00`, a byte order mark. In RFC 4180 (for programs): `name,iban,amount,description`,
//! amounts `160.00`. The IBAN compact, lines ending in CRLF. Names and descriptions are written
//! as `crate::csv_text` says: quoted when they must be, and guarded against being run as a
//! formula by a spreadsheet.

use super::{PayoutError, PayoutLine, check_amounts};
use crate::csv_text::{CsvDialect, push_row, text_field};

/// The header row of the RFC 4180 dialect.
pub const HEADER: &str = "name,iban,amount,description";
/// The header row of the Dutch dialect, as written with commas.
pub const DUTCH_HEADER: &str = "Naam,IBAN,Bedrag,Omschrijving";

/// Writes `lines` as CSV in `dialect`; refuses an empty payout and amounts that cannot be paid.
pub fn write_csv(lines: &[PayoutLine], dialect: CsvDialect) -> Result<String, PayoutError> {
    check_amounts(lines)?;
    let mut out = String::with_capacity(64 * (lines.len() + 1));
    out.push_str(dialect.start());
    let header = match dialect {
        CsvDialect::Dutch => DUTCH_HEADER,
        CsvDialect::Rfc4180 => HEADER,
    };
    push_row(&mut out, dialect, &[dialect.header(header)]);
    for line in lines {
        let fields = [
            text_field(&line.name),
            line.iban
                .as_ref()
                .map(|i| i.as_str().to_owned())
                .unwrap_or_default(),
            dialect.number(line.amount.decimal()),
            text_field(&line.description),
        ];
        push_row(&mut out, dialect, &fields);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{line, two_lines};
    use super::*;
    use crate::money::Cents;

    #[test]
    fn each_payment_is_a_row_with_the_amount_in_euros() {
        assert_eq!(
            write_csv(&two_lines(), CsvDialect::Rfc4180).unwrap(),
            "name,iban,amount,description\r\n\
             A. de Vries,NL91ABNA0417164300,160.00,Vrijwilligersvergoeding november 2025\r\n\
             B. Janssens,BE68539007547034,85.33,Vrijwilligersvergoeding november 2025\r\n"
        );
    }

    #[test]
    fn people_get_semicolons_decimal_commas_and_a_byte_order_mark() {
        let mut lines = two_lines();
        lines[0].name = "Örs Ördög".into();
        let csv = write_csv(&lines, CsvDialect::Dutch).unwrap();
        assert_eq!(
            csv,
            "\u{feff}Naam;IBAN;Bedrag;Omschrijving\r\n\
             Örs Ördög;NL91ABNA0417164300;160,00;Vrijwilligersvergoeding november 2025\r\n\
             B. Janssens;BE68539007547034;85,33;Vrijwilligersvergoeding november 2025\r\n"
        );
        // Read as a Dutch spreadsheet does: the byte order mark says UTF-8, `;` splits the
        // columns, and the amounts are numbers with a decimal comma.
        let bytes = csv.as_bytes();
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        let headers: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(headers, ["Naam", "IBAN", "Bedrag", "Omschrijving"]);
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][0], "Örs Ördög");
        let amounts: Vec<f64> = rows
            .iter()
            .map(|r| r[2].replace(',', ".").parse().unwrap())
            .collect();
        assert_eq!(amounts, [160.0, 85.33]);
    }

    #[test]
    fn a_semicolon_in_a_name_is_quoted_in_both_dialects() {
        let odd = line("X1", "Jansen; Zn", "NL91ABNA0417164300", 7);
        for dialect in [CsvDialect::Dutch, CsvDialect::Rfc4180] {
            let csv = write_csv(std::slice::from_ref(&odd), dialect).unwrap();
            assert!(csv.contains("\"Jansen; Zn\""), "{csv}");
        }
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        let mut tricky = line("X1", "Jansen, \"Zn\" & Co", "NL91ABNA0417164300", 7);
        tricky.description = "regel 1\nregel 2".to_owned();
        let csv = write_csv(&[tricky], CsvDialect::Rfc4180).unwrap();
        assert_eq!(
            csv.lines().nth(1).unwrap(),
            "\"Jansen, \"\"Zn\"\" & Co\",NL91ABNA0417164300,0.07,\"regel 1"
        );
        assert!(csv.ends_with("regel 2\"\r\n"));
    }

    #[test]
    fn text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
        let formula = line("X1", "=HYPERLINK(\"x\")", "NL91ABNA0417164300", 100);
        let csv = write_csv(&[formula], CsvDialect::Rfc4180).unwrap();
        assert!(csv.contains("\r\n\"'=HYPERLINK(\"\"x\"\")\",NL91"), "{csv}");
    }

    #[test]
    fn an_empty_payout_and_amounts_of_nothing_or_less_are_refused() {
        assert_eq!(write_csv(&[], CsvDialect::Dutch), Err(PayoutError::Empty));
        for cents in [0, -1_250] {
            let mut lines = two_lines();
            lines[1].amount = Cents(cents);
            let err = write_csv(&lines, CsvDialect::Dutch).unwrap_err();
            assert_eq!(
                err,
                PayoutError::NotPositive {
                    line: 2,
                    name: "B. Janssens".into(),
                    amount: Cents(cents)
                }
            );
        }
        assert_eq!(
            write_csv(
                &[line("X", "Iemand", "NL91ABNA0417164300", 0)],
                CsvDialect::Dutch
            )
            .unwrap_err()
            .to_string(),
            "line 1 (Iemand) pays EUR 0.00; only amounts of more than EUR 0.00 can be paid out, so leave it out"
        );
    }
}

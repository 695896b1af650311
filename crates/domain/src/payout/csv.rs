//! The payout as CSV (RFC 4180), for programme staff to check and for a spreadsheet.
//!
//! Columns: `name,iban,amount,description`; the IBAN compact, the amount in euros with a dot
//! and two decimals (`160.00`), lines ending in CRLF. Names and descriptions are written as
//! `crate::csv_text` says: quoted when they must be, and guarded against being run as a
//! formula by a spreadsheet.

use super::{PayoutError, PayoutLine, check_amounts};
use crate::csv_text::{push_row, text_field};

/// The header row.
pub const HEADER: &str = "name,iban,amount,description";

/// Writes `lines` as CSV; refuses an empty payout and amounts that cannot be paid.
pub fn write_csv(lines: &[PayoutLine]) -> Result<String, PayoutError> {
    check_amounts(lines)?;
    let mut out = String::with_capacity(64 * (lines.len() + 1));
    push_row(&mut out, &[HEADER]);
    for line in lines {
        let fields = [
            text_field(&line.name),
            line.iban.as_str().to_owned(),
            line.amount.decimal(),
            text_field(&line.description),
        ];
        push_row(&mut out, &fields);
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
            write_csv(&two_lines()).unwrap(),
            "name,iban,amount,description\r\n\
             A. de Vries,NL91ABNA0417164300,160.00,Vrijwilligersvergoeding november 2025\r\n\
             B. Janssens,BE68539007547034,85.33,Vrijwilligersvergoeding november 2025\r\n"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        let mut tricky = line("X1", "Jansen, \"Zn\" & Co", "NL91ABNA0417164300", 7);
        tricky.description = "regel 1\nregel 2".to_owned();
        let csv = write_csv(&[tricky]).unwrap();
        assert_eq!(
            csv.lines().nth(1).unwrap(),
            "\"Jansen, \"\"Zn\"\" & Co\",NL91ABNA0417164300,0.07,\"regel 1"
        );
        assert!(csv.ends_with("regel 2\"\r\n"));
    }

    #[test]
    fn text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
        let formula = line("X1", "=HYPERLINK(\"x\")", "NL91ABNA0417164300", 100);
        let csv = write_csv(&[formula]).unwrap();
        assert!(csv.contains("\r\n\"'=HYPERLINK(\"\"x\"\")\",NL91"), "{csv}");
    }

    #[test]
    fn an_empty_payout_and_amounts_of_nothing_or_less_are_refused() {
        assert_eq!(write_csv(&[]), Err(PayoutError::Empty));
        for cents in [0, -1_250] {
            let mut lines = two_lines();
            lines[1].amount = Cents(cents);
            let err = write_csv(&lines).unwrap_err();
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
            write_csv(&[line("X", "Iemand", "NL91ABNA0417164300", 0)])
                .unwrap_err()
                .to_string(),
            "line 1 (Iemand) pays EUR 0.00; only amounts of more than EUR 0.00 can be paid out, so leave it out"
        );
    }
}

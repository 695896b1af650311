//! The payout as a SEPA credit transfer initiation (ISO 20022 `pain.001.001.03`), the file
//! Dutch banks take for a batch of payments.
//!
//! One group header, one payment information block (paid from one account on one day, SEPA
//! service level, shared charges), and one transaction per line, paid by IBAN only. Totals
//! (`NbOfTxs`, `CtrlSum`) are counted from the lines, so they always match. Names and
//! descriptions are written in the SEPA character set and cut to the standard's lengths;
//! references that break the rules are refused (see [`super::sepa_text`]). Every text is
//! XML-escaped as well, though the SEPA set leaves only `'` to escape. The creation time is
//! written as Amsterdam wall-clock time, as the Dutch banks' guidelines show it.

use chrono::{DateTime, NaiveDate, Utc};

use super::bic::Bic;
use super::sepa_text::{MAX_NAME, MAX_REMITTANCE, reference_problem, to_sepa_cut};
use super::{PayoutError, PayoutLine, check_amounts};
use crate::iban::Iban;
use crate::local_date::{amsterdam_date, amsterdam_time};

/// The schema's namespace.
pub const NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

/// A batch of payments from the programme's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditTransfer {
    /// Unique per file: the bank refuses a file whose id it has seen. Also the payment
    /// information id.
    pub message_id: String,
    /// When the file is made (passed in: the domain reads no clock).
    pub created_at: DateTime<Utc>,
    /// The day the bank should pay.
    pub execution_date: NaiveDate,
    /// The payer: the programme's organisation, also the initiating party.
    pub debtor_name: String,
    /// The account paid from.
    pub debtor_iban: Iban,
    /// The payer's bank, when the bank asks for it.
    pub debtor_bic: Option<Bic>,
    /// The payments.
    pub lines: Vec<PayoutLine>,
}

/// Writes `transfer` as a pain.001.001.03 document, or says why it cannot be paid.
pub fn write_pain001(transfer: &CreditTransfer) -> Result<String, PayoutError> {
    let total = check_amounts(&transfer.lines)?;
    check_reference("message id", &transfer.message_id)?;
    for (i, line) in transfer.lines.iter().enumerate() {
        check_reference(
            &format!("end-to-end id of line {}", i + 1),
            &line.end_to_end_id,
        )?;
        if let Some(j) = transfer.lines[..i]
            .iter()
            .position(|earlier| earlier.end_to_end_id == line.end_to_end_id)
        {
            return Err(PayoutError::DuplicateEndToEndId {
                first: j + 1,
                second: i + 1,
                id: line.end_to_end_id.clone(),
            });
        }
    }
    let created_on = amsterdam_date(transfer.created_at);
    if transfer.execution_date < created_on {
        return Err(PayoutError::ExecutionBeforeCreation {
            execution_date: transfer.execution_date,
            created_on,
        });
    }
    let debtor = name("payer's", &transfer.debtor_name)?;
    let count = transfer.lines.len().to_string();
    let total = total.decimal();

    let mut x = Xml::default();
    x.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.out.push_str(&format!(
        "<Document xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    ));
    x.depth = 1;
    x.open("CstmrCdtTrfInitn");
    x.open("GrpHdr");
    x.leaf("MsgId", &transfer.message_id);
    x.leaf(
        "CreDtTm",
        &amsterdam_time(transfer.created_at)
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string(),
    );
    x.leaf("NbOfTxs", &count);
    x.leaf("CtrlSum", &total);
    x.open("InitgPty");
    x.leaf("Nm", &debtor);
    x.close("InitgPty");
    x.close("GrpHdr");

    x.open("PmtInf");
    x.leaf("PmtInfId", &transfer.message_id);
    x.leaf("PmtMtd", "TRF");
    x.leaf("NbOfTxs", &count);
    x.leaf("CtrlSum", &total);
    x.open("PmtTpInf");
    x.open("SvcLvl");
    x.leaf("Cd", "SEPA");
    x.close("SvcLvl");
    x.close("PmtTpInf");
    x.leaf(
        "ReqdExctnDt",
        &transfer.execution_date.format("%Y-%m-%d").to_string(),
    );
    x.open("Dbtr");
    x.leaf("Nm", &debtor);
    x.close("Dbtr");
    x.account("DbtrAcct", &transfer.debtor_iban);
    x.open("DbtrAgt");
    x.open("FinInstnId");
    match &transfer.debtor_bic {
        Some(bic) => x.leaf("BIC", bic.as_str()),
        None => {
            x.open("Othr");
            x.leaf("Id", "NOTPROVIDED");
            x.close("Othr");
        }
    }
    x.close("FinInstnId");
    x.close("DbtrAgt");
    x.leaf("ChrgBr", "SLEV");

    for (i, line) in transfer.lines.iter().enumerate() {
        x.open("CdtTrfTxInf");
        x.open("PmtId");
        x.leaf("EndToEndId", &line.end_to_end_id);
        x.close("PmtId");
        x.open("Amt");
        x.line(&format!(
            "<InstdAmt Ccy=\"EUR\">{}</InstdAmt>",
            line.amount.decimal()
        ));
        x.close("Amt");
        x.open("Cdtr");
        x.leaf(
            "Nm",
            &name(&format!("payee's on line {}", i + 1), &line.name)?,
        );
        x.close("Cdtr");
        let iban = line.iban.as_ref().ok_or_else(|| PayoutError::IbanMissing {
            line: i + 1,
            name: line.name.clone(),
        })?;
        x.account("CdtrAcct", iban);
        let remittance = to_sepa_cut(&line.description, MAX_REMITTANCE);
        if !remittance.is_empty() {
            x.open("RmtInf");
            x.leaf("Ustrd", &remittance);
            x.close("RmtInf");
        }
        x.close("CdtTrfTxInf");
    }
    x.close("PmtInf");
    x.close("CstmrCdtTrfInitn");
    x.depth = 0;
    x.line("</Document>");
    Ok(x.out)
}

fn check_reference(field: &str, value: &str) -> Result<(), PayoutError> {
    match reference_problem(value) {
        None => Ok(()),
        Some(problem) => Err(PayoutError::Identifier {
            field: field.to_owned(),
            value: value.to_owned(),
            problem,
        }),
    }
}

/// A name in the SEPA set, cut to 70 characters; refused when nothing of it is left.
fn name(whose: &str, text: &str) -> Result<String, PayoutError> {
    let sepa = to_sepa_cut(text, MAX_NAME);
    if sepa.chars().any(|c| c.is_ascii_alphanumeric()) {
        Ok(sepa)
    } else {
        Err(PayoutError::NameMissing {
            whose: whose.to_owned(),
        })
    }
}

/// A small indenting XML writer: enough for a fixed document shape.
#[derive(Default)]
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn line(&mut self, text: &str) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn open(&mut self, tag: &str) {
        self.line(&format!("<{tag}>"));
        self.depth += 1;
    }

    fn close(&mut self, tag: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.line(&format!("</{tag}>"));
    }

    fn leaf(&mut self, tag: &str, text: &str) {
        self.line(&format!("<{tag}>{}</{tag}>", escape(text)));
    }

    fn account(&mut self, tag: &str, iban: &Iban) {
        self.open(tag);
        self.open("Id");
        self.leaf("IBAN", iban.as_str());
        self.close("Id");
        self.close(tag);
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;

//! The SEPA file, read back with a real XML parser as the bank would read it.

use chrono::{DateTime, NaiveDate, Utc};
use roxmltree::{Document, Node};

use super::*;
use crate::money::Cents;
use crate::payout::fixtures::{line, two_lines};

fn transfer(lines: Vec<PayoutLine>) -> CreditTransfer {
    CreditTransfer {
        message_id: "KB-PAYOUT-2025-11".to_owned(),
        created_at: "2025-11-28T09:15:00Z".parse::<DateTime<Utc>>().unwrap(),
        execution_date: NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
        debtor_name: "Stichting Klasbrug".to_owned(),
        debtor_iban: Iban::parse("NL91ABNA0417164300").unwrap(),
        debtor_bic: None,
        lines,
    }
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Node<'a, 'i> {
    node.children()
        .find(|n| n.has_tag_name((NAMESPACE, name)))
        .unwrap_or_else(|| panic!("no {name} in {}", node.tag_name().name()))
}

fn path<'a, 'i>(node: Node<'a, 'i>, names: &[&str]) -> Node<'a, 'i> {
    names.iter().fold(node, |n, name| child(n, name))
}

fn text<'a>(node: Node<'a, '_>, names: &[&str]) -> &'a str {
    path(node, names).text().unwrap_or_default()
}

fn element_names<'a>(node: Node<'a, '_>) -> Vec<&'a str> {
    node.children()
        .filter(Node::is_element)
        .map(|n| n.tag_name().name())
        .collect()
}

#[test]
fn the_totals_match_the_lines_in_the_header_and_the_payment_block() {
    let xml = write_pain001(&transfer(two_lines())).unwrap();
    let doc = Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert!(root.has_tag_name((NAMESPACE, "Document")));
    let initiation = child(root, "CstmrCdtTrfInitn");
    let header = child(initiation, "GrpHdr");
    let block = child(initiation, "PmtInf");
    for node in [header, block] {
        assert_eq!(text(node, &["NbOfTxs"]), "2");
        assert_eq!(text(node, &["CtrlSum"]), "245.33");
    }
    assert_eq!(text(header, &["MsgId"]), "KB-PAYOUT-2025-11");
    // 09:15 UTC is 10:15 in Amsterdam in November.
    assert_eq!(text(header, &["CreDtTm"]), "2025-11-28T10:15:00");
    assert_eq!(text(header, &["InitgPty", "Nm"]), "Stichting Klasbrug");

    let transactions: Vec<Node> = block
        .children()
        .filter(|n| n.has_tag_name((NAMESPACE, "CdtTrfTxInf")))
        .collect();
    assert_eq!(transactions.len(), 2);
    let amounts: Vec<&str> = transactions
        .iter()
        .map(|t| text(*t, &["Amt", "InstdAmt"]))
        .collect();
    assert_eq!(amounts, ["160.00", "85.33"]);
    for t in &transactions {
        assert_eq!(path(*t, &["Amt", "InstdAmt"]).attribute("Ccy"), Some("EUR"));
    }
    let t = transactions[1];
    assert_eq!(text(t, &["PmtId", "EndToEndId"]), "KB-2025-11-0002");
    assert_eq!(text(t, &["Cdtr", "Nm"]), "B. Janssens");
    assert_eq!(text(t, &["CdtrAcct", "Id", "IBAN"]), "BE68539007547034");
    assert_eq!(
        text(t, &["RmtInf", "Ustrd"]),
        "Vrijwilligersvergoeding november 2025"
    );
    assert_eq!(
        element_names(t),
        ["PmtId", "Amt", "Cdtr", "CdtrAcct", "RmtInf"]
    );
}

#[test]
fn the_payment_block_follows_the_schemas_order() {
    let xml = write_pain001(&transfer(two_lines())).unwrap();
    let doc = Document::parse(&xml).unwrap();
    let block = path(doc.root_element(), &["CstmrCdtTrfInitn", "PmtInf"]);
    assert_eq!(
        element_names(block),
        [
            "PmtInfId",
            "PmtMtd",
            "NbOfTxs",
            "CtrlSum",
            "PmtTpInf",
            "ReqdExctnDt",
            "Dbtr",
            "DbtrAcct",
            "DbtrAgt",
            "ChrgBr",
            "CdtTrfTxInf",
            "CdtTrfTxInf",
        ]
    );
    assert_eq!(text(block, &["PmtMtd"]), "TRF");
    assert_eq!(text(block, &["PmtTpInf", "SvcLvl", "Cd"]), "SEPA");
    assert_eq!(text(block, &["ReqdExctnDt"]), "2025-12-01");
    assert_eq!(text(block, &["ChrgBr"]), "SLEV");
    assert_eq!(
        text(block, &["DbtrAcct", "Id", "IBAN"]),
        "NL91ABNA0417164300"
    );
    assert_eq!(
        text(block, &["DbtrAgt", "FinInstnId", "Othr", "Id"]),
        "NOTPROVIDED"
    );
}

#[test]
fn the_payers_bic_is_written_when_given() {
    let with_bic = CreditTransfer {
        debtor_bic: Some(Bic::parse("ABNANL2A").unwrap()),
        ..transfer(two_lines())
    };
    let xml = write_pain001(&with_bic).unwrap();
    let doc = Document::parse(&xml).unwrap();
    let agent = path(
        doc.root_element(),
        &["CstmrCdtTrfInitn", "PmtInf", "DbtrAgt", "FinInstnId"],
    );
    assert_eq!(element_names(agent), ["BIC"]);
    assert_eq!(text(agent, &["BIC"]), "ABNANL2A");
}

#[test]
fn names_are_escaped_and_kept_to_the_sepa_character_set() {
    let mut lines = vec![
        line("E1", "Jansen & Zn <test>", "NL91ABNA0417164300", 100),
        line("E2", "D'Souza", "DE89370400440532013000", 7),
        line("E3", "José Müller", "GB82WEST12345698765432", 16_000),
    ];
    lines[1].description = "Vergoeding \"oktober\" & november".to_owned();
    let xml = write_pain001(&transfer(lines)).unwrap();
    assert!(!xml.contains("Jansen &"), "{xml}");
    assert!(xml.contains("<Nm>D&apos;Souza</Nm>"), "{xml}");
    let doc = Document::parse(&xml).unwrap();
    let block = path(doc.root_element(), &["CstmrCdtTrfInitn", "PmtInf"]);
    let names: Vec<&str> = block
        .children()
        .filter(|n| n.has_tag_name((NAMESPACE, "CdtTrfTxInf")))
        .map(|t| text(t, &["Cdtr", "Nm"]))
        .collect();
    assert_eq!(names, ["Jansen + Zn (test)", "D'Souza", "Jose Muller"]);
    assert!(xml.contains("<Ustrd>Vergoeding &apos;oktober&apos; + november</Ustrd>"));
    assert!(xml.contains("<InstdAmt Ccy=\"EUR\">0.07</InstdAmt>"));
    assert_eq!(text(block, &["CtrlSum"]), "161.07");
}

#[test]
fn the_writer_escapes_every_xml_special_character() {
    assert_eq!(
        escape("Jansen & Zn <test> \"x\" 'y'"),
        "Jansen &amp; Zn &lt;test&gt; &quot;x&quot; &apos;y&apos;"
    );
}

#[test]
fn long_names_and_descriptions_are_cut_to_the_standards_lengths() {
    let mut long = line("E1", &"Abcdefghij".repeat(8), "NL91ABNA0417164300", 100);
    long.description = "x".repeat(200);
    let xml = write_pain001(&transfer(vec![long])).unwrap();
    let doc = Document::parse(&xml).unwrap();
    let t = path(
        doc.root_element(),
        &["CstmrCdtTrfInitn", "PmtInf", "CdtTrfTxInf"],
    );
    assert_eq!(text(t, &["Cdtr", "Nm"]).len(), 70);
    assert_eq!(text(t, &["RmtInf", "Ustrd"]).len(), 140);
}

#[test]
fn a_payment_without_a_description_has_no_remittance_information() {
    let mut bare = line("E1", "A. de Vries", "NL91ABNA0417164300", 100);
    bare.description = "  ".to_owned();
    let xml = write_pain001(&transfer(vec![bare])).unwrap();
    assert!(!xml.contains("RmtInf"));
}

#[test]
fn what_a_bank_would_refuse_is_refused_with_the_reason() {
    let bad_line = |edit: fn(&mut PayoutLine)| {
        let mut lines = two_lines();
        edit(&mut lines[1]);
        write_pain001(&transfer(lines)).unwrap_err()
    };
    assert_eq!(write_pain001(&transfer(vec![])), Err(PayoutError::Empty));
    assert!(matches!(
        bad_line(|l| l.amount = Cents(0)),
        PayoutError::NotPositive { line: 2, .. }
    ));
    assert!(matches!(
        bad_line(|l| l.amount = Cents(-1)),
        PayoutError::NotPositive { line: 2, .. }
    ));
    assert!(matches!(
        bad_line(|l| l.amount = Cents(100_000_000_000)),
        PayoutError::TooLarge { line: 2, .. }
    ));
    assert_eq!(
        bad_line(|l| l.end_to_end_id = "1".repeat(36)).to_string(),
        format!(
            "the end-to-end id of line 2 '{}' cannot be used: a reference has at most 35 characters",
            "1".repeat(36)
        )
    );
    assert_eq!(
        bad_line(|l| l.end_to_end_id = "KB-2025-11-0001".to_owned()),
        PayoutError::DuplicateEndToEndId {
            first: 1,
            second: 2,
            id: "KB-2025-11-0001".into()
        }
    );
    assert_eq!(
        bad_line(|l| l.name = "<>".to_owned()).to_string(),
        "the payee's on line 2 name has no letters or digits a bank transfer can carry; fill in the account holder's name"
    );

    let long_id = CreditTransfer {
        message_id: "M".repeat(36),
        ..transfer(two_lines())
    };
    assert!(matches!(
        write_pain001(&long_id),
        Err(PayoutError::Identifier { .. })
    ));
    let too_early = CreditTransfer {
        execution_date: NaiveDate::from_ymd_opt(2025, 11, 27).unwrap(),
        ..transfer(two_lines())
    };
    assert_eq!(
        write_pain001(&too_early).unwrap_err().to_string(),
        "the requested execution date 2025-11-27 lies before the day the file is created (2025-11-28); choose 2025-11-28 or later"
    );
    let same_day = CreditTransfer {
        execution_date: NaiveDate::from_ymd_opt(2025, 11, 28).unwrap(),
        ..transfer(two_lines())
    };
    assert!(write_pain001(&same_day).is_ok());
}

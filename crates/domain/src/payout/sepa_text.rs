//! Text in SEPA files: the character set every bank must accept, and the standard's lengths.
//!
//! The EPC's implementation guidelines oblige banks to accept only the basic Latin set:
//! `a-z A-Z 0-9 / - ? : ( ) . , ' +` and space. So names and descriptions are transliterated
//! before they go into a file: letters with diacritics lose them (`é` → `e`, `ß` → `ss`,
//! `ĳ` → `ij`, `æ` → `ae`), look-alikes become their safe cousin (`&` → `+`, `<`/`>` → `(`/`)`,
//! quotes → `'`, dashes and `_` → `-`, `;` → `,`, `€` → `EUR`), any whitespace becomes a space,
//! combining accents are dropped, and every other character becomes `.`. Runs of spaces collapse
//! and the ends are trimmed.
//!
//! Free text (names, descriptions) is then cut to the standard's length: the bank pays by IBAN,
//! and a cut name is what banks do themselves. References (message id, end-to-end id) are
//! refused instead, because a cut reference could match another payment.

/// The longest name in a SEPA file (`Nm`).
pub const MAX_NAME: usize = 70;
/// The longest unstructured remittance text (`Ustrd`).
pub const MAX_REMITTANCE: usize = 140;
/// The longest reference (`MsgId`, `PmtInfId`, `EndToEndId`).
pub const MAX_REFERENCE: usize = 35;

fn is_sepa(c: char) -> bool {
    c.is_ascii_alphanumeric() || "/-?:().,'+ ".contains(c)
}

fn transliterate(c: char) -> &'static str {
    match c {
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'Æ' => "AE",
        'æ' => "ae",
        'Ç' | 'Ć' | 'Č' => "C",
        'ç' | 'ć' | 'č' => "c",
        'Ď' | 'Đ' | 'Ð' => "D",
        'ď' | 'đ' | 'ð' => "d",
        'È'..='Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'Ğ' => "G",
        'ğ' => "g",
        'Ì'..='Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ì'..='ï' | 'ī' | 'į' | 'ı' => "i",
        'Ĳ' => "IJ",
        'ĳ' => "ij",
        'Ł' | 'Ľ' | 'Ĺ' => "L",
        'ł' | 'ľ' | 'ĺ' => "l",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ñ' | 'ń' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => "o",
        'Œ' => "OE",
        'œ' => "oe",
        'Ŕ' | 'Ř' => "R",
        'ŕ' | 'ř' => "r",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'ť' | 'ţ' | 'ț' => "t",
        'Þ' => "TH",
        'þ' => "th",
        'Ù'..='Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ý' | 'Ÿ' => "Y",
        'ý' | 'ÿ' => "y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ź' | 'ż' | 'ž' => "z",
        '&' => "+",
        '<' | '[' | '{' => "(",
        '>' | ']' | '}' => ")",
        '"' | '`' | '´' | '‘' | '’' | '“' | '”' | '„' => "'",
        '_' | '–' | '—' | '‐' => "-",
        '\\' => "/",
        ';' => ",",
        '€' => "EUR",
        '\u{300}'..='\u{36f}' => "",
        _ => ".",
    }
}

/// `text` in the SEPA character set, as the module describes.
pub fn to_sepa(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        let piece: &str = if c.is_whitespace() {
            " "
        } else if is_sepa(c) {
            c.encode_utf8(&mut buffer)
        } else {
            transliterate(c)
        };
        for p in piece.chars() {
            if !(p == ' ' && (out.is_empty() || out.ends_with(' '))) {
                out.push(p);
            }
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// `text` in the SEPA character set, cut to `max` characters.
pub fn to_sepa_cut(text: &str, max: usize) -> String {
    let mut out = to_sepa(text);
    // Only ASCII is left, so a byte count is a character count.
    out.truncate(max);
    out.truncate(out.trim_end().len());
    out
}

/// Why `reference` cannot be a SEPA reference, if it cannot: 1 to 35 characters of the SEPA
/// set without spaces, not starting or ending with `/`, without `//`.
pub fn reference_problem(reference: &str) -> Option<&'static str> {
    if reference.is_empty() {
        Some("a reference is required")
    } else if reference.chars().count() > MAX_REFERENCE {
        Some("a reference has at most 35 characters")
    } else if !reference.chars().all(|c| is_sepa(c) && c != ' ') {
        Some("a reference holds only letters, digits and / - ? : ( ) . , ' + without spaces")
    } else if reference.starts_with('/') || reference.ends_with('/') || reference.contains("//") {
        Some("a reference cannot start or end with '/' or contain '//'")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_carried_in_the_sepa_character_set() {
        let cases = [
            ("José Müller-Lüdenscheidt", "Jose Muller-Ludenscheidt"),
            ("Françoise d’Hondt", "Francoise d'Hondt"),
            ("Jansen & Zn <test>", "Jansen + Zn (test)"),
            ("IJsbrand van ĲSSELSTEIN", "IJsbrand van IJSSELSTEIN"),
            ("Straße Ærø Œuvre", "Strasse AEro OEuvre"),
            ("Łukasz Żółć", "Lukasz Zolc"),
            ("  twee\t\tspaties\n en\u{a0}meer  ", "twee spaties en meer"),
            ("e\u{301}e\u{300}n", "een"),
            ("'s-Hertogenbosch", "'s-Hertogenbosch"),
            ("a@b.nl; 100% ok!", "a.b.nl, 100. ok."),
            ("€ 160", "EUR 160"),
            ("名前", ".."),
        ];
        for (text, sepa) in cases {
            assert_eq!(to_sepa(text), sepa, "{text}");
            assert!(to_sepa(text).chars().all(is_sepa), "{text}");
        }
    }

    #[test]
    fn free_text_is_cut_to_the_standards_length() {
        let long = "é".repeat(80);
        assert_eq!(to_sepa_cut(&long, MAX_NAME), "e".repeat(70));
        assert_eq!(to_sepa_cut("ab cd", 3), "ab");
    }

    #[test]
    fn references_follow_the_epc_rules() {
        assert_eq!(reference_problem("KB-2025-11-0001"), None);
        assert_eq!(reference_problem(&"1".repeat(35)), None);
        for bad in [
            "",
            &"1".repeat(36),
            "KB 1",
            "KB_1",
            "/KB1",
            "KB1/",
            "KB//1",
            "KBé",
        ] {
            assert!(reference_problem(bad).is_some(), "{bad}");
        }
    }
}

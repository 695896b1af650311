//! Everyone is addressed with "je": an employer as much as an ambassador or a teacher. These tests
//! read every Dutch text there is, so a formal "u" or "uw" that comes back fails here.

use domain::form_of_address::formal_word;

use super::NL;

/// The string literals in a value's `Debug` text, unescaped: every text of a texts struct,
/// however deeply nested, without listing the fields by hand.
fn strings_in(debug: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut chars = debug.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut text = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => text.push('\n'),
                    Some('t') => text.push('\t'),
                    // `\u{7}` and the like: a space is as good as any separator.
                    Some('u') => {
                        chars.by_ref().find(|c| *c == '}');
                        text.push(' ');
                    }
                    Some(other) => text.push(other),
                    None => {}
                },
                other => text.push(other),
            }
        }
        strings.push(text);
    }
    strings
}

#[test]
fn no_dutch_text_addresses_anyone_with_u() {
    let texts = strings_in(&NL.debug_all());
    // Over a thousand texts today: a scan that found few would prove nothing.
    assert!(texts.len() > 1000, "only {} texts found", texts.len());
    let formal: Vec<_> = texts
        .iter()
        .filter_map(|text| formal_word(text).map(|word| format!("{word:?} in {text:?}")))
        .collect();
    assert!(formal.is_empty(), "formal address: {formal:#?}");
}

#[test]
fn the_scan_reads_escaped_texts_whole() {
    let debug = format!("{:?}", ["Was u dit?\nNee", "Zeg \"uw\"", "a\u{7}U"]);
    assert_eq!(strings_in(&debug), ["Was u dit?\nNee", "Zeg \"uw\"", "a U"]);
    assert!(strings_in(&debug).iter().all(|t| formal_word(t).is_some()));
}

//! Klasbrug addresses everyone with "je", "jij" and "jouw": employers as much as ambassadors and
//! teachers, on every page and in every e-mail. This names the formal forms, so that the texts'
//! tests fail when one comes back.

/// The words that address the reader formally, in lower case.
const FORMAL: [&str; 4] = ["u", "uw", "uwe", "uzelf"];

/// The first word of `text` that addresses the reader formally ("u", "Uw", …), if there is one.
/// Words are what lies between anything but letters and digits, so "uur", "nu" and "Utrecht"
/// never count.
pub fn formal_word(text: &str) -> Option<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|word| FORMAL.contains(&word.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formal_forms_are_found_wherever_they_stand() {
        let cases = [
            ("Wilt u medewerkers aanmelden?", "u"),
            ("Uw account is aangemaakt.", "Uw"),
            ("Vraag uw werkgever.", "uw"),
            ("U hoort het zodra dat is gebeurd.", "U"),
            ("{employer} heeft u aangemeld", "u"),
            ("Was het u?\nDan", "u"),
            ("(uw organisatie)", "uw"),
        ];
        for (text, word) in cases {
            assert_eq!(formal_word(text), Some(word), "{text}");
        }
    }

    #[test]
    fn informal_texts_and_words_that_merely_contain_a_u_pass() {
        for text in [
            "Je account is aangemaakt. Log in met {email}.",
            "Kun je naar school? Het duurt 1 uur, nu in Utrecht.",
            "Heb jij je niet aangemeld? Dan hoef je niets te doen.",
            "",
        ] {
            assert_eq!(formal_word(text), None, "{text}");
        }
    }
}

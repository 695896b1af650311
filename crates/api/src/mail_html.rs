//! The HTML part of every e-mail, rendered from one template (`templates/mail/layout.html`)
//! from the plain text: paragraphs stay paragraphs, lines stay lines, and addresses become
//! links. The template engine escapes everything that goes in, so a name with `<` in it stays
//! text.

use minijinja::{Environment, context};
use serde::Serialize;

const LAYOUT: &str = include_str!("../templates/mail/layout.html");

/// The name the e-mails carry in their header.
const PROGRAMME: &str = "Klasbrug";

#[derive(Serialize)]
struct Part<'a> {
    text: &'a str,
    href: Option<&'a str>,
}

/// The HTML of a message with `subject` and plain-text `body`.
pub fn render(subject: &str, body: &str) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    // The name ends in .html, so everything put in is escaped.
    env.add_template("layout.html", LAYOUT)?;
    let paragraphs: Vec<Vec<Vec<Part<'_>>>> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|paragraph| paragraph.lines().map(parts).collect())
        .collect();
    env.get_template("layout.html")?.render(context! {
        subject,
        programme => PROGRAMME,
        paragraphs => minijinja::value::Serde(&paragraphs),
    })
}

/// A line cut into text and links (`http://…` or `https://…` up to the next space).
fn parts(line: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("https://").or_else(|| rest.find("http://")) {
        if at > 0 {
            out.push(Part {
                text: &rest[..at],
                href: None,
            });
        }
        let end = rest[at..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |n| at + n);
        let link = &rest[at..end];
        out.push(Part {
            text: link,
            href: Some(link),
        });
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(Part {
            text: rest,
            href: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lines_and_links_carry_over_and_text_is_escaped() {
        let html = render(
            "Uitnodiging <test>",
            "Beste Sanne & co,\n\nKlik hier:\nhttps://klasbrug.example/uitnodiging?werkgever=1&token=a_b\n\nGroet",
        )
        .unwrap();
        assert!(
            html.contains("<title>Uitnodiging &lt;test&gt;</title>"),
            "{html}"
        );
        assert!(html.contains("Beste Sanne &amp; co,"), "{html}");
        assert!(html.contains(
            "Klik hier:<br><a href=\"https:&#x2f;&#x2f;klasbrug.example&#x2f;uitnodiging?werkgever=1&amp;token=a_b\""
), "{html}");
        assert_eq!(html.matches("<p ").count(), 3);
    }

    #[test]
    fn a_link_inside_a_sentence_keeps_the_words_around_it() {
        let parts = parts("Zie http://a.example/x voor meer.");
        let texts: Vec<_> = parts.iter().map(|p| (p.text, p.href.is_some())).collect();
        assert_eq!(
            texts,
            [
                ("Zie ", false),
                ("http://a.example/x", true),
                (" voor meer.", false)
            ]
        );
    }
}

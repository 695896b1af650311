//! The pieces every CSV file the domain writes shares (RFC 4180): how a text field is written
//! and how a row ends.
//!
//! Text is kept as typed (UTF-8), except that text starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a leading `'`, so a spreadsheet shows it as text instead of running it
//! as a formula. A field with a comma, a double quote or a line break is quoted, with its
//! quotes doubled.

/// `text` as one CSV field: guarded against formula injection, quoted when it must be.
pub(crate) fn text_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Appends `fields` to `out` as one row, ending in CRLF. The fields are written as given:
/// text must have passed through [`text_field`].
pub(crate) fn push_row<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(field.as_ref());
    }
    out.push_str("\r\n");
}

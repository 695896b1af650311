//! The pieces every CSV file the domain writes shares: how a text field is written, how a row
//! ends, and the two dialects.
//!
//! People open a CSV by double-clicking it, in a Dutch Excel or LibreOffice: those expect `;`
//! between fields, a comma in amounts (`160,00`) and a byte order mark to know the file is
//! UTF-8 (without it "Örs" reads as "Ã–rs"). That is the [`CsvDialect::Dutch`] dialect, the
//! default. Programs get [`CsvDialect::Rfc4180`]: `,`, `160.00`, no byte order mark. Both end
//! rows in CRLF.
//!
//! Text is kept as typed (UTF-8), except that text starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a leading `'`, so a spreadsheet shows it as text instead of running it
//! as a formula. A field with a comma, a double quote or a line break is quoted, with its
//! quotes doubled.

crate::text_enum! {
    /// How a CSV file is written: for people in a Dutch spreadsheet, or for programs.
    pub enum CsvDialect ("CSV dialect") {
        /// `;` between fields, `160,00`, UTF-8 with a byte order mark: what a Dutch Excel or
        /// LibreOffice opens as columns and numbers.
        Dutch = "dutch",
        /// RFC 4180: `,` between fields, `160.00`, UTF-8 without a byte order mark.
        Rfc4180 = "rfc4180",
    }
}

impl CsvDialect {
    /// The character between fields.
    pub fn separator(self) -> char {
        match self {
            CsvDialect::Dutch => ';',
            CsvDialect::Rfc4180 => ',',
        }
    }

    /// What the file starts with: the byte order mark for a Dutch spreadsheet.
    pub(crate) fn start(self) -> &'static str {
        match self {
            CsvDialect::Dutch => "\u{feff}",
            CsvDialect::Rfc4180 => "",
        }
    }

    /// A decimal written with a dot (`160.00`), in this dialect (`160,00`).
    pub(crate) fn number(self, decimal: String) -> String {
        match self {
            CsvDialect::Dutch => decimal.replace('.', ","),
            CsvDialect::Rfc4180 => decimal,
        }
    }

    /// A header row written with commas, in this dialect. Header labels hold no commas.
    pub(crate) fn header(self, header: &str) -> String {
        header.replace(',', &self.separator().to_string())
    }
}

/// `text` as one CSV field: guarded against formula injection, quoted when it must be in
/// either dialect.
pub(crate) fn text_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', ';', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Appends `fields` to `out` as one row in `dialect`, ending in CRLF. The fields are written
/// as given: text must have passed through [`text_field`], numbers through
/// [`CsvDialect::number`].
pub(crate) fn push_row<S: AsRef<str>>(out: &mut String, dialect: CsvDialect, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(dialect.separator());
        }
        out.push_str(field.as_ref());
    }
    out.push_str("\r\n");
}

//! The texts of the programme dashboard. Section titles, column headings and row labels come
//! from the server in Dutch, as the Excel export has them.

/// Texts of the dashboard page.
#[derive(Debug, PartialEq)]
pub struct DashboardTexts {
    pub menu: &'static str,
    pub intro: &'static str,
    pub own_schools: &'static str,
    pub school_year: &'static str,
    pub region: &'static str,
    pub all_regions: &'static str,
    pub municipality: &'static str,
    pub municipality_hint: &'static str,
    pub show: &'static str,
    pub download: &'static str,
    pub downloading: &'static str,
    pub downloaded: &'static str,
    pub download_failed: &'static str,
    pub chart_of: &'static str,
    pub row: &'static str,
    pub nothing: &'static str,
}

/// Dutch.
pub const NL: DashboardTexts = DashboardTexts {
    menu: "Dashboard",
    intro: "De cijfers van het programma per schooljaar: plekken, intake, koppelingen, uren, vergoedingen, sponsoring en trainingen. Elke grafiek staat ook als tabel.",
    own_schools: "Je ziet alleen de cijfers van je eigen school.",
    school_year: "Schooljaar",
    region: "Regio",
    all_regions: "Alle regio's",
    municipality: "Gemeente",
    municipality_hint: "Leeg voor alle gemeenten.",
    show: "Toon",
    download: "Download als Excel",
    downloading: "Bezig met downloaden…",
    downloaded: "Gedownload: {file}",
    download_failed: "Downloaden is niet gelukt. Probeer het opnieuw.",
    chart_of: "Grafiek: {title}",
    row: "Onderdeel",
    nothing: "Nog geen cijfers.",
};

/// English.
#[cfg(any(test, feature = "english"))]
pub const EN: DashboardTexts = DashboardTexts {
    menu: "Dashboard",
    intro: "The programme's figures per school year: spots, intake, matches, hours, allowances, sponsorship and training. Each chart is also shown as a table.",
    own_schools: "You see only your own school's figures.",
    school_year: "School year",
    region: "Region",
    all_regions: "All regions",
    municipality: "Municipality",
    municipality_hint: "Empty for all municipalities.",
    show: "Show",
    download: "Download as Excel",
    downloading: "Downloading…",
    downloaded: "Downloaded: {file}",
    download_failed: "The download failed. Please try again.",
    chart_of: "Chart: {title}",
    row: "Item",
    nothing: "No figures yet.",
};

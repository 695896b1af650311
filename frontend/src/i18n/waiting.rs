//! The texts of what waits for a person on their start page.

/// Texts of "Wat op je wacht".
#[derive(Debug, PartialEq)]
pub struct WaitingTexts {
    pub title: &'static str,
    pub nothing: &'static str,
    pub applications: &'static str,
    pub privacy_requests: &'static str,
    pub meetings_to_plan: &'static str,
    pub series_to_review: &'static str,
    pub hours_to_approve: &'static str,
    pub candidates_to_confirm: &'static str,
    pub opt_in: &'static str,
    pub proposals: &'static str,
    pub places_offered: &'static str,
}

/// Dutch.
pub const NL: WaitingTexts = WaitingTexts {
    title: "Wat op je wacht",
    nothing: "Niets: alles is bij.",
    applications: "nieuwe aanmeldingen: plan de intake",
    privacy_requests: "privacyverzoeken om te beantwoorden",
    meetings_to_plan: "voorstellen zonder kennismakingsgesprek: plan het gesprek",
    series_to_review: "lessenseries om te beoordelen",
    hours_to_approve: "uren om goed te keuren",
    candidates_to_confirm: "kandidaten om te bevestigen na het kennismakingsgesprek",
    opt_in: "schooljaar zonder jouw antwoord: wil je met een ambassadeur werken?",
    proposals: "voorstellen om te bevestigen na het kennismakingsgesprek",
    places_offered: "vrijgekomen plekken in een training: neem ze op tijd aan",
};

/// English.
#[cfg(any(test, feature = "english"))]
pub const EN: WaitingTexts = WaitingTexts {
    title: "What waits for you",
    nothing: "Nothing: you are up to date.",
    applications: "new applications: plan the intake",
    privacy_requests: "privacy requests to answer",
    meetings_to_plan: "proposals without an introduction meeting: plan it",
    series_to_review: "lesson series to review",
    hours_to_approve: "hours to approve",
    candidates_to_confirm: "candidates to confirm after the introduction meeting",
    opt_in: "school year without your answer: do you want to work with an ambassador?",
    proposals: "proposals to confirm after the introduction meeting",
    places_offered: "freed places in a course: take them in time",
};

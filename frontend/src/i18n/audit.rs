//! The texts of the audit log: the filters, and each recorded action and resource in words.

/// Texts of the audit log.
#[derive(Debug, PartialEq)]
pub struct AuditTexts {
    pub filter_kind: &'static str,
    pub all_kinds: &'static str,
    pub filter_from: &'static str,
    pub filter_to: &'static str,
    pub with_logins: &'static str,
    pub by_person: &'static str,
    pub clear_person: &'static str,
    pub only_this_person: &'static str,
    pub system: &'static str,
    /// The column with the reason the person gave.
    pub column_reason: &'static str,
    /// The kinds of action, by the part of the code before the dot.
    pub kinds: &'static [(&'static str, &'static str)],
    /// Each action's words, by its code.
    pub actions: &'static [(&'static str, &'static str)],
    /// Each resource's words, by its type.
    pub resources: &'static [(&'static str, &'static str)],
}

impl AuditTexts {
    /// What was done, in words; the code itself for one without words.
    pub fn action(&self, code: &str) -> String {
        lookup(self.actions, code).unwrap_or(code).to_owned()
    }

    /// What it was done to, in words.
    pub fn resource(&self, kind: &str) -> String {
        lookup(self.resources, kind).unwrap_or(kind).to_owned()
    }
}

fn lookup(list: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    list.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// Dutch.
pub const NL: AuditTexts = AuditTexts {
    filter_kind: "Soort",
    all_kinds: "Alles",
    filter_from: "Vanaf",
    filter_to: "Tot en met",
    with_logins: "Ook inloggen en uitloggen tonen",
    by_person: "Door {name}",
    clear_person: "Iedereen tonen",
    only_this_person: "Alleen wat {name} deed",
    system: "Systeem",
    column_reason: "Reden",
    kinds: &[
        ("placement", "Plekken"),
        ("capacity", "Capaciteit"),
        ("ambassador", "Ambassadeurs"),
        ("application", "Aanmeldingen"),
        ("matching_run", "Matchingrondes"),
        ("match", "Matches"),
        ("lesson_series", "Lessenseries"),
        ("hours", "Uren"),
        ("allowance", "Vergoedingen"),
        ("employer", "Werkgevers"),
        ("sponsorship", "Sponsoring"),
        ("team", "Team"),
        ("auth", "Inloggen"),
        ("user", "Accounts"),
        ("partner_client", "Partnerkoppelingen"),
        ("holiday", "Vakanties"),
        ("hours_policy", "22-urenregel"),
        ("sroi_rule", "Social return"),
        ("message", "Berichten"),
    ],
    actions: &[
        ("allowance.adjust", "paste een vergoeding aan"),
        ("allowance.amount", "legde een vergoedingsbedrag vast"),
        ("allowance.caps", "legde de vergoedingsgrenzen vast"),
        ("allowance.correct", "corrigeerde een vergoeding"),
        ("allowance.declare", "stelde vergoedingen op"),
        ("allowance.flag", "markeerde een vergoeding"),
        ("allowance.payout", "maakte een betaalbestand"),
        (
            "allowance.payout_download",
            "downloadde een betaalbestand opnieuw",
        ),
        ("allowance.profile", "wijzigde vergoedingsgegevens"),
        ("allowance.statement", "stelde een opgave op"),
        (
            "allowance.transition",
            "keurde een vergoeding goed of betaalde die",
        ),
        ("ambassador.create", "registreerde een ambassadeur"),
        ("ambassador.document", "leverde een document in"),
        ("ambassador.erase", "wiste een ambassadeur"),
        ("ambassador.erasure_request", "vroeg om wissen"),
        (
            "ambassador.export",
            "downloadde de gegevens van een ambassadeur",
        ),
        ("ambassador.intake", "zette een intakestap"),
        ("ambassador.update", "wijzigde een profiel"),
        ("ambassador.vog", "legde een VOG vast"),
        ("application.confirm", "bevestigde een aanmelding"),
        ("application.submit", "meldde een kandidaat aan"),
        ("auth.login", "logde in"),
        ("auth.logout", "logde uit"),
        ("auth.token", "vroeg een API-token aan"),
        ("capacity.update", "legde de capaciteit vast"),
        ("demo.seed", "vulde de demo"),
        (
            "employer.invitation_accept",
            "accepteerde een uitnodiging van een werkgever",
        ),
        ("employer.invite", "nodigde een medewerker uit"),
        ("employer.sign_up", "meldde een werkgever aan"),
        ("employer.verify", "keurde een werkgever goed"),
        ("holiday.create", "voegde een vakantie toe"),
        ("hours.approve_month", "keurde de uren van een maand goed"),
        ("hours.change", "wijzigde uren"),
        ("hours.decide", "besliste over uren"),
        ("hours.log", "schreef uren"),
        ("hours.withdraw", "trok uren in"),
        ("hours_policy.create", "legde een urenregel vast"),
        ("lesson_series.comment", "reageerde op een lessenserie"),
        ("lesson_series.copy", "kopieerde een lessenserie"),
        ("lesson_series.create", "schreef een lessenserie"),
        ("lesson_series.schedule", "plande een lessenserie in"),
        (
            "lesson_series.transition",
            "diende een lessenserie in of beoordeelde die",
        ),
        ("lesson_series.update", "wijzigde een lessenserie"),
        ("match.activate", "zette een match op actief"),
        ("match.concern", "meldde een zorg"),
        (
            "match.confirm_ambassador",
            "bevestigde een match (ambassadeur)",
        ),
        ("match.confirm_school", "bevestigde een match (school)"),
        ("match.decline", "wees een match af"),
        ("match.end", "beëindigde een match"),
        ("match.plan_meeting", "plande een kennismaking"),
        ("match.propose", "stelde een match voor"),
        ("matching_run.create", "startte een matchingronde"),
        ("message.retry", "verstuurde een bericht opnieuw"),
        ("partner_client.create", "maakte een partnerkoppeling"),
        ("placement.cancel", "annuleerde een plek"),
        ("placement.close", "sloot een plek"),
        ("placement.create", "bood een plek aan"),
        ("placement.fill", "vulde een plek"),
        ("placement.open", "opende een plek"),
        ("placement.propose", "stelde een plek voor"),
        ("placement.release", "gaf een plek vrij"),
        ("placement.update", "wijzigde een plek"),
        ("sponsorship.contribution", "legde een bijdrage vast"),
        ("sponsorship.cost_role", "legde uren van een rol vast"),
        ("sponsorship.propose", "stelde een sponsorafspraak voor"),
        ("sponsorship.transition", "wijzigde een sponsorafspraak"),
        ("sroi_rule.put", "legde een social-returnregel vast"),
        (
            "team.invitation_accept",
            "accepteerde een uitnodiging voor het team",
        ),
        ("team.invite", "nodigde een collega uit"),
        (
            "team.opt_in",
            "gaf aan of hij of zij met een ambassadeur wil werken",
        ),
        ("team.remove", "haalde iemand uit het team"),
        ("user.create", "maakte een account"),
    ],
    resources: &[
        ("ambassador", "ambassadeur"),
        ("application", "aanmelding"),
        ("hour_entry", "uren"),
        ("invitation", "uitnodiging"),
        ("lesson_series", "lessenserie"),
        ("match", "match"),
        ("matching_run", "matchingronde"),
        ("message", "bericht"),
        ("organisation", "organisatie"),
        ("partner_client", "partnerkoppeling"),
        ("payout_file", "betaalbestand"),
        ("placement", "plek"),
        ("school", "school"),
        ("session", "sessie"),
        ("statement_line", "vergoeding"),
        ("team_invitation", "uitnodiging"),
        ("user", "account"),
    ],
};

/// English.
#[cfg(any(test, feature = "english"))]
pub const EN: AuditTexts = AuditTexts {
    filter_kind: "Kind",
    all_kinds: "Everything",
    filter_from: "From",
    filter_to: "Up to",
    with_logins: "Also show logins and logouts",
    by_person: "By {name}",
    clear_person: "Show everyone",
    only_this_person: "Only what {name} did",
    system: "System",
    column_reason: "Reason",
    kinds: &[
        ("placement", "Placements"),
        ("capacity", "Capacity"),
        ("ambassador", "Ambassadors"),
        ("application", "Applications"),
        ("matching_run", "Matching runs"),
        ("match", "Matches"),
        ("lesson_series", "Lesson series"),
        ("hours", "Hours"),
        ("allowance", "Allowances"),
        ("employer", "Employers"),
        ("sponsorship", "Sponsorship"),
        ("team", "Team"),
        ("auth", "Logins"),
        ("user", "Accounts"),
        ("partner_client", "Partner clients"),
        ("holiday", "Holidays"),
        ("hours_policy", "22-hour rule"),
        ("sroi_rule", "Social return"),
        ("message", "Messages"),
    ],
    actions: &[],
    resources: &[],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_said_in_dutch_and_unknown_ones_keep_their_code() {
        assert_eq!(NL.action("placement.close"), "sloot een plek");
        assert_eq!(NL.action("auth.login"), "logde in");
        assert_eq!(NL.action("iets.nieuws"), "iets.nieuws");
        assert_eq!(NL.resource("lesson_series"), "lessenserie");
    }
}

//! A person's data as a readable Dutch HTML document (right of access, AVG art. 15), from one
//! template (`templates/privacy/personal-data.html`). The account, roles, e-mails and requests
//! are laid out by hand; the ambassador's profile, intake, matches and concerns are read from
//! their JSON (fields in the order of their keys), so a field added there shows here too. The
//! template engine escapes everything.

use chrono::{DateTime, NaiveDate, Utc};
use domain::contract::{PersonalData, PrivacyRequest, PrivacyRequestKind, PrivacyRequestStatus};
use domain::date_words::DUTCH;
use minijinja::{Environment, context};
use serde::Serialize;
use serde_json::Value;

const TEMPLATE: &str = include_str!("../templates/privacy/personal-data.html");

type Row = (String, String);

#[derive(Serialize)]
struct Section {
    key: &'static str,
    title: &'static str,
    items: Vec<Vec<Row>>,
}

/// The document for `data`.
pub fn render(data: &PersonalData) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    env.add_template("personal-data.html", TEMPLATE)?;
    let account = &data.account;
    let mut sections = vec![
        Section {
            key: "account",
            title: "Je account",
            items: vec![vec![
                row("Naam", &account.name),
                row("E-mailadres", &account.email),
                row("Account sinds", &DUTCH.instant(account.created_at)),
            ]],
        },
        Section {
            key: "roles",
            title: "Je rollen",
            items: account
                .roles
                .iter()
                .map(|role| {
                    vec![
                        row("Rol", role_name(role.role)),
                        row("Organisatie", &role.organisation_name),
                    ]
                })
                .collect(),
        },
    ];
    if let Some(export) = &data.ambassador {
        let json = serde_json::to_value(export).unwrap_or(Value::Null);
        sections.push(Section {
            key: "profile",
            title: "Je profiel als ambassadeur",
            items: vec![flatten(&json["ambassador"])],
        });
        sections.push(part("intake", "Je intake", &json["intake"]["steps"]));
        sections.push(part("vogs", "Je VOG's", &json["intake"]["vogs"]));
        sections.push(Section {
            key: "documents",
            title: "Je documenten",
            items: export
                .documents
                .iter()
                .map(|d| {
                    vec![
                        row("Soort", d.kind.as_str()),
                        row("Bestandstype", &d.media_type),
                    ]
                })
                .collect(),
        });
        sections.push(part(
            "matches",
            "Je koppelingen met scholen",
            &json["matches"],
        ));
        sections.push(part("concerns", "Gemelde zorgen", &json["concerns"]));
    }
    sections.push(Section {
        key: "messages",
        title: "E-mails die we je stuurden",
        items: data
            .messages
            .iter()
            .map(|m| {
                let mut rows = vec![
                    row("Onderwerp", &m.subject),
                    row("Aangemaakt", &DUTCH.instant(m.created_at)),
                ];
                if let Some(sent) = m.sent_at {
                    rows.push(row("Verstuurd", &DUTCH.instant(sent)));
                }
                rows
            })
            .collect(),
    });
    sections.push(Section {
        key: "requests",
        title: "Je verzoeken over je gegevens",
        items: data.requests.iter().map(request_rows).collect(),
    });
    env.get_template("personal-data.html")?.render(context! {
        name => &account.name,
        exported => DUTCH.instant(data.exported_at),
        sections => minijinja::value::Serde(&sections),
    })
}

fn row(label: &str, value: &str) -> Row {
    (label.to_owned(), value.to_owned())
}

fn part(key: &'static str, title: &'static str, list: &Value) -> Section {
    let items = match list {
        Value::Array(items) => items.iter().map(flatten).collect(),
        _ => Vec::new(),
    };
    Section { key, title, items }
}

fn request_rows(request: &PrivacyRequest) -> Vec<Row> {
    let kind = match request.kind {
        PrivacyRequestKind::Access => "Inzage",
        PrivacyRequestKind::Erasure => "Verwijdering",
    };
    let status = match request.status {
        PrivacyRequestStatus::Received => "Ontvangen",
        PrivacyRequestStatus::InProgress => "In behandeling",
        PrivacyRequestStatus::Done => "Afgehandeld",
        PrivacyRequestStatus::Refused => "Afgewezen",
    };
    let mut rows = vec![
        row("Verzoek", kind),
        row("Ontvangen", &DUTCH.date(request.received_on)),
        row("Status", status),
        row("Antwoord uiterlijk", &DUTCH.date(request.answer_due)),
    ];
    if let Some(note) = &request.note {
        rows.push(row("Toelichting", note));
    }
    if let Some(answer) = &request.answer {
        rows.push(row("Antwoord", answer));
    }
    for kept in &request.kept {
        let until = kept
            .until
            .map(|d| format!(" Tot en met {}.", DUTCH.date(d)))
            .unwrap_or_default();
        rows.push(row(
            "Bewaard",
            &format!("{}{until} {}", kept.what, kept.why),
        ));
    }
    rows
}

/// Every filled-in field of `value`, nested fields under their parent's label.
fn flatten(value: &Value) -> Vec<Row> {
    let mut rows = Vec::new();
    walk(value, "", &mut rows);
    rows
}

fn walk(value: &Value, label: &str, rows: &mut Vec<Row>) {
    match value {
        Value::Null => {}
        Value::Object(fields) => {
            for (key, field) in fields {
                if key.ends_with("_id") || key == "id" || key == "content_base64" {
                    continue;
                }
                let name = label_of(key);
                let nested = if label.is_empty() {
                    name
                } else {
                    format!("{label} · {name}")
                };
                walk(field, &nested, rows);
            }
        }
        Value::Array(items) if items.iter().all(|i| !i.is_object()) => {
            if !items.is_empty() {
                let words: Vec<String> = items.iter().map(scalar).collect();
                rows.push((label.to_owned(), words.join(", ")));
            }
        }
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                walk(item, &format!("{label} {}", n + 1), rows);
            }
        }
        other => rows.push((label.to_owned(), scalar(other))),
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Bool(true) => "ja".to_owned(),
        Value::Bool(false) => "nee".to_owned(),
        Value::String(text) => {
            if let Ok(at) = text.parse::<DateTime<Utc>>() {
                DUTCH.instant(at)
            } else if let Ok(day) = text.parse::<NaiveDate>() {
                DUTCH.date(day)
            } else {
                text.clone()
            }
        }
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// The Dutch label of a field, or the field's name in words.
fn label_of(key: &str) -> String {
    let known = match key {
        "name" => "Naam",
        "email" => "E-mailadres",
        "phone" => "Telefoon",
        "profile" => "Profiel",
        "status" => "Status",
        "employer_name" => "Werkgever",
        "expertise" => "Expertise",
        "themes" => "Thema's",
        "school_type" => "Schooltype",
        "home_municipality" => "Woonplaats",
        "municipalities" => "Gemeenten",
        "weekdays" => "Dagen",
        "commitment" => "Inzet",
        "available_from_year" => "Beschikbaar vanaf schooljaar",
        "available_from_moment" => "Beschikbaar vanaf",
        "minutes_per_day" => "Minuten per dag",
        "funding" => "Bekostiging",
        "sponsored_minutes_per_week" => "Gesponsorde minuten per week",
        "created_at" => "Aangemaakt",
        "updated_at" => "Gewijzigd",
        "step" => "Stap",
        "taken_on" => "Datum",
        "note" => "Notitie",
        "issued_on" => "Afgegeven op",
        "valid_until" => "Geldig tot",
        "placement" => "Plek",
        "school_name" => "School",
        "title" => "Titel",
        "starts_on" => "Begint op",
        "ends_on" => "Eindigt op",
        "text" => "Tekst",
        "reason" => "Reden",
        "meeting_place" => "Plaats kennismaking",
        "decided_by" => "Besloten door",
        "kind" => "Soort",
        _ => return key.replace('_', " "),
    };
    known.to_owned()
}

fn role_name(role: domain::Role) -> &'static str {
    use domain::Role;
    match role {
        Role::ProgrammeAdmin => "Programmamedewerker",
        Role::SchoolDirector => "Directeur",
        Role::Coordinator => "Intern begeleider / coördinator",
        Role::Teacher => "Leerkracht",
        Role::Ambassador => "Ambassadeur",
        Role::EmployerContact => "Contactpersoon werkgever",
        Role::PartnerClient => "Partner",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_fields_are_labelled_in_dutch_and_ids_are_left_out() {
        let rows = flatten(&json!({
            "id": "x",
            "profile": {"name": "Fictief Persoon", "weekdays": ["monday", "friday"], "phone": null},
            "status": "placed",
            "created_at": "2026-12-03T09:00:00Z",
            "places": [{"title": "Groep 5"}],
        }));
        assert_eq!(
            rows,
            vec![
                row(
                    "Aangemaakt",
                    &DUTCH.instant("2026-12-03T09:00:00Z".parse().unwrap())
                ),
                row("places 1 · Titel", "Groep 5"),
                row("Profiel · Naam", "Fictief Persoon"),
                row("Profiel · Dagen", "monday, friday"),
                row("Status", "placed"),
            ]
        );
    }
}

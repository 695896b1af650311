//! The register of processing as a printable Dutch HTML document, from one template
//! (`templates/privacy/register.html`). The template engine escapes everything that goes in.

use domain::contract::PrivacyRegister;
use domain::privacy_register::{person_category_name, recipient_name};
use minijinja::{Environment, context};
use serde::Serialize;

const TEMPLATE: &str = include_str!("../templates/privacy/register.html");

#[derive(Serialize)]
struct ActivityView<'a> {
    name: &'a str,
    purpose: &'a str,
    legal_basis: &'static str,
    legal_basis_article: &'a str,
    legal_basis_note: &'a str,
    people: Vec<&'static str>,
    data: &'a [domain::contract::TableDataEntry],
    retention: &'a str,
    recipients: Vec<&'static str>,
}

#[derive(Serialize)]
struct RecipientView<'a> {
    name: &'static str,
    scope: Option<&'a str>,
    receives: &'a str,
}

/// The document for `register`.
pub fn render(register: &PrivacyRegister) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    env.add_template("register.html", TEMPLATE)?;
    let local = domain::local_date::amsterdam_time(register.generated_at);
    let activities: Vec<ActivityView<'_>> = register
        .activities
        .iter()
        .map(|a| ActivityView {
            name: &a.name,
            purpose: &a.purpose,
            legal_basis: domain::privacy_register::legal_basis_name(a.legal_basis),
            legal_basis_article: &a.legal_basis_article,
            legal_basis_note: &a.legal_basis_note,
            people: a
                .people
                .iter()
                .map(|p| person_category_name(*p).0)
                .collect(),
            data: &a.data,
            retention: &a.retention,
            recipients: a.recipients.iter().map(|r| recipient_name(*r)).collect(),
        })
        .collect();
    let recipients: Vec<RecipientView<'_>> = register
        .recipients
        .iter()
        .map(|r| RecipientView {
            name: recipient_name(r.kind),
            scope: r.scope.as_deref(),
            receives: &r.receives,
        })
        .collect();
    env.get_template("register.html")?.render(context! {
        generated => local.format("%d-%m-%Y %H:%M").to_string(),
        retention => minijinja::value::Serde(&register.retention),
        storage => minijinja::value::Serde(&register.storage),
        people => minijinja::value::Serde(&register.people),
        activities => minijinja::value::Serde(&activities),
        recipients => minijinja::value::Serde(&recipients),
        tables_without_personal_data => minijinja::value::Serde(&register.tables_without_personal_data),
    })
}

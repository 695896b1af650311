//! Demo data: a fictional programme to try Klasbrug with. Every name and address here is made
//! up; `.example` domains cannot receive mail.

use domain::{EmailAddress, OrganisationKind, Region, Role, SchoolType, Scope, Scopes};
use sha2::{Digest, Sha256};
use store::{NewAuditEntry, NewOrganisation, NewPartnerClient, NewUser, Store};
use uuid::Uuid;

use crate::auth::password;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "klasbrug-demo";
/// The demo partner client.
pub const DEMO_CLIENT_ID: &str = "demo-partner";
/// Its secret (demo only).
pub const DEMO_CLIENT_SECRET: &str = "demo-partner-secret";

struct School {
    name: &'static str,
    school_type: SchoolType,
    region: Region,
    municipality: &'static str,
    director: (&'static str, &'static str),
    coordinator: (&'static str, &'static str),
}

const SCHOOLS: [School; 3] = [
    School {
        name: "Basisschool De Zeester",
        school_type: SchoolType::Po,
        region: Region::Noord,
        municipality: "Groningen",
        director: ("Anouk Visser", "directeur@zeester.example"),
        coordinator: ("Jeroen Bakker", "ic@zeester.example"),
    },
    School {
        name: "Basisschool Het Kompas",
        school_type: SchoolType::Po,
        region: Region::Midden,
        municipality: "Amersfoort",
        director: ("Sanne Mulder", "directeur@kompas.example"),
        coordinator: ("Thomas de Groot", "ic@kompas.example"),
    },
    School {
        name: "Lyceum Zuiderlicht",
        school_type: SchoolType::Vo,
        region: Region::Zuid,
        municipality: "Eindhoven",
        director: ("Fatima El Amrani", "directeur@zuiderlicht.example"),
        coordinator: ("Lucas Smit", "ic@zuiderlicht.example"),
    },
];

const ADMIN: (&str, &str) = ("Iris van Leeuwen", "beheer@klasbrug.example");

const EMPLOYERS: [(&str, (&str, &str)); 2] = [
    (
        "Bouwbedrijf Hoogland",
        ("Eva Jansen", "hr@hoogland.example"),
    ),
    ("Zorggroep Lindehof", ("Mark Peters", "hr@lindehof.example")),
];

const AMBASSADORS: [(&str, &str); 6] = [
    ("Noah Verbeek", "noah@ambassadeur.example"),
    ("Lotte Bos", "lotte@ambassadeur.example"),
    ("Daan Vermeulen", "daan@ambassadeur.example"),
    ("Yara Koç", "yara@ambassadeur.example"),
    ("Sem Willems", "sem@ambassadeur.example"),
    ("Mila de Boer", "mila@ambassadeur.example"),
];

/// Fills an empty database with the demo programme.
pub async fn seed_demo(store: &Store) -> anyhow::Result<()> {
    // One hash for every demo account: they share a password, and hashing is slow by design.
    let hash = password::hash(DEMO_PASSWORD.to_owned()).await?;
    let person = |(name, email): (&str, &str)| -> anyhow::Result<NewUser> {
        Ok(NewUser {
            email: EmailAddress::parse(email)?,
            name: name.to_owned(),
            password_hash: hash.clone(),
        })
    };

    let programme = store
        .create_organisation(&organisation(
            OrganisationKind::Programme,
            "Klasbrug Demoprogramma",
        ))
        .await?;
    add_person(store, person(ADMIN)?, programme.id, Role::ProgrammeAdmin).await?;
    for ambassador in AMBASSADORS {
        add_person(store, person(ambassador)?, programme.id, Role::Ambassador).await?;
    }

    let board = store
        .create_organisation(&organisation(
            OrganisationKind::SchoolBoard,
            "Stichting Samen Wijzer",
        ))
        .await?;
    for school in &SCHOOLS {
        let created = store
            .create_organisation(&NewOrganisation {
                kind: OrganisationKind::School,
                name: school.name.to_owned(),
                parent_id: Some(board.id),
                school_type: Some(school.school_type),
                region: Some(school.region),
                municipality: Some(school.municipality.to_owned()),
            })
            .await?;
        add_person(
            store,
            person(school.director)?,
            created.id,
            Role::SchoolDirector,
        )
        .await?;
        add_person(
            store,
            person(school.coordinator)?,
            created.id,
            Role::Coordinator,
        )
        .await?;
    }

    for (name, contact) in EMPLOYERS {
        let employer = store
            .create_organisation(&organisation(OrganisationKind::Employer, name))
            .await?;
        add_person(store, person(contact)?, employer.id, Role::EmployerContact).await?;
    }

    let partner = store
        .create_organisation(&organisation(
            OrganisationKind::Partner,
            "Partnerorganisatie Demo",
        ))
        .await?;
    store
        .create_partner_client(&NewPartnerClient {
            client_id: DEMO_CLIENT_ID.to_owned(),
            secret_hash: Sha256::digest(DEMO_CLIENT_SECRET.as_bytes()).to_vec(),
            organisation_id: partner.id,
            name: "Demo-koppeling".to_owned(),
            scopes: Scopes::from_list(&[Scope::SchoolsRead, Scope::PlacementsRead]),
        })
        .await?;

    store
        .record_audit(&NewAuditEntry {
            actor_kind: "system",
            actor_id: None,
            action: "demo.seed",
            resource_type: "organisation",
            resource_id: Some(programme.id),
        })
        .await?;
    Ok(())
}

/// Prints the demo accounts, for the person who just started the demo.
pub fn print_demo_logins() {
    println!("Demo logins (password for every account: {DEMO_PASSWORD}):");
    println!("  programmaleider     {}", ADMIN.1);
    for school in &SCHOOLS {
        println!(
            "  directeur           {:<32} {}",
            school.director.1, school.name
        );
        println!(
            "  intern coördinator  {:<32} {}",
            school.coordinator.1, school.name
        );
    }
    for (name, (_, email)) in EMPLOYERS {
        println!("  werkgever           {email:<32} {name}");
    }
    println!("  ambassadeur         {} (and 5 more)", AMBASSADORS[0].1);
    println!("  partner API client  client_id={DEMO_CLIENT_ID} client_secret={DEMO_CLIENT_SECRET}");
}

fn organisation(kind: OrganisationKind, name: &str) -> NewOrganisation {
    NewOrganisation {
        kind,
        name: name.to_owned(),
        parent_id: None,
        school_type: None,
        region: None,
        municipality: None,
    }
}

async fn add_person(
    store: &Store,
    person: NewUser,
    organisation: Uuid,
    role: Role,
) -> anyhow::Result<()> {
    let user = store.create_user(&person).await?;
    store.add_membership(user.id, organisation, role).await?;
    Ok(())
}

//! Demo data: a fictional programme to try Klasbrug with. Every name and address here is made
//! up; `.example` domains cannot receive mail.

use chrono::NaiveTime;
use domain::contract::{PlacementInput, SchoolCapacityInput, Teacher};
use domain::{
    Commitment, EmailAddress, OrganisationKind, PlacementKind, PlacementStatus, Region, Role,
    SchoolTask, SchoolType, SchoolYear, Scope, Scopes, StartMoment, Weekday,
};
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
    let mut school_ids = Vec::new();
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
        school_ids.push(created.id);
    }
    seed_placements(store, &school_ids).await?;

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

/// A few spots per school in 2026-2027, and De Zeester's capacity.
async fn seed_placements(store: &Store, schools: &[Uuid]) -> anyhow::Result<()> {
    let year = SchoolYear::parse("2026-2027")?;
    let time = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    let spot = |weekday, kind, detail: &str, expertise: &[&str]| PlacementInput {
        school_id: None,
        school_year: year,
        start_moment: StartMoment::February,
        commitment: Commitment::HalfYear,
        weekday,
        starts_at: time(8, 30),
        ends_at: time(15, 0),
        kind,
        group: (kind == PlacementKind::Class).then(|| detail.to_owned()),
        teacher: (kind == PlacementKind::Class).then(|| "Juf Marit".to_owned()),
        task: (kind == PlacementKind::SchoolTask).then_some(SchoolTask::Surveillance),
        theme: (kind == PlacementKind::Thematic).then(|| detail.to_owned()),
        expertise: expertise.iter().map(|e| (*e).to_owned()).collect(),
        note: None,
        capacity: 1,
    };
    let plan: [(usize, PlacementInput, PlacementStatus); 6] = [
        (
            0,
            spot(
                Weekday::Tuesday,
                PlacementKind::Class,
                "groep 5",
                &["rekenen", "techniek"],
            ),
            PlacementStatus::Open,
        ),
        (
            0,
            spot(
                Weekday::Thursday,
                PlacementKind::Thematic,
                "Schoolmoestuin",
                &["natuur", "duurzaamheid"],
            ),
            PlacementStatus::Open,
        ),
        (
            0,
            spot(Weekday::Friday, PlacementKind::SchoolTask, "", &[]),
            PlacementStatus::Draft,
        ),
        (
            1,
            spot(
                Weekday::Wednesday,
                PlacementKind::Class,
                "groep 7",
                &["muziek"],
            ),
            PlacementStatus::Open,
        ),
        (
            2,
            spot(
                Weekday::Monday,
                PlacementKind::Class,
                "2 havo",
                &["economie", "ondernemen"],
            ),
            PlacementStatus::Open,
        ),
        (
            2,
            spot(
                Weekday::Thursday,
                PlacementKind::Thematic,
                "Loopbaanoriëntatie",
                &["zorg", "techniek"],
            ),
            PlacementStatus::Draft,
        ),
    ];
    for (school, input, status) in plan {
        let created = store.create_placement(schools[school], &input).await?;
        if status == PlacementStatus::Open {
            store
                .set_placement_status(created.id, PlacementStatus::Draft, status, None)
                .await?;
        }
    }
    let teacher = |name: &str, group: &str, opted_in| Teacher {
        name: name.to_owned(),
        groups: vec![group.to_owned()],
        weekdays: vec![Weekday::Monday, Weekday::Tuesday, Weekday::Thursday],
        opted_in,
    };
    let capacity = SchoolCapacityInput {
        groups: 8,
        groups_with_intern: 2,
        groups_with_starting_teacher: 1,
        teachers: vec![
            teacher("Juf Marit", "groep 5", true),
            teacher("Meester Ruben", "groep 6", true),
            teacher("Juf Esra", "groep 3", true),
            teacher("Juf Wendy", "groep 8", true),
            teacher("Meester Kees", "groep 4", false),
        ],
        offered: Some(3),
    };
    store
        .put_school_capacity(schools[0], year, &capacity)
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

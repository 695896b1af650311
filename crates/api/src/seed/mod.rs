//! Demo data: a fictional programme to try Klasbrug with. Every name and address here is made
//! up; `.example` domains cannot receive mail.

use chrono::NaiveTime;
use domain::ambassador::IntakeStatus;
use domain::contract::{PlacementInput, SchoolCapacityInput, Teacher};
use domain::{
    Commitment, EmailAddress, OrganisationKind, PlacementKind, PlacementStatus, Region, Role,
    SchoolTask, SchoolType, SchoolYear, Scope, Scopes, StartMoment, Weekday,
};
use sha2::{Digest, Sha256};
use store::{NewAuditEntry, NewOrganisation, NewPartnerClient, NewUser, Store};
use uuid::Uuid;

use crate::auth::password;

mod applications;
mod hours;
mod lesson_series;
mod sponsorship;
mod training;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "klasbrug-demo";
/// The demo partner client.
pub const DEMO_CLIENT_ID: &str = "demo-partner";
/// Its secret (demo only).
pub const DEMO_CLIENT_SECRET: &str = "demo-partner-secret";
/// The demo research partner's client id (scope `research:read` only).
pub const DEMO_RESEARCH_CLIENT_ID: &str = "demo-research";
/// Its secret.
pub const DEMO_RESEARCH_CLIENT_SECRET: &str = "demo-research-secret";

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

/// The contact of the employer that signed up and waits for verification.
const UNVERIFIED_EMPLOYER_CONTACT: (&str, &str) = ("Lieke Smit", "info@noorderlicht.example");

const AMBASSADORS: [(&str, &str); 8] = [
    ("Noah Verbeek", "noah@ambassadeur.example"),
    ("Lotte Bos", "lotte@ambassadeur.example"),
    ("Daan Vermeulen", "daan@ambassadeur.example"),
    ("Yara Koç", "yara@ambassadeur.example"),
    ("Sem Willems", "sem@ambassadeur.example"),
    ("Mila de Boer", "mila@ambassadeur.example"),
    ("Fenna Dijkstra", "fenna@ambassadeur.example"),
    ("Bram Hoekstra", "bram@ambassadeur.example"),
];

/// Fills an empty database with the demo programme.
/// `now` is the application clock's instant, for what the demo records as happening today.
pub async fn seed_demo(store: &Store, now: chrono::DateTime<chrono::Utc>) -> anyhow::Result<()> {
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
    let admin = add_person(store, person(ADMIN)?, programme.id, Role::ProgrammeAdmin).await?;
    let mut ambassador_users = Vec::new();
    for ambassador in AMBASSADORS {
        ambassador_users
            .push(add_person(store, person(ambassador)?, programme.id, Role::Ambassador).await?);
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

    let mut employer_ids = Vec::new();
    for (name, contact) in EMPLOYERS {
        let employer = store
            .create_organisation(&organisation(OrganisationKind::Employer, name))
            .await?;
        add_person(store, person(contact)?, employer.id, Role::EmployerContact).await?;
        employer_ids.push(employer.id);
    }
    let admin = store::Actor {
        id: admin,
        name: ADMIN.0,
    };
    let ambassadors =
        seed_ambassadors(store, admin, &ambassador_users, &employer_ids, &school_ids).await?;
    let placement = lesson_series::seed(store, admin, ambassadors[6], school_ids[0]).await?;
    hours::seed(store, ambassadors[6], placement, school_ids[0]).await?;
    training::seed(
        store,
        domain::local_date::amsterdam_date(now),
        &training::Trainees {
            first: ambassadors[0],
            second: ambassadors[1],
            waiting: ambassadors[2],
        },
    )
    .await?;
    let employers = sponsorship::Employers {
        hoogland: employer_ids[0],
        lindehof: employer_ids[1],
    };
    let staff = (ambassadors[7], ambassadors[0], ambassadors[2]);
    let unverified = person(UNVERIFIED_EMPLOYER_CONTACT)?;
    sponsorship::seed(
        store,
        admin,
        &employers,
        staff,
        school_ids[2],
        unverified,
        now,
    )
    .await?;

    let partner = store
        .create_organisation(&organisation(
            OrganisationKind::Partner,
            "Partnerorganisatie Demo",
        ))
        .await?;
    let partner_client = store
        .create_partner_client(&NewPartnerClient {
            client_id: DEMO_CLIENT_ID.to_owned(),
            secret_hash: Sha256::digest(DEMO_CLIENT_SECRET.as_bytes()).to_vec(),
            organisation_id: partner.id,
            name: "Demo-koppeling".to_owned(),
            scopes: Scopes::from_list(&[
                Scope::SchoolsRead,
                Scope::PlacementsRead,
                Scope::LessonSeriesRead,
                Scope::AmbassadorsWrite,
                Scope::WebhooksManage,
            ]),
        })
        .await?;
    let lectorate = store
        .create_organisation(&organisation(
            OrganisationKind::Partner,
            "Lectoraat Onderwijsonderzoek Demo",
        ))
        .await?;
    store
        .create_partner_client(&NewPartnerClient {
            client_id: DEMO_RESEARCH_CLIENT_ID.to_owned(),
            secret_hash: Sha256::digest(DEMO_RESEARCH_CLIENT_SECRET.as_bytes()).to_vec(),
            organisation_id: lectorate.id,
            name: "Onderzoeksexport".to_owned(),
            scopes: Scopes::from_list(&[Scope::ResearchRead]),
        })
        .await?;
    applications::seed(
        store,
        programme.id,
        &hash,
        partner_client,
        ambassadors[4],
        now,
    )
    .await?;

    store
        .record_audit(&NewAuditEntry {
            actor_kind: "system",
            actor_id: None,
            action: "demo.seed",
            resource_type: "organisation",
            resource_id: Some(programme.id),
            reason: None,
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
    println!(
        "  werkgever           {:<32} Drukkerij Noorderlicht (wacht op verificatie)",
        UNVERIFIED_EMPLOYER_CONTACT.1
    );
    println!(
        "  ambassadeur         {} (and {} more)",
        AMBASSADORS[0].1,
        AMBASSADORS.len() - 1
    );
    println!(
        "  nieuwe aanmelding   {:<32} (aangemeld via de website)",
        applications::APPLICANT.1
    );
    println!("  partner API client  client_id={DEMO_CLIENT_ID} client_secret={DEMO_CLIENT_SECRET}");
    println!(
        "  research API client client_id={DEMO_RESEARCH_CLIENT_ID} client_secret={DEMO_RESEARCH_CLIENT_SECRET}"
    );
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
) -> anyhow::Result<Uuid> {
    let user = store.create_user(&person).await?;
    store.add_membership(user.id, organisation, role).await?;
    Ok(user.id)
}

/// The demo ambassadors' profiles: seven with a VOG on record, one still in intake. Five are in
/// the pool: a matching run for February 2026-2027 proposes four and leaves one over. Fenna is
/// placed at De Zeester since September by [`lesson_series::seed`], and Bram (sponsored by
/// Hoogland) at Lyceum Zuiderlicht by [`sponsorship::seed`]. Returns their ids in the order of
/// [`AMBASSADORS`].
async fn seed_ambassadors(
    store: &Store,
    admin: store::Actor<'_>,
    users: &[Uuid],
    employers: &[Uuid],
    schools: &[Uuid],
) -> anyhow::Result<Vec<Uuid>> {
    use domain::ambassador::Funding;
    use domain::contract::{AmbassadorInput, VogInput};
    use domain::vog::VogOutcome;
    let date = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
    let words = |list: &[&str]| list.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
    let profile =
        |index: usize, home: &str, weekdays: &[Weekday], expertise: &[&str], themes: &[&str]| {
            AmbassadorInput {
                name: AMBASSADORS[index].0.to_owned(),
                email: AMBASSADORS[index].1.to_owned(),
                phone: Some(format!("06 0000 00{index:02}")),
                employer_id: None,
                expertise: words(expertise),
                themes: words(themes),
                school_type: None,
                home_municipality: Some(home.to_owned()),
                municipalities: Vec::new(),
                weekdays: weekdays.to_vec(),
                commitment: Commitment::HalfYear,
                available_from_year: SchoolYear::starting(2026)
                    .unwrap_or(SchoolYear::containing(date(9, 1))),
                available_from_moment: StartMoment::September,
                minutes_per_day: 420,
                funding: Funding::Volunteer,
                sponsored_minutes_per_week: 0,
                volunteer_minutes_per_week: 0,
                preferred_school_ids: Vec::new(),
            }
        };
    let noah = AmbassadorInput {
        employer_id: Some(employers[0]),
        funding: Funding::Sponsored,
        preferred_school_ids: vec![schools[0]],
        ..profile(
            0,
            "Groningen",
            &[Weekday::Tuesday, Weekday::Thursday],
            &["techniek", "ICT"],
            &["bouwen"],
        )
    };
    let lotte = AmbassadorInput {
        municipalities: words(&["Haren"]),
        ..profile(
            1,
            "Groningen",
            &[Weekday::Tuesday, Weekday::Thursday],
            &["biologie"],
            &["natuur", "duurzaamheid"],
        )
    };
    let daan = AmbassadorInput {
        employer_id: Some(employers[1]),
        funding: Funding::Hybrid,
        sponsored_minutes_per_week: 240,
        volunteer_minutes_per_week: 180,
        ..profile(
            2,
            "Amersfoort",
            &[Weekday::Wednesday],
            &["zorg"],
            &["muziek"],
        )
    };
    let yara = AmbassadorInput {
        school_type: Some(domain::SchoolType::Vo),
        ..profile(
            3,
            "Eindhoven",
            &[Weekday::Monday],
            &["economie", "ondernemen"],
            &[],
        )
    };
    let sem = profile(4, "Groningen", &[Weekday::Tuesday], &["techniek"], &[]);
    let mila = profile(
        5,
        "Amersfoort",
        &[Weekday::Wednesday, Weekday::Friday],
        &["taal"],
        &["lezen"],
    );
    let bram = sponsorship::bram_profile(
        employers[0],
        profile(
            7,
            "Eindhoven",
            &[Weekday::Thursday],
            &["techniek", "bouwkunde"],
            &["bouwen"],
        ),
    );
    let fenna = profile(
        6,
        "Groningen",
        &[Weekday::Wednesday],
        &["techniek", "bouwkunde"],
        &["bruggen", "water"],
    );
    // Each with the day their VOG was issued.
    let pool = [
        (0, noah, date(10, 1)),
        (1, lotte, date(9, 15)),
        (2, daan, date(11, 1)),
        (3, yara, date(10, 20)),
        (4, sem, date(8, 3)),
        (6, fenna, date(8, 10)),
        (7, bram, date(8, 20)),
    ];
    let mut ids = vec![Uuid::nil(); AMBASSADORS.len()];
    for (index, input, issued_on) in pool {
        let id = store
            .create_ambassador(&input, Some(users[index]), Some(admin), date(6, 1))
            .await?
            .id;
        let steps = [
            (
                IntakeStatus::Registered,
                IntakeStatus::IntakePlanned,
                date(6, 8),
                false,
            ),
            (
                IntakeStatus::IntakePlanned,
                IntakeStatus::IntakeDone,
                date(6, 22),
                true,
            ),
            (
                IntakeStatus::IntakeDone,
                IntakeStatus::VogRequested,
                date(6, 22),
                false,
            ),
        ];
        for (from, to, on, decided) in steps {
            store
                .record_intake_step(id, from, to, on, Some(admin), None, decided)
                .await?;
        }
        let vog = VogInput {
            issued_on,
            seen_on: issued_on + chrono::Duration::days(4),
            outcome: VogOutcome::Issued,
        };
        store.record_vog(id, &vog, admin).await?;
        store
            .record_intake_step(
                id,
                IntakeStatus::VogRequested,
                IntakeStatus::Available,
                vog.seen_on,
                Some(admin),
                None,
                false,
            )
            .await?;
        ids[index] = id;
    }
    let id = store
        .create_ambassador(&mila, Some(users[5]), Some(admin), date(11, 2))
        .await?
        .id;
    store
        .record_intake_step(
            id,
            IntakeStatus::Registered,
            IntakeStatus::IntakePlanned,
            date(11, 9),
            Some(admin),
            Some("Intake op 1 december"),
            false,
        )
        .await?;
    ids[5] = id;
    Ok(ids)
}

//! Demo sponsorship: Bouwbedrijf Hoogland sponsors Bram, placed at Lyceum Zuiderlicht on
//! Thursdays since September (four approved days in October and November, two waiting), and
//! proposes a February agreement for Noah; Zorggroep Lindehof has agreed on Daan's hybrid
//! arrangement; Drukkerij Noorderlicht signed up and waits for verification. Hoogland gave
//! tools and records a coordinator's hours, so its statement has a whole cost overview.

use domain::contract::{
    AgreementInput, AmbassadorInput, ContributionInput, ContributionType, CostRoleInput,
    PlacementInput,
};
use domain::hours::{HourActivity, HourKind};
use domain::money::Cents;
use domain::sponsorship::{AgreementStatus, Party, SponsorshipTerms};
use domain::{Commitment, PlacementKind, SchoolYear, StartMoment, Weekday};
use store::{Actor, NewEmployer, NewUser, Store};

use super::lesson_series::{date, time};
use uuid::Uuid;

/// The demo employers, as seeded by [`super`]: Hoogland and Lindehof.
pub struct Employers {
    /// Bouwbedrijf Hoogland.
    pub hoogland: Uuid,
    /// Zorggroep Lindehof.
    pub lindehof: Uuid,
}

/// Seeds the sponsorship demo. `bram` is Hoogland's sponsored ambassador (with a VOG), `noah`
/// and `daan` the other employees; `school` is Lyceum Zuiderlicht.
pub async fn seed(
    store: &Store,
    admin: Actor<'_>,
    employers: &Employers,
    (bram, noah, daan): (Uuid, Uuid, Uuid),
    school: Uuid,
    unverified_contact: NewUser,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<()> {
    store
        .add_employer_profile(employers.hoogland, "Groningen", Some(admin.id))
        .await?;
    store
        .add_employer_profile(employers.lindehof, "Amersfoort", Some(admin.id))
        .await?;
    store
        .register_employer(&NewEmployer {
            name: "Drukkerij Noorderlicht",
            municipality: "Groningen",
            contact: &unverified_contact,
        })
        .await?;

    let placement = super::lesson_series::place_active(
        store,
        admin,
        bram,
        school,
        PlacementInput {
            school_id: None,
            school_year: SchoolYear::parse("2026-2027")?,
            start_moment: StartMoment::September,
            commitment: Commitment::HalfYear,
            weekday: Weekday::Thursday,
            starts_at: time(8, 15),
            ends_at: time(16, 15),
            kind: PlacementKind::Thematic,
            group: None,
            teacher: None,
            task: None,
            theme: Some("Bouwen en techniek".to_owned()),
            expertise: vec!["techniek".to_owned()],
            note: None,
            capacity: 1,
        },
        "Lyceum Zuiderlicht",
    )
    .await?;
    // Thursdays; 22 October falls in the autumn holiday of the south.
    let day = |m, d, approved| {
        (
            date(2026, m, d),
            480,
            HourActivity::Class,
            approved,
            "Techniekles in de bovenbouw",
        )
    };
    let days = [
        day(10, 1, true),
        day(10, 8, true),
        day(10, 29, true),
        day(11, 5, true),
        day(11, 12, false),
        day(11, 19, false),
    ];
    super::hours::log_days(
        store,
        bram,
        placement.id,
        school,
        HourKind::Sponsored,
        &days,
        "Lucas Smit",
    )
    .await?;

    let year = SchoolYear::parse("2026-2027")?;
    let agreement =
        |ambassador_id, moment, commitment, sponsored, volunteered, rate| AgreementInput {
            ambassador_id,
            school_year: year,
            start_moment: moment,
            commitment,
            sponsored_minutes_per_week: sponsored,
            volunteered_minutes_per_week: volunteered,
            hourly_rate: Cents(rate),
        };
    let bram_terms = agreement(
        bram,
        StartMoment::September,
        Commitment::HalfYear,
        480,
        0,
        6_500,
    );
    settle(
        store,
        employers.hoogland,
        &bram_terms,
        AgreementStatus::Running,
    )
    .await?;
    let noah_terms = agreement(
        noah,
        StartMoment::February,
        Commitment::HalfYear,
        480,
        0,
        6_000,
    );
    settle(
        store,
        employers.hoogland,
        &noah_terms,
        AgreementStatus::Proposed,
    )
    .await?;
    let daan_terms = agreement(
        daan,
        StartMoment::September,
        Commitment::WholeYear,
        240,
        180,
        5_200,
    );
    settle(
        store,
        employers.lindehof,
        &daan_terms,
        AgreementStatus::Agreed,
    )
    .await?;

    store
        .add_contribution(
            employers.hoogland,
            &ContributionInput {
                kind: ContributionType::Materials,
                description: "Gereedschapskisten voor technieklessen".to_owned(),
                amount: Cents(45_000),
                given_on: date(2026, 10, 1),
                receipt_number: "HL-2026-001".to_owned(),
            },
        )
        .await?;
    let role = CostRoleInput {
        role: "coördinator HR".to_owned(),
        party: Party::Employer,
        minutes: 240,
        hourly_rate: Cents(5_500),
        recorded_on: date(2026, 10, 31),
    };
    store.add_cost_role(employers.hoogland, &role, 240).await?;
    store
        .create_invitation(
            &domain::sponsorship::Invitation::new(employers.hoogland, now),
            "Femke Brouwer",
            "femke@hoogland.example",
            &crate::auth::session::hash_token(&crate::auth::session::new_token()),
            None,
        )
        .await?;
    Ok(())
}

/// Bram's demo profile: sponsored by `hoogland`, on Thursdays, at secondary schools.
pub fn bram_profile(hoogland: Uuid, base: AmbassadorInput) -> AmbassadorInput {
    AmbassadorInput {
        employer_id: Some(hoogland),
        funding: domain::ambassador::Funding::Sponsored,
        school_type: Some(domain::SchoolType::Vo),
        ..base
    }
}

/// Stores `terms` for `employer` and moves them on to `status`.
async fn settle(
    store: &Store,
    employer: Uuid,
    terms: &AgreementInput,
    status: AgreementStatus,
) -> anyhow::Result<()> {
    let checked = SponsorshipTerms::new(
        terms.sponsored_minutes_per_week,
        terms.volunteered_minutes_per_week,
        terms.hourly_rate,
    )?;
    let mut agreement = store.create_agreement(employer, terms, checked).await?;
    for to in [AgreementStatus::Agreed, AgreementStatus::Running] {
        if agreement.status == status {
            break;
        }
        agreement = store
            .set_agreement_status(&agreement, agreement.status, to, None, date(2026, 8, 31))
            .await?;
    }
    Ok(())
}

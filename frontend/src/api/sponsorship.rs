//! Employer sponsorship: signing up an employer and verifying it, inviting staff and accepting
//! an invitation, agreements, contributions, extra cost rows, and the employer's statement with
//! its downloads.

use chrono::NaiveDate;
use domain::contract::{
    AcceptedInvitation, Agreement, AgreementInput, AgreementTransition, ContributionInput,
    ContributionRecord, CostRoleInput, CostRoleRecord, Employee, Employer, EmployerSignUp,
    Invitation, InvitationAcceptance, InvitationInput, InvitationPreview, SignUpReceived,
    SponsorshipReport,
};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{Api, ApiError};

/// Signs an employer up, with its first contact's account. No login needed. The answer is the
/// same whether or not the address has an account; the next step is in the e-mail.
pub async fn sign_up(api: &Api, sign_up: &EmployerSignUp) -> Result<SignUpReceived, ApiError> {
    api.post("/employers", sign_up).await
}

/// The employers the person may see: every one for programme staff (unverified first), their
/// own for an employer's contact.
pub async fn list_employers(api: &Api) -> Result<Vec<Employer>, ApiError> {
    api.get("/employers", &[]).await
}

/// One employer.
pub async fn employer(api: &Api, id: Uuid) -> Result<Employer, ApiError> {
    api.get(&format!("/employers/{id}"), &[]).await
}

/// Marks an employer verified (programme staff). A 409 `already_verified` says it was already.
pub async fn verify_employer(api: &Api, id: Uuid) -> Result<Employer, ApiError> {
    api.request::<(), Employer>(
        Method::POST,
        &format!("/employers/{id}/verification"),
        &[],
        None,
    )
    .await
}

/// The staff linked to the employer.
pub async fn employees(api: &Api, id: Uuid) -> Result<Vec<Employee>, ApiError> {
    api.get(&format!("/employers/{id}/employees"), &[]).await
}

/// Invites a member of staff; a pending invitation to the same address is replaced.
pub async fn invite(api: &Api, id: Uuid, input: &InvitationInput) -> Result<Invitation, ApiError> {
    api.post(&format!("/employers/{id}/invitations"), input)
        .await
}

/// The employer's invitations, newest first.
pub async fn invitations(api: &Api, id: Uuid) -> Result<Vec<Invitation>, ApiError> {
    api.get(&format!("/employers/{id}/invitations"), &[]).await
}

/// What an invitation link shows before it is accepted. No login needed.
pub async fn invitation_preview(api: &Api, token: &str) -> Result<InvitationPreview, ApiError> {
    api.get(&format!("/invitations/{token}"), &[]).await
}

/// Accepts an invitation: with a password an account is made; logged in, the account is linked.
pub async fn accept_invitation(
    api: &Api,
    employer_id: Uuid,
    acceptance: &InvitationAcceptance,
) -> Result<AcceptedInvitation, ApiError> {
    api.post(
        &format!("/employers/{employer_id}/invitation-acceptances"),
        acceptance,
    )
    .await
}

/// The employer's sponsorship agreements.
pub async fn agreements(api: &Api, id: Uuid) -> Result<Vec<Agreement>, ApiError> {
    api.get(&format!("/employers/{id}/agreements"), &[]).await
}

/// Proposes an agreement.
pub async fn propose_agreement(
    api: &Api,
    id: Uuid,
    input: &AgreementInput,
) -> Result<Agreement, ApiError> {
    api.post(&format!("/employers/{id}/agreements"), input)
        .await
}

/// Agrees, starts or ends an agreement.
pub async fn move_agreement(
    api: &Api,
    id: Uuid,
    agreement_id: Uuid,
    transition: &AgreementTransition,
) -> Result<Agreement, ApiError> {
    api.post(
        &format!("/employers/{id}/agreements/{agreement_id}/transitions"),
        transition,
    )
    .await
}

/// The employer's contributions in kind or money.
pub async fn contributions(api: &Api, id: Uuid) -> Result<Vec<ContributionRecord>, ApiError> {
    api.get(&format!("/employers/{id}/contributions"), &[])
        .await
}

/// Records a contribution. A 409 `receipt_taken` says the receipt number is in use.
pub async fn add_contribution(
    api: &Api,
    id: Uuid,
    input: &ContributionInput,
) -> Result<ContributionRecord, ApiError> {
    api.post(&format!("/employers/{id}/contributions"), input)
        .await
}

/// The employer's extra cost rows.
pub async fn cost_roles(api: &Api, id: Uuid) -> Result<Vec<CostRoleRecord>, ApiError> {
    api.get(&format!("/employers/{id}/cost-roles"), &[]).await
}

/// Records an extra cost row.
pub async fn add_cost_role(
    api: &Api,
    id: Uuid,
    input: &CostRoleInput,
) -> Result<CostRoleRecord, ApiError> {
    api.post(&format!("/employers/{id}/cost-roles"), input)
        .await
}

fn period(from: NaiveDate, to: NaiveDate) -> [(&'static str, String); 2] {
    [("from", from.to_string()), ("to", to.to_string())]
}

/// The employer's statement of `from..=to`.
pub async fn report(
    api: &Api,
    id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<SponsorshipReport, ApiError> {
    api.get(&format!("/employers/{id}/statement"), &period(from, to))
        .await
}

/// The statement as a CSV.
pub async fn report_csv(
    api: &Api,
    id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<String, ApiError> {
    api.get_file(&format!("/employers/{id}/statement.csv"), &period(from, to))
        .await
}

/// The statement as a spreadsheet (`.xlsx`): bytes, not text.
pub async fn report_xlsx(
    api: &Api,
    id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<u8>, ApiError> {
    api.get_bytes(
        &format!("/employers/{id}/statement.xlsx"),
        &period(from, to),
    )
    .await
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use domain::hours::{HourKind, HourStatus};
    use domain::money::Cents;
    use domain::sponsorship::{
        self, Contribution, ContributionType, CostRow, HourEntryInput, Party, StatementPeriod,
        ambassador_rows, cost_overview, employer_statement,
    };
    use domain::{Commitment, SchoolYear, StartMoment, school_year};

    use super::*;
    use crate::api::decode;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    /// Hoogland's demo statement, made and written by the domain as the server does.
    fn hoogland() -> SponsorshipReport {
        let bram = Uuid::from_u128(9);
        let period = StatementPeriod::new(day(9, 1), day(12, 31)).unwrap();
        let agreement = sponsorship::AgreementInput {
            employee_id: bram,
            employee_name: "Bram Hoekstra".to_owned(),
            sponsored_minutes_per_week: 480,
            hourly_rate: Cents(6_500),
            period: school_year::period(
                SchoolYear::parse("2026-2027").unwrap(),
                StartMoment::September,
                Commitment::HalfYear,
            ),
            days_off: Vec::new(),
        };
        let entry = |d: NaiveDate, status| HourEntryInput {
            employee_id: bram,
            date: d,
            minutes: 480,
            kind: HourKind::Sponsored,
            status,
            school_name: "Lyceum Zuiderlicht".to_owned(),
        };
        let entries = [
            entry(day(10, 6), HourStatus::Approved),
            entry(day(10, 20), HourStatus::Approved),
            entry(day(10, 27), HourStatus::Approved),
            entry(day(11, 3), HourStatus::Approved),
            entry(day(11, 10), HourStatus::Submitted),
        ];
        let statement = employer_statement(period, &[agreement], &entries);
        let mut rows = ambassador_rows(&statement);
        rows.push(CostRow {
            role: "coördinator HR".to_owned(),
            party: Party::Employer,
            minutes: 240,
            hourly_rate: Cents(5_500),
        });
        let contributions = [
            Contribution {
                kind: ContributionType::Materials,
                description: "Gereedschapskisten voor technieklessen".to_owned(),
                amount: Cents(45_000),
                given_on: day(10, 1),
                party: Party::Employer,
                receipt_number: "HL-2026-001".to_owned(),
            },
            Contribution {
                kind: ContributionType::Money,
                description: "Bijdrage schoolreis techniekmuseum".to_owned(),
                amount: Cents(1_000),
                given_on: day(10, 2),
                party: Party::Employer,
                receipt_number: "HL-2026-002".to_owned(),
            },
        ];
        let social_return = sponsorship::social_return(1920, "Groningen", &[]);
        SponsorshipReport {
            employer_id: Uuid::from_u128(7),
            employer_name: "Bouwbedrijf Hoogland".to_owned(),
            period,
            social_return_explanation: social_return.explanation(),
            social_return,
            cost: cost_overview(&rows, &contributions).unwrap(),
            statement,
        }
    }

    #[test]
    fn the_report_is_read_as_the_server_writes_it() {
        let written = hoogland();
        let json = serde_json::to_string(&written).unwrap();
        let report: SponsorshipReport = decode(200, &json).unwrap();
        assert_eq!(report, written);
        assert_eq!(report.period.first(), day(9, 1));
        assert_eq!(report.statement.employees[0].delivered_minutes, 1920);
        assert_eq!(report.social_return.value, Cents(320_000));
        assert_eq!(report.cost.contributions[1].amount, Cents(1_000));
        assert_eq!(report.cost.grand_total, Cents(276_000));
    }
}

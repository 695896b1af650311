//! The employer's cost overview, in the form of the budget table of a *thema-aanvraag*
//! (`seeds/004`): per role hours × rate = cost, totals per party, contributions as lump-sum
//! lines, and a grand total. The rules and the rounding are written down in [`super`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::minutes_at_rate;
use super::statement::EmployerStatement;
use crate::money::Cents;
use crate::text_enum;

text_enum! {
    /// Who bears a cost, as the budget table's parties.
    pub enum Party ("party") {
        /// The sponsoring employer.
        Employer = "employer",
        /// The school (board) where the hours are spent.
        School = "school",
        /// The programme (Onderwijsambassadeurs).
        Programme = "programme",
    }
}

/// Why a row or contribution is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CostError {
    /// A row without a role.
    #[error("give the role this row's hours are for, such as 'coördinator'")]
    RoleRequired,
    /// A negative rate or value.
    #[error("{what} of {amount} is not accepted; give EUR 0.00 or more")]
    Negative {
        /// What was negative.
        what: &'static str,
        /// The amount given.
        amount: Cents,
    },
    /// A contribution without a receipt number.
    #[error("give the receipt number of the contribution '{description}'")]
    ReceiptRequired {
        /// What the contribution is.
        description: String,
    },
    /// Materials without a description.
    #[error("say what materials were given: a description is required")]
    DescriptionRequired,
}

/// One role's hours, as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostRow {
    /// The role: `ambassadeur Anna`, `coördinator`.
    pub role: String,
    /// Who bears the cost.
    pub party: Party,
    /// Hours, in minutes.
    pub minutes: u64,
    /// Cost of an hour.
    pub hourly_rate: Cents,
}

/// One row of the overview: hours × rate = cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CostLine {
    /// The role.
    pub role: String,
    /// Who bears the cost.
    pub party: Party,
    /// Hours, in minutes.
    pub minutes: u64,
    /// Cost of an hour.
    pub hourly_rate: Cents,
    /// `minutes × hourly_rate / 60`, rounded down to the cent.
    pub cost: Cents,
}

text_enum! {
    /// What an employer gave besides hours.
    pub enum ContributionType ("contribution type") {
        /// Materials, at their value.
        Materials = "materials",
        /// Money transferred.
        Money = "money",
    }
}

/// A contribution in kind or in money, with the receipt that records it. One flat object for
/// both kinds, so every client reads the same fields whatever the kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contribution {
    /// Materials or money.
    pub kind: ContributionType,
    /// What was given (materials, required), or what the money is for (may be empty).
    pub description: String,
    /// The value of the materials or the amount of money.
    pub amount: Cents,
    /// The day it was given or transferred.
    #[serde(serialize_with = "crate::json_format::date")]
    pub given_on: NaiveDate,
    /// Who gave it.
    pub party: Party,
    /// The receipt's number.
    pub receipt_number: String,
}

impl Contribution {
    fn check(&self) -> Result<(), CostError> {
        let description = self.description.trim();
        if self.kind == ContributionType::Materials && description.is_empty() {
            return Err(CostError::DescriptionRequired);
        }
        if self.amount.is_negative() {
            return Err(CostError::Negative {
                what: "a contribution",
                amount: self.amount,
            });
        }
        if self.receipt_number.trim().is_empty() {
            let description = if description.is_empty() {
                format!("{} on {}", self.amount, self.given_on)
            } else {
                description.to_owned()
            };
            return Err(CostError::ReceiptRequired { description });
        }
        Ok(())
    }
}

/// One party's share: its hours cost, its contributions, and the two together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartyTotal {
    /// The party.
    pub party: Party,
    /// Its rows' minutes.
    pub minutes: u64,
    /// Its rows' cost.
    pub hours_cost: Cents,
    /// Its contributions' value.
    pub contributions: Cents,
    /// Hours cost and contributions.
    pub total: Cents,
}

/// The cost overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CostOverview {
    /// The rows, in the order given.
    pub rows: Vec<CostLine>,
    /// One total per party with a row or a contribution, in the order of [`Party::ALL`].
    pub parties: Vec<PartyTotal>,
    /// The contributions, in the order given.
    pub contributions: Vec<Contribution>,
    /// All rows' cost.
    pub hours_cost: Cents,
    /// All contributions' value.
    pub contributions_total: Cents,
    /// Hours cost and contributions.
    pub grand_total: Cents,
}

/// One row per employee of `statement`: their delivered sponsored minutes at their rate, borne
/// by the employer.
pub fn ambassador_rows(statement: &EmployerStatement) -> Vec<CostRow> {
    statement
        .employees
        .iter()
        .map(|e| CostRow {
            role: format!("ambassadeur {}", e.employee_name),
            party: Party::Employer,
            minutes: e.delivered_minutes,
            hourly_rate: e.hourly_rate,
        })
        .collect()
}

/// The overview of `rows` and `contributions`.
pub fn cost_overview(
    rows: &[CostRow],
    contributions: &[Contribution],
) -> Result<CostOverview, CostError> {
    let mut lines = Vec::with_capacity(rows.len());
    for row in rows {
        if row.role.trim().is_empty() {
            return Err(CostError::RoleRequired);
        }
        if row.hourly_rate.is_negative() {
            return Err(CostError::Negative {
                what: "an hourly rate",
                amount: row.hourly_rate,
            });
        }
        lines.push(CostLine {
            role: row.role.trim().to_owned(),
            party: row.party,
            minutes: row.minutes,
            hourly_rate: row.hourly_rate,
            cost: minutes_at_rate(row.minutes, row.hourly_rate),
        });
    }
    for contribution in contributions {
        contribution.check()?;
    }

    let parties: Vec<PartyTotal> = Party::ALL
        .iter()
        .filter_map(|&party| {
            let own: Vec<&CostLine> = lines.iter().filter(|l| l.party == party).collect();
            let given: Vec<&Contribution> =
                contributions.iter().filter(|c| c.party == party).collect();
            if own.is_empty() && given.is_empty() {
                return None;
            }
            let hours_cost: Cents = own.iter().map(|l| l.cost).sum();
            let contributions: Cents = given.iter().map(|c| c.amount).sum();
            Some(PartyTotal {
                party,
                minutes: own.iter().map(|l| l.minutes).sum(),
                hours_cost,
                contributions,
                total: hours_cost + contributions,
            })
        })
        .collect();

    let hours_cost: Cents = lines.iter().map(|l| l.cost).sum();
    let contributions_total: Cents = contributions.iter().map(|c| c.amount).sum();
    Ok(CostOverview {
        rows: lines,
        parties,
        contributions: contributions.to_vec(),
        hours_cost,
        contributions_total,
        grand_total: hours_cost + contributions_total,
    })
}

#[cfg(test)]
mod tests;

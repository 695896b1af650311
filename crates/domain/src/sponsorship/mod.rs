//! Employer sponsorship: an employer keeps paying its staff for their hours at school, and gets
//! statements of the hours delivered, their social-return value and what it all cost.
//!
//! - [`agreement`]: one employee's sponsorship for one period, its terms and its life.
//! - [`invitation`]: the single-use link an employer sends an employee to register.
//! - [`statement`]: delivered against agreed sponsored minutes, per employee and school.
//! - [`social_return`]: what delivered hours are worth in a municipality's SROI scheme.
//! - [`cost`]: the cost overview, in the form of a subsidy budget table.
//! - [`report_table`] and [`export_csv`]: the employer's report as its downloads show it.
//!
//! # The rules, in one place
//!
//! **Agreement.** Per employee and period (a school year, a start moment and a half or whole
//! year, see [`crate::school_year::period`]): sponsored minutes a week (the employer pays them as
//! wages), volunteered minutes a week, and the hourly rate in cents the employer wants its cost
//! worked out with. Each weekly figure is 0 to [`agreement::MAX_MINUTES_PER_WEEK`] (40 hours),
//! not both 0; the rate is 0 to [`agreement::MAX_HOURLY_RATE`] (EUR 1,000). The terms imply the
//! ambassador's [`Funding`](crate::ambassador::Funding): sponsored when nothing is volunteered,
//! volunteer when nothing is sponsored, hybrid otherwise. Status: proposed → agreed → running →
//! ended; ending needs a reason and is possible from any status but ended.
//!
//! **Invitation.** Valid for [`invitation::VALID_DAYS`] days from its creation, used at most
//! once, and only for the employer that sent it. A wrong employer is reported before anything
//! else, so a token does not tell a stranger whether it was used.
//!
//! **Which hours count.** Only *sponsored* entries that *count*: approved, or locked in a paid
//! statement ([`crate::hours::HourStatus::counts`]), dated within the statement's period (first
//! and last day included) and within one of the employee's agreements with this employer (a
//! proposed agreement is no agreement yet; an ended one stops on the day it ended). Submitted,
//! rejected and volunteered entries count for nothing here: volunteered hours belong to the
//! volunteer allowance, and the employer's statements carry no trace of them, nor of allowances
//! or VOGs.
//!
//! **Agreed minutes.** Pro rata by calendar day: `W × D / 7`, where `W` is the agreement's
//! sponsored minutes a week and `D` the number of days (first and last included) that lie both
//! in the statement's period and in the agreement's period. Rounded down to the whole minute.
//! Days rather than weeks, so that statements of consecutive months add up to the statement of
//! the two months together (to within a minute) instead of counting the week that straddles the
//! month end twice. School holidays are not taken out: an agreement is per week of its period.
//!
//! **Social return (SROI).** Delivered sponsored minutes × the value per employee-hour of the
//! employer's municipality, found by name without regard to case or surrounding spaces. Without
//! a rule for the municipality, Utrecht's value applies ([`social_return::default_rule`]: EUR 100
//! per hour for the building block "supporting a social project"), and the result says so. The
//! rule used is always returned with the value, so a statement can show where the figure came
//! from.
//!
//! **Cost overview.** Mirrors the budget table of a *thema-aanvraag*: one row per role with
//! hours × rate = cost (the ambassadors at the employer's rate, plus roles the employer adds,
//! such as a coordinator), totals per party (employer, school, programme), then the
//! contributions given in kind or in money as lines of their own (as the budget's printing costs
//! are), and a grand total of hours cost and contributions. A contribution is never turned into
//! hours.
//!
//! # Rounding
//!
//! Integer arithmetic only: minutes, and cents. Each amount `minutes × cents_per_hour / 60` is
//! computed in `i128` and rounded down to the cent once, per row; totals are sums of the rounded
//! rows, so the table adds up on paper. Down, as in [`crate::allowance`]: a statement never
//! claims more than the rules give (a social-return figure is checked by the municipality), and
//! less only by a fraction of a cent per row. Example: 50 minutes at EUR 100 an hour is
//! EUR 83.333… = EUR 83.33.

pub mod agreement;
pub mod cost;
pub mod export_csv;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod invitation;
pub mod report_table;
pub mod social_return;
pub mod statement;

pub use agreement::{
    AgreementAction, AgreementError, AgreementStatus, FundingSplit, SponsorshipAgreement,
    SponsorshipTerms,
};
pub use cost::{
    Contribution, ContributionType, CostError, CostLine, CostOverview, CostRow, Party, PartyTotal,
    ambassador_rows, cost_overview,
};
pub use invitation::{Invitation, InvitationError};
pub use social_return::{SocialReturn, SroiRule, social_return};
pub use statement::{
    AgreementInput, EmployeeStatement, EmployerStatement, HourEntryInput, SchoolMinutes,
    StatementError, StatementPeriod, employer_statement,
};

/// `minutes × cents_per_hour / 60`, rounded down to the cent (see the module's rounding rule).
pub(crate) fn minutes_at_rate(minutes: u64, cents_per_hour: crate::Cents) -> crate::Cents {
    let exact = i128::from(minutes) * i128::from(cents_per_hour.get());
    let quotient = exact.div_euclid(60);
    crate::Cents(i64::try_from(quotient).unwrap_or(if quotient < 0 { i64::MIN } else { i64::MAX }))
}

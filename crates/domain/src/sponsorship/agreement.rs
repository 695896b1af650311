//! One employee's sponsorship agreement: its terms, the funding they imply, and its life.
//! The rules are written down once, in [`super`].

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ambassador::Funding;
use crate::money::Cents;
use crate::school_year::{Commitment, Period, SchoolYear, StartMoment, period};
use crate::text_enum;

/// The most minutes a week either figure may hold: 40 hours, a full working week.
pub const MAX_MINUTES_PER_WEEK: u32 = 2_400;
/// The highest hourly rate an employer may give: EUR 1,000.
pub const MAX_HOURLY_RATE: Cents = Cents(100_000);

text_enum! {
    /// Where a sponsorship agreement is in its life.
    pub enum AgreementStatus ("sponsorship agreement status") {
        /// Entered by the employer or programme staff; not yet settled.
        Proposed = "proposed",
        /// Settled by employer and programme; the period has not started.
        Agreed = "agreed",
        /// The employee is at school on these terms.
        Running = "running",
        /// Over, early or at the end of its period, with a reason.
        Ended = "ended",
    }
}

text_enum! {
    /// A step in a sponsorship agreement's life.
    pub enum AgreementAction ("sponsorship agreement action") {
        /// proposed → agreed.
        Agree = "agree",
        /// agreed → running.
        Start = "start",
        /// proposed, agreed or running → ended. Needs a reason.
        End = "end",
    }
}

/// Why terms or a step are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgreementError {
    /// A weekly figure out of range.
    #[error(
        "{minutes} {what} minutes a week is not accepted; give 0 to {MAX_MINUTES_PER_WEEK} (40 hours)"
    )]
    MinutesOutOfRange {
        /// "sponsored" or "volunteered".
        what: &'static str,
        /// The minutes given.
        minutes: i64,
    },
    /// Neither sponsored nor volunteered minutes.
    #[error(
        "an agreement of 0 sponsored and 0 volunteered minutes a week holds nothing; give the minutes the employer pays for, the volunteered minutes, or both"
    )]
    NoMinutes,
    /// The hourly rate out of range.
    #[error("an hourly rate of {rate} is not accepted; give EUR 0.00 to {MAX_HOURLY_RATE}")]
    RateOutOfRange {
        /// The rate given.
        rate: Cents,
    },
    /// The step does not follow from the status.
    #[error("a sponsorship agreement that is {from} cannot take the step {action}; {hint}")]
    NotFrom {
        /// The current status.
        from: AgreementStatus,
        /// The step.
        action: AgreementAction,
        /// What can be done instead.
        hint: &'static str,
    },
    /// Ending without a reason.
    #[error("say why the sponsorship agreement ends: a reason is required")]
    ReasonRequired,
}

/// Checked terms: once held, they are within range.
// Serialize only: a deserialised value would skip the checks of `new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SponsorshipTerms {
    sponsored_minutes_per_week: u32,
    volunteered_minutes_per_week: u32,
    hourly_rate: Cents,
}

impl SponsorshipTerms {
    /// Checks the weekly minutes and the hourly rate (cents per hour).
    pub fn new(
        sponsored_minutes_per_week: i64,
        volunteered_minutes_per_week: i64,
        hourly_rate: Cents,
    ) -> Result<Self, AgreementError> {
        let sponsored = weekly(sponsored_minutes_per_week, "sponsored")?;
        let volunteered = weekly(volunteered_minutes_per_week, "volunteered")?;
        if sponsored == 0 && volunteered == 0 {
            return Err(AgreementError::NoMinutes);
        }
        if hourly_rate.is_negative() || hourly_rate > MAX_HOURLY_RATE {
            return Err(AgreementError::RateOutOfRange { rate: hourly_rate });
        }
        Ok(Self {
            sponsored_minutes_per_week: sponsored,
            volunteered_minutes_per_week: volunteered,
            hourly_rate,
        })
    }

    /// Minutes a week the employer pays for.
    pub fn sponsored_minutes_per_week(self) -> u32 {
        self.sponsored_minutes_per_week
    }

    /// Minutes a week the employee volunteers.
    pub fn volunteered_minutes_per_week(self) -> u32 {
        self.volunteered_minutes_per_week
    }

    /// The employer's cost of an hour, in cents.
    pub fn hourly_rate(self) -> Cents {
        self.hourly_rate
    }

    /// The funding these terms imply for the ambassador.
    pub fn funding(self) -> FundingSplit {
        let funding = match (
            self.sponsored_minutes_per_week,
            self.volunteered_minutes_per_week,
        ) {
            (_, 0) => Funding::Sponsored,
            (0, _) => Funding::Volunteer,
            _ => Funding::Hybrid,
        };
        FundingSplit {
            funding,
            sponsored_minutes_per_week: self.sponsored_minutes_per_week,
            volunteered_minutes_per_week: self.volunteered_minutes_per_week,
        }
    }
}

fn weekly(minutes: i64, what: &'static str) -> Result<u32, AgreementError> {
    match u32::try_from(minutes) {
        Ok(m) if m <= MAX_MINUTES_PER_WEEK => Ok(m),
        _ => Err(AgreementError::MinutesOutOfRange { what, minutes }),
    }
}

/// The funding an agreement implies, with the minutes behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FundingSplit {
    /// Sponsored, volunteer or hybrid.
    pub funding: Funding,
    /// Minutes a week the employer pays for.
    pub sponsored_minutes_per_week: u32,
    /// Minutes a week the employee volunteers.
    pub volunteered_minutes_per_week: u32,
}

/// One employee's sponsorship by one employer for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SponsorshipAgreement {
    /// The sponsoring employer.
    pub employer_id: Uuid,
    /// The sponsored employee (the ambassador).
    pub employee_id: Uuid,
    /// The school year it starts in.
    pub school_year: SchoolYear,
    /// September or February.
    pub start_moment: StartMoment,
    /// Half or whole school year.
    pub commitment: Commitment,
    /// Minutes and rate.
    pub terms: SponsorshipTerms,
    /// Where it is in its life.
    pub status: AgreementStatus,
}

impl SponsorshipAgreement {
    /// The first and last day it covers.
    pub fn period(&self) -> Period {
        period(self.school_year, self.start_moment, self.commitment)
    }

    /// The funding it implies for the ambassador.
    pub fn funding(&self) -> FundingSplit {
        self.terms.funding()
    }
}

impl AgreementStatus {
    /// The status after `action`; `reason` is what the person gave, if anything.
    pub fn apply(
        self,
        action: AgreementAction,
        reason: Option<&str>,
    ) -> Result<AgreementStatus, AgreementError> {
        use AgreementAction as A;
        use AgreementStatus as S;
        match (self, action) {
            (S::Proposed, A::Agree) => Ok(S::Agreed),
            (S::Agreed, A::Start) => Ok(S::Running),
            (S::Proposed | S::Agreed | S::Running, A::End) => {
                if reason.is_none_or(|r| r.trim().is_empty()) {
                    Err(AgreementError::ReasonRequired)
                } else {
                    Ok(S::Ended)
                }
            }
            (from, action) => Err(AgreementError::NotFrom {
                from,
                action,
                hint: from.hint(),
            }),
        }
    }

    fn hint(self) -> &'static str {
        match self {
            AgreementStatus::Proposed => "agree on it first, or end it with a reason",
            AgreementStatus::Agreed => "start it, or end it with a reason",
            AgreementStatus::Running => "it is running already; end it with a reason when it stops",
            AgreementStatus::Ended => "it has ended; propose a new agreement for a new period",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_checked_with_a_message_saying_what_to_give() {
        let cases: [(i64, i64, i64, Option<&str>); 9] = [
            (480, 0, 5_000, None),
            (0, 480, 0, None),
            (2_400, 2_400, 100_000, None),
            (0, 0, 5_000, Some("0 sponsored and 0 volunteered")),
            (-1, 480, 5_000, Some("-1 sponsored minutes a week")),
            (2_401, 0, 5_000, Some("give 0 to 2400 (40 hours)")),
            (480, 2_401, 5_000, Some("2401 volunteered minutes")),
            (480, 0, -1, Some("EUR -0.01 is not accepted")),
            (480, 0, 100_001, Some("give EUR 0.00 to EUR 1,000.00")),
        ];
        for (sponsored, volunteered, rate, refusal) in cases {
            let result = SponsorshipTerms::new(sponsored, volunteered, Cents(rate));
            match refusal {
                None => assert!(
                    result.is_ok(),
                    "{sponsored}/{volunteered}/{rate}: {result:?}"
                ),
                Some(text) => {
                    let message = result.err().map(|e| e.to_string()).unwrap_or_default();
                    assert!(
                        message.contains(text),
                        "{sponsored}/{volunteered}/{rate}: {message}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_minutes_imply_the_funding() {
        let cases = [
            (480, 0, Funding::Sponsored),
            (0, 480, Funding::Volunteer),
            (240, 240, Funding::Hybrid),
            (15, 465, Funding::Hybrid),
        ];
        for (sponsored, volunteered, funding) in cases {
            let split = SponsorshipTerms::new(sponsored, volunteered, Cents(5_000))
                .unwrap()
                .funding();
            assert_eq!(split.funding, funding, "{sponsored}/{volunteered}");
            assert_eq!(split.sponsored_minutes_per_week, sponsored as u32);
            assert_eq!(split.volunteered_minutes_per_week, volunteered as u32);
        }
    }

    #[test]
    fn an_agreement_runs_from_proposed_to_ended() {
        use AgreementAction as A;
        use AgreementStatus as S;
        let cases = [
            (S::Proposed, A::Agree, Ok(S::Agreed)),
            (S::Agreed, A::Start, Ok(S::Running)),
            (S::Running, A::End, Ok(S::Ended)),
            (S::Proposed, A::End, Ok(S::Ended)),
            (S::Agreed, A::End, Ok(S::Ended)),
            (S::Proposed, A::Start, Err("agree on it first")),
            (S::Running, A::Agree, Err("running already")),
            (S::Agreed, A::Agree, Err("start it")),
            (S::Ended, A::Start, Err("propose a new agreement")),
            (S::Ended, A::End, Err("propose a new agreement")),
        ];
        for (from, action, expected) in cases {
            let result = from.apply(action, Some("contract ended"));
            match expected {
                Ok(to) => assert_eq!(result, Ok(to), "{from} {action}"),
                Err(hint) => {
                    let message = result.err().map(|e| e.to_string()).unwrap_or_default();
                    assert!(message.contains(hint), "{from} {action}: {message}");
                }
            }
        }
    }

    #[test]
    fn ending_needs_a_reason() {
        for reason in [None, Some(""), Some("  ")] {
            assert_eq!(
                AgreementStatus::Running.apply(AgreementAction::End, reason),
                Err(AgreementError::ReasonRequired)
            );
        }
    }

    #[test]
    fn the_period_follows_the_school_year_and_start_moment() {
        let agreement = SponsorshipAgreement {
            employer_id: Uuid::nil(),
            employee_id: Uuid::nil(),
            school_year: SchoolYear::starting(2026).unwrap(),
            start_moment: StartMoment::February,
            commitment: Commitment::HalfYear,
            terms: SponsorshipTerms::new(480, 0, Cents(6_000)).unwrap(),
            status: AgreementStatus::Agreed,
        };
        let period = agreement.period();
        assert_eq!(period.starts_on.to_string(), "2027-02-01");
        assert_eq!(period.ends_on.to_string(), "2027-07-31");
        assert_eq!(agreement.funding().funding, Funding::Sponsored);
    }
}

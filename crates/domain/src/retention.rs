//! Retention: how long Klasbrug keeps what, and what happens when that time is up.
//!
//! Personal data goes a set number of days after the relationship ends
//! (`KLASBRUG_RETENTION_PERSONAL_DAYS`, default 730); the payee of a payment (name and IBAN) is
//! kept as long as the fiscal duty to keep records lasts (`KLASBRUG_RETENTION_PAYMENT_YEARS`,
//! default 7), and the amounts and dates stay after that. [`SCHEDULE`] is the one table that
//! says, per category, what starts the clock, which period runs and what is done; the sweep
//! asks [`RetentionSettings`] what is due.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::text_enum;

text_enum! {
    /// A kind of record the retention schedule covers.
    pub enum RetentionCategory ("retention category") {
        /// Someone who applied and was never placed.
        Applicant = "applicant",
        /// An ambassador who was placed.
        Ambassador = "ambassador",
        /// A teacher, coordinator or director who left their school.
        SchoolStaff = "school_staff",
        /// The contact of an employer that left the programme.
        EmployerContact = "employer_contact",
        /// A partner organisation's API client that was revoked.
        PartnerClient = "partner_client",
        /// An entry of the audit log.
        AuditEntry = "audit_entry",
        /// A login: its session and refresh tokens.
        LoginRecord = "login_record",
        /// An e-mail or webhook that was sent (or gave up).
        OutgoingMessage = "outgoing_message",
        /// A data subject's request that was answered or refused, with its answer.
        PrivacyRequest = "privacy_request",
        /// The payee (name and IBAN) of a paid allowance line of an anonymised ambassador.
        PaymentPayee = "payment_payee",
    }
}

/// Which period of [`RetentionSettings`] a category waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetentionPeriod {
    /// `KLASBRUG_RETENTION_PERSONAL_DAYS` days.
    Personal,
    /// `KLASBRUG_RETENTION_PAYMENT_YEARS` years.
    Payment,
}

/// What the sweep does with a record that is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetentionAction {
    /// The record stays (others' history needs it) but says nothing about the person any more.
    Anonymise,
    /// The record goes.
    Delete,
}

impl RetentionAction {
    /// `anonymise` or `delete`.
    pub fn as_str(self) -> &'static str {
        match self {
            RetentionAction::Anonymise => "anonymise",
            RetentionAction::Delete => "delete",
        }
    }
}

/// One row of the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionRule {
    /// What it covers.
    pub category: RetentionCategory,
    /// What starts the clock, in words (for the README and the register).
    pub trigger: &'static str,
    /// Which period runs from there.
    pub period: RetentionPeriod,
    /// What is done once it has passed.
    pub action: RetentionAction,
}

/// The retention schedule, one row per category, in the order the sweep runs them: people
/// first, then the records that name them, and the payees last (they need the person to be
/// anonymised first). Nobody with a live match or an open allowance line is touched.
pub const SCHEDULE: [RetentionRule; 10] = [
    RetentionRule {
        category: RetentionCategory::Applicant,
        trigger: "the application was decided (no) or withdrawn, and they were never placed",
        period: RetentionPeriod::Personal,
        action: RetentionAction::Anonymise,
    },
    RetentionRule {
        category: RetentionCategory::Ambassador,
        trigger: "their last match ended and their last allowance line was paid",
        period: RetentionPeriod::Personal,
        action: RetentionAction::Anonymise,
    },
    RetentionRule {
        category: RetentionCategory::SchoolStaff,
        trigger: "they left the school (their last role there was taken away)",
        period: RetentionPeriod::Personal,
        action: RetentionAction::Anonymise,
    },
    RetentionRule {
        category: RetentionCategory::EmployerContact,
        trigger: "the employer left: its last sponsorship agreement ended",
        period: RetentionPeriod::Personal,
        action: RetentionAction::Anonymise,
    },
    RetentionRule {
        category: RetentionCategory::PartnerClient,
        trigger: "the client was revoked",
        period: RetentionPeriod::Personal,
        action: RetentionAction::Anonymise,
    },
    RetentionRule {
        category: RetentionCategory::AuditEntry,
        trigger: "the entry was written",
        period: RetentionPeriod::Personal,
        action: RetentionAction::Delete,
    },
    RetentionRule {
        category: RetentionCategory::LoginRecord,
        trigger: "the session ended, or its last refresh token expired",
        period: RetentionPeriod::Personal,
        action: RetentionAction::Delete,
    },
    RetentionRule {
        category: RetentionCategory::OutgoingMessage,
        trigger: "the message was sent or given up on",
        period: RetentionPeriod::Personal,
        action: RetentionAction::Delete,
    },
    RetentionRule {
        category: RetentionCategory::PrivacyRequest,
        trigger: "the request was answered or refused",
        period: RetentionPeriod::Personal,
        action: RetentionAction::Delete,
    },
    RetentionRule {
        category: RetentionCategory::PaymentPayee,
        trigger: "the allowance line was paid (amounts and dates stay)",
        period: RetentionPeriod::Payment,
        action: RetentionAction::Anonymise,
    },
];

/// The rule for `category`.
pub fn rule(category: RetentionCategory) -> RetentionRule {
    SCHEDULE
        .iter()
        .copied()
        .find(|r| r.category == category)
        .unwrap_or(SCHEDULE[0])
}

/// Why a retention setting is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RetentionError {
    /// Personal days outside the range.
    #[error(
        "'{0}' is not a number of days from {MIN_PERSONAL_DAYS} to {MAX_PERSONAL_DAYS} (default 730: two years)"
    )]
    PersonalDays(String),
    /// Payment years outside the range.
    #[error(
        "'{0}' is not a number of years from {MIN_PAYMENT_YEARS} (the fiscal duty to keep records) to {MAX_PAYMENT_YEARS}"
    )]
    PaymentYears(String),
}

/// The fewest days personal data is kept after the relationship ends.
pub const MIN_PERSONAL_DAYS: u32 = 30;
/// The most.
pub const MAX_PERSONAL_DAYS: u32 = 3650;
/// The fewest years a payment's payee is kept: the fiscal duty (AWR art. 52) is seven.
pub const MIN_PAYMENT_YEARS: u32 = 7;
/// The most.
pub const MAX_PAYMENT_YEARS: u32 = 30;

/// The programme's periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionSettings {
    personal_days: u32,
    payment_years: u32,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        Self {
            personal_days: 730,
            payment_years: 7,
        }
    }
}

impl RetentionSettings {
    /// The settings, or why they cannot be used.
    pub fn new(personal_days: u32, payment_years: u32) -> Result<Self, RetentionError> {
        if !(MIN_PERSONAL_DAYS..=MAX_PERSONAL_DAYS).contains(&personal_days) {
            return Err(RetentionError::PersonalDays(personal_days.to_string()));
        }
        if !(MIN_PAYMENT_YEARS..=MAX_PAYMENT_YEARS).contains(&payment_years) {
            return Err(RetentionError::PaymentYears(payment_years.to_string()));
        }
        Ok(Self {
            personal_days,
            payment_years,
        })
    }

    /// Reads the two settings as written in the environment (`None`: the default).
    pub fn parse(
        personal_days: Option<&str>,
        payment_years: Option<&str>,
    ) -> Result<Self, RetentionError> {
        let defaults = Self::default();
        let days = match personal_days.map(str::trim) {
            None => defaults.personal_days,
            Some(text) => text
                .parse()
                .map_err(|_| RetentionError::PersonalDays(text.to_owned()))?,
        };
        let years = match payment_years.map(str::trim) {
            None => defaults.payment_years,
            Some(text) => text
                .parse()
                .map_err(|_| RetentionError::PaymentYears(text.to_owned()))?,
        };
        Self::new(days, years)
    }

    /// Days personal data is kept.
    pub fn personal_days(&self) -> u32 {
        self.personal_days
    }

    /// Years a payee is kept.
    pub fn payment_years(&self) -> u32 {
        self.payment_years
    }

    /// The last day a record whose clock started on `trigger` is kept under `period`: the
    /// day the period is complete. A period in years ends on the same day and month; a start
    /// on 29 February ends on 1 March when that year has no 29 February, so a full period
    /// always passes.
    pub fn kept_until(&self, period: RetentionPeriod, trigger: NaiveDate) -> NaiveDate {
        match period {
            RetentionPeriod::Personal => trigger
                .checked_add_signed(Duration::days(i64::from(self.personal_days)))
                .unwrap_or(NaiveDate::MAX),
            RetentionPeriod::Payment => {
                let year = trigger.year() + i32::try_from(self.payment_years).unwrap_or(7);
                NaiveDate::from_ymd_opt(year, trigger.month(), trigger.day())
                    .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
                    .unwrap_or(NaiveDate::MAX)
            }
        }
    }

    /// Whether a record whose clock started on `trigger` is due on `today`: the day after it
    /// was last kept. With 730 days, a match that ended 730 days ago is kept; 731, it is due.
    pub fn is_due(&self, period: RetentionPeriod, trigger: NaiveDate, today: NaiveDate) -> bool {
        self.kept_until(period, trigger) < today
    }

    /// The last start of the clock that is due on `today` under `period`: every record that
    /// started on or before it is due, every later one is not.
    pub fn cutoff(&self, period: RetentionPeriod, today: NaiveDate) -> NaiveDate {
        let mut day = match period {
            RetentionPeriod::Personal => today
                .checked_sub_signed(Duration::days(i64::from(self.personal_days)))
                .unwrap_or(NaiveDate::MIN),
            RetentionPeriod::Payment => today
                .checked_sub_months(chrono::Months::new(12 * self.payment_years))
                .unwrap_or(NaiveDate::MIN),
        };
        // The estimate is within a day or two of the answer: step to it.
        while self.is_due(period, day, today) {
            match day.succ_opt() {
                Some(next) => day = next,
                None => return day,
            }
        }
        while !self.is_due(period, day, today) {
            match day.pred_opt() {
                Some(previous) => day = previous,
                None => return day,
            }
        }
        day
    }

    /// The first instant that is not due on `today` under `period`, for records whose clock
    /// is an instant: those before it (whose Amsterdam date is on or before the cutoff) are due.
    pub fn cutoff_instant(&self, period: RetentionPeriod, today: NaiveDate) -> DateTime<Utc> {
        let cutoff = self.cutoff(period, today);
        let next = cutoff.succ_opt().unwrap_or(cutoff);
        crate::local_date::amsterdam_instant(next.and_hms_opt(0, 0, 0).unwrap_or_default())
    }
}

/// What decides whether a person (an applicant or an ambassador) is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonFacts {
    /// Whether they were ever placed (a match confirmed, active or ended).
    pub placed: bool,
    /// The day their relationship with the programme ended: the last match's last day, the
    /// last allowance line's payment, the withdrawal; `None` while it has not.
    pub ended_on: Option<NaiveDate>,
    /// Whether a match of theirs is live (proposed up to active).
    pub live_match: bool,
    /// Whether an allowance line of theirs is not paid yet (draft or approved).
    pub open_allowance_line: bool,
}

impl PersonFacts {
    /// The category the person falls under.
    pub fn category(&self) -> RetentionCategory {
        if self.placed {
            RetentionCategory::Ambassador
        } else {
            RetentionCategory::Applicant
        }
    }

    /// Whether the person is due for anonymisation on `today`: never with a live match or an
    /// open allowance line, never before the relationship ended, and only once the personal
    /// period has passed since.
    pub fn is_due(&self, settings: &RetentionSettings, today: NaiveDate) -> bool {
        if self.live_match || self.open_allowance_line {
            return false;
        }
        self.ended_on
            .is_some_and(|on| settings.is_due(RetentionPeriod::Personal, on, today))
    }
}

/// What one sweep did (or, dry, would do): a count per category, in the schedule's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SweepCounts(Vec<(RetentionCategory, u64)>);

impl SweepCounts {
    /// Adds `count` to `category`.
    pub fn add(&mut self, category: RetentionCategory, count: u64) {
        match self.0.iter_mut().find(|(c, _)| *c == category) {
            Some((_, n)) => *n += count,
            None => self.0.push((category, count)),
        }
    }

    /// The count of `category`.
    pub fn get(&self, category: RetentionCategory) -> u64 {
        self.0
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(0, |(_, n)| *n)
    }

    /// Every category of the schedule with its count, zeros included.
    pub fn all(&self) -> Vec<(RetentionRule, u64)> {
        SCHEDULE
            .iter()
            .map(|r| (*r, self.get(r.category)))
            .collect()
    }

    /// Whether nothing was (or would be) done.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|(_, n)| *n == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_schedule_has_every_category_once() {
        for category in RetentionCategory::ALL {
            assert_eq!(
                SCHEDULE.iter().filter(|r| r.category == *category).count(),
                1,
                "{category}"
            );
            assert_eq!(rule(*category).category, *category);
        }
        assert_eq!(
            rule(RetentionCategory::PaymentPayee).period,
            RetentionPeriod::Payment
        );
        assert!(
            SCHEDULE
                .iter()
                .filter(|r| r.category != RetentionCategory::PaymentPayee)
                .all(|r| r.period == RetentionPeriod::Personal)
        );
    }

    #[test]
    fn personal_data_is_kept_730_days_and_due_on_the_731st() {
        let s = RetentionSettings::default();
        let ended = date(2026, 12, 3);
        assert!(!s.is_due(RetentionPeriod::Personal, ended, date(2028, 12, 2)));
        assert_eq!(date(2028, 12, 2) - ended, Duration::days(730));
        assert!(!s.is_due(RetentionPeriod::Personal, ended, ended));
        assert!(s.is_due(RetentionPeriod::Personal, ended, date(2028, 12, 3)));
        assert_eq!(
            s.cutoff(RetentionPeriod::Personal, date(2028, 12, 3)),
            ended
        );
        assert_eq!(
            s.cutoff(RetentionPeriod::Personal, date(2028, 12, 2)),
            date(2026, 12, 2)
        );
    }

    #[test]
    fn payments_are_kept_seven_years_to_the_day() {
        let s = RetentionSettings::default();
        let paid = date(2026, 12, 3);
        assert_eq!(
            s.kept_until(RetentionPeriod::Payment, paid),
            date(2033, 12, 3)
        );
        assert!(!s.is_due(RetentionPeriod::Payment, paid, date(2033, 12, 3)));
        assert!(s.is_due(RetentionPeriod::Payment, paid, date(2033, 12, 4)));
    }

    #[test]
    fn a_payment_on_29_february_is_kept_until_1_march_in_a_common_year() {
        let s = RetentionSettings::default();
        let paid = date(2024, 2, 29);
        assert_eq!(
            s.kept_until(RetentionPeriod::Payment, paid),
            date(2031, 3, 1)
        );
        assert!(!s.is_due(RetentionPeriod::Payment, paid, date(2031, 3, 1)));
        assert!(s.is_due(RetentionPeriod::Payment, paid, date(2031, 3, 2)));
        // Into a leap year it keeps its day.
        let eight = RetentionSettings::new(730, 8).unwrap();
        assert_eq!(
            eight.kept_until(RetentionPeriod::Payment, paid),
            date(2032, 2, 29)
        );
        // 730 days across a 29 February are still 730 days.
        assert!(!s.is_due(
            RetentionPeriod::Personal,
            date(2027, 3, 1),
            date(2029, 2, 28)
        ));
        assert!(s.is_due(
            RetentionPeriod::Personal,
            date(2027, 3, 1),
            date(2029, 3, 1)
        ));
    }

    #[test]
    fn the_cutoff_splits_due_from_kept_on_every_day() {
        for settings in [
            RetentionSettings::default(),
            RetentionSettings::new(31, 8).unwrap(),
        ] {
            let mut today = date(2030, 1, 1);
            while today < date(2033, 1, 10) {
                for period in [RetentionPeriod::Personal, RetentionPeriod::Payment] {
                    let cutoff = settings.cutoff(period, today);
                    assert!(settings.is_due(period, cutoff, today), "{today} {period:?}");
                    assert!(
                        !settings.is_due(period, cutoff + Duration::days(1), today),
                        "{today} {period:?}"
                    );
                }
                today += Duration::days(1);
            }
        }
    }

    #[test]
    fn dates_at_the_ends_of_the_calendar_do_not_panic() {
        let s = RetentionSettings::default();
        for period in [RetentionPeriod::Personal, RetentionPeriod::Payment] {
            assert!(!s.is_due(period, NaiveDate::MAX, NaiveDate::MAX));
            assert!(s.is_due(period, NaiveDate::MIN, date(2028, 1, 1)));
            let _ = s.cutoff(period, NaiveDate::MIN);
            let _ = s.cutoff(period, NaiveDate::MAX);
        }
    }

    #[test]
    fn the_cutoff_instant_is_the_next_amsterdam_midnight() {
        let s = RetentionSettings::default();
        let at = s.cutoff_instant(RetentionPeriod::Personal, date(2028, 12, 3));
        // 4 December 2026, 00:00 in Amsterdam (winter time) is 23:00 UTC the day before.
        assert_eq!(at.to_rfc3339(), "2026-12-03T23:00:00+00:00");
    }

    #[test]
    fn nobody_with_a_live_match_or_an_open_line_is_due() {
        let s = RetentionSettings::default();
        let today = date(2029, 1, 1);
        let ended = PersonFacts {
            placed: true,
            ended_on: Some(date(2026, 12, 3)),
            live_match: false,
            open_allowance_line: false,
        };
        assert!(ended.is_due(&s, today));
        assert_eq!(ended.category(), RetentionCategory::Ambassador);
        assert!(
            !PersonFacts {
                live_match: true,
                ..ended
            }
            .is_due(&s, today)
        );
        assert!(
            !PersonFacts {
                open_allowance_line: true,
                ..ended
            }
            .is_due(&s, today)
        );
        assert!(
            !PersonFacts {
                ended_on: None,
                ..ended
            }
            .is_due(&s, today)
        );
        let applicant = PersonFacts {
            placed: false,
            ..ended
        };
        assert_eq!(applicant.category(), RetentionCategory::Applicant);
    }

    #[test]
    fn settings_are_checked() {
        assert_eq!(
            RetentionSettings::parse(None, None).unwrap(),
            RetentionSettings::default()
        );
        assert_eq!(
            RetentionSettings::parse(Some(" 365 "), Some("10"))
                .unwrap()
                .personal_days(),
            365
        );
        for bad in ["0", "-1", "twee jaar", "3651", "29"] {
            assert!(matches!(
                RetentionSettings::parse(Some(bad), None),
                Err(RetentionError::PersonalDays(_))
            ));
        }
        for bad in ["6", "zeven", "31"] {
            let err = RetentionSettings::parse(None, Some(bad)).unwrap_err();
            assert!(err.to_string().contains("fiscal duty"), "{err}");
        }
    }

    #[test]
    fn counts_keep_the_schedule_order_with_zeros() {
        let mut counts = SweepCounts::default();
        assert!(counts.is_empty());
        counts.add(RetentionCategory::OutgoingMessage, 3);
        counts.add(RetentionCategory::Ambassador, 1);
        counts.add(RetentionCategory::Ambassador, 1);
        assert_eq!(counts.get(RetentionCategory::Ambassador), 2);
        let all = counts.all();
        assert_eq!(all.len(), SCHEDULE.len());
        assert_eq!(all[1].0.category, RetentionCategory::Ambassador);
        assert!(!counts.is_empty());
    }
}

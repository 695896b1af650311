//! Training, intervision and the scholingstraject: courses with sessions that ambassadors enrol
//! in, a waiting list per session, attendance, and when a course counts as completed.
//!
//! A session holds `capacity` places. A place is held by an enrolment that is `enrolled`, or
//! `offered` (someone from the waiting list was offered a freed place and has until
//! `offered_until` to take it). Everyone else who enrols waits, in the order they enrolled.
//! When a held place frees up (a cancellation, or an offer that lapsed), the first on the
//! waiting list is offered it.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};

use crate::{Weekday, text_enum};

text_enum! {
    /// What kind of course.
    pub enum CourseKind ("course kind") {
        /// The preparatory training (e.g. five Thursday afternoons).
        Training = "training",
        /// An intervision group, led by a professional intervision teacher.
        Intervision = "intervision",
        /// A scholingstraject for vakprofessionals, usually with an intake first.
        Scholingstraject = "scholingstraject",
    }
}

text_enum! {
    /// Where one person's enrolment in one session stands.
    pub enum EnrolmentStatus ("enrolment status") {
        /// Has a place.
        Enrolled = "enrolled",
        /// On the waiting list.
        Waiting = "waiting",
        /// Offered a freed place; takes it by accepting before `offered_until`.
        Offered = "offered",
        /// Cancelled by the person or by staff.
        Cancelled = "cancelled",
        /// Was offered a place and let the time pass; the place went to the next.
        Lapsed = "lapsed",
    }
}

text_enum! {
    /// Whether someone came to a session.
    pub enum Attendance ("attendance") {
        /// Was there.
        Present = "present",
        /// Was not there, and said so beforehand.
        AbsentNotified = "absent_notified",
        /// Was not there without notice.
        AbsentUnnotified = "absent_unnotified",
    }
}

impl EnrolmentStatus {
    /// Whether this enrolment holds one of the session's places.
    pub fn holds_place(self) -> bool {
        matches!(self, EnrolmentStatus::Enrolled | EnrolmentStatus::Offered)
    }

    /// Whether this enrolment is still live: holding a place or waiting for one.
    pub fn is_live(self) -> bool {
        self.holds_place() || self == EnrolmentStatus::Waiting
    }
}

/// How long someone has to take an offered place when the course does not say.
pub const DEFAULT_OFFER_HOURS: u32 = 48;
/// The longest a course may give someone to take an offered place: two weeks.
pub const MAX_OFFER_HOURS: u32 = 14 * 24;

/// When a session takes place, in Europe/Amsterdam local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionTime {
    /// The day.
    pub date: NaiveDate,
    /// The start.
    pub starts_at: NaiveTime,
    /// The end, after the start on the same day.
    pub ends_at: NaiveTime,
}

impl SessionTime {
    /// Whether the two share any minute. Touching ends (one ends at 15:00, the other starts at
    /// 15:00) do not overlap.
    pub fn overlaps(&self, other: &SessionTime) -> bool {
        self.date == other.date && self.starts_at < other.ends_at && other.starts_at < self.ends_at
    }

    /// The weekday of the session.
    pub fn weekday(&self) -> Option<Weekday> {
        match self.date.weekday() {
            chrono::Weekday::Mon => Some(Weekday::Monday),
            chrono::Weekday::Tue => Some(Weekday::Tuesday),
            chrono::Weekday::Wed => Some(Weekday::Wednesday),
            chrono::Weekday::Thu => Some(Weekday::Thursday),
            chrono::Weekday::Fri => Some(Weekday::Friday),
            chrono::Weekday::Sat | chrono::Weekday::Sun => None,
        }
    }
}

/// Another session the person is already in (or waiting for), for the overlap check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookedSession {
    /// The course's title.
    pub title: String,
    /// When.
    pub time: SessionTime,
}

/// What an enrolment is checked against.
#[derive(Debug, Clone)]
pub struct EnrolmentCheck<'a> {
    /// The session asked for.
    pub session: SessionTime,
    /// Today in Amsterdam.
    pub today: NaiveDate,
    /// The course requires an intake first, recorded by programme staff as an admission.
    pub requires_intake: bool,
    /// Programme staff admitted the person to the course after an intake.
    pub admitted: bool,
    /// The course is open only to those working at a school at least one day a week.
    pub requires_placement: bool,
    /// The weekdays of the person's confirmed or active placements; empty when not placed.
    pub school_days: &'a [Weekday],
    /// The person said they will come even though the session falls on their school day.
    pub on_school_day: bool,
    /// The person already has a live enrolment in this session.
    pub already_enrolled: bool,
    /// The person's other live enrolments, in any course.
    pub booked: &'a [BookedSession],
}

/// Why an enrolment is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrolmentRefusal {
    /// The session has begun or is over.
    #[error("this session has already taken place")]
    SessionPast,
    /// Already enrolled or waiting in this session.
    #[error("already enrolled in this session (or on its waiting list)")]
    AlreadyEnrolled,
    /// The course needs an intake first.
    #[error("this course starts with an intake: programme staff admit you after it")]
    IntakeRequired,
    /// The course is for those placed at a school.
    #[error("this course is for ambassadors who work at a school at least one day a week")]
    PlacementRequired,
    /// Overlaps a session the person is already in.
    #[error("overlaps '{title}' on {date} from {starts_at} to {ends_at}, which you are already in")]
    Overlap {
        /// The other course's title.
        title: String,
        /// Its day.
        date: NaiveDate,
        /// Its start.
        starts_at: NaiveTime,
        /// Its end.
        ends_at: NaiveTime,
    },
    /// Falls on the person's school day, and they did not say they would come anyway.
    #[error(
        "this session falls on your school day ({weekday}); say that you will come anyway (on_school_day) to enrol"
    )]
    SchoolDay {
        /// The school day.
        weekday: Weekday,
    },
}

/// Checks whether someone may enrol in a session. Passing says nothing about a place: see
/// [`status_on_enrolment`].
pub fn check_enrolment(check: &EnrolmentCheck<'_>) -> Result<(), EnrolmentRefusal> {
    if check.session.date <= check.today {
        return Err(EnrolmentRefusal::SessionPast);
    }
    if check.already_enrolled {
        return Err(EnrolmentRefusal::AlreadyEnrolled);
    }
    if check.requires_intake && !check.admitted {
        return Err(EnrolmentRefusal::IntakeRequired);
    }
    if check.requires_placement && check.school_days.is_empty() {
        return Err(EnrolmentRefusal::PlacementRequired);
    }
    if let Some(other) = check
        .booked
        .iter()
        .find(|b| b.time.overlaps(&check.session))
    {
        return Err(EnrolmentRefusal::Overlap {
            title: other.title.clone(),
            date: other.time.date,
            starts_at: other.time.starts_at,
            ends_at: other.time.ends_at,
        });
    }
    if let Some(weekday) = check.session.weekday()
        && check.school_days.contains(&weekday)
        && !check.on_school_day
    {
        return Err(EnrolmentRefusal::SchoolDay { weekday });
    }
    Ok(())
}

/// A new enrolment's status: a place while fewer than `capacity` are held, else the waiting
/// list. Someone who enrols while others wait for a freed place also waits behind them.
pub fn status_on_enrolment(capacity: u32, held: u32, waiting: u32) -> EnrolmentStatus {
    if held < capacity && waiting == 0 {
        EnrolmentStatus::Enrolled
    } else {
        EnrolmentStatus::Waiting
    }
}

/// Until when someone offered a place at `now` may take it.
pub fn offer_deadline(now: DateTime<Utc>, offer_hours: u32) -> DateTime<Utc> {
    now + Duration::hours(i64::from(offer_hours))
}

/// Whether an offer made until `offered_until` has lapsed at `now`. The deadline itself is
/// still in time.
pub fn offer_lapsed(offered_until: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now > offered_until
}

/// Whether a course whose rule is "at least `min_attended` sessions" is completed by someone
/// present at `attended` of them.
pub fn completed(min_attended: u32, attended: u32) -> bool {
    attended >= min_attended
}

/// Why attendance cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttendanceRefusal {
    /// Before the session's day.
    #[error("attendance is recorded from the session's day on, not before")]
    NotYet,
    /// The person had no place in the session.
    #[error("only someone with a place in the session can be present or absent; this one is {0}")]
    NoPlace(EnrolmentStatus),
}

/// Checks whether attendance can be recorded for an enrolment with `status` in a session on
/// `date`, `today`.
pub fn check_attendance(
    status: EnrolmentStatus,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(), AttendanceRefusal> {
    if date > today {
        return Err(AttendanceRefusal::NotYet);
    }
    if status != EnrolmentStatus::Enrolled {
        return Err(AttendanceRefusal::NoPlace(status));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str, from: &str, to: &str) -> SessionTime {
        SessionTime {
            date: date.parse().unwrap(),
            starts_at: from.parse().unwrap(),
            ends_at: to.parse().unwrap(),
        }
    }

    fn check<'a>(
        session: SessionTime,
        school_days: &'a [Weekday],
        booked: &'a [BookedSession],
    ) -> EnrolmentCheck<'a> {
        EnrolmentCheck {
            session,
            today: "2026-12-03".parse().unwrap(),
            requires_intake: false,
            admitted: false,
            requires_placement: false,
            school_days,
            on_school_day: false,
            already_enrolled: false,
            booked,
        }
    }

    #[test]
    fn sessions_overlap_when_they_share_a_minute() {
        let a = at("2027-01-14", "12:00:00", "15:00:00");
        assert!(a.overlaps(&at("2027-01-14", "14:59:00", "16:00:00")));
        assert!(a.overlaps(&at("2027-01-14", "11:00:00", "12:01:00")));
        assert!(a.overlaps(&at("2027-01-14", "13:00:00", "14:00:00")));
        assert!(!a.overlaps(&at("2027-01-14", "15:00:00", "16:00:00")));
        assert!(!a.overlaps(&at("2027-01-14", "11:00:00", "12:00:00")));
        assert!(!a.overlaps(&at("2027-01-15", "12:00:00", "15:00:00")));
    }

    #[test]
    fn the_last_place_is_taken_then_people_wait() {
        assert_eq!(status_on_enrolment(2, 0, 0), EnrolmentStatus::Enrolled);
        assert_eq!(status_on_enrolment(2, 1, 0), EnrolmentStatus::Enrolled);
        assert_eq!(status_on_enrolment(2, 2, 0), EnrolmentStatus::Waiting);
        assert_eq!(status_on_enrolment(2, 3, 0), EnrolmentStatus::Waiting);
    }

    #[test]
    fn nobody_jumps_the_waiting_list() {
        // A place is free while an offer is out? Offers hold places, so a free place with
        // people waiting means the offer round has not run yet: the newcomer waits behind.
        assert_eq!(status_on_enrolment(2, 1, 1), EnrolmentStatus::Waiting);
    }

    #[test]
    fn an_offer_lapses_after_its_deadline_not_at_it() {
        let now: DateTime<Utc> = "2026-12-03T09:00:00Z".parse().unwrap();
        let until = offer_deadline(now, 48);
        assert_eq!(
            until,
            "2026-12-05T09:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        assert!(!offer_lapsed(until, until));
        assert!(offer_lapsed(until, until + Duration::seconds(1)));
    }

    #[test]
    fn four_of_five_completes_three_does_not() {
        assert!(!completed(4, 3));
        assert!(completed(4, 4));
        assert!(completed(4, 5));
    }

    #[test]
    fn places_are_held_by_enrolled_and_offered_only() {
        use EnrolmentStatus as S;
        let holding: Vec<_> = [S::Enrolled, S::Waiting, S::Offered, S::Cancelled, S::Lapsed]
            .into_iter()
            .filter(|s| s.holds_place())
            .collect();
        assert_eq!(holding, [S::Enrolled, S::Offered]);
        assert!(S::Waiting.is_live());
        assert!(!S::Lapsed.is_live());
    }

    #[test]
    fn an_overlapping_session_is_refused_with_what_it_overlaps() {
        let booked = [BookedSession {
            title: "Intervisie".into(),
            time: at("2027-01-14", "13:00:00", "16:00:00"),
        }];
        let refused = check_enrolment(&check(
            at("2027-01-14", "12:00:00", "15:00:00"),
            &[],
            &booked,
        ));
        assert!(
            matches!(refused, Err(EnrolmentRefusal::Overlap { ref title, .. }) if title == "Intervisie")
        );
        let after = check(at("2027-01-14", "16:00:00", "17:00:00"), &[], &booked);
        assert_eq!(check_enrolment(&after), Ok(()));
    }

    #[test]
    fn the_school_day_needs_a_yes() {
        // 2027-01-14 is a Thursday.
        let days = [Weekday::Thursday];
        let mut on_thursday = check(at("2027-01-14", "12:00:00", "15:00:00"), &days, &[]);
        assert_eq!(
            check_enrolment(&on_thursday),
            Err(EnrolmentRefusal::SchoolDay {
                weekday: Weekday::Thursday
            })
        );
        on_thursday.on_school_day = true;
        assert_eq!(check_enrolment(&on_thursday), Ok(()));
        let on_friday = check(at("2027-01-15", "12:00:00", "15:00:00"), &days, &[]);
        assert_eq!(check_enrolment(&on_friday), Ok(()));
    }

    #[test]
    fn intake_and_placement_conditions() {
        let days = [Weekday::Monday];
        let mut c = check(at("2027-01-14", "12:00:00", "15:00:00"), &[], &[]);
        c.requires_intake = true;
        assert_eq!(check_enrolment(&c), Err(EnrolmentRefusal::IntakeRequired));
        c.admitted = true;
        assert_eq!(check_enrolment(&c), Ok(()));
        c.requires_placement = true;
        assert_eq!(
            check_enrolment(&c),
            Err(EnrolmentRefusal::PlacementRequired)
        );
        c.school_days = &days;
        assert_eq!(check_enrolment(&c), Ok(()));
    }

    #[test]
    fn past_sessions_and_repeats_are_refused() {
        let today = check(at("2026-12-03", "12:00:00", "15:00:00"), &[], &[]);
        assert_eq!(check_enrolment(&today), Err(EnrolmentRefusal::SessionPast));
        let mut again = check(at("2026-12-04", "12:00:00", "15:00:00"), &[], &[]);
        assert_eq!(check_enrolment(&again), Ok(()));
        again.already_enrolled = true;
        assert_eq!(
            check_enrolment(&again),
            Err(EnrolmentRefusal::AlreadyEnrolled)
        );
    }

    #[test]
    fn attendance_from_the_day_on_and_only_with_a_place() {
        let day: NaiveDate = "2027-01-14".parse().unwrap();
        let before: NaiveDate = "2027-01-13".parse().unwrap();
        assert_eq!(
            check_attendance(EnrolmentStatus::Enrolled, day, before),
            Err(AttendanceRefusal::NotYet)
        );
        assert_eq!(
            check_attendance(EnrolmentStatus::Enrolled, day, day),
            Ok(())
        );
        assert_eq!(
            check_attendance(EnrolmentStatus::Waiting, day, day),
            Err(AttendanceRefusal::NoPlace(EnrolmentStatus::Waiting))
        );
    }
}

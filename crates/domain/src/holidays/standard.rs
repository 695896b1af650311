//! The national table of school holidays, autumn 2025 to summer 2027.

use chrono::NaiveDate;

use super::Holiday;
use crate::Region;

/// First and last day as (year, month, day) twice.
type Span = (i32, u32, u32, i32, u32, u32);

/// The national table: (name, binding, [noord, midden, zuid]).
#[rustfmt::skip]
const TABLE: [(&str, bool, [Span; 3]); 10] = [
    ("herfstvakantie 2025", false, [(2025, 10, 18, 2025, 10, 26), (2025, 10, 18, 2025, 10, 26), (2025, 10, 11, 2025, 10, 19)]),
    ("kerstvakantie 2025", false, [(2025, 12, 20, 2026, 1, 4); 3]),
    ("voorjaarsvakantie 2026", false, [(2026, 2, 21, 2026, 3, 1), (2026, 2, 14, 2026, 2, 22), (2026, 2, 14, 2026, 2, 22)]),
    ("meivakantie 2026", false, [(2026, 4, 25, 2026, 5, 3); 3]),
    ("zomervakantie 2026", true, [(2026, 7, 4, 2026, 8, 16), (2026, 7, 18, 2026, 8, 30), (2026, 7, 11, 2026, 8, 23)]),
    ("herfstvakantie 2026", false, [(2026, 10, 10, 2026, 10, 18), (2026, 10, 17, 2026, 10, 25), (2026, 10, 17, 2026, 10, 25)]),
    ("kerstvakantie 2026", false, [(2026, 12, 19, 2027, 1, 3); 3]),
    ("voorjaarsvakantie 2027", false, [(2027, 2, 20, 2027, 2, 28), (2027, 2, 20, 2027, 2, 28), (2027, 2, 13, 2027, 2, 21)]),
    ("meivakantie 2027", false, [(2027, 4, 24, 2027, 5, 2); 3]),
    ("zomervakantie 2027", true, [(2027, 7, 10, 2027, 8, 22), (2027, 7, 17, 2027, 8, 29), (2027, 7, 24, 2027, 9, 5)]),
];

/// The school holidays from the autumn of 2025 to the summer of 2027, for every region.
pub fn standard_holidays() -> Vec<Holiday> {
    let regions = [Region::Noord, Region::Midden, Region::Zuid];
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
    TABLE
        .iter()
        .flat_map(|&(name, binding, spans)| {
            regions
                .into_iter()
                .zip(spans)
                .map(move |(region, (y1, m1, d1, y2, m2, d2))| Holiday {
                    region,
                    name: name.to_string(),
                    first_day: day(y1, m1, d1),
                    last_day: day(y2, m2, d2),
                    binding,
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn every_standard_holiday_runs_from_a_saturday_to_a_sunday() {
        let holidays = standard_holidays();
        assert_eq!(holidays.len(), 30);
        for h in &holidays {
            assert_eq!(
                h.first_day.weekday(),
                chrono::Weekday::Sat,
                "{} {}",
                h.name,
                h.region
            );
            assert_eq!(
                h.last_day.weekday(),
                chrono::Weekday::Sun,
                "{} {}",
                h.name,
                h.region
            );
        }
    }

    #[test]
    fn only_the_summer_holidays_are_binding() {
        let binding: Vec<_> = standard_holidays()
            .into_iter()
            .filter(|h| h.binding)
            .map(|h| h.name)
            .collect();
        assert_eq!(binding.len(), 6);
        assert!(binding.iter().all(|name| name.starts_with("zomervakantie")));
    }
}

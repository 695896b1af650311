//! Slowing down password guessing. Failures are counted in the database, so every instance
//! behind a load balancer sees the same counts.

use chrono::{DateTime, Duration, Utc};
use store::FailureCount;

/// How far back failures count.
pub const WINDOW_MINUTES: i64 = 15;
/// Failures for one account before it is locked for the rest of the window.
pub const MAX_PER_ACCOUNT: i64 = 5;
/// Failures from one network address (across accounts) before it is locked.
pub const MAX_PER_ADDRESS: i64 = 20;

/// The start of the window that ends at `now`.
pub fn window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::minutes(WINDOW_MINUTES)
}

/// `Some(seconds to wait)` when either count is at its limit.
pub fn retry_after(
    now: DateTime<Utc>,
    by_account: FailureCount,
    by_address: FailureCount,
) -> Option<u64> {
    let blocked = [(by_account, MAX_PER_ACCOUNT), (by_address, MAX_PER_ADDRESS)]
        .into_iter()
        .filter(|(count, max)| count.count >= *max)
        .filter_map(|(count, _)| count.oldest)
        .map(|oldest| {
            (oldest + Duration::minutes(WINDOW_MINUTES) - now)
                .num_seconds()
                .max(1)
        })
        .max()?;
    u64::try_from(blocked).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(count: i64, oldest: Option<DateTime<Utc>>) -> FailureCount {
        FailureCount { count, oldest }
    }

    #[test]
    fn below_the_limits_nothing_is_blocked() {
        let now = Utc::now();
        assert_eq!(
            retry_after(now, count(4, Some(now)), count(19, Some(now))),
            None
        );
    }

    #[test]
    fn at_the_account_limit_the_wait_lasts_until_the_oldest_failure_leaves_the_window() {
        let now = Utc::now();
        let oldest = now - Duration::minutes(5);
        assert_eq!(
            retry_after(now, count(5, Some(oldest)), count(5, Some(oldest))),
            Some(600)
        );
    }

    #[test]
    fn the_address_limit_blocks_too() {
        let now = Utc::now();
        assert!(retry_after(now, count(0, None), count(20, Some(now))).is_some());
    }
}

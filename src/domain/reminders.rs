//! When mail is due: retry backoff for the worker, and reminder instants for the
//! planner, as pure functions.

use chrono::Duration;

/// How many times the worker tries one mail before it is marked dead.
pub const MAX_ATTEMPTS: i32 = 8;

/// The first retry waits this long; each further one doubles it, up to `MAX_DELAY`.
const BASE_DELAY: Duration = Duration::minutes(1);
const MAX_DELAY: Duration = Duration::hours(6);

/// The wait before the next try after `attempts` failed ones, or `None` when the mail
/// has had its last try. `jitter_seed` (the mail's id) spreads retries of mails that
/// failed together by up to ±25 %, the same way every time for the same mail and try.
pub fn retry_delay(attempts: i32, max_attempts: i32, jitter_seed: i64) -> Option<Duration> {
    if attempts >= max_attempts {
        return None;
    }
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(0);
    let base = BASE_DELAY
        .checked_mul(1_i32.checked_shl(doublings).unwrap_or(i32::MAX))
        .unwrap_or(MAX_DELAY)
        .min(MAX_DELAY);
    // A cheap integer hash of (seed, attempt): uniform enough for spreading retries.
    let mixed = (jitter_seed as u64 ^ (attempts as u64).rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let permille = i64::try_from((mixed >> 33) % 501).unwrap_or(0) - 250;
    Some(base + Duration::milliseconds(base.num_milliseconds() * permille / 1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_exponentially_with_bounded_jitter_then_stop() {
        for seed in [1, 2, 77, 123_456_789] {
            let mut previous_base = Duration::zero();
            for attempt in 1..MAX_ATTEMPTS {
                let delay = retry_delay(attempt, MAX_ATTEMPTS, seed).unwrap();
                let base = (BASE_DELAY * 2_i32.pow(u32::try_from(attempt - 1).unwrap())).min(MAX_DELAY);
                assert!(
                    delay >= base * 3 / 4 && delay <= base * 5 / 4,
                    "attempt {attempt}: {delay}"
                );
                assert!(base >= previous_base);
                previous_base = base;
            }
            assert_eq!(retry_delay(MAX_ATTEMPTS, MAX_ATTEMPTS, seed), None);
        }
    }

    #[test]
    fn jitter_differs_between_mails() {
        let delays: std::collections::HashSet<_> = (0..20).map(|seed| retry_delay(3, MAX_ATTEMPTS, seed)).collect();
        assert!(delays.len() > 10);
    }

    #[test]
    fn the_longest_wait_is_capped() {
        assert!(retry_delay(40, 50, 9).unwrap() <= MAX_DELAY * 5 / 4);
    }
}

//! When mail is due: retry backoff for the worker, and reminder instants for the
//! planner, as pure functions.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

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

/// The instant of `time` on `date` in `tz`. A wall-clock time that a DST change skips
/// is taken just after the gap (09:00 when the clocks jump from 08:30); one that it
/// repeats is its first occurrence.
pub fn local_instant(date: NaiveDate, time: NaiveTime, tz: Tz) -> DateTime<Utc> {
    let mut local = date.and_time(time);
    // Gaps are at most a few hours; step forward a quarter hour at a time across one.
    for _ in 0..16 {
        match tz.from_local_datetime(&local) {
            LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => return at.with_timezone(&Utc),
            LocalResult::None => local += Duration::minutes(15),
        }
    }
    Utc.from_utc_datetime(&date.and_time(time))
}

/// When a reminder `days` before a meeting starting at `starts_at` goes out: at `time`
/// on the calendar day `days` before the meeting's day, both in the group's `tz`.
pub fn days_before(starts_at: DateTime<Utc>, tz: Tz, days: i32, time: NaiveTime) -> DateTime<Utc> {
    let meeting_day = starts_at.with_timezone(&tz).date_naive();
    local_instant(meeting_day - Duration::days(days.into()), time, tz)
}

/// When the daily digest goes out, in the reader's own time zone.
pub const DIGEST_TIME: NaiveTime = NaiveTime::from_hms_opt(8, 0, 0).expect("08:00 is a time");

/// How many reminders an action point gets at most.
pub const MAX_DUE_REMINDERS: usize = 4;

/// The days an open action point due on `due` is reminded of: `lead_days` before, on
/// the day, then weekly while overdue, four at most.
pub fn due_reminder_days(due: NaiveDate, lead_days: i32) -> Vec<NaiveDate> {
    let mut days = Vec::with_capacity(MAX_DUE_REMINDERS);
    if lead_days > 0 {
        days.push(due - Duration::days(lead_days.into()));
    }
    let mut day = due;
    while days.len() < MAX_DUE_REMINDERS {
        days.push(day);
        day += Duration::weeks(1);
    }
    days
}

/// The reminder of an action point due on `due` that is current at `now` (sent at
/// `time` in `tz` on its day), if any: the latest one that has come, as long as the
/// next has not; a reminder missed for a week is skipped, not sent late.
pub fn current_due_reminder(
    due: NaiveDate,
    lead_days: i32,
    now: DateTime<Utc>,
    tz: Tz,
    time: NaiveTime,
) -> Option<NaiveDate> {
    let days = due_reminder_days(due, lead_days);
    let reached = days.iter().rposition(|day| local_instant(*day, time, tz) <= now)?;
    let stale_from = days
        .get(reached + 1)
        .copied()
        .unwrap_or(days[reached] + Duration::weeks(1));
    (local_instant(stale_from, time, tz) > now).then_some(days[reached])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beirut() -> Tz {
        "Asia/Beirut".parse().unwrap()
    }

    fn nine() -> NaiveTime {
        NaiveTime::from_hms_opt(9, 0, 0).unwrap()
    }

    fn at_beirut(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        beirut()
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_wednesday_meeting_is_reminded_on_monday_at_nine_local_time() {
        // Winter (UTC+2) and summer (UTC+3).
        let winter = days_before(at_beirut(2030, 1, 16, 14, 0), beirut(), 2, nine());
        assert_eq!(winter, Utc.with_ymd_and_hms(2030, 1, 14, 7, 0, 0).unwrap());
        let summer = days_before(at_beirut(2030, 7, 17, 14, 0), beirut(), 2, nine());
        assert_eq!(summer, Utc.with_ymd_and_hms(2030, 7, 15, 6, 0, 0).unwrap());
    }

    #[test]
    fn reminders_across_a_dst_change_keep_the_local_hour() {
        // Beirut moves to summer time on the last Sunday of March (31 March 2030) and
        // back on the last Sunday of October (27 October 2030).
        let spring = days_before(at_beirut(2030, 4, 1, 14, 0), beirut(), 2, nine());
        assert_eq!(spring, at_beirut(2030, 3, 30, 9, 0));
        assert_eq!(spring, Utc.with_ymd_and_hms(2030, 3, 30, 7, 0, 0).unwrap());
        let autumn = days_before(at_beirut(2030, 10, 29, 14, 0), beirut(), 2, nine());
        assert_eq!(autumn, Utc.with_ymd_and_hms(2030, 10, 27, 7, 0, 0).unwrap());
        let over_spring = days_before(at_beirut(2030, 4, 2, 14, 0), beirut(), 3, nine());
        assert_eq!(over_spring, Utc.with_ymd_and_hms(2030, 3, 30, 7, 0, 0).unwrap());
    }

    #[test]
    fn a_skipped_local_time_moves_past_the_gap_and_a_repeated_one_takes_the_first() {
        // Beirut skips 00:00-01:00 on 31 March 2030 and repeats 23:00-24:00 on 26 October.
        let day = NaiveDate::from_ymd_opt(2030, 3, 31).unwrap();
        let skipped = local_instant(day, NaiveTime::from_hms_opt(0, 30, 0).unwrap(), beirut());
        assert_eq!(skipped, at_beirut(2030, 3, 31, 1, 0));
        let day = NaiveDate::from_ymd_opt(2030, 10, 26).unwrap();
        let repeated = local_instant(day, NaiveTime::from_hms_opt(23, 30, 0).unwrap(), beirut());
        assert_eq!(repeated, Utc.with_ymd_and_hms(2030, 10, 26, 20, 30, 0).unwrap());
    }

    #[test]
    fn action_points_are_reminded_before_on_the_day_and_weekly_four_times_at_most() {
        let due = NaiveDate::from_ymd_opt(2030, 5, 10).unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            due_reminder_days(due, 3),
            [d("2030-05-07"), d("2030-05-10"), d("2030-05-17"), d("2030-05-24")]
        );
        assert_eq!(
            due_reminder_days(due, 0),
            [d("2030-05-10"), d("2030-05-17"), d("2030-05-24"), d("2030-05-31")]
        );
        let current = |now| current_due_reminder(due, 3, now, beirut(), nine());
        assert_eq!(current(at_beirut(2030, 5, 7, 8, 59)), None);
        assert_eq!(current(at_beirut(2030, 5, 7, 9, 0)), Some(d("2030-05-07")));
        assert_eq!(current(at_beirut(2030, 5, 9, 23, 0)), Some(d("2030-05-07")));
        assert_eq!(current(at_beirut(2030, 5, 10, 9, 0)), Some(d("2030-05-10")));
        assert_eq!(current(at_beirut(2030, 5, 25, 9, 0)), Some(d("2030-05-24")));
        assert_eq!(current(at_beirut(2030, 5, 31, 9, 0)), None, "four at most");
    }

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

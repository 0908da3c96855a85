//! When and where a meeting is: local wall-clock times in the group's zone turned
//! into instants, the checks on times and links, and which changes clients and
//! members must hear about.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::validate::Checked;

/// The instant `date` at `time` names in `tz`.
///
/// The rule for the two odd cases of a daylight-saving change, the one calendar
/// applications follow: a time that does not exist (skipped when clocks go forward)
/// moves forward by the length of the gap, so 00:30 on a night that jumps from 00:00
/// to 01:00 becomes 01:30; a time that happens twice (when clocks go back) is the
/// first of the two, in summer time.
pub fn resolve_local(tz: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = date.and_time(time);
    match tz.from_local_datetime(&local) {
        LocalResult::Single(at) => at.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => after_gap(tz, local),
    }
}

/// The instant a skipped wall-clock time lands on once the clocks have jumped: the
/// offset before the gap applied to the time as typed.
fn after_gap(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    // Gaps last at most a few hours; the offset in force just before is the one to use.
    let before = (1..=24)
        .map(|hours| local - Duration::hours(hours))
        .find_map(|earlier| tz.from_local_datetime(&earlier).earliest())
        .map(|at| at.offset().fix());
    match before {
        Some(offset) => (local - Duration::seconds(offset.local_minus_utc().into())).and_utc(),
        None => local.and_utc(),
    }
}

/// A time of day typed as `14:00` (the HTML time input's format).
pub fn time_of_day(value: &str) -> Checked<NaiveTime> {
    NaiveTime::parse_from_str(value.trim(), "%H:%M").map_err(|_| "schedule-invalid-time")
}

/// A required date typed as `2014-06-11`.
pub fn date(value: &str) -> Checked<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| "invalid-date")
}

pub const MIN_DURATION_MINUTES: i32 = 5;
pub const MAX_DURATION_MINUTES: i32 = 24 * 60;

/// Minutes from `start` to `end` on the same day; the end must come after the start.
pub fn duration_until(start: NaiveTime, end: NaiveTime) -> Checked<i32> {
    let minutes = (end - start).num_minutes();
    if minutes <= 0 {
        Err("schedule-invalid-end-before-start")
    } else {
        duration(i32::try_from(minutes).unwrap_or(i32::MAX))
    }
}

/// A meeting's length: from 5 minutes to a day.
pub fn duration(minutes: i32) -> Checked<i32> {
    if (MIN_DURATION_MINUTES..=MAX_DURATION_MINUTES).contains(&minutes) {
        Ok(minutes)
    } else {
        Err("schedule-invalid-duration")
    }
}

/// An online meeting link: an absolute http or https address, or empty for none.
/// Anything else (`javascript:`, `file:`, a bare host) is refused, since the link is
/// shown to every member and put into calendars.
pub fn online_link(value: &str) -> Checked<Option<String>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    match url::Url::parse(value) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() && value.len() <= 2000 => {
            Ok(Some(value.to_owned()))
        }
        _ => Err("schedule-invalid-online-link"),
    }
}

/// What members' calendars hold of a meeting: its time and its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement<'a> {
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub location: Option<&'a str>,
    pub online_url: Option<&'a str>,
}

/// Whether changing `before` into `after` is news for those who have the meeting in
/// their calendar: only once it is published, and only a change of time or place
/// (a new title or chair is not). Such a change bumps the iCalendar SEQUENCE and is
/// what the reminder engine mails as "rescheduled".
pub fn changes_time_or_place(published: bool, before: &Placement<'_>, after: &Placement<'_>) -> bool {
    published
        && (before.starts_at != after.starts_at
            || before.duration_minutes != after.duration_minutes
            || blank(before.location) != blank(after.location)
            || blank(before.online_url) != blank(after.online_url))
}

/// Text that is only spaces counts as none.
fn blank(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beirut(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        resolve_local(
            chrono_tz::Asia::Beirut,
            NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            NaiveTime::from_hms_opt(h, min, 0).unwrap(),
        )
    }

    #[test]
    fn local_times_become_utc_on_either_side_of_a_change() {
        // Beirut is UTC+2 in winter and UTC+3 from the last Sunday of March (29 March 2026).
        assert_eq!(beirut(2026, 3, 18, 14, 0).to_rfc3339(), "2026-03-18T12:00:00+00:00");
        assert_eq!(beirut(2026, 4, 1, 14, 0).to_rfc3339(), "2026-04-01T11:00:00+00:00");
    }

    #[test]
    fn skipped_times_move_forward_and_repeated_ones_take_the_first() {
        // 29 March 2026 00:00 -> 01:00 in Beirut: 00:30 does not exist and becomes 01:30 (22:30 UTC).
        assert_eq!(beirut(2026, 3, 29, 0, 30).to_rfc3339(), "2026-03-28T22:30:00+00:00");
        // 25 October 2026 00:00 -> 23:00 the day before: 23:30 on the 24th happens twice.
        assert_eq!(beirut(2026, 10, 24, 23, 30).to_rfc3339(), "2026-10-24T20:30:00+00:00");
    }

    #[test]
    fn times_durations_and_links() {
        assert_eq!(time_of_day("14:00"), Ok(NaiveTime::from_hms_opt(14, 0, 0).unwrap()));
        assert_eq!(time_of_day("2pm"), Err("schedule-invalid-time"));
        assert_eq!(date("2014-02-30"), Err("invalid-date"));
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(duration_until(t(14, 0), t(16, 0)), Ok(120));
        assert_eq!(
            duration_until(t(14, 0), t(13, 0)),
            Err("schedule-invalid-end-before-start")
        );
        assert_eq!(
            duration_until(t(14, 0), t(14, 0)),
            Err("schedule-invalid-end-before-start")
        );
        assert_eq!(duration_until(t(14, 0), t(14, 3)), Err("schedule-invalid-duration"));
        assert_eq!(duration(1441), Err("schedule-invalid-duration"));
        assert_eq!(online_link(" "), Ok(None));
        assert_eq!(
            online_link("https://meet.example.org/cpie"),
            Ok(Some("https://meet.example.org/cpie".into()))
        );
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "file:///etc/passwd",
            "meet.example.org",
            "ftp://x.org",
        ] {
            assert_eq!(online_link(bad), Err("schedule-invalid-online-link"), "{bad}");
        }
    }

    #[test]
    fn only_published_changes_of_time_or_place_are_news() {
        let at = beirut(2026, 4, 1, 14, 0);
        let before = Placement {
            starts_at: at,
            duration_minutes: 120,
            location: Some("UNHCR Lea"),
            online_url: None,
        };
        assert!(!changes_time_or_place(true, &before, &before.clone()));
        let later = Placement {
            starts_at: at + Duration::hours(1),
            ..before.clone()
        };
        assert!(changes_time_or_place(true, &before, &later));
        assert!(!changes_time_or_place(false, &before, &later));
        let longer = Placement {
            duration_minutes: 150,
            ..before.clone()
        };
        assert!(changes_time_or_place(true, &before, &longer));
        let moved = Placement {
            location: Some("UNICEF"),
            ..before.clone()
        };
        assert!(changes_time_or_place(true, &before, &moved));
        let online = Placement {
            online_url: Some("https://meet.example.org/x"),
            ..before.clone()
        };
        assert!(changes_time_or_place(true, &before, &online));
        let spaced = Placement {
            location: Some("UNHCR Lea"),
            online_url: Some(" "),
            ..before.clone()
        };
        assert!(!changes_time_or_place(true, &before, &spaced));
    }
}

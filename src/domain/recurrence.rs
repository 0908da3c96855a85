//! The dates of a recurring series of meetings, counted in the group's calendar (so
//! that a meeting at 14:00 stays at 14:00 local time across daylight-saving changes:
//! the time is applied to each date afterwards, see `schedule::resolve_local`).

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use super::validate::Checked;

/// How a series repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// Every `n` weeks on the first date's weekday.
    Weeks(u32),
    /// Monthly on the first date's weekday and its place in the month ("second
    /// Wednesday"); a first date in a month's last seven days means "last Wednesday".
    MonthlyByWeekday,
}

/// Where a series stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The last date a meeting may fall on.
    Until(NaiveDate),
    Count(u32),
}

/// Series reach at most about two years ahead of their first date.
pub const MAX_SPAN_DAYS: i64 = 731;
pub const MAX_MEETINGS: u32 = 104;
pub const MAX_WEEKS_APART: u32 = 12;

/// Which of a month's weekdays a date is: the nth (1 to 4), or the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nth {
    Week(u32),
    Last,
}

/// The place of `date` among its month's days of the same weekday.
pub fn nth_of_month(date: NaiveDate) -> Nth {
    let n = (date.day() - 1) / 7 + 1;
    let in_last_week = (date + Duration::days(7)).month() != date.month();
    if n >= 4 && in_last_week {
        Nth::Last
    } else {
        Nth::Week(n)
    }
}

/// The `nth` `weekday` of the month of `first_of_month`.
fn weekday_in_month(first_of_month: NaiveDate, weekday: Weekday, nth: Nth) -> Option<NaiveDate> {
    match nth {
        Nth::Week(n) => {
            NaiveDate::from_weekday_of_month_opt(first_of_month.year(), first_of_month.month(), weekday, n as u8)
        }
        Nth::Last => {
            let next_month = first_of_month.checked_add_months(Months::new(1))?;
            let last_day = next_month.pred_opt()?;
            let back = (last_day.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
            Some(last_day - Duration::days(back.into()))
        }
    }
}

/// The dates of the series, first date included, in order; refused (with a message
/// id) when it would repeat too sparsely, end before it starts, or reach further than
/// two years or 104 meetings.
pub fn dates(first: NaiveDate, repeat: Repeat, end: End) -> Checked<Vec<NaiveDate>> {
    if let Repeat::Weeks(n) = repeat
        && !(1..=MAX_WEEKS_APART).contains(&n)
    {
        return Err("series-invalid-interval");
    }
    let horizon = first + Duration::days(MAX_SPAN_DAYS);
    let (last, count) = match end {
        End::Until(until) if until < first => return Err("series-invalid-until-before-first"),
        End::Until(until) if until > horizon => return Err("series-invalid-too-long"),
        // One more than allowed, to tell a series that is too long from one that fits.
        End::Until(until) => (until, MAX_MEETINGS + 1),
        End::Count(count) if !(1..=MAX_MEETINGS).contains(&count) => return Err("series-invalid-count"),
        End::Count(count) => (horizon, count),
    };
    let nth = nth_of_month(first);
    let first_of_month = first.with_day(1).ok_or("invalid-date")?;
    let mut out = Vec::new();
    for index in 0.. {
        let date = match repeat {
            Repeat::Weeks(n) => Some(first + Duration::weeks(i64::from(n) * index)),
            Repeat::MonthlyByWeekday => first_of_month
                .checked_add_months(Months::new(u32::try_from(index).unwrap_or(u32::MAX)))
                .and_then(|month| weekday_in_month(month, first.weekday(), nth)),
        };
        let Some(date) = date.filter(|d| *d <= last) else { break };
        out.push(date);
        if out.len() as u32 >= count {
            break;
        }
    }
    if out.len() as u32 > MAX_MEETINGS {
        return Err("series-invalid-too-long");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_second_week_until_a_date() {
        let got = dates(d(2026, 3, 11), Repeat::Weeks(2), End::Until(d(2026, 4, 22))).unwrap();
        assert_eq!(got, vec![d(2026, 3, 11), d(2026, 3, 25), d(2026, 4, 8), d(2026, 4, 22)]);
    }

    #[test]
    fn monthly_on_the_second_wednesday_for_a_count() {
        // 11 March 2026 is the second Wednesday of March.
        let got = dates(d(2026, 3, 11), Repeat::MonthlyByWeekday, End::Count(4)).unwrap();
        assert_eq!(got, vec![d(2026, 3, 11), d(2026, 4, 8), d(2026, 5, 13), d(2026, 6, 10)]);
    }

    #[test]
    fn monthly_on_the_last_weekday() {
        // 28 January 2026 is the last Wednesday of January (and the fourth).
        assert_eq!(nth_of_month(d(2026, 1, 28)), Nth::Last);
        assert_eq!(nth_of_month(d(2026, 1, 21)), Nth::Week(3));
        let got = dates(d(2026, 1, 28), Repeat::MonthlyByWeekday, End::Count(3)).unwrap();
        // April has five Wednesdays: the last is the 29th.
        assert_eq!(got, vec![d(2026, 1, 28), d(2026, 2, 25), d(2026, 3, 25)]);
        let april = dates(d(2026, 1, 28), Repeat::MonthlyByWeekday, End::Until(d(2026, 4, 30))).unwrap();
        assert_eq!(april.last(), Some(&d(2026, 4, 29)));
    }

    #[test]
    fn limits() {
        let first = d(2026, 3, 11);
        assert_eq!(
            dates(first, Repeat::Weeks(0), End::Count(3)),
            Err("series-invalid-interval")
        );
        assert_eq!(
            dates(first, Repeat::Weeks(1), End::Count(105)),
            Err("series-invalid-count")
        );
        assert_eq!(
            dates(first, Repeat::Weeks(1), End::Until(d(2026, 3, 1))),
            Err("series-invalid-until-before-first")
        );
        assert_eq!(
            dates(first, Repeat::Weeks(1), End::Until(d(2029, 1, 1))),
            Err("series-invalid-too-long")
        );
        // 104 weekly meetings fit; two full years of them do not.
        let weekly = dates(first, Repeat::Weeks(1), End::Until(d(2028, 3, 1))).unwrap();
        assert_eq!(weekly.len(), 104);
        assert_eq!(
            dates(first, Repeat::Weeks(1), End::Until(d(2028, 3, 10))),
            Err("series-invalid-too-long")
        );
        assert_eq!(dates(first, Repeat::Weeks(1), End::Count(1)).unwrap(), vec![first]);
    }
}

//! Which workplan tasks a meeting's workplan item goes through.

use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;

use super::TaskStatus;

/// Without a meeting before, "since the last meeting" means the four weeks before
/// this one, a working group's usual rhythm.
const FIRST_MEETING_LOOKBACK_DAYS: u64 = 28;

/// The days a meeting looks back over, as the group's calendar has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgendaWindow {
    /// Tasks ending after this day (the last meeting's) are new to the group.
    pub since: NaiveDate,
    /// The meeting's own day.
    pub meeting: NaiveDate,
}

impl AgendaWindow {
    /// The window between the previous meeting (if any) and this one, both read as
    /// days in the group's time zone.
    pub fn new(meeting_start: DateTime<Utc>, previous_start: Option<DateTime<Utc>>, tz: Tz) -> Self {
        let meeting = meeting_start.with_timezone(&tz).date_naive();
        let since = match previous_start {
            Some(previous) => previous.with_timezone(&tz).date_naive(),
            None => meeting - Days::new(FIRST_MEETING_LOOKBACK_DAYS),
        };
        AgendaWindow { since, meeting }
    }
}

/// Why a task is on the meeting's workplan item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaReason {
    /// Its end date fell after the last meeting and up to this one.
    Ended,
    /// It should have ended before this meeting and is neither completed nor cancelled.
    Overdue,
}

impl AgendaReason {
    pub fn as_str(self) -> &'static str {
        match self {
            AgendaReason::Ended => "ended",
            AgendaReason::Overdue => "overdue",
        }
    }
}

/// Whether, and why, a task with this end date and status comes up at the meeting.
/// A task ending on the last meeting's day was that meeting's business; one ending on
/// this meeting's day is this one's. Overdue wins over ended: it needs a decision.
pub fn agenda_reason(end_date: Option<NaiveDate>, status: TaskStatus, window: AgendaWindow) -> Option<AgendaReason> {
    let end = end_date?;
    let open = !matches!(status, TaskStatus::Completed | TaskStatus::Cancelled);
    if open && end < window.meeting {
        Some(AgendaReason::Overdue)
    } else if end > window.since && end <= window.meeting {
        Some(AgendaReason::Ended)
    } else {
        None
    }
}

/// Whether an agenda item's title is the workplan's: it mentions "workplan" in any case.
pub fn is_workplan_item(title: &str) -> bool {
    title.to_lowercase().contains("workplan")
}

/// The part of an area's matching tasks a page shows: from the `skip`th (from 0), at
/// most `take` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    pub area_id: i64,
    pub skip: i64,
    pub take: i64,
}

impl Slice {
    /// All the area's matching tasks.
    pub fn whole(area_id: i64) -> Slice {
        Slice {
            area_id,
            skip: 0,
            take: i64::MAX,
        }
    }
}

/// How many pages of `per_page` tasks `total` tasks fill; at least one.
pub fn page_count(total: i64, per_page: i64) -> i64 {
    ((total + per_page - 1) / per_page).max(1)
}

/// The slices page `page` (from 1) of `per_page` tasks shows, given how many tasks of
/// each area match, the areas in the workplan's order: one task after the other, area
/// by area, so a page may end inside an area and the next go on from there.
pub fn page_slices(counts: &[(i64, i64)], page: i64, per_page: i64) -> Vec<Slice> {
    let first = (page.max(1) - 1) * per_page;
    let end = first + per_page;
    let mut start = 0;
    let mut slices = Vec::new();
    for &(area_id, count) in counts {
        let (from, to) = (first.max(start), end.min(start + count));
        if from < to {
            slices.push(Slice {
                area_id,
                skip: from - start,
                take: to - from,
            });
        }
        start += count;
        if start >= end {
            break;
        }
    }
    slices
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const JUNE: AgendaWindow = AgendaWindow {
        since: NaiveDate::from_ymd_opt(2014, 5, 14).unwrap(),
        meeting: NaiveDate::from_ymd_opt(2014, 6, 11).unwrap(),
    };

    #[test]
    fn tasks_ending_since_the_last_meeting_come_up_whatever_their_status() {
        for status in TaskStatus::ALL {
            assert_eq!(
                agenda_reason(Some(day(2014, 6, 11)), *status, JUNE),
                Some(AgendaReason::Ended)
            );
            assert_eq!(
                agenda_reason(Some(day(2014, 5, 14)), *status, JUNE).map(|r| r.as_str()),
                (!matches!(status, TaskStatus::Completed | TaskStatus::Cancelled)).then_some("overdue")
            );
        }
        assert_eq!(
            agenda_reason(Some(day(2014, 5, 31)), TaskStatus::Completed, JUNE),
            Some(AgendaReason::Ended)
        );
        assert_eq!(
            agenda_reason(Some(day(2014, 5, 15)), TaskStatus::Cancelled, JUNE),
            Some(AgendaReason::Ended)
        );
    }

    #[test]
    fn open_tasks_past_their_end_are_overdue_and_finished_old_ones_are_not_shown() {
        assert_eq!(
            agenda_reason(Some(day(2014, 1, 31)), TaskStatus::Delayed, JUNE),
            Some(AgendaReason::Overdue)
        );
        assert_eq!(
            agenda_reason(Some(day(2014, 6, 10)), TaskStatus::OnTrack, JUNE),
            Some(AgendaReason::Overdue)
        );
        assert_eq!(agenda_reason(Some(day(2014, 1, 31)), TaskStatus::Completed, JUNE), None);
        assert_eq!(agenda_reason(Some(day(2014, 1, 31)), TaskStatus::Cancelled, JUNE), None);
        assert_eq!(
            agenda_reason(Some(day(2014, 6, 12)), TaskStatus::NotStarted, JUNE),
            None
        );
        assert_eq!(agenda_reason(None, TaskStatus::Delayed, JUNE), None);
    }

    #[test]
    fn the_window_is_read_in_the_group_time_zone() {
        let beirut: Tz = "Asia/Beirut".parse().unwrap();
        // 22:30 UTC on 10 June is 01:30 on 11 June in Beirut (UTC+3 in summer).
        let meeting = Utc.with_ymd_and_hms(2014, 6, 10, 22, 30, 0).unwrap();
        let previous = Utc.with_ymd_and_hms(2014, 5, 13, 21, 30, 0).unwrap();
        assert_eq!(AgendaWindow::new(meeting, Some(previous), beirut), JUNE);
        assert_eq!(
            AgendaWindow::new(meeting, Some(previous), chrono_tz::UTC),
            AgendaWindow {
                since: day(2014, 5, 13),
                meeting: day(2014, 6, 10)
            }
        );
        // A task ending on 11 June is this meeting's in Beirut, and not yet due in UTC.
        let utc = AgendaWindow::new(meeting, Some(previous), chrono_tz::UTC);
        assert_eq!(agenda_reason(Some(day(2014, 6, 11)), TaskStatus::OnTrack, utc), None);
    }

    #[test]
    fn a_first_meeting_looks_back_four_weeks() {
        let meeting = Utc.with_ymd_and_hms(2014, 6, 11, 11, 0, 0).unwrap();
        let window = AgendaWindow::new(meeting, None, chrono_tz::UTC);
        assert_eq!(window.since, day(2014, 5, 14));
    }

    #[test]
    fn the_workplan_item_is_found_by_its_title_in_any_case() {
        assert!(is_workplan_item("Workplan"));
        assert!(is_workplan_item("3. Review of the WORKPLAN 2014"));
        assert!(!is_workplan_item("Work plan"));
        assert!(!is_workplan_item("AOB"));
    }

    #[test]
    fn a_page_takes_its_tasks_area_by_area_and_may_end_inside_one() {
        let counts = [(10, 150), (11, 30), (12, 0), (13, 45)];
        let slice = |area_id, skip, take| Slice { area_id, skip, take };
        assert_eq!(page_slices(&counts, 1, 100), vec![slice(10, 0, 100)]);
        assert_eq!(
            page_slices(&counts, 2, 100),
            vec![slice(10, 100, 50), slice(11, 0, 30), slice(13, 0, 20)]
        );
        assert_eq!(page_slices(&counts, 3, 100), vec![slice(13, 20, 25)]);
        assert_eq!(page_slices(&counts, 4, 100), vec![]);
        assert_eq!(page_slices(&[], 1, 100), vec![]);
        assert_eq!(page_count(225, 100), 3);
        assert_eq!(page_count(200, 100), 2);
        assert_eq!(page_count(0, 100), 1);
    }
}

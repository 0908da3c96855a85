//! The review of action points that opens every meeting: which items it lists,
//! how they are grouped, and the status each one had at the time.

use chrono::{DateTime, Utc};

use super::ActionStatus;

/// An action point as the review needs it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: i64,
    pub number: i32,
    pub topic: String,
    pub created_at: DateTime<Utc>,
}

/// One entry of an item's status history.
#[derive(Debug, Clone)]
pub struct StatusEvent {
    pub action_point_id: i64,
    pub at: DateTime<Utc>,
    pub status: ActionStatus,
    pub note: String,
    pub by: Option<String>,
}

/// Which moments the review is about.
#[derive(Debug, Clone, Copy)]
pub struct ReviewWindow {
    /// The reviewing meeting's start: only items raised before it are reviewed.
    pub meeting_start: DateTime<Utc>,
    /// The previous meeting's start: items already closed then are not reviewed again.
    pub previous_start: Option<DateTime<Utc>>,
    /// The status is shown as it stood at this instant (the close of a past meeting, or now).
    pub as_of: DateTime<Utc>,
}

/// An item still open after this many meetings is marked as stuck: "under way"
/// means nothing after three meetings.
pub const STUCK_AFTER_MEETINGS: usize = 3;

/// A reviewed item with its status as it stood.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub candidate: &'a Candidate,
    pub status: ActionStatus,
    pub note: &'a str,
    pub noted_by: Option<&'a str>,
    pub noted_at: Option<DateTime<Utc>>,
    /// How many meetings of the group have reviewed the item before this one.
    pub meetings_open: usize,
}

impl Row<'_> {
    pub fn is_stuck(&self) -> bool {
        !self.status.is_closed() && self.meetings_open >= STUCK_AFTER_MEETINGS
    }
}

#[derive(Debug)]
pub struct TopicGroup<'a> {
    pub topic: &'a str,
    pub rows: Vec<Row<'a>>,
}

/// The latest event for `id` at or before `at`, if any.
fn latest(events: &[StatusEvent], id: i64, at: DateTime<Utc>) -> Option<&StatusEvent> {
    events
        .iter()
        .filter(|e| e.action_point_id == id && e.at <= at)
        .max_by_key(|e| e.at)
}

/// Every item raised before the meeting that was still open at the previous meeting
/// (so including those closed since), grouped by topic in the order topics were first
/// raised, items in the order they were raised.
/// `meeting_starts` are the starts of the group's meetings (not cancelled), to count
/// how many meetings each item has stayed open through.
pub fn review<'a>(
    candidates: &'a [Candidate],
    events: &'a [StatusEvent],
    meeting_starts: &[DateTime<Utc>],
    window: ReviewWindow,
) -> Vec<TopicGroup<'a>> {
    let mut raised: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.created_at < window.meeting_start)
        .filter(|c| {
            let closed_before = window
                .previous_start
                .and_then(|start| latest(events, c.id, start))
                .is_some_and(|e| e.status.is_closed());
            !closed_before
        })
        .collect();
    raised.sort_by_key(|c| (c.created_at, c.number));

    let mut groups: Vec<TopicGroup<'a>> = Vec::new();
    for candidate in raised {
        let event = latest(events, candidate.id, window.as_of);
        let row = Row {
            candidate,
            status: event.map_or(ActionStatus::Open, |e| e.status),
            note: event.map_or("", |e| e.note.as_str()),
            noted_by: event.and_then(|e| e.by.as_deref()),
            noted_at: event.map(|e| e.at),
            // Meetings after the one that raised it and before this one.
            meetings_open: meeting_starts
                .iter()
                .filter(|start| **start > candidate.created_at && **start < window.meeting_start)
                .count(),
        };
        match groups.iter_mut().find(|g| g.topic == candidate.topic) {
            Some(group) => group.rows.push(row),
            None => groups.push(TopicGroup {
                topic: &candidate.topic,
                rows: vec![row],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2014, 6, day, hour, 0, 0).unwrap()
    }

    fn candidate(id: i64, topic: &str, created: DateTime<Utc>) -> Candidate {
        Candidate {
            id,
            number: id as i32,
            topic: topic.into(),
            created_at: created,
        }
    }

    fn event(id: i64, when: DateTime<Utc>, status: ActionStatus, note: &str) -> StatusEvent {
        StatusEvent {
            action_point_id: id,
            at: when,
            status,
            note: note.into(),
            by: Some("Coordinator".into()),
        }
    }

    #[test]
    fn groups_by_topic_in_raised_order_with_the_note_as_it_stood() {
        let candidates = vec![
            candidate(1, "Updates", at(1, 11)),
            candidate(2, "Activity Info", at(1, 12)),
            candidate(3, "Updates", at(1, 13)),
            // Raised after the reviewing meeting started: not reviewed.
            candidate(4, "Updates", at(11, 12)),
        ];
        let events = vec![
            event(1, at(5, 9), ActionStatus::InProgress, "Under way"),
            event(1, at(11, 12), ActionStatus::Done, "Shared with coordinators"),
            // After the cut-off: not shown.
            event(1, at(20, 9), ActionStatus::Dropped, "later"),
        ];
        let window = ReviewWindow {
            meeting_start: at(11, 11),
            previous_start: Some(at(1, 10)),
            as_of: at(11, 14),
        };
        let groups = review(&candidates, &events, &[], window);
        let shape: Vec<(&str, Vec<i64>)> = groups
            .iter()
            .map(|g| (g.topic, g.rows.iter().map(|r| r.candidate.id).collect()))
            .collect();
        assert_eq!(shape, vec![("Updates", vec![1, 3]), ("Activity Info", vec![2])]);
        let first = &groups[0].rows[0];
        assert_eq!(first.status, ActionStatus::Done);
        assert_eq!(first.note, "Shared with coordinators");
        assert_eq!(groups[0].rows[1].status, ActionStatus::Open);
    }

    #[test]
    fn items_open_through_three_meetings_are_marked_stuck() {
        let candidates = vec![candidate(1, "Updates", at(1, 11)), candidate(2, "Updates", at(1, 11))];
        let events = vec![event(2, at(2, 9), ActionStatus::Done, "Completed")];
        let starts = [at(1, 10), at(5, 10), at(8, 10), at(10, 10), at(20, 10)];
        let window = ReviewWindow {
            meeting_start: at(20, 10),
            previous_start: Some(at(10, 10)),
            as_of: at(20, 10),
        };
        let groups = review(&candidates, &events, &starts, window);
        let rows = &groups[0].rows;
        assert_eq!(
            rows[0].meetings_open, 3,
            "the meetings of the 5th, 8th and 10th, not the one that raised it"
        );
        assert!(rows[0].is_stuck());
        // Closed items are not stuck, however long they took.
        let everything = ReviewWindow {
            previous_start: None,
            ..window
        };
        let all = review(&candidates, &events, &starts, everything);
        let done = all[0].rows.iter().find(|r| r.candidate.id == 2).unwrap();
        assert_eq!(done.meetings_open, 3);
        assert!(!done.is_stuck());
    }

    #[test]
    fn items_closed_before_the_previous_meeting_are_not_reviewed_again() {
        let candidates = vec![
            candidate(1, "Core Group", at(1, 11)),
            candidate(2, "Core Group", at(1, 11)),
        ];
        let events = vec![
            event(1, at(2, 9), ActionStatus::Done, "Completed"),
            event(2, at(12, 9), ActionStatus::Done, "Completed since"),
        ];
        let window = ReviewWindow {
            meeting_start: at(20, 11),
            previous_start: Some(at(11, 11)),
            as_of: at(20, 11),
        };
        let groups = review(&candidates, &events, &[], window);
        assert_eq!(groups.len(), 1);
        let ids: Vec<i64> = groups[0].rows.iter().map(|r| r.candidate.id).collect();
        assert_eq!(ids, vec![2], "closed since the previous meeting is still shown once");
    }
}

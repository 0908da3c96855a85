//! The review of action points that opens every meeting: which items it lists,
//! how they are grouped, and the status each one had at the time.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::sql_types::{BigInt, Integer, Nullable, Text, Timestamptz};

use super::ActionStatus;

/// An item the review lists, with its status and note as they stood: computed by the
/// database from the item's history (see `models::reviews`), or stored with a closed
/// meeting.
#[derive(Debug, Clone, diesel::QueryableByName)]
pub struct Row {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Integer)]
    pub number: i32,
    #[diesel(sql_type = Text)]
    pub topic: String,
    #[diesel(sql_type = Text)]
    pub status: ActionStatus,
    #[diesel(sql_type = Text)]
    pub note: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub noted_by: Option<String>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub noted_at: Option<DateTime<Utc>>,
    /// How many meetings of the group have reviewed the item before this one.
    #[diesel(sql_type = Integer)]
    pub meetings_open: i32,
}

/// An item still open after this many meetings is marked as stuck: "under way"
/// means nothing after three meetings.
pub const STUCK_AFTER_MEETINGS: i32 = 3;

impl Row {
    pub fn is_stuck(&self) -> bool {
        !self.status.is_closed() && self.meetings_open >= STUCK_AFTER_MEETINGS
    }
}

#[derive(Debug)]
pub struct TopicGroup<'a> {
    pub topic: &'a str,
    pub rows: Vec<&'a Row>,
}

/// The rows, listed in the order the items were raised, grouped by topic in the order
/// topics were first raised.
pub fn by_topic(rows: &[Row]) -> Vec<TopicGroup<'_>> {
    let mut groups: Vec<TopicGroup<'_>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for row in rows {
        let at = *index.entry(row.topic.as_str()).or_insert_with(|| {
            groups.push(TopicGroup {
                topic: &row.topic,
                rows: Vec::new(),
            });
            groups.len() - 1
        });
        groups[at].rows.push(row);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, topic: &str, status: ActionStatus, meetings_open: i32) -> Row {
        Row {
            id,
            number: id as i32,
            topic: topic.into(),
            status,
            note: String::new(),
            noted_by: None,
            noted_at: None,
            meetings_open,
        }
    }

    #[test]
    fn groups_by_topic_in_the_order_topics_were_first_raised() {
        let rows = [
            row(1, "Updates", ActionStatus::Done, 0),
            row(2, "Activity Info", ActionStatus::Open, 0),
            row(3, "Updates", ActionStatus::Open, 0),
        ];
        let shape: Vec<(&str, Vec<i64>)> = by_topic(&rows)
            .iter()
            .map(|g| (g.topic, g.rows.iter().map(|r| r.id).collect()))
            .collect();
        assert_eq!(shape, vec![("Updates", vec![1, 3]), ("Activity Info", vec![2])]);
    }

    #[test]
    fn items_open_through_three_meetings_are_stuck_unless_closed() {
        assert!(row(1, "Updates", ActionStatus::InProgress, 3).is_stuck());
        assert!(!row(1, "Updates", ActionStatus::InProgress, 2).is_stuck());
        assert!(!row(1, "Updates", ActionStatus::Done, 3).is_stuck());
    }
}

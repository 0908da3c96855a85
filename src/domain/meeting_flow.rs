//! The life of a meeting: draft, then scheduled (published), in progress, closed; or
//! cancelled before it starts. A closed meeting is only changed again after an
//! explicit re-open.

use super::MeetingStatus;

text_enum!(
    /// A step from one status to another, as buttons and the API name them.
    Transition { Publish = "publish", Start = "start", Close = "close", Cancel = "cancel", Reopen = "reopen" }
);

impl Transition {
    /// The status the meeting is in after this step.
    pub fn target(self) -> MeetingStatus {
        match self {
            Transition::Publish => MeetingStatus::Scheduled,
            Transition::Start | Transition::Reopen => MeetingStatus::InProgress,
            Transition::Close => MeetingStatus::Closed,
            Transition::Cancel => MeetingStatus::Cancelled,
        }
    }

    /// Whether the step may be taken from `from`.
    pub fn allowed_from(self, from: MeetingStatus) -> bool {
        use MeetingStatus::*;
        matches!(
            (self, from),
            (Transition::Publish, Draft)
                | (Transition::Start, Scheduled)
                | (Transition::Close, InProgress)
                | (Transition::Cancel, Draft | Scheduled)
                | (Transition::Reopen, Closed)
        )
    }
}

/// The step that takes a meeting from `from` to `to`, if there is one.
pub fn step(from: MeetingStatus, to: MeetingStatus) -> Option<Transition> {
    Transition::ALL
        .iter()
        .copied()
        .find(|t| t.target() == to && t.allowed_from(from))
}

/// The steps offered to someone who runs meetings, in the order buttons show them.
pub fn available(from: MeetingStatus) -> Vec<Transition> {
    Transition::ALL
        .iter()
        .copied()
        .filter(|t| t.allowed_from(from))
        .collect()
}

/// Whether the agenda, notes and attendance may still change: not once the meeting
/// is closed (until re-opened) or cancelled.
pub fn is_editable(status: MeetingStatus) -> bool {
    matches!(
        status,
        MeetingStatus::Draft | MeetingStatus::Scheduled | MeetingStatus::InProgress
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use MeetingStatus::*;

    #[test]
    fn the_usual_path_and_its_only_way_back() {
        assert_eq!(step(Draft, Scheduled), Some(Transition::Publish));
        assert_eq!(step(Scheduled, InProgress), Some(Transition::Start));
        assert_eq!(step(InProgress, Closed), Some(Transition::Close));
        assert_eq!(step(Closed, InProgress), Some(Transition::Reopen));
    }

    #[test]
    fn refuses_skips_repeats_and_late_cancellations() {
        assert_eq!(step(Closed, Closed), None, "closing twice");
        assert_eq!(step(Draft, InProgress), None, "starting unpublished");
        assert_eq!(step(Draft, Closed), None);
        assert_eq!(step(InProgress, Cancelled), None, "cancelling a meeting under way");
        assert_eq!(step(Closed, Cancelled), None);
        assert_eq!(step(Cancelled, Scheduled), None);
        assert_eq!(step(Scheduled, Draft), None);
    }

    #[test]
    fn cancelling_before_the_start() {
        assert_eq!(step(Draft, Cancelled), Some(Transition::Cancel));
        assert_eq!(step(Scheduled, Cancelled), Some(Transition::Cancel));
        assert_eq!(available(Scheduled), vec![Transition::Start, Transition::Cancel]);
        assert!(available(Cancelled).is_empty());
    }

    #[test]
    fn only_open_meetings_are_editable() {
        assert!(is_editable(Draft) && is_editable(Scheduled) && is_editable(InProgress));
        assert!(!is_editable(Closed) && !is_editable(Cancelled));
    }
}

//! Who may post a reporting group's update under an agenda item: those who run the
//! meeting, and those who run the group the item reports from (its coordinators and
//! co-chairs, or the leads of a group above it), even when they have no say in the
//! meeting's own group.

use super::policy::{Action, Standing, allows};

/// What someone may do with an item's update page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateAccess {
    /// May write the update.
    Write,
    /// Sees the meeting or the reporting group, but may not write: 403.
    Forbidden,
    /// Sees neither: the page does not exist for them (404).
    Hidden,
}

/// `in_meeting_group` is the person's standing in the meeting's group,
/// `in_reporting_group` their standing in the item's reporting group (none when the
/// item reports from no group), and `draft` whether the meeting is unpublished
/// (a draft is seen only by those who run the meeting).
pub fn update_access(in_meeting_group: Standing, in_reporting_group: Option<Standing>, draft: bool) -> UpdateAccess {
    if allows(in_meeting_group, Action::RunMeetings) {
        return UpdateAccess::Write;
    }
    if draft {
        return UpdateAccess::Hidden;
    }
    if in_reporting_group.is_some_and(|s| allows(s, Action::RunMeetings)) {
        return UpdateAccess::Write;
    }
    let sees = allows(in_meeting_group, Action::View) || in_reporting_group.is_some_and(|s| allows(s, Action::View));
    if sees {
        UpdateAccess::Forbidden
    } else {
        UpdateAccess::Hidden
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Standing::*;
    use UpdateAccess::*;

    #[test]
    fn those_who_run_the_meeting_always_write() {
        for reporting in [None, Some(Stranger), Some(Member), Some(Lead)] {
            assert_eq!(update_access(Lead, reporting, false), Write);
            assert_eq!(update_access(Admin, reporting, true), Write);
        }
    }

    #[test]
    fn the_reporting_groups_leads_write_without_standing_in_the_meeting_group() {
        assert_eq!(update_access(Stranger, Some(Lead), false), Write);
        assert_eq!(update_access(Member, Some(Lead), false), Write);
        assert_eq!(update_access(Observer, Some(Lead), false), Write);
    }

    #[test]
    fn members_and_others_who_see_are_forbidden() {
        // A plain member of the sub-group.
        assert_eq!(update_access(Stranger, Some(Member), false), Forbidden);
        assert_eq!(update_access(Member, Some(Member), false), Forbidden);
        // An IM officer of the sub-group does not run it.
        assert_eq!(update_access(Member, Some(ImOfficer), false), Forbidden);
        // A lead of another sub-group who is a member of the working group.
        assert_eq!(update_access(Member, Some(Stranger), false), Forbidden);
        assert_eq!(update_access(Observer, Some(Observer), false), Forbidden);
    }

    #[test]
    fn without_a_reporting_group_only_those_who_run_the_meeting_write() {
        assert_eq!(update_access(Lead, None, false), Write);
        assert_eq!(update_access(ImOfficer, None, false), Forbidden);
        assert_eq!(update_access(Member, None, false), Forbidden);
        assert_eq!(update_access(Stranger, None, false), Hidden);
    }

    #[test]
    fn strangers_and_drafts_are_hidden() {
        assert_eq!(update_access(Stranger, Some(Stranger), false), Hidden);
        assert_eq!(update_access(Stranger, Some(Lead), true), Hidden);
        assert_eq!(update_access(Member, Some(Lead), true), Hidden);
    }
}

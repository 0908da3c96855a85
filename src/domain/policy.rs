//! Who may do what in a group: one place that decides, for HTML and API alike.

use super::Role;

/// How much someone may do in one group, from their strongest active role there or
/// in a group above it. Ordered: each level may do everything the ones below may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Not a member here or above: the group is not even visible.
    Stranger,
    /// Sees everything, changes nothing ("all can view, NO editing").
    Observer,
    /// Updates the action points they own.
    Member,
    /// Keeps the workplan and the directory.
    ImOfficer,
    /// Coordinator or co-chair of the group or of a group above it: runs everything.
    Lead,
    /// A site administrator.
    Admin,
}

/// Something a person may try to do in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    View,
    UpdateOwnActionPoint,
    EditWorkplan,
    KeepDirectory,
    RunMeetings,
    ManageGroup,
}

impl Action {
    fn needs(self) -> Standing {
        match self {
            Action::View => Standing::Observer,
            Action::UpdateOwnActionPoint => Standing::Member,
            Action::EditWorkplan | Action::KeepDirectory => Standing::ImOfficer,
            Action::RunMeetings | Action::ManageGroup => Standing::Lead,
        }
    }
}

/// The standing of someone with `roles` (active memberships as group and role) in the
/// group whose chain (the group first, then its parent, up to the top) is `chain`.
pub fn standing(is_admin: bool, roles: &[(i64, Role)], chain: &[i64]) -> Standing {
    if is_admin {
        return Standing::Admin;
    }
    let Some((&group, ancestors)) = chain.split_first() else {
        return Standing::Stranger;
    };
    roles
        .iter()
        .map(|&(g, role)| {
            let leads = matches!(role, Role::Coordinator | Role::CoChair);
            if g == group {
                match role {
                    Role::Coordinator | Role::CoChair => Standing::Lead,
                    Role::ImOfficer => Standing::ImOfficer,
                    Role::Member => Standing::Member,
                    Role::Observer => Standing::Observer,
                }
            } else if ancestors.contains(&g) {
                // Leads of a group lead everything below it; others may look.
                if leads { Standing::Lead } else { Standing::Observer }
            } else {
                Standing::Stranger
            }
        })
        .max()
        .unwrap_or(Standing::Stranger)
}

pub fn allows(standing: Standing, action: Action) -> bool {
    standing >= action.needs()
}

/// The groups of `tree` (every group with its parent) in which someone with `roles`
/// may do `action`: for lists that span groups, such as the directory of everyone
/// a person can see.
pub fn groups_allowing(is_admin: bool, roles: &[(i64, Role)], tree: &[(i64, Option<i64>)], action: Action) -> Vec<i64> {
    let parents: std::collections::HashMap<i64, Option<i64>> = tree.iter().copied().collect();
    tree.iter()
        .filter_map(|&(id, _)| {
            let mut chain = vec![id];
            let mut next = parents.get(&id).copied().flatten();
            while let Some(parent) = next.filter(|p| !chain.contains(p)) {
                chain.push(parent);
                next = parents.get(&parent).copied().flatten();
            }
            allows(standing(is_admin, roles, &chain), action).then_some(id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const WG: i64 = 1;
    const SUB: i64 = 2;
    const OTHER: i64 = 3;

    #[test]
    fn roles_in_the_group_itself() {
        let chain = [WG];
        assert_eq!(standing(false, &[(WG, Role::Coordinator)], &chain), Standing::Lead);
        assert_eq!(standing(false, &[(WG, Role::CoChair)], &chain), Standing::Lead);
        assert_eq!(standing(false, &[(WG, Role::ImOfficer)], &chain), Standing::ImOfficer);
        assert_eq!(standing(false, &[(WG, Role::Member)], &chain), Standing::Member);
        assert_eq!(standing(false, &[(WG, Role::Observer)], &chain), Standing::Observer);
        assert_eq!(
            standing(false, &[(OTHER, Role::Coordinator)], &chain),
            Standing::Stranger
        );
        assert_eq!(standing(false, &[], &chain), Standing::Stranger);
        assert_eq!(standing(true, &[], &chain), Standing::Admin);
    }

    #[test]
    fn leads_of_a_group_lead_its_subgroups_and_members_may_look() {
        let chain = [SUB, WG];
        assert_eq!(standing(false, &[(WG, Role::Coordinator)], &chain), Standing::Lead);
        assert_eq!(standing(false, &[(WG, Role::Member)], &chain), Standing::Observer);
        assert_eq!(
            standing(false, &[(WG, Role::Member), (SUB, Role::ImOfficer)], &chain),
            Standing::ImOfficer
        );
        // Leading a sub-group gives nothing in its parent.
        assert_eq!(standing(false, &[(SUB, Role::Coordinator)], &[WG]), Standing::Stranger);
    }

    #[test]
    fn groups_allowing_follows_the_tree() {
        // WG has SUB below it, and SUB has DEEP; OTHER stands apart.
        const DEEP: i64 = 4;
        let tree = [(WG, None), (SUB, Some(WG)), (DEEP, Some(SUB)), (OTHER, None)];
        let all = |admin, roles: &[(i64, Role)], action| groups_allowing(admin, roles, &tree, action);
        assert_eq!(all(true, &[], Action::KeepDirectory), [WG, SUB, DEEP, OTHER]);
        assert_eq!(all(false, &[(WG, Role::Member)], Action::View), [WG, SUB, DEEP]);
        assert!(all(false, &[(WG, Role::Member)], Action::KeepDirectory).is_empty());
        assert_eq!(all(false, &[(WG, Role::ImOfficer)], Action::KeepDirectory), [WG]);
        assert_eq!(
            all(false, &[(WG, Role::Coordinator)], Action::KeepDirectory),
            [WG, SUB, DEEP]
        );
        assert_eq!(all(false, &[(SUB, Role::Observer)], Action::View), [SUB, DEEP]);
        assert!(all(false, &[], Action::View).is_empty());
    }

    #[test]
    fn observers_see_but_never_change() {
        for action in [
            Action::UpdateOwnActionPoint,
            Action::EditWorkplan,
            Action::KeepDirectory,
            Action::RunMeetings,
            Action::ManageGroup,
        ] {
            assert!(!allows(Standing::Observer, action), "{action:?}");
        }
        assert!(allows(Standing::Observer, Action::View));
        assert!(!allows(Standing::Stranger, Action::View));
        assert!(allows(Standing::Member, Action::UpdateOwnActionPoint));
        assert!(!allows(Standing::Member, Action::EditWorkplan));
        assert!(allows(Standing::ImOfficer, Action::EditWorkplan));
        assert!(!allows(Standing::ImOfficer, Action::RunMeetings));
        assert!(allows(Standing::Lead, Action::ManageGroup));
    }
}

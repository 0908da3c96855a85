//! Owners as forms and spreadsheets write them: `user:12`, `org:3`, `group:5`,
//! `role:coordinator`.

use super::OwnerRole;

/// An owner by reference, as chosen in a form; checked against the group later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    User(i64),
    Organization(i64),
    Group(i64),
    Role(OwnerRole),
}

impl Owner {
    pub fn parse(value: &str) -> Result<Self, &'static str> {
        let (kind, rest) = value.trim().split_once(':').ok_or("invalid-owner")?;
        let id = || rest.parse::<i64>().map_err(|_| "invalid-owner");
        match kind {
            "user" => Ok(Owner::User(id()?)),
            "org" => Ok(Owner::Organization(id()?)),
            "group" => Ok(Owner::Group(id()?)),
            "role" => rest.parse::<OwnerRole>().map(Owner::Role).map_err(|_| "invalid-owner"),
            _ => Err("invalid-owner"),
        }
    }

    pub fn key(self) -> String {
        match self {
            Owner::User(id) => format!("user:{id}"),
            Owner::Organization(id) => format!("org:{id}"),
            Owner::Group(id) => format!("group:{id}"),
            Owner::Role(role) => format!("role:{role}"),
        }
    }
}

/// Checks chosen owners against those the group offers: at least one, each on offer,
/// none twice. Returns them in the order chosen.
pub fn check(chosen: &[String], offered: &[Owner]) -> Result<Vec<Owner>, &'static str> {
    let mut owners = Vec::new();
    for value in chosen.iter().filter(|v| !v.trim().is_empty()) {
        let owner = Owner::parse(value)?;
        if !offered.contains(&owner) {
            return Err("invalid-owner-elsewhere");
        }
        if !owners.contains(&owner) {
            owners.push(owner);
        }
    }
    if owners.is_empty() {
        Err("invalid-owner-missing")
    } else {
        Ok(owners)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_parse_and_must_be_on_offer() {
        let offered = [Owner::User(1), Owner::Group(5), Owner::Role(OwnerRole::Member)];
        assert_eq!(
            check(&["role:member".into(), "user:1".into(), "user:1".into()], &offered),
            Ok(vec![Owner::Role(OwnerRole::Member), Owner::User(1)])
        );
        assert_eq!(check(&["user:2".into()], &offered), Err("invalid-owner-elsewhere"));
        assert_eq!(check(&["people:1".into()], &offered), Err("invalid-owner"));
        assert_eq!(check(&["role:chief".into()], &offered), Err("invalid-owner"));
        assert_eq!(check(&[], &offered), Err("invalid-owner-missing"));
        assert_eq!(Owner::parse(&Owner::Group(5).key()), Ok(Owner::Group(5)));
    }
}

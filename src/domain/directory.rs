//! The contact list: how roles and organisation kinds are written in spreadsheets,
//! and the filters a directory page is narrowed by (kept in its URL).

use std::str::FromStr;

use super::{OrganizationKind, Role};

/// How a role is written in exported sheets, and accepted in imported ones.
pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Coordinator => "coordinator",
        Role::CoChair => "co-chair",
        Role::ImOfficer => "IM officer",
        Role::Member => "member",
        Role::Observer => "observer",
    }
}

/// How an organisation kind is written in exported sheets, and accepted in imported ones.
pub fn kind_label(kind: OrganizationKind) -> &'static str {
    match kind {
        OrganizationKind::UnAgency => "UN agency",
        OrganizationKind::Ingo => "INGO",
        OrganizationKind::Nngo => "NNGO",
        OrganizationKind::Government => "government",
        OrganizationKind::Donor => "donor",
        OrganizationKind::Other => "other",
    }
}

/// Lower case, with `_` and `-` read as spaces and runs of spaces as one.
fn normalise(value: &str) -> String {
    value
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A role as people type it: `co-chair`, `Co_Chair`, `IM officer`, `im_officer`…
pub fn parse_role(value: &str) -> Option<Role> {
    match normalise(value).as_str() {
        "coordinator" => Some(Role::Coordinator),
        "co chair" | "cochair" => Some(Role::CoChair),
        "im officer" | "information management officer" => Some(Role::ImOfficer),
        "member" => Some(Role::Member),
        "observer" => Some(Role::Observer),
        _ => None,
    }
}

/// An organisation kind as people type it: `UN agency`, `un_agency`, `INGO`, `International NGO`…
pub fn parse_kind(value: &str) -> Option<OrganizationKind> {
    match normalise(value).as_str() {
        "un agency" => Some(OrganizationKind::UnAgency),
        "ingo" | "international ngo" => Some(OrganizationKind::Ingo),
        "nngo" | "national ngo" => Some(OrganizationKind::Nngo),
        "government" => Some(OrganizationKind::Government),
        "donor" => Some(OrganizationKind::Donor),
        "other" => Some(OrganizationKind::Other),
        _ => None,
    }
}

/// The accepted spellings, for error messages: "coordinator, co-chair, …".
pub fn role_choices() -> String {
    Role::ALL.iter().map(|r| role_label(*r)).collect::<Vec<_>>().join(", ")
}

pub fn kind_choices() -> String {
    OrganizationKind::ALL
        .iter()
        .map(|k| kind_label(*k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The query parameters of a directory page as they arrive; empty means "any".
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct FilterQuery {
    pub organization: Option<String>,
    pub kind: Option<String>,
    pub location: Option<String>,
    pub role: Option<String>,
    pub terms: Option<String>,
    /// Which page of the list, from 1; not part of the filter (exports take every page).
    pub page: Option<i64>,
}

/// What a directory page is narrowed to.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Filters {
    pub organization: Option<i64>,
    pub kind: Option<OrganizationKind>,
    pub location: Option<String>,
    pub role: Option<Role>,
    /// Past and future terms too; by default only terms in force today are listed.
    pub all_terms: bool,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl Filters {
    /// The filters of a query, or the id of the message that explains which value is wrong.
    pub fn parse(query: &FilterQuery) -> Result<Filters, &'static str> {
        let organization = given(&query.organization)
            .map(|v| v.parse::<i64>().map_err(|_| "directory-bad-organization"))
            .transpose()?;
        let kind = given(&query.kind)
            .map(|v| {
                OrganizationKind::from_str(v)
                    .ok()
                    .or_else(|| parse_kind(v))
                    .ok_or("directory-bad-kind")
            })
            .transpose()?;
        let role = given(&query.role)
            .map(|v| {
                Role::from_str(v)
                    .ok()
                    .or_else(|| parse_role(v))
                    .ok_or("directory-bad-role")
            })
            .transpose()?;
        let all_terms = match given(&query.terms) {
            None | Some("current") => false,
            Some("all") => true,
            Some(_) => return Err("directory-bad-terms"),
        };
        Ok(Filters {
            organization,
            kind,
            location: given(&query.location).map(str::to_owned),
            role,
            all_terms,
        })
    }

    /// The query string that gives these filters back (without `?`); empty for none.
    pub fn to_query(&self) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if let Some(org) = self.organization {
            query.append_pair("organization", &org.to_string());
        }
        if let Some(kind) = self.kind {
            query.append_pair("kind", kind.as_str());
        }
        if let Some(location) = &self.location {
            query.append_pair("location", location);
        }
        if let Some(role) = self.role {
            query.append_pair("role", role.as_str());
        }
        if self.all_terms {
            query.append_pair("terms", "all");
        }
        query.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_kinds_are_read_as_people_write_them() {
        for (text, role) in [
            ("Coordinator", Role::Coordinator),
            ("co-chair", Role::CoChair),
            ("Co_Chair", Role::CoChair),
            ("IM officer", Role::ImOfficer),
            ("im_officer", Role::ImOfficer),
            (" MEMBER ", Role::Member),
            ("observer", Role::Observer),
        ] {
            assert_eq!(parse_role(text), Some(role), "{text}");
        }
        assert_eq!(parse_role("chair"), None);
        for (text, kind) in [
            ("UN agency", OrganizationKind::UnAgency),
            ("un_agency", OrganizationKind::UnAgency),
            ("ingo", OrganizationKind::Ingo),
            ("INGO", OrganizationKind::Ingo),
            ("International NGO", OrganizationKind::Ingo),
            ("nngo", OrganizationKind::Nngo),
            ("Government", OrganizationKind::Government),
            ("donor", OrganizationKind::Donor),
            ("Other", OrganizationKind::Other),
        ] {
            assert_eq!(parse_kind(text), Some(kind), "{text}");
        }
        assert_eq!(parse_kind("charity"), None);
        // What an export writes, an import reads back.
        for role in Role::ALL {
            assert_eq!(parse_role(role_label(*role)), Some(*role));
            assert_eq!(parse_role(role.as_str()), Some(*role));
        }
        for kind in OrganizationKind::ALL {
            assert_eq!(parse_kind(kind_label(*kind)), Some(*kind));
            assert_eq!(parse_kind(kind.as_str()), Some(*kind));
        }
        assert_eq!(role_choices(), "coordinator, co-chair, IM officer, member, observer");
    }

    #[test]
    fn filters_come_from_the_query_and_go_back_to_it() {
        assert_eq!(Filters::parse(&FilterQuery::default()), Ok(Filters::default()));
        let query = FilterQuery {
            organization: Some("7".into()),
            kind: Some("ingo".into()),
            location: Some(" Tripoli ".into()),
            role: Some("co_chair".into()),
            terms: Some("all".into()),
            page: None,
        };
        let filters = Filters::parse(&query).unwrap();
        assert_eq!(
            filters,
            Filters {
                organization: Some(7),
                kind: Some(OrganizationKind::Ingo),
                location: Some("Tripoli".into()),
                role: Some(Role::CoChair),
                all_terms: true,
            }
        );
        assert_eq!(
            filters.to_query(),
            "organization=7&kind=ingo&location=Tripoli&role=co_chair&terms=all"
        );
        // Empty values are "any", as the selects of the filter form send them.
        let empty = FilterQuery {
            organization: Some(String::new()),
            kind: Some(String::new()),
            location: Some(" ".into()),
            role: Some(String::new()),
            terms: Some("current".into()),
            page: None,
        };
        assert_eq!(Filters::parse(&empty), Ok(Filters::default()));
        assert_eq!(Filters::default().to_query(), "");
    }

    #[test]
    fn wrong_filter_values_are_named() {
        let bad = |f: fn(&mut FilterQuery)| {
            let mut query = FilterQuery::default();
            f(&mut query);
            Filters::parse(&query).unwrap_err()
        };
        assert_eq!(
            bad(|q| q.organization = Some("UNICEF".into())),
            "directory-bad-organization"
        );
        assert_eq!(bad(|q| q.kind = Some("charity".into())), "directory-bad-kind");
        assert_eq!(bad(|q| q.role = Some("chair".into())), "directory-bad-role");
        assert_eq!(bad(|q| q.terms = Some("old".into())), "directory-bad-terms");
    }
}

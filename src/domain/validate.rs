//! Checks on what people type, shared by forms, spreadsheet imports and the API.
//! Each returns the cleaned value or the id of the message that explains the problem.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::GroupKind;

pub type Checked<T> = Result<T, &'static str>;

/// Trimmed, not empty, not longer than `max` characters.
pub fn required(value: &str, max: usize) -> Checked<String> {
    let value = value.trim();
    if value.is_empty() {
        Err("invalid-required")
    } else if value.chars().count() > max {
        Err("invalid-too-long")
    } else {
        Ok(value.to_owned())
    }
}

/// Like `required`, but empty means "none".
pub fn optional(value: &str, max: usize) -> Checked<Option<String>> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        required(value, max).map(Some)
    }
}

/// Whether `value` holds a control character other than a tab or a line break (a NUL,
/// an escape, a C1 code): nothing a person types, and PostgreSQL refuses NULs outright.
pub fn has_control_character(value: &str) -> bool {
    value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// An address with one `@`, a dot in the domain and no spaces; kept as typed, trimmed.
pub fn email(value: &str) -> Checked<String> {
    let value = value.trim();
    let well_formed = value.len() <= 254
        && !value.contains(char::is_whitespace)
        && value.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if well_formed {
        Ok(value.to_owned())
    } else {
        Err("invalid-email")
    }
}

/// An IANA time zone name such as `Asia/Beirut`.
pub fn time_zone(value: &str) -> Checked<String> {
    let value = value.trim();
    value
        .parse::<Tz>()
        .map(|_| value.to_owned())
        .map_err(|_| "invalid-time-zone")
}

/// A date typed as `2014-06-20` (the HTML date input's format), or empty for none.
pub fn optional_date(value: &str) -> Checked<Option<NaiveDate>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| "invalid-date")
}

/// The kind of a group where it stands: a working group at the top, and only there.
pub fn group_kind(kind: GroupKind, top_level: bool) -> Checked<GroupKind> {
    match (kind == GroupKind::WorkingGroup, top_level) {
        (true, true) | (false, false) => Ok(kind),
        (false, true) => Err("invalid-kind-top-level"),
        (true, false) => Err("invalid-kind-below"),
    }
}

/// A lead time in whole days, from 0 to `max`.
pub fn days(value: i32, max: i32) -> Checked<i32> {
    if (0..=max).contains(&value) {
        Ok(value)
    } else {
        Err("invalid-days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(email(" nadia@unicef.org ").unwrap(), "nadia@unicef.org");
        for bad in [
            "",
            "nadia",
            "nadia@",
            "@unicef.org",
            "nadia@unicef",
            "na dia@unicef.org",
            "a@b@c.org",
            "a@.org",
        ] {
            assert_eq!(email(bad), Err("invalid-email"), "{bad:?}");
        }
    }

    #[test]
    fn control_characters_other_than_tabs_and_line_breaks_are_found() {
        assert!(!has_control_character("Nadia\tHaddad\r\nرنا"));
        for text in ["a\0b", "\u{1b}[31m", "x\u{7f}", "\u{85}"] {
            assert!(has_control_character(text), "{text:?}");
        }
    }

    #[test]
    fn zones_dates_and_required_text() {
        assert_eq!(time_zone("Asia/Beirut").unwrap(), "Asia/Beirut");
        assert_eq!(time_zone("Beirut"), Err("invalid-time-zone"));
        assert_eq!(
            optional_date("2014-06-20").unwrap(),
            NaiveDate::from_ymd_opt(2014, 6, 20)
        );
        assert_eq!(optional_date("2014-06-31"), Err("invalid-date"));
        assert_eq!(optional_date(" ").unwrap(), None);
        assert_eq!(required("  ", 10), Err("invalid-required"));
        assert_eq!(required("abcdef", 3), Err("invalid-too-long"));
        assert_eq!(optional("", 3).unwrap(), None);
    }

    #[test]
    fn kinds_and_lead_times() {
        assert_eq!(group_kind(GroupKind::WorkingGroup, true), Ok(GroupKind::WorkingGroup));
        assert_eq!(group_kind(GroupKind::TaskForce, false), Ok(GroupKind::TaskForce));
        assert_eq!(group_kind(GroupKind::SubGroup, true), Err("invalid-kind-top-level"));
        assert_eq!(group_kind(GroupKind::WorkingGroup, false), Err("invalid-kind-below"));
        assert_eq!(days(0, 30), Ok(0));
        assert_eq!(days(30, 30), Ok(30));
        assert_eq!(days(31, 30), Err("invalid-days"));
        assert_eq!(days(-1, 30), Err("invalid-days"));
    }
}

//! Membership terms: when a role starts and ends.

use chrono::{Months, NaiveDate};

use super::Role;

/// A co-chair's seat rotates: without an end date it ends this long after it starts.
pub const CO_CHAIR_TERM: Months = Months::new(4);

/// The end of a term: the one given, or for a co-chair the end of the rotation.
/// Refused when it would come before the start.
pub fn end(role: Role, since: NaiveDate, until: Option<NaiveDate>) -> Result<Option<NaiveDate>, &'static str> {
    let until = match (role, until) {
        (Role::CoChair, None) => since.checked_add_months(CO_CHAIR_TERM),
        (_, until) => until,
    };
    match until {
        Some(until) if until < since => Err("invalid-term-order"),
        _ => Ok(until),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_co_chair_rotates_after_four_months_unless_told_otherwise() {
        assert_eq!(end(Role::CoChair, day(2014, 6, 11), None), Ok(Some(day(2014, 10, 11))));
        assert_eq!(
            end(Role::CoChair, day(2014, 6, 11), Some(day(2014, 8, 1))),
            Ok(Some(day(2014, 8, 1)))
        );
        assert_eq!(end(Role::Member, day(2014, 6, 11), None), Ok(None));
        assert_eq!(
            end(Role::Member, day(2014, 6, 11), Some(day(2014, 6, 10))),
            Err("invalid-term-order")
        );
    }
}

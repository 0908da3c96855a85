//! Row structs, `New*` insert structs and the queries of each table family.

pub mod action_links;
pub mod action_point_import;
pub mod action_points;
pub mod agenda;
pub mod attendance;
pub mod calendar_feeds;
pub mod directory_import;
pub mod groups;
pub mod import;
pub mod login_attempts;
pub mod mail_preferences;
pub mod meeting_schedule;
pub mod meeting_series;
pub mod meetings;
pub mod memberships;
pub mod minutes;
pub mod organizations;
pub mod outbox;
pub mod owners;
pub mod reminders;
pub mod reviews;
pub mod sessions;
pub mod tokens;
pub mod users;
pub mod workplan;
pub mod workplan_import;

use diesel::sql_types::{BigInt, Nullable, Text};

#[diesel::declare_sql_function]
extern "SQL" {
    /// Emails and organisation names are unique regardless of case.
    fn lower(value: Text) -> Text;

    /// The first of two texts that is not NULL.
    fn coalesce(first: Nullable<Text>, second: Nullable<Text>) -> Nullable<Text>;

    /// The language to write to a person in (migration `languages`).
    fn person_language(person: BigInt) -> Text;
}

/// A unique-key violation as `None`, for the caller to report as "taken".
pub fn unless_taken<T>(result: diesel::QueryResult<T>) -> diesel::QueryResult<Option<T>> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
        Err(e) => Err(e),
    }
}

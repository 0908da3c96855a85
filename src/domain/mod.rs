//! Rules as pure functions, testable without a database.

pub mod action_point_import;
pub mod agenda;
pub mod agenda_seed;
pub mod directory;
pub mod directory_import;
pub mod ics;
pub mod markdown;
pub mod message;
pub mod owners;
pub mod passwords;
pub mod policy;
pub mod recurrence;
pub mod reminders;
pub mod reporting;
pub mod review;
pub mod schedule;
pub mod secrets;
pub mod spreadsheet;
pub mod terms;
pub mod validate;
pub mod workplan;
pub mod workplan_import;

/// Declares an enum stored as text, with the exact strings the database's CHECK
/// constraint allows, and the diesel and serde mappings that go with them.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::domain::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(crate::domain::UnknownValue {
                        kind: stringify!($name),
                        value: other.to_owned(),
                        allowed: &[$($text),+],
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(self.as_str(), out)
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let text = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg>>::from_sql(bytes)?;
                Ok(text.parse()?)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        // The API's OpenAPI document lists the allowed strings.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A value outside an enum's allowed set, with the set, for a clear error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
    pub allowed: &'static [&'static str],
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} is not a valid {}; expected one of: {}",
            self.value,
            self.kind,
            self.allowed.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}

text_enum!(
    /// What kind of body an organisation is, as the cluster's contact lists sort them.
    OrganizationKind { UnAgency = "un_agency", Ingo = "ingo", Nngo = "nngo", Government = "government", Donor = "donor", Other = "other" }
);

text_enum!(
    GroupKind { WorkingGroup = "working_group", SubGroup = "sub_group", TaskForce = "task_force", FieldGroup = "field_group" }
);

text_enum!(
    Role { Coordinator = "coordinator", CoChair = "co_chair", ImOfficer = "im_officer", Member = "member", Observer = "observer" }
);

text_enum!(
    MeetingStatus { Draft = "draft", Scheduled = "scheduled", InProgress = "in_progress", Closed = "closed", Cancelled = "cancelled" }
);

text_enum!(
    AttendanceStatus { Present = "present", Apologies = "apologies" }
);

text_enum!(
    ActionStatus { Open = "open", InProgress = "in_progress", Done = "done", Dropped = "dropped" }
);

impl ActionStatus {
    /// Done and dropped items keep their history but leave the open lists.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Dropped)
    }
}

text_enum!(
    /// Where a status change came from, for the history.
    UpdateVia { Web = "web", EmailLink = "email_link", Api = "api", Import = "import", Meeting = "meeting" }
);

text_enum!(
    TaskStatus { NotStarted = "not_started", OnTrack = "on_track", Delayed = "delayed", Completed = "completed", Cancelled = "cancelled" }
);

text_enum!(
    /// A role that stands as an owner: whoever holds it in the group.
    OwnerRole { Coordinator = "coordinator", CoChair = "co_chair", ImOfficer = "im_officer", Member = "member" }
);

// Declared after `text_enum!`, which it uses.
pub mod meeting_flow;
text_enum!(
    /// Where an outbox mail stands: waiting for its first try, waiting for a retry
    /// after a failure, or one of the three outcomes.
    MailState { Queued = "queued", Failed = "failed", Sent = "sent", Dead = "dead", Cancelled = "cancelled" }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_enums_round_trip_and_reject_unknown_values() {
        for status in ActionStatus::ALL {
            assert_eq!(status.as_str().parse::<ActionStatus>().unwrap(), *status);
        }
        let err = "finished".parse::<ActionStatus>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"finished\" is not a valid ActionStatus; expected one of: open, in_progress, done, dropped"
        );
    }
}

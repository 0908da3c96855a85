pub mod archive;
pub mod create;
pub mod show;
pub mod update;

use crate::domain::{GroupKind, validate};
use crate::models::groups::{GroupChanges, GroupSettings};
use crate::web::views::forms::Problems;
use crate::web::views::groups::GroupFields;

/// A group's fields, checked and cleaned.
pub struct ValidGroup {
    name: String,
    short_name: String,
    kind: GroupKind,
    location: Option<String>,
    time_zone: String,
    description: String,
    default_locale: &'static str,
    lead_days: [i32; 4],
}

impl ValidGroup {
    fn changes(&self) -> GroupChanges<'_> {
        let [
            meeting_reminder_days,
            update_request_days,
            action_due_days,
            task_ending_days,
        ] = self.lead_days;
        GroupChanges {
            name: &self.name,
            short_name: &self.short_name,
            kind: self.kind,
            location: self.location.as_deref(),
            time_zone: &self.time_zone,
            description: &self.description,
            default_locale: self.default_locale,
            meeting_reminder_days,
            update_request_days,
            action_due_days,
            task_ending_days,
        }
    }
}

fn days(value: &str, max: i32) -> Result<i32, &'static str> {
    value
        .trim()
        .parse::<i32>()
        .map_err(|_| "invalid-days")
        .and_then(|d| validate::days(d, max))
}

/// Checks the form; `kinds` are the kinds allowed where the group sits.
fn parse(fields: &GroupFields, kinds: &[GroupKind]) -> Result<ValidGroup, Problems> {
    let mut problems = Problems::default();
    let name = problems.check("field-name", validate::required(&fields.name, 200));
    let short_name = problems.check("field-short-name", validate::required(&fields.short_name, 40));
    let kind = problems.check(
        "field-kind",
        fields
            .kind
            .parse::<GroupKind>()
            .ok()
            .filter(|k| kinds.contains(k))
            .ok_or("invalid-choice"),
    );
    let location = problems.check("field-location", validate::optional(&fields.location, 200));
    let time_zone = problems.check("field-time-zone", validate::time_zone(&fields.time_zone));
    let description = problems.check("field-description", validate::optional(&fields.description, 4000));
    let default_locale = problems.check(
        "field-default-language",
        crate::i18n::Locale::chosen(&fields.default_locale).map(|l| l.unwrap_or("en")),
    );
    let lead_days = [
        problems.check("field-meeting-reminder-days", days(&fields.meeting_reminder_days, 30)),
        problems.check("field-update-request-days", days(&fields.update_request_days, 30)),
        problems.check("field-action-due-days", days(&fields.action_due_days, 30)),
        problems.check("field-task-ending-days", days(&fields.task_ending_days, 60)),
    ];
    match (
        name,
        short_name,
        kind,
        location,
        time_zone,
        description,
        default_locale,
        lead_days,
    ) {
        (
            Some(name),
            Some(short_name),
            Some(kind),
            Some(location),
            Some(time_zone),
            Some(description),
            Some(default_locale),
            [Some(a), Some(b), Some(c), Some(d)],
        ) if problems.is_empty() => Ok(ValidGroup {
            name,
            short_name,
            kind,
            location,
            time_zone,
            description: description.unwrap_or_default(),
            default_locale,
            lead_days: [a, b, c, d],
        }),
        _ => Err(problems),
    }
}

/// The form's starting values: a new group's defaults (its parent's zone and
/// language), or an existing group's settings.
fn fields_with(kind: GroupKind, time_zone: &str, default_locale: &str, settings: &GroupSettings) -> GroupFields {
    GroupFields {
        kind: kind.as_str().to_owned(),
        time_zone: time_zone.to_owned(),
        default_locale: default_locale.to_owned(),
        meeting_reminder_days: settings.meeting_reminder_days.to_string(),
        update_request_days: settings.update_request_days.to_string(),
        action_due_days: settings.action_due_days.to_string(),
        task_ending_days: settings.task_ending_days.to_string(),
        ..Default::default()
    }
}

const DEFAULT_SETTINGS: GroupSettings = GroupSettings {
    meeting_reminder_days: 2,
    update_request_days: 3,
    action_due_days: 3,
    task_ending_days: 7,
};

const SUBGROUP_KINDS: &[GroupKind] = &[GroupKind::SubGroup, GroupKind::TaskForce, GroupKind::FieldGroup];

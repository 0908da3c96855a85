//! Action points: lists with filters, creating, updating status, bulk changes.

pub mod bulk;
pub mod create;
pub mod list;
pub mod mine;
pub mod sheets;
pub mod show;
pub mod status;

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use diesel_async::AsyncPgConnection;

use crate::domain::owners::Owner;
use crate::domain::policy::{self, Action, Standing};
use crate::domain::{ActionStatus, OwnerRole, validate};
use crate::i18n::Locale;
use crate::models::action_points::{self, ActionPoint, ListFilter, Sort};
use crate::models::owners::{self as owner_model, NamedOwner, OwnerTable};
use crate::models::users::User;
use crate::models::{groups, meetings, organizations};
use crate::web::auth::authorize;
use crate::web::error::{AppError, AppResult};
use crate::web::views::action_points::{FilterChoices, ListQuery, RowContext};
use crate::web::views::local_date;

pub const PER_PAGE: i64 = 50;

/// The filter and order a query string asks for; a malformed value is a 400 that says which.
pub fn parse_query(locale: &Locale, query: &ListQuery) -> AppResult<(ListFilter, Sort)> {
    let bad = |field: &str, problem: &str| AppError::BadRequest(format!("{field}: {}", locale.t(problem)));
    let id = |field: &str, value: &str| -> AppResult<Option<i64>> {
        match value.trim() {
            "" => Ok(None),
            v => v.parse().map(Some).map_err(|_| bad(field, "invalid-choice")),
        }
    };
    let statuses = match query.status.as_str() {
        "" => vec![ActionStatus::Open, ActionStatus::InProgress],
        "all" => vec![],
        other => vec![other.parse().map_err(|_| bad("status", "invalid-choice"))?],
    };
    let owner = match query.owner.trim() {
        "" => None,
        value => Some(Owner::parse(value).map_err(|problem| bad("owner", problem))?),
    };
    let sort = match query.sort.as_str() {
        "" | "due" => Sort::Due,
        "number" => Sort::Number,
        "topic" => Sort::Topic,
        "status" => Sort::Status,
        _ => return Err(bad("sort", "invalid-choice")),
    };
    let filter = ListFilter {
        statuses,
        owner,
        organization_id: id("organization", &query.organization)?,
        topic: Some(query.topic.trim().to_owned()).filter(|t| !t.is_empty()),
        due_before: validate::optional_date(&query.due_before).map_err(|p| bad("due_before", p))?,
        due_after: validate::optional_date(&query.due_after).map_err(|p| bad("due_after", p))?,
        meeting_id: id("meeting", &query.meeting)?,
        text: Some(query.q.trim().to_owned()).filter(|t| !t.is_empty()),
        owned_by: None,
        restricted_visible_to: None,
    };
    Ok((filter, sort))
}

/// Everything a page of items shows around them: owners, where each was raised,
/// group names, and which the viewer may update.
pub struct Surroundings {
    pub owners: Vec<NamedOwner>,
    pub raised_at: HashMap<i64, String>,
    pub group_names: HashMap<i64, String>,
    pub updatable: HashSet<i64>,
}

impl Surroundings {
    /// What each row of a table needs; `owners` is `owners_by_item(&self.owners)`.
    pub fn rows<'a>(&'a self, owners: &'a HashMap<i64, Vec<&'a NamedOwner>>, may_bulk: bool) -> RowContext<'a> {
        RowContext {
            owners,
            raised_at: &self.raised_at,
            group_names: &self.group_names,
            updatable: &self.updatable,
            may_bulk,
            today: today(),
        }
    }
}

/// Loads the surroundings of `items`; `many_groups` adds each item's group name.
pub async fn surroundings(
    conn: &mut AsyncPgConnection,
    user: &User,
    locale: &Locale,
    items: &[ActionPoint],
    may_update_all: &HashSet<i64>,
    many_groups: bool,
) -> AppResult<Surroundings> {
    let ids: Vec<i64> = items.iter().map(|i| i.id).collect();
    let group_ids: Vec<i64> = items
        .iter()
        .map(|i| i.group_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let owners = owner_model::named(conn, OwnerTable::ActionPoints, &ids).await?;
    let groups: HashMap<i64, groups::Group> = groups::by_ids(conn, &group_ids)
        .await?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    let meeting_ids: Vec<i64> = items.iter().filter_map(|i| i.meeting_id).collect();
    let meetings: HashMap<i64, meetings::Meeting> = meetings::by_ids(conn, &meeting_ids)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let raised_at = items
        .iter()
        .filter_map(|item| {
            let meeting = meetings.get(&item.meeting_id?)?;
            let tz = groups.get(&item.group_id)?.tz();
            Some((item.id, local_date(locale, meeting.starts_at, tz)))
        })
        .collect();
    let group_names = if many_groups {
        groups.values().map(|g| (g.id, g.short_name.clone())).collect()
    } else {
        HashMap::new()
    };
    let mut updatable: HashSet<i64> = items
        .iter()
        .filter(|i| may_update_all.contains(&i.group_id))
        .map(|i| i.id)
        .collect();
    updatable.extend(action_points::owned_among(conn, user.id, &ids).await?);
    Ok(Surroundings {
        owners,
        raised_at,
        group_names,
        updatable,
    })
}

/// The options of the filter for items of `group_ids`, each list from a small indexed
/// query: the organisations of the groups' members, the topics, and for a group's own
/// list (`group`) who may own its items and its latest meetings.
pub async fn filter_choices(
    conn: &mut AsyncPgConnection,
    locale: &Locale,
    group_ids: &[i64],
    group: Option<&groups::Group>,
) -> AppResult<FilterChoices> {
    let mut owners: Vec<(String, String)> = OwnerRole::ALL
        .iter()
        .map(|r| (Owner::Role(*r).key(), locale.t(&format!("owner-role-{r}"))))
        .collect();
    let mut meeting_choices = Vec::new();
    // Meetings matter in a group's own list; across groups the list would be endless.
    if let Some(group) = group {
        owners.extend(
            owner_model::offered(conn, group.id)
                .await?
                .into_iter()
                .map(|(o, label)| (o.key(), label)),
        );
        for meeting in meetings::latest(conn, group.id, MAX_CHOICES).await? {
            meeting_choices.push((
                meeting.id.to_string(),
                local_date(locale, meeting.starts_at, group.tz()),
            ));
        }
    }
    let organizations = organizations::of_members(conn, group_ids, MAX_CHOICES)
        .await?
        .into_iter()
        .map(|o| (o.id.to_string(), o.label().to_owned()))
        .collect();
    let topics = action_points::topics(conn, group_ids, MAX_CHOICES).await?;
    Ok(FilterChoices {
        owners,
        organizations,
        topics,
        meetings: meeting_choices,
    })
}

/// The most options a filter's list offers.
const MAX_CHOICES: i64 = 200;

/// Who may own a new item of the group, with the name to show: its roles, its
/// current members, any organisation, and the groups below it.
pub async fn owners_on_offer(
    conn: &mut AsyncPgConnection,
    locale: &Locale,
    group_id: i64,
) -> AppResult<Vec<(Owner, String)>> {
    let mut offered: Vec<(Owner, String)> = OwnerRole::ALL
        .iter()
        .map(|r| (Owner::Role(*r), locale.t(&format!("owner-role-{r}"))))
        .collect();
    offered.extend(owner_model::offered(conn, group_id).await?);
    Ok(offered)
}

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// Whose view hides restricted items: everyone's but those who run the group (and the
/// items' owners, whom the query lets through).
pub fn restricted_for(standing: Standing, user: &User) -> Option<i64> {
    (!policy::allows(standing, Action::RunMeetings)).then_some(user.id)
}

/// An item the user may see: its group visible to them, and when restricted, theirs
/// to update. Anything else is not found.
pub async fn visible_item(conn: &mut AsyncPgConnection, user: &User, id: i64) -> AppResult<ActionPoint> {
    let item = action_points::find(conn, id).await?;
    authorize(conn, user, item.group_id, Action::View).await?;
    if item.restricted && status::may_update(conn, user, &item).await.is_err() {
        return Err(AppError::NotFound);
    }
    Ok(item)
}

/// Of the restricted items among `restricted_ids`, those the viewer, of `standing` in
/// the group at the top of them, may not see.
pub async fn hidden_restricted(
    conn: &mut AsyncPgConnection,
    user: &User,
    standing: Standing,
    restricted_ids: &[i64],
) -> AppResult<HashSet<i64>> {
    let Some(viewer) = restricted_for(standing, user) else {
        return Ok(HashSet::new());
    };
    let owned = action_points::owned_among(conn, viewer, restricted_ids).await?;
    Ok(restricted_ids
        .iter()
        .copied()
        .filter(|id| !owned.contains(id))
        .collect())
}

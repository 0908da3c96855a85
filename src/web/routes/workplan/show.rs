use std::collections::{HashMap, HashSet};

use actix_web::web;
use maud::Markup;

use crate::domain::owners::Owner;
use crate::domain::policy::{self, Action};
use crate::domain::{TaskStatus, validate};
use crate::models::owners::{self, NamedOwner, OwnerTable};
use crate::models::workplan::{Area, Task};
use crate::models::{groups, workplan};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::action_points::today;
use crate::web::views::action_points::owners_by_item;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::{TablePage, TaskRows, WorkplanQuery, is_overdue};
use crate::web::{AppState, views};

/// The filters a query string asks for; a malformed value is a 400 that says which.
pub struct Filter {
    area: Option<i64>,
    responsible: Option<Owner>,
    status: Option<TaskStatus>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    overdue: bool,
}

impl Filter {
    pub fn parse(locale: &crate::i18n::Locale, q: &WorkplanQuery) -> AppResult<Filter> {
        let bad = |field: &str, problem: &str| AppError::BadRequest(format!("{field}: {}", locale.t(problem)));
        Ok(Filter {
            area: match q.area.trim() {
                "" => None,
                v => Some(v.parse().map_err(|_| bad("area", "invalid-choice"))?),
            },
            responsible: match q.responsible.trim() {
                "" => None,
                v => Some(Owner::parse(v).map_err(|p| bad("responsible", p))?),
            },
            status: match q.status.trim() {
                "" => None,
                v => Some(v.parse().map_err(|_| bad("status", "invalid-choice"))?),
            },
            from: validate::optional_date(&q.from).map_err(|p| bad("from", p))?,
            to: validate::optional_date(&q.to).map_err(|p| bad("to", p))?,
            overdue: !q.overdue.trim().is_empty(),
        })
    }

    fn keeps(&self, task: &Task, owners: &HashMap<i64, Vec<&NamedOwner>>, today: chrono::NaiveDate) -> bool {
        if self.area.is_some_and(|a| a != task.area_id) || self.status.is_some_and(|s| s != task.status) {
            return false;
        }
        if let Some(wanted) = self.responsible
            && !owners
                .get(&task.id)
                .is_some_and(|os| os.iter().any(|o| o.owner() == Some(wanted)))
        {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let (Some(start), Some(end)) = (task.start_date.or(task.end_date), task.end_date.or(task.start_date))
            else {
                return false;
            };
            if self.from.is_some_and(|f| end < f) || self.to.is_some_and(|t| start > t) {
                return false;
            }
        }
        !self.overdue || is_overdue(task, today)
    }

    fn is_active(&self) -> bool {
        self.area.is_some()
            || self.responsible.is_some()
            || self.status.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || self.overdue
    }

    /// The tasks the filter lets through, by area. Areas it leaves empty drop out; with
    /// no filter, only sub-groups' empty areas do (the group's own are places to add to).
    pub fn apply(
        &self,
        areas: Vec<(Area, Vec<Task>)>,
        owners: &HashMap<i64, Vec<&NamedOwner>>,
        group_id: i64,
        today: chrono::NaiveDate,
    ) -> Vec<(Area, Vec<Task>)> {
        let filtering = self.is_active();
        areas
            .into_iter()
            .map(|(area, tasks)| {
                let kept = tasks.into_iter().filter(|t| self.keeps(t, owners, today)).collect();
                (area, kept)
            })
            .filter(|(area, tasks): &(Area, Vec<Task>)| {
                if filtering {
                    !tasks.is_empty()
                } else {
                    area.group_id == group_id || !tasks.is_empty()
                }
            })
            .collect()
    }
}

/// How many tasks a page of the workplan shows.
const TASKS_PER_PAGE: i64 = 100;

/// The areas with the tasks of page `page` (from 1), in order; an area without any
/// task is shown on the first page.
fn page_of(areas: Vec<(Area, Vec<Task>)>, page: i64) -> Vec<(Area, Vec<Task>)> {
    let first = (page - 1) * TASKS_PER_PAGE;
    let mut seen = 0;
    let mut shown = Vec::new();
    for (area, tasks) in areas {
        let (start, count) = (seen, tasks.len() as i64);
        seen += count;
        if count == 0 {
            if page == 1 {
                shown.push((area, tasks));
            }
            continue;
        }
        let on_page: Vec<Task> = tasks
            .into_iter()
            .enumerate()
            .filter(|(index, _)| (first..first + TASKS_PER_PAGE).contains(&(start + *index as i64)))
            .map(|(_, task)| task)
            .collect();
        if !on_page.is_empty() {
            shown.push((area, on_page));
        }
    }
    shown
}

/// The workplan of the group and of every group below it, filtered as the URL says.
pub async fn show(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<WorkplanQuery>,
) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let standing = authorize(&mut conn, me.user(), *id, Action::View).await?;
    let may_edit = policy::allows(standing, Action::EditWorkplan);
    let locale = &me.ctx.locale;
    let filter = Filter::parse(locale, &query)?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let tree = groups::subtree_ids(&mut conn, group.id).await?;
    let areas = workplan::for_groups(&mut conn, &tree).await?;
    let task_ids: Vec<i64> = areas.iter().flat_map(|(_, tasks)| tasks.iter().map(|t| t.id)).collect();
    let named = owners::named(&mut conn, OwnerTable::WorkplanTasks, &task_ids).await?;
    let owners = owners_by_item(&named);
    let short_names: HashMap<i64, String> = groups::short_names(&mut conn, &tree).await?.into_iter().collect();

    let today = today();
    let area_choices: Vec<(String, String)> = areas
        .iter()
        .map(|(a, _)| {
            let name = match short_names.get(&a.group_id) {
                Some(short) if a.group_id != group.id => format!("{short}: {}", a.name),
                _ => a.name.clone(),
            };
            (a.id.to_string(), name)
        })
        .collect();
    let mut responsible_choices: Vec<(String, String)> = Vec::new();
    for owner in &named {
        if let Some(o) = owner.owner() {
            let key = o.key();
            if !responsible_choices.iter().any(|(k, _)| *k == key) {
                responsible_choices.push((key, views::owner_list(locale, &[owner])));
            }
        }
    }
    responsible_choices.sort_by(|a, b| a.1.cmp(&b.1));

    let filtered = filter.apply(areas, &owners, group.id, today);
    let tasks: i64 = filtered.iter().map(|(_, tasks)| tasks.len() as i64).sum();
    let pages = ((tasks + TASKS_PER_PAGE - 1) / TASKS_PER_PAGE).max(1);
    let page = query.page.unwrap_or(1).clamp(1, pages);
    let shown = page_of(filtered, page);
    let editable_areas: HashSet<i64> = if may_edit {
        shown
            .iter()
            .filter(|(a, _)| a.group_id == group.id)
            .map(|(a, _)| a.id)
            .collect()
    } else {
        HashSet::new()
    };
    let subgroup_of_area = shown
        .iter()
        .filter(|(a, _)| a.group_id != group.id)
        .filter_map(|(a, _)| short_names.get(&a.group_id).map(|s| (a.id, s.clone())))
        .collect();
    let shown_ids: Vec<i64> = shown.iter().flat_map(|(_, tasks)| tasks.iter().map(|t| t.id)).collect();
    let links = super::link_labels(&mut conn, locale, me.user(), standing, &group, &shown_ids).await?;
    let rows = TaskRows {
        owners,
        today,
        editable_areas,
        subgroup_of_area,
        links,
    };
    let page = TablePage {
        group: &group,
        crumbs: crumbs_to(&ancestors, &group),
        areas: &shown,
        rows: &rows,
        query: &query,
        may_edit,
        area_choices,
        responsible_choices,
        page,
        pages,
    };
    Ok(views::workplan::table(&me.ctx, &page))
}

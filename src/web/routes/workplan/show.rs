use std::collections::{HashMap, HashSet};

use actix_web::web;
use chrono::NaiveDate;
use diesel_async::AsyncPgConnection;
use maud::Markup;

use crate::domain::owners::Owner;
use crate::domain::policy::{self, Action};
use crate::domain::validate;
use crate::domain::workplan::{Slice, page_count, page_slices};
use crate::models::owners::{self, OwnerTable};
use crate::models::workplan::{Area, Task, TaskFilter};
use crate::models::{groups, workplan};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::action_points::today;
use crate::web::views::action_points::owners_by_item;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::{TablePage, TaskRows, WorkplanQuery};
use crate::web::{AppState, views};

/// The filters a query string asks for; a malformed value is a 400 that says which.
#[derive(Debug, Default)]
pub struct Filter {
    area: Option<i64>,
    /// What the tasks must be; the database applies it.
    pub tasks: TaskFilter,
}

impl Filter {
    /// The filter of the query string, "overdue" read on `today`.
    pub fn parse(locale: &crate::i18n::Locale, q: &WorkplanQuery, today: NaiveDate) -> AppResult<Filter> {
        let bad = |field: &str, problem: &str| AppError::BadRequest(format!("{field}: {}", locale.t(problem)));
        Ok(Filter {
            area: match q.area.trim() {
                "" => None,
                v => Some(v.parse().map_err(|_| bad("area", "invalid-choice"))?),
            },
            tasks: TaskFilter {
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
                overdue_on: (!q.overdue.trim().is_empty()).then_some(today),
                dated: false,
            },
        })
    }

    fn is_active(&self) -> bool {
        self.area.is_some() || self.tasks.is_active()
    }

    /// The ids of the areas the filter looks in, in order.
    fn area_ids(&self, areas: &[Area]) -> Vec<i64> {
        areas
            .iter()
            .map(|a| a.id)
            .filter(|id| self.area.is_none_or(|wanted| wanted == *id))
            .collect()
    }

    /// The areas as the table shows them, each with its tasks among `tasks` (in order):
    /// those with tasks here and, with no filter on the first page, the group's own
    /// without any task at all (`counted` holds the areas with some), places to add to.
    fn arrange(
        &self,
        areas: Vec<Area>,
        tasks: Vec<Task>,
        group_id: i64,
        first_page: bool,
        counted: &HashSet<i64>,
    ) -> Vec<(Area, Vec<Task>)> {
        let mut by_area: HashMap<i64, Vec<Task>> = HashMap::new();
        for task in tasks {
            by_area.entry(task.area_id).or_default().push(task);
        }
        let empty_shown = first_page && !self.is_active();
        areas
            .into_iter()
            .filter_map(|area| match by_area.remove(&area.id) {
                Some(tasks) => Some((area, tasks)),
                None => (empty_shown && area.group_id == group_id && !counted.contains(&area.id))
                    .then(|| (area, Vec::new())),
            })
            .collect()
    }
}

/// How many tasks a page of the workplan, or of its timeline, shows.
const TASKS_PER_PAGE: i64 = 100;

/// One page of a workplan's tasks, by area.
pub struct Paged {
    pub areas: Vec<(Area, Vec<Task>)>,
    /// Which page this is (from 1), of how many.
    pub page: i64,
    pub pages: i64,
}

/// Page `asked` (from 1, clamped to the last) of the tasks of `areas` (the workplan
/// of `group_id`, in order) that the filter lets through: two statements, one
/// counting the tasks by area and one reading the page's.
pub async fn paged(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    areas: Vec<Area>,
    group_id: i64,
    asked: Option<i64>,
) -> AppResult<Paged> {
    let counts = workplan::matching_counts(conn, &filter.area_ids(&areas), &filter.tasks).await?;
    let pages = page_count(counts.iter().map(|(_, n)| n).sum(), TASKS_PER_PAGE);
    let page = asked.unwrap_or(1).clamp(1, pages);
    let slices = page_slices(&counts, page, TASKS_PER_PAGE);
    let tasks = workplan::matching_tasks(conn, &slices, &filter.tasks).await?;
    let counted = counts.iter().map(|(id, _)| *id).collect();
    Ok(Paged {
        areas: filter.arrange(areas, tasks, group_id, page == 1, &counted),
        page,
        pages,
    })
}

/// Every task of `areas` (the workplan of `group_id`, in order) that the filter lets
/// through, by area, as the table would show them on a single page.
pub async fn everything(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    areas: Vec<Area>,
    group_id: i64,
) -> AppResult<Vec<(Area, Vec<Task>)>> {
    let slices: Vec<Slice> = filter.area_ids(&areas).into_iter().map(Slice::whole).collect();
    let tasks = workplan::matching_tasks(conn, &slices, &filter.tasks).await?;
    let counted = tasks.iter().map(|t| t.area_id).collect();
    Ok(filter.arrange(areas, tasks, group_id, true, &counted))
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
    let today = today();
    let filter = Filter::parse(locale, &query, today)?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let tree = groups::subtree_short_names(&mut conn, group.id).await?;
    let tree_ids: Vec<i64> = tree.iter().map(|(id, _)| *id).collect();
    let short_names: HashMap<i64, String> = tree.into_iter().collect();
    let areas = workplan::areas_of(&mut conn, &tree_ids).await?;

    let area_choices: Vec<(String, String)> = areas
        .iter()
        .map(|a| {
            let name = match short_names.get(&a.group_id) {
                Some(short) if a.group_id != group.id => format!("{short}: {}", a.name),
                _ => a.name.clone(),
            };
            (a.id.to_string(), name)
        })
        .collect();
    let area_ids: Vec<i64> = areas.iter().map(|a| a.id).collect();
    let mut responsible_choices: Vec<(String, String)> = workplan::responsible_parties(&mut conn, &area_ids)
        .await?
        .iter()
        .filter_map(|owner| Some((owner.owner()?.key(), views::owner_list(locale, &[owner]))))
        .collect();
    responsible_choices.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));

    let shown = paged(&mut conn, &filter, areas, group.id, query.page).await?;
    let shown_ids: Vec<i64> = shown
        .areas
        .iter()
        .flat_map(|(_, tasks)| tasks.iter().map(|t| t.id))
        .collect();
    let named = owners::named(&mut conn, OwnerTable::WorkplanTasks, &shown_ids).await?;
    let editable_areas: HashSet<i64> = if may_edit {
        shown
            .areas
            .iter()
            .filter(|(a, _)| a.group_id == group.id)
            .map(|(a, _)| a.id)
            .collect()
    } else {
        HashSet::new()
    };
    let subgroup_of_area = shown
        .areas
        .iter()
        .filter(|(a, _)| a.group_id != group.id)
        .filter_map(|(a, _)| short_names.get(&a.group_id).map(|s| (a.id, s.clone())))
        .collect();
    let links = super::link_labels(&mut conn, locale, me.user(), standing, &group, &short_names, &shown_ids).await?;
    let rows = TaskRows {
        owners: owners_by_item(&named),
        today,
        editable_areas,
        subgroup_of_area,
        links,
    };
    let page = TablePage {
        group: &group,
        crumbs: crumbs_to(&ancestors, &group),
        areas: &shown.areas,
        rows: &rows,
        query: &query,
        may_edit,
        area_choices,
        responsible_choices,
        page: shown.page,
        pages: shown.pages,
    };
    Ok(views::workplan::table(&me.ctx, &page))
}

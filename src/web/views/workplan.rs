use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use maud::{Markup, html};

use super::{Crumb, csrf_field, forms, layout, owner_list, short_date, task_status_badge};
use crate::domain::TaskStatus;
use crate::i18n::Locale;
use crate::i18n::dates::month_year;
use crate::models::groups::Group;
use crate::models::owners::NamedOwner;
use crate::models::workplan::{Area, Task};
use crate::web::auth::PageContext;

/// The table's filters as the query string holds them; all optional.
#[derive(Debug, Default, Clone, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct WorkplanQuery {
    pub area: String,
    pub responsible: String,
    pub status: String,
    pub from: String,
    pub to: String,
    pub overdue: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
}

impl WorkplanQuery {
    /// The query string for the same filter on another page.
    pub fn with_page(&self, page: i64) -> String {
        let mut query = self.clone();
        query.page = Some(page);
        serde_html_form::to_string(&query).unwrap_or_default()
    }

    /// The filter's fields that are set, by name.
    fn set_fields(&self) -> Vec<(&'static str, &str)> {
        [
            ("area", &self.area),
            ("responsible", &self.responsible),
            ("status", &self.status),
            ("from", &self.from),
            ("to", &self.to),
            ("overdue", &self.overdue),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(name, value)| (name, value.as_str()))
        .collect()
    }

    /// The query string of the filter alone, when any is set.
    pub fn filter_string(&self) -> Option<String> {
        let set = self.set_fields();
        (!set.is_empty()).then(|| serde_html_form::to_string(&set).unwrap_or_default())
    }
}

/// A task past its end date and neither completed nor cancelled.
pub fn is_overdue(task: &Task, today: NaiveDate) -> bool {
    task.end_date.is_some_and(|end| end < today)
        && !matches!(task.status, TaskStatus::Completed | TaskStatus::Cancelled)
}

/// What a task row needs besides the task.
pub struct TaskRows<'a> {
    pub owners: HashMap<i64, Vec<&'a NamedOwner>>,
    pub today: NaiveDate,
    /// Areas whose tasks this user may change.
    pub editable_areas: HashSet<i64>,
    /// Short names of sub-groups, by area, for the tasks rolled up from them.
    pub subgroup_of_area: HashMap<i64, String>,
    pub links: LinkLabels,
}

/// What each task links to, by task, as compact labels.
#[derive(Debug, Default)]
pub struct LinkLabels {
    /// (action point id, "AP #3", topic)
    pub action_points: HashMap<i64, Vec<(i64, String, String)>>,
    /// (meeting id, "11 Jun 2014")
    pub meetings: HashMap<i64, Vec<(i64, String)>>,
}

/// A task's links under its title: "AP #3 · discussed 11 Jun 2014".
fn task_links(locale: &Locale, task_id: i64, links: &LinkLabels) -> Markup {
    let items = links.action_points.get(&task_id).map(Vec::as_slice).unwrap_or_default();
    let meetings = links.meetings.get(&task_id).map(Vec::as_slice).unwrap_or_default();
    html! {
        @if !items.is_empty() || !meetings.is_empty() {
            span.links {
                @for (id, label, topic) in items {
                    " " a.ap-link href={ "/action-points/" (id) } title=(topic) { (label) }
                }
                @if !meetings.is_empty() {
                    " " (locale.t("workplan-discussed-at"))
                    @for (id, day) in meetings {
                        " " a.meeting-link href={ "/meetings/" (id) } { (day) }
                    }
                }
            }
        }
    }
}

pub struct TablePage<'a> {
    pub group: &'a Group,
    pub crumbs: Vec<Crumb>,
    /// The group's own areas first, then those of the groups below it.
    pub areas: &'a [(Area, Vec<Task>)],
    pub rows: &'a TaskRows<'a>,
    pub query: &'a WorkplanQuery,
    pub may_edit: bool,
    pub area_choices: Vec<(String, String)>,
    pub responsible_choices: Vec<(String, String)>,
    /// Which page of tasks this is, of how many.
    pub page: i64,
    pub pages: i64,
}

fn status_choices(locale: &Locale) -> Vec<(String, String)> {
    TaskStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), locale.t(&format!("task-status-{}", s.as_str()))))
        .collect()
}

fn with_any(locale: &Locale, options: &[(String, String)]) -> Vec<(String, String)> {
    let mut all = vec![(String::new(), locale.t("action-filter-any"))];
    all.extend_from_slice(options);
    all
}

/// The area's cell, spanning its tasks as in the sheet, with the editing controls for
/// those who keep the workplan.
pub fn area_cell(ctx: &PageContext, area: &Area, rowspan: usize, rows: &TaskRows<'_>, controls: bool) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    html! {
        th scope="rowgroup" rowspan=(rowspan) {
            @if let Some(short) = rows.subgroup_of_area.get(&area.id) {
                span.badge.subgroup { (short) } " "
            }
            (area.name)
            @if controls {
                span.area-controls {
                    " "
                    a.edit href={ "/workplan/areas/" (area.id) "/edit" } { (locale.t("workplan-rename-area")) }
                    " "
                    a.edit href={ "/workplan/areas/" (area.id) "/delete" } { (locale.t("workplan-delete")) }
                    " "
                    a.edit href={ "/groups/" (area.group_id) "/workplan/tasks/new?area=" (area.id) } { (locale.t("workplan-add-task")) }
                    @for (direction, arrow, label) in [("up", "↑", "workplan-move-up"), ("down", "↓", "workplan-move-down")] {
                        form.inline method="post" action={ "/workplan/areas/" (area.id) "/move" } {
                            (csrf_field(token))
                            input type="hidden" name="direction" value=(direction);
                            button.secondary type="submit" aria-label=(locale.t(label)) title=(locale.t(label)) { (arrow) }
                        }
                    }
                }
            }
        }
    }
}

/// One task, also sent alone when its status changes in the background; the first
/// task of an area carries the area's cell (`area_rowspan` tells the row it does).
pub fn task_row(ctx: &PageContext, task: &Task, rows: &TaskRows<'_>, area: Option<(&Area, usize)>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let overdue = is_overdue(task, rows.today);
    let editable = rows.editable_areas.contains(&task.area_id);
    let date = |d: Option<NaiveDate>| d.map(|d| short_date(locale, d)).unwrap_or_default();
    html! {
        tr id={ "task-" (task.id) } class=[overdue.then_some("overdue")] {
            @if let Some((area, rowspan)) = area {
                (area_cell(ctx, area, rowspan, rows, editable))
            }
            td {
                @if let Some(short) = rows.subgroup_of_area.get(&task.area_id) {
                    span.badge.subgroup { (short) } " "
                }
                (task.title)
                @if editable {
                    " " a.edit href={ "/workplan/tasks/" (task.id) "/edit" } { (locale.t("workplan-edit-task")) }
                }
                (task_links(locale, task.id, &rows.links))
            }
            td { (rows.owners.get(&task.id).map(|o| owner_list(locale, o)).unwrap_or_default()) }
            td.date { (date(task.start_date)) }
            td.date.due {
                (date(task.end_date))
                @if overdue { " " span.badge.overdue { (locale.t("workplan-overdue")) } }
            }
            td.status {
                (task_status_badge(locale, task.status))
                @if !task.progress_note.is_empty() { p.note { (task.progress_note) } }
                @if editable {
                    form.inline method="post" action={ "/workplan/tasks/" (task.id) "/status" } data-swap="closest-row" {
                        (csrf_field(token))
                        @if let Some((_, rowspan)) = area { input type="hidden" name="area_rowspan" value=(rowspan); }
                        select name="status" aria-label=(locale.t("column-status")) {
                            @for (value, label) in status_choices(locale) {
                                option value=(value) selected[value == task.status.as_str()] { (label) }
                            }
                        }
                        input type="text" name="note" value=(task.progress_note) maxlength="4000" placeholder=(locale.t("workplan-progress-note")) aria-label=(locale.t("workplan-progress-note"));
                        button.secondary type="submit" { (locale.t("action-update")) }
                    }
                }
            }
            td { (task.comments) }
        }
    }
}

/// The workplan table with filters, the sub-groups' tasks, and, for those who keep
/// it, the editing controls.
pub fn table(ctx: &PageContext, page: &TablePage<'_>) -> Markup {
    let locale = &ctx.locale;
    let q = page.query;
    let gid = page.group.id;
    let own_areas = page.areas.iter().filter(|(a, _)| a.group_id == gid).count();
    layout(
        ctx,
        &locale.t_args("workplan-title", &[("group", page.group.short_name.as_str().into())]),
        &page.crumbs,
        html! {
            p.actions {
                a href={ "/groups/" (gid) "/workplan/timeline" @if let Some(filter) = q.filter_string() { "?" (filter) } } { (locale.t("workplan-timeline-link")) }
                @if page.may_edit {
                    " · " a href={ "/groups/" (gid) "/workplan.csv" } { (locale.t("action-export-csv")) }
                    " · " a href={ "/groups/" (gid) "/workplan.xlsx" } { (locale.t("action-export-xlsx")) }
                    " · " a href={ "/groups/" (gid) "/workplan/import" } { (locale.t("wp-import-link")) }
                    " · " a href={ "/groups/" (gid) "/workplan/areas/new" } { (locale.t("workplan-add-area")) }
                    @if own_areas > 0 {
                        " · " a href={ "/groups/" (gid) "/workplan/tasks/new" } { (locale.t("workplan-add-task")) }
                    }
                }
            }
            form.filters method="get" action={ "/groups/" (gid) "/workplan" } {
                (forms::select(&locale.t("column-area"), "area", &with_any(locale, &page.area_choices), &q.area))
                (forms::select(&locale.t("column-responsible"), "responsible", &with_any(locale, &page.responsible_choices), &q.responsible))
                (forms::select(&locale.t("column-status"), "status", &with_any(locale, &status_choices(locale)), &q.status))
                (forms::date(&locale.t("workplan-filter-from"), "from", &q.from, false))
                (forms::date(&locale.t("workplan-filter-to"), "to", &q.to, false))
                label.check { input type="checkbox" name="overdue" value="1" checked[!q.overdue.is_empty()]; (locale.t("workplan-filter-overdue")) }
                button type="submit" { (locale.t("workplan-filter-apply")) }
            }
            @if page.areas.is_empty() {
                p.empty { (locale.t("workplan-empty")) }
            } @else {
                (super::scroll_region(&locale.t_args("workplan-title", &[("group", page.group.short_name.as_str().into())]), html! {
                    table.data.workplan {
                        (super::column_heads(locale, &["column-area", "column-task", "column-responsible", "column-start-date", "column-end-date", "column-status", "column-comments"]))
                        @for (area, tasks) in page.areas {
                            tbody id={ "area-" (area.id) } {
                                @if tasks.is_empty() {
                                    tr {
                                        (area_cell(ctx, area, 1, page.rows, page.may_edit && area.group_id == gid))
                                        td colspan="6" .muted { (locale.t("workplan-area-empty")) }
                                    }
                                }
                                @for (index, task) in tasks.iter().enumerate() {
                                    (task_row(ctx, task, page.rows, (index == 0).then_some((area, tasks.len()))))
                                }
                            }
                        }
                    }
                }))
            }
            (pages_nav(locale, &format!("/groups/{gid}/workplan"), q, page.page, page.pages))
        },
    )
}

/// Links to the previous and next pages of the same filter at `base`, when there are several.
fn pages_nav(locale: &Locale, base: &str, query: &WorkplanQuery, page: i64, pages: i64) -> Markup {
    super::pagination(locale, page, pages, |n| format!("{base}?{}", query.with_page(n)))
}

/// The area form, as typed.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AreaFields {
    pub name: String,
}

pub struct AreaPage<'a> {
    pub title: String,
    pub crumbs: Vec<Crumb>,
    pub action: String,
    pub fields: &'a AreaFields,
    pub problems: &'a forms::Problems,
}

pub fn area_form(ctx: &PageContext, page: &AreaPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    layout(
        ctx,
        &page.title,
        &page.crumbs,
        html! {
            (forms::problems(locale, page.problems))
            form.narrow method="post" action=(page.action) {
                (csrf_field(token))
                (forms::text(&locale.t("column-area"), "name", &page.fields.name, true))
                button type="submit" { (locale.t("workplan-save")) }
            }
        },
    )
}

/// The task form, as typed.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct TaskForm {
    pub area: String,
    pub title: String,
    pub owners: Vec<String>,
    pub start_date: String,
    pub end_date: String,
    pub status: String,
    pub progress_note: String,
    pub comments: String,
    /// Ids of the action points the task serves.
    pub action_points: Vec<String>,
    /// Ids of the meetings that discussed it.
    pub meetings: Vec<String>,
}

pub struct TaskPage<'a> {
    pub title: String,
    pub crumbs: Vec<Crumb>,
    pub action: String,
    pub fields: &'a TaskForm,
    pub problems: &'a forms::Problems,
    pub areas: &'a [(String, String)],
    pub owners: &'a [(String, String)],
    pub action_points: &'a [(String, String)],
    pub meetings: &'a [(String, String)],
    /// The task's own address on its edit page, for the link to delete it.
    pub task_path: Option<String>,
}

/// A select of several options, kept as chosen; works without script.
fn multiple(label: &str, name: &str, options: &[(String, String)], chosen: &[String], required: bool) -> Markup {
    html! {
        label {
            (label)
            select name=(name) multiple size=(options.len().clamp(2, 8)) required[required] {
                @for (value, text) in options {
                    option value=(value) selected[chosen.contains(value)] { (text) }
                }
            }
        }
    }
}

pub fn task_form(ctx: &PageContext, page: &TaskPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let f = page.fields;
    let status = if f.status.is_empty() {
        TaskStatus::NotStarted.as_str()
    } else {
        f.status.as_str()
    };
    layout(
        ctx,
        &page.title,
        &page.crumbs,
        html! {
            (forms::problems(locale, page.problems))
            form.narrow method="post" action=(page.action) {
                (csrf_field(token))
                (forms::select(&locale.t("column-area"), "area", page.areas, &f.area))
                (forms::text(&locale.t("column-task"), "title", &f.title, true))
                (multiple(&locale.t("column-responsible"), "owners", page.owners, &f.owners, true))
                (forms::date(&locale.t("column-start-date"), "start_date", &f.start_date, false))
                (forms::date(&locale.t("column-end-date"), "end_date", &f.end_date, false))
                (forms::select(&locale.t("column-status"), "status", &status_choices(locale), status))
                (forms::textarea(&locale.t("workplan-progress-note"), "progress_note", &f.progress_note))
                (forms::textarea(&locale.t("column-comments"), "comments", &f.comments))
                (multiple(&locale.t("workplan-linked-action-points"), "action_points", page.action_points, &f.action_points, false))
                (multiple(&locale.t("workplan-linked-meetings"), "meetings", page.meetings, &f.meetings, false))
                button type="submit" { (locale.t("workplan-save")) }
            }
            @if let Some(path) = &page.task_path {
                p.actions { a.danger href={ (path) "/delete" } { (locale.t("workplan-delete-task")) } }
            }
        },
    )
}

/// A page asking to confirm a deletion, saying what goes with it.
pub struct DeletePage<'a> {
    pub title: String,
    pub crumbs: Vec<Crumb>,
    pub question: String,
    pub action: String,
    pub back: &'a str,
}

pub fn delete_confirmation(ctx: &PageContext, page: &DeletePage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    layout(
        ctx,
        &page.title,
        &page.crumbs,
        html! {
            p.lead { (page.question) }
            form.narrow method="post" action=(page.action) {
                (csrf_field(token))
                button.danger type="submit" { (locale.t("workplan-delete")) }
                " " a href=(page.back) { (locale.t("workplan-keep")) }
            }
        },
    )
}

/// Tasks linked from another page (an action point's, a meeting's), each with its
/// end date and status and a link to its row of the workplan.
pub fn linked_tasks(locale: &Locale, tasks: &[crate::models::workplan::TaskInGroup]) -> Markup {
    html! {
        ul.linked-tasks {
            @for task in tasks {
                li {
                    a href={ "/groups/" (task.group_id) "/workplan#task-" (task.id) } { (task.title) }
                    @if let Some(end) = task.end_date { " — " (short_date(locale, end)) }
                    " " (task_status_badge(locale, task.status))
                }
            }
        }
    }
}

/// The action point page's section on the workplan tasks it serves.
pub fn action_point_tasks(locale: &Locale, tasks: &[crate::models::workplan::TaskInGroup]) -> Markup {
    html! {
        @if !tasks.is_empty() {
            section #workplan-tasks {
                h2 { (locale.t("workplan-tasks-served")) }
                (linked_tasks(locale, tasks))
            }
        }
    }
}

/// The workplan item of a meeting's page, and where it goes.
pub struct MeetingWorkplan {
    /// The agenda item about the workplan; `None` puts it after the agenda.
    pub under_item: Option<i64>,
    pub markup: Markup,
}

impl MeetingWorkplan {
    /// The item's markup when it belongs under this agenda item.
    pub fn under(&self, agenda_item_id: i64) -> Option<&Markup> {
        (self.under_item == Some(agenda_item_id)).then_some(&self.markup)
    }

    /// The item's markup when no agenda item is about the workplan.
    pub fn after_agenda(&self) -> Option<&Markup> {
        self.under_item.is_none().then_some(&self.markup)
    }
}

/// The tasks of the group and its sub-groups that ended since the last meeting or are
/// overdue, and the tasks this meeting discussed.
pub fn meeting_section(
    ctx: &PageContext,
    group_id: i64,
    due: &[crate::models::workplan::AgendaTask],
    owners: &[NamedOwner],
    discussed: &[crate::models::workplan::TaskInGroup],
) -> Markup {
    let locale = &ctx.locale;
    let owners = super::action_points::owners_by_item(owners);
    html! {
        section #workplan-review .workplan-review {
            h3 { (locale.t("workplan-review-heading")) }
            @if due.is_empty() {
                p.empty { (locale.t("workplan-review-empty")) }
            } @else {
                (super::scroll_region(&locale.t("workplan-review-heading"), html! {
                    table.data.workplan {
                        thead { tr {
                            th scope="col" { (locale.t("column-area")) }
                            th scope="col" { (locale.t("column-task")) }
                            th scope="col" { (locale.t("column-responsible")) }
                            th scope="col" { (locale.t("column-end-date")) }
                            th scope="col" { (locale.t("column-status")) }
                        } }
                        tbody {
                            @for entry in due {
                                tr id={ "review-task-" (entry.task.id) } class={ "reason-" (entry.reason.as_str()) } {
                                    td {
                                        @if let Some(short) = &entry.subgroup { span.badge.subgroup { (short) } " " }
                                        (entry.area.name)
                                    }
                                    td { a href={ "/groups/" (entry.area.group_id) "/workplan#task-" (entry.task.id) } { (entry.task.title) } }
                                    td { (owners.get(&entry.task.id).map(|o| owner_list(locale, o)).unwrap_or_default()) }
                                    td.date.due {
                                        (entry.task.end_date.map(|d| short_date(locale, d)).unwrap_or_default())
                                        " " span class={ "badge " (entry.reason.as_str()) } { (locale.t(&format!("workplan-review-{}", entry.reason.as_str()))) }
                                    }
                                    td.status {
                                        (task_status_badge(locale, entry.task.status))
                                        @if !entry.task.progress_note.is_empty() { p.note { (entry.task.progress_note) } }
                                    }
                                }
                            }
                        }
                    }
                }))
            }
            @if !discussed.is_empty() {
                h4 { (locale.t("workplan-discussed-here")) }
                (linked_tasks(locale, discussed))
            }
            p.actions { a href={ "/groups/" (group_id) "/workplan" } { (locale.t("workplan-open-table")) } }
        }
    }
}

// --- Timeline -------------------------------------------------------------

const LABEL_WIDTH: f64 = 240.0;
const ROW_HEIGHT: f64 = 22.0;
const HEADER_HEIGHT: f64 = 28.0;

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let first = first_of_month(d);
    first.checked_add_months(chrono::Months::new(1)).unwrap_or(first)
}

fn status_colour(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::NotStarted => "#9aa5b1",
        TaskStatus::OnTrack => "#2f80ed",
        TaskStatus::Delayed => "#e0a100",
        TaskStatus::Completed => "#27ae60",
        TaskStatus::Cancelled => "#bdbdbd",
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// The dates a task's bar spans, when it has any.
fn task_span(task: &Task) -> Option<(NaiveDate, NaiveDate)> {
    match (task.start_date, task.end_date) {
        (Some(s), Some(e)) => Some((s, e)),
        (Some(d), None) | (None, Some(d)) => Some((d, d)),
        (None, None) => None,
    }
}

/// A Gantt chart of the dated tasks, by area: a band per month, a bar per task from
/// the start of its first day to the end of its last, coloured by status; today's
/// line when it falls inside. Plain SVG in the SVG namespace, no script.
pub fn timeline_svg(locale: &Locale, areas: &[(Area, Vec<Task>)], today: NaiveDate) -> Markup {
    let spans: Vec<(NaiveDate, NaiveDate)> = areas
        .iter()
        .flat_map(|(_, ts)| ts.iter().filter_map(task_span))
        .collect();
    let start = spans.iter().map(|s| s.0).min().map(first_of_month);
    let end = spans.iter().map(|s| s.1).max().map(next_month);
    let (Some(start), Some(end)) = (start, end) else {
        return html! {
            svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 400 40" width="100%" role="img" {
                title { (locale.t("workplan-timeline-empty")) }
                text x="8" y="24" { (locale.t("workplan-timeline-empty")) }
            }
        };
    };
    let days = (end - start).num_days().max(1) as f64;
    let day_width = (720.0 / days).max(3.0);
    let x_of = |d: NaiveDate| LABEL_WIDTH + (d - start).num_days() as f64 * day_width;
    let width = x_of(end) + 8.0;
    // Right to left, time runs leftwards: every x is mirrored, labels sit on the right.
    let rtl = locale.dir == "rtl";
    let at = |x: f64| if rtl { width - x } else { x };
    let between = |x0: f64, x1: f64| (at(x0).min(at(x1)), x1 - x0);
    let rows: usize = areas
        .iter()
        .filter(|(_, ts)| ts.iter().any(|t| task_span(t).is_some()))
        .map(|(_, ts)| 1 + ts.iter().filter(|t| task_span(t).is_some()).count())
        .sum();
    let height = HEADER_HEIGHT + rows as f64 * ROW_HEIGHT + 8.0;
    let mut months = Vec::new();
    let mut m = start;
    while m < end {
        months.push(m);
        m = next_month(m);
    }
    let mut y = HEADER_HEIGHT;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" direction=(if rtl { "rtl" } else { "ltr" })
            viewBox={ "0 0 " (fmt(width)) " " (fmt(height)) } width="100%"
            preserveAspectRatio="xMinYMin meet" style={ "min-width:" (fmt(width.min(900.0))) "px" } {
            title { (locale.t("workplan-timeline-title")) }
            g.months {
                @for (i, month) in months.iter().enumerate() {
                    @let (x0, x1) = (x_of(*month), x_of(next_month(*month)));
                    @let (x, w) = between(x0, x1);
                    rect.month data-month=(month.format("%Y-%m")) x=(fmt(x)) y="0" width=(fmt(w)) height=(fmt(height))
                        fill=(if i % 2 == 0 { "#f4f6f8" } else { "#ffffff" }) stroke="#d0d7de" stroke-width="0.5" {}
                    text.tick x=(fmt(at(x0 + 3.0))) y="18" font-size="11" fill="#333" { (month_year(locale, *month)) }
                }
            }
            @for (area, tasks) in areas {
                @let dated: Vec<&Task> = tasks.iter().filter(|t| task_span(t).is_some()).collect();
                @if !dated.is_empty() {
                    @let area_y = { let v = y; y += ROW_HEIGHT; v };
                    text.area x=(fmt(at(4.0))) y=(fmt(area_y + 15.0)) font-size="12" font-weight="bold" fill="#111" { (shorten(&area.name, 34)) title { (area.name) } }
                    @for task in dated {
                        @let row_y = { let v = y; y += ROW_HEIGHT; v };
                        @let (s, e) = task_span(task).unwrap_or((start, start));
                        @let overdue = is_overdue(task, today);
                        @let label = format!("{} ({} – {}, {})", task.title, short_date(locale, s), short_date(locale, e), locale.t(&format!("task-status-{}", task.status.as_str())));
                        g data-task=(task.id) class={ "task task-" (task.status.as_str()) @if overdue { " overdue" } } {
                            title { (label) @if overdue { " – " (locale.t("workplan-overdue")) } }
                            text.label x=(fmt(at(14.0))) y=(fmt(row_y + 15.0)) font-size="11" fill="#222" { (shorten(&task.title, 36)) }
                            @let (x, w) = between(x_of(s), x_of(e + chrono::Days::new(1)));
                            rect.bar x=(fmt(x)) y=(fmt(row_y + 4.0)) width=(fmt(w)) height=(fmt(ROW_HEIGHT - 8.0))
                                rx="3" fill=(status_colour(task.status))
                                stroke=(if overdue { "#c0392b" } else { "none" }) stroke-width=(if overdue { "2" } else { "0" }) {}
                            @if overdue {
                                text.overdue x=(fmt(at(x_of(e + chrono::Days::new(1)) + 3.0))) y=(fmt(row_y + 15.0)) font-size="11" fill="#c0392b" { "!" }
                            }
                        }
                    }
                }
            }
            @if today >= start && today < end {
                line.today x1=(fmt(at(x_of(today)))) x2=(fmt(at(x_of(today)))) y1="0" y2=(fmt(height)) stroke="#c0392b" stroke-width="1.5" stroke-dasharray="4 2" {
                    title { (locale.t("workplan-today")) }
                }
            }
        }
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.2}")
}

pub struct TimelinePage<'a> {
    pub group: &'a Group,
    pub crumbs: Vec<Crumb>,
    pub svg: Markup,
    /// The filter, the period above all, that the table's link or the form gave.
    pub query: &'a WorkplanQuery,
    /// Which page of tasks this is, of how many.
    pub page: i64,
    pub pages: i64,
}

pub fn timeline(ctx: &PageContext, page: &TimelinePage<'_>) -> Markup {
    let locale = &ctx.locale;
    let q = page.query;
    layout(
        ctx,
        &locale.t_args(
            "workplan-timeline-heading",
            &[("group", page.group.short_name.as_str().into())],
        ),
        &page.crumbs,
        html! {
            p.actions {
                a href={ "/groups/" (page.group.id) "/workplan" } { (locale.t("workplan-table-link")) }
                " · " a href={ "/groups/" (page.group.id) "/workplan/timeline.svg" @if let Some(filter) = q.filter_string() { "?" (filter) } } { (locale.t("workplan-timeline-svg")) }
            }
            form.filters method="get" action={ "/groups/" (page.group.id) "/workplan/timeline" } {
                @for (name, value) in q.set_fields().into_iter().filter(|(name, _)| !matches!(*name, "from" | "to")) {
                    input type="hidden" name=(name) value=(value);
                }
                (forms::date(&locale.t("workplan-filter-from"), "from", &q.from, false))
                (forms::date(&locale.t("workplan-filter-to"), "to", &q.to, false))
                button type="submit" { (locale.t("workplan-filter-apply")) }
            }
            ul.legend {
                @for status in TaskStatus::ALL {
                    li { span.swatch style={ "background:" (status_colour(*status)) } {} " " (locale.t(&format!("task-status-{}", status.as_str()))) }
                }
            }
            div.timeline-scroll role="region" aria-label=(locale.t("workplan-timeline-title")) tabindex="0" { (page.svg) }
            (pages_nav(locale, &format!("/groups/{}/workplan/timeline", page.group.id), q, page.page, page.pages))
        },
    )
}

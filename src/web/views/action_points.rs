//! Tables of action points: the review that opens a meeting, and a group's list.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use chrono_tz::Tz;
use maud::{Markup, html};

use super::forms;
use super::{Crumb, action_status_badge, csrf_field, layout, owner_list, short_date};
use crate::domain::ActionStatus;
use crate::domain::review::TopicGroup;
use crate::i18n::Locale;
use crate::models::action_points::ActionPoint;
use crate::models::owners::NamedOwner;
pub use crate::models::owners::owners_by_item;
use crate::web::auth::PageContext;

fn owners_cell(locale: &Locale, owners: &HashMap<i64, Vec<&NamedOwner>>, id: i64) -> String {
    owners.get(&id).map(|o| owner_list(locale, o)).unwrap_or_default()
}

fn due_cell(locale: &Locale, item: &ActionPoint) -> Markup {
    html! {
        @match item.due_date {
            Some(due) => time datetime=(due.to_string()) { (short_date(locale, due)) },
            None => span.muted { (locale.t("action-no-due-date")) },
        }
    }
}

/// The review table, grouped by topic, with each item's status and note as it stood.
pub fn review_table(
    ctx: &PageContext,
    groups: &[TopicGroup<'_>],
    items: &HashMap<i64, &ActionPoint>,
    owners: &HashMap<i64, Vec<&NamedOwner>>,
    tz: Tz,
    editable: bool,
) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    html! {
        @if groups.is_empty() {
            p.empty { (locale.t("review-empty")) }
        } @else {
            (super::scroll_region(&locale.t("meeting-review"), html! {
                table.data.review {
                    thead {
                        tr {
                            th scope="col" { "#" }
                            th scope="col" { (locale.t("column-action")) }
                            th scope="col" { (locale.t("column-owners")) }
                            th scope="col" { (locale.t("column-due")) }
                            th scope="col" { (locale.t("column-status")) }
                        }
                    }
                    @for group in groups {
                        tbody {
                            tr.topic { th colspan="5" scope="colgroup" { (group.topic) } }
                            @for row in &group.rows {
                                @if let Some(item) = items.get(&row.id) {
                                    tr {
                                        td.num { (item.number) }
                                        td dir="auto" { (item.text) }
                                        td { (owners_cell(locale, owners, item.id)) }
                                        td.date { (due_cell(locale, item)) }
                                        td.status {
                                            (action_status_badge(locale, row.status))
                                            @if !row.note.is_empty() {
                                                p.note { (row.note) }
                                            }
                                            @if let (Some(by), Some(at)) = (&row.noted_by, row.noted_at) {
                                                p.by { (by) ", " (short_date(locale, at.with_timezone(&tz).date_naive())) }
                                            }
                                            @if row.is_stuck() {
                                                p { span.badge.stuck { (locale.t_args("review-stuck", &[("count", row.meetings_open.into())])) } }
                                            }
                                            @if editable {
                                                form.inline method="post" action={ "/action-points/" (item.id) "/status" } {
                                                    (csrf_field(token))
                                                    (inline_status_fields(ctx, item.status))
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }))
        }
    }
}

/// Under a review that lists only its first items: where the others are.
pub fn review_more(locale: &Locale, group_id: i64, more: bool) -> Markup {
    html! {
        @if more {
            p.more {
                a href={ "/groups/" (group_id) "/action-points" } {
                    (locale.t_args("review-more", &[("count", crate::models::reviews::MAX_ROWS.into())]))
                }
            }
        }
    }
}

/// Action points as a plain table (the new items of a meeting's minutes).
pub fn simple_table(locale: &Locale, items: &[ActionPoint], owners: &HashMap<i64, Vec<&NamedOwner>>) -> Markup {
    html! {
        @if items.is_empty() {
            p.empty { (locale.t("action-none")) }
        } @else {
            (super::scroll_region(&locale.t("nav-action-points"), html! {
                table.data {
                    thead {
                        tr {
                            th scope="col" { "#" }
                            th scope="col" { (locale.t("column-topic")) }
                            th scope="col" { (locale.t("column-action")) }
                            th scope="col" { (locale.t("column-owners")) }
                            th scope="col" { (locale.t("column-due")) }
                        }
                    }
                    tbody {
                        @for item in items {
                            tr {
                                td.num { (item.number) }
                                td { (item.topic) }
                                td dir="auto" { (item.text) }
                                td { (owners_cell(locale, owners, item.id)) }
                                td.date { (due_cell(locale, item)) }
                            }
                        }
                    }
                }
            }))
        }
    }
}

/// The filter of a list as it appears in the URL, kept as typed.
#[derive(Debug, Default, Clone, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ListQuery {
    /// Empty: open and in progress; `all`; or one status.
    pub status: String,
    pub owner: String,
    pub organization: String,
    pub topic: String,
    pub due_before: String,
    pub due_after: String,
    pub meeting: String,
    pub q: String,
    pub sort: String,
    pub page: Option<i64>,
}

impl ListQuery {
    /// The query string for the same filter on another page.
    pub fn with_page(&self, page: i64) -> String {
        let mut query = self.clone();
        query.page = Some(page);
        serde_html_form::to_string(&query).unwrap_or_default()
    }
}

/// The options of the filter's selects.
#[derive(Default)]
pub struct FilterChoices {
    pub owners: Vec<(String, String)>,
    pub organizations: Vec<(String, String)>,
    pub topics: Vec<String>,
    pub meetings: Vec<(String, String)>,
}

/// What a row needs besides the item.
pub struct RowContext<'a> {
    pub owners: &'a HashMap<i64, Vec<&'a NamedOwner>>,
    pub raised_at: &'a HashMap<i64, String>,
    pub group_names: &'a HashMap<i64, String>,
    pub updatable: &'a HashSet<i64>,
    pub may_bulk: bool,
    pub today: NaiveDate,
}

pub struct ListPage<'a> {
    pub title: String,
    pub crumbs: Vec<Crumb>,
    /// The list's own path, for the filter form and the page links.
    pub base: String,
    /// Where "new action point" and bulk changes go, when the viewer may use them.
    pub new_path: Option<String>,
    pub bulk_path: Option<String>,
    /// The list as CSV and XLSX (with the same filter), when the viewer may export it.
    pub export_paths: Option<(String, String)>,
    /// The import's upload form, when the viewer may import.
    pub import_path: Option<String>,
    pub items: &'a [ActionPoint],
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub query: &'a ListQuery,
    pub choices: &'a FilterChoices,
    pub rows: RowContext<'a>,
}

fn status_options(ctx: &PageContext, with_filters: bool) -> Vec<(String, String)> {
    let locale = &ctx.locale;
    let mut options = Vec::new();
    if with_filters {
        options.push((String::new(), locale.t("action-filter-not-closed")));
        options.push(("all".to_owned(), locale.t("action-filter-all")));
    }
    options.extend(
        ActionStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), locale.t(&format!("action-status-{s}")))),
    );
    options
}

fn with_any(ctx: &PageContext, options: &[(String, String)]) -> Vec<(String, String)> {
    let mut all = vec![(String::new(), ctx.locale.t("action-filter-any"))];
    all.extend_from_slice(options);
    all
}

/// Status and note in one line, labelled for screen readers, for the one-click update.
fn inline_status_fields(ctx: &PageContext, current: ActionStatus) -> Markup {
    let locale = &ctx.locale;
    html! {
        select name="status" aria-label=(locale.t("column-status")) {
            @for (value, label) in status_options(ctx, false) {
                option value=(value) selected[value == current.as_str()] { (label) }
            }
        }
        input type="text" name="note" value="" maxlength="4000" placeholder=(locale.t("field-note")) aria-label=(locale.t("field-note"));
        button.secondary type="submit" { (locale.t("action-update")) }
    }
}

/// One row of a list, also sent alone when a status changes in the background.
/// Action points as a table in a scrolling region named `label`, one `row` each.
pub fn table(ctx: &PageContext, label: &str, items: &[ActionPoint], rows: &RowContext<'_>) -> Markup {
    let locale = &ctx.locale;
    super::scroll_region(
        label,
        html! {
            table.data.action-points {
                thead { tr {
                    @if rows.may_bulk { th scope="col" { span.visually-hidden { (locale.t("action-select-column")) } } }
                    th scope="col" { "#" }
                    @if !rows.group_names.is_empty() { th scope="col" { (locale.t("column-group")) } }
                    th scope="col" { (locale.t("column-topic")) }
                    th scope="col" { (locale.t("column-action")) }
                    th scope="col" { (locale.t("column-owners")) }
                    th scope="col" { (locale.t("column-due")) }
                    th scope="col" { (locale.t("column-status")) }
                    th scope="col" { (locale.t("column-raised-at")) }
                } }
                tbody { @for item in items { (row(ctx, item, rows)) } }
            }
        },
    )
}

pub fn row(ctx: &PageContext, item: &ActionPoint, rows: &RowContext<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let overdue = item.due_date.is_some_and(|due| due < rows.today) && !item.status.is_closed();
    html! {
        tr id={ "action-point-" (item.id) } class=[overdue.then_some("overdue")] {
            @if rows.may_bulk {
                td { input type="checkbox" name="ids" value=(item.id) form="bulk" aria-label=(locale.t_args("action-select", &[("number", item.number.into())])); }
            }
            td.num { a href={ "/action-points/" (item.id) } { (item.number) } }
            @if !rows.group_names.is_empty() { td { (rows.group_names.get(&item.group_id).map(String::as_str).unwrap_or("")) } }
            td { (item.topic) }
            td { a href={ "/action-points/" (item.id) } { bdi { (item.text) } } }
            td { (owners_cell(locale, rows.owners, item.id)) }
            td.date.due {
                (due_cell(locale, item))
                @if overdue { " " span.badge.overdue { (locale.t("action-overdue")) } }
            }
            td.status {
                (action_status_badge(locale, item.status))
                @if !item.status_note.is_empty() { p.note dir="auto" { (item.status_note) } }
                @if rows.updatable.contains(&item.id) {
                    form.inline method="post" action={ "/action-points/" (item.id) "/status" } data-swap="closest-row" {
                        (csrf_field(token))
                        @if !rows.group_names.is_empty() { input type="hidden" name="many" value="1"; }
                        (inline_status_fields(ctx, item.status))
                    }
                }
            }
            td.date { (rows.raised_at.get(&item.id).map(String::as_str).unwrap_or("")) }
        }
    }
}

pub fn list(ctx: &PageContext, page: &ListPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let query = page.query;
    let pages = (page.total + page.per_page - 1) / page.per_page;
    let sorts: Vec<(String, String)> = ["due", "number", "topic", "status"]
        .iter()
        .map(|s| (s.to_string(), locale.t(&format!("action-sort-{s}"))))
        .collect();
    let topics: Vec<(String, String)> = page.choices.topics.iter().map(|t| (t.clone(), t.clone())).collect();
    layout(
        ctx,
        &page.title,
        &page.crumbs,
        html! {
            @if page.new_path.is_some() || page.export_paths.is_some() || page.import_path.is_some() {
                nav.controls {
                    @if let Some(new_path) = &page.new_path {
                        a.button href=(new_path) { (locale.t("action-new")) }
                    }
                    @if let Some((csv, xlsx)) = &page.export_paths {
                        " " a href=(csv) { (locale.t("action-export-csv")) }
                        " " a href=(xlsx) { (locale.t("action-export-xlsx")) }
                    }
                    @if let Some(import_path) = &page.import_path {
                        " " a href=(import_path) { (locale.t("action-import")) }
                    }
                }
            }
            form.filters method="get" action=(page.base) {
                (forms::select(&locale.t("column-status"), "status", &status_options(ctx, true), &query.status))
                (forms::select(&locale.t("column-owners"), "owner", &with_any(ctx, &page.choices.owners), &query.owner))
                (forms::select(&locale.t("column-organization"), "organization", &with_any(ctx, &page.choices.organizations), &query.organization))
                (forms::select(&locale.t("column-topic"), "topic", &with_any(ctx, &topics), &query.topic))
                (forms::select(&locale.t("action-filter-meeting"), "meeting", &with_any(ctx, &page.choices.meetings), &query.meeting))
                (forms::date(&locale.t("action-filter-due-after"), "due_after", &query.due_after, false))
                (forms::date(&locale.t("action-filter-due-before"), "due_before", &query.due_before, false))
                label { (locale.t("action-filter-search")) input type="search" name="q" value=(query.q); }
                (forms::select(&locale.t("action-sort"), "sort", &sorts, &query.sort))
                button type="submit" { (locale.t("action-filter-apply")) }
            }
            p.count { (locale.t_args("action-count", &[("count", page.total.into())])) }
            @if let Some(bulk_path) = &page.bulk_path {
                form #bulk.bulk method="post" action=(bulk_path) {
                    (csrf_field(token))
                    (forms::select(&locale.t("action-bulk-status"), "status", &with_any(ctx, &status_options(ctx, false)), ""))
                    (forms::select(&locale.t("action-bulk-owner"), "owner", &with_any(ctx, &page.choices.owners), ""))
                    label { (locale.t("field-note")) input type="text" name="note" maxlength="4000"; }
                    button.secondary type="submit" { (locale.t("action-bulk-apply")) }
                }
            }
            @if page.items.is_empty() {
                p.empty { (locale.t("action-none")) }
            } @else {
                (table(ctx, &locale.t("nav-action-points"), page.items, &page.rows))
            }
            (super::pagination(locale, page.page, pages, |n| format!("{}?{}", page.base, query.with_page(n))))
        },
    )
}

/// What the new-item form holds, as typed.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NewFields {
    pub topic: String,
    pub text: String,
    pub owners: Vec<String>,
    pub due_date: String,
    pub restricted: Option<String>,
    pub meeting: String,
}

pub struct NewPage<'a> {
    pub group: &'a crate::models::groups::Group,
    pub crumbs: Vec<Crumb>,
    pub fields: &'a NewFields,
    pub problems: &'a forms::Problems,
    pub owners: &'a [(String, String)],
    pub meetings: &'a [(String, String)],
}

pub fn new_form(ctx: &PageContext, page: &NewPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let mut meetings = vec![(String::new(), locale.t("action-no-meeting"))];
    meetings.extend_from_slice(page.meetings);
    layout(
        ctx,
        &locale.t_args("action-new-title", &[("group", page.group.short_name.as_str().into())]),
        &page.crumbs,
        html! {
            (forms::problems(locale, page.problems))
            form.narrow method="post" action={ "/groups/" (page.group.id) "/action-points" } {
                (csrf_field(token))
                (forms::text(&locale.t("column-topic"), "topic", &page.fields.topic, true))
                (forms::textarea(&locale.t("column-action"), "text", &page.fields.text))
                label {
                    (locale.t("column-owners"))
                    select name="owners" multiple size="8" required {
                        @for (value, label) in page.owners {
                            option value=(value) selected[page.fields.owners.contains(value)] { (label) }
                        }
                    }
                }
                (forms::date(&locale.t("column-due"), "due_date", &page.fields.due_date, false))
                (forms::select(&locale.t("action-filter-meeting"), "meeting", &meetings, &page.fields.meeting))
                label.check { input type="checkbox" name="restricted" value="on" checked[page.fields.restricted.is_some()]; (locale.t("action-restricted")) }
                button type="submit" { (locale.t("action-new")) }
            }
        },
    )
}

pub struct DetailPage<'a> {
    pub item: &'a ActionPoint,
    pub crumbs: Vec<Crumb>,
    pub owners: String,
    pub raised_at: Option<(i64, String)>,
    pub history: &'a [crate::models::action_points::HistoryEntry],
    pub may_update: bool,
    pub tz: chrono_tz::Tz,
    /// The people reminders reach for this item.
    pub reached: &'a [crate::models::action_points::Reached],
    pub workplan_tasks: &'a [crate::models::workplan::TaskInGroup],
}

/// One item: what it is, who owns it, its whole history, and the update form.
pub fn detail(ctx: &PageContext, page: &DetailPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let item = page.item;
    layout(
        ctx,
        &format!("#{} {}", item.number, item.topic),
        &page.crumbs,
        html! {
            p.lead dir="auto" { (item.text) }
            dl.summary {
                dt { (locale.t("column-owners")) } dd { (page.owners) }
                dt { (locale.t("action-reached")) }
                dd.reached {
                    @for (index, person) in page.reached.iter().enumerate() {
                        @if index > 0 { ", " }
                        (person.name)
                    }
                }
                dt { (locale.t("column-due")) } dd { (due_cell(locale, item)) }
                dt { (locale.t("column-status")) } dd { (action_status_badge(locale, item.status)) @if !item.status_note.is_empty() { " " bdi { (item.status_note) } } }
                @if let Some((meeting_id, date)) = &page.raised_at {
                    dt { (locale.t("column-raised-at")) } dd { a href={ "/meetings/" (meeting_id) } { (date) } }
                }
            }
            @if page.may_update {
                section {
                    h2 { (locale.t("action-update-title")) }
                    form.narrow method="post" action={ "/action-points/" (item.id) "/status" } {
                        (csrf_field(token))
                        (forms::select(&locale.t("column-status"), "status", &status_options(ctx, false), item.status.as_str()))
                        (forms::textarea(&locale.t("field-note"), "note", ""))
                        button type="submit" { (locale.t("action-update")) }
                    }
                }
            }
            (super::workplan::action_point_tasks(locale, page.workplan_tasks))
            section {
                h2 { (locale.t("action-history")) }
                (super::scroll_region(&locale.t("action-history"), html! {
                    table.data.history {
                        thead { tr {
                            th scope="col" { (locale.t("history-when")) }
                            th scope="col" { (locale.t("history-who")) }
                            th scope="col" { (locale.t("column-status")) }
                            th scope="col" { (locale.t("field-note")) }
                            th scope="col" { (locale.t("history-via")) }
                        } }
                        tbody {
                            @for entry in page.history {
                                tr {
                                    td.date { (super::stamp(locale, entry.at, page.tz)) }
                                    td { (entry.by.as_deref().unwrap_or("")) }
                                    td {
                                        @if let Some(old) = entry.old_status { (locale.t(&format!("action-status-{old}"))) " → " }
                                        (locale.t(&format!("action-status-{}", entry.new_status)))
                                    }
                                    td { (entry.note) }
                                    td { (locale.t(&format!("via-{}", entry.via))) }
                                }
                            }
                        }
                    }
                }))
            }
        },
    )
}

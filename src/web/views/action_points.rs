//! Tables of action points: the review that opens a meeting, and a group's list.

use std::collections::HashMap;

use chrono_tz::Tz;
use maud::{Markup, html};

use super::{Crumb, action_status_badge, layout, local_date, owner_list, short_date};
use crate::domain::review::TopicGroup;
use crate::i18n::Locale;
use crate::models::action_points::ActionPoint;
use crate::models::groups::Group;
use crate::models::meetings::Meeting;
use crate::models::owners::NamedOwner;
use crate::web::auth::PageContext;

/// Owners by the id of what they own.
pub fn owners_by_item(owners: &[NamedOwner]) -> HashMap<i64, Vec<&NamedOwner>> {
    let mut map: HashMap<i64, Vec<&NamedOwner>> = HashMap::new();
    for owner in owners {
        map.entry(owner.owned_id).or_default().push(owner);
    }
    map
}

fn owners_cell(locale: &Locale, owners: &HashMap<i64, Vec<&NamedOwner>>, id: i64) -> String {
    owners.get(&id).map(|o| owner_list(locale, o)).unwrap_or_default()
}

fn due_cell(locale: &Locale, item: &ActionPoint) -> Markup {
    html! {
        @match item.due_date {
            Some(due) => time datetime=(due.to_string()) { (short_date(due)) },
            None => span.muted { (locale.t("action-no-due-date")) },
        }
    }
}

/// The review table, grouped by topic, with each item's status and note as it stood.
pub fn review_table(
    locale: &Locale,
    groups: &[TopicGroup<'_>],
    items: &HashMap<i64, &ActionPoint>,
    owners: &HashMap<i64, Vec<&NamedOwner>>,
    tz: Tz,
) -> Markup {
    html! {
        @if groups.is_empty() {
            p.empty { (locale.t("review-empty")) }
        } @else {
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
                            @if let Some(item) = items.get(&row.candidate.id) {
                                tr {
                                    td.num { (item.number) }
                                    td { (item.text) }
                                    td { (owners_cell(locale, owners, item.id)) }
                                    td.date { (due_cell(locale, item)) }
                                    td.status {
                                        (action_status_badge(locale, row.status))
                                        @if !row.note.is_empty() {
                                            p.note { (row.note) }
                                        }
                                        @if let (Some(by), Some(at)) = (row.noted_by, row.noted_at) {
                                            p.by { (by) ", " (short_date(at.with_timezone(&tz).date_naive())) }
                                        }
                                    }
                                }
                            }
                        }
                    }
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
                            td { (item.text) }
                            td { (owners_cell(locale, owners, item.id)) }
                            td.date { (due_cell(locale, item)) }
                        }
                    }
                }
            }
        }
    }
}

pub struct ListPage<'a> {
    pub group: &'a Group,
    pub crumbs: Vec<Crumb>,
    pub items: &'a [ActionPoint],
    pub owners: &'a [NamedOwner],
    pub meetings: &'a HashMap<i64, &'a Meeting>,
}

/// A group's action points: open ones first, then those done or dropped.
pub fn list(ctx: &PageContext, page: &ListPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let owners = owners_by_item(page.owners);
    let tz = page.group.tz();
    let (open, closed): (Vec<&ActionPoint>, Vec<&ActionPoint>) = page.items.iter().partition(|i| !i.status.is_closed());
    let table = |items: &[&ActionPoint]| {
        html! {
            @if items.is_empty() {
                p.empty { (locale.t("action-none")) }
            } @else {
                table.data.action-points {
                    thead {
                        tr {
                            th scope="col" { "#" }
                            th scope="col" { (locale.t("column-topic")) }
                            th scope="col" { (locale.t("column-action")) }
                            th scope="col" { (locale.t("column-owners")) }
                            th scope="col" { (locale.t("column-due")) }
                            th scope="col" { (locale.t("column-status")) }
                            th scope="col" { (locale.t("column-raised-at")) }
                        }
                    }
                    tbody {
                        @for item in items {
                            tr {
                                td.num { (item.number) }
                                td { (item.topic) }
                                td { (item.text) }
                                td { (owners_cell(locale, &owners, item.id)) }
                                td.date { (due_cell(locale, item)) }
                                td.status {
                                    (action_status_badge(locale, item.status))
                                    @if !item.status_note.is_empty() { p.note { (item.status_note) } }
                                }
                                td.date {
                                    @if let Some(meeting) = item.meeting_id.and_then(|id| page.meetings.get(&id)) {
                                        a href={ "/meetings/" (meeting.id) } { (local_date(meeting.starts_at, tz)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(
        ctx,
        &locale.t_args("action-list-title", &[("group", page.group.short_name.as_str().into())]),
        &page.crumbs,
        html! {
            section {
                h2 { (locale.t("action-list-open")) " " span.count { (open.len()) } }
                (table(&open))
            }
            section {
                h2 { (locale.t("action-list-closed")) " " span.count { (closed.len()) } }
                (table(&closed))
            }
        },
    )
}

use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::action_points::{self, RowContext};
use super::forms::{self, Problems};
use super::{Crumb, csrf_field, date_at_time, layout, meeting_status_badge};
use crate::domain::GroupKind;
use crate::i18n::Locale;
use crate::models::action_points::ActionPoint;
use crate::models::groups::Group;
use crate::models::meetings::Meeting;
use crate::web::auth::PageContext;

pub fn crumbs(ancestors: &[Group]) -> Vec<Crumb> {
    ancestors
        .iter()
        .map(|g| Crumb {
            label: g.short_name.clone(),
            href: format!("/groups/{}", g.id),
        })
        .collect()
}

/// The trail to a group, ending at the group itself.
pub fn crumbs_to(ancestors: &[Group], group: &Group) -> Vec<Crumb> {
    let mut trail = crumbs(ancestors);
    trail.push(Crumb {
        label: group.short_name.clone(),
        href: format!("/groups/{}", group.id),
    });
    trail
}

pub fn home(
    ctx: &PageContext,
    groups: &[Group],
    mine: &[ActionPoint],
    mine_total: i64,
    rows: &RowContext<'_>,
) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t("home-heading"),
        &[],
        html! {
            @if ctx.user().is_some_and(|u| u.is_admin) {
                nav.controls { a.button href="/groups/new" { (locale.t("group-new-title")) } }
            }
            section.mine {
                h2 { (locale.t("action-mine-title")) " " span.count { (mine_total) } }
                @if mine.is_empty() {
                    p.empty { (locale.t("action-mine-none")) }
                } @else {
                    (action_points::table(ctx, &locale.t("action-mine-title"), mine, rows))
                    p { a href="/action-points?owner=me" { (locale.t("action-mine-all")) } }
                }
            }
            h2 { (locale.t("home-title")) }
            @if groups.is_empty() {
                p.empty { (locale.t("home-no-groups")) }
            } @else {
                ul.cards {
                    @for group in groups {
                        li.card {
                            h2 { a href={ "/groups/" (group.id) } { bdi { (group.name) } } }
                            p.meta {
                                (locale.t(&format!("group-kind-{}", group.kind.as_str())))
                                @if let Some(location) = &group.location { " · " (location) }
                            }
                            @if !group.description.is_empty() { p { (group.description) } }
                        }
                    }
                }
            }
        },
    )
}

pub struct GroupPage<'a> {
    pub group: &'a Group,
    pub ancestors: &'a [Group],
    pub children: &'a [Group],
    pub meetings: &'a [Meeting],
    pub now: DateTime<Utc>,
    /// Coordinators and co-chairs see the controls to run the group.
    pub may_manage: bool,
}

pub fn show(ctx: &PageContext, page: &GroupPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let group = page.group;
    let tz = group.tz();
    let (mut upcoming, past): (Vec<&Meeting>, Vec<&Meeting>) =
        page.meetings.iter().partition(|m| m.ends_at() >= page.now);
    upcoming.reverse();
    layout(
        ctx,
        &group.name,
        &crumbs(page.ancestors),
        html! {
            p.meta {
                (locale.t(&format!("group-kind-{}", group.kind.as_str())))
                @if let Some(location) = &group.location { " · " (location) }
                " · " (group.time_zone)
            }
            @if group.archived_at.is_some() { p.notice { (locale.t("group-archived")) } }
            @if !group.description.is_empty() { p.lead { (group.description) } }
            @if page.may_manage { (lead_controls(ctx, group)) }
            nav.tabs {
                a href={ "/groups/" (group.id) "/action-points" } { (locale.t("group-action-points-link")) }
                a href={ "/groups/" (group.id) "/workplan" } { (locale.t("group-workplan-link")) }
                a href={ "/groups/" (group.id) "/directory" } { (locale.t("group-directory-link")) }
                a href={ "/groups/" (group.id) "/meetings" } { (locale.t("meetings-list-link")) }
            }
            section {
                h2 { (locale.t("group-upcoming-meetings")) }
                (meeting_list(locale, &upcoming, tz))
            }
            section {
                h2 { (locale.t("group-past-meetings")) }
                (meeting_list(locale, &past, tz))
            }
            @if !page.children.is_empty() {
                section {
                    h2 { (locale.t("group-subgroups")) }
                    ul.subgroups {
                        @for child in page.children {
                            li {
                                a href={ "/groups/" (child.id) } { bdi { (child.name) } }
                                " "
                                span.meta { (locale.t(&format!("group-kind-{}", child.kind.as_str()))) }
                            }
                        }
                    }
                }
            }
        },
    )
}

fn meeting_list(locale: &Locale, meetings: &[&Meeting], tz: chrono_tz::Tz) -> Markup {
    html! {
        @if meetings.is_empty() {
            p.empty { (locale.t("group-no-meetings")) }
        } @else {
            ul.meetings {
                @for meeting in meetings {
                    li {
                        a href={ "/meetings/" (meeting.id) } {
                            time datetime=(meeting.starts_at.to_rfc3339()) {
                                (date_at_time(locale, meeting.starts_at, tz))
                            }
                        }
                        " — " bdi { (meeting.title) } " "
                        (meeting_status_badge(locale, meeting.status))
                    }
                }
            }
        }
    }
}

/// What the group form holds, as typed.
#[derive(Debug, Default, serde::Deserialize)]
pub struct GroupFields {
    pub name: String,
    pub short_name: String,
    pub kind: String,
    #[serde(default)]
    pub location: String,
    pub time_zone: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub default_locale: String,
    pub meeting_reminder_days: String,
    pub update_request_days: String,
    pub action_due_days: String,
    pub task_ending_days: String,
}

/// The form to create a group (a working group at the top, or a sub-group of
/// `parent`) or to edit `existing`.
pub fn form(
    ctx: &PageContext,
    trail: Vec<Crumb>,
    title: &str,
    action: &str,
    kinds: &[GroupKind],
    fields: &GroupFields,
    problems: &Problems,
) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let kind_options: Vec<(String, String)> = kinds
        .iter()
        .map(|k| (k.as_str().to_owned(), locale.t(&format!("group-kind-{k}"))))
        .collect();
    let languages = forms::language_options(None);
    let days = |label: &str, name: &str, value: &str| {
        html! { label { (locale.t(label)) input type="number" name=(name) value=(value) min="0" max="60" required; } }
    };
    layout(
        ctx,
        title,
        &trail,
        html! {
            (forms::problems(locale, problems))
            form.narrow method="post" action=(action) {
                (csrf_field(token))
                (forms::text(&locale.t("field-name"), "name", &fields.name, true))
                (forms::text(&locale.t("field-short-name"), "short_name", &fields.short_name, true))
                (forms::select(&locale.t("field-kind"), "kind", &kind_options, &fields.kind))
                (forms::text(&locale.t("field-location"), "location", &fields.location, false))
                (forms::text(&locale.t("field-time-zone"), "time_zone", &fields.time_zone, true))
                (forms::textarea(&locale.t("field-description"), "description", &fields.description))
                (forms::select(&locale.t("field-default-language"), "default_locale", &languages, &fields.default_locale))
                fieldset {
                    legend { (locale.t("group-reminders")) }
                    (days("field-meeting-reminder-days", "meeting_reminder_days", &fields.meeting_reminder_days))
                    (days("field-update-request-days", "update_request_days", &fields.update_request_days))
                    (days("field-action-due-days", "action_due_days", &fields.action_due_days))
                    (days("field-task-ending-days", "task_ending_days", &fields.task_ending_days))
                }
                button type="submit" { (locale.t("action-save")) }
            }
        },
    )
}

/// The controls a coordinator or co-chair sees on the group's page.
pub fn lead_controls(ctx: &PageContext, group: &Group) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    html! {
        nav.controls aria-label=(locale.t("group-controls")) {
            a.button href={ "/groups/" (group.id) "/edit" } { (locale.t("group-edit")) }
            a.button href={ "/groups/" (group.id) "/members" } { (locale.t("group-members-manage")) }
            a.button href={ "/groups/" (group.id) "/subgroups/new" } { (locale.t("group-add-subgroup")) }
            @if group.parent_id.is_some() {
                form method="post" action={ "/groups/" (group.id) (if group.archived_at.is_some() { "/restore" } else { "/archive" }) } {
                    (csrf_field(token))
                    button.secondary type="submit" {
                        (locale.t(if group.archived_at.is_some() { "group-restore" } else { "group-archive" }))
                    }
                }
            }
        }
    }
}

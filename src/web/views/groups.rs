use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::{Crumb, layout, local_date, local_time, meeting_status_badge};
use crate::i18n::Locale;
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

pub fn home(ctx: &PageContext, groups: &[Group]) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t("home-title"),
        &[],
        html! {
            @if groups.is_empty() {
                p.empty { (locale.t("home-no-groups")) }
            } @else {
                ul.cards {
                    @for group in groups {
                        li.card {
                            h2 { a href={ "/groups/" (group.id) } { (group.name) } }
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
            @if !group.description.is_empty() { p.lead { (group.description) } }
            nav.tabs {
                a href={ "/groups/" (group.id) "/action-points" } { (locale.t("group-action-points-link")) }
                a href={ "/groups/" (group.id) "/workplan" } { (locale.t("group-workplan-link")) }
                a href={ "/groups/" (group.id) "/directory" } { (locale.t("group-directory-link")) }
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
                                a href={ "/groups/" (child.id) } { (child.name) }
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
                                (local_date(meeting.starts_at, tz)) ", " (local_time(meeting.starts_at, tz))
                            }
                        }
                        " — " (meeting.title) " "
                        (meeting_status_badge(locale, meeting.status))
                    }
                }
            }
        }
    }
}

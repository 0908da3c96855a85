//! Lists of meetings: a group's, and those of all the person's groups.

use maud::{Markup, html};

use super::forms::{self, Problems};
use super::{Crumb, csrf_field, date_and_hours, layout, meeting_status_badge};
use crate::domain::MeetingStatus;
use crate::i18n::Locale;
use crate::models::groups::Group;
use crate::models::meetings::Meeting;
use crate::web::auth::PageContext;

/// The agenda template's text in its form, with any problem saving it.
pub struct TemplateForm<'a> {
    pub text: &'a str,
    pub problems: &'a Problems,
}

pub struct ListPage<'a> {
    pub title: String,
    pub crumbs: Vec<Crumb>,
    /// This list's own address, for the pages of past meetings.
    pub path: String,
    /// The groups of the meetings listed; with more than one, each row names its group.
    pub groups: &'a [Group],
    pub upcoming: &'a [Meeting],
    pub past: &'a [Meeting],
    pub past_total: i64,
    /// This page of past meetings and how many pages there are, from 1.
    pub page: i64,
    pub pages: i64,
    /// The group whose meetings the viewer schedules, on a group's list.
    pub runs: Option<&'a Group>,
    pub template: Option<TemplateForm<'a>>,
}

fn rows(locale: &Locale, page: &ListPage<'_>, meetings: &[Meeting]) -> Markup {
    let several = page.groups.len() > 1 || page.runs.is_none();
    html! {
        @if meetings.is_empty() {
            p.empty { (locale.t("group-no-meetings")) }
        } @else {
            (super::scroll_region(&locale.t("meetings-list-nav"), html! {
                table.data.meetings {
                    thead { tr {
                        th scope="col" { (locale.t("meeting-when")) }
                        @if several { th scope="col" { (locale.t("column-group")) } }
                        th scope="col" { (locale.t("schedule-field-title")) }
                        th scope="col" { (locale.t("meeting-where")) }
                        th scope="col" { (locale.t("meeting-status")) }
                        th scope="col" {}
                    } }
                    tbody {
                        @for meeting in meetings {
                            @let group = page.groups.iter().find(|g| g.id == meeting.group_id);
                            @let tz = group.map_or(chrono_tz::Tz::UTC, Group::tz);
                            tr id={ "meeting-" (meeting.id) } {
                                td.date {
                                    time datetime=(meeting.starts_at.to_rfc3339()) {
                                        (date_and_hours(locale, meeting.starts_at, meeting.ends_at(), tz))
                                    }
                                    " " span.zone { (tz.name()) }
                                }
                                @if several { td { (group.map(|g| g.short_name.as_str()).unwrap_or_default()) } }
                                td { a href={ "/meetings/" (meeting.id) } { bdi { (meeting.title) } } }
                                td { (meeting.location.as_deref().unwrap_or_default()) }
                                td { (meeting_status_badge(locale, meeting.status)) }
                                td.links {
                                    @if meeting.status == MeetingStatus::Closed {
                                        a href={ "/meetings/" (meeting.id) "/minutes" } { (locale.t("meeting-minutes")) } " "
                                    }
                                    @if meeting.status != MeetingStatus::Draft {
                                        a href={ "/meetings/" (meeting.id) ".ics" } { bdi { (locale.t("calendar-ics")) } }
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

pub fn list_page(ctx: &PageContext, page: &ListPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    layout(
        ctx,
        &page.title,
        &page.crumbs,
        html! {
            p.actions {
                @if let Some(group) = page.runs {
                    a.button href={ "/groups/" (group.id) "/meetings/new" } { (locale.t("schedule-new-link")) }
                    " "
                    a.button.secondary href={ "/groups/" (group.id) "/meetings/series/new" } { (locale.t("series-new-link")) }
                    " · "
                }
                a href="/account/calendar" { (locale.t("calendar-subscribe-link")) }
            }
            section.upcoming {
                h2 { (locale.t("group-upcoming-meetings")) }
                (rows(locale, page, page.upcoming))
            }
            section.past {
                h2 { (locale.t("group-past-meetings")) " " span.count { (page.past_total) } }
                (rows(locale, page, page.past))
                @if page.pages > 1 {
                    nav.pages {
                        @if page.page > 1 {
                            a rel="prev" href={ (page.path) "?page=" (page.page - 1) } { (locale.t("meetings-list-newer")) } " "
                        }
                        (locale.t_args("meetings-list-page", &[("page", page.page.into()), ("pages", page.pages.into())]))
                        @if page.page < page.pages {
                            " " a rel="next" href={ (page.path) "?page=" (page.page + 1) } { (locale.t("meetings-list-older")) }
                        }
                    }
                }
            }
            @if let (Some(group), Some(template)) = (page.runs, &page.template) {
                section #agenda-template {
                    h2 { (locale.t("meetings-list-template")) }
                    p.note { (locale.t("meetings-list-template-note")) }
                    (forms::problems(locale, template.problems))
                    form method="post" action={ "/groups/" (group.id) "/agenda-template" } {
                        (csrf_field(token))
                        textarea name="template" rows="8" aria-label=(locale.t("meetings-list-template")) { (template.text) }
                        button type="submit" { (locale.t("meetings-list-template-save")) }
                    }
                }
            }
        },
    )
}

use std::collections::{BTreeMap, HashMap};

use maud::{Markup, html};

use super::action_points::{owners_by_item, review_table, simple_table};
use super::groups::crumbs_to;
use super::{layout, local_date, local_time, markdown_block, meeting_status_badge};
use crate::domain::agenda::outline;
use crate::domain::review::TopicGroup;
use crate::domain::{AttendanceStatus, MeetingStatus};
use crate::i18n::Locale;
use crate::models::action_points::ActionPoint;
use crate::models::groups::Group;
use crate::models::meetings::{AgendaItem, Attendee, Meeting};
use crate::models::owners::NamedOwner;
use crate::web::auth::PageContext;

pub struct MeetingPage<'a> {
    pub group: &'a Group,
    pub ancestors: &'a [Group],
    pub meeting: &'a Meeting,
    pub chair: Option<&'a str>,
    pub note_taker: Option<&'a str>,
    pub agenda: &'a [AgendaItem],
    pub review: &'a [TopicGroup<'a>],
    /// Every action point the page mentions: the reviewed ones and those raised here.
    pub action_points: &'a [ActionPoint],
    pub owners: &'a [NamedOwner],
    pub attendees: &'a [Attendee],
    /// Coordinators update the review's rows in place during the meeting.
    pub may_run: bool,
    /// The workplan item, under the agenda item about the workplan or after the agenda.
    pub workplan: &'a super::workplan::MeetingWorkplan,
}

pub fn show(ctx: &PageContext, page: &MeetingPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let meeting = page.meeting;
    let tz = page.group.tz();
    let items: HashMap<i64, &ActionPoint> = page.action_points.iter().map(|a| (a.id, a)).collect();
    let owners = owners_by_item(page.owners);
    let raised: Vec<ActionPoint> = page
        .action_points
        .iter()
        .filter(|a| a.meeting_id == Some(meeting.id))
        .cloned()
        .collect();
    let title = format!("{} — {}", meeting.title, local_date(meeting.starts_at, tz));
    layout(
        ctx,
        &title,
        &crumbs_to(page.ancestors, page.group),
        html! {
            dl.summary {
                dt { (locale.t("meeting-when")) }
                dd {
                    time datetime=(meeting.starts_at.to_rfc3339()) {
                        (local_date(meeting.starts_at, tz)) ", "
                        (local_time(meeting.starts_at, tz)) "–" (local_time(meeting.ends_at(), tz))
                    }
                    " " span.muted { "(" (page.group.time_zone) ")" }
                }
                @if let Some(location) = &meeting.location {
                    dt { (locale.t("meeting-where")) }
                    dd { (location) }
                }
                @if let Some(url) = &meeting.online_url {
                    dt { (locale.t("meeting-online")) }
                    dd { a href=(url) rel="noopener noreferrer" { (url) } }
                }
                dt { (locale.t("meeting-status")) }
                dd { (meeting_status_badge(locale, meeting.status)) }
                @if let Some(chair) = page.chair {
                    dt { (locale.t("meeting-chair")) }
                    dd { (chair) }
                }
                @if let Some(note_taker) = page.note_taker {
                    dt { (locale.t("meeting-note-taker")) }
                    dd { (note_taker) }
                }
            }
            p.actions {
                @if meeting.status != MeetingStatus::Draft {
                    a href={ "/meetings/" (meeting.id) ".ics" } { (locale.t("calendar-ics")) }
                }
                @if page.may_run && crate::domain::schedule::editable(meeting.status) {
                    " " a.edit href={ "/meetings/" (meeting.id) "/edit" } { (locale.t("schedule-edit-link")) }
                }
            }
            section #agenda {
                h2 { (locale.t("meeting-agenda")) }
                @if page.agenda.is_empty() {
                    p.empty { (locale.t("meeting-agenda-empty")) }
                } @else {
                    ol.agenda {
                        @for entry in outline(page.agenda) {
                            li class={ "depth-" (entry.depth) }
                                aria-current=[(meeting.current_agenda_item_id == Some(entry.item.id)).then_some("step")] {
                                span.num { (entry.number) }
                                " "
                                span.title { (entry.item.title) }
                                @if let Some(presenter) = &entry.item.presenter {
                                    " " span.presenter { "— " (presenter) }
                                }
                                @if let Some(workplan) = page.workplan.under(entry.item.id) { (workplan) }
                            }
                        }
                    }
                }
                @if let Some(workplan) = page.workplan.after_agenda() { (workplan) }
            }
            section #review {
                h2 { (locale.t("meeting-review")) }
                (review_table(ctx, page.review, &items, &owners, tz, page.may_run && meeting.status != MeetingStatus::Closed))
            }
            @if meeting.status == MeetingStatus::Closed {
                section #minutes {
                    h2 { (locale.t("meeting-minutes")) }
                    (attendance(locale, page.attendees))
                    @for entry in outline(page.agenda) {
                        @if !entry.item.notes.is_empty() || !entry.item.decisions.is_empty() {
                            article.minute {
                                h3 { span.num { (entry.number) } " " (entry.item.title) }
                                @if !entry.item.notes.is_empty() { (markdown_block(&entry.item.notes)) }
                                @if !entry.item.decisions.is_empty() {
                                    h4 { (locale.t("meeting-decisions")) }
                                    (markdown_block(&entry.item.decisions))
                                }
                            }
                        }
                    }
                    h3 { (locale.t("meeting-new-action-points")) }
                    (simple_table(locale, &raised, &owners))
                }
            } @else if !raised.is_empty() {
                section #new-action-points {
                    h2 { (locale.t("meeting-new-action-points")) }
                    (simple_table(locale, &raised, &owners))
                }
            }
        },
    )
}

fn attendance(locale: &Locale, attendees: &[Attendee]) -> Markup {
    let (present, apologies): (Vec<&Attendee>, Vec<&Attendee>) =
        attendees.iter().partition(|a| a.status == AttendanceStatus::Present);
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for attendee in &present {
        let kind = attendee.organization_kind.map_or("none", |k| k.as_str());
        *by_kind.entry(locale.t(&format!("org-kind-{kind}"))).or_default() += 1;
    }
    html! {
        section.attendance {
            h3 { (locale.t_args("meeting-present", &[("count", present.len().into())])) }
            @if !by_kind.is_empty() {
                p.meta {
                    @for (index, (kind, count)) in by_kind.iter().enumerate() {
                        @if index > 0 { " · " }
                        (kind) ": " (count)
                    }
                }
            }
            ul.people {
                @for person in &present {
                    li { (person.name) @if let Some(org) = &person.organization { " (" (org) ")" } }
                }
            }
            @if !apologies.is_empty() {
                h3 { (locale.t("meeting-apologies")) }
                ul.people {
                    @for person in &apologies {
                        li { (person.name) @if let Some(org) = &person.organization { " (" (org) ")" } }
                    }
                }
            }
        }
    }
}

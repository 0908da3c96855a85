use std::collections::{BTreeMap, HashMap};

use maud::{Markup, html};

use super::action_points::{owners_by_item, review_more, review_table, simple_table};
use super::groups::crumbs_to;
use super::{csrf_field, date_and_hours, layout, local_date, markdown_block, meeting_status_badge};
use crate::domain::agenda::outline;
use crate::domain::meeting_flow::{self, Transition};
use crate::domain::{AttendanceStatus, MeetingStatus};
use crate::i18n::Locale;
use crate::models::action_points::ActionPoint;
use crate::models::meetings::{AgendaItem, Attendee, Meeting};
use crate::models::minutes::Minutes;
use crate::web::auth::PageContext;
use crate::web::views::reporting::update_path;
use crate::web::views::workplan::MeetingWorkplan;

/// The reporting groups' updates under their items on the meeting page.
#[derive(Debug, Default)]
pub struct ReportingUpdates {
    /// Short names of the reporting groups, by id.
    pub names: HashMap<i64, String>,
    /// The items whose update the viewer may write now.
    pub writable: Vec<i64>,
}

pub fn show(
    ctx: &PageContext,
    minutes: &Minutes,
    workplan: &MeetingWorkplan,
    updates: &ReportingUpdates,
    may_run: bool,
) -> Markup {
    let locale = &ctx.locale;
    let meeting = &minutes.meeting;
    let tz = minutes.group.tz();
    let items: HashMap<i64, &ActionPoint> = minutes.action_points.iter().map(|a| (a.id, a)).collect();
    let owners = owners_by_item(&minutes.owners);
    let raised: Vec<ActionPoint> = minutes.raised().into_iter().cloned().collect();
    let review = minutes.review();
    let title = format!("{} — {}", meeting.title, local_date(locale, meeting.starts_at, tz));
    layout(
        ctx,
        &title,
        &crumbs_to(&minutes.ancestors, &minutes.group),
        html! {
            (summary(locale, minutes))
            (controls(ctx, meeting, may_run))
            section #agenda {
                h2 { (locale.t("meeting-agenda")) }
                // Once closed, the minutes below carry the updates.
                @let updates = (meeting.status != MeetingStatus::Closed).then_some(updates);
                (agenda_outline(locale, &minutes.agenda, meeting.current_agenda_item_id, Some(workplan), updates))
                @if let Some(workplan) = workplan.after_agenda() { (workplan) }
            }
            section #review {
                h2 { (locale.t("meeting-review")) }
                (review_table(ctx, &review, &items, &owners, tz, may_run && meeting_flow::is_editable(meeting.status)))
                (review_more(locale, minutes.group.id, minutes.review.more))
            }
            @if meeting.status == MeetingStatus::Closed {
                section #minutes {
                    h2 { (locale.t("meeting-minutes")) }
                    (attendance(locale, &minutes.attendees))
                    (agenda_minutes(locale, &minutes.agenda))
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

/// When, where, status, chair and note taker.
pub fn summary(locale: &Locale, minutes: &Minutes) -> Markup {
    let meeting = &minutes.meeting;
    let tz = minutes.group.tz();
    html! {
        dl.summary {
            dt { (locale.t("meeting-when")) }
            dd {
                time datetime=(meeting.starts_at.to_rfc3339()) {
                    (date_and_hours(locale, meeting.starts_at, meeting.ends_at(), tz))
                }
                " " span.muted { "(" (minutes.group.time_zone) ")" }
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
            @if let Some(chair) = &minutes.chair {
                dt { (locale.t("meeting-chair")) }
                dd { (chair) }
            }
            @if let Some(note_taker) = &minutes.note_taker {
                dt { (locale.t("meeting-note-taker")) }
                dd { (note_taker) }
            }
        }
    }
}

/// Links to the meeting's other views, and the status steps for those who run it.
fn controls(ctx: &PageContext, meeting: &Meeting, may_run: bool) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let base = format!("/meetings/{}", meeting.id);
    html! {
        nav.meeting-controls {
            @if may_run && meeting_flow::is_editable(meeting.status) {
                a.button href={ (base) "/agenda" } { (locale.t("agenda-editor-title")) }
                " "
                a.button href={ (base) "/attendance" } { (locale.t("attendance-title")) }
                " "
            }
            @if matches!(meeting.status, MeetingStatus::InProgress) {
                a.button href={ (base) "/live" } { (locale.t("live-title")) }
                " "
            }
            a href={ (base) "/minutes" } { (locale.t("minutes-title")) }
            " · "
            a href={ (base) "/minutes.txt" } { (locale.t("minutes-text")) }
            @if meeting.status != MeetingStatus::Draft {
                " · "
                a href={ (base) ".ics" } { bdi { (locale.t("calendar-ics")) } }
            }
            @if may_run && meeting_flow::is_editable(meeting.status) {
                " · "
                a.edit href={ (base) "/edit" } { (locale.t("schedule-edit-link")) }
            }
            @if may_run {
                @for step in meeting_flow::available(meeting.status) {
                    form.inline method="post" action={ (base) "/status" } {
                        (csrf_field(token))
                        input type="hidden" name="step" value=(step.as_str());
                        @let secondary = matches!(step, Transition::Cancel | Transition::Reopen).then_some("secondary");
                        button class=[secondary] type="submit" { (locale.t(&format!("meeting-flow-{step}"))) }
                    }
                }
            }
        }
    }
}

/// The numbered agenda, the current item marked as the projector shows it; `workplan`
/// places the workplan review under its item, and `updates` the reporting groups'
/// updates under theirs. Each item is anchored as `#item-{id}`.
pub fn agenda_outline(
    locale: &Locale,
    agenda: &[AgendaItem],
    current: Option<i64>,
    workplan: Option<&MeetingWorkplan>,
    updates: Option<&ReportingUpdates>,
) -> Markup {
    html! {
        @if agenda.is_empty() {
            p.empty { (locale.t("meeting-agenda-empty")) }
        } @else {
            ol.agenda {
                @for entry in outline(agenda) {
                    li id={ "item-" (entry.item.id) } class={ "depth-" (entry.depth) }
                        aria-current=[(current == Some(entry.item.id)).then_some("step")] {
                        span.num { (entry.number) }
                        " "
                        span.title { bdi { (entry.item.title) } }
                        @if let Some(presenter) = &entry.item.presenter {
                            " " span.presenter { "— " (presenter) }
                        }
                        @if let Some(review) = workplan.and_then(|w| w.under(entry.item.id)) { (review) }
                        @if let (Some(updates), Some(group)) = (updates, entry.item.reporting_group_id) {
                            (reporting_update(locale, entry.item, updates, group))
                        }
                    }
                }
            }
        }
    }
}

/// "Update from <group>" under an item, with what was posted and, for those who may,
/// the link to write it.
fn reporting_update(locale: &Locale, item: &AgendaItem, updates: &ReportingUpdates, group: i64) -> Markup {
    let name = updates.names.get(&group).map_or("", String::as_str);
    html! {
        div.reporting-update {
            p.reporting-from { strong { (locale.t_args("reporting-update-from", &[("group", name.into())])) } }
            @if !item.notes.is_empty() { (markdown_block(&item.notes)) }
            @if updates.writable.contains(&item.id) {
                p { a.edit href=(update_path(item.meeting_id, item.id)) { (locale.t("reporting-update-write")) } }
            }
        }
    }
}

/// Each item with its notes and decisions, in agenda order and nesting.
pub fn agenda_minutes(locale: &Locale, agenda: &[AgendaItem]) -> Markup {
    html! {
        @for entry in outline(agenda) {
            article class={ "minute depth-" (entry.depth) } {
                h3 { span.num { (entry.number) } " " bdi { (entry.item.title) } }
                @if !entry.item.notes.is_empty() { (markdown_block(&entry.item.notes)) }
                @if !entry.item.decisions.is_empty() {
                    h4 { (locale.t("meeting-decisions")) }
                    (markdown_block(&entry.item.decisions))
                }
            }
        }
    }
}

pub fn attendance(locale: &Locale, attendees: &[Attendee]) -> Markup {
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
                    li { bdi { (person.name) @if let Some(org) = &person.organization { " (" (org) ")" } } }
                }
            }
            @if !apologies.is_empty() {
                h3 { (locale.t("meeting-apologies")) }
                ul.people {
                    @for person in &apologies {
                        li { bdi { (person.name) @if let Some(org) = &person.organization { " (" (org) ")" } } }
                    }
                }
            }
        }
    }
}

//! Live mode: the agenda at the side with the current item in bold, and under the
//! current item its notes and decisions, new action points and attendance. Large
//! type for a projector; controls are hidden when printed.

use maud::{Markup, html};

use super::action_points::{owners_by_item, simple_table};
use super::forms::{self, Problems};
use super::meetings::{agenda_outline, attendance};
use super::{csrf_field, layout, markdown_block};
use crate::domain::agenda::outline;
use crate::domain::{MeetingStatus, meeting_flow};
use crate::models::meetings::AgendaItem;
use crate::models::minutes::Minutes;
use crate::web::auth::PageContext;

pub struct LivePage<'a> {
    pub minutes: &'a Minutes,
    /// The stamp the page was drawn at; app.js polls for a newer one.
    pub stamp: &'a str,
    /// Those who run the meeting edit; other readers watch.
    pub may_run: bool,
    pub owners_on_offer: &'a [(String, String)],
    /// The new action point form as typed, with its problems when it was refused.
    pub raise: &'a RaiseForm,
    pub problems: &'a Problems,
}

/// A new action point as typed on the live screen.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct RaiseForm {
    pub topic: String,
    pub text: String,
    pub owners: Vec<String>,
    pub due_date: String,
    pub agenda_item: Option<i64>,
}

/// What the notes form holds: the version it edits, and the texts.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NotesForm {
    pub version: i32,
    pub notes: String,
    pub decisions: String,
}

pub fn page(ctx: &PageContext, page: &LivePage<'_>) -> Markup {
    let locale = &ctx.locale;
    let minutes = page.minutes;
    let meeting = &minutes.meeting;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let numbered = outline(&minutes.agenda);
    let index = numbered
        .iter()
        .position(|e| Some(e.item.id) == meeting.current_agenda_item_id);
    let current = index.map(|i| &numbered[i]);
    let previous = index.and_then(|i| i.checked_sub(1)).map(|i| numbered[i].item);
    // Before the first "next", the first item is where the meeting begins.
    let next = match index {
        Some(i) => numbered.get(i + 1).map(|e| e.item),
        None => numbered.first().map(|e| e.item),
    };
    let editable = page.may_run && meeting_flow::is_editable(meeting.status);
    let owners = owners_by_item(&minutes.owners);
    let raised: Vec<_> = minutes.raised().into_iter().cloned().collect();
    let base = format!("/meetings/{}", meeting.id);
    layout(
        ctx,
        &meeting.title,
        &[super::Crumb {
            label: meeting.title.clone(),
            href: base.clone(),
        }],
        html! {
            // Projector mode is the page's #projector target: large type, no JavaScript needed,
            // and kept across the live screen's reloads.
            div.live-projector #projector {
                div.live data-live-state={ (base) "/live/state" } data-stamp=(page.stamp) {
                    aside.live-agenda {
                        (agenda_outline(locale, &minutes.agenda, meeting.current_agenda_item_id, None, None))
                    }
                    section.live-current {
                        p.live-banner.controls hidden { (locale.t("live-changed-elsewhere")) " " a href={ (base) "/live" } { (locale.t("live-reload")) } }
                        // First after the page's links, so that the keyboard reaches them in a few Tabs.
                        @if editable {
                            nav.live-toolbar.controls aria-label=(locale.t("live-title")) {
                                // Only a meeting under way has a current item to move.
                                @let under_way = meeting.status == MeetingStatus::InProgress;
                                @if let (true, Some(target)) = (under_way, next) { (step_button(ctx, &base, target, "live-next")) }
                                @if current.is_some() {
                                    button.save type="submit" form=(NOTES_FORM) { (locale.t("live-save-notes")) }
                                }
                                @if let (true, Some(target)) = (under_way, previous) { (step_button(ctx, &base, target, "live-previous")) }
                            }
                        }
                        // After the toolbar, so that it costs the keyboard no Tab on the way there.
                        p.live-mode {
                            a.to-projector href="#projector" { (locale.t("live-projector")) }
                            a.to-normal href="#" { (locale.t("live-normal")) }
                        }
                        @match current {
                            Some(entry) => {
                                h2 { span.num { (entry.number) } " " bdi { (entry.item.title) } }
                                (item_notes(ctx, &base, entry.item, editable, None, SaveButton::InToolbar))
                            }
                            None => p.empty { (locale.t("live-no-current")) }
                        }
                        @if editable {
                            section #live-action-point.controls {
                                h3 { (locale.t("live-new-action-point")) }
                                (forms::problems(locale, page.problems))
                                form.narrow method="post" action={ (base) "/action-points" } {
                                    (csrf_field(token))
                                    @if let Some(entry) = current {
                                        input type="hidden" name="agenda_item" value=(entry.item.id);
                                    }
                                    @let typed = page.raise;
                                    // The item's title is the usual topic of what is raised under it.
                                    @let topic = if page.problems.is_empty() { current.map_or("", |e| e.item.title.as_str()) } else { typed.topic.as_str() };
                                    (forms::text(&locale.t("column-topic"), "topic", topic, true))
                                    (forms::textarea(&locale.t("column-action"), "text", &typed.text))
                                    label {
                                        (locale.t("column-owners"))
                                        select name="owners" multiple size="5" required {
                                            @for (value, label) in page.owners_on_offer {
                                                option value=(value) selected[typed.owners.contains(value)] { (label) }
                                            }
                                        }
                                    }
                                    (forms::date(&locale.t("column-due"), "due_date", &typed.due_date, false))
                                    button type="submit" { (locale.t("live-add-action-point")) }
                                }
                            }
                        }
                        section #live-raised {
                            h3 { (locale.t("meeting-new-action-points")) }
                            (simple_table(locale, &raised, &owners))
                        }
                        section #live-attendance {
                            (attendance(locale, &minutes.attendees))
                            @if editable {
                                p.controls { a href={ (base) "/attendance" } { (locale.t("attendance-edit")) } }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// The id of the notes form, which the live screen's toolbar button submits.
const NOTES_FORM: &str = "notes-form";

/// Where the notes form's save button sits: the live screen puts it in its toolbar.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SaveButton {
    InForm,
    InToolbar,
}

/// The button that makes `target` the current item.
fn step_button(ctx: &PageContext, base: &str, target: &AgendaItem, label: &str) -> Markup {
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    html! {
        form.inline method="post" action={ (base) "/live/current" } {
            (csrf_field(token))
            input type="hidden" name="item" value=(target.id);
            button type="submit" { (ctx.locale.t(label)) }
        }
    }
}

/// The item's notes and decisions: rendered, and for those who run the meeting the
/// form that saves them with the version it edits. `kept` is unsaved text to put back.
pub fn item_notes(
    ctx: &PageContext,
    base: &str,
    item: &AgendaItem,
    editable: bool,
    kept: Option<&NotesForm>,
    save: SaveButton,
) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    html! {
        div.live-notes {
            @if !item.notes.is_empty() { (markdown_block(&item.notes)) }
            @if !item.decisions.is_empty() {
                h3 { (locale.t("meeting-decisions")) }
                (markdown_block(&item.decisions))
            }
        }
        @if editable {
            form.notes.controls id=(NOTES_FORM) method="post" action={ (base) "/agenda/" (item.id) "/notes" } {
                (csrf_field(token))
                input type="hidden" name="version" value=(item.version);
                label {
                    (locale.t("live-notes"))
                    textarea name="notes" rows="8" { (kept.map_or(item.notes.as_str(), |k| k.notes.as_str())) }
                }
                label {
                    (locale.t("live-decisions"))
                    textarea name="decisions" rows="4" { (kept.map_or(item.decisions.as_str(), |k| k.decisions.as_str())) }
                }
                @if save == SaveButton::InForm {
                    button type="submit" { (locale.t("live-save-notes")) }
                }
            }
        }
    }
}

/// The refused save: the other person's text as saved, and the user's own text in
/// the form again, against the newer version, so nothing is lost.
pub fn conflict(ctx: &PageContext, meeting_id: i64, current: &AgendaItem, mine: &NotesForm) -> Markup {
    let locale = &ctx.locale;
    let base = format!("/meetings/{meeting_id}");
    layout(
        ctx,
        &locale.t("live-conflict-title"),
        &[super::Crumb {
            label: locale.t("live-title"),
            href: format!("{base}/live"),
        }],
        html! {
            div.error role="alert" { p { (locale.t("live-notes-conflict")) } }
            section.theirs {
                h2 { (locale.t("live-conflict-theirs")) }
                pre.saved-notes { (current.notes) }
                @if !current.decisions.is_empty() {
                    h3 { (locale.t("meeting-decisions")) }
                    pre.saved-decisions { (current.decisions) }
                }
            }
            section.mine {
                h2 { (locale.t("live-conflict-mine")) }
                (item_notes(ctx, &base, current, true, Some(mine), SaveButton::InForm))
            }
        },
    )
}

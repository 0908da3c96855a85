//! A reporting group's update under an agenda item: the page its coordinators open
//! from the update request, and the 409 page when someone saved in between.

use maud::{Markup, html};

use super::{Crumb, csrf_field, layout, markdown_block};
use crate::models::meetings::{AgendaItem, Meeting};
use crate::web::auth::PageContext;

/// What the update form holds: the version it edits, and the text.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct UpdateForm {
    pub version: i32,
    pub notes: String,
}

/// The page's path for an item.
pub fn update_path(meeting_id: i64, item_id: i64) -> String {
    format!("/meetings/{meeting_id}/agenda/{item_id}/update")
}

/// The update's title: from the reporting group, or for the item when none reports on it.
fn title(ctx: &PageContext, item: &AgendaItem, group: Option<&str>) -> String {
    match group {
        Some(group) => ctx.locale.t_args("reporting-update-from", &[("group", group.into())]),
        None => ctx
            .locale
            .t_args("reporting-update-for", &[("item", item.title.as_str().into())]),
    }
}

fn crumbs(meeting: &Meeting) -> Vec<Crumb> {
    vec![Crumb {
        label: meeting.title.clone(),
        href: format!("/meetings/{}", meeting.id),
    }]
}

/// The form, against the item's version; `kept` is unsaved text to put back.
fn form(ctx: &PageContext, meeting: &Meeting, item: &AgendaItem, kept: Option<&UpdateForm>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    html! {
        form.reporting-update method="post" action=(update_path(meeting.id, item.id)) {
            (csrf_field(token))
            input type="hidden" name="version" value=(item.version);
            label {
                (locale.t("reporting-update-label"))
                textarea name="notes" rows="12" { (kept.map_or(item.notes.as_str(), |k| k.notes.as_str())) }
            }
            p.hint { (locale.t("reporting-update-hint")) }
            button type="submit" { (locale.t("reporting-update-save")) }
        }
    }
}

pub fn page(ctx: &PageContext, meeting: &Meeting, item: &AgendaItem, group: Option<&str>) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &title(ctx, item, group),
        &crumbs(meeting),
        html! {
            p.meta { (locale.t_args("reporting-update-item", &[("item", item.title.as_str().into()), ("meeting", meeting.title.as_str().into())])) }
            @if !item.notes.is_empty() {
                section.reporting-posted {
                    h2 { (locale.t("reporting-update-posted")) }
                    (markdown_block(&item.notes))
                }
            }
            (form(ctx, meeting, item, None))
        },
    )
}

/// The refused save: the other person's text as saved, and the user's own text in
/// the form again, against the newer version, so nothing is lost.
pub fn conflict(
    ctx: &PageContext,
    meeting: &Meeting,
    current: &AgendaItem,
    group: Option<&str>,
    mine: &UpdateForm,
) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &title(ctx, current, group),
        &crumbs(meeting),
        html! {
            div.error role="alert" { p { (locale.t("reporting-conflict")) } }
            section.theirs {
                h2 { (locale.t("reporting-conflict-theirs")) }
                pre.saved-notes { (current.notes) }
            }
            section.mine {
                h2 { (locale.t("reporting-conflict-mine")) }
                (form(ctx, meeting, current, Some(mine)))
            }
        },
    )
}

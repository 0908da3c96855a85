//! The page an update link in a mail opens: the item, and a form for its status and
//! note only.

use maud::{Markup, html};

use super::forms::{select, textarea};
use super::{action_status_badge, csrf_field, layout, long_date};
use crate::domain::ActionStatus;
use crate::models::action_points::ActionPoint;
use crate::web::auth::PageContext;

fn facts(ctx: &PageContext, item: &ActionPoint) -> Markup {
    let locale = &ctx.locale;
    html! {
        p.item-text { (item.text) }
        dl.facts {
            dt { (locale.t("column-status")) } dd { (action_status_badge(locale, item.status)) }
            @if let Some(due) = item.due_date {
                dt { (locale.t("action-link-due")) } dd { (long_date(locale, due)) }
            }
        }
    }
}

fn title(ctx: &PageContext, item: &ActionPoint) -> String {
    ctx.locale.t_args(
        "action-link-title",
        &[("number", item.number.into()), ("topic", item.topic.clone().into())],
    )
}

pub fn form(ctx: &PageContext, csrf_token: &str, item: &ActionPoint, note: &str, error: Option<&str>) -> Markup {
    let locale = &ctx.locale;
    let options: Vec<(String, String)> = ActionStatus::ALL
        .iter()
        .map(|s| {
            (
                s.as_str().to_owned(),
                locale.t(&format!("action-status-{}", s.as_str())),
            )
        })
        .collect();
    layout(
        ctx,
        &title(ctx, item),
        &[],
        html! {
            (facts(ctx, item))
            @if let Some(error) = error { p.error role="alert" { (error) } }
            form.narrow method="post" {
                (csrf_field(csrf_token))
                (select(&locale.t("column-status"), "status", &options, item.status.as_str()))
                (textarea(&locale.t("field-note"), "note", note))
                button type="submit" { (locale.t("action-link-save")) }
            }
            p.aside { (locale.t("action-link-explain")) }
        },
    )
}

pub fn done(ctx: &PageContext, item: &ActionPoint) -> Markup {
    layout(
        ctx,
        &title(ctx, item),
        &[],
        html! {
            p.notice role="status" { (ctx.locale.t("action-link-saved")) }
            (facts(ctx, item))
            @if !item.status_note.is_empty() { p { (item.status_note) } }
        },
    )
}

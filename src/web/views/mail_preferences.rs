//! The notifications page, and the unsubscribe pages reached from mails.

use maud::{Markup, html};

use super::{csrf_field, layout};
use crate::models::mail_preferences::{OPTIONAL_KINDS, Preferences};
use crate::web::auth::PageContext;

fn kind_label(ctx: &PageContext, kind: &str) -> String {
    ctx.locale.t(&format!("notifications-kind-{kind}"))
}

pub fn notifications(ctx: &PageContext, csrf_token: &str, preferences: &Preferences, saved: bool) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t("notifications-title"),
        &[],
        html! {
            @if saved { p.notice role="status" { (locale.t("notifications-saved")) } }
            form.narrow method="post" action="/account/notifications" {
                (csrf_field(csrf_token))
                fieldset {
                    legend { (locale.t("notifications-delivery")) }
                    label.check {
                        input type="radio" name="delivery" value="immediate" checked[!preferences.daily_digest];
                        " " (locale.t("notifications-immediate"))
                    }
                    label.check {
                        input type="radio" name="delivery" value="daily_digest" checked[preferences.daily_digest];
                        " " (locale.t("notifications-daily-digest"))
                    }
                }
                fieldset {
                    legend { (locale.t("notifications-kinds")) }
                    @for kind in OPTIONAL_KINDS {
                        label.check {
                            input type="checkbox" name="on" value=(kind) checked[!preferences.off.contains(*kind)];
                            " " (kind_label(ctx, kind))
                        }
                    }
                }
                p.aside { (locale.t("notifications-account-mail")) }
                button type="submit" { (locale.t("notifications-save")) }
            }
        },
    )
}

pub fn confirm_unsubscribe(ctx: &PageContext, csrf_token: &str, email: &str, kinds: &[&str]) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t("unsubscribe-title"),
        &[],
        html! {
            p { (locale.t_args("unsubscribe-confirm", &[("email", email.into())])) }
            ul { @for kind in kinds { li { (kind_label(ctx, kind)) } } }
            form method="post" {
                (csrf_field(csrf_token))
                button type="submit" { (locale.t("unsubscribe-button")) }
            }
        },
    )
}

pub fn unsubscribed(ctx: &PageContext, email: &str, kinds: &[&str]) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t("unsubscribe-title"),
        &[],
        html! {
            p.notice role="status" { (locale.t_args("unsubscribe-done", &[("email", email.into())])) }
            ul { @for kind in kinds { li { (kind_label(ctx, kind)) } } }
            p { a href="/account/notifications" { (locale.t("unsubscribe-manage")) } }
        },
    )
}

//! Sign-in and password pages.

use maud::{Markup, html};

use super::{csrf_field, layout};
use crate::web::auth::PageContext;

/// What a form page says above its fields.
#[derive(Default)]
pub struct Feedback {
    pub error: Option<String>,
    pub notice: Option<String>,
}

/// A small form on a page of its own, with its CSRF token and any feedback.
fn form_page(
    ctx: &PageContext,
    title: &str,
    action: &str,
    token: &str,
    feedback: &Feedback,
    fields: Markup,
    submit: &str,
) -> Markup {
    layout(
        ctx,
        title,
        &[],
        html! {
            @if let Some(error) = &feedback.error { p.error role="alert" { (error) } }
            @if let Some(notice) = &feedback.notice { p.notice role="status" { (notice) } }
            form.narrow method="post" action=(action) {
                (csrf_field(token))
                (fields)
                button type="submit" { (submit) }
            }
        },
    )
}

fn password_field(label: &str, name: &str, autocomplete: &str) -> Markup {
    html! {
        label { (label) input type="password" name=(name) required autocomplete=(autocomplete); }
    }
}

pub fn login(ctx: &PageContext, token: &str, next: &str, email: &str, feedback: &Feedback) -> Markup {
    let locale = &ctx.locale;
    form_page(
        ctx,
        &locale.t("login-title"),
        "/login",
        token,
        feedback,
        html! {
            input type="hidden" name="next" value=(next);
            label { (locale.t("field-email")) input type="email" name="email" value=(email) required autocomplete="username" autofocus; }
            (password_field(&locale.t("field-password"), "password", "current-password"))
            p.aside { a href="/password/reset" { (locale.t("login-forgot")) } }
        },
        &locale.t("login-submit"),
    )
}

pub fn change_password(ctx: &PageContext, token: &str, feedback: &Feedback) -> Markup {
    let locale = &ctx.locale;
    form_page(
        ctx,
        &locale.t("password-change-title"),
        "/account/password",
        token,
        feedback,
        html! {
            (password_field(&locale.t("field-current-password"), "current_password", "current-password"))
            (password_field(&locale.t("field-new-password"), "new_password", "new-password"))
            (password_field(&locale.t("field-confirm-password"), "confirm_password", "new-password"))
        },
        &locale.t("password-change-submit"),
    )
}

pub fn request_reset(ctx: &PageContext, token: &str, feedback: &Feedback) -> Markup {
    let locale = &ctx.locale;
    form_page(
        ctx,
        &locale.t("password-reset-title"),
        "/password/reset",
        token,
        feedback,
        html! {
            p { (locale.t("password-reset-explain")) }
            label { (locale.t("field-email")) input type="email" name="email" required autocomplete="username"; }
        },
        &locale.t("password-reset-submit"),
    )
}

pub fn set_password(ctx: &PageContext, token: &str, link_secret: &str, feedback: &Feedback) -> Markup {
    let locale = &ctx.locale;
    form_page(
        ctx,
        &locale.t("password-set-title"),
        &format!("/password/set/{link_secret}"),
        token,
        feedback,
        html! {
            (password_field(&locale.t("field-new-password"), "new_password", "new-password"))
            (password_field(&locale.t("field-confirm-password"), "confirm_password", "new-password"))
        },
        &locale.t("password-set-submit"),
    )
}

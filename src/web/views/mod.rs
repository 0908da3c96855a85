//! Maud layout and the components pages share.

pub mod account;
pub mod action_links;
pub mod action_point_sheets;
pub mod action_points;
pub mod agenda_editor;
pub mod attendance;
pub mod calendar;
pub mod directory;
pub mod directory_export;
pub mod error;
pub mod forms;
pub mod groups;
pub mod live;
pub mod mail_preferences;
pub mod meeting_form;
pub mod meeting_lists;
pub mod meetings;
pub mod members;
pub mod minutes;
pub mod organizations;
pub mod outbox;
pub mod people;
pub mod reporting;
pub mod sheets;
pub mod tokens;
pub mod workplan;
pub mod workplan_sheets;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::domain::{ActionStatus, MeetingStatus, TaskStatus, markdown};
use crate::i18n::Locale;
pub use crate::i18n::dates::{date_and_hours, date_at_time, local_date, local_time, long_date, short_date, stamp};
pub use crate::models::owners::{owner_list, owner_names, owners_by_item};
use crate::web::auth::PageContext;

/// A link in the breadcrumb trail above a page's title.
pub struct Crumb {
    pub label: String,
    pub href: String,
}

/// The frame of every page: language and direction, a header, breadcrumbs, the title.
pub fn layout(ctx: &PageContext, title: &str, crumbs: &[Crumb], content: Markup) -> Markup {
    let locale = &ctx.locale;
    html! {
        (DOCTYPE)
        html lang=(locale.lang) dir=(locale.dir) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · convene" }
                link rel="stylesheet" href=(crate::web::routes::assets::stylesheet_path());
                script src=(crate::web::routes::assets::script_path()) defer {}
            }
            body {
                // The keyboard's way past the header's links.
                a.skip href="#content" { (locale.t("skip-to-content")) }
                header.site {
                    a.brand href="/" { "convene" }
                    span.tagline { (locale.t("tagline")) }
                    @if let Some(session) = &ctx.session {
                        // A dropdown that opens without JavaScript; wide screens show its links in a row.
                        details.menu {
                            summary { (locale.t("nav-menu")) }
                            nav.account aria-label=(locale.t("nav-menu")) {
                                a href="/meetings" { (locale.t("meetings-list-nav")) }
                                a href="/action-points" { (locale.t("nav-action-points")) }
                                a href="/directory" { (locale.t("nav-directory")) }
                                a href="/organizations" { (locale.t("nav-organizations")) }
                                @if session.user.is_admin {
                                    a href="/admin/users" { (locale.t("nav-users")) }
                                    a href="/admin/outbox" { (locale.t("outbox-title")) }
                                }
                                a.who href="/account/profile" { bdi { (session.user.name) } }
                                a href="/account/password" { (locale.t("nav-password")) }
                                a href="/account/tokens" { (locale.t("nav-tokens")) }
                                a href="/account/notifications" { (locale.t("notifications-title")) }
                                form method="post" action="/logout" {
                                    (csrf_field(&session.csrf_token))
                                    button.link type="submit" { (locale.t("nav-sign-out")) }
                                }
                            }
                        }
                    } @else {
                        nav.account aria-label=(locale.t("nav-menu")) {
                            a href="/login" { (locale.t("nav-sign-in")) }
                        }
                    }
                }
                main #content tabindex="-1" {
                    @if !crumbs.is_empty() {
                        nav.crumbs aria-label=(locale.t("breadcrumbs")) {
                            ol {
                                @for crumb in crumbs {
                                    li { a href=(crumb.href) { (crumb.label) } }
                                }
                            }
                        }
                    }
                    h1 { (title) }
                    (content)
                }
                (language_switcher(ctx))
            }
        }
    }
}

/// The footer's language menu: a plain form, so that it works without JavaScript.
/// Each language is listed by its own name, in its own script and direction.
fn language_switcher(ctx: &PageContext) -> Markup {
    let locale = &ctx.locale;
    html! {
        footer.site {
                form.language method="post" action="/language" {
                    (csrf_field(&ctx.form_token))
                    input type="hidden" name="next" value=(ctx.path);
                    label {
                        (locale.t("field-language")) " "
                        select name="locale" {
                            @for language in Locale::all() {
                                option value=(language.lang) lang=(language.lang) dir=(language.dir)
                                    selected[language.lang == locale.lang] { (language.t("language-name")) }
                            }
                        }
                    }
                    " "
                    button type="submit" { (locale.t("language-switch-submit")) }
                }
            }
    }
}

/// "Previous", "Page n of m" and "Next" under a long list, `href` giving a page's
/// address; nothing when everything fits on one page.
pub fn pagination(locale: &Locale, page: i64, pages: i64, href: impl Fn(i64) -> String) -> Markup {
    html! {
        @if pages > 1 {
            nav.pages aria-label=(locale.t("pagination")) {
                @if page > 1 { a rel="prev" href=(href(page - 1)) { (locale.t("page-previous")) } }
                span { (locale.t_args("page-of", &[("page", page.into()), ("pages", pages.into())])) }
                @if page < pages { a rel="next" href=(href(page + 1)) { (locale.t("page-next")) } }
            }
        }
    }
}

/// A table's head: one column header per message id.
pub fn column_heads(locale: &Locale, ids: &[&str]) -> Markup {
    html! { thead { tr { @for id in ids { th scope="col" { (locale.t(id)) } } } } }
}

/// A wide table in a region of its own that scrolls sideways on a small screen;
/// focusable so that a keyboard can scroll it, labelled so that a screen reader names it.
pub fn scroll_region(label: &str, table: Markup) -> Markup {
    html! { div.scroll role="region" aria-label=(label) tabindex="0" { (table) } }
}

/// The hidden field that carries a form's CSRF token.
pub fn csrf_field(token: &str) -> Markup {
    html! { input type="hidden" name=(crate::web::auth::CSRF_FIELD) value=(token); }
}

pub fn markdown_block(source: &str) -> Markup {
    html! { div.prose dir="auto" { (PreEscaped(markdown::to_safe_html(source))) } }
}

pub fn meeting_status_badge(locale: &Locale, status: MeetingStatus) -> Markup {
    html! { span class={ "badge meeting-" (status.as_str()) } { (locale.t(&format!("meeting-status-{}", status.as_str()))) } }
}

pub fn action_status_badge(locale: &Locale, status: ActionStatus) -> Markup {
    html! { span class={ "badge action-" (status.as_str()) } { (locale.t(&format!("action-status-{}", status.as_str()))) } }
}

pub fn task_status_badge(locale: &Locale, status: TaskStatus) -> Markup {
    html! { span class={ "badge task-" (status.as_str()) } { (locale.t(&format!("task-status-{}", status.as_str()))) } }
}

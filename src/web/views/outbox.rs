//! The admin's outbox pages: the list with its state filter, and one mail.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;
use maud::{Markup, html};

use super::{Crumb, csrf_field, layout, stamp};
use crate::i18n::Locale;
use crate::models::outbox::{Mail, MailState};
use crate::web::auth::PageContext;

pub struct ListPage<'a> {
    pub mails: &'a [Mail],
    pub counts: &'a [(MailState, i64)],
    pub selected: Option<MailState>,
    /// Whether an SMTP server is configured; without one nothing leaves the outbox.
    pub sending: bool,
}

/// Sending times in UTC, the zone of the mail server's logs.
fn when(locale: &Locale, at: DateTime<Utc>) -> String {
    format!("{} UTC", stamp(locale, at, chrono_tz::Tz::UTC))
}

fn state_badge(locale: &Locale, state: MailState) -> Markup {
    html! { span class={ "badge mail-" (state.as_str()) } { (locale.t(&format!("outbox-state-{}", state.as_str()))) } }
}

fn crumbs(locale: &Locale) -> Vec<Crumb> {
    vec![Crumb {
        label: locale.t("outbox-title"),
        href: "/admin/outbox".into(),
    }]
}

pub fn list(ctx: &PageContext, page: &ListPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let total: i64 = page.counts.iter().map(|(_, n)| n).sum();
    layout(
        ctx,
        &locale.t("outbox-title"),
        &[],
        html! {
            @if !page.sending { p.notice role="status" { (locale.t("outbox-not-sending")) } }
            nav.filters aria-label=(locale.t("outbox-filter-state")) {
                a href="/admin/outbox" aria-current=[page.selected.is_none().then_some("page")] {
                    (locale.t("outbox-state-all")) " (" (total) ")"
                }
                @for (state, count) in page.counts {
                    " "
                    a href={ "/admin/outbox?state=" (state.as_str()) }
                        aria-current=[(page.selected == Some(*state)).then_some("page")] {
                        (locale.t(&format!("outbox-state-{}", state.as_str()))) " (" (count) ")"
                    }
                }
            }
            @if page.mails.is_empty() {
                p { (locale.t("outbox-empty")) }
            } @else {
                (super::scroll_region(&locale.t("outbox-title"), html! {
                    table.data.outbox {
                        thead { tr {
                            th scope="col" { (locale.t("outbox-column-created")) }
                            th scope="col" { (locale.t("outbox-column-recipient")) }
                            th scope="col" { (locale.t("outbox-column-subject")) }
                            th scope="col" { (locale.t("outbox-column-state")) }
                            th scope="col" { (locale.t("outbox-column-attempts")) }
                            th scope="col" { (locale.t("outbox-column-error")) }
                        } }
                        tbody {
                            @for mail in page.mails {
                                tr {
                                    td { (when(locale, mail.created_at)) }
                                    td { (mail.recipient) }
                                    td { a href={ "/admin/outbox/" (mail.id) } { (mail.subject) } }
                                    td { (state_badge(locale, mail.state())) }
                                    td { (mail.attempts) }
                                    td.error { (mail.last_error.as_deref().unwrap_or("")) }
                                }
                            }
                        }
                    }
                }))
            }
        },
    )
}

pub fn show(ctx: &PageContext, csrf_token: &str, mail: &Mail) -> Markup {
    let locale = &ctx.locale;
    let state = mail.state();
    let outcome_at = mail.sent_at.or(mail.dead_at).or(mail.cancelled_at);
    layout(
        ctx,
        &mail.subject,
        &crumbs(locale),
        html! {
            dl.facts {
                dt { (locale.t("outbox-column-state")) } dd { (state_badge(locale, state)) }
                dt { (locale.t("outbox-column-recipient")) } dd { (mail.recipient) }
                dt { (locale.t("outbox-column-kind")) } dd { (mail.kind) }
                dt { (locale.t("outbox-column-created")) } dd { (when(locale, mail.created_at)) }
                @if let Some(at) = outcome_at {
                    dt { (locale.t("outbox-column-outcome")) } dd { (when(locale, at)) }
                } @else {
                    dt { (locale.t("outbox-column-next")) } dd { (when(locale, mail.next_attempt_at.max(mail.not_before))) }
                }
                dt { (locale.t("outbox-column-attempts")) } dd { (mail.attempts) }
                dt { (locale.t("outbox-column-message-id")) } dd { code { (mail.message_id) } }
                @if let Some(error) = &mail.last_error {
                    dt { (locale.t("outbox-column-error")) } dd.error { (error) }
                }
            }
            div.actions {
                @if state != MailState::Sent {
                    form method="post" action={ "/admin/outbox/" (mail.id) "/retry" } {
                        (csrf_field(csrf_token))
                        button type="submit" { (locale.t("outbox-retry")) }
                    }
                }
                @if matches!(state, MailState::Queued | MailState::Failed) {
                    form method="post" action={ "/admin/outbox/" (mail.id) "/cancel" } {
                        (csrf_field(csrf_token))
                        button.danger type="submit" { (locale.t("outbox-cancel")) }
                    }
                }
            }
            h2 { (locale.t("outbox-body")) }
            pre.mail-body { (mail.body_text) }
            @if let Some(ics) = &mail.ics {
                h2 { (locale.t_args("outbox-attachment", &[("name", FluentValue::from("meeting.ics"))])) }
                pre.mail-body { (ics) }
            }
        },
    )
}

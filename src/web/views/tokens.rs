//! The personal API tokens page.

use chrono::Utc;
use chrono_tz::Tz;
use fluent_bundle::FluentValue;
use maud::{Markup, html};

use super::{csrf_field, layout, stamp};
use crate::models::tokens::ApiToken;
use crate::web::auth::PageContext;

/// What the page shows besides the list.
#[derive(Default)]
pub struct TokensPage<'a> {
    pub tokens: &'a [ApiToken],
    /// The secret of the token just created: shown this once.
    pub new_secret: Option<&'a str>,
    pub error: Option<String>,
    /// The label typed in, kept when the form is shown again with an error.
    pub label: &'a str,
}

pub fn page(ctx: &PageContext, csrf_token: &str, page: &TokensPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let tz: Tz = ctx.user().and_then(|u| u.time_zone.parse().ok()).unwrap_or(Tz::UTC);
    let now = Utc::now();
    layout(
        ctx,
        &locale.t("tokens-title"),
        &[],
        html! {
            p { (locale.t("tokens-explain")) " " code { "Authorization: Bearer …" } }
            p.aside { a href="/api/v1/openapi.json" { (locale.t("tokens-docs")) } }
            @if let Some(secret) = page.new_secret {
                section.new-token role="status" {
                    p.notice { (locale.t("tokens-created")) }
                    p { code.secret { (secret) } }
                }
            }
            @if let Some(error) = &page.error { p.error role="alert" { (error) } }
            form.narrow method="post" action="/account/tokens" {
                (csrf_field(csrf_token))
                label {
                    (locale.t("tokens-new-label"))
                    input type="text" name="label" value=(page.label) maxlength="100" autocomplete="off";
                }
                button type="submit" { (locale.t("tokens-create")) }
            }
            h2 { (locale.t("tokens-yours")) }
            @if page.tokens.is_empty() {
                p { (locale.t("tokens-none")) }
            } @else {
                (super::scroll_region(&locale.t("tokens-yours"), html! {
                    table.data.tokens {
                        thead { tr {
                            th scope="col" { (locale.t("tokens-column-label")) }
                            th scope="col" { (locale.t("tokens-column-created")) }
                            th scope="col" { (locale.t("tokens-column-last-used")) }
                            th scope="col" { (locale.t("tokens-column-status")) }
                            th scope="col" { span.visually-hidden { (locale.t("tokens-column-actions")) } }
                        } }
                        tbody {
                            @for token in page.tokens {
                                tr {
                                    td { (token.label.as_deref().unwrap_or("—")) }
                                    td { (stamp(locale, token.created_at, tz)) }
                                    td { (token.last_used_at.map_or_else(|| locale.t("tokens-never-used"), |at| stamp(locale, at, tz))) }
                                    td {
                                        @if let Some(at) = token.revoked_at {
                                            (locale.t_args("tokens-revoked", &[("date", FluentValue::from(stamp(locale, at, tz)))]))
                                        } @else if token.expires_at.is_some_and(|at| at <= now) {
                                            (locale.t("tokens-expired"))
                                        } @else {
                                            (locale.t("tokens-active"))
                                        }
                                    }
                                    td {
                                        @if token.revoked_at.is_none() {
                                            form method="post" action={ "/account/tokens/" (token.id) "/revoke" } {
                                                (csrf_field(csrf_token))
                                                button type="submit" { (locale.t("tokens-revoke")) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }))
            }
        },
    )
}

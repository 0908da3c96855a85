//! The page of secret calendar feed addresses.

use chrono::{DateTime, Utc};
use maud::{Markup, html};

use super::{csrf_field, layout, short_date};
use crate::web::auth::PageContext;

/// One feed: of all the person's groups (`group_id` none) or of one group.
pub struct FeedRow {
    pub group_id: Option<i64>,
    pub label: String,
    /// When its current address was issued, if it has one.
    pub active_since: Option<DateTime<Utc>>,
    /// The address just issued: shown once, since only its hash is kept.
    pub new_address: Option<String>,
}

pub struct FeedsPage {
    pub rows: Vec<FeedRow>,
}

pub fn feeds_page(ctx: &PageContext, page: &FeedsPage) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    layout(
        ctx,
        &locale.t("calendar-title"),
        &[],
        html! {
            p { (locale.t("calendar-intro")) }
            (super::scroll_region(&locale.t("calendar-title"), html! {
                table.data.feeds {
                    thead { tr {
                        th scope="col" { (locale.t("calendar-feed")) }
                        th scope="col" { (locale.t("calendar-address")) }
                        th scope="col" {}
                    } }
                    tbody {
                        @for row in &page.rows {
                            tr {
                                td { (row.label) }
                                td {
                                    @if let Some(address) = &row.new_address {
                                        p.secret { code.feed-address { (address) } }
                                        p.note { (locale.t("calendar-copy-now")) }
                                    } @else if let Some(since) = row.active_since {
                                        (locale.t_args("calendar-active-since", &[("date", short_date(locale, since.date_naive()).into())]))
                                    } @else {
                                        span.muted { (locale.t("calendar-none")) }
                                    }
                                }
                                td {
                                    form.inline method="post" action="/account/calendar" {
                                        (csrf_field(token))
                                        input type="hidden" name="group" value=(row.group_id.map(|g| g.to_string()).unwrap_or_default());
                                        button type="submit" name="action" value="reset" {
                                            (locale.t(if row.active_since.is_some() { "calendar-reset" } else { "calendar-get" }))
                                        }
                                        @if row.active_since.is_some() {
                                            " "
                                            button.secondary type="submit" name="action" value="revoke" { (locale.t("calendar-revoke")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }))
        },
    )
}

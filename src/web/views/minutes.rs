//! The minutes of a meeting as a printable page (as plain text: `flows::minutes`).

use maud::{Markup, html};

use super::action_points::{owners_by_item, simple_table};
use super::meetings::{agenda_minutes, attendance, summary};
use super::{layout, local_date};
use crate::models::minutes::Minutes;
use crate::web::auth::PageContext;

pub fn page(ctx: &PageContext, minutes: &Minutes) -> Markup {
    let locale = &ctx.locale;
    let meeting = &minutes.meeting;
    let owners = owners_by_item(&minutes.owners);
    let raised: Vec<_> = minutes.raised().into_iter().cloned().collect();
    let items = minutes
        .action_points
        .iter()
        .map(|a| (a.id, a))
        .collect::<std::collections::HashMap<_, _>>();
    let review = minutes.review();
    layout(
        ctx,
        &format!(
            "{} — {} — {}",
            locale.t("minutes-title"),
            minutes.group.short_name,
            local_date(locale, meeting.starts_at, minutes.group.tz())
        ),
        &[super::Crumb {
            label: meeting.title.clone(),
            href: format!("/meetings/{}", meeting.id),
        }],
        html! {
            article.minutes-document {
                p.controls {
                    a href={ "/meetings/" (meeting.id) "/minutes.txt" } { (locale.t("minutes-text")) }
                }
                p { strong { (minutes.group.name) } }
                (summary(locale, minutes))
                (attendance(locale, &minutes.attendees))
                h2 { (locale.t("meeting-agenda")) }
                (agenda_minutes(locale, &minutes.agenda))
                h2 { (locale.t("meeting-review")) }
                (super::action_points::review_table(ctx, &review, &items, &owners, minutes.group.tz(), false))
                (super::action_points::review_more(locale, minutes.group.id, minutes.review.more))
                h2 { (locale.t("meeting-new-action-points")) }
                (simple_table(locale, &raised, &owners))
            }
        },
    )
}

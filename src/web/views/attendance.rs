//! Who came: one form marking each member present, with apologies or not recorded,
//! and guests added by name and organisation. Counts per organisation kind above.

use maud::{Markup, html};

use super::forms::{self};
use super::meetings::attendance as attendance_summary;
use super::{csrf_field, layout};
use crate::models::attendance::{Guest, MemberMark};
use crate::models::meetings::{Attendee, Meeting};
use crate::web::auth::PageContext;

pub struct AttendancePage<'a> {
    pub meeting: &'a Meeting,
    pub members: &'a [MemberMark],
    pub guests: &'a [Guest],
    pub attendees: &'a [Attendee],
    /// False once the meeting is closed or cancelled: the lists are shown, not the forms.
    pub editable: bool,
}

pub fn page(ctx: &PageContext, page: &AttendancePage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let base = format!("/meetings/{}", page.meeting.id);
    layout(
        ctx,
        &locale.t("attendance-title"),
        &[super::Crumb {
            label: page.meeting.title.clone(),
            href: base.clone(),
        }],
        html! {
            (attendance_summary(locale, page.attendees))
            @if page.editable {
            section #attendance-members {
                h2 { (locale.t("attendance-members")) }
                form method="post" action={ (base) "/attendance" } {
                    (csrf_field(token))
                    (super::scroll_region(&locale.t("attendance-members"), html! {
                        table.data {
                            thead { tr {
                                th scope="col" { (locale.t("column-name")) }
                                th scope="col" { (locale.t("column-organization")) }
                                th scope="col" { (locale.t("attendance-present")) }
                                th scope="col" { (locale.t("attendance-apologies")) }
                                th scope="col" { (locale.t("attendance-unknown")) }
                            } }
                            tbody {
                                @for member in page.members {
                                    @let field = format!("member-{}", member.user_id);
                                    @let status = member.status.map_or("", |s| s.as_str());
                                    tr {
                                        td { (member.name) }
                                        td { (member.organization.as_deref().unwrap_or("")) }
                                        @for value in ["present", "apologies", ""] {
                                            td {
                                                input type="radio" name=(field) value=(value) checked[status == value]
                                                    aria-label={ (member.name) ": " (locale.t(&format!("attendance-{}", if value.is_empty() { "unknown" } else { value }))) };
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }))
                    button type="submit" { (locale.t("attendance-save")) }
                }
            }
            section #attendance-guests {
                h2 { (locale.t("attendance-guests")) }
                @if !page.guests.is_empty() {
                    ul.people {
                        @for guest in page.guests {
                            li {
                                (guest.name)
                                @if let Some(org) = &guest.organization { " (" (org) ")" }
                                " "
                                form.inline method="post" action={ (base) "/guests/" (guest.id) "/remove" } {
                                    (csrf_field(token))
                                    button.link type="submit" { (locale.t("attendance-remove-guest")) }
                                }
                            }
                        }
                    }
                }
                form.narrow method="post" action={ (base) "/guests" } {
                    (csrf_field(token))
                    (forms::text(&locale.t("attendance-guest-name"), "name", "", true))
                    (forms::text(&locale.t("attendance-guest-organization"), "organization", "", false))
                    button type="submit" { (locale.t("attendance-add-guest")) }
                }
            }
            }
        },
    )
}

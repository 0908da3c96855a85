//! The page where coordinators manage a group's members and their terms.

use maud::{Markup, html};

use super::forms::{self, Problems};
use super::groups::crumbs_to;
use super::{csrf_field, layout};
use crate::domain::Role;
use crate::models::groups::Group;
use crate::models::memberships::DirectoryEntry;
use crate::web::auth::PageContext;

/// What the add-member form holds, as typed.
#[derive(Debug, Default, serde::Deserialize)]
pub struct MemberFields {
    pub email: String,
    #[serde(default)]
    pub name: String,
    pub role: String,
    #[serde(default)]
    pub since: String,
    #[serde(default)]
    pub until: String,
}

pub fn role_options(ctx: &PageContext) -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| (r.as_str().to_owned(), ctx.locale.t(&format!("role-{r}"))))
        .collect()
}

pub struct MembersPage<'a> {
    pub group: &'a Group,
    pub ancestors: &'a [Group],
    pub members: &'a [DirectoryEntry],
    pub fields: &'a MemberFields,
    pub problems: &'a Problems,
}

pub fn page(ctx: &PageContext, page: &MembersPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let base = format!("/groups/{}/members", page.group.id);
    let roles = role_options(ctx);
    layout(
        ctx,
        &locale.t_args("members-title", &[("group", page.group.short_name.as_str().into())]),
        &crumbs_to(page.ancestors, page.group),
        html! {
            section {
                h2 { (locale.t("members-add")) }
                (forms::problems(locale, page.problems))
                form.narrow method="post" action=(base) {
                    (csrf_field(token))
                    (forms::email(&locale.t("field-email"), "email", &page.fields.email))
                    (forms::text(&locale.t("members-name-if-new"), "name", &page.fields.name, false))
                    (forms::select(&locale.t("field-role"), "role", &roles, &page.fields.role))
                    (forms::date(&locale.t("field-since"), "since", &page.fields.since, false))
                    (forms::date(&locale.t("field-until"), "until", &page.fields.until, false))
                    p.aside { (locale.t("members-co-chair-term")) }
                    button type="submit" { (locale.t("members-add-submit")) }
                }
            }
            section {
                h2 { (locale.t("members-current")) " " span.count { (page.members.len()) } }
                (super::scroll_region(&locale.t("members-current"), html! {
                    table.data.members {
                        thead { tr {
                            th scope="col" { (locale.t("field-name")) }
                            th scope="col" { (locale.t("column-organization")) }
                            th scope="col" { (locale.t("members-terms")) }
                            th scope="col" { span.visually-hidden { (locale.t("column-actions")) } }
                        } }
                        tbody {
                            @for member in page.members {
                                tr {
                                    td { (member.name) br; span.muted { (member.email) } }
                                    td { (member.organization.as_deref().unwrap_or("")) }
                                    td {
                                        form method="post" action={ (base) "/" (member.membership_id) } {
                                            (csrf_field(token))
                                            (forms::select(&locale.t("field-role"), "role", &roles, member.role.as_str()))
                                            (forms::date(&locale.t("field-since"), "since", &member.since.to_string(), true))
                                            (forms::date(&locale.t("field-until"), "until", &member.until.map(|d| d.to_string()).unwrap_or_default(), false))
                                            button.secondary type="submit" { (locale.t("action-save")) }
                                        }
                                    }
                                    td {
                                        form method="post" action={ (base) "/" (member.membership_id) "/remove" } {
                                            (csrf_field(token))
                                            button.secondary type="submit" { (locale.t("action-remove")) }
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

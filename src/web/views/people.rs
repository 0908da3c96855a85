//! A person's own profile, and the administrators' list of accounts.

use maud::{Markup, html};

use super::forms::{self, Problems};
use super::{csrf_field, layout};
use crate::models::organizations::Organization;
use crate::models::users::User;
use crate::web::auth::PageContext;

/// What the profile form holds, as typed.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ProfileFields {
    pub name: String,
    #[serde(default)]
    pub organization_id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub locale: String,
    pub time_zone: String,
}

pub fn profile(
    ctx: &PageContext,
    fields: &ProfileFields,
    organizations: &[Organization],
    problems: &Problems,
    saved: bool,
) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let mut org_options = vec![(String::new(), locale.t("org-kind-none"))];
    org_options.extend(
        organizations
            .iter()
            .map(|o| (o.id.to_string(), format!("{} ({})", o.name, o.label()))),
    );
    let languages = forms::language_options(Some(&locale.t("language-automatic")));
    layout(
        ctx,
        &locale.t("profile-title"),
        &[],
        html! {
            @if saved { p.notice role="status" { (locale.t("profile-saved")) } }
            (forms::problems(locale, problems))
            form.narrow method="post" action="/account/profile" {
                (csrf_field(token))
                (forms::text(&locale.t("field-name"), "name", &fields.name, true))
                (forms::select(&locale.t("column-organization"), "organization_id", &org_options, &fields.organization_id))
                (forms::text(&locale.t("field-title"), "title", &fields.title, false))
                (forms::text(&locale.t("field-phone"), "phone", &fields.phone, false))
                (forms::select(&locale.t("field-language"), "locale", &languages, &fields.locale))
                (forms::text(&locale.t("field-time-zone"), "time_zone", &fields.time_zone, true))
                button type="submit" { (locale.t("action-save")) }
            }
        },
    )
}

/// What the invitation form holds, as typed.
#[derive(Debug, Default, serde::Deserialize)]
pub struct InviteFields {
    pub email: String,
    pub name: String,
    #[serde(default)]
    pub admin: Option<String>,
}

pub fn users(
    ctx: &PageContext,
    users: &[User],
    fields: &InviteFields,
    problems: &Problems,
    invited: Option<&str>,
) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    layout(
        ctx,
        &locale.t("users-title"),
        &[],
        html! {
            section {
                h2 { (locale.t("users-invite")) }
                @if let Some(email) = invited { p.notice role="status" { (locale.t_args("users-invited", &[("email", email.into())])) } }
                (forms::problems(locale, problems))
                form.narrow method="post" action="/admin/users" {
                    (csrf_field(token))
                    (forms::email(&locale.t("field-email"), "email", &fields.email))
                    (forms::text(&locale.t("field-name"), "name", &fields.name, true))
                    label.check { input type="checkbox" name="admin" value="on" checked[fields.admin.is_some()]; (locale.t("users-make-admin")) }
                    button type="submit" { (locale.t("users-invite-submit")) }
                }
            }
            section {
                h2 { (locale.t("users-all")) " " span.count { (users.len()) } }
                (super::scroll_region(&locale.t("users-all"), html! {
                    table.data.users {
                        thead { tr {
                            th scope="col" { (locale.t("field-name")) }
                            th scope="col" { (locale.t("field-email")) }
                            th scope="col" { (locale.t("field-title")) }
                            th scope="col" { (locale.t("users-status")) }
                        } }
                        tbody {
                            @for user in users {
                                tr {
                                    td { (user.name) }
                                    td { (user.email) }
                                    td { (user.title.as_deref().unwrap_or("")) }
                                    td {
                                        @if user.deactivated_at.is_some() { (locale.t("users-deactivated")) }
                                        @else if user.is_admin { (locale.t("users-admin")) }
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

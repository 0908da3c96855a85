use maud::{Markup, html};

use super::forms::{self, Problems};
use super::{Crumb, csrf_field, layout};
use crate::domain::OrganizationKind;
use crate::models::organizations::Organization;
use crate::web::auth::PageContext;

fn kind_options(ctx: &PageContext) -> Vec<(String, String)> {
    OrganizationKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), ctx.locale.t(&format!("org-kind-{k}"))))
        .collect()
}

fn crumbs(ctx: &PageContext) -> Vec<Crumb> {
    vec![Crumb {
        label: ctx.locale.t("organizations-title"),
        href: "/organizations".into(),
    }]
}

pub fn list(ctx: &PageContext, organizations: &[Organization], may_add: bool, is_admin: bool) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t("organizations-title"),
        &[],
        html! {
            @if may_add {
                p { a.button href="/organizations/new" { (locale.t("organizations-add")) } }
            }
            (super::scroll_region(&locale.t("organizations-title"), html! {
                table.data.organizations {
                    thead { tr {
                        th scope="col" { (locale.t("field-acronym")) }
                        th scope="col" { (locale.t("field-name")) }
                        th scope="col" { (locale.t("field-kind")) }
                        @if is_admin { th scope="col" { span.visually-hidden { (locale.t("column-actions")) } } }
                    } }
                    tbody {
                        @for org in organizations {
                            tr {
                                td { (org.acronym.as_deref().unwrap_or("")) }
                                td { (org.name) }
                                td { (locale.t(&format!("org-kind-{}", org.kind))) }
                                @if is_admin { td { a href={ "/organizations/" (org.id) "/edit" } { (locale.t("action-edit")) } } }
                            }
                        }
                    }
                }
            }))
        },
    )
}

/// What the organisation form holds, as typed.
#[derive(Debug, Default, serde::Deserialize)]
pub struct OrganizationFields {
    pub name: String,
    #[serde(default)]
    pub acronym: String,
    pub kind: String,
}

/// The form to add an organisation (`existing` is `None`) or edit one, with the merge
/// form under it for administrators.
pub fn form(
    ctx: &PageContext,
    existing: Option<&Organization>,
    fields: &OrganizationFields,
    problems: &Problems,
    merge_targets: &[Organization],
) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let (title, action) = match existing {
        Some(org) => (
            locale.t_args("organizations-edit-title", &[("name", org.name.as_str().into())]),
            format!("/organizations/{}", org.id),
        ),
        None => (locale.t("organizations-add"), "/organizations".to_owned()),
    };
    layout(
        ctx,
        &title,
        &crumbs(ctx),
        html! {
            (forms::problems(locale, problems))
            form.narrow method="post" action=(action) {
                (csrf_field(token))
                (forms::text(&locale.t("field-name"), "name", &fields.name, true))
                (forms::text(&locale.t("field-acronym"), "acronym", &fields.acronym, false))
                (forms::select(&locale.t("field-kind"), "kind", &kind_options(ctx), &fields.kind))
                button type="submit" { (locale.t("action-save")) }
            }
            @if let Some(org) = existing {
                @if !merge_targets.is_empty() {
                    section {
                        h2 { (locale.t("organizations-merge-title")) }
                        p { (locale.t_args("organizations-merge-explain", &[("name", org.name.as_str().into())])) }
                        form.narrow method="post" action={ "/organizations/" (org.id) "/merge" } {
                            (csrf_field(token))
                            (forms::select(
                                &locale.t("organizations-merge-into"),
                                "into",
                                &merge_targets.iter().map(|o| (o.id.to_string(), format!("{} ({})", o.name, o.label()))).collect::<Vec<_>>(),
                                "",
                            ))
                            button type="submit" { (locale.t("organizations-merge-submit")) }
                        }
                    }
                }
            }
        },
    )
}

//! The directory (contact list) with its filters, and what the pages of its import show.

use maud::{Markup, html};

use super::sheets::{ImportPages, ImportWords};
use super::{Crumb, layout, short_date};
use crate::domain::directory::{Filters, kind_choices, kind_label, role_choices};
use crate::domain::directory_import::{CheckedRow, Column, Counts, OrganizationPlan, PersonPlan, Problem};
use crate::domain::spreadsheet::SheetColumn;
use crate::domain::{OrganizationKind, Role};
use crate::i18n::Locale;
use crate::models::directory_import::DirectoryImport;
use crate::models::memberships::DirectoryEntry;
use crate::models::organizations::Organization;
use crate::web::auth::PageContext;

/// The export links, for those who keep the directory.
pub struct Exports {
    /// The query string of the page's filters, without `?`.
    pub query: String,
    /// The path the exports extend (`/directory` or `/groups/1/directory`).
    pub base: String,
    /// Whether the exports cover fewer groups than the page (only those whose directory one keeps).
    pub partial: bool,
}

pub struct DirectoryPage<'a> {
    pub title: String,
    pub intro: String,
    pub crumbs: Vec<Crumb>,
    /// Where the filter form sends its query.
    pub path: String,
    pub filters: &'a Filters,
    pub organizations: &'a [Organization],
    pub locations: &'a [String],
    /// This page's entries, at most [`PER_PAGE`].
    pub entries: &'a [DirectoryEntry],
    /// How many entries match in all, over every page.
    pub total: i64,
    pub page: i64,
    pub exports: Option<Exports>,
    pub import_path: Option<String>,
}

/// Entries on one page of the directory: a phone scrolls a hundred rows, not thousands.
pub const PER_PAGE: i64 = 100;

fn role_name(locale: &Locale, role: Role) -> String {
    locale.t(&format!("role-{}", role.as_str()))
}

fn kind_name(locale: &Locale, kind: OrganizationKind) -> String {
    locale.t(&format!("org-kind-{}", kind.as_str()))
}

fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

fn filter_form(locale: &Locale, page: &DirectoryPage<'_>) -> Markup {
    let f = page.filters;
    html! {
        form.filters method="get" action=(page.path) {
            label {
                (locale.t("directory-filter-organization"))
                select name="organization" {
                    option value="" { (locale.t("directory-filter-any")) }
                    @for org in page.organizations {
                        option value=(org.id) title=(org.name) selected[f.organization == Some(org.id)] { (org.label()) }
                    }
                }
            }
            label {
                (locale.t("directory-filter-kind"))
                select name="kind" {
                    option value="" { (locale.t("directory-filter-any")) }
                    @for kind in OrganizationKind::ALL {
                        option value=(kind.as_str()) selected[f.kind == Some(*kind)] { (kind_name(locale, *kind)) }
                    }
                }
            }
            label {
                (locale.t("directory-filter-location"))
                select name="location" {
                    option value="" { (locale.t("directory-filter-any")) }
                    @for location in page.locations {
                        option value=(location) selected[f.location.as_ref() == Some(location)] { (location) }
                    }
                }
            }
            label {
                (locale.t("directory-filter-role"))
                select name="role" {
                    option value="" { (locale.t("directory-filter-any")) }
                    @for role in Role::ALL {
                        option value=(role.as_str()) selected[f.role == Some(*role)] { (role_name(locale, *role)) }
                    }
                }
            }
            label {
                (locale.t("directory-filter-terms"))
                select name="terms" {
                    option value="current" selected[!f.all_terms] { (locale.t("directory-terms-current")) }
                    option value="all" selected[f.all_terms] { (locale.t("directory-terms-all")) }
                }
            }
            div.buttons {
                button type="submit" { (locale.t("directory-filter-submit")) }
                a href=(page.path) { (locale.t("directory-filter-clear")) }
            }
        }
    }
}

/// The contact list: the filters, the actions for those who keep it, and the table.
pub fn show(ctx: &PageContext, page: &DirectoryPage<'_>) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &page.title,
        &page.crumbs,
        html! {
            p.meta { (page.intro) }
            (filter_form(locale, page))
            @if page.exports.is_some() || page.import_path.is_some() {
                p.actions {
                    @if let Some(exports) = &page.exports {
                        (locale.t("directory-export")) " "
                        a.export href=(with_query(&format!("{}.csv", exports.base), &exports.query)) { (locale.t("directory-export-csv")) }
                        " · "
                        a.export href=(with_query(&format!("{}.xlsx", exports.base), &exports.query)) { (locale.t("directory-export-xlsx")) }
                        @if exports.partial {
                            " " span.muted { (locale.t("directory-export-partial")) }
                        }
                    }
                    @if let Some(import) = &page.import_path {
                        @if page.exports.is_some() { " · " }
                        a.import href=(import) { (locale.t("directory-import-link")) }
                    }
                }
            }
            h2 { (locale.t("directory-people")) " " span.count { (page.total) } }
            @if page.entries.is_empty() {
                p.empty { (locale.t("directory-empty")) }
            } @else {
                (super::scroll_region(&locale.t("directory-people"), html! {
                    table.data.directory {
                        (super::column_heads(locale, &["column-name", "column-organization", "column-kind", "column-title", "column-email", "column-phone", "column-group", "column-role", "column-term"]))
                        tbody {
                            @for entry in page.entries {
                                tr {
                                    td { (entry.name) }
                                    td { (entry.organization.as_deref().unwrap_or_default()) }
                                    td { @if let Some(kind) = entry.organization_kind { (kind_name(locale, kind)) } }
                                    td { (entry.title.as_deref().unwrap_or_default()) }
                                    td.email { a href={ "mailto:" (entry.email) } { (entry.email) } }
                                    td { @if let Some(phone) = &entry.phone { a href={ "tel:" (phone.replace(' ', "")) } { (phone) } } }
                                    td.group { a href={ "/groups/" (entry.group_id) } { (entry.group) } }
                                    td.role { (role_name(locale, entry.role)) }
                                    td.date {
                                        time datetime=(entry.since.to_string()) { (short_date(locale, entry.since)) }
                                        " – "
                                        @if let Some(until) = entry.until {
                                            time datetime=(until.to_string()) { (short_date(locale, until)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }))
            }
            @let pages = (page.total + PER_PAGE - 1) / PER_PAGE;
            (super::pagination(locale, page.page, pages, |n| {
                let query = page.filters.to_query();
                let sep = if query.is_empty() { "" } else { "&" };
                format!("{}?{query}{sep}page={n}", page.path)
            }))
        },
    )
}

impl ImportPages for DirectoryImport {
    const WORDS: ImportWords = ImportWords {
        title: "import-title",
        explain: "import-explain",
        note: Some("import-other-columns"),
        preview_title: "import-preview-title",
        done_title: "import-done-title",
        back: "import-back",
    };
    const HEADINGS: &'static [&'static str] = &[
        "column-name",
        "column-email",
        "column-person",
        "column-organization",
        "column-group",
        "column-role",
        "column-check",
    ];

    fn columns(locale: &Locale, group: &str, groups: &Vec<String>) -> Vec<(&'static str, String)> {
        let groups = groups.join(", ");
        vec![
            (Column::Name.header(), locale.t("import-column-name")),
            (Column::Email.header(), locale.t("import-column-email")),
            (Column::Organization.header(), locale.t("import-column-organisation")),
            (
                Column::OrganizationKind.header(),
                locale.t_args("import-column-organisation-kind", &[("choices", kind_choices().into())]),
            ),
            (
                Column::Role.header(),
                locale.t_args("import-column-role", &[("choices", role_choices().into())]),
            ),
            (
                Column::Group.header(),
                locale.t_args(
                    "import-column-group",
                    &[("group", group.into()), ("choices", groups.into())],
                ),
            ),
        ]
    }

    fn problem(locale: &Locale, problem: &Problem) -> String {
        problem_text(locale, problem)
    }

    fn cells(locale: &Locale, row: &CheckedRow) -> Markup {
        match &row.outcome {
            Ok(plan) => html! {
                td { (plan.name) }
                td { (plan.email) }
                td {
                    @match &plan.person {
                        PersonPlan::New => (locale.t("import-person-new")),
                        PersonPlan::Existing { name, .. } => (locale.t_args("import-person-existing", &[("name", name.as_str().into())])),
                    }
                }
                td {
                    @match &plan.organization {
                        OrganizationPlan::None => "",
                        OrganizationPlan::Existing { label, .. } => (label),
                        OrganizationPlan::New { name, kind } => (locale.t_args("import-organization-new", &[
                            ("name", name.as_str().into()),
                            ("kind", kind_label(*kind).into()),
                        ])),
                    }
                }
                td { (plan.group) }
                td { (role_name(locale, plan.role)) }
                td {
                    @if plan.already_member { span.muted { (locale.t("import-unchanged")) } }
                    @else { (locale.t("import-ok")) }
                }
            },
            Err(errors) => html! {
                td { (row.source.name) }
                td { (row.source.email) }
                td {}
                td { (row.source.organization) }
                td { (row.source.group) }
                td { (row.source.role) }
                td {
                    ul {
                        @for error in errors {
                            li { strong { (error.column.header()) } ": " (problem_text(locale, &error.problem)) }
                        }
                    }
                }
            },
        }
    }

    fn summary(locale: &Locale, rows: &[CheckedRow]) -> Option<Markup> {
        Some(summary(locale, &Counts::of(rows)))
    }

    fn outcome(locale: &Locale, counts: &Counts) -> Markup {
        html! {
            p.notice role="status" { (locale.t("import-done")) }
            (summary(locale, counts))
        }
    }
}

/// Why a cell cannot be imported, in words.
fn problem_text(locale: &Locale, problem: &Problem) -> String {
    let row = |row: &usize| -> fluent_bundle::FluentValue<'static> { (*row).into() };
    match problem {
        Problem::Invalid(id) => locale.t(id),
        Problem::UnknownKind { value } => locale.t_args(
            "import-error-unknown-kind",
            &[("value", value.as_str().into()), ("choices", kind_choices().into())],
        ),
        Problem::KindNeeded { organization } => locale.t_args(
            "import-error-kind-needed",
            &[
                ("organization", organization.as_str().into()),
                ("choices", kind_choices().into()),
            ],
        ),
        Problem::KindConflict { row: first } => locale.t_args("import-error-kind-conflict", &[("row", row(first))]),
        Problem::UnknownRole { value } => locale.t_args(
            "import-error-unknown-role",
            &[("value", value.as_str().into()), ("choices", role_choices().into())],
        ),
        Problem::UnknownGroup { value, choices } => locale.t_args(
            "import-error-unknown-group",
            &[("value", value.as_str().into()), ("choices", choices.join(", ").into())],
        ),
        Problem::AmbiguousGroup { value } => {
            locale.t_args("import-error-ambiguous-group", &[("value", value.as_str().into())])
        }
        Problem::Duplicate { row: first } => locale.t_args("import-error-duplicate", &[("row", row(first))]),
        Problem::OtherName { row: first, name } => locale.t_args(
            "import-error-other-name",
            &[("row", row(first)), ("name", name.as_str().into())],
        ),
        Problem::OtherOrganization { row: first } => {
            locale.t_args("import-error-other-organization", &[("row", row(first))])
        }
    }
}

fn summary(locale: &Locale, counts: &Counts) -> Markup {
    html! {
        dl.summary.counts {
            dt { (locale.t("import-count-people")) } dd { (counts.people) }
            dt { (locale.t("import-count-organizations")) } dd { (counts.organizations) }
            dt { (locale.t("import-count-memberships")) } dd { (counts.memberships) }
            dt { (locale.t("import-count-unchanged")) } dd { (counts.unchanged) }
        }
    }
}

//! The agenda editor: the numbered tree with buttons to move, indent, outdent, edit
//! and delete each item, and the form that adds one. Every button is a plain form.

use maud::{Markup, html};

use super::forms::{self, Problems};
use super::groups::crumbs_to;
use super::{Crumb, csrf_field, layout, local_date};
use crate::domain::agenda::{Move, moved, outline};
use crate::i18n::Locale;
use crate::models::groups::Group;
use crate::models::meetings::{AgendaItem, Meeting};
use crate::web::auth::PageContext;

/// An item's fields as typed, kept when the form comes back with a problem.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ItemForm {
    pub title: String,
    pub presenter: String,
    pub minutes_allotted: String,
    pub reporting_group: String,
    /// Only when adding: the item to add under, or empty for the top level.
    pub parent: String,
}

impl ItemForm {
    pub fn of(item: &AgendaItem) -> Self {
        ItemForm {
            title: item.title.clone(),
            presenter: item.presenter.clone().unwrap_or_default(),
            minutes_allotted: item.minutes_allotted.map(|m| m.to_string()).unwrap_or_default(),
            reporting_group: item.reporting_group_id.map(|g| g.to_string()).unwrap_or_default(),
            parent: String::new(),
        }
    }
}

pub struct EditorPage<'a> {
    pub group: &'a Group,
    pub ancestors: &'a [Group],
    pub meeting: &'a Meeting,
    pub agenda: &'a [AgendaItem],
    /// Sub-groups and field groups that may report on an item: (id, name).
    pub reporting_groups: &'a [(i64, String)],
    /// False once the meeting is closed or cancelled: the tree is shown, not editable.
    pub editable: bool,
}

impl EditorPage<'_> {
    fn crumbs(&self, locale: &Locale) -> Vec<Crumb> {
        let mut crumbs = crumbs_to(self.ancestors, self.group);
        crumbs.push(Crumb {
            label: format!(
                "{} — {}",
                self.meeting.title,
                local_date(locale, self.meeting.starts_at, self.group.tz())
            ),
            href: format!("/meetings/{}", self.meeting.id),
        });
        crumbs
    }

    fn group_name(&self, id: Option<i64>) -> Option<&str> {
        id.and_then(|id| self.reporting_groups.iter().find(|(g, _)| *g == id))
            .map(|(_, name)| name.as_str())
    }
}

fn token(ctx: &PageContext) -> &str {
    ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default()
}

pub fn editor(ctx: &PageContext, page: &EditorPage<'_>, form: &ItemForm, problems: &Problems) -> Markup {
    let locale = &ctx.locale;
    let mut parents = vec![(String::new(), locale.t("agenda-top-level"))];
    parents.extend(
        outline(page.agenda)
            .into_iter()
            .map(|e| (e.item.id.to_string(), format!("{} {}", e.number, e.item.title))),
    );
    layout(
        ctx,
        &locale.t("agenda-editor-title"),
        &page.crumbs(locale),
        html! {
            (tree(ctx, page))
            @if page.editable {
                section #agenda-add {
                    h2 { (locale.t("agenda-add")) }
                    (forms::problems(locale, problems))
                    form.narrow method="post" action={ "/meetings/" (page.meeting.id) "/agenda" } {
                        (csrf_field(token(ctx)))
                        (item_fields(ctx, page, form))
                        (forms::select(&locale.t("agenda-field-parent"), "parent", &parents, &form.parent))
                        button type="submit" { (locale.t("agenda-add")) }
                    }
                }
            }
        },
    )
}

/// The numbered tree with its buttons; also what a background reorder swaps in.
pub fn tree(ctx: &PageContext, page: &EditorPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let base = format!("/meetings/{}/agenda", page.meeting.id);
    html! {
        section #agenda-editor {
            @if page.agenda.is_empty() {
                p.empty { (locale.t("meeting-agenda-empty")) }
            } @else {
                ol.agenda.editor {
                    @for entry in outline(page.agenda) {
                        @let item = entry.item;
                        li class={ "depth-" (entry.depth) } id={ "item-" (item.id) } {
                            span.num { (entry.number) }
                            " "
                            span.title { (item.title) }
                            @if let Some(presenter) = &item.presenter { " " span.presenter { "— " (presenter) } }
                            @if let Some(minutes) = item.minutes_allotted {
                                " " span.meta { (locale.t_args("agenda-minutes-value", &[("minutes", minutes.into())])) }
                            }
                            @if let Some(name) = page.group_name(item.reporting_group_id) {
                                " " span.meta { (locale.t_args("agenda-reported-by", &[("group", name.into())])) }
                            }
                            @if page.editable {
                                div.controls {
                                    @for (movement, label) in [(Move::Up, "↑"), (Move::Down, "↓"), (Move::Outdent, "←"), (Move::Indent, "→")] {
                                        // Only the moves that can happen get a button.
                                        @if moved(page.agenda, item.id, movement).is_ok() {
                                        form.inline method="post" action={ (base) "/" (item.id) "/move" } data-swap="agenda" {
                                            (csrf_field(token(ctx)))
                                            input type="hidden" name="to" value=(movement.as_str());
                                            @let name = locale.t(&format!("agenda-move-{}", movement.as_str()));
                                            // Outdent and indent point toward the line's start and end: mirrored right to left.
                                            button.small.move type="submit" data-move=(movement.as_str()) title=(name) aria-label=(name) { (label) }
                                        }
                                        }
                                    }
                                    a.button.small href={ (base) "/" (item.id) "/edit" } { (locale.t("agenda-edit")) }
                                    a.button.small href={ (base) "/" (item.id) "/delete" } { (locale.t("agenda-delete")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn item_fields(ctx: &PageContext, page: &EditorPage<'_>, form: &ItemForm) -> Markup {
    let locale = &ctx.locale;
    let mut groups = vec![(String::new(), locale.t("agenda-no-reporting-group"))];
    groups.extend(
        page.reporting_groups
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone())),
    );
    html! {
        (forms::text(&locale.t("agenda-field-title"), "title", &form.title, true))
        (forms::text(&locale.t("agenda-field-presenter"), "presenter", &form.presenter, false))
        label {
            (locale.t("agenda-field-minutes"))
            input type="number" name="minutes_allotted" value=(form.minutes_allotted) min="1" max="600";
        }
        (forms::select(&locale.t("agenda-field-reporting-group"), "reporting_group", &groups, &form.reporting_group))
    }
}

pub fn edit_form(
    ctx: &PageContext,
    page: &EditorPage<'_>,
    item: &AgendaItem,
    form: &ItemForm,
    problems: &Problems,
) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t_args("agenda-edit-title", &[("title", item.title.as_str().into())]),
        &page.crumbs(locale),
        html! {
            (forms::problems(locale, problems))
            form.narrow method="post" action={ "/meetings/" (page.meeting.id) "/agenda/" (item.id) } {
                (csrf_field(token(ctx)))
                (item_fields(ctx, page, form))
                button type="submit" { (locale.t("agenda-save")) }
                " " a href={ "/meetings/" (page.meeting.id) "/agenda" } { (locale.t("agenda-back")) }
            }
        },
    )
}

pub fn delete_confirm(ctx: &PageContext, page: &EditorPage<'_>, item: &AgendaItem, sub_items: usize) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t_args("agenda-delete-title", &[("title", item.title.as_str().into())]),
        &page.crumbs(locale),
        html! {
            p { (locale.t_args("agenda-delete-question", &[("count", sub_items.into())])) }
            form method="post" action={ "/meetings/" (page.meeting.id) "/agenda/" (item.id) "/delete" } {
                (csrf_field(token(ctx)))
                button.danger type="submit" { (locale.t("agenda-delete")) }
                " " a href={ "/meetings/" (page.meeting.id) "/agenda" } { (locale.t("agenda-back")) }
            }
        },
    )
}

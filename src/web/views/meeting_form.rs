//! The forms that schedule a meeting and a recurring series.

use maud::{Markup, html};

use super::forms::{self, Problems};
use super::{Crumb, csrf_field, layout};
use crate::i18n::Locale;
use crate::models::groups::Group;
use crate::models::meeting_schedule::AgendaSource;
use crate::web::auth::PageContext;
use crate::web::routes::meetings::schedule::ScheduleForm;
use crate::web::routes::meetings::series::SeriesForm;

pub struct SchedulePage<'a> {
    pub title: String,
    pub crumbs: Vec<Crumb>,
    pub action: String,
    pub group: &'a Group,
    pub fields: &'a ScheduleForm,
    pub problems: &'a Problems,
    /// Current members, by id and name, for chair and note taker.
    pub people: &'a [(i64, String)],
    /// A new meeting also chooses where its agenda starts from.
    pub new_meeting: bool,
}

fn people_choices(locale: &Locale, people: &[(i64, String)]) -> Vec<(String, String)> {
    let mut choices = vec![(String::new(), locale.t("schedule-nobody"))];
    choices.extend(people.iter().map(|(id, name)| (id.to_string(), name.clone())));
    choices
}

fn agenda_choices(locale: &Locale) -> Vec<(String, String)> {
    AgendaSource::ALL
        .iter()
        .map(|s| {
            (
                s.as_str().to_owned(),
                locale.t(&format!("schedule-agenda-{}", s.as_str())),
            )
        })
        .collect()
}

fn time(label: &str, name: &str, value: &str) -> Markup {
    html! { label { (label) input type="time" name=(name) value=(value) required; } }
}

/// Which zone the times are in, and what happens to times a clock change skips or repeats.
fn zone_note(locale: &Locale, group: &Group) -> Markup {
    html! {
        p.note.zone {
            (locale.t_args("schedule-zone-note", &[("zone", group.time_zone.as_str().into())]))
        }
    }
}

fn place_fields(locale: &Locale, location: &str, online_url: &str) -> Markup {
    html! {
        (forms::text(&locale.t("schedule-field-location"), "location", location, false))
        label {
            (locale.t("schedule-field-online"))
            input type="url" name="online_url" value=(online_url) placeholder="https://";
        }
    }
}

pub fn schedule_form(ctx: &PageContext, page: &SchedulePage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let f = page.fields;
    let people = people_choices(locale, page.people);
    layout(
        ctx,
        &page.title,
        &page.crumbs,
        html! {
            (forms::problems(locale, page.problems))
            form.narrow method="post" action=(page.action) {
                (csrf_field(token))
                (forms::text(&locale.t("schedule-field-title"), "title", &f.title, true))
                (forms::date(&locale.t("schedule-field-date"), "date", &f.date, true))
                (time(&locale.t("schedule-field-start"), "start_time", &f.start_time))
                (time(&locale.t("schedule-field-end"), "end_time", &f.end_time))
                (zone_note(locale, page.group))
                (place_fields(locale, &f.location, &f.online_url))
                (forms::select(&locale.t("schedule-field-chair"), "chair_id", &people, &f.chair_id))
                (forms::select(&locale.t("schedule-field-note-taker"), "note_taker_id", &people, &f.note_taker_id))
                @if page.new_meeting {
                    (forms::select(&locale.t("schedule-field-agenda"), "agenda", &agenda_choices(locale), &f.agenda))
                    p.note { (locale.t("schedule-agenda-note")) }
                }
                button type="submit" { (locale.t("schedule-save")) }
            }
        },
    )
}

pub struct SeriesPage<'a> {
    pub crumbs: Vec<Crumb>,
    pub group: &'a Group,
    pub fields: &'a SeriesForm,
    pub problems: &'a Problems,
}

pub fn series_form(ctx: &PageContext, page: &SeriesPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let token = ctx.session.as_ref().map(|s| s.csrf_token.as_str()).unwrap_or_default();
    let f = page.fields;
    let repeat = [
        ("weeks".to_owned(), locale.t("series-repeat-weeks")),
        ("monthly".to_owned(), locale.t("series-repeat-monthly")),
    ];
    let ends = [
        ("until".to_owned(), locale.t("series-ends-until")),
        ("count".to_owned(), locale.t("series-ends-count")),
    ];
    layout(
        ctx,
        &locale.t_args("series-new-title", &[("group", page.group.short_name.as_str().into())]),
        &page.crumbs,
        html! {
            (forms::problems(locale, page.problems))
            form.narrow method="post" action={ "/groups/" (page.group.id) "/meetings/series" } {
                (csrf_field(token))
                (forms::text(&locale.t("schedule-field-title"), "title", &f.title, true))
                (forms::date(&locale.t("series-field-first-date"), "first_date", &f.first_date, true))
                (time(&locale.t("schedule-field-start"), "start_time", &f.start_time))
                (time(&locale.t("schedule-field-end"), "end_time", &f.end_time))
                (zone_note(locale, page.group))
                (place_fields(locale, &f.location, &f.online_url))
                (forms::select(&locale.t("series-field-repeat"), "repeat", &repeat, &f.repeat))
                label {
                    (locale.t("series-field-every-weeks"))
                    input type="number" name="every_weeks" value=(f.every_weeks) min="1" max="12";
                }
                p.note { (locale.t("series-monthly-note")) }
                (forms::select(&locale.t("series-field-ends"), "ends", &ends, &f.ends))
                (forms::date(&locale.t("series-field-until"), "until", &f.until, false))
                label {
                    (locale.t("series-field-count"))
                    input type="number" name="count" value=(f.count) min="1" max="104";
                }
                (forms::select(&locale.t("schedule-field-agenda"), "agenda", &agenda_choices(locale), &f.agenda))
                label.check {
                    input type="checkbox" name="publish" value="1" checked[!f.publish.is_empty()];
                    (locale.t("series-field-publish"))
                }
                button type="submit" { (locale.t("series-save")) }
            }
        },
    )
}

//! The planner's mails: meeting reminders, update requests, action points coming due
//! and workplan tasks ending. Subjects say what and when; text first, light HTML.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use fluent_bundle::FluentValue;
use maud::{Markup, html};

use super::Message;
use crate::i18n::{Locale, dates};

/// When a meeting is, kept as facts so that each reader's mail says it in their
/// language: the start in the group's zone, or only its day (as the minutes name it).
#[derive(Debug, Clone, Copy)]
pub enum MeetingTime {
    At(DateTime<Utc>, Tz),
    Day(NaiveDate),
}

impl MeetingTime {
    /// "mercredi 11 juin 2014 à 14:00 (Africa/Bamako)", or "mercredi 11 juin 2014".
    pub fn read_in(&self, locale: &Locale) -> String {
        match *self {
            MeetingTime::At(at, tz) => dates::meeting_time(locale, at, tz),
            MeetingTime::Day(date) => dates::long_date(locale, date),
        }
    }
}

/// A meeting as its mails describe it.
pub struct MeetingFacts<'a> {
    pub group: &'a str,
    pub title: &'a str,
    pub when: MeetingTime,
    pub location: Option<&'a str>,
    pub online_url: Option<&'a str>,
    pub link: String,
}

/// An open action point in a mail, with the link its owner updates it through.
pub struct ItemLine {
    pub number: i32,
    pub text: String,
    pub due: Option<NaiveDate>,
    pub update_link: String,
}

/// The open items a meeting reminder lists: the first few, and how many more there are
/// with the page that shows them all.
pub struct OpenItems {
    pub listed: Vec<ItemLine>,
    pub more: i64,
    /// How many of all the recipient's open items are overdue.
    pub overdue: i64,
    pub all_link: String,
}

fn arg<'a>(name: &'a str, value: impl Into<FluentValue<'a>>) -> (&'a str, FluentValue<'a>) {
    (name, value.into())
}

fn item_text(locale: &Locale, item: &ItemLine) -> String {
    let due = item.due.map_or_else(String::new, |d| {
        format!(
            " ({})",
            locale.t_args("mail-due-on", &[arg("date", dates::long_date(locale, d))])
        )
    });
    format!(
        "- #{} {}{}\n  {} {}\n",
        item.number,
        item.text,
        due,
        locale.t("mail-update-here"),
        item.update_link
    )
}

fn item_html(locale: &Locale, item: &ItemLine) -> Markup {
    html! {
        li {
            "#" (item.number) " " (item.text)
            @if let Some(d) = item.due { " (" (locale.t_args("mail-due-on", &[arg("date", dates::long_date(locale, d))])) ")" }
            br;
            a href=(item.update_link) { (locale.t("mail-update-here")) }
        }
    }
}

/// The meeting's title, time, place and link, as its mails give them.
pub(super) fn meeting_text(locale: &Locale, meeting: &MeetingFacts<'_>) -> String {
    let when = meeting.when.read_in(locale);
    let mut text = format!("{}\n{} {when}\n", meeting.title, locale.t("mail-when"));
    if let Some(place) = meeting.location {
        text += &format!("{} {place}\n", locale.t("mail-where"));
    }
    if let Some(url) = meeting.online_url {
        text += &format!("{} {url}\n", locale.t("mail-online"));
    }
    text + &format!("{}\n", meeting.link)
}

pub(super) fn meeting_html(locale: &Locale, meeting: &MeetingFacts<'_>) -> Markup {
    html! {
        p {
            strong { a href=(meeting.link) { (meeting.title) } } br;
            (locale.t("mail-when")) " " (meeting.when.read_in(locale))
            @if let Some(place) = meeting.location { br; (locale.t("mail-where")) " " (place) }
            @if let Some(url) = meeting.online_url { br; (locale.t("mail-online")) " " a href=(url) { (url) } }
        }
    }
}

/// The reminder before a meeting: when and where, the agenda, and the recipient's own
/// open action points, each with its update link.
pub fn meeting_reminder(
    locale: &Locale,
    name: &str,
    meeting: &MeetingFacts<'_>,
    agenda: &[String],
    items: &OpenItems,
) -> Message {
    let subject = locale.t_args(
        "mail-meeting-reminder-subject",
        &[
            arg("group", meeting.group),
            arg("title", meeting.title),
            arg("when", meeting.when.read_in(locale)),
        ],
    );
    let greeting = locale.t_args("mail-greeting", &[arg("name", name)]);
    let intro = locale.t("mail-meeting-reminder-intro");
    let mut text = format!("{greeting}\n\n{intro}\n\n{}", meeting_text(locale, meeting));
    if !agenda.is_empty() {
        text += &format!("\n{}\n", locale.t("mail-agenda"));
        for (n, title) in agenda.iter().enumerate() {
            text += &format!("{}. {title}\n", n + 1);
        }
    }
    let more = (items.more > 0).then(|| locale.t_args("mail-more-open-items", &[arg("count", items.more)]));
    let overdue = (items.overdue > 0).then(|| locale.t_args("mail-overdue-count", &[arg("count", items.overdue)]));
    if !items.listed.is_empty() {
        text += &format!("\n{}\n", locale.t("mail-your-open-items"));
        if let Some(overdue) = &overdue {
            text += &format!("{overdue}\n");
        }
        for item in &items.listed {
            text += &item_text(locale, item);
        }
        if let Some(more) = &more {
            text += &format!("{more}\n{}\n", items.all_link);
        }
    }
    let html = html! {
        p { (greeting) }
        p { (intro) }
        (meeting_html(locale, meeting))
        @if !agenda.is_empty() {
            h3 { (locale.t("mail-agenda")) }
            ol { @for title in agenda { li { (title) } } }
        }
        @if !items.listed.is_empty() {
            h3 { (locale.t("mail-your-open-items")) }
            @if let Some(overdue) = &overdue { p { strong { (overdue) } } }
            ul { @for item in &items.listed { (item_html(locale, item)) } }
            @if let Some(more) = &more {
                p { (more) " " a href=(items.all_link) { (items.all_link) } }
            }
        }
    }
    .into_string();
    Message { subject, text, html }
}

/// The request to a reporting group's coordinator to post their update.
pub fn update_request(
    locale: &Locale,
    name: &str,
    meeting: &MeetingFacts<'_>,
    item_title: &str,
    reporting_group: &str,
    link: &str,
) -> Message {
    let subject = locale.t_args(
        "mail-update-request-subject",
        &[
            arg("group", reporting_group),
            arg("title", meeting.title),
            arg("when", meeting.when.read_in(locale)),
        ],
    );
    let greeting = locale.t_args("mail-greeting", &[arg("name", name)]);
    let intro = locale.t_args(
        "mail-update-request-intro",
        &[arg("group", reporting_group), arg("item", item_title)],
    );
    let text = format!("{greeting}\n\n{intro}\n\n{link}\n\n{}", meeting_text(locale, meeting));
    let html = html! {
        p { (greeting) }
        p { (intro) }
        p { a href=(link) { (link) } }
        (meeting_html(locale, meeting))
    }
    .into_string();
    Message { subject, text, html }
}

/// An action point coming due, due today, or overdue.
pub fn action_point_due(locale: &Locale, name: &str, group: &str, item: &ItemLine, today: NaiveDate) -> Message {
    let due = item.due.unwrap_or(today);
    let (subject_id, intro_id) = match due.cmp(&today) {
        std::cmp::Ordering::Greater => ("mail-due-soon-subject", "mail-due-soon-intro"),
        std::cmp::Ordering::Equal => ("mail-due-today-subject", "mail-due-today-intro"),
        std::cmp::Ordering::Less => ("mail-overdue-subject", "mail-overdue-intro"),
    };
    let args = [
        arg("group", group),
        arg("number", item.number),
        arg("date", dates::long_date(locale, due)),
    ];
    let subject = locale.t_args(subject_id, &args);
    let greeting = locale.t_args("mail-greeting", &[arg("name", name)]);
    let intro = locale.t_args(intro_id, &args);
    let text = format!("{greeting}\n\n{intro}\n\n{}", item_text(locale, item));
    let html = html! {
        p { (greeting) }
        p { (intro) }
        ul { (item_html(locale, item)) }
    }
    .into_string();
    Message { subject, text, html }
}

/// A workplan task the recipient is responsible for is ending.
pub fn task_ending(locale: &Locale, name: &str, group: &str, title: &str, end: NaiveDate, link: &str) -> Message {
    let args = [
        arg("group", group),
        arg("title", title),
        arg("date", dates::long_date(locale, end)),
    ];
    let subject = locale.t_args("mail-task-ending-subject", &args);
    let greeting = locale.t_args("mail-greeting", &[arg("name", name)]);
    let intro = locale.t_args("mail-task-ending-intro", &args);
    let text = format!("{greeting}\n\n{intro}\n\n{link}\n");
    let html = html! {
        p { (greeting) }
        p { (intro) }
        p { a href=(link) { (link) } }
    }
    .into_string();
    Message { subject, text, html }
}

/// One day's digest: each held mail's subject and text, in the order they came.
pub fn digest(locale: &Locale, name: &str, date: NaiveDate, mails: &[(String, String)]) -> Message {
    let count = i64::try_from(mails.len()).unwrap_or(i64::MAX);
    let subject = locale.t_args(
        "mail-digest-subject",
        &[arg("date", dates::long_date(locale, date)), arg("count", count)],
    );
    let greeting = locale.t_args("mail-greeting", &[arg("name", name)]);
    let intro = locale.t("mail-digest-intro");
    let mut text = format!("{greeting}\n\n{intro}\n");
    for (subject, body) in mails {
        text += &format!("\n== {subject} ==\n\n{}\n", body.trim_end());
    }
    let html = html! {
        p { (greeting) }
        p { (intro) }
        @for (subject, body) in mails {
            h3 { (subject) }
            pre style="white-space: pre-wrap; font-family: inherit" { (body.trim_end()) }
        }
    }
    .into_string();
    Message { subject, text, html }
}

//! The planner: works out from the database which reminders are due at `now` and
//! queues them. Each mail's dedupe key names the event, the recipient and the instant
//! it is for, so running it twice, or on several instances at once, queues nothing
//! twice, and a moved meeting gets a fresh reminder while the stale one is cancelled.
//!
//! Every step reads what is due for all meetings, items or tasks at once and the mails
//! go out in one batch, so a run takes the same few statements whatever the history
//! and however much is due; only mail not queued before is composed.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use diesel::QueryResult;
use diesel_async::{AsyncConnection, AsyncPgConnection};

use crate::domain::reminders::{DIGEST_TIME, current_due_reminder, days_before, local_instant};
use crate::flows::queue::{Batch, ToPerson};
use crate::i18n::Locale;
use crate::mail::reminders::{self as templates, ItemLine, MeetingFacts, MeetingTime, OpenItems};
use crate::mail::{MailSettings, Message};
use crate::models::action_links;
use crate::models::outbox::{self, About, Outgoing};
use crate::models::owners::{self, OwnerTable};
use crate::models::reminders::{self as due, OpenItem, UpcomingMeeting};
use crate::models::tokens::MailToken;

/// How many of a person's open items a meeting reminder lists; it links to the rest.
const ITEMS_LISTED: i64 = 10;

/// What one run queued and cancelled.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    pub meeting_reminders: usize,
    pub update_requests: usize,
    pub action_points_due: usize,
    pub tasks_ending: usize,
    pub digests: usize,
    pub cancelled: usize,
}

impl Planned {
    pub fn queued(&self) -> usize {
        self.meeting_reminders + self.update_requests + self.action_points_due + self.tasks_ending + self.digests
    }
}

/// Plans every reminder due at `now`.
pub async fn run_once(conn: &mut AsyncPgConnection, mail: &MailSettings, now: DateTime<Utc>) -> QueryResult<Planned> {
    let cancelled = outbox::cancel_stale_reminders(conn, now).await?;
    let planner = Planner { mail, now };
    let mut batch = Batch::default();
    let upcoming = due::upcoming_meetings(conn, now).await?;
    planner.meeting_reminders(conn, &upcoming, &mut batch).await?;
    planner.update_requests(conn, &upcoming, &mut batch).await?;
    planner.action_points_due(conn, &mut batch).await?;
    planner.tasks_ending(conn, &mut batch).await?;
    let queued = batch.queue(conn, mail, now).await?;
    // After the reminders, so that mail due now makes today's digest.
    let digests = planner.digests(conn).await?;
    Ok(Planned {
        meeting_reminders: queued.of("meeting_reminder"),
        update_requests: queued.of("update_request"),
        action_points_due: queued.of("action_point_due"),
        tasks_ending: queued.of("workplan_task_ending"),
        digests,
        cancelled,
    })
}

struct Planner<'a> {
    mail: &'a MailSettings,
    now: DateTime<Utc>,
}

/// Midnight UTC of a date: how a due or end date is stored as the instant a mail is for.
fn date_instant(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(chrono::NaiveTime::MIN).and_utc()
}

/// What a mail about a meeting is for, in the outbox.
fn about_meeting(meeting: &UpcomingMeeting) -> About {
    About {
        meeting_id: Some(meeting.id),
        due_for: Some(meeting.starts_at),
        ..About::default()
    }
}

/// The candidates, by dedupe key, whose mail was not queued before: one statement.
async fn not_queued<T>(conn: &mut AsyncPgConnection, candidates: Vec<(String, T)>) -> QueryResult<Vec<(String, T)>> {
    let keys: Vec<String> = candidates.iter().map(|(key, _)| key.clone()).collect();
    let queued = outbox::queued_keys(conn, &keys).await?;
    Ok(candidates
        .into_iter()
        .filter(|(key, _)| !queued.contains(key))
        .collect())
}

/// Each value once, in the order first seen.
fn distinct(values: impl IntoIterator<Item = i64>) -> Vec<i64> {
    let mut seen = std::collections::HashSet::new();
    values.into_iter().filter(|v| seen.insert(*v)).collect()
}

impl Planner<'_> {
    /// Whether a mail due `days` before the meeting, at the group's reminder time, may go now.
    fn is_due_before(&self, meeting: &UpcomingMeeting, days: i32) -> bool {
        let group = &meeting.group;
        days_before(meeting.starts_at, group.tz(), days, group.meeting_reminder_time) <= self.now
    }

    fn facts<'m>(&self, meeting: &'m UpcomingMeeting) -> MeetingFacts<'m> {
        MeetingFacts {
            group: &meeting.group.group_name,
            title: &meeting.title,
            when: MeetingTime::At(meeting.starts_at, meeting.group.tz()),
            location: meeting.location.as_deref(),
            online_url: meeting.online_url.as_deref(),
            link: self.mail.link(&format!("meetings/{}", meeting.id)),
        }
    }

    /// The owner's update link for an item, as a reminder lists it; its token goes
    /// into `tokens`, to be inserted with the mail.
    fn item_line(&self, tokens: &mut Vec<MailToken>, user_id: i64, item: &OpenItem) -> ItemLine {
        let (secret, token) = action_links::link(user_id, item.id, self.now);
        tokens.push(token);
        ItemLine {
            number: item.number,
            text: item.text.clone(),
            due: item.due_date,
            update_link: self.mail.link(&format!("action-points/{}/update/{secret}", item.id)),
        }
    }

    async fn meeting_reminders(
        &self,
        conn: &mut AsyncPgConnection,
        upcoming: &[UpcomingMeeting],
        batch: &mut Batch,
    ) -> QueryResult<()> {
        let meetings: Vec<&UpcomingMeeting> = upcoming
            .iter()
            .filter(|m| self.is_due_before(m, m.group.meeting_reminder_days))
            .collect();
        if meetings.is_empty() {
            return Ok(());
        }
        let groups = distinct(meetings.iter().map(|m| m.group.group_id));
        let members = due::members(conn, &groups, "meeting_reminder").await?;
        let mut candidates = Vec::new();
        for meeting in &meetings {
            for member in members.iter().filter(|m| m.group_id == meeting.group.group_id) {
                let person = &member.person;
                let key = format!(
                    "meeting-reminder:{}:{}:{}",
                    meeting.id,
                    person.id,
                    meeting.starts_at.to_rfc3339()
                );
                candidates.push((key, (*meeting, person)));
            }
        }
        let candidates = not_queued(conn, candidates).await?;
        if candidates.is_empty() {
            return Ok(());
        }
        let meeting_ids = distinct(candidates.iter().map(|(_, (m, _))| m.id));
        let mut agendas: HashMap<i64, Vec<String>> = HashMap::new();
        for (meeting_id, title) in due::agendas(conn, &meeting_ids).await? {
            agendas.entry(meeting_id).or_default().push(title);
        }
        let people = distinct(candidates.iter().map(|(_, (_, p))| p.id));
        let mut listed: HashMap<(i64, i64), Vec<due::ListedItem>> = HashMap::new();
        for row in due::open_items_of(conn, &groups, &people, ITEMS_LISTED, self.now).await? {
            listed.entry((row.group_id, row.user_id)).or_default().push(row);
        }
        let all_link = self.mail.link("action-points?owner=me");
        let facts: HashMap<i64, MeetingFacts> = meetings.iter().map(|m| (m.id, self.facts(m))).collect();
        for (dedupe_key, (meeting, person)) in candidates {
            let mut tokens = Vec::new();
            let rows = listed
                .get(&(meeting.group.group_id, person.id))
                .map_or(&[][..], Vec::as_slice);
            let items = OpenItems {
                listed: rows
                    .iter()
                    .map(|row| self.item_line(&mut tokens, person.id, &row.item))
                    .collect(),
                more: rows.first().map_or(0, |row| row.open_count - rows.len() as i64),
                overdue: rows.first().map_or(0, |row| row.overdue_count),
                all_link: all_link.clone(),
            };
            let agenda = agendas.get(&meeting.id).map_or(&[][..], Vec::as_slice);
            let message =
                templates::meeting_reminder(&person.locale(), &person.name, &facts[&meeting.id], agenda, &items);
            batch.push(ToPerson {
                kind: "meeting_reminder",
                dedupe_key,
                to: person.clone(),
                message,
                ics: None,
                about: about_meeting(meeting),
                tokens,
            });
        }
        Ok(())
    }

    async fn update_requests(
        &self,
        conn: &mut AsyncPgConnection,
        upcoming: &[UpcomingMeeting],
        batch: &mut Batch,
    ) -> QueryResult<()> {
        let meetings: HashMap<i64, &UpcomingMeeting> = upcoming
            .iter()
            .filter(|m| self.is_due_before(m, m.group.update_request_days))
            .map(|m| (m.id, m))
            .collect();
        if meetings.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = meetings.keys().copied().collect();
        let candidates: Vec<_> = due::reporting_coordinators(conn, &ids)
            .await?
            .into_iter()
            .map(|report| {
                let meeting = meetings[&report.meeting_id];
                let key = format!(
                    "update-request:{}:{}:{}:{}",
                    meeting.id,
                    report.item_id,
                    report.coordinator.id,
                    meeting.starts_at.to_rfc3339()
                );
                (key, (meeting, report))
            })
            .collect();
        for (dedupe_key, (meeting, report)) in not_queued(conn, candidates).await? {
            let link = self
                .mail
                .link(&format!("meetings/{}/agenda/{}/update", meeting.id, report.item_id));
            let message = templates::update_request(
                &report.coordinator.locale(),
                &report.coordinator.name,
                &self.facts(meeting),
                &report.item_title,
                &report.reporting_group,
                &link,
            );
            batch.push(ToPerson {
                kind: "update_request",
                dedupe_key,
                to: report.coordinator,
                message,
                ics: None,
                about: about_meeting(meeting),
                tokens: Vec::new(),
            });
        }
        Ok(())
    }

    async fn action_points_due(&self, conn: &mut AsyncPgConnection, batch: &mut Batch) -> QueryResult<()> {
        let items = due::items_due_around(conn, self.now.date_naive()).await?;
        // The reminder of each item that is current now, if any.
        let current: HashMap<i64, (&due::DueItem, NaiveDate, NaiveDate)> = items
            .iter()
            .filter_map(|due_item| {
                let group = &due_item.group;
                let due_date = due_item.item.due_date?;
                let occurrence = current_due_reminder(
                    due_date,
                    group.action_due_days,
                    self.now,
                    group.tz(),
                    group.meeting_reminder_time,
                )?;
                Some((due_item.item.id, (due_item, due_date, occurrence)))
            })
            .collect();
        if current.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = current.keys().copied().collect();
        let reached = owners::reached(conn, OwnerTable::ActionPoints, &ids, Some("action_point_due")).await?;
        let candidates: Vec<_> = reached
            .into_iter()
            .map(|r| {
                let (due_item, due_date, occurrence) = current[&r.owned_id];
                let key = format!("action-due:{}:{}:{occurrence}", r.owned_id, r.person.id);
                (key, (due_item, due_date, occurrence, r.person))
            })
            .collect();
        for (dedupe_key, (due_item, due_date, occurrence, person)) in not_queued(conn, candidates).await? {
            let mut tokens = Vec::new();
            let line = self.item_line(&mut tokens, person.id, &due_item.item);
            let message = templates::action_point_due(
                &person.locale(),
                &person.name,
                &due_item.group.group_name,
                &line,
                occurrence,
            );
            batch.push(ToPerson {
                kind: "action_point_due",
                dedupe_key,
                to: person,
                message,
                ics: None,
                about: About {
                    action_point_id: Some(due_item.item.id),
                    due_for: Some(date_instant(due_date)),
                    ..About::default()
                },
                tokens,
            });
        }
        Ok(())
    }

    async fn tasks_ending(&self, conn: &mut AsyncPgConnection, batch: &mut Batch) -> QueryResult<()> {
        let tasks = due::tasks_ending_after(conn, self.now.date_naive()).await?;
        let due_now: HashMap<i64, &due::EndingTask> = tasks
            .iter()
            .filter(|task| {
                let group = &task.group;
                let at = local_instant(
                    task.end_date - Duration::days(group.task_ending_days.into()),
                    group.meeting_reminder_time,
                    group.tz(),
                );
                at <= self.now
            })
            .map(|task| (task.id, task))
            .collect();
        if due_now.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = due_now.keys().copied().collect();
        let reached = owners::reached(conn, OwnerTable::WorkplanTasks, &ids, Some("workplan_task_ending")).await?;
        let candidates: Vec<_> = reached
            .into_iter()
            .map(|r| {
                let task = due_now[&r.owned_id];
                let key = format!("task-ending:{}:{}:{}", task.id, r.person.id, task.end_date);
                (key, (task, r.person))
            })
            .collect();
        for (dedupe_key, (task, person)) in not_queued(conn, candidates).await? {
            let group = &task.group;
            let link = self.mail.link(&format!("groups/{}/workplan", group.group_id));
            let message = templates::task_ending(
                &person.locale(),
                &person.name,
                &group.group_name,
                &task.title,
                task.end_date,
                &link,
            );
            batch.push(ToPerson {
                kind: "workplan_task_ending",
                dedupe_key,
                to: person,
                message,
                ics: None,
                about: About {
                    task_id: Some(task.id),
                    due_for: Some(date_instant(task.end_date)),
                    ..About::default()
                },
                tokens: Vec::new(),
            });
        }
        Ok(())
    }

    /// The daily digest of each person whose 08:00 has come in their time zone: every
    /// mail held for them in one, each of those then counted as sent with it. Mail held
    /// after today's digest waits for tomorrow's.
    async fn digests(&self, conn: &mut AsyncPgConnection) -> QueryResult<usize> {
        let readers = outbox::digest_readers(conn).await?;
        let due_now: Vec<_> = readers
            .iter()
            .filter_map(|reader| {
                let tz: Tz = reader.time_zone.parse().unwrap_or(Tz::UTC);
                let date = self.now.with_timezone(&tz).date_naive();
                (local_instant(date, DIGEST_TIME, tz) <= self.now)
                    .then(|| (format!("digest:{}:{date}", reader.id), (reader, date)))
            })
            .collect();
        let due_now = not_queued(conn, due_now).await?;
        if due_now.is_empty() {
            return Ok(0);
        }
        let ids: Vec<i64> = due_now.iter().map(|(_, (reader, _))| reader.id).collect();
        conn.transaction(async |conn| {
            let mut held: HashMap<i64, Vec<outbox::Mail>> = HashMap::new();
            for mail in outbox::held_for(conn, &ids).await? {
                held.entry(mail.user_id.unwrap_or_default()).or_default().push(mail);
            }
            let digests: Vec<(&String, &outbox::DigestReader, Message, &[outbox::Mail])> = due_now
                .iter()
                .filter_map(|(key, (reader, date))| {
                    let mails = held.get(&reader.id)?;
                    let parts: Vec<(String, String)> =
                        mails.iter().map(|m| (m.subject.clone(), m.body_text.clone())).collect();
                    let locale = Locale::of(&reader.locale);
                    let message =
                        crate::mail::in_language(templates::digest(&locale, &reader.name, *date, &parts), &locale);
                    Some((key, *reader, message, mails.as_slice()))
                })
                .collect();
            let outgoing: Vec<Outgoing> = digests
                .iter()
                .map(|(key, reader, message, _)| Outgoing {
                    kind: "digest",
                    dedupe_key: key,
                    user_id: Some(reader.id),
                    recipient: &reader.email,
                    message,
                    ics: None,
                    about: About::default(),
                    unsubscribe_url: None,
                    held_for_digest: false,
                })
                .collect();
            let queued: HashMap<String, i64> = outbox::queue_many(conn, &outgoing, self.mail.domain())
                .await?
                .into_iter()
                .map(|(id, key)| (key, id))
                .collect();
            let bundled: Vec<(i64, i64)> = digests
                .iter()
                .filter_map(|(key, _, _, mails)| Some((queued.get(key.as_str())?, *mails)))
                .flat_map(|(digest_id, mails)| mails.iter().map(move |m| (m.id, *digest_id)))
                .collect();
            if !bundled.is_empty() {
                outbox::bundle(conn, &bundled, self.now).await?;
            }
            Ok(queued.len())
        })
        .await
    }
}

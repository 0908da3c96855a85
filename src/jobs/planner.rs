//! The planner: works out from the database which reminders are due at `now` and
//! queues them. Each mail's dedupe key names the event, the recipient and the instant
//! it is for, so running it twice, or on several instances at once, queues nothing
//! twice, and a moved meeting gets a fresh reminder while the stale one is cancelled.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use diesel::QueryResult;
use diesel_async::{AsyncConnection, AsyncPgConnection};

use crate::domain::reminders::{DIGEST_TIME, current_due_reminder, days_before, local_instant};
use crate::i18n::Locale;
use crate::mail::queue::{self, ToPerson};
use crate::mail::reminders::{self as templates, ItemLine, MeetingFacts};
use crate::mail::{MailSettings, Message};
use crate::models::outbox::{self, About, Outgoing};
use crate::models::reminders::{self as due, GroupTimes, Person, UpcomingMeeting};
use crate::models::{action_links, action_points};

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
    let mut planned = Planned {
        cancelled: outbox::cancel_stale_reminders(conn, now).await?,
        ..Planned::default()
    };
    let planner = Planner { mail, now };
    for meeting in due::upcoming_meetings(conn, now).await? {
        planned.meeting_reminders += planner.meeting_reminders(conn, &meeting).await?;
        planned.update_requests += planner.update_requests(conn, &meeting).await?;
    }
    let today = now.date_naive();
    for item in due::items_due_around(conn, today).await? {
        planned.action_points_due += planner.action_point_due(conn, &item).await?;
    }
    for task in due::tasks_ending_after(conn, today).await? {
        planned.tasks_ending += planner.task_ending(conn, &task).await?;
    }
    // After the reminders, so that mail due now makes today's digest.
    for reader in outbox::digest_readers(conn).await? {
        planned.digests += planner.digest(conn, &reader).await?;
    }
    Ok(planned)
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
            when: templates::when(meeting.starts_at, meeting.group.tz()),
            location: meeting.location.as_deref(),
            online_url: meeting.online_url.as_deref(),
            link: self.mail.link(&format!("meetings/{}", meeting.id)),
        }
    }

    async fn send(
        &self,
        conn: &mut AsyncPgConnection,
        kind: &str,
        key: &str,
        to: &Person,
        message: Message,
        about: About,
    ) -> QueryResult<usize> {
        let mail = ToPerson {
            kind,
            dedupe_key: key,
            to,
            message,
            ics: None,
            about,
        };
        Ok(usize::from(queue::to_person(conn, self.mail, mail, self.now).await?))
    }

    /// The owner's update link for an item, as a reminder lists it.
    async fn item_line(
        &self,
        conn: &mut AsyncPgConnection,
        user_id: i64,
        item: &due::OpenItem,
    ) -> QueryResult<ItemLine> {
        let secret = action_links::issue(conn, user_id, item.id, self.now).await?;
        Ok(ItemLine {
            number: item.number,
            text: item.text.clone(),
            due: item.due_date,
            update_link: self.mail.link(&format!("action-points/{}/update/{secret}", item.id)),
        })
    }

    async fn meeting_reminders(&self, conn: &mut AsyncPgConnection, meeting: &UpcomingMeeting) -> QueryResult<usize> {
        let group = &meeting.group;
        if !self.is_due_before(meeting, group.meeting_reminder_days) {
            return Ok(0);
        }
        let recipients = due::members(conn, group.group_id, "meeting_reminder").await?;
        if recipients.is_empty() {
            return Ok(0);
        }
        let agenda: Vec<String> = crate::models::meetings::agenda(conn, meeting.id)
            .await?
            .into_iter()
            .filter(|item| item.parent_id.is_none())
            .map(|item| item.title)
            .collect();
        let open = due::open_items(conn, group.group_id).await?;
        let mut owners = Vec::with_capacity(open.len());
        for item in &open {
            owners.push(action_points::reached(conn, item.id).await?);
        }
        let facts = self.facts(meeting);
        let about = about_meeting(meeting);
        let mut queued = 0;
        for person in &recipients {
            let key = format!(
                "meeting-reminder:{}:{}:{}",
                meeting.id,
                person.id,
                meeting.starts_at.to_rfc3339()
            );
            if outbox::is_queued(conn, &key).await? {
                continue;
            }
            let mut items = Vec::new();
            for (item, reached) in open.iter().zip(&owners) {
                if reached.iter().any(|r| r.id == person.id) {
                    items.push(self.item_line(conn, person.id, item).await?);
                }
            }
            let message = templates::meeting_reminder(&person.locale(), &person.name, &facts, &agenda, &items);
            queued += self
                .send(conn, "meeting_reminder", &key, person, message, about)
                .await?;
        }
        Ok(queued)
    }

    async fn update_requests(&self, conn: &mut AsyncPgConnection, meeting: &UpcomingMeeting) -> QueryResult<usize> {
        if !self.is_due_before(meeting, meeting.group.update_request_days) {
            return Ok(0);
        }
        let facts = self.facts(meeting);
        let about = about_meeting(meeting);
        let mut queued = 0;
        for report in due::reporting_coordinators(conn, meeting.id).await? {
            let person = &report.coordinator;
            let key = format!(
                "update-request:{}:{}:{}:{}",
                meeting.id,
                report.item_id,
                person.id,
                meeting.starts_at.to_rfc3339()
            );
            let link = self
                .mail
                .link(&format!("meetings/{}/agenda/{}/update", meeting.id, report.item_id));
            let message = templates::update_request(
                &person.locale(),
                &person.name,
                &facts,
                &report.item_title,
                &report.reporting_group,
                &link,
            );
            queued += self.send(conn, "update_request", &key, person, message, about).await?;
        }
        Ok(queued)
    }

    async fn action_point_due(&self, conn: &mut AsyncPgConnection, due_item: &due::DueItem) -> QueryResult<usize> {
        let (item, group) = (&due_item.item, &due_item.group);
        let Some(due_date) = item.due_date else {
            return Ok(0);
        };
        let tz: Tz = group.tz();
        let Some(occurrence) = current_due_reminder(
            due_date,
            group.action_due_days,
            self.now,
            tz,
            group.meeting_reminder_time,
        ) else {
            return Ok(0);
        };
        let reached = action_points::reached(conn, item.id).await?;
        let ids: Vec<i64> = reached.iter().map(|r| r.id).collect();
        let off = due::opted_out(conn, &ids, "action_point_due").await?;
        let about = About {
            action_point_id: Some(item.id),
            due_for: Some(date_instant(due_date)),
            ..About::default()
        };
        let mut queued = 0;
        for owner in reached.into_iter().filter(|r| !off.contains(&r.id)) {
            let key = format!("action-due:{}:{}:{occurrence}", item.id, owner.id);
            if outbox::is_queued(conn, &key).await? {
                continue;
            }
            let person = Person {
                id: owner.id,
                name: owner.name,
                email: owner.email,
                locale: owner.locale,
            };
            let line = self.item_line(conn, person.id, item).await?;
            let message =
                templates::action_point_due(&person.locale(), &person.name, &group.group_name, &line, occurrence);
            queued += self
                .send(conn, "action_point_due", &key, &person, message, about)
                .await?;
        }
        Ok(queued)
    }

    /// The daily digest of one person, once it is 08:00 in their time zone: every mail
    /// held for them in one, each of those then counted as sent with it. Mail held after
    /// today's digest waits for tomorrow's.
    async fn digest(&self, conn: &mut AsyncPgConnection, reader: &outbox::DigestReader) -> QueryResult<usize> {
        let tz: Tz = reader.time_zone.parse().unwrap_or(Tz::UTC);
        let date = self.now.with_timezone(&tz).date_naive();
        if local_instant(date, DIGEST_TIME, tz) > self.now {
            return Ok(0);
        }
        let key = format!("digest:{}:{date}", reader.id);
        if outbox::is_queued(conn, &key).await? {
            return Ok(0);
        }
        conn.transaction(async |conn| {
            let held = outbox::held_for(conn, reader.id).await?;
            if held.is_empty() {
                return Ok(0);
            }
            let parts: Vec<(String, String)> = held.iter().map(|m| (m.subject.clone(), m.body_text.clone())).collect();
            let locale = Locale::of(&reader.locale);
            let message = templates::digest(&locale, &reader.name, date, &parts).in_language(&locale);
            let mail = Outgoing {
                kind: "digest",
                dedupe_key: &key,
                user_id: Some(reader.id),
                recipient: &reader.email,
                message: &message,
                ics: None,
                about: About::default(),
                unsubscribe_url: None,
                held_for_digest: false,
            };
            let Some(digest_id) = outbox::queue(conn, &mail, self.mail.domain()).await? else {
                return Ok(0);
            };
            let ids: Vec<i64> = held.iter().map(|m| m.id).collect();
            outbox::bundle(conn, &ids, digest_id, self.now).await?;
            Ok(1)
        })
        .await
    }

    async fn task_ending(&self, conn: &mut AsyncPgConnection, task: &due::EndingTask) -> QueryResult<usize> {
        let group: &GroupTimes = &task.group;
        let at = local_instant(
            task.end_date - Duration::days(group.task_ending_days.into()),
            group.meeting_reminder_time,
            group.tz(),
        );
        if at > self.now {
            return Ok(0);
        }
        let link = self.mail.link(&format!("groups/{}/workplan", group.group_id));
        let about = About {
            task_id: Some(task.id),
            due_for: Some(date_instant(task.end_date)),
            ..About::default()
        };
        let mut queued = 0;
        let responsible = due::task_responsible(conn, task.id).await?;
        let ids: Vec<i64> = responsible.iter().map(|p| p.id).collect();
        let off = due::opted_out(conn, &ids, "workplan_task_ending").await?;
        for person in responsible.iter().filter(|p| !off.contains(&p.id)) {
            let key = format!("task-ending:{}:{}:{}", task.id, person.id, task.end_date);
            let message = templates::task_ending(
                &person.locale(),
                &person.name,
                &group.group_name,
                &task.title,
                task.end_date,
                &link,
            );
            queued += self
                .send(conn, "workplan_task_ending", &key, person, message, about)
                .await?;
        }
        Ok(queued)
    }
}

//! Changing a meeting, with the mail to its members written in the same transaction:
//! published, moved, cancelled (each with an `.ics` invitation or cancellation), and
//! the minutes once it is closed, so the mail goes out exactly when the change is
//! committed.

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use diesel_async::{AsyncConnection, AsyncPgConnection};

use super::queue::{Batch, ToPerson};
use crate::domain::ics::{self, Method};
use crate::domain::meeting_flow::Transition;
use crate::i18n::Locale;
use crate::mail::MailSettings;
use crate::mail::meetings::{MeetingNotice, compose};
use crate::mail::reminders::{MeetingFacts, MeetingTime};
use crate::models::meeting_schedule::{self, MeetingFields, Updated};
use crate::models::meetings::{self, EditError, Meeting};
use crate::models::minutes::{self, Minutes, Reader};
use crate::models::outbox::{self, About};
use crate::models::reminders::members;
use crate::models::{groups, reviews};

/// What happened to a meeting, with what its mail needs.
pub enum Notice {
    Published,
    Rescheduled,
    Cancelled,
    /// Closed: the minutes as composed for every member.
    Minutes(Box<Minutes>),
}

impl Notice {
    fn mail(&self) -> MeetingNotice {
        match self {
            Notice::Published => MeetingNotice::Published,
            Notice::Rescheduled => MeetingNotice::Rescheduled,
            Notice::Cancelled => MeetingNotice::Cancelled,
            Notice::Minutes(_) => MeetingNotice::Minutes,
        }
    }
}

/// Takes `step` in its own transaction, with the mail it causes written in that same
/// transaction: the invitation when published, the withdrawal when a published meeting
/// is cancelled, the minutes when closed.
pub async fn change_status(
    conn: &mut AsyncPgConnection,
    mail: &MailSettings,
    id: i64,
    step: Transition,
    now: DateTime<Utc>,
) -> Result<Meeting, EditError> {
    conn.transaction(async |conn| {
        let meeting = meetings::take_step(conn, id, step, now).await?;
        let notice = match step {
            Transition::Publish => Some(Notice::Published),
            Transition::Cancel if meeting.published_at.is_some() => Some(Notice::Cancelled),
            Transition::Close => {
                reviews::store(conn, &meeting).await?;
                let minutes = minutes::compose(conn, id, Reader::AllMembers).await?;
                Some(Notice::Minutes(Box::new(minutes)))
            }
            Transition::Reopen => {
                reviews::forget(conn, id).await?;
                None
            }
            Transition::Cancel | Transition::Start => None,
        };
        if let Some(notice) = notice {
            meeting_changed(conn, mail, id, notice).await?;
        }
        Ok(meeting)
    })
    .await
}

/// Saves `fields` in one transaction with the "moved" mail (and its `.ics`) to the
/// members when a published meeting's time or place changed.
pub async fn update(
    conn: &mut AsyncPgConnection,
    mail: &MailSettings,
    group_id: i64,
    meeting_id: i64,
    fields: &MeetingFields,
) -> QueryResult<Updated> {
    conn.transaction(async |conn| {
        let updated = meeting_schedule::update_in_transaction(conn, group_id, meeting_id, fields).await?;
        if let Updated::Saved {
            time_or_place_changed: true,
        } = updated
        {
            meeting_changed(conn, mail, meeting_id, Notice::Rescheduled).await?;
        }
        Ok(updated)
    })
    .await
}

/// Queues the notice of `meeting_id` for every active member of its group who has not
/// turned it off, inside the caller's transaction; returns how many were queued.
///
/// Published and rescheduled notices carry an iCalendar `METHOD:REQUEST`, a
/// cancellation `METHOD:CANCEL`, with the UID `meeting-{id}@{host of BASE_URL}` and
/// the meeting's `ics_sequence` as SEQUENCE, so calendars update the one event. A
/// notice replaces any earlier one of the meeting still waiting to be sent, and a
/// moved or cancelled meeting's planned reminders are cancelled at once. Dedupe keys
/// name the meeting, the recipient and the sequence (the closing for minutes), so
/// calling this twice for the same change queues nothing twice.
pub async fn meeting_changed(
    conn: &mut AsyncPgConnection,
    settings: &MailSettings,
    meeting_id: i64,
    change: Notice,
) -> QueryResult<usize> {
    let notice = change.mail();
    let now = Utc::now();
    let meeting = meetings::find(conn, meeting_id).await?;
    let group = groups::find(conn, meeting.group_id).await?;
    let instance = match (notice, meeting.closed_at) {
        (MeetingNotice::Minutes, Some(closed_at)) => closed_at.to_rfc3339(),
        _ => meeting.ics_sequence.to_string(),
    };
    // An older version's notice still waiting is replaced by this one; minutes sent
    // before the meeting was re-opened are followed by corrected ones.
    let (notices, subject_id): (&[&str], _) = match notice {
        MeetingNotice::Minutes if outbox::any_for_meeting(conn, meeting_id, "minutes").await? => {
            (&["minutes"], "mail-minutes-corrected-subject")
        }
        MeetingNotice::Minutes => (&["minutes"], notice.subject_id()),
        _ => (
            &["meeting_published", "meeting_rescheduled", "meeting_cancelled"],
            notice.subject_id(),
        ),
    };
    let keep = format!(":{instance}");
    outbox::cancel_pending_for_meeting(conn, meeting_id, notices, Some(&keep), now).await?;
    if matches!(notice, MeetingNotice::Rescheduled | MeetingNotice::Cancelled) {
        let reminders = ["meeting_reminder", "update_request"];
        outbox::cancel_pending_for_meeting(conn, meeting_id, &reminders, None, now).await?;
    }

    let tz = group.tz();
    let group_name = if group.short_name.trim().is_empty() {
        &group.name
    } else {
        &group.short_name
    };
    let facts = MeetingFacts {
        group: group_name,
        title: &meeting.title,
        when: match notice {
            MeetingNotice::Minutes => MeetingTime::Day(meeting.starts_at.with_timezone(&tz).date_naive()),
            _ => MeetingTime::At(meeting.starts_at, tz),
        },
        location: meeting.location.as_deref(),
        online_url: meeting.online_url.as_deref(),
        link: settings.link(&format!("meetings/{meeting_id}")),
    };
    let method = match notice {
        MeetingNotice::Published | MeetingNotice::Rescheduled => Some(Method::Request),
        MeetingNotice::Cancelled => Some(Method::Cancel),
        MeetingNotice::Minutes => None,
    };
    // The invitation's own words are the reader's language; the title stays as written.
    let calendar = |locale: &Locale| {
        method.map(|method| {
            let description_id = match method {
                Method::Cancel => "ics-meeting-cancelled-description",
                _ => "ics-meeting-description",
            };
            let description = locale.t_args(
                description_id,
                &[
                    ("group", group_name.as_str().into()),
                    ("link", facts.link.as_str().into()),
                ],
            );
            let event = ics::Event {
                uid: format!("meeting-{meeting_id}@{}", settings.domain()),
                sequence: meeting.ics_sequence,
                stamp: now,
                starts_at: meeting.starts_at,
                ends_at: meeting.ends_at(),
                summary: &meeting.title,
                location: meeting.location.as_deref(),
                description: &description,
                url: Some(&facts.link),
                cancelled: method == Method::Cancel,
            };
            ics::calendar(method, None, &[event])
        })
    };
    let agenda: Vec<String> = meetings::agenda(conn, meeting_id)
        .await?
        .into_iter()
        .filter(|item| item.parent_id.is_none())
        .map(|item| item.title)
        .collect();
    let about = About {
        meeting_id: Some(meeting_id),
        ..About::default()
    };
    // The minutes as text once per language among the readers.
    let mut minutes_text: std::collections::HashMap<&'static str, String> = std::collections::HashMap::new();
    let mut batch = Batch::default();
    for person in members(conn, &[group.id], notice.preference())
        .await?
        .into_iter()
        .map(|m| m.person)
    {
        let dedupe_key = format!("{}:{meeting_id}:{}:{instance}", notice.kind(), person.id);
        let locale = person.locale();
        let minutes = match &change {
            Notice::Minutes(minutes) => Some(
                minutes_text
                    .entry(locale.lang)
                    .or_insert_with(|| super::minutes::text(&locale, minutes))
                    .as_str(),
            ),
            _ => None,
        };
        let message = compose(&locale, &person.name, &facts, &agenda, notice, subject_id, minutes);
        batch.push(ToPerson {
            kind: notice.kind(),
            dedupe_key,
            ics: calendar(&locale),
            to: person,
            message,
            about,
            tokens: Vec::new(),
        });
    }
    Ok(batch.queue(conn, settings, now).await?.total())
}

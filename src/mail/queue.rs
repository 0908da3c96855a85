//! Queuing a composed mail for a person: with a one-click unsubscribe link for the
//! kinds they may turn off, and nothing queued twice for the same dedupe key.

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use maud::html;

use super::{MailSettings, Message};
use crate::i18n::Locale;
use crate::models::mail_preferences::{is_daily_digest, issue_unsubscribe, preference_kind};
use crate::models::outbox::{self, About, Outgoing};
use crate::models::reminders::Person;

/// One mail for one person.
pub struct ToPerson<'a> {
    pub kind: &'a str,
    pub dedupe_key: &'a str,
    pub to: &'a Person,
    pub message: Message,
    pub ics: Option<&'a str>,
    pub about: About,
}

/// The message with a closing line on how to stop this kind of mail.
fn with_unsubscribe(locale: &Locale, message: Message, url: &str) -> Message {
    let line = locale.t("mail-unsubscribe");
    let text = format!("{}\n-- \n{line}\n{url}\n", message.text.trim_end());
    let html = html! {
        (maud::PreEscaped(message.html))
        hr;
        p.footer { small { (line) " " a href=(url) { (url) } } }
    }
    .into_string();
    Message {
        subject: message.subject,
        text,
        html,
    }
}

/// Queues `mail` unless its dedupe key was queued before; returns whether it was.
pub async fn to_person(
    conn: &mut AsyncPgConnection,
    settings: &MailSettings,
    mail: ToPerson<'_>,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    if outbox::is_queued(conn, mail.dedupe_key).await? {
        return Ok(false);
    }
    let unsubscribe_url = match preference_kind(mail.kind) {
        Some(kind) => {
            let secret = issue_unsubscribe(conn, mail.to.id, now).await?;
            Some(settings.link(&format!("mail/unsubscribe/{secret}?kind={kind}")))
        }
        None => None,
    };
    let locale = mail.to.locale();
    let message = match &unsubscribe_url {
        Some(url) => with_unsubscribe(&locale, mail.message, url),
        None => mail.message,
    }
    .in_language(&locale);
    // Calendar invitations go out at once; other optional mail waits for the digest
    // of those who chose one.
    let held_for_digest = unsubscribe_url.is_some() && mail.ics.is_none() && is_daily_digest(conn, mail.to.id).await?;
    let outgoing = Outgoing {
        kind: mail.kind,
        dedupe_key: mail.dedupe_key,
        user_id: Some(mail.to.id),
        recipient: &mail.to.email,
        message: &message,
        ics: mail.ics,
        about: mail.about,
        unsubscribe_url: unsubscribe_url.as_deref(),
        held_for_digest,
    };
    Ok(outbox::queue(conn, &outgoing, settings.domain()).await?.is_some())
}

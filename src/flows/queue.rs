//! Queuing composed mail for people: with a one-click unsubscribe link for the kinds
//! they may turn off, held for the digest of those who chose one, and nothing queued
//! twice for the same dedupe key. A batch of any size takes a handful of statements.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use maud::html;

use crate::i18n::Locale;
use crate::mail::{self, MailSettings, Message};
use crate::models::mail_preferences::{digest_readers_among, preference_kind, unsubscribe_link};
use crate::models::outbox::{self, About, Outgoing};
use crate::models::reminders::Person;
use crate::models::tokens::{MailToken, insert_mail_tokens};

/// One mail for one person.
pub struct ToPerson {
    pub kind: &'static str,
    pub dedupe_key: String,
    pub to: Person,
    pub message: Message,
    pub ics: Option<String>,
    pub about: About,
    /// The tokens behind the links the message carries, inserted only if it is queued.
    pub tokens: Vec<MailToken>,
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

/// How many mails of each kind a batch queued.
#[derive(Debug, Default)]
pub struct Queued(HashMap<&'static str, usize>);

impl Queued {
    pub fn of(&self, kind: &str) -> usize {
        self.0.get(kind).copied().unwrap_or(0)
    }

    pub fn total(&self) -> usize {
        self.0.values().sum()
    }
}

/// Mails to queue together.
#[derive(Default)]
pub struct Batch {
    mails: Vec<ToPerson>,
}

impl Batch {
    pub fn push(&mut self, mail: ToPerson) {
        self.mails.push(mail);
    }

    /// Queues every mail whose dedupe key was not queued before, with the tokens of its
    /// links and one unsubscribe link per person, in one transaction.
    pub async fn queue(
        self,
        conn: &mut AsyncPgConnection,
        settings: &MailSettings,
        now: DateTime<Utc>,
    ) -> QueryResult<Queued> {
        let keys: Vec<String> = self.mails.iter().map(|m| m.dedupe_key.clone()).collect();
        let queued_before = outbox::queued_keys(conn, &keys).await?;
        let mut seen = HashSet::new();
        let mails: Vec<ToPerson> = self
            .mails
            .into_iter()
            .filter(|m| !queued_before.contains(&m.dedupe_key) && seen.insert(m.dedupe_key.clone()))
            .collect();
        if mails.is_empty() {
            return Ok(Queued::default());
        }
        // Calendar invitations go out at once; other optional mail waits for the digest
        // of those who chose one.
        let holdable: Vec<i64> = mails
            .iter()
            .filter(|m| m.ics.is_none() && preference_kind(m.kind).is_some())
            .map(|m| m.to.id)
            .collect();
        let digest_readers = if holdable.is_empty() {
            HashSet::new()
        } else {
            digest_readers_among(conn, &holdable).await?
        };
        let mut tokens = Vec::new();
        let mut unsubscribe_secrets: HashMap<i64, String> = HashMap::new();
        let mut ready = Vec::with_capacity(mails.len());
        for mut mail in mails {
            tokens.append(&mut mail.tokens);
            let unsubscribe_url = preference_kind(mail.kind).map(|kind| {
                let secret = unsubscribe_secrets.entry(mail.to.id).or_insert_with(|| {
                    let (secret, token) = unsubscribe_link(mail.to.id, now);
                    tokens.push(token);
                    secret
                });
                settings.link(&format!("mail/unsubscribe/{secret}?kind={kind}"))
            });
            let locale = mail.to.locale();
            if let Some(url) = &unsubscribe_url {
                mail.message = with_unsubscribe(&locale, mail.message, url);
            }
            mail.message = mail::in_language(mail.message, &locale);
            let held = unsubscribe_url.is_some() && mail.ics.is_none() && digest_readers.contains(&mail.to.id);
            ready.push((mail, unsubscribe_url, held));
        }
        let outgoing: Vec<Outgoing> = ready
            .iter()
            .map(|(mail, unsubscribe_url, held)| Outgoing {
                kind: mail.kind,
                dedupe_key: &mail.dedupe_key,
                user_id: Some(mail.to.id),
                recipient: &mail.to.email,
                message: &mail.message,
                ics: mail.ics.as_deref(),
                about: mail.about,
                unsubscribe_url: unsubscribe_url.as_deref(),
                held_for_digest: *held,
            })
            .collect();
        let kinds: HashMap<&str, &'static str> = ready.iter().map(|(m, ..)| (m.dedupe_key.as_str(), m.kind)).collect();
        let inserted = conn
            .transaction(async |conn| {
                insert_mail_tokens(conn, &tokens).await?;
                outbox::queue_many(conn, &outgoing, settings.domain()).await
            })
            .await?;
        let mut queued = Queued::default();
        for (_, key) in inserted {
            if let Some(kind) = kinds.get(key.as_str()) {
                *queued.0.entry(kind).or_default() += 1;
            }
        }
        Ok(queued)
    }
}

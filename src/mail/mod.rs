//! Message templates: typed facts in, a [`Message`] out, with a plain-text part first
//! and light HTML with no remote images. No database here: `flows` gathers the facts
//! and queues what these compose.

pub mod meetings;
pub mod reminders;

use maud::html;

use url::Url;

pub use crate::domain::message::Message;
use crate::i18n::Locale;

/// What composing mail needs of the settings: the address links point to, whose host
/// also names Message-IDs and calendar UIDs.
#[derive(Debug, Clone)]
pub struct MailSettings {
    pub base_url: Url,
}

impl MailSettings {
    pub fn new(settings: &crate::config::Settings) -> Self {
        MailSettings {
            base_url: settings.base_url.clone(),
        }
    }

    /// The host part of Message-IDs and calendar UIDs.
    pub fn domain(&self) -> &str {
        self.base_url.host_str().unwrap_or("localhost")
    }

    /// An absolute link to `path` (no leading slash) in the app.
    pub fn link(&self, path: &str) -> String {
        self.base_url
            .join(path)
            .map_or_else(|_| format!("{}{path}", self.base_url), |url| url.to_string())
    }
}

/// The message with its HTML part made a document in the reader's language and
/// writing direction, so that mail programs lay Arabic out right to left.
pub fn in_language(message: Message, locale: &Locale) -> Message {
    let html = html! {
        (maud::DOCTYPE)
        html lang=(locale.lang) dir=(locale.dir) {
            head { meta charset="utf-8"; }
            body dir=(locale.dir) { (maud::PreEscaped(message.html)) }
        }
    }
    .into_string();
    Message { html, ..message }
}

/// Why someone gets a link to choose a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordLink {
    Invitation,
    Reset,
}

/// The mail carrying a one-time set-password link.
pub fn password_link(locale: &Locale, kind: PasswordLink, name: &str, link: &str, valid_days: i64) -> Message {
    let (subject_id, intro_id) = match kind {
        PasswordLink::Invitation => ("mail-invitation-subject", "mail-invitation-intro"),
        PasswordLink::Reset => ("mail-reset-subject", "mail-reset-intro"),
    };
    let subject = locale.t(subject_id);
    let greeting = locale.t_args("mail-greeting", &[("name", name.into())]);
    let intro = locale.t(intro_id);
    let validity = locale.t_args("mail-link-validity", &[("days", valid_days.into())]);
    let ignore = locale.t("mail-ignore");
    let text = format!("{greeting}\n\n{intro}\n\n{link}\n\n{validity} {ignore}\n");
    let html = html! {
        p { (greeting) }
        p { (intro) }
        p { a href=(link) { (link) } }
        p { (validity) " " (ignore) }
    }
    .into_string();
    Message { subject, text, html }
}

//! Sending an outbox mail over SMTP: composing the MIME message and one pooled,
//! async transport with a time limit around the whole exchange.

use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use url::Url;

use crate::models::outbox::Mail;

/// The longest one mail may take, connecting and every SMTP command included.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// The SMTP server mail goes out through, and the sender it goes out as.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    timeout: Duration,
}

impl Mailer {
    /// A transport for `smtp_url`: `smtp://` (add `?tls=required` for STARTTLS, or
    /// `?tls=opportunistic`) or `smtps://`, with `user:password@` for AUTH. Errors never
    /// repeat the URL, which may hold a password.
    pub fn new(smtp_url: &Url, mail_from: &str, timeout: Duration) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url.as_str())
            .map_err(|e| anyhow::anyhow!("SMTP_URL cannot be used: {e}"))?
            .timeout(Some(timeout))
            .build();
        let from = mail_from
            .parse()
            .map_err(|e| anyhow::anyhow!("MAIL_FROM cannot be used: {e}"))?;
        Ok(Mailer {
            transport,
            from,
            timeout,
        })
    }

    /// Sends one mail; the error says what went wrong in words fit for the outbox page.
    pub async fn send(&self, mail: &Mail) -> Result<(), String> {
        let message = compose(&self.from, mail)?;
        match tokio::time::timeout(self.timeout, self.transport.send(message)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err(format!(
                "no answer from the SMTP server within {} s",
                self.timeout.as_secs()
            )),
        }
    }
}

/// The iCalendar method a calendar file declares, for its MIME type's `method`.
fn ics_method(ics: &str) -> &str {
    ics.lines()
        .find_map(|line| line.strip_prefix("METHOD:"))
        .map_or("PUBLISH", str::trim)
}

/// The MIME message for `mail`: text and HTML alternatives, an `.ics` attachment when
/// there is one, and the outbox's stable Message-ID so a resend is recognised.
pub fn compose(from: &Mailbox, mail: &Mail) -> Result<lettre::Message, String> {
    let to: Mailbox = mail
        .recipient
        .parse()
        .map_err(|e| format!("the address {:?} cannot be used: {e}", mail.recipient))?;
    let text = SinglePart::plain(mail.body_text.clone());
    let body = match &mail.body_html {
        Some(html) => MultiPart::alternative()
            .singlepart(text)
            .singlepart(SinglePart::html(html.clone())),
        None => MultiPart::mixed().singlepart(text),
    };
    let body = match &mail.ics {
        Some(ics) => {
            let content_type = ContentType::parse(&format!("text/calendar; charset=utf-8; method={}", ics_method(ics)))
                .map_err(|e| format!("the calendar file's type cannot be written: {e}"))?;
            MultiPart::mixed()
                .multipart(body)
                .singlepart(Attachment::new("meeting.ics".into()).body(ics.clone(), content_type))
        }
        None => body,
    };
    let mut message = lettre::Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(mail.message_id.clone()))
        .multipart(body)
        .map_err(|e| format!("the message cannot be composed: {e}"))?;
    let headers = message.headers_mut();
    headers.insert_raw(HeaderValue::new(
        HeaderName::new_from_ascii_str("Auto-Submitted"),
        "auto-generated".into(),
    ));
    if let Some(url) = &mail.unsubscribe_url {
        headers.insert_raw(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe"),
            format!("<{url}>"),
        ));
        headers.insert_raw(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
            "List-Unsubscribe=One-Click".into(),
        ));
    }
    Ok(message)
}

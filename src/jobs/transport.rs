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
    /// A transport for `smtp_url`: `smtps://` (TLS from the start) or `smtp://` with
    /// STARTTLS, with `user:password@` for AUTH. Unless the URL says `?tls=…` itself,
    /// `smtp://` requires STARTTLS when it has credentials (never sending a password in
    /// clear) and uses it when offered otherwise. Errors never repeat the URL, which may
    /// hold a password.
    pub fn new(smtp_url: &Url, mail_from: &str, timeout: Duration) -> anyhow::Result<Self> {
        let url = with_tls_default(smtp_url);
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.as_str())
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

    /// Sends one mail; the error says what went wrong in words fit for the outbox page,
    /// and whether it was the mail or the server.
    pub async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        let message = compose(&self.from, mail).map_err(SendError::Rejected)?;
        match tokio::time::timeout(self.timeout, self.transport.send(message)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) if server_unavailable(&e) => Err(SendError::Unavailable(e.to_string())),
            Ok(Err(e)) => Err(SendError::Rejected(e.to_string())),
            Err(_) => Err(SendError::Unavailable(format!(
                "no answer from the SMTP server within {} s",
                self.timeout.as_secs()
            ))),
        }
    }
}

/// Why a mail did not go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// The server cannot be reached or takes no mail from us for now (refused or dropped
    /// connections, timeouts, TLS failures, 421, a refused sign-in): no fault of this mail,
    /// and every other mail would fare the same until it is back.
    Unavailable(String),
    /// This mail was refused (a 4xx or 5xx for its sender, recipient or content) or could
    /// not be written.
    Rejected(String),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Unavailable(error) | SendError::Rejected(error) => f.write_str(error),
        }
    }
}

/// Whether an SMTP error is the server's rather than one mail's. Reply codes that refuse
/// the whole session: 421 (service not available), 454 (TLS or sign-in unavailable for
/// now), 530, 534 and 535 (sign-in required or refused).
fn server_unavailable(error: &lettre::transport::smtp::Error) -> bool {
    match error.status() {
        Some(code) => ["421", "454", "530", "534", "535"].contains(&code.to_string().as_str()),
        None => !error.is_client(),
    }
}

/// `smtp_url` as lettre reads it. Without `?tls=`, `smtp://` gets `required` when it
/// has credentials and `opportunistic` (on port 25 unless given) otherwise; `tls=none`
/// means plain SMTP.
fn with_tls_default(smtp_url: &Url) -> Url {
    let mut url = smtp_url.clone();
    if url.scheme() != "smtp" {
        return url;
    }
    let tls = url
        .query_pairs()
        .find(|(key, _)| key == "tls")
        .map(|(_, v)| v.into_owned());
    let others: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(key, _)| key != "tls")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let tls = match tls.as_deref() {
        Some("none") => None,
        Some(chosen) => Some(chosen.to_owned()),
        None if url.username().is_empty() => {
            if url.port().is_none() {
                let _ = url.set_port(Some(25));
            }
            Some("opportunistic".to_owned())
        }
        None => Some("required".to_owned()),
    };
    url.set_query(None);
    if !others.is_empty() || tls.is_some() {
        let mut query = url.query_pairs_mut();
        query.extend_pairs(others);
        if let Some(tls) = tls {
            query.append_pair("tls", &tls);
        }
    }
    url
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(url: &str) -> String {
        with_tls_default(&Url::parse(url).unwrap()).to_string()
    }

    #[test]
    fn smtp_urls_get_starttls_unless_they_choose() {
        assert_eq!(
            read("smtp://u:p@mail.example.org:587"),
            "smtp://u:p@mail.example.org:587?tls=required"
        );
        assert_eq!(
            read("smtp://mail.example.org"),
            "smtp://mail.example.org:25?tls=opportunistic"
        );
        assert_eq!(read("smtp://127.0.0.1:2525?tls=none"), "smtp://127.0.0.1:2525");
        assert_eq!(read("smtp://h:25?tls=required"), "smtp://h:25?tls=required");
        assert_eq!(read("smtps://u:p@h"), "smtps://u:p@h");
    }

    #[test]
    fn the_calendar_method_is_read_from_the_file() {
        assert_eq!(ics_method("BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\n"), "CANCEL");
        assert_eq!(ics_method("BEGIN:VCALENDAR\r\n"), "PUBLISH");
    }
}

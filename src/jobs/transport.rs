//! Sending an outbox mail over SMTP: composing the MIME message, and a pool of lettre
//! connections opened with `TCP_NODELAY`, with a time limit around the whole exchange.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::transport::smtp::{SMTP_PORT, SUBMISSION_PORT, SUBMISSIONS_PORT};
use tokio::net::TcpStream;
use url::Url;

use crate::models::outbox::Mail;

/// The longest one mail may take, connecting and every SMTP command included.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);
/// Idle connections kept for the next mails: one for each of the most recipients a
/// worker sends to at once.
const IDLE_CONNECTIONS: usize = crate::config::MAX_MAIL_CONCURRENCY;
/// An idle connection older than this is closed rather than reused: servers end idle
/// sessions after a few minutes.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// The SMTP server mail goes out through, and the sender it goes out as. Clones share
/// the idle connections.
#[derive(Clone)]
pub struct Mailer {
    server: Arc<Server>,
    idle: Arc<Mutex<Vec<(Instant, AsyncSmtpConnection)>>>,
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
        let server = Server::from_url(&with_tls_default(smtp_url))
            .map_err(|e| anyhow::anyhow!("SMTP_URL cannot be used: {e}"))?;
        let from = mail_from
            .parse()
            .map_err(|e| anyhow::anyhow!("MAIL_FROM cannot be used: {e}"))?;
        Ok(Mailer {
            server: Arc::new(server),
            idle: Arc::default(),
            from,
            timeout,
        })
    }

    /// Sends one mail; the error says what went wrong in words fit for the outbox page,
    /// and whether it was the mail or the server.
    pub async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        let message = compose(&self.from, mail).map_err(SendError::Rejected)?;
        let body = message.formatted();
        match tokio::time::timeout(self.timeout, self.deliver(message.envelope(), &body)).await {
            Ok(sent) => sent,
            // The connection in use is dropped with the exchange, never reused half-way.
            Err(_) => Err(SendError::Unavailable(format!(
                "no answer from the SMTP server within {} s",
                self.timeout.as_secs()
            ))),
        }
    }

    /// Sends over an idle connection when there is one, else over a new one. A connection
    /// the server closed while it was idle fails at its first command as if the server
    /// were down, so such a failure is tried once more over a new connection. (A server
    /// that took the message and dropped the connection before its reply gets it twice,
    /// as it would from the worker's next round.)
    async fn deliver(&self, envelope: &Envelope, body: &[u8]) -> Result<(), SendError> {
        if let Some(conn) = self.take_idle() {
            match self.send_over(conn, envelope, body).await {
                Err(e) if server_unavailable(&e) => {}
                sent => return sent.map_err(|e| SendError::Rejected(e.to_string())),
            }
        }
        let conn = self.server.connect().await.map_err(SendError::Unavailable)?;
        self.send_over(conn, envelope, body).await.map_err(|e| {
            if server_unavailable(&e) {
                SendError::Unavailable(e.to_string())
            } else {
                SendError::Rejected(e.to_string())
            }
        })
    }

    /// Sends over `conn`, keeping it for the next mail when all went well (lettre closes
    /// a connection on any error).
    async fn send_over(
        &self,
        mut conn: AsyncSmtpConnection,
        envelope: &Envelope,
        body: &[u8],
    ) -> Result<(), lettre::transport::smtp::Error> {
        conn.send(envelope, body).await?;
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        if idle.len() < IDLE_CONNECTIONS {
            idle.push((Instant::now(), conn));
        }
        Ok(())
    }

    /// The most recently used idle connection, closing those idle for too long.
    fn take_idle(&self) -> Option<AsyncSmtpConnection> {
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        idle.retain(|(since, _)| since.elapsed() < IDLE_TIMEOUT);
        idle.pop().map(|(_, conn)| conn)
    }

    /// Ends the idle connections with QUIT, as a worker that stops should.
    pub async fn close(&self) {
        let idle = std::mem::take(&mut *self.idle.lock().unwrap_or_else(PoisonError::into_inner));
        for (_, mut conn) in idle {
            let _ = tokio::time::timeout(self.timeout, conn.quit()).await;
        }
    }
}

/// How connections to the server are secured.
enum Security {
    /// Plain SMTP (`?tls=none`).
    Plain,
    /// STARTTLS when the server offers it.
    Opportunistic(TlsParameters),
    /// STARTTLS, or no mail.
    Required(TlsParameters),
    /// TLS from the first byte (`smtps://`).
    Implicit(TlsParameters),
}

/// Where and how to connect, read from `SMTP_URL` as lettre reads a connection URL.
struct Server {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    hello: ClientId,
}

impl Server {
    fn from_url(url: &Url) -> Result<Self, String> {
        let host = url.host_str().ok_or("it names no host")?.to_owned();
        let tls = url
            .query_pairs()
            .find(|(key, _)| key == "tls")
            .map(|(_, v)| v.into_owned());
        let parameters = || TlsParameters::new(host.clone()).map_err(|e| e.to_string());
        let (port, security) = match (url.scheme(), tls.as_deref()) {
            ("smtp", None) => (SMTP_PORT, Security::Plain),
            ("smtp", Some("opportunistic")) => (SUBMISSION_PORT, Security::Opportunistic(parameters()?)),
            ("smtp", Some("required")) => (SUBMISSION_PORT, Security::Required(parameters()?)),
            ("smtps", _) => (SUBMISSIONS_PORT, Security::Implicit(parameters()?)),
            (scheme, tls) => return Err(format!("unknown scheme {scheme:?} or tls={tls:?}")),
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .map(|s| s.into_owned())
                .map_err(|e| format!("its user or password is not UTF-8: {e}"))
        };
        let credentials = match url.password() {
            Some(password) => Some(Credentials::new(decode(url.username())?, decode(password)?)),
            None => None,
        };
        let hello = match url.path().trim_matches('/') {
            "" => ClientId::default(),
            name => ClientId::Domain(name.to_owned()),
        };
        Ok(Server {
            port: url.port().unwrap_or(port),
            host,
            security,
            credentials,
            hello,
        })
    }

    /// A new connection, greeted, secured and signed in; what fails here is the server's
    /// (or its settings'), never one mail's.
    async fn connect(&self) -> Result<AsyncSmtpConnection, String> {
        let server = (self.host.as_str(), self.port);
        let mut conn = match &self.security {
            // lettre opens TLS-from-the-start connections itself, with Nagle's algorithm on.
            Security::Implicit(tls) => {
                AsyncSmtpConnection::connect_tokio1(server, None, &self.hello, Some(tls.clone()), None)
                    .await
                    .map_err(|e| e.to_string())?
            }
            _ => {
                let stream = TcpStream::connect(server)
                    .await
                    .map_err(|e| format!("Connection error: {e}"))?;
                // Otherwise the dot that ends each message waits for the server's delayed
                // ACK of the message (40 ms on Linux): 22 mails/s on a connection at most.
                stream.set_nodelay(true).map_err(|e| format!("Connection error: {e}"))?;
                AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello)
                    .await
                    .map_err(|e| e.to_string())?
            }
        };
        let starttls = match &self.security {
            Security::Required(tls) => Some(tls),
            Security::Opportunistic(tls) if conn.can_starttls() => Some(tls),
            _ => None,
        };
        if let Some(tls) = starttls {
            conn.starttls(tls.clone(), &self.hello)
                .await
                .map_err(|e| e.to_string())?;
        }
        if let Some(credentials) = &self.credentials {
            conn.auth(DEFAULT_MECHANISMS, credentials)
                .await
                .map_err(|e| e.to_string())?;
        }
        Ok(conn)
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

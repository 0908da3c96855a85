//! A real SMTP server inside the test process, recording what it receives; it can be
//! taken down (answering 421, or not listening at all) and brought back, slowed down,
//! made to hold the messages to one address until released, and it refuses any address
//! at `bounce.test`.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mail_parser::MimeHeaders;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One message as the server took it.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
}

impl Received {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.data)
            .expect("a parsable message")
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.parsed()
            .header_raw(name)
            .map(|v| v.trim().replace("\r\n", "").replace('\n', ""))
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    pub fn text(&self) -> String {
        self.parsed().body_text(0).unwrap_or_default().into_owned()
    }

    /// The calendar attachment: its `method` parameter and its text.
    pub fn calendar(&self) -> Option<(String, String)> {
        let parsed = self.parsed();
        let part = parsed.attachments().find(|part| {
            part.content_type()
                .is_some_and(|t| t.ctype() == "text" && t.subtype() == Some("calendar"))
        })?;
        let method = part.content_type()?.attribute("method").unwrap_or_default().to_owned();
        Some((method, String::from_utf8_lossy(part.contents()).into_owned()))
    }

    pub fn html(&self) -> String {
        self.parsed().body_html(0).unwrap_or_default().into_owned()
    }
}

#[derive(Default)]
struct Inner {
    received: Mutex<Vec<Received>>,
    down: AtomicBool,
    offline: AtomicBool,
    /// How long each message takes to be accepted, in milliseconds.
    delay_ms: AtomicU64,
    /// Messages to this address are not accepted until it is cleared.
    held_for: Mutex<Option<String>>,
    /// Messages being taken now, and the most ever taken at once.
    taking: AtomicUsize,
    most_taken_at_once: AtomicUsize,
}

pub struct SmtpServer {
    pub port: u16,
    inner: Arc<Inner>,
    /// The task accepting connections; none while offline.
    listening: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl SmtpServer {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the test SMTP server");
        let port = listener.local_addr().expect("its address").port();
        let inner = Arc::new(Inner::default());
        let listening = Mutex::new(Some(accept(listener, inner.clone())));
        SmtpServer { port, inner, listening }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// While down, the server answers every connection and command with 421.
    pub fn set_down(&self, down: bool) {
        self.inner.down.store(down, Ordering::SeqCst);
    }

    /// While offline, nothing listens on the port (connections are refused) and open
    /// sessions are dropped at their next command, as when the server is stopped; back
    /// online, it listens on the same port again.
    pub async fn set_offline(&self, offline: bool) {
        self.inner.offline.store(offline, Ordering::SeqCst);
        let running = self.listening.lock().unwrap().take();
        if let Some(task) = running {
            task.abort();
            let _ = task.await;
        }
        if !offline {
            let listener = TcpListener::bind(("127.0.0.1", self.port))
                .await
                .expect("the test SMTP server gets its port back");
            *self.listening.lock().unwrap() = Some(accept(listener, self.inner.clone()));
        }
    }

    /// Each message takes this long to be accepted (an SMTP server under load).
    pub fn set_delay(&self, delay: Duration) {
        let ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        self.inner.delay_ms.store(ms, Ordering::SeqCst);
    }

    /// Messages to `address` wait, before their reply, until [`SmtpServer::release`].
    pub fn hold(&self, address: &str) {
        *self.inner.held_for.lock().unwrap() = Some(address.to_owned());
    }

    pub fn release(&self) {
        *self.inner.held_for.lock().unwrap() = None;
    }

    /// The most messages the server was taking at the same time (between DATA and its
    /// reply), over all sessions.
    pub fn most_taken_at_once(&self) -> usize {
        self.inner.most_taken_at_once.load(Ordering::SeqCst)
    }

    pub fn received(&self) -> Vec<Received> {
        self.inner.received.lock().unwrap().clone()
    }

    /// Waits, up to `limit`, for at least `count` messages (for mail sent by a loop
    /// running on its own clock).
    pub async fn wait_for(&self, count: usize, limit: Duration) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let received = self.received();
            if received.len() >= count || tokio::time::Instant::now() >= deadline {
                return received;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

fn accept(listener: TcpListener, inner: Arc<Inner>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(session(stream, inner.clone()));
        }
    })
}

async fn session(stream: TcpStream, inner: Arc<Inner>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    if inner.down.load(Ordering::SeqCst) {
        write.write_all(b"421 4.3.2 test server is down\r\n").await?;
        return Ok(());
    }
    write.write_all(b"220 test.invalid ESMTP\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        if inner.offline.load(Ordering::SeqCst) {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        if inner.down.load(Ordering::SeqCst) {
            write.write_all(b"421 4.3.2 test server is down\r\n").await?;
            return Ok(());
        }
        let reply: &[u8] = if upper.starts_with("EHLO") {
            b"250-test.invalid\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
        } else if upper.starts_with("HELO") || upper.starts_with("RSET") || upper.starts_with("NOOP") {
            b"250 OK\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            from = address(&command);
            to.clear();
            b"250 OK\r\n"
        } else if upper.starts_with("RCPT TO:") {
            let rcpt = address(&command);
            if rcpt.ends_with("@bounce.test") {
                b"550 5.1.1 no such mailbox here\r\n"
            } else {
                to.push(rcpt);
                b"250 OK\r\n"
            }
        } else if upper == "DATA" {
            write.write_all(b"354 go ahead\r\n").await?;
            let taking = inner.taking.fetch_add(1, Ordering::SeqCst) + 1;
            inner.most_taken_at_once.fetch_max(taking, Ordering::SeqCst);
            let _taken = Taken(&inner.taking);
            let mut data = Vec::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                let unstuffed = line.strip_prefix('.').unwrap_or(&line);
                data.extend_from_slice(unstuffed.as_bytes());
            }
            let delay = inner.delay_ms.load(Ordering::SeqCst);
            if delay > 0 {
                tokio::time::sleep(Duration::from_millis(delay)).await;
            }
            while inner
                .held_for
                .lock()
                .unwrap()
                .as_ref()
                .is_some_and(|held| to.contains(held))
            {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            if inner.offline.load(Ordering::SeqCst) {
                return Ok(());
            }
            inner.received.lock().unwrap().push(Received {
                from: from.clone(),
                to: std::mem::take(&mut to),
                data,
            });
            b"250 OK queued\r\n"
        } else if upper == "QUIT" {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            b"502 5.5.2 not implemented\r\n"
        };
        write.write_all(reply).await?;
    }
}

/// Counts a message as no longer being taken however its session ends.
struct Taken<'a>(&'a AtomicUsize);

impl Drop for Taken<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn address(command: &str) -> String {
    let start = command.find('<').map_or(0, |i| i + 1);
    let end = command[start..].find('>').map_or(command.len(), |i| start + i);
    command[start..end].to_owned()
}

/// A mailer pointing at `server`, as the worker uses it.
pub fn mailer(server: &SmtpServer) -> convene::jobs::transport::Mailer {
    convene::jobs::transport::Mailer::new(
        &url::Url::parse(&server.url()).unwrap(),
        "CPiE WG <convene@example.org>",
        Duration::from_secs(5),
    )
    .expect("a mailer for the test server")
}

/// Sends everything the outbox has due at `now` to `smtp`, as the worker would.
pub async fn deliver(app: &super::TestApp, smtp: &SmtpServer, now: chrono::DateTime<chrono::Utc>) {
    use convene::jobs::worker::{WorkerConfig, run_once};
    let mut conn = app.db.conn().await;
    let mailer = mailer(smtp);
    while run_once(&mut conn, &mailer, &WorkerConfig::default(), now)
        .await
        .unwrap()
        .claimed()
        > 0
    {}
}

/// How many active people belong to `group` today: each member mail goes to each.
pub async fn active_members(app: &super::TestApp, group: i64) -> i64 {
    app.count(&format!(
        "SELECT count(DISTINCT m.user_id) AS count FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.group_id = {group} AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date) \
         AND u.deactivated_at IS NULL"
    ))
    .await
}

/// The mails among `received` addressed to `address`, in the order they arrived.
pub fn to<'a>(received: &'a [Received], address: &str) -> Vec<&'a Received> {
    received.iter().filter(|m| m.to.iter().any(|t| t == address)).collect()
}

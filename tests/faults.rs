//! Faults a field deployment meets, each under a load of pages, reads and action-point
//! status updates: PostgreSQL restarted, the SMTP server down for minutes, the worker and
//! the whole app killed while sending, two instances and two workers on one database.
//!
//! Each test prints its figures as a table on stderr, written past the test harness's
//! capture so that it shows in CI's log when the test passes too.

use crate::common;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::mail::{Received, SmtpServer};
use common::process::{Serving, convene};
use common::{TestApp, Visitor, spawn_app, spawn_app_with};
use convene::db::embedded::EmbeddedPostgres;
use convene::flows::accounts;
use convene::mail::Message;
use convene::models::outbox;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// The longest a request of the load may take; one that takes longer hangs.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// Whether a loop was asked to finish (the flag's own `load`, not diesel's).
fn stopped(flag: &AtomicBool) -> bool {
    flag.load(Ordering::SeqCst)
}

/// One request of the load: when it started, how long it took, its status (none when no
/// answer came within `REQUEST_TIMEOUT` or the connection failed).
#[derive(Debug, Clone, PartialEq)]
struct Sample {
    started: Instant,
    took: Duration,
    status: Option<u16>,
    what: String,
}

impl Sample {
    fn ok(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }

    fn server_error(&self) -> bool {
        self.status.is_some_and(|s| s >= 500)
    }
}

/// An instance the load talks to, as the demo coordinator: through pages signed in, and
/// through the API with a personal token.
struct Target {
    address: String,
    visitor: Visitor,
    token: String,
}

impl Target {
    async fn new(address: &str, token: &str) -> Self {
        Target {
            address: address.to_owned(),
            visitor: Visitor::new(address)
                .sign_in("coordinator@example.org", "demo-coordinator")
                .await,
            token: token.to_owned(),
        }
    }
}

/// What the demo offers the load: the working group's action points and its list page.
struct Demo {
    items: Vec<i64>,
    page: String,
}

#[derive(diesel::QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

#[derive(diesel::QueryableByName)]
struct Word {
    #[diesel(sql_type = Text)]
    word: String,
}

impl Demo {
    async fn read(conn: &mut AsyncPgConnection) -> Self {
        let wg: Id = diesel::sql_query("SELECT id FROM groups WHERE short_name = 'CPiE WG'")
            .get_result(conn)
            .await
            .expect("the demo working group");
        let items: Vec<Id> = diesel::sql_query(format!(
            "SELECT id FROM action_points WHERE group_id = {} ORDER BY id",
            wg.id
        ))
        .load(conn)
        .await
        .expect("its action points");
        assert!(!items.is_empty(), "the demo has action points");
        Demo {
            items: items.into_iter().map(|i| i.id).collect(),
            page: format!("/groups/{}/action-points", wg.id),
        }
    }
}

/// Clients sending pages, API reads and status updates in turn to the targets until
/// finished; every update answered 2xx is remembered by its note.
struct Load {
    stop: Arc<AtomicBool>,
    clients: Vec<tokio::task::JoinHandle<Record>>,
}

#[derive(Debug, Default)]
struct Record {
    samples: Vec<Sample>,
    acknowledged: Vec<String>,
}

impl Load {
    fn start(name: &str, targets: Vec<Target>, demo: Demo, clients: usize, pause: Duration) -> Self {
        let (targets, demo) = (Arc::new(targets), Arc::new(demo));
        let stop = Arc::new(AtomicBool::new(false));
        let clients = (0..clients)
            .map(|client| {
                let (targets, demo, stop) = (targets.clone(), demo.clone(), stop.clone());
                let name = name.to_owned();
                tokio::spawn(async move {
                    let mut record = Record::default();
                    let mut i = 0;
                    while !stopped(&stop) {
                        let target = &targets[(client + i) % targets.len()];
                        let item = demo.items[(client * 7 + i) % demo.items.len()];
                        let note = format!("{name} update {client}-{i}");
                        let (what, request) = match i % 3 {
                            0 => {
                                let status = if i % 2 == 0 { "in_progress" } else { "open" };
                                let url = format!("{}/api/v1/action-points/{item}/status", target.address);
                                let body = serde_json::json!({ "status": status, "note": note });
                                (
                                    "update",
                                    target.visitor.client.post(url).bearer_auth(&target.token).json(&body),
                                )
                            }
                            1 => {
                                let url = format!("{}/api/v1/action-points/{item}", target.address);
                                ("read", target.visitor.client.get(url).bearer_auth(&target.token))
                            }
                            _ => ("page", target.visitor.client.get(target.visitor.url(&demo.page))),
                        };
                        let started = Instant::now();
                        let status = match request.timeout(REQUEST_TIMEOUT).send().await {
                            Ok(response) => {
                                let status = response.status().as_u16();
                                // Read to the end: an answer counts once it has fully arrived.
                                response.bytes().await.ok().map(|_| status)
                            }
                            Err(_) => None,
                        };
                        let sample = Sample {
                            started,
                            took: started.elapsed(),
                            status,
                            what: what.to_owned(),
                        };
                        if what == "update" && sample.ok() {
                            record.acknowledged.push(note);
                        }
                        record.samples.push(sample);
                        i += 1;
                        tokio::time::sleep(pause).await;
                    }
                    record
                })
            })
            .collect();
        Load { stop, clients }
    }

    async fn finish(self) -> Record {
        self.stop.store(true, Ordering::SeqCst);
        let mut all = Record::default();
        for client in self.clients {
            let record = client.await.expect("a load client ran");
            all.samples.extend(record.samples);
            all.acknowledged.extend(record.acknowledged);
        }
        all
    }
}

/// How many of the `acknowledged` updates the database holds.
async fn found(conn: &mut AsyncPgConnection, acknowledged: &[String]) -> usize {
    let notes: Vec<Word> = diesel::sql_query("SELECT note AS word FROM action_point_updates")
        .load(conn)
        .await
        .expect("the status history");
    let notes: HashSet<String> = notes.into_iter().map(|n| n.word).collect();
    acknowledged.iter().filter(|note| notes.contains(*note)).count()
}

/// Queues `count` mails named `prefix`0… straight into the outbox, due now, as a change
/// that causes mail does; returns their Message-IDs.
async fn queue_mails(conn: &mut AsyncPgConnection, prefix: &str, count: usize) -> Vec<String> {
    for n in 0..count {
        let message = Message {
            subject: format!("{prefix}{n}"),
            text: format!("Mail {n} of {prefix}\n"),
            html: format!("<p>Mail {n} of {prefix}</p>"),
        };
        let recipient = format!("{prefix}{n}@example.org");
        let key = format!("{prefix}{n}");
        let queued = outbox::enqueue(conn, "invitation", &key, None, &recipient, &message, "example.org")
            .await
            .expect("queue a mail");
        assert!(queued);
    }
    let ids: Vec<Word> = diesel::sql_query(format!(
        "SELECT message_id AS word FROM outbox WHERE dedupe_key LIKE '{prefix}%'"
    ))
    .load(conn)
    .await
    .expect("their Message-IDs");
    ids.into_iter().map(|w| w.word).collect()
}

/// Waits, up to `limit`, until no mail named `prefix` waits in the outbox; returns how
/// long that took.
async fn all_sent(conn: &mut AsyncPgConnection, prefix: &str, limit: Duration) -> Duration {
    let started = Instant::now();
    let sql = format!("SELECT count(*) AS id FROM outbox WHERE dedupe_key LIKE '{prefix}%' AND sent_at IS NULL");
    loop {
        let waiting: Id = diesel::sql_query(&sql).get_result(conn).await.expect("count");
        if waiting.id == 0 {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < limit,
            "{} mails of {prefix} still unsent after {limit:?}",
            waiting.id
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// What the SMTP server received of the mails `queued`: how many of them arrived, and how
/// many messages (of any mail) arrived more than once.
fn delivery(queued: &[String], received: &[Received]) -> (usize, usize) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for mail in received {
        *seen
            .entry(mail.header("Message-ID").expect("a Message-ID"))
            .or_default() += 1;
    }
    let delivered = queued.iter().filter(|id| seen.contains_key(*id)).count();
    let duplicates = seen.values().map(|n| n - 1).sum();
    (delivered, duplicates)
}

/// One test's figures, one row of the table.
struct Figures<'a> {
    fault: &'a str,
    samples: &'a [Sample],
    acknowledged: usize,
    found: usize,
    /// Mails queued, delivered, delivered twice.
    mails: Option<(usize, usize, usize)>,
    note: String,
}

/// Prints the table on stderr, past the harness's capture of `eprintln!`.
fn print(figures: &Figures<'_>) {
    let count = |f: fn(&Sample) -> bool| figures.samples.iter().filter(|s| f(s)).count();
    let mails =
        |pick: fn((usize, usize, usize)) -> usize| figures.mails.map_or("-".to_owned(), |m| pick(m).to_string());
    let header = format!(
        "{:<44} {:>8} {:>6} {:>6} {:>9} {:>14} {:>7} {:>12} {:>9} {:>10}",
        "fault",
        "requests",
        "2xx",
        "5xx",
        "no answer",
        "updates acked",
        "found",
        "mails queued",
        "delivered",
        "duplicates"
    );
    let row = format!(
        "{:<44} {:>8} {:>6} {:>6} {:>9} {:>14} {:>7} {:>12} {:>9} {:>10}",
        figures.fault,
        figures.samples.len(),
        count(Sample::ok),
        count(Sample::server_error),
        count(|s| s.status.is_none()),
        figures.acknowledged,
        figures.found,
        mails(|m| m.0),
        mails(|m| m.1),
        mails(|m| m.2)
    );
    let table = format!("\n{header}\n{row}\n  {}\n", figures.note);
    let _ = std::io::stderr().lock().write_all(table.as_bytes());
}

/// The slowest and the median time among `samples`.
fn latency(samples: &[&Sample]) -> (Duration, Duration) {
    let mut took: Vec<Duration> = samples.iter().map(|s| s.took).collect();
    took.sort();
    (
        took.last().copied().unwrap_or_default(),
        took.get(took.len() / 2).copied().unwrap_or_default(),
    )
}

async fn token_for_the_coordinator(conn: &mut AsyncPgConnection) -> String {
    accounts::issue_api_token(conn, "coordinator@example.org", Some("fault load"))
        .await
        .expect("a token")
}

/// A private cluster of the test's own, which it may stop and start; stopped and removed
/// with this value.
struct OwnCluster {
    dir: PathBuf,
    pg: EmbeddedPostgres,
}

impl OwnCluster {
    fn start(name: &str) -> Self {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("faults-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let pg = EmbeddedPostgres::locate(&dir).expect("PostgreSQL server binaries");
        pg.start().expect("the cluster starts");
        OwnCluster { dir, pg }
    }
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        let _ = self.pg.stop();
        // The cluster lives elsewhere when user postgres cannot reach the directory.
        if let Some(base) = self.pg.cluster_dir().parent() {
            let _ = std::fs::remove_dir_all(base);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `/readyz` (the probe that checks the database) every 100 ms until finished.
struct HealthPoller {
    stop: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<Vec<Poll>>,
}

/// One `/readyz` request: when it started and ended, and its status.
struct Poll {
    started: Instant,
    ended: Instant,
    status: Option<u16>,
}

impl HealthPoller {
    fn start(address: &str) -> Self {
        let url = format!("{address}/readyz");
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let task = tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut samples = Vec::new();
            while !stopped(&stopping) {
                let started = Instant::now();
                let answer = client.get(&url).timeout(REQUEST_TIMEOUT).send().await;
                samples.push(Poll {
                    started,
                    ended: Instant::now(),
                    status: answer.ok().map(|r| r.status().as_u16()),
                });
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            samples
        });
        HealthPoller { stop, task }
    }

    async fn finish(self) -> Vec<Poll> {
        self.stop.store(true, Ordering::SeqCst);
        self.task.await.expect("the health poller ran")
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn postgresql_restarted_under_load_serves_again_at_once_and_keeps_every_acknowledged_update() {
    let cluster = Arc::new(OwnCluster::start("restart"));
    let url = cluster.pg.url("convene");
    convene::db::create_database(&cluster.pg.url("postgres"), "convene", None)
        .await
        .expect("create the database");
    convene::db::migrate(&url).await.expect("migrate");
    let mut conn = AsyncPgConnection::establish(&url).await.expect("connect");
    convene::demo::load(&mut conn, chrono::Utc::now()).await.expect("demo");
    let token = token_for_the_coordinator(&mut conn).await;
    let demo = Demo::read(&mut conn).await;
    drop(conn);
    let address = common::start_app(&url, &[("BACKGROUND_JOBS", "on")]);
    let health = HealthPoller::start(&address);
    let load = Load::start(
        "restart",
        vec![Target::new(&address, &token).await],
        demo,
        4,
        Duration::from_millis(20),
    );

    tokio::time::sleep(Duration::from_secs(3)).await;
    let stopping = Instant::now();
    let pg = cluster.clone();
    tokio::task::spawn_blocking(move || pg.pg.stop())
        .await
        .unwrap()
        .expect("fast shutdown");
    let stopped = Instant::now();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let starting = Instant::now();
    let pg = cluster.clone();
    tokio::task::spawn_blocking(move || pg.pg.start())
        .await
        .unwrap()
        .expect("start again");
    let back = Instant::now();
    tokio::time::sleep(Duration::from_secs(8)).await;
    let record = load.finish().await;
    let health = health.finish().await;

    let mut conn = AsyncPgConnection::establish(&url).await.expect("connect");
    let found = found(&mut conn, &record.acknowledged).await;
    drop(conn);
    let first_ok_after = record
        .samples
        .iter()
        .filter(|s| s.started >= back && s.ok())
        .map(|s| s.started + s.took - back)
        .min();
    let slowest = latency(&record.samples.iter().collect::<Vec<_>>()).0;
    print(&Figures {
        fault: "PostgreSQL restarted (fast shutdown, 3 s)",
        samples: &record.samples,
        acknowledged: record.acknowledged.len(),
        found,
        mails: None,
        note: format!(
            "first 2xx {first_ok_after:?} after PostgreSQL was back; slowest request {slowest:?}; \
             {} /readyz polls",
            health.len()
        ),
    });

    assert!(
        record.samples.iter().all(|s| s.status.is_some()),
        "every request answered within {REQUEST_TIMEOUT:?}"
    );
    let failed = |keep: &dyn Fn(&Sample) -> bool| -> Vec<&Sample> {
        record.samples.iter().filter(|s| keep(s) && !s.ok()).collect()
    };
    let settled = back + Duration::from_secs(5);
    assert_eq!(
        failed(&|s| s.started + s.took <= stopping),
        Vec::<&Sample>::new(),
        "before"
    );
    assert!(
        record.samples.iter().filter(|s| s.started >= settled).count() > 10,
        "load went on after PostgreSQL was back"
    );
    assert_eq!(
        failed(&|s| s.started >= settled),
        Vec::<&Sample>::new(),
        "serving again within 5 s of PostgreSQL's return"
    );
    let down = record
        .samples
        .iter()
        .filter(|s| s.started >= stopped && s.started + s.took <= starting);
    let down: Vec<&Sample> = down.collect();
    assert!(!down.is_empty(), "requests were made while PostgreSQL was down");
    assert!(
        down.iter().all(|s| s.status == Some(503)),
        "each answered 503 while it was down: {down:?}"
    );
    assert!(
        record
            .samples
            .iter()
            .filter(|s| s.server_error())
            .all(|s| s.status == Some(503)),
        "a database that is away is a 503, never a 500: {:?}",
        record
            .samples
            .iter()
            .filter(|s| s.server_error() && s.status != Some(503))
            .collect::<Vec<_>>()
    );
    assert_eq!(found, record.acknowledged.len(), "every acknowledged update was kept");
    assert!(record.acknowledged.len() > 20);

    // /readyz told the truth throughout.
    assert!(health.iter().all(|p| p.status.is_some()), "readyz always answered");
    let answers = |keep: &dyn Fn(&Poll) -> bool| -> Vec<u16> {
        health.iter().filter(|p| keep(p)).filter_map(|p| p.status).collect()
    };
    let before = answers(&|p| p.ended <= stopping);
    let while_down = answers(&|p| p.started >= stopped && p.ended <= starting);
    let after = answers(&|p| p.started >= settled);
    assert!(!before.is_empty() && before.iter().all(|s| *s == 200), "{before:?}");
    assert!(
        !while_down.is_empty() && while_down.iter().all(|s| *s == 503),
        "{while_down:?}"
    );
    assert!(!after.is_empty() && after.iter().all(|s| *s == 200), "{after:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn smtp_down_for_two_minutes_loses_no_mail_and_sends_it_all_soon_after_its_return() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(&[("SMTP_URL", &smtp.url()), ("BACKGROUND_JOBS", "on")]).await;
    app.load_demo().await;
    let mut conn = app.db.conn().await;
    let token = token_for_the_coordinator(&mut conn).await;
    let demo = Demo::read(&mut conn).await;
    let target = Target::new(&app.address, &token).await;
    let load = Load::start("smtp", vec![target], demo, 2, Duration::from_millis(100));

    let mut queued = queue_mails(&mut conn, "smtp-before-", 40).await;
    all_sent(&mut conn, "smtp-before-", Duration::from_secs(60)).await;
    // Down: first answering 421 to everything, then not listening at all.
    let down_at = Instant::now();
    smtp.set_down(true);
    for round in 0..12 {
        if round == 6 {
            smtp.set_down(false);
            smtp.set_offline(true).await;
        }
        queued.extend(queue_mails(&mut conn, &format!("smtp-during-{round}-"), 20).await);
        tokio::time::sleep(Duration::from_millis(10_300)).await;
    }
    let outage = down_at.elapsed();
    assert!(smtp.received().len() >= 40);
    let received_while_down = smtp.received().len();
    smtp.set_offline(false).await;
    let took = all_sent(&mut conn, "smtp-", Duration::from_secs(120)).await;
    let record = load.finish().await;

    let (delivered, duplicates) = delivery(&queued, &smtp.received());
    let found = found(&mut conn, &record.acknowledged).await;
    let most_tries: Id =
        diesel::sql_query("SELECT max(attempts)::int8 AS id FROM outbox WHERE dedupe_key LIKE 'smtp-%'")
            .get_result(&mut conn)
            .await
            .unwrap();
    let during: Vec<&Sample> = record
        .samples
        .iter()
        .filter(|s| s.started >= down_at && s.started < down_at + outage)
        .collect();
    let (slowest, median) = latency(&during);
    print(&Figures {
        fault: "SMTP down (421, then refused)",
        samples: &record.samples,
        acknowledged: record.acknowledged.len(),
        found,
        mails: Some((queued.len(), delivered, duplicates)),
        note: format!(
            "down {outage:?}; all sent {took:?} after its return; most tries of one mail {}; \
             requests during the outage: median {median:?}, slowest {slowest:?}",
            most_tries.id
        ),
    });

    assert!(outage >= Duration::from_secs(120));
    assert_eq!(received_while_down, 40, "nothing got through while it was down");
    assert!(
        took <= Duration::from_secs(120),
        "all delivered within 2 min of its return"
    );
    assert_eq!((delivered, duplicates), (queued.len(), 0), "every mail once");
    assert_eq!(
        most_tries.id, 1,
        "tries while the server was down did not count against the mail"
    );
    assert!(record.samples.iter().all(Sample::ok), "pages and updates went on");
    assert!(
        slowest < Duration::from_secs(5),
        "no request waited on SMTP (whose timeout is 30 s): {slowest:?}"
    );
    assert_eq!(found, record.acknowledged.len());
}

/// The admin's outbox page: the counts it shows, by label.
async fn outbox_counts(admin: &Visitor) -> HashMap<String, i64> {
    let page = admin.page("/admin/outbox").await;
    let html = scraper::Html::parse_document(&page);
    let links = scraper::Selector::parse("nav.filters a").unwrap();
    html.select(&links)
        .filter_map(|a| {
            let text = a.text().collect::<String>();
            let (label, count) = text.rsplit_once(" (")?;
            Some((label.trim().to_owned(), count.trim_end_matches(')').parse().ok()?))
        })
        .collect()
}

/// The outbox counts the database holds, by the page's labels.
async fn outbox_truth(app: &TestApp) -> HashMap<String, i64> {
    let mut conn = app.db.conn().await;
    let counts = outbox::count_by_state(&mut conn).await.unwrap();
    let locale = convene::i18n::Locale::default();
    let mut truth: HashMap<String, i64> = counts
        .iter()
        .map(|(state, n)| (locale.t(&format!("outbox-state-{}", state.as_str())), *n))
        .collect();
    truth.insert(locale.t("outbox-state-all"), counts.iter().map(|(_, n)| n).sum());
    truth
}

#[tokio::test(flavor = "multi_thread")]
async fn workers_and_the_app_killed_while_sending_deliver_every_mail_at_most_once_more_per_kill() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    // Slow enough that every kill lands while mail is going out (50 ms a message, as
    // each took before the transport set TCP_NODELAY).
    smtp.set_delay(Duration::from_millis(50));
    let mut conn = app.db.conn().await;
    let queued = queue_mails(&mut conn, "kill-", 500).await;
    // One mail at a time: a kill then finds at most one sent and not yet recorded.
    let command = || {
        let mut command = convene();
        command
            .env("DATABASE_URL", &app.db.url)
            .env("SMTP_URL", smtp.url())
            .env("MAIL_CONCURRENCY", "1");
        command
    };
    let started = Instant::now();
    let mut kills = 0;
    for k in 0..11 {
        let before = smtp.received().len();
        let process = if k == 5 {
            let mut serve = command();
            serve.env("BIND", "127.0.0.1:0").env("BACKGROUND_JOBS", "on");
            Serving::start(&mut serve).0
        } else {
            Serving::spawn(command().arg("worker"))
        };
        // Once it sends, a little later, so that the kill finds mail on its way.
        assert!(smtp.wait_for(before + 1, Duration::from_secs(30)).await.len() > before);
        tokio::time::sleep(Duration::from_millis(100 + (k * 73 % 300))).await;
        assert_eq!(process.signal(libc::SIGKILL), None, "killed");
        kills += 1;
    }
    let delivered_by_then = delivery(&queued, &smtp.received()).0;
    let last = Serving::spawn(command().arg("worker"));
    let took = all_sent(&mut conn, "kill-", Duration::from_secs(120)).await;
    assert_eq!(last.signal(libc::SIGTERM), Some(0), "the last worker stops cleanly");
    let (delivered, duplicates) = delivery(&queued, &smtp.received());

    let admin = app.sign_in_demo("admin").await;
    let shown = outbox_counts(&admin).await;
    let truth = outbox_truth(&app).await;
    let sent_page = admin.page("/admin/outbox?state=sent").await;
    let waiting = [
        admin.page("/admin/outbox?state=queued").await,
        admin.page("/admin/outbox?state=failed").await,
    ];
    print(&Figures {
        fault: "worker killed 10 times, the app once (kill -9)",
        samples: &[],
        acknowledged: 0,
        found: 0,
        mails: Some((queued.len(), delivered, duplicates)),
        note: format!(
            "{kills} kills in {:?}, {delivered_by_then} delivered by the last; all sent {took:?} later; outbox page {shown:?}",
            started.elapsed() - took
        ),
    });

    assert!(
        delivered_by_then < queued.len(),
        "the kills came while mail was going out"
    );
    assert_eq!(delivered, queued.len(), "every mail delivered");
    assert!(duplicates <= kills, "{duplicates} duplicates after {kills} kills");
    assert_eq!(shown, truth, "the outbox page shows what the outbox holds");
    let arrived: HashSet<String> = smtp.received().iter().filter_map(|m| m.header("Message-ID")).collect();
    assert_eq!(
        truth["Sent"],
        i64::try_from(arrived.len()).unwrap(),
        "sent are exactly the mails the SMTP server has"
    );
    assert_eq!(
        sent_page.matches("badge mail-sent").count(),
        200,
        "the table lists sent mail"
    );
    for page in waiting {
        assert!(!page.contains(">kill-"), "none of it is shown waiting");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn two_instances_and_two_workers_on_one_database_send_each_mail_once_and_keep_every_update() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    smtp.set_delay(Duration::from_millis(2));
    let mut conn = app.db.conn().await;
    let token = token_for_the_coordinator(&mut conn).await;
    let demo = Demo::read(&mut conn).await;
    let serve = || {
        let mut command = convene();
        command
            .env("DATABASE_URL", &app.db.url)
            .env("SMTP_URL", smtp.url())
            .env("BIND", "127.0.0.1:0")
            .env("BACKGROUND_JOBS", "on");
        command
    };
    let (first, first_address) = Serving::start(&mut serve());
    let (second, second_address) = Serving::start(&mut serve());
    let targets = vec![
        Target::new(&first_address, &token).await,
        Target::new(&second_address, &token).await,
    ];
    let load = Load::start("two", targets, demo, 4, Duration::from_millis(10));
    let mut queued = Vec::new();
    for batch in 0..10 {
        queued.extend(queue_mails(&mut conn, &format!("two-{batch}-"), 50).await);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let took = all_sent(&mut conn, "two-", Duration::from_secs(120)).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let record = load.finish().await;
    assert_eq!(first.interrupt(), Some(0));
    assert_eq!(second.interrupt(), Some(0));
    let (delivered, duplicates) = delivery(&queued, &smtp.received());
    let found = found(&mut conn, &record.acknowledged).await;
    print(&Figures {
        fault: "two instances, two workers, one database",
        samples: &record.samples,
        acknowledged: record.acknowledged.len(),
        found,
        mails: Some((queued.len(), delivered, duplicates)),
        note: format!("all sent {took:?} after the last was queued"),
    });

    assert!(record.samples.len() > 100);
    assert!(record.samples.iter().all(Sample::ok), "no failure on either instance");
    assert_eq!(found, record.acknowledged.len(), "every acknowledged update was kept");
    assert_eq!((delivered, duplicates), (queued.len(), 0), "every mail once");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_that_finds_no_free_connection_is_told_to_retry_after_a_while() {
    use diesel_async::SimpleAsyncConnection;
    // One worker with one connection, and statements that may wait longer than the pool.
    let app = spawn_app_with(&[
        ("DATABASE_POOL_SIZE", "1"),
        ("HTTP_WORKERS", "1"),
        ("DATABASE_STATEMENT_TIMEOUT_MS", "60000"),
    ])
    .await;
    app.load_demo().await;
    let api = common::api::script_of(&app, "coordinator@example.org").await;
    // The only connection is held by a request waiting on a lock the test holds.
    let mut locker = app.db.conn().await;
    locker
        .batch_execute("BEGIN; LOCK TABLE groups IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    let holder = {
        let api = common::api::script(&app, &api.token);
        tokio::spawn(async move { api.get("/api/v1/groups").await })
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    let refused = api
        .http
        .get(format!("{}/api/v1/groups", api.address))
        .bearer_auth(&api.token)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 503);
    assert_eq!(
        refused.headers().get("retry-after").and_then(|v| v.to_str().ok()),
        Some("5")
    );
    assert_eq!(
        refused.headers().get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["status"], 503);
    // Once the lock goes, the held request is answered and the pool serves again.
    locker.batch_execute("ROLLBACK").await.unwrap();
    assert_eq!(holder.await.unwrap().status, 200);
    assert_eq!(api.get("/api/v1/groups").await.status, 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_whose_statement_times_out_is_told_to_retry_after_a_while() {
    use diesel_async::SimpleAsyncConnection;
    let app = spawn_app_with(&[("DATABASE_STATEMENT_TIMEOUT_MS", "1000")]).await;
    app.load_demo().await;
    let api = common::api::script_of(&app, "coordinator@example.org").await;
    let mut locker = app.db.conn().await;
    locker
        .batch_execute("BEGIN; LOCK TABLE groups IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    let slow = api
        .http
        .get(format!("{}/api/v1/groups", api.address))
        .bearer_auth(&api.token)
        .send()
        .await
        .unwrap();
    locker.batch_execute("ROLLBACK").await.unwrap();
    assert_eq!(slow.status(), 503);
    assert_eq!(
        slow.headers().get("retry-after").and_then(|v| v.to_str().ok()),
        Some("5")
    );
    assert_eq!(api.get("/api/v1/groups").await.status, 200);
}

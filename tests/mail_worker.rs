//! The mail worker against a real SMTP server in the test process: exactly once with
//! several workers, lease expiry, an SMTP outage, dead mail, the admin's outbox.

use crate::common;

use std::collections::HashSet;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use common::mail::{SmtpServer, mailer};
use common::{TestApp, form_token, spawn_app, spawn_app_with};
use convene::jobs::transport::Mailer;
use convene::jobs::worker::{Round, WorkerConfig, run_once};
use convene::mail::Message;
use convene::models::outbox;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, 3, 4, 9, 0, 0).unwrap()
}

/// Queues a mail straight into the outbox, as any change that causes mail does.
async fn queue(app: &TestApp, key: &str, to: &str) {
    let mut conn = app.db.conn().await;
    let message = Message {
        subject: format!("Subject {key}"),
        text: format!("Text of {key}\n"),
        html: format!("<p>HTML of {key}</p>"),
    };
    let queued = outbox::enqueue(&mut conn, "invitation", key, None, to, &message, "example.org")
        .await
        .unwrap();
    assert!(queued);
    // Due from the tests' clock on.
    diesel_async::RunQueryDsl::execute(
        diesel::sql_query("UPDATE outbox SET next_attempt_at = '2030-01-01Z', not_before = '2030-01-01Z'"),
        &mut conn,
    )
    .await
    .unwrap();
}

async fn round(app: &TestApp, mailer: &Mailer, now: DateTime<Utc>) -> Round {
    let mut conn = app.db.conn().await;
    run_once(&mut conn, mailer, &WorkerConfig::default(), now)
        .await
        .unwrap()
}

#[tokio::test]
async fn three_workers_deliver_each_mail_exactly_once() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start().await;
    for i in 0..45 {
        queue(&app, &format!("bulk-{i}"), &format!("person{i}@example.org")).await;
    }
    let mailer = mailer(&smtp);
    let config = WorkerConfig {
        batch: 4,
        ..WorkerConfig::default()
    };
    let worker = || async {
        let mut conn = app.db.conn().await;
        let mut sent = 0;
        loop {
            let round = run_once(&mut conn, &mailer, &config, t0()).await.unwrap();
            if round.claimed() == 0 {
                return sent;
            }
            sent += round.sent;
        }
    };
    let (a, b, c) = tokio::join!(worker(), worker(), worker());
    assert_eq!(a + b + c, 45);
    assert!(a > 0 && b > 0 && c > 0, "each worker took a share: {a} {b} {c}");
    // A later round finds nothing left to send.
    assert_eq!(
        round(&app, &mailer, t0() + chrono::Duration::hours(1)).await.claimed(),
        0
    );

    let received = smtp.received();
    assert_eq!(received.len(), 45);
    let ids: HashSet<_> = received.iter().map(|m| m.header("Message-ID").unwrap()).collect();
    assert_eq!(ids.len(), 45, "no Message-ID twice");
    let recipients: HashSet<_> = received.iter().flat_map(|m| m.to.clone()).collect();
    assert_eq!(recipients.len(), 45);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM outbox WHERE sent_at IS NOT NULL")
            .await,
        45
    );
}

#[tokio::test]
async fn a_sent_mail_carries_its_parts_and_headers() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start().await;
    queue(&app, "one", "someone@example.org").await;
    let stored = app.id("SELECT id FROM outbox WHERE dedupe_key = 'one'").await;
    assert_eq!(round(&app, &mailer(&smtp), t0()).await.sent, 1);

    let received = smtp.received();
    let mail = &received[0];
    assert_eq!(mail.from, "convene@example.org");
    assert_eq!(mail.to, ["someone@example.org"]);
    assert_eq!(mail.subject(), "Subject one");
    assert_eq!(mail.text().trim(), "Text of one");
    assert!(mail.html().contains("<p>HTML of one</p>"));
    assert_eq!(mail.header("Auto-Submitted").as_deref(), Some("auto-generated"));
    let mut conn = app.db.conn().await;
    let row = outbox::find(&mut conn, stored).await.unwrap().unwrap();
    assert_eq!(mail.header("Message-ID"), Some(row.message_id.clone()));
    assert_eq!(row.attempts, 1);
    assert!(row.sent_at.is_some() && row.locked_until.is_none());
}

#[tokio::test]
async fn a_live_workers_claim_holds_for_its_lease_and_a_dead_workers_is_taken_over_at_once() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start().await;
    queue(&app, "held", "someone@example.org").await;
    let config = WorkerConfig::default();
    let mailer = mailer(&smtp);
    // A worker claims the mail and hangs before sending it, its session still open.
    let mut hanging = app.db.conn().await;
    let claimed = outbox::claim(&mut hanging, t0(), config.lease, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(
        round(&app, &mailer, t0() + chrono::Duration::minutes(1))
            .await
            .claimed(),
        0
    );
    assert!(smtp.received().is_empty());
    let after_lease = t0() + config.lease + chrono::Duration::seconds(1);
    assert_eq!(round(&app, &mailer, after_lease).await.sent, 1);
    assert_eq!(smtp.received().len(), 1);
    assert_eq!(round(&app, &mailer, after_lease + config.lease * 2).await.claimed(), 0);
    assert_eq!(smtp.received().len(), 1);

    // A worker claims a mail and is killed: its session ends, and the mail goes out at once.
    queue(&app, "orphan", "other@example.org").await;
    let mut killed = app.db.conn().await;
    let session = diesel_async::RunQueryDsl::get_result::<i32>(
        diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>("pg_backend_pid()")),
        &mut killed,
    )
    .await
    .unwrap();
    assert_eq!(
        outbox::claim(&mut killed, t0(), config.lease, 10).await.unwrap().len(),
        1
    );
    drop(killed);
    let gone = format!("SELECT count(*) AS count FROM pg_stat_activity WHERE pid = {session}");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while app.count(&gone).await > 0 {
        assert!(std::time::Instant::now() < deadline, "the killed worker's session ends");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(round(&app, &mailer, t0() + chrono::Duration::seconds(1)).await.sent, 1);
    let received = smtp.received();
    assert_eq!(received.len(), 2);
    assert_eq!(received[1].to, ["other@example.org"]);
}

/// The outbox as the admin's table shows it: (subject, tries, error, sent), newest first.
async fn outbox_rows(app: &TestApp) -> Vec<(String, i32, Option<String>, bool)> {
    let mut conn = app.db.conn().await;
    outbox::list(&mut conn, None, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.subject, m.attempts, m.last_error, m.sent_at.is_some()))
        .collect()
}

#[tokio::test]
async fn while_smtp_is_down_mail_waits_untried_and_goes_out_as_soon_as_it_returns() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start().await;
    for key in ["first", "second", "third"] {
        queue(&app, key, &format!("{key}@example.org")).await;
    }
    let mailer = mailer(&smtp);
    smtp.set_down(true);
    let first = round(&app, &mailer, t0()).await;
    assert_eq!(first.claimed(), 0, "nothing counted as failed: {first:?}");
    assert!(
        first.unavailable.as_deref().is_some_and(|e| e.contains("421")),
        "{first:?}"
    );
    // The mails tried (those in flight when the server was found down) say why they
    // wait; no try counted, none pushed back.
    let rows = outbox_rows(&app).await;
    let tried: Vec<_> = rows.iter().filter_map(|(_, _, error, _)| error.as_deref()).collect();
    assert!(!tried.is_empty(), "{rows:?}");
    assert!(
        tried
            .iter()
            .all(|error| error.starts_with("the SMTP server is unavailable: ")),
        "{rows:?}"
    );
    assert!(rows.iter().all(|(_, tries, _, sent)| *tries == 0 && !sent), "{rows:?}");
    // Refused connections are the server's fault too.
    smtp.set_down(false);
    smtp.set_offline(true).await;
    let refused = round(&app, &mailer, t0() + chrono::Duration::seconds(1)).await;
    assert_eq!(
        (refused.claimed(), refused.unavailable.is_some()),
        (0, true),
        "{refused:?}"
    );
    // Back a second later: everything goes out on the next round, each once.
    smtp.set_offline(false).await;
    let back = round(&app, &mailer, t0() + chrono::Duration::seconds(2)).await;
    assert_eq!((back.sent, back.unavailable), (3, None));
    let mut subjects: Vec<_> = smtp.received().iter().map(|m| m.subject()).collect();
    subjects.sort();
    assert_eq!(subjects, ["Subject first", "Subject second", "Subject third"]);
    assert!(
        outbox_rows(&app)
            .await
            .iter()
            .all(|(_, tries, _, sent)| *sent && *tries == 1)
    );
}

#[tokio::test]
async fn a_server_that_never_answers_counts_as_down_after_the_send_timeout() {
    let app = spawn_app().await;
    queue(&app, "patient", "someone@example.org").await;
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = silent.local_addr().unwrap().port();
    // Accepts connections and never says a word.
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((stream, _)) = silent.accept().await {
            open.push(stream);
        }
    });
    let mailer = Mailer::new(
        &url::Url::parse(&format!("smtp://127.0.0.1:{port}?tls=none")).unwrap(),
        "convene@example.org",
        Duration::from_millis(500),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let round = round(&app, &mailer, t0()).await;
    assert!(started.elapsed() < Duration::from_secs(5), "the send timed out");
    assert_eq!(round.claimed(), 0);
    assert!(
        round.unavailable.as_deref().is_some_and(|e| e.contains("no answer")),
        "{round:?}"
    );
    assert_eq!(
        app.count("SELECT count(*) AS count FROM outbox WHERE attempts = 0 AND sent_at IS NULL AND dead_at IS NULL")
            .await,
        1
    );
    held.abort();
}

#[tokio::test]
async fn a_refused_address_goes_dead_after_the_last_try_and_the_admin_sees_why() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    queue(&app, "doomed", "nobody@bounce.test").await;
    let mailer = mailer(&smtp);
    let config = WorkerConfig::default();
    let mut now = t0();
    for attempt in 1..=config.max_attempts {
        let round = round(&app, &mailer, now).await;
        let expected = if attempt == config.max_attempts {
            Round {
                dead: 1,
                ..Round::default()
            }
        } else {
            Round {
                failed: 1,
                ..Round::default()
            }
        };
        assert_eq!(round, expected, "attempt {attempt}");
        // Not tried again before its backoff is over.
        assert_eq!(
            self::round(&app, &mailer, now + chrono::Duration::seconds(30))
                .await
                .claimed(),
            0
        );
        now += chrono::Duration::hours(8);
    }
    assert_eq!(
        self::round(&app, &mailer, now + chrono::Duration::days(30))
            .await
            .claimed(),
        0
    );
    assert!(smtp.received().is_empty());

    let admin = app.sign_in_demo("admin").await;
    let dead = admin.page("/admin/outbox?state=dead").await;
    assert!(dead.contains("nobody@bounce.test"), "{dead}");
    assert!(dead.contains("no such mailbox here"));
    assert!(
        !admin
            .page("/admin/outbox?state=sent")
            .await
            .contains("nobody@bounce.test")
    );
    let id = app.id("SELECT id FROM outbox WHERE dedupe_key = 'doomed'").await;
    let detail = admin.page(&format!("/admin/outbox/{id}")).await;
    assert!(detail.contains("550"));
    assert!(detail.contains("Text of doomed"));

    // Retry puts it back for a try now; cancel takes it out again.
    let token = form_token(&detail);
    let retried = admin
        .post(&format!("/admin/outbox/{id}/retry"), &[("csrf_token", &token)])
        .await;
    assert_eq!(retried.status(), 303);
    assert!(
        admin
            .page("/admin/outbox?state=queued")
            .await
            .contains("nobody@bounce.test")
    );
    let cancelled = admin
        .post(&format!("/admin/outbox/{id}/cancel"), &[("csrf_token", &token)])
        .await;
    assert_eq!(cancelled.status(), 303);
    assert!(
        admin
            .page("/admin/outbox?state=cancelled")
            .await
            .contains("nobody@bounce.test")
    );
    assert_eq!(
        round(&app, &mailer, Utc::now() + chrono::Duration::days(1))
            .await
            .claimed(),
        0
    );
    // A second cancel has nothing to cancel, and a form without its token changes nothing.
    let again = admin
        .post(&format!("/admin/outbox/{id}/cancel"), &[("csrf_token", &token)])
        .await;
    assert_eq!(again.status(), 409);
    let forged = admin.post(&format!("/admin/outbox/{id}/retry"), &[]).await;
    assert_eq!(forged.status(), 403);
    assert!(
        admin
            .page("/admin/outbox?state=cancelled")
            .await
            .contains("nobody@bounce.test")
    );
    assert_eq!(admin.get("/admin/outbox?state=lost").await.status(), 400);
}

#[tokio::test]
async fn only_admins_read_the_outbox() {
    let app = spawn_app().await;
    app.load_demo().await;
    queue(&app, "private", "someone@example.org").await;
    let id = app.id("SELECT id FROM outbox WHERE dedupe_key = 'private'").await;
    for role in ["coordinator", "member"] {
        let visitor = app.sign_in_demo(role).await;
        assert_eq!(visitor.get("/admin/outbox").await.status(), 403, "{role}");
        assert_eq!(
            visitor.get(&format!("/admin/outbox/{id}")).await.status(),
            403,
            "{role}"
        );
        let token = form_token(&visitor.page("/account/profile").await);
        let cancel = visitor
            .post(&format!("/admin/outbox/{id}/cancel"), &[("csrf_token", &token)])
            .await;
        assert_eq!(cancel.status(), 403, "{role}");
    }
    assert_eq!(app.visitor().get("/admin/outbox").await.status(), 303);
    let admin = app.sign_in_demo("admin").await;
    let page = admin.page("/admin/outbox").await;
    assert!(
        page.contains("No SMTP server is configured"),
        "nothing pretends to be sent"
    );
    assert!(page.contains("Subject private"));
    assert_eq!(admin.get("/admin/outbox/999999").await.status(), 404);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM outbox WHERE cancelled_at IS NULL")
            .await,
        1
    );
}

#[tokio::test]
async fn the_server_sends_mail_in_the_background_and_requests_never_wait_on_smtp() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(&[("SMTP_URL", &smtp.url()), ("BACKGROUND_JOBS", "on")]).await;
    app.load_demo().await;
    smtp.set_down(true);
    let visitor = app.visitor();
    let started = std::time::Instant::now();
    let response = visitor
        .submit("/password/reset", "/password/reset", &[("email", "member@example.org")])
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the request did not wait on SMTP"
    );
    assert_eq!(
        app.count(
            "SELECT count(*) AS count FROM outbox WHERE kind = 'password_reset' AND recipient = 'member@example.org'"
        )
        .await,
        1
    );
    smtp.set_down(false);
    // Cleared for an immediate try, the running worker picks it up on its next round.
    let mut conn = app.db.conn().await;
    diesel_async::RunQueryDsl::execute(
        diesel::sql_query("UPDATE outbox SET next_attempt_at = now(), last_error = NULL"),
        &mut conn,
    )
    .await
    .unwrap();
    let received = smtp.wait_for(1, Duration::from_secs(20)).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, ["member@example.org"]);
    assert!(received[0].text().contains("/password/set/"));
}

#[tokio::test]
async fn a_round_sends_to_several_recipients_at_once_and_to_each_in_the_order_queued() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start().await;
    // A server slow to take each message, so sends overlap when they can.
    smtp.set_delay(Duration::from_millis(50));
    for i in 0..30 {
        queue(&app, &format!("many-{i}"), &format!("person{i}@example.org")).await;
    }
    for i in 0..5 {
        queue(&app, &format!("same-{i}"), "one@example.org").await;
    }
    let config = WorkerConfig {
        concurrency: 8,
        ..WorkerConfig::default()
    };
    let mut conn = app.db.conn().await;
    let round = run_once(&mut conn, &mailer(&smtp), &config, t0()).await.unwrap();
    assert_eq!((round.sent, round.failed, round.unavailable), (35, 0, None));
    let at_once = smtp.most_taken_at_once();
    assert!(
        at_once > 1 && at_once <= config.concurrency,
        "between 2 and {} messages at once, not {at_once}",
        config.concurrency
    );
    let received = smtp.received();
    let to_one: Vec<String> = common::mail::to(&received, "one@example.org")
        .iter()
        .map(|m| m.subject())
        .collect();
    assert_eq!(to_one, (0..5).map(|i| format!("Subject same-{i}")).collect::<Vec<_>>());
}

#[tokio::test]
async fn each_sent_mail_is_recorded_while_the_rest_of_its_round_is_still_going_out() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start().await;
    // The first mail of the round is taken only once the others are recorded as sent.
    smtp.hold("slow@example.org");
    queue(&app, "slow", "slow@example.org").await;
    for i in 0..5 {
        queue(&app, &format!("quick-{i}"), &format!("quick{i}@example.org")).await;
    }
    let config = WorkerConfig {
        concurrency: 2,
        ..WorkerConfig::default()
    };
    let mailer = mailer(&smtp);
    let mut conn = app.db.conn().await;
    let sending = run_once(&mut conn, &mailer, &config, t0());
    let watching = async {
        let sent = "SELECT count(*) AS count FROM outbox WHERE sent_at IS NOT NULL";
        let deadline = std::time::Instant::now() + Duration::from_secs(4);
        while app.count(sent).await < 5 {
            assert!(
                std::time::Instant::now() < deadline,
                "the quick mails are recorded as sent"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(
            outbox_rows(&app)
                .await
                .iter()
                .all(|(subject, _, _, sent)| *sent == (subject != "Subject slow"))
        );
        smtp.release();
    };
    let (round, ()) = tokio::join!(sending, watching);
    assert_eq!(round.unwrap().sent, 6);
    assert_eq!(smtp.received().len(), 6);
    assert!(
        outbox_rows(&app)
            .await
            .iter()
            .all(|(_, tries, _, sent)| *sent && *tries == 1)
    );
}

#[tokio::test]
async fn sent_mails_are_recorded_together_only_where_the_worker_still_holds_the_claim() {
    let app = spawn_app().await;
    for key in ["cancelled", "taken over", "kept"] {
        queue(&app, key, &format!("{}@example.org", key.replace(' ', "-"))).await;
    }
    let lease = WorkerConfig::default().lease;
    let mut worker = app.db.conn().await;
    let claimed = outbox::claim(&mut worker, t0(), lease, 10).await.unwrap();
    assert_eq!(claimed.len(), 3);
    let by_subject = |subject: &str| claimed.iter().find(|m| m.subject == subject).unwrap().id;
    // While its sends hang, an admin cancels one mail and, its lease over, another worker
    // takes over another.
    let mut other = app.db.conn().await;
    assert!(
        outbox::cancel(&mut other, by_subject("Subject cancelled"), t0())
            .await
            .unwrap()
    );
    let retaken = outbox::claim(&mut other, t0() + lease + chrono::Duration::seconds(1), lease, 1)
        .await
        .unwrap();
    assert_eq!(retaken[0].id, by_subject("Subject taken over"));

    assert_eq!(outbox::mark_sent(&mut worker, &claimed, t0()).await.unwrap(), 1);
    let mut rows = outbox_rows(&app).await;
    rows.sort();
    assert_eq!(
        rows,
        [
            ("Subject cancelled".to_owned(), 1, None, false),
            ("Subject kept".to_owned(), 1, None, true),
            ("Subject taken over".to_owned(), 2, None, false),
        ]
    );
    let mut conn = app.db.conn().await;
    let states: Vec<_> = outbox::list(&mut conn, None, 10)
        .await
        .unwrap()
        .iter()
        .map(|m| (m.subject.clone(), m.state()))
        .collect();
    assert!(states.contains(&("Subject cancelled".to_owned(), outbox::MailState::Cancelled)));
    assert!(states.contains(&("Subject taken over".to_owned(), outbox::MailState::Queued)));
}

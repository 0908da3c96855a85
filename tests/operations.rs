//! What an operator watches and relies on: `/metrics`, the probes, and the client
//! address behind a trusted proxy.

use crate::common;

use std::time::Duration;

use common::mail::SmtpServer;
use common::{TestApp, TestDatabase, Visitor, form_token, sample, spawn_app_on, spawn_app_with};
use diesel_async::RunQueryDsl;

const TOKEN: &str = "a-metrics-token-of-enough-length-0123456789";

async fn scrape(visitor: &Visitor) -> String {
    let response = visitor.get("/metrics").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/plain; version=0.0.4");
    response.text().await.unwrap()
}

async fn execute(app: &TestApp, sql: &str) {
    let mut conn = app.db.conn().await;
    diesel::sql_query(sql).execute(&mut conn).await.unwrap();
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_and_show_the_outbox_and_mail_sent() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(&[("SMTP_URL", &smtp.url()), ("BACKGROUND_JOBS", "on")]).await;
    app.load_demo().await;
    let me = app.sign_in_demo("coordinator").await;
    let first = app.id("SELECT id FROM meetings ORDER BY id LIMIT 1").await;
    let second = app.id("SELECT id FROM meetings ORDER BY id OFFSET 1 LIMIT 1").await;
    for id in [first, second] {
        me.page(&format!("/meetings/{id}")).await;
    }
    assert_eq!(me.get("/no/such/page/member@example.org").await.status(), 404);

    // A mail sent by the worker inside the app, one that waits for tomorrow and one given up.
    let response = app
        .visitor()
        .submit("/password/reset", "/password/reset", &[("email", "member@example.org")])
        .await;
    assert_eq!(response.status(), 200);
    let received = smtp.wait_for(1, Duration::from_secs(20)).await;
    assert_eq!(received.len(), 1);
    execute(
        &app,
        "INSERT INTO outbox (kind, dedupe_key, recipient, subject, body_text, message_id, not_before, dead_at)
         VALUES ('invitation', 'later', 'later@test.org', 'Later', 'x', 'later@test', now() + interval '1 day', NULL),
                ('invitation', 'given-up', 'dead@test.org', 'Dead', 'x', 'dead@test', now(), now())",
    )
    .await;

    let anyone = app.visitor();
    let mut text = scrape(&anyone).await;
    // The worker counts a mail once the server took it: a moment after the server has it.
    for _ in 0..100 {
        if sample(&text, "convene_mails_sent_total") == Some(1.0) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        text = scrape(&anyone).await;
    }
    assert_eq!(
        sample(
            &text,
            r#"convene_http_requests_total{method="GET",route="/meetings/{id}",status="200"}"#
        ),
        Some(2.0),
        "{text}"
    );
    assert_eq!(
        sample(
            &text,
            r#"convene_http_request_duration_seconds_count{method="GET",route="/meetings/{id}"}"#
        ),
        Some(2.0)
    );
    assert_eq!(
        sample(
            &text,
            r#"convene_http_requests_total{method="GET",route="unmatched",status="404"}"#
        ),
        Some(1.0)
    );
    assert_eq!(
        sample(
            &text,
            r#"convene_http_requests_total{method="POST",route="/password/reset",status="200"}"#
        ),
        Some(1.0)
    );
    assert_eq!(sample(&text, "convene_mails_sent_total"), Some(1.0));
    assert_eq!(sample(&text, "convene_mails_failed_total"), Some(0.0));
    // The mail for tomorrow, and whatever the planner queued for later.
    let queued = app
        .count(
            "SELECT count(*) AS count FROM outbox
             WHERE sent_at IS NULL AND dead_at IS NULL AND cancelled_at IS NULL AND last_error IS NULL",
        )
        .await;
    assert!(queued >= 1);
    assert_eq!(
        sample(&text, r#"convene_outbox_mails{state="queued"}"#),
        Some(queued as f64)
    );
    assert_eq!(sample(&text, r#"convene_outbox_mails{state="failed"}"#), Some(0.0));
    assert_eq!(sample(&text, r#"convene_outbox_mails{state="dead"}"#), Some(1.0));
    assert_eq!(sample(&text, "convene_outbox_oldest_due_seconds"), Some(0.0));
    // Two HTTP workers with two connections each, some opened by now, idle between requests.
    assert_eq!(sample(&text, "convene_database_pool_max_connections"), Some(4.0));
    assert!(sample(&text, "convene_database_pool_connections").is_some_and(|n| (1.0..=4.0).contains(&n)));
    assert_eq!(sample(&text, "convene_database_pool_in_use"), Some(0.0));
    assert_eq!(sample(&text, "convene_database_pool_waiting"), Some(0.0));
    // The planner ran at start.
    assert!(sample(&text, "convene_planner_run_duration_seconds_count").is_some_and(|n| n >= 1.0));
    let last_success = sample(&text, "convene_planner_last_success_timestamp_seconds").unwrap();
    assert!((chrono::Utc::now().timestamp() as f64 - last_success).abs() < 120.0);
    assert!(text.contains(&format!(
        "convene_build_info{{version=\"{}\"}} 1",
        env!("CARGO_PKG_VERSION")
    )));
    // Nothing about a person, and no path: only patterns.
    assert!(!text.contains('@'), "{text}");
    for id in [first, second] {
        assert!(!text.contains(&format!("/meetings/{id}")));
    }

    // A mail due for an hour and not sent (another worker holds it) shows its age.
    execute(
        &app,
        "UPDATE outbox SET not_before = now() - interval '1 hour', locked_until = now() + interval '1 hour'
         WHERE dedupe_key = 'later'",
    )
    .await;
    let text = scrape(&anyone).await;
    let age = sample(&text, "convene_outbox_oldest_due_seconds").unwrap();
    assert!((3600.0..3700.0).contains(&age), "{age}");
}

/// The status of `/metrics` asked for with the header `name: value`.
async fn scrape_with(visitor: &Visitor, name: &str, value: &str) -> u16 {
    let request = visitor.client.get(visitor.url("/metrics")).header(name, value);
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn metrics_are_refused_to_other_addresses_without_the_token() {
    let app = spawn_app_with(&[("METRICS_ALLOW", "192.0.2.0/24"), ("METRICS_TOKEN", TOKEN)]).await;
    let visitor = app.visitor();
    assert_eq!(visitor.get("/metrics").await.status(), 403);
    // An address claimed by a peer that is no trusted proxy counts for nothing.
    assert_eq!(scrape_with(&visitor, "x-forwarded-for", "192.0.2.5").await, 403);
    assert_eq!(
        scrape_with(&visitor, "authorization", "Bearer not-the-token").await,
        403
    );
    assert_eq!(
        scrape_with(&visitor, "authorization", &format!("Bearer {TOKEN}")).await,
        200
    );

    // Behind a proxy on this machine, a client from outside is not loopback.
    let proxied = spawn_app_with(&[("TRUSTED_PROXIES", "127.0.0.1")]).await;
    let proxy = proxied.visitor();
    assert_eq!(scrape_with(&proxy, "x-forwarded-for", "203.0.113.9").await, 403);
    assert_eq!(scrape_with(&proxy, "x-forwarded-for", "127.0.0.1").await, 200);
    assert_eq!(proxy.get("/metrics").await.status(), 200);
}

#[tokio::test]
async fn readiness_needs_the_database_and_every_migration_while_liveness_needs_neither() {
    let app = spawn_app_with(&[]).await;
    let visitor = app.visitor();
    let ready = visitor.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(
        (body["status"].as_str(), body["migrations"].as_str()),
        (Some("ready"), Some("current"))
    );

    // An instance of a newer version on a database not migrated yet.
    let unmigrated = spawn_app_on(TestDatabase::empty().await, &[]);
    let visitor = unmigrated.visitor();
    let ready = visitor.get("/readyz").await;
    assert_eq!(ready.status(), 503);
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(body["migrations"], "pending");
    assert!(body["reason"].as_str().unwrap().contains("convene migrate"), "{body}");
    assert_eq!(visitor.get("/healthz").await.status(), 200);

    // The database gone.
    let name = app.db.name.clone();
    let gone = TestDatabase::new().await;
    let mut conn = gone.conn().await;
    diesel::sql_query(format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await
        .unwrap();
    let visitor = app.visitor();
    let ready = visitor.get("/readyz").await;
    assert_eq!(ready.status(), 503);
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(body["database"], "unreachable");
    assert!(body["reason"].is_string());
    let alive = visitor.get("/healthz").await;
    assert_eq!(alive.status(), 200);
    assert_eq!(alive.json::<serde_json::Value>().await.unwrap()["status"], "ok");
}

/// One failed sign-in for `email`, sent with `X-Forwarded-For: forwarded` when given;
/// the status of the answer.
async fn fail_sign_in(visitor: &Visitor, email: &str, forwarded: Option<&str>) -> u16 {
    let token = form_token(&visitor.page("/login").await);
    let mut request = visitor.client.post(visitor.url("/login")).form(&[
        ("csrf_token", token.as_str()),
        ("email", email),
        ("password", "a wrong password"),
    ]);
    if let Some(address) = forwarded {
        request = request.header("x-forwarded-for", address);
    }
    request.send().await.unwrap().status().as_u16()
}

/// Enough failures from one address to pause sign-in from it.
const ADDRESS_LIMIT: usize = 20;

#[tokio::test]
async fn a_forged_forwarded_address_does_not_escape_the_sign_in_throttle() {
    let app = spawn_app_with(&[]).await;
    let visitor = app.visitor();
    for i in 0..ADDRESS_LIMIT {
        // A different address claimed every time, and a different account.
        let forged = format!("203.0.113.{i}");
        assert_eq!(
            fail_sign_in(&visitor, &format!("nobody{i}@test.org"), Some(&forged)).await,
            401
        );
    }
    assert_eq!(
        fail_sign_in(&visitor, "someone.else@test.org", Some("198.51.100.7")).await,
        429
    );
    assert_eq!(fail_sign_in(&visitor, "someone.else@test.org", None).await, 429);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM login_attempts WHERE client_ip <> '127.0.0.1'")
            .await,
        0
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_throttled_and_no_other() {
    let app = spawn_app_with(&[("TRUSTED_PROXIES", "127.0.0.0/8, ::1")]).await;
    let visitor = app.visitor();
    for i in 0..ADDRESS_LIMIT {
        assert_eq!(
            fail_sign_in(&visitor, &format!("nobody{i}@test.org"), Some("203.0.113.9")).await,
            401
        );
    }
    assert_eq!(
        fail_sign_in(&visitor, "someone.else@test.org", Some("203.0.113.9")).await,
        429
    );
    // The client's own claim before the proxy's entry changes nothing.
    assert_eq!(
        fail_sign_in(&visitor, "someone.else@test.org", Some("198.51.100.7, 203.0.113.9")).await,
        429
    );
    // Other clients of the same proxy sign in as before.
    assert_eq!(
        fail_sign_in(&visitor, "someone.else@test.org", Some("203.0.113.10")).await,
        401
    );
    assert_eq!(fail_sign_in(&visitor, "someone.else@test.org", None).await, 401);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM login_attempts WHERE client_ip = '203.0.113.9'")
            .await,
        ADDRESS_LIMIT as i64
    );
}

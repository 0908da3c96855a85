//! Links in mails. The update link opens a form without a password, sets the status
//! and note with a history row "via email link", and is refused once expired or for
//! another item. The unsubscribe link works in one click from the mail client
//! (RFC 8058) or through a confirm page, without signing in.

use crate::common;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use common::mail::{Received, SmtpServer, mailer};
use common::{TestApp, form_token, spawn_app};
use convene::jobs::{planner, worker};
use convene::mail::MailSettings;
use diesel_async::RunQueryDsl;

const BASE: &str = "https://convene.example.org/";

async fn exec(app: &TestApp, sql: &str) {
    let mut conn = app.db.conn().await;
    diesel::sql_query(sql).execute(&mut conn).await.unwrap();
}

/// Two open items owned by the demo member, the first due in three days; returns
/// their ids, the path of the update link its reminder mail carries, and the mail.
async fn reminded_item(app: &TestApp) -> (i64, i64, String, Received) {
    let group = app
        .id("SELECT id FROM groups WHERE parent_id IS NULL ORDER BY id LIMIT 1")
        .await;
    let mut ids = Vec::new();
    for (number, due) in [(9101, "2030-05-10"), (9102, "2030-09-10")] {
        let id = app
            .id(&format!(
                "INSERT INTO action_points (group_id, number, topic, text, due_date) \
                 VALUES ({group}, {number}, 'Referrals', 'Share the referral pathway map', '{due}') RETURNING id"
            ))
            .await;
        exec(
            app,
            &format!(
                "INSERT INTO action_point_owners (action_point_id, user_id) \
                 SELECT {id}, id FROM users WHERE email = 'member@example.org'"
            ),
        )
        .await;
        ids.push(id);
    }
    let tz: Tz = "Asia/Beirut".parse().unwrap();
    let now: DateTime<Utc> = tz.with_ymd_and_hms(2030, 5, 7, 9, 0, 0).unwrap().with_timezone(&Utc);
    let smtp = SmtpServer::start().await;
    let mut conn = app.db.conn().await;
    let settings = MailSettings {
        base_url: url::Url::parse(BASE).unwrap(),
    };
    planner::run_once(&mut conn, &settings, now).await.unwrap();
    worker::run_once(&mut conn, &mailer(&smtp), &worker::WorkerConfig::default(), now)
        .await
        .unwrap();
    let received = smtp.received();
    assert_eq!(received.len(), 1);
    let text = received[0].text();
    let start = text.find(BASE).expect("a link in the mail") + BASE.len() - 1;
    let path = text[start..].split_whitespace().next().unwrap().to_owned();
    assert!(
        path.starts_with(&format!("/action-points/{}/update/", ids[0])),
        "{path}"
    );
    assert!(received[0].html().contains(&path));
    (ids[0], ids[1], path, received[0].clone())
}

async fn history_rows(app: &TestApp, id: i64) -> i64 {
    app.count(&format!(
        "SELECT count(*) AS count FROM action_point_updates WHERE action_point_id = {id}"
    ))
    .await
}

#[tokio::test]
async fn the_link_opens_a_form_and_its_post_sets_status_and_note_via_email_link() {
    let app = spawn_app().await;
    app.load_demo().await;
    let (id, _, path, _) = reminded_item(&app).await;
    let visitor = app.visitor();
    let page = visitor.page(&path).await;
    assert!(page.contains("Action point #9101"));
    assert!(page.contains("Share the referral pathway map"));
    assert_eq!(history_rows(&app, id).await, 0, "opening the link changes nothing");

    let response = visitor
        .submit(
            &path,
            &path,
            &[("status", "done"), ("note", "Map shared with all partners")],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("the status is saved"));
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM action_points WHERE id = {id} AND status = 'done' \
             AND status_note = 'Map shared with all partners'"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM action_point_updates h JOIN users u ON u.id = h.user_id \
             WHERE h.action_point_id = {id} AND h.via = 'email_link' AND h.new_status = 'done' \
             AND u.email = 'member@example.org'"
        ))
        .await,
        1
    );
    let coordinator = app.sign_in_demo("coordinator").await;
    assert!(
        coordinator
            .page(&format!("/action-points/{id}"))
            .await
            .contains("by email link")
    );

    // Within its validity the owner may correct the update.
    let again = visitor
        .submit(&path, &path, &[("status", "in_progress"), ("note", "")])
        .await;
    assert_eq!(again.status(), 200);
    assert_eq!(history_rows(&app, id).await, 2);
}

#[tokio::test]
async fn the_link_is_refused_for_another_item_after_expiry_and_without_the_form_token() {
    let app = spawn_app().await;
    app.load_demo().await;
    let (id, other, path, _) = reminded_item(&app).await;
    let secret = path.rsplit('/').next().unwrap().to_owned();
    let visitor = app.visitor();

    // The same secret for another item of the same owner.
    let elsewhere = format!("/action-points/{other}/update/{secret}");
    assert_eq!(visitor.get(&elsewhere).await.status(), 410);
    let token = form_token(&visitor.page(&path).await);
    let posted = visitor
        .post(&elsewhere, &[("csrf_token", &token), ("status", "done")])
        .await;
    assert_eq!(posted.status(), 410);
    assert_eq!(history_rows(&app, other).await, 0);

    // A made-up secret, and a form without its token.
    assert_eq!(
        visitor
            .get(&format!("/action-points/{id}/update/{}", "0".repeat(64)))
            .await
            .status(),
        410
    );
    assert_eq!(visitor.post(&path, &[("status", "done")]).await.status(), 403);

    // A bad status is explained and changes nothing.
    let bad = visitor
        .post(&path, &[("csrf_token", &token), ("status", "finished")])
        .await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("Choose one of the options."));
    assert_eq!(history_rows(&app, id).await, 0);

    // Expired: refused, on the form and on the update.
    exec(
        &app,
        "UPDATE tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'action_update'",
    )
    .await;
    assert_eq!(visitor.get(&path).await.status(), 410);
    let late = visitor.post(&path, &[("csrf_token", &token), ("status", "done")]).await;
    assert_eq!(late.status(), 410);
    assert_eq!(history_rows(&app, id).await, 0);
}

#[tokio::test]
async fn the_link_stops_working_when_its_holder_no_longer_stands_for_the_item() {
    let app = spawn_app().await;
    app.load_demo().await;
    let (id, _, path, _) = reminded_item(&app).await;
    exec(
        &app,
        &format!("DELETE FROM action_point_owners WHERE action_point_id = {id}"),
    )
    .await;
    assert_eq!(app.visitor().get(&path).await.status(), 410);
}

async fn opt_outs(app: &TestApp, kind: &str) -> i64 {
    app.count(&format!(
        "SELECT count(*) AS count FROM mail_opt_outs o JOIN users u ON u.id = o.user_id \
         WHERE u.email = 'member@example.org' AND o.kind = '{kind}'"
    ))
    .await
}

fn beirut(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    let tz: Tz = "Asia/Beirut".parse().unwrap();
    tz.with_ymd_and_hms(y, m, d, 9, 0, 0).unwrap().with_timezone(&Utc)
}

async fn plan_due(app: &TestApp, now: DateTime<Utc>) -> usize {
    let mut conn = app.db.conn().await;
    let settings = MailSettings {
        base_url: url::Url::parse(BASE).unwrap(),
    };
    planner::run_once(&mut conn, &settings, now)
        .await
        .unwrap()
        .action_points_due
}

#[tokio::test]
async fn one_click_unsubscribe_from_the_mail_client_turns_that_kind_off() {
    let app = spawn_app().await;
    app.load_demo().await;
    let (_, _, _, mail) = reminded_item(&app).await;
    let header = mail.header("List-Unsubscribe").expect("a List-Unsubscribe header");
    let prefix = format!("<{BASE}mail/unsubscribe/");
    assert!(
        header.starts_with(&prefix) && header.ends_with("?kind=action_point_due>"),
        "{header}"
    );
    assert_eq!(
        mail.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(
        mail.text().contains(&header[1..header.len() - 1]),
        "the text says how to stop too"
    );
    let path = &header[BASE.len()..header.len() - 1];

    // Opening the link shows what will stop, and changes nothing yet.
    let page = app.visitor().page(path).await;
    assert!(page.contains("Stop sending these mails to member@example.org?"));
    assert!(page.contains("Action points coming due and overdue"));
    assert_eq!(opt_outs(&app, "action_point_due").await, 0);

    // The mail client's POST: no session, no cookie, no form token.
    let client = reqwest::Client::new();
    let response = client
        .post(format!("{}{path}", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(opt_outs(&app, "action_point_due").await, 1);
    assert_eq!(opt_outs(&app, "meeting_reminder").await, 0, "only that kind");
    // The next reminder of the item is no longer planned for them.
    assert_eq!(plan_due(&app, beirut(2030, 5, 10)).await, 0);

    // A form post without the one-click marker needs the page's token.
    let plain = client
        .post(format!("{}{path}", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), 403);
    // A made-up secret is refused.
    let forged = client
        .post(format!(
            "{}/mail/unsubscribe/{}?kind=minutes",
            app.address,
            "ab".repeat(32)
        ))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 410);
}

#[tokio::test]
async fn the_confirm_page_unsubscribes_without_signing_in() {
    let app = spawn_app().await;
    app.load_demo().await;
    let (_, _, _, mail) = reminded_item(&app).await;
    let header = mail.header("List-Unsubscribe").unwrap();
    let path = header[BASE.len()..header.len() - 1].to_owned();
    let visitor = app.visitor();
    let response = visitor.submit(&path, &path, &[]).await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("member@example.org no longer gets these mails")
    );
    assert_eq!(opt_outs(&app, "action_point_due").await, 1);
    let unknown = path.replace("kind=action_point_due", "kind=everything");
    assert_eq!(visitor.get(&unknown).await.status(), 400);
}

#[tokio::test]
async fn people_choose_which_mail_they_get_on_their_notifications_page() {
    let app = spawn_app().await;
    app.load_demo().await;
    let member = app.sign_in_demo("member").await;
    let page = member.page("/account/notifications").await;
    assert!(page.contains("Meeting reminders"));
    assert_eq!(
        page.matches("checked").count(),
        7,
        "everything is on, and mail comes at once"
    );
    let response = member
        .submit(
            "/account/notifications",
            "/account/notifications",
            &[("delivery", "immediate"), ("on", "meeting_reminder")],
        )
        .await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert_eq!(page.matches("checked").count(), 2);
    assert_eq!(opt_outs(&app, "action_point_due").await, 1);
    assert_eq!(opt_outs(&app, "meeting_reminder").await, 0);
    let bad = member
        .submit(
            "/account/notifications",
            "/account/notifications",
            &[("delivery", "immediate"), ("on", "spam")],
        )
        .await;
    assert_eq!(bad.status(), 400);
    let bad = member
        .submit(
            "/account/notifications",
            "/account/notifications",
            &[("delivery", "weekly")],
        )
        .await;
    assert_eq!(bad.status(), 400);
    let forged = member.post("/account/notifications", &[("on", "minutes")]).await;
    assert_eq!(forged.status(), 403);
    assert_eq!(app.visitor().get("/account/notifications").await.status(), 303);

    // Their due reminders are no longer planned; the item's other owners are unaffected.
    let group = app
        .id("SELECT id FROM groups WHERE parent_id IS NULL ORDER BY id LIMIT 1")
        .await;
    let id = app
        .id(&format!(
            "INSERT INTO action_points (group_id, number, topic, text, due_date) \
             VALUES ({group}, 9201, 'Referrals', 'Check the map', '2030-05-10') RETURNING id"
        ))
        .await;
    exec(
        &app,
        &format!(
            "INSERT INTO action_point_owners (action_point_id, user_id) SELECT {id}, id FROM users \
             WHERE email IN ('member@example.org', 'coordinator@example.org')"
        ),
    )
    .await;
    assert_eq!(plan_due(&app, beirut(2030, 5, 7)).await, 1);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM outbox WHERE kind = 'action_point_due' AND recipient = 'coordinator@example.org'")
            .await,
        1
    );
}

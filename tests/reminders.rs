//! The reminder planner on a clock the tests set, with the mails it plans delivered to
//! a real SMTP server: meeting reminders across DST in Asia/Beirut, rescheduling,
//! concurrent planners and workers, action points coming due, workplan tasks ending,
//! update requests to reporting groups.

use crate::common;

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use common::mail::{self, Received, SmtpServer, deliver, mailer, to};
use common::{TestApp, spawn_app};
use convene::flows::meetings::{Notice, meeting_changed};
use convene::jobs::planner::{self, Planned};
use convene::jobs::worker::{WorkerConfig, run_once};
use convene::mail::MailSettings;
use diesel_async::{AsyncConnection, RunQueryDsl};

fn beirut(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    let tz: Tz = "Asia/Beirut".parse().unwrap();
    tz.with_ymd_and_hms(y, m, d, h, min, 0).unwrap().with_timezone(&Utc)
}

fn mail_settings() -> MailSettings {
    MailSettings {
        base_url: url::Url::parse("https://convene.example.org/").unwrap(),
    }
}

async fn exec(app: &TestApp, sql: &str) {
    let mut conn = app.db.conn().await;
    diesel::sql_query(sql).execute(&mut conn).await.unwrap();
}

async fn plan(app: &TestApp, now: DateTime<Utc>) -> Planned {
    let mut conn = app.db.conn().await;
    planner::run_once(&mut conn, &mail_settings(), now).await.unwrap()
}

async fn wg(app: &TestApp) -> i64 {
    app.id("SELECT id FROM groups WHERE parent_id IS NULL ORDER BY id LIMIT 1")
        .await
}

/// A published meeting of the demo working group, with one agenda item.
async fn meeting_at(app: &TestApp, starts_at: DateTime<Utc>) -> i64 {
    let group = wg(app).await;
    let id = app
        .id(&format!(
            "INSERT INTO meetings (group_id, title, starts_at, location, online_url, status, published_at) \
             VALUES ({group}, 'Monthly coordination', '{}', 'UNICEF office, Beirut', 'https://meet.example.org/wg', \
             'scheduled', now()) RETURNING id",
            starts_at.to_rfc3339()
        ))
        .await;
    exec(
        app,
        &format!(
            "INSERT INTO agenda_items (meeting_id, position, title) VALUES ({id}, 0, 'Funding gaps in the south')"
        ),
    )
    .await;
    id
}

async fn active_members(app: &TestApp) -> i64 {
    mail::active_members(app, wg(app).await).await
}

#[tokio::test]
async fn a_wednesday_meeting_is_reminded_on_monday_at_nine_beirut_time() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    // Wednesday 16 January 2030, 14:00 in Beirut (UTC+2 in winter).
    meeting_at(&app, beirut(2030, 1, 16, 14, 0)).await;
    let members = active_members(&app).await;
    assert!(members > 3);

    assert_eq!(plan(&app, beirut(2030, 1, 14, 8, 59)).await.meeting_reminders, 0);
    let planned = plan(&app, beirut(2030, 1, 14, 9, 0)).await;
    assert_eq!(planned.meeting_reminders as i64, members);
    assert_eq!(
        beirut(2030, 1, 14, 9, 0),
        Utc.with_ymd_and_hms(2030, 1, 14, 7, 0, 0).unwrap()
    );
    // Running it again plans nothing more.
    assert_eq!(plan(&app, beirut(2030, 1, 14, 9, 5)).await.queued(), 0);

    deliver(&app, &smtp, beirut(2030, 1, 14, 9, 1)).await;
    let received = smtp.received();
    assert_eq!(received.len() as i64, members);
    let mine = to(&received, "member@example.org");
    assert_eq!(mine.len(), 1);
    let mail = mine[0];
    assert_eq!(
        mail.subject(),
        "Reminder: CPiE WG – Monthly coordination, Wednesday, 16 January 2030, 14:00 (Asia/Beirut)"
    );
    let text = mail.text();
    assert!(text.contains("Funding gaps in the south"), "{text}");
    assert!(text.contains("UNICEF office, Beirut"));
    assert!(text.contains("https://meet.example.org/wg"));
    assert!(mail.html().contains("Funding gaps in the south"));
    // Nothing is planned once the meeting has started.
    assert_eq!(plan(&app, beirut(2030, 1, 16, 14, 1)).await.queued(), 0);
}

#[tokio::test]
async fn the_reminder_keeps_nine_local_time_across_both_dst_changes() {
    let app = spawn_app().await;
    app.load_demo().await;
    // Beirut springs forward on Sunday 31 March 2030 and falls back on Sunday 27 October.
    let spring = meeting_at(&app, beirut(2030, 4, 2, 14, 0)).await;
    let autumn = meeting_at(&app, beirut(2030, 10, 29, 14, 0)).await;
    let count =
        |id: i64| format!("SELECT count(*) AS count FROM outbox WHERE kind = 'meeting_reminder' AND meeting_id = {id}");

    // 31 March 09:00 in Beirut is 06:00 UTC (summer time began at midnight).
    plan(&app, Utc.with_ymd_and_hms(2030, 3, 31, 5, 59, 0).unwrap()).await;
    assert_eq!(app.count(&count(spring)).await, 0);
    plan(&app, Utc.with_ymd_and_hms(2030, 3, 31, 6, 0, 0).unwrap()).await;
    assert!(app.count(&count(spring)).await > 0);

    // 27 October 09:00 in Beirut is 07:00 UTC (back on winter time).
    plan(&app, Utc.with_ymd_and_hms(2030, 10, 27, 6, 59, 0).unwrap()).await;
    assert_eq!(app.count(&count(autumn)).await, 0);
    plan(&app, Utc.with_ymd_and_hms(2030, 10, 27, 7, 0, 0).unwrap()).await;
    assert!(app.count(&count(autumn)).await > 0);
}

#[tokio::test]
async fn two_planners_and_three_workers_deliver_each_reminder_once() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    meeting_at(&app, beirut(2030, 1, 16, 14, 0)).await;
    let now = beirut(2030, 1, 14, 9, 30);
    let (a, b) = tokio::join!(plan(&app, now), plan(&app, now));
    let members = active_members(&app).await;
    assert_eq!((a.meeting_reminders + b.meeting_reminders) as i64, members);

    let mailer = mailer(&smtp);
    let worker = || async {
        let mut conn = app.db.conn().await;
        let config = WorkerConfig {
            batch: 2,
            ..WorkerConfig::default()
        };
        while run_once(&mut conn, &mailer, &config, now).await.unwrap().claimed() > 0 {}
    };
    tokio::join!(worker(), worker(), worker());
    let received = smtp.received();
    assert_eq!(received.len() as i64, members);
    let mut per_person: HashMap<String, usize> = HashMap::new();
    for mail in &received {
        *per_person.entry(mail.to.join(",")).or_default() += 1;
    }
    assert!(per_person.values().all(|n| *n == 1), "{per_person:?}");
}

#[tokio::test]
async fn a_meeting_moved_after_its_reminder_was_planned_is_reminded_only_for_the_new_time() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    let id = meeting_at(&app, beirut(2030, 1, 16, 14, 0)).await;
    let members = active_members(&app).await;
    assert_eq!(
        plan(&app, beirut(2030, 1, 14, 9, 0)).await.meeting_reminders as i64,
        members
    );

    // Moved to the next Wednesday before the worker sent anything.
    exec(
        &app,
        &format!(
            "UPDATE meetings SET starts_at = '{}', ics_sequence = ics_sequence + 1 WHERE id = {id}",
            beirut(2030, 1, 23, 14, 0).to_rfc3339()
        ),
    )
    .await;
    let replanned = plan(&app, beirut(2030, 1, 14, 9, 1)).await;
    assert_eq!(replanned.cancelled as i64, members);
    assert_eq!(replanned.meeting_reminders, 0, "the new reminder is not due yet");
    deliver(&app, &smtp, beirut(2030, 1, 14, 9, 2)).await;
    assert!(smtp.received().is_empty());

    assert_eq!(
        plan(&app, beirut(2030, 1, 21, 9, 0)).await.meeting_reminders as i64,
        members
    );
    deliver(&app, &smtp, beirut(2030, 1, 21, 9, 1)).await;
    let received = smtp.received();
    assert_eq!(received.len() as i64, members);
    let mine = to(&received, "member@example.org");
    assert_eq!(mine.len(), 1);
    assert!(
        mine[0].subject().contains("Wednesday, 23 January 2030, 14:00"),
        "{}",
        mine[0].subject()
    );

    // A cancelled meeting gets no reminder.
    let other = meeting_at(&app, beirut(2030, 2, 6, 14, 0)).await;
    exec(
        &app,
        &format!("UPDATE meetings SET status = 'cancelled', cancelled_at = now() WHERE id = {other}"),
    )
    .await;
    assert_eq!(plan(&app, beirut(2030, 2, 4, 9, 0)).await.meeting_reminders, 0);
}

/// An open action point of the working group owned by the demo member.
async fn action_point(app: &TestApp, number: i32, due: &str) -> i64 {
    let group = wg(app).await;
    let id = app
        .id(&format!(
            "INSERT INTO action_points (group_id, number, topic, text, due_date) \
             VALUES ({group}, {number}, 'Referrals', 'Share the referral pathway map #{number}', '{due}') RETURNING id"
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
    id
}

#[tokio::test]
async fn an_action_point_is_reminded_before_on_the_day_and_weekly_while_overdue_four_times_at_most() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    action_point(&app, 9001, "2030-05-10").await;
    let days = [
        (beirut(2030, 5, 6, 9, 0), 0),
        (beirut(2030, 5, 7, 8, 59), 0),
        (beirut(2030, 5, 7, 9, 0), 1),
        (beirut(2030, 5, 8, 9, 0), 0),
        (beirut(2030, 5, 10, 9, 0), 1),
        (beirut(2030, 5, 10, 15, 0), 0),
        (beirut(2030, 5, 17, 9, 0), 1),
        (beirut(2030, 5, 24, 9, 0), 1),
        (beirut(2030, 5, 31, 9, 0), 0),
        (beirut(2030, 6, 7, 9, 0), 0),
    ];
    for (now, expected) in days {
        assert_eq!(plan(&app, now).await.action_points_due, expected, "at {now}");
        deliver(&app, &smtp, now).await;
    }
    let received = smtp.received();
    assert_eq!(received.len(), 4);
    assert!(received.iter().all(|m| m.to == ["member@example.org"]));
    let subjects: Vec<String> = received.iter().map(Received::subject).collect();
    assert_eq!(
        subjects,
        [
            "CPiE WG: action point #9001 is due Friday, 10 May 2030",
            "CPiE WG: action point #9001 is due today",
            "CPiE WG: action point #9001 is overdue (due Friday, 10 May 2030)",
            "CPiE WG: action point #9001 is overdue (due Friday, 10 May 2030)",
        ]
    );
    assert!(received[0].text().contains("Share the referral pathway map #9001"));
    assert!(
        received[0]
            .text()
            .contains("https://convene.example.org/action-points/")
    );
}

#[tokio::test]
async fn a_done_action_point_gets_no_more_reminders_and_its_pending_one_is_cancelled() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    let id = action_point(&app, 9002, "2030-05-10").await;
    assert_eq!(plan(&app, beirut(2030, 5, 7, 9, 0)).await.action_points_due, 1);
    exec(
        &app,
        &format!("UPDATE action_points SET status = 'done' WHERE id = {id}"),
    )
    .await;
    let planned = plan(&app, beirut(2030, 5, 7, 9, 1)).await;
    assert_eq!(planned.cancelled, 1);
    for now in [beirut(2030, 5, 10, 9, 0), beirut(2030, 5, 17, 9, 0)] {
        assert_eq!(plan(&app, now).await.action_points_due, 0);
        deliver(&app, &smtp, now).await;
    }
    assert!(smtp.received().is_empty());
}

#[tokio::test]
async fn a_workplan_task_ending_is_reminded_a_week_before_to_the_responsible() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    let group = wg(&app).await;
    let area = app
        .id(&format!(
            "INSERT INTO workplan_areas (group_id, name, position) VALUES ({group}, 'Reminders area', 99) RETURNING id"
        ))
        .await;
    let task = app
        .id(&format!(
            "INSERT INTO workplan_tasks (area_id, position, title, end_date) \
             VALUES ({area}, 0, 'Map the referral services', '2030-06-20') RETURNING id"
        ))
        .await;
    exec(
        &app,
        &format!(
            "INSERT INTO workplan_task_owners (task_id, user_id) SELECT {task}, id FROM users WHERE email = 'coordinator@example.org'"
        ),
    )
    .await;
    assert_eq!(plan(&app, beirut(2030, 6, 13, 8, 59)).await.tasks_ending, 0);
    assert_eq!(plan(&app, beirut(2030, 6, 13, 9, 0)).await.tasks_ending, 1);
    assert_eq!(plan(&app, beirut(2030, 6, 14, 9, 0)).await.tasks_ending, 0);
    deliver(&app, &smtp, beirut(2030, 6, 13, 9, 0)).await;
    let received = smtp.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, ["coordinator@example.org"]);
    assert_eq!(
        received[0].subject(),
        "CPiE WG: workplan task \"Map the referral services\" ends Thursday, 20 June 2030"
    );
}

#[tokio::test]
async fn coordinators_of_reporting_sub_groups_are_asked_for_their_update_three_days_before() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    let meeting = meeting_at(&app, beirut(2030, 1, 16, 14, 0)).await;
    let sub_group = app
        .id(
            "SELECT g.id FROM groups g WHERE g.kind = 'sub_group' AND EXISTS (SELECT 1 FROM memberships m \
             WHERE m.group_id = g.id AND m.role = 'coordinator') ORDER BY g.id LIMIT 1",
        )
        .await;
    let item = app
        .id(&format!(
            "INSERT INTO agenda_items (meeting_id, position, title, reporting_group_id) \
             VALUES ({meeting}, 1, 'Update from the sub-group', {sub_group}) RETURNING id"
        ))
        .await;
    let coordinators = app
        .count(&format!(
            "SELECT count(*) AS count FROM memberships WHERE group_id = {sub_group} AND role IN ('coordinator', 'co_chair')"
        ))
        .await;
    assert_eq!(plan(&app, beirut(2030, 1, 13, 8, 59)).await.update_requests, 0);
    assert_eq!(
        plan(&app, beirut(2030, 1, 13, 9, 0)).await.update_requests as i64,
        coordinators
    );
    deliver(&app, &smtp, beirut(2030, 1, 13, 9, 0)).await;
    let received = smtp.received();
    assert_eq!(received.len() as i64, coordinators);
    assert!(
        received[0]
            .subject()
            .starts_with("Your update for Monthly coordination")
    );
    assert!(received[0].text().contains("Update from the sub-group"));
    assert!(received[0].text().contains(&format!(
        "https://convene.example.org/meetings/{meeting}/agenda/{item}/update"
    )));
}

/// Queues a meeting notice as the status handlers do: inside a transaction.
async fn notify(app: &TestApp, meeting: i64, notice: Notice) -> usize {
    let mut conn = app.db.conn().await;
    let settings = mail_settings();
    conn.transaction::<_, diesel::result::Error, _>(async |conn| {
        meeting_changed(conn, &settings, meeting, notice).await
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn a_digest_reader_in_another_time_zone_gets_one_mail_at_eight_their_time() {
    let app = spawn_app().await;
    app.load_demo().await;
    let smtp = SmtpServer::start().await;
    let member = app.sign_in_demo("member").await;
    let mut fields: Vec<(&str, &str)> = [
        "meeting_published",
        "meeting_reminder",
        "update_request",
        "minutes",
        "action_point_due",
        "workplan_task_ending",
    ]
    .into_iter()
    .map(|kind| ("on", kind))
    .collect();
    fields.push(("delivery", "daily_digest"));
    let saved = member
        .submit("/account/notifications", "/account/notifications", &fields)
        .await;
    assert_eq!(saved.status(), 200);
    exec(
        &app,
        "UPDATE users SET time_zone = 'America/New_York' WHERE email = 'member@example.org'",
    )
    .await;

    // A meeting reminder (Monday 09:00 Beirut) and an action point due that week.
    let meeting = meeting_at(&app, beirut(2030, 1, 16, 14, 0)).await;
    let group = wg(&app).await;
    let item = app
        .id(&format!(
            "INSERT INTO action_points (group_id, number, topic, text, due_date) \
             VALUES ({group}, 9301, 'Referrals', 'Print the referral cards', '2030-01-17') RETURNING id"
        ))
        .await;
    exec(
        &app,
        &format!(
            "INSERT INTO action_point_owners (action_point_id, user_id) \
             SELECT {item}, id FROM users WHERE email = 'member@example.org'"
        ),
    )
    .await;
    let monday = beirut(2030, 1, 14, 9, 0);
    let planned = plan(&app, monday).await;
    assert!(
        planned.meeting_reminders > 0 && planned.action_points_due == 1,
        "{planned:?}"
    );
    // The invitation to the meeting is not held: calendars need it at once.
    notify(&app, meeting, Notice::Published).await;
    deliver(&app, &smtp, monday).await;
    assert_eq!(
        to(&smtp.received(), "member@example.org").len(),
        1,
        "only the invitation at once"
    );

    // 08:00 in New York on Monday is 13:00 UTC (UTC-5 in January).
    let utc = |h: u32, m: u32| Utc.with_ymd_and_hms(2030, 1, 14, h, m, 0).unwrap();
    assert_eq!(plan(&app, utc(12, 59)).await.digests, 0);
    assert_eq!(plan(&app, utc(13, 0)).await.digests, 1);
    assert_eq!(plan(&app, utc(13, 30)).await.digests, 0, "one a day");
    deliver(&app, &smtp, utc(13, 1)).await;
    let received = smtp.received();
    let mine = to(&received, "member@example.org");
    assert_eq!(mine.len(), 2);
    let digest = mine[1];
    assert_eq!(
        digest.subject(),
        "Your convene digest for Monday, 14 January 2030: 2 updates"
    );
    let text = digest.text();
    assert!(text.contains("== Reminder: CPiE WG – Monthly coordination"), "{text}");
    assert!(text.contains("Print the referral cards"));
    assert_eq!(
        app.count(
            "SELECT count(*) AS count FROM outbox WHERE held_for_digest AND digest_id IS NOT NULL AND sent_at IS NOT NULL"
        )
        .await,
        2
    );
    // Others got their reminder and invitation on their own, as before.
    assert_eq!(to(&received, "coordinator@example.org").len(), 2);
}

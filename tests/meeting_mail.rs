//! The mail a coordinator's steps send to the group's members, through the forms:
//! publishing sends the invitation with its `.ics`, moving the meeting sends the update
//! with a newer SEQUENCE, cancelling withdraws it, and closing sends the minutes.

use crate::common;

use chrono::{TimeZone, Utc};
use common::mail::{SmtpServer, active_members, deliver, to};
use common::meetings::{WG, created_meeting, group_id, schedule};
use common::{TestApp, Visitor, spawn_app_with};

const JANUARY: &[(&str, &str)] = &[
    ("title", "Monthly coordination"),
    ("date", "2030-01-16"),
    ("start_time", "14:00"),
    ("end_time", "16:00"),
    ("location", "UNHCR Lea, Beirut"),
    ("online_url", "https://meet.example.org/cpie"),
    ("agenda", "previous"),
];

async fn app() -> TestApp {
    let app = spawn_app_with(&[("BASE_URL", "https://convene.example.org/")]).await;
    app.load_demo().await;
    app
}

async fn step(coordinator: &Visitor, meeting: i64, step: &str) {
    let page = format!("/meetings/{meeting}");
    let response = coordinator
        .submit(&page, &format!("{page}/status"), &[("step", step)])
        .await;
    assert_eq!(response.status(), 303, "{step}");
}

async fn queued(app: &TestApp, meeting: i64, kind: &str) -> i64 {
    app.count(&format!(
        "SELECT count(*) AS count FROM outbox WHERE meeting_id = {meeting} AND kind = '{kind}'"
    ))
    .await
}

#[tokio::test]
async fn publishing_moving_and_closing_a_meeting_mail_the_members_once_each() {
    let app = app().await;
    let smtp = SmtpServer::start().await;
    let wg = group_id(&app, WG).await;
    let members = active_members(&app, wg).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let now = Utc.with_ymd_and_hms(2030, 1, 2, 8, 0, 0).unwrap();

    // A draft is nobody's news.
    let meeting = created_meeting(&schedule(&coordinator, wg, JANUARY).await);
    assert_eq!(queued(&app, meeting, "meeting_published").await, 0);

    step(&coordinator, meeting, "publish").await;
    deliver(&app, &smtp, now).await;
    let received = smtp.received();
    assert_eq!(received.len() as i64, members, "one invitation per member");
    let invitation = to(&received, "member@example.org")[0];
    assert_eq!(
        invitation.subject(),
        "Meeting: CPiE WG – Monthly coordination, Wednesday, 16 January 2030, 14:00 (Asia/Beirut)"
    );
    assert!(invitation.text().contains("Review of action points"), "the agenda");
    assert!(invitation.text().contains("https://meet.example.org/cpie"));
    let (method, ics) = invitation.calendar().expect("an .ics attachment");
    assert_eq!(method, "REQUEST");
    assert!(ics.contains(&format!("UID:meeting-{meeting}@convene.example.org\r\n")));
    assert!(ics.contains("SEQUENCE:0\r\n") && ics.contains("DTSTART:20300116T120000Z\r\n"));

    // A new title is not news; a new time is, with the same UID and a newer SEQUENCE.
    let edit = format!("/meetings/{meeting}/edit");
    let renamed: Vec<_> = JANUARY
        .iter()
        .map(|&(k, v)| {
            if k == "title" {
                (k, "Monthly coordination (CPiE)")
            } else {
                (k, v)
            }
        })
        .collect();
    let saved = coordinator
        .submit(&edit, &format!("/meetings/{meeting}"), &renamed)
        .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(queued(&app, meeting, "meeting_rescheduled").await, 0);
    let moved: Vec<_> = renamed
        .iter()
        .map(|&(k, v)| match k {
            "date" => (k, "2030-01-17"),
            "start_time" => (k, "10:00"),
            "end_time" => (k, "12:00"),
            _ => (k, v),
        })
        .collect();
    let saved = coordinator.submit(&edit, &format!("/meetings/{meeting}"), &moved).await;
    assert_eq!(saved.status(), 303);
    deliver(&app, &smtp, now).await;
    let received = smtp.received();
    assert_eq!(received.len() as i64, members * 2);
    let update = to(&received, "member@example.org")[1];
    assert_eq!(
        update.subject(),
        "Moved: CPiE WG – Monthly coordination (CPiE), now Thursday, 17 January 2030, 10:00 (Asia/Beirut)"
    );
    let (method, ics) = update.calendar().unwrap();
    assert_eq!(method, "REQUEST");
    assert!(ics.contains(&format!("UID:meeting-{meeting}@convene.example.org\r\n")));
    assert!(ics.contains("SEQUENCE:1\r\n") && ics.contains("DTSTART:20300117T080000Z\r\n"));

    // Run and close it: the minutes go out, once, without the calendar.
    step(&coordinator, meeting, "start").await;
    assert_eq!(queued(&app, meeting, "minutes").await, 0, "not before it closes");
    step(&coordinator, meeting, "close").await;
    deliver(&app, &smtp, now).await;
    let received = smtp.received();
    assert_eq!(received.len() as i64, members * 3);
    let minutes = to(&received, "member@example.org")[2];
    assert_eq!(
        minutes.subject(),
        "Minutes: CPiE WG – Monthly coordination (CPiE) of Thursday, 17 January 2030"
    );
    assert!(
        minutes.text().contains("1 Review of action points"),
        "{}",
        minutes.text()
    );
    assert!(minutes.calendar().is_none());

    // Re-opened to fix something and closed again: the corrected minutes follow.
    step(&coordinator, meeting, "reopen").await;
    step(&coordinator, meeting, "close").await;
    deliver(&app, &smtp, now).await;
    let received = smtp.received();
    assert_eq!(received.len() as i64, members * 4);
    assert!(
        to(&received, "member@example.org")[3]
            .subject()
            .starts_with("Corrected minutes: CPiE WG – Monthly coordination (CPiE)")
    );
}

#[tokio::test]
async fn cancelling_withdraws_a_published_meeting_and_a_draft_quietly() {
    let app = app().await;
    let smtp = SmtpServer::start().await;
    let wg = group_id(&app, WG).await;
    let members = active_members(&app, wg).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let now = Utc.with_ymd_and_hms(2030, 1, 2, 8, 0, 0).unwrap();

    let draft = created_meeting(&schedule(&coordinator, wg, JANUARY).await);
    step(&coordinator, draft, "cancel").await;
    assert_eq!(queued(&app, draft, "meeting_cancelled").await, 0);

    let february: Vec<_> = JANUARY
        .iter()
        .map(|&(k, v)| if k == "date" { (k, "2030-02-13") } else { (k, v) })
        .collect();
    let published = created_meeting(&schedule(&coordinator, wg, &february).await);
    step(&coordinator, published, "publish").await;
    deliver(&app, &smtp, now).await;
    step(&coordinator, published, "cancel").await;
    deliver(&app, &smtp, now).await;
    let received = smtp.received();
    assert_eq!(received.len() as i64, members * 2, "invitation and withdrawal");
    let withdrawal = to(&received, "member@example.org")[1];
    assert!(
        withdrawal
            .subject()
            .starts_with("Cancelled: CPiE WG – Monthly coordination")
    );
    let (method, ics) = withdrawal.calendar().unwrap();
    assert_eq!(method, "CANCEL");
    assert!(ics.contains("STATUS:CANCELLED\r\n") && ics.contains("SEQUENCE:1\r\n"));
}

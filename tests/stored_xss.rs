//! Stored XSS: markup and attribute-breaking text written into every field people fill
//! in comes out as text in every page, the minutes, the mails and the exports.

use crate::common;

use actix_web::http::Method;
use common::meetings::{created_meeting, schedule};
use common::routes::{Objects, table};
use common::{TestApp, spawn_app};
use diesel::sql_types::Text;
use diesel_async::RunQueryDsl;

/// Closes a tag, an attribute and a quoted value, then tries a script, an event
/// handler and an attribute of its own.
const PAYLOAD: &str = "x'\"><script>alert(\"xss\")</script><img src=x onerror=alert(1)>\" onmouseover=\"alert(2)";

/// The payload's script tag as text.
const ESCAPED: &str = "&lt;script&gt;alert(";

/// Parses `html` as a browser would and fails on anything of the payload's that became
/// markup: an inline script, an event-handler attribute, a `javascript:` address.
fn assert_inert(what: &str, html: &str) {
    let document = scraper::Html::parse_document(html);
    let everything = scraper::Selector::parse("*").unwrap();
    for element in document.select(&everything) {
        let e = element.value();
        if e.name() == "script" {
            assert!(
                e.attr("src").is_some() && element.text().all(|t| t.trim().is_empty()),
                "{what} has an inline script: {}",
                element.html()
            );
        }
        for (name, value) in e.attrs() {
            assert!(
                !name.starts_with("on"),
                "{what} has an event handler: {}",
                element.html()
            );
            assert!(
                !value.trim_start().to_ascii_lowercase().starts_with("javascript:"),
                "{what} has a javascript: address: {}",
                element.html()
            );
        }
    }
}

/// The demo, with the payload in every field people fill in on the working group's objects.
async fn demo_with_payload() -> (TestApp, Objects) {
    let app = spawn_app().await;
    app.load_demo().await;
    let objects = Objects::of_working_group(&app).await;
    write_payload_everywhere(&app, &objects).await;
    (app, objects)
}

async fn write_payload_everywhere(app: &TestApp, objects: &Objects) {
    let (group, meeting, item) = (objects.id("group"), objects.id("meeting"), objects.id("item"));
    let statements = [
        format!("UPDATE groups SET name = 'CPiE ' || $1, description = $1 WHERE id = {group}"),
        format!(
            "UPDATE meetings SET title = $1, location = $1, online_url = 'https://meet.example.org/' || $1 WHERE id = {meeting}"
        ),
        format!("UPDATE agenda_items SET title = $1, presenter = $1, notes = $1, decisions = $1 WHERE id = {item}"),
        format!(
            "UPDATE action_points SET topic = $1, text = $1, status_note = $1, meeting_id = {meeting} WHERE id = {}",
            objects.id("action_point")
        ),
        format!("UPDATE workplan_areas SET name = $1 WHERE id = {}", objects.id("area")),
        format!(
            "UPDATE workplan_tasks SET title = $1, comments = $1, progress_note = $1 WHERE id = {}",
            objects.id("task")
        ),
        "UPDATE organizations SET name = 'NGO ' || $1, acronym = left($1, 20) \
         WHERE id = (SELECT min(id) FROM organizations)"
            .to_owned(),
        "UPDATE users SET name = $1, title = $1 WHERE email = 'member@example.org'".to_owned(),
        format!(
            "UPDATE attendance SET guest_name = $1, guest_organization = $1 WHERE id = {}",
            objects.id("guest")
        ),
        format!("UPDATE tokens SET label = $1 WHERE id = {}", objects.id("token")),
    ];
    let mut conn = app.db.conn().await;
    for sql in statements {
        diesel::sql_query(&sql)
            .bind::<Text, _>(PAYLOAD)
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}

#[tokio::test]
async fn markup_people_write_is_shown_as_text_on_every_page_and_export() {
    let (app, objects) = demo_with_payload().await;
    let mut shown = Vec::new();
    for who in ["admin", "coordinator"] {
        let visitor = app.sign_in_demo(who).await;
        for (method, pattern) in table() {
            if method != Method::GET {
                continue;
            }
            let path = objects.path(&pattern);
            let response = visitor.get(&path).await;
            let content_type = response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default();
            let nosniff = response.headers().get("x-content-type-options").is_some();
            let body = response.text().await.unwrap_or_default();
            if content_type.starts_with("text/html") || content_type.starts_with("image/svg") {
                assert_inert(&format!("{who} GET {path}"), &body);
                if body.contains(ESCAPED) {
                    shown.push(pattern.clone());
                }
            } else {
                // Exports, feeds and JSON keep the text as it was written: they are never
                // read as a page.
                assert!(nosniff, "{who} GET {path} ({content_type}) without nosniff");
                assert!(!content_type.contains("html"), "{who} GET {path}: {content_type}");
            }
        }
    }
    for page in [
        "/groups/{id}",
        "/groups/{id}/edit",
        "/meetings/{id}",
        "/meetings/{id}/agenda",
        "/meetings/{id}/agenda/{item}/edit",
        "/meetings/{id}/live",
        "/meetings/{id}/minutes",
        "/meetings/{id}/attendance",
        "/groups/{id}/action-points",
        "/action-points/{id}",
        "/groups/{id}/workplan",
        "/groups/{id}/workplan/timeline",
        "/groups/{id}/workplan/timeline.svg",
        "/workplan/tasks/{id}/edit",
        "/groups/{id}/directory",
        "/organizations",
        "/account/tokens",
    ] {
        assert!(
            shown.iter().any(|p| p == page),
            "{page} shows the payload as text ({shown:?})"
        );
    }
}

#[tokio::test]
async fn markup_people_write_is_text_in_the_invitation_minutes_and_reminder_mails() {
    let (app, objects) = demo_with_payload().await;
    let (group, meeting) = (objects.id("group"), objects.id("meeting"));
    let coordinator = app.sign_in_demo("coordinator").await;

    // A meeting scheduled through the form with the payload as its title and place, then published.
    let scheduled = created_meeting(
        &schedule(
            &coordinator,
            group,
            &[
                ("title", PAYLOAD),
                ("date", "2030-01-16"),
                ("start_time", "14:00"),
                ("end_time", "16:00"),
                ("location", PAYLOAD),
                ("agenda", "previous"),
            ],
        )
        .await,
    );
    // The demo's next meeting, with the payload in its agenda and an action point, is held and closed.
    for (id, step) in [(scheduled, "publish"), (meeting, "start"), (meeting, "close")] {
        let page = format!("/meetings/{id}");
        let response = coordinator
            .submit(&page, &format!("{page}/status"), &[("step", step)])
            .await;
        assert_eq!(response.status(), 303, "{step} {id}");
    }

    // An action point of the payload's, due in three days and owned by a member: its reminder.
    let mut conn = app.db.conn().await;
    for sql in [
        format!(
            "UPDATE action_points SET due_date = current_date + 3 WHERE id = {}",
            objects.id("action_point")
        ),
        format!(
            "INSERT INTO action_point_owners (action_point_id, user_id) \
             SELECT {}, id FROM users WHERE email = 'member@example.org'",
            objects.id("action_point")
        ),
    ] {
        diesel::sql_query(sql).execute(&mut conn).await.unwrap();
    }
    let mail = convene::mail::MailSettings {
        base_url: url::Url::parse("https://convene.example.org/").unwrap(),
    };
    convene::jobs::planner::run_once(&mut conn, &mail, chrono::Utc::now())
        .await
        .unwrap();

    #[derive(diesel::QueryableByName)]
    struct Mail {
        #[diesel(sql_type = Text)]
        kind: String,
        #[diesel(sql_type = Text)]
        body_text: String,
        #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
        body_html: Option<String>,
    }
    let mails: Vec<Mail> = diesel::sql_query("SELECT kind, body_text, body_html FROM outbox ORDER BY id")
        .load(&mut conn)
        .await
        .unwrap();
    let mut carrying = Vec::new();
    for mail in &mails {
        let html = mail.body_html.as_deref().unwrap_or_default();
        assert_inert(&format!("{} mail's HTML", mail.kind), html);
        if html.contains(ESCAPED) {
            assert!(
                mail.body_text.contains("<script>alert(\"xss\")</script>"),
                "{} mail's text keeps what was written",
                mail.kind
            );
            carrying.push(mail.kind.as_str());
        }
    }
    carrying.sort_unstable();
    carrying.dedup();
    for kind in ["meeting_published", "minutes", "action_point_due"] {
        assert!(
            carrying.contains(&kind),
            "a {kind} mail shows the payload as text: {carrying:?}"
        );
    }
    // The outbox shows each mail as it went out, as text.
    let admin = app.sign_in_demo("admin").await;
    let shown = app
        .id(&format!(
            "SELECT max(id) AS id FROM outbox WHERE meeting_id = {meeting}"
        ))
        .await;
    assert_inert("the outbox page", &admin.page(&format!("/admin/outbox/{shown}")).await);
}

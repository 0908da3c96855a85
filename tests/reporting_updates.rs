//! A reporting sub-group's update under an agenda item: its coordinator follows the
//! link in the update request mail, posts the update, and the meeting page and the
//! minutes show it under the item. Nobody else writes it.

use crate::common;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use common::mail::{SmtpServer, deliver, to};
use common::{TestApp, Visitor, form_token, spawn_app};
use convene::jobs::planner;
use convene::mail::MailSettings;

const BASE: &str = "https://convene.example.org";
const SUBGROUP_COORDINATOR: &str = "maya.khalil@example.org";

fn beirut(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    let tz: Tz = "Asia/Beirut".parse().unwrap();
    tz.with_ymd_and_hms(y, m, d, h, min, 0).unwrap().with_timezone(&Utc)
}

/// A published meeting of the demo working group on 16 January 2030, with an item
/// on which CM TWG reports and one on which PSS TF reports.
struct Setup {
    meeting: i64,
    cm_item: i64,
    pss_item: i64,
}

async fn setup(app: &TestApp) -> Setup {
    app.load_demo().await;
    let group = common::live::working_group(app).await;
    let meeting = app
        .id(&format!(
            "INSERT INTO meetings (group_id, title, starts_at, location, status, published_at) \
             VALUES ({group}, 'Monthly coordination', '{}', 'UNICEF office, Beirut', 'scheduled', now()) RETURNING id",
            beirut(2030, 1, 16, 14, 0).to_rfc3339()
        ))
        .await;
    let item = |position: i32, title: &str, short: &str| {
        format!(
            "INSERT INTO agenda_items (meeting_id, position, title, reporting_group_id) \
             SELECT {meeting}, {position}, '{title}', id FROM groups WHERE short_name = '{short}' RETURNING id"
        )
    };
    let cm_item = app.id(&item(0, "Case management update", "CM TWG")).await;
    let pss_item = app.id(&item(1, "PSS update", "PSS TF")).await;
    Setup {
        meeting,
        cm_item,
        pss_item,
    }
}

fn update_path(meeting: i64, item: i64) -> String {
    format!("/meetings/{meeting}/agenda/{item}/update")
}

async fn subgroup_coordinator(app: &TestApp) -> Visitor {
    app.sign_in_demo("subgroup").await
}

/// Posts `notes` to an update page with a CSRF token taken from a page anyone signed
/// in may open, so that refusals are the update page's own.
async fn post_update(visitor: &Visitor, path: &str, version: &str, notes: &str) -> reqwest::Response {
    let token = form_token(&visitor.page("/account/notifications").await);
    visitor
        .post(path, &[("csrf_token", &token), ("version", version), ("notes", notes)])
        .await
}

async fn version(app: &TestApp, item: i64) -> String {
    app.count(&format!(
        "SELECT version::bigint AS count FROM agenda_items WHERE id = {item}"
    ))
    .await
    .to_string()
}

#[tokio::test]
async fn the_sub_group_coordinator_follows_the_update_request_and_posts_the_update() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let smtp = SmtpServer::start().await;
    let settings = MailSettings {
        base_url: url::Url::parse(&format!("{BASE}/")).unwrap(),
    };
    {
        let mut conn = app.db.conn().await;
        planner::run_once(&mut conn, &settings, beirut(2030, 1, 13, 9, 0))
            .await
            .unwrap();
    }
    deliver(&app, &smtp, beirut(2030, 1, 13, 9, 0)).await;
    let received = smtp.received();
    let mails = to(&received, SUBGROUP_COORDINATOR);
    let mail = mails
        .iter()
        .find(|m| m.text().contains("Case management update"))
        .expect("an update request for the CM TWG item");
    let text = mail.text();
    let start = text.find(&format!("{BASE}/meetings/")).expect("a link in the mail");
    let link: String = text[start + BASE.len()..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>')
        .collect();
    assert_eq!(link, update_path(s.meeting, s.cm_item));

    // Maya coordinates CM TWG and is a plain member of the working group.
    let maya = subgroup_coordinator(&app).await;
    assert_eq!(maya.get(&format!("/meetings/{}/agenda", s.meeting)).await.status(), 403);
    let form = maya.page(&link).await;
    assert!(form.contains("Update from CM TWG"), "{form}");
    let saved = maya
        .submit(
            &link,
            &link,
            &[
                ("version", &version(&app, s.cm_item).await),
                ("notes", "**ASK**: share data by 20 June 2014 <script>alert(1)</script>"),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(saved.headers()["location"], link.as_str());

    let meeting_page = maya.page(&format!("/meetings/{}", s.meeting)).await;
    let document = scraper::Html::parse_document(&meeting_page);
    let selector = scraper::Selector::parse(&format!("li#item-{}", s.cm_item)).unwrap();
    let under_item: String = document.select(&selector).next().expect("the item is anchored").html();
    assert!(under_item.contains("Update from CM TWG"), "{under_item}");
    assert!(under_item.contains("<strong>ASK</strong>: share data by 20 June 2014"));
    assert!(!under_item.contains("<script>"), "sanitised: {under_item}");
    assert!(under_item.contains(&format!("href=\"{link}\"")), "{under_item}");
    // The PSS item is not hers to write.
    let pss = scraper::Selector::parse(&format!("li#item-{}", s.pss_item)).unwrap();
    let pss_item = document.select(&pss).next().expect("anchored").html();
    assert!(pss_item.contains("Update from PSS TF"));
    assert!(!pss_item.contains("/update\""), "{pss_item}");

    let minutes = maya.page(&format!("/meetings/{}/minutes", s.meeting)).await;
    let at = minutes.find("Case management update").expect("the item in the minutes");
    assert!(minutes[at..].contains("<strong>ASK</strong>: share data by 20 June 2014"));

    // A plain member of the working group sees the update, without the link.
    let member = app.sign_in_demo("member").await;
    let seen = member.page(&format!("/meetings/{}", s.meeting)).await;
    assert!(seen.contains("<strong>ASK</strong>: share data by 20 June 2014"));
    assert!(!seen.contains(&link));
}

#[tokio::test]
async fn only_those_who_run_the_reporting_group_or_the_meeting_may_write_it() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let cm = update_path(s.meeting, s.cm_item);
    let pss = update_path(s.meeting, s.pss_item);
    let v = version(&app, s.cm_item).await;

    // member@example.org is a plain member of CM TWG.
    let member = app.sign_in_demo("member").await;
    assert_eq!(member.get(&cm).await.status(), 403);
    assert_eq!(post_update(&member, &cm, &v, "mine").await.status(), 403);

    // Maya coordinates CM TWG, not PSS TF.
    let maya = subgroup_coordinator(&app).await;
    assert_eq!(maya.get(&pss).await.status(), 403);
    assert_eq!(post_update(&maya, &pss, &v, "not mine").await.status(), 403);

    let stranger = common::live::stranger(&app).await;
    assert_eq!(stranger.get(&cm).await.status(), 404);
    assert_eq!(post_update(&stranger, &cm, &v, "hello").await.status(), 404);

    // An item of another meeting, under this meeting's id.
    let other = common::live::draft_meeting(&app).await;
    let elsewhere = app
        .id(&format!(
            "INSERT INTO agenda_items (meeting_id, position, title, reporting_group_id) \
             SELECT {other}, 0, 'Elsewhere', id FROM groups WHERE short_name = 'CM TWG' RETURNING id"
        ))
        .await;
    let wrong = update_path(s.meeting, elsewhere);
    assert_eq!(maya.get(&wrong).await.status(), 404);
    assert_eq!(post_update(&maya, &wrong, &v, "lost").await.status(), 404);

    // An item no group reports on is for those who run the meeting only.
    let plain = app
        .id(&format!(
            "INSERT INTO agenda_items (meeting_id, position, title) VALUES ({}, 2, 'AOB') RETURNING id",
            s.meeting
        ))
        .await;
    assert_eq!(maya.get(&update_path(s.meeting, plain)).await.status(), 403);
    let coordinator = app.sign_in_demo("coordinator").await;
    assert_eq!(coordinator.get(&update_path(s.meeting, plain)).await.status(), 200);
    // Those who run the meeting write the sub-group's update too.
    assert_eq!(coordinator.get(&cm).await.status(), 200);

    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE meeting_id IN ({}, {other}) AND notes <> ''",
            s.meeting
        ))
        .await,
        0
    );
}

#[tokio::test]
async fn a_stale_save_shows_both_texts_and_writes_nothing() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let cm = update_path(s.meeting, s.cm_item);
    let maya = subgroup_coordinator(&app).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let opened = version(&app, s.cm_item).await;
    let first = coordinator
        .submit(&cm, &cm, &[("version", &opened), ("notes", "Coordinator's summary")])
        .await;
    assert_eq!(first.status(), 303);

    let stale = post_update(&maya, &cm, &opened, "Maya's update").await;
    assert_eq!(stale.status(), 409);
    let body = stale.text().await.unwrap();
    assert!(body.contains("Coordinator&#39;s summary") || body.contains("Coordinator's summary"));
    assert!(body.contains("Maya&#39;s update") || body.contains("Maya's update"));
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE id = {} AND notes = 'Coordinator''s summary'",
            s.cm_item
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn a_closed_meeting_takes_no_update() {
    let app = spawn_app().await;
    let s = setup(&app).await;
    let cm = update_path(s.meeting, s.cm_item);
    let maya = subgroup_coordinator(&app).await;
    let v = version(&app, s.cm_item).await;
    for (status, set) in [
        ("closed", "closed_at = now()"),
        ("cancelled", "closed_at = NULL, cancelled_at = now()"),
    ] {
        app.count(&format!(
            "WITH u AS (UPDATE meetings SET status = '{status}', {set} WHERE id = {} RETURNING 1) \
             SELECT count(*) AS count FROM u",
            s.meeting
        ))
        .await;
        assert_eq!(maya.get(&cm).await.status(), 409, "{status}");
        assert_eq!(post_update(&maya, &cm, &v, "Too late").await.status(), 409, "{status}");
    }
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE id = {} AND notes <> ''",
            s.cm_item
        ))
        .await,
        0
    );
}

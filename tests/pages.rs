//! The read-only pages, rendering the demo working group as a visitor sees it.

use crate::common;

use common::spawn_app;
use scraper::{Html, Selector};

fn texts(html: &str, selector: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse(selector).expect("valid selector");
    document.select(&selector).map(normalise).collect()
}

/// The element's text as a person reads it: cells and words separated by single spaces.
fn normalise(element: scraper::ElementRef<'_>) -> String {
    element
        .text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

async fn demo_meeting_id(app: &common::TestApp) -> i64 {
    app.id("SELECT m.id FROM meetings m JOIN groups g ON g.id = m.group_id \
            WHERE g.short_name = 'CPiE WG' AND m.starts_at = '2014-06-11 14:00:00+03'")
        .await
}

#[tokio::test]
async fn the_demo_meeting_shows_its_agenda_in_order_with_nesting() {
    let app = spawn_app().await;
    app.load_demo().await;
    let me = app.sign_in_demo("coordinator").await;
    let page = me.page(&format!("/meetings/{}", demo_meeting_id(&app).await)).await;

    assert_eq!(
        texts(&page, "h1"),
        ["CPiE Working Group meeting — Wednesday, 11 June 2014"]
    );
    assert!(
        texts(&page, "dl.summary dd")
            .iter()
            .any(|t| t.starts_with("Wednesday, 11 June 2014, 14:00–16:00"))
    );
    assert!(texts(&page, "dl.summary dd").contains(&"UNHCR Lea, Beirut".to_owned()));
    // Numbers and titles only: the Workplan item also holds the tasks it reviews.
    let agenda: Vec<String> = texts(&page, "ol.agenda > li > span.num")
        .into_iter()
        .zip(texts(&page, "ol.agenda > li > span.title"))
        .map(|(number, title)| format!("{number} {title}"))
        .collect();
    assert_eq!(
        agenda,
        [
            "1 Review action points",
            "2 Updates",
            "2.1 Field",
            "2.2 Sub-groups",
            "2.2.1 CM TWG",
            "2.2.2 PSS TF",
            "2.2.3 Advocacy TF",
            "2.2.4 Assessment",
            "2.2.5 Mainstreaming",
            "2.3 Other sectors",
            "3 Workplan",
            "4 Activity Info",
            "4.1 May reporting",
            "4.2 Indicators: revised guidance",
            "4.3 AI viewing access and data-sharing tool",
            "5 Introducing Case Management Practical Guidance",
            "6 CPMS Presentation: Standard 15: Case Management",
            "7 AOB",
            "7.1 Dropbox",
            "7.2 ROVs",
            "7.3 INQAL",
            "7.4 Kafa trainings update",
        ]
    );
    // Nesting is visible as depth, not only in the numbers.
    assert_eq!(texts(&page, "ol.agenda > li.depth-0").len(), 7);
    assert_eq!(texts(&page, "ol.agenda > li.depth-2").len(), 5);
}

#[tokio::test]
async fn the_demo_meeting_reviews_action_points_grouped_by_topic_with_their_notes() {
    let app = spawn_app().await;
    app.load_demo().await;
    let me = app.sign_in_demo("coordinator").await;
    let page = me.page(&format!("/meetings/{}", demo_meeting_id(&app).await)).await;

    assert_eq!(
        texts(&page, "#review tr.topic"),
        [
            "Updates",
            "Core Group",
            "Activity Info",
            "Presentation: Introducing CP MS",
            "RRP6 Mid-Year Review",
            "Presentation: Introduction to MRM and CAAC programming in Lebanon",
        ]
    );
    let document = Html::parse_document(&page);
    let groups = Selector::parse("#review tbody").unwrap();
    let rows = Selector::parse("tr:not(.topic)").unwrap();
    let cell = Selector::parse("td").unwrap();
    let note = Selector::parse("td.status .note").unwrap();
    let text = normalise;
    let mut seen = Vec::new();
    for group in document.select(&groups) {
        let topic = text(group.select(&Selector::parse("tr.topic").unwrap()).next().unwrap());
        for row in group.select(&rows) {
            let cells: Vec<String> = row.select(&cell).map(text).collect();
            let status_note = row.select(&note).next().map(text).unwrap_or_default();
            seen.push((topic.clone(), cells[1].clone(), cells[2].clone(), status_note));
        }
    }
    let expect = [
        (
            "Updates",
            "Coordinator to share logo with group members and field coordinators.",
            "Coordinator",
            "Shared with coordinators",
        ),
        (
            "Updates",
            "Coordinator to share update from Cash WG; guidance documents on child protection and cash; and to call meeting.",
            "Coordinator",
            "Not done yet – proposed meeting w Cash WG",
        ),
        (
            "Core Group",
            "Coordinator to send email to establish group membership and structure.",
            "Coordinator",
            "Completed; all three new groups formed",
        ),
        (
            "Activity Info",
            "IM to add 'high-risk cases' and 'cases closed' disaggregations to Activity Info.",
            "IM",
            "To be added for July",
        ),
        (
            "Activity Info",
            "Members to consider access rights internally and decide at next meeting.",
            "Members",
            "Agenda item for 11 June",
        ),
        (
            "RRP6 Mid-Year Review",
            "Members to review needs narrative and provide comments by end of day.",
            "Members",
            "Submitted",
        ),
    ];
    for (topic, action, owners, status_note) in expect {
        assert!(
            seen.iter()
                .any(|(t, a, o, n)| t == topic && a == action && o == owners && n == status_note),
            "missing review row {topic} / {action} / {owners} / {status_note} in {seen:#?}"
        );
    }
}

#[tokio::test]
async fn the_demo_minutes_show_notes_attendance_and_new_action_points() {
    let app = spawn_app().await;
    app.load_demo().await;
    let me = app.sign_in_demo("coordinator").await;
    let page = me.page(&format!("/meetings/{}", demo_meeting_id(&app).await)).await;

    let minutes = texts(&page, "#minutes article.minute");
    assert!(
        minutes
            .iter()
            .any(|m| m.starts_with("2.2.4 Assessment") && m.contains("ASK: share data by 20 June 2014"))
    );
    assert!(
        texts(&page, "#minutes article.minute strong").contains(&"ASK:".to_owned()),
        "markdown is rendered"
    );
    assert!(texts(&page, "#minutes .attendance h3").contains(&"Present (9)".to_owned()));
    assert!(texts(&page, "#minutes .attendance li").contains(&"Nadia Haddad (UNICEF)".to_owned()));
    let new_items = texts(&page, "#minutes table tbody tr");
    assert!(
        new_items.contains(
            &"9 Updates Share all data and information from July 2013-present Members 20 Jun 2014".to_owned()
        ),
        "{new_items:?}"
    );
    assert!(new_items.contains(&"10 Updates Share all key message resources Members 20 Jun 2014".to_owned()));
}

#[tokio::test]
async fn the_group_page_lists_subgroups_and_meetings() {
    let app = spawn_app().await;
    app.load_demo().await;
    let me = app.sign_in_demo("coordinator").await;
    let group = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    let page = me.page(&format!("/groups/{group}")).await;

    assert_eq!(texts(&page, "h1"), ["Child Protection in Emergencies Working Group"]);
    let subgroups = texts(&page, "ul.subgroups li a");
    for name in [
        "Case Management Technical Working Group",
        "Psychosocial Support Task Force",
        "Advocacy Task Force",
        "Assessment",
        "Mainstreaming",
        "Tripoli",
        "Akkar",
    ] {
        assert!(
            subgroups.contains(&name.to_owned()),
            "{name} missing from {subgroups:?}"
        );
    }
    let meetings = texts(&page, "ul.meetings li");
    assert_eq!(meetings.len(), 3, "{meetings:?}");
    // The upcoming meeting, two weeks ahead, is listed first among upcoming ones.
    assert!(meetings[0].contains("Scheduled"), "{meetings:?}");
    assert!(meetings.iter().any(|m| m.starts_with("Wednesday, 11 June 2014, 14:00")));

    let home = me.page("/").await;
    assert!(texts(&home, "ul.cards h2").contains(&"Child Protection in Emergencies Working Group".to_owned()));
}

#[tokio::test]
async fn the_group_action_points_list_open_items_and_filters_by_status() {
    let app = spawn_app().await;
    app.load_demo().await;
    let me = app.sign_in_demo("coordinator").await;
    let group = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    let page = me.page(&format!("/groups/{group}/action-points")).await;

    assert_eq!(texts(&page, "h1"), ["Action points of CPiE WG"]);
    assert_eq!(texts(&page, "p.count"), ["7 action points"]);
    let rows = texts(&page, "table.action-points tbody tr");
    // Overdue first: the June asks were due in 2014.
    assert!(
        rows[0].contains("IM to circulate the revised indicator guidance"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("Share all key message resources Members 20 Jun 2014 overdue Open")),
        "{rows:?}"
    );
    let all = me.page(&format!("/groups/{group}/action-points?status=all")).await;
    assert_eq!(texts(&all, "p.count"), ["11 action points"]);
    let done = me
        .page(&format!("/groups/{group}/action-points?status=done&sort=number"))
        .await;
    assert_eq!(texts(&done, "p.count"), ["4 action points"]);
    assert!(texts(&done, "table.action-points tbody tr")[0].contains("Coordinator to share logo"));
}

#[tokio::test]
async fn the_group_workplan_shows_the_cluster_columns() {
    let app = spawn_app().await;
    app.load_demo().await;
    // A member: those who keep the workplan also see its editing controls in the rows.
    let me = app.sign_in_demo("member").await;
    let group = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    let page = me.page(&format!("/groups/{group}/workplan")).await;

    assert_eq!(
        texts(&page, "table.workplan thead th"),
        [
            "Area",
            "Task",
            "Responsible",
            "Start Date",
            "End Date",
            "Status",
            "Comments"
        ]
    );
    assert_eq!(
        texts(&page, "table.workplan tbody tr"),
        [
            "Core Group Establish Core Group CM TWG, PSS TF, Advocacy TF 1 May 2014 31 May 2014 Completed All three new groups formed",
            "Monitoring, Reporting and Assessment Establish Core Group Assessment 1 May 2014 31 May 2014 Completed",
            "Policy and Implementation Establish Core Group Mainstreaming 1 May 2014 31 May 2014 Completed",
        ]
    );
}

#[tokio::test]
async fn unknown_ids_give_a_not_found_page_not_a_crash() {
    let app = spawn_app().await;
    app.load_demo().await;
    // An administrator sees every group, so a 404 here means "there is none".
    let me = app.sign_in_demo("admin").await;
    for path in [
        "/meetings/987654",
        "/groups/987654",
        "/groups/987654/workplan",
        "/groups/987654/action-points",
        "/meetings/not-a-number",
        "/no/such/page",
    ] {
        let response = me.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let body = response.text().await.unwrap();
        assert_eq!(texts(&body, "h1"), ["Page not found"], "{path}");
    }
}

#[tokio::test]
async fn api_errors_are_problem_details() {
    let app = spawn_app().await;
    app.load_demo().await;
    let me = app.sign_in_demo("admin").await;
    let response = me.get("/api/v1/groups/987654").await;
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let request_id = response.headers()["x-request-id"].to_str().unwrap().to_owned();
    let problem: serde_json::Value = response.json().await.unwrap();
    assert_eq!(problem["status"], 404);
    assert_eq!(problem["title"], "Not Found");
    assert_eq!(problem["instance"], "/api/v1/groups/987654");
    assert_eq!(problem["request_id"], request_id.as_str());

    let group = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    let body: serde_json::Value = me.get(&format!("/api/v1/groups/{group}")).await.json().await.unwrap();
    assert_eq!(body["short_name"], "CPiE WG");
    assert_eq!(body["time_zone"], "Asia/Beirut");
    assert_eq!(body["subgroups"].as_array().unwrap().len(), 7);
}

#[tokio::test]
async fn probes_report_the_process_and_the_database_and_assets_are_served() {
    let app = spawn_app().await;
    let me = app.visitor();
    let response = me.get("/healthz").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    let response = me.get("/readyz").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["database"], "ok");

    let home = me.page("/login").await;
    let document = Html::parse_document(&home);
    let link = document
        .select(&Selector::parse("link[rel=stylesheet]").unwrap())
        .next()
        .unwrap();
    let href = link.value().attr("href").unwrap();
    let css = me.get(href).await;
    assert_eq!(css.status(), 200);
    assert!(css.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    assert!(css.text().await.unwrap().contains("@media print"));
    assert_eq!(me.get("/static/app-000000000000.css").await.status(), 404);
    assert_eq!(
        Html::parse_document(&home).root_element().value().attr("lang"),
        Some("en")
    );
}

#[tokio::test]
async fn pages_arrive_gzipped_whole_and_read_the_same() {
    let app = spawn_app().await;
    app.load_demo().await;
    let me = app.sign_in_demo("coordinator").await;
    let path = format!("/meetings/{}", demo_meeting_id(&app).await);
    let plain = me.page(&path).await;

    let response = me
        .client
        .get(me.url(&path))
        .header("accept-encoding", "gzip, deflate, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert!(
        response
            .headers()
            .get_all("vary")
            .iter()
            .any(|v| v == "accept-encoding"),
        "caches keep the two apart"
    );
    let sent = response.bytes().await.unwrap();
    let mut page = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&sent[..]), &mut page).unwrap();
    // The same page, but for the CSRF token the page's forms carry.
    let without_token = |html: &str| html.replace(&common::form_token(html), "");
    assert_eq!(without_token(&page), without_token(&plain));
    // Gzip's default level: the fastest one left the page at about a third of its size.
    assert!(
        sent.len() * 100 < page.len() * 27,
        "{} bytes sent for a page of {}",
        sent.len(),
        page.len()
    );
}

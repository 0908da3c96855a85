//! The workplan: editing areas and tasks, the filtered table with sub-groups' tasks,
//! the one-click status update, and the timeline SVG.

use crate::common;

use common::{TestApp, Visitor, form_token, spawn_app};
use diesel_async::RunQueryDsl;
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

async fn demo() -> (TestApp, i64) {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    (app, wg)
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .map(|a| a.expect("well-formed attribute"))
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.to_string())
}

fn number(e: &quick_xml::events::BytesStart<'_>, name: &str) -> f64 {
    attr(e, name)
        .unwrap_or_else(|| panic!("attribute {name}"))
        .parse()
        .expect("a number")
}

#[tokio::test]
async fn the_timeline_is_svg_and_the_may_2014_tasks_lie_within_may() {
    let (app, wg) = demo().await;
    let member = app.sign_in_demo("member").await;
    let response = member.get(&format!("/groups/{wg}/workplan/timeline.svg")).await;
    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("image/svg+xml"), "{content_type}");
    let svg = response.text().await.unwrap();

    let mut reader = NsReader::from_str(&svg);
    let mut root = None;
    let mut may: Option<(f64, f64)> = None;
    let mut bars: Vec<(f64, f64)> = Vec::new();
    let mut depth = 0;
    loop {
        let (ns, event) = reader.read_resolved_event().expect("the SVG is well-formed XML");
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                if root.is_none() {
                    let in_svg_ns = matches!(ns, ResolveResult::Bound(Namespace(n)) if n == SVG_NS);
                    root = Some((e.local_name().as_ref().to_owned(), in_svg_ns));
                }
                if e.local_name().as_ref() == "rect" {
                    let class = attr(e, "class").unwrap_or_default();
                    if class == "month" && attr(e, "data-month").as_deref() == Some("2014-05") {
                        may = Some((number(e, "x"), number(e, "width")));
                    }
                    if class == "bar" {
                        bars.push((number(e, "x"), number(e, "width")));
                    }
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element is closed");
    assert_eq!(
        root,
        Some(("svg".to_owned(), true)),
        "an <svg> root in the SVG namespace"
    );
    let (band_x, band_width) = may.expect("a band for May 2014");
    assert_eq!(bars.len(), 3, "one bar for each of the three dated demo tasks");
    for (x, width) in bars {
        assert!(width > 0.0);
        assert!(
            x >= band_x - 0.01 && x + width <= band_x + band_width + 0.01,
            "bar {x}+{width} within May {band_x}+{band_width}"
        );
    }

    let page = member.page(&format!("/groups/{wg}/workplan/timeline")).await;
    assert!(page.contains("<svg") && page.contains("Establish Core Group"));
}

#[tokio::test]
async fn the_timeline_shows_the_period_the_table_filters_on() {
    let (app, wg) = demo().await;
    let member = app.sign_in_demo("member").await;
    let bars = |svg: &str| svg.matches("<rect class=\"bar\"").count();
    let week = member
        .page(&format!("/groups/{wg}/workplan/timeline?from=2014-05-20&to=2014-05-25"))
        .await;
    assert_eq!(bars(&week), 3, "the three May tasks run that week");
    let june = member
        .get(&format!("/groups/{wg}/workplan/timeline.svg?from=2014-06-01"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(bars(&june), 0, "none runs after May");
    let table = member.page(&format!("/groups/{wg}/workplan?from=2014-06-01")).await;
    assert!(table.contains(&format!("href=\"/groups/{wg}/workplan/timeline?from=2014-06-01\"")));
}

#[tokio::test]
async fn a_coordinator_adds_a_task_and_the_table_shows_it() {
    let (app, wg) = demo().await;
    let area = app
        .id(&format!(
            "SELECT id FROM workplan_areas WHERE group_id = {wg} AND name = 'Core Group'"
        ))
        .await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let area_s = area.to_string();
    let response = coordinator
        .submit(
            &format!("/groups/{wg}/workplan/tasks/new"),
            &format!("/groups/{wg}/workplan/tasks"),
            &[
                ("area", &area_s),
                ("title", "Draft the terms of reference"),
                ("owners", "role:coordinator"),
                ("start_date", "2014-06-01"),
                ("end_date", "2014-06-30"),
                ("status", "on_track"),
                ("progress_note", "First draft shared"),
                ("comments", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let table = coordinator.page(&format!("/groups/{wg}/workplan")).await;
    assert!(table.contains("Draft the terms of reference"));
    assert!(table.contains("First draft shared"));
    // Filtered by status, only the new task is left.
    let on_track = coordinator
        .page(&format!("/groups/{wg}/workplan?status=on_track"))
        .await;
    assert!(on_track.contains("Draft the terms of reference"));
    assert!(!on_track.contains("All three new groups formed"));
    // Past its end and not completed: overdue.
    let overdue = coordinator.page(&format!("/groups/{wg}/workplan?overdue=1")).await;
    assert!(overdue.contains("Draft the terms of reference") && overdue.contains("badge overdue"));
}

#[tokio::test]
async fn bad_task_input_is_refused_with_the_form_and_nothing_is_written() {
    let (app, wg) = demo().await;
    let area = app
        .id(&format!(
            "SELECT id FROM workplan_areas WHERE group_id = {wg} AND name = 'Core Group'"
        ))
        .await;
    let count = "SELECT count(*) AS count FROM workplan_tasks";
    let before = app.count(count).await;
    let owners_before = app.count("SELECT count(*) AS count FROM workplan_task_owners").await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let area_s = area.to_string();
    let wg_owner = format!("group:{wg}");
    for (owner, start, end, status, message) in [
        (
            "role:member",
            "2014-06-10",
            "2014-06-01",
            "on_track",
            "The task cannot end before it starts",
        ),
        (
            "user:999999999",
            "2014-06-01",
            "2014-06-10",
            "on_track",
            "Choose owners of this group",
        ),
        (
            wg_owner.as_str(),
            "2014-06-01",
            "2014-06-10",
            "on_track",
            "Choose owners of this group",
        ),
        (
            "role:member",
            "2014-06-01",
            "2014-06-31",
            "on_track",
            "This is not a date",
        ),
        (
            "role:member",
            "2014-06-01",
            "2014-06-10",
            "finished",
            "Choose one of the options",
        ),
    ] {
        let response = coordinator
            .submit(
                &format!("/groups/{wg}/workplan/tasks/new"),
                &format!("/groups/{wg}/workplan/tasks"),
                &[
                    ("area", &area_s),
                    ("title", "Refused task"),
                    ("owners", owner),
                    ("start_date", start),
                    ("end_date", end),
                    ("status", status),
                ],
            )
            .await;
        assert_eq!(response.status(), 422, "{message}");
        let body = response.text().await.unwrap();
        assert!(body.contains(message), "{message}");
        assert!(body.contains("Refused task"), "the form keeps what was typed");
    }
    assert_eq!(app.count(count).await, before);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM workplan_task_owners").await,
        owners_before
    );
}

#[tokio::test]
async fn members_view_the_workplan_but_may_not_edit_it() {
    let (app, wg) = demo().await;
    let area = app
        .id(&format!(
            "SELECT id FROM workplan_areas WHERE group_id = {wg} AND name = 'Core Group'"
        ))
        .await;
    let task = app
        .id(&format!("SELECT id FROM workplan_tasks WHERE area_id = {area}"))
        .await;
    let member = app.sign_in_demo("member").await;
    for path in [
        format!("/groups/{wg}/workplan"),
        format!("/groups/{wg}/workplan/timeline"),
        format!("/groups/{wg}/workplan/timeline.svg"),
    ] {
        assert_eq!(member.get(&path).await.status(), 200, "{path}");
    }
    for path in [
        format!("/groups/{wg}/workplan/areas/new"),
        format!("/groups/{wg}/workplan/tasks/new"),
        format!("/workplan/areas/{area}/edit"),
        format!("/workplan/tasks/{task}/edit"),
        format!("/workplan/areas/{area}/delete"),
        format!("/workplan/tasks/{task}/delete"),
    ] {
        assert_eq!(member.get(&path).await.status(), 403, "{path}");
    }
    let token = form_token(&member.page(&format!("/groups/{wg}/workplan")).await);
    for (path, fields) in [
        (format!("/groups/{wg}/workplan/areas"), vec![("name", "Mine")]),
        (format!("/workplan/areas/{area}"), vec![("name", "Mine")]),
        (format!("/workplan/areas/{area}/move"), vec![("direction", "down")]),
        (format!("/workplan/tasks/{task}/status"), vec![("status", "delayed")]),
        (format!("/workplan/tasks/{task}/delete"), vec![]),
        (format!("/workplan/areas/{area}/delete"), vec![]),
    ] {
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend(fields);
        assert_eq!(member.post(&path, &all).await.status(), 403, "{path}");
    }
    assert_eq!(
        app.count("SELECT count(*) AS count FROM workplan_tasks WHERE status = 'delayed'")
            .await,
        0
    );
    assert_eq!(app.count("SELECT count(*) AS count FROM workplan_tasks").await, 3);
}

#[tokio::test]
async fn areas_are_added_renamed_and_moved() {
    let (app, wg) = demo().await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let add = |name: &'static str| {
        let coordinator = &coordinator;
        async move {
            coordinator
                .submit(
                    &format!("/groups/{wg}/workplan/areas/new"),
                    &format!("/groups/{wg}/workplan/areas"),
                    &[("name", name)],
                )
                .await
        }
    };
    assert_eq!(add("Capacity Building").await.status(), 303);
    assert_eq!(add("Capacity Building").await.status(), 422, "names are unique");
    let area = app
        .id("SELECT id FROM workplan_areas WHERE name = 'Capacity Building'")
        .await;
    let renamed = coordinator
        .submit(
            &format!("/workplan/areas/{area}/edit"),
            &format!("/workplan/areas/{area}"),
            &[("name", "Capacity Strengthening")],
        )
        .await;
    assert_eq!(renamed.status(), 303);
    let last = app
        .count(&format!(
            "SELECT max(position)::bigint AS count FROM workplan_areas WHERE group_id = {wg}"
        ))
        .await;
    let moved = coordinator
        .submit(
            &format!("/groups/{wg}/workplan"),
            &format!("/workplan/areas/{area}/move"),
            &[("direction", "up")],
        )
        .await;
    assert_eq!(moved.status(), 303);
    assert_eq!(
        app.count(&format!(
            "SELECT position::bigint AS count FROM workplan_areas WHERE id = {area}"
        ))
        .await,
        last - 1
    );
    let other = app
        .id(&format!(
            "SELECT id FROM workplan_areas WHERE group_id = {wg} AND position = {last}"
        ))
        .await;
    let table = coordinator.page(&format!("/groups/{wg}/workplan")).await;
    let at = |id: i64| table.find(&format!("id=\"area-{id}\"")).expect("the area's rows");
    assert!(at(area) < at(other), "the moved area comes before the one it passed");
    assert!(table.contains("Capacity Strengthening"));
}

#[tokio::test]
async fn the_parent_table_rolls_up_a_sub_groups_tasks() {
    let (app, wg) = demo().await;
    let cm = app.id("SELECT id FROM groups WHERE short_name = 'CM TWG'").await;
    let mut conn = app.db.conn().await;
    use diesel_async::RunQueryDsl;
    for sql in [
        format!("INSERT INTO workplan_areas (group_id, name, position) VALUES ({cm}, 'Case Management SOPs', 0)"),
        "INSERT INTO workplan_tasks (area_id, position, title, start_date, end_date) \
         SELECT id, 0, 'Finalise the CM SOPs', '2014-06-01', '2014-07-15' FROM workplan_areas WHERE name = 'Case Management SOPs'"
            .to_owned(),
    ] {
        diesel::sql_query(sql).execute(&mut conn).await.unwrap();
    }
    let member = app.sign_in_demo("member").await;
    let table = member.page(&format!("/groups/{wg}/workplan")).await;
    let row = table
        .split("Finalise the CM SOPs")
        .next()
        .unwrap()
        .rsplit("<tr")
        .next()
        .unwrap();
    assert!(row.contains("CM TWG"), "marked with the sub-group's short name: {row}");
}

#[tokio::test]
async fn the_one_click_status_update_writes_the_status() {
    let (app, wg) = demo().await;
    let task = app
        .id(&format!(
            "SELECT t.id FROM workplan_tasks t JOIN workplan_areas a ON a.id = t.area_id \
             WHERE a.group_id = {wg} AND a.name = 'Core Group'"
        ))
        .await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let table_path = format!("/groups/{wg}/workplan");
    let table = coordinator.page(&table_path).await;
    assert!(table.contains(&format!("action=\"/workplan/tasks/{task}/status\"")));
    let token = form_token(&table);

    // In the background, as app.js sends it: the row comes back.
    let response = coordinator
        .client
        .post(coordinator.url(&format!("/workplan/tasks/{task}/status")))
        .header("X-Partial", "row")
        .form(&[
            ("csrf_token", token.as_str()),
            ("status", "delayed"),
            ("note", "Waiting for TORs"),
            ("area_rowspan", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let row = response.text().await.unwrap();
    assert!(row.trim_start().starts_with("<tr") && row.contains("Waiting for TORs"));
    assert!(
        row.contains("rowspan=\"1\"") && row.contains("Core Group"),
        "the first row of an area keeps the area's cell"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM workplan_tasks WHERE id = {task} AND status = 'delayed' AND progress_note = 'Waiting for TORs'"
        ))
        .await,
        1
    );

    // Without JavaScript: back to the table.
    let response = coordinator
        .client
        .post(coordinator.url(&format!("/workplan/tasks/{task}/status")))
        .header("Referer", coordinator.url(&table_path))
        .form(&[
            ("csrf_token", token.as_str()),
            ("status", "completed"),
            ("note", "Done"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], table_path.as_str());
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM workplan_tasks WHERE id = {task} AND status = 'completed'"
        ))
        .await,
        1
    );
    let refused = coordinator
        .post(
            &format!("/workplan/tasks/{task}/status"),
            &[("csrf_token", token.as_str()), ("status", "finished")],
        )
        .await;
    assert_eq!(refused.status(), 400);
}

async fn exec(app: &TestApp, sql: &str) -> diesel::QueryResult<usize> {
    let mut conn = app.db.conn().await;
    diesel::sql_query(sql).execute(&mut conn).await
}

/// The demo's first task ("Establish Core Group" in the Core Group area) and the
/// fields of its edit form as they stand.
async fn core_group_task(app: &TestApp, wg: i64) -> (i64, i64) {
    let area = app
        .id(&format!(
            "SELECT id FROM workplan_areas WHERE group_id = {wg} AND name = 'Core Group'"
        ))
        .await;
    let task = app
        .id(&format!("SELECT id FROM workplan_tasks WHERE area_id = {area}"))
        .await;
    (area, task)
}

/// A new IM officer of the group, signed in.
async fn im_officer(app: &TestApp, wg: i64) -> Visitor {
    let password = "im officer password 2014";
    let hash = convene::domain::passwords::hash(password);
    exec(
        app,
        &format!("INSERT INTO users (email, name, password_hash) VALUES ('im@test.org', 'IM Officer', '{hash}')"),
    )
    .await
    .unwrap();
    exec(
        app,
        &format!(
            "INSERT INTO memberships (group_id, user_id, role) \
             SELECT {wg}, id, 'im_officer' FROM users WHERE email = 'im@test.org'"
        ),
    )
    .await
    .unwrap();
    app.sign_in("im@test.org", password).await
}

/// Saves the task's edit form with its demo fields and the given links.
async fn save_links(visitor: &Visitor, area: i64, task: i64, links: &[(&str, String)]) -> reqwest::Response {
    let area = area.to_string();
    let mut fields: Vec<(&str, &str)> = vec![
        ("area", &area),
        ("title", "Establish Core Group"),
        ("owners", "role:coordinator"),
        ("start_date", "2014-05-01"),
        ("end_date", "2014-05-31"),
        ("status", "completed"),
    ];
    fields.extend(links.iter().map(|(k, v)| (*k, v.as_str())));
    visitor
        .submit(
            &format!("/workplan/tasks/{task}/edit"),
            &format!("/workplan/tasks/{task}"),
            &fields,
        )
        .await
}

#[tokio::test]
async fn a_task_links_to_action_points_and_meetings_and_every_page_shows_it() {
    let (app, wg) = demo().await;
    let (area, task) = core_group_task(&app, wg).await;
    let june = app
        .id(&format!(
            "SELECT id FROM meetings WHERE group_id = {wg} AND starts_at = '2014-06-11 14:00+03'"
        ))
        .await;
    let item = app
        .id(&format!(
            "SELECT id FROM action_points WHERE group_id = {wg} AND text = 'Share all key message resources'"
        ))
        .await;
    let number = app
        .id(&format!(
            "SELECT number::bigint AS id FROM action_points WHERE id = {item}"
        ))
        .await;
    exec(
        &app,
        "INSERT INTO action_points (group_id, number, topic, text) \
         SELECT id, 1, 'Mapping', 'Map PSS activities in Akkar' FROM groups WHERE short_name = 'PSS TF'",
    )
    .await
    .unwrap();
    let pss_item = app
        .id("SELECT id FROM action_points WHERE text = 'Map PSS activities in Akkar'")
        .await;
    let coordinator = app.sign_in_demo("coordinator").await;

    let form = coordinator.page(&format!("/workplan/tasks/{task}/edit")).await;
    assert!(
        form.contains(&format!("AP #{number}: Updates")),
        "the group's items are offered"
    );
    assert!(form.contains("PSS TF AP #1: Mapping"), "and its sub-groups'");
    assert!(form.contains("Wednesday, 11 June 2014"), "and its meetings");

    let response = save_links(
        &coordinator,
        area,
        task,
        &[
            ("action_points", item.to_string()),
            ("action_points", pss_item.to_string()),
            ("meetings", june.to_string()),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);

    let table = coordinator.page(&format!("/groups/{wg}/workplan")).await;
    assert!(table.contains(&format!(
        "href=\"/action-points/{item}\" title=\"Updates\">AP #{number}</a>"
    )));
    assert!(table.contains(&format!(
        "href=\"/action-points/{pss_item}\" title=\"Mapping\">PSS TF AP #1</a>"
    )));
    assert!(table.contains(&format!("href=\"/meetings/{june}\">11 Jun 2014</a>")));

    let item_page = coordinator.page(&format!("/action-points/{item}")).await;
    assert!(item_page.contains("Workplan tasks"));
    assert!(item_page.contains(&format!(
        "href=\"/groups/{wg}/workplan#task-{task}\">Establish Core Group</a>"
    )));
    let meeting_page = coordinator.page(&format!("/meetings/{june}")).await;
    assert!(meeting_page.contains("Tasks discussed at this meeting"));
    assert!(meeting_page.contains(&format!(
        "href=\"/groups/{wg}/workplan#task-{task}\">Establish Core Group</a>"
    )));

    // A restricted item is not shown to a member, not even as a link.
    exec(
        &app,
        &format!("UPDATE action_points SET restricted = true WHERE id = {pss_item}"),
    )
    .await
    .unwrap();
    let member = app.sign_in_demo("member").await;
    let table = member.page(&format!("/groups/{wg}/workplan")).await;
    assert!(!table.contains("PSS TF AP #1"));
    assert!(table.contains(&format!(">AP #{number}</a>")));

    // An IM officer keeps the workplan without seeing restricted items: the form does
    // not offer it, and saving the task keeps its link.
    let im = im_officer(&app, wg).await;
    let form = im.page(&format!("/workplan/tasks/{task}/edit")).await;
    assert!(!form.contains("PSS TF AP #1"));
    assert_eq!(save_links(&im, area, task, &[]).await.status(), 303);
    let kept = "SELECT action_point_id AS id FROM workplan_task_action_points";
    assert_eq!(app.id(kept).await, pss_item, "only the unseen link is left");
    assert_eq!(
        app.count("SELECT count(*) AS count FROM workplan_task_meetings").await,
        0
    );

    // Unlinking everything leaves the pages without the links.
    assert_eq!(save_links(&coordinator, area, task, &[]).await.status(), 303);
    let links = "SELECT count(*) AS count FROM (SELECT task_id FROM workplan_task_action_points \
                 UNION ALL SELECT task_id FROM workplan_task_meetings) AS links";
    assert_eq!(app.count(links).await, 0);
    let item_page = coordinator.page(&format!("/action-points/{item}")).await;
    assert!(!item_page.contains("Workplan tasks"));
}

#[tokio::test]
async fn links_to_another_groups_action_points_or_meetings_are_refused() {
    let (app, wg) = demo().await;
    let (area, task) = core_group_task(&app, wg).await;
    for sql in [
        "INSERT INTO groups (name, short_name, kind, time_zone) VALUES ('Other Working Group', 'Other WG', 'working_group', 'UTC')",
        "INSERT INTO action_points (group_id, number, topic, text) SELECT id, 1, 'Elsewhere', 'Not ours' FROM groups WHERE short_name = 'Other WG'",
        "INSERT INTO meetings (group_id, title, starts_at, status, published_at) \
         SELECT id, 'Other meeting', '2014-06-12 10:00+03', 'scheduled', now() FROM groups WHERE short_name = 'Other WG'",
    ] {
        exec(&app, sql).await.unwrap();
    }
    let other_item = app.id("SELECT id FROM action_points WHERE text = 'Not ours'").await;
    let other_meeting = app.id("SELECT id FROM meetings WHERE title = 'Other meeting'").await;
    let pss_meeting_sql = "INSERT INTO meetings (group_id, title, starts_at, status, published_at) \
         SELECT id, 'PSS meeting', '2014-06-13 10:00+03', 'scheduled', now() FROM groups WHERE short_name = 'PSS TF'";
    exec(&app, pss_meeting_sql).await.unwrap();
    let subgroup_meeting = app.id("SELECT id FROM meetings WHERE title = 'PSS meeting'").await;
    let coordinator = app.sign_in_demo("coordinator").await;
    for (field, id, label) in [
        ("action_points", other_item, "Action points it serves"),
        ("meetings", other_meeting, "Meetings that discussed it"),
        // Meetings are the task's own group's, not its sub-groups'.
        ("meetings", subgroup_meeting, "Meetings that discussed it"),
        ("action_points", 999_999_999, "Action points it serves"),
    ] {
        let response = save_links(&coordinator, area, task, &[(field, id.to_string())]).await;
        assert_eq!(response.status(), 422, "{field} {id}");
        let body = response.text().await.unwrap();
        assert!(
            body.contains(&format!(
                "<strong>{label}</strong>: Choose among the action points and meetings"
            )),
            "{label}"
        );
        assert!(body.contains("Establish Core Group"), "the form keeps what was typed");
    }
    let links = "SELECT count(*) AS count FROM (SELECT task_id FROM workplan_task_action_points \
                 UNION ALL SELECT task_id FROM workplan_task_meetings) AS links";
    assert_eq!(app.count(links).await, 0);

    // The database refuses them too.
    let refused_item = exec(
        &app,
        &format!("INSERT INTO workplan_task_action_points (task_id, action_point_id) VALUES ({task}, {other_item})"),
    )
    .await;
    assert!(refused_item.is_err(), "another group's action point");
    let refused_meeting = exec(
        &app,
        &format!(
            "INSERT INTO workplan_task_meetings (task_id, meeting_id, area_id, group_id) \
             VALUES ({task}, {other_meeting}, {area}, {wg})"
        ),
    )
    .await;
    assert!(refused_meeting.is_err(), "another group's meeting");
    let pretending = exec(
        &app,
        &format!(
            "INSERT INTO workplan_task_meetings (task_id, meeting_id, area_id, group_id) \
             SELECT {task}, {other_meeting}, {area}, group_id FROM meetings WHERE id = {other_meeting}"
        ),
    )
    .await;
    assert!(pretending.is_err(), "a link claiming the meeting's group for the task");
    assert_eq!(app.count(links).await, 0);
}

#[tokio::test]
async fn the_meeting_reviews_tasks_ended_since_the_last_meeting_and_overdue_ones_under_its_workplan_item() {
    let (app, wg) = demo().await;
    for sql in [
        // A sub-group's task, late at the June meeting.
        "INSERT INTO workplan_areas (group_id, name, position) SELECT id, 'Mapping', 0 FROM groups WHERE short_name = 'PSS TF'",
        "INSERT INTO workplan_tasks (area_id, position, title, end_date, status) \
         SELECT id, 0, 'Map PSS services', '2014-04-30', 'delayed' FROM workplan_areas WHERE name = 'Mapping'",
        // Finished long before: not for June.
        "INSERT INTO workplan_tasks (area_id, position, title, end_date, status) \
         SELECT id, 1, 'Old finished work', '2014-03-31', 'completed' FROM workplan_areas WHERE name = 'Mapping'",
        // Ends after the June meeting: not yet.
        "INSERT INTO workplan_tasks (area_id, position, title, end_date, status) \
         SELECT id, 2, 'Later work', '2014-06-30', 'on_track' FROM workplan_areas WHERE name = 'Mapping'",
    ] {
        exec(&app, sql).await.unwrap();
    }
    let meeting = |day: &str| format!("SELECT id FROM meetings WHERE group_id = {wg} AND starts_at = '{day} 14:00+03'");
    let june = app.id(&meeting("2014-06-11")).await;
    let may = app.id(&meeting("2014-05-14")).await;
    let member = app.sign_in_demo("member").await;

    let page = member.page(&format!("/meetings/{june}")).await;
    let section = page.find("id=\"workplan-review\"").expect("the workplan item");
    let item = page
        .find("<span class=\"title\"><bdi>Workplan</bdi></span>")
        .expect("the agenda's Workplan item");
    let next = page
        .find("<span class=\"title\"><bdi>Activity Info</bdi></span>")
        .expect("the item after it");
    assert!(item < section && section < next, "under the agenda's Workplan item");
    let review = &page[section..];
    // The three demo tasks ended on 31 May, between the meetings of 14 May and 11 June.
    assert_eq!(review.matches("reason-ended").count(), 3);
    assert_eq!(review.matches(">Establish Core Group</a>").count(), 3);
    let late = review.find("Map PSS services").expect("the sub-group's overdue task");
    let row_start = review[..late].rfind("<tr").unwrap();
    let row = &review[row_start..late + 200];
    assert!(row.contains("reason-overdue") && row.contains("PSS TF"), "{row}");
    assert!(!review.contains("Old finished work") && !review.contains("Later work"));

    // The May meeting had no meeting before it and no workplan item: the overdue
    // sub-group task comes after the agenda, on its own.
    let page = member.page(&format!("/meetings/{may}")).await;
    let agenda_end = page.find("</ol>").unwrap();
    let section = page.find("id=\"workplan-review\"").expect("the workplan item");
    let review_section = page.find("id=\"review\"").unwrap();
    assert!(agenda_end < section && section < review_section, "after the agenda");
    assert!(page[section..review_section].contains("Map PSS services"));
    assert!(
        !page[section..review_section].contains("Establish Core Group"),
        "ends after 14 May"
    );
}

#[tokio::test]
async fn deleting_an_area_says_how_many_tasks_go_with_it_and_is_audited() {
    let (app, wg) = demo().await;
    let (area, task) = core_group_task(&app, wg).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let table = coordinator.page(&format!("/groups/{wg}/workplan")).await;
    assert!(table.contains(&format!("href=\"/workplan/areas/{area}/delete\"")));

    let confirm = coordinator.page(&format!("/workplan/areas/{area}/delete")).await;
    assert!(confirm.contains("Delete the area “Core Group”?"));
    assert!(
        confirm.contains("The area's one task will be deleted with it"),
        "{confirm}"
    );

    // Without the form's token nothing happens.
    let forged = coordinator.post(&format!("/workplan/areas/{area}/delete"), &[]).await;
    assert_eq!(forged.status(), 403);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM workplan_tasks WHERE id = {task}"
        ))
        .await,
        1
    );

    let response = coordinator
        .submit(
            &format!("/workplan/areas/{area}/delete"),
            &format!("/workplan/areas/{area}/delete"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM workplan_areas WHERE id = {area}"
        ))
        .await,
        0
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM workplan_tasks WHERE id = {task}"
        ))
        .await,
        0
    );
    let table = coordinator.page(&format!("/groups/{wg}/workplan")).await;
    assert!(!table.contains(&format!("id=\"area-{area}\"")));
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM audit_log WHERE action = 'delete' AND object_type = 'workplan_area' \
             AND object_id = {area} AND group_id = {wg} AND details->>'name' = 'Core Group' \
             AND details->'tasks' = '[\"Establish Core Group\"]'::jsonb \
             AND actor_id = (SELECT id FROM users WHERE email = 'coordinator@example.org')"
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn a_task_is_deleted_from_its_edit_page_after_confirmation() {
    let (app, wg) = demo().await;
    let (area, task) = core_group_task(&app, wg).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let edit = coordinator.page(&format!("/workplan/tasks/{task}/edit")).await;
    assert!(edit.contains(&format!("href=\"/workplan/tasks/{task}/delete\"")));
    let confirm = coordinator.page(&format!("/workplan/tasks/{task}/delete")).await;
    assert!(confirm.contains("Delete the task “Establish Core Group”?"));
    let response = coordinator
        .submit(
            &format!("/workplan/tasks/{task}/delete"),
            &format!("/workplan/tasks/{task}/delete"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM workplan_tasks WHERE id = {task}"
        ))
        .await,
        0
    );
    let table = coordinator.page(&format!("/groups/{wg}/workplan")).await;
    assert!(table.contains(&format!("id=\"area-{area}\"")), "the area stays");
    assert!(table.contains("No tasks in this area."));
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM audit_log WHERE object_type = 'workplan_task' AND object_id = {task} \
             AND details->>'title' = 'Establish Core Group' AND details->>'area' = 'Core Group'"
        ))
        .await,
        1
    );
}

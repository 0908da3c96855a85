//! The workplan: editing areas and tasks, the filtered table with sub-groups' tasks,
//! the one-click status update, and the timeline SVG.

mod common;

use common::{TestApp, form_token, spawn_app};
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
    ] {
        assert_eq!(member.get(&path).await.status(), 403, "{path}");
    }
    let token = form_token(&member.page(&format!("/groups/{wg}/workplan")).await);
    for (path, fields) in [
        (format!("/groups/{wg}/workplan/areas"), vec![("name", "Mine")]),
        (format!("/workplan/areas/{area}"), vec![("name", "Mine")]),
        (format!("/workplan/areas/{area}/move"), vec![("direction", "down")]),
        (format!("/workplan/tasks/{task}/status"), vec![("status", "delayed")]),
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

//! The workplan through the JSON API: the rolled-up, filtered list; areas and tasks
//! created, changed and deleted by those who keep the workplan, with the HTML
//! forms' checks.

use crate::common;

use common::TestApp;
use common::api::{Script, assert_problem, count, demo, group_id, script_of};
use diesel_async::RunQueryDsl;
use serde_json::{Value, json};

const WG: &str = "CPiE WG";

async fn exec(app: &TestApp, sql: &str) {
    let mut conn = app.db.conn().await;
    diesel::sql_query(sql).execute(&mut conn).await.unwrap();
}

async fn june_meeting(app: &TestApp, wg: i64) -> i64 {
    app.id(&format!(
        "SELECT id FROM meetings WHERE group_id = {wg} AND starts_at = '2014-06-11 14:00+03'"
    ))
    .await
}

async fn key_messages_item(app: &TestApp) -> i64 {
    app.id("SELECT id FROM action_points WHERE text = 'Share all key message resources'")
        .await
}

/// Another working group with an area, a task, an action point and a meeting.
async fn other_group(app: &TestApp) -> (i64, i64, i64, i64, i64) {
    for sql in [
        "INSERT INTO groups (name, short_name, kind, time_zone) VALUES ('Other Working Group', 'Other WG', 'working_group', 'UTC')",
        "INSERT INTO workplan_areas (group_id, name, position) SELECT id, 'Elsewhere', 0 FROM groups WHERE short_name = 'Other WG'",
        "INSERT INTO workplan_tasks (area_id, position, title) SELECT id, 0, 'Their task' FROM workplan_areas WHERE name = 'Elsewhere'",
        "INSERT INTO action_points (group_id, number, topic, text) SELECT id, 1, 'Elsewhere', 'Not ours' FROM groups WHERE short_name = 'Other WG'",
        "INSERT INTO meetings (group_id, title, starts_at, status, published_at) \
         SELECT id, 'Other meeting', '2014-06-12 10:00+03', 'scheduled', now() FROM groups WHERE short_name = 'Other WG'",
    ] {
        exec(app, sql).await;
    }
    (
        group_id(app, "Other WG").await,
        app.id("SELECT id FROM workplan_areas WHERE name = 'Elsewhere'").await,
        app.id("SELECT id FROM workplan_tasks WHERE title = 'Their task'").await,
        app.id("SELECT id FROM action_points WHERE text = 'Not ours'").await,
        app.id("SELECT id FROM meetings WHERE title = 'Other meeting'").await,
    )
}

fn area_names(workplan: &Value) -> Vec<String> {
    workplan["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn new_area(script: &Script, wg: i64, name: &str) -> i64 {
    let answer = script
        .post(&format!("/api/v1/groups/{wg}/workplan/areas"), json!({ "name": name }))
        .await;
    assert_eq!(answer.status, 201, "{}", answer.body);
    answer.body["id"].as_i64().unwrap()
}

#[tokio::test]
async fn areas_and_tasks_are_created_listed_changed_and_deleted() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let june = june_meeting(&app, wg).await;
    let item = key_messages_item(&app).await;
    let coordinator = script_of(&app, "coordinator@example.org").await;

    let answer = coordinator
        .post(
            &format!("/api/v1/groups/{wg}/workplan/areas"),
            json!({ "name": "Capacity Building" }),
        )
        .await;
    assert_eq!(answer.status, 201, "{}", answer.body);
    let area = answer.body["id"].as_i64().unwrap();
    assert_eq!(
        answer.location.as_deref(),
        Some(format!("/api/v1/workplan/areas/{area}").as_str())
    );
    assert_eq!(answer.body["position"], 3, "after the demo's three areas");
    assert_eq!(answer.body["tasks"], json!([]));

    let answer = coordinator
        .post(
            &format!("/api/v1/groups/{wg}/workplan/tasks"),
            json!({
                "area_id": area,
                "title": "Train caseworkers on the SOPs",
                "owners": ["role:coordinator"],
                "start_date": "2014-06-01",
                "end_date": "2014-06-30",
                "status": "on_track",
                "progress_note": "Trainers found",
                "action_point_ids": [item],
                "meeting_ids": [june],
            }),
        )
        .await;
    assert_eq!(answer.status, 201, "{}", answer.body);
    let task = answer.body["id"].as_i64().unwrap();
    assert_eq!(
        answer.location.as_deref(),
        Some(format!("/api/v1/workplan/tasks/{task}").as_str())
    );
    assert_eq!(answer.body["group_id"], wg);
    assert_eq!(
        answer.body["owners"],
        json!([{ "key": "role:coordinator", "name": "Coordinator" }])
    );
    assert_eq!(answer.body["end_date"], "2014-06-30");
    assert_eq!(answer.body["status"], "on_track");
    assert_eq!(answer.body["comments"], "");
    assert_eq!(answer.body["action_point_ids"], json!([item]));
    assert_eq!(answer.body["meeting_ids"], json!([june]));
    assert_eq!(answer.body["overdue"], true, "ended in 2014 and not completed");

    let list = coordinator.get(&format!("/api/v1/groups/{wg}/workplan")).await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(
        area_names(&list.body),
        [
            "Core Group",
            "Monitoring, Reporting and Assessment",
            "Policy and Implementation",
            "Capacity Building"
        ]
    );
    assert_eq!(
        list.body["areas"][3]["tasks"][0]["title"],
        "Train caseworkers on the SOPs"
    );
    let on_track = coordinator
        .get(&format!("/api/v1/groups/{wg}/workplan?status=on_track"))
        .await;
    assert_eq!(area_names(&on_track.body), ["Capacity Building"]);
    let bad_filter = coordinator
        .get(&format!("/api/v1/groups/{wg}/workplan?status=finished"))
        .await;
    assert_problem(&bad_filter, 400, "status: ");

    // Moved to another area of the group, the task keeps its links.
    let core_group = app
        .id(&format!(
            "SELECT id FROM workplan_areas WHERE group_id = {wg} AND name = 'Core Group'"
        ))
        .await;
    let moved = coordinator
        .patch(
            &format!("/api/v1/workplan/tasks/{task}"),
            json!({ "area_id": core_group }),
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(moved.body["area_id"], core_group);
    assert_eq!(moved.body["meeting_ids"], json!([june]));
    let back = coordinator
        .patch(&format!("/api/v1/workplan/tasks/{task}"), json!({ "area_id": area }))
        .await;
    assert_eq!(back.body["area_id"], area);

    let answer = coordinator
        .patch(
            &format!("/api/v1/workplan/tasks/{task}"),
            json!({ "end_date": "2014-07-15", "status": "delayed", "meeting_ids": [] }),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["start_date"], "2014-06-01", "fields not given stay");
    assert_eq!(answer.body["end_date"], "2014-07-15");
    assert_eq!(answer.body["status"], "delayed");
    assert_eq!(answer.body["progress_note"], "Trainers found");
    assert_eq!(answer.body["action_point_ids"], json!([item]));
    assert_eq!(answer.body["meeting_ids"], json!([]));
    let cleared = coordinator
        .patch(&format!("/api/v1/workplan/tasks/{task}"), json!({ "start_date": null }))
        .await;
    assert_eq!(cleared.body["start_date"], Value::Null);

    let answer = coordinator
        .patch(
            &format!("/api/v1/workplan/areas/{area}"),
            json!({ "name": "Capacity", "position": 0 }),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["name"], "Capacity");
    assert_eq!(answer.body["position"], 0);
    let list = coordinator.get(&format!("/api/v1/groups/{wg}/workplan")).await;
    assert_eq!(
        area_names(&list.body),
        [
            "Capacity",
            "Core Group",
            "Monitoring, Reporting and Assessment",
            "Policy and Implementation"
        ]
    );
    let taken = coordinator
        .patch(
            &format!("/api/v1/workplan/areas/{area}"),
            json!({ "name": "Core Group" }),
        )
        .await;
    assert_problem(&taken, 422, "name: The workplan already has an area with this name.");

    let deleted = coordinator.delete(&format!("/api/v1/workplan/tasks/{task}")).await;
    assert_eq!(deleted.status, 204);
    assert_problem(
        &coordinator.get(&format!("/api/v1/workplan/tasks/{task}")).await,
        404,
        "",
    );
    let deleted = coordinator.delete(&format!("/api/v1/workplan/areas/{area}")).await;
    assert_eq!(deleted.status, 204);
    assert_problem(
        &coordinator.get(&format!("/api/v1/workplan/areas/{area}")).await,
        404,
        "",
    );
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT 1 FROM audit_log WHERE action = 'delete' AND object_id IN ({task}, {area}) \
                 AND actor_id = (SELECT id FROM users WHERE email = 'coordinator@example.org')"
            )
        )
        .await,
        2
    );
}

#[tokio::test]
async fn a_reader_may_read_the_workplan_and_change_nothing() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let area = app
        .id(&format!(
            "SELECT id FROM workplan_areas WHERE group_id = {wg} AND name = 'Core Group'"
        ))
        .await;
    let task = app
        .id(&format!("SELECT id FROM workplan_tasks WHERE area_id = {area}"))
        .await;
    let member = script_of(&app, "member@example.org").await;

    let list = member.get(&format!("/api/v1/groups/{wg}/workplan")).await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(list.body["areas"].as_array().unwrap().len(), 3);
    assert_eq!(member.get(&format!("/api/v1/workplan/tasks/{task}")).await.status, 200);
    assert_eq!(member.get(&format!("/api/v1/workplan/areas/{area}")).await.status, 200);

    let refusals = [
        member
            .post(
                &format!("/api/v1/groups/{wg}/workplan/areas"),
                json!({ "name": "Mine" }),
            )
            .await,
        member
            .post(
                &format!("/api/v1/groups/{wg}/workplan/tasks"),
                json!({ "area_id": area, "title": "Mine", "owners": ["role:member"] }),
            )
            .await,
        member
            .patch(&format!("/api/v1/workplan/areas/{area}"), json!({ "name": "Mine" }))
            .await,
        member
            .patch(
                &format!("/api/v1/workplan/tasks/{task}"),
                json!({ "status": "delayed" }),
            )
            .await,
        member.delete(&format!("/api/v1/workplan/tasks/{task}")).await,
        member.delete(&format!("/api/v1/workplan/areas/{area}")).await,
    ];
    for answer in refusals {
        assert_problem(&answer, 403, "");
    }
    assert_eq!(count(&app, "SELECT 1 FROM workplan_areas").await, 3);
    assert_eq!(
        count(&app, "SELECT 1 FROM workplan_tasks WHERE status = 'completed'").await,
        3
    );
    assert_eq!(count(&app, "SELECT 1 FROM audit_log").await, 0);
}

#[tokio::test]
async fn another_groups_workplan_is_not_found_and_its_ids_are_refused() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let (other, other_area, other_task, other_item, other_meeting) = other_group(&app).await;
    let area = app
        .id(&format!(
            "SELECT id FROM workplan_areas WHERE group_id = {wg} AND name = 'Core Group'"
        ))
        .await;
    let coordinator = script_of(&app, "coordinator@example.org").await;

    for answer in [
        coordinator.get(&format!("/api/v1/groups/{other}/workplan")).await,
        coordinator.get(&format!("/api/v1/workplan/areas/{other_area}")).await,
        coordinator.get(&format!("/api/v1/workplan/tasks/{other_task}")).await,
        coordinator
            .post(
                &format!("/api/v1/groups/{other}/workplan/areas"),
                json!({ "name": "Ours" }),
            )
            .await,
        coordinator
            .patch(
                &format!("/api/v1/workplan/areas/{other_area}"),
                json!({ "name": "Ours" }),
            )
            .await,
        coordinator
            .patch(
                &format!("/api/v1/workplan/tasks/{other_task}"),
                json!({ "title": "Ours" }),
            )
            .await,
        coordinator
            .delete(&format!("/api/v1/workplan/tasks/{other_task}"))
            .await,
        coordinator
            .delete(&format!("/api/v1/workplan/areas/{other_area}"))
            .await,
    ] {
        assert_problem(&answer, 404, "");
    }

    let tasks = count(&app, "SELECT 1 FROM workplan_tasks").await;
    let base = json!({ "area_id": area, "title": "Borrowed", "owners": ["role:member"] });
    for (field, value, detail) in [
        ("area_id", json!(other_area), "area_id: Choose one of the options."),
        (
            "action_point_ids",
            json!([other_item]),
            "action_point_ids: Choose among",
        ),
        ("meeting_ids", json!([other_meeting]), "meeting_ids: Choose among"),
    ] {
        let mut body = base.clone();
        body[field] = value;
        let answer = coordinator
            .post(&format!("/api/v1/groups/{wg}/workplan/tasks"), body)
            .await;
        assert_problem(&answer, 422, detail);
    }
    assert_eq!(count(&app, "SELECT 1 FROM workplan_tasks").await, tasks);
    assert_eq!(count(&app, "SELECT 1 FROM workplan_areas WHERE name = 'Ours'").await, 0);
    assert_eq!(
        count(&app, "SELECT 1 FROM workplan_tasks WHERE title = 'Their task'").await,
        1
    );
}

#[tokio::test]
async fn bad_dates_are_refused_naming_the_field_and_nothing_is_written() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let area = new_area(&coordinator, wg, "Dates").await;
    let create = format!("/api/v1/groups/{wg}/workplan/tasks");
    let task = |start: &str, end: &str| json!({ "area_id": area, "title": "Dated", "owners": ["role:member"], "start_date": start, "end_date": end });

    let answer = coordinator.post(&create, task("2014-06-10", "2014-06-01")).await;
    assert_problem(&answer, 422, "end_date: The task cannot end before it starts.");
    let answer = coordinator.post(&create, task("2014-06-01", "2014-06-31")).await;
    assert_problem(&answer, 422, "end_date: This is not a date.");
    let answer = coordinator
        .post(
            &create,
            json!({ "area_id": area, "owners": ["role:member"], "status": "finished" }),
        )
        .await;
    assert_problem(&answer, 422, "status: ");
    let answer = coordinator
        .post(&create, json!({ "area_id": area, "title": "No one" }))
        .await;
    assert_problem(&answer, 422, "owners: Choose at least one owner.");
    assert_eq!(
        count(&app, &format!("SELECT 1 FROM workplan_tasks WHERE area_id = {area}")).await,
        0
    );

    let answer = coordinator.post(&create, task("2014-06-01", "2014-06-30")).await;
    assert_eq!(answer.status, 201, "{}", answer.body);
    let id = answer.body["id"].as_i64().unwrap();
    let path = format!("/api/v1/workplan/tasks/{id}");
    let answer = coordinator
        .patch(&path, json!({ "start_date": "2014-07-01", "title": "Renamed" }))
        .await;
    assert_problem(&answer, 422, "end_date: The task cannot end before it starts.");
    let answer = coordinator.patch(&path, json!({ "start_date": "2014-02-30" })).await;
    assert_problem(&answer, 422, "start_date: This is not a date.");
    let unchanged = coordinator.get(&path).await;
    assert_eq!(unchanged.body["title"], "Dated");
    assert_eq!(unchanged.body["start_date"], "2014-06-01");
}

#[tokio::test]
async fn the_openapi_document_describes_the_workplan() {
    let app = demo().await;
    let answer = script_of(&app, "member@example.org")
        .await
        .get("/api/v1/openapi.json")
        .await;
    let paths = &answer.body["paths"];
    assert!(paths["/api/v1/groups/{id}/workplan"]["get"].is_object());
    assert!(paths["/api/v1/workplan/tasks/{id}"]["patch"]["responses"]["422"].is_object());
    assert!(paths["/api/v1/workplan/areas/{id}"]["delete"].is_object());
    let schemas = &answer.body["components"]["schemas"];
    assert!(schemas["TaskEntry"]["properties"]["action_point_ids"].is_object());
    assert!(schemas["TaskBody"]["properties"]["meeting_ids"].is_object());
}

#[tokio::test]
async fn a_task_deleted_while_it_is_being_changed_is_not_found_and_nothing_is_left_behind() {
    let app = demo().await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let task = app
        .id("SELECT id FROM workplan_tasks WHERE title = 'Establish Core Group'")
        .await;

    // Someone else deletes the task while the change is on its way: the change waits
    // for the lock, then finds the task gone.
    let mut deleting = app.db.conn().await;
    diesel::sql_query("BEGIN").execute(&mut deleting).await.unwrap();
    diesel::sql_query(format!("SELECT id FROM workplan_tasks WHERE id = {task} FOR UPDATE"))
        .execute(&mut deleting)
        .await
        .unwrap();
    let path = format!("/api/v1/workplan/tasks/{task}");
    let change = coordinator.patch(&path, json!({ "owners": ["role:coordinator"] }));
    let delete = async {
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        diesel::sql_query(format!("DELETE FROM workplan_tasks WHERE id = {task}"))
            .execute(&mut deleting)
            .await
            .unwrap();
        diesel::sql_query("COMMIT").execute(&mut deleting).await.unwrap();
    };
    let (answer, ()) = tokio::join!(change, delete);

    assert_problem(&answer, 404, "");
    assert_eq!(
        count(
            &app,
            &format!("SELECT 1 FROM workplan_task_owners WHERE task_id = {task}")
        )
        .await,
        0
    );
}

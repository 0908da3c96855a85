//! The meeting API: the reference meeting's agenda built, run and closed by a script,
//! and the minutes showing what it did.

use crate::common;

use common::api::{assert_problem, demo, script_of};
use common::live::draft_meeting;
use serde_json::{Value, json};

/// "number title" for every item of the tree, depth first.
fn outline(tree: &Value) -> Vec<String> {
    let mut lines = Vec::new();
    fn walk(items: &Value, lines: &mut Vec<String>) {
        for item in items.as_array().expect("a list of items") {
            lines.push(format!(
                "{} {}",
                item["number"].as_str().unwrap(),
                item["title"].as_str().unwrap()
            ));
            walk(&item["children"], lines);
        }
    }
    walk(tree, &mut lines);
    lines
}

fn find<'a>(tree: &'a Value, title: &str) -> &'a Value {
    fn search<'a>(items: &'a Value, title: &str) -> Option<&'a Value> {
        items.as_array()?.iter().find_map(|item| {
            if item["title"] == title {
                Some(item)
            } else {
                search(&item["children"], title)
            }
        })
    }
    search(tree, title).unwrap_or_else(|| panic!("{title} in the agenda"))
}

#[tokio::test]
async fn a_script_builds_runs_and_closes_the_reference_meeting() {
    let app = demo().await;
    let script = script_of(&app, "coordinator@example.org").await;
    let meeting = draft_meeting(&app).await;
    let agenda = format!("/api/v1/meetings/{meeting}/agenda");
    let cm_twg = common::api::group_id(&app, "CM TWG").await;

    let add = |body: Value| {
        let (script, agenda) = (&script, agenda.clone());
        async move {
            let answer = script.post(&agenda, body).await;
            assert_eq!(answer.status, 201, "{}", answer.body);
            answer.body
        }
    };
    add(json!({"title": "Review of action points", "minutes_allotted": 20})).await;
    let tree = add(json!({"title": "Updates"})).await;
    let updates = find(&tree, "Updates")["id"].as_i64().unwrap();
    add(json!({"title": "Field", "parent_id": updates})).await;
    add(json!({"title": "Sub-groups: CM TWG, PSS TF", "parent_id": updates, "reporting_group_id": cm_twg, "presenter": "CM TWG coordinator"})).await;
    // Added at the top level, then indented into "Updates".
    let tree = add(json!({"title": "Other sectors"})).await;
    let other = find(&tree, "Other sectors")["id"].as_i64().unwrap();
    let moved = script
        .post(&format!("{agenda}/{other}/move"), json!({"to": "indent"}))
        .await;
    assert_eq!(moved.status, 200);
    add(json!({"title": "Workplan"})).await;
    let tree = add(json!({"title": "AOB"})).await;
    let aob = find(&tree, "AOB")["id"].as_i64().unwrap();
    let renamed = script
        .patch(
            &format!("{agenda}/{aob}"),
            json!({"title": "New action points", "presenter": null}),
        )
        .await;
    assert_eq!(renamed.status, 200);

    let tree = script.get(&agenda).await.body;
    assert_eq!(
        outline(&tree),
        [
            "1 Review of action points",
            "2 Updates",
            "2.1 Field",
            "2.2 Sub-groups: CM TWG, PSS TF",
            "2.3 Other sectors",
            "3 Workplan",
            "4 New action points",
        ]
    );
    assert_eq!(find(&tree, "Sub-groups: CM TWG, PSS TF")["reporting_group_id"], cm_twg);

    // Bad input names the field; a foreign parent or sub-group is refused, nothing written.
    let before = app
        .count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE meeting_id = {meeting}"
        ))
        .await;
    assert_problem(&script.post(&agenda, json!({"title": " "})).await, 422, "title: ");
    assert_problem(
        &script.post(&agenda, json!({"title": "x", "minutes_allotted": 0})).await,
        422,
        "minutes_allotted: ",
    );
    let foreign_item = app.id("SELECT min(id) AS id FROM agenda_items WHERE meeting_id IN (SELECT id FROM meetings WHERE status = 'closed')").await;
    assert_problem(
        &script
            .post(&agenda, json!({"title": "x", "parent_id": foreign_item}))
            .await,
        422,
        "parent_id: ",
    );
    assert_problem(
        &script
            .post(&agenda, json!({"title": "x", "reporting_group_id": 999_999}))
            .await,
        422,
        "reporting_group_id: ",
    );
    assert_problem(
        &script
            .post(&format!("{agenda}/{foreign_item}/move"), json!({"to": "down"}))
            .await,
        404,
        "",
    );
    let first = find(&tree, "Review of action points")["id"].as_i64().unwrap();
    assert_problem(
        &script
            .post(&format!("{agenda}/{first}/move"), json!({"to": "outdent"}))
            .await,
        422,
        "The item cannot move",
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE meeting_id = {meeting}"
        ))
        .await,
        before
    );

    // Status: cannot start a draft; publish, start.
    let status = format!("/api/v1/meetings/{meeting}/status");
    assert_problem(
        &script.post(&status, json!({"status": "in_progress"})).await,
        409,
        "Not done: the meeting is Draft",
    );
    let published = script.post(&status, json!({"status": "scheduled"})).await;
    assert_eq!(published.status, 200);
    assert!(published.body["published_at"].is_string());
    assert_eq!(
        script.post(&status, json!({"status": "in_progress"})).await.body["status"],
        "in_progress"
    );

    // Notes against versions: the second save from the same version is refused.
    let sub_groups = find(&tree, "Sub-groups: CM TWG, PSS TF");
    let notes = format!("{agenda}/{}/notes", sub_groups["id"]);
    let saved = script
        .call(
            reqwest::Method::PUT,
            &notes,
            Some(json!({"version": 0, "notes": "CM TWG: share data by 20 June 2014", "decisions": "Agreed."})),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(find(&saved.body, "Sub-groups: CM TWG, PSS TF")["version"], 1);
    let stale = script
        .call(
            reqwest::Method::PUT,
            &notes,
            Some(json!({"version": 0, "notes": "overwrite", "decisions": ""})),
        )
        .await;
    assert_problem(&stale, 409, "Not saved: someone else saved");
    assert_eq!(
        find(&script.get(&agenda).await.body, "Sub-groups: CM TWG, PSS TF")["notes"],
        "CM TWG: share data by 20 June 2014"
    );

    // Attendance: a member present, a guest; counts per kind.
    let member = app.id("SELECT id FROM users WHERE email = 'member@example.org'").await;
    let attendance = format!("/api/v1/meetings/{meeting}/attendance");
    let marked = script
        .call(
            reqwest::Method::PUT,
            &attendance,
            Some(json!({"members": [{"user_id": member, "status": "present"}]})),
        )
        .await;
    assert_eq!(marked.status, 200, "{}", marked.body);
    let guest = script
        .post(
            &format!("/api/v1/meetings/{meeting}/guests"),
            json!({"name": "Rana K.", "organization": "Municipality of Zahle"}),
        )
        .await;
    assert_eq!(guest.status, 201);
    let stranger = app.id("SELECT id FROM users WHERE email = 'admin@example.org'").await;
    let refused = script
        .call(
            reqwest::Method::PUT,
            &attendance,
            Some(json!({"members": [{"user_id": stranger + 100_000, "status": "present"}]})),
        )
        .await;
    assert_eq!(refused.status, 404);
    let now = script.get(&attendance).await.body;
    let present: u64 = now["present_by_kind"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(present, 2, "{now}");
    assert_eq!(now["guests"][0]["name"], "Rana K.");

    // An action point raised at the meeting, through the action point API.
    let group = common::live::working_group(&app).await;
    let raised = script
        .post(&format!("/api/v1/groups/{group}/action-points"), json!({"topic": "Sub-groups", "text": "Share 5W data with the IM officer", "owners": ["role:member"], "due_date": "2014-06-20", "meeting_id": meeting}))
        .await;
    assert_eq!(raised.status, 201);

    // Close, and a second close is a 409; edits after closing too.
    assert_eq!(script.post(&status, json!({"status": "closed"})).await.status, 200);
    assert_problem(
        &script.post(&status, json!({"status": "closed"})).await,
        409,
        "Not done: the meeting is Closed",
    );
    assert_problem(&script.post(&agenda, json!({"title": "Late"})).await, 409, "Not done");
    assert_problem(
        &script
            .post(&format!("/api/v1/meetings/{meeting}/guests"), json!({"name": "Late"}))
            .await,
        409,
        "Not done",
    );

    // The minutes show the order and nesting, the notes, the attendance and the action point.
    let reader = app.sign_in_demo("member").await;
    let text = reader.page(&format!("/meetings/{meeting}/minutes.txt")).await;
    let positions: Vec<usize> = [
        "\n1 Review of action points",
        "\n2 Updates",
        "\n  2.1 Field",
        "\n  2.2 Sub-groups: CM TWG, PSS TF",
        "      CM TWG: share data by 20 June 2014",
        "\n  2.3 Other sectors",
        "\n3 Workplan",
        "\n4 New action points",
    ]
    .iter()
    .map(|line| text.find(line).unwrap_or_else(|| panic!("{line:?} in {text}")))
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(
        text.contains("Present (2)") && text.contains("Rana K. (Municipality of Zahle)"),
        "{text}"
    );
    assert!(
        text.contains("Share 5W data with the IM officer — Members — 20 Jun 2014"),
        "{text}"
    );
}

#[tokio::test]
async fn members_read_the_agenda_but_change_nothing_and_the_document_lists_the_endpoints() {
    let app = demo().await;
    let meeting = draft_meeting(&app).await;
    let member = script_of(&app, "member@example.org").await;
    let agenda = format!("/api/v1/meetings/{meeting}/agenda");
    // A draft is not announced yet: members do not see it until it is published.
    assert_problem(&member.get(&agenda).await, 404, "");
    let status = format!("/api/v1/meetings/{meeting}/status");
    let coordinator = script_of(&app, "coordinator@example.org").await;
    assert_eq!(
        coordinator.post(&status, json!({"status": "scheduled"})).await.status,
        200
    );
    assert_eq!(member.get(&agenda).await.status, 200);
    assert_problem(&member.post(&agenda, json!({"title": "Sneaky"})).await, 403, "");
    assert_problem(&member.post(&status, json!({"status": "in_progress"})).await, 403, "");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE meeting_id = {meeting}"
        ))
        .await,
        0
    );

    let document = member.get("/api/v1/openapi.json").await.body;
    for (path, method) in [
        ("/api/v1/meetings/{id}/agenda", "get"),
        ("/api/v1/meetings/{id}/agenda", "post"),
        ("/api/v1/meetings/{id}/agenda/{item}", "patch"),
        ("/api/v1/meetings/{id}/agenda/{item}/move", "post"),
        ("/api/v1/meetings/{id}/agenda/{item}/notes", "put"),
        ("/api/v1/meetings/{id}/attendance", "put"),
        ("/api/v1/meetings/{id}/status", "post"),
    ] {
        assert!(
            document["paths"][path][method].is_object(),
            "{method} {path} in the document"
        );
    }
    assert!(document["paths"]["/api/v1/meetings/{id}/agenda/{item}/notes"]["put"]["responses"]["409"].is_object());
}

#[tokio::test]
async fn cancelling_a_published_meeting_bumps_its_sequence_and_only_once() {
    let app = demo().await;
    let script = script_of(&app, "coordinator@example.org").await;
    let meeting = draft_meeting(&app).await;
    let status = format!("/api/v1/meetings/{meeting}/status");
    assert_eq!(
        script.post(&status, json!({"status": "scheduled"})).await.body["ics_sequence"],
        0
    );
    let cancelled = script.post(&status, json!({"status": "cancelled"})).await;
    assert_eq!(cancelled.status, 200);
    assert_eq!(cancelled.body["status"], "cancelled");
    assert_eq!(cancelled.body["ics_sequence"], 1);
    assert_problem(
        &script.post(&status, json!({"status": "cancelled"})).await,
        409,
        "Not done: the meeting is Cancelled",
    );
    assert_problem(
        &script.post(&status, json!({"status": "in_progress"})).await,
        409,
        "Not done",
    );
    assert_problem(
        &script.post(&status, json!({"status": "postponed"})).await,
        422,
        "status: ",
    );
}

//! Action points through the JSON API: the filtered list, one item and its
//! history, new items with their owners, and status updates by who may give them.

use crate::common;

use common::TestApp;
use common::api::{Script, assert_problem, count, demo, group_id, script_of};
use serde_json::{Value, json};

const WG: &str = "CPiE WG";

async fn item_id(app: &TestApp, text_starts: &str) -> i64 {
    app.id(&format!(
        "SELECT id FROM action_points WHERE text LIKE '{text_starts}%'"
    ))
    .await
}

fn texts(body: &Value) -> Vec<String> {
    body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["text"].as_str().unwrap().to_owned())
        .collect()
}

async fn history(script: &Script, id: i64) -> Value {
    let answer = script.get(&format!("/api/v1/action-points/{id}/history")).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body
}

#[tokio::test]
async fn the_list_takes_the_html_lists_filters() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let member = script_of(&app, "member@example.org").await;
    let base = format!("/api/v1/groups/{wg}/action-points");

    let open = member.get(&base).await;
    assert_eq!(open.status, 200, "{}", open.body);
    assert_eq!(open.body["page"], 1);
    assert_eq!(open.body["per_page"], 50);
    let statuses: Vec<&str> = open.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    assert!(!statuses.is_empty());
    assert!(
        statuses.iter().all(|s| *s == "open" || *s == "in_progress"),
        "{statuses:?}"
    );
    assert_eq!(open.body["total"], statuses.len());

    let all = member.get(&format!("{base}?status=all")).await;
    assert!(all.body["total"].as_i64().unwrap() > open.body["total"].as_i64().unwrap());

    let logo = member.get(&format!("{base}?status=all&q=logo")).await;
    assert_eq!(logo.body["total"], 1, "{}", logo.body);
    let item = &logo.body["items"][0];
    assert!(item["text"].as_str().unwrap().contains("share logo"));
    assert_eq!(item["status"], "done");
    assert_eq!(item["group_id"], wg);
    assert_eq!(
        item["owners"],
        json!([{"key": "role:coordinator", "name": "Coordinator"}])
    );
    for key in [
        "id",
        "number",
        "topic",
        "due_date",
        "status_note",
        "restricted",
        "meeting_id",
        "created_at",
    ] {
        assert!(item.get(key).is_some(), "{key} in {item}");
    }
    let hidden = member.get(&format!("{base}?q=logo")).await;
    assert_eq!(hidden.body["total"], 0, "done items are left out without status=all");

    let due = member.get(&format!("{base}?status=all&due_before=2014-06-19")).await;
    assert_eq!(
        texts(&due.body),
        ["IM to circulate the revised indicator guidance to all reporting partners."]
    );

    let mine = member.get(&format!("{base}?owner=role:member&sort=number")).await;
    assert!(texts(&mine.body).contains(&"Share all key message resources".to_owned()));

    let bad = member.get(&format!("{base}?due_before=soon")).await;
    assert_problem(&bad, 400, "due_before: ");
    let bad = member.get(&format!("{base}?status=finished")).await;
    assert_problem(&bad, 400, "status: ");
    let bad = member.get(&format!("{base}?page=two")).await;
    assert_problem(&bad, 400, "the query string");
}

#[tokio::test]
async fn one_item_and_its_history_are_seen_by_those_who_see_the_group() {
    let app = demo().await;
    let member = script_of(&app, "member@example.org").await;
    let id = item_id(&app, "Coordinator to circulate the CPMS").await;

    let item = member.get(&format!("/api/v1/action-points/{id}")).await;
    assert_eq!(item.status, 200, "{}", item.body);
    assert_eq!(item.body["id"], id);
    assert_eq!(item.body["status"], "done");
    assert_eq!(item.body["status_note"], "Shared by email on 16 May");

    let history = history(&member, id).await;
    let rows = history.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{history}");
    assert_eq!(rows[0]["new_status"], "done");
    assert_eq!(rows[0]["old_status"], "open");
    assert_eq!(rows[0]["note"], "Shared by email on 16 May");
    assert!(rows[0]["at"].is_string() && rows[0].get("by").is_some() && rows[0]["via"].is_string());
    assert_eq!(rows[1]["old_status"], Value::Null);
    assert_eq!(rows[1]["new_status"], "open");

    assert_problem(&member.get("/api/v1/action-points/999999").await, 404, "");
    assert_problem(&member.get("/api/v1/action-points/999999/history").await, 404, "");

    // Someone outside every group sees none of it.
    let admin = script_of(&app, "admin@example.org").await;
    let outsider = admin
        .post(
            "/api/v1/users",
            json!({"name": "Outsider", "email": "outsider@example.org"}),
        )
        .await;
    assert_eq!(outsider.status, 201, "{}", outsider.body);
    let outsider = script_of(&app, "outsider@example.org").await;
    assert_eq!(outsider.get(&format!("/api/v1/action-points/{id}")).await.status, 404);
    assert_eq!(
        outsider
            .get(&format!("/api/v1/action-points/{id}/history"))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn coordinators_create_items_with_owners_and_bad_ones_write_nothing() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let member_id = app.id("SELECT id FROM users WHERE email = 'member@example.org'").await;
    let path = format!("/api/v1/groups/{wg}/action-points");
    let before = count(&app, "SELECT id FROM action_points").await;
    let history_before = count(&app, "SELECT id FROM action_point_updates").await;

    let made = coordinator
        .post(
            &path,
            json!({
                "topic": "Visibility",
                "text": "Print the new logo on the banners",
                "owners": ["role:member", format!("user:{member_id}")],
                "due_date": "2014-07-01",
                "restricted": true,
            }),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let id = made.body["id"].as_i64().unwrap();
    assert_eq!(
        made.location.as_deref(),
        Some(format!("/api/v1/action-points/{id}").as_str())
    );
    assert_eq!(made.body["status"], "open");
    assert_eq!(made.body["due_date"], "2014-07-01");
    assert_eq!(made.body["restricted"], true);
    assert_eq!(made.body["owners"][0], json!({"key": "role:member", "name": "Members"}));
    assert_eq!(made.body["owners"][1]["key"], format!("user:{member_id}"));
    let first = history(&coordinator, id).await;
    assert_eq!(first[0]["via"], "api");
    assert_eq!(count(&app, "SELECT id FROM action_points").await, before + 1);

    let outside = app
        .id("SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM memberships WHERE group_id = (SELECT id FROM groups WHERE short_name = 'CPiE WG')) LIMIT 1")
        .await;
    let refused = [
        (
            json!({"topic": "T", "text": "X", "owners": [format!("user:{outside}")]}),
            "owners: ",
        ),
        (json!({"topic": "T", "text": "X", "owners": ["role:chief"]}), "owners: "),
        (json!({"topic": "T", "text": "X", "owners": []}), "owners: "),
        (
            json!({"topic": "T", "text": "X", "owners": ["role:member"], "due_date": "2014-02-30"}),
            "due_date: ",
        ),
        (json!({"topic": "", "text": "X", "owners": ["role:member"]}), "topic: "),
        (
            json!({"topic": "T", "text": "X", "owners": ["role:member"], "meeting_id": 999999}),
            "meeting_id: ",
        ),
        (json!({"topic": "T", "owners": ["role:member"]}), ""),
    ];
    for (body, detail) in refused {
        let answer = coordinator.post(&path, body.clone()).await;
        assert_problem(&answer, 422, detail);
        if body.get("text").is_none() {
            assert!(answer.detail().contains("text"), "{}", answer.detail());
        }
    }
    assert_eq!(count(&app, "SELECT id FROM action_points").await, before + 1);
    assert_eq!(
        count(&app, "SELECT id FROM action_point_updates").await,
        history_before + 1
    );

    let member = script_of(&app, "member@example.org").await;
    let forbidden = member
        .post(&path, json!({"topic": "T", "text": "X", "owners": ["role:member"]}))
        .await;
    assert_problem(&forbidden, 403, "");
    assert_eq!(count(&app, "SELECT id FROM action_points").await, before + 1);
}

#[tokio::test]
async fn status_updates_are_recorded_via_api_for_those_who_may_give_them() {
    let app = demo().await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let member = script_of(&app, "member@example.org").await;
    let observer = script_of(&app, "joseph.karam@example.org").await;
    let theirs = item_id(&app, "Coordinator to share update from Cash WG").await;
    let own = item_id(&app, "Members to consider access rights").await;

    let done = coordinator
        .post(
            &format!("/api/v1/action-points/{theirs}/status"),
            json!({"status": "done", "note": "Sent on Tuesday"}),
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(done.body["status"], "done");
    assert_eq!(done.body["status_note"], "Sent on Tuesday");
    let rows = history(&coordinator, theirs).await;
    assert_eq!(rows[0]["via"], "api");
    assert_eq!(rows[0]["old_status"], "in_progress");
    assert_eq!(rows[0]["new_status"], "done");
    assert_eq!(rows[0]["note"], "Sent on Tuesday");
    assert!(rows[0]["by"].is_string());

    let updates = count(&app, "SELECT id FROM action_point_updates").await;
    let unknown = coordinator
        .post(
            &format!("/api/v1/action-points/{own}/status"),
            json!({"status": "finished"}),
        )
        .await;
    assert_problem(&unknown, 422, "status: ");
    let not_theirs = member
        .post(
            &format!("/api/v1/action-points/{theirs}/status"),
            json!({"status": "open"}),
        )
        .await;
    assert_problem(&not_theirs, 403, "");
    let observed = observer
        .post(
            &format!("/api/v1/action-points/{own}/status"),
            json!({"status": "done"}),
        )
        .await;
    assert_problem(&observed, 403, "");
    assert_eq!(count(&app, "SELECT id FROM action_point_updates").await, updates);
    let unchanged = member.get(&format!("/api/v1/action-points/{own}")).await;
    assert_eq!(unchanged.body["status"], "in_progress");

    let mine = member
        .post(
            &format!("/api/v1/action-points/{own}/status"),
            json!({"status": "done"}),
        )
        .await;
    assert_eq!(mine.status, 200, "{}", mine.body);
    assert_eq!(mine.body["status"], "done");
    assert_eq!(history(&member, own).await[0]["via"], "api");
}

#[tokio::test]
async fn the_openapi_document_lists_the_action_point_endpoints() {
    let app = demo().await;
    let document = reqwest::get(format!("{}/api/v1/openapi.json", app.address))
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    let paths = &document["paths"];
    for (path, method) in [
        ("/api/v1/groups/{id}/action-points", "get"),
        ("/api/v1/groups/{id}/action-points", "post"),
        ("/api/v1/action-points/{id}", "get"),
        ("/api/v1/action-points/{id}/history", "get"),
        ("/api/v1/action-points/{id}/status", "post"),
    ] {
        assert!(paths[path][method].is_object(), "{method} {path}");
    }
    let schemas = &document["components"]["schemas"];
    for schema in [
        "ActionPointEntry",
        "ActionPointPage",
        "HistoryItem",
        "NewActionPointBody",
        "ActionPointStatusBody",
        "OwnerEntry",
    ] {
        assert!(schemas[schema].is_object(), "{schema}");
    }
    assert_eq!(
        schemas["ActionStatus"]["enum"],
        json!(["open", "in_progress", "done", "dropped"])
    );
}

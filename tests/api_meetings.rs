//! Meetings through the JSON API: a group's list, one meeting, scheduling a draft in
//! the group's zone and changing it, with the same rules as the pages.

use crate::common;

use common::api::{assert_problem, demo, group_id, script_of};
use common::meetings::{WG, other_group};
use serde_json::{Value, json};

fn march() -> Value {
    json!({
        "title": "CPiE WG March meeting",
        "starts_at_local": "2027-03-17T14:00",
        "duration_minutes": 120,
        "location": "UNHCR Lea, Beirut",
        "online_url": "https://meet.example.org/cpie"
    })
}

#[tokio::test]
async fn a_coordinator_schedules_a_draft_in_the_groups_zone() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let created = coordinator
        .post(&format!("/api/v1/groups/{wg}/meetings"), march())
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_i64().unwrap();
    assert_eq!(
        created.location.as_deref(),
        Some(format!("/api/v1/meetings/{id}").as_str())
    );
    assert_eq!(created.body["status"], "draft");
    assert_eq!(created.body["starts_at"], "2027-03-17T12:00:00Z");
    assert_eq!(created.body["local_start"], "2027-03-17T14:00:00+02:00");
    assert_eq!(created.body["time_zone"], "Asia/Beirut");
    assert_eq!(created.body["ends_at"], "2027-03-17T14:00:00Z");

    // After the clock change the same wall-clock time is an hour earlier in UTC.
    let april = coordinator
        .post(
            &format!("/api/v1/groups/{wg}/meetings"),
            json!({"title": "April", "starts_at_local": "2027-04-14T14:00", "ends_at_local": "2027-04-14T15:30"}),
        )
        .await;
    assert_eq!(april.status, 201, "{}", april.body);
    assert_eq!(april.body["starts_at"], "2027-04-14T11:00:00Z");
    assert_eq!(april.body["duration_minutes"], 90);
    let agenda = app
        .id(&format!(
            "SELECT count(*) AS id FROM agenda_items WHERE meeting_id = {} AND position = 0 \
             AND parent_id IS NULL AND title = 'Review of action points'",
            april.body["id"]
        ))
        .await;
    assert_eq!(agenda, 1, "the agenda opens with the review");

    let shown = coordinator.get(&format!("/api/v1/meetings/{id}")).await;
    assert_eq!(shown.body["title"], "CPiE WG March meeting");
    let upcoming = coordinator.get(&format!("/api/v1/groups/{wg}/meetings")).await;
    let titles: Vec<&str> = upcoming.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert_eq!(&titles[1..], ["CPiE WG March meeting", "April"], "soonest first");
    let past = coordinator
        .get(&format!("/api/v1/groups/{wg}/meetings?when=past"))
        .await;
    let starts: Vec<&str> = past.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["local_start"].as_str().unwrap())
        .collect();
    assert_eq!(starts, ["2014-06-11T14:00:00+03:00", "2014-05-14T14:00:00+03:00"]);
    assert_problem(
        &coordinator
            .get(&format!("/api/v1/groups/{wg}/meetings?when=later"))
            .await,
        400,
        "when:",
    );

    // Members see published meetings, not drafts.
    let member = script_of(&app, "member@example.org").await;
    assert_eq!(
        member.get(&format!("/api/v1/groups/{wg}/meetings")).await.body["total"],
        1
    );
    assert_problem(&member.get(&format!("/api/v1/meetings/{id}")).await, 404, "");
}

#[tokio::test]
async fn bad_times_zones_and_links_are_422s_naming_the_field() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let path = format!("/api/v1/groups/{wg}/meetings");
    let with = |changes: Value| {
        let mut body = march();
        for (k, v) in changes.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    let before = app.id("SELECT count(*) AS id FROM meetings").await;
    let cases = [
        (
            with(json!({"duration_minutes": null, "ends_at_local": "2027-03-17T13:00"})),
            "ends_at_local: The end must come after the start.",
        ),
        (
            with(json!({"time_zone": "Beirut"})),
            "time_zone: This is not a time zone",
        ),
        (with(json!({"online_url": "javascript:alert(1)"})), "online_url:"),
        (with(json!({"duration_minutes": 0})), "duration_minutes:"),
        (with(json!({"title": " "})), "title:"),
        (with(json!({"starts_at_local": "2027-03-17 2pm"})), "starts_at_local:"),
        (with(json!({"chair_id": 999999})), "chair_id:"),
        (with(json!({"agenda": "yesterday"})), "agenda:"),
    ];
    for (body, detail) in cases {
        assert_problem(&coordinator.post(&path, body).await, 422, detail);
    }
    assert_eq!(
        app.id("SELECT count(*) AS id FROM meetings").await,
        before,
        "nothing saved"
    );
}

#[tokio::test]
async fn changes_follow_the_forms_rules() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let published = app
        .id(&format!(
            "SELECT id FROM meetings WHERE group_id = {wg} AND status = 'scheduled' ORDER BY starts_at LIMIT 1"
        ))
        .await;
    let path = format!("/api/v1/meetings/{published}");
    let before = coordinator.get(&path).await.body;
    assert_eq!(before["ics_sequence"], 0);

    let renamed = coordinator.patch(&path, json!({"title": "Renamed"})).await;
    assert_eq!(renamed.status, 200, "{}", renamed.body);
    assert_eq!(renamed.body["ics_sequence"], 0, "a new title is no news");
    assert_eq!(renamed.body["starts_at"], before["starts_at"]);

    let local = before["local_start"].as_str().unwrap();
    let later = format!("{}T15:00", &local[..10]);
    let moved = coordinator.patch(&path, json!({"starts_at_local": later})).await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(moved.body["ics_sequence"], 1, "a new time is");
    assert_eq!(
        moved.body["duration_minutes"], before["duration_minutes"],
        "the length is kept"
    );
    let online = coordinator
        .patch(
            &path,
            json!({"location": null, "online_url": "https://meet.example.org/x"}),
        )
        .await;
    assert_eq!(online.body["ics_sequence"], 2);
    assert_eq!(online.body["location"], Value::Null);

    // Another group's id in the body is refused, not applied.
    let (other, other_meeting) = other_group(&app).await;
    assert_problem(&coordinator.patch(&path, json!({"group_id": other})).await, 422, "");
    assert_eq!(coordinator.get(&path).await.body["group_id"], wg);

    let closed = app
        .id(&format!(
            "SELECT id FROM meetings WHERE group_id = {wg} AND status = 'closed' LIMIT 1"
        ))
        .await;
    assert_problem(
        &coordinator
            .patch(&format!("/api/v1/meetings/{closed}"), json!({"title": "Rewritten"}))
            .await,
        409,
        "This meeting is closed or cancelled",
    );

    let member = script_of(&app, "member@example.org").await;
    assert_problem(&member.patch(&path, json!({"title": "Mine"})).await, 403, "");
    assert_problem(
        &member.post(&format!("/api/v1/groups/{wg}/meetings"), march()).await,
        403,
        "",
    );
    assert_problem(&member.get(&format!("/api/v1/meetings/{other_meeting}")).await, 404, "");
    assert_problem(&member.get(&format!("/api/v1/groups/{other}/meetings")).await, 404, "");
    assert_problem(
        &coordinator
            .post(&format!("/api/v1/groups/{other}/meetings"), march())
            .await,
        404,
        "",
    );
}

#[tokio::test]
async fn the_openapi_document_describes_meetings() {
    let app = demo().await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let document = coordinator.get("/api/v1/openapi.json").await.body;
    let paths = &document["paths"];
    assert!(paths["/api/v1/groups/{id}/meetings"]["post"]["requestBody"].is_object());
    assert!(paths["/api/v1/meetings/{id}"]["patch"]["responses"]["409"].is_object());
    assert!(document["components"]["schemas"]["MeetingEntry"]["properties"]["ics_sequence"].is_object());
}

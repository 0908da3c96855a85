//! The agenda editor, the status flow, live mode and attendance, driven through the
//! HTML forms as a coordinator would.

use crate::common;

use common::live::{draft_meeting, item_id, outline_lines};
use common::{TestApp, Visitor, spawn_app};

/// Builds the reference agenda of 11 June 2014 through the editor's forms, including
/// an item added at the wrong level and moved into place.
async fn build_reference_agenda(app: &TestApp, coordinator: &Visitor, meeting: i64) {
    let editor = format!("/meetings/{meeting}/agenda");
    let add = |title: &'static str, parent: String| {
        let editor = editor.clone();
        async move {
            let response = coordinator
                .submit(
                    &editor,
                    &editor,
                    &[
                        ("title", title),
                        ("presenter", ""),
                        ("minutes_allotted", "10"),
                        ("reporting_group", ""),
                        ("parent", &parent),
                    ],
                )
                .await;
            assert_eq!(response.status(), 303, "adding {title}");
        }
    };
    add("Review of action points", String::new()).await;
    add("Updates", String::new()).await;
    let updates = item_id(app, meeting, "Updates").await;
    add("Field", updates.to_string()).await;
    add("Sub-groups: CM TWG, PSS TF", updates.to_string()).await;
    // Added at the top level, then indented under "Updates" and moved after the others.
    add("Other sectors", String::new()).await;
    add("Workplan", String::new()).await;
    let other = item_id(app, meeting, "Other sectors").await;
    let moved = coordinator
        .submit(
            &editor,
            &format!("/meetings/{meeting}/agenda/{other}/move"),
            &[("to", "indent")],
        )
        .await;
    assert_eq!(moved.status(), 303);
    add("New action points", String::new()).await;
}

#[tokio::test]
async fn the_reference_meeting_is_built_run_and_closed_through_the_forms() {
    let app = spawn_app().await;
    app.load_demo().await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let meeting = draft_meeting(&app).await;
    build_reference_agenda(&app, &coordinator, meeting).await;

    let editor = coordinator.page(&format!("/meetings/{meeting}/agenda")).await;
    assert_eq!(
        outline_lines(&editor, "ol.agenda"),
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

    // Only possible moves get a button: no "up" for the first of its siblings, no
    // "outdent" at the top level.
    assert_eq!(editor.matches(r#"name="to" value="up""#).count(), 5);
    assert_eq!(editor.matches(r#"name="to" value="outdent""#).count(), 3);

    // Moving "Field" down and back up, and the Workplan out and in, leaves positions dense.
    let page = format!("/meetings/{meeting}/agenda");
    let field = item_id(&app, meeting, "Field").await;
    for to in ["down", "up"] {
        let r = coordinator
            .submit(
                &page,
                &format!("/meetings/{meeting}/agenda/{field}/move"),
                &[("to", to)],
            )
            .await;
        assert_eq!(r.status(), 303);
    }
    let first = item_id(&app, meeting, "Review of action points").await;
    let refused = coordinator
        .submit(
            &page,
            &format!("/meetings/{meeting}/agenda/{first}/move"),
            &[("to", "up")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("cannot move that way"));
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE meeting_id = {meeting} \
             AND position >= (SELECT count(*) FROM agenda_items s WHERE s.meeting_id = {meeting} \
             AND s.parent_id IS NOT DISTINCT FROM agenda_items.parent_id)"
        ))
        .await,
        0,
        "positions stay 0..n-1 among siblings"
    );

    // Publish, then start: the live screen opens.
    let show = format!("/meetings/{meeting}");
    let published = coordinator
        .submit(&show, &format!("{show}/status"), &[("step", "publish")])
        .await;
    assert_eq!(published.status(), 303);
    let started = coordinator
        .submit(&show, &format!("{show}/status"), &[("step", "start")])
        .await;
    assert_eq!(started.headers()["location"], format!("/meetings/{meeting}/live"));

    // Next item: the first becomes current and is shown in bold (aria-current).
    let live = format!("/meetings/{meeting}/live");
    let next = coordinator
        .submit(&live, &format!("{live}/current"), &[("item", &first.to_string())])
        .await;
    assert_eq!(next.status(), 303);
    let sub_groups = item_id(&app, meeting, "Sub-groups: CM TWG, PSS TF").await;
    coordinator
        .submit(&live, &format!("{live}/current"), &[("item", &sub_groups.to_string())])
        .await;
    let screen = coordinator.page(&live).await;
    assert!(
        screen.contains(r#"aria-current="step"><span class="num">2.2</span>"#),
        "{screen}"
    );

    // Notes with markdown (and a script that must not survive), decisions, an action point.
    let saved = coordinator
        .submit(
            &live,
            &format!("/meetings/{meeting}/agenda/{sub_groups}/notes"),
            &[
                ("version", "0"),
                (
                    "notes",
                    "CM TWG: **ASK** share data by 20 June 2014 <script>alert(1)</script>",
                ),
                ("decisions", "Mapping to be circulated."),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let owner = format!(
        "user:{}",
        app.id("SELECT id FROM users WHERE email = 'member@example.org'").await
    );
    // Without an owner it comes back on the live screen as typed, naming the field.
    let ownerless = coordinator
        .submit(
            &live,
            &format!("/meetings/{meeting}/action-points"),
            &[
                ("topic", "Sub-groups"),
                ("text", "Circulate the 5W template"),
                ("due_date", "2014-06-20"),
            ],
        )
        .await;
    assert_eq!(ownerless.status(), 422);
    let body = ownerless.text().await.unwrap();
    assert!(
        body.contains("Owner(s)")
            && body.contains("Circulate the 5W template")
            && body.contains(r#"value="2014-06-20""#),
        "{body}"
    );
    assert_eq!(
        app.count("SELECT count(*) AS count FROM action_points WHERE text = 'Circulate the 5W template'")
            .await,
        0
    );
    let raised = coordinator
        .submit(
            &live,
            &format!("/meetings/{meeting}/action-points"),
            &[
                ("topic", "Sub-groups"),
                ("text", "Share 5W data with the IM officer"),
                ("owners", &owner),
                ("due_date", "2014-06-20"),
                ("agenda_item", &sub_groups.to_string()),
            ],
        )
        .await;
    assert_eq!(raised.status(), 303);

    // Attendance: the member present, the admin with apologies, one guest.
    let attendance = format!("/meetings/{meeting}/attendance");
    let member = app.id("SELECT id FROM users WHERE email = 'member@example.org'").await;
    let admin = app.id("SELECT id FROM users WHERE email = 'admin@example.org'").await;
    let marked = coordinator
        .submit(
            &attendance,
            &attendance,
            &[
                (&format!("member-{member}") as &str, "present"),
                (&format!("member-{admin}"), "apologies"),
            ],
        )
        .await;
    assert_eq!(marked.status(), 303);
    let guest = coordinator
        .submit(
            &attendance,
            &format!("/meetings/{meeting}/guests"),
            &[("name", "Rana K."), ("organization", "Municipality of Zahle")],
        )
        .await;
    assert_eq!(guest.status(), 303);
    let attendance_page = coordinator.page(&attendance).await;
    assert!(attendance_page.contains("Present (2)"), "{attendance_page}");
    assert!(attendance_page.contains("Rana K."));

    // Close; a second close is refused with a message, and so is a change afterwards.
    let closed = coordinator
        .submit(&show, &format!("{show}/status"), &[("step", "close")])
        .await;
    assert_eq!(closed.status(), 303);
    let token_page = coordinator.page(&show).await;
    let token = common::form_token(&token_page);
    let again = coordinator
        .post(&format!("{show}/status"), &[("csrf_token", &token), ("step", "close")])
        .await;
    assert_eq!(again.status(), 409);
    assert!(again.text().await.unwrap().contains("re-opened"));
    let late = coordinator
        .post(
            &format!("/meetings/{meeting}/agenda/{sub_groups}/notes"),
            &[
                ("csrf_token", &token),
                ("version", "1"),
                ("notes", "late"),
                ("decisions", ""),
            ],
        )
        .await;
    assert_eq!(late.status(), 409);
    let late_guest = coordinator
        .post(
            &format!("/meetings/{meeting}/guests"),
            &[("csrf_token", &token), ("name", "Late")],
        )
        .await;
    assert_eq!(late_guest.status(), 409);
    let closed_attendance = coordinator.page(&attendance).await;
    assert!(closed_attendance.contains("Rana K.") && !closed_attendance.contains("Save attendance"));
    let late_action = coordinator
        .post(
            &format!("/meetings/{meeting}/action-points"),
            &[
                ("csrf_token", &token),
                ("topic", "Late"),
                ("text", "Too late"),
                ("owners", &owner),
            ],
        )
        .await;
    assert_eq!(late_action.status(), 409);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM action_points WHERE text = 'Too late'")
            .await,
        0
    );

    // The minutes: agenda in order and nesting, notes (sanitised), attendance, new action point.
    let minutes = coordinator.page(&format!("/meetings/{meeting}/minutes")).await;
    let order: Vec<usize> = [
        "1</span> <bdi>Review of action points",
        "2</span> <bdi>Updates",
        "2.1</span> <bdi>Field",
        "2.2</span> <bdi>Sub-groups",
        "2.3</span> <bdi>Other sectors",
        "3</span> <bdi>Workplan",
        "4</span> <bdi>New action points",
    ]
    .iter()
    .map(|needle| {
        minutes
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in the minutes"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "agenda order in the minutes: {order:?}"
    );
    assert!(minutes.contains(r#"class="minute depth-1""#), "sub-items are nested");
    assert!(minutes.contains("<strong>ASK</strong> share data by 20 June 2014"));
    assert!(!minutes.contains("<script>alert(1)"), "notes are sanitised");
    assert!(minutes.contains("Mapping to be circulated."));
    assert!(
        minutes.contains("Present (2)") && minutes.contains("Rana K.") && minutes.contains("Municipality of Zahle")
    );
    assert!(minutes.contains("Share 5W data with the IM officer"));
    assert!(
        minutes.contains("UNHCR Lea, Beirut") && minutes.contains("14:00"),
        "local time and place"
    );

    // Re-opening is explicit, and then the notes can change again.
    let reopened = coordinator
        .submit(&show, &format!("{show}/status"), &[("step", "reopen")])
        .await;
    assert_eq!(reopened.status(), 303);
    assert_eq!(app.count(&format!("SELECT count(*) AS count FROM meetings WHERE id = {meeting} AND status = 'in_progress' AND closed_at IS NULL")).await, 1);
}

#[tokio::test]
async fn two_note_takers_see_each_other_and_a_stale_save_is_refused_without_loss() {
    let app = spawn_app().await;
    app.load_demo().await;
    let first = app.sign_in_demo("coordinator").await;
    let second = app.sign_in_demo("admin").await;
    let meeting = draft_meeting(&app).await;
    let editor = format!("/meetings/{meeting}/agenda");
    first
        .submit(&editor, &editor, &[("title", "Updates"), ("parent", "")])
        .await;
    let item = item_id(&app, meeting, "Updates").await;
    let show = format!("/meetings/{meeting}");
    for step in ["publish", "start"] {
        first.submit(&show, &format!("{show}/status"), &[("step", step)]).await;
    }
    let live = format!("/meetings/{meeting}/live");
    first
        .submit(&live, &format!("{live}/current"), &[("item", &item.to_string())])
        .await;

    // Both open the screen; the second notes the stamp it was drawn with.
    let before: serde_json::Value = second.get(&format!("{live}/state")).await.json().await.unwrap();
    let second_token = common::form_token(&second.page(&live).await);
    let saved = first
        .submit(
            &live,
            &format!("/meetings/{meeting}/agenda/{item}/notes"),
            &[
                ("version", "0"),
                ("notes", "Field: Bekaa hub reports 40 cases"),
                ("decisions", ""),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);

    // The second screen's poll sees a change, and its page shows the first's notes.
    let after: serde_json::Value = second.get(&format!("{live}/state")).await.json().await.unwrap();
    assert_ne!(before["stamp"], after["stamp"]);
    assert_eq!(after["current_item_id"], item);
    assert!(second.page(&live).await.contains("Bekaa hub reports 40 cases"));

    // The second saves from the version it had: refused, both texts shown, nothing lost.
    let stale = second
        .post(
            &format!("/meetings/{meeting}/agenda/{item}/notes"),
            &[
                ("csrf_token", &second_token),
                ("version", "0"),
                ("notes", "Field: North hub absent"),
                ("decisions", ""),
            ],
        )
        .await;
    assert_eq!(stale.status(), 409);
    let body = stale.text().await.unwrap();
    assert!(body.contains("someone else saved this item"), "{body}");
    assert!(body.contains("Bekaa hub reports 40 cases"), "their text is shown");
    assert!(body.contains("Field: North hub absent"), "the user's own text is kept");
    assert!(
        body.contains(r#"name="version" value="1""#),
        "the form now edits the newer version"
    );
    assert_eq!(
        app.count(&format!("SELECT count(*) AS count FROM agenda_items WHERE id = {item} AND notes = 'Field: Bekaa hub reports 40 cases' AND version = 1")).await,
        1
    );
}

#[tokio::test]
async fn only_those_who_run_the_group_edit_and_foreign_ids_are_not_found() {
    let app = spawn_app().await;
    app.load_demo().await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let member = app.sign_in_demo("member").await;
    let meeting = draft_meeting(&app).await;
    let editor = format!("/meetings/{meeting}/agenda");
    coordinator.submit(&editor, &editor, &[("title", "Updates")]).await;
    // Members do not see a draft at all; once published they read it.
    assert_eq!(member.get(&format!("/meetings/{meeting}")).await.status(), 404);
    let page = format!("/meetings/{meeting}");
    let published = coordinator
        .submit(&page, &format!("/meetings/{meeting}/status"), &[("step", "publish")])
        .await;
    assert_eq!(published.status(), 303);

    assert_eq!(member.get(&editor).await.status(), 403);
    assert_eq!(
        member.get(&format!("/meetings/{meeting}/attendance")).await.status(),
        403
    );
    let token = common::form_token(&member.page(&format!("/meetings/{meeting}")).await);
    let refused = member
        .post(&editor, &[("csrf_token", &token), ("title", "Sneaky")])
        .await;
    assert_eq!(refused.status(), 403);
    let refused_step = member
        .post(
            &format!("/meetings/{meeting}/status"),
            &[("csrf_token", &token), ("step", "publish")],
        )
        .await;
    assert_eq!(refused_step.status(), 403);
    // Members may read the minutes and watch the live screen.
    assert_eq!(
        member.get(&format!("/meetings/{meeting}/minutes.txt")).await.status(),
        200
    );

    // An item of the demo's closed meeting, addressed through this meeting, is not found.
    let foreign = app.id("SELECT min(id) AS id FROM agenda_items WHERE meeting_id <> 0 AND meeting_id IN (SELECT id FROM meetings WHERE status = 'closed')").await;
    let moved = coordinator
        .submit(
            &editor,
            &format!("/meetings/{meeting}/agenda/{foreign}/move"),
            &[("to", "down")],
        )
        .await;
    assert_eq!(moved.status(), 404);
    assert_eq!(
        coordinator
            .get(&format!("/meetings/{meeting}/agenda/{foreign}/edit"))
            .await
            .status(),
        404
    );
    let notes = coordinator
        .submit(
            &editor,
            &format!("/meetings/{meeting}/agenda/{foreign}/notes"),
            &[("version", "0"), ("notes", "x")],
        )
        .await;
    assert_eq!(notes.status(), 404);

    // A bad field names itself, keeps what was typed, and saves nothing.
    let bad = coordinator
        .submit(&editor, &editor, &[("title", "Workplan"), ("minutes_allotted", "ten")])
        .await;
    assert_eq!(bad.status(), 422);
    let body = bad.text().await.unwrap();
    assert!(
        body.contains("Minutes allotted") && body.contains(r#"value="Workplan""#),
        "{body}"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE meeting_id = {meeting}"
        ))
        .await,
        1
    );

    // Deleting asks first, then takes the sub-items along.
    let updates = item_id(&app, meeting, "Updates").await;
    coordinator
        .submit(
            &editor,
            &editor,
            &[("title", "Field"), ("parent", &updates.to_string())],
        )
        .await;
    let confirm = coordinator.page(&format!("{editor}/{updates}/delete")).await;
    assert!(confirm.contains("with its sub-item"), "{confirm}");
    let deleted = coordinator
        .submit(
            &format!("{editor}/{updates}/delete"),
            &format!("{editor}/{updates}/delete"),
            &[],
        )
        .await;
    assert_eq!(deleted.status(), 303);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE meeting_id = {meeting}"
        ))
        .await,
        0
    );
}

#[tokio::test]
async fn two_closes_at_once_close_once_and_a_background_move_returns_the_new_outline() {
    let app = spawn_app().await;
    app.load_demo().await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let meeting = draft_meeting(&app).await;
    let editor = format!("/meetings/{meeting}/agenda");
    for title in ["Review of action points", "Updates"] {
        coordinator.submit(&editor, &editor, &[("title", title)]).await;
    }

    // app.js sends a move with X-Partial and swaps in the renumbered list it gets back.
    let updates = item_id(&app, meeting, "Updates").await;
    let token = common::form_token(&coordinator.page(&editor).await);
    let partial = coordinator
        .client
        .post(coordinator.url(&format!("{editor}/{updates}/move")))
        .header("X-Partial", "agenda")
        .form(&[("csrf_token", token.as_str()), ("to", "up")])
        .send()
        .await
        .unwrap();
    assert_eq!(partial.status(), 200);
    let fragment = partial.text().await.unwrap();
    assert!(fragment.starts_with(r#"<section id="agenda-editor">"#), "{fragment}");
    assert_eq!(
        outline_lines(&fragment, "ol.agenda"),
        ["1 Updates", "2 Review of action points"]
    );

    let show = format!("/meetings/{meeting}");
    for step in ["publish", "start"] {
        coordinator
            .submit(&show, &format!("{show}/status"), &[("step", step)])
            .await;
    }
    let token = common::form_token(&coordinator.page(&show).await);
    let (path, fields) = (
        format!("{show}/status"),
        [("csrf_token", token.as_str()), ("step", "close")],
    );
    let (first, second) = tokio::join!(coordinator.post(&path, &fields), coordinator.post(&path, &fields));
    let mut statuses = [first.status().as_u16(), second.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [303, 409]);

    // A stranger to the group learns nothing about the meeting, not even its live state.
    let outsider = common::live::stranger(&app).await;
    assert_eq!(outsider.get(&format!("{show}/live/state")).await.status(), 404);
}

#[tokio::test]
async fn the_editor_numbers_sub_items_as_the_meeting_page_does() {
    let app = spawn_app().await;
    app.load_demo().await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let meeting = draft_meeting(&app).await;
    let editor = format!("/meetings/{meeting}/agenda");
    let mut parent = String::new();
    for title in ["Updates", "Field", "Akkar"] {
        let added = coordinator
            .submit(&editor, &editor, &[("title", title), ("parent", &parent)])
            .await;
        assert_eq!(added.status(), 303, "adding {title}");
        parent = item_id(&app, meeting, title).await.to_string();
    }
    coordinator.submit(&editor, &editor, &[("title", "AOB")]).await;

    let expected = ["1 Updates", "1.1 Field", "1.1.1 Akkar", "2 AOB"];
    let editor_page = coordinator.page(&editor).await;
    assert_eq!(outline_lines(&editor_page, "ol.agenda.editor"), expected);
    let meeting_page = coordinator.page(&format!("/meetings/{meeting}")).await;
    assert_eq!(outline_lines(&meeting_page, "ol.agenda"), expected);

    // The "add under" choice names each item by the same number.
    let document = scraper::Html::parse_document(&editor_page);
    let options = scraper::Selector::parse("select[name=parent] option").expect("selector");
    let parents: Vec<String> = document.select(&options).skip(1).map(|o| o.text().collect()).collect();
    assert_eq!(parents, expected);
}

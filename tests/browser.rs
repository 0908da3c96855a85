//! Browser tests: the app as a user sees it in headless chromium, with `static/app.js`
//! running. Only built with `--features e2e`; each test has its own app and browser.
#![cfg(feature = "e2e")]

mod common;

use common::browser::{Browser, TIMEOUT};
use common::{TestApp, spawn_app};

const TAB: &str = "\u{E004}";

async fn demo() -> (TestApp, i64) {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    (app, wg)
}

async fn coordinator(app: &TestApp) -> Browser {
    let browser = Browser::start().await;
    browser
        .sign_in(&app.address, "coordinator@example.org", "demo-coordinator")
        .await;
    browser
}

/// Chooses `value` in the `select` matching `css`, as a click on the option would.
async fn choose(browser: &Browser, css: &str, value: &str) {
    browser
        .find(&format!("{css} option[value='{value}']"))
        .await
        .click()
        .await;
}

#[tokio::test]
async fn the_coordinator_signs_in_and_sees_their_action_points() {
    let (app, _) = demo().await;
    let browser = coordinator(&app).await;

    assert_eq!(browser.current_url().await, format!("{}/", app.address));
    let heading = browser.wait_for("section.mine h2", TIMEOUT).await.text().await;
    assert!(heading.starts_with("Your action points"), "{heading}");
    assert!(
        !browser.find_all("section.mine tbody tr").await.is_empty(),
        "the coordinator owns demo action points"
    );
}

#[tokio::test]
async fn an_action_points_status_changes_in_place_without_leaving_the_page() {
    let (app, wg) = demo().await;
    let item = app
        .id("SELECT id FROM action_points WHERE text LIKE 'Share all key message%' AND status = 'open'")
        .await;
    let browser = coordinator(&app).await;
    let list = format!("{}/groups/{wg}/action-points", app.address);
    browser.goto(&list).await;
    let rows_before = browser.find_all("tbody tr").await.len();
    let status = format!("#action-point-{item} td.status");
    assert_eq!(browser.find(&format!("{status} .badge")).await.text().await, "Open");

    browser.execute("window.__marker = 1").await;
    choose(&browser, &format!("{status} select[name=status]"), "done").await;
    browser
        .find(&format!("{status} input[name=note]"))
        .await
        .type_text("Shared on Dropbox")
        .await;
    browser
        .find(&format!("{status} button[type=submit]"))
        .await
        .click()
        .await;

    let badge = browser.wait_for(&format!("{status} .badge.action-done"), TIMEOUT).await;
    assert_eq!(badge.text().await, "Done");
    assert_eq!(
        browser.find(&format!("{status} p.note")).await.text().await,
        "Shared on Dropbox"
    );
    assert_eq!(
        browser.execute("return window.__marker").await,
        1,
        "the page was not reloaded"
    );
    assert_eq!(browser.current_url().await, list);
    assert_eq!(
        browser.find_all("tbody tr").await.len(),
        rows_before,
        "one row replaced, none added"
    );

    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM action_points WHERE id = {item} AND status = 'done' AND status_note = 'Shared on Dropbox'"
        ))
        .await,
        1
    );
    browser.goto(&format!("{list}?status=all")).await;
    assert_eq!(browser.find(&format!("{status} .badge")).await.text().await, "Done");
}

#[tokio::test]
async fn a_workplan_tasks_status_changes_in_place_without_leaving_the_page() {
    let (app, wg) = demo().await;
    let task = app
        .id(&format!(
            "SELECT t.id FROM workplan_tasks t JOIN workplan_areas a ON a.id = t.area_id \
             WHERE a.group_id = {wg} AND a.name = 'Core Group' AND t.status <> 'delayed'"
        ))
        .await;
    let browser = coordinator(&app).await;
    let table = format!("{}/groups/{wg}/workplan", app.address);
    browser.goto(&table).await;
    let row = format!("#task-{task}");
    let status = format!("{row} td.status");
    let area_cell = browser.find(&format!("{row} [rowspan]")).await.text().await;

    browser.execute("window.__marker = 1").await;
    choose(&browser, &format!("{status} select[name=status]"), "delayed").await;
    let note = browser.find(&format!("{status} input[name=note]")).await;
    note.clear().await;
    note.type_text("Waiting for TORs").await;
    browser
        .find(&format!("{status} button[type=submit]"))
        .await
        .click()
        .await;

    let badge = browser
        .wait_for(&format!("{status} .badge.task-delayed"), TIMEOUT)
        .await;
    assert_eq!(badge.text().await, "Delayed");
    assert_eq!(
        browser.find(&format!("{status} p.note")).await.text().await,
        "Waiting for TORs"
    );
    assert_eq!(
        browser.find(&format!("{row} [rowspan]")).await.text().await,
        area_cell,
        "the row keeps its area's cell"
    );
    assert_eq!(
        browser.execute("return window.__marker").await,
        1,
        "the page was not reloaded"
    );
    assert_eq!(browser.current_url().await, table);

    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM workplan_tasks WHERE id = {task} AND status = 'delayed' AND progress_note = 'Waiting for TORs'"
        ))
        .await,
        1
    );
    browser.goto(&table).await;
    assert_eq!(browser.find(&format!("{status} .badge")).await.text().await, "Delayed");
}

#[tokio::test]
async fn the_new_action_point_form_is_labelled_and_tabs_through_in_order() {
    let (app, wg) = demo().await;
    let browser = coordinator(&app).await;
    browser
        .goto(&format!("{}/groups/{wg}/action-points/new", app.address))
        .await;
    let form = format!("form[action='/groups/{wg}/action-points']");
    let controls = browser
        .find_all(&format!(
            "{form} input:not([type=hidden]), {form} select, {form} textarea, {form} button"
        ))
        .await;
    let mut in_order = Vec::new();
    for control in &controls {
        in_order.push(control.attribute("name").await.unwrap_or_else(|| "submit".into()));
    }
    assert_eq!(
        in_order,
        ["topic", "text", "owners", "due_date", "meeting", "restricted", "submit"]
    );

    // What a screen reader announces: the text of the control's labels, or its aria-label.
    let unlabelled = browser
        .execute(&format!(
            "return [...document.querySelectorAll(\"{form} input:not([type=hidden]), {form} select, {form} textarea\")]
               .filter(c => ![...c.labels].some(l => l.textContent.trim()) && !c.getAttribute('aria-label')?.trim())
               .map(c => c.name)"
        ))
        .await;
    assert_eq!(unlabelled, serde_json::json!([]), "controls without a label");

    // From the first field, Tab visits every control once, in the order they appear.
    browser.find(&format!("{form} [name=topic]")).await.click().await;
    let focused_script =
        format!("const c = document.activeElement; return c.closest(\"{form}\") ? (c.name || 'submit') : null");
    let mut visited: Vec<String> = Vec::new();
    // Enough presses for every control and a date field's parts; more means focus is stuck.
    for _ in 0..3 * in_order.len() {
        let Some(name) = browser.execute(&focused_script).await.as_str().map(str::to_owned) else {
            break;
        };
        // A date field takes a Tab per part (day, month, year) before letting go.
        if visited.last() != Some(&name) {
            visited.push(name);
        }
        browser.press_key(TAB).await;
    }
    assert_eq!(visited, in_order, "the controls Tab reaches before leaving the form");
}

/// A meeting under way with one current item, set up over HTTP as the coordinator.
async fn meeting_under_way(app: &TestApp) -> i64 {
    let coordinator = app.sign_in_demo("coordinator").await;
    let meeting = common::live::draft_meeting(app).await;
    let editor = format!("/meetings/{meeting}/agenda");
    coordinator
        .submit(&editor, &editor, &[("title", "Updates from the field")])
        .await;
    let item = common::live::item_id(app, meeting, "Updates from the field").await;
    let show = format!("/meetings/{meeting}");
    for step in ["publish", "start"] {
        let answer = coordinator
            .submit(&show, &format!("{show}/status"), &[("step", step)])
            .await;
        assert_eq!(answer.status(), 303, "{step}");
    }
    let live = format!("/meetings/{meeting}/live");
    let current = coordinator
        .submit(&live, &format!("{live}/current"), &[("item", &item.to_string())])
        .await;
    assert_eq!(current.status(), 303);
    meeting
}

#[tokio::test]
async fn notes_saved_on_one_live_screen_appear_on_another_within_seconds() {
    let (app, _) = demo().await;
    let meeting = meeting_under_way(&app).await;
    let live = format!("{}/meetings/{meeting}/live", app.address);
    let note_taker = coordinator(&app).await;
    let watcher = Browser::start().await;
    watcher.sign_in(&app.address, "member@example.org", "demo-member").await;
    note_taker.goto(&live).await;
    watcher.goto(&live).await;
    assert!(
        watcher.find_all("form.notes").await.is_empty(),
        "a member watches the live screen without the notes form"
    );

    let notes = "Akkar reports 40 new unaccompanied children";
    note_taker
        .find("form.notes textarea[name=notes]")
        .await
        .type_text(notes)
        .await;
    note_taker
        .find("nav.live-toolbar button[form=notes-form]")
        .await
        .click()
        .await;
    note_taker.wait_for(".live-notes p", TIMEOUT).await;

    // The watcher's page polls and shows the saved notes without anyone reloading it.
    watcher
        .wait_until("the watcher sees the new notes", TIMEOUT, async |b| {
            b.execute("return document.querySelector('.live-notes')?.innerText ?? ''")
                .await
                .as_str()
                .is_some_and(|text| text.contains(notes))
        })
        .await;
}

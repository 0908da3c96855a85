//! Browser tests: the app as a user sees it in headless chromium, with `static/app.js`
//! running. Only built with `--features e2e`; each test has its own app and browser.
#![cfg(feature = "e2e")]

use crate::common;

use common::browser::{Browser, TIMEOUT};
use common::{TestApp, spawn_app};

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

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

/// A coordinator's workplan afternoon: the sheet the group keeps in Excel imported
/// (upload, preview, confirm), read as a table and as a timeline, one task's status
/// changed in place, and the workplan exported again as the file a coordinator mails.
async fn workplan_day(javascript: bool) {
    let app = spawn_app().await;
    let wg = crate::workplan_sheets::empty_group(&app).await;
    let sheet = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("workplan-{wg}-{javascript}.xlsx"));
    std::fs::write(&sheet, crate::workplan_sheets::reference_xlsx()).unwrap();
    let downloads = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("downloads-{wg}-{javascript}"));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads).unwrap();
    let browser = browser_with(javascript).await;
    browser
        .sign_in(&app.address, "coordinator@example.org", "demo-coordinator")
        .await;
    let table = format!("{}/groups/{wg}/workplan", app.address);

    // Import: the upload form, the preview of every row, the confirmation.
    browser.goto(&table).await;
    assert_eq!(enhanced(&browser).await, javascript);
    browser
        .find(&format!("a[href='/groups/{wg}/workplan/import']"))
        .await
        .click()
        .await;
    browser
        .wait_for("input[type=file][name=file]", TIMEOUT)
        .await
        .type_text(sheet.to_str().unwrap())
        .await;
    browser.find("form.upload button[type=submit]").await.click().await;
    let preview = browser.wait_for("p.notice", TIMEOUT).await.text().await;
    assert!(preview.starts_with("All 4 rows can be imported."), "{preview}");
    let rows = browser.text_now("table").await;
    assert!(rows.contains("Agree the terms of reference"), "{rows}");
    browser
        .find("form[action$='/confirm'] button[type=submit]")
        .await
        .click()
        .await;
    browser
        .wait_until("the import is done", TIMEOUT, async |b| {
            b.current_url().await.ends_with("/confirm")
        })
        .await;
    assert_eq!(
        browser.find("p.notice").await.text().await,
        "Tasks added: 4; updated: 0; unchanged: 0."
    );

    // The table: three areas, four tasks, the merged area cell carried down.
    browser.goto(&table).await;
    let tasks = browser.find_all("tr[id^=task-]").await;
    assert_eq!(tasks.len(), 4);
    let areas = browser.find_all("tr[id^=task-] [rowspan]").await;
    let names = [
        "Core Group",
        "Monitoring, Reporting and Assessment",
        "Policy and Implementation",
    ];
    assert_eq!(areas.len(), names.len());
    for (area, name) in areas.iter().zip(names) {
        let cell = area.text().await;
        assert!(cell.starts_with(name), "{cell} is not {name}");
    }

    // The status of the terms of reference, changed in place.
    let task = app
        .id("SELECT id FROM workplan_tasks WHERE title = 'Agree the terms of reference'")
        .await;
    let row = format!("#task-{task}");
    let status = format!("{row} td.status");
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
    let first_area = browser.find("tr[id^=task-] [rowspan]").await.text().await;
    assert!(
        first_area.starts_with("Core Group"),
        "the area's cell stays on its first row: {first_area}"
    );
    let reloaded = browser.execute("return window.__marker === undefined").await;
    assert_eq!(
        reloaded, !javascript,
        "only without JavaScript does the page load again"
    );

    // The timeline: a bar per dated task, the changed one in its new status.
    browser.goto(&format!("{table}/timeline")).await;
    browser.wait_for("svg.timeline", TIMEOUT).await;
    assert_eq!(browser.find_all("svg.timeline g[data-task]").await.len(), 4);
    let delayed = browser
        .find(&format!("svg.timeline g[data-task='{task}']"))
        .await
        .attribute("class")
        .await
        .unwrap_or_default();
    assert!(delayed.split(' ').any(|c| c == "task-delayed"), "{delayed}");

    // Export: the XLSX link downloads the four tasks, the change in them.
    browser.goto(&table).await;
    browser.download_to(&downloads).await;
    browser
        .find(&format!("a[href='/groups/{wg}/workplan.xlsx']"))
        .await
        .click()
        .await;
    // Chromium names the file before it has written all of it: wait until it reads.
    let mut exported = None;
    browser
        .wait_until("the workplan is downloaded", TIMEOUT, async |_| {
            exported = std::fs::read_dir(&downloads)
                .unwrap()
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|e| e == "xlsx"))
                .find_map(|path| {
                    let rows = convene::domain::spreadsheet::read_xlsx(&std::fs::read(&path).ok()?).ok()?;
                    Some((path.file_name()?.to_string_lossy().into_owned(), rows))
                });
            exported.is_some()
        })
        .await;
    let (name, exported) = exported.unwrap();
    assert!(name.starts_with("workplan-cpie-wg-"), "{name}");
    let cells: Vec<Vec<String>> = exported.into_iter().map(|row| row.cells).collect();
    let mut expected: Vec<Vec<String>> = crate::workplan_sheets::expected()
        .into_iter()
        .map(|row| row.into_iter().map(str::to_owned).collect())
        .collect();
    expected[2][5] = "Delayed".to_owned();
    // A sheet's reader ends a row at its last filled cell.
    for row in &mut expected {
        while row.last().is_some_and(String::is_empty) {
            row.pop();
        }
    }
    assert_eq!(cells, expected);
}

#[tokio::test]
async fn a_workplan_comes_in_from_excel_changes_in_place_and_goes_out_again() {
    workplan_day(true).await;
}

#[tokio::test]
async fn a_workplan_comes_in_and_goes_out_without_javascript() {
    workplan_day(false).await;
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

/// A meeting under way at the first of its two items, set up over HTTP as the coordinator.
async fn meeting_under_way(app: &TestApp) -> i64 {
    let coordinator = app.sign_in_demo("coordinator").await;
    let meeting = common::live::draft_meeting(app).await;
    let editor = format!("/meetings/{meeting}/agenda");
    for title in ["Updates from the field", "AOB"] {
        coordinator.submit(&editor, &editor, &[("title", title)]).await;
    }
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

/// axe-core, the accessibility checker, as npm publishes it (see its LICENSE beside it).
const AXE: &str = include_str!("fixtures/axe-core/axe.min.js");

/// A laptop and a phone (an iPhone 12 to 15 is 390 CSS pixels wide).
const WIDTHS: [(u32, u32); 2] = [(1280, 900), (390, 844)];

/// Where screenshots of the main pages go, for people to look at (not compared).
fn screenshot_dir() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target directory")
        .join("e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("a directory for screenshots");
    dir
}

/// The serious and critical problems axe finds on the current page, one line each.
async fn serious_accessibility_problems(browser: &Browser) -> Vec<String> {
    browser.execute(AXE).await;
    let found = browser
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then(r => done({
                 checked: r.passes.length + r.violations.length,
                 problems: r.violations
                   .filter(v => v.impact === 'serious' || v.impact === 'critical')
                   .map(v => `${v.impact} ${v.id}: ${v.help}; at ${v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ')}`),
               }))
               .catch(e => done({ checked: 0, problems: [`axe failed: ${e}`] }));",
        )
        .await;
    assert!(found["checked"].as_u64() > Some(10), "axe ran its rules: {found}");
    serde_json::from_value(found["problems"].clone()).expect("a list of problems")
}

/// The main pages a coordinator works with, by a short name for their screenshots.
async fn main_pages(app: &TestApp, wg: i64) -> Vec<(&'static str, String)> {
    let reviewed = app
        .id("SELECT m.id FROM meetings m JOIN groups g ON g.id = m.group_id \
             WHERE g.short_name = 'CPiE WG' AND m.starts_at = '2014-06-11 14:00:00+03'")
        .await;
    let under_way = meeting_under_way(app).await;
    let action_point = app
        .id("SELECT min(id) AS id FROM action_points WHERE text LIKE 'Share all key message%'")
        .await;
    [
        ("home", "/".to_owned()),
        ("meetings", "/meetings".to_owned()),
        ("meeting", format!("/meetings/{reviewed}")),
        ("minutes", format!("/meetings/{reviewed}/minutes")),
        ("agenda-editor", format!("/meetings/{under_way}/agenda")),
        ("live", format!("/meetings/{under_way}/live")),
        ("live-projector", format!("/meetings/{under_way}/live#projector")),
        ("group", format!("/groups/{wg}")),
        ("group-action-points", format!("/groups/{wg}/action-points")),
        ("action-points", "/action-points".to_owned()),
        ("action-point", format!("/action-points/{action_point}")),
        ("workplan", format!("/groups/{wg}/workplan")),
        ("timeline", format!("/groups/{wg}/workplan/timeline")),
        ("directory", "/directory".to_owned()),
        ("organizations", "/organizations".to_owned()),
        ("profile", "/account/profile".to_owned()),
    ]
    .into_iter()
    .map(|(name, path)| (name, format!("{}{path}", app.address)))
    .collect()
}

/// At a laptop's and a phone's width: axe finds no serious problem, nothing scrolls
/// sideways, and each page's screenshot is kept.
#[tokio::test]
async fn every_main_page_is_accessible_and_fits_a_phone() {
    let (app, wg) = demo().await;
    let dir = screenshot_dir();
    let mut problems = Vec::new();
    let visitor = Browser::start().await;
    let sign_in = format!("{}/login", app.address);
    let browser = coordinator(&app).await;
    let pages = main_pages(&app, wg).await;
    for (width, height) in WIDTHS {
        visitor.resize(width, height).await;
        visitor.goto(&sign_in).await;
        check_page(&visitor, "sign-in", width, &dir, &mut problems).await;
        browser.resize(width, height).await;
        for (name, url) in &pages {
            browser.goto(url).await;
            check_page(&browser, name, width, &dir, &mut problems).await;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The meeting page in each language at a laptop's and a phone's width, kept as
/// screenshots; in Arabic it reads right to left: nothing scrolls sideways on the phone
/// and the agenda's numbers stand at the right edge, where each line begins.
#[tokio::test]
async fn the_meeting_page_reads_in_four_languages_and_right_to_left_in_arabic() {
    let (app, _) = demo().await;
    let meeting = app
        .id("SELECT m.id FROM meetings m JOIN groups g ON g.id = m.group_id \
             WHERE g.short_name = 'CPiE WG' AND m.starts_at = '2014-06-11 14:00:00+03'")
        .await;
    let dir = screenshot_dir();
    for (lang, when) in [
        ("en", "Wednesday, 11 June 2014"),
        ("fr", "mercredi 11 juin 2014"),
        ("es", "miércoles, 11 de junio de 2014"),
        ("ar", "الأربعاء، ١١ يونيو ٢٠١٤"),
    ] {
        let browser = Browser::start_in(lang).await;
        browser
            .sign_in(&app.address, "coordinator@example.org", "demo-coordinator")
            .await;
        browser.goto(&format!("{}/meetings/{meeting}", app.address)).await;
        let html = browser.find("html").await;
        assert_eq!(html.attribute("lang").await.as_deref(), Some(lang));
        let summary = browser.find("dl.summary").await.text().await;
        assert!(summary.contains(when), "{lang}: {summary}");
        for (width, height) in WIDTHS {
            browser.resize(width, height).await;
            browser
                .screenshot(&dir.join(format!("meeting-{lang}-{width}.png")))
                .await;
        }
        // At the phone's width, the last one above.
        let layout = browser
            .execute(
                "const page = document.documentElement;
                 const num = document.querySelector('ol.agenda li .num').getBoundingClientRect();
                 const line = document.querySelector('ol.agenda li').getBoundingClientRect();
                 return { dir: page.dir, scroll: page.scrollWidth, client: page.clientWidth,
                          num: [num.left, num.right], line: [line.left, line.right] };",
            )
            .await;
        let at = |key: &str, i: usize| layout[key][i].as_f64().expect("a position");
        let (num_left, num_right, line_left, line_right) = (at("num", 0), at("num", 1), at("line", 0), at("line", 1));
        let client = layout["client"].as_f64().expect("a width");
        if lang == "ar" {
            assert_eq!(layout["dir"], "rtl");
            assert!(
                layout["scroll"].as_f64() <= Some(client),
                "the Arabic page scrolls sideways at 390 px: {layout}"
            );
            // Flush with the line's end bar its padding (0.5rem), well inside the right half.
            assert!(
                line_right - num_right <= 9.0,
                "the first number is not at the right edge: {layout}"
            );
            assert!(
                num_left > client / 2.0,
                "the first number is not on the right: {layout}"
            );
        } else {
            assert_eq!(layout["dir"], "ltr");
            assert!(
                num_left - line_left <= 9.0,
                "{lang}: the first number is not at the left edge: {layout}"
            );
        }
    }
}

async fn check_page(browser: &Browser, name: &str, width: u32, dir: &std::path::Path, problems: &mut Vec<String>) {
    browser.screenshot(&dir.join(format!("{name}-{width}.png"))).await;
    for problem in serious_accessibility_problems(browser).await {
        problems.push(format!("{name} at {width} px: {problem}"));
    }
    let overflow = browser
        .execute("const e = document.documentElement; return [e.scrollWidth, e.clientWidth]")
        .await;
    let (scroll, client) = (overflow[0].as_u64(), overflow[1].as_u64());
    if scroll > client {
        problems.push(format!(
            "{name} at {width} px scrolls sideways: {scroll:?} px wide in {client:?}"
        ));
    }
}

/// What the browser fetched for the current page, compressed as sent: the HTML, and the
/// stylesheet and script when they did not come from its cache.
async fn transferred_bytes(browser: &Browser) -> (u64, u64) {
    let sizes = browser
        .execute(
            "const page = performance.getEntriesByType('navigation')[0].transferSize;
             const assets = performance.getEntriesByType('resource')
               .filter(r => r.name.includes('/static/'))
               .reduce((sum, r) => sum + r.transferSize, 0);
             return [page, assets]",
        )
        .await;
    (
        sizes[0].as_u64().expect("the page's size"),
        sizes[1].as_u64().expect("the assets' size"),
    )
}

/// A first visit costs at most 15 KB (HTML, CSS and JavaScript, compressed), a later
/// page at most 5 KB of HTML: the stylesheet and script come from the cache.
#[tokio::test]
async fn pages_stay_light_on_a_slow_connection() {
    let (app, wg) = demo().await;
    let browser = coordinator(&app).await;
    let pages = main_pages(&app, wg).await;
    // A fresh browser: the first page fetches the stylesheet and the script.
    let first = Browser::start().await;
    first.goto(&format!("{}/login", app.address)).await;
    let (login, assets) = transferred_bytes(&first).await;
    assert!(assets > 0, "the sign-in page fetched its stylesheet and script");
    let mut table = vec![format!("sign-in: {login} B HTML, {assets} B CSS and JavaScript")];
    let mut too_heavy = Vec::new();
    for (name, url) in &pages {
        browser.goto(url).await;
        let (html, cached_assets) = transferred_bytes(&browser).await;
        assert_eq!(
            cached_assets, 0,
            "{name}: the stylesheet and script come from the cache"
        );
        table.push(format!("{name}: {html} B HTML, {} B on a first visit", html + assets));
        if html + assets > 15 * 1024 || html > 5 * 1024 {
            too_heavy.push(name);
        }
    }
    eprintln!("transferred per page:\n{}", table.join("\n"));
    assert!(too_heavy.is_empty(), "too heavy: {too_heavy:?}\n{}", table.join("\n"));
}

/// The focused element's text and whether it shows a focus ring (a solid outline of at
/// least 2 px).
async fn focused(browser: &Browser) -> (String, bool) {
    let focus = browser
        .execute(
            "const e = document.activeElement; const s = getComputedStyle(e);
             return [e.textContent.trim(), s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2]",
        )
        .await;
    (
        focus[0].as_str().unwrap_or_default().to_owned(),
        focus[1].as_bool().unwrap_or_default(),
    )
}

/// What five Tab presses from the top of the page reach, each checked for a focus ring;
/// the first lands on the skip link, and Enter follows it past the header.
async fn five_tabs(browser: &Browser) -> Vec<String> {
    let mut reached = Vec::new();
    for press in 0..5 {
        browser.press_key(TAB).await;
        let (text, ring) = focused(browser).await;
        assert!(ring, "{text:?} shows where the focus is");
        reached.push(text);
        if press == 0 {
            assert_eq!(reached[0], "Skip to the content");
            browser.press_key(ENTER).await;
        }
    }
    reached
}

#[tokio::test]
async fn on_the_live_screen_the_keyboard_reaches_next_item_and_save_notes_in_five_tabs() {
    let (app, _) = demo().await;
    let meeting = meeting_under_way(&app).await;
    let browser = coordinator(&app).await;
    let live = format!("{}/meetings/{meeting}/live", app.address);
    for (width, height) in WIDTHS {
        browser.resize(width, height).await;
        browser.goto(&live).await;
        let reached = five_tabs(&browser).await;
        for wanted in ["Next item →", "Save notes"] {
            assert!(
                reached.iter().any(|t| t == wanted),
                "{wanted:?} within 5 Tabs at {width} px: {reached:?}"
            );
        }
    }
}

/// An open item of the demo member, due on 10 May 2030, and the reminder mail the
/// planner and worker send for it on 7 May, with links to the test app.
async fn reminded_member(app: &TestApp) -> (i64, common::mail::Received) {
    let wg = common::live::working_group(app).await;
    let item = app
        .id(&format!(
            "INSERT INTO action_points (group_id, number, topic, text, due_date) \
             VALUES ({wg}, 9101, 'Referrals', 'Share the referral pathway map', '2030-05-10') RETURNING id"
        ))
        .await;
    app.id(&format!(
        "INSERT INTO action_point_owners (action_point_id, user_id) \
         SELECT {item}, id FROM users WHERE email = 'member@example.org' RETURNING action_point_id AS id"
    ))
    .await;
    let now = chrono::DateTime::parse_from_rfc3339("2030-05-07T06:00:00Z")
        .unwrap()
        .to_utc();
    let settings = convene::mail::MailSettings {
        base_url: url::Url::parse(&format!("{}/", app.address)).unwrap(),
    };
    let smtp = common::mail::SmtpServer::start().await;
    convene::jobs::planner::run_once(&mut app.db.conn().await, &settings, now)
        .await
        .unwrap();
    common::mail::deliver(app, &smtp, now).await;
    let received = smtp.received();
    let mails = common::mail::to(&received, "member@example.org");
    assert_eq!(mails.len(), 1, "one reminder for the member");
    (item, mails[0].clone())
}

/// The member's day: the reminder's link, the item set done without signing in, then
/// signed in, the item among theirs with the update in its history.
async fn member_day(javascript: bool) {
    let (app, _) = demo().await;
    let (item, reminder) = reminded_member(&app).await;
    let text = reminder.text();
    assert!(text.contains("Share the referral pathway map"), "{text}");
    let link = text
        .split_whitespace()
        .find(|word| word.starts_with(&format!("{}/action-points/{item}/update/", app.address)))
        .unwrap_or_else(|| panic!("an update link in the reminder:\n{text}"));
    let browser = browser_with(javascript).await;
    browser.resize(390, 844).await;
    browser.goto(link).await;
    assert_eq!(enhanced(&browser).await, javascript);
    assert_eq!(
        browser.find("p.item-text").await.text().await,
        "Share the referral pathway map"
    );
    choose(&browser, "select[name=status]", "done").await;
    browser
        .find("textarea[name=note]")
        .await
        .type_text("Map shared with the field hubs")
        .await;
    browser.find("form button[type=submit]").await.click().await;
    let notice = browser.wait_for("p.notice", TIMEOUT).await.text().await;
    assert!(notice.starts_with("Thank you: the status is saved"), "{notice}");

    browser.sign_in(&app.address, "member@example.org", "demo-member").await;
    browser
        .goto(&format!("{}/action-points?owner=me&status=all", app.address))
        .await;
    assert_eq!(browser.find("h1").await.text().await, "Your action points");
    let row = format!("#action-point-{item}");
    assert_eq!(
        browser.find(&format!("{row} td.status .badge")).await.text().await,
        "Done"
    );
    browser
        .find(&format!("{row} a[href='/action-points/{item}']"))
        .await
        .click()
        .await;
    let history = browser.wait_for("table.history", TIMEOUT).await.text().await;
    assert!(history.contains("Map shared with the field hubs"), "{history}");
    assert!(history.contains("by email link"), "{history}");
}

#[tokio::test]
async fn a_member_sets_an_item_done_from_the_reminder_mail_then_finds_it_signed_in() {
    member_day(true).await;
}

#[tokio::test]
async fn a_member_does_the_same_without_javascript() {
    member_day(false).await;
}

async fn browser_with(javascript: bool) -> Browser {
    if javascript {
        Browser::start().await
    } else {
        Browser::start_without_javascript().await
    }
}

/// Whether `app.js` ran on the current page: it marks the document as it starts.
async fn enhanced(browser: &Browser) -> bool {
    browser
        .execute("return document.documentElement.classList.contains('js')")
        .await
        .as_bool()
        .expect("true or false")
}

/// The agenda as "number title" lines, as the page at hand shows it.
async fn outline(browser: &Browser, list: &str) -> Vec<String> {
    let lines = browser
        .execute(&format!(
            "return [...document.querySelectorAll('{list} > li')]
               .map(li => li.querySelector('.num').textContent + ' ' + li.querySelector('.title').textContent)"
        ))
        .await;
    serde_json::from_value(lines).expect("lines")
}

/// Waits until the agenda editor lists `title`: the editor is on the page before the
/// item is saved too.
async fn in_the_editor(browser: &Browser, title: &str) {
    browser
        .wait_until(&format!("{title} in the agenda editor"), TIMEOUT, async |b| {
            outline(b, "ol.agenda.editor")
                .await
                .iter()
                .any(|line| line.ends_with(title))
        })
        .await;
}

/// Clicks the submit button whose text is `label` in the form matching `form`.
async fn press(browser: &Browser, form: &str, label: &str) {
    let buttons = browser.find_all(&format!("{form} button[type=submit]")).await;
    for button in &buttons {
        if button.text().await == label {
            button.click().await;
            return;
        }
    }
    panic!("no button {label:?} in {form} on {}", browser.current_url().await);
}

/// The coordinator's day, each step checked on the page as they see it: next week's
/// meeting scheduled from the last one's agenda, an item and a sub-item added, published;
/// then run live (next item, notes, attendance, two action points, two updates in the
/// review), closed, the minutes read, and the minutes mail found at the SMTP server.
async fn coordinator_day(javascript: bool) {
    let (app, wg) = demo().await;
    let browser = browser_with(javascript).await;
    browser
        .sign_in(&app.address, "coordinator@example.org", "demo-coordinator")
        .await;
    assert_eq!(enhanced(&browser).await, javascript);
    let next_week = (chrono::Utc::now() + chrono::Duration::days(7)).date_naive();

    // Schedule: the form starts from the previous meeting's agenda.
    browser.goto(&format!("{}/groups/{wg}/meetings/new", app.address)).await;
    let form = format!("form[action='/groups/{wg}/meetings']");
    browser
        .find(&format!("{form} [name=title]"))
        .await
        .type_text("CPiE WG monthly meeting")
        .await;
    // A date field takes typing in the browser's own format; its value is ISO everywhere.
    browser
        .execute(&format!(
            "document.querySelector(\"{form} [name=date]\").value = '{next_week}'"
        ))
        .await;
    assert_eq!(
        browser
            .find(&format!("{form} [name=agenda] option:checked"))
            .await
            .attribute("value")
            .await
            .as_deref(),
        Some("previous")
    );
    press(&browser, &form, "Save the meeting").await;
    browser.wait_for("nav.meeting-controls", TIMEOUT).await;
    let meeting: i64 = browser
        .current_url()
        .await
        .rsplit('/')
        .next()
        .and_then(|id| id.split(['?', '#']).next()?.parse().ok())
        .expect("the new meeting's page");
    let show = format!("{}/meetings/{meeting}", app.address);
    assert!(
        browser
            .find("h1")
            .await
            .text()
            .await
            .starts_with("CPiE WG monthly meeting")
    );

    // The agenda: the previous one's items, then one item and a sub-item of it.
    browser.goto(&format!("{show}/agenda")).await;
    let seeded = outline(&browser, "ol.agenda.editor").await;
    assert!(seeded[0].starts_with("1 Review"), "{seeded:?}");
    assert!(
        seeded.iter().any(|line| line.starts_with("2.1 ")),
        "sub-items copied: {seeded:?}"
    );
    let top_level = seeded
        .iter()
        .filter(|line| !line.split(' ').next().unwrap().contains('.'))
        .count();
    let add = format!("form[action='/meetings/{meeting}/agenda']");
    browser
        .find(&format!("{add} [name=title]"))
        .await
        .type_text("Protection monitoring")
        .await;
    press(&browser, &add, "Add item").await;
    in_the_editor(&browser, "Protection monitoring").await;
    let parent = app
        .id(&format!(
            "SELECT id FROM agenda_items WHERE meeting_id = {meeting} AND title = 'Protection monitoring'"
        ))
        .await;
    browser
        .find(&format!("{add} [name=title]"))
        .await
        .type_text("Akkar flood response")
        .await;
    choose(&browser, &format!("{add} [name=parent]"), &parent.to_string()).await;
    press(&browser, &add, "Add item").await;
    in_the_editor(&browser, "Akkar flood response").await;
    let number = top_level + 1;
    let lines = outline(&browser, "ol.agenda.editor").await;
    assert_eq!(
        lines[lines.len() - 2..],
        [
            format!("{number} Protection monitoring"),
            format!("{number}.1 Akkar flood response")
        ]
    );

    // Publish, then on the day start it: the live screen opens.
    browser.goto(&show).await;
    press(&browser, "nav.meeting-controls", "Publish").await;
    browser.wait_for("span.badge.meeting-scheduled", TIMEOUT).await;
    press(&browser, "nav.meeting-controls", "Start the meeting").await;
    browser
        .wait_until("the live screen opens", TIMEOUT, async |b| {
            b.current_url().await.ends_with("/live")
        })
        .await;
    press(&browser, "nav.live-toolbar", "Next item →").await;
    let current = browser.wait_for(".live-current h2", TIMEOUT).await.text().await;
    assert!(current.starts_with("1 Review"), "{current}");
    press(&browser, "nav.live-toolbar", "Next item →").await;
    browser
        .wait_until("the second item is current", TIMEOUT, async |b| {
            b.text_now(".live-current h2").await.starts_with("2 ")
        })
        .await;
    let notes = "Akkar reports 40 new unaccompanied children";
    browser
        .find("form.notes textarea[name=notes]")
        .await
        .type_text(notes)
        .await;
    browser
        .find("nav.live-toolbar button[form=notes-form]")
        .await
        .click()
        .await;
    browser
        .wait_until("the notes are saved and shown", TIMEOUT, async |b| {
            b.text_now(".live-notes").await.contains(notes)
        })
        .await;

    // Two new action points raised under the current item.
    for (text, owner) in [
        ("Share the Akkar caseload figures", "Nadia Haddad"),
        ("Brief the field hubs on referrals", "Omar"),
    ] {
        let raise = "#live-action-point form";
        browser
            .find(&format!("{raise} [name=text]"))
            .await
            .type_text(text)
            .await;
        let picked = browser
            .execute(&format!(
                "const o = [...document.querySelectorAll(\"{raise} select[name=owners] option\")]
                   .find(o => o.textContent.includes('{owner}')); if (o) o.selected = true; return !!o"
            ))
            .await;
        assert_eq!(picked, true, "an owner called {owner}");
        press(&browser, raise, "Add action point").await;
        browser
            .wait_until(&format!("{text} is listed"), TIMEOUT, async |b| {
                b.text_now("#live-raised").await.contains(text)
            })
            .await;
    }

    // Attendance: two members present.
    browser.goto(&format!("{show}/attendance")).await;
    let radios = browser
        .find_all("#attendance-members input[type=radio][value=present]")
        .await;
    assert!(radios.len() >= 2, "members to mark present");
    for radio in &radios[..2] {
        radio.click().await;
    }
    press(&browser, "#attendance-members form", "Save attendance").await;
    browser.wait_for("#attendance-members", TIMEOUT).await;

    // Two updates in the review table on the meeting's page.
    browser.goto(&show).await;
    for note in ["Shared on Dropbox", "Draft circulated"] {
        let form = browser
            .execute(
                "const f = [...document.querySelectorAll('table.review form.inline')]
                   .find(f => f.querySelector('select[name=status]').value !== 'done');
                 f.querySelector('select[name=status]').value = 'done';
                 return f.getAttribute('action')",
            )
            .await;
        let action = form.as_str().expect("an open item in the review").to_owned();
        let form = format!("table.review form[action='{action}']");
        browser
            .find(&format!("{form} input[name=note]"))
            .await
            .type_text(note)
            .await;
        press(&browser, &form, "Update").await;
        browser
            .wait_until(&format!("the review shows {note:?}"), TIMEOUT, async |b| {
                b.text_now("table.review").await.contains(note)
            })
            .await;
    }

    // Close, then the minutes: notes, attendance and the new action points.
    browser.goto(&show).await;
    press(&browser, "nav.meeting-controls", "Close the meeting").await;
    browser.wait_for("span.badge.meeting-closed", TIMEOUT).await;
    browser.goto(&format!("{show}/minutes")).await;
    let minutes = browser.find("main").await.text().await;
    for expected in [
        notes,
        "Share the Akkar caseload figures",
        "Brief the field hubs on referrals",
        "Protection monitoring",
    ] {
        assert!(minutes.contains(expected), "the minutes show {expected:?}:\n{minutes}");
    }

    // The minutes mail at the SMTP server.
    let smtp = common::mail::SmtpServer::start().await;
    common::mail::deliver(&app, &smtp, chrono::Utc::now()).await;
    let received = smtp.received();
    let to_member = common::mail::to(&received, "member@example.org");
    assert!(
        to_member
            .iter()
            .any(|m| m.subject().contains("inutes") && m.text().contains(notes)),
        "the member receives the minutes with the notes: {:?}",
        to_member.iter().map(|m| m.subject()).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn a_coordinators_day_from_scheduling_to_the_minutes_mail() {
    coordinator_day(true).await;
}

#[tokio::test]
async fn a_coordinators_day_without_javascript() {
    coordinator_day(false).await;
}

/// On a touch screen every control outside running text is at least 44 × 44 px.
#[tokio::test]
async fn on_a_touch_screen_every_control_is_big_enough_for_a_finger() {
    let (app, wg) = demo().await;
    let browser = coordinator(&app).await;
    browser.resize(390, 844).await;
    browser.emulate_touch().await;
    let mut small = Vec::new();
    for (name, url) in main_pages(&app, wg).await {
        browser.goto(&url).await;
        assert_eq!(
            browser.execute("return matchMedia('(pointer: coarse)').matches").await,
            true,
            "the page sees a touch screen"
        );
        // Links inside a sentence or a list's line are exempt (WCAG 2.5.8), as are the
        // skip link and what the closed menu hides.
        let found = browser
            .execute(
                "return [...document.querySelectorAll('button, select, input:not([type=hidden]), textarea, summary, a')]
                   .filter(e => e.getClientRects().length && !e.matches('a.skip, p a, li a, dd a, .prose a'))
                   .map(e => [e, e.getBoundingClientRect()])
                   .filter(([e, r]) => r.width < 44 || r.height < 44)
                   .map(([e, r]) => `${e.tagName.toLowerCase()} ${JSON.stringify(e.textContent.trim().slice(0, 30))} ${Math.round(r.width)}×${Math.round(r.height)}`)",
            )
            .await;
        for control in found.as_array().expect("a list") {
            small.push(format!("{name}: {}", control.as_str().unwrap_or_default()));
        }
    }
    assert!(small.is_empty(), "smaller than 44 × 44 px:\n{}", small.join("\n"));
}

//! How many SQL statements each key page sends, as `/metrics` counts them per request:
//! each stays within its bound, and the same whether the group has a handful of items,
//! meetings, tasks, members and sub-groups or hundreds (an N+1 would grow with them).

use crate::common;

use common::api::{Script, script_of};
use common::{TestApp, Visitor, sample, spawn_app};
use diesel_async::RunQueryDsl;

/// A key page: where it is, the route pattern it is counted under, and the most
/// statements it may send.
struct Page {
    path: String,
    route: &'static str,
    bound: u32,
}

/// Who looks at the pages.
struct Readers {
    coordinator: Visitor,
    member: Visitor,
    api: Script,
    scraper: Visitor,
}

async fn statements_sum(scraper: &Visitor, route: &str) -> f64 {
    let response = scraper.get("/metrics").await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    let series = format!(r#"convene_database_statements_per_request_sum{{method="GET",route="{route}"}}"#);
    sample(&text, &series).unwrap_or(0.0)
}

/// The statements one GET of `page` sent, as `reader` (`None`: through the API).
async fn count(readers: &Readers, reader: Option<&Visitor>, page: &Page) -> u32 {
    let before = statements_sum(&readers.scraper, page.route).await;
    match reader {
        Some(visitor) => {
            visitor.page(&page.path).await;
        }
        None => {
            let answer = readers.api.get(&page.path).await;
            assert_eq!(answer.status, 200, "GET {}: {}", page.path, answer.body);
        }
    }
    let after = statements_sum(&readers.scraper, page.route).await;
    (after - before) as u32
}

async fn execute(app: &TestApp, sql: &str) {
    diesel::sql_query(sql)
        .execute(&mut app.db.conn().await)
        .await
        .unwrap_or_else(|e| panic!("{e}: {sql}"));
}

/// Grows the working group set-based: `n` more items (with three status notes each,
/// owned by a person, an organisation and a role), closed meetings, workplan tasks, members,
/// and a tenth as many sub-groups, each with an area, a task and an item of its own.
async fn grow(app: &TestApp, wg: i64, n: i64) {
    execute(app, &format!(
        "INSERT INTO organizations (name, kind) SELECT 'Grown organisation ' || i, 'ingo' FROM generate_series(1, {n}) i"
    )).await;
    execute(
        app,
        &format!(
            "INSERT INTO users (email, name, organization_id) \
         SELECT 'grown' || i || '@example.org', 'Grown person ' || i, \
                (SELECT id FROM organizations WHERE name = 'Grown organisation ' || i) \
         FROM generate_series(1, {n}) i"
        ),
    )
    .await;
    execute(
        app,
        &format!(
            "INSERT INTO memberships (group_id, user_id, role, since) \
         SELECT {wg}, id, 'member', '2013-01-01' FROM users WHERE email LIKE 'grown%'"
        ),
    )
    .await;
    execute(
        app,
        &format!(
            "INSERT INTO groups (parent_id, name, short_name, kind, time_zone) \
         SELECT {wg}, 'Grown sub-group ' || i, 'GSG ' || i, 'sub_group', 'Asia/Beirut' \
         FROM generate_series(1, {}) i",
            n / 10
        ),
    )
    .await;
    execute(app, &format!(
        "INSERT INTO meetings (group_id, title, starts_at, status, published_at, closed_at) \
         SELECT {wg}, 'Grown meeting ' || i, t, 'closed', t - interval '7 days', t + interval '2 hours' \
         FROM generate_series(1, {n}) i, LATERAL (SELECT timestamptz '2012-01-02 09:00Z' + i * interval '1 day') AS s(t)"
    )).await;
    // Items of the group and of its sub-groups, raised before the reviewed meetings.
    execute(
        app,
        &format!(
            "INSERT INTO action_points (group_id, number, topic, text, due_date, status, created_at) \
         SELECT g.id, coalesce((SELECT max(number) FROM action_points WHERE group_id = g.id), 0) + i, \
                'Grown topic ' || (i % 40), 'Grown item ' || i || ' about data', \
                date '2014-01-01' + (i % 300), CASE WHEN i % 4 = 0 THEN 'done' ELSE 'open' END, \
                timestamptz '2014-01-01 09:00Z' + i * interval '1 minute' \
         FROM groups g, generate_series(1, CASE WHEN g.id = {wg} THEN {n} ELSE 1 END) i \
         WHERE g.id = {wg} OR g.short_name LIKE 'GSG %'"
        ),
    )
    .await;
    execute(
        app,
        "INSERT INTO action_point_updates (action_point_id, new_status, note, via, created_at) \
         SELECT ap.id, 'in_progress', 'Grown note ' || k, 'web', ap.created_at + k * interval '1 day' \
         FROM action_points ap, generate_series(1, 3) k WHERE ap.text LIKE 'Grown item %'",
    )
    .await;
    execute(
        app,
        "INSERT INTO action_point_owners (action_point_id, role) \
         SELECT id, 'member' FROM action_points WHERE text LIKE 'Grown item %'",
    )
    .await;
    execute(app, "INSERT INTO action_point_owners (action_point_id, user_id) \
         SELECT id, (SELECT id FROM users WHERE email = 'member@example.org') FROM action_points WHERE text LIKE 'Grown item %'").await;
    execute(
        app,
        "INSERT INTO action_point_owners (action_point_id, organization_id) \
         SELECT ap.id, o.id FROM action_points ap JOIN organizations o ON o.name = 'Grown organisation ' || ap.number \
         WHERE ap.text LIKE 'Grown item %'",
    )
    .await;
    execute(
        app,
        "INSERT INTO workplan_areas (group_id, name, position) \
         SELECT g.id, 'Grown area', 100 FROM groups g \
         WHERE g.short_name LIKE 'GSG %' OR g.id = (SELECT id FROM groups WHERE short_name = 'CPiE WG')",
    )
    .await;
    execute(
        app,
        &format!(
            "INSERT INTO workplan_tasks (area_id, position, title, start_date, end_date, status) \
         SELECT a.id, i, 'Grown task ' || i, date '2014-01-01' + i, date '2014-03-01' + i, 'on_track' \
         FROM workplan_areas a JOIN groups g ON g.id = a.group_id, \
              generate_series(1, CASE WHEN g.id = {wg} THEN {n} ELSE 1 END) i \
         WHERE a.name = 'Grown area'"
        ),
    )
    .await;
    execute(
        app,
        "INSERT INTO workplan_task_owners (task_id, role) \
         SELECT id, 'member' FROM workplan_tasks WHERE title LIKE 'Grown task %'",
    )
    .await;
    execute(app, "ANALYZE").await;
}

#[tokio::test]
async fn key_pages_send_a_bounded_number_of_statements_whatever_the_history() {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    let closed = app
        .id(&format!(
            "SELECT id FROM meetings WHERE group_id = {wg} AND status = 'closed' ORDER BY starts_at DESC LIMIT 1"
        ))
        .await;
    let upcoming = app
        .id(&format!(
            "SELECT id FROM meetings WHERE group_id = {wg} AND status = 'scheduled' ORDER BY starts_at LIMIT 1"
        ))
        .await;
    execute(
        &app,
        &format!("UPDATE meetings SET status = 'in_progress' WHERE id = {upcoming}"),
    )
    .await;
    let readers = Readers {
        coordinator: app.sign_in_demo("coordinator").await,
        member: app.sign_in_demo("member").await,
        api: script_of(&app, "coordinator@example.org").await,
        scraper: app.visitor(),
    };
    let page = |path: String, route: &'static str, bound: u32| Page { path, route, bound };
    let pages = [
        (page("/".into(), "/", 10), "member"),
        (page("/action-points".into(), "/action-points", 10), "member"),
        (
            page(format!("/groups/{wg}/action-points"), "/groups/{id}/action-points", 15),
            "coordinator",
        ),
        (
            page(format!("/groups/{wg}/action-points"), "/groups/{id}/action-points", 15),
            "member",
        ),
        (
            page(
                format!("/groups/{wg}/action-points?status=all&topic=Grown+topic+3&q=data&sort=topic&page=2"),
                "/groups/{id}/action-points",
                15,
            ),
            "member",
        ),
        (page(format!("/meetings/{closed}"), "/meetings/{id}", 22), "member"),
        (page(format!("/meetings/{closed}"), "/meetings/{id}", 22), "coordinator"),
        (
            page(format!("/meetings/{upcoming}/live"), "/meetings/{id}/live", 20),
            "coordinator",
        ),
        (
            page(format!("/groups/{wg}/workplan"), "/groups/{id}/workplan", 13),
            "coordinator",
        ),
        (
            page(
                format!("/groups/{wg}/workplan?from=2014-01-01&page=2"),
                "/groups/{id}/workplan",
                13,
            ),
            "member",
        ),
        (
            page(
                format!("/groups/{wg}/workplan/timeline?from=2014-01-01&to=2014-12-31&page=2"),
                "/groups/{id}/workplan/timeline",
                8,
            ),
            "member",
        ),
        // A hundred people a page, and the count of all of them beside it.
        (page("/directory".into(), "/directory", 9), "coordinator"),
        (
            page(
                format!("/api/v1/groups/{wg}/action-points"),
                "/api/v1/groups/{id}/action-points",
                7,
            ),
            "api",
        ),
    ];
    let reader = |who: &str| match who {
        "coordinator" => Some(&readers.coordinator),
        "member" => Some(&readers.member),
        _ => None,
    };
    let mut small = Vec::new();
    for (page, who) in &pages {
        small.push(count(&readers, reader(who), page).await);
    }
    grow(&app, wg, 200).await;
    let mut report = String::new();
    let mut failed = false;
    for ((page, who), small) in pages.iter().zip(small) {
        let large = count(&readers, reader(who), page).await;
        report.push_str(&format!(
            "{} as {who}: {small} then {large} (bound {})\n",
            page.path, page.bound
        ));
        failed |= large > page.bound || large > small;
    }
    assert!(!failed, "statements per request grew or passed their bound:\n{report}");
    // What the pages show is bounded too: the workplan shows its tasks a hundred a page.
    let workplan = readers.coordinator.page(&format!("/groups/{wg}/workplan")).await;
    let rows = workplan.matches("<tr id=\"task-").count();
    assert_eq!(rows, 100, "the first page of the grown workplan");
    assert!(workplan.contains("rel=\"next\""), "a link to the next page");
    let last = readers.coordinator.page(&format!("/groups/{wg}/workplan?page=3")).await;
    assert!(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""));
    // A filtered second page goes on where the first stopped.
    let running = app
        .count(&format!(
            "WITH RECURSIVE tree AS (SELECT id FROM groups WHERE id = {wg} \
             UNION ALL SELECT g.id FROM groups g JOIN tree t ON g.parent_id = t.id) \
             SELECT count(*) AS count FROM workplan_tasks k JOIN workplan_areas a ON a.id = k.area_id \
             JOIN tree ON tree.id = a.group_id WHERE coalesce(k.end_date, k.start_date) >= '2014-01-01'"
        ))
        .await;
    let second = readers
        .member
        .page(&format!("/groups/{wg}/workplan?from=2014-01-01&page=2"))
        .await;
    assert_eq!(
        second.matches("<tr id=\"task-").count() as i64,
        (running - 100).min(100),
        "the second page of the tasks running since 2014"
    );
    assert!(second.contains("rel=\"prev\""));
    println!("{report}");
}

/// What the planner finds due at 09:00 in Beirut on Monday 14 January 2030, `n` of
/// each: a meeting on Wednesday (its reminder and its update request are due), action
/// points due that day and workplan tasks ending a week later, all standing for every
/// member, and `n` more members.
async fn due_on_monday(app: &TestApp, wg: i64, n: i64, tag: &str) {
    execute(
        app,
        &format!(
            "INSERT INTO users (email, name) SELECT '{tag}' || i || '@example.org', 'Member {tag} ' || i \
             FROM generate_series(1, {n}) i"
        ),
    )
    .await;
    execute(
        app,
        &format!(
            "INSERT INTO memberships (group_id, user_id, role, since) \
             SELECT {wg}, id, 'member', '2013-01-01' FROM users WHERE email LIKE '{tag}%'"
        ),
    )
    .await;
    let meeting = app
        .id(&format!(
            "INSERT INTO meetings (group_id, title, starts_at, status, published_at) \
             VALUES ({wg}, 'Coordination {tag}', '2030-01-16 12:00Z', 'scheduled', now()) RETURNING id"
        ))
        .await;
    execute(
        app,
        &format!(
            "INSERT INTO agenda_items (meeting_id, position, title, reporting_group_id) \
             SELECT {meeting}, 0, 'Update from the sub-group', min(g.id) FROM groups g \
             WHERE g.kind = 'sub_group' AND EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id AND m.role = 'coordinator')"
        ),
    )
    .await;
    execute(
        app,
        &format!(
            "INSERT INTO action_points (group_id, number, topic, text, due_date) \
             SELECT {wg}, (SELECT max(number) FROM action_points WHERE group_id = {wg}) + i, 'Referrals', \
                    'Due {tag} ' || i, '2030-01-14' FROM generate_series(1, {n}) i"
        ),
    )
    .await;
    execute(
        app,
        &format!(
            "INSERT INTO action_point_owners (action_point_id, role) \
             SELECT id, 'member' FROM action_points WHERE text LIKE 'Due {tag} %'"
        ),
    )
    .await;
    let area = app
        .id(&format!(
            "INSERT INTO workplan_areas (group_id, name, position) SELECT {wg}, 'Area {tag}', max(position) + 1 FROM workplan_areas WHERE group_id = {wg} RETURNING id"
        ))
        .await;
    execute(
        app,
        &format!(
            "INSERT INTO workplan_tasks (area_id, position, title, end_date) \
             SELECT {area}, i, 'Task {tag} ' || i, '2030-01-21' FROM generate_series(1, {n}) i"
        ),
    )
    .await;
    execute(
        app,
        &format!(
            "INSERT INTO workplan_task_owners (task_id, role) \
             SELECT t.id, 'member' FROM workplan_tasks t WHERE t.area_id = {area}"
        ),
    )
    .await;
    execute(app, "ANALYZE").await;
}

#[tokio::test]
async fn a_planner_run_sends_a_bounded_number_of_statements_however_much_is_due() {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    // A digest reader whose 08:00 has come (Tokyo is seven hours ahead of Beirut).
    execute(
        &app,
        "UPDATE users SET mail_delivery = 'daily_digest', time_zone = 'Asia/Tokyo' WHERE email = 'member@example.org'",
    )
    .await;
    let settings = convene::mail::MailSettings {
        base_url: url::Url::parse("https://convene.example.org/").unwrap(),
    };
    let now = chrono::DateTime::parse_from_rfc3339("2030-01-14T09:00:00+02:00")
        .unwrap()
        .to_utc();
    let mut conn = convene::db::connect(&app.db.url, std::time::Duration::from_secs(60))
        .await
        .unwrap();
    let mut run = async || {
        let (planned, statements) =
            convene::db::counting_statements(convene::jobs::planner::run_once(&mut conn, &settings, now)).await;
        (planned.unwrap(), statements)
    };
    const BOUND: u32 = 30;

    due_on_monday(&app, wg, 2, "small").await;
    let (small, small_statements) = run().await;
    assert!(
        small.meeting_reminders > 0
            && small.update_requests > 0
            && small.action_points_due > 0
            && small.tasks_ending > 0
            && small.digests == 1,
        "{small:?}"
    );
    // Fifty times as much due, and the same statements.
    due_on_monday(&app, wg, 100, "large").await;
    let (large, large_statements) = run().await;
    assert!(
        large.action_points_due > 50 * small.action_points_due && large.tasks_ending > 50 * small.tasks_ending,
        "{small:?} then {large:?}"
    );
    assert!(
        large_statements <= BOUND && large_statements <= small_statements,
        "{small_statements} then {large_statements} statements (bound {BOUND})"
    );
    println!("planner statements: {small_statements} with a little due, {large_statements} with fifty times as much");
    // Nothing more is due: a run that queues nothing costs no more.
    let (again, again_statements) = run().await;
    assert_eq!(again.queued(), 0);
    assert!(again_statements <= small_statements);

    // A reminder lists the first ten of the items one stands for, and links to the rest.
    #[derive(diesel::QueryableByName)]
    struct Body {
        #[diesel(sql_type = diesel::sql_types::Text)]
        body_text: String,
    }
    let reminder = diesel::sql_query(
        "SELECT body_text FROM outbox WHERE kind = 'meeting_reminder' \
         AND recipient = 'coordinator@example.org' AND subject LIKE '%Coordination large%'",
    )
    .get_result::<Body>(&mut app.db.conn().await)
    .await
    .unwrap()
    .body_text;
    assert_eq!(reminder.matches("Update its status:").count(), 10, "{reminder}");
    assert!(
        reminder.contains("more. All your action points:\nhttps://convene.example.org/action-points?owner=me"),
        "{reminder}"
    );
}

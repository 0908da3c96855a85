//! The database itself refuses rows that break the data model, with an error that
//! names the rule, and the demo loads idempotently.

use crate::common;

use common::TestDatabase;
use diesel::sql_types::BigInt;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

const TABLES: &[&str] = &[
    "organizations",
    "users",
    "groups",
    "memberships",
    "meetings",
    "agenda_items",
    "attendance",
    "action_points",
    "action_point_owners",
    "action_point_updates",
    "workplan_areas",
    "workplan_tasks",
    "workplan_task_owners",
];

async fn counts(conn: &mut AsyncPgConnection) -> Vec<(&'static str, i64)> {
    let mut out = Vec::new();
    for table in TABLES {
        let row: Count = diesel::sql_query(format!("SELECT count(*) AS count FROM {table}"))
            .get_result(conn)
            .await
            .expect("count rows");
        out.push((*table, row.count));
    }
    out
}

#[tokio::test]
async fn loading_the_demo_twice_changes_nothing() {
    let db = TestDatabase::new().await;
    let mut conn = db.conn().await;
    let now = chrono::Utc::now();
    convene::demo::load(&mut conn, now).await.unwrap();
    let first = counts(&mut conn).await;
    convene::demo::load(&mut conn, now).await.unwrap();
    assert_eq!(counts(&mut conn).await, first);
    // And the demo is all there: three meetings of the working group and two of the
    // group in Mopti, the agenda, eleven action points and Mopti's four.
    let lookup = |t: &str| first.iter().find(|(n, _)| *n == t).unwrap().1;
    assert_eq!(lookup("meetings"), 5);
    assert_eq!(lookup("groups"), 9);
    assert_eq!(lookup("action_points"), 15);
    assert_eq!(lookup("workplan_tasks"), 3);
}

/// Runs `sql` expecting the database to refuse it, and returns its message.
async fn refused(conn: &mut AsyncPgConnection, sql: &str) -> String {
    match diesel::sql_query(sql).execute(conn).await {
        Ok(_) => panic!("accepted: {sql}"),
        Err(e) => e.to_string(),
    }
}

async fn demo_db() -> (TestDatabase, AsyncPgConnection) {
    let db = TestDatabase::new().await;
    let mut conn = db.conn().await;
    convene::demo::load(&mut conn, chrono::Utc::now()).await.unwrap();
    (db, conn)
}

#[tokio::test]
async fn an_action_point_with_an_unknown_status_is_refused() {
    let (_db, mut conn) = demo_db().await;
    let error = refused(
        &mut conn,
        "UPDATE action_points SET status = 'finished' WHERE number = 1",
    )
    .await;
    assert!(error.contains("action_points_status_check"), "{error}");
    let error = refused(
        &mut conn,
        "INSERT INTO action_points (group_id, number, topic, text, status) \
         SELECT id, 99, 'Updates', 'x', 'under way' FROM groups WHERE short_name = 'CPiE WG'",
    )
    .await;
    assert!(error.contains("action_points_status_check"), "{error}");
}

#[tokio::test]
async fn an_agenda_item_cannot_hang_in_another_meetings_tree() {
    let (_db, mut conn) = demo_db().await;
    // A sub-item of the June meeting's "Updates", inserted into the May meeting.
    let error = refused(
        &mut conn,
        "INSERT INTO agenda_items (meeting_id, parent_id, position, title) \
         SELECT may.id, updates.id, 9, 'Misplaced' \
         FROM meetings may, agenda_items updates JOIN meetings june ON june.id = updates.meeting_id \
         WHERE may.starts_at = '2014-05-14 14:00+03' AND june.starts_at = '2014-06-11 14:00+03' \
           AND updates.title = 'Updates'",
    )
    .await;
    assert!(error.contains("agenda_items_parent_fkey"), "{error}");
    // Nor can two siblings share a position.
    let error = refused(
        &mut conn,
        "INSERT INTO agenda_items (meeting_id, parent_id, position, title) \
         SELECT meeting_id, NULL, 0, 'Second first item' FROM agenda_items WHERE title = 'AOB' LIMIT 1",
    )
    .await;
    assert!(error.contains("agenda_items_sibling_position_key"), "{error}");
}

#[tokio::test]
async fn a_workplan_task_cannot_end_before_it_starts() {
    let (_db, mut conn) = demo_db().await;
    let error = refused(
        &mut conn,
        "UPDATE workplan_tasks SET end_date = '2014-04-30' WHERE title = 'Establish Core Group'",
    )
    .await;
    assert!(error.contains("workplan_tasks_dates_check"), "{error}");
    let error = refused(
        &mut conn,
        "UPDATE workplan_tasks SET status = 'done' WHERE title = 'Establish Core Group'",
    )
    .await;
    assert!(error.contains("workplan_tasks_status_check"), "{error}");
}

#[tokio::test]
async fn other_rules_of_the_data_model_hold() {
    let (_db, mut conn) = demo_db().await;
    // An owner is exactly one of a person, an organisation, a group or a role.
    let error = refused(
        &mut conn,
        "INSERT INTO action_point_owners (action_point_id, user_id, role) \
         SELECT ap.id, u.id, 'member' FROM action_points ap, users u WHERE ap.number = 1 LIMIT 1",
    )
    .await;
    assert!(error.contains("action_point_owners_one_owner_check"), "{error}");
    // Emails are unique whatever their case.
    let error = refused(
        &mut conn,
        "INSERT INTO users (email, name) VALUES ('Coordinator@Example.org', 'Copy')",
    )
    .await;
    assert!(error.contains("users_email_key"), "{error}");
    // Time zones must be real.
    let error = refused(
        &mut conn,
        "UPDATE groups SET time_zone = 'Mars/Olympus' WHERE short_name = 'CPiE WG'",
    )
    .await;
    assert!(error.contains("groups_time_zone_check"), "{error}");
    // An action point raised at a meeting belongs to that meeting's group.
    let error = refused(
        &mut conn,
        "UPDATE action_points SET group_id = (SELECT id FROM groups WHERE short_name = 'PSS TF') \
         WHERE number = 9 AND meeting_id IS NOT NULL",
    )
    .await;
    assert!(error.contains("action_points_meeting_fkey"), "{error}");
    // Meeting statuses are a closed list, and a closed meeting has its closing time.
    let error = refused(
        &mut conn,
        "UPDATE meetings SET status = 'done' WHERE status = 'scheduled'",
    )
    .await;
    assert!(error.contains("meetings_status_check"), "{error}");
    let error = refused(
        &mut conn,
        "UPDATE meetings SET closed_at = NULL WHERE status = 'closed'",
    )
    .await;
    assert!(error.contains("meetings_closed_at_check"), "{error}");
}

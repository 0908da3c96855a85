//! The benchmark's dataset at a small scale: it satisfies the database's constraints
//! (or it would not load), keeps the app's invariants, is the same for the same seed,
//! and the pages the benchmark measures answer 200 on it.

use crate::common;

use chrono::NaiveDate;
use common::{TestDatabase, spawn_app_on};
use convene::bench_data::{self, Sizes};
use diesel::sql_types::Text;
use diesel_async::RunQueryDsl;

const SCALE: f64 = 0.001;

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

async fn generated(seed: u32) -> TestDatabase {
    let db = TestDatabase::new().await;
    bench_data::generate(&mut db.conn().await, Sizes::at(SCALE).unwrap(), seed, today())
        .await
        .expect("the dataset loads");
    db
}

/// A digest of what the data says (not when it was written).
async fn digest(db: &TestDatabase) -> String {
    #[derive(diesel::QueryableByName)]
    struct Digest {
        #[diesel(sql_type = Text)]
        digest: String,
    }
    diesel::sql_query(
        "SELECT md5(string_agg(row, '|' ORDER BY row)) AS digest FROM ( \
           SELECT concat_ws(',', 'ap', id, group_id, number, meeting_id, agenda_item_id, topic, text, due_date, \
                            status, status_note, status_changed_at, restricted, created_by, created_at) AS row \
             FROM action_points \
           UNION ALL SELECT concat_ws(',', 'u', id, action_point_id, user_id, meeting_id, old_status, new_status, \
                            note, via, created_at) FROM action_point_updates \
           UNION ALL SELECT concat_ws(',', 'o', action_point_id, user_id, organization_id, group_id, role) \
             FROM action_point_owners \
           UNION ALL SELECT concat_ws(',', 'm', id, group_id, starts_at, status, chair_id) FROM meetings \
           UNION ALL SELECT concat_ws(',', 'ms', group_id, user_id, role, since, until) FROM memberships \
           UNION ALL SELECT concat_ws(',', 't', id, area_id, position, title, start_date, end_date, status) \
             FROM workplan_tasks) AS rows",
    )
    .get_result::<Digest>(&mut db.conn().await)
    .await
    .expect("digest query")
    .digest
}

#[tokio::test]
async fn the_dataset_has_the_sizes_of_its_scale_and_keeps_the_apps_invariants() {
    let sizes = Sizes::at(SCALE).unwrap();
    let db = generated(7).await;

    assert_eq!(db.count("SELECT count(*) AS count FROM groups").await, sizes.groups);
    assert_eq!(db.count("SELECT count(*) AS count FROM users").await, sizes.people);
    assert_eq!(db.count("SELECT count(*) AS count FROM meetings").await, sizes.meetings);
    assert_eq!(
        db.count("SELECT count(*) AS count FROM action_points").await,
        sizes.action_points
    );
    assert_eq!(
        db.count("SELECT count(*) AS count FROM action_point_updates").await,
        sizes.action_points * 11 / 4
    );
    assert_eq!(
        db.count("SELECT count(*) AS count FROM workplan_tasks").await,
        sizes.tasks
    );
    // A tree: two working groups at the top at this scale, the third group below the first,
    // whose tree holds a tenth of the meetings.
    assert_eq!(
        db.count("SELECT count(*) AS count FROM groups WHERE parent_id IS NULL AND kind = 'working_group'")
            .await,
        2
    );
    assert_eq!(
        db.count("SELECT count(*) AS count FROM groups WHERE parent_id = 1")
            .await,
        1
    );
    // Every item's status and note are those of its latest history row, which starts at open.
    assert_eq!(
        db.count(
            "SELECT count(*) AS count FROM action_points ap \
             JOIN LATERAL (SELECT new_status, note, created_at FROM action_point_updates u \
                            WHERE u.action_point_id = ap.id ORDER BY created_at DESC, id DESC LIMIT 1) last ON true \
             WHERE last.new_status <> ap.status OR last.note <> ap.status_note \
                OR last.created_at <> coalesce(ap.status_changed_at, ap.created_at)"
        )
        .await,
        0
    );
    assert_eq!(
        db.count(
            "SELECT count(*) AS count FROM (SELECT old_status, created_at, \
                    lag(new_status) OVER w AS before, lag(created_at) OVER w AS previous \
               FROM action_point_updates WINDOW w AS (PARTITION BY action_point_id ORDER BY id)) h \
             WHERE old_status IS DISTINCT FROM before OR created_at < previous OR created_at > now()"
        )
        .await,
        0
    );
    // Numbers run 1, 2, 3… within each group.
    assert_eq!(
        db.count(
            "SELECT count(*) AS count FROM (SELECT group_id FROM action_points GROUP BY group_id \
              HAVING max(number) <> count(*)) g"
        )
        .await,
        0
    );
    // Every item has an owner; the meetings held are closed, one runs today, the next are ahead.
    assert_eq!(
        db.count(
            "SELECT count(*) AS count FROM action_points ap \
              WHERE NOT EXISTS (SELECT 1 FROM action_point_owners o WHERE o.action_point_id = ap.id)"
        )
        .await,
        0
    );
    assert_eq!(
        db.count("SELECT count(*) AS count FROM meetings WHERE status = 'in_progress'")
            .await,
        1
    );
    assert!(
        db.count("SELECT count(*) AS count FROM meetings WHERE status = 'closed' AND starts_at < now()")
            .await
            > sizes.meetings / 2
    );
    // A new item through the app takes the next number: the identity sequences moved on.
    assert!(db.count("SELECT nextval('action_point_updates_id_seq') AS count").await > sizes.action_points * 11 / 4);
}

#[tokio::test]
async fn the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    let (first, again, other) = (generated(1).await, generated(1).await, generated(2).await);
    assert_eq!(digest(&first).await, digest(&again).await);
    assert_ne!(digest(&first).await, digest(&other).await);
}

#[tokio::test]
async fn a_second_run_on_the_same_database_is_refused() {
    let db = generated(1).await;
    let error = bench_data::generate(&mut db.conn().await, Sizes::at(SCALE).unwrap(), 1, today())
        .await
        .expect_err("the database is not empty");
    assert!(error.to_string().contains("empty database"), "{error}");
}

#[tokio::test]
async fn the_key_pages_answer_200_for_the_bench_logins() {
    let db = generated(1).await;
    let pages = bench_data::key_pages(&mut db.conn().await).await.expect("key pages");
    assert_eq!(pages.len(), 8);
    let app = spawn_app_on(db, &[]);
    for (_, email) in bench_data::LOGINS {
        let me = app.sign_in(email, bench_data::PASSWORD).await;
        for page in &pages {
            let response = me.get(&page.path).await;
            assert_eq!(response.status(), 200, "{} ({}) for {email}", page.name, page.path);
        }
    }
}

//! The benchmark's dataset: a country-wide cluster at scale 1 (60 groups, 2,000 people,
//! 10,000 meetings, 200,000 action points with 550,000 status updates, 20,000 workplan
//! tasks), proportionally smaller or larger at other scales, written by set-based SQL
//! (`bench_data.sql`) in one transaction on an empty database. The same seed and day give
//! the same data, whatever the plan PostgreSQL picks.

use std::time::Instant;

use chrono::NaiveDate;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};

use crate::domain::passwords;
use crate::models::{meetings, reviews};

const SCRIPT: &str = include_str!("bench_data.sql");

/// The password of the benchmark's logins ([`LOGINS`]).
pub const PASSWORD: &str = "bench-password";

/// The accounts the benchmark signs in with: a site administrator, the coordinator of
/// the big group (group 1) and a member of it.
pub const LOGINS: &[(&str, &str)] = &[
    ("admin", "person1@bench.example.org"),
    ("coordinator", "person2@bench.example.org"),
    ("member", "person3@bench.example.org"),
];

/// How many rows of each kind a scale asks for; never so few that a page has nothing
/// to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    pub organizations: i64,
    pub groups: i64,
    pub people: i64,
    pub meetings: i64,
    pub action_points: i64,
    pub tasks: i64,
}

impl Sizes {
    pub fn at(scale: f64) -> anyhow::Result<Self> {
        if !(scale.is_finite() && scale > 0.0 && scale <= 10.0) {
            anyhow::bail!("the scale must be a number above 0 and at most 10, not {scale}");
        }
        // Rounded, then raised to the least that still makes every page meaningful.
        let of = |base: f64, least: i64| ((base * scale).round() as i64).max(least);
        let groups = of(60.0, 3);
        Ok(Sizes {
            organizations: of(150.0, 4),
            groups,
            people: of(2_000.0, 8),
            meetings: of(10_000.0, 6 * groups),
            // A multiple of 8, so the updates come to exactly 2.75 a point.
            action_points: (of(200_000.0, 8) + 7) / 8 * 8,
            tasks: of(20_000.0, 2 * groups),
        })
    }
}

/// The pages the benchmark measures, by name, with their paths in the generated data.
pub struct KeyPage {
    pub name: &'static str,
    pub path: String,
}

/// Writes the dataset into the empty database behind `conn`; `today` anchors its dates
/// (meetings held before it, one running in group 1 on it, the next ones after).
/// Logs how long each step took.
pub async fn generate(conn: &mut AsyncPgConnection, sizes: Sizes, seed: u32, today: NaiveDate) -> anyhow::Result<()> {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        count: i64,
    }
    let password_hash = passwords::hash(PASSWORD);
    conn.transaction::<_, anyhow::Error, _>(async |conn| {
        let existing: Count = diesel::sql_query("SELECT count(*) AS count FROM groups")
            .get_result(conn)
            .await?;
        if existing.count > 0 {
            anyhow::bail!("the database already holds groups: the benchmark's data goes into an empty database only");
        }
        // Numbers and a date only, so formatting them into the SQL is safe.
        let Sizes {
            organizations,
            groups,
            people,
            meetings,
            action_points,
            tasks,
        } = sizes;
        let top = ((groups + 14) / 15).max(2);
        conn.batch_execute(&format!(
            "CREATE TEMP TABLE bench ON COMMIT DROP AS SELECT {organizations}::bigint AS organizations, \
             {groups}::bigint AS groups, {people}::bigint AS people, {meetings}::bigint AS meetings, \
             {action_points}::bigint AS action_points, {tasks}::bigint AS tasks, {top}::bigint AS top, \
             DATE '{today}' AS today;
             CREATE FUNCTION pg_temp.pick(key bigint, salt integer, n bigint) RETURNS bigint \
             LANGUAGE sql IMMUTABLE PARALLEL SAFE \
             AS 'SELECT (hashint8extended(key, {seed}::bigint * 1000 + salt) & 9223372036854775807) % greatest(n, 1)';"
        ))
        .await?;
        for step in SCRIPT.split("\n-- step: ").skip(1) {
            let name = step.lines().next().unwrap_or_default();
            let started = Instant::now();
            // The split took the step's comment marker off its name line.
            conn.batch_execute(&format!("-- {step}")).await?;
            tracing::info!(step = name, seconds = started.elapsed().as_secs_f64(), "bench data");
        }
        store_reviews(conn).await?;
        let emails: Vec<&str> = LOGINS.iter().map(|(_, email)| *email).collect();
        diesel::sql_query("UPDATE users SET password_hash = $1 WHERE email = ANY($2)")
            .bind::<Text, _>(&password_hash)
            .bind::<diesel::sql_types::Array<Text>, _>(&emails)
            .execute(conn)
            .await?;
        Ok(())
    })
    .await?;
    let started = Instant::now();
    conn.batch_execute("ANALYZE").await?;
    tracing::info!(
        step = "analyze",
        seconds = started.elapsed().as_secs_f64(),
        "bench data"
    );
    Ok(())
}

/// Stores the review of each group's last closed meeting, as closing it in the app does,
/// so that its page reads the stored rows as in a running installation. Older meetings
/// are left as if closed before reviews were stored (their page composes the review as
/// it stood then): storing all of them would take minutes at scale 1.
async fn store_reviews(conn: &mut AsyncPgConnection) -> anyhow::Result<()> {
    #[derive(diesel::QueryableByName)]
    struct Closed {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let started = Instant::now();
    // The review reads the history through its indexes once the planner knows the data.
    conn.batch_execute("ANALYZE groups, meetings, action_points, action_point_updates, users")
        .await?;
    let closed: Vec<Closed> = diesel::sql_query(
        "SELECT DISTINCT ON (group_id) id FROM meetings WHERE status = 'closed' ORDER BY group_id, starts_at DESC, id DESC",
    )
    .load(conn)
    .await?;
    for Closed { id } in &closed {
        let meeting = meetings::find(conn, *id).await?;
        reviews::store(conn, &meeting).await?;
    }
    tracing::info!(
        step = "reviews",
        meetings = closed.len(),
        seconds = started.elapsed().as_secs_f64(),
        "bench data"
    );
    Ok(())
}

/// The key pages in the generated data: home, the big group's action points (first page,
/// filtered), its last closed meeting with the review, the live screen of its running
/// meeting, its workplan, the directory, and the API's list.
pub async fn key_pages(conn: &mut AsyncPgConnection) -> anyhow::Result<Vec<KeyPage>> {
    #[derive(diesel::QueryableByName)]
    struct Found {
        #[diesel(sql_type = BigInt)]
        closed: i64,
        #[diesel(sql_type = BigInt)]
        live: i64,
        #[diesel(sql_type = Text)]
        topic: String,
    }
    let found: Found = diesel::sql_query(
        "SELECT (SELECT id FROM meetings WHERE group_id = 1 AND status = 'closed' ORDER BY starts_at DESC LIMIT 1) AS closed, \
                (SELECT id FROM meetings WHERE group_id = 1 AND status = 'in_progress' LIMIT 1) AS live, \
                (SELECT topic FROM action_points WHERE group_id = 1 GROUP BY topic ORDER BY count(*) DESC, topic LIMIT 1) AS topic",
    )
    .get_result(conn)
    .await?;
    let topic = serde_html_form::to_string([("topic", &found.topic)])?;
    Ok(vec![
        KeyPage {
            name: "home",
            path: "/".into(),
        },
        KeyPage {
            name: "action points",
            path: "/groups/1/action-points".into(),
        },
        KeyPage {
            name: "action points filtered",
            path: format!("/groups/1/action-points?status=open&{topic}"),
        },
        KeyPage {
            name: "closed meeting",
            path: format!("/meetings/{}", found.closed),
        },
        KeyPage {
            name: "live screen",
            path: format!("/meetings/{}/live", found.live),
        },
        KeyPage {
            name: "workplan",
            path: "/groups/1/workplan".into(),
        },
        KeyPage {
            name: "directory",
            path: "/directory".into(),
        },
        KeyPage {
            name: "api list",
            path: "/api/v1/groups/1/action-points".into(),
        },
    ])
}

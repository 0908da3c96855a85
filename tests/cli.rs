//! The `convene` binary as an operator runs it: settings checked at start, the
//! private cluster started, reused, shared by every command run beside the server and
//! stopped when the last of them leaves.

use crate::common;

use std::path::Path;
use std::time::Duration;

use common::Visitor;
use common::process::{Serving, convene, succeeds};
use convene::db::embedded::EmbeddedPostgres;

#[test]
fn malformed_settings_stop_start_up_with_a_line_naming_them() {
    for (var, value) in [
        ("DATABASE_URL", "postgres//user:hunter2@nowhere"),
        ("DATABASE_URL", "mysql://user:hunter2@localhost/convene"),
        ("BIND", "localhost"),
        ("BIND", "127.0.0.1:70000"),
        ("BASE_URL", "convene.example.org"),
        ("LOG_FORMAT", "xml"),
        ("HTTP_WORKERS", "0"),
        ("TRUSTED_PROXIES", "10.0.0.0/40"),
        ("METRICS_ALLOW", "localhost"),
        ("METRICS_TOKEN", "hunter2"),
    ] {
        let output = convene().env(var, value).output().expect("convene runs");
        assert_eq!(output.status.code(), Some(2), "{var}={value}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with(&format!("convene: invalid setting {var}: ")),
            "{var}={value}: {stderr}"
        );
        assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
        assert!(!stderr.contains("hunter2"), "the password is not echoed: {stderr}");
    }
}

async fn get(url: &str) -> (u16, String) {
    let response = reqwest::get(url).await.expect("request reaches convene");
    (response.status().as_u16(), response.text().await.expect("body"))
}

#[tokio::test(flavor = "multi_thread")]
async fn first_start_creates_the_private_cluster_with_the_demo_and_later_starts_reuse_it() {
    let data_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_dir);
    let cluster_dir = EmbeddedPostgres::locate(&data_dir)
        .expect("binaries")
        .cluster_dir()
        .to_owned();
    let mut command = convene();
    command.env("DATA_DIR", &data_dir).env("BIND", "127.0.0.1:0");

    let (mut serving, address) = Serving::start(&mut command);
    assert!(
        serving
            .wait_for("demo admin:")
            .contains("admin@example.org / demo-admin-password")
    );
    assert!(
        serving
            .wait_for("demo coordinator:")
            .contains("coordinator@example.org / demo-coordinator")
    );
    assert!(
        serving
            .wait_for("demo member:")
            .contains("member@example.org / demo-member")
    );
    let (status, health) = get(&format!("{address}/healthz")).await;
    assert_eq!((status, health.contains("\"status\":\"ok\"")), (200, true));
    let (status, ready) = get(&format!("{address}/readyz")).await;
    assert_eq!((status, ready.contains("\"database\":\"ok\"")), (200, true));
    let me = Visitor::new(&address)
        .sign_in("coordinator@example.org", "demo-coordinator")
        .await;
    let home = me.page("/").await;
    let group_link = home
        .split("href=\"/groups/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a group link");
    let group_page = me.page(&format!("/groups/{group_link}")).await;
    assert!(
        group_page.contains("Wednesday, 11 June 2014, 14:00"),
        "the demo meeting is listed"
    );

    assert_eq!(serving.interrupt(), Some(0), "Ctrl-C stops convene cleanly");
    assert!(!cluster_dir.join("postmaster.pid").exists(), "and the cluster with it");

    // The second start reuses the cluster and its data: one demo group, not two.
    let (serving, address) = Serving::start(&mut command);
    let me = Visitor::new(&address)
        .sign_in("admin@example.org", "demo-admin-password")
        .await;
    let home = me.page("/").await;
    assert_eq!(home.matches("Child Protection in Emergencies Working Group").count(), 1);
    assert_eq!(serving.interrupt(), Some(0));
    assert!(!cluster_dir.join("postmaster.pid").exists());
    let _ = std::fs::remove_dir_all(&data_dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_configured_database_is_used_and_nothing_is_loaded_unasked() {
    let db = common::TestDatabase::new().await;
    let output = convene()
        .env("DATABASE_URL", &db.url)
        .args([
            "user",
            "add",
            "--email",
            "first.admin@test.org",
            "--name",
            "First Admin",
            "--admin",
        ])
        .output()
        .expect("convene user add runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let link = stdout
        .lines()
        .find(|l| l.contains("/password/set/"))
        .expect("a set-password link")
        .trim()
        .to_owned();
    let path = link
        .split_once("/password/set/")
        .map(|(_, s)| format!("/password/set/{s}"))
        .unwrap();

    let mut command = convene();
    command
        .env("DATABASE_URL", &db.url)
        .env("BIND", "127.0.0.1:0")
        .env("LOG", "debug");
    let log = tempfile_path("serve-log");
    command.stderr(std::fs::File::create(&log).expect("log file"));
    let (serving, address) = Serving::start(&mut command);
    let visitor = Visitor::new(&address);
    let chosen = "first admin chose this";
    let response = visitor
        .submit(&path, &path, &[("new_password", chosen), ("confirm_password", chosen)])
        .await;
    assert_eq!(response.status(), 200);
    let me = visitor.sign_in("first.admin@test.org", chosen).await;
    let home = me.page("/").await;
    assert!(
        home.contains("There are no working groups yet."),
        "no demo in a configured database"
    );
    assert_eq!(serving.interrupt(), Some(0));

    // Nothing secret reached the log, even at debug level.
    let logged = std::fs::read_to_string(&log).expect("the log");
    assert!(logged.contains("signed in"), "the log is the app's: {logged}");
    // The line written during the link's request names its route, not its secret.
    let line = logged
        .lines()
        .find(|l| l.contains("password set from a link"))
        .unwrap_or_else(|| panic!("the password change is logged: {logged}"));
    assert!(line.contains("/password/set/{secret}"), "{line}");
    let secret_of_link = path.trim_start_matches("/password/set/");
    for secret in [chosen, secret_of_link] {
        assert!(!logged.contains(secret), "{secret:?} appears in the log");
    }
    let _ = std::fs::remove_file(&log);

    let output = convene()
        .env("DATABASE_URL", &db.url)
        .arg("demo")
        .output()
        .expect("convene demo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut command = convene();
    command.env("DATABASE_URL", &db.url).env("BIND", "127.0.0.1:0");
    let (serving, address) = Serving::start(&mut command);
    let me = Visitor::new(&address).sign_in("first.admin@test.org", chosen).await;
    assert!(
        me.page("/")
            .await
            .contains("Child Protection in Emergencies Working Group"),
        "loaded when asked"
    );
    assert_eq!(serving.interrupt(), Some(0));
}

fn tempfile_path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "{name}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ))
}

#[tokio::test(flavor = "multi_thread")]
async fn json_logs_are_one_object_a_line_with_request_id_route_status_and_duration() {
    let db = common::TestDatabase::new().await;
    db.load_demo().await;
    let log = tempfile_path("json-log");
    let mut command = convene();
    command
        .env("DATABASE_URL", &db.url)
        .env("BIND", "127.0.0.1:0")
        .env("LOG", "info")
        .env("LOG_FORMAT", "json")
        .env("HTTP_WORKERS", "3")
        .env("DATABASE_POOL_SIZE", "7")
        .stderr(std::fs::File::create(&log).expect("log file"));
    let (serving, address) = Serving::start(&mut command);
    // The pool of 7 shared out among 3 workers, rounded up.
    assert!(
        serving
            .started
            .ends_with("(3 HTTP workers, 3 database connections each)"),
        "{}",
        serving.started
    );
    let me = Visitor::new(&address)
        .sign_in("coordinator@example.org", "demo-coordinator")
        .await;
    let meeting = db.id("SELECT id FROM meetings ORDER BY id LIMIT 1").await;
    let page = me.get(&format!("/meetings/{meeting}")).await;
    assert_eq!(page.status(), 200);
    let request_id = page.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(me.get("/nowhere").await.status(), 404);
    assert_eq!(serving.interrupt(), Some(0));

    let logged = std::fs::read_to_string(&log).expect("the log");
    let _ = std::fs::remove_file(&log);
    let lines: Vec<serde_json::Value> = logged
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON object ({e}): {line}")))
        .collect();
    let answered = |route: &str| {
        lines
            .iter()
            .filter(|l| l["message"] == "request answered" && l["http.route"] == route)
            .collect::<Vec<_>>()
    };
    let [shown] = answered("/meetings/{id}")[..] else {
        panic!("one line for the meeting page: {logged}");
    };
    assert_eq!(shown["span"]["request_id"], request_id.as_str());
    assert_eq!(shown["http.status_code"], 200);
    assert!(shown["duration_ms"].as_f64().is_some_and(|ms| ms >= 0.0), "{shown}");
    assert_eq!(shown["level"], "INFO");
    assert!(!logged.contains(&format!("\"http.route\":\"/meetings/{meeting}\"")));
    let [missing] = answered("unmatched")[..] else {
        panic!("one line for the missing page: {logged}");
    };
    assert_eq!(missing["http.status_code"], 404);
    // What happens during a request carries its id: the sign-in shares the id of its POST.
    let signed_in = lines
        .iter()
        .find(|l| l["message"] == "signed in")
        .unwrap_or_else(|| panic!("the sign-in is logged: {logged}"));
    let sign_in_id = signed_in["span"]["request_id"].as_str().expect("a request id");
    assert!(
        answered("/login")
            .iter()
            .any(|l| l["span"]["request_id"] == sign_in_id && l["http.status_code"] == 303)
    );
}

/// What the round trip must keep: rows of the tables people see most.
async fn counts(db: &common::TestDatabase) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in [
        "action_points",
        "action_point_updates",
        "meetings",
        "agenda_items",
        "users",
        "organizations",
    ] {
        counts.push(db.count(&format!("SELECT count(*) AS count FROM {table}")).await);
    }
    counts
}

/// The text of a meeting page as the coordinator reads it.
async fn meeting_page(app: &common::TestApp, meeting: i64) -> String {
    let me = app.sign_in_demo("coordinator").await;
    let html = me.page(&format!("/meetings/{meeting}")).await;
    let document = scraper::Html::parse_document(&html);
    let main = document
        .select(&scraper::Selector::parse("main").unwrap())
        .next()
        .expect("a main element");
    main.text().collect::<Vec<_>>().join(" ")
}

fn run_convene(database_url: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    convene()
        .env("DATABASE_URL", database_url)
        .args(args)
        .output()
        .expect("convene runs")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_restores_into_an_empty_database_and_never_over_a_full_one_unless_forced() {
    let original = common::TestDatabase::new().await;
    original.load_demo().await;
    let dir = tempfile_path("backups");
    std::fs::create_dir_all(&dir).unwrap();

    let output = run_convene(&original.url, &["backup".as_ref(), dir.as_os_str()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    let [file] = &files[..] else {
        panic!("one backup file: {files:?}")
    };
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(&format!("convene-{}-", env!("CARGO_PKG_VERSION"))) && name.ends_with(".dump"),
        "{name}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains(&*file.to_string_lossy()));
    // An existing backup is never overwritten.
    let again = run_convene(&original.url, &["backup".as_ref(), file.as_os_str()]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));

    let copy = common::TestDatabase::empty().await;
    let output = run_convene(&copy.url, &["restore".as_ref(), file.as_os_str()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let before = counts(&original).await;
    assert!(before.iter().all(|&n| n > 0), "{before:?}");
    assert_eq!(counts(&copy).await, before);

    let meeting = original
        .id("SELECT meeting_id AS id FROM agenda_items GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id LIMIT 1")
        .await;
    let (original_app, copy_app) = (common::spawn_app_on(original, &[]), common::spawn_app_on(copy, &[]));
    let page = meeting_page(&original_app, meeting).await;
    assert!(page.contains("Review of action points"), "{page}");
    assert_eq!(meeting_page(&copy_app, meeting).await, page);

    // Into a database that holds something: refused, and nothing changes.
    let mut conn = copy_app.db.conn().await;
    diesel_async::RunQueryDsl::execute(
        diesel::sql_query("INSERT INTO organizations (name, kind) VALUES ('Added after the backup', 'other')"),
        &mut conn,
    )
    .await
    .unwrap();
    let refused = run_convene(&copy_app.db.url, &["restore".as_ref(), file.as_os_str()]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("not empty") && stderr.contains("--force"), "{stderr}");
    let mut changed = before.clone();
    *changed.last_mut().unwrap() += 1;
    assert_eq!(counts(&copy_app.db).await, changed);
    // Forced, the backup's contents replace it.
    let forced = run_convene(
        &copy_app.db.url,
        &["restore".as_ref(), "--force".as_ref(), file.as_os_str()],
    );
    assert!(forced.status.success(), "{}", String::from_utf8_lossy(&forced.stderr));
    assert_eq!(counts(&copy_app.db).await, before);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Requests `/readyz` and a signed-in page of `address` in turn until finished, noting
/// every answer that is not a 200 (or no answer within 10 s).
struct Poller {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Requests answered 200 so far.
    answered: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    task: tokio::task::JoinHandle<Polled>,
}

#[derive(Debug, Default)]
struct Polled {
    requests: usize,
    failures: Vec<String>,
}

impl Poller {
    async fn start(address: &str) -> Self {
        let me = Visitor::new(address)
            .sign_in("admin@example.org", "demo-admin-password")
            .await;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopping = stop.clone();
        let answered = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let answers = answered.clone();
        let task = tokio::spawn(async move {
            let mut polled = Polled::default();
            while !stopping.load(std::sync::atomic::Ordering::SeqCst) {
                for path in ["/readyz", "/"] {
                    let request = me.client.get(me.url(path)).timeout(Duration::from_secs(10));
                    polled.requests += 1;
                    match request.send().await {
                        Ok(response) if response.status() == 200 => {
                            answers.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        }
                        Ok(response) => polled.failures.push(format!("GET {path}: {}", response.status())),
                        Err(e) => polled.failures.push(format!("GET {path}: {e}")),
                    }
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            polled
        });
        Poller { stop, answered, task }
    }

    /// Waits until the server has answered a whole round of the poller's requests since
    /// now: whatever just ran beside it, it still serves.
    async fn answers_again(&self, after: &str) {
        let since = self.answered.load(std::sync::atomic::Ordering::SeqCst);
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while self.answered.load(std::sync::atomic::Ordering::SeqCst) < since + 2 {
            assert!(std::time::Instant::now() < deadline, "no answer after {after}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    async fn finish(self) -> Polled {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        self.task.await.expect("the poller ran")
    }
}

/// A fresh data directory for the private cluster, and where its PGDATA will be.
fn fresh_data_dir(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let data_dir = tempfile_path(name);
    let _ = std::fs::remove_dir_all(&data_dir);
    let cluster_dir = EmbeddedPostgres::locate(&data_dir)
        .expect("binaries")
        .cluster_dir()
        .to_owned();
    (data_dir, cluster_dir)
}

/// The pid the cluster's postmaster.pid names, while it runs.
fn postmaster(cluster_dir: &Path) -> Option<i32> {
    let pid_file = std::fs::read_to_string(cluster_dir.join("postmaster.pid")).ok()?;
    pid_file.lines().next()?.trim().parse().ok()
}

/// Every command the README documents beside `convene serve`, the `n`th time (so that
/// accounts are new each time): what each must print.
fn readme_commands(n: usize) -> Vec<(Vec<String>, &'static str)> {
    let email = format!("person{n}@example.org");
    let owned = |args: &[&str]| args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
    vec![
        (owned(&["migrate"]), ""),
        (owned(&["demo"]), ""),
        (
            owned(&["user", "add", "--email", &email, "--name", "Person"]),
            "/password/set/",
        ),
        (
            owned(&["token", "create", "--email", "admin@example.org", "--label", &email]),
            "created an API token",
        ),
        (owned(&["remind"]), "queued "),
        (owned(&["worker", "--once"]), "sent "),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn every_command_runs_beside_a_serving_instance_which_keeps_serving() {
    let (data_dir, cluster_dir) = fresh_data_dir("beside");
    let smtp = common::mail::SmtpServer::start().await;
    let cli = || {
        let mut command = convene();
        command.env("DATA_DIR", &data_dir).env("SMTP_URL", smtp.url());
        command
    };
    let mut serve = cli();
    serve.env("BIND", "127.0.0.1:0");
    let (serving, address) = Serving::start(&mut serve);
    let poller = Poller::start(&address).await;

    // One after another, twice: the second time finds everything there already.
    for n in 0..2 {
        for (args, prints) in readme_commands(n) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let printed = succeeds(cli(), &args).await;
            assert!(printed.contains(prints), "convene {args:?} printed {printed}");
            poller.answers_again(&format!("convene {args:?}")).await;
        }
    }
    // All at once, with a long-running worker among them, stopped as a service manager does.
    let worker = Serving::spawn(cli().arg("worker"));
    let runs: Vec<_> = (2..4)
        .flat_map(readme_commands)
        .map(|(args, prints)| {
            let command = cli();
            tokio::spawn(async move {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let printed = succeeds(command, &args).await;
                assert!(printed.contains(prints), "convene {args:?} printed {printed}");
            })
        })
        .collect();
    for run in runs {
        run.await.expect("the command ran as expected");
    }
    assert_eq!(worker.signal(libc::SIGTERM), Some(0), "the worker stops cleanly");
    poller.answers_again("the commands run at once").await;

    let polled = poller.finish().await;
    assert_eq!(polled.failures, Vec::<String>::new(), "the server kept serving");
    assert!(postmaster(&cluster_dir).is_some(), "the cluster still runs");
    let admin = Visitor::new(&address)
        .sign_in("admin@example.org", "demo-admin-password")
        .await;
    let users = admin.page("/admin/users").await;
    for n in 0..4 {
        assert!(users.contains(&format!("person{n}@example.org")), "person{n} was added");
    }
    let home = admin.page("/").await;
    assert_eq!(
        home.matches("Child Protection in Emergencies Working Group").count(),
        1,
        "the demo, loaded five times, is there once"
    );
    assert_eq!(serving.interrupt(), Some(0));
    assert!(
        postmaster(&cluster_dir).is_none(),
        "the last one out stopped the cluster"
    );
    let _ = std::fs::remove_dir_all(&data_dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn servers_and_commands_share_the_cluster_and_it_outlives_any_killed_one() {
    let (data_dir, cluster_dir) = fresh_data_dir("shared");
    let smtp = common::mail::SmtpServer::start().await;
    let cli = || {
        let mut command = convene();
        command
            .env("DATA_DIR", &data_dir)
            .env("SMTP_URL", smtp.url())
            .env("BIND", "127.0.0.1:0");
        command
    };
    // Two servers on one data directory both serve.
    let (first, first_address) = Serving::start(&mut cli());
    let (second, second_address) = Serving::start(&mut cli());
    let polling = Poller::start(&second_address).await;
    let first_polled = Poller::start(&first_address).await.finish().await;
    assert_eq!(first_polled.failures, Vec::<String>::new());

    // The first is killed while a worker runs beside it: the second keeps serving, and a new one starts.
    let worker = Serving::spawn(cli().arg("worker"));
    let (token_printed, _) = tokio::join!(
        succeeds(cli(), &["token", "create", "--email", "admin@example.org"]),
        async { assert_eq!(first.signal(libc::SIGKILL), None) }
    );
    assert!(token_printed.contains("created an API token"));
    let log = tempfile_path("third-log");
    let mut third = cli();
    third
        .env("LOG", "warn,convene=info")
        .stderr(std::fs::File::create(&log).expect("log file"));
    let (third, third_address) = Serving::start(&mut third);
    let third_polled = Poller::start(&third_address).await.finish().await;
    assert_eq!(third_polled.failures, Vec::<String>::new());

    // Stopping one leaves the others serving.
    let polled = polling.finish().await;
    assert!(polled.requests >= 4, "{polled:?}");
    assert_eq!(polled.failures, Vec::<String>::new(), "the second served throughout");
    assert_eq!(second.interrupt(), Some(0));
    let (status, _) = get(&format!("{third_address}/readyz")).await;
    assert_eq!(status, 200, "the third serves on");

    // PostgreSQL itself killed: the server starts it again and serves again.
    let postmaster_pid = postmaster(&cluster_dir).expect("the cluster runs");
    // SAFETY: kill(2) of the cluster's postmaster, a process of this test's own making.
    assert_eq!(unsafe { libc::kill(postmaster_pid, libc::SIGKILL) }, 0);
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let restarted = postmaster(&cluster_dir).is_some_and(|pid| pid != postmaster_pid);
        if restarted && get(&format!("{third_address}/readyz")).await.0 == 200 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "serving again after PostgreSQL was killed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let after = Poller::start(&third_address).await.finish().await;
    assert_eq!(after.failures, Vec::<String>::new());

    // The last one out stops the cluster; until then it runs.
    assert_eq!(worker.signal(libc::SIGTERM), Some(0));
    assert!(postmaster(&cluster_dir).is_some(), "still used by the third server");
    assert_eq!(third.interrupt(), Some(0));
    assert!(postmaster(&cluster_dir).is_none(), "stopped with its last user");
    let logged = std::fs::read_to_string(&log).expect("the third server's log");
    let lines = |text: &str| logged.lines().filter(|line| line.contains(text)).count();
    assert_eq!(lines("cluster is not running; starting it again"), 1, "{logged}");
    assert!(lines("cluster runs again") <= 1, "{logged}");
    assert!(
        lines("background jobs cannot reach the database") <= 1,
        "one line for the outage, not one per try: {logged}"
    );
    let _ = std::fs::remove_file(&log);
    let _ = std::fs::remove_dir_all(&data_dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn worker_once_sends_everything_due_now_not_one_batch() {
    let db = common::TestDatabase::new().await;
    let smtp = common::mail::SmtpServer::start().await;
    let mut conn = db.conn().await;
    let due = 2 * convene::jobs::worker::WorkerConfig::default().batch + 50;
    for i in 0..due {
        let message = convene::mail::Message {
            subject: format!("Mail {i}"),
            text: "Due now\n".into(),
            html: "<p>Due now</p>".into(),
        };
        let recipient = format!("person{i}@example.org");
        let key = format!("due-{i}");
        let queued =
            convene::models::outbox::enqueue(&mut conn, "invitation", &key, None, &recipient, &message, "example.org")
                .await
                .unwrap();
        assert!(queued);
    }
    let output = convene()
        .env("DATABASE_URL", &db.url)
        .env("SMTP_URL", format!("{}?tls=none", smtp.url()))
        .args(["worker", "--once"])
        .output()
        .expect("convene worker runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("sent {due}, failed 0, dead 0")
    );
    let subjects: std::collections::HashSet<String> = smtp.received().iter().map(|m| m.subject()).collect();
    assert_eq!(subjects.len() as i64, due, "each mail once");
}

#[tokio::test(flavor = "multi_thread")]
async fn worker_once_says_when_the_smtp_server_is_unavailable_and_the_mail_waits() {
    let db = common::TestDatabase::new().await;
    let mut conn = db.conn().await;
    let message = convene::mail::Message {
        subject: "Waiting".into(),
        text: "Waiting\n".into(),
        html: "<p>Waiting</p>".into(),
    };
    let queued = convene::models::outbox::enqueue(
        &mut conn,
        "invitation",
        "waits",
        None,
        "a@example.org",
        &message,
        "example.org",
    )
    .await
    .unwrap();
    assert!(queued);
    // A port nothing listens on: bound, then let go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let output = convene()
        .env("DATABASE_URL", &db.url)
        .env("SMTP_URL", format!("smtp://127.0.0.1:{port}?tls=none"))
        .args(["worker", "--once"])
        .output()
        .expect("convene worker runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "sent 0, failed 0, dead 0"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the SMTP server is unavailable, the rest of the mail waits in the outbox"),
        "{stderr}"
    );
    let mut conn = db.conn().await;
    let mail = convene::models::outbox::list(&mut conn, None, 10).await.unwrap();
    assert_eq!(mail.len(), 1);
    assert_eq!(
        (mail[0].attempts, mail[0].sent_at, mail[0].dead_at),
        (0, None, None),
        "untried, uncounted"
    );
}

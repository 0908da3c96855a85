//! The `convene` binary as an operator runs it: settings checked at start, the
//! private cluster started, reused and stopped with the app.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::Visitor;
use convene::db::embedded::EmbeddedPostgres;

fn convene() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_convene"));
    for var in [
        "DATABASE_URL",
        "BIND",
        "BASE_URL",
        "DATA_DIR",
        "SMTP_URL",
        "MAIL_FROM",
        "LOG",
        "RUST_LOG",
        "LOG_FORMAT",
        "HTTP_WORKERS",
        "DATABASE_POOL_SIZE",
        "TRUSTED_PROXIES",
        "METRICS_ALLOW",
        "METRICS_TOKEN",
    ] {
        command.env_remove(var);
    }
    command.env("LOG", "warn").stdin(Stdio::null());
    command
}

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

/// A running `convene serve` and the lines it prints.
struct Serving {
    child: Child,
    lines: mpsc::Receiver<String>,
    /// The start-up line: the address, and how the server is sized.
    started: String,
}

impl Serving {
    fn start(command: &mut Command) -> (Self, String) {
        let mut child = command.stdout(Stdio::piped()).spawn().expect("convene starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut serving = Serving {
            child,
            lines,
            started: String::new(),
        };
        serving.started = serving.wait_for("convene is serving at ");
        let address = serving_address(&serving.started);
        (serving, address)
    }

    fn wait_for(&mut self, prefix: &str) -> String {
        loop {
            match self.lines.recv_timeout(Duration::from_secs(120)) {
                Ok(line) if line.trim_start().starts_with(prefix) => return line,
                Ok(_) => continue,
                Err(e) => panic!("convene never printed {prefix:?}: {e}"),
            }
        }
    }

    /// Ctrl-C, as an operator stops it; returns the exit code.
    fn interrupt(mut self) -> Option<i32> {
        let pid = i32::try_from(self.child.id()).expect("pid fits");
        // SAFETY: sending a signal to our own child process.
        unsafe { libc::kill(pid, libc::SIGINT) };
        self.child.wait().expect("convene exits").code()
    }
}

/// The address in the start-up line, without its trailing slash.
fn serving_address(line: &str) -> String {
    line.trim_start()
        .trim_start_matches("convene is serving at ")
        .split_whitespace()
        .next()
        .expect("an address")
        .trim_end_matches('/')
        .to_owned()
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
        group_page.contains("Wednesday 11 June 2014, 14:00"),
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
    convene::demo::load(&mut db.conn().await, chrono::Utc::now())
        .await
        .expect("demo loads");
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
    let meeting = {
        #[derive(diesel::QueryableByName)]
        struct Id {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            id: i64,
        }
        let mut conn = db.conn().await;
        diesel_async::RunQueryDsl::get_result::<Id>(
            diesel::sql_query("SELECT id FROM meetings ORDER BY id LIMIT 1"),
            &mut conn,
        )
        .await
        .expect("a demo meeting")
        .id
    };
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

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    count: i64,
}

/// What the round trip must keep: rows of the tables people see most.
async fn counts(db: &common::TestDatabase) -> Vec<i64> {
    let mut conn = db.conn().await;
    let mut counts = Vec::new();
    for table in [
        "action_points",
        "action_point_updates",
        "meetings",
        "agenda_items",
        "users",
        "organizations",
    ] {
        let found: Count = diesel_async::RunQueryDsl::get_result(
            diesel::sql_query(format!("SELECT count(*) AS count FROM {table}")),
            &mut conn,
        )
        .await
        .expect("count");
        counts.push(found.count);
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
    convene::demo::load(&mut original.conn().await, chrono::Utc::now())
        .await
        .expect("demo loads");
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

    let meeting = {
        let mut conn = original.conn().await;
        #[derive(diesel::QueryableByName)]
        struct Id {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            id: i64,
        }
        diesel_async::RunQueryDsl::get_result::<Id>(
            diesel::sql_query(
                "SELECT meeting_id AS id FROM agenda_items GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id LIMIT 1",
            ),
            &mut conn,
        )
        .await
        .unwrap()
        .id
    };
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

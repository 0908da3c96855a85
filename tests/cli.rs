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
        let mut serving = Serving { child, lines };
        let address = serving
            .wait_for("convene is serving at ")
            .trim_start_matches("convene is serving at ")
            .trim_end_matches('/')
            .to_owned();
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
    assert_eq!((status, health.contains("\"database\":\"ok\"")), (200, true));
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

//! The test harness: each test gets the real app on a free port, with its own
//! database cloned from a migrated template, on `DATABASE_URL`'s server when set
//! and otherwise on a private cluster under `target/`.

#![allow(dead_code)] // Each test binary uses a different part of the harness.

pub mod api;
#[cfg(feature = "e2e")]
pub mod browser;
pub mod live;
pub mod mail;
pub mod meetings;
pub mod process;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use convene::config::Settings;
use convene::db::embedded::EmbeddedPostgres;
use convene::startup::Application;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use tokio::sync::OnceCell;
use url::Url;

/// The server the tests use, as a URL to its `postgres` database.
async fn admin_url() -> &'static str {
    static ADMIN: OnceCell<String> = OnceCell::const_new();
    ADMIN
        .get_or_init(|| async {
            match std::env::var("DATABASE_URL").ok().filter(|u| !u.is_empty()) {
                Some(url) => with_database(&url, "postgres"),
                None => tokio::task::spawn_blocking(|| {
                    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("test-db");
                    let cluster = EmbeddedPostgres::locate(&dir).expect("PostgreSQL server binaries for the tests");
                    cluster.start().expect("the tests' private PostgreSQL cluster starts");
                    cluster.url("postgres")
                })
                .await
                .expect("cluster start-up thread"),
            }
        })
        .await
}

/// `url` pointing at another database on the same server.
pub fn with_database(url: &str, database: &str) -> String {
    let mut parsed = Url::parse(url).expect("a valid database URL");
    parsed.set_path(&format!("/{database}"));
    parsed.to_string()
}

/// A name that changes whenever a migration does, so a stale template is never used.
fn template_name() -> String {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut dirs: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .expect("migrations directory")
        .map(|e| e.expect("migration entry").path())
        .collect();
    dirs.sort();
    for dir in dirs {
        for file in ["up.sql", "down.sql"] {
            let bytes = std::fs::read(dir.join(file)).unwrap_or_default();
            for b in dir.to_string_lossy().bytes().chain(bytes) {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    format!("convene_template_{:016x}", hash)
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// Creates and migrates the template once per server, safely across processes.
async fn template() -> &'static str {
    static TEMPLATE: OnceCell<String> = OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let admin = admin_url().await;
            let name = template_name();
            let mut conn = AsyncPgConnection::establish(admin)
                .await
                .expect("connect to the test server");
            diesel::sql_query("SELECT pg_advisory_lock(4200417)")
                .execute(&mut conn)
                .await
                .expect("lock");
            let exists: Count = diesel::sql_query("SELECT count(*) AS count FROM pg_database WHERE datname = $1")
                .bind::<Text, _>(&name)
                .get_result(&mut conn)
                .await
                .expect("look up the template");
            if exists.count == 0 {
                let building = format!("{name}_building");
                diesel::sql_query(format!("DROP DATABASE IF EXISTS {building}"))
                    .execute(&mut conn)
                    .await
                    .expect("drop");
                diesel::sql_query(format!("CREATE DATABASE {building}"))
                    .execute(&mut conn)
                    .await
                    .expect("create");
                convene::db::migrate(&with_database(admin, &building))
                    .await
                    .expect("migrate the template");
                // Renaming publishes the finished template in one step.
                diesel::sql_query(format!("ALTER DATABASE {building} RENAME TO {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("publish the template");
            }
            diesel::sql_query("SELECT pg_advisory_unlock(4200417)")
                .execute(&mut conn)
                .await
                .expect("unlock");
            name
        })
        .await
}

fn unique_database_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "convene_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos
    )
}

/// A fresh database cloned from the migrated template; dropped with this value.
pub struct TestDatabase {
    pub name: String,
    pub url: String,
    admin: String,
}

impl TestDatabase {
    pub async fn new() -> Self {
        Self::create(Some(template().await)).await
    }

    /// A database with nothing in it, not even the migrations: where a backup is restored.
    pub async fn empty() -> Self {
        Self::create(None).await
    }

    pub async fn load_demo(&self) {
        convene::demo::load(&mut self.conn().await, chrono::Utc::now())
            .await
            .expect("demo loads");
    }

    async fn create(template: Option<&str>) -> Self {
        let admin = admin_url().await.to_owned();
        let name = unique_database_name();
        let mut conn = AsyncPgConnection::establish(&admin)
            .await
            .expect("connect to the test server");
        let from = template.map(|t| format!(" TEMPLATE {t}")).unwrap_or_default();
        diesel::sql_query(format!("CREATE DATABASE {name}{from}"))
            .execute(&mut conn)
            .await
            .expect("create the test database");
        TestDatabase {
            url: with_database(&admin, &name),
            name,
            admin,
        }
    }

    /// A `SELECT count(*) AS count ...` answer.
    pub async fn count(&self, sql: &str) -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = BigInt)]
            count: i64,
        }
        diesel::sql_query(sql)
            .get_result::<Count>(&mut self.conn().await)
            .await
            .expect("count query")
            .count
    }

    /// The id behind a natural key, for building URLs.
    pub async fn id(&self, sql: &str) -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Id {
            #[diesel(sql_type = BigInt)]
            id: i64,
        }
        diesel::sql_query(sql)
            .get_result::<Id>(&mut self.conn().await)
            .await
            .expect("id query")
            .id
    }

    pub async fn conn(&self) -> AsyncPgConnection {
        AsyncPgConnection::establish(&self.url)
            .await
            .expect("connect to the test database")
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let admin = self.admin.clone();
        let name = self.name.clone();
        // Drop runs inside the test's runtime; the clean-up gets a runtime of its own.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let mut conn = AsyncPgConnection::establish(&admin).await.ok()?;
                diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await
                    .ok()
            })
        })
        .join();
    }
}

pub struct TestApp {
    pub address: String,
    pub db: TestDatabase,
}

/// Someone using the app through a browser-like client with its own cookies.
pub struct Visitor {
    pub address: String,
    pub client: reqwest::Client,
}

/// The CSRF token of the first form on a page.
/// The rows an import's preview hands to its confirmation.
pub fn hidden_rows(html: &str) -> String {
    let marker = "name=\"rows\" value=\"";
    let start = html.find(marker).expect("a confirm form") + marker.len();
    let raw = &html[start..start + html[start..].find('"').unwrap()];
    raw.replace("&quot;", "\"").replace("&amp;", "&")
}

/// A downloaded CSV file's cells, its byte-order mark left out.
pub fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap().trim_start_matches('\u{feff}');
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The value of the sample `series` (name and labels, as written) in a `/metrics` text, if present.
pub fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

pub fn form_token(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("the page has a form with a CSRF token") + marker.len();
    html[start..start + html[start..].find('"').expect("closing quote")].to_owned()
}

impl Visitor {
    /// A browser-like client for the app at `address`, not signed in.
    pub fn new(address: &str) -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("HTTP client");
        Visitor {
            address: address.trim_end_matches('/').to_owned(),
            client,
        }
    }

    /// Signs in through the sign-in form.
    pub async fn sign_in(self, email: &str, password: &str) -> Self {
        let response = self
            .submit("/login", "/login", &[("email", email), ("password", password)])
            .await;
        assert_eq!(response.status(), 303, "sign-in as {email}");
        self
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request reaches the app")
    }

    /// The body of a page that must answer 200.
    pub async fn page(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.expect("page body")
    }

    /// Sends `bytes` as the file `file_name` through the upload form at `path`.
    pub async fn upload(&self, path: &str, file_name: &str, bytes: Vec<u8>) -> reqwest::Response {
        let token = form_token(&self.page(path).await);
        let form = reqwest::multipart::Form::new().text("csrf_token", token).part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()),
        );
        self.client
            .post(self.url(path))
            .multipart(form)
            .send()
            .await
            .expect("request reaches the app")
    }

    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("request reaches the app")
    }

    /// Fills in the form on `form_page` (with its CSRF token) and posts it to `action`.
    pub async fn submit(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = form_token(&self.page(form_page).await);
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", &token)];
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }
}

impl TestApp {
    /// A visitor with no session.
    pub fn visitor(&self) -> Visitor {
        Visitor::new(&self.address)
    }

    /// A visitor signed in through the sign-in form.
    pub async fn sign_in(&self, email: &str, password: &str) -> Visitor {
        self.visitor().sign_in(email, password).await
    }

    /// A visitor signed in with one of the demo logins ("admin", "coordinator", "member", "subgroup").
    pub async fn sign_in_demo(&self, role: &str) -> Visitor {
        let (_, email, password) = convene::demo::LOGINS
            .iter()
            .find(|(r, _, _)| *r == role)
            .expect("a demo login of that role");
        self.sign_in(email, password).await
    }

    pub async fn load_demo(&self) {
        self.db.load_demo().await
    }

    /// A `SELECT count(*) AS count ...` answer.
    pub async fn count(&self, sql: &str) -> i64 {
        self.db.count(sql).await
    }

    /// The id behind a natural key, for building URLs.
    pub async fn id(&self, sql: &str) -> i64 {
        self.db.id(sql).await
    }
}

/// Starts the app, through the same factory `main` uses, on a free port.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// Starts the app with some settings of the test's own (`SMTP_URL`, `BASE_URL`,
/// `BACKGROUND_JOBS`); background jobs are off unless asked for, so tests drive the
/// planner and the worker with a clock they set.
pub async fn spawn_app_with(vars: &[(&str, &str)]) -> TestApp {
    spawn_app_on(TestDatabase::new().await, vars)
}

/// Starts the app on `db`, with settings as [`spawn_app_with`].
pub fn spawn_app_on(db: TestDatabase, vars: &[(&str, &str)]) -> TestApp {
    let address = start_app(&db.url, vars);
    TestApp { address, db }
}

/// Starts the app on the database at `database_url`, as `spawn_app_with` does; returns
/// its address.
pub fn start_app(database_url: &str, vars: &[(&str, &str)]) -> String {
    let settings = Settings::from_lookup(|name| match vars.iter().find(|(var, _)| *var == name) {
        Some((_, value)) => Some((*value).to_owned()),
        None => match name {
            "BIND" => Some("127.0.0.1:0".into()),
            "DATABASE_URL" => Some(database_url.to_owned()),
            "DATABASE_POOL_SIZE" => Some("4".into()),
            "HTTP_WORKERS" => Some("2".into()),
            "LOG" => Some("warn".into()),
            "BACKGROUND_JOBS" => Some("off".into()),
            _ => None,
        },
    })
    .expect("test settings are valid");
    let app = Application::build(Arc::new(settings), database_url.to_owned()).expect("the app binds a free port");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    address
}

//! Connection pools, migrations, and the private PostgreSQL cluster used when
//! `DATABASE_URL` is unset.

pub mod backup;
pub mod embedded;

use std::cell::Cell;
use std::future::Future;
use std::time::Duration;

use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::deadpool::{Object, Pool};
use diesel_async::pooled_connection::{AsyncDieselConnectionManager, ManagerConfig, RecyclingMethod};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use futures_util::FutureExt;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

pub type DbPool = Pool<AsyncPgConnection>;
pub type DbConn = Object<AsyncPgConnection>;

/// How long opening a connection may take: a server that accepts and never answers is down.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens one connection with the statement timeout every connection of the app carries.
pub async fn connect(url: &str, statement_timeout: Duration) -> ConnectionResult<AsyncPgConnection> {
    let mut conn = tokio::time::timeout(CONNECT_TIMEOUT, AsyncPgConnection::establish(url))
        .await
        .map_err(|_| {
            ConnectionError::BadConnection(format!(
                "no answer from the database within {} s",
                CONNECT_TIMEOUT.as_secs()
            ))
        })??;
    // JIT compiling costs a page's queries hundreds of milliseconds each time their
    // estimate passes its threshold, more than running them takes through their indexes.
    conn.batch_execute(&format!(
        "SET statement_timeout = {}; SET jit = off",
        statement_timeout.as_millis()
    ))
    .await
    .map_err(ConnectionError::CouldntSetupConfiguration)?;
    conn.set_instrumentation(CountStatements);
    Ok(conn)
}

tokio::task_local! {
    /// The statements sent so far by the task running [`counting_statements`].
    static STATEMENTS: Cell<u32>;
}

/// Counts each statement a connection sends towards the task that sent it, so that a
/// request's statements are counted whichever pooled connection served it.
struct CountStatements;

impl Instrumentation for CountStatements {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if matches!(event, InstrumentationEvent::StartQuery { .. }) {
            // Outside a counted task (background jobs, commands) there is nothing to count.
            let _ = STATEMENTS.try_with(|count| count.set(count.get() + 1));
        }
    }
}

/// Runs `work` and says how many statements its connections sent meanwhile.
pub async fn counting_statements<F: Future>(work: F) -> (F::Output, u32) {
    STATEMENTS
        .scope(Cell::new(0), async {
            let output = work.await;
            (output, STATEMENTS.with(Cell::get))
        })
        .await
}

/// Whether a query failed because the database went away (the connection closed, the
/// server shutting down, restarting or starting up) rather than because of the query, so
/// that trying again once it is back may succeed.
pub fn is_disconnect(error: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match error {
        Error::BrokenTransactionManager
        | Error::DatabaseError(DatabaseErrorKind::UnableToSendCommand | DatabaseErrorKind::ClosedConnection, _) => true,
        // SQLSTATE class 57 (admin_shutdown, crash_shutdown, cannot_connect_now) has no kind of
        // its own in diesel; the server's messages for it are fixed.
        Error::DatabaseError(_, info) => {
            let message = info.message();
            message.starts_with("terminating connection") || message.starts_with("the database system is")
        }
        _ => false,
    }
}

/// Whether a query was cancelled by the statement timeout every connection carries: the
/// database was too slow for this request, which may succeed when tried again.
pub fn is_timeout(error: &diesel::result::Error) -> bool {
    matches!(error, diesel::result::Error::DatabaseError(_, info)
        if info.message().starts_with("canceling statement due to statement timeout"))
}

/// A pool whose connections skip the per-checkout `SELECT 1` ("fast" recycling): a
/// connection the server closed is still never handed out again, since the pool drops
/// every connection whose socket has closed or whose transaction broke when it comes
/// back; one that breaks during a request fails that request with a 503.
pub fn pool(url: &str, size: usize, statement_timeout: Duration) -> DbPool {
    let mut config = ManagerConfig::default();
    config.recycling_method = RecyclingMethod::Fast;
    config.custom_setup = Box::new(move |url| connect(url, statement_timeout).boxed());
    let manager = AsyncDieselConnectionManager::new_with_config(url, config);
    Pool::builder(manager)
        .max_size(size)
        .wait_timeout(Some(Duration::from_secs(10)))
        .create_timeout(Some(CONNECT_TIMEOUT))
        .runtime(deadpool::Runtime::Tokio1)
        .build()
        .expect("a pool with a runtime and timeouts always builds")
}

/// Applies every embedded migration not yet applied; returns how many ran.
/// Diesel's migration harness is synchronous, so it runs on a blocking thread.
pub async fn migrate(url: &str) -> anyhow::Result<usize> {
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut conn = <AsyncConnectionWrapper<AsyncPgConnection> as diesel::Connection>::establish(&url)?;
        let applied = conn
            .run_pending_migrations(MIGRATIONS)
            .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
        Ok(applied.len())
    })
    .await?
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Text)]
    version: String,
}

/// How many of the embedded migrations the database behind `conn` has not had yet
/// (all of them when it was never migrated).
pub async fn pending_migrations(conn: &mut AsyncPgConnection) -> QueryResult<usize> {
    static EMBEDDED: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        diesel::migration::MigrationSource::<diesel::pg::Pg>::migrations(&MIGRATIONS)
            .expect("embedded migrations always list")
            .iter()
            .map(|m| m.name().version().to_string())
            .collect()
    });
    let table: Exists = diesel::sql_query("SELECT to_regclass('__diesel_schema_migrations') IS NOT NULL AS exists")
        .get_result(conn)
        .await?;
    if !table.exists {
        return Ok(EMBEDDED.len());
    }
    let applied: Vec<Version> = diesel::sql_query("SELECT version FROM __diesel_schema_migrations")
        .load(conn)
        .await?;
    Ok(EMBEDDED
        .iter()
        .filter(|version| !applied.iter().any(|a| &a.version == *version))
        .count())
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    exists: bool,
}

/// Creates `name` on the server behind `admin_url` unless it exists, optionally from a
/// template; returns whether it was created.
pub async fn create_database(admin_url: &str, name: &str, template: Option<&str>) -> anyhow::Result<bool> {
    let mut conn = AsyncPgConnection::establish(admin_url).await?;
    let found = diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists")
        .bind::<Text, _>(name)
        .get_result::<Exists>(&mut conn)
        .await?;
    if found.exists {
        return Ok(false);
    }
    let mut sql = format!("CREATE DATABASE {}", quote_ident(name));
    if let Some(template) = template {
        sql.push_str(&format!(" TEMPLATE {}", quote_ident(template)));
    }
    match diesel::sql_query(sql).execute(&mut conn).await {
        Ok(_) => Ok(true),
        // Another process created it between our check and our CREATE.
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(e) if e.to_string().contains("already exists") => Ok(false),
        Err(e) => Err(e.into()),
    }
}

pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

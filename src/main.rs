use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand};
use convene::config::Settings;
use convene::db::{self, embedded::Attachment, embedded::EmbeddedPostgres};
use convene::flows::accounts;
use convene::jobs::Backoff;
use convene::startup::Application;
use convene::{demo, telemetry};
use tokio::sync::watch;

#[derive(Parser)]
#[command(name = "convene", version, about = "A workspace for coordination working groups")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app (the default).
    Serve,
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Load the demo working group (idempotent), then exit.
    Demo,
    /// Send the outbox through SMTP_URL until stopped (Ctrl-C or SIGTERM).
    Worker {
        /// Send everything that is due now, then exit.
        #[arg(long)]
        once: bool,
    },
    /// Queue the reminders that are due now, then exit (the planner also runs every
    /// minute inside `serve`).
    Remind {
        /// Plan as of this instant (RFC 3339) instead of now, e.g. to measure a day's run
        /// after one for the day before.
        #[arg(long)]
        at: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// Write the benchmark's dataset into an empty database (see bench/README.md), then
    /// print the paths of the pages the benchmark measures.
    BenchData {
        /// 1 is a country-wide cluster: 60 groups, 2,000 people, 10,000 meetings, 200,000
        /// action points with 550,000 status updates, 20,000 workplan tasks.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        #[arg(long, default_value_t = 1)]
        seed: u32,
        /// The day the data is anchored at (YYYY-MM-DD); today (UTC) unless given.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage personal API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Write a backup of the database to FILE in pg_dump's custom format; given a directory,
    /// to a new file there named after this version and the time.
    Backup { file: PathBuf },
    /// Restore a backup (from `convene backup` or `pg_dump --format=custom`) into an empty
    /// database, then migrate it to this version.
    Restore {
        file: PathBuf,
        /// Restore into a database that is not empty, replacing what the backup holds.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a personal API token for an account and print it; it is shown only once.
    Create {
        #[arg(long)]
        email: String,
        /// What the token is for, as its owner sees it in their list.
        #[arg(long)]
        label: Option<String>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account and print a one-time link to choose its password.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Make the account a site administrator.
        #[arg(long)]
        admin: bool,
    },
}

/// The database the app talks to: the configured server, or the private cluster, which
/// this process shares with any other using it (a second `serve`, a CLI command beside it).
struct Database {
    url: String,
    embedded: Option<(Arc<EmbeddedPostgres>, Attachment)>,
    /// Whether the database was created by this start (a fresh embedded cluster).
    created: bool,
}

/// How often a long-running command checks that the private cluster still runs.
const CLUSTER_CHECK: Duration = Duration::from_secs(1);

impl Database {
    fn open(settings: &Settings) -> anyhow::Result<Self> {
        if let Some(url) = &settings.database_url {
            tracing::info!(database = %url, "using DATABASE_URL");
            return Ok(Database {
                url: url.expose().to_owned(),
                embedded: None,
                created: false,
            });
        }
        let cluster = EmbeddedPostgres::locate(&settings.data_dir)?;
        tracing::info!("{}", cluster.describe());
        let attachment = cluster.attach()?;
        Ok(Database {
            url: cluster.url("convene"),
            embedded: Some((Arc::new(cluster), attachment)),
            created: false,
        })
    }

    /// Creates the private cluster's database when needed and, if asked, migrates it.
    async fn prepare(&mut self, migrate: bool) -> anyhow::Result<()> {
        if let Some((cluster, _)) = &self.embedded {
            self.created = db::create_database(&cluster.url("postgres"), "convene", None).await?;
        }
        if migrate {
            self.migrate().await?;
        }
        Ok(())
    }

    async fn migrate(&self) -> anyhow::Result<()> {
        let applied = db::migrate(&self.url).await?;
        if applied > 0 {
            tracing::info!(applied, "applied database migrations");
        }
        Ok(())
    }

    /// Where pg_dump and pg_restore come from: the private cluster's binaries, if any.
    fn bindir(&self) -> Option<&std::path::Path> {
        self.embedded.as_ref().map(|(cluster, _)| cluster.bindir())
    }

    /// For a long-running command on the private cluster: starts the cluster again whenever
    /// it is found stopped (killed, crashed, stopped by hand) until the watch ends.
    fn watch(&self) -> Option<Watch> {
        let (cluster, _) = self.embedded.as_ref()?;
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(keep_running(cluster.clone(), stopped));
        Some(Watch { stop, task })
    }

    /// Leaves the private cluster, stopping it if no other process uses it.
    fn close(self) {
        let Some((cluster, attachment)) = self.embedded else {
            return;
        };
        match cluster.detach(attachment) {
            Ok(true) => tracing::info!("stopped the private PostgreSQL cluster"),
            Ok(false) => tracing::info!("left the private PostgreSQL cluster running for the other processes using it"),
            Err(e) => tracing::error!("could not stop the private PostgreSQL cluster: {e}"),
        }
    }
}

/// A running `keep_running`.
struct Watch {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl Watch {
    async fn end(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

/// Checks every second that the cluster runs and starts it again when it does not, with
/// capped backoff while that fails; one log line when it is found stopped, one when it
/// runs again.
async fn keep_running(cluster: Arc<EmbeddedPostgres>, mut stop: watch::Receiver<bool>) {
    let mut outage = Backoff::new(Duration::from_millis(500), Duration::from_secs(15));
    while !*stop.borrow() {
        let wait = if cluster.is_running() {
            CLUSTER_CHECK
        } else {
            if !outage.is_down() {
                tracing::warn!("the private PostgreSQL cluster is not running; starting it again");
            }
            let starting = cluster.clone();
            match tokio::task::spawn_blocking(move || starting.start()).await {
                Ok(Ok(_)) => {
                    outage.succeeded();
                    tracing::info!("the private PostgreSQL cluster runs again");
                    CLUSTER_CHECK
                }
                Ok(Err(e)) => outage_wait(&mut outage, &e),
                Err(e) => outage_wait(&mut outage, &e),
            }
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            changed = stop.changed() => if changed.is_err() { break },
        }
    }
}

fn outage_wait(outage: &mut Backoff, error: &dyn std::fmt::Display) -> Duration {
    let (wait, first) = outage.failed();
    if first {
        tracing::error!("cannot start the private PostgreSQL cluster, trying again: {error}");
    }
    wait
}

async fn load_demo(url: &str, settings: &Settings) -> anyhow::Result<()> {
    let mut conn = db::connect(url, settings.statement_timeout).await?;
    demo::load(&mut conn, chrono::Utc::now()).await?;
    tracing::info!("demo data loaded");
    Ok(())
}

async fn run_worker(settings: &Arc<Settings>, url: &str, once: bool) -> anyhow::Result<()> {
    let Some(mailer) = convene::jobs::mailer(settings)? else {
        anyhow::bail!("SMTP_URL is not set: mail stays in the outbox, readable at /admin/outbox");
    };
    if once {
        let mut conn = db::connect(url, settings.statement_timeout).await?;
        let config = convene::jobs::worker::WorkerConfig::new(settings);
        let round = convene::jobs::worker::run_until_settled(&mut conn, &mailer, &config, chrono::Utc::now()).await;
        mailer.close().await;
        let round = round?;
        println!("sent {}, failed {}, dead {}", round.sent, round.failed, round.dead);
        if let Some(error) = round.unavailable {
            anyhow::bail!("the SMTP server is unavailable, the rest of the mail waits in the outbox: {error}");
        }
        return Ok(());
    }
    let (stop, stopped) = watch::channel(false);
    let jobs = convene::jobs::Jobs {
        plan: false,
        send: Some(mailer),
        // No /metrics without the web server: counted, never read.
        metrics: Default::default(),
    };
    let worker = tokio::spawn(convene::jobs::run(settings.clone(), url.to_owned(), jobs, stopped));
    tracing::info!("the mail worker is running; Ctrl-C stops it");
    shutdown_signal().await;
    let _ = stop.send(true);
    worker.await?;
    Ok(())
}

/// Ctrl-C, or SIGTERM from a service manager.
async fn shutdown_signal() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = async { match &mut term { Some(term) => { term.recv().await; } None => std::future::pending().await } } => {}
    }
}

async fn run(command: Command, settings: Settings) -> anyhow::Result<()> {
    let settings = Arc::new(settings);
    let mut database = Database::open(&settings)?;
    let long_running = matches!(command, Command::Serve | Command::Worker { once: false });
    let watch = long_running.then(|| database.watch()).flatten();
    let outcome = async {
        // A restore wants the database as the backup left it, migrated only after.
        database.prepare(!matches!(command, Command::Restore { .. })).await?;
        match command {
            Command::Migrate => Ok(()),
            Command::Demo => load_demo(&database.url, &settings).await,
            Command::BenchData { scale, seed, today } => {
                let sizes = convene::bench_data::Sizes::at(scale)?;
                let mut conn = db::connect(&database.url, Duration::from_secs(3600)).await?;
                let today = today.unwrap_or_else(|| chrono::Utc::now().date_naive());
                convene::bench_data::generate(&mut conn, sizes, seed, today).await?;
                println!("wrote the benchmark's data at scale {scale} (seed {seed}, {today}): {sizes:?}");
                for page in convene::bench_data::key_pages(&mut conn).await? {
                    println!("page\t{}\t{}", page.name, page.path);
                }
                Ok(())
            }
            Command::User {
                command: UserCommand::Add { email, name, admin },
            } => {
                let mut conn = db::connect(&database.url, settings.statement_timeout).await?;
                let link = accounts::add_user(&mut conn, &settings.base_url, &email, &name, admin).await?;
                println!("created {email}; they choose a password at (valid for 3 days, once):\n{link}");
                Ok(())
            }
            Command::Remind { at } => {
                let mut conn = db::connect(&database.url, settings.statement_timeout).await?;
                let mail = convene::mail::MailSettings::new(&settings);
                let planned =
                    convene::jobs::planner::run_once(&mut conn, &mail, at.unwrap_or_else(chrono::Utc::now)).await?;
                println!(
                    "queued {} meeting reminders, {} update requests, {} action point reminders, {} task reminders, \
                     {} digests; cancelled {} stale ones",
                    planned.meeting_reminders,
                    planned.update_requests,
                    planned.action_points_due,
                    planned.tasks_ending,
                    planned.digests,
                    planned.cancelled
                );
                Ok(())
            }
            Command::Worker { once } => run_worker(&settings, &database.url, once).await,
            Command::Backup { file } => {
                let file = db::backup::backup_file(&file, chrono::Utc::now());
                db::backup::backup(&database.url, database.bindir(), &file).await?;
                println!(
                    "backed up the database of convene {} to {}",
                    env!("CARGO_PKG_VERSION"),
                    file.display()
                );
                Ok(())
            }
            Command::Restore { file, force } => {
                db::backup::restore(&database.url, database.bindir(), &file, force).await?;
                database.migrate().await?;
                println!("restored {}", file.display());
                Ok(())
            }
            Command::Token {
                command: TokenCommand::Create { email, label },
            } => {
                let mut conn = db::connect(&database.url, settings.statement_timeout).await?;
                let token = accounts::issue_api_token(&mut conn, &email, label.as_deref()).await?;
                println!("created an API token for {email}; it is shown only now, keep it secret:\n{token}");
                Ok(())
            }
            Command::Serve => {
                // The private cluster gets the demo the first time; a real server only when asked.
                if database.created {
                    load_demo(&database.url, &settings).await?;
                }
                let app = Application::build(settings.clone(), database.url.clone())?;
                let mut address = settings.base_url.clone();
                if settings.bind.port() == 0 {
                    let _ = address.set_port(Some(app.port()));
                }
                let (workers, connections) = app.sizing();
                println!(
                    "convene is serving at {address} ({workers} HTTP workers, {connections} database connections each)"
                );
                if database.embedded.is_some() {
                    for (role, email, password) in demo::LOGINS {
                        println!("  demo {role}: {email} / {password}");
                    }
                }
                app.run_until_stopped().await?;
                tracing::info!("stopped serving");
                Ok(())
            }
        }
    }
    .await;
    if let Some(watch) = watch {
        watch.end().await;
    }
    database.close();
    outcome
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("convene: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&settings.log_filter, settings.log_format);
    let command = cli.command.unwrap_or(Command::Serve);
    let system = actix_web::rt::System::new();
    match system.block_on(run(command, settings)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("convene: {e:#}");
            ExitCode::FAILURE
        }
    }
}

//! `convene backup` and `convene restore`: the app's database through PostgreSQL's own
//! pg_dump and pg_restore in their custom format, so the plain tools read and write the
//! same files.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use anyhow::{Context, bail};
use diesel::sql_types::BigInt;
use diesel_async::RunQueryDsl;
use tokio::process::Command;
use url::Url;

use super::embedded::{Search, find_bindir};

/// The first bytes of every custom-format archive.
const ARCHIVE_MAGIC: &[u8] = b"PGDMP";

/// The file a backup goes to: `target` itself, or, when `target` is a directory, a file
/// in it named after this version of convene and the time, such as
/// `convene-0.1.0-20250611T120000Z.dump`.
pub fn backup_file(target: &Path, now: chrono::DateTime<chrono::Utc>) -> PathBuf {
    if target.is_dir() {
        target.join(format!(
            "convene-{}-{}.dump",
            env!("CARGO_PKG_VERSION"),
            now.format("%Y%m%dT%H%M%SZ")
        ))
    } else {
        target.to_owned()
    }
}

/// Writes the database at `url` to `file` with pg_dump from `bindir`; an existing file
/// is never overwritten, and a failed dump leaves nothing behind.
pub async fn backup(url: &str, bindir: Option<&Path>, file: &Path) -> anyhow::Result<()> {
    if file.exists() {
        bail!(
            "{} exists already: back up to a new file or to a directory",
            file.display()
        );
    }
    let mut partial = file.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let mut command = tool("pg_dump", bindir, url)?;
    command.arg("--format=custom").arg("--file").arg(&partial);
    if let Err(e) = run(command).await {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, file).with_context(|| format!("cannot move the backup to {}", file.display()))
}

/// Restores `file` into the database at `url` with pg_restore from `bindir`, in one
/// transaction: into an empty database, or, with `force`, over what it holds (the
/// backup's tables are dropped first and recreated).
pub async fn restore(url: &str, bindir: Option<&Path>, file: &Path, force: bool) -> anyhow::Result<()> {
    let mut magic = [0u8; ARCHIVE_MAGIC.len()];
    std::io::Read::read_exact(
        &mut std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?,
        &mut magic,
    )
    .ok();
    if magic != ARCHIVE_MAGIC {
        bail!(
            "{} is not a backup made by convene backup or pg_dump --format=custom",
            file.display()
        );
    }
    let tables = count_tables(url).await?;
    if tables > 0 && !force {
        bail!(
            "the database is not empty (it holds {tables} tables): restore into a new, empty database, \
             or give --force to replace its contents with the backup's"
        );
    }
    let mut command = tool("pg_restore", bindir, url)?;
    command.args([
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
    ]);
    if force {
        command.args(["--clean", "--if-exists"]);
    }
    command.arg(file);
    run(command).await
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// Tables, views and sequences outside PostgreSQL's own schemas.
async fn count_tables(url: &str) -> anyhow::Result<i64> {
    let mut conn = <diesel_async::AsyncPgConnection as diesel_async::AsyncConnection>::establish(url).await?;
    let found: Count = diesel::sql_query(
        "SELECT count(*) AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
           AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')",
    )
    .get_result(&mut conn)
    .await?;
    Ok(found.count)
}

/// `name` from `bindir` (else found like the server binaries), pointed at `url`. The
/// password goes through the environment, never the command line that `ps` shows.
fn tool(name: &str, bindir: Option<&Path>, url: &str) -> anyhow::Result<Command> {
    let dir = bindir
        .filter(|dir| dir.join(name).is_file())
        .map(Path::to_owned)
        .or_else(|| find_bindir(&[name], Search::NewestFirst))
        .with_context(|| {
            format!("no {name} found on PATH, via pg_config --bindir or under /usr/lib/postgresql (Debian: apt-get install postgresql-client)")
        })?;
    let mut url = Url::parse(url).context("the database URL")?;
    let password = url
        .password()
        .map(|p| percent_encoding::percent_decode_str(p).decode_utf8_lossy().into_owned());
    let _ = url.set_password(None);
    let mut command = Command::new(dir.join(name));
    command.arg("--dbname").arg(url.as_str()).stdin(Stdio::null());
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    Ok(command)
}

async fn run(mut command: Command) -> anyhow::Result<()> {
    let program = command.as_std().get_program().to_string_lossy().into_owned();
    let output = command
        .output()
        .await
        .with_context(|| format!("cannot run {program}"))?;
    if !output.status.success() {
        bail!(
            "{program} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

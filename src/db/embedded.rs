//! Private PostgreSQL cluster from the system's server binaries, used when DATABASE_URL is unset.
//!
//! The cluster listens on no TCP port, only on a Unix socket in a 0700 directory of its own, so it never
//! meets a system server on port 5432 and `trust` authentication is safe.
//!
//! Several processes share one cluster (a `serve`, a second `serve`, any CLI command beside them): each
//! [`attach`](EmbeddedPostgres::attach)es, holding a shared flock on `users.lock` for as long as it runs,
//! and the one that [`detach`](EmbeddedPostgres::detach)es last, finding no other holder, stops the
//! cluster. The kernel drops a process's lock however it ends, kill -9 included; a cluster whose last user
//! was killed keeps running and is adopted by the next one.

use std::ffi::{CStr, OsStr};
use std::fmt;
use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt, chown};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The cluster's superuser.
const SUPERUSER: &str = "convene";
const SOCKET_FILE: &str = ".s.PGSQL.5432";
/// A socket path may hold 107 bytes (`sun_path` less its NUL); stay clear of the edge.
const MAX_SOCKET_PATH: usize = 100;

/// A cluster under a data directory, created and started on demand, adopted when already running.
pub struct EmbeddedPostgres {
    bindir: PathBuf,
    /// The absolute data directory asked for; `base` differs when the cluster had to move.
    data_dir: PathBuf,
    /// Parent of PGDATA: holds `pg/`, `postgres.log`, `start.lock`, `users.lock` and usually `socket/`.
    base: PathBuf,
    pgdata: PathBuf,
    socket_dir: PathBuf,
    /// The account the tools run as when we are root, since they refuse to run as root.
    run_as: Option<Account>,
}

struct Account {
    uid: libc::uid_t,
    gid: libc::gid_t,
    home: PathBuf,
}

/// One process's use of the cluster: a shared flock on `users.lock`, released by the kernel when the
/// process ends, however it ends. Hand it back to `detach` to stop the cluster if it was the last.
#[must_use = "detach it, so that the last process to leave stops the cluster"]
pub struct Attachment {
    users: File,
}

#[derive(Debug)]
pub enum EmbeddedError {
    /// No directory holds all of `initdb`, `pg_ctl` and `postgres`.
    BinariesNotFound,
    /// Running as root, but there is no `postgres` account to run the server as.
    NoPostgresUser,
    /// A file system operation failed; `context` says which, and on what.
    Io { context: String, source: io::Error },
    /// A PostgreSQL tool failed; `detail` holds its output (and the server log's tail).
    Command { command: String, detail: String },
}

impl fmt::Display for EmbeddedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BinariesNotFound => f.write_str(
                "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found on PATH, via pg_config --bindir, \
                 or under /usr/lib/postgresql/*/bin: install PostgreSQL (Debian: apt-get install postgresql) \
                 or set DATABASE_URL to an existing server",
            ),
            Self::NoPostgresUser => f.write_str(
                "running as root, but there is no `postgres` user to run PostgreSQL as (initdb and postgres refuse \
                 to run as root): install PostgreSQL's server package, run as a normal user, or set DATABASE_URL",
            ),
            Self::Io { context, source } => write!(f, "{context}: {source}"),
            Self::Command { command, detail } => write!(f, "`{command}` failed: {detail}"),
        }
    }
}

/// Display already includes the underlying error, so `source` stays empty (no doubled chains).
impl std::error::Error for EmbeddedError {}

fn io_error(context: impl fmt::Display, path: &Path) -> impl FnOnce(io::Error) -> EmbeddedError {
    let context = format!("{context} {}", path.display());
    move |source| EmbeddedError::Io { context, source }
}

impl EmbeddedPostgres {
    /// Finds the server binaries and decides where the cluster and its socket live. No side effects.
    pub fn locate(data_dir: &Path) -> Result<Self, EmbeddedError> {
        let data_dir = resolve(data_dir).map_err(io_error("cannot resolve", data_dir))?;
        let bindir =
            find_bindir(&["initdb", "pg_ctl", "postgres"], Search::PathFirst).ok_or(EmbeddedError::BinariesNotFound)?;
        // SAFETY: geteuid has no preconditions and cannot fail.
        let run_as = if unsafe { libc::geteuid() } == 0 {
            Some(postgres_account()?)
        } else {
            None
        };
        let hash = fnv1a(data_dir.as_os_str().as_bytes());
        let base = match &run_as {
            Some(account) if !reachable(&data_dir, account) => PathBuf::from(format!("/var/tmp/convene-{hash:016x}")),
            _ => data_dir.clone(),
        };
        let socket_dir = if base.join("socket").join(SOCKET_FILE).as_os_str().len() <= MAX_SOCKET_PATH {
            base.join("socket")
        } else {
            PathBuf::from(format!("/tmp/convene-{hash:016x}"))
        };
        Ok(Self {
            bindir,
            pgdata: base.join("pg"),
            data_dir,
            base,
            socket_dir,
            run_as,
        })
    }

    /// Creates the cluster if it does not exist yet (returns Ok(true) then, Ok(false) when it existed),
    /// and starts it, or adopts it when it is already running (e.g. left by a killed process).
    /// Blocks until it accepts connections.
    pub fn start(&self) -> Result<bool, EmbeddedError> {
        create_dirs(&self.data_dir, self.run_as.is_some())?;
        if self.base != self.data_dir {
            own_dir(&self.base, 0o755, None)?;
        }
        // Parallel test binaries start the same cluster: one initialises and starts it, the others adopt it.
        let _lock = lock(&self.base.join("start.lock"), libc::LOCK_EX)?;
        self.start_locked()
    }

    /// `start`, with `start.lock` held by the caller.
    fn start_locked(&self) -> Result<bool, EmbeddedError> {
        // Checked on every start: a socket directory under /tmp vanishes on reboot.
        own_dir(&self.socket_dir, 0o700, self.run_as.as_ref())?;
        let created = !self.pgdata.join("PG_VERSION").is_file();
        if created {
            self.init()?;
        } else if self.adopt()? {
            return Ok(false);
        }
        let log = self.base.join("postgres.log");
        if let Some(account) = &self.run_as {
            // The `postgres` user may not create files in `base`, so the log is made for it.
            File::options()
                .append(true)
                .create(true)
                .open(&log)
                .map_err(io_error("cannot create", &log))?;
            chown(&log, Some(account.uid), Some(account.gid)).map_err(io_error("cannot chown", &log))?;
        }
        // -l sends the server's output to the log, so the server never holds our stdout or stderr.
        let mut cmd = self.pg_ctl();
        cmd.arg("-l").arg(&log).args(["-w", "-t", "60", "start"]);
        run(cmd, || log_tail(&log))?;
        Ok(created)
    }

    /// Starts or adopts the cluster, like `start`, and counts this process among its users until
    /// `detach`. Starting and registering happen under `start.lock`, so a last user stopping the
    /// cluster at that moment finishes first and the cluster is then started again.
    pub fn attach(&self) -> Result<Attachment, EmbeddedError> {
        create_dirs(&self.data_dir, self.run_as.is_some())?;
        if self.base != self.data_dir {
            own_dir(&self.base, 0o755, None)?;
        }
        let _start = lock(&self.base.join("start.lock"), libc::LOCK_EX)?;
        let users = lock(&self.base.join("users.lock"), libc::LOCK_SH)?;
        self.start_locked()?;
        Ok(Attachment { users })
    }

    /// Ends this process's use of the cluster and stops it when no other process uses it; returns
    /// whether it stopped it.
    pub fn detach(&self, attachment: Attachment) -> Result<bool, EmbeddedError> {
        let start = lock(&self.base.join("start.lock"), libc::LOCK_EX)?;
        // Turning our shared lock into an exclusive one succeeds only when nobody else holds one;
        // nobody can take one meanwhile, since `attach` needs `start.lock`, which we hold.
        // SAFETY: flock on a descriptor we own.
        let alone = unsafe { libc::flock(attachment.users.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
        let stopped = if alone { self.stop().map(|()| true) } else { Ok(false) };
        // Our lock goes before `start.lock` does, so that a user leaving right after us sees it gone.
        drop(attachment);
        drop(start);
        stopped
    }

    /// Whether the postmaster named in `postmaster.pid` is alive. Cheap (no process is started, no
    /// connection made), for checking every second that the cluster still runs.
    pub fn is_running(&self) -> bool {
        let pid = fs::read_to_string(self.pgdata.join("postmaster.pid"))
            .ok()
            .and_then(|text| text.lines().next()?.trim().parse::<libc::pid_t>().ok());
        let Some(pid) = pid.filter(|pid| *pid > 0) else {
            return false;
        };
        // SAFETY: signal 0 delivers nothing; it only asks whether the process exists.
        let exists =
            unsafe { libc::kill(pid, 0) } == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
        // A killed postmaster nobody has reaped yet still exists, as a zombie.
        let zombie = fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| stat.rsplit(')').next().is_some_and(|rest| rest.starts_with(" Z")));
        exists && !zombie
    }

    /// Stops the cluster cleanly (fast shutdown), waiting for it. Ok if it was not running.
    pub fn stop(&self) -> Result<(), EmbeddedError> {
        if !self.pgdata.exists() {
            return Ok(());
        }
        let mut cmd = self.pg_ctl();
        cmd.args(["-m", "fast", "-w", "stop"]);
        run(cmd, String::new).or_else(|error| if self.running() { Err(error) } else { Ok(()) })
    }

    /// A URL for `database` on this cluster as its superuser `convene`:
    /// `postgres:///<database>?host=<socket dir>&user=convene`. The authority stays empty on purpose:
    /// tokio-postgres takes a `localhost` there for a host of its own and would try TCP 127.0.0.1:5432
    /// (another server) before the socket named by `host`.
    pub fn url(&self, database: &str) -> String {
        let (database, host) = (
            percent_encode(database.as_bytes(), b""),
            self.socket_dir.as_os_str().as_bytes(),
        );
        format!(
            "postgres:///{database}?host={}&user={SUPERUSER}",
            percent_encode(host, b"/")
        )
    }

    /// The directory of the server binaries the cluster runs from.
    pub fn bindir(&self) -> &Path {
        &self.bindir
    }

    /// The directory that holds the cluster's data (PGDATA).
    pub fn cluster_dir(&self) -> &Path {
        &self.pgdata
    }

    /// One human line saying where the cluster and socket are, for the start-up log.
    pub fn describe(&self) -> String {
        let moved = if self.base == self.data_dir {
            String::new()
        } else {
            format!(
                " (not under {}: user postgres cannot reach it)",
                self.data_dir.display()
            )
        };
        let user = if self.run_as.is_some() {
            ", run as user postgres"
        } else {
            ""
        };
        let (pgdata, socket, bindir) = (self.pgdata.display(), self.socket_dir.display(), self.bindir.display());
        format!("private PostgreSQL cluster in {pgdata}{moved}, socket in {socket}{user}, binaries from {bindir}")
    }

    /// A server tool with stdin closed, run from `base` (the server must be able to access its working
    /// directory) and, when we are root, as the `postgres` user with that user's HOME.
    fn tool(&self, name: &str) -> Command {
        let mut cmd = Command::new(self.bindir.join(name));
        cmd.stdin(Stdio::null()).current_dir(&self.base);
        // Its own process group: Ctrl-C in a terminal reaches convene, which then stops the
        // cluster in order, instead of hitting the server while requests are still draining.
        cmd.process_group(0);
        if let Some(account) = &self.run_as {
            // std also drops the supplementary groups (setgroups(0)) before switching uid.
            cmd.uid(account.uid).gid(account.gid).env("HOME", &account.home);
        }
        // The server outlives pg_ctl and would hold every descriptor we inherited without close-on-exec
        // (say, a CI runner's output pipe) open for good: mark all of them close-on-exec.
        // SAFETY: the hook makes one async-signal-safe syscall; kernels before 5.11 reject it harmlessly.
        #[cfg(target_os = "linux")]
        unsafe {
            cmd.pre_exec(|| {
                libc::syscall(libc::SYS_close_range, 3_u32, u32::MAX, libc::CLOSE_RANGE_CLOEXEC);
                Ok(())
            });
        }
        cmd
    }

    fn pg_ctl(&self) -> Command {
        let mut cmd = self.tool("pg_ctl");
        cmd.arg("-D").arg(&self.pgdata);
        cmd
    }

    /// Whether `pg_ctl status` finds a live server process (exit 0; 3 means none).
    fn running(&self) -> bool {
        let mut cmd = self.pg_ctl();
        cmd.arg("status");
        run(cmd, String::new).is_ok()
    }

    /// Whether a server already runs and accepts connections. A postmaster killed a moment ago still
    /// counts as live for `pg_ctl status` until it is reaped, so wait a little for either answer.
    fn adopt(&self) -> Result<bool, EmbeddedError> {
        let socket = self.socket_dir.join(SOCKET_FILE);
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.running() {
            match UnixStream::connect(&socket) {
                Ok(_) => return Ok(true),
                Err(e) if Instant::now() > deadline => {
                    let what = format!(
                        "pg_ctl status finds a server for {}, but none answers at",
                        self.pgdata.display()
                    );
                    return Err(io_error(what, &socket)(e));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
        Ok(false)
    }

    /// Runs initdb into a fresh PGDATA (wiping a half-initialised one) and appends our settings.
    fn init(&self) -> Result<(), EmbeddedError> {
        let mut result = Ok(());
        // C.UTF-8 makes upper() and ILIKE Unicode-aware; --no-locale is the fallback where it is missing.
        for locale in ["--locale=C.UTF-8", "--no-locale"] {
            if self.pgdata.exists() {
                fs::remove_dir_all(&self.pgdata).map_err(io_error("cannot remove", &self.pgdata))?;
            }
            own_dir(&self.pgdata, 0o700, self.run_as.as_ref())?;
            let mut cmd = self.tool("initdb");
            cmd.arg("-D")
                .arg(&self.pgdata)
                .args(["-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", locale]);
            result = run(cmd, String::new);
            if result.is_ok() {
                break;
            }
        }
        result?;
        // In postgresql.conf rather than on pg_ctl's command line, so a manual `pg_ctl start` works too.
        let settings = format!(
            "\n# convene: a private cluster, reachable only through its Unix socket.\nlisten_addresses = ''\n\
             unix_socket_directories = '{}'\nunix_socket_permissions = 0700\nport = 5432\n\
             max_connections = 100\nshared_buffers = 128MB\n",
            self.socket_dir.to_string_lossy().replace('\'', "''")
        );
        let conf = self.pgdata.join("postgresql.conf");
        let mut file = File::options()
            .append(true)
            .open(&conf)
            .map_err(io_error("cannot open", &conf))?;
        file.write_all(settings.as_bytes())
            .map_err(io_error("cannot write", &conf))
    }
}

/// Runs `cmd` with stdout and stderr captured, so nothing it leaves behind holds our own pipes; fails
/// with its output, plus `extra()`, unless it succeeds.
fn run(mut cmd: Command, extra: impl FnOnce() -> String) -> Result<(), EmbeddedError> {
    let shown = std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(OsStr::to_string_lossy);
    let command = shown.collect::<Vec<_>>().join(" ");
    let out = cmd.output().map_err(|source| EmbeddedError::Io {
        context: format!("cannot run {command}"),
        source,
    })?;
    if out.status.success() {
        return Ok(());
    }
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    Err(EmbeddedError::Command {
        command,
        detail: format!("{}: {}{}", out.status, text.trim(), extra()),
    })
}

/// The last lines of the server log, where postgres says why it did not start.
fn log_tail(log: &Path) -> String {
    let text = String::from_utf8_lossy(&fs::read(log).unwrap_or_default()).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    format!(
        "\nlast lines of {}:\n{}",
        log.display(),
        lines[lines.len().saturating_sub(15)..].join("\n")
    )
}

/// Takes a flock (`LOCK_EX` or `LOCK_SH`) on `path`, held until the returned file is dropped.
fn lock(path: &Path, kind: libc::c_int) -> Result<File, EmbeddedError> {
    let file = File::options()
        .append(true)
        .create(true)
        .open(path)
        .map_err(io_error("cannot open", path))?;
    // SAFETY: flock on a descriptor we own.
    while unsafe { libc::flock(file.as_raw_fd(), kind) } != 0 {
        let error = io::Error::last_os_error();
        if error.kind() != io::ErrorKind::Interrupted {
            return Err(io_error("cannot lock", path)(error));
        }
    }
    Ok(file)
}

/// Absolute, with symlinks resolved as far as the path exists, so that `reachable` sees the real
/// directories and the hash stays the same once the directory has been created.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    // Collecting the components drops `.` and a trailing slash.
    let path: PathBuf = std::path::absolute(path)?.components().collect();
    for dir in path.ancestors() {
        if let Ok(real) = dir.canonicalize() {
            // Joining an empty rest would append a slash and change the hash.
            let rest = path.strip_prefix(dir).unwrap_or(Path::new(""));
            return Ok(if rest.as_os_str().is_empty() {
                real
            } else {
                real.join(rest)
            });
        }
    }
    Ok(path)
}

/// Where a set of PostgreSQL programs is looked for first.
#[derive(Clone, Copy)]
pub enum Search {
    /// PATH, then `pg_config --bindir`, then the newest `/usr/lib/postgresql/<version>/bin`
    /// (Debian keeps the server binaries off PATH): the server the system means.
    PathFirst,
    /// The newest `/usr/lib/postgresql/<version>/bin` first: pg_dump and pg_restore handle
    /// any older server but no newer one, and Debian's `/usr/bin/pg_dump` is a wrapper that
    /// may pick an older version.
    NewestFirst,
}

/// The first directory holding all of `tools`, searched in the `order` given.
pub fn find_bindir(tools: &[&str], order: Search) -> Option<PathBuf> {
    let executable = |path: PathBuf| fs::metadata(path).is_ok_and(|m| m.is_file() && m.mode() & 0o111 != 0);
    let complete = |dir: &PathBuf| dir.is_absolute() && tools.iter().all(|t| executable(dir.join(t)));
    let on_path = || -> Vec<PathBuf> {
        std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).collect())
            .unwrap_or_default()
    };
    let pg_config = || {
        let out = Command::new("pg_config")
            .arg("--bindir")
            .stdin(Stdio::null())
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| PathBuf::from(OsStr::from_bytes(out.stdout.trim_ascii())))
    };
    let debian = || {
        let version =
            |name: &OsStr| -> Option<Vec<u32>> { name.to_str()?.split('.').map(|n| n.parse().ok()).collect() };
        let entries = fs::read_dir("/usr/lib/postgresql").into_iter().flatten().flatten();
        let mut found: Vec<_> = entries
            .filter_map(|e| Some((version(&e.file_name())?, e.path().join("bin"))))
            .collect();
        found.sort();
        found.into_iter().rev().map(|(_, dir)| dir)
    };
    let path_then_pg_config = std::iter::once_with(on_path)
        .flatten()
        .chain(std::iter::once_with(pg_config).flatten());
    match order {
        Search::PathFirst => path_then_pg_config
            .chain(std::iter::once_with(debian).flatten())
            .find(complete),
        Search::NewestFirst => std::iter::once_with(debian)
            .flatten()
            .chain(path_then_pg_config)
            .find(complete),
    }
}

/// The `postgres` account, via getpwnam_r since several threads may locate at once.
fn postgres_account() -> Result<Account, EmbeddedError> {
    // SAFETY: all-zero is a valid passwd (null pointers, zero ids), to be filled in by getpwnam_r.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let (mut buf, mut found) = (vec![0 as libc::c_char; 16 * 1024], std::ptr::null_mut());
    // SAFETY: every pointer is valid for the call; the strings it stores point into `buf`.
    let rc = unsafe {
        libc::getpwnam_r(
            c"postgres".as_ptr(),
            &mut entry,
            buf.as_mut_ptr(),
            buf.len(),
            &mut found,
        )
    };
    if rc != 0 || found.is_null() || entry.pw_dir.is_null() {
        return Err(EmbeddedError::NoPostgresUser);
    }
    // SAFETY: pw_dir is a NUL-terminated string inside `buf`, which is still alive.
    let home = PathBuf::from(OsStr::from_bytes(unsafe { CStr::from_ptr(entry.pw_dir) }.to_bytes()));
    Ok(Account {
        uid: entry.pw_uid,
        gid: entry.pw_gid,
        home,
    })
}

/// Whether `account` may search (x) every existing directory down to `dir`; `create_dirs` makes the
/// missing ones searchable. Only the primary group counts: the tools run without supplementary groups.
fn reachable(dir: &Path, account: &Account) -> bool {
    dir.ancestors().filter_map(|d| fs::metadata(d).ok()).all(|m| {
        let shift = if m.uid() == account.uid {
            6
        } else if m.gid() == account.gid {
            3
        } else {
            0
        };
        (m.mode() >> shift) & 1 != 0
    })
}

/// `create_dir_all`; as root, the new directories get 0755 whatever the umask, so that the `postgres`
/// user can reach the cluster as `reachable` promised.
fn create_dirs(dir: &Path, root: bool) -> Result<(), EmbeddedError> {
    let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.exists()).collect();
    fs::create_dir_all(dir).map_err(io_error("cannot create", dir))?;
    for new in missing.into_iter().filter(|_| root) {
        fs::set_permissions(new, Permissions::from_mode(0o755)).map_err(io_error("cannot chmod", new))?;
    }
    Ok(())
}

/// Creates `dir` (its parent exists) or accepts an existing one only if it is a real directory owned by
/// us or `owner`, since anyone may plant one in /tmp or /var/tmp first; then sets its owner and mode.
fn own_dir(dir: &Path, mode: u32, owner: Option<&Account>) -> Result<(), EmbeddedError> {
    match fs::DirBuilder::new().mode(mode).create(dir) {
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(io_error("cannot create", dir)(e)),
        _ => {}
    }
    let meta = fs::symlink_metadata(dir).map_err(io_error("cannot inspect", dir))?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if !meta.is_dir() || (meta.uid() != unsafe { libc::geteuid() } && Some(meta.uid()) != owner.map(|a| a.uid)) {
        let problem = io::Error::new(
            io::ErrorKind::AlreadyExists,
            "not a directory of ours or of user postgres",
        );
        return Err(io_error("refusing to use", dir)(problem));
    }
    if let Some(account) = owner {
        chown(dir, Some(account.uid), Some(account.gid)).map_err(io_error("cannot chown", dir))?;
    }
    fs::set_permissions(dir, Permissions::from_mode(mode)).map_err(io_error("cannot chmod", dir))
}

/// FNV-1a (64 bit): a stable, dependency-free name for the relocated directories.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Percent-encodes all but unreserved characters and those in `keep`.
fn percent_encode(bytes: &[u8], keep: &[u8]) -> String {
    let plain = |b: u8| b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b);
    bytes
        .iter()
        .map(|&b| {
            if plain(b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cluster under a fresh directory in /tmp, stopped and removed on drop, even after a failure.
    struct Scratch {
        root: PathBuf,
        pg: EmbeddedPostgres,
    }

    impl Scratch {
        fn new(name: &str, sub: &str) -> Self {
            let root = PathBuf::from(format!("/tmp/convene-embedded-test-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&root);
            fs::create_dir_all(&root).expect("create test root");
            Self {
                pg: EmbeddedPostgres::locate(&root.join(sub)).expect("locate"),
                root,
            }
        }

        fn query(&self, sql: &str) -> String {
            psql(&[&self.pg.url("postgres")], sql)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = self.pg.stop();
            for dir in [&self.pg.base, &self.pg.socket_dir, &self.root] {
                let _ = fs::remove_dir_all(dir);
            }
        }
    }

    fn psql(args: &[&str], sql: &str) -> String {
        let out = Command::new("psql")
            .args(args)
            .args(["-XAtq", "-c", sql])
            .output()
            .expect("run psql");
        assert!(
            out.status.success(),
            "psql {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    fn postmaster(pg: &EmbeddedPostgres) -> libc::pid_t {
        let pid_file = fs::read_to_string(pg.pgdata.join("postmaster.pid")).expect("pid file");
        pid_file.lines().next().and_then(|l| l.parse().ok()).expect("pid")
    }

    #[test]
    fn starts_adopts_stops_restarts_and_survives_kill_9() {
        let s = Scratch::new("basic", "data");
        assert_eq!(s.pg.cluster_dir(), s.root.join("data/pg"));
        let mut fds = [0; 2];
        // SAFETY: pipe(2) into a two-element array; no O_CLOEXEC, like a pipe a CI runner leaks to us.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let leaked = fs::read_link(format!("/proc/self/fd/{}", fds[1])).expect("readlink");
        assert!(s.pg.start().expect("first start"));
        let fd_dir = fs::read_dir(format!("/proc/{}/fd", postmaster(&s.pg))).expect("fds");
        let held: Vec<_> = fd_dir.flatten().map(|e| fs::read_link(e.path()).ok()).collect();
        for fd in fds {
            // SAFETY: closing a descriptor pipe(2) gave us, once.
            unsafe { libc::close(fd) };
        }
        assert!(!held.contains(&Some(leaked)), "the server inherited our pipe: {held:?}");
        // Once the directory exists, locate() must still arrive at the same places.
        assert_eq!(
            EmbeddedPostgres::locate(&s.root.join("./data/"))
                .expect("locate")
                .describe(),
            s.pg.describe()
        );
        let socket = s.pg.socket_dir.to_str().expect("utf-8");
        assert_eq!(
            psql(&["-h", socket, "-U", "convene", "-d", "postgres"], "select 1"),
            "1"
        );
        assert_eq!(
            s.query("select current_user || current_setting('listen_addresses')"),
            "convene"
        );
        s.query("create table kept (x int); insert into kept values (42)");
        assert!(!s.pg.start().expect("adopting start"));
        s.pg.stop().expect("stop");
        s.pg.stop().expect("stop when stopped");
        assert!(!s.pg.start().expect("restart"));
        assert_eq!(s.query("select x from kept"), "42");

        let pid = postmaster(&s.pg);
        // SAFETY: plain kill(2) of the postmaster we started.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
        // Wait until it is dead, but not until it is reaped: pg_ctl status still sees a zombie.
        let stat = format!("/proc/{pid}/stat");
        while fs::read_to_string(&stat).is_ok_and(|st| !st.rsplit(')').next().is_some_and(|r| r.starts_with(" Z"))) {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(!s.pg.is_running(), "a killed postmaster is not running");
        assert!(!s.pg.start().expect("start after kill -9"));
        assert!(s.pg.is_running());
        assert_eq!(s.query("select x from kept"), "42");
    }

    #[test]
    fn the_last_process_to_detach_stops_the_cluster_and_a_killed_one_counts_for_none() {
        let s = Scratch::new("shared", "data");
        let first = s.pg.attach().expect("first attach starts it");
        let second = EmbeddedPostgres::locate(&s.pg.data_dir)
            .expect("locate")
            .attach()
            .expect("second attach adopts it");
        assert!(s.pg.is_running());
        s.query("create table kept (x int); insert into kept values (7)");
        assert!(!s.pg.detach(first).expect("first detach"), "another user remains");
        assert_eq!(s.query("select x from kept"), "7");
        assert!(s.pg.detach(second).expect("second detach"), "the last one stops it");
        assert!(!s.pg.is_running() && !s.pg.pgdata.join("postmaster.pid").exists());

        // A user that ends without detaching (its lock dropped, as the kernel does after kill -9)
        // leaves the cluster running for the others, and the last of those stops it.
        let survivor = s.pg.attach().expect("attach");
        drop(s.pg.attach().expect("attach of a process that gets killed"));
        assert!(s.pg.is_running());
        assert!(s.pg.detach(survivor).expect("detach"));
        assert!(!s.pg.is_running());
    }

    #[test]
    fn concurrent_starts_initialise_once() {
        let s = Scratch::new("concurrent", "data");
        let start = |dir: PathBuf| {
            move || {
                EmbeddedPostgres::locate(&dir)
                    .and_then(|pg| pg.start())
                    .map_err(|e| e.to_string())
            }
        };
        let threads: Vec<_> = (0..3)
            .map(|_| std::thread::spawn(start(s.pg.data_dir.clone())))
            .collect();
        let mut created: Vec<bool> = threads
            .into_iter()
            .map(|t| t.join().expect("join").expect("start"))
            .collect();
        created.sort();
        assert_eq!(created, [false, false, true]);
        assert_eq!(s.query("select 1"), "1");
    }

    #[test]
    fn long_data_dir_puts_the_socket_under_tmp_and_half_clusters_are_redone() {
        let s = Scratch::new("long", &"deep-directory-name/".repeat(6));
        assert!(s.pg.data_dir.as_os_str().len() > 110);
        assert!(s.pg.socket_dir.to_string_lossy().starts_with("/tmp/convene-"));
        // A half-finished initdb (no PG_VERSION) is wiped and done again.
        fs::create_dir_all(&s.pg.pgdata).expect("mkdir");
        fs::write(s.pg.pgdata.join("postgresql.conf"), "garbage").expect("write");
        assert!(s.pg.start().expect("start"));
        assert_eq!(s.query("select 1"), "1");
        assert_eq!(
            fs::metadata(&s.pg.socket_dir).expect("socket dir").mode() & 0o777,
            0o700
        );
    }

    #[test]
    fn unreachable_data_dir_moves_to_var_tmp_when_root() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            return;
        }
        let s = Scratch::new("private", "data");
        fs::set_permissions(&s.root, Permissions::from_mode(0o700)).expect("chmod");
        let s = Scratch {
            pg: EmbeddedPostgres::locate(&s.root.join("data")).expect("locate"),
            root: s.root.clone(),
        };
        assert!(s.pg.cluster_dir().starts_with("/var/tmp/") && s.pg.describe().contains("cannot reach"));
        assert!(s.pg.start().expect("start"));
        // The hashed location must not change once the data directory exists.
        assert_eq!(
            EmbeddedPostgres::locate(&s.root.join("data/"))
                .expect("locate")
                .describe(),
            s.pg.describe()
        );
        assert_eq!(s.query("select 1"), "1");
        assert!(!s.pg.start().expect("adopt"));
    }

    #[test]
    fn url_keeps_the_authority_empty_and_encodes() {
        let pg = EmbeddedPostgres::locate(Path::new("/tmp/a dir&x")).expect("locate");
        assert_eq!(
            pg.url("my db"),
            "postgres:///my%20db?host=/tmp/a%20dir%26x/socket&user=convene"
        );
        assert_eq!(
            (fnv1a(b""), fnv1a(b"a")),
            (0xcbf2_9ce4_8422_2325, 0xaf63_dc4c_8601_ec8c)
        );
    }
}

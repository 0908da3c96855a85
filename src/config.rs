//! Typed settings read from the environment and validated before anything starts.
//!
//! A malformed value stops start-up with one line naming the variable; the only
//! fallbacks are the documented defaults.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use ipnet::IpNet;
use url::Url;

#[derive(Clone)]
pub struct Settings {
    /// `None` runs the private PostgreSQL cluster under `data_dir`.
    pub database_url: Option<DatabaseUrl>,
    pub bind: SocketAddr,
    /// The address people reach the app at, used in links and mail.
    pub base_url: Url,
    pub data_dir: PathBuf,
    /// `None` keeps mail in the outbox, readable by admins.
    pub smtp_url: Option<Url>,
    pub mail_from: String,
    /// Recipients the mail worker sends to at once (`MAIL_CONCURRENCY`, 1 to 10, default 4).
    pub mail_concurrency: usize,
    pub log_filter: String,
    pub log_format: LogFormat,
    /// Connections in all, shared out among the HTTP workers.
    pub pool_size: usize,
    pub http_workers: usize,
    pub statement_timeout: Duration,
    /// Whether `serve` also runs the mail worker and the reminder planner
    /// (`BACKGROUND_JOBS`, default on); off when they run as their own processes.
    pub background_jobs: bool,
    /// Peers whose `X-Forwarded-For`/`Forwarded` and `X-Forwarded-Proto` are believed.
    pub trusted_proxies: Vec<IpNet>,
    /// Client addresses that may read `/metrics` without a token.
    pub metrics_allow: Vec<IpNet>,
    /// A bearer token that opens `/metrics` from anywhere; never logged.
    pub metrics_token: Option<String>,
}

/// How log lines are written: for people reading a terminal or journal, or one JSON
/// object per line for a log collector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Human,
    Json,
}

/// A database URL whose password never reaches a log line.
#[derive(Clone)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact(&self.0))
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact(&self.0))
    }
}

fn redact(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

/// A setting that could not be used: which variable, and what is wrong with it.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub variable: &'static str,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid setting {}: {}", self.variable, self.problem)
    }
}

impl std::error::Error for ConfigError {}

pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const DEFAULT_DATA_DIR: &str = "./data";
pub const DEFAULT_MAIL_FROM: &str = "convene <convene@localhost>";
pub const DEFAULT_LOG: &str = "info,convene=info";
pub const DEFAULT_POOL_SIZE: usize = 8;
/// Recipients a mail worker sends to at once, by default and at most.
pub const DEFAULT_MAIL_CONCURRENCY: usize = 4;
pub const MAX_MAIL_CONCURRENCY: usize = 10;
pub const DEFAULT_STATEMENT_TIMEOUT_MS: u64 = 30_000;
pub const DEFAULT_METRICS_ALLOW: &str = "127.0.0.0/8, ::1/128";
/// A shorter token is guessable by anyone who can reach the port.
pub const MIN_METRICS_TOKEN_LENGTH: usize = 24;

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests can supply their own environment.
    /// Empty values count as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());

        let database_url = get("DATABASE_URL").map(|raw| parse_database_url(&raw)).transpose()?;
        let bind = parse_with("BIND", get("BIND"), DEFAULT_BIND, |raw| {
            raw.parse::<SocketAddr>()
                .map_err(|_| format!("{raw:?} is not an address and port such as 127.0.0.1:8080"))
        })?;
        let base_url = match get("BASE_URL") {
            Some(raw) => parse_base_url(&raw)?,
            None => Url::parse(&format!("http://{bind}/")).map_err(|e| ConfigError {
                variable: "BIND",
                problem: e.to_string(),
            })?,
        };
        let data_dir = PathBuf::from(get("DATA_DIR").unwrap_or_else(|| DEFAULT_DATA_DIR.into()));
        let smtp_url = get("SMTP_URL").map(|raw| parse_smtp_url(&raw)).transpose()?;
        let mail_from = parse_with("MAIL_FROM", get("MAIL_FROM"), DEFAULT_MAIL_FROM, parse_mailbox)?;
        let log_filter = get("LOG")
            .or_else(|| get("RUST_LOG"))
            .unwrap_or_else(|| DEFAULT_LOG.into());
        tracing_subscriber::EnvFilter::try_new(&log_filter).map_err(|e| ConfigError {
            variable: if get("LOG").is_some() { "LOG" } else { "RUST_LOG" },
            problem: e.to_string(),
        })?;
        let pool_size = parse_with(
            "DATABASE_POOL_SIZE",
            get("DATABASE_POOL_SIZE"),
            &DEFAULT_POOL_SIZE.to_string(),
            |raw| match raw.parse::<usize>() {
                Ok(n) if (1..=512).contains(&n) => Ok(n),
                _ => Err(format!("{raw:?} is not a whole number from 1 to 512")),
            },
        )?;
        let statement_timeout = parse_with(
            "DATABASE_STATEMENT_TIMEOUT_MS",
            get("DATABASE_STATEMENT_TIMEOUT_MS"),
            &DEFAULT_STATEMENT_TIMEOUT_MS.to_string(),
            |raw| match raw.parse::<u64>() {
                Ok(ms) if (100..=3_600_000).contains(&ms) => Ok(Duration::from_millis(ms)),
                _ => Err(format!("{raw:?} is not a number of milliseconds from 100 to 3600000")),
            },
        )?;

        let background_jobs = parse_with("BACKGROUND_JOBS", get("BACKGROUND_JOBS"), "on", |raw| {
            match raw.to_ascii_lowercase().as_str() {
                "on" | "true" | "1" | "yes" => Ok(true),
                "off" | "false" | "0" | "no" => Ok(false),
                _ => Err(format!("{raw:?} is not on or off")),
            }
        })?;

        let log_format = parse_with("LOG_FORMAT", get("LOG_FORMAT"), "human", |raw| {
            match raw.to_ascii_lowercase().as_str() {
                "human" => Ok(LogFormat::Human),
                "json" => Ok(LogFormat::Json),
                _ => Err(format!("{raw:?} is not human or json")),
            }
        })?;
        // As many workers as the machine runs threads at once, by default.
        let available = std::thread::available_parallelism().map_or(1, usize::from).min(256);
        let http_workers = parse_with(
            "HTTP_WORKERS",
            get("HTTP_WORKERS"),
            &available.to_string(),
            |raw| match raw.parse::<usize>() {
                Ok(n) if (1..=256).contains(&n) => Ok(n),
                _ => Err(format!("{raw:?} is not a whole number from 1 to 256")),
            },
        )?;
        let mail_concurrency = parse_with(
            "MAIL_CONCURRENCY",
            get("MAIL_CONCURRENCY"),
            &DEFAULT_MAIL_CONCURRENCY.to_string(),
            |raw| match raw.parse::<usize>() {
                // At most the idle connections the SMTP transport keeps, so that none is wasted.
                Ok(n) if (1..=MAX_MAIL_CONCURRENCY).contains(&n) => Ok(n),
                _ => Err(format!(
                    "{raw:?} is not a whole number from 1 to {MAX_MAIL_CONCURRENCY}"
                )),
            },
        )?;
        let trusted_proxies = parse_with("TRUSTED_PROXIES", get("TRUSTED_PROXIES"), "", parse_networks)?;
        let metrics_allow = parse_with(
            "METRICS_ALLOW",
            get("METRICS_ALLOW"),
            DEFAULT_METRICS_ALLOW,
            |raw| match raw {
                "none" => Ok(Vec::new()),
                _ => parse_networks(raw),
            },
        )?;
        let metrics_token = get("METRICS_TOKEN")
            .map(|raw| {
                let token = raw.trim().to_owned();
                // Never echo the value: it is a secret.
                if token.len() < MIN_METRICS_TOKEN_LENGTH || token.contains(char::is_whitespace) {
                    return Err(ConfigError {
                        variable: "METRICS_TOKEN",
                        problem: format!(
                            "must be at least {MIN_METRICS_TOKEN_LENGTH} characters without spaces \
                             (for instance from `openssl rand -hex 32`)"
                        ),
                    });
                }
                Ok(token)
            })
            .transpose()?;

        Ok(Settings {
            database_url,
            bind,
            base_url,
            data_dir,
            smtp_url,
            mail_from,
            mail_concurrency,
            log_filter,
            log_format,
            pool_size,
            http_workers,
            statement_timeout,
            background_jobs,
            trusted_proxies,
            metrics_allow,
            metrics_token,
        })
    }
}

fn parse_with<T>(
    variable: &'static str,
    value: Option<String>,
    default: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<T, ConfigError> {
    let raw = value.unwrap_or_else(|| default.to_owned());
    parse(raw.trim()).map_err(|problem| ConfigError { variable, problem })
}

fn parse_url(variable: &'static str, raw: &str, schemes: &[&str]) -> Result<Url, ConfigError> {
    let error = |problem: String| ConfigError { variable, problem };
    // Never echo the value itself: it may hold a password.
    let url = Url::parse(raw.trim()).map_err(|e| error(format!("not a URL ({e})")))?;
    if !schemes.contains(&url.scheme()) {
        return Err(error(format!(
            "scheme {:?} is not one of {}",
            url.scheme(),
            schemes.join(", ")
        )));
    }
    Ok(url)
}

fn parse_database_url(raw: &str) -> Result<DatabaseUrl, ConfigError> {
    let url = parse_url("DATABASE_URL", raw, &["postgres", "postgresql"])?;
    let has_socket_host = url.query_pairs().any(|(k, _)| k == "host");
    if url.host_str().is_none_or(str::is_empty) && !has_socket_host {
        return Err(ConfigError {
            variable: "DATABASE_URL",
            problem: "no host: use postgres://user:password@host:port/database".into(),
        });
    }
    if url.path().trim_start_matches('/').is_empty() {
        return Err(ConfigError {
            variable: "DATABASE_URL",
            problem: "no database name: use postgres://user:password@host:port/database".into(),
        });
    }
    Ok(DatabaseUrl(raw.trim().to_owned()))
}

fn parse_base_url(raw: &str) -> Result<Url, ConfigError> {
    let mut url = parse_url("BASE_URL", raw, &["http", "https"])?;
    if url.host_str().is_none() {
        return Err(ConfigError {
            variable: "BASE_URL",
            problem: "no host".into(),
        });
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

fn parse_smtp_url(raw: &str) -> Result<Url, ConfigError> {
    let url = parse_url("SMTP_URL", raw, &["smtp", "smtps"])?;
    if url.host_str().is_none_or(str::is_empty) {
        return Err(ConfigError {
            variable: "SMTP_URL",
            problem: "no host: use smtp://user:password@host:587 or smtps://host:465".into(),
        });
    }
    Ok(url)
}

/// A comma- or space-separated list of networks (`10.0.0.0/8`) and single addresses.
fn parse_networks(raw: &str) -> Result<Vec<IpNet>, String> {
    raw.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            entry
                .parse::<IpNet>()
                .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                .map(|net| net.trunc())
                .map_err(|_| format!("{entry:?} is not an address or a network such as 10.0.0.0/8 or fd00::/8"))
        })
        .collect()
}

/// Accepts `addr@host` or `Display Name <addr@host>`.
fn parse_mailbox(raw: &str) -> Result<String, String> {
    let address = match (raw.rfind('<'), raw.ends_with('>')) {
        (Some(open), true) => &raw[open + 1..raw.len() - 1],
        (None, false) => raw,
        _ => {
            return Err(format!(
                "{raw:?} is not an address such as \"convene <convene@example.org>\""
            ));
        }
    };
    match address.split_once('@') {
        Some((local, domain)) if !local.is_empty() && !domain.is_empty() && !address.contains(char::is_whitespace) => {
            Ok(raw.to_owned())
        }
        _ => Err(format!(
            "{raw:?} is not an address such as \"convene <convene@example.org>\""
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let s = settings(&[]).unwrap();
        assert!(s.database_url.is_none());
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.base_url.as_str(), "http://127.0.0.1:8080/");
        assert_eq!(s.data_dir, PathBuf::from("./data"));
        assert_eq!(s.pool_size, 8);
        assert!(s.smtp_url.is_none());
        assert_eq!(s.log_format, LogFormat::Human);
        assert_eq!(
            s.http_workers,
            std::thread::available_parallelism().map_or(1, usize::from).min(256)
        );
        assert!(s.trusted_proxies.is_empty());
        assert_eq!(
            s.metrics_allow,
            ["127.0.0.0/8".parse::<IpNet>().unwrap(), "::1/128".parse().unwrap()]
        );
        assert!(s.metrics_token.is_none());
        assert_eq!(s.mail_concurrency, 4);
    }

    #[test]
    fn malformed_values_name_their_variable() {
        for (var, value) in [
            ("DATABASE_URL", "not a url"),
            ("DATABASE_URL", "mysql://localhost/db"),
            ("DATABASE_URL", "postgres://localhost"),
            ("BIND", "localhost"),
            ("BIND", "127.0.0.1:99999"),
            ("BASE_URL", "ftp://example.org"),
            ("SMTP_URL", "http://mail"),
            ("MAIL_FROM", "nobody"),
            ("DATABASE_POOL_SIZE", "0"),
            ("DATABASE_STATEMENT_TIMEOUT_MS", "soon"),
            ("LOG", "info,[[["),
            ("BACKGROUND_JOBS", "sometimes"),
            ("LOG_FORMAT", "yaml"),
            ("HTTP_WORKERS", "0"),
            ("HTTP_WORKERS", "four"),
            ("MAIL_CONCURRENCY", "0"),
            ("MAIL_CONCURRENCY", "11"),
            ("TRUSTED_PROXIES", "10.0.0.0/33"),
            ("TRUSTED_PROXIES", "10.0.0.1, proxy.internal"),
            ("METRICS_ALLOW", "everyone"),
            ("METRICS_TOKEN", "short"),
        ] {
            let err = settings(&[(var, value)])
                .err()
                .unwrap_or_else(|| panic!("{var}={value} was accepted"));
            assert_eq!(err.variable, var, "{var}={value}: {err}");
            assert!(err.to_string().starts_with(&format!("invalid setting {var}: ")));
        }
    }

    #[test]
    fn database_password_is_neither_echoed_nor_displayed() {
        let err = settings(&[("DATABASE_URL", "mysql://u:hunter2@h/db")]).err().unwrap();
        assert!(!err.to_string().contains("hunter2"));
        let s = settings(&[("DATABASE_URL", "postgres://u:hunter2@h:5432/db")]).unwrap();
        let url = s.database_url.unwrap();
        assert!(!url.to_string().contains("hunter2"));
        assert!(!format!("{url:?}").contains("hunter2"));
        assert!(url.expose().contains("hunter2"));
    }

    #[test]
    fn every_setting_is_listed_in_the_packaged_settings_file_and_the_readme() {
        let asked = std::cell::RefCell::new(Vec::new());
        let _ = Settings::from_lookup(|name| {
            asked.borrow_mut().push(name.to_owned());
            None
        });
        let asked = asked.into_inner();
        assert!(asked.len() >= 15, "{asked:?}");
        let env_file = include_str!("../debian/convene.env");
        let readme = include_str!("../README.md");
        for name in asked {
            let line = format!("{name}=");
            assert!(
                env_file.lines().any(|l| l.trim_start_matches('#').starts_with(&line)),
                "{name} is not in debian/convene.env"
            );
            let quoted = format!("`{name}`");
            assert!(
                readme.lines().any(|l| l.starts_with("| `") && l.contains(&quoted)),
                "{name} is not in the README's table of settings"
            );
        }
    }

    #[test]
    fn metrics_token_is_never_echoed() {
        let err = settings(&[("METRICS_TOKEN", "has a space in it but is long enough")])
            .err()
            .unwrap();
        assert!(!err.to_string().contains("space in it"), "{err}");
    }

    #[test]
    fn operations_settings_are_read() {
        let s = settings(&[
            ("LOG_FORMAT", "JSON"),
            ("HTTP_WORKERS", "3"),
            ("MAIL_CONCURRENCY", "8"),
            ("TRUSTED_PROXIES", "10.1.2.3/8 192.0.2.7,fd00::/8"),
            ("METRICS_ALLOW", "none"),
            ("METRICS_TOKEN", "0123456789abcdef0123456789abcdef"),
        ])
        .unwrap();
        assert_eq!(s.log_format, LogFormat::Json);
        assert_eq!(s.http_workers, 3);
        assert_eq!(s.mail_concurrency, 8);
        let trusted: Vec<String> = s.trusted_proxies.iter().map(ToString::to_string).collect();
        assert_eq!(trusted, ["10.0.0.0/8", "192.0.2.7/32", "fd00::/8"]);
        assert!(s.metrics_allow.is_empty());
        assert_eq!(s.metrics_token.as_deref(), Some("0123456789abcdef0123456789abcdef"));
    }

    #[test]
    fn accepts_socket_urls_and_display_name_senders() {
        let s = settings(&[
            ("DATABASE_URL", "postgres://convene@localhost/convene?host=/tmp/sock"),
            ("MAIL_FROM", "CPiE WG <wg@example.org>"),
            ("BASE_URL", "https://convene.example.org/app"),
        ])
        .unwrap();
        assert_eq!(s.mail_from, "CPiE WG <wg@example.org>");
        assert_eq!(s.base_url.as_str(), "https://convene.example.org/app/");
    }
}

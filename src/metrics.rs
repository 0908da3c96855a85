//! What `/metrics` reports, in the Prometheus text format: requests and their latency by
//! route pattern, the database pools, the outbox, mail sent and failed, and the planner.
//! Each app has a registry of its own (several run in one test process). Labels hold
//! route patterns, methods, statuses and states only: never a path, an id, an address or
//! anything else about a person.

use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use prometheus::{
    Encoder, Gauge, GaugeVec, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec,
    Opts, Registry, TextEncoder,
};

use crate::db::DbPool;
use crate::models::outbox::Backlog;

/// The content type of [`Metrics::render`]'s text.
pub const CONTENT_TYPE: &str = prometheus::TEXT_FORMAT;

/// The route label of requests that matched no route, so that scanners' paths never
/// become label values.
pub const UNMATCHED: &str = "unmatched";

pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    statements: HistogramVec,
    pool_max: IntGauge,
    pool_open: IntGauge,
    pool_in_use: IntGauge,
    pool_waiting: IntGauge,
    outbox: IntGaugeVec,
    oldest_due: GaugeVec,
    mails_sent: IntCounter,
    mails_failed: IntCounter,
    planner_duration: Histogram,
    planner_last_success: Gauge,
    /// Every HTTP worker's pool, read at each scrape.
    pools: Mutex<Vec<DbPool>>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new_custom(Some("convene".into()), None).expect("a valid prefix");
        let register = |collector: Box<dyn prometheus::core::Collector>| {
            registry.register(collector).expect("metric names are distinct");
        };
        let requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "HTTP requests answered, by route pattern and status",
            ),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        register(Box::new(requests.clone()));
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "Time to answer an HTTP request, by route pattern",
            ),
            &["method", "route"],
        )
        .expect("valid metric");
        register(Box::new(latency.clone()));
        // A page whose count grows with the data has an N+1; the sum over the count is
        // the mean per request.
        let statements = HistogramVec::new(
            HistogramOpts::new(
                "database_statements_per_request",
                "SQL statements one HTTP request sent to the database, by route pattern",
            )
            .buckets(vec![1.0, 2.0, 4.0, 8.0, 12.0, 16.0, 24.0, 32.0, 64.0]),
            &["method", "route"],
        )
        .expect("valid metric");
        register(Box::new(statements.clone()));
        let gauge = |name: &str, help: &str| {
            let gauge = IntGauge::new(name, help).expect("valid metric");
            register(Box::new(gauge.clone()));
            gauge
        };
        let pool_max = gauge(
            "database_pool_max_connections",
            "Connections the HTTP workers' pools may open in all",
        );
        let pool_open = gauge("database_pool_connections", "Connections the pools hold open");
        let pool_in_use = gauge("database_pool_in_use", "Connections serving a request now");
        let pool_waiting = gauge("database_pool_waiting", "Requests waiting for a connection");
        let outbox = IntGaugeVec::new(
            Opts::new(
                "outbox_mails",
                "Mails in the outbox still to send (queued, failed and to be tried again) or given up (dead)",
            ),
            &["state"],
        )
        .expect("valid metric");
        register(Box::new(outbox.clone()));
        let oldest_due = GaugeVec::new(
            Opts::new(
                "outbox_oldest_due_seconds",
                "How long the oldest mail that is due and not yet sent has waited (0 when none)",
            ),
            &[],
        )
        .expect("valid metric");
        register(Box::new(oldest_due.clone()));
        let counter = |name: &str, help: &str| {
            let counter = IntCounter::new(name, help).expect("valid metric");
            register(Box::new(counter.clone()));
            counter
        };
        let mails_sent = counter("mails_sent_total", "Mails the SMTP server accepted");
        let mails_failed = counter(
            "mails_failed_total",
            "Tries at sending a mail that failed (a mail is dead after its last)",
        );
        let planner_duration = Histogram::with_opts(HistogramOpts::new(
            "planner_run_duration_seconds",
            "Time one run of the reminder planner took",
        ))
        .expect("valid metric");
        register(Box::new(planner_duration.clone()));
        let planner_last_success = Gauge::new(
            "planner_last_success_timestamp_seconds",
            "When the reminder planner last ran through without an error (Unix time)",
        )
        .expect("valid metric");
        register(Box::new(planner_last_success.clone()));
        let build = IntGaugeVec::new(Opts::new("build_info", "The running version of convene"), &["version"])
            .expect("valid metric");
        build.with_label_values(&[env!("CARGO_PKG_VERSION")]).set(1);
        register(Box::new(build));
        Metrics {
            registry,
            requests,
            latency,
            statements,
            pool_max,
            pool_open,
            pool_in_use,
            pool_waiting,
            outbox,
            oldest_due,
            mails_sent,
            mails_failed,
            planner_duration,
            planner_last_success,
            pools: Mutex::new(Vec::new()),
        }
    }

    /// Counts `pool` among the app's pools (one per HTTP worker).
    pub fn track_pool(&self, pool: &DbPool) {
        self.pools.lock().unwrap_or_else(|e| e.into_inner()).push(pool.clone());
    }

    /// One answered request and the statements it sent; `route` is its pattern, or
    /// [`UNMATCHED`].
    pub fn request(&self, method: &str, route: &str, status: u16, elapsed: Duration, statements: u32) {
        let status = status.to_string();
        self.requests.with_label_values(&[method, route, &status]).inc();
        self.latency
            .with_label_values(&[method, route])
            .observe(elapsed.as_secs_f64());
        self.statements
            .with_label_values(&[method, route])
            .observe(f64::from(statements));
    }

    /// One run of the planner, and whether it went through.
    pub fn planner_ran(&self, elapsed: Duration, succeeded: bool, now: DateTime<Utc>) {
        self.planner_duration.observe(elapsed.as_secs_f64());
        if succeeded {
            self.planner_last_success.set(now.timestamp() as f64);
        }
    }

    /// What one round of the mail worker sent and failed to send.
    pub fn mails(&self, sent: usize, failed: usize) {
        self.mails_sent.inc_by(sent as u64);
        self.mails_failed.inc_by(failed as u64);
    }

    /// The text of a scrape: the pools as they are now, and the outbox's `backlog` when
    /// the database answered.
    pub fn render(&self, backlog: Option<&Backlog>) -> String {
        let (mut max, mut open, mut in_use, mut waiting) = (0, 0, 0, 0);
        for pool in self.pools.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            let status = pool.status();
            max += status.max_size;
            open += status.size;
            in_use += status.size.saturating_sub(status.available);
            waiting += status.waiting;
        }
        let gauge = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        self.pool_max.set(gauge(max));
        self.pool_open.set(gauge(open));
        self.pool_in_use.set(gauge(in_use));
        self.pool_waiting.set(gauge(waiting));
        match backlog {
            Some(backlog) => {
                for (state, count) in [
                    ("queued", backlog.queued),
                    ("failed", backlog.failed),
                    ("dead", backlog.dead),
                ] {
                    self.outbox.with_label_values(&[state]).set(count);
                }
                self.oldest_due
                    .with_label_values::<&str>(&[])
                    .set(backlog.oldest_due_seconds as f64);
            }
            // Unknown rather than stale.
            None => {
                self.outbox.reset();
                self.oldest_due.reset();
            }
        }
        let mut text = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut text)
            .expect("the text encoder writes to memory");
        String::from_utf8(text).expect("the text format is UTF-8")
    }
}

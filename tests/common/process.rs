//! Running the `convene` binary as an operator does, in the background or to its end.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The `convene` binary with none of the settings of the environment the tests run in.
pub fn convene() -> Command {
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
        "DATABASE_POOL_SIZE",
        "DATABASE_STATEMENT_TIMEOUT_MS",
        "BACKGROUND_JOBS",
        "LOG_FORMAT",
        "HTTP_WORKERS",
        "TRUSTED_PROXIES",
        "METRICS_ALLOW",
        "METRICS_TOKEN",
    ] {
        command.env_remove(var);
    }
    command.env("LOG", "warn").stdin(Stdio::null());
    command
}

/// A running `convene` command and the lines it prints; killed if the test ends first.
pub struct Serving {
    child: Child,
    lines: mpsc::Receiver<String>,
    /// The start-up line of `serve`: the address, and how the server is sized.
    pub started: String,
}

impl Serving {
    /// Starts `convene serve`; returns it with the address it serves at.
    pub fn start(command: &mut Command) -> (Self, String) {
        let mut serving = Self::spawn(command);
        serving.started = serving.wait_for("convene is serving at ");
        let address = serving
            .started
            .trim_start()
            .trim_start_matches("convene is serving at ")
            .split_whitespace()
            .next()
            .expect("an address")
            .trim_end_matches('/')
            .to_owned();
        (serving, address)
    }

    /// Starts any long-running command.
    pub fn spawn(command: &mut Command) -> Self {
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
        Serving {
            child,
            lines,
            started: String::new(),
        }
    }

    pub fn wait_for(&mut self, prefix: &str) -> String {
        loop {
            match self.lines.recv_timeout(Duration::from_secs(120)) {
                Ok(line) if line.trim_start().starts_with(prefix) => return line,
                Ok(_) => continue,
                Err(e) => panic!("convene never printed {prefix:?}: {e}"),
            }
        }
    }

    /// Sends `signal` and waits for the exit; returns the exit code (none when killed).
    pub fn signal(mut self, signal: libc::c_int) -> Option<i32> {
        let pid = i32::try_from(self.child.id()).expect("pid fits");
        // SAFETY: sending a signal to our own child process.
        unsafe { libc::kill(pid, signal) };
        self.child.wait().expect("convene exits").code()
    }

    /// Ctrl-C, as an operator stops it; returns the exit code.
    pub fn interrupt(self) -> Option<i32> {
        self.signal(libc::SIGINT)
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Serving {
    /// The process id, for signals sent from elsewhere.
    pub fn id(&self) -> u32 {
        self.child.id()
    }
}

/// Runs `args` to its end and returns its output, failing the test unless it succeeds.
pub async fn succeeds(mut command: Command, args: &[&str]) -> String {
    command.args(args);
    let output = tokio::process::Command::from(command)
        .output()
        .await
        .expect("convene runs");
    assert!(
        output.status.success(),
        "convene {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

//! A minimal W3C WebDriver client: each `Browser` runs its own chromedriver and a
//! headless chromium with a fresh profile, so browser tests can run in parallel.
//! Failures panic with what was looked for, as test helpers do.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The key under which WebDriver hands out element references.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Long enough for a loaded CI machine, short enough to fail a broken test soon.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How often `wait_for` and `wait_until` look again.
const POLL: Duration = Duration::from_millis(50);

pub struct Browser {
    http: reqwest::Client,
    /// `http://127.0.0.1:{port}/session/{id}`.
    session: String,
    driver: Child,
    profile: PathBuf,
}

/// An element found on the current page; it goes stale when the page replaces it.
pub struct Element<'a> {
    browser: &'a Browser,
    id: String,
}

/// `CHROMEDRIVER`, else `chromedriver` on `PATH`, else Debian's `/usr/bin/chromedriver`.
fn chromedriver() -> PathBuf {
    let path = match std::env::var_os("CHROMEDRIVER").filter(|p| !p.is_empty()) {
        Some(path) => PathBuf::from(path),
        None => std::env::var_os("PATH")
            .iter()
            .flat_map(std::env::split_paths)
            .map(|dir| dir.join("chromedriver"))
            .find(|path| path.is_file())
            .unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver")),
    };
    assert!(
        path.is_file(),
        "the browser tests (feature `e2e`) need chromedriver, not found at {}: install Debian's \
         `chromium` and `chromium-driver` packages (apt-get install chromium chromium-driver), \
         or set CHROMEDRIVER",
        path.display()
    );
    path
}

/// Starts chromedriver on a port of its choosing and returns the process and the port.
fn start_driver() -> (Child, u16) {
    let path = chromedriver();
    let mut driver = Command::new(&path)
        .arg("--port=0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("start {}: {e}", path.display()));
    let stdout = driver.stdout.take().expect("chromedriver's output");
    let (port_tx, port_rx) = std::sync::mpsc::channel();
    // chromedriver prints the port it bound; the thread then keeps draining its
    // output so that a full pipe never blocks it.
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(port) = line
                .split_once("started successfully on port ")
                .and_then(|(_, rest)| rest.trim_end_matches('.').parse::<u16>().ok())
            {
                let _ = port_tx.send(port);
            }
        }
    });
    match port_rx.recv_timeout(TIMEOUT) {
        Ok(port) => (driver, port),
        Err(_) => {
            let _ = driver.kill();
            panic!("{} did not report its port", path.display())
        }
    }
}

/// A profile directory of its own for each browser.
fn fresh_profile() -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "chromium-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a profile directory for chromium");
    dir
}

impl Browser {
    /// A headless chromium behind a chromedriver of its own.
    pub async fn start() -> Browser {
        Browser::launch(true, "en").await
    }

    /// The same asking for pages in `lang` first (its `Accept-Language`), as a browser
    /// set up in that language does.
    pub async fn start_in(lang: &str) -> Browser {
        Browser::launch(true, lang).await
    }

    /// The same with the page's JavaScript switched off, as some phones and proxies have
    /// it; the tests' own scripts (`execute`) still run.
    pub async fn start_without_javascript() -> Browser {
        Browser::launch(false, "en").await
    }

    async fn launch(javascript: bool, lang: &str) -> Browser {
        let (driver, port) = start_driver();
        // Owned from here on, so that a failure below still stops chromedriver.
        let mut browser = Browser {
            http: reqwest::Client::new(),
            session: String::new(),
            driver,
            profile: fresh_profile(),
        };
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let ready = match browser.http.get(format!("{base}/status")).send().await {
                Ok(response) => response
                    .json::<Value>()
                    .await
                    .ok()
                    .and_then(|v| v["value"]["ready"].as_bool()),
                Err(_) => None,
            };
            if ready == Some(true) {
                break;
            }
            assert!(Instant::now() < deadline, "chromedriver on port {port} is not ready");
            tokio::time::sleep(POLL).await;
        }
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": { "args": [
                    "--headless=new",
                    // Tests run as root, where chromium refuses its sandbox.
                    "--no-sandbox",
                    "--disable-gpu",
                    // Containers often have a tiny /dev/shm.
                    "--disable-dev-shm-usage",
                    "--window-size=1280,1000",
                    format!("--user-data-dir={}", browser.profile.display()),
                    format!("--accept-lang={lang}"),
                ],
                // 2 blocks: the content setting a site's JavaScript switch sets.
                "prefs": {
                    "profile.default_content_setting_values.javascript": if javascript { 1 } else { 2 },
                    "intl.accept_languages": lang,
                },
                },
            }},
        });
        let created = browser
            .command(reqwest::Method::POST, &format!("{base}/session"), capabilities)
            .await
            .unwrap_or_else(|e| panic!("chromium starts a session: {e}"));
        let id = created["sessionId"].as_str().expect("a session id");
        browser.session = format!("{base}/session/{id}");
        browser
    }

    /// Sends one WebDriver command; a WebDriver error comes back as its `error: message`.
    async fn command(&self, method: reqwest::Method, url: &str, body: Value) -> Result<Value, String> {
        let request = self.http.request(method.clone(), url);
        let request = if method == reqwest::Method::GET {
            request
        } else {
            request.json(&body)
        };
        let response = request.send().await.map_err(|e| format!("{url}: {e}"))?;
        let ok = response.status().is_success();
        let answer: Value = response.json().await.map_err(|e| format!("{url}: {e}"))?;
        let value = answer["value"].clone();
        if ok {
            Ok(value)
        } else {
            Err(format!("{}: {}", value["error"], value["message"]))
        }
    }

    async fn session_command(&self, method: reqwest::Method, path: &str, body: Value) -> Result<Value, String> {
        self.command(method, &format!("{}{path}", self.session), body).await
    }

    /// Loads `url` and waits until the page has loaded.
    pub async fn goto(&self, url: &str) {
        self.session_command(reqwest::Method::POST, "/url", json!({ "url": url }))
            .await
            .unwrap_or_else(|e| panic!("load {url}: {e}"));
    }

    pub async fn current_url(&self) -> String {
        let url = self
            .session_command(reqwest::Method::GET, "/url", Value::Null)
            .await
            .unwrap_or_else(|e| panic!("the current URL: {e}"));
        url.as_str().expect("a URL").to_owned()
    }

    /// Runs `script` as a function body in the page and returns what it returns.
    pub async fn execute(&self, script: &str) -> Value {
        self.session_command(
            reqwest::Method::POST,
            "/execute/sync",
            json!({ "script": script, "args": [] }),
        )
        .await
        .unwrap_or_else(|e| panic!("run {script:?}: {e}"))
    }

    async fn try_find_all(&self, css: &str) -> Result<Vec<Element<'_>>, String> {
        let found = self
            .session_command(
                reqwest::Method::POST,
                "/elements",
                json!({ "using": "css selector", "value": css }),
            )
            .await?;
        Ok(found
            .as_array()
            .expect("a list of elements")
            .iter()
            .map(|e| Element {
                browser: self,
                id: e[ELEMENT_KEY].as_str().expect("an element reference").to_owned(),
            })
            .collect())
    }

    /// Every element matching `css`, in document order.
    pub async fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        self.try_find_all(css)
            .await
            .unwrap_or_else(|e| panic!("look for {css}: {e}"))
    }

    /// The first element matching `css`, which must be on the page now.
    pub async fn find(&self, css: &str) -> Element<'_> {
        match self.find_all(css).await.into_iter().next() {
            Some(element) => element,
            None => panic!("no {css} on {}", self.current_url().await),
        }
    }

    /// The first element matching `css` once there is one.
    pub async fn wait_for(&self, css: &str, timeout: Duration) -> Element<'_> {
        let deadline = Instant::now() + timeout;
        loop {
            // A page being replaced can answer with an error; that is worth another look.
            if let Some(element) = self
                .try_find_all(css)
                .await
                .ok()
                .and_then(|found| found.into_iter().next())
            {
                return element;
            }
            if Instant::now() >= deadline {
                panic!("no {css} on {} within {timeout:?}", self.current_url().await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The rendered text of the first element matching `css`, empty while there is none
    /// or the page is being replaced: what a `wait_until` check can poll.
    pub async fn text_now(&self, css: &str) -> String {
        self.session_command(
            reqwest::Method::POST,
            "/execute/sync",
            json!({ "script": "return document.querySelector(arguments[0])?.innerText ?? ''", "args": [css] }),
        )
        .await
        .ok()
        .and_then(|text| text.as_str().map(str::to_owned))
        .unwrap_or_default()
    }

    /// Waits until `check` holds; `what` says in the failure what was awaited.
    pub async fn wait_until(&self, what: &str, timeout: Duration, mut check: impl AsyncFnMut(&Browser) -> bool) {
        let deadline = Instant::now() + timeout;
        while !check(self).await {
            if Instant::now() >= deadline {
                panic!("{what}: not so on {} within {timeout:?}", self.current_url().await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Runs `script` as an async function body: it hands its result to the callback
    /// `arguments[arguments.length - 1]`.
    pub async fn execute_async(&self, script: &str) -> Value {
        self.session_command(
            reqwest::Method::POST,
            "/execute/async",
            json!({ "script": script, "args": [] }),
        )
        .await
        .unwrap_or_else(|e| panic!("run {script:?}: {e}"))
    }

    /// Makes the page `width` CSS pixels wide (and `height` high), as a phone or a
    /// laptop screen would be, and checks that the page sees that width.
    pub async fn resize(&self, width: u32, height: u32) {
        self.session_command(
            reqwest::Method::POST,
            "/window/rect",
            json!({ "width": width, "height": height }),
        )
        .await
        .unwrap_or_else(|e| panic!("resize to {width}×{height}: {e}"));
        let inner = self.execute("return window.innerWidth").await;
        assert_eq!(inner, width, "the page's width after resizing");
    }

    /// Makes the page see a touch screen, `(pointer: coarse)`, as a phone's browser does.
    pub async fn emulate_touch(&self) {
        self.session_command(
            reqwest::Method::POST,
            "/goog/cdp/execute",
            json!({ "cmd": "Emulation.setTouchEmulationEnabled", "params": { "enabled": true, "maxTouchPoints": 5 } }),
        )
        .await
        .unwrap_or_else(|e| panic!("emulate a touch screen: {e}"));
    }

    /// Saves what the page downloads into `dir`, without asking, as a browser set to
    /// "save files to" a folder does (headless chromium otherwise refuses downloads).
    pub async fn download_to(&self, dir: &Path) {
        self.session_command(
            reqwest::Method::POST,
            "/goog/cdp/execute",
            json!({ "cmd": "Browser.setDownloadBehavior", "params": { "behavior": "allow", "downloadPath": dir } }),
        )
        .await
        .unwrap_or_else(|e| panic!("downloads into {}: {e}", dir.display()));
    }

    /// A PNG of what the window shows, written to `path`.
    pub async fn screenshot(&self, path: &Path) {
        use base64::Engine as _;
        let encoded = self
            .session_command(reqwest::Method::GET, "/screenshot", Value::Null)
            .await
            .unwrap_or_else(|e| panic!("a screenshot: {e}"));
        let png = base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().expect("base64 text"))
            .expect("a base64 screenshot");
        std::fs::write(path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    /// Presses and releases `key` (a WebDriver key code such as `\u{E004}`, Tab) on
    /// whatever has the focus, as a keyboard would.
    pub async fn press_key(&self, key: &str) {
        let presses = json!({ "actions": [{
            "type": "key",
            "id": "keyboard",
            "actions": [{ "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }],
        }]});
        self.session_command(reqwest::Method::POST, "/actions", presses)
            .await
            .unwrap_or_else(|e| panic!("press {key:?}: {e}"));
    }

    /// Signs in through the sign-in form at `address` and waits to leave it.
    pub async fn sign_in(&self, address: &str, email: &str, password: &str) {
        let login = format!("{address}/login");
        self.goto(&login).await;
        self.find("input[name=email]").await.type_text(email).await;
        self.find("input[name=password]").await.type_text(password).await;
        self.find("form[action='/login'] button[type=submit]")
            .await
            .click()
            .await;
        self.wait_until(&format!("signed in as {email}"), TIMEOUT, async |b| {
            !b.current_url().await.starts_with(&login)
        })
        .await;
    }
}

impl Element<'_> {
    async fn call(&self, method: reqwest::Method, action: &str, body: Value) -> Value {
        self.browser
            .session_command(method, &format!("/element/{}{action}", self.id), body)
            .await
            .unwrap_or_else(|e| panic!("element{action}: {e}"))
    }

    pub async fn click(&self) {
        self.call(reqwest::Method::POST, "/click", json!({})).await;
    }

    /// Types `text` into the element as key presses.
    pub async fn type_text(&self, text: &str) {
        self.call(reqwest::Method::POST, "/value", json!({ "text": text }))
            .await;
    }

    pub async fn clear(&self) {
        self.call(reqwest::Method::POST, "/clear", json!({})).await;
    }

    /// The text as rendered, the way a user reads it.
    pub async fn text(&self) -> String {
        let text = self.call(reqwest::Method::GET, "/text", Value::Null).await;
        text.as_str().expect("text").to_owned()
    }

    pub async fn attribute(&self, name: &str) -> Option<String> {
        let value = self
            .call(reqwest::Method::GET, &format!("/attribute/{name}"), Value::Null)
            .await;
        value.as_str().map(str::to_owned)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ending the session closes chromium; drop cannot await, so a thread with a
        // runtime of its own does it, as the test database's clean-up does.
        let session = std::mem::take(&mut self.session);
        if !session.is_empty() {
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .ok()?;
                runtime.block_on(async { reqwest::Client::new().delete(&session).send().await.ok() })
            })
            .join();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

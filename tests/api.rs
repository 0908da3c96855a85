//! The JSON API as a script uses it: personal tokens from the CLI and from the
//! account page, every endpoint's answers, who may do what, bad input, and the
//! OpenAPI document.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use common::api::{Answer, answer, assert_problem, count, demo, group_id, script, script_of};
use common::{Visitor, form_token, spawn_app};
use scraper::{Html, Selector};
use serde_json::{Value, json};

/// Everything the app logs in this test process, at every level.
fn captured_log() -> Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = Arc::new(Mutex::new(Vec::new()));
        struct Sink(Arc<Mutex<Vec<u8>>>);
        impl Write for Sink {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let sink = log.clone();
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            // Each request's span with all its fields, as well as every event.
            .with_span_events(
                tracing_subscriber::fmt::format::FmtSpan::NEW | tracing_subscriber::fmt::format::FmtSpan::CLOSE,
            )
            .with_ansi(false)
            .with_writer(move || Sink(sink.clone()))
            .try_init()
            .expect("the test's log subscriber is the first");
        log
    })
    .clone()
}

#[tokio::test]
async fn a_token_created_with_the_cli_authenticates_and_never_reaches_a_log() {
    let log = captured_log();
    let app = demo().await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_convene"))
        .env_remove("RUST_LOG")
        .env("DATABASE_URL", &app.db.url)
        .env("LOG", "trace")
        .args([
            "token",
            "create",
            "--email",
            "member@example.org",
            "--label",
            "nightly sync",
        ])
        .output()
        .expect("convene token create runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let token = stdout
        .lines()
        .find(|line| line.starts_with("cvn_"))
        .unwrap_or_else(|| panic!("the token on a line of its own: {stdout}"))
        .to_owned();
    assert_eq!(token.len(), 4 + 64, "256 bits in hex after the prefix");
    assert_eq!(stdout.matches(&token).count(), 1, "printed once");

    let me = script(&app, &token).get("/api/v1/me").await;
    assert_eq!(me.status, 200);
    assert_eq!(me.body["email"], "member@example.org");
    let groups = script(&app, &token).get("/api/v1/groups").await;
    assert_eq!(groups.status, 200);
    let refused = script(&app, &token)
        .post("/api/v1/organizations", json!({"name": "Refused", "kind": "nngo"}))
        .await;
    assert_eq!(refused.status, 403);

    // Only the hash is stored, with the label.
    let stored = count(
        &app,
        &format!("SELECT 1 FROM tokens WHERE token_hash = sha256('{token}'::bytea) AND purpose = 'api' AND label = 'nightly sync'"),
    )
    .await;
    assert_eq!(stored, 1);

    // A token for nobody is refused with a message, and creates nothing.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_convene"))
        .env("DATABASE_URL", &app.db.url)
        .args(["token", "create", "--email", "nobody@example.org"])
        .output()
        .expect("convene token create runs");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no account uses the email nobody@example.org"));
    assert_eq!(count(&app, "SELECT 1 FROM tokens WHERE purpose = 'api'").await, 1);

    let cli_log = String::from_utf8_lossy(&output.stderr);
    let app_log = String::from_utf8_lossy(&log.lock().unwrap()).into_owned();
    assert!(
        app_log.contains("/api/v1/me"),
        "the app's requests are logged: {app_log}"
    );
    for (name, text) in [("the CLI's log", &*cli_log), ("the app's log", &*app_log)] {
        assert!(!text.contains(&token), "the token appears in {name}");
        assert!(!text.contains(&token[4..]), "the token's secret appears in {name}");
    }
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(selector).unwrap()).collect()
}

#[tokio::test]
async fn a_token_created_on_the_account_page_works_until_revoked() {
    let app = demo().await;
    let member = app.sign_in_demo("member").await;
    let page = member.page("/").await;
    assert!(
        page.contains("href=\"/account/tokens\""),
        "the account menu links the page"
    );
    let page = member.page("/account/tokens").await;
    assert!(page.contains("You have no API tokens."));

    let response = member
        .submit(
            "/account/tokens",
            "/account/tokens",
            &[("label", "  spreadsheet sync ")],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let page = Html::parse_document(&response.text().await.unwrap());
    let secrets = select(&page, "code.secret");
    assert_eq!(secrets.len(), 1, "the secret is shown once, after creation");
    let token = secrets[0].text().collect::<String>();
    assert!(token.starts_with("cvn_") && token.len() == 68, "{token}");

    let api = script(&app, &token);
    let me = api.get("/api/v1/me").await;
    assert_eq!(
        (me.status, me.body["email"].as_str()),
        (200, Some("member@example.org"))
    );

    // Listed by label with its use, and never shown again.
    let list = member.page("/account/tokens").await;
    assert!(!list.contains(&token));
    let html = Html::parse_document(&list);
    let row: Vec<String> = select(&html, "table.tokens tbody tr td")
        .iter()
        .map(|td| td.text().collect::<String>().trim().to_owned())
        .collect();
    assert_eq!(row[0], "spreadsheet sync");
    assert_ne!(row[2], "Never", "last used is shown");
    assert_eq!(row[3], "Active");

    // The last use is written at most once a minute.
    let last_used = "SELECT 1 FROM tokens WHERE purpose = 'api' AND last_used_at IS NOT NULL";
    assert_eq!(count(&app, last_used).await, 1);
    let mut conn = app.db.conn().await;
    diesel_async::RunQueryDsl::execute(
        diesel::sql_query("UPDATE tokens SET last_used_at = now() - interval '30 seconds'"),
        &mut conn,
    )
    .await
    .unwrap();
    api.get("/api/v1/me").await;
    let recent = "SELECT 1 FROM tokens WHERE last_used_at < now() - interval '29 seconds'";
    assert_eq!(count(&app, recent).await, 1, "not written again within the minute");
    diesel_async::RunQueryDsl::execute(
        diesel::sql_query("UPDATE tokens SET last_used_at = now() - interval '2 minutes'"),
        &mut conn,
    )
    .await
    .unwrap();
    api.get("/api/v1/me").await;
    assert_eq!(count(&app, recent).await, 0, "written again after a minute");

    // Another account cannot revoke it.
    let action = select(&html, "form[action$='/revoke']")[0]
        .value()
        .attr("action")
        .unwrap()
        .to_owned();
    let coordinator = app.sign_in_demo("coordinator").await;
    let token_field = form_token(&coordinator.page("/account/tokens").await);
    let response = coordinator.post(&action, &[("csrf_token", &token_field)]).await;
    assert_eq!(response.status(), 404);
    assert_eq!(api.get("/api/v1/me").await.status, 200);

    // Without the form's CSRF token nothing is revoked.
    assert_eq!(member.post(&action, &[]).await.status(), 403);
    assert_eq!(api.get("/api/v1/me").await.status, 200);

    let response = member.submit("/account/tokens", &action, &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/account/tokens");
    assert_problem(&api.get("/api/v1/me").await, 401, "");
    let list = member.page("/account/tokens").await;
    assert!(list.contains("Revoked "));
    assert!(!list.contains("/revoke\""), "no revoke button for a revoked token");

    // A label longer than the list allows is refused, and nothing is created.
    let long = "x".repeat(101);
    let response = member
        .submit("/account/tokens", "/account/tokens", &[("label", &long)])
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(count(&app, "SELECT 1 FROM tokens WHERE purpose = 'api'").await, 1);
}

#[tokio::test]
async fn calls_without_a_live_token_get_401_problem_details() {
    let app = demo().await;
    let anonymous = reqwest::Client::new();
    let url = format!("{}/api/v1/me", app.address);
    let response = anonymous.get(&url).send().await.unwrap();
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    let body = answer(response).await;
    assert_problem(&body, 401, "Sign in, or send a live personal API token");
    assert_eq!(body.body["title"], "Unauthorized");
    assert_eq!(body.body["instance"], "/api/v1/me");

    let member = script_of(&app, "member@example.org").await;
    for header in [
        "Bearer cvn_0000000000000000000000000000000000000000000000000000000000000000".to_owned(),
        "Bearer ".to_owned(),
        format!("Basic {}", member.token),
        member.token.clone(),
    ] {
        let response = anonymous
            .get(&url)
            .header("authorization", &header)
            .send()
            .await
            .unwrap();
        assert_problem(&answer(response).await, 401, "");
    }
    let response = anonymous
        .post(format!("{}/api/v1/organizations", app.address))
        .json(&json!({"name": "Anonymous", "kind": "other"}))
        .send()
        .await
        .unwrap();
    assert_problem(&answer(response).await, 401, "");
    assert_eq!(
        count(&app, "SELECT 1 FROM organizations WHERE name = 'Anonymous'").await,
        0
    );

    // The scheme's name is case-insensitive.
    let response = anonymous
        .get(&url)
        .header("authorization", format!("bearer {}", member.token))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);

    // Expired tokens and tokens of deactivated accounts stop working.
    let mut conn = app.db.conn().await;
    let expire = "UPDATE tokens SET expires_at = now() - interval '1 second'";
    diesel_async::RunQueryDsl::execute(diesel::sql_query(expire), &mut conn)
        .await
        .unwrap();
    assert_problem(&member.get("/api/v1/me").await, 401, "");
    let coordinator = script_of(&app, "coordinator@example.org").await;
    assert_eq!(coordinator.get("/api/v1/me").await.status, 200);
    let deactivate = "UPDATE users SET deactivated_at = now() WHERE email = 'coordinator@example.org'";
    diesel_async::RunQueryDsl::execute(diesel::sql_query(deactivate), &mut conn)
        .await
        .unwrap();
    assert_problem(&coordinator.get("/api/v1/me").await, 401, "");
}

#[tokio::test]
async fn session_cookie_calls_need_the_csrf_header_to_change_anything() {
    let app = demo().await;
    let admin: Visitor = app.sign_in_demo("admin").await;
    let me = answer(admin.get("/api/v1/me").await).await;
    assert_eq!((me.status, me.body["email"].as_str()), (200, Some("admin@example.org")));

    let url = admin.url("/api/v1/organizations");
    let body = json!({"name": "Cookie Org", "kind": "nngo"});
    let response = admin.client.post(&url).json(&body).send().await.unwrap();
    assert_problem(&answer(response).await, 403, "");
    let response = admin
        .client
        .post(&url)
        .header("x-csrf-token", "0".repeat(64))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_problem(&answer(response).await, 403, "");
    assert_eq!(
        count(&app, "SELECT 1 FROM organizations WHERE name = 'Cookie Org'").await,
        0
    );

    let csrf = form_token(&admin.page("/account/tokens").await);
    let response = admin
        .client
        .post(&url)
        .header("x-csrf-token", &csrf)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);

    // From another site even the right token does not help.
    let response = admin
        .client
        .post(&url)
        .header("x-csrf-token", &csrf)
        .header("origin", "https://evil.example.net")
        .json(&json!({"name": "Cross-site Org", "kind": "nngo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(
        count(&app, "SELECT 1 FROM organizations WHERE name LIKE 'C%Org'").await,
        1
    );
}

#[tokio::test]
async fn users_are_listed_and_invited_by_administrators() {
    let app = demo().await;
    let admin = script_of(&app, "admin@example.org").await;
    let member = script_of(&app, "member@example.org").await;
    let member_id = app.id("SELECT id FROM users WHERE email = 'member@example.org'").await;
    let admin_id = app.id("SELECT id FROM users WHERE email = 'admin@example.org'").await;

    let all = admin.get("/api/v1/users").await;
    assert_eq!(all.status, 200);
    let emails: Vec<&str> = all
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["email"].as_str())
        .collect();
    assert!(emails.contains(&"member@example.org") && emails.contains(&"coordinator@example.org"));
    let one = admin.get(&format!("/api/v1/users/{member_id}")).await;
    assert_eq!(
        (one.status, one.body["email"].as_str()),
        (200, Some("member@example.org"))
    );
    assert!(one.body.get("password_hash").is_none());
    assert_eq!(admin.get("/api/v1/users/987654").await.status, 404);

    assert_problem(&member.get("/api/v1/users").await, 403, "");
    assert_eq!(member.get(&format!("/api/v1/users/{member_id}")).await.status, 200);
    assert_problem(&member.get(&format!("/api/v1/users/{admin_id}")).await, 403, "");
    let refused = member
        .post("/api/v1/users", json!({"email": "x@test.org", "name": "X"}))
        .await;
    assert_problem(&refused, 403, "");

    let created = admin
        .post(
            "/api/v1/users",
            json!({"email": "rania@unicef.org", "name": "Rania Khoury"}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_i64().unwrap();
    assert_eq!(
        created.location.as_deref(),
        Some(format!("/api/v1/users/{id}").as_str())
    );
    assert_eq!(created.body["is_admin"], false);
    assert_eq!(
        admin.get(&format!("/api/v1/users/{id}")).await.body["name"],
        "Rania Khoury"
    );
    let invited = "SELECT 1 FROM outbox WHERE kind = 'invitation' AND recipient = 'rania@unicef.org'";
    assert_eq!(count(&app, invited).await, 1, "the invitation is queued");

    let users = "SELECT 1 FROM users";
    let before = count(&app, users).await;
    let taken = admin
        .post("/api/v1/users", json!({"email": "RANIA@unicef.org", "name": "Again"}))
        .await;
    assert_problem(&taken, 409, "email:");
    let malformed = admin
        .post("/api/v1/users", json!({"email": "rania at unicef", "name": "Rania"}))
        .await;
    assert_problem(&malformed, 422, "email: This is not an email address.");
    let nameless = admin
        .post("/api/v1/users", json!({"email": "n@test.org", "name": " "}))
        .await;
    assert_problem(&nameless, 422, "name: This is required.");
    let typo = admin
        .post(
            "/api/v1/users",
            json!({"email": "t@test.org", "name": "T", "is_admin": true}),
        )
        .await;
    assert_problem(&typo, 422, "");
    assert!(typo.detail().contains("unknown field `is_admin`"), "{}", typo.detail());
    assert_eq!(count(&app, users).await, before, "nothing was created");
}

#[tokio::test]
async fn organisations_are_shared_added_by_leads_and_kept_by_administrators() {
    let app = demo().await;
    let admin = script_of(&app, "admin@example.org").await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let member = script_of(&app, "member@example.org").await;

    let list = member.get("/api/v1/organizations").await;
    assert_eq!(list.status, 200);
    let unicef = list
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["acronym"] == "UNICEF")
        .expect("UNICEF is listed")
        .clone();
    let unicef_id = unicef["id"].as_i64().unwrap();
    let one = member.get(&format!("/api/v1/organizations/{unicef_id}")).await;
    assert_eq!((one.status, &one.body["kind"]), (200, &json!("un_agency")));
    assert_eq!(member.get("/api/v1/organizations/987654").await.status, 404);

    let organizations = "SELECT 1 FROM organizations";
    let before = count(&app, organizations).await;
    let refused = member
        .post("/api/v1/organizations", json!({"name": "Member's NGO", "kind": "nngo"}))
        .await;
    assert_problem(&refused, 403, "");
    let duplicate = coordinator
        .post(
            "/api/v1/organizations",
            json!({"name": unicef["name"].as_str().unwrap().to_uppercase(), "kind": "un_agency"}),
        )
        .await;
    assert_problem(&duplicate, 409, "name:");
    let bad_kind = coordinator
        .post("/api/v1/organizations", json!({"name": "Kindless", "kind": "charity"}))
        .await;
    assert_problem(&bad_kind, 422, "kind: \"charity\" is not a valid OrganizationKind");
    assert_eq!(count(&app, organizations).await, before, "nothing was created");

    let created = coordinator
        .post(
            "/api/v1/organizations",
            json!({"name": " Beyond Association ", "acronym": "Beyond", "kind": "nngo"}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["name"], "Beyond Association");
    let id = created.body["id"].as_i64().unwrap();
    let path = format!("/api/v1/organizations/{id}");
    assert_eq!(created.location.as_deref(), Some(path.as_str()));

    assert_problem(&coordinator.patch(&path, json!({"name": "Renamed"})).await, 403, "");
    let renamed = admin
        .patch(&path, json!({"name": "Beyond for Children", "acronym": null}))
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.body);
    assert_eq!(renamed.body["name"], "Beyond for Children");
    assert_eq!(renamed.body["acronym"], Value::Null);
    assert_eq!(renamed.body["kind"], "nngo", "absent fields stay");
    let taken = admin.patch(&path, json!({"name": unicef["name"]})).await;
    assert_problem(&taken, 409, "name:");
    assert_eq!(admin.get(&path).await.body["name"], "Beyond for Children");

    let merge = format!("{path}/merge");
    assert_problem(&member.post(&merge, json!({"into": unicef_id})).await, 403, "");
    assert_problem(&coordinator.post(&merge, json!({"into": unicef_id})).await, 403, "");
    assert_problem(&admin.post(&merge, json!({"into": id})).await, 422, "into:");
    assert_problem(&admin.post(&merge, json!({"into": 987654})).await, 422, "into:");
    assert_eq!(admin.get(&path).await.status, 200, "still there");
    let merged = admin.post(&merge, json!({"into": unicef_id})).await;
    assert_eq!((merged.status, merged.body["id"].as_i64()), (200, Some(unicef_id)));
    assert_eq!(admin.get(&path).await.status, 404, "the duplicate is gone");
}

#[tokio::test]
async fn groups_are_seen_created_changed_and_archived_by_those_who_lead_them() {
    let app = demo().await;
    let admin = script_of(&app, "admin@example.org").await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let member = script_of(&app, "member@example.org").await;
    let wg = group_id(&app, "CPiE WG").await;

    let created = admin
        .post(
            "/api/v1/groups",
            json!({"name": "Other Working Group", "short_name": "Other WG", "kind": "working_group", "time_zone": "Africa/Nairobi"}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let other = created.body["id"].as_i64().unwrap();
    assert_eq!(
        created.location.as_deref(),
        Some(format!("/api/v1/groups/{other}").as_str())
    );
    assert_eq!(created.body["parent_id"], Value::Null);
    assert_eq!(created.body["meeting_reminder_days"], 2);

    let names = |answer: &Answer| -> Vec<String> {
        answer
            .body
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["short_name"].as_str().unwrap().to_owned())
            .collect()
    };
    let seen_by_member = member.get("/api/v1/groups").await;
    assert_eq!(seen_by_member.status, 200);
    let seen = names(&seen_by_member);
    assert!(
        seen.contains(&"CPiE WG".into()) && seen.contains(&"CM TWG".into()),
        "{seen:?}"
    );
    assert!(!seen.contains(&"Other WG".into()));
    assert_eq!(
        seen.len() as i64,
        count(
            &app,
            &format!("SELECT 1 FROM groups WHERE id = {wg} OR parent_id = {wg}")
        )
        .await
    );
    assert!(names(&admin.get("/api/v1/groups").await).contains(&"Other WG".into()));
    let shown = member.get(&format!("/api/v1/groups/{wg}")).await;
    assert_eq!(shown.body["time_zone"], "Asia/Beirut");
    assert_eq!(shown.body["subgroups"].as_array().unwrap().len(), 7);
    assert_eq!(member.get(&format!("/api/v1/groups/{other}")).await.status, 404);

    let groups = "SELECT 1 FROM groups";
    let before = count(&app, groups).await;
    let task_force = |parent: i64, short_name: &str| {
        json!({"parent_id": parent, "name": "Family Tracing Task Force", "short_name": short_name,
               "kind": "task_force", "location": "Beirut", "time_zone": "Asia/Beirut"})
    };
    assert_problem(&member.post("/api/v1/groups", task_force(wg, "FTR TF")).await, 403, "");
    assert_problem(
        &coordinator.post("/api/v1/groups", task_force(other, "FTR TF")).await,
        404,
        "",
    );
    assert_problem(
        &coordinator.post("/api/v1/groups", task_force(987654, "FTR TF")).await,
        404,
        "",
    );
    let top = json!({"name": "Coordinator's WG", "short_name": "C WG", "kind": "working_group", "time_zone": "UTC"});
    assert_problem(&coordinator.post("/api/v1/groups", top).await, 403, "");
    let mut bad_zone = task_force(wg, "FTR TF");
    bad_zone["time_zone"] = json!("Beirut");
    assert_problem(
        &coordinator.post("/api/v1/groups", bad_zone).await,
        422,
        "time_zone: This is not a time zone",
    );
    let mut wrong_kind = task_force(wg, "FTR TF");
    wrong_kind["kind"] = json!("working_group");
    assert_problem(&coordinator.post("/api/v1/groups", wrong_kind).await, 422, "kind:");
    let sub_at_top = json!({"name": "Loose", "short_name": "Loose", "kind": "sub_group", "time_zone": "UTC"});
    assert_problem(&admin.post("/api/v1/groups", sub_at_top).await, 422, "kind:");
    assert_problem(
        &coordinator.post("/api/v1/groups", task_force(wg, "CM TWG")).await,
        409,
        "short_name:",
    );
    assert_eq!(count(&app, groups).await, before, "nothing was created");

    let created = coordinator.post("/api/v1/groups", task_force(wg, "FTR TF")).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let tf = created.body["id"].as_i64().unwrap();
    let path = format!("/api/v1/groups/{tf}");
    assert_eq!(created.location.as_deref(), Some(path.as_str()));
    assert_eq!(created.body["parent_id"], wg);
    assert_eq!(coordinator.get(&path).await.body["location"], "Beirut");
    assert!(names(&member.get("/api/v1/groups").await).contains(&"FTR TF".into()));

    assert_problem(&member.patch(&path, json!({"name": "Mine"})).await, 403, "");
    let too_early = coordinator.patch(&path, json!({"meeting_reminder_days": 45})).await;
    assert_problem(&too_early, 422, "meeting_reminder_days:");
    let changed = coordinator
        .patch(
            &path,
            json!({"name": "Family Tracing and Reunification TF", "location": null, "action_due_days": 5}),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.body["name"], "Family Tracing and Reunification TF");
    assert_eq!(changed.body["location"], Value::Null);
    assert_eq!(changed.body["action_due_days"], 5);
    assert_eq!(changed.body["meeting_reminder_days"], 2, "absent fields stay");
    assert_eq!(changed.body["short_name"], "FTR TF");

    assert_problem(&member.post(&format!("{path}/archive"), json!({})).await, 403, "");
    let archived = coordinator.post(&format!("{path}/archive"), json!({})).await;
    assert_eq!(archived.status, 200);
    assert!(archived.body["archived_at"].is_string());
    let wg_now = coordinator.get(&format!("/api/v1/groups/{wg}")).await;
    assert_eq!(
        wg_now.body["subgroups"].as_array().unwrap().len(),
        7,
        "archived groups leave the list"
    );
    let restored = coordinator.post(&format!("{path}/unarchive"), json!({})).await;
    assert_eq!((restored.status, &restored.body["archived_at"]), (200, &Value::Null));
    assert_problem(
        &coordinator
            .post(&format!("/api/v1/groups/{other}/archive"), json!({}))
            .await,
        404,
        "",
    );
}

#[tokio::test]
async fn memberships_are_managed_by_group_leads_within_their_group() {
    let app = demo().await;
    let admin = script_of(&app, "admin@example.org").await;
    let coordinator = script_of(&app, "coordinator@example.org").await;
    let member = script_of(&app, "member@example.org").await;
    let wg = group_id(&app, "CPiE WG").await;
    let base = format!("/api/v1/groups/{wg}/memberships");

    let list = member.get(&base).await;
    assert_eq!(list.status, 200);
    assert!(
        list.body
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["email"] == "member@example.org" && m["role"] == "member")
    );

    let invited = admin
        .post("/api/v1/users", json!({"email": "omar@sci.org", "name": "Omar Saleh"}))
        .await;
    let omar = invited.body["id"].as_i64().unwrap();

    let memberships = "SELECT 1 FROM memberships";
    let before = count(&app, memberships).await;
    let add = json!({"email": "omar@sci.org", "role": "im_officer", "since": "2014-06-01"});
    assert_problem(&member.post(&base, add.clone()).await, 403, "");
    let unknown_role = coordinator.post(&base, json!({"user_id": omar, "role": "chair"})).await;
    assert_problem(&unknown_role, 422, "role: \"chair\" is not a valid Role");
    let backwards = coordinator
        .post(
            &base,
            json!({"user_id": omar, "role": "member", "since": "2014-06-11", "until": "2014-06-10"}),
        )
        .await;
    assert_problem(&backwards, 422, "until: The term cannot end before it starts.");
    let bad_date = coordinator
        .post(&base, json!({"user_id": omar, "role": "member", "since": "2014-06-31"}))
        .await;
    assert_problem(&bad_date, 422, "since:");
    let nobody = coordinator.post(&base, json!({"role": "member"})).await;
    assert_problem(&nobody, 422, "user_id:");
    let stranger = coordinator
        .post(&base, json!({"email": "nobody@test.org", "role": "member"}))
        .await;
    assert_problem(&stranger, 422, "email:");
    let no_such_id = coordinator
        .post(&base, json!({"user_id": 987654, "role": "member"}))
        .await;
    assert_problem(&no_such_id, 422, "user_id:");
    assert_eq!(count(&app, memberships).await, before, "nothing was created");

    let created = coordinator.post(&base, add.clone()).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_i64().unwrap();
    let path = format!("{base}/{id}");
    assert_eq!(created.location.as_deref(), Some(path.as_str()));
    assert_eq!(created.body["user_id"], omar);
    assert_eq!(created.body["since"], "2014-06-01");
    assert_eq!(created.body["until"], Value::Null);
    assert_eq!(member.get(&path).await.body["role"], "im_officer");
    assert_problem(&coordinator.post(&base, add).await, 409, "role:");

    assert_problem(&member.patch(&path, json!({"until": "2014-12-31"})).await, 403, "");
    let ends = coordinator.patch(&path, json!({"until": "2014-12-31"})).await;
    assert_eq!((ends.status, &ends.body["until"]), (200, &json!("2014-12-31")));
    let backwards = coordinator.patch(&path, json!({"until": "2014-05-31"})).await;
    assert_problem(&backwards, 422, "until:");
    let promoted = coordinator
        .patch(&path, json!({"role": "co_chair", "until": null}))
        .await;
    assert_eq!(promoted.status, 200);
    // A co-chair's seat rotates: with no end given, it ends four months after it began.
    assert_eq!(
        (&promoted.body["role"], &promoted.body["until"]),
        (&json!("co_chair"), &json!("2014-10-01"))
    );
    assert_eq!(promoted.body["since"], "2014-06-01");

    // A membership of another group is not reached through this one.
    let cm_membership = app
        .id(
            "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id JOIN groups g ON g.id = m.group_id \
             WHERE g.short_name = 'CM TWG' AND u.email = 'member@example.org'",
        )
        .await;
    let elsewhere = format!("{base}/{cm_membership}");
    assert_problem(&coordinator.get(&elsewhere).await, 404, "");
    assert_problem(
        &coordinator.patch(&elsewhere, json!({"role": "observer"})).await,
        404,
        "",
    );
    assert_problem(&coordinator.delete(&elsewhere).await, 404, "");
    let untouched = format!("SELECT 1 FROM memberships WHERE id = {cm_membership} AND role = 'member'");
    assert_eq!(count(&app, &untouched).await, 1);

    assert_problem(&member.delete(&path).await, 403, "");
    let removed = coordinator.delete(&path).await;
    assert_eq!((removed.status, &removed.body), (204, &Value::Null));
    assert_problem(&coordinator.get(&path).await, 404, "");
    assert_problem(&coordinator.delete(&path).await, 404, "");
}

/// Every path the API serves, with its methods.
const PATHS: &[(&str, &[&str])] = &[
    ("/api/v1/openapi.json", &["get"]),
    ("/api/v1/me", &["get"]),
    ("/api/v1/users", &["get", "post"]),
    ("/api/v1/users/{id}", &["get", "patch"]),
    ("/api/v1/organizations", &["get", "post"]),
    ("/api/v1/organizations/{id}", &["get", "patch"]),
    ("/api/v1/organizations/{id}/merge", &["post"]),
    ("/api/v1/groups", &["get", "post"]),
    ("/api/v1/groups/{id}", &["get", "patch"]),
    ("/api/v1/groups/{id}/archive", &["post"]),
    ("/api/v1/groups/{id}/unarchive", &["post"]),
    ("/api/v1/groups/{id}/memberships", &["get", "post"]),
    (
        "/api/v1/groups/{id}/memberships/{membership_id}",
        &["get", "patch", "delete"],
    ),
    ("/api/v1/groups/{id}/action-points", &["get", "post"]),
    ("/api/v1/action-points/{id}", &["get"]),
    ("/api/v1/action-points/{id}/history", &["get"]),
    ("/api/v1/action-points/{id}/status", &["post"]),
    ("/api/v1/groups/{id}/meetings", &["get", "post"]),
    ("/api/v1/meetings/{id}", &["get", "patch"]),
    ("/api/v1/groups/{id}/workplan", &["get"]),
    ("/api/v1/groups/{id}/workplan/areas", &["post"]),
    ("/api/v1/groups/{id}/workplan/tasks", &["post"]),
    ("/api/v1/workplan/areas/{id}", &["get", "patch", "delete"]),
    ("/api/v1/workplan/tasks/{id}", &["get", "patch", "delete"]),
    ("/api/v1/meetings/{id}/status", &["post"]),
    ("/api/v1/meetings/{id}/agenda", &["get", "post"]),
    ("/api/v1/meetings/{id}/agenda/{item}", &["patch", "delete"]),
    ("/api/v1/meetings/{id}/agenda/{item}/move", &["post"]),
    ("/api/v1/meetings/{id}/agenda/{item}/notes", &["put"]),
    ("/api/v1/meetings/{id}/attendance", &["get", "put"]),
    ("/api/v1/meetings/{id}/guests", &["post"]),
    ("/api/v1/meetings/{id}/guests/{guest}", &["delete"]),
];

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint_without_authentication() {
    let app = spawn_app().await;
    let response = reqwest::get(format!("{}/api/v1/openapi.json", app.address))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let document: Value = response.json().await.expect("the document is JSON");
    assert!(
        document["openapi"].as_str().unwrap().starts_with("3."),
        "{}",
        document["openapi"]
    );
    assert_eq!(document["info"]["title"], "convene API");
    let paths = document["paths"].as_object().unwrap();
    assert_eq!(paths.len(), PATHS.len(), "{:?}", paths.keys().collect::<Vec<_>>());
    for (path, methods) in PATHS {
        let item = paths.get(*path).unwrap_or_else(|| panic!("{path} is described"));
        let mut described: Vec<&str> = item.as_object().unwrap().keys().map(String::as_str).collect();
        described.sort_unstable();
        let mut expected = methods.to_vec();
        expected.sort_unstable();
        assert_eq!(described, expected, "{path}");
    }
    let schemes = &document["components"]["securitySchemes"];
    assert_eq!(schemes["bearer"]["type"], "http");
    assert_eq!(schemes["bearer"]["scheme"], "bearer");
    assert_eq!(document["security"][0]["bearer"], json!([]));
    for schema in ["User", "Organization", "Group", "Membership", "Problem", "NewGroupBody"] {
        assert!(document["components"]["schemas"][schema].is_object(), "{schema}");
    }
    assert_eq!(
        document["components"]["schemas"]["GroupKind"]["enum"],
        json!(["working_group", "sub_group", "task_force", "field_group"])
    );
}

#[tokio::test]
async fn input_a_fuzzer_found_is_refused_with_problem_details_and_saves_nothing() {
    let app = demo().await;
    let admin = script_of(&app, "admin@example.org").await;
    let wg = group_id(&app, "CPiE WG").await;
    let organizations = "SELECT 1 FROM organizations";
    let before = count(&app, organizations).await;

    // PostgreSQL refuses a NUL in text: it was a 500.
    let nul = admin
        .post(
            "/api/v1/organizations",
            json!({"name": "Terre\u{0}des hommes", "kind": "ingo"}),
        )
        .await;
    assert_problem(&nul, 422, "name: ");
    let escape = admin
        .post(
            "/api/v1/organizations",
            json!({"name": "Tdh", "acronym": "\u{1b}[2J", "kind": "ingo"}),
        )
        .await;
    assert_problem(&escape, 422, "acronym: ");
    // Serde reads a list into a struct field by field: it was taken as a change.
    let list = admin.post("/api/v1/organizations", json!(["Tdh", null, "ingo"])).await;
    assert_problem(&list, 422, "the body must be a JSON object");
    assert_eq!(count(&app, organizations).await, before);

    for (query, detail) in [
        ("?due_before=", "due_before: "),
        ("?page=0", "page: "),
        ("?page=9223372036854775807", "page: "),
        ("?q=%00", "q: "),
    ] {
        let answer = admin.get(&format!("/api/v1/groups/{wg}/action-points{query}")).await;
        assert_problem(&answer, 400, detail);
    }
    let meetings = admin.get(&format!("/api/v1/groups/{wg}/meetings?page=-1")).await;
    assert_problem(&meetings, 400, "page: ");
    // Still answered: a page far past the end is empty.
    let far = admin
        .get(&format!("/api/v1/groups/{wg}/action-points?page=1000000"))
        .await;
    assert_eq!((far.status, far.body["items"].as_array().map(Vec::len)), (200, Some(0)));
}

#[tokio::test]
async fn a_method_a_path_lacks_is_a_405_naming_those_it_has() {
    let app = demo().await;
    let admin = script_of(&app, "admin@example.org").await;
    for (method, path, allowed) in [
        ("TRACE", "/api/v1/me", "GET"),
        ("DELETE", "/api/v1/action-points/1/history", "GET"),
        ("GET", "/api/v1/meetings/1/status", "POST"),
        ("PATCH", "/api/v1/groups", "GET"),
    ] {
        let response = admin
            .http
            .request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                format!("{}{path}", app.address),
            )
            .bearer_auth(&admin.token)
            .send()
            .await
            .unwrap();
        let allow = response.headers().get("allow").map(|v| v.to_str().unwrap().to_owned());
        assert!(allow.is_some_and(|a| a.contains(allowed)), "{method} {path}");
        assert_problem(&answer(response).await, 405, "");
    }
}

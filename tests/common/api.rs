//! Calling the JSON API as a script does: a personal token, answers read as JSON,
//! and the checks shared by the API's test binaries.

use reqwest::Method;
use serde_json::Value;

use super::{TestApp, spawn_app};

/// A script calling the API with a personal token.
pub struct Script {
    pub address: String,
    pub http: reqwest::Client,
    pub token: String,
}

/// What an API call answered: status, `Location`, `Content-Type`, and the JSON body
/// (`Null` when there is none).
pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub content_type: String,
    pub body: Value,
}

impl Answer {
    pub fn detail(&self) -> &str {
        self.body["detail"].as_str().unwrap_or_default()
    }
}

pub async fn answer(response: reqwest::Response) -> Answer {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (location, content_type) = (header("location"), header("content-type").unwrap_or_default());
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{status}: not JSON ({e}): {text}"))
    };
    Answer {
        status,
        location,
        content_type,
        body,
    }
}

impl Script {
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Answer {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.address))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        answer(request.send().await.expect("the app answers")).await
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Answer {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Answer {
        self.call(Method::PATCH, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Answer {
        self.call(Method::DELETE, path, None).await
    }
}

pub fn script(app: &TestApp, token: &str) -> Script {
    Script {
        address: app.address.clone(),
        http: reqwest::Client::new(),
        token: token.to_owned(),
    }
}

/// A script holding a fresh token of the account with `email`.
pub async fn script_of(app: &TestApp, email: &str) -> Script {
    let mut conn = app.db.conn().await;
    let token = convene::flows::accounts::issue_api_token(&mut conn, email, Some("tests"))
        .await
        .expect("a token is issued");
    script(app, &token)
}

pub async fn demo() -> TestApp {
    let app = spawn_app().await;
    app.load_demo().await;
    app
}

pub async fn count(app: &TestApp, sql: &str) -> i64 {
    app.id(&format!("SELECT count(*) AS id FROM ({sql}) AS rows")).await
}

pub async fn group_id(app: &TestApp, short_name: &str) -> i64 {
    app.id(&format!("SELECT id FROM groups WHERE short_name = '{short_name}'"))
        .await
}

pub fn assert_problem(answer: &Answer, status: u16, detail_starts: &str) {
    assert_eq!(answer.status, status, "{}", answer.body);
    assert_eq!(answer.content_type, "application/problem+json");
    assert_eq!(answer.body["status"], status);
    assert!(
        answer.detail().starts_with(detail_starts),
        "detail {:?} starts with {detail_starts:?}",
        answer.detail()
    );
}

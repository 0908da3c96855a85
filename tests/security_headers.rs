//! What every answer carries against attacks from outside: the security headers, `HEAD`
//! wherever `GET` is served, and 405 with `Allow` for a method a path does not take.

use crate::common;

use actix_web::http::Method;
use common::routes::{Objects, table};
use common::spawn_app_with;

fn assert_security_headers(response: &reqwest::Response, what: &str, https: bool) {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("{what}: no {name} header"))
    };
    let csp = header("content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    let scripts = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .unwrap_or_else(|| panic!("{what}: no script-src in {csp}"));
    assert_eq!(scripts, "script-src 'self'", "{what}");
    assert!(csp.contains("default-src 'self'"), "{what}: {csp}");
    assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
    // Other sites are never handed an address, a secret link's included.
    assert_eq!(header("referrer-policy"), "same-origin", "{what}");
    if what.contains(common::routes::UNKNOWN_SECRET) {
        assert!(
            header("cache-control").contains("no-store"),
            "{what}: a secret link's page is not kept"
        );
    }
    assert!(header("permissions-policy").contains("camera=()"), "{what}");
    assert_eq!(
        response.headers().contains_key("strict-transport-security"),
        https,
        "{what}: HSTS only over https"
    );
}

#[tokio::test]
async fn every_get_route_carries_the_headers_and_answers_head_alike() {
    let app = spawn_app_with(&[("TRUSTED_PROXIES", "127.0.0.1")]).await;
    app.load_demo().await;
    let objects = Objects::of_working_group(&app).await;
    let admin = app.sign_in_demo("admin").await;
    let anonymous = app.visitor();
    let mut checked = 0;
    for (method, pattern) in table() {
        if method != Method::GET {
            continue;
        }
        let path = objects.path(&pattern);
        for (who, visitor) in [("admin", &admin), ("anonymous", &anonymous)] {
            let get = visitor.get(&path).await;
            assert!(!get.status().is_server_error(), "{who} GET {path}: {}", get.status());
            assert_security_headers(&get, &format!("{who} GET {path}"), false);
            let head = visitor.client.head(visitor.url(&path)).send().await.unwrap();
            assert_eq!(head.status(), get.status(), "{who} HEAD {path} answers as GET does");
            assert_eq!(
                head.headers().get("content-type"),
                get.headers().get("content-type"),
                "{who} HEAD {path}"
            );
            assert_security_headers(&head, &format!("{who} HEAD {path}"), false);
            assert!(head.bytes().await.unwrap().is_empty(), "{who} HEAD {path} has no body");
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} GET routes checked");

    // Behind a trusted proxy that speaks https, browsers are told to stay on https.
    for path in ["/", "/login", "/groups/0", "/api/v1/me"] {
        let response = anonymous
            .client
            .get(anonymous.url(path))
            .header("x-forwarded-proto", "https")
            .send()
            .await
            .unwrap();
        assert_security_headers(&response, &format!("https {path}"), true);
    }
}

#[tokio::test]
async fn head_of_the_first_pages_is_answered_without_a_body() {
    let app = common::spawn_app().await;
    let anonymous = app.visitor();
    for (path, status) in [("/", 303), ("/login", 200), ("/healthz", 200)] {
        let response = anonymous.client.head(anonymous.url(path)).send().await.unwrap();
        assert_eq!(response.status(), status, "HEAD {path}");
        assert!(response.bytes().await.unwrap().is_empty(), "HEAD {path}");
    }
    // Only a trusted proxy is believed about https: anyone could send the header.
    let spoofed = anonymous
        .client
        .get(anonymous.url("/login"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert_security_headers(&spoofed, "spoofed https", false);
}

#[tokio::test]
async fn a_method_a_path_does_not_take_answers_405_with_allow() {
    let app = common::spawn_app().await;
    app.load_demo().await;
    let objects = Objects::of_working_group(&app).await;
    let admin = app.sign_in_demo("admin").await;
    let routes = table();
    let mut paths: Vec<&str> = routes.iter().map(|(_, p)| p.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    for pattern in paths {
        let taken: Vec<&Method> = routes.iter().filter(|(_, p)| p == pattern).map(|(m, _)| m).collect();
        let mut allow: Vec<&str> = taken.iter().map(|m| m.as_str()).collect();
        if taken.contains(&&Method::GET) {
            allow.push("HEAD");
        }
        allow.sort_unstable();
        let path = objects.path(pattern);
        for method in [Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE] {
            if taken.contains(&&method) {
                continue;
            }
            let response = admin
                .client
                .request(
                    reqwest::Method::from_bytes(method.as_str().as_bytes()).unwrap(),
                    admin.url(&path),
                )
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 405, "{method} {path}");
            let mut allowed: Vec<&str> = response.headers()["allow"].to_str().unwrap().split(", ").collect();
            allowed.sort_unstable();
            assert_eq!(allowed, allow, "{method} {path}");
            assert_security_headers(&response, &format!("{method} {path}"), false);
        }
    }
    // A path the app does not have is still a 404, whatever the method.
    let response = admin.client.delete(admin.url("/no/such/page")).send().await.unwrap();
    assert_eq!(response.status(), 404);
    assert_security_headers(&response, "a missing page", false);
}

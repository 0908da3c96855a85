//! Who may see what: the policy as a matrix over roles, routes and groups, and the
//! defences around sessions and forms.

use crate::common;

use std::collections::HashMap;

use actix_web::http::Method;
use common::routes::{self, Objects};
use common::{TestApp, Visitor, form_token, spawn_app};
use diesel_async::RunQueryDsl;

const PASSWORD: &str = "matrix password 2014";

/// People with one role each: in the working group, in its CM TWG sub-group, or nowhere.
const PEOPLE: &[(&str, Option<(&str, &str)>)] = &[
    ("wg-coordinator@test.org", Some(("CPiE WG", "coordinator"))),
    ("wg-co-chair@test.org", Some(("CPiE WG", "co_chair"))),
    ("wg-im@test.org", Some(("CPiE WG", "im_officer"))),
    ("wg-member@test.org", Some(("CPiE WG", "member"))),
    ("wg-observer@test.org", Some(("CPiE WG", "observer"))),
    ("cm-coordinator@test.org", Some(("CM TWG", "coordinator"))),
    ("stranger@test.org", None),
    (OUTSIDER, Some(("Other WG", "member"))),
];

/// The demo, a second working group with a meeting, and the people above.
async fn world() -> TestApp {
    let app = spawn_app().await;
    app.load_demo().await;
    let mut conn = app.db.conn().await;
    let hash = convene::domain::passwords::hash(PASSWORD);
    let statements = [
        "INSERT INTO groups (name, short_name, kind, time_zone) \
         VALUES ('Other Working Group', 'Other WG', 'working_group', 'Africa/Nairobi')"
            .to_owned(),
        "INSERT INTO meetings (group_id, title, starts_at, status, published_at) \
         SELECT id, 'Other meeting', '2014-06-12 10:00+03', 'scheduled', now() FROM groups WHERE short_name = 'Other WG'"
            .to_owned(),
    ];
    for sql in statements {
        diesel::sql_query(sql).execute(&mut conn).await.unwrap();
    }
    for (email, membership) in PEOPLE {
        diesel::sql_query(format!(
            "INSERT INTO users (email, name, password_hash) VALUES ('{email}', '{email}', '{hash}')"
        ))
        .execute(&mut conn)
        .await
        .unwrap();
        if let Some((group, role)) = membership {
            diesel::sql_query(format!(
                "INSERT INTO memberships (group_id, user_id, role) \
                 SELECT g.id, u.id, '{role}' FROM groups g, users u WHERE g.short_name = '{group}' AND u.email = '{email}'"
            ))
            .execute(&mut conn)
            .await
            .unwrap();
        }
    }
    app
}

struct Paths {
    wg: Vec<String>,
    sub: Vec<String>,
    other: Vec<String>,
    /// The working group's pages for coordinators and co-chairs.
    wg_manage: Vec<String>,
}

async fn paths(app: &TestApp) -> Paths {
    let wg = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    let cm = app.id("SELECT id FROM groups WHERE short_name = 'CM TWG'").await;
    let other = app.id("SELECT id FROM groups WHERE short_name = 'Other WG'").await;
    let june = app
        .id("SELECT id FROM meetings WHERE starts_at = '2014-06-11 14:00+03'")
        .await;
    let other_meeting = app.id("SELECT id FROM meetings WHERE title = 'Other meeting'").await;
    let group_routes = |g: i64| {
        vec![
            format!("/groups/{g}"),
            format!("/groups/{g}/action-points"),
            format!("/groups/{g}/workplan"),
        ]
    };
    let mut wg_paths = group_routes(wg);
    wg_paths.push(format!("/meetings/{june}"));
    let mut other_paths = group_routes(other);
    other_paths.push(format!("/meetings/{other_meeting}"));
    let wg_manage = vec![
        format!("/groups/{wg}/edit"),
        format!("/groups/{wg}/members"),
        format!("/groups/{wg}/subgroups/new"),
    ];
    Paths {
        wg: wg_paths,
        sub: group_routes(cm),
        other: other_paths,
        wg_manage,
    }
}

async fn status(visitor: &Visitor, path: &str) -> u16 {
    visitor.get(path).await.status().as_u16()
}

#[tokio::test]
async fn every_role_sees_what_the_policy_says_and_other_groups_give_404() {
    let app = world().await;
    let paths = paths(&app).await;
    // (who, working group pages, sub-group pages, other group's pages, managing the working group)
    let expected: &[(&str, u16, u16, u16, u16)] = &[
        ("wg-coordinator@test.org", 200, 200, 404, 200),
        ("wg-co-chair@test.org", 200, 200, 404, 200),
        ("wg-im@test.org", 200, 200, 404, 403),
        ("wg-member@test.org", 200, 200, 404, 403),
        ("wg-observer@test.org", 200, 200, 404, 403),
        ("cm-coordinator@test.org", 404, 200, 404, 404),
        ("stranger@test.org", 404, 404, 404, 404),
        ("admin@example.org", 200, 200, 200, 200),
    ];
    for (email, wg, sub, other, manage) in expected {
        let password = if email.ends_with("example.org") {
            "demo-admin-password"
        } else {
            PASSWORD
        };
        let visitor = app.sign_in(email, password).await;
        for (set, want) in [
            (&paths.wg, wg),
            (&paths.sub, sub),
            (&paths.other, other),
            (&paths.wg_manage, manage),
        ] {
            for path in set {
                assert_eq!(status(&visitor, path).await, *want, "{email} GET {path}");
            }
        }
        let api = visitor.get(&paths.wg[0].replace("/groups/", "/api/v1/groups/")).await;
        assert_eq!(api.status().as_u16(), *wg, "{email} API");
        if *wg == 404 {
            let body = api.text().await.unwrap();
            assert!(!body.contains("Asia/Beirut"), "no data leaks in the 404: {body}");
        }
    }
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_sign_in_and_the_api_answers_401() {
    let app = world().await;
    let paths = paths(&app).await;
    let anonymous = app.visitor();
    for path in paths
        .wg
        .iter()
        .chain(&paths.other)
        .chain(std::iter::once(&"/".to_owned()))
    {
        let response = anonymous.get(path).await;
        assert_eq!(response.status(), 303, "{path}");
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with("/login?next=%2F"), "{path} -> {location}");
    }
    let api = anonymous.get(&paths.wg[0].replace("/groups/", "/api/v1/groups/")).await;
    assert_eq!(api.status(), 401);
    assert_eq!(api.headers()["content-type"], "application/problem+json");
}

#[tokio::test]
async fn the_demo_logins_work_and_each_sees_their_groups() {
    let app = spawn_app().await;
    app.load_demo().await;
    for role in ["admin", "coordinator", "member"] {
        let me = app.sign_in_demo(role).await;
        let home = me.page("/").await;
        assert!(home.contains("Child Protection in Emergencies Working Group"), "{role}");
        assert!(home.contains("Sign out"), "{role}");
    }
    // The member of CM TWG and the working group starts from the working group only.
    let member_home = app.sign_in_demo("member").await.page("/").await;
    assert!(!member_home.contains("Case Management Technical Working Group"));
}

async fn session_cookie(visitor: &Visitor) -> Option<String> {
    let response = visitor.get("/").await;
    response
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn a_forged_or_missing_csrf_token_is_refused_and_changes_nothing() {
    let app = world().await;
    let me = app.sign_in("wg-member@test.org", PASSWORD).await;
    let page = me.page("/").await;
    let token = form_token(&page);

    // Sign-out is a state change: without the token, with a forged one, or from another site it is refused.
    for (fields, origin) in [
        (vec![], None),
        (vec![("csrf_token", "0".repeat(64))], None),
        (vec![("csrf_token", token.clone())], Some("https://evil.example")),
    ] {
        let mut request = me.client.post(me.url("/logout")).form(&fields);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 403, "{fields:?} {origin:?}");
        let body = response.text().await.unwrap();
        assert!(body.contains("nothing was changed"), "{body}");
        assert_eq!(me.get("/").await.status(), 200, "still signed in");
    }
    let cross_site = me
        .client
        .post(me.url("/logout"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), 403);
    assert_eq!(me.get("/").await.status(), 200, "still signed in");

    // The sign-in form needs its token too.
    let fresh = app.visitor();
    let response = fresh
        .post("/login", &[("email", "wg-member@test.org"), ("password", PASSWORD)])
        .await;
    assert_eq!(response.status(), 403);
    assert!(session_cookie(&fresh).await.is_none());
    assert_eq!(fresh.get("/").await.status(), 303, "not signed in");
}

#[tokio::test]
async fn the_session_changes_at_sign_in_and_is_useless_after_sign_out() {
    let app = world().await;
    // A session key planted before sign-in is not the one after it.
    let planted = "a".repeat(64);
    let visitor = app.visitor();
    let token = form_token(&visitor.page("/login").await);
    let response = visitor
        .client
        .post(visitor.url("/login"))
        .header("cookie", format!("convene_session={planted}; convene_form={token}"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", "wg-member@test.org"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let set_cookie: Vec<String> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let session = set_cookie
        .iter()
        .find(|c| c.starts_with("convene_session="))
        .expect("a session cookie");
    assert!(!session.contains(&planted));
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Lax"),
        "{session}"
    );
    let key = session
        .trim_start_matches("convene_session=")
        .split(';')
        .next()
        .unwrap()
        .to_owned();

    // Two sign-ins, two different keys.
    let again = app.sign_in("wg-member@test.org", PASSWORD).await;
    let second = again.client.get(again.url("/")).send().await.unwrap();
    assert_eq!(second.status(), 200);

    // Sign out, then replay the old cookie by hand.
    let me = app.visitor();
    let home = me
        .client
        .get(me.url("/"))
        .header("cookie", format!("convene_session={key}"))
        .send()
        .await
        .unwrap();
    assert_eq!(home.status(), 200, "the key works before sign-out");
    let page = home.text().await.unwrap();
    let logout = me
        .client
        .post(me.url("/logout"))
        .header("cookie", format!("convene_session={key}"))
        .form(&[("csrf_token", form_token(&page))])
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 303);
    let replay = me
        .client
        .get(me.url("/"))
        .header("cookie", format!("convene_session={key}"))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 303, "the key is useless after sign-out");
}

#[tokio::test]
async fn repeated_failures_are_throttled_and_passwords_are_stored_as_argon2id() {
    let app = world().await;
    let visitor = app.visitor();
    for _ in 0..5 {
        let response = visitor
            .submit(
                "/login",
                "/login",
                &[("email", "wg-im@test.org"), ("password", "wrong guess")],
            )
            .await;
        assert_eq!(response.status(), 401);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("The email or the password is wrong.")
        );
    }
    let response = visitor
        .submit(
            "/login",
            "/login",
            &[("email", "wg-im@test.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), 429, "even the right password waits now");
    assert!(response.text().await.unwrap().contains("Wait 15 minutes"));
    // Another account from the same address is not held up by this one's failures.
    let other = visitor
        .submit(
            "/login",
            "/login",
            &[("email", "wg-member@test.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(other.status(), 303);

    let mut conn = app.db.conn().await;
    #[derive(diesel::QueryableByName)]
    struct Hash {
        #[diesel(sql_type = diesel::sql_types::Text)]
        password_hash: String,
    }
    let stored: Hash = diesel::sql_query("SELECT password_hash FROM users WHERE email = 'member@example.org'")
        .get_result(&mut conn)
        .await
        .unwrap();
    assert!(stored.password_hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    assert!(!stored.password_hash.contains("demo-member"));
}

#[tokio::test]
async fn a_password_reset_link_works_once() {
    let app = world().await;
    let visitor = app.visitor();
    let response = visitor
        .submit(
            "/password/reset",
            "/password/reset",
            &[("email", "wg-observer@test.org")],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("a link to choose a new password is on its way")
    );
    // Unknown addresses get the same answer and no mail.
    visitor
        .submit("/password/reset", "/password/reset", &[("email", "nobody@test.org")])
        .await;

    #[derive(diesel::QueryableByName)]
    struct Mail {
        #[diesel(sql_type = diesel::sql_types::Text)]
        recipient: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        subject: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        body_text: String,
    }
    let mut conn = app.db.conn().await;
    let mails: Vec<Mail> =
        diesel::sql_query("SELECT recipient, subject, body_text FROM outbox WHERE kind = 'password_reset'")
            .load(&mut conn)
            .await
            .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipient, "wg-observer@test.org");
    assert_eq!(mails[0].subject, "Reset your convene password");
    let link = mails[0]
        .body_text
        .lines()
        .find(|l| l.contains("/password/set/"))
        .expect("the link")
        .trim()
        .to_owned();
    let path = link
        .split_once("/password/set/")
        .map(|(_, s)| format!("/password/set/{s}"))
        .unwrap();

    let short = visitor
        .submit(
            &path,
            &path,
            &[("new_password", "short"), ("confirm_password", "short")],
        )
        .await;
    assert_eq!(short.status(), 422);
    let done = visitor
        .submit(
            &path,
            &path,
            &[
                ("new_password", "a brand new passphrase"),
                ("confirm_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(done.status(), 200);
    assert!(done.text().await.unwrap().contains("Your password is saved"));
    app.sign_in("wg-observer@test.org", "a brand new passphrase").await;
    assert_eq!(visitor.get(&path).await.status(), 410, "the link works once");
}

/// Who the sweep tries each route as, in the order of the policy's columns.
const SWEEP: &[(&str, Option<&str>)] = &[
    ("anonymous", None),
    ("observer", Some("wg-observer@test.org")),
    ("member", Some("wg-member@test.org")),
    ("IM officer", Some("wg-im@test.org")),
    ("coordinator", Some("wg-coordinator@test.org")),
    ("admin", Some("admin@example.org")),
    ("other group's member", Some(OUTSIDER)),
];

/// A member of another working group only.
const OUTSIDER: &str = "other-member@test.org";

/// For every route, what each of `SWEEP` gets on the working group's objects:
/// A allowed (authorisation passed, whatever the input then made of it), L sent to sign
/// in (401 for the API), F forbidden, N not found.
const POLICY: &[(&str, &str, &str)] = &[
    ("GET", "/meetings/{id}.ics", "LAAAAAN"),
    ("GET", "/meetings", "LAAAAAA"),
    ("POST", "/meetings/{id}", "LFFFAAN"),
    ("GET", "/meetings/{id}/edit", "LFFFAAN"),
    ("GET", "/groups/{id}/meetings", "LAAAAAN"),
    ("POST", "/groups/{id}/meetings", "LFFFAAN"),
    ("GET", "/groups/{id}/meetings/new", "LFFFAAN"),
    ("POST", "/groups/{id}/meetings/series", "LFFFAAN"),
    ("GET", "/groups/{id}/meetings/series/new", "LFFFAAN"),
    ("POST", "/groups/{id}/agenda-template", "LFFFAAN"),
    ("GET", "/account/calendar", "LAAAAAA"),
    ("POST", "/account/calendar", "LAAAAAA"),
    ("GET", "/calendar/{secret}.ics", "NNNNNNN"),
    ("GET", "/", "LAAAAAA"),
    // Probes; `/metrics` from loopback, as `METRICS_ALLOW` has it by default.
    ("GET", "/healthz", "AAAAAAA"),
    ("GET", "/readyz", "AAAAAAA"),
    ("GET", "/metrics", "AAAAAAA"),
    ("GET", "/static/{file}", "AAAAAAA"),
    ("GET", "/login", "AAAAAAA"),
    // A sign-in without a password is refused as unauthenticated, whoever asks.
    ("POST", "/login", "LLLLLLL"),
    ("POST", "/logout", "LAAAAAA"),
    // The footer's language switcher: anyone, signed in or not.
    ("POST", "/language", "AAAAAAA"),
    ("GET", "/account/profile", "LAAAAAA"),
    ("POST", "/account/profile", "LAAAAAA"),
    // Site administration.
    ("GET", "/admin/users", "LFFFFAF"),
    ("POST", "/admin/users", "LFFFFAF"),
    ("GET", "/account/password", "LAAAAAA"),
    ("POST", "/account/password", "LAAAAAA"),
    ("GET", "/account/tokens", "LAAAAAA"),
    ("POST", "/account/tokens", "LAAAAAA"),
    ("POST", "/account/tokens/{id}/revoke", "LNNNNAN"),
    ("GET", "/password/reset", "AAAAAAA"),
    ("POST", "/password/reset", "AAAAAAA"),
    // Secret links answer by the secret alone: an unknown one is gone for everyone.
    ("GET", "/password/set/{secret}", "AAAAAAA"),
    ("POST", "/password/set/{secret}", "AAAAAAA"),
    ("POST", "/groups", "LFFFFAF"),
    ("GET", "/groups/new", "LFFFFAF"),
    ("GET", "/groups/{id}", "LAAAAAN"),
    ("POST", "/groups/{id}", "LFFFAAN"),
    ("GET", "/groups/{id}/edit", "LFFFAAN"),
    ("POST", "/groups/{id}/archive", "LFFFAAN"),
    ("POST", "/groups/{id}/restore", "LFFFAAN"),
    ("GET", "/groups/{id}/members", "LFFFAAN"),
    ("POST", "/groups/{id}/members", "LFFFAAN"),
    ("POST", "/groups/{id}/members/{membership}", "LFFFAAN"),
    ("POST", "/groups/{id}/members/{membership}/remove", "LFFFAAN"),
    ("POST", "/groups/{id}/subgroups", "LFFFAAN"),
    ("GET", "/groups/{id}/subgroups/new", "LFFFAAN"),
    ("GET", "/directory", "LAAAAAA"),
    // Exports and imports are for those who keep the group's data.
    ("GET", "/directory.{format}", "LFFAAAF"),
    ("GET", "/groups/{id}/directory", "LAAAAAN"),
    ("GET", "/groups/{id}/directory.{format}", "LFFAAAN"),
    ("GET", "/groups/{id}/directory/import", "LFFAAAN"),
    ("POST", "/groups/{id}/directory/import", "LFFAAAN"),
    ("POST", "/groups/{id}/directory/import/confirm", "LFFAAAN"),
    ("GET", "/groups/{id}/action-points", "LAAAAAN"),
    ("GET", "/groups/{id}/action-points.{format}", "LFFAAAN"),
    ("GET", "/groups/{id}/action-points/import", "LFFFAAN"),
    ("POST", "/groups/{id}/action-points/import", "LFFFAAN"),
    ("POST", "/groups/{id}/action-points/import/confirm", "LFFFAAN"),
    ("POST", "/groups/{id}/action-points", "LFFFAAN"),
    ("GET", "/groups/{id}/action-points/new", "LFFFAAN"),
    ("POST", "/groups/{id}/action-points/bulk", "LFFFAAN"),
    ("GET", "/action-points", "LAAAAAA"),
    ("GET", "/action-points/{id}", "LAAAAAN"),
    ("POST", "/action-points/{id}/status", "LFFFAAN"),
    ("GET", "/groups/{id}/workplan", "LAAAAAN"),
    ("GET", "/groups/{id}/workplan.{format}", "LFFAAAN"),
    ("GET", "/groups/{id}/workplan/import", "LFFAAAN"),
    ("POST", "/groups/{id}/workplan/import", "LFFAAAN"),
    ("POST", "/groups/{id}/workplan/import/confirm", "LFFAAAN"),
    ("GET", "/groups/{id}/workplan/timeline", "LAAAAAN"),
    ("GET", "/groups/{id}/workplan/timeline.svg", "LAAAAAN"),
    ("POST", "/groups/{id}/workplan/areas", "LFFAAAN"),
    ("GET", "/groups/{id}/workplan/areas/new", "LFFAAAN"),
    ("POST", "/groups/{id}/workplan/tasks", "LFFAAAN"),
    ("GET", "/groups/{id}/workplan/tasks/new", "LFFAAAN"),
    ("POST", "/workplan/areas/{id}", "LFFAAAN"),
    ("GET", "/workplan/areas/{id}/edit", "LFFAAAN"),
    ("GET", "/workplan/areas/{id}/delete", "LFFAAAN"),
    ("POST", "/workplan/areas/{id}/delete", "LFFAAAN"),
    ("GET", "/workplan/tasks/{id}/delete", "LFFAAAN"),
    ("POST", "/workplan/tasks/{id}/delete", "LFFAAAN"),
    ("POST", "/workplan/areas/{id}/move", "LFFAAAN"),
    ("POST", "/workplan/tasks/{id}", "LFFAAAN"),
    ("GET", "/workplan/tasks/{id}/edit", "LFFAAAN"),
    ("POST", "/workplan/tasks/{id}/status", "LFFAAAN"),
    ("GET", "/organizations", "LAAAAAA"),
    ("POST", "/organizations", "LFFFAAF"),
    ("GET", "/organizations/new", "LFFFAAF"),
    ("POST", "/organizations/{id}", "LFFFFAF"),
    ("GET", "/organizations/{id}/edit", "LFFFFAF"),
    ("POST", "/organizations/{id}/merge", "LFFFFAF"),
    ("GET", "/meetings/{id}", "LAAAAAN"),
    ("POST", "/meetings/{id}/status", "LFFFAAN"),
    ("GET", "/meetings/{id}/agenda", "LFFFAAN"),
    ("POST", "/meetings/{id}/agenda", "LFFFAAN"),
    ("POST", "/meetings/{id}/agenda/{item}", "LFFFAAN"),
    ("GET", "/meetings/{id}/agenda/{item}/edit", "LFFFAAN"),
    ("POST", "/meetings/{id}/agenda/{item}/move", "LFFFAAN"),
    ("GET", "/meetings/{id}/agenda/{item}/delete", "LFFFAAN"),
    ("POST", "/meetings/{id}/agenda/{item}/delete", "LFFFAAN"),
    ("POST", "/meetings/{id}/agenda/{item}/notes", "LFFFAAN"),
    ("GET", "/meetings/{id}/agenda/{item}/update", "LFFFAAN"),
    ("POST", "/meetings/{id}/agenda/{item}/update", "LFFFAAN"),
    ("GET", "/meetings/{id}/live", "LAAAAAN"),
    ("GET", "/meetings/{id}/live/state", "LAAAAAN"),
    ("POST", "/meetings/{id}/live/current", "LFFFAAN"),
    ("POST", "/meetings/{id}/action-points", "LFFFAAN"),
    ("GET", "/meetings/{id}/attendance", "LFFFAAN"),
    ("POST", "/meetings/{id}/attendance", "LFFFAAN"),
    ("POST", "/meetings/{id}/guests", "LFFFAAN"),
    ("POST", "/meetings/{id}/guests/{guest}/remove", "LFFFAAN"),
    ("GET", "/meetings/{id}/minutes", "LAAAAAN"),
    ("GET", "/meetings/{id}/minutes.txt", "LAAAAAN"),
    ("GET", "/admin/outbox", "LFFFFAF"),
    ("GET", "/admin/outbox/{id}", "LFFFFAF"),
    ("POST", "/admin/outbox/{id}/retry", "LFFFFAF"),
    ("POST", "/admin/outbox/{id}/cancel", "LFFFFAF"),
    ("GET", "/action-points/{id}/update/{secret}", "AAAAAAA"),
    ("POST", "/action-points/{id}/update/{secret}", "AAAAAAA"),
    ("GET", "/mail/unsubscribe/{secret}", "AAAAAAA"),
    ("POST", "/mail/unsubscribe/{secret}", "AAAAAAA"),
    ("GET", "/account/notifications", "LAAAAAA"),
    ("POST", "/account/notifications", "LAAAAAA"),
    // The API: 401 instead of a sign-in redirect.
    ("GET", "/api/v1/openapi.json", "AAAAAAA"),
    ("GET", "/api/v1/me", "LAAAAAA"),
    ("GET", "/api/v1/users", "LFFFFAF"),
    ("POST", "/api/v1/users", "LFFFFAF"),
    ("GET", "/api/v1/users/{id}", "LFFFFAF"),
    ("PATCH", "/api/v1/users/{id}", "LFFFFAF"),
    ("GET", "/api/v1/organizations", "LAAAAAA"),
    ("POST", "/api/v1/organizations", "LFFFAAF"),
    ("GET", "/api/v1/organizations/{id}", "LAAAAAA"),
    ("PATCH", "/api/v1/organizations/{id}", "LFFFFAF"),
    ("POST", "/api/v1/organizations/{id}/merge", "LFFFFAF"),
    ("GET", "/api/v1/groups", "LAAAAAA"),
    ("POST", "/api/v1/groups", "LFFFFAF"),
    ("GET", "/api/v1/groups/{id}", "LAAAAAN"),
    ("PATCH", "/api/v1/groups/{id}", "LFFFAAN"),
    ("POST", "/api/v1/groups/{id}/archive", "LFFFAAN"),
    ("POST", "/api/v1/groups/{id}/unarchive", "LFFFAAN"),
    ("GET", "/api/v1/groups/{id}/memberships", "LAAAAAN"),
    ("POST", "/api/v1/groups/{id}/memberships", "LFFFAAN"),
    ("GET", "/api/v1/groups/{id}/memberships/{membership_id}", "LAAAAAN"),
    ("PATCH", "/api/v1/groups/{id}/memberships/{membership_id}", "LFFFAAN"),
    ("DELETE", "/api/v1/groups/{id}/memberships/{membership_id}", "LFFFAAN"),
    ("GET", "/api/v1/groups/{id}/action-points", "LAAAAAN"),
    ("POST", "/api/v1/groups/{id}/action-points", "LFFFAAN"),
    ("GET", "/api/v1/groups/{id}/meetings", "LAAAAAN"),
    ("POST", "/api/v1/groups/{id}/meetings", "LFFFAAN"),
    ("GET", "/api/v1/meetings/{id}", "LAAAAAN"),
    ("PATCH", "/api/v1/meetings/{id}", "LFFFAAN"),
    ("GET", "/api/v1/action-points/{id}", "LAAAAAN"),
    ("GET", "/api/v1/action-points/{id}/history", "LAAAAAN"),
    ("POST", "/api/v1/action-points/{id}/status", "LFFFAAN"),
    ("GET", "/api/v1/groups/{id}/workplan", "LAAAAAN"),
    ("POST", "/api/v1/groups/{id}/workplan/areas", "LFFAAAN"),
    ("POST", "/api/v1/groups/{id}/workplan/tasks", "LFFAAAN"),
    ("GET", "/api/v1/workplan/areas/{id}", "LAAAAAN"),
    ("PATCH", "/api/v1/workplan/areas/{id}", "LFFAAAN"),
    ("DELETE", "/api/v1/workplan/areas/{id}", "LFFAAAN"),
    ("GET", "/api/v1/workplan/tasks/{id}", "LAAAAAN"),
    ("PATCH", "/api/v1/workplan/tasks/{id}", "LFFAAAN"),
    ("DELETE", "/api/v1/workplan/tasks/{id}", "LFFAAAN"),
    ("POST", "/api/v1/meetings/{id}/status", "LFFFAAN"),
    ("GET", "/api/v1/meetings/{id}/agenda", "LAAAAAN"),
    ("POST", "/api/v1/meetings/{id}/agenda", "LFFFAAN"),
    ("PATCH", "/api/v1/meetings/{id}/agenda/{item}", "LFFFAAN"),
    ("DELETE", "/api/v1/meetings/{id}/agenda/{item}", "LFFFAAN"),
    ("POST", "/api/v1/meetings/{id}/agenda/{item}/move", "LFFFAAN"),
    ("PUT", "/api/v1/meetings/{id}/agenda/{item}/notes", "LFFFAAN"),
    ("GET", "/api/v1/meetings/{id}/attendance", "LAAAAAN"),
    ("PUT", "/api/v1/meetings/{id}/attendance", "LFFFAAN"),
    ("POST", "/api/v1/meetings/{id}/guests", "LFFFAAN"),
    ("DELETE", "/api/v1/meetings/{id}/guests/{guest}", "LFFFAAN"),
];

/// The answer's class, as the policy writes it.
fn class(status: u16, location: Option<&str>) -> char {
    match status {
        401 => 'L',
        303 if location.is_some_and(|l| l.starts_with("/login?")) => 'L',
        403 => 'F',
        404 => 'N',
        405 | 500.. => '!',
        _ => 'A',
    }
}

/// Reads run first and the requests that undo or end something last, so that one
/// route's change does not decide another's answer.
fn order(method: &Method, pattern: &str) -> u8 {
    let ends = |suffix: &str| pattern.ends_with(suffix);
    if *method == Method::GET {
        0
    } else if pattern == "/logout" || pattern == "/login" {
        4
    } else if ends("/restore") || ends("/unarchive") {
        3
    } else if *method == Method::DELETE
        || [
            "/delete", "/remove", "/archive", "/merge", "/revoke", "/cancel", "/retry",
        ]
        .iter()
        .any(|s| ends(s))
    {
        2
    } else {
        1
    }
}

/// The body an API write is tried with: one the app would accept from someone allowed.
fn api_body(method: &Method, pattern: &str, objects: &Objects) -> serde_json::Value {
    use serde_json::json;
    let user = objects.id("user");
    match (method.as_str(), pattern.trim_start_matches("/api/v1")) {
        ("POST", "/users") => json!({"email": "swept@test.org", "name": "Swept"}),
        ("POST", "/organizations") => json!({"name": "Sweep NGO", "kind": "nngo"}),
        ("POST", "/organizations/{id}/merge") => json!({"into": objects.id("another_organization")}),
        ("POST", "/groups") => json!({
            "name": "Sweep Working Group", "short_name": "Sweep WG", "kind": "working_group", "time_zone": "Asia/Beirut"
        }),
        ("POST", "/groups/{id}/memberships") => json!({"user_id": user, "role": "member"}),
        ("POST", "/groups/{id}/action-points") => json!({"topic": "Sweep", "text": "Swept", "owners": ["role:member"]}),
        ("POST", "/groups/{id}/meetings") => json!({
            "title": "Sweep", "starts_at_local": "2027-04-14T14:00", "ends_at_local": "2027-04-14T15:30"
        }),
        ("POST", "/action-points/{id}/status") => json!({"status": "in_progress", "note": "Swept"}),
        ("POST", "/groups/{id}/workplan/areas") => json!({"name": "Sweep area"}),
        ("POST", "/groups/{id}/workplan/tasks") => {
            json!({"area_id": objects.id("area"), "title": "Sweep task", "owners": ["role:member"]})
        }
        ("POST", "/meetings/{id}/status") => json!({"status": "scheduled"}),
        ("POST", "/meetings/{id}/agenda") => json!({"title": "Sweep item"}),
        ("POST", "/meetings/{id}/agenda/{item}/move") => json!({"to": "down"}),
        ("PUT", "/meetings/{id}/agenda/{item}/notes") => json!({"version": 0, "notes": "Swept", "decisions": ""}),
        ("PUT", "/meetings/{id}/attendance") => json!({"members": [{"user_id": user, "status": "present"}]}),
        ("POST", "/meetings/{id}/guests") => json!({"name": "Sweep guest"}),
        _ => json!({}),
    }
}

/// The fields of writes that no page offers a form for here: the confirmation of an
/// import (shown after an upload), a move on the live screen, and secret links'.
fn fields_without_a_form(pattern: &str, objects: &Objects) -> Vec<(String, String)> {
    let fields: &[(&str, &str)] = match pattern {
        p if p.ends_with("/import/confirm") => &[("rows", "[]")],
        "/meetings/{id}/live/current" => return vec![("item".into(), objects.id("item").to_string())],
        "/action-points/{id}/update/{secret}" => &[("status", "in_progress"), ("note", "Swept")],
        "/password/set/{secret}" => &[
            ("new_password", "a new password 2014"),
            ("confirm_password", "a new password 2014"),
        ],
        _ => &[],
    };
    fields.iter().map(|(n, v)| ((*n).into(), (*v).into())).collect()
}

/// What each page route, or each API route, answers one person: (method, pattern,
/// class, status). Each run has a world of its own, so one's deletions leave the
/// other's objects in place.
async fn sweep_as(email: Option<&str>, api: bool) -> Vec<(Method, String, char, u16)> {
    let app = world().await;
    let objects = Objects::of_working_group(&app).await;
    let mut table: Vec<(Method, String)> = routes::table()
        .into_iter()
        .filter(|(_, pattern)| pattern.starts_with("/api/") == api)
        .collect();
    table.sort_by_key(|(method, pattern)| order(method, pattern));

    // The forms the pages offer, to the admin and before sign-in, give each write the
    // body a browser would send.
    let mut forms: HashMap<String, routes::Form> = HashMap::new();
    if !api {
        for visitor in [app.sign_in_demo("admin").await, app.visitor()] {
            for (method, pattern) in &table {
                if *method != Method::GET {
                    continue;
                }
                let response = visitor.get(&objects.path(pattern)).await;
                if response.status() == 200 {
                    for form in routes::forms(&response.text().await.unwrap()) {
                        forms.entry(form.action.clone()).or_insert(form);
                    }
                }
            }
        }
    }

    let (visitor, token, api_token) = match email {
        None => {
            let visitor = app.visitor();
            let token = form_token(&visitor.page("/login").await);
            (visitor, token, None)
        }
        Some(email) => {
            let password = if email == "admin@example.org" {
                "demo-admin-password"
            } else {
                PASSWORD
            };
            let visitor = app.sign_in(email, password).await;
            let token = form_token(&visitor.page("/").await);
            let mut conn = app.db.conn().await;
            let api = convene::flows::accounts::issue_api_token(&mut conn, email, Some("sweep"))
                .await
                .unwrap();
            (visitor, token, Some(api))
        }
    };
    let mut answers = Vec::new();
    for (method, pattern) in table {
        let path = objects.path(&pattern);
        let mut request = visitor.client.request(
            reqwest::Method::from_bytes(method.as_str().as_bytes()).unwrap(),
            visitor.url(&path),
        );
        if api {
            if let Some(api) = &api_token {
                request = request.bearer_auth(api);
            }
            if method != Method::GET && method != Method::DELETE {
                request = request.json(&api_body(&method, &pattern, &objects));
            }
        } else if method != Method::GET {
            let form = forms.get(&path).cloned().unwrap_or_else(|| routes::Form {
                fields: fields_without_a_form(&pattern, &objects),
                ..Default::default()
            });
            let mut fields: Vec<(String, String)> = form
                .fields
                .into_iter()
                .filter(|(name, _)| name != "csrf_token")
                .collect();
            fields.push(("csrf_token".into(), token.clone()));
            request = if form.upload {
                let mut multipart = reqwest::multipart::Form::new();
                for (name, value) in fields {
                    multipart = multipart.text(name, value);
                }
                let sheet = reqwest::multipart::Part::bytes(b"Name,Email\n".to_vec()).file_name("sweep.csv");
                request.multipart(multipart.part("file", sheet))
            } else {
                request.form(&fields)
            };
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .map(|l| l.to_str().unwrap().to_owned());
        if email == Some(OUTSIDER) && pattern != "/api/v1/openapi.json" {
            // Lists that span groups show the outsider nothing of the working group's.
            let body = response.text().await.unwrap_or_default();
            assert!(
                !body.contains("CPiE"),
                "{method} {path} shows {OUTSIDER} the working group"
            );
        }
        answers.push((method, pattern, class(status, location.as_deref()), status));
    }
    answers
}

#[tokio::test]
async fn every_route_answers_every_role_as_the_policy_says() {
    let table = routes::table();
    let missing: Vec<String> = table
        .iter()
        .filter(|(m, p)| !POLICY.iter().any(|(pm, pp, _)| *pm == m.as_str() && pp == p))
        .map(|(m, p)| format!("{m} {p}"))
        .collect();
    let stale: Vec<String> = POLICY
        .iter()
        .filter(|(pm, pp, _)| !table.iter().any(|(m, p)| *pm == m.as_str() && pp == p))
        .map(|(m, p, _)| format!("{m} {p}"))
        .collect();

    let mut observed: HashMap<(String, String), (String, Vec<u16>)> = HashMap::new();
    for (_, email) in SWEEP {
        let pages = sweep_as(*email, false).await;
        for (method, pattern, class, status) in pages.into_iter().chain(sweep_as(*email, true).await) {
            let cell = observed.entry((method.to_string(), pattern)).or_default();
            cell.0.push(class);
            cell.1.push(status);
        }
    }
    let mut differences = Vec::new();
    for (method, pattern) in &table {
        let (classes, statuses) = &observed[&(method.to_string(), pattern.clone())];
        let expected = POLICY
            .iter()
            .find(|(m, p, _)| *m == method.as_str() && p == pattern)
            .map(|(_, _, e)| *e);
        if expected != Some(classes.as_str()) {
            differences.push(format!(
                "    (\"{method}\", \"{pattern}\", \"{classes}\"), // was {expected:?}, statuses {statuses:?}"
            ));
        }
    }
    assert!(
        missing.is_empty() && stale.is_empty() && differences.is_empty(),
        "routes missing from the policy: {missing:?}\nin the policy but not served: {stale:?}\n\
         answers that differ from the policy (columns: {}):\n{}",
        SWEEP.iter().map(|(who, _)| *who).collect::<Vec<_>>().join(", "),
        differences.join("\n")
    );
}

#[tokio::test]
async fn every_write_without_the_csrf_token_is_refused_and_changes_nothing() {
    let app = world().await;
    let objects = Objects::of_working_group(&app).await;
    let admin = app.sign_in_demo("admin").await;
    let anonymous = app.visitor();
    form_token(&anonymous.page("/login").await);
    let changes = "SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM action_point_updates) \
                   + (SELECT count(*) FROM groups) + (SELECT count(*) FROM workplan_areas) AS count";
    let before = app.count(changes).await;
    let mut refused = 0;
    for (method, pattern) in routes::table() {
        if method == Method::GET {
            continue;
        }
        let path = objects.path(&pattern);
        for (who, visitor) in [("admin", &admin), ("anonymous", &anonymous)] {
            let response = visitor
                .client
                .request(
                    reqwest::Method::from_bytes(method.as_str().as_bytes()).unwrap(),
                    visitor.url(&path),
                )
                .form(&[("name", "Forged")])
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            // Someone not signed in is sent to sign in before anything is read.
            let fine = status == 403 || (who == "anonymous" && matches!(status, 303 | 401));
            assert!(fine, "{who} {method} {path} without a token: {status}");
            refused += 1;
        }
    }
    assert!(refused > 150, "{refused} writes tried");
    assert_eq!(app.count(changes).await, before, "nothing changed");
    assert_eq!(admin.get("/").await.status(), 200, "still signed in");
}

//! Who may see what: the policy as a matrix over roles, routes and groups, and the
//! defences around sessions and forms.

mod common;

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
